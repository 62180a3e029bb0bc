package builtin

import (
	"regexp"
	"testing"
)

// TestStillThingLines checks the lines said of a thing one looks at: one
// thing is not "the objects", food or a product is no place to step into,
// and a thing no one handles is not bustling or lively.
func TestStillThingLines(t *testing.T) {
	for _, c := range []struct {
		idea string
		not  *regexp.Regexp
	}{
		{"a fountain pen with a gold nib", regexp.MustCompile(`(?i)the objects`)},
		{"a pocket watch with a silver chain", regexp.MustCompile(`(?i)the objects`)},
		{"a bowl of ripe peaches", regexp.MustCompile(`(?i)step into`)},
		{"a stack of pancakes with syrup", regexp.MustCompile(`(?i)step into`)},
		{"a ceramic teapot on a shelf", regexp.MustCompile(`(?i)step into`)},
		{"a brass trumpet on a velvet chair", regexp.MustCompile(`(?i)bustl|lively|energetic|animated|noise`)},
		{"a violin resting in an open case", regexp.MustCompile(`(?i)bustl|lively|energetic|animated|noise`)},
		{"a drum kit in an empty studio", regexp.MustCompile(`(?i)bustl|lively|energetic|animated|noise`)},
	} {
		for seed := int64(1); seed <= 8; seed++ {
			for _, p := range writeN(t, c.idea, seed, 3, 0) {
				if m := c.not.FindString(p.Text); m != "" {
					t.Errorf("%q seed %d: %q:\n%s", c.idea, seed, m, p.Text)
				}
			}
		}
	}
}

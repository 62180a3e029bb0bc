package builtin

import (
	"strings"
	"testing"

	"github.com/easel-art/easel/scene"
)

// TestMaterialBound checks that a sentence may not give a thing another
// material than the idea gives it: no "ceramic bowl" of a glass bowl, no
// "wooden table" of a marble one; a material it does not contradict, or
// of a thing the idea gives none, is fine.
func TestMaterialBound(t *testing.T) {
	for _, c := range []struct {
		idea, sentence string
		bad            bool
	}{
		{"a turtle in a glass bowl", "A handmade ceramic bowl with a speckled glaze holds it all.", true},
		{"a teapot on a marble table", "The wooden table's grain adds warmth and texture.", true},
		{"a kitten in a wicker basket", "A sturdy plastic basket holds the kitten.", true},
		{"a wooden bowl of cherries", "The wooden bowl glows in the light.", false},
		{"an oak table with a vase", "The wooden table's grain adds warmth and texture.", false},
		{"a turtle in a bowl", "A handmade ceramic bowl with a speckled glaze holds it all.", false},
		{"a turtle in a glass bowl", "A ceramic vase stands nearby.", false},
		{"a lamp on a glass desk", "The grain and small scratches of the glass desk add warmth.", true},
		{"a lamp on an oak desk", "The grain and small scratches of the oak desk add warmth.", false},
	} {
		sc := scene.Parse(c.idea)
		ch := newChecker(sc, strings.ToLower(c.idea))
		r := refOf(sc, 0)
		if strings.Contains(c.sentence, "desk") {
			r.text = "the " + strings.Fields(c.idea)[len(strings.Fields(c.idea))-2] + " desk"
		}
		p := ch.problem([]byte(c.sentence), r, false)
		if got := strings.HasPrefix(p, "material") || p == "grain"; got != c.bad {
			t.Errorf("%q: %q: problem %q, want a material problem %v", c.idea, c.sentence, p, c.bad)
		}
	}
	// And the prompts: no stock line gives the idea's things another material.
	for _, c := range []struct{ idea, not string }{
		{"a turtle in a glass bowl", "ceramic bowl"},
		{"a teapot on a glass table", "wooden table"},
		{"a snail in a glass bowl on a desk", "ceramic bowl"},
		{"a porcelain cup on a marble table", "grain and small scratches"},
	} {
		for seed := int64(1); seed <= 6; seed++ {
			for _, p := range writeN(t, c.idea, seed, 3, 0) {
				if strings.Contains(p.Text, c.not) {
					t.Errorf("%q seed %d: %q:\n%s", c.idea, seed, c.not, p.Text)
				}
			}
		}
	}
}

package canvas

import (
	"testing"

	"github.com/easel-art/easel/scene"
)

// TestFoodInJar checks that food the idea puts in a jar is drawn in a
// jar, not an open bowl: the plan's table paints the jar itself and the
// food in it, so the notes name neither as a plain shape ("a glass jar
// of honey" was an open bowl, noted "plain shape: the honey").
func TestFoodInJar(t *testing.T) {
	for _, tc := range []struct{ idea, roughly string }{
		{"a glass jar of honey on a wooden table", ""},
		{"a jar of pickles", ""},
		{"a jar of olives next to a loaf of bread", ""},
		{"a bowl of rice", "the rice"}, // still an open bowl of a plain heap
	} {
		_, r := Notes(scene.Parse(tc.idea), "", 7)
		got := ""
		if len(r) > 0 {
			got = r[0]
		}
		if got != tc.roughly {
			t.Errorf("%q: plain shape %q, want %q", tc.idea, r, tc.roughly)
		}
	}
}

package canvas

import (
	"slices"
	"testing"

	"github.com/easel-art/easel/scene"
)

// TestBlowingBubbles checks that bubbles a figure blows are drawn as
// bubbles and noted as drawn: the note said "plain shape: the bubbles"
// over a speck in the hand.
func TestBlowingBubbles(t *testing.T) {
	for _, idea := range []string{
		"a child blowing soap bubbles in a garden",
		"a girl blowing bubbles on a beach",
		"an old woman blowing bubbles in a park",
	} {
		nd, r := Notes(scene.Parse(idea), "", 7)
		if slices.Contains(r, "the bubbles") || slices.Contains(nd, "the bubbles") {
			t.Errorf("%q: notes %v %v name the bubbles, and they are drawn", idea, nd, r)
		}
	}
}

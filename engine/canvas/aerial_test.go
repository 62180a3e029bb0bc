package canvas

import (
	"strings"
	"testing"

	"github.com/easel-art/easel/scene"
)

// TestViewFromAboveKeepsTheIdea: a variation that moves the camera high up
// keeps what the idea names. A sunset is seen looking out from the height,
// not straight down; an island's ring of sand is its beach, and the notes
// say nothing of either (they said "not drawn: the beach").
func TestViewFromAboveKeepsTheIdea(t *testing.T) {
	for _, c := range []struct{ idea, kind string }{
		{"a beach sunset", "landscape"},
		{"a quiet beach at sunrise", "landscape"},
		{"a tropical island with a white beach", "aerial"},
	} {
		for seed := int64(1); seed <= 4; seed++ {
			s := scene.Parse(c.idea)
			s.View = "aerial view from above"
			if p := planOf(s); p.kind != c.kind {
				t.Errorf("%q from above: a %s picture, want %s", c.idea, p.kind, c.kind)
			}
			if notDrawn, _ := Notes(s, "", seed); len(notDrawn) > 0 {
				t.Errorf("%q from above, seed %d: not drawn: %s", c.idea, seed, strings.Join(notDrawn, ", "))
			}
		}
	}
}

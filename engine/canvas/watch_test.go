package canvas

import (
	"slices"
	"testing"

	"github.com/easel-art/easel/scene"
)

// TestWatchStrap checks that a watch's strap is drawn in the colour the
// idea gives it and is not noted as missing (the note said "not drawn:
// the strap" under a drawn strap, drawn brown when it was black).
func TestWatchStrap(t *testing.T) {
	for _, tc := range []struct {
		idea string
		blue bool
	}{
		{"a smartwatch with a black strap on a white background", false},
		{"a silver wristwatch with a leather strap", false},
		{"a gold watch with a blue band", true},
		{"a wristwatch with a blue strap on a marble counter", true},
	} {
		s := scene.Parse(tc.idea)
		if nd, _ := Notes(s, "", 7); slices.Contains(nd, "the strap") {
			t.Errorf("%q: the strap noted as not drawn", tc.idea)
		}
		img := Draw(s, "", 128, 128, 7)
		n := 0
		for i := 0; i < len(img.Pix); i += 4 {
			r, g, b := int(img.Pix[i]), int(img.Pix[i+1]), int(img.Pix[i+2])
			if b > r+60 && b > g+40 {
				n++
			}
		}
		if got := n > 40; got != tc.blue {
			t.Errorf("%q: %d blue pixels, want a blue strap %v", tc.idea, n, tc.blue)
		}
	}
}

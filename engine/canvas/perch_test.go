package canvas

import (
	"slices"
	"testing"

	"github.com/easel-art/easel/scene"
)

// TestCountedOnOnePerch checks that a few creatures on one thing are
// drawn on it, and that the thing keeps its own colour: "two blue
// butterflies on a pink flower" drew no flower and the flowers blue, and
// "three ladybugs on a leaf" no leaf (noted as not drawn).
func TestCountedOnOnePerch(t *testing.T) {
	for _, tc := range []struct {
		idea, perch string
		pink        bool
	}{
		{"two blue butterflies on a pink flower", "the flower", true},
		{"three ladybugs on a leaf", "the leaf", false},
		{"two snails on a rock", "the rock", false},
		{"a yellow bee on a pink flower", "the flower", true},
	} {
		s := scene.Parse(tc.idea)
		if nd, _ := Notes(s, "", 7); slices.Contains(nd, tc.perch) {
			t.Errorf("%q: %s noted as not drawn", tc.idea, tc.perch)
		}
		img := Draw(s, "", 128, 128, 7)
		n := 0
		for i := 0; i < len(img.Pix); i += 4 {
			r, g, b := int(img.Pix[i]), int(img.Pix[i+1]), int(img.Pix[i+2])
			if r > 190 && b > 120 && g < r-50 && b < r {
				n++
			}
		}
		if got := n > 300; got != tc.pink {
			t.Errorf("%q: %d pink pixels, want pink %v", tc.idea, n, tc.pink)
		}
	}
}

// TestFlowerColourBound checks that the flowers take the colour the idea
// gives the flower, a rose too (WordNet files it under plants): "a
// purple butterfly on a white rose" drew red roses.
func TestFlowerColourBound(t *testing.T) {
	for _, tc := range []struct {
		idea string
		want rgb
	}{
		{"a purple butterfly on a white rose", hex("#ffffff")},
		{"a green beetle on a yellow tulip", hex("#f2c21e")},
		{"two blue butterflies on a pink flower", hex("#e85a9a")},
	} {
		p := planOf(scene.Parse(tc.idea))
		got := (&painter{p: p}).flowerColours()[0]
		dr, dg, db := got.r-tc.want.r, got.g-tc.want.g, got.b-tc.want.b
		if dr*dr+dg*dg+db*db > 0.12 {
			t.Errorf("%q: flowers %v, want near %v", tc.idea, got, tc.want)
		}
	}
}

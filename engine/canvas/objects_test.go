package canvas

import (
	"testing"

	"github.com/easel-art/easel/scene"
)

// TestObjectKindAndCount: an object is drawn by the shape its words name,
// the noun's or the words before it ("a chess set"), a thing the lexicon
// does not know on a table is still shown on it, and a counted object is
// drawn as many times as counted ("a pair of" is one thing).
func TestObjectKindAndCount(t *testing.T) {
	for _, tt := range []struct {
		idea, shape string
		n           int
	}{
		{"a wooden chess board on a table", "boardgame", 1},
		{"a chess set on a coffee table", "boardgame", 1},
		{"a leather wallet on a wooden desk", "wallet", 1},
		{"two white candles on a dining table", "candle", 2},
		{"three glass jars on a shelf", "jar", 3},
		{"five red gift boxes on a white background", "gift", 5},
		{"a pair of sunglasses on a wooden table", "glasses", 1},
		{"a pair of white sneakers on a white background", "shoe", 1},
	} {
		sc := scene.Parse(tt.idea)
		c := newCanvas(64, 64, 1, styleFor(StylePhoto))
		p := makePlan(sc, StylePhoto, 64, 64, c, frame{})
		c.release()
		if p.kind != "product" {
			t.Errorf("%q: drawn as %q; want a product shot", tt.idea, p.kind)
			continue
		}
		if p.prod.shape != tt.shape || p.prod.n != tt.n {
			t.Errorf("%q: %d × %q; want %d × %q", tt.idea, p.prod.n, p.prod.shape, tt.n, tt.shape)
		}
	}
}

// TestNoUnaskedProps: a product shot on a white background shows the one
// object the words name and nothing beside it, whatever the seed: the
// columns that hold something dark or coloured make one run, not two.
func TestNoUnaskedProps(t *testing.T) {
	const size = 96
	for _, idea := range []string{"a blue ceramic mug on a white background", "a red backpack on a white background", "a black leather wallet on a white background"} {
		sc := scene.Parse(idea)
		for seed := int64(1); seed <= 8; seed++ {
			img := Draw(sc, StylePhoto, size, size, seed)
			runs, in := 0, false
			for x := 0; x < size; x++ {
				used := false
				for y := size / 3; y < size && !used; y++ {
					// Dark or coloured: a thing, not the pale sweep, its
					// shadow or a podium's shading.
					i := y*img.Stride + x*4
					r, g, b := int(img.Pix[i]), int(img.Pix[i+1]), int(img.Pix[i+2])
					used = r+g+b < 360 || max(r, g, b)-min(r, g, b) > 45
				}
				if used && !in {
					runs++
				}
				in = used
			}
			if runs != 1 {
				t.Errorf("%q seed %d: %d separate things on the sweep; want the one named", idea, seed, runs)
			}
		}
	}
}

// TestToyInItsContainer: a toy named for an animal is drawn as that toy
// (a rubber duck, by the bird WordNet calls a duck), as many as counted,
// and in the container the words put it in: afloat in a bathtub, not on
// a lake.
func TestToyInItsContainer(t *testing.T) {
	for _, tt := range []struct {
		idea, shape, surface string
		n                    int
	}{
		{"five yellow rubber ducks in a bathtub", "toyduck", "tub", 5},
		{"a blue rubber duck in the bath", "toyduck", "tub", 1},
		{"three rubber ducks on a bathroom shelf", "toyduck", "shelf", 3},
		{"a toy sailboat in a bathtub", "toyboat", "tub", 1},
		{"a red toy car on a wooden floor", "toycar", "wood", 1},
	} {
		sc := scene.Parse(tt.idea)
		c := newCanvas(64, 64, 1, styleFor(StylePhoto))
		p := makePlan(sc, StylePhoto, 64, 64, c, frame{})
		c.release()
		if p.kind != "product" || p.prod.shape != tt.shape || p.prod.surface != tt.surface || p.prod.n != tt.n {
			t.Errorf("%q: %s, %d × %q on %q; want %d × %q on %q", tt.idea, p.kind, p.prod.n, p.prod.shape, p.prod.surface, tt.n, tt.shape, tt.surface)
		}
	}
}

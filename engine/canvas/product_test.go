package canvas

import (
	"strings"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/scene"
)

// TestProductShots: one everyday object is drawn as itself, on the surface
// the words name, in the colour they give it.
func TestProductShots(t *testing.T) {
	tests := []struct {
		idea, shape, surface string
		colour               string // a paletteColours name, or "" for any
	}{
		{"a ceramic coffee mug on a wooden table", "mug", "wood", ""},
		{"a straw hat on a garden bench", "hat", "bench", ""},
		{"a red backpack on a white background", "backpack", "white", "red"},
		{"a blue glass vase on a marble counter", "vase", "marble", "blue"},
		{"a white sneaker on a studio backdrop", "shoe", "backdrop", "white"},
		{"a potted plant on a shelf", "plant", "shelf", ""},
		{"black headphones on a studio backdrop", "headphones", "backdrop", "black"},
		{"a green teapot", "teapot", "", "green"},
		{"a cup of coffee", "cup", "", ""},
		{"a leather handbag on a pink background", "bag", "backdrop", ""},
		{"a stack of books on a wooden table", "book", "wood", ""},
		{"a yellow zorbulator on a white background", "generic", "white", "yellow"},
		{"a red t-shirt on a white background", "top", "white", "red"},
		{"a green dress on a grey background", "dress", "backdrop", "green"},
		{"blue jeans on a white background", "trousers", "white", "blue"},
		{"a pearl necklace on a velvet background", "beads", "backdrop", ""},
		{"black sunglasses on a white background", "glasses", "white", "black"},
		{"a cactus in a pot on a shelf", "plant", "shelf", ""},
		{"a ceramic bowl on a white background", "bowl", "white", ""},
		{"a teddy bear on a bed", "teddy", "bed", ""},
		{"a teddy bear", "teddy", "", ""},
		{"a toy robot on a shelf", "robot", "shelf", ""},
		{"a doll on a shelf", "generic", "shelf", ""},
		{"a cup of tea by the window", "cup", "wood", ""},
		{"", "backpack", "white", "red"}, // a Scene written by hand, below
	}
	for _, tt := range tests {
		sc := scene.Parse(tt.idea)
		if tt.idea == "" {
			// Only a subject phrase and the element: the noun and its
			// colour are read from the phrase.
			sc = &easel.Scene{Idea: "a red backpack on a white background", Subject: "a red backpack", Elements: []string{"object"}}
		}
		c := newCanvas(64, 64, 1, styleFor(StylePhoto))
		p := makePlan(sc, StylePhoto, 64, 64, c, frame{})
		c.release()
		if p.kind != "product" {
			t.Errorf("%q: drawn as %q; want a product shot", tt.idea, p.kind)
			continue
		}
		if p.prod.shape != tt.shape {
			t.Errorf("%q: shape %q; want %q", tt.idea, p.prod.shape, tt.shape)
		}
		if tt.surface != "" && p.prod.surface != tt.surface {
			t.Errorf("%q: on %q; want %q", tt.idea, p.prod.surface, tt.surface)
		}
		if tt.colour != "" && p.prod.col != paletteColours[tt.colour] {
			t.Errorf("%q: coloured %v; want %s %v", tt.idea, p.prod.col, tt.colour, paletteColours[tt.colour])
		}
	}
}

// TestByTheWindow: an object the words put by a window has a window in the
// wall behind it, with the sky outside (bluer than the wall), wherever the
// seed frames it; a mug on a table with no window named has none.
func TestByTheWindow(t *testing.T) {
	for _, tt := range []struct {
		idea   string
		window bool
	}{
		{"a cup of tea by the window", true},
		{"a teddy bear on a bed", true}, // a bed is in a room with a window
		{"a teapot on a kitchen counter by the window", true},
		{"a ceramic coffee mug on a wooden table", false},
		{"a red backpack on a white background", false},
	} {
		sc := scene.Parse(tt.idea)
		sc.TimeOfDay = "afternoon"
		for seed := int64(1); seed <= 6; seed++ {
			c := newCanvas(96, 96, seed, styleFor(StylePhoto))
			p := makePlan(sc, StylePhoto, 96, 96, c, frame{})
			c.release()
			if p.prod.window != tt.window {
				t.Errorf("%q seed %d: window %v; want %v", tt.idea, seed, p.prod.window, tt.window)
			}
			img := Draw(sc, StylePhoto, 96, 96, seed)
			// Sky is blue: look for it in the upper half, on the wall.
			sky := 0
			for y := 4; y < 40; y++ {
				for x := 0; x < 96; x++ {
					i := y*img.Stride + x*4
					r, g, b := int(img.Pix[i]), int(img.Pix[i+1]), int(img.Pix[i+2])
					if b > r+25 && b > g {
						sky++
					}
				}
			}
			if got := sky > 100; got != tt.window {
				t.Errorf("%q seed %d: %d sky-blue pixels on the wall; want a window %v", tt.idea, seed, sky, tt.window)
			}
		}
	}
}

// TestWhiteBackgroundIsClean: "on a white background" is a clean product
// shot: the corners stay near white whatever the seed or the mood.
func TestWhiteBackgroundIsClean(t *testing.T) {
	sc := scene.Parse("a red backpack on a white background")
	for _, mood := range []string{"", "melancholic", "mysterious"} {
		sc.Mood = mood
		for seed := int64(1); seed <= 4; seed++ {
			img := Draw(sc, StylePhoto, 96, 96, seed)
			for _, pt := range [][2]int{{2, 2}, {93, 2}} {
				i := pt[1]*img.Stride + pt[0]*4
				r, g, b := img.Pix[i], img.Pix[i+1], img.Pix[i+2]
				if r < 200 || g < 200 || b < 200 {
					t.Errorf("mood %q seed %d: corner %v is (%d,%d,%d); want near white", mood, seed, pt, r, g, b)
				}
			}
		}
	}
}

// BenchmarkDrawProducts1024 measures product shots at 1024x1024: a mug on
// wood (turned shapes), a backpack on white, a dress on a hanger, a
// sneaker on a backdrop, a teddy bear on a bed by a window, a cup of tea
// by the window.
func BenchmarkDrawProducts1024(b *testing.B) {
	for _, idea := range []string{"a ceramic coffee mug on a wooden table", "a red backpack on a white background",
		"a green dress on a grey background", "a white sneaker on a studio backdrop", "a blue glass vase on a marble counter",
		"a teddy bear on a bed", "a cup of tea by the window"} {
		sc := scene.Parse(idea)
		b.Run(strings.ReplaceAll(idea, " ", "-"), func(b *testing.B) {
			for b.Loop() {
				Draw(sc, "", 1024, 1024, 1)
			}
		})
	}
}

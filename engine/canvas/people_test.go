package canvas

import (
	"testing"

	"github.com/easel-art/easel/scene"
)

// TestFiguresHoldWhatTheyHold: a person doing something with a thing is
// drawn whole, not as a bust, and the thing is drawn in its colour: the
// pixels that differ between "a red X" and "a blue X" are red in one and
// blue in the other.
func TestFiguresHoldWhatTheyHold(t *testing.T) {
	for _, tt := range []struct{ idea, noun string }{
		{"a woman holding a %s umbrella in the rain", "umbrella"},
		{"two kids flying a %s kite on a hill", "kite"},
		{"a girl riding a %s bicycle along a road", "bicycle"},
		{"a man carrying a %s basket across a field", "basket"},
		{"an old man playing a %s guitar by a lake", "guitar"},
		{"a little boy holding a %s balloon", "balloon"},
		{"a cowboy riding a %s horse in the desert", "horse"},
	} {
		// One Scene, only the thing's colour fact changed, so the
		// composition is the same.
		red := scene.Parse(fmtIdea(tt.idea, "red"))
		blue := scene.Parse(fmtIdea(tt.idea, "red"))
		for i := range blue.Subjects {
			if blue.Subjects[i].Noun == tt.noun {
				blue.Subjects[i].Colors = []string{"blue"}
				blue.Subjects[i].Adjectives = nil
			}
		}
		c := newCanvas(64, 64, 1, styleFor(StylePhoto))
		p := makePlan(red, StylePhoto, 64, 64, c, frame{})
		c.release()
		if p.kind == "portrait" {
			t.Errorf("%q: drawn as a portrait; want the whole figure", tt.idea)
		}
		n, ra, rb := colourLanding(Draw(red, "", 128, 128, 1), Draw(blue, "", 128, 128, 1))
		if n < 20 || ra <= 0 || rb >= 0 {
			t.Errorf("%q: the %s's colour does not land (%d pixels, red-blue %+.0f / %+.0f)", tt.idea, tt.noun, n, ra, rb)
		}
		if nd := NotDrawn(red); len(nd) > 0 {
			t.Errorf("%q: not drawn %v; the %s is in hand", tt.idea, nd, tt.noun)
		}
	}
}

func fmtIdea(f, col string) string {
	for i := 0; i+1 < len(f); i++ {
		if f[i:i+2] == "%s" {
			return f[:i] + col + f[i+2:]
		}
	}
	return f
}

// TestLivingThingsDrawn holds the living things the canvas once missed:
// each fresh idea is drawn as the kind of picture it names, nothing of it
// is noted as not drawn, and the named subject's colour lands on it (the
// pixels that differ between "red" and "blue" are red, then blue).
func TestLivingThingsDrawn(t *testing.T) {
	for _, tt := range []struct {
		idea, noun, kind string
	}{
		{"an astronaut sitting on a giant %s strawberry", "strawberry", "space"},
		{"a %s snowman in a snowy garden", "snowman", "landscape"}, // a figure, not a bowl
		{"a %s unicorn in a meadow", "unicorn", "landscape"},
		{"a %s ladybug on a leaf", "ladybug", "landscape"},
		{"three %s swans at sunset", "swans", "landscape"},
		{"a chef cooking with a %s pan in a kitchen", "pan", "interior"},
		{"a girl riding a %s horse on a beach", "horse", "landscape"},
		{"a %s elephant beside a giraffe", "elephant", "landscape"},
		{"a %s frog sitting on a mushroom", "frog", "landscape"},
		{"a %s octopus on the sea floor", "octopus", "underwater"},
	} {
		red := scene.Parse(fmtIdea(tt.idea, "red"))
		blue := scene.Parse(fmtIdea(tt.idea, "red"))
		found := false
		for i := range blue.Subjects {
			if blue.Subjects[i].Noun == tt.noun {
				blue.Subjects[i].Colors, blue.Subjects[i].Adjectives, found = []string{"blue"}, nil, true
			}
		}
		if !found {
			t.Errorf("%q: the parser gives no subject %q: %+v", tt.idea, tt.noun, red.Subjects)
		}
		c := newCanvas(64, 64, 1, styleFor(StylePhoto))
		p := makePlan(red, StylePhoto, 64, 64, c, frame{})
		c.release()
		if p.kind != tt.kind {
			t.Errorf("%q: drawn as %q; want %q", tt.idea, p.kind, tt.kind)
		}
		if nd := NotDrawn(red); len(nd) > 0 {
			t.Errorf("%q: noted as not drawn %v", tt.idea, nd)
		}
		if !found {
			continue
		}
		n, ra, rb := colourLanding(Draw(red, "", 128, 128, 1), Draw(blue, "", 128, 128, 1))
		if n < 20 || ra <= 0 || rb >= 0 {
			t.Errorf("%q: the %s's colour does not land (%d pixels, red-blue %+.0f / %+.0f)", tt.idea, tt.noun, n, ra, rb)
		}
	}
}

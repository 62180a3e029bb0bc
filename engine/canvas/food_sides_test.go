package canvas

import (
	"reflect"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/scene"
)

// diffArea compares two pictures of the same Scene but for one fact: n is
// how many pixels differ, (r, g, b) their mean colour in the first.
func diffArea(sa, sb *easel.Scene, size int, seed int64) (n int, r, g, b float64) {
	a, o := Draw(sa, "", size, size, seed), Draw(sb, "", size, size, seed)
	for i := 0; i < len(a.Pix); i += 4 {
		if abs(int(a.Pix[i])-int(o.Pix[i]))+abs(int(a.Pix[i+1])-int(o.Pix[i+1]))+abs(int(a.Pix[i+2])-int(o.Pix[i+2])) < 50 {
			continue
		}
		n++
		r, g, b = r+float64(a.Pix[i]), g+float64(a.Pix[i+1]), b+float64(a.Pix[i+2])
	}
	k := float64(max(n, 1))
	return n, r / k, g / k, b / k
}

// TestFlavourColour: a food's flavour gives it its colour where the idea
// names none (chocolate is brown, strawberry ice cream pink, a lemon tart
// yellow): drawn with the flavour and again with a plain one, the pixels
// that differ are the flavour's colour.
func TestFlavourColour(t *testing.T) {
	const size = 128
	for _, tt := range []struct {
		idea, plain string // plain: the flavour word swapped in for the comparison
		want        func(r, g, b float64) bool
	}{
		{"a bowl of strawberry ice cream", "vanilla", func(r, g, b float64) bool { return r > b+35 && r > g+25 }},
		{"a chocolate cake on a table", "vanilla", func(r, g, b float64) bool { return r+g+b < 330 && r > b }},
		{"a lemon tart on a white plate", "plain", func(r, g, b float64) bool { return r > b+60 && g > b+40 }},
		{"a glass of chocolate milk", "milk", func(r, g, b float64) bool { return r+g+b < 300 && r < 140 }},
	} {
		for seed := int64(1); seed <= 4; seed++ {
			sc, plain := scene.Parse(tt.idea), scene.Parse(tt.idea)
			f := &plain.Subjects[0]
			if len(f.Adjectives) > 0 {
				f.Adjectives = []string{tt.plain}
			} else {
				f.Noun = tt.plain // "chocolate milk" against milk
			}
			n, r, g, b := diffArea(sc, plain, size, seed)
			if n < size*size/300 || !tt.want(r, g, b) {
				t.Errorf("%q seed %d: %d pixels differ from the %s one, coloured (%.0f,%.0f,%.0f)", tt.idea, seed, n, tt.plain, r, g, b)
			}
		}
	}
}

// TestSideFoodDrawn: what the words put on the food ("with
// strawberries"), beside it ("next to a croissant") or around it ("a
// basket of apples") is drawn: the picture differs from the same Scene
// without it over a visible area.
func TestSideFoodDrawn(t *testing.T) {
	const size = 128
	for _, tt := range []struct{ idea, side string }{
		{"a glass of orange juice next to a croissant", "croissant"},
		{"a chocolate cake with strawberries", "strawberries"},
		{"a sandwich next to a glass of milk", "milk"},
		{"a mango smoothie next to a banana", "banana"},
		{"a cup of coffee and a slice of cheesecake", "cheesecake"},
		{"a plate of spaghetti with meatballs", "meatballs"},
		{"a straw basket of apples on a table", "basket"},
		{"a basket of oranges", "basket"},
	} {
		for seed := int64(1); seed <= 4; seed++ {
			sc, without := scene.Parse(tt.idea), scene.Parse(tt.idea)
			found := false
			for i, s := range without.Subjects {
				if s.Noun == tt.side {
					without.Subjects = append(without.Subjects[:i:i], without.Subjects[i+1:]...)
					found = true
					break
				}
			}
			if !found {
				t.Fatalf("%q: no subject %q in %+v", tt.idea, tt.side, sc.Subjects)
			}
			if n, _, _, _ := diffArea(sc, without, size, seed); n < size*size/250 {
				t.Errorf("%q seed %d: the %s changes only %d pixels: not drawn", tt.idea, seed, tt.side, n)
			}
		}
	}
}

// TestSliceAndMug: a slice of a round dish is a wedge, not the whole pie;
// a hot drink is in a mug, not a glass; a salad is a bowl of leaves (not
// the tomatoes that come with it).
func TestSliceAndMug(t *testing.T) {
	for _, tt := range []struct {
		idea string
		want func(d *painter, s *easel.Subject, cx, cy, rx float32)
	}{
		{"a slice of pepperoni pizza on a paper plate", (*painter).pieSlice},
		{"a slice of cherry pie", (*painter).pieSlice},
		{"a cup of hot chocolate with marshmallows", (*painter).hotMug},
		{"a pepperoni pizza on a table", (*painter).flatDish},
		{"a bowl of green salad with tomatoes", (*painter).saladBowl},
		{"a fruit salad in a glass bowl", (*painter).saladBowl},
	} {
		sc := scene.Parse(tt.idea)
		c := newCanvas(64, 64, 1, styleFor(StylePhoto))
		p := makePlan(sc, StylePhoto, 64, 64, c, frame{})
		c.release()
		fs := p.foodSubject()
		if fs == nil {
			t.Errorf("%q: no food drawn", tt.idea)
			continue
		}
		if got := foodDrawerFor(fs, p.words); reflect.ValueOf(got).Pointer() != reflect.ValueOf(tt.want).Pointer() {
			t.Errorf("%q: drawn by another drawer", tt.idea)
		}
	}
}

// TestCandlesCounted: "a birthday cake with five candles" has five
// candles on it, not one.
func TestCandlesCounted(t *testing.T) {
	for _, tt := range []struct {
		idea string
		n    int
	}{
		{"a birthday cake with five candles", 5},
		{"a chocolate cake with three candles", 3},
		{"a birthday cake with one candle", 1},
		{"a birthday cake with candles", 3},
	} {
		sc := scene.Parse(tt.idea)
		c := newCanvas(64, 64, 1, styleFor(StylePhoto))
		p := makePlan(sc, StylePhoto, 64, 64, c, frame{})
		c.release()
		if got := p.candles(); got != tt.n {
			t.Errorf("%q: %d candles; want %d", tt.idea, got, tt.n)
		}
	}
}

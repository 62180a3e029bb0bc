package canvas

import (
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/scene"
)

// TestActionIdeasDraw: people and creatures doing things are drawn
// without a panic on every seed (a farmer feeding chickens once asked a
// nil subject for its body plan).
func TestActionIdeasDraw(t *testing.T) {
	for _, idea := range []string{
		"a farmer feeding chickens in a yard",
		"a shepherd feeding lambs on a hill",
	} {
		for seed := int64(1); seed <= 2; seed++ {
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Errorf("%q seed %d: panic %v", idea, seed, r)
					}
				}()
				Draw(scene.Parse(idea), "", 64, 64, seed)
			}()
		}
	}
}

// figureOnly draws only the main figure of sc (people.go) on an empty
// canvas of size×size and returns its float RGB pixels.
func figureOnly(t *testing.T, sc *easel.Scene, size int) []float32 {
	t.Helper()
	c := newCanvas(size, size, 1, styleFor(StylePhoto))
	defer c.release()
	d := &painter{canvas: c, p: makePlan(sc, StylePhoto, size, size, c, frame{})}
	d.p.el = map[string]bool{} // nothing else of the landscape
	if !d.mainFigure(float32(size) * 0.6) {
		t.Errorf("%q: no whole figure drawn", sc.Idea)
	}
	return append([]float32(nil), c.pix...)
}

// clothesBox is the box of the pixels that differ when the figure's
// clothes are red rather than blue: its torso and arms.
func clothesBox(t *testing.T, idea string, size int, edit func(*easel.Scene)) (x0, y0, x1, y1 int) {
	t.Helper()
	red, blue := scene.Parse(idea), scene.Parse(idea)
	if edit != nil {
		edit(red)
		edit(blue)
	}
	red.Subjects[0].Colors, blue.Subjects[0].Colors = []string{"red"}, []string{"blue"}
	a, b := figureOnly(t, red, size), figureOnly(t, blue, size)
	x0, y0, x1, y1 = size, size, -1, -1
	for y := range size {
		for x := range size {
			i := (y*size + x) * 3
			if abs32(a[i]-b[i])+abs32(a[i+2]-b[i+2]) > 0.3 {
				x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x), max(y1, y)
			}
		}
	}
	return
}

// TestWorkToolInHand: a person doing work the verb names holds the
// verb's tool, bright steel at the hands (a knife, knitting needles, a
// saw, a wrench, a hammer), where before they held a plain block or
// nothing at all.
func TestWorkToolInHand(t *testing.T) {
	for _, idea := range []string{
		"a man slicing tomatoes",
		"a woman knitting in an armchair",
		"a carpenter sawing a plank",
		"a mechanic repairing a motorcycle",
		"a boy hammering a nail into a board",
		"a tailor sewing a jacket",
	} {
		const size = 160
		pix := figureOnly(t, scene.Parse(idea), size)
		steel := 0
		for i := 0; i < len(pix); i += 3 {
			r, g, b := pix[i], pix[i+1], pix[i+2]
			lo, hi := min(r, g, b), max(r, g, b)
			if hi-lo < 0.09 && b >= r-0.01 && lo > 0.55 && hi < 0.93 {
				steel++
			}
		}
		if steel < 6 {
			t.Errorf("%q: %d pixels of steel; want the verb's tool in hand", idea, steel)
		}
	}
}

// TestWorkPose: work at a vehicle is done kneeling beside it, so the
// torso is lower than the same figure standing.
func TestWorkPose(t *testing.T) {
	for _, idea := range []string{"a mechanic repairing a car", "a girl fixing her bicycle", "a man washing his truck"} {
		const size = 160
		_, kneel, _, _ := clothesBox(t, idea, size, nil)
		_, stand, _, _ := clothesBox(t, idea, size, func(sc *easel.Scene) { sc.Subjects[0].Action = "standing" })
		if kneel-stand < size/40 {
			t.Errorf("%q: torso top at %d, standing at %d; want it kneeling, lower", idea, kneel, stand)
		}
	}
}

// TestFigureAge: an old person has grey hair; a child is a good deal
// smaller than a grown-up in the same pose.
func TestFigureAge(t *testing.T) {
	grey := func(pix []float32) int {
		n := 0
		for i := 0; i < len(pix); i += 3 {
			r, g, b := pix[i], pix[i+1], pix[i+2]
			if max(r, g, b)-min(r, g, b) < 0.06 && min(r, g, b) > 0.7 {
				n++
			}
		}
		return n
	}
	for _, tt := range []struct{ idea, plain string }{
		{"an old man walking along a path", "man"},
		{"an elderly woman reading a book on a bench", "woman"},
		{"a grandmother holding a basket", "woman"},
	} {
		old := scene.Parse(tt.idea)
		young := scene.Parse(tt.idea)
		young.Subjects[0].Noun, young.Subjects[0].Adjectives = tt.plain, nil
		if g, y := grey(figureOnly(t, old, 160)), grey(figureOnly(t, young, 160)); g < y+10 {
			t.Errorf("%q: %d grey pixels, %d for a %s; want grey hair", tt.idea, g, y, tt.plain)
		}
	}
	for _, tt := range []struct{ idea, grown string }{
		{"a girl walking along a path", "woman"},
		{"a little boy holding a balloon", "man"},
		{"two kids flying a kite", "adults"},
	} {
		_, y0, _, y1 := clothesBox(t, tt.idea, 160, nil)
		_, g0, _, g1 := clothesBox(t, tt.idea, 160, func(sc *easel.Scene) { sc.Subjects[0].Noun, sc.Subjects[0].Adjectives = tt.grown, nil })
		if float32(y1-y0) > 0.72*float32(g1-g0) {
			t.Errorf("%q: torso %d px tall, a %s's %d; want a child well under a grown-up", tt.idea, y1-y0, tt.grown, g1-g0)
		}
	}
}

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
	for _, idea := range []string{"a mechanic repairing a car", "a girl fixing her bicycle", "a man washing his truck", "a woman scrubbing her rowing boat"} {
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

// colourDiff draws idea (with %s for a colour word) red and blue and
// returns the mask of the pixels where the named subject's colour lands.
func colourDiff(t *testing.T, idea, noun string, size int) []bool {
	t.Helper()
	red, blue := scene.Parse(fmtIdea(idea, "red")), scene.Parse(fmtIdea(idea, "red"))
	found := false
	for i := range blue.Subjects {
		if blue.Subjects[i].Noun == noun {
			blue.Subjects[i].Colors, blue.Subjects[i].Adjectives, found = []string{"blue"}, nil, true
		}
	}
	if !found {
		t.Errorf("%q: no subject %q in %+v", idea, noun, red.Subjects)
	}
	a, b := Draw(red, "", size, size, 1), Draw(blue, "", size, size, 1)
	mask := make([]bool, size*size)
	for i := range mask {
		j := i * 4
		mask[i] = abs(int(a.Pix[j])-int(b.Pix[j]))+abs(int(a.Pix[j+2])-int(b.Pix[j+2])) >= 60 && int(a.Pix[j]) > int(a.Pix[j+2])
	}
	return mask
}

// blobs counts the connected parts of mask of at least min pixels.
func blobs(mask []bool, size, least int) int {
	seen := make([]bool, len(mask))
	n := 0
	for i := range mask {
		if !mask[i] || seen[i] {
			continue
		}
		stack, area := []int{i}, 0
		seen[i] = true
		for len(stack) > 0 {
			k := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			area++
			x, y := k%size, k/size
			for _, o := range [][2]int{{1, 0}, {-1, 0}, {0, 1}, {0, -1}} {
				nx, ny := x+o[0], y+o[1]
				if nx < 0 || ny < 0 || nx >= size || ny >= size {
					continue
				}
				if j := ny*size + nx; mask[j] && !seen[j] {
					seen[j] = true
					stack = append(stack, j)
				}
			}
		}
		if area >= least {
			n++
		}
	}
	return n
}

// TestHerdsAreMany: a flock, a herd, a swarm or a plural with no count
// is drawn as several, never one.
func TestHerdsAreMany(t *testing.T) {
	for _, tt := range []struct{ idea, noun string }{
		{"a herd of %s cows on a hillside", "cows"},
		{"a flock of %s geese standing in a meadow", "geese"},
		{"%s goats grazing on a slope", "goats"},
	} {
		const size = 160
		if n := blobs(colourDiff(t, tt.idea, tt.noun, size), size, 8); n < 3 {
			t.Errorf("%q: %d %s drawn; want several", tt.idea, n, tt.noun)
		}
	}
}

// TestCreaturesLieDown: a creature sleeping or lying is drawn lying on the
// ground, wider than tall and in the lower part of the picture, on what
// it lies on, which is not noted as missing.
func TestCreaturesLieDown(t *testing.T) {
	for _, tt := range []struct{ idea, noun string }{
		{"a %s dragon asleep on a heap of treasure", "dragon"},
		{"a %s dragon sleeping in a valley", "dragon"},
		{"a %s cat sleeping on a blanket", "cat"},
		{"a %s cat napping by the window", "cat"},
	} {
		const size = 160
		m := colourDiff(t, tt.idea, tt.noun, size)
		x0, y0, x1, y1 := size, size, -1, -1
		for i, on := range m {
			if on {
				x, y := i%size, i/size
				x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x), max(y1, y)
			}
		}
		if x1 < 0 {
			t.Errorf("%q: the %s's colour lands nowhere", tt.idea, tt.noun)
			continue
		}
		if w, h := x1-x0, y1-y0; float32(w) < 1.3*float32(h) || (y0+y1)/2 < size/2 {
			t.Errorf("%q: the %s spans %dx%d at y %d..%d; want it lying on the ground, wider than tall", tt.idea, tt.noun, w, h, y0, y1)
		}
		if nd := NotDrawn(scene.Parse(fmtIdea(tt.idea, "red"))); len(nd) > 0 {
			t.Errorf("%q: noted as not drawn %v", tt.idea, nd)
		}
	}
}

// TestPlaceTheRelationNames: the ground the preposition names is under the
// subject: a pier's wooden deck over the water, a square's grey paving,
// a beach's sand under a sandcastle.
func TestPlaceTheRelationNames(t *testing.T) {
	const size = 160
	share := func(img []uint8, y0, y1 int, ok func(r, g, b float32) bool) float32 {
		n, all := 0, 0
		for y := y0; y < y1; y++ {
			for x := range size {
				i := (y*size + x) * 4
				all++
				if ok(float32(img[i])/255, float32(img[i+1])/255, float32(img[i+2])/255) {
					n++
				}
			}
		}
		return float32(n) / float32(all)
	}
	wood := func(r, g, b float32) bool { return r > g && g > b && r-b > 0.15 && r < 0.65 }
	paving := func(r, g, b float32) bool { return max(r, g, b)-min(r, g, b) < 0.1 && r > 0.35 && r < 0.8 }
	sand := func(r, g, b float32) bool { return r > g && g > b && r > 0.6 && r-b > 0.12 }
	for _, tt := range []struct {
		idea   string
		y0, y1 float32
		ok     func(r, g, b float32) bool
		want   float32
	}{
		{"a woman fishing from an old pier", 0.8, 0.84, wood, 0.5},
		{"a flock of gulls standing on a jetty", 0.8, 0.84, wood, 0.5},
		// The place named after another relation ("in a red coat").
		{"a girl in a red coat fishing off a jetty", 0.8, 0.84, wood, 0.5},
		{"pigeons pecking in a sunny plaza", 0.8, 1, paving, 0.5},
		{"a juggler in a town square", 0.8, 1, paving, 0.5},
		{"a little girl building a sandcastle", 0.85, 1, sand, 0.5},
	} {
		img := Draw(scene.Parse(tt.idea), "", size, size, 1)
		if got := share(img.Pix, int(tt.y0*size), int(tt.y1*size), tt.ok); got < tt.want {
			t.Errorf("%q: %.0f%% of rows %.2f..%.2f are the place's ground; want %.0f%%", tt.idea, got*100, tt.y0, tt.y1, tt.want*100)
		}
	}
}

// TestVerbThingAtTheFeet: what a verb puts at the feet is drawn there: the
// ball a figure kicks, the blocks a child stacks on the ground before it,
// not a block in the hands; a skateboarder has the board under the feet.
func TestVerbThingAtTheFeet(t *testing.T) {
	const size = 160
	for _, tt := range []struct{ idea, noun string }{
		{"a girl kicking a %s ball across the lawn", "ball"},
		{"a man dribbling a %s ball", "ball"},
		{"a child stacking %s blocks", "blocks"},
	} {
		red, blue := scene.Parse(fmtIdea(tt.idea, "red")), scene.Parse(fmtIdea(tt.idea, "red"))
		for i := range blue.Subjects {
			if blue.Subjects[i].Noun == tt.noun {
				blue.Subjects[i].Colors, blue.Subjects[i].Adjectives = []string{"blue"}, nil
			}
		}
		a, b := figureOnly(t, red, size), figureOnly(t, blue, size)
		var n, sy int
		for i := 0; i < len(a); i += 3 {
			if abs32(a[i]-b[i])+abs32(a[i+2]-b[i+2]) > 0.3 {
				n++
				sy += i / 3 / size
			}
		}
		if n < 5 || sy/max(n, 1) < size*72/100 {
			t.Errorf("%q: the %s's colour lands on %d pixels about row %d of %d; want it at the feet", tt.idea, tt.noun, n, sy/max(n, 1), size)
		}
	}
	for _, idea := range []string{"a teenager skateboarding down a street", "a boy skateboarding in a park", "a woman riding a big wave"} {
		pix := figureOnly(t, scene.Parse(idea), size)
		n := 0
		for i := size * 91 / 100 * size * 3; i < len(pix); i++ {
			if pix[i] > 0.05 {
				n++
			}
		}
		if n < 10 {
			t.Errorf("%q: %d values drawn below the feet; want the board under them", idea, n)
		}
	}
}

// TestHeldFoodByCategory: food held with no colour named takes its
// WordNet category's colour: a loaf of bread is a golden-brown loaf, not
// a red ball.
func TestHeldFoodByCategory(t *testing.T) {
	const size = 160
	for _, idea := range []string{"a woman holding a loaf of bread", "a boy carrying a baguette"} {
		with := scene.Parse(idea)
		without := scene.Parse(idea)
		without.Subjects[0].Object = ""
		a, b := figureOnly(t, with, size), figureOnly(t, without, size)
		var n int
		var r, g, bl float32
		for i := 0; i < len(a); i += 3 {
			if abs32(a[i]-b[i])+abs32(a[i+1]-b[i+1])+abs32(a[i+2]-b[i+2]) > 0.2 {
				n++
				r, g, bl = r+a[i], g+a[i+1], bl+a[i+2]
			}
		}
		if n < 8 {
			t.Errorf("%q: nothing held (%d pixels)", idea, n)
			continue
		}
		r, g, bl = r/float32(n), g/float32(n), bl/float32(n)
		if !(r > g && g > bl && g > 0.4 && r-bl > 0.25) {
			t.Errorf("%q: what is held is %.2f,%.2f,%.2f; want bread's golden brown", idea, r, g, bl)
		}
	}
}

// TestBigBeastBeside: a beast too big for the arms that a person works at
// (brushes, grooms, milks) stands beside them, as tall as a beast, not a
// small bundle in the arms.
func TestBigBeastBeside(t *testing.T) {
	const size = 160
	for _, tt := range []struct{ idea, noun string }{
		{"a girl brushing a %s horse", "horse"},
		{"a farmer milking a %s cow", "cow"},
		{"a boy patting a %s camel", "camel"},
	} {
		red, blue := scene.Parse(fmtIdea(tt.idea, "red")), scene.Parse(fmtIdea(tt.idea, "red"))
		for i := range blue.Subjects {
			if blue.Subjects[i].Noun == tt.noun {
				blue.Subjects[i].Colors, blue.Subjects[i].Adjectives = []string{"blue"}, nil
			}
		}
		a, b := figureOnly(t, red, size), figureOnly(t, blue, size)
		y0, y1 := size, -1
		for i := 0; i < len(a); i += 3 {
			if abs32(a[i]-b[i])+abs32(a[i+2]-b[i+2]) > 0.3 {
				y := i / 3 / size
				y0, y1 = min(y0, y), max(y1, y)
			}
		}
		if y1-y0 < size/4 {
			t.Errorf("%q: the %s spans rows %d..%d; want a whole beast beside the figure", tt.idea, tt.noun, y0, y1)
		}
	}
}

// TestMadeThingsImplyNoPlace: a compound WordNet files as a made or eaten
// thing brings no scenery of its first word: a figure eating ice cream
// is not on ice.
func TestMadeThingsImplyNoPlace(t *testing.T) {
	for _, tt := range []struct{ idea, not string }{
		{"a woman eating an ice cream cone", "ice"},
	} {
		c := newCanvas(32, 32, 1, styleFor(StylePhoto))
		p := makePlan(scene.Parse(tt.idea), StylePhoto, 32, 32, c, frame{})
		c.release()
		if p.el[tt.not] {
			t.Errorf("%q: elements have %q", tt.idea, tt.not)
		}
	}
}

// TestWorkOnUndrawnVehicle: a vehicle of a kind the canvas has no drawer
// for (a skateboard, a sled) is worked on at the bench, a low bar in its
// colour, not drawn as a truck.
func TestWorkOnUndrawnVehicle(t *testing.T) {
	const size = 160
	for _, tt := range []struct{ idea, noun string }{
		{"a boy repairing his %s skateboard", "skateboard"},
		{"a girl mending her %s sled", "sled"},
	} {
		red, blue := scene.Parse(fmtIdea(tt.idea, "red")), scene.Parse(fmtIdea(tt.idea, "red"))
		for i := range blue.Subjects {
			if blue.Subjects[i].Noun == tt.noun {
				blue.Subjects[i].Colors, blue.Subjects[i].Adjectives = []string{"blue"}, nil
			}
		}
		a, b := figureOnly(t, red, size), figureOnly(t, blue, size)
		y0, y1 := size, -1
		for i := 0; i < len(a); i += 3 {
			if abs32(a[i]-b[i])+abs32(a[i+2]-b[i+2]) > 0.3 {
				y := i / 3 / size
				y0, y1 = min(y0, y), max(y1, y)
			}
		}
		if y1 < 0 || y1-y0 > size/10 {
			t.Errorf("%q: the %s spans rows %d..%d; want a low piece on the bench", tt.idea, tt.noun, y0, y1)
		}
	}
}

// TestRoomFigures: in a room, one at work stands at it rather than
// sitting in the room's armchair.
func TestRoomFigures(t *testing.T) {
	for _, idea := range []string{"a carpenter sawing a plank in a workshop", "a cook slicing onions in a kitchen"} {
		sc := scene.Parse(idea)
		if seatedIn(&sc.Subjects[0]) {
			t.Errorf("%q: seated in the room's armchair; want them standing at the work", idea)
		}
	}
}

// TestLyingUnderIsOnTheGround: a figure sleeping under a tree or by a
// fire lies on the ground, with no bed brought out for it; one on a bench
// lies on the bench.
func TestLyingUnderIsOnTheGround(t *testing.T) {
	const size = 160
	count := func(pix []float32) int {
		n := 0
		for i := 0; i < len(pix); i += 3 {
			if pix[i]+pix[i+1]+pix[i+2] > 0.1 {
				n++
			}
		}
		return n
	}
	for _, tt := range []struct {
		idea string
		bed  bool
	}{
		{"a farmer sleeping under an oak", false},
		{"a hiker napping beside a campfire", false},
		{"a man sleeping on a bench", true},
	} {
		sc := scene.Parse(tt.idea)
		bare := scene.Parse(tt.idea)
		bare.Subjects[0].Relation = ""
		with, without := count(figureOnly(t, sc, size)), count(figureOnly(t, bare, size))
		if got := with > without+size; got != tt.bed {
			t.Errorf("%q: %d pixels with the relation, %d without; want a bed drawn %v", tt.idea, with, without, tt.bed)
		}
	}
}

// TestKneadingAtTheBoard: kneading or rolling dough is done at a table,
// the dough on its board and a rolling pin in both hands: much more drawn
// than the figure alone.
func TestKneadingAtTheBoard(t *testing.T) {
	const size = 160
	count := func(pix []float32) int {
		n := 0
		for i := 0; i < len(pix); i += 3 {
			if pix[i]+pix[i+1]+pix[i+2] > 0.1 {
				n++
			}
		}
		return n
	}
	for _, idea := range []string{"a woman kneading dough", "a grandfather rolling pastry"} {
		sc := scene.Parse(idea)
		bare := scene.Parse(idea)
		bare.Subjects[0].Action, bare.Subjects[0].Object = "standing", ""
		if with, without := count(figureOnly(t, sc, size)), count(figureOnly(t, bare, size)); with < without+size*2 {
			t.Errorf("%q: %d pixels, %d standing alone; want the table, board and pin", idea, with, without)
		}
	}
}

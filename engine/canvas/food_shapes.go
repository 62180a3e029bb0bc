package canvas

import (
	"math"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/lexical"
)

// This file draws the foods whose category's generic shape would be
// wrong: a dish that comes in pieces (sushi on a board, tacos, dumplings)
// is not a round pie, a banana is not a red ball, a cupcake is not a
// layered cake. foodShapes names them by a word of the noun; a dish
// counted or plural with no shape of its own is drawn as that many pieces
// on a plate (piecesOnPlate), never as one pizza.

// foodShape is a specific shape and the words of a noun that call for it.
type foodShape struct {
	word string
	draw func(d *painter, s *easel.Subject, cx, cy, rx float32)
}

// foodShapes maps words of a food's noun to its drawer, most specific
// first. Only where the category's generic shape would be wrong.
var foodShapes = []foodShape{
	{"sushi", (*painter).sushiBoard}, {"maki", (*painter).sushiBoard}, {"sashimi", (*painter).sushiBoard}, {"nigiri", (*painter).sushiBoard},
	{"taco", (*painter).tacos},
	{"dumpling", (*painter).dumplings}, {"gyoza", (*painter).dumplings}, {"pierogi", (*painter).dumplings}, {"wonton", (*painter).dumplings},
	{"cupcake", (*painter).cupcakes}, {"muffin", (*painter).cupcakes},
	{"doughnut", (*painter).donuts}, {"donut", (*painter).donuts}, {"bagel", (*painter).donuts},
	{"croissant", (*painter).croissants},
	{"watermelon", (*painter).melonSlices}, {"melon", (*painter).melonSlices},
	{"banana", (*painter).bananas}, {"plantain", (*painter).bananas},
	{"pumpkin", (*painter).pumpkins}, {"squash", (*painter).pumpkins}, {"gourd", (*painter).pumpkins},
	{"grape", (*painter).grapes},
	{"spaghetti", (*painter).noodles}, {"noodle", (*painter).noodles}, {"linguine", (*painter).noodles}, {"pasta", (*painter).noodles},
}

// foodDrawerFor picks the drawer of a food subject: its specific shape,
// else many pieces for a counted dish, else its category's generic.
func foodDrawerFor(s *easel.Subject, words string) func(d *painter, s *easel.Subject, cx, cy, rx float32) {
	if draw := foodShapeOf(s); draw != nil {
		return draw
	}
	f := strings.Fields(strings.ToLower(s.Noun))
	if s.Category == "cake" || len(f) > 0 && (f[len(f)-1] == "cake" || f[len(f)-1] == "cakes") {
		// ("strawberry cake" is filed as a dish; its head is a cake.)
		if hasWord(words, "slice") || hasWord(words, "slices") || hasWord(words, "piece") || hasWord(words, "wedge") {
			return (*painter).cakeSlices // "two slices of chocolate cake"
		}
		return (*painter).cakes
	}
	if sliced(words, s) && s.Count <= 1 {
		return (*painter).pieSlice // "a slice of pepperoni pizza" (food_sides.go)
	}
	if s.Category == "drink" && hotDrink(words) {
		return (*painter).hotMug
	}
	if (s.Category == "dish" || s.Category == "pasta" || s.Category == "food" || s.Category == "") && (s.Count > 1 || s.Plural) {
		return (*painter).piecesOnPlate // "three empanadas": three, not one pie
	}
	return foodDrawers[s.Category]
}

// spread places item i of n across a half-width rx around cx.
func spread(i, n int, cx, rx float32) float32 {
	if n <= 1 {
		return cx
	}
	return cx - rx + 2*rx*(float32(i)+0.5)/float32(n)
}

// board draws a wooden serving board seen at an angle.
func (d *painter) board(cx, cy, rx float32) {
	d.painted("board", "slate", "cutting board", "serving board")
	ry := rx * 0.32
	wood := d.lit(hex("#b07a44"), 0)
	d.poly(cx-rx, cy-ry*0.6, cx+rx, cy-ry*0.6, cx+rx*1.05, cy+ry, cx-rx*1.05, cy+ry)
	d.fill(vgrad(wood.scale(1.1), wood.scale(0.9), cy-ry, cy+ry))
	d.rect(cx-rx*1.05, cy+ry, cx+rx*1.05, cy+ry*1.25)
	d.fill(solid(wood.scale(0.65)))
}

// sushiBoard draws rolls and slices of fish on rice on a wooden board,
// with wasabi and ginger: pieces, not a bowl or a pie.
func (d *painter) sushiBoard(s *easel.Subject, cx, cy, rx float32) {
	d.shadow(cx, cy+rx*0.3, rx)
	d.board(cx, cy, rx)
	n := countOf(s, 6)
	fish := foodColour(s, "#f07a4a")
	rice, nori := d.lit(hex("#f6f2ea"), 0), d.lit(hex("#1e2a22"), 0)
	r := rx * min(0.17, 1.7/float32(n+2))
	for i := range n {
		x := spread(i, n, cx, rx*0.8)
		y := cy + (float32(i%2)-0.3)*r*0.5
		if i%3 == 2 {
			// Nigiri: an oval of rice under a slab of fish.
			d.ellipse(x, y, r*1.1, r*0.55)
			d.fill(solid(rice.scale(0.92)))
			d.moveTo(x-r*1.25, y-r*0.2)
			d.cubeTo(x-r*0.8, y-r*1.1, x+r*0.8, y-r*1.1, x+r*1.25, y-r*0.2)
			d.cubeTo(x+r*0.6, y-r*0.45, x-r*0.6, y-r*0.45, x-r*1.25, y-r*0.2)
			d.fill(vgrad(d.lit(fish.scale(1.15), 0), d.lit(fish, 0), y-r, y))
			for k := -1; k <= 1; k++ {
				d.line(x+float32(k)*r*0.4-r*0.15, y-r*0.75, x+float32(k)*r*0.4+r*0.15, y-r*0.35, max(r*0.06, 1))
			}
			d.fillNoInk(paint{col: rgb{1, 1, 1}, alpha: 0.5})
			continue
		}
		// Maki: a short roll wrapped in seaweed, rice and filling on top.
		d.rect(x-r, y-r*0.9, x+r, y)
		d.ellipse(x, y, r, r*0.42)
		d.fill(vgrad(nori.scale(1.3), nori, y-r, y))
		d.ellipse(x, y-r*0.9, r, r*0.42)
		d.fill(solid(nori))
		d.ellipse(x, y-r*0.9, r*0.82, r*0.34)
		d.fill(solid(rice))
		d.ellipse(x, y-r*0.9, r*0.36, r*0.16)
		d.fill(solid(d.lit(fish, 0)))
	}
	// Wasabi and pickled ginger at the board's end.
	gx := cx + rx*0.78
	d.ellipse(gx, cy+rx*0.18, rx*0.06, rx*0.035)
	d.fill(solid(d.lit(hex("#8ab83a"), 0)))
	for k := range 3 {
		d.ellipse(gx-rx*0.16+float32(k)*rx*0.03, cy+rx*0.2, rx*0.06, rx*0.025)
		d.fill(paint{col: d.lit(hex("#f4b8b0"), 0), alpha: 0.9})
	}
	// Chopsticks laid along the front.
	d.line(cx-rx*0.9, cy+rx*0.36, cx+rx*0.5, cy+rx*0.3, max(4*d.u, 1.5))
	d.line(cx-rx*0.9, cy+rx*0.4, cx+rx*0.5, cy+rx*0.36, max(4*d.u, 1.5))
	d.fill(solid(d.lit(hex("#3a2418"), 0)))
}

// tacos draws folded shells standing on a plate, filled, one for each of
// the count.
func (d *painter) tacos(s *easel.Subject, cx, cy, rx float32) {
	d.plate(cx, cy, rx)
	n := countOf(s, 3)
	shell := foodColour(s, "#e8b850")
	w := rx * min(0.36, 0.95/float32(n))
	for i := range n {
		x := spread(i, n, cx, rx*0.64)
		top := cy - w*0.75
		// Filling first, heaped above the shell's opening.
		for k, c := range []string{"#7a4a2a", "#5aa83a", "#d83a2a", "#f4e07a"} {
			for j := range 5 {
				fx := x - w*0.8 + w*1.6*(float32(j)+0.5)/5
				d.disc(fx+d.rnd(-0.06, 0.06)*w, top-w*(0.1+0.08*float32(k))+d.rnd(-0.04, 0.04)*w, w*0.17, d.lit(hex(c), 0), 1, false)
			}
		}
		// The shell: a half-moon seen from the side, open at the top.
		d.moveTo(x-w, top)
		d.cubeTo(x-w, top+w*1.25, x+w, top+w*1.25, x+w, top)
		d.lineTo(x+w*0.86, top)
		d.cubeTo(x+w*0.86, top+w*1.05, x-w*0.86, top+w*1.05, x-w*0.86, top)
		d.lineTo(x-w, top)
		d.fill(vgrad(d.lit(shell.scale(1.1), 0), d.lit(shell.scale(0.8), 0), top, top+w))
		d.moveTo(x-w*0.86, top)
		d.cubeTo(x-w*0.86, top+w*1.05, x+w*0.86, top+w*1.05, x+w*0.86, top)
		d.fill(paint{col: d.lit(shell.scale(0.95), 0), alpha: 0.9})
	}
}

// dumplings draws pleated crescents on a plate, as many as counted.
func (d *painter) dumplings(s *easel.Subject, cx, cy, rx float32) {
	d.plate(cx, cy, rx)
	n := countOf(s, 6)
	col := foodColour(s, "#f2e4c8")
	w := rx * min(0.22, 1.2/float32(n+1))
	for i := range n {
		row := i % 2
		x := spread(i/2*2+row, n+n%2, cx, rx*0.62)
		y := cy - w*0.25 + float32(row)*w*0.55
		d.moveTo(x-w, y)
		d.cubeTo(x-w*0.9, y-w*1.1, x+w*0.9, y-w*1.1, x+w, y)
		d.cubeTo(x+w*0.5, y+w*0.35, x-w*0.5, y+w*0.35, x-w, y)
		d.fill(vgrad(d.lit(col.scale(1.05), 0), d.lit(col.scale(0.8), 0), y-w, y+w*0.3))
		for k := range 4 {
			px := x - w*0.45 + w*0.3*float32(k)
			d.line(px, y-w*0.72, px+w*0.06, y-w*0.5, max(1.2*d.u, 0.8))
		}
		d.fillNoInk(solid(d.lit(col.scale(0.7), 0)))
	}
}

// piecesOnPlate is the generic for a counted dish with no shape of its
// own: rounded pieces in its colour on a plate, as many as counted.
func (d *painter) piecesOnPlate(s *easel.Subject, cx, cy, rx float32) {
	d.plate(cx, cy, rx)
	n := countOf(s, 5)
	col := foodColour(s, "#d8a050")
	w := rx * min(0.22, 1.3/float32(n+1))
	for i := range n {
		x := spread(i, n, cx, rx*0.65)
		y := cy + (float32(i%2)-0.5)*w*0.4
		d.moveTo(x-w, y)
		d.cubeTo(x-w, y-w*1.2, x+w, y-w*1.2, x+w, y)
		d.cubeTo(x+w*0.6, y+w*0.3, x-w*0.6, y+w*0.3, x-w, y)
		d.fill(vgrad(d.lit(col.scale(1.2), 0), d.lit(col.scale(0.75), 0), y-w, y+w*0.2))
	}
}

// cupcakes draws paper cups crowned with a swirl of frosting.
func (d *painter) cupcakes(s *easel.Subject, cx, cy, rx float32) {
	n := countOf(s, 1)
	frost := foodColour(s, "#f4c8d8")
	w := rx * min(0.3, 0.8/float32(n))
	for i := range n {
		x := spread(i, n, cx, rx*0.7)
		d.shadow(x, cy, w*1.1)
		// The pleated paper cup.
		d.poly(x-w, cy-w*1.1, x+w, cy-w*1.1, x+w*0.75, cy, x-w*0.75, cy)
		d.fill(vgrad(d.lit(hex("#e8d8c0"), 0), d.lit(hex("#b8a080"), 0), cy-w, cy))
		for k := 1; k < 6; k++ {
			t := float32(k) / 6
			d.line(x-w+2*w*t, cy-w*1.1, x-w*0.75+1.5*w*t, cy, max(1.2*d.u, 0.8))
		}
		d.fillNoInk(solid(d.lit(hex("#a89070"), 0)))
		// The cake's dome and the frosting's swirl, three tiers to a peak.
		d.ellipse(x, cy-w*1.15, w*1.1, w*0.35)
		d.fill(solid(d.lit(hex("#c8884a"), 0)))
		for k, sc := range []float32{1, 0.78, 0.52} {
			y := cy - w*1.3 - float32(k)*w*0.4
			d.ellipse(x, y, w*sc, w*0.3*sc+w*0.1)
			d.fill(vgrad(d.lit(frost.scale(1.1), 0), d.lit(frost.scale(0.85), 0), y-w*0.3, y+w*0.3))
		}
		d.moveTo(x-w*0.2, cy-w*2.05)
		d.quadTo(x, cy-w*2.45, x+w*0.1, cy-w*2.05)
		d.fill(solid(d.lit(frost, 0)))
		if hasWord(d.p.words, "sprinkles") || hasWord(d.p.words, "sprinkle") {
			d.paintedLike("sprinkle")
			cols := []string{"#e83a4a", "#3a8ae8", "#f4d03a", "#5ac84a"}
			for k := range 14 {
				sx, sy := x+d.rnd(-0.7, 0.7)*w, cy-w*d.rnd(1.3, 1.9)
				d.line(sx, sy, sx+w*0.08, sy-w*0.03, max(2*d.u, 1))
				d.fillNoInk(solid(hex(cols[k%4])))
			}
		}
	}
}

// donuts draws rings with a glaze, on a plate.
func (d *painter) donuts(s *easel.Subject, cx, cy, rx float32) {
	d.plate(cx, cy, rx)
	n := countOf(s, 3)
	glaze := foodColour(s, "#e88ab0")
	dough := d.lit(hex("#d8a060"), 0)
	plain := strings.Contains(strings.ToLower(s.Noun), "bagel")
	w := rx * min(0.34, 0.9/float32(n))
	for i := range n {
		x := spread(i, n, cx, rx*0.62)
		y := cy + (float32(i%2)-0.5)*w*0.3
		d.ellipse(x, y, w, w*0.5)
		d.fill(vgrad(dough.scale(1.1), dough.scale(0.75), y-w*0.5, y+w*0.5))
		if !plain {
			d.ellipse(x, y-w*0.06, w*0.92, w*0.42)
			d.fill(solid(d.lit(glaze, 0)))
		}
		d.ellipse(x, y-w*0.04, w*0.3, w*0.14)
		d.fill(solid(d.lit(hex("#f4f2ee"), 0).scale(0.8)))
	}
}

// croissants draws crescents of laminated pastry.
func (d *painter) croissants(s *easel.Subject, cx, cy, rx float32) {
	n := countOf(s, 1)
	crust := foodColour(s, "#c87a30")
	if hasWord(d.p.words, "plate") {
		d.plate(cx, cy, rx)
	} else {
		d.shadow(cx, cy+rx*0.1, rx*0.9)
	}
	w := rx * min(0.5, 1.3/(float32(n)+0.3))
	for i := range n {
		x := spread(i, n, cx, rx*0.64)
		y := cy + (float32(i%2)-0.5)*w*0.2
		// Segments swelling towards the middle, bent into a crescent whose
		// horns point down; the ends first, the fat middle on top.
		for _, k := range []int{-3, 3, -2, 2, -1, 1, 0} {
			t := float32(k) / 3
			sx := x + t*w*0.9
			sy := y - w*0.34 + t*t*w*0.5
			sr := w * (0.42 - 0.24*t*t)
			c := crust.scale(1.05 - 0.2*t*t)
			d.ellipse(sx, sy, sr*0.78, sr*0.95)
			d.fill(solid(d.lit(c.scale(0.55), 0)))
			d.ellipse(sx, sy-sr*0.04, sr*0.7, sr*0.88)
			d.fill(vgrad(d.lit(c.scale(1.2), 0), d.lit(c.scale(0.7), 0), sy-sr, sy+sr))
		}
	}
}

// melonSlices draws wedges of melon: rind, pale line, flesh, seeds.
func (d *painter) melonSlices(s *easel.Subject, cx, cy, rx float32) {
	d.plate(cx, cy, rx)
	n := countOf(s, 3)
	flesh := hex("#e8404a")
	if !strings.Contains(strings.ToLower(s.Noun), "water") {
		flesh = hex("#f0a050") // a cantaloupe
	}
	if c, ok := factColour(s); ok {
		flesh = c
	}
	w := rx * min(0.34, 0.9/float32(n))
	for i := range n {
		x := spread(i, n, cx, rx*0.6)
		y := cy + w*0.2
		// A wedge standing on its rind, the point up.
		d.moveTo(x-w, y)
		d.quadTo(x, y+w*0.45, x+w, y)
		d.lineTo(x, y-w*1.3)
		d.fill(solid(d.lit(hex("#2f7a2e"), 0)))
		d.moveTo(x-w*0.86, y-w*0.06)
		d.quadTo(x, y+w*0.3, x+w*0.86, y-w*0.06)
		d.lineTo(x, y-w*1.22)
		d.fill(solid(d.lit(hex("#e8f0c8"), 0)))
		d.moveTo(x-w*0.78, y-w*0.12)
		d.quadTo(x, y+w*0.2, x+w*0.78, y-w*0.12)
		d.lineTo(x, y-w*1.18)
		d.fill(vgrad(d.lit(flesh.scale(1.1), 0), d.lit(flesh.scale(0.9), 0), y-w, y))
		for k := range 5 {
			t := float32(k)/4 - 0.5
			d.ellipse(x+t*w*0.8, y-w*0.3-float32(k%2)*w*0.25, w*0.04, w*0.07)
		}
		d.fillNoInk(solid(hex("#1a1a14")))
	}
}

// bananas draws a bunch of curved yellow fingers joined at a stem.
func (d *painter) bananas(s *easel.Subject, cx, cy, rx float32) {
	d.shadow(cx, cy+rx*0.05, rx*0.8)
	n := countOf(s, 4)
	col := foodColour(s, "#f2cf3a")
	w := rx * 0.75
	sx, sy := cx+w*0.75, cy-w*0.45 // where the fingers meet
	for i := range n {
		t := float32(i)/float32(max(n-1, 1)) - 0.5
		ex, ey := cx-w*0.85, cy-w*0.1+t*w*0.5
		th := w * 0.16
		d.moveTo(sx, sy)
		d.cubeTo(sx-w*0.3, sy+w*0.5+t*w*0.4, ex+w*0.3, ey+w*0.25, ex, ey)
		d.cubeTo(ex+w*0.35, ey-th*0.6, sx-w*0.3, sy+w*0.5+t*w*0.4-th*2, sx, sy-th*0.5)
		d.fill(vgrad(d.lit(col.scale(1.1), 0), d.lit(col.scale(0.8), 0), sy, ey+th))
		d.disc(ex, ey, th*0.22, d.lit(hex("#3a2a1a"), 0), 1, false)
	}
	d.roundRect(sx-w*0.02, sy-w*0.14, sx+w*0.1, sy+w*0.02, w*0.03)
	d.fill(solid(d.lit(hex("#6a7a2a"), 0)))
}

// pumpkins draws ribbed orange gourds with their stems.
func (d *painter) pumpkins(s *easel.Subject, cx, cy, rx float32) {
	n := countOf(s, 1)
	col := hex("#e8781e")
	if c, ok := factColour(s); ok {
		col = c // ("white pumpkins"), but not WordNet's yellow
	}
	w := rx * min(0.55, 1.1/float32(n))
	for i := range n {
		x := spread(i, n, cx, rx*0.7)
		ww := w * (1 - 0.15*float32(i%2))
		d.pumpkin(x, cy, ww, col)
	}
}

// pumpkin draws one pumpkin sitting at (x, base), half-width w.
func (d *painter) pumpkin(x, base, w float32, col rgb) {
	d.shadow(x, base, w)
	h := w * 1.2
	for k, off := range []float32{-0.55, 0.55, -0.28, 0.28, 0} {
		c := col.scale(0.8 + 0.06*float32(k))
		d.ellipse(x+off*w, base-h*0.42, w*0.5, h*0.42)
		d.fill(vgrad(d.lit(c.scale(1.15), 0), d.lit(c.scale(0.75), 0), base-h*0.84, base))
	}
	d.poly(x-w*0.06, base-h*0.8, x+w*0.06, base-h*0.8, x+w*0.12, base-h*1.05, x+w*0.02, base-h*1.05)
	d.fill(solid(d.lit(hex("#5a6a2a"), 0)))
}

// grapes draws a cluster of berries narrowing to a point, with a leaf.
func (d *painter) grapes(s *easel.Subject, cx, cy, rx float32) {
	d.plate(cx, cy, rx)
	col := foodColour(s, "#6a2a6a")
	if strings.Contains(strings.ToLower(s.Noun), "green") {
		col = hex("#a8c84a")
	}
	r := rx * 0.07
	top := cy - rx*0.55
	for row, m := range []int{5, 5, 4, 4, 3, 2, 1} {
		for j := range m {
			x := cx + (float32(j)-float32(m-1)/2)*r*1.7
			y := top + float32(row)*r*1.45
			c := d.lit(col.scale(d.rnd(0.85, 1.1)), 0)
			d.disc(x, y, r, c, 1, false)
			d.disc(x-r*0.3, y-r*0.35, r*0.3, c.mix(rgb{1, 1, 1}, 0.4), 0.7, false)
		}
	}
	d.line(cx, top-r*0.8, cx+r*0.6, top-r*2.4, max(r*0.25, 1))
	d.fill(solid(d.lit(hex("#5a4a2a"), 0)))
	lx, ly := cx+r*0.6, top-r*2.2
	d.moveTo(lx, ly)
	d.quadTo(lx+r*2, ly-r*2.2, lx+r*4, ly-r*0.6)
	d.quadTo(lx+r*2, ly+r*0.8, lx, ly)
	d.fill(solid(d.lit(hex("#4a8a3a"), 0)))
}

// noodles draws a twirl of pasta on a plate with sauce on top.
func (d *painter) noodles(s *easel.Subject, cx, cy, rx float32) {
	d.paintedLike("sauce", "pesto")
	if n := strings.ToLower(s.Noun); s.Category == "pasta" && !strings.Contains(n, "spaghetti") && !strings.Contains(n, "noodle") && !strings.Contains(n, "linguine") && !strings.Contains(n, "pasta") {
		d.standIn(s) // "lasagna", "ravioli": a tangle of noodles stands for it
	}
	d.plate(cx, cy, rx)
	pasta := d.lit(hex("#f0d080"), 0)
	w := rx * 0.7
	for k := range 40 {
		a := float64(k) * 0.9
		r := w * (0.15 + 0.85*float32(k)/40)
		x0 := cx + float32(math.Cos(a))*r*0.9
		y0 := cy - w*0.2 + float32(math.Sin(a))*r*0.32
		x1 := cx + float32(math.Cos(a+1.6))*r*0.9
		y1 := cy - w*0.2 + float32(math.Sin(a+1.6))*r*0.32
		d.moveTo(x0, y0)
		d.quadTo((x0+x1)/2, (y0+y1)/2-w*0.25, x1, y1)
		d.strokeOpen(max(3.5*d.u, 1.2), pasta.scale(d.rnd(0.8, 1.05)), 1)
	}
	if c, ok := factColour(s); ok || !hasWord(d.p.words, "pesto") {
		sauce := hex("#b8281e")
		if ok {
			sauce = c
		}
		d.ellipse(cx, cy-w*0.38, w*0.45, w*0.17)
		d.fill(paint{col: d.lit(sauce, 0), alpha: 0.9})
	}
	for range 6 {
		d.disc(cx+d.rnd(-0.3, 0.3)*w, cy-w*d.rnd(0.3, 0.45), w*0.03, d.lit(hex("#3a8a2a"), 0), 1, false)
	}
}

// foodShaped reports whether s is food with a specific shape of its own.
func foodShaped(s *easel.Subject) bool {
	unknown := s.Element == "" && s.Category == "" // "nigiri": not in WordNet
	if s.Element != "food" && s.Element != "table" && !isFoodCategory(s.Category) && !unknown {
		return false
	}
	return foodShapeOf(s) != nil
}

// foodShapeOf is the specific shape a word of the food's noun names, else
// the one a dish before it names ("sushi rolls" are sushi, not bread
// rolls), else nil. A fruit or a vegetable before the noun is its flavour
// ("banana bread", "pumpkin pie"), and a soup, a salad or a drink stays
// what it is ("dumpling soup").
func foodShapeOf(s *easel.Subject) func(d *painter, s *easel.Subject, cx, cy, rx float32) {
	n := strings.ToLower(s.Noun)
	for _, fs := range foodShapes {
		if strings.Contains(n, fs.word) {
			return fs.draw
		}
	}
	switch s.Category {
	case "soup", "salad", "drink":
		return nil
	}
	for _, a := range s.Adjectives {
		a = strings.ToLower(a)
		if e, _, ok := lexical.FindNoun(a); ok {
			if c := e.CategoryList(); len(c) == 0 || c[0] != "dish" && c[0] != "pasta" {
				continue
			}
		}
		for _, fs := range foodShapes {
			if a == fs.word || a == fs.word+"s" {
				return fs.draw
			}
		}
	}
	return nil
}

// isFoodCategory reports whether c is one of WordNet's food categories.
func isFoodCategory(c string) bool {
	switch c {
	case "fruit", "vegetable", "cake", "bread", "cookie", "pastry", "sandwich", "soup", "salad", "pasta", "pie", "dessert", "candy", "dish", "drink", "food":
		return true
	}
	return false
}

// portionWord reports whether a noun only measures the food after it ("a
// slice of watermelon", "a bunch of grapes"): the food is the subject.
func portionWord(n string) bool {
	switch strings.ToLower(n) {
	case "slice", "slices", "piece", "pieces", "wedge", "wedges", "bunch", "pile", "heap", "handful", "serving", "portion", "helping", "stack", "platter", "tray", "basket", "box":
		return true
	}
	return false
}

// looseFood is a counted or plural subject the lexicon gives no category
// to ("spring rolls", "empanadas") on a table: drawn as pieces on a plate
// rather than an empty bowl.
func (p *plan) looseFood() *easel.Subject {
	if len(p.subjects) == 0 {
		return nil
	}
	s := &p.subjects[0]
	_, plural, _ := lexical.FindNoun(strings.ToLower(s.Noun))
	if s.Category == "" && (s.Element == "" || s.Element == "food") && (s.Plural || plural || s.Count > 1) {
		return s
	}
	return nil
}

// cakeSlices draws wedges of layered cake on a plate, their cut faces
// showing sponge and filling, frosting on top.
func (d *painter) cakeSlices(s *easel.Subject, cx, cy, rx float32) {
	n := countOf(s, 1)
	if n == 1 && hasWord(d.p.words, "slices") {
		n = 2
	}
	frost := foodColour(s, "#f4d8e0")
	sponge := d.lit(hex("#d8a860"), 0)
	if hasWord(d.p.words, "chocolate") {
		sponge = d.lit(hex("#6a3a22"), 0)
	}
	d.plate(cx, cy, rx)
	w := rx * min(0.55, 1.1/float32(n))
	for i := range n {
		x := spread(i, n, cx, rx*0.55)
		y := cy + w*0.1
		h := w * 0.8
		// The cut face: a tall triangle, point to the back.
		d.poly(x-w*0.7, y, x+w*0.5, y, x+w*0.5, y-h, x-w*0.7, y-h)
		d.fill(vgrad(sponge.scale(1.1), sponge.scale(0.8), y-h, y))
		for _, f := range []float32{0.35, 0.68} {
			d.fillRect(x-w*0.7, y-h*f, x+w*0.5, y-h*f+h*0.08, d.lit(frost.scale(0.85), 0), 1)
		}
		// The side going back to the point, and the frosting on top.
		d.poly(x+w*0.5, y, x+w*0.9, y-w*0.3, x+w*0.9, y-h-w*0.3, x+w*0.5, y-h)
		d.fill(solid(sponge.scale(0.7)))
		d.poly(x-w*0.7, y-h, x+w*0.5, y-h, x+w*0.9, y-h-w*0.3)
		d.fill(solid(d.lit(frost, 0)))
		d.rect(x-w*0.7, y-h-w*0.06, x+w*0.5, y-h+w*0.02)
		d.fill(solid(d.lit(frost.scale(0.95), 0)))
	}
}

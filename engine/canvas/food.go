package canvas

import (
	"math"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/lexical"
)

// This file draws food on the table by its WordNet category, through a
// dispatch table: a cake is layered, bread is a loaf, cookies are discs on
// a plate, a sandwich is stacked, a pie or a dish is round and flat on a
// plate, a dessert is scoops, a drink is a glass. Soup, pasta, salad and
// plain food keep the bowl table() draws. Counts ("three macarons", "four
// donuts") are drawn as counts; colours come from the idea or from the
// colour WordNet's definition gives the noun.

// foodDrawers maps a food category to its drawer. Each draws around
// (cx, cy), the middle of the table top, within half-width rx.
var foodDrawers = map[string]func(d *painter, s *easel.Subject, cx, cy, rx float32){
	"cake":      (*painter).cakes,
	"pastry":    (*painter).loaves,
	"bread":     (*painter).loaves,
	"cookie":    (*painter).cookies,
	"candy":     (*painter).cookies,
	"sandwich":  (*painter).sandwich,
	"pie":       (*painter).flatDish,
	"dish":      (*painter).flatDish,
	"dessert":   (*painter).scoops,
	"drink":     (*painter).drinks,
	"fruit":     (*painter).pieces,
	"vegetable": (*painter).pieces,
	"pasta":     (*painter).noodles,
	"salad":     (*painter).saladBowl, // food_sides.go
}

// foodSubject is the first subject that is food with a drawer of its own.
func (p *plan) foodSubject() *easel.Subject {
	s, _ := p.foodSubjectAt()
	return s
}

// foodSubjectAt is foodSubject and its index among the subjects.
func (p *plan) foodSubjectAt() (*easel.Subject, int) {
	for i := range p.subjects {
		s := &p.subjects[i]
		if foodShaped(s) {
			return s, i // a specific shape (food_shapes.go)
		}
		if s.Element == "food" && s.Category == "" {
			// The dish is one WordNet does not know ("ramen", "pho"): the
			// bowl table() draws, not a side named with it ("with a soft
			// boiled egg").
			return nil, -1
		}
		if _, ok := foodDrawers[s.Category]; ok {
			return s, i
		}
		// "blueberries" are a plant first, a fruit next.
		if e, _, ok := lexical.FindNoun(strings.ToLower(s.Noun)); ok && (s.Element == "food" || s.Element == "table") {
			for _, c := range e.CategoryList() {
				if _, ok := foodDrawers[c]; ok {
					t := *s
					t.Category = c
					return &t, i
				}
			}
		}
	}
	return nil, -1
}

// foodColour is the subject's colour, else def.
func foodColour(s *easel.Subject, def string) rgb {
	if c, ok := colourOf(s); ok {
		return c
	}
	if c, ok := flavourColour(s); ok {
		return c // "strawberry ice cream" is pink (food_sides.go)
	}
	return hex(def)
}

// plate draws a round plate seen at an angle.
func (d *painter) plate(cx, cy, rx float32) {
	d.painted("plate", "platter", "dish")
	ry := rx * 0.3
	d.ellipse(cx, cy+ry*0.25, rx*1.02, ry*1.05)
	d.fill(solid(d.lit(hex("#b8b4ac"), 0)))
	d.ellipse(cx, cy, rx, ry)
	d.fill(vgrad(d.lit(hex("#f4f2ee"), 0), d.lit(hex("#dcd8d0"), 0), cy-ry, cy+ry))
}

// cakes draws a layered cake, or one small cake for each of a count.
func (d *painter) cakes(s *easel.Subject, cx, cy, rx float32) {
	if s.Plural && s.Count == 0 {
		d.stack(s, cx, cy, rx) // "pancakes", "a stack of waffles"
		return
	}
	n := countOf(s, 1)
	frost := foodColour(s, "#f4d8e0")
	d.plate(cx, cy, rx)
	w := rx * 0.7
	if n > 1 {
		w = rx * 0.72 / float32(n) // side by side, not overlapping
	}
	for i := range n {
		x := cx
		if n > 1 {
			x = cx - rx*0.8 + rx*1.6*(float32(i)+0.5)/float32(n)
		}
		h := w * 0.9
		base := cy + w*0.12
		sponge := d.lit(hex("#d8a860"), 0)
		if c, ok := flavourColour(s); ok && darkFlavour(c) {
			sponge = d.lit(c.mix(hex("#d8a860"), 0.2), 0) // a chocolate cake is brown through
		}
		d.ellipse(x, base, w, w*0.28)
		d.fill(solid(sponge.scale(0.8)))
		d.rect(x-w, base-h, x+w, base)
		d.fill(vgrad(sponge, sponge.scale(0.85), base-h, base))
		// A filling line, and the frosting on top, running over the edge.
		d.fillRect(x-w, base-h*0.5, x+w, base-h*0.42, d.lit(frost.scale(0.8), 0), 1)
		d.ellipse(x, base-h, w, w*0.28)
		d.fill(solid(d.lit(frost, 0)))
		for k := 0; k < 5; k++ {
			fx := x - w + w*2*(float32(k)+0.5)/5
			d.ellipse(fx, base-h+w*0.14, w*0.12, w*0.16)
			d.fill(solid(d.lit(frost, 0)))
		}
		if hasWord(d.p.words, "candle") || hasWord(d.p.words, "candles") {
			// As many candles as counted ("five candles"), in a row
			// across the top.
			d.paintedLike("candle")
			k := d.p.candles()
			for c := range k {
				cx := spread(c, k, x, w*0.7)
				d.rect(cx-w*0.035, base-h-w*0.5, cx+w*0.035, base-h)
				d.fill(solid(hex("#f0ece0")))
				d.glow(cx, base-h-w*0.58, w*0.1, warmLight, 1)
			}
		}
	}
}

// candles is how many candles the idea puts on a cake: as counted, three
// for "candles", else one.
func (p *plan) candles() int {
	for j := range p.subjects {
		if strings.HasPrefix(strings.ToLower(p.subjects[j].Noun), "candle") {
			return countOf(&p.subjects[j], map[bool]int{true: 3, false: 1}[p.subjects[j].Plural])
		}
	}
	return 1
}

// stack draws a stack of flat cakes on a plate, with syrup running down
// when the idea pours some.
func (d *painter) stack(s *easel.Subject, cx, cy, rx float32) {
	d.plate(cx, cy, rx)
	col := foodColour(s, "#d8a050")
	w := rx * 0.55
	h := w * 0.16
	for i := 0; i < 6; i++ {
		y := cy - float32(i)*h*0.9
		d.ellipse(cx, y, w, w*0.26)
		d.fill(vgrad(d.lit(col.scale(0.9), 0), d.lit(col.scale(0.7), 0), y-w*0.26, y+w*0.26))
		d.ellipse(cx, y-h*0.5, w*0.98, w*0.24)
		d.fill(solid(d.lit(col.scale(1.1), 0)))
	}
	top := cy - 5*h*0.9 - h*0.5
	if hasWord(d.p.words, "syrup") || hasWord(d.p.words, "honey") {
		d.paintedLike("syrup", "honey")
		syrup := d.lit(hex("#a8541a"), 0)
		d.ellipse(cx, top, w*0.7, w*0.17)
		d.fill(paint{col: syrup, alpha: 0.85})
		for _, fx := range []float32{-0.6, -0.1, 0.45} {
			d.roundRect(cx+fx*w-w*0.05, top, cx+fx*w+w*0.05, top+h*(3+fx*2), w*0.05)
			d.fill(paint{col: syrup, alpha: 0.85})
		}
	}
	if hasWord(d.p.words, "berries") || hasWord(d.p.words, "berry") {
		d.paintedLike("berr")
		for k := 0; k < 5; k++ {
			d.disc(cx+d.rnd(-0.4, 0.4)*w, top-w*0.05, w*0.08, d.lit(hex("#5a2a8a"), 0), 1, false)
		}
	}
}

// loaves draws bread: a loaf, or rolls and croissants for a count.
func (d *painter) loaves(s *easel.Subject, cx, cy, rx float32) {
	n := countOf(s, 1)
	crust := foodColour(s, "#c8843a")
	if strings.Contains(strings.ToLower(s.Noun), "croissant") || n > 1 {
		if n == 1 {
			n = 2
		}
	}
	d.shadow(cx, cy+rx*0.1, rx*0.9)
	w := rx * 0.8
	if n > 1 {
		w = rx * 0.75 / float32(n)
	}
	for i := range n {
		x := cx
		if n > 1 {
			x = cx - rx*0.8 + rx*1.6*(float32(i)+0.5)/float32(n)
		}
		d.moveTo(x-w, cy)
		d.cubeTo(x-w, cy-w*0.9, x+w, cy-w*0.9, x+w, cy)
		d.cubeTo(x+w*0.6, cy+w*0.2, x-w*0.6, cy+w*0.2, x-w, cy)
		d.fill(vgrad(d.lit(crust.scale(1.2), 0), d.lit(crust.scale(0.7), 0), cy-w*0.7, cy))
		for k := 1; k <= 3; k++ {
			sx := x - w + w*2*float32(k)/4
			d.line(sx-w*0.1, cy-w*0.55, sx+w*0.1, cy-w*0.35, 3*d.u)
		}
		d.fill(solid(d.lit(crust.mix(hex("#f4e0b0"), 0.5), 0)))
	}
}

// cookies draws round discs on a plate, as many as counted.
func (d *painter) cookies(s *easel.Subject, cx, cy, rx float32) {
	n := countOf(s, 7)
	col := foodColour(s, "#c89050")
	d.plate(cx, cy, rx)
	r := rx * min(0.28, 1.4/float32(n+1))
	for i := range n {
		t := (float32(i) + 0.5) / float32(n)
		x := cx - rx*0.7 + rx*1.4*t
		y := cy + (float32(i%2)-0.5)*rx*0.08
		d.ellipse(x, y, r, r*0.45)
		d.fill(vgrad(d.lit(col.scale(1.15), 0), d.lit(col.scale(0.8), 0), y-r*0.45, y+r*0.45))
		for k := 0; k < 3; k++ {
			d.disc(x+d.rnd(-0.5, 0.5)*r, y+d.rnd(-0.2, 0.2)*r, r*0.09, hex("#4a2a1a"), 1, false)
		}
	}
}

// sandwich draws a stacked sandwich or burger: bun, fillings, bun.
func (d *painter) sandwich(s *easel.Subject, cx, cy, rx float32) {
	d.plate(cx, cy, rx)
	if !burger(s) {
		d.slicedSandwich(s, cx, cy, rx)
		return
	}
	w := rx * 0.6
	bun := foodColour(s, "#d8a050")
	layers := []struct {
		col string
		h   float32
	}{{"#c88a40", 0.18}, {"#6a3a22", 0.2}, {"#f0c030", 0.08}, {"#c83a2a", 0.08}, {"#5aa83a", 0.1}}
	y := cy
	for _, l := range layers {
		d.ellipse(cx, y-w*l.h/2, w*1.02, w*0.26)
		d.rect(cx-w*1.02, y-w*l.h, cx+w*1.02, y-w*l.h/2)
		d.fill(solid(d.lit(hex(l.col), 0)))
		y -= w * l.h
	}
	d.moveTo(cx-w, y)
	d.cubeTo(cx-w, y-w*0.9, cx+w, y-w*0.9, cx+w, y)
	d.fill(vgrad(d.lit(bun.scale(1.2), 0), d.lit(bun.scale(0.85), 0), y-w*0.7, y))
	for k := 0; k < 12; k++ {
		d.disc(cx+d.rnd(-0.6, 0.6)*w, y-w*d.rnd(0.2, 0.55), 2*d.u, hex("#f4ead0"), 1, false)
	}
}

// burger reports a sandwich in a round bun: a hamburger, a cheeseburger,
// a slider. Any other sandwich is slices of bread.
func burger(s *easel.Subject) bool {
	n := strings.ToLower(s.Noun + " " + strings.Join(s.Adjectives, " "))
	return strings.Contains(n, "burger") || strings.Contains(n, "slider")
}

// slicedSandwich draws a sandwich of bread slices cut in two, the halves
// side by side showing their filling: cheese alone for a cheese sandwich
// ("a grilled cheese"), toasted when grilled, else greens, tomato and ham.
func (d *painter) slicedSandwich(s *easel.Subject, cx, cy, rx float32) {
	words := " " + strings.ToLower(s.Noun+" "+strings.Join(s.Adjectives, " ")) + " "
	if !hasAnyWord(strings.ToLower(s.Noun), "sandwich", "sandwiches", "blt", "panini", "toastie", "club") {
		d.standIn(s) // "a hot dog": sliced bread stands for it
	}
	bread := foodColour(s, "#e8c890")
	crust := hex("#b07a3a")
	if strings.Contains(words, "grilled") || strings.Contains(words, "toast") {
		bread, crust = hex("#d89a48"), hex("#9a5a22")
	}
	fill := []string{"#6aa83a", "#d0402a", "#e8a0a0"}
	if strings.Contains(words, " cheese ") {
		fill = []string{"#f4c430"}
	}
	w := rx * 0.42
	for k, side := range []float32{-1, 1} {
		x := cx + side*w*1.1
		y := cy + w*0.1
		th := w * 0.34 // a slice's thickness
		// the bottom slice, the filling, the top slice: each a slab seen
		// from the cut side.
		slab := func(top float32, c rgb) {
			d.rect(x-w, top, x+w, top+th)
			d.fill(vgrad(d.lit(c, 0), d.lit(c.scale(0.85), 0), top, top+th))
			d.fillRect(x-w, top+th-th*0.18, x+w, top+th, d.lit(crust, 0), 1)
		}
		slab(y-th, bread)
		y -= th
		for _, f := range fill {
			h := w * 0.14
			d.rect(x-w*1.04, y-h, x+w*1.04, y)
			d.fill(solid(d.lit(hex(f), 0)))
			if f == "#f4c430" { // melted cheese runs over the edge
				d.ellipse(x-w*0.5+float32(k)*w*0.4, y, w*0.12, w*0.1)
				d.fill(solid(d.lit(hex(f), 0)))
			}
			y -= h
		}
		d.moveTo(x-w, y)
		d.lineTo(x+w, y)
		d.lineTo(x+w, y-th)
		d.cubeTo(x+w*0.6, y-th*1.8, x-w*0.6, y-th*1.8, x-w, y-th)
		d.fill(vgrad(d.lit(bread.scale(1.05), 0), d.lit(bread.scale(0.85), 0), y-th*1.6, y))
		d.line(x-w, y-th, x+w, y-th, d.u)
		d.fill(solid(d.lit(crust, 0)))
	}
}

// roundFlatDishes are the dishes flatDish draws in their own shape.
var roundFlatDishes = []string{"pizza", "pizzas", "pie", "pies", "quiche", "tart", "tarts", "flatbread", "focaccia", "galette", "crostata", "frittata"}

// flatDish draws a round, flat dish on a plate: a pie, a pizza, a plate of
// food, with its slices or toppings.
func (d *painter) flatDish(s *easel.Subject, cx, cy, rx float32) {
	d.plate(cx, cy, rx)
	if !hasAnyWord(strings.ToLower(s.Noun), roundFlatDishes...) {
		d.standIn(s) // "an omelette", "a curry": a round pie stands for it
	}
	crust := foodColour(s, "#d89a4a")
	w := rx * 0.78
	d.ellipse(cx, cy, w, w*0.3)
	d.fill(solid(d.lit(crust, 0)))
	d.ellipse(cx, cy-w*0.02, w*0.86, w*0.25)
	d.fill(solid(d.lit(crust.mix(hex("#c84a2a"), 0.35), 0)))
	for k := 0; k < 14; k++ {
		d.ellipse(cx+d.rnd(-0.7, 0.7)*w, cy+d.rnd(-0.18, 0.18)*w, w*0.07, w*0.03)
		d.fill(solid(d.lit(hex("#8a2a1a").mix(crust, d.rnd(0, 0.5)), 0)))
	}
	for k := 0; k < 4; k++ {
		x := cx + (float32(k)-1.5)*w*0.4
		d.line(cx, cy, x, cy+w*0.3*sign32(x-cx+0.01), 2*d.u)
	}
	d.fill(solid(d.lit(crust.scale(0.7), 0)))
}

func sign32(x float32) float32 {
	if x < 0 {
		return -1
	}
	return 1
}

// scoops draws a dessert: scoops in a cone or a glass dish.
func (d *painter) scoops(s *easel.Subject, cx, cy, rx float32) {
	col := foodColour(s, "#f4ecd0")
	n := countOf(s, 2)
	w := rx * 0.28
	if hasWord(d.p.words, "cone") {
		d.paintedLike("cone")
		d.poly(cx-w, cy-w*0.8, cx+w, cy-w*0.8, cx, cy+w*1.6)
		d.fill(solid(d.lit(hex("#d8a050"), 0)))
	} else {
		d.plate(cx, cy+w*0.6, rx*0.6)
		d.moveTo(cx-w*1.3, cy-w*0.8)
		d.cubeTo(cx-w*1.3, cy+w*0.6, cx+w*1.3, cy+w*0.6, cx+w*1.3, cy-w*0.8)
		d.fill(solid(d.lit(hex("#dfe8ec"), 0)))
	}
	for i := range n {
		y := cy - w*0.9 - float32(i)*w*1.1
		d.disc(cx, y, w*1.05, d.lit(col, 0), 1, false)
		d.disc(cx-w*0.35, y-w*0.35, w*0.35, d.lit(col.mix(rgb{1, 1, 1}, 0.5), 0), 0.7, false)
	}
}

// drinks draws a glass with the drink in it, one for each of a count.
func (d *painter) drinks(s *easel.Subject, cx, cy, rx float32) {
	n := countOf(s, 1)
	liquid := foodColour(s, "#b8742a")
	w := rx * 0.22
	for i := range n {
		x := cx
		if n > 1 {
			x = cx - rx*0.7 + rx*1.4*(float32(i)+0.5)/float32(n)
		}
		h := w * 2.6
		top := cy - h
		d.shadow(x, cy, w*1.2)
		// Glass, then the drink filling most of it, then a highlight.
		d.poly(x-w, top, x+w, top, x+w*0.8, cy, x-w*0.8, cy)
		d.fill(paint{col: d.lit(hex("#e8f0f4"), 0), alpha: 0.45})
		d.poly(x-w*0.93, top+h*0.25, x+w*0.93, top+h*0.25, x+w*0.76, cy-w*0.1, x-w*0.76, cy-w*0.1)
		d.fill(vgrad(d.lit(liquid.scale(1.15), 0), d.lit(liquid.scale(0.75), 0), top+h*0.25, cy))
		d.rect(x-w*0.7, top+h*0.08, x-w*0.55, cy-w*0.3)
		d.fill(paint{col: rgb{1, 1, 1}, alpha: 0.35})
	}
}

// pieces draws fruit or vegetables heaped on a plate, as many as counted,
// in their colour.
func (d *painter) pieces(s *easel.Subject, cx, cy, rx float32) {
	n := countOf(s, 9)
	col := foodColour(s, "#c8282a")
	basket := d.p.basketed(s) // "a basket of apples" (food_sides.go)
	if basket {
		d.basketBack(cx, cy, rx)
	} else {
		d.plate(cx, cy, rx)
	}
	r := rx * min(0.2, 1.2/float32(n+1))
	if basket {
		defer d.basketFront(cx, cy, rx)
	}
	for i := range n {
		row := 0
		k, m := i, n
		if n > 4 {
			// A heap: the first half in a row, the rest above it.
			half := (n + 1) / 2
			if i >= half {
				row, k, m = 1, i-half, n-half
			}
		}
		t := (float32(k) + 0.5) / float32(m)
		span := rx * (1.3 - 0.4*float32(row))
		x := cx - span/2 + span*t
		y := cy - float32(row)*r*1.4
		c := d.lit(col.scale(d.rnd(0.85, 1.1)), 0)
		d.disc(x, y, r, c, 1, false)
		d.disc(x-r*0.3, y-r*0.35, r*0.35, c.mix(rgb{1, 1, 1}, 0.45), 0.7, false)
	}
}

// table: a close-up still life on a wooden table: a bowl (ramen when the
// words say so), chopsticks and steam, against a warm blurred room.
func (d *painter) table() {
	p := d.p
	W, H := float32(d.w), float32(d.h)
	top := H * between(0.38, 0.56, p.look.horizon)
	back := hex("#3a2a22").mix(p.accent, 0.1)
	d.rect(-2, -2, W+2, top+2)
	d.fillNoInk(vgrad(back.scale(0.6), back, 0, top))
	// Out-of-focus lights behind.
	for i := 0; i < 14; i++ {
		c := warmLight.mix(hex("#ff8a5a"), d.rng.Float32())
		d.disc(d.rnd(0, W), d.rnd(0, top*0.9), d.rnd(15, 45)*d.u, c, 0.18, true)
	}
	wood := hex("#8a5a34")
	d.rect(-2, top, W+2, H+2)
	pt := vgrad(wood.scale(0.7), wood, top, H)
	pt.tex, pt.texAmt, pt.texScale = texStreakH, 0.45, 8*d.u
	d.fill(pt)
	for k := 1; k < 4; k++ {
		y := top + (H-top)*float32(k*k)/16
		d.fillRect(0, y, W, y+1.5*d.u, wood.scale(0.45), 0.8)
	}
	for i := range p.subjects {
		if s := &p.subjects[i]; s.Category == "furniture" && s.Element == "table" {
			d.paintedSub(s) // the table itself
		}
	}
	// The camera's distance sizes the bowl; the table's edge carries it.
	zk := min(1+(p.look.zoom-1)*0.5, 1.2)
	cx, cy := W*between(0.4, 0.6, p.look.sunX), top+H*0.14
	if d.foodInJar(cx, cy+H*0.06, W*0.3*zk) {
		return // "a jar of peach jam": the jar, not the peaches
	}
	if fs, at := p.foodSubjectAt(); fs != nil {
		// Food with a shape of its own (food.go): a cake, bread, a glass.
		d.paintedSub(fs)
		d.withSides(fs, at, cx, cy+H*0.06, W*0.32*zk) // what is on it and beside it (food_sides.go)
		return
	}
	if fs := p.looseFood(); fs != nil {
		d.paintedSub(fs)
		d.piecesOnPlate(fs, cx, cy+H*0.06, W*0.32*zk) // "a plate of spring rolls" (food_shapes.go)
		return
	}
	if !(p.el["bowl"] || p.el["food"]) {
		return
	}
	d.painted("bowl")
	rx, ry := W*0.3*zk, H*0.09*zk
	// Bowl body, then the rim with the soup inside.
	d.moveTo(cx-rx, cy)
	d.cubeTo(cx-rx, cy+ry*3.2, cx+rx, cy+ry*3.2, cx+rx, cy)
	bowl := hex("#2a2a30")
	if len(p.tint) > 0 {
		bowl = p.tint[0].scale(0.7)
	}
	d.fill(vgrad(bowl.scale(1.4), bowl.scale(0.6), cy, cy+ry*2.5))
	d.ellipse(cx, cy, rx, ry)
	d.fill(solid(bowl.mix(rgb{0.9, 0.9, 0.9}, 0.5)))
	ramen := hasWord(p.words, "ramen") || hasWord(p.words, "noodle") || hasWord(p.words, "noodles") || hasWord(p.words, "pho") || hasWord(p.words, "udon")
	soup := !ramen && (hasWord(p.words, "soup") || hasWord(p.words, "broth") || hasWord(p.words, "stew") || hasWord(p.words, "chowder"))
	fruit := hasWord(p.words, "fruit") || hasWord(p.words, "apple") || hasWord(p.words, "orange") || hasWord(p.words, "berries") || hasWord(p.words, "grape")
	hot := ramen || soup || hasWord(p.words, "rice") || hasWord(p.words, "stew") || hasWord(p.words, "curry") || hasWord(p.words, "dumpling")
	broth := hex("#d8943a")
	if !ramen {
		broth = hex("#c8b890")
	}
	if fruit {
		broth = hex("#5a3a24") // the shadow inside the bowl, under the fruit
	}
	switch {
	case ramen:
		d.paintedLike("ramen", "noodle", "pho", "udon", "egg")
	case soup:
		d.paintedLike("soup", "broth", "stew", "chowder", "miso")
	case fruit:
		d.paintedLike("fruit", "apple", "orange", "berr", "grape")
	}
	for i := range p.subjects {
		if d.rec != nil && p.subjects[i].Element == "food" && !d.rec.subs[i] {
			d.plainly(&p.subjects[i]) // what the bowl holds, as a plain broth or heap
		}
	}
	if soup {
		broth = hex("#c8883a") // a miso, a stew: broth with pieces in it, no noodles or egg
		if c, ok := factColour(p.subjectOf("food")); ok {
			broth = c
		}
	}
	d.ellipse(cx, cy+ry*0.08, rx*0.9, ry*0.82)
	d.fill(vgrad(broth.scale(1.1), broth.scale(0.8), cy-ry, cy+ry))
	if soup {
		for i := 0; i < 9; i++ {
			bx, by := cx+d.rnd(-0.6, 0.6)*rx, cy+d.rnd(-0.45, 0.5)*ry
			d.rect(bx-rx*0.05, by-ry*0.12, bx+rx*0.05, by+ry*0.12)
			d.fill(solid(d.lit(hex("#f4eede"), 0)))
		}
		for i := 0; i < 30; i++ {
			d.disc(cx+d.rnd(-0.6, 0.6)*rx, cy+d.rnd(-0.5, 0.6)*ry, 3*d.u, hex("#4a9a3a"), 1, false)
		}
	}
	if ramen {
		noodle := hex("#f2d68a")
		for k := 0; k < 9; k++ {
			y := cy + d.rnd(-0.4, 0.6)*ry
			x0 := cx - rx*0.7
			d.moveTo(x0, y)
			for i := 1; i <= 12; i++ {
				d.lineTo(x0+float32(i)*rx*0.12, y+float32(math.Sin(float64(i)+float64(k)))*ry*0.12)
			}
			for i := 12; i >= 0; i-- {
				d.lineTo(x0+float32(i)*rx*0.12, y+float32(math.Sin(float64(i)+float64(k)))*ry*0.12+3*d.u)
			}
		}
		d.fill(solid(noodle))
		// Egg halves, pork, nori, spring onion.
		for _, ex := range []float32{-0.35, 0.05} {
			d.ellipse(cx+ex*rx, cy-ry*0.15, rx*0.14, ry*0.38)
			d.fill(solid(hex("#f8f4ec")))
			d.ellipse(cx+ex*rx, cy-ry*0.15, rx*0.07, ry*0.2)
			d.fill(solid(hex("#f0a020")))
		}
		d.ellipse(cx+rx*0.42, cy+ry*0.1, rx*0.2, ry*0.4)
		d.fill(solid(hex("#c88a6a")))
		d.poly(cx-rx*0.75, cy-ry*0.6, cx-rx*0.55, cy-ry*0.75, cx-rx*0.5, cy+ry*0.1, cx-rx*0.7, cy+ry*0.2)
		d.fill(solid(hex("#1a2a1a")))
		for i := 0; i < 40; i++ {
			d.disc(cx+d.rnd(-0.6, 0.6)*rx, cy+d.rnd(-0.5, 0.6)*ry, 3.5*d.u, hex("#5ab83a"), 1, false)
		}
	}
	if fruit {
		// A heap of apples, oranges and grapes rising above the rim.
		cols := []rgb{hex("#c8282a"), hex("#f08a1e"), hex("#e8c83a"), hex("#7aa83a"), hex("#6a2a6a")}
		// A heap: a wide row in the bowl, narrower rows piled above it.
		for row, n := range []int{6, 4, 2} {
			for i := 0; i < n; i++ {
				t := (float32(i) + 0.5) / float32(n)
				spread := rx * (0.75 - 0.2*float32(row))
				fx := cx + (t*2-1)*spread + d.rnd(-0.05, 0.05)*rx
				fy := cy + ry*0.2 - float32(row)*ry*0.95 + d.rnd(-0.1, 0.1)*ry
				r := d.rnd(0.15, 0.19) * rx
				c := d.lit(cols[d.rng.IntN(len(cols))], 0)
				d.disc(fx, fy, r, c, 1, false)
				d.disc(fx-r*0.3, fy-r*0.35, r*0.35, c.mix(rgb{1, 1, 1}, 0.45), 0.7, false)
			}
		}
		// The bowl's front rim covers the lowest fruit.
		d.moveTo(cx-rx, cy)
		d.cubeTo(cx-rx, cy+ry*3.2, cx+rx, cy+ry*3.2, cx+rx, cy)
		d.cubeTo(cx+rx*0.9, cy+ry*0.9, cx-rx*0.9, cy+ry*0.9, cx-rx, cy)
		d.fill(vgrad(bowl.scale(1.4), bowl.scale(0.6), cy, cy+ry*2.5))
		return
	}
	if !hot {
		return
	}
	// Chopsticks resting across the bowl.
	d.paintedLike("chopstick")
	d.line(cx-rx*0.2, cy-ry*1.4, cx+rx*1.3, cy+ry*0.6, 7*d.u)
	d.line(cx-rx*0.1, cy-ry*1.55, cx+rx*1.35, cy+ry*0.35, 7*d.u)
	d.fill(solid(hex("#c89a5a")))
	// Steam.
	for k := 0; k < 3; k++ {
		x := cx + float32(k-1)*rx*0.3
		for i := 0; i < 10; i++ {
			t := float32(i) / 9
			d.ellipse(x+float32(math.Sin(float64(t*6+float32(k))))*20*d.u, cy-ry-t*H*0.3, (12+14*t)*d.u, (10+8*t)*d.u)
		}
	}
	d.fillNoInk(paint{col: rgb{1, 1, 1}, alpha: 0.12})
}

// foodInJar draws the food the idea puts in a jar ("a glass jar of
// honey", "a jar of jam") as a glass jar filled with it, lidded, not an
// open bowl; it reports whether it did.
func (d *painter) foodInJar(cx, base, rx float32) bool {
	jar := -1
	for i := range d.p.subjects {
		n := strings.ToLower(d.p.subjects[i].Noun)
		if (n == "jar" || n == "jars") && strings.Contains(d.p.words, " "+n+" of ") {
			jar = i
		}
	}
	if jar < 0 {
		return false
	}
	d.paintedSub(&d.p.subjects[jar])
	fill := hex("#d89a20") // honey
	pieces := false        // cookies, olives: the jar holds pieces
	for i := range d.p.subjects {
		if x := &d.p.subjects[i]; x.Element == "food" {
			d.paintedSub(x)
			switch {
			case hasWord(d.p.words, "honey"):
			case hasWord(d.p.words, "jam") || hasWord(d.p.words, "jelly") || hasWord(d.p.words, "marmalade"):
				fill = foodColour(x, "#a8202a")
				if e, _, ok := lexical.FindNoun(strings.ToLower(x.Noun)); ok && e.Hue != "" {
					if c, ok := namedColour(e.Hue); ok {
						fill = c // "peach jam": the fruit's colour
					}
				}
			default:
				fill = foodColour(x, "#c8904a") // cookies, sweets
				if _, said := colourOf(x); !said {
					if e, _, ok := lexical.FindNoun(strings.ToLower(x.Noun)); ok && e.Hue != "" {
						if c, ok := namedColour(e.Hue); ok {
							fill = c // pickles green, olives
						}
					}
				}
			}
			pieces = pieces || x.Plural
		}
	}
	d.paintedLike("honey", "jam", "lid")
	w, h := rx*0.55, rx*1.25
	d.shadow(cx, base, w)
	glass := hex("#e8f0f0")
	d.roundRect(cx-w, base-h, cx+w, base, w*0.25)
	d.fill(solid(d.lit(glass.scale(0.9), 0)))
	d.roundRect(cx-w*0.92, base-h*0.8, cx+w*0.92, base-w*0.05, w*0.22)
	d.fill(vgrad(d.lit(fill.scale(1.15), 0), d.lit(fill.scale(0.75), 0), base-h*0.8, base))
	if pieces {
		for k := range 12 {
			px := cx + (float32(k%4)-1.5)*w*0.4 + float32(k/4%2)*w*0.1
			py := base - w*0.2 - float32(k/4)*h*0.24
			d.ellipse(px, py, w*0.18, w*0.12)
			d.fill(solid(d.lit(fill.scale(1.1-0.1*float32(k%3)), 0)))
		}
	}
	d.ellipse(cx-w*0.55, base-h*0.5, w*0.12, h*0.3)
	d.fillNoInk(paint{col: rgb{1, 1, 1}, alpha: 0.35}) // the glass's gleam
	d.roundRect(cx-w*0.8, base-h-w*0.3, cx+w*0.8, base-h+w*0.05, w*0.08)
	d.fill(vgrad(d.lit(hex("#d8b048"), 0), d.lit(hex("#8a6a28"), 0), base-h-w*0.3, base-h))
	return true
}

package canvas

import (
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/lexical"
)

// food_sides.go draws what comes with the main food: its flavour's colour
// (a chocolate cake is brown, strawberry ice cream pink, a lemon tart
// yellow), what the words put on it ("with strawberries": berries on
// top), what they put beside it ("next to a croissant": the croissant
// beside the glass), a slice of a round dish as a wedge, and a hot drink
// in its mug.

// flavourColour is the colour a food's flavour gives it: a word before
// its head that names a colour ("chocolate", "caramel") or a food whose
// WordNet definition gives one ("strawberry" red, "lemon" yellow); a
// creamy food (a dessert, a cake's frosting, a drink) takes it paler, as
// strawberry ice cream is pink. ok is false when the words give none.
func flavourColour(s *easel.Subject) (rgb, bool) {
	if s == nil {
		return rgb{}, false
	}
	words := append([]string{}, s.Adjectives...)
	head := strings.Fields(strings.ToLower(s.Noun))
	if len(head) > 1 {
		words = append(words, head[:len(head)-1]...)
	}
	for _, w := range words {
		w = strings.ToLower(w)
		if c, ok := namedColour(w); ok {
			return c, true
		}
		e, _, ok := lexical.FindNoun(w)
		if !ok || e.Hue == "" || lexical.Family(e.Category()) != "fruit" {
			continue // a fruit, a food, a drink: the families of food
		}
		if c, ok := namedColour(e.Hue); ok {
			if creamy(s) {
				c = c.mix(rgb{1, 0.97, 0.95}, 0.45)
			}
			return c, true
		}
	}
	if len(head) > 0 {
		// "hot chocolate", "caramel": a food named by its colour.
		if c, ok := namedColour(head[len(head)-1]); ok {
			return c, true
		}
	}
	return rgb{}, false
}

// creamy reports a food whose flavour tints a cream: desserts, cakes,
// pastries and drinks.
func creamy(s *easel.Subject) bool {
	switch s.Category {
	case "dessert", "cake", "pastry", "drink", "candy":
		return true
	}
	return false
}

// darkFlavour reports a flavour colour dark enough to colour the sponge
// or the dough as well as the top (chocolate, coffee).
func darkFlavour(c rgb) bool { return c.r+c.g+c.b < 1.2 }

// sideFoods splits the other foods the idea names into what goes on the
// main one ("with strawberries", "topped with": small things) and what
// stands beside it ("next to a croissant", "and a slice of cheesecake":
// up to two with a drawer of their own; notes.go names the rest).
func (p *plan) sideFoods(main int) (on, beside []*easel.Subject) {
	if main < 0 {
		return nil, nil
	}
	for i := range p.subjects {
		s := &p.subjects[i]
		if i == main || s.Noun == "" || !edible(s) {
			continue
		}
		n := strings.ToLower(s.Noun)
		if m := strings.ToLower(p.subjects[main].Noun); strings.Contains(m, n) || strings.Contains(n, m) {
			continue // "a cup of tea": the cup is the tea's
		}
		said := hasWord(p.words, "with "+n) || hasWord(p.words, "topped with") || hasWord(p.words, "and "+n+" on top")
		switch {
		case said && (s.Plural || s.Count > 1 || s.Category == "fruit" || s.Category == "vegetable" || s.Category == "candy"):
			on = append(on, s) // small things strewn on it
		case foodDrawerFor(s, p.words) != nil:
			beside = append(beside, s)
		}
	}
	return on, beside[:min(len(beside), 2)]
}

// edible reports a subject that is food, by its element or its WordNet
// family.
func edible(s *easel.Subject) bool {
	if s.Element == "food" {
		return true
	}
	return (s.Element == "" || s.Element == "table") && lexical.Family(s.Category) == "fruit" && s.Category != ""
}

// toppingTop is where the top of a food drawn by its category lies above
// the table point cy, and how wide it is, in units of rx.
func toppingTop(s *easel.Subject, words string) (dy, half float32) {
	switch {
	case s.Category == "cake" && s.Plural && s.Count == 0:
		return -0.42, 0.32 // a stack
	case s.Category == "cake":
		return -0.58, 0.42
	case s.Category == "dessert":
		return -0.55, 0.22
	case s.Category == "drink":
		if hotDrink(words) {
			return -0.58, 0.16
		}
		return -0.5, 0.12
	}
	return -0.04, 0.5
}

// toppingColours colour a topping whose words and WordNet give none, by
// its category; cream for the rest (marshmallows, cheese).
var toppingColours = map[string]rgb{
	"fruit": hex("#c8282a"), "vegetable": hex("#4a9a3a"), "dish": hex("#7a4426"), "food": hex("#7a4426"),
	"candy": hex("#f4f0e8"), "dessert": hex("#f4f0e8"), "": hex("#f4f0e8"),
}

// toppings scatters what the words put on the food over its top: as many
// as counted (else a handful), in their colour (else their kind's).
func (d *painter) toppings(main *easel.Subject, on []*easel.Subject, cx, cy, rx float32) {
	dy, half := toppingTop(main, d.p.words)
	for k, t := range on {
		d.paintedSub(t)
		col, ok := colourOf(t)
		if !ok {
			col, ok = flavourColour(t)
		}
		if !ok {
			col = toppingColours[t.Category]
		}
		n := countOf(t, 6)
		r := rx * 0.055
		if main.Category == "drink" {
			r = rx * 0.04
		}
		for i := range n {
			f := (float32(i)+0.5)/float32(n)*2 - 1
			x := cx + f*rx*half*0.85
			y := cy + rx*dy + rx*0.05*float32((i+k)%2) - rx*0.02*float32(k)
			c := d.lit(col.scale(0.92+0.16*float32(i%3)/2), 0)
			d.disc(x, y, r, c, 1, false)
			d.disc(x-r*0.3, y-r*0.35, r*0.3, c.mix(rgb{1, 1, 1}, 0.5), 0.7, false)
			if t.Category == "fruit" && col.r > col.g+0.2 {
				d.disc(x, y-r*0.95, r*0.3, d.lit(hex("#4a9a3a"), 0), 1, false) // a berry's green cap
			}
		}
	}
}

// withSides draws the main food by its drawer, with what the words put
// on it and, to one side, what they put beside it.
func (d *painter) withSides(fs *easel.Subject, at int, cx, cy, rx float32) {
	p := d.p
	on, beside := p.sideFoods(at)
	side := float32(1)
	if cx > float32(d.w)/2 {
		side = -1
	}
	if len(beside) > 0 {
		cx -= side * rx * 0.38
		rx *= 0.78
	}
	foodDrawerFor(fs, p.words)(d, fs, cx, cy, rx)
	if len(on) > 0 && !sliced(p.words, fs) {
		d.toppings(fs, on, cx, cy, rx)
	}
	for k, b := range beside {
		d.paintedSub(b)
		foodDrawerFor(b, p.words)(d, b, cx+side*rx*(1.2+0.6*float32(k)), cy+rx*0.1, rx*0.62)
	}
}

// sliced reports a slice of a round dish or a pie ("a slice of pepperoni
// pizza").
func sliced(words string, s *easel.Subject) bool {
	if s.Category != "pie" && s.Category != "dish" {
		return false
	}
	for _, w := range []string{"slice", "slices", "wedge", "piece"} {
		if hasWord(words, w) {
			return true
		}
	}
	return false
}

// hotDrink reports a drink served hot, in a cup or a mug.
func hotDrink(words string) bool {
	for _, w := range []string{"hot", "cup", "mug", "steaming", "coffee", "tea", "cocoa", "latte", "cappuccino"} {
		if hasWord(words, w) {
			return true
		}
	}
	return false
}

// pieSlice draws a wedge of a round dish on its plate: the crust's rim at
// the back, the point to the front, its filling or toppings on top.
func (d *painter) pieSlice(s *easel.Subject, cx, cy, rx float32) {
	d.plate(cx, cy, rx)
	crust := d.lit(hex("#d89a4a"), 0) // the crust is baked, whatever the filling
	if c, ok := colourOf(s); ok {
		crust = d.lit(c, 0)
	}
	top := crust.mix(hex("#c84a2a"), 0.35)
	if c, ok := flavourColour(s); ok && s.Category == "pie" {
		top = d.lit(c.mix(hex("#d89a4a"), 0.55), 0) // a fruit's filling, cooked
	}
	w := rx * 0.62
	th := w * 0.14
	// The wedge: its point to the front left, its rim at the back.
	bx0, by0 := cx-w*0.55, cy-w*0.22
	bx1, by1 := cx+w*0.7, cy-w*0.3
	px, py := cx-w*0.05, cy+w*0.22
	d.poly(px, py, bx1, by1, bx1, by1+th, px, py+th)
	d.fill(solid(crust.scale(0.8)))
	d.poly(px, py, bx0, by0, bx1, by1)
	d.fill(solid(top))
	d.line(bx0, by0, bx1, by1, th*1.3)
	d.fill(solid(crust.scale(1.1)))
	if s.Category == "dish" {
		// Round toppings (pepperoni) and a little green.
		for _, f := range [][2]float32{{0.3, 0.25}, {0.55, 0.45}, {0.25, 0.62}, {0.7, 0.7}} {
			x := px + (bx0-px)*f[0]*(1-f[1]) + (bx1-px)*f[1]
			y := py + (by0-py)*f[0]*(1-f[1]) + (by1-py)*f[1]
			d.ellipse(x, y, w*0.07, w*0.035)
			d.fill(solid(d.lit(hex("#a8281e"), 0)))
		}
	}
}

// hotMug draws a drink served hot: a cream mug with the drink at its rim
// and a wisp of steam.
func (d *painter) hotMug(s *easel.Subject, cx, cy, rx float32) {
	liquid := foodColour(s, "#6a4026")
	n := countOf(s, 1)
	sz := rx * min(0.9, 1.6/float32(n+1))
	for j := range n {
		x := spread(j, n, cx, rx*0.6)
		d.objMug(product{shape: "mug", col: d.lit(hex("#eee6d8"), 0), gloss: 0.5}, x, cy, sz)
		d.ellipse(x, cy-sz*0.85+sz*0.01, sz*0.29, 0.22*sz*0.28)
		d.fillNoInk(vgrad(d.lit(liquid.scale(0.8), 0), d.lit(liquid, 0), cy-sz*0.9, cy-sz*0.8))
		for k := range 2 {
			sx := x + (float32(k)-0.5)*sz*0.2
			for i := range 6 {
				t := float32(i) / 5
				d.ellipse(sx+sin32(t*5+float32(k))*sz*0.06, cy-sz*(0.95+0.5*t), sz*(0.05+0.03*t), sz*0.06)
			}
		}
		d.fillNoInk(paint{col: rgb{1, 1, 1}, alpha: 0.12})
	}
}

// besideFood is a food the words put beside a product shot's object ("a
// glass of orange juice next to a croissant"): edible, not the drink the
// vessel holds.
func (p *plan) besideFood() *easel.Subject {
	for i := range p.subjects {
		s := &p.subjects[i]
		n := strings.ToLower(s.Noun)
		if s.Category == "drink" || !edible(s) || strings.Contains(p.prod.noun, n) || drinkWord(" "+n+" ") != "" {
			continue // the drink the vessel holds ("two cups of green tea")
		}
		if foodDrawerFor(s, p.words) != nil {
			return s
		}
	}
	return nil
}

// basketed reports food the words put in a basket ("a straw basket of
// apples").
func (p *plan) basketed(s *easel.Subject) bool {
	for i := range p.subjects {
		if n := strings.ToLower(p.subjects[i].Noun); &p.subjects[i] != s && strings.Contains(n, "basket") {
			return true
		}
	}
	return false
}

// basketBack draws a woven basket's handle and its inside behind what it
// holds at (cx, cy); basketFront its woven front over the lowest pieces.
func (d *painter) basketBack(cx, cy, rx float32) {
	wick := d.lit(hex("#c8a060"), 0)
	d.shadow(cx, cy+rx*0.3, rx*0.8)
	d.arc(cx, cy-rx*0.05, rx*0.62, rx*0.7, 3.1416, 2*3.1416, rx*0.06, wick.scale(0.85))
	d.ellipse(cx, cy, rx*0.78, rx*0.2)
	d.fill(solid(wick.scale(0.55)))
}

func (d *painter) basketFront(cx, cy, rx float32) {
	wick := d.lit(hex("#c8a060"), 0)
	d.moveTo(cx-rx*0.8, cy)
	d.lineTo(cx+rx*0.8, cy)
	d.lineTo(cx+rx*0.62, cy+rx*0.42)
	d.lineTo(cx-rx*0.62, cy+rx*0.42)
	d.fill(vgrad(wick.scale(1.1), wick.scale(0.75), cy, cy+rx*0.42))
	for k := 1; k < 5; k++ { // the weave
		y := cy + rx*0.42*float32(k)/5
		d.fillRect(cx-rx*(0.8-0.18*float32(k)/5), y, cx+rx*(0.8-0.18*float32(k)/5), y+max(rx*0.015, 1), wick.scale(0.6), 0.8)
	}
	d.ellipse(cx, cy, rx*0.8, rx*0.06)
	d.fill(solid(wick.scale(1.15)))
	d.paintedLike("basket")
}

// saladBowl draws a salad: a wide bowl heaped with leaves in greens (or
// the colour the idea gives it); what comes with it is strewn on top.
func (d *painter) saladBowl(s *easel.Subject, cx, cy, rx float32) {
	green := hex("#5aa83a")
	if c, ok := colourOf(s); ok {
		green = c
	}
	fruit := strings.Contains(strings.ToLower(s.Noun+" "+strings.Join(s.Adjectives, " ")), "fruit")
	fruits := []rgb{hex("#d83a2a"), hex("#f08a1e"), hex("#f2d23a"), hex("#7ab83a"), hex("#6a2a7a")}
	d.paintedLike("bowl")
	w := rx * 0.75
	d.shadow(cx, cy+w*0.35, w)
	d.ellipse(cx, cy, w, w*0.22)
	d.fill(solid(d.lit(hex("#2a2a26"), 0)))
	for k := range 26 {
		a := float32(k) / 26
		x := cx + (d.rnd(-0.85, 0.85))*w
		y := cy - w*0.05 - d.rnd(0, 0.22)*w*(1-abs32(x-cx)/w)
		c := green.mix(hex("#a8d860"), d.rnd(0, 0.6)).scale(0.8 + 0.3*a)
		if fruit {
			c = fruits[k%len(fruits)] // a fruit salad: pieces of many fruits
		}
		d.ellipse(x, y, w*0.16, w*0.08)
		d.fill(solid(d.lit(c, 0)))
	}
	bowl := d.lit(hex("#f2eee6"), 0)
	d.moveTo(cx-w, cy)
	d.cubeTo(cx-w, cy+w*0.7, cx+w, cy+w*0.7, cx+w, cy)
	d.cubeTo(cx+w*0.9, cy+w*0.12, cx-w*0.9, cy+w*0.12, cx-w, cy)
	d.fill(vgrad(bowl, bowl.scale(0.78), cy, cy+w*0.55))
}

package canvas

import (
	"slices"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/lexical"
)

// rooms.go decides when an idea is a room seen from inside, and fills the
// room with what it names besides its furniture (furniture.go): a counter
// along the back wall (a kitchen, a bakery, a cafe, a bar), an easel with
// its canvas, and any object with a shape of its own (a lamp, a guitar, a
// piano, a plant, a clock) standing on the floor.

// interiorScene reports whether the Scene is a room seen from inside: a
// room, or a building or structure named with its furniture ("a cafe
// with a long counter", "a small office with a desk"), or a piece of
// furniture too big for a product shot ("a bakery counter").
func interiorScene(s *easel.Scene) bool {
	if len(s.Subjects) == 0 {
		return false
	}
	first := s.Subjects[0]
	switch first.Category {
	case "room":
		return true
	case "building", "structure", "":
		// "an office with two monitors", "a study with a desk": what
		// stands in it is furniture, or has a drawing in a room; a
		// place WordNet files under no category is a room when WordNet
		// furnishes it (a study), or an easel stands in it (a studio).
		e, _, _ := lexical.FindNoun(strings.ToLower(first.Noun))
		room := first.Category != "" || lexical.Furnishings(e.Lemma) != nil
		for _, x := range s.Subjects[1:] {
			if art := strings.Contains(strings.ToLower(x.Noun), "easel"); art || room && (x.Category == "furniture" || furnishedBy(&x)) {
				return true
			}
		}
	case "person":
		// "a woman sitting in a green armchair": a figure with a piece
		// of indoor furniture, nowhere outside.
		if s.Setting != "" || slices.ContainsFunc(s.Elements, func(e string) bool { return slices.Contains(landscapeElements, e) }) {
			return false
		}
		for _, x := range s.Subjects[1:] {
			if f, ok := drawerFor(phraseOf(&x)); ok && (x.Category == "furniture" || furnishedBy(&x)) && f.word != "bench" && f.word != "table" {
				return true
			}
		}
	case "furniture":
		n := strings.ToLower(first.Noun)
		return shapeWordOf(n) == "" && !strings.Contains(n, "bench") && (strings.Contains(n, "counter") || strings.Contains(n, "bar") ||
			strings.Contains(n, "sofa") || strings.Contains(n, "couch") || strings.Contains(n, "bed") || strings.Contains(n, "bookcase") ||
			strings.Contains(n, "shel") || strings.Contains(n, "wardrobe") || strings.Contains(n, "cabinet") ||
			strings.Contains(n, "table") || strings.Contains(n, "desk"))
	}
	return false
}

// counterRoom reports whether the room has a counter along its back wall:
// one is named, or the room is a kitchen, a bakery, a cafe, a bar, a
// diner or a shop.
func counterRoom(p *plan) (easel.Subject, bool) {
	for _, x := range p.subjects {
		if n := strings.ToLower(x.Noun); x.Category == "furniture" && (strings.Contains(n, "counter") || n == "bar") {
			return x, true
		}
	}
	var doors easel.Subject // "a kitchen with blue cabinets": the counter's doors, in their colour
	for _, x := range p.subjects {
		if n := strings.ToLower(x.Noun); strings.Contains(n, "cabinet") || strings.Contains(n, "cupboard") {
			if _, ok := factColour(&x); ok {
				doors = x
			}
		}
	}
	for _, w := range []string{"kitchen", "bakery", "cafe", "café", "coffee shop", "diner", "bar", "pub", "shop", "store"} {
		if hasWord(p.words, w) {
			return doors, true
		}
	}
	return easel.Subject{}, false
}

// counter draws a counter along the back wall from x0 to x1, its top at
// y: cabinet doors below, and on it what the room sells (bread and cakes
// in a bakery, cups in a cafe).
func (d *painter) counter(sub easel.Subject, x0, x1, y, bottom float32) {
	d.paintedSub(&sub)
	d.painted("cabinet", "cabinets", "cupboard", "cupboards", "drawers")
	col := hex("#9a6a3a")
	if c, ok := factColour(&sub); ok {
		col = c
	} else if hasWord(d.p.words, "marble") || hasWord(d.p.words, "white") {
		col = hex("#e8e4dc")
	}
	col = d.lit(col, 0.05)
	h := bottom - y
	d.rect(x0, y, x1, bottom)
	d.fill(vgrad(col.scale(0.85), col.scale(0.6), y, bottom))
	d.rect(x0-4*d.u, y-h*0.08, x1+4*d.u, y)
	d.fill(solid(col.scale(1.15)))
	n := max(int((x1-x0)/(h*0.7)), 2)
	for i := range n {
		cx0 := x0 + (x1-x0)*float32(i)/float32(n) + 6*d.u
		cx1 := x0 + (x1-x0)*float32(i+1)/float32(n) - 6*d.u
		d.rect(cx0, y+h*0.12, cx1, bottom-h*0.08)
		d.strokeRect(cx0, y+h*0.12, cx1, bottom-h*0.08, max(1.5*d.u, 1), col.scale(0.45))
		d.disc(cx1-10*d.u, y+h*0.5, 3*d.u, hex("#d8c8a0"), 1, false)
	}
	top := y - h*0.08
	switch {
	case hasWord(d.p.words, "bakery") || hasWord(d.p.words, "pastries") || hasWord(d.p.words, "bread"):
		for i := range 7 {
			bx := x0 + (x1-x0)*(float32(i)+0.5)/7
			r := h * 0.2
			d.moveTo(bx-r, top)
			d.cubeTo(bx-r, top-r*1.2, bx+r, top-r*1.2, bx+r, top)
			d.fill(vgrad(d.lit(hex("#e0a050"), 0), d.lit(hex("#a8642a"), 0), top-r, top))
		}
	case hasWord(d.p.words, "cafe") || hasWord(d.p.words, "coffee") || hasWord(d.p.words, "diner"):
		for i := range 4 {
			bx := x0 + (x1-x0)*(float32(i)+0.5)/4
			r := h * 0.1
			d.rect(bx-r, top-r*1.6, bx+r, top)
			d.fill(solid(d.lit(hex("#f0ece4"), 0)))
		}
	default:
		for i := range 3 {
			bx := x0 + (x1-x0)*(float32(i)*0.3+0.2)
			r := h * 0.1
			d.lathe(bx, top, r*2, [][2]float32{{0, r * 0.6}, {1, r * 0.7}}, d.lit([]rgb{hex("#eee6d8"), hex("#3a6a8a"), hex("#c8583a")}[i], 0), 0.4, topOpen)
		}
	}
}

// strokeRect outlines a rectangle.
func (d *painter) strokeRect(x0, y0, x1, y1, w float32, col rgb) {
	d.line(x0, y0, x1, y0, w)
	d.line(x1, y0, x1, y1, w)
	d.line(x1, y1, x0, y1, w)
	d.line(x0, y1, x0, y0, w)
	d.fillNoInk(solid(col))
}

// easel draws a painter's easel standing at (x, y), s tall, with a
// canvas on it showing a small landscape.
func (d *painter) easel(x, y, s float32) {
	d.painted("easel")
	wood := d.lit(hex("#8a5a30"), 0)
	w := max(s*0.025, 1.5)
	d.line(x-s*0.25, y, x, y-s, w)
	d.line(x+s*0.25, y, x, y-s, w)
	d.line(x, y-s*0.85, x+s*0.05, y+s*0.02, w)
	d.line(x-s*0.3, y-s*0.38, x+s*0.3, y-s*0.38, w*1.3)
	d.fill(solid(wood))
	cw, ch := s*0.5, s*0.42
	cy0 := y - s*0.38 - ch
	d.rect(x-cw/2, cy0, x+cw/2, y-s*0.38)
	d.fill(solid(d.lit(hex("#f4f0e6"), 0)))
	// The painting: sky, a hill, a sun.
	m := cw * 0.06
	d.rect(x-cw/2+m, cy0+m, x+cw/2-m, cy0+ch*0.6)
	d.fill(vgrad(hex("#6aa8d8"), hex("#c8e0f0"), cy0, cy0+ch*0.6))
	d.moveTo(x-cw/2+m, cy0+ch*0.6)
	d.quadTo(x, cy0+ch*0.3, x+cw/2-m, cy0+ch*0.55)
	d.lineTo(x+cw/2-m, y-s*0.38-m)
	d.lineTo(x-cw/2+m, y-s*0.38-m)
	d.fill(solid(hex("#5a9a4a")))
	d.disc(x+cw*0.2, cy0+ch*0.25, cw*0.07, hex("#f8d040"), 1, false)
}

// roomThings stands the room's named objects that have a shape of their
// own on the floor at floorY, between the furniture: an easel, a lamp, a
// guitar, a plant, a clock.
func (d *painter) roomThings(floorY float32) {
	p := d.p
	W, H := float32(d.w), float32(d.h)
	var things []easel.Subject
	for i, x := range p.subjects {
		n := strings.ToLower(x.Noun)
		if d.heldSub(i) {
			continue // in a figure's hands ("playing guitar on her bed")
		}
		if x.Category == "room" || x.Category == "person" || x.Category == "furniture" && !strings.Contains(n, "lamp") || furnishedBy(&x) {
			continue // the furniture stands on the floor (interior_furnish.go)
		}
		if strings.Contains(n, "easel") || shapeWordOf(n) != "" && x.Category != "food" && x.Category != "drink" {
			things = append(things, x)
		}
	}
	for i, x := range things {
		n := strings.ToLower(x.Noun)
		side := float32(0.14)
		if i%2 == 1 {
			side = 0.86
		}
		cx := W * (side + 0.08*float32(i/2))
		y := max(floorY, H*0.9)
		if strings.Contains(n, "easel") {
			d.easel(cx, y, H*0.6)
			continue
		}
		pr := product{shape: shapeWordOf(n), noun: n, gloss: 0.35, bg: hex("#c8a888")}
		pr.col = shapeColours[pr.shape][0]
		if c, ok := factColour(&x); ok {
			pr.col = c
		}
		s := H * 0.16
		if pr.shape == "lamp" && (strings.Contains(n, "floor") || strings.Contains(n, "standing")) {
			s = H * 0.4
		}
		if pr.shape == "guitar" || pr.shape == "violin" || pr.shape == "piano" {
			s = H * 0.22
		}
		d.prop = true
		d.object(pr, cx, y, s)
		d.prop = false
	}
}

// heldSub reports whether the plan's subject i is what a person in the
// room holds or plays ("a girl playing guitar": the guitar is in her
// hands, not on the floor).
func (d *painter) heldSub(i int) bool {
	n := strings.ToLower(d.p.subjects[i].Noun)
	for _, s := range d.p.subjects {
		if s.Category == "person" && n != "" && (strings.Contains(strings.ToLower(s.Object), n) || strings.Contains(strings.ToLower(s.Relation), "with "+n)) {
			return true
		}
	}
	return false
}

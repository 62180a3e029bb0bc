package canvas

import (
	"strings"

	"github.com/easel-art/easel"
)

// yard.go draws a place that is a building's part or a structure the
// canvas has no element for ("a snowy porch", "a veranda") as the house it
// belongs to, with a porch across its front, and what the words set on
// the ground before it: pumpkins and gourds, counted.

// structureMain reports whether the Scene's first subject is a building
// or a structure the parser gave no element: it is drawn as a house, not
// lost behind the food or things named with it.
func structureMain(subjects []easel.Subject) bool {
	if len(subjects) == 0 {
		return false
	}
	f := subjects[0]
	return f.Element == "" && (f.Category == "building" || f.Category == "structure") && partOfHouse(f.Noun)
}

// partOfHouse reports whether a noun names the part of a house one sits
// or stands on outside it, drawn as the house with it.
func partOfHouse(noun string) bool {
	n := strings.ToLower(noun)
	for _, w := range []string{"porch", "veranda", "verandah", "stoop", "front door", "doorstep", "patio", "balcony", "terrace", "deck"} {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

// porch draws a roofed porch across the front of a house whose wall runs
// from x to x+bw at ground y, bh tall: posts, a roof, a rail and steps.
func (d *painter) porch(x, y, bw, bh float32, roof rgb) {
	for i := range d.p.subjects {
		if partOfHouse(d.p.subjects[i].Noun) {
			d.paintedSub(&d.p.subjects[i])
		}
	}
	wood := d.lit(hex("#f0ece4"), 0.1)
	top := y - bh*0.55
	d.poly(x-bw*0.06, top, x+bw*1.06, top, x+bw*1.0, top-bh*0.16, x, top-bh*0.16)
	d.fill(solid(roof.scale(0.9)))
	if d.p.season == "winter" || d.p.el["snow"] || hasWord(d.p.words, "snowy") {
		d.poly(x-bw*0.06, top-bh*0.14, x+bw*1.06, top-bh*0.14, x+bw*1.0, top-bh*0.2, x, top-bh*0.2)
		d.fill(solid(d.lit(rgb{0.95, 0.96, 1}, 0)))
	}
	for k := range 5 {
		px := x + bw*float32(k)/4
		d.rect(px-bw*0.015, top, px+bw*0.015, y)
	}
	d.rect(x, y-bh*0.2, x+bw, y-bh*0.17)
	d.fill(solid(wood))
	for k := range 3 {
		sy := y + bh*0.05*float32(k)
		d.rect(x+bw*0.38-bw*0.03*float32(k), sy, x+bw*0.62+bw*0.03*float32(k), sy+bh*0.05)
	}
	d.fill(solid(wood.scale(0.85)))
}

// groundThings sets what the words put on the ground in front of the
// main subject: pumpkins and gourds, as many as counted.
func (d *painter) groundThings(groundTop float32) {
	p := d.p
	W, H := float32(d.w), float32(d.h)
	for i := range p.subjects {
		s := &p.subjects[i]
		n := strings.ToLower(s.Noun)
		if i == 0 || !(strings.Contains(n, "pumpkin") || strings.Contains(n, "gourd") || strings.Contains(n, "squash")) {
			continue
		}
		d.paintedSub(s)
		col := hex("#e8781e")
		if c, ok := factColour(s); ok {
			col = c
		}
		k := countOf(s, 1)
		if s.Plural && s.Count == 0 {
			k = 4
		}
		y := groundTop + (H-groundTop)*0.8
		for j := range k {
			x := W * (0.12 + 0.76*(float32(j)+0.5)/float32(k))
			w := H * (0.05 + 0.015*float32(j%3))
			d.pumpkin(x, y+float32(j%2)*H*0.03, w, col)
		}
	}
}

package canvas

import "strings"

// This file furnishes a room with what the idea names (its subjects of
// WordNet's furniture category): armchairs, a sofa, a bed, a table or a
// desk, shelves, as many as counted, in their colour, and the person who
// is in the room, in their pose. The shape comes from the noun through
// furnitureShapes; a piece with no shape of its own is an armchair.

// furnitureShapes maps words of a furniture noun to the drawer.
var furnitureShapes = []struct {
	word string
	draw func(d *painter, x, y, s float32, col rgb)
}{
	{"sofa", (*painter).sofa}, {"couch", (*painter).sofa}, {"settee", (*painter).sofa},
	{"bed", (*painter).bed}, {"table", (*painter).tableFurniture}, {"desk", (*painter).tableFurniture},
	{"bench", (*painter).sofa},
	{"chair", (*painter).armchair},
}

// furnish draws the room's named furniture along the floor, from y down.
func (d *painter) furnish(floorY float32) {
	p := d.p
	W, H := float32(d.w), float32(d.h)
	var pieces []struct {
		draw func(d *painter, x, y, s float32, col rgb)
		col  rgb
	}
	for i := range p.subjects {
		s := &p.subjects[i]
		if s.Category != "furniture" {
			continue
		}
		draw := (*painter).armchair
		n := strings.ToLower(s.Noun)
		for _, f := range furnitureShapes {
			if strings.Contains(n, f.word) {
				draw = f.draw
				break
			}
		}
		if strings.Contains(n, "shel") || strings.Contains(n, "bookcase") || strings.Contains(n, "counter") || n == "bar" || strings.Contains(n, "lamp") {
			continue // the shelves line the walls (interior), the counter stands at the back, a lamp on the floor (rooms.go)
		}
		col := hex("#8a4a3a")
		if c, ok := factColour(s); ok {
			col = c
		}
		many := countOf(s, 1)
		if s.Plural && s.Count == 0 {
			many = 3 // "wooden desks": a few
		}
		for range many {
			pieces = append(pieces, struct {
				draw func(d *painter, x, y, s float32, col rgb)
				col  rgb
			}{draw, d.lit(col, 0.05)})
		}
	}
	for i, pc := range pieces {
		f := (float32(i) + 0.5) / float32(len(pieces))
		x := W * (0.5 + (f-0.5)*0.75)
		pc.draw(d, x, max(floorY, H*0.86), W*0.22*min(1, 2.2/float32(len(pieces)+1)), pc.col)
	}
}

// armchair draws an armchair seen from the front at (x, y) (its feet).
func (d *painter) armchair(x, y, s float32, col rgb) {
	d.shadow(x, y, s*0.6)
	d.roundRect(x-s*0.42, y-s*1.05, x+s*0.42, y-s*0.35, s*0.12) // back
	d.fill(vgrad(col.scale(1.1), col.scale(0.85), y-s*1.05, y-s*0.35))
	d.roundRect(x-s*0.5, y-s*0.45, x+s*0.5, y-s*0.12, s*0.08) // seat
	d.fill(solid(col.scale(0.95)))
	for _, sx := range []float32{-1, 1} {
		d.roundRect(x+sx*s*0.4-s*0.1, y-s*0.7, x+sx*s*0.4+s*0.1, y-s*0.12, s*0.06) // arms
		d.fill(vgrad(col.scale(1.05), col.scale(0.75), y-s*0.7, y))
		d.rect(x+sx*s*0.42-s*0.03, y-s*0.12, x+sx*s*0.42+s*0.03, y)
		d.fill(solid(hex("#3a2616")))
	}
}

// sofa draws a long sofa.
func (d *painter) sofa(x, y, s float32, col rgb) {
	w := s * 1.8
	d.shadow(x, y, w*0.55)
	d.roundRect(x-w*0.5, y-s*0.85, x+w*0.5, y-s*0.35, s*0.12)
	d.fill(vgrad(col.scale(1.1), col.scale(0.85), y-s*0.85, y-s*0.35))
	d.roundRect(x-w*0.55, y-s*0.45, x+w*0.55, y-s*0.12, s*0.08)
	d.fill(solid(col.scale(0.95)))
	for _, sx := range []float32{-1, 1} {
		d.roundRect(x+sx*w*0.52-s*0.1, y-s*0.62, x+sx*w*0.52+s*0.1, y-s*0.12, s*0.06)
		d.fill(solid(col.scale(0.85)))
	}
	for _, sx := range []float32{-0.45, 0.45} {
		d.rect(x+sx*w-s*0.03, y-s*0.12, x+sx*w+s*0.03, y)
	}
	d.fill(solid(hex("#3a2616")))
}

// bed draws a bed with its pillows and cover.
func (d *painter) bed(x, y, s float32, col rgb) {
	w := s * 1.9
	d.shadow(x, y, w*0.55)
	d.rect(x-w*0.5, y-s*1.0, x-w*0.42, y) // headboard side
	d.fill(solid(hex("#5a3a22")))
	d.roundRect(x-w*0.45, y-s*0.5, x+w*0.5, y-s*0.15, s*0.06)
	d.fill(solid(d.lit(hex("#f0ece4"), 0.05)))
	d.roundRect(x-w*0.4, y-s*0.66, x-w*0.15, y-s*0.46, s*0.08)
	d.fill(solid(d.lit(hex("#fbf8f2"), 0.05)))
	d.roundRect(x-w*0.12, y-s*0.52, x+w*0.5, y-s*0.18, s*0.05)
	d.fill(vgrad(col.scale(1.1), col.scale(0.85), y-s*0.52, y-s*0.18))
	d.rect(x+w*0.45, y-s*0.18, x+w*0.5, y)
	d.fill(solid(hex("#5a3a22")))
}

// tableFurniture draws a table or desk with its top and legs.
func (d *painter) tableFurniture(x, y, s float32, col rgb) {
	w := s * 1.6
	d.shadow(x, y, w*0.5)
	d.rect(x-w*0.5, y-s*0.72, x+w*0.5, y-s*0.62)
	d.fill(vgrad(col.scale(1.15), col.scale(0.85), y-s*0.72, y-s*0.62))
	for _, sx := range []float32{-0.45, 0.45} {
		d.rect(x+sx*w-s*0.03, y-s*0.62, x+sx*w+s*0.03, y)
	}
	d.fill(solid(col.scale(0.7)))
}

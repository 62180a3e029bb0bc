package canvas

import (
	"strings"

	"github.com/easel-art/easel"
)

// This file holds what creatures do beyond their shapes: how many a
// plural with no count is (a flock, a herd, a swarm, a school: several,
// never one), and what a lying creature lies on, read from its relation
// (a pile of gold under a sleeping dragon, a rug under a dog); a dragon
// at rest lies curled on the ground, its wings folded, instead of flying.

// herdSizes are how many of a plural living thing are drawn when the idea
// gives no count, by category: a few large beasts, more birds, many small
// insects and fish.
var herdSizes = map[string]int{
	"mammal": 5, "creature": 3, "bird": 7, "insect": 9, "fish": 9, "reptile": 4, "amphibian": 4,
	"sea creature": 6, "sea mammal": 3, "animal": 5,
}

// herdOf is how many of a creature subject to draw: its count, else
// several for a plural ("a herd of elephants", "pigeons"), else one.
func herdOf(s *easel.Subject) int {
	if s == nil {
		return 1
	}
	if s.Count > 0 || !s.Plural {
		return countOf(s, 1)
	}
	if n, ok := herdSizes[s.Category]; ok {
		return n
	}
	return 1
}

// bedShapes are how what a creature lies on is drawn: a mound (a pile, a
// heap, a hoard) or a flat pad (a rug, a mat, a cushion, straw). A table
// of drawing shapes, keyed by the relation's head word.
var bedShapes = map[string]string{
	"pile": "mound", "heap": "mound", "hoard": "mound", "mound": "mound", "treasure": "mound", "stack": "mound",
	"rug": "pad", "carpet": "pad", "mat": "pad", "blanket": "pad", "cushion": "pad", "pillow": "pad",
	"straw": "pad", "hay": "pad", "towel": "pad", "quilt": "pad",
}

// bedOf is what a creature's relation lays it on: the shape, the head
// word and the colour ("on a pile of gold": a gold mound); ok is false
// when the relation names no bed.
func (p *plan) bedOf(s *easel.Subject) (shape, noun string, col rgb, ok bool) {
	if s == nil {
		return "", "", rgb{}, false
	}
	prep, obj, _ := strings.Cut(strings.ToLower(s.Relation), " ")
	if prep != "on" && prep != "upon" && prep != "atop" && prep != "in" || obj == "" {
		return "", "", rgb{}, false
	}
	noun = lastWord(obj)
	shape, ok = bedShapes[strings.TrimSuffix(noun, "s")]
	if !ok {
		return "", "", rgb{}, false
	}
	col = hex("#b8443a") // a red rug
	if shape == "mound" {
		col = hex("#8a7a66")
	}
	if shape == "pad" && hasAnyWord(noun, "straw", "hay") {
		col = hex("#d8b860")
	}
	// "a pile of gold", "a heap of red leaves": the colour of what it is of.
	if _, after, found := strings.Cut(p.words, " "+noun+" of "); found {
		for _, w := range strings.Fields(after) {
			if c, okc := namedColour(w); okc {
				col = c
				break
			}
			if w != "a" && w != "an" && w != "the" && w != "shiny" && w != "glittering" && w != "golden" {
				break
			}
		}
		if hasWord(" "+after, "golden") || hasWord(" "+after, "coins") || hasWord(" "+after, "treasure") {
			col = hex("#e0b030")
		}
	}
	return shape, noun, col, true
}

// lyingBed draws what a lying creature lies on, centred on x with its top near
// y, w wide.
func (d *painter) lyingBed(shape, noun string, col rgb, x, y, w float32) {
	d.paintedBed(noun)
	c := d.lit(col, 0.05)
	switch shape {
	case "mound":
		d.moveTo(x-w*0.6, y+w*0.12)
		d.quadTo(x-w*0.4, y-w*0.16, x, y-w*0.18)
		d.quadTo(x+w*0.4, y-w*0.16, x+w*0.6, y+w*0.12)
		d.fill(vgrad(c.scale(1.2), c.scale(0.75), y-w*0.18, y+w*0.12))
		if c.lum() > 0.45 {
			// Coins or pieces glinting on it.
			for k := range 14 {
				fx := float32(k%7)/6 - 0.5
				fy := float32(k/7) * 0.07
				d.disc(x+fx*w*0.8, y-w*0.08+fy*w+fx*fx*w*0.2, w*0.018, c.mix(rgb{1, 1, 0.85}, 0.5), 1, false)
			}
		}
	default:
		d.ellipse(x, y+w*0.02, w*0.55, w*0.09)
		d.fill(vgrad(c.scale(1.1), c.scale(0.8), y-w*0.07, y+w*0.11))
	}
}

// restingDragon draws a dragon lying on the ground at (x, y), s its size:
// the body low, the tail curled round before it, the neck down and the
// head resting on the ground, eyes shut, the wings folded on its back.
func (d *painter) restingDragon(x, y, s float32, col rgb) {
	d.painted("dragon")
	dark := col.scale(0.75)
	// Tail round the front.
	d.moveTo(x-s*0.7, y-s*0.2)
	d.cubeTo(x-s*1.3, y+s*0.05, x-s*0.4, y+s*0.14, x+s*0.6, y+s*0.02)
	d.lineTo(x+s*0.75, y-s*0.02)
	d.cubeTo(x-s*0.3, y+s*0.04, x-s*1.0, y-s*0.02, x-s*0.65, y-s*0.3)
	d.fill(solid(dark))
	// Body.
	d.ellipse(x, y-s*0.32, s*0.8, s*0.32)
	d.fill(vgrad(col.scale(1.15), col.scale(0.8), y-s*0.64, y))
	// Folded wings: two points along the back.
	d.poly(x-s*0.45, y-s*0.5, x+s*0.05, y-s*0.95, x+s*0.1, y-s*0.55)
	d.poly(x-s*0.1, y-s*0.55, x+s*0.45, y-s*0.85, x+s*0.45, y-s*0.5)
	d.fill(solid(dark))
	// Neck down to the head on the ground before the body.
	d.moveTo(x+s*0.6, y-s*0.45)
	d.quadTo(x+s*1.0, y-s*0.45, x+s*1.1, y-s*0.12)
	d.lineTo(x+s*0.95, y-s*0.08)
	d.quadTo(x+s*0.85, y-s*0.3, x+s*0.55, y-s*0.2)
	d.fill(solid(col))
	d.poly(x+s*0.95, y-s*0.22, x+s*1.45, y-s*0.1, x+s*1.45, y-s*0.02, x+s*0.95, y)
	d.poly(x+s*1.0, y-s*0.2, x+s*0.98, y-s*0.36, x+s*1.12, y-s*0.19)
	d.fill(solid(col.scale(1.05)))
	// The shut eye.
	d.line(x+s*1.1, y-s*0.14, x+s*1.2, y-s*0.12, max(s*0.02, 1))
	d.fillNoInk(solid(hex("#1a1010")))
	// Spines along the back.
	for k := range 5 {
		bx := x - s*0.6 + float32(k)*s*0.25
		d.poly(bx, y-s*0.58+abs32(float32(k)-2)*s*0.04, bx+s*0.06, y-s*0.72+abs32(float32(k)-2)*s*0.04, bx+s*0.12, y-s*0.6+abs32(float32(k)-2)*s*0.04)
	}
	d.fill(solid(dark))
}

// sleepingCat draws a cat curled asleep at (x, y), s its size, in col.
func (d *painter) sleepingCat(x, y, s float32, col rgb) {
	d.painted("cat")
	d.ellipse(x, y-s*0.25, s*0.6, s*0.28)
	d.fill(vgrad(col.scale(1.15), col.scale(0.8), y-s*0.55, y))
	d.moveTo(x+s*0.55, y-s*0.12)
	d.cubeTo(x+s*0.7, y+s*0.1, x-s*0.4, y+s*0.12, x-s*0.65, y-s*0.05)
	d.cubeTo(x-s*0.4, y-s*0.02, x+s*0.3, y-s*0.02, x+s*0.55, y-s*0.12)
	d.fill(solid(col.scale(0.9)))
	d.ellipse(x-s*0.4, y-s*0.22, s*0.22, s*0.17)
	d.fill(solid(col))
	d.poly(x-s*0.55, y-s*0.32, x-s*0.52, y-s*0.52, x-s*0.4, y-s*0.36)
	d.poly(x-s*0.35, y-s*0.37, x-s*0.25, y-s*0.55, x-s*0.2, y-s*0.34)
	d.fill(solid(col))
	d.line(x-s*0.5, y-s*0.24, x-s*0.42, y-s*0.22, max(s*0.02, 1))
	d.fillNoInk(solid(col.scale(0.4)))
}

package canvas

import (
	"strings"

	"github.com/easel-art/easel"
)

// This file draws the small creatures WordNet names that have no
// four-legged shape: insects and spiders, lizards, snakes and turtles,
// frogs and toads, crabs and lobsters, through a dispatch table by
// category, large in the foreground when they are the subject, as many as
// counted, in their colour.

// critterDrawers maps a category to its drawer; (x, y) is where it stands.
var critterDrawers = map[string]func(d *painter, x, y, s float32, col rgb){
	"insect":       (*painter).insect,
	"reptile":      (*painter).lizard,
	"amphibian":    (*painter).frog,
	"sea creature": (*painter).crab,
}

// critterColours are each kind's colour when the idea gives none.
var critterColours = map[string]string{
	"insect": "#3a3030", "reptile": "#5a7a3a", "amphibian": "#4a8a3a", "sea creature": "#c84a2a",
}

// critterSubject is the main subject when it is such a creature.
func (p *plan) critterSubject() *easel.Subject {
	if len(p.subjects) == 0 {
		return nil
	}
	if _, _, ok := critterDrawer(&p.subjects[0]); ok && p.subjects[0].Category != "bird" && p.subjects[0].Category != "mammal" {
		return &p.subjects[0]
	}
	return nil
}

// critters draws the creature subject on the ground; it reports whether
// it did.
func (d *painter) critters(groundTop float32) bool {
	s := d.p.critterSubject()
	if s == nil {
		return false
	}
	d.paintedSub(s)
	W, H := float32(d.w), float32(d.h)
	draw, def, _ := critterDrawer(s)
	col, ok := colourOf(s)
	if !ok {
		col = hex(def)
	}
	col = d.lit(col, 0.05)
	n := herdOf(s) // "a swarm of bees": many (creatures.go)
	size := W * 0.45 * min(1, 2.2/float32(n+1))
	if n > 1 && n <= 3 && onOne(s.Relation) {
		// "two butterflies on a pink flower": the one flower, large,
		// and the creatures side by side on it.
		size = W * 0.26
		x, y := d.perch(s, W*0.5, max(groundTop+(H-groundTop)*0.7, H*0.8), size*1.8)
		for i := range n {
			draw(d, x+(float32(i)-float32(n-1)/2)*size*0.62, y-float32(i%2)*size*0.08, size, col)
		}
		return true
	}
	for i := range n {
		f := (float32(i) + 0.5) / float32(n)
		x := W * (0.5 + (f-0.5)*0.8)
		y := max(groundTop+(H-groundTop)*0.7, H*0.8) - float32(i%2)*size*0.3
		if n == 1 {
			x, y = d.perch(s, x, y, size) // on a leaf, a flower, a branch (critterplans.go)
		}
		draw(d, x, y, size, col)
	}
	return true
}

// onOne reports a relation that puts creatures on one thing ("on a
// flower", "on the leaf"), not on many ("on flowers").
func onOne(rel string) bool {
	f := strings.Fields(strings.ToLower(rel))
	return len(f) >= 3 && (f[0] == "on" || f[0] == "above" || f[0] == "atop") && (f[1] == "a" || f[1] == "an" || f[1] == "one" || f[1] == "the")
}

// insect draws a six-legged insect seen from above at an angle, with
// wings.
func (d *painter) insect(x, y, s float32, col rgb) {
	lw := max(2*d.u, 1)
	for k := -1; k <= 1; k++ {
		for _, side := range []float32{-1, 1} {
			d.line(x+float32(k)*s*0.12, y-s*0.12, x+float32(k)*s*0.22+side*s*0.05, y-s*0.12+side*s*0.28, lw)
		}
	}
	d.fill(solid(col.scale(0.6)))
	// Wings, translucent.
	for _, side := range []float32{-1, 1} {
		d.ellipse(x+s*0.05, y-s*0.18+side*s*0.14, s*0.3, s*0.1)
		d.fillNoInk(paint{col: rgb{0.95, 0.97, 1}, alpha: 0.45})
	}
	d.ellipse(x+s*0.22, y-s*0.12, s*0.28, s*0.1) // abdomen
	d.fill(vgrad(col.scale(1.2), col.scale(0.8), y-s*0.22, y))
	d.ellipse(x-s*0.1, y-s*0.12, s*0.1, s*0.08) // thorax
	d.disc(x-s*0.25, y-s*0.12, s*0.07, col.scale(0.9), 1, false)
	d.fill(solid(col))
	d.line(x-s*0.3, y-s*0.16, x-s*0.45, y-s*0.3, lw*0.7) // antennae
	d.line(x-s*0.3, y-s*0.1, x-s*0.47, y-s*0.16, lw*0.7)
	d.fill(solid(col.scale(0.6)))
}

// lizard draws a lizard or a turtle-like reptile in profile: a long body,
// four splayed legs and a tapering tail.
func (d *painter) lizard(x, y, s float32, col rgb) {
	lw := max(3*d.u, 1)
	for _, lx := range []float32{-0.25, 0.25} {
		d.line(x+lx*s, y-s*0.1, x+lx*s-s*0.08, y, lw)
		d.line(x+lx*s, y-s*0.1, x+lx*s+s*0.08, y, lw)
	}
	d.fill(solid(col.scale(0.7)))
	d.moveTo(x-s*0.55, y-s*0.12)
	d.quadTo(x-s*0.3, y-s*0.26, x+s*0.3, y-s*0.18)
	d.quadTo(x+s*0.7, y-s*0.12, x+s*1.0, y-s*0.05) // tail
	d.quadTo(x+s*0.6, y-s*0.06, x+s*0.3, y-s*0.06)
	d.quadTo(x-s*0.3, y-s*0.02, x-s*0.55, y-s*0.12)
	d.fill(vgrad(col.scale(1.2), col.scale(0.75), y-s*0.26, y))
	d.ellipse(x-s*0.6, y-s*0.14, s*0.12, s*0.07) // head
	d.fill(solid(col))
	d.disc(x-s*0.64, y-s*0.16, s*0.02, hex("#101010"), 1, false)
}

// frog draws a squatting frog or toad.
func (d *painter) frog(x, y, s float32, col rgb) {
	d.ellipse(x-s*0.2, y-s*0.08, s*0.18, s*0.08) // back legs
	d.ellipse(x+s*0.2, y-s*0.08, s*0.18, s*0.08)
	d.fill(solid(col.scale(0.75)))
	d.ellipse(x, y-s*0.2, s*0.28, s*0.2)
	d.fill(vgrad(col.scale(1.2), col.scale(0.8), y-s*0.4, y))
	for _, ex := range []float32{-0.12, 0.12} {
		d.disc(x+ex*s, y-s*0.38, s*0.07, col, 1, false)
		d.disc(x+ex*s, y-s*0.39, s*0.035, hex("#101010"), 1, false)
	}
	d.line(x-s*0.1, y-s*0.26, x+s*0.1, y-s*0.26, max(d.u, 1))
	d.fill(solid(col.scale(0.5)))
}

// crab draws a crab or lobster: a wide shell, claws raised, legs.
func (d *painter) crab(x, y, s float32, col rgb) {
	lw := max(3*d.u, 1)
	for k := 0; k < 3; k++ {
		for _, side := range []float32{-1, 1} {
			ox := x + side*s*(0.15+0.08*float32(k))
			d.line(ox, y-s*0.12, ox+side*s*0.22, y, lw)
		}
	}
	for _, side := range []float32{-1, 1} {
		d.line(x+side*s*0.22, y-s*0.2, x+side*s*0.38, y-s*0.42, lw*1.4)
	}
	d.fill(solid(col.scale(0.8)))
	for _, side := range []float32{-1, 1} {
		d.ellipse(x+side*s*0.4, y-s*0.48, s*0.1, s*0.08) // claws
		d.fill(solid(col))
	}
	d.ellipse(x, y-s*0.18, s*0.3, s*0.15)
	d.fill(vgrad(col.scale(1.2), col.scale(0.8), y-s*0.33, y))
	for _, ex := range []float32{-0.07, 0.07} {
		d.line(x+ex*s, y-s*0.3, x+ex*s, y-s*0.4, lw*0.6)
		d.disc(x+ex*s, y-s*0.41, s*0.025, hex("#101010"), 1, false)
	}
	d.fill(solid(col.scale(0.7)))
}

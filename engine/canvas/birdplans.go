package canvas

import (
	"strings"

	"github.com/easel-art/easel"
)

// winged reports whether a noun names a figure with wings (a fairy, an
// angel): its body plan or its costume says so.
func winged(noun string) bool {
	return bodyPlan(noun) == "fairy" || costumeOf(noun).wings != ""
}

// This file gives birds the shapes of their WordNet body plans
// (bodyplans.go): water birds (swans, ducks, geese) swim on water, and
// water is drawn under them when the idea names none; a penguin stands
// upright in black and white; an owl faces us with round eyes; a wading
// bird (a flamingo, a heron) stands on long legs with a long neck.

// livingNeeds adds what the main subject lives on: water under a swimming
// bird.
func (p *plan) livingNeeds() {
	if len(p.subjects) == 0 {
		return
	}
	p.besides()
	p.shareAction()
	p.placeNeeds() // a pier's water, a square's paving (places.go)
	if s := &p.subjects[0]; s.Element == "" && winged(s.Noun) {
		// "an angel above a city": a figure with wings, drawn whole.
		p.subjects = append([]easel.Subject(nil), p.subjects...)
		p.subjects[0].Element = "person"
		p.el["person"], p.main = true, "person"
	}
	s := &p.subjects[0]
	if s.Category != "bird" || bodyPlan(s.Noun) != "waterfowl" || hasAny(p.el, "lake", "pond", "river", "sea", "ice", "snow") {
		return
	}
	act := strings.ToLower(s.Action + " " + s.Relation)
	if hasAnyWord(act, "flying", "soaring", "flies", "perched", "branch", "fence", "standing", "walking", "grass", "field", "meadow", "lawn") {
		return
	}
	p.el["lake"] = true
}

// penguin draws an upright penguin of height s standing on (x, y).
func (d *painter) penguin(x, y, s float32, col rgb, flip bool) {
	dir := float32(1)
	if flip {
		dir = -1
	}
	back := d.lit(col, 0.05)
	if col.lum() > 0.4 {
		back = d.lit(hex("#1e2028"), 0.05)
	}
	belly := d.lit(hex("#f4f2ee"), 0.05)
	d.ellipse(x-s*0.1, y-s*0.02, s*0.1, s*0.04)
	d.ellipse(x+s*0.1, y-s*0.02, s*0.1, s*0.04)
	d.fill(solid(d.lit(hex("#e8902a"), 0.05)))
	d.ellipse(x, y-s*0.42, s*0.24, s*0.4)
	d.fill(vgrad(back.scale(1.2), back, y-s*0.82, y))
	d.ellipse(x-dir*s*0.04, y-s*0.36, s*0.16, s*0.32)
	d.fill(vgrad(belly, belly.scale(0.85), y-s*0.7, y))
	// Flippers, head, eye and beak.
	d.poly(x+dir*s*0.2, y-s*0.6, x+dir*s*0.32, y-s*0.25, x+dir*s*0.2, y-s*0.3)
	d.fill(solid(back))
	d.disc(x, y-s*0.86, s*0.15, back, 1, false)
	d.disc(x-dir*s*0.06, y-s*0.9, s*0.025, rgb{1, 1, 1}, 1, false)
	d.poly(x-dir*s*0.12, y-s*0.9, x-dir*s*0.28, y-s*0.85, x-dir*s*0.12, y-s*0.82)
	d.fill(solid(d.lit(hex("#e8902a"), 0.05)))
}

// owl draws an owl facing us, perched on (x, y): a round body, ear tufts,
// a face disc with big round eyes.
func (d *painter) owl(x, y, s float32, col rgb) {
	body := d.lit(col, 0.05)
	d.ellipse(x, y-s*0.45, s*0.3, s*0.45)
	pt := vgrad(body.scale(1.15), body.scale(0.8), y-s*0.9, y)
	pt.tex, pt.texAmt, pt.texScale = texNoise, 0.25, 3*d.u
	d.fill(pt)
	d.poly(x-s*0.28, y-s*0.78, x-s*0.22, y-s*1.02, x-s*0.1, y-s*0.82)
	d.poly(x+s*0.28, y-s*0.78, x+s*0.22, y-s*1.02, x+s*0.1, y-s*0.82)
	d.fill(solid(body.scale(0.8)))
	d.ellipse(x, y-s*0.25, s*0.18, s*0.2)
	d.fill(solid(body.mix(rgb{1, 1, 1}, 0.35)))
	for _, ex := range []float32{-0.11, 0.11} {
		d.disc(x+ex*s, y-s*0.68, s*0.11, body.mix(rgb{1, 1, 1}, 0.5), 1, false)
		d.disc(x+ex*s, y-s*0.68, s*0.07, d.lit(hex("#f0b020"), 0), 1, false)
		d.disc(x+ex*s, y-s*0.68, s*0.035, hex("#101010"), 1, false)
	}
	d.poly(x-s*0.04, y-s*0.6, x+s*0.04, y-s*0.6, x, y-s*0.5)
	d.fill(solid(hex("#3a3028")))
	for _, fx := range []float32{-0.1, 0.1} {
		d.line(x+fx*s, y-s*0.02, x+fx*s, y+s*0.04, s*0.04)
	}
	d.fill(solid(d.lit(hex("#c8a040"), 0.05)))
}

package canvas

import (
	"strings"

	"github.com/easel-art/easel"
)

// This file draws the ground the main subject's preposition names when
// the landscape alone would miss it: a wooden pier over the water ("an
// old man fishing from a pier", "gulls on a jetty"), a paved square
// ("pigeons in a city square", "a crowd in a town square"), the sand of a
// beach under a sandcastle. A table of how to draw a place, keyed by the
// relation's head word.

// placeKinds are the places a relation's head word names.
var placeKinds = map[string]string{
	"pier": "pier", "dock": "pier", "jetty": "pier", "wharf": "pier", "quay": "pier", "boardwalk": "pier", "pontoon": "pier",
	"square": "square", "plaza": "square", "piazza": "square", "courtyard": "square", "marketplace": "square",
	"beach": "beach", "sand": "beach", "seashore": "beach", "shore": "beach", "seaside": "beach",
}

// placeOf is the place a subject's relation (or what it builds, "a
// sandcastle") puts it on: "pier", "square", "beach" or "".
func placeOf(s *easel.Subject) string {
	if s == nil {
		return ""
	}
	_, obj, _ := strings.Cut(strings.ToLower(s.Relation), " ")
	if k, ok := placeKinds[lastWord(obj)]; ok {
		return k
	}
	if o := strings.ToLower(s.Object); strings.Contains(o, "sandcastle") || strings.Contains(o, "sand castle") {
		return "beach"
	}
	return ""
}

// placePreps are the prepositions that put a subject on or in a place.
var placePreps = map[string]bool{"on": true, "at": true, "from": true, "in": true, "along": true, "by": true, "onto": true, "off": true}

// place is the place the main subject is in: its relation's, else one
// the idea's words put it in with a preposition a few words before ("an
// elderly fisherman in a yellow raincoat mending nets on a wooden pier").
func (p *plan) place() string {
	if len(p.subjects) == 0 {
		return ""
	}
	if k := placeOf(&p.subjects[0]); k != "" {
		return k
	}
	ws := strings.Fields(p.words)
	for i, w := range ws {
		k, ok := placeKinds[w]
		if !ok {
			continue
		}
		for j := i - 1; j >= max(0, i-3); j-- {
			if placePreps[ws[j]] {
				return k
			}
		}
	}
	return ""
}

// placeNeeds adds what the main subject's place stands in: the sea under
// a pier, the sea behind a beach, a town round a square (no meadow).
func (p *plan) placeNeeds() {
	if len(p.subjects) == 0 {
		return
	}
	switch p.place() {
	case "pier":
		if !hasAny(p.el, "lake", "river", "sea", "pond") {
			p.el["sea"] = true
		}
	case "beach":
		p.el["beach"], p.el["sea"] = true, true
		delete(p.el, "field")
		delete(p.el, "meadow")
	case "square":
		// An open square with the town round it, not a street's canyon.
		for _, e := range []string{"field", "meadow", "lake", "sea", "pond", "river", "trees", "forest", "street"} {
			delete(p.el, e)
		}
		if !hasAny(p.el, "city", "skyline") {
			p.el["houses"] = true
		}
	}
}

// placeGround paints the ground the main subject's place names over the
// landscape's: a square's paving.
func (d *painter) placeGround(groundTop float32) {
	p := d.p
	if len(p.subjects) == 0 || p.kind != "landscape" {
		return
	}
	if p.place() == "square" {
		d.paving(groundTop)
	}
}

// pier draws a wooden pier from the left edge out over the water, its deck
// top at y, and returns the x range a figure may stand on.
func (d *painter) pier(y float32) (x0, x1 float32) {
	d.painted("pier", "dock", "jetty", "wharf", "boardwalk")
	W, H := float32(d.w), float32(d.h)
	wood := d.lit(hex("#8a6240"), 0.05)
	x0, x1 = -2, W*0.8
	th := H * 0.035
	// Posts down into the water.
	for px := x0 + W*0.06; px < x1; px += W * 0.14 {
		d.rect(px, y+th*0.5, px+W*0.025, H+2)
	}
	d.rect(x1-W*0.03, y+th*0.5, x1-W*0.005, H+2)
	d.fill(vgrad(wood.scale(0.7), wood.scale(0.4), y, H))
	// The deck, its planks.
	d.rect(x0, y, x1, y+th)
	d.fill(vgrad(wood.scale(1.15), wood.scale(0.8), y, y+th))
	for px := x0 + W*0.04; px < x1; px += W * 0.04 {
		d.line(px, y+th*0.15, px, y+th*0.95, max(d.u*0.6, 0.6))
	}
	d.fillNoInk(solid(wood.scale(0.6)))
	return max(x0, 0) + W*0.08, x1 - W*0.08
}

// paving draws a square's stone paving from top down to the bottom of the
// picture: flagstones in rows that widen toward us.
func (d *painter) paving(top float32) {
	d.painted("square", "plaza", "piazza", "paving", "cobblestones")
	W, H := float32(d.w), float32(d.h)
	stone := d.lit(hex("#a8a098"), 0.05)
	d.rect(-2, top, W+2, H+2)
	pt := vgrad(stone.scale(0.9), stone.scale(1.08), top, H)
	pt.tex, pt.texAmt, pt.texScale = texNoise, 0.12, 3*d.u
	d.fill(pt)
	lw := max(d.u*0.8, 0.8)
	for k := 1; k < 9; k++ {
		f := float32(k) / 9
		y := top + (H-top)*f*f
		d.line(-2, y, W+2, y, lw)
	}
	for k := -8; k <= 8; k++ {
		d.line(W/2+float32(k)*W*0.04, top, W/2+float32(k)*W*0.3, H+2, lw)
	}
	d.fillNoInk(solid(stone.scale(0.7)))
}

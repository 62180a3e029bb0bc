package canvas

import (
	"strings"

	"github.com/easel-art/easel"
)

// This file draws a bird that is the subject ("an owl perched on a
// branch", "two swans on a misty lake", "an eagle soaring"), large enough
// to be seen, in its pose: perched on a branch, swimming on the water or
// flying with its wings spread; as many as the idea counts, in the colour
// the idea or WordNet's definition gives it. A flock in the distance
// stays birds() in life.go.

// birdPose reads a bird subject's pose from its action and relation.
func birdPose(s *easel.Subject, water bool) string {
	act := strings.ToLower(s.Action)
	rel := strings.ToLower(s.Relation)
	switch {
	case hasAnyWord(act, "flying", "soaring", "flies", "soars", "flying", "flapping", "circling", "diving", "hovering", "hovers", "soar", "fly", "rising", "rises", "ascending"):
		return "flying"
	case bodyPlan(s.Noun) == "wader":
		return "standing" // a flamingo stands in the shallows on its long legs
	case hasAnyWord(act, "perched", "perching", "sitting", "sits", "resting", "roosting") ||
		hasAnyWord(rel, "branch", "fence", "post", "wire", "wall", "rock", "twig", "bough", "railing"):
		return "perched"
	case placeOf(s) == "pier" || placeOf(s) == "square":
		return "standing" // on the pier's deck, on the paving (places.go)
	case water && (hasAnyWord(act, "swimming", "gliding", "floating", "paddling") || strings.HasPrefix(rel, "on ") || strings.HasPrefix(rel, "in ")):
		return "swimming"
	case water && bodyPlan(s.Noun) == "waterfowl" && !hasAnyWord(act, "standing", "walking"):
		return "swimming" // a swan on the water unless it says otherwise
	}
	return "standing"
}

func hasAnyWord(s string, words ...string) bool {
	for _, w := range words {
		if hasWord(" "+s+" ", w) {
			return true
		}
	}
	return false
}

// mainBirds draws the bird subject, when it is one kind of bird (not a
// flock of "birds"); it reports whether it did.
func (d *painter) mainBirds(hz float32) bool {
	p := d.p
	s := p.subjectOf("birds")
	if p.main == "seagulls" {
		s = p.subjectOf("seagulls") // "a flock of seagulls on a pier": the gulls are the subject
	}
	if s == nil || p.main != "birds" && p.main != "seagulls" || s.Category != "bird" && s.Category != "creature" {
		return false
	}
	d.paintedSub(s)
	W, H := float32(d.w), float32(d.h)
	water := hasAny(p.el, "lake", "pond", "river", "sea")
	pose := birdPose(s, water)
	if pl := p.place(); pose == "swimming" && (pl == "pier" || pl == "square") {
		pose = "standing" // on the deck or the paving the idea names (places.go)
	}
	n := herdOf(s) // "a flock of pigeons": several (creatures.go)
	col, ok := colourOf(s)
	if !ok {
		col = hex("#7a6a58")
		if p.main == "seagulls" {
			col = hex("#e8e8e4")
		}
		if s.Category == "creature" {
			col = hex("#e8602a") // a phoenix, a firebird: a bird of flame
		}
	}
	size := W * 0.16 * min(1, 2.4/float32(n+1))
	plan := bodyPlan(s.Noun)
	if _, own := factColour(s); plan == "penguin" && !own {
		col = hex("#1e2028")
	}
	if plan == "penguin" || plan == "owl" && pose != "flying" {
		size *= 1.6 // drawn upright: as tall as a flying bird is long
	}
	ground := H * 0.85
	if pose == "standing" {
		switch p.place() {
		case "pier":
			ground = H * 0.8
			d.pier(ground) // on the pier's deck (places.go)
		}
	}
	for i := range n {
		f := (float32(i) + 0.5) / float32(n)
		x := W * (0.5 + (f-0.5)*0.8)
		if n == 1 {
			x = d.xFor("birds", 0.35, 0.65)
		}
		switch pose {
		case "flying":
			d.bird(x, hz*0.45+float32(i%2)*size*0.6, size, col, "flying", i%2 == 1)
		case "perched":
			y := H * 0.62
			if i == 0 {
				// One branch across the picture carries them all.
				d.paintedIn(strings.ToLower(s.Relation), false)
				d.moveTo(-2, y+size*0.5)
				d.quadTo(W*0.5, y+size*0.3, W+2, y+size*0.6)
				d.lineTo(W+2, y+size*0.75)
				d.quadTo(W*0.5, y+size*0.45, -2, y+size*0.62)
				d.fill(vgrad(d.lit(hex("#6a4a2e"), 0.05), d.lit(hex("#3a2618"), 0.05), y+size*0.3, y+size*0.75))
			}
			if plan == "owl" {
				d.owl(x, y+size*0.5, size, col)
				continue
			}
			d.bird(x, y+size*0.42, size, col, "perched", i%2 == 1)
		case "swimming":
			y := max(hz, H*0.55) + size*(0.6+0.3*float32(i%2))
			if p.el["pond"] && !hasAny(p.el, "lake", "sea", "river") {
				// On the pond in the foreground (water.go pond).
				y = H*0.8 + size*0.2*float32(i%2)
				x = W * (0.5 + (f-0.5)*0.55)
			}
			d.bird(x, y, size, col, "swimming", i%2 == 1)
		default:
			switch plan {
			case "penguin":
				d.penguin(x, H*0.88-float32(i%2)*size*0.15, size, col, i%2 == 1)
				continue
			case "owl":
				d.owl(x, H*0.85, size, col)
				continue
			case "wader":
				d.bird(x, H*0.85, size, col, "wading", i%2 == 1)
				continue
			}
			d.bird(x, ground-float32(i%2)*size*0.25, size, col, "standing", i%2 == 1)
		}
	}
	return true
}

// bird draws one bird of body length s whose feet (or waterline) are at
// (x, y), facing left, or right when flip is set.
func (d *painter) bird(x, y, s float32, col rgb, pose string, flip bool) {
	dir := float32(1)
	if flip {
		dir = -1
	}
	body := d.lit(col, 0.05)
	dark := body.scale(0.7)
	light := body.mix(rgb{1, 1, 1}, 0.35)
	legs := float32(0.45)
	if pose == "wading" {
		legs = 1.1 // a flamingo, a heron: long legs, a long neck
	}
	bx, by := x, y-s*legs // body centre
	if pose == "swimming" {
		by = y - s*0.2
	}
	if pose == "flying" {
		by = y
		// Wings spread, raised, from the shoulders.
		for _, side := range []float32{-1, 1} {
			d.moveTo(bx-s*0.15*dir, by-s*0.05)
			d.quadTo(bx+side*s*0.5, by-s*0.9, bx+side*s*1.3, by-s*0.55)
			d.quadTo(bx+side*s*0.6, by-s*0.25, bx+s*0.2*dir, by+s*0.05)
			d.fill(vgrad(body, dark, by-s*0.9, by))
		}
	} else if pose != "swimming" {
		// Legs.
		d.line(bx+s*0.05, by+s*0.25, bx+s*0.05, y, 2.2*d.u)
		d.line(bx-s*0.1, by+s*0.25, bx-s*0.1, y, 2.2*d.u)
		d.fill(solid(hex("#3a2a1a")))
		if pose == "wading" {
			// A long neck curving up to the head.
			d.moveTo(bx-s*0.3*dir, by-s*0.1)
			d.quadTo(bx-s*0.75*dir, by-s*0.5, bx-s*0.45*dir, by-s*0.95)
			d.lineTo(bx-s*0.38*dir, by-s*0.9)
			d.quadTo(bx-s*0.6*dir, by-s*0.5, bx-s*0.2*dir, by-s*0.05)
			d.fill(solid(body))
		}
	}
	// Tail, body, folded wing.
	d.poly(bx+s*0.35*dir, by-s*0.05, bx+s*0.75*dir, by+s*0.05, bx+s*0.72*dir, by+s*0.2, bx+s*0.3*dir, by+s*0.15)
	d.fill(solid(dark))
	d.ellipse(bx, by, s*0.45, s*0.3)
	d.fill(vgrad(light, body.scale(0.85), by-s*0.3, by+s*0.3))
	if pose != "flying" {
		d.ellipse(bx+s*0.08*dir, by-s*0.02, s*0.3, s*0.17)
		d.fill(solid(dark))
	}
	// Head, a neck for a swimmer, eye and beak.
	hx, hy := bx-s*0.38*dir, by-s*0.3
	if pose == "wading" {
		hx, hy = bx-s*0.45*dir, by-s*0.98
	}
	if pose == "swimming" {
		d.line(bx-s*0.3*dir, by-s*0.1, bx-s*0.42*dir, by-s*0.6, s*0.12)
		d.fill(solid(body))
		hx, hy = bx-s*0.45*dir, by-s*0.62
	}
	d.disc(hx, hy, s*0.17, body, 1, false)
	d.disc(hx-s*0.06*dir, hy-s*0.03, s*0.035, hex("#101014"), 1, false)
	d.poly(hx-s*0.14*dir, hy-s*0.04, hx-s*0.32*dir, hy+s*0.02, hx-s*0.14*dir, hy+s*0.06)
	d.fill(solid(d.lit(hex("#e8a030"), 0)))
	if pose == "swimming" {
		// Ripples where it meets the water.
		for k := 1; k <= 2; k++ {
			d.ellipse(bx, y-s*0.02, s*(0.45+0.25*float32(k)), s*0.06*float32(k))
			d.fillNoInk(paint{col: rgb{1, 1, 1}, alpha: 0.12})
		}
	}
}

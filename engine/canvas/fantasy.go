package canvas

import (
	"math"
	"strings"

	"github.com/easel-art/easel"
)

// This file draws figures WordNet files as imaginary or as a figure of
// something, by their body plan (bodyplans.go): a snowman (three balls of
// snow, coal eyes, a carrot nose, stick arms, a hat and a scarf in the
// colour the idea gives it), a mermaid (a woman's body with a fish's
// tail), a fairy's wings; and the sea creatures under the water: an
// octopus, a turtle, a starfish.

// planSubject returns the first subject whose noun has body plan pl.
func (p *plan) planSubject(pl string) *easel.Subject {
	for i := range p.subjects {
		if bodyPlan(p.subjects[i].Noun) == pl {
			return &p.subjects[i]
		}
	}
	return nil
}

// snowmen draws the snowman subjects on the ground; it reports whether it
// did.
func (d *painter) snowmen(groundTop float32) bool {
	s := d.p.planSubject("snowman")
	if s == nil || s != &d.p.subjects[0] && poseOf(&d.p.subjects[0]) == "building" {
		return false // built by the person, before them (held.go)
	}
	d.paintedSub(s)
	W, H := float32(d.w), float32(d.h)
	scarf := hex("#c82a2a")
	for _, o := range d.p.subjects {
		if c, ok := factColour(&o); ok {
			scarf = c // "a snowman with a blue scarf"
		}
	}
	n := countOf(s, 1)
	h := H * 0.55 * min(1, 2.2/float32(n+1))
	for i := range n {
		x := d.xFor("snow", 0.35, 0.65)
		if n > 1 {
			x = W * (0.5 + ((float32(i)+0.5)/float32(n)-0.5)*0.8)
		}
		y := max(groundTop+(H-groundTop)*0.75, H*0.86) - float32(i%2)*h*0.05
		d.snowman(x, y, h, scarf)
	}
	return true
}

// snowman draws a snowman of height h standing on (x, y).
func (d *painter) snowman(x, y, h float32, scarf rgb) {
	snow := d.lit(hex("#f6f8fc"), 0.02)
	shade := snow.mix(hex("#8aa0c8"), 0.55)
	r1, r2, r3 := h*0.22, h*0.16, h*0.11
	c1, c2, c3 := y-r1, y-2*r1-r2*0.8, y-2*r1-2*r2*0.8-r3*0.8
	// Stick arms.
	wood := d.lit(hex("#5a3a22"), 0.05)
	d.line(x-r2*0.8, c2, x-r2*2.2, c2-r2*0.9, max(2.5*d.u, 1))
	d.line(x-r2*1.8, c2-r2*0.6, x-r2*2.1, c2-r2*1.2, max(2*d.u, 1))
	d.line(x+r2*0.8, c2, x+r2*2.2, c2-r2*0.7, max(2.5*d.u, 1))
	d.fill(solid(wood))
	for _, b := range [][2]float32{{c1, r1}, {c2, r2}, {c3, r3}} {
		d.ellipse(x, b[0], b[1], b[1])
		d.fill(vgrad(snow, shade, b[0]-b[1]*0.3, b[0]+b[1]))
	}
	// Coal buttons, eyes and mouth; a carrot nose.
	coal := hex("#1a1a1e")
	for k := 0; k < 3; k++ {
		d.disc(x, c2-r2*0.4+float32(k)*r2*0.4, r2*0.07, coal, 1, false)
	}
	d.disc(x-r3*0.35, c3-r3*0.2, r3*0.09, coal, 1, false)
	d.disc(x+r3*0.35, c3-r3*0.2, r3*0.09, coal, 1, false)
	for k := -2; k <= 2; k++ {
		d.disc(x+float32(k)*r3*0.18, c3+r3*0.4-float32(k*k)*r3*0.03*-1, r3*0.05, coal, 1, false)
	}
	d.poly(x, c3-r3*0.05, x+r3*0.9, c3+r3*0.1, x, c3+r3*0.15)
	d.fill(solid(d.lit(hex("#f07a1a"), 0.02)))
	// A scarf at the neck with a hanging end, and a black hat.
	sc := d.lit(scarf, 0.02)
	d.roundRect(x-r2*0.85, c3+r3*0.7, x+r2*0.85, c3+r3*1.1, r3*0.15)
	d.rect(x+r2*0.3, c3+r3*0.9, x+r2*0.6, c2+r2*0.3)
	d.fill(solid(sc))
	d.rect(x-r3*1.1, c3-r3*0.85, x+r3*1.1, c3-r3*0.7)
	d.rect(x-r3*0.7, c3-r3*1.8, x+r3*0.7, c3-r3*0.75)
	d.fill(solid(d.lit(hex("#1e1e24"), 0.02)))
}

// seaLife draws the creature subject under the water: a mermaid, an
// octopus, a turtle swimming, a starfish on the floor.
func (d *painter) seaLife(floor float32) {
	p := d.p
	if len(p.subjects) == 0 {
		return
	}
	s := &p.subjects[0]
	W, H := float32(d.w), float32(d.h)
	col, own := colourOf(s)
	x := d.xFor(p.main, 0.35, 0.65)
	if p.main == "person" || p.main == "people" {
		// A diver or a swimmer, level in the water.
		if !own {
			col = hex("#1e2a3a") // a wetsuit
		}
		d.paintedSub(s)
		for i := range countOf(s, 1) {
			d.swimmer(x+float32(i)*W*0.2, H*(0.42+0.1*float32(i%2)), H*0.45, d.lit(col, 0.05))
		}
		// What swims with them: "a diver with a sea turtle".
		for i := 1; i < len(p.subjects); i++ {
			if o := &p.subjects[i]; seaLife[bodyPlan(o.Noun)] {
				ox := x + W*0.3
				if x > W*0.5 {
					ox = x - W*0.3
				}
				d.seaCreature(o, ox, floor)
				break
			}
		}
		return
	}
	d.seaCreature(s, x, floor)
}

// seaCreature draws one sea creature subject at x by its body plan.
func (d *painter) seaCreature(s *easel.Subject, x, floor float32) {
	W, H := float32(d.w), float32(d.h)
	col, own := colourOf(s)
	if seaLife[bodyPlan(s.Noun)] {
		d.paintedSub(s)
	}
	switch bodyPlan(s.Noun) {
	case "mermaid":
		if !own {
			col = hex("#2aa88a")
		}
		if strings.Contains(strings.ToLower(s.Relation), "rock") || strings.Contains(strings.ToLower(s.Action), "sit") {
			d.blob(x, floor+H*0.02, W*0.22, H*0.1)
			d.fill(vgrad(d.lit(hex("#7a7670"), 0.1), d.lit(hex("#4a4640"), 0.1), floor-H*0.08, floor+H*0.1))
			d.mermaid(x, floor-H*0.06, H*0.5, col, true)
			return
		}
		d.mermaid(x, H*0.45, H*0.5, col, false)
	case "octopus":
		if !own {
			col = hex("#c8503a")
		}
		d.octopus(x, floor-H*0.02, W*0.3, d.lit(col, 0.05))
	case "turtle":
		if !own {
			col = hex("#5a7a3a")
		}
		d.turtle(x, H*0.62, W*0.4, d.lit(col, 0.05))
	case "starfish":
		if !own {
			col = hex("#e8703a")
		}
		d.starfish(x, floor+H*0.03, W*0.12, d.lit(col, 0.05))
	}
}

// mermaid draws a mermaid: hair, a bare-armed body and a fish's tail in
// col, sitting (the tail curled down before her) or swimming (the tail
// trailing behind). (x, y) is her hips.
func (d *painter) mermaid(x, y, h float32, col rgb, sitting bool) {
	skin := d.lit(hex("#e0a882"), 0.05)
	tail := d.lit(col, 0.05)
	// The tail, scaled, ending in a fluke.
	ex, ey := x+h*0.45, y+h*0.05
	if sitting {
		ex, ey = x+h*0.3, y+h*0.12
	}
	d.moveTo(x-h*0.08, y)
	d.quadTo(x+h*0.05, ey+h*0.12, ex, ey)
	d.lineTo(ex+h*0.02, ey-h*0.03)
	d.quadTo(x+h*0.1, ey-h*0.02, x+h*0.08, y-h*0.02)
	d.fill(vgrad(tail.scale(1.2), tail.scale(0.75), y-h*0.05, ey+h*0.1))
	d.poly(ex, ey-h*0.01, ex+h*0.14, ey-h*0.12, ex+h*0.09, ey, ex+h*0.14, ey+h*0.1)
	d.fill(solid(tail.scale(0.9)))
	// Body, arms, head and long hair.
	d.moveTo(x-h*0.07, y)
	d.lineTo(x+h*0.08, y)
	d.lineTo(x+h*0.06, y-h*0.28)
	d.lineTo(x-h*0.06, y-h*0.28)
	d.fill(solid(skin))
	d.line(x-h*0.05, y-h*0.26, x-h*0.14, y-h*0.08, h*0.03)
	d.line(x+h*0.05, y-h*0.26, x+h*0.15, y-h*0.4, h*0.03)
	d.fill(solid(skin))
	hair := d.lit(hex("#c8501e"), 0.05)
	d.moveTo(x-h*0.08, y-h*0.36)
	d.quadTo(x-h*0.14, y-h*0.15, x-h*0.05, y-h*0.12)
	d.lineTo(x+h*0.02, y-h*0.3)
	d.fill(solid(hair))
	d.disc(x, y-h*0.34, h*0.055, skin, 1, false)
	d.moveTo(x-h*0.06, y-h*0.33)
	d.quadTo(x, y-h*0.44, x+h*0.06, y-h*0.33)
	d.fill(solid(hair))
	d.ellipse(x-h*0.03, y-h*0.22, h*0.025, h*0.02)
	d.ellipse(x+h*0.03, y-h*0.22, h*0.025, h*0.02)
	d.fill(solid(tail.mix(rgb{1, 1, 1}, 0.3)))
}

// octopus draws an octopus on the sea floor: a round mantle, eyes and
// eight curling arms.
func (d *painter) octopus(x, y, s float32, col rgb) {
	for k := 0; k < 8; k++ {
		a := math.Pi * (0.05 + 0.9*float64(k)/7)
		px, py := x, y-s*0.35
		for i := 1; i <= 12; i++ {
			t := float32(i) / 12
			ang := a + float64(t)*1.2*float64(1-2*(k%2))
			nx := x + float32(math.Cos(ang))*s*0.8*t - float32(math.Cos(a))*0.1*s*t
			ny := y - s*0.35 + float32(math.Sin(ang))*s*0.25*t + s*0.3*t
			d.line(px, py, nx, ny, s*0.08*(1-t*0.8))
			px, py = nx, ny
		}
	}
	d.fill(solid(col.scale(0.85)))
	d.ellipse(x, y-s*0.6, s*0.3, s*0.36)
	d.fill(vgrad(col.scale(1.2), col.scale(0.8), y-s*0.96, y-s*0.3))
	for _, ex := range []float32{-0.12, 0.12} {
		d.disc(x+ex*s, y-s*0.45, s*0.06, rgb{0.95, 0.93, 0.85}, 1, false)
		d.disc(x+ex*s, y-s*0.45, s*0.03, hex("#101010"), 1, false)
	}
}

// starfish draws a five-armed star lying on the floor.
func (d *painter) starfish(x, y, r float32, col rgb) {
	var xy []float32
	for k := 0; k < 10; k++ {
		a := -math.Pi/2 + float64(k)*math.Pi/5
		rr := r
		if k%2 == 1 {
			rr = r * 0.4
		}
		xy = append(xy, x+float32(math.Cos(a))*rr, y+float32(math.Sin(a))*rr*0.55)
	}
	d.poly(xy...)
	d.fill(vgrad(col.scale(1.2), col.scale(0.8), y-r*0.6, y+r*0.6))
}

// wings draws a fairy's or an angel's wings behind shoulders at (x, y),
// for a figure of height h: translucent and glowing, or white feathers.
func (d *painter) wings(x, y, h float32, feathered bool) {
	col := rgb{0.85, 0.95, 1}
	if !d.st.hardEdge && !feathered {
		d.glow(x, y, h*0.35, hex("#c8f0ff"), 0.35)
	}
	for _, side := range []float32{-1, 1} {
		d.moveTo(x, y)
		d.cubeTo(x+side*h*0.2, y-h*0.35, x+side*h*0.45, y-h*0.3, x+side*h*0.38, y-h*0.05)
		d.quadTo(x+side*h*0.2, y, x, y)
		d.moveTo(x, y+h*0.02)
		d.cubeTo(x+side*h*0.3, y+h*0.05, x+side*h*0.3, y+h*0.25, x+side*h*0.12, y+h*0.2)
		d.quadTo(x+side*h*0.05, y+h*0.1, x, y+h*0.02)
		if feathered {
			d.fill(solid(d.lit(rgb{0.97, 0.96, 0.93}, 0.02)))
		} else {
			d.fillNoInk(paint{col: col, alpha: 0.55})
		}
	}
}

// swimmer draws a diver swimming level, head to the left at (x, y), of
// length h: arms reaching ahead, a mask, a tank on the back, fins.
func (d *painter) swimmer(x, y, h float32, suit rgb) {
	skin := d.lit(hex("#d8a07a"), 0.05)
	hw := h * 0.05
	// Legs kicking back, with fins.
	d.line(x+h*0.1, y, x+h*0.4, y-h*0.05, hw)
	d.line(x+h*0.1, y+hw, x+h*0.38, y+h*0.06, hw)
	d.fill(solid(suit.scale(0.9)))
	d.poly(x+h*0.38, y-h*0.07, x+h*0.55, y-h*0.13, x+h*0.52, y-h*0.0)
	d.poly(x+h*0.36, y+h*0.04, x+h*0.53, y+h*0.04, x+h*0.47, y+h*0.13)
	d.fill(solid(d.lit(hex("#f0c020"), 0.05)))
	// Body and tank.
	d.roundRect(x-h*0.2, y-hw*1.3, x+h*0.14, y+hw*1.3, hw)
	d.fill(vgrad(suit.scale(1.2), suit.scale(0.8), y-hw*1.3, y+hw*1.3))
	d.roundRect(x-h*0.15, y-hw*2.6, x+h*0.08, y-hw*1.1, hw*0.7)
	d.fill(solid(d.lit(hex("#c8c8cc"), 0.05)))
	// Arms ahead, head with a mask.
	d.line(x-h*0.18, y, x-h*0.42, y-h*0.04, hw*0.8)
	d.fill(solid(suit))
	d.disc(x-h*0.43, y-h*0.04, hw*0.6, skin, 1, false)
	d.disc(x-h*0.26, y-hw*0.3, h*0.055, skin, 1, false)
	d.roundRect(x-h*0.32, y-hw*1.2, x-h*0.25, y+hw*0.1, hw*0.3)
	d.fill(solid(d.lit(hex("#4ac8e8"), 0.05)))
	for k := 0; k < 3; k++ {
		d.disc(x-h*0.3-float32(k)*h*0.02, y-h*0.1-float32(k)*h*0.07, h*0.012*float32(k+1), rgb{0.9, 0.97, 1}, 0.6, false)
	}
}

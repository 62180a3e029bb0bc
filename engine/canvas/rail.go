package canvas

import "strings"

// rail.go draws a train that is the subject, near and large enough to
// read: a steam locomotive (boiler, smokestack, cab, driving wheels and a
// plume) when the words say steam or locomotive, else a modern engine
// with a sloped nose; then its carriages (windows) or wagons (freight),
// all in the idea's colour, on wheels on the rails.

// trainNear draws the train along the rails at y, s the carriage height.
func (d *painter) trainNear(y, s float32) {
	d.painted("train")
	p := d.p
	W := float32(d.w)
	sub := p.subjectOf("train")
	col := hex("#2a5a8a")
	if len(p.tint) > 0 {
		col = p.tint[0]
	}
	if c, ok := factColour(sub); ok {
		col = c
	}
	body := d.lit(col, 0.1)
	noun := ""
	if sub != nil {
		noun = strings.ToLower(strings.Join(append(append([]string{}, sub.Adjectives...), sub.Noun), " "))
	}
	steam := strings.Contains(noun, "steam") || strings.Contains(noun, "locomotive") || hasWord(p.words, "steam")
	freight := strings.Contains(noun, "freight") || strings.Contains(noun, "cargo") || strings.Contains(noun, "goods")
	// Rails and sleepers.
	d.rect(-2, y, W+2, y+s*0.05)
	d.fill(solid(d.lit(hex("#4a4440"), 0.1)))
	for x := float32(0); x < W; x += s * 0.3 {
		d.rect(x, y+s*0.05, x+s*0.12, y+s*0.1)
	}
	d.fill(solid(d.lit(hex("#5a4030"), 0.1)))
	x := d.xFor("train", 0.6, 0.75) // the engine's front
	wr := s * 0.16
	if steam {
		black := d.lit(hex("#242424"), 0.1)
		L := s * 2.2
		x0 := x - L
		// Boiler, smokebox, cab, stack, wheels with a rod.
		d.roundRect(x0+L*0.3, y-s*0.95, x, y-s*0.35, s*0.28)
		d.fill(vgrad(black.scale(1.4), black, y-s*0.95, y-s*0.35))
		d.rect(x0+L*0.3, y-s*0.93, x0+L*0.38, y-s*0.37)
		d.fill(solid(body))
		d.rect(x0, y-s*1.25, x0+L*0.32, y-s*0.3)
		d.fill(solid(body))
		d.rect(x0+L*0.05, y-s*1.1, x0+L*0.22, y-s*0.8)
		d.fill(solid(d.lit(hex("#f0d890"), 0)))
		d.rect(x0-L*0.03, y-s*1.32, x0+L*0.36, y-s*1.22)
		d.fill(solid(black))
		d.poly(x-L*0.17, y-s*0.95, x-L*0.05, y-s*0.95, x-L*0.03, y-s*1.35, x-L*0.19, y-s*1.35)
		d.fill(solid(black))
		d.poly(x, y-s*0.35, x+s*0.3, y-s*0.05, x, y-s*0.05)
		d.fill(solid(d.lit(hex("#b8282a"), 0.1)))
		for k := range 3 {
			d.wheelRim(x0+L*(0.45+0.17*float32(k)), y, wr*1.5, body)
		}
		d.wheelRim(x0+L*0.15, y, wr, black)
		d.line(x0+L*0.45, y-wr*1.5, x0+L*0.79, y-wr*1.5, s*0.04)
		d.fill(solid(hex("#c8c8c8")))
		// The plume, drifting back over the train.
		for i := range 8 {
			t := float32(i) / 7
			r := s * (0.25 + 0.35*t)
			d.blob(x-L*0.11-t*s*2.2, y-s*1.45-t*s*0.6, r, r*0.7)
		}
		d.fillNoInk(paint{col: d.lit(hex("#e8e6e2"), 0.1), alpha: 0.85})
		x = x0 - s*0.1
	} else {
		L := s * 2.4
		d.moveTo(x-L, y-s*1.05)
		d.lineTo(x-s*0.5, y-s*1.05)
		d.quadTo(x+s*0.3, y-s*0.95, x+s*0.4, y-s*0.2)
		d.lineTo(x-L, y-s*0.2)
		d.fill(vgrad(body.scale(1.15), body.scale(0.8), y-s*1.05, y-s*0.2))
		d.poly(x-s*0.45, y-s*0.98, x+s*0.0, y-s*0.9, x+s*0.12, y-s*0.65, x-s*0.45, y-s*0.65)
		d.fill(solid(d.lit(hex("#1e2a3a"), 0)))
		d.fillRect(x-L, y-s*0.45, x+s*0.32, y-s*0.38, body.mix(rgb{1, 1, 1}, 0.6), 1)
		for _, wx := range []float32{x - L*0.8, x - L*0.65, x - L*0.25, x - L*0.1} {
			d.wheelRim(wx, y, wr, hex("#2a2a2a"))
		}
		x = x - L - s*0.1
	}
	// Carriages or wagons trailing left, out of the frame.
	for x > -s*3 {
		L := s * 2.3
		top := y - s*1.0
		if freight {
			top = y - s*0.95
		}
		d.rect(x-L, top, x, y-s*0.22)
		d.fill(vgrad(body.scale(1.05), body.scale(0.75), top, y-s*0.22))
		if freight {
			for k := 1; k < 6; k++ {
				d.line(x-L+L*float32(k)/6, top, x-L+L*float32(k)/6, y-s*0.22, max(1.5*d.u, 1))
			}
			d.fillNoInk(paint{col: body.scale(0.6), alpha: 0.7})
		} else {
			for k := range 5 {
				wx := x - L + s*0.18 + float32(k)*L*0.19
				d.window(wx, top+s*0.18, wx+L*0.12, top+s*0.45, d.dark())
			}
		}
		d.wheelRim(x-L*0.85, y, wr, hex("#2a2a2a"))
		d.wheelRim(x-L*0.15, y, wr, hex("#2a2a2a"))
		x -= L + s*0.08
	}
}

// wheelRim draws a train wheel standing on the rail at y.
func (d *painter) wheelRim(x, y, r float32, hub rgb) {
	d.disc(x, y-r, r, hex("#1a1a1a"), 1, false)
	d.disc(x, y-r, r*0.55, hub.scale(0.8), 1, false)
}

package canvas

// street.go draws a street in perspective: facades, lit windows, lanterns and people.

// street: a street running away from the viewer between lit facades, wet
// and reflecting when it rains; a night market when there are lanterns.
func (d *painter) street() {
	d.painted("street")
	p := d.p
	W, H := float32(d.w), float32(d.h)
	p.horizon = H * between(0.4, 0.6, p.look.horizon)
	hz := p.horizon
	d.skyLayer()
	if d.isMainTower() {
		d.mainTower(W*0.5, hz, H*0.45) // at the street's end
	} else if p.el["tower"] {
		d.tower(W*d.rnd(0.4, 0.6), hz, 40*d.u)
	}
	vx := W * between(0.3, 0.7, p.look.sunX) // where the street turns out of sight
	night := d.dark()
	wallCols := []rgb{hex("#c8b8a0"), hex("#b0a090"), hex("#d8c8a8"), hex("#a89888")}
	// Facades on each side, in perspective towards (vx, hz).
	for _, side := range []float32{-1, 1} {
		edgeX := vx + side*W*0.06
		outer := W * 0.5 * (1 + side)
		roofFar, roofNear := hz-H*0.08, -H*0.1
		d.poly(edgeX, roofFar, edgeX, hz+H*0.02, outer, H*1.05, outer, roofNear)
		wall := d.lit(wallCols[d.rng.IntN(len(wallCols))], 0.2)
		if night {
			wall = hex("#2a2428").mix(p.lt.mid, 0.2)
		}
		d.fill(solid(wall))
		// Windows: rows of quads shrinking towards the vanishing point.
		for col := 0; col < 10; col++ {
			t0 := float32(col) / 10
			t1 := t0 + 0.05
			x0 := edgeX + (outer-edgeX)*t0*t0
			x1 := edgeX + (outer-edgeX)*t1*t1
			topAt := func(x float32) float32 { return roofFar + (roofNear-roofFar)*(x-edgeX)/(outer-edgeX) }
			botAt := func(x float32) float32 { return hz + H*0.02 + (H*1.05-hz-H*0.02)*(x-edgeX)/(outer-edgeX) }
			for r := 1; r < 5; r++ {
				f0 := float32(r)/5.5 + 0.02
				f1 := f0 + 0.09
				lit := night && d.chance(0.6)
				c := warmLight
				if !lit {
					c = wall.scale(0.5)
				}
				d.poly(x0, topAt(x0)+(botAt(x0)-topAt(x0))*f0, x1, topAt(x1)+(botAt(x1)-topAt(x1))*f0,
					x1, topAt(x1)+(botAt(x1)-topAt(x1))*f1, x0, topAt(x0)+(botAt(x0)-topAt(x0))*f1)
				d.fillNoInk(solid(c))
			}
		}
	}
	if p.el["neon"] || hasWord(p.words, "cyberpunk") {
		// Neon signs hang off the facades, glowing magenta and cyan.
		neon := []rgb{hex("#ff3ad8"), hex("#2ae8ff"), hex("#ff5a3a"), hex("#9a5aff")}
		for k := 0; k < 10; k++ {
			t := d.rnd(0.15, 1)
			side := float32(1)
			if k%2 == 0 {
				side = -1
			}
			x := vx + side*W*(0.06+0.42*t*t)
			y := hz - H*0.05 + (H*0.45)*t*d.rnd(-0.6, 0.4)
			sw, sh := (8+40*t*t)*d.u, (20+90*t*t)*d.u
			c := neon[d.rng.IntN(len(neon))]
			d.glow(x, y, sh*1.2, c, 0.35)
			d.rect(x-sw/2, y-sh/2, x+sw/2, y+sh/2)
			d.fillNoInk(paint{col: c, alpha: 0.9})
			d.rect(x-sw/2+2*d.u, y-sh/2+2*d.u, x+sw/2-2*d.u, y+sh/2-2*d.u)
			d.fillNoInk(paint{col: c.mix(rgb{1, 1, 1}, 0.6), alpha: 0.8})
		}
	}
	// The road: wet cobbles reflecting the lights in long streaks.
	d.poly(vx-W*0.06, hz+H*0.02, vx+W*0.06, hz+H*0.02, W*1.1, H+2, -W*0.1, H+2)
	road := d.lit(hex("#3a3a40"), 0.2)
	wet := p.weather == "rain" || p.weather == "storm" || p.el["rain"]
	pt := vgrad(road.mix(p.haze, 0.4), road, hz, H)
	pt.tex, pt.texAmt, pt.texScale = texNoise, 0.25, 6*d.u
	d.fill(pt)
	// Street lamps.
	for k := 0; k < 5; k++ {
		t := float32(k+1) / 5
		for _, side := range []float32{-1, 1} {
			x := vx + side*W*(0.07+0.45*t*t)
			y := hz + (H-hz)*t*t*0.9 + H*0.02
			lh := (40 + 300*t*t) * d.u
			d.line(x, y, x, y-lh, max((1+4*t*t)*d.u, 0.8))
			d.fill(solid(hex("#1a1a1e")))
			if night {
				d.glow(x, y-lh, (6+30*t*t)*d.u, warmLight, 0.9)
				if wet {
					d.line(x, y+4*d.u, x, y+lh*0.9, (3+16*t*t)*d.u)
					d.fillNoInk(paint{col: warmLight, alpha: 0.25, add: true})
				}
			}
		}
	}
	if p.el["lanterns"] {
		d.lanterns(H*0.12, 3)
		// Market stalls with striped awnings.
		for _, side := range []float32{-1, 1} {
			for k := 0; k < 3; k++ {
				t := float32(k+1) / 3
				x := vx + side*W*(0.1+0.3*t)
				y := hz + (H-hz)*t*0.7
				s := (50 + 120*t) * d.u
				d.rect(x-s, y-s*0.9, x+s, y)
				d.fill(solid(hex("#2a1a14")))
				d.poly(x-s*1.15, y-s*0.9, x+s*1.15, y-s*0.9, x+s, y-s*1.2, x-s, y-s*1.2)
				d.fill(solid(d.lit([]rgb{hex("#c8302a"), hex("#e8e0d0"), hex("#2a6ab0")}[k%3], 0)))
				d.fillRect(x-s*0.8, y-s*0.7, x+s*0.8, y-s*0.4, warmLight, 0.9)
			}
		}
	}
	if p.el["people"] || p.el["person"] || p.el["lanterns"] {
		d.crowd(hz+H*0.05, H*1.02, 14, wet)
		d.paintedFigures()
	}
	d.mainFigure(hz) // the person subject doing something, whole, in front (people.go)
	if p.el["car"] {
		d.vehicle(W*0.5, H*0.95, 130*d.u)
	}
	d.weatherLayer(hz)
}

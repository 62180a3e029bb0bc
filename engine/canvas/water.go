package canvas

// water turns the band from the horizon to bottom into water that mirrors
// what was painted above the horizon (sky, mountains, skyline), broken up
// by ripples, with a glitter path under the sun or moon. calm is 0 for a
// rough sea and 1 for a still lake.
func (d *painter) water(bottom float32, calm float32, frozen bool) {
	p := d.p
	hz := int(p.horizon)
	if hz <= 0 || hz >= d.h {
		return
	}
	bot := min(int(bottom), d.h)
	d.painted("sea", "lake", "reflection")
	if frozen {
		d.painted("ice")
	}
	deep := hex("#1d4a6a")
	if p.el["beach"] || p.el["palms"] {
		deep = hex("#1a7a8a") // tropical water is greener
	}
	reflect := 0.45 + 0.4*calm
	if c, ok := p.placeColourOK("lake", "sea", "river", "pond"); ok {
		// "a green lake": its own colour shows through the reflection.
		deep, reflect = c.scale(0.8), reflect*0.5
	}
	deep = deep.mul(p.lt.ambient)
	if frozen {
		deep = d.lit(hex("#c8dcea"), 0.2)
	}
	glitter := p.lt.sun.mix(rgb{1, 1, 1}, 0.3)
	showGlint := p.showSun || p.showMoon
	if p.time == "dusk" || frozen {
		showGlint = false
	}
	if p.lt.night {
		glitter = hex("#e8e8d8")
	}
	// Even a still lake has a faint ripple: without one the sun's disc is
	// mirrored whole and reads as a ball floating in the water.
	amp := max((1-calm)*6, 1.2) * d.u
	if frozen {
		calm = 1
		amp = 0
	}
	if frozen {
		reflect = 0.25
	}
	// Reflections are read from the rows above the horizon, which this pass
	// does not write, so bands can run in parallel.
	hh := float32(bot - hz)
	seed := d.seed + 1500
	ox, oy := float32(seed%61)*0.41, float32(seed%53)*0.29
	hard := d.st.hardEdge
	d.rows(hz, bot, func(y0, y1 int) {
		for y := y0; y < y1; y++ {
			t := float32(y-hz) / hh // 0 at the horizon .. 1 near
			persp := 0.02 + t
			ry := 2*hz - y - 1
			// Perspective: rows map to depth 1/persp on the water plane, so
			// waves shrink and crowd towards the horizon.
			fy := 60 / persp
			for x := 0; x < d.w; x++ {
				fx := (float32(x) - float32(d.w)/2) / (float32(d.w) * 0.05) / persp
				n := tile(fx*0.5+ox, fy*0.5)
				n2 := tile(fx*1.3+oy, fy*1.4+ox)
				wave := n*0.65 + n2*0.35
				dx := int((wave - 0.5) * amp * 2 * (0.3 + persp*3))
				sx := x + dx
				if p.sunR > 0 && showGlint {
					// Water does not mirror the sun as a disc: what lies under
					// it reflects the glow beside it, a bright column that the
					// glitter path then breaks up.
					ddx, ddy := float32(sx)-p.sunX, float32(ry)-p.sunY
					if ddx*ddx+ddy*ddy < p.sunR*p.sunR*1.2 {
						if ddx < 0 {
							sx = int(p.sunX - p.sunR*1.15)
						} else {
							sx = int(p.sunX + p.sunR*1.15)
						}
					}
				}
				src := d.at(sx, ry)
				col := src.mix(deep, 1-reflect)
				// Fresnel: the far water reflects more; near water shows its colour.
				col = col.mix(deep, t*0.45)
				hl := smoothstep(0.62, 0.8, wave) * (1 - calm*0.85)
				if hard {
					hl = smoothstep(0.7, 0.71, wave) * (1 - calm*0.7)
				}
				col = col.mix(col.scale(1.35).add(rgb{0.05, 0.06, 0.07}), hl*0.6)
				col = col.mix(col.scale(0.7), smoothstep(0.4, 0.2, wave)*(1-calm)*0.5)
				if showGlint {
					gx := (float32(x) - p.sunX) / (float32(d.w) * (0.03 + 0.12*t))
					// A cheap bell curve (exp is a tenth of the water pass).
					g2 := gx * gx
					g := 1 / (1 + g2 + g2*g2*0.5)
					if g > 0.01 {
						sp := smoothstep(0.55, 0.75, wave)
						if hard {
							sp = smoothstep(0.65, 0.66, wave)
						}
						col = col.mix(glitter, clamp01(g*sp*1.1))
					}
				}
				i := (y*d.w + x) * 3
				d.pix[i] = col.r
				d.pix[i+1] = col.g
				d.pix[i+2] = col.b
			}
		}
	})
}

// breakers adds white crests of waves on a rough sea.
func (d *painter) breakers(top, bottom float32, count int) {
	d.painted("waves")
	foam := d.lit(rgb{0.95, 0.97, 1}, 0.1)
	for i := 0; i < count; i++ {
		t := d.rng.Float32()
		y := top + (bottom-top)*t
		x := d.rnd(-0.1, 1.1) * float32(d.w)
		l := (20 + 140*t) * d.u
		th := (1 + 5*t) * d.u
		d.moveTo(x, y)
		d.quadTo(x+l*0.5, y-th*2, x+l, y)
		d.quadTo(x+l*0.5, y-th*0.5, x, y)
		d.fillNoInk(paint{col: foam, alpha: 0.55})
	}
}

// pond draws an oval pond in the foreground that reflects the sky, with
// lily pads, and koi when the scene has them.
func (d *painter) pond(koi bool) {
	d.painted("pond")
	cx := float32(d.w) * d.rnd(0.4, 0.6)
	cy := float32(d.h) * 0.82
	rx := float32(d.w) * 0.38
	ry := float32(d.h) * 0.13
	d.blob(cx, cy, rx, ry)
	d.fill(solid(d.lit(hex("#6a6a60"), 0.1))) // stone rim
	d.ellipse(cx, cy+ry*0.05, rx*0.92, ry*0.85)
	water := d.skyAt(d.p.horizon*0.4, d.p.horizon).mix(hex("#1f4a4a"), 0.55)
	pt := vgrad(water.scale(1.1), water.scale(0.7), cy-ry, cy+ry)
	pt.tex, pt.texAmt, pt.texScale = texStreakH, 0.2, 8*d.u
	d.fill(pt)
	for i := 0; i < 7; i++ {
		x := cx + d.rnd(-0.8, 0.8)*rx
		y := cy + d.rnd(-0.6, 0.6)*ry
		r := d.rnd(8, 16) * d.u
		d.ellipse(x, y, r, r*0.55)
		d.fill(solid(d.lit(hex("#3f8a3a"), 0)))
	}
	if !koi {
		return
	}
	// As many fish as counted, in their colour ("five goldfish").
	sub := d.p.subjectOf("fish")
	if sub == nil {
		sub = d.p.subjectOf("koi")
	}
	col, own := colourOf(sub)
	for i := 0; i < countOf(sub, 6); i++ {
		x := cx + d.rnd(-0.7, 0.7)*rx
		y := cy + d.rnd(-0.5, 0.5)*ry
		l := d.rnd(22, 36) * d.u
		dir := float32(1)
		if d.chance(0.5) {
			dir = -1
		}
		body := []rgb{hex("#f06a1e"), hex("#f4f0e8"), hex("#e8401e")}[d.rng.IntN(3)]
		if own {
			body = col
		}
		d.fish(x, y, l, dir, body.mul(d.p.lt.ambient.mix(rgb{1, 1, 1}, 0.5)))
		if d.chance(0.6) {
			d.ellipse(x+dir*l*0.1, y-l*0.03, l*0.14, l*0.08)
			d.fillNoInk(solid(hex("#f8f4ee")))
		}
	}
}

// waterfall pours from a cliff at the top of the picture into a pool.
func (d *painter) waterfall(top, bottom float32) {
	d.painted("waterfall")
	cx := float32(d.w) * d.rnd(0.35, 0.65)
	wd := float32(d.w) * d.rnd(0.08, 0.14)
	// Rock walls either side: a broken top edge rising to the sides,
	// ledges, and moss and plants along the rim.
	rock := d.lit(hex("#5a5248"), 0.15)
	moss := d.lit(d.p.foliage[0], 0.1)
	if d.p.season == "winter" || d.p.el["snow"] {
		moss = d.lit(rgb{0.92, 0.94, 0.97}, 0.05)
	}
	const n = 24
	for _, side := range []float32{-1, 1} {
		edge := cx + side*wd/2
		far := cx + side*float32(d.w)*0.7
		rim := make([]vec, n+1)
		for i := range rim {
			t := float32(i) / n
			x := edge + (far-edge)*t
			y := top - 10*d.u - t*70*d.u - (fbm1(t*5+side*7, 3, d.seed+1600)-0.5)*60*d.u*t
			rim[i] = vec{x, y}
		}
		d.moveTo(rim[0].x, rim[0].y)
		for _, v := range rim[1:] {
			d.lineTo(v.x, v.y)
		}
		d.lineTo(far, bottom)
		d.lineTo(edge+side*20*d.u, bottom)
		pt := vgrad(rock.scale(1.1), rock.scale(0.55), top, bottom)
		pt.tex, pt.texAmt, pt.texScale = texNoise, 0.35, 18*d.u
		d.fill(pt)
		// Ledges: darker breaks across the face.
		for k := 0; k < 4; k++ {
			y := top + (bottom-top)*d.rnd(0.15, 0.85)
			x0 := edge + side*d.rnd(10, 60)*d.u
			x1 := x0 + side*d.rnd(80, 220)*d.u
			d.poly(x0, y, x1, y+d.rnd(-10, 10)*d.u, x1, y+12*d.u, x0, y+6*d.u)
		}
		d.fillNoInk(paint{col: rock.scale(0.5), alpha: 0.35})
		// Moss and plants along the rim.
		for i := 1; i <= n; i++ {
			d.line(rim[i-1].x, rim[i-1].y+4*d.u, rim[i].x, rim[i].y+4*d.u, 16*d.u)
		}
		d.fillNoInk(solid(moss))
		for i := 0; i < 10; i++ {
			v := rim[d.rng.IntN(n)]
			r := d.rnd(14, 30) * d.u
			d.ellipse(v.x, v.y-d.rnd(0, 6)*d.u, r, r*0.6)
			d.fillNoInk(solid(moss.scale(d.rnd(0.85, 1.1))))
		}
	}
	d.poly(cx-wd/2, top, cx+wd/2, top, cx+wd/2+12*d.u, bottom, cx-wd/2-12*d.u, bottom)
	white := d.lit(rgb{0.92, 0.96, 1}, 0.1)
	if c, ok := d.p.placeColourOK("waterfall"); ok {
		white = d.lit(c.mix(rgb{1, 1, 1}, 0.25), 0.1) // "a turquoise waterfall"
	}
	pt := vgrad(white.mix(hex("#6aa0c0"), 0.3), white, top, bottom)
	pt.tex, pt.texAmt, pt.texScale = texStreakV, 0.6, 5*d.u
	d.fill(pt)
	// Spray at the foot.
	for i := 0; i < 14; i++ {
		r := d.rnd(20, 60) * d.u
		d.ellipse(cx+d.rnd(-1.2, 1.2)*wd, bottom-d.rnd(0, 30)*d.u, r, r*0.6)
		d.fillNoInk(paint{col: white, alpha: 0.18})
	}
}

package canvas

import "math"

// underwater: light from the surface in rays, deepening blue, a sandy
// floor with coral and kelp, fish, jellyfish and bubbles.
func (d *painter) underwater() {
	p := d.p
	W, H := float32(d.w), float32(d.h)
	top := hex("#3ac8d8")
	deep := hex("#062a4a")
	if p.lt.night || p.time == "dusk" {
		top, deep = hex("#1a4a7a"), hex("#020a1a")
	}
	d.rect(-2, -2, W+2, H+2)
	d.fillNoInk(vgrad(top, deep, 0, H))
	// God rays fanning down from the surface.
	seed := d.seed + 8000
	d.rows(0, d.h, func(y0, y1 int) {
		for y := y0; y < y1; y++ {
			t := float32(y) / H
			fade := (1 - t) * 0.35
			for x := 0; x < d.w; x++ {
				// Rays converge on a point above the picture.
				u := (float32(x) - W*0.5) / (float32(y) + H*0.6) * 3
				r := smoothstep(0.55, 0.85, noise1(u*4, seed)) * fade
				if d.st.bands > 0 {
					r = float32(math.Floor(float64(r*4))) / 4
				}
				if r > 0 {
					i := (y*d.w + x) * 3
					d.pix[i] += 0.6 * r
					d.pix[i+1] += 0.9 * r
					d.pix[i+2] += 0.85 * r
				}
			}
		}
	})
	// The surface shimmer.
	for i := 0; i < 60; i++ {
		x := d.rnd(0, W)
		y := d.rnd(0, H*0.06)
		d.ellipse(x, y, d.rnd(10, 40)*d.u, d.rnd(2, 5)*d.u)
	}
	d.fillNoInk(paint{col: hex("#c8f8ff"), alpha: 0.35})
	floor := H * d.rnd(0.78, 0.86)
	n := d.samples()
	ys := make([]float32, n)
	for i := range ys {
		ys[i] = floor + (fbm1(float32(i)/float32(n)*3, 3, seed+1)-0.5)*50*d.u
	}
	d.ridgePath(ys, H+2)
	sand := hex("#c8b088").mix(deep, 0.35)
	pt := vgrad(sand, sand.scale(0.7), floor-25*d.u, H)
	pt.tex, pt.texAmt = texNoise, 0.2
	d.fill(pt)
	// Kelp sways up from the floor.
	kelp := hex("#2a6a3a").mix(deep, 0.3)
	for i := 0; i < 8; i++ {
		x := d.rnd(0, W)
		h := d.rnd(0.25, 0.55) * H
		ph := d.rnd(0, 6)
		px, py := x, floor+10*d.u
		for k := 1; k <= 16; k++ {
			t := float32(k) / 16
			nx := x + float32(math.Sin(float64(t*5+ph)))*20*d.u*t
			ny := floor + 10*d.u - h*t
			d.line(px, py, nx, ny, (10-6*t)*d.u)
			px, py = nx, ny
		}
	}
	d.fill(solid(kelp))
	if p.el["coral"] || !p.el["whale"] {
		d.coral(floor)
	}
	if p.el["whale"] {
		d.whale(d.xFor("whale", 0.35, 0.65), H*d.rnd(0.3, 0.45), 260*d.u)
	}
	jelly := hasWord(p.words, "jellyfish") || hasWord(p.words, "jellies")
	if jelly {
		for i := 0; i < 5; i++ {
			d.jellyfish(W*d.rnd(0.1, 0.9), H*d.rnd(0.15, 0.6), d.rnd(25, 60)*d.u)
		}
	}
	if p.el["fish"] || p.el["koi"] || !jelly {
		cols := []rgb{hex("#f2a03a"), hex("#f2e05a"), hex("#3ad8e8"), hex("#f0f0f0")}
		sx, sy := W*d.rnd(0.2, 0.8), H*d.rnd(0.25, 0.55)
		dir := float32(1)
		if d.chance(0.5) {
			dir = -1
		}
		col := cols[d.rng.IntN(len(cols))].mix(deep, 0.2)
		for i := 0; i < 14; i++ {
			d.fish(sx+float32(d.rng.NormFloat64())*W*0.1, sy+float32(d.rng.NormFloat64())*H*0.06, d.rnd(14, 30)*d.u, dir, col)
		}
	}
	for i := 0; i < 40; i++ {
		x, y := d.rnd(0, W), d.rnd(0, floor)
		r := d.rnd(1.5, 6) * d.u
		d.disc(x, y, r, hex("#d8f8ff"), 0.35, false)
		d.disc(x-r*0.3, y-r*0.3, r*0.3, rgb{1, 1, 1}, 0.6, false)
	}
	d.fogBand(0, d.h, H*0.5, H*0.3, 0.15, top.mix(deep, 0.5))
}

// coral grows branching and round corals along the floor.
func (d *painter) coral(floor float32) {
	cols := []rgb{hex("#f26a6a"), hex("#f29a4a"), hex("#e86ab8"), hex("#b88af0"), hex("#f2d05a")}
	W := float32(d.w)
	for i := 0; i < 12; i++ {
		x := d.rnd(0, W)
		y := floor + d.rnd(-5, 25)*d.u
		s := d.rnd(40, 100) * d.u
		col := cols[d.rng.IntN(len(cols))]
		if d.chance(0.5) {
			d.branches(x, y, s*0.5, -math.Pi/2, s*0.09, 4, col)
		} else {
			d.ellipse(x, y-s*0.25, s*0.4, s*0.3)
		}
		pt := solid(col)
		pt.tex, pt.texAmt, pt.texScale = texNoise, 0.3, 5*d.u
		d.fill(pt)
	}
}

// whale draws a humpback gliding through the blue.
func (d *painter) whale(x, y, s float32) {
	col := hex("#1a2a3e")
	d.moveTo(x+s, y)
	d.cubeTo(x+s*0.8, y-s*0.35, x-s*0.4, y-s*0.3, x-s*0.9, y-s*0.05)
	d.lineTo(x-s*1.3, y-s*0.3)
	d.lineTo(x-s*1.2, y)
	d.lineTo(x-s*1.3, y+s*0.25)
	d.lineTo(x-s*0.9, y+s*0.05)
	d.cubeTo(x-s*0.4, y+s*0.2, x+s*0.6, y+s*0.3, x+s, y)
	d.poly(x+s*0.2, y+s*0.15, x-s*0.1, y+s*0.55, x+s*0.05, y+s*0.2)
	d.fill(vgrad(col, col.mix(hex("#8aa0b8"), 0.5), y-s*0.3, y+s*0.3))
}

// space: black sky, a nebula, dense stars, a shaded planet with an
// atmosphere, and a ship or station.
func (d *painter) space() {
	p := d.p
	W, H := float32(d.w), float32(d.h)
	d.rect(-2, -2, W+2, H+2)
	d.fillNoInk(vgrad(hex("#02030a"), hex("#070a1e"), 0, H))
	c1, c2 := hex("#6a2a9a"), hex("#2a6ab8")
	if len(p.tint) > 0 {
		c1 = p.tint[0]
	}
	if p.el["nebula"] || d.chance(0.7) {
		seed := d.seed + 9000
		inv := 1 / (W * 0.25)
		d.rows(0, d.h, func(y0, y1 int) {
			for y := y0; y < y1; y++ {
				for x := 0; x < d.w; x++ {
					n := fbm(float32(x)*inv, float32(y)*inv, 5, seed)
					m := fbm(float32(x)*inv*1.7+9, float32(y)*inv*1.7, 3, seed+5)
					f := smoothstep(0.42, 0.8, n) * 0.55
					if f <= 0 {
						continue
					}
					col := c1.mix(c2, m)
					i := (y*d.w + x) * 3
					d.pix[i] += col.r * f
					d.pix[i+1] += col.g * f
					d.pix[i+2] += col.b * f
				}
			}
		})
	}
	d.p.horizon = H
	d.stars(H, 2.5)
	if hasWord(p.words, "on the moon") || hasWord(p.words, "lunar") || p.el["moon"] && p.el["person"] {
		d.lunarSurface()
		return
	}
	// The seed's camera: a planet near and huge as an arc, or further off
	// and whole, to one side or the other.
	lk := p.look
	pr := W * d.rnd(0.28, 0.42) * between(0.75, 1.45, (lk.zoom-0.8)/0.75)
	px, py := W*between(0.25, 0.75, lk.sunX), H*between(0.6, 0.95, lk.horizon)
	py = max(py, H*0.32+pr) // never a planet filling the whole frame
	if p.el["planet"] || !p.el["nebula"] {
		d.planet(px, py, pr)
	}
	if p.el["spaceship"] || p.el["moon"] {
		if p.el["spaceship"] {
			// The ship keeps to the other side of the sky from the planet.
			x := d.rnd(0.22, 0.45)
			if px < W*0.5 {
				x = 1 - x
			}
			d.spaceship(W*x, H*d.rnd(0.2, 0.32), d.zoomed("spaceship", 90*d.u))
		} else {
			d.planet(W*d.rnd(0.1, 0.9), H*0.2, 25*d.u)
		}
	}
}

// lunarSurface is standing on the moon: grey cratered ground, the Earth
// hanging in the black sky, and an astronaut when there is one.
func (d *painter) lunarSurface() {
	p := d.p
	W, H := float32(d.w), float32(d.h)
	d.planet(W*d.rnd(0.6, 0.8), H*d.rnd(0.15, 0.25), W*0.09)
	top := H * d.rnd(0.58, 0.66)
	n := d.samples()
	ys := make([]float32, n)
	for i := range ys {
		ys[i] = top + (fbm1(float32(i)/float32(n)*4, 3, d.seed+9500)-0.5)*60*d.u
	}
	d.ridgePath(ys, H+2)
	ground := hex("#8a8a8e")
	pt := vgrad(ground.scale(0.8), ground.scale(1.1), top, H)
	pt.tex, pt.texAmt, pt.texScale = texNoise, 0.3, 14*d.u
	d.fill(pt)
	for i := 0; i < 14; i++ {
		t := d.rnd(0, 1)
		y := top + (H-top)*t
		r := (10 + 70*t) * d.u
		x := d.rnd(0, W)
		d.ellipse(x, y, r, r*0.35)
		d.fillNoInk(paint{col: ground.scale(0.55), alpha: 0.6})
		d.ellipse(x, y+r*0.06, r*0.85, r*0.26)
		d.fillNoInk(paint{col: ground.scale(0.95), alpha: 0.5})
	}
	if p.el["person"] || p.el["people"] || hasWord(p.words, "astronaut") {
		d.astronaut(d.xFor("person", 0.35, 0.65), top+(H-top)*0.55, 300*d.u)
	}
}

// astronaut is a figure in a white suit and a helmet with a gold visor,
// feet at y, s tall.
func (d *painter) astronaut(x, y, s float32) {
	suit := hex("#e8e8e4")
	shade := suit.scale(0.7)
	// Legs, body, arms.
	d.rect(x-s*0.13, y-s*0.4, x-s*0.02, y)
	d.rect(x+s*0.02, y-s*0.4, x+s*0.13, y)
	d.fill(vgrad(suit, shade, y-s*0.4, y))
	d.moveTo(x-s*0.17, y-s*0.38)
	d.lineTo(x-s*0.19, y-s*0.75)
	d.quadTo(x, y-s*0.82, x+s*0.19, y-s*0.75)
	d.lineTo(x+s*0.17, y-s*0.38)
	d.fill(vgrad(suit, shade, y-s*0.8, y-s*0.38))
	d.line(x-s*0.19, y-s*0.72, x-s*0.27, y-s*0.45, s*0.07)
	d.line(x+s*0.19, y-s*0.72, x+s*0.27, y-s*0.45, s*0.07)
	d.fill(solid(suit.scale(0.85)))
	// Backpack edge, helmet and visor.
	d.rect(x+s*0.15, y-s*0.78, x+s*0.22, y-s*0.45)
	d.fill(solid(shade))
	d.ellipse(x, y-s*0.9, s*0.13, s*0.13)
	d.fill(solid(suit))
	d.ellipse(x+s*0.01, y-s*0.89, s*0.09, s*0.075)
	d.fill(vgrad(hex("#f0c050"), hex("#8a5a1a"), y-s*0.97, y-s*0.82))
	d.disc(x-s*0.03, y-s*0.92, s*0.02, rgb{1, 1, 1}, 0.8, false)
}

// planet draws a lit sphere with cloud bands and an atmosphere rim.
func (d *painter) planet(cx, cy, r float32) {
	base := hex("#2a6ad8")
	land := hex("#3a8a4a")
	if c, ok := colourOf(d.p.subjectOf("planet")); ok {
		// Mars is red and dusty: its own colour, darker patches, no seas.
		base, land = c, c.scale(0.6)
	} else if len(d.p.tint) > 0 {
		base = d.p.tint[0]
	}
	lx, ly := float32(-0.6), float32(-0.55) // light from the upper left
	seed := d.seed + 9100
	atm := base.mix(rgb{0.7, 0.9, 1}, 0.5)
	x0, x1 := max(int(cx-r*1.2), 0), min(int(cx+r*1.2)+1, d.w)
	y0, y1 := max(int(cy-r*1.2), 0), min(int(cy+r*1.2)+1, d.h)
	d.rows(y0, y1, func(a, b int) {
		for y := a; y < b; y++ {
			for x := x0; x < x1; x++ {
				dx, dy := (float32(x)+0.5-cx)/r, (float32(y)+0.5-cy)/r
				dd := dx*dx + dy*dy
				i := (y*d.w + x) * 3
				if dd > 1 {
					// Atmosphere glow outside the limb.
					dist := float32(math.Sqrt(float64(dd))) - 1
					g := clamp01(1-dist*8) * 0.5 * clamp01(0.3-(dx*lx+dy*ly)*0.7)
					if g > 0 {
						d.pix[i] += atm.r * g
						d.pix[i+1] += atm.g * g
						d.pix[i+2] += atm.b * g
					}
					continue
				}
				dz := float32(math.Sqrt(float64(1 - dd)))
				shade := clamp01(-(dx*lx + dy*ly) + dz*0.6)
				n := fbm(dx*3/(dz+0.3), dy*3+1, 4, seed)
				col := base
				if n > 0.55 {
					col = land.mix(base, 0.2)
				}
				band := fbm(dx*0.5, dy*8, 3, seed+3)
				col = col.mix(rgb{1, 1, 1}, smoothstep(0.55, 0.75, band)*0.7)
				if d.st.bands > 0 {
					shade = float32(math.Floor(float64(shade*4))) / 3
				}
				col = col.scale(0.06+shade*1.0).mix(atm, (1-dz)*0.5*shade)
				a := clamp01((1 - float32(math.Sqrt(float64(dd)))) * r)
				d.blendPx(i, col, a)
			}
		}
	})
}

// aerial looks straight down: an island in the sea, open water, a canopy
// of trees or a patchwork of fields (plan.topDown says which scenes).
func (d *painter) aerial() {
	p := d.p
	switch {
	case p.el["beach"] || p.el["palms"] || p.el["coral"] || hasWord(p.words, "island"):
		d.island()
	case p.el["sea"]:
		d.openSea()
	case hasAny(p.el, "forest", "pines", "jungle", "trees") && !hasAny(p.el, "field", "wheat", "sunflowers", "meadow", "barn", "windmill"):
		d.canopy()
	default:
		d.patchwork()
	}
	d.topShade()
}

// island is a tropical island seen from above: jungle, a ring of sand, a
// reef and the deepening sea.
func (d *painter) island() {
	p := d.p
	W, H := float32(d.w), float32(d.h)
	seed := d.seed + 9300
	lk := p.look
	cx, cy := W*between(0.36, 0.64, lk.sunX), H*between(0.38, 0.62, lk.horizon)
	// The camera's height: a small island in a wide sea, or one that
	// nearly fills the frame (never cut off by it).
	R := float32(min(d.w, d.h)) * d.rnd(0.22, 0.3) * min(lk.zoom, 1.25)
	deep, shallow := hex("#0a4a8a"), hex("#3ad0d0")
	sand, jungle := hex("#f0dca8"), hex("#2f7a2e")
	inv := 1 / R
	hard := d.st.hardEdge
	d.rows(0, d.h, func(y0, y1 int) {
		for y := y0; y < y1; y++ {
			for x := 0; x < d.w; x++ {
				dx, dy := (float32(x)-cx)*inv, (float32(y)-cy)*inv*1.15
				dist := float32(math.Sqrt(float64(dx*dx+dy*dy))) + (fbm(float32(x)*inv*1.2, float32(y)*inv*1.2, 4, seed)-0.5)*0.7
				var col rgb
				switch {
				case dist < 0.75:
					n := fbm(float32(x)*inv*6, float32(y)*inv*6, 3, seed+1)
					col = jungle.scale(0.75 + n*0.5)
				case dist < 0.9:
					col = sand.mix(jungle, smoothstep(0.8, 0.75, dist)*0.7)
				default:
					t := clamp01((dist - 0.9) / 0.9)
					if hard {
						t = float32(math.Floor(float64(t*4))) / 4
					}
					col = shallow.mix(deep, smoothstep(0, 1, t))
					// Foam where the waves meet the reef.
					f := smoothstep(0.04, 0, float32(math.Abs(float64(dist-0.93)))) * 0.8
					w := valueNoise(float32(x)/(6*d.u), float32(y)/(30*d.u), seed+2)
					col = col.mix(rgb{1, 1, 1}, f*w)
					col = col.scale(0.95 + 0.1*valueNoise(float32(x)/(20*d.u), float32(y)/(4*d.u), seed+3))
				}
				i := (y*d.w + x) * 3
				d.pix[i], d.pix[i+1], d.pix[i+2] = col.r, col.g, col.b
			}
		}
	})
	// Palm crowns seen from above.
	for i := 0; i < 30; i++ {
		a := d.rnd(0, 2*math.Pi)
		rr := d.rnd(0.2, 0.7) * R
		x := cx + float32(math.Cos(float64(a)))*rr
		y := cy + float32(math.Sin(float64(a)))*rr/1.15
		s := d.rnd(10, 18) * d.u
		for k := 0; k < 6; k++ {
			b := float64(k)/6*2*math.Pi + float64(a)
			d.line(x, y, x+float32(math.Cos(b))*s, y+float32(math.Sin(b))*s, s*0.35)
		}
		d.fill(solid(hex("#4a9a3a").scale(d.rnd(0.8, 1.1))))
	}
	if p.el["boat"] || p.el["sailboat"] || d.chance(0.6) {
		x, y := cx+R*1.6, cy+R*0.3
		d.ellipse(x, y, 10*d.u, 4*d.u)
		d.fill(solid(rgb{1, 1, 1}))
		d.line(x-10*d.u, y, x-60*d.u, y-6*d.u, 3*d.u)
		d.fillNoInk(paint{col: rgb{1, 1, 1}, alpha: 0.4})
	}
}

// patchwork is farmland from above: fields in rows of their own colour,
// hedgerows of trees along the edges, and the farm's barn or windmill seen
// as a roof.
func (d *painter) patchwork() {
	p := d.p
	cols := []rgb{p.grass, hex("#c8a84a"), hex("#8aa83a"), hex("#6a8a2a"), hex("#a87a4a"), hex("#d8c070")}
	switch {
	case p.el["sunflowers"]:
		cols = []rgb{hex("#e8c020"), hex("#f0cc30"), hex("#d8b018"), p.grass, hex("#6a8a2a")}
	case p.el["wheat"]:
		cols = []rgb{hex("#d8b050"), hex("#e0c068"), hex("#c89a40"), p.grass, hex("#b8a050")}
	case p.el["flowers"]:
		cols = []rgb{hex("#d84a6a"), hex("#f0c030"), hex("#b04ac0"), hex("#f07a3a"), p.grass}
	case p.season == "winter" || p.el["snow"]:
		cols = []rgb{hex("#e8eef5"), hex("#dde6ee"), hex("#f2f5f8"), hex("#c8d4de")}
	}
	W, H := float32(d.w), float32(d.h)
	// The soil shows between the fields.
	d.rect(-2, -2, W+2, H+2)
	d.fillNoInk(solid(d.lit(hex("#6a5a3a"), 0)))
	cell := 170 * d.u
	gap := 5 * d.u
	for y := -cell * 0.5; y < H+cell; {
		rh := cell * d.rnd(0.6, 1.2)
		for x := -cell * 0.5; x < W+cell; {
			cw := cell * d.rnd(0.7, 1.4)
			j := cell * 0.08
			d.poly(x+gap+d.rnd(-j, j), y+gap+d.rnd(-j, j), x+cw-gap+d.rnd(-j, j), y+gap+d.rnd(-j, j),
				x+cw-gap+d.rnd(-j, j), y+rh-gap+d.rnd(-j, j), x+gap+d.rnd(-j, j), y+rh-gap+d.rnd(-j, j))
			pt := solid(d.lit(cols[d.rng.IntN(len(cols))], 0))
			pt.tex, pt.texAmt, pt.texScale = texStreakH, 0.35, 5*d.u
			if d.chance(0.5) {
				pt.tex = texStreakV
			}
			d.fill(pt)
			x += cw
		}
		y += rh
	}
	// Hedgerows: clumps of tree crowns along a few field edges.
	leaf := d.lit(hex("#2f5a2a"), 0)
	for k := 0; k < 3; k++ {
		y := d.rnd(0.1, 0.9) * H
		for x := float32(0); x < W; x += d.rnd(8, 16) * d.u {
			d.disc(x, y+d.rnd(-4, 4)*d.u, d.rnd(6, 11)*d.u, leaf.scale(d.rnd(0.85, 1.15)), 1, false)
		}
	}
	x, y := d.xFor(p.main, 0.3, 0.7), H*d.rnd(0.35, 0.6)
	if p.el["barn"] {
		d.roofFromAbove(x, y, 90*d.u, d.lit(p.accent.mix(hex("#a8281e"), 0.6), 0))
	}
	if p.el["windmill"] {
		x2 := x
		if p.el["barn"] {
			x2 = x + 160*d.u
		}
		d.disc(x2, y, 22*d.u, d.lit(hex("#d8d0c0"), 0), 1, false)
		for k := 0; k < 4; k++ {
			a := float64(k)*math.Pi/2 + 0.4
			d.line(x2, y, x2+float32(math.Cos(a))*90*d.u, y+float32(math.Sin(a))*90*d.u, 9*d.u)
		}
		d.fill(solid(d.lit(hex("#5a4a3a"), 0)))
	}
}

// roofFromAbove is a pitched roof seen from straight above, lit from the
// upper left, with its shadow falling to the lower right.
func (d *painter) roofFromAbove(x, y, s float32, col rgb) {
	w, h := s*1.5, s
	d.rect(x-w/2+s*0.12, y-h/2+s*0.12, x+w/2+s*0.12, y+h/2+s*0.12)
	d.fillNoInk(paint{col: rgb{0, 0, 0}, alpha: 0.35})
	d.rect(x-w/2, y-h/2, x+w/2, y)
	d.fill(solid(col.scale(1.1)))
	d.rect(x-w/2, y, x+w/2, y+h/2)
	d.fill(solid(col.scale(0.75)))
}

// openSea is open water from above: waves in long rows, flecks of foam,
// and the boats and whales of the scene with their wakes.
func (d *painter) openSea() {
	p := d.p
	W, H := float32(d.w), float32(d.h)
	deep, light := hex("#0a3a6a"), hex("#2a7ab0")
	if len(p.tint) > 0 {
		light = light.mix(p.tint[0], 0.25)
	}
	deep, light = d.lit(deep, 0), d.lit(light, 0)
	seed := d.seed + 9400
	rough := p.weather == "storm" || p.weather == "wind" || hasWord(p.words, "rough")
	// Per-pixel noise comes from the precomputed tile, offset by the seed,
	// so open water costs about what the sky does.
	ox, oy := float32(seed%89)*0.37, float32(seed%97)*0.41
	lo, hi := float32(0.78), float32(0.9)
	if rough {
		lo, hi = 0.62, 0.85
	}
	d.rows(0, d.h, func(y0, y1 int) {
		for y := y0; y < y1; y++ {
			for x := 0; x < d.w; x++ {
				fx, fy := float32(x), float32(y)
				n := tile(fx/(260*d.u)+ox, fy/(260*d.u)+oy)
				col := deep.mix(light, n)
				// Swell: long rows of waves, their crests catching the light.
				// Slanted, and multiplied at two unrelated scales, so the
				// tile's repeat does not show as a grid.
				sx, sy := fx+fy*0.31, fy-fx*0.17
				w := tile(sx/(90*d.u)+oy, sy/(14*d.u)+ox)
				col = col.scale(0.9 + 0.2*w)
				f := smoothstep(lo, hi, tile(sx/(30*d.u)+ox*2, sy/(8*d.u)+oy*2)*(0.55+0.6*tile(sy/(170*d.u)+ox, sx/(130*d.u)+oy)))
				col = col.mix(rgb{0.95, 0.97, 1}, f*0.7)
				i := (y*d.w + x) * 3
				d.pix[i], d.pix[i+1], d.pix[i+2] = col.r, col.g, col.b
			}
		}
	})
	if p.el["whale"] {
		x, y := d.xFor("whale", 0.3, 0.7), H*d.rnd(0.35, 0.65)
		s := 220 * d.u
		d.ellipse(x, y, s*0.28, s)
		d.fill(paint{col: deep.mix(rgb{0.1, 0.15, 0.2}, 0.6), alpha: 0.8})
		d.moveTo(x, y+s*0.9)
		d.lineTo(x-s*0.35, y+s*1.3)
		d.lineTo(x, y+s*1.15)
		d.lineTo(x+s*0.35, y+s*1.3)
		d.fill(paint{col: deep.mix(rgb{0.1, 0.15, 0.2}, 0.6), alpha: 0.8})
	}
	for _, k := range []string{"ship", "sailboat", "boat"} {
		if !p.el[k] {
			continue
		}
		n := 1
		if k == "boat" && (hasWord(p.words, "boats") || hasWord(p.words, "harbor")) {
			n = 4
		}
		for i := 0; i < n; i++ {
			x := W * d.rnd(0.2, 0.8)
			if i == 0 {
				x = d.xFor(k, 0.2, 0.8)
			}
			y := H * d.rnd(0.3, 0.7)
			l := float32(110)
			if k == "ship" {
				l = 170
			}
			l *= d.u
			// The wake: two arms of foam fanning out behind.
			for _, side := range []float32{-1, 1} {
				d.line(x+side*l*0.12, y+l*0.4, x+side*l*0.9, y+l*3.2, l*0.07)
			}
			d.line(x, y+l*0.45, x, y+l*2.4, l*0.1)
			d.fillNoInk(paint{col: rgb{1, 1, 1}, alpha: 0.35})
			d.moveTo(x, y-l*0.55)
			d.quadTo(x+l*0.22, y-l*0.1, x+l*0.16, y+l*0.45)
			d.lineTo(x-l*0.16, y+l*0.45)
			d.quadTo(x-l*0.22, y-l*0.1, x, y-l*0.55)
			d.fill(solid(d.lit(hex("#7a4a2a"), 0)))
			if k != "boat" {
				d.ellipse(x, y, l*0.12, l*0.3)
				d.fill(solid(d.lit(hex("#f2ece0"), 0)))
			}
		}
	}
	if p.el["birds"] || p.el["seagulls"] {
		d.birds(6, true)
	}
}

// canopy is a forest from above: crowded tree crowns, each lit on the
// side of the sun, with a cabin's roof in a clearing when there is one.
func (d *painter) canopy() {
	p := d.p
	W, H := float32(d.w), float32(d.h)
	floor := d.lit(hex("#1a2a16"), 0)
	d.rect(-2, -2, W+2, H+2)
	d.fillNoInk(solid(floor))
	snowy := p.season == "winter" || p.el["snow"]
	pine := p.el["pines"] || snowy || hasWord(p.words, "pine")
	cols := p.foliage
	if pine {
		cols = []rgb{hex("#2f5a3a"), hex("#27503a"), hex("#3a6a42")}
	}
	cx, cy := d.xFor(p.main, 0.35, 0.65), H*d.rnd(0.4, 0.6)
	clearing := float32(0)
	if p.el["cabin"] {
		clearing = 120 * d.u
	}
	n := int(W * H / (1500 * d.u * d.u)) // enough crowns to close the canopy
	for i := 0; i < n; i++ {
		x, y := d.rnd(-20, W+20), d.rnd(-20, H+20)
		if clearing > 0 && (x-cx)*(x-cx)+(y-cy)*(y-cy) < clearing*clearing {
			continue
		}
		r := d.rnd(18, 34) * d.u
		col := d.lit(cols[d.rng.IntN(len(cols))], 0)
		hi := col.scale(1.25)
		if snowy {
			// Snow lies on the crowns: white on the lit side, green showing
			// in the shade.
			hi = d.lit(rgb{0.93, 0.95, 0.98}, 0)
			col = col.mix(hi, 0.35)
		}
		d.disc(x+r*0.25, y+r*0.25, r, rgb{0, 0, 0}, 0.3, false) // shadow
		d.disc(x, y, r, col, 1, false)
		d.disc(x-r*0.25, y-r*0.25, r*0.7, hi, 0.55, false)
	}
	if p.el["cabin"] {
		d.disc(cx, cy, clearing*0.9, d.lit(p.grass, 0), 1, false)
		roof := d.lit(hex("#5a3a2a"), 0)
		if snowy {
			roof = d.lit(rgb{0.94, 0.95, 1}, 0)
		}
		d.roofFromAbove(cx, cy, 60*d.u, roof)
		if d.dark() {
			d.glow(cx, cy, 70*d.u, warmLight, 0.5)
		}
	}
}

// topShade darkens a view from above by the light of its time and
// weather, which the sky would otherwise carry.
func (d *painter) topShade() {
	p := d.p
	if p.weather == "cloudy" || p.weather == "overcast" || d.chance(0.4) && p.weather == "clear" {
		p.horizon = float32(d.h)
		d.clouds(float32(d.h), map[string]float32{"clear": 0.12, "cloudy": 0.3, "overcast": 0.55}[p.weather])
	}
	if p.weather == "fog" || p.weather == "mist" {
		d.fogBand(0, d.h, float32(d.h)*0.5, float32(d.h), 0.4, d.fogColour())
	}
}

// interior: a wall with a window onto the scene outside, a sill, and
// whoever sits on it.
func (d *painter) interior() {
	p := d.p
	W, H := float32(d.w), float32(d.h)
	// The view outside is an ordinary landscape.
	saved := *p
	p.el = without(p.el, "cat", "window", "person", "people", "flowers")
	if !hasAny(p.el, landscapeElements...) {
		p.el["hills"], p.el["trees"] = true, true
	}
	d.landscape()
	*p = saved
	// The window's size and place in the wall are the seed's.
	ww := between(0.5, 0.66, p.look.shore)
	wc := between(0.42, 0.58, p.look.sunX)
	wx0, wx1 := W*(wc-ww/2), W*(wc+ww/2)
	wy0, wy1 := H*0.1, H*between(0.6, 0.72, p.look.horizon)
	wall := d.lit(hex("#c8a888"), 0.05).mix(rgb{0.9, 0.85, 0.8}, 0.3)
	if p.lt.night {
		wall = hex("#5a4030") // lamp-lit room
	}
	// Wall with a hole: the window opening winds the other way.
	d.moveTo(-2, -2)
	d.lineTo(W+2, -2)
	d.lineTo(W+2, H+2)
	d.lineTo(-2, H+2)
	d.moveTo(wx0, wy0)
	d.lineTo(wx0, wy1)
	d.lineTo(wx1, wy1)
	d.lineTo(wx1, wy0)
	pt := vgrad(wall.scale(0.8), wall, 0, H)
	pt.tex, pt.texAmt = texNoise, 0.08
	d.fillNoInk(pt)
	frame := hex("#f0ece4").mul(p.lt.ambient.mix(rgb{1, 1, 1}, 0.5))
	fw := 10 * d.u
	d.rect(wx0-fw, wy0-fw, wx1+fw, wy0)
	d.rect(wx0-fw, wy0, wx0, wy1)
	d.rect(wx1, wy0, wx1+fw, wy1)
	d.rect((wx0+wx1)/2-fw/2, wy0, (wx0+wx1)/2+fw/2, wy1)
	d.rect(wx0, (wy0+wy1)/2-fw/2, wx1, (wy0+wy1)/2+fw/2)
	d.fill(solid(frame))
	// The sill.
	d.rect(wx0-fw*4, wy1, wx1+fw*4, wy1+fw*2.5)
	d.fill(vgrad(frame, frame.scale(0.8), wy1, wy1+fw*2.5))
	d.rect(wx0-fw*3, wy1+fw*2.5, wx1+fw*3, wy1+fw*4)
	d.fill(solid(frame.scale(0.6)))
	if hasWord(p.words, "library") || hasWord(p.words, "book") || hasWord(p.words, "study") {
		d.bookshelves(0, wx0-fw*5, H)
		d.bookshelves(wx1+fw*5, W, H)
	}
	if hasWord(p.words, "fireplace") || hasWord(p.words, "hearth") || hasWord(p.words, "fire") {
		d.fireplace(W*0.5, H, W*0.36)
	}
	if p.el["cat"] {
		// On the sill, inside the window whatever its place.
		x := min(max(d.xFor("cat", 0.35, 0.6), wx0+W*0.1), wx1-W*0.1)
		d.cat(x, wy1+2*d.u, d.zoomed("cat", 190*d.u))
	}
	if p.el["flowers"] || d.chance(0.5) {
		x := wx0 + (wx1-wx0)*0.82
		d.poly(x-22*d.u, wy1-50*d.u, x+22*d.u, wy1-50*d.u, x+16*d.u, wy1, x-16*d.u, wy1)
		d.fill(solid(hex("#b0603a")))
		for i := 0; i < 7; i++ {
			d.disc(x+d.rnd(-30, 30)*d.u, wy1-d.rnd(60, 110)*d.u, 9*d.u, d.lit(p.accent, 0), 1, false)
		}
	}
	if p.lt.night && !d.st.hardEdge {
		d.glow(W*0.05, H*0.9, W*0.3, warmLight, 0.25)
	}
}

// bookshelves fills x0..x1 with shelves of books from the ceiling down.
func (d *painter) bookshelves(x0, x1, bottom float32) {
	if x1-x0 < 10*d.u {
		return
	}
	wood := d.lit(hex("#5a3a22"), 0)
	d.rect(x0, -2, x1, bottom+2)
	d.fill(solid(wood.scale(0.7)))
	spines := []rgb{hex("#8a2a2a"), hex("#2a4a6a"), hex("#3a5a2a"), hex("#a8843a"), hex("#5a2a4a"), hex("#c8b890")}
	shelf := 110 * d.u
	for y := 20 * d.u; y+shelf < bottom; y += shelf {
		d.rect(x0, y+shelf-10*d.u, x1, y+shelf)
		d.fill(solid(wood))
		for x := x0 + 6*d.u; x < x1-6*d.u; {
			bw := d.rnd(10, 22) * d.u
			bh := shelf * d.rnd(0.6, 0.85)
			d.rect(x, y+shelf-10*d.u-bh, min(x+bw, x1-4*d.u), y+shelf-10*d.u)
			d.fill(solid(d.lit(spines[d.rng.IntN(len(spines))], 0)))
			x += bw + d.rnd(1, 3)*d.u
		}
	}
}

// fireplace is a stone hearth with a fire burning, its glow warming the
// room.
func (d *painter) fireplace(cx, bottom, w float32) {
	h := w * 0.8
	stone := d.lit(hex("#8a7a6a"), 0)
	d.rect(cx-w/2, bottom-h, cx+w/2, bottom)
	pt := solid(stone)
	pt.tex, pt.texAmt, pt.texScale = texNoise, 0.35, 10*d.u
	d.fill(pt)
	d.rect(cx-w*0.6, bottom-h-18*d.u, cx+w*0.6, bottom-h)
	d.fill(solid(stone.scale(0.8)))
	// The opening, and the fire in it.
	ow, oh := w*0.6, h*0.6
	d.moveTo(cx-ow/2, bottom)
	d.lineTo(cx-ow/2, bottom-oh*0.7)
	d.quadTo(cx, bottom-oh*1.15, cx+ow/2, bottom-oh*0.7)
	d.lineTo(cx+ow/2, bottom)
	d.fill(solid(hex("#140c08")))
	for i := 0; i < 5; i++ {
		fx := cx + (float32(i)-2)*ow*0.13
		fh := oh * d.rnd(0.35, 0.6)
		d.moveTo(fx-ow*0.1, bottom-4*d.u)
		d.quadTo(fx-ow*0.08, bottom-fh*0.6, fx, bottom-fh)
		d.quadTo(fx+ow*0.08, bottom-fh*0.6, fx+ow*0.1, bottom-4*d.u)
		d.fillNoInk(paint{col: []rgb{hex("#ff8a1e"), hex("#ffc83a"), hex("#ff5a1a")}[i%3], alpha: 0.9})
	}
	d.glow(cx, bottom-oh*0.3, w*1.2, hex("#ff9a3a"), 0.45)
}

// table: a close-up still life on a wooden table: a bowl (ramen when the
// words say so), chopsticks and steam, against a warm blurred room.
func (d *painter) table() {
	p := d.p
	W, H := float32(d.w), float32(d.h)
	top := H * between(0.38, 0.56, p.look.horizon)
	back := hex("#3a2a22").mix(p.accent, 0.1)
	d.rect(-2, -2, W+2, top+2)
	d.fillNoInk(vgrad(back.scale(0.6), back, 0, top))
	// Out-of-focus lights behind.
	for i := 0; i < 14; i++ {
		c := warmLight.mix(hex("#ff8a5a"), d.rng.Float32())
		d.disc(d.rnd(0, W), d.rnd(0, top*0.9), d.rnd(15, 45)*d.u, c, 0.18, true)
	}
	wood := hex("#8a5a34")
	d.rect(-2, top, W+2, H+2)
	pt := vgrad(wood.scale(0.7), wood, top, H)
	pt.tex, pt.texAmt, pt.texScale = texStreakH, 0.45, 8*d.u
	d.fill(pt)
	for k := 1; k < 4; k++ {
		y := top + (H-top)*float32(k*k)/16
		d.fillRect(0, y, W, y+1.5*d.u, wood.scale(0.45), 0.8)
	}
	// The camera's distance sizes the bowl; the table's edge carries it.
	zk := min(1+(p.look.zoom-1)*0.5, 1.2)
	cx, cy := W*between(0.4, 0.6, p.look.sunX), top+H*0.14
	if fs := p.foodSubject(); fs != nil {
		// Food with a shape of its own (food.go): a cake, bread, a glass.
		foodDrawers[fs.Category](d, fs, cx, cy+H*0.06, W*0.32*zk)
		return
	}
	if !(p.el["bowl"] || p.el["food"]) {
		return
	}
	rx, ry := W*0.3*zk, H*0.09*zk
	// Bowl body, then the rim with the soup inside.
	d.moveTo(cx-rx, cy)
	d.cubeTo(cx-rx, cy+ry*3.2, cx+rx, cy+ry*3.2, cx+rx, cy)
	bowl := hex("#2a2a30")
	if len(p.tint) > 0 {
		bowl = p.tint[0].scale(0.7)
	}
	d.fill(vgrad(bowl.scale(1.4), bowl.scale(0.6), cy, cy+ry*2.5))
	d.ellipse(cx, cy, rx, ry)
	d.fill(solid(bowl.mix(rgb{0.9, 0.9, 0.9}, 0.5)))
	ramen := hasWord(p.words, "ramen") || hasWord(p.words, "noodle") || hasWord(p.words, "soup") || hasWord(p.words, "pho")
	fruit := hasWord(p.words, "fruit") || hasWord(p.words, "apple") || hasWord(p.words, "orange") || hasWord(p.words, "berries") || hasWord(p.words, "grape")
	hot := ramen || hasWord(p.words, "rice") || hasWord(p.words, "stew") || hasWord(p.words, "curry") || hasWord(p.words, "dumpling")
	broth := hex("#d8943a")
	if !ramen {
		broth = hex("#c8b890")
	}
	if fruit {
		broth = hex("#5a3a24") // the shadow inside the bowl, under the fruit
	}
	d.ellipse(cx, cy+ry*0.08, rx*0.9, ry*0.82)
	d.fill(vgrad(broth.scale(1.1), broth.scale(0.8), cy-ry, cy+ry))
	if ramen {
		noodle := hex("#f2d68a")
		for k := 0; k < 9; k++ {
			y := cy + d.rnd(-0.4, 0.6)*ry
			x0 := cx - rx*0.7
			d.moveTo(x0, y)
			for i := 1; i <= 12; i++ {
				d.lineTo(x0+float32(i)*rx*0.12, y+float32(math.Sin(float64(i)+float64(k)))*ry*0.12)
			}
			for i := 12; i >= 0; i-- {
				d.lineTo(x0+float32(i)*rx*0.12, y+float32(math.Sin(float64(i)+float64(k)))*ry*0.12+3*d.u)
			}
		}
		d.fill(solid(noodle))
		// Egg halves, pork, nori, spring onion.
		for _, ex := range []float32{-0.35, 0.05} {
			d.ellipse(cx+ex*rx, cy-ry*0.15, rx*0.14, ry*0.38)
			d.fill(solid(hex("#f8f4ec")))
			d.ellipse(cx+ex*rx, cy-ry*0.15, rx*0.07, ry*0.2)
			d.fill(solid(hex("#f0a020")))
		}
		d.ellipse(cx+rx*0.42, cy+ry*0.1, rx*0.2, ry*0.4)
		d.fill(solid(hex("#c88a6a")))
		d.poly(cx-rx*0.75, cy-ry*0.6, cx-rx*0.55, cy-ry*0.75, cx-rx*0.5, cy+ry*0.1, cx-rx*0.7, cy+ry*0.2)
		d.fill(solid(hex("#1a2a1a")))
		for i := 0; i < 40; i++ {
			d.disc(cx+d.rnd(-0.6, 0.6)*rx, cy+d.rnd(-0.5, 0.6)*ry, 3.5*d.u, hex("#5ab83a"), 1, false)
		}
	}
	if fruit {
		// A heap of apples, oranges and grapes rising above the rim.
		cols := []rgb{hex("#c8282a"), hex("#f08a1e"), hex("#e8c83a"), hex("#7aa83a"), hex("#6a2a6a")}
		// A heap: a wide row in the bowl, narrower rows piled above it.
		for row, n := range []int{6, 4, 2} {
			for i := 0; i < n; i++ {
				t := (float32(i) + 0.5) / float32(n)
				spread := rx * (0.75 - 0.2*float32(row))
				fx := cx + (t*2-1)*spread + d.rnd(-0.05, 0.05)*rx
				fy := cy + ry*0.2 - float32(row)*ry*0.95 + d.rnd(-0.1, 0.1)*ry
				r := d.rnd(0.15, 0.19) * rx
				c := d.lit(cols[d.rng.IntN(len(cols))], 0)
				d.disc(fx, fy, r, c, 1, false)
				d.disc(fx-r*0.3, fy-r*0.35, r*0.35, c.mix(rgb{1, 1, 1}, 0.45), 0.7, false)
			}
		}
		// The bowl's front rim covers the lowest fruit.
		d.moveTo(cx-rx, cy)
		d.cubeTo(cx-rx, cy+ry*3.2, cx+rx, cy+ry*3.2, cx+rx, cy)
		d.cubeTo(cx+rx*0.9, cy+ry*0.9, cx-rx*0.9, cy+ry*0.9, cx-rx, cy)
		d.fill(vgrad(bowl.scale(1.4), bowl.scale(0.6), cy, cy+ry*2.5))
		return
	}
	if !hot {
		return
	}
	// Chopsticks resting across the bowl.
	d.line(cx-rx*0.2, cy-ry*1.4, cx+rx*1.3, cy+ry*0.6, 7*d.u)
	d.line(cx-rx*0.1, cy-ry*1.55, cx+rx*1.35, cy+ry*0.35, 7*d.u)
	d.fill(solid(hex("#c89a5a")))
	// Steam.
	for k := 0; k < 3; k++ {
		x := cx + float32(k-1)*rx*0.3
		for i := 0; i < 10; i++ {
			t := float32(i) / 9
			d.ellipse(x+float32(math.Sin(float64(t*6+float32(k))))*20*d.u, cy-ry-t*H*0.3, (12+14*t)*d.u, (10+8*t)*d.u)
		}
	}
	d.fillNoInk(paint{col: rgb{1, 1, 1}, alpha: 0.12})
}

// street: a street running away from the viewer between lit facades, wet
// and reflecting when it rains; a night market when there are lanterns.
func (d *painter) street() {
	p := d.p
	W, H := float32(d.w), float32(d.h)
	p.horizon = H * between(0.4, 0.6, p.look.horizon)
	hz := p.horizon
	d.skyLayer()
	if p.el["tower"] {
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
	}
	if p.el["car"] {
		d.car(W*0.5, H*0.95, 130*d.u)
	}
	d.weatherLayer(hz)
}

// portrait: a head-and-shoulders figure against the scene's setting,
// weathered and bearded when the words say old, lit from one side.
func (d *painter) portrait() {
	p := d.p
	W, H := float32(d.w), float32(d.h)
	bg := *p
	p.el = without(p.el, "person", "people")
	if !hasAny(p.el, landscapeElements...) {
		p.el["hills"] = true
	}
	if hasWord(p.words, "fisherman") || hasWord(p.words, "sailor") {
		p.el["sea"] = true
		p.el["boat"] = true
	}
	p.horizon = H * between(0.42, 0.64, p.look.horizon)
	d.landscape()
	bg.horizon, bg.sunX, bg.sunY = p.horizon, p.sunX, p.sunY
	*p = bg
	// Soften the background as a shallow focus would.
	d.fogBand(0, d.h, H*0.5, H*0.6, 0.35, p.haze)
	cx := d.xFor("person", 0.36, 0.64)
	old := hasWord(p.words, "elderly") || hasWord(p.words, "old") || hasWord(p.words, "aged")
	skin := hex("#d8a07a")
	if old {
		skin = hex("#c8906a")
	}
	robot := hasWord(p.words, "robot") || hasWord(p.words, "android") || hasWord(p.words, "droid") || hasWord(p.words, "cyborg")
	if robot {
		skin = hex("#9aa4ae")
	}
	skin = skin.mul(p.lt.ambient.mix(rgb{1, 1, 1}, 0.5))
	coat := hex("#e8b82a") // a fisherman's oilskin
	switch {
	case robot:
		coat = skin.scale(0.75)
	case hasWord(p.words, "knight"):
		coat = d.lit(hex("#8a9098"), 0) // armour
	case !hasWord(p.words, "fisherman"):
		coat = p.accent.scale(0.7)
	}
	if len(p.subjects) > 0 {
		if c, ok := factColour(&p.subjects[0]); ok {
			coat = c.scale(0.85) // "a woman in a green dress"
		}
	}
	coat = coat.mul(p.lt.ambient.mix(rgb{1, 1, 1}, 0.4))
	// The camera's distance: a head and shoulders, or a closer face.
	zk := 1 + (p.look.zoom-1)*0.35
	hr := W * 0.13 * zk
	hy := H * (0.45 + (zk-1)*0.25)
	// Shoulders.
	d.moveTo(cx-W*0.42, H+2)
	d.cubeTo(cx-W*0.4, H*0.72, cx-W*0.2, H*0.66, cx, H*0.66)
	d.cubeTo(cx+W*0.2, H*0.66, cx+W*0.4, H*0.72, cx+W*0.42, H+2)
	d.fill(vgrad(coat.scale(1.15), coat.scale(0.6), H*0.66, H))
	woman := hasWord(p.words, "woman") || hasWord(p.words, "women") || hasWord(p.words, "girl") || hasWord(p.words, "lady") ||
		hasWord(p.words, "queen") || hasWord(p.words, "princess") || hasWord(p.words, "bride") || hasWord(p.words, "mother") ||
		hasWord(p.words, "grandmother") || hasWord(p.words, "actress") || hasWord(p.words, "she") ||
		hasWord(p.words, "witch") || hasWord(p.words, "sorceress")
	hair := hex("#4a3020")
	switch {
	case old:
		hair = hex("#c8c4bc")
	case hasWord(p.words, "blonde") || hasWord(p.words, "blond") || hasWord(p.words, "golden-haired"):
		hair = hex("#d8b060")
	case hasWord(p.words, "redhead") || hasWord(p.words, "red-haired") || hasWord(p.words, "ginger"):
		hair = hex("#a84a20")
	case hasWord(p.words, "black-haired") || hasWord(p.words, "dark-haired"):
		hair = hex("#1e1814")
	}
	hair = hair.mul(p.lt.ambient.mix(rgb{1, 1, 1}, 0.5))
	wizard := hasWord(p.words, "wizard") || hasWord(p.words, "witch") || hasWord(p.words, "sorcerer") || hasWord(p.words, "mage")
	old = old || wizard && !woman // a wizard's long white beard
	hat := hasWord(p.words, "fisherman") || hasWord(p.words, "sailor") || hasWord(p.words, "knight") || hasWord(p.words, "soldier") || wizard
	if woman && !hat {
		// Long hair falls behind the head to the shoulders.
		d.moveTo(cx-hr*0.95, hy-hr*0.2)
		d.cubeTo(cx-hr*1.05, hy-hr*1.35, cx+hr*1.05, hy-hr*1.35, cx+hr*0.95, hy-hr*0.2)
		d.cubeTo(cx+hr*1.05, hy+hr*0.8, cx+hr*1.2, hy+hr*1.6, cx+hr*1.05, hy+hr*2.0)
		d.lineTo(cx-hr*1.05, hy+hr*2.0)
		d.cubeTo(cx-hr*1.2, hy+hr*1.6, cx-hr*1.05, hy+hr*0.8, cx-hr*0.95, hy-hr*0.2)
		pt := vgrad(hair.scale(1.1), hair.scale(0.7), hy-hr, hy+hr*2)
		pt.tex, pt.texAmt, pt.texScale = texStreakV, 0.35, 3*d.u
		d.fill(pt)
	}
	// Neck and head.
	d.rect(cx-hr*0.45, hy+hr*0.6, cx+hr*0.45, H*0.7)
	d.fill(solid(skin.scale(0.8)))
	d.ellipse(cx, hy, hr*0.82, hr)
	d.fill(vgrad(skin.scale(1.1), skin.scale(0.75), hy-hr, hy+hr))
	// Shade the far side of the face.
	d.moveTo(cx+hr*0.1, hy-hr)
	d.cubeTo(cx+hr*1.2, hy-hr, cx+hr*1.0, hy+hr, cx+hr*0.1, hy+hr)
	d.cubeTo(cx+hr*0.5, hy+hr*0.5, cx+hr*0.5, hy-hr*0.5, cx+hr*0.1, hy-hr)
	d.fillNoInk(paint{col: skin.scale(0.55), alpha: 0.5})
	if robot {
		// Glowing optical sensors, a speaker grille and an antenna.
		for _, ex := range []float32{-0.32, 0.32} {
			d.disc(cx+ex*hr, hy-hr*0.1, hr*0.16, hex("#1a2a34"), 1, false)
			d.disc(cx+ex*hr, hy-hr*0.1, hr*0.1, hex("#5af0ff"), 1, false)
			d.glow(cx+ex*hr, hy-hr*0.1, hr*0.35, hex("#5af0ff"), 0.5)
		}
		for k := 0; k < 3; k++ {
			y := hy + hr*(0.35+float32(k)*0.12)
			d.line(cx-hr*0.3, y, cx+hr*0.3, y, hr*0.05)
		}
		d.line(cx, hy-hr, cx, hy-hr*1.45, hr*0.06)
		d.fillNoInk(solid(skin.scale(0.45)))
		d.disc(cx, hy-hr*1.45, hr*0.1, hex("#ff5a3a"), 1, false)
		d.weatherLayer(p.horizon)
		return
	}
	// The nose: a soft shadow down one side and under the tip.
	d.moveTo(cx+hr*0.02, hy-hr*0.1)
	d.quadTo(cx+hr*0.12, hy+hr*0.15, cx+hr*0.14, hy+hr*0.26)
	d.quadTo(cx, hy+hr*0.33, cx-hr*0.12, hy+hr*0.26)
	d.quadTo(cx, hy+hr*0.22, cx+hr*0.02, hy-hr*0.1)
	d.fillNoInk(paint{col: skin.scale(0.6), alpha: 0.55})
	if old {
		// A full grey beard along the jaw and chin, the cheeks left bare,
		// a moustache over the mouth: a weathered face, not a mask.
		beard := hex("#d8d4cc").mul(p.lt.ambient.mix(rgb{1, 1, 1}, 0.5))
		d.moveTo(cx-hr*0.8, hy-hr*0.05)
		d.cubeTo(cx-hr*0.85, hy+hr*1.55, cx+hr*0.85, hy+hr*1.55, cx+hr*0.8, hy-hr*0.05)
		d.cubeTo(cx+hr*0.62, hy+hr*0.35, cx+hr*0.4, hy+hr*0.5, cx+hr*0.22, hy+hr*0.5)
		d.lineTo(cx-hr*0.22, hy+hr*0.5)
		d.cubeTo(cx-hr*0.4, hy+hr*0.5, cx-hr*0.62, hy+hr*0.35, cx-hr*0.8, hy-hr*0.05)
		pt := solid(beard)
		pt.tex, pt.texAmt, pt.texScale = texStreakV, 0.4, 2*d.u
		d.fill(pt)
		// Moustache and the line of the mouth beneath it.
		d.moveTo(cx-hr*0.34, hy+hr*0.52)
		d.cubeTo(cx-hr*0.2, hy+hr*0.3, cx+hr*0.2, hy+hr*0.3, cx+hr*0.34, hy+hr*0.52)
		d.cubeTo(cx+hr*0.15, hy+hr*0.44, cx-hr*0.15, hy+hr*0.44, cx-hr*0.34, hy+hr*0.52)
		d.fillNoInk(solid(beard.scale(0.92)))
		d.line(cx-hr*0.16, hy+hr*0.58, cx+hr*0.16, hy+hr*0.58, hr*0.05)
		d.fillNoInk(solid(hex("#5a3a34").mul(p.lt.ambient.mix(rgb{1, 1, 1}, 0.5))))
		// Wrinkles.
		for k := 0; k < 3; k++ {
			y := hy - hr*(0.45+float32(k)*0.1)
			d.line(cx-hr*0.35, y, cx+hr*0.35, y, 1.5*d.u)
		}
		d.fillNoInk(paint{col: skin.scale(0.6), alpha: 0.5})
	}
	// Eyes and brows.
	for _, ex := range []float32{-0.32, 0.32} {
		d.ellipse(cx+ex*hr, hy-hr*0.12, hr*0.09, hr*0.05)
		d.line(cx+ex*hr-hr*0.14, hy-hr*0.27, cx+ex*hr+hr*0.14, hy-hr*0.25, hr*0.05)
	}
	d.fillNoInk(solid(hex("#2a2020")))
	if wizard {
		// A tall pointed hat with a wide brim.
		cap := d.lit(hex("#3a2a6a"), 0)
		d.ellipse(cx, hy-hr*0.55, hr*1.5, hr*0.22)
		d.fill(solid(cap.scale(0.85)))
		d.moveTo(cx-hr*0.85, hy-hr*0.6)
		d.quadTo(cx-hr*0.2, hy-hr*1.6, cx+hr*0.5, hy-hr*2.7)
		d.quadTo(cx+hr*0.3, hy-hr*1.5, cx+hr*0.85, hy-hr*0.6)
		d.fill(solid(cap))
	} else if hat {
		// A sou'wester, a sailor's knitted cap, or a helmet.
		cap := hex("#2a3a5a")
		switch {
		case hasWord(p.words, "fisherman"):
			cap = coat.scale(0.9)
		case hasWord(p.words, "knight") || hasWord(p.words, "soldier"):
			cap = d.lit(hex("#9aa0a8"), 0)
		}
		d.moveTo(cx-hr*0.95, hy-hr*0.35)
		d.cubeTo(cx-hr*0.95, hy-hr*1.45, cx+hr*0.95, hy-hr*1.45, cx+hr*0.95, hy-hr*0.35)
		d.lineTo(cx+hr*1.1, hy-hr*0.25)
		d.lineTo(cx-hr*1.1, hy-hr*0.25)
		d.fill(solid(cap))
	} else {
		// Hair over the crown and forehead, parted to one side.
		d.moveTo(cx-hr*0.88, hy-hr*0.15)
		d.cubeTo(cx-hr*1.0, hy-hr*1.4, cx+hr*1.0, hy-hr*1.4, cx+hr*0.88, hy-hr*0.15)
		d.cubeTo(cx+hr*0.7, hy-hr*0.55, cx+hr*0.2, hy-hr*0.7, cx-hr*0.15, hy-hr*0.55)
		d.cubeTo(cx-hr*0.5, hy-hr*0.5, cx-hr*0.75, hy-hr*0.4, cx-hr*0.88, hy-hr*0.15)
		pt := vgrad(hair.scale(1.15), hair.scale(0.8), hy-hr*1.1, hy)
		pt.tex, pt.texAmt, pt.texScale = texStreakV, 0.3, 2*d.u
		d.fill(pt)
	}
	d.heldThing(cx, hy, hr, skin, coat)
	d.weatherLayer(p.horizon)
}

// heldThing draws what a portrait's words put in the person's hand ("a
// knight holding a sword", "a wizard with a staff") upright beside the
// head, on the side with more room, the hand (or gauntlet) around it.
func (d *painter) heldThing(cx, hy, hr float32, skin, coat rgb) {
	p := d.p
	W, H := float32(d.w), float32(d.h)
	sx := float32(1)
	if cx > W/2 {
		sx = -1
	}
	x := cx + sx*W*0.3
	hand := skin
	if hasWord(p.words, "knight") || hasWord(p.words, "soldier") || hasWord(p.words, "paladin") {
		hand = coat.scale(1.1) // a gauntlet
	}
	amb := p.lt.ambient.mix(rgb{1, 1, 1}, 0.5)
	switch {
	case hasWord(p.words, "sword") || hasWord(p.words, "swords") || hasWord(p.words, "longsword") || hasWord(p.words, "blade"):
		steel := hex("#d0d6dc").mul(amb)
		bw := W * 0.028
		tip := hy - hr*1.3
		guard := H * 0.8
		// The blade, lit on its left edge, with its fuller down the middle.
		d.poly(x-bw/2, guard, x-bw/2, tip+bw*2, x, tip, x+bw/2, tip+bw*2, x+bw/2, guard)
		d.fill(solid(steel.scale(0.78)))
		d.poly(x-bw/2, guard, x-bw/2, tip+bw*2, x, tip, x, guard)
		d.fillNoInk(solid(steel))
		d.line(x, guard-bw, x, tip+bw*3, bw*0.14)
		d.fillNoInk(paint{col: steel.scale(0.6), alpha: 0.7})
		// Crossguard, grip and pommel.
		brass := hex("#b8903a").mul(amb)
		d.roundRect(x-bw*2.6, guard, x+bw*2.6, guard+bw*0.9, bw*0.3)
		d.fill(vgrad(brass.scale(1.2), brass.scale(0.7), guard, guard+bw*0.9))
		d.rect(x-bw*0.4, guard+bw*0.9, x+bw*0.4, H+2)
		d.fill(solid(hex("#4a2e1e").mul(amb)))
		d.ellipse(x, guard+bw*3.2, bw*1.1, bw*1.4)
		d.fill(vgrad(hand.scale(1.1), hand.scale(0.75), guard+bw*1.8, guard+bw*4.6))
	case hasWord(p.words, "staff") || hasWord(p.words, "spear"):
		wood := hex("#6a4428").mul(amb)
		top := hy - hr*1.6
		d.line(x, H+2, x, top, W*0.018)
		d.fill(solid(wood))
		if hasWord(p.words, "spear") {
			steel := hex("#c8ced4").mul(amb)
			d.poly(x-W*0.02, top, x, top-W*0.08, x+W*0.02, top)
			d.fill(solid(steel))
		} else {
			// A glowing stone set in the staff's head.
			d.disc(x, top-W*0.02, W*0.03, hex("#8ae0ff"), 1, false)
			d.glow(x, top-W*0.02, W*0.05, hex("#8ae0ff"), 0.5)
		}
		d.ellipse(x, H*0.86, W*0.03, W*0.04)
		d.fill(vgrad(hand.scale(1.1), hand.scale(0.75), H*0.82, H*0.9))
	case hasWord(p.words, "wand"):
		d.line(x, H*0.88, x+sx*W*0.05, H*0.66, W*0.008)
		d.fill(solid(hex("#3a2418").mul(amb)))
		d.glow(x+sx*W*0.05, H*0.66, W*0.02, hex("#fff0b0"), 0.6)
		d.ellipse(x, H*0.89, W*0.03, W*0.035)
		d.fill(vgrad(hand.scale(1.1), hand.scale(0.75), H*0.85, H*0.93))
	}
}

// without returns a copy of m without keys.
func without(m map[string]bool, keys ...string) map[string]bool {
	c := make(map[string]bool, len(m))
	for k, v := range m {
		c[k] = v
	}
	for _, k := range keys {
		delete(c, k)
	}
	return c
}

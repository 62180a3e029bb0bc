package canvas

import "math"

// aerial.go draws views from straight above: islands, farmland, rooftops, open sea and forest canopy.

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
	d.painted("beach") // the ring of sand
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

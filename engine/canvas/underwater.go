package canvas

import "math"

// underwater.go draws the world under the sea: its light, the seabed, coral, fish and whales.

// underwater: light from the surface in rays, deepening blue, a sandy
// floor with coral and kelp, fish, jellyfish and bubbles.
func (d *painter) underwater() {
	d.painted("underwater", "sea")
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
	for i := range p.subjects {
		if sub := &p.subjects[i]; submerged(sub) {
			col := hex("#6a7480")
			if c, ok := factColour(sub); ok {
				col = c
			}
			d.submarine(d.xFor("underwater", 0.35, 0.65), H*0.42, 110*d.u, col.mix(deep, 0.15)) // vehicles_kinds.go
			d.paintedSub(sub)
			break
		}
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
		// The fish subject as counted, in its colour, larger when few
		// ("three clownfish"); else a school.
		fs := p.subjectOf("fish")
		n, big := countOf(fs, 14), float32(1)
		if c, ok := colourOf(fs); ok {
			col = c // its own colour, not the water's
		} else if fs != nil && bodyPlan(fs.Noun) == "shark" {
			col = hex("#6a7a88").mix(deep, 0.15) // a shark's grey
		}
		if fs != nil && fs.Count > 0 || fs != nil && p.main == "fish" && !fs.Plural {
			n = countOf(fs, 1)
			big = min(4, 6/float32(n+1))
		} else if fs != nil && p.main == "fish" {
			n, big = 10, 2.2 // "sardines": a school near enough to see
		}
		for i := 0; i < n; i++ {
			x, y := sx+float32(d.rng.NormFloat64())*W*0.1, sy+float32(d.rng.NormFloat64())*H*0.06
			l := d.rnd(14, 30) * d.u * big
			if big > 1 && n <= maxCount && (fs.Count > 0 || !fs.Plural) {
				l = W * 0.32 * min(1, 2/float32(n+1)) * d.rnd(0.85, 1.1)
				x = W * (0.5 + ((float32(i)+0.5)/float32(n)-0.5)*0.75)
				y = H * (0.4 + 0.12*float32(i%2))
			}
			d.fish(x, y, l, dir, col)
			if fs != nil && bodyPlan(fs.Noun) == "shark" {
				// The dorsal fin and a pale belly.
				d.poly(x-dir*l*0.05, y-l*0.12, x+dir*l*0.05, y-l*0.3, x+dir*l*0.15, y-l*0.1)
				d.fill(solid(col.scale(0.85)))
				d.ellipse(x+dir*l*0.1, y+l*0.07, l*0.3, l*0.05)
				d.fillNoInk(paint{col: rgb{0.9, 0.92, 0.94}, alpha: 0.6})
			}
			if big > 1 {
				d.disc(x+dir*l*0.3, y-l*0.04, l*0.04, hex("#101418"), 1, false)
			}
		}
	}
	d.seaLife(floor) // a mermaid, an octopus, a turtle, a starfish (fantasy.go)
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
	d.painted("coral")
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
	d.painted("whale")
	col := hex("#1a2a3e")
	if c, ok := colourOf(d.p.subjectOf("whale")); ok {
		col = c.scale(0.8) // "a blue whale", "a pink dolphin"
	}
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

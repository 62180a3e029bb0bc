package canvas

import "math"

// lit returns a land colour under the scene's light, faded towards the haze
// by depth (0 near, 1 at the horizon): atmospheric perspective.
func (d *painter) lit(c rgb, depth float32) rgb {
	return c.mul(d.p.lt.ambient).mix(d.p.haze, clamp01(depth)*0.85)
}

// ridgePath adds a closed shape whose top edge follows ys (sampled evenly
// across the picture) and whose bottom is at bottom.
func (d *painter) ridgePath(ys []float32, bottom float32) {
	n := len(ys)
	step := float32(d.w+8) / float32(n-1)
	d.moveTo(-4, bottom)
	for i, y := range ys {
		d.lineTo(-4+float32(i)*step, y)
	}
	d.lineTo(float32(d.w)+4, bottom)
}

func (d *painter) samples() int { return max(d.w/4, 64) }

// mountains draws layered ranges from far (pale, hazy) to near (dark),
// with snow on the peaks in winter or when the scene has snow.
func (d *painter) mountains(layers int, top, bottom float32, snowy bool) {
	d.painted("mountains")
	p := d.p
	n := d.samples()
	rock := hex("#5b6478")
	if p.season == "autumn" {
		rock = hex("#6a5a58")
	}
	if p.el["canyon"] || p.el["desert"] || p.el["dunes"] {
		rock = hex("#a0583a")
	}
	// "blue mountains": their own colour, less lost in the haze.
	haze := float32(1)
	if c, ok := p.placeColourOK("mountains"); ok {
		rock, haze = c, 0.4
	}
	for l := 0; l < layers; l++ {
		depth := 1 - float32(l)/float32(layers) // 1 far .. near
		amp := (bottom - top) * (0.55 + 0.45*depth)
		base := bottom - amp*0.25
		seed := d.seed + uint32(l)*17 + 300
		freq := d.rnd(2.2, 3.6) * (1 + float32(l)*0.4)
		off := d.rnd(0, 100)
		ys := make([]float32, n)
		peak := float32(math.Inf(1))
		for i := range ys {
			fx := float32(i)/float32(n-1)*freq + off
			r := ridged1(fx, 5, seed)
			ys[i] = base - amp*r*0.95
			peak = min(peak, ys[i])
		}
		col := d.lit(rock.scale(0.75+0.25*depth), (0.15+depth*0.65)*haze)
		bot := d.lit(rock, (0.6+depth*0.4)*haze).mix(p.haze, 0.35*haze)
		d.ridgePath(ys, bottom+2)
		pt := vgrad(col, bot, peak, bottom)
		pt.tex, pt.texAmt, pt.texScale = texNoise, 0.12, 30*d.u
		d.fill(pt)
		if snowy {
			snowLine := peak + (bottom-peak)*d.rnd(0.3, 0.45)
			snow := d.lit(hex("#f4f7fb"), depth*0.5)
			d.moveTo(-4, snowLine)
			step := float32(d.w+8) / float32(n-1)
			for i, y := range ys {
				d.lineTo(-4+float32(i)*step, y)
			}
			for i := n - 1; i >= 0; i-- {
				x := -4 + float32(i)*step
				jag := (noise1(float32(i)*0.15, seed+5) - 0.5) * (bottom - peak) * 0.2
				d.lineTo(x, max(ys[i], snowLine+jag))
			}
			sp := vgrad(snow, snow.mix(col, 0.3), peak, snowLine)
			d.fill(sp)
		}
	}
}

// volcano draws a cone with a glowing crater and a plume.
func (d *painter) volcano(bottom float32) {
	d.painted("volcano")
	cx := float32(d.w) * d.rnd(0.35, 0.65)
	top := bottom - float32(d.h)*0.3
	hw := float32(d.w) * 0.35
	cw := float32(d.w) * 0.05
	d.moveTo(cx-hw, bottom)
	d.quadTo(cx-cw*2, top+20*d.u, cx-cw, top)
	d.lineTo(cx+cw, top)
	d.quadTo(cx+cw*2, top+20*d.u, cx+hw, bottom)
	col := d.lit(d.p.placeColour(hex("#4a3a38"), "volcano"), 0.3)
	d.fill(vgrad(col, col.scale(0.7), top, bottom))
	d.glow(cx, top, 25*d.u, hex("#ff5a1e"), 0.8)
	// Smoke plume.
	for i := 0; i < 9; i++ {
		t := float32(i) / 8
		r := (20 + 60*t) * d.u
		d.ellipse(cx+t*t*120*d.u, top-t*220*d.u, r, r*0.8)
		d.fillNoInk(paint{col: rgb{0.35, 0.33, 0.33}, alpha: 0.35 * (1 - t*0.6)})
	}
}

// canyon draws flat-topped mesas with strata.
// canyonWalls is the view from inside a canyon: layered red rock walls
// rising on both sides and narrowing to a gap far away, a sandy floor
// (or a river, when there is one) winding between them.
func (d *painter) canyonWalls() {
	d.painted("canyon")
	p := d.p
	W, H := float32(d.w), float32(d.h)
	hz := p.horizon
	gap := d.xFor("canyon", 0.42, 0.58)
	// The floor.
	floor := d.lit(hex("#c8945a"), 0.2)
	if p.el["river"] {
		floor = d.skyAt(hz*0.5, hz).mix(hex("#2a6a7a"), 0.5)
	}
	d.poly(gap-W*0.03, hz, gap+W*0.03, hz, W*0.75, H+2, W*0.25, H+2)
	d.fill(vgrad(floor.scale(0.85), floor.scale(1.1), hz, H))
	const n = 16
	for _, side := range []float32{-1, 1} {
		outer := float32(-2)
		if side > 0 {
			outer = W + 2
		}
		d.moveTo(outer, -2)
		for i := 0; i <= n; i++ {
			t := float32(i) / n // 0 at the top of the frame .. 1 at the bottom
			y := H * t
			// The inner edge steps out from the gap towards the viewer,
			// in ledges.
			near := clamp01((y - hz*0.8) / (H - hz*0.8))
			x := gap + side*(W*0.03+W*0.2*near*near) + side*(fbm1(t*6+side*3, 3, d.seed+1700)-0.5)*W*0.08
			if y < hz*0.8 {
				x = gap + side*W*(0.03+0.04*(1-y/(hz*0.8)))
			}
			d.lineTo(x, y)
		}
		d.lineTo(outer, H+2)
		rock := d.lit(p.placeColour(hex("#b0583a"), "canyon"), 0.05)
		pt := vgrad(rock.scale(1.15), rock.scale(0.7), 0, H)
		pt.tex, pt.texAmt, pt.texScale = texStreakH, 0.45, 12*d.u
		d.fill(pt)
		// Strata: paler and darker bands across the wall.
		for k := 0; k < 12; k++ {
			y := H * d.rnd(0.05, 0.9)
			x0 := gap + side*W*0.05
			d.poly(x0, y, outer, y, outer, y+d.rnd(6, 16)*d.u, x0, y+d.rnd(4, 10)*d.u)
			d.fillNoInk(paint{col: []rgb{hex("#e0a070"), hex("#7a3424")}[k%2].mul(p.lt.ambient), alpha: 0.5})
		}
	}
}

func (d *painter) canyon(bottom float32) {
	d.painted("canyon")
	hz := d.p.horizon
	for l := 0; l < 3; l++ {
		depth := 1 - float32(l)/3
		x := d.rnd(-0.2, 0.5) * float32(d.w)
		for x < float32(d.w) {
			wd := d.rnd(0.15, 0.4) * float32(d.w)
			ht := d.rnd(0.06, 0.18) * float32(d.h) * (1.3 - depth*0.5)
			top := hz - ht + float32(l)*10*d.u
			slope := ht * 0.35
			d.poly(x, bottom, x+slope, top, x+wd-slope, top, x+wd, bottom)
			col := d.lit(d.p.placeColour(hex("#b0603a"), "canyon").mix(hex("#8a3f28"), float32(l)/3), depth*0.7)
			pt := vgrad(col.scale(1.05), col.scale(0.75), top, bottom)
			pt.tex, pt.texAmt, pt.texScale = texStreakH, 0.25, 8*d.u
			d.fill(pt)
			x += wd + d.rnd(0.05, 0.3)*float32(d.w)
		}
	}
}

// hills draws rolling layers between top and bottom; the last layer
// reaches the bottom of the picture.
func (d *painter) hills(layers int, top, bottom float32, col rgb) {
	d.painted("hills")
	col = d.p.placeColour(col, "hills") // "golden hills"
	n := d.samples()
	for l := 0; l < layers; l++ {
		depth := 1 - float32(l+1)/float32(layers+1)
		y0 := top + (bottom-top)*float32(l)/float32(layers)*0.7
		amp := (bottom - top) * 0.18
		seed := d.seed + uint32(l)*23 + 700
		ys := make([]float32, n)
		peak := float32(math.Inf(1))
		f := d.rnd(1.2, 2.4)
		for i := range ys {
			x := float32(i) / float32(n-1)
			ys[i] = y0 + amp*(1-2*fbm1(x*f+float32(l)*3.7, 3, seed))
			peak = min(peak, ys[i])
		}
		c := d.lit(col.scale(0.92+0.1*float32(l)), depth*0.75)
		d.ridgePath(ys, float32(d.h)+2)
		pt := vgrad(c.scale(1.08), c.scale(0.8), peak, peak+(float32(d.h)-peak)*0.8)
		pt.tex, pt.texAmt, pt.texScale = texNoise, 0.15, 40*d.u
		d.fill(pt)
	}
}

// groundPlane fills from y to the bottom with a textured ground colour.
func (d *painter) groundPlane(y float32, col rgb, tex texture) {
	c := d.lit(col, 0.25)
	d.rect(-2, y, float32(d.w)+2, float32(d.h)+2)
	pt := vgrad(c.mix(d.p.haze, 0.25), c.scale(0.85), y, float32(d.h))
	pt.tex, pt.texAmt, pt.texScale = tex, 0.18, 30*d.u
	d.fill(pt)
}

// dunes draws smooth sand ridges with a lit and a shaded side.
func (d *painter) dunes(top float32) {
	d.painted("dunes", "desert")
	n := d.samples()
	sand := hex("#e0b070")
	if d.p.time == "sunset" || d.p.time == "golden hour" || d.p.time == "dawn" {
		sand = hex("#f0a060")
	}
	sand = d.p.placeColour(sand, "dunes", "desert") // "a red desert"
	layers := 4
	for l := 0; l < layers; l++ {
		depth := 1 - float32(l+1)/float32(layers+1)
		y0 := top + (float32(d.h)-top)*float32(l)/float32(layers)*0.75
		amp := (float32(d.h) - top) * 0.14
		seed := d.seed + uint32(l)*29 + 900
		ys := make([]float32, n)
		f := d.rnd(1.5, 3)
		peak := float32(math.Inf(1))
		for i := range ys {
			x := float32(i)/float32(n-1)*f + float32(l)*5
			// Dunes rise slowly and drop on the lee side: skew the noise.
			v := fbm1(x, 2, seed)
			v = v * v * (3 - 2*v)
			ys[i] = y0 - amp*v
			peak = min(peak, ys[i])
		}
		c := d.lit(sand.scale(0.9+0.08*float32(l)), depth*0.7)
		d.ridgePath(ys, float32(d.h)+2)
		pt := vgrad(c.scale(1.1), c.scale(0.72), peak, peak+(float32(d.h)-peak)*0.6)
		pt.tex, pt.texAmt, pt.texScale = texStreakH, 0.1, 12*d.u
		d.fill(pt)
	}
}

// field draws a ploughed or planted field in perspective, with rows that
// converge on the horizon; wheat is golden and sunflowers get heads.
func (d *painter) field(top float32) {
	d.painted("field")
	p := d.p
	col := p.grass
	if p.el["wheat"] {
		col = hex("#e0b04a")
	}
	if p.el["sunflowers"] {
		col = hex("#4f8a2e")
	}
	d.groundPlane(top, col, texStreakH)
	vx := float32(d.w) * d.rnd(0.35, 0.65)
	rows := 28
	dark := d.lit(col.scale(0.72), 0.2)
	for i := 0; i <= rows; i++ {
		bx := (float32(i)/float32(rows)*3 - 1) * float32(d.w)
		wd := 6 * d.u
		d.poly(vx, top, bx-wd, float32(d.h), bx+wd, float32(d.h))
	}
	d.fillNoInk(paint{col: dark, alpha: 0.35})
	if p.el["sunflowers"] {
		d.sunflowers(top)
	}
	if p.el["wheat"] {
		d.wheat(top)
	}
	if p.el["flowers"] && !p.el["sunflowers"] && !p.el["wheat"] {
		d.flowerRows(top, vx)
	}
}

// flowerColours are the colours of the scene's flowers: roses red and
// pink, lavender purple, the palette's colour when the words give one,
// else a mixed bunch.
func (d *painter) flowerColours() []rgb {
	w := d.p.words
	for i := range d.p.subjects {
		// "two blue butterflies on a pink flower", "a white rose": the
		// flower's own colour, not the first colour of the idea.
		if x := &d.p.subjects[i]; isFlower(x) {
			if c, ok := factColour(x); ok {
				return []rgb{c, c.scale(0.85), c.mix(rgb{1, 1, 1}, 0.3)}
			}
		}
	}
	switch {
	case hasWord(w, "rose"):
		return []rgb{hex("#c8202e"), hex("#e84a6a"), hex("#f08aa0"), hex("#a01828")}
	case hasWord(w, "lavender"):
		return []rgb{hex("#8a6ac8"), hex("#9a7ad8"), hex("#7a5ab0")}
	case hasWord(w, "poppy") || hasWord(w, "poppies"):
		return []rgb{hex("#e0281e"), hex("#f03a2a")}
	case len(d.p.tint) > 0:
		return []rgb{d.p.tint[0], d.p.tint[0].scale(0.85), d.p.tint[0].mix(rgb{1, 1, 1}, 0.3)}
	}
	return []rgb{hex("#e0283a"), hex("#f2c21e"), hex("#e85a9a"), hex("#f27a1e"), hex("#9a4ad0"), hex("#f4f0f0")}
}

// flowerRows turns a field into rows of flowers in bloom, each row one
// colour, running to the vanishing point at vx: a tulip field.
func (d *painter) flowerRows(top, vx float32) {
	d.painted("flowers")
	cols := d.flowerColours()
	W, H := float32(d.w), float32(d.h)
	rows := 22
	span := 3 * W / float32(rows)
	for i := 0; i <= rows; i++ {
		bx := (float32(i)/float32(rows)*3 - 1) * W
		wd := span * 0.32
		d.poly(vx, top, bx-wd, H, bx+wd, H)
		pt := solid(d.lit(cols[i%len(cols)], 0.15))
		pt.tex, pt.texAmt, pt.texScale = texNoise, 0.35, 4*d.u
		d.fillNoInk(pt)
	}
	// Flower heads in the nearest rows.
	for i := 0; i <= rows; i++ {
		bx := (float32(i)/float32(rows)*3 - 1) * W
		col := d.lit(cols[i%len(cols)], 0)
		for k := 0; k < 14; k++ {
			t := d.rnd(0.55, 1)
			x := vx + (bx-vx)*t + d.rnd(-0.3, 0.3)*span*0.3*t
			y := top + (H-top)*t
			r := (2 + 10*t*t) * d.u
			d.ellipse(x, y-r*0.6, r*0.7, r)
			d.fillNoInk(solid(col.scale(d.rnd(0.9, 1.15))))
		}
	}
}

// flowerBeds sets flowering bushes along the foreground of a garden.
func (d *painter) flowerBeds(top float32) {
	d.painted("flowers")
	cols := d.flowerColours()
	W, H := float32(d.w), float32(d.h)
	leaf := d.lit(hex("#2f6a2a"), 0)
	for i := 0; i < 7; i++ {
		x := W * (float32(i) + d.rnd(-0.3, 0.3)) / 6
		y := H - d.rnd(0, 0.08)*H
		r := d.rnd(70, 120) * d.u
		d.blob(x, y, r, r*0.7)
		pt := vgrad(leaf.scale(1.15), leaf.scale(0.7), y-r*0.7, y)
		pt.tex, pt.texAmt, pt.texScale = texNoise, 0.3, 10*d.u
		d.fill(pt)
		for k := 0; k < 16; k++ {
			a := d.rnd(math.Pi, 2*math.Pi)
			rr := d.rnd(0.2, 0.9)
			fx := x + float32(math.Cos(float64(a)))*r*rr
			fy := y + float32(math.Sin(float64(a)))*r*0.65*rr
			fr := d.rnd(7, 13) * d.u
			c := d.lit(cols[d.rng.IntN(len(cols))], 0)
			d.disc(fx, fy, fr, c, 1, false)
			d.disc(fx-fr*0.25, fy-fr*0.25, fr*0.45, c.scale(1.25), 0.7, false)
		}
	}
}

// sunflowers draws heads that grow with nearness, back to front.
func (d *painter) sunflowers(top float32) {
	d.painted("sunflowers")
	hh := float32(d.h) - top
	for row := 0; row < 14; row++ {
		t := float32(row) / 13 // 0 far .. 1 near
		y := top + hh*t*t*1.05
		r := (3 + 42*t*t) * d.u * d.p.look.zoom // the camera's distance sizes the near heads
		n := int(float32(d.w) / (r * 2.2))
		for i := 0; i <= n; i++ {
			x := (float32(i) + d.rnd(-0.3, 0.3)) * r * 2.2
			yy := y + d.rnd(-0.3, 0.3)*r
			if r > 6*d.u {
				d.line(x, yy, x, yy+r*2.5, r*0.18)
				d.fill(solid(d.lit(hex("#3f7a2a"), 0.2)))
			}
			d.ellipse(x, yy, r, r*0.9)
			d.fill(solid(d.lit(hex("#f7c21c"), 0.3*(1-t))))
			d.ellipse(x, yy, r*0.42, r*0.38)
			d.fillNoInk(solid(d.lit(hex("#5a3414"), 0.3*(1-t))))
		}
	}
}

// wheat adds ears in the foreground.
func (d *painter) wheat(top float32) {
	d.painted("wheat")
	hh := float32(d.h) - top
	col := d.lit(hex("#f0c860"), 0)
	for i := 0; i < 900; i++ {
		t := d.rng.Float32()
		t = t * t
		y := top + hh*(0.5+0.5*t)
		x := d.rnd(0, float32(d.w))
		l := (10 + 50*t) * d.u
		lean := d.rnd(-0.2, 0.3) * l
		d.line(x, y, x+lean, y-l, max(1.2*d.u*t*2, 0.8))
	}
	d.fillNoInk(paint{col: col, alpha: 0.8})
}

// meadow sprinkles flowers on grass, denser and larger in front.
func (d *painter) meadow(top float32, count int) {
	d.painted("meadow")
	cols := []rgb{hex("#ffffff"), hex("#ffd23a"), hex("#e8508a"), hex("#a070e0"), hex("#ff7a3a")}
	if d.p.season == "autumn" || d.p.season == "winter" {
		return
	}
	hh := float32(d.h) - top
	for i := 0; i < count; i++ {
		t := d.rng.Float32()
		y := top + hh*t*t
		x := d.rnd(0, float32(d.w))
		r := (0.8 + 4*t*t) * d.u
		c := d.lit(cols[d.rng.IntN(len(cols))], (1-t)*0.5)
		d.disc(x, y, r, c, 0.9, false)
	}
}

// beach draws sand from y down, with wet sand and a line of foam at the
// water's edge.
func (d *painter) beach(y float32) {
	d.painted("beach")
	n := d.samples()
	sand := hex("#e8cf9a")
	wet := hex("#b89a6a")
	ys := make([]float32, n)
	for i := range ys {
		ys[i] = y + (fbm1(float32(i)/float32(n)*3, 2, d.seed+61)-0.5)*30*d.u
	}
	d.ridgePath(ys, float32(d.h)+2)
	pt := vgrad(d.lit(wet, 0.1), d.lit(sand, 0), y, y+(float32(d.h)-y)*0.5)
	pt.tex, pt.texAmt, pt.texScale = texNoise, 0.12, 6*d.u
	d.fill(pt)
	// Foam where the waves run up.
	foam := d.lit(rgb{0.97, 0.98, 1}, 0)
	step := float32(d.w+8) / float32(n-1)
	for k := 0; k < 3; k++ {
		off := float32(k) * 7 * d.u
		d.moveTo(-4, ys[0]-off)
		for i, yy := range ys {
			d.lineTo(-4+float32(i)*step, yy-off+noise1(float32(i)*0.3, d.seed+uint32(k))*6*d.u)
		}
		for i := n - 1; i >= 0; i-- {
			d.lineTo(-4+float32(i)*step, ys[i]-off+(2+3*noise1(float32(i)*0.2, d.seed+9))*d.u)
		}
		d.fillNoInk(paint{col: foam, alpha: 0.7 - float32(k)*0.2})
	}
}

// rocks scatters boulders along a line.
func (d *painter) rocks(y float32, count int, scale float32) {
	d.painted("rocks")
	for i := 0; i < count; i++ {
		x := d.rnd(-0.05, 1.05) * float32(d.w)
		r := d.rnd(12, 40) * d.u * scale
		yy := y + d.rnd(-0.2, 1)*r
		d.blob(x, yy, r, r*d.rnd(0.5, 0.8))
		col := d.lit(hex("#5e5a58"), 0.1)
		pt := vgrad(col.scale(1.25), col.scale(0.6), yy-r, yy+r*0.5)
		pt.tex, pt.texAmt = texNoise, 0.25
		d.fill(pt)
	}
}

// blob adds an irregular rounded shape.
func (d *painter) blob(cx, cy, rx, ry float32) {
	const n = 9
	var xs, ys [n]float32
	for i := range n {
		a := float64(i) / n * 2 * math.Pi
		k := d.rnd(0.8, 1.15)
		xs[i] = cx + float32(math.Cos(a))*rx*k
		ys[i] = cy + float32(math.Sin(a))*ry*k
		if ys[i] > cy {
			ys[i] = cy + (ys[i]-cy)*0.4 // flat bottom, resting on the ground
		}
	}
	// Smooth closed curve through midpoints.
	mx := func(i int) (float32, float32) {
		j := (i + 1) % n
		return (xs[i] + xs[j]) / 2, (ys[i] + ys[j]) / 2
	}
	x0, y0 := mx(n - 1)
	d.moveTo(x0, y0)
	for i := range n {
		x1, y1 := mx(i)
		d.quadTo(xs[i], ys[i], x1, y1)
	}
}

// cliffs raises a rocky headland on one side.
func (d *painter) cliffs(top, bottom float32, left bool) {
	d.painted("cliffs")
	w := float32(d.w)
	edge := w * d.rnd(0.28, 0.42)
	topAt := func(t float32) float32 {
		return top + (noise1(t*4, d.seed+33)-0.5)*30*d.u + t*t*40*d.u
	}
	mirror := func() {
		if !left {
			for i := range d.pts {
				d.pts[i].x = w - d.pts[i].x
			}
		}
	}
	n := 24
	d.moveTo(-4, bottom)
	for i := 0; i <= n; i++ {
		t := float32(i) / float32(n)
		d.lineTo(edge*t, topAt(t))
	}
	// The sea-facing face drops steeply with a jagged edge.
	for i := 1; i <= 8; i++ {
		t := float32(i) / 8
		jx := (noise1(t*5, d.seed+34) - 0.5) * 30 * d.u
		d.lineTo(edge+jx+t*40*d.u, topAt(1)+(bottom-topAt(1))*t)
	}
	mirror()
	col := d.lit(hex("#4e4a48"), 0.1)
	pt := vgrad(col.scale(1.2), col.scale(0.55), top, bottom)
	pt.tex, pt.texAmt, pt.texScale = texStreakV, 0.3, 10*d.u
	d.fill(pt)
	if d.p.season != "winter" {
		d.moveTo(-4, topAt(0)+30*d.u)
		for i := 0; i <= n; i++ {
			t := float32(i) / float32(n)
			d.lineTo(edge*t, topAt(t)-3*d.u)
		}
		d.lineTo(edge, topAt(1)+25*d.u)
		mirror()
		d.fill(paint{col: d.lit(d.p.grass.scale(0.8), 0.1), alpha: 0.9})
	}
}

// road draws a road running to the horizon, with a dashed centre line.
func (d *painter) road(top float32) {
	d.painted("road")
	vx := float32(d.w) * d.rnd(0.4, 0.6)
	w := float32(d.w)
	d.poly(vx-2*d.u, top, vx+2*d.u, top, w*0.85, float32(d.h), w*0.15, float32(d.h))
	col := d.lit(hex("#3a3a3e"), 0.2)
	d.fill(vgrad(col.mix(d.p.haze, 0.5), col, top, float32(d.h)))
	line := d.lit(hex("#f0c83a"), 0.1)
	for i := 0; i < 14; i++ {
		t0 := float32(i) / 14
		t1 := t0 + 0.035
		y0 := top + (float32(d.h)-top)*t0*t0
		y1 := top + (float32(d.h)-top)*t1*t1
		w0, w1 := (0.5+t0*t0*6)*d.u, (0.5+t1*t1*6)*d.u
		x0, x1 := vx+(w/2-vx)*t0*t0, vx+(w/2-vx)*t1*t1
		d.poly(x0-w0, y0, x0+w0, y0, x1+w1, y1, x1-w1, y1)
	}
	d.fillNoInk(solid(line))
}

// river winds from the horizon to the bottom, widening with nearness.
func (d *painter) river(top float32) (left, right []vec) {
	d.painted("river")
	n := 40
	cx := float32(d.w) * d.rnd(0.35, 0.65)
	for i := 0; i <= n; i++ {
		t := float32(i) / float32(n)
		y := top + (float32(d.h)-top)*t
		x := cx + (fbm1(t*2.5, 2, d.seed+81)-0.5)*float32(d.w)*0.6*t
		hw := (3 + 260*t*t) * d.u
		left = append(left, vec{x - hw, y})
		right = append(right, vec{x + hw, y})
	}
	d.moveTo(left[0].x, left[0].y)
	for _, q := range left[1:] {
		d.lineTo(q.x, q.y)
	}
	for i := len(right) - 1; i >= 0; i-- {
		d.lineTo(right[i].x, right[i].y)
	}
	p := d.p
	near := d.skyAt(p.horizon*0.3, p.horizon).scale(0.75)
	far := d.skyAt(p.horizon*0.95, p.horizon)
	if c, ok := p.placeColourOK("river"); ok {
		// "a green river": its own colour under the sky it mirrors.
		near, far = near.mix(d.lit(c, 0.2), 0.7), far.mix(d.lit(c, 0.2), 0.5)
	}
	pt := vgrad(far, near, top, float32(d.h))
	pt.tex, pt.texAmt, pt.texScale = texStreakH, 0.25, 10*d.u
	d.fill(pt)
	return left, right
}

// cloudSea is a floor of clouds below the viewer: the view from a peak or
// an airship.
func (d *painter) cloudSea(top float32) {
	d.painted("clouds")
	p := d.p
	lit := rgb{1, 0.98, 0.96}
	switch p.time {
	case "sunset", "dawn", "golden hour":
		lit = p.lt.sun.mix(rgb{1, 0.85, 0.85}, 0.4)
	case "dusk":
		lit = hex("#d89aa8")
	case "night":
		lit = hex("#6a7898")
	}
	dark := p.lt.mid.mix(rgb{0.55, 0.58, 0.66}, 0.5)
	hh := float32(d.h) - top
	cx := float32(d.w) / 2
	seed := d.seed + 1200
	hard := d.st.hardEdge
	d.rows(int(top), d.h, func(y0, y1 int) {
		for y := y0; y < y1; y++ {
			t := (float32(y) - top) / hh
			// Rows map to depth on the cloud layer: billows shrink and
			// crowd towards the horizon.
			z := 1 / (t + 0.06)
			fy := z * 0.9
			for x := 0; x < d.w; x++ {
				fx := (float32(x) - cx) / float32(d.w) * z * 0.9
				n := fbm(fx, fy, 4, seed)
				up := fbm(fx, fy+0.12, 4, seed) // the billow's top faces the light
				v := smoothstep(0.3, 0.48, n+t*0.25) * smoothstep(0, 0.03, t)
				if v <= 0 {
					continue
				}
				s := clamp01(0.55 + (n-up)*6 + (n-0.5)*0.8)
				if hard {
					s = float32(math.Floor(float64(s*3))) / 2
				}
				col := dark.mix(lit, s).mix(p.haze, (1-t)*(1-t)*0.5)
				d.blendPx((y*d.w+x)*3, col, v)
			}
		}
	})
}

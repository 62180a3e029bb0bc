package canvas

import "math"

// dark reports whether windows should be lit.
func (d *painter) dark() bool {
	p := d.p
	return p.lt.night || p.time == "dusk" || p.time == "sunset" || p.weather == "storm" || p.weather == "rain" && p.time != "noon"
}

var warmLight = hex("#ffc86a")

// window draws one window, lit (with a faint glow) or reflecting the sky.
func (d *painter) window(x0, y0, x1, y1 float32, lit bool) {
	if lit {
		c := warmLight.mix(hex("#fff0c0"), d.rnd(0, 0.5))
		d.fillRect(x0, y0, x1, y1, c, 1)
		if x1-x0 > 3*d.u && !d.st.hardEdge {
			d.glow((x0+x1)/2, (y0+y1)/2, (x1-x0)*1.2, warmLight, 0.12)
		}
		return
	}
	c := d.skyAt(d.p.horizon*0.5, d.p.horizon).mul(d.p.lt.ambient).scale(0.55)
	d.fillRect(x0, y0, x1, y1, c, 1)
}

// skyline draws city blocks along the horizon with lit windows, spires and
// neon signs at night.
func (d *painter) skyline(base float32, neon bool) {
	d.painted("skyline", "city")
	p := d.p
	w := float32(d.w)
	night := d.dark()
	neonCols := []rgb{hex("#ff2a9a"), hex("#2ae8ff"), hex("#b04aff"), hex("#ff8a2a")}
	for layer := 0; layer < 3; layer++ {
		depth := 1 - float32(layer)/3
		for x := d.rnd(-30, 0) * d.u; x < w; {
			bw := d.rnd(40, 110) * d.u * (1.2 - depth*0.3)
			bh := d.rnd(0.12, 0.42) * float32(d.h) * (1.1 - depth*0.35)
			if d.chance(0.1) {
				bh *= 1.5
			}
			top := base - bh
			body := d.lit(hex("#2a3040").mix(hex("#4a5468"), d.rng.Float32()), depth*0.6)
			if night {
				body = hex("#0e1220").mix(p.lt.mid, depth*0.35)
			}
			d.rect(x, top, x+bw, base+2)
			pt := vgrad(body.scale(1.1), body.scale(0.85), top, base)
			d.fill(pt)
			if d.chance(0.3) {
				d.rect(x+bw*0.47, top-bh*0.15, x+bw*0.53, top)
				d.fill(solid(body))
			}
			// Windows on a grid; far layers get fewer, smaller panes.
			if layer > 0 || night {
				cw := max(bw/d.rnd(9, 14), 1.5*d.u)
				ch := cw * 1.2
				litP := float32(0.05)
				if night {
					litP = 0.35
				}
				for wy := top + ch; wy < base-ch; wy += ch * 1.6 {
					for wx := x + cw*0.6; wx < x+bw-cw; wx += cw * 1.6 {
						lit := d.chance(litP)
						if !lit && night {
							continue
						}
						d.window(wx, wy, wx+cw, wy+ch, lit)
					}
				}
			}
			if neon && night && d.chance(0.4) && layer == 2 {
				nc := neonCols[d.rng.IntN(len(neonCols))]
				sy := top + bh*d.rnd(0.2, 0.6)
				d.rect(x+bw*0.15, sy, x+bw*0.85, sy+6*d.u)
				d.fillNoInk(solid(nc.mix(rgb{1, 1, 1}, 0.4)))
				d.glow(x+bw/2, sy+3*d.u, bw*0.35, nc, 0.35)
			}
			x += bw + d.rnd(-10, 8)*d.u
		}
	}
}

// house draws a village house with a pitched roof, standing at (x, y).
func (d *painter) house(x, y, s float32) {
	d.painted("houses")
	p := d.p
	walls := []rgb{hex("#e8dcc0"), hex("#d8b890"), hex("#c8d0d8"), hex("#e0c8a0"), hex("#b86848")}
	roofs := []rgb{hex("#8a3a2a"), hex("#5a4a48"), hex("#3a4a5a"), hex("#7a4a2a")}
	wall := d.lit(walls[d.rng.IntN(len(walls))], 0.1)
	roof := d.lit(roofs[d.rng.IntN(len(roofs))], 0.1)
	bw := s * d.rnd(0.9, 1.4)
	bh := s * d.rnd(0.6, 0.9)
	d.rect(x, y-bh, x+bw, y)
	d.fill(solid(wall))
	// Chimney first so the roof covers its foot.
	d.rect(x+bw*0.7, y-bh-s*0.55, x+bw*0.8, y-bh-s*0.1)
	d.fill(solid(roof.scale(0.8)))
	d.poly(x-s*0.1, y-bh, x+bw/2, y-bh-s*0.55, x+bw+s*0.1, y-bh)
	d.fill(solid(roof))
	if p.season == "winter" || p.el["snow"] {
		d.poly(x-s*0.1, y-bh, x+bw/2, y-bh-s*0.55, x+bw+s*0.1, y-bh, x+bw/2, y-bh-s*0.4)
		d.fill(solid(d.lit(rgb{0.95, 0.96, 1}, 0)))
	}
	lit := d.dark()
	ww := s * 0.16
	for _, fx := range []float32{0.2, 0.62} {
		d.window(x+bw*fx, y-bh*0.7, x+bw*fx+ww, y-bh*0.7+ww*1.2, lit && d.chance(0.8))
	}
	d.fillRect(x+bw*0.42, y-bh*0.45, x+bw*0.42+ww, y, roof.scale(0.6), 1)
	if p.main == "houses" && p.single && (hasWord(p.words, "porch") || hasWord(p.words, "veranda") || hasWord(p.words, "verandah")) {
		d.porch(x, y, bw, bh, roof) // yard.go
	}
}

// village sets houses along a line, back to front.
// town is a village that reads as a place: rows of houses from the back
// row (at top) to the front row (at base), each row larger and nearer,
// with a church steeple rising among them.
func (d *painter) town(top, base, s float32, rows int) {
	d.painted("houses", "village")
	W := float32(d.w)
	church, churchX := max(rows-2, 0), W*d.rnd(0.25, 0.75)
	for r := 0; r < rows; r++ {
		t := float32(r) / float32(max(rows-1, 1))
		y := top + (base-top)*t
		ss := s * (0.55 + 0.45*t)
		for x := -d.rnd(0.2, 1) * ss; x < W; {
			if r == church && x+ss*1.4 > churchX-ss*0.5 && x < churchX+ss*0.5 {
				d.steeple(churchX, y, ss)
				x = churchX + ss*0.6
				continue
			}
			d.house(x, y+d.rnd(-0.08, 0.08)*ss, ss)
			x += ss * d.rnd(1.15, 1.6)
		}
	}
}

// steeple is a village church tower with a pointed spire.
func (d *painter) steeple(x, y, s float32) {
	stone := d.lit(hex("#d8d0c0"), 0.1)
	roof := d.lit(hex("#4a4048"), 0.1)
	d.rect(x-s*0.32, y-s*2.3, x+s*0.32, y)
	d.fill(solid(stone))
	d.poly(x-s*0.4, y-s*2.3, x, y-s*3.6, x+s*0.4, y-s*2.3)
	d.fill(solid(roof))
	if d.p.season == "winter" || d.p.el["snow"] {
		d.poly(x-s*0.4, y-s*2.3, x, y-s*3.6, x-s*0.05, y-s*2.5)
		d.fill(solid(d.lit(rgb{0.95, 0.96, 1}, 0)))
	}
	d.window(x-s*0.1, y-s*1.9, x+s*0.1, y-s*1.55, d.dark())
}

func (d *painter) village(y float32, count int, s float32) {
	d.painted("village", "houses")
	for r := 0; r < 2; r++ {
		yy := y + float32(r)*s*0.6
		ss := s * (0.8 + 0.3*float32(r))
		x := d.rnd(0, 0.15) * float32(d.w)
		for i := 0; i < count && x < float32(d.w); i++ {
			d.house(x, yy+d.rnd(-0.1, 0.1)*ss, ss)
			x += ss * d.rnd(1.4, 2.6)
		}
	}
}

// cabin draws a log cabin with a glowing window and chimney smoke.
func (d *painter) cabin(x, y, s float32) {
	d.painted("cabin")
	wall := d.lit(hex("#6a4428"), 0.05)
	bw, bh := s*1.5, s*0.75
	d.rect(x, y-bh, x+bw, y)
	pt := solid(wall)
	pt.tex, pt.texAmt, pt.texScale = texStreakH, 0.5, s*0.05
	d.fill(pt)
	// Smoke curls up from the chimney.
	cx := x + bw*0.75
	cy := y - bh - s*0.55
	smoke := d.lit(rgb{0.8, 0.8, 0.82}, 0.2)
	for i := 0; i < 8; i++ {
		t := float32(i) / 7
		r := s * (0.08 + 0.18*t)
		d.ellipse(cx+float32(math.Sin(float64(t*4)))*s*0.15+t*s*0.4, cy-t*s*1.6, r, r*0.8)
		d.fillNoInk(paint{col: smoke, alpha: 0.28 * (1 - t*0.7)})
	}
	d.rect(x+bw*0.7, y-bh-s*0.6, x+bw*0.8, y-bh)
	d.fill(solid(d.lit(hex("#5a5050"), 0.05)))
	d.poly(x-s*0.15, y-bh+s*0.02, x+bw/2, y-bh-s*0.55, x+bw+s*0.15, y-bh+s*0.02)
	roof := d.lit(hex("#3a2a22"), 0.05)
	if d.p.season == "winter" || d.p.el["snow"] {
		roof = d.lit(rgb{0.94, 0.95, 1}, 0)
	}
	d.fill(solid(roof))
	lit := d.dark() || d.p.mood == "cozy"
	d.window(x+bw*0.15, y-bh*0.65, x+bw*0.38, y-bh*0.3, lit)
	d.window(x+bw*0.62, y-bh*0.65, x+bw*0.85, y-bh*0.3, lit)
	if lit && !d.st.hardEdge {
		d.glow(x+bw*0.5, y-bh*0.4, s*0.8, warmLight, 0.2)
	}
	d.fillRect(x+bw*0.42, y-bh*0.55, x+bw*0.56, y, wall.scale(0.5), 1)
}

// castle draws walls, towers with battlements and a keep.
func (d *painter) castle(cx, y, s float32) {
	d.painted("castle")
	stone := d.lit(hex("#8a8478"), 0.2)
	if d.p.lt.night {
		// Moonlit stone: lighter than the night sky, so the castle reads.
		stone = hex("#7a8098").mix(d.p.lt.mid, 0.2)
	}
	crenel := func(x0, x1, top float32) {
		n := max(int((x1-x0)/(s*0.12)), 3)
		step := (x1 - x0) / float32(2*n-1)
		for i := 0; i < n; i++ {
			bx := x0 + float32(2*i)*step
			d.rect(bx, top-step, bx+step, top+1)
		}
	}
	// Curtain wall.
	d.rect(cx-s*1.6, y-s*0.6, cx+s*1.6, y)
	crenel(cx-s*1.6, cx+s*1.6, y-s*0.6)
	// Keep.
	d.rect(cx-s*0.45, y-s*1.5, cx+s*0.45, y)
	crenel(cx-s*0.45, cx+s*0.45, y-s*1.5)
	// Towers with pointed roofs.
	for _, tx := range []float32{-1.6, -0.9, 0.9, 1.6} {
		x := cx + tx*s
		th := s * (1.0 + 0.2*float32(math.Abs(float64(tx))))
		d.rect(x-s*0.2, y-th, x+s*0.2, y)
	}
	d.fill(vgrad(stone.scale(1.1), stone.scale(0.75), y-s*1.5, y))
	for _, tx := range []float32{-1.6, -0.9, 0.9, 1.6} {
		x := cx + tx*s
		th := s * (1.0 + 0.2*float32(math.Abs(float64(tx))))
		d.poly(x-s*0.26, y-th, x, y-th-s*0.55, x+s*0.26, y-th)
	}
	d.poly(cx-s*0.3, y-s*1.62, cx, y-s*2.2, cx+s*0.3, y-s*1.62)
	d.fill(solid(d.lit(hex("#4a3a5a"), 0.2)))
	// Banner.
	d.poly(cx, y-s*2.2, cx, y-s*2.5, cx+s*0.25, y-s*2.42, cx, y-s*2.34)
	d.fill(solid(d.p.accent))
	lit := d.dark()
	for i := 0; i < 9; i++ {
		wx := cx + d.rnd(-1.5, 1.5)*s
		wy := y - d.rnd(0.3, 1.3)*s
		if math.Abs(float64(wx-cx)) > float64(s*0.45) && wy < y-s*0.55 {
			continue
		}
		d.window(wx, wy, wx+s*0.07, wy+s*0.14, lit && d.chance(0.7))
	}
	d.moveTo(cx-s*0.15, y)
	d.lineTo(cx-s*0.15, y-s*0.25)
	d.quadTo(cx, y-s*0.38, cx+s*0.15, y-s*0.25)
	d.lineTo(cx+s*0.15, y)
	d.fill(solid(hex("#2a1a14")))
}

// barn draws a red barn with a gambrel roof and white trim.
func (d *painter) barn(x, y, s float32) {
	d.painted("barn")
	red := d.lit(d.p.accent.mix(hex("#a8281e"), 0.6), 0.05)
	if d.p.accent == hex("#c0392b") {
		red = d.lit(hex("#a8281e"), 0.05)
	}
	if c, ok := d.p.placeColourOK("barn"); ok {
		red = d.lit(c, 0.05) // "a blue barn" is blue, not the red mixed in
	}
	bw, bh := s*1.6, s*0.8
	d.poly(x, y, x, y-bh, x+bw*0.15, y-bh-s*0.45, x+bw*0.5, y-bh-s*0.7, x+bw*0.85, y-bh-s*0.45, x+bw, y-bh, x+bw, y)
	pt := solid(red)
	pt.tex, pt.texAmt, pt.texScale = texStreakV, 0.25, s*0.03
	d.fill(pt)
	roof := d.lit(hex("#4a4040"), 0.05)
	if d.p.season == "winter" || d.p.el["snow"] {
		roof = d.lit(rgb{0.94, 0.95, 1}, 0)
	}
	t := s * 0.06
	d.poly(x-t, y-bh, x+bw*0.15, y-bh-s*0.45-t, x+bw*0.5, y-bh-s*0.7-t, x+bw*0.85, y-bh-s*0.45-t, x+bw+t, y-bh,
		x+bw+t, y-bh+t, x+bw*0.85, y-bh-s*0.45+t*0.5, x+bw*0.5, y-bh-s*0.7+t*0.6, x+bw*0.15, y-bh-s*0.45+t*0.5, x-t, y-bh+t)
	d.fill(solid(roof))
	white := d.lit(rgb{0.95, 0.94, 0.9}, 0.05)
	dx0, dx1 := x+bw*0.32, x+bw*0.68
	dy0 := y - bh*0.75
	w := s * 0.04
	d.rect(dx0, dy0, dx1, y)
	d.fill(solid(red.scale(0.7)))
	d.line(dx0, dy0, dx1, y, w)
	d.line(dx1, dy0, dx0, y, w)
	d.line(dx0, dy0, dx1, dy0, w)
	d.line(dx0, dy0, dx0, y, w)
	d.line(dx1, dy0, dx1, y, w)
	d.fillNoInk(solid(white))
	d.window(x+bw*0.44, y-bh-s*0.35, x+bw*0.56, y-bh-s*0.15, d.dark())
}

// lighthouse draws a striped tower; at night or in a storm its beam shines.
func (d *painter) lighthouse(x, y, s float32) {
	d.painted("lighthouse")
	h := s * 3
	d.poly(x-s*0.3, y, x-s*0.18, y-h, x+s*0.18, y-h, x+s*0.3, y)
	d.fill(solid(d.lit(rgb{0.95, 0.95, 0.92}, 0.05)))
	red := d.lit(hex("#c0302a"), 0.05)
	if c, ok := factColour(d.p.subjectOf("lighthouse")); ok {
		red = d.lit(c, 0.05) // its bands: "a blue lighthouse"
	}
	for k := 0; k < 3; k++ {
		t0 := 0.15 + float32(k)*0.28
		t1 := t0 + 0.13
		w0 := 0.3 - 0.12*t0
		w1 := 0.3 - 0.12*t1
		d.poly(x-s*w0, y-h*t0, x-s*w1, y-h*t1, x+s*w1, y-h*t1, x+s*w0, y-h*t0)
	}
	d.fill(solid(red))
	d.rect(x-s*0.26, y-h-s*0.05, x+s*0.26, y-h+s*0.05)
	d.fill(solid(d.lit(hex("#2a2a2a"), 0)))
	ly := y - h - s*0.25
	on := d.dark() || d.p.weather == "fog"
	lamp := hex("#fff2b0")
	if !on {
		lamp = d.lit(hex("#c8d8e0"), 0)
	}
	d.rect(x-s*0.15, ly-s*0.2, x+s*0.15, ly+s*0.2)
	d.fill(solid(lamp))
	d.poly(x-s*0.22, ly-s*0.2, x, ly-s*0.45, x+s*0.22, ly-s*0.2)
	d.fill(solid(red.scale(0.8)))
	if on {
		dir := float32(1)
		if x > float32(d.w)/2 {
			dir = -1
		}
		// The beam fades with distance: nested wedges add up near the lamp.
		for k := 1; k <= 4; k++ {
			l := float32(d.w) * 0.2 * float32(k)
			d.poly(x, ly-s*0.08, x+dir*l, ly-l*0.1, x+dir*l, ly+l*0.08, x, ly+s*0.08)
			d.fillNoInk(paint{col: lamp, alpha: 0.09})
		}
		if !d.st.hardEdge {
			d.glow(x, ly, s*0.6, lamp, 0.8)
		}
	}
}

// windmill draws a tower mill with four sails.
func (d *painter) windmill(x, y, s float32) {
	d.painted("windmill")
	col := d.lit(hex("#d8ccb0"), 0.1)
	d.poly(x-s*0.35, y, x-s*0.22, y-s*1.5, x+s*0.22, y-s*1.5, x+s*0.35, y)
	d.fill(solid(col))
	d.poly(x-s*0.28, y-s*1.5, x, y-s*1.85, x+s*0.28, y-s*1.5)
	d.fill(solid(d.lit(hex("#5a3a2a"), 0.1)))
	hx, hy := x, y-s*1.55
	a0 := float64(d.rnd(0, math.Pi/2))
	for k := 0; k < 4; k++ {
		a := a0 + float64(k)*math.Pi/2
		ex := hx + float32(math.Cos(a))*s*1.3
		ey := hy + float32(math.Sin(a))*s*1.3
		d.line(hx, hy, ex, ey, s*0.05)
		nx, ny := float32(-math.Sin(a))*s*0.18, float32(math.Cos(a))*s*0.18
		mx, my := hx+(ex-hx)*0.25, hy+(ey-hy)*0.25
		d.poly(mx, my, ex, ey, ex+nx, ey+ny, mx+nx, my+ny)
	}
	d.fill(paint{col: d.lit(hex("#f0ece0"), 0.1), alpha: 0.9})
}

// temple draws a pagoda of stacked curved roofs.
func (d *painter) temple(x, y, s float32) {
	d.painted("temple")
	wall := d.lit(d.p.placeColour(hex("#b03a2a"), "temple"), 0.15) // "a golden pagoda"
	roof := d.lit(hex("#2a2a30"), 0.15)
	levels := 4
	for l := 0; l < levels; l++ {
		f := float32(l) / float32(levels)
		w := s * (1 - f*0.55)
		by := y - float32(l)*s*0.55
		d.rect(x-w*0.35, by-s*0.42, x+w*0.35, by)
		d.fill(solid(wall))
		ry := by - s*0.42
		d.moveTo(x-w*0.7, ry+s*0.08)
		d.quadTo(x-w*0.4, ry, x, ry-s*0.18)
		d.quadTo(x+w*0.4, ry, x+w*0.7, ry+s*0.08)
		d.lineTo(x, ry-s*0.05)
		d.fill(solid(roof))
	}
	top := y - float32(levels)*s*0.55 - s*0.05
	d.rect(x-s*0.02, top-s*0.5, x+s*0.02, top)
	d.fill(solid(roof))
}

// tower draws a lattice tower (the Eiffel tower when the scene is in Paris).
func (d *painter) tower(x, y, s float32) {
	d.painted("tower")
	col := d.lit(hex("#3a3430"), 0.5)
	if d.p.lt.night {
		col = hex("#1a1620")
	}
	h := s * 4
	d.moveTo(x-s*0.9, y)
	d.quadTo(x-s*0.3, y-h*0.35, x-s*0.06, y-h)
	d.lineTo(x+s*0.06, y-h)
	d.quadTo(x+s*0.3, y-h*0.35, x+s*0.9, y)
	d.lineTo(x+s*0.55, y)
	d.quadTo(x, y-h*0.2, x-s*0.55, y)
	d.fill(solid(col))
	d.rect(x-s*0.5, y-h*0.27, x+s*0.5, y-h*0.24)
	d.rect(x-s*0.3, y-h*0.55, x+s*0.3, y-h*0.53)
	d.fill(solid(col))
	if d.dark() {
		for i := 0; i < 40; i++ {
			t := d.rng.Float32()
			w := s * (0.9 - 0.85*float32(math.Sqrt(float64(t))))
			d.disc(x+d.rnd(-1, 1)*w, y-h*t, 1.2*d.u, warmLight, 0.8, true)
		}
	}
}

// bridge draws an arched bridge across the picture at y.
// viaduct is a stone bridge of arches striding across a valley, its deck
// at y and its piers standing on the valley floor at bottom, in spans
// arches across the picture.
func (d *painter) viaduct(y, bottom float32, spans int) {
	d.painted("bridge")
	W, H := float32(d.w), bottom
	stone := d.lit(d.p.placeColour(hex("#9a8a74"), "bridge"), 0.2) // "a red bridge"
	sw := W / float32(spans)
	deck := 18 * d.u * 5 / float32(spans)
	for i := -1; i <= spans; i++ {
		xa, xb := float32(i)*sw, float32(i+1)*sw
		pw := sw * 0.12
		ys := y + deck + sw*0.15
		d.moveTo(xa, H)
		d.lineTo(xa, y)
		d.lineTo(xb, y)
		d.lineTo(xb, H)
		d.lineTo(xb-pw, H)
		d.lineTo(xb-pw, ys+sw*0.35)
		d.quadTo((xa+xb)/2, ys-sw*0.45, xa+pw, ys+sw*0.35)
		d.lineTo(xa+pw, H)
		pt := vgrad(stone.scale(1.1), stone.scale(0.7), y, H)
		pt.tex, pt.texAmt, pt.texScale = texNoise, 0.3, 8*d.u
		d.fill(pt)
	}
	d.rect(-2, y-4*d.u, W+2, y+deck)
	d.fill(solid(stone.scale(0.85)))
}

func (d *painter) bridge(y, s float32) {
	d.painted("bridge")
	col := d.lit(hex("#8a6a50"), 0.15)
	if d.p.el["temple"] || d.p.el["koi"] || d.p.el["pond"] {
		col = d.lit(hex("#c03a2a"), 0.1) // a red garden bridge
	}
	if c, ok := d.p.placeColourOK("bridge"); ok {
		col = d.lit(c, 0.1)
	}
	x0 := float32(d.w) * d.rnd(0.1, 0.3)
	x1 := x0 + float32(d.w)*d.rnd(0.4, 0.6)
	d.moveTo(x0, y)
	d.quadTo((x0+x1)/2, y-s*1.2, x1, y)
	d.lineTo(x1, y-s*0.2)
	d.quadTo((x0+x1)/2, y-s*1.45, x0, y-s*0.2)
	d.fill(solid(col))
	for i := 0; i <= 8; i++ {
		t := float32(i) / 8
		px := x0 + (x1-x0)*t
		py := y - s*0.2 - s*1.25*4*t*(1-t)*0.5
		d.line(px, py, px, py-s*0.35, s*0.06)
	}
	d.line(x0, y-s*0.55, (x0+x1)/2, y-s*1.15, s*0.05)
	d.line((x0+x1)/2, y-s*1.15, x1, y-s*0.55, s*0.05)
	d.fill(solid(col))
}

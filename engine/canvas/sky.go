package canvas

import (
	"math"
)

// painter draws one plan on one canvas.
type painter struct {
	*canvas
	p    *plan
	prop bool    // drawing a still life's companion object, not its subject
	rec  *record // what it painted, for the notes (record.go)
}

// skyAt returns the sky gradient colour at height y (0 top) for a horizon
// at hz: zenith to mid to horizon, banded for flat styles.
func (d *painter) skyAt(y, hz float32) rgb {
	lt := d.p.lt
	t := clamp01(y / hz)
	if d.st.bands > 0 {
		n := float32(d.st.bands)
		t = float32(math.Floor(float64(t*n))) / (n - 1)
		t = clamp01(t)
	}
	if t < 0.55 {
		return lt.zenith.mix(lt.mid, smoothstep(0, 1, t/0.55))
	}
	return lt.mid.mix(lt.horizon, smoothstep(0, 1, (t-0.55)/0.45))
}

// sky fills the picture with the sky gradient and the sun's glow.
func (d *painter) sky() {
	p := d.p
	hz := p.horizon
	sunCol := p.lt.sun
	glowK := float32(0)
	if p.showSun {
		glowK = 0.55
		if p.time == "noon" || p.time == "afternoon" || p.time == "morning" {
			glowK = 0.3
		}
	}
	if p.time == "dusk" {
		// The sun is just below the horizon: its light still warms the sky there.
		glowK = 0.35
	}
	sx, sy := p.sunX, p.sunY
	if p.time == "dusk" {
		sy = hz * 1.05
	}
	r2 := float32(d.w*d.w) * 0.09
	hard := d.st.hardEdge
	d.rows(0, d.h, func(y0, y1 int) {
		for y := y0; y < y1; y++ {
			col := d.skyAt(float32(y), hz)
			dy := float32(y) - sy
			base := y * d.w * 3
			for x := 0; x < d.w; x++ {
				c := col
				if glowK > 0 {
					dx := float32(x) - sx
					g := glowK / (1 + (dx*dx+dy*dy*2)/r2*6)
					if hard {
						g = float32(math.Floor(float64(g*6))) / 6
					}
					c = c.add(sunCol.scale(g * 0.6))
				}
				d.pix[base+x*3] = c.r
				d.pix[base+x*3+1] = c.g
				d.pix[base+x*3+2] = c.b
			}
		}
	})
}

// sunDisc draws the sun with a glow.
func (d *painter) sunDisc() {
	d.painted("sun")
	p := d.p
	r := 34 * d.u
	if p.time == "sunset" || p.time == "dawn" || p.time == "golden hour" {
		r = 48 * d.u
	}
	r *= p.look.sunR
	col := p.lt.sun
	if !d.st.hardEdge {
		d.glow(p.sunX, p.sunY, r*1.6, col, 0.55)
	} else {
		for i := 3; i >= 1; i-- {
			d.disc(p.sunX, p.sunY, r*(1+0.45*float32(i)), col, 0.12, false)
		}
	}
	d.ellipse(p.sunX, p.sunY, r, r)
	d.fillNoInk(solid(col.mix(rgb{1, 1, 1}, 0.5)))
	p.sunR = r
}

// moonDisc draws the moon, full or a crescent, with a soft glow.
func (d *painter) moonDisc() {
	d.painted("moon", "full moon")
	p := d.p
	r := 30 * d.u
	if p.fullMoon {
		r = 42 * d.u
	}
	if p.el["full moon"] {
		r = 62 * d.u
	}
	r *= p.look.sunR
	cx := p.sunX
	cy := p.horizon * d.rnd(0.18, 0.35)
	if p.fullMoon && d.chance(0.5) {
		cy = p.horizon * d.rnd(0.4, 0.6)
	}
	moon := p.placeColour(hex("#f3efd8"), "moon", "full moon") // "a red moon"
	if d.st.hardEdge {
		d.disc(cx, cy, r*1.7, moon, 0.08, false)
		d.disc(cx, cy, r*1.35, moon, 0.1, false)
	} else {
		d.glow(cx, cy, r*1.5, hex("#b8c4e0"), 0.45)
	}
	// Coverage of the lit part: the disc minus an offset disc for a crescent.
	off := float32(0)
	if !p.fullMoon {
		off = r * 0.55
	}
	x0, x1 := max(int(cx-r-2), 0), min(int(cx+r+3), d.w)
	y0, y1 := max(int(cy-r-2), 0), min(int(cy+r+3), d.h)
	for y := y0; y < y1; y++ {
		for x := x0; x < x1; x++ {
			dx, dy := float32(x)+0.5-cx, float32(y)+0.5-cy
			dd := float32(math.Sqrt(float64(dx*dx + dy*dy)))
			a := clamp01(r - dd + 0.5)
			if off > 0 {
				ex := dx + off
				de := float32(math.Sqrt(float64(ex*ex + (dy+off*0.3)*(dy+off*0.3))))
				a *= 1 - clamp01(r-de+0.5)
			}
			if a <= 0 {
				continue
			}
			// Maria: soft darker patches.
			m := valueNoise(dx/r*2.2+5, dy/r*2.2+5, d.seed+77)
			col := moon.scale(1 - 0.16*smoothstep(0.45, 0.8, m)*d.st.texture)
			d.blendPx((y*d.w+x)*3, col, a)
		}
	}
	p.sunX, p.sunY = cx, cy // reflections follow the moon
}

// stars scatters stars over the dark part of the sky.
func (d *painter) stars(bottom float32, density float32) {
	d.painted("stars")
	n := int(float32(d.w*d.h) / 1000 * density)
	for i := 0; i < n; i++ {
		x := d.rnd(0, float32(d.w))
		y := d.rnd(0, bottom)
		// Fewer and fainter near the horizon, where the air is thick.
		fade := 1 - smoothstep(0.55, 1, y/bottom)
		b := d.rng.Float32()
		b = b * b * b
		r := (0.5 + b*1.4) * max(d.u, 0.5)
		a := (0.35 + 0.65*b) * fade
		col := rgb{0.95, 0.95, 1}
		if d.chance(0.2) {
			col = rgb{1, 0.9, 0.75}
		}
		d.disc(x, y, r, col, a, false)
		if b > 0.85 && !d.st.hardEdge {
			d.glow(x, y, r*1.5, col, 0.25*fade)
		}
	}
}

// milkyWay adds a diagonal band of faint light and dense small stars.
func (d *painter) milkyWay() {
	d.painted("milky way")
	a := d.rnd(-0.5, 0.5)
	cx := float32(d.w) * d.rnd(0.3, 0.7)
	bottom := d.p.horizon
	width := float32(d.w) * 0.12
	ca, sa := float32(math.Cos(float64(a))), float32(math.Sin(float64(a)))
	d.rows(0, int(bottom), func(y0, y1 int) {
		for y := y0; y < y1; y++ {
			for x := 0; x < d.w; x++ {
				// Distance from the band's centre line through (cx, 0).
				dx := float32(x) - cx - float32(y)*sa/ca
				dd := dx * ca / width
				g := float32(math.Exp(float64(-dd * dd)))
				if g < 0.02 {
					continue
				}
				n := fbm(float32(x)/(60*d.u), float32(y)/(60*d.u), 3, d.seed+91)
				f := g * (0.05 + 0.22*smoothstep(0.35, 0.8, n)) * (1 - smoothstep(0.6, 1, float32(y)/bottom))
				i := (y*d.w + x) * 3
				d.pix[i] += 0.75 * f
				d.pix[i+1] += 0.72 * f
				d.pix[i+2] += 0.85 * f
			}
		}
	})
	for i := 0; i < int(float32(d.w)*1.5); i++ {
		t := d.rnd(0, bottom)
		off := float32(d.rng.NormFloat64()) * width * 0.5
		x := cx + t*sa/ca + off/ca
		d.disc(x, t, 0.5*max(d.u, 0.6), rgb{1, 1, 1}, d.rnd(0.2, 0.7), false)
	}
}

// aurora draws curtains of green and violet light across the upper sky.
func (d *painter) aurora() {
	d.painted("aurora")
	hz := d.p.horizon
	w := d.w
	base := make([]float32, w)   // bottom edge of the curtain
	streak := make([]float32, w) // brightness of vertical rays
	for x := range w {
		fx := float32(x) / float32(w)
		base[x] = hz * (0.35 + 0.35*fbm1(fx*2.2, 3, d.seed+41))
		streak[x] = 0.45 + 0.55*fbm1(fx*40, 2, d.seed+42)
	}
	green := hex("#3dffa0")
	violet := hex("#9a5cff")
	height := hz * 0.45
	d.rows(0, int(hz), func(y0, y1 int) {
		for y := y0; y < y1; y++ {
			fy := float32(y)
			for x := 0; x < w; x++ {
				t := (base[x] - fy) / height // 0 at the bottom edge, 1 at the top
				if t < -0.08 || t > 1 {
					continue
				}
				var f float32
				if t < 0 {
					f = 1 + t/0.08
				} else {
					f = float32(math.Exp(float64(-t * 2.6)))
				}
				f *= streak[x] * 0.8
				col := green.mix(violet, smoothstep(0.2, 0.9, t))
				i := (y*w + x) * 3
				d.pix[i] += col.r * f
				d.pix[i+1] += col.g * f
				d.pix[i+2] += col.b * f
			}
		}
	})
}

// clouds composites fractal-noise clouds over the sky above bottom. The
// density is computed on a coarse grid and interpolated: clouds are soft,
// and this keeps the sky cheap at 2048 pixels.
func (d *painter) clouds(bottom float32, cover float32) {
	d.painted("clouds")
	p := d.p
	const cell = 4
	gw := d.w/cell + 2
	gh := int(bottom)/cell + 2
	den := make([]float32, gw*gh)
	shade := make([]float32, gw*gh)
	fx := 1 / (float32(d.w) * 0.24 * p.look.cloudScale)
	fy := 1 / (float32(d.h) * 0.11 * p.look.cloudScale)
	// Light comes from the sun (or from above when it is hidden).
	lx, ly := float32(0), float32(-1)
	if p.showSun || p.showMoon {
		lx = (p.sunX - float32(d.w)/2) / float32(d.w)
		ly = -0.6
	}
	thr := 1 - cover
	clearR := float32(0)
	if p.showSun && p.weather == "clear" && (p.sunY > p.horizon*0.6 || p.time == "sunset" || p.time == "dawn" || p.time == "golden hour") {
		clearR = 60 * d.u * p.look.sunR
	}
	seed := d.seed + 500
	for gy := 0; gy < gh; gy++ {
		y := float32(gy * cell)
		// Perspective: clouds flatten and shrink towards the horizon.
		t := clamp01(y / bottom)
		sy := y*fy*(1+t*1.5) + 3
		sxk := fx * (1 + t*1.2)
		for gx := 0; gx < gw; gx++ {
			x := float32(gx*cell) * sxk
			n := fbm(x, sy, 4, seed)
			v := smoothstep(thr, thr+0.22, n)
			if d.st.hardEdge {
				v = smoothstep(thr+0.08, thr+0.1, n)
			}
			if clearR > 0 && v > 0 {
				// A low sun is the picture: the cloud parts around it.
				dx, dy := float32(gx*cell)-p.sunX, y-p.sunY
				v *= smoothstep(clearR, clearR*2.4, float32(math.Sqrt(float64(dx*dx+dy*dy))))
			}
			den[gy*gw+gx] = v
			if v > 0 {
				n2 := fbm(x+lx*0.3, sy+ly*0.3, 4, seed)
				// Lit where the cloud thins towards the light, darker
				// where it is thick.
				shade[gy*gw+gx] = clamp01(0.75 + (n-n2)*2.5 - v*0.3)
			}
		}
	}
	lit := rgb{1, 0.99, 0.97}
	dark := p.lt.mid.mix(rgb{0.45, 0.47, 0.52}, 0.6)
	switch p.time {
	case "sunset", "dawn":
		lit = p.lt.sun.mix(hex("#ff9aa0"), 0.3)
		dark = p.lt.mid.mix(p.lt.zenith, 0.5)
	case "golden hour":
		lit = hex("#ffe2b0")
	case "dusk":
		lit = hex("#e89a9a")
		dark = p.lt.zenith.mix(p.lt.mid, 0.5)
	case "night":
		lit = hex("#5a6680")
		dark = hex("#161c2c")
	}
	switch p.weather {
	case "overcast", "rain", "snow", "fog":
		lit = lit.mix(rgb{0.72, 0.74, 0.78}, 0.6)
		dark = dark.mix(rgb{0.4, 0.42, 0.46}, 0.6)
	case "storm":
		lit = lit.mix(rgb{0.45, 0.47, 0.52}, 0.7)
		dark = hex("#1e222a")
	}
	if p.lt.night {
		lit = lit.scale(0.8)
		dark = dark.scale(0.8)
	}
	d.rows(0, int(bottom), func(y0, y1 int) {
		for y := y0; y < y1; y++ {
			gyf := float32(y) / cell
			gy := int(gyf)
			ty := gyf - float32(gy)
			fade := 1 - smoothstep(0.85, 1, float32(y)/bottom)
			for x := 0; x < d.w; x++ {
				gxf := float32(x) / cell
				gx := int(gxf)
				tx := gxf - float32(gx)
				i00 := gy*gw + gx
				v := bilerp(den[i00], den[i00+1], den[i00+gw], den[i00+gw+1], tx, ty) * fade
				if v <= 0.003 {
					continue
				}
				s := bilerp(shade[i00], shade[i00+1], shade[i00+gw], shade[i00+gw+1], tx, ty)
				if d.st.bands > 0 {
					s = float32(math.Floor(float64(s*3))) / 2
				}
				col := dark.mix(lit, clamp01(s))
				d.blendPx((y*d.w+x)*3, col, clamp01(v*1.1))
			}
		}
	})
}

func bilerp(a, b, c, e, tx, ty float32) float32 {
	top := a + (b-a)*tx
	bot := c + (e-c)*tx
	return top + (bot-top)*ty
}

// rainbow draws a faint arc of spectral bands.
func (d *painter) rainbow() {
	d.painted("rainbow")
	cx := float32(d.w) * d.rnd(0.3, 0.7)
	cy := d.p.horizon * 1.1
	r := float32(d.w) * d.rnd(0.35, 0.5)
	band := r * 0.08
	cols := []rgb{hex("#ff4040"), hex("#ff9a30"), hex("#ffee40"), hex("#50e050"), hex("#4090ff"), hex("#8050e0")}
	d.rows(0, int(d.p.horizon), func(y0, y1 int) {
		for y := y0; y < y1; y++ {
			for x := 0; x < d.w; x++ {
				dx, dy := float32(x)-cx, float32(y)-cy
				t := (float32(math.Sqrt(float64(dx*dx+dy*dy))) - (r - band)) / band
				if t < 0 || t >= 1 {
					continue
				}
				k := int(t * 6)
				a := 0.22 * float32(math.Sin(float64(t)*math.Pi))
				d.blendPx((y*d.w+x)*3, cols[5-k], a)
			}
		}
	})
}

// lightning draws a forked bolt and brightens the sky around it.
func (d *painter) lightning() {
	d.painted("lightning")
	x := float32(d.w) * d.rnd(0.2, 0.8)
	y := float32(0)
	end := d.p.horizon * d.rnd(0.85, 1.0)
	col := hex("#eef2ff")
	d.glow(x, end*0.5, float32(d.w)*0.2, hex("#8a9ac8"), 0.25)
	wdt := 3 * d.u
	for y < end {
		nx := x + d.rnd(-30, 30)*d.u
		ny := y + d.rnd(15, 45)*d.u
		d.line(x, y, nx, ny, wdt)
		if d.chance(0.15) {
			bx, by := nx, ny
			for k := 0; k < 4; k++ {
				cx := bx + d.rnd(-25, 25)*d.u
				cy := by + d.rnd(10, 30)*d.u
				d.line(bx, by, cx, cy, wdt*0.5)
				bx, by = cx, cy
			}
		}
		x, y = nx, ny
	}
	d.fillNoInk(paint{col: col})
	d.glow(x, y, 20*d.u, col, 0.5)
}

package canvas

import "math"

// rain draws slanting streaks over everything.
func (d *painter) rain(heavy bool) {
	d.painted("rain")
	n := d.w * d.h / 1400
	if heavy {
		n = n * 3 / 2
	}
	slant := d.rnd(-0.25, 0.1)
	for i := 0; i < n; i++ {
		x := d.rnd(-0.1, 1.1) * float32(d.w)
		y := d.rnd(-0.05, 1) * float32(d.h)
		l := d.rnd(14, 40) * d.u
		d.line(x, y, x+slant*l, y+l, max(0.9*d.u, 0.7))
	}
	col := d.p.haze.mix(rgb{0.85, 0.88, 0.95}, 0.6)
	d.fillNoInk(paint{col: col, alpha: 0.35})
}

// snowfall scatters flakes, larger and softer near the viewer.
func (d *painter) snowfall() {
	d.painted("snowfall")
	n := d.w * d.h / 900
	col := d.lit(rgb{1, 1, 1}, 0).mix(rgb{1, 1, 1}, 0.5)
	for i := 0; i < n; i++ {
		t := d.rng.Float32()
		r := (0.8 + 3.5*t*t) * d.u
		d.disc(d.rnd(0, float32(d.w)), d.rnd(0, float32(d.h)), r, col, 0.55+0.4*t, false)
	}
}

// fogBand mixes fog colour over rows y0..y1, densest at peak (a y in
// pixels) and thinning away from it, broken up by slow noise.
func (d *painter) fogBand(y0, y1 int, peak, spread, amount float32, col rgb) {
	seed := d.seed + 2100
	ox, oy := float32(seed%67)*0.43, float32(seed%59)*0.31
	inv := 1 / (180 * d.u)
	d.rows(y0, y1, func(a, b int) {
		for y := a; y < b; y++ {
			dy := (float32(y) - peak) / spread
			k := amount * float32(math.Exp(float64(-dy*dy)))
			if k < 0.01 {
				continue
			}
			fy := float32(y) * inv * 3
			for x := 0; x < d.w; x++ {
				n := tile(float32(x)*inv+ox, fy)*0.7 + tile(float32(x)*inv*3+oy, fy*2)*0.3
				f := clamp01(k * (0.55 + 0.9*(n-0.5)))
				if d.st.bands > 0 {
					f = float32(math.Floor(float64(f*4))) / 4
				}
				d.blendPx((y*d.w+x)*3, col, f)
			}
		}
	})
}

// fogColour is the colour of fog and mist in this light.
func (d *painter) fogColour() rgb {
	p := d.p
	c := p.haze.mix(rgb{0.85, 0.87, 0.9}, 0.5)
	if p.lt.night {
		c = p.haze.scale(1.4)
	}
	return c
}

package canvas

import "math"

// product_draw.go holds the drawing primitives of objects: a soft contact shadow, a lathe for round things, arcs for handles, boxes and rounded rectangles.

// shadow lays a soft shadow of an object of half-width r at (cx, base),
// falling away from the light.
func (d *painter) shadow(cx, base, r float32) {
	// Darker under the object, fading smoothly outwards: an elliptical
	// falloff computed per pixel, with no rings.
	cx += r * 0.2
	rx, ry := r*1.6, r*0.4
	x0, x1 := max(int(cx-rx), 0), min(int(cx+rx)+1, d.w)
	y0, y1 := max(int(base-ry), 0), min(int(base+ry)+1, d.h)
	if x1 <= x0 || y1 <= y0 {
		return
	}
	d.rows(y0, y1, func(ya, yb int) {
		for y := ya; y < yb; y++ {
			dy := (float32(y) + 0.5 - base) / ry
			for x := x0; x < x1; x++ {
				dx := (float32(x) + 0.5 - cx) / rx
				q := dx*dx + dy*dy
				if q >= 1 {
					continue
				}
				// Dense near the middle (the contact), soft at the rim.
				k := 1 - 0.55*(1-q)*(1-q) - 0.2*(1-q)
				i := (y*d.w + x) * 3
				d.pix[i] *= k
				d.pix[i+1] *= k
				d.pix[i+2] *= k
			}
		}
	})
}

// strokeOpen strokes the current open polyline as thick segments.
func (d *painter) strokeOpen(w float32, col rgb, alpha float32) {
	pts := append([]vec(nil), d.pts...)
	d.clearPath()
	for i := 1; i < len(pts); i++ {
		d.line(pts[i-1].x, pts[i-1].y, pts[i].x, pts[i].y, w)
	}
	d.fillNoInk(paint{col: col, alpha: alpha})
}

// arc strokes part of an ellipse from angle a0 to a1 (radians, 0 is to the
// right, positive is down).
func (d *painter) arc(cx, cy, rx, ry, a0, a1, w float32, col rgb) {
	const n = 18
	px, py := cx+rx*cos32(a0), cy+ry*sin32(a0)
	for i := 1; i <= n; i++ {
		a := a0 + (a1-a0)*float32(i)/n
		x, y := cx+rx*cos32(a), cy+ry*sin32(a)
		d.line(px, py, x, y, w)
		d.disc(x, y, w/2, col, 1, false)
		px, py = x, y
	}
	d.fillNoInk(solid(col))
}

func cos32(a float32) float32 { return float32(math.Cos(float64(a))) }

func sin32(a float32) float32 { return float32(math.Sin(float64(a))) }

// shade is the light a surface facing angle th (0 towards the viewer,
// negative to the left, where the light is) receives.
func shade(col rgb, th, gloss float32) rgb {
	l := 0.42 + 0.7*max(cos32(th+0.75), 0)
	c := col.scale(l)
	if gloss > 0 {
		sp := float32(math.Pow(float64(max(cos32(th+0.55), 0)), 24)) * gloss
		c = c.mix(rgb{1, 1, 1}, min(sp, 0.9))
	}
	return c
}

const (
	topLid = iota
	topOpen
	topNone
)

// lathe draws a solid of revolution seen from a little above: prof lists
// (height, radius) pairs from the base (0) up to the top (1), in units of
// s. top says how the top ends: topOpen shows the inside, topLid closes
// it, topNone leaves it to what is drawn over it (a band, a label).
func (d *painter) lathe(cx, base, height float32, prof [][2]float32, col rgb, gloss float32, top int) {
	const e = 0.22 // how far the circles open into ellipses
	const n = 24
	y := func(t, r, th float32) float32 { return base - t*height + e*r*cos32(th) }
	// The silhouette first, so no seam shows between the slices.
	d.moveTo(cx+prof[0][1]*sin32(-math.Pi/2), y(prof[0][0], prof[0][1], -math.Pi/2))
	for k := 0; k <= n; k++ {
		th := -math.Pi/2 + math.Pi*float32(k)/n
		d.lineTo(cx+prof[0][1]*sin32(th), y(prof[0][0], prof[0][1], th))
	}
	for i := len(prof) - 1; i >= 0; i-- {
		d.lineTo(cx+prof[i][1], y(prof[i][0], prof[i][1], math.Pi/2))
	}
	for i := range prof {
		d.lineTo(cx-prof[i][1], y(prof[i][0], prof[i][1], -math.Pi/2))
	}
	d.fill(solid(col.scale(0.55)))
	for k := 0; k < n; k++ {
		a := -math.Pi/2 + math.Pi*float32(k)/n
		b := -math.Pi/2 + math.Pi*float32(k+1)/n
		for i := range prof {
			d.lineTo(cx+prof[i][1]*sin32(a), y(prof[i][0], prof[i][1], a))
		}
		for i := len(prof) - 1; i >= 0; i-- {
			d.lineTo(cx+prof[i][1]*sin32(b), y(prof[i][0], prof[i][1], b))
		}
		c := shade(col, (a+b)/2, gloss)
		d.fillNoInk(vgrad(c.scale(1.06), c.scale(0.9), base-height, base))
	}
	tr := prof[len(prof)-1][1]
	tt := base - height
	if tr > 0 && top != topNone {
		d.ellipse(cx, tt, tr, e*tr)
		if top == topOpen {
			d.fill(solid(col.scale(0.78)))
			d.ellipse(cx, tt+e*tr*0.06, tr*0.9, e*tr*0.86)
			d.fillNoInk(vgrad(col.scale(0.3), col.scale(0.6), tt-e*tr, tt+e*tr))
		} else {
			d.fill(solid(shade(col, -0.4, 0).scale(1.12)))
		}
	}
}

// box3d draws a box whose front face spans x0..x1 at the base, seen a
// little from above and to the left.
func (d *painter) box3d(x0, base, w, h, depth float32, col rgb, round float32) {
	dx, dy := depth*0.55, -depth*0.45
	x1 := x0 + w
	// Side and top.
	d.poly(x1, base, x1+dx, base+dy, x1+dx, base-h+dy, x1, base-h)
	d.fill(solid(col.scale(0.55)))
	d.poly(x0, base-h, x1, base-h, x1+dx, base-h+dy, x0+dx, base-h+dy)
	d.fill(solid(col.scale(1.12)))
	d.roundRect(x0, base-h, x1, base, round)
	d.fill(vgrad(col.scale(0.98), col.scale(0.82), base-h, base))
}

// roundRect adds a rectangle with corners rounded by r.
func (d *painter) roundRect(x0, y0, x1, y1, r float32) {
	r = min(r, (x1-x0)/2, (y1-y0)/2)
	d.moveTo(x0+r, y0)
	d.lineTo(x1-r, y0)
	d.quadTo(x1, y0, x1, y0+r)
	d.lineTo(x1, y1-r)
	d.quadTo(x1, y1, x1-r, y1)
	d.lineTo(x0+r, y1)
	d.quadTo(x0, y1, x0, y1-r)
	d.lineTo(x0, y0+r)
	d.quadTo(x0, y0, x0+r, y0)
}

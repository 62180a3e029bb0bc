package canvas

import (
	"math"
	"strings"
)

// objects_more.go draws the objects with more parts: a bouquet in its vase, a houseplant's leaves, shoes and boots, garments on a hanger, a teddy bear and a toy robot.

// bouquet puts the flowers on stems above a vessel's mouth, by their
// kind, count and colour (flowers.go).
func (d *painter) bouquet(cx, top, s float32, _ bool) {
	d.flowersAt(cx, top, s)
}

// leaves grows a houseplant's leaves from (cx, y).
func (d *painter) leaves(cx, y, s float32) {
	greens := []rgb{hex("#2f7a3a"), hex("#4a9a4a"), hex("#236a30"), hex("#5aaa5a")}
	for i := 0; i < 11; i++ {
		a := -math.Pi/2 + (float32(i)/10-0.5)*2.4 + d.rnd(-0.15, 0.15)
		l := s * d.rnd(0.55, 0.9)
		tx, ty := cx+l*cos32(a), y+l*sin32(a)*0.9
		nx, ny := -sin32(a)*l*0.22, cos32(a)*l*0.22
		mx, my := (cx+tx)/2, (y+ty)/2
		d.moveTo(cx, y)
		d.quadTo(mx+nx, my+ny, tx, ty)
		d.quadTo(mx-nx, my-ny, cx, y)
		c := greens[d.rng.IntN(len(greens))]
		d.fill(vgrad(c.scale(1.15), c.scale(0.8), ty, y))
	}
}

// shoe draws a shoe (a sneaker or a boot) seen from the side, toe to the
// left.
func (d *painter) shoe(cx, base, s float32, col rgb, boot, sneaker bool) {
	d.shadow(cx, base, s*0.75)
	L := s * 1.5
	x0 := cx - L/2
	sole := hex("#f4f2ee")
	if !sneaker {
		sole = hex("#2a1e18")
	}
	if col.lum() > 0.8 && sneaker {
		sole = hex("#e8e2d6")
	}
	// The upper: a low rounded toe on the left, the tongue rising at the
	// laces, the collar dipping, the heel counter standing at the back.
	lift := float32(1)
	if boot {
		lift = 1.6
	}
	pt := func(x, y float32) (float32, float32) { return x0 + L*x, base - s*y*lift }
	d.moveTo(pt(0.02, 0.08))
	x1, y1 := pt(0, 0.3)
	x2, y2 := pt(0.18, 0.36)
	x3, y3 := pt(0.42, 0.42)
	d.cubeTo(x1, y1, x2, y2, x3, y3)
	d.lineTo(pt(0.56, 0.68))
	d.lineTo(pt(0.64, 0.66))
	x1, y1 = pt(0.7, 0.54)
	x2, y2 = pt(0.86, 0.56)
	x3, y3 = pt(0.94, 0.64)
	d.quadTo(x1, y1, x2, y2)
	d.lineTo(x3, y3)
	x1, y1 = pt(1.01, 0.4)
	x2, y2 = pt(0.99, 0.08)
	d.quadTo(x1, y1, x2, y2)
	d.fill(vgrad(shade(col, -0.4, 0.2), col.scale(0.72), base-s*0.68*lift, base))
	top := base - s*0.56*lift
	// The sole.
	d.roundRect(x0, base-s*0.12, x0+L, base, s*0.05)
	d.fill(solid(sole))
	// The opening, the laces and a toe cap.
	d.ellipse(x0+L*0.78, top+s*0.03, L*0.13, s*0.045)
	d.fillNoInk(solid(col.scale(0.3)))
	for i := 0; i < 4; i++ {
		x, y := pt(0.44+float32(i)*0.035, 0.44+float32(i)*0.055)
		d.line(x-L*0.03, y+s*0.02, x+L*0.05, y-s*0.03, max(3*d.u, s*0.025))
	}
	d.fillNoInk(solid(col.mix(rgb{1, 1, 1}, 0.6).mix(rgb{0.2, 0.2, 0.2}, 0.2)))
	d.moveTo(pt(0.03, 0.16))
	x1, y1 = pt(0.1, 0.3)
	x2, y2 = pt(0.26, 0.3)
	d.quadTo(x1, y1, x2, y2)
	d.strokeOpen(max(3*d.u, s*0.02), col.scale(0.6), 0.7)
	if sneaker {
		d.moveTo(x0+L*0.35, base-s*0.2)
		d.quadTo(x0+L*0.6, base-s*0.35, x0+L*0.85, base-s*0.3)
		d.strokeOpen(5*d.u, col.scale(0.55), 0.9)
	}
}

// garment hangs a piece of clothing on a hanger in front of the backdrop,
// as a catalogue shows it: a top (long sleeves for a sweater, a jacket or
// a hoodie, short for a t-shirt), a dress, a skirt or trousers.
func (d *painter) garment(pr product, cx, base, s float32) {
	col := pr.col
	long := !strings.Contains(pr.noun, "t-shirt") && !strings.Contains(pr.noun, "tshirt") && !strings.Contains(pr.noun, "tee") && !strings.Contains(pr.noun, "blouse")
	coat := strings.Contains(pr.noun, "coat") || strings.Contains(pr.noun, "parka") || strings.Contains(pr.noun, "raincoat")
	// Whatever the surface, the garment hangs in the frame: its size and
	// place come from the picture's height, the seed's zoom nudging them.
	H := float32(d.h)
	s = min(s*1.05, H*0.4)
	hem := map[string]float32{"top": 1.1, "dress": 1.8, "skirt": 1.25, "trousers": 1.6}[pr.shape]
	switch {
	case pr.shape == "top" && (strings.Contains(pr.noun, "coat") || strings.Contains(pr.noun, "parka")):
		hem = 1.6
	case strings.Contains(pr.noun, "shorts"):
		hem = 0.8
	}
	s = min(s, H*0.8/(hem+0.3))
	hy := H*0.5 - s*(hem-0.25)/2 // the hanger's bar
	// Hook and bar.
	d.arc(cx, hy-s*0.18, s*0.07, s*0.08, math.Pi*0.9, math.Pi*2.3, max(2*d.u, s*0.02), hex("#8a8a8a"))
	d.line(cx, hy-s*0.1, cx, hy-s*0.02, max(2*d.u, s*0.02))
	d.fillNoInk(solid(hex("#8a8a8a")))
	outline := func(dx, dy float32) {
		P := func(x, y float32) (float32, float32) { return cx + x*s + dx, hy + y*s + dy }
		switch pr.shape {
		case "top":
			slv := float32(0.55)
			if long {
				slv = 1.05
			}
			d.moveTo(P(-0.14, 0))
			d.lineTo(P(-0.42, 0.06))
			d.lineTo(P(-0.62, 0.2))
			d.lineTo(P(-0.72-0.1*slv, 0.1+slv*0.95))
			d.lineTo(P(-0.54-0.06*slv, 0.14+slv))
			d.lineTo(P(-0.44, 0.45))
			d.lineTo(P(-0.44, hem))
			d.lineTo(P(0.44, hem))
			d.lineTo(P(0.44, 0.45))
			d.lineTo(P(0.54+0.06*slv, 0.14+slv))
			d.lineTo(P(0.72+0.1*slv, 0.1+slv*0.95))
			d.lineTo(P(0.62, 0.2))
			d.lineTo(P(0.42, 0.06))
			d.lineTo(P(0.14, 0))
			x1, y1 := P(0, 0.16)
			x2, y2 := P(-0.14, 0)
			d.quadTo(x1, y1, x2, y2)
		case "dress":
			d.moveTo(P(-0.16, 0))
			d.lineTo(P(-0.3, 0.08))
			d.lineTo(P(-0.34, 0.45))
			d.lineTo(P(-0.26, 0.72))
			d.lineTo(P(-0.7, 1.75))
			x1, y1 := P(0, 1.85)
			x2, y2 := P(0.7, 1.75)
			d.quadTo(x1, y1, x2, y2)
			d.lineTo(P(0.26, 0.72))
			d.lineTo(P(0.34, 0.45))
			d.lineTo(P(0.3, 0.08))
			d.lineTo(P(0.16, 0))
			x1, y1 = P(0, 0.22)
			x2, y2 = P(-0.16, 0)
			d.quadTo(x1, y1, x2, y2)
		case "skirt":
			d.moveTo(P(-0.4, 0))
			d.lineTo(P(0.4, 0))
			d.lineTo(P(0.72, 1.2))
			x1, y1 := P(0, 1.3)
			x2, y2 := P(-0.72, 1.2)
			d.quadTo(x1, y1, x2, y2)
		default: // trousers
			leg := hem
			d.moveTo(P(-0.42, 0))
			d.lineTo(P(0.42, 0))
			d.lineTo(P(0.5, leg))
			d.lineTo(P(0.06, leg))
			d.lineTo(P(0, 0.45))
			d.lineTo(P(-0.06, leg))
			d.lineTo(P(-0.5, leg))
		}
	}
	// A soft shadow on the backdrop, then the cloth lit from the left.
	outline(s*0.06, s*0.05)
	d.fillNoInk(paint{col: rgb{0, 0, 0}, alpha: 0.14})
	outline(0, 0)
	d.fill(vgrad(shade(col, -0.35, 0), col.scale(0.78), hy, base))
	// Folds: a few soft darker and lighter streaks down the cloth.
	for i := 0; i < 5; i++ {
		x := cx + (float32(i)-2)*s*0.17 + d.rnd(-0.04, 0.04)*s
		y0 := hy + s*0.5
		y1 := hy + s*hem*d.rnd(0.7, 0.92)
		if pr.shape == "trousers" || pr.shape == "skirt" {
			y0 = hy + s*0.2
		}
		d.line(x, y0, x+d.rnd(-0.05, 0.05)*s, y1, s*0.03)
		d.fillNoInk(paint{col: col.scale(0.55), alpha: 0.25})
	}
	switch {
	case pr.shape == "top" && (coat || strings.Contains(pr.noun, "jacket") || strings.Contains(pr.noun, "blazer") || strings.Contains(pr.noun, "cardigan")):
		// An opening down the front with buttons.
		d.line(cx, hy+s*0.12, cx, hy+s*(hem-0.02), max(1.5*d.u, s*0.012))
		d.fillNoInk(solid(col.scale(0.45)))
		for k := 0; k < 4; k++ {
			d.disc(cx+s*0.04, hy+s*(0.35+0.25*float32(k)), s*0.025, col.scale(0.4), 1, false)
		}
	case pr.shape == "top" && strings.Contains(pr.noun, "hoodie"):
		d.ellipse(cx, hy+s*0.08, s*0.2, s*0.14)
		d.fill(solid(col.scale(0.7)))
		d.roundRect(cx-s*0.24, hy+s*0.62, cx+s*0.24, hy+s*0.88, s*0.05)
		d.fillNoInk(paint{col: col.scale(0.6), alpha: 0.5})
	case pr.shape == "trousers":
		d.fillRect(cx-s*0.42, hy, cx+s*0.42, hy+s*0.08, col.scale(0.7), 1)
	}
}

// teddy draws a sitting teddy bear: round plush parts, lit from the left,
// with paler paws, ears and muzzle.
func (d *painter) teddy(cx, base, s float32, col rgb) {
	d.shadow(cx, base, s*0.6)
	pad := col.mix(hex("#f2e2c8"), 0.55)
	part := func(x, y, rx, ry float32, c rgb) {
		d.ellipse(x, y, rx, ry)
		pt := vgrad(c.scale(1.1), c.scale(0.7), y-ry, y+ry)
		pt.tex, pt.texAmt, pt.texScale = texNoise, 0.14, 3*d.u
		d.fill(pt)
		d.ellipse(x-rx*0.3, y-ry*0.32, rx*0.5, ry*0.45)
		d.fillNoInk(paint{col: c.scale(1.3), alpha: 0.22})
	}
	// Arms behind the body's edge, legs stretched towards the viewer.
	part(cx-s*0.34, base-s*0.48, s*0.12, s*0.2, col)
	part(cx+s*0.34, base-s*0.48, s*0.12, s*0.2, col)
	part(cx, base-s*0.42, s*0.32, s*0.36, col)
	d.ellipse(cx, base-s*0.38, s*0.19, s*0.22)
	d.fillNoInk(paint{col: pad, alpha: 0.55})
	for _, sx := range []float32{-1, 1} {
		part(cx+sx*s*0.24, base-s*0.13, s*0.16, s*0.13, col)
		part(cx+sx*s*0.27, base-s*0.12, s*0.08, s*0.09, pad)
	}
	hy := base - s*0.98
	for _, sx := range []float32{-1, 1} {
		part(cx+sx*s*0.2, hy-s*0.2, s*0.1, s*0.1, col)
		d.disc(cx+sx*s*0.2, hy-s*0.19, s*0.05, pad, 1, false)
	}
	part(cx, hy, s*0.27, s*0.25, col)
	part(cx, hy+s*0.08, s*0.12, s*0.09, pad)
	eye := hex("#1a1410")
	d.ellipse(cx, hy+s*0.04, s*0.045, s*0.03)
	d.fillNoInk(solid(eye))
	d.line(cx, hy+s*0.06, cx, hy+s*0.12, max(1.5*d.u, 0.8))
	d.fillNoInk(solid(eye))
	for _, sx := range []float32{-1, 1} {
		d.disc(cx+sx*s*0.1, hy-s*0.06, s*0.028, eye, 1, false)
		d.disc(cx+sx*s*0.1-s*0.01, hy-s*0.07, s*0.008, rgb{1, 1, 1}, 0.8, false)
	}
}

// robot draws a toy robot: a boxy body and head, round eyes, an antenna.
func (d *painter) robot(cx, base, s float32, col rgb) {
	d.shadow(cx, base, s*0.45)
	grey := hex("#5a5e66")
	for _, sx := range []float32{-1, 1} {
		d.box3d(cx+sx*s*0.14-s*0.07, base, s*0.14, s*0.22, s*0.08, grey, s*0.02)
		d.box3d(cx+sx*s*0.36-s*0.05, base-s*0.32, s*0.1, s*0.3, s*0.08, grey, s*0.02)
	}
	d.box3d(cx-s*0.28, base-s*0.2, s*0.56, s*0.46, s*0.18, col, s*0.05)
	d.fillRect(cx-s*0.14, base-s*0.52, cx+s*0.14, base-s*0.36, grey, 0.8)
	for i := 0; i < 3; i++ {
		d.disc(cx-s*0.08+float32(i)*s*0.08, base-s*0.44, s*0.025, []rgb{hex("#e84a3a"), hex("#f8d040"), hex("#4ac87a")}[i], 1, false)
	}
	d.box3d(cx-s*0.2, base-s*0.68, s*0.4, s*0.3, s*0.14, col, s*0.06)
	hy := base - s*0.84
	for _, sx := range []float32{-1, 1} {
		d.disc(cx+sx*s*0.09, hy, s*0.06, hex("#1e1e24"), 1, false)
		d.disc(cx+sx*s*0.09, hy, s*0.035, hex("#8ae0ff"), 1, false)
	}
	d.line(cx, base-s*0.98, cx, base-s*1.12, max(2*d.u, 1))
	d.fillNoInk(solid(grey))
	d.disc(cx, base-s*1.13, s*0.035, hex("#e84a3a"), 1, false)
}

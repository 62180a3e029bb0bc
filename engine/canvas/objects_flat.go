package canvas

import (
	"slices"

	"github.com/easel-art/easel"
)

// objects_flat.go draws the objects that lie flat on their surface, seen
// from a little above: a wallet (folded leather, stitched, a card peeking
// out) and a board game (a chequered board with its pieces).

// flatTop adds the top face of a flat thing lying at (cx, base): a
// parallelogram w wide and d deep, leaning back to the right.
func (d *painter) flatTop(cx, base, w, dp float32) {
	dx := dp * 0.55
	d.poly(cx-w/2, base, cx+w/2, base, cx+w/2+dx, base-dp, cx-w/2+dx, base-dp)
}

// objWallet draws a folded wallet lying on the surface: its thickness, the
// leather top with a stitched border, and a card edge showing at the fold.
func (d *painter) objWallet(pr product, cx, base, s float32) {
	col := pr.col
	w, dp, th := s*0.8, s*0.48, s*0.09
	d.shadow(cx, base, w*0.55)
	// The front edge: the two layers of the fold.
	d.rect(cx-w/2, base-th, cx+w/2, base)
	d.fill(vgrad(col.scale(0.7), col.scale(0.5), base-th, base))
	d.fillRect(cx-w/2, base-th*0.52, cx+w/2, base-th*0.42, col.scale(0.35), 1)
	// A card peeking out of the fold on the right.
	dx := dp * 0.55
	// (It sticks out past the back edge, the top hides the rest.)
	d.poly(cx-w*0.1+dx*0.6, base-th-dp*0.6, cx+w*0.32+dx*0.6, base-th-dp*0.6, cx+w*0.32+dx*1.2, base-th-dp*1.32, cx-w*0.1+dx*1.2, base-th-dp*1.32)
	d.fill(solid(d.lit(hex("#3a7ab8"), 0)))
	d.poly(cx-w*0.02+dx*1.05, base-th-dp*1.14, cx+w*0.18+dx*1.05, base-th-dp*1.14, cx+w*0.18+dx*1.1, base-th-dp*1.2, cx-w*0.02+dx*1.1, base-th-dp*1.2)
	d.fillNoInk(solid(d.lit(hex("#e8c050"), 0)))
	// The top, lit from the window side, and its stitching.
	d.flatTop(cx, base-th, w, dp)
	d.fill(vgrad(col.scale(1.15), col.scale(0.92), base-th-dp, base-th))
	in := s * 0.05
	d.moveTo(cx-w/2+in, base-th-in*0.6)
	d.lineTo(cx+w/2-in, base-th-in*0.6)
	d.lineTo(cx+w/2-in+dx*0.92, base-th-dp+in*0.6)
	d.lineTo(cx-w/2+in+dx*0.92, base-th-dp+in*0.6)
	d.lineTo(cx-w/2+in, base-th-in*0.6)
	d.strokeOpen(max(1.2*d.u, 0.8), col.mix(hex("#f0e0c0"), 0.55), 0.7)
	// The fold: a rounded spine along the left edge.
	d.line(cx-w/2, base-th*0.5, cx-w/2+dx, base-th*0.5-dp, th*1.1)
	d.fillNoInk(solid(col.scale(0.8)))
}

// objBoardGame draws a chequered board lying on the surface with a few
// pieces standing on it, dark and light: a chess or draughts set.
func (d *painter) objBoardGame(pr product, cx, base, s float32) {
	col := pr.col
	w, dp, th := s*1.5, s*0.85, s*0.07
	dx := dp * 0.55
	d.shadow(cx, base, w*0.55)
	d.rect(cx-w/2, base-th, cx+w/2, base)
	d.fill(vgrad(col.scale(0.75), col.scale(0.55), base-th, base))
	d.flatTop(cx, base-th, w, dp)
	d.fill(solid(col))
	light, dark := col.mix(hex("#f4e8d0"), 0.6), col.mix(hex("#2a1a10"), 0.6)
	at := func(u, v float32) (float32, float32) { // board coordinates (0..1) → picture
		return cx - w/2*0.92 + w*0.92*u + dx*0.92*v, base - th - dp*0.04 - dp*0.92*v
	}
	const n = 8
	for i := range n {
		for j := range n {
			u0, u1 := float32(i)/n, float32(i+1)/n
			v0, v1 := float32(j)/n, float32(j+1)/n
			x0, y0 := at(u0, v0)
			x1, y1 := at(u1, v0)
			x2, y2 := at(u1, v1)
			x3, y3 := at(u0, v1)
			d.poly(x0, y0, x1, y1, x2, y2, x3, y3)
			if (i+j)%2 == 0 {
				d.fillNoInk(solid(dark))
			} else {
				d.fillNoInk(solid(light))
			}
		}
	}
	// Pieces, back rows first so the near ones stand in front.
	pieces := []struct {
		u, v  float32
		white bool
		tall  float32
	}{
		{0.31, 0.81, false, 0.42}, {0.56, 0.81, false, 0.5}, {0.19, 0.69, false, 0.26}, {0.69, 0.69, false, 0.26},
		{0.44, 0.56, false, 0.3}, {0.56, 0.44, true, 0.3}, {0.31, 0.31, true, 0.26}, {0.81, 0.31, true, 0.26},
		{0.44, 0.19, true, 0.5}, {0.69, 0.19, true, 0.42},
	}
	for _, pc := range pieces {
		x, y := at(pc.u, pc.v)
		c := hex("#2a2420")
		if pc.white {
			c = hex("#f2ece0")
		}
		h := s * pc.tall
		d.lathe(x, y, h, [][2]float32{{0, 0.07 * s}, {0.2, 0.05 * s}, {0.45, 0.03 * s}, {0.8, 0.04 * s}, {1, 0.025 * s}}, d.lit(c, 0), 0.5, topLid)
		d.disc(x, y-h, s*0.035, d.lit(c, 0), 1, false)
	}
}

// objToyDuck draws a bath toy shaped like a bird (a rubber duck): a round
// body with its tail up, a round head, an orange beak and a dark eye.
func (d *painter) objToyDuck(pr product, cx, base, s float32) {
	col := pr.col
	d.shadow(cx, base, s*0.45)
	by := base - s*0.26
	d.poly(cx-s*0.38, by-s*0.05, cx-s*0.62, by-s*0.34, cx-s*0.3, by-s*0.2)
	d.fill(solid(col.scale(0.9)))
	d.ellipse(cx, by, s*0.5, s*0.27)
	d.fill(vgrad(col.scale(1.12), col.scale(0.8), by-s*0.27, by+s*0.27))
	d.ellipse(cx-s*0.05, by-s*0.02, s*0.22, s*0.12)
	d.fillNoInk(solid(col.scale(0.85)))
	hx, hy := cx+s*0.24, base-s*0.64
	d.disc(hx, hy, s*0.22, col.scale(1.05), 1, false)
	d.disc(hx-s*0.06, hy-s*0.07, s*0.08, col.mix(rgb{1, 1, 1}, 0.5), 0.6, false)
	d.ellipse(hx+s*0.25, hy+s*0.05, s*0.13, s*0.06)
	d.fill(solid(d.lit(hex("#f08a1a"), 0)))
	d.disc(hx+s*0.08, hy-s*0.04, s*0.035, hex("#141414"), 1, false)
}

// toyVehicle is the toy shape of a subject that is a toy vehicle ("a toy
// sailboat", "a toy car"): by the element the parser gave its noun, ""
// when it is no toy or no vehicle.
func toyVehicle(s *easel.Subject) string {
	if s == nil || !(s.Category == "toy" || slices.Contains(s.Adjectives, "toy")) {
		return ""
	}
	switch s.Element {
	case "boat", "sailboat", "ship":
		return "toyboat"
	case "car":
		return "toycar"
	}
	return ""
}

// objToyBoat draws a toy sailboat: a painted hull, a mast and a white
// sail.
func (d *painter) objToyBoat(pr product, cx, base, s float32) {
	col := pr.col
	d.shadow(cx, base, s*0.5)
	d.poly(cx-s*0.6, base-s*0.3, cx+s*0.6, base-s*0.3, cx+s*0.42, base, cx-s*0.45, base)
	d.fill(vgrad(col.scale(1.15), col.scale(0.8), base-s*0.3, base))
	d.fillRect(cx-s*0.6, base-s*0.3, cx+s*0.6, base-s*0.25, d.lit(hex("#f4f0e8"), 0), 1)
	d.line(cx, base-s*0.3, cx, base-s*1.25, max(s*0.035, 1))
	d.fill(solid(d.lit(hex("#8a5a32"), 0)))
	d.poly(cx+s*0.04, base-s*1.2, cx+s*0.04, base-s*0.38, cx+s*0.5, base-s*0.38)
	d.fill(vgrad(d.lit(hex("#fbf8f0"), 0), d.lit(hex("#dcd6c8"), 0), base-s*1.2, base-s*0.38))
	d.poly(cx-s*0.04, base-s*1.05, cx-s*0.04, base-s*0.38, cx-s*0.38, base-s*0.38)
	d.fill(solid(d.lit(hex("#ece6d8"), 0)))
}

// objToyCar draws a toy car: the car's shape, small and bright.
func (d *painter) objToyCar(pr product, cx, base, s float32) {
	d.shadow(cx, base, s*0.6)
	d.carBody(cx, base, s*0.45, pr.col)
}

package canvas

import "strings"

// church.go draws a place of worship that is the subject (a building the
// scene places under the tower element: a cathedral, a church, a chapel,
// a mosque), large in front of the town: a nave with a pitched roof and a
// rose window, and a spire, or a dome and a minaret for a mosque, in the
// idea's colour.

// isMainChurch reports a building with a tower that is the subject.
func (d *painter) isMainChurch() bool {
	t := d.p.subjectOf("tower")
	return t != nil && d.p.main == "tower" && t.Category == "building"
}

// church draws the building standing at (x, y), h its spire's height.
func (d *painter) church(x, y, h float32) {
	d.painted("tower")
	p := d.p
	s := p.subjectOf("tower")
	col := hex("#b8ac98")
	if c, ok := factColour(s); ok {
		col = c
	}
	wall := d.lit(col, 0.1)
	roof := d.lit(hex("#4a4650"), 0.1)
	noun := strings.ToLower(s.Noun)
	lit := p.lt.night || p.time == "dusk"
	glass := hex("#2a3450")
	if lit {
		glass = warmLight
	}
	w := h * 0.55
	nh := h * 0.38
	if strings.Contains(noun, "mosque") {
		// A hall under a dome, a minaret beside it.
		d.rect(x-w/2, y-nh, x+w/2, y)
		d.fill(vgrad(wall.scale(1.05), wall.scale(0.8), y-nh, y))
		d.moveTo(x-w*0.32, y-nh)
		d.cubeTo(x-w*0.32, y-nh-w*0.45, x+w*0.32, y-nh-w*0.45, x+w*0.32, y-nh)
		d.fill(vgrad(wall.scale(1.15), wall.scale(0.85), y-nh-w*0.35, y-nh))
		d.line(x, y-nh-w*0.34, x, y-nh-w*0.46, max(2*d.u, 1))
		d.fill(solid(hex("#c8a040")))
		mx := x + w*0.62
		d.rect(mx-w*0.05, y-h, mx+w*0.05, y)
		d.fill(vgrad(wall.scale(1.1), wall.scale(0.8), y-h, y))
		d.poly(mx-w*0.07, y-h, mx+w*0.07, y-h, mx, y-h-w*0.18)
		d.fill(solid(roof))
		for k := range 5 {
			ax := x - w*0.4 + w*0.2*float32(k)
			d.moveTo(ax-w*0.05, y-nh*0.15)
			d.lineTo(ax-w*0.05, y-nh*0.55)
			d.quadTo(ax, y-nh*0.7, ax+w*0.05, y-nh*0.55)
			d.lineTo(ax+w*0.05, y-nh*0.15)
			d.fill(solid(glass))
		}
		return
	}
	// The nave: a gable end facing us, with its door and rose window.
	nx := x + w*0.15
	d.rect(nx-w/2, y-nh, nx+w/2, y)
	d.fill(vgrad(wall.scale(1.05), wall.scale(0.8), y-nh, y))
	d.poly(nx-w/2-w*0.03, y-nh, nx, y-nh-w*0.42, nx+w/2+w*0.03, y-nh)
	d.fill(solid(roof))
	d.disc(nx, y-nh*0.72, w*0.12, glass, 1, false)
	d.moveTo(nx-w*0.1, y)
	d.lineTo(nx-w*0.1, y-nh*0.3)
	d.quadTo(nx, y-nh*0.48, nx+w*0.1, y-nh*0.3)
	d.lineTo(nx+w*0.1, y)
	d.fill(solid(hex("#3a2a1e")))
	// The tower and its spire, to one side, with lancet windows.
	tx, tw := x-w*0.42, w*0.2
	d.rect(tx-tw/2, y-h*0.68, tx+tw/2, y)
	d.fill(vgrad(wall.scale(1.1), wall.scale(0.8), y-h*0.68, y))
	d.poly(tx-tw*0.6, y-h*0.68, tx, y-h*1.05, tx+tw*0.6, y-h*0.68)
	d.fill(solid(roof))
	d.line(tx, y-h*1.05, tx, y-h*1.12, max(2*d.u, 1))
	d.line(tx-tw*0.18, y-h*1.09, tx+tw*0.18, y-h*1.09, max(2*d.u, 1))
	d.fill(solid(roof))
	for k := range 3 {
		wy := y - h*(0.2+0.15*float32(k))
		d.moveTo(tx-tw*0.15, wy)
		d.lineTo(tx-tw*0.15, wy-h*0.06)
		d.lineTo(tx, wy-h*0.09)
		d.lineTo(tx+tw*0.15, wy-h*0.06)
		d.lineTo(tx+tw*0.15, wy)
		d.fill(solid(glass))
	}
	if p.season == "winter" || p.el["snow"] {
		d.poly(nx-w/2-w*0.03, y-nh, nx, y-nh-w*0.42, nx+w/2+w*0.03, y-nh, nx, y-nh-w*0.32)
		d.fill(solid(d.lit(rgb{0.95, 0.96, 1}, 0)))
	}
}

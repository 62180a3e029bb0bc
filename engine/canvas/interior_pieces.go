package canvas

// interior_pieces.go draws the fixtures and appliances that stand in a
// room, each seen from the front with its feet at (x, y) and s the size
// of an armchair: a freestanding bathtub, a washbasin on its pedestal
// with a mirror above, a stove, a fridge, a washing machine, a crib, a
// desk, and the screens on a desk.

// bathtub draws a freestanding tub on its feet, its outside in col.
func (d *painter) bathtub(x, y, s float32, col rgb) {
	w, h := s*1.8, s*0.62
	d.shadow(x, y, w*0.5)
	top := y - s*0.12 - h
	// The body: a bowl wider at the rim, rounded at both ends.
	d.moveTo(x-w/2, top)
	d.lineTo(x+w/2, top)
	d.cubeTo(x+w/2, top+h*0.7, x+w*0.42, top+h, x+w*0.3, top+h)
	d.lineTo(x-w*0.3, top+h)
	d.cubeTo(x-w*0.42, top+h, x-w/2, top+h*0.7, x-w/2, top)
	d.fill(vgrad(col.scale(1.08), col.scale(0.78), top, top+h))
	// The rim, white inside.
	d.roundRect(x-w/2-s*0.03, top-s*0.05, x+w/2+s*0.03, top+s*0.05, s*0.05)
	d.fill(solid(d.lit(hex("#fbfaf6"), 0.05)))
	// Feet and a tap.
	foot := d.lit(hex("#c8a048"), 0.05)
	for _, fx := range []float32{-0.3, 0.3} {
		d.roundRect(x+fx*w-s*0.05, top+h-s*0.02, x+fx*w+s*0.05, y, s*0.03)
	}
	d.fill(solid(foot))
	d.rect(x+w*0.4, top-s*0.3, x+w*0.4+s*0.04, top)
	d.rect(x+w*0.32, top-s*0.32, x+w*0.44, top-s*0.27)
	d.fill(solid(d.lit(hex("#b8bcc0"), 0.05)))
}

// washbasin draws a basin on its pedestal, col the basin, with a tap and
// a mirror on the wall above.
func (d *painter) washbasin(x, y, s float32, col rgb) {
	d.shadow(x, y, s*0.3)
	d.painted("mirror")
	// The mirror.
	mw, mh := s*0.55, s*0.65
	my := y - s*1.8
	d.roundRect(x-mw/2-s*0.04, my-s*0.04, x+mw/2+s*0.04, my+mh+s*0.04, s*0.06)
	d.fill(solid(d.lit(hex("#a8a098"), 0.05)))
	d.roundRect(x-mw/2, my, x+mw/2, my+mh, s*0.04)
	d.fill(vgrad(d.lit(hex("#d8e4ea"), 0.05), d.lit(hex("#a8bcc8"), 0.05), my, my+mh))
	d.line(x-mw*0.3, my+mh*0.35, x-mw*0.05, my+mh*0.1, s*0.03)
	d.fillNoInk(paint{col: rgb{1, 1, 1}, alpha: 0.5})
	// The pedestal and the basin.
	d.poly(x-s*0.12, y, x+s*0.12, y, x+s*0.08, y-s*0.75, x-s*0.08, y-s*0.75)
	d.fill(vgrad(col.scale(0.95), col.scale(0.75), y-s*0.75, y))
	bt := y - s*0.95
	d.moveTo(x-s*0.5, bt)
	d.lineTo(x+s*0.5, bt)
	d.cubeTo(x+s*0.48, bt+s*0.2, x+s*0.3, bt+s*0.26, x, bt+s*0.26)
	d.cubeTo(x-s*0.3, bt+s*0.26, x-s*0.48, bt+s*0.2, x-s*0.5, bt)
	d.fill(vgrad(col.scale(1.08), col.scale(0.85), bt, bt+s*0.26))
	d.roundRect(x-s*0.54, bt-s*0.04, x+s*0.54, bt+s*0.03, s*0.03)
	d.fill(solid(col.scale(1.1)))
	d.rect(x-s*0.025, bt-s*0.2, x+s*0.025, bt-s*0.04)
	d.rect(x-s*0.025, bt-s*0.2, x+s*0.14, bt-s*0.16)
	d.fill(solid(d.lit(hex("#b8bcc0"), 0.05)))
}

// stove draws a kitchen stove: its oven door with a window, knobs, and
// the burners on top.
func (d *painter) stove(x, y, s float32, col rgb) {
	w, h := s*1.0, s*0.95
	d.shadow(x, y, w*0.5)
	d.rect(x-w/2, y-h, x+w/2, y)
	d.fill(vgrad(col.scale(1.05), col.scale(0.8), y-h, y))
	d.rect(x-w/2, y-h-s*0.05, x+w/2, y-h)
	d.fill(solid(d.lit(hex("#2a2a2c"), 0.05)))
	for _, bx := range []float32{-0.25, 0.25} {
		d.ellipse(x+bx*w, y-h-s*0.05, w*0.16, s*0.03)
	}
	d.fill(solid(d.lit(hex("#5a5a5e"), 0.05)))
	d.roundRect(x-w*0.4, y-h*0.7, x+w*0.4, y-h*0.12, s*0.04)
	d.fill(solid(col.scale(0.85)))
	d.roundRect(x-w*0.3, y-h*0.6, x+w*0.3, y-h*0.25, s*0.03)
	d.fill(solid(d.lit(hex("#1a1614"), 0.05)))
	d.rect(x-w*0.32, y-h*0.76, x+w*0.32, y-h*0.72)
	d.fill(solid(d.lit(hex("#b8bcc0"), 0.05)))
	for i := range 4 {
		d.disc(x+(float32(i)-1.5)*w*0.2, y-h*0.87, s*0.035, d.lit(hex("#3a3a3c"), 0.05), 1, false)
	}
}

// fridge draws a tall fridge with its two doors and handles.
func (d *painter) fridge(x, y, s float32, col rgb) {
	w, h := s*0.85, s*1.95
	d.shadow(x, y, w*0.5)
	d.roundRect(x-w/2, y-h, x+w/2, y, s*0.06)
	d.fill(vgrad(col.scale(1.08), col.scale(0.82), y-h, y))
	d.line(x-w/2, y-h*0.64, x+w/2, y-h*0.64, max(1, s*0.015))
	d.fill(solid(col.scale(0.6)))
	d.roundRect(x-w*0.38, y-h*0.95, x-w*0.33, y-h*0.72, s*0.02)
	d.roundRect(x-w*0.38, y-h*0.58, x-w*0.33, y-h*0.3, s*0.02)
	d.fill(solid(d.lit(hex("#b8bcc0"), 0.05)))
}

// washer draws a washing machine: a white box with its round door.
func (d *painter) washer(x, y, s float32, col rgb) {
	w, h := s*0.9, s*0.95
	d.shadow(x, y, w*0.5)
	d.roundRect(x-w/2, y-h, x+w/2, y, s*0.05)
	d.fill(vgrad(col.scale(1.05), col.scale(0.82), y-h, y))
	d.rect(x-w/2, y-h*0.82, x+w/2, y-h*0.8)
	d.fill(solid(col.scale(0.7)))
	cy := y - h*0.42
	d.disc(x, cy, w*0.32, d.lit(hex("#9aa0a8"), 0.05), 1, false)
	d.disc(x, cy, w*0.25, d.lit(hex("#3a5a78"), 0.05), 1, false)
	d.disc(x-w*0.08, cy-w*0.08, w*0.07, rgb{1, 1, 1}, 0.4, false)
	d.disc(x+w*0.3, y-h*0.9, s*0.04, d.lit(hex("#5a5a5e"), 0.05), 1, false)
}

// crib draws a baby's crib: a frame with slats in col around a mattress.
func (d *painter) crib(x, y, s float32, col rgb) {
	w, h := s*1.5, s*1.0
	d.shadow(x, y, w*0.5)
	top, mat := y-h, y-h*0.35
	d.roundRect(x-w*0.47, mat-s*0.1, x+w*0.47, mat+s*0.02, s*0.04)
	d.fill(solid(d.lit(hex("#dce8f0"), 0.05)))
	bw := max(s*0.04, 1)
	d.rect(x-w/2, top, x-w/2+bw*2, y)
	d.rect(x+w/2-bw*2, top, x+w/2, y)
	d.rect(x-w/2, top, x+w/2, top+bw*1.5)
	d.rect(x-w/2, mat+s*0.02, x+w/2, mat+s*0.02+bw*1.5)
	for i := 1; i < 9; i++ {
		sx := x - w/2 + w*float32(i)/9
		d.rect(sx-bw/2, top, sx+bw/2, mat+s*0.02)
	}
	d.fill(vgrad(col.scale(1.08), col.scale(0.85), top, y))
}

// desk draws a desk: its top, a set of drawers on one side, legs.
func (d *painter) desk(x, y, s float32, col rgb) {
	w := s * 1.7
	d.shadow(x, y, w*0.5)
	t := y - s*0.72
	d.rect(x-w*0.5, t, x+w*0.5, t+s*0.08)
	d.fill(vgrad(col.scale(1.15), col.scale(0.9), t, t+s*0.08))
	d.rect(x+w*0.12, t+s*0.08, x+w*0.46, y)
	d.fill(vgrad(col.scale(0.95), col.scale(0.7), t, y))
	for i := range 3 {
		dy := t + s*0.08 + (y-t-s*0.08)*float32(i)/3
		d.rect(x+w*0.15, dy+s*0.03, x+w*0.43, dy+(y-t-s*0.08)/3-s*0.02)
	}
	d.fill(solid(col.scale(0.82)))
	for i := range 3 {
		dy := t + s*0.08 + (y-t-s*0.08)*(float32(i)+0.5)/3
		d.disc(x+w*0.29, dy, s*0.02, d.lit(hex("#d8c8a0"), 0.05), 1, false)
	}
	d.rect(x-w*0.46, t+s*0.08, x-w*0.42, y)
	d.fill(solid(col.scale(0.7)))
}

// screens stands n monitors side by side on a desk whose top is at y,
// their frames in col, each showing a lit screen.
func (d *painter) screens(x, y, s float32, n int, col rgb) {
	mw, mh := s*0.62, s*0.42
	if n > 2 {
		mw = s * 1.5 / float32(n)
		mh = mw * 0.68
	}
	gap := s * 0.06
	total := float32(n)*mw + float32(n-1)*gap
	for i := range n {
		mx := x - total/2 + float32(i)*(mw+gap) + mw/2
		by := y - s*0.02
		d.rect(mx-s*0.025, by-s*0.16, mx+s*0.025, by)
		d.rect(mx-s*0.12, by-s*0.02, mx+s*0.12, by)
		d.fill(solid(col.scale(0.9)))
		top := by - s*0.14 - mh
		d.roundRect(mx-mw/2, top, mx+mw/2, top+mh, s*0.02)
		d.fill(solid(col))
		b := s * 0.03
		d.rect(mx-mw/2+b, top+b, mx+mw/2-b, top+mh-b)
		d.fill(vgrad(d.lit(hex("#5a9ad8"), 0), d.lit(hex("#2a4a7a"), 0), top, top+mh))
	}
}

// sideChair draws a plain chair, its back above its seat, seen from the
// front: a dining chair, a school chair.
func (d *painter) sideChair(x, y, s float32, col rgb) {
	d.shadow(x, y, s*0.35)
	w := s * 0.62
	seat := y - s*0.5
	for _, sx := range []float32{-1, 1} {
		d.rect(x+sx*w*0.45-s*0.035, seat-s*0.62, x+sx*w*0.45+s*0.035, y) // back posts and legs
	}
	d.fill(vgrad(col.scale(1.05), col.scale(0.75), seat-s*0.62, y))
	for i := range 3 {
		ry := seat - s*0.58 + float32(i)*s*0.17
		d.rect(x-w*0.45, ry, x+w*0.45, ry+s*0.07)
	}
	d.fill(solid(col.scale(0.95)))
	d.roundRect(x-w*0.55, seat-s*0.05, x+w*0.55, seat+s*0.06, s*0.03)
	d.fill(solid(col.scale(1.12)))
}

// counterSink draws a sink set in a counter whose top is at y: the
// basin's dark opening, its rim in col, and a tap.
func (d *painter) counterSink(x, y, s float32, col rgb) {
	d.ellipse(x, y+s*0.05, s*0.42, s*0.07)
	d.fill(solid(col.scale(1.05)))
	d.ellipse(x, y+s*0.05, s*0.36, s*0.05)
	d.fill(solid(col.scale(0.45)))
	steel := d.lit(hex("#c0c4c8"), 0.05)
	d.rect(x-s*0.03, y-s*0.32, x+s*0.03, y+s*0.02)
	d.fill(solid(steel))
	d.moveTo(x-s*0.03, y-s*0.3)
	d.quadTo(x+s*0.02, y-s*0.45, x+s*0.2, y-s*0.3)
	d.lineTo(x+s*0.2, y-s*0.2)
	d.lineTo(x+s*0.15, y-s*0.2)
	d.lineTo(x+s*0.15, y-s*0.28)
	d.quadTo(x+s*0.03, y-s*0.36, x+s*0.03, y-s*0.26)
	d.fill(solid(steel))
}

// fileCabinet draws a filing cabinet: a tall metal box of four drawers
// with their handles and label slots.
func (d *painter) fileCabinet(x, y, s float32, col rgb) {
	w, h := s*0.6, s*1.3
	d.shadow(x, y, w*0.5)
	d.rect(x-w/2, y-h, x+w/2, y)
	d.fill(vgrad(col.scale(1.08), col.scale(0.8), y-h, y))
	for i := range 4 {
		dy := y - h + h*float32(i)/4
		d.rect(x-w*0.44, dy+h*0.02, x+w*0.44, dy+h/4-h*0.02)
		d.fill(solid(col.scale(0.92)))
		d.rect(x-w*0.15, dy+h*0.1, x+w*0.15, dy+h*0.13)
		d.rect(x-w*0.08, dy+h*0.05, x+w*0.08, dy+h*0.08)
		d.fill(solid(d.lit(hex("#d0d4d8"), 0.05)))
	}
}

// standingDesk draws a desk tall enough to work at standing: a top on a
// frame of two legs with feet and a crossbar.
func (d *painter) standingDesk(x, y, s float32, col rgb) {
	w := s * 1.5
	d.shadow(x, y, w*0.5)
	t := y - s*1.05
	d.rect(x-w*0.5, t, x+w*0.5, t+s*0.07)
	d.fill(vgrad(col.scale(1.15), col.scale(0.9), t, t+s*0.07))
	frame := d.lit(hex("#3a3c40"), 0.05)
	for _, sx := range []float32{-0.38, 0.38} {
		d.rect(x+sx*w-s*0.035, t+s*0.07, x+sx*w+s*0.035, y)
		d.rect(x+sx*w-s*0.16, y-s*0.04, x+sx*w+s*0.16, y)
	}
	d.rect(x-w*0.38, t+s*0.35, x+w*0.38, t+s*0.4)
	d.fill(solid(frame))
}

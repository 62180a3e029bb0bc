package canvas

// This file draws a room's furniture: armchairs, a sofa, a bed, a table;
// interior_pieces.go the fixtures and appliances (bathtub, washbasin,
// stove, fridge, washer, crib, desk and screens); interior_furnish.go
// decides which stand in the room (furnitureShapes).

// armchair draws an armchair seen from the front at (x, y) (its feet).
func (d *painter) armchair(x, y, s float32, col rgb) {
	d.shadow(x, y, s*0.6)
	d.roundRect(x-s*0.42, y-s*1.05, x+s*0.42, y-s*0.35, s*0.12) // back
	d.fill(vgrad(col.scale(1.1), col.scale(0.85), y-s*1.05, y-s*0.35))
	d.roundRect(x-s*0.5, y-s*0.45, x+s*0.5, y-s*0.12, s*0.08) // seat
	d.fill(solid(col.scale(0.95)))
	for _, sx := range []float32{-1, 1} {
		d.roundRect(x+sx*s*0.4-s*0.1, y-s*0.7, x+sx*s*0.4+s*0.1, y-s*0.12, s*0.06) // arms
		d.fill(vgrad(col.scale(1.05), col.scale(0.75), y-s*0.7, y))
		d.rect(x+sx*s*0.42-s*0.03, y-s*0.12, x+sx*s*0.42+s*0.03, y)
		d.fill(solid(hex("#3a2616")))
	}
}

// sofa draws a long sofa.
func (d *painter) sofa(x, y, s float32, col rgb) {
	w := s * 1.8
	d.shadow(x, y, w*0.55)
	d.roundRect(x-w*0.5, y-s*0.85, x+w*0.5, y-s*0.35, s*0.12)
	d.fill(vgrad(col.scale(1.1), col.scale(0.85), y-s*0.85, y-s*0.35))
	d.roundRect(x-w*0.55, y-s*0.45, x+w*0.55, y-s*0.12, s*0.08)
	d.fill(solid(col.scale(0.95)))
	for _, sx := range []float32{-1, 1} {
		d.roundRect(x+sx*w*0.52-s*0.1, y-s*0.62, x+sx*w*0.52+s*0.1, y-s*0.12, s*0.06)
		d.fill(solid(col.scale(0.85)))
	}
	for _, sx := range []float32{-0.45, 0.45} {
		d.rect(x+sx*w-s*0.03, y-s*0.12, x+sx*w+s*0.03, y)
	}
	d.fill(solid(hex("#3a2616")))
}

// bed draws a bed with its pillows and cover.
func (d *painter) bed(x, y, s float32, col rgb) {
	w := s * 1.9
	d.shadow(x, y, w*0.55)
	d.rect(x-w*0.5, y-s*1.0, x-w*0.42, y) // headboard side
	d.fill(solid(hex("#5a3a22")))
	d.roundRect(x-w*0.45, y-s*0.5, x+w*0.5, y-s*0.15, s*0.06)
	d.fill(solid(d.lit(hex("#f0ece4"), 0.05)))
	d.roundRect(x-w*0.4, y-s*0.66, x-w*0.15, y-s*0.46, s*0.08)
	d.fill(solid(d.lit(hex("#fbf8f2"), 0.05)))
	d.roundRect(x-w*0.12, y-s*0.52, x+w*0.5, y-s*0.18, s*0.05)
	d.fill(vgrad(col.scale(1.1), col.scale(0.85), y-s*0.52, y-s*0.18))
	d.rect(x+w*0.45, y-s*0.18, x+w*0.5, y)
	d.fill(solid(hex("#5a3a22")))
}

// tableFurniture draws a table or desk with its top and legs.
func (d *painter) tableFurniture(x, y, s float32, col rgb) {
	w := s * 1.6
	d.shadow(x, y, w*0.5)
	d.rect(x-w*0.5, y-s*0.72, x+w*0.5, y-s*0.62)
	d.fill(vgrad(col.scale(1.15), col.scale(0.85), y-s*0.72, y-s*0.62))
	for _, sx := range []float32{-0.45, 0.45} {
		d.rect(x+sx*w-s*0.03, y-s*0.62, x+sx*w+s*0.03, y)
	}
	d.fill(solid(col.scale(0.7)))
}

// bunkBed draws a bunk bed: two beds one above the other between tall
// posts, a ladder up the end.
func (d *painter) bunkBed(x, y, s float32, col rgb) {
	w := s * 1.9
	wood := hex("#6a4428")
	d.shadow(x, y, w*0.55)
	for _, level := range []float32{0, 0.95} {
		ly := y - s*level
		d.rect(x-w*0.46, ly-s*0.36, x+w*0.46, ly-s*0.2)
		d.fill(solid(d.lit(wood, 0.05))) // the frame's rail
		d.roundRect(x-w*0.45, ly-s*0.5, x+w*0.45, ly-s*0.34, s*0.05)
		d.fill(solid(d.lit(hex("#f0ece4"), 0.05)))
		d.roundRect(x-w*0.42, ly-s*0.62, x-w*0.2, ly-s*0.46, s*0.07)
		d.fill(solid(d.lit(hex("#fbf8f2"), 0.05)))
		d.roundRect(x-w*0.16, ly-s*0.56, x+w*0.45, ly-s*0.34, s*0.05)
		d.fill(vgrad(col.scale(1.1), col.scale(0.85), ly-s*0.56, ly-s*0.34))
	}
	d.rect(x-w*0.5, y-s*1.75, x-w*0.44, y)
	d.rect(x+w*0.44, y-s*1.75, x+w*0.5, y)
	d.rect(x-w*0.5, y-s*1.62, x+w*0.5, y-s*1.56) // the top guard rail
	d.fill(solid(d.lit(wood, 0.05)))
	for k := range 4 { // the ladder
		ry := y - s*(0.2+0.25*float32(k))
		d.rect(x+w*0.3, ry-s*0.03, x+w*0.42, ry)
	}
	d.rect(x+w*0.3, y-s*1.3, x+w*0.32, y)
	d.rect(x+w*0.4, y-s*1.3, x+w*0.42, y)
	d.fill(solid(d.lit(wood.scale(1.2), 0.05)))
}

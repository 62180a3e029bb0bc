package canvas

// product_tub.go sets a product shot in a bathtub ("five rubber ducks in
// a bathtub"): a tiled wall, the tub's white rim, the water the things
// float on, and foam lapping at them.

// bathTub paints the tiled wall above top and the tub below it: its rim,
// the water inside, its white front.
func (d *painter) bathTub(top, dim float32) {
	W, H := float32(d.w), float32(d.h)
	d.paintedLike("bath", "tub")
	rim := top - (H-top)*0.12
	wall := hex("#e4ecee").scale(dim)
	d.rect(-2, -2, W+2, rim+2)
	d.fillNoInk(vgrad(wall.scale(0.9), wall, 0, rim))
	tile := max(W/9, 4)
	for y := tile; y < rim; y += tile {
		d.fillRect(0, y, W, y+max(d.u, 1), wall.scale(0.82), 1)
	}
	for x := tile / 2; x < W; x += tile {
		d.fillRect(x, 0, x+max(d.u, 1), rim, wall.scale(0.82), 1)
	}
	white := hex("#f6f6f2").scale(dim)
	d.rect(-2, rim, W+2, rim+(H-top)*0.08)
	d.fill(vgrad(white, white.scale(0.9), rim, rim+(H-top)*0.08))
	water := hex("#9ad0e4").scale(dim)
	wy := rim + (H-top)*0.08
	d.rect(-2, wy, W+2, H+2)
	d.fillNoInk(vgrad(water.scale(0.92), water.mix(white, 0.35), wy, H))
	// Ripples on the water.
	for k := 0; k < 9; k++ {
		y := wy + (H-wy)*d.rnd(0.05, 0.95)
		x := d.rnd(0, W)
		d.ellipse(x, y, W*d.rnd(0.06, 0.14), (H-wy)*0.012)
		d.fillNoInk(paint{col: rgb{1, 1, 1}, alpha: 0.3})
	}
}

// bathFoam puts foam along the water line of what floats at base.
func (d *painter) bathFoam(top, base, s float32) {
	W := float32(d.w)
	for k := 0; k < 40; k++ {
		x := d.rnd(0, W)
		y := base + d.rnd(-0.02, 0.08)*s
		d.disc(x, y, d.rnd(0.03, 0.08)*s, rgb{0.98, 0.99, 1}, 0.8, false)
	}
}

package canvas

// product_shot.go sets the stage of a product shot: the backdrop or the room, the surface, the light and the props beside the object.

// productShot paints one object on its surface in soft studio or window
// light: the backdrop, the surface, a soft shadow, the shaded object.
func (d *painter) productShot() {
	p := d.p
	pr := p.prod
	W, H := float32(d.w), float32(d.h)
	top := H * between(0.42, 0.66, p.look.horizon)
	dim := float32(1)
	if p.lt.night {
		dim = 0.6
	}
	// Backdrop and surface.
	d.paintedSurface(pr.surface)
	switch pr.surface {
	case "white", "backdrop":
		bg := pr.bg
		if pr.surface == "white" {
			bg = hex("#f6f5f2")
		}
		// A seamless sweep: no edge, only the light falling off.
		d.rect(-2, -2, W+2, H+2)
		d.fillNoInk(vgrad(bg.scale(0.93*dim), bg.scale(1.02*dim), 0, top))
		d.rect(-2, top, W+2, H+2)
		d.fillNoInk(vgrad(bg.scale(1.02*dim), bg.scale(0.9*dim), top, H))
		d.glow(W*0.3, top*0.6, W*0.3, rgb{1, 1, 1}, 0.12)
	case "bench":
		// A garden behind, out of focus; the bench's slats in front.
		d.rect(-2, -2, W+2, top+2)
		d.fillNoInk(vgrad(hex("#8ab870").scale(dim), hex("#4a7a3a").scale(dim), 0, top))
		for i := 0; i < 26; i++ {
			c := []rgb{hex("#6a9a4a"), hex("#3a6a2a"), hex("#a8c878"), hex("#e8a0b0"), hex("#f0e0a0")}[d.rng.IntN(5)]
			d.disc(d.rnd(0, W), d.rnd(0, top), d.rnd(20, 60)*d.u, c.scale(dim), 0.35, false)
		}
		wood := hex("#9a6a3e").scale(dim)
		d.rect(-2, top, W+2, H+2)
		d.fillNoInk(vgrad(wood.scale(0.8), wood, top, H))
		n := 4
		for k := 1; k < n; k++ {
			y := top + (H-top)*float32(k)/float32(n)
			d.fillRect(0, y, W, y+5*d.u, wood.scale(0.35), 0.9)
		}
		d.fillRect(0, top, W, top+6*d.u, wood.scale(1.2), 0.8)
	case "shelf":
		wall := hex("#e6dccb").scale(dim)
		d.rect(-2, -2, W+2, top+2)
		d.fillNoInk(vgrad(wall.scale(0.85), wall, 0, top))
		wood := hex("#a87848").scale(dim)
		d.rect(-2, top, W+2, H+2)
		d.fillNoInk(vgrad(wood.scale(1.05), wood.scale(0.9), top, top+(H-top)*0.5))
		front := top + (H-top)*0.62
		d.fillRect(0, front, W, H, wood.scale(0.7), 1)
		d.fillRect(0, front, W, front+4*d.u, wood.scale(1.15), 1)
		d.fillRect(0, H*0.96, W, H, wood.scale(0.3), 1)
	case "marble", "concrete":
		wall := hex("#d8d4cc").scale(dim)
		d.rect(-2, -2, W+2, top+2)
		d.fillNoInk(vgrad(wall.scale(0.8), wall, 0, top))
		stone := hex("#eeece8")
		if pr.surface == "concrete" {
			stone = hex("#a4a29c")
		}
		stone = stone.scale(dim)
		d.rect(-2, top, W+2, H+2)
		pt := vgrad(stone.scale(0.92), stone, top, H)
		pt.tex, pt.texAmt, pt.texScale = texNoise, 0.08, 30*d.u
		d.fill(pt)
		if pr.surface == "marble" {
			// Grey veins wandering across the stone.
			for k := 0; k < 5; k++ {
				x, y := d.rnd(-0.1, 1)*W, top+d.rnd(0.05, 0.95)*(H-top)
				d.moveTo(x, y)
				for i := 0; i < 8; i++ {
					x += d.rnd(0.04, 0.1) * W
					y += d.rnd(-0.04, 0.04) * (H - top)
					d.lineTo(x, y)
				}
				d.strokeOpen(1.6*d.u, stone.scale(0.7), 0.5)
			}
		}
		d.fillRect(0, top, W, top+3*d.u, stone.scale(1.05), 0.8)
	case "tub":
		d.bathTub(top, dim) // product_tub.go
	case "bed":
		// A bedroom wall and a soft quilt with a pillow at the back.
		wall := hex("#e4d8c8").scale(dim)
		d.rect(-2, -2, W+2, H+2)
		d.fillNoInk(vgrad(wall.scale(0.82), wall, 0, top))
		d.productWindow(top, dim)
		quilt := []rgb{hex("#9ab4d0"), hex("#e0b0b0"), hex("#efe6d2"), hex("#a8c0a0")}[int(p.look.cloudScale*100)%4].scale(dim)
		pillow := hex("#f4f0e8").scale(dim)
		d.roundRect(W*0.05, top-(H-top)*0.25, W*0.6, top+(H-top)*0.22, 24*d.u)
		d.fill(vgrad(pillow, pillow.scale(0.86), top-(H-top)*0.25, top+(H-top)*0.22))
		qt := top + (H-top)*0.12
		d.moveTo(-2, qt)
		for i := 0; i <= 8; i++ {
			x := W * float32(i) / 8
			d.lineTo(x, qt+sin32(float32(i)*1.3)*6*d.u)
		}
		d.lineTo(W+2, H+2)
		d.lineTo(-2, H+2)
		pt := vgrad(quilt.scale(1.05), quilt.scale(0.82), qt, H)
		pt.tex, pt.texAmt, pt.texScale = texNoise, 0.06, 12*d.u
		d.fillNoInk(pt)
		// Soft folds running across the quilt.
		for k := 0; k < 4; k++ {
			y := qt + (H-qt)*(0.2+0.22*float32(k))
			d.moveTo(-2, y)
			for i := 1; i <= 10; i++ {
				x := W * float32(i) / 10
				d.lineTo(x, y+sin32(float32(i)*0.9+float32(k))*10*d.u)
			}
			d.strokeOpen(5*d.u, quilt.scale(0.7), 0.35)
		}
	default: // wood
		back := hex("#4a3a30").scale(dim)
		d.rect(-2, -2, W+2, top+2)
		d.fillNoInk(vgrad(back.scale(0.7), back.scale(1.1), 0, top))
		wood := hex("#8a5a34").scale(dim)
		d.rect(-2, top, W+2, H+2)
		pt := vgrad(wood.scale(0.75), wood, top, H)
		pt.tex, pt.texAmt, pt.texScale = texStreakH, 0.45, 8*d.u
		d.fill(pt)
	}
	if pr.surface != "bed" && pr.surface != "white" && pr.surface != "backdrop" && pr.surface != "bench" && pr.surface != "tub" {
		d.productWindow(top, dim)
	}
	// Soft light from the window on the left (the look may mirror it);
	// on a wall, the window's own patch of light, where the seed puts it.
	if pr.surface != "white" {
		d.glow(W*0.12, top*0.45, W*0.35, hex("#fff2dc"), 0.22*dim)
	}
	if pr.surface != "white" && pr.surface != "backdrop" && pr.surface != "bench" && pr.surface != "tub" && !p.lt.night && !pr.window {
		wx := W * between(-0.1, 0.7, (p.look.cloud-0.55)/1.05)
		ww := W * between(0.25, 0.45, p.look.cloudScale-0.7)
		d.poly(wx, top*0.08, wx+ww, top*0.02, wx+ww*1.25, top, wx+ww*0.25, top)
		d.fillNoInk(paint{col: hex("#fff0d8"), alpha: 0.16})
		d.fillRect(wx+ww*0.55, top*0.05, wx+ww*0.6, top, rgb{0, 0, 0}, 0.05)
	}
	// The object stands on the surface where the seed frames it: on a
	// third or near the middle, near or further off; a linen cloth or a low
	// podium may lift it. Nothing the words do not name keeps it company.
	zk := between(0.8, 1.25, (p.look.zoom-0.78)/0.54)
	s := min(W, H) * 0.34 * zk
	cx := W * between(0.34, 0.66, p.look.sunX)
	base := top + (H-top)*between(0.3, 0.6, p.look.shore)
	if pr.surface == "shelf" {
		base = top + (H-top)*0.5
	}
	if pr.surface == "tub" {
		base = top + (H-top)*0.3 // afloat on the water
	}
	side := float32(1) // where the company goes: the other side of the frame
	if cx > W/2 {
		side = -1
	}
	hangs := pr.shape == "top" || pr.shape == "dress" || pr.shape == "skirt" || pr.shape == "trousers"
	switch {
	case pr.with != "":
		// What the words put beside it ("a wine bottle and two glasses").
		comp := product{shape: pr.with, col: shapeColours[pr.with][0], gloss: 0.4, bg: pr.bg, noun: pr.with}
		d.prop = true
		for i := range min(pr.withN, 4) {
			d.object(comp, cx+side*s*(0.95+0.45*float32(i)), base+s*0.04*float32(i), s*0.6)
		}
		d.prop = false
	case hangs:
		// Clothes hang alone, as a catalogue shows them.
	case p.look.extras == 2 && (pr.surface == "white" || pr.surface == "backdrop"):
		// A low round podium.
		pc := pr.bg.mix(rgb{1, 1, 1}, 0.5)
		if pr.surface == "white" {
			pc = hex("#ecebe8")
		}
		d.shadow(cx, base+s*0.05, s*0.9)
		d.lathe(cx, base+s*0.1, s*0.22, [][2]float32{{0, 0.85 * s}, {1, 0.85 * s}}, pc, 0.1, topLid)
		base -= s * 0.12
	case p.look.extras == 2 && pr.surface != "bed" && pr.surface != "tub":
		// A folded linen cloth under the object.
		lin := hex("#ece4d4").scale(dim)
		d.poly(cx-s*1.1, base+s*0.2, cx+s*0.9, base+s*0.28, cx+s*1.2, base-s*0.18, cx-s*0.7, base-s*0.26)
		d.fill(vgrad(lin, lin.scale(0.85), base-s*0.26, base+s*0.28))
		d.line(cx-s*0.9, base+s*0.05, cx+s*1.05, base+s*0.1, 2*d.u)
		d.fillNoInk(paint{col: lin.scale(0.7), alpha: 0.6})
	}
	if b := p.besideFood(); b != nil && pr.with == "" {
		// "next to a croissant": the object on one side, the food on the
		// other (food_sides.go), both in the frame.
		cx, s = W*0.5-side*W*0.17, s*0.85
		draw := foodDrawerFor(b, p.words)
		if draw == nil {
			draw = (*painter).pieces
		}
		draw(d, b, W*0.5+side*W*0.2, base+s*0.05, min(s*0.8, W*0.26))
	}
	if n := min(pr.n, maxCount); n > 1 {
		// "two white candles": as many as counted, side by side, the
		// row a little staggered in depth.
		s2 := s * min(0.85, 2.2/float32(n+1))
		gap := min(s2*1.25, W*0.8/float32(n))
		x0 := min(max(cx-gap*float32(n-1)/2, W*0.1+s2*0.3), W*0.9-s2*0.3-gap*float32(n-1))
		for i := range n {
			d.object(pr, x0+gap*float32(i), base-float32((i+1)%2)*s2*0.12, s2)
		}
	} else {
		d.object(pr, cx, base, s)
	}
	if pr.surface == "tub" {
		d.bathFoam(top, base, s) // the water laps at what floats in it
	}
	if p.lt.night && pr.shape != "candle" && pr.shape != "lamp" {
		d.glow(cx-s, base-s, s*1.2, warmLight, 0.12)
	}
}

// productWindow paints the window the words put the object by ("a cup of
// tea by the window") in the wall behind it: the sky outside, a pale frame
// with its bars and sill, and the light it lets in. The seed places it.
func (d *painter) productWindow(top, dim float32) {
	d.painted("window", "windowsill")
	p := d.p
	if !p.prod.window {
		return
	}
	W := float32(d.w)
	ww := W * between(0.34, 0.48, (p.look.cloudScale-0.7)/0.75)
	// Across from where the object stands (productShot places it by
	// sunX), wholly inside the frame: a window cut by the edge reads as a
	// stray bar.
	wc := 1 - between(0.34, 0.66, p.look.sunX) + between(-0.04, 0.04, (p.look.cloud-0.55)/1.05)
	wx0 := W*min(max(wc, 0.3), 0.7) - ww/2
	wx1 := wx0 + ww
	wy0, wy1 := top*0.1, top*0.86
	// Outside: the sky, paler near the horizon, with a line of distant trees.
	sky0, sky1 := hex("#8ab8e0"), hex("#e4eef2")
	switch {
	case p.lt.night:
		sky0, sky1 = hex("#0e1630"), hex("#26365a")
	case p.time == "golden hour" || p.time == "dusk" || p.time == "dawn" || p.time == "sunset":
		sky0, sky1 = hex("#8aa0c8"), hex("#f4c890")
	}
	d.rect(wx0, wy0, wx1, wy1)
	d.fillNoInk(vgrad(sky0, sky1, wy0, wy1))
	if !p.lt.night {
		for i := 0; i < 3; i++ {
			d.glow(wx0+ww*d.rnd(0.15, 0.85), wy0+(wy1-wy0)*d.rnd(0.1, 0.4), ww*0.08, rgb{1, 1, 1}, 0.15)
		}
	}
	hz := wy0 + (wy1-wy0)*0.8
	d.moveTo(wx0, wy1)
	for i := 0; i <= 12; i++ {
		x := wx0 + ww*float32(i)/12
		d.lineTo(x, hz-d.rnd(0, 0.08)*(wy1-wy0))
	}
	d.lineTo(wx1, wy1)
	d.fillNoInk(solid(hex("#5a7a5a").mix(sky1, 0.35).scale(map[bool]float32{true: 0.3, false: 1}[p.lt.night])))
	// The frame: four panes, a sill below.
	frame := hex("#f2eee6").scale(dim)
	fw := max(8*d.u, 2)
	d.rect(wx0-fw, wy0-fw, wx1+fw, wy0)
	d.rect(wx0-fw, wy0, wx0, wy1)
	d.rect(wx1, wy0, wx1+fw, wy1)
	d.rect((wx0+wx1)/2-fw/2, wy0, (wx0+wx1)/2+fw/2, wy1)
	d.rect(wx0, (wy0+wy1)/2-fw/2, wx1, (wy0+wy1)/2+fw/2)
	d.fill(solid(frame))
	d.rect(wx0-fw*2.5, wy1, wx1+fw*2.5, wy1+fw*2)
	d.fill(vgrad(frame, frame.scale(0.8), wy1, wy1+fw*2))
	if !p.lt.night {
		// Daylight from the window falls into the room.
		d.glow((wx0+wx1)/2, (wy0+wy1)/2, ww*0.7, hex("#fff4e0"), 0.12*dim)
	}
}

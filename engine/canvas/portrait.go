package canvas

// portrait.go draws one person close, head and shoulders, and what they hold.

// portrait: a head-and-shoulders figure against the scene's setting,
// weathered and bearded when the words say old, lit from one side.
func (d *painter) portrait() {
	p := d.p
	W, H := float32(d.w), float32(d.h)
	bg := *p
	p.el = without(p.el, "person", "people")
	if !hasAny(p.el, landscapeElements...) {
		p.el["hills"] = true
	}
	if hasWord(p.words, "fisherman") || hasWord(p.words, "sailor") {
		p.el["sea"] = true
		p.el["boat"] = true
	}
	p.horizon = H * between(0.42, 0.64, p.look.horizon)
	d.landscape()
	bg.horizon, bg.sunX, bg.sunY = p.horizon, p.sunX, p.sunY
	*p = bg
	// Soften the background as a shallow focus would.
	d.fogBand(0, d.h, H*0.5, H*0.6, 0.35, p.haze)
	if s := p.subjectOf("person"); s != nil {
		d.paintedSub(s)
	} else if len(p.subjects) > 0 {
		d.paintedSub(&p.subjects[0]) // the one whose portrait it is
	}
	cx := d.xFor("person", 0.36, 0.64)
	old := hasWord(p.words, "elderly") || hasWord(p.words, "old") || hasWord(p.words, "aged")
	skin := hex("#d8a07a")
	if old {
		skin = hex("#c8906a")
	}
	robot := hasWord(p.words, "robot") || hasWord(p.words, "android") || hasWord(p.words, "droid") || hasWord(p.words, "cyborg")
	if robot {
		skin = hex("#9aa4ae")
	}
	skin = skin.mul(p.lt.ambient.mix(rgb{1, 1, 1}, 0.5))
	coat := hex("#e8b82a") // a fisherman's oilskin
	switch {
	case robot:
		coat = skin.scale(0.75)
	case hasWord(p.words, "knight"):
		coat = d.lit(hex("#8a9098"), 0) // armour
	case !hasWord(p.words, "fisherman"):
		coat = p.accent.scale(0.7)
	}
	if len(p.subjects) > 0 {
		if c, ok := factColour(&p.subjects[0]); ok {
			coat = c.scale(0.85) // "a woman in a green dress"
		}
	}
	coat = coat.mul(p.lt.ambient.mix(rgb{1, 1, 1}, 0.4))
	// The camera's distance: a head and shoulders, or a closer face.
	zk := 1 + (p.look.zoom-1)*0.35
	hr := W * 0.13 * zk
	hy := H * (0.45 + (zk-1)*0.25)
	// Shoulders.
	d.moveTo(cx-W*0.42, H+2)
	d.cubeTo(cx-W*0.4, H*0.72, cx-W*0.2, H*0.66, cx, H*0.66)
	d.cubeTo(cx+W*0.2, H*0.66, cx+W*0.4, H*0.72, cx+W*0.42, H+2)
	d.fill(vgrad(coat.scale(1.15), coat.scale(0.6), H*0.66, H))
	woman := hasWord(p.words, "woman") || hasWord(p.words, "women") || hasWord(p.words, "girl") || hasWord(p.words, "lady") ||
		hasWord(p.words, "queen") || hasWord(p.words, "princess") || hasWord(p.words, "bride") || hasWord(p.words, "mother") ||
		hasWord(p.words, "grandmother") || hasWord(p.words, "actress") || hasWord(p.words, "she") ||
		hasWord(p.words, "witch") || hasWord(p.words, "sorceress")
	hair := hex("#4a3020")
	switch {
	case old:
		hair = hex("#c8c4bc")
	case hasWord(p.words, "blonde") || hasWord(p.words, "blond") || hasWord(p.words, "golden-haired"):
		hair = hex("#d8b060")
	case hasWord(p.words, "redhead") || hasWord(p.words, "red-haired") || hasWord(p.words, "ginger"):
		hair = hex("#a84a20")
	case hasWord(p.words, "black-haired") || hasWord(p.words, "dark-haired"):
		hair = hex("#1e1814")
	}
	hair = hair.mul(p.lt.ambient.mix(rgb{1, 1, 1}, 0.5))
	wizard := hasWord(p.words, "wizard") || hasWord(p.words, "witch") || hasWord(p.words, "sorcerer") || hasWord(p.words, "mage")
	old = old || wizard && !woman // a wizard's long white beard
	hat := hasWord(p.words, "fisherman") || hasWord(p.words, "sailor") || hasWord(p.words, "knight") || hasWord(p.words, "soldier") || wizard
	if woman && !hat {
		// Long hair falls behind the head to the shoulders.
		d.moveTo(cx-hr*0.95, hy-hr*0.2)
		d.cubeTo(cx-hr*1.05, hy-hr*1.35, cx+hr*1.05, hy-hr*1.35, cx+hr*0.95, hy-hr*0.2)
		d.cubeTo(cx+hr*1.05, hy+hr*0.8, cx+hr*1.2, hy+hr*1.6, cx+hr*1.05, hy+hr*2.0)
		d.lineTo(cx-hr*1.05, hy+hr*2.0)
		d.cubeTo(cx-hr*1.2, hy+hr*1.6, cx-hr*1.05, hy+hr*0.8, cx-hr*0.95, hy-hr*0.2)
		pt := vgrad(hair.scale(1.1), hair.scale(0.7), hy-hr, hy+hr*2)
		pt.tex, pt.texAmt, pt.texScale = texStreakV, 0.35, 3*d.u
		d.fill(pt)
	}
	// Neck and head.
	d.rect(cx-hr*0.45, hy+hr*0.6, cx+hr*0.45, H*0.7)
	d.fill(solid(skin.scale(0.8)))
	d.ellipse(cx, hy, hr*0.82, hr)
	d.fill(vgrad(skin.scale(1.1), skin.scale(0.75), hy-hr, hy+hr))
	// Shade the far side of the face.
	d.moveTo(cx+hr*0.1, hy-hr)
	d.cubeTo(cx+hr*1.2, hy-hr, cx+hr*1.0, hy+hr, cx+hr*0.1, hy+hr)
	d.cubeTo(cx+hr*0.5, hy+hr*0.5, cx+hr*0.5, hy-hr*0.5, cx+hr*0.1, hy-hr)
	d.fillNoInk(paint{col: skin.scale(0.55), alpha: 0.5})
	if robot {
		// Glowing optical sensors, a speaker grille and an antenna.
		for _, ex := range []float32{-0.32, 0.32} {
			d.disc(cx+ex*hr, hy-hr*0.1, hr*0.16, hex("#1a2a34"), 1, false)
			d.disc(cx+ex*hr, hy-hr*0.1, hr*0.1, hex("#5af0ff"), 1, false)
			d.glow(cx+ex*hr, hy-hr*0.1, hr*0.35, hex("#5af0ff"), 0.5)
		}
		for k := 0; k < 3; k++ {
			y := hy + hr*(0.35+float32(k)*0.12)
			d.line(cx-hr*0.3, y, cx+hr*0.3, y, hr*0.05)
		}
		d.line(cx, hy-hr, cx, hy-hr*1.45, hr*0.06)
		d.fillNoInk(solid(skin.scale(0.45)))
		d.disc(cx, hy-hr*1.45, hr*0.1, hex("#ff5a3a"), 1, false)
		d.weatherLayer(p.horizon)
		return
	}
	// The nose: a soft shadow down one side and under the tip.
	d.moveTo(cx+hr*0.02, hy-hr*0.1)
	d.quadTo(cx+hr*0.12, hy+hr*0.15, cx+hr*0.14, hy+hr*0.26)
	d.quadTo(cx, hy+hr*0.33, cx-hr*0.12, hy+hr*0.26)
	d.quadTo(cx, hy+hr*0.22, cx+hr*0.02, hy-hr*0.1)
	d.fillNoInk(paint{col: skin.scale(0.6), alpha: 0.55})
	if old {
		// A full grey beard along the jaw and chin, the cheeks left bare,
		// a moustache over the mouth: a weathered face, not a mask.
		beard := hex("#d8d4cc").mul(p.lt.ambient.mix(rgb{1, 1, 1}, 0.5))
		d.moveTo(cx-hr*0.8, hy-hr*0.05)
		d.cubeTo(cx-hr*0.85, hy+hr*1.55, cx+hr*0.85, hy+hr*1.55, cx+hr*0.8, hy-hr*0.05)
		d.cubeTo(cx+hr*0.62, hy+hr*0.35, cx+hr*0.4, hy+hr*0.5, cx+hr*0.22, hy+hr*0.5)
		d.lineTo(cx-hr*0.22, hy+hr*0.5)
		d.cubeTo(cx-hr*0.4, hy+hr*0.5, cx-hr*0.62, hy+hr*0.35, cx-hr*0.8, hy-hr*0.05)
		pt := solid(beard)
		pt.tex, pt.texAmt, pt.texScale = texStreakV, 0.4, 2*d.u
		d.fill(pt)
		// Moustache and the line of the mouth beneath it.
		d.moveTo(cx-hr*0.34, hy+hr*0.52)
		d.cubeTo(cx-hr*0.2, hy+hr*0.3, cx+hr*0.2, hy+hr*0.3, cx+hr*0.34, hy+hr*0.52)
		d.cubeTo(cx+hr*0.15, hy+hr*0.44, cx-hr*0.15, hy+hr*0.44, cx-hr*0.34, hy+hr*0.52)
		d.fillNoInk(solid(beard.scale(0.92)))
		d.line(cx-hr*0.16, hy+hr*0.58, cx+hr*0.16, hy+hr*0.58, hr*0.05)
		d.fillNoInk(solid(hex("#5a3a34").mul(p.lt.ambient.mix(rgb{1, 1, 1}, 0.5))))
		// Wrinkles.
		for k := 0; k < 3; k++ {
			y := hy - hr*(0.45+float32(k)*0.1)
			d.line(cx-hr*0.35, y, cx+hr*0.35, y, 1.5*d.u)
		}
		d.fillNoInk(paint{col: skin.scale(0.6), alpha: 0.5})
	}
	// Eyes and brows.
	for _, ex := range []float32{-0.32, 0.32} {
		d.ellipse(cx+ex*hr, hy-hr*0.12, hr*0.09, hr*0.05)
		d.line(cx+ex*hr-hr*0.14, hy-hr*0.27, cx+ex*hr+hr*0.14, hy-hr*0.25, hr*0.05)
	}
	d.fillNoInk(solid(hex("#2a2020")))
	if wizard {
		// A tall pointed hat with a wide brim.
		cap := d.lit(hex("#3a2a6a"), 0)
		d.ellipse(cx, hy-hr*0.55, hr*1.5, hr*0.22)
		d.fill(solid(cap.scale(0.85)))
		d.moveTo(cx-hr*0.85, hy-hr*0.6)
		d.quadTo(cx-hr*0.2, hy-hr*1.6, cx+hr*0.5, hy-hr*2.7)
		d.quadTo(cx+hr*0.3, hy-hr*1.5, cx+hr*0.85, hy-hr*0.6)
		d.fill(solid(cap))
	} else if hat {
		// A sou'wester, a sailor's knitted cap, or a helmet.
		cap := hex("#2a3a5a")
		switch {
		case hasWord(p.words, "fisherman"):
			cap = coat.scale(0.9)
		case hasWord(p.words, "knight") || hasWord(p.words, "soldier"):
			cap = d.lit(hex("#9aa0a8"), 0)
		}
		d.moveTo(cx-hr*0.95, hy-hr*0.35)
		d.cubeTo(cx-hr*0.95, hy-hr*1.45, cx+hr*0.95, hy-hr*1.45, cx+hr*0.95, hy-hr*0.35)
		d.lineTo(cx+hr*1.1, hy-hr*0.25)
		d.lineTo(cx-hr*1.1, hy-hr*0.25)
		d.fill(solid(cap))
	} else {
		// Hair over the crown and forehead, parted to one side.
		d.moveTo(cx-hr*0.88, hy-hr*0.15)
		d.cubeTo(cx-hr*1.0, hy-hr*1.4, cx+hr*1.0, hy-hr*1.4, cx+hr*0.88, hy-hr*0.15)
		d.cubeTo(cx+hr*0.7, hy-hr*0.55, cx+hr*0.2, hy-hr*0.7, cx-hr*0.15, hy-hr*0.55)
		d.cubeTo(cx-hr*0.5, hy-hr*0.5, cx-hr*0.75, hy-hr*0.4, cx-hr*0.88, hy-hr*0.15)
		pt := vgrad(hair.scale(1.15), hair.scale(0.8), hy-hr*1.1, hy)
		pt.tex, pt.texAmt, pt.texScale = texStreakV, 0.3, 2*d.u
		d.fill(pt)
	}
	d.heldThing(cx, hy, hr, skin, coat)
	d.shoulderBird(cx, hy, hr)
	d.weatherLayer(p.horizon)
}

// shoulderBird draws a bird the idea names on the person's shoulder ("a
// pirate with a parrot on his shoulder"), in its colour.
func (d *painter) shoulderBird(cx, hy, hr float32) {
	for i := 1; i < len(d.p.subjects); i++ {
		b := &d.p.subjects[i]
		if b.Category != "bird" {
			continue
		}
		col, ok := colourOf(b)
		if !ok {
			col = hex("#2aa83a") // a parrot green
		}
		x := cx + hr*1.6
		if x > float32(d.w)*0.9 {
			x = cx - hr*1.6
		}
		d.paintedSub(b)
		d.bird(x, hy+hr*1.45, hr*0.9, col, "perched", x < cx)
		return
	}
}

// heldThing draws what a portrait's words put in the person's hand ("a
// knight holding a sword", "a wizard with a staff") upright beside the
// head, on the side with more room, the hand (or gauntlet) around it.
func (d *painter) heldThing(cx, hy, hr float32, skin, coat rgb) {
	p := d.p
	W, H := float32(d.w), float32(d.h)
	sx := float32(1)
	if cx > W/2 {
		sx = -1
	}
	x := cx + sx*W*0.3
	hand := skin
	if hasWord(p.words, "knight") || hasWord(p.words, "soldier") || hasWord(p.words, "paladin") {
		hand = coat.scale(1.1) // a gauntlet
	}
	amb := p.lt.ambient.mix(rgb{1, 1, 1}, 0.5)
	switch {
	case hasWord(p.words, "sword") || hasWord(p.words, "swords") || hasWord(p.words, "longsword") || hasWord(p.words, "blade"):
		d.paintedLike("sword", "blade")
		steel := hex("#d0d6dc").mul(amb)
		bw := W * 0.028
		tip := hy - hr*1.3
		guard := H * 0.8
		// The blade, lit on its left edge, with its fuller down the middle.
		d.poly(x-bw/2, guard, x-bw/2, tip+bw*2, x, tip, x+bw/2, tip+bw*2, x+bw/2, guard)
		d.fill(solid(steel.scale(0.78)))
		d.poly(x-bw/2, guard, x-bw/2, tip+bw*2, x, tip, x, guard)
		d.fillNoInk(solid(steel))
		d.line(x, guard-bw, x, tip+bw*3, bw*0.14)
		d.fillNoInk(paint{col: steel.scale(0.6), alpha: 0.7})
		// Crossguard, grip and pommel.
		brass := hex("#b8903a").mul(amb)
		d.roundRect(x-bw*2.6, guard, x+bw*2.6, guard+bw*0.9, bw*0.3)
		d.fill(vgrad(brass.scale(1.2), brass.scale(0.7), guard, guard+bw*0.9))
		d.rect(x-bw*0.4, guard+bw*0.9, x+bw*0.4, H+2)
		d.fill(solid(hex("#4a2e1e").mul(amb)))
		d.ellipse(x, guard+bw*3.2, bw*1.1, bw*1.4)
		d.fill(vgrad(hand.scale(1.1), hand.scale(0.75), guard+bw*1.8, guard+bw*4.6))
	case hasWord(p.words, "staff") || hasWord(p.words, "spear"):
		d.paintedLike("staff", "spear")
		wood := hex("#6a4428").mul(amb)
		top := hy - hr*1.6
		d.line(x, H+2, x, top, W*0.018)
		d.fill(solid(wood))
		if hasWord(p.words, "spear") {
			steel := hex("#c8ced4").mul(amb)
			d.poly(x-W*0.02, top, x, top-W*0.08, x+W*0.02, top)
			d.fill(solid(steel))
		} else {
			// A glowing stone set in the staff's head.
			d.disc(x, top-W*0.02, W*0.03, hex("#8ae0ff"), 1, false)
			d.glow(x, top-W*0.02, W*0.05, hex("#8ae0ff"), 0.5)
		}
		d.ellipse(x, H*0.86, W*0.03, W*0.04)
		d.fill(vgrad(hand.scale(1.1), hand.scale(0.75), H*0.82, H*0.9))
	case hasWord(p.words, "wand"):
		d.paintedLike("wand")
		d.line(x, H*0.88, x+sx*W*0.05, H*0.66, W*0.008)
		d.fill(solid(hex("#3a2418").mul(amb)))
		d.glow(x+sx*W*0.05, H*0.66, W*0.02, hex("#fff0b0"), 0.6)
		d.ellipse(x, H*0.89, W*0.03, W*0.035)
		d.fill(vgrad(hand.scale(1.1), hand.scale(0.75), H*0.85, H*0.93))
	}
}

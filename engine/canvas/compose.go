package canvas

import (
	"image"
	"math"

	"github.com/easel-art/easel"
)

// Draw paints scene in style at w x h pixels. The same arguments always give
// the same picture; another seed gives another composition. A nil scene is
// drawn as an empty one (a landscape picked by the seed), style "" means
// scene.Style, and sizes are clamped to easel.MinSide..easel.MaxSide.
func Draw(scene *easel.Scene, style string, w, h int, seed int64) *image.RGBA {
	return drawFramed(scene, style, w, h, seed, frame{})
}

// drawFramed is Draw with the composition a prompt's words asked for.
func drawFramed(scene *easel.Scene, style string, w, h int, seed int64, fr frame) *image.RGBA {
	img, _, _ := drawNoted(scene, style, w, h, seed, fr)
	return img
}

// drawNoted is drawFramed returning the notes read from what the painter
// recorded it painted (record.go): the subjects not drawn, and those
// drawn only as a plain shape.
func drawNoted(scene *easel.Scene, style string, w, h int, seed int64, fr frame) (img *image.RGBA, notDrawn, roughly []string) {
	if scene == nil {
		scene = &easel.Scene{}
	}
	if style == "" {
		style = sceneStyle(scene)
	}
	name := CanonicalStyle(style)
	w = min(max(w, easel.MinSide), easel.MaxSide)
	h = min(max(h, easel.MinSide), easel.MaxSide)
	st := styleFor(name)
	s := sceneSeed(scene, name, seed)
	if st.pixel > 0 {
		// Pixel art is painted small, with flat fills, then enlarged with
		// hard edges and a limited, dithered palette.
		sw, sh := max(w/st.pixel, 16), max(h/st.pixel, 16)
		c := newCanvas(sw, sh, s, st)
		defer c.release()
		d := &painter{canvas: c, rec: newRecord()}
		d.p = makePlan(scene, name, sw, sh, c, fr)
		c.mirror = d.p.look.mirror
		d.paint()
		notDrawn, roughly = notesOf(scene, d.p, d.rec)
		d.grade()
		d.pixelPalette()
		return d.enlarge(w, h), notDrawn, roughly
	}
	c := newCanvas(w, h, s, st)
	defer c.release()
	d := &painter{canvas: c, rec: newRecord()}
	d.p = makePlan(scene, name, w, h, c, fr)
	c.mirror = d.p.look.mirror
	d.paint()
	notDrawn, roughly = notesOf(scene, d.p, d.rec)
	d.grade()
	d.stylePost()
	d.finish()
	return c.toRGBA(), notDrawn, roughly
}

// paint lays down the picture for the plan's kind.
func (d *painter) paint() {
	if d.st.outline {
		ink := hex("#1c1a22")
		if d.st.name == StylePencil {
			ink = hex("#2a2a2a")
		}
		d.ink = &ink
		d.inkW = max(1.6*d.u, 0.8)
	}
	if d.st.name == StyleSynthwave {
		d.p.lt = light{hex("#0d0628"), hex("#5a1670"), hex("#ff4f8a"), hex("#ffd23a"), rgb{0.55, 0.4, 0.75}, 0.78, false}
		d.p.haze = hex("#a03a8a")
		d.p.showSun = d.p.kind == "landscape" && !d.p.lt.night
		// The synthwave sun stays near the middle, as the genre has it; the
		// seed nudges it and sets how far it has sunk.
		d.p.sunX = float32(d.w) * between(0.38, 0.62, d.p.look.sunX)
		d.p.horizon = float32(d.h) * between(0.52, 0.66, d.p.look.horizon)
		d.p.sunY = d.p.horizon - float32(d.h)*0.12*d.p.look.sunY
		d.p.weather = "clear"
	}
	switch d.p.kind {
	case "underwater":
		d.underwater()
	case "space":
		d.space()
	case "aerial":
		d.aerial()
	case "interior":
		d.interior()
	case "table":
		d.table()
	case "product":
		d.productShot()
	case "street":
		d.street()
	case "portrait":
		d.portrait()
	case "abstract":
		d.abstract()
	default:
		d.landscape()
	}
}

// skyLayer paints everything above the horizon that is not land: gradient,
// sun or moon, stars, aurora, clouds, weather light.
func (d *painter) skyLayer() {
	p := d.p
	d.sky()
	if p.lt.night || p.time == "dusk" {
		dens := float32(1)
		if p.time == "dusk" {
			dens = 0.3
		}
		if p.weather == "clear" || p.weather == "wind" || p.weather == "cloudy" {
			d.stars(p.horizon, dens)
		}
		if p.el["milky way"] {
			d.milkyWay()
		}
		if p.el["aurora"] {
			d.aurora()
		}
	}
	if p.el["rainbow"] && !p.lt.night {
		d.rainbow()
	}
	if d.st.name == StyleSynthwave && p.showSun {
		d.synthSun()
	} else if p.showSun {
		d.sunDisc()
	}
	if p.showMoon {
		d.moonDisc()
	}
	cover := map[string]float32{"clear": 0.14, "wind": 0.3, "cloudy": 0.45, "overcast": 0.85, "rain": 0.75,
		"storm": 0.85, "snow": 0.7, "fog": 0.5, "mist": 0.3}[p.weather]
	switch p.weather {
	case "clear":
		// A clear sky may be empty or dotted with fair-weather cloud: the
		// seed says.
		cover = between(0.04, 0.4, p.look.cloud)
	case "wind", "cloudy":
		cover *= between(0.7, 1.3, p.look.cloud)
	}
	if p.el["clouds"] {
		cover = max(cover, 0.36)
	}
	if p.el["aurora"] || p.el["milky way"] {
		cover = min(cover, 0.1)
	}
	if d.st.name == StyleSynthwave {
		cover = 0.08
	}
	if p.above {
		cover *= 0.4
	}
	d.clouds(p.horizon, cover)
	if p.weather == "storm" || p.el["lightning"] {
		d.lightning()
	}
}

// synthSun is the synthwave sun: a yellow-to-pink disc cut by bands.
func (d *painter) synthSun() {
	p := d.p
	r := float32(d.w) * 0.18 * min(p.look.sunR, 1.2)
	cx, cy := p.sunX, p.sunY
	d.glow(cx, cy, r*0.9, hex("#ff3a8a"), 0.35)
	top, bot := hex("#ffe03a"), hex("#ff2a8a")
	x0, x1 := max(int(cx-r-1), 0), min(int(cx+r+2), d.w)
	y0, y1 := max(int(cy-r-1), 0), min(int(cy+r+2), d.h)
	for y := y0; y < y1; y++ {
		t := (float32(y) - (cy - r)) / (2 * r)
		// Bands get thicker towards the bottom of the disc.
		if t > 0.45 {
			band := float32(math.Mod(float64(t-0.45)*14, 1))
			if band < (t-0.45)*1.3 {
				continue
			}
		}
		col := top.mix(bot, t)
		for x := x0; x < x1; x++ {
			dx, dy := float32(x)+0.5-cx, float32(y)+0.5-cy
			a := clamp01(r - float32(math.Sqrt(float64(dx*dx+dy*dy))) + 0.5)
			if a > 0 {
				d.blendPx((y*d.w+x)*3, col, a)
			}
		}
	}
}

// synthGrid is the synthwave floor: a dark plane with neon lines running
// to the vanishing point.
func (d *painter) synthGrid(top float32) {
	d.rect(-2, top, float32(d.w)+2, float32(d.h)+2)
	d.fillNoInk(vgrad(hex("#1a0630"), hex("#0a0218"), top, float32(d.h)))
	neon := hex("#ff2ad8")
	vx := float32(d.w) / 2
	for i := -24; i <= 24; i++ {
		bx := vx + float32(i)*float32(d.w)*0.09
		d.line(vx+float32(i)*2*d.u, top, bx, float32(d.h)+4, max(1.5*d.u, 1))
	}
	for k := 1; k < 18; k++ {
		t := float32(k) / 18
		y := top + (float32(d.h)-top)*t*t
		d.line(-2, y, float32(d.w)+2, y, max((0.8+2*t)*d.u, 1))
	}
	d.fillNoInk(paint{col: neon, alpha: 0.85})
	d.fogBand(int(top)-int(40*d.u), int(top)+int(60*d.u), top, 25*d.u, 0.5, hex("#ff4fa0"))
}

// synthMountains are dark ridges with a neon rim.
func (d *painter) synthMountains(top, bottom float32) {
	n := d.samples()
	ys := make([]float32, n)
	for i := range ys {
		x := float32(i) / float32(n-1)
		edge := float32(math.Abs(float64(x-0.5))) * 2 // higher at the sides, clear in the middle for the sun
		ys[i] = bottom - (bottom-top)*ridged1(x*4+3, 3, d.seed+3)*(0.25+0.75*edge)
	}
	d.ridgePath(ys, bottom+2)
	d.fillNoInk(vgrad(hex("#2a0a4a"), hex("#10041e"), top, bottom))
	step := float32(d.w+8) / float32(n-1)
	for i := 1; i < n; i++ {
		d.line(-4+float32(i-1)*step, ys[i-1], -4+float32(i)*step, ys[i], max(2*d.u, 1))
	}
	d.fillNoInk(solid(hex("#2ae8ff")))
}

// landscape is the outdoor composition: sky, far land, water or ground,
// buildings, trees, life and weather, back to front.
func (d *painter) landscape() {
	p := d.p
	W, H := float32(d.w), float32(d.h)
	hz := p.horizon
	d.skyLayer()
	if p.el["canyon"] && (p.main == "canyon" || p.main == "river") && !p.el["mountains"] && !p.high {
		// "A desert canyon": the view from inside it, not mesas far away.
		d.canyonWalls()
		d.animals(hz)
		d.airborne(hz)
		d.weatherLayer(hz)
		return
	}
	above := p.above
	synth := d.st.name == StyleSynthwave
	snowy := p.season == "winter" || p.el["snow"] || hasWord(p.words, "snowy") || hasWord(p.words, "snow-capped")

	// Far land, which water reflects.
	water := p.el["sea"] || p.el["lake"] || p.el["ice"]
	if p.el["mountains"] || p.el["volcano"] || p.el["canyon"] || (p.el["lake"] && !p.el["sea"] && d.chance(0.5)) || (p.el["forest"] && d.chance(0.4)) {
		top := hz - H*d.rnd(0.22, 0.32)*p.look.ridge
		if above {
			top = hz - H*0.45
		}
		switch {
		case synth:
			d.synthMountains(hz-H*0.2, hz+1)
		case p.el["canyon"]:
			d.canyon(hz + 1)
		case p.el["mountains"] || !p.el["volcano"]:
			layers := p.look.ridgeLayers
			if !p.el["mountains"] {
				layers = 2
				top = hz - H*0.12
			}
			d.mountains(layers, top, hz+1, snowy && p.el["mountains"] || p.el["mountains"] && d.chance(0.3))
		}
		if p.el["volcano"] {
			d.volcano(hz + 1)
		}
	}
	if p.el["desert"] && !p.el["canyon"] && !p.el["mountains"] && d.chance(0.6) {
		d.canyon(hz + 1)
	}
	if above {
		d.cloudSea(hz - H*0.05)
		d.aboveClouds(hz) // a tower, lighthouse or castle rising out of them (launch.go)
		d.airborne(hz)
		d.weatherLayer(hz)
		return
	}
	skyline := (p.el["skyline"] || p.el["city"]) && !p.el["street"]
	if skyline && !water && !synth && d.chance(0.5) {
		// A river or harbour in front doubles the city lights.
		water = true
		p.el["lake"] = true
	}
	if p.el["waterfall"] && !water {
		d.waterfallScene()
		return
	}
	if skyline && water {
		d.skyline(hz+1, p.el["neon"] || p.lt.night)
	}
	if p.el["forest"] && water {
		d.forest(hz-10*d.u, hz+1, []treeKind{treePine}, 2)
	}
	if (p.el["houses"] || p.el["village"]) && water {
		if p.main == "houses" || p.main == "village" {
			// A harbour town: houses stacked up the hillside behind the
			// water, reflected in it.
			d.hills(1, hz-H*0.2, hz, p.grass.mix(p.haze, 0.3))
			d.town(hz-H*0.13, hz+1, 55*d.u, 3)
		} else {
			// A town on the far shore, reflected in the water.
			d.hills(1, hz-float32(d.h)*0.06, hz, p.grass.mix(p.haze, 0.4))
			d.village(hz+1, 14, 36*d.u)
		}
	}
	if p.el["castle"] && water {
		d.castle(d.xFor("castle", 0.3, 0.7), hz+1, 55*d.u)
	}
	if p.weather == "mist" || p.weather == "fog" || p.el["mist"] {
		d.fogBand(0, d.h, hz, H*0.08, 0.55, d.fogColour())
	}

	groundTop := hz
	beds := false // a garden's flowering bushes, set in front of everything
	switch {
	case water:
		shore := H + 2
		if p.el["beach"] || p.el["palms"] && !p.el["ship"] {
			shore = hz + (H-hz)*between(0.3, 0.66, p.look.shore)
		} else if p.el["lake"] || p.el["ice"] {
			shore = hz + (H-hz)*between(0.55, 0.85, p.look.shore)
		}
		calm := float32(0.35)
		if p.el["lake"] || p.el["ice"] {
			calm = 0.85
		}
		if hasWord(p.words, "calm") || hasWord(p.words, "still") || hasWord(p.words, "reflected") {
			calm = max(calm, 0.8)
		}
		if p.weather == "storm" || hasWord(p.words, "rough") {
			calm = 0
		}
		d.water(shore, calm, p.el["ice"])
		if calm < 0.5 {
			d.breakers(hz+(shore-hz)*0.1, shore, int(40*(1-calm)))
		}
		d.boats(hz, shore)
		d.distantSail(hz, shore)
		groundTop = shore
		if shore < H {
			if p.el["beach"] || p.el["sea"] {
				d.beach(shore)
			} else {
				d.groundPlane(shore, p.grass, texNoise)
				d.meadow(shore, 200)
			}
		}
		if p.el["cliffs"] || p.el["lighthouse"] || hasWord(p.words, "rocky") || hasWord(p.words, "cliff") {
			d.chance(0.5) // kept, so the strokes after it stay as they were
			left := p.look.cliffLeft
			if p.main == "lighthouse" && p.subjX > 0 && p.subjX != 0.5 {
				left = p.subjX < 0.5 // the lighthouse stands on its cliff
			}
			ctop := hz + (H-hz)*0.12
			d.cliffs(ctop, H+2, left)
			if p.el["lighthouse"] {
				x := W * between(0.1, 0.2, p.look.shore)
				if !left {
					x = W - x
				}
				d.lighthouse(x, ctop+12*d.u, d.zoomed("lighthouse", 70*d.u))
			}
			d.rocks(H-30*d.u, 6, 1.2)
		}
	case synth:
		d.synthGrid(hz)
	case p.el["dunes"] || p.el["desert"]:
		d.dunes(hz - 5*d.u)
	case p.el["field"] || p.el["wheat"] || p.el["sunflowers"]:
		if p.el["hills"] || d.chance(0.5) {
			d.hills(1, hz-H*0.04, hz, p.grass.mix(p.haze, 0.3))
		}
		d.field(hz)
	default:
		col := p.grass
		layers := 3
		d.hills(layers, hz-H*0.06, hz+(H-hz)*0.35, col)
		if p.el["meadow"] || p.el["flowers"] || p.season == "spring" {
			d.meadow(hz, 500)
		}
		// A Japanese garden is moss, stone and water, not flower beds.
		beds = p.el["flowers"] && !p.el["meadow"] && !hasWord(p.words, "japanese") && !hasWord(p.words, "zen")
	}
	if p.el["snow"] {
		d.painted("snow") // the ground is white (plan.go)
	}
	if p.el["river"] && !water {
		d.river(hz + (H-hz)*0.1)
	}
	if p.el["road"] && !water {
		d.road(hz)
	}
	if skyline && !water {
		d.skyline(hz+(H-hz)*0.15, p.el["neon"] || p.lt.night)
		d.groundPlane(hz+(H-hz)*0.15, hex("#3a3a40"), texNoise)
	}
	if !water && !synth && !skyline && !p.el["forest"] && !p.el["jungle"] && !p.el["dunes"] && !p.el["desert"] &&
		!hasWord(p.words, "lone") && !hasWord(p.words, "single") && !hasWord(p.words, "solitary") {
		d.horizonTrees(hz) // not beside a lone tree, which is alone
	}
	d.buildings(groundTop)
	d.trees(groundTop, water)
	d.groundThings(groundTop) // yard.go
	d.animals(groundTop)
	if beds {
		d.flowerBeds(groundTop)
	}
	d.airborne(hz)
	d.weatherLayer(hz)
}

// waterfallScene is a cliff with falling water between jungle or forest,
// a pool at its foot and mist rising.
func (d *painter) waterfallScene() {
	p := d.p
	H := float32(d.h)
	top := p.horizon - H*0.25
	foot := p.horizon + (H-p.horizon)*0.45
	d.waterfall(top, foot)
	// The pool.
	d.rect(-2, foot, float32(d.w)+2, H+2)
	pool := d.skyAt(p.horizon*0.5, p.horizon).mix(hex("#2a5a5a"), 0.6)
	pt := vgrad(pool.scale(1.15), pool.scale(0.7), foot, H)
	pt.tex, pt.texAmt, pt.texScale = texStreakH, 0.3, 6*d.u
	d.fill(pt)
	d.fogBand(0, d.h, foot, H*0.08, 0.6, d.fogColour())
	kinds := []treeKind{treeBroad}
	if p.el["jungle"] {
		kinds = []treeKind{treeBroad, treePalm}
	} else if p.el["pines"] || p.season == "winter" {
		kinds = []treeKind{treePine}
	}
	for _, side := range []float32{0, 1} {
		for i := 0; i < 5; i++ {
			x := float32(d.w) * (side*0.82 + d.rnd(0, 0.18))
			y := foot + (H-foot)*d.rnd(0.1, 1)
			k := kinds[d.rng.IntN(len(kinds))]
			d.tree(treeSpot{x, y, d.rnd(180, 320) * d.u, k, d.lit(p.foliage[d.rng.IntN(len(p.foliage))], 0.1)})
		}
	}
	d.rocks(H-20*d.u, 5, 1.5)
	d.animals(foot) // a bear fishing at the falls, a person on the bank (placing.go)
	d.airborne(p.horizon)
	d.weatherLayer(p.horizon)
}

// boats sets the scene's boats and ships on the water.
func (d *painter) boats(hz, shore float32) {
	p := d.p
	W := float32(d.w)
	for _, k := range []string{"ship", "sailboat", "boat"} {
		if !p.el[k] {
			continue
		}
		n := 1
		if k == "boat" && (hasWord(p.words, "harbor") || hasWord(p.words, "harbour") || hasWord(p.words, "boats")) {
			n = 4
		}
		if sub := p.subjectOf(k); sub != nil && sub.Count > 1 {
			n = countOf(sub, n) // "two kayaks": two
		}
		for i := 0; i < n; i++ {
			t := d.rnd(0.15, 0.55)
			if i == 0 && k == p.main {
				t = p.look.near(d.rnd(0.2, 0.5)) // the subject, never a speck
			}
			y := hz + (shore-hz)*t
			s := (20 + 80*t) * d.u
			if k == "ship" {
				s *= 1.4
			}
			if i == 0 {
				s = d.zoomed(k, s)
				if k == p.main && n == 1 {
					s = max(s*1.8, float32(d.w)*0.22) // the subject, near enough to read
				}
			}
			x := W * d.rnd(0.2, 0.8)
			if i == 0 {
				x = d.xFor(k, 0.2, 0.8)
			}
			d.boat(x, y, s, k)
		}
	}
}

// horizonTrees stands a few small trees on the far edge of open land, on
// some seeds: secondary elements that change the skyline, kept small and
// away from the main subject's place so they never compete with it.
func (d *painter) horizonTrees(hz float32) {
	p := d.p
	n := p.look.extras
	if n == 0 || p.above || p.high {
		return
	}
	kind := treeBroad
	if p.season == "winter" || p.el["pines"] || p.el["mountains"] {
		kind = treePine
	}
	subj := float32(-1)
	if p.subjX > 0 {
		subj = p.subjX
	}
	x := d.rnd(0.05, 0.95)
	for i := 0; i < n+1; i++ {
		if subj >= 0 && x > subj-0.14 && x < subj+0.14 {
			x += 0.3 // step out of the subject's way
		}
		if x > 0.97 {
			x -= 0.9
		}
		h := d.rnd(45, 100) * d.u
		col := d.lit(p.foliage[d.rng.IntN(len(p.foliage))], 0.55)
		if kind == treePine {
			col = d.lit(hex("#2f5a3a"), 0.55)
		}
		d.tree(treeSpot{float32(d.w) * x, hz + d.rnd(1, 4)*d.u, h, kind, col})
		x += d.rnd(0.03, 0.09) // a clump
	}
}

// distantSail puts a small sail near the horizon of a sea with no boat in
// it, on some seeds: a secondary element, far off so it never competes.
func (d *painter) distantSail(hz, shore float32) {
	p := d.p
	if p.look.extras < 2 || !p.el["sea"] || hasAny(p.el, "ship", "sailboat", "boat", "lighthouse") || p.lt.night ||
		p.weather == "storm" || p.weather == "fog" || shore-hz < 40*d.u {
		return
	}
	x := float32(d.w) * between(0.15, 0.85, 1-p.look.sunX) // away from the sun's path
	d.boat(x, hz+(shore-hz)*0.06, 14*d.u, "sailboat")
}

// buildings places the scene's buildings on the ground.
func (d *painter) buildings(groundTop float32) {
	p := d.p
	W, H := float32(d.w), float32(d.h)
	hz := p.horizon
	mid := groundTop + (H-groundTop)*0.25
	if groundTop >= H-10*d.u {
		return // all water
	}
	if p.el["castle"] && !p.el["sea"] && !p.el["lake"] {
		// A castle sits on its own hill.
		cx := d.xFor("castle", 0.28, 0.72)
		base := mid + 40*d.u
		hy := hz - (H-hz)*0.25
		d.moveTo(cx-W*0.5, base)
		d.cubeTo(cx-W*0.2, hy, cx+W*0.2, hy, cx+W*0.5, base)
		col := d.lit(p.grass, 0.2)
		d.fill(vgrad(col.scale(1.1), col.scale(0.8), hy, base))
		s := 70 * d.u
		switch {
		case p.el["village"] || p.el["houses"]:
			s = 50 * d.u
		case p.main == "castle":
			s = d.zoomed("castle", 100*d.u) // the subject, not a speck on the skyline
		}
		// A cubic with both handles at hy peaks three quarters of the way up.
		d.castle(cx, base+(hy-base)*0.75+s*0.15, s)
	}
	if (p.el["village"] || p.el["houses"]) && !(p.el["sea"] || p.el["lake"]) {
		if p.main == "houses" && p.single && !p.el["village"] {
			// One house, the subject: large, in the middle ground.
			s := d.zoomed("houses", 160*d.u)
			if structureMain(d.p.subjects) {
				s *= 1.7 // "a snowy porch": the house near enough to see it (yard.go)
			}
			d.house(d.xFor("houses", 0.35, 0.6)-0.6*s, groundTop+(H-groundTop)*p.look.near(0.3), s) // house takes its left edge
		} else if p.main == "village" || p.main == "houses" {
			// The seed sets how much of the village the frame holds.
			d.town(groundTop+(H-groundTop)*0.04, groundTop+(H-groundTop)*p.look.near(0.5), d.zoomed("village", 70*d.u), 3+p.look.extras)
		} else {
			d.town(groundTop+(H-groundTop)*0.02, mid+10*d.u, 44*d.u, 2+p.look.extras)
		}
	}
	if p.el["temple"] {
		s := 80 * d.u
		if p.main == "temple" {
			s = d.zoomed("temple", 130*d.u)
		}
		d.temple(d.xFor("temple", 0.6, 0.8), mid, s)
	}
	if p.el["windmill"] {
		d.windmill(d.xFor("windmill", 0.2, 0.8), mid, d.zoomed("windmill", 70*d.u))
	}
	if p.el["tower"] && !d.isMainTower() && !d.isMainChurch() {
		d.tower(d.xFor("tower", 0.6, 0.8), hz+4*d.u, 45*d.u)
	}
	if p.el["barn"] {
		s := d.zoomed("barn", 80*d.u)
		d.barn(d.xFor("barn", 0.3, 0.65)-0.8*s, groundTop+(H-groundTop)*p.look.near(0.22), s) // barn takes its left edge
	}
	if p.el["cabin"] {
		s := d.zoomed("cabin", 170*d.u)
		d.cabin(d.xFor("cabin", 0.3, 0.62)-0.75*s, groundTop+(H-groundTop)*min(p.look.near(0.6), 0.8), s) // cabin takes its left edge
	}
	if p.el["lighthouse"] && !p.el["sea"] && !p.el["lake"] {
		d.lighthouse(d.xFor("lighthouse", 0.62, 0.78), mid, d.zoomed("lighthouse", 70*d.u))
	}
	switch {
	case p.el["bridge"] && (p.el["river"] || p.el["pond"]):
		d.bridge(groundTop+(H-groundTop)*0.3, 50*d.u)
	case p.el["bridge"] && !p.el["train"] && !p.el["sea"] && !p.el["lake"]:
		// A bridge with no water spans a valley in the middle distance.
		d.viaduct(hz+(H-hz)*0.08, hz+(H-hz)*0.5, 7)
	}
	if p.el["pond"] || p.el["koi"] {
		d.pond(p.el["koi"] || p.el["fish"]) // goldfish in the pond are drawn in it
	}
	if p.el["train"] {
		switch {
		case p.el["bridge"] && !p.el["river"] && !p.el["pond"]:
			// A train crossing a bridge: a viaduct over the valley.
			y := hz + (H-hz)*0.3
			d.viaduct(y, H+2, 5)
			d.train(y-4*d.u, 70*d.u)
		case p.main == "train":
			d.trainNear(groundTop+(H-groundTop)*0.55, d.zoomed("train", H*0.13)) // rail.go
		default:
			d.train(mid, 40*d.u)
		}
	}
}

// zoomed scales size s by the camera distance when el is the main
// subject: the seed brings the camera nearer or steps it back.
func (d *painter) zoomed(el string, s float32) float32 {
	if el != "" && el == d.p.main {
		return s * d.p.look.zoom
	}
	return s
}

// trees adds the scene's trees: a forest band, or a few trees to frame.
func (d *painter) trees(groundTop float32, water bool) {
	p := d.p
	W, H := float32(d.w), float32(d.h)
	kinds := []treeKind{treeBroad}
	switch {
	case p.el["palms"] || p.el["jungle"]:
		kinds = []treeKind{treePalm}
	case p.el["pines"] || p.season == "winter" || p.el["mountains"] || p.el["snow"]:
		kinds = []treeKind{treePine}
	case p.el["cherry blossoms"]:
		kinds = []treeKind{treeBlossom}
	}
	if p.el["jungle"] {
		d.jungle(groundTop, H)
		return
	}
	if p.el["forest"] && !water {
		top := groundTop + (H-groundTop)*0.05
		if p.el["cabin"] {
			// A clearing: trees behind and at the sides, the cabin in front.
			d.forest(top, top+(H-top)*between(0.15, 0.35, p.look.shore), kinds, 1.4)
			// Trees framing the clearing: one or two a side, as the seed says.
			for i, side := range []float32{0.06, 0.94, 0.2, 0.8} {
				if i >= 2+p.look.extras {
					break
				}
				x := W * (side + d.rnd(-0.05, 0.05))
				h := d.rnd(0.6, 1.1) * 380 * d.u
				if i >= 2 {
					h *= 0.6
				}
				d.tree(treeSpot{x, H - d.rnd(2, 40)*d.u, h, kinds[0], d.lit(p.foliage[0], 0)})
			}
			return
		}
		d.forest(top, H*1.02, kinds, 1.2)
		return
	}
	if p.el["cherry blossoms"] && p.el["river"] {
		for i := 0; i < 6; i++ {
			t := float32(i) / 5
			y := groundTop + (H-groundTop)*(0.15+0.85*t*t)
			h := (80 + 300*t*t) * d.u
			d.blossomTree(W*(0.08+0.1*t*d.rnd(0.5, 1)), y, h)
			d.blossomTree(W*(0.92-0.1*t*d.rnd(0.5, 1)), y, h)
		}
		d.petals()
		return
	}
	n := 0
	switch {
	case p.el["trees"] || p.el["pines"] || p.el["palms"] || p.el["cherry blossoms"] || p.el["autumn leaves"]:
		n = 2 + d.rng.IntN(3)
	case p.el["mountains"] && !water || p.el["lake"] || p.el["cabin"]:
		n = 2
	}
	if n > 0 && !p.el["cabin"] {
		n += p.look.extras - 1 // a frame with one more or one fewer
		n = max(n, 1)
	}
	// A lone tree is the subject: large, where the words put it. One tree
	// that is only the seed's sparest frame stays an ordinary tree.
	lone := hasWord(p.words, "lone tree") || hasWord(p.words, "single tree")
	if lone {
		n = 1
	}
	spots := make([]treeSpot, 0, n)
	for i := 0; i < n; i++ {
		x := W * d.rnd(0.05, 0.95)
		if lone {
			x = d.xFor("trees", 0.35, 0.65)
		}
		if n == 2 && water && p.el["lake"] {
			x = W * (0.05 + 0.9*float32(i))
		}
		t := d.rnd(0.3, 1)
		y := groundTop + (H-groundTop)*t*0.9
		h := (120 + 260*t) * d.u
		if lone {
			y = groundTop + (H-groundTop)*0.3
			h = 360 * d.u
			if p.el["hills"] {
				y = p.horizon + (H-p.horizon)*0.05
			}
			h = min(d.zoomed("trees", h), y*0.85) // near, but never cut off at the top
		}
		if p.el["beach"] && kinds[0] == treePalm {
			y = H - d.rnd(0, 0.1)*H
			x = W * []float32{0.08, 0.9, 0.2, 0.8}[i%4]
		}
		k := kinds[d.rng.IntN(len(kinds))]
		col := d.lit(p.foliage[d.rng.IntN(len(p.foliage))], 0.1)
		if k == treePine {
			col = d.lit(hex("#2f5a3a"), 0.1)
		}
		if k == treePalm {
			col = d.lit(hex("#2f7a2e"), 0.05)
		}
		spots = append(spots, treeSpot{x, y, h, k, col})
	}
	for _, s := range spots {
		d.tree(s)
	}
	if p.el["bamboo"] {
		d.bamboo(0, W*0.25, H)
	}
	if p.el["autumn leaves"] {
		d.leafLitter()
	}
}

// petals scatters falling blossom petals.
func (d *painter) petals() {
	col := hex("#f8c8d8")
	for i := 0; i < d.w*d.h/4000; i++ {
		x, y := d.rnd(0, float32(d.w)), d.rnd(0, float32(d.h))
		r := d.rnd(1.5, 4) * d.u
		d.ellipse(x, y, r, r*0.6)
	}
	d.fillNoInk(paint{col: col, alpha: 0.85})
}

// leafLitter covers the foreground with fallen autumn leaves.
func (d *painter) leafLitter() {
	d.painted("autumn leaves")
	cols := []rgb{hex("#d2691e"), hex("#e8a02a"), hex("#b8401f"), hex("#8e3b1c"), hex("#c98a2b")}
	H := float32(d.h)
	top := d.p.horizon + (H-d.p.horizon)*0.3
	for i := 0; i < d.w*d.h/500; i++ {
		t := d.rng.Float32()
		y := top + (H-top)*t
		x := d.rnd(0, float32(d.w))
		r := (2 + 9*t) * d.u
		a := float64(d.rnd(0, math.Pi))
		ca, sa := float32(math.Cos(a))*r, float32(math.Sin(a))*r
		d.moveTo(x-ca, y-sa)
		d.quadTo(x-sa*0.5, y+ca*0.5, x+ca, y+sa)
		d.quadTo(x+sa*0.5, y-ca*0.5, x-ca, y-sa)
		d.fillNoInk(solid(d.lit(cols[d.rng.IntN(len(cols))], 0)))
	}
}

// weatherLayer adds fog, rain and snow over the whole picture.
func (d *painter) weatherLayer(hz float32) {
	p := d.p
	H := float32(d.h)
	switch p.weather {
	case "fog":
		d.fogBand(0, d.h, hz+H*0.1, H*0.45, 0.6, d.fogColour())
	case "mist":
		d.fogBand(0, d.h, hz+H*0.15, H*0.18, 0.35, d.fogColour())
	case "rain":
		d.rain(false)
	case "storm":
		d.rain(true)
	case "snow":
		d.snowfall()
	}
	if p.el["snowfall"] && p.weather != "snow" || p.el["snow"] && p.lt.night && p.weather == "clear" && d.chance(0.3) {
		d.snowfall()
	}
	if p.el["rain"] && p.weather != "rain" && p.weather != "storm" {
		d.rain(false)
	}
	if p.el["fog"] && p.weather != "fog" {
		d.fogBand(0, d.h, hz+H*0.1, H*0.3, 0.45, d.fogColour())
	}
}

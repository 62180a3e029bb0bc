package canvas

import (
	"strings"

	"github.com/easel-art/easel/lexical"
)

// interior.go draws rooms: walls, a window onto the scene outside, bookshelves and a fireplace.

// interior: a wall with a window onto the scene outside, a sill, and
// whoever sits on it.
func (d *painter) interior() {
	p := d.p
	W, H := float32(d.w), float32(d.h)
	// The view outside is an ordinary landscape.
	saved := *p
	p.el = viewOutside(p)
	d.landscape()
	switch p.weather {
	case "rain", "storm":
		d.rain(p.weather == "storm") // streaks on the glass; the wall covers the rest
	case "snow":
		d.snowfall()
	}
	*p = saved
	d.painted("window", "room", "wall", "walls", "floor")
	for i := range p.subjects {
		if c := p.subjects[i].Category; c == "room" || i == 0 && (c == "building" || c == "structure" || p.subjects[i].Element == "window") {
			d.paintedSub(&p.subjects[i]) // the room itself ("an attic", "a bakery")
		}
	}
	// The window's size and place in the wall are the seed's.
	ww := between(0.5, 0.66, p.look.shore)
	wc := between(0.42, 0.58, p.look.sunX)
	wx0, wx1 := W*(wc-ww/2), W*(wc+ww/2)
	wy0, wy1 := H*0.1, H*between(0.6, 0.72, p.look.horizon)
	wall := d.lit(hex(wallTones[seedPick(p.look.ridge, len(wallTones))]), 0.05).mix(rgb{0.9, 0.85, 0.8}, 0.3)
	if p.lt.night {
		wall = hex("#5a4030") // lamp-lit room
	}
	if c, ok := p.placeColourOK("window"); ok {
		wall = d.lit(c, 0.05).mix(rgb{0.9, 0.85, 0.8}, 0.2) // "a blue bedroom": its walls
	}
	// Wall with a hole: the window opening winds the other way.
	d.moveTo(-2, -2)
	d.lineTo(W+2, -2)
	d.lineTo(W+2, H+2)
	d.lineTo(-2, H+2)
	d.moveTo(wx0, wy0)
	d.lineTo(wx0, wy1)
	d.lineTo(wx1, wy1)
	d.lineTo(wx1, wy0)
	pt := vgrad(wall.scale(0.8), wall, 0, H)
	pt.tex, pt.texAmt = texNoise, 0.08
	d.fillNoInk(pt)
	frame := hex("#f0ece4").mul(p.lt.ambient.mix(rgb{1, 1, 1}, 0.5))
	fw := 10 * d.u
	d.rect(wx0-fw, wy0-fw, wx1+fw, wy0)
	d.rect(wx0-fw, wy0, wx0, wy1)
	d.rect(wx1, wy0, wx1+fw, wy1)
	d.rect((wx0+wx1)/2-fw/2, wy0, (wx0+wx1)/2+fw/2, wy1)
	d.rect(wx0, (wy0+wy1)/2-fw/2, wx1, (wy0+wy1)/2+fw/2)
	d.fill(solid(frame))
	// The sill.
	d.rect(wx0-fw*4, wy1, wx1+fw*4, wy1+fw*2.5)
	d.fill(vgrad(frame, frame.scale(0.8), wy1, wy1+fw*2.5))
	d.rect(wx0-fw*3, wy1+fw*2.5, wx1+fw*3, wy1+fw*4)
	d.fill(solid(frame.scale(0.6)))
	if hasWord(p.words, "library") || hasWord(p.words, "book") || hasWord(p.words, "study") {
		d.bookshelves(0, wx0-fw*5, H)
		d.bookshelves(wx1+fw*5, W, H)
	}
	if hasFireplace(p) {
		d.fireplace(W*0.5, H, W*0.36)
	}
	if !p.lt.night && p.time != "dusk" {
		// Daylight through the window falls on the floor, slanting with
		// the hour: long in the morning and late afternoon.
		slant := float32(0.15)
		switch p.time {
		case "morning", "dawn", "afternoon", "golden hour", "sunset":
			slant = 0.45
		}
		d.poly(wx0, wy1+fw*4, wx1, wy1+fw*4, wx1+(wx1-wx0)*slant, H+2, wx0+(wx1-wx0)*slant, H+2)
		d.fillNoInk(paint{col: p.lt.sun, alpha: 0.12})
	}
	// The furniture the idea names, and the person in the room
	// (furniture.go, people.go).
	if sub, ok := counterRoom(p); ok {
		d.counter(sub, -4*d.u, W+4*d.u, H*0.64, H*0.93) // rooms.go
	}
	seat, bed := d.furnish(H * 0.9)
	d.roomThings(H * 0.9)
	if s := p.subjectOf("person"); s != nil {
		col := p.accent
		if c, ok := factColour(s); ok {
			col = c
		}
		hd := d.heldOf(s)
		if _, ok := factColour(s); !ok && hd.costume.clothes != nil {
			col = *hd.costume.clothes
		}
		d.paintedSub(s)
		pose := poseOf(s)
		if pose == "" {
			pose = "standing" // "a doctor in a hospital corridor": whole, in the room
		}
		x, y := W*0.3, H*0.97
		switch pose = seatedPose(s, pose); {
		case seat.ok && seatedIn(s):
			x, y, hd.seated = seat.x, seat.y, true // in the armchair, on the sofa
		case bed.ok && pose == "lying":
			x, y = bed.x, bed.y // "a boy sleeping in his bedroom": in his bed
		case bed.ok && seatedIn(s):
			x, y, hd.seated, pose = bed.x, bed.y+H*0.1, true, "sitting" // "playing guitar on her bed"
		}
		d.mounted(x, y, H*0.55, pose, col, hd)
	}
	if p.el["cat"] {
		// On the sill, inside the window whatever its place.
		x := min(max(d.xFor("cat", 0.35, 0.6), wx0+W*0.1), wx1-W*0.1)
		d.cat(x, wy1+2*d.u, d.zoomed("cat", 190*d.u))
	}
	if p.el["flowers"] || d.chance(0.5) {
		if p.el["flowers"] {
			d.painted("flowers") // on the sill
		}
		x := wx0 + (wx1-wx0)*0.82
		d.poly(x-22*d.u, wy1-50*d.u, x+22*d.u, wy1-50*d.u, x+16*d.u, wy1, x-16*d.u, wy1)
		d.fill(solid(hex("#b0603a")))
		for i := 0; i < 7; i++ {
			d.disc(x+d.rnd(-30, 30)*d.u, wy1-d.rnd(60, 110)*d.u, 9*d.u, d.lit(p.accent, 0), 1, false)
		}
	}
	if p.lt.night && !d.st.hardEdge {
		d.glow(W*0.05, H*0.9, W*0.3, warmLight, 0.25)
	}
}

// darkRoom reports whether an idea that names no time of day says its
// room is dark or lit by a flame: "a dark bedroom", "a dimly lit study",
// "a room lit by a single candle" ("dark wood cabinets" are no dark room).
func darkRoom(p *plan) bool {
	if len(p.subjects) > 0 {
		for _, a := range p.subjects[0].Adjectives {
			switch strings.ToLower(a) {
			case "dark", "dim", "dimly", "candlelit", "candle-lit", "unlit":
				return true
			}
		}
	}
	flame := hasWord(p.words, "candle") || hasWord(p.words, "lantern") || hasWord(p.words, "oil lamp")
	return hasWord(p.words, "candlelit") || hasWord(p.words, "lit by") && flame
}

// viewOutside is what the window looks out on: what the idea names
// outside, a city it names ("a hotel room in Tokyo": the city's towers),
// else the seed's view, not always a meadow (hills and trees, a forest,
// a town's roofs, mountains).
func viewOutside(p *plan) map[string]bool {
	el := without(p.el, "cat", "window", "person", "people", "flowers")
	if el["city"] || !hasAny(el, landscapeElements...) && cityNamed(p.words) {
		el["city"], el["skyline"] = true, true
		delete(el, "street")
	}
	if !hasAny(el, landscapeElements...) {
		for _, e := range interiorViews[seedPick(p.look.cloudScale, len(interiorViews))] {
			el[e] = true
		}
	}
	return el
}

// cityNamed reports whether the idea names a city or a town, as WordNet
// files it ("Tokyo", "Paris", "New York"): a room there looks out on it.
func cityNamed(words string) bool {
	ws := strings.Fields(words)
	for i, w := range ws {
		if i+1 < len(ws) {
			if e, ok := lexical.Lookup(w + " " + ws[i+1]); ok && e.Category() == "settlement" {
				return true
			}
		}
		if e, ok := lexical.Lookup(w); ok && e.Category() == "settlement" && e.Freq[lexical.NounPOS] > 1 && !hasWord(words, "village") {
			return true
		}
	}
	return false
}

// interiorViews are the views a window opens on when the idea names
// none, and wallTones the walls' paint when it names no colour; the seed
// picks.
var (
	interiorViews = [][]string{{"hills", "trees"}, {"forest", "hills"}, {"houses", "trees"}, {"mountains", "pines"}}
	wallTones     = []string{"#c8a888", "#a8b49a", "#9aaab8", "#dccfb4", "#c09a84"}
)

// seedPick turns one of the look's seed-drawn values into a choice among
// n.
func seedPick(v float32, n int) int {
	return int(v*9973) % n
}

// bookshelves fills x0..x1 with shelves of books from the ceiling down.
func (d *painter) bookshelves(x0, x1, bottom float32) {
	d.painted("bookshelf", "bookshelves", "shelves", "shelf", "books", "bookcase", "bookcases", "library")
	if x1-x0 < 10*d.u {
		return
	}
	wood := d.lit(hex("#5a3a22"), 0)
	d.rect(x0, -2, x1, bottom+2)
	d.fill(solid(wood.scale(0.7)))
	spines := []rgb{hex("#8a2a2a"), hex("#2a4a6a"), hex("#3a5a2a"), hex("#a8843a"), hex("#5a2a4a"), hex("#c8b890")}
	shelf := 110 * d.u
	for y := 20 * d.u; y+shelf < bottom; y += shelf {
		d.rect(x0, y+shelf-10*d.u, x1, y+shelf)
		d.fill(solid(wood))
		for x := x0 + 6*d.u; x < x1-6*d.u; {
			bw := d.rnd(10, 22) * d.u
			bh := shelf * d.rnd(0.6, 0.85)
			d.rect(x, y+shelf-10*d.u-bh, min(x+bw, x1-4*d.u), y+shelf-10*d.u)
			d.fill(solid(d.lit(spines[d.rng.IntN(len(spines))], 0)))
			x += bw + d.rnd(1, 3)*d.u
		}
	}
}

// fireplace is a stone hearth with a fire burning, its glow warming the
// room.
func (d *painter) fireplace(cx, bottom, w float32) {
	d.painted("fireplace", "hearth", "fire")
	h := w * 0.8
	stone := d.lit(hex("#8a7a6a"), 0)
	d.rect(cx-w/2, bottom-h, cx+w/2, bottom)
	pt := solid(stone)
	pt.tex, pt.texAmt, pt.texScale = texNoise, 0.35, 10*d.u
	d.fill(pt)
	d.rect(cx-w*0.6, bottom-h-18*d.u, cx+w*0.6, bottom-h)
	d.fill(solid(stone.scale(0.8)))
	// The opening, and the fire in it.
	ow, oh := w*0.6, h*0.6
	d.moveTo(cx-ow/2, bottom)
	d.lineTo(cx-ow/2, bottom-oh*0.7)
	d.quadTo(cx, bottom-oh*1.15, cx+ow/2, bottom-oh*0.7)
	d.lineTo(cx+ow/2, bottom)
	d.fill(solid(hex("#140c08")))
	for i := 0; i < 5; i++ {
		fx := cx + (float32(i)-2)*ow*0.13
		fh := oh * d.rnd(0.35, 0.6)
		d.moveTo(fx-ow*0.1, bottom-4*d.u)
		d.quadTo(fx-ow*0.08, bottom-fh*0.6, fx, bottom-fh)
		d.quadTo(fx+ow*0.08, bottom-fh*0.6, fx+ow*0.1, bottom-4*d.u)
		d.fillNoInk(paint{col: []rgb{hex("#ff8a1e"), hex("#ffc83a"), hex("#ff5a1a")}[i%3], alpha: 0.9})
	}
	d.glow(cx, bottom-oh*0.3, w*1.2, hex("#ff9a3a"), 0.45)
}

// without returns a copy of m without keys.
func without(m map[string]bool, keys ...string) map[string]bool {
	c := make(map[string]bool, len(m))
	for k, v := range m {
		c[k] = v
	}
	for _, k := range keys {
		delete(c, k)
	}
	return c
}

package canvas

import (
	"math"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/lexical"
)

// This file draws what a whole figure (people.go) holds, carries, plays,
// flies or rides, by the WordNet category of the action's object: an
// instrument across the chest, a weapon upright, a container at the side
// with what it holds, food or flowers in the hand, a kite on its string in
// the sky, a balloon on its string, a small animal in the arms, a bicycle
// or a horse under them; and what the figure wears when its noun is a
// trade or a role with a costume people know it by (a chef's toque, an
// astronaut's helmet, a wizard's hat, a crown).

// held is what a figure holds, rides and wears.
type held struct {
	noun     string // what it is ("sandcastle")
	count    int    // how many, for things drawn around the figure
	kind     string // book, umbrella, kite, string, wind, drum, keys, rod, board, lead, weapon, container, balloon, food, flower, animal, light, pot, balls, thing
	col      rgb
	contents *rgb           // what a container holds: "a basket of apples"
	each     bool           // every figure holds one: "two girls holding balloons"
	sky      bool           // a kite: drawn up in the sky
	ride     *easel.Subject // what they ride
	on       string         // the relation: "in a hammock", "on a bench"
	seated   bool           // they sit on something drawn already
	costume  costume
	tool     string         // the tool the action puts in hand (work.go): knife, needles, wrench, ...
	work     string         // where the work is: board, bench, lap, vehicle (work.go)
	at       *easel.Subject // the vehicle they work at
	age      string         // old, child or "" (work.go)
	ground   float32        // the y they stand on, for the work before them
}

// costume is what a figure's noun puts on it.
type costume struct {
	hat      string // toque, helmet, pointed, crown, wide
	hatCol   *rgb   // a pointed hat's colour, when not purple
	suit     bool   // gloves of the suit's colour
	skirt    bool
	wings    string // "glow" (a fairy) or "feathers" (an angel)
	clothes  *rgb
	trousers *rgb
}

// costumes are the roles known by what they wear; the key is a word of
// the person's noun.
var costumes = map[string]costume{
	"chef": {hat: "toque", clothes: &white, trousers: &grey}, "cook": {hat: "toque", clothes: &white, trousers: &grey},
	"baker":     {hat: "toque", clothes: &white, trousers: &grey},
	"astronaut": {hat: "helmet", suit: true, clothes: &white, trousers: &white},
	"cosmonaut": {hat: "helmet", suit: true, clothes: &white, trousers: &white},
	"spaceman":  {hat: "helmet", suit: true, clothes: &white, trousers: &white},
	"wizard":    {hat: "pointed", skirt: true, clothes: &purple, trousers: &purple},
	"witch":     {hat: "pointed", skirt: true, clothes: &black, trousers: &black},
	"sorcerer":  {hat: "pointed", skirt: true, clothes: &purple, trousers: &purple},
	"king":      {hat: "crown", clothes: &crimson}, "queen": {hat: "crown", skirt: true, clothes: &crimson},
	"prince": {hat: "crown"}, "princess": {hat: "crown", skirt: true},
	"cowboy": {hat: "wide"}, "cowgirl": {hat: "wide"}, "farmer": {hat: "wide"}, "pirate": {hat: "wide", clothes: &black},
	"knight":  {hat: "helm", suit: true, clothes: &steel, trousers: &steel},
	"soldier": {hat: "helm"}, "firefighter": {hat: "helm", clothes: &crimson},
	"angel": {wings: "feathers", skirt: true, clothes: &white, trousers: &white},
	"gnome": {hat: "pointed", hatCol: &crimson}, "elf": {hat: "pointed", hatCol: &forest},
	"monk":      {skirt: true, clothes: &saffron, trousers: &saffron},
	"ballerina": {skirt: true}, "bride": {skirt: true, clothes: &white}, "nun": {skirt: true, clothes: &black},
}

var (
	white   = hex("#f2f0ec")
	grey    = hex("#5a5e66")
	purple  = hex("#4a2a7a")
	black   = hex("#26242a")
	crimson = hex("#a02030")
	steel   = hex("#9aa0a8")
	forest  = hex("#2a6a3a")
	leaf    = hex("#6ac85a")
	saffron = hex("#e0802a")
)

// costumeOf is the costume a person's noun names, if any.
func costumeOf(noun string) costume {
	if bodyPlan(noun) == "fairy" {
		return costume{wings: "glow", skirt: true, clothes: &leaf}
	}
	for _, w := range strings.Fields(strings.ToLower(noun)) {
		if c, ok := costumes[w]; ok {
			return c
		}
		if c, ok := costumes[strings.TrimSuffix(w, "s")]; ok {
			return c
		}
	}
	return costume{}
}

// windWords are instruments played by blowing, drawn as a long horn;
// drumWords are beaten. Any other instrument is drawn with strings.
var windWords = []string{"flute", "saxophone", "sax", "trumpet", "clarinet", "horn", "trombone", "oboe", "tuba", "bugle", "bagpipes", "harmonica", "recorder"}
var drumWords = []string{"drum", "drums", "bongos", "tambourine", "tabla"}

// keyWords are instruments played at a keyboard, drawn before the player.
var keyWords = []string{"piano", "organ", "keyboard", "harpsichord", "synthesizer", "accordion"}

// heldOf reads what a person subject holds or rides from its action's
// object (or "with ..."), the category of the subject or WordNet noun
// that names it, and its colour. What it consumes (a horse ridden, a
// balloon held) is taken out of the elements, so it is not drawn twice.
func (d *painter) heldOf(s *easel.Subject) held {
	p := d.p
	hd := held{on: strings.ToLower(s.Relation), costume: costumeOf(s.Noun), age: ageOf(s)}
	obj := strings.ToLower(s.Object)
	if obj == "" && strings.HasPrefix(hd.on, "with ") {
		obj = strings.TrimPrefix(hd.on, "with ")
		if e, _, ok := lexical.FindNoun(lastWord(obj)); ok && (e.Category() == "mammal" || e.Category() == "bird") {
			obj = "" // "a shepherd with his sheep": beside him, drawn by its painter
		}
	}
	pose := poseOf(s)
	if e, _, ok := lexical.FindVerb(strings.ToLower(s.Action)); ok && (e.Lemma == "paint" || e.Lemma == "sketch" || e.Lemma == "draw") &&
		(obj == "" || strings.Contains(hd.on, "easel") || strings.Contains(obj, "easel")) {
		hd.kind, hd.col = "easel", d.p.accent // "a painter painting at an easel"
		return hd
	}
	if d.workOf(s, &hd) {
		return hd // a knife at a board, needles and wool in the lap, a wrench at a bicycle (work.go)
	}
	if strings.Contains(obj, "wing") {
		// "a fairy with glowing wings": worn, not held.
		if hd.costume.wings == "" {
			hd.costume.wings = "glow"
		}
		obj = ""
	}
	if e, _, ok := lexical.FindVerb(strings.ToLower(s.Action)); ok && (e.Lemma == "fish" || e.Lemma == "angle") && obj == "" {
		hd.kind, hd.col = "rod", hex("#3a2a1a") // "fishing from a pier": a rod and its line
		return hd
	}
	if obj == "" {
		switch pose {
		case "reading":
			hd.kind = "book"
		case "cooking":
			hd.kind = "pot"
		case "kite":
			hd.kind, hd.sky = "kite", true
		case "juggling":
			hd.kind = "balls"
		}
		hd.col = d.p.accent
		return hd
	}
	// The subject the object names, else the noun itself.
	var sub *easel.Subject
	for i := 1; i < len(p.subjects); i++ {
		if n := strings.ToLower(p.subjects[i].Noun); n != "" && strings.Contains(obj, n) {
			sub = &p.subjects[i]
			break
		}
	}
	noun := lastWord(obj)
	cat := ""
	if sub != nil {
		noun, cat = strings.ToLower(sub.Noun), sub.Category
	}
	if cat == "" {
		if e, _, ok := lexical.FindNoun(noun); ok {
			cat = e.Category()
		}
	}
	if sub != nil {
		hd.each = sub.Plural
	}
	hd.noun = noun
	col, ok := colourOf(sub)
	if !ok && sub == nil {
		col, ok = colourOf(&easel.Subject{Noun: noun})
	}
	def := func(c string) rgb {
		if ok {
			return col
		}
		return hex(c)
	}
	consume := func() {
		if sub != nil && sub.Element != "" && sub.Element != p.main {
			delete(p.el, sub.Element)
		}
	}
	switch {
	case pose == "juggling":
		hd.kind = "balls"
	case pose == "building":
		// "two kids building a sandcastle", "a girl building a snowman":
		// the thing on the ground before them.
		hd.kind, hd.col = "built", def("#d8b878")
		if strings.Contains(noun, "snow") {
			hd.col = def("#f4f6fa")
		}
		hd.each = false
		consume()
	case hasAnyWord(noun, "skateboard", "surfboard", "snowboard", "skis", "scooter", "sled", "sledge", "board"):
		hd.kind, hd.col = "board", def("#c8502a") // ridden standing: a board under the feet
	case pose == "walking" && (cat == "mammal" || sub != nil && (sub.Element == "dog" || sub.Element == "animal" || sub.Element == "horse")):
		// "a woman walking a dog": the dog on a lead beside her.
		hd.kind, hd.col = "lead", def("#8a6a48")
		if sub != nil {
			if _, own := colourOf(sub); !own {
				hd.col = beastFor(sub.Element, sub).col
			}
		}
		consume()
	case hasAnyWord(noun, "rod", "rods", "pole") || strings.Contains(obj, "fishing"):
		hd.kind, hd.col = "rod", def("#3a2a1a")
	case cat == "instrument" && hasAnyWord(noun, keyWords...):
		hd.kind, hd.col = "keys", def("#1a1618")
	case pose == "riding" && (cat == "car" || cat == "truck" || cat == "bus" || cat == "vehicle"):
		// "a farmer driving a red tractor": the vehicle, its driver in
		// the cab.
		r := easel.Subject{Noun: noun, Category: cat}
		if sub != nil {
			r = *sub
		}
		hd.ride, hd.kind = &r, "cab"
		consume()
		return hd
	case pose == "riding" && (cat == "bicycle" || cat == "motorcycle" || cat == "mammal" || cat == "creature" ||
		sub != nil && (sub.Element == "horse" || sub.Element == "camel" || sub.Element == "animal")):
		r := easel.Subject{Noun: noun, Category: cat}
		if sub != nil {
			r = *sub
		}
		hd.ride = &r
		consume()
		return hd
	case pose == "kite" || strings.Contains(noun, "kite"):
		hd.kind, hd.sky, hd.col = "kite", true, def("#e83a3a")
	case hasAnyWord(noun, "umbrella", "parasol"):
		hd.kind, hd.col = "umbrella", def("#2a4a8a")
	case pose == "reading" || hasAnyWord(noun, "book", "books", "newspaper", "magazine", "letter", "map", "notebook"):
		hd.kind, hd.col = "book", def("#f2ece0")
	case cat == "instrument" && hasAnyWord(noun, windWords...):
		hd.kind, hd.col = "wind", def("#d8a838")
	case cat == "instrument" && hasAnyWord(noun, drumWords...):
		hd.kind, hd.col = "drum", def("#b83a2a")
	case cat == "instrument":
		hd.kind, hd.col = "string", def("#a0582a")
	case cat == "weapon" || hasAnyWord(noun, "staff", "wand", "spear", "stick", "cane"):
		hd.kind, hd.col = "weapon", def("#c8ced4")
		if hasAnyWord(noun, "staff", "stick", "cane", "wand") {
			hd.col = def("#6a4428")
		}
	case strings.Contains(noun, "balloon"):
		hd.kind, hd.col, hd.sky = "balloon", def("#e83a4a"), true
		consume()
	case pose == "cooking" || hasAnyWord(noun, "pot", "pan", "wok", "skillet", "saucepan"):
		hd.kind, hd.col = "pot", def("#3a3a40")
	case cat == "container":
		hd.kind, hd.col = "container", def("#b08040")
		for i := 1; i < len(p.subjects); i++ {
			o := &p.subjects[i]
			if o != sub {
				if c, ok := colourOf(o); ok {
					hd.contents = &c // "a basket of apples"
				} else if _, ok := foodDrawers[o.Category]; ok {
					c := hex("#c8282a")
					hd.contents = &c
				}
			}
		}
	case cat == "flower" || cat == "plant":
		hd.kind, hd.col = "flower", def("#e84a6a")
	case cat == "fruit" || cat == "vegetable" || cat == "food" || cat == "bread" || cat == "cake" ||
		cat == "drink" || cat == "cookie" || cat == "pastry" || cat == "candy" || cat == "dessert" || cat == "dish":
		hd.kind, hd.col = "food", def(foodHue(obj, cat)) // "a loaf of bread" is bread-coloured (work.go)
		if foodHue(obj, cat) == categoryHue["bread"] {
			hd.tool = "loaf"
		}
	case fights(s):
		// "a knight fighting a dragon": a sword raised against it; the
		// foe is drawn by its own painter.
		hd.kind, hd.col = "weapon", hex("#c8ced4")
	case cat == "bird" && hasFeedVerb(s):
		// "an old woman feeding pigeons": the birds at her feet.
		hd.kind, hd.col = "fed", def("#8a8a96")
		hd.count = 5
		if sub != nil {
			hd.count = countOf(sub, 5)
		}
		consume()
	case cat == "person":
		hd.kind, hd.col = "baby", def("#f0e8f4") // "a mother holding a baby": swaddled in her arms
	case bigBeast(sub) && (cat == "mammal" || cat == "animal" || cat == "creature"):
		// "a girl brushing her horse": a beast too big for the arms
		// stands beside them, their hand at its side (work.go).
		hd.kind, hd.at = "beside", sub
		consume()
	case pose == "riding" && hasAnyWord(noun, "wave", "waves", "surf", "breaker", "swell"):
		hd.kind, hd.col = "board", def("#e8c040") // "a surfer riding a wave": on the board
	case cat == "toy" && hasAnyWord(noun, "teddy", "bear", "doll", "plush", "bunny"):
		hd.kind, hd.col = "animal", def("#a0703a") // a teddy bear hugged in the arms
	case cat == "mammal" || cat == "bird" || cat == "animal" || cat == "reptile" || cat == "amphibian":
		hd.kind, hd.col = "animal", def("#a07850")
		consume()
	case hasAnyWord(noun, "bubble", "bubbles"):
		hd.kind, hd.col = "bubbles", def("#c8e8f8") // "blowing soap bubbles": rising from a wand
	case hasAnyWord(noun, "lantern", "torch", "candle", "lamp", "flashlight"):
		hd.kind, hd.col = "light", def("#ffd070")
	default:
		hd.kind, hd.col = "thing", def("#c8a040")
		if !ok {
			hd.col = d.p.accent
		}
	}
	return hd
}

// heldThing2 draws what a figure holds; hand are its two hands, h its
// height, hw its limb width.
func (d *painter) heldThing2(pose string, hand [2][2]float32, h, hw float32, hd held) {
	switch {
	case hd.kind == "work":
	case hd.kind == "pot" && !hasAnyWord(hd.noun, "pot", "pan", "wok", "skillet", "saucepan"):
		// "baking cookies": a pot in the hands, not the cookies
	default:
		d.paintedNoun(hd.noun, hd.kind == "thing" || hd.kind == "food")
		if hd.kind == "bubbles" {
			d.paintedLike("bubble")
		}
	}
	col := d.lit(hd.col, 0.05)
	mx, my := (hand[0][0]+hand[1][0])/2, (hand[0][1]+hand[1][1])/2
	rx, ry := hand[1][0], hand[1][1]
	wood := d.lit(hex("#5a3a22"), 0.05)
	switch hd.kind {
	case "beside":
		b := beastFor(hd.at.Element, hd.at)
		d.beast(b, hd.at, rx+h*0.55, hd.ground, h*0.7, -1)
	case "work":
		d.workThing(pose, hand, hd.ground, h, hw, hd)
	case "book":
		d.poly(mx-h*0.1, my-h*0.06, mx, my-h*0.03, mx+h*0.1, my-h*0.06, mx+h*0.1, my+h*0.04, mx, my+h*0.07, mx-h*0.1, my+h*0.04)
		d.fill(solid(col))
	case "built":
		// On the ground before them, as tall as their knees: a castle
		// with towers, a snowman, else a mound.
		bx, by := rx+h*0.25, hand[0][1]+h*0.43
		switch {
		case strings.Contains(hd.noun, "castle"):
			k0 := h * 1.4
			d.rect(bx-k0*0.14, by-k0*0.12, bx+k0*0.14, by)
			for k := -1; k <= 1; k++ {
				tx := bx + float32(k)*k0*0.12
				d.rect(tx-k0*0.04, by-k0*0.2, tx+k0*0.04, by-k0*0.1)
				d.poly(tx-k0*0.05, by-k0*0.2, tx+k0*0.05, by-k0*0.2, tx, by-k0*0.27)
			}
			d.fill(vgrad(col.scale(1.1), col.scale(0.8), by-k0*0.27, by))
		case hasAnyWord(hd.noun, "blocks", "bricks", "cubes", "boxes", "block", "brick"):
			// A stack of toy blocks, each its own colour.
			k0 := h * 0.11
			for k := range 4 {
				c := d.lit([]rgb{hex("#e83a3a"), hex("#3a7ae8"), hex("#f0c030"), hex("#3ab85a")}[k], 0.05)
				if hd.tool == "own" {
					c = col.scale(1 - 0.08*float32(k%2)) // "red blocks"
				}
				ox := float32(k%2) * k0 * 0.15
				d.rect(bx-k0/2+ox, by-k0*float32(k+1), bx+k0/2+ox, by-k0*float32(k))
				d.fill(solid(c))
			}
		case strings.Contains(hd.noun, "snowman"):
			d.snowman(bx+h*0.1, by, h*0.7, hex("#c82a2a"))
		default:
			d.moveTo(bx-h*0.18, by)
			d.quadTo(bx, by-h*0.3, bx+h*0.18, by)
			d.fill(vgrad(col.scale(1.1), col.scale(0.8), by-h*0.15, by))
		}
	case "easel":
		// An easel beside them with a canvas on it, a brush in the hand.
		ex, ey := rx+h*0.3, hand[0][1]+h*0.48
		wood := d.lit(hex("#8a5a32"), 0.05)
		d.line(ex-h*0.12, ey, ex, ey-h*0.7, hw*0.35)
		d.line(ex+h*0.12, ey, ex, ey-h*0.7, hw*0.35)
		d.line(ex, ey-h*0.6, ex+h*0.04, ey, hw*0.3)
		d.fill(solid(wood))
		d.rect(ex-h*0.16, ey-h*0.62, ex+h*0.16, ey-h*0.3)
		d.fill(solid(d.lit(hex("#f4f0e6"), 0.05)))
		d.moveTo(ex-h*0.14, ey-h*0.36)
		d.quadTo(ex-h*0.05, ey-h*0.5, ex+h*0.14, ey-h*0.42)
		d.lineTo(ex+h*0.14, ey-h*0.32)
		d.lineTo(ex-h*0.14, ey-h*0.32)
		d.fill(solid(d.lit(d.p.accent, 0.05)))
		d.disc(ex+h*0.05, ey-h*0.52, h*0.03, d.lit(hex("#f0c030"), 0.05), 1, false)
		d.line(rx, ry, rx+h*0.08, ry-h*0.08, hw*0.25)
		d.fill(solid(hex("#3a2a1a")))
	case "fed":
		// Birds pecking on the ground around their feet.
		fy := hand[0][1] + h*0.5
		for k := range hd.count {
			bx := mx + (float32(k)-float32(hd.count-1)/2)*h*0.14 + float32(k%2)*h*0.05
			d.bird(bx, fy+float32(k%2)*h*0.03, h*0.12, hd.col, "standing", k%2 == 0)
		}
	case "board":
		// Under the feet: a deck with wheels.
		fy := hand[0][1] + h*0.5
		d.roundRect(mx-h*0.25, fy, mx+h*0.25, fy+h*0.03, h*0.015)
		d.fill(solid(col))
		d.disc(mx-h*0.17, fy+h*0.05, h*0.025, hex("#202020"), 1, false)
		d.disc(mx+h*0.17, fy+h*0.05, h*0.025, hex("#202020"), 1, false)
	case "lead":
		// A dog beside them on a lead from the hand.
		dx, dy := rx+h*0.35, hand[1][1]+h*0.52
		b := beasts["dog"]
		b.col = hd.col
		d.quadruped(b, dx, dy, h*0.35, 1)
		d.moveTo(rx, ry)
		d.quadTo(rx+h*0.2, ry+h*0.15, dx+h*0.2, dy-h*0.28)
		d.quadTo(rx+h*0.2, ry+h*0.15+1, rx, ry+1)
		d.fillNoInk(solid(hex("#c82a2a")))
	case "rod":
		// A long rod held out over the water, its line hanging down.
		tx, ty := rx+h*0.75, ry-h*0.55
		d.line(rx-h*0.05, ry+h*0.05, tx, ty, hw*0.3)
		d.fill(solid(col))
		d.line(tx, ty, tx+h*0.02, ty+h*0.7, max(d.u*0.8, 0.8))
		d.fillNoInk(solid(hex("#e8e8e8")))
	case "keys":
		// A piano before them: the case, the white keys, the black.
		px, py := mx, my+h*0.02
		d.rect(px-h*0.35, py-h*0.28, px+h*0.35, py+h*0.3)
		d.fill(vgrad(col.scale(1.4), col, py-h*0.28, py+h*0.3))
		d.rect(px-h*0.33, py-h*0.03, px+h*0.33, py+h*0.03)
		d.fill(solid(d.lit(hex("#f4f2ec"), 0.05)))
		for k := 0; k < 9; k++ {
			kx := px - h*0.3 + float32(k)*h*0.07
			d.rect(kx, py-h*0.03, kx+h*0.03, py)
		}
		d.fill(solid(hex("#101010")))
	case "umbrella":
		d.line(rx, ry, rx, ry-h*0.45, hw*0.3)
		d.fill(solid(hex("#2a2a2a")))
		d.moveTo(rx-h*0.3, ry-h*0.4)
		d.quadTo(rx, ry-h*0.75, rx+h*0.3, ry-h*0.4)
		d.fill(solid(col))
	case "kite":
		// Up and to the side, on a long string, with a tail of bows.
		kx, ky := rx+float32(d.w)*0.12, float32(d.h)*0.2
		kx = min(kx, float32(d.w)*0.85)
		ks := float32(d.h) * 0.07
		d.moveTo(rx, ry)
		d.quadTo((rx+kx)/2+ks, (ry+ky)/2+ks*1.5, kx, ky+ks*1.3)
		d.quadTo((rx+kx)/2+ks, (ry+ky)/2+ks*1.5+1, rx, ry+1)
		d.fillNoInk(solid(hex("#f0f0f0")))
		d.poly(kx, ky-ks, kx+ks*0.75, ky, kx, ky+ks*1.3, kx-ks*0.75, ky)
		d.fill(solid(col))
		d.poly(kx, ky-ks, kx+ks*0.75, ky, kx, ky)
		d.fillNoInk(solid(col.mix(rgb{1, 1, 0.6}, 0.5)))
		d.line(kx, ky-ks, kx, ky+ks*1.3, max(d.u, 1))
		d.line(kx-ks*0.75, ky, kx+ks*0.75, ky, max(d.u, 1))
		d.fillNoInk(solid(col.scale(0.5)))
		tx, ty := kx, ky+ks*1.3
		for k := 0; k < 4; k++ {
			tx, ty = tx-ks*0.3, ty+ks*0.45
			d.poly(tx-ks*0.15, ty-ks*0.1, tx+ks*0.15, ty+ks*0.1, tx+ks*0.15, ty-ks*0.1, tx-ks*0.15, ty+ks*0.1)
			d.fill(solid(hex("#f0d040")))
		}
	case "balloon":
		bx, by := rx+h*0.05, ry-h*0.55
		d.line(rx, ry, bx, by+h*0.1, max(d.u, 1))
		d.fillNoInk(solid(hex("#e0e0e0")))
		d.ellipse(bx, by, h*0.09, h*0.11)
		d.fill(vgrad(col.mix(rgb{1, 1, 1}, 0.3), col.scale(0.8), by-h*0.11, by+h*0.11))
	case "string":
		// A violin or guitar across the chest, its neck up to the left hand.
		bx, by := mx+h*0.04, my+h*0.02
		d.ellipse(bx, by+h*0.03, h*0.075, h*0.06)
		d.ellipse(bx-h*0.02, by-h*0.05, h*0.055, h*0.045)
		d.fill(vgrad(col.scale(1.2), col.scale(0.8), by-h*0.1, by+h*0.1))
		d.line(bx-h*0.02, by-h*0.05, bx-h*0.22, by-h*0.2, hw*0.45)
		d.fill(solid(hex("#2a1a10")))
		d.disc(bx, by, h*0.015, hex("#1a1008"), 1, false)
	case "wind":
		// A horn from the mouth down to a flared bell.
		d.line(mx, my-h*0.14, mx+h*0.06, my+h*0.08, hw*0.5)
		d.fill(solid(col))
		d.poly(mx+h*0.03, my+h*0.06, mx+h*0.14, my+h*0.02, mx+h*0.1, my+h*0.14)
		d.fill(solid(col.scale(0.85)))
	case "drum":
		d.ellipse(mx, my+h*0.08, h*0.1, h*0.03)
		d.rect(mx-h*0.1, my+h*0.08, mx+h*0.1, my+h*0.2)
		d.fill(vgrad(col.scale(1.1), col.scale(0.8), my, my+h*0.2))
	case "weapon":
		// Held out from the body in the right hand, upright: a blade
		// (edged dark so it reads against armour), or a staff.
		wx := rx + h*0.08
		d.line(rx, ry, wx, ry, hw*0.5)
		d.fill(solid(d.lit(hex("#c8906a"), 0.05)))
		if col.lum() > 0.5 {
			d.poly(wx-hw*0.45, ry, wx-hw*0.45, ry-h*0.5, wx, ry-h*0.58, wx+hw*0.45, ry-h*0.5, wx+hw*0.45, ry)
			d.fill(vgrad(col.scale(1.1), col.scale(0.75), ry-h*0.58, ry))
			d.line(wx, ry-h*0.04, wx, ry-h*0.52, max(d.u, 1))
			d.fill(solid(col.scale(0.55)))
			d.line(wx-h*0.07, ry-h*0.02, wx+h*0.07, ry-h*0.02, hw*0.5)
			d.line(wx, ry, wx, ry+h*0.07, hw*0.4)
			d.fill(solid(d.lit(hex("#b8903a"), 0.05)))
		} else {
			d.line(wx, ry+h*0.3, wx, ry-h*0.5, hw*0.45)
			d.fill(solid(col))
		}
	case "pot":
		// A pan held out over a stove: the stove, the pan, steam.
		sx, sy := mx+h*0.22, hand[1][1]+h*0.16
		d.rect(sx-h*0.22, sy, sx+h*0.22, sy+h*0.4)
		d.fill(vgrad(d.lit(hex("#d8d8dc"), 0.05), d.lit(hex("#9a9aa0"), 0.05), sy, sy+h*0.4))
		d.rect(sx-h*0.23, sy-h*0.02, sx+h*0.23, sy)
		d.fill(solid(d.lit(hex("#3a3a40"), 0.05)))
		d.rect(sx-h*0.12, sy-h*0.12, sx+h*0.08, sy-h*0.02)
		d.fill(vgrad(col.scale(1.2), col.scale(0.8), sy-h*0.12, sy))
		d.line(rx, ry, sx-h*0.12, sy-h*0.08, hw*0.3)
		d.fill(solid(hex("#2a2a2a")))
		for k := 0; k < 3; k++ {
			ox := sx - h*0.08 + float32(k)*h*0.06
			d.moveTo(ox, sy-h*0.14)
			d.quadTo(ox+h*0.04, sy-h*0.22, ox, sy-h*0.3)
			d.quadTo(ox+h*0.05, sy-h*0.22, ox+h*0.01, sy-h*0.14)
			d.fillNoInk(paint{col: rgb{1, 1, 1}, alpha: 0.45})
		}
	case "container":
		// A basket or bucket at the right hand, full of what it holds.
		cx, cy := rx, ry+h*0.05
		if hd.contents != nil {
			c := d.lit(*hd.contents, 0.05)
			for k := -2; k <= 2; k++ {
				d.disc(cx+float32(k)*h*0.035, cy-h*0.005*float32(4-k*k), h*0.035, c, 1, false)
			}
		}
		d.poly(cx-h*0.12, cy, cx+h*0.12, cy, cx+h*0.09, cy+h*0.14, cx-h*0.09, cy+h*0.14)
		pt := vgrad(col.scale(1.15), col.scale(0.8), cy, cy+h*0.14)
		pt.tex, pt.texAmt, pt.texScale = texNoise, 0.2, 2*d.u
		d.fill(pt)
		d.moveTo(cx-h*0.11, cy)
		d.quadTo(cx, cy-h*0.2, cx+h*0.11, cy)
		d.quadTo(cx, cy-h*0.17, cx-h*0.11, cy)
		d.fill(solid(col.scale(0.7)))
	case "flower":
		for k := -1; k <= 1; k++ {
			fx, fy := mx+float32(k)*h*0.04, my-h*0.16-float32(k*k)*h*0.02*-1
			d.line(mx, my, fx, fy, hw*0.2)
			d.fill(solid(d.lit(hex("#3a7a2a"), 0.05)))
			d.disc(fx, fy, h*0.035, col, 1, false)
			d.disc(fx, fy, h*0.012, hex("#f0d040"), 1, false)
		}
	case "food":
		if hd.tool == "loaf" {
			// A loaf held across the body.
			d.ellipse(mx, my-h*0.01, h*0.1, h*0.045)
			d.fill(vgrad(col.scale(1.15), col.scale(0.8), my-h*0.055, my+h*0.035))
			break
		}
		d.disc(rx, ry-h*0.02, h*0.06, col, 1, false)
		d.disc(rx-h*0.015, ry-h*0.035, h*0.015, col.mix(rgb{1, 1, 1}, 0.5), 0.7, false)
	case "baby":
		d.ellipse(mx, my, h*0.1, h*0.055)
		d.fill(vgrad(col, col.scale(0.85), my-h*0.06, my+h*0.06))
		d.disc(mx-h*0.08, my-h*0.03, h*0.04, d.lit(hex("#e8b898"), 0.05), 1, false)
	case "animal":
		// A small animal in the arms: body, head, ears.
		d.ellipse(mx, my, h*0.1, h*0.06)
		d.fill(vgrad(col.scale(1.15), col.scale(0.8), my-h*0.06, my+h*0.06))
		d.disc(mx+h*0.09, my-h*0.05, h*0.045, col, 1, false)
		d.poly(mx+h*0.06, my-h*0.08, mx+h*0.07, my-h*0.13, mx+h*0.09, my-h*0.09)
		d.poly(mx+h*0.1, my-h*0.09, mx+h*0.12, my-h*0.13, mx+h*0.125, my-h*0.07)
		d.fill(solid(col.scale(0.85)))
	case "light":
		d.glow(rx, ry-h*0.05, h*0.15, col, 0.6)
		d.roundRect(rx-h*0.03, ry-h*0.1, rx+h*0.03, ry, h*0.01)
		d.fill(solid(col))
	case "balls":
		for k := 0; k < 3; k++ {
			a := float64(k) * 2.1
			d.disc(mx+float32(math.Cos(a))*h*0.16, hand[0][1]-h*0.15-float32(math.Sin(a)+1)*h*0.06, h*0.03,
				d.lit([]rgb{hex("#e83a3a"), hex("#3a8ae8"), hex("#f0c030")}[k], 0.05), 1, false)
		}
	case "bubbles":
		// A wand in the hand and bubbles drifting up and away from it:
		// clear rings with a gleam.
		d.line(rx, ry, rx+h*0.06, ry-h*0.12, hw*0.25)
		d.fill(solid(d.lit(hex("#e85a9a"), 0.05)))
		d.arc(rx+h*0.075, ry-h*0.15, h*0.03, h*0.03, 0, 2*math.Pi, hw*0.2, d.lit(hex("#e85a9a"), 0.05))
		for k := range 9 {
			bx := rx + h*(0.18+0.12*float32(k)) + d.rnd(-0.06, 0.06)*h
			by := ry - h*(0.2+0.09*float32(k)) + d.rnd(-0.08, 0.08)*h
			r := h * d.rnd(0.05, 0.1)
			d.ellipse(bx, by, r, r)
			d.fillNoInk(paint{col: col.mix(hex("#f0b0e8"), 0.3), alpha: 0.4})
			d.arc(bx, by, r, r, 0, 2*math.Pi, max(1.5*d.u, r*0.16), col.mix(rgb{1, 1, 1}, 0.5))
			d.disc(bx-r*0.35, by-r*0.35, r*0.2, rgb{1, 1, 1}, 0.8, false)
		}
	case "thing":
		d.roundRect(mx-h*0.05, my-h*0.05, mx+h*0.05, my+h*0.04, h*0.01)
		d.fill(vgrad(col.scale(1.15), col.scale(0.8), my-h*0.05, my+h*0.04))
	}
	_ = wood
}

// headwear draws the costume's hat on a head at (x, y) of radius r; it
// reports whether it covered the hair.
func (d *painter) headwear(x, y, r float32, c costume) bool {
	switch c.hat {
	case "toque":
		w := d.lit(white, 0.05)
		d.rect(x-r*0.9, y-r*1.3, x+r*0.9, y-r*0.7)
		d.fill(solid(w.scale(0.95)))
		d.disc(x-r*0.5, y-r*1.6, r*0.6, w, 1, false)
		d.disc(x+r*0.5, y-r*1.6, r*0.6, w, 1, false)
		d.disc(x, y-r*1.9, r*0.7, w, 1, false)
	case "helmet":
		// A round helmet with a dark, shining visor.
		d.disc(x, y, r*1.45, d.lit(white, 0.05), 1, false)
		d.ellipse(x+r*0.15, y, r*1.0, r*0.8)
		d.fill(vgrad(d.lit(hex("#4a5a7a"), 0.05), hex("#101828"), y-r, y+r))
		d.disc(x-r*0.2, y-r*0.35, r*0.25, rgb{1, 1, 1}, 0.5, false)
	case "pointed":
		d.ellipse(x, y-r*0.7, r*1.7, r*0.35)
		d.poly(x-r*1.0, y-r*0.8, x+r*1.0, y-r*0.8, x+r*0.3, y-r*3.4)
		hc := purple
		if c.hatCol != nil {
			hc = *c.hatCol
		}
		d.fill(solid(d.lit(hc, 0.05)))
	case "crown":
		g := d.lit(hex("#e8c040"), 0.05)
		d.poly(x-r*0.9, y-r*0.6, x+r*0.9, y-r*0.6, x+r*1.0, y-r*1.6, x+r*0.5, y-r*1.1, x, y-r*1.7, x-r*0.5, y-r*1.1, x-r*1.0, y-r*1.6)
		d.fill(solid(g))
		return false
	case "wide":
		b := d.lit(hex("#6a4428"), 0.05)
		d.ellipse(x, y-r*0.65, r*2.0, r*0.35)
		d.fill(solid(b.scale(0.85)))
		d.roundRect(x-r*0.9, y-r*1.6, x+r*0.9, y-r*0.6, r*0.4)
		d.fill(solid(b))
	case "helm":
		d.moveTo(x-r*1.1, y+r*0.1)
		d.quadTo(x-r*1.2, y-r*1.5, x, y-r*1.5)
		d.quadTo(x+r*1.2, y-r*1.5, x+r*1.1, y+r*0.1)
		d.lineTo(x+r*0.6, y-r*0.3)
		d.lineTo(x-r*0.6, y-r*0.3)
		d.fill(vgrad(d.lit(hex("#b8c0c8"), 0.05), d.lit(hex("#6a7078"), 0.05), y-r*1.5, y))
	default:
		return false
	}
	return true
}

// ride draws what a figure at (x, y) of height h rides, and returns where
// it sits: a bicycle or motorcycle by its drawer, any beast in profile.
func (d *painter) ride(r *easel.Subject, x, y, h float32) (sx, sy float32) {
	d.paintedNoun(r.Noun, false)
	col, ok := colourOf(r)
	if r.Category == "car" || r.Category == "truck" || r.Category == "bus" || r.Category == "vehicle" {
		// Driven: the vehicle, the driver's head and shoulders in its
		// window; the figure is not drawn whole (cab).
		if !ok {
			col = d.p.accent
		}
		s := h * 0.8
		switch r.Category {
		case "car":
			acc, tint := d.p.accent, d.p.tint
			d.p.accent, d.p.tint = col, []rgb{col}
			d.car(x, y, s)
			d.p.accent, d.p.tint = acc, tint
			return x + s*0.1, y - s*0.62
		case "bus":
			d.bus(x, y, s, d.lit(col, 0.05))
			return x + s*1.0, y - s*0.7
		}
		d.truck(x, y, s, d.lit(col, 0.05))
		return x + s*0.72, y - s*0.62
	}
	if f, okv := vehicleDrawers[r.Category]; okv {
		if !ok {
			col = d.p.accent
		}
		s := h * 0.75
		f(d, x, y, s, d.lit(col, 0.05))
		return x - s*0.22, y - s*0.42 - s*0.62
	}
	k := r.Element
	if _, okb := beasts[k]; !okb {
		k = "horse"
	}
	b := beastFor(k, r) // a unicorn white with its horn, an elephant by its plan
	if _, okp := planBeasts[b.plan]; !okp && beasts[r.Element].body == 0 {
		b = beasts["horse"]
		if ok {
			b.col = col.scale(0.85)
		}
	}
	s := h * 1.1
	d.quadruped(b, x, y, s, 1)
	top := b.legs*0.6 + b.depth
	return x - s*0.05, y - (top-0.06)*s
}

// hasFeedVerb reports whether a subject's action feeds something.
func hasFeedVerb(s *easel.Subject) bool {
	e, _, ok := lexical.FindVerb(strings.ToLower(s.Action))
	return ok && e.Lemma == "feed"
}

// fights reports whether a subject's action fights its object.
func fights(s *easel.Subject) bool {
	e, _, ok := lexical.FindVerb(strings.ToLower(s.Action))
	if !ok {
		return false
	}
	switch e.Lemma {
	case "fight", "battle", "attack", "slay", "defeat", "face", "duel", "confront", "hunt":
		return true
	}
	return false
}

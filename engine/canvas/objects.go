package canvas

import (
	"hash/fnv"
	"math"
	"slices"
	"strings"
)

// objects.go draws one object by its shape through a dispatch table, objectDrawers: a mug, a cup, a teapot, a bottle, a vase, a lamp, a plant, a hat, a bag, a box, a book, a clock, a phone, a camera, glasses, a chair, beads...

// object draws the product's shape standing on base, about s tall.
func (d *painter) object(pr product, cx, base, s float32) {
	d.paintedNoun(pr.noun, !shapedNoun(pr.noun) && (pr.shape == "generic" || categoryShaped[pr.shape]))
	if !d.prop && (pr.shape == "drinkglass" || pr.shape == "wineglass" || pr.shape == "cup" || pr.shape == "mug") {
		d.paintedSub(drinkIn(d.p.subjects)) // the drink in it
	}
	if f, ok := objectDrawers[pr.shape]; ok {
		if h := flowerVessel[pr.shape]; h > 0 && pr.shape != "vase" && !d.prop && d.p.flowerSubject() != nil {
			// "seven red roses in a glass jar": the jar holds them.
			s *= 0.75
			d.bouquet(cx, base-s*h, s*1.3, false)
		}
		f(d, pr, cx, base, s)
		return
	}
	d.objGeneric(pr, cx, base, s)
}

// categoryShaped are the shapes that stand in for a whole category
// (categoryShapes): a thing drawn so is drawn only as a plain shape.
var categoryShaped = func() map[string]bool {
	m := map[string]bool{}
	for _, v := range categoryShapes {
		m[v] = true
	}
	return m
}()

// flowerVessel are the shapes flowers may stand in, with the height of
// their mouth (in units of the object's size).
var flowerVessel = map[string]float32{"vase": 1.2, "jar": 0.8, "bottle": 1.35, "mug": 0.85, "cup": 0.5, "bowl": 0.42, "teapot": 0.7, "plant": 0.5}

// objectDrawers maps a product shape to the function that draws it.
var objectDrawers = map[string]func(d *painter, pr product, cx, base, s float32){
	"mug":        (*painter).objMug,
	"cup":        (*painter).objCup,
	"teapot":     (*painter).objTeapot,
	"bottle":     (*painter).objBottle,
	"perfume":    (*painter).objBottle,
	"vase":       (*painter).objVase,
	"bowl":       (*painter).objBowl,
	"jar":        (*painter).objJar,
	"candle":     (*painter).objCandle,
	"lamp":       (*painter).objLamp,
	"plant":      (*painter).objPlant,
	"hat":        (*painter).objHat,
	"shoe":       (*painter).objShoes,
	"boot":       (*painter).objShoes,
	"bag":        (*painter).objBag,
	"backpack":   (*painter).objBackpack,
	"suitcase":   (*painter).objSuitcase,
	"wallet":     (*painter).objWallet, // objects_flat.go
	"boardgame":  (*painter).objBoardGame,
	"toyduck":    (*painter).objToyDuck,
	"toyboat":    (*painter).objToyBoat,
	"toycar":     (*painter).objToyCar,
	"box":        (*painter).objSuitcase,
	"gift":       (*painter).objSuitcase,
	"book":       (*painter).objBook,
	"clock":      (*painter).objClock,
	"watch":      (*painter).objClock,
	"phone":      (*painter).objPhone,
	"laptop":     (*painter).objPhone,
	"headphones": (*painter).objHeadphones,
	"camera":     (*painter).objCamera,
	"speaker":    (*painter).objSpeaker,
	"glasses":    (*painter).objGlasses,
	"chair":      (*painter).objChair,
	"top":        (*painter).objTop,
	"dress":      (*painter).objTop,
	"skirt":      (*painter).objTop,
	"trousers":   (*painter).objTop,
	"beads":      (*painter).objBeads,
	"teddy":      (*painter).objTeddy,
	"robot":      (*painter).objRobot,
	// objects_extra.go
	"scarf":      (*painter).objScarf,
	"tie":        (*painter).objScarf,
	"gloves":     (*painter).objGloves,
	"guitar":     (*painter).objGuitar,
	"violin":     (*painter).objGuitar,
	"wineglass":  (*painter).objWineGlass,
	"drinkglass": (*painter).objDrinkGlass,
	"piano":      (*painter).objPiano,
	"trumpet":    (*painter).objTrumpet,
	"drum":       (*painter).objDrum,
}

// objMug draws a mug.
func (d *painter) objMug(pr product, cx, base, s float32) {
	col := pr.col
	g := pr.gloss
	d.shadow(cx, base, s*0.4)
	d.arc(cx+s*0.34, base-s*0.42, s*0.2, s*0.22, -math.Pi/2, math.Pi/2, s*0.08, shade(col, 0.6, 0))
	d.lathe(cx, base, s*0.85, [][2]float32{{0, 0.32 * s}, {1, 0.34 * s}}, col, g, topOpen)
	if drinkWord(d.p.words) != "" || strings.Contains(pr.noun, "coffee") {
		dark, light := d.drinkIn(hex("#3a2416"), hex("#6a4026"))
		d.ellipse(cx, base-s*0.85+s*0.01, s*0.29, 0.22*s*0.28)
		d.fillNoInk(vgrad(dark, light, base-s*0.9, base-s*0.8))
	}
}

// objCup draws a cup.
func (d *painter) objCup(pr product, cx, base, s float32) {
	col := pr.col
	g := pr.gloss
	d.shadow(cx, base, s*0.55)
	d.lathe(cx, base, s*0.05, [][2]float32{{0, 0.5 * s}, {1, 0.56 * s}}, col, g, topLid)
	d.arc(cx+s*0.34, base-s*0.3, s*0.13, s*0.13, -math.Pi/2, math.Pi/2, s*0.06, shade(col, 0.6, 0))
	d.lathe(cx, base-s*0.04, s*0.45, [][2]float32{{0, 0.18 * s}, {0.3, 0.28 * s}, {1, 0.38 * s}}, col, g, topOpen)
	d.ellipse(cx, base-s*0.49+s*0.01, s*0.33, 0.22*s*0.32)
	dark, light := d.drinkIn(hex("#5a3418"), hex("#9a6434"))
	d.fillNoInk(vgrad(dark, light, base-s*0.55, base-s*0.45))
}

// drinkIn is the colour of the drink in a cup or a mug, dark and light,
// by the drink the words name (tea is amber, green tea and matcha
// green-gold, a latte milky), else dark and light (coffee); and it marks
// the drink painted ("green tea in a white teacup": the tea is in it).
func (d *painter) drinkIn(dark, light rgb) (rgb, rgb) {
	w := drinkWord(d.p.words)
	if hasWord(d.p.words, "matcha") {
		w = "matcha" // a matcha latte is green
	}
	for i := range d.p.subjects {
		x := &d.p.subjects[i]
		n := strings.ToLower(x.Noun)
		if x.Category == "drink" || w != "" && (n == w || strings.HasSuffix(n, " "+w)) && x.Element != "object" {
			d.paintedSub(x)
		}
	}
	switch {
	case w == "matcha" || w == "tea" && hasWord(d.p.words, "green"):
		return hex("#6a7a22"), hex("#b0b452")
	case w == "tea" || w == "chai":
		return hex("#8a4a14"), hex("#d08a38")
	case w == "latte" || w == "cappuccino" || w == "cocoa":
		return hex("#7a4a2a"), hex("#c89a70")
	}
	return dark, light
}

// objTeapot draws a teapot.
func (d *painter) objTeapot(pr product, cx, base, s float32) {
	col := pr.col
	g := pr.gloss
	d.shadow(cx, base, s*0.5)
	d.arc(cx+s*0.45, base-s*0.42, s*0.2, s*0.24, -math.Pi/2, math.Pi/2, s*0.07, shade(col, 0.6, 0))
	d.poly(cx-s*0.35, base-s*0.35, cx-s*0.72, base-s*0.72, cx-s*0.66, base-s*0.76, cx-s*0.3, base-s*0.5)
	d.fill(solid(shade(col, -0.5, 0)))
	d.lathe(cx, base, s*0.7, [][2]float32{{0, 0.3 * s}, {0.2, 0.45 * s}, {0.5, 0.5 * s}, {0.8, 0.4 * s}, {1, 0.24 * s}}, col, g, topLid)
	d.lathe(cx, base-s*0.7, s*0.12, [][2]float32{{0, 0.2 * s}, {0.5, 0.08 * s}, {1, 0.06 * s}}, col, g, topLid)
}

// objBottle draws a bottle or a perfume.
func (d *painter) objBottle(pr product, cx, base, s float32) {
	col := pr.col
	g := pr.gloss
	if pr.shape == "perfume" {
		d.shadow(cx, base, s*0.4)
		w, h := s*0.62, s*0.6
		d.box3d(cx-w/2, base, w, h, s*0.14, col, s*0.06)
		d.ellipse(cx-w*0.2, base-h*0.6, w*0.12, h*0.3)
		d.fillNoInk(paint{col: rgb{1, 1, 1}, alpha: 0.35})
		d.lathe(cx+s*0.04, base-h-s*0.02, s*0.26, [][2]float32{{0, 0.12 * s}, {1, 0.12 * s}}, hex("#d8b060"), 0.7, topLid)
		return
	}
	d.shadow(cx, base, s*0.3)
	d.lathe(cx, base, s*1.4, [][2]float32{{0, 0.22 * s}, {0.58, 0.22 * s}, {0.7, 0.15 * s}, {0.78, 0.08 * s}, {1, 0.08 * s}}, col, max(g, 0.5), topLid)
	// A label and a cap.
	d.lathe(cx, base-s*0.3, s*0.42, [][2]float32{{0, 0.225 * s}, {1, 0.225 * s}}, hex("#efe8d8"), 0, topNone)
	d.lathe(cx, base-s*1.3, s*0.12, [][2]float32{{0, 0.085 * s}, {1, 0.085 * s}}, hex("#2a2a2a"), 0.4, topLid)
}

// objVase draws a vase.
func (d *painter) objVase(pr product, cx, base, s float32) {
	col := pr.col
	g := pr.gloss
	d.shadow(cx, base, s*0.4)
	if !d.prop && (hasAny(d.p.el, "flowers", "sunflowers") || d.p.flowerSubject() != nil) {
		// Smaller, so the flowers above it stay in the frame.
		s *= 0.7
		d.bouquet(cx, base-s*1.2, s*1.3, d.p.el["sunflowers"])
	}
	d.lathe(cx, base, s*1.2, [][2]float32{{0, 0.22 * s}, {0.12, 0.34 * s}, {0.4, 0.4 * s}, {0.7, 0.22 * s}, {0.86, 0.15 * s}, {1, 0.21 * s}}, col, g, topOpen)
}

// objBowl draws a bowl.
func (d *painter) objBowl(pr product, cx, base, s float32) {
	col := pr.col
	g := pr.gloss
	d.shadow(cx, base, s*0.5)
	d.lathe(cx, base, s*0.42, [][2]float32{{0, 0.24 * s}, {0.4, 0.46 * s}, {1, 0.6 * s}}, col, g, topOpen)
}

// objJar draws a jar.
func (d *painter) objJar(pr product, cx, base, s float32) {
	col := pr.col
	g := pr.gloss
	d.shadow(cx, base, s*0.35)
	d.lathe(cx, base, s*0.8, [][2]float32{{0, 0.3 * s}, {0.9, 0.33 * s}, {1, 0.28 * s}}, col, max(g, 0.5), map[bool]int{true: topOpen, false: topLid}[pr.noun != "jar"])
	if strings.Contains(pr.noun, "jar") || strings.Contains(pr.noun, "tin") {
		d.lathe(cx, base-s*0.8, s*0.14, [][2]float32{{0, 0.3 * s}, {1, 0.3 * s}}, hex("#b8a070"), 0.5, topLid)
	}
}

// objCandle draws a candle.
func (d *painter) objCandle(pr product, cx, base, s float32) {
	col := pr.col
	d.shadow(cx, base, s*0.3)
	d.lathe(cx, base, s*0.8, [][2]float32{{0, 0.28 * s}, {1, 0.28 * s}}, col, 0.1, topLid)
	d.line(cx, base-s*0.8, cx, base-s*0.88, 3*d.u)
	d.fillNoInk(solid(hex("#2a2a2a")))
	d.glow(cx, base-s*0.95, s*0.2, warmLight, 0.5)
	d.moveTo(cx, base-s*1.12)
	d.quadTo(cx+s*0.07, base-s*0.95, cx, base-s*0.87)
	d.quadTo(cx-s*0.07, base-s*0.95, cx, base-s*1.12)
	d.fillNoInk(solid(hex("#ffe8a0")))
}

// objLamp draws a lamp.
func (d *painter) objLamp(pr product, cx, base, s float32) {
	col := pr.col
	d.shadow(cx, base, s*0.35)
	d.lathe(cx, base, s*0.95, [][2]float32{{0, 0.28 * s}, {0.06, 0.28 * s}, {0.1, 0.06 * s}, {1, 0.05 * s}}, hex("#c8a060"), 0.6, topLid)
	d.glow(cx, base-s*0.95, s*0.5, warmLight, 0.35)
	d.lathe(cx, base-s*0.8, s*0.55, [][2]float32{{0, 0.5 * s}, {1, 0.3 * s}}, col, 0, topLid)
}

// objPlant draws a plant.
func (d *painter) objPlant(pr product, cx, base, s float32) {
	col := pr.col
	g := pr.gloss
	d.shadow(cx, base, s*0.36)
	if strings.Contains(pr.noun, "cactus") {
		// A ribbed green column with an arm each side.
		green := hex("#3f8a4a")
		d.lathe(cx-s*0.2, base-s*0.75, s*0.3, [][2]float32{{0, 0.08 * s}, {0.8, 0.08 * s}, {1, 0.03 * s}}, green, 0.1, topNone)
		d.lathe(cx+s*0.2, base-s*0.65, s*0.25, [][2]float32{{0, 0.08 * s}, {0.8, 0.08 * s}, {1, 0.03 * s}}, green, 0.1, topNone)
		d.line(cx-s*0.2, base-s*0.78, cx, base-s*0.78, s*0.14)
		d.line(cx+s*0.2, base-s*0.68, cx, base-s*0.68, s*0.14)
		d.fillNoInk(solid(green.scale(0.8)))
		d.lathe(cx, base-s*0.5, s*0.75, [][2]float32{{0, 0.17 * s}, {0.85, 0.17 * s}, {1, 0.06 * s}}, green, 0.1, topNone)
	} else if strings.Contains(pr.noun, "bonsai") || strings.Contains(pr.noun, "tree") {
		d.pottedTree(cx, base-s*0.5, s) // objects_extra.go
	} else {
		d.leaves(cx, base-s*0.5, s)
	}
	d.lathe(cx, base, s*0.55, [][2]float32{{0, 0.24 * s}, {0.9, 0.34 * s}, {1, 0.36 * s}}, col, g, topOpen)
}

// objHat draws a hat.
func (d *painter) objHat(pr product, cx, base, s float32) {
	col := pr.col
	g := pr.gloss
	d.shadow(cx, base, s*0.8)
	rx := s * 0.85
	if strings.Contains(pr.noun, "cap") || strings.Contains(pr.noun, "beanie") {
		rx = s * 0.45
	}
	d.ellipse(cx, base-s*0.08, rx, rx*0.26)
	d.fill(vgrad(shade(col, -0.4, 0).scale(1.05), col.scale(0.7), base-s*0.08-rx*0.26, base))
	d.lathe(cx, base-s*0.1, s*0.42, [][2]float32{{0, 0.42 * s}, {0.7, 0.4 * s}, {1, 0.3 * s}}, col, g, topLid)
	band := hex("#2a2a2a")
	if col.lum() < 0.3 {
		band = hex("#8a2a2a")
	}
	d.lathe(cx, base-s*0.1, s*0.1, [][2]float32{{0, 0.425 * s}, {1, 0.42 * s}}, band, 0.2, topNone)
	if strings.Contains(pr.noun, "cap") {
		// A cap's visor reaches forward and to the side.
		d.ellipse(cx-s*0.5, base-s*0.08, s*0.42, s*0.11)
		d.fill(vgrad(shade(col, -0.6, 0), col.scale(0.6), base-s*0.2, base))
	}
}

// objShoe draws a shoe or a boot.
func (d *painter) objShoe(pr product, cx, base, s float32) {
	col := pr.col
	d.shoe(cx, base, s, col, pr.shape == "boot", strings.Contains(pr.noun, "sneaker") || strings.Contains(pr.noun, "trainer"))
}

// objBag draws a bag.
func (d *painter) objBag(pr product, cx, base, s float32) {
	col := pr.col
	d.shadow(cx, base, s*0.6)
	w, h := s*1.0, s*0.7
	d.arc(cx, base-h, w*0.32, s*0.42, math.Pi, 2*math.Pi, s*0.06, col.scale(0.7))
	d.moveTo(cx-w*0.5, base)
	d.lineTo(cx+w*0.5, base)
	d.lineTo(cx+w*0.4, base-h)
	d.lineTo(cx-w*0.4, base-h)
	d.fill(vgrad(shade(col, -0.3, 0), col.scale(0.7), base-h, base))
	d.poly(cx-w*0.4, base-h, cx+w*0.4, base-h, cx+w*0.42, base-h*0.78, cx-w*0.42, base-h*0.78)
	d.fill(solid(col.scale(0.8)))
	d.disc(cx, base-h*0.78, s*0.035, hex("#d8b060"), 1, false)
}

// objBackpack draws a backpack.
func (d *painter) objBackpack(pr product, cx, base, s float32) {
	col := pr.col
	d.shadow(cx, base, s*0.55)
	w, h := s*0.9, s*1.15
	d.arc(cx, base-h, w*0.18, s*0.14, math.Pi, 2*math.Pi, s*0.05, col.scale(0.6))
	d.roundRect(cx-w/2, base-h, cx+w/2, base, w*0.3)
	d.fill(vgrad(shade(col, -0.3, 0), col.scale(0.65), base-h, base))
	d.roundRect(cx+w*0.32, base-h*0.9, cx+w/2, base-h*0.05, w*0.12)
	d.fillNoInk(paint{col: rgb{0, 0, 0}, alpha: 0.18})
	d.roundRect(cx-w*0.34, base-h*0.46, cx+w*0.34, base-h*0.06, w*0.14)
	d.fill(vgrad(shade(col, -0.2, 0).scale(0.92), col.scale(0.6), base-h*0.46, base))
	d.line(cx-w*0.28, base-h*0.4, cx+w*0.28, base-h*0.4, 3*d.u)
	d.line(cx-w*0.3, base-h*0.78, cx+w*0.3, base-h*0.78, 3*d.u)
	d.fillNoInk(solid(col.scale(0.35)))
}

// objSuitcase draws a suitcase or a wallet or a box or a gift.
func (d *painter) objSuitcase(pr product, cx, base, s float32) {
	col := pr.col
	w, h, dp := s*1.0, s*0.95, s*0.4
	switch pr.shape {
	case "suitcase":
		w, h, dp = s*0.9, s*1.2, s*0.3
	case "wallet":
		w, h, dp = s*0.9, s*0.5, s*0.1
	}
	d.shadow(cx+dp*0.3, base, w*0.6)
	if pr.shape == "suitcase" {
		d.arc(cx, base-h, w*0.16, s*0.12, math.Pi, 2*math.Pi, s*0.05, hex("#2a2a2a"))
	}
	d.box3d(cx-w/2, base, w, h, dp, col, s*0.03)
	if pr.shape == "gift" {
		rib := hex("#e8c050")
		if col.r > 0.7 && col.g > 0.6 {
			rib = hex("#c82a3a")
		}
		d.fillRect(cx-w*0.06, base-h, cx+w*0.06, base, rib, 1)
		d.poly(cx-w*0.06+dp*0.25, base-h+dp*-0.22, cx+w*0.06+dp*0.3, base-h-dp*0.22, cx+w*0.06, base-h, cx-w*0.06, base-h)
		d.fillNoInk(solid(rib.scale(1.1)))
		d.ellipse(cx-s*0.12+dp*0.27, base-h-dp*0.25, s*0.14, s*0.07)
		d.ellipse(cx+s*0.12+dp*0.27, base-h-dp*0.25, s*0.14, s*0.07)
		d.fill(solid(rib))
	}
	if pr.shape == "suitcase" {
		for _, f := range []float32{0.25, 0.5, 0.75} {
			d.fillRect(cx-w/2+w*f-1.5*d.u, base-h, cx-w/2+w*f+1.5*d.u, base, col.scale(0.6), 1)
		}
	}
	if pr.shape == "wallet" {
		d.fillRect(cx-w/2, base-h*0.55, cx+w/2, base-h*0.5, col.scale(0.6), 1)
	}
}

// objBook draws a book.
func (d *painter) objBook(pr product, cx, base, s float32) {
	col := pr.col
	d.shadow(cx, base, s*0.7)
	covers := []rgb{col, col.mix(hex("#2a4a6a"), 0.6), col.mix(hex("#e8dcc0"), 0.6)}
	y := base
	n := 2 + int(d.p.look.extras)
	if !strings.Contains(pr.noun, "stack") && !strings.HasSuffix(pr.noun, "s") {
		n = 1
	}
	for i := 0; i < n; i++ {
		w, h := s*(1.1-float32(i)*0.08), s*0.24
		x := cx - w/2 + float32(i%2)*s*0.05
		d.box3d(x, y, w, h, s*0.5, covers[i%3], 0)
		d.fillRect(x+w*0.02, y-h*0.8, x+w, y-h*0.2, hex("#f2ead8"), 0.25)
		y -= h
	}
}

// objClock draws a clock or a watch.
func (d *painter) objClock(pr product, cx, base, s float32) {
	col := pr.col
	r := s * 0.42
	cy := base - r*1.05
	if pr.shape == "watch" {
		r = s * 0.3
		if strings.Contains(strings.ToLower(pr.noun), "pocket") {
			// A pocket watch: a bow at the top and its chain, no strap.
			d.arc(cx, cy-r*1.12, r*0.16, r*0.16, 0, 2*math.Pi, r*0.06, shade(col, -0.3, 0))
			for k := 0; k < 9; k++ {
				t := float32(k) / 8
				d.ellipse(cx+r*(0.1+1.2*t), cy-r*1.2+r*1.6*t*t, r*0.07, r*0.05)
			}
			d.fill(solid(shade(col, -0.2, 0)))
			d.paintedLike("chain")
		} else {
			strap := d.strapColour()
			d.roundRect(cx-r*0.55, cy-r*2.2, cx+r*0.55, base, r*0.2)
			d.fill(vgrad(strap, strap.scale(0.55), cy-r*2.2, base))
		}
		if strings.Contains(strings.ToLower(pr.noun), "smart") {
			// A smartwatch: a dark screen in a rounded case, lit.
			d.roundRect(cx-r*0.85, cy-r, cx+r*0.85, cy+r, r*0.35)
			d.fill(vgrad(shade(col, -0.5, 0), col.scale(0.6), cy-r, cy+r))
			d.roundRect(cx-r*0.7, cy-r*0.85, cx+r*0.7, cy+r*0.85, r*0.25)
			d.fill(vgrad(hex("#1a1e2a"), hex("#0a0c12"), cy-r, cy+r))
			d.fillRect(cx-r*0.45, cy-r*0.25, cx+r*0.45, cy-r*0.05, hex("#6ad0f0"), 1)
			d.fillRect(cx-r*0.3, cy+r*0.1, cx+r*0.3, cy+r*0.22, hex("#a0e870"), 1)
			return
		}
	} else {
		d.shadow(cx, base, r)
		d.line(cx-r*0.6, cy+r*0.7, cx-r*0.8, base, s*0.05)
		d.line(cx+r*0.6, cy+r*0.7, cx+r*0.8, base, s*0.05)
		d.fillNoInk(solid(col.scale(0.5)))
		d.disc(cx-r*0.7, cy-r*0.85, r*0.3, shade(col, -0.4, 0.3), 1, false)
		d.disc(cx+r*0.7, cy-r*0.85, r*0.3, shade(col, 0.4, 0.3), 1, false)
	}
	d.ellipse(cx, cy, r, r)
	d.fill(vgrad(shade(col, -0.5, 0), col.scale(0.6), cy-r, cy+r))
	d.ellipse(cx, cy, r*0.82, r*0.82)
	d.fill(vgrad(hex("#fbf8f0"), hex("#e4ded2"), cy-r, cy+r))
	for i := 0; i < 12; i++ {
		a := float32(i) * math.Pi / 6
		d.line(cx+r*0.66*cos32(a), cy+r*0.66*sin32(a), cx+r*0.76*cos32(a), cy+r*0.76*sin32(a), max(2*d.u, r*0.03))
	}
	d.line(cx, cy, cx+r*0.35*cos32(-2.2), cy+r*0.35*sin32(-2.2), r*0.06)
	d.line(cx, cy, cx+r*0.6*cos32(-0.6), cy+r*0.6*sin32(-0.6), r*0.04)
	d.fillNoInk(solid(hex("#1e1e22")))
	d.ellipse(cx-r*0.3, cy-r*0.35, r*0.3, r*0.18)
	d.fillNoInk(paint{col: rgb{1, 1, 1}, alpha: 0.25})
}

// strapColour is the colour of a watch's strap: the colour or the
// material the idea gives its strap or band ("a black strap", "a
// leather band"), else brown leather; the strap is marked painted.
func (d *painter) strapColour() rgb {
	col := hex("#6a3e22")
	for i := range d.p.subjects {
		x := &d.p.subjects[i]
		// "a gold watch with a blue band": the band only in the relation.
		f := strings.Fields(strings.ToLower(x.Relation))
		for k := 1; k < len(f); k++ {
			if slices.Contains(strapWords, f[k]) {
				if c, ok := namedColour(f[k-1]); ok {
					col = c
				} else if c, ok := materials[f[k-1]]; ok {
					col = c
				}
			}
		}
		if !slices.Contains(strapWords, strings.ToLower(x.Noun)) {
			continue
		}
		d.paintedSub(x)
		if c, ok := factColour(x); ok {
			col = c
		} else {
			for _, m := range x.Materials {
				if c, ok := materials[strings.ToLower(m)]; ok {
					col = c
				}
			}
		}
	}
	return col
}

// strapWords name a watch's strap.
var strapWords = []string{"strap", "straps", "band", "wristband", "bracelet"}

// objPhone draws a phone or a laptop.
func (d *painter) objPhone(pr product, cx, base, s float32) {
	col := pr.col
	if pr.shape == "laptop" {
		w := s * 1.5
		d.shadow(cx, base, w*0.5)
		d.poly(cx-w/2, base, cx+w/2, base, cx+w*0.42, base-s*0.22, cx-w*0.42, base-s*0.22)
		d.fill(vgrad(col.scale(1.05), col.scale(0.8), base-s*0.22, base))
		d.roundRect(cx-w*0.42, base-s*1.05, cx+w*0.42, base-s*0.22, s*0.03)
		d.fill(solid(hex("#1e1e24")))
		d.rect(cx-w*0.39, base-s*1.0, cx+w*0.39, base-s*0.26)
		d.fillNoInk(vgrad(hex("#4a7ac8"), hex("#c86a9a"), base-s, base-s*0.26))
		return
	}
	w, h := s*0.55, s*1.1
	d.shadow(cx, base, w*0.6)
	d.roundRect(cx-w/2, base-h, cx+w/2, base, w*0.14)
	d.fill(solid(col))
	d.roundRect(cx-w*0.44, base-h*0.96, cx+w*0.44, base-h*0.04, w*0.1)
	d.fillNoInk(vgrad(hex("#3a6ad0"), hex("#d86a9a"), base-h, base))
	d.poly(cx-w*0.44, base-h*0.96, cx+w*0.1, base-h*0.96, cx-w*0.44, base-h*0.4)
	d.fillNoInk(paint{col: rgb{1, 1, 1}, alpha: 0.14})
}

// objHeadphones draws a headphones.
func (d *painter) objHeadphones(pr product, cx, base, s float32) {
	col := pr.col
	g := pr.gloss
	d.shadow(cx, base, s*0.6)
	r := s * 0.5
	d.arc(cx, base-s*0.45, r, r*1.05, math.Pi*1.02, math.Pi*1.98, s*0.08, shade(col, -0.3, 0.2))
	for _, sx := range []float32{-1, 1} {
		d.ellipse(cx+sx*r, base-s*0.3, s*0.16, s*0.26)
		d.fill(vgrad(shade(col, sx*0.7, g), col.scale(0.5), base-s*0.56, base-s*0.04))
	}
}

// objCamera draws a camera.
func (d *painter) objCamera(pr product, cx, base, s float32) {
	col := pr.col
	w, h := s*1.1, s*0.65
	d.shadow(cx, base, w*0.55)
	d.box3d(cx-w/2, base, w, h, s*0.25, col, s*0.06)
	d.fillRect(cx-w*0.4, base-h-s*0.1, cx-w*0.15, base-h, col.scale(0.8), 1)
	d.disc(cx, base-h*0.5, h*0.4, hex("#b8bcc0"), 1, false)
	d.disc(cx, base-h*0.5, h*0.32, hex("#1a1a20"), 1, false)
	d.disc(cx-h*0.1, base-h*0.6, h*0.1, hex("#6a8ab8"), 0.7, false)
}

// objSpeaker draws a speaker.
func (d *painter) objSpeaker(pr product, cx, base, s float32) {
	col := pr.col
	d.shadow(cx, base, s*0.4)
	d.lathe(cx, base, s*0.9, [][2]float32{{0, 0.33 * s}, {1, 0.33 * s}}, col, 0.1, topLid)
	for i := 1; i < 8; i++ {
		y := base - s*0.9*float32(i)/8
		d.fillRect(cx-s*0.25, y, cx+s*0.25, y+1.5*d.u, col.scale(0.6), 0.6)
	}
}

// objGlasses draws a glasses.
func (d *painter) objGlasses(pr product, cx, base, s float32) {
	col := pr.col
	d.shadow(cx, base, s*0.7)
	for _, sx := range []float32{-1, 1} {
		d.ellipse(cx+sx*s*0.32, base-s*0.25, s*0.26, s*0.2)
		d.fill(solid(col))
		d.ellipse(cx+sx*s*0.32, base-s*0.25, s*0.22, s*0.16)
		d.fillNoInk(vgrad(hex("#3a4a5a"), hex("#1a1a22"), base-s*0.45, base-s*0.05))
	}
	d.line(cx-s*0.08, base-s*0.3, cx+s*0.08, base-s*0.3, s*0.05)
	d.fillNoInk(solid(col))
}

// objChair draws a chair.
func (d *painter) objChair(pr product, cx, base, s float32) {
	col := pr.col
	d.shadow(cx, base, s*0.7)
	w := s * 0.95
	for _, x := range []float32{-0.42, 0.42} {
		d.line(cx+x*w, base-s*0.6, cx+x*w*1.05, base, s*0.06)
	}
	d.line(cx-w*0.3, base-s*0.62, cx-w*0.25, base-s*0.1, s*0.05)
	d.line(cx+w*0.5, base-s*0.64, cx+w*0.55, base-s*0.1, s*0.05)
	d.fill(solid(col.scale(0.6)))
	d.box3d(cx-w/2, base-s*0.55, w, s*0.1, s*0.35, col, 0)
	d.roundRect(cx-w/2+s*0.15, base-s*1.45, cx+w/2+s*0.15, base-s*0.75, s*0.05)
	d.fill(vgrad(shade(col, -0.3, 0), col.scale(0.7), base-s*1.45, base-s*0.75))
	d.line(cx-w/2+s*0.2, base-s*0.75, cx-w/2+s*0.2, base-s*0.6, s*0.06)
	d.line(cx+w/2+s*0.1, base-s*0.75, cx+w/2+s*0.1, base-s*0.6, s*0.06)
	d.fill(solid(col.scale(0.6)))
}

// objTop draws a top or a dress or a skirt or a trousers.
func (d *painter) objTop(pr product, cx, base, s float32) {
	d.garment(pr, cx, base, s)
}

// objBeads draws a beads.
func (d *painter) objBeads(pr product, cx, base, s float32) {
	col := pr.col
	g := pr.gloss
	// A string of beads lying in a loop, a pendant at its lowest point.
	d.shadow(cx, base-s*0.1, s*0.7)
	r := s * 0.055
	if strings.Contains(pr.noun, "bracelet") {
		r = s * 0.08
	}
	for i := 0; i < 28; i++ {
		a := float32(i) / 28 * 2 * math.Pi
		x, y := cx+s*0.75*cos32(a), base-s*0.15+s*0.25*sin32(a)
		d.disc(x+r*0.3, y+r*0.4, r, rgb{0, 0, 0}, 0.2, false)
		d.disc(x, y, r, shade(col, -0.2, 0).scale(0.95), 1, false)
		d.disc(x-r*0.3, y-r*0.35, r*0.35, rgb{1, 1, 1}, 0.6, false)
	}
	if !strings.Contains(pr.noun, "bracelet") {
		d.disc(cx, base-s*0.15+s*0.25+r*2.5, r*2.2, shade(col, -0.2, g), 1, false)
		d.disc(cx-r*0.6, base-s*0.15+s*0.25+r*1.9, r*0.7, rgb{1, 1, 1}, 0.5, false)
	}
}

// objTeddy draws a teddy.
func (d *painter) objTeddy(pr product, cx, base, s float32) {
	col := pr.col
	d.teddy(cx, base, s, col)
}

// objRobot draws a robot.
func (d *painter) objRobot(pr product, cx, base, s float32) {
	col := pr.col
	d.robot(cx, base, s, col)
}

// objGeneric draws something the canvas has no shape for.
func (d *painter) objGeneric(pr product, cx, base, s float32) {
	col := pr.col
	g := pr.gloss
	// Something the canvas has no shape for: a pleasing rounded box
	// or a vase, in its colour.
	h := fnv.New32a()
	h.Write([]byte(pr.noun))
	if h.Sum32()%2 == 0 {
		w, hh := s*0.9, s*0.8
		d.shadow(cx, base, w*0.6)
		d.box3d(cx-w/2, base, w, hh, s*0.3, col, s*0.12)
	} else {
		d.shadow(cx, base, s*0.4)
		d.lathe(cx, base, s*1.0, [][2]float32{{0, 0.26 * s}, {0.35, 0.4 * s}, {0.75, 0.3 * s}, {1, 0.18 * s}}, col, g, topLid)
	}
}

package canvas

import (
	"hash/fnv"
	"math"
	"strings"

	"github.com/easel-art/easel"
)

// product is what a still life or product shot shows: one everyday object
// on the surface the words name, in the colour they give it.
type product struct {
	shape   string // teddy, robot, mug, cup, teapot, bottle, vase, bowl, jar, candle, lamp, plant, hat, shoe, boot, bag, backpack, suitcase, wallet, box, gift, book, clock, watch, phone, laptop, headphones, camera, speaker, glasses, perfume, chair, generic
	col     rgb    // the object's own colour
	glass   bool   // see-through and glossy
	gloss   float32
	surface string // wood, marble, white, backdrop, bench, shelf, concrete
	bg      rgb    // a backdrop's colour
	noun    string
	window  bool // the words put it by a window: the wall behind has one
}

// productShapes maps words of an object's noun to the shape that draws it,
// most specific first.
var productShapes = []struct{ word, shape string }{
	{"teddy", "teddy"}, {"plush", "teddy"}, {"stuffed", "teddy"}, {"toy robot", "robot"}, {"robot", "robot"},
	{"perfume", "perfume"}, {"cologne", "perfume"}, {"lotion", "bottle"}, {"skincare", "bottle"}, {"cosmetic", "perfume"},
	{"lipstick", "candle"}, {"soap", "box"},
	{"teapot", "teapot"}, {"coffee pot", "teapot"}, {"kettle", "teapot"}, {"teacup", "cup"}, {"coffee cup", "cup"},
	{"sunglasses", "glasses"}, {"eyeglasses", "glasses"}, {"spectacles", "glasses"},
	{"mug", "mug"}, {"cup", "cup"}, {"tumbler", "jar"}, {"glass", "jar"}, {"goblet", "vase"},
	{"wine bottle", "bottle"}, {"water bottle", "bottle"}, {"bottle", "bottle"}, {"flask", "bottle"},
	{"pitcher", "teapot"}, {"jug", "vase"}, {"urn", "vase"}, {"vase", "vase"}, {"pottery", "vase"},
	{"bowl", "bowl"}, {"jar", "jar"}, {"tin", "jar"},
	{"candle", "candle"}, {"lamp", "lamp"},
	{"plant", "plant"}, {"succulent", "plant"}, {"cactus", "plant"}, {"bonsai", "plant"}, {"flowerpot", "plant"}, {"pot", "plant"},
	{"hat", "hat"}, {"fedora", "hat"}, {"cap", "hat"}, {"beanie", "hat"},
	{"sneaker", "shoe"}, {"trainer", "shoe"}, {"shoe", "shoe"}, {"heel", "shoe"}, {"sandal", "shoe"}, {"loafer", "shoe"}, {"boot", "boot"},
	{"backpack", "backpack"}, {"rucksack", "backpack"}, {"suitcase", "suitcase"}, {"wallet", "wallet"}, {"clutch", "wallet"},
	{"handbag", "bag"}, {"purse", "bag"}, {"tote", "bag"}, {"satchel", "bag"}, {"bag", "bag"},
	{"gift", "gift"}, {"present", "gift"}, {"box", "box"}, {"package", "box"}, {"parcel", "box"}, {"crate", "box"},
	{"book", "book"}, {"notebook", "book"}, {"journal", "book"}, {"diary", "book"}, {"novel", "book"},
	{"watch", "watch"}, {"clock", "clock"},
	{"headphone", "headphones"}, {"earbud", "speaker"}, {"phone", "phone"}, {"tablet", "phone"}, {"laptop", "laptop"},
	{"camera", "camera"}, {"speaker", "speaker"}, {"sunglasses", "glasses"}, {"glasses", "glasses"},
	{"chair", "chair"}, {"stool", "chair"},
	{"necklace", "beads"}, {"bracelet", "beads"}, {"pendant", "beads"}, {"jewel", "beads"}, {"earring", "beads"},
	{"dress", "dress"}, {"gown", "dress"}, {"kimono", "dress"}, {"skirt", "skirt"},
	{"jeans", "trousers"}, {"trousers", "trousers"}, {"pants", "trousers"}, {"shorts", "trousers"},
	{"hoodie", "top"}, {"sweat", "top"}, {"shirt", "top"}, {"tee", "top"}, {"blouse", "top"}, {"jumper", "top"},
	{"cardigan", "top"}, {"blazer", "top"}, {"jacket", "top"}, {"coat", "top"}, {"parka", "top"}, {"suit", "top"},
	{"coffee", "mug"}, {"latte", "cup"}, {"cappuccino", "cup"}, {"espresso", "cup"}, {"tea", "cup"}, {"matcha", "cup"},
}

// categoryShapes draw an object by its WordNet category when no word of
// its noun names a shape.
var categoryShapes = map[string]string{
	"container": "jar", "device": "box", "tool": "box", "clothing": "top",
	"jewelry": "beads", "furniture": "chair", "instrument": "box", "weapon": "box",
}

// materials colour an object the words describe by what it is made of.
var materials = map[string]rgb{
	"ceramic": hex("#eee6d8"), "porcelain": hex("#f4f2ee"), "stoneware": hex("#a89a84"), "terracotta": hex("#c0643a"),
	"clay": hex("#b8704a"), "leather": hex("#7a4a2a"), "suede": hex("#9a6a4a"), "straw": hex("#e0c07a"),
	"wooden": hex("#9a6a3a"), "wood": hex("#9a6a3a"), "glass": hex("#a8d4cc"), "brass": hex("#c8a048"),
	"steel": hex("#b8c0c8"), "stainless": hex("#c0c8d0"), "metal": hex("#a8b0b8"), "chrome": hex("#d0d8e0"),
	"denim": hex("#3a5a8a"), "canvas": hex("#d8ccb0"), "wicker": hex("#c8a060"), "rattan": hex("#c8a060"),
	"velvet": hex("#7a2a4a"), "marble": hex("#e8e6e2"), "concrete": hex("#9a9a96"), "bamboo": hex("#c8b070"),
}

// fashionColours are colour words of catalogues the palette does not
// name.
var fashionColours = map[string]rgb{
	"beige": hex("#d8c8a8"), "cream": hex("#f0e8d4"), "ivory": hex("#f4efe2"), "tan": hex("#c09a6a"),
	"camel": hex("#c0965a"), "khaki": hex("#b0a070"), "olive": hex("#6a7038"), "burgundy": hex("#6a1a2a"),
	"maroon": hex("#6a1a22"), "charcoal": hex("#3a3c40"), "mustard": hex("#d0a020"), "pearl": hex("#f0ece4"),
	"sage": hex("#9ab08a"), "blush": hex("#f0c0b8"), "taupe": hex("#a09080"), "denim": hex("#3a5a8a"),
}

// namedColour returns the colour a word names, from the palette or the
// catalogue's words.
func namedColour(w string) (rgb, bool) {
	if c, ok := paletteColours[w]; ok {
		return c, true
	}
	c, ok := fashionColours[w]
	return c, ok
}

// shapeColours is an object's colour when the words give none.
var shapeColours = map[string][]rgb{
	"mug": {hex("#eee6d8"), hex("#2a4a6a"), hex("#c8583a")}, "cup": {hex("#f4f2ee"), hex("#dfe8e4")},
	"teapot": {hex("#f0ece4"), hex("#3a6a5a"), hex("#b84a3a")}, "bottle": {hex("#2a6a3a"), hex("#8a5a2a"), hex("#a8d4cc")},
	"vase": {hex("#2a5a8a"), hex("#e8e0d0"), hex("#3a7a6a")}, "bowl": {hex("#eee6d8"), hex("#3a5a7a")},
	"jar": {hex("#a8d4cc"), hex("#e8c070")}, "candle": {hex("#f2ead8")}, "lamp": {hex("#f0e6d0"), hex("#2a4a5a")},
	"plant": {hex("#c0643a"), hex("#eee6d8")}, "hat": {hex("#e0c07a"), hex("#3a3a3a")},
	"shoe": {hex("#f2f2f0"), hex("#2a2a2e")}, "boot": {hex("#6a3e22")}, "bag": {hex("#7a4a2a"), hex("#c83a3a")},
	"backpack": {hex("#2a3a5a"), hex("#c8583a"), hex("#3a5a3a")}, "suitcase": {hex("#2a3a4a"), hex("#b8843a")},
	"wallet": {hex("#6a3e22")}, "box": {hex("#c8a070"), hex("#f0ece4")}, "gift": {hex("#c82a3a"), hex("#2a6a4a")},
	"book": {hex("#8a2a2a"), hex("#2a4a6a"), hex("#3a5a3a")}, "clock": {hex("#c83a3a"), hex("#2a6a8a")},
	"watch": {hex("#c0c8d0")}, "phone": {hex("#1e1e24")}, "laptop": {hex("#c0c4c8")}, "headphones": {hex("#1e1e24"), hex("#e8e4dc")},
	"camera": {hex("#2a2a2e")}, "speaker": {hex("#3a3a40"), hex("#d8d0c4")}, "glasses": {hex("#1e1e24")},
	"perfume": {hex("#f0c8d0"), hex("#e8c070")}, "chair": {hex("#9a6a3a"), hex("#d8d0c4")},
	"beads": {hex("#f0ece4"), hex("#d8b050")},
	"top":   {hex("#f2f0ea"), hex("#2a3a5a"), hex("#8a8a86")}, "dress": {hex("#c83a4a"), hex("#2a2a30")},
	"skirt": {hex("#2a2a30"), hex("#c8a070")}, "trousers": {hex("#3a5a8a")},
	"teddy": {hex("#a8744a"), hex("#c89a64"), hex("#8a5a3a")}, "robot": {hex("#c0c8d0"), hex("#d84a3a"), hex("#3a7ab8")},
	"generic": {hex("#c8583a"), hex("#3a6a8a"), hex("#e8c070"), hex("#5a8a6a")},
}

// productScene reports whether the Scene is one object to show, and what.
func productScene(s *easel.Scene, p *plan) (product, bool) {
	var pr product
	switch {
	case p.el["object"] && (p.main == "object" || p.main == "table" || p.main == "" && !p.el["window"]):
		// ("a library full of books" is a room, not a book.)
	case p.el["object"] && (p.main == "flowers" || p.main == "sunflowers") && holdsFlowers(s.Subjects):
		// "a vase of sunflowers": the vase, with its flowers.
	case p.main == "bowl" && !p.el["food"] && !hasWord(p.words, "fruit"):
		// An empty bowl is a piece of pottery to show.
	case p.el["table"] && !p.el["bowl"] && !p.el["food"] && (p.main == "table" || p.main == "") && drinkWord(p.words) != "":
		// "a cup of coffee": the drink's cup.
	case p.main == "table" && !p.el["food"] && len(s.Subjects) > 0 && categoryShapes[s.Subjects[0].Category] != "":
		// "an old typewriter", "a guitar": a thing WordNet calls a
		// device, an instrument, a container... shown on the table.
	case p.kind == "landscape" && len(s.Subjects) > 0 && s.Subjects[0].Element == "" && surfaceOf(p.words) != "" && !hasAny(p.el, landscapeElements...):
		// An object the lexicon does not know, shown on a surface.
	default:
		return pr, false
	}
	sub := easel.Subject{}
	for _, x := range s.Subjects {
		if x.Element == "object" || x.Element == "bowl" {
			sub = x
			break
		}
	}
	if sub.Noun == "" && len(s.Subjects) > 0 {
		sub = s.Subjects[0]
	}
	if sub.Noun == "" {
		// A Scene written by hand or by an LLM may only say "a red mug".
		sub.Noun = s.Subject
	}
	pr.noun = strings.ToLower(sub.Noun)
	pr.shape = "generic"
	for _, ps := range productShapes {
		if strings.Contains(pr.noun, ps.word) {
			pr.shape = ps.shape
			break
		}
	}
	if len(sub.Adjectives) == 0 {
		// No adjectives parsed: a colour said in the noun phrase still
		// colours the object.
		for _, w := range strings.Fields(pr.noun) {
			if _, ok := namedColour(w); ok {
				sub.Adjectives = append(sub.Adjectives, w)
			}
		}
	}
	if pr.shape == "generic" {
		// A thing the shapes do not name: the shape of its WordNet
		// category ("a typewriter" is a device: a box with its details).
		pr.shape = categoryShapes[sub.Category]
		if pr.shape == "" {
			pr.shape = "generic"
		}
	}
	if pr.shape == "generic" {
		if w := drinkWord(p.words); w != "" {
			pr.shape = map[bool]string{true: "mug", false: "cup"}[w == "coffee"]
		}
	}
	h := fnv.New32a()
	h.Write([]byte(pr.noun))
	pick := int(h.Sum32()>>3) + int(p.look.extras)
	defs := shapeColours[pr.shape]
	pr.col = defs[pick%len(defs)]
	pr.gloss = 0.35
	said := false
	if c, ok := factColour(&sub); ok {
		pr.col, said = c, true
	}
	for _, a := range sub.Adjectives {
		a = strings.ToLower(a)
		if c, ok := materials[a]; ok && !said {
			pr.col = c
		}
		if c, ok := namedColour(a); ok {
			pr.col, said = c, true
		}
		switch a {
		case "glass", "crystal":
			pr.glass, pr.gloss = true, 0.8
		case "leather", "suede", "canvas", "straw", "wooden", "wicker", "velvet", "denim", "terracotta", "stoneware", "clay":
			pr.gloss = 0.12
		case "ceramic", "porcelain", "glossy", "chrome", "steel", "stainless":
			pr.gloss = 0.6
		}
	}
	if strings.Contains(pr.noun, "straw") {
		pr.col, pr.gloss = hex("#e0c07a"), 0.05
	}
	pr.surface = surfaceOf(p.words)
	pr.window = hasWord(p.words, "window") || hasWord(p.words, "windowsill") || p.el["window"]
	if pr.surface == "" {
		// Nothing named: a studio sweep or a table by the window, as the
		// seed frames it.
		pr.surface = []string{"backdrop", "wood", "white", "backdrop"}[pick%4]
	}
	pr.bg = hex("#d8d4cc")
	if pr.surface == "backdrop" {
		pr.bg = []rgb{hex("#c8ccd0"), hex("#d8cfc2"), hex("#b8c4bc")}[(pick/4)%3]
	}
	// "on a pink background": the backdrop takes the colour said of it.
	for _, w := range strings.Fields(p.words) {
		c, ok := namedColour(w)
		if !ok || !(hasWord(p.words, w+" background") || hasWord(p.words, w+" backdrop")) {
			continue
		}
		pr.bg = c.mix(rgb{1, 1, 1}, 0.35)
		if w != "white" {
			pr.surface = "backdrop"
		}
	}
	return pr, true
}

// holdsFlowers reports whether an object among subjects is a vessel that
// flowers stand in.
func holdsFlowers(subjects []easel.Subject) bool {
	for _, x := range subjects {
		if x.Element != "object" {
			continue
		}
		for _, w := range []string{"vase", "jar", "jug", "pot", "bottle", "pitcher", "urn"} {
			if strings.Contains(strings.ToLower(x.Noun), w) {
				return true
			}
		}
	}
	return false
}

// drinkWord returns the drink the words name, if any.
func drinkWord(words string) string {
	for _, w := range []string{"coffee", "latte", "cappuccino", "espresso", "tea", "matcha", "chai", "cocoa"} {
		if hasWord(words, w) {
			return w
		}
	}
	return ""
}

// surfaceOf names the surface the words put an object on.
func surfaceOf(words string) string {
	for _, s := range []struct{ w, surface string }{
		{"white background", "white"}, {"plain background", "white"}, {"seamless", "white"}, {"isolated", "white"},
		{"marble", "marble"}, {"counter", "marble"}, {"bench", "bench"}, {"shelf", "shelf"}, {"mantel", "shelf"},
		{"concrete", "concrete"}, {"background", "backdrop"}, {"backdrop", "backdrop"}, {"studio", "backdrop"},
		{"bed", "bed"}, {"sofa", "bed"}, {"couch", "bed"}, {"blanket", "bed"}, {"pillow", "bed"},
		{"product", "white"}, {"table", "wood"}, {"desk", "wood"}, {"wooden", "wood"}, {"tabletop", "wood"},
		{"window", "wood"}, {"cafe", "wood"}, {"kitchen", "marble"}, {"bathroom", "marble"},
	} {
		if hasWord(words, s.w) || strings.Contains(words, " "+s.w) {
			return s.surface
		}
	}
	return ""
}

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
	if pr.surface != "bed" && pr.surface != "white" && pr.surface != "backdrop" && pr.surface != "bench" {
		d.productWindow(top, dim)
	}
	// Soft light from the window on the left (the look may mirror it);
	// on a wall, the window's own patch of light, where the seed puts it.
	if pr.surface != "white" {
		d.glow(W*0.12, top*0.45, W*0.35, hex("#fff2dc"), 0.22*dim)
	}
	if pr.surface != "white" && pr.surface != "backdrop" && pr.surface != "bench" && !p.lt.night && !pr.window {
		wx := W * between(-0.1, 0.7, (p.look.cloud-0.55)/1.05)
		ww := W * between(0.25, 0.45, p.look.cloudScale-0.7)
		d.poly(wx, top*0.08, wx+ww, top*0.02, wx+ww*1.25, top, wx+ww*0.25, top)
		d.fillNoInk(paint{col: hex("#fff0d8"), alpha: 0.16})
		d.fillRect(wx+ww*0.55, top*0.05, wx+ww*0.6, top, rgb{0, 0, 0}, 0.05)
	}
	// The object stands on the surface where the seed frames it: on a
	// third or near the middle, near or further off; a small plant may keep
	// it company, a linen cloth or a low podium may lift it.
	zk := between(0.8, 1.25, (p.look.zoom-0.78)/0.54)
	s := min(W, H) * 0.34 * zk
	cx := W * between(0.34, 0.66, p.look.sunX)
	base := top + (H-top)*between(0.3, 0.6, p.look.shore)
	if pr.surface == "shelf" {
		base = top + (H-top)*0.5
	}
	side := float32(1) // where the company goes: the other side of the frame
	if cx > W/2 {
		side = -1
	}
	hangs := pr.shape == "top" || pr.shape == "dress" || pr.shape == "skirt" || pr.shape == "trousers"
	switch {
	case hangs:
		// Clothes hang alone, as a catalogue shows them.
	case p.look.extras == 1 && pr.shape != "plant" && pr.shape != "chair":
		// A small companion: a plant, a little bowl or a candle.
		comp := []product{{shape: "plant", col: hex("#c0643a"), gloss: 0.1}, {shape: "bowl", col: hex("#e8e0d2"), gloss: 0.5},
			{shape: "candle", col: hex("#f2ead8")}}[int(p.look.sunY*100)%3]
		if comp.shape == pr.shape {
			comp = product{shape: "plant", col: hex("#eee6d8"), gloss: 0.3}
		}
		d.object(comp, cx+side*s*1.15, base-(H-top)*0.08, s*0.5)
	case p.look.extras == 2 && (pr.surface == "white" || pr.surface == "backdrop"):
		// A low round podium.
		pc := pr.bg.mix(rgb{1, 1, 1}, 0.5)
		if pr.surface == "white" {
			pc = hex("#ecebe8")
		}
		d.shadow(cx, base+s*0.05, s*0.9)
		d.lathe(cx, base+s*0.1, s*0.22, [][2]float32{{0, 0.85 * s}, {1, 0.85 * s}}, pc, 0.1, topLid)
		base -= s * 0.12
	case p.look.extras == 2 && pr.surface != "bed":
		// A folded linen cloth under the object.
		lin := hex("#ece4d4").scale(dim)
		d.poly(cx-s*1.1, base+s*0.2, cx+s*0.9, base+s*0.28, cx+s*1.2, base-s*0.18, cx-s*0.7, base-s*0.26)
		d.fill(vgrad(lin, lin.scale(0.85), base-s*0.26, base+s*0.28))
		d.line(cx-s*0.9, base+s*0.05, cx+s*1.05, base+s*0.1, 2*d.u)
		d.fillNoInk(paint{col: lin.scale(0.7), alpha: 0.6})
	}
	d.object(pr, cx, base, s)
	if p.lt.night && pr.shape != "candle" && pr.shape != "lamp" {
		d.glow(cx-s, base-s, s*1.2, warmLight, 0.12)
	}
}

// productWindow paints the window the words put the object by ("a cup of
// tea by the window") in the wall behind it: the sky outside, a pale frame
// with its bars and sill, and the light it lets in. The seed places it.
func (d *painter) productWindow(top, dim float32) {
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

// teddy draws a sitting teddy bear: round plush parts, lit from the left,
// with paler paws, ears and muzzle.
func (d *painter) teddy(cx, base, s float32, col rgb) {
	d.shadow(cx, base, s*0.6)
	pad := col.mix(hex("#f2e2c8"), 0.55)
	part := func(x, y, rx, ry float32, c rgb) {
		d.ellipse(x, y, rx, ry)
		pt := vgrad(c.scale(1.1), c.scale(0.7), y-ry, y+ry)
		pt.tex, pt.texAmt, pt.texScale = texNoise, 0.14, 3*d.u
		d.fill(pt)
		d.ellipse(x-rx*0.3, y-ry*0.32, rx*0.5, ry*0.45)
		d.fillNoInk(paint{col: c.scale(1.3), alpha: 0.22})
	}
	// Arms behind the body's edge, legs stretched towards the viewer.
	part(cx-s*0.34, base-s*0.48, s*0.12, s*0.2, col)
	part(cx+s*0.34, base-s*0.48, s*0.12, s*0.2, col)
	part(cx, base-s*0.42, s*0.32, s*0.36, col)
	d.ellipse(cx, base-s*0.38, s*0.19, s*0.22)
	d.fillNoInk(paint{col: pad, alpha: 0.55})
	for _, sx := range []float32{-1, 1} {
		part(cx+sx*s*0.24, base-s*0.13, s*0.16, s*0.13, col)
		part(cx+sx*s*0.27, base-s*0.12, s*0.08, s*0.09, pad)
	}
	hy := base - s*0.98
	for _, sx := range []float32{-1, 1} {
		part(cx+sx*s*0.2, hy-s*0.2, s*0.1, s*0.1, col)
		d.disc(cx+sx*s*0.2, hy-s*0.19, s*0.05, pad, 1, false)
	}
	part(cx, hy, s*0.27, s*0.25, col)
	part(cx, hy+s*0.08, s*0.12, s*0.09, pad)
	eye := hex("#1a1410")
	d.ellipse(cx, hy+s*0.04, s*0.045, s*0.03)
	d.fillNoInk(solid(eye))
	d.line(cx, hy+s*0.06, cx, hy+s*0.12, max(1.5*d.u, 0.8))
	d.fillNoInk(solid(eye))
	for _, sx := range []float32{-1, 1} {
		d.disc(cx+sx*s*0.1, hy-s*0.06, s*0.028, eye, 1, false)
		d.disc(cx+sx*s*0.1-s*0.01, hy-s*0.07, s*0.008, rgb{1, 1, 1}, 0.8, false)
	}
}

// robot draws a toy robot: a boxy body and head, round eyes, an antenna.
func (d *painter) robot(cx, base, s float32, col rgb) {
	d.shadow(cx, base, s*0.45)
	grey := hex("#5a5e66")
	for _, sx := range []float32{-1, 1} {
		d.box3d(cx+sx*s*0.14-s*0.07, base, s*0.14, s*0.22, s*0.08, grey, s*0.02)
		d.box3d(cx+sx*s*0.36-s*0.05, base-s*0.32, s*0.1, s*0.3, s*0.08, grey, s*0.02)
	}
	d.box3d(cx-s*0.28, base-s*0.2, s*0.56, s*0.46, s*0.18, col, s*0.05)
	d.fillRect(cx-s*0.14, base-s*0.52, cx+s*0.14, base-s*0.36, grey, 0.8)
	for i := 0; i < 3; i++ {
		d.disc(cx-s*0.08+float32(i)*s*0.08, base-s*0.44, s*0.025, []rgb{hex("#e84a3a"), hex("#f8d040"), hex("#4ac87a")}[i], 1, false)
	}
	d.box3d(cx-s*0.2, base-s*0.68, s*0.4, s*0.3, s*0.14, col, s*0.06)
	hy := base - s*0.84
	for _, sx := range []float32{-1, 1} {
		d.disc(cx+sx*s*0.09, hy, s*0.06, hex("#1e1e24"), 1, false)
		d.disc(cx+sx*s*0.09, hy, s*0.035, hex("#8ae0ff"), 1, false)
	}
	d.line(cx, base-s*0.98, cx, base-s*1.12, max(2*d.u, 1))
	d.fillNoInk(solid(grey))
	d.disc(cx, base-s*1.13, s*0.035, hex("#e84a3a"), 1, false)
}

// shadow lays a soft shadow of an object of half-width r at (cx, base),
// falling away from the light.
func (d *painter) shadow(cx, base, r float32) {
	// Darker under the object, fading smoothly outwards: an elliptical
	// falloff computed per pixel, with no rings.
	cx += r * 0.2
	rx, ry := r*1.6, r*0.4
	x0, x1 := max(int(cx-rx), 0), min(int(cx+rx)+1, d.w)
	y0, y1 := max(int(base-ry), 0), min(int(base+ry)+1, d.h)
	if x1 <= x0 || y1 <= y0 {
		return
	}
	d.rows(y0, y1, func(ya, yb int) {
		for y := ya; y < yb; y++ {
			dy := (float32(y) + 0.5 - base) / ry
			for x := x0; x < x1; x++ {
				dx := (float32(x) + 0.5 - cx) / rx
				q := dx*dx + dy*dy
				if q >= 1 {
					continue
				}
				// Dense near the middle (the contact), soft at the rim.
				k := 1 - 0.55*(1-q)*(1-q) - 0.2*(1-q)
				i := (y*d.w + x) * 3
				d.pix[i] *= k
				d.pix[i+1] *= k
				d.pix[i+2] *= k
			}
		}
	})
}

// strokeOpen strokes the current open polyline as thick segments.
func (d *painter) strokeOpen(w float32, col rgb, alpha float32) {
	pts := append([]vec(nil), d.pts...)
	d.clearPath()
	for i := 1; i < len(pts); i++ {
		d.line(pts[i-1].x, pts[i-1].y, pts[i].x, pts[i].y, w)
	}
	d.fillNoInk(paint{col: col, alpha: alpha})
}

// arc strokes part of an ellipse from angle a0 to a1 (radians, 0 is to the
// right, positive is down).
func (d *painter) arc(cx, cy, rx, ry, a0, a1, w float32, col rgb) {
	const n = 18
	px, py := cx+rx*cos32(a0), cy+ry*sin32(a0)
	for i := 1; i <= n; i++ {
		a := a0 + (a1-a0)*float32(i)/n
		x, y := cx+rx*cos32(a), cy+ry*sin32(a)
		d.line(px, py, x, y, w)
		d.disc(x, y, w/2, col, 1, false)
		px, py = x, y
	}
	d.fillNoInk(solid(col))
}

func cos32(a float32) float32 { return float32(math.Cos(float64(a))) }
func sin32(a float32) float32 { return float32(math.Sin(float64(a))) }

// shade is the light a surface facing angle th (0 towards the viewer,
// negative to the left, where the light is) receives.
func shade(col rgb, th, gloss float32) rgb {
	l := 0.42 + 0.7*max(cos32(th+0.75), 0)
	c := col.scale(l)
	if gloss > 0 {
		sp := float32(math.Pow(float64(max(cos32(th+0.55), 0)), 24)) * gloss
		c = c.mix(rgb{1, 1, 1}, min(sp, 0.9))
	}
	return c
}

// lathe draws a solid of revolution seen from a little above: prof lists
// (height, radius) pairs from the base (0) up to the top (1), in units of
// s. top says how the top ends: topOpen shows the inside, topLid closes
// it, topNone leaves it to what is drawn over it (a band, a label).
func (d *painter) lathe(cx, base, height float32, prof [][2]float32, col rgb, gloss float32, top int) {
	const e = 0.22 // how far the circles open into ellipses
	const n = 24
	y := func(t, r, th float32) float32 { return base - t*height + e*r*cos32(th) }
	// The silhouette first, so no seam shows between the slices.
	d.moveTo(cx+prof[0][1]*sin32(-math.Pi/2), y(prof[0][0], prof[0][1], -math.Pi/2))
	for k := 0; k <= n; k++ {
		th := -math.Pi/2 + math.Pi*float32(k)/n
		d.lineTo(cx+prof[0][1]*sin32(th), y(prof[0][0], prof[0][1], th))
	}
	for i := len(prof) - 1; i >= 0; i-- {
		d.lineTo(cx+prof[i][1], y(prof[i][0], prof[i][1], math.Pi/2))
	}
	for i := range prof {
		d.lineTo(cx-prof[i][1], y(prof[i][0], prof[i][1], -math.Pi/2))
	}
	d.fill(solid(col.scale(0.55)))
	for k := 0; k < n; k++ {
		a := -math.Pi/2 + math.Pi*float32(k)/n
		b := -math.Pi/2 + math.Pi*float32(k+1)/n
		for i := range prof {
			d.lineTo(cx+prof[i][1]*sin32(a), y(prof[i][0], prof[i][1], a))
		}
		for i := len(prof) - 1; i >= 0; i-- {
			d.lineTo(cx+prof[i][1]*sin32(b), y(prof[i][0], prof[i][1], b))
		}
		c := shade(col, (a+b)/2, gloss)
		d.fillNoInk(vgrad(c.scale(1.06), c.scale(0.9), base-height, base))
	}
	tr := prof[len(prof)-1][1]
	tt := base - height
	if tr > 0 && top != topNone {
		d.ellipse(cx, tt, tr, e*tr)
		if top == topOpen {
			d.fill(solid(col.scale(0.78)))
			d.ellipse(cx, tt+e*tr*0.06, tr*0.9, e*tr*0.86)
			d.fillNoInk(vgrad(col.scale(0.3), col.scale(0.6), tt-e*tr, tt+e*tr))
		} else {
			d.fill(solid(shade(col, -0.4, 0).scale(1.12)))
		}
	}
}

const (
	topLid = iota
	topOpen
	topNone
)

// box3d draws a box whose front face spans x0..x1 at the base, seen a
// little from above and to the left.
func (d *painter) box3d(x0, base, w, h, depth float32, col rgb, round float32) {
	dx, dy := depth*0.55, -depth*0.45
	x1 := x0 + w
	// Side and top.
	d.poly(x1, base, x1+dx, base+dy, x1+dx, base-h+dy, x1, base-h)
	d.fill(solid(col.scale(0.55)))
	d.poly(x0, base-h, x1, base-h, x1+dx, base-h+dy, x0+dx, base-h+dy)
	d.fill(solid(col.scale(1.12)))
	d.roundRect(x0, base-h, x1, base, round)
	d.fill(vgrad(col.scale(0.98), col.scale(0.82), base-h, base))
}

// roundRect adds a rectangle with corners rounded by r.
func (d *painter) roundRect(x0, y0, x1, y1, r float32) {
	r = min(r, (x1-x0)/2, (y1-y0)/2)
	d.moveTo(x0+r, y0)
	d.lineTo(x1-r, y0)
	d.quadTo(x1, y0, x1, y0+r)
	d.lineTo(x1, y1-r)
	d.quadTo(x1, y1, x1-r, y1)
	d.lineTo(x0+r, y1)
	d.quadTo(x0, y1, x0, y1-r)
	d.lineTo(x0, y0+r)
	d.quadTo(x0, y0, x0+r, y0)
}

// object draws the product's shape standing on base, about s tall.
func (d *painter) object(pr product, cx, base, s float32) {
	col, g := pr.col, pr.gloss
	dark := col.scale(0.5)
	switch pr.shape {
	case "mug":
		d.shadow(cx, base, s*0.4)
		d.arc(cx+s*0.34, base-s*0.42, s*0.2, s*0.22, -math.Pi/2, math.Pi/2, s*0.08, shade(col, 0.6, 0))
		d.lathe(cx, base, s*0.85, [][2]float32{{0, 0.32 * s}, {1, 0.34 * s}}, col, g, topOpen)
		if drinkWord(d.p.words) != "" || strings.Contains(pr.noun, "coffee") {
			d.ellipse(cx, base-s*0.85+s*0.01, s*0.29, 0.22*s*0.28)
			d.fillNoInk(vgrad(hex("#3a2416"), hex("#6a4026"), base-s*0.9, base-s*0.8))
		}
	case "cup":
		d.shadow(cx, base, s*0.55)
		d.lathe(cx, base, s*0.05, [][2]float32{{0, 0.5 * s}, {1, 0.56 * s}}, col, g, topLid)
		d.arc(cx+s*0.34, base-s*0.3, s*0.13, s*0.13, -math.Pi/2, math.Pi/2, s*0.06, shade(col, 0.6, 0))
		d.lathe(cx, base-s*0.04, s*0.45, [][2]float32{{0, 0.18 * s}, {0.3, 0.28 * s}, {1, 0.38 * s}}, col, g, topOpen)
		d.ellipse(cx, base-s*0.49+s*0.01, s*0.33, 0.22*s*0.32)
		d.fillNoInk(vgrad(hex("#5a3418"), hex("#9a6434"), base-s*0.55, base-s*0.45))
	case "teapot":
		d.shadow(cx, base, s*0.5)
		d.arc(cx+s*0.45, base-s*0.42, s*0.2, s*0.24, -math.Pi/2, math.Pi/2, s*0.07, shade(col, 0.6, 0))
		d.poly(cx-s*0.35, base-s*0.35, cx-s*0.72, base-s*0.72, cx-s*0.66, base-s*0.76, cx-s*0.3, base-s*0.5)
		d.fill(solid(shade(col, -0.5, 0)))
		d.lathe(cx, base, s*0.7, [][2]float32{{0, 0.3 * s}, {0.2, 0.45 * s}, {0.5, 0.5 * s}, {0.8, 0.4 * s}, {1, 0.24 * s}}, col, g, topLid)
		d.lathe(cx, base-s*0.7, s*0.12, [][2]float32{{0, 0.2 * s}, {0.5, 0.08 * s}, {1, 0.06 * s}}, col, g, topLid)
	case "bottle", "perfume":
		if pr.shape == "perfume" {
			d.shadow(cx, base, s*0.4)
			w, h := s*0.62, s*0.6
			d.box3d(cx-w/2, base, w, h, s*0.14, col, s*0.06)
			d.ellipse(cx-w*0.2, base-h*0.6, w*0.12, h*0.3)
			d.fillNoInk(paint{col: rgb{1, 1, 1}, alpha: 0.35})
			d.lathe(cx+s*0.04, base-h-s*0.02, s*0.26, [][2]float32{{0, 0.12 * s}, {1, 0.12 * s}}, hex("#d8b060"), 0.7, topLid)
			break
		}
		d.shadow(cx, base, s*0.3)
		d.lathe(cx, base, s*1.4, [][2]float32{{0, 0.22 * s}, {0.58, 0.22 * s}, {0.7, 0.15 * s}, {0.78, 0.08 * s}, {1, 0.08 * s}}, col, max(g, 0.5), topLid)
		// A label and a cap.
		d.lathe(cx, base-s*0.3, s*0.42, [][2]float32{{0, 0.225 * s}, {1, 0.225 * s}}, hex("#efe8d8"), 0, topNone)
		d.lathe(cx, base-s*1.3, s*0.12, [][2]float32{{0, 0.085 * s}, {1, 0.085 * s}}, hex("#2a2a2a"), 0.4, topLid)
	case "vase":
		d.shadow(cx, base, s*0.4)
		if hasAny(d.p.el, "flowers", "sunflowers") || hasWord(d.p.words, "flowers") || hasWord(d.p.words, "tulips") || hasWord(d.p.words, "roses") {
			// Smaller, so the flowers above it stay in the frame.
			s *= 0.7
			d.bouquet(cx, base-s*1.2, s*1.3, d.p.el["sunflowers"])
		}
		d.lathe(cx, base, s*1.2, [][2]float32{{0, 0.22 * s}, {0.12, 0.34 * s}, {0.4, 0.4 * s}, {0.7, 0.22 * s}, {0.86, 0.15 * s}, {1, 0.21 * s}}, col, g, topOpen)
	case "bowl":
		d.shadow(cx, base, s*0.5)
		d.lathe(cx, base, s*0.42, [][2]float32{{0, 0.24 * s}, {0.4, 0.46 * s}, {1, 0.6 * s}}, col, g, topOpen)
	case "jar":
		d.shadow(cx, base, s*0.35)
		d.lathe(cx, base, s*0.8, [][2]float32{{0, 0.3 * s}, {0.9, 0.33 * s}, {1, 0.28 * s}}, col, max(g, 0.5), map[bool]int{true: topOpen, false: topLid}[pr.noun != "jar"])
		if strings.Contains(pr.noun, "jar") || strings.Contains(pr.noun, "tin") {
			d.lathe(cx, base-s*0.8, s*0.14, [][2]float32{{0, 0.3 * s}, {1, 0.3 * s}}, hex("#b8a070"), 0.5, topLid)
		}
	case "candle":
		d.shadow(cx, base, s*0.3)
		d.lathe(cx, base, s*0.8, [][2]float32{{0, 0.28 * s}, {1, 0.28 * s}}, col, 0.1, topLid)
		d.line(cx, base-s*0.8, cx, base-s*0.88, 3*d.u)
		d.fillNoInk(solid(hex("#2a2a2a")))
		d.glow(cx, base-s*0.95, s*0.2, warmLight, 0.5)
		d.moveTo(cx, base-s*1.12)
		d.quadTo(cx+s*0.07, base-s*0.95, cx, base-s*0.87)
		d.quadTo(cx-s*0.07, base-s*0.95, cx, base-s*1.12)
		d.fillNoInk(solid(hex("#ffe8a0")))
	case "lamp":
		d.shadow(cx, base, s*0.35)
		d.lathe(cx, base, s*0.95, [][2]float32{{0, 0.28 * s}, {0.06, 0.28 * s}, {0.1, 0.06 * s}, {1, 0.05 * s}}, hex("#c8a060"), 0.6, topLid)
		d.glow(cx, base-s*0.95, s*0.5, warmLight, 0.35)
		d.lathe(cx, base-s*0.8, s*0.55, [][2]float32{{0, 0.5 * s}, {1, 0.3 * s}}, col, 0, topLid)
	case "plant":
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
		} else {
			d.leaves(cx, base-s*0.5, s)
		}
		d.lathe(cx, base, s*0.55, [][2]float32{{0, 0.24 * s}, {0.9, 0.34 * s}, {1, 0.36 * s}}, col, g, topOpen)
	case "hat":
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
	case "shoe", "boot":
		d.shoe(cx, base, s, col, pr.shape == "boot", strings.Contains(pr.noun, "sneaker") || strings.Contains(pr.noun, "trainer"))
	case "bag":
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
	case "backpack":
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
	case "suitcase", "wallet", "box", "gift":
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
	case "book":
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
	case "clock", "watch":
		r := s * 0.42
		cy := base - r*1.05
		if pr.shape == "watch" {
			r = s * 0.3
			d.roundRect(cx-r*0.55, cy-r*2.2, cx+r*0.55, base, r*0.2)
			d.fill(vgrad(hex("#6a3e22"), hex("#3a2212"), cy-r*2.2, base))
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
	case "phone", "laptop":
		if pr.shape == "laptop" {
			w := s * 1.5
			d.shadow(cx, base, w*0.5)
			d.poly(cx-w/2, base, cx+w/2, base, cx+w*0.42, base-s*0.22, cx-w*0.42, base-s*0.22)
			d.fill(vgrad(col.scale(1.05), col.scale(0.8), base-s*0.22, base))
			d.roundRect(cx-w*0.42, base-s*1.05, cx+w*0.42, base-s*0.22, s*0.03)
			d.fill(solid(hex("#1e1e24")))
			d.rect(cx-w*0.39, base-s*1.0, cx+w*0.39, base-s*0.26)
			d.fillNoInk(vgrad(hex("#4a7ac8"), hex("#c86a9a"), base-s, base-s*0.26))
			break
		}
		w, h := s*0.55, s*1.1
		d.shadow(cx, base, w*0.6)
		d.roundRect(cx-w/2, base-h, cx+w/2, base, w*0.14)
		d.fill(solid(col))
		d.roundRect(cx-w*0.44, base-h*0.96, cx+w*0.44, base-h*0.04, w*0.1)
		d.fillNoInk(vgrad(hex("#3a6ad0"), hex("#d86a9a"), base-h, base))
		d.poly(cx-w*0.44, base-h*0.96, cx+w*0.1, base-h*0.96, cx-w*0.44, base-h*0.4)
		d.fillNoInk(paint{col: rgb{1, 1, 1}, alpha: 0.14})
	case "headphones":
		d.shadow(cx, base, s*0.6)
		r := s * 0.5
		d.arc(cx, base-s*0.45, r, r*1.05, math.Pi*1.02, math.Pi*1.98, s*0.08, shade(col, -0.3, 0.2))
		for _, sx := range []float32{-1, 1} {
			d.ellipse(cx+sx*r, base-s*0.3, s*0.16, s*0.26)
			d.fill(vgrad(shade(col, sx*0.7, g), col.scale(0.5), base-s*0.56, base-s*0.04))
		}
	case "camera":
		w, h := s*1.1, s*0.65
		d.shadow(cx, base, w*0.55)
		d.box3d(cx-w/2, base, w, h, s*0.25, col, s*0.06)
		d.fillRect(cx-w*0.4, base-h-s*0.1, cx-w*0.15, base-h, col.scale(0.8), 1)
		d.disc(cx, base-h*0.5, h*0.4, hex("#b8bcc0"), 1, false)
		d.disc(cx, base-h*0.5, h*0.32, hex("#1a1a20"), 1, false)
		d.disc(cx-h*0.1, base-h*0.6, h*0.1, hex("#6a8ab8"), 0.7, false)
	case "speaker":
		d.shadow(cx, base, s*0.4)
		d.lathe(cx, base, s*0.9, [][2]float32{{0, 0.33 * s}, {1, 0.33 * s}}, col, 0.1, topLid)
		for i := 1; i < 8; i++ {
			y := base - s*0.9*float32(i)/8
			d.fillRect(cx-s*0.25, y, cx+s*0.25, y+1.5*d.u, col.scale(0.6), 0.6)
		}
	case "glasses":
		d.shadow(cx, base, s*0.7)
		for _, sx := range []float32{-1, 1} {
			d.ellipse(cx+sx*s*0.32, base-s*0.25, s*0.26, s*0.2)
			d.fill(solid(col))
			d.ellipse(cx+sx*s*0.32, base-s*0.25, s*0.22, s*0.16)
			d.fillNoInk(vgrad(hex("#3a4a5a"), hex("#1a1a22"), base-s*0.45, base-s*0.05))
		}
		d.line(cx-s*0.08, base-s*0.3, cx+s*0.08, base-s*0.3, s*0.05)
		d.fillNoInk(solid(col))
	case "chair":
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
	case "top", "dress", "skirt", "trousers":
		d.garment(pr, cx, base, s)
	case "beads":
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
	case "teddy":
		d.teddy(cx, base, s, col)
	case "robot":
		d.robot(cx, base, s, col)
	default:
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
	_ = dark
}

// bouquet puts a few flowers on stems above a vase's mouth.
func (d *painter) bouquet(cx, top, s float32, sunflowers bool) {
	cols := []rgb{hex("#e84a6a"), hex("#f8d040"), hex("#f4f0f0"), hex("#e87a3a")}
	if sunflowers {
		cols = []rgb{hex("#f2c21a"), hex("#f8d040"), hex("#e8a81a")}
	}
	// "five purple tulips": five heads, all purple.
	fl := d.p.subjectOf("flowers")
	if c, ok := colourOf(fl); ok {
		cols = []rgb{c, c.scale(0.9), c.scale(1.1)}
	}
	n := countOf(fl, 9)
	// Each flower's stem runs from the vase's mouth to its head.
	var all [maxCount][2]float32
	heads := all[:n]
	for i := range heads {
		heads[i] = [2]float32{cx + d.rnd(-0.5, 0.5)*s, top - d.rnd(0.2, 0.6)*s}
		d.line(cx+(heads[i][0]-cx)*0.15, top+s*0.1, heads[i][0], heads[i][1], 3*d.u)
	}
	d.fillNoInk(solid(hex("#3a6a2a")))
	for _, hd := range heads {
		x, y := hd[0], hd[1]
		c := cols[d.rng.IntN(len(cols))]
		d.disc(x, y, s*0.12, c, 1, false)
		d.disc(x, y, s*0.04, hex("#6a4a1a"), 1, false)
	}
}

// leaves grows a houseplant's leaves from (cx, y).
func (d *painter) leaves(cx, y, s float32) {
	greens := []rgb{hex("#2f7a3a"), hex("#4a9a4a"), hex("#236a30"), hex("#5aaa5a")}
	for i := 0; i < 11; i++ {
		a := -math.Pi/2 + (float32(i)/10-0.5)*2.4 + d.rnd(-0.15, 0.15)
		l := s * d.rnd(0.55, 0.9)
		tx, ty := cx+l*cos32(a), y+l*sin32(a)*0.9
		nx, ny := -sin32(a)*l*0.22, cos32(a)*l*0.22
		mx, my := (cx+tx)/2, (y+ty)/2
		d.moveTo(cx, y)
		d.quadTo(mx+nx, my+ny, tx, ty)
		d.quadTo(mx-nx, my-ny, cx, y)
		c := greens[d.rng.IntN(len(greens))]
		d.fill(vgrad(c.scale(1.15), c.scale(0.8), ty, y))
	}
}

// shoe draws a shoe (a sneaker or a boot) seen from the side, toe to the
// left.
func (d *painter) shoe(cx, base, s float32, col rgb, boot, sneaker bool) {
	d.shadow(cx, base, s*0.75)
	L := s * 1.5
	x0 := cx - L/2
	sole := hex("#f4f2ee")
	if !sneaker {
		sole = hex("#2a1e18")
	}
	if col.lum() > 0.8 && sneaker {
		sole = hex("#e8e2d6")
	}
	// The upper: a low rounded toe on the left, the tongue rising at the
	// laces, the collar dipping, the heel counter standing at the back.
	lift := float32(1)
	if boot {
		lift = 1.6
	}
	pt := func(x, y float32) (float32, float32) { return x0 + L*x, base - s*y*lift }
	d.moveTo(pt(0.02, 0.08))
	x1, y1 := pt(0, 0.3)
	x2, y2 := pt(0.18, 0.36)
	x3, y3 := pt(0.42, 0.42)
	d.cubeTo(x1, y1, x2, y2, x3, y3)
	d.lineTo(pt(0.56, 0.68))
	d.lineTo(pt(0.64, 0.66))
	x1, y1 = pt(0.7, 0.54)
	x2, y2 = pt(0.86, 0.56)
	x3, y3 = pt(0.94, 0.64)
	d.quadTo(x1, y1, x2, y2)
	d.lineTo(x3, y3)
	x1, y1 = pt(1.01, 0.4)
	x2, y2 = pt(0.99, 0.08)
	d.quadTo(x1, y1, x2, y2)
	d.fill(vgrad(shade(col, -0.4, 0.2), col.scale(0.72), base-s*0.68*lift, base))
	top := base - s*0.56*lift
	// The sole.
	d.roundRect(x0, base-s*0.12, x0+L, base, s*0.05)
	d.fill(solid(sole))
	// The opening, the laces and a toe cap.
	d.ellipse(x0+L*0.78, top+s*0.03, L*0.13, s*0.045)
	d.fillNoInk(solid(col.scale(0.3)))
	for i := 0; i < 4; i++ {
		x, y := pt(0.44+float32(i)*0.035, 0.44+float32(i)*0.055)
		d.line(x-L*0.03, y+s*0.02, x+L*0.05, y-s*0.03, max(3*d.u, s*0.025))
	}
	d.fillNoInk(solid(col.mix(rgb{1, 1, 1}, 0.6).mix(rgb{0.2, 0.2, 0.2}, 0.2)))
	d.moveTo(pt(0.03, 0.16))
	x1, y1 = pt(0.1, 0.3)
	x2, y2 = pt(0.26, 0.3)
	d.quadTo(x1, y1, x2, y2)
	d.strokeOpen(max(3*d.u, s*0.02), col.scale(0.6), 0.7)
	if sneaker {
		d.moveTo(x0+L*0.35, base-s*0.2)
		d.quadTo(x0+L*0.6, base-s*0.35, x0+L*0.85, base-s*0.3)
		d.strokeOpen(5*d.u, col.scale(0.55), 0.9)
	}
}

// garment hangs a piece of clothing on a hanger in front of the backdrop,
// as a catalogue shows it: a top (long sleeves for a sweater, a jacket or
// a hoodie, short for a t-shirt), a dress, a skirt or trousers.
func (d *painter) garment(pr product, cx, base, s float32) {
	col := pr.col
	long := !strings.Contains(pr.noun, "t-shirt") && !strings.Contains(pr.noun, "tshirt") && !strings.Contains(pr.noun, "tee") && !strings.Contains(pr.noun, "blouse")
	coat := strings.Contains(pr.noun, "coat") || strings.Contains(pr.noun, "parka") || strings.Contains(pr.noun, "raincoat")
	// Whatever the surface, the garment hangs in the frame: its size and
	// place come from the picture's height, the seed's zoom nudging them.
	H := float32(d.h)
	s = min(s*1.05, H*0.4)
	hem := map[string]float32{"top": 1.1, "dress": 1.8, "skirt": 1.25, "trousers": 1.6}[pr.shape]
	switch {
	case pr.shape == "top" && (strings.Contains(pr.noun, "coat") || strings.Contains(pr.noun, "parka")):
		hem = 1.6
	case strings.Contains(pr.noun, "shorts"):
		hem = 0.8
	}
	s = min(s, H*0.8/(hem+0.3))
	hy := H*0.5 - s*(hem-0.25)/2 // the hanger's bar
	// Hook and bar.
	d.arc(cx, hy-s*0.18, s*0.07, s*0.08, math.Pi*0.9, math.Pi*2.3, max(2*d.u, s*0.02), hex("#8a8a8a"))
	d.line(cx, hy-s*0.1, cx, hy-s*0.02, max(2*d.u, s*0.02))
	d.fillNoInk(solid(hex("#8a8a8a")))
	outline := func(dx, dy float32) {
		P := func(x, y float32) (float32, float32) { return cx + x*s + dx, hy + y*s + dy }
		switch pr.shape {
		case "top":
			slv := float32(0.55)
			if long {
				slv = 1.05
			}
			d.moveTo(P(-0.14, 0))
			d.lineTo(P(-0.42, 0.06))
			d.lineTo(P(-0.62, 0.2))
			d.lineTo(P(-0.72-0.1*slv, 0.1+slv*0.95))
			d.lineTo(P(-0.54-0.06*slv, 0.14+slv))
			d.lineTo(P(-0.44, 0.45))
			d.lineTo(P(-0.44, hem))
			d.lineTo(P(0.44, hem))
			d.lineTo(P(0.44, 0.45))
			d.lineTo(P(0.54+0.06*slv, 0.14+slv))
			d.lineTo(P(0.72+0.1*slv, 0.1+slv*0.95))
			d.lineTo(P(0.62, 0.2))
			d.lineTo(P(0.42, 0.06))
			d.lineTo(P(0.14, 0))
			x1, y1 := P(0, 0.16)
			x2, y2 := P(-0.14, 0)
			d.quadTo(x1, y1, x2, y2)
		case "dress":
			d.moveTo(P(-0.16, 0))
			d.lineTo(P(-0.3, 0.08))
			d.lineTo(P(-0.34, 0.45))
			d.lineTo(P(-0.26, 0.72))
			d.lineTo(P(-0.7, 1.75))
			x1, y1 := P(0, 1.85)
			x2, y2 := P(0.7, 1.75)
			d.quadTo(x1, y1, x2, y2)
			d.lineTo(P(0.26, 0.72))
			d.lineTo(P(0.34, 0.45))
			d.lineTo(P(0.3, 0.08))
			d.lineTo(P(0.16, 0))
			x1, y1 = P(0, 0.22)
			x2, y2 = P(-0.16, 0)
			d.quadTo(x1, y1, x2, y2)
		case "skirt":
			d.moveTo(P(-0.4, 0))
			d.lineTo(P(0.4, 0))
			d.lineTo(P(0.72, 1.2))
			x1, y1 := P(0, 1.3)
			x2, y2 := P(-0.72, 1.2)
			d.quadTo(x1, y1, x2, y2)
		default: // trousers
			leg := hem
			d.moveTo(P(-0.42, 0))
			d.lineTo(P(0.42, 0))
			d.lineTo(P(0.5, leg))
			d.lineTo(P(0.06, leg))
			d.lineTo(P(0, 0.45))
			d.lineTo(P(-0.06, leg))
			d.lineTo(P(-0.5, leg))
		}
	}
	// A soft shadow on the backdrop, then the cloth lit from the left.
	outline(s*0.06, s*0.05)
	d.fillNoInk(paint{col: rgb{0, 0, 0}, alpha: 0.14})
	outline(0, 0)
	d.fill(vgrad(shade(col, -0.35, 0), col.scale(0.78), hy, base))
	// Folds: a few soft darker and lighter streaks down the cloth.
	for i := 0; i < 5; i++ {
		x := cx + (float32(i)-2)*s*0.17 + d.rnd(-0.04, 0.04)*s
		y0 := hy + s*0.5
		y1 := hy + s*hem*d.rnd(0.7, 0.92)
		if pr.shape == "trousers" || pr.shape == "skirt" {
			y0 = hy + s*0.2
		}
		d.line(x, y0, x+d.rnd(-0.05, 0.05)*s, y1, s*0.03)
		d.fillNoInk(paint{col: col.scale(0.55), alpha: 0.25})
	}
	switch {
	case pr.shape == "top" && (coat || strings.Contains(pr.noun, "jacket") || strings.Contains(pr.noun, "blazer") || strings.Contains(pr.noun, "cardigan")):
		// An opening down the front with buttons.
		d.line(cx, hy+s*0.12, cx, hy+s*(hem-0.02), max(1.5*d.u, s*0.012))
		d.fillNoInk(solid(col.scale(0.45)))
		for k := 0; k < 4; k++ {
			d.disc(cx+s*0.04, hy+s*(0.35+0.25*float32(k)), s*0.025, col.scale(0.4), 1, false)
		}
	case pr.shape == "top" && strings.Contains(pr.noun, "hoodie"):
		d.ellipse(cx, hy+s*0.08, s*0.2, s*0.14)
		d.fill(solid(col.scale(0.7)))
		d.roundRect(cx-s*0.24, hy+s*0.62, cx+s*0.24, hy+s*0.88, s*0.05)
		d.fillNoInk(paint{col: col.scale(0.6), alpha: 0.5})
	case pr.shape == "trousers":
		d.fillRect(cx-s*0.42, hy, cx+s*0.42, hy+s*0.08, col.scale(0.7), 1)
	}
}

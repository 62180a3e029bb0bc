package canvas

import (
	"hash/fnv"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/lexical"
)

// product.go plans a still life or product shot: which object (its shape from the words of its noun, else from its WordNet category), its colour and material, and the surface it stands on. product_shot.go sets the stage, objects.go draws the object through objectDrawers.

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
	window  bool   // the words put it by a window: the wall behind has one
	pair    bool   // a pair of shoes or boots: two are drawn
	n       int    // how many of it the words count ("two white candles")
	with    string // the shape of a second object the words name beside it ("and two glasses")
	withN   int    // how many of it
}

// productShapes maps words of an object's noun to the shape that draws it,
// most specific first.
var productShapes = []struct{ word, shape string }{
	{"wine glass", "wineglass"}, {"wineglass", "wineglass"}, {"champagne", "wineglass"}, {"goblet", "wineglass"},
	{"scarf", "scarf"}, {"scarves", "scarf"}, {"shawl", "scarf"}, {"muffler", "scarf"}, {"necktie", "tie"}, {"bow tie", "tie"},
	{"glove", "gloves"}, {"mitten", "gloves"},
	{"guitar", "guitar"}, {"ukulele", "guitar"}, {"banjo", "guitar"}, {"lute", "guitar"},
	{"piano", "piano"}, {"trumpet", "trumpet"}, {"trombone", "trumpet"}, {"bugle", "trumpet"}, {"cornet", "trumpet"}, {"drum", "drum"}, {"violin", "violin"}, {"fiddle", "violin"}, {"viola", "violin"}, {"cello", "violin"},
	{"teddy", "teddy"}, {"plush", "teddy"}, {"stuffed", "teddy"}, {"toy robot", "robot"}, {"robot", "robot"},
	{"perfume", "perfume"}, {"cologne", "perfume"}, {"lotion", "bottle"}, {"skincare", "bottle"}, {"cosmetic", "perfume"},
	{"lipstick", "candle"}, {"soap", "box"},
	{"teapot", "teapot"}, {"coffee pot", "teapot"}, {"kettle", "teapot"}, {"teacup", "cup"}, {"coffee cup", "cup"},
	{"sunglasses", "glasses"}, {"eyeglasses", "glasses"}, {"spectacles", "glasses"},
	{"mug", "mug"}, {"cup", "cup"}, {"tumbler", "jar"}, {"glass", "jar"},
	{"wine bottle", "bottle"}, {"water bottle", "bottle"}, {"bottle", "bottle"}, {"flask", "bottle"},
	{"pitcher", "teapot"}, {"jug", "vase"}, {"urn", "vase"}, {"vase", "vase"}, {"pottery", "vase"},
	{"bowl", "bowl"}, {"jar", "jar"}, {"tin", "jar"},
	{"candle", "candle"}, {"lamp", "lamp"},
	{"plant", "plant"}, {"succulent", "plant"}, {"cactus", "plant"}, {"bonsai", "plant"}, {"flowerpot", "plant"}, {"pot", "plant"},
	{"hat", "hat"}, {"fedora", "hat"}, {"cap", "hat"}, {"beanie", "hat"},
	{"sneaker", "shoe"}, {"trainer", "shoe"}, {"shoe", "shoe"}, {"heel", "shoe"}, {"sandal", "shoe"}, {"loafer", "shoe"}, {"boot", "boot"},
	{"backpack", "backpack"}, {"rucksack", "backpack"}, {"suitcase", "suitcase"}, {"wallet", "wallet"}, {"clutch", "wallet"},
	{"handbag", "bag"}, {"purse", "bag"}, {"tote", "bag"}, {"satchel", "bag"}, {"bag", "bag"},
	{"chess", "boardgame"}, {"checkers", "boardgame"}, {"draughts", "boardgame"}, {"backgammon", "boardgame"}, {"board game", "boardgame"},
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
	"chocolate": hex("#5a3420"), "caramel": hex("#c07a30"),
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
	"wallet": {hex("#6a3e22")}, "toyduck": {hex("#f4d030")}, "toyboat": {hex("#d83a2a"), hex("#2a6ab8")}, "toycar": {hex("#d83a2a"), hex("#2a6ab8"), hex("#f2c230")}, "boardgame": {hex("#a8784a"), hex("#6a4a2a")}, "box": {hex("#c8a070"), hex("#f0ece4")}, "gift": {hex("#c82a3a"), hex("#2a6a4a")},
	"book": {hex("#8a2a2a"), hex("#2a4a6a"), hex("#3a5a3a")}, "clock": {hex("#c83a3a"), hex("#2a6a8a")},
	"watch": {hex("#c0c8d0")}, "phone": {hex("#1e1e24")}, "laptop": {hex("#c0c4c8")}, "headphones": {hex("#1e1e24"), hex("#e8e4dc")},
	"camera": {hex("#2a2a2e")}, "speaker": {hex("#3a3a40"), hex("#d8d0c4")}, "glasses": {hex("#1e1e24")},
	"perfume": {hex("#f0c8d0"), hex("#e8c070")}, "chair": {hex("#9a6a3a"), hex("#d8d0c4")},
	"beads": {hex("#f0ece4"), hex("#d8b050")},
	"top":   {hex("#f2f0ea"), hex("#2a3a5a"), hex("#8a8a86")}, "dress": {hex("#c83a4a"), hex("#2a2a30")},
	"skirt": {hex("#2a2a30"), hex("#c8a070")}, "trousers": {hex("#3a5a8a")},
	"teddy": {hex("#a8744a"), hex("#c89a64"), hex("#8a5a3a")}, "robot": {hex("#c0c8d0"), hex("#d84a3a"), hex("#3a7ab8")},
	"scarf": {hex("#b8282e"), hex("#d8c8a8"), hex("#3a5a7a")}, "tie": {hex("#2a3a6a"), hex("#8a1a2a")},
	"gloves": {hex("#6a3e22"), hex("#2a2a30")}, "guitar": {hex("#c8843a"), hex("#8a4a22")},
	"violin": {hex("#a8501e")}, "wineglass": {hex("#e8f0f4")}, "piano": {hex("#1e1a18"), hex("#5a3420")}, "trumpet": {hex("#d8b048")}, "drum": {hex("#b8282a"), hex("#2a4a8a")}, "drinkglass": {hex("#e8f0f4")},
	"generic": {hex("#c8583a"), hex("#3a6a8a"), hex("#e8c070"), hex("#5a8a6a")},
}

// productScene reports whether the Scene is one object to show, and what.
func productScene(s *easel.Scene, p *plan) (product, bool) {
	var pr product
	if p.kind == "interior" && interiorScene(s) || structureMain(s.Subjects) {
		return pr, false // the room, with what it names (rooms.go); a porch's house (yard.go)
	}
	bunch := false // flowers with no vessel named: they stand in a vase
	switch {
	case p.el["object"] && (p.main == "object" || p.main == "table" || p.main == "" && !p.el["window"]):
		// ("a library full of books" is a room, not a book.)
	case p.el["object"] && (p.main == "flowers" || p.main == "sunflowers") && holdsFlowers(s.Subjects):
		// "a vase of sunflowers": the vase, with its flowers.
	case (p.main == "flowers" || p.main == "sunflowers") && (s.Setting == "" || p.el["table"]) && !hasAny(without(p.el, "flowers", "sunflowers"), landscapeElements...) &&
		!hasAny(p.el, "person", "people", "window", "street") && p.critterSubject() == nil:
		// "four orange lilies": the flowers close, in a vase.
		bunch = true
	case len(s.Subjects) > 0 && toyVehicle(&s.Subjects[0]) != "":
		// "a toy sailboat in a bathtub": a toy, not a boat at sea.
	case pottedPlant(s.Subjects) || p.el["table"] && trainedPlant(s.Subjects):
		// "a bonsai tree in a pot": the plant in its pot, close (objects_extra.go).
	case p.main == "bowl" && !p.el["food"] && !hasWord(p.words, "fruit"):
		// An empty bowl is a piece of pottery to show.
	case p.el["table"] && !p.el["bowl"] && !p.el["food"] && (p.main == "table" || p.main == "") && drinkWord(p.words) != "":
		// "a cup of coffee": the drink's cup.
	case p.main == "table" && !p.el["food"] && len(s.Subjects) > 0 && (categoryShapes[s.Subjects[0].Category] != "" || shapeWordOf(s.Subjects[0].Noun) != ""):
		// "an old typewriter", "a guitar": a thing WordNet calls a
		// device, an instrument, a container... shown on the table.
	case p.el["table"] && !p.el["food"] && !p.el["bowl"] && (p.main == "table" || p.main == "") && len(s.Subjects) > 1 && s.Subjects[0].Element == "" && plainThing(s.Subjects[0]):
		// "a wooden chess board on a table": a thing the lexicon does
		// not know, on the table the words name.
	case p.kind == "landscape" && len(s.Subjects) > 0 && s.Subjects[0].Element == "" && surfaceOf(p.words) != "" && !hasAny(p.el, landscapeElements...):
		// An object the lexicon does not know, shown on a surface.
	default:
		return pr, false
	}
	sub, _ := productSubject(s.Subjects) // objects_extra.go
	if sub.Noun == "" && len(s.Subjects) > 0 {
		sub = s.Subjects[0]
	}
	if sub.Noun == "" {
		// A Scene written by hand or by an LLM may only say "a red mug".
		sub.Noun = s.Subject
	}
	if bunch {
		sub = easel.Subject{Noun: "vase"}
	}
	if len(s.Subjects) > 0 && toyVehicle(&s.Subjects[0]) != "" {
		sub = s.Subjects[0] // the toy boat, not the tub it floats in
	}
	if pottedPlant(s.Subjects) || p.el["table"] && trainedPlant(s.Subjects) {
		sub = s.Subjects[0]
		sub.Noun = strings.TrimSpace(strings.Join(sub.Adjectives, " ") + " " + sub.Noun + " plant")
		for _, x := range s.Subjects[1:] {
			if n := strings.ToLower(x.Noun); strings.Contains(n, "pot") || strings.Contains(n, "planter") || strings.Contains(n, "tub") {
				sub.Adjectives, sub.Colors = x.Adjectives, x.Colors // the pot's colour is the pot's
			}
		}
	}
	pr.noun = strings.ToLower(sub.Noun)
	pr.shape = "generic"
	// The noun names the shape; else the words before it do ("a chess
	// set", "a board" of chess).
	for _, key := range []string{pr.noun, strings.ToLower(strings.Join(sub.Adjectives, " ")) + " " + pr.noun} {
		for _, ps := range productShapes {
			if strings.Contains(key, ps.word) {
				pr.shape = ps.shape
				break
			}
		}
		if pr.shape != "generic" {
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
	if dr := drinkIn(s.Subjects); dr != nil && isDrinkingGlass(pr.noun) {
		// "a glass of orange juice": the glass with the drink in it.
		pr.shape = "drinkglass"
		if strings.Contains(strings.ToLower(dr.Noun), "wine") || strings.Contains(strings.ToLower(dr.Noun), "champagne") {
			pr.shape = "wineglass"
		}
	}
	if t := toyVehicle(&sub); t != "" {
		pr.shape = t
	}
	if pr.shape == "generic" && sub.Category == "toy" {
		// A toy named for an animal: a bird is a bath duck, a beast a
		// plush one, by the animal's WordNet category.
		if e, _, ok := lexical.FindNoun(lexical.Singular(pr.noun)); ok {
			switch {
			case e.Has("bird"):
				pr.shape = "toyduck"
			case e.Has("mammal"):
				pr.shape = "teddy"
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
	} else if c, ok := strayColour(s.Subjects); ok && !bunch {
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
	pr.pair = (pr.shape == "shoe" || pr.shape == "boot") && (hasWord(p.words, "pair") || sub.Plural || sub.Count >= 2)
	pr.n = 1
	if !pr.pair && !hasWord(p.words, "pair") && !bunch {
		pr.n = countOf(&sub, 1) // "two white candles": two
	}
	if !bunch {
		pr.with, pr.withN = companionOf(s.Subjects, sub, p.words)
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

// plainThing reports a subject that may stand on a table as an object: a
// thing WordNet files under no category, or under one of made things.
func plainThing(x easel.Subject) bool {
	switch x.Category {
	case "", "device", "container", "tool", "toy", "instrument", "jewelry", "clothing", "artwork", "material", "shape":
		return true
	}
	return false
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
		if flowerVessel[shapeWordOf(x.Noun)] > 0 {
			return true // a teacup, a mug, a bowl (objects.go)
		}
	}
	return false
}

// drinkWord returns the drink the words name, if any.
func drinkWord(words string) string {
	for _, w := range []string{"coffee", "latte", "cappuccino", "espresso", "tea", "matcha", "chai", "cocoa"} {
		if hasWord(words, w) && !hasWord(words, w+" table") && !hasWord(words, w+" shop") {
			return w // (a coffee table holds no coffee)
		}
	}
	return ""
}

// surfaceOf names the surface the words put an object on.
func surfaceOf(words string) string {
	for _, s := range []struct{ w, surface string }{
		{"white background", "white"}, {"plain background", "white"}, {"seamless", "white"}, {"isolated", "white"},
		{"bathtub", "tub"}, {"tub", "tub"}, {"in the bath", "tub"}, {"in a bath", "tub"},
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

package canvas

import (
	"slices"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/lexical"
)

// This file reads the facts the scene parser binds to each subject
// (count, colours, category, from WordNet and the tagger) for the
// painters that draw them: how many animals or flowers, in what colour,
// a planet in the colour its name has, and which subjects the canvas
// cannot draw, for the note on the result.

// maxCount is the most things of one kind drawn one by one; more are
// drawn as a crowd of maxCount.
const maxCount = 12

// subjectOf returns the first subject whose element is el, or nil.
func (p *plan) subjectOf(el string) *easel.Subject {
	for i := range p.subjects {
		if p.subjects[i].Element == el {
			return &p.subjects[i]
		}
	}
	return nil
}

// countOf is how many of a subject to draw: its count (up to maxCount),
// else def.
func countOf(s *easel.Subject, def int) int {
	if s == nil || s.Count < 1 {
		return def
	}
	return min(s.Count, maxCount)
}

// colourOf is the colour the idea gives a subject ("three white rabbits"),
// else the one WordNet's definition gives its noun ("a small reddish
// planet"); ok is false when neither does.
func colourOf(s *easel.Subject) (rgb, bool) {
	if s == nil {
		return rgb{}, false
	}
	for _, c := range s.Colors {
		if col, ok := namedColour(c); ok {
			return col, true
		}
	}
	for _, a := range s.Adjectives {
		if col, ok := namedColour(a); ok {
			return col, true
		}
	}
	// A noun that starts with its colour: "blueberries", "redwood".
	low := strings.ToLower(s.Noun)
	for _, c := range []string{"black", "blue", "green", "red", "white", "yellow", "gold", "silver"} {
		if strings.HasPrefix(low, c) && len(low) > len(c)+2 {
			if col, ok := namedColour(c); ok {
				return col, true
			}
		}
	}
	if e, _, ok := lexical.FindNoun(low); ok && e.Hue != "" {
		if col, ok := namedColour(e.Hue); ok {
			return col, true
		}
	}
	return rgb{}, false
}

// subjectColours puts the main subject's own colour (its Colors fact, or
// the colour its name has in WordNet) first among the colours things
// take: the tint that animals, cats and planets wear and the accent of
// buildings, boats, balloons and cars.
func (p *plan) subjectColours() {
	if len(p.subjects) == 0 {
		return
	}
	c, ok := colourOf(&p.subjects[0])
	if !ok || len(p.subjects[0].Colors) == 0 && !slices.Contains([]string{"planet"}, p.subjects[0].Element) {
		return // a colour from the dictionary only for a planet by name
	}
	if s := p.subjects[0]; s.Element == "" && (s.Category != "shape" || p.kind != "abstract") || !namesPlace(s) ||
		(p.kind == "table" || p.kind == "product") && livingOrBig[s.Element] {
		// A subject the canvas does not paint ("a green slime", a cactus
		// filed under the desert) lends its colour to nothing else.
		return
	}
	p.tint = append([]rgb{c}, p.tint...)
	p.accent = c
}

// jellySubject is the subject that is jellyfish, if any: underwater.go
// draws them by their word.
func (p *plan) jellySubject() *easel.Subject {
	for i := range p.subjects {
		if n := strings.ToLower(p.subjects[i].Noun); strings.HasPrefix(n, "jellyfish") || n == "jellies" {
			return &p.subjects[i]
		}
	}
	return nil
}

// placeColour is the colour the idea binds to the subject drawn as one of
// els ("a red desert", "blue mountains", "a green lake", "a red moon"),
// else def: the places and the sky take the subject's colour as things do.
func (p *plan) placeColour(def rgb, els ...string) rgb {
	if c, ok := p.placeColourOK(els...); ok {
		return c
	}
	return def
}

// placeColourOK is placeColour reporting whether the idea gave one.
func (p *plan) placeColourOK(els ...string) (rgb, bool) {
	for _, el := range els {
		// Only a subject that is the place: a cactus filed under "desert"
		// does not colour the sand.
		if s := p.subjectOf(el); s != nil && namesPlace(*s) && ofElementsKind(*s) {
			if c, ok := factColour(s); ok {
				return c, true
			}
		}
	}
	return rgb{}, false
}

// factColour is the colour the idea binds to a subject (its Colors
// fact), ok false when it names none.
func factColour(s *easel.Subject) (rgb, bool) {
	if s == nil {
		return rgb{}, false
	}
	for _, c := range s.Colors {
		if col, ok := namedColour(c); ok {
			return col, true
		}
	}
	return rgb{}, false
}

// Roughly names the subjects the canvas draws only as a plain shape of
// their category (a typewriter as a box, a harp as a box): no word of
// their noun names a shape it knows. In a room, a piece of furniture with
// no shape of its own (furniture.go) stands there as an armchair.
func Roughly(s *easel.Scene) []string {
	if s == nil {
		return nil
	}
	kind := ""
	var out []string
	for i, sub := range s.Subjects {
		n := strings.ToLower(sub.Noun)
		if n == "" || sub.Category == "color" {
			continue
		}
		if i == 0 && sub.Element == "" && sub.Category != "" {
			if kind == "" {
				kind = planKind(s)
			}
			if plainMain(kind, i, sub) {
				out = append(out, "the "+n)
				continue
			}
		}
		if _, ok := namedColour(n); ok {
			continue // a colour word, not a thing
		}
		if notAThing(s, sub) || measureOf(s, sub) || partOfPlace(s, sub) {
			continue
		}
		if sub.Category == "furniture" {
			if kind == "" {
				kind = planKind(s)
			}
			if kind == "interior" {
				if !furnitureShaped(phraseOf(&sub)) && !counterCabinet(planOf(s), n) {
					out = append(out, "the "+n)
				}
				continue
			}
		}
		if (sub.Element != "object" && sub.Element != "table") || categoryShapes[sub.Category] == "" {
			continue
		}
		if kind == "" {
			kind = planKind(s)
		}
		if kind == "interior" {
			continue // not drawn in a room at all: NotDrawn names it
		}
		if (kind == "product" || kind == "table") && (sub.Element == "table" && sub.Category == "furniture" || objectParts[n]) {
			continue // the surface the object stands on, or a part drawn with it (a watch's strap)
		}
		if slices.ContainsFunc(productShapes, func(ps struct{ word, shape string }) bool { return strings.Contains(n, ps.word) }) {
			continue
		}
		out = append(out, "the "+n)
	}
	return out
}

// plainMain reports whether the subject at i is the main thing of a
// product shot that knows no element for it ("a reading nook"): the shot
// paints it as a plain shape in its colour.
func plainMain(kind string, i int, sub easel.Subject) bool {
	return i == 0 && kind == "product" && sub.Element == "" && sub.Category != ""
}

// furnitureShaped reports whether furniture.go, interior.go or rooms.go
// has a shape for a piece of furniture of this noun.
func furnitureShaped(n string) bool {
	if strings.Contains(n, "shel") || strings.Contains(n, "bookcase") || strings.Contains(n, "counter") || n == "bar" || strings.Contains(n, "lamp") {
		return true // the shelves line the walls (interior.go), the counter and a lamp are rooms.go's
	}
	_, ok := drawerFor(n)
	return ok
}

// drawable are the canvas's elements that paint a thing of their own; a
// subject with one of them is drawn.
var drawable = func() map[string]bool {
	m := map[string]bool{}
	for _, e := range easel.Elements {
		m[e] = true
	}
	return m
}()

// NotDrawn names the subjects of s the canvas cannot draw ("the slime"):
// those with no element it paints and no word it knows, and those whose
// element only says where they are (an octopus under water, a cactus in
// the desert, a tram in a street) when the picture's kind paints no such
// thing there. Engine.Render puts them in a note on the result, so
// nothing is silently dropped. A colour the parser took for a thing ("a
// red and white lighthouse") and what a kind paints by its word (a
// fireplace in a room, jellyfish under the sea) are not named.
func NotDrawn(s *easel.Scene) []string {
	if s == nil {
		return nil
	}
	var (
		p      *plan
		kind   string
		dishes []int
		out    []string
	)
	for i, sub := range s.Subjects {
		n := strings.ToLower(sub.Noun)
		if n == "" || sub.Category == "color" {
			continue
		}
		if _, ok := namedColour(n); ok {
			continue // a colour word, not a thing
		}
		if e, ok := lexical.Lookup(n); ok && e.Freq[lexical.NounPOS] <= 1 && e.Freq[lexical.AdjPOS] >= 2 {
			continue // an adjective the parser took for a thing ("a cozy nook")
		}
		if notAThing(s, sub) || measureOf(s, sub) || partOfPlace(s, sub) {
			continue
		}
		if p == nil {
			p = planOf(s)
			kind, dishes = p.kind, tableDishes(s, p)
		}
		if slices.Contains(dishes, i) {
			out = appendNew(out, "the "+n) // a second dish: the table paints one
			continue
		}
		if plainMain(kind, i, sub) {
			continue // Roughly names it
		}
		if drawnByWord(kind, n) || kind == "interior" && counterCabinet(p, n) {
			continue
		}
		if sub.Element != "" && drawable[sub.Element] && paintsIn(kind, sub) {
			continue
		}
		if kind == "underwater" && (i == 0 || s.Subjects[0].Element == "person") && (seaLife[bodyPlan(n)] || i == 0 && (sub.Element == "person" || sub.Element == "people")) {
			continue // drawn by seaLife (fantasy.go)
		}
		if _, _, ok := critterDrawer(&sub); ok && i == 0 && kind == "landscape" {
			continue // drawn by critters.go
		}
		if heldBy(s, i) || perched(s, i) || drawnByPlan(s, i) {
			continue // in a figure's hands (held.go), or where a creature sits (critterplans.go)
		}
		if s.Setting != "" && strings.Contains(strings.ToLower(s.Setting), n) || drawnInRoom(s, n) || i == 0 && structureMain(s.Subjects) {
			continue
		}
		if _, ok := impliedBy[n]; ok && sub.Element == "" {
			continue
		}
		if e, _, ok := lexical.FindNoun(n); ok && sub.Element == "" {
			if _, ok := impliedBy[e.Lemma]; ok {
				continue
			}
		}
		out = appendNew(out, "the "+n)
	}
	return out
}

// appendNew appends name to names unless it is there already.
func appendNew(names []string, name string) []string {
	if slices.Contains(names, name) {
		return names
	}
	return append(names, name)
}

// objectParts are parts of an object that its shape draws with it: "a
// smartwatch with a black strap", "a bottle with a gold cap".
var objectParts = map[string]bool{
	"strap": true, "band": true, "cap": true, "lid": true, "handle": true, "dial": true, "face": true,
	"buckle": true, "laces": true, "sole": true, "spout": true, "cork": true, "label": true,
}

// bodyParts are the parts of a figure or an animal that are drawn with it
// (or not at all): "a girl with blue hair" notes no hair.
var bodyParts = map[string]bool{
	"hair": true, "eyes": true, "eye": true, "nose": true, "face": true, "beard": true, "hands": true, "hand": true,
	"arms": true, "legs": true, "tail": true, "wings": true, "mane": true, "fur": true, "feathers": true, "smile": true,
}

// notAThing reports whether a subject names no thing to paint: the
// medium ("a pencil sketch of a cat", "an oil painting"), colours in
// general ("in pastel colors"), or a body part of a living subject.
func notAThing(s *easel.Scene, sub easel.Subject) bool {
	n := strings.ToLower(sub.Noun)
	if sub.Category == "artwork" || CanonicalStyle(n) != StylePhoto || n == "colors" || n == "colours" {
		return true
	}
	if bodyParts[n] {
		for _, o := range s.Subjects {
			switch o.Category {
			case "person", "mammal", "bird", "creature", "fish", "reptile", "amphibian", "insect":
				return true
			}
		}
	}
	return false
}

// planKind is the kind of picture the canvas makes of s (landscape,
// underwater, interior, street...).
func planKind(s *easel.Scene) string {
	c := newCanvas(16, 16, 1, styleFor(StylePhoto))
	defer c.release()
	return makePlan(s, StylePhoto, 16, 16, c, frame{}).kind
}

// settingElements are the elements that say where a thing is rather than
// paint it: the scene parser gives them to a noun it knows only by where
// it lives (an octopus is "underwater", a cactus "desert").
var settingElements = map[string]bool{
	"underwater": true, "desert": true, "dunes": true, "field": true, "meadow": true, "snow": true, "ice": true,
	"rocks": true, "sea": true, "beach": true, "lake": true, "river": true, "pond": true, "forest": true,
	"jungle": true, "city": true, "street": true, "road": true, "space": true, "window": true, "fog": true,
	"mist": true, "rain": true, "snowfall": true, "clouds": true, "mountains": true, "hills": true,
	"cliffs": true, "canyon": true, "waves": true,
}

// placeCategories are the categories of nouns that are places: with a
// setting element, the place is what is painted.
var placeCategories = map[string]bool{
	"land": true, "landform": true, "water": true, "room": true, "settlement": true, "celestial body": true,
	"furniture": true, // a room's furniture is painted with the room (furniture.go)
	"material":  true, // "the sand", "the snow": what the place is made of
}

// kindElements are, for the kinds of picture that paint a fixed set of
// things, the elements they paint; other kinds paint every element.
var kindElements = map[string]map[string]bool{
	"underwater": {"fish": true, "koi": true, "whale": true, "coral": true, "underwater": true, "sea": true},
	"street": {"street": true, "city": true, "skyline": true, "neon": true, "rain": true, "lanterns": true, "people": true, "person": true, "car": true, "tower": true, "road": true,
		"sun": true, "moon": true, "full moon": true, "stars": true, "clouds": true, "fog": true, "mist": true, "snowfall": true, "lightning": true, "houses": true, "village": true},
	"space": {"space": true, "stars": true, "nebula": true, "milky way": true, "moon": true, "full moon": true, "planet": true, "spaceship": true, "person": true, "people": true},
}

// livingOrBig are the elements a table or a product shot never paints.
var livingOrBig = map[string]bool{
	"fish": true, "koi": true, "whale": true, "birds": true, "seagulls": true, "animal": true, "cat": true,
	"dog": true, "fox": true, "horse": true, "deer": true, "camel": true, "dragon": true, "person": true,
	"people": true, "car": true, "train": true, "boat": true, "ship": true, "sailboat": true, "airplane": true,
	"spaceship": true, "balloon": true,
}

// seaLife are the body plans fantasy.go's seaLife draws under the water
// when they are the subject.
var seaLife = map[string]bool{"mermaid": true, "octopus": true, "turtle": true, "starfish": true}

// kindWords are the words a kind of picture paints by name (interior.go's
// fireplace and bookshelves, underwater.go's jellyfish and weed).
var kindWords = map[string][]string{
	"interior":   {"fireplace", "hearth", "fire", "bookshelf", "bookshelves", "shelves", "books", "bookcase", "bookcases", "library"},
	"underwater": {"jellyfish", "jellies", "seaweed", "seagrass", "kelp"},
	"table":      {"board", "egg", "eggs", "chopsticks", "plate", "platter"}, // food.go, food_shapes.go
	"space":      {"rings", "orbit"},                                         // planets.go
	"landscape":  {"pad", "launchpad", "gantry"},                             // launch.go
	"product":    {"floor", "background", "backdrop", "surface"},             // product_shot.go
	"abstract":   {"pattern", "patterns", "shapes", "composition", "grid", "mandala", "swirl", "spiral", "vortex"},
}

// drawnByWord reports whether a kind of picture paints noun by its word;
// an abstract work paints every shape (abstract.go).
func drawnByWord(kind, noun string) bool {
	if kind == "abstract" {
		if e, _, ok := lexical.FindNoun(noun); ok && e.Category() == "shape" {
			return true
		}
	}
	if kind == "table" && foodShapeWord(noun) {
		return true // sushi, nigiri, tacos... (food_shapes.go)
	}
	return slices.Contains(kindWords[kind], noun)
}

// paintsIn reports whether the picture's kind paints sub by its element.
func paintsIn(kind string, sub easel.Subject) bool {
	el := sub.Element
	if set, ok := kindElements[kind]; ok && !set[el] {
		return false
	}
	if (kind == "table" || kind == "product") && livingOrBig[el] {
		return false // a table or a product shot paints food and objects, not a goldfish or a car
	}
	if kind == "interior" {
		switch el {
		case "object", "table":
			// furniture.go furnishes the room, rooms.go stands on its
			// floor what has a shape of its own (a lamp, a guitar, an
			// easel); nothing else is drawn there.
			n := strings.ToLower(sub.Noun)
			return sub.Category == "furniture" || strings.Contains(n, "easel") ||
				shapeWordOf(n) != "" && sub.Category != "food" && sub.Category != "drink"
		case "person":
			return true // interior.go draws a person sitting, reading..., else standing
		}
	}
	if !ofElementsKind(sub) && !shapeListed(sub) {
		return false
	}
	return namesPlace(sub)
}

// ofElementsKind reports whether a subject is the kind of thing its
// element paints: "a greenhouse" filed under flowers, "a meteor" under
// stars, "a treehouse" under trees are not (the element is painted, not
// the thing).
func ofElementsKind(sub easel.Subject) bool {
	cats, ok := elementCategories[sub.Element]
	return !ok || slices.Contains(cats, sub.Category) || nameOf(sub.Noun, sub.Element)
}

// elementCategories are, for elements that paint one kind of thing, the
// categories of the nouns they paint: the parser files other nouns under
// them by association.
var elementCategories = map[string][]string{
	"trees":   {"tree", "plant"},
	"pines":   {"tree", "plant"},
	"palms":   {"tree", "plant"},
	"flowers": {"flower", "plant", "insect"}, // a bee on a flower is drawn on it
	"birds":   {"bird", "creature"},          // a phoenix is drawn as a bird of flame (birds.go)
	"stars":   {"celestial body"},
}

// nameOf reports whether noun names element el: a word of it is el, or
// el is its plural ("a wave" of the waves).
func nameOf(noun, el string) bool {
	for _, w := range strings.Fields(strings.ToLower(noun)) {
		if w == el || w+"s" == el || w+"es" == el || slices.Contains(strings.Fields(el), w) {
			return true
		}
	}
	return false
}

// namesPlace reports whether a subject is what its element paints: any
// subject of a thing's element, and of a setting's element ("desert") one
// whose noun names the place ("a desert", "the dunes", "an island"), not a
// thing filed under where it lives ("a cactus").
func namesPlace(sub easel.Subject) bool {
	el := sub.Element
	if !settingElements[el] || placeCategories[sub.Category] {
		return true
	}
	n := strings.ToLower(sub.Noun)
	if nameOf(n, el) {
		return true // "outer space", "coral reef", a wave of the waves
	}
	if _, ok := impliedBy[n]; ok {
		return true
	}
	if e, _, ok := lexical.FindNoun(n); ok {
		if _, ok := impliedBy[e.Lemma]; ok {
			return true
		}
	}
	return false
}

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
		(p.kind == "table" || p.kind == "product") && easel.ElementKind(s.Element) != "" {
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

// Roughly names the subjects of s the canvas draws only as a plain shape
// of their kind (a typewriter as a box, a wardrobe as an armchair), as
// the painter recorded it when it drew s (seed 1, the Scene's style).
func Roughly(s *easel.Scene) []string {
	_, r := Notes(s, "", 1)
	return r
}

// NotDrawn names the subjects of s the canvas does not draw ("the
// slime"), as the painter recorded it when it drew s (seed 1, the
// Scene's style). Engine.Render puts them in a note on the result, read
// from the record of the pictures it made, so nothing is silently
// dropped. What names no thing is not named (record.go thingNamed).
func NotDrawn(s *easel.Scene) []string {
	nd, _ := Notes(s, "", 1)
	return nd
}

// Notes draws s small in style (the Scene's own when "") with seed and
// returns what the painter recorded it left out: the subjects not drawn,
// and those drawn only as a plain shape (record.go).
func Notes(s *easel.Scene, style string, seed int64) (notDrawn, roughly []string) {
	if s == nil {
		return nil, nil
	}
	_, notDrawn, roughly = drawNoted(s, style, 128, 128, seed, frame{})
	return notDrawn, roughly
}

// appendNew appends name to names unless it is there already.
func appendNew(names []string, name string) []string {
	if slices.Contains(names, name) {
		return names
	}
	return append(names, name)
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

// seaLife are the body plans fantasy.go's seaLife draws under the water
// when they are the subject.
var seaLife = map[string]bool{"mermaid": true, "octopus": true, "turtle": true, "starfish": true}

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

package scene

import (
	"slices"
	"strings"
	"sync"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/lexical"
)

// This file reads the idea a second way, with the part-of-speech tagger of
// package lexical (WordNet underneath), and adds to each subject what the
// phrase-matching parser does not see: its category, count, colours,
// materials, action, the action's object and its relation to other things.
// A noun phrase the lexicon does not know becomes a subject of its own, so
// an owl, a slime or a teapot is never lost.

// phrase is a noun phrase of the idea, found from the tags.
type phrase struct {
	from, to  int // token range [from, to)
	head      int // token index of the head noun
	count     int
	plural    bool
	text      string // as typed, determiners included
	mods      []string
	colors    []string
	materials []string
	action    string
	object    *phrase
	relation  string
	used      bool
}

// lexClass gives each token the class of the lexicon phrase that holds it.
func lexClasses(items []item, n int) []class {
	out := make([]class, n)
	i := 0
	for _, it := range items {
		k := strings.Count(it.low, " ") + 1
		for j := 0; j < k && i < n; j++ {
			out[i] = it.class()
			i++
		}
	}
	return out
}

// taggers keeps the tagger's buffers between ideas.
var taggers = sync.Pool{New: func() any { return new(lexical.Tagging) }}

// addFacts tags the idea and fills the subjects' facts.
func addFacts(sc *easel.Scene, toks []token, items []item) {
	classes := lexClasses(items, len(toks))
	tags := make([]lexical.Tag, len(toks))
	tg := taggers.Get().(*lexical.Tagging)
	defer taggers.Put(tg)
	var phrases []*phrase
	words := make([]string, 0, len(toks))
	for start := 0; start < len(toks); {
		end := start
		for end < len(toks) && !toks[end].brk {
			end++
		}
		if end < len(toks) {
			end++ // the token with the break ends the clause
		}
		words = words[:0]
		for _, t := range toks[start:end] {
			words = append(words, t.low)
		}
		tagged := tg.Tag(words)
		for i := range tagged {
			// What the lexicon knows beats the tagger's guess.
			switch classes[start+i] {
			case cColor, cAdj:
				tagged[i].Tag = lexical.Adj
			case cVerb:
				if tagged[i].Tag != lexical.Part {
					tagged[i].Tag = lexical.Ing
				}
			case cWeather, cSeason, cMood:
				// "a misty lake", "a stormy sea": before a noun it
				// describes the noun; alone it is the scene's weather.
				if tagged[i].Tag != lexical.Adj {
					tagged[i].Tag = lexical.Other
				}
			case cTime, cStyle, cView:
				tagged[i].Tag = lexical.Other
			}
		}
		for i := range tagged {
			tags[start+i] = tagged[i].Tag
		}
		phrases = append(phrases, nounPhrases(toks[start:end], tagged, classes[start:end], start)...)
		start = end
	}
	for si := range sc.Subjects {
		s := &sc.Subjects[si]
		p := findPhrase(phrases, s.Noun)
		if p == nil && verbTok(toks, tags, phrases, s.Noun) {
			// "a cat sleeps": the parser took the verb for the noun and
			// the noun for its adjective; the tagger knows better.
			for _, a := range s.Adjectives {
				if q := findPhrase(phrases, a); q != nil && toks[q.head].low == a {
					*s = easel.Subject{Noun: a, Adjectives: q.mods}
					if f, _, ok := lookupPhrase(a); ok && len(f.e.elements) > 0 {
						s.Element = f.e.elements[0]
					}
					p = q
					break
				}
			}
		}
		if p != nil {
			p.used = true
			applyPhrase(s, p, toks)
		}
		if s.Category == "" {
			s.Category = categoryOf(s.Noun)
		}
		if s.Count > 1 {
			s.Plural = true
		}
		if s.Element == "" && !isObject(phrases, p) {
			s.Element = elementFor(s.Category, s.Plural)
		}
		if s.Category == "aircraft" && (s.Element == "" || scenery[s.Element]) {
			// A plane or a helicopter flies; a balloon or an airship
			// floats: the canvas draws each.
			s.Element = "airplane"
			if strings.Contains(s.Noun, "balloon") || strings.Contains(s.Noun, "airship") || strings.Contains(s.Noun, "zeppelin") || strings.Contains(s.Noun, "blimp") {
				s.Element = "balloon"
			}
		}
		if el := elementFor(s.Category, s.Plural); scenery[s.Element] && el != "" && el != "object" && el != "food" {
			// "a bicycle on a road": the lexicon's element is the road
			// it implies; the bicycle is drawn as what WordNet says it is.
			s.Element = elementFor(s.Category, s.Plural)
		}
		if s.Element == "animal" && (s.Category == "bird" || s.Category == "fish") {
			// The lexicon's generic animal is a four-legged one; WordNet
			// knows a penguin is a bird.
			s.Element = elementFor(s.Category, s.Plural)
		}
	}
	// Phrases no subject took: a thing the lexicon does not know.
	for _, p := range phrases {
		if p.used {
			continue
		}
		h := toks[p.head].low
		if classes[p.head-0] != cNone && classes[p.head] != cThing {
			continue
		}
		if sc.Setting != "" && hasWord(sc.Setting, h) {
			continue
		}
		cat := categoryOf(h)
		if cat == "" || cat == "color" || cat == "material" || cat == "shape" {
			continue
		}
		s := easel.Subject{Noun: h, Adjectives: p.mods, Category: cat}
		applyPhrase(&s, p, toks)
		if !isObject(phrases, p) {
			// What someone holds or mends is a prop of theirs, not a
			// thing of its own to draw.
			s.Element = elementFor(cat, s.Plural)
		}
		sc.Subjects = append(sc.Subjects, s)
		if sc.Subject == "" {
			sc.Subject = p.text
		}
	}
	portionFirst(sc)
	for _, s := range sc.Subjects {
		if s.Element != "" && !slices.Contains(sc.Elements, s.Element) {
			sc.Elements = append(sc.Elements, s.Element)
		}
	}
}

// portionFirst puts the thing before a portion, vessel or group of it: "a
// pile of cookies", "a scoop of ice cream", "a pint of beer", "a herd of
// zebras" are about the cookies, the ice cream, the beer, the zebras. The
// first noun must be no living or built thing of its own (WordNet gives it
// no category, or a container, tool or shape) and the second food, a
// drink or a plant.
func portionFirst(sc *easel.Scene) {
	if len(sc.Subjects) < 2 {
		return
	}
	a, b := sc.Subjects[0], sc.Subjects[1]
	switch a.Category {
	case "", "container", "tool", "shape", "device":
	default:
		return
	}
	ok := edible[b.Category] ||
		// "a herd of zebras", "a row of pine trees": a group of no
		// category of its own is about its members.
		a.Category == "" && b.Category != "" && b.Category != "color" && b.Category != "material" && b.Category != "shape"
	if !ok || !strings.Contains(strings.ToLower(sc.Idea), strings.ToLower(a.Noun)+" of ") {
		return
	}
	if b.Relation == "" {
		b.Relation, a.Relation = a.Relation, ""
	}
	sc.Subjects[0], sc.Subjects[1] = b, a
	if i := slices.Index(sc.Elements, b.Element); i > 0 {
		sc.Elements = slices.Insert(slices.Delete(sc.Elements, i, i+1), 0, b.Element)
	}
}

// edible are the categories of food and drink.
var edible = map[string]bool{
	"fruit": true, "vegetable": true, "cake": true, "bread": true, "cookie": true, "pastry": true,
	"sandwich": true, "soup": true, "salad": true, "pasta": true, "pie": true, "dessert": true,
	"candy": true, "dish": true, "drink": true, "food": true,
}

func applyPhrase(s *easel.Subject, p *phrase, toks []token) {
	if s.Count == 0 && p.count > 1 {
		s.Count = p.count
	}
	s.Plural = s.Plural || p.plural || p.count > 1
	s.Colors = p.colors
	s.Materials = p.materials
	s.Action = p.action
	if p.object != nil {
		s.Object = p.object.text
	}
	s.Relation = p.relation
	if s.Category == "" {
		// A compound WordNet knows ("polar bear", "hot dog") first.
		if p.head > p.from {
			if e, _, ok := lexical.FindNoun(toks[p.head-1].low + " " + toks[p.head].low); ok {
				s.Category = compoundCategory(e, toks[p.head].low)
			}
		}
		if s.Category == "" {
			s.Category = categoryOf(toks[p.head].low)
		}
	}
}

// findPhrase finds the unused phrase whose head is noun (or its last word).
func findPhrase(ps []*phrase, noun string) *phrase {
	last := noun
	if i := strings.LastIndexByte(noun, ' '); i >= 0 {
		last = noun[i+1:]
	}
	for _, p := range ps {
		if p.used {
			continue
		}
		if hasWord(p.text, last) {
			return p
		}
	}
	return nil
}

// compoundCategory is a compound's category: the first of its head word's
// categories that the compound also has ("red fox" is a flower and a
// mammal in WordNet; a fox is first a mammal, so the red fox is one), else
// the compound's own first ("hot dog" is food, though a dog is a mammal).
func compoundCategory(e lexical.Entry, head string) string {
	if h, _, ok := lexical.FindNoun(head); ok {
		for _, c := range h.CategoryList() {
			if e.Has(c) || e.Has(strings.ReplaceAll(c, " ", "_")) {
				return c
			}
		}
	}
	return e.Category()
}

// categoryOf is the WordNet category of a noun as typed ("swans" → bird).
func categoryOf(noun string) string {
	if e, _, ok := lexical.FindNoun(noun); ok {
		return e.Category()
	}
	if i := strings.LastIndexByte(noun, ' '); i >= 0 {
		return categoryOf(noun[i+1:])
	}
	return ""
}

// scenery are the elements that draw a place rather than a thing.
var scenery = map[string]bool{
	"road": true, "clouds": true, "sea": true, "street": true, "city": true, "skyline": true,
	"field": true, "meadow": true, "mountains": true, "hills": true, "river": true, "lake": true,
	"desert": true, "dunes": true, "snow": true, "forest": true,
}

// elementFor is the canvas element that draws a thing of a category the
// lexicon gave no element; "" when none fits.
func elementFor(cat string, plural bool) string {
	switch cat {
	case "person":
		if plural {
			return "people"
		}
		return "person"
	case "bird":
		return "birds"
	case "fish":
		return "fish"
	case "sea mammal":
		return "whale"
	case "mammal", "animal":
		return "animal"
	case "flower":
		return "flowers"
	case "tree":
		return "trees"
	case "boat":
		return "boat"
	case "car", "bus", "truck", "bicycle", "motorcycle":
		return "car" // the canvas draws each by its category

	case "train":
		return "train"
	case "spacecraft":
		return "spaceship"
	case "tower":
		return "tower"
	case "building":
		return "houses"
	case "bridge":
		return "bridge"
	case "celestial body":
		return "planet"
	case "fruit", "vegetable", "cake", "bread", "cookie", "pastry", "sandwich", "soup", "salad",
		"pasta", "pie", "dessert", "candy", "dish", "food", "drink":
		return "food"
	case "container", "device", "clothing", "jewelry", "toy", "instrument", "tool", "weapon",
		"furniture", "artwork", "plant":
		return "object"
	}
	return ""
}

// nounPhrases finds the noun phrases of one clause, with the action,
// object and relation that follow each.
func nounPhrases(toks []token, tags []lexical.Word, classes []class, offset int) []*phrase {
	var out []*phrase
	n := len(tags)
	isNom := func(t lexical.Tag) bool {
		return t == lexical.Noun || t == lexical.Adj || t == lexical.Num || t == lexical.Det
	}
	var last *phrase // the phrase an action or relation attaches to
	pending := 0     // a count waiting for its "of" phrase
	var lastAction *phrase
	for i := 0; i < n; {
		t := tags[i].Tag
		// A participle or -ing word before a noun inside a phrase
		// modifies it ("a burning castle", "a sleeping fox").
		modifier := func(j int) bool {
			tj := tags[j].Tag
			if tj != lexical.Ing && tj != lexical.Part {
				return false
			}
			if j+1 >= n || (tags[j+1].Tag != lexical.Noun && tags[j+1].Tag != lexical.Adj) {
				return false
			}
			return j == 0 || tags[j-1].Tag == lexical.Det || tags[j-1].Tag == lexical.Num || tags[j-1].Tag == lexical.Adj || tags[j-1].Tag == lexical.Prep
		}
		if isNom(t) || modifier(i) {
			j := i
			for j < n && (isNom(tags[j].Tag) || modifier(j)) {
				if j > i && tags[j].Tag == lexical.Det {
					break
				}
				if j > i && tags[j].Tag == lexical.Num && tags[j-1].Tag == lexical.Noun {
					break
				}
				j++
			}
			head := -1
			for k := j - 1; k >= i; k-- {
				if tags[k].Tag == lexical.Noun {
					head = k
					break
				}
			}
			if head < 0 {
				// "a pair of gloves", "two of the cats": the count of a
				// phrase with no noun goes to the "of" phrase after it.
				pending = 0
				for k := i; k < j; k++ {
					if tags[k].Tag == lexical.Num && tags[k].Num > 1 {
						pending = tags[k].Num
					}
				}
				if j >= n || toks[j].low != "of" {
					pending = 0
				}
				i = j
				continue
			}
			p := &phrase{from: offset + i, to: offset + j, head: offset + head, plural: tags[head].Plural}
			var b strings.Builder
			for k := i; k < j; k++ {
				if b.Len() > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(toks[k].low)
				w := tags[k]
				switch w.Tag {
				case lexical.Num:
					if w.Num > 0 {
						p.count = w.Num
					}
				case lexical.Det:
				default:
					if k < head {
						p.mods = append(p.mods, toks[k].low)
						if classes[k] == cColor || isColor(toks[k].low) {
							p.colors = append(p.colors, toks[k].low)
						}
						if isMaterial(toks[k].low) {
							p.materials = append(p.materials, toks[k].low) // silver is both
						}
					}
				}
			}
			p.text = b.String()
			if p.count == 0 && pending > 0 && i > 0 && toks[i-1].low == "of" {
				p.count = pending
			}
			pending = 0
			if p.count == 1 {
				p.count = 0
			}
			// The phrase is the object of the action before it, or
			// places the last actor ("on a branch"), or is a new actor.
			before := lexical.Other
			if i > 0 {
				before = tags[i-1].Tag
			}
			switch {
			case lastAction != nil && lastAction.object == nil && (before == lexical.Ing || before == lexical.Verb || before == lexical.Part):
				lastAction.object = p
			case last != nil && before == lexical.Prep:
				if last.relation == "" && toks[i-1].low != "of" {
					last.relation = toks[i-1].low + " " + p.text
				}
			default:
				last = p
			}
			out = append(out, p)
			i = j
			continue
		}
		if (t == lexical.Ing || t == lexical.Verb || t == lexical.Part) && last != nil && last.action == "" && classes[i] != cStyle {
			last.action = toks[i].low
			lastAction = last
		}
		i++
	}
	return out
}

// isObject reports whether p is the object of another phrase's action.
func isObject(ps []*phrase, p *phrase) bool {
	if p == nil {
		return false
	}
	for _, q := range ps {
		if q.object == p {
			return true
		}
	}
	return false
}

// verbTok reports whether the word w stands in none of the noun phrases:
// the tagger read it as a verb.
func verbTok(toks []token, tags []lexical.Tag, ps []*phrase, w string) bool {
	for _, p := range ps {
		if toks[p.head].low == w {
			return false
		}
	}
	for i, t := range toks {
		if t.low == w {
			return tags[i] == lexical.Verb || tags[i] == lexical.Ing || tags[i] == lexical.Part
		}
	}
	return false
}

// isColor reports a colour word from WordNet: a noun whose first category
// is colour ("crimson", "teal") or an adjective made from one.
func isColor(w string) bool {
	e, ok := lexical.Lookup(w)
	if !ok {
		return false
	}
	if e.Category() == "color" || e.Has("color") && e.Freq[lexical.AdjPOS] > 0 {
		return true // "red"; "blue", "orange" as adjectives
	}
	if e.Of != "" {
		if o, ok := lexical.Lookup(e.Of); ok && o.Category() == "color" {
			return true
		}
	}
	return false
}

// isMaterial reports a material word from WordNet: a noun of the material
// category ("glass", "marble", "silver") or an adjective made from one
// ("woolen", "wooden").
func isMaterial(w string) bool {
	if e, ok := lexical.Lookup(w); ok {
		// A noun whose material sense is not outranked by a colour:
		// "silver", "glass", "marble", but not "blue" (a laundry blue).
		if cats := e.CategoryList(); e.Freq[lexical.NounPOS] > 0 && len(cats) > 0 &&
			(cats[0] == "material" || len(cats) > 1 && cats[1] == "material" && cats[0] != "color") {
			return true
		}
		if e.Of != "" {
			if o, ok := lexical.Lookup(e.Of); ok && o.Has("material") {
				return true
			}
		}
	}
	if s, ok := strings.CutSuffix(w, "en"); ok && len(s) > 2 {
		if e, ok := lexical.Lookup(s); ok && e.Has("material") {
			return true // wooden, woolen
		}
	}
	return false
}

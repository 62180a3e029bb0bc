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
	size      string    // "giant", "tiny"
	of        *phrase   // the "of" phrase after it: "a piece of cheese"
	noun      string    // the subject noun it became, else its head as typed
	isObj     bool      // the object of an action
	owns      *phrase   // for an owner ("a witch's"), what it owns
	with      []*phrase // the actors joined to it by "and"
	used      bool
}

// link is a relation found between two phrases.
type link struct {
	from, to   *phrase
	verb, prep string
}

// lexClasses gives each token the class of the lexicon phrase that holds
// it, and marks the tokens that end a phrase of several words.
func lexClasses(items []item, n int) ([]class, []bool) {
	out := make([]class, n)
	ends := make([]bool, n)
	i := 0
	for _, it := range items {
		k := strings.Count(it.low, " ") + 1
		for j := 0; j < k && i < n; j++ {
			out[i] = it.class()
			ends[i] = k > 1 && j == k-1
			i++
		}
	}
	return out, ends
}

// taggers keeps the tagger's buffers between ideas.
var taggers = sync.Pool{New: func() any { return new(lexical.Tagging) }}

// addFacts tags the idea and fills the subjects' facts.
func addFacts(sc *easel.Scene, toks []token, items []item) {
	classes, ends := lexClasses(items, len(toks))
	// The idea's words choose among a noun's WordNet categories: "a kite
	// in the sky" is a toy, "a bat in a cave" a mammal.
	ideaWords := make([]string, len(toks))
	for i, t := range toks {
		ideaWords[i] = t.low
	}
	ctx := lexical.NewContext(ideaWords)
	tags := make([]lexical.Tag, len(toks))
	tg := taggers.Get().(*lexical.Tagging)
	defer taggers.Put(tg)
	var phrases []*phrase
	var links []link
	var st clauseState
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
				switch {
				case tagged[i].Tag == lexical.Noun && i+1 < len(tagged) && tagged[i+1].Tag == lexical.Noun && classes[start+i+1] != classes[start+i]:
					tagged[i].Tag = lexical.Adj // "rain boots", "snow globe"
				case tagged[i].Tag == lexical.Noun && i > 0 && (tagged[i-1].Tag == lexical.Det || tagged[i-1].Tag == lexical.Ing && i > 1 && tagged[i-2].Tag == lexical.Det):
					// "in the rain", "the falling snow": a thing the
					// idea names, and the weather too.
				case tagged[i].Tag != lexical.Adj:
					tagged[i].Tag = lexical.Other
				}
			case cStyle:
				// "reading a comic", "five colored pencils in a cup":
				// ending a phrase before a preposition or the end, a
				// style word is a thing.
				if !(i > 0 && (tagged[i-1].Tag == lexical.Det || tagged[i-1].Tag == lexical.Adj || tagged[i-1].Tag == lexical.Num) &&
					(i+1 == len(tagged) || tagged[i+1].Tag == lexical.Prep || tagged[i+1].Tag == lexical.Conj)) {
					tagged[i].Tag = lexical.Other
				} else if e, _, ok := lexical.FindNoun(tagged[i].Text); ok && e.Freq[lexical.NounPOS] > 0 {
					tagged[i].Tag = lexical.Noun
				}
			case cTime, cView:
				tagged[i].Tag = lexical.Other
			}
		}
		for i := range tagged {
			switch {
			case ends[start+i] && (classes[start+i] == cThing || classes[start+i] == cPlace) && tagged[i].Tag != lexical.Noun:
				// "autumn leaves", "full moon": a thing the lexicon
				// knows ends with its noun.
				tagged[i].Tag = lexical.Noun
				for j := i - 1; j >= 0 && classes[start+j] == classes[start+i] && !ends[start+j]; j-- {
					if tagged[j].Tag != lexical.Noun && tagged[j].Tag != lexical.Adj {
						tagged[j].Tag = lexical.Adj
					}
				}
			case tagged[i].Tag == lexical.Prep && i > 0 && tagged[i-1].Tag == lexical.Det && i+1 < len(tagged):
				// "a full moon": no preposition follows an article.
				tagged[i].Tag = lexical.Adj
			}
		}
		retag(tagged, classes[start:end])
		possessiveNouns(tagged, toks[start:end])
		for i := range tagged {
			tags[start+i] = tagged[i].Tag
		}
		ps, ls := nounPhrases(toks[start:end], tagged, classes[start:end], start, &st)
		phrases = append(phrases, ps...)
		links = append(links, ls...)
		start = end
	}
	drop := map[int]bool{}
	var redrawn []string // lexicon elements a subject no longer is
	for si := range sc.Subjects {
		s := &sc.Subjects[si]
		if quantity(sc.Idea, s.Noun) {
			drop[si] = true // "half a dozen eggs", "a couple of penguins"
			continue
		}
		p := findPhrase(phrases, s.Noun)
		if p != nil && absent(p, toks, classes) {
			// "a witch's cottage": the cottage, and no witch.
			p.used = true
			if p = ownedInPlace(sc, s, p, toks); p == nil {
				drop[si] = true
				continue
			}
		}
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
		if p != nil && postHead(toks, p, s.Noun) {
			// "the pizza fresh from the oven": the parser took the
			// adjective after the noun for the noun.
			*s = easel.Subject{Noun: toks[p.head].low, Adjectives: p.mods}
			if f, _, ok := lookupPhrase(s.Noun); ok && len(f.e.elements) > 0 {
				s.Element = f.e.elements[0]
			}
		}
		if p != nil && preHead(toks, tags, p, s.Noun) {
			// "a sunlit reading nook": the lexicon's chunk stopped at a
			// word the tagger reads as a modifier of the noun after it.
			if si == 0 && lastWord(sc.Subject) == s.Noun {
				sc.Subject = strings.ToLower(sc.Idea[toks[p.from].start:toks[p.to-1].end]) // not "a snug"
			}
			*s = easel.Subject{Noun: toks[p.head].low, Adjectives: p.mods}
			if f, _, ok := lookupPhrase(s.Noun); ok && len(f.e.elements) > 0 {
				s.Element = f.e.elements[0]
			}
		}
		if p == nil && notASubject(toks, tags, s.Noun) {
			// "a cat, black and sleek": an adjective the tagger bound
			// to the noun before it; "his dog beside him": a pronoun.
			drop[si] = true
			continue
		}
		octx, obj := objectContext(ctx, ideaWords, phrases, p, tags)
		if p != nil {
			p.used = true
			p.noun = s.Noun
			applyPhrase(octx, s, p, toks)
			s.Adjectives = placedElsewhere(s.Adjectives, p, phrases, toks, tags)
		}
		if s.Category == "" {
			s.Category = octx.Category(s.Noun)
		}
		old := s.Element
		if agree(octx, nearContext(ideaWords, p, tags), s, roomIdea(sc), obj) && old != "" {
			redrawn = append(redrawn, old)
		}
		if k := actorKind(s, toks, tags); k != "" {
			s.Category, s.Element = k, old // "a man fixing a bicycle"
		}
		if k := madeKind(s); k != "" {
			if s.Element != "" {
				redrawn = append(redrawn, s.Element) // "two glass swans": no birds
			}
			s.Category, s.Element = k, elementFor(k, s.Plural)
		}
		if s.Category == "" && (s.Element == "people" || s.Element == "person") {
			// "people", "a crowd", "a couple": WordNet files them as
			// groups; the lexicon draws them as people.
			s.Category = "person"
			s.Plural = s.Plural || s.Element == "people"
		}
		if s.Count > 1 {
			s.Plural = true
		}
		s.Materials = kindsOut(s.Materials, s.Category)
		s.Colors = colourKindsOut(s.Colors, s.Category)
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
		if p.owns != nil && absent(p, toks, classes) {
			continue
		}
		octx, _ := objectContext(ctx, ideaWords, phrases, p, tags)
		cat := octx.Category(h)
		if cat == "" || cat == "color" || cat == "material" || cat == "shape" {
			continue
		}
		s := easel.Subject{Noun: h, Adjectives: p.mods, Category: cat}
		p.used = true
		applyPhrase(octx, &s, p, toks)
		if k := madeKind(&s); k != "" {
			s.Category, cat = k, k
		}
		s.Materials = kindsOut(s.Materials, cat)
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
	for i := range sc.Subjects {
		for j := range i {
			if !drop[j] && sc.Subjects[j].Noun == sc.Subjects[i].Noun {
				drop[i] = true // the noun a rewritten subject took
			}
		}
	}
	if len(drop) > 0 && len(sc.Subjects) > 0 && quantity(sc.Idea, lastWord(sc.Subject)) {
		// "half a dozen donuts": the subject phrase ran to "half".
		fixSubjectPhrase(sc, phrases, toks, drop)
	}
	dropSubjects(sc, drop)
	ownersOut(sc, phrases, toks, classes)
	for _, el := range redrawn {
		// "a crane at a construction site": no birds in the picture.
		if !slices.ContainsFunc(sc.Subjects, func(s easel.Subject) bool { return s.Element == el }) {
			sc.Elements = slices.DeleteFunc(sc.Elements, func(e string) bool { return e == el })
		}
	}
	dropColours(sc, phrases, toks)
	dropGroups(sc, phrases, toks)
	portionFirst(sc)
	for _, s := range sc.Subjects {
		if s.Element != "" && !slices.Contains(sc.Elements, s.Element) {
			sc.Elements = append(sc.Elements, s.Element)
		}
	}
	addRelations(sc, links, toks)
	dropJargon(sc, toks)
	settleSetting(sc, toks)
	settleDomain(sc)
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

func applyPhrase(ctx lexical.Context, s *easel.Subject, p *phrase, toks []token) {
	if p.count > 1 {
		s.Count = p.count // the tagger's count: "half a dozen" is six
	}

	s.Plural = s.Plural || p.plural || p.count > 1
	s.Colors = p.colors
	s.Materials = p.materials
	s.Action = p.action
	if p.object != nil {
		s.Object = p.object.text
		if p.object.of != nil {
			s.Object += " of " + p.object.of.text // "a piece of cheese"
		}
	}
	s.Relation = p.relation
	if p.size != "" {
		s.Size = p.size
	}
	if s.Category == "" {
		// A compound WordNet knows ("polar bear", "hot dog") first, its
		// categories ordered by its head word in WordNet's table.
		noun := toks[p.head].low
		if p.head > p.from {
			noun = toks[p.head-1].low + " " + noun
		}
		if p.head-1 > p.from {
			// "an ice cream cone": a compound of three words.
			if e, ok := lexical.Lookup(toks[p.head-2].low + " " + noun); ok && e.Freq[lexical.NounPOS] > 0 && e.Category() != "" {
				three := e.Lemma
				noun = three
			}
		}
		s.Category = ctx.Category(noun)
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

// isObject reports whether p is the object of another phrase's action.
func isObject(ps []*phrase, p *phrase) bool {
	if p == nil {
		return false
	}
	if p.isObj {
		return true
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
		// An adjective of a material noun ("woolen"), but not a colour
		// whose noun WordNet also files as a dye ("blue").
		if e.Of != "" && !isColor(w) {
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

// placedElsewhere drops the words the lexicon's chunks gave a noun as
// adjectives that the tagger placed elsewhere: "a bride in white holding
// roses" has no white holding roses; white is the bride's, holding her
// action.
func placedElsewhere(adjs []string, p *phrase, ps []*phrase, toks []token, tags []lexical.Tag) []string {
	out := adjs[:0]
	for _, a := range adjs {
		k := p.head - 1
		for k >= 0 && toks[k].low != a {
			k--
		}
		keep := k < 0 || k >= p.from
		if !keep {
			keep = tags[k] != lexical.Ing && tags[k] != lexical.Verb && tags[k] != lexical.Part
			for _, q := range ps {
				if q != p && (slices.Contains(q.colors, a) || slices.Contains(q.mods, a)) {
					keep = false
				}
			}
		}
		if keep {
			out = append(out, a)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// retag corrects the tags that the words around them contradict, where
// WordNet knows the word as a noun: a verb before "of" is a noun ("piles
// of books"); a count word after an article with no "of" or noun after it
// is a noun ("a young couple dancing"); an adjective that ends a phrase
// after an article is a noun ("across a plain").
func retag(ws []lexical.Word, classes []class) {
	n := len(ws)
	noun := func(i int) bool {
		e, _, ok := lexical.FindNoun(ws[i].Text)
		return ok && e.Freq[lexical.NounPOS] > 0
	}
	verb := false // a verb came before in the clause
	for i := range ws {
		next := lexical.Other
		if i+1 < n {
			next = ws[i+1].Tag
		}
		nextOf := i+1 < n && ws[i+1].Text == "of"
		if ws[i].Tag == lexical.Noun && !verb && i > 0 && ws[i-1].Tag == lexical.Noun && !ws[i].Plural &&
			(ws[i-1].Plural || severalBefore(ws, i-1)) &&
			(next == lexical.Prep || next == lexical.Conj || next == lexical.Adv || i+1 >= n) && classes[i] == cNone {
			// "two deer graze beside a stream": a word more often a verb
			// after a plural is its verb.
			if e, ok := lexical.Lookup(ws[i].Text); ok && e.Freq[lexical.VerbPOS] > e.Freq[lexical.NounPOS] {
				ws[i].Tag = lexical.Verb
			}
		}
		verb = verb || ws[i].Tag == lexical.Verb || ws[i].Tag == lexical.Ing
		if functionWords[ws[i].Text] == fnConj && ws[i].Tag == lexical.Prep {
			ws[i].Tag = lexical.Conj // "as two deer graze": a new clause
			verb = false
		}
		switch ws[i].Tag {
		case lexical.Noun:
			if adjBeforeModifier(ws, i) {
				ws[i].Tag = lexical.Adj // "a snug reading corner"
			}
		case lexical.Verb:
			if nextOf && i > 0 && classes[i] != cVerb && noun(i) {
				ws[i].Tag = lexical.Noun
			} else if i > 0 && (ws[i-1].Tag == lexical.Adj || ws[i-1].Tag == lexical.Det || ws[i-1].Tag == lexical.Num) && classes[i] != cVerb && noun(i) {
				ws[i].Tag = lexical.Noun // "a single red rose", "the saw"
			} else if _, plural, ok := lexical.FindNoun(ws[i].Text); ok && plural && classes[i] != cVerb && severalBefore(ws, i) {
				ws[i].Tag, ws[i].Plural = lexical.Noun, true // "three rubber ducks"
			}
		case lexical.Part, lexical.Ing:
			if i > 0 && (ws[i-1].Tag == lexical.Adj || ws[i-1].Tag == lexical.Det || ws[i-1].Tag == lexical.Num) && next != lexical.Noun && next != lexical.Adj &&
				(classes[i] == cThing || ws[i-1].Tag == lexical.Det && (classes[i] == cNone || classes[i] == cPlace) && noun(i) && categoryOf(ws[i].Text) != "") {
				// "a single red rose": a thing the lexicon knows; "at a
				// crossing", "a clearing": a noun WordNet files.
				ws[i].Tag = lexical.Noun
			}
		case lexical.Num:
			if i > 0 && (ws[i-1].Tag == lexical.Det || ws[i-1].Tag == lexical.Adj) && !nextOf &&
				next != lexical.Noun && next != lexical.Adj && quantityNouns[ws[i].Text] {
				ws[i].Tag = lexical.Noun
			}
		case lexical.Adj:
			if i > 0 && ws[i-1].Tag == lexical.Det && (next == lexical.Prep || next == lexical.Conj || next == lexical.Other && i+1 >= n) &&
				classes[i] != cColor && classes[i] != cAdj && noun(i) && categoryOf(ws[i].Text) != "" && !isColor(ws[i].Text) {
				ws[i].Tag = lexical.Noun
			}
		}
	}
}

// kindsOut drops the material words that name a kind of the thing or a
// flavour of a food: pine trees and maple syrup are made of no wood (an
// oak table is).
func kindsOut(materials []string, cat string) []string {
	if edible[cat] {
		return nil
	}
	out := materials[:0]
	for _, m := range materials {
		if e, _, ok := lexical.FindNoun(m); ok && cat != "" && e.Category() == cat {
			continue
		}
		out = append(out, m)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// severalBefore reports whether the noun at i is counted as several: a
// number above one or a group's "of" comes before it ("two deer", "a herd
// of sheep"), for nouns whose plural is their singular.
func severalBefore(ws []lexical.Word, i int) bool {
	for k := i - 1; k >= 0; k-- {
		switch {
		case ws[k].Tag == lexical.Adj || ws[k].Tag == lexical.Noun && k < i-1 || ws[k].Tag == lexical.Noun && ws[i].Tag != lexical.Noun:
			continue
		case ws[k].Tag == lexical.Num:
			return ws[k].Num > 1
		case ws[k].Text == "of":
			return true
		}
		return false
	}
	return false
}

// colourKindsOut drops the colour words that name a kind of the thing:
// cherry trees and lemon trees are not cherry- or lemon-coloured.
func colourKindsOut(colors []string, cat string) []string {
	if cat == "" {
		return colors
	}
	out := colors[:0]
	for _, c := range colors {
		if e, _, ok := lexical.FindNoun(c); ok && e.Category() != "color" && e.Has(cat) {
			continue
		}
		out = append(out, c)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// fixSubjectPhrase extends the subject phrase that stopped at a count
// ("half") to the noun it counts ("half a dozen donuts").
func fixSubjectPhrase(sc *easel.Scene, phrases []*phrase, toks []token, drop map[int]bool) {
	first := firstWord(sc.Subject)
	for i, s := range sc.Subjects {
		if drop[i] {
			continue
		}
		for _, p := range phrases {
			if p.noun != s.Noun {
				continue
			}
			for k := 0; k < p.from; k++ {
				if toks[k].low == first {
					sc.Subject = strings.ToLower(sc.Idea[toks[k].start:toks[p.to-1].end])
					return
				}
			}
		}
		return
	}
}

package scene

import (
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/lexical"
)

// This file settles what kind of thing a subject is where the words around
// its noun say more than the noun does (addFacts calls it):
//
//   - the lexicon's kind against WordNet's category: "a crane at a
//     construction site" is a machine (agree);
//   - made things: "three plastic dinosaurs", "a glass swan", "a stuffed
//     bear" are a toy or an artwork, not animals (madeKind);
//   - actors: one who mends, repairs or oils something is the person or the
//     animal WordNet first knows, not the device its tools speak of
//     (actorKind);
//   - objects: for what someone flies, swings or clicks WordNet's first
//     sense is the prior, not the lexicon's kind (objectContext, agree);
//   - owners: "a witch's cottage" names no witch in the picture (absent);
//   - function words: a pronoun, an adverb or a lone -ing word is never a
//     subject ("him", "nearby", "drifting": notASubject).

// madeKind is the category of a living thing the idea names with what it
// is made of: a material noun ("plastic", "glass", "paper", "bronze"), an
// adjective made from one ("wooden", "woolen"), or a word WordNet's glosses
// use of toys far more than of the thing ("stuffed"). It is a toy or an
// artwork, as the material speaks of either; "" when the subject is alive.
// Words that only liken ("silky", "velvety"), colours ("golden", "silver")
// and compounds WordNet knows ("golden retriever", "rocking horse") make
// nothing.
func madeKind(s *easel.Subject) string {
	e, _, ok := lexical.FindNoun(strings.ToLower(s.Noun))
	if !ok || !living[e.Category()] && !living[s.Category] || compound(s) {
		return "" // the idea's living one or WordNet's: "a paper crane"
	}
	person := e.Category() == "person" || s.Category == "person"
	for _, a := range s.Adjectives {
		if f, _, ok := lookupPhrase(a); ok && f.e.class == cColor || isColor(a) {
			continue
		}
		m, ok := lexical.Lookup(a)
		if !ok {
			continue
		}
		switch cats := m.CategoryList(); {
		case m.Freq[lexical.NounPOS] == 0 || len(cats) == 0:
		case cats[0] == "toy" || cats[0] == "artwork":
			return cats[0] // "a toy soldier", "a bronze horse"
		case !person && (cats[0] == "material" || len(cats) > 1 && cats[1] == "material"):
			return toyOrArt(a, s.Noun) // "a glass swan"
		}
		if stem, ok := strings.CutSuffix(a, "en"); ok && len(stem) > 2 {
			if st, ok := lexical.Lookup(stem); ok && st.Has("material") {
				return toyOrArt(a, s.Noun) // "a wooden horse"
			}
		}
		if m.Of == "" && m.Freq[lexical.AdjPOS] > 0 && !person && toyWord(a, e) {
			return "toy" // "a stuffed bear"
		}
	}
	return ""
}

// toyOrArt is toy where the material word speaks of toys more than of
// works of art ("plastic", "rubber"), else artwork ("bronze", "ceramic").
func toyOrArt(material, noun string) string {
	if lexical.NewContext([]string{material}).Favours(noun, "toy", "artwork") > 0 {
		return "toy"
	}
	return "artwork"
}

// toyWord reports whether adjective a speaks of toys by twice the context
// margin more than of every living sense of the noun, and the noun has no
// sense one eats ("a stuffed turkey" is a dish).
func toyWord(a string, e lexical.Entry) bool {
	ctx := lexical.NewContext([]string{a})
	for _, x := range e.Senses() {
		if edible[x.Category] {
			return false
		}
		if living[x.Category] && ctx.Favours(e.Lemma, "toy", x.Category) < 2*lexical.ContextMargin {
			return false
		}
	}
	return true
}

// actorKind is the living category an actor keeps: the subject does
// something (an -ing word or a verb, not a participle such as "tied"), its
// noun is first of all a person or an animal in WordNet, and the idea's
// other words made it a thing ("a man fixing a bicycle": the bicycle's
// words speak of devices; "a sailor mending nets": of clothing). "" when
// nothing is to be undone. A machine that acts keeps its sense: WordNet
// knows a crane first as a machine.
func actorKind(s *easel.Subject, toks []token, tags []lexical.Tag) string {
	if s.Action == "" || living[s.Category] {
		return ""
	}
	if t := tagOf(toks, tags, s.Action); t != lexical.Ing && t != lexical.Verb {
		return ""
	}
	e, _, ok := lexical.FindNoun(strings.ToLower(s.Noun))
	if !ok || !living[e.Category()] {
		return ""
	}
	return e.Category()
}

// objectContext is the context in which to judge phrase p when it is the
// object of an action ("flying a kite", "clicking a mouse"): the idea's
// words, or the words without the verb where the verb alone makes the
// thing alive. A verb's glosses speak of what does it (birds fly) as much
// as of what it is done to (one clicks a mouse); of its object only the
// second counts, unless the verb speaks of animals at large (feed, pet):
// then it says what it is done to. obj reports whether p is an object.
func objectContext(ctx lexical.Context, words []string, ps []*phrase, p *phrase, tags []lexical.Tag) (_ lexical.Context, obj bool) {
	if p == nil || !isObject(ps, p) {
		return ctx, false
	}
	v := p.from - 1
	if v < 0 || tags[v] != lexical.Ing && tags[v] != lexical.Verb && tags[v] != lexical.Part {
		return ctx, true
	}
	if lexical.NewContext(words[v:v+1]).Favours(p.noun, "animal", "color") > 0 {
		// "feeding a crane", "petting a mouse": a verb whose glosses
		// speak of animals at large says what it is done to.
		return ctx, true
	}
	w := make([]string, len(words))
	copy(w, words)
	w[v] = ""
	nctx := lexical.NewContext(w)
	if living[ctx.Category(p.noun)] && !living[nctx.Category(p.noun)] {
		return nctx, true
	}
	return ctx, true
}

// absent reports whether p names the owner of a thing that is in the
// picture without it: "a witch's cottage", "a painter's studio" (a thing
// WordNet files, or a place), or whatever the idea opens with ("a dragon's
// egg"). The owner of a thing WordNet files under no category further on,
// a body part, is there: "a girl on her father's shoulders".
func absent(p *phrase, toks []token, classes []class) bool {
	q := p.owns
	if q == nil {
		return false
	}
	return p.from == 0 || categoryOf(toks[q.head].low) != "" || classes[q.head] == cPlace
}

// notASubject reports whether the tagger reads the word the parser took for
// a subject's noun as no noun of any phrase but a pronoun, an adverb, an
// adjective or a verb form WordNet gives no category: "him", "nearby",
// "drifting".
func notASubject(toks []token, tags []lexical.Tag, noun string) bool {
	if strings.Contains(noun, " ") || categoryOf(noun) != "" {
		return false
	}
	if _, _, known := lookupPhrase(noun); known {
		return false // "snow falling": the lexicon's weather is a thing too
	}
	switch tagOf(toks, tags, noun) {
	case lexical.Adj, lexical.Part, lexical.Ing, lexical.Adv, lexical.Other:
		return true
	}
	return false
}

// possessiveNouns tags as nouns the possessive words WordNet knows as
// nouns: "a giant's boot" names a giant (an owner), though "giant" alone
// is more often a size.
func possessiveNouns(ws []lexical.Word, toks []token) {
	for i := range ws {
		if toks[i].poss && ws[i].Tag != lexical.Noun {
			if e, _, ok := lexical.FindNoun(ws[i].Text); ok && e.Freq[lexical.NounPOS] > 0 {
				ws[i].Tag = lexical.Noun
			}
		}
	}
}

// possessive rewrites the owner word among a subject's adjectives as the
// idea wrote it ("witch" → "witch's") once the owner is no subject.
func possessive(s *easel.Subject, owner string) {
	for i, a := range s.Adjectives {
		if a == owner {
			s.Adjectives[i] = owner + "'s"
		}
	}
}

// ownedInPlace handles subject s, the owner phrase p that is not in the
// picture: where the owner's thing is a subject already, s is dropped
// (nil); else ("a dragon's egg") s becomes that thing in the owner's
// place, and its phrase is returned.
func ownedInPlace(sc *easel.Scene, s *easel.Subject, p *phrase, toks []token) *phrase {
	q := p.owns
	for i := range sc.Subjects {
		if x := &sc.Subjects[i]; x != s && lastWord(x.Noun) == toks[q.head].low {
			return nil
		}
	}
	if q.used {
		return nil
	}
	*s = easel.Subject{Noun: q.noun, Adjectives: append([]string{toks[p.head].low}, q.mods...)}
	if f, _, ok := lookupPhrase(q.noun); ok && len(f.e.elements) > 0 {
		s.Element = f.e.elements[0]
	}
	return q
}

// ownersOut writes each owner that is not in the picture as the idea
// does, a possessive ("a witch's cottage"), and takes out what the lexicon
// drew for it (the witch's person).
func ownersOut(sc *easel.Scene, phrases []*phrase, toks []token, classes []class) {
	for _, p := range phrases {
		if p.owns == nil || !absent(p, toks, classes) {
			continue
		}
		owner, el := toks[p.head].low, ""
		if f, _, ok := lookupPhrase(owner); ok && len(f.e.elements) > 0 {
			el = f.e.elements[0]
		}
		sc.Subject, sc.Setting = ownerWord(sc.Subject, owner), ownerWord(sc.Setting, owner)
		for i := range sc.Subjects {
			if x := &sc.Subjects[i]; lastWord(x.Noun) == toks[p.owns.head].low {
				possessive(x, owner)
				if el != "" && x.Element == el {
					x.Element = elementFor(x.Category, x.Plural) // a king's crown is no king
				}
			}
		}
		if el != "" {
			dropElement(sc, easel.Subject{Element: el})
		}
	}
}

// ownerWord writes the owner word of a phrase as a possessive: "a witch
// cottage" → "a witch's cottage".
func ownerWord(phrase, owner string) string {
	ws := strings.Fields(phrase)
	for i, w := range ws {
		if w == owner && i+1 < len(ws) {
			ws[i] = owner + "'s"
			return strings.Join(ws, " ")
		}
	}
	return phrase
}

// adjBeforeModifier reports whether the noun at i is rather an adjective:
// after an article and before an -ing word and a noun ("a snug reading
// corner", "a cozy sewing nook"), a word WordNet knows at least as often
// as an adjective describes the noun, with the -ing word; it is no actor
// doing the -ing.
func adjBeforeModifier(ws []lexical.Word, i int) bool {
	if i == 0 || i+2 >= len(ws) || ws[i-1].Tag != lexical.Det || ws[i+1].Tag != lexical.Ing || ws[i+2].Tag != lexical.Noun {
		return false
	}
	e, ok := lexical.Lookup(ws[i].Text)
	return ok && e.Freq[lexical.AdjPOS] > 0 && e.Freq[lexical.AdjPOS] >= e.Freq[lexical.NounPOS]
}

// elementCategory is the WordNet category of the things a lexicon element
// draws.
var elementCategory = map[string]string{
	"person": "person", "people": "person", "birds": "bird", "seagulls": "bird", "fish": "fish",
	"koi": "fish", "whale": "sea mammal", "cat": "mammal", "dog": "mammal", "fox": "mammal",
	"horse": "mammal", "deer": "mammal", "camel": "mammal", "animal": "mammal", "flowers": "flower",
	"sunflowers": "flower", "trees": "tree", "pines": "tree", "palms": "tree",
}

// agree settles a subject whose lexicon element and WordNet category are
// different kinds of thing: "crane" is in the lexicon's birds and WordNet's
// likeliest crane is a machine. Which one wins is decided by evidence, not
// by the noun:
//
//   - A compound WordNet knows ("baseball bat", "computer mouse") names one
//     sense outright: the element follows the category.
//   - Otherwise the lexicon's kind is the prior, not WordNet's likeliest
//     sense. The lexicon was written for pictures (people who type "a crane"
//     or "a cardinal" mostly mean the bird), while WordNet's sense weights
//     count prose, where a cardinal is a churchman. So the lexicon's kind
//     stands unless the idea's other words speak for WordNet's category by
//     the margin context itself needs (lexical.ContextMargin): "a crane at
//     a construction site" is a machine, "a crane wading in a marsh" and
//     "a cardinal in the snow" are birds.
//   - Where the idea clearly speaks for WordNet's category, the element
//     follows it (elementFor): a machine is drawn as an object, never as
//     birds, and the writer says no "wildlife".
//
// A noun WordNet files under no sense of the lexicon's kind (a phoenix is a
// city there) keeps both: the lexicon knows a sense WordNet's categories
// miss.
//
// It reports whether the element changed.
func agree(ctx, near lexical.Context, s *easel.Subject, inRoom, object bool) bool {
	lc := elementCategory[s.Element]
	if lc == "" || s.Category == "" {
		return false
	}
	if inRoom && buildingKind[s.Category] {
		// A room's words speak of buildings, but what stands in a room
		// is no building: "a bedroom with plants" has houseplants, not
		// factories.
		if sense := senseOf(s.Noun, lc); sense != "" {
			s.Category = sense
		}
		return false
	}
	if f, _, ok := lookupPhrase(s.Noun); ok && f.e.class != cThing {
		return false // a garden's trees, an island's palms: scenery a place brings
	}
	same := lexical.Family(lc) == lexical.Family(s.Category)
	if compound(s) {
		if same {
			return false
		}
		s.Element = elementFor(s.Category, s.Plural)
		return true
	}
	sense, best := s.Category, ""
	if !same {
		// WordNet's choice against the lexicon's kind: the idea's
		// words must speak for WordNet's by the margin.
		if sense = senseOf(s.Noun, lc); sense == "" {
			return false
		}
		if hominid(lc, s.Noun, s.Category) {
			s.Category = sense
			return false
		}
		if ctx.Favours(s.Noun, s.Category, sense) >= lexical.ContextMargin ||
			// What someone flies or swings is first what WordNet first
			// knows it as: a kite is a toy unless the idea speaks of birds.
			object && ctx.Favours(s.Noun, sense, s.Category) < lexical.ContextMargin {
			best = s.Category
		}
		if best != "" && !object && senseWeight(s.Noun, best) < minPriorSense && near.Favours(s.Noun, best, sense) < lexical.ContextMargin {
			best = "" // a rare sense needs its own phrase's word: "a wireless mouse", not "his dog" by a fisherman's nets
		}
	} else {
		// WordNet's choice and the lexicon agree; another sense of
		// the noun needs twice the margin ("a roast duck on a
		// platter" is food; "a climber hanging from a cliff" stays a
		// person, not the climbing plant).
		e, _, _ := lexical.FindNoun(s.Noun)
		by := 2 * lexical.ContextMargin
		for _, x := range e.Senses() {
			if lexical.Family(x.Category) == lexical.Family(lc) || x.Category == "color" || x.Category == "material" || x.Category == "shape" {
				continue
			}
			if x.Weight == 0 {
				continue // a sense WordNet never saw used: "a man playing a guitar" is no game piece
			}
			if hominid(lc, s.Noun, x.Category) {
				continue
			}
			if x.Weight < minPriorSense && near.Favours(s.Noun, x.Category, sense) < lexical.ContextMargin {
				continue // a rare sense needs its own phrase's word: "a roast duck"
			}
			if f := ctx.Favours(s.Noun, x.Category, sense); f >= by {
				best, by = x.Category, f
			}
		}
	}
	if best == "" {
		s.Category = sense
		return false
	}
	s.Category = best
	s.Element = elementFor(best, s.Plural)
	return true
}

// buildingKind are the categories of things too big to stand in a room.
var buildingKind = map[string]bool{"structure": true, "building": true, "tower": true, "settlement": true}

// roomIdea reports whether one of the idea's subjects is a room, by
// WordNet: what else it names stands inside.
func roomIdea(sc *easel.Scene) bool {
	for _, x := range sc.Subjects {
		if x.Category == "room" {
			return true
		}
		if e, _, ok := lexical.FindNoun(strings.ToLower(x.Noun)); ok && e.Category() == "room" {
			return true
		}
	}
	return false
}

// lexiconAgrees reports whether the kind the lexicon draws the noun as
// is of the family of its category (or the lexicon says no kind).
func lexiconAgrees(e *entry, category string) bool {
	if len(e.elements) == 0 || category == "" {
		return true
	}
	lc := elementCategory[e.elements[0]]
	return lc == "" || lexical.Family(lc) == lexical.Family(category)
}

// compound reports whether the subject's noun with the words before it is
// a compound WordNet knows with a category ("baseball bat").
func compound(s *easel.Subject) bool {
	n := len(s.Adjectives)
	for k := 1; k <= 2 && k <= n; k++ {
		w := strings.Join(s.Adjectives[n-k:], " ") + " " + s.Noun
		if e, _, ok := lexical.FindNoun(w); ok && e.Category() != "" {
			return true
		}
	}
	return strings.Contains(s.Noun, " ") && categoryOf(s.Noun) != ""
}

// senseOf is the noun's WordNet sense of the same kind as category c (c
// itself first), "" when it has none of at least minPriorSense.
func senseOf(noun, c string) string {
	e, _, ok := lexical.FindNoun(noun)
	if !ok {
		return ""
	}
	senses := e.Senses()
	for _, x := range senses {
		if x.Category == c && x.Weight >= minPriorSense {
			return c
		}
	}
	for _, x := range senses {
		if lexical.Family(x.Category) == lexical.Family(c) && x.Weight >= minPriorSense {
			return x.Category
		}
	}
	return ""
}

// minPriorSense is the least share of WordNet's evidence (in percent) a
// sense needs for the lexicon's kind to choose it: the lexicon chooses
// among a noun's real senses (a seal is the animal, 5%, before the stamp),
// not its rare or slang ones (a fairy is a creature, not the slur for a
// person at 2%; a coconut is food, not the palm at 1%).
const minPriorSense = 5

// hominid reports whether category cat of a noun the lexicon draws as a
// person (lc) is its rare mammal sense, the hominid ("man" as a member of
// the family Hominidae): still a person to draw, whatever the woods
// around speak of ("a man walking his dog in the woods").
func hominid(lc, noun, cat string) bool {
	if lc != "person" || cat != "mammal" {
		return false
	}
	e, _, ok := lexical.FindNoun(noun)
	if !ok {
		return false
	}
	for _, x := range e.Senses() {
		if x.Category == "mammal" {
			return x.Weight < 20
		}
	}
	return false
}

// nearContext is the context of phrase p's own words and the verb before
// it ("a roast duck", "clicking a mouse"): what must speak for a rare
// sense (under minPriorSense) where the lexicon and WordNet agree on
// another. The rest of the idea may speak of other things: a fisherman's
// nets and boat make his dog no device.
func nearContext(words []string, p *phrase, tags []lexical.Tag) lexical.Context {
	if p == nil {
		return lexical.NewContext(words)
	}
	from := p.from
	if from > 0 && (tags[from-1] == lexical.Ing || tags[from-1] == lexical.Verb || tags[from-1] == lexical.Part) {
		from--
	}
	return lexical.NewContext(words[from:p.to])
}

// senseWeight is the share of WordNet's evidence (in percent) for the
// noun's sense of category c, 0 when it has none.
func senseWeight(noun, c string) int {
	e, _, _ := lexical.FindNoun(noun)
	for _, x := range e.Senses() {
		if x.Category == c {
			return x.Weight
		}
	}
	return 0
}

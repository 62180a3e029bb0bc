package scene

import (
	"slices"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/lexical"
)

// This file turns what the tagger bound together into the Scene's facts:
// the relations between subjects (Scene.Relations), and the subjects that
// are only a count or a group of others ("half a dozen", "a flock of").

// quantityNouns are nouns that only count what follows them.
var quantityNouns = map[string]bool{
	"half": true, "couple": true, "pair": true, "dozen": true, "trio": true, "quartet": true,
	"handful": true, "score": true, "number": true,
}

// quantity reports whether noun only counts the thing after it in the
// idea: "half a dozen eggs", "a couple of penguins" ("a couple" alone is
// two people).
func quantity(idea, noun string) bool {
	if frontWords[noun] {
		low := strings.ToLower(idea)
		return strings.Contains(low, " "+noun+" of ") || strings.Contains(low, "on "+noun) || strings.Contains(low, "in "+noun)
	}
	if !quantityNouns[noun] {
		return false
	}
	low := strings.ToLower(idea)
	return strings.Contains(low, noun+" of ") || strings.Contains(low, noun+" a ") || strings.Contains(low, " in "+noun)
}

// tagOf is the tag of the first token that is w.
func tagOf(toks []token, tags []lexical.Tag, w string) lexical.Tag {
	for i, t := range toks {
		if t.low == w {
			return tags[i]
		}
	}
	return lexical.Other
}

// postHead reports whether noun is a word of p after its head: an
// adjective after its noun.
func postHead(toks []token, p *phrase, noun string) bool {
	if strings.Contains(noun, " ") || toks[p.head].low == noun {
		return false
	}
	for k := p.head + 1; k < p.to; k++ {
		if toks[k].low == noun {
			return true
		}
	}
	return false
}

// preHead reports whether noun is a word of p before its head that the
// tagger does not read as a noun: a modifier of the head.
func preHead(toks []token, tags []lexical.Tag, p *phrase, noun string) bool {
	if strings.Contains(noun, " ") || toks[p.head].low == noun {
		return false
	}
	for k := p.from; k < p.head; k++ {
		if toks[k].low == noun {
			return tags[k] != lexical.Noun
		}
	}
	return false
}

// dropSubjects removes the subjects at the marked indices.
func dropSubjects(sc *easel.Scene, drop map[int]bool) {
	if len(drop) == 0 {
		return
	}
	var gone []easel.Subject
	out := sc.Subjects[:0]
	for i, s := range sc.Subjects {
		if drop[i] {
			gone = append(gone, s)
		} else {
			out = append(out, s)
		}
	}
	sc.Subjects = out
	for _, g := range gone {
		dropElement(sc, g)
	}
}

// dropElement removes the element of a subject that is gone, unless
// another subject is drawn by it ("a couple of penguins" draws no people).
func dropElement(sc *easel.Scene, g easel.Subject) {
	if g.Element == "" || slices.ContainsFunc(sc.Subjects, func(s easel.Subject) bool { return s.Element == g.Element }) {
		return
	}
	sc.Elements = slices.DeleteFunc(sc.Elements, func(e string) bool { return e == g.Element })
}

// living are the categories of living things, which come in groups.
var living = map[string]bool{
	"person": true, "creature": true, "sea mammal": true, "mammal": true, "bird": true, "fish": true,
	"reptile": true, "amphibian": true, "insect": true, "sea creature": true, "animal": true,
}

// dropGroups makes a group or a portion that is nothing of its own ("a
// flock of sheep", "a school of fish", "a piece of cheese": WordNet gives
// flock, school and piece no category) give way to what it holds: the
// members are the subject, placed where the group was, several of them.
func dropGroups(sc *easel.Scene, phrases []*phrase, toks []token) {
	for _, p := range phrases {
		if p.of == nil || categoryOf(toks[p.head].low) != "" {
			continue
		}
		gi := slices.IndexFunc(sc.Subjects, func(s easel.Subject) bool { return s.Noun == p.noun })
		mi := slices.IndexFunc(sc.Subjects, func(s easel.Subject) bool { return s.Noun == p.of.noun })
		if gi < 0 || mi < 0 || gi == mi {
			continue
		}
		g, m := sc.Subjects[gi], &sc.Subjects[mi]
		switch m.Category {
		case "color", "material", "shape":
			continue
		case "":
			if m.Element == "" {
				continue // "a pile of coins": neither is drawn
			}
		}
		if m.Relation == "" {
			m.Relation = g.Relation
		}
		if m.Action == "" {
			m.Action, m.Object = g.Action, g.Object
		}
		if living[m.Category] || m.Category == "flower" || m.Category == "tree" {
			m.Plural = true
		}
		p.noun = m.Noun // its relations are the members'
		sc.Subjects = slices.Delete(sc.Subjects, gi, gi+1)
		dropElement(sc, g) // "a flock of sheep" draws no birds
	}
}

// addRelations writes the links the tagger found as Scene.Relations, by
// the nouns the subjects have. A portion stands for what it holds ("a
// piece of cheese" is the cheese); "in" a piece of clothing is wearing it.
func addRelations(sc *easel.Scene, links []link, toks []token) {
	for _, l := range links {
		to := l.to
		if to.of != nil && categoryOf(toks[to.head].low) == "" {
			to = to.of
		}
		r := easel.Relation{Subject: l.from.noun, Verb: l.verb, Prep: l.prep, Object: to.noun}
		if r.Prep == "in" && categoryOf(to.noun) == "clothing" {
			r.Verb, r.Prep = "wearing", ""
		}
		if r.Subject == "" || r.Object == "" || r.Subject == r.Object || slices.Contains(sc.Relations, r) {
			continue
		}
		sc.Relations = append(sc.Relations, r)
	}
}

// subjectDomains are the domains that name the kind of thing shown
// rather than the place.
var subjectDomains = map[string]bool{
	"portrait": true, "animal": true, "bird": true, "insect": true, "food": true, "drink": true,
	"still life": true, "product": true, "vehicle": true, "botanical": true, "fashion": true,
}

// categoryDomains is the domain of the things of a WordNet category.
var categoryDomains = map[string]string{
	"person": "portrait", "mammal": "animal", "animal": "animal", "reptile": "animal",
	"amphibian": "animal", "bird": "bird", "insect": "insect",
	// Things one shows alone, as a product shot.
	"device": "product", "container": "product", "clothing": "product", "jewelry": "product",
	"toy": "product", "instrument": "product", "artwork": "still life",
	"fruit": "food", "vegetable": "food", "cake": "food", "bread": "food", "cookie": "food",
	"pastry": "food", "sandwich": "food", "soup": "food", "salad": "food", "pasta": "food",
	"pie": "food", "dessert": "food", "candy": "food", "dish": "food", "food": "food",
	"drink": "drink",
	"car":   "vehicle", "bus": "vehicle", "truck": "vehicle", "train": "vehicle", "boat": "vehicle",
	"aircraft": "vehicle", "bicycle": "vehicle", "motorcycle": "vehicle", "vehicle": "vehicle",
	// Only for a scene that has no domain yet.
	"flower": "botanical", "plant": "botanical", "tree": "botanical", "spacecraft": "space",
	"celestial body": "space", "tower": "architecture", "building": "architecture",
	"bridge": "architecture", "room": "interior", "furniture": "interior",
	"creature": "fantasy", "sea creature": "underwater", "fish": "underwater", "sea mammal": "ocean",
}

// placeCategories are the WordNet categories of places: a thing put in or
// on one is seen there.
var placeCategories = map[string]string{
	"room": "interior", "building": "architecture", "structure": "architecture",
	"land": "field", "landform": "field", "water": "water", "settlement": "village",
}

// settleDomain makes the Scene's domain agree with its main subject: a
// group's word does not choose it ("a flock of sheep" is animals, not
// birds), and a person or a dish the idea puts somewhere is seen there ("a
// chef cooking in a busy kitchen" is an interior, "pumpkins on a porch" a
// porch, not a food close-up), unless the idea asks for a portrait or a
// close-up.
func settleDomain(sc *easel.Scene) {
	if len(sc.Subjects) == 0 {
		return
	}
	s0 := sc.Subjects[0]
	own := ""
	f, _, known := lookupPhrase(s0.Noun)
	// Where the idea made the noun another kind of thing than the
	// lexicon's (agree: "a crane at a construction site"), the lexicon's
	// domain is not the subject's.
	agrees := !known || f.e.class != cThing || lexiconAgrees(f.e, s0.Category)
	if known && f.e.class == cThing && agrees {
		own = f.e.domain
	}
	if own == "" {
		own = categoryDomains[s0.Category]
	}
	// The lexicon's chunks took another word for the subject's head ("two
	// deer graze": graze), or did not know the subject at all ("an iguana
	// on a stone wall": the wall chose), so the domain they chose is not
	// the subject's. Only living things are trusted to WordNet here: its
	// first sense of a cardinal is a person, of a swordfish food.
	misread := !agrees || lastWord(sc.Subject) != lastWord(s0.Noun) && !strings.Contains(sc.Subject, " of ") ||
		!known && (own == "animal" || own == "bird" || own == "insect" || own == "botanical")
	if own != "" && own != sc.Domain && (sc.Domain == "" || (subjectDomains[sc.Domain] || misread) && subjectDomains[own]) {
		sc.Domain = own
	}
	switch sc.Domain {
	case "portrait", "food", "drink", "still life", "product":
	default:
		return
	}
	low := strings.ToLower(sc.Idea)
	if sc.View == "portrait" && hasWord(s0.Object, "portrait") && !strings.Contains(low, "portrait of") {
		sc.View = "" // "a woman painting a portrait": what she paints
	}
	if sc.View == "portrait" || sc.View == "close-up" || strings.HasPrefix(low, "portrait") || strings.Contains(low, "portrait of") || strings.Contains(low, "headshot") {
		return
	}
	place, structure := placeDomain(sc, s0.Noun)
	if place == "" || place == sc.Domain || sc.Domain != "portrait" && place == "interior" {
		return // a cup of coffee in a cafe is still a drink
	}
	if structure && sc.Domain != "portrait" && !living[s0.Category] && !plants[s0.Category] {
		return // a headphone on a plinth is still a product shot
	}
	sc.Domain = place
}

// plants are the categories of growing things.
var plants = map[string]bool{"plant": true, "flower": true, "tree": true}

// placeDomain is the domain of the place the idea puts noun in or on: its
// setting, else the object of its relation when WordNet files that under a
// place ("in the park", "on a porch"). structure reports a place WordNet
// only knows as a structure or a building seen from outside (a porch, a
// plinth), where a product or a dish may still stand for a close shot.
func placeDomain(sc *easel.Scene, noun string) (domain string, structure bool) {
	if sc.Setting != "" {
		if f, _, ok := lookupPhrase(sc.Setting); ok && f.e.class == cPlace && f.e.domain != "" && f.e.domain != "sky" && !subjectDomains[f.e.domain] {
			return f.e.domain, false
		}
	}
	// The subject's own places first, then those of what it is placed
	// against ("a mechanic under a truck in a garage").
	near := []string{noun}
	for _, r := range sc.Relations {
		if r.Subject == noun && !slices.Contains(near, r.Object) {
			near = append(near, r.Object)
		}
	}
	rels := make([]easel.Relation, 0, len(sc.Relations))
	for _, n := range near {
		for _, r := range sc.Relations {
			if r.Subject == n {
				rels = append(rels, r)
			}
		}
	}
	for _, r := range rels {
		if r.Prep == "" || r.Prep == "with" || r.Prep == "of" || !locative[firstWord(r.Prep)] {
			continue
		}
		d := ""
		if f, _, ok := lookupPhrase(r.Object); ok && f.e.domain != "" {
			// The lexicon's section: a kitchen or a fireplace is an
			// interior; a horse is no place.
			if f.e.domain == "sky" || subjectDomains[f.e.domain] {
				continue
			}
			d = f.e.domain
			if f.e.class == cPlace {
				return d, false
			}
		} else {
			d = placeCategories[categoryOf(r.Object)]
		}
		if (d == "architecture" || d == "village") && (r.Prep == "in" || r.Prep == "inside") {
			return "interior", false // in a garage, in a barn
		}
		if d != "" {
			return d, d == "architecture"
		}
	}
	if sc.Setting != "" {
		if d := placeCategories[categoryOf(sc.Setting)]; d != "" {
			return d, d == "architecture"
		}
	}
	return "", false
}

// settleSetting names the setting from WordNet when the lexicon knew no
// place: the land, water, settlement or room the main subject is in or on
// ("a girl walking a dog in the park"), or a building it is inside.
func settleSetting(sc *easel.Scene, toks []token) {
	placeNames(sc, toks)
	if sc.Setting != "" || len(sc.Subjects) == 0 {
		return
	}
	for _, r := range sc.Relations {
		if r.Subject != sc.Subjects[0].Noun || !locative[r.Prep] {
			continue
		}
		switch categoryOf(r.Object) {
		case "land", "landform", "water", "settlement", "room":
		case "building":
			if r.Prep != "in" && r.Prep != "inside" {
				continue
			}
		default:
			continue
		}
		sc.Setting = r.Object
		// The place stays a subject when the idea gives it a colour or a
		// count ("into a turquoise pool").
		sc.Subjects = slices.DeleteFunc(sc.Subjects, func(s easel.Subject) bool {
			return s.Noun == r.Object && len(s.Colors) == 0 && s.Count == 0
		})
		return
	}
}

// dropColours takes the colour words the parser made subjects ("shades of
// green", "a splash of red", "the white of fresh snow"): a colour is
// nothing to draw but the colour of the thing its "of" joins it to; it
// stays in the palette either way.
func dropColours(sc *easel.Scene, phrases []*phrase, toks []token) {
	for i := 0; i < len(sc.Subjects); i++ {
		c := sc.Subjects[i]
		if c.Category != "color" && !(isColor(c.Noun) && (c.Category == "" || colourUse(toks, c.Noun))) {
			continue
		}
		for _, p := range phrases {
			if p.of == nil {
				continue
			}
			other := ""
			switch {
			case p.noun == c.Noun:
				other = p.of.noun // "the white of fresh snow"
			case p.of.noun == c.Noun:
				other = p.noun // "shades of green"
			}
			if j := slices.IndexFunc(sc.Subjects, func(s easel.Subject) bool { return s.Noun == other || hasWord(s.Noun, other) }); other != "" && j >= 0 && j != i {
				sc.Subjects[j].Colors = appendNew(sc.Subjects[j].Colors, c.Noun)
			}
		}
		sc.Subjects = slices.Delete(sc.Subjects, i, i+1)
		dropElement(sc, c)
		i--
	}
}

// colourUse reports whether the idea uses the word w as a colour, not a
// thing, by the words around it: "streaks of violet", "the blue of a
// summer sky" (but "a field of lavender" is flowers).
func colourUse(toks []token, w string) bool {
	for k, t := range toks {
		if t.low != w {
			continue
		}
		prev, next := "", ""
		if k > 0 {
			prev = toks[k-1].low
		}
		if k+1 < len(toks) {
			next = toks[k+1].low
		}
		if prev == "of" && k >= 2 {
			// "streaks of violet", not "a field of lavender"
			c := categoryOf(toks[k-2].low)
			return c == "" || c == "shape" || c == "color"
		}
		return prev == "in" || prev == "the" && next == "of"
	}
	return false
}

// placeNames reads a name typed with a capital after "in" that neither
// the lexicon nor WordNet knows ("a lavender field in Provence") as the
// name of the place: it joins the setting and is no subject. And a part
// of a thing's own body ("on its back") is no subject either.
func placeNames(sc *easel.Scene, toks []token) {
	for i := 1; i < len(toks); i++ {
		t := toks[i]
		name := t.text != "" && t.text[0] >= 'A' && t.text[0] <= 'Z' && toks[i-1].low == "in"
		own := false // "on its back", "its great red spot"; "her lap" may be another's
		for k := i - 1; k >= 1 && !own; k-- {
			if toks[k].low == "its" {
				own = true
			} else if !sizes[toks[k].low] && toks[k].low != "great" && toks[k].low != "long" {
				break
			}
		}
		if !name && !own {
			continue
		}
		j := slices.IndexFunc(sc.Subjects, func(s easel.Subject) bool { return s.Noun == t.low })
		if j <= 0 || sc.Subjects[j].Category != "" || sc.Subjects[j].Element != "" || len(sc.Subjects[j].Colors) > 0 {
			continue
		}
		if name {
			if e, _, ok := lexical.FindNoun(t.low); ok && e.Freq[lexical.NounPOS] > 1 {
				continue // a common noun typed with a capital
			}
			if sc.Setting != "" && !hasWord(sc.Setting, t.low) {
				sc.Setting += " in " + t.low
			}
		}
		sc.Subjects = slices.Delete(sc.Subjects, j, j+1)
		sc.Relations = slices.DeleteFunc(sc.Relations, func(r easel.Relation) bool { return own && r.Object == t.low })
	}
}

// jargon are the words of prompt-writing habit that name no thing to
// draw: resolutions, quality tags, render engines, the lighting and the
// "style" of "in the style of".
var jargon = map[string]bool{
	"4k": true, "8k": true, "16k": true, "hd": true, "uhd": true, "hdr": true, "highly": true,
	"trending": true, "artstation": true, "masterpiece": true, "quality": true, "octane": true,
	"render": true, "unreal": true, "lighting": true, "style": true, "resolution": true,
}

// dropJargon takes out the subjects that are prompt jargon ("4k",
// "trending on artstation", "cinematic lighting") and the artist or studio
// of "in the style of Van Gogh", who is to be imitated, not drawn; their
// words stay in Extra.
func dropJargon(sc *easel.Scene, toks []token) {
	styleOf := map[string]bool{}
	for i := 0; i+3 < len(toks); i++ {
		if toks[i].low == "style" && toks[i+1].low == "of" {
			for _, t := range toks[i+2:] {
				if t.brk {
					styleOf[t.low] = true
					break
				}
				styleOf[t.low] = true
			}
		}
	}
	if len(styleOf) == 0 && !slices.ContainsFunc(sc.Subjects, func(s easel.Subject) bool { return jargon[s.Noun] }) {
		return
	}
	for i := 0; i < len(sc.Subjects); i++ {
		s := sc.Subjects[i]
		if i == 0 && len(sc.Subjects) == 1 || !jargon[s.Noun] && !styleOf[lastWord(s.Noun)] {
			continue
		}
		sc.Extra = appendNew(sc.Extra, strings.Fields(s.Noun)...)
		sc.Subjects = slices.Delete(sc.Subjects, i, i+1)
		sc.Relations = slices.DeleteFunc(sc.Relations, func(r easel.Relation) bool { return r.Subject == s.Noun || r.Object == s.Noun })
		dropElement(sc, s)
		i--
	}
}

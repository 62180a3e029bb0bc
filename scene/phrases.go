package scene

import (
	"strings"

	"github.com/easel-art/easel/lexical"
)

// This file finds the noun phrases of a clause from its tags, with what
// binds them: the action each does and its object ("flying a kite"), the
// prepositions that place one against another ("on a giant strawberry",
// "above the clouds"), the "of" that makes a portion or a group ("a piece
// of cheese", "a flock of sheep"), counts ("half a dozen", "a pair of"),
// sizes, and adjectives that come after their noun ("the pizza fresh from
// the oven", "a cat, black and sleek", "a bride in white").

// sizes are the English size adjectives a painter acts on.
var sizes = map[string]bool{
	"tiny": true, "small": true, "little": true, "miniature": true, "mini": true, "minuscule": true,
	"big": true, "large": true, "huge": true, "giant": true, "gigantic": true, "enormous": true,
	"massive": true, "colossal": true, "immense": true, "towering": true, "oversized": true,
	"titanic": true, "monumental": true, "vast": true,
}

// nounPhrases finds the noun phrases of one clause, with the action,
// object and relation that follow each, and the links between them. prev
// is the actor of the clause before: a clause of adjectives ("black and
// sleek") or a place (", on a roof") is about it.
func nounPhrases(toks []token, tags []lexical.Word, classes []class, offset int, st *clauseState) ([]*phrase, []link) {
	prev, prevWith, prevBare := st.actor, st.with, st.bare
	var out []*phrase
	var links []link
	n := len(tags)
	isNom := func(t lexical.Tag) bool {
		return t == lexical.Noun || t == lexical.Adj || t == lexical.Num || t == lexical.Det
	}
	colour := func(k int) bool {
		_, fn := functionWords[toks[k].low] // the "and" of "black and white"
		return !fn && (classes[k] == cColor || isColor(toks[k].low))
	}
	afterColours := -1 // the token after "in white"
	last := prev       // the phrase an action or relation attaches to
	var lastP *phrase  // the phrase just before
	lastRel := false   // lastP was placed by a preposition
	pending := 0       // a count waiting for its "of" phrase
	prepExtra := ""    // "in front of", "on top of"
	var lastAction *phrase
	withFrom := prevWith // what the items of a "with" list belong to
	var withTo *phrase   // the last item of that list
	for i := 0; i < n; {
		t := tags[i].Tag
		// "in white", "in black and white": the colours someone wears or
		// something is painted in, not a thing.
		if t == lexical.Prep && toks[i].low == "in" && last != nil {
			j := i + 1
			var cols []string
			for j < n {
				if colour(j) {
					cols = append(cols, toks[j].low)
				} else if !((toks[j].low == "and" || toks[j].low == "or") && len(cols) > 0 && j+1 < n && colour(j+1)) {
					break
				}
				j++
			}
			if len(cols) > 0 && (j >= n || tags[j].Tag != lexical.Noun && tags[j].Tag != lexical.Adj) {
				last.colors = appendNew(last.colors, cols...)
				i, afterColours = j, j
				continue
			}
		}
		// A participle or -ing word before a noun inside a phrase
		// modifies it ("a burning castle", "a sleeping fox").
		modifier := func(j int) bool {
			tj := tags[j].Tag
			if tj != lexical.Ing && tj != lexical.Part || j == afterColours {
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
			// "his father's shoulders": the possessor is a phrase of its
			// own, and what is his belongs to him.
			var owner *phrase
			start := i
			for k := i; k < j-1; k++ {
				if toks[k].poss && tags[k].Tag == lexical.Noun {
					owner = &phrase{from: offset + i, to: offset + k + 1, head: offset + k, noun: toks[k].low}
					var b strings.Builder
					for m := i; m <= k; m++ {
						if b.Len() > 0 {
							b.WriteByte(' ')
						}
						b.WriteString(toks[m].low)
						if m < k && tags[m].Tag != lexical.Det {
							owner.describe(toks[m].low, classes[m] == cColor)
						}
					}
					owner.text = b.String()
					out = append(out, owner)
					i = k + 1
					break
				}
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
				adjs := true
				for k := i; k < j; k++ {
					if tags[k].Tag == lexical.Num && tags[k].Num > 1 {
						pending = tags[k].Num
					}
					adjs = adjs && tags[k].Tag == lexical.Adj && toks[k].low != "half"
				}
				if j >= n || toks[j].low != "of" {
					pending = 0
				}
				// Adjectives with no noun after a noun describe it: "a
				// cat, black and sleek", "a room painted white".
				if adjs && last != nil && (i == 0 || tags[i-1].Tag != lexical.Prep) {
					for k := i; k < j; k++ {
						last.describe(toks[k].low, classes[k] == cColor)
					}
				}
				i = j
				continue
			}
			p := &phrase{from: offset + i, to: offset + j, head: offset + head, plural: tags[head].Plural, noun: toks[head].low}
			if head > i && tags[head-1].Tag != lexical.Det && tags[head-1].Tag != lexical.Num && !colour(head-1) {
				// "a reed bed", "a fire truck": a compound WordNet knows.
				if e, ok := lexical.Lookup(toks[head-1].low + " " + toks[head].low); ok && e.Freq[lexical.NounPOS] > 0 {
					p.noun = toks[head-1].low + " " + toks[head].low
				}
			}
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
					if w.Num == 12 && k >= 2 && toks[k-1].low == "a" && toks[k-2].low == "half" {
						p.count = 6 // half a dozen
					}
				case lexical.Det:
				default:
					if k < head {
						p.describe(toks[k].low, classes[k] == cColor)
					} else if k > head && w.Tag == lexical.Adj {
						// "the pizza fresh from the oven"
						p.describe(toks[k].low, classes[k] == cColor)
					}
				}
			}
			p.text = b.String()
			if owner != nil {
				p.of, owner.owns = owner, p
			}
			if p.count == 0 && pending > 0 && start > 0 && toks[start-1].low == "of" {
				p.count = pending
			}
			pending = 0
			if p.count == 1 {
				p.count = 0
			}
			before := lexical.Other
			if start > 0 {
				before = tags[start-1].Tag // the owner's preposition or verb
			}
			prep := ""
			switch {
			case prepExtra != "":
				prep, before, prepExtra = prepExtra, lexical.Prep, ""
			case before == lexical.Prep:
				prep = prepAt(toks, tags, start)
			}
			// "in front of", "on top of": the noun is part of the
			// preposition.
			if before == lexical.Prep && prep != "of" && j < n && toks[j].low == "of" && head == j-1 && len(p.mods) == 0 && frontWords[toks[head].low] {
				prepExtra = prep + " " + toks[head].low + " of"
				i = j + 1
				continue
			}
			// "a cake with a strawberry on top": on top of what it is
			// with.
			if before == lexical.Prep && (j >= n || toks[j].low != "of") && head == j-1 && frontWords[toks[head].low] {
				if withFrom != nil && lastP != nil && lastP != withFrom {
					links = append(links, link{from: lastP, to: withFrom, prep: prep + " " + toks[head].low + " of"})
				}
				i = j
				continue
			}
			// The phrase is the object of the action before it, completes
			// the phrase before ("a piece of cheese"), places the last
			// actor ("on a branch") or the thing placed before it ("on a
			// cliff above the sea"), or is a new actor.
			verbish := before == lexical.Ing || before == lexical.Verb || before == lexical.Part
			switch {
			case lastAction != nil && lastAction.object == nil && verbish:
				lastAction.object, p.isObj = p, true
				// "a grandmother and her granddaughter baking cookies":
				// both bake them.
				for _, f := range append([]*phrase{lastAction}, lastAction.with...) {
					links = append(links, link{from: f, to: p, verb: lastAction.action})
				}
				lastRel = false
			case before == lexical.Conj && lastP != nil && lastP.isObj && lastAction != nil:
				// "holding a sword and a shield": a second object.
				p.isObj = true
				links = append(links, link{from: lastAction, to: p, verb: lastAction.action})
			case withFrom != nil && (before == lexical.Conj && lastRel || start == 0 && before == lexical.Other):
				// "with eggs, bacon and toast": each item is with it.
				links = append(links, link{from: withFrom, to: p, prep: "with"})
				lastRel, withTo = true, p
			case prep == "of" && lastP != nil:
				lastP.of = p
				if classes[lastP.head-offset] == cFrame || classes[lastP.head-offset] == cStyle {
					// "a portrait of a smiling baker holding bread": the
					// baker holds it, not the portrait.
					last, lastRel = p, false
				}
			case last != nil && before == lexical.Prep && temporal[prep]:
				// "during a storm": a time, not a place
			case last != nil && before == lexical.Prep:
				from := last
				if lastRel && lastP != nil && !(withFrom != nil && classes[head] == cPlace) {
					// "on a cliff above the sea": the cliff is above it;
					// but "a watch with a strap on black marble": the
					// watch lies on the marble.
					from = lastP
				}
				if from.relation == "" {
					from.relation = prep + " " + p.text
				}
				for _, f := range append([]*phrase{from}, from.with...) {
					l := link{from: f, to: p, prep: prep}
					if f.object == nil {
						l.verb = f.action // "sitting on a giant strawberry"
					}
					links = append(links, l)
				}
				// "in a trench coat on a rainy street": clothing is worn,
				// it places nothing after it.
				lastRel = !(prep == "in" && categoryOf(toks[head].low) == "clothing") && classes[head] != cWeather
				withFrom = nil
				if prep == "with" {
					withFrom, withTo = from, p
				}
			default:
				if before == lexical.Conj && last != nil && lastP == last && (toks[start-1].low == "and" || toks[start-1].low == "or") ||
					start == 0 && prevBare && last != nil && last == prev {
					// "a cat and a dog on a sofa": both are placed.
					p.with = append([]*phrase{last}, last.with...)
				}
				last = p
				lastRel = false
			}
			out = append(out, p)
			lastP = p
			i = j
			continue
		}
		if (t == lexical.Ing || t == lexical.Part) && withFrom != nil && withTo != nil && withTo != last && withTo.action == "" && classes[i] != cStyle &&
			!living[categoryOf(last.noun)] {
			// "a kitchen with copper pots hanging above the stove": the
			// pots hang; a room or a thing does nothing.
			last, withTo.action, lastAction = withTo, toks[i].low, withTo
			withFrom, lastRel = nil, false
		} else if (t == lexical.Ing || t == lexical.Verb || t == lexical.Part) && last != nil && last.action == "" && classes[i] != cStyle {
			last.action = toks[i].low
			lastAction = last
			withFrom = nil
			lastRel = false // "a boy with a balloon running through a crowd": the boy runs
		}
		i++
	}
	st.actor, st.with = last, withFrom
	st.bare = len(out) > 0
	for i := range tags {
		st.bare = st.bare && tags[i].Tag != lexical.Prep && tags[i].Tag != lexical.Verb && tags[i].Tag != lexical.Ing && tags[i].Tag != lexical.Part
	}
	return out, links
}

// clauseState carries what one clause leaves to the next: its last actor,
// the thing a "with" list belongs to, and whether it was only a list of
// things ("an owl, a fox and a rabbit in a snowy forest": the owl is in
// the forest too).
type clauseState struct {
	actor, with *phrase
	bare        bool
}

// temporal are the prepositions of time.
var temporal = map[string]bool{"during": true, "after": true, "until": true, "since": true, "for": true}

// frontWords are the nouns of "in front of", "on top of", "in the middle
// of".
var frontWords = map[string]bool{"front": true, "top": true, "middle": true}

// prepAt is the preposition before token i, of one or more words ("on",
// "next to", "out of").
func prepAt(toks []token, tags []lexical.Word, i int) string {
	k := i - 1
	for k > 0 && tags[k-1].Tag == lexical.Prep && i-k < 3 {
		k--
	}
	var b strings.Builder
	for ; k < i; k++ {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(toks[k].low)
	}
	return b.String()
}

// describe adds an adjective to the phrase, with the colour, material
// and size it names.
func (p *phrase) describe(w string, lexColour bool) {
	p.mods = append(p.mods, w)
	if lexColour || isColor(w) {
		p.colors = appendNew(p.colors, w)
	}
	if isMaterial(w) {
		p.materials = append(p.materials, w) // silver is both
	}
	if sizes[w] && p.size == "" {
		p.size = w
	}
}

// appendNew appends the words of ws that s does not hold yet.
func appendNew(s []string, ws ...string) []string {
	for _, w := range ws {
		found := false
		for _, x := range s {
			found = found || x == w
		}
		if !found {
			s = append(s, w)
		}
	}
	return s
}

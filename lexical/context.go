package lexical

import (
	"math"
	"strings"
)

// Context chooses among a noun's likely categories by the other words of
// an idea: "a kite in the sky" is a toy, "a bat in a cave" a mammal, "a
// mouse next to a keyboard" a device. What a word speaks of comes from
// WordNet's glosses (the generator's contextVocabulary): every gloss is
// about its synset's category and the things it names, and a word speaks
// of the categories its glosses are about more often than glosses at large
// are. Nothing here is a list of nouns.
type Context struct {
	words []string
}

// NewContext is the context of an idea's words (lower case, as typed).
func NewContext(words []string) Context { return Context{words: words} }

// contextWeight is how much one word's evidence (in half nats) counts
// against WordNet's sense weights: a few words that speak clearly of a
// category move a noun off its likeliest sense, one weak word does not.
const contextWeight = 1.0

// contextMargin is how much more (in nats) the other words must say for
// another category than for the likeliest before the noun changes: gloss
// statistics are noisy, and a wrong change costs more than a missed one.
const contextMargin = 1.0

// Category is the category of noun (as typed: "bats", "red fox") among the
// idea's words: its likeliest WordNet category unless the other words
// speak for another of its likely ones. A compound WordNet knows is
// looked up whole first.
func (c Context) Category(noun string) string {
	e, ok := c.entry(noun)
	if !ok {
		return ""
	}
	senses := e.Senses()
	if len(senses) < 2 || len(c.words) < 2 {
		return e.Category()
	}
	own := strings.Fields(noun)
	var buf [maxSenses]float64
	score := buf[:min(len(senses), maxSenses)]
	senses = senses[:len(score)]
	var keyBuf [maxSenses]string
	keys := keyBuf[:len(senses)]
	for i, s := range senses {
		keys[i] = s.Category
		if strings.IndexByte(s.Category, ' ') >= 0 {
			keys[i] = strings.ReplaceAll(s.Category, " ", "_") // as the table writes it
		}
		// Tempered: the tag counts behind the weights are few.
		score[i] = math.Log(float64(s.Weight)/100) / 2
	}
	c.evidence(own, keys, score)
	best := 0
	for i, s := range senses {
		if i > 0 && !attributes[s.Category] && score[i] > score[best] {
			best = i
		}
	}
	if score[best]-score[0] < contextMargin || family(senses[best].Category) == family(senses[0].Category) {
		// Context tells a kite from a bird, not one vehicle from
		// another: "rolling" may speak of trains, a tank is still a tank.
		return senses[0].Category
	}
	return senses[best].Category
}

// evidence adds to score[i] what the idea's words (the noun's own words
// aside) say for category keys[i], in nats.
func (c Context) evidence(own, keys []string, score []float64) {
	for i, w := range c.words {
		if isOwn(own, w) || len(w) < 3 || ofWhat(c.words, i, own) {
			continue
		}
		if _, closed := closedClass[w]; closed {
			continue
		}
		we, ok := contextEntry(w)
		if !ok {
			continue
		}
		// A word that is itself a thing of a category says nothing of
		// its own: a shark circling a diver is no person, a cup of
		// coffee no drink. What its glosses speak of does.
		if we.ctx == "" {
			continue
		}
		for i := range keys {
			score[i] += contextWeight * float64(we.speaksOf(keys[i])) / 2
		}
	}
}

// Favours is how much more (in nats) the idea's words, the noun's own
// aside, speak for category a than for category b, WordNet's sense
// weights left out: a caller with a better prior than WordNet's sense
// counts (the scene lexicon, written for pictures) compares it with
// contextMargin.
func (c Context) Favours(noun, a, b string) float64 {
	keys := []string{strings.ReplaceAll(a, " ", "_"), strings.ReplaceAll(b, " ", "_")}
	var score [2]float64
	c.evidence(strings.Fields(noun), keys, score[:])
	return score[0] - score[1]
}

// ContextMargin is how much more the idea's words must say for another
// category before context changes a noun's (Context.Category).
const ContextMargin = contextMargin

// Family is the family a category belongs to ("bird" and "mammal" are
// animals, "car" and "boat" vehicles), the category itself when it has
// none: context tells a kite from a bird, not one animal from another.
func Family(c string) string { return family(c) }

// families group the categories of one kind of thing; the generator
// (internal/wngen) ranks a noun's senses by them too.
var families = func() map[string]string {
	m := map[string]string{}
	for _, f := range [][]string{
		{"mammal", "sea mammal", "bird", "fish", "reptile", "amphibian", "insect", "sea creature", "animal"},
		{"fruit", "vegetable", "cake", "bread", "cookie", "pastry", "sandwich", "soup", "salad", "pasta", "pie", "dessert", "candy", "dish", "food"},
		{"spacecraft", "aircraft", "bus", "truck", "train", "bicycle", "motorcycle", "car", "boat", "vehicle"},
		{"flower", "tree", "plant"},
	} {
		for _, c := range f {
			m[c] = f[0]
		}
	}
	return m
}()

func family(c string) string {
	if f, ok := families[c]; ok {
		return f
	}
	return c
}

// attributes are the categories that describe rather than name a thing:
// context does not turn a noun into one.
var attributes = map[string]bool{"color": true, "material": true, "shape": true}

// ofWhat reports whether words[i] is what the noun holds or is made of
// ("a plate of pasta", "a cup of hot coffee"): it says what is in the
// noun, not what the noun is.
func ofWhat(words []string, i int, own []string) bool {
	for j := i - 1; j >= 1 && j >= i-3; j-- {
		if words[j] == "of" {
			return isOwn(own, words[j-1])
		}
		if _, closed := closedClass[words[j]]; closed && words[j] != "a" && words[j] != "an" {
			return false
		}
	}
	return false
}

func isOwn(own []string, w string) bool {
	for _, o := range own {
		if o == w {
			return true
		}
	}
	return false
}

// entry finds the noun as typed: a compound whole, else its last word
// (also where WordNet knows the compound but gives it no category: a "full
// moon" is a phase there, the moon a celestial body).
func (c Context) entry(noun string) (Entry, bool) {
	if e, _, ok := FindNoun(noun); ok && (e.cats != "" || !strings.Contains(noun, " ")) {
		return e, true
	}
	if i := strings.LastIndexByte(noun, ' '); i >= 0 {
		return c.entry(noun[i+1:])
	}
	return Entry{}, false
}

// contextEntry is the WordNet entry of a word of an idea: itself, or the
// noun or verb it is a form of ("branches", "flying").
func contextEntry(w string) (Entry, bool) {
	if e, ok := Lookup(w); ok {
		return e, true
	}
	if e, _, ok := FindNoun(w); ok {
		return e, true
	}
	if e, _, ok := FindVerb(w); ok {
		return e, true
	}
	return Entry{}, false
}

// maxSenses bounds the categories a noun has in the table.
const maxSenses = 8

// speaksOf is how strongly the word speaks of category key (as the table
// writes it: "sea_mammal"), in half nats (0 when it does not).
func (e Entry) speaksOf(key string) int {
	s := e.ctx
	for s != "" {
		x := s
		if i := strings.IndexByte(s, ','); i >= 0 {
			x, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		if len(x) == len(key)+1 && x[:len(key)] == key {
			return int(x[len(key)] - '0')
		}
	}
	return 0
}

package lexical

import (
	"math"
	"strings"
)

// Tag is a word's part of speech in an idea.
type Tag uint8

// The tags. Closed-class words come from a list (closedClass); open-class
// words from WordNet.
const (
	Other Tag = iota // pronoun, auxiliary, filler: "is", "it", "very"
	Det              // a, the, some, every
	Num              // three, 12, a dozen
	Prep             // in, on, under, with
	Conj             // and, or, while
	Adj              // snowy, red, wooden
	Noun             // fox, teapot, mars
	Verb             // sleeps, sits (a finite or base verb)
	Ing              // walking, holding
	Part             // perched, covered (a past participle)
	Adv              // slowly
	numTags
)

var tagNames = [...]string{"X", "DT", "CD", "IN", "CC", "JJ", "NN", "VB", "VBG", "VBN", "RB"}

func (t Tag) String() string { return tagNames[t] }

// Word is one tagged word of an idea.
type Word struct {
	Text  string // lower case, as typed
	Tag   Tag
	Lemma string // the WordNet lemma for nouns and verbs ("fox" for "foxes", "walk" for "walking")
	// Plural is set for a noun in a plural form.
	Plural bool
	// Num is the number a Num word stands for (0 for "some", "many").
	Num int
	// Entry is the word's WordNet entry, when it has one.
	Entry Entry
	Known bool // found in WordNet or the closed-class list
}

// closedClass lists English function words and their tags: these are not
// in WordNet (which has only nouns, verbs, adjectives and adverbs).
var closedClass = map[string]Tag{
	"a": Det, "an": Det, "the": Det, "some": Det, "this": Det, "these": Det, "those": Det,
	"my": Det, "your": Det, "our": Det, "his": Det, "her": Det, "their": Det, "its": Det,
	"every": Det, "each": Det, "any": Det, "another": Det, "many": Det, "several": Det,
	"few": Det, "numerous": Det, "countless": Det, "no": Det, "that": Det,

	"of": Prep, "in": Prep, "on": Prep, "at": Prep, "under": Prep, "over": Prep, "above": Prep,
	"below": Prep, "beneath": Prep, "beside": Prep, "by": Prep, "near": Prep, "with": Prep,
	"without": Prep, "along": Prep, "alongside": Prep, "across": Prep, "through": Prep,
	"into": Prep, "onto": Prep, "from": Prep, "to": Prep, "for": Prep, "during": Prep,
	"behind": Prep, "inside": Prep, "around": Prep, "between": Prep, "among": Prep,
	"amid": Prep, "amidst": Prep, "against": Prep, "beyond": Prep, "toward": Prep,
	"towards": Prep, "upon": Prep, "underneath": Prep, "past": Prep, "outside": Prep,
	"within": Prep, "atop": Prep, "via": Prep, "like": Prep, "after": Prep, "before": Prep,
	"next": Prep, "throughout": Prep, "off": Prep, "out": Prep, "up": Prep, "down": Prep,
	"full": Prep, "as": Prep, "than": Prep,

	"and": Conj, "or": Conj, "but": Conj, "while": Conj, "where": Conj, "which": Conj,
	"who": Conj, "whose": Conj, "when": Conj, "then": Conj, "plus": Conj, "&": Conj, "+": Conj,
	"nor": Conj, "yet": Conj,

	"is": Other, "are": Other, "was": Other, "were": Other, "be": Other, "been": Other,
	"being": Other, "it": Other, "there": Other, "here": Other, "has": Other, "have": Other,
	"had": Other, "very": Other, "so": Other, "too": Other, "just": Other, "really": Other,
	"quite": Other, "extremely": Other, "please": Other, "me": Other, "i": Other,
	"them": Other, "they": Other, "he": Other, "she": Other, "we": Other, "you": Other,
	"him": Other, "us": Other, "not": Other, "can": Other, "will": Other, "would": Other,
	"should": Other, "could": Other, "may": Other, "might": Other, "must": Other, "do": Other,
	"does": Other, "did": Other, "itself": Other, "themselves": Other, "each other": Other,
}

// numbers are the words that count.
var numbers = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "dozen": 12,
	"pair": 2, "couple": 2, "single": 1, "lone": 1, "twin": 2, "trio": 3, "both": 2,
}

// trans is the tag-to-tag score: log-odds of tag b following tag a in an
// English noun-phrase-heavy description, set from the grammar of noun
// phrases (determiner, numbers, adjectives, nouns; a participle or -ing
// verb after a noun; a preposition before a phrase). Row numTags is the
// start of the idea.
var trans = func() [numTags + 1][numTags]float64 {
	var t [numTags + 1][numTags]float64
	set := func(a Tag, pairs ...any) {
		for i := 0; i < len(pairs); i += 2 {
			t[a][pairs[i].(Tag)] = pairs[i+1].(float64)
		}
	}
	for a := range t {
		for b := range t[a] {
			t[a][b] = -2
		}
	}
	set(Det, Adj, 0.0, Noun, 0.0, Num, -0.5, Ing, -1.0, Part, -1.0, Verb, -5.0, Prep, -4.0, Det, -5.0, Adv, -1.5)
	set(Num, Adj, 0.0, Noun, 0.0, Ing, -1.5, Part, -1.5, Verb, -5.0, Prep, -1.5, Num, -2.0)
	set(Adj, Adj, -0.5, Noun, 0.0, Verb, -3.0, Prep, -1.0, Conj, -1.0, Ing, -2.0, Part, -2.5)
	set(Noun, Noun, -0.6, Prep, 0.0, Conj, -0.5, Ing, -0.3, Part, -0.8, Verb, -1.0, Adj, -2.5, Adv, -1.5, Det, -3.0)
	set(Verb, Det, 0.0, Prep, 0.0, Adv, -0.5, Noun, -0.8, Adj, -0.8, Num, -0.5)
	set(Ing, Det, 0.0, Prep, -0.2, Noun, -0.5, Adj, -0.8, Adv, -0.7, Num, -0.5, Ing, -3.0)
	set(Part, Prep, 0.0, Det, -0.5, Noun, -0.8, Adj, -1.0, Adv, -0.7, Conj, -0.8)
	set(Prep, Det, 0.0, Noun, -0.3, Adj, -0.3, Num, -0.3, Ing, -0.8, Prep, -1.0, Verb, -5.0)
	set(Conj, Det, 0.0, Noun, -0.3, Adj, -0.3, Num, -0.3, Ing, -0.5, Verb, -1.0, Part, -1.5)
	set(Other, Det, 0.0, Adj, -0.3, Noun, -0.5, Ing, -0.3, Part, -0.3, Prep, -0.5, Num, -0.5)
	set(Adv, Adj, 0.0, Verb, -0.5, Ing, -0.5, Part, -0.5, Prep, -0.5)
	set(numTags, Det, 0.0, Adj, -0.3, Noun, -0.3, Num, -0.3, Ing, -1.0, Part, -2.0, Verb, -3.0, Prep, -1.5)
	return t
}()

// candidate is one tag a word may have and its log score.
type candidate struct {
	tag   Tag
	score float64
	lemma string
	e     Entry
	plur  bool
	base  bool // a verb in its base form ("set", "walk")
}

// Tagging is a reusable tagger; the zero value is ready. Reusing one
// saves its buffers.
type Tagging struct {
	cands [][]candidate
	back  [][]int
	score [][]float64
}

// Tag tags the words of an idea (lower case, punctuation removed). It is
// a first-order Viterbi over the tags each word may have: closed-class
// words from a list, open-class words from WordNet weighted by how often
// each part of speech was tagged in WordNet's corpus, and unknown words by
// their ending.
func (tg *Tagging) Tag(words []string) []Word {
	n := len(words)
	out := make([]Word, n)
	if n == 0 {
		return out
	}
	tg.cands = tg.cands[:0]
	for _, w := range words {
		// Cached and shared: candidates are read, never changed.
		tg.cands = append(tg.cands, candCache.get(w, candidates))
	}
	tg.score = grow(tg.score, n)
	tg.back = growInt(tg.back, n)
	for i := range n {
		cs := tg.cands[i]
		tg.score[i] = tg.score[i][:0]
		tg.back[i] = tg.back[i][:0]
		for _, c := range cs {
			best, arg := math.Inf(-1), -1
			if i == 0 {
				best = trans[numTags][c.tag]
			} else {
				for j, p := range tg.cands[i-1] {
					s := tg.score[i-1][j] + trans[p.tag][c.tag]
					if c.base && p.tag == Noun && !p.plur {
						// "a chess set": a verb's base form does not
						// follow a singular noun as its subject.
						s -= 2
					}
					if s > best {
						best, arg = s, j
					}
				}
			}
			// The last word of an idea is rarely an adjective or a
			// determiner: "a fox sleeping" ends on a verb, "red" alone
			// stays an adjective as it has no other reading.
			if i == n-1 && (c.tag == Det || c.tag == Adj) {
				best -= 1.0
			}
			tg.score[i] = append(tg.score[i], best+c.score)
			tg.back[i] = append(tg.back[i], arg)
		}
	}
	k := 0
	for j := range tg.score[n-1] {
		if tg.score[n-1][j] > tg.score[n-1][k] {
			k = j
		}
	}
	for i := n - 1; i >= 0; i-- {
		c := tg.cands[i][k]
		out[i] = Word{Text: words[i], Tag: c.tag, Lemma: c.lemma, Entry: c.e, Plural: c.plur, Known: c.e.Lemma != "" || c.score > -1}
		if c.tag == Num {
			out[i].Num = number(words[i])
		}
		k = tg.back[i][k]
	}
	return out
}

func grow(s [][]float64, n int) [][]float64 {
	for len(s) < n {
		s = append(s, make([]float64, 0, 4))
	}
	return s
}

func growInt(s [][]int, n int) [][]int {
	for len(s) < n {
		s = append(s, make([]int, 0, 4))
	}
	return s
}

func number(w string) int {
	if v, ok := numbers[w]; ok {
		return v
	}
	v := 0
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return 0
		}
		v = v*10 + int(w[i]-'0')
	}
	return v
}

// candidates lists the tags word w may have, with log scores.
func candidates(w string) []candidate {
	if t, ok := closedClass[w]; ok {
		cs := []candidate{{tag: t, score: 0, lemma: w}}
		if w == "that" || w == "like" || w == "as" {
			cs = append(cs, candidate{tag: Conj, score: -0.5, lemma: w})
		}
		return cs
	}
	if number(w) > 0 || w == "0" {
		return []candidate{{tag: Num, score: 0, lemma: w}}
	}
	cs := make([]candidate, 0, 4)
	total := 0.0
	add := func(t Tag, f int, lemma string, e Entry, plur bool) {
		if f <= 0 {
			return
		}
		cs = append(cs, candidate{tag: t, score: float64(f), lemma: lemma, e: e, plur: plur})
		total += float64(f)
	}
	exact, found := Lookup(w)
	ne, plural, nok := findNoun(w, exact, found)
	if nok {
		add(Noun, ne.Freq[NounPOS], ne.Lemma, ne, plural)
	}
	if found {
		add(Adj, exact.Freq[AdjPOS], exact.Lemma, exact, false)
		add(Adv, exact.Freq[AdvPOS], exact.Lemma, exact, false)
	}
	if ve, form, ok := findVerb(w, exact, found); ok {
		f := ve.Freq[VerbPOS]
		switch form {
		case "ing":
			add(Ing, f, ve.Lemma, ve, false)
		case "ed":
			add(Part, f, ve.Lemma, ve, false)
		default:
			// "sleeps", "sits": also a plural noun reading ("waves"),
			// weighed by the noun's own frequency above.
			add(Verb, f, ve.Lemma, ve, false)
			cs[len(cs)-1].base = form == ""
		}
	}
	if v, ok := numbers[w]; ok && v > 0 {
		add(Num, 1000, w, Entry{}, false)
	}
	if len(cs) == 0 {
		// Not in WordNet: a name or a made-up word. By its ending: -ing is
		// an action, -ed a participle, -y/-ish/-ous/-ful/-less/-ic an
		// adjective, anything else a noun.
		switch {
		case len(w) > 5 && strings.HasSuffix(w, "ing"):
			return []candidate{{tag: Ing, score: -1.2, lemma: w}, {tag: Noun, score: -1.5, lemma: w}}
		case len(w) > 4 && strings.HasSuffix(w, "ed"):
			return []candidate{{tag: Part, score: -1.2, lemma: w}, {tag: Adj, score: -1.5, lemma: w}}
		case hasAnySuffix(w, "ish", "ous", "ful", "less", "ic", "ical", "esque", "like", "y"):
			return []candidate{{tag: Adj, score: -1.2, lemma: w}, {tag: Noun, score: -1.6, lemma: w}}
		}
		lemma, plural := w, false
		if s, ok := strings.CutSuffix(w, "s"); ok && len(s) > 2 && !strings.HasSuffix(s, "s") {
			lemma, plural = s, true
		}
		return []candidate{{tag: Noun, score: -1.2, lemma: lemma, plur: plural}, {tag: Adj, score: -2.5, lemma: w}}
	}
	for i := range cs {
		// Smoothed log share: a rare reading is unlikely, never impossible.
		cs[i].score = math.Log((cs[i].score + 0.5) / (total + 0.5*float64(len(cs))))
	}
	return cs
}

func hasAnySuffix(w string, sufs ...string) bool {
	for _, s := range sufs {
		if len(w) > len(s)+2 && strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

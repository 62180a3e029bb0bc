package main

import (
	"fmt"
	"math"
	"os"
	"slices"
	"sort"
	"strings"
)

// Context vocabulary: which words speak of which category. Every synset
// of a category is a document (its words, its definition and examples);
// a word speaks of a category when it comes in that category's documents
// more often than in WordNet's as a whole: bird glosses tell of feathers,
// nests and branches, clergy glosses of churches and robes. The table
// keeps, for each word, the categories it speaks of most and how strongly
// (the log of how many times more often, in half nats, 1 to 9).

// ctxMax is how many categories a word speaks of in the table.
const ctxMax = 8

// stopwords are the function words and the glosses' own stock phrases,
// which speak of nothing.
var stopwords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the of in on at to for from by with without and or but not no nor as
	is are was were be been being has have had do does did it its this that these those which who whom whose
	what when where while than then there their they them he she his her him one ones some any all each every
	other another such same more most less least very much many few used use usually especially often either
	etc e.g. i.e. something someone somebody thing things kind kinds sort type types part parts having made
	into onto out up down over under about after before between among through during can may might will would
	should could also only just like similar called known found sometimes typically generally commonly`) {
		stopwords[w] = true
	}
}

// lemmatizer folds a gloss word to its WordNet lemma ("branches" →
// "branch", "nesting" → "nest"), "" when it is none.
type lemmatizer struct {
	known map[string]bool   // every lemma of every part of speech
	exc   map[string]string // irregular forms
}

var lemmaRules = [][2]string{
	{"ies", "y"}, {"ves", "f"}, {"ves", "fe"}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"},
	{"shes", "sh"}, {"men", "man"}, {"s", ""}, {"ing", ""}, {"ing", "e"}, {"ed", ""}, {"ed", "e"},
	{"ied", "y"}, {"es", ""}, {"es", "e"},
}

func (l lemmatizer) lemma(w string) string {
	if l.known[w] {
		return w
	}
	if b, ok := l.exc[w]; ok && l.known[b] {
		return b
	}
	for _, r := range lemmaRules {
		if s, ok := strings.CutSuffix(w, r[0]); ok && len(s) > 1 && l.known[s+r[1]] {
			return s + r[1]
		}
	}
	return ""
}

// glossWords are the lemmas a synset's gloss holds, once each.
func glossWords(s synset, lz lemmatizer) []string {
	var out []string
	seen := map[string]bool{}
	add := func(text string) {
		for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return r < 'a' || r > 'z' }) {
			if len(w) < 3 || stopwords[w] {
				continue
			}
			if m := lz.lemma(w); m != "" && !stopwords[m] && !seen[m] {
				seen[m] = true
				out = append(out, m)
			}
		}
	}
	add(s.gloss)
	return out
}

// contextVocabulary finds, for every lemma, the categories it speaks of.
// Every gloss of WordNet (nouns, verbs, adjectives) is a document about
// the category of its synset and the categories of the things it names
// ("perch: sit, as on a branch; the birds perched high in the tree" is
// about birds and trees); a word speaks of a category when the documents
// holding it are about that category more often than documents at large
// are. Named individuals (instances) are left out.
func contextVocabulary(docs []map[int]synset, catOf func(int) int, lz lemmatizer, topCat map[string]int) map[string][]ctxWeight {
	nc := len(roots)
	df := map[string][]float64{} // lemma → documents about each category holding it; the last slot is all
	about := make([]float64, nc+1)
	for pi, ss := range docs {
		offs := make([]int, 0, len(ss))
		for o := range ss {
			offs = append(offs, o)
		}
		sort.Ints(offs)
		for _, o := range offs {
			s := ss[o]
			if s.instance {
				continue
			}
			words := glossWords(s, lz)
			cats := map[int]bool{}
			if pi == 0 {
				if c := catOf(o); c >= 0 {
					cats[c] = true
				}
			}
			own := map[string]bool{}
			for _, w := range s.words {
				own[strings.ToLower(w)] = true
			}
			for _, w := range words {
				if c, ok := topCat[w]; ok && c >= 0 && !own[w] {
					cats[c] = true
				}
			}
			about[nc]++
			for c := range cats {
				about[c]++
			}
			for _, w := range words {
				d := df[w]
				if d == nil {
					d = make([]float64, nc+1)
					df[w] = d
				}
				d[nc]++
				for c := range cats {
					d[c]++
				}
			}
		}
	}
	out := map[string][]ctxWeight{}
	for w, d := range df {
		var ws []ctxWeight
		for c := range nc {
			if d[c] < 2 {
				continue // too few to tell
			}
			// How many times more often the documents holding the word
			// are about the category than documents at large (smoothed).
			r := (d[c] / (d[nc] + 3)) / (about[c] / about[nc])
			s := int(math.Round(2 * math.Log(r)))
			if debugWords[w] {
				fmt.Fprintf(os.Stderr, "%s %s %.0f/%.0f base %.0f/%.0f s=%d\n", w, roots[c].cat, d[c], d[nc], about[c], about[nc], s)
			}
			if s < 1 {
				continue
			}
			ws = append(ws, ctxWeight{roots[c].cat, min(s, 9)})
		}
		// A category named by several roots (vehicle) keeps its best.
		slices.SortStableFunc(ws, func(a, b ctxWeight) int { return b.score - a.score })
		var kept []ctxWeight
		for _, x := range ws {
			if len(kept) == ctxMax {
				break
			}
			if !slices.ContainsFunc(kept, func(k ctxWeight) bool { return k.cat == x.cat }) {
				kept = append(kept, x)
			}
		}
		if len(kept) > 0 {
			out[w] = kept
		}
	}
	return out
}

// ctxWeight is how strongly a word speaks of a category.
type ctxWeight struct {
	cat   string
	score int
}

var debugWords = map[string]bool{}

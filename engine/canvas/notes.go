package canvas

import (
	"slices"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/lexical"
)

// notes.go holds the readings of the idea that NotDrawn and Roughly share
// with the painters: what a noun is in the idea's words (a measure of
// the food after it, a part of a place), and which of a table's dishes
// the table paints (it paints one: food.go's table).

// ideaWords are the lower-case words of the Scene's idea, punctuation
// trimmed.
func ideaWords(s *easel.Scene) []string {
	f := strings.Fields(strings.ToLower(s.Idea))
	for i, w := range f {
		f[i] = strings.Trim(w, ".,;:!?\"'()")
	}
	return f
}

// wordAt is the index of noun's last word in words, -1 when absent.
func wordAt(words []string, noun string) int {
	nw := strings.Fields(strings.ToLower(noun))
	if len(nw) == 0 {
		return -1
	}
	for i := range words {
		if i+len(nw) <= len(words) && slices.Equal(words[i:i+len(nw)], nw) {
			return i + len(nw) - 1
		}
	}
	return -1
}

// measureOf reports whether sub only measures or holds another subject
// named after it with "of" ("a stack of pancakes", "a pile of books", "a
// bowl of soup"): the picture of that subject is the picture of this one,
// so the notes speak of the other.
func measureOf(s *easel.Scene, sub easel.Subject) bool {
	return slices.ContainsFunc(s.Subjects, func(o easel.Subject) bool { return measures(s, sub, o) })
}

// measures reports whether the idea names b after a and "of", within a
// few words ("a stack of fluffy blueberry pancakes", "a loaf of bread").
func measures(s *easel.Scene, a, b easel.Subject) bool {
	if a.Noun == b.Noun {
		return false
	}
	if strings.HasPrefix(strings.ToLower(b.Noun), strings.ToLower(a.Noun)+" of ") {
		return true // the parser's "cup of tea" beside its "cup"
	}
	words := ideaWords(s)
	i := wordAt(words, a.Noun)
	if i < 0 || i+1 >= len(words) || words[i+1] != "of" {
		return false
	}
	j := wordAt(words[i+2:], b.Noun)
	if j < 0 || j >= 4 {
		return false
	}
	for _, w := range words[i+2 : i+2+j] {
		if slices.Contains(joinWords, w) {
			return false // "a loaf of bread with butter": the butter is no bread
		}
	}
	return true
}

// joinWords end a noun phrase: what follows is another thing.
var joinWords = []string{"with", "and", "on", "in", "beside", "next", "by", "under", "over", "near", "or", "at"}

// partOfPlace reports whether sub names a part or a spot of a place
// rather than a thing ("a street corner", "the edge of the forest", "the
// lake side"): WordNet files the noun under no kind of thing, and the
// idea joins it to a noun that is a place, before it or after "of".
func partOfPlace(s *easel.Scene, sub easel.Subject) bool {
	n := strings.ToLower(sub.Noun)
	if strings.Contains(n, " ") || sub.Element != "" {
		return false
	}
	if e, _, ok := lexical.FindNoun(n); !ok || len(e.CategoryList()) > 0 {
		return false // unknown to WordNet, or a kind of thing (a slime is neither: it has no picture)
	}
	words := ideaWords(s)
	i := wordAt(words, n)
	if i < 0 {
		return false
	}
	var around []string
	if i > 0 {
		around = append(around, words[i-1])
	}
	if i+2 < len(words) && words[i+1] == "of" {
		around = append(around, words[i+2:min(i+4, len(words))]...)
	}
	for _, w := range around {
		if isPlaceWord(w) {
			return true
		}
	}
	return false
}

// isPlaceWord reports whether w is a noun WordNet files first under a
// kind of place (a room, a landform, water, a settlement, land) or a
// word the canvas paints as a setting ("street", "forest").
func isPlaceWord(w string) bool {
	if settingElements[w] {
		return true
	}
	e, _, ok := lexical.FindNoun(w)
	if !ok {
		return false
	}
	switch e.Category() {
	case "room", "landform", "water", "settlement", "land":
		return true
	}
	return false
}

// shapeListed reports whether the element's categories hold one of the
// noun's WordNet categories ("plants" is a factory first in a bedroom,
// and a plant too: the flowers element paints the plant).
func shapeListed(sub easel.Subject) bool {
	cats, ok := elementCategories[sub.Element]
	if !ok {
		return false
	}
	e, _, found := lexical.FindNoun(strings.ToLower(sub.Noun))
	if !found {
		return false
	}
	for _, c := range e.CategoryList() {
		if slices.Contains(cats, c) {
			return true
		}
	}
	return false
}

// planOf is the plan the canvas makes of s, as the painters see it: its
// kind, its words and its subjects.
func planOf(s *easel.Scene) *plan {
	c := newCanvas(16, 16, 1, styleFor(StylePhoto))
	defer c.release()
	return makePlan(s, StylePhoto, 16, 16, c, frame{})
}

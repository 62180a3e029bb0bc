package scene

import (
	"strings"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/internal/corpus"
	"github.com/easel-art/easel/lexical"
)

// fromWordNet reports why a subject's category is WordNet's: the table
// gives it to the noun, to a word of the noun ("wizard tower"), or to a
// compound the noun makes with the words before it ("black box", "orange
// juice"); or it is the one correction the parser makes, a group the
// lexicon draws as people ("people", "a crowd") that WordNet gives no
// category, or an animal made of a material WordNet files ("rubber
// ducks": madeKind). "" when none holds: a category from somewhere else.
func fromWordNet(s easel.Subject) string {
	noun := strings.ToLower(s.Noun)
	for w := noun; ; {
		if e, _, ok := lexical.FindNoun(w); ok && e.Has(s.Category) {
			return "noun"
		}
		i := strings.IndexByte(w, ' ')
		if i < 0 {
			break
		}
		w = w[i+1:]
	}
	for k := 1; k <= 2 && k <= len(s.Adjectives); k++ {
		w := strings.ToLower(strings.Join(s.Adjectives[len(s.Adjectives)-k:], " ")) + " " + noun
		if e, _, ok := lexical.FindNoun(w); ok && e.Has(s.Category) {
			return "compound"
		}
	}
	if s.Category == "person" && (s.Element == "people" || s.Element == "person") && categoryOf(noun) == "" {
		return "group"
	}
	if (s.Category == "toy" || s.Category == "artwork") && madeKind(&s) == s.Category {
		return "made" // "rubber ducks": WordNet's material, not a list (kinds.go)
	}
	return ""
}

// TestCategoriesFromWordNet: every category the parser gives a subject of
// the corpus is one the generated WordNet table gives its noun (or the
// documented group correction), so no hand-written list of nouns decides
// what a thing is.
func TestCategoriesFromWordNet(t *testing.T) {
	ideas, err := corpus.Load()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, idea := range ideas {
		for _, s := range Parse(idea.Text).Subjects {
			if s.Category == "" {
				continue
			}
			n++
			if fromWordNet(s) == "" {
				t.Errorf("line %d %q: %q is %q, which WordNet does not give it (element %q)", idea.Line, idea.Text, s.Noun, s.Category, s.Element)
			}
		}
	}
	if n < 500 {
		t.Errorf("only %d subjects with a category in the corpus", n)
	}
}

// TestFromWordNet: the check itself tells WordNet's categories from
// others.
func TestFromWordNet(t *testing.T) {
	for _, c := range []struct {
		s    easel.Subject
		want string
	}{
		{easel.Subject{Noun: "swans", Category: "bird"}, "noun"},
		{easel.Subject{Noun: "swans", Category: "mammal"}, ""},
		{easel.Subject{Noun: "box", Adjectives: []string{"black"}, Category: "device"}, "compound"},
		{easel.Subject{Noun: "box", Category: "device"}, ""},
		{easel.Subject{Noun: "crowd", Element: "people", Category: "person"}, "group"},
		{easel.Subject{Noun: "vase", Element: "people", Category: "person"}, ""},
		{easel.Subject{Noun: "ducks", Adjectives: []string{"rubber"}, Category: "toy"}, "made"},
		{easel.Subject{Noun: "ducks", Category: "toy"}, ""},
		{easel.Subject{Noun: "zorblax", Category: "insect"}, ""},
	} {
		if got := fromWordNet(c.s); got != c.want {
			t.Errorf("fromWordNet(%+v) = %q, want %q", c.s, got, c.want)
		}
	}
}

package lexical

import (
	"strings"
	"testing"
	"unicode"
)

func ideaWords(idea string) []string {
	return strings.FieldsFunc(strings.ToLower(idea), func(r rune) bool { return !unicode.IsLetter(r) })
}

// contextCases are ideas whose noun has more than one likely category,
// with the one the rest of the idea asks for. tuned are the cases the
// weights were set on; heldOut were written beside them and not tuned on.
var contextCases = struct {
	tuned, heldOut []struct{ idea, noun, want string }
}{
	tuned: []struct{ idea, noun, want string }{
		{"a cardinal on a snowy branch", "cardinal", "bird"},
		{"a cardinal in red robes in a cathedral", "cardinal", "person"},
		{"a kite in the sky", "kite", "toy"},
		{"a child flying a kite on the beach", "kite", "toy"},
		{"a bat in a cave", "bat", "mammal"},
		{"a baseball bat", "baseball bat", "device"},
		{"a crane over a lake", "crane", "bird"},
		{"a crane at a construction site", "crane", "device"},
		{"a mouse on a desk next to a keyboard", "mouse", "device"},
		{"a mouse eating cheese", "mouse", "mammal"},
		{"a queen on a throne", "queen", "person"},
		{"a queen in a beehive", "queen", "insect"},
		{"a plate of pasta", "plate", "container"},
	},
	heldOut: []struct{ idea, noun, want string }{
		{"a seal on a rock by the sea", "seal", "sea mammal"},
		{"a turkey on a farm", "turkey", "bird"},
		{"a star in the night sky", "star", "celestial body"},
		{"a movie star on the red carpet", "star", "person"},
		{"a tank rolling through the desert", "tank", "vehicle"},
		{"a fish tank with goldfish", "tank", "container"},
		{"a bass swimming in a river", "bass", "fish"},
		{"a man playing a bass guitar", "bass", "instrument"},
		{"a mole digging in the garden", "mole", "mammal"},
		{"a pitcher of lemonade on a table", "pitcher", "container"},
		{"a queen wearing a crown", "queen", "person"},
		{"a bat hanging upside down at night", "bat", "mammal"},
		{"a crane with long legs wading in a marsh", "crane", "bird"},
		{"a computer mouse and a laptop", "mouse", "device"},
		{"a kite soaring in the wind", "kite", "toy"},
	},
}

// TestContextCategory reports how many of the cases context gets right
// (before it, every noun took its likeliest category) and fails where it
// does worse than that, or worse than it did.
func TestContextCategory(t *testing.T) {
	// floor is what context got right on 2026-12-03 (tuned: no better
	// than none; held out: 11 against 6): the figures may only grow.
	for _, set := range []struct {
		name  string
		cases []struct{ idea, noun, want string }
		floor int
	}{{"tuned", contextCases.tuned, 9}, {"held out", contextCases.heldOut, 11}} {
		hits, plain := 0, 0
		for _, c := range set.cases {
			got := NewContext(ideaWords(c.idea)).Category(c.noun)
			e, _, _ := FindNoun(c.noun)
			if e.Category() == c.want {
				plain++
			}
			if got == c.want {
				hits++
			} else {
				t.Logf("miss: %q: %s is %q (%v), want %s", c.idea, c.noun, got, e.Senses(), c.want)
			}
		}
		t.Logf("%s: %d of %d with context, %d of %d without", set.name, hits, len(set.cases), plain, len(set.cases))
		if hits < plain {
			t.Errorf("%s: context does worse (%d) than none (%d)", set.name, hits, plain)
		}
		if hits < set.floor {
			t.Errorf("%s: context gets %d right, fewer than the %d it got", set.name, hits, set.floor)
		}
	}
}

// TestContextKeepsLikeliest: with nothing that speaks for another sense,
// the likeliest category stands.
func TestContextKeepsLikeliest(t *testing.T) {
	for _, c := range []struct{ idea, noun string }{
		{"a fox", "fox"}, {"a plane at sunset", "plane"}, {"a red tie", "tie"}, {"two kids laughing", "kids"},
		{"a glove on a bench", "glove"}, {"a serpent", "serpent"},
	} {
		e, _, _ := FindNoun(c.noun)
		if got := NewContext(ideaWords(c.idea)).Category(c.noun); got != e.Category() {
			t.Errorf("%q: %s is %q, want its likeliest %q", c.idea, c.noun, got, e.Category())
		}
	}
}

// BenchmarkContextCategory is one noun's category in an idea of eight
// words, the cache warm (as in the writer).
func BenchmarkContextCategory(b *testing.B) {
	c := NewContext(ideaWords("a crane with long legs wading in a marsh"))
	for b.Loop() {
		c.Category("crane")
	}
}

// FuzzContext: any idea and noun give a category the noun has (or none),
// and Singular never panics.
func FuzzContext(f *testing.F) {
	for _, s := range [][2]string{{"a kite in the sky", "kite"}, {"bats in a cave", "bats"}, {"", ""}, {"a  b", " "}, {"x", "hot-air balloon"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, idea, noun string) {
		got := NewContext(ideaWords(idea)).Category(strings.ToLower(noun))
		_ = Singular(noun)
		if got == "" {
			return
		}
		e, ok := NewContext(nil).entry(strings.ToLower(noun))
		if !ok || !e.Has(got) && !e.Has(strings.ReplaceAll(got, " ", "_")) {
			t.Errorf("Category(%q) in %q = %q, not one of %v", noun, idea, got, e.CategoryList())
		}
	})
}

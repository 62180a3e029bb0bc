package scene

import (
	"slices"
	"testing"

	"github.com/easel-art/easel"
)

// TestSubjectKinds: the words around a noun say what kind of thing it is.
// An animal named with what it is made of is a toy or an artwork; one who
// acts is the person WordNet first knows; what someone flies is the toy;
// an owner that is not in the picture is no subject; a pronoun, an adverb
// or a lone -ing word is no subject; an adjective before an -ing modifier
// is no noun. Fresh ideas, not from the corpus or a judge's set.
func TestSubjectKinds(t *testing.T) {
	for _, c := range []struct {
		idea, noun string
		cats       []string // one of these
		notElement string   // an element that must be gone
		notDomain  string
	}{
		// made things
		{"three plastic dinosaurs on a bookshelf", "dinosaurs", []string{"toy"}, "", "animal"},
		{"two glass swans on a windowsill", "swans", []string{"toy", "artwork"}, "birds", "bird"},
		{"a stuffed bear on a quilted bed", "bear", []string{"toy"}, "animal", "animal"},
		{"a marble lion at a temple gate", "lion", []string{"artwork"}, "animal", "animal"},
		{"a ceramic cat on a mantel", "cat", []string{"toy", "artwork"}, "cat", ""},
		{"a wooden owl on a bookshelf", "owl", []string{"toy", "artwork"}, "birds", "bird"},
		{"a paper crane on a writing desk", "crane", []string{"toy", "artwork"}, "birds", "bird"},
		// ... and what stays alive
		{"a golden retriever on a lawn", "golden retriever", []string{"mammal"}, "", ""},
		{"a silky cat on a cushion", "cat", []string{"mammal"}, "", ""},
		{"a woolly sheep in a field", "sheep", []string{"mammal"}, "", ""},
		{"a silver fox in the snow", "fox", []string{"mammal"}, "", ""},
		// actors
		{"a sailor mending nets on a dock", "sailor", []string{"person"}, "", ""},
		{"an old sailor mending his nets on a pier", "sailor", []string{"person"}, "", ""},
		// a rare sense needs its own phrase's word, not the other things'
		{"a fisherman mending nets, his dog beside him", "dog", []string{"mammal"}, "object", ""},
		{"a sailor coiling rope on a deck, his dog at his feet", "dog", []string{"mammal"}, "", ""},
		// objects of an action
		{"an old man flying a red kite at the beach", "kite", []string{"toy"}, "birds", ""},
		{"a student clicking a mouse at a desk", "mouse", []string{"device"}, "animal", ""},
		{"a boy feeding a duck at a pond", "duck", []string{"bird"}, "", ""},
		{"a girl feeding a crane at the zoo", "crane", []string{"bird"}, "object", ""},
		// owners
		{"a king's crown on a velvet cushion", "crown", []string{"clothing", "jewelry"}, "person", ""},
		{"a witch's cottage in a dark wood", "cottage", []string{"building"}, "person", ""},
		{"a giant's boot in a forest clearing", "boot", []string{"clothing"}, "person", ""},
		{"a girl on her father's shoulders at a parade", "father", []string{"person"}, "", ""},
	} {
		sc := Parse(c.idea)
		i := slices.IndexFunc(sc.Subjects, func(s easel.Subject) bool { return s.Noun == c.noun })
		if i < 0 {
			t.Errorf("%q: no subject %q in %+v", c.idea, c.noun, sc.Subjects)
			continue
		}
		if s := sc.Subjects[i]; !slices.Contains(c.cats, s.Category) {
			t.Errorf("%q: %s is %q, want one of %v", c.idea, c.noun, s.Category, c.cats)
		}
		if c.notElement != "" && sc.HasElement(c.notElement) {
			t.Errorf("%q: elements %v still have %q", c.idea, sc.Elements, c.notElement)
		}
		if c.notDomain != "" && sc.Domain == c.notDomain {
			t.Errorf("%q: domain is still %q", c.idea, sc.Domain)
		}
	}
}

// TestNoFalseSubjects: what is not a thing in the picture is no subject,
// and the subject phrase is the whole noun phrase. Fresh ideas.
func TestNoFalseSubjects(t *testing.T) {
	for _, c := range []struct {
		idea    string
		not     []string // no subject has these nouns
		subject string   // Scene.Subject, when set
		first   string   // the main subject's noun, when set
	}{
		{"a witch's cottage in a dark wood", []string{"witch"}, "a witch's cottage", "cottage"},
		{"a king's crown on a velvet cushion", []string{"king"}, "a king's crown", "crown"},
		{"a dragon's egg in a nest of straw", []string{"dragon"}, "a dragon's egg", "egg"},
		{"a painter's studio with tall easels", []string{"painter"}, "", "studio"},
		{"a giant's boot in a forest clearing", []string{"giant"}, "a giant's boot", "boot"},
		{"a fisherman mending nets, his dog beside him", []string{"him"}, "", "fisherman"},
		{"an old sailor mending his nets on a dock, a small green boat moored nearby, gulls circling overhead, rain drifting in",
			[]string{"nearby", "drifting", "overhead"}, "", "sailor"},
		{"a snug reading corner with a red sofa", []string{"snug"}, "a snug reading corner", "corner"},
		{"a warm knitting corner with a rocking chair", []string{"warm"}, "a warm knitting corner", "corner"},
	} {
		sc := Parse(c.idea)
		for _, s := range sc.Subjects {
			if slices.Contains(c.not, s.Noun) {
				t.Errorf("%q: %q is a subject: %+v", c.idea, s.Noun, sc.Subjects)
			}
		}
		if c.subject != "" && sc.Subject != c.subject {
			t.Errorf("%q: subject %q, want %q", c.idea, sc.Subject, c.subject)
		}
		if c.first != "" && (len(sc.Subjects) == 0 || sc.Subjects[0].Noun != c.first) {
			t.Errorf("%q: main subject %+v, want %q", c.idea, sc.Subjects, c.first)
		}
	}
}

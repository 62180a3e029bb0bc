package scene

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/internal/corpus"
)

// subjectFor finds the Scene's subject for a fact's noun: its noun, or its
// noun's last word ("ice cream", "teddy bear").
func subjectFor(sc *easel.Scene, noun string) *easel.Subject {
	last := noun[strings.LastIndexByte(noun, ' ')+1:]
	for i := range sc.Subjects {
		s := &sc.Subjects[i]
		if s.Noun == noun || hasWord(s.Noun, last) {
			return s
		}
	}
	// "a bonsai tree": the noun may describe the head.
	for i := range sc.Subjects {
		for _, a := range sc.Subjects[i].Adjectives {
			if hasWord(a, noun) {
				return &sc.Subjects[i]
			}
		}
	}
	return nil
}

// TestCorpusFacts parses every idea of the corpus and checks that each
// thing it asks for is a subject with its count and colours. Categories
// are WordNet's guess and are measured: the figure is logged and held to
// a floor, separately for the held-out ideas.
func TestCorpusFacts(t *testing.T) {
	ideas, err := corpus.Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(ideas) < 300 {
		t.Fatalf("corpus has %d ideas; want at least 300", len(ideas))
	}
	var cats, catOK, heldCats, heldOK, rels, relOK int
	for _, idea := range ideas {
		sc := Parse(idea.Text)
		var got []string
		for _, r := range sc.Relations {
			got = append(got, rel(r))
		}
		for _, r := range idea.Relations {
			rels++
			if slices.Contains(got, r) {
				relOK++
			} else if testing.Verbose() {
				t.Logf("line %d %q: relations %q, want %q", idea.Line, idea.Text, got, r)
			}
		}
		for _, f := range idea.Facts {
			s := subjectFor(sc, f.Noun)
			if s == nil && hasWord(sc.Setting, f.Noun) {
				continue // "over a grey city": the setting
			}
			if s == nil {
				t.Errorf("line %d %q: no subject for %q (subjects %+v)", idea.Line, idea.Text, f.Noun, sc.Subjects)
				continue
			}
			if f.Count > 0 && s.Count != f.Count {
				t.Errorf("line %d %q: %s count %d, want %d", idea.Line, idea.Text, f.Noun, s.Count, f.Count)
			}
			for _, c := range f.Colors {
				if !slices.Contains(s.Colors, c) && !slices.Contains(s.Adjectives, c) && !hasWord(s.Noun, c) {
					t.Errorf("line %d %q: colour %q not bound to %s (%+v)", idea.Line, idea.Text, c, f.Noun, *s)
				}
			}
			if f.Category == "" {
				continue
			}
			ok := s.Category == f.Category
			if idea.HeldOut {
				heldCats++
				if ok {
					heldOK++
				}
			} else {
				cats++
				if ok {
					catOK++
				}
			}
			if !ok && testing.Verbose() {
				t.Logf("line %d: %s is %q, corpus says %q", idea.Line, f.Noun, s.Category, f.Category)
			}
		}
	}
	t.Logf("categories right: %d/%d tuned, %d/%d held out; relations right: %d/%d", catOK, cats, heldOK, heldCats, relOK, rels)
	if rels < 50 || relOK*100 < rels*90 {
		t.Errorf("relations right: %d/%d (floor 90%% of at least 50)", relOK, rels)
	}
	if catOK*100 < cats*85 || heldOK*100 < heldCats*85 {
		t.Errorf("categories right: %d/%d tuned (floor 85%%), %d/%d held out (floor 85%%)", catOK, cats, heldOK, heldCats)
	}
}

// TestFreshFacts measures the parser on ideas written after it was tuned
// and never tuned on (testdata/fresh_facts.txt): every fact is counted,
// not required, and the figures are held to a floor.
func TestFreshFacts(t *testing.T) {
	ideas, err := corpus.LoadFile(filepath.Join("testdata", "fresh_facts.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var facts, factOK, cats, catOK, rels, relOK int
	for _, idea := range ideas {
		sc := Parse(idea.Text)
		for _, f := range idea.Facts {
			facts++
			s := subjectFor(sc, f.Noun)
			ok := s != nil && (f.Count == 0 || s.Count == f.Count)
			for _, c := range f.Colors {
				ok = ok && (slices.Contains(s.Colors, c) || slices.Contains(s.Adjectives, c))
			}
			if ok {
				factOK++
			} else if testing.Verbose() {
				t.Logf("%q: %s x%d %q not kept: %+v", idea.Text, f.Noun, f.Count, f.Colors, sc.Subjects)
			}
			if f.Category != "" && s != nil {
				cats++
				if s.Category == f.Category {
					catOK++
				} else if testing.Verbose() {
					t.Logf("%q: %s is %q, want %q", idea.Text, f.Noun, s.Category, f.Category)
				}
			}
		}
		var got []string
		for _, r := range sc.Relations {
			got = append(got, rel(r))
		}
		for _, r := range idea.Relations {
			rels++
			if slices.Contains(got, r) {
				relOK++
			} else if testing.Verbose() {
				t.Logf("%q: relations %q, want %q", idea.Text, got, r)
			}
		}
	}
	t.Logf("fresh ideas: %d; facts kept %d/%d, categories %d/%d, relations %d/%d", len(ideas), factOK, facts, catOK, cats, relOK, rels)
	if factOK*100 < facts*85 || relOK*100 < rels*70 {
		t.Errorf("fresh facts kept %d/%d (floor 85%%), relations %d/%d (floor 70%%)", factOK, facts, relOK, rels)
	}
}

// Package corpus reads testdata/ideas.txt, easel's corpus of ideas and the
// facts each must keep, for the tests of the scene parser, the prompt
// writer and the canvas.
package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
)

// Idea is one line of the corpus.
type Idea struct {
	Text    string
	Section string // the "## name" above it
	Facts   []Fact
	// HeldOut marks ideas below "## held out": written before the
	// writer was tuned on the rest and kept out of tuning.
	HeldOut bool
	Line    int
	// Relations are the facts that tie two things ("@ astronaut sitting
	// on strawberry"), each "subject [verb] [prep] object" with the head
	// nouns; the scene parser's Scene.Relations must hold them.
	Relations []string
}

// Fact is a thing the idea asks for.
type Fact struct {
	Noun     string   // as typed: "balloons", "ice cream"
	Category string   // expected WordNet category, "" when not checked
	Count    int      // 0 when not given
	Colors   []string // colour words bound to it
}

// Load reads the corpus.
func Load() ([]Idea, error) {
	_, file, _, _ := runtime.Caller(0)
	return LoadFile(filepath.Join(filepath.Dir(file), "..", "..", "testdata", "ideas.txt"))
}

// LoadFile reads a file in the corpus's format.
func LoadFile(path string) ([]Idea, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, string(data))
}

// Parse reads ideas in the corpus's format from text (path names it in
// errors): tests keep fresh ideas of their own in it.
func Parse(path, text string) ([]Idea, error) {
	var out []Idea
	section, held := "", false
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "# "):
			continue
		case strings.HasPrefix(line, "## "):
			section = strings.TrimPrefix(line, "## ")
			held = held || section == "held out"
			continue
		}
		text, facts, ok := strings.Cut(line, "|")
		if !ok {
			return nil, fmt.Errorf("%s:%d: no facts", path, i+1)
		}
		idea := Idea{Text: strings.TrimSpace(text), Section: section, HeldOut: held, Line: i + 1}
		for f := range strings.SplitSeq(facts, ";") {
			if r, ok := strings.CutPrefix(strings.TrimSpace(f), "@"); ok {
				idea.Relations = append(idea.Relations, strings.Join(strings.Fields(r), " "))
				continue
			}
			words := strings.Fields(f)
			if len(words) == 0 {
				continue
			}
			var fact Fact
			// A noun of two words ("ice cream", "teddy bear") has its
			// category after the second.
			head := words[0]
			rest := words[1:]
			if !strings.Contains(head, "=") && len(rest) > 0 && strings.Contains(rest[0], "=") {
				head += " " + rest[0]
				rest = rest[1:]
			} else if !strings.Contains(head, "=") && len(rest) > 0 && isNounPart(rest[0]) {
				head += " " + rest[0]
				rest = rest[1:]
			}
			fact.Noun, fact.Category, _ = strings.Cut(head, "=")
			for len(rest) > 0 && fact.Category != "" && !strings.HasPrefix(rest[0], "x") && isCategoryTail(fact.Category+" "+rest[0]) {
				fact.Category += " " + rest[0]
				rest = rest[1:]
			}
			for _, w := range rest {
				if n, err := strconv.Atoi(strings.TrimPrefix(w, "x")); err == nil && strings.HasPrefix(w, "x") {
					fact.Count = n
				} else {
					fact.Colors = append(fact.Colors, w)
				}
			}
			idea.Facts = append(idea.Facts, fact)
		}
		out = append(out, idea)
	}
	return out, nil
}

// isCategoryTail knows the categories of two words.
func isCategoryTail(c string) bool {
	switch c {
	case "sea mammal", "sea creature", "celestial body":
		return true
	}
	return false
}

// isNounPart knows the second words of the corpus's two-word nouns.
func isNounPart(w string) bool {
	switch w {
	case "cream", "bear", "set":
		return true
	}
	return false
}

package scene

import (
	"strings"
	"testing"
)

// TestControlCharactersAreNotWords: a colour code pasted from a terminal
// or a stray control character never becomes a subject or a word of the
// Scene; the idea itself is kept as typed.
func TestControlCharactersAreNotWords(t *testing.T) {
	for _, idea := range []string{"a \x1b[31mred\x1b[0m fox", "a red\x07 fox", "a red fox\x1b[2J"} {
		sc := Parse(idea)
		if sc.Idea != strings.TrimSpace(idea) {
			t.Errorf("%q: idea changed to %q", idea, sc.Idea)
		}
		if len(sc.Subjects) == 0 || !strings.Contains(sc.Subjects[0].Noun, "fox") {
			t.Errorf("%q: main subject %+v, want the fox", idea, sc.Subjects)
		}
		for _, w := range append([]string{sc.Subject, sc.Setting}, sc.Extra...) {
			if strings.ContainsFunc(w, func(r rune) bool { return r < 0x20 || r == 0x7f }) || strings.Contains(w, "[31m") {
				t.Errorf("%q: control characters in the Scene: %q", idea, w)
			}
		}
	}
}

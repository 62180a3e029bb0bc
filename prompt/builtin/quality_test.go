package builtin

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/easel-art/easel"
)

// The quality must-shows of issue 4, over every idea in testdata/ideas.txt
// (a copy of the project's shared/data/ideas.txt; see testdata/README.md).

func readIdeas(t testing.TB) []string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "ideas.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var ideas []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" && !strings.HasPrefix(l, "#") {
			ideas = append(ideas, l)
		}
	}
	if len(ideas) < 20 {
		t.Fatalf("read %d ideas; want the full list", len(ideas))
	}
	return ideas
}

func writeN(t testing.TB, idea string, seed int64, n, chaos int) []*easel.Prompt {
	t.Helper()
	ps, err := New().WritePrompts(context.Background(), easel.WriteRequest{Idea: idea, Seed: seed, N: n, Chaos: chaos})
	if err != nil {
		t.Fatalf("WritePrompts(%q): %v", idea, err)
	}
	if len(ps) != n {
		t.Fatalf("WritePrompts(%q) returned %d prompts; want %d", idea, len(ps), n)
	}
	return ps
}

// Vocabularies the text must draw on. Each list is what a reader would
// accept as speaking of that aspect.
var (
	lightWords = set("light", "lit", "glow", "glows", "glowing", "sunlight", "moonlight", "lamplight",
		"shadow", "shadows", "illuminated", "rays", "beams", "backlit", "backlighting", "highlights", "caustics", "starlight", "candlelight")
	colorWords = set("color", "colors", "colour", "colours", "palette", "hues", "hue", "tones", "tone")
	compWords  = set("composition", "frame", "framed", "foreground", "background", "centered", "off-center",
		"third", "thirds", "horizon", "close-up", "view", "angle", "shot", "diagonals", "depth")
	moodWords = set("mood", "atmosphere", "feel", "feels", "feeling", "serenity", "stillness", "peace",
		"tranquil", "serene", "peaceful", "calm", "cozy", "warmth", "dramatic", "drama", "eerie", "joyful", "joy",
		"melancholy", "wistful", "mysterious", "mystery", "epic", "grandeur", "lively", "energy", "romantic",
		"romance", "nostalgic", "nostalgia", "whimsical", "wonder", "magic", "dreamy", "ethereal", "majestic",
		"awe", "solitude", "solitary", "ominous", "foreboding", "contemplative", "reflection", "dynamic", "momentum",
		"tension", "power", "longing", "wistfulness", "delight", "cheer", "comfort", "shelter", "bustle",
		"vibrancy", "intrigue", "secrecy", "scale", "majesty", "splendor", "isolation", "dread", "menace",
		"excitement", "tenderness", "intimacy", "memory", "sentiment", "timelessness", "enchantment",
		"reverie", "unease", "silence", "quiet", "coziness", "lightness", "eeriness", "otherworldliness",
		"dreaminess", "thoughtfulness", "melancholic", "life", "wistful")
	stopWords = set("a", "an", "the", "of", "in", "on", "at", "with", "and", "or", "to", "by", "for", "from",
		"over", "under", "above", "below", "along", "into", "during", "is", "are")
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// words splits text into lower-case words without punctuation.
func words(text string) []string {
	f := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '\''
	})
	out := f[:0]
	for _, w := range f {
		if w = strings.Trim(w, "-'"); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// keeps reports whether the text holds word w, allowing simple inflection.
func keeps(text map[string]bool, w string) bool {
	for _, form := range []string{w, w + "s", w + "es", w + "ed", w + "ing", strings.TrimSuffix(w, "s"), strings.TrimSuffix(w, "es")} {
		if text[form] {
			return true
		}
	}
	return false
}

// problems lists what is wrong with a prompt text for idea; minWords and
// maxWords bound its length.
func problems(idea, text string, minWords, maxWords int) []string {
	var out []string
	bad := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	ws := words(text)
	if n := len(strings.Fields(text)); n < minWords || n > maxWords {
		bad("%d words; want %d to %d", n, minWords, maxWords)
	}
	have := set(ws...)
	for _, w := range words(idea) {
		if !stopWords[w] && !keeps(have, w) {
			bad("idea word %q is missing", w)
		}
	}
	for name, vocab := range map[string]map[string]bool{"light": lightWords, "color": colorWords, "composition": compWords, "mood": moodWords} {
		found := false
		for _, w := range ws {
			if vocab[w] {
				found = true
				break
			}
		}
		if !found {
			bad("says nothing of %s", name)
		}
	}
	if strings.ContainsAny(text, "{}%<>[]") {
		bad("leftover placeholder or markup")
	}
	for _, s := range []string{", ,", " ,", " .", "..", "  ", ",.", ".,"} {
		if strings.Contains(text, s) {
			bad("contains %q", s)
		}
	}
	if !strings.HasSuffix(text, ".") {
		bad("does not end with a full stop")
	}
	seen := map[string]bool{}
	for _, s := range strings.SplitAfter(text, ". ") {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if seen[s] {
			bad("repeats the sentence %q", s)
		}
		seen[s] = true
		if r, _ := utf8.DecodeRuneInString(s); !unicode.IsUpper(r) && unicode.IsLetter(r) {
			bad("sentence %q does not start with a capital", s)
		}
	}
	f := strings.Fields(text)
	for i := 0; i+1 < len(f); i++ {
		a, b := strings.ToLower(strings.Trim(f[i], ".,:;")), strings.ToLower(strings.Trim(f[i+1], ".,:;"))
		if a == b && !strings.ContainsAny(f[i], ".,:;") {
			bad("doubled word %q", a)
		}
		if a == "a" && startsWithVowelSound(b) {
			bad("%q before %q", f[i], f[i+1])
		}
		if a == "an" && !startsWithVowelSound(b) {
			bad("%q before %q", f[i], f[i+1])
		}
	}
	return out
}

// startsWithVowelSound is the test's own judgement of "a" versus "an",
// kept apart from the writer's so one checks the other.
func startsWithVowelSound(w string) bool {
	if w == "" {
		return false
	}
	for _, p := range []string{"hour", "honest", "heir"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	for _, p := range []string{"uni", "use", "one", "eu", "ufo"} {
		if strings.HasPrefix(w, p) {
			return false
		}
	}
	return strings.ContainsRune("aeiou8", rune(w[0]))
}

func TestQualityEveryIdea(t *testing.T) {
	for _, idea := range readIdeas(t) {
		for seed := int64(0); seed < 16; seed++ {
			p := writeN(t, idea, seed, 1, 0)[0]
			if ps := problems(idea, p.Text, 40, 120); len(ps) > 0 {
				t.Errorf("idea %q seed %d:\n%s\nproblems: %s", idea, seed, p.Text, strings.Join(ps, "; "))
			}
		}
	}
}

// distance is the Jaccard distance between the word sets of two texts:
// 1 - |A∩B|/|A∪B|. Variations must be at least 1/3 apart.
func distance(a, b string) float64 {
	A, B := set(words(a)...), set(words(b)...)
	inter := 0
	for w := range A {
		if B[w] {
			inter++
		}
	}
	union := len(A) + len(B) - inter
	if union == 0 {
		return 0
	}
	return 1 - float64(inter)/float64(union)
}

func TestVariationsDiffer(t *testing.T) {
	for _, idea := range readIdeas(t) {
		for _, chaos := range []int{0, 50, 100} {
			ps := writeN(t, idea, 7, 4, chaos)
			for i := range ps {
				if pr := problems(idea, ps[i].Text, 40, 120); len(pr) > 0 {
					t.Errorf("idea %q chaos %d variation %d:\n%s\nproblems: %s", idea, chaos, i, ps[i].Text, strings.Join(pr, "; "))
				}
				if ps[i].Variation != i || ps[i].Chaos != chaos || ps[i].Writer != "builtin" || ps[i].Seed != 7+int64(i) {
					t.Errorf("idea %q variation %d: got Variation %d, Chaos %d, Writer %q, Seed %d", idea, i, ps[i].Variation, ps[i].Chaos, ps[i].Writer, ps[i].Seed)
				}
				for j := i + 1; j < len(ps); j++ {
					if d := distance(ps[i].Text, ps[j].Text); d < 1.0/3 {
						t.Errorf("idea %q chaos %d: variations %d and %d differ by %.2f; want at least 0.33:\n%s\n%s", idea, chaos, i, j, d, ps[i].Text, ps[j].Text)
					}
				}
			}
		}
	}
}

func TestUnusualIdeas(t *testing.T) {
	long := "an enormous ancient library carved inside a hollow mountain where thousands of glowing books float between spiral staircases " +
		"while tiny mechanical owls deliver letters to scholars in velvet robes and a waterfall of ink pours from the ceiling into a silver basin"
	tests := []struct {
		idea     string
		min, max int
	}{
		{"cat", 40, 120},
		{"blorp zizzle", 40, 120},
		{"un chat", 40, 120},
		{"ein Hund am Strand", 40, 120},
		{"夕焼けの海", 40, 120},
		{"A BEACH SUNSET!!!", 40, 120},
		{"two red foxes and a blue heron by a misty river at dawn, oil painting", 40, 120},
		{"sunset", 40, 120},
		{"a old lighthouse and a owl", 40, 120},
		{"pixel art of a snowy village", 40, 120},
		{long, 40, len(strings.Fields(long)) + 90},
	}
	for _, tt := range tests {
		for _, seed := range []int64{1, 99} {
			for _, p := range writeN(t, tt.idea, seed, 2, 60) {
				if ps := problems(tt.idea, p.Text, tt.min, tt.max); len(ps) > 0 {
					t.Errorf("idea %q seed %d:\n%s\nproblems: %s", tt.idea, seed, p.Text, strings.Join(ps, "; "))
				}
			}
		}
	}
}

func TestStyleIsReflected(t *testing.T) {
	for idea, want := range map[string]string{
		"a watercolor painting of a harbor town": "watercolor",
		"pixel art of a snowy village":           "pixel",
		"a fox in autumn leaves, oil painting":   "oil",
		"a synthwave city at night":              "synthwave",
		"an ukiyo-e print of a wave":             "woodblock",
	} {
		p := writeN(t, idea, 3, 1, 0)[0]
		if !strings.Contains(strings.ToLower(p.Text), want) {
			t.Errorf("idea %q: text does not speak of %q:\n%s", idea, want, p.Text)
		}
	}
}

package builtin

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/easel-art/easel/scene"
)

// Classes of awkward wording a skilled prompt writer would never produce,
// checked over every idea, several seeds and variations.

// wordingIdeas are ideas beyond testdata/ideas.txt, across domains.
var wordingIdeas = []string{
	"a snowy village at night", "a cozy cabin in the woods", "a serene lake at dawn",
	"a red fox in a snowy forest", "a calm harbor at sunset", "a lonely lighthouse in a storm",
	"a quiet street in paris in the rain", "a rich crimson rose", "a warm cup of coffee by the window", "an old library full of books", "a dragon flying over a medieval village",
	"a field of sunflowers under a blue sky", "a lighthouse on a rocky coast during a storm",
}

var (
	// "one of calm, serene and unforced": a list of mixed parts of speech.
	oneOfList = regexp.MustCompile(`\bone of \w+, \w+ and \w+`)
	// "meet quieter notes of": a musical figure that does not describe a picture.
	quieterNotes = regexp.MustCompile(`\bquieter notes\b`)
	// "seen in a ... scene": the scene of a scene.
	seenInScene = regexp.MustCompile(`\bseen in an? [\w ,-]+ scene\b`)
	// "dramatic and unforced": a closer that contradicts a strong mood.
	unforced = regexp.MustCompile(`\band unforced\b`)
	// "feel storybook": a noun used as a feeling.
	feelNoun = regexp.MustCompile(`\bfeel(s)? storybook\b`)
	// "awe-inspiring, with an undertone of awe": the mood said twice.
	aweAwe = regexp.MustCompile(`\b(\w+)-\w+\b[^.]*\bof (\w+)\.`)
)

// sentencesOf splits a prompt's text into sentences.
func sentencesOf(text string) []string {
	var out []string
	for s := range strings.SplitSeq(text, ". ") {
		if s = strings.TrimSpace(strings.TrimSuffix(s, ".")); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// repeatedAdjective returns a word that appears twice within a short run
// of words with no comma, full stop or "and" between: "rich tones of rich
// crimson", "the warm glow of warm light".
func repeatedAdjective(text string) string {
	for _, s := range sentencesOf(text) {
		for clause := range strings.SplitSeq(s, ",") {
			w := strings.Fields(strings.ToLower(clause))
			for i := range w {
				if len(w[i]) < 4 || stopWords[w[i]] {
					continue
				}
				for j := i + 1; j < len(w) && j <= i+4; j++ {
					if w[j] == "and" || w[j] == "with" || (j == i+2 && (w[i+1] == "upon" || w[i+1] == "for" || w[i+1] == "by")) {
						// "layer upon layer", "peak for peak", "one by one".
						break
					}
					if w[j] == w[i] {
						return w[i]
					}
				}
			}
		}
	}
	return ""
}

func TestWording(t *testing.T) {
	ideas := append(readIdeas(t), wordingIdeas...)
	for _, idea := range ideas {
		for seed := int64(1); seed <= 8; seed++ {
			for _, p := range writeN(t, idea, seed, 3, 0) {
				text := p.Text
				for _, re := range []*regexp.Regexp{oneOfList, quieterNotes, seenInScene, unforced, feelNoun} {
					if m := re.FindString(text); m != "" {
						t.Errorf("%q seed %d: awkward %q in:\n%s", idea, seed, m, text)
					}
				}
				for _, m := range aweAwe.FindAllStringSubmatch(text, -1) {
					if m[1] == m[2] {
						t.Errorf("%q seed %d: mood said twice in %q", idea, seed, m[0])
					}
				}
				if w := repeatedAdjective(text); w != "" {
					t.Errorf("%q seed %d: %q repeated within a phrase:\n%s", idea, seed, w, text)
				}
			}
		}
	}
}

func TestRepeatedAdjective(t *testing.T) {
	for _, c := range []struct {
		in, want string
	}{
		{"Rich tones of rich crimson fill it.", "rich"},
		{"The warm glow of warm light.", "warm"},
		{"Warm light, and a warm sky.", ""},
		{"Deep blue and deep green.", ""},
	} {
		if got := repeatedAdjective(c.in); got != c.want {
			t.Errorf("repeatedAdjective(%q) = %q; want %q", c.in, got, c.want)
		}
	}
}

// TestNightLightKeyword checks that a keyword prompt names the lights a
// night scene really has: a village has lit windows, not city lights.
func TestNightLightKeyword(t *testing.T) {
	for _, c := range []struct {
		idea, want, not string
	}{
		{"a snowy village at night", "glowing windows at night", "city lights at night"},
		{"a rainy street in tokyo at night", "city lights at night", ""},
		{"a lonely cabin in the mountains at night", "moonlit night", "city lights at night"},
	} {
		p := writeN(t, c.idea, 1, 1, 0)[0]
		var got []string
		for _, k := range p.Keywords {
			got = append(got, k.Text)
		}
		if !slices.Contains(got, c.want) || (c.not != "" && slices.Contains(got, c.not)) {
			t.Errorf("%q: keywords %q; want %q and not %q", c.idea, got, c.want, c.not)
		}
	}
}

// TestKeywordsNotRepeated checks that no keyword repeats words an earlier
// one already says: not "rainy street" and "rainy street in tokyo", not
// "medieval village" and "village".
func TestKeywordsNotRepeated(t *testing.T) {
	for _, idea := range append(readIdeas(t), wordingIdeas...) {
		for seed := int64(1); seed <= 3; seed++ {
			p := writeN(t, idea, seed, 1, 0)[0]
			for i, k := range p.Keywords {
				for _, e := range p.Keywords[:i] {
					// A later term may build on an earlier one ("window",
					// "soft window light") but not restate it.
					if containsWords(e.Text, k.Text) || (i == 1 && strings.HasPrefix(k.Text, e.Text+" ")) {
						t.Errorf("%q seed %d: keyword %q repeats %q", idea, seed, k.Text, e.Text)
					}
				}
			}
		}
	}
}

// TestSubjectNotRepeated checks that the subject's full phrase ("the snowy
// village") is said at most twice, counting the idea's own words: later
// mentions use the short phrase ("the village").
func TestSubjectNotRepeated(t *testing.T) {
	for _, idea := range append(readIdeas(t), wordingIdeas...) {
		r := refOf(scene.Parse(idea), 0)
		if r.short == "" {
			continue
		}
		bare := strings.TrimPrefix(strings.ToLower(r.text), "the ")
		for seed := int64(1); seed <= 4; seed++ {
			for _, p := range writeN(t, idea, seed, 3, 0) {
				if n := strings.Count(strings.ToLower(p.Text), bare); n > 2 {
					t.Errorf("%q seed %d: %q said %d times:\n%s", idea, seed, bare, n, p.Text)
				}
			}
		}
	}
}

// TestNoArticleBeforeName checks that a named place with an adjective
// takes no "the": "cyberpunk Tokyo stretches", not "the cyberpunk Tokyo".
func TestNoArticleBeforeName(t *testing.T) {
	re := regexp.MustCompile(`\b[Tt]he (cyberpunk|misty|rainy|snowy) (Tokyo|London|Paris)\b`)
	for _, idea := range []string{"a neon-lit alley in cyberpunk tokyo", "a red bus in misty london", "a cafe in snowy paris"} {
		for seed := int64(1); seed <= 6; seed++ {
			for _, p := range writeN(t, idea, seed, 2, 0) {
				if m := re.FindString(p.Text); m != "" {
					t.Errorf("%q seed %d: %q:\n%s", idea, seed, m, p.Text)
				}
			}
		}
	}
}

// wrongLines are sentences that belong to another subject than the idea's:
// a vase of sunflowers has no field, a flying car no whitewall tires.
var wrongLines = []struct {
	idea string
	not  *regexp.Regexp
}{
	{"a vase of sunflowers", regexp.MustCompile(`(?i)thousands of tall sunflowers|nodding in the breeze|open fields`)},
	{"flying cars", regexp.MustCompile(`(?i)whitewall|chrome bumper|rounded fenders|parked`)},
	{"a cozy cabin in the woods", regexp.MustCompile(`(?i)cobbled lanes|between the houses`)},
	// Green is the land's colour, not the afternoon light's.
	{"a polar bear", regexp.MustCompile(`(?i)(sunlit|soft|fresh|crisp|leaf|moss) green`)},
	{"a desert", regexp.MustCompile(`(?i)(sunlit|soft|fresh|crisp|leaf|moss) green`)},
	// One jellyfish is "it", not "they".
	{"a single jellyfish", regexp.MustCompile(`(?i)jellyfish (drift|pulse) |translucent jellyfish|their (bells|delicate bodies)`)},
	{"jellyfish in the deep sea", regexp.MustCompile(`(?i)jellyfish (drifts|pulses) `)},
}

// TestNoWrongLines checks that no variation of an idea says a line that
// belongs to another subject.
func TestNoWrongLines(t *testing.T) {
	for _, c := range wrongLines {
		for seed := int64(1); seed <= 8; seed++ {
			for _, p := range writeN(t, c.idea, seed, 3, 0) {
				if m := c.not.FindString(p.Text); m != "" {
					t.Errorf("%q seed %d: %q:\n%s", c.idea, seed, m, p.Text)
				}
			}
		}
	}
}

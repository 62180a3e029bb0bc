package builtin

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/prompt/dialect"
)

// TestSubjectKindLines: the lines said of a subject fit what the idea makes
// it, in every dialect and with four seeds: a glass swan or a wooden owl
// has no feathers or eyes, a kite someone flies is no bird, a sailor at
// work is a person (no "product photograph", no seams), an owner that is
// not in the picture brings no faces to the negative prompt, a pronoun or
// an adverb is no tag, an adjective is no subject. Fresh ideas, not from
// a corpus or a judge's set.
func TestSubjectKindLines(t *testing.T) {
	w := New()
	for _, c := range []struct {
		idea     string
		positive string // must not match the positive prompt
		negative string // must not match the negative prompt
	}{
		{"two glass swans on a windowsill", `feathers|plumage|eyes|wildlife|beak`, `wings`},
		{"a wooden owl on a bookshelf", `feathers|plumage|eyes|wildlife|beak`, `wings`},
		{"three plastic dinosaurs on a bookshelf", `skin|scales|wildlife`, `tails|anatomy`},
		{"a stuffed bear on a quilted bed", `watchful|alert|wildlife`, `tails|anatomy`},
		{"a ceramic cat on a mantel", `whiskers|curious eyes|fur|wildlife`, `tails|anatomy`},
		{"an old man flying a red kite at the beach", `feathers|plumage|beak|wingspan`, ``},
		{"a sailor mending nets on a dock", `product photograph|fabric and seams`, ``},
		{"a witch's cottage in a dark wood", `witch cottage`, `face|hands|fingers`},
		{"a king's crown on a velvet cushion", `king crown`, `face|hands|fingers`},
		{"a shepherd on a hillside, his dog beside him, sheep grazing below", `\bhim\b[^,]*:|\(him\b|, him,`, ``},
		{"an old farmer leaning on a gate, his horse behind him", `\(him\b|, him,`, ``},
		{"an old sailor mending his nets on a dock, a small green boat moored nearby, gulls circling overhead, rain drifting in",
			`\((nearby|drifting)\b|nearby gulls|overhead rain|\bhis\b[^,)]*\bgulls`, ``},
		// a structure we are inside is a room: it does not stand solid
		{"a cluttered office with three monitors", `stands? solid`, ``},
		{"a dusty cellar with wine barrels", `stands? solid`, ``},
		{"a cozy attic with a rocking chair", `stands? solid`, ``},
		// what someone slices or peels is not whole
		{"a cook slicing tomatoes on a cutting board", `tomatoes[^.]*\b(whole|intact)`, ``},
		{"a chef dicing carrots at a steel counter", `carrots[^.]*\b(whole|intact)`, ``},
		{"a grandmother peeling potatoes by the stove", `potatoes[^.]*\b(whole|intact)`, ``},
		{"a snug reading corner with a red sofa", `(?i)\bthe snug\b|\(snug:`, ``},
	} {
		pos := regexp.MustCompile(`(?i)\b(` + c.positive + `)`)
		var neg *regexp.Regexp
		if c.negative != "" {
			neg = regexp.MustCompile(`(?i)\b(` + c.negative + `)`)
		}
		for seed := int64(1); seed <= 4; seed++ {
			ps, err := w.WritePrompts(context.Background(), easel.WriteRequest{Idea: c.idea, Seed: seed})
			if err != nil {
				t.Fatal(err)
			}
			if neg != nil {
				if m := neg.FindString(strings.Join(ps[0].Negative, ", ")); m != "" {
					t.Errorf("%q seed %d: the negative prompt says %q: %s", c.idea, seed, m, ps[0].Negative)
				}
			}
			for _, d := range []easel.Dialect{easel.DialectNatural, easel.DialectSD, easel.DialectMidjourney} {
				r, err := dialect.Render(ps[0], d, dialect.Options{})
				if err != nil {
					t.Fatal(err)
				}
				text, _, _ := strings.Cut(r.Text, " --no ") // midjourney's negatives
				if m := pos.FindString(text); m != "" {
					t.Errorf("%q seed %d %s: says %q: %s", c.idea, seed, d, m, text)
				}
			}
		}
	}
}

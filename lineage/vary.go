package lineage

import (
	"context"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/prompt/builtin"
	"github.com/easel-art/easel/refine"
	"github.com/easel-art/easel/scene"
)

// Strength is how far variations wander from the picture they vary.
type Strength string

// The strengths of `easel vary --strength`.
const (
	// Subtle keeps the composition, light and mood and changes the
	// wording and the details.
	Subtle Strength = "subtle"
	// Strong keeps what the idea says and changes the composition, the
	// light and the mood.
	Strong Strength = "strong"
)

// The chaos of each strength, on the prompt writer's 0..100 scale.
const (
	SubtleChaos = 15
	StrongChaos = 85
)

// ParseStrength parses --strength.
func ParseStrength(s string) (Strength, error) {
	switch Strength(strings.ToLower(strings.TrimSpace(s))) {
	case Subtle:
		return Subtle, nil
	case Strong:
		return Strong, nil
	}
	return "", easel.Errorf(easel.EINVALID, "unknown strength %q: use subtle or strong", s)
}

// Chaos returns the writer's chaos for s.
func (s Strength) Chaos() int {
	if s == Strong {
		return StrongChaos
	}
	return SubtleChaos
}

// StrengthOf returns the strength a chaos value stands for: below 50 is
// subtle.
func StrengthOf(chaos int) Strength {
	if chaos < 50 {
		return Subtle
	}
	return Strong
}

// Method returns the Artwork.Method that records variations of strength s.
func (s Strength) Method() string {
	if s == Strong {
		return easel.MethodVaryStrong
	}
	return easel.MethodVarySubtle
}

// IdeaOf returns the idea to vary a picture by: its idea, or for a
// picture that has none its prompt without Stable Diffusion syntax.
func IdeaOf(a *easel.Artwork) string {
	if strings.TrimSpace(a.Idea) != "" {
		return a.Idea
	}
	if p := PlainPrompt(a.Prompt); p != "" {
		return p
	}
	return strings.TrimSpace(a.Prompt)
}

// VariationScene returns the Scene that variations of a at chaos are
// written from.
//
// Subtle variations (chaos below 50) start from a's own Scene, so the
// subject, setting, time of day, weather, mood, view, palette and
// elements stay and only the wording and details change. (Those of a
// built-in picture are written by SubtleVariations, which keeps the
// wording too.) Strong ones start
// from the idea alone, keeping a's medium, so the writer chooses the
// composition, light and mood afresh. A picture without a Scene (one made
// by another tool) has its Scene read from its idea.
func VariationScene(a *easel.Artwork, chaos int) *easel.Scene {
	idea := IdeaOf(a)
	if StrengthOf(chaos) == Subtle && a.Scene != nil {
		return cloneScene(a.Scene)
	}
	sc := scene.Parse(idea)
	if sc.Style == "" && a.Scene != nil {
		sc.Style = a.Scene.Style
	}
	return sc
}

func cloneScene(s *easel.Scene) *easel.Scene {
	c := *s
	c.Subjects = slices.Clone(s.Subjects)
	for i := range c.Subjects {
		c.Subjects[i].Adjectives = slices.Clone(c.Subjects[i].Adjectives)
	}
	c.Palette = slices.Clone(s.Palette)
	c.Elements = slices.Clone(s.Elements)
	c.Extra = slices.Clone(s.Extra)
	return &c
}

// neighbourMoods are the moods a subtle variation may turn to: close
// enough that the picture reads the same.
var neighbourMoods = map[string][]string{
	"serene": {"dreamy", "contemplative"}, "cozy": {"nostalgic", "serene"}, "dramatic": {"epic", "majestic"},
	"eerie": {"mysterious", "ominous"}, "joyful": {"lively", "whimsical"}, "melancholic": {"contemplative", "solitary"},
	"mysterious": {"dreamy", "eerie"}, "epic": {"majestic", "dramatic"}, "lively": {"joyful", "energetic"},
	"romantic": {"dreamy", "serene"}, "nostalgic": {"cozy", "contemplative"}, "whimsical": {"dreamy", "joyful"},
	"dreamy": {"serene", "whimsical"}, "majestic": {"epic", "serene"}, "solitary": {"contemplative", "melancholic"},
	"ominous": {"dramatic", "mysterious"}, "contemplative": {"serene", "solitary"}, "energetic": {"lively", "dramatic"},
}

// accents are colours a subtle variation may lean its palette towards.
var accents = []string{"gold", "teal", "amber", "pink", "silver", "copper", "emerald", "violet"}

// SubtleInstructions returns n refine instructions, chosen by seed, that
// each change one small thing of sc and keep its subject, composition
// and light: a neighbouring mood, a colour accent, more detail. They are
// what subtle variations of a built-in picture are made of, so each keeps
// most of its parent's wording.
func SubtleInstructions(sc *easel.Scene, seed int64, n int) []string {
	var c []string
	c = append(c, neighbourMoods[sc.Mood]...)
	for _, a := range accents {
		if !slices.Contains(sc.Palette, a) {
			c = append(c, a+" tones")
		}
	}
	if !slices.Contains(sc.Extra, "intricate detail") {
		c = append(c, "more detail")
	}
	r := rand.New(rand.NewPCG(uint64(seed), 0x5eed))
	r.Shuffle(len(c), func(i, j int) { c[i], c[j] = c[j], c[i] })
	out := make([]string, 0, n)
	for i := range n {
		if i < len(c) {
			out = append(out, c[i])
			continue
		}
		// More variations than single changes: two at a time.
		out = append(out, c[i%len(c)]+", "+c[(i/len(c)+i+1)%len(c)])
	}
	return out
}

// SubtleVariations writes n subtle variations of a, a picture whose
// prompt the built-in writer wrote from a.Scene: each is a's Scene with
// one of SubtleInstructions(a.Scene, seed, n) applied, written with a's
// own seed, so the composition, the light and most of the wording stay
// whatever seed the variations get. Refine makes its edits the same way.
func SubtleVariations(ctx context.Context, a *easel.Artwork, seed int64, n int, style, negative string, d easel.Dialect) ([]*easel.Prompt, error) {
	w := builtin.New()
	idea := IdeaOf(a)
	out := make([]*easel.Prompt, 0, n)
	for i, in := range SubtleInstructions(a.Scene, seed, n) {
		res, err := refine.Refine(idea, a.Scene, in)
		if err != nil {
			return nil, err
		}
		ps, err := w.WritePrompts(ctx, easel.WriteRequest{
			Idea: res.Idea, Scene: res.Scene, Style: style, Negative: negative, Seed: a.Seed, N: 1, Dialect: d,
		})
		if err != nil {
			return nil, err
		}
		p := ps[0]
		p.Variation, p.Chaos = i, SubtleChaos
		out = append(out, p)
	}
	return out, nil
}

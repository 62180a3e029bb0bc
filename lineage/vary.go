package lineage

import (
	"slices"
	"strings"

	"github.com/easel-art/easel"
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
// elements stay and only the wording and details change. Strong ones start
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

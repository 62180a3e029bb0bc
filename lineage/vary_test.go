package lineage_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/lineage"
	"github.com/easel-art/easel/prompt/builtin"
)

// overlap is the Jaccard index of the words of a and b: 1 for the same
// words, 0 for none in common.
func overlap(a, b string) float64 {
	words := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return (r < 'a' || r > 'z') && r != '\'' }) {
			m[w] = true
		}
		return m
	}
	wa, wb := words(a), words(b)
	both := 0
	for w := range wa {
		if wb[w] {
			both++
		}
	}
	if len(wa)+len(wb) == 0 {
		return 1
	}
	return float64(both) / float64(len(wa)+len(wb)-both)
}

// TestSubtleStaysCloserThanStrong writes a parent prompt with the built-in
// writer, then subtle and strong variations of it, and compares their
// word overlap with the parent's prompt, averaged over ideas and seeds.
func TestSubtleStaysCloserThanStrong(t *testing.T) {
	w := builtin.New()
	ideas := []string{"a beach sunset", "a castle on a hill", "a fox in the forest", "a city street at night",
		"a lighthouse on a cliff", "a bowl of ramen", "a red barn in a wheat field", "a sailboat on a lake"}
	var sum [2]float64
	var n int
	for _, idea := range ideas {
		var perIdea [2]float64
		for seed := int64(1); seed <= 6; seed++ {
			ps, err := w.WritePrompts(t.Context(), easel.WriteRequest{Idea: idea, Seed: seed})
			if err != nil {
				t.Fatal(err)
			}
			parent := &easel.Artwork{Idea: idea, Prompt: ps[0].Text, Scene: ps[0].Scene, Seed: seed}
			for i, st := range []lineage.Strength{lineage.Subtle, lineage.Strong} {
				vs, err := w.WritePrompts(t.Context(), easel.WriteRequest{Idea: lineage.IdeaOf(parent),
					Scene: lineage.VariationScene(parent, st.Chaos()), Seed: 1000 + seed, N: 3, Chaos: st.Chaos()})
				if err != nil {
					t.Fatal(err)
				}
				for _, v := range vs {
					o := overlap(parent.Prompt, v.Text)
					sum[i] += o
					perIdea[i] += o
				}
			}
			n += 3
		}
		t.Logf("%-28s subtle %.3f  strong %.3f", idea, perIdea[0]/18, perIdea[1]/18)
	}
	subtle, strong := sum[0]/float64(n), sum[1]/float64(n)
	t.Logf("mean word overlap with the parent: subtle %.3f, strong %.3f (%d variations each)", subtle, strong, n)
	if subtle <= strong+0.05 {
		t.Fatalf("subtle variations (overlap %.3f) do not stay clearly closer to the parent than strong ones (%.3f)", subtle, strong)
	}
}

func TestVariationScene(t *testing.T) {
	parent := &easel.Artwork{Idea: "a lighthouse on a cliff", Scene: &easel.Scene{Idea: "a lighthouse on a cliff",
		TimeOfDay: "dusk", Weather: "storm", Mood: "dramatic", View: "low angle", Style: "watercolor",
		Palette: []string{"teal"}, Elements: []string{"lighthouse", "cliffs", "sea", "seagulls"}}}
	sub := lineage.VariationScene(parent, lineage.SubtleChaos)
	if sub.TimeOfDay != "dusk" || sub.Weather != "storm" || sub.Mood != "dramatic" || sub.View != "low angle" || len(sub.Elements) != 4 {
		t.Errorf("subtle scene = %+v; want the parent's composition", sub)
	}
	sub.Elements[0] = "changed"
	if parent.Scene.Elements[0] != "lighthouse" {
		t.Error("VariationScene shares memory with the parent's scene")
	}
	strong := lineage.VariationScene(parent, lineage.StrongChaos)
	if strong.TimeOfDay != "" || strong.Mood != "" || strong.View != "" || strong.Style != "watercolor" || strong.HasElement("seagulls") {
		t.Errorf("strong scene = %+v; want the idea's alone, in the parent's medium", strong)
	}
	// What the idea says stays, even in a strong variation.
	parent.Idea = "a lighthouse on a cliff at night"
	if s := lineage.VariationScene(parent, 100); s.TimeOfDay != "night" {
		t.Errorf("strong scene of %q has time %q", parent.Idea, s.TimeOfDay)
	}
	// A picture without a scene (from another tool) is read from its prompt.
	foreign := &easel.Artwork{Prompt: "(a red barn:1.2), wheat field, <lora:x:1>"}
	if s := lineage.VariationScene(foreign, 15); !s.HasElement("barn") || !s.HasElement("wheat") {
		t.Errorf("scene of a foreign picture = %+v", s)
	}
}

func TestStrength(t *testing.T) {
	for in, want := range map[string]lineage.Strength{"subtle": lineage.Subtle, "Strong": lineage.Strong, " subtle ": lineage.Subtle} {
		if got, err := lineage.ParseStrength(in); err != nil || got != want {
			t.Errorf("ParseStrength(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := lineage.ParseStrength("medium"); easel.ErrorCode(err) != easel.EINVALID {
		t.Errorf("ParseStrength(medium) err = %v", err)
	}
	for chaos, want := range map[int]string{0: easel.MethodVarySubtle, 49: easel.MethodVarySubtle, 50: easel.MethodVaryStrong, 100: easel.MethodVaryStrong} {
		if got := lineage.StrengthOf(chaos).Method(); got != want {
			t.Errorf("chaos %d: method %s; want %s", chaos, got, want)
		}
	}
	if lineage.Subtle.Chaos() >= 50 || lineage.Strong.Chaos() < 50 {
		t.Error(fmt.Sprint("chaos of subtle/strong on the wrong side of 50: ", lineage.Subtle.Chaos(), lineage.Strong.Chaos()))
	}
}

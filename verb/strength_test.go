package verb

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/enginetest"
	"github.com/easel-art/easel/lineage"
)

// overlap is the share of the parent's distinct words a child keeps.
func overlap(parent, child string) float64 {
	words := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, w := range strings.Fields(strings.ToLower(s)) {
			m[strings.Trim(w, ".,;:!?")] = true
		}
		return m
	}
	p, c := words(parent), words(child)
	kept := 0
	for w := range p {
		if c[w] {
			kept++
		}
	}
	return float64(kept) / float64(len(p))
}

// TestStrengthsMeanSomething varies pictures of several ideas at random
// seeds: every subtle child keeps most of its parent's words and its
// composition and light (view, time, weather), and subtle children share
// clearly more words with their parent than strong ones, for every seed.
func TestStrengthsMeanSomething(t *testing.T) {
	c := newCore(t, &enginetest.Fake{})
	r := rand.New(rand.NewPCG(20, 26))
	ideas := []string{"a lighthouse on a rocky coast", "a cozy cabin in a snowy forest", "a fox in a meadow", "a busy street in tokyo", "a bowl of ramen"}
	var subtleSum, strongSum float64
	var n int
	for _, idea := range ideas {
		res, err := Imagine(t.Context(), c, ImagineRequest{Idea: idea, Size: easel.Size{Width: 64, Height: 64}, Seed: r.Int64N(1 << 30)})
		if err != nil {
			t.Fatal(err)
		}
		parent := res.Artworks[0]
		for range 4 {
			seed := r.Int64N(1 << 30)
			mean := func(st lineage.Strength) float64 {
				v, err := Vary(t.Context(), c, VaryRequest{Parent: parent, Strength: st, N: 3, Seed: seed, PromptOnly: true})
				if err != nil {
					t.Fatal(err)
				}
				sum := 0.0
				for _, x := range v.Variations {
					o := overlap(parent.Prompt, x.Text)
					sum += o
					if st == lineage.Subtle {
						sc := x.Prompt.Scene
						if o < 0.6 || sc.View != parent.Scene.View || sc.TimeOfDay != parent.Scene.TimeOfDay || sc.Weather != parent.Scene.Weather {
							t.Errorf("%s seed %d: subtle child keeps %.2f of the words, view %s/%s time %s/%s weather %s/%s:\n%s\n%s",
								idea, seed, o, sc.View, parent.Scene.View, sc.TimeOfDay, parent.Scene.TimeOfDay, sc.Weather, parent.Scene.Weather, parent.Prompt, x.Text)
						}
					}
				}
				return sum / float64(len(v.Variations))
			}
			sub, str := mean(lineage.Subtle), mean(lineage.Strong)
			if sub < str+0.15 {
				t.Errorf("%s seed %d: subtle children keep %.2f of the words, strong %.2f; want subtle well above", idea, seed, sub, str)
			}
			subtleSum += sub
			strongSum += str
			n++
		}
	}
	t.Logf("mean word overlap with the parent over %d seeds: subtle %.2f, strong %.2f", n, subtleSum/float64(n), strongSum/float64(n))
}

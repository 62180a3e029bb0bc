package canvas

import (
	"bytes"
	"context"
	"image/png"
	"math"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/prompt/builtin"
)

// varietyIdeas are ideas of every kind of composition the canvas draws
// most: sea, fields, hills, coast, open water, a hilltop, a forest
// clearing, the desert, a garden, the sky.
var varietyIdeas = []string{
	"a beach sunset",
	"a red barn in a wheat field",
	"a lone tree on a hill at sunset",
	"a lighthouse on a rocky coast during a storm",
	"an old sailing ship on a calm sea",
	"a castle on a hill under a full moon",
	"a cozy cabin in a snowy forest at night",
	"a field of sunflowers under a blue sky",
	"mountains reflected in a lake at dawn",
	"a desert with sand dunes and a lone camel",
	"a quiet japanese garden with a koi pond",
	"a hot air balloon over green hills",
	"a ceramic coffee mug on a wooden table",
	"a red backpack on a white background",
}

// minSeedDistance is the least mean absolute difference, in 8-bit grey
// levels, between 32x32 grey thumbnails of two seeds of one idea. Shrinking
// to 32x32 averages away grain, paint texture and small waves, so what is
// left is where the large masses lie: horizon, subject, sun or moon, land,
// cloud. Measured on these ideas with seeds 1-4 and 101-104: before the
// seed chose a composition (a horizon, a subject and a sun that barely
// moved) the closest pair was 4.4 to 7.7 levels apart for 11 of the 24 sets
// (the open sea and the storm were further apart, by sun glitter, lightning
// and rain). With a seed's look (look.go) every closest pair is 9.3 to 19.6
// levels apart: a horizon moved by a tenth of the frame, or a picture
// mirrored, moves 8 or more.
const minSeedDistance = 8

// TestSeedsGiveDifferentCompositions renders each idea's prompt, as easel
// imagine does, with four seeds: every pair differs clearly, and the same
// seed gives the same bytes.
func TestSeedsGiveDifferentCompositions(t *testing.T) {
	ctx := context.Background()
	e := New()
	for _, run := range varietyRuns() {
		idea := run.idea
		ps, err := builtin.New().WritePrompts(ctx, easel.WriteRequest{Idea: idea, Seed: run.seed})
		if err != nil {
			t.Fatal(err)
		}
		req := &easel.RenderRequest{Scene: ps[0].Scene, Prompt: ps[0].Text, Width: 128, Height: 128, Seed: run.seed, N: 4}
		res, err := e.Render(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		again, err := e.Render(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		thumbs := make([][]float64, len(res.Images))
		for i, im := range res.Images {
			if !bytes.Equal(im.PNG, again.Images[i].PNG) {
				t.Errorf("%q seed %d: two renders differ", idea, im.Seed)
			}
			thumbs[i] = greyThumb(t, im.PNG, 32)
		}
		least := math.Inf(1)
		for i := range thumbs {
			for j := i + 1; j < len(thumbs); j++ {
				d := meanAbs(thumbs[i], thumbs[j])
				least = min(least, d)
				if d < minSeedDistance {
					t.Errorf("%q: seeds %d and %d differ by %.1f grey levels; want a different composition (>= %d)",
						idea, res.Images[i].Seed, res.Images[j].Seed, d, minSeedDistance)
				}
			}
		}
		t.Logf("%-45s seeds %d-%d: closest pair %.1f grey levels apart", idea, run.seed, run.seed+3, least)
	}
}

type varietyRun struct {
	idea string
	seed int64 // the first of four seeds
}

// varietyRuns is every idea with seeds 1-4 and with seeds 101-104.
func varietyRuns() []varietyRun {
	var runs []varietyRun
	for _, seed := range []int64{1, 101} {
		for _, idea := range varietyIdeas {
			runs = append(runs, varietyRun{idea, seed})
		}
	}
	return runs
}

// greyThumb decodes a PNG and box-averages its grey levels (0..255) into
// n x n cells.
func greyThumb(t *testing.T, b []byte, n int) []float64 {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	r := img.Bounds()
	sum := make([]float64, n*n)
	cnt := make([]float64, n*n)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			k := (y-r.Min.Y)*n/r.Dy()*n + (x-r.Min.X)*n/r.Dx()
			sum[k] += (0.299*float64(cr) + 0.587*float64(cg) + 0.114*float64(cb)) / 257
			cnt[k]++
		}
	}
	for i := range sum {
		sum[i] /= cnt[i]
	}
	return sum
}

func meanAbs(a, b []float64) float64 {
	var s float64
	for i := range a {
		s += math.Abs(a[i] - b[i])
	}
	return s / float64(len(a))
}

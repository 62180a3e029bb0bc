package verb

import (
	"context"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/canvas"
	"github.com/easel-art/easel/engine/enginetest"
	"github.com/easel-art/easel/prompt/builtin"
	"github.com/easel-art/easel/store/sqlite"
)

// newCore returns a core over a fresh gallery with the built-in canvas
// and writer, and fake as the engine "fake".
func newCore(t *testing.T, fake *enginetest.Fake) *Core {
	t.Helper()
	g, err := sqlite.Open(t.Context(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { g.Close() })
	return &Core{
		Gallery: g, Engines: []string{"builtin", "fake"},
		Engine: func(spec string) (easel.Engine, string, error) {
			switch spec {
			case "", "builtin":
				return canvas.New(), "", nil
			case "fake":
				return fake, "", nil
			}
			return nil, "", easel.Errorf(easel.EINVALID, "unknown engine %q", spec)
		},
		Writer: func(string) (easel.PromptWriter, error) { return builtin.New(), nil },
	}
}

func TestImagineThenReproduceIsIdentical(t *testing.T) {
	c := newCore(t, &enginetest.Fake{})
	res, err := Imagine(t.Context(), c, ImagineRequest{Idea: "a lighthouse in a storm", Size: easel.Size{Width: 128, Height: 96}, Seed: 7})
	if err != nil || len(res.Artworks) != 1 || res.Seed != 7 {
		t.Fatalf("Imagine = %+v, %v; want one picture with seed 7", res, err)
	}
	orig := res.Artworks[0]
	rep, err := Reproduce(t.Context(), c, ReproduceRequest{Ref: orig.ID[:8]})
	if err != nil {
		t.Fatal(err)
	}
	made := rep.Artworks[0]
	if made.ParentID != orig.ID || made.Method != easel.MethodReproduce || made.Prompt != orig.Prompt || made.Seed != orig.Seed {
		t.Fatalf("reproduction %+v; want the original's prompt and seed, as its child", made)
	}
	if rep.Identical == nil || !*rep.Identical || made.SHA256 != orig.SHA256 {
		t.Fatalf("Identical = %v, digests %s and %s; want the same pixels on the canvas", rep.Identical, made.SHA256, orig.SHA256)
	}
}

// TestVaryAndReproduceKeepSettings: on the picture's own engine, vary
// and reproduce keep its model, steps, CFG scale and sampler.
func TestVaryAndReproduceKeepSettings(t *testing.T) {
	fake := &enginetest.Fake{EngineName: "fake", Caps: easel.Capabilities{Negative: true, Dialect: easel.DialectSD}}
	c := newCore(t, fake)
	parent := &easel.Artwork{Idea: "a red fox in snow", Prompt: "a red fox in snow, (detailed:1.2)", NegativePrompt: "blurry",
		Dialect: easel.DialectSD, Engine: "fake", Model: "dream-v2", Seed: 42, Width: 512, Height: 768,
		Steps: 30, CFGScale: 6.5, Sampler: "DPM++ 2M", Method: easel.MethodImagine}
	if err := c.Gallery.Add(t.Context(), parent, enginetest.PNG(512, 768, 42)); err != nil {
		t.Fatal(err)
	}
	var notes []string
	res, err := Vary(t.Context(), c, VaryRequest{Ref: parent.ID, N: 2, Seed: 5, Hooks: Hooks{OnNote: func(s string) { notes = append(notes, s) }}})
	if err != nil || len(res.Artworks) != 2 {
		t.Fatalf("Vary = %v, %v; want two variations", res, err)
	}
	if _, err := Reproduce(t.Context(), c, ReproduceRequest{Ref: parent.ID}); err != nil {
		t.Fatal(err)
	}
	reqs := fake.Requests()
	if len(reqs) != 3 {
		t.Fatalf("%d engine calls; want 3", len(reqs))
	}
	for i, r := range reqs {
		if r.Model != "dream-v2" || r.Steps != 30 || r.CFGScale != 6.5 || r.Sampler != "DPM++ 2M" || r.Width != 512 || r.Height != 768 {
			t.Errorf("call %d: %+v; want the parent's model, steps, CFG scale, sampler and size", i, r)
		}
	}
	if reqs[2].Prompt != parent.Prompt || reqs[2].Negative != parent.NegativePrompt || reqs[2].Seed != 42 {
		t.Errorf("reproduction sent %q / %q seed %d; want the parent's exactly", reqs[2].Prompt, reqs[2].Negative, reqs[2].Seed)
	}
	for _, a := range res.Artworks {
		if a.ParentID != parent.ID || a.Method != easel.MethodVarySubtle {
			t.Errorf("variation %+v; want a subtle child of the parent", a)
		}
	}
}

func TestVaryOnUnknownEngineFallsBackWithNote(t *testing.T) {
	c := newCore(t, &enginetest.Fake{})
	parent := &easel.Artwork{Idea: "a castle", Prompt: "a castle", Engine: "midjourney", Seed: 1, Width: 256, Height: 256, Method: easel.MethodImagine}
	if err := c.Gallery.Add(t.Context(), parent, enginetest.PNG(256, 256, 1)); err != nil {
		t.Fatal(err)
	}
	var notes []string
	res, err := Vary(t.Context(), c, VaryRequest{Ref: parent.ID, N: 1, Seed: 1, Hooks: Hooks{OnNote: func(s string) { notes = append(notes, s) }}})
	if err != nil || res.Artworks[0].Engine != "builtin" {
		t.Fatalf("Vary = %v, %v; want it drawn on the canvas", res, err)
	}
	if len(notes) != 1 || len(res.Notes) != 1 {
		t.Fatalf("notes %q (result %q); want the one about the engine", notes, res.Notes)
	}
}

func TestBadInputHoldsNotes(t *testing.T) {
	c := newCore(t, &enginetest.Fake{})
	var notes []string
	_, err := Vary(context.Background(), c, VaryRequest{Ref: "ffffffff", Hooks: Hooks{OnNote: func(s string) { notes = append(notes, s) }}})
	if easel.ErrorCode(err) != easel.ENOTFOUND || len(notes) != 0 {
		t.Fatalf("err %v, notes %q; want ENOTFOUND and no notes", err, notes)
	}
	if _, err := Imagine(t.Context(), c, ImagineRequest{Idea: "a fox", Chaos: new(int(101))}); easel.ErrorCode(err) != easel.EINVALID {
		t.Fatalf("chaos 101: %v; want EINVALID", err)
	}
}

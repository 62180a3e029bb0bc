package pipeline

import (
	"time"

	"context"
	"encoding/json"
	"fmt"
	"github.com/easel-art/easel/retry"
	"os"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/enginetest"
	"github.com/easel-art/easel/pngmeta"
	"github.com/easel-art/easel/store/sqlite"
)

// writerFunc is a PromptWriter from a function.
type writerFunc func(ctx context.Context, req easel.WriteRequest) ([]*easel.Prompt, error)

func (f writerFunc) WritePrompts(ctx context.Context, req easel.WriteRequest) ([]*easel.Prompt, error) {
	return f(ctx, req)
}

// echoWriter writes "prompt N for IDEA", recording the requests.
func echoWriter(reqs *[]easel.WriteRequest) easel.PromptWriter {
	return writerFunc(func(ctx context.Context, req easel.WriteRequest) ([]*easel.Prompt, error) {
		*reqs = append(*reqs, req)
		var out []*easel.Prompt
		for i := range req.N {
			out = append(out, &easel.Prompt{Idea: req.Idea, Text: fmt.Sprintf("prompt %d for %s", i, req.Idea),
				Negative: []string{"blurry"}, Seed: req.Seed, Variation: i, Writer: "echo"})
		}
		return out, nil
	})
}

func plainDialect(p *easel.Prompt, d easel.Dialect, size easel.Size, negative string) (Rendered, error) {
	return Rendered{Text: p.Text + " [" + string(d) + "]", Negative: "blurry"}, nil
}

func newTest(t *testing.T) (*Pipeline, *sqlite.DB, *[]easel.WriteRequest) {
	t.Helper()
	g, err := sqlite.Open(t.Context(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { g.Close() })
	var reqs []easel.WriteRequest
	return &Pipeline{Writer: echoWriter(&reqs), Gallery: g, Dialect: plainDialect}, g, &reqs
}

func TestRunSavesEveryPictureWithMetadata(t *testing.T) {
	p, g, reqs := newTest(t)
	eng := &enginetest.Fake{Caps: easel.Capabilities{MaxN: 2, Dialect: easel.DialectSD, Negative: true}}
	var seen []string
	arts, err := p.Run(t.Context(), Request{
		Idea: easel.Idea{Text: "a fox", Template: "a {fox|cat}"}, Engine: eng, Size: easel.Size{Width: 64, Height: 64},
		Seed: 100, Prompts: 2, Images: 3,
		OnArtwork: func(a *easel.Artwork) { seen = append(seen, a.ID) },
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 6 || len(seen) != 6 {
		t.Fatalf("got %d artworks, %d callbacks; want 6", len(arts), len(seen))
	}
	// 3 images with MaxN 2: two engine calls per prompt.
	if n := len(eng.Requests()); n != 4 {
		t.Fatalf("engine calls = %d; want 4", n)
	}
	if (*reqs)[0].Dialect != easel.DialectSD || (*reqs)[0].N != 2 || (*reqs)[0].Seed != 100 {
		t.Fatalf("writer request = %+v; want the engine's dialect, N=2, seed 100", (*reqs)[0])
	}
	wantSeeds := []int64{100, 101, 102, 103, 104, 105}
	for i, a := range arts {
		if a.Seed != wantSeeds[i] {
			t.Errorf("artwork %d seed = %d; want %d", i, a.Seed, wantSeeds[i])
		}
		if a.Prompt != fmt.Sprintf("prompt %d for a fox [sd]", i/3) || a.Template != "a {fox|cat}" || a.Method != easel.MethodImagine {
			t.Errorf("artwork %d = %+v", i, a)
		}
		got, err := g.Get(t.Context(), a.ID)
		if err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(got.Path)
		if err != nil {
			t.Fatal(err)
		}
		md, err := pngmeta.Read(data)
		if err != nil {
			t.Fatal(err)
		}
		if md.Source != pngmeta.SourceEasel || md.Prompt != a.Prompt || md.NegativePrompt != "blurry" || md.Seed != a.Seed {
			t.Errorf("metadata of %d = %+v", i, md)
		}
		if tpl, _ := md.Params.Get("Template"); tpl != "a {fox|cat}" {
			t.Errorf("infotext Template = %q", tpl)
		}
		var m map[string]any
		json.Unmarshal(md.Easel, &m)
		for _, k := range []string{"id", "created_at", "elapsed_ms", "path"} {
			if _, ok := m[k]; ok {
				t.Errorf("easel chunk carries %q, which would break same-seed-same-bytes", k)
			}
		}
	}
}

func TestRunStopsAtFirstFailureKeepingWhatWasSaved(t *testing.T) {
	p, g, _ := newTest(t)
	for _, fault := range []enginetest.Fault{enginetest.FaultContentPolicy, enginetest.FaultTruncatedImage, enginetest.FaultRateLimit} {
		eng := &enginetest.Fake{Fault: fault}
		_, err := p.Run(t.Context(), Request{Idea: easel.Idea{Text: "a fox"}, Engine: eng, Size: easel.Size{Width: 64, Height: 64}})
		if err == nil {
			t.Fatalf("fault %v: no error", fault)
		}
		if code := easel.ErrorCode(err); code == easel.EINTERNAL {
			t.Errorf("fault %v: error %v is not classified", fault, err)
		}
	}
	if all, _ := g.List(t.Context(), easel.ArtworkFilter{}); len(all) != 0 {
		t.Fatalf("failed runs saved %d artworks", len(all))
	}
}

func TestValidate(t *testing.T) {
	eng := &enginetest.Fake{}
	ok := easel.Size{Width: 64, Height: 64}
	tests := []struct {
		name string
		req  Request
		code string
	}{
		{"empty idea", Request{Idea: easel.Idea{Text: " "}, Engine: eng, Size: ok}, easel.EINVALID},
		{"bad size", Request{Idea: easel.Idea{Text: "a"}, Engine: eng, Size: easel.Size{Width: 10, Height: 64}}, easel.EINVALID},
		{"negative seed", Request{Idea: easel.Idea{Text: "a"}, Engine: eng, Size: ok, Seed: -5}, easel.EINVALID},
		{"no engine", Request{Idea: easel.Idea{Text: "a"}, Size: ok}, easel.EINVALID},
		{"too many", Request{Idea: easel.Idea{Text: "a"}, Engine: eng, Size: ok, Images: 101}, easel.EINVALID},
		{"fine", Request{Idea: easel.Idea{Text: "a"}, Engine: eng, Size: ok}, ""},
	}
	for _, tt := range tests {
		if got := easel.ErrorCode(tt.req.Validate()); got != tt.code {
			t.Errorf("%s: code %q; want %q", tt.name, got, tt.code)
		}
	}
}

func TestRunPassesDiffusionSettings(t *testing.T) {
	p, _, _ := newTest(t)
	eng := &enginetest.Fake{}
	_, err := p.Run(t.Context(), Request{
		Idea: easel.Idea{Text: "a fox"}, Engine: eng, Size: easel.Size{Width: 64, Height: 64},
		Steps: 30, CFGScale: 6.5, Sampler: "DPM++ 2M",
	})
	if err != nil {
		t.Fatal(err)
	}
	r := eng.Requests()[0]
	if r.Steps != 30 || r.CFGScale != 6.5 || r.Sampler != "DPM++ 2M" {
		t.Fatalf("engine got steps %d, cfg %g, sampler %q; want 30, 6.5, DPM++ 2M", r.Steps, r.CFGScale, r.Sampler)
	}
}

// flaky fails with a rate limit the first time, then renders.
type flaky struct {
	enginetest.Fake
	calls int
}

func (f *flaky) Render(ctx context.Context, req *easel.RenderRequest) (*easel.RenderResult, error) {
	f.calls++
	if f.calls == 1 {
		return nil, &easel.Error{Code: easel.ERATELIMIT, Message: "slow down", RetryAfter: 3 * time.Second}
	}
	return f.Fake.Render(ctx, req)
}

func TestRunRetriesRateLimits(t *testing.T) {
	p, _, _ := newTest(t)
	var waited []time.Duration
	pol := retry.Default()
	pol.Sleep = func(ctx context.Context, d time.Duration) error { waited = append(waited, d); return nil }
	p.Call = func(ctx context.Context, e easel.Engine, req *easel.RenderRequest) (*easel.RenderResult, error) {
		return retry.Do(ctx, pol, func(ctx context.Context) (*easel.RenderResult, error) { return e.Render(ctx, req) })
	}
	eng := &flaky{}
	arts, err := p.Run(t.Context(), Request{Idea: easel.Idea{Text: "a fox"}, Engine: eng, Size: easel.Size{Width: 64, Height: 64}})
	if err != nil || len(arts) != 1 {
		t.Fatalf("Run = %d artworks, %v; want 1 after a retry", len(arts), err)
	}
	if eng.calls != 2 || len(waited) != 1 || waited[0] != 3*time.Second {
		t.Fatalf("calls %d, waits %v; want 2 calls and one 3s wait (the Retry-After)", eng.calls, waited)
	}
	// Without a policy, one try.
	p.Call = nil
	if _, err := p.Run(t.Context(), Request{Idea: easel.Idea{Text: "a fox"}, Engine: &flaky{}, Size: easel.Size{Width: 64, Height: 64}}); easel.ErrorCode(err) != easel.ERATELIMIT {
		t.Fatalf("err = %v; want the rate limit", err)
	}
}

func TestRemoteEngineWithoutNegativeRecordsNone(t *testing.T) {
	p, _, _ := newTest(t)
	for _, tc := range []struct {
		caps easel.Capabilities
		want string
	}{
		{easel.Capabilities{Negative: true}, "blurry"},
		{easel.Capabilities{Negative: false}, ""},
		{easel.Capabilities{Negative: false, Local: true}, "blurry"},
	} {
		eng := &enginetest.Fake{Caps: tc.caps}
		arts, err := p.Run(t.Context(), Request{Idea: easel.Idea{Text: "a fox"}, Engine: eng, Size: easel.Size{Width: 64, Height: 64}})
		if err != nil {
			t.Fatal(err)
		}
		if arts[0].NegativePrompt != tc.want || eng.Requests()[0].Negative != tc.want {
			t.Errorf("caps %+v: recorded %q, sent %q; want %q", tc.caps, arts[0].NegativePrompt, eng.Requests()[0].Negative, tc.want)
		}
	}
}

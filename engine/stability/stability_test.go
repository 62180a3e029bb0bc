package stability

import (
	"math"
	"strings"
	"sync"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/enginetest"
	"github.com/easel-art/easel/engine/stability/stabilitytest"
)

func TestConformance(t *testing.T) {
	var fakes sync.Map
	open := func(t *testing.T, f enginetest.Fault) easel.Engine {
		fk := newFake(t, f)
		c := client(t, fk, Config{})
		fakes.Store(c, fk)
		return c
	}
	enginetest.Run(t,
		func(t *testing.T) easel.Engine { return open(t, enginetest.FaultNone) },
		enginetest.WithFaults(open),
		enginetest.WithRequests(func(e easel.Engine) int {
			fk, _ := fakes.Load(e)
			return fk.(*stabilitytest.Server).Requests()
		}),
		enginetest.WithSecret(testKey),
	)
}

func TestRenderForms(t *testing.T) {
	tests := []struct {
		model    string
		req      easel.RenderRequest
		endpoint string
		want     map[string]string
	}{
		{"core", easel.RenderRequest{Prompt: "a fox", Negative: "blurry", Width: 1920, Height: 1080, Seed: 5, Style: "Pixel Art"}, "core",
			map[string]string{"prompt": "a fox", "negative_prompt": "blurry", "aspect_ratio": "16:9", "seed": "5", "output_format": "png", "style_preset": "pixel-art"}},
		{"ultra", easel.RenderRequest{Prompt: "a fox", Width: 1024, Height: 1024, Seed: 4294967295 + 7, Style: "pixel art"}, "ultra",
			map[string]string{"prompt": "a fox", "aspect_ratio": "1:1", "seed": "7", "output_format": "png", "style_preset": "pixel-art"}},
		{"sd3.5-large", easel.RenderRequest{Prompt: "a fox", Width: 832, Height: 1216, Seed: 1, CFGScale: 4.5, Style: "cinematic"}, "sd3",
			map[string]string{"prompt": "a fox", "aspect_ratio": "2:3", "seed": "1", "output_format": "png", "model": "sd3.5-large", "mode": "text-to-image", "cfg_scale": "4.5", "style_preset": "cinematic"}},
	}
	for _, tt := range tests {
		t.Run(tt.model, func(t *testing.T) {
			fk := newFake(t, enginetest.FaultNone)
			c := client(t, fk, Config{Model: tt.model})
			req := tt.req
			req.N = 2
			res, err := c.Render(t.Context(), &req)
			if err != nil {
				t.Fatal(err)
			}
			if len(fk.Forms()) != 2 || fk.Paths()[0] != tt.endpoint {
				t.Fatalf("calls %v", fk.Paths())
			}
			got := fk.Forms()[0]
			for k, v := range tt.want {
				if got[k] != v {
					t.Errorf("sent %s = %q; want %q", k, got[k], v)
				}
			}
			if len(got) != len(tt.want) {
				t.Errorf("sent %v; want exactly %v", got, tt.want)
			}
			if res.Images[1].Seed != res.Images[0].Seed+1 {
				t.Errorf("seeds %d, %d", res.Images[0].Seed, res.Images[1].Seed)
			}
			if math.Abs(res.CostUSD-2*c.Capabilities().PricePerImage) > 1e-9 || res.Model != tt.model {
				t.Errorf("cost %v model %q", res.CostUSD, res.Model)
			}
		})
	}
}

func TestNoteOnAspect(t *testing.T) {
	fk := newFake(t, enginetest.FaultNone)
	res, err := client(t, fk, Config{}).Render(t.Context(), &easel.RenderRequest{Prompt: "x", Width: 1000, Height: 700, N: 1})
	if err != nil {
		t.Fatal(err)
	}
	if fk.Forms()[0]["aspect_ratio"] != "3:2" || res.Width != 1216 || res.Height != 832 || len(res.Notes) != 1 {
		t.Errorf("ratio %q size %dx%d notes %q", fk.Forms()[0]["aspect_ratio"], res.Width, res.Height, res.Notes)
	}
}

func TestFilteredIsContentPolicy(t *testing.T) {
	fk := newFake(t, enginetest.FaultNone)
	fk.Filtered = true
	_, err := client(t, fk, Config{}).Render(t.Context(), &easel.RenderRequest{Prompt: "x", Width: 1024, Height: 1024, N: 1})
	if easel.ErrorCode(err) != easel.EPERMANENT || !strings.Contains(err.Error(), "content policy") {
		t.Errorf("err = %v", err)
	}
}

func TestConfig(t *testing.T) {
	_, err := New(ConfigFromEnv(func(string) string { return "" }), nil)
	if easel.ErrorCode(err) != easel.ECONFIG || !strings.Contains(err.Error(), "STABILITY_API_KEY") {
		t.Errorf("missing key: %v", err)
	}
	_, err = New(Config{APIKey: "k", Model: "sdxl-9000"}, nil)
	if easel.ErrorCode(err) != easel.EINVALID || !strings.Contains(err.Error(), "sd3.5-large") {
		t.Errorf("unknown model: %v", err)
	}
	fk := newFake(t, enginetest.FaultNone)
	if err := client(t, fk, Config{}).Check(t.Context()); err != nil {
		t.Errorf("Check: %v", err)
	}
	if err := client(t, fk, Config{APIKey: "sk-nope-nope"}).Check(t.Context()); easel.ErrorCode(err) != easel.ECONFIG {
		t.Errorf("Check with a bad key: %v", err)
	}
}

package runway

import (
	"context"
	"math"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/enginetest"
)

func TestConformance(t *testing.T) {
	var fakes sync.Map
	open := func(t *testing.T, f enginetest.Fault) easel.Engine {
		fk := newFake(t, f)
		c := fk.client(t, Config{})
		fakes.Store(c, fk)
		return c
	}
	enginetest.Run(t,
		func(t *testing.T) easel.Engine { return open(t, enginetest.FaultNone) },
		enginetest.WithFaults(open),
		enginetest.WithRequests(func(e easel.Engine) int {
			fk, _ := fakes.Load(e)
			return fk.(*fakeRunway).requests()
		}),
		enginetest.WithSecret(testKey),
	)
}

func TestRender(t *testing.T) {
	fk := newFake(t, enginetest.FaultNone)
	fk.throttle = 2
	c := fk.client(t, Config{})
	var seen []float64
	res, err := c.Render(t.Context(), &easel.RenderRequest{
		Prompt: "a beach sunset", Negative: "ignored", Width: 1280, Height: 700, Seed: 4294967295, N: 2,
		Progress: func(f float64) { seen = append(seen, f) },
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"model": "gen4_image", "promptText": "a beach sunset", "ratio": "1280:720", "seed": 4294967295.0}
	for k, v := range want {
		if fk.bodies[0][k] != v {
			t.Errorf("sent %s = %v; want %v", k, fk.bodies[0][k], v)
		}
	}
	if len(fk.bodies[0]) != len(want) {
		t.Errorf("sent %v", fk.bodies[0])
	}
	if fk.bodies[1]["seed"] != 0.0 {
		t.Errorf("second seed %v; want 0 (wrapped)", fk.bodies[1]["seed"])
	}
	if res.Width != 1280 || res.Height != 720 || len(res.Notes) != 1 {
		t.Errorf("size %dx%d notes %q", res.Width, res.Height, res.Notes)
	}
	if math.Abs(res.CostUSD-0.10) > 1e-9 {
		t.Errorf("cost %v; want 2 × $0.05 at 720p", res.CostUSD)
	}
	if len(seen) == 0 || seen[len(seen)-1] != 1 {
		t.Errorf("progress %v", seen)
	}
}

func TestCancelLeavesNoTask(t *testing.T) {
	fk := newFake(t, enginetest.FaultNone)
	fk.throttle = 1 << 30 // never runs
	c := fk.client(t, Config{})
	ctx, cancel := context.WithTimeout(t.Context(), 50*time.Millisecond)
	defer cancel()
	_, err := c.Render(ctx, &easel.RenderRequest{Prompt: "x", Width: 1024, Height: 1024, N: 1})
	if easel.ErrorCode(err) != easel.EUNAVAILABLE {
		t.Errorf("err = %v", err)
	}
	fk.mu.Lock()
	defer fk.mu.Unlock()
	if len(fk.cancelled) != 1 {
		t.Errorf("cancelled %v; want the task cancelled", fk.cancelled)
	}
}

func TestConfig(t *testing.T) {
	_, err := New(ConfigFromEnv(func(string) string { return "" }), nil)
	if easel.ErrorCode(err) != easel.ECONFIG || !strings.Contains(err.Error(), "RUNWAYML_API_SECRET") {
		t.Errorf("missing key: %v", err)
	}
	for _, m := range []string{"gen3a_turbo", "gen4_image_turbo"} {
		if _, err := New(Config{APIKey: "k", Model: m}, nil); easel.ErrorCode(err) != easel.EINVALID {
			t.Errorf("model %s: %v", m, err)
		}
	}
	fk := newFake(t, enginetest.FaultNone)
	if err := fk.client(t, Config{}).Check(t.Context()); err != nil {
		t.Errorf("Check: %v", err)
	}
	if err := fk.client(t, Config{APIKey: "key_wrong_1234"}).Check(t.Context()); easel.ErrorCode(err) != easel.ECONFIG || !strings.Contains(err.Error(), "RUNWAYML_API_SECRET") {
		t.Errorf("Check with a bad key: %v", err)
	}
}

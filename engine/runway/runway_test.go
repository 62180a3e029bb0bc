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
	"github.com/easel-art/easel/engine/runway/runwaytest"
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
			return fk.(*runwaytest.Server).Requests()
		}),
		enginetest.WithSecret(testKey),
	)
}

func TestRender(t *testing.T) {
	fk := newFake(t, enginetest.FaultNone)
	fk.Throttle = 2
	c := client(t, fk, Config{})
	var seen []float64
	res, err := c.Render(t.Context(), &easel.RenderRequest{
		Prompt: "a beach sunset", Negative: "ignored", Width: 1280, Height: 700, Seed: 4294967295, N: 2,
		Progress: func(f float64) { seen = append(seen, f) },
	})
	if err != nil {
		t.Fatal(err)
	}
	bodies := fk.Bodies()
	want := map[string]any{"model": "gen4_image", "promptText": "a beach sunset", "ratio": "1280:720", "seed": 4294967295.0}
	for k, v := range want {
		if bodies[0][k] != v {
			t.Errorf("sent %s = %v; want %v", k, bodies[0][k], v)
		}
	}
	if len(bodies[0]) != len(want) {
		t.Errorf("sent %v", bodies[0])
	}
	if bodies[1]["seed"] != 0.0 {
		t.Errorf("second seed %v; want 0 (wrapped)", bodies[1]["seed"])
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
	fk.Throttle = 1 << 30 // never runs
	c := client(t, fk, Config{})
	ctx, cancel := context.WithTimeout(t.Context(), 50*time.Millisecond)
	defer cancel()
	_, err := c.Render(ctx, &easel.RenderRequest{Prompt: "x", Width: 1024, Height: 1024, N: 1})
	if easel.ErrorCode(err) != easel.EUNAVAILABLE {
		t.Errorf("err = %v", err)
	}
	if got := fk.Cancelled(); len(got) != 1 {
		t.Errorf("cancelled %v; want the task cancelled", got)
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
	if err := client(t, fk, Config{}).Check(t.Context()); err != nil {
		t.Errorf("Check: %v", err)
	}
	if err := client(t, fk, Config{APIKey: "key_wrong_1234"}).Check(t.Context()); easel.ErrorCode(err) != easel.ECONFIG || !strings.Contains(err.Error(), "RUNWAYML_API_SECRET") {
		t.Errorf("Check with a bad key: %v", err)
	}
}

// TestInstantFake checks the fake's switch that the CLI's end-to-end tests
// rely on: a task that ends at its first poll still goes through create,
// poll and a key-less download.
func TestInstantFake(t *testing.T) {
	fk := newFake(t, enginetest.FaultNone)
	fk.Instant = true
	res, err := client(t, fk, Config{}).Render(t.Context(), &easel.RenderRequest{Prompt: "a fox", Width: 1024, Height: 1024, N: 1, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	if got := fk.Requests(); got != 2 {
		t.Errorf("%d API requests; want 2 (create, one poll)", got)
	}
	if len(res.Images) != 1 || res.Width != 1024 {
		t.Errorf("result %+v", res)
	}
}

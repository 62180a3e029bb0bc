package pool_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/a1111"
	"github.com/easel-art/easel/engine/a1111/a1111test"
	"github.com/easel-art/easel/engine/enginetest"
	"github.com/easel-art/easel/engine/pool"
)

// open opens a1111 over the fakes' URLs as EASEL_A1111_URL lists them.
func open(t *testing.T, env map[string]string, fakes ...*a1111test.Server) easel.Engine {
	t.Helper()
	urls := ""
	for i, f := range fakes {
		if i > 0 {
			urls += ","
		}
		urls += f.URL()
	}
	if env == nil {
		env = map[string]string{}
	}
	env["EASEL_A1111_URL"] = urls
	e, err := pool.Wrap(a1111.Factory, "EASEL_A1111_URL").Open(func(k string) string { return env[k] }, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func req() *easel.RenderRequest {
	return &easel.RenderRequest{Prompt: "a fox", Seed: 1, Width: 64, Height: 64, Steps: 4, N: 1}
}

func TestOneURLIsThePlainEngine(t *testing.T) {
	f := a1111test.New(t, "")
	if _, ok := open(t, nil, f).(*a1111.Client); !ok {
		t.Fatalf("one URL opened a pool")
	}
}

// TestSpreadsOverBoxes: calls at once go to every box, one at a time each.
func TestSpreadsOverBoxes(t *testing.T) {
	a, b := a1111test.New(t, ""), a1111test.New(t, "")
	e := open(t, nil, a, b)
	var wg sync.WaitGroup
	for range 6 {
		wg.Go(func() {
			if _, err := e.Render(t.Context(), req()); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if a.Requests() == 0 || b.Requests() == 0 || a.Requests()+b.Requests() < 6 {
		t.Fatalf("requests %d and %d; want both boxes used", a.Requests(), b.Requests())
	}
	if got := pool.Capacity(func(k string) string {
		return map[string]string{"EASEL_A1111_URL": a.URL() + "," + b.URL(), "EASEL_A1111_URL_CONCURRENCY": "2"}[k]
	}, "EASEL_A1111_URL", 1); got != 4 {
		t.Errorf("Capacity = %d; want 2 boxes x 2", got)
	}
}

// TestFailover: a box that fails a call as unavailable is taken out and
// the call runs again on another box, once; the box is back after its
// time out when its health check answers. A request the service refuses
// is not sent to another box.
func TestFailover(t *testing.T) {
	sick, well := a1111test.New(t, enginetest.FaultUnavailable), a1111test.New(t, "")
	e := open(t, nil, sick, well)
	if _, err := e.Render(t.Context(), req()); err != nil {
		t.Fatalf("Render with one sick box: %v", err)
	}
	if sick.Requests() != 1 || well.Requests() != 1 {
		t.Fatalf("requests sick %d, well %d; want the call tried on the sick box, then once on the well one", sick.Requests(), well.Requests())
	}
	for range 3 {
		if _, err := e.Render(t.Context(), req()); err != nil {
			t.Fatal(err)
		}
	}
	if sick.Requests() != 1 {
		t.Fatalf("the box taken out got %d more calls", sick.Requests()-1)
	}
	// Both sick: the call fails after two boxes, not more.
	well.Fault = enginetest.FaultUnavailable
	sick.Fault = ""
	n := well.Requests()
	if _, err := e.Render(t.Context(), req()); easel.ErrorCode(err) != easel.EUNAVAILABLE {
		t.Fatalf("Render with every box out: %v; want EUNAVAILABLE", err)
	}
	if well.Requests() != n+1 {
		t.Fatalf("well box got %d calls; want 1", well.Requests()-n)
	}
	// A rate limit (or a refused request) is not a sick box: no second box.
	bad := a1111test.New(t, enginetest.FaultRateLimit)
	other := a1111test.New(t, "")
	e2 := open(t, nil, bad, other)
	if _, err := e2.Render(t.Context(), req()); err == nil || easel.ErrorCode(err) == easel.EUNAVAILABLE {
		t.Fatalf("Render refused = %v", err)
	}
	if other.Requests() != 0 {
		t.Fatalf("a refused request was sent to another box")
	}
}

// TestBoxComesBack: after its time out, a box whose health check answers
// takes calls again.
func TestBoxComesBack(t *testing.T) {
	pool.SetDownFor(t, 50*time.Millisecond)
	a, b := a1111test.New(t, enginetest.FaultUnavailable), a1111test.New(t, "")
	e := open(t, nil, a, b)
	if _, err := e.Render(t.Context(), req()); err != nil {
		t.Fatal(err)
	}
	a.Fault = ""
	time.Sleep(100 * time.Millisecond)
	before := a.Requests()
	if _, err := e.Render(context.Background(), req()); err != nil {
		t.Fatal(err)
	}
	if a.Requests() != before+1 {
		t.Fatalf("the box did not come back: %d calls", a.Requests()-before)
	}
}

// TestOpensShareBoxes: engines opened again over the same boxes (the
// studio opens one a request) share what the first learnt: a box out of
// service is out for all.
func TestOpensShareBoxes(t *testing.T) {
	sick, well := a1111test.New(t, enginetest.FaultUnavailable), a1111test.New(t, "")
	if _, err := open(t, nil, sick, well).Render(t.Context(), req()); err != nil {
		t.Fatal(err)
	}
	if _, err := open(t, nil, sick, well).Render(t.Context(), req()); err != nil {
		t.Fatal(err)
	}
	if sick.Requests() != 1 {
		t.Fatalf("the sick box got %d calls from two opens; want 1", sick.Requests())
	}
}

func TestEndpointListsBoxes(t *testing.T) {
	f := pool.Wrap(a1111.Factory, "EASEL_A1111_URL")
	env := map[string]string{"EASEL_A1111_URL": "http://u:secret@gpu1:7860, http://gpu2:7860"}
	if got := f.Endpoint(func(k string) string { return env[k] }); got != "http://gpu1:7860, http://gpu2:7860" {
		t.Errorf("Endpoint = %q; want both boxes, no credentials", got)
	}
	env["EASEL_A1111_URL"] = "http://u:secret@gpu1:7860"
	if got := f.Endpoint(func(k string) string { return env[k] }); strings.Contains(got, "secret") || !strings.Contains(got, "gpu1") {
		t.Errorf("Endpoint of one box = %q", got)
	}
}

package server

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/canvas"
	"github.com/easel-art/easel/prompt/builtin"
	"github.com/easel-art/easel/store/sqlite"
)

// sqliteJobs is the JobStore cmd/easel gives the server.
type sqliteJobs struct{ db *sqlite.DB }

func (s sqliteJobs) AddJob(ctx context.Context, j StoredJob) error {
	return s.db.AddServerJob(ctx, sqlite.ServerJob{ID: j.ID, Request: j.Request, State: j.State, CreatedAt: j.CreatedAt})
}
func (s sqliteJobs) SetJobState(ctx context.Context, id, state string) error {
	return s.db.SetServerJobState(ctx, id, state)
}
func (s sqliteJobs) UnfinishedJobs(ctx context.Context) ([]StoredJob, error) {
	js, err := s.db.UnfinishedServerJobs(ctx)
	var out []StoredJob
	for _, j := range js {
		out = append(out, StoredJob{ID: j.ID, Request: j.Request, State: j.State, CreatedAt: j.CreatedAt, Crashes: j.Crashes})
	}
	return out, err
}
func (s sqliteJobs) AddJobArtwork(ctx context.Context, id string, idx int, artworkID string) error {
	return s.db.AddServerJobArtwork(ctx, id, idx, artworkID)
}
func (s sqliteJobs) JobCrashed(ctx context.Context, id string) (int, error) {
	return s.db.ServerJobCrashed(ctx, id)
}
func (s sqliteJobs) JobArtworks(ctx context.Context, id string) ([]string, error) {
	return s.db.ServerJobArtworks(ctx, id)
}

// stallEngine is the canvas one picture per call (as a paid engine with
// MaxN 1), recording the seed of every call; after free calls, each call
// hangs until it is cancelled (free < 0: none hangs).
type stallEngine struct {
	easel.Engine
	free int

	mu    sync.Mutex
	seeds []int64
}

func (e *stallEngine) Capabilities() easel.Capabilities {
	c := e.Engine.Capabilities()
	c.MaxN = 1
	return c
}

func (e *stallEngine) Render(ctx context.Context, req *easel.RenderRequest) (*easel.RenderResult, error) {
	if req.N != 1 {
		return nil, easel.Errorf(easel.EINVALID, "n %d: this engine makes 1 picture a call", req.N)
	}
	e.mu.Lock()
	n := len(e.seeds)
	e.seeds = append(e.seeds, req.Seed)
	e.mu.Unlock()
	if e.free >= 0 && n >= e.free {
		<-ctx.Done()
		return nil, ctx.Err()
	}
	return e.Engine.Render(ctx, req)
}

func (e *stallEngine) calls() []int64 {
	e.mu.Lock()
	defer e.mu.Unlock()
	return slices.Clone(e.seeds)
}

// startOn starts a server with a job store on the gallery in dir.
func startOn(t *testing.T, dir string, eng easel.Engine, opts Options) (*testEnv, func()) {
	t.Helper()
	gal, err := sqlite.Open(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := New(Deps{
		Gallery: gal,
		Writer:  func(string) (easel.PromptWriter, error) { return builtin.New(), nil },
		Engine:  func(string) (easel.Engine, string, error) { return eng, "", nil },
		Engines: []string{"builtin"}, LLMs: []string{"builtin"},
		Jobs: sqliteJobs{gal},
	}, opts)
	if err != nil {
		gal.Close()
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	stop := func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
		ts.Close()
		gal.Close()
	}
	return &testEnv{srv: srv, ts: ts, gal: gal}, stop
}

func lookupJob(t *testing.T, e *testEnv, id string) (int, JobView) {
	t.Helper()
	res, b := e.do(t, "GET", "/api/v1/jobs/"+id, nil)
	var jv JobView
	if res.StatusCode == http.StatusOK {
		if err := json.Unmarshal(b, &jv); err != nil {
			t.Fatal(err)
		}
	}
	return res.StatusCode, jv
}

func postJob(t *testing.T, e *testEnv, body string) string {
	t.Helper()
	res, b := e.do(t, "POST", "/api/v1/jobs", body)
	if res.StatusCode != http.StatusAccepted {
		t.Fatalf("POST %s: %d %s", body, res.StatusCode, b)
	}
	var jv JobView
	if err := json.Unmarshal(b, &jv); err != nil {
		t.Fatal(err)
	}
	return jv.ID
}

// A server stopped in the middle of a job, with another waiting and a
// third cancelled by the person: the next server on the same gallery
// finishes the first two, making each picture once, and leaves the third.
func TestJobsSurviveRestart(t *testing.T) {
	dir := t.TempDir()
	opts := Options{Workers: 1, SoftStop: 20 * time.Millisecond}

	// First server: two pictures go through, the third call hangs.
	engA := &stallEngine{Engine: canvas.New(), free: 2}
	a, stopA := startOn(t, dir, engA, opts)
	running := postJob(t, a, `{"idea":"a beach sunset","size":"96x96","n":4,"seed":100}`)
	waiting := postJob(t, a, `{"idea":"a fox in the snow","size":"96x96","seed":500}`)
	cancelled := postJob(t, a, `{"idea":"a lighthouse at night","size":"96x96","seed":900}`)
	if res, b := a.do(t, "DELETE", "/api/v1/jobs/"+cancelled, nil); res.StatusCode != http.StatusAccepted {
		t.Fatalf("DELETE: %d %s", res.StatusCode, b)
	}
	var before []string
	for deadline := time.Now().Add(20 * time.Second); ; {
		_, jv := lookupJob(t, a, running)
		if len(jv.Artworks) == 2 && len(engA.calls()) == 3 {
			for _, av := range jv.Artworks {
				before = append(before, av.ID)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the first job did not reach its third picture: %+v, calls %v", jv, engA.calls())
		}
		time.Sleep(5 * time.Millisecond)
	}
	stopA()
	if got, want := engA.calls(), []int64{100, 101, 102}; !slices.Equal(got, want) {
		t.Fatalf("first server's engine calls = %v, want %v", got, want)
	}

	// Second server: the stopped jobs run again under their ids.
	engB := &stallEngine{Engine: canvas.New(), free: -1}
	b, stopB := startOn(t, dir, engB, opts)
	defer stopB()
	jv := waitJob(t, b, running)
	if jv.State != StateDone || len(jv.Artworks) != 4 {
		t.Fatalf("resumed job: %s with %d artworks, %+v", jv.State, len(jv.Artworks), jv.Error)
	}
	var after []string
	var seeds []int64
	for _, av := range jv.Artworks {
		after = append(after, av.ID)
		seeds = append(seeds, av.Seed)
	}
	if !slices.Equal(after[:2], before) {
		t.Errorf("resumed job's first artworks = %v, want the saved %v", after[:2], before)
	}
	if want := []int64{100, 101, 102, 103}; !slices.Equal(seeds, want) {
		t.Errorf("resumed job's seeds = %v, want %v", seeds, want)
	}
	if jv := waitJob(t, b, waiting); jv.State != StateDone || len(jv.Artworks) != 1 || jv.Artworks[0].Seed != 500 {
		t.Errorf("waiting job after the restart: %s %+v", jv.State, jv)
	}
	// The engine made only what was missing.
	if got, want := engB.calls(), []int64{102, 103, 500}; !slices.Equal(got, want) {
		t.Errorf("second server's engine calls = %v, want %v", got, want)
	}
	if code, _ := lookupJob(t, b, cancelled); code != http.StatusNotFound {
		t.Errorf("the cancelled job is back: GET answered %d", code)
	}
	// Each picture saved once: 4 + 1 in the gallery.
	all, err := b.gal.List(t.Context(), easel.ArtworkFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var ideas []string
	for _, art := range all {
		ideas = append(ideas, art.Idea)
	}
	if len(all) != 5 || slices.Contains(ideas, "a lighthouse at night") {
		t.Errorf("gallery holds %d pictures (%s), want 5 without the cancelled job's", len(all), strings.Join(ideas, "; "))
	}
	left, err := b.gal.UnfinishedServerJobs(t.Context())
	if err != nil || len(left) != 0 {
		t.Errorf("unfinished jobs after the restart: %v %v", left, err)
	}
}

// A job whose request cannot run any more (here: its parent was deleted)
// ends failed at the next start instead of running.
func TestResumeUnrunnable(t *testing.T) {
	dir := t.TempDir()
	gal, err := sqlite.Open(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	err = gal.AddServerJob(t.Context(), sqlite.ServerJob{ID: "job_0123456789abcdef", Request: []byte(`{"idea":"a fox","size":"96x96","parent_id":"gone"}`), State: StateQueued, CreatedAt: time.Now()})
	gal.Close()
	if err != nil {
		t.Fatal(err)
	}
	e, stop := startOn(t, dir, &stallEngine{Engine: canvas.New(), free: -1}, Options{})
	defer stop()
	code, jv := lookupJob(t, e, "job_0123456789abcdef")
	if code != http.StatusOK || jv.State != StateFailed || jv.Error == nil || !strings.Contains(jv.Error.Message, "restarted") {
		t.Fatalf("unrunnable job: %d %+v %+v", code, jv, jv.Error)
	}
	if left, _ := e.gal.UnfinishedServerJobs(t.Context()); len(left) != 0 {
		t.Errorf("still unfinished: %v", left)
	}
}

// A running job the person cancelled stays cancelled across a restart.
func TestCancelledRunningJobStaysCancelled(t *testing.T) {
	dir := t.TempDir()
	engA := &stallEngine{Engine: canvas.New(), free: 0}
	a, stopA := startOn(t, dir, engA, Options{Workers: 1, SoftStop: 20 * time.Millisecond})
	id := postJob(t, a, `{"idea":"a beach sunset","size":"96x96","seed":1}`)
	for deadline := time.Now().Add(20 * time.Second); len(engA.calls()) == 0; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the job never called its engine")
		}
	}
	if res, b := a.do(t, "DELETE", "/api/v1/jobs/"+id, nil); res.StatusCode != http.StatusAccepted {
		t.Fatalf("DELETE: %d %s", res.StatusCode, b)
	}
	if jv := waitJob(t, a, id); jv.State != StateCanceled {
		t.Fatalf("cancelled job ended %s", jv.State)
	}
	stopA()
	engB := &stallEngine{Engine: canvas.New(), free: -1}
	b, stopB := startOn(t, dir, engB, Options{})
	defer stopB()
	if code, _ := lookupJob(t, b, id); code != http.StatusNotFound {
		t.Errorf("the cancelled job is back: GET answered %d", code)
	}
	if calls := engB.calls(); len(calls) != 0 {
		t.Errorf("the second server called its engine: %v", calls)
	}
}

package queue_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"golang.org/x/time/rate"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/enginetest"
	"github.com/easel-art/easel/pipeline"
	"github.com/easel-art/easel/queue"
	"github.com/easel-art/easel/retry"
	"github.com/easel-art/easel/store/sqlite"
)

// harness is a working queue on SQLite in a temporary directory, running
// jobs through the real pipeline into a real gallery.
type harness struct {
	q   *queue.Queue
	gal *sqlite.DB
	dir string

	mu     sync.Mutex
	events []queue.Event
}

func newHarness(t *testing.T, dir string, eng easel.Engine, edit func(*queue.Config)) *harness {
	t.Helper()
	gal, err := sqlite.Open(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { gal.Close() })
	h := &harness{gal: gal, dir: dir}
	p := &pipeline.Pipeline{Gallery: gal}
	cfg := queue.Config{
		File: filepath.Join(dir, "queue.db"), Workers: 4, PollInterval: 100 * time.Millisecond,
		Run: func(ctx context.Context, j easel.Job, call queue.Call) ([]*easel.Artwork, error) {
			return p.RunJob(ctx, pipeline.JobRun{Job: j, Engine: eng, Store: gal, Call: call})
		},
		Retry:  retry.Policy{MaxAttempts: 3, Base: time.Millisecond, Max: time.Millisecond},
		Limits: func(string) queue.Limit { return queue.Limit{Concurrency: 4} },
		OnEvent: func(ev queue.Event) {
			h.mu.Lock()
			h.events = append(h.events, ev)
			h.mu.Unlock()
		},
	}
	if edit != nil {
		edit(&cfg)
	}
	q, err := queue.Open(t.Context(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	h.q = q
	return h
}

func testJobs(batch string, n int) []easel.Job {
	jobs := make([]easel.Job, n)
	for i := range jobs {
		jobs[i] = easel.Job{Batch: batch, Line: i + 1, Prompt: fmt.Sprintf("job %d: a fox in the snow", i),
			Engine: "fake", Seed: int64(i), Width: 64, Height: 64, N: 1}
	}
	return jobs
}

// runAll starts the queue and waits until batch has no job left.
func (h *harness) runAll(t *testing.T, batch string) queue.Stats {
	t.Helper()
	if err := h.q.Start(t.Context()); err != nil {
		t.Fatal(err)
	}
	defer h.q.Stop(context.WithoutCancel(t.Context()))
	deadline := time.Now().Add(60 * time.Second)
	for {
		st, err := h.q.Stats(t.Context(), batch)
		if err != nil {
			t.Fatal(err)
		}
		if st.Finished() {
			return st
		}
		if time.Now().After(deadline) {
			t.Fatalf("batch did not finish: %+v", st)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestQueueRunsEachJobOnce(t *testing.T) {
	dir := t.TempDir()
	eng := &enginetest.Fake{}
	h := newHarness(t, dir, eng, nil)
	jobs := testJobs("b1", 12)
	ins, err := h.q.Insert(t.Context(), jobs)
	if err != nil || ins.Inserted != 12 || ins.Existing != 0 {
		t.Fatalf("Insert = %+v, %v; want 12 inserted", ins, err)
	}
	st := h.runAll(t, "b1")
	if st.Done != 12 || st.Total() != 12 {
		t.Fatalf("stats = %+v; want 12 done", st)
	}
	if n := len(eng.Requests()); n != 12 {
		t.Fatalf("engine calls = %d; want 12", n)
	}
	h.q.Close()

	// The same batch again: every job is stored already and finished, so
	// nothing runs and nothing is paid twice.
	h2 := newHarness(t, dir, eng, nil)
	ins, err = h2.q.Insert(t.Context(), jobs)
	if err != nil || ins.Inserted != 0 || ins.Existing != 12 {
		t.Fatalf("second Insert = %+v, %v; want 12 existing", ins, err)
	}
	if st := h2.runAll(t, "b1"); st.Done != 12 {
		t.Fatalf("stats = %+v; want 12 done", st)
	}
	if n := len(eng.Requests()); n != 12 {
		t.Fatalf("engine calls after rerun = %d; want still 12", n)
	}
	in, err := h2.gal.VerifyJobs(t.Context())
	if err != nil || len(in.Problems) > 0 || in.Artworks != 12 || in.JobRows != 12 {
		t.Fatalf("gallery = %+v, %v; want 12 sound artworks", in, err)
	}
}

func TestQueuePermanentFailureIsNotRetried(t *testing.T) {
	eng := &enginetest.Fake{Fault: enginetest.FaultContentPolicy}
	h := newHarness(t, t.TempDir(), eng, nil)
	h.q.Insert(t.Context(), testJobs("b1", 3))
	st := h.runAll(t, "b1")
	if st.Failed != 3 {
		t.Fatalf("stats = %+v; want 3 failed", st)
	}
	if n := len(eng.Requests()); n != 3 {
		t.Fatalf("engine calls = %d; want 3 (one each, no retry)", n)
	}
	fails, err := h.q.Failures(t.Context(), "b1")
	if err != nil || len(fails) != 3 || fails[0].Skipped || fails[0].Job.Line != 1 {
		t.Fatalf("Failures = %+v, %v", fails, err)
	}
}

func TestQueueTransientFailureIsRetried(t *testing.T) {
	eng := &enginetest.Fake{Fault: enginetest.FaultUnavailable}
	h := newHarness(t, t.TempDir(), eng, func(c *queue.Config) { c.MaxAttempts = 1 })
	h.q.Insert(t.Context(), testJobs("b1", 2))
	st := h.runAll(t, "b1")
	if st.Failed != 2 {
		t.Fatalf("stats = %+v; want 2 failed", st)
	}
	if n := len(eng.Requests()); n != 6 {
		t.Fatalf("engine calls = %d; want 6 (3 tries each)", n)
	}
}

// throttling is an engine that allows a rate and answers "rate limited",
// with the wait, past it, as a remote engine's client reports a 429.
type throttling struct {
	*enginetest.Fake
	lim *rate.Limiter
}

func (e *throttling) Render(ctx context.Context, req *easel.RenderRequest) (*easel.RenderResult, error) {
	now := time.Now()
	r := e.lim.ReserveN(now, req.N)
	if d := r.DelayFrom(now); d > 0 {
		r.CancelAt(now)
		return nil, &easel.Error{Code: easel.ERATELIMIT, Message: "slow down", RetryAfter: d}
	}
	return e.Fake.Render(ctx, req)
}

func TestQueueRateLimitIsNotAFailure(t *testing.T) {
	// The engine allows 20 a second; easel is told 10 times that.
	eng := &throttling{Fake: &enginetest.Fake{}, lim: rate.NewLimiter(20, 1)}
	h := newHarness(t, t.TempDir(), eng, func(c *queue.Config) {
		c.Limits = func(string) queue.Limit { return queue.Limit{Concurrency: 4, ImagesPerMinute: 12000} }
	})
	h.q.Insert(t.Context(), testJobs("b1", 20))
	st := h.runAll(t, "b1")
	if st.Done != 20 || st.Failed != 0 {
		t.Fatalf("stats = %+v; want 20 done, none failed", st)
	}
	if h.q.Limiter("fake").Throttles() == 0 {
		t.Errorf("the limiter was never told about a 429: the test did not exercise throttling")
	}
	if h.q.Limiter("fake").Scale() >= 1 && h.q.Limiter("fake").Throttles() > 0 {
		t.Logf("scale recovered to %v", h.q.Limiter("fake").Scale())
	}
}

func TestQueueBudget(t *testing.T) {
	eng := &enginetest.Fake{Caps: easel.Capabilities{PricePerImage: 1}}
	h := newHarness(t, t.TempDir(), eng, nil)
	if err := h.q.SaveBatch(t.Context(), "b1", "test", 6, 3.5, true); err != nil {
		t.Fatal(err)
	}
	h.q.Insert(t.Context(), testJobs("b1", 6))
	st := h.runAll(t, "b1")
	if st.Done != 3 || st.Skipped != 3 || st.Failed != 0 {
		fails, _ := h.q.Failures(t.Context(), "b1")
		t.Fatalf("stats = %+v; want 3 done and 3 not started; failures %+v", st, fails)
	}
	if n := len(eng.Requests()); n != 3 {
		t.Fatalf("engine calls = %d; want 3: no job may start past the budget", n)
	}
	b, err := h.q.Budget(t.Context(), "b1")
	if err != nil || b.Spent != 3 || !b.HasMax || b.MaxUSD != 3.5 {
		t.Fatalf("Budget = %+v, %v; want 3 spent of 3.5", b, err)
	}
	fails, _ := h.q.Failures(t.Context(), "b1")
	if len(fails) != 3 || !fails[0].Skipped {
		t.Fatalf("Failures = %+v; want 3 skipped", fails)
	}

	// The same batch again with a bigger budget runs the three that were
	// not started, and the batch then reads as done: the jobs refused
	// before are superseded, not counted as well.
	if err := h.q.SaveBatch(t.Context(), "b1", "test", 6, 10, true); err != nil {
		t.Fatal(err)
	}
	ins, err := h.q.Insert(t.Context(), testJobs("b1", 6))
	if err != nil || ins.Inserted != 3 || ins.Existing != 3 {
		t.Fatalf("Insert again = %+v, %v; want the 3 not started stored anew", ins, err)
	}
	st = h.runAll(t, "b1")
	if st.Done != 6 || st.Skipped != 0 || st.Total() != 6 {
		t.Fatalf("stats after a bigger budget = %+v; want 6 done of 6", st)
	}
	if fails, _ := h.q.Failures(t.Context(), "b1"); len(fails) != 0 {
		t.Fatalf("Failures after a bigger budget = %+v; want none", fails)
	}
	if n := len(eng.Requests()); n != 6 {
		t.Fatalf("engine calls = %d; want 6", n)
	}
}

func TestQueueReclaimsJobsOfAKilledProcess(t *testing.T) {
	dir := t.TempDir()
	eng := &enginetest.Fake{}
	// A process that only stores the jobs.
	h := newHarness(t, dir, eng, func(c *queue.Config) { c.Workers = 0 })
	h.q.Insert(t.Context(), testJobs("b1", 4))
	h.q.Close()
	// What a kill -9 leaves: jobs marked running by a process that is gone.
	db, err := sql.Open("sqlite", filepath.Join(dir, "queue.db"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE river_job SET state = 'running', attempt = 1, attempted_at = '2000-01-01 00:00:00'`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	h2 := newHarness(t, dir, eng, nil)
	if st, _ := h2.q.Stats(t.Context(), "b1"); st.Running != 4 {
		t.Fatalf("before: %+v; want 4 running", st)
	}
	if st := h2.runAll(t, "b1"); st.Done != 4 {
		t.Fatalf("stats = %+v; want the 4 jobs done", st)
	}
}

func TestQueueOneWorkingProcessOnSQLite(t *testing.T) {
	dir := t.TempDir()
	newHarness(t, dir, &enginetest.Fake{}, nil)
	_, err := queue.Open(t.Context(), queue.Config{File: filepath.Join(dir, "queue.db"), Workers: 1,
		Run: func(context.Context, easel.Job, queue.Call) ([]*easel.Artwork, error) { return nil, nil }})
	if easel.ErrorCode(err) != easel.ECONFLICT {
		t.Fatalf("second working queue.Open = %v; want a conflict", err)
	}
}

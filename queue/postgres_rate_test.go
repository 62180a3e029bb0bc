package queue_test

import (
	"context"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"golang.org/x/time/rate"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/enginetest"
	"github.com/easel-art/easel/internal/pgtest"
	"github.com/easel-art/easel/queue"
)

// postgresURL returns the test database, skipping the test without one
// (and failing it under CI, where .ci/run starts PostgreSQL).
func postgresURL(t *testing.T) string { t.Helper(); return pgtest.Schema(t, "queue_") }

// paidService is one remote service with a rate limit, as several workers
// see it: it allows a number of images a second (a token bucket) and
// answers "rate limited", with the wait, past it, as an engine's client
// reports a 429. It records when each call came and from which worker.
type paidService struct {
	lim *rate.Limiter

	mu       sync.Mutex
	accepted []time.Time
	sent     []time.Time // accepted and refused
	rejected int
	byWorker map[int]int
}

// paidEngine is one worker's client of the service.
type paidEngine struct {
	*enginetest.Fake
	svc    *paidService
	worker int
}

func (e *paidEngine) Render(ctx context.Context, req *easel.RenderRequest) (*easel.RenderResult, error) {
	s := e.svc
	now := time.Now()
	s.mu.Lock()
	s.sent = append(s.sent, now)
	r := s.lim.ReserveN(now, max(req.N, 1))
	if d := r.DelayFrom(now); d > 0 {
		r.CancelAt(now)
		s.rejected++
		s.mu.Unlock()
		return nil, &easel.Error{Code: easel.ERATELIMIT, Message: "rate limited", RetryAfter: d}
	}
	s.accepted = append(s.accepted, now)
	s.byWorker[e.worker]++
	s.mu.Unlock()
	return e.Fake.Render(ctx, req)
}

// TestPostgresSharedRateLimit runs two workers (two Queues, as two easel
// worker processes would be) against one service that allows 120 images
// a minute, each told that limit: together they keep to it (no 429s
// beyond a stray one) and use at least 90% of it, as one worker would.
func TestPostgresSharedRateLimit(t *testing.T) {
	url := postgresURL(t)
	ctx := t.Context()
	const (
		perMinute = 120.0
		burst     = 2
		jobs      = 22 // ~10.5 s at 2 a second
	)
	svc := &paidService{lim: rate.NewLimiter(rate.Limit(perMinute/60), burst), byWorker: map[int]int{}}
	open := func(worker, workers int) *queue.Queue {
		eng := &paidEngine{Fake: &enginetest.Fake{EngineName: "paid"}, svc: svc, worker: worker}
		q, err := queue.Open(ctx, queue.Config{URL: url, Workers: workers, PollInterval: 100 * time.Millisecond,
			Limits: func(string) queue.Limit { return queue.Limit{Concurrency: 2, ImagesPerMinute: perMinute} },
			Run: func(ctx context.Context, j easel.Job, call queue.Call) ([]*easel.Artwork, error) {
				_, err := call(ctx, eng, &easel.RenderRequest{Prompt: j.Prompt, Seed: j.Seed, Width: 64, Height: 64, N: 1})
				return nil, err
			}})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { q.Close() })
		return q
	}
	inserter := open(0, 0) // migrates and makes the rate table
	pool, err := pgxpool.New(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	for _, q := range []string{`DELETE FROM river_job WHERE kind = '` + queue.Kind + `'`, `DELETE FROM easel_rate WHERE engine = 'paid'`} {
		if _, err := pool.Exec(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	batch := "rate" + time.Now().Format("150405")
	js := testJobs(batch, jobs)
	for i := range js {
		js[i].Engine = "paid"
	}
	if _, err := inserter.Insert(ctx, js); err != nil {
		t.Fatal(err)
	}
	a, b := open(1, 3), open(2, 3)
	for _, q := range []*queue.Queue{a, b} {
		if err := q.Start(ctx); err != nil {
			t.Fatal(err)
		}
	}
	deadline := time.Now().Add(40 * time.Second)
	for {
		st, err := inserter.Stats(ctx, batch)
		if err != nil {
			t.Fatal(err)
		}
		if st.Finished() {
			if st.Done != jobs {
				t.Fatalf("stats = %+v; want %d done", st, jobs)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("batch did not finish: %+v", st)
		}
		time.Sleep(50 * time.Millisecond)
	}
	for _, q := range []*queue.Queue{a, b} {
		q.Stop(context.WithoutCancel(ctx))
	}

	svc.mu.Lock()
	defer svc.mu.Unlock()
	if len(svc.accepted) != jobs {
		t.Fatalf("service accepted %d calls; want %d", len(svc.accepted), jobs)
	}
	if svc.byWorker[1] == 0 || svc.byWorker[2] == 0 {
		t.Errorf("workers made %d and %d calls; want both some", svc.byWorker[1], svc.byWorker[2])
	}
	// Within the limit: the service refused (almost) nothing, and no
	// stretch of time saw more calls than the rate and burst allow.
	if svc.rejected > 1 {
		t.Errorf("service answered 429 %d times; want at most 1: the workers together went past its rate", svc.rejected)
	}
	sent := append([]time.Time(nil), svc.sent...)
	sort.Slice(sent, func(i, j int) bool { return sent[i].Before(sent[j]) })
	const window = 3 * time.Second
	allowed := int(perMinute/60*window.Seconds()) + burst
	for i := range sent {
		n := sort.Search(len(sent), func(k int) bool { return !sent[k].Before(sent[i].Add(window)) }) - i
		if n > allowed {
			t.Errorf("%d calls in the %v from call %d; want at most %d", n, window, i, allowed)
			break
		}
	}
	// Using the limit: from the first accepted call to the last, the rate
	// is at least 90% of what the service allows.
	span := svc.accepted[len(svc.accepted)-1].Sub(svc.accepted[0])
	got := float64(len(svc.accepted)-1) / span.Minutes()
	t.Logf("two workers: %d and %d calls, %d refused; %.1f images/min over %v = %.1f%% of %v",
		svc.byWorker[1], svc.byWorker[2], svc.rejected, got, span.Round(time.Millisecond), 100*got/perMinute, perMinute)
	if got < 0.9*perMinute {
		t.Errorf("rate = %.1f/min; want at least 90%% of %v", got, perMinute)
	}
}

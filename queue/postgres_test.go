package queue_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/enginetest"
	"github.com/easel-art/easel/internal/pgtest"
	"github.com/easel-art/easel/pipeline"
	"github.com/easel-art/easel/queue"
	"github.com/easel-art/easel/store/sqlite"
)

// TestPostgresTwoWorkers runs one batch on a PostgreSQL queue with two
// workers (two Queues, as two easel worker processes would be): every job
// is done once and both take part. .ci/run starts PostgreSQL and sets
// EASEL_TEST_POSTGRES; see internal/pgtest.
func TestPostgresTwoWorkers(t *testing.T) {
	url := pgtest.Schema(t, "queue_")
	ctx := t.Context()
	// A clean slate: this test's jobs and the queue's own tables.
	pool, err := pgxpool.New(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	for _, q := range []string{`DROP TABLE IF EXISTS easel_spend`, `DROP TABLE IF EXISTS easel_batch`} {
		if _, err := pool.Exec(ctx, q); err != nil {
			t.Fatal(err)
		}
	}

	dir := t.TempDir()
	gal, err := sqlite.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer gal.Close()
	eng := &enginetest.Fake{}
	p := &pipeline.Pipeline{Gallery: gal}
	var mu sync.Mutex
	did := map[int]int{}
	open := func(worker int, workers int) *queue.Queue {
		q, err := queue.Open(ctx, queue.Config{URL: url, Workers: workers, PollInterval: 100 * time.Millisecond,
			Limits: func(string) queue.Limit { return queue.Limit{Concurrency: 3} },
			Run: func(ctx context.Context, j easel.Job, call queue.Call) ([]*easel.Artwork, error) {
				// A little latency, as a remote engine has, so both get work.
				time.Sleep(20 * time.Millisecond)
				return p.RunJob(ctx, pipeline.JobRun{Job: j, Engine: eng, Store: gal, Call: call})
			},
			OnEvent: func(ev queue.Event) {
				if ev.State == queue.StateDone {
					mu.Lock()
					did[worker]++
					mu.Unlock()
				}
			}})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { q.Close() })
		return q
	}
	batch := "pg" + time.Now().Format("150405")
	inserter := open(0, 0) // migrates
	if _, err := pool.Exec(ctx, `DELETE FROM river_job WHERE kind = $1`, queue.Kind); err != nil {
		t.Fatal(err)
	}
	if _, err := inserter.Insert(ctx, testJobs(batch, 40)); err != nil {
		t.Fatal(err)
	}
	a, b := open(1, 3), open(2, 3)
	for _, q := range []*queue.Queue{a, b} {
		if err := q.Start(ctx); err != nil {
			t.Fatal(err)
		}
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		st, err := inserter.Stats(ctx, batch)
		if err != nil {
			t.Fatal(err)
		}
		if st.Finished() {
			if st.Done != 40 {
				t.Fatalf("stats = %+v; want 40 done", st)
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
	if n := len(eng.Requests()); n != 40 {
		t.Errorf("engine calls = %d; want 40", n)
	}
	mu.Lock()
	defer mu.Unlock()
	if did[1] == 0 || did[2] == 0 || did[1]+did[2] != 40 {
		t.Errorf("workers did %d and %d jobs; want both some, 40 in all", did[1], did[2])
	}
	in, err := gal.VerifyJobs(ctx)
	if err != nil || len(in.Problems) > 0 || in.JobRows != 40 {
		t.Errorf("gallery = %+v, %v", in, err)
	}
}

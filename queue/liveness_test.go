package queue

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/internal/pgtest"
)

// schemaURL returns EASEL_TEST_POSTGRES with a new schema first in its
// search_path (dropped at the end), so River's tables are this test's own.
func schemaURL(t *testing.T) string { t.Helper(); return pgtest.Schema(t, "easel_q_") }

// TestDeadWorkerJobsRescued: a worker that stops beating (killed) while
// running a job has the job taken over by another worker within
// seconds, not RescueAfter; a worker that beats keeps its job.
func TestDeadWorkerJobsRescued(t *testing.T) {
	url := schemaURL(t)
	beatEvery, deadAfter = 200*time.Millisecond, 1500*time.Millisecond
	defer func() { beatEvery, deadAfter = 5*time.Second, 30*time.Second }()
	ctx := t.Context()
	var mu sync.Mutex
	ran := map[string][]string{}
	started := make(chan struct{}, 4)
	release := make(chan struct{})
	open := func(name string, block bool) *Queue {
		q, err := Open(ctx, Config{URL: url, Workers: 1, PollInterval: 100 * time.Millisecond,
			Limits: func(string) Limit { return Limit{Concurrency: 1} },
			Run: func(ctx context.Context, j easel.Job, call Call) ([]*easel.Artwork, error) {
				mu.Lock()
				ran[j.Key()] = append(ran[j.Key()], name)
				mu.Unlock()
				started <- struct{}{}
				if block {
					select { // a hung or dead process: never finishes
					case <-release:
					case <-ctx.Done():
					}
					return nil, errors.New("gone")
				}
				return []*easel.Artwork{{ID: "x"}}, nil
			}})
		if err != nil {
			t.Fatal(err)
		}
		return q
	}
	a := open("A", true)
	defer a.Close()
	if _, err := a.Insert(ctx, []easel.Job{{Batch: "live", Line: 1, Prompt: "a fox", Engine: "fake", Width: 64, Height: 64, N: 1}}); err != nil {
		t.Fatal(err)
	}
	if err := a.Start(ctx); err != nil {
		t.Fatal(err)
	}
	<-started
	// A lives for a while: nobody takes its job.
	b := open("B", false)
	defer b.Close()
	if err := b.Start(ctx); err != nil {
		t.Fatal(err)
	}
	select {
	case <-started:
		t.Fatalf("a live worker's job was taken: %v", ran)
	case <-time.After(3 * deadAfter):
	}
	// A dies: its heartbeat stops (River's client stays stuck in the job).
	a.live.stop()
	a.live.done.Wait()
	killed := time.Now()
	select {
	case <-started:
	case <-time.After(10 * time.Second):
		t.Fatalf("the dead worker's job was not taken over: %v", ran)
	}
	if waited := time.Since(killed); waited > deadAfter+2*time.Second {
		t.Errorf("took over after %v; want about %v", waited, deadAfter)
	}
	mu.Lock()
	defer mu.Unlock()
	for k, who := range ran {
		if len(who) != 2 || who[0] != "A" || who[1] != "B" {
			t.Errorf("job %s ran on %v; want A then B", k, who)
		}
	}
	close(release)
	b.Stop(context.WithoutCancel(ctx))
	a.StopAndCancel(context.WithoutCancel(ctx))
}

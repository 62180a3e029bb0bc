package queue

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/enginetest"
	"github.com/easel-art/easel/internal/pgtest"
)

func TestSchedule(t *testing.T) {
	const now = 1000.0
	tests := []struct {
		name                        string
		l                           Limit
		n, gains                    int
		horizon                     time.Duration
		reqAt, imgAt, pause, scale  float64
		wantReq, wantImg, wantScale float64
		wantWait                    time.Duration
		unbooked                    bool
	}{
		{name: "fresh row sends now", l: Limit{ImagesPerMinute: 120}, n: 1, scale: 1,
			wantImg: 1000.5, wantScale: 1},
		{name: "next slot ahead", l: Limit{ImagesPerMinute: 120}, n: 1, imgAt: 1000.3, scale: 1,
			wantImg: 1000.8, wantScale: 1, wantWait: 300 * time.Millisecond},
		{name: "n images cost n slots", l: Limit{ImagesPerMinute: 120}, n: 3, imgAt: 1000.5, scale: 1,
			wantImg: 1002, wantScale: 1, wantWait: 500 * time.Millisecond},
		{name: "a shared pause holds the call", l: Limit{ImagesPerMinute: 120}, n: 1, imgAt: 1000.3, pause: 1002, scale: 1,
			wantImg: 1002.5, wantScale: 1, wantWait: 2 * time.Second},
		{name: "requests and images: the later wins", l: Limit{RequestsPerMinute: 60, ImagesPerMinute: 120}, n: 2,
			reqAt: 1001, imgAt: 1000.5, scale: 1, wantReq: 1002, wantImg: 1002, wantScale: 1, wantWait: time.Second},
		{name: "no rate: no wait and no change", l: Limit{}, n: 1, reqAt: 1005, imgAt: 1005, scale: 1,
			wantReq: 1005, wantImg: 1005, wantScale: 1},
		{name: "a lowered rate spaces calls wider", l: Limit{ImagesPerMinute: 120}, n: 1, imgAt: 999, scale: 0.5,
			wantImg: 1001, wantScale: 0.5},
		{name: "successes raise the rate", l: Limit{ImagesPerMinute: 120}, n: 1, gains: 5, imgAt: 999, scale: 0.5,
			wantImg: 1000 + 0.5/0.6, wantScale: 0.6},
		{name: "raised no higher than the limit", l: Limit{ImagesPerMinute: 120}, n: 1, gains: 100, imgAt: 999, scale: 0.9,
			wantImg: 1000.5, wantScale: 1},
		{name: "an idle row forgets a slow-down", l: Limit{ImagesPerMinute: 120}, n: 1, imgAt: 900, pause: 900, scale: 0.2,
			wantImg: 1000.5, wantScale: 1},
		{name: "within the horizon: booked", l: Limit{ImagesPerMinute: 120}, n: 1, horizon: time.Second, imgAt: 1001, scale: 1,
			wantImg: 1001.5, wantScale: 1, wantWait: time.Second},
		{name: "past the horizon: nothing booked", l: Limit{ImagesPerMinute: 120}, n: 1, horizon: time.Second, imgAt: 1001.5, scale: 1,
			wantImg: 1001.5, wantScale: 1, wantWait: 1500 * time.Millisecond, unbooked: true},
		{name: "a broken scale is held to the floor", l: Limit{ImagesPerMinute: 120}, n: 1, imgAt: 999, scale: 0,
			wantImg: 1000 + 0.5/minScale, wantScale: minScale},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, img, scale, g := schedule(tt.l, tt.n, tt.gains, tt.horizon, tt.reqAt, tt.imgAt, tt.pause, tt.scale, now)
			near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
			if !near(req, tt.wantReq) || !near(img, tt.wantImg) || !near(scale, tt.wantScale) || !near(g.scale, scale) {
				t.Errorf("row = req %v img %v scale %v (grant %v); want %v %v %v", req, img, scale, g.scale, tt.wantReq, tt.wantImg, tt.wantScale)
			}
			if g.booked == tt.unbooked {
				t.Errorf("booked = %v; want %v", g.booked, !tt.unbooked)
			}
			if d := g.wait - tt.wantWait; d < -time.Microsecond || d > time.Microsecond {
				t.Errorf("wait = %v; want %v", g.wait, tt.wantWait)
			}
		})
	}
}

// TestPGRateSharesA429 checks that a rate-limit answer seen by one worker
// holds and slows the others, through the database: a reservation made by
// another process after it waits for the pause and runs at the lowered
// rate; further answers of the same episode extend the pause without
// lowering the rate again.
func TestPGRateSharesA429(t *testing.T) {
	url := pgtest.Schema(t, "queue_")
	ctx := t.Context()
	pool, err := pgxpool.New(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	// Two workers: two connections to the table, as two processes have.
	a, err := newPGRate(ctx, pool)
	if err != nil {
		t.Fatal(err)
	}
	b, err := newPGRate(ctx, pool)
	if err != nil {
		t.Fatal(err)
	}
	engine := fmt.Sprintf("pausetest-%d", time.Now().UnixNano())
	t.Cleanup(func() { pool.Exec(t.Context(), `DELETE FROM easel_rate WHERE engine = $1`, engine) })
	l := Limit{ImagesPerMinute: 6} // 10 s apart
	if g, err := b.reserve(ctx, engine, l, 1, 0, 0); err != nil || g.wait != 0 || g.scale != 1 {
		t.Fatalf("first reserve = %+v, %v; want at once at full rate", g, err)
	}
	if err := a.throttled(ctx, engine, 30*time.Second, true); err != nil {
		t.Fatal(err)
	}
	// The same episode: other calls already on the wire come back 429.
	if err := b.throttled(ctx, engine, 20*time.Second, true); err != nil {
		t.Fatal(err)
	}
	left, err := b.paused(ctx, engine)
	if err != nil || left < 25*time.Second || left > 30*time.Second {
		t.Fatalf("paused = %v, %v; want about 30s (the longer wait wins)", left, err)
	}
	g, err := b.reserve(ctx, engine, l, 1, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if g.wait < 25*time.Second || g.wait > 30*time.Second {
		t.Errorf("reserve during the pause waits %v; want about 30s", g.wait)
	}
	if g.scale != throttleDown {
		t.Errorf("scale = %v; want %v: lowered once for one episode", g.scale, throttleDown)
	}
	// The next call books after that one, at the lowered rate.
	g2, err := a.reserve(ctx, engine, l, 1, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	// (Less the moment between the two bookings.)
	if gap, want := g2.wait-g.wait, time.Duration(float64(10*time.Second)/throttleDown); gap < want-time.Second || gap > want {
		t.Errorf("next booking %v after the first; want %v", gap, want)
	}
	// A peek sees the turn after those two, and books nothing.
	for range 2 {
		if d, err := b.peek(ctx, engine, l, 1); err != nil || d < g2.wait || d > g2.wait+time.Duration(float64(10*time.Second)/throttleDown) {
			t.Errorf("peek = %v, %v; want the turn after %v", d, err, g2.wait)
		}
	}
	// A row deleted under a worker (a cleared table) is made again.
	if _, err := pool.Exec(ctx, `DELETE FROM easel_rate WHERE engine = $1`, engine); err != nil {
		t.Fatal(err)
	}
	if g, err := a.reserve(ctx, engine, l, 1, 0, 0); err != nil || g.wait != 0 || !g.booked {
		t.Errorf("reserve after the row went = %+v, %v; want booked at once", g, err)
	}
}

// fullRate is a shared limit whose sends are booked far ahead for the
// first few reservations, then free.
type fullRate struct {
	mu       sync.Mutex
	full     int // reservations still to refuse
	peekFull int // peeks still to answer "far off"
	asked    int
}

func (f *fullRate) peek(_ context.Context, _ string, _ Limit, _ int) (time.Duration, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.peekFull > 0 {
		f.peekFull--
		return 700 * time.Millisecond, nil
	}
	return 0, nil
}

func (f *fullRate) reserve(_ context.Context, _ string, _ Limit, _, _ int, horizon time.Duration) (grant, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.asked++
	if f.full > 0 {
		f.full--
		return grant{wait: horizon + 500*time.Millisecond, scale: 1}, nil
	}
	return grant{scale: 1, booked: true}, nil
}

func (f *fullRate) paused(context.Context, string) (time.Duration, error) { return 0, nil }
func (f *fullRate) throttled(context.Context, string, time.Duration, bool) error {
	return nil
}

// TestQueueFullyBookedJobGoesBack checks that a job whose turn in the
// shared rate limit is far off goes back to the queue (not as a failed
// attempt) and is done when it comes round again: sent back before it
// runs when its turn is seen to be far off, or by its engine call when
// the last free turn went meanwhile.
func TestQueueFullyBookedJobGoesBack(t *testing.T) {
	eng := &enginetest.Fake{}
	var mu sync.Mutex
	var states []State
	runs := 0
	q, err := Open(t.Context(), Config{File: filepath.Join(t.TempDir(), "queue.db"), Workers: 2, PollInterval: 100 * time.Millisecond,
		MaxAttempts: 1,
		Limits:      func(string) Limit { return Limit{Concurrency: 2, ImagesPerMinute: 6000} },
		Run: func(ctx context.Context, j easel.Job, call Call) ([]*easel.Artwork, error) {
			mu.Lock()
			runs++
			mu.Unlock()
			_, err := call(ctx, eng, &easel.RenderRequest{Prompt: j.Prompt, Width: 64, Height: 64, N: 1})
			return nil, err
		},
		OnEvent: func(ev Event) {
			mu.Lock()
			states = append(states, ev.State)
			mu.Unlock()
		}})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	// As on PostgreSQL, with a fake of the shared limit.
	shared := &fullRate{full: 2, peekFull: 2}
	q.limiters.shared, q.limiters.maxBook = shared, 200*time.Millisecond
	jobs := []easel.Job{{Batch: "b1", Line: 1, Prompt: "a fox", Engine: "fake", Width: 64, Height: 64, N: 1},
		{Batch: "b1", Line: 2, Prompt: "a hare", Engine: "fake", Width: 64, Height: 64, N: 1}}
	if _, err := q.Insert(t.Context(), jobs); err != nil {
		t.Fatal(err)
	}
	if err := q.Start(t.Context()); err != nil {
		t.Fatal(err)
	}
	defer q.Stop(context.WithoutCancel(t.Context()))
	deadline := time.Now().Add(20 * time.Second)
	for {
		st, err := q.Stats(t.Context(), "b1")
		if err != nil {
			t.Fatal(err)
		}
		if st.Finished() {
			if st.Done != 2 {
				t.Fatalf("stats = %+v; want 2 done (one attempt each: going back is no attempt)", st)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("batch did not finish: %+v", st)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if n := len(eng.Requests()); n != 2 {
		t.Errorf("engine calls = %d; want 2", n)
	}
	shared.mu.Lock()
	defer shared.mu.Unlock()
	if shared.asked != 4 {
		t.Errorf("reservations = %d; want 4 (2 refused, 2 booked)", shared.asked)
	}
	mu.Lock()
	defer mu.Unlock()
	if runs != 4 {
		t.Errorf("jobs ran %d times; want 4: twice sent back by the call, twice before running", runs)
	}
	for _, s := range states {
		if s != StateDone {
			t.Errorf("events = %v; want only done", states)
			break
		}
	}
}

// BenchmarkPGRateReserve measures one booking in the shared limit (a
// transaction with SELECT … FOR UPDATE and UPDATE), the cost every paid
// call pays on PostgreSQL; with -cpu N, N callers contend for the row.
func BenchmarkPGRateReserve(b *testing.B) {
	url := pgtest.URL(b)
	ctx := b.Context()
	pool, err := pgxpool.New(ctx, url)
	if err != nil {
		b.Fatal(err)
	}
	defer pool.Close()
	r, err := newPGRate(ctx, pool)
	if err != nil {
		b.Fatal(err)
	}
	engine := fmt.Sprintf("bench-%d", time.Now().UnixNano())
	defer pool.Exec(context.WithoutCancel(ctx), `DELETE FROM easel_rate WHERE engine = $1`, engine)
	// A rate so high that no booking waits: only the database is measured.
	l := Limit{RequestsPerMinute: 1e12, ImagesPerMinute: 1e12}
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := r.reserve(ctx, engine, l, 1, 0, 0); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

// downRate is a shared limit whose database does not answer.
type downRate struct{ asked int }

func (d *downRate) reserve(context.Context, string, Limit, int, int, time.Duration) (grant, error) {
	d.asked++
	return grant{}, errors.New("connection refused")
}
func (d *downRate) peek(context.Context, string, Limit, int) (time.Duration, error) {
	return 0, errors.New("connection refused")
}
func (d *downRate) paused(context.Context, string) (time.Duration, error) {
	return 0, errors.New("connection refused")
}
func (d *downRate) throttled(context.Context, string, time.Duration, bool) error {
	return errors.New("connection refused")
}

func TestLimiterFallsBackWhenSharedLimitFails(t *testing.T) {
	var logs bytes.Buffer
	ls := NewLimiters(func(string) Limit { return Limit{Concurrency: 1, ImagesPerMinute: 60000} })
	down := &downRate{}
	ls.shared, ls.log = down, slog.New(slog.NewTextHandler(&logs, nil))
	l := ls.For("paid")
	for range 3 {
		release, err := l.Acquire(t.Context(), 1)
		if err != nil {
			t.Fatalf("Acquire with the shared limit down = %v; want the local limit to take over", err)
		}
		release()
	}
	if down.asked != 3 {
		t.Errorf("shared limit asked %d times; want each call to try it first", down.asked)
	}
	if n := strings.Count(logs.String(), "shared rate limit unavailable"); n != 1 {
		t.Errorf("logged %d warnings; want 1 for the outage:\n%s", n, logs.String())
	}
}

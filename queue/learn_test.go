package queue

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/easel-art/easel/internal/pgtest"
)

func (*fullRate) learn(context.Context, string, Limit) error { return nil }
func (*downRate) learn(context.Context, string, Limit) error { return nil }

func TestParseRateHeaders(t *testing.T) {
	now := time.Unix(1_800_000_000, 0)
	cases := []struct {
		name string
		h    map[string]string
		want RateHeaders
	}{
		{"none", nil, RateHeaders{Requests: RateWindow{Remaining: -1}, Images: RateWindow{Remaining: -1}}},
		{"openai requests", map[string]string{"x-ratelimit-limit-requests": "500", "x-ratelimit-remaining-requests": "499", "x-ratelimit-reset-requests": "120ms",
			"x-ratelimit-limit-tokens": "30000", "x-ratelimit-reset-tokens": "6m0s"},
			RateHeaders{Requests: RateWindow{500, 499, 120 * time.Millisecond}, Images: RateWindow{Remaining: -1}}},
		{"images", map[string]string{"x-ratelimit-limit-images": "120", "x-ratelimit-remaining-images": "0", "x-ratelimit-reset-images": "1s"},
			RateHeaders{Requests: RateWindow{Remaining: -1}, Images: RateWindow{120, 0, time.Second}}},
		{"generic seconds", map[string]string{"x-ratelimit-limit": "5000", "x-ratelimit-remaining": "0", "x-ratelimit-reset": "30"},
			RateHeaders{Requests: RateWindow{0, 0, 30 * time.Second}, Images: RateWindow{Remaining: -1}}},
		{"generic unix time", map[string]string{"x-ratelimit-remaining": "3", "x-ratelimit-reset": "1800000012"},
			RateHeaders{Requests: RateWindow{0, 3, 12 * time.Second}, Images: RateWindow{Remaining: -1}}},
		{"ietf draft", map[string]string{"ratelimit-remaining": "0", "ratelimit-reset": "2.5"},
			RateHeaders{Requests: RateWindow{0, 0, 2500 * time.Millisecond}, Images: RateWindow{Remaining: -1}}},
		{"garbage", map[string]string{"x-ratelimit-limit-images": "lots", "x-ratelimit-remaining-images": "-4", "x-ratelimit-reset-images": "soon",
			"x-ratelimit-limit-requests": "NaN"},
			RateHeaders{Requests: RateWindow{Remaining: -1}, Images: RateWindow{Remaining: -1}}},
		{"reset capped", map[string]string{"x-ratelimit-reset-requests": "9999h"},
			RateHeaders{Requests: RateWindow{0, -1, maxReset}, Images: RateWindow{Remaining: -1}}},
	}
	for _, c := range cases {
		h := http.Header{}
		for k, v := range c.h {
			h.Set(k, v)
		}
		if got := ParseRateHeaders(h, now); got != c.want {
			t.Errorf("%s: ParseRateHeaders = %+v; want %+v", c.name, got, c.want)
		}
	}
}

func FuzzParseRateHeaders(f *testing.F) {
	f.Add("120", "0", "1s")
	f.Add("1e400", "-1", "1800000012")
	f.Add("", "NaN", "-5m")
	f.Fuzz(func(t *testing.T, limit, remaining, reset string) {
		h := http.Header{}
		h.Set("x-ratelimit-limit-images", limit)
		h.Set("x-ratelimit-remaining-images", remaining)
		h.Set("x-ratelimit-reset-images", reset)
		h.Set("x-ratelimit-reset", reset)
		r := ParseRateHeaders(h, time.Now())
		for _, w := range []RateWindow{r.Requests, r.Images} {
			if w.Limit < 0 || w.Limit != w.Limit || w.Reset < 0 || w.Reset > maxReset || (w.Remaining < 0 && w.Remaining != -1) {
				t.Fatalf("ParseRateHeaders(%q, %q, %q) = %+v", limit, remaining, reset, r)
			}
		}
	})
}

// TestObserveLearns: a limiter that starts at the default 5 images a
// minute takes the 120 the service announces, drops the default request
// cap the service did not announce, and pauses when the bucket is empty.
func TestObserveLearns(t *testing.T) {
	l := NewLimiter(Limit{Concurrency: 4, RequestsPerMinute: 50, ImagesPerMinute: 5})
	now := time.Unix(1000, 0)
	l.Now = func() time.Time { return now }
	l.Observe(t.Context(), RateHeaders{Requests: RateWindow{Remaining: -1}, Images: RateWindow{120, 100, time.Second}})
	if got := l.Limit(); got.ImagesPerMinute != 120*learntShare || got.RequestsPerMinute != 0 || got.Concurrency != 4 {
		t.Fatalf("Limit after the announcement = %+v; want 98%% of 120 images a minute, no request cap, concurrency kept", got)
	}
	if l.pausedNow() {
		t.Fatalf("paused with 100 images remaining")
	}
	// Empty: the next image is due in 60/120 s, sooner than the full
	// reset, and our own spacing at 120 a minute already waits that long.
	l.Observe(t.Context(), RateHeaders{Requests: RateWindow{Remaining: -1}, Images: RateWindow{120, 0, 30 * time.Second}})
	if l.pausedNow() {
		t.Fatalf("paused for an empty bucket that our spacing already waits for")
	}
	// Empty by another client's sends (remaining 0 with no limit said):
	// wait for the reset.
	l.Observe(t.Context(), RateHeaders{Requests: RateWindow{0, 0, 3 * time.Second}, Images: RateWindow{Remaining: -1}})
	if got := l.pauseUntil.Sub(now); got != 3*time.Second {
		t.Fatalf("pause = %v; want the 3s reset", got)
	}
	// A lower announcement lowers the rate.
	l.Observe(t.Context(), RateHeaders{Requests: RateWindow{Remaining: -1}, Images: RateWindow{5, 4, 0}})
	if got := l.Limit(); got.ImagesPerMinute != 5*learntShare || l.img.Limit() != perSecond(5*learntShare) {
		t.Fatalf("Limit after a lower announcement = %+v (bucket %v)", got, l.img.Limit())
	}
	// Remaining or reset alone (no per-minute limit) keeps the rates.
	l.Observe(t.Context(), RateHeaders{Requests: RateWindow{0, 7, time.Minute}, Images: RateWindow{Remaining: -1}})
	if got := l.Limit(); got.ImagesPerMinute != 5*learntShare {
		t.Fatalf("Limit after remaining-only headers = %+v", got)
	}
}

// TestTransportTellsTheLimiter: the transport reads the headers of an
// answer to a call that carries a limiter, and of no other.
func TestTransportTellsTheLimiter(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("x-ratelimit-limit-images", "90")
		w.Header().Set("x-ratelimit-remaining-images", "89")
		w.Header().Set("x-ratelimit-reset-images", "666ms")
	}))
	defer srv.Close()
	hc := &http.Client{Transport: Transport(nil)}
	call := func(ctx context.Context) {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, srv.URL, nil)
		resp, err := hc.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	outside := NewLimiter(Limit{Concurrency: 1, ImagesPerMinute: 5})
	call(t.Context())
	if outside.Limit().ImagesPerMinute != 5 {
		t.Fatalf("a call without a limiter changed one")
	}
	l := NewLimiter(Limit{Concurrency: 1, ImagesPerMinute: 5})
	call(withLimiter(t.Context(), l))
	if got := l.Limit().ImagesPerMinute; got != 90*learntShare {
		t.Fatalf("ImagesPerMinute = %v; want the announced 90", got)
	}
}

// TestLearntLimitShared: on PostgreSQL what one worker learns, every
// worker keeps to: a second worker's next booking uses it.
func TestLearntLimitShared(t *testing.T) {
	url := pgtest.Schema(t, "queue_")
	ctx := t.Context()
	pool, err := pgxpool.New(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	shared, err := newPGRate(ctx, pool)
	if err != nil {
		t.Fatal(err)
	}
	var b [4]byte
	rand.Read(b[:])
	engine := "learn-" + hex.EncodeToString(b[:])
	defer pool.Exec(context.Background(), `DELETE FROM easel_rate WHERE engine = $1`, engine)
	newWorker := func() *Limiter {
		ls := NewLimiters(func(string) Limit { return Limit{Concurrency: 2, RequestsPerMinute: 50, ImagesPerMinute: 5} })
		ls.shared = shared
		return ls.For(engine)
	}
	a, bw := newWorker(), newWorker()
	a.Observe(ctx, RateHeaders{Requests: RateWindow{Remaining: -1}, Images: RateWindow{600, 599, 0}})
	rel, err := bw.Acquire(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	rel()
	if got := bw.Limit(); got.ImagesPerMinute != 600*learntShare || got.RequestsPerMinute != 0 {
		t.Fatalf("second worker's limit = %+v; want the 600 images a minute the first learnt", got)
	}
	// At 600 a minute the next booking is 100 ms after the last, not 12 s.
	wait, err := shared.peek(ctx, engine, Limit{ImagesPerMinute: 5}, 1)
	if err != nil || wait > 200*time.Millisecond {
		t.Fatalf("peek = %v, %v; want the learnt spacing (≤ 100 ms)", wait, err)
	}
}

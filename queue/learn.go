package queue

// Limits that learn. A service that says what a key may do, in OpenAI's
// x-ratelimit-limit-*, -remaining-* and -reset-* headers, is taken at its
// word: the limits in limits.json, flags and the environment are only
// where an engine starts. Each answer's headers (429s too) set the rate to
// what the key really has, and a bucket announced empty holds the calls
// until its next send is due. On a PostgreSQL queue what one worker
// learns is written to the engine's shared row (easel_rate), so every
// worker keeps to it.
//
// The headers reach the limiter through Transport, an http.RoundTripper
// the engines' HTTP client uses: the queue puts the engine's limiter on
// the context of each engine call, and the transport tells it what every
// answer of that call said. Calls made outside the queue (easel imagine)
// carry no limiter and are not observed.

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"

	"golang.org/x/time/rate"
)

// RateWindow is what a service said of one kind of rate limit.
type RateWindow struct {
	// Limit is how many a minute the key may send; 0 when not said.
	Limit float64
	// Remaining is how many may be sent now; -1 when not said.
	Remaining float64
	// Reset is how long until the window is full again; 0 when not said.
	Reset time.Duration
}

// RateHeaders is what an answer's rate-limit headers said, for requests
// and for images (tokens are a language model's concern, not an engine's).
type RateHeaders struct {
	Requests, Images RateWindow
}

// announced reports whether the headers named a per-minute limit.
func (h RateHeaders) announced() bool { return h.Requests.Limit > 0 || h.Images.Limit > 0 }

// ParseRateHeaders reads OpenAI's x-ratelimit-{limit,remaining,reset}-
// {requests,images} headers (limits are per minute; resets are Go-style
// durations such as "6m0s" or "120ms", or seconds), and the generic
// x-ratelimit-remaining / -reset and ratelimit-remaining / -reset (IETF
// draft; a reset in seconds, or a Unix time) as requests. A generic
// x-ratelimit-limit is not taken as a per-minute limit: its window is the
// service's own (an hour, a day), and only its remaining and reset are
// used.
func ParseRateHeaders(h http.Header, now time.Time) RateHeaders {
	r := RateHeaders{Requests: RateWindow{Remaining: -1}, Images: RateWindow{Remaining: -1}}
	if h == nil {
		return r
	}
	for _, k := range []struct {
		suffix string
		w      *RateWindow
	}{{"-requests", &r.Requests}, {"-images", &r.Images}} {
		if v, ok := number(h.Get("x-ratelimit-limit" + k.suffix)); ok && v > 0 {
			k.w.Limit = v
		}
		if v, ok := number(h.Get("x-ratelimit-remaining" + k.suffix)); ok && v >= 0 {
			k.w.Remaining = v
		}
		k.w.Reset = parseReset(h.Get("x-ratelimit-reset"+k.suffix), now)
	}
	for _, p := range []string{"x-ratelimit-", "ratelimit-"} {
		if r.Requests.Remaining < 0 {
			if v, ok := number(h.Get(p + "remaining")); ok && v >= 0 {
				r.Requests.Remaining = v
			}
		}
		if r.Requests.Reset == 0 {
			r.Requests.Reset = parseReset(h.Get(p+"reset"), now)
		}
	}
	return r
}

func number(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v != v || v > 1e12 {
		return 0, false
	}
	return v, true
}

// maxReset caps a reset a service announces: a day is already a key that
// is out for the day, and larger values are more likely a misread.
const maxReset = 24 * time.Hour

// parseReset reads a reset: a Go duration ("1m30s", "20ms"), seconds
// ("1.5"), or a Unix time in seconds (anything past the year 2001). 0 when
// it is absent, past or unreadable.
func parseReset(s string, now time.Time) time.Duration {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0
	}
	var d time.Duration
	if v, ok := number(s); ok {
		if v > 1e9 {
			d = time.Unix(0, int64(v*1e9)).Sub(now)
		} else {
			d = time.Duration(v * float64(time.Second))
		}
	} else if pd, err := time.ParseDuration(s); err == nil {
		d = pd
	}
	if d <= 0 {
		return 0
	}
	return min(d, maxReset)
}

// learntShare is the share of an announced limit the limiter keeps to:
// sends spaced exactly at the service's rate arrive a hair early as often
// as late (network jitter), and each early one is a 429 and a lost slot.
const learntShare = 0.98

type limiterKey struct{}

// withLimiter puts the limiter of the engine being called on ctx, for Transport.
func withLimiter(ctx context.Context, l *Limiter) context.Context {
	return context.WithValue(ctx, limiterKey{}, l)
}

// Transport returns a RoundTripper (base, or http.DefaultTransport when
// nil) that tells the limiter of the engine call in flight what each
// answer's rate-limit headers said. Give it to the engines' HTTP client.
func Transport(base http.RoundTripper) http.RoundTripper {
	if base == nil {
		base = http.DefaultTransport
	}
	return learningTransport{base}
}

type learningTransport struct{ base http.RoundTripper }

func (t learningTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.base.RoundTrip(req)
	if err != nil {
		return resp, err
	}
	if l, ok := req.Context().Value(limiterKey{}).(*Limiter); ok {
		if h := ParseRateHeaders(resp.Header, l.Now()); h.announced() || h.Requests.Remaining >= 0 || h.Images.Remaining >= 0 {
			l.Observe(context.WithoutCancel(req.Context()), h)
		}
	}
	return resp, nil
}

// Observe tells the limiter what a service's answer said of its limits:
// an announced per-minute limit becomes the rate in force (and an
// unannounced kind loses its default cap: the service said what it
// counts), and a bucket announced empty pauses the calls until its next
// send is due.
func (l *Limiter) Observe(ctx context.Context, h RateHeaders) {
	l.mu.Lock()
	learned := false
	if h.announced() {
		m := l.max
		m.RequestsPerMinute, m.ImagesPerMinute = h.Requests.Limit*learntShare, h.Images.Limit*learntShare
		if m != l.max {
			l.setLimit(m)
			learned = true
		}
	}
	var pause time.Duration
	for _, w := range []RateWindow{h.Requests, h.Images} {
		if w.Remaining != 0 || w.Reset <= 0 {
			continue
		}
		d := w.Reset
		if w.Limit > 0 {
			// The reset is when the whole window is back; the next send
			// is due after one share of it.
			d = min(d, time.Duration(float64(time.Minute)/w.Limit))
		}
		pause = max(pause, d)
	}
	// Our own spacing already holds the next call that long: a pause on
	// top would cost the send slot the bucket has booked (waitLocal books
	// a new one after a pause).
	if pause <= l.interval() {
		pause = 0
	}
	if pause > 0 {
		if until := l.Now().Add(pause); until.After(l.pauseUntil) {
			l.pauseUntil = until
		}
	}
	shared, m, name := l.shared, l.max, l.name
	l.mu.Unlock()
	if learned {
		l.log.Info("learnt the engine's rate limit from its answer", "engine", name,
			"requests_per_minute", m.RequestsPerMinute, "images_per_minute", m.ImagesPerMinute)
	}
	if shared == nil || (!learned && pause <= 0) {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if learned {
		if err := shared.learn(ctx, name, m); err != nil {
			l.log.Warn("could not share a learnt rate limit with the other workers", "engine", name, "err", err)
		}
	}
	if pause > 0 {
		if err := shared.throttled(ctx, name, pause, false); err != nil {
			l.log.Warn("could not share a rate-limit answer with the other workers", "engine", name, "err", err)
		}
	}
}

// setLimit puts m's rates in force (at the current scale), making the
// buckets a rate needs. The caller holds mu.
func (l *Limiter) setLimit(m Limit) {
	m.Concurrency = l.max.Concurrency
	l.max = m
	if m.RequestsPerMinute > 0 && l.req == nil {
		l.req = rate.NewLimiter(perSecond(m.RequestsPerMinute*l.scale), 1)
	} else if m.RequestsPerMinute <= 0 {
		l.req = nil
	}
	if m.ImagesPerMinute > 0 && l.img == nil {
		l.img = rate.NewLimiter(perSecond(m.ImagesPerMinute*l.scale), 1)
	} else if m.ImagesPerMinute <= 0 {
		l.img = nil
	}
	l.setScale(l.scale)
}

// current returns the limit in force (the configured one, or what was learnt).
func (l *Limiter) current() Limit {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.max
}

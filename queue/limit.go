package queue

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/retry"
)

// Limit is how hard one engine may be driven.
type Limit struct {
	// Concurrency is the most calls in flight at once (at least 1).
	Concurrency int `json:"concurrency"`
	// RequestsPerMinute and ImagesPerMinute cap the call rate; 0 means no
	// cap. A call for n images takes one request and n images.
	RequestsPerMinute float64 `json:"requests_per_minute"`
	ImagesPerMinute   float64 `json:"images_per_minute"`
}

//go:embed limits.json
var limitsJSON []byte

// defaultLimits are the engines' default limits, as data: the services'
// entry-tier limits, so a new key is never driven into 429s. People with
// higher limits raise them with flags or the environment.
var defaultLimits = func() map[string]Limit {
	var m map[string]Limit
	if err := json.Unmarshal(limitsJSON, &m); err != nil {
		panic("queue: bad limits.json: " + err.Error())
	}
	return m
}()

// DefaultLimit returns the default limit of the engine called name
// (without a model). The built-in canvas gets one call per CPU; an engine
// with no entry gets the "other" entry.
func DefaultLimit(name string) Limit {
	l, ok := defaultLimits[strings.ToLower(name)]
	if !ok {
		l = defaultLimits["other"]
	}
	if l.Concurrency <= 0 {
		l.Concurrency = runtime.GOMAXPROCS(0)
	}
	return l
}

// Limiter enforces one engine's Limit in this process and adapts to the
// service's answers: a rate-limit answer pauses every caller until the
// service's Retry-After and lowers the rate (multiplicatively); each
// success raises it again (additively) up to the configured Limit.
// On a PostgreSQL queue the rate, the pause and the lowered rate are
// shared with every process working the queue (see shared.go); the
// concurrency stays per process. It is safe for concurrent use.
type Limiter struct {
	sem chan struct{}
	max Limit

	// name and shared are the engine's row in the shared limit; shared
	// is nil when this process alone works the queue.
	name   string
	shared sharedRate
	log    *slog.Logger
	// maxBook bounds how far ahead a call may book its send in the
	// shared limit (0: no bound); see bookHorizon.
	maxBook time.Duration

	mu         sync.Mutex // guards the fields below
	req, img   *rate.Limiter
	scale      float64 // fraction of max in force, (0, 1]
	pauseUntil time.Time
	throttled  int
	gains      int  // successes not yet told to the shared limit
	sharedDown bool // the shared limit failed last time: logged once

	// Now is the clock; tests replace it.
	Now func() time.Time
}

// Throttle factors: how far a rate-limit answer lowers the rate and how
// much each success gives back, as fractions of the configured rate.
const (
	throttleDown = 0.8
	throttleUp   = 0.02
	minScale     = 0.05
)

// NewLimiter returns a limiter for l.
func NewLimiter(l Limit) *Limiter {
	l.Concurrency = max(l.Concurrency, 1)
	lim := &Limiter{sem: make(chan struct{}, l.Concurrency), max: l, scale: 1, Now: time.Now, log: slog.New(slog.DiscardHandler)}
	if l.RequestsPerMinute > 0 {
		lim.req = rate.NewLimiter(perSecond(l.RequestsPerMinute), 1)
	}
	if l.ImagesPerMinute > 0 {
		lim.img = rate.NewLimiter(perSecond(l.ImagesPerMinute), 1)
	}
	return lim
}

func perSecond(perMinute float64) rate.Limit { return rate.Limit(perMinute / 60) }

// Limit returns the limit in force: the configured one, or the rates the
// service announced (see learn.go).
func (l *Limiter) Limit() Limit { return l.current() }

// Acquire waits for a free slot and for the rate to allow a call of n
// images. The caller must call release when the call is over.
func (l *Limiter) Acquire(ctx context.Context, n int) (release func(), err error) {
	select {
	case l.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	release = func() { <-l.sem }
	if err := l.wait(ctx, n); err != nil {
		release()
		return nil, err
	}
	return release, nil
}

func (l *Limiter) wait(ctx context.Context, n int) error {
	if m := l.current(); l.shared != nil && (m.RequestsPerMinute > 0 || m.ImagesPerMinute > 0) {
		err := l.waitShared(ctx, n)
		if err == nil || ctx.Err() != nil || errors.Is(err, errRateFull) {
			return err
		}
		// The database is where the workers meet: when it fails them,
		// River cannot hand out jobs either, so keeping to the limit in
		// this process alone for a moment is the lesser harm.
		l.setSharedDown(err)
	}
	return l.waitLocal(ctx, n)
}

func (l *Limiter) setSharedDown(err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if err != nil && !l.sharedDown {
		l.log.Warn("shared rate limit unavailable; this worker keeps to the limit on its own", "engine", l.name, "err", err)
	} else if err == nil && l.sharedDown {
		l.log.Info("shared rate limit back", "engine", l.name)
	}
	l.sharedDown = err != nil
}

// waitShared books the call's send time in the shared limit and waits
// for it; a pause pushed meanwhile by another worker's 429 is honoured.
func (l *Limiter) waitShared(ctx context.Context, n int) error {
	for {
		if err := l.waitPause(ctx); err != nil {
			return err
		}
		l.mu.Lock()
		gains := l.gains
		l.gains = 0
		horizon := l.bookHorizon(n)
		m := l.max
		l.mu.Unlock()
		g, err := l.shared.reserve(ctx, l.name, m, n, gains, horizon)
		if err != nil {
			l.mu.Lock()
			l.gains += gains
			l.mu.Unlock()
			return err
		}
		l.mu.Lock()
		if g.limit != nil && *g.limit != l.max {
			l.setLimit(*g.limit) // another worker learnt it
		}
		if g.scale != l.scale {
			l.setScale(g.scale)
		}
		l.mu.Unlock()
		l.setSharedDown(nil)
		if !g.booked {
			// So many workers wait that this call's turn is far off:
			// waiting for it here would hold the job past its timeout.
			// The job goes back to the queue until its turn is near.
			return &easel.Error{Code: easel.ERATELIMIT, Err: errRateFull, RetryAfter: g.wait - horizon/2,
				Message: fmt.Sprintf("%s: every send of the shared rate limit is booked for the next %v", l.name, g.wait.Round(time.Second))}
		}
		if g.wait <= 0 {
			return nil // booked with every pause known, for now
		}
		if err := retry.Sleep(ctx, g.wait); err != nil {
			return err
		}
		left, err := l.shared.paused(ctx, l.name)
		if err != nil {
			return nil // the slot was granted; only the check failed
		}
		if left <= 0 && !l.pausedNow() {
			return nil
		}
		// Paused after we booked: the slot is lost (taking it would be
		// sending into the pause); book another once the pause ends.
		l.mu.Lock()
		if until := l.Now().Add(left); until.After(l.pauseUntil) {
			l.pauseUntil = until
		}
		l.mu.Unlock()
	}
}

// farTurn says how long a job whose call of n images could not book its
// send now (see bookHorizon) should wait in the queue; 0 when it may go.
// It books nothing: it spares a job the work before its engine call (a
// prompt written by a paid LLM, say) when that call would be sent back.
func (l *Limiter) farTurn(ctx context.Context, n int) time.Duration {
	m := l.current()
	if l.shared == nil || l.maxBook <= 0 || (m.RequestsPerMinute <= 0 && m.ImagesPerMinute <= 0) {
		return 0
	}
	wait, err := l.shared.peek(ctx, l.name, m, n)
	if err != nil {
		return 0 // the call itself will find out
	}
	l.mu.Lock()
	horizon := l.bookHorizon(n)
	l.mu.Unlock()
	if wait <= horizon {
		return 0
	}
	return wait - horizon/2
}

// errRateFull marks a call whose turn in the shared rate limit is too far
// off to wait for within its job.
var errRateFull = errors.New("shared rate limit fully booked")

// bookHorizon is how far ahead a call of n images may book its send: a
// few calls' worth, and no more than maxBook. It is at least 15 s: a job
// sent back to the queue is snoozed for its wait less half the horizon,
// and River may take up to 5 s (its scheduler's round) more to hand it
// out again; it must be back before the booked sends run out.
// The caller holds mu.
func (l *Limiter) bookHorizon(n int) time.Duration {
	if l.maxBook <= 0 {
		return 0
	}
	h := max(4*time.Duration(max(n, 1))*l.interval(), 15*time.Second)
	return min(h, l.maxBook)
}

// waitPause waits out this process's pause.
func (l *Limiter) waitPause(ctx context.Context) error {
	for {
		l.mu.Lock()
		pause := l.pauseUntil.Sub(l.Now())
		l.mu.Unlock()
		if pause <= 0 {
			return nil
		}
		if err := retry.Sleep(ctx, pause); err != nil {
			return err
		}
	}
}

func (l *Limiter) pausedNow() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.pauseUntil.After(l.Now())
}

// waitLocal keeps to the limit with this process's buckets.
func (l *Limiter) waitLocal(ctx context.Context, n int) error {
	for {
		l.mu.Lock()
		pause := l.pauseUntil.Sub(l.Now())
		req, img := l.req, l.img
		l.mu.Unlock()
		if pause > 0 {
			if err := retry.Sleep(ctx, pause); err != nil {
				return err
			}
			continue
		}
		if req != nil {
			if err := req.Wait(ctx); err != nil {
				return err
			}
		}
		if img != nil {
			// WaitN fails when n exceeds the burst: take the images one by one.
			for range max(n, 1) {
				if err := img.Wait(ctx); err != nil {
					return err
				}
			}
		}
		// A 429 may have arrived while we waited for a token: honour it.
		l.mu.Lock()
		paused := l.pauseUntil.After(l.Now())
		l.mu.Unlock()
		if !paused {
			return nil
		}
	}
}

// Throttled tells the limiter the service answered "slow down", asking
// for wait (0 when it did not say; a second is assumed then). It reports
// whether the rate was lowered: it is not when the call was only a hair
// early.
func (l *Limiter) Throttled(wait time.Duration) (slowed bool) {
	return l.throttledCtx(context.Background(), wait)
}

// throttledCtx is Throttled, also telling the shared limit (if any) so
// that every worker pauses and slows down, not just this one.
func (l *Limiter) throttledCtx(ctx context.Context, wait time.Duration) (slowed bool) {
	if wait <= 0 {
		wait = time.Second
	}
	l.mu.Lock()
	l.throttled++
	if until := l.Now().Add(wait); until.After(l.pauseUntil) {
		l.pauseUntil = until
	}
	// A wait shorter than our own spacing of calls means we were early by
	// a hair (clocks, network), not too fast: pausing is enough. A longer
	// one means the service allows less than we send: slow down.
	if wait > l.interval() {
		l.setScale(max(l.scale*throttleDown, minScale))
		slowed = true
	}
	shared := l.shared
	l.mu.Unlock()
	if shared != nil {
		ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		if err := shared.throttled(ctx, l.name, wait, slowed); err != nil {
			l.log.Warn("could not share a rate-limit answer with the other workers", "engine", l.name, "err", err)
		}
	}
	return slowed
}

// interval is the time between calls at the rate in force; 0 without a
// rate limit, so that any wait counts as too fast. The caller holds mu.
func (l *Limiter) interval() time.Duration {
	per := 0.0
	if l.max.RequestsPerMinute > 0 {
		per = l.max.RequestsPerMinute * l.scale
	}
	if l.max.ImagesPerMinute > 0 && (per == 0 || l.max.ImagesPerMinute*l.scale < per) {
		per = l.max.ImagesPerMinute * l.scale
	}
	if per == 0 {
		return 0
	}
	return time.Duration(float64(time.Minute) / per)
}

// Succeeded tells the limiter a call went through.
func (l *Limiter) Succeeded() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.shared != nil {
		l.gains++ // told with the next reservation, saving a round trip
	}
	if l.scale < 1 {
		l.setScale(min(l.scale+throttleUp, 1))
	}
}

// Throttles returns how many rate-limit answers the limiter was told about.
func (l *Limiter) Throttles() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.throttled
}

// Scale returns the fraction of the configured rate now in force.
func (l *Limiter) Scale() float64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.scale
}

func (l *Limiter) setScale(s float64) {
	l.scale = s
	now := l.Now()
	if l.req != nil {
		l.req.SetLimitAt(now, perSecond(l.max.RequestsPerMinute*s))
	}
	if l.img != nil {
		l.img.SetLimitAt(now, perSecond(l.max.ImagesPerMinute*s))
	}
}

// Limiters hands out one Limiter per engine name, created on first use
// from a limit function (DefaultLimit when nil).
type Limiters struct {
	mu     sync.Mutex // guards by
	by     map[string]*Limiter
	limit  func(engine string) Limit
	shared sharedRate
	log    *slog.Logger
	// maxBook is each limiter's maxBook.
	maxBook time.Duration
}

// NewLimiters returns an empty set; limit gives each engine's Limit.
func NewLimiters(limit func(engine string) Limit) *Limiters {
	if limit == nil {
		limit = DefaultLimit
	}
	return &Limiters{by: map[string]*Limiter{}, limit: limit}
}

// For returns the limiter of engine (a registry name, without model).
func (ls *Limiters) For(engine string) *Limiter {
	ls.mu.Lock()
	defer ls.mu.Unlock()
	l, ok := ls.by[engine]
	if !ok {
		l = NewLimiter(ls.limit(engine))
		l.name, l.shared, l.maxBook = engine, ls.shared, ls.maxBook
		if ls.log != nil {
			l.log = ls.log
		}
		ls.by[engine] = l
	}
	return l
}

// maxThrottles bounds how many rate-limit answers one call waits through
// before they count as failed attempts: rate limits are the service's
// pace, not a failure of the job.
const maxThrottles = 200

// Render calls eng through its limiter and retry policy p. This is how
// every engine call is made, by batch workers, the CLI and the server
// alike: each try waits for the engine's turn; a rate limit pauses the
// limiter (every caller of the engine waits until Retry-After) and is not
// counted as an attempt; transient failures are retried with jittered
// back-off; permanent ones return at once.
func (ls *Limiters) Render(ctx context.Context, p retry.Policy, eng easel.Engine, req *easel.RenderRequest) (*easel.RenderResult, error) {
	lim := ls.For(eng.Name())
	p.MaxThrottles = maxThrottles
	p.Throttle = func(ctx context.Context, err error) error {
		// The retry takes its own share of the rate: sending it at once
		// would take the share of the call behind it.
		lim.throttledCtx(context.WithoutCancel(ctx), easel.RetryAfter(err))
		return nil
	}
	return retry.Do(ctx, p, func(ctx context.Context) (*easel.RenderResult, error) {
		release, err := lim.Acquire(ctx, max(req.N, 1))
		if err != nil {
			return nil, retry.Stop(err)
		}
		res, err := eng.Render(withLimiter(ctx, lim), req) // for Transport (learn.go)
		release()
		if err == nil {
			lim.Succeeded()
		}
		return res, err
	})
}

// Package retry retries a call that failed with a retryable easel error,
// honouring the server's Retry-After and otherwise backing off
// exponentially with jitter. Clients of remote services classify their
// errors (easel.Error codes) and never retry by themselves; callers that
// want retries go through this package, which needs only the standard
// library and the root package, so light packages (prompt/llm) can use it
// without pulling in the queue's databases.
package retry

import (
	"context"
	"errors"
	"math/rand/v2"
	"time"

	"github.com/easel-art/easel"
)

// Policy says how often and how long to retry a failed call.
type Policy struct {
	// MaxAttempts is the total number of tries, including the first.
	MaxAttempts int
	// Base is the first back-off; each later one doubles, up to Max.
	Base, Max time.Duration
	// MaxRetryAfter caps a server's Retry-After, so a broken header
	// cannot stall a run for hours. It is deliberately generous.
	MaxRetryAfter time.Duration
	// Sleep waits for d or until ctx ends; tests replace it.
	Sleep func(ctx context.Context, d time.Duration) error
	// OnRetry, if set, is told about each retry before the wait.
	OnRetry func(attempt int, wait time.Duration, err error)
	// Throttle, if set, waits out a rate-limit answer in place of the
	// back-off, and such an answer is not counted as an attempt (up to
	// MaxThrottles of them): a rate limit is the service's pace, not a
	// failure. The queue passes its engine limiter here, which pauses
	// every caller of the engine until Retry-After.
	Throttle func(ctx context.Context, err error) error
	// MaxThrottles bounds the rate-limit answers Throttle waits through
	// before they count as attempts again.
	MaxThrottles int
	// AttemptTimeout, when positive, bounds each try: an engine or model
	// that never answers fails the try instead of hanging the caller.
	AttemptTimeout time.Duration
}

// DefaultAttemptTimeout bounds one call to a remote service: generous, as
// a local diffusion server on a slow card may take minutes for a picture.
const DefaultAttemptTimeout = 10 * time.Minute

// Default retries rate limits and transient failures three more times,
// honouring Retry-After.
func Default() Policy {
	return Policy{MaxAttempts: 4, Base: time.Second, Max: 30 * time.Second, MaxRetryAfter: 10 * time.Minute,
		AttemptTimeout: DefaultAttemptTimeout}
}

// Do calls fn until it succeeds, fails with an error that is not
// retryable (see easel.Retryable), or runs out of attempts; it returns
// fn's last error. A server's Retry-After is honoured in full (up to
// MaxRetryAfter); otherwise back-off is exponential with jitter.
func Do[T any](ctx context.Context, p Policy, fn func(ctx context.Context) (T, error)) (T, error) {
	if p.MaxAttempts < 1 {
		p.MaxAttempts = 1
	}
	var zero T
	throttles := 0
	for attempt := 1; ; attempt++ {
		if err := ctx.Err(); err != nil {
			return zero, err
		}
		v, err := try(ctx, p, fn)
		var stop stopError
		if errors.As(err, &stop) {
			return v, stop.err
		}
		if err == nil || ctx.Err() != nil || !easel.Retryable(err) {
			return v, err
		}
		if p.Throttle != nil && easel.ErrorCode(err) == easel.ERATELIMIT && throttles < p.MaxThrottles {
			throttles++
			attempt--
			if p.OnRetry != nil {
				p.OnRetry(attempt, easel.RetryAfter(err), err)
			}
			if terr := p.Throttle(ctx, err); terr != nil {
				return zero, terr
			}
			continue
		}
		if attempt >= p.MaxAttempts {
			return v, err
		}
		wait := p.Backoff(attempt, easel.RetryAfter(err))
		if p.OnRetry != nil {
			p.OnRetry(attempt, wait, err)
		}
		if serr := p.Wait(ctx, wait); serr != nil {
			return zero, serr
		}
	}
}

// try runs fn once, within p.AttemptTimeout.
func try[T any](ctx context.Context, p Policy, fn func(ctx context.Context) (T, error)) (T, error) {
	if p.AttemptTimeout <= 0 {
		return fn(ctx)
	}
	ctx, cancel := context.WithTimeout(ctx, p.AttemptTimeout)
	defer cancel()
	return fn(ctx)
}

// Stop wraps err so that Do returns it (unwrapped) at once, retryable or
// not: for failures of the caller's own machinery, such as a limiter
// refusing a turn, that are not the remote service's answer.
func Stop(err error) error {
	if err == nil {
		return nil
	}
	return stopError{err}
}

type stopError struct{ err error }

func (e stopError) Error() string { return e.err.Error() }
func (e stopError) Unwrap() error { return e.err }

// Backoff is how long to wait before try attempt+1: the server's
// Retry-After when it gave one (capped by MaxRetryAfter), else Base
// doubled per attempt up to Max, plus up to 25% jitter.
func (p Policy) Backoff(attempt int, retryAfter time.Duration) time.Duration {
	if retryAfter > 0 {
		if p.MaxRetryAfter > 0 && retryAfter > p.MaxRetryAfter {
			return p.MaxRetryAfter
		}
		return retryAfter
	}
	d := p.Base << (attempt - 1)
	if p.Max > 0 && (d > p.Max || d <= 0) {
		d = p.Max
	}
	// Up to 25% jitter so many workers do not retry in lock-step.
	if d > 0 {
		d += time.Duration(rand.Int64N(int64(d)/4 + 1))
	}
	return d
}

// Wait waits for d or until ctx ends, through p.Sleep when a test set it.
func (p Policy) Wait(ctx context.Context, d time.Duration) error {
	if p.Sleep != nil {
		return p.Sleep(ctx, d)
	}
	return Sleep(ctx, d)
}

// Sleep waits for d or until ctx ends, returning ctx's error then.
func Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// Package queue owns the job lifecycle: retries, back-off, rate limits,
// budgets and concurrency. Clients of remote services classify their errors
// (easel.Error codes) and never retry by themselves; callers that want
// retries go through this package.
package queue

import (
	"context"
	"math/rand/v2"
	"time"

	"github.com/easel-art/easel"
)

// RetryPolicy says how often and how long to retry a failed call.
type RetryPolicy struct {
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
}

// DefaultRetryPolicy retries rate limits and transient failures three
// more times, honouring Retry-After.
func DefaultRetryPolicy() RetryPolicy {
	return RetryPolicy{MaxAttempts: 4, Base: time.Second, Max: 30 * time.Second, MaxRetryAfter: 10 * time.Minute}
}

// Do calls fn until it succeeds, fails with an error that is not
// retryable (see easel.Retryable), or runs out of attempts; it returns
// fn's last error. A server's Retry-After is honoured in full (up to
// MaxRetryAfter); otherwise back-off is exponential with jitter.
func Do[T any](ctx context.Context, p RetryPolicy, fn func(ctx context.Context) (T, error)) (T, error) {
	if p.MaxAttempts < 1 {
		p.MaxAttempts = 1
	}
	sleep := p.Sleep
	if sleep == nil {
		sleep = sleepCtx
	}
	var zero T
	for attempt := 1; ; attempt++ {
		if err := ctx.Err(); err != nil {
			return zero, err
		}
		v, err := fn(ctx)
		if err == nil || !easel.Retryable(err) || attempt >= p.MaxAttempts {
			return v, err
		}
		wait := p.backoff(attempt, easel.RetryAfter(err))
		if p.OnRetry != nil {
			p.OnRetry(attempt, wait, err)
		}
		if serr := sleep(ctx, wait); serr != nil {
			return zero, serr
		}
	}
}

func (p RetryPolicy) backoff(attempt int, retryAfter time.Duration) time.Duration {
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

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

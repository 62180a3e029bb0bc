package queue

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/enginetest"
	"github.com/easel-art/easel/retry"
)

// limitedOnce answers the first call with a rate limit, then renders.
type limitedOnce struct {
	enginetest.Fake
	calls int
}

func (e *limitedOnce) Render(ctx context.Context, req *easel.RenderRequest) (*easel.RenderResult, error) {
	e.calls++
	if e.calls == 1 {
		return nil, &easel.Error{Code: easel.ERATELIMIT, Message: "slow down", RetryAfter: 50 * time.Millisecond}
	}
	return e.Fake.Render(ctx, req)
}

// TestRenderThrottlesAndBoundsEachTry: every engine call (batch worker,
// command line, studio) goes through Limiters.Render: a rate limit pauses
// the engine's limiter and is waited out without counting as an attempt;
// a try that never answers ends at the policy's AttemptTimeout.
func TestRenderThrottlesAndBoundsEachTry(t *testing.T) {
	ls := NewLimiters(func(string) Limit { return Limit{Concurrency: 1} })
	req := &easel.RenderRequest{Prompt: "a fox", Width: 64, Height: 64, N: 1}
	eng := &limitedOnce{}
	var retried []time.Duration
	p := retry.Policy{MaxAttempts: 1, OnRetry: func(_ int, wait time.Duration, _ error) { retried = append(retried, wait) }}
	res, err := ls.Render(t.Context(), p, eng, req)
	if err != nil || len(res.Images) != 1 || eng.calls != 2 {
		t.Fatalf("Render = %v, %v after %d calls; want a picture after the rate limit", res, err, eng.calls)
	}
	if n := ls.For(eng.Name()).Throttles(); n != 1 || len(retried) != 1 || retried[0] != 50*time.Millisecond {
		t.Errorf("throttles %d, retries told %v; want one, after the Retry-After", n, retried)
	}

	p = retry.Policy{MaxAttempts: 2, Base: time.Millisecond, AttemptTimeout: 50 * time.Millisecond}
	_, err = ls.Render(t.Context(), p, &enginetest.Fake{Fault: enginetest.FaultHang}, req)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("a hanging engine: %v; want the try's deadline", err)
	}
}

package retry

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/easel-art/easel"
)

func TestDo(t *testing.T) {
	rate := &easel.Error{Code: easel.ERATELIMIT, Message: "slow down", RetryAfter: 42 * time.Second}
	busy := easel.Errorf(easel.EUNAVAILABLE, "server error")
	bad := easel.Errorf(easel.EINVALID, "bad request")
	tests := []struct {
		name      string
		errs      []error // returned in turn; nil = success
		wantCalls int
		wantErr   error
		wantWaits []time.Duration
	}{
		{"success first", []error{nil}, 1, nil, nil},
		{"retry after honoured", []error{rate, nil}, 2, nil, []time.Duration{42 * time.Second}},
		{"permanent not retried", []error{bad, nil}, 1, bad, nil},
		{"gives up", []error{busy, busy, busy, busy, busy}, 4, busy, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var waits []time.Duration
			p := Default()
			p.Sleep = func(ctx context.Context, d time.Duration) error { waits = append(waits, d); return nil }
			calls := 0
			_, err := Do(t.Context(), p, func(ctx context.Context) (int, error) {
				e := tt.errs[calls]
				calls++
				return calls, e
			})
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v; want %v", err, tt.wantErr)
			}
			if calls != tt.wantCalls {
				t.Fatalf("calls = %d; want %d", calls, tt.wantCalls)
			}
			if tt.wantWaits != nil && (len(waits) != len(tt.wantWaits) || waits[0] != tt.wantWaits[0]) {
				t.Fatalf("waits = %v; want %v", waits, tt.wantWaits)
			}
		})
	}
}

func TestDoStopsOnCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	p := Default()
	p.Sleep = func(ctx context.Context, d time.Duration) error { cancel(); return ctx.Err() }
	_, err := Do(ctx, p, func(ctx context.Context) (int, error) {
		return 0, easel.Errorf(easel.EUNAVAILABLE, "down")
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v; want context.Canceled", err)
	}
}

func TestThrottleNotCountedAsAttempt(t *testing.T) {
	rate := &easel.Error{Code: easel.ERATELIMIT, Message: "slow down", RetryAfter: 3 * time.Second}
	busy := easel.Errorf(easel.EUNAVAILABLE, "server error")
	p := Policy{MaxAttempts: 2, Base: time.Millisecond, MaxThrottles: 3,
		Sleep: func(context.Context, time.Duration) error { return nil }}
	var throttled []time.Duration
	p.Throttle = func(ctx context.Context, err error) error {
		throttled = append(throttled, easel.RetryAfter(err))
		return nil
	}
	errs := []error{rate, rate, busy, rate, rate, nil}
	calls := 0
	_, err := Do(t.Context(), p, func(context.Context) (int, error) {
		e := errs[calls]
		calls++
		return 0, e
	})
	// Three throttles are free; the fourth rate limit is an attempt, and
	// with the busy one that is both attempts.
	if err == nil || calls != 5 {
		t.Fatalf("calls = %d, err = %v; want 5 calls and the last rate limit", calls, err)
	}
	if len(throttled) != 3 || throttled[0] != 3*time.Second {
		t.Fatalf("throttled = %v; want three waits of 3s", throttled)
	}
}

func TestStop(t *testing.T) {
	rate := &easel.Error{Code: easel.ERATELIMIT, Message: "booked"}
	calls := 0
	_, err := Do(t.Context(), Default(), func(context.Context) (int, error) {
		calls++
		return 0, Stop(rate)
	})
	if calls != 1 || err != rate {
		t.Fatalf("calls = %d, err = %#v; want one call and the unwrapped error", calls, err)
	}
}

func TestAttemptTimeout(t *testing.T) {
	p := Policy{MaxAttempts: 1, AttemptTimeout: 20 * time.Millisecond}
	_, err := Do(t.Context(), p, func(ctx context.Context) (int, error) {
		<-ctx.Done() // an engine that never answers
		return 0, ctx.Err()
	})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v; want the try's deadline", err)
	}
}

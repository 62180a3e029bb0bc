package queue

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
			p := DefaultRetryPolicy()
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
	p := DefaultRetryPolicy()
	p.Sleep = func(ctx context.Context, d time.Duration) error { cancel(); return ctx.Err() }
	_, err := Do(ctx, p, func(ctx context.Context) (int, error) {
		return 0, easel.Errorf(easel.EUNAVAILABLE, "down")
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v; want context.Canceled", err)
	}
}

package queue

import (
	"context"
	"testing"
	"time"
)

func TestLimiterAdapts(t *testing.T) {
	l := NewLimiter(Limit{Concurrency: 2, ImagesPerMinute: 120})
	now := time.Unix(1000, 0)
	l.Now = func() time.Time { return now }
	// At 120 a minute calls are 500 ms apart: a 429 asking for 20 ms means
	// we were a hair early, not too fast.
	if l.Throttled(20 * time.Millisecond) {
		t.Errorf("a 20ms wait at 500ms spacing lowered the rate")
	}
	if l.Scale() != 1 {
		t.Errorf("scale = %v; want 1", l.Scale())
	}
	// Asking for 3 s means the service allows less than we send.
	if !l.Throttled(3 * time.Second) {
		t.Errorf("a 3s wait did not lower the rate")
	}
	if got, want := l.Scale(), throttleDown; got != want {
		t.Errorf("scale = %v; want %v", got, want)
	}
	for range 100 {
		l.Succeeded()
	}
	if l.Scale() != 1 {
		t.Errorf("after successes scale = %v; want back to 1", l.Scale())
	}
	if l.Throttles() != 2 {
		t.Errorf("Throttles = %d; want 2", l.Throttles())
	}
	for range 100 {
		l.Throttled(time.Hour)
	}
	if l.Scale() != minScale {
		t.Errorf("scale = %v; want the floor %v", l.Scale(), minScale)
	}
}

func TestLimiterPauseHoldsCallers(t *testing.T) {
	l := NewLimiter(Limit{Concurrency: 1})
	l.Throttled(time.Hour) // no rate: any wait counts
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := l.Acquire(ctx, 1); err == nil {
		t.Fatalf("Acquire during a pause with a cancelled context succeeded")
	}
	l2 := NewLimiter(Limit{Concurrency: 1})
	rel, err := l2.Acquire(t.Context(), 1)
	if err != nil {
		t.Fatal(err)
	}
	// The one slot is taken: a second caller waits until the context ends.
	ctx2, cancel2 := context.WithCancel(t.Context())
	cancel2()
	if _, err := l2.Acquire(ctx2, 1); err == nil {
		t.Fatalf("second Acquire got a slot that was taken")
	}
	rel()
	rel2, err := l2.Acquire(t.Context(), 1)
	if err != nil {
		t.Fatalf("Acquire after release: %v", err)
	}
	rel2()
}

func TestDefaultLimit(t *testing.T) {
	if l := DefaultLimit("openai"); l.Concurrency != 4 || l.ImagesPerMinute <= 0 {
		t.Errorf("openai limit = %+v; want concurrency 4 and an image rate", l)
	}
	if l := DefaultLimit("builtin"); l.Concurrency < 1 || l.RequestsPerMinute != 0 {
		t.Errorf("builtin limit = %+v; want CPUs and no rate", l)
	}
	if l := DefaultLimit("someday"); l != defaultLimits["other"] {
		t.Errorf("unknown engine limit = %+v; want the other entry", l)
	}
}

package httpx

import (
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// RetryAfter returns how long the service asked us to wait, 0 when it did
// not say. It reads, in order: Retry-After-Ms (milliseconds), Retry-After
// (seconds, possibly fractional, or an HTTP date relative to now), and
// OpenAI's x-ratelimit-reset-requests / x-ratelimit-reset-tokens (Go-style
// durations such as "6m0s" or "12ms"; the longer of the two).
func RetryAfter(h http.Header, now time.Time) time.Duration {
	if h == nil {
		return 0
	}
	if v := strings.TrimSpace(h.Get("Retry-After-Ms")); v != "" {
		if ms, err := strconv.ParseFloat(v, 64); err == nil && ms > 0 && ms < 1e12 {
			return time.Duration(ms * float64(time.Millisecond))
		}
	}
	if d, ok := ParseRetryAfter(h.Get("Retry-After"), now); ok {
		return d
	}
	var longest time.Duration
	for _, k := range []string{"x-ratelimit-reset-requests", "x-ratelimit-reset-tokens"} {
		if d, err := time.ParseDuration(strings.TrimSpace(h.Get(k))); err == nil && d > longest {
			longest = d
		}
	}
	return longest
}

// ParseRetryAfter parses a Retry-After value: delay seconds ("120", "1.5")
// or an HTTP date. A date in the past gives 0. ok is false when v is empty
// or unparsable.
func ParseRetryAfter(v string, now time.Time) (d time.Duration, ok bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.ParseFloat(v, 64); err == nil {
		if math.IsNaN(secs) || secs < 0 {
			return 0, false
		}
		// Cap absurd values rather than overflow; queue/ caps further.
		if secs > 7*24*3600 {
			secs = 7 * 24 * 3600
		}
		return time.Duration(secs * float64(time.Second)), true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	if d := t.Sub(now); d > 0 {
		return d.Round(time.Second), true
	}
	return 0, true
}

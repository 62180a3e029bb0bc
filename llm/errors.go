package llm

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/easel-art/easel"
)

// HTTPError is a provider's failed reply, decoded by its client. Classify
// turns it into the easel.Error a person sees; it stays in the chain as the
// cause so operators can see the status and the provider's error type.
type HTTPError struct {
	// Provider is the client's name ("openai", "anthropic", "ollama").
	Provider string
	// KeyVar names the environment variable that holds the key, "" when the
	// provider needs none.
	KeyVar string
	// Model is the model the request named.
	Model string
	// Status is the HTTP status code.
	Status int
	// Type and Code are the provider's own error type and code, if any
	// ("rate_limit_error", "insufficient_quota", ...).
	Type, Code string
	// Param is the request field the error is about, when the provider says.
	Param string
	// Message is the provider's message, with any secret removed.
	Message string
	// RetryAfter is how long the provider asked us to wait (0 if it did not).
	RetryAfter time.Duration
	// NotFoundHint is added to the message for a 404, such as
	// "run: ollama pull MODEL".
	NotFoundHint string
}

func (e *HTTPError) Error() string {
	s := fmt.Sprintf("%s: HTTP %d", e.Provider, e.Status)
	if t := strings.TrimSpace(e.Type + " " + e.Code); t != "" {
		s += " " + t
	}
	if e.Message != "" {
		s += ": " + e.Message
	}
	return s
}

// maxMessage keeps a provider's message short enough for a terminal line.
const maxMessage = 300

// Classify returns the easel.Error for a failed reply, with e as its cause.
// The mapping is the same for every provider: 401 and 403 are ECONFIG
// naming the key's variable, 404 is ECONFIG naming the model, 429 is
// ERATELIMIT unless the quota is exhausted (EPERMANENT), 408, 5xx and 529
// are EUNAVAILABLE, any other status is EPERMANENT.
func Classify(e *HTTPError) *easel.Error {
	msg := shorten(e.Message, maxMessage)
	detail := ""
	if msg != "" {
		detail = ": " + msg
	}
	var out *easel.Error
	switch {
	case e.Status == http.StatusUnauthorized || e.Status == http.StatusForbidden:
		if e.KeyVar != "" {
			out = easel.Errorf(easel.ECONFIG, "%s rejected the API key in %s (HTTP %d%s): set %s to a valid key",
				e.Provider, e.KeyVar, e.Status, detail, e.KeyVar)
		} else {
			out = easel.Errorf(easel.ECONFIG, "%s refused the request (HTTP %d%s): check that the server lets easel in",
				e.Provider, e.Status, detail)
		}
	case e.Status == http.StatusNotFound:
		hint := e.NotFoundHint
		if hint == "" {
			hint = fmt.Sprintf("pick another model with --llm %s:MODEL", e.Provider)
		}
		out = easel.Errorf(easel.ECONFIG, "%s does not know model %q (HTTP 404%s): %s", e.Provider, e.Model, detail, hint)
	case e.Status == http.StatusTooManyRequests && isQuota(e):
		out = easel.Errorf(easel.EPERMANENT, "%s says the account's quota is used up%s: add credit or wait for the quota to reset", e.Provider, paren(msg))
	case e.Status == http.StatusTooManyRequests:
		wait := ""
		if e.RetryAfter > 0 {
			wait = fmt.Sprintf("; it asks to wait %s", e.RetryAfter.Round(time.Millisecond))
		}
		out = easel.Errorf(easel.ERATELIMIT, "%s is rate limiting requests (HTTP 429%s%s)", e.Provider, detail, wait)
		out.RetryAfter = e.RetryAfter
	case e.Status == http.StatusRequestTimeout || e.Status >= 500:
		out = easel.Errorf(easel.EUNAVAILABLE, "%s is unavailable (HTTP %d%s): try again later", e.Provider, e.Status, detail)
		out.RetryAfter = e.RetryAfter
	default:
		out = easel.Errorf(easel.EPERMANENT, "%s refused the request (HTTP %d%s)", e.Provider, e.Status, detail)
	}
	out.Err = e
	return out
}

// isQuota tells an exhausted quota or balance (never worth retrying) from
// a rate limit.
func isQuota(e *HTTPError) bool {
	if e.Code == "insufficient_quota" || e.Type == "insufficient_quota" {
		return true
	}
	m := strings.ToLower(e.Message)
	return strings.Contains(m, "exceeded your current quota") || strings.Contains(m, "credit balance") ||
		strings.Contains(m, "billing") || strings.Contains(m, "usage limit")
}

// TransportError classifies an error that left no HTTP reply: cancellation,
// a timeout, or a network failure. parent is the caller's context; the
// call itself ran under a context with the client's own timeout.
func TransportError(parent context.Context, provider, endpoint string, timeout time.Duration, err error) error {
	if perr := parent.Err(); perr != nil {
		if errors.Is(perr, context.Canceled) {
			return fmt.Errorf("%s: %w", provider, perr)
		}
		e := easel.Errorf(easel.EUNAVAILABLE, "%s did not answer before the deadline", provider)
		e.Err = perr
		return e
	}
	if errors.Is(err, context.DeadlineExceeded) {
		e := easel.Errorf(easel.EUNAVAILABLE, "%s did not answer within %s: try again, or use a faster model", provider, timeout)
		e.Err = err
		return e
	}
	hint := "is it running and reachable?"
	if v := endpointVars[provider]; v != "" {
		hint = "is it running, and is " + v + " right?"
	}
	e := easel.Errorf(easel.EUNAVAILABLE, "cannot reach %s at %s: %s", provider, endpoint, hint)
	e.Err = err
	return e
}

// endpointVars name the variable that says where each provider is, for
// the message when it cannot be reached (as the engines' messages do).
var endpointVars = map[string]string{
	"openai":    "OPENAI_BASE_URL",
	"anthropic": "ANTHROPIC_BASE_URL",
	"ollama":    "OLLAMA_HOST",
}

// BadReply classifies a reply that arrived but cannot be read (not JSON,
// cut short, an HTML page from a proxy). It is worth retrying.
func BadReply(provider string, err error) error {
	e := easel.Errorf(easel.EUNAVAILABLE, "%s sent a reply easel cannot read: %s", provider, shorten(err.Error(), 200))
	e.Err = err
	return e
}

// MissingKey is the ECONFIG error for an unset key variable.
func MissingKey(provider, keyVar, where string) error {
	return easel.Errorf(easel.ECONFIG, "%s is not set: set it to your %s API key (%s) to use --llm %s",
		keyVar, provider, where, provider)
}

// ParseRetryAfter reads how long a reply asks the client to wait:
// retry-after-ms (milliseconds, as OpenAI sends), else Retry-After in
// seconds or as an HTTP date. It returns 0 when there is no usable value.
func ParseRetryAfter(h http.Header, now time.Time) time.Duration {
	if v := strings.TrimSpace(h.Get("Retry-After-Ms")); v != "" {
		if ms, err := strconv.ParseFloat(v, 64); err == nil && ms > 0 && ms < 1e12 { // false for NaN
			return time.Duration(ms * float64(time.Millisecond))
		}
	}
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0
	}
	if s, err := strconv.ParseFloat(v, 64); err == nil {
		if !(s > 0 && s < 1e9) { // also catches NaN
			return 0
		}
		return time.Duration(s * float64(time.Second))
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := t.Sub(now); d > 0 {
			return d
		}
	}
	return 0
}

// Redact removes secret from s. Very short secrets (placeholders such as
// "none" for local servers) are left alone, since removing them would
// mangle ordinary words.
func Redact(s, secret string) string {
	if len(secret) < 6 {
		return s
	}
	return strings.ReplaceAll(s, secret, "[redacted]")
}

// paren returns " (s)", or "" for an empty s.
func paren(s string) string {
	if s == "" {
		return ""
	}
	return " (" + s + ")"
}

func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !isRuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

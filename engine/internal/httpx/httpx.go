// Package httpx is what the remote engine clients share: one classifier that
// turns an HTTP failure into an *easel.Error with a message that says what to
// do, Retry-After parsing, bounded body reads, and the check that what came
// back is a whole picture.
//
// Clients parse their service's own error envelope into a Failure and hand
// it to Service.Error; they never retry (retries live in queue/).
package httpx

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/easel-art/easel"
)

// Service names a remote service in messages and says how to fix its setup.
type Service struct {
	// Name is how people know the service, such as "OpenAI" or "AUTOMATIC1111".
	Name string
	// KeyVar is the variable that holds the API key ("" when there is none).
	KeyVar string
	// URLVar is the variable that holds the endpoint.
	URLVar string
	// Endpoint is the base URL in use, without credentials, for messages.
	Endpoint string
	// Secrets are removed from every message the service sends back, in
	// case it echoes a key or a password.
	Secrets []string
}

// Failure is what a client learned from an error response.
type Failure struct {
	Status int
	Header http.Header
	// Message is the service's own explanation, if it gave one.
	Message string
	// Code is the service's machine code ("moderation_blocked", ...), if any.
	Code string
	// ContentPolicy marks a refusal on content grounds: the prompt must change.
	ContentPolicy bool
	// Quota marks an exhausted quota or balance: retrying cannot help.
	Quota bool
}

// MaxErrorBody bounds how much of an error response is read.
const MaxErrorBody = 64 << 10

// Error classifies f once, the same way for every engine:
// content policy and exhausted quota are EPERMANENT; 401 and 403 are
// ECONFIG; 400, 404, 413 and 422 are EINVALID; 429 is ERATELIMIT with the
// wait the service asked for; 408 and 5xx are EUNAVAILABLE; anything else
// is EPERMANENT.
func (s Service) Error(f Failure) *easel.Error {
	said := s.clean(f.Message)
	if said == "" {
		said = http.StatusText(f.Status)
	}
	if f.Code != "" && !strings.Contains(said, f.Code) {
		said += " (" + s.clean(f.Code) + ")"
	}
	e := &easel.Error{Err: &StatusError{StatusCode: f.Status, Message: said}}
	switch {
	case f.ContentPolicy:
		e.Code = easel.EPERMANENT
		e.Message = fmt.Sprintf("%s refused the prompt under its content policy: %s: reword the idea and try again", s.Name, said)
	case f.Quota:
		e.Code = easel.EPERMANENT
		e.Message = fmt.Sprintf("%s says the account's quota or credit is used up: %s: add credit or raise the limit, then try again", s.Name, said)
	case f.Status == http.StatusUnauthorized || f.Status == http.StatusForbidden:
		e.Code = easel.ECONFIG
		if s.KeyVar != "" {
			e.Message = fmt.Sprintf("%s rejected the API key (HTTP %d: %s): check %s", s.Name, f.Status, said, s.KeyVar)
		} else {
			e.Message = fmt.Sprintf("%s refused access (HTTP %d: %s): check the user and password in %s", s.Name, f.Status, said, s.URLVar)
		}
	case f.Status == http.StatusTooManyRequests:
		e.Code = easel.ERATELIMIT
		e.RetryAfter = RetryAfter(f.Header, time.Now())
		wait := "a little while"
		if e.RetryAfter > 0 {
			wait = e.RetryAfter.String()
		}
		e.Message = fmt.Sprintf("%s is rate limiting requests (%s): wait %s or lower the concurrency", s.Name, said, wait)
	case f.Status == http.StatusRequestTimeout || f.Status >= 500:
		e.Code = easel.EUNAVAILABLE
		e.RetryAfter = RetryAfter(f.Header, time.Now())
		e.Message = fmt.Sprintf("%s is unavailable (HTTP %d: %s): try again later", s.Name, f.Status, said)
	case f.Status == http.StatusBadRequest || f.Status == http.StatusNotFound ||
		f.Status == http.StatusRequestEntityTooLarge || f.Status == http.StatusUnprocessableEntity:
		e.Code = easel.EINVALID
		e.Message = fmt.Sprintf("%s rejected the request (HTTP %d: %s): check the model, size and options", s.Name, f.Status, said)
	default:
		e.Code = easel.EPERMANENT
		e.Message = fmt.Sprintf("%s refused the request (HTTP %d: %s)", s.Name, f.Status, said)
	}
	return e
}

// Transport classifies a failure to get any answer: a cancelled context is
// passed through (so it reads as an interruption); a deadline, a refused
// connection or a broken stream are EUNAVAILABLE.
func (s Service) Transport(ctx context.Context, op string, err error) error {
	if ctx.Err() == context.Canceled || errors.Is(err, context.Canceled) {
		return fmt.Errorf("%s: %w", op, context.Canceled)
	}
	e := &easel.Error{Code: easel.EUNAVAILABLE, Err: fmt.Errorf("%s: %w", op, err)}
	var nerr net.Error
	switch {
	case ctx.Err() == context.DeadlineExceeded || errors.Is(err, context.DeadlineExceeded):
		e.Message = fmt.Sprintf("%s did not answer in time: try again, or allow more time", s.Name)
	case errors.As(err, &nerr) && nerr.Timeout():
		e.Message = fmt.Sprintf("%s did not answer in time: try again, or allow more time", s.Name)
	case isDialError(err):
		e.Message = fmt.Sprintf("cannot reach %s at %s: is it running, and is %s right?", s.Name, s.Endpoint, s.URLVar)
	default:
		e.Message = fmt.Sprintf("the connection to %s failed (%s): try again", s.Name, s.clean(rootMessage(err)))
	}
	return e
}

// BadAnswer returns an EUNAVAILABLE error about the answer itself: the
// service answered with something easel cannot use (a truncated stream, a
// malformed document). Another try may well succeed.
func (s Service) BadAnswer(format string, args ...any) *easel.Error {
	return &easel.Error{Code: easel.EUNAVAILABLE, Message: s.Name + " " + s.clean(fmt.Sprintf(format, args...))}
}

func isDialError(err error) bool {
	var op *net.OpError
	if errors.As(err, &op) && op.Op == "dial" {
		return true
	}
	var dns *net.DNSError
	return errors.As(err, &dns)
}

// rootMessage is the innermost error's text, without the request URL that
// *url.Error adds (the URL may carry a password).
func rootMessage(err error) string {
	var uerr *url.Error
	if errors.As(err, &uerr) {
		err = uerr.Err
	}
	return err.Error()
}

// clean removes secrets and control characters and bounds the length of
// text that came from the service, so it is safe to show a person.
func (s Service) clean(msg string) string {
	for _, sec := range s.Secrets {
		if len(sec) >= 4 {
			msg = strings.ReplaceAll(msg, sec, "[redacted]")
		}
	}
	msg = strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return ' '
		}
		return r
	}, msg)
	msg = strings.TrimSpace(msg)
	if len(msg) > 300 {
		cut := 300
		for cut > 0 && msg[cut]&0xC0 == 0x80 {
			cut--
		}
		msg = msg[:cut] + "…"
	}
	return msg
}

// StatusError is the cause kept inside a classified *easel.Error.
type StatusError struct {
	StatusCode int
	Message    string
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("HTTP %d: %s", e.StatusCode, e.Message)
}

// ReadError reads at most MaxErrorBody bytes of a failed response.
func ReadError(resp *http.Response) []byte {
	b, _ := io.ReadAll(io.LimitReader(resp.Body, MaxErrorBody))
	return b
}

// ReadAll reads the body up to limit bytes and fails when there is more.
func ReadAll(r io.Reader, limit int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("answer is larger than %d bytes", limit)
	}
	return b, nil
}

// BaseURL parses a configured endpoint and splits off the user and
// password it may carry (for HTTP basic auth), so the URL can be shown and
// the credentials sent as a header instead.
func BaseURL(raw, variable string) (u *url.URL, user, pass string, err error) {
	u, perr := url.Parse(strings.TrimSpace(raw))
	if perr != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, "", "", easel.Errorf(easel.ECONFIG, "%s is not an http(s) URL: set it like http://127.0.0.1:7860", variable)
	}
	if u.User != nil {
		user = u.User.Username()
		pass, _ = u.User.Password()
		u.User = nil
	}
	u.Path = strings.TrimRight(u.Path, "/")
	u.RawQuery, u.Fragment = "", ""
	return u, user, pass, nil
}

// Join returns base with path appended (base has no trailing slash).
func Join(base *url.URL, path string) string {
	v := *base
	p, q, _ := strings.Cut(path, "?")
	v.Path = base.Path + p
	v.RawQuery = q
	return v.String()
}

// Redact returns the URL as text with any password replaced, for display.
func Redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(unparsable URL)"
	}
	return u.Redacted()
}

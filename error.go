package easel

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Error codes: what kind of failure an Error is, independent of transport.
// The CLI maps them to exit codes and the server to HTTP statuses.
const (
	EINVALID     = "invalid"     // bad input or usage; fix the request
	ECONFIG      = "config"      // missing or wrong configuration, such as an API key
	ENOTFOUND    = "not_found"   // no such artwork, file or engine
	ECONFLICT    = "conflict"    // the request conflicts with the current state
	ERATELIMIT   = "rate_limit"  // the remote service asks us to slow down
	EUNAVAILABLE = "unavailable" // a remote service or resource cannot be reached now
	EPERMANENT   = "permanent"   // the remote service refused, and retrying cannot help
	EINTERNAL    = "internal"    // a bug or unexpected failure
)

// Error is easel's application error: a machine code and a message that is
// safe to show a person (it never contains secrets).
type Error struct {
	Code    string
	Message string
	// Err is the underlying cause, if any; it is not shown to the person.
	Err error
	// RetryAfter is how long the remote service asked us to wait, for
	// ERATELIMIT and some EUNAVAILABLE errors; 0 when it did not say.
	RetryAfter time.Duration
}

func (e *Error) Error() string { return e.Message }
func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL
// for any other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	if errors.Is(err, context.Canceled) {
		return ECANCELED
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return EUNAVAILABLE
	}
	return EINTERNAL
}

// ECANCELED is reported by ErrorCode for a cancelled context (Ctrl-C).
const ECANCELED = "canceled"

// ErrorMessage returns the person-facing message of err: the message of its
// *Error when it has one, else err.Error().
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return err.Error()
}

// Retryable reports whether err is worth trying again: rate limits and
// transient unavailability are; bad input, configuration, permanent
// refusals and cancellation are not.
func Retryable(err error) bool {
	switch ErrorCode(err) {
	case ERATELIMIT, EUNAVAILABLE:
		return true
	}
	return false
}

// RetryAfter returns the wait the remote service asked for, if any.
func RetryAfter(err error) time.Duration {
	var e *Error
	if errors.As(err, &e) {
		return e.RetryAfter
	}
	return 0
}

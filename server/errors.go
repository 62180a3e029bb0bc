package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/internal/hint"
)

// HTTP-only error codes, beside easel's own.
const (
	errUnauthorized    = "unauthorized"
	errForbidden       = "forbidden"
	errTooLarge        = "too_large"
	errUnsupportedType = "unsupported_media_type"
	errQueueFull       = "queue_full"
)

// statusOf maps an error code to its HTTP status.
func statusOf(code string) int {
	switch code {
	case easel.EINVALID:
		return http.StatusBadRequest
	case easel.ENOTFOUND:
		return http.StatusNotFound
	case easel.ECONFLICT:
		return http.StatusConflict
	case easel.ERATELIMIT:
		return http.StatusTooManyRequests
	case easel.EPERMANENT:
		return http.StatusUnprocessableEntity
	case easel.ECONFIG, easel.EUNAVAILABLE, errQueueFull, easel.ECANCELED:
		return http.StatusServiceUnavailable
	case errUnauthorized:
		return http.StatusUnauthorized
	case errForbidden:
		return http.StatusForbidden
	case errTooLarge:
		return http.StatusRequestEntityTooLarge
	case errUnsupportedType:
		return http.StatusUnsupportedMediaType
	}
	return http.StatusInternalServerError
}

// openAIType is the OpenAI error "type" for a code, so OpenAI clients
// classify easel's errors as they do OpenAI's.
func openAIType(code string) string {
	switch code {
	case easel.EINVALID, easel.ENOTFOUND, errTooLarge, errUnsupportedType, easel.EPERMANENT:
		return "invalid_request_error"
	case errUnauthorized, errForbidden:
		return "authentication_error"
	case easel.ERATELIMIT, errQueueFull:
		return "rate_limit_error"
	}
	return "server_error"
}

// ErrorBody is every error response: OpenAI's shape, with easel's code.
type ErrorBody struct {
	Error ErrorDetail `json:"error"`
}

// ErrorDetail says what went wrong and how to fix it.
type ErrorDetail struct {
	Message string  `json:"message"`
	Type    string  `json:"type"`
	Code    string  `json:"code"`
	Param   *string `json:"param"`
}

// writeError answers with err's status and person-facing message. Only
// easel.Errors show their message: anything else is a bug or an
// unexpected failure whose text may hold paths or secrets, so it is
// logged and the person sees a generic message.
func writeError(w http.ResponseWriter, r *http.Request, log *slog.Logger, err error) {
	err = hint.Explain(err) // a damaged database or a full disk names its fix
	code := easel.ErrorCode(err)
	msg := easel.ErrorMessage(err)
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		code, msg = errTooLarge, tooLarge(mbe.Limit).Message
	}
	var e *easel.Error
	if !errors.As(err, &e) && code != errTooLarge {
		if code == easel.ECANCELED {
			msg = "the request was cancelled"
		} else {
			code = easel.EINTERNAL
			msg = "internal error: see the server's log (EASEL_LOG=debug)"
		}
	}
	if code == easel.EINTERNAL && log != nil {
		log.Error("internal error", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	if d := easel.RetryAfter(err); d > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(int(d.Seconds()+0.999)))
	}
	writeJSON(w, statusOf(code), ErrorBody{Error: ErrorDetail{Message: msg, Type: openAIType(code), Code: code}})
}

func tooLarge(limit int64) *easel.Error {
	return &easel.Error{Code: errTooLarge, Message: fmt.Sprintf("the request body is larger than the %s limit: send less", sizeText(limit))}
}

func sizeText(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d KiB", n>>10)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		b = []byte(`{"error":{"message":"internal error","type":"server_error","code":"internal","param":null}}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(b)
	w.Write([]byte("\n"))
}

// decodeJSON reads the body into v, refusing unknown fields when strict
// (the studio's API, where a misspelt field is a bug) and trailing data.
func decodeJSON(r *http.Request, v any, strict bool) error {
	dec := json.NewDecoder(r.Body)
	if strict {
		dec.DisallowUnknownFields()
	}
	if err := dec.Decode(v); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return err
		}
		return easel.Errorf(easel.EINVALID, "the request body is not the JSON expected: %v (see /api/v1/openapi.json)", err)
	}
	if dec.More() {
		return easel.Errorf(easel.EINVALID, "the request body has data after its JSON object: send one object")
	}
	return nil
}

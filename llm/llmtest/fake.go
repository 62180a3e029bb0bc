// Package llmtest holds strict fakes of the LLM APIs easel speaks (OpenAI
// Chat Completions, Anthropic Messages, Ollama /api/chat) and a
// conformance suite that every llm.Client runs against its provider's fake.
//
// A fake checks each request the way the real service does (method, path,
// auth header, version header, body fields and their types) and answers
// with the real service's shapes: JSON bodies, SSE or NDJSON streams, and
// its error envelopes and status codes. A request the real service would
// reject is rejected the same way and also fails the test, so a client
// cannot pass by accident. Tests script the answers with Push.
package llmtest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/easel-art/easel/llm"
)

// Kind says how a fake answers one request.
type Kind int

// The answers a fake can give.
const (
	// OK answers Reply.Text as the model's reply, whatever format was asked
	// for: a Text that does not match the schema is a model ignoring it.
	OK Kind = iota
	// RateLimit is HTTP 429 with Retry-After: Reply.RetryAfter.
	RateLimit
	// Quota is HTTP 429 for an exhausted quota or balance.
	Quota
	// ServerError is HTTP 500.
	ServerError
	// Overloaded is the provider's "too busy" status (529 or 503).
	Overloaded
	// Slow waits Reply.Delay (10s when 0), or until the client gives up,
	// before answering Reply.Text.
	Slow
	// Malformed is HTTP 200 with a body that is not the API's JSON.
	Malformed
	// BadRequest is HTTP 400, as for an invalid field value.
	BadRequest
	// NotFound is HTTP 404 for an unknown model.
	NotFound
	// StreamError starts a streamed reply and then reports an error in the
	// stream (for a request that is not streamed it is a 500).
	StreamError
	// Refusal is the model declining to answer on content grounds: OpenAI's
	// message.refusal (delta.refusal when streamed) with Reply.Text as its
	// words. Fakes of APIs without one answer Text as usual.
	Refusal
)

func (k Kind) String() string {
	names := []string{"OK", "RateLimit", "Quota", "ServerError", "Overloaded", "Slow", "Malformed",
		"BadRequest", "NotFound", "StreamError", "Refusal"}
	if int(k) < len(names) {
		return names[k]
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Reply scripts one answer.
type Reply struct {
	Kind Kind
	// Text is the model's reply for OK and Slow.
	Text string
	// RetryAfter is the Retry-After header value for RateLimit, Overloaded
	// and ServerError ("" sends none).
	RetryAfter string
	// Delay is how long Slow waits.
	Delay time.Duration
}

// Call is one request a fake received: the raw parts and, decoded in a
// provider-neutral form, what the client asked for.
type Call struct {
	Method string
	Path   string
	Header http.Header
	// Body is the decoded JSON body (nil for a GET).
	Body map[string]any

	Model       string
	System      string
	Messages    []llm.Message
	Schema      map[string]any
	Format      llm.Format
	Stream      bool
	Seed        *int64
	Temperature *float64
	MaxTokens   int

	// quirk marks a refusal that comes from a server quirk the test asked
	// for, not from a client mistake.
	quirk bool
}

// Fake is the state every provider fake shares: the scripted replies and
// the calls received.
type Fake struct {
	// Server is the running fake; it is closed when the test ends.
	Server *httptest.Server
	// Key is the API key the fake accepts ("" for none).
	Key string
	// Default is answered when no reply is queued.
	Default Reply

	t       testing.TB
	mu      sync.Mutex
	replies []Reply
	calls   []Call
}

func newFake(t testing.TB, key string, h http.Handler) *Fake {
	f := &Fake{t: t, Key: key, Default: Reply{Kind: OK, Text: "A quiet beach at sunset."}}
	f.Server = httptest.NewServer(h)
	t.Cleanup(f.Server.Close)
	return f
}

// Push queues replies, answered in order.
func (f *Fake) Push(rs ...Reply) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.replies = append(f.replies, rs...)
}

// Calls returns the calls received so far that reached the reply script
// (requests the fake rejected as malformed are failed tests instead).
func (f *Fake) Calls() []Call {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]Call(nil), f.calls...)
}

// LastCall returns the latest call; it fails the test if there was none.
func (f *Fake) LastCall() Call {
	f.t.Helper()
	cs := f.Calls()
	if len(cs) == 0 {
		f.t.Fatalf("the fake received no call")
	}
	return cs[len(cs)-1]
}

func (f *Fake) next(c Call) Reply {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, c)
	if len(f.replies) == 0 {
		return f.Default
	}
	r := f.replies[0]
	f.replies = f.replies[1:]
	return r
}

// reject fails the test for a request the real service would refuse; the
// caller then answers with the service's own error.
func (f *Fake) reject(format string, args ...any) {
	f.t.Helper()
	f.t.Errorf("fake: the client sent a request the real service rejects: "+format, args...)
}

// wait blocks for a Slow reply until its delay passes or the client goes.
func wait(r *http.Request, rep Reply) {
	d := rep.Delay
	if d <= 0 {
		d = 10 * time.Second
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-r.Context().Done():
	}
}

// readJSON decodes a request body as one JSON object.
func readJSON(r *http.Request) (map[string]any, error) {
	raw, err := io.ReadAll(io.LimitReader(r.Body, 32<<20))
	if err != nil {
		return nil, err
	}
	var body map[string]any
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	dec.UseNumber()
	if err := dec.Decode(&body); err != nil {
		return nil, fmt.Errorf("the body is not a JSON object: %w", err)
	}
	if body == nil {
		return nil, fmt.Errorf("the body is null")
	}
	return body, nil
}

// unknownKeys returns the keys of m that are not in allowed, sorted.
func unknownKeys(m map[string]any, allowed ...string) []string {
	var out []string
	for k := range m {
		ok := false
		for _, a := range allowed {
			if k == a {
				ok = true
				break
			}
		}
		if !ok {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// Pieces splits text into the pieces a fake streams: word groups, so a
// client that drops or reorders pieces is caught.
func Pieces(text string) []string {
	if text == "" {
		return nil
	}
	words := strings.SplitAfter(text, " ")
	if len(words) == 1 {
		rs := []rune(text)
		if len(rs) < 2 {
			return []string{text}
		}
		return []string{string(rs[:len(rs)/2]), string(rs[len(rs)/2:])}
	}
	var out []string
	for i := 0; i < len(words); i += 2 {
		end := min(i+2, len(words))
		out = append(out, strings.Join(words[i:end], ""))
	}
	return out
}

func intOf(v any) (int64, bool) {
	n, ok := v.(json.Number)
	if !ok {
		return 0, false
	}
	i, err := n.Int64()
	return i, err == nil
}

func floatOf(v any) (float64, bool) {
	n, ok := v.(json.Number)
	if !ok {
		return 0, false
	}
	f, err := n.Float64()
	return f, err == nil
}

// toPlain turns json.Number values back into float64, so schemas compare
// equal to what a test built.
func toPlain(v any) any {
	switch x := v.(type) {
	case json.Number:
		f, _ := x.Float64()
		return f
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, v := range x {
			out[k] = toPlain(v)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, v := range x {
			out[i] = toPlain(v)
		}
		return out
	}
	return v
}

// strictSchemaProblem returns why schema breaks the rules strict structured
// output imposes (OpenAI strict mode, Anthropic structured outputs): every
// object sets additionalProperties false and lists every property as
// required. It returns "" when the schema is fine.
func strictSchemaProblem(schema any, where string) string {
	m, ok := schema.(map[string]any)
	if !ok {
		return ""
	}
	if props, ok := m["properties"].(map[string]any); ok || m["type"] == "object" {
		if ap, ok := m["additionalProperties"].(bool); !ok || ap {
			return fmt.Sprintf("In context=%s, 'additionalProperties' is required to be supplied and to be false", where)
		}
		req := map[string]bool{}
		if rs, ok := m["required"].([]any); ok {
			for _, r := range rs {
				if s, ok := r.(string); ok {
					req[s] = true
				}
			}
		}
		keys := make([]string, 0, len(props))
		for k := range props {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if !req[k] {
				return fmt.Sprintf("In context=%s, 'required' is required to be supplied and to be an array including every key in properties. Missing '%s'", where, k)
			}
			if p := strictSchemaProblem(props[k], where+".properties."+k); p != "" {
				return p
			}
		}
	}
	if p := strictSchemaProblem(m["items"], where+".items"); p != "" {
		return p
	}
	for _, key := range []string{"anyOf", "oneOf", "allOf"} {
		if list, ok := m[key].([]any); ok {
			for i, s := range list {
				if p := strictSchemaProblem(s, fmt.Sprintf("%s.%s[%d]", where, key, i)); p != "" {
					return p
				}
			}
		}
	}
	return ""
}

package llm_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/llm"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		name    string
		e       llm.HTTPError
		code    string
		after   time.Duration
		mention string
	}{
		{"401 names the variable", llm.HTTPError{Status: 401, KeyVar: "X_API_KEY"}, easel.ECONFIG, 0, "X_API_KEY"},
		{"403", llm.HTTPError{Status: 403, KeyVar: "X_API_KEY"}, easel.ECONFIG, 0, "X_API_KEY"},
		{"401 without key", llm.HTTPError{Status: 401}, easel.ECONFIG, 0, "refused"},
		{"404 names the model", llm.HTTPError{Status: 404, Model: "m1"}, easel.ECONFIG, 0, `"m1"`},
		{"404 hint", llm.HTTPError{Status: 404, Model: "m1", NotFoundHint: "run: ollama pull m1"}, easel.ECONFIG, 0, "ollama pull m1"},
		{"429", llm.HTTPError{Status: 429, RetryAfter: 3 * time.Second}, easel.ERATELIMIT, 3 * time.Second, "wait 3s)"},
		{"429 quota code", llm.HTTPError{Status: 429, Code: "insufficient_quota"}, easel.EPERMANENT, 0, "quota"},
		{"429 quota words", llm.HTTPError{Status: 429, Message: "You exceeded your current quota"}, easel.EPERMANENT, 0, "quota"},
		{"400", llm.HTTPError{Status: 400, Message: "bad field"}, easel.EPERMANENT, 0, "bad field"},
		{"408", llm.HTTPError{Status: 408}, easel.EUNAVAILABLE, 0, ""},
		{"500", llm.HTTPError{Status: 500}, easel.EUNAVAILABLE, 0, ""},
		{"529", llm.HTTPError{Status: 529, RetryAfter: time.Second}, easel.EUNAVAILABLE, time.Second, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.e.Provider = "p"
			err := llm.Classify(&tc.e)
			if err.Code != tc.code || err.RetryAfter != tc.after {
				t.Errorf("got %q after %v (%s); want %q after %v", err.Code, err.RetryAfter, err.Message, tc.code, tc.after)
			}
			if !strings.Contains(err.Message, tc.mention) {
				t.Errorf("message %q does not mention %q", err.Message, tc.mention)
			}
			var he *llm.HTTPError
			if !errors.As(err, &he) {
				t.Errorf("the HTTPError is not the cause")
			}
		})
	}
	long := llm.Classify(&llm.HTTPError{Provider: "p", Status: 400, Message: strings.Repeat("é", 500)})
	if len(long.Message) > 400 {
		t.Errorf("a long provider message is kept whole: %d bytes", len(long.Message))
	}
}

func TestTransportError(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := llm.TransportError(ctx, "p", "http://h", time.Second, errors.New("boom"))
	if !errors.Is(err, context.Canceled) || easel.ErrorCode(err) != easel.ECANCELED {
		t.Errorf("cancelled: %v (%s)", err, easel.ErrorCode(err))
	}
	err = llm.TransportError(context.Background(), "p", "http://h", time.Second, context.DeadlineExceeded)
	if easel.ErrorCode(err) != easel.EUNAVAILABLE || !strings.Contains(easel.ErrorMessage(err), "within 1s") {
		t.Errorf("timeout: %v (%s)", err, easel.ErrorCode(err))
	}
	err = llm.TransportError(context.Background(), "p", "http://h", time.Second, errors.New("connection refused"))
	if easel.ErrorCode(err) != easel.EUNAVAILABLE || !strings.Contains(easel.ErrorMessage(err), "http://h") {
		t.Errorf("network: %v (%s)", err, easel.ErrorCode(err))
	}
	// A known provider's message names the variable that says where it is.
	err = llm.TransportError(context.Background(), "ollama", "http://127.0.0.1:11434", time.Second, errors.New("connection refused"))
	if !strings.Contains(easel.ErrorMessage(err), "OLLAMA_HOST") {
		t.Errorf("ollama unreachable: %q; want it to name OLLAMA_HOST", easel.ErrorMessage(err))
	}
}

func TestRedact(t *testing.T) {
	if got := llm.Redact("bad key sk-123456789 given", "sk-123456789"); strings.Contains(got, "sk-123456789") {
		t.Errorf("Redact left the key: %q", got)
	}
	if got := llm.Redact("none of it", "none"); got != "none of it" {
		t.Errorf("a placeholder key mangled the text: %q", got)
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		h    map[string]string
		want time.Duration
	}{
		{map[string]string{"Retry-After": "7"}, 7 * time.Second},
		{map[string]string{"Retry-After": "1.5"}, 1500 * time.Millisecond},
		{map[string]string{"Retry-After-Ms": "250", "Retry-After": "7"}, 250 * time.Millisecond},
		{map[string]string{"Retry-After": now.Add(90 * time.Second).Format(http.TimeFormat)}, 90 * time.Second},
		{map[string]string{"Retry-After": now.Add(-time.Minute).Format(http.TimeFormat)}, 0},
		{map[string]string{"Retry-After": "soon"}, 0},
		{map[string]string{"Retry-After": "-3"}, 0},
		{nil, 0},
	}
	for _, tc := range tests {
		h := http.Header{}
		for k, v := range tc.h {
			h.Set(k, v)
		}
		if got := llm.ParseRetryAfter(h, now); got != tc.want {
			t.Errorf("ParseRetryAfter(%v) = %v; want %v", tc.h, got, tc.want)
		}
	}
}

func FuzzParseRetryAfter(f *testing.F) {
	for _, s := range []string{"7", "1.5", "Wed, 25 Nov 2026 12:01:30 GMT", "", "NaN", "1e400", "-0"} {
		f.Add(s, "")
	}
	f.Fuzz(func(t *testing.T, ra, ms string) {
		h := http.Header{}
		h.Set("Retry-After", ra)
		h.Set("Retry-After-Ms", ms)
		if d := llm.ParseRetryAfter(h, time.Now()); d < 0 {
			t.Errorf("negative wait %v for %q / %q", d, ra, ms)
		}
	})
}

func TestParseSpec(t *testing.T) {
	tests := []struct {
		in, name, model string
		bad             bool
	}{
		{"openai", "openai", "", false},
		{" OpenAI:gpt-5.4-mini ", "openai", "gpt-5.4-mini", false},
		{"ollama:qwen3:8b", "ollama", "qwen3:8b", false},
		{"", "", "", true},
		{":model", "", "", true},
		{"openai:", "", "", true},
	}
	for _, tc := range tests {
		name, model, err := llm.ParseSpec(tc.in)
		if (err != nil) != tc.bad || name != tc.name || model != tc.model {
			t.Errorf("ParseSpec(%q) = %q, %q, %v", tc.in, name, model, err)
		}
		if err != nil && easel.ErrorCode(err) != easel.EINVALID {
			t.Errorf("ParseSpec(%q): code %q; want EINVALID", tc.in, easel.ErrorCode(err))
		}
	}
}

func FuzzParseSpec(f *testing.F) {
	f.Add("ollama:qwen3:8b")
	f.Add("openai")
	f.Fuzz(func(t *testing.T, s string) {
		name, model, err := llm.ParseSpec(s)
		if err != nil {
			return
		}
		if name == "" || strings.Contains(name, ":") || name != strings.ToLower(name) {
			t.Errorf("ParseSpec(%q) name %q", s, name)
		}
		if again, m2, err := llm.ParseSpec(name + ":" + model); model != "" && (err != nil || again != name || m2 != model) {
			t.Errorf("round trip of %q: %q %q %v", s, again, m2, err)
		}
	})
}

type stubClient struct{ name, model string }

func (s stubClient) Name() string  { return s.name }
func (s stubClient) Model() string { return s.model }
func (s stubClient) Chat(context.Context, llm.Request) (llm.Response, error) {
	return llm.Response{}, nil
}

func TestRegistry(t *testing.T) {
	p := llm.Provider{Name: "stub", DefaultModel: "m0", Open: func(model string, getenv func(string) string, _ *http.Client) (llm.Client, error) {
		if model == "" {
			model = "m0"
		}
		return stubClient{"stub", model}, nil
	}}
	r := llm.NewRegistry(p)
	c, err := r.Open("stub:m1", func(string) string { return "" }, nil)
	if err != nil || c.Model() != "m1" {
		t.Fatalf("Open = %v, %v", c, err)
	}
	_, err = r.Open("nope", func(string) string { return "" }, nil)
	if easel.ErrorCode(err) != easel.EINVALID || !strings.Contains(err.Error(), "builtin, stub") {
		t.Errorf("unknown provider: %v", err)
	}
	defer func() {
		if recover() == nil {
			t.Errorf("a duplicate provider did not panic")
		}
	}()
	r.Register(p)
}

package llmtest

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
)

// recTB records the failures a fake reports instead of failing the test,
// so the fakes' own strictness can be tested.
type recTB struct {
	testing.TB
	mu   sync.Mutex
	errs []string
}

func (r *recTB) Helper() {}
func (r *recTB) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

func post(t *testing.T, url string, headers map[string]string, body string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// TestFakesRejectWhatTheServiceRejects: each bad request gets the real
// service's status and error, and the fake reports the client's mistake.
func TestFakesRejectWhatTheServiceRejects(t *testing.T) {
	const msgs = `"messages":[{"role":"user","content":"hi"}]`
	openaiAuth := map[string]string{"Authorization": "Bearer " + TestKey}
	anthAuth := map[string]string{"Authorization": "Bearer " + TestKey, "anthropic-version": AnthropicVersion}
	tests := []struct {
		name     string
		provider string
		headers  map[string]string
		body     string
		status   int
		says     string
		mistake  bool
	}{
		{"openai ok", "openai", openaiAuth, `{"model":"test-model",` + msgs + `}`, 200, "chat.completion", false},
		{"openai unknown model", "openai", openaiAuth, `{"model":"gpt-nosuch",` + msgs + `}`, 404, "model_not_found", false},
		{"openai unknown field", "openai", openaiAuth, `{"model":"m",` + msgs + `,"foo":1}`, 400, "Unrecognized request argument supplied: foo", true},
		{"openai no model", "openai", openaiAuth, `{` + msgs + `}`, 400, "model", true},
		{"openai no key", "openai", nil, `{"model":"m",` + msgs + `}`, 401, "API key", true},
		{"openai wrong key", "openai", map[string]string{"Authorization": "Bearer nope"}, `{"model":"m",` + msgs + `}`, 401, "invalid_api_key", false},
		{"openai strict schema without required", "openai", openaiAuth, `{"model":"m",` + msgs + `,"response_format":{"type":"json_schema","json_schema":{"name":"x","strict":true,"schema":{"type":"object","additionalProperties":false,"properties":{"a":{"type":"string"}}}}}}`, 400, "Missing 'a'", true},
		{"openai json_object without the word", "openai", openaiAuth, `{"model":"m",` + msgs + `,"response_format":{"type":"json_object"}}`, 400, "must contain the word 'json'", true},
		{"openai temperature out of range", "openai", openaiAuth, `{"model":"m",` + msgs + `,"temperature":3}`, 400, "temperature", true},
		{"anthropic ok", "anthropic", anthAuth, `{"model":"m","max_tokens":10,` + msgs + `}`, 200, `"type":"message"`, false},
		{"anthropic temperature", "anthropic", anthAuth, `{"model":"m","max_tokens":10,"temperature":0.5,` + msgs + `}`, 400, "temperature", true},
		{"anthropic no max_tokens", "anthropic", anthAuth, `{"model":"m",` + msgs + `}`, 400, "max_tokens", true},
		{"anthropic system role", "anthropic", anthAuth, `{"model":"m","max_tokens":10,"messages":[{"role":"system","content":"s"},{"role":"user","content":"u"}]}`, 400, "top-level `system`", true},
		{"anthropic prefill", "anthropic", anthAuth, `{"model":"m","max_tokens":10,"messages":[{"role":"user","content":"u"},{"role":"assistant","content":"{"}]}`, 400, "Prefilling", true},
		{"anthropic old version", "anthropic", map[string]string{"Authorization": "Bearer " + TestKey, "anthropic-version": "2023-06-01"}, `{"model":"m","max_tokens":10,` + msgs + `}`, 400, "anthropic-version", true},
		{"anthropic no auth", "anthropic", map[string]string{"anthropic-version": AnthropicVersion}, `{"model":"m","max_tokens":10,` + msgs + `}`, 401, "authentication_error", true},
		{"ollama ok", "ollama", nil, `{"model":"m","stream":false,` + msgs + `}`, 200, `"done":true`, false},
		{"ollama no stream field", "ollama", nil, `{"model":"m",` + msgs + `}`, 200, `"done":true`, true},
		{"ollama no model", "ollama", nil, `{"stream":false,` + msgs + `}`, 400, "model is required", true},
		{"ollama bad format", "ollama", nil, `{"model":"m","stream":false,"format":"xml",` + msgs + `}`, 400, "invalid format", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := &recTB{TB: t}
			var url string
			switch tc.provider {
			case "openai":
				url = NewOpenAI(rec, TestKey).BaseURL() + "/chat/completions"
			case "anthropic":
				url = NewAnthropic(rec, TestKey).BaseURL() + "/v1/messages"
			case "ollama":
				url = NewOllama(rec).BaseURL() + "/api/chat"
			}
			status, body := post(t, url, tc.headers, tc.body)
			if status != tc.status || !strings.Contains(body, tc.says) {
				t.Errorf("got %d %s; want %d saying %q", status, body, tc.status, tc.says)
			}
			if got := len(rec.errs) > 0; got != tc.mistake {
				t.Errorf("fake reported %v; want a client mistake reported: %v", rec.errs, tc.mistake)
			}
		})
	}
}

func TestPieces(t *testing.T) {
	for _, s := range []string{"", "a", "ab", "one two three four five", "é😀"} {
		if got := strings.Join(Pieces(s), ""); got != s {
			t.Errorf("Pieces(%q) joins to %q", s, got)
		}
	}
	if len(Pieces("one two three four five")) < 2 {
		t.Errorf("a sentence is not split")
	}
}

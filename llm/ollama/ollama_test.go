package ollama_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/llm"
	"github.com/easel-art/easel/llm/llmtest"
	"github.com/easel-art/easel/llm/ollama"
)

func start(t *testing.T, timeout time.Duration) (*ollama.Client, *llmtest.Ollama) {
	t.Helper()
	f := llmtest.NewOllama(t)
	c, err := ollama.New(ollama.Config{Host: f.BaseURL(), Model: llmtest.TestModel, Timeout: timeout})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c, f
}

func TestConformance(t *testing.T) {
	llmtest.Run(t, llmtest.Harness{
		Seed: true,
		Start: func(t *testing.T, _, _ string, timeout time.Duration) (llm.Client, *llmtest.Fake) {
			c, f := start(t, timeout)
			return c, f.Fake
		},
	})
}

func schemaRequest() llm.Request {
	return llm.Request{
		System:   "You write image prompts.",
		Messages: []llm.Message{{Role: llm.RoleUser, Content: "a sunset"}},
		Schema:   llmtest.Schema(),
	}
}

func TestRequest(t *testing.T) {
	c, f := start(t, 5*time.Second)
	req := schemaRequest()
	seed, temp := int64(11), 0.6
	req.Seed, req.Temperature, req.MaxTokens = &seed, &temp, 500
	if _, err := c.Chat(t.Context(), req); err != nil {
		t.Fatalf("Chat: %v", err)
	}
	call := f.LastCall()
	if call.Method != "POST" || call.Path != "/api/chat" {
		t.Errorf("sent %s %s", call.Method, call.Path)
	}
	if call.Body["stream"] != false || call.Body["think"] != false {
		t.Errorf("stream %v think %v; want both false", call.Body["stream"], call.Body["think"])
	}
	if call.Format != llm.FormatSchema {
		t.Errorf("format = %q; want the schema object", call.Format)
	}
	opts := call.Body["options"].(map[string]any)
	if call.Seed == nil || *call.Seed != 11 || call.Temperature == nil || *call.Temperature != 0.6 || call.MaxTokens != 500 {
		t.Errorf("options = %v", opts)
	}
	msgs := call.Body["messages"].([]any)
	if first := msgs[0].(map[string]any); first["role"] != "system" {
		t.Errorf("first message %v; want the system prompt", first)
	}
}

// TestNoThinkingModel: Ollama (server/routes.go ChatHandler) refuses
// think true or a level on a model without a thinking mode, and takes
// think false from any model, so the client's false is never refused.
func TestNoThinkingModel(t *testing.T) {
	c, f := start(t, 5*time.Second)
	f.NoThinking = true
	for i := range 2 {
		if _, err := c.Chat(t.Context(), schemaRequest()); err != nil {
			t.Fatalf("Chat %d: %v", i, err)
		}
		if th, ok := f.LastCall().Body["think"]; !ok || th != false {
			t.Errorf("call %d sent think %v; want false", i, th)
		}
	}
	if n := len(f.Calls()); n != 2 {
		t.Errorf("%d accepted calls; want 2", n)
	}
	for _, think := range []any{true, "low", "high"} {
		b, _ := json.Marshal(map[string]any{"model": "llama3.2", "messages": []any{map[string]any{"role": "user", "content": "hi"}}, "stream": false, "think": think})
		resp, err := http.Post(f.Server.URL+"/api/chat", "application/json", bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 400 {
			t.Errorf("think %v on a model without thinking: HTTP %d; want 400", think, resp.StatusCode)
		}
	}
}

func TestCheck(t *testing.T) {
	c, f := start(t, 5*time.Second)
	if err := c.Check(t.Context()); err != nil {
		t.Errorf("Check: %v", err)
	}
	f.Models = []string{"other:latest"}
	err := c.Check(t.Context())
	llmtest.CheckError(t, err, easel.ECONFIG, "")
	if !strings.Contains(easel.ErrorMessage(err), "ollama pull test-model") {
		t.Errorf("message %q does not say how to get the model", easel.ErrorMessage(err))
	}
	// Nothing listening: EUNAVAILABLE.
	f.Server.Close()
	llmtest.CheckError(t, c.Check(t.Context()), easel.EUNAVAILABLE, "")
}

func TestNotFoundSaysPull(t *testing.T) {
	c, f := start(t, 5*time.Second)
	f.Push(llmtest.Reply{Kind: llmtest.NotFound})
	_, err := c.Chat(t.Context(), schemaRequest())
	if !strings.Contains(easel.ErrorMessage(err), "ollama pull test-model") {
		t.Errorf("message %q does not say ollama pull", easel.ErrorMessage(err))
	}
}

func TestParseHost(t *testing.T) {
	tests := []struct {
		in, want string
		bad      bool
	}{
		{"", "http://127.0.0.1:11434", false},
		{"127.0.0.1:11435", "http://127.0.0.1:11435", false},
		{"0.0.0.0", "http://0.0.0.0:11434", false},
		{"example.com", "http://example.com:11434", false},
		{"example.com:8080", "http://example.com:8080", false},
		{"http://example.com", "http://example.com:80", false},
		{"https://example.com", "https://example.com:443", false},
		{"https://example.com:1234/ollama/", "https://example.com:1234/ollama", false},
		{"[::1]:11434", "http://[::1]:11434", false},
		{"::1", "http://[::1]:11434", false},
		{"ftp://example.com", "", true},
		{"example.com:99999", "", true},
		{"example.com:abc", "", true},
	}
	for _, tc := range tests {
		u, err := ollama.ParseHost(tc.in)
		if tc.bad {
			if err == nil || easel.ErrorCode(err) != easel.ECONFIG {
				t.Errorf("ParseHost(%q) = %v, %v; want ECONFIG", tc.in, u, err)
			}
			continue
		}
		if err != nil || u.String() != tc.want {
			t.Errorf("ParseHost(%q) = %v, %v; want %s", tc.in, u, err, tc.want)
		}
	}
}

func FuzzParseHost(f *testing.F) {
	for _, s := range []string{"", "127.0.0.1:11434", "https://h:1/p", "[::1]", "h:"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		u, err := ollama.ParseHost(s)
		if err != nil {
			if easel.ErrorCode(err) != easel.ECONFIG {
				t.Errorf("ParseHost(%q): code %q", s, easel.ErrorCode(err))
			}
			return
		}
		// Whatever it accepts must make a valid client.
		if _, err := ollama.New(ollama.Config{Host: u.String()}); err != nil {
			t.Errorf("ParseHost(%q) = %s, which New refuses: %v", s, u, err)
		}
	})
}

func TestConfigFromEnv(t *testing.T) {
	cfg, err := ollama.ConfigFromEnv(func(string) string { return "" })
	if err != nil || cfg.Host != ollama.DefaultHost || cfg.Model != ollama.DefaultModel {
		t.Errorf("defaults = %+v, %v", cfg, err)
	}
	cfg, err = ollama.ConfigFromEnv(func(k string) string { return map[string]string{"OLLAMA_HOST": "10.0.0.2:9000"}[k] })
	if err != nil || cfg.Host != "http://10.0.0.2:9000" {
		t.Errorf("with OLLAMA_HOST = %+v, %v", cfg, err)
	}
}

func TestProviderOpen(t *testing.T) {
	f := llmtest.NewOllama(t)
	host := strings.TrimPrefix(f.BaseURL(), "http://") // as people write it
	c, err := llm.NewRegistry(ollama.Provider).Open("ollama:qwen3:8b", func(k string) string {
		return map[string]string{"OLLAMA_HOST": host}[k]
	}, nil)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if _, err := c.Chat(t.Context(), schemaRequest()); err != nil || f.LastCall().Model != "qwen3:8b" {
		t.Fatalf("Chat: %v (model %q)", err, f.LastCall().Model)
	}
}

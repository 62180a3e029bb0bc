package anthropic_test

import (
	"strings"
	"testing"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/llm"
	"github.com/easel-art/easel/llm/anthropic"
	"github.com/easel-art/easel/llm/llmtest"
)

func start(t *testing.T, fakeKey, clientKey string, timeout time.Duration) (*anthropic.Client, *llmtest.Anthropic) {
	t.Helper()
	f := llmtest.NewAnthropic(t, fakeKey)
	c, err := anthropic.New(anthropic.Config{APIKey: clientKey, BaseURL: f.BaseURL(), Model: llmtest.TestModel, Timeout: timeout})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c, f
}

func TestConformance(t *testing.T) {
	llmtest.Run(t, llmtest.Harness{
		KeyVar: anthropic.KeyVar,
		Start: func(t *testing.T, fakeKey, clientKey string, timeout time.Duration) (llm.Client, *llmtest.Fake) {
			c, f := start(t, fakeKey, clientKey, timeout)
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

// TestRequest checks the exact request: path, headers and body fields of
// API version 2026-10-21.
func TestRequest(t *testing.T) {
	c, f := start(t, llmtest.TestKey, llmtest.TestKey, 5*time.Second)
	req := schemaRequest()
	seed, temp := int64(3), 0.7
	req.Seed, req.Temperature = &seed, &temp
	if _, err := c.Chat(t.Context(), req); err != nil {
		t.Fatalf("Chat: %v", err)
	}
	call := f.LastCall()
	if call.Method != "POST" || call.Path != "/v1/messages" {
		t.Errorf("sent %s %s; want POST /v1/messages", call.Method, call.Path)
	}
	if got := call.Header.Get("Authorization"); got != "Bearer "+llmtest.TestKey {
		t.Errorf("Authorization = %q", got)
	}
	if got := call.Header.Get("anthropic-version"); got != "2026-10-21" {
		t.Errorf("anthropic-version = %q", got)
	}
	if call.Body["system"] != "You write image prompts." {
		t.Errorf("system = %v", call.Body["system"])
	}
	if call.MaxTokens != anthropic.DefaultMaxTokens {
		t.Errorf("max_tokens = %d; want %d", call.MaxTokens, anthropic.DefaultMaxTokens)
	}
	oc := call.Body["output_config"].(map[string]any)["format"].(map[string]any)
	if oc["type"] != "json_schema" || call.Format != llm.FormatSchema {
		t.Errorf("output_config.format = %v", oc)
	}
	// 2026-10-21 refuses sampling parameters; the fake would have failed.
	for _, k := range []string{"temperature", "top_p", "top_k", "seed"} {
		if _, ok := call.Body[k]; ok {
			t.Errorf("sent %s", k)
		}
	}
}

func TestSchemaRefused(t *testing.T) {
	c, f := start(t, llmtest.TestKey, llmtest.TestKey, 5*time.Second)
	f.RefuseSchema = true
	for i := range 2 {
		resp, err := c.Chat(t.Context(), schemaRequest())
		if err != nil {
			t.Fatalf("Chat %d: %v", i, err)
		}
		if resp.Format != llm.FormatText {
			t.Errorf("Format = %q; want text", resp.Format)
		}
		if call := f.LastCall(); !strings.Contains(call.System, `"word"`) {
			t.Errorf("the system prompt must carry the schema: %q", call.System)
		}
	}
}

func TestBaseURLWithV1(t *testing.T) {
	f := llmtest.NewAnthropic(t, llmtest.TestKey)
	c, err := anthropic.New(anthropic.Config{APIKey: llmtest.TestKey, BaseURL: f.BaseURL() + "/v1/"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Chat(t.Context(), schemaRequest()); err != nil {
		t.Fatalf("Chat: %v", err)
	}
	if f.LastCall().Model != anthropic.DefaultModel {
		t.Errorf("model = %q", f.LastCall().Model)
	}
}

func TestConfigFromEnv(t *testing.T) {
	_, err := anthropic.ConfigFromEnv(func(string) string { return "" })
	llmtest.CheckError(t, err, easel.ECONFIG, "")
	if !strings.Contains(easel.ErrorMessage(err), "ANTHROPIC_API_KEY") {
		t.Errorf("message %q does not name ANTHROPIC_API_KEY", easel.ErrorMessage(err))
	}
	env := map[string]string{"ANTHROPIC_API_KEY": "k", "ANTHROPIC_BASE_URL": "http://127.0.0.1:9/"}
	cfg, err := anthropic.ConfigFromEnv(func(k string) string { return env[k] })
	if err != nil || cfg.APIKey != "k" || cfg.BaseURL != "http://127.0.0.1:9/" || cfg.Model != anthropic.DefaultModel {
		t.Errorf("ConfigFromEnv = %+v, %v", cfg, err)
	}
}

func TestProviderOpen(t *testing.T) {
	f := llmtest.NewAnthropic(t, llmtest.TestKey)
	env := map[string]string{"ANTHROPIC_API_KEY": llmtest.TestKey, "ANTHROPIC_BASE_URL": f.BaseURL()}
	c, err := llm.NewRegistry(anthropic.Provider).Open("anthropic:claude-x", func(k string) string { return env[k] }, nil)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if _, err := c.Chat(t.Context(), schemaRequest()); err != nil || f.LastCall().Model != "claude-x" {
		t.Fatalf("Chat: %v (model %q)", err, f.LastCall().Model)
	}
}

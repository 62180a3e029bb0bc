package openai_test

import (
	"strings"
	"testing"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/llm"
	"github.com/easel-art/easel/llm/llmtest"
	"github.com/easel-art/easel/llm/openai"
)

func start(t *testing.T, fakeKey, clientKey string, timeout time.Duration) (*openai.Client, *llmtest.OpenAI) {
	t.Helper()
	f := llmtest.NewOpenAI(t, fakeKey)
	f.Models = append(f.Models, "other-model") // the conformance suite's second model
	c, err := openai.New(openai.Config{APIKey: clientKey, BaseURL: f.BaseURL(), Model: llmtest.TestModel, Timeout: timeout})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c, f
}

func TestConformance(t *testing.T) {
	llmtest.Run(t, llmtest.Harness{
		KeyVar: openai.KeyVar,
		Seed:   true,
		Start: func(t *testing.T, fakeKey, clientKey string, timeout time.Duration) (llm.Client, *llmtest.Fake) {
			c, f := start(t, fakeKey, clientKey, timeout)
			return c, f.Fake
		},
	})
}

func schemaRequest() llm.Request {
	return llm.Request{
		System:     "You write image prompts.",
		Messages:   []llm.Message{{Role: llm.RoleUser, Content: "a sunset"}},
		Schema:     llmtest.Schema(),
		SchemaName: "prompt_pack",
	}
}

// TestRequestBody checks the exact fields sent for a structured request.
func TestRequestBody(t *testing.T) {
	c, f := start(t, llmtest.TestKey, llmtest.TestKey, 5*time.Second)
	req := schemaRequest()
	seed, temp := int64(7), 0.8
	req.Seed, req.Temperature, req.MaxTokens = &seed, &temp, 900
	if _, err := c.Chat(t.Context(), req); err != nil {
		t.Fatalf("Chat: %v", err)
	}
	call := f.LastCall()
	if call.Path != "/v1/chat/completions" || call.Method != "POST" {
		t.Errorf("sent %s %s; want POST /v1/chat/completions", call.Method, call.Path)
	}
	if got := call.Header.Get("Authorization"); got != "Bearer "+llmtest.TestKey {
		t.Errorf("Authorization = %q", got)
	}
	rf := call.Body["response_format"].(map[string]any)
	js := rf["json_schema"].(map[string]any)
	if rf["type"] != "json_schema" || js["name"] != "prompt_pack" || js["strict"] != true {
		t.Errorf("response_format = %v; want json_schema named prompt_pack, strict", rf)
	}
	if call.MaxTokens != 900 || call.Body["max_completion_tokens"] == nil || call.Body["max_tokens"] != nil {
		t.Errorf("body %v; want max_completion_tokens 900 and no deprecated max_tokens", call.Body)
	}
	if call.Seed == nil || *call.Seed != 7 || call.Temperature == nil || *call.Temperature != 0.8 {
		t.Errorf("seed %v temperature %v; want 7 and 0.8", call.Seed, call.Temperature)
	}
	msgs := call.Body["messages"].([]any)
	if first := msgs[0].(map[string]any); first["role"] != "system" {
		t.Errorf("first message %v; want the system prompt", first)
	}
}

// TestFormatFallback checks json_schema → json_object → text, as servers
// that lack a mode refuse it, and that the client remembers what worked.
func TestFormatFallback(t *testing.T) {
	tests := []struct {
		name             string
		refuseSchema     bool
		refuseJSONObject bool
		want             llm.Format
	}{
		{"all accepted", false, false, llm.FormatSchema},
		{"no json_schema (old llama.cpp)", true, false, llm.FormatJSON},
		{"neither", true, true, llm.FormatText},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, f := start(t, llmtest.TestKey, llmtest.TestKey, 5*time.Second)
			f.RefuseSchema, f.RefuseJSONObject = tc.refuseSchema, tc.refuseJSONObject
			for i := range 2 {
				resp, err := c.Chat(t.Context(), schemaRequest())
				if err != nil {
					t.Fatalf("Chat %d: %v", i, err)
				}
				if resp.Format != tc.want {
					t.Errorf("call %d: Format = %q; want %q", i, resp.Format, tc.want)
				}
				call := f.LastCall()
				if call.Format != tc.want {
					t.Errorf("call %d: the accepted request asked for %q; want %q", i, call.Format, tc.want)
				}
				if tc.want != llm.FormatSchema && !strings.Contains(call.System, `"word"`) {
					t.Errorf("call %d: without server-side schema the system prompt must carry it: %q", i, call.System)
				}
			}
			// Only the first call pays for the refusals.
			if n := len(f.Calls()); n != 2 {
				t.Errorf("the fake saw %d accepted calls; want 2", n)
			}
		})
	}
}

func TestLMStudioRefusesJSONObjectOnly(t *testing.T) {
	c, f := start(t, llmtest.TestKey, llmtest.TestKey, 5*time.Second)
	f.RefuseJSONObject = true
	resp, err := c.Chat(t.Context(), schemaRequest())
	if err != nil || resp.Format != llm.FormatSchema {
		t.Fatalf("got %q, %v; want json_schema to be used", resp.Format, err)
	}
}

func TestTemperatureRefused(t *testing.T) {
	c, f := start(t, llmtest.TestKey, llmtest.TestKey, 5*time.Second)
	f.RefuseTemperature = true
	temp := 0.9
	req := schemaRequest()
	req.Temperature = &temp
	for i := range 2 {
		if _, err := c.Chat(t.Context(), req); err != nil {
			t.Fatalf("Chat %d: %v", i, err)
		}
		if call := f.LastCall(); call.Temperature != nil {
			t.Errorf("call %d sent temperature %v to a model that refuses it", i, *call.Temperature)
		}
	}
}

func TestConfigFromEnv(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	_, err := openai.ConfigFromEnv(env(nil))
	llmtest.CheckError(t, err, easel.ECONFIG, "")
	if !strings.Contains(easel.ErrorMessage(err), "OPENAI_API_KEY") {
		t.Errorf("message %q does not name OPENAI_API_KEY", easel.ErrorMessage(err))
	}
	cfg, err := openai.ConfigFromEnv(env(map[string]string{"OPENAI_API_KEY": " k1 ", "OPENAI_BASE_URL": "http://127.0.0.1:8080/v1"}))
	if err != nil || cfg.APIKey != "k1" || cfg.BaseURL != "http://127.0.0.1:8080/v1" || cfg.Model != openai.DefaultModel {
		t.Errorf("ConfigFromEnv = %+v, %v", cfg, err)
	}
	cfg, _ = openai.ConfigFromEnv(env(map[string]string{"OPENAI_API_KEY": "k1"}))
	if cfg.BaseURL != openai.DefaultBaseURL {
		t.Errorf("BaseURL = %q; want %q", cfg.BaseURL, openai.DefaultBaseURL)
	}
	_, err = openai.New(openai.Config{APIKey: "k", BaseURL: "127.0.0.1:8080"})
	llmtest.CheckError(t, err, easel.ECONFIG, "")
}

func TestProviderOpen(t *testing.T) {
	f := llmtest.NewOpenAI(t, llmtest.TestKey)
	f.Models = append(f.Models, "gpt-x")
	reg := llm.NewRegistry(openai.Provider)
	env := map[string]string{"OPENAI_API_KEY": llmtest.TestKey, "OPENAI_BASE_URL": f.BaseURL()}
	c, err := reg.Open("openai:gpt-x", func(k string) string { return env[k] }, nil)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if c.Name() != "openai" || c.Model() != "gpt-x" || llm.Writer(c, "") != "openai:gpt-x" {
		t.Errorf("opened %s %s", c.Name(), c.Model())
	}
	if _, err := c.Chat(t.Context(), schemaRequest()); err != nil {
		t.Fatalf("Chat: %v", err)
	}
	if f.LastCall().Model != "gpt-x" {
		t.Errorf("model sent = %q", f.LastCall().Model)
	}
	_, err = reg.Open("openai", func(string) string { return "" }, nil)
	llmtest.CheckError(t, err, easel.ECONFIG, "")
}

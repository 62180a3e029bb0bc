package openai_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/llm"
	"github.com/easel-art/easel/llm/llmtest"
	"github.com/easel-art/easel/llm/openai"
)

// These tests hold the client to what openai-go v3.98.0 (the version
// go.mod pins) says Chat Completions does: usage in a stream only when
// stream_options.include_usage asks, message.refusal for a declined
// answer, reasoning_effort, and max_completion_tokens counting reasoning.

// startModel is start with model as the client's default.
func startModel(t *testing.T, model string) (*openai.Client, *llmtest.OpenAI) {
	t.Helper()
	f := llmtest.NewOpenAI(t, "sk-test")
	c, err := openai.New(openai.Config{APIKey: "sk-test", BaseURL: f.BaseURL(), Model: model, Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	return c, f
}

func TestStreamingAsksForUsage(t *testing.T) {
	c, f := startModel(t, llmtest.TestModel)
	f.Push(llmtest.Reply{Kind: llmtest.OK, Text: "a quiet beach at golden hour"})
	req := llm.Request{Messages: []llm.Message{{Role: llm.RoleUser, Content: "a beach"}}, OnToken: func(string) {}}
	resp, err := c.Chat(t.Context(), req)
	if err != nil {
		t.Fatal(err)
	}
	so, _ := f.LastCall().Body["stream_options"].(map[string]any)
	if so["include_usage"] != true || resp.Usage.OutputTokens != 6 || resp.Usage.InputTokens != 20 {
		t.Errorf("stream_options %v, usage %+v; want include_usage and the usage chunk's counts", so, resp.Usage)
	}
	// Not streamed: no stream_options (the API refuses them then).
	if _, err := c.Chat(t.Context(), llm.Request{Messages: req.Messages}); err != nil {
		t.Fatal(err)
	}
	if _, ok := f.LastCall().Body["stream_options"]; ok {
		t.Error("stream_options sent without stream")
	}
}

func TestRefusalIsAContentPolicyError(t *testing.T) {
	for _, stream := range []bool{false, true} {
		c, f := startModel(t, llmtest.TestModel)
		f.Push(llmtest.Reply{Kind: llmtest.Refusal, Text: "I'm sorry, I can't help with that."})
		req := llm.Request{Messages: []llm.Message{{Role: llm.RoleUser, Content: "something"}}}
		if stream {
			req.OnToken = func(string) {}
		}
		_, err := c.Chat(t.Context(), req)
		if easel.ErrorCode(err) != easel.EPERMANENT || !strings.Contains(err.Error(), "content policy") || !strings.Contains(err.Error(), "can't help") {
			t.Errorf("stream=%v: %v (%s); want EPERMANENT naming the content policy and the refusal", stream, err, easel.ErrorCode(err))
		}
	}
}

func TestReasoningEffortLow(t *testing.T) {
	c, f := startModel(t, "gpt-5.4-mini")
	f.Push(llmtest.Reply{Kind: llmtest.OK, Text: "a quiet beach at golden hour"})
	// 60 tokens would all go to medium reasoning (1024) and the reply
	// would come back empty, cut at "length".
	resp, err := c.Chat(t.Context(), llm.Request{Messages: []llm.Message{{Role: llm.RoleUser, Content: "a beach"}}, MaxTokens: 60})
	if err != nil {
		t.Fatal(err)
	}
	body := f.LastCall().Body
	if body["reasoning_effort"] != "low" || fmt.Sprint(body["max_completion_tokens"]) != fmt.Sprint(60+openai.ReasoningRoom) {
		t.Errorf("reasoning_effort %v, max_completion_tokens %v; want low and %d", body["reasoning_effort"], body["max_completion_tokens"], 60+openai.ReasoningRoom)
	}
	if resp.Text == "" || resp.FinishReason != "stop" {
		t.Errorf("reply %q, finish %q; want the text", resp.Text, resp.FinishReason)
	}

	// A model that does not reason is sent neither.
	c, f = startModel(t, llmtest.TestModel)
	if _, err := c.Chat(t.Context(), llm.Request{Messages: []llm.Message{{Role: llm.RoleUser, Content: "a beach"}}, MaxTokens: 60}); err != nil {
		t.Fatal(err)
	}
	if body := f.LastCall().Body; body["reasoning_effort"] != nil || fmt.Sprint(body["max_completion_tokens"]) != "60" {
		t.Errorf("non-reasoning model sent %v", body)
	}
}

// TestReasoningModelsRefuseTemperature: the fake refuses a temperature
// other than 1 from a reasoning model without being told to, as OpenAI
// does; the client sends it again without and remembers.
func TestReasoningModelsRefuseTemperature(t *testing.T) {
	c, f := startModel(t, "gpt-5.4-mini")
	temp := 0.7
	for range 2 {
		if _, err := c.Chat(t.Context(), llm.Request{Messages: []llm.Message{{Role: llm.RoleUser, Content: "a beach"}}, Temperature: &temp}); err != nil {
			t.Fatal(err)
		}
		if v, ok := f.LastCall().Body["temperature"]; ok {
			t.Errorf("temperature %v reached a reasoning model", v)
		}
	}
	c, f = startModel(t, llmtest.TestModel)
	if _, err := c.Chat(t.Context(), llm.Request{Messages: []llm.Message{{Role: llm.RoleUser, Content: "a beach"}}, Temperature: &temp}); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(f.LastCall().Body["temperature"]) != "0.7" {
		t.Errorf("a model that takes temperature got %v", f.LastCall().Body["temperature"])
	}
}

func TestReasons(t *testing.T) {
	for m, want := range map[string]bool{"gpt-5.4-mini": true, "o3": true, "o4-mini": true, "openai/gpt-oss-20b": true, "gpt-oss:20b": true,
		"gpt-4o": false, "llama3.2": false, "qwen3:8b": false, "test-model": false} {
		if openai.Reasons(m) != want {
			t.Errorf("Reasons(%q) = %v; want %v", m, !want, want)
		}
	}
}

package anthropic_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/easel-art/easel/llm"
	"github.com/easel-art/easel/llm/anthropic"
	"github.com/easel-art/easel/llm/llmtest"
)

// TestEffortForPromptWriting: a model that thinks (the default, claude-
// sonnet-5-5, is one) at its default high effort spends the default
// max_tokens on thinking and answers nothing; the client asks for low
// effort so the prompt is written. Models without effort are sent none.
func TestEffortForPromptWriting(t *testing.T) {
	for _, tt := range []struct {
		model, want string
	}{
		{anthropic.DefaultModel, "low"},
		{"claude-opus-4-8", "low"},
		{"claude-haiku-4-5", ""},
		{llmtest.TestModel, ""},
	} {
		f := llmtest.NewAnthropic(t, "sk-ant-test")
		c, err := anthropic.New(anthropic.Config{APIKey: "sk-ant-test", BaseURL: f.BaseURL(), Model: tt.model, Timeout: 5 * time.Second})
		if err != nil {
			t.Fatal(err)
		}
		f.Push(llmtest.Reply{Kind: llmtest.OK, Text: "A quiet beach at golden hour."})
		for _, stream := range []bool{false, true} {
			req := llm.Request{Messages: []llm.Message{{Role: llm.RoleUser, Content: "a beach"}}}
			if stream {
				req.OnToken = func(string) {}
			}
			resp, err := c.Chat(t.Context(), req)
			if err != nil {
				t.Fatalf("%s: %v", tt.model, err)
			}
			oc, _ := f.LastCall().Body["output_config"].(map[string]any)
			if got := fmt.Sprint(oc["effort"]); (tt.want == "" && oc["effort"] != nil) || (tt.want != "" && got != tt.want) {
				t.Errorf("%s: effort %v; want %q", tt.model, oc["effort"], tt.want)
			}
			if resp.Text == "" {
				t.Errorf("%s stream=%v: no text (stop %q): thinking ate max_tokens", tt.model, stream, resp.FinishReason)
			}
		}
	}
}

func TestTakesEffort(t *testing.T) {
	for m, want := range map[string]bool{
		"claude-sonnet-5-5": true, "claude-sonnet-5": true, "claude-fable-5": true, "claude-mythos-5": true, "claude-mythos-preview": true,
		"claude-opus-4-8": true, "claude-opus-4-5-20251101": true, "claude-sonnet-4-6": true,
		"claude-haiku-4-5": false, "claude-sonnet-4-5-20250929": false, "claude-opus-4-1": false, "test-model": false, "llama3": false,
	} {
		if anthropic.TakesEffort(m) != want {
			t.Errorf("TakesEffort(%q) = %v; want %v", m, !want, want)
		}
	}
}

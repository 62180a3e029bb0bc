package refine

import (
	"strings"
	"testing"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/llm/anthropic"
	"github.com/easel-art/easel/llm/llmtest"
	"github.com/easel-art/easel/llm/openai"
)

// TestWriteLLM refines through the OpenAI and Anthropic fakes: the model
// gets the prompt, negative, dialect rules and instruction with a schema,
// and what it answers is checked as written prompts are.
func TestWriteLLM(t *testing.T) {
	parent := Prompted{
		Idea:     "a lighthouse on a rocky coast",
		Prompt:   "A white lighthouse stands on dark rocks at dusk, its beam cutting across a violet sky, waves breaking below.",
		Negative: "blurry, text",
		Dialect:  easel.DialectNatural,
		Seed:     7,
	}
	f := llmtest.NewOpenAI(t, llmtest.TestKey)
	c, _ := openai.New(openai.Config{APIKey: llmtest.TestKey, BaseURL: f.BaseURL(), Model: llmtest.TestModel, Timeout: 5 * time.Second})
	f.Push(llmtest.Reply{Text: `{"prompt": "A white lighthouse stands on dark rocks at night, its beam cutting across a starry sky, waves breaking below.", "negative": "blurry, text, daylight", "changed": "dusk became night; the violet sky is now starry"}`})
	p, res, err := WriteLLM(t.Context(), c, parent, "make it night")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(p.Text, "night") || p.Seed != 7 || len(p.Negative) != 3 || res.Summary() != "dusk became night; the violet sky is now starry" {
		t.Errorf("got %+v, %+v", p, res)
	}
	call := f.LastCall()
	if call.Schema == nil || !strings.Contains(call.Messages[0].Content, parent.Prompt) || !strings.Contains(call.Messages[0].Content, "make it night") || !strings.Contains(call.System, "Answer only with JSON") {
		t.Errorf("request: schema %v, user %q", call.Schema != nil, call.Messages[0].Content)
	}
	for _, c2 := range []struct {
		reply, want string
		d           easel.Dialect
	}{
		{`{"prompt": "", "negative": "", "changed": ""}`, "empty prompt", ""},
		{`{"prompt": "` + parent.Prompt + `", "negative": "", "changed": "nothing"}`, "unchanged", ""},
		{`{"prompt": "A red barn in a wheat field at night.", "negative": "", "changed": "new subject"}`, "no longer mentions the lighthouse", ""},
		{`{"prompt": "` + strings.Repeat("lighthouse, night, ", 120) + `", "negative": "", "changed": "x"}`, "CLIP tokens", easel.DialectSD},
		{`Sorry, I cannot help with that.`, "did not answer", ""},
	} {
		f.Push(llmtest.Reply{Text: c2.reply})
		pp := parent
		if c2.d != "" {
			pp.Dialect = c2.d
		}
		if _, _, err := WriteLLM(t.Context(), c, pp, "make it night"); err == nil || !strings.Contains(err.Error(), c2.want) || easel.ErrorCode(err) != easel.EPERMANENT {
			t.Errorf("%.50s: %v; want EPERMANENT naming %q", c2.reply, err, c2.want)
		}
	}
	// Replacing the subject is allowed when the instruction names it.
	f.Push(llmtest.Reply{Text: `{"prompt": "A stone windmill stands on dark rocks at dusk, sails against a violet sky.", "negative": "", "changed": "the lighthouse became a windmill"}`})
	if _, _, err := WriteLLM(t.Context(), c, parent, "make the lighthouse a windmill"); err != nil {
		t.Errorf("replacing the named subject: %v", err)
	}

	fa := llmtest.NewAnthropic(t, llmtest.TestKey)
	ca, _ := anthropic.New(anthropic.Config{APIKey: llmtest.TestKey, BaseURL: fa.BaseURL(), Model: llmtest.TestModel, Timeout: 5 * time.Second})
	fa.Push(llmtest.Reply{Text: `{"prompt": "A white lighthouse stands on dark rocks at dusk in thick fog, its beam a glowing cone, waves breaking below.", "negative": "blurry", "changed": "added fog"}`})
	if p, _, err := WriteLLM(t.Context(), ca, parent, "foggy"); err != nil || !strings.Contains(p.Text, "fog") {
		t.Errorf("anthropic: %v %v", p, err)
	}
}

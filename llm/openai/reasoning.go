package openai

import (
	"strings"

	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/shared"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/llm"
)

// ReasoningRoom is how many completion tokens are added to a request's
// MaxTokens for a reasoning model: max_completion_tokens counts the hidden
// reasoning too, and a budget it eats whole ends in finish_reason "length"
// with no text at all.
const ReasoningRoom = 2048

// Reasons reports whether model is one of the reasoning families that take
// reasoning_effort (OpenAI's gpt-5 and o-series, the open gpt-oss models
// that Ollama, vLLM and llama.cpp serve). Prompt writing needs little
// thought, so those are asked for low effort; other models are sent none,
// and a server that refuses it anyway is asked again without.
func Reasons(model string) bool {
	m := strings.ToLower(model)
	if i := strings.LastIndex(m, "/"); i >= 0 {
		m = m[i+1:] // openai/gpt-oss-20b
	}
	for _, p := range []string{"gpt-5", "o1", "o3", "o4", "gpt-oss"} {
		if strings.HasPrefix(m, p) {
			return true
		}
	}
	return false
}

// callOptions are the per-call choices that a server may refuse and that
// are then dropped: low reasoning effort, and usage in a streamed reply.
type callOptions struct {
	reasoning bool
	usage     bool
}

func (o callOptions) apply(p *openai.ChatCompletionNewParams, req llm.Request) {
	if o.reasoning {
		p.ReasoningEffort = shared.ReasoningEffortLow
		if req.MaxTokens > 0 {
			p.MaxCompletionTokens = openai.Int(int64(req.MaxTokens + ReasoningRoom))
		}
	}
	if req.OnToken != nil && o.usage {
		p.StreamOptions = openai.ChatCompletionStreamOptionsParam{IncludeUsage: openai.Bool(true)}
	}
}

// refusal is the error for a model's refusal to answer (message.refusal):
// a content-policy refusal, so the idea must change, not the attempt.
func refusal(text string) error {
	return easel.Errorf(easel.EPERMANENT, "openai refused to write the prompt under its content policy: %q: reword the idea and try again", text)
}

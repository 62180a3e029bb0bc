package refine

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/llm"
	"github.com/easel-art/easel/prompt/clip"
	promptllm "github.com/easel-art/easel/prompt/llm"
	"github.com/easel-art/easel/scene"
)

// Prompted is a picture as a language model refines it: the words it was
// made from, not its Scene.
type Prompted struct {
	Idea     string
	Prompt   string
	Negative string
	Dialect  easel.Dialect
	Seed     int64
}

// maxSDTokens bounds a refined Stable Diffusion prompt: three CLIP
// chunks, past which the model pays less and less attention.
const maxSDTokens = 3 * clip.ChunkLen

const refineSystem = `You refine prompts for AI image generators, as a person steers a picture in conversation. You are given a prompt, its negative prompt and an instruction. Change what the instruction asks, and keep everything it does not name: the subject, the composition, the light, the style and as much of the wording as you can. Write the result in the same dialect, following its rules below. Answer only with JSON: {"prompt": "...", "negative": "...", "changed": "one short line saying what changed"}.

`

func refineSchema() map[string]any {
	str := map[string]any{"type": "string"}
	return map[string]any{
		"type":                 "object",
		"properties":           map[string]any{"prompt": str, "negative": str, "changed": str},
		"required":             []any{"prompt", "negative", "changed"},
		"additionalProperties": false,
	}
}

// WriteLLM asks a language model to apply instruction to the parent's
// prompt, with structured output (new prompt, negative, what changed).
// The reply is checked as written prompts are: an empty or unchanged
// prompt, one that lost the picture's subject without being asked to, or
// one over the dialect's token budget is an EPERMANENT error naming the
// problem. The Result's Changes hold the model's "what changed".
func WriteLLM(ctx context.Context, c llm.Client, parent Prompted, instruction string) (*easel.Prompt, *Result, error) {
	if err := validate(instruction); err != nil {
		return nil, nil, err
	}
	d := parent.Dialect
	if d == "" {
		d = easel.DialectNatural
	}
	user := fmt.Sprintf("Prompt:\n%s\n\nNegative prompt:\n%s\n\nInstruction:\n%s", parent.Prompt, orNone(parent.Negative), strings.TrimSpace(instruction))
	resp, err := c.Chat(ctx, llm.Request{
		System:     refineSystem + promptllm.Craft(d),
		Messages:   []llm.Message{{Role: llm.RoleUser, Content: user}},
		Schema:     refineSchema(),
		SchemaName: "refined_prompt",
		MaxTokens:  1200,
	})
	if err != nil {
		return nil, nil, err
	}
	var r struct {
		Prompt   string `json:"prompt"`
		Negative string `json:"negative"`
		Changed  string `json:"changed"`
	}
	s := strings.TrimSpace(resp.Text)
	if i, j := strings.Index(s, "{"), strings.LastIndex(s, "}"); i >= 0 && j > i {
		s = s[i : j+1]
	}
	if err := json.Unmarshal([]byte(s), &r); err != nil {
		return nil, nil, easel.Errorf(easel.EPERMANENT, "the language model did not answer with a refined prompt (%.80q): try again or rephrase the instruction", resp.Text)
	}
	text := strings.Join(strings.Fields(r.Prompt), " ")
	if err := checkRefined(parent, text, instruction, d); err != nil {
		return nil, nil, err
	}
	p := &easel.Prompt{
		Idea: parent.Idea, Text: text, Seed: parent.Seed, Writer: llm.Writer(c, resp.Model),
		Negative: splitTerms(r.Negative),
	}
	changed := strings.TrimSpace(r.Changed)
	if changed == "" {
		changed = "as asked: " + strings.TrimSpace(instruction)
	}
	return p, &Result{Idea: parent.Idea, Changes: []string{changed}}, nil
}

// checkRefined is what a refined prompt must pass.
func checkRefined(parent Prompted, text, instruction string, d easel.Dialect) error {
	switch {
	case text == "":
		return easel.Errorf(easel.EPERMANENT, "the language model returned an empty prompt: try again or rephrase the instruction")
	case strings.EqualFold(text, strings.Join(strings.Fields(parent.Prompt), " ")):
		return easel.Errorf(easel.EPERMANENT, "the language model returned the prompt unchanged: say more plainly what to change")
	}
	if d == easel.DialectSD || d == easel.DialectSDXL {
		if n := clip.PromptCount(text); n > maxSDTokens {
			return easel.Errorf(easel.EPERMANENT, "the refined prompt is %d CLIP tokens, over the %d this dialect uses: ask for a smaller change", n, maxSDTokens)
		}
	} else if words, was := len(strings.Fields(text)), len(strings.Fields(parent.Prompt)); words > 2*was+60 {
		return easel.Errorf(easel.EPERMANENT, "the refined prompt is %d words against the original's %d: ask for a smaller change", words, was)
	}
	// The subject stays unless the instruction names it (to replace it).
	sc := scene.Parse(parent.Idea)
	if len(sc.Subjects) > 0 {
		noun := strings.ToLower(sc.Subjects[0].Noun)
		low := strings.ToLower(text)
		if noun != "" && strings.Contains(strings.ToLower(parent.Prompt), noun) && !strings.Contains(low, singular(noun)) &&
			!strings.Contains(strings.ToLower(instruction), singular(noun)) {
			return easel.Errorf(easel.EPERMANENT, "the refined prompt no longer mentions the %s, which the instruction did not ask to change: try again", noun)
		}
	}
	return nil
}

// splitTerms splits a negative prompt into its terms.
func splitTerms(s string) []string {
	var out []string
	for _, t := range strings.Split(s, ",") {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}

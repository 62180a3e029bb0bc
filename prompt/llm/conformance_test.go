package promptllm_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/llm"
	"github.com/easel-art/easel/llm/llmtest"
	promptllm "github.com/easel-art/easel/prompt/llm"
	"github.com/easel-art/easel/prompt/writertest"
)

// TestConformance runs the PromptWriter conformance suite on every
// provider's fake. A language model is not deterministic, so the suite
// does not hold the writer to that.
func TestConformance(t *testing.T) {
	for _, p := range providers {
		t.Run(p.name, func(t *testing.T) {
			writertest.Run(t, func(t *testing.T) easel.PromptWriter {
				c, f := p.start(t)
				return promptllm.New(&model{Client: c, fake: f, t: t}, promptllm.Options{})
			})
		})
	}
}

// model plays a language model that follows the request: before each call
// reaches the provider's fake it reads the user message and queues a reply
// with as many prompts as were asked for, about the idea or the scene it
// was given. The call still goes through the real client and the strict
// fake, so the request itself is checked as the service would check it.
type model struct {
	llm.Client
	fake *llmtest.Fake
	t    *testing.T
}

// openings make every variation's text differ, as a model's would.
var openings = []string{
	"A wide view of %s, soft light across the scene, calm and detailed.",
	"Close-up of %s at golden hour, warm tones and a shallow depth of field.",
	"%s under a stormy sky, dramatic contrast, cool blue and grey palette.",
	"An aerial view of %s at dawn, mist in the distance, pastel colours.",
	"%s at night, lit by lanterns, deep shadows and a mysterious mood.",
	"A painterly picture of %s in spring, fresh greens and gentle light.",
	"%s seen from a low angle, towering against a pale winter sky.",
	"A watercolor of %s, loose washes of ochre and soft edges.",
	"%s in heavy fog, muted silhouettes and a hushed atmosphere.",
	"A vintage film photo of %s, grainy, faded reds and warm shadows.",
	"%s framed by a window, quiet interior light and long shadows.",
	"A bold graphic poster of %s, flat shapes in teal and orange.",
}

func (m *model) Chat(ctx context.Context, req llm.Request) (llm.Response, error) {
	if len(req.Messages) == 0 {
		m.t.Errorf("model: a request with no messages")
		return m.Client.Chat(ctx, req)
	}
	var idea, subject string
	n, written := 0, 0
	for _, line := range strings.Split(req.Messages[0].Content, "\n") {
		switch {
		case strings.HasPrefix(line, "Idea: "):
			idea = strings.TrimPrefix(line, "Idea: ")
		case strings.HasPrefix(line, "Number of prompts: "):
			n, _ = strconv.Atoi(strings.TrimPrefix(line, "Number of prompts: "))
		case strings.HasPrefix(line, "What the idea is about, as parsed: "):
			var sc easel.Scene
			if err := json.Unmarshal([]byte(strings.TrimPrefix(line, "What the idea is about, as parsed: ")), &sc); err != nil {
				m.t.Errorf("model: the scene sent is not JSON: %v", err)
			}
			subject = sc.Subject
		case strings.HasPrefix(line, "- "):
			written++ // a prompt already written, which new ones must differ from
		}
	}
	if n < 1 || written+n > len(openings) {
		m.t.Errorf("model: asked for %d prompts after %d; want 1 to %d in all", n, written, len(openings))
		n = max(min(n, len(openings)-written), 1)
	}
	what := idea
	if subject != "" {
		what = subject + " (" + idea + ")"
	}
	type prompt struct {
		Text     string           `json:"text"`
		Keywords []map[string]any `json:"keywords"`
		Negative []string         `json:"negative"`
		Scene    map[string]any   `json:"scene"`
	}
	var ps []prompt
	for i := range n {
		// A model told what it already wrote writes something new.
		text := fmt.Sprintf(openings[(written+i)%len(openings)], what)
		ps = append(ps, prompt{
			Text:     strings.ToUpper(text[:1]) + text[1:],
			Keywords: []map[string]any{{"term": what, "weight": 1.2}},
			Negative: []string{"blurry"},
			// The model leaves the subject and elements to easel, which
			// takes them from the request's scene (or the idea's).
			Scene: map[string]any{"time_of_day": "dusk", "mood": "serene", "palette": []string{"blue"}},
		})
	}
	b, err := json.Marshal(map[string]any{"prompts": ps})
	if err != nil {
		m.t.Fatal(err)
	}
	m.fake.Push(llmtest.Reply{Kind: llmtest.OK, Text: string(b)})
	return m.Client.Chat(ctx, req)
}

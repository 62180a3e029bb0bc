package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/easel-art/easel/llm/llmtest"
)

// llmReply is what a model that follows the writer's schema answers.
func llmReply(text string) string {
	b, _ := json.Marshal(map[string]any{"prompts": []map[string]any{{
		"text":     text,
		"keywords": []map[string]any{{"term": "beach", "weight": 1.2}, {"term": "sunset", "weight": 1}},
		"negative": []string{"blurry"},
		"scene": map[string]any{"subject": "a beach", "domain": "coast", "setting": "beach", "time_of_day": "sunset",
			"weather": "clear", "season": "", "mood": "serene", "palette": []string{"orange"}, "style": "photo", "view": "wide",
			"elements": []string{"beach", "sea", "sun"}},
	}}})
	return string(b)
}

const modelText = "A tranquil beach at sunset, the sun touching the horizon and washing the calm sea in orange and pink, palm silhouettes on the left, seagulls along the shore, wide and serene."

func TestPromptWithEachLLM(t *testing.T) {
	const key = "sk-test-secret-123456"
	type fake interface {
		Push(...llmtest.Reply)
		BaseURL() string
	}
	providers := []struct {
		name string
		fake func(t *testing.T) fake
		env  func(url string) map[string]string
	}{
		{"openai", func(t *testing.T) fake { return llmtest.NewOpenAI(t, key) },
			func(u string) map[string]string {
				return map[string]string{"OPENAI_BASE_URL": u, "OPENAI_API_KEY": key}
			}},
		{"anthropic", func(t *testing.T) fake { return llmtest.NewAnthropic(t, key) },
			func(u string) map[string]string {
				return map[string]string{"ANTHROPIC_BASE_URL": u, "ANTHROPIC_API_KEY": key}
			}},
		{"ollama", func(t *testing.T) fake { return llmtest.NewOllama(t) },
			func(u string) map[string]string { return map[string]string{"OLLAMA_HOST": u} }},
	}
	for _, p := range providers {
		t.Run(p.name, func(t *testing.T) {
			f := p.fake(t)
			env := home(t)
			for k, v := range p.env(f.BaseURL()) {
				env[k] = v
			}
			f.Push(llmtest.Reply{Kind: llmtest.OK, Text: llmReply(modelText)})
			r := runEasel(t, env, "prompt", "--llm", p.name+":test-model", "a beach sunset", "--json", "--seed", "3")
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			objs := ndjson(t, r.stdout)
			if len(objs) != 1 || !strings.Contains(objs[0]["prompt"].(string), "tranquil beach at sunset") {
				t.Fatalf("prompt = %v", objs)
			}
			if w := objs[0]["llm"].(string); !strings.HasPrefix(w, p.name) {
				t.Errorf("llm = %q; want %s:…", w, p.name)
			}
			// imagine renders the model's prompt on the canvas.
			f.Push(llmtest.Reply{Kind: llmtest.OK, Text: llmReply(modelText)})
			r = runEasel(t, env, "imagine", "--llm", p.name+":test-model", "a beach sunset", "--size", "64x64", "--json")
			if r.code != 0 {
				t.Fatalf("imagine exit %d: %s", r.code, r.stderr)
			}
			art := ndjson(t, r.stdout)[0]
			if !strings.Contains(art["prompt"].(string), "tranquil beach") || art["engine"] != "builtin" {
				t.Fatalf("artwork = %v", art)
			}
			if strings.Contains(r.stdout+r.stderr, key) {
				t.Fatal("the API key was printed")
			}
		})
	}
}

func TestLLMMissingKeyIsExit3(t *testing.T) {
	for _, tc := range []struct{ llm, variable string }{{"openai", "OPENAI_API_KEY"}, {"anthropic", "ANTHROPIC_API_KEY"}} {
		r := runEasel(t, home(t), "prompt", "--llm", tc.llm, "a beach sunset")
		if r.code != 3 || !strings.Contains(r.stderr, tc.variable) {
			t.Errorf("--llm %s without a key: exit %d, %q; want 3 naming %s", tc.llm, r.code, r.stderr, tc.variable)
		}
	}
	if r := runEasel(t, home(t), "prompt", "--llm", "gemini", "a fox"); r.code != 2 {
		t.Errorf("unknown llm: exit %d; want 2", r.code)
	}
	if r := runEasel(t, home(t), "prompt", "--system", "x.md", "a fox"); r.code != 2 || !strings.Contains(r.stderr, "--llm") {
		t.Errorf("--system without --llm: exit %d %q", r.code, r.stderr)
	}
}

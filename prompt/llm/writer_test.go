package promptllm_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/llm"
	"github.com/easel-art/easel/llm/anthropic"
	"github.com/easel-art/easel/llm/llmtest"
	"github.com/easel-art/easel/llm/ollama"
	"github.com/easel-art/easel/llm/openai"
	promptllm "github.com/easel-art/easel/prompt/llm"
	"github.com/easel-art/easel/retry"
)

// provider starts one provider's fake and a client for it.
type provider struct {
	name  string
	start func(t *testing.T) (llm.Client, *llmtest.Fake)
}

var providers = []provider{
	{"openai", func(t *testing.T) (llm.Client, *llmtest.Fake) {
		f := llmtest.NewOpenAI(t, llmtest.TestKey)
		c, err := openai.New(openai.Config{APIKey: llmtest.TestKey, BaseURL: f.BaseURL(), Model: llmtest.TestModel})
		if err != nil {
			t.Fatal(err)
		}
		return c, f.Fake
	}},
	{"anthropic", func(t *testing.T) (llm.Client, *llmtest.Fake) {
		f := llmtest.NewAnthropic(t, llmtest.TestKey)
		c, err := anthropic.New(anthropic.Config{APIKey: llmtest.TestKey, BaseURL: f.BaseURL(), Model: llmtest.TestModel})
		if err != nil {
			t.Fatal(err)
		}
		return c, f.Fake
	}},
	{"ollama", func(t *testing.T) (llm.Client, *llmtest.Fake) {
		f := llmtest.NewOllama(t)
		c, err := ollama.New(ollama.Config{Host: f.BaseURL(), Model: llmtest.TestModel})
		if err != nil {
			t.Fatal(err)
		}
		return c, f.Fake
	}},
}

// noSleep is a retry policy whose waits are recorded, not slept.
func noSleep(waits *[]time.Duration) retry.Policy {
	p := retry.Default()
	p.Sleep = func(ctx context.Context, d time.Duration) error {
		*waits = append(*waits, d)
		return ctx.Err()
	}
	return p
}

type fakePrompt struct {
	Text     string           `json:"text"`
	Keywords []map[string]any `json:"keywords"`
	Negative []string         `json:"negative"`
	Scene    map[string]any   `json:"scene"`
}

// reply is a model's well-formed answer with one prompt per text.
func reply(texts ...string) string {
	var ps []fakePrompt
	for _, t := range texts {
		ps = append(ps, fakePrompt{
			Text:     t,
			Keywords: []map[string]any{{"term": "beach", "weight": 1.2}, {"term": "sunset", "weight": 1}, {"term": "golden light", "weight": 3}},
			Negative: []string{"blurry", "watermark"},
			Scene: map[string]any{
				"subject": "a beach", "domain": "coast", "setting": "beach", "time_of_day": "sunset", "weather": "clear",
				"season": "", "mood": "serene", "palette": []string{"orange", "pink"}, "style": "photo", "view": "wide",
				"elements": []string{"beach", "sea", "sun", "dragonfly"},
			},
		})
	}
	b, _ := json.Marshal(map[string]any{"prompts": ps})
	return string(b)
}

var three = []string{
	"A wide beach at sunset, gentle waves catching orange light, a lone palm on the left.",
	"Golden hour over a quiet beach, wet sand mirroring a pink sky, low angle.",
	"A stormy beach at dusk, dark clouds torn by a last band of red sun, dramatic.",
}

func request(n int) easel.WriteRequest {
	return easel.WriteRequest{Idea: "a beach sunset", N: n, Seed: 42, Chaos: 30, Dialect: easel.DialectNatural, Negative: "people, text"}
}

func TestWritePrompts(t *testing.T) {
	for _, p := range providers {
		t.Run(p.name, func(t *testing.T) {
			c, f := p.start(t)
			f.Push(llmtest.Reply{Kind: llmtest.OK, Text: reply(three...)})
			w := promptllm.New(c, promptllm.Options{})
			ps, err := w.WritePrompts(t.Context(), request(3))
			if err != nil {
				t.Fatalf("WritePrompts: %v", err)
			}
			if len(ps) != 3 {
				t.Fatalf("got %d prompts; want 3", len(ps))
			}
			for i, pr := range ps {
				if pr.Text != three[i] || pr.Variation != i || pr.Seed != 42+int64(i) || pr.Chaos != 30 || pr.Idea != "a beach sunset" {
					t.Errorf("prompt %d = %+v", i, pr)
				}
				if pr.Writer != p.name+":"+llmtest.TestModel {
					t.Errorf("Writer = %q", pr.Writer)
				}
				want := []easel.Keyword{{Text: "beach", Weight: 1.2}, {Text: "sunset", Weight: 1}, {Text: "golden light", Weight: 2}}
				if !equalKeywords(pr.Keywords, want) {
					t.Errorf("Keywords = %v; want %v (weights kept within 2)", pr.Keywords, want)
				}
				if strings.Join(pr.Negative, ",") != "blurry,watermark,people,text" {
					t.Errorf("Negative = %q; want the model's terms and the person's", pr.Negative)
				}
				sc := pr.Scene
				if sc == nil || sc.TimeOfDay != "sunset" || sc.Idea != "a beach sunset" || strings.Join(sc.Elements, ",") != "beach,sea,sun" {
					t.Errorf("Scene = %+v; want the model's scene without unknown elements", sc)
				}
			}
			call := f.LastCall()
			if len(f.Calls()) != 1 {
				t.Errorf("%d calls; want 1", len(f.Calls()))
			}
			if !strings.Contains(call.System, "Dialect: natural prose") || !strings.Contains(call.System, "Write exactly 3 prompts") {
				t.Errorf("system prompt lacks the dialect or the count:\n%s", call.System)
			}
			if user := call.Messages[0].Content; !strings.Contains(user, "Idea: a beach sunset") || !strings.Contains(user, "Chaos is 30") {
				t.Errorf("user message = %q", user)
			}
			if call.Format == llm.FormatSchema && call.Schema["required"] == nil {
				t.Errorf("schema sent = %v", call.Schema)
			}
		})
	}
}

func equalKeywords(a, b []easel.Keyword) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestAskAgain checks each problem a reply can have: repaired by easel,
// fixed by asking the model again, or a clear error after the second try.
func TestAskAgain(t *testing.T) {
	notAbout := `{"prompts":[{"text":"A mountain lake under stars.","keywords":[{"term":"lake","weight":1}],"negative":[],"scene":{}}]}`
	tests := []struct {
		name    string
		replies []string
		n       int
		calls   int
		err     string // substring of the error; "" for success
		check   func(t *testing.T, ps []*easel.Prompt)
	}{
		{"code fences are repaired", []string{"```json\n" + reply(three[0]) + "\n```"}, 1, 1, "", nil},
		{"prose around JSON is repaired", []string{"Sure! Here you go:\n" + reply(three[0]) + "\nEnjoy."}, 1, 1, "", nil},
		{"extra prompts are dropped", []string{reply(three...)}, 2, 1, "", nil},
		{"bare prompt object", []string{`{"text":"` + three[0] + `"}`}, 1, 1, "", func(t *testing.T, ps []*easel.Prompt) {
			if ps[0].Scene == nil || ps[0].Scene.Domain != "coast" {
				t.Errorf("without a model scene the idea's own is used: %+v", ps[0].Scene)
			}
		}},
		{"ignored schema, then JSON", []string{"A beach at sunset, warm light.", reply(three[0])}, 1, 2, "", nil},
		{"malformed JSON, then JSON", []string{`{"prompts": [{"text": "a beach`, reply(three[0])}, 1, 2, "", nil},
		{"too few, then enough", []string{reply(three[0]), reply(three[:2]...)}, 2, 2, "", nil},
		{"empty text, then text", []string{reply(""), reply(three[0])}, 1, 2, "", nil},
		{"off subject, then on", []string{notAbout, reply(three[0])}, 1, 2, "", nil},
		{"off subject twice", []string{notAbout, notAbout}, 1, 2, "not about the idea's subject", nil},
		{"not JSON twice", []string{"I cannot do that.", "Still no."}, 1, 2, "not the JSON object", nil},
		{"same prompts are accepted after asking", []string{reply(three[0], three[0]), reply(three[0], three[0])}, 2, 2, "", nil},
		{"too long, then repaired", []string{reply(long(300)), reply(long(300))}, 1, 2, "", func(t *testing.T, ps []*easel.Prompt) {
			if n := len(strings.Fields(ps[0].Text)); n > promptllm.Budgets[easel.DialectNatural].Words {
				t.Errorf("text has %d words after repair", n)
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, f := providers[0].start(t)
			for _, r := range tc.replies {
				f.Push(llmtest.Reply{Kind: llmtest.OK, Text: r})
			}
			ps, err := promptllm.New(c, promptllm.Options{}).WritePrompts(t.Context(), request(tc.n))
			if tc.err != "" {
				llmtest.CheckError(t, err, easel.EPERMANENT, llmtest.TestKey)
				if !strings.Contains(easel.ErrorMessage(err), tc.err) {
					t.Errorf("message %q does not say %q", easel.ErrorMessage(err), tc.err)
				}
			} else if err != nil {
				t.Fatalf("WritePrompts: %v", err)
			} else if len(ps) != tc.n {
				t.Errorf("got %d prompts; want %d", len(ps), tc.n)
			}
			if got := len(f.Calls()); got != tc.calls {
				t.Errorf("%d calls; want %d", got, tc.calls)
			}
			if tc.calls == 2 {
				msgs := f.LastCall().Messages
				if len(msgs) != 3 || msgs[1].Role != llm.RoleAssistant || !strings.Contains(msgs[2].Content, "problems") {
					t.Errorf("the second call must show the model its answer and the problems: %+v", msgs)
				}
			}
			if tc.check != nil && err == nil {
				tc.check(t, ps)
			}
		})
	}
}

func long(words int) string {
	var b strings.Builder
	b.WriteString("A beach at sunset.")
	for b.Len() < words*6 {
		b.WriteString(" Waves roll in under a glowing sky.")
	}
	return b.String()
}

func TestSDKeywordsFitOneChunk(t *testing.T) {
	c, f := providers[0].start(t)
	var kws []map[string]any
	for _, w := range strings.Fields("beach sunset waves sand palm trees orange sky pink clouds golden light reflections wet sand seagulls distant sailboat lighthouse cliffs dramatic sky wide shot low angle film grain warm tones serene mood photograph 35mm lens bokeh high contrast silhouette horizon line calm sea foam shells driftwood") {
		kws = append(kws, map[string]any{"term": w + " detail", "weight": 1})
	}
	b, _ := json.Marshal(map[string]any{"prompts": []any{map[string]any{"text": three[0], "keywords": kws, "negative": []string{}, "scene": map[string]any{}}}})
	f.Push(llmtest.Reply{Kind: llmtest.OK, Text: string(b)})
	req := request(1)
	req.Dialect = easel.DialectSD
	ps, err := promptllm.New(c, promptllm.Options{}).WritePrompts(t.Context(), req)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps[0].Keywords) >= len(kws) || len(ps[0].Keywords) < 5 {
		t.Errorf("kept %d of %d keywords; want the list trimmed to one CLIP chunk", len(ps[0].Keywords), len(kws))
	}
	if ps[0].Keywords[0].Text != "beach detail" {
		t.Errorf("the most important keyword went first: %v", ps[0].Keywords[0])
	}
	if len(f.Calls()) != 1 {
		t.Errorf("%d calls; trimming keywords needs no second call", len(f.Calls()))
	}
}

func TestRetriesThroughQueue(t *testing.T) {
	for _, p := range providers {
		t.Run(p.name, func(t *testing.T) {
			c, f := p.start(t)
			f.Push(llmtest.Reply{Kind: llmtest.RateLimit, RetryAfter: "42"}, llmtest.Reply{Kind: llmtest.ServerError},
				llmtest.Reply{Kind: llmtest.OK, Text: reply(three[0])})
			var waits []time.Duration
			ps, err := promptllm.New(c, promptllm.Options{Retry: noSleep(&waits)}).WritePrompts(t.Context(), request(1))
			if err != nil || len(ps) != 1 {
				t.Fatalf("WritePrompts = %v, %v", ps, err)
			}
			if len(waits) != 2 || waits[0] != 42*time.Second {
				t.Errorf("waits = %v; want Retry-After's 42s honoured in full, then a back-off", waits)
			}
		})
	}
}

func TestNoRetry(t *testing.T) {
	tests := []struct {
		kind llmtest.Kind
		code string
	}{
		{llmtest.BadRequest, easel.EPERMANENT},
		{llmtest.Quota, easel.EPERMANENT},
		{llmtest.NotFound, easel.ECONFIG},
	}
	for _, tc := range tests {
		t.Run(tc.kind.String(), func(t *testing.T) {
			c, f := providers[0].start(t)
			f.Push(llmtest.Reply{Kind: tc.kind})
			var waits []time.Duration
			_, err := promptllm.New(c, promptllm.Options{Retry: noSleep(&waits)}).WritePrompts(t.Context(), request(1))
			llmtest.CheckError(t, err, tc.code, llmtest.TestKey)
			if len(f.Calls()) != 1 || len(waits) != 0 {
				t.Errorf("%d calls, waits %v; want no retry", len(f.Calls()), waits)
			}
		})
	}
	t.Run("wrong key", func(t *testing.T) {
		f := llmtest.NewOpenAI(t, llmtest.TestKey)
		c, _ := openai.New(openai.Config{APIKey: "sk-wrong-0123456789", BaseURL: f.BaseURL()})
		var waits []time.Duration
		_, err := promptllm.New(c, promptllm.Options{Retry: noSleep(&waits)}).WritePrompts(t.Context(), request(1))
		llmtest.CheckError(t, err, easel.ECONFIG, "sk-wrong-0123456789")
		if len(waits) != 0 {
			t.Errorf("retried a rejected key")
		}
	})
	t.Run("unavailable until attempts run out", func(t *testing.T) {
		c, f := providers[0].start(t)
		for range 4 {
			f.Push(llmtest.Reply{Kind: llmtest.ServerError})
		}
		var waits []time.Duration
		_, err := promptllm.New(c, promptllm.Options{Retry: noSleep(&waits)}).WritePrompts(t.Context(), request(1))
		llmtest.CheckError(t, err, easel.EUNAVAILABLE, llmtest.TestKey)
		if len(f.Calls()) != 4 {
			t.Errorf("%d calls; want 4 (queue's default attempts)", len(f.Calls()))
		}
	})
}

func TestStreaming(t *testing.T) {
	for _, p := range providers {
		t.Run(p.name, func(t *testing.T) {
			c, f := p.start(t)
			texts := []string{three[0], `A "quoted" beach — with café lights at sunset.`}
			f.Push(llmtest.Reply{Kind: llmtest.OK, Text: reply(texts...)})
			shown := map[int]string{}
			w := promptllm.New(c, promptllm.Options{OnText: func(pr promptllm.Progress) {
				if pr.Attempt != 1 {
					t.Errorf("attempt %d", pr.Attempt)
				}
				shown[pr.Variation] += pr.Text
			}})
			ps, err := w.WritePrompts(t.Context(), request(2))
			if err != nil {
				t.Fatal(err)
			}
			for i, pr := range ps {
				if shown[i] != pr.Text {
					t.Errorf("variation %d streamed %q; want %q", i, shown[i], pr.Text)
				}
			}
			if !f.LastCall().Stream {
				t.Errorf("the writer did not ask for a stream")
			}
		})
	}
}

func TestCustomSystem(t *testing.T) {
	c, f := providers[2].start(t)
	f.Push(llmtest.Reply{Kind: llmtest.OK, Text: reply(three[0])})
	_, err := promptllm.New(c, promptllm.Options{System: "Write like a haiku poet."}).WritePrompts(t.Context(), request(1))
	if err != nil {
		t.Fatal(err)
	}
	sys := f.LastCall().System
	if !strings.HasPrefix(sys, "Write like a haiku poet.") || strings.Contains(sys, "expert prompt writer") || !strings.Contains(sys, `"prompts"`) {
		t.Errorf("system prompt = %q; want the person's instructions and easel's reply format", sys)
	}
}

func TestManyVariations(t *testing.T) {
	c, f := providers[0].start(t)
	var first, second []string
	for i := range promptllm.MaxPerCall {
		first = append(first, three[0]+" Version "+string(rune('a'+i))+".")
	}
	second = []string{three[1], three[2]}
	f.Push(llmtest.Reply{Kind: llmtest.OK, Text: reply(first...)}, llmtest.Reply{Kind: llmtest.OK, Text: reply(second...)})
	ps, err := promptllm.New(c, promptllm.Options{}).WritePrompts(t.Context(), request(promptllm.MaxPerCall+2))
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != promptllm.MaxPerCall+2 || ps[len(ps)-1].Variation != len(ps)-1 {
		t.Fatalf("got %d prompts", len(ps))
	}
	calls := f.Calls()
	if len(calls) != 2 || !strings.Contains(calls[1].Messages[0].Content, "already written") || !strings.Contains(calls[1].Messages[0].Content, first[0]) {
		t.Errorf("the second batch must be told what was already written: %+v", calls)
	}
}

func TestInvalidRequests(t *testing.T) {
	c, f := providers[0].start(t)
	w := promptllm.New(c, promptllm.Options{})
	for _, req := range []easel.WriteRequest{{Idea: "  "}, {Idea: "a fox", Dialect: "klingon"}} {
		_, err := w.WritePrompts(t.Context(), req)
		llmtest.CheckError(t, err, easel.EINVALID, "")
	}
	if len(f.Calls()) != 0 {
		t.Errorf("an invalid request reached the model")
	}
}

func TestLoadSystem(t *testing.T) {
	dir := t.TempDir()
	good, empty := dir+"/good.txt", dir+"/empty.txt"
	writeFile(t, good, "  Be terse.\n")
	writeFile(t, empty, " \n")
	if s, err := promptllm.LoadSystem(good); err != nil || s != "Be terse." {
		t.Errorf("LoadSystem = %q, %v", s, err)
	}
	for _, p := range []string{empty, dir + "/missing.txt"} {
		_, err := promptllm.LoadSystem(p)
		llmtest.CheckError(t, err, easel.EINVALID, "")
	}
}

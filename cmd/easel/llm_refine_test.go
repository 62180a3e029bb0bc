package main

import (
	"strings"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/llm/llmtest"
)

// TestRefineAndDescribeWithLLM: refine --llm openai asks the model with
// the parent's prompt and saves what it wrote as the child's prompt;
// describe --llm anthropic sends the picture as an image block and
// prints the model's prompts; a model answering fewer than asked fails.
func TestRefineAndDescribeWithLLM(t *testing.T) {
	env := home(t)
	art := imagineOne(t, env, "a lighthouse on a rocky coast", "--seed", "4", "--size", "96x64")

	oa := llmtest.NewOpenAI(t, llmtest.TestKey)
	env["OPENAI_API_KEY"], env["OPENAI_BASE_URL"] = llmtest.TestKey, oa.BaseURL()
	oa.Push(llmtest.Reply{Text: `{"prompt": "A white lighthouse on a rocky coast at night under a starry sky, waves breaking on the rocks.", "negative": "blurry, daylight", "changed": "it is night now, with stars"}`})
	r := mustRun(t, env, "refine", art["id"].(string), "make it night", "--llm", "openai:"+llmtest.TestModel, "--json")
	k := ndjson(t, r.stdout)[0]
	if k["method"] != easel.MethodRefine || k["instruction"] != "make it night" || !strings.Contains(k["prompt"].(string), "starry sky") ||
		!strings.HasPrefix(k["writer"].(string), "openai:") || k["parent_id"] != art["id"] {
		t.Errorf("child %v", k)
	}
	if c := oa.LastCall(); !strings.Contains(c.Messages[0].Content, art["prompt"].(string)) || c.Schema == nil {
		t.Errorf("the model was not sent the parent's prompt with a schema: %q", c.Messages[0].Content)
	}

	an := llmtest.NewAnthropic(t, llmtest.TestKey)
	env["ANTHROPIC_API_KEY"], env["ANTHROPIC_BASE_URL"] = llmtest.TestKey, an.BaseURL()
	an.Push(llmtest.Reply{Text: `{"prompts": ["A lighthouse on dark rocks by the sea.", "A coastal lighthouse in soft light, wide view."]}`})
	r = mustRun(t, env, "describe", art["path"].(string), "-n", "2", "--llm", "anthropic:"+llmtest.TestModel)
	if !strings.Contains(r.stdout, "1. A lighthouse on dark rocks by the sea.") || !strings.Contains(r.stdout, "2. A coastal lighthouse") {
		t.Errorf("describe printed %q", r.stdout)
	}
	if imgs := an.LastCall().Messages[0].Images; len(imgs) != 1 || imgs[0].MediaType != "image/jpeg" {
		t.Errorf("the model got %d images", len(imgs))
	}
	an.Push(llmtest.Reply{Text: `{"prompts": ["only one"]}`})
	before := galleryCount(t, env)
	r = runLineage(t, env, "describe", art["path"].(string), "-n", "3", "--llm", "anthropic:"+llmtest.TestModel, "--imagine", "1")
	if r.code == 0 || !strings.Contains(r.stderr, "returned 1 prompts for the 3 asked") || strings.Count(r.stderr, "easel:") != 1 {
		t.Errorf("fewer prompts: exit %d, stderr %q", r.code, r.stderr)
	}
	if galleryCount(t, env) != before {
		t.Error("a failed describe saved a picture")
	}
}

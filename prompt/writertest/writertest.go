// Package writertest is a conformance suite for easel.PromptWriter: every
// prompt writer (prompt/builtin, prompt/llm on its fakes) runs it, so they
// all keep the contract documented in the root package's prompt.go.
//
// The cases: N=0 gives one prompt; N=3 gives three with Variation 0..2,
// seeds Seed+i and distinct texts, and so does N=8 (more than one call of
// a remote writer); every prompt keeps the idea and the template, has a
// text, names its writer and records the chaos; a Scene in the request is
// the Scene the prompts describe, and the writer leaves it unchanged; a
// cancelled context is an error with context.Canceled in its chain and no
// prompts; an empty idea and a negative N are EINVALID; and, for a writer
// that claims it, the same request gives the same prompts and another
// seed gives others.
//
// Each case reports to a collector rather than to *testing.T, so the
// package's own test can run the cases against broken writers and show
// that every breach is caught.
package writertest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/easel-art/easel"
)

// Option configures Run.
type Option func(*config)

type config struct {
	deterministic bool
}

// Deterministic says the writer claims that the same request always gives
// the same prompts (the built-in writer does; a language model does not).
func Deterministic() Option { return func(c *config) { c.deterministic = true } }

// Run runs the suite. newWriter returns a fresh writer for each case; it
// may set up fakes that t cleans up.
func Run(t *testing.T, newWriter func(t *testing.T) easel.PromptWriter, opts ...Option) {
	t.Helper()
	var cfg config
	for _, o := range opts {
		o(&cfg)
	}
	for _, c := range cases {
		if c.deterministicOnly && !cfg.deterministic {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			r := &report{}
			c.run(t.Context(), r, newWriter(t))
			for _, m := range r.problems {
				t.Error(m)
			}
		})
	}
}

// report collects what a case found wrong. Cases write to it rather than
// to a *testing.T so the self-test can run them against broken writers.
type report struct{ problems []string }

func (r *report) errorf(format string, args ...any) {
	r.problems = append(r.problems, fmt.Sprintf(format, args...))
}

// testCase is one check of the contract.
type testCase struct {
	name              string
	deterministicOnly bool
	run               func(ctx context.Context, r *report, w easel.PromptWriter)
}

// The requests the cases send. The idea and the scene name things the
// scene lexicon and every writer know, so no writer has an excuse.
const (
	idea     = "a fox in the snow"
	template = "a {fox|wolf} in the snow"
	// manyN is more prompts than prompt/llm asks for in one call.
	manyN = 8
)

func baseRequest(n int) easel.WriteRequest {
	return easel.WriteRequest{
		Idea:     idea,
		Template: template,
		Seed:     42,
		N:        n,
		Chaos:    30,
		Dialect:  easel.DialectNatural,
	}
}

// sceneRequest asks for a picture whose Scene says something the idea's
// words do not: a writer that parsed the idea instead would miss it.
func sceneRequest() easel.WriteRequest {
	req := baseRequest(2)
	req.Idea = "a quiet evening"
	req.Template = ""
	req.Scene = &easel.Scene{
		Idea:     "a quiet evening",
		Subject:  "a red lighthouse",
		Subjects: []easel.Subject{{Noun: "lighthouse", Adjectives: []string{"red"}, Element: "lighthouse"}},
		Domain:   "coast",
		Setting:  "rocky coast",
		Elements: []string{"lighthouse", "sea", "rocks"},
	}
	return req
}

var cases = []testCase{
	{name: "N0GivesOne", run: func(ctx context.Context, r *report, w easel.PromptWriter) {
		req := baseRequest(0)
		ps, err := w.WritePrompts(ctx, req)
		if err != nil {
			r.errorf("N=0: WritePrompts: %v", err)
			return
		}
		if len(ps) != 1 {
			r.errorf("N=0: got %d prompts; want 1", len(ps))
			return
		}
		checkPrompt(r, req, 0, ps[0])
	}},
	{name: "N3GivesThreeVariations", run: func(ctx context.Context, r *report, w easel.PromptWriter) {
		req := baseRequest(3)
		ps, err := w.WritePrompts(ctx, req)
		if err != nil {
			r.errorf("N=3: WritePrompts: %v", err)
			return
		}
		if len(ps) != 3 {
			r.errorf("N=3: got %d prompts; want 3", len(ps))
			return
		}
		seen := map[string]int{}
		for i, p := range ps {
			if !checkPrompt(r, req, i, p) {
				continue
			}
			if j, ok := seen[p.Text]; ok {
				r.errorf("N=3: variations %d and %d have the same text %q; variations must differ", j, i, p.Text)
			}
			seen[p.Text] = i
		}
	}},
	{name: "ManyVariations", run: func(ctx context.Context, r *report, w easel.PromptWriter) {
		// More than a remote writer asks for in one call: the batches must
		// join up into one run of variations.
		req := baseRequest(manyN)
		ps, err := w.WritePrompts(ctx, req)
		if err != nil {
			r.errorf("N=%d: WritePrompts: %v", manyN, err)
			return
		}
		if len(ps) != manyN {
			r.errorf("N=%d: got %d prompts; want %d", manyN, len(ps), manyN)
			return
		}
		seen := map[string]int{}
		for i, p := range ps {
			if !checkPrompt(r, req, i, p) {
				continue
			}
			if j, ok := seen[p.Text]; ok {
				r.errorf("N=%d: variations %d and %d have the same text %q", manyN, j, i, p.Text)
			}
			seen[p.Text] = i
		}
	}},
	{name: "SceneIsUsed", run: func(ctx context.Context, r *report, w easel.PromptWriter) {
		req := sceneRequest()
		before := sceneRequest().Scene
		ps, err := w.WritePrompts(ctx, req)
		if !reflect.DeepEqual(req.Scene, before) {
			// The caller's Scene may be shared (a batch, the web studio).
			r.errorf("with a Scene: the writer changed the request's Scene to %+v", *req.Scene)
		}
		if err != nil {
			r.errorf("with a Scene: WritePrompts: %v", err)
			return
		}
		if len(ps) != req.N {
			r.errorf("with a Scene: got %d prompts; want %d", len(ps), req.N)
			return
		}
		for i, p := range ps {
			checkPrompt(r, req, i, p)
			if p == nil {
				continue
			}
			sc := p.Scene
			switch {
			case sc == nil:
				r.errorf("with a Scene: prompt %d has no Scene; want the request's", i)
			case sc.Subject != req.Scene.Subject || sc.Domain != req.Scene.Domain:
				r.errorf("with a Scene: prompt %d describes subject %q in domain %q; want the request's %q in %q",
					i, sc.Subject, sc.Domain, req.Scene.Subject, req.Scene.Domain)
			case !sc.HasElement("lighthouse"):
				r.errorf("with a Scene: prompt %d's Scene has elements %q; want the request's lighthouse among them", i, sc.Elements)
			}
		}
	}},
	{name: "CancelledContext", run: func(ctx context.Context, r *report, w easel.PromptWriter) {
		ctx, cancel := context.WithCancel(ctx)
		cancel()
		ps, err := w.WritePrompts(ctx, baseRequest(3))
		if err == nil {
			r.errorf("cancelled context: no error; want one with context.Canceled in its chain")
		} else if !errors.Is(err, context.Canceled) {
			r.errorf("cancelled context: error %q (%T) does not wrap context.Canceled", err, err)
		}
		if len(ps) != 0 {
			r.errorf("cancelled context: got %d prompts with the error; want none", len(ps))
		}
	}},
	{name: "EmptyIdeaIsInvalid", run: func(ctx context.Context, r *report, w easel.PromptWriter) {
		for _, text := range []string{"", "   \t\n"} {
			req := baseRequest(1)
			req.Idea = text
			req.Template = ""
			ps, err := w.WritePrompts(ctx, req)
			if code := easel.ErrorCode(err); code != easel.EINVALID {
				r.errorf("idea %q: error %v (code %q); want %s", text, err, code, easel.EINVALID)
			}
			if len(ps) != 0 {
				r.errorf("idea %q: got %d prompts with the error; want none", text, len(ps))
			}
		}
	}},
	{name: "NegativeNIsInvalid", run: func(ctx context.Context, r *report, w easel.PromptWriter) {
		// Exactly req.N prompts cannot be written for a negative N, so the
		// only answer the contract allows is an error.
		ps, err := w.WritePrompts(ctx, baseRequest(-1))
		if code := easel.ErrorCode(err); code != easel.EINVALID {
			r.errorf("N=-1: error %v (code %q); want %s", err, code, easel.EINVALID)
		}
		if len(ps) != 0 {
			r.errorf("N=-1: got %d prompts; want none", len(ps))
		}
	}},
	{name: "Deterministic", deterministicOnly: true, run: func(ctx context.Context, r *report, w easel.PromptWriter) {
		for _, req := range []easel.WriteRequest{baseRequest(3), sceneRequest()} {
			a, err1 := w.WritePrompts(ctx, req)
			b, err2 := w.WritePrompts(ctx, req)
			if err1 != nil || err2 != nil {
				r.errorf("idea %q: WritePrompts: %v, %v", req.Idea, err1, err2)
				continue
			}
			if !reflect.DeepEqual(a, b) {
				r.errorf("idea %q: the same request gave different prompts:\n%s\nthen\n%s", req.Idea, texts(a), texts(b))
			}
			// Another seed is another request: a writer that ignores the
			// seed is not deterministic, it is constant.
			other := req
			other.Seed++
			c, err := w.WritePrompts(ctx, other)
			if err != nil {
				r.errorf("idea %q, seed %d: WritePrompts: %v", req.Idea, other.Seed, err)
				continue
			}
			if len(a) > 0 && len(c) > 0 && reflect.DeepEqual(texts(a), texts(c)) {
				r.errorf("idea %q: seeds %d and %d gave the same texts; the seed must matter", req.Idea, req.Seed, other.Seed)
			}
		}
	}},
}

// checkPrompt checks what every prompt must have: variation i of req. It
// reports false when p is nil.
func checkPrompt(r *report, req easel.WriteRequest, i int, p *easel.Prompt) bool {
	if p == nil {
		r.errorf("prompt %d is nil", i)
		return false
	}
	if p.Idea != req.Idea {
		r.errorf("prompt %d: Idea = %q; want the request's %q", i, p.Idea, req.Idea)
	}
	if p.Template != req.Template {
		r.errorf("prompt %d: Template = %q; want the request's %q", i, p.Template, req.Template)
	}
	if strings.TrimSpace(p.Text) == "" {
		r.errorf("prompt %d: Text is empty", i)
	}
	if p.Writer == "" {
		r.errorf("prompt %d: Writer is empty; want the writer's name", i)
	}
	if p.Chaos != req.Chaos {
		r.errorf("prompt %d: Chaos = %d; want the request's %d", i, p.Chaos, req.Chaos)
	}
	if p.Variation != i {
		r.errorf("prompt %d: Variation = %d; want %d", i, p.Variation, i)
	}
	if want := req.Seed + int64(i); p.Seed != want {
		r.errorf("prompt %d: Seed = %d; want Seed+%d = %d", i, p.Seed, i, want)
	}
	return true
}

func texts(ps []*easel.Prompt) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		if p != nil {
			out[i] = p.Text
		}
	}
	return out
}

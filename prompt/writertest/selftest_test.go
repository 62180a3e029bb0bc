package writertest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/easel-art/easel"
)

// ref is a small writer that keeps the contract. Its break hooks turn it
// into the broken writers the suite must catch.
type ref struct {
	// ignoreCtx writes prompts even when the context is cancelled.
	ignoreCtx bool
	// noCheck accepts any idea and any N.
	noCheck bool
	// vary makes every call's texts differ: a writer that is not
	// deterministic.
	vary  bool
	calls int
	// after changes what a correct writer would return.
	after func(req easel.WriteRequest, ps []*easel.Prompt, err error) ([]*easel.Prompt, error)
}

func (w *ref) WritePrompts(ctx context.Context, req easel.WriteRequest) ([]*easel.Prompt, error) {
	ps, err := w.write(ctx, req)
	w.calls++
	if w.vary {
		for _, p := range ps {
			p.Text += fmt.Sprintf(" (call %d)", w.calls)
		}
	}
	if w.after != nil {
		return w.after(req, ps, err)
	}
	return ps, err
}

func (w *ref) write(ctx context.Context, req easel.WriteRequest) ([]*easel.Prompt, error) {
	if err := ctx.Err(); err != nil && !w.ignoreCtx {
		return nil, fmt.Errorf("ref writer: %w", err)
	}
	if !w.noCheck {
		if err := easel.ValidateIdeaText(req.Idea); err != nil {
			return nil, err
		}
		if req.N < 0 {
			return nil, easel.Errorf(easel.EINVALID, "bad N")
		}
	}
	n := max(req.N, 1)
	sc := req.Scene
	if sc == nil {
		sc = &easel.Scene{Idea: req.Idea, Subject: req.Idea}
	}
	var out []*easel.Prompt
	for v := range n {
		c := *sc
		out = append(out, &easel.Prompt{
			Idea:      req.Idea,
			Template:  req.Template,
			Text:      fmt.Sprintf("%s, variation %d, seed %d", sc.Subject, v, req.Seed),
			Seed:      req.Seed + int64(v),
			Variation: v,
			Chaos:     req.Chaos,
			Writer:    "ref",
			Scene:     &c,
		})
	}
	return out, nil
}

// each returns an after hook that changes every prompt written.
func each(f func(i int, p *easel.Prompt)) func(easel.WriteRequest, []*easel.Prompt, error) ([]*easel.Prompt, error) {
	return func(_ easel.WriteRequest, ps []*easel.Prompt, err error) ([]*easel.Prompt, error) {
		for i, p := range ps {
			f(i, p)
		}
		return ps, err
	}
}

func runCase(t *testing.T, name string, w easel.PromptWriter) []string {
	t.Helper()
	for _, c := range cases {
		if c.name == name {
			r := &report{}
			c.run(t.Context(), r, w)
			return r.problems
		}
	}
	t.Fatalf("no case %q", name)
	return nil
}

// TestReferencePasses checks that a writer keeping the contract passes
// every case, so a failure in a real writer is the writer's.
func TestReferencePasses(t *testing.T) {
	for _, c := range cases {
		if ps := runCase(t, c.name, &ref{}); len(ps) > 0 {
			t.Errorf("%s: the reference writer failed: %q", c.name, ps)
		}
	}
	Run(t, func(*testing.T) easel.PromptWriter { return &ref{} }, Deterministic())
}

// TestSuiteCatchesBrokenWriters checks that the suite can fail: each
// broken writer must be reported by the case that is about its breach.
func TestSuiteCatchesBrokenWriters(t *testing.T) {
	tests := []struct {
		name string
		w    *ref
		// caught is the case that must report the breach.
		caught string
		// want is a piece of the problem's message.
		want string
	}{
		{"N0GivesNone", &ref{after: func(req easel.WriteRequest, ps []*easel.Prompt, err error) ([]*easel.Prompt, error) {
			if req.N == 0 {
				return nil, err
			}
			return ps, err
		}}, "N0GivesOne", "got 0 prompts"},
		{"AlwaysOne", &ref{after: func(_ easel.WriteRequest, ps []*easel.Prompt, err error) ([]*easel.Prompt, error) {
			return ps[:1], err
		}}, "N3GivesThreeVariations", "got 1 prompts"},
		{"NilPrompt", &ref{after: func(_ easel.WriteRequest, ps []*easel.Prompt, err error) ([]*easel.Prompt, error) {
			ps[len(ps)-1] = nil
			return ps, err
		}}, "N3GivesThreeVariations", "is nil"},
		{"OneCallOnly", &ref{after: func(_ easel.WriteRequest, ps []*easel.Prompt, err error) ([]*easel.Prompt, error) {
			return ps[:min(len(ps), 6)], err
		}}, "ManyVariations", "got 6 prompts"},
		{"BatchesRepeat", &ref{after: func(_ easel.WriteRequest, ps []*easel.Prompt, err error) ([]*easel.Prompt, error) {
			for i := 6; i < len(ps); i++ {
				ps[i].Text = ps[i-6].Text
			}
			return ps, err
		}}, "ManyVariations", "same text"},
		{"VariationAlwaysZero", &ref{after: each(func(_ int, p *easel.Prompt) { p.Variation = 0 })}, "N3GivesThreeVariations", "Variation = 0; want 1"},
		{"SameTexts", &ref{after: each(func(_ int, p *easel.Prompt) { p.Text = "a fox" })}, "N3GivesThreeVariations", "same text"},
		{"IdeaDropped", &ref{after: each(func(_ int, p *easel.Prompt) { p.Idea = "" })}, "N0GivesOne", "Idea ="},
		{"IdeaTrimmedDifferently", &ref{after: each(func(_ int, p *easel.Prompt) { p.Idea = strings.ToUpper(p.Idea) })}, "N3GivesThreeVariations", "Idea ="},
		{"TemplateDropped", &ref{after: each(func(_ int, p *easel.Prompt) { p.Template = "" })}, "N0GivesOne", "Template ="},
		{"EmptyText", &ref{after: each(func(_ int, p *easel.Prompt) { p.Text = "  " })}, "N0GivesOne", "Text is empty"},
		{"NoWriter", &ref{after: each(func(_ int, p *easel.Prompt) { p.Writer = "" })}, "N0GivesOne", "Writer is empty"},
		{"ChaosNotRecorded", &ref{after: each(func(_ int, p *easel.Prompt) { p.Chaos = 0 })}, "N3GivesThreeVariations", "Chaos = 0"},
		{"SeedNotAdvanced", &ref{after: each(func(i int, p *easel.Prompt) { p.Seed -= int64(i) })}, "N3GivesThreeVariations", "Seed = 42; want Seed+1"},
		{"SceneIgnored", &ref{after: func(req easel.WriteRequest, ps []*easel.Prompt, err error) ([]*easel.Prompt, error) {
			for _, p := range ps {
				p.Scene = &easel.Scene{Idea: req.Idea, Subject: req.Idea}
			}
			return ps, err
		}}, "SceneIsUsed", "want the request's"},
		{"SceneChanged", &ref{after: func(req easel.WriteRequest, ps []*easel.Prompt, err error) ([]*easel.Prompt, error) {
			if req.Scene != nil {
				req.Scene.Elements = append(req.Scene.Elements[:0], "lighthouse", "moon")
			}
			return ps, err
		}}, "SceneIsUsed", "changed the request's Scene"},
		{"SceneDropped", &ref{after: each(func(_ int, p *easel.Prompt) { p.Scene = nil })}, "SceneIsUsed", "has no Scene"},
		{"SceneElementsLost", &ref{after: each(func(_ int, p *easel.Prompt) { p.Scene.Elements = []string{"sea"} })}, "SceneIsUsed", "lighthouse"},
		{"IgnoresCancel", &ref{ignoreCtx: true}, "CancelledContext", "no error"},
		{"CancelNotWrapped", &ref{after: func(_ easel.WriteRequest, ps []*easel.Prompt, err error) ([]*easel.Prompt, error) {
			if err != nil {
				return nil, errors.New("ref writer: " + err.Error())
			}
			return ps, err
		}}, "CancelledContext", "does not wrap context.Canceled"},
		{"PromptsWithError", &ref{ignoreCtx: true, after: func(_ easel.WriteRequest, ps []*easel.Prompt, err error) ([]*easel.Prompt, error) {
			return ps, context.Canceled
		}}, "CancelledContext", "prompts with the error"},
		{"AcceptsEmptyIdea", &ref{noCheck: true}, "EmptyIdeaIsInvalid", "want invalid"},
		{"EmptyIdeaWrongCode", &ref{after: func(req easel.WriteRequest, ps []*easel.Prompt, err error) ([]*easel.Prompt, error) {
			if err != nil {
				return nil, easel.Errorf(easel.EPERMANENT, "no")
			}
			return ps, err
		}}, "EmptyIdeaIsInvalid", `code "permanent"`},
		{"NegativeNGivesOne", &ref{noCheck: true}, "NegativeNIsInvalid", "N=-1"},
		{"NotDeterministic", &ref{vary: true}, "Deterministic", "different prompts"},
		{"IgnoresSeed", &ref{after: each(func(i int, p *easel.Prompt) { p.Text = fmt.Sprintf("%s, variation %d", p.Scene.Subject, i) })}, "Deterministic", "the seed must matter"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			problems := runCase(t, tt.caught, tt.w)
			if len(problems) == 0 {
				t.Fatalf("case %s passed a writer broken by %s", tt.caught, tt.name)
			}
			if !strings.Contains(strings.Join(problems, "\n"), tt.want) {
				t.Errorf("case %s reported %q; want a problem mentioning %q", tt.caught, problems, tt.want)
			}
		})
	}
}

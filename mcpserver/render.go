package mcpserver

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/lineage"
	"github.com/easel-art/easel/pipeline"
	"github.com/easel-art/easel/prompt/dialect"
	"github.com/easel-art/easel/scene"
)

func (s *server) imagine(ctx context.Context, req *mcp.CallToolRequest, in ImagineArgs) (*mcp.CallToolResult, *Pictures, error) {
	prompt := strings.TrimSpace(in.Prompt)
	idea := in.Idea
	if prompt == "" {
		if err := easel.ValidateIdeaText(idea); err != nil {
			return nil, nil, fail(easel.Errorf(easel.EINVALID, "%s (or give prompt, a finished prompt to render as written)", strings.TrimSuffix(easel.ErrorMessage(err), ", for example easel imagine \"a beach sunset\"")))
		}
	} else {
		if utf8.RuneCountInString(prompt) > easel.MaxIdeaLen || utf8.RuneCountInString(in.Negative) > easel.MaxIdeaLen {
			return nil, nil, fail(easel.Errorf(easel.EINVALID, "the prompt is longer than %d characters: shorten it", easel.MaxIdeaLen))
		}
		if strings.TrimSpace(idea) == "" {
			idea = ideaFromPrompt(prompt)
		}
	}
	size, err := sizeArg(in.Size, in.Aspect)
	if err != nil {
		return nil, nil, fail(err)
	}
	n, err := countArg(in.N, 1)
	if err != nil {
		return nil, nil, fail(err)
	}
	seed, err := seedArg(in.Seed)
	if err != nil {
		return nil, nil, fail(err)
	}
	var d easel.Dialect
	if in.Dialect != "" {
		if d, err = dialect.Parse(in.Dialect); err != nil {
			return nil, nil, fail(err)
		}
	}
	style, err := s.deps.Style(in.Style)
	if err != nil {
		return nil, nil, fail(err)
	}
	eng, model, err := s.engine(in.Engine)
	if err != nil {
		return nil, nil, fail(err)
	}
	verbatim := map[*easel.Prompt]pipeline.Rendered{}
	r := pipeline.Request{
		Idea:   easel.Idea{Text: idea, Style: in.Style, Negative: in.Negative},
		Engine: eng, Model: model, Size: size, Seed: seed, Prompts: 1, Images: n, Chaos: 50, Dialect: d,
	}
	p := s.pipeline(renderStage(style, verbatim))
	if prompt != "" {
		// Rendered as written: the canvas draws what the prompt says.
		pr := &easel.Prompt{Idea: idea, Text: prompt, Style: in.Style, Seed: seed, Writer: "as written", Scene: scene.Parse(prompt)}
		verbatim[pr] = pipeline.Rendered{Text: prompt, Negative: in.Negative}
		r.Prepared = []*easel.Prompt{pr}
	} else if p.Writer, err = s.writer(in.LLM); err != nil {
		return nil, nil, fail(err)
	}
	return s.run(ctx, req, p, r, nil)
}

func (s *server) vary(ctx context.Context, req *mcp.CallToolRequest, in VaryArgs) (*mcp.CallToolResult, *Pictures, error) {
	parent, err := s.artwork(ctx, in.ID)
	if err != nil {
		return nil, nil, fail(err)
	}
	strength := in.Strength
	if strength == "" {
		strength = string(lineage.Subtle)
	}
	st, err := lineage.ParseStrength(strength)
	if err != nil {
		return nil, nil, fail(err)
	}
	n, err := countArg(in.N, 2)
	if err != nil {
		return nil, nil, fail(err)
	}
	seed, err := seedArg(in.Seed)
	if err != nil {
		return nil, nil, fail(err)
	}
	eng, model, notes, err := s.parentEngine(in.Engine, parent)
	if err != nil {
		return nil, nil, fail(err)
	}
	same := parent.Engine == eng.Name()
	if model == "" && same {
		model = parent.Model
	}
	size, note := lineage.FitSize(parent.Width, parent.Height)
	notes = appendNote(notes, note)
	var d easel.Dialect
	if same {
		d = parent.Dialect
	}
	writeDialect := d
	if writeDialect == "" {
		writeDialect = eng.Capabilities().Dialect
	}
	styleName := parent.Style
	style, err := s.deps.Style(styleName)
	if err != nil {
		notes = appendNote(notes, fmt.Sprintf("the picture's style %q is not available (%s): the variations are written without it", styleName, easel.ErrorMessage(err)))
		styleName, style = "", nil
	}
	w, err := s.writer("")
	if err != nil {
		return nil, nil, fail(err)
	}
	idea := lineage.IdeaOf(parent)
	ch := st.Chaos()
	prog := newProgress(ctx, req, n+1)
	prog.report(0, "writing "+plural(n, "variation"))
	prompts, err := w.WritePrompts(ctx, easel.WriteRequest{
		Idea: idea, Template: parent.Template, Scene: lineage.VariationScene(parent, ch), Style: styleName,
		Negative: in.Negative, Seed: seed, N: n, Chaos: ch, Dialect: writeDialect,
	})
	if err != nil {
		return nil, nil, fail(err)
	}
	p := s.pipeline(renderStage(style, nil))
	p.Writer = w
	r := pipeline.Request{
		Idea:   easel.Idea{Text: idea, Template: parent.Template, Style: styleName, Negative: in.Negative},
		Engine: eng, Model: model, Size: size, Seed: seed, Images: 1, Chaos: ch, Dialect: d,
		ParentID: parent.ID, Method: st.Method(), Prepared: prompts,
	}
	if same {
		r.Steps, r.CFGScale, r.Sampler = parent.Steps, parent.CFGScale, parent.Sampler
	}
	prog.offset = 1
	return s.runWith(ctx, p, r, prog, notes)
}

func (s *server) reproduce(ctx context.Context, req *mcp.CallToolRequest, in ReproduceArgs) (*mcp.CallToolResult, *Pictures, error) {
	orig, err := s.artwork(ctx, in.ID)
	if err != nil {
		return nil, nil, fail(err)
	}
	eng, model, notes, err := s.parentEngine(in.Engine, orig)
	if err != nil {
		return nil, nil, fail(err)
	}
	set, mapped := lineage.Reproduce(orig, nil, lineage.Target{Name: eng.Name(), Caps: eng.Capabilities(), Model: model})
	notes = append(notes, mapped...)
	var d easel.Dialect
	if orig.Engine == eng.Name() {
		d = orig.Dialect
	}
	pr := &easel.Prompt{
		Idea: orig.Idea, Template: orig.Template, Text: set.Prompt, Style: orig.Style,
		Seed: set.Seed, Writer: orig.Writer, Scene: set.Scene,
	}
	// The prompt is sent as it was: the dialect stage is skipped.
	p := s.pipeline(renderStage(nil, map[*easel.Prompt]pipeline.Rendered{pr: {Text: set.Prompt, Negative: set.Negative}}))
	r := pipeline.Request{
		Idea:   easel.Idea{Text: orig.Idea, Template: orig.Template, Style: orig.Style},
		Engine: eng, Model: set.Model, Size: set.Size, Seed: set.Seed, Images: 1, Dialect: d,
		Steps: set.Steps, CFGScale: set.CFGScale, Sampler: set.Sampler,
		ParentID: orig.ID, Method: easel.MethodReproduce, Prepared: []*easel.Prompt{pr},
	}
	res, out, err := s.run(ctx, req, p, r, notes)
	if err != nil || len(out.Artworks) == 0 {
		return res, out, err
	}
	if orig.Engine == eng.Name() && out.Artworks[0].SHA256 == orig.SHA256 {
		res.Content = append(res.Content, &mcp.TextContent{Text: "identical: the file is byte for byte the original's"})
	}
	return res, out, nil
}

// parentEngine opens the engine a picture is rendered on again: spec
// when given, else the engine that made it when easel has it, else the
// default, with a note saying why.
func (s *server) parentEngine(spec string, a *easel.Artwork) (easel.Engine, string, []string, error) {
	if strings.TrimSpace(spec) != "" {
		e, model, err := s.engine(spec)
		return e, model, nil, err
	}
	if a.Engine != "" {
		if e, model, err := s.deps.Engine(a.Engine); err == nil && e != nil {
			return e, model, nil, nil
		} else if easel.ErrorCode(err) != easel.EINVALID {
			// Known but not usable here (a missing key): say so.
			return nil, "", nil, err
		}
	}
	e, model, err := s.engine("")
	var notes []string
	if err == nil && a.Engine != "" {
		notes = append(notes, fmt.Sprintf("easel has no engine %q, which made this picture: using %s (choose one with engine)", a.Engine, e.Name()))
	}
	return e, model, notes, err
}

func appendNote(notes []string, n string) []string {
	if n == "" {
		return notes
	}
	return append(notes, n)
}

// pipeline returns the pipeline the tools run, with the injected retry
// policy and the given dialect stage.
func (s *server) pipeline(stage func(*easel.Prompt, easel.Dialect, easel.Size, string) (pipeline.Rendered, error)) *pipeline.Pipeline {
	return &pipeline.Pipeline{Gallery: s.deps.Gallery, Dialect: stage, Log: s.log, Call: s.deps.Call}
}

// run runs r for one tool call, reporting progress, and returns the
// pictures as content.
func (s *server) run(ctx context.Context, req *mcp.CallToolRequest, p *pipeline.Pipeline, r pipeline.Request, notes []string) (*mcp.CallToolResult, *Pictures, error) {
	renders := max(r.Prompts, len(r.Prepared), 1)
	prog := newProgress(ctx, req, renders)
	if r.Prepared == nil {
		// Writing the prompt is one more step, before the renders.
		prog = newProgress(ctx, req, renders+1)
		prog.report(0, "writing the prompt")
		prog.offset = 1
	}
	return s.runWith(ctx, p, r, prog, notes)
}

func (s *server) runWith(ctx context.Context, p *pipeline.Pipeline, r pipeline.Request, prog *progress, notes []string) (*mcp.CallToolResult, *Pictures, error) {
	var mu sync.Mutex
	started := 0
	r.OnPrompt = func(*easel.Prompt, pipeline.Rendered) {
		mu.Lock()
		started++
		i := started
		mu.Unlock()
		prog.report(float64(i-1), fmt.Sprintf("rendering %d of %d on %s", i, prog.total-prog.offset, r.Engine.Name()))
	}
	r.Progress = func(f float64) {
		mu.Lock()
		i := started
		mu.Unlock()
		prog.report(float64(max(i-1, 0))+min(max(f, 0), 1), "")
	}
	r.OnNote = func(n string) {
		mu.Lock()
		notes = append(notes, n)
		mu.Unlock()
	}
	arts, err := p.Run(ctx, r)
	if err != nil {
		if len(arts) == 0 {
			return nil, nil, fail(err)
		}
		// What was saved stays saved: show it, and say what failed.
		notes = append(notes, fmt.Sprintf("stopped after %s: %s", plural(len(arts), "picture"), safeMessage(err)))
	}
	prog.done()
	return s.picturesResult(ctx, arts, notes, err != nil)
}

// ideaFromPrompt makes an idea out of a prompt that came without one:
// its words without A1111 weights, within the limit.
func ideaFromPrompt(text string) string {
	idea := strings.Join(strings.Fields(lineage.PlainPrompt(text)), " ")
	if r := []rune(idea); len(r) > easel.MaxIdeaLen {
		idea = string(r[:easel.MaxIdeaLen])
	}
	if idea == "" {
		idea = strings.TrimSpace(text)
	}
	return idea
}

// sizeArg resolves size or aspect into one size, 1024x1024 without either.
func sizeArg(size, aspect string) (easel.Size, error) {
	switch {
	case size != "" && aspect != "":
		return easel.Size{}, easel.Errorf(easel.EINVALID, "give size or aspect, not both")
	case size != "":
		return easel.ParseSize(size)
	case aspect != "":
		return easel.ParseAspect(aspect, easel.DefaultWidth)
	}
	return easel.Size{Width: easel.DefaultWidth, Height: easel.DefaultHeight}, nil
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

package verb

import (
	"context"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/lineage"
	"github.com/easel-art/easel/pipeline"
	"github.com/easel-art/easel/prompt/styles"
	"github.com/easel-art/easel/scene"
)

// DefaultChaos is how far variations wander when a request does not say.
const DefaultChaos = 50

// ImagineRequest asks for pictures of an idea: Variations prompts written
// from it, each rendered N times. Every field but Idea is optional.
type ImagineRequest struct {
	// Idea is a few words; with Prompts it may be empty.
	Idea string
	// Template is the dynamic-prompt template Idea was expanded from, if
	// any: it is recorded with the pictures.
	Template string
	// Style is a style preset name; Negative more things to keep out.
	Style, Negative string
	// Engine and LLM are NAME[:MODEL] specs ("" for the defaults).
	Engine, LLM string
	// Size is the picture's size (zero: 1024x1024).
	Size easel.Size
	// Seed, when negative, is chosen at random (and returned in Result).
	Seed int64
	// N is pictures per prompt, Variations prompts to write (0: 1 each).
	N, Variations int
	// Chaos is how far variations wander, 0 to 100 (nil: DefaultChaos).
	Chaos *int
	// Dialect is the prompt dialect ("" for the engine's own).
	Dialect easel.Dialect
	// Prompts, when set, are rendered as they are instead of writing new
	// ones (the studio sends the prompts a person edited).
	Prompts []PreparedPrompt
	// ParentID and Method record where the pictures came from (Method
	// defaults to easel.MethodImagine).
	ParentID, Method string
	Hooks
}

// PreparedPrompt is a prompt to render verbatim.
type PreparedPrompt struct {
	// Prompt is the canonical prompt it came from, if any (its Scene is
	// what the built-in canvas draws).
	Prompt *easel.Prompt `json:"prompt,omitempty"`
	// Text and Negative are sent to the engine exactly.
	Text     string `json:"text"`
	Negative string `json:"negative,omitempty"`
}

// imagineMethods are the methods an imagine request may record.
var imagineMethods = []string{easel.MethodImagine, easel.MethodTemplate, easel.MethodVarySubtle, easel.MethodVaryStrong, easel.MethodReproduce}

// Prepared is a checked ImagineRequest with what it needs opened, ready to
// run: faces that queue work (the server) check a request when it comes
// in and run it later.
type Prepared struct {
	pipe  *pipeline.Pipeline
	req   pipeline.Request
	style *styles.Style
	// Seed and Chaos are what the request left to easel, chosen.
	Seed  int64
	Chaos int
	// Prompts is how many prompts the run writes or renders.
	Prompts int
}

// PrepareImagine checks r and opens its engine, writer and style; every
// mistake is reported here, before anything runs.
func PrepareImagine(ctx context.Context, c *Core, r ImagineRequest) (*Prepared, error) {
	if len(r.Prompts) == 0 {
		if err := easel.ValidateIdeaText(r.Idea); err != nil {
			return nil, err
		}
	} else if strings.TrimSpace(r.Idea) == "" {
		r.Idea = IdeaFromPrompt(r.Prompts[0].Text)
	}
	if r.Size == (easel.Size{}) {
		r.Size = easel.Size{Width: easel.DefaultWidth, Height: easel.DefaultHeight}
	}
	seed := r.Seed
	if seed < 0 {
		seed = rand.Int64N(1 << 32)
	}
	chaos := DefaultChaos
	if r.Chaos != nil {
		chaos = *r.Chaos
	}
	if chaos < 0 || chaos > 100 {
		return nil, easel.Errorf(easel.EINVALID, "chaos %d is out of range: use 0 to 100", chaos)
	}
	if r.N < 0 || r.Variations < 0 || r.N > 100 || r.Variations > 100 || len(r.Prompts) > 100 {
		return nil, easel.Errorf(easel.EINVALID, "n and variations must be 1 to 100")
	}
	method := r.Method
	if method == "" {
		method = easel.MethodImagine
	}
	if !slices.Contains(imagineMethods, method) {
		return nil, easel.Errorf(easel.EINVALID, "method %q is not one imagine records: use imagine, template, vary-subtle, vary-strong or reproduce", method)
	}
	if r.ParentID != "" {
		if _, err := c.Gallery.Get(ctx, r.ParentID); err != nil {
			return nil, easel.Errorf(easel.EINVALID, "parent %q: %s", r.ParentID, easel.ErrorMessage(err))
		}
	}
	eng, model, err := c.Engine(r.Engine)
	if err != nil {
		return nil, err
	}
	style, err := c.style(r.Style)
	if err != nil {
		return nil, err
	}
	verbatim := map[*easel.Prompt]pipeline.Rendered{}
	var prepared []*easel.Prompt
	for i, pp := range r.Prompts {
		if strings.TrimSpace(pp.Text) == "" {
			return nil, easel.Errorf(easel.EINVALID, "prompt %d is empty: write something or leave it out", i+1)
		}
		if utf8.RuneCountInString(pp.Text) > easel.MaxIdeaLen || utf8.RuneCountInString(pp.Negative) > easel.MaxIdeaLen {
			return nil, easel.Errorf(easel.EINVALID, "prompt %d is longer than %d characters: shorten it", i+1, easel.MaxIdeaLen)
		}
		p := &easel.Prompt{}
		if pp.Prompt != nil {
			c := *pp.Prompt
			p = &c
		}
		p.Idea = r.Idea
		p.Text = pp.Text
		p.Variation = i
		if p.Writer == "" {
			p.Writer = "person"
		}
		if p.Scene == nil {
			p.Scene = scene.Parse(r.Idea)
		}
		prepared = append(prepared, p)
		verbatim[p] = pipeline.Rendered{Text: pp.Text, Negative: pp.Negative}
	}
	var w easel.PromptWriter
	if len(prepared) == 0 {
		if w, err = c.Writer(r.LLM); err != nil {
			return nil, err
		}
	}
	req := pipeline.Request{
		Idea:   easel.Idea{Text: r.Idea, Template: r.Template, Style: r.Style, Negative: r.Negative},
		Engine: eng, Model: model, Size: r.Size, Seed: seed,
		Prompts: max(r.Variations, 1), Images: max(r.N, 1), Chaos: chaos, Dialect: r.Dialect,
		ParentID: r.ParentID, Method: method, Prepared: prepared,
		OnPrompt: r.OnPrompt, OnArtwork: r.OnArtwork, OnNote: r.OnNote, Progress: r.Progress,
	}
	if len(prepared) > 0 {
		req.Prompts = len(prepared)
	}
	if err := req.Validate(); err != nil {
		return nil, err
	}
	return &Prepared{pipe: c.Pipeline(w, DialectStage(style, verbatim)), req: req, style: style, Seed: seed, Chaos: chaos, Prompts: req.Prompts}, nil
}

// Run runs p, telling h (not the hooks of the request it was prepared
// from) what happens; gallery and engine, when set, stand in for the
// core's (the server's resume wraps them to skip what an earlier run
// saved).
func (p *Prepared) Run(ctx context.Context, h Hooks, gallery easel.Gallery, engine func(easel.Engine) easel.Engine) (*Result, error) {
	pipe, req := p.pipe, p.req
	if gallery != nil {
		c := *pipe
		c.Gallery = gallery
		pipe = &c
	}
	if engine != nil {
		req.Engine = engine(req.Engine)
	}
	req.OnPrompt, req.OnArtwork, req.OnNote, req.Progress = h.OnPrompt, h.OnArtwork, h.OnNote, h.Progress
	arts, err := pipe.Run(ctx, req)
	return &Result{Artworks: arts, Seed: p.Seed}, err
}

// Imagine writes prompts for r.Idea (or takes r.Prompts), renders them and
// saves every picture. It stops at the first error; what was saved before
// it stays saved and is in the Result.
func Imagine(ctx context.Context, c *Core, r ImagineRequest) (*Result, error) {
	p, err := PrepareImagine(ctx, c, r)
	if err != nil {
		return nil, err
	}
	return p.Run(ctx, r.Hooks, nil, nil)
}

// IdeaFromPrompt makes an idea out of a prompt that came without one (a
// dropped A1111 picture): its words without weights, within the limit.
func IdeaFromPrompt(text string) string {
	idea := strings.Join(strings.Fields(lineage.PlainPrompt(text)), " ")
	if r := []rune(idea); len(r) > easel.MaxIdeaLen {
		idea = string(r[:easel.MaxIdeaLen])
	}
	return idea
}

// Written is what WritePrompts wrote.
type Written struct {
	// Prompts are the prompts, each rendered in Dialect.
	Prompts []Variation
	Dialect easel.Dialect
	Seed    int64
	Size    easel.Size
	// Style is the style preset applied, nil for none.
	Style *styles.Style
}

// WritePrompts writes the prompts r would render (its Prompts are
// ignored), without rendering them: the studio shows them to be edited.
func WritePrompts(ctx context.Context, c *Core, r ImagineRequest) (*Written, error) {
	r.Prompts = nil
	p, err := PrepareImagine(ctx, c, r)
	if err != nil {
		return nil, err
	}
	d := p.req.Dialect
	if d == "" {
		d = p.req.Engine.Capabilities().Dialect
	}
	ps, err := p.pipe.Writer.WritePrompts(ctx, easel.WriteRequest{
		Idea: r.Idea, Template: r.Template, Style: r.Style, Negative: r.Negative, Seed: p.Seed,
		N: p.req.Prompts, Chaos: p.Chaos, Dialect: d,
	})
	if err != nil {
		return nil, err
	}
	w := &Written{Dialect: d, Seed: p.Seed, Size: p.req.Size, Style: p.style}
	for _, pr := range ps {
		rend, err := p.pipe.Dialect(pr, d, p.req.Size, r.Negative)
		if err != nil {
			return nil, err
		}
		w.Prompts = append(w.Prompts, Variation{Prompt: pr, Dialect: d, Rendered: rend})
	}
	return w, nil
}

// Package pipeline is the one place that runs the stages in order: idea →
// prompts (a PromptWriter) → engine text (a dialect) → pictures (an Engine)
// → PNG with metadata → gallery. Commands and the server call it; they do
// not re-implement any stage.
package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/pngmeta"
)

// Pipeline holds the stages. Every field but Log and Now is required.
type Pipeline struct {
	Writer  easel.PromptWriter
	Gallery easel.Gallery
	// Dialect renders a canonical prompt into the text an engine is sent.
	Dialect DialectFunc
	Log     *slog.Logger
	Now     func() time.Time
	// Call makes each engine call; nil calls the engine once, directly.
	// Every face passes the same one (see verb.Core): through the engine's
	// limiter and the retry policy, within a deadline.
	Call Call
}

// Call makes one engine call on behalf of a pipeline. It is a function so
// this package does not import queue, whose workers run pipelines.
type Call func(ctx context.Context, eng easel.Engine, req *easel.RenderRequest) (*easel.RenderResult, error)

// DialectFunc renders a canonical prompt into the text an engine is sent.
type DialectFunc func(p *easel.Prompt, d easel.Dialect, size easel.Size, negative string) (Rendered, error)

// Rendered is a prompt in an engine's dialect.
type Rendered struct {
	Text     string
	Negative string
}

// Request is one `imagine`: an idea, N prompt variations, each rendered
// Images times.
type Request struct {
	Idea     easel.Idea
	Engine   easel.Engine
	Model    string
	Size     easel.Size
	Seed     int64
	Prompts  int // variations to write (default 1)
	Images   int // pictures per prompt (default 1)
	Chaos    int
	Dialect  easel.Dialect // "" for the engine's own
	ParentID string
	Method   string // default easel.MethodImagine
	// Instruction is what refine was asked, recorded on each artwork.
	Instruction string
	// Steps, CFGScale and Sampler are diffusion settings passed to the
	// engine as they are (0 or "" for its defaults), so a reproduction
	// uses those of the original.
	Steps    int
	CFGScale float64
	Sampler  string
	// Prepared, when set, skips writing: these prompts are rendered as they are.
	Prepared []*easel.Prompt

	// OnPrompt is told about each prompt as soon as it is written, with
	// the text the engine will be sent.
	OnPrompt func(p *easel.Prompt, r Rendered)
	// OnArtwork is told about each artwork as soon as it is saved.
	OnArtwork func(a *easel.Artwork)
	// Progress, if set, is passed to the engine.
	Progress func(fraction float64)
	// OnNote, if set, is told what the engine changed from the request
	// (such as a size it does not offer).
	OnNote func(note string)
}

// Validate reports what is wrong with r before anything runs.
func (r *Request) Validate() error {
	if err := easel.ValidateIdeaText(r.Idea.Text); err != nil {
		return err
	}
	if err := r.Size.Validate(); err != nil {
		return err
	}
	if r.Seed < 0 {
		return easel.Errorf(easel.EINVALID, "seed %d is negative: use 0 or more", r.Seed)
	}
	if r.Engine == nil {
		return easel.Errorf(easel.EINVALID, "no engine: pass --engine builtin")
	}
	if r.Images > 100 || r.Prompts > 100 {
		return easel.Errorf(easel.EINVALID, "at most 100 images and 100 variations at a time: use easel batch for more")
	}
	return nil
}

// Run writes the prompts, renders them and saves every picture. It stops
// at the first error; what was saved before it stays saved.
func (p *Pipeline) Run(ctx context.Context, r Request) ([]*easel.Artwork, error) {
	r.Prompts = max(r.Prompts, 1)
	r.Images = max(r.Images, 1)
	if r.Method == "" {
		r.Method = easel.MethodImagine
	}
	if err := r.Validate(); err != nil {
		return nil, err
	}
	caps := r.Engine.Capabilities()
	d := r.Dialect
	if d == "" {
		d = caps.Dialect
	}
	prompts := r.Prepared
	if prompts == nil {
		var err error
		prompts, err = p.Writer.WritePrompts(ctx, easel.WriteRequest{
			Idea: r.Idea.Text, Template: r.Idea.Template, Style: r.Idea.Style, Negative: r.Idea.Negative,
			Seed: r.Seed, N: r.Prompts, Chaos: r.Chaos, Dialect: d,
		})
		if err != nil {
			return nil, err
		}
	}
	var out []*easel.Artwork
	for i, pr := range prompts {
		rend, err := p.Dialect(pr, d, r.Size, r.Idea.Negative)
		if err != nil {
			return out, err
		}
		if !caps.Negative && !caps.Local {
			// A remote engine that takes no negative prompt is not sent one,
			// and the artwork records exactly what was sent. (The canvas keeps
			// the written negative so the picture can be remade on an engine
			// that honours it.)
			rend.Negative = ""
		}
		if r.OnPrompt != nil {
			r.OnPrompt(pr, rend)
		}
		// Each variation gets its own block of seeds, so -v 2 -n 2 makes four different pictures.
		seed := r.Seed + int64(i*r.Images)
		arts, err := p.render(ctx, r, pr, rend, d, seed)
		out = append(out, arts...)
		if err != nil {
			return out, err
		}
	}
	return out, nil
}

// render makes r.Images pictures of one prompt, in as many engine calls
// as the engine's MaxN requires, saving each as soon as it exists.
func (p *Pipeline) render(ctx context.Context, r Request, pr *easel.Prompt, rend Rendered, d easel.Dialect, seed int64) ([]*easel.Artwork, error) {
	per := r.Images
	if m := r.Engine.Capabilities().MaxN; m > 0 && per > m {
		per = m
	}
	var out []*easel.Artwork
	for done := 0; done < r.Images; done += per {
		n := min(per, r.Images-done)
		arts, err := p.renderCall(ctx, r, pr, rend, d, seed+int64(done), n)
		out = append(out, arts...)
		if err != nil {
			return out, err
		}
	}
	return out, nil
}

func (p *Pipeline) renderCall(ctx context.Context, r Request, pr *easel.Prompt, rend Rendered, d easel.Dialect, seed int64, n int) ([]*easel.Artwork, error) {
	arts, pngs, elapsed, err := p.callEngine(ctx, p.Call, r, pr, rend, d, seed, n)
	if err != nil {
		return nil, err
	}
	var out []*easel.Artwork
	for i, a := range arts {
		if err := p.Gallery.Add(ctx, a, pngs[i]); err != nil {
			return out, err
		}
		if p.Log != nil {
			p.Log.Info("saved artwork", easel.LogKeyArtworkID, a.ID, easel.LogKeyEngine, a.Engine, easel.LogKeyElapsed, elapsed)
		}
		if r.OnArtwork != nil {
			r.OnArtwork(a)
		}
		out = append(out, a)
	}
	return out, nil
}

// callEngine makes one engine call for n pictures of a prompt, through
// call (nil: the engine directly), and returns their records and PNGs
// with metadata, not yet saved, and how long the call took (ms). Imagine
// saves each at once (renderCall); a batch job saves them together with
// the job (RunJob).
func (p *Pipeline) callEngine(ctx context.Context, call Call, r Request, pr *easel.Prompt, rend Rendered, d easel.Dialect, seed int64, n int) ([]*easel.Artwork, [][]byte, int64, error) {
	now := time.Now
	if p.Now != nil {
		now = p.Now
	}
	if call == nil {
		call = func(ctx context.Context, e easel.Engine, rr *easel.RenderRequest) (*easel.RenderResult, error) {
			return e.Render(ctx, rr)
		}
	}
	start := now()
	res, err := call(ctx, r.Engine, &easel.RenderRequest{
		Prompt: rend.Text, Negative: rend.Negative, Scene: pr.Scene, Style: sceneStyle(pr),
		Seed: seed, Width: r.Size.Width, Height: r.Size.Height, Model: r.Model, N: n,
		Steps: r.Steps, CFGScale: r.CFGScale, Sampler: r.Sampler,
		Progress: r.Progress,
	})
	if err != nil {
		return nil, nil, 0, fmt.Errorf("%s: %w", r.Engine.Name(), err)
	}
	if len(res.Images) != n {
		return nil, nil, 0, easel.Errorf(easel.EUNAVAILABLE, "%s returned %d images for %d asked", r.Engine.Name(), len(res.Images), n)
	}
	elapsed := now().Sub(start).Milliseconds()
	if r.OnNote != nil {
		for _, n := range res.Notes {
			r.OnNote(n)
		}
	}
	w, h := r.Size.Width, r.Size.Height
	if res.Width > 0 && res.Height > 0 {
		w, h = res.Width, res.Height
	}
	arts := make([]*easel.Artwork, 0, n)
	pngs := make([][]byte, 0, n)
	for _, img := range res.Images {
		a := artworkOf(r, pr, rend, d, res, img, w, h, elapsed)
		png, err := withMetadata(img.PNG, a)
		if err != nil {
			return nil, nil, 0, err
		}
		arts = append(arts, a)
		pngs = append(pngs, png)
	}
	return arts, pngs, elapsed, nil
}

// artworkOf is the gallery record of one picture an engine returned.
func artworkOf(r Request, pr *easel.Prompt, rend Rendered, d easel.Dialect, res *easel.RenderResult, img easel.RenderedImage, w, h int, elapsed int64) *easel.Artwork {
	return &easel.Artwork{
		Idea: r.Idea.Text, Template: r.Idea.Template,
		Prompt: rend.Text, NegativePrompt: rend.Negative,
		Dialect: d, Style: pr.Style, Writer: pr.Writer,
		Engine: r.Engine.Name(), Model: res.Model,
		Seed: img.Seed, Width: w, Height: h,
		Steps: res.Steps, CFGScale: res.CFGScale, Sampler: res.Sampler,
		RevisedPrompt: img.RevisedPrompt, EngineInfo: img.Info,
		Scene: pr.Scene, ParentID: r.ParentID, Method: r.Method, Instruction: r.Instruction,
		CostUSD: res.CostUSD / float64(len(res.Images)), ElapsedMS: elapsed,
	}
}

func sceneStyle(p *easel.Prompt) string {
	if p.Scene != nil && p.Scene.Style != "" {
		return p.Scene.Style
	}
	return p.Style
}

// Metadata is easel's own record inside the PNG (the `easel` iTXt chunk).
// It holds only what reproduces the picture: no id, time, path or lineage
// (the gallery keeps those), so the same seed and options give the same
// bytes, and a reproduction is byte-identical; never a secret.
type Metadata struct {
	Version        string        `json:"easel_version"`
	Idea           string        `json:"idea"`
	Template       string        `json:"template,omitempty"`
	Prompt         string        `json:"prompt"`
	NegativePrompt string        `json:"negative_prompt,omitempty"`
	Dialect        easel.Dialect `json:"dialect,omitempty"`
	Style          string        `json:"style,omitempty"`
	Writer         string        `json:"writer,omitempty"`
	Engine         string        `json:"engine"`
	Model          string        `json:"model,omitempty"`
	Seed           int64         `json:"seed"`
	Width          int           `json:"width"`
	Height         int           `json:"height"`
	Steps          int           `json:"steps,omitempty"`
	CFGScale       float64       `json:"cfg_scale,omitempty"`
	Sampler        string        `json:"sampler,omitempty"`
	RevisedPrompt  string        `json:"revised_prompt,omitempty"`
	Scene          *easel.Scene  `json:"scene,omitempty"`
}

// MetadataOf returns the PNG metadata record of a.
func MetadataOf(a *easel.Artwork) Metadata {
	return Metadata{
		Version: easel.Version, Idea: a.Idea, Template: a.Template, Prompt: a.Prompt,
		NegativePrompt: a.NegativePrompt, Dialect: a.Dialect, Style: a.Style, Writer: a.Writer,
		Engine: a.Engine, Model: a.Model, Seed: a.Seed, Width: a.Width, Height: a.Height,
		Steps: a.Steps, CFGScale: a.CFGScale, Sampler: a.Sampler, RevisedPrompt: a.RevisedPrompt,
		Scene: a.Scene,
	}
}

// withMetadata returns png with the A1111 `parameters` chunk and easel's
// own JSON chunk added.
func withMetadata(png []byte, a *easel.Artwork) ([]byte, error) {
	js, err := json.Marshal(MetadataOf(a))
	if err != nil {
		return nil, fmt.Errorf("png metadata: %w", err)
	}
	out, err := pngmeta.Write(png, a.Prompt, a.NegativePrompt, Infotext(a), js)
	if err != nil {
		return nil, fmt.Errorf("png metadata: %w", err)
	}
	return out, nil
}

// Infotext returns the A1111 parameter line for a, in A1111's order.
func Infotext(a *easel.Artwork) pngmeta.Params {
	ps := pngmeta.ParamsFor(a)
	if a.Template != "" {
		// dynamic-prompts records its template the same way.
		ps.Set("Template", a.Template)
	}
	return ps
}

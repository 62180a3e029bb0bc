// Package verb holds easel's verbs: imagine, vary and reproduce, each one
// function that takes a plain request, opens what it names, runs the
// pipeline and returns the pictures and the notes. The command line, the
// HTTP server and the MCP server call these functions; none of them
// re-implements a verb, so the same request makes the same pictures
// whichever face it came through.
//
// A new verb (edit, upscale, refine, describe…) takes the same shape:
//
//	func Edit(ctx context.Context, c *Core, r EditRequest) (*Result, error)
//
// where the request is a plain struct of strings and numbers (engine and
// writer as NAME[:MODEL] specs, zero values meaning the defaults),
// embedding Hooks for progress, and the Result lists what was saved and
// what easel changed or could not do (Notes). Errors are easel.Errors:
// EINVALID for bad input, reported before anything is saved or paid for.
package verb

import (
	"context"
	"log/slog"
	"slices"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/describe"
	"github.com/easel-art/easel/lineage"
	"github.com/easel-art/easel/llm"
	"github.com/easel-art/easel/pipeline"
	"github.com/easel-art/easel/prompt/dialect"
	"github.com/easel-art/easel/prompt/styles"
	"github.com/easel-art/easel/refine"
)

// Core is what every verb runs on: the gallery, how to open engines,
// writers and styles, and how engine calls are made. A process builds one
// (cmd/easel's app.core) and hands it to each face; Pipeline is the one
// place a pipeline.Pipeline is built.
type Core struct {
	// Gallery keeps the pictures. Required.
	Gallery easel.Gallery
	// Engine opens an engine spec, NAME[:MODEL] ("" for the default), and
	// returns the engine and the model to ask it for. Required.
	Engine func(spec string) (easel.Engine, string, error)
	// Engines names the engines Engine knows: a picture made on another
	// one is varied or reproduced on the built-in canvas, with a note.
	Engines []string
	// Writer opens a prompt writer spec, NAME[:MODEL] ("" for the
	// default). Required.
	Writer func(spec string) (easel.PromptWriter, error)
	// LLM opens a language model spec, NAME[:MODEL], for the verbs that
	// talk to one directly (refine and describe with a model); nil means
	// none is available.
	LLM func(spec string) (llm.Client, error)
	// Style returns the style preset called name (nil, nil for ""); nil
	// Style means the built-in presets only.
	Style func(name string) (*styles.Style, error)
	// Call makes every engine call: through the engine's limiter and the
	// retry policy, within a deadline (see queue.Limiters.Render). Nil
	// calls the engine once, directly: for tests only.
	Call pipeline.Call
	// Log receives operator logs; nil discards them.
	Log *slog.Logger
}

// Hooks tell a face what happens while a verb runs; each may be nil.
type Hooks struct {
	// OnPrompt is told about each prompt once it is written, with the text
	// the engine will be sent.
	OnPrompt func(p *easel.Prompt, r pipeline.Rendered)
	// OnArtwork is told about each artwork as soon as it is saved.
	OnArtwork func(a *easel.Artwork)
	// OnNote is told what easel changed from the request or could not
	// carry over (a size the engine does not offer, a setting another
	// engine has no use for). Notes found before the work starts are held
	// until it is under way, so that bad input gets one error and nothing
	// else; they are all in Result.Notes too.
	OnNote func(note string)
	// Progress, if set, is passed to the engine (0 to 1 per call).
	Progress func(fraction float64)
}

// Result is what a verb made.
type Result struct {
	// Artworks are the saved pictures, in order.
	Artworks []*easel.Artwork
	// Notes are what easel changed or could not do, in order.
	Notes []string
	// Seed is the seed the verb used (chosen at random when not given).
	Seed int64
	// Parent is the picture varied or reproduced (imported into the
	// gallery when it was a PNG file from elsewhere).
	Parent *easel.Artwork `json:",omitempty"`
	// Variations are the prompts of a prompt-only vary, rendered for the
	// engine.
	Variations []Variation `json:",omitempty"`
	// Refine, for a refine, is what the instruction changed.
	Refine *refine.Result `json:",omitempty"`
	// Described, for a describe, is what was read from the picture: the
	// prompts (rendered in Variations, in the same order), the metadata
	// or the offline analysis.
	Described *describe.Result `json:",omitempty"`
	// Size, for a refine, is the size rendered at.
	Size easel.Size `json:",omitempty"`
	// Identical, for a reproduction on the engine that made the original,
	// says whether the pixels are the same; nil when not compared.
	Identical *bool `json:",omitempty"`
}

// Variation is one written prompt and the text the engine would be sent.
type Variation struct {
	Prompt *easel.Prompt
	// Dialect is the dialect it was written and rendered in.
	Dialect easel.Dialect
	pipeline.Rendered
}

// Pipeline returns the pipeline that writes with w and renders through
// stage (nil: the engine's dialect, without a style), making engine calls
// through c.Call.
func (c *Core) Pipeline(w easel.PromptWriter, stage pipeline.DialectFunc) *pipeline.Pipeline {
	if stage == nil {
		stage = DialectStage(nil, nil)
	}
	return &pipeline.Pipeline{Writer: w, Gallery: c.Gallery, Dialect: stage, Log: c.Log, Call: c.Call}
}

// DialectStage is the pipeline's dialect stage: prompts in verbatim go out
// exactly as written (prompts a person edited), the others are rendered
// in the engine's dialect with style.
func DialectStage(style *styles.Style, verbatim map[*easel.Prompt]pipeline.Rendered) pipeline.DialectFunc {
	return func(p *easel.Prompt, d easel.Dialect, size easel.Size, negative string) (pipeline.Rendered, error) {
		if v, ok := verbatim[p]; ok {
			return v, nil
		}
		r, err := dialect.Render(p, d, dialect.Options{Width: size.Width, Height: size.Height, Seed: p.Seed, Style: style, ExtraNegative: negative})
		if err != nil {
			return pipeline.Rendered{}, err
		}
		return pipeline.Rendered{Text: r.Text, Negative: r.Negative}, nil
	}
}

func (c *Core) style(name string) (*styles.Style, error) {
	if name == "" {
		return nil, nil
	}
	if c.Style != nil {
		return c.Style(name)
	}
	st, err := styles.Get(name)
	if err != nil {
		return nil, err
	}
	return &st, nil
}

// knows reports whether c has an engine called name.
func (c *Core) knows(name string) bool {
	return slices.ContainsFunc(c.Engines, func(n string) bool { return strings.EqualFold(n, name) })
}

// notes holds a verb's notes until its work is under way.
type notes struct {
	hook     func(string)
	all      []string
	held     []string
	released bool
}

func (n *notes) add(s string) {
	if s == "" {
		return
	}
	n.all = append(n.all, s)
	if n.released {
		if n.hook != nil {
			n.hook(s)
		}
		return
	}
	n.held = append(n.held, s)
}

// release passes the notes held so far to the hook; later ones pass at once.
func (n *notes) release() {
	if n.released {
		return
	}
	n.released = true
	if n.hook != nil {
		for _, s := range n.held {
			n.hook(s)
		}
	}
	n.held = nil
}

// failed returns err, releasing the notes first when they may explain a
// failure at run time (not for bad input, whose message says it all).
func (n *notes) failed(err error) error {
	switch easel.ErrorCode(err) {
	case easel.EINVALID, easel.ENOTFOUND:
	default:
		n.release()
	}
	return err
}

// resolve returns what a request names: parent when set, else ref read
// by lineage.Resolve.
func resolve(ctx context.Context, c *Core, parent *easel.Artwork, ref string) (*lineage.Ref, error) {
	if parent != nil {
		return &lineage.Ref{Kind: lineage.RefGallery, Art: parent}, nil
	}
	return lineage.Resolve(ctx, c.Gallery, ref)
}

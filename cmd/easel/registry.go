package main

import (
	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine"
	"github.com/easel-art/easel/engine/canvas"
	"github.com/easel-art/easel/pipeline"
	"github.com/easel-art/easel/prompt/builtin"
	"github.com/easel-art/easel/prompt/dialect"
	"github.com/easel-art/easel/prompt/styles"
)

// This file is the one place that lists every backend easel can use.

// engines returns the registry of every image engine: the built-in
// canvas first, then the remote ones.
func engines() *engine.Registry {
	r := engine.NewRegistry()
	r.Register(engine.Factory{
		Name:    "builtin",
		Summary: "the built-in canvas: procedural painting of the scene, offline and free (not a diffusion model)",
		Open: func(getenv func(string) string, model string) (easel.Engine, error) {
			return canvas.New(), nil
		},
	})
	for _, f := range engine.Remote(nil) {
		r.Register(f)
	}
	return r
}

// openEngine returns the engine named by spec, NAME[:MODEL], and the model.
func (a *app) openEngine(spec string) (easel.Engine, string, error) {
	e, err := engines().Open(spec, a.getenv)
	if err != nil {
		return nil, "", err
	}
	_, model := engine.ParseSpec(spec)
	return e, model, nil
}

// writer returns the prompt writer.
func (a *app) writer() easel.PromptWriter { return builtin.New() }

// loadStyle returns the style preset called name from the built-ins and
// the styles imported into dataDir; nil for no name.
func loadStyle(dataDir, name string) (*styles.Style, error) {
	if name == "" {
		return nil, nil
	}
	lib, err := styles.Load(dataDir)
	if err != nil {
		return nil, err
	}
	st, err := lib.Get(name)
	if err != nil {
		return nil, err
	}
	return &st, nil
}

// renderDialect returns the pipeline's dialect stage, applying style.
func renderDialect(style *styles.Style) func(p *easel.Prompt, d easel.Dialect, size easel.Size, negative string) (pipeline.Rendered, error) {
	return func(p *easel.Prompt, d easel.Dialect, size easel.Size, negative string) (pipeline.Rendered, error) {
		r, err := dialect.Render(p, d, dialect.Options{Width: size.Width, Height: size.Height, Seed: p.Seed, Style: style, ExtraNegative: negative})
		if err != nil {
			return pipeline.Rendered{}, err
		}
		return pipeline.Rendered{Text: r.Text, Negative: r.Negative}, nil
	}
}

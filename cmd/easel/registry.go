package main

import (
	"fmt"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine"
	"github.com/easel-art/easel/engine/canvas"
	"github.com/easel-art/easel/llm"
	"github.com/easel-art/easel/llm/anthropic"
	"github.com/easel-art/easel/llm/ollama"
	llmopenai "github.com/easel-art/easel/llm/openai"
	"github.com/easel-art/easel/pipeline"
	"github.com/easel-art/easel/prompt/builtin"
	"github.com/easel-art/easel/prompt/dialect"
	promptllm "github.com/easel-art/easel/prompt/llm"
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

// writer returns the built-in prompt writer.
func (a *app) writer() easel.PromptWriter { return builtin.New() }

// llms returns the registry of language models that write prompts.
func llms() *llm.Registry {
	return llm.NewRegistry(llmopenai.Provider, anthropic.Provider, ollama.Provider)
}

// llmNames lists the names --llm takes.
func llmNames() []string {
	names := []string{"builtin"}
	for _, p := range llms().Providers() {
		names = append(names, p.Name)
	}
	return names
}

// openWriter returns the prompt writer named by spec, NAME[:MODEL]:
// "builtin" (or "") for the offline writer, else a language model from
// llms(). systemFile, when set, replaces the model's instructions. With
// stream, the model's text is shown on stderr as it is written, when
// stderr is a terminal.
func (a *app) openWriter(spec, systemFile string, stream bool) (easel.PromptWriter, error) {
	if name, _, err := llm.ParseSpec(spec); strings.TrimSpace(spec) == "" || (err == nil && name == "builtin") {
		if systemFile != "" {
			return nil, easel.Errorf(easel.EINVALID, "--system needs a language model: add --llm openai, anthropic or ollama")
		}
		return builtin.New(), nil
	}
	c, err := llms().Open(spec, a.getenv, nil)
	if err != nil {
		return nil, err
	}
	opts := promptllm.Options{Logger: a.log}
	if systemFile != "" {
		if opts.System, err = promptllm.LoadSystem(systemFile); err != nil {
			return nil, err
		}
	}
	if stream && isTerminal(a.stderr) {
		last := -1
		opts.OnText = func(p promptllm.Progress) {
			if p.Variation != last || p.Attempt > 1 {
				fmt.Fprintln(a.stderr)
				last = p.Variation
			}
			fmt.Fprint(a.stderr, p.Text)
		}
	}
	return promptllm.New(c, opts), nil
}

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

package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine"
	"github.com/easel-art/easel/engine/a1111"
	"github.com/easel-art/easel/engine/canvas"
	"github.com/easel-art/easel/engine/comfyui"
	"github.com/easel-art/easel/engine/openai"
	"github.com/easel-art/easel/engine/pool"
	"github.com/easel-art/easel/engine/runway"
	"github.com/easel-art/easel/engine/stability"
	"github.com/easel-art/easel/llm"
	"github.com/easel-art/easel/llm/anthropic"
	"github.com/easel-art/easel/llm/ollama"
	llmopenai "github.com/easel-art/easel/llm/openai"
	"github.com/easel-art/easel/prompt/builtin"
	promptllm "github.com/easel-art/easel/prompt/llm"
	"github.com/easel-art/easel/prompt/styles"
	"github.com/easel-art/easel/queue"
)

// This file is the one place that lists every backend easel can use.

// engines returns the registry of every image engine: the built-in
// canvas first, then the remote ones. Each engine package exports its
// Factory, as each llm package exports its Provider. The engines'
// answers teach the queue's limiters their real rate limits
// (x-ratelimit-* headers; see queue/learn.go).
func engines() *engine.Registry {
	return engine.NewRegistry(&http.Client{Transport: queue.Transport(nil)},
		canvas.Factory, openai.Factory,
		// Several boxes in one variable are one engine (engine/pool).
		pool.Wrap(a1111.Factory, "EASEL_A1111_URL"), pool.Wrap(comfyui.Factory, "EASEL_COMFYUI_URL"),
		stability.Factory, runway.Factory)
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
		s := &streamedWriter{w: a.stderr}
		opts.OnText = s.onText
		s.PromptWriter = promptllm.New(c, opts)
		return s, nil
	}
	return promptllm.New(c, opts), nil
}

// streamedWriter shows the prompts on the terminal as the model writes
// them, each on its own lines, and ends the last line when the model is
// done, so what is printed next does not run on from it.
type streamedWriter struct {
	easel.PromptWriter
	w       io.Writer
	mu      sync.Mutex
	last    int  // variation being shown
	attempt int  // attempt being shown
	open    bool // a line of streamed text is not ended yet
}

func (s *streamedWriter) onText(p promptllm.Progress) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.open && (p.Variation != s.last || p.Attempt != s.attempt) {
		fmt.Fprintln(s.w)
	}
	s.last, s.attempt, s.open = p.Variation, p.Attempt, true
	fmt.Fprint(s.w, p.Text)
}

func (s *streamedWriter) WritePrompts(ctx context.Context, req easel.WriteRequest) ([]*easel.Prompt, error) {
	ps, err := s.PromptWriter.WritePrompts(ctx, req)
	s.mu.Lock()
	if s.open {
		fmt.Fprint(s.w, "\n\n")
		s.open = false
	}
	s.mu.Unlock()
	return ps, err
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

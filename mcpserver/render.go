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
	"github.com/easel-art/easel/refine"
	"github.com/easel-art/easel/verb"
)

// The tools that make pictures call easel's verbs (package verb), as the
// command line and the HTTP API do; they only check the arguments that
// are MCP's own, report progress and shape the result.

func (s *server) imagine(ctx context.Context, req *mcp.CallToolRequest, in ImagineArgs) (*mcp.CallToolResult, *Pictures, error) {
	r := verb.ImagineRequest{
		Idea: in.Idea, Style: in.Style, Negative: in.Negative,
		Engine: or(in.Engine, s.opts.Engine), LLM: or(in.LLM, s.opts.LLM),
	}
	if prompt := strings.TrimSpace(in.Prompt); prompt != "" {
		if utf8.RuneCountInString(prompt) > easel.MaxIdeaLen || utf8.RuneCountInString(in.Negative) > easel.MaxIdeaLen {
			return nil, nil, fail(easel.Errorf(easel.EINVALID, "the prompt is longer than %d characters: shorten it", easel.MaxIdeaLen))
		}
		// Rendered as written; the negative goes with it, not into a
		// written one.
		r.Prompts = []verb.PreparedPrompt{{Text: prompt, Negative: in.Negative}}
		r.Negative = ""
	} else if err := easel.ValidateIdeaText(in.Idea); err != nil {
		return nil, nil, fail(easel.Errorf(easel.EINVALID, "%s (or give prompt, a finished prompt to render as written)", strings.TrimSuffix(easel.ErrorMessage(err), ", for example easel imagine \"a beach sunset\"")))
	}
	var err error
	if r.Size, err = sizeArg(in.Size, in.Aspect); err != nil {
		return nil, nil, fail(err)
	}
	if r.N, err = countArg(in.N, 1); err != nil {
		return nil, nil, fail(err)
	}
	if r.Seed, err = seedArg(in.Seed); err != nil {
		return nil, nil, fail(err)
	}
	if in.Dialect != "" {
		if r.Dialect, err = dialect.Parse(in.Dialect); err != nil {
			return nil, nil, fail(err)
		}
	}
	writes := len(r.Prompts) == 0
	return s.run(ctx, req, 1, writes, "writing the prompt", func(h verb.Hooks) (*verb.Result, error) {
		r.Hooks = h
		return verb.Imagine(ctx, s.core, r)
	})
}

func (s *server) vary(ctx context.Context, req *mcp.CallToolRequest, in VaryArgs) (*mcp.CallToolResult, *Pictures, error) {
	parent, err := s.artwork(ctx, in.ID)
	if err != nil {
		return nil, nil, fail(err)
	}
	r := verb.VaryRequest{Parent: parent, Strength: lineage.Strength(in.Strength), Engine: in.Engine, Negative: in.Negative, LLM: s.opts.LLM}
	if r.N, err = countArg(in.N, 2); err != nil {
		return nil, nil, fail(err)
	}
	if r.Seed, err = seedArg(in.Seed); err != nil {
		return nil, nil, fail(err)
	}
	return s.run(ctx, req, r.N, true, "writing "+plural(r.N, "variation"), func(h verb.Hooks) (*verb.Result, error) {
		r.Hooks = h
		return verb.Vary(ctx, s.core, r)
	})
}

func (s *server) reproduce(ctx context.Context, req *mcp.CallToolRequest, in ReproduceArgs) (*mcp.CallToolResult, *Pictures, error) {
	orig, err := s.artwork(ctx, in.ID)
	if err != nil {
		return nil, nil, fail(err)
	}
	var identical *bool
	res, out, err := s.run(ctx, req, 1, false, "", func(h verb.Hooks) (*verb.Result, error) {
		vr, err := verb.Reproduce(ctx, s.core, verb.ReproduceRequest{Parent: orig, Engine: in.Engine, Hooks: h})
		if vr != nil {
			identical = vr.Identical
		}
		return vr, err
	})
	if err == nil && identical != nil {
		if *identical {
			res.Content = append(res.Content, &mcp.TextContent{Text: "identical: the pixels are the same as the original's"})
		} else {
			res.Content = append(res.Content, &mcp.TextContent{Text: "different: the pixels differ from the original's (the engine's model or configuration may have changed)"})
		}
	}
	return res, out, err
}

func (s *server) refine(ctx context.Context, req *mcp.CallToolRequest, in RefineArgs) (*mcp.CallToolResult, *Pictures, error) {
	parent, err := s.artwork(ctx, in.ID)
	if err != nil {
		return nil, nil, fail(err)
	}
	r := verb.RefineRequest{Parent: parent, Instruction: in.Instruction, Engine: in.Engine, Negative: in.Negative, Seed: -1}
	if r.N, err = countArg(in.N, 1); err != nil {
		return nil, nil, fail(err)
	}
	if in.Seed != nil {
		if r.Seed, err = seedArg(in.Seed); err != nil {
			return nil, nil, fail(err)
		}
	}
	var changed string
	r.OnRefined = func(res *refine.Result) { changed = res.Summary() }
	res, out, err := s.run(ctx, req, 1, true, "rewriting the prompt", func(h verb.Hooks) (*verb.Result, error) {
		r.Hooks = h
		return verb.Refine(ctx, s.core, r)
	})
	if err == nil && changed != "" {
		res.Content = append([]mcp.Content{&mcp.TextContent{Text: "changed: " + changed}}, res.Content...)
	}
	return res, out, err
}

// run runs a verb for one tool call, reporting its progress, and returns
// the pictures as content. renders is how many prompts it renders;
// writes says it writes them first (one more step, with msg).
func (s *server) run(ctx context.Context, req *mcp.CallToolRequest, renders int, writes bool, msg string, call func(verb.Hooks) (*verb.Result, error)) (*mcp.CallToolResult, *Pictures, error) {
	prog := newProgress(ctx, req, renders)
	if writes {
		prog = newProgress(ctx, req, renders+1)
		prog.report(0, msg)
		prog.offset = 1
	}
	var mu sync.Mutex
	started := 0
	h := verb.Hooks{
		OnPrompt: func(*easel.Prompt, pipeline.Rendered) {
			mu.Lock()
			started++
			i := started
			mu.Unlock()
			msg := "rendering"
			if renders > 1 {
				msg = fmt.Sprintf("rendering %d of %d", i, renders)
			}
			prog.report(float64(i-1), msg)
		},
		Progress: func(f float64) {
			mu.Lock()
			i := started
			mu.Unlock()
			prog.report(float64(max(i-1, 0))+min(max(f, 0), 1), "")
		},
	}
	res, err := call(h)
	var arts []*easel.Artwork
	var notes []string
	if res != nil {
		arts, notes = res.Artworks, res.Notes
	}
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

// sizeArg resolves size or aspect into one size (zero: the verb's default).
func sizeArg(size, aspect string) (easel.Size, error) {
	switch {
	case size != "" && aspect != "":
		return easel.Size{}, easel.Errorf(easel.EINVALID, "give size or aspect, not both")
	case size != "":
		return easel.ParseSize(size)
	case aspect != "":
		return easel.ParseAspect(aspect, easel.DefaultWidth)
	}
	return easel.Size{}, nil
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

package verb

import (
	"context"
	"math/rand/v2"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/lineage"
	"github.com/easel-art/easel/llm"
	"github.com/easel-art/easel/pipeline"
	"github.com/easel-art/easel/prompt/builtin"
	"github.com/easel-art/easel/refine"
)

// RefineRequest asks for a picture to be steered in words: the
// instruction changes what it names and keeps the rest (subject,
// composition, seed and size stay unless the words touch them).
type RefineRequest struct {
	// Ref names the picture, as VaryRequest.Ref.
	Ref string
	// Parent, when set, is the gallery artwork meant, and Ref is not read:
	// faces that looked the picture up by id (the server, MCP) pass it.
	Parent *easel.Artwork
	// Instruction is what to change: "make it night, add a red sailboat".
	Instruction string
	// N is how many pictures of the refined prompt (0: 1).
	N int
	// Engine is a NAME[:MODEL] spec ("": the picture's, as for Vary).
	Engine string
	// Size is the picture's size (zero: the picture's, or the
	// instruction's aspect).
	Size easel.Size
	// Seed, when negative, is the picture's (random for prompt text), so
	// only what was asked changes.
	Seed int64
	// Negative is more things to keep out; Dialect the prompt dialect
	// ("": the picture's on its own engine, else the engine's).
	Negative string
	Dialect  easel.Dialect
	// LLM is a language model spec (NAME[:MODEL]) to refine with instead
	// of the built-in writer ("" or "builtin": the built-in writer).
	LLM string
	// PromptOnly writes the refined prompt (Result.Variations) without
	// rendering or saving anything.
	PromptOnly bool
	// OnRefined, if set, is told what the instruction changed once the
	// prompt is written, before anything is rendered.
	OnRefined func(*refine.Result)
	Hooks
}

// Refine writes the refined prompt with the built-in writer and renders
// it. Result.Refine says what the instruction changed.
func Refine(ctx context.Context, c *Core, r RefineRequest) (*Result, error) {
	n := max(r.N, 1)
	if n > 100 {
		return nil, easel.Errorf(easel.EINVALID, "%d pictures is out of range: ask for 1 to 100", n)
	}
	var lm llm.Client
	if spec := strings.TrimSpace(r.LLM); spec != "" && spec != builtin.Name {
		if c.LLM == nil {
			return nil, easel.Errorf(easel.ECONFIG, "no language model is available here: refine with the built-in writer")
		}
		var err error
		if lm, err = c.LLM(spec); err != nil {
			return nil, err
		}
		if err := refine.ValidateInstruction(r.Instruction); err != nil {
			return nil, err
		}
	} else if _, err := refine.Parse(r.Instruction); err != nil {
		// Bad words are refused before anything is opened.
		return nil, err
	}
	in, err := c.inherit(ctx, r.Parent, r.Ref, r.Engine, r.Dialect, r.Size, r.OnNote, "the prompt is written")
	if err != nil {
		return nil, err
	}
	ref, par, nt, eng, model := in.ref, in.art, in.notes, in.eng, in.model
	d, writeDialect, styleName, style := in.dialect, in.writeDialect, in.styleName, in.style
	seed := par.Seed
	switch {
	case r.Seed >= 0:
		seed = r.Seed
	case ref.Kind == lineage.RefText:
		seed = rand.Int64N(1 << 32)
	}
	kept, err := keptOut(ctx, c.Gallery, par)
	if err != nil {
		return nil, err
	}
	extraNeg := joinNonEmpty(", ", kept, r.Negative)
	if ref.Picture != nil && ref.Picture.Foreign() && par.NegativePrompt != "" {
		extraNeg = joinNonEmpty(", ", par.NegativePrompt, extraNeg)
	}
	sc := par.Scene
	if par.Writer != "" && par.Writer != builtin.Name {
		sc = nil // a language model's Scene is not what its prompt says word for word: read the idea
	}
	var pr *easel.Prompt
	var changed *refine.Result
	verbatim := map[*easel.Prompt]pipeline.Rendered{}
	if lm != nil {
		// The model rewrites the prompt as it was sent, in its dialect:
		// what it answers goes to the engine as written.
		pr, changed, err = refine.WriteLLM(ctx, lm, refine.Prompted{
			Idea: lineage.IdeaOf(par), Prompt: par.Prompt, Negative: par.NegativePrompt, Dialect: writeDialect, Seed: seed,
		}, r.Instruction)
		if err == nil {
			verbatim[pr] = pipeline.Rendered{Text: pr.Text, Negative: joinNonEmpty(", ", strings.Join(pr.Negative, ", "), extraNeg)}
		}
	} else {
		pr, changed, err = refine.Write(ctx, builtin.New(), refine.Parent{
			Idea: lineage.IdeaOf(par), Scene: sc, Seed: seed, Style: styleName, Negative: extraNeg, Dialect: writeDialect,
		}, r.Instruction)
	}
	if err != nil {
		return nil, nt.failed(err)
	}
	size := r.Size
	if size == (easel.Size{}) {
		var note string
		if size, note = lineage.FitSize(par.Width, par.Height); ref.Kind != lineage.RefText {
			nt.add(note)
		}
		if changed.Aspect != "" {
			if size, err = easel.ParseAspect(changed.Aspect, max(size.Width, size.Height)); err != nil {
				return nil, err
			}
		}
	}
	negText := changed.NegativeText(extraNeg)
	stage := DialectStage(style, verbatim)
	res := &Result{Seed: seed, Parent: par, Refine: changed, Size: size}
	if r.PromptOnly {
		nt.release()
		rend, err := stage(pr, writeDialect, size, negText)
		if err != nil {
			return nil, err
		}
		res.Variations = []Variation{{Prompt: pr, Dialect: writeDialect, Rendered: rend}}
		res.Notes = nt.all
		return res, nil
	}
	if r.OnRefined != nil {
		r.OnRefined(changed)
	}
	req := pipeline.Request{
		Idea:   easel.Idea{Text: changed.Idea, Template: par.Template, Style: styleName, Negative: negText},
		Engine: eng, Model: model, Size: size, Seed: seed, Images: n, Dialect: d,
		Method: easel.MethodRefine, Instruction: strings.TrimSpace(r.Instruction),
		Prepared: []*easel.Prompt{pr},
	}
	in.settings(&req)
	if lm != nil {
		req.Idea.Text = lineage.IdeaOf(par)
	}
	return c.runChild(ctx, ref, nt, r.Hooks, c.Pipeline(builtin.New(), stage), req, res)
}

// keptOut is what the refines that led to a picture keep out of it ("no
// people" three steps back).
func keptOut(ctx context.Context, g easel.Gallery, a *easel.Artwork) (string, error) {
	if a.ID == "" {
		return "", nil
	}
	chain, err := lineage.Chain(ctx, g, a)
	if err != nil {
		return "", err
	}
	var ins []string
	for _, l := range chain {
		if l.Art != nil && l.Art.Instruction != "" {
			ins = append(ins, l.Art.Instruction)
		}
	}
	return refine.KeptOut(ins), nil
}

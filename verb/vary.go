package verb

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/lineage"
	"github.com/easel-art/easel/pipeline"
	"github.com/easel-art/easel/prompt/builtin"
)

// DefaultVariations is how many variations vary makes when a request does
// not say: the four of Midjourney's V1-V4 buttons.
const DefaultVariations = 4

// VaryRequest asks for variations of a picture's prompt, rendered on the
// picture's engine at its size and saved as its children. Every field but
// Ref is optional; what is not given is inherited from the picture.
type VaryRequest struct {
	// Ref names the picture: a gallery id (or a unique prefix), a PNG file
	// (easel's, AUTOMATIC1111's or ComfyUI's) or prompt text; see
	// lineage.Resolve. A PNG from elsewhere is imported into the gallery
	// so the variations can name it as their parent.
	Ref string
	// Parent, when set, is the gallery artwork meant, and Ref is not read:
	// faces that looked the picture up by id (the server, MCP) pass it.
	Parent *easel.Artwork
	// Strength is subtle (the default: same composition, new wording and
	// details) or strong (new composition, light and mood).
	Strength lineage.Strength
	// Chaos, when set, overrides the strength's (15 subtle, 85 strong).
	Chaos *int
	// N is how many variations (0: DefaultVariations).
	N int
	// Engine is a NAME[:MODEL] spec ("": the picture's engine when easel
	// has it, else the built-in canvas, with a note). On the picture's own
	// engine its model, dialect, steps, CFG scale and sampler are kept.
	Engine string
	// LLM is the prompt writer spec ("" for the default).
	LLM string
	// Size is the variations' size (zero: the picture's, within limits).
	Size easel.Size
	// Seed, when negative, is chosen at random.
	Seed int64
	// Negative is more things to keep out of the picture.
	Negative string
	// Dialect is the prompt dialect ("": the picture's on its own engine,
	// else the engine's).
	Dialect easel.Dialect
	// PromptOnly writes the variations (Result.Variations) without
	// rendering or saving anything.
	PromptOnly bool
	Hooks
}

// Vary writes variations of a picture's prompt and renders them. It stops
// at the first error; what was saved before it stays saved.
func Vary(ctx context.Context, c *Core, r VaryRequest) (*Result, error) {
	n := r.N
	if n == 0 {
		n = DefaultVariations
	}
	if n < 1 || n > 100 {
		return nil, easel.Errorf(easel.EINVALID, "%d variations is out of range: ask for 1 to 100", n)
	}
	st := r.Strength
	if st == "" {
		st = lineage.Subtle
	}
	st, err := lineage.ParseStrength(string(st))
	if err != nil {
		return nil, err
	}
	chaos := st.Chaos()
	if r.Chaos != nil {
		if *r.Chaos < 0 || *r.Chaos > 100 {
			return nil, easel.Errorf(easel.EINVALID, "chaos %d is out of range: use 0 to 100", *r.Chaos)
		}
		chaos = *r.Chaos
		st = lineage.StrengthOf(chaos)
	}
	in, err := c.inherit(ctx, r.Parent, r.Ref, r.Engine, r.Dialect, r.Size, r.OnNote, "the variations are written")
	if err != nil {
		return nil, err
	}
	ref, parent, nt, eng, model := in.ref, in.art, in.notes, in.eng, in.model
	d, writeDialect, styleName, style := in.dialect, in.writeDialect, in.styleName, in.style
	size := r.Size
	if size == (easel.Size{}) {
		var note string
		if size, note = lineage.FitSize(parent.Width, parent.Height); ref.Kind != lineage.RefText {
			nt.add(note)
		}
	}
	extraNeg := r.Negative
	if ref.Picture != nil && ref.Picture.Foreign() && parent.NegativePrompt != "" {
		// Another tool's negative prompt is the person's own words: keep them.
		extraNeg = joinNonEmpty(", ", parent.NegativePrompt, extraNeg)
	}
	idea := lineage.IdeaOf(parent)
	seed := r.Seed
	if seed < 0 {
		seed = rand.Int64N(1 << 32)
	}
	w, err := c.Writer(r.LLM)
	if err != nil {
		return nil, err
	}
	var prompts []*easel.Prompt
	if _, ok := w.(*builtin.Writer); ok && st == lineage.Subtle && r.Chaos == nil && parent.Scene != nil &&
		(parent.Writer == "" || parent.Writer == builtin.Name) {
		// A built-in picture's subtle variations change one small thing
		// each and keep its wording (see lineage.SubtleVariations).
		prompts, err = lineage.SubtleVariations(ctx, parent, seed, n, styleName, extraNeg, writeDialect)
	} else {
		prompts, err = w.WritePrompts(ctx, easel.WriteRequest{
			Idea: idea, Template: parent.Template, Scene: lineage.VariationScene(parent, chaos), Style: styleName,
			Negative: extraNeg, Seed: seed, N: n, Chaos: chaos, Dialect: writeDialect,
		})
	}
	if err != nil {
		return &Result{Notes: nt.all, Seed: seed}, nt.failed(err)
	}
	stage := DialectStage(style, nil)
	res := &Result{Seed: seed, Parent: parent}
	if r.PromptOnly {
		nt.release()
		for _, p := range prompts {
			rend, err := stage(p, writeDialect, size, extraNeg)
			if err != nil {
				return nil, err
			}
			res.Variations = append(res.Variations, Variation{Prompt: p, Dialect: writeDialect, Rendered: rend})
		}
		res.Notes = nt.all
		return res, nil
	}
	req := pipeline.Request{
		Idea:   easel.Idea{Text: idea, Template: parent.Template, Style: styleName, Negative: extraNeg},
		Engine: eng, Model: model, Size: size, Seed: seed, Images: 1, Chaos: chaos, Dialect: d,
		Method: st.Method(), Prepared: prompts,
	}
	in.settings(&req)
	return c.runChild(ctx, ref, nt, r.Hooks, c.Pipeline(w, stage), req, res)
}

// refEngine returns the engine spec a picture is rendered on: spec when
// given, else the engine that made it when easel has it, else the
// built-in canvas, with a note saying why.
func (c *Core) refEngine(spec string, r *lineage.Ref) (string, string) {
	if spec != "" {
		return spec, ""
	}
	name := r.Art.Engine
	if name != "" && c.knows(name) {
		return name, ""
	}
	switch {
	case r.Picture != nil && name == "":
		return "builtin", fmt.Sprintf("easel has no engine for %s, which made this picture: using the built-in canvas (choose one with --engine)", r.Picture.Maker())
	case name != "":
		return "builtin", fmt.Sprintf("easel has no engine %q, which made this picture: using the built-in canvas (choose one with --engine)", name)
	}
	return "builtin", ""
}

func joinNonEmpty(sep string, parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, sep)
}

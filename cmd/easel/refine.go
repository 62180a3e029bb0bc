package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/config"
	"github.com/easel-art/easel/lineage"
	"github.com/easel-art/easel/llm"
	"github.com/easel-art/easel/pipeline"
	"github.com/easel-art/easel/prompt/builtin"
	"github.com/easel-art/easel/prompt/styles"
	"github.com/easel-art/easel/refine"
)

const refineUsage = `Usage: easel refine [flags] REF "INSTRUCTION"

Steers a picture in words: the instruction changes what it names and keeps the rest. The
subject, composition, seed and size stay unless the words touch them. The new picture is saved
as a child of REF with the instruction in its lineage; refine the child to go on (easel gallery
show prints the chain as a conversation). REF is a gallery id (or a prefix of one), a PNG file
(easel's, AUTOMATIC1111's or ComfyUI's) or prompt text.

The built-in writer understands: add, remove or replace a subject ("add a red sailboat", "no
people", "make the cat a fox", "make the boat blue"); time, weather, season, mood, palette,
lighting, style or medium ("make it night", "foggy", "in winter", "calmer", "in pastel colors",
"softer light", "as a watercolor"); view and framing ("closer", "from above", "wider, 16:9");
intensity ("more dramatic", "more detail"). Words it does not understand are refused by name.

Examples:
  easel refine 3f2a9c1d "make it night, add a red sailboat"
  easel refine 77aa88bb "closer, as a watercolor" -n 2
  easel refine "a lighthouse on a rocky coast" "at dusk, from above" --prompt-only`

func cmdRefine(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("refine", refineUsage)
	var df dataFlags
	var sf sizeFlags
	df.add(fs)
	sf.add(fs)
	fs.Lookup("size").Usage = "picture size WIDTHxHEIGHT, 64..2048 a side (default: the picture's, or the instruction's aspect)"
	n := fs.Int("n", 1, "number of pictures of the refined prompt")
	engineSpec := fs.String("engine", "", "image engine NAME[:MODEL] (default: the picture's own)")
	seed := fs.Int64("seed", -1, "seed (default: the picture's, so only what was asked changes)")
	negative := fs.String("negative", "", "more things to keep out of the picture")
	dialectName := fs.String("for", "", "prompt dialect (default: the picture's, else the engine's own)")
	out := fs.String("out", "", "also copy the images into this directory")
	llmSpec := fs.String("llm", "builtin", "prompt writer: builtin (language-model refine is not available yet)")
	promptOnly := fs.Bool("prompt-only", false, "write and print the refined prompt without rendering it")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return easel.Errorf(easel.EINVALID, "refine takes a picture and an instruction: easel refine 3f2a9c1d \"make it night\"")
	}
	ref, instruction := pos[0], pos[1]
	if *n < 1 || *n > 100 {
		return easel.Errorf(easel.EINVALID, "-n %d is out of range: ask for 1 to 100 pictures", *n)
	}
	if name, _, err := llm.ParseSpec(*llmSpec); err != nil || name != "builtin" {
		return easel.Errorf(easel.EINVALID, "--llm %s: refine with a language model is not available yet; use the built-in writer (--llm builtin)", *llmSpec)
	}
	// Bad words are refused before anything is opened.
	if _, err := refine.Parse(instruction); err != nil {
		return err
	}
	var size easel.Size
	if sf.size != "" || sf.aspect != "" {
		if size, err = sf.resolve(); err != nil {
			return err
		}
	}
	d, err := parseDialectFlag(*dialectName)
	if err != nil {
		return err
	}
	if *out != "" && !*promptOnly {
		if err := checkOutDir(*out); err != nil {
			return err
		}
	}
	dataDir := config.DataDir(df.dataDir, a.getenv)
	g, err := a.openGallery(ctx, df.dataDir)
	if err != nil {
		return err
	}
	defer g.Close()
	r, err := lineage.Resolve(ctx, g, ref)
	if err != nil {
		return err
	}
	par := r.Art

	spec, note := refEngine(*engineSpec, r)
	eng, model, err := a.openEngine(spec)
	if err != nil {
		return err
	}
	notes := &noteList{a: a}
	notes.add(note)
	same := par.Engine == eng.Name()
	if model == "" && same {
		model = par.Model
	}
	if d == "" && same {
		d = par.Dialect
	}
	writeDialect := d
	if writeDialect == "" {
		writeDialect = eng.Capabilities().Dialect
	}
	styleName, style := par.Style, (*styles.Style)(nil)
	if styleName != "" {
		if style, err = loadStyle(dataDir, styleName); err != nil {
			notes.add(fmt.Sprintf("the picture's style %q is not available (%s): the prompt is written without it", styleName, easel.ErrorMessage(err)))
			styleName, style = "", nil
		}
	}
	s := par.Seed
	if r.Kind == lineage.RefText {
		s = resolveSeed(*seed)
	} else if *seed >= 0 {
		s = *seed
	}
	kept, err := keptOut(ctx, g, par)
	if err != nil {
		return err
	}
	extraNeg := joinNonEmpty(", ", kept, *negative)
	if r.Picture != nil && r.Picture.Foreign() && par.NegativePrompt != "" {
		extraNeg = joinNonEmpty(", ", par.NegativePrompt, extraNeg)
	}
	sc := par.Scene
	if par.Writer != "" && par.Writer != builtin.Name {
		sc = nil // a language model's Scene is not what its prompt says word for word: read the idea
	}
	pr, res, err := refine.Write(ctx, builtin.New(), refine.Parent{
		Idea: lineage.IdeaOf(par), Scene: sc, Seed: s, Style: styleName, Negative: extraNeg, Dialect: writeDialect,
	}, instruction)
	if err != nil {
		return err
	}
	if size == (easel.Size{}) {
		var note string
		if size, note = lineage.FitSize(par.Width, par.Height); r.Kind != lineage.RefText {
			notes.add(note)
		}
		if res.Aspect != "" {
			if size, err = easel.ParseAspect(res.Aspect, max(size.Width, size.Height)); err != nil {
				return err
			}
		}
	}
	negText := res.NegativeText(extraNeg)
	dialectStage := renderDialect(style)
	if *promptOnly {
		notes.flush()
		rend, err := dialectStage(pr, writeDialect, size, negText)
		if err != nil {
			return err
		}
		if df.json {
			obj := map[string]any{
				"idea": res.Idea, "instruction": instruction, "changes": res.Changes, "prompt": rend.Text,
				"negative_prompt": rend.Negative, "dialect": writeDialect, "seed": pr.Seed, "writer": pr.Writer,
				"width": size.Width, "height": size.Height, "method": easel.MethodRefine,
			}
			if par.ID != "" {
				obj["parent_id"] = par.ID
			}
			return printJSON(a.stdout, obj)
		}
		fmt.Fprintf(a.stdout, "changed: %s\n", res.Summary())
		fmt.Fprintln(a.stdout, rend.Text)
		if rend.Negative != "" {
			fmt.Fprintf(a.stdout, "Negative prompt: %s\n", rend.Negative)
		}
		return nil
	}

	imported := false
	if r.Kind == lineage.RefPNG && !r.InGallery() {
		if err := lineage.Import(ctx, g, r); err != nil {
			return err
		}
		imported = true
	}
	p := &pipeline.Pipeline{Writer: builtin.New(), Gallery: g, Dialect: dialectStage, Log: a.log, Retry: a.retryPolicy()}
	if !df.json {
		fmt.Fprintf(a.stdout, "changed: %s\n", res.Summary())
	}
	var pending strings.Builder
	req := pipeline.Request{
		Idea:   easel.Idea{Text: res.Idea, Template: par.Template, Style: styleName, Negative: negText},
		Engine: eng, Model: model, Size: size, Seed: s, Images: *n, Dialect: d,
		ParentID: par.ID, Method: easel.MethodRefine, Instruction: strings.TrimSpace(instruction),
		Prepared: []*easel.Prompt{pr},
		OnPrompt: func(_ *easel.Prompt, rend pipeline.Rendered) {
			if df.json {
				return
			}
			pending.Reset()
			fmt.Fprintf(&pending, "prompt: %s\n", rend.Text)
			if rend.Negative != "" {
				fmt.Fprintf(&pending, "negative: %s\n", rend.Negative)
			}
		},
		OnNote: func(s string) { notes.flush(); a.note(s) },
		OnArtwork: func(art *easel.Artwork) {
			notes.flush()
			io.WriteString(a.stdout, pending.String())
			pending.Reset()
			if df.json {
				path := art.Path
				if *out != "" {
					if p, err := copyFile(art.Path, *out, art.ID+".png"); err == nil {
						path = p
					} else {
						fmt.Fprintf(a.stderr, "easel: %s\n", easel.ErrorMessage(err))
					}
				}
				m := imageJSON(art, path)
				m["instruction"], m["changes"] = art.Instruction, res.Changes
				printJSON(a.stdout, m)
				return
			}
			a.reportArtwork(art, *out, false)
		},
	}
	if same {
		req.Steps, req.CFGScale, req.Sampler = par.Steps, par.CFGScale, par.Sampler
	}
	arts, err := p.Run(ctx, req)
	if err != nil && imported && len(arts) == 0 {
		g.Delete(context.WithoutCancel(ctx), par.ID)
	}
	if err != nil {
		return notes.failed(err)
	}
	return nil
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

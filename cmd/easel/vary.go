package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/config"
	"github.com/easel-art/easel/lineage"
	"github.com/easel-art/easel/pipeline"
	"github.com/easel-art/easel/prompt/styles"
)

const varyUsage = `Usage: easel vary [flags] REF

Writes variations of a picture's prompt, renders them on the picture's engine at its size and
saves them in the gallery as its children. REF is a gallery id (or a prefix of one), a PNG file
(easel's, AUTOMATIC1111's or ComfyUI's) or prompt text.

--strength subtle keeps the composition, light and mood and changes the wording and details;
--strength strong keeps what the idea says and changes the composition, light and mood.

Examples:
  easel vary 3f2a9c1d
  easel vary 3f2a9c1d --strength strong -n 2
  easel vary ~/Pictures/00042-1234567.png --engine builtin
  easel vary "a lighthouse in a storm" --prompt-only`

// defaultVariations is how many variations vary makes when -n is not
// given: the four of Midjourney's V1-V4 buttons.
const defaultVariations = 4

func cmdVary(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("vary", varyUsage)
	var df dataFlags
	var sf sizeFlags
	df.add(fs)
	sf.add(fs)
	// A variation keeps its picture's size unless told otherwise.
	fs.Lookup("size").Usage = "picture size WIDTHxHEIGHT, 64..2048 a side (default: the picture's)"
	n := fs.Int("n", defaultVariations, "number of variations")
	strength := fs.String("strength", string(lineage.Subtle), "subtle (same composition, new wording and details) or strong (new composition, light and mood)")
	chaos := -1 // unset: the strength's
	fs.Func("chaos", "how far variations wander, 0 (wording) to 100 (new composition, light and mood); default 15 for subtle, 85 for strong", func(s string) error {
		v, err := strconv.Atoi(s)
		if err != nil || v < 0 || v > 100 {
			return fmt.Errorf("%q is not a whole number from 0 to 100", s)
		}
		chaos = v
		return nil
	})
	engineSpec := fs.String("engine", "", "image engine NAME[:MODEL] (default: the picture's own)")
	seed := fs.Int64("seed", -1, "seed, -1 for a random one; the same seed and options give the same variations")
	negative := fs.String("negative", "", "more things to keep out of the picture")
	dialectName := fs.String("for", "", "prompt dialect (default: the picture's, else the engine's own)")
	out := fs.String("out", "", "also copy the images into this directory")
	llmSpec := fs.String("llm", "builtin", "prompt writer NAME[:MODEL]: builtin, openai, anthropic or ollama")
	systemFile := fs.String("system", "", "file with your own instructions for the language model (with --llm)")
	promptOnly := fs.Bool("prompt-only", false, "write and print the variations without rendering them")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	ref, err := oneArg(pos, "picture", "easel vary 3f2a9c1d (an id from easel gallery list), a PNG file or prompt text")
	if err != nil {
		return err
	}
	if *n < 1 || *n > 100 {
		return easel.Errorf(easel.EINVALID, "-n %d is out of range: ask for 1 to 100 variations", *n)
	}
	st, err := lineage.ParseStrength(*strength)
	if err != nil {
		return err
	}
	ch := st.Chaos()
	if chaos != -1 {
		ch = chaos
		st = lineage.StrengthOf(ch)
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
	parent := r.Art

	spec, note := refEngine(*engineSpec, r)
	eng, model, err := a.openEngine(spec)
	if err != nil {
		return err
	}
	notes := &noteList{a: a}
	notes.add(note)
	same := parent.Engine == eng.Name()
	if model == "" && same {
		model = parent.Model
	}
	if size == (easel.Size{}) {
		var note string
		if size, note = lineage.FitSize(parent.Width, parent.Height); r.Kind != lineage.RefText {
			notes.add(note)
		}
	}
	if d == "" && same {
		d = parent.Dialect
	}
	writeDialect := d
	if writeDialect == "" {
		writeDialect = eng.Capabilities().Dialect
	}
	styleName, style := parent.Style, (*styles.Style)(nil)
	if styleName != "" {
		if style, err = loadStyle(dataDir, styleName); err != nil {
			notes.add(fmt.Sprintf("the picture's style %q is not available (%s): the variations are written without it", styleName, easel.ErrorMessage(err)))
			styleName, style = "", nil
		}
	}
	extraNeg := *negative
	if r.Picture != nil && r.Picture.Foreign() && parent.NegativePrompt != "" {
		// Another tool's negative prompt is the person's own words: keep them.
		extraNeg = joinNonEmpty(", ", parent.NegativePrompt, extraNeg)
	}
	idea := lineage.IdeaOf(parent)
	s := resolveSeed(*seed)
	w, err := a.openWriter(*llmSpec, *systemFile, !df.json)
	if err != nil {
		return err
	}
	prompts, err := w.WritePrompts(ctx, easel.WriteRequest{
		Idea: idea, Template: parent.Template, Scene: lineage.VariationScene(parent, ch), Style: styleName,
		Negative: extraNeg, Seed: s, N: *n, Chaos: ch, Dialect: writeDialect,
	})
	if err != nil {
		return notes.failed(err)
	}
	dialectStage := renderDialect(style)
	if *promptOnly {
		notes.flush()
		return a.printVariations(prompts, dialectStage, writeDialect, size, extraNeg, parent.ID, st, df.json)
	}

	imported := false
	if r.Kind == lineage.RefPNG && !r.InGallery() {
		if err := lineage.Import(ctx, g, r); err != nil {
			return err
		}
		imported = true
	}
	p := &pipeline.Pipeline{Writer: w, Gallery: g, Dialect: dialectStage, Log: a.log, Retry: a.retryPolicy()}
	// Each prompt is printed with its picture, once the engine took it:
	// a prompt the engine refuses is bad input, which gets one line.
	var pending strings.Builder
	req := pipeline.Request{
		Idea:   easel.Idea{Text: idea, Template: parent.Template, Style: styleName, Negative: extraNeg},
		Engine: eng, Model: model, Size: size, Seed: s, Images: 1, Chaos: ch, Dialect: d,
		ParentID: r.Art.ID, Method: st.Method(), Prepared: prompts,
		OnPrompt: func(pr *easel.Prompt, rend pipeline.Rendered) {
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
			a.reportArtwork(art, *out, df.json)
		},
	}
	if same {
		req.Steps, req.CFGScale, req.Sampler = parent.Steps, parent.CFGScale, parent.Sampler
	}
	arts, err := p.Run(ctx, req)
	if err != nil && imported && len(arts) == 0 {
		// Nothing was made from the import: leave the gallery as it was.
		g.Delete(context.WithoutCancel(ctx), r.Art.ID)
	}
	if err != nil {
		return notes.failed(err)
	}
	return nil
}

// printVariations prints the prompts of vary --prompt-only.
func (a *app) printVariations(prompts []*easel.Prompt, render func(*easel.Prompt, easel.Dialect, easel.Size, string) (pipeline.Rendered, error),
	writeDialect easel.Dialect, size easel.Size, negative, parentID string, st lineage.Strength, asJSON bool) error {
	for i, p := range prompts {
		r, err := render(p, writeDialect, size, negative)
		if err != nil {
			return err
		}
		if asJSON {
			obj := map[string]any{
				"idea": p.Idea, "prompt": r.Text, "negative_prompt": r.Negative, "dialect": writeDialect,
				"seed": p.Seed, "variation": p.Variation, "chaos": p.Chaos, "writer": p.Writer,
				"method": st.Method(),
			}
			if parentID != "" {
				obj["parent_id"] = parentID
			}
			if err := printJSON(a.stdout, obj); err != nil {
				return err
			}
			continue
		}
		if i > 0 {
			fmt.Fprintln(a.stdout)
		}
		fmt.Fprintf(a.stdout, "— variation %d (%s, seed %d)\n", i+1, st, p.Seed)
		fmt.Fprintln(a.stdout, r.Text)
		if r.Negative != "" {
			fmt.Fprintf(a.stdout, "Negative prompt: %s\n", r.Negative)
		}
	}
	return nil
}

// refEngine returns the engine spec a picture is rendered on: --engine
// when given, else the engine that made it when easel has it, else the
// built-in canvas, with a note saying why.
func refEngine(flag string, r *lineage.Ref) (spec, note string) {
	if flag != "" {
		return flag, ""
	}
	name := r.Art.Engine
	if name != "" {
		if _, ok := engines().Lookup(name); ok {
			return name, ""
		}
	}
	switch {
	case r.Picture != nil && name == "":
		return "builtin", fmt.Sprintf("easel has no engine for %s, which made this picture: using the built-in canvas (choose one with --engine)", r.Picture.Maker())
	case name != "":
		return "builtin", fmt.Sprintf("easel has no engine %q, which made this picture: using the built-in canvas (choose one with --engine)", name)
	}
	return "builtin", ""
}

// note prints what easel changed or could not do, on stderr.
func (a *app) note(s string) { fmt.Fprintf(a.stderr, "easel: note: %s\n", s) }

// noteList holds notes until the work is under way, so that bad input
// gets its one easel: line and nothing else.
type noteList struct {
	a       *app
	list    []string
	flushed bool
}

func (n *noteList) add(s string) {
	if s == "" {
		return
	}
	if n.flushed {
		n.a.note(s)
		return
	}
	n.list = append(n.list, s)
}

// flush prints the notes held so far; later ones print at once.
func (n *noteList) flush() {
	if !n.flushed {
		for _, s := range n.list {
			n.a.note(s)
		}
		n.flushed = true
	}
}

// failed returns err, printing the notes first when they may explain a
// failure at run time (not for bad input, whose message says it all).
func (n *noteList) failed(err error) error {
	switch easel.ErrorCode(err) {
	case easel.EINVALID, easel.ENOTFOUND:
	default:
		n.flush()
	}
	return err
}

// reportArtwork prints a saved artwork as imagine does, after copying it
// into out when set.
func (a *app) reportArtwork(art *easel.Artwork, out string, asJSON bool) {
	path := art.Path
	if out != "" {
		if p, err := copyFile(art.Path, out, art.ID+".png"); err == nil {
			path = p
		} else {
			fmt.Fprintf(a.stderr, "easel: %s\n", easel.ErrorMessage(err))
		}
	}
	if asJSON {
		printJSON(a.stdout, imageJSON(art, path))
		return
	}
	a.printSaved(path, art, art.Method+" of "+orNone(art.ParentID))
}

func orNone(id string) string {
	if id == "" {
		return "text"
	}
	return id
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

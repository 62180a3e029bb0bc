package main

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/config"
	"github.com/easel-art/easel/pipeline"
	"github.com/easel-art/easel/prompt/dialect"
	"github.com/easel-art/easel/prompt/template"
	"github.com/easel-art/easel/verb"
)

const imagineUsage = `Usage: easel imagine [flags] IDEA

Writes a detailed prompt for IDEA, renders it and saves the picture in the gallery.
Works offline with the built-in writer and canvas; --engine and --llm pick remote ones.

Examples:
  easel imagine "a beach sunset"
  easel imagine "a castle on a hill under a full moon" -n 4 --aspect 16:9 --seed 42
  easel imagine "a fox in autumn leaves" --out ./pictures --json`

// genFlags are the flags of commands that write prompts and render them.
type genFlags struct {
	dataFlags
	sizeFlags
	engine    string
	n, v      int
	seed      int64
	chaos     int
	style     string
	negative  string
	dialect   string
	out       string
	template  bool
	wildcards string
	llm       string
	system    string
}

func (g *genFlags) add(fs *flag.FlagSet) {
	g.dataFlags.add(fs)
	g.sizeFlags.add(fs)
	fs.StringVar(&g.engine, "engine", "builtin", "image engine NAME[:MODEL] (see easel engines)")
	fs.IntVar(&g.n, "n", 1, "number of images per prompt")
	fs.IntVar(&g.v, "v", 1, "number of prompt variations")
	fs.Int64Var(&g.seed, "seed", -1, "seed, -1 for a random one; the same seed and options give the same picture")
	fs.IntVar(&g.chaos, "chaos", 50, "how far variations wander, 0 (wording) to 100 (new composition, light and mood)")
	fs.StringVar(&g.style, "style", "", "style preset (see easel styles list)")
	fs.StringVar(&g.negative, "negative", "", "more things to keep out of the picture")
	fs.StringVar(&g.dialect, "for", "", "prompt dialect (default: the engine's own)")
	fs.StringVar(&g.out, "out", "", "also copy the images into this directory")
	fs.BoolVar(&g.template, "template", false, "the idea is a dynamic-prompt template: {a|b}, __wildcards__, ...; -v N expands it N times")
	fs.StringVar(&g.llm, "llm", "builtin", "prompt writer NAME[:MODEL]: builtin, openai, anthropic or ollama")
	fs.StringVar(&g.system, "system", "", "file with your own instructions for the language model (with --llm)")
	fs.StringVar(&g.wildcards, "wildcards", "", "wildcard directory for --template (default <data dir>/wildcards)")
}

func cmdImagine(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("imagine", imagineUsage)
	a.addTeamFlags(fs)
	var g genFlags
	g.add(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	idea, err := oneArg(pos, "idea", `easel imagine "a beach sunset"`)
	if err != nil {
		return err
	}
	if err := easel.ValidateIdeaText(idea); err != nil {
		return err
	}
	size, err := g.resolve()
	if err != nil {
		return err
	}
	if g.n < 1 || g.v < 1 {
		return easel.Errorf(easel.EINVALID, "-n and -v must be at least 1")
	}
	if g.chaos < 0 || g.chaos > 100 {
		return easel.Errorf(easel.EINVALID, "--chaos %d is out of range: use 0 to 100", g.chaos)
	}
	// Fail on a bad engine before anything is written.
	if _, _, err := a.openEngine(g.engine); err != nil {
		return err
	}
	d, err := parseDialectFlag(g.dialect)
	if err != nil {
		return err
	}
	dataDir := config.DataDir(g.dataDir, a.getenv)
	if _, err := loadStyle(dataDir, g.style); err != nil {
		return err
	}
	writer, err := a.openWriter(g.llm, g.system, !g.json)
	if err != nil {
		return err
	}
	seed := resolveSeed(g.seed)
	// Expand a template before anything is opened, so a broken one changes nothing.
	ideas := []string{idea}
	if g.template {
		wc, closeWC, err := openWildcards(g.wildcards, dataDir)
		if err != nil {
			return err
		}
		ideas, err = expandIdeas(ctx, idea, true, g.v, seed, wc, template.WildcardsDir(g.wildcards, dataDir))
		closeWC()
		if err != nil {
			return err
		}
	}
	gal, err := a.openGallery(ctx, dataDir)
	if err != nil {
		return err
	}
	defer gal.Close()
	core := a.core(gal, dataDir, func(string) (easel.PromptWriter, error) { return writer, nil })
	chaos := g.chaos
	req := verb.ImagineRequest{
		Idea: idea, Style: g.style, Negative: g.negative, Engine: g.engine,
		Size: size, Seed: seed, Variations: g.v, N: g.n, Chaos: &chaos, Dialect: d,
		Hooks: verb.Hooks{
			OnPrompt: func(pr *easel.Prompt, r pipeline.Rendered) {
				if g.json {
					return
				}
				fmt.Fprintf(a.stdout, "prompt: %s\n", r.Text)
				if r.Negative != "" {
					fmt.Fprintf(a.stdout, "negative: %s\n", r.Negative)
				}
			},
			OnNote: a.note,
			OnArtwork: func(art *easel.Artwork) {
				a.reportArtwork(ctx, gal, art, g.out, g.json, "")
			},
		},
	}
	if g.out != "" {
		if err := checkOutDir(g.out); err != nil {
			return err
		}
	}
	if !g.template {
		_, err = verb.Imagine(ctx, core, req)
		return err
	}
	// A template's expansions are the variations: one prompt each, each
	// keeping the template it came from.
	req.Variations = 1
	req.Method = easel.MethodTemplate
	req.Template = idea
	for i, text := range ideas {
		r := req
		r.Idea = text
		r.Seed = seed + int64(i*g.n)
		if _, err := verb.Imagine(ctx, core, r); err != nil {
			return err
		}
	}
	return nil
}

// imageJSON is the --json object printed per image.
func imageJSON(art *easel.Artwork, path string) map[string]any {
	m := map[string]any{
		"id": art.ID, "path": path, "gallery_path": art.Path, "idea": art.Idea, "prompt": art.Prompt,
		"negative_prompt": art.NegativePrompt, "engine": art.Engine, "model": art.Model, "seed": art.Seed,
		"width": art.Width, "height": art.Height, "elapsed_ms": art.ElapsedMS, "dialect": art.Dialect,
		"writer": art.Writer, "method": art.Method, "cost_usd": art.CostUSD, "sha256": art.SHA256,
	}
	if art.Template != "" {
		m["template"] = art.Template
	}
	if art.Style != "" {
		m["style"] = art.Style
	}
	if art.RevisedPrompt != "" {
		m["revised_prompt"] = art.RevisedPrompt
	}
	if art.ParentID != "" {
		m["parent_id"] = art.ParentID
	}
	return m
}

// checkOutDir fails early, before any work, when --out cannot be written.
func checkOutDir(dir string) error {
	if _, err := copyProbe(dir); err != nil {
		return easel.Errorf(easel.EINVALID, "cannot write to --out %s: %v", dir, err)
	}
	return nil
}

func copyProbe(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	if err := mkdirProbe(abs); err != nil {
		return "", err
	}
	return abs, nil
}

// parseDialectFlag parses --for; "" means the engine's own dialect.
func parseDialectFlag(s string) (easel.Dialect, error) {
	if s == "" {
		return "", nil
	}
	return dialect.Parse(s)
}

package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/describe"
	"github.com/easel-art/easel/imageio"
	"github.com/easel-art/easel/lineage"
	"github.com/easel-art/easel/llm"
	"github.com/easel-art/easel/pipeline"
	"github.com/easel-art/easel/prompt/builtin"
)

const describeUsage = `Usage: easel describe [flags] IMAGE

Prints numbered prompts, each different, that could make a picture. IMAGE is a PNG, JPEG or WebP
file or a gallery id. A picture with generation metadata (easel, AUTOMATIC1111, ComfyUI,
InvokeAI) gets its recorded prompt as number 1 and variations of it after. Any other picture is
analysed offline: its dominant colours, brightness and contrast, warm or cool light, likely time
of day, horizon and composition, and aspect. The offline analysis does not recognise objects.
--imagine K renders prompt K and saves it in the gallery.

Examples:
  easel describe photo.jpg
  easel describe 3f2a9c1d -n 6 --for sdxl
  easel describe render.png --imagine 2 --engine builtin`

func cmdDescribe(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("describe", describeUsage)
	var df dataFlags
	var sf sizeFlags
	df.add(fs)
	sf.add(fs)
	fs.Lookup("size").Usage = "size of the --imagine picture, WIDTHxHEIGHT (default: the described picture's)"
	n := fs.Int("n", 4, "number of prompts (1 to 20)")
	dialectName := fs.String("for", "", "write the prompts in this dialect (natural, gpt-image, flux, sd, sdxl, midjourney)")
	imagineK := fs.Int("imagine", 0, "render prompt K (1 to N) and save it in the gallery")
	engineSpec := fs.String("engine", "builtin", "image engine NAME[:MODEL] for --imagine")
	seed := fs.Int64("seed", -1, "seed for --imagine, -1 for a random one")
	out := fs.String("out", "", "with --imagine, also copy the image into this directory")
	llmSpec := fs.String("llm", "builtin", "describer: builtin (describing with a vision model is not available yet)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	ref, err := oneArg(pos, "picture", "easel describe photo.jpg (a PNG, JPEG or WebP file) or a gallery id")
	if err != nil {
		return err
	}
	if *n < 1 || *n > describe.MaxPrompts {
		return easel.Errorf(easel.EINVALID, "-n %d is out of range: ask for 1 to %d prompts", *n, describe.MaxPrompts)
	}
	if *imagineK < 0 || *imagineK > *n {
		return easel.Errorf(easel.EINVALID, "--imagine %d is not one of the %d prompts: use 1 to %d", *imagineK, *n, *n)
	}
	if name, _, err := llm.ParseSpec(*llmSpec); err != nil || name != "builtin" {
		return easel.Errorf(easel.EINVALID, "--llm %s: describing with a vision model is not available yet; the offline describer (--llm builtin) reads colour, light and layout", *llmSpec)
	}
	d, err := parseDialectFlag(*dialectName)
	if err != nil {
		return err
	}
	if *out != "" && *imagineK > 0 {
		if err := checkOutDir(*out); err != nil {
			return err
		}
	}
	var g easel.Gallery
	openG := func() (easel.Gallery, error) {
		if g == nil {
			db, err := a.openGallery(ctx, df.dataDir)
			if err != nil {
				return nil, err
			}
			g = db
		}
		return g, nil
	}
	defer func() {
		if g != nil {
			g.Close()
		}
	}()
	data, parent, err := describeInput(ctx, ref, openG)
	if err != nil {
		return err
	}
	res, err := describe.Picture(ctx, data, *n)
	if err != nil {
		return err
	}
	if d == "" {
		d = easel.DialectNatural
		if res.Art != nil && res.Art.Dialect != "" {
			d = res.Art.Dialect
		}
	}
	size := easel.Size{Width: res.Width, Height: res.Height}
	if sf.size != "" || sf.aspect != "" {
		if size, err = sf.resolve(); err != nil {
			return err
		}
	} else {
		size, _ = lineage.FitSize(res.Width, res.Height)
	}
	stage := renderDialect(nil)
	render := func(p describe.Described, d easel.Dialect) (pipeline.Rendered, error) {
		if p.Verbatim {
			return pipeline.Rendered{Text: p.Prompt.Text, Negative: strings.Join(p.Prompt.Negative, ", ")}, nil
		}
		return stage(p.Prompt, d, size, "")
	}
	if err := a.printDescribed(res, render, d, df.json); err != nil {
		return err
	}
	if *imagineK == 0 {
		return nil
	}
	chosen := res.Prompts[*imagineK-1]
	gal, err := openG()
	if err != nil {
		return err
	}
	eng, model, err := a.openEngine(*engineSpec)
	if err != nil {
		return err
	}
	parentID := ""
	if parent != nil {
		parentID = parent.ID
	}
	p := &pipeline.Pipeline{Writer: builtin.New(), Gallery: gal, Log: a.log, Retry: a.retryPolicy(),
		Dialect: func(pr *easel.Prompt, d easel.Dialect, _ easel.Size, _ string) (pipeline.Rendered, error) {
			return render(describe.Described{Prompt: pr, Verbatim: chosen.Verbatim}, d)
		}}
	idea := chosen.Prompt.Idea
	if strings.TrimSpace(idea) == "" {
		idea = chosen.Prompt.Text
	}
	_, err = p.Run(ctx, pipeline.Request{
		Idea: easel.Idea{Text: idea}, Engine: eng, Model: model, Size: size, Seed: resolveSeed(*seed), Images: 1,
		Dialect: d, ParentID: parentID, Method: easel.MethodDescribe, Prepared: []*easel.Prompt{chosen.Prompt},
		OnNote: a.note,
		OnArtwork: func(art *easel.Artwork) {
			a.reportArtwork(art, *out, df.json)
		},
	})
	return err
}

// describeInput reads what IMAGE names: a file, or a gallery id whose
// picture is read from the gallery.
func describeInput(ctx context.Context, ref string, openG func() (easel.Gallery, error)) ([]byte, *easel.Artwork, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return nil, nil, easel.Errorf(easel.EINVALID, "no picture given: give a PNG, JPEG or WebP file or a gallery id")
	}
	if _, err := os.Stat(ref); err != nil && !strings.ContainsAny(ref, "/\\.") && lineageID(ref) {
		g, err := openG()
		if err != nil {
			return nil, nil, err
		}
		art, err := g.Get(ctx, strings.ToLower(ref))
		if err != nil {
			return nil, nil, err
		}
		data, err := imageio.ReadFile(art.Path, lineage.MaxPNG)
		if err != nil {
			return nil, nil, err
		}
		return data, art, nil
	}
	data, err := imageio.ReadFile(ref, lineage.MaxPNG)
	if err != nil {
		return nil, nil, err
	}
	// A file from the gallery is its artwork: --imagine names it as parent.
	if g, err := openG(); err == nil {
		if art, err := lineage.FindFile(ctx, g, data); err == nil && art != nil {
			return data, art, nil
		}
	}
	return data, nil, nil
}

// lineageID reports whether s looks like a gallery id: 4 to 32 hex digits.
func lineageID(s string) bool {
	if len(s) < 4 || len(s) > 32 {
		return false
	}
	for _, r := range strings.ToLower(s) {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f') {
			return false
		}
	}
	return true
}

// printDescribed prints the prompts, numbered, or one JSON object.
func (a *app) printDescribed(res *describe.Result, render func(describe.Described, easel.Dialect) (pipeline.Rendered, error), d easel.Dialect, asJSON bool) error {
	type jsonPrompt struct {
		N        int    `json:"n"`
		Prompt   string `json:"prompt"`
		Negative string `json:"negative_prompt,omitempty"`
		Source   string `json:"source"`
	}
	var list []jsonPrompt
	for i, p := range res.Prompts {
		r, err := render(p, d)
		if err != nil {
			return err
		}
		list = append(list, jsonPrompt{N: i + 1, Prompt: r.Text, Negative: r.Negative, Source: p.Source})
	}
	if asJSON {
		obj := map[string]any{"prompts": list, "dialect": d, "format": res.Format, "width": res.Width, "height": res.Height}
		if res.Maker != "" {
			obj["made_by"] = res.Maker
		}
		if res.Analysis != nil {
			obj["analysis"] = res.Analysis
		}
		if res.Note != "" {
			obj["note"] = res.Note
		}
		return printJSON(a.stdout, obj)
	}
	if res.Maker != "" {
		fmt.Fprintf(a.stdout, "made by %s; its recorded prompt is number 1\n\n", res.Maker)
	}
	if an := res.Analysis; an != nil {
		var names []string
		for _, c := range an.Colors {
			names = append(names, fmt.Sprintf("%s %d%%", c.Name, int(c.Share*100+0.5)))
		}
		fmt.Fprintf(a.stdout, "colours: %s\n", strings.Join(names, ", "))
		fmt.Fprintf(a.stdout, "light: %s, brightness %.2f, contrast %.2f; time of day: %s; horizon: %s; weight: %s; aspect %s\n\n",
			an.Light, an.Brightness, an.Contrast, orWord(an.TimeOfDay, "unclear"), horizonWord(an.Horizon), an.Focus, an.Aspect)
	}
	for i, l := range list {
		if i > 0 {
			fmt.Fprintln(a.stdout)
		}
		fmt.Fprintf(a.stdout, "%d. %s\n", l.N, l.Prompt)
		if l.Negative != "" {
			fmt.Fprintf(a.stdout, "   Negative prompt: %s\n", l.Negative)
		}
	}
	if res.Note != "" {
		a.note(res.Note)
	}
	return nil
}

func orWord(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

func horizonWord(h float64) string {
	if h < 0 {
		return "none"
	}
	return fmt.Sprintf("%d%% from the top", int(h*100+0.5))
}

package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/describe"
	"github.com/easel-art/easel/llm"
	"github.com/easel-art/easel/verb"
)

const describeUsage = `Usage: easel describe [flags] IMAGE

Prints numbered prompts, each different, that could make a picture. IMAGE is a PNG, JPEG or WebP
file or a gallery id. A picture with generation metadata (easel, AUTOMATIC1111, ComfyUI,
InvokeAI) gets its recorded prompt as number 1 and variations of it after. Any other picture is
analysed offline: its dominant colours, brightness and contrast, warm or cool light, likely time
of day, horizon and composition, and aspect. The offline analysis does not recognise objects:
--llm openai, anthropic or ollama sends the picture (downscaled to what the model reads) to a
vision model, which writes the prompts.
--imagine K renders prompt K and saves it in the gallery.

Examples:
  easel describe photo.jpg
  easel describe 3f2a9c1d -n 6 --for sdxl
  easel describe render.png --imagine 2 --engine builtin`

func cmdDescribe(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("describe", describeUsage)
	a.addTeamFlags(fs)
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
	llmSpec := fs.String("llm", "builtin", "describer: builtin (metadata, else an offline analysis) or a vision model NAME[:MODEL]: openai, anthropic or ollama")
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
	if _, _, err := llm.ParseSpec(*llmSpec); err != nil {
		return err
	}
	d, err := parseDialectFlag(*dialectName)
	if err != nil {
		return err
	}
	size, err := sf.resolveOptional()
	if err != nil {
		return err
	}
	g, dataDir, err := a.openForOutput(ctx, df.dataDir, *out, *imagineK > 0)
	if err != nil {
		return err
	}
	defer g.Close()
	_, err = verb.Describe(ctx, a.core(g, dataDir, nil), verb.DescribeRequest{
		Image: ref, N: *n, Dialect: d, Imagine: *imagineK, Engine: *engineSpec, Size: size, Seed: *seed, LLM: *llmSpec,
		OnDescribed: func(res *verb.Result) {
			a.printDescribed(res, df.json)
			if res.Described.Note != "" && !df.json {
				a.note(res.Described.Note)
			}
		},
		Hooks: verb.Hooks{
			OnNote: a.note,
			OnArtwork: func(art *easel.Artwork) {
				made := madeFrom(art)
				if art.ParentID == "" {
					// A picture from outside the gallery is not its parent.
					made = "described from " + termSafe(ref)
				}
				a.reportArtwork(ctx, g, art, *out, df.json, made)
			},
		},
	})
	return err
}

// printDescribed prints the prompts, numbered, or one JSON object.
func (a *app) printDescribed(vr *verb.Result, asJSON bool) {
	res := vr.Described
	type jsonPrompt struct {
		N        int    `json:"n"`
		Prompt   string `json:"prompt"`
		Negative string `json:"negative_prompt,omitempty"`
		Source   string `json:"source"`
	}
	var list []jsonPrompt
	d := easel.DialectNatural
	for i, v := range vr.Variations {
		list = append(list, jsonPrompt{N: i + 1, Prompt: v.Text, Negative: v.Negative, Source: res.Prompts[i].Source})
		d = v.Dialect
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
		printJSON(a.stdout, obj)
		return
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

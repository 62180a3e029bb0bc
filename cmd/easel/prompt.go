package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/config"
	"github.com/easel-art/easel/prompt/dialect"
	"github.com/easel-art/easel/prompt/template"
)

const promptUsage = `Usage: easel prompt [flags] IDEA

Writes the detailed prompt a skilled prompt writer would for IDEA, without rendering it.
--for picks the dialect: natural (default), gpt-image, flux, sd, sdxl or midjourney.

Examples:
  easel prompt "a beach sunset"
  easel prompt "a beach sunset" -v 3 --chaos 80
  easel prompt "a castle under a full moon" --for sd --style "oil painting" --json`

func cmdPrompt(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("prompt", promptUsage)
	var df dataFlags
	var sf sizeFlags
	df.add(fs)
	sf.add(fs)
	forFlag := fs.String("for", "natural", "prompt dialect: natural, gpt-image, flux, sd, sdxl, midjourney")
	v := fs.Int("v", 1, "number of variations")
	seed := fs.Int64("seed", -1, "seed, -1 for a random one; the same seed gives the same prompts")
	chaos := fs.Int("chaos", 50, "how far variations wander, 0 (wording) to 100 (new composition, light and mood)")
	styleName := fs.String("style", "", "style preset (see easel styles list)")
	negative := fs.String("negative", "", "more things to keep out of the picture")
	llmSpec := fs.String("llm", "builtin", "prompt writer NAME[:MODEL]: builtin, openai, anthropic or ollama")
	systemFile := fs.String("system", "", "file with your own instructions for the language model (with --llm)")
	isTemplate := fs.Bool("template", false, "the idea is a dynamic-prompt template: {a|b}, __wildcards__, ...; -v N expands it N times")
	wildcards := fs.String("wildcards", "", "wildcard directory for --template (default <data dir>/wildcards)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	idea, err := oneArg(pos, "idea", `easel prompt "a beach sunset"`)
	if err != nil {
		return err
	}
	if err := easel.ValidateIdeaText(idea); err != nil {
		return err
	}
	d, err := dialect.Parse(*forFlag)
	if err != nil {
		return err
	}
	if *v < 1 || *v > 100 {
		return easel.Errorf(easel.EINVALID, "-v %d is out of range: use 1 to 100", *v)
	}
	chaosSet := false
	fs.Visit(func(f *flag.Flag) { chaosSet = chaosSet || f.Name == "chaos" })
	if *chaos < 0 || *chaos > 100 {
		return easel.Errorf(easel.EINVALID, "--chaos %d is out of range: use 0 to 100", *chaos)
	}
	size, err := sf.resolve()
	if err != nil {
		return err
	}
	dataDir := config.DataDir(df.dataDir, a.getenv)
	style, err := loadStyle(dataDir, *styleName)
	if err != nil {
		return err
	}
	writer, err := a.openWriter(*llmSpec, *systemFile, !df.json)
	if err != nil {
		return err
	}
	s := resolveSeed(*seed)
	var prompts []*easel.Prompt
	if *isTemplate {
		wc, closeWC, err := openWildcards(*wildcards, dataDir)
		if err != nil {
			return err
		}
		defer closeWC()
		ideas, err := expandIdeas(ctx, idea, true, *v, s, wc, template.WildcardsDir(*wildcards, dataDir))
		if err != nil {
			return err
		}
		for i, text := range ideas {
			ps, err := writer.WritePrompts(ctx, easel.WriteRequest{
				Idea: text, Template: idea, Style: *styleName, Negative: *negative, Seed: s + int64(i), N: 1, Chaos: *chaos, Dialect: d,
			})
			if err != nil {
				return err
			}
			ps[0].Variation = i
			prompts = append(prompts, ps...)
		}
	} else {
		prompts, err = writer.WritePrompts(ctx, easel.WriteRequest{
			Idea: idea, Style: *styleName, Negative: *negative, Seed: s, N: *v, Chaos: *chaos, Dialect: d,
		})
		if err != nil {
			return err
		}
	}
	for i, p := range prompts {
		o := dialect.Options{Width: size.Width, Height: size.Height, Seed: p.Seed, Style: style, ExtraNegative: *negative}
		if chaosSet {
			o.Chaos = *chaos // midjourney writes --chaos only when asked
		}
		r, err := dialect.Render(p, d, o)
		if err != nil {
			return err
		}
		if df.json {
			obj := map[string]any{
				"idea": p.Idea, "prompt": r.Text, "negative_prompt": r.Negative, "dialect": r.Dialect,
				"style": r.Style, "seed": p.Seed, "llm": p.Writer, "tokens": r.Tokens, "variation": p.Variation,
			}
			if r.Chunks != nil {
				obj["chunks"] = r.Chunks
			}
			if *isTemplate {
				obj["template"] = idea
			}
			if err := printJSON(a.stdout, obj); err != nil {
				return err
			}
			continue
		}
		if len(prompts) > 1 {
			if i > 0 {
				fmt.Fprintln(a.stdout)
			}
			fmt.Fprintf(a.stdout, "— variation %d (seed %d)\n", i+1, p.Seed)
		}
		fmt.Fprintln(a.stdout, r.Text)
		if r.Negative != "" {
			fmt.Fprintf(a.stdout, "Negative prompt: %s\n", r.Negative)
		}
	}
	return nil
}

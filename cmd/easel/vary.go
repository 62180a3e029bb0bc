package main

import (
	"context"
	"fmt"
	"strconv"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/lineage"
	"github.com/easel-art/easel/verb"
)

const varyUsage = `Usage: easel vary [flags] REF

Writes variations of a picture's prompt, renders them on the picture's engine at its size and
saves them in the gallery as its children. REF is a gallery id (or a prefix of one), a PNG file
(easel's, AUTOMATIC1111's or ComfyUI's) or prompt text.

--strength subtle keeps the composition, the light and most of the wording, whatever the seed: each
variation of a built-in prompt changes one small thing (a neighbouring mood, a colour accent, more
detail), as refine would; --strength strong keeps only what the idea says and changes the
composition, light and mood.

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
	a.addTeamFlags(fs)
	var df dataFlags
	var sf sizeFlags
	df.add(fs)
	sf.add(fs)
	// A variation keeps its picture's size unless told otherwise.
	fs.Lookup("size").Usage = "picture size WIDTHxHEIGHT, 64..2048 a side (default: the picture's)"
	n := fs.Int("n", defaultVariations, "number of variations")
	strength := fs.String("strength", string(lineage.Subtle), "subtle (same composition, light and most wording; one small change each) or strong (new composition, light and mood)")
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
	// Chaos is passed on only when asked for: without it a built-in
	// picture's subtle variations keep its wording (one small change each).
	var ch *int
	if chaos != -1 {
		ch = &chaos
		st = lineage.StrengthOf(chaos)
	}
	size, err := sf.resolveOptional()
	if err != nil {
		return err
	}
	d, err := parseDialectFlag(*dialectName)
	if err != nil {
		return err
	}
	g, dataDir, err := a.openForOutput(ctx, df.dataDir, *out, !*promptOnly)
	if err != nil {
		return err
	}
	defer g.Close()
	writer := func(spec string) (easel.PromptWriter, error) { return a.openWriter(spec, *systemFile, !df.json) }
	pending := heldPrompt{quiet: df.json}
	res, err := verb.Vary(ctx, a.core(g, dataDir, writer), verb.VaryRequest{
		Ref: ref, Strength: st, Chaos: ch, N: *n, Engine: *engineSpec, LLM: *llmSpec, Size: size, Seed: resolveSeed(*seed),
		Negative: *negative, Dialect: d, PromptOnly: *promptOnly,
		Hooks: verb.Hooks{
			OnPrompt: pending.hold,
			OnNote:   a.note,
			OnArtwork: func(art *easel.Artwork) {
				pending.flush(a.stdout)
				a.reportArtwork(ctx, g, art, *out, df.json, madeFrom(art))
			},
		},
	})
	if err != nil {
		return err
	}
	if *promptOnly {
		parentID := ""
		if res.Parent != nil {
			parentID = res.Parent.ID
		}
		return a.printVariations(res.Variations, parentID, st, df.json)
	}
	return nil
}

// printVariations prints the prompts of vary --prompt-only.
func (a *app) printVariations(vs []verb.Variation, parentID string, st lineage.Strength, asJSON bool) error {
	for i, v := range vs {
		p, r := v.Prompt, v.Rendered
		if asJSON {
			obj := map[string]any{
				"idea": p.Idea, "prompt": r.Text, "negative_prompt": r.Negative, "dialect": v.Dialect,
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

// note prints what easel changed or could not do, on stderr.
func (a *app) note(s string) { fmt.Fprintf(a.stderr, "easel: note: %s\n", s) }

// madeFrom says how a child was made, for printSaved: "vary-subtle of
// 3f2a…".
func madeFrom(art *easel.Artwork) string { return art.Method + " of " + orNone(art.ParentID) }

func orNone(id string) string {
	if id == "" {
		return "text"
	}
	return id
}

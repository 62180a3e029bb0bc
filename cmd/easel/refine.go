package main

import (
	"context"
	"fmt"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/llm"
	"github.com/easel-art/easel/refine"
	"github.com/easel-art/easel/verb"
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
	a.addTeamFlags(fs)
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
	llmSpec := fs.String("llm", "builtin", "who refines: builtin (Scene edits, offline), or a language model NAME[:MODEL]: openai, anthropic or ollama")
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
	name, _, err := llm.ParseSpec(*llmSpec)
	if err != nil {
		return err
	}
	if name == "builtin" {
		// Bad words are refused before anything is opened.
		if _, err := refine.Parse(instruction); err != nil {
			return err
		}
	} else if err := refine.ValidateInstruction(instruction); err != nil {
		return err
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
	pending := heldPrompt{quiet: df.json}
	var changes []string
	res, err := verb.Refine(ctx, a.core(g, dataDir, nil), verb.RefineRequest{
		Ref: ref, Instruction: instruction, N: *n, Engine: *engineSpec, Size: size, Seed: *seed,
		Negative: *negative, Dialect: d, PromptOnly: *promptOnly, LLM: *llmSpec,
		OnRefined: func(r *refine.Result) {
			changes = r.Changes
			if !df.json {
				fmt.Fprintf(a.stdout, "changed: %s\n", r.Summary())
			}
		},
		Hooks: verb.Hooks{
			OnPrompt: pending.hold,
			OnNote:   a.note,
			OnArtwork: func(art *easel.Artwork) {
				pending.flush(a.stdout)
				if df.json {
					m := imageJSON(art, a.copyOut(ctx, g, art, *out))
					m["instruction"], m["changes"] = art.Instruction, changes
					printJSON(a.stdout, m)
					return
				}
				a.reportArtwork(ctx, g, art, *out, false, madeFrom(art))
			},
		},
	})
	if err != nil || !*promptOnly {
		return err
	}
	v := res.Variations[0]
	if df.json {
		obj := map[string]any{
			"idea": res.Refine.Idea, "instruction": instruction, "changes": res.Refine.Changes, "prompt": v.Text,
			"negative_prompt": v.Negative, "dialect": v.Dialect, "seed": v.Prompt.Seed, "writer": v.Prompt.Writer,
			"width": res.Size.Width, "height": res.Size.Height, "method": easel.MethodRefine,
		}
		if res.Parent.ID != "" {
			obj["parent_id"] = res.Parent.ID
		}
		return printJSON(a.stdout, obj)
	}
	fmt.Fprintf(a.stdout, "changed: %s\n", res.Refine.Summary())
	fmt.Fprintln(a.stdout, v.Text)
	if v.Negative != "" {
		fmt.Fprintf(a.stdout, "Negative prompt: %s\n", v.Negative)
	}
	return nil
}

package main

import (
	"context"
	"fmt"

	"github.com/easel-art/easel/config"
	"github.com/easel-art/easel/verb"
)

const reproduceUsage = `Usage: easel reproduce [flags] REF

Renders a picture again with the same prompt, negative prompt, seed, size, steps, sampler, model
and engine, and saves it in the gallery as the picture's child. On the built-in canvas the
pixels are identical. REF is a gallery id (or a prefix of one) or a PNG file (easel's,
AUTOMATIC1111's or ComfyUI's). A picture from another tool, or one rendered on another engine
with --engine, gets the closest settings; what cannot be carried over is named on stderr.

Examples:
  easel reproduce 3f2a9c1d
  easel reproduce ~/Pictures/00042-1234567.png --engine a1111
  easel reproduce 3f2a9c1d --engine builtin --json`

func cmdReproduce(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("reproduce", reproduceUsage)
	a.addTeamFlags(fs)
	var df dataFlags
	df.add(fs)
	engineSpec := fs.String("engine", "", "image engine NAME[:MODEL] (default: the picture's own)")
	out := fs.String("out", "", "also copy the image into this directory")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	ref, err := oneArg(pos, "picture", "easel reproduce 3f2a9c1d (an id from easel gallery list) or a PNG file")
	if err != nil {
		return err
	}
	if *out != "" {
		if err := checkOutDir(*out); err != nil {
			return err
		}
	}
	g, err := a.openGallery(ctx, df.dataDir)
	if err != nil {
		return err
	}
	defer g.Close()
	res, err := verb.Reproduce(ctx, a.core(g, config.DataDir(df.dataDir, a.getenv), nil), verb.ReproduceRequest{
		Ref: ref, Engine: *engineSpec, Hooks: verb.Hooks{OnNote: a.note},
	})
	if err != nil {
		return err
	}
	made := res.Artworks[0]
	path := a.copyOut(ctx, g, made, *out)
	if df.json {
		m := imageJSON(made, path)
		if res.Identical != nil {
			m["identical"] = *res.Identical
		}
		return printJSON(a.stdout, m)
	}
	a.printSaved(path, made, "reproduce of "+orNone(res.Parent.ID))
	switch {
	case res.Identical == nil:
	case *res.Identical:
		fmt.Fprintln(a.stdout, "identical: the pixels are the same as the original's")
	default:
		fmt.Fprintf(a.stdout, "different: the pixels differ from the original's (%s made another picture from the same settings: its model or configuration may have changed)\n", made.Engine)
	}
	return nil
}

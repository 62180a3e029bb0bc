package main

import (
	"context"
	"flag"
	"fmt"
	"strconv"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/verb"
)

const editUsage = `Usage: easel edit [flags] IMAGE "WORDS"

Changes a picture toward the words and saves the result in the gallery as the picture's child.
IMAGE is a PNG, JPEG or WebP file or a gallery id; a file not yet in the gallery is added to it.
Without --mask the whole picture changes (image-to-image; on the built-in canvas, a repaint in its
styles); with --mask only the masked area is repainted (inpaint). A mask is a picture of the same
size: white (or transparent) where to repaint, black (or opaque) where to keep.

--strength is how far from the picture: 0 keeps it, 1 follows the words only (AUTOMATIC1111's
denoising strength). Default 0.5, or 0.85 with a mask.

--service picks one of an engine's own edit services (easel engines --json lists them).

Examples:
  easel edit photo.jpg "as a watercolor"
  easel edit 3f2a9c1d "a stormy sky" --mask sky.png
  easel edit room.png "make the walls green" --engine openai --ref swatch.png
  easel edit street.png "a red bicycle" --engine stability --service search-and-replace --search "the blue car"`

const outpaintUsage = `Usage: easel outpaint [flags] IMAGE ["WORDS"]

Extends a picture past its edges (Midjourney's Zoom Out and Pan) and saves the result as its child.
--aspect W:H grows the short side to that aspect, evenly on both sides; --expand LEFT,TOP,RIGHT,BOTTOM
adds that many pixels on each side (--expand 0,0,512,0 pans right). The picture itself is kept.
Engines without an outpaint of their own repaint the new border as an inpaint.

Examples:
  easel outpaint 3f2a9c1d --aspect 16:9
  easel outpaint beach.png --expand 256,0,256,0 "more of the beach"`

const upscaleUsage = `Usage: easel upscale [flags] IMAGE

Enlarges a picture by --scale (2 or 4) and saves the result as its child, with the picture's prompt
and metadata. The built-in upscaler is a Catmull-Rom resampler with a light sharpen.

Examples:
  easel upscale 3f2a9c1d
  easel upscale photo.png --scale 4 --out ~/Pictures`

// editFlags are the flags edit, outpaint and upscale share.
type editFlags struct {
	df       dataFlags
	engine   string
	seed     int64
	n        int
	out      string
	style    string
	negative string
}

func (e *editFlags) add(fs *flag.FlagSet) {
	e.df.add(fs)
	fs.StringVar(&e.engine, "engine", "builtin", "image engine NAME[:MODEL] (see easel engines --json for what each can do)")
	fs.Int64Var(&e.seed, "seed", -1, "seed, -1 for a random one")
	fs.IntVar(&e.n, "n", 1, "number of pictures to make")
	fs.StringVar(&e.out, "out", "", "also copy the pictures into this directory")
	fs.StringVar(&e.style, "style", "", "style or medium, such as watercolor, oil, pencil sketch, woodblock, pixel art")
	fs.StringVar(&e.negative, "negative", "", "things to keep out of the picture (engines that honour it)")
}

func cmdEdit(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("edit", editUsage)
	a.addTeamFlags(fs)
	var ef editFlags
	ef.add(fs)
	mask := fs.String("mask", "", "mask picture: white or transparent where to repaint")
	strength := -1.0 // unset: 0.5, or 0.85 with a mask
	fs.Func("strength", "how far from the picture, 0..1 (default 0.5, 0.85 with --mask)", func(v string) error {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || f < 0 || f > 1 {
			return fmt.Errorf("give a number from 0 (keep the picture) to 1 (follow the words only)")
		}
		strength = f
		return nil
	})
	fidelity := fs.String("fidelity", "", "OpenAI input_fidelity: high or low")
	service := fs.String("service", "", "one of the engine's own edit services: stability has search-and-replace, erase, remove-background, sketch, structure and style")
	search := fs.String("search", "", "what search-and-replace finds (the words say what replaces it)")
	var refs []string
	fs.Func("ref", "a reference picture (several times for several)", func(s string) error { refs = append(refs, s); return nil })
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) < 2 && !(len(pos) == 1 && (*service == "erase" || *service == "remove-background")) {
		return easel.Errorf(easel.EINVALID, "easel edit needs a picture and words: for example easel edit photo.jpg \"as a watercolor\"")
	}
	return a.runEdit(ctx, &ef, verb.EditRequest{Op: easel.OpEdit, Image: pos[0], Words: strings.Join(pos[1:], " "),
		Mask: *mask, Refs: refs, Strength: strength, Fidelity: *fidelity, Service: *service, Search: *search})
}

func cmdOutpaint(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("outpaint", outpaintUsage)
	a.addTeamFlags(fs)
	var ef editFlags
	ef.add(fs)
	aspect := fs.String("aspect", "", "grow the picture to this aspect ratio W:H, evenly on both sides")
	expand := fs.String("expand", "", "pixels to add LEFT,TOP,RIGHT,BOTTOM")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return easel.Errorf(easel.EINVALID, "no picture given: for example easel outpaint 3f2a9c1d --aspect 16:9")
	}
	return a.runEdit(ctx, &ef, verb.EditRequest{Op: easel.OpOutpaint, Image: pos[0], Words: strings.Join(pos[1:], " "),
		Aspect: *aspect, Expand: *expand, Strength: -1})
}

func cmdUpscale(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("upscale", upscaleUsage)
	a.addTeamFlags(fs)
	var ef editFlags
	ef.add(fs)
	scale := fs.Int("scale", 2, "2 or 4")
	upscaler := fs.String("upscaler", "", "the engine's upscaler when it has several: stability has fast (4x), conservative and creative (to about 4 megapixels)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return easel.Errorf(easel.EINVALID, "easel upscale takes one picture: for example easel upscale 3f2a9c1d --scale 2")
	}
	if *scale != 2 && *scale != 4 {
		return easel.Errorf(easel.EINVALID, "--scale %d: give 2 or 4", *scale)
	}
	return a.runEdit(ctx, &ef, verb.EditRequest{Op: easel.OpUpscale, Image: pos[0], Scale: *scale, Upscaler: *upscaler, Strength: -1})
}

// runEdit runs an edit verb with the shared flags and prints each picture
// as it is saved.
func (a *app) runEdit(ctx context.Context, ef *editFlags, r verb.EditRequest) error {
	if ef.n < 1 || ef.n > 10 {
		return easel.Errorf(easel.EINVALID, "-n %d is out of range: make 1 to 10 pictures at a time", ef.n)
	}
	g, dataDir, err := a.openForOutput(ctx, ef.df.dataDir, ef.out, true)
	if err != nil {
		return err
	}
	defer g.Close()
	r.Engine, r.Seed, r.N, r.Style, r.Negative = ef.engine, ef.seed, ef.n, ef.style, ef.negative
	r.Hooks = verb.Hooks{
		OnNote: a.note,
		OnArtwork: func(art *easel.Artwork) {
			a.reportArtwork(ctx, g, art, ef.out, ef.df.json, madeFrom(art))
		},
	}
	_, err = verb.Edit(ctx, a.core(g, dataDir, nil), r)
	return err
}

package main

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"image"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/imageio"
	"github.com/easel-art/easel/lineage"
	"github.com/easel-art/easel/pipeline"
	"github.com/easel-art/easel/pngmeta"
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
	r, err := lineage.Resolve(ctx, g, ref)
	if err != nil {
		return err
	}
	if r.Kind == lineage.RefText {
		return easel.Errorf(easel.EINVALID, "%q is neither a gallery id nor a PNG file: reproduce needs a picture (see easel gallery list); to render text use easel imagine", oneLine(ref, 40))
	}
	orig := r.Art
	spec, note := refEngine(*engineSpec, r)
	eng, model, err := a.openEngine(spec)
	if err != nil {
		return err
	}
	notes := &noteList{a: a}
	notes.add(note)
	var md *pngmeta.Metadata
	if r.Picture != nil {
		md = r.Picture.Meta
	}
	set, mapped := lineage.Reproduce(orig, md, lineage.Target{Name: eng.Name(), Caps: eng.Capabilities(), Model: model})
	for _, n := range mapped {
		notes.add(n)
	}
	d := easel.Dialect("")
	if orig.Engine == eng.Name() {
		d = orig.Dialect
	}
	// The prompt is sent as it was: the dialect stage is skipped.
	verbatim := func(*easel.Prompt, easel.Dialect, easel.Size, string) (pipeline.Rendered, error) {
		return pipeline.Rendered{Text: set.Prompt, Negative: set.Negative}, nil
	}
	prepared := &easel.Prompt{
		Idea: orig.Idea, Template: orig.Template, Text: set.Prompt, Style: orig.Style,
		Seed: set.Seed, Writer: orig.Writer, Scene: set.Scene,
	}

	imported := false
	if r.Kind == lineage.RefPNG && !r.InGallery() {
		if err := lineage.Import(ctx, g, r); err != nil {
			return err
		}
		imported = true
	}
	p := &pipeline.Pipeline{Writer: a.writer(), Gallery: g, Dialect: verbatim, Log: a.log}
	var made *easel.Artwork
	arts, err := p.Run(ctx, pipeline.Request{
		Idea:   easel.Idea{Text: orig.Idea, Template: orig.Template, Style: orig.Style},
		Engine: eng, Model: set.Model, Size: set.Size, Seed: set.Seed, Images: 1, Dialect: d,
		Steps: set.Steps, CFGScale: set.CFGScale, Sampler: set.Sampler,
		ParentID: r.Art.ID, Method: easel.MethodReproduce, Prepared: []*easel.Prompt{prepared},
		OnNote:    func(s string) { notes.flush(); a.note(s) },
		OnArtwork: func(art *easel.Artwork) { notes.flush(); made = art },
	})
	if err != nil {
		if imported && len(arts) == 0 {
			g.Delete(context.WithoutCancel(ctx), r.Art.ID)
		}
		return notes.failed(err)
	}
	original := r.PNG
	if original == nil {
		original, _ = imageio.ReadFile(orig.Path, lineage.MaxPNG) // a missing file only means no comparison
	}
	same, compared := false, false
	if original != nil && orig.Engine == made.Engine {
		// Only the same engine can make the same picture.
		if now, err := imageio.ReadFile(made.Path, lineage.MaxPNG); err == nil {
			same, compared = samePicture(original, now)
		}
	}
	return a.reportReproduction(made, *out, df.json, r.Art.ID, same, compared)
}

// reportReproduction prints the reproduction and whether its pixels are
// those of the original.
func (a *app) reportReproduction(art *easel.Artwork, out string, asJSON bool, origID string, same, compared bool) error {
	path := art.Path
	if out != "" {
		if p, err := copyFile(art.Path, out, art.ID+".png"); err == nil {
			path = p
		} else {
			fmt.Fprintf(a.stderr, "easel: %s\n", easel.ErrorMessage(err))
		}
	}
	if asJSON {
		m := imageJSON(art, path)
		if compared {
			m["identical"] = same
		}
		return printJSON(a.stdout, m)
	}
	a.printSaved(path, art, "reproduce of "+orNone(origID))
	switch {
	case !compared:
	case same:
		fmt.Fprintln(a.stdout, "identical: the pixels are the same as the original's")
	default:
		fmt.Fprintf(a.stdout, "different: the pixels differ from the original's (%s made another picture from the same settings: its model or configuration may have changed)\n", art.Engine)
	}
	return nil
}

// samePicture reports whether two PNGs hold the same picture: the same
// image data bytes, or, when the encoders differ, the same pixels. ok is
// false when either cannot be decoded within the pixel budget: then
// nothing was compared.
func samePicture(a, b []byte) (same, ok bool) {
	if da, db := idat(a), idat(b); da != nil && bytes.Equal(da, db) {
		return true, true
	}
	ia, _, err1 := imageio.Decode(a)
	ib, _, err2 := imageio.Decode(b)
	if err1 != nil || err2 != nil {
		return false, false
	}
	if ia.Bounds() != ib.Bounds() {
		return false, true
	}
	bounds := ia.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			if !sameColor(ia, ib, x, y) {
				return false, true
			}
		}
	}
	return true, true
}

func sameColor(a, b image.Image, x, y int) bool {
	r1, g1, b1, a1 := a.At(x, y).RGBA()
	r2, g2, b2, a2 := b.At(x, y).RGBA()
	return r1 == r2 && g1 == g2 && b1 == b2 && a1 == a2
}

// idat returns the concatenated IDAT chunk data of a PNG, nil when it is
// not a well-formed one.
func idat(p []byte) []byte {
	const sig = 8
	if len(p) < sig {
		return nil
	}
	var out []byte
	for off := sig; off+12 <= len(p); {
		n := int(binary.BigEndian.Uint32(p[off:]))
		if n < 0 || off+12+n > len(p) {
			return nil
		}
		typ := string(p[off+4 : off+8])
		if typ == "IDAT" {
			out = append(out, p[off+8:off+8+n]...)
		}
		if typ == "IEND" {
			return out
		}
		off += 12 + n
	}
	return nil
}

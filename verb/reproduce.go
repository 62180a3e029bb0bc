package verb

import (
	"bytes"
	"context"
	"encoding/binary"
	"image"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/imageio"
	"github.com/easel-art/easel/lineage"
	"github.com/easel-art/easel/pipeline"
	"github.com/easel-art/easel/pngmeta"
)

// ReproduceRequest asks for a picture to be rendered again with the same
// prompt, negative prompt, seed, size, steps, CFG scale, sampler, model
// and engine, and saved as its child.
type ReproduceRequest struct {
	// Ref names the picture: a gallery id (or a unique prefix) or a PNG
	// file (easel's, AUTOMATIC1111's or ComfyUI's); see lineage.Resolve.
	Ref string
	// Parent, when set, is the gallery artwork meant, and Ref is not read:
	// faces that looked the picture up by id (the server, MCP) pass it.
	Parent *easel.Artwork
	// Engine is a NAME[:MODEL] spec ("": the picture's engine when easel
	// has it, else the built-in canvas). On another engine the closest
	// settings are chosen and what cannot be carried over is a note.
	Engine string
	Hooks
}

// Reproduce renders a picture again. On the engine that made it,
// Result.Identical says whether the pixels came out the same.
func Reproduce(ctx context.Context, c *Core, r ReproduceRequest) (*Result, error) {
	ref, err := resolve(ctx, c, r.Parent, r.Ref)
	if err != nil {
		return nil, err
	}
	if ref.Kind == lineage.RefText {
		return nil, easel.Errorf(easel.EINVALID, "%q is neither a gallery id nor a PNG file: reproduce needs a picture (see easel gallery list); to render text use easel imagine", shorten(r.Ref, 40))
	}
	orig := ref.Art
	nt := &notes{hook: r.OnNote}
	spec, note := c.refEngine(r.Engine, ref)
	nt.add(note)
	eng, model, err := c.Engine(spec)
	if err != nil {
		return nil, err
	}
	var md *pngmeta.Metadata
	if ref.Picture != nil {
		md = ref.Picture.Meta
	}
	set, mapped := lineage.Reproduce(orig, md, lineage.Target{Name: eng.Name(), Caps: eng.Capabilities(), Model: model})
	for _, n := range mapped {
		nt.add(n)
	}
	d := easel.Dialect("")
	if orig.Engine == eng.Name() {
		d = orig.Dialect
	}
	prepared := &easel.Prompt{
		Idea: orig.Idea, Template: orig.Template, Text: set.Prompt, Style: orig.Style,
		Seed: set.Seed, Writer: orig.Writer, Scene: set.Scene,
	}
	// The prompt is sent as it was: the dialect stage is skipped.
	stage := DialectStage(nil, map[*easel.Prompt]pipeline.Rendered{prepared: {Text: set.Prompt, Negative: set.Negative}})

	res := &Result{Seed: set.Seed, Parent: orig}
	if _, err := c.runChild(ctx, ref, nt, r.Hooks, c.Pipeline(nil, stage), pipeline.Request{
		Idea:   easel.Idea{Text: orig.Idea, Template: orig.Template, Style: orig.Style},
		Engine: eng, Model: set.Model, Size: set.Size, Seed: set.Seed, Images: 1, Dialect: d,
		Steps: set.Steps, CFGScale: set.CFGScale, Sampler: set.Sampler,
		Method: easel.MethodReproduce, Prepared: []*easel.Prompt{prepared},
	}, res); err != nil {
		return res, err
	}
	made := res.Artworks[0]
	if orig.Engine == made.Engine {
		// Only the same engine can make the same picture.
		original := ref.PNG
		if original == nil && orig.SHA256 != "" {
			original, _ = easel.ReadImage(ctx, c.Gallery.Images(), orig.SHA256) // a missing file only means no comparison
		}
		if original != nil {
			if now, err := easel.ReadImage(ctx, c.Gallery.Images(), made.SHA256); err == nil {
				if same, ok := SamePicture(original, now); ok {
					res.Identical = &same
				}
			}
		}
	}
	return res, nil
}

// SamePicture reports whether two PNGs hold the same picture: the same
// image data bytes, or, when the encoders differ, the same pixels. ok is
// false when either cannot be decoded within the pixel budget: then
// nothing was compared.
func SamePicture(a, b []byte) (same, ok bool) {
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

// shorten makes s one line of at most n characters, for messages.
func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

package canvas

import (
	"context"
	"fmt"
	"image"
	"image/draw"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/imageio"
)

// Edit limits of the built-in canvas: it works on the picture as given, up
// to 4096 pixels a side, and upscales to at most 8192.
const (
	maxEditSide    = 4096
	maxUpscaleSide = 8192
)

// Ops lists what the canvas does with a picture in: restyle (edit), masked
// repaint (inpaint), zoom out and pan (outpaint) and upscale, offline and free.
func (e *Engine) Ops() []easel.OpSupport {
	formats := []string{"png", "jpeg", "webp"}
	return []easel.OpSupport{
		{Op: easel.OpEdit, MaxImages: 1, MaxSide: maxEditSide, MinSide: 16, Formats: formats, Mask: true},
		{Op: easel.OpInpaint, MaxImages: 1, MaxSide: maxEditSide, MinSide: 16, Formats: formats, Mask: true},
		{Op: easel.OpOutpaint, MaxImages: 1, MaxSide: maxEditSide, MinSide: 16, Formats: formats},
		{Op: easel.OpUpscale, MaxImages: 1, MaxSide: maxUpscaleSide / 2, MinSide: 1, Formats: formats, Scales: []int{2, 4}},
	}
}

// Edit does req.Op on req.Image: OpEdit restyles the whole picture (or,
// with a mask, only the masked area), OpInpaint repaints the masked area as
// the Scene the words describe, OpOutpaint extends the picture by
// req.Expand, and OpUpscale enlarges it by req.Scale. Each of the N results
// uses seed req.Seed+i.
func (e *Engine) Edit(ctx context.Context, req *easel.EditRequest) (*easel.RenderResult, error) {
	s, ok := easel.FindOp(e.Ops(), req.Op, "")
	if !ok {
		return nil, easel.Errorf(easel.EINVALID, "the built-in canvas cannot %s", req.Op)
	}
	if err := easel.CheckEdit(e.Name(), s, req); err != nil {
		return nil, err
	}
	n := req.N
	if n == 0 {
		n = 1
	}
	if n < 1 || n > MaxN {
		return nil, easel.Errorf(easel.EINVALID, "the built-in canvas makes 1 to %d pictures at a time; %d were asked for", MaxN, req.N)
	}
	if req.Op == easel.OpInpaint && req.Mask == nil {
		return nil, easel.Errorf(easel.EINVALID, "inpaint needs a mask: give --mask MASK.png (white or transparent where to repaint)")
	}
	b := req.Image.Image.Bounds()
	switch req.Op {
	case easel.OpOutpaint:
		in := req.Expand
		if in.Left < 0 || in.Top < 0 || in.Right < 0 || in.Bottom < 0 || in.Zero() {
			return nil, easel.Errorf(easel.EINVALID, "outpaint needs the pixels to add on at least one side, none negative (got %s)", in)
		}
		if w, h := b.Dx()+in.Left+in.Right, b.Dy()+in.Top+in.Bottom; w > maxEditSide || h > maxEditSide {
			return nil, easel.Errorf(easel.EINVALID, "outpainting to %dx%d is too large: the built-in canvas goes up to %d pixels a side", w, h, maxEditSide)
		}
	case easel.OpUpscale:
		if u := strings.ToLower(req.Upscaler); u != "" && u != "catmull-rom" {
			return nil, easel.Errorf(easel.EINVALID, "the built-in canvas has one upscaler, Catmull-Rom, not %q: leave out --upscaler", req.Upscaler)
		}
		if req.Scale == 0 {
			req.Scale = 2
		}
		if w, h := b.Dx()*req.Scale, b.Dy()*req.Scale; w > maxUpscaleSide || h > maxUpscaleSide {
			return nil, easel.Errorf(easel.EINVALID, "upscaling %dx%d by %d makes %dx%d: the built-in canvas goes up to %d pixels a side", b.Dx(), b.Dy(), req.Scale, w, h, maxUpscaleSide)
		} else if px := int64(w) * int64(h); px > imageio.MaxPixels() {
			// A picture over the pixel budget could be saved but never
			// shown, thumbnailed or edited again.
			return nil, easel.Errorf(easel.EINVALID, "upscaling %dx%d by %d makes %.1f megapixels, over the %.0f-megapixel budget (EASEL_MAX_PIXELS): use --scale 2 or a smaller picture", b.Dx(), b.Dy(), req.Scale, float64(px)/1e6, float64(imageio.MaxPixels())/1e6)
		}
	}
	res := &easel.RenderResult{Model: "canvas", Steps: 1, Sampler: "easel canvas", CFGScale: 1}
	for i := 0; i < n; i++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		seed := req.Seed + int64(i)
		var img *image.RGBA
		switch req.Op {
		case easel.OpEdit:
			img = Restyle(req.Image.Image, req.Scene, req.Style, req.Prompt, req.Strength, seed)
			if req.Mask != nil {
				img = blendMasked(toRGBA(req.Image.Image), img, req.Mask)
			}
		case easel.OpInpaint:
			if hasWords(contentOf(req.Scene)) {
				img = Inpaint(req.Image.Image, req.Mask, req.Scene, req.Style, req.Prompt, req.Strength, seed)
			} else {
				// Words that only name a style ("as a watercolor")
				// restyle the masked area rather than paint a Scene in it.
				img = blendMasked(toRGBA(req.Image.Image), Restyle(req.Image.Image, req.Scene, req.Style, req.Prompt, req.Strength, seed), req.Mask)
			}
		case easel.OpOutpaint:
			img = Outpaint(req.Image.Image, req.Expand)
		case easel.OpUpscale:
			img = Upscale(req.Image.Image, req.Scale)
		}
		png, err := EncodePNG(img)
		if err != nil {
			return nil, fmt.Errorf("canvas encode: %w", err)
		}
		res.Images = append(res.Images, easel.RenderedImage{PNG: png, Seed: seed})
		res.Width, res.Height = img.Rect.Dx(), img.Rect.Dy()
		if req.Progress != nil {
			req.Progress(float64(i+1) / float64(n))
		}
	}
	return res, nil
}

// toRGBA returns img as an *image.RGBA at origin (0,0), flattened over
// white where it is transparent, as paper shows through.
func toRGBA(img image.Image) *image.RGBA {
	b := img.Bounds()
	if m, ok := img.(*image.RGBA); ok && b.Min == (image.Point{}) && opaque(m) {
		return m
	}
	out := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(out, out.Rect, image.White, image.Point{}, draw.Src)
	draw.Draw(out, out.Rect, img, b.Min, draw.Over)
	return out
}

func opaque(m *image.RGBA) bool {
	for i := 3; i < len(m.Pix); i += 4 {
		if m.Pix[i] != 255 {
			return false
		}
	}
	return true
}

// loadInto copies img (w x h, 8-bit, opaque) into the canvas's float buffer.
func loadInto(c *canvas, img *image.RGBA) {
	c.rows(0, c.h, func(y0, y1 int) {
		for y := y0; y < y1; y++ {
			src := img.Pix[y*img.Stride : y*img.Stride+c.w*4]
			dst := c.pix[y*c.w*3 : (y+1)*c.w*3]
			for x := 0; x < c.w; x++ {
				dst[x*3] = lut8[src[x*4]]
				dst[x*3+1] = lut8[src[x*4+1]]
				dst[x*3+2] = lut8[src[x*4+2]]
			}
		}
	})
}

// lut8 maps an 8-bit level to the canvas's 0..1 float.
var lut8 = func() (t [256]float32) {
	for i := range t {
		t[i] = float32(i) / 255
	}
	return t
}()

// blendMasked keeps orig where mask is 0 and takes edited where it is 255,
// mixing in between. Pixels outside the mask are copied exactly.
func blendMasked(orig, edited *image.RGBA, mask *image.Alpha) *image.RGBA {
	out := image.NewRGBA(orig.Rect)
	w, h := orig.Rect.Dx(), orig.Rect.Dy()
	for y := 0; y < h; y++ {
		o := orig.Pix[y*orig.Stride : y*orig.Stride+w*4]
		e := edited.Pix[y*edited.Stride : y*edited.Stride+w*4]
		d := out.Pix[y*out.Stride : y*out.Stride+w*4]
		m := mask.Pix[y*mask.Stride : y*mask.Stride+w]
		for x := 0; x < w; x++ {
			a := uint32(m[x])
			for k := 0; k < 4; k++ {
				d[x*4+k] = uint8((uint32(o[x*4+k])*(255-a) + uint32(e[x*4+k])*a + 127) / 255)
			}
		}
	}
	return out
}

var _ easel.Editor = (*Engine)(nil)

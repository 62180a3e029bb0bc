package canvas

import (
	"image"

	"github.com/easel-art/easel"
	xdraw "golang.org/x/image/draw"
)

// Inpaint repaints the masked area of a picture (mask 255: repaint, 0:
// keep) as the Scene the words describe, painted in the style, and keeps
// every pixel outside the mask as it was. The mask's edge is feathered
// inward (A1111's "Mask blur"), so the new paint fades into the old
// without touching what is outside. strength (0..1) is how much of the
// picture's own broad colour and form the repainted area gives up: at 1 it
// is the Scene alone, lower keeps the picture's forms under the new paint.
func Inpaint(src image.Image, mask *image.Alpha, scene *easel.Scene, style, prompt string, strength float64, seed int64) *image.RGBA {
	in := toRGBA(src)
	w, h := in.Rect.Dx(), in.Rect.Dy()
	if scene == nil {
		scene = &easel.Scene{}
	}
	fill := drawAt(scene, style, prompt, w, h, seed)
	k := float32(min(max(strength, 0), 1))
	if k < 1 {
		keepForms(in, fill, 1-k)
	}
	return blendMasked(in, fill, featherIn(mask, max(min(w, h)/40, 2)))
}

// drawAt draws the Scene at exactly w x h, drawing within the canvas's
// size limits and resampling when the picture is outside them.
func drawAt(scene *easel.Scene, style, prompt string, w, h int, seed int64) *image.RGBA {
	dw, dh := min(max(w, easel.MinSide), easel.MaxSide), min(max(h, easel.MinSide), easel.MaxSide)
	img := drawFramed(scene, style, dw, dh, seed, frameOf(prompt, seed))
	if dw == w && dh == h {
		return img
	}
	out := image.NewRGBA(image.Rect(0, 0, w, h))
	xdraw.CatmullRom.Scale(out, out.Rect, img, img.Rect, xdraw.Src, nil)
	return out
}

// keepForms moves fill's broad colour and form toward in's by k: the
// difference of the two pictures averaged over 1/16 of the picture is
// added back, so the painted detail sits on the picture's own layout.
func keepForms(in, fill *image.RGBA, k float32) {
	w, h := in.Rect.Dx(), in.Rect.Dy()
	tw, th := max(w/16, 1), max(h/16, 1)
	a, b := floats(in), floats(fill)
	la, lb := boxDown(a, w, h, tw, th), boxDown(b, w, h, tw, th)
	for i := range la {
		la[i] = (la[i] - lb[i]) * k
	}
	addUp(b, w, la, tw, th, 0, h)
	for i := 0; i < w*h; i++ {
		fill.Pix[i*4], fill.Pix[i*4+1], fill.Pix[i*4+2] = to8(b[i*3]), to8(b[i*3+1]), to8(b[i*3+2])
	}
}

// floats returns an opaque RGBA picture at origin as 0..1 RGB floats.
func floats(img *image.RGBA) []float32 {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	p := make([]float32, w*h*3)
	for y := 0; y < h; y++ {
		row := img.Pix[y*img.Stride:]
		for x := 0; x < w; x++ {
			o := (y*w + x) * 3
			p[o], p[o+1], p[o+2] = lut8[row[x*4]], lut8[row[x*4+1]], lut8[row[x*4+2]]
		}
	}
	return p
}

// featherIn blurs the mask's edge over about r pixels inward only: a
// pixel keeps at most the mask's own value, so nothing outside the mask
// is touched.
func featherIn(m *image.Alpha, r int) *image.Alpha {
	w, h := m.Rect.Dx(), m.Rect.Dy()
	out := image.NewAlpha(image.Rect(0, 0, w, h))
	tmp := make([]uint32, w*h)
	n := uint32(2*r + 1)
	// Horizontal then vertical box sums, edges clamped; then min with the mask.
	for y := 0; y < h; y++ {
		row := m.Pix[y*m.Stride : y*m.Stride+w]
		var acc uint32
		for x := -r; x <= r; x++ {
			acc += uint32(row[min(max(x, 0), w-1)])
		}
		for x := 0; x < w; x++ {
			tmp[y*w+x] = acc
			acc += uint32(row[min(x+r+1, w-1)]) - uint32(row[max(x-r, 0)])
		}
	}
	for x := 0; x < w; x++ {
		var acc uint32
		for y := -r; y <= r; y++ {
			acc += tmp[min(max(y, 0), h-1)*w+x]
		}
		for y := 0; y < h; y++ {
			v := uint8(acc / (n * n))
			own := m.Pix[y*m.Stride+x]
			// The blurred value is about one half on the mask's edge and
			// one a radius in: stretched to 0..1 over that ring, the new
			// paint fades in from nothing at the edge to full strength a
			// radius inside, so no seam shows where the mask stops.
			v = uint8(max(int(v)*2-255, 0))
			out.Pix[y*out.Stride+x] = min(v, own)
			acc += tmp[min(y+r+1, h-1)*w+x] - tmp[max(y-r, 0)*w+x]
		}
	}
	return out
}

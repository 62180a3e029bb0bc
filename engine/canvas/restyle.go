package canvas

import (
	"image"
	"math"
	"slices"

	"github.com/easel-art/easel"
)

// Restyle repaints a picture in one of the canvas's styles: it keeps the
// picture's layout and moves its light and palette toward the Scene the
// words describe by strength (0 keeps the picture's own colours, 1 takes
// the Scene's light and lets its composition show through), simplifies it
// into brush-sized patches (a generalised Kuwahara filter, wider as
// strength grows), and then lays the style's own medium over it: washes
// and paper for watercolor, strokes and weave for oil, inks for woodblock,
// hatching for pencil, bands for flat vector, a dithered palette for pixel
// art. style "" takes the Scene's style.
func Restyle(src image.Image, scene *easel.Scene, style, prompt string, strength float64, seed int64) *image.RGBA {
	in := toRGBA(src)
	w, h := in.Rect.Dx(), in.Rect.Dy()
	if scene == nil {
		scene = &easel.Scene{}
	}
	if style == "" {
		style = scene.Style
	}
	name := CanonicalStyle(style)
	st := styleFor(name)
	// A lens's darkened corners belong to a photograph taken, not to one
	// restyled: half of the style's vignette.
	st.vignette *= 0.5
	k := float32(min(max(strength, 0), 1))
	st.medium = 0.4 + 0.6*k
	s := sceneSeed(scene, name, seed)
	cw, ch := w, h
	if st.pixel > 0 {
		// Pixel art is made on its grid: the picture is averaged into
		// cells first, and all the work is done at that size.
		cw, ch = max(w/st.pixel, 1), max(h/st.pixel, 1)
	}
	c := newCanvas(cw, ch, s, st)
	defer c.release()
	if st.pixel > 0 {
		boxDown8(c.pix, in, cw, ch)
	} else {
		loadInto(c, in)
	}
	d := &painter{canvas: c}
	scene = contentOf(scene)
	d.p = makePlan(scene, name, cw, ch, c, frameOf(prompt, seed))
	if hasWords(scene) {
		d.towardScene(scene, prompt, seed, k)
		d.gradeBy(k)
	}
	if st.pixel > 0 {
		d.pixelPalette()
		return d.enlarge(w, h)
	}
	if r := abstractRadius(name, k, c.u); r > 0 {
		d.kuwahara(r)
	}
	if name == StyleFlat {
		d.posterize(st.bands)
	}
	var tone []float32
	if name == StylePencil {
		tone = d.lumBuf()
	}
	d.stylePost()
	if tone != nil {
		d.graphite(tone)
	}
	d.finish()
	return c.toRGBA()
}

// hasWords reports whether the Scene says anything to move toward: what
// is in it, where, when, the weather, palette or mood (not only a style).
func hasWords(s *easel.Scene) bool {
	return s != nil && (len(s.Subjects) > 0 || s.Setting != "" || len(s.Elements) > 0 || len(s.Palette) > 0 ||
		s.TimeOfDay != "" || s.Weather != "" || s.Mood != "")
}

// contentOf is the Scene without the words that only name the medium:
// in "as a watercolor" the watercolor is how to paint, not a thing to
// paint, so it is no subject and brings no object into the picture.
func contentOf(s *easel.Scene) *easel.Scene {
	if s == nil {
		return &easel.Scene{}
	}
	out := *s
	out.Subjects = nil
	medium := false
	for _, sub := range s.Subjects {
		if sub.Category == "artwork" || CanonicalStyle(sub.Noun) != StylePhoto {
			medium = true
			continue
		}
		out.Subjects = append(out.Subjects, sub)
	}
	if medium && len(out.Subjects) == 0 {
		out.Subject = ""
		out.Elements = slices.DeleteFunc(slices.Clone(s.Elements), func(e string) bool { return e == "object" })
		if out.Domain == "sky" && out.Setting == "" {
			out.Domain = ""
		}
	}
	return &out
}

// abstractRadius is how far, in pixels, the painting simplifies the
// picture: painted styles lose small detail as a brush would, photographic
// ones only at high strength.
func abstractRadius(style string, k, u float32) int {
	u = max(u, 0.4)
	var r float32
	switch style {
	case StylePhoto, StyleFilm:
		// A photograph loses detail only at high strength; a radius
		// under 2 would not show.
		if r = 5 * k * k * u; r < 1.5 {
			return 0
		}
	case StylePencil:
		r = (1 + 2*k) * u
	case StylePixel:
		r = 0 // the pixel grid simplifies already
	default:
		r = (2 + 6*k) * u
	}
	return int(r + 0.5)
}

// towardScene moves the picture's colours toward the Scene's: its overall
// light and palette by 0.7*k (matching each channel's mean and spread to a
// small rendering of the Scene), and from strength 0.35 up its layout too
// (up to half of it),
// by adding the difference of the two pictures' broad forms.
func (d *painter) towardScene(scene *easel.Scene, prompt string, seed int64, k float32) {
	if k <= 0 {
		return
	}
	tw, th := 64, 64
	if d.w > d.h {
		tw = min(64*d.w/d.h, 256)
	} else {
		th = min(64*d.h/d.w, 256)
	}
	target := drawFramed(scene, StylePhoto, tw, th, seed, frameOf(prompt, seed))
	tw, th = target.Rect.Dx(), target.Rect.Dy()
	tp := make([]float32, tw*th*3)
	for i := 0; i < tw*th; i++ {
		tp[i*3], tp[i*3+1], tp[i*3+2] = lut8[target.Pix[i*4]], lut8[target.Pix[i*4+1]], lut8[target.Pix[i*4+2]]
	}
	low := boxDown(d.pix, d.w, d.h, tw, th)
	mi, si := meanStd(low)
	mt, st := meanStd(tp)
	kc := 0.7 * k
	var gain, off [3]float32
	for ch := 0; ch < 3; ch++ {
		ratio := min(max(st[ch]/max(si[ch], 0.01), 0.5), 2)
		gain[ch] = lerp(1, ratio, kc)
		off[ch] = mi[ch] + (mt[ch]-mi[ch])*kc
	}
	transfer := func(p []float32) {
		for i := 0; i < len(p); i += 3 {
			for ch := 0; ch < 3; ch++ {
				p[i+ch] = (p[i+ch]-mi[ch])*gain[ch] + off[ch]
			}
		}
	}
	// At most about half: even at strength 1 the picture's own forms
	// show through, as in a painting of it.
	kl := 0.5 * smoothstep(0.35, 1, k)
	// The broad forms' difference, after the colour move, at the small size.
	transfer(low)
	for i := range low {
		low[i] = (tp[i] - low[i]) * kl
	}
	d.rows(0, d.h, func(y0, y1 int) {
		transfer(d.pix[y0*d.w*3 : y1*d.w*3])
		if kl > 0 {
			addUp(d.pix, d.w, low, tw, th, y0, y1)
		}
	})
}

// gradeBy applies the plan's grade (palette words, mood) at strength k:
// its tint, saturation, contrast and brightness are each moved toward
// neutral, so one pass does it.
func (d *painter) gradeBy(k float32) {
	if k <= 0 {
		return
	}
	p := d.p
	p.gradeK *= k
	p.sat = 1 + (p.sat-1)*k
	p.contrast = 1 + (p.contrast-1)*k
	p.bright = 1 + (p.bright-1)*k
	d.grade()
}

// posterize turns the picture into flat tones: brightness in a few bands,
// each keeping its hue, as a vector illustration's fills.
func (d *painter) posterize(bands int) {
	levels := float32(max(bands, 2) - 1)
	d.rows(0, d.h, func(y0, y1 int) {
		for i := y0 * d.w * 3; i < y1*d.w*3; i += 3 {
			c := rgb{d.pix[i], d.pix[i+1], d.pix[i+2]}
			l := max(c.lum(), 0.001)
			lq := float32(math.Floor(float64(clamp01(l)*levels+0.5))) / levels
			c = c.scale(max(lq, 0.06) / l)
			// Richer colour, as flat illustration has.
			lq = c.lum()
			c = rgb{lq + (c.r-lq)*1.15, lq + (c.g-lq)*1.15, lq + (c.b-lq)*1.15}
			d.pix[i], d.pix[i+1], d.pix[i+2] = c.r, c.g, c.b
		}
	})
}

// boxDown8 averages an opaque RGBA picture into the tw x th float RGB cells of out.
func boxDown8(out []float32, img *image.RGBA, tw, th int) {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	for ty := 0; ty < th; ty++ {
		y0, y1 := ty*h/th, max((ty+1)*h/th, ty*h/th+1)
		for tx := 0; tx < tw; tx++ {
			x0, x1 := tx*w/tw, max((tx+1)*w/tw, tx*w/tw+1)
			var r, g, b uint32
			for y := y0; y < y1; y++ {
				row := img.Pix[y*img.Stride+x0*4 : y*img.Stride+x1*4]
				for i := 0; i < len(row); i += 4 {
					r += uint32(row[i])
					g += uint32(row[i+1])
					b += uint32(row[i+2])
				}
			}
			n := float32((y1-y0)*(x1-x0)) * 255
			o := (ty*tw + tx) * 3
			out[o], out[o+1], out[o+2] = float32(r)/n, float32(g)/n, float32(b)/n
		}
	}
}

// boxDown averages a w x h float RGB picture into tw x th cells.
func boxDown(pix []float32, w, h, tw, th int) []float32 {
	out := make([]float32, tw*th*3)
	for ty := 0; ty < th; ty++ {
		y0, y1 := ty*h/th, max((ty+1)*h/th, ty*h/th+1)
		for tx := 0; tx < tw; tx++ {
			x0, x1 := tx*w/tw, max((tx+1)*w/tw, tx*w/tw+1)
			var r, g, b float32
			for y := y0; y < y1; y++ {
				row := pix[(y*w+x0)*3 : (y*w+x1)*3]
				for i := 0; i < len(row); i += 3 {
					r += row[i]
					g += row[i+1]
					b += row[i+2]
				}
			}
			n := float32((y1 - y0) * (x1 - x0))
			o := (ty*tw + tx) * 3
			out[o], out[o+1], out[o+2] = r/n, g/n, b/n
		}
	}
	return out
}

// addUp adds the small tw x th picture, enlarged bilinearly to w wide,
// to rows y0..y1 of pix.
func addUp(pix []float32, w int, small []float32, tw, th, y0, y1 int) {
	h := len(pix) / 3 / w
	xa, xb, xt := bilinearTaps(w, tw)
	ya, yb, yt := bilinearTaps(h, th)
	for y := y0; y < y1; y++ {
		ra, rb, ty := small[ya[y]*tw*3:], small[yb[y]*tw*3:], yt[y]
		row := pix[y*w*3 : (y+1)*w*3]
		for x := 0; x < w; x++ {
			a, b, tx := xa[x]*3, xb[x]*3, xt[x]
			for ch := 0; ch < 3; ch++ {
				top := ra[a+ch] + (ra[b+ch]-ra[a+ch])*tx
				bot := rb[a+ch] + (rb[b+ch]-rb[a+ch])*tx
				row[x*3+ch] += top + (bot-top)*ty
			}
		}
	}
}

// bilinearTaps returns, for each of n output positions over m cells, the
// two cells it lies between and the weight of the second.
func bilinearTaps(n, m int) (a, b []int, t []float32) {
	a, b, t = make([]int, n), make([]int, n), make([]float32, n)
	for i := 0; i < n; i++ {
		f := (float32(i)+0.5)*float32(m)/float32(n) - 0.5
		j := int(math.Floor(float64(f)))
		t[i] = f - float32(j)
		a[i], b[i] = min(max(j, 0), m-1), min(max(j+1, 0), m-1)
	}
	return a, b, t
}

// meanStd returns each channel's mean and standard deviation.
func meanStd(p []float32) (mean, sd [3]float32) {
	n := len(p) / 3
	var s, s2 [3]float64
	for i := 0; i < len(p); i += 3 {
		for ch := 0; ch < 3; ch++ {
			v := float64(p[i+ch])
			s[ch] += v
			s2[ch] += v * v
		}
	}
	for ch := 0; ch < 3; ch++ {
		m := s[ch] / float64(max(n, 1))
		mean[ch] = float32(m)
		sd[ch] = float32(math.Sqrt(max(s2[ch]/float64(max(n, 1))-m*m, 0)))
	}
	return mean, sd
}

// graphite shades a pencil drawing with the picture's own tones, as
// smudged graphite under the lines: without it a photograph's light and
// dark would show only through the density of hatching.
func (d *painter) graphite(tone []float32) {
	lift := (0.62 - meanLum(tone)) * 0.6
	d.rows(0, d.h, func(y0, y1 int) {
		for i := y0 * d.w; i < y1*d.w; i++ {
			k := 0.45 + 0.55*clamp01(tone[i]+lift)
			d.pix[i*3] *= k
			d.pix[i*3+1] *= k
			d.pix[i*3+2] *= k
		}
	})
}

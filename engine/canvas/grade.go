package canvas

import (
	"image"
	"math"
)

// grade applies the palette words and the mood: a tint towards the named
// colours (keeping each pixel's brightness), then saturation, contrast and
// brightness.
func (d *painter) grade() {
	p := d.p
	var tint rgb
	tk := float32(0)
	if len(p.grade) > 0 && p.kind != "abstract" { // an abstract work paints in its palette already
		for _, t := range p.grade {
			tint = tint.add(t)
		}
		tint = tint.scale(1 / float32(len(p.grade)))
		tk = p.gradeK
	}
	tl := max(tint.lum(), 0.05)
	sat, con, br := p.sat, p.contrast, p.bright
	if tk == 0 && sat == 1 && con == 1 && br == 1 {
		return
	}
	d.rows(0, d.h, func(y0, y1 int) {
		for i := y0 * d.w * 3; i < y1*d.w*3; i += 3 {
			c := rgb{d.pix[i], d.pix[i+1], d.pix[i+2]}
			l := c.lum()
			if tk > 0 {
				// Highlights (the sun, lit windows) keep their own colour.
				c = c.mix(tint.scale(l/tl), tk*(1-smoothstep(0.75, 1, l)*0.8))
				l = c.lum()
			}
			c = rgb{l + (c.r-l)*sat, l + (c.g-l)*sat, l + (c.b-l)*sat}
			c = rgb{(c.r-0.5)*con + 0.5, (c.g-0.5)*con + 0.5, (c.b-0.5)*con + 0.5}.scale(br)
			d.pix[i], d.pix[i+1], d.pix[i+2] = c.r, c.g, c.b
		}
	})
}

// finish adds the lens: vignette and grain, and the film look.
func (d *painter) finish() {
	st := d.st
	if st.vignette == 0 && st.grain == 0 && st.name != StyleFilm {
		return
	}
	cx, cy := float32(d.w)/2, float32(d.h)/2
	inv := 1 / (cx*cx + cy*cy)
	film := st.name == StyleFilm
	vig := st.vignette
	if d.p.kind == "product" && d.p.prod.surface == "white" {
		vig *= 0.3 // a clean white sweep, edge to edge
	}
	seed := d.seed + 3000
	// Grain is in blobs of about one pixel at 1024 and scales with size,
	// as film grain does with enlargement.
	gs := max(d.u, 1)
	d.rows(0, d.h, func(y0, y1 int) {
		for y := y0; y < y1; y++ {
			dy := float32(y) - cy
			for x := 0; x < d.w; x++ {
				dx := float32(x) - cx
				i := (y*d.w + x) * 3
				c := rgb{d.pix[i], d.pix[i+1], d.pix[i+2]}
				if film {
					// Lifted blacks, warm highlights, slightly faded.
					c = rgb{c.r*0.9 + 0.05, c.g*0.88 + 0.045, c.b*0.82 + 0.06}
					l := c.lum()
					c = c.mix(rgb{l * 1.06, l, l * 0.9}, 0.15)
				}
				v := 1 - vig*smoothstep(0.15, 1, (dx*dx+dy*dy)*inv)
				c = c.scale(v)
				if st.grain > 0 {
					g := grain(int(float32(x)/gs), int(float32(y)/gs), seed) * st.grain * 2
					// Grain shows most in the mid-tones.
					l := c.lum()
					g *= 0.4 + 2.4*l*(1-l)
					c = rgb{c.r + g, c.g + g, c.b + g}
				}
				d.pix[i], d.pix[i+1], d.pix[i+2] = c.r, c.g, c.b
			}
		}
	})
}

// stylePost does the part of a style that works on the whole picture.
func (d *painter) stylePost() {
	switch d.st.name {
	case StyleWatercolor:
		d.watercolor()
	case StyleOil:
		d.oil()
	case StyleWoodblock:
		d.woodblock()
	case StylePencil:
		d.pencil()
	case StyleSynthwave:
		d.synthTone()
	case StyleInk:
		d.inkWash()
	case StyleCharcoal:
		d.charcoal()
	case StyleAnime:
		d.cel()
	case StyleLowPoly:
		d.lowPoly()
	case Style3D:
		d.render3d()
	}
}

// meanLum is the average luminance: styles that redraw in tones (pencil,
// woodblock) lift night scenes so the drawing is not all ink.
func meanLum(l []float32) float32 {
	var s float64
	for _, v := range l {
		s += float64(v)
	}
	return float32(s / float64(max(len(l), 1)))
}

// lumBuf returns the luminance of every pixel.
func (d *painter) lumBuf() []float32 {
	l := make([]float32, d.w*d.h)
	d.rows(0, d.h, func(y0, y1 int) {
		for i := y0 * d.w; i < y1*d.w; i++ {
			l[i] = 0.299*d.pix[i*3] + 0.587*d.pix[i*3+1] + 0.114*d.pix[i*3+2]
		}
	})
	return l
}

// edge returns the luminance gradient magnitude at (x, y).
func edge(l []float32, w, h, x, y int) float32 {
	x0, x1 := max(x-1, 0), min(x+1, w-1)
	y0, y1 := max(y-1, 0), min(y+1, h-1)
	gx := l[y*w+x1] - l[y*w+x0]
	gy := l[y1*w+x] - l[y0*w+x]
	return float32(math.Sqrt(float64(gx*gx + gy*gy)))
}

// woodblock posterises to a printer's few inks on cream paper with the
// grain of the block showing in flat areas.
func (d *painter) woodblock() {
	paper := hex("#f2e6c8")
	seed := d.seed + 6000
	levels := float32(d.st.bands - 1)
	inv := 1 / max(d.u, 0.5)
	lift := 1 + max(0.45-meanLum(d.lumBuf()), 0)*2
	d.rows(0, d.h, func(y0, y1 int) {
		for y := y0; y < y1; y++ {
			for x := 0; x < d.w; x++ {
				i := (y*d.w + x) * 3
				c := rgb{d.pix[i], d.pix[i+1], d.pix[i+2]}.scale(lift)
				// Prussian-blue shift in the shadows, as in ukiyo-e prints.
				l := c.lum()
				c = c.mix(hex("#1f3a5f").scale(l*2), clamp01(0.5-l)*0.5)
				// Each ink is one flat tone: quantise brightness, keep the hue.
				l = max(c.lum(), 0.001)
				lq := float32(math.Floor(float64(clamp01(l)*levels+0.5))) / levels
				c = c.scale(max(lq, 0.12) / l)
				q := func(v float32) float32 {
					return float32(math.Floor(float64(clamp01(v)*8+0.5))) / 8
				}
				c = rgb{q(c.r), q(c.g), q(c.b)}
				wood := valueNoise(float32(x)*inv*0.02, float32(y)*inv*0.6, seed) - 0.5
				c = c.scale(0.92 + wood*0.1).mul(paper)
				d.pix[i], d.pix[i+1], d.pix[i+2] = c.r, c.g, c.b
			}
		}
	})
}

// pencil redraws the picture as graphite on paper: outlines where the
// picture has edges, and hatching whose density follows its darkness.
func (d *painter) pencil() {
	l := d.lumBuf()
	paper := hex("#f4f1ea")
	lead := hex("#3a3a3e")
	seed := d.seed + 7000
	sp := max(7*d.u, 3.5)
	lift := (0.62 - meanLum(l)) * 0.6
	d.rows(0, d.h, func(y0, y1 int) {
		for y := y0; y < y1; y++ {
			for x := 0; x < d.w; x++ {
				i := y*d.w + x
				dark := 1 - clamp01(l[i]+lift)
				fx, fy := float32(x), float32(y)
				jit := fbm(fx/(40*sp), fy/(40*sp), 2, seed) * sp * 1.5
				var ink float32
				hatch := func(v float32, from float32) {
					if dark < from {
						return
					}
					ph := float32(math.Mod(float64(v+jit), float64(sp))) / sp
					line := smoothstep(0.25, 0.0, float32(math.Abs(float64(ph-0.5)))*2-0.55)
					ink = max(ink, line*smoothstep(from, from+0.2, dark)*0.75)
				}
				hatch(fx+fy, 0.42)
				hatch(fx-fy, 0.6)
				hatch(fy*1.0, 0.78)
				e := edge(l, d.w, d.h, x, y)
				ink = max(ink, clamp01(e*4)*0.9)
				ink *= 0.8 + 0.4*grain(x, y, seed+1)
				c := paper.mix(lead, clamp01(ink))
				// A faint paper tooth.
				c = c.scale(1 + grain(x/2, y/2, seed+2)*0.03)
				d.pix[i*3], d.pix[i*3+1], d.pix[i*3+2] = c.r, c.g, c.b
			}
		}
	})
}

// synthTone pushes shadows to violet and highlights to pink and cyan,
// with faint scanlines.
func (d *painter) synthTone() {
	d.rows(0, d.h, func(y0, y1 int) {
		for y := y0; y < y1; y++ {
			scan := float32(1)
			if y%3 == 0 {
				scan = 0.93
			}
			for x := 0; x < d.w; x++ {
				i := (y*d.w + x) * 3
				c := rgb{d.pix[i], d.pix[i+1], d.pix[i+2]}
				l := c.lum()
				c = c.mix(hex("#2a0a5a").scale(l*2.5), clamp01(0.4-l)*0.6)
				ll := l
				c = rgb{ll + (c.r-ll)*1.3, ll + (c.g-ll)*1.3, ll + (c.b-ll)*1.3}.scale(scan)
				d.pix[i], d.pix[i+1], d.pix[i+2] = c.r, c.g, c.b
			}
		}
	})
}

// bayer4 is the 4x4 ordered-dither matrix.
var bayer4 = [16]float32{0, 8, 2, 10, 12, 4, 14, 6, 3, 11, 1, 9, 15, 7, 13, 5}

// pixelPalette reduces colours to a few levels per channel with ordered
// dithering, as an 8-bit game's palette would.
func (d *painter) pixelPalette() {
	const levels = 10
	for y := 0; y < d.h; y++ {
		for x := 0; x < d.w; x++ {
			i := (y*d.w + x) * 3
			// Half-strength dither: gradients break into a few clean steps
			// with a checker only at the step, as hand-made pixel art does.
			// Dither only in a narrow band around each step, so gradients
			// turn into a few clean bands joined by a short checker.
			t := 0.4 + 0.2*(bayer4[(y%4)*4+x%4]+0.5)/16
			for k := 0; k < 3; k++ {
				v := clamp01(d.pix[i+k]) * (levels - 1)
				f := float32(math.Floor(float64(v)))
				if v-f > t {
					f++
				}
				d.pix[i+k] = f / (levels - 1)
				_ = t
			}
		}
	}
}

// enlarge scales the small canvas up to w x h with hard pixel edges.
func (d *painter) enlarge(w, h int) *image.RGBA {
	small := d.toRGBA()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	sw, sh := small.Rect.Dx(), small.Rect.Dy()
	xs := make([]int, w)
	for x := range xs {
		xs[x] = min(x*sw/w, sw-1) * 4
	}
	for y := 0; y < h; y++ {
		sy := min(y*sh/h, sh-1)
		src := small.Pix[sy*small.Stride:]
		dst := img.Pix[y*img.Stride : y*img.Stride+w*4]
		for x := 0; x < w; x++ {
			copy(dst[x*4:x*4+4], src[xs[x]:xs[x]+4])
		}
	}
	return img
}

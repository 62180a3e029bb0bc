package canvas

import (
	"fmt"
	"image"
	"math"
	"testing"

	"github.com/easel-art/easel/scene"
)

// looks are measures of how a picture is made, not what it shows: the
// marks a medium leaves.
type looks struct {
	sat    float64 // mean saturation (max-min of the channels)
	fine   float64 // fine texture: mean |pixel - its 3x3 mean| in luminance
	flat   float64 // share of pixels the same as their right-hand neighbour
	block  float64 // share of 2x2 blocks of one colour, aligned to a 6 px grid, minus off the grid
	paper  float64 // share of near-white, colourless pixels
	ink    float64 // share of near-black pixels
	border float64 // share of the outer 2% frame that is near-white paper
	lum    float64 // mean luminance
}

func (l looks) String() string {
	return fmt.Sprintf("sat %.3f fine %.4f flat %.3f block %+.3f paper %.3f ink %.3f border %.2f lum %.2f",
		l.sat, l.fine, l.flat, l.block, l.paper, l.ink, l.border, l.lum)
}

func (l looks) vec() []float64 {
	return []float64{l.sat * 4, l.fine * 25, l.flat, l.block * 2, l.paper * 2, l.ink * 2, l.border, l.lum}
}

func measure(img *image.RGBA) looks {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	lum := make([]float64, w*h)
	var l looks
	at := func(x, y int) (r, g, b float64) {
		i := y*img.Stride + x*4
		return float64(img.Pix[i]) / 255, float64(img.Pix[i+1]) / 255, float64(img.Pix[i+2]) / 255
	}
	same := func(x0, y0, x1, y1 int) bool {
		i, j := y0*img.Stride+x0*4, y1*img.Stride+x1*4
		return img.Pix[i] == img.Pix[j] && img.Pix[i+1] == img.Pix[j+1] && img.Pix[i+2] == img.Pix[j+2]
	}
	var frame, frameN float64
	bw := max(w/50, 2)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			r, g, b := at(x, y)
			v := 0.299*r + 0.587*g + 0.114*b
			lum[y*w+x] = v
			s := max(r, g, b) - min(r, g, b)
			l.sat += s
			l.lum += v
			white := v > 0.86 && s < 0.08
			if white {
				l.paper++
			}
			if v < 0.12 {
				l.ink++
			}
			if x < bw || y < bw || x >= w-bw || y >= h-bw {
				frameN++
				if white {
					frame++
				}
			}
			if x+1 < w && same(x, y, x+1, y) {
				l.flat++
			}
		}
	}
	n := float64(w * h)
	l.sat /= n
	l.lum /= n
	l.paper /= n
	l.ink /= n
	l.flat /= n
	l.border = frame / frameN
	var on, onN, off, offN float64
	for y := 1; y+1 < h; y++ {
		for x := 1; x+1 < w; x++ {
			var m float64
			for dy := -1; dy <= 1; dy++ {
				for dx := -1; dx <= 1; dx++ {
					m += lum[(y+dy)*w+x+dx]
				}
			}
			l.fine += math.Abs(lum[y*w+x] - m/9)
			// Pixel art's cells: a cell's pixels are one colour, so pairs
			// inside a cell match more often than pairs across cell lines.
			if x%6 == 5 {
				offN++
				if same(x, y, x+1, y) {
					off++
				}
			} else {
				onN++
				if same(x, y, x+1, y) {
					on++
				}
			}
		}
	}
	l.fine /= float64((w - 2) * (h - 2))
	l.block = on/onN - off/offN
	return l
}

// TestStylesDiffer draws fresh ideas (not the corpus's) in every style and
// checks, from how the pictures are made rather than their hashes, that
// every style reads as itself: each differs from every other by a margin,
// and each shows the marks of its medium (watercolor's paper border,
// oil's brush texture, ink's black on white, pixel art's cells...).
func TestStylesDiffer(t *testing.T) {
	ideas := []string{
		"a grey heron standing in a reed marsh at dawn",
		"a yellow tram on a hilly street",
		"a bowl of green apples on a linen cloth",
		"a fisherman's hut on a frozen lake at night",
	}
	const size = 192
	mean := map[string][]float64{}
	per := map[string][]looks{}
	for _, idea := range ideas {
		s := scene.Parse(idea)
		for _, st := range Styles {
			lk := measure(Draw(s, st, size, size, 3))
			per[st] = append(per[st], lk)
			v := lk.vec()
			if mean[st] == nil {
				mean[st] = make([]float64, len(v))
			}
			for i := range v {
				mean[st][i] += v[i] / float64(len(ideas))
			}
		}
	}
	for _, st := range Styles {
		t.Logf("%-14s %v", st, per[st][0])
	}
	// Every pair of styles apart, on average over the ideas.
	closest, pair := math.Inf(1), ""
	defer func() { t.Logf("closest pair of styles: %s, distance %.3f", pair, closest) }()
	for i, a := range Styles {
		for _, b := range Styles[i+1:] {
			var d float64
			for k := range mean[a] {
				d += (mean[a][k] - mean[b][k]) * (mean[a][k] - mean[b][k])
			}
			if d = math.Sqrt(d); a == StylePhoto {
				t.Logf("photo to %-14s distance %.3f", b, d)
			}
			if d < closest {
				closest, pair = d, a+" and "+b
			}
			if d < 0.12 {
				t.Errorf("%s and %s look alike: distance %.3f of how they are made (want >= 0.12)", a, b, d)
			}
		}
	}
	// The marks of each medium, in every idea.
	for k, idea := range ideas {
		photo := per[StylePhoto][k]
		for _, c := range []struct {
			style string
			ok    func(l looks) bool
			want  string
		}{
			{StyleWatercolor, func(l looks) bool { return l.border > 0.5 && l.paper > 0.03 }, "a white paper border, paper showing"},
			{StyleOil, func(l looks) bool { return l.fine > photo.fine*1.8 && l.paper < 0.1 }, "brush texture all over, no paper"},
			{StyleInk, func(l looks) bool { return l.sat < 0.06 && l.paper > 0.08 && l.ink > 0.01 && l.lum > 0.45 }, "black ink and white paper, no colour"},
			{StylePencil, func(l looks) bool { return l.sat < 0.06 && l.ink < 0.02 }, "grey lines, no solid black, no colour"},
			{StyleCharcoal, func(l looks) bool { return l.sat < 0.06 && l.lum < per[StylePencil][k].lum }, "darker than pencil, no colour"},
			{StylePixel, func(l looks) bool { return l.block > 0.3 }, "cells of one colour"},
			{StyleLowPoly, func(l looks) bool { return l.flat > 0.5 && l.block < 0.1 }, "flat facets, not on a grid"},
			{StyleAnime, func(l looks) bool { return l.sat > photo.sat*1.1 }, "cleaner, brighter colour than the photo"},
			{Style3D, func(l looks) bool { return l.fine < photo.fine*0.8 }, "smoother surfaces than the photo"},
			{StyleFlat, func(l looks) bool { return l.flat > 0.3 }, "flat fills"},
		} {
			if l := per[c.style][k]; !c.ok(l) {
				t.Errorf("%s in %s: want %s; got %v (photo %v)", idea, c.style, c.want, l, photo)
			}
		}
	}
}

// TestCanonicalStyle checks the words people use for styles, and that a
// style's word is found only at the start of a word.
func TestCanonicalStyle(t *testing.T) {
	for in, want := range map[string]string{
		"watercolour": StyleWatercolor, "oil on canvas": StyleOil, "sumi-e": StyleInk, "pen and ink": StyleInk,
		"ink": StyleInk, "line art": StyleInk, "charcoal drawing": StyleCharcoal, "pencil sketch": StylePencil,
		"anime": StyleAnime, "cel-shaded": StyleAnime, "comic book": StyleAnime, "low-poly": StyleLowPoly,
		"3D render": Style3D, "octane render": Style3D, "8-bit": StylePixel, "ukiyo-e": StyleWoodblock,
		"impressionism": StyleOil, "Watercolour": StyleWatercolor, "oil painting": StyleOil, "flat vector illustration": StyleFlat,
		"pixel art": StylePixel, "synthwave": StyleSynthwave, "woodblock print": StyleWoodblock, "film photo": StyleFilm, "35mm": StyleFilm, "drink": StylePhoto, "pink": StylePhoto, "celestial": StylePhoto, "": StylePhoto,
	} {
		if got := CanonicalStyle(in); got != want {
			t.Errorf("CanonicalStyle(%q) = %q, want %q", in, got, want)
		}
	}
	if got := sceneStyle(scene.Parse("a charcoal drawing of a lighthouse")); CanonicalStyle(got) != StyleCharcoal {
		t.Errorf("a charcoal drawing is drawn in %q", got)
	}
}

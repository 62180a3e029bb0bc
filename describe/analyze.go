// Package describe reads a picture without a language model: its
// dominant colours (named with npm's color-name-list), brightness and
// contrast, warm or cool light, likely time of day, horizon line,
// composition and aspect, and writes prompts that could make it. It does
// not recognise objects; a vision model does that (easel describe --llm).
package describe

import (
	"fmt"
	"image"
	"math"
	"slices"
)

// grid is the side of the sample grid a picture is read through: enough
// for its colours and layout, and fast at any size.
const grid = 96

// Swatch is one dominant colour.
type Swatch struct {
	// Name is its nearest name in the colour list ("deep sky blue").
	Name string `json:"name"`
	// Family is its plain colour word ("blue").
	Family string `json:"family"`
	// Hex is the colour itself, #rrggbb.
	Hex string `json:"hex"`
	// Share is the fraction of the picture it covers.
	Share float64 `json:"share"`
}

// Analysis is what the offline describer sees in a picture.
type Analysis struct {
	Width  int `json:"width"`
	Height int `json:"height"`
	// Aspect is the nearest common ratio ("16:9", "1:1", "2:3").
	Aspect string `json:"aspect"`
	// Colors are the dominant colours, the largest first.
	Colors []Swatch `json:"colors"`
	// Brightness and Contrast are the mean and spread of the luminance, 0..1.
	Brightness float64 `json:"brightness"`
	Contrast   float64 `json:"contrast"`
	// Warmth is from -1 (cool, blue) to 1 (warm, orange).
	Warmth float64 `json:"warmth"`
	// Light is "warm", "cool" or "neutral".
	Light string `json:"light"`
	// TimeOfDay is the likely time, from the sky: night, dusk, sunset,
	// golden hour, dawn or day; "" when the picture shows no sky.
	TimeOfDay string `json:"time_of_day,omitempty"`
	// Horizon is the horizon line's height from the top (0..1), or -1
	// when there is none.
	Horizon float64 `json:"horizon"`
	// Focus is where the picture's weight sits: "left third", "center"
	// or "right third".
	Focus string `json:"focus"`
}

// px is one sample, sRGB 0..1.
type px struct{ r, g, b float64 }

func (p px) lum() float64 { return 0.2126*p.r + 0.7152*p.g + 0.0722*p.b }

// Analyze reads img.
func Analyze(img image.Image) *Analysis {
	bd := img.Bounds()
	w, h := bd.Dx(), bd.Dy()
	a := &Analysis{Width: w, Height: h, Aspect: aspectOf(w, h), Horizon: -1}
	if w == 0 || h == 0 {
		return a
	}
	gw, gh := min(grid, w), min(grid, h)
	s := make([]px, gw*gh)
	sample(img, gw, gh, s)

	var sum, sum2, warm float64
	for _, p := range s {
		l := p.lum()
		sum += l
		sum2 += l * l
		warm += (p.r - p.b)
	}
	n := float64(len(s))
	a.Brightness = sum / n
	a.Contrast = math.Sqrt(max(0, sum2/n-a.Brightness*a.Brightness)) * 2
	a.Warmth = math.Max(-1, math.Min(1, warm/n*2.5))
	switch {
	case a.Warmth > 0.12:
		a.Light = "warm"
	case a.Warmth < -0.12:
		a.Light = "cool"
	default:
		a.Light = "neutral"
	}
	a.Colors = dominant(s)
	rows := rowMeans(s, gw, gh)
	a.Horizon = horizon(rows)
	a.TimeOfDay = timeOfDay(rows, a.Horizon)
	a.Focus = focus(s, gw, gh)
	return a
}

// sample reads img through a gw×gh grid, averaging a few pixels a cell.
func sample(img image.Image, gw, gh int, out []px) {
	bd := img.Bounds()
	w, h := bd.Dx(), bd.Dy()
	at := pixelReader(img)
	for gy := range gh {
		for gx := range gw {
			var p px
			// Two by two points inside the cell, so a thin line or a
			// star neither vanishes nor dominates.
			for _, o := range [4][2]float64{{0.25, 0.25}, {0.75, 0.25}, {0.25, 0.75}, {0.75, 0.75}} {
				x := bd.Min.X + int((float64(gx)+o[0])*float64(w)/float64(gw))
				y := bd.Min.Y + int((float64(gy)+o[1])*float64(h)/float64(gh))
				r, g, b := at(x, y)
				p.r += r
				p.g += g
				p.b += b
			}
			out[gy*gw+gx] = px{p.r / 4, p.g / 4, p.b / 4}
		}
	}
}

// pixelReader returns a fast reader for the common image types.
func pixelReader(img image.Image) func(x, y int) (float64, float64, float64) {
	switch m := img.(type) {
	case *image.RGBA:
		return func(x, y int) (float64, float64, float64) {
			i := m.PixOffset(x, y)
			return float64(m.Pix[i]) / 255, float64(m.Pix[i+1]) / 255, float64(m.Pix[i+2]) / 255
		}
	case *image.NRGBA:
		return func(x, y int) (float64, float64, float64) {
			i := m.PixOffset(x, y)
			a := float64(m.Pix[i+3]) / 255
			return float64(m.Pix[i]) / 255 * a, float64(m.Pix[i+1]) / 255 * a, float64(m.Pix[i+2]) / 255 * a
		}
	}
	return func(x, y int) (float64, float64, float64) {
		r, g, b, _ := img.At(x, y).RGBA()
		return float64(r) / 65535, float64(g) / 65535, float64(b) / 65535
	}
}

// dominant finds the main colours by k-means in RGB, seeded from a
// coarse histogram so the result does not depend on chance.
func dominant(s []px) []Swatch {
	const k = 6
	// Seeds: the centres of the most filled 4×4×4 bins.
	type bin struct {
		n       int
		r, g, b float64
	}
	var bins [64]bin
	for _, p := range s {
		i := int(min(p.r*4, 3))*16 + int(min(p.g*4, 3))*4 + int(min(p.b*4, 3))
		bins[i].n++
		bins[i].r += p.r
		bins[i].g += p.g
		bins[i].b += p.b
	}
	idx := make([]int, 64)
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(x, y int) int { return bins[y].n - bins[x].n })
	var cents []px
	for _, i := range idx {
		if bins[i].n == 0 || len(cents) == k {
			break
		}
		b := bins[i]
		cents = append(cents, px{b.r / float64(b.n), b.g / float64(b.n), b.b / float64(b.n)})
	}
	counts := make([]int, len(cents))
	assign := make([]int, len(s))
	for iter := 0; iter < 8; iter++ {
		sums := make([]px, len(cents))
		clear(counts)
		for j, p := range s {
			best, bd := 0, math.MaxFloat64
			for c, q := range cents {
				d := (p.r-q.r)*(p.r-q.r) + (p.g-q.g)*(p.g-q.g) + (p.b-q.b)*(p.b-q.b)
				if d < bd {
					best, bd = c, d
				}
			}
			assign[j] = best
			counts[best]++
			sums[best].r += p.r
			sums[best].g += p.g
			sums[best].b += p.b
		}
		for c := range cents {
			if counts[c] > 0 {
				n := float64(counts[c])
				cents[c] = px{sums[c].r / n, sums[c].g / n, sums[c].b / n}
			}
		}
	}
	var out []Swatch
	for c, q := range cents {
		share := float64(counts[c]) / float64(len(s))
		if share < 0.03 {
			continue
		}
		sw := Swatch{Name: colorName(q.r, q.g, q.b), Family: family(q.r, q.g, q.b), Share: math.Round(share*1000) / 1000,
			Hex: fmt.Sprintf("#%02x%02x%02x", int(q.r*255+0.5), int(q.g*255+0.5), int(q.b*255+0.5))}
		// Two clusters with one name are one colour.
		if i := slices.IndexFunc(out, func(o Swatch) bool { return o.Name == sw.Name }); i >= 0 {
			out[i].Share += sw.Share
			continue
		}
		out = append(out, sw)
	}
	slices.SortStableFunc(out, func(x, y Swatch) int {
		switch {
		case x.Share > y.Share:
			return -1
		case x.Share < y.Share:
			return 1
		}
		return 0
	})
	return out
}

// rowMeans is the mean colour of each row of the grid.
func rowMeans(s []px, gw, gh int) []px {
	rows := make([]px, gh)
	for y := range gh {
		var m px
		for x := range gw {
			p := s[y*gw+x]
			m.r += p.r
			m.g += p.g
			m.b += p.b
		}
		n := float64(gw)
		rows[y] = px{m.r / n, m.g / n, m.b / n}
	}
	return rows
}

// horizon finds the row where the picture changes most from above to
// below (sky to land or sea), between 15% and 85% of the height; -1 when
// no row changes enough to be a horizon.
func horizon(rows []px) float64 {
	n := len(rows)
	if n < 8 {
		return -1
	}
	band := max(2, n/16)
	best, bestD := -1, 0.0
	for y := n * 15 / 100; y <= n*85/100; y++ {
		var above, below px
		for k := 1; k <= band; k++ {
			a, b := rows[max(0, y-k)], rows[min(n-1, y+k-1)]
			above.r += a.r
			above.g += a.g
			above.b += a.b
			below.r += b.r
			below.g += b.g
			below.b += b.b
		}
		f := float64(band)
		d := math.Abs(above.r-below.r)/f + math.Abs(above.g-below.g)/f + math.Abs(above.b-below.b)/f
		if d > bestD {
			best, bestD = y, d
		}
	}
	if bestD < 0.12 {
		return -1
	}
	return math.Round(float64(best)/float64(n)*100) / 100
}

// sky is what the time of day is read from: the top of the picture,
// which is sky in nearly every landscape, and the warmest band below it,
// where a low sun glows.
type sky struct{ top, glow px }

func skyFeatures(rows []px) sky {
	n := len(rows)
	var f sky
	k := max(1, n*12/100)
	for _, p := range rows[:k] {
		f.top.r += p.r / float64(k)
		f.top.g += p.g / float64(k)
		f.top.b += p.b / float64(k)
	}
	best := -10.0
	for _, p := range rows[n*10/100 : max(n*10/100+1, n*70/100)] {
		if w := p.r - p.b + 0.5*p.r; w > best {
			best, f.glow = w, p
		}
	}
	return f
}

// timeOfDay reads the sky: a dark top is night, a dim blue one dusk, a
// clear blue one day; a warm glowing band under it is a low sun, its hue
// telling golden hour (yellow under a neutral sky), sunset (orange under
// a dim violet one) and dawn (pale peach under lavender).
func timeOfDay(rows []px, _ float64) string {
	if len(rows) < 4 {
		return ""
	}
	f := skyFeatures(rows)
	t, g := f.top, f.glow
	warmBand := g.r-g.b > 0.18 && g.r > 0.55
	violet := t.g < t.r-0.03 && t.g < t.b-0.03
	switch {
	case t.b < 0.23 && t.lum() < 0.15:
		return "night"
	case t.b-t.r > 0.2 && t.b > 0.6:
		return "day"
	case warmBand && g.g/g.r > 0.74 && (t.g-t.r > 0.015 || g.b/g.r < 0.55):
		return "golden hour"
	case warmBand && g.g/g.r > 0.74:
		return "dawn"
	case warmBand && t.lum() > 0.24:
		return "sunset"
	case t.lum() < 0.26:
		return "dusk"
	case violet && t.lum() < 0.32:
		return "dusk"
	case violet:
		return "sunset"
	case t.b > t.r:
		return "day"
	}
	return "golden hour"
}

// focus finds where the picture's weight sits across: the centroid of
// the samples, each weighted by how far it is from the mean colour.
func focus(s []px, gw, gh int) string {
	var mean px
	for _, p := range s {
		mean.r += p.r
		mean.g += p.g
		mean.b += p.b
	}
	n := float64(len(s))
	mean = px{mean.r / n, mean.g / n, mean.b / n}
	var wsum, xsum float64
	for y := range gh {
		for x := range gw {
			p := s[y*gw+x]
			d := math.Abs(p.r-mean.r) + math.Abs(p.g-mean.g) + math.Abs(p.b-mean.b)
			d *= d
			wsum += d
			xsum += d * (float64(x) + 0.5) / float64(gw)
		}
	}
	if wsum == 0 {
		return "center"
	}
	cx := xsum / wsum
	switch {
	case cx < 0.44:
		return "left third"
	case cx > 0.56:
		return "right third"
	}
	return "center"
}

// aspectOf names the common ratio nearest to w:h.
func aspectOf(w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	r := float64(w) / float64(h)
	best, bd := "1:1", math.MaxFloat64
	for _, c := range []struct {
		name string
		r    float64
	}{{"1:1", 1}, {"4:3", 4.0 / 3}, {"3:2", 1.5}, {"16:9", 16.0 / 9}, {"21:9", 21.0 / 9}, {"3:4", 0.75}, {"2:3", 2.0 / 3}, {"9:16", 9.0 / 16}} {
		if d := math.Abs(math.Log(r / c.r)); d < bd {
			best, bd = c.name, d
		}
	}
	return best
}

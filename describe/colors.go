package describe

import (
	_ "embed"
	"encoding/csv"
	"math"
	"strconv"
	"strings"
	"sync"
)

// colornamesCSV is a subset of npm's color-name-list (MIT): see
// colornames/README.md.
//
//go:embed colornames/colornames.csv
var colornamesCSV string

// named is one colour of the name list, with its CIE Lab coordinates.
type named struct {
	name    string
	hex     string
	l, a, b float64
}

var colorNames = sync.OnceValue(func() []named {
	rows, err := csv.NewReader(strings.NewReader(colornamesCSV)).ReadAll()
	if err != nil {
		panic("describe: colornames.csv: " + err.Error()) // embedded and tested: cannot happen
	}
	out := make([]named, 0, len(rows))
	for _, r := range rows[1:] {
		v, err := strconv.ParseUint(strings.TrimPrefix(r[1], "#"), 16, 32)
		if err != nil || len(r[1]) != 7 {
			continue
		}
		l, a, b := lab(float64(v>>16&255)/255, float64(v>>8&255)/255, float64(v&255)/255)
		out = append(out, named{name: strings.ToLower(r[0]), hex: r[1], l: l, a: a, b: b})
	}
	return out
})

// colorName returns the name of the list's colour nearest to r, g, b
// (0..1 sRGB), by CIE76 distance in Lab.
func colorName(r, g, b float64) string {
	l, a, bb := lab(r, g, b)
	best, bestD := "", math.MaxFloat64
	for _, c := range colorNames() {
		d := (c.l-l)*(c.l-l) + (c.a-a)*(c.a-a) + (c.b-bb)*(c.b-bb)
		if d < bestD {
			best, bestD = c.name, d
		}
	}
	return best
}

// lab converts sRGB (0..1) to CIE Lab under D65.
func lab(r, g, b float64) (float64, float64, float64) {
	lin := func(c float64) float64 {
		if c <= 0.04045 {
			return c / 12.92
		}
		return math.Pow((c+0.055)/1.055, 2.4)
	}
	r, g, b = lin(r), lin(g), lin(b)
	x := (0.4124*r + 0.3576*g + 0.1805*b) / 0.95047
	y := 0.2126*r + 0.7152*g + 0.0722*b
	z := (0.0193*r + 0.1192*g + 0.9505*b) / 1.08883
	f := func(t float64) float64 {
		if t > 0.008856 {
			return math.Cbrt(t)
		}
		return 7.787*t + 16.0/116
	}
	fx, fy, fz := f(x), f(y), f(z)
	return 116*fy - 16, 500 * (fx - fy), 200 * (fy - fz)
}

// family is the plain colour word of r, g, b (0..1): one of red, orange,
// yellow, gold, green, teal, blue, purple, pink, brown, grey, white,
// black. These are the Scene palette words the writers and the canvas
// know.
func family(r, g, b float64) string {
	h, s, v := hsv(r, g, b)
	switch {
	case v < 0.13:
		return "black"
	case s < 0.14 && v > 0.86:
		return "white"
	case s < 0.16:
		return "grey"
	case s < 0.3 && v < 0.35:
		return "grey"
	}
	switch {
	case h < 14 || h >= 340:
		if v < 0.45 && s > 0.4 {
			return "brown"
		}
		return "red"
	case h < 40:
		if v < 0.55 {
			return "brown"
		}
		if s < 0.45 && v > 0.7 {
			return "pink" // peach and salmon read as warm pinks in prompts
		}
		return "orange"
	case h < 52:
		if v < 0.5 {
			return "brown"
		}
		return "gold"
	case h < 68:
		return "yellow"
	case h < 160:
		return "green"
	case h < 195:
		return "teal"
	case h < 255:
		return "blue"
	case h < 290:
		return "purple"
	}
	return "pink"
}

// hsv returns hue in degrees and saturation and value in 0..1.
func hsv(r, g, b float64) (h, s, v float64) {
	mx := max(r, g, b)
	mn := min(r, g, b)
	v = mx
	if mx <= 0 {
		return 0, 0, 0
	}
	d := mx - mn
	s = d / mx
	if d == 0 {
		return 0, s, v
	}
	switch mx {
	case r:
		h = 60 * math.Mod((g-b)/d, 6)
	case g:
		h = 60 * ((b-r)/d + 2)
	default:
		h = 60 * ((r-g)/d + 4)
	}
	if h < 0 {
		h += 360
	}
	return h, s, v
}

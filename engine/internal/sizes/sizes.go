// Package sizes checks a render request against an engine's capabilities
// before any call, and picks the offered size or aspect ratio closest to
// the one asked for when a service only takes fixed ones.
package sizes

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/easel-art/easel"
)

// Check refuses, with EINVALID, what the engine cannot do: an empty or
// over-long prompt (maxPrompt characters, 0 for no limit), n outside
// 1..MaxN, or a size outside easel's limits. name is the engine's name, for
// the message.
func Check(name string, caps easel.Capabilities, req *easel.RenderRequest, maxPrompt int) error {
	if req == nil {
		return easel.Errorf(easel.EINVALID, "%s: no render request given", name)
	}
	if strings.TrimSpace(req.Prompt) == "" {
		return easel.Errorf(easel.EINVALID, "%s: the prompt is empty: give the engine something to draw", name)
	}
	if n := utf8.RuneCountInString(req.Prompt); maxPrompt > 0 && n > maxPrompt {
		return easel.Errorf(easel.EINVALID, "%s takes prompts of at most %d characters; this one has %d: shorten it", name, maxPrompt, n)
	}
	if req.N < 1 {
		return easel.Errorf(easel.EINVALID, "%s: n is %d: ask for at least one image", name, req.N)
	}
	if caps.MaxN > 0 && req.N > caps.MaxN {
		return easel.Errorf(easel.EINVALID, "%s makes at most %d images per request; %d were asked: lower -n", name, caps.MaxN, req.N)
	}
	if err := (easel.Size{Width: req.Width, Height: req.Height}).Validate(); err != nil {
		return err
	}
	return nil
}

// distance is how far size a is from the wanted w×h: the aspect ratio
// counts three times as much as the area, since a wrong shape spoils a
// composition more than a wrong resolution.
func distance(a easel.Size, w, h int) float64 {
	da := math.Abs(math.Log(float64(a.Width)/float64(a.Height)) - math.Log(float64(w)/float64(h)))
	dz := math.Abs(math.Log(float64(a.Width*a.Height)) - math.Log(float64(w*h)))
	return 3*da + dz
}

// Nearest returns the size in offered closest to w×h (the first one on a
// tie). offered must not be empty.
func Nearest(offered []easel.Size, w, h int) easel.Size {
	best := offered[0]
	for _, s := range offered[1:] {
		if distance(s, w, h) < distance(best, w, h)-1e-9 {
			best = s
		}
	}
	return best
}

// Round rounds w and h to the nearest multiples of step (at least one step).
func Round(w, h, step int) (int, int) {
	if step <= 1 {
		return w, h
	}
	r := func(v int) int { return max(step, (v+step/2)/step*step) }
	return r(w), r(h)
}

// Ratio is an aspect ratio or a pixel size written W:H, as the hosted APIs
// take them.
type Ratio struct{ W, H int }

func (r Ratio) String() string { return fmt.Sprintf("%d:%d", r.W, r.H) }

// ParseRatio parses "W:H" with positive integers.
func ParseRatio(s string) (Ratio, error) {
	a, b, ok := strings.Cut(s, ":")
	w, err1 := strconv.Atoi(a)
	h, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil || w <= 0 || h <= 0 {
		return Ratio{}, fmt.Errorf("invalid ratio %q: want W:H", s)
	}
	return Ratio{w, h}, nil
}

// NearestRatio returns the ratio in offered ("16:9", or pixel sizes such
// as "1920:1080") closest to w×h. When areas is true the ratios are pixel
// sizes and their areas count too; otherwise only the shape does.
func NearestRatio(offered []string, w, h int, areas bool) (string, error) {
	best, bestD := "", math.Inf(1)
	for _, o := range offered {
		r, err := ParseRatio(o)
		if err != nil {
			return "", err
		}
		s := easel.Size{Width: r.W, Height: r.H}
		d := distance(s, w, h)
		if !areas {
			d = math.Abs(math.Log(float64(r.W)/float64(r.H)) - math.Log(float64(w)/float64(h)))
		}
		if d < bestD-1e-9 {
			best, bestD = o, d
		}
	}
	if best == "" {
		return "", fmt.Errorf("no ratios offered")
	}
	return best, nil
}

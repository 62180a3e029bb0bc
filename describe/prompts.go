package describe

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/easel-art/easel"
)

// Writer names the offline describer in Prompt.Writer.
const Writer = "describe"

// Note is what the offline describer cannot do, said with its prompts.
const Note = "the offline describer reads colour, light and layout, not objects: add --llm openai, anthropic or ollama to have a vision model name what is in the picture"

// Prompts writes n different prompts that could make a picture like the
// one analysed, in the built-in writer's plain voice. Each carries a Scene
// (time, palette, mood, view) so the built-in canvas can draw it.
func Prompts(a *Analysis, n int) []*easel.Prompt {
	w := words(a)
	out := make([]*easel.Prompt, 0, n)
	for i := range n {
		text := templates[i%len(templates)](w)
		if i >= len(templates) {
			// Past the templates, the colours rotate, so each prompt differs.
			r := w
			r.colors = rotate(w.colors, i/len(templates))
			text = templates[i%len(templates)](r)
		}
		out = append(out, &easel.Prompt{
			Idea: w.idea, Text: text, Keywords: w.keywords(), Seed: 0, Variation: i, Writer: Writer, Scene: w.scene(a),
			Negative: []string{"blurry", "low quality", "watermark", "text"},
		})
	}
	return out
}

// phrases is the analysis as words.
type phrases struct {
	idea     string
	time     string // "at sunset", "in daylight", ""
	timeWord string // "sunset", "daylight"
	colors   []string
	light    string // "warm, soft light"
	contrast string // "high contrast", "gentle contrast"
	mood     string
	horizon  string // "a low horizon", ""
	focus    string // "the weight on the left third"
	frame    string // "a wide 16:9 frame"
	kind     string // "landscape", "composition"
}

var timeWords = map[string][2]string{
	"night": {"at night", "night"}, "dusk": {"at dusk", "dusk"}, "sunset": {"at sunset", "sunset"},
	"golden hour": {"at golden hour", "golden hour"}, "dawn": {"at dawn", "dawn"}, "day": {"in daylight", "daylight"},
}

func words(a *Analysis) phrases {
	var w phrases
	if t, ok := timeWords[a.TimeOfDay]; ok {
		w.time, w.timeWord = t[0], t[1]
	}
	for _, c := range a.Colors {
		if len(w.colors) < 3 {
			w.colors = append(w.colors, c.Name)
		}
	}
	if len(w.colors) == 0 {
		w.colors = []string{"grey"}
	}
	bright := "soft"
	switch {
	case a.Brightness < 0.22:
		bright = "dim"
	case a.Brightness > 0.6:
		bright = "bright"
	}
	w.light = bright + " light"
	if a.Light != "neutral" {
		w.light = a.Light + ", " + w.light
	}
	w.contrast = "moderate contrast"
	switch {
	case a.Contrast > 0.42:
		w.contrast = "strong contrast"
	case a.Contrast < 0.2:
		w.contrast = "gentle, low contrast"
	}
	switch {
	case a.Brightness < 0.25 && a.Contrast > 0.35:
		w.mood = "dramatic"
	case a.Brightness < 0.3:
		w.mood = "mysterious"
	case a.Contrast < 0.22:
		w.mood = "serene"
	case a.Contrast > 0.45:
		w.mood = "vivid"
	default:
		w.mood = "calm"
	}
	switch {
	case a.Horizon < 0:
	case a.Horizon > 0.6:
		w.horizon = "a low horizon and a tall sky"
	case a.Horizon < 0.4:
		w.horizon = "a high horizon and a deep foreground"
	default:
		w.horizon = "the horizon across the middle"
	}
	w.focus = "the weight of the picture on the " + a.Focus
	if a.Focus == "center" {
		w.focus = "the main mass centered"
	}
	switch a.Aspect {
	case "1:1":
		w.frame = "a square frame"
	case "16:9", "21:9", "3:2", "4:3":
		w.frame = "a wide " + a.Aspect + " frame"
	default:
		w.frame = "a tall " + a.Aspect + " frame"
	}
	w.kind = "composition"
	if a.Horizon >= 0 || a.TimeOfDay != "" {
		w.kind = "landscape"
	}
	w.idea = strings.TrimSpace(fmt.Sprintf("a %s %s %s in %s", w.mood, w.kind, w.time, listOf(w.colors)))
	return w
}

// templates are the prompt shapes, each a different way to say the
// analysis, so the n prompts differ.
var templates = []func(w phrases) string{
	func(w phrases) string {
		s := fmt.Sprintf("A %s %s %s, in %s, lit by %s with %s.", w.mood, w.kind, w.time, listOf(w.colors), w.light, w.contrast)
		return tidy(s + clause(" The composition has ", w.horizon, ", ") + w.focus + ", in " + w.frame + ".")
	},
	func(w phrases) string {
		s := fmt.Sprintf("%s over a %s scene: a palette of %s, %s, %s.", capital(cmp.Or(w.timeWord, "Even light")+" light"), w.mood, listOf(w.colors), w.light, w.contrast)
		return tidy(s + clause(" Framed with ", w.horizon, " and ") + w.focus + ".")
	},
	func(w phrases) string {
		parts := append([]string{w.timeWord}, w.colors...)
		parts = append(parts, w.light, w.contrast, w.mood+" mood", w.horizon, w.frame)
		return tidy(strings.Join(nonEmpty(parts), ", "))
	},
	func(w phrases) string {
		return tidy(fmt.Sprintf("A painterly %s study %s in %s, %s, with %s; %s.", w.kind, w.time, listOf(w.colors), w.light, w.contrast, w.focus))
	},
	func(w phrases) string {
		return tidy(fmt.Sprintf("Cinematic wide shot %s, colour graded in %s, %s, %s%s.", w.time, listOf(w.colors), w.light, w.mood+" atmosphere", clause(", ", w.horizon, "")))
	},
}

func (w phrases) keywords() []easel.Keyword {
	var out []easel.Keyword
	add := func(s string, wt float64) {
		if s != "" {
			out = append(out, easel.Keyword{Text: s, Weight: wt})
		}
	}
	add(w.kind, 1.1)
	add(w.timeWord, 1.1)
	for _, c := range w.colors {
		add(c, 1)
	}
	add(w.light, 1)
	add(w.contrast, 1)
	add(w.mood+" atmosphere", 1)
	add(w.horizon, 1)
	add("highly detailed", 1)
	return out
}

// scene is the analysis as a Scene, so the canvas can draw a prompt.
func (w phrases) scene(a *Analysis) *easel.Scene {
	sc := &easel.Scene{Idea: w.idea, Mood: w.mood, View: "wide"}
	switch a.TimeOfDay {
	case "day":
		sc.TimeOfDay = "afternoon"
	default:
		sc.TimeOfDay = a.TimeOfDay
	}
	if w.mood == "vivid" || w.mood == "calm" {
		sc.Mood = "serene"
	}
	for _, c := range a.Colors {
		if !slices.Contains(sc.Palette, c.Family) && len(sc.Palette) < 3 {
			sc.Palette = append(sc.Palette, c.Family)
		}
	}
	if a.Horizon >= 0 {
		sc.Domain = "field"
		sc.Elements = []string{"field"}
	}
	return sc
}

func listOf(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

func rotate(xs []string, k int) []string {
	if len(xs) == 0 {
		return xs
	}
	k %= len(xs)
	return append(slices.Clone(xs[k:]), xs[:k]...)
}

func clause(pre, s, post string) string {
	if s == "" {
		return ""
	}
	return pre + s + post
}

func nonEmpty(xs []string) []string {
	var out []string
	for _, x := range xs {
		if strings.TrimSpace(x) != "" {
			out = append(out, x)
		}
	}
	return out
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// tidy removes the doubled spaces and commas an empty phrase leaves.
func tidy(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	for _, r := range [][2]string{{" ,", ","}, {",,", ","}, {" .", "."}, {"..", "."}, {" ;", ";"}} {
		s = strings.ReplaceAll(s, r[0], r[1])
	}
	return capital(s)
}

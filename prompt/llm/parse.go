package promptllm

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/easel-art/easel"
)

// draft is one prompt as the model wrote it, before checks and repairs.
type draft struct {
	Text     string
	Keywords []easel.Keyword
	Negative []string
	Scene    *easel.Scene
}

// errNoJSON says the reply holds no JSON value at all.
var errNoJSON = errors.New("the reply holds no JSON object")

// parseReply reads the prompts out of a model's reply. It is lenient in
// what it accepts, because models wrap JSON in code fences or prose and
// rename fields: that is repaired here rather than asked again. It fails
// only when no JSON with prompts can be found.
func parseReply(reply string) ([]draft, error) {
	v, err := extractJSON(reply)
	if err != nil {
		return nil, err
	}
	var items []any
	switch x := v.(type) {
	case []any:
		items = x
	case map[string]any:
		for _, k := range []string{"prompts", "variations", "results", "images"} {
			if list, ok := x[k].([]any); ok {
				items = list
				break
			}
		}
		if items == nil && (x["text"] != nil || x["prompt"] != nil) {
			items = []any{x}
		}
	}
	if len(items) == 0 {
		return nil, errors.New(`the JSON has no "prompts" list`)
	}
	var out []draft
	for _, it := range items {
		switch x := it.(type) {
		case string:
			out = append(out, draft{Text: strings.TrimSpace(x)})
		case map[string]any:
			out = append(out, draftFrom(x))
		}
	}
	if len(out) == 0 {
		return nil, errors.New(`the "prompts" list holds no prompt objects`)
	}
	return out, nil
}

// extractJSON finds the JSON value in a reply: the whole reply, the inside
// of a code fence, or the first object or array that decodes.
func extractJSON(reply string) (any, error) {
	s := strings.TrimSpace(reply)
	if strings.HasPrefix(s, "```") {
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			s = s[i+1:]
		}
		if j := strings.LastIndex(s, "```"); j >= 0 {
			s = s[:j]
		}
	}
	var v any
	if json.Unmarshal([]byte(s), &v) == nil {
		if _, ok := v.(map[string]any); ok {
			return v, nil
		}
		if _, ok := v.([]any); ok {
			return v, nil
		}
	}
	// Prose around the JSON: try each opening brace, at most a few times,
	// so a long reply cannot cost quadratic time.
	tries := 0
	for i := 0; i < len(s) && tries < 8; i++ {
		if s[i] != '{' && s[i] != '[' {
			continue
		}
		tries++
		dec := json.NewDecoder(strings.NewReader(s[i:]))
		var v any
		if dec.Decode(&v) == nil {
			switch v.(type) {
			case map[string]any, []any:
				return v, nil
			}
		}
	}
	return nil, errNoJSON
}

func draftFrom(m map[string]any) draft {
	var d draft
	for _, k := range []string{"text", "prompt", "description"} {
		if s, ok := m[k].(string); ok && strings.TrimSpace(s) != "" {
			d.Text = strings.TrimSpace(s)
			break
		}
	}
	switch kw := m["keywords"].(type) {
	case string:
		for _, t := range strings.Split(kw, ",") {
			d.Keywords = append(d.Keywords, easel.Keyword{Text: t, Weight: 1})
		}
	case []any:
		for _, k := range kw {
			switch x := k.(type) {
			case string:
				d.Keywords = append(d.Keywords, easel.Keyword{Text: x, Weight: 1})
			case map[string]any:
				var term string
				for _, f := range []string{"term", "text", "keyword"} {
					if s, ok := x[f].(string); ok {
						term = s
						break
					}
				}
				w, _ := x["weight"].(float64)
				d.Keywords = append(d.Keywords, easel.Keyword{Text: term, Weight: w})
			}
		}
	}
	for _, k := range []string{"negative", "negative_prompt", "negatives"} {
		switch n := m[k].(type) {
		case string:
			d.Negative = append(d.Negative, strings.Split(n, ",")...)
		case []any:
			for _, x := range n {
				if s, ok := x.(string); ok {
					d.Negative = append(d.Negative, s)
				}
			}
		}
	}
	if sc, ok := m["scene"].(map[string]any); ok {
		d.Scene = sceneFrom(sc)
	}
	return d
}

// sceneFrom reads a Scene field by field, so one field of the wrong type
// (a palette written as a string) does not lose the rest.
func sceneFrom(m map[string]any) *easel.Scene {
	str := func(k string) string {
		s, _ := m[k].(string)
		return strings.ToLower(strings.TrimSpace(s))
	}
	list := func(k string) []string {
		var out []string
		switch x := m[k].(type) {
		case string:
			for _, s := range strings.Split(x, ",") {
				if s = strings.ToLower(strings.TrimSpace(s)); s != "" {
					out = append(out, s)
				}
			}
		case []any:
			for _, v := range x {
				if s, ok := v.(string); ok {
					if s = strings.ToLower(strings.TrimSpace(s)); s != "" {
						out = append(out, s)
					}
				}
			}
		}
		return out
	}
	sc := &easel.Scene{
		Subject:   str("subject"),
		Domain:    str("domain"),
		Setting:   str("setting"),
		TimeOfDay: str("time_of_day"),
		Weather:   str("weather"),
		Season:    str("season"),
		Mood:      str("mood"),
		Palette:   list("palette"),
		Style:     str("style"),
		View:      str("view"),
	}
	for _, e := range list("elements") {
		if isElement(e) && !sc.HasElement(e) {
			sc.Elements = append(sc.Elements, e)
		}
	}
	if sc.Subject == "" && sc.Domain == "" && sc.Setting == "" && sc.TimeOfDay == "" && sc.Weather == "" &&
		sc.Season == "" && sc.Mood == "" && len(sc.Palette) == 0 && sc.Style == "" && sc.View == "" && len(sc.Elements) == 0 {
		return nil
	}
	return sc
}

func isElement(e string) bool {
	for _, x := range easel.Elements {
		if x == e {
			return true
		}
	}
	return false
}

// cleanKeywords trims terms, drops empty and repeated ones, and keeps
// weights within what A1111 reads sensibly (0.1 to 2; 0 means 1).
func cleanKeywords(ks []easel.Keyword) []easel.Keyword {
	var out []easel.Keyword
	seen := map[string]bool{}
	for _, k := range ks {
		t := strings.Join(strings.Fields(k.Text), " ")
		if t == "" || seen[strings.ToLower(t)] {
			continue
		}
		seen[strings.ToLower(t)] = true
		w := k.Weight
		if w == 0 || math.IsNaN(w) || math.IsInf(w, 0) {
			w = 1
		}
		w = math.Round(min(max(w, 0.1), 2)*100) / 100
		out = append(out, easel.Keyword{Text: t, Weight: w})
	}
	return out
}

// cleanTerms trims, drops empty and repeated terms, keeping order.
func cleanTerms(ts []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range ts {
		t = strings.Join(strings.Fields(t), " ")
		if t == "" || seen[strings.ToLower(t)] {
			continue
		}
		seen[strings.ToLower(t)] = true
		out = append(out, t)
	}
	return out
}

// describe shortens a reply for an error message or a log line.
func describe(reply string) string {
	s := strings.Join(strings.Fields(reply), " ")
	if len(s) > 120 {
		cut := 120
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut--
		}
		s = s[:cut] + "…"
	}
	return fmt.Sprintf("%q", s)
}

package comfyui

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"

	"github.com/easel-art/easel"
)

// A workflow is a ComfyUI graph in API format ({"<node id>": {"class_type",
// "inputs"}}) whose inputs may hold named placeholders:
//
//	{{prompt}} {{negative}} {{model}} {{sampler}} {{scheduler}}   text
//	{{seed}} {{width}} {{height}} {{steps}}                       integers
//	{{cfg}}                                                       a number
//
// An input that is exactly one placeholder takes the value with its type
// ("{{seed}}" becomes 42, not "42"); a placeholder inside longer text is
// replaced as text ("a photo of {{prompt}}"). So a person's own workflow,
// exported with "Save (API Format)", works once its fixed values are
// replaced by placeholders; it needs at least {{prompt}}.

//go:embed txt2img.json
var defaultWorkflow []byte

// Workflow is a parsed workflow template.
type Workflow struct {
	graph map[string]any
	slots map[string]bool // placeholders used
}

var placeholderRE = regexp.MustCompile(`\{\{([a-z_]+)\}\}`)

var knownSlots = map[string]bool{
	"prompt": true, "negative": true, "model": true, "sampler": true, "scheduler": true,
	"seed": true, "width": true, "height": true, "steps": true, "cfg": true,
	// Pictures in (edit.go): the uploaded picture and mask, and the strength.
	"image": true, "mask": true, "denoise": true,
}

// ParseWorkflow parses an API-format workflow template. It refuses, with
// EINVALID, a UI-format workflow (which /prompt does not take), a graph
// without nodes, unknown placeholders and a template without {{prompt}}.
func ParseWorkflow(data []byte) (*Workflow, error) {
	var raw map[string]any
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, easel.Errorf(easel.EINVALID, "the ComfyUI workflow is not valid JSON (%v): export it with \"Save (API Format)\"", err)
	}
	if _, ui := raw["nodes"]; ui {
		if _, links := raw["links"]; links {
			return nil, easel.Errorf(easel.EINVALID, "the ComfyUI workflow is in UI format: export it with \"Save (API Format)\" (enable dev mode options in older versions)")
		}
	}
	if len(raw) == 0 {
		return nil, easel.Errorf(easel.EINVALID, "the ComfyUI workflow has no nodes")
	}
	w := &Workflow{graph: raw, slots: map[string]bool{}}
	for id, n := range raw {
		node, ok := n.(map[string]any)
		if !ok {
			return nil, easel.Errorf(easel.EINVALID, "the ComfyUI workflow's node %q is not an object: export it with \"Save (API Format)\"", id)
		}
		if _, ok := node["class_type"].(string); !ok {
			return nil, easel.Errorf(easel.EINVALID, "the ComfyUI workflow's node %q has no class_type: export it with \"Save (API Format)\"", id)
		}
	}
	var bad []string
	walk(raw, func(s string) any {
		for _, m := range placeholderRE.FindAllStringSubmatch(s, -1) {
			if knownSlots[m[1]] {
				w.slots[m[1]] = true
			} else {
				bad = append(bad, m[0])
			}
		}
		return s
	})
	if len(bad) > 0 {
		return nil, easel.Errorf(easel.EINVALID, "the ComfyUI workflow has unknown placeholders %s: use {{prompt}}, {{negative}}, {{model}}, {{seed}}, {{width}}, {{height}}, {{steps}}, {{cfg}}, {{sampler}} or {{scheduler}}", strings.Join(bad, ", "))
	}
	if !w.slots["prompt"] {
		return nil, easel.Errorf(easel.EINVALID, "the ComfyUI workflow has no {{prompt}} placeholder: put {{prompt}} where the positive prompt's text goes")
	}
	return w, nil
}

// Uses reports whether the template has the named placeholder.
func (w *Workflow) Uses(slot string) bool { return w.slots[slot] }

// Fill returns a copy of the graph with the placeholders replaced.
func (w *Workflow) Fill(values map[string]any) map[string]any {
	out := walk(deepCopy(w.graph), func(s string) any {
		if m := placeholderRE.FindStringSubmatch(s); m != nil && m[0] == s {
			if v, ok := values[m[1]]; ok {
				return v
			}
		}
		return placeholderRE.ReplaceAllStringFunc(s, func(ph string) string {
			if v, ok := values[ph[2:len(ph)-2]]; ok {
				return fmt.Sprint(v)
			}
			return ph
		})
	})
	return out.(map[string]any)
}

// walk replaces every string in v by f(string), recursively.
func walk(v any, f func(string) any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = walk(e, f)
		}
		return x
	case []any:
		for i, e := range x {
			x[i] = walk(e, f)
		}
		return x
	case string:
		return f(x)
	}
	return v
}

func deepCopy(v any) any {
	switch x := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = deepCopy(e)
		}
		return m
	case []any:
		s := make([]any, len(x))
		for i, e := range x {
			s[i] = deepCopy(e)
		}
		return s
	}
	return v
}

package promptllm

import (
	"maps"
	"slices"

	"github.com/easel-art/easel"
)

// SchemaName names the reply schema for providers that want a name.
const SchemaName = "easel_prompts"

// The vocabularies of easel.Scene that the schema spells out, so a model
// answering under a schema can only pick values the canvas knows. ""
// stands for "does not apply".
var (
	timesOfDay = []string{"dawn", "morning", "noon", "afternoon", "golden hour", "sunset", "dusk", "night"}
	weathers   = []string{"clear", "cloudy", "overcast", "rain", "storm", "snow", "fog", "mist", "wind"}
	seasons    = []string{"spring", "summer", "autumn", "winter"}
)

// Schema returns the JSON schema of the reply: {"prompts": [...]}, each
// prompt with text, weighted keywords, negative terms and a scene shaped
// like easel.Scene. It follows the rules of strict structured output
// (every property required, no additional properties), so OpenAI's strict
// mode, Anthropic's output_config and Ollama's format all accept it.
func Schema() map[string]any {
	str := map[string]any{"type": "string"}
	strs := map[string]any{"type": "array", "items": str}
	enum := func(vs []string) map[string]any {
		all := append([]any{""}, toAny(vs)...)
		return map[string]any{"type": "string", "enum": all}
	}
	object := func(props map[string]any) map[string]any {
		req := make([]any, 0, len(props))
		for _, k := range slices.Sorted(maps.Keys(props)) {
			req = append(req, k)
		}
		return map[string]any{"type": "object", "additionalProperties": false, "required": req, "properties": props}
	}
	scene := object(map[string]any{
		"subject":     str,
		"domain":      str,
		"setting":     str,
		"time_of_day": enum(timesOfDay),
		"weather":     enum(weathers),
		"season":      enum(seasons),
		"mood":        str,
		"palette":     strs,
		"style":       str,
		"view":        str,
		"elements":    map[string]any{"type": "array", "items": map[string]any{"type": "string", "enum": toAny(easel.Elements)}},
	})
	keyword := object(map[string]any{
		"term":   str,
		"weight": map[string]any{"type": "number"},
	})
	prompt := object(map[string]any{
		"text":     str,
		"keywords": map[string]any{"type": "array", "items": keyword},
		"negative": strs,
		"scene":    scene,
	})
	return object(map[string]any{
		"prompts": map[string]any{"type": "array", "items": prompt},
	})
}

func toAny(vs []string) []any {
	out := make([]any, len(vs))
	for i, v := range vs {
		out[i] = v
	}
	return out
}

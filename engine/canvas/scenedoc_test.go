package canvas

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/easel-art/easel"
)

// The Scene format's documentation lives in docs/: these tests keep the
// JSON Schema, the examples in docs/scene.md and the Go type in step.

const (
	schemaPath = "../../docs/scene.schema.json"
	docPath    = "../../docs/scene.md"
)

func loadSchema(t *testing.T) map[string]any {
	t.Helper()
	data, err := os.ReadFile(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	var s map[string]any
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatalf("%s: %v", schemaPath, err)
	}
	return s
}

// jsonNames returns the JSON field names of a struct type.
func jsonNames(t reflect.Type) []string {
	var out []string
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name != "" && name != "-" {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

func keys(m map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func strs(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	return out
}

func TestSchemaMatchesGoType(t *testing.T) {
	s := loadSchema(t)
	props := s["properties"].(map[string]any)
	if got, want := keys(props), jsonNames(reflect.TypeFor[easel.Scene]()); !slices.Equal(got, want) {
		t.Errorf("schema properties %v; easel.Scene has %v", got, want)
	}
	sub := s["$defs"].(map[string]any)["subject"].(map[string]any)["properties"].(map[string]any)
	if got, want := keys(sub), jsonNames(reflect.TypeFor[easel.Subject]()); !slices.Equal(got, want) {
		t.Errorf("schema subject properties %v; easel.Subject has %v", got, want)
	}
	el := strs(props["elements"].(map[string]any)["items"].(map[string]any)["enum"])
	if !slices.Equal(el, easel.Elements) {
		t.Errorf("schema elements enum differs from easel.Elements:\n got %v\nwant %v", el, easel.Elements)
	}
	var times []string
	for k := range lights {
		times = append(times, k)
	}
	sort.Strings(times)
	got := strs(props["time_of_day"].(map[string]any)["enum"])
	sort.Strings(got)
	if !slices.Equal(got, times) {
		t.Errorf("schema time_of_day %v; the canvas lights %v", got, times)
	}
	for _, w := range strs(props["weather"].(map[string]any)["enum"]) {
		if normWeather(w, "", nil) != w {
			t.Errorf("schema weather %q is not one the canvas reads", w)
		}
	}
	for _, st := range strs(props["style"].(map[string]any)["examples"]) {
		if CanonicalStyle(st) == StylePhoto && st != "photo" {
			t.Errorf("schema style example %q is not a canvas style", st)
		}
	}
}

// validate checks v against the subset of JSON Schema that scene.schema.json
// uses: type, properties, additionalProperties, required, items, enum,
// minimum, uniqueItems and local $ref.
func validate(root, schema map[string]any, v any, path string) error {
	if ref, ok := schema["$ref"].(string); ok {
		node := any(root)
		for _, p := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
			node = node.(map[string]any)[p]
		}
		return validate(root, node.(map[string]any), v, path)
	}
	if enum, ok := schema["enum"].([]any); ok && !slices.Contains(enum, v) {
		return fmt.Errorf("%s: %v is not one of the enum", path, v)
	}
	switch schema["type"] {
	case "object":
		m, ok := v.(map[string]any)
		if !ok {
			return fmt.Errorf("%s: want an object", path)
		}
		props, _ := schema["properties"].(map[string]any)
		required, _ := schema["required"].([]any)
		for _, r := range required {
			if _, ok := m[r.(string)]; !ok {
				return fmt.Errorf("%s: missing %s", path, r)
			}
		}
		for k, x := range m {
			ps, ok := props[k]
			if !ok {
				if schema["additionalProperties"] == false {
					return fmt.Errorf("%s: unknown field %q", path, k)
				}
				continue
			}
			if err := validate(root, ps.(map[string]any), x, path+"."+k); err != nil {
				return err
			}
		}
	case "array":
		a, ok := v.([]any)
		if !ok {
			return fmt.Errorf("%s: want an array", path)
		}
		items, _ := schema["items"].(map[string]any)
		for i, x := range a {
			if schema["uniqueItems"] == true && slices.Contains(a[:i], x) {
				return fmt.Errorf("%s: %v repeated", path, x)
			}
			if items != nil {
				if err := validate(root, items, x, fmt.Sprintf("%s[%d]", path, i)); err != nil {
					return err
				}
			}
		}
	case "string":
		if _, ok := v.(string); !ok {
			return fmt.Errorf("%s: want a string", path)
		}
	case "integer":
		f, ok := v.(float64)
		if !ok || f != float64(int64(f)) {
			return fmt.Errorf("%s: want an integer", path)
		}
		if m, ok := schema["minimum"].(float64); ok && f < m {
			return fmt.Errorf("%s: below %v", path, m)
		}
	}
	return nil
}

func TestSchemaValidatorCanFail(t *testing.T) {
	s := loadSchema(t)
	if err := validate(s, s, map[string]any{"elements": []any{"sea"}, "bogus": 1}, "scene"); err == nil {
		t.Error("the validator accepted an unknown field; it must be able to fail")
	}
	if err := validate(s, s, map[string]any{"elements": []any{"teapot"}}, "scene"); err == nil {
		t.Error("the validator accepted an element outside the vocabulary")
	}
	if err := validate(s, s, map[string]any{"subjects": []any{map[string]any{"count": 2}}}, "scene"); err == nil {
		t.Error("the validator accepted a subject without its required noun")
	}
}

var jsonBlock = regexp.MustCompile("(?s)```json\n(.*?)```")

func TestDocExamples(t *testing.T) {
	doc, err := os.ReadFile(docPath)
	if err != nil {
		t.Fatal(err)
	}
	s := loadSchema(t)
	blocks := jsonBlock.FindAllSubmatch(doc, -1)
	if len(blocks) < 4 {
		t.Fatalf("found %d json examples in %s; want at least 4", len(blocks), docPath)
	}
	for i, b := range blocks {
		// Strictly into the Go type: no field the type does not have.
		dec := json.NewDecoder(bytes.NewReader(b[1]))
		dec.DisallowUnknownFields()
		var sc easel.Scene
		if err := dec.Decode(&sc); err != nil {
			t.Errorf("example %d does not decode into easel.Scene: %v", i+1, err)
			continue
		}
		var v any
		json.Unmarshal(b[1], &v)
		if err := validate(s, s, v, "scene"); err != nil {
			t.Errorf("example %d does not validate against the schema: %v", i+1, err)
		}
		if _, _, sd := stats(Draw(&sc, "", 96, 64, 1)); sd < 0.02 {
			t.Errorf("example %d draws a nearly blank picture", i+1)
		}
	}
}

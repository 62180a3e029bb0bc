package mcpserver

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/easel-art/easel"
)

func TestRefine(t *testing.T) {
	e := newEnv(t, Options{}, nil)
	id := ids(t, e.ok(t, "imagine", map[string]any{"idea": "a beach at sunset", "size": "128x96", "seed": 3}))[0]
	res := e.ok(t, "refine", map[string]any{"id": id, "instruction": "make it night, add a red sailboat"})
	got := ids(t, res)
	if len(got) != 1 || len(images(res)) != 1 {
		t.Fatalf("refine made %v", got)
	}
	a, _ := e.gal.Get(t.Context(), got[0])
	if a.ParentID != id || a.Method != easel.MethodRefine || a.Instruction != "make it night, add a red sailboat" || a.Seed != 3 {
		t.Errorf("refined %+v: want the child, its instruction and the parent's seed", a)
	}
	if txt := text(res); !strings.HasPrefix(txt, "changed: ") || !strings.Contains(txt, "night") || !strings.Contains(strings.ToLower(a.Prompt), "sailboat") {
		t.Errorf("refine text:\n%s\nprompt: %s", txt, a.Prompt)
	}
	bad := e.call(t, "refine", map[string]any{"id": id, "instruction": "make it zorgly"})
	if !bad.IsError || !strings.HasPrefix(text(bad), "easel: ") || strings.Contains(text(bad), "\n") {
		t.Errorf("unknown words: %s", text(bad))
	}
}

func TestDescribe(t *testing.T) {
	e := newEnv(t, Options{}, nil)
	id := ids(t, e.ok(t, "imagine", map[string]any{"idea": "a red fox in the snow", "size": "128x128", "seed": 2}))[0]
	art, _ := e.gal.Get(t.Context(), id)
	res := e.ok(t, "describe", map[string]any{"image": id[:10], "n": 3})
	var out DescribeResult
	js, _ := json.Marshal(res.StructuredContent)
	json.Unmarshal(js, &out)
	if len(out.Prompts) != 3 || out.Prompts[0].Prompt != art.Prompt || out.Maker != "easel" || len(out.Artworks) != 0 {
		t.Errorf("describe: %s", js)
	}
	if !strings.Contains(text(res), "1. "+art.Prompt) {
		t.Errorf("describe text:\n%s", text(res))
	}
	res = e.ok(t, "describe", map[string]any{"image": id, "n": 2, "render": 2, "seed": 9})
	got := ids(t, res)
	if len(got) != 1 || len(images(res)) != 1 {
		t.Fatalf("describe render made %v", got)
	}
	if a, _ := e.gal.Get(t.Context(), got[0]); a.ParentID != id {
		t.Errorf("rendered description %+v: want the picture's child", a)
	}
	// Over HTTP only gallery ids are taken: a path would read the server's files.
	bad := e.call(t, "describe", map[string]any{"image": art.Path})
	if !bad.IsError || !strings.Contains(text(bad), "is not a gallery id") {
		t.Errorf("a path over HTTP: %s", text(bad))
	}
}

// TestDescribeFile: easel mcp on the person's machine reads their files.
func TestDescribeFile(t *testing.T) {
	e := newEnv(t, Options{FileLinks: true}, nil)
	id := ids(t, e.ok(t, "imagine", map[string]any{"idea": "a lighthouse", "size": "96x96"}))[0]
	art, _ := e.gal.Get(t.Context(), id)
	data, _ := os.ReadFile(art.Path)
	file := t.TempDir() + "/picture.png"
	os.WriteFile(file, data, 0o644)
	res := e.ok(t, "describe", map[string]any{"image": file, "n": 1})
	if !strings.Contains(text(res), art.Prompt) {
		t.Errorf("describe a file:\n%s", text(res))
	}
	if bad := e.call(t, "describe", map[string]any{"image": "/no/such.png"}); !bad.IsError || !strings.HasPrefix(text(bad), "easel: ") {
		t.Errorf("missing file: %s", text(bad))
	}
}

func TestEdit(t *testing.T) {
	e := newEnv(t, Options{}, nil)
	id := ids(t, e.ok(t, "imagine", map[string]any{"idea": "a cabin in the woods", "size": "128x96", "seed": 5}))[0]
	cases := []struct {
		args  map[string]any
		w, h  int
		width string
	}{
		{map[string]any{"op": "upscale"}, 256, 192, ""},
		{map[string]any{"words": "as a watercolor", "strength": 0.6}, 128, 96, ""},
		{map[string]any{"op": "outpaint", "aspect": "2:1", "words": "more forest"}, 192, 96, ""},
	}
	for _, c := range cases {
		c.args["image"] = id
		res := e.ok(t, "edit", c.args)
		got := ids(t, res)
		if len(got) != 1 || len(images(res)) != 1 {
			t.Fatalf("edit %v made %v", c.args, got)
		}
		a, _ := e.gal.Get(t.Context(), got[0])
		if a.ParentID != id || a.Width != c.w || a.Height != c.h {
			t.Errorf("edit %v: %s %dx%d from %s, want %dx%d from %s", c.args, a.Method, a.Width, a.Height, a.ParentID, c.w, c.h, id)
		}
	}
	for _, c := range []struct {
		args map[string]any
		want string
	}{
		{map[string]any{"image": id, "op": "zoom"}, `easel: unknown operation "zoom"`},
		{map[string]any{"image": id}, "easel: edit needs words"},
		{map[string]any{"image": id, "words": "x", "strength": 3}, "easel: strength 3 is out of range"},
		{map[string]any{"image": id, "op": "upscale", "scale": 3}, "easel: scale 3"},
		{map[string]any{"image": "ffff0000"}, "easel: "},
	} {
		res := e.call(t, "edit", c.args)
		if !res.IsError || !strings.HasPrefix(text(res), c.want) || strings.Contains(text(res), "\n") {
			t.Errorf("edit %v: %q, want %q…", c.args, text(res), c.want)
		}
	}
}

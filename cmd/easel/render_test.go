package main

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/pngmeta"
)

// runRender runs the render command the way run does, with stdin, and
// returns the exit code and output. It calls cmdRender directly so the test
// does not depend on the command list.
func runRender(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	a := &app{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
	a.log = newLogger(&errb, "")
	code := exitOK
	if err := cmdRender(t.Context(), a, args); err != nil {
		code = exitCode(err)
		errb.WriteString("easel: " + easel.ErrorMessage(err) + "\n")
	}
	return result{code, out.String(), errb.String()}
}

func writeScene(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "dusk.json")
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func decodePNG(t *testing.T, path string) (image.Image, []byte) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return img, data
}

func samePixels(a, b image.Image) bool {
	if a.Bounds() != b.Bounds() {
		return false
	}
	for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
		for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				return false
			}
		}
	}
	return true
}

func TestRenderWritesPNGWithMetadata(t *testing.T) {
	scene := writeScene(t, `{"idea":"a beach sunset","time_of_day":"sunset","elements":["sea","beach","sun"],"style":"watercolor"}`)
	r := runRender(t, "", scene, "--size", "160x90", "--seed", "7")
	if r.code != 0 {
		t.Fatalf("exit %d, stderr %s", r.code, r.stderr)
	}
	out := strings.TrimSuffix(scene, ".json") + ".png"
	if !strings.HasPrefix(r.stdout, out) || !strings.Contains(r.stdout, "seed 7") || !strings.Contains(r.stdout, "watercolor") {
		t.Errorf("stdout = %q; want the path, the seed and the style", r.stdout)
	}
	img, data := decodePNG(t, out)
	if b := img.Bounds(); b.Dx() != 160 || b.Dy() != 90 {
		t.Errorf("picture is %v; want 160x90", b)
	}
	md, err := pngmeta.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	if md.Source != pngmeta.SourceEasel || md.Seed != 7 || md.Prompt != "a beach sunset" || md.Width != 160 || md.Height != 90 {
		t.Errorf("metadata = source %q seed %d prompt %q size %dx%d; want easel, 7, the idea, 160x90", md.Source, md.Seed, md.Prompt, md.Width, md.Height)
	}
	// No temporary files are left beside the picture.
	entries, _ := os.ReadDir(filepath.Dir(out))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("left behind %s", e.Name())
		}
	}
	// The same Scene and seed give the same picture; --style overrides the Scene's.
	again := filepath.Join(t.TempDir(), "again.png")
	if r := runRender(t, "", scene, "--size", "160x90", "--seed", "7", "-o", again); r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if b, _ := decodePNG(t, again); !samePixels(img, b) {
		t.Error("the same Scene and seed gave different pictures")
	}
	oil := filepath.Join(t.TempDir(), "oil.png")
	if r := runRender(t, "", scene, "--size", "160x90", "--seed", "7", "--style", "oil", "-o", oil); r.code != 0 || !strings.Contains(r.stdout, "oil") {
		t.Fatalf("exit %d: %s %s", r.code, r.stdout, r.stderr)
	}
	if b, _ := decodePNG(t, oil); samePixels(img, b) {
		t.Error("--style oil gave the same picture as the Scene's watercolor")
	}
}

func TestRenderFromStdinJSON(t *testing.T) {
	out := filepath.Join(t.TempDir(), "night.png")
	r := runRender(t, `{"time_of_day":"night","elements":["city","neon"],"colour":"red"}`, "-", "--aspect", "16:9", "-o", out, "--json", "--seed", "3")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, `unknown Scene field(s) "colour"`) {
		t.Errorf("stderr = %q; want a note about the unknown field", r.stderr)
	}
	objs := ndjson(t, r.stdout)
	if len(objs) != 1 || objs[0]["path"] != out || objs[0]["width"] != float64(1024) || objs[0]["height"] != float64(576) || objs[0]["seed"] != float64(3) {
		t.Errorf("stdout = %s; want path, 1024x576 and seed 3", r.stdout)
	}
	if img, _ := decodePNG(t, out); img.Bounds().Dx() != 1024 || img.Bounds().Dy() != 576 {
		t.Errorf("picture is %v; want 1024x576", img.Bounds())
	}
}

func TestRenderBadInput(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name, stdin string
		args        []string
		want        string
	}{
		{"no file", "", nil, "give one Scene file"},
		{"missing file", "", []string{filepath.Join(dir, "nope.json")}, "cannot read"},
		{"directory", "", []string{dir}, "is a directory"},
		{"syntax error", "{\n  \"elements\": [\"sea\",]\n}", []string{"-"}, "not valid JSON at line 2"},
		{"wrong type", `{"elements":"sea"}`, []string{"-"}, `field "elements" should be a list`},
		{"not an object", `["sea"]`, []string{"-"}, "a Scene is a JSON object"},
		{"empty", "  ", []string{"-"}, "the Scene is empty"},
		{"size too big", `{}`, []string{"-", "--size", "4096x4096"}, "out of range"},
		{"size and aspect", `{}`, []string{"-", "--size", "64x64", "--aspect", "1:1"}, "not both"},
		{"output is a directory", `{}`, []string{"-", "--size", "64x64", "-o", dir}, "is a directory"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := runRender(t, c.stdin, c.args...)
			if r.code != exitUsage || !strings.Contains(r.stderr, c.want) {
				t.Errorf("exit %d, stderr %q; want exit 2 and %q", r.code, r.stderr, c.want)
			}
		})
	}
}

package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/easel-art/easel/pngmeta"
)

// result is what one in-process run of easel printed.
type result struct {
	code           int
	stdout, stderr string
}

// runEasel runs easel in-process with env (EASEL_HOME and friends).
func runEasel(t *testing.T, env map[string]string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	getenv := func(k string) string { return env[k] }
	code := run(t.Context(), args, strings.NewReader(""), &out, &errb, getenv)
	return result{code, out.String(), errb.String()}
}

func home(t *testing.T) map[string]string {
	return map[string]string{"EASEL_HOME": t.TempDir(), "HOME": t.TempDir()}
}

// ndjson decodes each stdout line as a JSON object.
func ndjson(t *testing.T, s string) []map[string]any {
	t.Helper()
	var out []map[string]any
	sc := bufio.NewScanner(strings.NewReader(s))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("stdout line is not JSON: %q: %v", sc.Text(), err)
		}
		out = append(out, m)
	}
	return out
}

func TestImagineJSON(t *testing.T) {
	env := home(t)
	r := runEasel(t, env, "imagine", "a beach sunset", "-n", "2", "--seed", "42", "--size", "128x96", "--json")
	if r.code != 0 {
		t.Fatalf("exit %d, stderr %s", r.code, r.stderr)
	}
	objs := ndjson(t, r.stdout)
	if len(objs) != 2 {
		t.Fatalf("got %d objects; want 2:\n%s", len(objs), r.stdout)
	}
	for i, o := range objs {
		for _, k := range []string{"id", "path", "idea", "prompt", "negative_prompt", "engine", "model", "seed", "width", "height", "elapsed_ms"} {
			if _, ok := o[k]; !ok {
				t.Errorf("object %d lacks %q: %v", i, k, o)
			}
		}
		if o["idea"] != "a beach sunset" || o["engine"] != "builtin" || o["width"] != 128.0 || o["height"] != 96.0 {
			t.Errorf("object %d = %v", i, o)
		}
		if o["seed"] != float64(42+i) {
			t.Errorf("image %d seed = %v; want %d", i, o["seed"], 42+i)
		}
		path := o["path"].(string)
		if !strings.HasPrefix(path, env["EASEL_HOME"]) {
			t.Errorf("path %s is not in the data dir %s", path, env["EASEL_HOME"])
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil || img.Bounds().Dx() != 128 || img.Bounds().Dy() != 96 {
			t.Fatalf("image %s: %v, bounds %v", path, err, img.Bounds())
		}
		md, err := pngmeta.Read(data)
		if err != nil {
			t.Fatal(err)
		}
		if md.Source != "easel" || md.Prompt != o["prompt"] || md.Seed != int64(42+i) || md.Width != 128 {
			t.Errorf("metadata = %+v", md)
		}
		texts, _ := pngmeta.ReadTexts(data)
		var params string
		for _, tx := range texts {
			if tx.Keyword == "parameters" {
				params = tx.Value
			}
		}
		if !strings.Contains(params, "\nSteps: ") || !strings.Contains(params, "Seed: "+jsonNum(o["seed"])) || !strings.Contains(params, "Size: 128x96") {
			t.Errorf("parameters chunk = %q", params)
		}
	}
}

func jsonNum(v any) string { b, _ := json.Marshal(v); return string(b) }

func TestImagineSameSeedSameBytes(t *testing.T) {
	env := home(t)
	var sums []string
	for range 2 {
		r := runEasel(t, env, "imagine", "a snowy village at night", "--seed", "7", "--size", "96x96", "--json")
		if r.code != 0 {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
		sums = append(sums, ndjson(t, r.stdout)[0]["sha256"].(string))
	}
	if sums[0] != sums[1] {
		t.Fatalf("same seed gave different bytes: %v", sums)
	}
	r := runEasel(t, env, "imagine", "a snowy village at night", "--seed", "8", "--size", "96x96", "--json")
	if ndjson(t, r.stdout)[0]["sha256"] == sums[0] {
		t.Fatal("a different seed gave the same bytes")
	}
}

func TestImagineHumanOutputAndOut(t *testing.T) {
	env := home(t)
	out := filepath.Join(t.TempDir(), "pics")
	// Flags after the idea, as people type them; the idea unquoted.
	r := runEasel(t, env, "imagine", "a", "fox", "in", "autumn", "leaves", "--size", "64x64", "--out", out, "--seed", "3")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, "prompt: ") || !strings.Contains(r.stdout, "saved "+out) {
		t.Fatalf("stdout = %q; want the prompt and the path in %s", r.stdout, out)
	}
	files, _ := filepath.Glob(filepath.Join(out, "*.png"))
	if len(files) != 1 {
		t.Fatalf("--out has %v; want one png", files)
	}
}

func TestBadInput(t *testing.T) {
	tooLong := strings.Repeat("a", 10001)
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o644)
	tests := []struct {
		name     string
		args     []string
		env      map[string]string
		wantCode int
		wantErr  string
	}{
		{"no command", nil, nil, 2, "no command"},
		{"unknown command", []string{"paint"}, nil, 2, "unknown command"},
		{"empty idea", []string{"imagine", "   "}, nil, 2, "idea is empty"},
		{"no idea", []string{"imagine"}, nil, 2, "no idea given"},
		{"huge idea", []string{"imagine", tooLong}, nil, 2, "limit is 10000"},
		{"bad size", []string{"imagine", "a fox", "--size", "10x10"}, nil, 2, "64 to 2048"},
		{"garbled size", []string{"imagine", "a fox", "--size", "big"}, nil, 2, "WIDTHxHEIGHT"},
		{"bad aspect", []string{"imagine", "a fox", "--aspect", "wide"}, nil, 2, "W:H"},
		{"both size and aspect", []string{"imagine", "a fox", "--size", "64x64", "--aspect", "1:1"}, nil, 2, "not both"},
		{"unknown engine", []string{"imagine", "a fox", "--engine", "dalle9"}, nil, 2, "dalle9"},
		{"unknown flag", []string{"imagine", "a fox", "--colour", "red"}, nil, 2, "colour"},
		{"bad chaos", []string{"imagine", "a fox", "--chaos", "101"}, nil, 2, "chaos"},
		{"bad dialect", []string{"imagine", "a fox", "--for", "dalle"}, nil, 2, "dialect"},
		{"unwritable data dir", []string{"imagine", "a fox", "--size", "64x64"}, map[string]string{"EASEL_HOME": filepath.Join(file, "sub")}, 2, "data directory"},
		{"broken template", []string{"imagine", "--template", "a {red|blue barn"}, nil, 2, "template: column"},
		{"unknown id", []string{"gallery", "show", "abcdef"}, nil, 2, "no artwork"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := tt.env
			if env == nil {
				env = home(t)
			}
			r := runEasel(t, env, tt.args...)
			if r.code != tt.wantCode {
				t.Fatalf("exit %d; want %d (stderr %q)", r.code, tt.wantCode, r.stderr)
			}
			lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
			last := lines[len(lines)-1]
			if !strings.HasPrefix(last, "easel: ") || !strings.Contains(last, tt.wantErr) {
				t.Fatalf("stderr = %q; want an easel: line containing %q", r.stderr, tt.wantErr)
			}
			if strings.Contains(r.stderr, "panic") || strings.Contains(r.stderr, "goroutine") {
				t.Fatalf("stderr has a stack trace: %s", r.stderr)
			}
			if home := env["EASEL_HOME"]; home != "" {
				if imgs, _ := filepath.Glob(filepath.Join(home, "images", "*", "*")); len(imgs) > 0 {
					t.Fatalf("bad input left images behind: %v", imgs)
				}
			}
		})
	}
}

func TestGalleryCommands(t *testing.T) {
	env := home(t)
	for _, idea := range []string{"a castle on a hill under a full moon", "a red barn in a wheat field"} {
		if r := runEasel(t, env, "imagine", idea, "--size", "64x64", "--seed", "1"); r.code != 0 {
			t.Fatalf("imagine: %s", r.stderr)
		}
	}
	r := runEasel(t, env, "gallery", "list", "--json")
	list := ndjson(t, r.stdout)
	if r.code != 0 || len(list) != 2 {
		t.Fatalf("list: exit %d, %d items: %s", r.code, len(list), r.stderr)
	}
	r = runEasel(t, env, "gallery", "search", "castle", "--json")
	found := ndjson(t, r.stdout)
	if len(found) != 1 || found[0]["idea"] != "a castle on a hill under a full moon" {
		t.Fatalf("search castle = %v", found)
	}
	id := found[0]["id"].(string)
	r = runEasel(t, env, "gallery", "show", id[:8])
	if r.code != 0 || !strings.Contains(r.stdout, id) || !strings.Contains(r.stdout, "castle") {
		t.Fatalf("show: %d %s %s", r.code, r.stdout, r.stderr)
	}
	r = runEasel(t, env, "gallery", "list")
	if !strings.Contains(r.stdout, "ID") || !strings.Contains(r.stdout, "red barn") {
		t.Fatalf("list table = %q", r.stdout)
	}
	if r = runEasel(t, env, "gallery", "rm", id); r.code != 0 {
		t.Fatalf("rm: %s", r.stderr)
	}
	if _, err := os.Stat(found[0]["path"].(string)); !os.IsNotExist(err) {
		t.Fatalf("file still there after rm")
	}
	r = runEasel(t, env, "gallery", "list", "--json")
	if got := ndjson(t, r.stdout); len(got) != 1 {
		t.Fatalf("after rm: %d items", len(got))
	}
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"imagine", "--help"}, {"gallery", "--help"}} {
		r := runEasel(t, home(t), args...)
		if r.code != 0 || !strings.Contains(r.stdout, "Usage") && !strings.Contains(r.stdout, "easel") {
			t.Fatalf("%v: exit %d, stdout %q", args, r.code, r.stdout)
		}
	}
}

func TestImagineTemplate(t *testing.T) {
	env := home(t)
	os.MkdirAll(filepath.Join(env["EASEL_HOME"], "wildcards"), 0o755)
	os.WriteFile(filepath.Join(env["EASEL_HOME"], "wildcards", "animal.txt"), []byte("fox\nowl\n"), 0o644)
	tpl := "a {red|blue} __animal__ at {dawn|night}"
	r := runEasel(t, env, "imagine", "--template", tpl, "-v", "3", "--seed", "9", "--size", "64x64", "--json")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	objs := ndjson(t, r.stdout)
	if len(objs) != 3 {
		t.Fatalf("%d artworks; want 3", len(objs))
	}
	for _, o := range objs {
		idea := o["idea"].(string)
		if o["template"] != tpl || strings.ContainsAny(idea, "{}_") || !(strings.Contains(idea, "fox") || strings.Contains(idea, "owl")) {
			t.Errorf("artwork = template %v, idea %q", o["template"], idea)
		}
		if o["method"] != "template" {
			t.Errorf("method = %v", o["method"])
		}
	}
	// The gallery keeps the template: searching for its words finds them.
	r = runEasel(t, env, "gallery", "show", objs[0]["id"].(string), "--json")
	if !strings.Contains(r.stdout, `"template":"a {red|blue} __animal__ at {dawn|night}"`) {
		t.Fatalf("gallery show lacks the template: %s", r.stdout)
	}
	r = runEasel(t, env, "prompt", "--template", tpl, "-v", "2", "--seed", "9", "--json")
	if got := ndjson(t, r.stdout); r.code != 0 || len(got) != 2 || got[0]["template"] != tpl {
		t.Fatalf("prompt --template: exit %d, %v, %s", r.code, got, r.stderr)
	}
}

func TestGallerySheet(t *testing.T) {
	env := home(t)
	for _, idea := range []string{"a beach sunset", "a castle on a hill under a full moon"} {
		if r := runEasel(t, env, "imagine", idea, "--size", "64x64", "--seed", "2"); r.code != 0 {
			t.Fatalf("imagine: %s", r.stderr)
		}
	}
	out := filepath.Join(t.TempDir(), "sheet.png")
	r := runEasel(t, env, "gallery", "sheet", "-o", out, "--cell", "96")
	if r.code != 0 {
		t.Fatalf("sheet: exit %d: %s", r.code, r.stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil || img.Bounds().Dx() < 2*96 {
		t.Fatalf("sheet: %v, %v", err, img.Bounds())
	}
	if r := runEasel(t, env, "gallery", "sheet", "dragon", "-o", out); r.code != 2 || !strings.Contains(r.stderr, "dragon") {
		t.Fatalf("sheet of nothing: exit %d, %s", r.code, r.stderr)
	}
	if r := runEasel(t, env, "gallery", "sheet"); r.code != 2 || !strings.Contains(r.stderr, "-o") {
		t.Fatalf("sheet without -o: exit %d, %s", r.code, r.stderr)
	}
}

func TestReproduceIsByteIdentical(t *testing.T) {
	env := home(t)
	r := runEasel(t, env, "imagine", "a lighthouse on a rocky coast during a storm", "--seed", "5", "--size", "96x96", "--json")
	orig := ndjson(t, r.stdout)[0]
	r = runEasel(t, env, "reproduce", orig["id"].(string), "--json")
	if r.code != 0 {
		t.Fatalf("reproduce: exit %d: %s", r.code, r.stderr)
	}
	again := ndjson(t, r.stdout)[0]
	if again["sha256"] != orig["sha256"] || again["parent_id"] != orig["id"] || again["id"] == orig["id"] {
		t.Fatalf("reproduction = %v; want the same file bytes as %v, as a child", again, orig)
	}
}

func TestLocalEngineNotRunningFailsAtOnce(t *testing.T) {
	env := home(t)
	env["EASEL_A1111_URL"] = "http://127.0.0.1:1" // nothing listens on port 1
	r := runEasel(t, env, "imagine", "a fox", "--engine", "a1111", "--size", "512x512")
	if r.code != 1 || !strings.Contains(r.stderr, "EASEL_A1111_URL") || strings.Contains(r.stderr, "trying again") {
		t.Fatalf("exit %d, stderr %q; want exit 1 naming EASEL_A1111_URL, with no retry", r.code, r.stderr)
	}
}

package main

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/imageio/imageiotest"
)

// TestDescribeMetadata: an easel picture's recorded prompt is number 1,
// variations follow, each different.
func TestDescribeMetadata(t *testing.T) {
	env := home(t)
	art := imagineOne(t, env, "a lighthouse on a rocky coast at dusk", "--seed", "5", "--size", "96x64")
	r := mustRun(t, env, "describe", art["path"].(string), "-n", "4", "--json")
	obj := ndjson(t, r.stdout)[0]
	ps := obj["prompts"].([]any)
	if len(ps) != 4 || obj["made_by"] != "easel" {
		t.Fatalf("got %v", obj)
	}
	seen := map[string]bool{}
	for i, p := range ps {
		m := p.(map[string]any)
		text := m["prompt"].(string)
		if seen[text] {
			t.Errorf("prompt %d repeats", i+1)
		}
		seen[text] = true
		want := "variation"
		if i == 0 {
			want = "metadata"
			if text != art["prompt"] {
				t.Errorf("prompt 1 = %q; want the recorded %q", text, art["prompt"])
			}
		}
		if m["source"] != want {
			t.Errorf("prompt %d source %v; want %s", i+1, m["source"], want)
		}
	}
	// A gallery id works too, and --imagine 2 renders prompt 2 as a child.
	r = mustRun(t, env, "describe", art["id"].(string)[:8], "--imagine", "2", "--json")
	lines := ndjson(t, r.stdout)
	kid := lines[len(lines)-1]
	if kid["method"] != easel.MethodDescribe || kid["parent_id"] != art["id"] {
		t.Errorf("--imagine made %v; want a describe child of %s", kid, art["id"])
	}
}

// TestDescribeAnalysis: a picture without metadata is analysed offline,
// with the honest note; JPEG works as PNG does.
func TestDescribeAnalysis(t *testing.T) {
	env := home(t)
	dir := t.TempDir()
	// A night sky over dark water: dark blue above a darker band.
	img := image.NewRGBA(image.Rect(0, 0, 160, 90))
	for y := range 90 {
		for x := range 160 {
			c := color.RGBA{10, 14, 40, 255}
			if y > 55 {
				c = color.RGBA{4, 6, 16, 255}
			}
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	jpeg.Encode(&buf, img, nil)
	path := filepath.Join(dir, "night.jpg")
	os.WriteFile(path, buf.Bytes(), 0o644)
	r := mustRun(t, env, "describe", path, "-n", "3")
	for _, want := range []string{"1. ", "2. ", "3. ", "night", "16:9"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, r.stdout)
		}
	}
	if !strings.Contains(r.stderr, "not objects") {
		t.Errorf("no note about objects: %q", r.stderr)
	}
}

// TestDescribeBadInput: not a picture, truncated, a pixel bomb, bad -n:
// one easel: line, exit 2, nothing saved.
func TestDescribeBadInput(t *testing.T) {
	env := home(t)
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, data, 0o644)
		return p
	}
	good := imagineOne(t, env, "a red barn", "--seed", "1", "--size", "64x64")
	pngData, _ := os.ReadFile(good["path"].(string))
	before := galleryCount(t, env)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"describe", write("notes.txt", []byte("just some text"))}, "unknown format"},
		{[]string{"describe", write("cut.png", pngData[:len(pngData)/3])}, ""},
		{[]string{"describe", write("bomb.png", imageiotest.PNGBomb(100000, 100000))}, "megapixels"},
		{[]string{"describe", good["path"].(string), "-n", "50"}, "1 to 20"},
		{[]string{"describe", good["path"].(string), "--imagine", "9"}, "not one of"},
		{[]string{"describe", filepath.Join(dir, "missing.png")}, "missing.png"},
	} {
		r := runLineage(t, env, c.args...)
		if r.code != exitUsage || !strings.Contains(r.stderr, c.want) || strings.Count(r.stderr, "easel:") != 1 {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and one easel: line naming %q", c.args[1:], r.code, r.stderr, exitUsage, c.want)
		}
	}
	if n := galleryCount(t, env); n != before {
		t.Errorf("gallery has %d artworks; want %d", n, before)
	}
}

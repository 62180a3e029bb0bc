package main

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/easel-art/easel/engine/a1111/a1111test"
	"github.com/easel-art/easel/engine/enginetest"
	"github.com/easel-art/easel/engine/openai/openaitest"
	"github.com/easel-art/easel/imageio/imageiotest"
	"github.com/easel-art/easel/pngmeta"
)

// writePicture writes a w x h picture (a gradient with a dark square) as
// PNG or JPEG and returns its path.
func writePicture(t *testing.T, dir, name string, w, h int) string {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.RGBA{uint8(60 + 150*y/h), uint8(100 + 100*x/w), 200, 255}
			if x > w/3 && x < w/2 && y > h/2 {
				c = color.RGBA{40, 30, 20, 255}
			}
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	var err error
	if strings.HasSuffix(name, ".jpg") {
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90})
	} else {
		err = png.Encode(&buf, img)
	}
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func writeMask(t *testing.T, dir string, w, h int, r image.Rectangle) string {
	t.Helper()
	m := image.NewGray(image.Rect(0, 0, w, h))
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			m.SetGray(x, y, color.Gray{255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, m); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "mask.png")
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestEditFileStoresInputAndChild: a JPEG not in the gallery is imported,
// and the edit is its child with the strength in its record and its PNG.
func TestEditFileStoresInputAndChild(t *testing.T) {
	env := home(t)
	dir := t.TempDir()
	pic := writePicture(t, dir, "photo.jpg", 160, 120)
	r := mustRun(t, env, "edit", pic, "as a watercolor", "--strength", "0.3", "--seed", "5", "--json")
	objs := ndjson(t, r.stdout)
	if len(objs) != 1 {
		t.Fatalf("got %d objects: %s", len(objs), r.stdout)
	}
	child := showJSON(t, env, objs[0]["id"].(string))
	if child["method"] != "edit" || child["parent_id"] == "" || child["width"] != 160.0 || child["height"] != 120.0 {
		t.Fatalf("child record %v", child)
	}
	if !strings.Contains(child["engine_info"].(string), "Denoising strength: 0.3") {
		t.Errorf("engine_info %q lacks the strength", child["engine_info"])
	}
	parent := showJSON(t, env, child["parent_id"].(string))
	if parent["method"] != "import" || parent["width"] != 160.0 {
		t.Errorf("parent record %v", parent)
	}
	data, err := os.ReadFile(objs[0]["path"].(string))
	if err != nil {
		t.Fatal(err)
	}
	md, err := pngmeta.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := md.Params.Get("Denoising strength"); v != "0.3" {
		t.Errorf("PNG parameters Denoising strength = %q; want 0.3", v)
	}
	// The same file again is the same parent: no second import.
	r = mustRun(t, env, "edit", pic, "as an oil painting", "--json")
	again := showJSON(t, env, ndjson(t, r.stdout)[0]["id"].(string))
	if again["parent_id"] != child["parent_id"] {
		t.Errorf("second edit's parent %v; want %v", again["parent_id"], child["parent_id"])
	}
	if n := galleryCount(t, env); n != 3 {
		t.Errorf("gallery has %d artworks; want 3 (the import and two edits)", n)
	}
}

func TestEditMaskOutpaintUpscale(t *testing.T) {
	env := home(t)
	dir := t.TempDir()
	id := imagineOne(t, env, "a lighthouse on a rocky coast", "--size", "128x96")["id"].(string)
	mask := writeMask(t, dir, 128, 96, image.Rect(0, 0, 128, 40))
	r := mustRun(t, env, "edit", id, "a stormy sky", "--mask", mask, "--json")
	ch := showJSON(t, env, ndjson(t, r.stdout)[0]["id"].(string))
	if ch["method"] != "inpaint" || ch["parent_id"] != id || !strings.Contains(ch["engine_info"].(string), "Mask blur: 4") {
		t.Errorf("inpaint record %v", ch)
	}
	r = mustRun(t, env, "outpaint", id, "--aspect", "16:9", "--json")
	o := ndjson(t, r.stdout)[0]
	if o["width"] != 171.0 || o["height"] != 96.0 {
		t.Errorf("outpaint to 16:9 made %vx%v; want 171x96", o["width"], o["height"])
	}
	r = mustRun(t, env, "outpaint", id, "--expand", "0,0,64,0", "--json")
	if o := ndjson(t, r.stdout)[0]; o["width"] != 192.0 || o["height"] != 96.0 {
		t.Errorf("pan right made %vx%v; want 192x96", o["width"], o["height"])
	}
	r = mustRun(t, env, "upscale", id, "--scale", "4", "--json")
	u := showJSON(t, env, ndjson(t, r.stdout)[0]["id"].(string))
	parent := showJSON(t, env, id)
	if u["width"] != 512.0 || u["height"] != 384.0 || u["method"] != "upscale" {
		t.Errorf("upscale record %v", u)
	}
	if u["prompt"] != parent["prompt"] || u["seed"] != parent["seed"] {
		t.Errorf("upscale did not keep the prompt and seed: %v vs %v", u["prompt"], parent["prompt"])
	}
}

func TestEditBadInput(t *testing.T) {
	env := home(t)
	dir := t.TempDir()
	pic := writePicture(t, dir, "p.png", 100, 80)
	notImage := filepath.Join(dir, "notes.png")
	os.WriteFile(notImage, []byte("hello, not a picture"), 0o644)
	full, _ := os.ReadFile(pic)
	trunc := filepath.Join(dir, "trunc.png")
	os.WriteFile(trunc, full[:len(full)/2], 0o644)
	bomb := filepath.Join(dir, "bomb.png")
	os.WriteFile(bomb, imageiotest.PNGBomb(10000, 10000), 0o644)
	small := writeMask(t, t.TempDir(), 50, 50, image.Rect(0, 0, 10, 10))
	empty := writeMask(t, t.TempDir(), 100, 80, image.Rectangle{})
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"edit", notImage, "x"}, "notes.png"},
		{[]string{"edit", trunc, "x"}, "trunc.png"},
		{[]string{"edit", bomb, "x"}, "pixels"},
		{[]string{"edit", pic, "x", "--mask", small}, "must be the picture's size"},
		{[]string{"edit", pic, "x", "--mask", empty}, "marks nothing"},
		{[]string{"edit", pic, "x", "--strength", "2"}, "strength"},
		{[]string{"edit", pic, "x", "--strength", "-1"}, "strength"},
		{[]string{"edit", pic, "x", "--strength", "-0.5"}, "strength"},
		{[]string{"edit", pic}, "needs a picture and words"},
		{[]string{"outpaint", pic}, "--aspect"},
		{[]string{"outpaint", pic, "--expand", "1,2"}, "four whole numbers"},
		{[]string{"outpaint", pic, "--aspect", "5:4"}, "already"},
		{[]string{"upscale", pic, "--scale", "3"}, "2 or 4"},
		{[]string{"upscale", pic, "--scale", "0"}, "2 or 4"},
		{[]string{"edit", pic, "--service", "erase"}, "no edit services"},
		{[]string{"edit", pic, "x", "--service", "search-and-replace"}, "--search"},
		{[]string{"upscale", "deadbeef99"}, "neither a picture file nor a gallery id"},
		{[]string{"edit", filepath.Join(dir, "missing.png"), "x"}, "missing.png"},
	}
	for _, c := range cases {
		r := runEasel(t, env, c.args...)
		if r.code != 2 {
			t.Errorf("%v: exit %d; want 2 (stderr %q)", c.args, r.code, r.stderr)
		}
		if !strings.HasPrefix(r.stderr, "easel: ") || strings.Count(strings.TrimSpace(r.stderr), "\n") > 0 || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: stderr %q; want one easel: line with %q", c.args, r.stderr, c.want)
		}
		if r.stdout != "" {
			t.Errorf("%v: stdout %q; want nothing", c.args, r.stdout)
		}
	}
	if n := galleryCount(t, env); n != 0 {
		t.Errorf("gallery has %d artworks after bad input; want none", n)
	}
}

// TestEditOnRemoteEngines: the CLI's edits on the OpenAI and A1111 fakes,
// and an operation an engine cannot do refused before anything is stored.
func TestEditOnRemoteEngines(t *testing.T) {
	env := home(t)
	dir := t.TempDir()
	pic := writePicture(t, dir, "photo.png", 256, 256)
	ofk := openaitest.New(t, enginetest.FaultNone)
	env["OPENAI_API_KEY"], env["OPENAI_BASE_URL"] = openaitest.Key, ofk.URL()
	afk := a1111test.New(t, enginetest.FaultNone)
	env["EASEL_A1111_URL"] = afk.URL()

	r := runEasel(t, env, "upscale", pic, "--engine", "openai")
	if r.code != 2 || !strings.Contains(r.stderr, "openai") || !strings.Contains(r.stderr, "--engine builtin") {
		t.Errorf("upscale on openai: exit %d %q; want 2 naming the built-in engine", r.code, r.stderr)
	}
	if n := galleryCount(t, env); n != 0 || ofk.Requests() != 0 {
		t.Fatalf("a refused upscale stored %d artworks and made %d calls", n, ofk.Requests())
	}
	mask := writeMask(t, dir, 256, 256, image.Rect(0, 0, 256, 100))
	r = mustRun(t, env, "edit", pic, "a red kite in the sky", "--engine", "openai", "--mask", mask, "--fidelity", "high", "--json")
	a := showJSON(t, env, ndjson(t, r.stdout)[0]["id"].(string))
	if a["method"] != "inpaint" || a["engine"] != "openai" || a["cost_usd"].(float64) <= 0 {
		t.Errorf("openai inpaint record %v", a)
	}
	if calls := ofk.Edits(); len(calls) != 1 || calls[0].Mask == nil || calls[0].Fields["input_fidelity"] != "high" || calls[0].Fields["prompt"] != "a red kite in the sky" {
		t.Errorf("openai edits calls %+v", calls)
	}
	r = mustRun(t, env, "outpaint", pic, "--engine", "a1111", "--expand", "0,0,64,0", "--json")
	o := ndjson(t, r.stdout)[0]
	if o["width"] != 320.0 || o["height"] != 256.0 {
		t.Errorf("a1111 outpaint made %vx%v; want 320x256", o["width"], o["height"])
	}
	bodies := afk.EditBodies()
	if len(bodies) != 1 || bodies[0]["_path"] != "/sdapi/v1/img2img" || bodies[0]["mask"] == nil || bodies[0]["width"] != 320.0 {
		t.Errorf("a1111 outpaint went as %v; want an img2img inpaint of the 320-wide picture", bodies)
	}
	r = mustRun(t, env, "upscale", pic, "--engine", "a1111", "--json")
	if u := ndjson(t, r.stdout)[0]; u["width"] != 512.0 {
		t.Errorf("a1111 upscale made %v wide; want 512", u["width"])
	}
}

package server

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"image"
	"image/color"
	"image/jpeg"
	"mime/multipart"
	"strings"
	"testing"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/imageio/imageiotest"
	"github.com/easel-art/easel/llm"
	"github.com/easel-art/easel/llm/llmtest"
	"github.com/easel-art/easel/llm/openai"
)

// TestRefineAPI previews a refine, renders it as a job, and refuses an
// instruction it cannot read.
func TestRefineAPI(t *testing.T) {
	e := newTestEnv(t, Options{})
	a := seedJob(t, e, `{"idea":"a beach sunset","size":"96x64","seed":5}`).Artworks[0]
	res, b := e.do(t, "POST", "/api/v1/artworks/"+a.ID+"/refine", `{"instruction":"make it night, add a red sailboat","prompt_only":true}`)
	if res.StatusCode != 200 {
		t.Fatalf("prompt_only: %d %s", res.StatusCode, b)
	}
	var pv RefinePreview
	json.Unmarshal(b, &pv)
	if len(pv.Changes) != 2 || !strings.Contains(pv.Prompt, "night") || !strings.Contains(pv.Prompt, "sailboat") ||
		pv.Seed != a.Seed || pv.Width != 96 || pv.ParentID != a.ID {
		t.Errorf("preview %+v", pv)
	}
	if n, _ := e.gal.List(t.Context(), easel.ArtworkFilter{}); len(n) != 1 {
		t.Errorf("a preview saved something: %d artworks", len(n))
	}
	jv := startAndWait(t, e, "/api/v1/artworks/"+a.ID+"/refine", `{"instruction":"make it night, add a red sailboat"}`)
	if len(jv.Artworks) != 1 {
		t.Fatalf("%d artworks", len(jv.Artworks))
	}
	k := jv.Artworks[0]
	if k.ParentID != a.ID || k.Method != easel.MethodRefine || k.Instruction != "make it night, add a red sailboat" || k.Seed != a.Seed || k.Prompt != pv.Prompt {
		t.Errorf("child: parent %s method %s instruction %q seed %d", k.ParentID, k.Method, k.Instruction, k.Seed)
	}
	for _, c := range []struct {
		path, body string
		status     int
		want       string
	}{
		{"/api/v1/artworks/" + a.ID + "/refine", `{"instruction":"make it blorp"}`, 400, "blorp"},
		{"/api/v1/artworks/" + a.ID + "/refine", `{"instruction":""}`, 400, "empty"},
		{"/api/v1/artworks/" + a.ID + "/refine", `{"instruction":"make it blorp","prompt_only":true}`, 400, "blorp"},
		{"/api/v1/artworks/ffffffffffffffff/refine", `{"instruction":"at night"}`, 404, ""},
	} {
		res, b := e.do(t, "POST", c.path, c.body)
		if res.StatusCode != c.status || !strings.Contains(string(b), c.want) {
			t.Errorf("%s %s: %d %s; want %d naming %q", c.path, c.body, res.StatusCode, b, c.status, c.want)
		}
	}
}

// TestDescribeAPI sends pictures as multipart and as base64 JSON.
func TestDescribeAPI(t *testing.T) {
	e := newTestEnv(t, Options{})
	a := seedJob(t, e, `{"idea":"a lighthouse at dusk","size":"96x64","seed":3}`).Artworks[0]
	_, png := e.do(t, "GET", a.ImageURL, nil)

	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("image", "a.png")
	fw.Write(png)
	mw.WriteField("n", "3")
	mw.Close()
	res, b := e.do(t, "POST", "/api/v1/describe", buf.Bytes(), "Content-Type", mw.FormDataContentType())
	if res.StatusCode != 200 {
		t.Fatalf("multipart: %d %s", res.StatusCode, b)
	}
	var dr DescribeResponse
	json.Unmarshal(b, &dr)
	if len(dr.Prompts) != 3 || dr.Prompts[0].Source != "metadata" || dr.Prompts[0].Prompt != a.Prompt || dr.ArtworkID != a.ID || dr.MadeBy != "easel" {
		t.Errorf("multipart describe: %d prompts, first %+v, artwork %q, made by %q", len(dr.Prompts), dr.Prompts[0], dr.ArtworkID, dr.MadeBy)
	}

	img := image.NewRGBA(image.Rect(0, 0, 120, 80))
	for y := range 80 {
		for x := range 120 {
			img.Set(x, y, color.RGBA{40, 90, uint8(160 + y), 255})
		}
	}
	var jb bytes.Buffer
	jpeg.Encode(&jb, img, nil)
	body := mustJSON(t, DescribeJSON{Image: "data:image/jpeg;base64," + base64.StdEncoding.EncodeToString(jb.Bytes()), N: 2, Dialect: "sd"})
	res, b = e.do(t, "POST", "/api/v1/describe", body)
	if res.StatusCode != 200 {
		t.Fatalf("json: %d %s", res.StatusCode, b)
	}
	dr = DescribeResponse{}
	json.Unmarshal(b, &dr)
	if len(dr.Prompts) != 2 || dr.Analysis == nil || dr.Note == "" || dr.Format != "jpeg" || dr.Dialect != easel.DialectSD || dr.Prompts[0].Canonical == nil {
		t.Errorf("json describe: %s", b)
	}
	if n, _ := e.gal.List(t.Context(), easel.ArtworkFilter{}); len(n) != 1 {
		t.Errorf("describe saved something: %d artworks", len(n))
	}

	bomb := base64.StdEncoding.EncodeToString(imageiotest.PNGBomb(100000, 100000))
	for _, c := range []struct {
		body, ct string
		status   int
		want     string
	}{
		{`{"image":"` + base64.StdEncoding.EncodeToString([]byte("not a picture")) + `"}`, "", 400, "unknown format"},
		{`{"image":"%%%"}`, "", 400, "base64"},
		{`{"image":""}`, "", 400, "no picture"},
		{`{"image":"` + bomb + `"}`, "", 400, "megapixels"},
		{`{"image":"` + base64.StdEncoding.EncodeToString(png) + `","n":99}`, "", 400, "1 to 20"},
		{"hello", "text/plain", 415, "multipart"},
	} {
		h := []string{}
		if c.ct != "" {
			h = []string{"Content-Type", c.ct}
		}
		res, b := e.do(t, "POST", "/api/v1/describe", c.body, h...)
		if res.StatusCode != c.status || !strings.Contains(string(b), c.want) {
			t.Errorf("%.40s: %d %s; want %d naming %q", c.body, res.StatusCode, b, c.status, c.want)
		}
	}
}

// TestDescribeAndRefineAPIWithLLM: the API's llm field reaches the model
// (the OpenAI fake, which checks the picture's image part).
func TestDescribeAndRefineAPIWithLLM(t *testing.T) {
	f := llmtest.NewOpenAI(t, llmtest.TestKey)
	e := newTestEnv(t, Options{}, func(d *Deps) {
		d.LLM = func(spec string) (llm.Client, error) {
			return openai.New(openai.Config{APIKey: llmtest.TestKey, BaseURL: f.BaseURL(), Model: llmtest.TestModel, Timeout: 5 * time.Second})
		}
	})
	a := seedJob(t, e, `{"idea":"a lighthouse at dusk","size":"96x64","seed":3}`).Artworks[0]
	_, png := e.do(t, "GET", a.ImageURL, nil)
	f.Push(llmtest.Reply{Text: `{"prompts": ["A lighthouse at dusk on dark rocks.", "A coastal tower glowing at twilight."]}`})
	res, b := e.do(t, "POST", "/api/v1/describe", mustJSON(t, DescribeJSON{Image: base64.StdEncoding.EncodeToString(png), N: 2, LLM: "openai"}))
	var dr DescribeResponse
	json.Unmarshal(b, &dr)
	if res.StatusCode != 200 || len(dr.Prompts) != 2 || dr.Prompts[0].Source != "vision" || len(f.LastCall().Messages[0].Images) != 1 {
		t.Fatalf("describe with llm: %d %s", res.StatusCode, b)
	}
	f.Push(llmtest.Reply{Text: `{"prompt": "A lighthouse at night on dark rocks, its beam across a starry sky.", "negative": "blurry", "changed": "dusk became night"}`})
	res, b = e.do(t, "POST", "/api/v1/artworks/"+a.ID+"/refine", `{"instruction":"make it night","llm":"openai","prompt_only":true}`)
	var pv RefinePreview
	json.Unmarshal(b, &pv)
	if res.StatusCode != 200 || pv.Changes[0] != "dusk became night" || !strings.Contains(pv.Prompt, "starry") {
		t.Fatalf("refine with llm: %d %s", res.StatusCode, b)
	}
}

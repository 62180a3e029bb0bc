package comfyui

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/enginetest"
)

func picture(t *testing.T, w, h int) easel.Picture {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = uint8(i)
		if i%4 == 3 {
			img.Pix[i] = 255
		}
	}
	var buf bytes.Buffer
	png.Encode(&buf, img)
	return easel.Picture{Image: img, PNG: buf.Bytes()}
}

func inputs(g map[string]any, id string) map[string]any {
	return g[id].(map[string]any)["inputs"].(map[string]any)
}

func TestImg2ImgAndInpaintWorkflows(t *testing.T) {
	fk := newFake(t, enginetest.FaultNone)
	c := client(t, fk, Config{Model: "v1-5-pruned-emaonly.safetensors"})
	pic := picture(t, 320, 240)
	res, err := c.Edit(t.Context(), &easel.EditRequest{Op: easel.OpEdit, Image: pic, Prompt: "as an oil painting", Strength: 0.45, Seed: 9, N: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Images) != 2 || res.Width != 320 || res.Height != 240 {
		t.Fatalf("result %d images %dx%d; want 2 of 320x240", len(res.Images), res.Width, res.Height)
	}
	g := fk.Prompts()[0]
	name := inputs(g, "10")["image"].(string)
	if !bytes.Equal(fk.Uploads()[name], pic.PNG) {
		t.Errorf("LoadImage names %q, which is not the uploaded picture", name)
	}
	if d := inputs(g, "3")["denoise"]; d != 0.45 {
		t.Errorf("KSampler denoise %v; want the strength 0.45", d)
	}
	if inputs(fk.Prompts()[1], "3")["seed"] != 10.0 {
		t.Error("the second picture does not have the next seed")
	}
	mask := image.NewAlpha(image.Rect(0, 0, 320, 240))
	mask.SetAlpha(1, 1, color.Alpha{255})
	if _, err := c.Edit(t.Context(), &easel.EditRequest{Op: easel.OpInpaint, Image: pic, Mask: mask, Prompt: "a kite", Strength: 1}); err != nil {
		t.Fatal(err)
	}
	g = fk.Prompts()[2]
	mi := inputs(g, "12")
	if mi["channel"] != "red" {
		t.Errorf("LoadImageMask channel %v", mi["channel"])
	}
	m, err := png.Decode(bytes.NewReader(fk.Uploads()[mi["image"].(string)]))
	if err != nil {
		t.Fatal(err)
	}
	if r, _, _, _ := m.At(1, 1).RGBA(); r != 0xffff {
		t.Error("the uploaded mask is not white where easel repaints")
	}
}

// TestUserWorkflowWithImage: a person's workflow with {{image}} is used
// for edits; one without {{mask}} refuses a masked edit before any call.
func TestUserWorkflowWithImage(t *testing.T) {
	dir := t.TempDir()
	wf := strings.Replace(string(img2imgWorkflow), `"{{prompt}}"`, `"masterpiece, {{prompt}}"`, 1)
	file := filepath.Join(dir, "mine.json")
	os.WriteFile(file, []byte(wf), 0o644)
	fk := newFake(t, enginetest.FaultNone)
	c := client(t, fk, Config{WorkflowFile: file, Model: "v1-5-pruned-emaonly.safetensors"})
	if _, err := c.Edit(t.Context(), &easel.EditRequest{Op: easel.OpEdit, Image: picture(t, 64, 64), Prompt: "a fox", Strength: 0.5}); err != nil {
		t.Fatal(err)
	}
	if got := inputs(fk.Prompts()[0], "6")["text"]; got != "masterpiece, a fox" {
		t.Errorf("text %q; want the person's workflow", got)
	}
	before := fk.Requests()
	mask := image.NewAlpha(image.Rect(0, 0, 64, 64))
	if _, err := c.Edit(t.Context(), &easel.EditRequest{Op: easel.OpInpaint, Image: picture(t, 64, 64), Mask: mask, Prompt: "x"}); err == nil || !strings.Contains(err.Error(), "{{mask}}") {
		t.Errorf("masked edit with a workflow without {{mask}}: %v", err)
	}
	if fk.Requests() != before {
		t.Error("the refused edit reached the server")
	}
}

func TestFakeUploadAndLoadImageAreStrict(t *testing.T) {
	fk := newFake(t, enginetest.FaultNone)
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	w, _ := mw.CreateFormFile("file", "x.png")
	w.Write(picture(t, 8, 8).PNG)
	mw.Close()
	resp, err := fk.Client().Post(fk.URL()+"/upload/image", mw.FormDataContentType(), &body)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 400 {
		t.Errorf("upload without the image field: %d; want 400", resp.StatusCode)
	}
	// A workflow naming a file that was never uploaded fails validation.
	c := client(t, fk, Config{Model: "v1-5-pruned-emaonly.safetensors"})
	g := img2img.Fill(map[string]any{"prompt": "x", "negative": "", "model": "v1-5-pruned-emaonly.safetensors", "image": "never.png",
		"denoise": 0.5, "seed": 1, "steps": 20, "cfg": 7.0, "sampler": "euler", "scheduler": "normal"})
	_, err = c.queue(t.Context(), g)
	if err == nil || !strings.Contains(err.Error(), "never.png") && !strings.Contains(strings.ToLower(err.Error()), "not in") {
		t.Errorf("queueing a LoadImage of a missing file: %v; want a validation error", err)
	}
	_ = http.StatusOK
}

func TestUpscaleWithAModelOrLanczos(t *testing.T) {
	fk := newFake(t, enginetest.FaultNone)
	c := client(t, fk, Config{})
	res, err := c.Edit(t.Context(), &easel.EditRequest{Op: easel.OpUpscale, Image: picture(t, 100, 80), Scale: 2})
	if err != nil {
		t.Fatal(err)
	}
	if res.Width != 200 || res.Height != 160 || res.Model != "lanczos" || len(res.Notes) != 1 {
		t.Errorf("without a model: %dx%d with %s, notes %q", res.Width, res.Height, res.Model, res.Notes)
	}
	fk.SetUpscaleModels("RealESRGAN_x2plus.pth", "4x-UltraSharp.pth")
	res, err = c.Edit(t.Context(), &easel.EditRequest{Op: easel.OpUpscale, Image: picture(t, 100, 80), Scale: 4})
	if err != nil {
		t.Fatal(err)
	}
	if res.Width != 400 || res.Height != 320 || res.Model != "4x-UltraSharp.pth" {
		t.Errorf("with models: %dx%d with %s; want 400x320 with 4x-UltraSharp.pth", res.Width, res.Height, res.Model)
	}
	g := fk.Prompts()[1]
	if inputs(g, "20")["model_name"] != "4x-UltraSharp.pth" || inputs(g, "22")["width"] != 400.0 {
		t.Errorf("graph %v", g)
	}
	if _, err := c.Edit(t.Context(), &easel.EditRequest{Op: easel.OpUpscale, Image: picture(t, 100, 80), Scale: 2, Upscaler: "nope.pth"}); easel.ErrorCode(err) != easel.EINVALID {
		t.Errorf("an upscale model the server lacks: %v", err)
	}
}

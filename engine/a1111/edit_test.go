package a1111

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"image"
	"image/color"
	"image/png"
	"net/http"
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

func TestImg2ImgAndInpaint(t *testing.T) {
	fk := newFake(t, enginetest.FaultNone)
	c := client(t, fk, Config{})
	pic := picture(t, 640, 480)
	res, err := c.Edit(t.Context(), &easel.EditRequest{Op: easel.OpEdit, Image: pic, Prompt: "as an oil painting", Strength: 0.35, Seed: 7, N: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Images) != 2 || res.Width != 640 || res.Height != 480 || res.Images[1].Seed != 8 {
		t.Fatalf("result %d images %dx%d", len(res.Images), res.Width, res.Height)
	}
	if !strings.Contains(res.Images[0].Info, "Denoising strength: 0.35") {
		t.Errorf("infotext %q lacks the denoising strength", res.Images[0].Info)
	}
	body := fk.EditBodies()[0]
	if body["_path"] != "/sdapi/v1/img2img" || body["denoising_strength"] != 0.35 || body["width"] != 640.0 || body["batch_size"] != 2.0 {
		t.Errorf("img2img body %v", body)
	}
	inits := body["init_images"].([]any)
	if raw, _ := base64.StdEncoding.DecodeString(inits[0].(string)); !bytes.Equal(raw, pic.PNG) {
		t.Error("init_images[0] is not the picture")
	}
	if _, ok := body["mask"]; ok {
		t.Error("an edit without a mask sent one")
	}
	// Inpaint: the mask white where easel repaints, mask_blur 4, fill "original".
	mask := image.NewAlpha(image.Rect(0, 0, 640, 480))
	mask.SetAlpha(10, 20, color.Alpha{255})
	if _, err := c.Edit(t.Context(), &easel.EditRequest{Op: easel.OpInpaint, Image: pic, Mask: mask, Prompt: "a kite", Strength: 0.8}); err != nil {
		t.Fatal(err)
	}
	body = fk.EditBodies()[1]
	if body["mask_blur"] != 4.0 || body["inpainting_fill"] != 1.0 || body["inpainting_mask_invert"] != 0.0 {
		t.Errorf("inpaint body %v", body)
	}
	raw, _ := base64.StdEncoding.DecodeString(body["mask"].(string))
	m, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if r, _, _, _ := m.At(10, 20).RGBA(); r != 0xffff {
		t.Error("the repainted pixel is not white in the mask")
	}
	if r, _, _, _ := m.At(11, 20).RGBA(); r != 0 {
		t.Error("a kept pixel is not black in the mask")
	}
}

func TestUpscaleNamesAListedUpscaler(t *testing.T) {
	fk := newFake(t, enginetest.FaultNone)
	c := client(t, fk, Config{})
	res, err := c.Edit(t.Context(), &easel.EditRequest{Op: easel.OpUpscale, Image: picture(t, 100, 80), Scale: 4})
	if err != nil {
		t.Fatal(err)
	}
	if res.Width != 400 || res.Height != 320 || res.Model != "R-ESRGAN 4x+" {
		t.Errorf("upscale %dx%d with %s; want 400x320 with R-ESRGAN 4x+", res.Width, res.Height, res.Model)
	}
	body := fk.EditBodies()[0]
	if body["_path"] != "/sdapi/v1/extra-single-image" || body["upscaler_1"] != "R-ESRGAN 4x+" || body["upscaling_resize"] != 4.0 {
		t.Errorf("extras body %v", body)
	}
}

func TestFakeImg2ImgIsStrict(t *testing.T) {
	fk := newFake(t, enginetest.FaultNone)
	pic := base64.StdEncoding.EncodeToString(picture(t, 64, 64).PNG)
	cases := []struct {
		path   string
		body   map[string]any
		status int
		want   string
	}{
		{"/sdapi/v1/img2img", map[string]any{"init_images": []string{pic}, "prompt": "x"}, 200, ""},
		{"/sdapi/v1/img2img", map[string]any{"init_image": pic}, 422, "extra fields not permitted"},
		{"/sdapi/v1/img2img", map[string]any{"prompt": "x"}, 404, "Init image not found"},
		{"/sdapi/v1/img2img", map[string]any{"init_images": []string{"bm90IGEgcGljdHVyZQ=="}}, 500, "Invalid encoded image"},
		{"/sdapi/v1/img2img", map[string]any{"init_images": []string{pic}, "mask": "%%%"}, 500, "Invalid encoded image"},
		{"/sdapi/v1/img2img", map[string]any{"init_images": []string{pic}, "enable_hr": true}, 422, "extra fields not permitted"},
		{"/sdapi/v1/img2img", map[string]any{"init_images": []string{pic}, "denoising_strength": "high"}, 422, "not a valid number"},
		{"/sdapi/v1/extra-single-image", map[string]any{"image": pic, "upscaler_1": "Real-ESRGAN"}, 500, "could not find upscaler"},
		{"/sdapi/v1/extra-single-image", map[string]any{"image": pic, "upscaler": "Lanczos"}, 422, "extra fields not permitted"},
	}
	for _, c := range cases {
		b, _ := json.Marshal(c.body)
		resp, err := fk.Client().Post(fk.Addr()+c.path, "application/json", bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		out.ReadFrom(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != c.status || !strings.Contains(out.String(), c.want) {
			t.Errorf("%s %v: %d %s; want %d with %q", c.path, c.body, resp.StatusCode, out.String(), c.status, c.want)
		}
	}
	_ = http.StatusOK
}

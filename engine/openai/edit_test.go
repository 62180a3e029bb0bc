package openai

import (
	"bytes"
	"encoding/json"
	"errors"
	"image"
	"image/color"
	"image/png"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/enginetest"
	"github.com/easel-art/easel/engine/openai/openaitest"
	sdk "github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/option"
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
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return easel.Picture{Image: img, PNG: buf.Bytes(), Name: "image.png"}
}

func TestEditSendsMultipartAsTheSDKs(t *testing.T) {
	fk := newFake(t, enginetest.FaultNone)
	c := client(t, fk, Config{Model: "gpt-image-1.5", Quality: "high"})
	pic := picture(t, 1024, 1024)
	mask := image.NewAlpha(image.Rect(0, 0, 1024, 1024))
	for x := 0; x < 1024; x++ {
		mask.SetAlpha(x, 10, color.Alpha{255})
	}
	res, err := c.Edit(t.Context(), &easel.EditRequest{Op: easel.OpInpaint, Image: pic, Mask: mask, Prompt: "a red kite", N: 2, Seed: 4, Fidelity: "high"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Images) != 2 || res.Images[1].Seed != 5 || res.CostUSD <= 0 {
		t.Errorf("result %d images, seed %d, cost %g", len(res.Images), res.Images[1].Seed, res.CostUSD)
	}
	call := fk.Edits()[0]
	if call.ImageField != "image" || len(call.Images) != 1 || call.Mask == nil {
		t.Fatalf("sent %s with %d images, mask %v; want one 'image' and a mask", call.ImageField, len(call.Images), call.Mask != nil)
	}
	want := map[string]string{"prompt": "a red kite", "model": "gpt-image-1.5", "n": "2", "size": "1024x1024", "quality": "high", "background": "auto", "output_format": "png", "input_fidelity": "high"}
	for k, v := range want {
		if call.Fields[k] != v {
			t.Errorf("field %s = %q; want %q", k, call.Fields[k], v)
		}
	}
	if len(call.Fields) != len(want) {
		t.Errorf("fields %v; want exactly %v", call.Fields, want)
	}
	// The mask is transparent exactly where easel's mask repaints.
	m, err := png.Decode(bytes.NewReader(call.Mask))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, _, a := m.At(5, 10).RGBA(); a != 0 {
		t.Errorf("mask alpha at a repainted pixel = %d; want 0 (transparent)", a)
	}
	if _, _, _, a := m.At(5, 11).RGBA(); a != 0xffff {
		t.Errorf("mask alpha at a kept pixel = %d; want opaque", a)
	}
	// References go as image[], every one.
	refs := []easel.Picture{picture(t, 64, 64), picture(t, 80, 80)}
	if _, err := c.Edit(t.Context(), &easel.EditRequest{Op: easel.OpEdit, Image: pic, Refs: refs, Prompt: "in this style", N: 1}); err != nil {
		t.Fatal(err)
	}
	if call := fk.Edits()[1]; call.ImageField != "image[]" || len(call.Images) != 3 || call.Mask != nil {
		t.Errorf("sent %s with %d images; want image[] with 3", call.ImageField, len(call.Images))
	}
	if _, ok := easel.FindOp(c.Ops(), easel.OpUpscale, ""); ok {
		t.Error("openai claims to upscale")
	}
}

// sendEdit posts a hand-made multipart body to the fake.
func sendEdit(t *testing.T, fk *openaitest.Server, build func(mw *multipart.Writer), contentType string) (int, string) {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	build(mw)
	mw.Close()
	if contentType == "" {
		contentType = mw.FormDataContentType()
	}
	req, _ := http.NewRequest(http.MethodPost, fk.URL()+"/images/edits", &body)
	req.Header.Set("Authorization", "Bearer "+testKey)
	req.Header.Set("Content-Type", contentType)
	resp, err := fk.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var env struct {
		Error struct {
			Message string `json:"message"`
		} `json:"error"`
	}
	json.NewDecoder(resp.Body).Decode(&env)
	return resp.StatusCode, env.Error.Message
}

func TestFakeEditsIsStrict(t *testing.T) {
	fk := newFake(t, enginetest.FaultNone)
	pic := picture(t, 64, 64).PNG
	noAlpha := image.NewGray(image.Rect(0, 0, 64, 64))
	var na bytes.Buffer
	png.Encode(&na, noAlpha)
	small, _ := alphaMask(image.NewAlpha(image.Rect(0, 0, 32, 32)))
	file := func(mw *multipart.Writer, field string, data []byte) {
		w, _ := mw.CreateFormFile(field, "f.png")
		w.Write(data)
	}
	ok := func(mw *multipart.Writer) {
		mw.WriteField("prompt", "x")
		mw.WriteField("model", "gpt-image-1.5")
	}
	cases := []struct {
		name  string
		build func(mw *multipart.Writer)
		ctype string
		want  string
	}{
		{"valid", func(mw *multipart.Writer) { ok(mw); file(mw, "image", pic) }, "", ""},
		{"images (wrong name)", func(mw *multipart.Writer) { ok(mw); file(mw, "images", pic) }, "", "Unknown parameter: 'images'"},
		{"no image", func(mw *multipart.Writer) { ok(mw) }, "", "Missing required parameter: 'image'"},
		{"json body", func(mw *multipart.Writer) { ok(mw); file(mw, "image", pic) }, "application/json", "expected multipart/form-data"},
		{"not a picture", func(mw *multipart.Writer) { ok(mw); file(mw, "image", []byte("hello")) }, "", "Invalid image file"},
		{"truncated", func(mw *multipart.Writer) { ok(mw); file(mw, "image", pic[:len(pic)/2]) }, "", "damaged or truncated"},
		{"mask without alpha", func(mw *multipart.Writer) { ok(mw); file(mw, "image", pic); file(mw, "mask", na.Bytes()) }, "", "alpha channel"},
		{"mask of another size", func(mw *multipart.Writer) { ok(mw); file(mw, "image", pic); file(mw, "mask", small) }, "", "does not match image size"},
		{"moderation is not an edit field", func(mw *multipart.Writer) { ok(mw); mw.WriteField("moderation", "low"); file(mw, "image", pic) }, "", "Unknown parameter: 'moderation'"},
		{"input_fidelity", func(mw *multipart.Writer) { ok(mw); mw.WriteField("input_fidelity", "max"); file(mw, "image", pic) }, "", "Invalid value"},
		{"shut-down model", func(mw *multipart.Writer) {
			mw.WriteField("prompt", "x")
			mw.WriteField("model", "gpt-image-1")
			file(mw, "image", pic)
		}, "", "shut down"},
	}
	for _, c := range cases {
		status, msg := sendEdit(t, fk, c.build, c.ctype)
		if c.want == "" {
			if status != 200 {
				t.Errorf("%s: %d %s; want 200", c.name, status, msg)
			}
			continue
		}
		if status < 400 || !strings.Contains(msg, c.want) {
			t.Errorf("%s: %d %q; want an error with %q", c.name, status, msg, c.want)
		}
	}
}

// TestOfficialSDKEditsTheFake holds the fake to the official openai-go
// client: what the SDK sends (one image, several as image[], a mask,
// input_fidelity) the fake takes, and its answer the SDK reads.
func TestOfficialSDKEditsTheFake(t *testing.T) {
	fk := newFake(t, enginetest.FaultNone)
	cl := sdk.NewClient(option.WithAPIKey(testKey), option.WithBaseURL(fk.URL()+"/"), option.WithHTTPClient(fk.Client()))
	pic := picture(t, 64, 64).PNG
	m := image.NewAlpha(image.Rect(0, 0, 64, 64))
	m.SetAlpha(3, 3, color.Alpha{255})
	mask, _ := alphaMask(m)
	res, err := cl.Images.Edit(t.Context(), sdk.ImageEditParams{
		Image:         sdk.ImageEditParamsImageUnion{OfFileArray: []io.Reader{bytes.NewReader(pic), bytes.NewReader(pic)}},
		Mask:          bytes.NewReader(mask),
		Prompt:        "a red kite",
		Model:         "gpt-image-1.5",
		InputFidelity: sdk.ImageEditParamsInputFidelityHigh,
		N:             sdk.Int(2),
	})
	if err != nil {
		var apiErr *sdk.Error
		if errors.As(err, &apiErr) {
			t.Fatalf("%v: %s", err, apiErr.RawJSON())
		}
		t.Fatal(err)
	}
	if len(res.Data) != 2 || res.Data[0].B64JSON == "" {
		t.Fatalf("SDK read %d images", len(res.Data))
	}
	call := fk.Edits()[0]
	if call.ImageField != "image[]" || len(call.Images) != 2 || call.Mask == nil || call.Fields["input_fidelity"] != "high" {
		t.Errorf("the SDK sent %s x%d, mask %v, fields %v", call.ImageField, len(call.Images), call.Mask != nil, call.Fields)
	}
}

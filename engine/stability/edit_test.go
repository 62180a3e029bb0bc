package stability

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/enginetest"
	"github.com/easel-art/easel/engine/stability/stabilitytest"
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

func TestEditServices(t *testing.T) {
	fk := newFake(t, enginetest.FaultNone)
	c := client(t, fk, Config{})
	pic := picture(t, 512, 384)
	// Image-to-image: core has none, so sd3.5-large on the sd3 endpoint.
	res, err := c.Edit(t.Context(), &easel.EditRequest{Op: easel.OpEdit, Image: pic, Prompt: "as an oil painting", Strength: 0.4, Seed: 5, N: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Images) != 2 || res.Model != "sd3.5-large" || len(res.Notes) != 1 || res.CostUSD != 0.13 {
		t.Errorf("i2i result: %d images, model %s, notes %q, cost %g", len(res.Images), res.Model, res.Notes, res.CostUSD)
	}
	call := fk.Edits()[0]
	if call.Path != "generate/sd3" || call.Fields["mode"] != "image-to-image" || call.Fields["strength"] != "0.4" || call.Fields["model"] != "sd3.5-large" || !bytes.Equal(call.Image, pic.PNG) {
		t.Errorf("i2i call %s %v", call.Path, call.Fields)
	}
	// Inpaint with a white mask.
	mask := image.NewAlpha(image.Rect(0, 0, 512, 384))
	mask.SetAlpha(3, 4, color.Alpha{255})
	if _, err := c.Edit(t.Context(), &easel.EditRequest{Op: easel.OpInpaint, Image: pic, Mask: mask, Prompt: "a kite"}); err != nil {
		t.Fatal(err)
	}
	call = fk.Edits()[2]
	m, err := png.Decode(bytes.NewReader(call.Mask))
	if err != nil || call.Path != "edit/inpaint" {
		t.Fatalf("inpaint call %s: %v", call.Path, err)
	}
	if r, _, _, _ := m.At(3, 4).RGBA(); r != 0xffff {
		t.Error("the repainted pixel is not white in the mask")
	}
	// Outpaint by insets; the answer is the enlarged picture.
	res, err = c.Edit(t.Context(), &easel.EditRequest{Op: easel.OpOutpaint, Image: pic, Expand: easel.Insets{Left: 100, Bottom: 50}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Width != 612 || res.Height != 434 {
		t.Errorf("outpaint made %dx%d; want 612x434", res.Width, res.Height)
	}
	if f := fk.Edits()[3].Fields; f["left"] != "100" || f["down"] != "50" || f["right"] != "0" || f["up"] != "0" {
		t.Errorf("outpaint fields %v", f)
	}
	// Upscale fast: 4x only.
	res, err = c.Edit(t.Context(), &easel.EditRequest{Op: easel.OpUpscale, Image: picture(t, 200, 100), Scale: 4})
	if err != nil || res.Width != 800 {
		t.Errorf("upscale: %v, %d wide", err, res.Width)
	}
	if _, err := c.Edit(t.Context(), &easel.EditRequest{Op: easel.OpUpscale, Image: pic, Scale: 2}); easel.ErrorCode(err) != easel.EINVALID {
		t.Errorf("upscale by 2: %v; want EINVALID", err)
	}
	s, _ := easel.FindOp(c.Ops(), easel.OpUpscale, "")
	if err := easel.CheckEdit("stability", s, &easel.EditRequest{Op: easel.OpUpscale, Image: picture(t, 2000, 1000), Scale: 4}); err == nil {
		t.Error("a 2000x1000 picture passed the fast upscaler's limits")
	}
}

func TestFakeEditServicesAreStrict(t *testing.T) {
	fk := newFake(t, enginetest.FaultNone)
	pic := picture(t, 128, 128).PNG
	post := func(path string, fields map[string]string, files map[string][]byte) (int, string) {
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		for k, v := range fields {
			mw.WriteField(k, v)
		}
		for k, v := range files {
			w, _ := mw.CreateFormFile(k, k+".png")
			w.Write(v)
		}
		mw.Close()
		req, _ := http.NewRequest("POST", fk.URL()+path, &body)
		req.Header.Set("Authorization", "Bearer "+stabilitytest.Key)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		req.Header.Set("Accept", "image/*")
		resp, err := fk.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var b bytes.Buffer
		b.ReadFrom(resp.Body)
		return resp.StatusCode, b.String()
	}
	cases := []struct {
		path   string
		fields map[string]string
		files  map[string][]byte
		want   string
	}{
		{"/v2beta/stable-image/edit/inpaint", map[string]string{"prompt": "x"}, map[string][]byte{"image": pic}, "mask: required"},
		{"/v2beta/stable-image/edit/inpaint", map[string]string{"prompt": "x"}, map[string][]byte{"image": pic, "masks": pic}, "masks: unknown field"},
		{"/v2beta/stable-image/edit/inpaint", map[string]string{"prompt": "x"}, map[string][]byte{"image": []byte("nope"), "mask": pic}, "not a valid image"},
		{"/v2beta/stable-image/edit/inpaint", map[string]string{}, map[string][]byte{"image": pic, "mask": pic}, "prompt: cannot be empty"},
		{"/v2beta/stable-image/edit/outpaint", map[string]string{}, map[string][]byte{"image": pic}, "at least one"},
		{"/v2beta/stable-image/edit/outpaint", map[string]string{"left": "3000"}, map[string][]byte{"image": pic}, "left: must be"},
		{"/v2beta/stable-image/edit/outpaint", map[string]string{"left": "10", "strength": "1"}, map[string][]byte{"image": pic}, "strength: unknown field"},
		{"/v2beta/stable-image/upscale/fast", map[string]string{}, map[string][]byte{"image": picture(t, 2000, 600).PNG}, "32 to 1536"},
		{"/v2beta/stable-image/generate/sd3", map[string]string{"prompt": "x", "mode": "image-to-image"}, map[string][]byte{"image": pic}, "strength: required"},
		{"/v2beta/stable-image/generate/sd3", map[string]string{"prompt": "x", "mode": "image-to-image", "strength": "0.5", "aspect_ratio": "1:1"}, map[string][]byte{"image": pic}, "aspect_ratio: not allowed"},
		{"/v2beta/stable-image/generate/sd3", map[string]string{"prompt": "x"}, map[string][]byte{"image": pic}, "only allowed with mode image-to-image"},
		{"/v2beta/stable-image/generate/core", map[string]string{"prompt": "x"}, map[string][]byte{"image": pic}, "image: unknown field"},
	}
	for _, c := range cases {
		status, body := post(c.path, c.fields, c.files)
		if status != 400 || !strings.Contains(body, c.want) {
			t.Errorf("%s %v: %d %s; want 400 with %q", c.path, c.fields, status, body, c.want)
		}
	}
	if status, body := post("/v2beta/stable-image/edit/outpaint", map[string]string{"left": "10", "creativity": "0.3"}, map[string][]byte{"image": pic}); status != 200 {
		t.Errorf("a valid outpaint: %d %s", status, body)
	}
}

// TestUpscaleConservativeAndCreative: conservative answers at once;
// creative answers with an id whose result is polled (202 while running).
func TestUpscaleConservativeAndCreative(t *testing.T) {
	old := PollInterval
	PollInterval = 5 * time.Millisecond
	t.Cleanup(func() { PollInterval = old })
	fk := newFake(t, enginetest.FaultNone)
	c := client(t, fk, Config{})
	res, err := c.Edit(t.Context(), &easel.EditRequest{Op: easel.OpUpscale, Image: picture(t, 512, 512), Upscaler: "conservative"})
	if err != nil || res.Width != 2048 || res.Height != 2048 || res.CostUSD != conservativePrice {
		t.Fatalf("conservative: %v %dx%d $%g", err, res.Width, res.Height, res.CostUSD)
	}
	if f := fk.Edits()[0].Fields; f["prompt"] == "" {
		t.Error("conservative sent no prompt; the service requires one")
	}
	before := stabilitytest.ResultPolls()
	res, err = c.Edit(t.Context(), &easel.EditRequest{Op: easel.OpUpscale, Image: picture(t, 256, 128), Upscaler: "creative", Prompt: "a fox"})
	if err != nil || res.Width != 2896 || res.Height != 1448 {
		t.Fatalf("creative: %v %dx%d", err, res.Width, res.Height)
	}
	if polls := stabilitytest.ResultPolls() - before; polls != 3 {
		t.Errorf("creative result polled %d times; want 3 (two in progress, then the picture)", polls)
	}
	if _, err := c.Edit(t.Context(), &easel.EditRequest{Op: easel.OpUpscale, Image: picture(t, 1100, 1000), Upscaler: "creative"}); err == nil || !strings.Contains(err.Error(), "1 megapixel") {
		t.Errorf("creative of 1.1 MP: %v; want a refusal naming the limit", err)
	}
	if _, err := c.Edit(t.Context(), &easel.EditRequest{Op: easel.OpUpscale, Image: picture(t, 64, 64), Upscaler: "esrgan"}); easel.ErrorCode(err) != easel.EINVALID {
		t.Errorf("unknown upscaler: %v", err)
	}
}

func TestEditServicesByName(t *testing.T) {
	fk := newFake(t, enginetest.FaultNone)
	c := client(t, fk, Config{})
	pic := picture(t, 256, 256)
	res, err := c.Edit(t.Context(), &easel.EditRequest{Op: easel.OpEdit, Service: "search-and-replace", Search: "the blue car", Prompt: "a red bicycle", Image: pic, Seed: 4})
	if err != nil || res.Model != "search-and-replace" || res.CostUSD != 0.04 {
		t.Fatalf("search-and-replace: %v %+v", err, res)
	}
	call := fk.Edits()[0]
	if call.Path != "edit/search-and-replace" || call.Fields["search_prompt"] != "the blue car" || call.Fields["prompt"] != "a red bicycle" {
		t.Errorf("search-and-replace call %s %v", call.Path, call.Fields)
	}
	mask := image.NewAlpha(image.Rect(0, 0, 256, 256))
	mask.SetAlpha(9, 9, color.Alpha{255})
	if _, err := c.Edit(t.Context(), &easel.EditRequest{Op: easel.OpInpaint, Service: "erase", Mask: mask, Image: pic}); err != nil {
		t.Fatal(err)
	}
	if call := fk.Edits()[1]; call.Path != "edit/erase" || call.Mask == nil || call.Fields["prompt"] != "" {
		t.Errorf("erase call %s %v", call.Path, call.Fields)
	}
	if _, err := c.Edit(t.Context(), &easel.EditRequest{Op: easel.OpEdit, Service: "remove-background", Image: pic}); err != nil {
		t.Fatal(err)
	}
	// Erase without a mask on an opaque picture: the service refuses.
	if _, err := c.Edit(t.Context(), &easel.EditRequest{Op: easel.OpEdit, Service: "erase", Image: pic}); err == nil || !strings.Contains(err.Error(), "mask") {
		t.Errorf("erase without a mask: %v", err)
	}
	// The services are data: CheckEdit refuses one the engine lacks.
	s, _ := easel.FindOp(c.Ops(), easel.OpEdit, "")
	if err := easel.CheckEdit("stability", s, &easel.EditRequest{Op: easel.OpEdit, Service: "doodle", Image: pic}); err == nil || !strings.Contains(err.Error(), "search-and-replace") {
		t.Errorf("unknown service: %v", err)
	}
}

func TestControlServices(t *testing.T) {
	fk := newFake(t, enginetest.FaultNone)
	c := client(t, fk, Config{})
	pic := picture(t, 256, 256)
	for i, svc := range []string{"sketch", "structure", "style"} {
		if _, err := c.Edit(t.Context(), &easel.EditRequest{Op: easel.OpEdit, Service: svc, Prompt: "a castle", Strength: 0.3, Image: pic}); err != nil {
			t.Fatalf("%s: %v", svc, err)
		}
		call := fk.Edits()[i]
		hold := call.Fields["control_strength"]
		if svc == "style" {
			hold = call.Fields["fidelity"]
		}
		if call.Path != "control/"+svc || hold != "0.7" {
			t.Errorf("%s call %s %v; want control/%s holding 0.7", svc, call.Path, call.Fields, svc)
		}
	}
	if _, err := c.Edit(t.Context(), &easel.EditRequest{Op: easel.OpEdit, Service: "sketch", Image: pic}); easel.ErrorCode(err) != easel.EINVALID {
		t.Errorf("sketch without words: %v", err)
	}
}

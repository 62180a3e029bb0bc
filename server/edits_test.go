package server

import (
	"bytes"
	"context"
	"encoding/base64"
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

	"github.com/openai/openai-go/v3"

	"github.com/easel-art/easel"
)

// testPNG is a w x h picture with a gradient.
func testPNG(t testing.TB, w, h int) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.NRGBA{uint8(x * 255 / w), uint8(y * 255 / h), 120, 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// alphaMaskPNG is OpenAI's mask: transparent in the top rows, opaque below.
func alphaMaskPNG(t testing.TB, w, h, rows int) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			a := uint8(255)
			if y < rows {
				a = 0
			}
			img.Set(x, y, color.NRGBA{0, 0, 0, a})
		}
	}
	var buf bytes.Buffer
	png.Encode(&buf, img)
	return buf.Bytes()
}

// TestOpenAIClientEdits edits through the official openai-go client: a
// picture with a mask, then several pictures as image[]; every result is
// the imported picture's child.
func TestOpenAIClientEdits(t *testing.T) {
	e := newTestEnv(t, Options{Token: "s3cret"})
	c := openaiClient(e, "s3cret")
	pic := testPNG(t, 160, 120)
	resp, err := c.Images.Edit(t.Context(), openai.ImageEditParams{
		Image:  openai.ImageEditParamsImageUnion{OfFile: bytes.NewReader(pic)},
		Mask:   bytes.NewReader(alphaMaskPNG(t, 160, 120, 40)),
		Prompt: "a stormy sky",
		Model:  "easel",
		N:      openai.Int(2),
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(resp.Data) != 2 || resp.Size != "160x120" {
		t.Fatalf("got %d images of %s; want 2 of 160x120", len(resp.Data), resp.Size)
	}
	out, err := base64.StdEncoding.DecodeString(resp.Data[0].B64JSON)
	if err != nil {
		t.Fatal(err)
	}
	got, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	orig, _ := png.Decode(bytes.NewReader(pic))
	// Below the mask the picture is kept.
	r1, g1, b1, _ := orig.At(80, 100).RGBA()
	r2, g2, b2, _ := got.At(80, 100).RGBA()
	if r1>>8 != r2>>8 || g1>>8 != g2>>8 || b1>>8 != b2>>8 {
		t.Errorf("a pixel outside the mask changed: %v -> %v", orig.At(80, 100), got.At(80, 100))
	}
	arts, err := e.gal.List(t.Context(), easel.ArtworkFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var imports, children int
	for _, a := range arts {
		switch a.Method {
		case easel.MethodImport:
			imports++
		case easel.MethodInpaint:
			children++
		}
	}
	if imports != 1 || children != 2 {
		t.Errorf("gallery has %d imports and %d inpaints; want 1 and 2", imports, children)
	}
	// Several pictures go as image[]: the built-in engine takes one, and
	// says so before anything is stored.
	_, err = c.Images.Edit(t.Context(), openai.ImageEditParams{
		Image:  openai.ImageEditParamsImageUnion{OfFileArray: []io.Reader{bytes.NewReader(pic), bytes.NewReader(pic)}},
		Prompt: "as a watercolor",
	})
	var apiErr *openai.Error
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 400 || !strings.Contains(apiErr.RawJSON(), "at most 1") {
		t.Errorf("two pictures on the built-in engine: %v; want 400 naming the limit", err)
	}
}

// TestEditsRefusesBadInput: the clear one-line errors, nothing stored.
func TestEditsRefusesBadInput(t *testing.T) {
	e := newTestEnv(t, Options{})
	pic := testPNG(t, 64, 64)
	post := func(build func(mw *multipart.Writer), ctype string) (int, string) {
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		build(mw)
		mw.Close()
		if ctype == "" {
			ctype = mw.FormDataContentType()
		}
		req, _ := http.NewRequest("POST", e.ts.URL+"/v1/images/edits", &body)
		req.Header.Set("Content-Type", ctype)
		resp, err := e.ts.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	file := func(mw *multipart.Writer, name string, data []byte) {
		w, _ := mw.CreateFormFile(name, "f.png")
		w.Write(data)
	}
	cases := []struct {
		name  string
		build func(mw *multipart.Writer)
		ctype string
		code  int
		want  string
	}{
		{"no picture", func(mw *multipart.Writer) { mw.WriteField("prompt", "x") }, "", 400, "no picture"},
		{"no prompt", func(mw *multipart.Writer) { file(mw, "image", pic) }, "", 400, "prompt"},
		{"not a picture", func(mw *multipart.Writer) { mw.WriteField("prompt", "x"); file(mw, "image", []byte("hello")) }, "", 400, "image"},
		{"mask of another size", func(mw *multipart.Writer) {
			mw.WriteField("prompt", "x")
			file(mw, "image", pic)
			file(mw, "mask", alphaMaskPNG(t, 32, 32, 4))
		}, "", 400, "must be the picture's size"},
		{"json", func(mw *multipart.Writer) {}, "application/json", 415, "multipart/form-data"},
		{"n", func(mw *multipart.Writer) {
			mw.WriteField("prompt", "x")
			mw.WriteField("n", "11")
			file(mw, "image", pic)
		}, "", 400, "n is"},
	}
	for _, c := range cases {
		code, body := post(c.build, c.ctype)
		if code != c.code || !strings.Contains(body, c.want) {
			t.Errorf("%s: %d %s; want %d with %q", c.name, code, body, c.code, c.want)
		}
	}
	if arts, _ := e.gal.List(context.Background(), easel.ArtworkFilter{}); len(arts) != 0 {
		t.Errorf("bad requests left %d artworks", len(arts))
	}
}

// TestOpenAIClientStreams reads stream: true answers with the official
// client's SSE decoder: generations and edits end in completed events
// carrying the picture.
func TestOpenAIClientStreams(t *testing.T) {
	e := newTestEnv(t, Options{Token: "s3cret"})
	c := openaiClient(e, "s3cret")
	st := c.Images.GenerateStreaming(t.Context(), openai.ImageGenerateParams{Prompt: "a beach sunset", Model: "easel", Size: "128x96"})
	var completed int
	for st.Next() {
		ev := st.Current()
		if ev.Type != "image_generation.completed" {
			t.Errorf("event %q", ev.Type)
			continue
		}
		b, err := base64.StdEncoding.DecodeString(ev.B64JSON)
		if cfg, err2 := png.DecodeConfig(bytes.NewReader(b)); err != nil || err2 != nil || cfg.Width != 128 {
			t.Errorf("completed event picture: %v %v %v", cfg, err, err2)
		}
		completed++
	}
	if err := st.Err(); err != nil {
		t.Fatal(err)
	}
	if completed != 1 {
		t.Errorf("%d completed events; want 1", completed)
	}
	es := c.Images.EditStreaming(t.Context(), openai.ImageEditParams{
		Image: openai.ImageEditParamsImageUnion{OfFile: bytes.NewReader(testPNG(t, 96, 64))}, Prompt: "as a pencil sketch",
	})
	completed = 0
	for es.Next() {
		if ev := es.Current(); ev.Type == "image_edit.completed" && ev.B64JSON != "" && ev.Size == "96x64" {
			completed++
		}
	}
	if err := es.Err(); err != nil {
		t.Fatal(err)
	}
	if completed != 1 {
		t.Errorf("%d image_edit.completed events; want 1", completed)
	}
}

// TestStudioEditAPI: the studio's POST /api/v1/edit, for an uploaded
// picture with a painted mask, then outpaint and upscale of the result.
func TestStudioEditAPI(t *testing.T) {
	e := newTestEnv(t, Options{})
	pic := testPNG(t, 128, 96)
	mask := image.NewGray(image.Rect(0, 0, 128, 96))
	for y := 0; y < 30; y++ {
		for x := 0; x < 128; x++ {
			mask.SetGray(x, y, color.Gray{255})
		}
	}
	var mb bytes.Buffer
	png.Encode(&mb, mask)
	res, b := e.do(t, "POST", "/api/v1/edit", map[string]any{
		"image": "data:image/png;base64," + base64.StdEncoding.EncodeToString(pic), "words": "a stormy sky",
		"mask": base64.StdEncoding.EncodeToString(mb.Bytes()), "strength": 0.9, "style": "watercolor",
	})
	if res.StatusCode != 200 {
		t.Fatalf("%d %s", res.StatusCode, b)
	}
	var er EditResponse
	if err := json.Unmarshal(b, &er); err != nil {
		t.Fatal(err)
	}
	if len(er.Artworks) != 1 || er.ParentID == "" || er.Artworks[0].ParentID != er.ParentID || er.Artworks[0].Method != easel.MethodInpaint || er.Artworks[0].ThumbURL == "" {
		t.Fatalf("answer %s", b)
	}
	id := er.Artworks[0].ID
	res, b = e.do(t, "POST", "/api/v1/edit", map[string]any{"artwork_id": id, "op": "outpaint", "aspect": "16:9"})
	if res.StatusCode != 200 || !strings.Contains(string(b), `"width":171`) {
		t.Errorf("outpaint: %d %s", res.StatusCode, b)
	}
	res, b = e.do(t, "POST", "/api/v1/edit", map[string]any{"artwork_id": id, "op": "upscale", "scale": 2})
	if res.StatusCode != 200 || !strings.Contains(string(b), `"width":256`) {
		t.Errorf("upscale: %d %s", res.StatusCode, b)
	}
	for _, c := range []struct {
		body map[string]any
		want string
	}{
		{map[string]any{"words": "x"}, "artwork_id"},
		{map[string]any{"artwork_id": id, "op": "upscale", "scale": 3}, "2 or 4"},
		{map[string]any{"artwork_id": id, "op": "paint"}, "unknown operation"},
		{map[string]any{"artwork_id": id, "words": "x", "bogus": 1}, "bogus"},
	} {
		res, b := e.do(t, "POST", "/api/v1/edit", c.body)
		if res.StatusCode != 400 || !strings.Contains(string(b), c.want) {
			t.Errorf("%v: %d %s; want 400 with %q", c.body, res.StatusCode, b, c.want)
		}
	}
}

package runway

import (
	"bytes"
	"encoding/json"
	"image"
	"image/png"
	"net/http"
	"strings"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/enginetest"
	"github.com/easel-art/easel/engine/runway/runwaytest"
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

func TestEditWithReferenceImages(t *testing.T) {
	fk := newFake(t, enginetest.FaultNone)
	c := client(t, fk, Config{})
	res, err := c.Edit(t.Context(), &easel.EditRequest{Op: easel.OpEdit, Image: picture(t, 1920, 1080), Refs: []easel.Picture{picture(t, 64, 64)},
		Prompt: "in the style of @ref1", Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Images) != 1 || res.Width != 1920 {
		t.Fatalf("result %d images %d wide", len(res.Images), res.Width)
	}
	body := fk.Bodies()[0]
	refs := body["referenceImages"].([]any)
	if len(refs) != 2 || refs[0].(map[string]any)["tag"] != "image" || refs[1].(map[string]any)["tag"] != "ref1" ||
		!strings.HasPrefix(refs[0].(map[string]any)["uri"].(string), "data:image/png;base64,") {
		t.Errorf("referenceImages %v", refs)
	}
	if body["promptText"] != "in the style of @ref1" || body["ratio"] != "1920:1080" {
		t.Errorf("promptText %v ratio %v", body["promptText"], body["ratio"])
	}
	// Words without a tag get @image.
	c.Edit(t.Context(), &easel.EditRequest{Op: easel.OpEdit, Image: picture(t, 100, 100), Prompt: "as a watercolor"})
	if p := fk.Bodies()[1]["promptText"]; p != "@image as a watercolor" {
		t.Errorf("promptText %q", p)
	}
	if _, err := c.Edit(t.Context(), &easel.EditRequest{Op: easel.OpEdit, Image: picture(t, 64, 64), Mask: image.NewAlpha(image.Rect(0, 0, 64, 64)), Prompt: "x"}); easel.ErrorCode(err) != easel.EINVALID {
		t.Errorf("a mask: %v; want EINVALID", err)
	}
}

func TestFakeReferenceImagesAreStrict(t *testing.T) {
	fk := newFake(t, enginetest.FaultNone)
	good := dataURI(picture(t, 16, 16).PNG)
	for _, c := range []struct {
		refs []any
		want string
	}{
		{[]any{map[string]any{"url": good}}, "unrecognized key 'url'"},
		{[]any{map[string]any{"uri": "http://example.com/a.png"}}, "https URL or a data URI"},
		{[]any{map[string]any{"uri": "data:image/png;base64,bm90"}}, "cannot be read"},
		{[]any{map[string]any{"uri": good, "tag": "x"}}, "tag must be"},
		{[]any{map[string]any{"uri": good, "tag": "abc"}, map[string]any{"uri": good, "tag": "abc"}}, "unique"},
	} {
		b, _ := json.Marshal(map[string]any{"model": "gen4_image", "promptText": "x", "ratio": "1024:1024", "referenceImages": c.refs})
		req, _ := http.NewRequest("POST", fk.URL()+"/v1/text_to_image", bytes.NewReader(b))
		req.Header.Set("Authorization", "Bearer "+runwaytest.Key)
		req.Header.Set("X-Runway-Version", data.APIVersion)
		req.Header.Set("Content-Type", "application/json")
		resp, err := fk.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		out.ReadFrom(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 400 || !strings.Contains(out.String(), c.want) {
			t.Errorf("%v: %d %s; want 400 with %q", c.refs, resp.StatusCode, out.String(), c.want)
		}
	}
}

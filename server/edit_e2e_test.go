package server

import (
	"bytes"
	"encoding/json"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/easel-art/easel"
)

// TestStudioEditInChromium drives the studio's edit dialog in headless
// Chromium: open a picture, paint a mask over its sky with the brush,
// ask for a stormy sky at a strength, and see the inpaint arrive as the
// picture's child; then zoom out and upscale from the detail view.
func TestStudioEditInChromium(t *testing.T) {
	bin := chromium(t)
	e := newTestEnv(t, Options{LocalOnly: true})
	seedJob(t, e, `{"idea":"a lighthouse on a rocky coast","size":"320x240","seed":3}`)
	ctx, step, jsErrors := studio(t, bin, "edit-failed")
	step("open the picture and its editor",
		chromedp.Navigate(e.ts.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(`#grid .tile`)),
		chromedp.Click(chromedp.CSS("#grid .tile")),
		chromedp.WaitVisible(chromedp.ID("edit-open")),
		chromedp.Click(chromedp.ID("edit-open")),
		chromedp.WaitVisible(chromedp.ID("edit-mask")),
	)
	// Paint across the top third with the brush, as a hand would.
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`$("#edit-canvas").width === 320`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("the picture did not load into the editor: %v", err)
	}
	step("paint the sky", chromedp.Evaluate[chromedp.Void](`(() => {
		const m = document.querySelector("#edit-mask"), r = m.getBoundingClientRect();
		const fire = (type, fx, fy) => m.dispatchEvent(new PointerEvent(type, {pointerId: 1, bubbles: true,
			clientX: r.left + fx * r.width, clientY: r.top + fy * r.height}));
		for (const fy of [0.08, 0.18, 0.28]) {
			fire("pointerdown", 0.02, fy);
			for (let fx = 0.02; fx <= 0.98; fx += 0.04) fire("pointermove", fx, fy);
			fire("pointerup", 0.98, fy);
		}
	})()`),
		chromedp.SendKeys(chromedp.ID("edit-words"), "a stormy sky"),
		chromedp.SetValue(chromedp.ID("edit-strength"), "0.9"),
	)
	painted, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`(() => {
		const m = document.querySelector("#edit-mask"), d = m.getContext("2d").getImageData(0, 0, m.width, m.height).data;
		let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 24) n++;
		return n / (m.width * m.height);
	})()`))
	if err != nil || painted < 0.2 || painted > 0.5 {
		t.Fatalf("the brush covered %.2f of the picture (%v); want the top third or so", painted, err)
	}
	shot(t, ctx, "edit-1-mask")
	step("edit", chromedp.Click(chromedp.ID("edit-go")))
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector("#detail").open && document.querySelector("#detail-params").textContent.includes("inpaint")`,
		chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		shot(t, ctx, "edit-failed")
		t.Fatalf("the inpainted picture did not open: %v", err)
	}
	shot(t, ctx, "edit-2-result")
	step("zoom out", chromedp.Click(chromedp.ID("zoom-out")))
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector("#detail-params").textContent.includes("outpaint")`,
		chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Fatalf("zoom out: %v", err)
	}
	step("upscale", chromedp.Click(chromedp.ID("upscale-2")))
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector("#detail-params").textContent.includes("upscale")`,
		chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Fatalf("upscale: %v", err)
	}
	shot(t, ctx, "edit-3-upscaled")

	var list ArtworkList
	_, b := e.do(t, "GET", "/api/v1/artworks", nil)
	if err := json.Unmarshal(b, &list); err != nil {
		t.Fatal(err)
	}
	byID := map[string]ArtworkView{}
	methods := map[string]ArtworkView{}
	for _, a := range list.Artworks {
		byID[a.ID] = a
		methods[a.Method] = a
	}
	in, out, up := methods[easel.MethodInpaint], methods[easel.MethodOutpaint], methods[easel.MethodUpscale]
	if in.Artwork == nil || out.Artwork == nil || up.Artwork == nil {
		t.Fatalf("gallery methods %v; want inpaint, outpaint and upscale", func() (m []string) {
			for k := range methods {
				m = append(m, k)
			}
			return
		}())
	}
	if byID[in.ParentID].Method != easel.MethodImagine || out.ParentID != in.ID || up.ParentID != out.ID {
		t.Errorf("lineage: inpaint of %s, outpaint of %s, upscale of %s", in.ParentID, out.ParentID, up.ParentID)
	}
	if out.Width != 427 || out.Height != 240 || up.Width != 854 || up.Height != 480 {
		t.Errorf("sizes: outpaint %dx%d, upscale %dx%d; want 427x240 and 854x480", out.Width, out.Height, up.Width, up.Height)
	}
	if !strings.Contains(in.EngineInfo, "Denoising strength: 0.9") {
		t.Errorf("the inpaint's record %q lacks the strength the slider set", in.EngineInfo)
	}
	// A photo (JPEG) chosen as a dropped file would be is described; from
	// there "Edit this picture…" opens it in the editor, and its edit is
	// the imported photo's child.
	var jb bytes.Buffer
	jpeg.Encode(&jb, photoImage(200, 150), nil)
	photo := filepath.Join(t.TempDir(), "photo.jpg")
	if err := os.WriteFile(photo, jb.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	step("close the detail view", chromedp.Evaluate[chromedp.Void](`document.querySelector("#detail").close()`))
	step("open a photo", chromedp.SetUploadFiles(chromedp.ID("png-file"), []string{photo}),
		chromedp.WaitVisible(chromedp.ID("inspect-edit")), chromedp.Click(chromedp.ID("inspect-edit")),
		chromedp.WaitVisible(chromedp.ID("edit-words")))
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`$("#edit-canvas").width === 200`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		shot(t, ctx, "edit-failed")
		t.Fatalf("the photo did not open in the editor: %v", err)
	}
	step("restyle the photo", chromedp.SendKeys(chromedp.ID("edit-words"), "as a watercolor"), chromedp.Click(chromedp.ID("edit-go")))
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector("#detail").open && document.querySelector("#detail-params").textContent.includes("edit")`,
		chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		shot(t, ctx, "edit-failed")
		t.Fatalf("the photo's edit did not open: %v", err)
	}
	shot(t, ctx, "edit-4-photo")
	_, b = e.do(t, "GET", "/api/v1/artworks", nil)
	json.Unmarshal(b, &list)
	var imported, edited int
	for _, a := range list.Artworks {
		if a.Method == easel.MethodImport && a.Width == 200 {
			imported++
		}
		if a.Method == easel.MethodEdit && a.Width == 200 {
			edited++
		}
	}
	if imported != 1 || edited != 1 {
		t.Errorf("after editing a photo: %d imports and %d edits of 200 px; want 1 and 1", imported, edited)
	}

	if errs := jsErrors(); len(errs) > 0 {
		t.Errorf("the page logged errors:\n%s", strings.Join(errs, "\n"))
	}
}

// photoImage is a small photograph-like picture: sky over a dark hill.
func photoImage(w, h int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.RGBA{uint8(90 + 100*y/h), uint8(140 + 60*y/h), 230, 255}
			if y > h*2/3-x/10 {
				c = color.RGBA{40, 70, 35, 255}
			}
			img.Set(x, y, c)
		}
	}
	return img
}

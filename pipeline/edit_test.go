package pipeline

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"strings"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/enginetest"
	"github.com/easel-art/easel/pngmeta"
)

// inpainter is an editor that only inpaints, as A1111 and ComfyUI do,
// recording what it was asked and answering with the picture it was given.
type inpainter struct {
	enginetest.Fake
	reqs []*easel.EditRequest
}

func (f *inpainter) Ops() []easel.OpSupport {
	return []easel.OpSupport{{Op: easel.OpInpaint, MaxImages: 1, Mask: true, PricePerImage: 0.01}}
}

func (f *inpainter) Edit(ctx context.Context, req *easel.EditRequest) (*easel.RenderResult, error) {
	f.reqs = append(f.reqs, req)
	res := &easel.RenderResult{Model: "fake-inpaint", CostUSD: 0.01 * float64(req.N)}
	for i := 0; i < req.N; i++ {
		res.Images = append(res.Images, easel.RenderedImage{PNG: req.Image.PNG, Seed: req.Seed + int64(i)})
	}
	return res, nil
}

func testPicture(t *testing.T, w, h int) easel.Picture {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = uint8(i * 7)
		if i%4 == 3 {
			img.Pix[i] = 255
		}
	}
	var buf bytes.Buffer
	png.Encode(&buf, img)
	p, err := DecodePicture("test.png", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestEditRefusesBeforeAnyCall(t *testing.T) {
	p, _, _ := newTest(t)
	pic := testPicture(t, 64, 48)
	parent := &easel.Artwork{ID: "p1", Prompt: "a fox"}
	plain := &enginetest.Fake{Caps: easel.Capabilities{MaxN: 1}}
	_, err := p.Edit(t.Context(), EditRequest{Op: easel.OpEdit, Engine: plain, Picture: pic, Parent: parent, Words: "x"})
	if err == nil || easel.ErrorCode(err) != easel.EINVALID || !strings.Contains(err.Error(), "--engine builtin") {
		t.Errorf("an engine that cannot edit: %v; want EINVALID naming the built-in engine", err)
	}
	if len(plain.Requests()) != 0 {
		t.Error("the engine was called")
	}
	ip := &inpainter{Fake: enginetest.Fake{Caps: easel.Capabilities{MaxN: 1}}}
	// Upscale is not among its operations; a mask of the wrong size is refused.
	if _, err := p.Edit(t.Context(), EditRequest{Op: easel.OpUpscale, Engine: ip, Picture: pic, Parent: parent}); easel.ErrorCode(err) != easel.EINVALID {
		t.Errorf("upscale on an inpainter: %v", err)
	}
	if _, err := p.Edit(t.Context(), EditRequest{Op: easel.OpEdit, Engine: ip, Picture: pic, Parent: parent, Mask: image.NewAlpha(image.Rect(0, 0, 10, 10))}); err == nil || !strings.Contains(err.Error(), "mask") {
		t.Errorf("mask of another size: %v", err)
	}
	if len(ip.reqs) != 0 {
		t.Errorf("the engine was called %d times", len(ip.reqs))
	}
}

// TestOutpaintByInpaint: an engine with inpaint only outpaints by
// repainting the border of the enlarged picture, the picture kept.
func TestOutpaintByInpaint(t *testing.T) {
	p, g, _ := newTest(t)
	pic := testPicture(t, 64, 48)
	parent := &easel.Artwork{Prompt: "a fox", Engine: "import", Method: easel.MethodImport, Width: 64, Height: 48}
	if err := g.Add(t.Context(), parent, pic.PNG); err != nil {
		t.Fatal(err)
	}
	ip := &inpainter{Fake: enginetest.Fake{Caps: easel.Capabilities{MaxN: 4}}}
	arts, err := p.Edit(t.Context(), EditRequest{Op: easel.OpOutpaint, Engine: ip, Picture: pic, Parent: parent,
		Expand: easel.Insets{Left: 16, Right: 16}, N: 2, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	if len(ip.reqs) != 1 || len(arts) != 2 {
		t.Fatalf("%d calls, %d artworks; want 1 and 2", len(ip.reqs), len(arts))
	}
	req := ip.reqs[0]
	if req.Op != easel.OpInpaint || req.Mask == nil || req.Image.Image.Bounds().Dx() != 96 {
		t.Fatalf("request op %s, mask %v, width %d; want an inpaint of the 96-wide picture", req.Op, req.Mask != nil, req.Image.Image.Bounds().Dx())
	}
	if req.Mask.AlphaAt(5, 5).A != 255 || req.Mask.AlphaAt(40, 20).A != 0 {
		t.Error("the mask does not mark exactly the border")
	}
	a := arts[0]
	if a.ParentID != parent.ID || a.Method != easel.MethodOutpaint || a.Width != 96 || a.Height != 48 || a.CostUSD != 0.01 {
		t.Errorf("artwork %+v", a)
	}
	if !strings.Contains(a.EngineInfo, "Outpaint: 16,0,16,0") {
		t.Errorf("engine info %q lacks the insets", a.EngineInfo)
	}
	data, err := easel.ReadImage(t.Context(), g.Images(), a.SHA256)
	if err != nil {
		t.Fatal(err)
	}
	md, err := pngmeta.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := md.Params.Get("Init image hash"); v != parent.SHA256 {
		t.Errorf("Init image hash %q; want the parent's %q", v, parent.SHA256)
	}
}

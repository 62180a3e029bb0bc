package comfyui

import (
	"bytes"
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"mime/multipart"
	"net/http"
	"net/textproto"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/internal/httpx"
	"github.com/easel-art/easel/engine/internal/sizes"
)

// The built-in pictures-in workflows: LoadImage → VAEEncode → KSampler
// with denoise, and the same with LoadImageMask → SetLatentNoiseMask for
// an inpaint. A person's own workflow (EASEL_COMFYUI_WORKFLOW) with an
// {{image}} placeholder is used instead, {{mask}} and {{denoise}} too.
var (
	//go:embed img2img.json
	img2imgWorkflow []byte
	//go:embed inpaint.json
	inpaintWorkflow  []byte
	img2img, inpaint = mustWorkflow(img2imgWorkflow), mustWorkflow(inpaintWorkflow)
)

func mustWorkflow(b []byte) *Workflow {
	w, err := ParseWorkflow(b)
	if err != nil {
		panic("comfyui: bad built-in workflow: " + err.Error())
	}
	return w
}

// Ops are edits, inpaints and upscales through an uploaded picture (POST
// /upload/image). ComfyUI has no outpaint of its own: easel inpaints the
// border of the enlarged picture.
func (c *Client) Ops() []easel.OpSupport {
	formats := []string{"png", "jpeg", "webp"}
	return []easel.OpSupport{
		{Op: easel.OpEdit, MaxImages: 1, MaxSide: easel.MaxSide, MinSide: 16, Formats: formats, Mask: true},
		{Op: easel.OpInpaint, MaxImages: 1, MaxSide: easel.MaxSide, MinSide: 16, Formats: formats, Mask: true},
		{Op: easel.OpUpscale, MaxImages: 1, MaxSide: easel.MaxSide, MinSide: 16, Formats: formats, Scales: []int{2, 4}},
	}
}

// Edit uploads the picture (and mask), queues one prompt of the workflow
// per picture asked for, and waits for each.
func (c *Client) Edit(ctx context.Context, req *easel.EditRequest) (*easel.RenderResult, error) {
	if req.Op == easel.OpUpscale {
		return c.upscale(ctx, req)
	}
	if req.Op != easel.OpEdit && req.Op != easel.OpInpaint {
		return nil, easel.Errorf(easel.EINVALID, "comfyui cannot %s pictures: use --engine builtin", req.Op)
	}
	if req.Op == easel.OpInpaint && req.Mask == nil {
		return nil, easel.Errorf(easel.EINVALID, "comfyui: inpaint needs a mask")
	}
	wf := img2img
	if req.Mask != nil {
		wf = inpaint
	}
	if c.workflow.Uses("image") {
		if req.Mask != nil && !c.workflow.Uses("mask") {
			return nil, easel.Errorf(easel.EINVALID, "comfyui: your workflow (EASEL_COMFYUI_WORKFLOW) has {{image}} but no {{mask}}: add a LoadImageMask node with {{mask}}, or edit without a mask")
		}
		wf = c.workflow
	}
	b := req.Image.Image.Bounds()
	n := max(req.N, 1)
	rr := &easel.RenderRequest{Prompt: req.Prompt, Width: b.Dx(), Height: b.Dy(), N: n}
	if rr.Prompt == "" {
		rr.Prompt = "-" // an img2img prompt may be empty; the size and count are what is checked
	}
	if err := sizes.Check(Name, c.Capabilities(), rr, 0); err != nil {
		return nil, err
	}
	model := c.cfg.Model
	if req.Model != "" {
		model = req.Model
	}
	if wf.Uses("model") {
		var err error
		if model, err = c.pickCheckpoint(ctx, model); err != nil {
			return nil, err
		}
	}
	imageName, err := c.upload(ctx, req.Image.PNG)
	if err != nil {
		return nil, err
	}
	values := map[string]any{
		"prompt": req.Prompt, "negative": req.Negative, "model": model, "image": imageName, "denoise": req.Strength,
		"steps": c.cfg.Steps, "cfg": c.cfg.CFG, "sampler": c.cfg.Sampler, "scheduler": c.cfg.Scheduler,
		"width": b.Dx(), "height": b.Dy(),
	}
	if req.Steps > 0 {
		values["steps"] = req.Steps
	}
	if req.CFGScale > 0 {
		values["cfg"] = req.CFGScale
	}
	if req.Sampler != "" {
		values["sampler"] = req.Sampler
	}
	if req.Mask != nil {
		m, err := redMask(req.Mask)
		if err != nil {
			return nil, fmt.Errorf("comfyui mask: %w", err)
		}
		if values["mask"], err = c.upload(ctx, m); err != nil {
			return nil, err
		}
	}
	ws := c.watch(ctx)
	defer ws.close()
	ids := make([]string, n)
	for i := range n {
		values["seed"] = req.Seed + int64(i)
		id, err := c.queue(ctx, wf.Fill(values))
		if err != nil {
			c.abandon(ctx, ids[:i])
			return nil, err
		}
		ids[i] = id
	}
	res := &easel.RenderResult{}
	if wf.Uses("model") {
		res.Model = model
	}
	if wf.Uses("steps") {
		res.Steps = values["steps"].(int)
	}
	if wf.Uses("sampler") {
		res.Sampler = values["sampler"].(string)
	}
	if wf.Uses("cfg") {
		res.CFGScale, _ = values["cfg"].(float64)
	}
	return c.collect(ctx, ws, ids, req.Seed, req.Progress, saveImageHint, res)
}

// upload sends a picture to POST /upload/image (type input) under a name
// made from its digest, so the same picture is one file, and returns the
// name the server gave it.
func (c *Client) upload(ctx context.Context, data []byte) (string, error) {
	sum := sha256.Sum256(data)
	name := "easel-" + hex.EncodeToString(sum[:8]) + ".png"
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	h := make(textproto.MIMEHeader)
	h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="image"; filename=%q`, name))
	h.Set("Content-Type", "image/png")
	p, err := mw.CreatePart(h)
	if err == nil {
		_, err = p.Write(data)
	}
	if err == nil {
		err = mw.WriteField("type", "input")
	}
	if err == nil {
		err = mw.WriteField("overwrite", "true")
	}
	if err == nil {
		err = mw.Close()
	}
	if err != nil {
		return "", fmt.Errorf("comfyui upload: %w", err)
	}
	hreq, err := http.NewRequestWithContext(ctx, http.MethodPost, httpx.Join(c.base, "/upload/image"), &body)
	if err != nil {
		return "", fmt.Errorf("comfyui upload: %w", err)
	}
	hreq.Header.Set("Content-Type", mw.FormDataContentType())
	c.auth(hreq)
	resp, err := c.http.Do(hreq)
	if err != nil {
		return "", c.svc.Transport(ctx, "comfyui upload", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", c.failure(resp)
	}
	var out struct {
		Name      string `json:"name"`
		Subfolder string `json:"subfolder"`
	}
	raw, err := httpx.ReadAll(resp.Body, 1<<20)
	if err != nil || json.Unmarshal(raw, &out) != nil || out.Name == "" {
		return "", c.svc.BadAnswer("answered the upload without the file's name: try again")
	}
	if out.Subfolder != "" {
		return out.Subfolder + "/" + out.Name, nil
	}
	return out.Name, nil
}

// redMask is the mask for LoadImageMask's red channel: white where to
// repaint.
func redMask(m *image.Alpha) ([]byte, error) {
	b := m.Bounds()
	g := image.NewGray(image.Rect(0, 0, b.Dx(), b.Dy()))
	for y := 0; y < b.Dy(); y++ {
		copy(g.Pix[y*g.Stride:y*g.Stride+b.Dx()], m.Pix[y*m.Stride:y*m.Stride+b.Dx()])
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, g); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

var _ easel.Editor = (*Client)(nil)

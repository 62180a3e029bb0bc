package a1111

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"net/http"
	"slices"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/internal/httpx"
	"github.com/easel-art/easel/engine/internal/sizes"
)

// Ops are the web UI's pictures-in endpoints: /sdapi/v1/img2img for edits
// (denoising_strength) and, with a mask, inpaint; /sdapi/v1/extra-single-image
// for upscales with an upscaler named by /sdapi/v1/upscalers. It has no
// outpaint of its own: easel inpaints the border of the enlarged picture.
func (c *Client) Ops() []easel.OpSupport {
	formats := []string{"png", "jpeg", "webp"}
	return []easel.OpSupport{
		{Op: easel.OpEdit, MaxImages: 1, MaxSide: easel.MaxSide, Formats: formats, Mask: true},
		{Op: easel.OpInpaint, MaxImages: 1, MaxSide: easel.MaxSide, Formats: formats, Mask: true},
		{Op: easel.OpUpscale, MaxImages: 1, MaxSide: easel.MaxSide, Formats: formats, Scales: []int{2, 4}},
	}
}

// img2imgRequest is StableDiffusionImg2ImgProcessingAPI's fields that
// easel sets.
type img2imgRequest struct {
	txt2imgRequest
	InitImages        []string `json:"init_images"`
	ResizeMode        int      `json:"resize_mode"`
	DenoisingStrength float64  `json:"denoising_strength"`
	Mask              string   `json:"mask,omitempty"`
	MaskBlur          int      `json:"mask_blur,omitempty"`
	InpaintingFill    int      `json:"inpainting_fill"`
	InpaintFullRes    bool     `json:"inpaint_full_res"`
	MaskInvert        int      `json:"inpainting_mask_invert"`
}

// Edit runs img2img (with a mask, inpaint) or extra-single-image.
func (c *Client) Edit(ctx context.Context, req *easel.EditRequest) (*easel.RenderResult, error) {
	switch req.Op {
	case easel.OpEdit, easel.OpInpaint:
		return c.img2img(ctx, req)
	case easel.OpUpscale:
		return c.upscale(ctx, req)
	}
	return nil, easel.Errorf(easel.EINVALID, "a1111 cannot %s pictures: use --engine builtin", req.Op)
}

func (c *Client) img2img(ctx context.Context, req *easel.EditRequest) (*easel.RenderResult, error) {
	if req.Op == easel.OpInpaint && req.Mask == nil {
		return nil, easel.Errorf(easel.EINVALID, "a1111: inpaint needs a mask")
	}
	b := req.Image.Image.Bounds()
	n := max(req.N, 1)
	caps := c.Capabilities()
	// The size is the picture's, in Stable Diffusion's steps; sizes.Check
	// holds it to the engine's limits as for a render.
	w, h := sizes.Round(b.Dx(), b.Dy(), caps.SizeStep)
	rr := &easel.RenderRequest{Prompt: req.Prompt, Width: w, Height: h, N: n}
	if err := sizes.Check(Name, caps, rr, 0); err != nil {
		return nil, err
	}
	model := c.cfg.Model
	if req.Model != "" {
		model = req.Model
	}
	body := img2imgRequest{
		txt2imgRequest: txt2imgRequest{
			Prompt: req.Prompt, NegativePrompt: req.Negative, Seed: req.Seed,
			Steps: c.cfg.Steps, CFGScale: c.cfg.CFGScale, SamplerName: c.cfg.Sampler, Scheduler: c.cfg.Scheduler,
			Width: w, Height: h, BatchSize: n,
		},
		InitImages:        []string{base64.StdEncoding.EncodeToString(req.Image.PNG)},
		DenoisingStrength: req.Strength,
		InpaintingFill:    1, // "original": start from the picture under the mask
	}
	if req.Steps > 0 {
		body.Steps = req.Steps
	}
	if req.CFGScale > 0 {
		body.CFGScale = req.CFGScale
	}
	if req.Sampler != "" {
		body.SamplerName = req.Sampler
	}
	if req.Mask != nil {
		m, err := whiteMask(req.Mask)
		if err != nil {
			return nil, fmt.Errorf("a1111 img2img: %w", err)
		}
		body.Mask, body.MaskBlur = base64.StdEncoding.EncodeToString(m), 4
	}
	if model != "" {
		if err := c.checkModel(ctx, model); err != nil {
			return nil, err
		}
		body.OverrideSettings = map[string]any{"sd_model_checkpoint": model}
	}
	var out txt2imgResponse
	if err := c.post(ctx, "/sdapi/v1/img2img", body, &out, int64(n+1)*httpx.MaxImage*4/3, req.Progress); err != nil {
		return nil, err
	}
	info, err := ParseInfo(out.Info)
	if err != nil {
		return nil, &easel.Error{Code: easel.EUNAVAILABLE, Message: "AUTOMATIC1111 sent an info field easel cannot read: try again", Err: fmt.Errorf("a1111 img2img: %w", err)}
	}
	images := out.Images
	if first := info.IndexOfFirstImage; first > 0 && first <= len(images) {
		images = images[first:]
	}
	if len(images) < n {
		return nil, c.svc.BadAnswer("sent %d images; %d were asked: try again", len(images), n)
	}
	// include_init_images is off, but a script may append more: keep n.
	images = images[:n]
	res := &easel.RenderResult{Model: info.SDModelName, Steps: info.Steps, CFGScale: info.CFGScale, Sampler: info.SamplerName}
	if res.Model == "" {
		res.Model = model
	}
	if w != b.Dx() || h != b.Dy() {
		res.Notes = append(res.Notes, fmt.Sprintf("size %dx%d rounded to %dx%d: Stable Diffusion works in steps of %d pixels", b.Dx(), b.Dy(), w, h, caps.SizeStep))
	}
	for i, b64 := range images {
		im, err := c.image(b64)
		if err != nil {
			return nil, err
		}
		res.Width, res.Height = im.w, im.h
		ri := easel.RenderedImage{PNG: im.png, Seed: req.Seed + int64(i)}
		if i < len(info.AllSeeds) {
			ri.Seed = info.AllSeeds[i]
		}
		if j := i + max(0, info.IndexOfFirstImage); j < len(info.Infotexts) {
			ri.Info = info.Infotexts[j]
		}
		res.Images = append(res.Images, ri)
	}
	if req.Progress != nil {
		req.Progress(1)
	}
	return res, nil
}

// upscalerPreference is the order easel picks an upscaler in, from those
// /sdapi/v1/upscalers lists: the learned ones first, Lanczos last.
var upscalerPreference = []string{"R-ESRGAN 4x+", "ESRGAN_4x", "SwinIR 4x", "ScuNET GAN", "LDSR", "Lanczos"}

func (c *Client) upscale(ctx context.Context, req *easel.EditRequest) (*easel.RenderResult, error) {
	if req.N > 1 {
		return nil, easel.Errorf(easel.EINVALID, "a1111 upscales one picture a call; -n %d was asked", req.N)
	}
	name, err := c.upscaler(ctx, req.Upscaler)
	if err != nil {
		return nil, err
	}
	body := map[string]any{
		"image": base64.StdEncoding.EncodeToString(req.Image.PNG), "resize_mode": 0,
		"upscaling_resize": req.Scale, "upscaler_1": name, "show_extras_results": true,
	}
	var out struct {
		Image    string `json:"image"`
		HTMLInfo string `json:"html_info"`
	}
	if err := c.post(ctx, "/sdapi/v1/extra-single-image", body, &out, 4*httpx.MaxImage, req.Progress); err != nil {
		return nil, err
	}
	im, err := c.image(out.Image)
	if err != nil {
		return nil, err
	}
	if req.Progress != nil {
		req.Progress(1)
	}
	return &easel.RenderResult{Model: name, Width: im.w, Height: im.h, Images: []easel.RenderedImage{{PNG: im.png, Seed: req.Seed,
		Info: fmt.Sprintf("Postprocess upscale by: %d, Postprocess upscaler: %s", req.Scale, name)}}}, nil
}

// upscaler returns want when the server lists it, else (want "") the best
// upscaler the server lists.
func (c *Client) upscaler(ctx context.Context, want string) (string, error) {
	hreq, err := http.NewRequestWithContext(ctx, http.MethodGet, httpx.Join(c.base, "/sdapi/v1/upscalers"), nil)
	if err != nil {
		return "", fmt.Errorf("a1111 upscalers: %w", err)
	}
	c.auth(hreq)
	resp, err := c.http.Do(hreq)
	if err != nil {
		return "", c.svc.Transport(ctx, "a1111 upscalers", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", c.failure(resp)
	}
	var list []struct {
		Name string `json:"name"`
	}
	raw, err := httpx.ReadAll(resp.Body, 1<<20)
	if err != nil || json.Unmarshal(raw, &list) != nil {
		return "", c.svc.BadAnswer("sent an upscaler list easel cannot read: try again")
	}
	var names []string
	for _, u := range list {
		names = append(names, u.Name)
	}
	if want != "" {
		if !slices.Contains(names, want) {
			return "", easel.Errorf(easel.EINVALID, "a1111 has no upscaler %q: it lists %s", want, strings.Join(names, ", "))
		}
		return want, nil
	}
	for _, pref := range upscalerPreference {
		if slices.Contains(names, pref) {
			return pref, nil
		}
	}
	for _, n := range names {
		if n != "None" && n != "Nearest" {
			return n, nil
		}
	}
	return "", easel.Errorf(easel.EINVALID, "a1111 lists no upscaler (it lists %v): install one, or use --engine builtin", names)
}

// post sends body as JSON and decodes the answer into out, watching
// progress and interrupting the job if the caller leaves.
func (c *Client) post(ctx context.Context, path string, body, out any, limit int64, progress func(float64)) error {
	buf, err := json.Marshal(body)
	if err != nil {
		return fmt.Errorf("a1111 %s: %w", path, err)
	}
	hreq, err := http.NewRequestWithContext(ctx, http.MethodPost, httpx.Join(c.base, path), bytes.NewReader(buf))
	if err != nil {
		return fmt.Errorf("a1111 %s: %w", path, err)
	}
	hreq.Header.Set("Content-Type", "application/json")
	c.auth(hreq)
	stop := c.watchProgress(ctx, progress)
	resp, err := c.http.Do(hreq)
	stop()
	if err != nil {
		if ctx.Err() != nil {
			c.interrupt(ctx)
		}
		return c.svc.Transport(ctx, "a1111 "+path, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return c.failure(resp)
	}
	if err := json.NewDecoder(http.MaxBytesReader(nil, resp.Body, limit)).Decode(out); err != nil {
		if ctx.Err() != nil {
			c.interrupt(ctx)
			return c.svc.Transport(ctx, "a1111 "+path, ctx.Err())
		}
		return &easel.Error{Code: easel.EUNAVAILABLE, Message: "AUTOMATIC1111 sent an answer that was cut short or malformed: try again", Err: fmt.Errorf("a1111 %s: %w", path, err)}
	}
	return nil
}

type decoded struct {
	png  []byte
	w, h int
}

func (c *Client) image(b64 string) (decoded, error) {
	raw, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		return decoded{}, c.svc.BadAnswer("sent an image that is not base64 (%v): try again", err)
	}
	p, got, err := c.svc.ToPNG(raw)
	if err != nil {
		return decoded{}, err
	}
	return decoded{p, got.X, got.Y}, nil
}

// whiteMask is A1111's mask: a greyscale PNG, white where to repaint.
func whiteMask(m *image.Alpha) ([]byte, error) {
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

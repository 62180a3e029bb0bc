package openai

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"strconv"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/internal/httpx"
)

// Limits of POST /v1/images/edits for the GPT image models (openai-go
// v3.98.0, ImageEditParams): up to 16 pictures, each a PNG, WebP or JPEG
// under 50 MB; a mask is a PNG under 4 MB with the first picture's size
// whose transparent pixels mark what to edit.
const (
	maxEditImages = 16
	maxEditBytes  = 50 << 20
	maxMaskBytes  = 4 << 20
)

// Ops are what the Images API does with pictures in: edits with up to 16
// pictures, masked edits (inpaint), at the generation price. It has no
// outpaint of its own (easel sends the enlarged picture with a transparent
// border) and no upscale.
func (c *Client) Ops() []easel.OpSupport {
	formats := []string{"png", "jpeg", "webp"}
	price := c.perImage()
	return []easel.OpSupport{
		{Op: easel.OpEdit, MaxImages: maxEditImages, MaxBytes: maxEditBytes, Formats: formats, Mask: true, PricePerImage: price},
		{Op: easel.OpInpaint, MaxImages: maxEditImages, MaxBytes: maxEditBytes, Formats: formats, Mask: true, PricePerImage: price},
	}
}

// Edit sends POST /images/edits as the official SDKs do: multipart, one
// picture as "image" or several as "image[]", the mask as "mask" (a PNG
// whose transparent pixels mark what to change), and prompt, model, n,
// size, quality, background, output_format, output_compression and
// input_fidelity as fields. The service has no strength: the words and
// the mask say what changes.
func (c *Client) Edit(ctx context.Context, req *easel.EditRequest) (*easel.RenderResult, error) {
	if req.Op != easel.OpEdit && req.Op != easel.OpInpaint {
		return nil, easel.Errorf(easel.EINVALID, "openai cannot %s pictures: use --engine builtin", req.Op)
	}
	if req.Op == easel.OpInpaint && req.Mask == nil {
		return nil, easel.Errorf(easel.EINVALID, "openai: inpaint needs a mask")
	}
	if req.Prompt == "" {
		return nil, easel.Errorf(easel.EINVALID, "openai: an edit needs words: say what to change")
	}
	if req.Model != "" && req.Model != c.cfg.Model {
		return nil, easel.Errorf(easel.EINVALID, "openai: this engine was opened for model %s, not %s: use --engine openai:%s", c.cfg.Model, req.Model, req.Model)
	}
	n := max(req.N, 1)
	if n > c.model.MaxN {
		return nil, easel.Errorf(easel.EINVALID, "openai: %s makes 1 to %d pictures a call; %d were asked for", c.cfg.Model, c.model.MaxN, n)
	}
	pics := append([]easel.Picture{req.Image}, req.Refs...)
	b := req.Image.Image.Bounds()
	size, note := c.size(b.Dx(), b.Dy())
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	field := func(k, v string) { mw.WriteField(k, v) }
	key := "image"
	if len(pics) > 1 {
		key = "image[]"
	}
	for i, p := range pics {
		name := p.Name
		if name == "" {
			name = "image" + strconv.Itoa(i+1) + ".png"
		}
		if err := filePart(mw, key, name, p.PNG); err != nil {
			return nil, fmt.Errorf("openai edit: %w", err)
		}
	}
	if req.Mask != nil {
		mask, err := alphaMask(req.Mask)
		if err != nil {
			return nil, fmt.Errorf("openai edit: %w", err)
		}
		if len(mask) > maxMaskBytes {
			return nil, easel.Errorf(easel.EINVALID, "openai takes masks up to 4 MB; this one is %.1f MB as PNG: use a smaller picture", float64(len(mask))/(1<<20))
		}
		if err := filePart(mw, "mask", "mask.png", mask); err != nil {
			return nil, fmt.Errorf("openai edit: %w", err)
		}
	}
	field("prompt", req.Prompt)
	field("model", c.cfg.Model)
	field("n", strconv.Itoa(n))
	field("size", size.String())
	field("quality", c.cfg.Quality)
	field("background", c.cfg.Background)
	field("output_format", c.cfg.OutputFormat)
	if c.cfg.OutputCompression > 0 {
		field("output_compression", strconv.Itoa(c.cfg.OutputCompression))
	}
	if req.Fidelity != "" {
		field("input_fidelity", req.Fidelity)
	}
	if err := mw.Close(); err != nil {
		return nil, fmt.Errorf("openai edit: %w", err)
	}
	hreq, err := http.NewRequestWithContext(ctx, http.MethodPost, httpx.Join(c.base, "/images/edits"), &body)
	if err != nil {
		return nil, fmt.Errorf("openai edit: %w", err)
	}
	c.headers(hreq)
	hreq.Header.Set("Content-Type", mw.FormDataContentType())
	resp, err := c.http.Do(hreq)
	if err != nil {
		return nil, c.svc.Transport(ctx, "openai edit", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, c.failure(resp)
	}
	res, err := c.readImages(ctx, resp, req.Seed, n)
	if err != nil {
		return nil, err
	}
	if note != "" {
		res.Notes = append(res.Notes, note)
	}
	if req.Progress != nil {
		req.Progress(1)
	}
	return res, nil
}

// filePart writes one file field with the content type its bytes show.
func filePart(mw *multipart.Writer, field, name string, data []byte) error {
	h := make(textproto.MIMEHeader)
	h.Set("Content-Disposition", fmt.Sprintf(`form-data; name=%q; filename=%q`, field, name))
	h.Set("Content-Type", http.DetectContentType(data))
	w, err := mw.CreatePart(h)
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

// alphaMask is OpenAI's mask: a PNG, transparent where the picture may
// change (easel's mask 255), opaque black where it is kept.
func alphaMask(m *image.Alpha) ([]byte, error) {
	b := m.Bounds()
	out := image.NewNRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	for y := 0; y < b.Dy(); y++ {
		for x := 0; x < b.Dx(); x++ {
			out.Pix[y*out.Stride+x*4+3] = 255 - m.Pix[(y+b.Min.Y-m.Rect.Min.Y)*m.Stride+x+b.Min.X-m.Rect.Min.X]
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, out); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// readImages decodes an images answer (generations and edits answer
// alike) into n pictures and their cost.
func (c *Client) readImages(ctx context.Context, resp *http.Response, seed int64, n int) (*easel.RenderResult, error) {
	out, images, err := decodeImages(resp.Body)
	if err != nil {
		if ctx.Err() != nil {
			return nil, c.svc.Transport(ctx, "openai images", ctx.Err())
		}
		return nil, &easel.Error{Code: easel.EUNAVAILABLE, Message: "OpenAI sent an answer that was cut short or malformed: try again", Err: fmt.Errorf("openai images: %w", err)}
	}
	res := &easel.RenderResult{Model: c.cfg.Model}
	next := 0
	for i, d := range out.Data {
		var data []byte
		switch {
		case d.B64JSON != nil:
			data = images[next]
			next++
		case d.URL != "":
			if data, err = c.download(ctx, d.URL); err != nil {
				return nil, err
			}
		default:
			return nil, c.svc.BadAnswer("sent image %d without b64_json or url: try again", i+1)
		}
		pngData, got, err := c.svc.ToPNG(data)
		if err != nil {
			return nil, err
		}
		res.Width, res.Height = got.X, got.Y
		res.Images = append(res.Images, easel.RenderedImage{PNG: pngData, Seed: seed + int64(i), RevisedPrompt: d.RevisedPrompt})
	}
	if len(res.Images) != n {
		return nil, c.svc.BadAnswer("sent %d images; %d were asked: try again", len(res.Images), n)
	}
	res.CostUSD = c.cost(out.Usage, n)
	return res, nil
}

var _ easel.Editor = (*Client)(nil)

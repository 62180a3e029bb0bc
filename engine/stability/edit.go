package stability

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

// Limits of the v2beta pictures-in services: the edit services take 64 px
// a side and 4,096 to 9,437,184 pixels, aspect 1:2.5 to 2.5:1; upscale
// fast takes 32 to 1,536 px a side and 1,024 to 1,048,576 pixels and
// enlarges four times. Prices in US dollars (credits at $0.01).
const (
	editMaxPixels    = 9437184
	upscaleMaxPixels = 1048576
	upscaleMaxSide   = 1536
	i2iModel         = "sd3.5-large"
	inpaintPrice     = 0.03
	outpaintPrice    = 0.04
	upscaleFastPrice = 0.01
	maxOutpaint      = 2000
)

// Ops are Stability's pictures-in services: image-to-image on the sd3
// endpoint (mode image-to-image, strength), inpaint and outpaint among the
// edit services, and upscale fast (4x).
func (c *Client) Ops() []easel.OpSupport {
	formats := []string{"png", "jpeg", "webp"}
	i2i := c.model
	if i2i.Endpoint != "sd3" {
		i2i = modelData{PricePerImage: 0.065}
	}
	return []easel.OpSupport{
		{Op: easel.OpEdit, MaxImages: 1, MinSide: 64, MaxPixels: editMaxPixels, Formats: formats, PricePerImage: i2i.PricePerImage, Services: services},
		{Op: easel.OpInpaint, MaxImages: 1, MinSide: 64, MaxPixels: editMaxPixels, Formats: formats, Mask: true, PricePerImage: inpaintPrice, Services: []string{"erase"}},
		{Op: easel.OpOutpaint, MaxImages: 1, MinSide: 64, MaxPixels: editMaxPixels, Formats: formats, PricePerImage: outpaintPrice},
		{Op: easel.OpUpscale, MaxImages: 1, MinSide: 32, MaxSide: upscaleMaxSide, MaxPixels: upscaleMaxPixels, Formats: formats, Scales: []int{4}, PricePerImage: upscaleFastPrice},
	}
}

// services are Stability's own edit services easel offers (--service):
// the edit services, and the control services that keep a sketch's,
// the structure's or the style's hold on the picture.
var services = []string{"search-and-replace", "erase", "remove-background", "sketch", "structure", "style"}

// servicePath is each service's endpoint under /v2beta/stable-image/.
var servicePath = map[string]string{
	"search-and-replace": "edit/search-and-replace", "erase": "edit/erase", "remove-background": "edit/remove-background",
	"sketch": "control/sketch", "structure": "control/structure", "style": "control/style",
}

// servicePrice is what each costs a picture.
var servicePrice = map[string]float64{"search-and-replace": 0.04, "erase": 0.05, "remove-background": 0.05,
	"sketch": 0.05, "structure": 0.05, "style": 0.05}

// Edit calls the service for req.Op, once per picture asked for.
func (c *Client) Edit(ctx context.Context, req *easel.EditRequest) (*easel.RenderResult, error) {
	n := max(req.N, 1)
	if req.Service != "" {
		return c.service(ctx, req, n)
	}
	if n > data.MaxN {
		return nil, easel.Errorf(easel.EINVALID, "stability makes 1 to %d pictures at a time; %d were asked for", data.MaxN, n)
	}
	res := &easel.RenderResult{Model: c.cfg.Model}
	var path string
	var price float64
	switch req.Op {
	case easel.OpEdit:
		path, price = "/v2beta/stable-image/generate/sd3", c.model.PricePerImage
		if c.model.Endpoint != "sd3" {
			res.Model, price = i2iModel, 0.065
			res.Notes = append(res.Notes, fmt.Sprintf("%s has no image-to-image: edited with %s", c.cfg.Model, i2iModel))
		}
	case easel.OpInpaint:
		if req.Mask == nil {
			return nil, easel.Errorf(easel.EINVALID, "stability: inpaint needs a mask")
		}
		path, price, res.Model = "/v2beta/stable-image/edit/inpaint", inpaintPrice, "inpaint"
	case easel.OpOutpaint:
		in := req.Expand
		if in.Zero() || max(in.Left, in.Top, in.Right, in.Bottom) > maxOutpaint || min(in.Left, in.Top, in.Right, in.Bottom) < 0 {
			return nil, easel.Errorf(easel.EINVALID, "stability outpaints 0 to %d pixels a side, at least one side more than 0 (got %s)", maxOutpaint, in)
		}
		path, price, res.Model = "/v2beta/stable-image/edit/outpaint", outpaintPrice, "outpaint"
	case easel.OpUpscale:
		if n > 1 {
			return nil, easel.Errorf(easel.EINVALID, "stability upscales one picture a call; -n %d was asked", n)
		}
		switch req.Upscaler {
		case "", "fast":
			if req.Scale != 4 {
				return nil, easel.Errorf(easel.EINVALID, "stability's fast upscale enlarges 4 times: use --scale 4, --upscaler conservative or creative, or --engine builtin for 2")
			}
			path, price, res.Model = "/v2beta/stable-image/upscale/fast", upscaleFastPrice, "upscale-fast"
		case "conservative", "creative":
			return c.upscaleTo4MP(ctx, req)
		default:
			return nil, easel.Errorf(easel.EINVALID, "stability has the upscalers fast, conservative and creative, not %q", req.Upscaler)
		}
	default:
		return nil, easel.Errorf(easel.EINVALID, "stability cannot %s pictures", req.Op)
	}
	for i := range n {
		seed := (req.Seed + int64(i)) % (data.MaxSeed + 1)
		if seed < 0 {
			seed += data.MaxSeed + 1
		}
		body, ctype, err := c.editForm(req, res.Model, seed)
		if err != nil {
			return nil, fmt.Errorf("stability edit: %w", err)
		}
		im, size, err := c.post(ctx, path, body, ctype, seed)
		if err != nil {
			return nil, err
		}
		res.Images = append(res.Images, im)
		res.Width, res.Height = size.X, size.Y
		res.CostUSD += price
		if req.Progress != nil {
			req.Progress(float64(i+1) / float64(n))
		}
	}
	return res, nil
}

// editForm is the multipart body of one pictures-in call.
func (c *Client) editForm(req *easel.EditRequest, model string, seed int64) (*bytes.Buffer, string, error) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	var fields [][2]string
	add := func(k, v string) { fields = append(fields, [2]string{k, v}) }
	if req.Op != easel.OpUpscale {
		if req.Prompt != "" {
			add("prompt", req.Prompt)
		}
		if req.Negative != "" {
			add("negative_prompt", req.Negative)
		}
		add("seed", strconv.FormatInt(seed, 10))
	}
	add("output_format", "png")
	switch req.Op {
	case easel.OpEdit:
		add("mode", "image-to-image")
		add("model", cmpModel(c.model, model))
		add("strength", strconv.FormatFloat(req.Strength, 'f', -1, 64))
	case easel.OpInpaint:
		add("grow_mask", "5")
	case easel.OpOutpaint:
		in := req.Expand
		add("left", strconv.Itoa(in.Left))
		add("right", strconv.Itoa(in.Right))
		add("up", strconv.Itoa(in.Top))
		add("down", strconv.Itoa(in.Bottom))
		creativity := req.Strength
		if creativity == 0 {
			creativity = 0.5
		}
		add("creativity", strconv.FormatFloat(creativity, 'f', -1, 64))
	}
	for _, f := range fields {
		if err := w.WriteField(f[0], f[1]); err != nil {
			return nil, "", err
		}
	}
	if err := filePart(w, "image", "image.png", req.Image.PNG); err != nil {
		return nil, "", err
	}
	if req.Op == easel.OpInpaint {
		m, err := whiteMask(req.Mask)
		if err != nil {
			return nil, "", err
		}
		if err := filePart(w, "mask", "mask.png", m); err != nil {
			return nil, "", err
		}
	}
	if err := w.Close(); err != nil {
		return nil, "", err
	}
	return &buf, w.FormDataContentType(), nil
}

func cmpModel(m modelData, fallback string) string {
	if m.Endpoint == "sd3" {
		return m.Model
	}
	return fallback
}

func filePart(w *multipart.Writer, field, name string, data []byte) error {
	h := make(textproto.MIMEHeader)
	h.Set("Content-Disposition", fmt.Sprintf(`form-data; name=%q; filename=%q`, field, name))
	h.Set("Content-Type", "image/png")
	p, err := w.CreatePart(h)
	if err != nil {
		return err
	}
	_, err = p.Write(data)
	return err
}

// whiteMask is Stability's mask: white where to inpaint, black kept.
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

// post sends one call and reads the picture (accept: image/*).
func (c *Client) post(ctx context.Context, path string, body *bytes.Buffer, ctype string, seed int64) (easel.RenderedImage, struct{ X, Y int }, error) {
	var none easel.RenderedImage
	var size struct{ X, Y int }
	hreq, err := http.NewRequestWithContext(ctx, http.MethodPost, httpx.Join(c.base, path), body)
	if err != nil {
		return none, size, fmt.Errorf("stability edit: %w", err)
	}
	hreq.Header.Set("Authorization", "Bearer "+c.cfg.APIKey)
	hreq.Header.Set("Content-Type", ctype)
	hreq.Header.Set("Accept", "image/*")
	hreq.Header.Set("Stability-Client-ID", "easel")
	hreq.Header.Set("Stability-Client-Version", easel.Version)
	resp, err := c.http.Do(hreq)
	if err != nil {
		return none, size, c.svc.Transport(ctx, "stability edit", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return none, size, c.failure(resp)
	}
	if resp.Header.Get("Finish-Reason") == "CONTENT_FILTERED" {
		return none, size, c.svc.Error(httpx.Failure{Status: resp.StatusCode, Message: "the picture was filtered (finish-reason CONTENT_FILTERED)", ContentPolicy: true})
	}
	raw, err := httpx.ReadAll(resp.Body, 4*httpx.MaxImage)
	if err != nil {
		return none, size, c.svc.Transport(ctx, "stability edit", err)
	}
	pngData, got, err := c.svc.ToPNG(raw)
	if err != nil {
		return none, size, err
	}
	im := easel.RenderedImage{PNG: pngData, Seed: seed}
	if s, err := strconv.ParseInt(resp.Header.Get("Seed"), 10, 64); err == nil {
		im.Seed = s
	}
	size.X, size.Y = got.X, got.Y
	return im, size, nil
}

var _ easel.Editor = (*Client)(nil)

// service runs one of the named services: search-and-replace (the words
// replace what Search finds), erase (what the mask, or the picture's
// transparency, marks), remove-background, or a control service
// (sketch, structure, style) that makes the words' picture holding to
// the picture by 1 - strength.
func (c *Client) service(ctx context.Context, req *easel.EditRequest, n int) (*easel.RenderResult, error) {
	if req.Mask != nil && req.Service != "erase" {
		return nil, easel.Errorf(easel.EINVALID, "stability's %s takes no mask: leave out --mask", req.Service)
	}
	if req.Service == "search-and-replace" && (req.Search == "" || req.Prompt == "") {
		return nil, easel.Errorf(easel.EINVALID, "search-and-replace needs --search (what to find) and words (what replaces it)")
	}
	control := req.Service == "sketch" || req.Service == "structure" || req.Service == "style"
	if control && req.Prompt == "" {
		return nil, easel.Errorf(easel.EINVALID, "stability's %s control needs words: say what to make of the picture", req.Service)
	}
	if req.Service == "remove-background" && n > 1 {
		return nil, easel.Errorf(easel.EINVALID, "remove-background makes one picture; -n %d was asked", n)
	}
	res := &easel.RenderResult{Model: req.Service}
	for i := range n {
		seed := (req.Seed + int64(i)) % (data.MaxSeed + 1)
		if seed < 0 {
			seed += data.MaxSeed + 1
		}
		var buf bytes.Buffer
		w := multipart.NewWriter(&buf)
		switch req.Service {
		case "search-and-replace":
			w.WriteField("prompt", req.Prompt)
			w.WriteField("search_prompt", req.Search)
			if req.Negative != "" {
				w.WriteField("negative_prompt", req.Negative)
			}
			w.WriteField("seed", strconv.FormatInt(seed, 10))
		case "erase":
			w.WriteField("seed", strconv.FormatInt(seed, 10))
		case "sketch", "structure", "style":
			w.WriteField("prompt", req.Prompt)
			if req.Negative != "" {
				w.WriteField("negative_prompt", req.Negative)
			}
			w.WriteField("seed", strconv.FormatInt(seed, 10))
			// How much the picture holds: the opposite of easel's strength.
			hold := strconv.FormatFloat(min(max(1-req.Strength, 0), 1), 'f', -1, 64)
			if req.Service == "style" {
				w.WriteField("fidelity", hold)
			} else {
				w.WriteField("control_strength", hold)
			}
		}
		w.WriteField("output_format", "png")
		if err := filePart(w, "image", "image.png", req.Image.PNG); err != nil {
			return nil, fmt.Errorf("stability %s: %w", req.Service, err)
		}
		if req.Mask != nil {
			m, err := whiteMask(req.Mask)
			if err == nil {
				err = filePart(w, "mask", "mask.png", m)
			}
			if err != nil {
				return nil, fmt.Errorf("stability %s: %w", req.Service, err)
			}
		}
		if err := w.Close(); err != nil {
			return nil, fmt.Errorf("stability %s: %w", req.Service, err)
		}
		im, size, err := c.post(ctx, "/v2beta/stable-image/"+servicePath[req.Service], &buf, w.FormDataContentType(), seed)
		if err != nil {
			return nil, err
		}
		res.Images = append(res.Images, im)
		res.Width, res.Height = size.X, size.Y
		res.CostUSD += servicePrice[req.Service]
	}
	return res, nil
}

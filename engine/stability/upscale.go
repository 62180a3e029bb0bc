package stability

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"mime/multipart"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/internal/httpx"
)

// The conservative and creative upscalers make about 4 megapixels whatever
// the picture's size; creative answers with a generation id whose result
// is polled at GET /v2beta/results/{id} (202 while in progress).
const (
	conservativePrice = 0.25
	creativePrice     = 0.25
	resultPoll        = 2 * time.Second
	// creativeMaxPixels is the creative upscaler's input limit (1 MP).
	creativeMaxPixels = 1048576
)

// PollInterval is how often a creative upscale's result is asked for; a
// variable so tests can shorten it.
var PollInterval = resultPoll

func (c *Client) upscaleTo4MP(ctx context.Context, req *easel.EditRequest) (*easel.RenderResult, error) {
	b := req.Image.Image.Bounds()
	if req.Upscaler == "creative" && b.Dx()*b.Dy() > creativeMaxPixels {
		return nil, easel.Errorf(easel.EINVALID, "stability's creative upscaler takes pictures up to 1 megapixel; this one is %dx%d: use --upscaler conservative", b.Dx(), b.Dy())
	}
	prompt := req.Prompt
	if prompt == "" {
		prompt = "a sharp, detailed, high-resolution version of the picture"
	}
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	w.WriteField("prompt", prompt)
	if req.Negative != "" {
		w.WriteField("negative_prompt", req.Negative)
	}
	seed := req.Seed % (data.MaxSeed + 1)
	if seed < 0 {
		seed += data.MaxSeed + 1
	}
	w.WriteField("seed", strconv.FormatInt(seed, 10))
	w.WriteField("output_format", "png")
	if err := filePart(w, "image", "image.png", req.Image.PNG); err != nil {
		return nil, fmt.Errorf("stability upscale: %w", err)
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("stability upscale: %w", err)
	}
	res := &easel.RenderResult{Model: "upscale-" + req.Upscaler}
	if req.Upscaler == "conservative" {
		im, size, err := c.post(ctx, "/v2beta/stable-image/upscale/conservative", &buf, w.FormDataContentType(), seed)
		if err != nil {
			return nil, err
		}
		res.Images, res.Width, res.Height, res.CostUSD = []easel.RenderedImage{im}, size.X, size.Y, conservativePrice
		return res, nil
	}
	hreq, err := http.NewRequestWithContext(ctx, http.MethodPost, httpx.Join(c.base, "/v2beta/stable-image/upscale/creative"), &buf)
	if err != nil {
		return nil, fmt.Errorf("stability upscale: %w", err)
	}
	c.headers(hreq, w.FormDataContentType(), "application/json")
	resp, err := c.http.Do(hreq)
	if err != nil {
		return nil, c.svc.Transport(ctx, "stability upscale", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, c.failure(resp)
	}
	var started struct {
		ID string `json:"id"`
	}
	raw, err := httpx.ReadAll(resp.Body, 1<<20)
	if err != nil || json.Unmarshal(raw, &started) != nil || started.ID == "" {
		return nil, c.svc.BadAnswer("started a creative upscale without an id: try again")
	}
	im, size, err := c.result(ctx, started.ID, seed, req.Progress)
	if err != nil {
		return nil, err
	}
	res.Images, res.Width, res.Height, res.CostUSD = []easel.RenderedImage{im}, size.X, size.Y, creativePrice
	return res, nil
}

// result polls GET /v2beta/results/{id} until the picture is ready.
func (c *Client) result(ctx context.Context, id string, seed int64, progress func(float64)) (easel.RenderedImage, struct{ X, Y int }, error) {
	var none easel.RenderedImage
	var size struct{ X, Y int }
	for polls := 0; ; polls++ {
		hreq, err := http.NewRequestWithContext(ctx, http.MethodGet, httpx.Join(c.base, "/v2beta/results/"+url.PathEscape(id)), nil)
		if err != nil {
			return none, size, fmt.Errorf("stability result: %w", err)
		}
		c.headers(hreq, "", "image/*")
		resp, err := c.http.Do(hreq)
		if err != nil {
			return none, size, c.svc.Transport(ctx, "stability result", err)
		}
		switch resp.StatusCode {
		case http.StatusAccepted:
			resp.Body.Close()
			if progress != nil {
				progress(min(0.9, float64(polls+1)*0.05))
			}
			d := PollInterval + time.Duration(rand.Int64N(int64(PollInterval)/5+1))
			select {
			case <-ctx.Done():
				return none, size, c.svc.Transport(ctx, "stability result", ctx.Err())
			case <-time.After(d):
			}
			continue
		case http.StatusOK:
		default:
			defer resp.Body.Close()
			return none, size, c.failure(resp)
		}
		defer resp.Body.Close()
		if resp.Header.Get("Finish-Reason") == "CONTENT_FILTERED" {
			return none, size, c.svc.Error(httpx.Failure{Status: resp.StatusCode, Message: "the picture was filtered (finish-reason CONTENT_FILTERED)", ContentPolicy: true})
		}
		raw, err := httpx.ReadAll(resp.Body, 4*httpx.MaxImage)
		if err != nil {
			return none, size, c.svc.Transport(ctx, "stability result", err)
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
		if progress != nil {
			progress(1)
		}
		return im, size, nil
	}
}

func (c *Client) headers(r *http.Request, ctype, accept string) {
	r.Header.Set("Authorization", "Bearer "+c.cfg.APIKey)
	if ctype != "" {
		r.Header.Set("Content-Type", ctype)
	}
	r.Header.Set("Accept", accept)
	r.Header.Set("Stability-Client-ID", "easel")
	r.Header.Set("Stability-Client-Version", easel.Version)
}

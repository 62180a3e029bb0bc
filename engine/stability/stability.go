// Package stability renders pictures with Stability AI's v2beta
// stable-image generate endpoints (core, ultra and the sd3 family). The
// body is always multipart/form-data; the picture comes back as raw bytes
// (accept: image/*) with its seed and finish reason in headers.
//
// The API takes aspect ratios, not sizes: the client asks for the ratio
// closest to the requested size and says so.
package stability

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/internal/capsfile"
	"github.com/easel-art/easel/engine/internal/httpx"
	"github.com/easel-art/easel/engine/internal/sizes"
)

// Name is the engine's registry name.
const Name = "stability"

// DefaultBaseURL is Stability AI's API host.
const DefaultBaseURL = "https://api.stability.ai"

// Config configures a Client.
type Config struct {
	// APIKey is sent as a bearer token (STABILITY_API_KEY).
	APIKey string
	// BaseURL is the API host (EASEL_STABILITY_URL, default DefaultBaseURL).
	BaseURL string
	// Model is core, ultra or an sd3 model such as sd3.5-large; "" is core.
	Model string
}

// ConfigFromEnv reads STABILITY_API_KEY and EASEL_STABILITY_URL.
func ConfigFromEnv(getenv func(string) string) Config {
	return Config{APIKey: strings.TrimSpace(getenv("STABILITY_API_KEY")), BaseURL: strings.TrimSpace(getenv("EASEL_STABILITY_URL"))}
}

//go:embed capabilities.json
var capsJSON []byte

type modelData struct {
	Name          string   `json:"name"`
	Endpoint      string   `json:"endpoint"`
	Model         string   `json:"model"`
	PricePerImage float64  `json:"price_per_image"`
	StylePresets  bool     `json:"style_presets"`
	CFGScale      bool     `json:"cfg_scale"`
	OutputFormats []string `json:"output_formats"`
}

var data = capsfile.Load[struct {
	DefaultModel string            `json:"default_model"`
	MaxPrompt    int               `json:"max_prompt"`
	MaxN         int               `json:"max_n"`
	MaxSeed      int64             `json:"max_seed"`
	AspectRatios []string          `json:"aspect_ratios"`
	Models       []modelData       `json:"models"`
	StylePresets map[string]string `json:"style_presets"`
}]("stability", capsJSON)

// Client talks to the Stability AI REST API.
type Client struct {
	cfg   Config
	http  *http.Client
	base  *url.URL
	svc   httpx.Service
	model modelData
}

var _ easel.Engine = (*Client)(nil)

// New returns a client; it does no I/O. A missing key is an ECONFIG error
// naming STABILITY_API_KEY; an unknown model is EINVALID listing the
// known ones. hc nil means http.DefaultClient.
func New(cfg Config, hc *http.Client) (*Client, error) {
	if cfg.APIKey == "" {
		return nil, easel.Errorf(easel.ECONFIG, "STABILITY_API_KEY is not set: create a key at https://platform.stability.ai/account/keys and export STABILITY_API_KEY=sk-...")
	}
	if cfg.BaseURL == "" {
		cfg.BaseURL = DefaultBaseURL
	}
	base, _, _, err := httpx.BaseURL(cfg.BaseURL, "EASEL_STABILITY_URL")
	if err != nil {
		return nil, err
	}
	if cfg.Model == "" {
		cfg.Model = data.DefaultModel
	}
	c := &Client{cfg: cfg, http: hc, base: base,
		svc: httpx.Service{Name: "Stability AI", KeyVar: "STABILITY_API_KEY", URLVar: "EASEL_STABILITY_URL", Endpoint: base.String(), Secrets: []string{cfg.APIKey}}}
	found := false
	var names []string
	for _, m := range data.Models {
		names = append(names, m.Name)
		if m.Name == cfg.Model {
			c.model, found = m, true
		}
	}
	if !found {
		return nil, easel.Errorf(easel.EINVALID, "stability has no model %q: use one of %s", cfg.Model, strings.Join(names, ", "))
	}
	if c.http == nil {
		c.http = http.DefaultClient
	}
	return c, nil
}

// Name returns "stability".
func (c *Client) Name() string { return Name }

// Model returns the model this client renders with.
func (c *Client) Model() string { return c.cfg.Model }

// Capabilities describes the chosen model: any size (mapped to the closest
// aspect ratio), negative prompts, seeds, one image per call made up to
// MaxN times.
func (c *Client) Capabilities() easel.Capabilities {
	caps := easel.Capabilities{
		Dialect: easel.DialectNatural, SizeStep: 1, Negative: true, Seed: true,
		MaxN: data.MaxN, DefaultModel: data.DefaultModel, PricePerImage: c.model.PricePerImage,
	}
	for _, m := range data.Models {
		caps.Models = append(caps.Models, m.Name)
	}
	return caps
}

// Render makes req.N images, one call each, image i with seed req.Seed+i.
func (c *Client) Render(ctx context.Context, req *easel.RenderRequest) (*easel.RenderResult, error) {
	if err := sizes.Check(Name, c.Capabilities(), req, data.MaxPrompt); err != nil {
		return nil, err
	}
	if req.Model != "" && req.Model != c.cfg.Model {
		return nil, easel.Errorf(easel.EINVALID, "stability: this engine was opened for model %s, not %s: use --engine stability:%s", c.cfg.Model, req.Model, req.Model)
	}
	ratio, err := sizes.NearestRatio(data.AspectRatios, req.Width, req.Height, false)
	if err != nil {
		return nil, fmt.Errorf("stability: %w", err)
	}
	res := &easel.RenderResult{Model: c.cfg.Model}
	if c.model.CFGScale && req.CFGScale > 0 {
		res.CFGScale = req.CFGScale
	}
	if r, _ := sizes.ParseRatio(ratio); r.W*req.Height != r.H*req.Width {
		res.Notes = append(res.Notes, fmt.Sprintf("size %dx%d is not offered by Stability AI, which takes aspect ratios: asked for %s, the closest", req.Width, req.Height, ratio))
	}
	preset := ""
	if c.model.StylePresets && req.Style != "" {
		preset = data.StylePresets[strings.ToLower(req.Style)]
	}
	for i := range req.N {
		seed := (req.Seed + int64(i)) % (data.MaxSeed + 1)
		if seed < 0 {
			seed += data.MaxSeed + 1
		}
		im, size, err := c.generate(ctx, req, ratio, preset, seed)
		if err != nil {
			return nil, err
		}
		res.Images = append(res.Images, im)
		res.Width, res.Height = size.X, size.Y
		res.CostUSD += c.model.PricePerImage
		if req.Progress != nil {
			req.Progress(float64(i+1) / float64(req.N))
		}
	}
	return res, nil
}

// form builds the multipart body; the API wants multipart even with no file.
func (c *Client) form(req *easel.RenderRequest, ratio, preset string, seed int64) (*bytes.Buffer, string, error) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	fields := [][2]string{{"prompt", req.Prompt}}
	if req.Negative != "" {
		fields = append(fields, [2]string{"negative_prompt", req.Negative})
	}
	fields = append(fields, [2]string{"aspect_ratio", ratio}, [2]string{"seed", strconv.FormatInt(seed, 10)}, [2]string{"output_format", "png"})
	if preset != "" {
		fields = append(fields, [2]string{"style_preset", preset})
	}
	if c.model.Endpoint == "sd3" {
		fields = append(fields, [2]string{"model", c.model.Model}, [2]string{"mode", "text-to-image"})
		if req.CFGScale > 0 {
			fields = append(fields, [2]string{"cfg_scale", strconv.FormatFloat(req.CFGScale, 'f', -1, 64)})
		}
	}
	for _, f := range fields {
		if err := w.WriteField(f[0], f[1]); err != nil {
			return nil, "", err
		}
	}
	if err := w.Close(); err != nil {
		return nil, "", err
	}
	return &buf, w.FormDataContentType(), nil
}

func (c *Client) generate(ctx context.Context, req *easel.RenderRequest, ratio, preset string, seed int64) (easel.RenderedImage, struct{ X, Y int }, error) {
	var none easel.RenderedImage
	var size struct{ X, Y int }
	body, ctype, err := c.form(req, ratio, preset, seed)
	if err != nil {
		return none, size, fmt.Errorf("stability generate: %w", err)
	}
	hreq, err := http.NewRequestWithContext(ctx, http.MethodPost, httpx.Join(c.base, "/v2beta/stable-image/generate/"+c.model.Endpoint), body)
	if err != nil {
		return none, size, fmt.Errorf("stability generate: %w", err)
	}
	hreq.Header.Set("Authorization", "Bearer "+c.cfg.APIKey)
	hreq.Header.Set("Content-Type", ctype)
	hreq.Header.Set("Accept", "image/*")
	hreq.Header.Set("Stability-Client-ID", "easel")
	hreq.Header.Set("Stability-Client-Version", easel.Version)
	resp, err := c.http.Do(hreq)
	if err != nil {
		return none, size, c.svc.Transport(ctx, "stability generate", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return none, size, c.failure(resp)
	}
	if fr := resp.Header.Get("Finish-Reason"); fr == "CONTENT_FILTERED" {
		// The picture comes back blurred: not worth keeping.
		return none, size, c.svc.Error(httpx.Failure{Status: resp.StatusCode, Message: "the picture was filtered (finish-reason CONTENT_FILTERED)", ContentPolicy: true})
	}
	raw, err := httpx.ReadAll(resp.Body, httpx.MaxImage)
	if err != nil {
		return none, size, c.svc.Transport(ctx, "stability generate", err)
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

// failure classifies an error answer: {"id","name","errors":[...]}. A 403
// named content_moderation is a content refusal, not a bad key; 402 is an
// empty balance.
func (c *Client) failure(resp *http.Response) error {
	body := httpx.ReadError(resp)
	f := httpx.Failure{Status: resp.StatusCode, Header: resp.Header}
	var e struct {
		Name   string   `json:"name"`
		Errors []string `json:"errors"`
	}
	if json.Unmarshal(body, &e) == nil {
		f.Code = e.Name
		f.Message = strings.Join(e.Errors, "; ")
	}
	name := strings.ToLower(e.Name)
	f.ContentPolicy = strings.Contains(name, "moderation") || strings.Contains(name, "content_filter")
	f.Quota = resp.StatusCode == http.StatusPaymentRequired || strings.Contains(name, "insufficient_balance") || strings.Contains(name, "payment")
	return c.svc.Error(f)
}

// Check asks for the account's balance (GET /v1/user/balance), which needs
// a valid key and costs nothing.
func (c *Client) Check(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, httpx.Join(c.base, "/v1/user/balance"), nil)
	if err != nil {
		return fmt.Errorf("stability check: %w", err)
	}
	req.Header.Set("Authorization", "Bearer "+c.cfg.APIKey)
	resp, err := c.http.Do(req)
	if err != nil {
		return c.svc.Transport(ctx, "stability check", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return c.failure(resp)
	}
	return nil
}

// Package openai renders pictures with OpenAI's Images API
// (POST /v1/images/generations) and the gpt-image model family, or with any
// server that speaks the same API (LocalAI) through OPENAI_BASE_URL.
//
// Models, sizes, quality tiers and prices are data (models.json), not code:
// the hosted API changes. The answer's base64 images are decoded as the
// body streams in, so a large answer is never held twice in memory.
package openai

import (
	"bytes"
	"cmp"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/internal/httpx"
	"github.com/easel-art/easel/engine/internal/sizes"
)

// Name is the engine's registry name.
const Name = "openai"

// DefaultBaseURL is OpenAI's API, used when OPENAI_BASE_URL is not set.
const DefaultBaseURL = "https://api.openai.com/v1"

// Config configures a Client.
type Config struct {
	// APIKey is sent as a bearer token (OPENAI_API_KEY). It may be empty
	// only for a server other than OpenAI's.
	APIKey string
	// BaseURL is the API root including /v1 (OPENAI_BASE_URL).
	BaseURL string
	// Organization and Project are sent as OpenAI-Organization and
	// OpenAI-Project when set (OPENAI_ORG_ID, OPENAI_PROJECT_ID).
	Organization, Project string
	// Model is the model to use; "" means the default in models.json.
	Model string
	// Quality is low, medium, high or auto (the default).
	Quality string
	// Background is transparent, opaque or auto (the default).
	Background string
	// Moderation is auto (the default) or low, the service's content
	// filtering level (EASEL_OPENAI_MODERATION).
	Moderation string
	// OutputFormat is png (the default), jpeg or webp: what the service
	// sends (EASEL_OPENAI_FORMAT). jpeg and webp are smaller and faster to
	// fetch; easel keeps every picture as PNG either way.
	OutputFormat string
	// OutputCompression is 1..100 for jpeg and webp (EASEL_OPENAI_COMPRESSION);
	// 0 leaves it to the service (100). -1 marks an unreadable value.
	OutputCompression int
}

// ConfigFromEnv reads the variables the OpenAI ecosystem uses.
func ConfigFromEnv(getenv func(string) string) Config {
	cfg := Config{
		APIKey:       strings.TrimSpace(getenv("OPENAI_API_KEY")),
		BaseURL:      strings.TrimSpace(getenv("OPENAI_BASE_URL")),
		Organization: getenv("OPENAI_ORG_ID"),
		Project:      getenv("OPENAI_PROJECT_ID"),
		Quality:      strings.TrimSpace(getenv("EASEL_OPENAI_QUALITY")),
		Moderation:   strings.TrimSpace(getenv("EASEL_OPENAI_MODERATION")),
		OutputFormat: strings.TrimSpace(getenv("EASEL_OPENAI_FORMAT")),
	}
	if v := strings.TrimSpace(getenv("EASEL_OPENAI_COMPRESSION")); v != "" {
		if n, err := strconv.Atoi(v); err == nil {
			cfg.OutputCompression = n
		} else {
			cfg.OutputCompression = -1
		}
	}
	return cfg
}

//go:embed models.json
var modelsJSON []byte

type catalog struct {
	DefaultModel string `json:"default_model"`
	MaxPrompt    int    `json:"max_prompt"`
	// ShutDown maps a model the service no longer serves to when it shut
	// down and what to use instead.
	ShutDown   map[string]string `json:"shut_down"`
	Models     []model           `json:"models"`
	OtherModel model             `json:"other_model"`
}

type model struct {
	Name       string             `json:"name"`
	Sizes      []string           `json:"sizes"`
	SizeStep   int                `json:"size_step"`
	MaxAspect  float64            `json:"max_aspect"`
	MinPixels  int                `json:"min_pixels"`
	MaxPixels  int                `json:"max_pixels"`
	MaxSide    int                `json:"max_side"`
	MaxN       int                `json:"max_n"`
	Qualities  []string           `json:"qualities"`
	PerImage   map[string]float64 `json:"price_per_image"`
	TokenPrice *struct {
		TextIn   float64 `json:"text_in"`
		ImageIn  float64 `json:"image_in"`
		ImageOut float64 `json:"image_out"`
		TextOut  float64 `json:"text_out"`
	} `json:"usd_per_million_tokens"`
}

var models = func() catalog {
	var c catalog
	if err := json.Unmarshal(modelsJSON, &c); err != nil {
		panic("openai: bad models.json: " + err.Error())
	}
	return c
}()

// Client renders pictures through the Images API.
type Client struct {
	cfg   Config
	http  *http.Client
	base  *url.URL
	svc   httpx.Service
	model model
	known bool
}

var _ easel.Engine = (*Client)(nil)

// New returns a client; it does no I/O. A missing API key for OpenAI's own
// service is an ECONFIG error naming OPENAI_API_KEY. hc nil means
// http.DefaultClient.
func New(cfg Config, hc *http.Client) (*Client, error) {
	if cfg.BaseURL == "" {
		cfg.BaseURL = DefaultBaseURL
	}
	base, _, _, err := httpx.BaseURL(cfg.BaseURL, "OPENAI_BASE_URL")
	if err != nil {
		return nil, err
	}
	if cfg.APIKey == "" && base.Host == "api.openai.com" {
		return nil, easel.Errorf(easel.ECONFIG, "OPENAI_API_KEY is not set: create a key at https://platform.openai.com/api-keys and export OPENAI_API_KEY=sk-...")
	}
	if cfg.Model == "" {
		cfg.Model = models.DefaultModel
	}
	if cfg.Quality == "" {
		cfg.Quality = "auto"
	}
	if cfg.Background == "" {
		cfg.Background = "auto"
	}
	if cfg.Moderation == "" {
		cfg.Moderation = "auto"
	}
	if cfg.OutputFormat == "" {
		cfg.OutputFormat = "png"
	}
	if gone, ok := models.ShutDown[cfg.Model]; ok {
		return nil, easel.Errorf(easel.EINVALID, "openai: %s was shut down on %s (--engine openai:%s)", cfg.Model, gone, models.DefaultModel)
	}
	m, known := models.OtherModel, false
	for _, x := range models.Models {
		if x.Name == cfg.Model {
			m, known = x, true
		}
	}
	m.Name = cfg.Model
	if !slices.Contains(m.Qualities, cfg.Quality) {
		return nil, easel.Errorf(easel.EINVALID, "openai: quality %q is not one of %s", cfg.Quality, strings.Join(m.Qualities, ", "))
	}
	if !slices.Contains([]string{"transparent", "opaque", "auto"}, cfg.Background) {
		return nil, easel.Errorf(easel.EINVALID, "openai: background %q is not one of transparent, opaque, auto", cfg.Background)
	}
	if err := checkOutput(cfg); err != nil {
		return nil, err
	}
	if hc == nil {
		hc = http.DefaultClient
	}
	return &Client{
		cfg: cfg, http: hc, base: base, model: m, known: known,
		svc: httpx.Service{Name: "OpenAI", KeyVar: "OPENAI_API_KEY", URLVar: "OPENAI_BASE_URL", Endpoint: base.String(), Secrets: []string{cfg.APIKey}},
	}, nil
}

// checkOutput refuses the moderation, format and compression settings the
// service refuses, before any call.
func checkOutput(cfg Config) error {
	if !slices.Contains([]string{"auto", "low"}, cfg.Moderation) {
		return easel.Errorf(easel.EINVALID, "openai: moderation %q is not one of auto, low (EASEL_OPENAI_MODERATION)", cfg.Moderation)
	}
	if !slices.Contains([]string{"png", "jpeg", "webp"}, cfg.OutputFormat) {
		return easel.Errorf(easel.EINVALID, "openai: output format %q is not one of png, jpeg, webp (EASEL_OPENAI_FORMAT)", cfg.OutputFormat)
	}
	if cfg.OutputCompression < 0 || cfg.OutputCompression > 100 {
		return easel.Errorf(easel.EINVALID, "openai: output compression must be a whole number from 0 to 100 (EASEL_OPENAI_COMPRESSION)")
	}
	if cfg.OutputCompression > 0 && cfg.OutputFormat == "png" {
		return easel.Errorf(easel.EINVALID, "openai: output compression needs jpeg or webp: set EASEL_OPENAI_FORMAT=jpeg or webp")
	}
	if cfg.Background == "transparent" && cfg.OutputFormat == "jpeg" {
		return easel.Errorf(easel.EINVALID, "openai: a transparent background needs png or webp, not jpeg")
	}
	return nil
}

// Model returns the model this client renders with.
func (c *Client) Model() string { return c.cfg.Model }

// Name returns "openai".
func (c *Client) Name() string { return Name }

// Capabilities describes the configured model, from models.json.
func (c *Client) Capabilities() easel.Capabilities {
	caps := easel.Capabilities{
		Dialect:      easel.DialectGPTImage,
		SizeStep:     c.model.SizeStep,
		MaxN:         c.model.MaxN,
		DefaultModel: models.DefaultModel,
	}
	for _, s := range c.model.Sizes {
		if sz, err := easel.ParseSize(s); err == nil {
			caps.Sizes = append(caps.Sizes, sz)
		}
	}
	for _, m := range models.Models {
		caps.Models = append(caps.Models, m.Name)
	}
	if !c.known {
		caps.Models = append(caps.Models, c.model.Name)
	}
	caps.PricePerImage = c.perImage()
	return caps
}

// perImage is the price of one image at the configured quality, "auto"
// being priced as medium; 0 when unknown. xhigh and max have no published
// estimate: they are priced as high, a floor, so a budget never takes
// them for free.
func (c *Client) perImage() float64 {
	q := c.cfg.Quality
	switch q {
	case "auto":
		q = "medium"
	case "xhigh", "max":
		q = "high"
	}
	return c.model.PerImage[q]
}

// size picks the size to ask for: the closest offered one for models with
// fixed sizes; for the others the requested one rounded to the model's
// step and kept within its aspect, side and pixel limits, so the call never
// carries a size the model refuses. A picture too small for the model is
// enlarged in the same shape, and one too large shrunk.
func (c *Client) size(w, h int) (easel.Size, string) {
	want := easel.Size{Width: w, Height: h}
	var got easel.Size
	m := c.model
	if len(m.Sizes) > 0 {
		got = sizes.Nearest(c.Capabilities().Sizes, w, h)
	} else {
		fw, fh := float64(w), float64(h)
		if a := m.MaxAspect; a > 0 {
			fw, fh = min(fw, a*fh), min(fh, a*fw)
		}
		scale := 1.0
		if px := fw * fh; m.MinPixels > 0 && px < float64(m.MinPixels) {
			scale = math.Sqrt(float64(m.MinPixels) / px)
		} else if m.MaxPixels > 0 && px > float64(m.MaxPixels) {
			scale = math.Sqrt(float64(m.MaxPixels) / px)
		}
		if s := max(fw, fh) * scale; m.MaxSide > 0 && s > float64(m.MaxSide) {
			scale *= float64(m.MaxSide) / s
		}
		got.Width, got.Height = sizes.Round(int(fw*scale+0.5), int(fh*scale+0.5), max(1, m.SizeStep))
		step := max(1, m.SizeStep)
		// Rounding may cross a limit: step back inside it.
		for m.MinPixels > 0 && got.Width*got.Height < m.MinPixels {
			if got.Width <= got.Height {
				got.Width += step
			} else {
				got.Height += step
			}
		}
		for (m.MaxPixels > 0 && got.Width*got.Height > m.MaxPixels) || (m.MaxSide > 0 && max(got.Width, got.Height) > m.MaxSide) {
			if got.Width >= got.Height {
				got.Width -= step
			} else {
				got.Height -= step
			}
		}
	}
	if got == want {
		return got, ""
	}
	if len(m.Sizes) == 0 && m.MinPixels > 0 {
		return got, fmt.Sprintf("size %v is not one %s takes (sides in multiples of %d, 1:3 to 3:1, %s to %s pixels): made %v, the closest",
			want, m.Name, max(1, m.SizeStep), thousands(m.MinPixels), thousands(m.MaxPixels), got)
	}
	return got, fmt.Sprintf("size %v is not offered by %s: made %v, the closest", want, m.Name, got)
}

// thousands writes n with commas: 655,360.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

type generateRequest struct {
	Model             string `json:"model"`
	Prompt            string `json:"prompt"`
	N                 int    `json:"n"`
	Size              string `json:"size"`
	Quality           string `json:"quality"`
	Background        string `json:"background"`
	OutputFormat      string `json:"output_format"`
	OutputCompression int    `json:"output_compression,omitempty"`
	Moderation        string `json:"moderation,omitempty"`
}

type usage struct {
	InputTokens        int `json:"input_tokens"`
	InputTokensDetails struct {
		ImageTokens int `json:"image_tokens"`
		TextTokens  int `json:"text_tokens"`
	} `json:"input_tokens_details"`
	OutputTokens        int `json:"output_tokens"`
	OutputTokensDetails struct {
		ImageTokens int `json:"image_tokens"`
		TextTokens  int `json:"text_tokens"`
	} `json:"output_tokens_details"`
	TotalTokens int `json:"total_tokens"`
}

type imagesResponse struct {
	Created int64 `json:"created"`
	Data    []struct {
		B64JSON       *string `json:"b64_json"`
		URL           string  `json:"url"`
		RevisedPrompt string  `json:"revised_prompt"`
	} `json:"data"`
	Size  string `json:"size"`
	Usage *usage `json:"usage"`
}

type errorEnvelope struct {
	Error *struct {
		Message string `json:"message"`
		Type    string `json:"type"`
		Code    any    `json:"code"`
	} `json:"error"`
}

// Render asks for req.N images in one call. Negative is not sent: the
// gpt-image models take none (the gpt-image dialect writes exclusions
// into the prompt). Seeds are not honoured either; each image reports
// req.Seed+i only to keep the gallery's numbering.
func (c *Client) Render(ctx context.Context, req *easel.RenderRequest) (*easel.RenderResult, error) {
	caps := c.Capabilities()
	if err := sizes.Check(Name, caps, req, models.MaxPrompt); err != nil {
		return nil, err
	}
	if req.Model != "" && req.Model != c.cfg.Model {
		return nil, easel.Errorf(easel.EINVALID, "openai: this engine was opened for model %s, not %s: use --engine openai:%s", c.cfg.Model, req.Model, req.Model)
	}
	size, note := c.size(req.Width, req.Height)
	gen := generateRequest{
		Model: c.cfg.Model, Prompt: req.Prompt, N: req.N, Size: size.String(),
		Quality: c.cfg.Quality, Background: c.cfg.Background, OutputFormat: c.cfg.OutputFormat,
		OutputCompression: c.cfg.OutputCompression,
	}
	if c.cfg.Moderation != "auto" {
		gen.Moderation = c.cfg.Moderation
	}
	body, err := json.Marshal(gen)
	if err != nil {
		return nil, fmt.Errorf("openai images: %w", err)
	}
	hreq, err := http.NewRequestWithContext(ctx, http.MethodPost, httpx.Join(c.base, "/images/generations"), bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("openai images: %w", err)
	}
	c.headers(hreq)
	hreq.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(hreq)
	if err != nil {
		return nil, c.svc.Transport(ctx, "openai images", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, c.failure(resp)
	}
	out, images, err := decodeImages(resp.Body)
	if err != nil {
		if ctx.Err() != nil {
			return nil, c.svc.Transport(ctx, "openai images", ctx.Err())
		}
		return nil, &easel.Error{Code: easel.EUNAVAILABLE, Message: "OpenAI sent an answer that was cut short or malformed: try again", Err: fmt.Errorf("openai images: %w", err)}
	}
	res := &easel.RenderResult{Model: c.cfg.Model}
	if note != "" {
		res.Notes = append(res.Notes, note)
	}
	next := 0
	for i, d := range out.Data {
		var data []byte
		switch {
		case d.B64JSON != nil:
			data = images[next]
			next++
		case d.URL != "":
			// OpenAI-compatible servers such as LocalAI may answer with URLs.
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
		res.Images = append(res.Images, easel.RenderedImage{PNG: pngData, Seed: req.Seed + int64(i), RevisedPrompt: d.RevisedPrompt})
	}
	if len(res.Images) != req.N {
		return nil, c.svc.BadAnswer("sent %d images; %d were asked: try again", len(res.Images), req.N)
	}
	res.CostUSD = c.cost(out.Usage, req.N)
	if req.Progress != nil {
		req.Progress(1)
	}
	return res, nil
}

// cost turns usage tokens into dollars with the model's token prices:
// output tokens split into image and text by output_tokens_details (text
// at text_out, or at the image rate when the model has none, so a cost is
// never under-reported). When the server reports no usage (compatible
// servers) it falls back to the per-image price.
func (c *Client) cost(u *usage, n int) float64 {
	tp := c.model.TokenPrice
	if u != nil && u.TotalTokens+u.OutputTokens > 0 && tp != nil {
		text := u.InputTokensDetails.TextTokens
		img := u.InputTokensDetails.ImageTokens
		if text+img == 0 {
			text = u.InputTokens
		}
		imgOut, textOut := u.OutputTokensDetails.ImageTokens, u.OutputTokensDetails.TextTokens
		if imgOut+textOut == 0 {
			imgOut = u.OutputTokens
		}
		textOutPrice := tp.TextOut
		if textOutPrice == 0 {
			textOutPrice = tp.ImageOut
		}
		return (float64(text)*tp.TextIn + float64(img)*tp.ImageIn + float64(imgOut)*tp.ImageOut + float64(textOut)*textOutPrice) / 1e6
	}
	return c.perImage() * float64(n)
}

func (c *Client) headers(r *http.Request) {
	if c.cfg.APIKey != "" {
		r.Header.Set("Authorization", "Bearer "+c.cfg.APIKey)
	}
	if c.cfg.Organization != "" {
		r.Header.Set("OpenAI-Organization", c.cfg.Organization)
	}
	if c.cfg.Project != "" {
		r.Header.Set("OpenAI-Project", c.cfg.Project)
	}
}

// failure classifies an error answer; OpenAI's envelope carries the code
// that tells a content refusal or an exhausted quota from the rest.
func (c *Client) failure(resp *http.Response) error {
	body := httpx.ReadError(resp)
	f := httpx.Failure{Status: resp.StatusCode, Header: resp.Header}
	var env errorEnvelope
	if json.Unmarshal(body, &env) == nil && env.Error != nil {
		f.Message = env.Error.Message
		if s, ok := env.Error.Code.(string); ok {
			f.Code = s
		}
		switch f.Code {
		case "moderation_blocked", "content_policy_violation":
			f.ContentPolicy = true
		case "insufficient_quota", "billing_hard_limit_reached":
			f.Quota = true
		}
		if env.Error.Type == "image_generation_user_error" {
			f.ContentPolicy = true
		}
	}
	return c.svc.Error(f)
}

func (c *Client) download(ctx context.Context, u string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, c.svc.BadAnswer("sent an unusable image URL: try again")
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, c.svc.Transport(ctx, "openai image download", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, c.svc.Error(httpx.Failure{Status: resp.StatusCode, Header: resp.Header, Message: "downloading the image failed"})
	}
	b, err := httpx.ReadAll(resp.Body, httpx.MaxImage)
	if err != nil {
		return nil, c.svc.Transport(ctx, "openai image download", err)
	}
	return b, nil
}

// Check asks the service for its model list, which needs a valid key: it
// tells a wrong key and an unreachable server apart without paying. When the
// list is readable and lacks the configured model (a shut-down model, one
// the key has no access to, or a compatible server that has other models),
// it says so and names the image models it does list.
func (c *Client) Check(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, httpx.Join(c.base, "/models"), nil)
	if err != nil {
		return fmt.Errorf("openai check: %w", err)
	}
	c.headers(req)
	resp, err := c.http.Do(req)
	if err != nil {
		return c.svc.Transport(ctx, "openai check", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return c.failure(resp)
	}
	var list struct {
		Data []struct {
			ID string `json:"id"`
		} `json:"data"`
	}
	body, err := httpx.ReadAll(resp.Body, 4<<20)
	if err != nil {
		return c.svc.Transport(ctx, "openai check", err)
	}
	if json.Unmarshal(body, &list) != nil || len(list.Data) == 0 {
		return nil // a compatible server with no usable list: reachable is all we know
	}
	var images []string
	for _, m := range list.Data {
		if m.ID == c.cfg.Model {
			return nil
		}
		if strings.Contains(m.ID, "image") {
			images = append(images, m.ID)
		}
	}
	slices.Sort(images)
	return easel.Errorf(easel.EINVALID, "openai: the service does not list model %s for this key; it lists %s: use --engine openai:MODEL", c.cfg.Model, cmp.Or(strings.Join(images, ", "), "no image models"))
}

// Package runway renders pictures with Runway's text-to-image API: it
// creates a task (POST /v1/text_to_image), polls it (GET /v1/tasks/{id})
// until it ends, and downloads the output at once, since its URL expires.
// A task left behind by a cancelled render is cancelled (DELETE).
package runway

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/internal/capsfile"
	"github.com/easel-art/easel/engine/internal/httpx"
	"github.com/easel-art/easel/engine/internal/sizes"
)

// Name is the engine's registry name.
const Name = "runway"

// DefaultBaseURL is Runway's API host.
const DefaultBaseURL = "https://api.dev.runwayml.com"

// Config configures a Client.
type Config struct {
	// APIKey is sent as a bearer token (RUNWAYML_API_SECRET).
	APIKey string
	// BaseURL is the API host (EASEL_RUNWAY_URL, default DefaultBaseURL).
	BaseURL string
	// Model is gen4_image (the default) or another text-to-image model.
	Model string
	// PollInterval is the wait between task polls (default 5s, with up to
	// 20% jitter, as Runway asks).
	PollInterval time.Duration
	// PublicFigures is contentModeration.publicFigureThreshold for the gen4
	// models: auto (the default) or low, less strict about recognizable
	// public figures (EASEL_RUNWAY_PUBLIC_FIGURES).
	PublicFigures string
}

// ConfigFromEnv reads RUNWAYML_API_SECRET and EASEL_RUNWAY_URL.
func ConfigFromEnv(getenv func(string) string) Config {
	return Config{APIKey: strings.TrimSpace(getenv("RUNWAYML_API_SECRET")), BaseURL: strings.TrimSpace(getenv("EASEL_RUNWAY_URL")),
		PublicFigures: strings.TrimSpace(getenv("EASEL_RUNWAY_PUBLIC_FIGURES"))}
}

//go:embed capabilities.json
var capsJSON []byte

type modelData struct {
	Name           string   `json:"name"`
	NeedsReference bool     `json:"needs_reference"`
	Ratios         []string `json:"ratios"`
	// MaxPromptUTF16 bounds promptText in UTF-16 code units (gen4), as
	// the API counts; MaxPrompt in characters (others); 0 for none stated.
	MaxPromptUTF16 int `json:"max_prompt_utf16"`
	MaxPrompt      int `json:"max_prompt"`
	// Seed and ContentModeration say whether the model takes those fields.
	Seed              bool `json:"seed"`
	ContentModeration bool `json:"content_moderation"`
	// OutputCounts are the outputCount values the model takes ([1]: the
	// field is not sent); MaxReferences its reference-image limit.
	OutputCounts  []int   `json:"output_counts"`
	MaxReferences int     `json:"max_references"`
	Price720p     float64 `json:"price_720p"`
	Price1080p    float64 `json:"price_1080p"`
}

var data = capsfile.Load[struct {
	DefaultModel string      `json:"default_model"`
	APIVersion   string      `json:"api_version"`
	MaxN         int         `json:"max_n"`
	MaxSeed      int64       `json:"max_seed"`
	Models       []modelData `json:"models"`
}]("runway", capsJSON)

// Client talks to the Runway API.
type Client struct {
	cfg   Config
	http  *http.Client
	base  *url.URL
	svc   httpx.Service
	model modelData
}

var _ easel.Engine = (*Client)(nil)

// New returns a client; it does no I/O. A missing key is an ECONFIG error
// naming RUNWAYML_API_SECRET. hc nil means http.DefaultClient.
func New(cfg Config, hc *http.Client) (*Client, error) {
	if cfg.APIKey == "" {
		return nil, easel.Errorf(easel.ECONFIG, "RUNWAYML_API_SECRET is not set: create a key in the Runway developer portal (https://dev.runwayml.com) and export RUNWAYML_API_SECRET=key_...")
	}
	if cfg.BaseURL == "" {
		cfg.BaseURL = DefaultBaseURL
	}
	base, _, _, err := httpx.BaseURL(cfg.BaseURL, "EASEL_RUNWAY_URL")
	if err != nil {
		return nil, err
	}
	if cfg.Model == "" {
		cfg.Model = data.DefaultModel
	}
	if cfg.PollInterval <= 0 {
		cfg.PollInterval = 5 * time.Second
	}
	c := &Client{cfg: cfg, http: hc, base: base,
		svc: httpx.Service{Name: "Runway", KeyVar: "RUNWAYML_API_SECRET", URLVar: "EASEL_RUNWAY_URL", Endpoint: base.String(), Secrets: []string{cfg.APIKey}}}
	found := false
	var names []string
	for _, m := range data.Models {
		names = append(names, m.Name)
		if m.Name == cfg.Model {
			c.model, found = m, true
		}
	}
	switch {
	case !found:
		return nil, easel.Errorf(easel.EINVALID, "runway has no text-to-image model %q: use one of %s", cfg.Model, strings.Join(names, ", "))
	case c.model.NeedsReference:
		return nil, easel.Errorf(easel.EINVALID, "runway model %s needs a reference image, which easel does not send: use %s", cfg.Model, data.DefaultModel)
	case cfg.PublicFigures != "" && cfg.PublicFigures != "auto" && cfg.PublicFigures != "low":
		return nil, easel.Errorf(easel.EINVALID, "runway: EASEL_RUNWAY_PUBLIC_FIGURES is %q: use auto or low", cfg.PublicFigures)
	case cfg.PublicFigures == "low" && !c.model.ContentModeration:
		return nil, easel.Errorf(easel.EINVALID, "runway model %s takes no contentModeration: unset EASEL_RUNWAY_PUBLIC_FIGURES or use gen4_image", cfg.Model)
	}
	if c.http == nil {
		c.http = http.DefaultClient
	}
	return c, nil
}

// Name returns "runway".
func (c *Client) Name() string { return Name }

// Model returns the model this client renders with.
func (c *Client) Model() string { return c.cfg.Model }

// Capabilities describes the model: fixed output sizes, seeds, no
// negative prompt, one image per task.
func (c *Client) Capabilities() easel.Capabilities {
	caps := easel.Capabilities{Dialect: easel.DialectNatural, Seed: c.model.Seed, MaxN: data.MaxN, DefaultModel: data.DefaultModel, PricePerImage: c.model.Price1080p}
	for _, r := range c.model.Ratios {
		if rr, err := sizes.ParseRatio(r); err == nil {
			caps.Sizes = append(caps.Sizes, easel.Size{Width: rr.W, Height: rr.H})
		}
	}
	for _, m := range data.Models {
		if !m.NeedsReference {
			caps.Models = append(caps.Models, m.Name)
		}
	}
	return caps
}

func (c *Client) price(r sizes.Ratio) float64 {
	if min(r.W, r.H) <= 720 {
		return c.model.Price720p
	}
	return c.model.Price1080p
}

type createRequest struct {
	Model             string      `json:"model"`
	PromptText        string      `json:"promptText"`
	Ratio             string      `json:"ratio"`
	Seed              *int64      `json:"seed,omitempty"`
	OutputCount       int         `json:"outputCount,omitempty"`
	ContentModeration *moderation `json:"contentModeration,omitempty"`
}

type moderation struct {
	PublicFigureThreshold string `json:"publicFigureThreshold"`
}

// utf16Len is the length of s in UTF-16 code units, as Runway counts
// promptText: an emoji is two, an accented letter one.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

type task struct {
	ID          string   `json:"id"`
	Status      string   `json:"status"`
	Progress    *float64 `json:"progress"`
	Output      []string `json:"output"`
	Failure     string   `json:"failure"`
	FailureCode string   `json:"failureCode"`
}

// Render makes req.N images, one task each, image i with seed req.Seed+i.
// The negative prompt is not sent: Runway takes none.
func (c *Client) Render(ctx context.Context, req *easel.RenderRequest) (*easel.RenderResult, error) {
	if err := sizes.Check(Name, c.Capabilities(), req, c.model.MaxPrompt); err != nil {
		return nil, err
	}
	if n := utf16Len(req.Prompt); c.model.MaxPromptUTF16 > 0 && n > c.model.MaxPromptUTF16 {
		return nil, easel.Errorf(easel.EINVALID, "runway %s takes prompts of at most %d characters, counted in UTF-16 code units (an emoji counts two); this one has %d: shorten it", c.cfg.Model, c.model.MaxPromptUTF16, n)
	}
	if req.Model != "" && req.Model != c.cfg.Model {
		return nil, easel.Errorf(easel.EINVALID, "runway: this engine was opened for model %s, not %s: use --engine runway:%s", c.cfg.Model, req.Model, req.Model)
	}
	ratio, err := sizes.NearestRatio(c.model.Ratios, req.Width, req.Height, true)
	if err != nil {
		return nil, fmt.Errorf("runway: %w", err)
	}
	r, _ := sizes.ParseRatio(ratio)
	res := &easel.RenderResult{Model: c.cfg.Model}
	if r.W != req.Width || r.H != req.Height {
		res.Notes = append(res.Notes, fmt.Sprintf("size %dx%d is not offered by Runway: made %dx%d, the closest", req.Width, req.Height, r.W, r.H))
	}
	if c.price(r) == 0 {
		res.Notes = append(res.Notes, fmt.Sprintf("Runway publishes no per-image price for %s in the sources easel was checked against: its cost is not counted", c.cfg.Model))
	}
	// One task makes all the images when the model takes that outputCount;
	// otherwise one task an image.
	tasks, per := req.N, 1
	if req.N > 1 && slices.Contains(c.model.OutputCounts, req.N) {
		tasks, per = 1, req.N
	}
	for i := range tasks {
		seed := (req.Seed + int64(i)) % (data.MaxSeed + 1)
		if seed < 0 {
			seed += data.MaxSeed + 1
		}
		report := func(f float64) {
			if req.Progress != nil {
				req.Progress((float64(i) + min(f, 1)) / float64(tasks))
			}
		}
		cr := createRequest{Model: c.cfg.Model, PromptText: req.Prompt, Ratio: ratio}
		if c.model.Seed {
			cr.Seed = &seed
		}
		if per > 1 {
			cr.OutputCount = per
		}
		if c.cfg.PublicFigures == "low" {
			cr.ContentModeration = &moderation{PublicFigureThreshold: "low"}
		}
		images, size, err := c.one(ctx, cr, per, report)
		if err != nil {
			return nil, err
		}
		for j, pngData := range images {
			im := easel.RenderedImage{PNG: pngData, Seed: seed + int64(j)}
			if !c.model.Seed {
				im.Seed = req.Seed + int64(len(res.Images)) // numbering only
			}
			res.Images = append(res.Images, im)
			res.CostUSD += c.price(r)
		}
		res.Width, res.Height = size.X, size.Y
	}
	return res, nil
}

// one creates a task, waits for it and downloads its n pictures.
func (c *Client) one(ctx context.Context, cr createRequest, n int, report func(float64)) ([][]byte, struct{ X, Y int }, error) {
	var size struct{ X, Y int }
	var created task
	if err := c.call(ctx, http.MethodPost, "/v1/text_to_image", cr, &created); err != nil {
		return nil, size, err
	}
	if created.ID == "" {
		return nil, size, c.svc.BadAnswer("created a task without an id: try again")
	}
	t, err := c.wait(ctx, created.ID, report)
	if err != nil {
		if ctx.Err() != nil {
			c.cancel(ctx, created.ID)
		}
		return nil, size, err
	}
	if len(t.Output) < n {
		return nil, size, c.svc.BadAnswer("finished task %s with %d outputs; %d were asked: try again", t.ID, len(t.Output), n)
	}
	var out [][]byte
	for _, u := range t.Output[:n] {
		raw, err := c.download(ctx, u)
		if err != nil {
			return nil, size, err
		}
		pngData, got, err := c.svc.ToPNG(raw)
		if err != nil {
			return nil, size, err
		}
		size.X, size.Y = got.X, got.Y
		out = append(out, pngData)
	}
	return out, size, nil
}

// wait polls the task until it succeeds or fails. THROTTLED means queued
// behind the account's concurrency limit, which is not an error.
func (c *Client) wait(ctx context.Context, id string, report func(float64)) (*task, error) {
	for {
		var t task
		if err := c.call(ctx, http.MethodGet, "/v1/tasks/"+url.PathEscape(id), nil, &t); err != nil {
			return nil, err
		}
		switch t.Status {
		case "SUCCEEDED":
			report(1)
			return &t, nil
		case "FAILED":
			return nil, c.taskFailure(&t)
		case "CANCELLED":
			return nil, easel.Errorf(easel.EPERMANENT, "Runway task %s was cancelled before it finished", id)
		case "RUNNING":
			if t.Progress != nil && *t.Progress >= 0 {
				report(min(*t.Progress, 0.99))
			}
		}
		// Poll no more often than asked, with jitter so workers spread out.
		d := c.cfg.PollInterval + time.Duration(rand.Int64N(int64(c.cfg.PollInterval)/5+1))
		timer := time.NewTimer(d)
		select {
		case <-ctx.Done():
			timer.Stop()
			return nil, c.svc.Transport(ctx, "runway task", ctx.Err())
		case <-timer.C:
		}
	}
}

// taskFailure classifies a FAILED task by its failureCode: SAFETY codes are
// content refusals, INTERNAL ones transient, the rest permanent.
func (c *Client) taskFailure(t *task) error {
	code := strings.ToUpper(t.FailureCode)
	f := httpx.Failure{Status: http.StatusOK, Message: t.Failure, Code: t.FailureCode}
	switch {
	case strings.Contains(code, "SAFETY") || strings.Contains(code, "MODERATION"):
		f.ContentPolicy = true
		return c.svc.Error(f)
	case strings.HasPrefix(code, "INTERNAL"):
		return &easel.Error{Code: easel.EUNAVAILABLE, Message: fmt.Sprintf("Runway failed to make the picture (%s): try again", strings.TrimSpace(t.Failure+" "+t.FailureCode))}
	}
	return &easel.Error{Code: easel.EPERMANENT, Message: fmt.Sprintf("Runway could not make the picture: %s", strings.TrimSpace(t.Failure+" ("+t.FailureCode+")"))}
}

// cancel asks Runway to stop a task we no longer wait for, so it is not
// left running; it is best effort.
func (c *Client) cancel(ctx context.Context, id string) {
	ctx, done := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer done()
	_ = c.call(ctx, http.MethodDelete, "/v1/tasks/"+url.PathEscape(id), nil, nil)
}

// call sends one authenticated API request and decodes the JSON answer
// into out (if not nil).
func (c *Client) call(ctx context.Context, method, path string, in, out any) error {
	var body *bytes.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return fmt.Errorf("runway %s: %w", path, err)
		}
		body = bytes.NewReader(b)
	}
	var req *http.Request
	var err error
	if body != nil {
		req, err = http.NewRequestWithContext(ctx, method, httpx.Join(c.base, path), body)
	} else {
		req, err = http.NewRequestWithContext(ctx, method, httpx.Join(c.base, path), nil)
	}
	if err != nil {
		return fmt.Errorf("runway %s: %w", path, err)
	}
	req.Header.Set("Authorization", "Bearer "+c.cfg.APIKey)
	req.Header.Set("X-Runway-Version", data.APIVersion)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return c.svc.Transport(ctx, "runway "+path, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return c.failure(resp)
	}
	if out == nil {
		return nil
	}
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		if ctx.Err() != nil {
			return c.svc.Transport(ctx, "runway "+path, ctx.Err())
		}
		return &easel.Error{Code: easel.EUNAVAILABLE, Message: "Runway sent an answer easel cannot read: try again", Err: fmt.Errorf("runway %s: %w", path, err)}
	}
	return nil
}

// failure classifies an error answer: {"error": "..."}.
func (c *Client) failure(resp *http.Response) error {
	body := httpx.ReadError(resp)
	var e struct {
		Error string `json:"error"`
	}
	f := httpx.Failure{Status: resp.StatusCode, Header: resp.Header}
	if json.Unmarshal(body, &e) == nil {
		f.Message = e.Error
	}
	low := strings.ToLower(f.Message)
	f.Quota = strings.Contains(low, "not enough credits") || strings.Contains(low, "insufficient credits")
	return c.svc.Error(f)
}

// download fetches a task's output. The URL is pre-signed, so no
// Authorization header goes with it (storage services reject a second
// credential, and the key must not leave for another host).
func (c *Client) download(ctx context.Context, u string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, c.svc.BadAnswer("sent an unusable output URL: try again")
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, c.svc.Transport(ctx, "runway download", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, c.svc.Error(httpx.Failure{Status: resp.StatusCode, Header: resp.Header, Message: "downloading the picture failed"})
	}
	b, err := httpx.ReadAll(resp.Body, httpx.MaxImage)
	if err != nil {
		return nil, c.svc.Transport(ctx, "runway download", err)
	}
	return b, nil
}

// Check reads the organization's details (GET /v1/organization), which
// needs a valid key and costs nothing.
func (c *Client) Check(ctx context.Context) error {
	return c.call(ctx, http.MethodGet, "/v1/organization", nil, nil)
}

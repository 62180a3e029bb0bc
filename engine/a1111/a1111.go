// Package a1111 renders pictures on an AUTOMATIC1111 or Forge web UI
// through its API (POST /sdapi/v1/txt2img; the server must run with --api).
// It keeps each image's infotext, reports progress from
// /sdapi/v1/progress, and sends HTTP basic auth when EASEL_A1111_URL
// carries a user and password (--api-auth).
package a1111

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/internal/capsfile"
	"github.com/easel-art/easel/engine/internal/httpx"
	"github.com/easel-art/easel/engine/internal/sizes"
)

// Name is the engine's registry name.
const Name = "a1111"

// DefaultURL is where the web UI listens by default.
const DefaultURL = "http://127.0.0.1:7860"

// Config configures a Client.
type Config struct {
	// URL is the web UI's address (EASEL_A1111_URL); a user and password
	// in it (http://user:pass@host:7860) are sent as HTTP basic auth.
	URL string
	// Model is the checkpoint title to switch to for each render (sent as
	// override_settings.sd_model_checkpoint); "" keeps the loaded one.
	Model string
	// Steps, CFGScale, Sampler and Scheduler are used when the request
	// leaves them empty; zero values take capabilities.json's defaults.
	Steps     int
	CFGScale  float64
	Sampler   string
	Scheduler string
	// PollInterval is how often progress is asked for (default 1s).
	PollInterval time.Duration
}

// ConfigFromEnv reads EASEL_A1111_URL.
func ConfigFromEnv(getenv func(string) string) Config {
	return Config{URL: strings.TrimSpace(getenv("EASEL_A1111_URL"))}
}

//go:embed capabilities.json
var capsJSON []byte

var capsData = capsfile.Load[capsfile.SD]("a1111", capsJSON)

// Client talks to one web UI.
type Client struct {
	cfg        Config
	http       *http.Client
	base       *url.URL
	user, pass string
	svc        httpx.Service

	mu          sync.Mutex   // guards checkpoints and loaded
	checkpoints []checkpoint // the server's list, once read
	loaded      string       // the loaded checkpoint's title, once Check has asked
}

var _ easel.Engine = (*Client)(nil)

// New returns a client; it does no I/O. hc nil means http.DefaultClient.
func New(cfg Config, hc *http.Client) (*Client, error) {
	if cfg.URL == "" {
		cfg.URL = DefaultURL
	}
	base, user, pass, err := httpx.BaseURL(cfg.URL, "EASEL_A1111_URL")
	if err != nil {
		return nil, err
	}
	capsData.FillDefaults(&cfg.Steps, &cfg.CFGScale, &cfg.Sampler, &cfg.Scheduler)
	if cfg.PollInterval <= 0 {
		cfg.PollInterval = time.Second
	}
	if hc == nil {
		hc = http.DefaultClient
	}
	return &Client{
		cfg: cfg, http: hc, base: base, user: user, pass: pass,
		svc: httpx.Service{Name: "AUTOMATIC1111", URLVar: "EASEL_A1111_URL", Endpoint: base.String(), Secrets: []string{pass}},
	}, nil
}

// Model returns the checkpoint this client renders with: the configured
// one, else the one the server has loaded (known after Check), else "".
func (c *Client) Model() string {
	if c.cfg.Model != "" {
		return c.cfg.Model
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.loaded
}

// Name returns "a1111".
func (c *Client) Name() string { return Name }

// Capabilities describes the web UI: free sizes in steps of 8, negative
// prompts and seeds, no price. The dialect is sdxl when the checkpoint's
// name says so.
func (c *Client) Capabilities() easel.Capabilities {
	caps := easel.Capabilities{
		Dialect: capsData.Dialect, SizeStep: capsData.SizeStep, MaxN: capsData.MaxN,
		Negative: capsData.Negative, Seed: capsData.Seed, PricePerImage: capsData.PricePerImage,
	}
	if c.cfg.Model != "" {
		caps.Models = []string{c.cfg.Model}
		for _, w := range capsData.SDXLModelWords {
			if strings.Contains(strings.ToLower(c.cfg.Model), w) {
				caps.Dialect = easel.DialectSDXL
			}
		}
	}
	return caps
}

type txt2imgRequest struct {
	Prompt           string         `json:"prompt"`
	NegativePrompt   string         `json:"negative_prompt"`
	Seed             int64          `json:"seed"`
	Steps            int            `json:"steps"`
	CFGScale         float64        `json:"cfg_scale"`
	SamplerName      string         `json:"sampler_name"`
	Scheduler        string         `json:"scheduler"`
	Width            int            `json:"width"`
	Height           int            `json:"height"`
	BatchSize        int            `json:"batch_size"`
	OverrideSettings map[string]any `json:"override_settings,omitempty"`
	// ForceTaskID names the job, so a cancel can ask /internal/progress
	// whether it is the one running before interrupting.
	ForceTaskID string `json:"force_task_id,omitempty"`
}

type txt2imgResponse struct {
	Images []string `json:"images"`
	// Info is a JSON document encoded as a string.
	Info string `json:"info"`
}

// Info is the generation record inside the txt2img answer's info string.
type Info struct {
	Prompt            string   `json:"prompt"`
	NegativePrompt    string   `json:"negative_prompt"`
	Seed              int64    `json:"seed"`
	AllSeeds          []int64  `json:"all_seeds"`
	Width             int      `json:"width"`
	Height            int      `json:"height"`
	SamplerName       string   `json:"sampler_name"`
	CFGScale          float64  `json:"cfg_scale"`
	Steps             int      `json:"steps"`
	SDModelName       string   `json:"sd_model_name"`
	IndexOfFirstImage int      `json:"index_of_first_image"`
	Infotexts         []string `json:"infotexts"`
	Version           string   `json:"version"`
}

// ParseInfo parses txt2img's info field: a JSON object written as a string.
func ParseInfo(s string) (*Info, error) {
	var in Info
	if err := json.Unmarshal([]byte(s), &in); err != nil {
		return nil, fmt.Errorf("parse info: %w", err)
	}
	return &in, nil
}

// Render makes req.N images in one batch; image i gets seed req.Seed+i,
// as A1111 numbers a batch.
func (c *Client) Render(ctx context.Context, req *easel.RenderRequest) (*easel.RenderResult, error) {
	caps := c.Capabilities()
	if err := sizes.Check(Name, caps, req, 0); err != nil {
		return nil, err
	}
	model := c.cfg.Model
	if req.Model != "" {
		model = req.Model
	}
	body := txt2imgRequest{
		Prompt: req.Prompt, NegativePrompt: req.Negative, Seed: req.Seed,
		Steps: c.cfg.Steps, CFGScale: c.cfg.CFGScale, SamplerName: c.cfg.Sampler, Scheduler: c.cfg.Scheduler,
		BatchSize: req.N, ForceTaskID: newTaskID(),
	}
	body.Width, body.Height = sizes.Round(req.Width, req.Height, caps.SizeStep)
	if req.Steps > 0 {
		body.Steps = req.Steps
	}
	if req.CFGScale > 0 {
		body.CFGScale = req.CFGScale
	}
	if req.Sampler != "" {
		body.SamplerName = req.Sampler
	}
	if model != "" {
		// The server silently ignores a checkpoint it does not have and
		// renders with the loaded one: look it up first.
		if err := c.checkModel(ctx, model); err != nil {
			return nil, err
		}
		body.OverrideSettings = map[string]any{"sd_model_checkpoint": model}
	}
	buf, err := json.Marshal(body)
	if err != nil {
		return nil, fmt.Errorf("a1111 txt2img: %w", err)
	}
	hreq, err := http.NewRequestWithContext(ctx, http.MethodPost, httpx.Join(c.base, "/sdapi/v1/txt2img"), bytes.NewReader(buf))
	if err != nil {
		return nil, fmt.Errorf("a1111 txt2img: %w", err)
	}
	hreq.Header.Set("Content-Type", "application/json")
	c.auth(hreq)

	stop := c.watchProgress(ctx, req.Progress)
	resp, err := c.http.Do(hreq)
	stop()
	if err != nil {
		if ctx.Err() != nil {
			// The web UI goes on rendering a job whose caller left; stop it.
			c.interruptTask(ctx, body.ForceTaskID)
		}
		return nil, c.svc.Transport(ctx, "a1111 txt2img", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, c.failure(resp)
	}
	var out txt2imgResponse
	if err := json.NewDecoder(http.MaxBytesReader(nil, resp.Body, int64(req.N+1)*httpx.MaxImage*4/3)).Decode(&out); err != nil {
		if ctx.Err() != nil {
			c.interruptTask(ctx, body.ForceTaskID)
			return nil, c.svc.Transport(ctx, "a1111 txt2img", ctx.Err())
		}
		return nil, &easel.Error{Code: easel.EUNAVAILABLE, Message: "AUTOMATIC1111 sent an answer that was cut short or malformed: try again", Err: fmt.Errorf("a1111 txt2img: %w", err)}
	}
	info, err := ParseInfo(out.Info)
	if err != nil {
		return nil, &easel.Error{Code: easel.EUNAVAILABLE, Message: "AUTOMATIC1111 sent an info field easel cannot read: try again", Err: fmt.Errorf("a1111 txt2img: %w", err)}
	}
	// A grid of the batch may come first; info says where the images start.
	images := out.Images
	if first := info.IndexOfFirstImage; first > 0 && first <= len(images) {
		images = images[first:]
	}
	if len(images) != req.N {
		return nil, c.svc.BadAnswer("sent %d images; %d were asked: try again", len(images), req.N)
	}
	res := &easel.RenderResult{Model: info.SDModelName, Steps: info.Steps, CFGScale: info.CFGScale, Sampler: info.SamplerName}
	if res.Steps == 0 {
		res.Steps, res.CFGScale, res.Sampler = body.Steps, body.CFGScale, body.SamplerName
	}
	if res.Model == "" {
		res.Model = model
	}
	if body.Width != req.Width || body.Height != req.Height {
		res.Notes = append(res.Notes, fmt.Sprintf("size %dx%d rounded to %dx%d: Stable Diffusion works in steps of %d pixels", req.Width, req.Height, body.Width, body.Height, caps.SizeStep))
	}
	for i, b64 := range images {
		raw, err := base64.StdEncoding.DecodeString(b64)
		if err != nil {
			return nil, c.svc.BadAnswer("sent an image that is not base64 (%v): try again", err)
		}
		pngData, got, err := c.svc.ToPNG(raw)
		if err != nil {
			return nil, err
		}
		res.Width, res.Height = got.X, got.Y
		im := easel.RenderedImage{PNG: pngData, Seed: req.Seed + int64(i)}
		if i < len(info.AllSeeds) {
			im.Seed = info.AllSeeds[i]
		}
		// The grid, when there is one, has its own infotext first too.
		if j := i + max(0, info.IndexOfFirstImage); j < len(info.Infotexts) {
			im.Info = info.Infotexts[j]
		}
		res.Images = append(res.Images, im)
	}
	if req.Progress != nil {
		req.Progress(1)
	}
	return res, nil
}

func (c *Client) auth(r *http.Request) {
	if c.user != "" || c.pass != "" {
		r.SetBasicAuth(c.user, c.pass)
	}
}

// failure classifies an error answer. A 404 on an /sdapi route means the
// web UI runs without --api, which is a setup problem, not a bad request.
func (c *Client) failure(resp *http.Response) error {
	body := httpx.ReadError(resp)
	msg := errorMessage(body)
	if resp.StatusCode == http.StatusNotFound && (msg == "" || msg == "Not Found") {
		return easel.Errorf(easel.ECONFIG, "AUTOMATIC1111 at %s has no API: start the web UI with --api, or set EASEL_A1111_URL to one that has", c.base)
	}
	return c.svc.Error(httpx.Failure{Status: resp.StatusCode, Header: resp.Header, Message: msg})
}

// errorMessage reads A1111's error bodies: {"error","detail","body",
// "errors"} from its own handlers, or FastAPI's validation list
// {"detail":[{"loc","msg","type"}]}.
func errorMessage(body []byte) string {
	var e struct {
		Error  string          `json:"error"`
		Detail json.RawMessage `json:"detail"`
		Errors string          `json:"errors"`
	}
	if json.Unmarshal(body, &e) != nil {
		return ""
	}
	var parts []string
	if e.Error != "" {
		parts = append(parts, e.Error)
	}
	var s string
	var list []struct {
		Loc []any  `json:"loc"`
		Msg string `json:"msg"`
	}
	switch {
	case json.Unmarshal(e.Detail, &s) == nil && s != "":
		parts = append(parts, s)
	case json.Unmarshal(e.Detail, &list) == nil:
		for _, d := range list {
			loc := make([]string, len(d.Loc))
			for i, l := range d.Loc {
				loc[i] = fmt.Sprint(l)
			}
			parts = append(parts, strings.Join(loc, ".")+": "+d.Msg)
		}
	}
	if e.Errors != "" && e.Errors != s {
		parts = append(parts, e.Errors)
	}
	return strings.Join(parts, ": ")
}

type progressResponse struct {
	Progress float64 `json:"progress"`
}

// watchProgress polls /sdapi/v1/progress until stop is called, passing
// each new fraction to report. A1111 serves one job at a time, so what it
// reports is the running job's progress, ours once it has started.
func (c *Client) watchProgress(ctx context.Context, report func(float64)) (stop func()) {
	if report == nil {
		return func() {}
	}
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(c.cfg.PollInterval)
		defer t.Stop()
		last := 0.0
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
			p, err := c.progress(ctx)
			if err != nil || p <= last || p > 1 {
				continue
			}
			last = p
			// Stop short of 1: the answer is still to come.
			report(min(p, 0.99))
		}
	}()
	return func() { cancel(); wg.Wait() }
}

func (c *Client) progress(ctx context.Context) (float64, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, httpx.Join(c.base, "/sdapi/v1/progress?skip_current_image=true"), nil)
	if err != nil {
		return 0, err
	}
	c.auth(req)
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("a1111 progress: HTTP %d", resp.StatusCode)
	}
	var p progressResponse
	if err := json.NewDecoder(resp.Body).Decode(&p); err != nil {
		return 0, fmt.Errorf("a1111 progress: %w", err)
	}
	return p.Progress, nil
}

// Check lists the checkpoints, a cheap route that tells an unreachable
// server, a missing --api and a wrong password apart; it refuses a
// configured checkpoint the server does not have and, when none is
// configured, learns the loaded one so Model can name it.
func (c *Client) Check(ctx context.Context) error {
	if _, err := c.listCheckpoints(ctx); err != nil {
		return err
	}
	if c.cfg.Model != "" {
		return c.checkModel(ctx, c.cfg.Model)
	}
	var opts struct {
		Checkpoint string `json:"sd_model_checkpoint"`
	}
	if err := c.get(ctx, "/sdapi/v1/options", &opts); err != nil {
		return err
	}
	c.mu.Lock()
	c.loaded = opts.Checkpoint
	c.mu.Unlock()
	return nil
}

// Package anthropic asks Anthropic's Messages API (POST /v1/messages) to
// answer llm.Requests.
//
// It is a small client of our own rather than the official SDK,
// github.com/anthropics/anthropic-sdk-go/v2. We use one endpoint; the SDK
// brings 56 packages from 18 modules (OpenTelemetry, a JSON-schema
// reflector, YAML, webhooks, ...) and adds about 89 s to a cold build on
// the project's 2-core machines (reference/go-deps.md), and by default it
// retries on its own and reads credentials, profiles and federation
// settings from the process environment, all of which easel must control
// itself. The wire format is small and documented: a JSON request, a JSON
// reply or a stream of server-sent events, and one error envelope.
//
// The client speaks API version 2026-10-21, the current one, as the v2
// SDKs do: the key goes in "Authorization: Bearer KEY" with
// "anthropic-version: 2026-10-21", and only to the configured base URL.
// That version refuses temperature, top_p and top_k, so none is sent.
// Structured output is asked for with output_config.format (json_schema);
// a model that refuses it gets the schema as instructions instead.
package anthropic

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/llm"
)

// Environment variables, as Anthropic's SDKs name them.
const (
	KeyVar = "ANTHROPIC_API_KEY"
	URLVar = "ANTHROPIC_BASE_URL"
)

// DefaultBaseURL is Anthropic's API root (paths start with /v1).
const DefaultBaseURL = "https://api.anthropic.com"

// APIVersion is the anthropic-version header the client speaks.
const APIVersion = "2026-10-21"

// DefaultModel is a current model that writes good prompts quickly. It is
// data: override it with --llm anthropic:MODEL.
const DefaultModel = "claude-sonnet-5-5"

// DefaultMaxTokens is sent when a request sets none: the API requires it.
const DefaultMaxTokens = 4096

// DefaultTimeout bounds one call, streaming included.
const DefaultTimeout = 2 * time.Minute

// Provider registers this package with an llm.Registry.
var Provider = llm.Provider{
	Name:         "anthropic",
	Summary:      "Anthropic's Claude models (Messages API)",
	DefaultModel: DefaultModel,
	KeyVar:       KeyVar,
	URLVar:       URLVar,
	Open: func(model string, getenv func(string) string, hc *http.Client) (llm.Client, error) {
		cfg, err := ConfigFromEnv(getenv)
		if err != nil {
			return nil, err
		}
		if model != "" {
			cfg.Model = model
		}
		cfg.HTTPClient = hc
		return New(cfg)
	},
}

// Config configures a Client.
type Config struct {
	// APIKey is sent as "Authorization: Bearer KEY" to BaseURL only.
	APIKey string
	// BaseURL is the API root, without /v1.
	BaseURL string
	// Model is the model used when a request names none.
	Model string
	// MaxTokens is sent when a request sets none.
	MaxTokens int
	// Timeout bounds one call (DefaultTimeout when 0).
	Timeout time.Duration
	// HTTPClient sends the requests (a plain client when nil).
	HTTPClient *http.Client
}

// DefaultConfig returns the defaults, without a key.
func DefaultConfig() Config {
	return Config{BaseURL: DefaultBaseURL, Model: DefaultModel, MaxTokens: DefaultMaxTokens, Timeout: DefaultTimeout}
}

// ConfigFromEnv returns DefaultConfig with ANTHROPIC_API_KEY and
// ANTHROPIC_BASE_URL applied. A missing key is an ECONFIG error naming the
// variable.
func ConfigFromEnv(getenv func(string) string) (Config, error) {
	cfg := DefaultConfig()
	if u := strings.TrimSpace(getenv(URLVar)); u != "" {
		cfg.BaseURL = u
	}
	cfg.APIKey = strings.TrimSpace(getenv(KeyVar))
	if cfg.APIKey == "" {
		return cfg, llm.MissingKey("Anthropic", KeyVar, "https://platform.claude.com/settings/keys")
	}
	return cfg, nil
}

// Validate reports an ECONFIG error for a missing key or an unusable URL.
func (c Config) Validate() error {
	if c.APIKey == "" {
		return llm.MissingKey("Anthropic", KeyVar, "https://platform.claude.com/settings/keys")
	}
	if !strings.HasPrefix(c.BaseURL, "http://") && !strings.HasPrefix(c.BaseURL, "https://") {
		return easel.Errorf(easel.ECONFIG, "%s %q is not an http(s) URL: write it like https://api.anthropic.com", URLVar, c.BaseURL)
	}
	if c.Model == "" {
		return easel.Errorf(easel.ECONFIG, "no Anthropic model given: use --llm anthropic:MODEL")
	}
	return nil
}

// Client talks to the Messages API. It is safe for concurrent use.
type Client struct {
	cfg  Config
	hc   *http.Client
	base string

	mu sync.Mutex
	// guarded by mu: models that refused output_config.format, and
	// models that refused output_config.effort.
	noSchema map[string]bool
	noEffort map[string]bool
	nowFunc  func() time.Time
}

// New returns a client for cfg. It does no I/O.
func New(cfg Config) (*Client, error) {
	if cfg.BaseURL == "" {
		cfg.BaseURL = DefaultBaseURL
	}
	if cfg.Model == "" {
		cfg.Model = DefaultModel
	}
	if cfg.MaxTokens <= 0 {
		cfg.MaxTokens = DefaultMaxTokens
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	hc := cfg.HTTPClient
	if hc == nil {
		hc = &http.Client{}
	}
	base := strings.TrimRight(cfg.BaseURL, "/")
	// People paste the root with /v1 too; the paths below add it.
	base = strings.TrimSuffix(base, "/v1")
	return &Client{cfg: cfg, hc: hc, base: base, noSchema: map[string]bool{}, noEffort: map[string]bool{}, nowFunc: time.Now}, nil
}

// Name returns "anthropic".
func (c *Client) Name() string { return "anthropic" }

// Model returns the default model.
func (c *Client) Model() string { return c.cfg.Model }

// The wire types of POST /v1/messages.
type (
	wireRequest struct {
		Model        string        `json:"model"`
		MaxTokens    int           `json:"max_tokens"`
		System       string        `json:"system,omitempty"`
		Messages     []wireMessage `json:"messages"`
		Stream       bool          `json:"stream,omitempty"`
		OutputConfig *outputConfig `json:"output_config,omitempty"`
	}
	wireMessage struct {
		Role string `json:"role"`
		// Content is a string, or blocks for a turn with pictures.
		Content any `json:"content"`
	}
	outputConfig struct {
		Format *outputFormat `json:"format,omitempty"`
		Effort string        `json:"effort,omitempty"`
	}
	outputFormat struct {
		Type   string         `json:"type"`
		Schema map[string]any `json:"schema"`
	}
	wireReply struct {
		Type       string      `json:"type"`
		Model      string      `json:"model"`
		Content    []wireBlock `json:"content"`
		StopReason string      `json:"stop_reason"`
		Usage      wireUsage   `json:"usage"`
	}
	wireBlock struct {
		Type string `json:"type"`
		Text string `json:"text"`
	}
	wireUsage struct {
		InputTokens  int `json:"input_tokens"`
		OutputTokens int `json:"output_tokens"`
	}
	wireError struct {
		Type  string `json:"type"`
		Error struct {
			Type    string `json:"type"`
			Message string `json:"message"`
		} `json:"error"`
	}
)

// Chat asks the model; see llm.Client for the error contract.
func (c *Client) Chat(ctx context.Context, req llm.Request) (llm.Response, error) {
	model := req.Model
	if model == "" {
		model = c.cfg.Model
	}
	if len(req.Messages) == 0 {
		return llm.Response{}, easel.Errorf(easel.EINVALID, "anthropic messages: no messages to send")
	}
	format := llm.FormatText
	c.mu.Lock()
	if req.Schema != nil && !c.noSchema[model] {
		format = llm.FormatSchema
	}
	effort := ""
	if TakesEffort(model) && !c.noEffort[model] {
		effort = PromptEffort
	}
	c.mu.Unlock()
	// Each refusal below removes one option, so the loop ends.
	for {
		resp, err := c.call(ctx, model, req, format, effort)
		var he *llm.HTTPError
		if err == nil || !errors.As(err, &he) || he.Status != http.StatusBadRequest {
			return resp, err
		}
		switch {
		case effort != "" && strings.Contains(strings.ToLower(he.Message), "effort"):
			effort = ""
			c.mu.Lock()
			c.noEffort[model] = true
			c.mu.Unlock()
		case format == llm.FormatSchema && refusesFormat(he):
			format = llm.FormatText
			c.mu.Lock()
			c.noSchema[model] = true
			c.mu.Unlock()
		default:
			return resp, err
		}
	}
}

// refusesFormat reports whether a 400 says the model cannot do structured
// output.
func refusesFormat(he *llm.HTTPError) bool {
	m := strings.ToLower(he.Message)
	return strings.Contains(m, "output_config") || strings.Contains(m, "output_format") ||
		strings.Contains(m, "structured output")
}

func (c *Client) call(ctx context.Context, model string, req llm.Request, format llm.Format, effort string) (llm.Response, error) {
	wr := wireRequest{Model: model, MaxTokens: req.MaxTokens, System: req.System, Stream: req.OnToken != nil}
	if wr.MaxTokens <= 0 {
		wr.MaxTokens = c.cfg.MaxTokens
	}
	for _, m := range req.Messages {
		if m.Role != llm.RoleUser && m.Role != llm.RoleAssistant {
			return llm.Response{}, easel.Errorf(easel.EINVALID, "anthropic messages: unknown message role %q", m.Role)
		}
		wr.Messages = append(wr.Messages, wireMessage{Role: string(m.Role), Content: wireContent(m)})
	}
	if effort != "" {
		wr.OutputConfig = &outputConfig{Effort: effort}
	}
	if req.Schema != nil {
		if format == llm.FormatSchema {
			if wr.OutputConfig == nil {
				wr.OutputConfig = &outputConfig{}
			}
			wr.OutputConfig.Format = &outputFormat{Type: "json_schema", Schema: req.Schema}
		} else {
			raw, err := json.Marshal(req.Schema)
			if err != nil {
				return llm.Response{}, fmt.Errorf("anthropic messages: encode schema: %w", err)
			}
			wr.System = strings.TrimSpace(wr.System + "\n\n" + llm.SchemaInstructions(raw))
		}
	}
	body, err := json.Marshal(wr)
	if err != nil {
		return llm.Response{}, fmt.Errorf("anthropic messages: encode request: %w", err)
	}

	cctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	hr, err := c.newRequest(cctx, http.MethodPost, "/v1/messages", body)
	if err != nil {
		return llm.Response{}, err
	}
	if wr.Stream {
		hr.Header.Set("Accept", "text/event-stream")
	}
	res, err := c.hc.Do(hr)
	if err != nil {
		return llm.Response{}, c.transport(ctx, err)
	}
	defer res.Body.Close()
	if res.StatusCode/100 != 2 {
		return llm.Response{}, c.httpError(res, model)
	}
	out := llm.Response{Model: model, Format: format}
	if wr.Stream {
		err = c.readStream(res.Body, &out, req.OnToken)
	} else {
		err = c.readReply(res.Body, &out)
	}
	if err != nil {
		if ctx.Err() != nil || cctx.Err() != nil {
			return llm.Response{}, c.transport(ctx, err)
		}
		return llm.Response{}, err
	}
	if out.FinishReason == "refusal" {
		return llm.Response{}, easel.Errorf(easel.EPERMANENT, "anthropic declined to write this prompt: rephrase the idea")
	}
	return out, nil
}

func (c *Client) newRequest(ctx context.Context, method, path string, body []byte) (*http.Request, error) {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	hr, err := http.NewRequestWithContext(ctx, method, c.base+path, rd)
	if err != nil {
		return nil, easel.Errorf(easel.ECONFIG, "%s %q is not a usable URL: %v", URLVar, c.cfg.BaseURL, err)
	}
	hr.Header.Set("Authorization", "Bearer "+c.cfg.APIKey)
	hr.Header.Set("anthropic-version", APIVersion)
	hr.Header.Set("Accept", "application/json")
	hr.Header.Set("User-Agent", "easel/"+easel.Version)
	if body != nil {
		hr.Header.Set("Content-Type", "application/json")
	}
	return hr, nil
}

func (c *Client) readReply(r io.Reader, out *llm.Response) error {
	var wr wireReply
	if err := json.NewDecoder(io.LimitReader(r, 16<<20)).Decode(&wr); err != nil {
		return llm.BadReply("anthropic", err)
	}
	if wr.Type != "message" {
		return llm.BadReply("anthropic", fmt.Errorf("the reply is a %q, not a message", wr.Type))
	}
	var text strings.Builder
	for _, b := range wr.Content {
		if b.Type == "text" {
			text.WriteString(b.Text)
		}
	}
	out.Text = text.String()
	out.FinishReason = wr.StopReason
	if wr.Model != "" {
		out.Model = wr.Model
	}
	out.Usage = llm.Usage{InputTokens: wr.Usage.InputTokens, OutputTokens: wr.Usage.OutputTokens}
	return nil
}

// readStream reads the server-sent events of a streamed message.
func (c *Client) readStream(r io.Reader, out *llm.Response, onToken func(string)) error {
	var text strings.Builder
	stopped := false
	err := readEvents(r, func(ev event) error {
		switch ev.Name {
		case "message_start":
			var v struct {
				Message wireReply `json:"message"`
			}
			if err := json.Unmarshal(ev.Data, &v); err != nil {
				return llm.BadReply("anthropic", err)
			}
			if v.Message.Model != "" {
				out.Model = v.Message.Model
			}
			out.Usage.InputTokens = v.Message.Usage.InputTokens
		case "content_block_delta":
			var v struct {
				Delta struct {
					Type string `json:"type"`
					Text string `json:"text"`
				} `json:"delta"`
			}
			if err := json.Unmarshal(ev.Data, &v); err != nil {
				return llm.BadReply("anthropic", err)
			}
			if v.Delta.Type == "text_delta" && v.Delta.Text != "" {
				text.WriteString(v.Delta.Text)
				onToken(v.Delta.Text)
			}
		case "message_delta":
			var v struct {
				Delta struct {
					StopReason string `json:"stop_reason"`
				} `json:"delta"`
				Usage wireUsage `json:"usage"`
			}
			if err := json.Unmarshal(ev.Data, &v); err != nil {
				return llm.BadReply("anthropic", err)
			}
			if v.Delta.StopReason != "" {
				out.FinishReason = v.Delta.StopReason
			}
			if v.Usage.OutputTokens > 0 {
				out.Usage.OutputTokens = v.Usage.OutputTokens
			}
		case "message_stop":
			stopped = true
		case "error":
			var we wireError
			if err := json.Unmarshal(ev.Data, &we); err != nil {
				return llm.BadReply("anthropic", err)
			}
			return llm.Classify(&llm.HTTPError{
				Provider: "anthropic", KeyVar: KeyVar, Status: statusOf(we.Error.Type),
				Type: we.Error.Type, Message: llm.Redact(we.Error.Message, c.cfg.APIKey),
			})
		}
		// ping, content_block_start, content_block_stop and event types
		// added later carry nothing easel needs.
		return nil
	})
	if err != nil {
		var ee *easel.Error
		if errors.As(err, &ee) {
			return err
		}
		return llm.BadReply("anthropic", err)
	}
	if !stopped {
		return llm.BadReply("anthropic", errors.New("the stream ended before message_stop"))
	}
	out.Text = text.String()
	return nil
}

// statusOf maps an error type sent inside a stream to the status the same
// error has as a reply, so it is classified alike.
func statusOf(typ string) int {
	switch typ {
	case "invalid_request_error":
		return http.StatusBadRequest
	case "authentication_error":
		return http.StatusUnauthorized
	case "permission_error":
		return http.StatusForbidden
	case "not_found_error":
		return http.StatusNotFound
	case "request_too_large":
		return http.StatusRequestEntityTooLarge
	case "rate_limit_error":
		return http.StatusTooManyRequests
	case "overloaded_error":
		return 529
	}
	return http.StatusInternalServerError
}

func (c *Client) httpError(res *http.Response, model string) error {
	raw, _ := io.ReadAll(io.LimitReader(res.Body, 64<<10))
	he := &llm.HTTPError{
		Provider:   "anthropic",
		KeyVar:     KeyVar,
		Model:      model,
		Status:     res.StatusCode,
		RetryAfter: llm.ParseRetryAfter(res.Header, c.nowFunc()),
	}
	var we wireError
	if json.Unmarshal(raw, &we) == nil && we.Error.Message != "" {
		he.Type = we.Error.Type
		he.Message = we.Error.Message
	} else {
		he.Message = strings.TrimSpace(string(raw))
		if strings.HasPrefix(he.Message, "<") {
			// An HTML page from a proxy says nothing useful.
			he.Message = ""
		}
	}
	he.Message = llm.Redact(he.Message, c.cfg.APIKey)
	return llm.Classify(he)
}

func (c *Client) transport(parent context.Context, err error) error {
	return llm.TransportError(parent, "anthropic", c.base, c.cfg.Timeout, errors.New(llm.Redact(err.Error(), c.cfg.APIKey)))
}

// Check lists one model, which needs a valid key but spends no tokens.
func (c *Client) Check(ctx context.Context) error {
	cctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	hr, err := c.newRequest(cctx, http.MethodGet, "/v1/models?limit=1", nil)
	if err != nil {
		return err
	}
	res, err := c.hc.Do(hr)
	if err != nil {
		return c.transport(ctx, err)
	}
	defer res.Body.Close()
	if res.StatusCode/100 != 2 {
		return c.httpError(res, c.cfg.Model)
	}
	io.Copy(io.Discard, io.LimitReader(res.Body, 1<<20))
	return nil
}

// Interface guards.
var (
	_ llm.Client  = (*Client)(nil)
	_ llm.Checker = (*Client)(nil)
)

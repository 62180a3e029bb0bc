// Package openai asks OpenAI's Chat Completions API, and any server that
// speaks it (Ollama's /v1, llama.cpp's llama-server, vLLM, LM Studio,
// LocalAI, hosted compatible services), to answer llm.Requests.
//
// It is built on the official SDK, github.com/openai/openai-go/v3, with the
// SDK's own retries turned off (retries live in package queue) and without
// the SDK's environment defaults: the key and base URL come from Config,
// which ConfigFromEnv fills from OPENAI_API_KEY and OPENAI_BASE_URL.
//
// Structured output is asked for as response_format json_schema (strict).
// Servers differ: when one refuses json_schema the client falls back to
// json_object and then to plain text, giving the schema to the model as
// instructions, and remembers what worked. When a model refuses a
// temperature (OpenAI's reasoning models accept only the default), the
// call is made again without one.
package openai

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/option"
	"github.com/openai/openai-go/v3/packages/ssestream"
	"github.com/openai/openai-go/v3/shared"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/llm"
)

// Environment variables, as the OpenAI SDKs name them.
const (
	KeyVar = "OPENAI_API_KEY"
	URLVar = "OPENAI_BASE_URL"
)

// DefaultBaseURL is OpenAI's API.
const DefaultBaseURL = "https://api.openai.com/v1"

// DefaultModel is a current, fast and inexpensive model that writes good
// prompts. It is data: override it with --llm openai:MODEL.
const DefaultModel = "gpt-5.4-mini"

// DefaultTimeout bounds one call, streaming included.
const DefaultTimeout = 2 * time.Minute

// Provider registers this package with an llm.Registry.
var Provider = llm.Provider{
	Name:         "openai",
	Summary:      "OpenAI, or any OpenAI-compatible server via OPENAI_BASE_URL",
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
	// BaseURL is the API root, such as https://api.openai.com/v1 or
	// http://127.0.0.1:11434/v1.
	BaseURL string
	// Model is the model used when a request names none.
	Model string
	// Timeout bounds one call (DefaultTimeout when 0).
	Timeout time.Duration
	// HTTPClient sends the requests (a plain client when nil).
	HTTPClient *http.Client
}

// DefaultConfig returns the defaults, without a key.
func DefaultConfig() Config {
	return Config{BaseURL: DefaultBaseURL, Model: DefaultModel, Timeout: DefaultTimeout}
}

// ConfigFromEnv returns DefaultConfig with OPENAI_API_KEY and
// OPENAI_BASE_URL applied. A missing key is an ECONFIG error naming the
// variable; local servers that need no key accept any value.
func ConfigFromEnv(getenv func(string) string) (Config, error) {
	cfg := DefaultConfig()
	if u := strings.TrimSpace(getenv(URLVar)); u != "" {
		cfg.BaseURL = u
	}
	cfg.APIKey = strings.TrimSpace(getenv(KeyVar))
	if cfg.APIKey == "" {
		return cfg, easel.Errorf(easel.ECONFIG,
			"%s is not set: set it to your OpenAI API key (https://platform.openai.com/api-keys) to use --llm openai; "+
				"for a local OpenAI-compatible server that needs no key, set it to any value, such as none", KeyVar)
	}
	return cfg, nil
}

// Validate reports an ECONFIG error for a missing key or an unusable URL.
func (c Config) Validate() error {
	if c.APIKey == "" {
		return llm.MissingKey("OpenAI", KeyVar, "https://platform.openai.com/api-keys")
	}
	if !strings.HasPrefix(c.BaseURL, "http://") && !strings.HasPrefix(c.BaseURL, "https://") {
		return easel.Errorf(easel.ECONFIG, "%s %q is not an http(s) URL: write it like http://127.0.0.1:8080/v1", URLVar, c.BaseURL)
	}
	if c.Model == "" {
		return easel.Errorf(easel.ECONFIG, "no OpenAI model given: use --llm openai:MODEL")
	}
	return nil
}

// Client talks to one Chat Completions endpoint. It is safe for
// concurrent use.
type Client struct {
	cfg    Config
	chat   openai.ChatCompletionService
	models openai.ModelService

	mu sync.Mutex
	// guarded by mu: the strongest format the server accepted, and models
	// that refused a temperature.
	format  llm.Format
	noTemp  map[string]bool
	noLevel map[string]bool // models that refused reasoning_effort
	noUsage bool            // the server refused stream_options
	nowFunc func() time.Time
}

// New returns a client for cfg. It does no I/O.
func New(cfg Config) (*Client, error) {
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.BaseURL == "" {
		cfg.BaseURL = DefaultBaseURL
	}
	if cfg.Model == "" {
		cfg.Model = DefaultModel
	}
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	hc := cfg.HTTPClient
	if hc == nil {
		hc = &http.Client{}
	}
	// NewChatCompletionService, unlike openai.NewClient, reads nothing from
	// the process environment: everything comes from cfg.
	opts := []option.RequestOption{
		option.WithBaseURL(cfg.BaseURL),
		option.WithAPIKey(cfg.APIKey),
		option.WithHTTPClient(hc),
		option.WithMaxRetries(0),
	}
	return &Client{
		cfg:     cfg,
		chat:    openai.NewChatCompletionService(opts...),
		models:  openai.NewModelService(opts...),
		format:  llm.FormatSchema,
		noTemp:  map[string]bool{},
		noLevel: map[string]bool{},
		nowFunc: time.Now,
	}, nil
}

// Name returns "openai".
func (c *Client) Name() string { return "openai" }

// Model returns the default model.
func (c *Client) Model() string { return c.cfg.Model }

// Chat asks the model; see llm.Client for the error contract.
func (c *Client) Chat(ctx context.Context, req llm.Request) (llm.Response, error) {
	model := req.Model
	if model == "" {
		model = c.cfg.Model
	}
	if len(req.Messages) == 0 {
		return llm.Response{}, easel.Errorf(easel.EINVALID, "openai chat: no messages to send")
	}
	c.mu.Lock()
	format := c.format
	temp := req.Temperature
	if c.noTemp[model] {
		temp = nil
	}
	opt := callOptions{reasoning: Reasons(model) && !c.noLevel[model], usage: !c.noUsage}
	c.mu.Unlock()
	if req.Schema == nil {
		format = llm.FormatText
	}
	// Each refusal below removes one option, so the loop ends.
	for {
		resp, err := c.call(ctx, model, req, format, temp, opt)
		if err == nil {
			if req.Schema != nil {
				c.mu.Lock()
				c.format = format
				c.mu.Unlock()
			}
			return resp, nil
		}
		var he *llm.HTTPError
		if !errors.As(err, &he) || (he.Status != http.StatusBadRequest && he.Status != http.StatusUnprocessableEntity) {
			return llm.Response{}, err
		}
		switch {
		case temp != nil && mentions(he, "temperature"):
			temp = nil
			c.mu.Lock()
			c.noTemp[model] = true
			c.mu.Unlock()
		case opt.reasoning && mentions(he, "reasoning_effort"):
			opt.reasoning = false
			c.mu.Lock()
			c.noLevel[model] = true
			c.mu.Unlock()
		case req.OnToken != nil && opt.usage && mentions(he, "stream_options"):
			opt.usage = false
			c.mu.Lock()
			c.noUsage = true
			c.mu.Unlock()
		case req.Schema != nil && format != llm.FormatText && refusesFormat(he):
			if format == llm.FormatSchema {
				format = llm.FormatJSON
			} else {
				format = llm.FormatText
			}
		default:
			return llm.Response{}, err
		}
	}
}

// mentions reports whether a 400 is about the named parameter.
func mentions(he *llm.HTTPError, param string) bool {
	return he.Param == param || strings.Contains(strings.ToLower(he.Message), param)
}

// refusesFormat reports whether a 400 says the server cannot do the
// response_format asked for (LM Studio refuses json_object, older
// llama.cpp builds refused json_schema, some servers refuse both).
func refusesFormat(he *llm.HTTPError) bool {
	if strings.HasPrefix(he.Param, "response_format") {
		return true
	}
	m := strings.ToLower(he.Message)
	for _, s := range []string{"response_format", "json_schema", "json_object", "grammar"} {
		if strings.Contains(m, s) {
			return true
		}
	}
	return false
}

func (c *Client) call(ctx context.Context, model string, req llm.Request, format llm.Format, temp *float64, opt callOptions) (llm.Response, error) {
	params, err := buildParams(model, req, format, temp)
	if err != nil {
		return llm.Response{}, err
	}
	opt.apply(&params, req)
	cctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	var httpResp *http.Response
	out := llm.Response{Format: format, Model: model}
	if req.OnToken == nil {
		cc, err := c.chat.New(cctx, params, option.WithResponseInto(&httpResp))
		if err != nil {
			return out, c.classify(ctx, model, httpResp, err)
		}
		if len(cc.Choices) == 0 {
			return out, llm.BadReply("openai", errors.New("the reply has no choices"))
		}
		if r := cc.Choices[0].Message.Refusal; r != "" {
			return out, refusal(r)
		}
		out.Text = cc.Choices[0].Message.Content
		out.FinishReason = cc.Choices[0].FinishReason
		if cc.Model != "" {
			out.Model = cc.Model
		}
		out.Usage = llm.Usage{InputTokens: int(cc.Usage.PromptTokens), OutputTokens: int(cc.Usage.CompletionTokens)}
		return out, nil
	}

	stream := c.chat.NewStreaming(cctx, params, option.WithResponseInto(&httpResp))
	defer stream.Close()
	var text, refused strings.Builder
	chunks := 0
	for stream.Next() {
		ch := stream.Current()
		chunks++
		if ch.Model != "" {
			out.Model = ch.Model
		}
		if ch.Usage.CompletionTokens > 0 || ch.Usage.PromptTokens > 0 {
			out.Usage = llm.Usage{InputTokens: int(ch.Usage.PromptTokens), OutputTokens: int(ch.Usage.CompletionTokens)}
		}
		for _, choice := range ch.Choices {
			if choice.Index != 0 {
				continue
			}
			if d := choice.Delta.Content; d != "" {
				text.WriteString(d)
				req.OnToken(d)
			}
			refused.WriteString(choice.Delta.Refusal)
			if choice.FinishReason != "" {
				out.FinishReason = choice.FinishReason
			}
		}
	}
	if err := stream.Err(); err != nil {
		return out, c.classify(ctx, model, httpResp, err)
	}
	if refused.Len() > 0 {
		return out, refusal(refused.String())
	}
	if chunks == 0 || out.FinishReason == "" {
		// A stream that stops without a finish reason was cut off.
		return out, llm.BadReply("openai", errors.New("the stream ended before the reply was finished"))
	}
	out.Text = text.String()
	return out, nil
}

// buildParams maps a request onto Chat Completions fields. Only what is
// set is sent, because compatible servers reject fields they do not know.
func buildParams(model string, req llm.Request, format llm.Format, temp *float64) (openai.ChatCompletionNewParams, error) {
	p := openai.ChatCompletionNewParams{Model: shared.ChatModel(model)}
	system := req.System
	if req.Schema != nil && format != llm.FormatSchema {
		raw, err := json.Marshal(req.Schema)
		if err != nil {
			return p, fmt.Errorf("openai chat: encode schema: %w", err)
		}
		system = strings.TrimSpace(system + "\n\n" + llm.SchemaInstructions(raw))
	}
	if system != "" {
		p.Messages = append(p.Messages, openai.SystemMessage(system))
	}
	for _, m := range req.Messages {
		switch m.Role {
		case llm.RoleUser:
			p.Messages = append(p.Messages, userMessage(m))
		case llm.RoleAssistant:
			p.Messages = append(p.Messages, openai.AssistantMessage(m.Content))
		default:
			return p, easel.Errorf(easel.EINVALID, "openai chat: unknown message role %q", m.Role)
		}
	}
	switch {
	case req.Schema == nil:
	case format == llm.FormatSchema:
		name := req.SchemaName
		if name == "" {
			name = "reply"
		}
		p.ResponseFormat = openai.ChatCompletionNewParamsResponseFormatUnion{
			OfJSONSchema: &shared.ResponseFormatJSONSchemaParam{
				JSONSchema: shared.ResponseFormatJSONSchemaJSONSchemaParam{
					Name:   name,
					Schema: req.Schema,
					Strict: openai.Bool(true),
				},
			},
		}
	case format == llm.FormatJSON:
		p.ResponseFormat = openai.ChatCompletionNewParamsResponseFormatUnion{
			OfJSONObject: &shared.ResponseFormatJSONObjectParam{},
		}
	}
	if req.Seed != nil {
		p.Seed = openai.Int(*req.Seed)
	}
	if temp != nil {
		p.Temperature = openai.Float(*temp)
	}
	if req.MaxTokens > 0 {
		p.MaxCompletionTokens = openai.Int(int64(req.MaxTokens))
	}
	return p, nil
}

// classify turns an SDK error into easel's codes. httpResp is the reply,
// when one arrived.
func (c *Client) classify(parent context.Context, model string, httpResp *http.Response, err error) error {
	var apiErr *openai.Error
	if errors.As(err, &apiErr) {
		he := &llm.HTTPError{
			Provider: "openai",
			KeyVar:   KeyVar,
			Model:    model,
			Status:   apiErr.StatusCode,
			Type:     apiErr.Type,
			Code:     apiErr.Code,
			Param:    apiErr.Param,
			Message:  llm.Redact(apiErr.Message, c.cfg.APIKey),
		}
		if he.Message == "" {
			he.Message = llm.Redact(messageFromRaw(apiErr.RawJSON()), c.cfg.APIKey)
		}
		if apiErr.Response != nil {
			he.RetryAfter = llm.ParseRetryAfter(apiErr.Response.Header, c.nowFunc())
		}
		return llm.Classify(he)
	}
	var streamErr *ssestream.StreamError
	if errors.As(err, &streamErr) {
		e := easel.Errorf(easel.EUNAVAILABLE, "openai failed while writing the reply: %s",
			llm.Redact(streamErrorMessage(streamErr.Event.Data), c.cfg.APIKey))
		e.Err = errors.New(llm.Redact(streamErr.Error(), c.cfg.APIKey))
		return e
	}
	if parent.Err() != nil || errors.Is(err, context.DeadlineExceeded) || httpResp == nil {
		return llm.TransportError(parent, "openai", c.cfg.BaseURL, c.cfg.Timeout, errors.New(llm.Redact(err.Error(), c.cfg.APIKey)))
	}
	return llm.BadReply("openai", errors.New(llm.Redact(err.Error(), c.cfg.APIKey)))
}

// messageFromRaw digs a message out of an error body the SDK could not
// map (llama.cpp sends a numeric code, some proxies a bare string).
func messageFromRaw(raw string) string {
	var v struct {
		Message string `json:"message"`
		Error   any    `json:"error"`
	}
	if json.Unmarshal([]byte(raw), &v) != nil {
		return ""
	}
	if v.Message != "" {
		return v.Message
	}
	switch e := v.Error.(type) {
	case string:
		return e
	case map[string]any:
		if m, ok := e["message"].(string); ok {
			return m
		}
	}
	return ""
}

// streamErrorMessage returns the message of an error event in a stream.
func streamErrorMessage(data []byte) string {
	if m := messageFromRaw(string(data)); m != "" {
		return m
	}
	return "an error event without a message"
}

// Check lists the server's models, which needs a valid key but spends no
// tokens.
func (c *Client) Check(ctx context.Context) error {
	cctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	var httpResp *http.Response
	if _, err := c.models.List(cctx, option.WithResponseInto(&httpResp)); err != nil {
		return c.classify(ctx, c.cfg.Model, httpResp, err)
	}
	return nil
}

// Interface guards.
var (
	_ llm.Client  = (*Client)(nil)
	_ llm.Checker = (*Client)(nil)
)

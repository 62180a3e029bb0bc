// Package ollama asks a local Ollama server to answer llm.Requests through
// its native API, POST /api/chat: the JSON schema goes in "format" (Ollama
// constrains the model's output to it), the seed in options.seed, and
// replies stream as NDJSON.
//
// It is a small client of our own: the wire format is a few JSON fields,
// while the github.com/ollama/ollama module would pull the whole Ollama
// repository into the module graph and tie easel's minimum Go version to
// Ollama's. Ollama needs no key: nothing secret is sent.
//
// OLLAMA_HOST is read as Ollama itself reads it: "host", "host:port" or a
// full URL, default http://127.0.0.1:11434.
package ollama

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/llm"
)

// URLVar is the environment variable Ollama uses for its address.
const URLVar = "OLLAMA_HOST"

// DefaultHost is where Ollama listens by default.
const DefaultHost = "http://127.0.0.1:11434"

// DefaultModel is a small, widely pulled model that supports structured
// output. It is data: override it with --llm ollama:MODEL.
const DefaultModel = "llama3.2"

// DefaultTimeout bounds one call. It is generous because Ollama may first
// have to load the model into memory.
const DefaultTimeout = 5 * time.Minute

// Provider registers this package with an llm.Registry.
var Provider = llm.Provider{
	Name:         "ollama",
	Summary:      "a local Ollama server (native /api/chat)",
	DefaultModel: DefaultModel,
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
	// Host is the server's base URL, such as http://127.0.0.1:11434.
	Host string
	// Model is the model used when a request names none.
	Model string
	// Timeout bounds one call (DefaultTimeout when 0).
	Timeout time.Duration
	// HTTPClient sends the requests (a plain client when nil).
	HTTPClient *http.Client
}

// DefaultConfig returns the defaults.
func DefaultConfig() Config {
	return Config{Host: DefaultHost, Model: DefaultModel, Timeout: DefaultTimeout}
}

// ConfigFromEnv returns DefaultConfig with OLLAMA_HOST applied. Ollama has
// no key, so nothing is missing; an unusable OLLAMA_HOST is ECONFIG.
func ConfigFromEnv(getenv func(string) string) (Config, error) {
	cfg := DefaultConfig()
	if h := strings.TrimSpace(getenv(URLVar)); h != "" {
		u, err := ParseHost(h)
		if err != nil {
			return cfg, err
		}
		cfg.Host = u.String()
	}
	return cfg, nil
}

// ParseHost reads an OLLAMA_HOST value the way Ollama does: a scheme is
// optional (http by default), so is the port (11434 by default, or 80 and
// 443 when the scheme is given), and a path is kept for servers behind a
// proxy. An empty value is the default host.
func ParseHost(s string) (*url.URL, error) {
	s = strings.TrimSpace(s)
	scheme, hostport, ok := strings.Cut(s, "://")
	defaultPort := "11434"
	switch {
	case !ok:
		scheme, hostport = "http", s
	case scheme == "http":
		defaultPort = "80"
	case scheme == "https":
		defaultPort = "443"
	default:
		return nil, easel.Errorf(easel.ECONFIG, "%s %q has scheme %q: use http or https, or just host:port", URLVar, s, scheme)
	}
	hostport, path, _ := strings.Cut(hostport, "/")
	host, port, err := net.SplitHostPort(hostport)
	if err != nil {
		host, port = "127.0.0.1", defaultPort
		if ip := net.ParseIP(strings.Trim(hostport, "[]")); ip != nil {
			host = ip.String()
		} else if hostport != "" {
			host = hostport
		}
	}
	if host == "" {
		host = "127.0.0.1"
	}
	n, err := strconv.Atoi(port)
	if err != nil || n < 1 || n > 65535 || strings.Trim(port, "0123456789") != "" {
		return nil, easel.Errorf(easel.ECONFIG, "%s %q has an invalid port: write it like 127.0.0.1:11434", URLVar, s)
	}
	port = strconv.Itoa(n)
	if net.ParseIP(host) == nil && !isHostName(host) {
		return nil, easel.Errorf(easel.ECONFIG, "%s %q is not a host name: write it like 127.0.0.1:11434", URLVar, s)
	}
	u := &url.URL{Scheme: scheme, Host: net.JoinHostPort(host, port)}
	if path = strings.Trim(path, "/"); path != "" {
		u.Path = "/" + path
	}
	return u, nil
}

// isHostName reports whether s is made of the letters, digits, dots,
// hyphens and underscores of a DNS name.
func isHostName(s string) bool {
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '-', r == '_':
		default:
			return false
		}
	}
	return s != ""
}

// Validate reports an ECONFIG error for an unusable host or no model.
func (c Config) Validate() error {
	u, err := url.Parse(c.Host)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return easel.Errorf(easel.ECONFIG, "%s %q is not a usable address: write it like 127.0.0.1:11434", URLVar, c.Host)
	}
	if c.Model == "" {
		return easel.Errorf(easel.ECONFIG, "no Ollama model given: use --llm ollama:MODEL")
	}
	return nil
}

// Client talks to one Ollama server. It is safe for concurrent use.
type Client struct {
	cfg  Config
	hc   *http.Client
	base string

	mu sync.Mutex
	// guarded by mu: models that refused "think" or a schema format.
	noThink  map[string]bool
	noSchema map[string]bool
}

// New returns a client for cfg. It does no I/O.
func New(cfg Config) (*Client, error) {
	if cfg.Host == "" {
		cfg.Host = DefaultHost
	}
	if cfg.Model == "" {
		cfg.Model = DefaultModel
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
	return &Client{
		cfg: cfg, hc: hc, base: strings.TrimRight(cfg.Host, "/"),
		noThink: map[string]bool{}, noSchema: map[string]bool{},
	}, nil
}

// Name returns "ollama".
func (c *Client) Name() string { return "ollama" }

// Model returns the default model.
func (c *Client) Model() string { return c.cfg.Model }

// The wire types of POST /api/chat.
type (
	wireRequest struct {
		Model    string          `json:"model"`
		Messages []wireMessage   `json:"messages"`
		Stream   bool            `json:"stream"`
		Format   json.RawMessage `json:"format,omitempty"`
		Options  *wireOptions    `json:"options,omitempty"`
		Think    *bool           `json:"think,omitempty"`
	}
	wireMessage struct {
		Role    string   `json:"role"`
		Content string   `json:"content"`
		Images  []string `json:"images,omitempty"`
	}
	wireOptions struct {
		Seed        *int64   `json:"seed,omitempty"`
		Temperature *float64 `json:"temperature,omitempty"`
		NumPredict  int      `json:"num_predict,omitempty"`
	}
	wireReply struct {
		Model   string `json:"model"`
		Message struct {
			Role    string `json:"role"`
			Content string `json:"content"`
		} `json:"message"`
		Done            bool   `json:"done"`
		DoneReason      string `json:"done_reason"`
		PromptEvalCount int    `json:"prompt_eval_count"`
		EvalCount       int    `json:"eval_count"`
		Error           string `json:"error"`
	}
)

// Chat asks the model; see llm.Client for the error contract.
func (c *Client) Chat(ctx context.Context, req llm.Request) (llm.Response, error) {
	model := req.Model
	if model == "" {
		model = c.cfg.Model
	}
	if len(req.Messages) == 0 {
		return llm.Response{}, easel.Errorf(easel.EINVALID, "ollama chat: no messages to send")
	}
	c.mu.Lock()
	think := !c.noThink[model]
	format := llm.FormatText
	if req.Schema != nil {
		format = llm.FormatSchema
		if c.noSchema[model] {
			format = llm.FormatJSON
		}
	}
	c.mu.Unlock()
	// Each refusal below removes one option, so the loop ends.
	for {
		resp, err := c.call(ctx, model, req, format, think)
		var he *llm.HTTPError
		if err == nil || !errors.As(err, &he) || he.Status != http.StatusBadRequest {
			return resp, err
		}
		m := strings.ToLower(he.Message)
		switch {
		case think && strings.Contains(m, "think"):
			// Ollama takes "think": false from any model (server/routes.go
			// refuses only true or a level on a model that cannot think),
			// but an older server or a proxy may refuse the field itself.
			think = false
			c.mu.Lock()
			c.noThink[model] = true
			c.mu.Unlock()
		case format == llm.FormatSchema && strings.Contains(m, "format"):
			format = llm.FormatJSON
			c.mu.Lock()
			c.noSchema[model] = true
			c.mu.Unlock()
		case format == llm.FormatJSON && strings.Contains(m, "format"):
			format = llm.FormatText
		default:
			return resp, err
		}
	}
}

func (c *Client) call(ctx context.Context, model string, req llm.Request, format llm.Format, think bool) (llm.Response, error) {
	wr := wireRequest{Model: model, Stream: req.OnToken != nil}
	system := req.System
	switch {
	case req.Schema == nil:
	case format == llm.FormatSchema:
		raw, err := json.Marshal(req.Schema)
		if err != nil {
			return llm.Response{}, fmt.Errorf("ollama chat: encode schema: %w", err)
		}
		wr.Format = raw
		// Ollama's docs advise also asking for JSON in words, or the model
		// may pad the reply with whitespace.
		system = strings.TrimSpace(system + "\n\nAnswer in JSON.")
	default:
		raw, err := json.Marshal(req.Schema)
		if err != nil {
			return llm.Response{}, fmt.Errorf("ollama chat: encode schema: %w", err)
		}
		if format == llm.FormatJSON {
			wr.Format = json.RawMessage(`"json"`)
		}
		system = strings.TrimSpace(system + "\n\n" + llm.SchemaInstructions(raw))
	}
	if system != "" {
		wr.Messages = append(wr.Messages, wireMessage{Role: "system", Content: system})
	}
	for _, m := range req.Messages {
		if m.Role != llm.RoleUser && m.Role != llm.RoleAssistant {
			return llm.Response{}, easel.Errorf(easel.EINVALID, "ollama chat: unknown message role %q", m.Role)
		}
		wr.Messages = append(wr.Messages, wireMessage{Role: string(m.Role), Content: m.Content, Images: wireImages(m)})
	}
	if req.Seed != nil || req.Temperature != nil || req.MaxTokens > 0 {
		wr.Options = &wireOptions{Seed: req.Seed, Temperature: req.Temperature, NumPredict: req.MaxTokens}
	}
	if think {
		// Prompt writing needs no visible reasoning, and thinking slows
		// replies down.
		f := false
		wr.Think = &f
	}
	body, err := json.Marshal(wr)
	if err != nil {
		return llm.Response{}, fmt.Errorf("ollama chat: encode request: %w", err)
	}

	cctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	hr, err := http.NewRequestWithContext(cctx, http.MethodPost, c.base+"/api/chat", bytes.NewReader(body))
	if err != nil {
		return llm.Response{}, easel.Errorf(easel.ECONFIG, "%s %q is not a usable address: %v", URLVar, c.cfg.Host, err)
	}
	hr.Header.Set("Content-Type", "application/json")
	hr.Header.Set("Accept", "application/x-ndjson")
	hr.Header.Set("User-Agent", "easel/"+easel.Version)
	res, err := c.hc.Do(hr)
	if err != nil {
		return llm.Response{}, llm.TransportError(ctx, "ollama", c.base, c.cfg.Timeout, err)
	}
	defer res.Body.Close()
	if res.StatusCode/100 != 2 {
		return llm.Response{}, c.httpError(res, model)
	}
	out := llm.Response{Model: model, Format: format}
	if err := c.read(res.Body, &out, req.OnToken); err != nil {
		if ctx.Err() != nil || cctx.Err() != nil {
			return llm.Response{}, llm.TransportError(ctx, "ollama", c.base, c.cfg.Timeout, err)
		}
		return llm.Response{}, err
	}
	return out, nil
}

// read reads a reply: one JSON object, or NDJSON lines when streaming.
func (c *Client) read(r io.Reader, out *llm.Response, onToken func(string)) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
	var text strings.Builder
	done := false
	for sc.Scan() {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var wr wireReply
		if err := json.Unmarshal(line, &wr); err != nil {
			return llm.BadReply("ollama", err)
		}
		if wr.Error != "" {
			// An error in the middle of a stream keeps status 200.
			e := easel.Errorf(easel.EUNAVAILABLE, "ollama failed while writing the reply: %s", wr.Error)
			e.Err = &llm.HTTPError{Provider: "ollama", Status: http.StatusOK, Message: wr.Error}
			return e
		}
		if wr.Model != "" {
			out.Model = wr.Model
		}
		if s := wr.Message.Content; s != "" {
			text.WriteString(s)
			if onToken != nil {
				onToken(s)
			}
		}
		if wr.Done {
			done = true
			out.FinishReason = wr.DoneReason
			out.Usage = llm.Usage{InputTokens: wr.PromptEvalCount, OutputTokens: wr.EvalCount}
			break
		}
	}
	if err := sc.Err(); err != nil {
		return llm.BadReply("ollama", err)
	}
	if !done {
		return llm.BadReply("ollama", errors.New("the reply ended before it was done"))
	}
	out.Text = text.String()
	return nil
}

func (c *Client) httpError(res *http.Response, model string) error {
	raw, _ := io.ReadAll(io.LimitReader(res.Body, 64<<10))
	he := &llm.HTTPError{
		Provider:     "ollama",
		Model:        model,
		Status:       res.StatusCode,
		RetryAfter:   llm.ParseRetryAfter(res.Header, time.Now()),
		NotFoundHint: "run: ollama pull " + model,
	}
	var v struct {
		Error string `json:"error"`
	}
	if json.Unmarshal(raw, &v) == nil && v.Error != "" {
		he.Message = v.Error
	} else if s := strings.TrimSpace(string(raw)); !strings.HasPrefix(s, "<") {
		he.Message = s
	}
	return llm.Classify(he)
}

// Check asks the server which models it has and reports ECONFIG when the
// client's model is not among them.
func (c *Client) Check(ctx context.Context) error {
	cctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	hr, err := http.NewRequestWithContext(cctx, http.MethodGet, c.base+"/api/tags", nil)
	if err != nil {
		return easel.Errorf(easel.ECONFIG, "%s %q is not a usable address: %v", URLVar, c.cfg.Host, err)
	}
	res, err := c.hc.Do(hr)
	if err != nil {
		return llm.TransportError(ctx, "ollama", c.base, 30*time.Second, err)
	}
	defer res.Body.Close()
	if res.StatusCode/100 != 2 {
		return c.httpError(res, c.cfg.Model)
	}
	var tags struct {
		Models []struct {
			Name  string `json:"name"`
			Model string `json:"model"`
		} `json:"models"`
	}
	if err := json.NewDecoder(io.LimitReader(res.Body, 16<<20)).Decode(&tags); err != nil {
		return llm.BadReply("ollama", err)
	}
	want := c.cfg.Model
	if !strings.Contains(want, ":") {
		want += ":latest"
	}
	for _, m := range tags.Models {
		if m.Name == want || m.Model == want || m.Name == c.cfg.Model {
			return nil
		}
	}
	return easel.Errorf(easel.ECONFIG, "ollama at %s has no model %q: run: ollama pull %s", c.base, c.cfg.Model, c.cfg.Model)
}

// Interface guards.
var (
	_ llm.Client  = (*Client)(nil)
	_ llm.Checker = (*Client)(nil)
)

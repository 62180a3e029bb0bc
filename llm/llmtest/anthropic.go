package llmtest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/easel-art/easel/llm"
)

// AnthropicVersion is the API version the fake speaks, the current one.
const AnthropicVersion = "2026-10-21"

// Anthropic fakes the Messages API (POST /v1/messages) and GET /v1/models
// at API version 2026-10-21: the key as a bearer token, no sampling
// parameters, structured output through output_config.format, no
// assistant prefill, and the API's error envelope and statuses.
type Anthropic struct {
	*Fake
	// RefuseSchema answers 400 to output_config.format, as a model without
	// structured outputs does.
	RefuseSchema bool
	// Models is what GET /v1/models lists.
	Models []string
}

// EffortModel reports whether model takes output_config.effort and thinks
// before it answers (the models anthropic-sdk-go lists from Opus 4.5 and
// Sonnet 4.6 on). Their thinking counts against max_tokens.
func EffortModel(model string) bool {
	for _, p := range []string{"claude-opus-4-5", "claude-opus-4-6", "claude-opus-4-7", "claude-opus-4-8",
		"claude-sonnet-4-6", "claude-sonnet-5", "claude-fable-5", "claude-mythos"} {
		if strings.HasPrefix(model, p) {
			return true
		}
	}
	return false
}

// thinkingTokens is how much an effort model thinks about a prompt-sized
// question at each effort (high when none is given).
var thinkingTokens = map[string]int{"low": 300, "medium": 1500, "high": 6000, "xhigh": 12000, "max": 24000}

// NewAnthropic starts a fake that accepts key as its API key.
func NewAnthropic(t testing.TB, key string) *Anthropic {
	a := &Anthropic{Models: []string{"claude-sonnet-5-5", "test-model"}}
	mux := http.NewServeMux()
	mux.HandleFunc("/v1/messages", a.messages)
	mux.HandleFunc("/v1/models", a.models)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		a.reject("unknown path %s %s", r.Method, r.URL.Path)
		anthropicError(w, http.StatusNotFound, "not_found_error", "Not found", "")
	})
	a.Fake = newFake(t, key, mux)
	return a
}

// BaseURL is what ANTHROPIC_BASE_URL is set to for this fake.
func (a *Anthropic) BaseURL() string { return a.Server.URL }

func anthropicError(w http.ResponseWriter, status int, typ, msg, retryAfter string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("request-id", "req_fake")
	if retryAfter != "" {
		w.Header().Set("Retry-After", retryAfter)
	}
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]any{
		"type":       "error",
		"error":      map[string]any{"type": typ, "message": msg},
		"request_id": "req_fake",
	})
}

// headers checks the headers every request carries; it reports whether to
// go on.
func (a *Anthropic) headers(w http.ResponseWriter, r *http.Request) bool {
	if v := r.Header.Get("anthropic-version"); v != AnthropicVersion {
		a.reject("anthropic-version %q, want %q", v, AnthropicVersion)
		anthropicError(w, http.StatusBadRequest, "invalid_request_error",
			fmt.Sprintf("anthropic-version: %q is not a valid version", v), "")
		return false
	}
	if r.Header.Get("X-Api-Key") != "" {
		a.reject("the key was also sent in x-api-key")
	}
	auth := r.Header.Get("Authorization")
	if auth == "" {
		a.reject("no Authorization header")
		anthropicError(w, http.StatusUnauthorized, "authentication_error", "missing authentication credentials", "")
		return false
	}
	if auth != "Bearer "+a.Key {
		anthropicError(w, http.StatusUnauthorized, "authentication_error", "invalid authentication credentials", "")
		return false
	}
	return true
}

func (a *Anthropic) models(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		a.reject("%s /v1/models", r.Method)
		anthropicError(w, http.StatusMethodNotAllowed, "invalid_request_error", "Method not allowed", "")
		return
	}
	if !a.headers(w, r) {
		return
	}
	var data []map[string]any
	for _, m := range a.Models {
		data = append(data, map[string]any{"type": "model", "id": m, "display_name": m, "created_at": "2026-10-21T00:00:00Z"})
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{"data": data, "has_more": false, "first_id": a.Models[0], "last_id": a.Models[len(a.Models)-1]})
}

// anthropicParams are the top-level fields of a Messages request at
// 2026-10-21; temperature, top_p and top_k are no longer among them.
var anthropicParams = []string{
	"model", "max_tokens", "messages", "system", "stop_sequences", "stream", "metadata",
	"output_config", "thinking", "tool_choice", "tools", "service_tier", "container",
	"inference_geo", "cache_control", "speed", "diagnostics", "mcp_servers", "context_management",
}

func (a *Anthropic) messages(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		a.reject("%s /v1/messages", r.Method)
		anthropicError(w, http.StatusMethodNotAllowed, "invalid_request_error", "Method not allowed", "")
		return
	}
	if !a.headers(w, r) {
		return
	}
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		a.reject("Content-Type %q", ct)
		anthropicError(w, http.StatusBadRequest, "invalid_request_error", "content-type must be application/json", "")
		return
	}
	body, err := readJSON(r)
	if err != nil {
		a.reject("%v", err)
		anthropicError(w, http.StatusBadRequest, "invalid_request_error", "There was an issue with your request body: invalid JSON", "")
		return
	}
	call, msg := a.parse(body)
	call.Method, call.Path, call.Header, call.Body = r.Method, r.URL.Path, r.Header.Clone(), body
	if msg != "" {
		if !call.quirk {
			a.reject("%s", msg)
		}
		anthropicError(w, http.StatusBadRequest, "invalid_request_error", msg, "")
		return
	}
	a.answer(w, r, call, a.next(call))
}

// parse checks a request body as the API does; a non-empty msg is the
// invalid_request_error the real service would send.
func (a *Anthropic) parse(body map[string]any) (c Call, msg string) {
	for _, k := range []string{"temperature", "top_p", "top_k"} {
		if _, ok := body[k]; ok {
			return c, fmt.Sprintf("%s: is not supported in API version %s", k, AnthropicVersion)
		}
	}
	if bad := unknownKeys(body, anthropicParams...); len(bad) > 0 {
		return c, fmt.Sprintf("%s: Extra inputs are not permitted", bad[0])
	}
	model, _ := body["model"].(string)
	if model == "" {
		return c, "model: Field required"
	}
	c.Model = model
	mt, ok := intOf(body["max_tokens"])
	if !ok {
		return c, "max_tokens: Field required"
	}
	if mt < 1 {
		return c, "max_tokens: Input should be greater than or equal to 1"
	}
	c.MaxTokens = int(mt)
	switch s := body["system"].(type) {
	case nil:
	case string:
		c.System = s
	case []any:
		for i, b := range s {
			bm, _ := b.(map[string]any)
			text, ok := bm["text"].(string)
			if bm["type"] != "text" || !ok {
				return c, fmt.Sprintf("system.%d: Input should be a text block", i)
			}
			c.System += text
		}
	default:
		return c, "system: Input should be a valid string or list of text blocks"
	}
	msgs, ok := body["messages"].([]any)
	if !ok || len(msgs) == 0 {
		return c, "messages: at least one message is required"
	}
	for i, m := range msgs {
		mm, _ := m.(map[string]any)
		role, _ := mm["role"].(string)
		var content string
		var images []llm.Image
		switch x := mm["content"].(type) {
		case string:
			content = x
		case []any:
			for k, b := range x {
				bm, _ := b.(map[string]any)
				if t, ok := bm["text"].(string); ok && bm["type"] == "text" {
					content += t
				}
				if bm["type"] == "image" {
					img, msg := anthropicImageBlock(bm, fmt.Sprintf("messages.%d.content.%d.image", i, k))
					if msg != "" {
						return c, msg
					}
					images = append(images, img)
				}
			}
		default:
			return c, fmt.Sprintf("messages.%d.content: Field required", i)
		}
		if strings.TrimSpace(content) == "" {
			return c, fmt.Sprintf("messages.%d: all messages must have non-empty content", i)
		}
		switch role {
		case "user", "assistant":
		case "system":
			return c, fmt.Sprintf("messages.%d.role: Unexpected role \"system\". The Messages API accepts a top-level `system` parameter, not \"system\" as an input message role.", i)
		default:
			return c, fmt.Sprintf("messages.%d.role: Input should be 'user' or 'assistant'", i)
		}
		if i == 0 && role != "user" {
			return c, "messages: first message must use the \"user\" role"
		}
		if i > 0 && len(c.Messages) > 0 && string(c.Messages[len(c.Messages)-1].Role) == role {
			return c, "messages: roles must alternate between \"user\" and \"assistant\""
		}
		c.Messages = append(c.Messages, llm.Message{Role: llm.Role(role), Content: content, Images: images})
	}
	if c.Messages[len(c.Messages)-1].Role == llm.RoleAssistant {
		return c, "Prefilling assistant messages is not supported for this model."
	}
	c.Format = llm.FormatText
	if oc, ok := body["output_config"]; ok {
		ocm, ok := oc.(map[string]any)
		if !ok {
			return c, "output_config: Input should be an object"
		}
		for k := range ocm {
			if k != "format" && k != "effort" {
				return c, fmt.Sprintf("output_config.%s: Extra inputs are not permitted", k)
			}
		}
		if e, ok := ocm["effort"]; ok {
			if _, known := thinkingTokens[fmt.Sprint(e)]; !known {
				return c, "output_config.effort: Input should be 'low', 'medium', 'high', 'xhigh' or 'max'"
			}
			if !EffortModel(model) {
				c.quirk = true
				return c, fmt.Sprintf("output_config.effort: effort is not supported by model %s", model)
			}
		}
		if f, ok := ocm["format"]; ok {
			fm, _ := f.(map[string]any)
			if fm["type"] != "json_schema" {
				return c, "output_config.format.type: Input should be 'json_schema'"
			}
			schema, ok := fm["schema"].(map[string]any)
			if !ok {
				return c, "output_config.format.schema: Field required"
			}
			if a.RefuseSchema {
				c.quirk = true
				return c, fmt.Sprintf("output_config.format: structured outputs are not supported by model %s", model)
			}
			if p := strictSchemaProblem(schema, "output_config.format.schema"); p != "" {
				return c, "output_config.format.schema: invalid JSON schema: " + p
			}
			c.Format = llm.FormatSchema
			c.Schema = toPlain(schema).(map[string]any)
		}
	}
	if v, ok := body["stream"]; ok {
		s, ok := v.(bool)
		if !ok {
			return c, "stream: Input should be a valid boolean"
		}
		c.Stream = s
	}
	return c, ""
}

func (a *Anthropic) answer(w http.ResponseWriter, r *http.Request, c Call, rep Reply) {
	switch rep.Kind {
	case RateLimit:
		w.Header().Set("anthropic-ratelimit-requests-limit", "50")
		w.Header().Set("anthropic-ratelimit-requests-remaining", "0")
		anthropicError(w, http.StatusTooManyRequests, "rate_limit_error",
			"This request would exceed the rate limit for your organization of 50 requests per minute.", rep.RetryAfter)
	case Quota:
		anthropicError(w, http.StatusBadRequest, "invalid_request_error",
			"Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.", "")
	case ServerError:
		anthropicError(w, http.StatusInternalServerError, "api_error", "Internal server error", rep.RetryAfter)
	case Overloaded:
		anthropicError(w, 529, "overloaded_error", "Overloaded", rep.RetryAfter)
	case Malformed:
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"id":"msg_broken","type":"message","content":[{"type":"te`))
	case BadRequest:
		anthropicError(w, http.StatusBadRequest, "invalid_request_error",
			"prompt is too long: 210000 tokens > 200000 maximum", "")
	case NotFound:
		anthropicError(w, http.StatusNotFound, "not_found_error", "model: "+c.Model, "")
	case StreamError:
		if !c.Stream {
			anthropicError(w, http.StatusInternalServerError, "api_error", "Internal server error", "")
			return
		}
		w.Header().Set("Content-Type", "text/event-stream")
		a.sse(w, "message_start", a.start(c))
		a.sse(w, "content_block_start", map[string]any{"type": "content_block_start", "index": 0, "content_block": map[string]any{"type": "text", "text": ""}})
		a.sse(w, "content_block_delta", map[string]any{"type": "content_block_delta", "index": 0, "delta": map[string]any{"type": "text_delta", "text": "A half"}})
		a.sse(w, "error", map[string]any{"type": "error", "error": map[string]any{"type": "overloaded_error", "message": "Overloaded"}})
	case Slow:
		wait(r, rep)
		if r.Context().Err() != nil {
			return
		}
		a.ok(w, c, rep.Text)
	default:
		a.ok(w, c, rep.Text)
	}
}

func (a *Anthropic) start(c Call) map[string]any {
	return map[string]any{"type": "message_start", "message": map[string]any{
		"id": "msg_fake", "type": "message", "role": "assistant", "model": c.Model, "content": []any{},
		"stop_reason": nil, "stop_sequence": nil, "stop_details": nil,
		"usage": map[string]any{"input_tokens": 25, "output_tokens": 1},
	}}
}

func (a *Anthropic) ok(w http.ResponseWriter, c Call, text string) {
	// An effort model thinks first (omitted from the reply, counted in
	// output_tokens); a max_tokens it spends whole leaves no text.
	stop, out := "end_turn", len(strings.Fields(text))
	if EffortModel(c.Model) {
		effort := "high"
		if oc, ok := c.Body["output_config"].(map[string]any); ok && oc["effort"] != nil {
			effort = fmt.Sprint(oc["effort"])
		}
		out += thinkingTokens[effort]
		if out > c.MaxTokens {
			stop, out, text = "max_tokens", c.MaxTokens, ""
		}
	}
	if !c.Stream {
		content := []any{}
		if text != "" {
			content = append(content, map[string]any{"type": "text", "text": text})
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{
			"id": "msg_fake", "type": "message", "role": "assistant", "model": c.Model,
			"content":     content,
			"stop_reason": stop, "stop_sequence": nil, "stop_details": nil,
			"usage": map[string]any{"input_tokens": 25, "output_tokens": out},
		})
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	a.sse(w, "message_start", a.start(c))
	a.sse(w, "content_block_start", map[string]any{"type": "content_block_start", "index": 0, "content_block": map[string]any{"type": "text", "text": ""}})
	a.sse(w, "ping", map[string]any{"type": "ping"})
	for _, p := range Pieces(text) {
		a.sse(w, "content_block_delta", map[string]any{"type": "content_block_delta", "index": 0, "delta": map[string]any{"type": "text_delta", "text": p}})
	}
	a.sse(w, "content_block_stop", map[string]any{"type": "content_block_stop", "index": 0})
	a.sse(w, "message_delta", map[string]any{"type": "message_delta",
		"delta": map[string]any{"stop_reason": stop, "stop_sequence": nil},
		"usage": map[string]any{"output_tokens": out}})
	a.sse(w, "message_stop", map[string]any{"type": "message_stop"})
}

func (a *Anthropic) sse(w http.ResponseWriter, name string, data any) {
	fmt.Fprintf(w, "event: %s\ndata: %s\n\n", name, mustJSON(data))
	if f, ok := w.(http.Flusher); ok {
		f.Flush()
	}
}

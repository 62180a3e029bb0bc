package llmtest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/easel-art/easel/llm"
)

// OpenAI fakes the Chat Completions API (POST /v1/chat/completions) and
// GET /v1/models, as api.openai.com answers them. The Refuse fields make it
// behave like compatible servers that lack a feature.
type OpenAI struct {
	*Fake
	// RefuseSchema answers 400 to response_format json_schema, as older
	// llama.cpp builds did.
	RefuseSchema bool
	// RefuseJSONObject answers 400 to response_format json_object, as LM
	// Studio does.
	RefuseJSONObject bool
	// RefuseTemperature answers 400 to any temperature but 1 for every
	// model; OpenAI's reasoning models (gpt-5, o-series) always do.
	RefuseTemperature bool
	// Models is what GET /v1/models lists.
	Models []string
}

// NewOpenAI starts a fake that accepts key as its API key.
func NewOpenAI(t testing.TB, key string) *OpenAI {
	o := &OpenAI{Models: []string{"gpt-5.4-mini", "test-model"}}
	mux := http.NewServeMux()
	mux.HandleFunc("/v1/chat/completions", o.chat)
	mux.HandleFunc("/v1/models", o.models)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		o.reject("unknown path %s %s", r.Method, r.URL.Path)
		openaiError(w, http.StatusNotFound, "invalid_request_error", "", "",
			fmt.Sprintf("Invalid URL (%s %s)", r.Method, r.URL.Path), "")
	})
	o.Fake = newFake(t, key, mux)
	return o
}

// Reasoning reports whether model is one of OpenAI's reasoning models: they
// take reasoning_effort, refuse a temperature other than 1, and spend
// hidden reasoning tokens out of max_completion_tokens.
func Reasoning(model string) bool {
	for _, p := range []string{"gpt-5", "o1", "o3", "o4"} {
		if strings.HasPrefix(model, p) {
			return true
		}
	}
	return false
}

// reasoningTokens is how much a reasoning model thinks at each effort
// (medium when none is asked for), for prompt-sized questions.
var reasoningTokens = map[string]int{"none": 0, "minimal": 16, "low": 192, "medium": 1024, "high": 4096, "xhigh": 8192, "max": 16384}

// BaseURL is what OPENAI_BASE_URL is set to for this fake.
func (o *OpenAI) BaseURL() string { return o.Server.URL + "/v1" }

func openaiError(w http.ResponseWriter, status int, typ, code, param, msg, retryAfter string) {
	w.Header().Set("Content-Type", "application/json")
	if retryAfter != "" {
		w.Header().Set("Retry-After", retryAfter)
	}
	body := map[string]any{"error": map[string]any{
		"message": msg, "type": typ, "param": nilIfEmpty(param), "code": nilIfEmpty(code),
	}}
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(body)
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// auth checks the bearer key as OpenAI does; it reports whether to go on.
func (o *OpenAI) auth(w http.ResponseWriter, r *http.Request) bool {
	h := r.Header.Get("Authorization")
	if h == "" {
		o.reject("no Authorization header")
		openaiError(w, http.StatusUnauthorized, "invalid_request_error", "", "",
			"You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).", "")
		return false
	}
	if h != "Bearer "+o.Key {
		// The real service names the key it was given, masked.
		got := strings.TrimPrefix(h, "Bearer ")
		masked := got
		if len(got) > 8 {
			masked = got[:3] + strings.Repeat("*", 4) + got[len(got)-4:]
		}
		openaiError(w, http.StatusUnauthorized, "invalid_request_error", "invalid_api_key", "",
			"Incorrect API key provided: "+masked+". You can find your API key at https://platform.openai.com/account/api-keys.", "")
		return false
	}
	return true
}

func (o *OpenAI) models(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		o.reject("%s /v1/models", r.Method)
		openaiError(w, http.StatusMethodNotAllowed, "invalid_request_error", "", "", "Method not allowed", "")
		return
	}
	if !o.auth(w, r) {
		return
	}
	var data []map[string]any
	for _, m := range o.Models {
		data = append(data, map[string]any{"id": m, "object": "model", "created": 1767225600, "owned_by": "openai"})
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{"object": "list", "data": data})
}

var schemaName = regexp.MustCompile(`^[a-zA-Z0-9_-]{1,64}$`)

// openaiParams are the request fields Chat Completions knows; any other is
// refused with "Unrecognized request argument supplied".
var openaiParams = []string{
	"model", "messages", "response_format", "temperature", "top_p", "n", "stop",
	"max_completion_tokens", "max_tokens", "stream", "stream_options", "seed",
	"frequency_penalty", "presence_penalty", "logprobs", "top_logprobs", "logit_bias",
	"user", "tools", "tool_choice", "parallel_tool_calls", "reasoning_effort", "metadata",
	"store", "service_tier", "modalities", "prediction", "audio", "verbosity",
	"web_search_options", "prompt_cache_key", "safety_identifier", "prompt_cache_retention",
}

func (o *OpenAI) chat(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		o.reject("%s /v1/chat/completions", r.Method)
		openaiError(w, http.StatusMethodNotAllowed, "invalid_request_error", "", "", "Method not allowed", "")
		return
	}
	if !o.auth(w, r) {
		return
	}
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		o.reject("Content-Type %q", ct)
		openaiError(w, http.StatusBadRequest, "invalid_request_error", "", "", "Unsupported content type: "+ct, "")
		return
	}
	body, err := readJSON(r)
	if err != nil {
		o.reject("%v", err)
		openaiError(w, http.StatusBadRequest, "invalid_request_error", "", "",
			"We could not parse the JSON body of your request.", "")
		return
	}
	call, status, param, msg := o.parse(body)
	call.Method, call.Path, call.Header, call.Body = r.Method, r.URL.Path, r.Header.Clone(), body
	if status != 0 {
		if call.quirk {
			// A server quirk, not a client mistake.
			openaiError(w, status, "invalid_request_error", "unsupported_value", param, msg, "")
			return
		}
		o.reject("%s", msg)
		openaiError(w, status, "invalid_request_error", "", param, msg, "")
		return
	}
	if len(o.Models) > 0 && !slices.Contains(o.Models, call.Model) {
		// As api.openai.com answers a model it does not serve (or this key
		// may not use): a person's typo, not a client bug, so not rejected.
		openaiError(w, http.StatusNotFound, "invalid_request_error", "model_not_found", "",
			fmt.Sprintf("The model `%s` does not exist or you do not have access to it.", call.Model), "")
		return
	}
	rep := o.next(call)
	o.answer(w, r, call, rep)
}

// parse checks a request body as the API does and decodes it. A non-zero
// status is the refusal the real service would send.
func (o *OpenAI) parse(body map[string]any) (c Call, status int, param, msg string) {
	if bad := unknownKeys(body, openaiParams...); len(bad) > 0 {
		return c, 400, bad[0], fmt.Sprintf("Unrecognized request argument supplied: %s", bad[0])
	}
	model, _ := body["model"].(string)
	if model == "" {
		return c, 400, "model", "you must provide a model parameter"
	}
	c.Model = model
	msgs, ok := body["messages"].([]any)
	if !ok || len(msgs) == 0 {
		return c, 400, "messages", "[] is too short - 'messages'"
	}
	for i, m := range msgs {
		mm, ok := m.(map[string]any)
		if !ok {
			return c, 400, fmt.Sprintf("messages[%d]", i), fmt.Sprintf("Invalid type for 'messages[%d]': expected an object", i)
		}
		role, _ := mm["role"].(string)
		content, ok := mm["content"].(string)
		var images []llm.Image
		if parts, isParts := mm["content"].([]any); isParts && role == "user" {
			var msg string
			content, images, msg = openAIParts(parts, i)
			if msg != "" {
				return c, 400, fmt.Sprintf("messages[%d].content", i), msg
			}
			ok = true
		}
		if !ok {
			return c, 400, fmt.Sprintf("messages[%d].content", i), fmt.Sprintf("Invalid type for 'messages[%d].content': expected a string", i)
		}
		switch role {
		case "system", "developer":
			if c.System != "" {
				c.System += "\n\n"
			}
			c.System += content
		case "user":
			c.Messages = append(c.Messages, llm.Message{Role: llm.RoleUser, Content: content, Images: images})
		case "assistant":
			c.Messages = append(c.Messages, llm.Message{Role: llm.RoleAssistant, Content: content})
		default:
			return c, 400, fmt.Sprintf("messages[%d].role", i), fmt.Sprintf("Invalid value: '%s'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'.", role)
		}
	}
	c.Format = llm.FormatText
	if rf, ok := body["response_format"]; ok {
		rfm, ok := rf.(map[string]any)
		if !ok {
			return c, 400, "response_format", "Invalid type for 'response_format': expected an object"
		}
		switch rfm["type"] {
		case "text":
		case "json_object":
			c.Format = llm.FormatJSON
			if o.RefuseJSONObject {
				c.quirk = true
				return c, 400, "response_format", "'response_format.type' must be 'json_schema' or 'text'"
			}
			if !strings.Contains(strings.ToLower(c.System+fmt.Sprint(c.Messages)), "json") {
				return c, 400, "messages", "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'."
			}
		case "json_schema":
			c.Format = llm.FormatSchema
			if o.RefuseSchema {
				c.quirk = true
				return c, 400, "response_format", "Invalid value: 'json_schema'. Supported values are: 'text' and 'json_object'."
			}
			js, ok := rfm["json_schema"].(map[string]any)
			if !ok {
				return c, 400, "response_format.json_schema", "Missing required parameter: 'response_format.json_schema'."
			}
			name, _ := js["name"].(string)
			if !schemaName.MatchString(name) {
				return c, 400, "response_format.json_schema.name", fmt.Sprintf("Invalid 'response_format.json_schema.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.")
			}
			schema, ok := js["schema"].(map[string]any)
			if !ok {
				return c, 400, "response_format.json_schema.schema", "Invalid type for 'response_format.json_schema.schema': expected an object"
			}
			if strict, _ := js["strict"].(bool); strict {
				if p := strictSchemaProblem(schema, "()"); p != "" {
					return c, 400, "response_format", fmt.Sprintf("Invalid schema for response_format '%s': %s.", name, p)
				}
			}
			c.Schema = toPlain(schema).(map[string]any)
		default:
			return c, 400, "response_format.type", fmt.Sprintf("Invalid value: '%v'. Supported values are: 'json_object', 'json_schema', and 'text'.", rfm["type"])
		}
	}
	if v, ok := body["temperature"]; ok {
		t, ok := floatOf(v)
		if !ok || t < 0 || t > 2 {
			return c, 400, "temperature", fmt.Sprintf("Invalid 'temperature': decimal above maximum value. Expected a value <= 2, but got %v instead.", v)
		}
		if (o.RefuseTemperature || Reasoning(model)) && t != 1 {
			c.quirk = true
			return c, 400, "temperature", fmt.Sprintf("Unsupported value: 'temperature' does not support %v with this model. Only the default (1) value is supported.", v)
		}
		c.Temperature = &t
	}
	if v, ok := body["seed"]; ok {
		s, ok := intOf(v)
		if !ok {
			return c, 400, "seed", "Invalid type for 'seed': expected an integer"
		}
		c.Seed = &s
	}
	for _, k := range []string{"max_completion_tokens", "max_tokens"} {
		if v, ok := body[k]; ok {
			n, ok := intOf(v)
			if !ok || n < 1 {
				return c, 400, k, fmt.Sprintf("Invalid '%s': integer below minimum value. Expected a value >= 1.", k)
			}
			c.MaxTokens = int(n)
		}
	}
	if v, ok := body["stream"]; ok {
		s, ok := v.(bool)
		if !ok {
			return c, 400, "stream", "Invalid type for 'stream': expected a boolean"
		}
		c.Stream = s
	}
	if _, ok := body["stream_options"]; ok && !c.Stream {
		return c, 400, "stream_options", "The 'stream_options' parameter is only allowed when 'stream' is enabled."
	}
	if v, ok := body["reasoning_effort"]; ok {
		e, _ := v.(string)
		if _, known := reasoningTokens[e]; !known {
			return c, 400, "reasoning_effort", fmt.Sprintf("Invalid value: '%v'. Supported values are: 'none', 'minimal', 'low', 'medium', 'high', 'xhigh' and 'max'.", v)
		}
		if !Reasoning(model) {
			c.quirk = true // a model that does not reason, not a client mistake
			return c, 400, "reasoning_effort", "Unsupported parameter: 'reasoning_effort' is not supported with this model."
		}
	}
	return c, 0, "", ""
}

func (o *OpenAI) answer(w http.ResponseWriter, r *http.Request, c Call, rep Reply) {
	switch rep.Kind {
	case RateLimit:
		w.Header().Set("x-ratelimit-limit-requests", "500")
		w.Header().Set("x-ratelimit-remaining-requests", "0")
		w.Header().Set("x-ratelimit-reset-requests", "7s")
		openaiError(w, http.StatusTooManyRequests, "requests", "rate_limit_exceeded", "",
			"Rate limit reached for "+c.Model+" on requests per min (RPM): Limit 500, Used 500, Requested 1. Please try again in 7s.", rep.RetryAfter)
	case Quota:
		openaiError(w, http.StatusTooManyRequests, "insufficient_quota", "insufficient_quota", "",
			"You exceeded your current quota, please check your plan and billing details.", "")
	case ServerError:
		openaiError(w, http.StatusInternalServerError, "server_error", "", "",
			"The server had an error while processing your request. Sorry about that!", rep.RetryAfter)
	case Overloaded:
		openaiError(w, http.StatusServiceUnavailable, "server_error", "", "",
			"The engine is currently overloaded, please try again later", rep.RetryAfter)
	case Malformed:
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"id":"chatcmpl-broken","choices":[{"index":0,"message":{"role":"assis`))
	case BadRequest:
		openaiError(w, http.StatusBadRequest, "invalid_request_error", "context_length_exceeded", "messages",
			"This model's maximum context length is 128000 tokens. However, your messages resulted in 130000 tokens.", "")
	case NotFound:
		openaiError(w, http.StatusNotFound, "invalid_request_error", "model_not_found", "",
			fmt.Sprintf("The model `%s` does not exist or you do not have access to it.", c.Model), "")
	case StreamError:
		if !c.Stream {
			openaiError(w, http.StatusInternalServerError, "server_error", "", "", "The server had an error while processing your request.", "")
			return
		}
		w.Header().Set("Content-Type", "text/event-stream")
		o.sseChunk(w, c, map[string]any{"role": "assistant", "content": ""}, nil)
		o.sseChunk(w, c, map[string]any{"content": "A half"}, nil)
		fmt.Fprintf(w, "data: %s\n\n", `{"error":{"message":"The server had an error while processing your request.","type":"server_error","param":null,"code":null}}`)
	case Refusal:
		o.reply(w, c, "", rep.Text)
	case Slow:
		wait(r, rep)
		if r.Context().Err() != nil {
			return
		}
		o.ok(w, c, rep.Text)
	default:
		o.ok(w, c, rep.Text)
	}
}

// thinking returns the hidden reasoning tokens a call spends and whether
// they, with the answer, leave the reply cut at max_completion_tokens.
func thinking(c Call, text string) (reasoning int, cut bool) {
	if !Reasoning(c.Model) {
		return 0, false
	}
	effort, _ := c.Body["reasoning_effort"].(string)
	if effort == "" {
		effort = "medium"
	}
	reasoning = reasoningTokens[effort]
	return reasoning, c.MaxTokens > 0 && reasoning+len(strings.Fields(text)) > c.MaxTokens
}

func (o *OpenAI) ok(w http.ResponseWriter, c Call, text string) { o.reply(w, c, text, "") }

// reply answers text, or refused as a refusal; a reasoning model whose
// budget is spent on thinking answers nothing, finish_reason "length".
func (o *OpenAI) reply(w http.ResponseWriter, c Call, text, refused string) {
	reasoning, cut := thinking(c, text)
	finish := "stop"
	if cut {
		text, finish = "", "length"
	}
	out := len(strings.Fields(text+" "+refused)) + reasoning
	if cut {
		out = c.MaxTokens
	}
	usage := map[string]any{"prompt_tokens": 20, "completion_tokens": out, "total_tokens": 20 + out,
		"completion_tokens_details": map[string]any{"reasoning_tokens": min(reasoning, out)}}
	if c.Stream {
		w.Header().Set("Content-Type", "text/event-stream")
		w.Header().Set("Cache-Control", "no-cache")
		o.sseChunk(w, c, map[string]any{"role": "assistant", "content": ""}, nil)
		for _, p := range Pieces(text) {
			o.sseChunk(w, c, map[string]any{"content": p}, nil)
		}
		for _, p := range Pieces(refused) {
			o.sseChunk(w, c, map[string]any{"refusal": p}, nil)
		}
		o.sseChunk(w, c, map[string]any{}, finish)
		// Usage comes only when asked for, in a last chunk without choices.
		if so, ok := c.Body["stream_options"].(map[string]any); ok && so["include_usage"] == true {
			fmt.Fprintf(w, "data: %s\n\n", mustJSON(map[string]any{
				"id": "chatcmpl-fake", "object": "chat.completion.chunk", "created": time.Now().Unix(),
				"model": c.Model, "choices": []any{}, "usage": usage,
			}))
		}
		fmt.Fprint(w, "data: [DONE]\n\n")
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{
		"id": "chatcmpl-fake", "object": "chat.completion", "created": time.Now().Unix(), "model": c.Model,
		"system_fingerprint": "fp_fake",
		"choices": []any{map[string]any{
			"index":         0,
			"message":       map[string]any{"role": "assistant", "content": nilIfEmpty(text), "refusal": nilIfEmpty(refused), "annotations": []any{}},
			"logprobs":      nil,
			"finish_reason": finish,
		}},
		"usage": usage,
	})
}

func (o *OpenAI) sseChunk(w http.ResponseWriter, c Call, delta map[string]any, finish any) {
	fmt.Fprintf(w, "data: %s\n\n", mustJSON(map[string]any{
		"id": "chatcmpl-fake", "object": "chat.completion.chunk", "created": time.Now().Unix(),
		"model": c.Model, "system_fingerprint": "fp_fake",
		"choices": []any{map[string]any{"index": 0, "delta": delta, "logprobs": nil, "finish_reason": finish}},
	}))
	if f, ok := w.(http.Flusher); ok {
		f.Flush()
	}
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

package llmtest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/easel-art/easel/llm"
)

// Ollama fakes Ollama's native API: POST /api/chat (one JSON object, or
// NDJSON when streaming, which is Ollama's default) and GET /api/tags.
type Ollama struct {
	*Fake
	// NoThinking makes the model one without a thinking mode: as
	// server/routes.go's ChatHandler, it answers 400 to think true or a
	// level ("low", "medium", "high", "max") and takes think false.
	NoThinking bool
	// Models is what GET /api/tags lists.
	Models []string
}

// NewOllama starts a fake Ollama server.
func NewOllama(t testing.TB) *Ollama {
	o := &Ollama{Models: []string{"llama3.2:latest", "test-model:latest"}}
	mux := http.NewServeMux()
	mux.HandleFunc("/api/chat", o.chat)
	mux.HandleFunc("/api/tags", o.tags)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/" {
			w.Write([]byte("Ollama is running"))
			return
		}
		o.reject("unknown path %s %s", r.Method, r.URL.Path)
		http.NotFound(w, r)
	})
	o.Fake = newFake(t, "", mux)
	return o
}

// BaseURL is what OLLAMA_HOST is set to for this fake.
func (o *Ollama) BaseURL() string { return o.Server.URL }

func ollamaError(w http.ResponseWriter, status int, msg, retryAfter string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	if retryAfter != "" {
		w.Header().Set("Retry-After", retryAfter)
	}
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error": msg})
}

func (o *Ollama) tags(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		o.reject("%s /api/tags", r.Method)
		ollamaError(w, http.StatusMethodNotAllowed, "method not allowed", "")
		return
	}
	var ms []map[string]any
	for _, m := range o.Models {
		ms = append(ms, map[string]any{"name": m, "model": m, "modified_at": "2026-10-01T00:00:00Z", "size": 2019393189,
			"digest": "a80c4f17acd5", "details": map[string]any{"format": "gguf", "family": "llama", "parameter_size": "3.2B", "quantization_level": "Q4_K_M"}})
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	json.NewEncoder(w).Encode(map[string]any{"models": ms})
}

// ollamaParams are the fields /api/chat reads. Ollama ignores others, so
// the fake fails the test for them rather than answering 400.
var ollamaParams = []string{
	"model", "messages", "stream", "format", "keep_alive", "tools", "options", "think",
	"truncate", "shift", "logprobs", "top_logprobs",
}

var ollamaOptions = []string{
	"seed", "temperature", "num_predict", "top_k", "top_p", "min_p", "typical_p", "repeat_last_n",
	"repeat_penalty", "presence_penalty", "frequency_penalty", "stop", "num_keep", "num_ctx",
	"num_batch", "num_gpu", "main_gpu", "use_mmap", "num_thread",
}

func (o *Ollama) chat(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		o.reject("%s /api/chat", r.Method)
		ollamaError(w, http.StatusMethodNotAllowed, "method not allowed", "")
		return
	}
	if r.Header.Get("Authorization") != "" {
		o.reject("an Authorization header was sent to Ollama")
	}
	body, err := readJSON(r)
	if err != nil {
		o.reject("%v", err)
		ollamaError(w, http.StatusBadRequest, "invalid character in request body", "")
		return
	}
	c, msg := o.parse(body)
	c.Method, c.Path, c.Header, c.Body = r.Method, r.URL.Path, r.Header.Clone(), body
	if msg != "" {
		if !c.quirk {
			o.reject("%s", msg)
		}
		ollamaError(w, http.StatusBadRequest, msg, "")
		return
	}
	o.answer(w, r, c, o.next(c))
}

func (o *Ollama) parse(body map[string]any) (c Call, msg string) {
	if bad := unknownKeys(body, ollamaParams...); len(bad) > 0 {
		// Ollama would ignore it; a client sending it has a bug.
		o.reject("unknown field %q", bad[0])
	}
	model, _ := body["model"].(string)
	if model == "" {
		return c, "model is required"
	}
	c.Model = model
	msgs, ok := body["messages"].([]any)
	if !ok {
		return c, "messages is required"
	}
	for i, m := range msgs {
		mm, _ := m.(map[string]any)
		role, _ := mm["role"].(string)
		content, ok := mm["content"].(string)
		if !ok {
			return c, fmt.Sprintf("messages[%d]: content must be a string", i)
		}
		switch role {
		case "system":
			c.System += content
		case "user", "assistant":
			var images []llm.Image
			if v, ok := mm["images"]; ok {
				var msg string
				if images, msg = ollamaImages(v); msg != "" {
					return c, msg
				}
			}
			c.Messages = append(c.Messages, llm.Message{Role: llm.Role(role), Content: content, Images: images})
		case "tool":
		default:
			return c, fmt.Sprintf("invalid role: %s", role)
		}
	}
	// Ollama streams unless told not to; a client must say which it wants.
	switch v := body["stream"].(type) {
	case bool:
		c.Stream = v
	case nil:
		o.reject("no \"stream\" field: Ollama would stream NDJSON")
		c.Stream = true
	default:
		return c, "json: cannot unmarshal into Go struct field ChatRequest.stream of type bool"
	}
	c.Format = llm.FormatText
	switch f := body["format"].(type) {
	case nil:
	case string:
		if f != "json" && f != "" {
			return c, fmt.Sprintf("invalid format: %q; expected \"json\" or a valid JSON Schema", f)
		}
		if f == "json" {
			c.Format = llm.FormatJSON
		}
	case map[string]any:
		if _, ok := f["type"]; !ok {
			return c, "invalid format: expected \"json\" or a valid JSON Schema"
		}
		c.Format = llm.FormatSchema
		c.Schema = toPlain(f).(map[string]any)
	default:
		return c, "invalid format: expected \"json\" or a valid JSON Schema"
	}
	if opts, ok := body["options"]; ok {
		om, ok := opts.(map[string]any)
		if !ok {
			return c, "json: cannot unmarshal options into map[string]any"
		}
		if bad := unknownKeys(om, ollamaOptions...); len(bad) > 0 {
			o.reject("unknown option %q", bad[0])
		}
		if v, ok := om["seed"]; ok {
			s, ok := intOf(v)
			if !ok {
				return c, "option \"seed\" must be of type integer"
			}
			c.Seed = &s
		}
		if v, ok := om["temperature"]; ok {
			t, ok := floatOf(v)
			if !ok {
				return c, "option \"temperature\" must be of type float32"
			}
			c.Temperature = &t
		}
		if v, ok := om["num_predict"]; ok {
			n, ok := intOf(v)
			if !ok {
				return c, "option \"num_predict\" must be of type integer"
			}
			c.MaxTokens = int(n)
		}
	}
	if th, ok := body["think"]; ok {
		on := false
		switch v := th.(type) {
		case bool:
			on = v
		case string:
			on = v == "high" || v == "medium" || v == "low" || v == "max"
		default:
			return c, "think must be a boolean or one of \"low\", \"medium\", \"high\""
		}
		if o.NoThinking && on {
			c.quirk = true
			return c, fmt.Sprintf("%q does not support thinking", model)
		}
	}
	return c, ""
}

func (o *Ollama) answer(w http.ResponseWriter, r *http.Request, c Call, rep Reply) {
	switch rep.Kind {
	case RateLimit:
		ollamaError(w, http.StatusTooManyRequests, "server busy, please try again.  maximum pending requests exceeded", rep.RetryAfter)
	case Quota:
		ollamaError(w, http.StatusTooManyRequests, "you have reached your weekly usage limit, upgrade for higher limits", "")
	case ServerError:
		ollamaError(w, http.StatusInternalServerError, "llama runner process has terminated: exit status 2", rep.RetryAfter)
	case Overloaded:
		ollamaError(w, http.StatusServiceUnavailable, "server overloaded, please try again later", rep.RetryAfter)
	case Malformed:
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Write([]byte(`{"model":"` + c.Model + `","message":{"role":"assis`))
	case BadRequest:
		ollamaError(w, http.StatusBadRequest, "invalid message format", "")
	case NotFound:
		ollamaError(w, http.StatusNotFound, fmt.Sprintf("model %q not found, try pulling it first", c.Model), "")
	case StreamError:
		if !c.Stream {
			ollamaError(w, http.StatusInternalServerError, "an error was encountered while running the model", "")
			return
		}
		w.Header().Set("Content-Type", "application/x-ndjson")
		o.line(w, o.piece(c, "A half", false, ""))
		o.line(w, map[string]any{"error": "an error was encountered while running the model: unexpected EOF"})
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

func (o *Ollama) piece(c Call, text string, done bool, reason string) map[string]any {
	m := map[string]any{
		"model": c.Model, "created_at": time.Now().UTC().Format(time.RFC3339Nano),
		"message": map[string]any{"role": "assistant", "content": text}, "done": done,
	}
	if done {
		m["done_reason"] = reason
		m["total_duration"] = 4883583458
		m["load_duration"] = 1334875
		m["prompt_eval_count"] = 26
		m["prompt_eval_duration"] = 342546000
		m["eval_count"] = 282
		m["eval_duration"] = 4535599000
	}
	return m
}

func (o *Ollama) ok(w http.ResponseWriter, c Call, text string) {
	if !c.Stream {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		json.NewEncoder(w).Encode(o.piece(c, text, true, "stop"))
		return
	}
	w.Header().Set("Content-Type", "application/x-ndjson")
	for _, p := range Pieces(text) {
		o.line(w, o.piece(c, p, false, ""))
	}
	o.line(w, o.piece(c, "", true, "stop"))
}

func (o *Ollama) line(w http.ResponseWriter, v any) {
	b, _ := json.Marshal(v)
	w.Write(append(b, '\n'))
	if f, ok := w.(http.Flusher); ok {
		f.Flush()
	}
}

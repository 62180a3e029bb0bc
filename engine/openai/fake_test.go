package openai

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/easel-art/easel/engine/enginetest"
)

const testKey = "sk-test-0123456789abcdef"

// fakeOpenAI is a strict stand-in for POST /v1/images/generations and
// GET /v1/models. It rejects what the real service rejects: a missing or
// wrong bearer key, a body that is not JSON, unknown parameters, a missing
// model (the API would fall back to the shut-down dall-e-2), unknown
// models, sizes, qualities, backgrounds or formats the model does not
// take, n outside 1..10, and empty or over-long prompts.
type fakeOpenAI struct {
	t      *testing.T
	srv    *httptest.Server
	fault  enginetest.Fault
	mu     sync.Mutex
	calls  int
	bodies []map[string]any
	// revised, when set, is returned as every image's revised_prompt.
	revised string
	// noUsage leaves usage out, as compatible servers do.
	noUsage bool
	// escapeSlashes writes "\/" in the base64 text, as some encoders do.
	escapeSlashes bool
	// asURL answers with url instead of b64_json, as LocalAI does by default.
	asURL bool
}

func newFake(t *testing.T, f enginetest.Fault) *fakeOpenAI {
	fk := &fakeOpenAI{t: t, fault: f}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/images/generations", fk.generate)
	mux.HandleFunc("GET /v1/models", func(w http.ResponseWriter, r *http.Request) {
		if !fk.authorized(w, r) {
			return
		}
		fmt.Fprint(w, `{"object":"list","data":[{"id":"gpt-image-1","object":"model"}]}`)
	})
	mux.HandleFunc("GET /files/{name}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write(enginetest.PNG(1024, 1024, 1))
	})
	fk.srv = httptest.NewServer(mux)
	t.Cleanup(fk.srv.Close)
	return fk
}

func (fk *fakeOpenAI) client(t *testing.T, cfg Config) *Client {
	if cfg.APIKey == "" {
		cfg.APIKey = testKey
	}
	cfg.BaseURL = fk.srv.URL + "/v1"
	c, err := New(cfg, fk.srv.Client())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func (fk *fakeOpenAI) requests() int {
	fk.mu.Lock()
	defer fk.mu.Unlock()
	return fk.calls
}

func apiError(w http.ResponseWriter, status int, typ, code, param, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	e := map[string]any{"message": msg, "type": typ, "param": nil, "code": nil}
	if code != "" {
		e["code"] = code
	}
	if param != "" {
		e["param"] = param
	}
	json.NewEncoder(w).Encode(map[string]any{"error": e})
}

func (fk *fakeOpenAI) authorized(w http.ResponseWriter, r *http.Request) bool {
	auth := r.Header.Get("Authorization")
	switch {
	case auth == "":
		apiError(w, 401, "invalid_request_error", "", "", "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).")
		return false
	case auth != "Bearer "+testKey:
		key := strings.TrimPrefix(auth, "Bearer ")
		// The real message shows the key's ends; the client must redact.
		apiError(w, 401, "invalid_request_error", "invalid_api_key", "", "Incorrect API key provided: "+key+". You can find your API key at https://platform.openai.com/account/api-keys.")
		return false
	}
	return true
}

var fakeModels = map[string]struct {
	sizes []string // nil: any multiple of 16 within 1:3..3:1
}{
	"gpt-image-1":      {[]string{"1024x1024", "1536x1024", "1024x1536", "auto"}},
	"gpt-image-1-mini": {[]string{"1024x1024", "1536x1024", "1024x1536", "auto"}},
	"gpt-image-1.5":    {[]string{"1024x1024", "1536x1024", "1024x1536", "auto"}},
	"gpt-image-2":      {nil},
}

func (fk *fakeOpenAI) generate(w http.ResponseWriter, r *http.Request) {
	fk.mu.Lock()
	fk.calls++
	fk.mu.Unlock()
	if !fk.authorized(w, r) {
		return
	}
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/json" {
		apiError(w, 400, "invalid_request_error", "", "", "Invalid Content-Type header ("+r.Header.Get("Content-Type")+"), expected application/json.")
		return
	}
	var raw map[string]json.RawMessage
	if err := json.NewDecoder(r.Body).Decode(&raw); err != nil {
		apiError(w, 400, "invalid_request_error", "", "", "We could not parse the JSON body of your request.")
		return
	}
	allowed := []string{"model", "prompt", "n", "size", "quality", "background", "output_format", "output_compression", "moderation", "user", "stream", "partial_images", "response_format", "style"}
	body := map[string]any{}
	for k, v := range raw {
		if !slices.Contains(allowed, k) {
			apiError(w, 400, "invalid_request_error", "unknown_parameter", k, fmt.Sprintf("Unknown parameter: '%s'.", k))
			return
		}
		var x any
		json.Unmarshal(v, &x)
		body[k] = x
	}
	fk.mu.Lock()
	fk.bodies = append(fk.bodies, body)
	fk.mu.Unlock()
	str := func(k string) string { s, _ := body[k].(string); return s }
	model := str("model")
	if model == "" {
		model = "dall-e-2" // the spec's default, shut down since 2026-05-12
	}
	m, ok := fakeModels[model]
	if !ok {
		apiError(w, 404, "invalid_request_error", "model_not_found", "model", fmt.Sprintf("The model `%s` does not exist or you do not have access to it.", model))
		return
	}
	prompt := str("prompt")
	if prompt == "" || utf8.RuneCountInString(prompt) > 32000 {
		apiError(w, 400, "invalid_request_error", "invalid_value", "prompt", "Invalid 'prompt': string must be 1 to 32000 characters.")
		return
	}
	n := 1
	if v, ok := body["n"]; ok {
		f, isNum := v.(float64)
		if !isNum || f != float64(int(f)) || f < 1 || f > 10 {
			apiError(w, 400, "invalid_request_error", "invalid_value", "n", "Invalid 'n': integer must be between 1 and 10.")
			return
		}
		n = int(f)
	}
	for k, vals := range map[string][]string{
		"quality":         {"low", "medium", "high", "auto"},
		"background":      {"transparent", "opaque", "auto"},
		"output_format":   {"png", "jpeg", "webp"},
		"response_format": {}, // not supported by the gpt-image models
	} {
		if v, ok := body[k]; ok && !slices.Contains(vals, fmt.Sprint(v)) {
			apiError(w, 400, "invalid_request_error", "invalid_value", k, fmt.Sprintf("Invalid value: '%v'. Supported values are: %s.", v, strings.Join(vals, ", ")))
			return
		}
	}
	if str("background") == "transparent" && str("output_format") == "jpeg" {
		apiError(w, 400, "invalid_request_error", "invalid_value", "background", "Transparent background requires png or webp.")
		return
	}
	size := str("size")
	wd, ht := 1024, 1024
	if size != "" && size != "auto" {
		a, b, _ := strings.Cut(size, "x")
		wd, _ = strconv.Atoi(a)
		ht, _ = strconv.Atoi(b)
	}
	okSize := slices.Contains(m.sizes, size) || size == ""
	if m.sizes == nil {
		okSize = size == "auto" || size == "" || (wd%16 == 0 && ht%16 == 0 && wd > 0 && ht > 0 && wd <= 3*ht && ht <= 3*wd && wd*ht <= 3840*2160)
	}
	if !okSize {
		apiError(w, 400, "invalid_request_error", "invalid_value", "size", fmt.Sprintf("Invalid size '%s'. Supported sizes are %v.", size, m.sizes))
		return
	}

	switch fk.fault {
	case enginetest.FaultRateLimit:
		w.Header().Set("Retry-After", "7")
		w.Header().Set("x-ratelimit-reset-requests", "1m0s")
		apiError(w, 429, "requests", "rate_limit_exceeded", "", "Rate limit reached for gpt-image-1 in organization org-x on images per minute (IPM): Limit 5, Used 5, Requested 1.")
		return
	case enginetest.FaultUnavailable:
		apiError(w, 503, "server_error", "", "", "The server is overloaded or not ready yet.")
		return
	case enginetest.FaultContentPolicy:
		apiError(w, 400, "image_generation_user_error", "moderation_blocked", "", "Your request was rejected as a result of our safety system.")
		return
	case enginetest.FaultHang:
		<-r.Context().Done()
		return
	}

	w.Header().Set("Content-Type", "application/json")
	var buf bytes.Buffer
	buf.WriteString(`{"created":1764000000,"data":[`)
	for i := range n {
		if i > 0 {
			buf.WriteString(",")
		}
		img := enginetest.PNG(wd, ht, int64(i+1))
		switch fk.fault {
		case enginetest.FaultTruncatedImage:
			img = enginetest.Truncated(img)
		case enginetest.FaultMalformedImage:
			img = enginetest.Malformed()
		}
		if fk.asURL {
			fmt.Fprintf(&buf, `{"url":%q}`, fk.srv.URL+"/files/img"+strconv.Itoa(i)+".png")
			continue
		}
		b64 := base64.StdEncoding.EncodeToString(img)
		if fk.escapeSlashes {
			b64 = strings.ReplaceAll(b64, "/", `\/`)
		}
		// revised_prompt comes first in one image and last in another,
		// so the decoder cannot rely on the key order.
		if fk.revised != "" && i%2 == 0 {
			fmt.Fprintf(&buf, `{"revised_prompt":%q, "b64_json" : "%s"}`, fk.revised, b64)
		} else if fk.revised != "" {
			fmt.Fprintf(&buf, `{"b64_json":"%s","revised_prompt":%q}`, b64, fk.revised)
		} else {
			fmt.Fprintf(&buf, `{"b64_json":"%s"}`, b64)
		}
	}
	fmt.Fprintf(&buf, `],"background":"opaque","output_format":"png","quality":"medium","size":"%dx%d"`, wd, ht)
	if !fk.noUsage {
		fmt.Fprintf(&buf, `,"usage":{"input_tokens":50,"input_tokens_details":{"image_tokens":0,"text_tokens":50},"output_tokens":%d,"output_tokens_details":{"image_tokens":%d,"text_tokens":0},"total_tokens":%d}`, 1056*n, 1056*n, 50+1056*n)
	}
	buf.WriteString("}")
	w.Write(buf.Bytes())
}

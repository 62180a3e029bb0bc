// Package openaitest is a strict fake of the OpenAI Images API on loopback,
// for tests in any package: the engine's own tests and the end-to-end tests
// of the CLI, which point OPENAI_BASE_URL at URL().
package openaitest

import (
	"bytes"
	"cmp"
	_ "embed"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"image/jpeg"
	"image/png"
	"maps"
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

// Key is the only API key the fake accepts.
const Key = "sk-test-0123456789abcdef"

// toJPEG re-encodes a PNG as JPEG, as the service answers output_format jpeg.
func toJPEG(p []byte) []byte {
	img, err := png.Decode(bytes.NewReader(p))
	if err != nil {
		return p
	}
	var buf bytes.Buffer
	jpeg.Encode(&buf, img, &jpeg.Options{Quality: 80})
	return buf.Bytes()
}

// Server is a strict stand-in for POST /v1/images/generations and
// GET /v1/models. It rejects what the real service rejects: a missing or
// wrong bearer key, a body that is not JSON, unknown parameters, a missing
// model (the API would fall back to the shut-down dall-e-2), unknown and
// shut-down models (gpt-image-1, the DALL-E models), the legacy style and
// response_format, sizes the model does not take (for the free-size models
// below 655,360 or above 8,294,400 pixels too), qualities the model does
// not take (xhigh and max only on the 2.5 models), unknown backgrounds,
// formats or moderation levels, output_compression outside 0..100 or with
// png, a transparent jpeg, n outside 1..10, and empty or over-long prompts.
//
// The exported fields are switches: set them before the first request.
type Server struct {
	// Fault makes every valid generation request fail that way.
	Fault enginetest.Fault
	// Revised, when set, is returned as every image's revised_prompt.
	Revised string
	// NoUsage leaves usage out, as compatible servers do.
	NoUsage bool
	// TextOutputTokens is how many text output tokens usage reports beside
	// the 1056 image tokens an image (the models that think before they
	// draw report some).
	TextOutputTokens int
	// EscapeSlashes writes "\/" in the base64 text, as some encoders do.
	EscapeSlashes bool
	// AsURL answers with url instead of b64_json, as LocalAI does by default.
	AsURL bool
	// RateLimited is how many valid generation requests are answered 429
	// before the fake serves, as a busy account would be; RetryAfter is
	// the Retry-After they carry (and FaultRateLimit's), "7" when empty.
	RateLimited int
	RetryAfter  string

	srv *httptest.Server

	mu      sync.Mutex // guards calls, bodies and limited
	calls   int
	bodies  []map[string]any
	limited int
}

// New starts a fake that fails the way fault says (enginetest.FaultNone
// for a well-behaved one); it is closed when the test ends.
func New(t testing.TB, fault enginetest.Fault) *Server {
	s := &Server{Fault: fault}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/images/generations", s.generate)
	mux.HandleFunc("POST /v1/images/edits", s.edit)
	mux.HandleFunc("GET /v1/models", func(w http.ResponseWriter, r *http.Request) {
		if !authorized(w, r) {
			return
		}
		var list []map[string]string
		for _, id := range append(Models(), "gpt-5.2", "text-embedding-3-small") {
			list = append(list, map[string]string{"id": id, "object": "model", "owned_by": "system"})
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"object": "list", "data": list})
	})
	mux.HandleFunc("GET /files/{name}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write(enginetest.PNG(1024, 1024, 1))
	})
	s.srv = httptest.NewServer(mux)
	t.Cleanup(s.srv.Close)
	return s
}

// URL is the API root including /v1, what OPENAI_BASE_URL holds.
func (s *Server) URL() string { return s.srv.URL + "/v1" }

// Client returns an HTTP client for the fake.
func (s *Server) Client() *http.Client { return s.srv.Client() }

// Requests returns how many generation requests reached the fake, valid or not.
func (s *Server) Requests() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls
}

// Bodies returns the JSON bodies of the generation requests that passed
// the key and parameter-name checks, in order.
func (s *Server) Bodies() []map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]map[string]any, len(s.bodies))
	for i, b := range s.bodies {
		out[i] = maps.Clone(b)
	}
	return out
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

func authorized(w http.ResponseWriter, r *http.Request) bool {
	auth := r.Header.Get("Authorization")
	switch {
	case auth == "":
		apiError(w, 401, "invalid_request_error", "", "", "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).")
		return false
	case auth != "Bearer "+Key:
		key := strings.TrimPrefix(auth, "Bearer ")
		// The real message shows the key; the client must redact it.
		apiError(w, 401, "invalid_request_error", "invalid_api_key", "", "Incorrect API key provided: "+key+". You can find your API key at https://platform.openai.com/account/api-keys.")
		return false
	}
	return true
}

// The models the fake serves and how, written from openai-go v3.98.0's
// image.go (the version go.mod pins), independently of the engine's
// models.json so a test can hold one against the other.
var (
	standardSizes = []string{"1024x1024", "1536x1024", "1024x1536", "auto"}
	standardQ     = []string{"low", "medium", "high", "auto"}
	extendedQ     = []string{"low", "medium", "high", "xhigh", "max", "auto"}
)

type modelSpec struct {
	free      bool // any WxH within the free-size limits, beside the standard ones
	qualities []string
}

var models = map[string]modelSpec{
	"gpt-image-1-mini":                  {false, standardQ},
	"gpt-image-1.5":                     {false, standardQ},
	"chatgpt-image-latest":              {false, standardQ},
	"gpt-image-2":                       {true, standardQ},
	"gpt-image-2-2026-04-21":            {true, standardQ},
	"gpt-image-2.5-sunburst":            {true, extendedQ},
	"gpt-image-2.5-sunburst-2026-09-08": {true, extendedQ},
	"gpt-image-2.5-flare":               {true, extendedQ},
	"gpt-image-2.5-flare-2026-09-08":    {true, extendedQ},
	"gpt-image-2.6-sunburst":            {false, standardQ},
	"gpt-image-2.6-flare":               {false, standardQ},
}

// shutDown are the models the service no longer serves, with the day.
var shutDown = map[string]string{
	"gpt-image-1": "2026-10-23",
	"dall-e-2":    "2026-05-12",
	"dall-e-3":    "2026-05-12",
}

// Free-size limits: multiples of 16, 1:3 to 3:1, at most 3840 a side and
// 655,360 to 8,294,400 pixels.
const (
	minPixels = 655360
	maxPixels = 8294400
	maxSide   = 3840
)

// Models returns the models the fake serves, sorted.
func Models() []string { return slices.Sorted(maps.Keys(models)) }

// ShutDown returns the models the fake refuses as shut down, sorted.
func ShutDown() []string { return slices.Sorted(maps.Keys(shutDown)) }

// Qualities returns the qualities the fake takes for model (nil when it
// does not serve it).
func Qualities(model string) []string { return slices.Clone(models[model].qualities) }

// FreeSizes reports whether the fake takes any size within the free-size
// limits for model, not only the standard three.
func FreeSizes(model string) bool { return models[model].free }

// SizeOK reports whether the fake takes size ("WxH" or "auto") for model.
func SizeOK(model, size string) bool {
	m, ok := models[model]
	if !ok {
		return false
	}
	if size == "" || slices.Contains(standardSizes, size) {
		return true
	}
	if !m.free {
		return false
	}
	a, b, _ := strings.Cut(size, "x")
	w, err1 := strconv.Atoi(a)
	h, err2 := strconv.Atoi(b)
	return err1 == nil && err2 == nil && w > 0 && h > 0 && w%16 == 0 && h%16 == 0 &&
		w <= 3*h && h <= 3*w && max(w, h) <= maxSide && w*h >= minPixels && w*h <= maxPixels
}

//go:embed testdata/gradient-1024.webp
var webpImage []byte

func (s *Server) generate(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.calls++
	s.mu.Unlock()
	if !authorized(w, r) {
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
	s.mu.Lock()
	s.bodies = append(s.bodies, body)
	s.mu.Unlock()
	str := func(k string) string { v, _ := body[k].(string); return v }
	model := str("model")
	if model == "" {
		model = "dall-e-2" // the spec's default, shut down since 2026-05-12
	}
	if day, gone := shutDown[model]; gone {
		apiError(w, 404, "invalid_request_error", "model_not_found", "model", fmt.Sprintf("The model `%s` was shut down on %s and is no longer available.", model, day))
		return
	}
	m, ok := models[model]
	if !ok {
		apiError(w, 404, "invalid_request_error", "model_not_found", "model", fmt.Sprintf("The model `%s` does not exist or you do not have access to it.", model))
		return
	}
	for _, legacy := range []string{"style", "response_format"} {
		if _, ok := body[legacy]; ok {
			apiError(w, 400, "invalid_request_error", "unsupported_parameter", legacy, fmt.Sprintf("Unsupported parameter: '%s' is not supported with the GPT image models.", legacy))
			return
		}
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
		"quality":       m.qualities,
		"background":    {"transparent", "opaque", "auto"},
		"output_format": {"png", "jpeg", "webp"},
		"moderation":    {"low", "auto"},
	} {
		if v, ok := body[k]; ok && !slices.Contains(vals, fmt.Sprint(v)) {
			apiError(w, 400, "invalid_request_error", "invalid_value", k, fmt.Sprintf("Invalid value: '%v'. Supported values are: %s.", v, strings.Join(vals, ", ")))
			return
		}
	}
	format := cmp.Or(str("output_format"), "png")
	if str("background") == "transparent" && format == "jpeg" {
		apiError(w, 400, "invalid_request_error", "invalid_value", "background", "Transparent background requires png or webp.")
		return
	}
	if v, ok := body["output_compression"]; ok {
		f, isNum := v.(float64)
		if !isNum || f != float64(int(f)) || f < 0 || f > 100 {
			apiError(w, 400, "invalid_request_error", "invalid_value", "output_compression", "Invalid 'output_compression': integer must be between 0 and 100.")
			return
		}
		if format == "png" {
			apiError(w, 400, "invalid_request_error", "invalid_value", "output_compression", "Compression is only supported for the jpeg and webp output formats.")
			return
		}
	}
	size := str("size")
	wd, ht := 1024, 1024
	if size != "" && size != "auto" {
		a, b, _ := strings.Cut(size, "x")
		wd, _ = strconv.Atoi(a)
		ht, _ = strconv.Atoi(b)
	}
	if !SizeOK(model, size) {
		msg := fmt.Sprintf("Invalid size '%s'. Supported sizes are 1024x1024, 1536x1024, 1024x1536 and auto.", size)
		if m.free {
			msg = fmt.Sprintf("Invalid size '%s'. Width and height must be multiples of 16, the aspect ratio at most 3:1, each side at most %d and the total between %d and %d pixels.", size, maxSide, minPixels, maxPixels)
		}
		apiError(w, 400, "invalid_request_error", "invalid_value", "size", msg)
		return
	}

	s.mu.Lock()
	busy := s.limited < s.RateLimited
	if busy {
		s.limited++
	}
	s.mu.Unlock()
	fault := s.Fault
	if busy {
		fault = enginetest.FaultRateLimit
	}
	switch fault {
	case enginetest.FaultRateLimit:
		w.Header().Set("Retry-After", cmp.Or(s.RetryAfter, "7"))
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
		switch format {
		case "jpeg":
			img = toJPEG(img)
		case "webp":
			img = webpImage // a fixed 1024x1024 picture: Go has no WebP encoder
		}
		switch s.Fault {
		case enginetest.FaultTruncatedImage:
			img = enginetest.Truncated(img)
		case enginetest.FaultMalformedImage:
			img = enginetest.Malformed()
		}
		if s.AsURL {
			fmt.Fprintf(&buf, `{"url":%q}`, s.srv.URL+"/files/img"+strconv.Itoa(i)+".png")
			continue
		}
		b64 := base64.StdEncoding.EncodeToString(img)
		if s.EscapeSlashes {
			b64 = strings.ReplaceAll(b64, "/", `\/`)
		}
		// revised_prompt comes first in one image and last in another,
		// so the decoder cannot rely on the key order.
		if s.Revised != "" && i%2 == 0 {
			fmt.Fprintf(&buf, `{"revised_prompt":%q, "b64_json" : "%s"}`, s.Revised, b64)
		} else if s.Revised != "" {
			fmt.Fprintf(&buf, `{"b64_json":"%s","revised_prompt":%q}`, b64, s.Revised)
		} else {
			fmt.Fprintf(&buf, `{"b64_json":"%s"}`, b64)
		}
	}
	fmt.Fprintf(&buf, `],"background":"opaque","output_format":%q,"quality":"medium","size":"%dx%d"`, format, wd, ht)
	if !s.NoUsage {
		img, text := 1056*n, s.TextOutputTokens
		fmt.Fprintf(&buf, `,"usage":{"input_tokens":50,"input_tokens_details":{"image_tokens":0,"text_tokens":50},"output_tokens":%d,"output_tokens_details":{"image_tokens":%d,"text_tokens":%d},"total_tokens":%d}`, img+text, img, text, 50+img+text)
	}
	buf.WriteString("}")
	w.Write(buf.Bytes())
}

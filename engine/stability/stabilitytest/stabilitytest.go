// Package stabilitytest is a strict fake of Stability AI's stable-image
// API on loopback, for tests in any package: the engine's own tests and the
// end-to-end tests of the CLI, which point EASEL_STABILITY_URL at URL().
package stabilitytest

import (
	"cmp"
	"encoding/base64"
	"encoding/json"
	"fmt"
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
const Key = "sk-stab-0123456789"

// Server is a strict stand-in for POST
// /v2beta/stable-image/generate/{core,ultra,sd3} and GET /v1/user/balance.
// It rejects a missing or wrong bearer key (401), a body that is not
// multipart/form-data, an accept header other than image/* or
// application/json, a missing or over-long prompt, unknown aspect ratios,
// output formats, style presets and models, seeds out of range, and fields
// the endpoint does not take (model and cfg_scale outside sd3; style_preset
// is taken by core, ultra and sd3) — all 400, as the service answers. The
// SD 3.0 models are refused: the sd3 endpoint serves the sd3.5 family.
//
// The exported fields are switches: set them before the first request.
type Server struct {
	// Fault makes every valid generation request fail that way.
	Fault enginetest.Fault
	// Filtered answers 200 with finish-reason CONTENT_FILTERED.
	Filtered bool

	srv *httptest.Server

	mu    sync.Mutex // guards calls, forms and paths
	calls int
	forms []map[string]string
	paths []string
}

// New starts a fake that fails the way fault says (enginetest.FaultNone
// for a well-behaved one); it is closed when the test ends.
func New(t testing.TB, fault enginetest.Fault) *Server {
	s := &Server{Fault: fault}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v2beta/stable-image/generate/{endpoint}", s.generate)
	s.routeEdits(mux)
	mux.HandleFunc("GET /v1/user/balance", func(w http.ResponseWriter, r *http.Request) {
		if authorized(w, r) {
			writeJSON(w, 200, map[string]any{"credits": 12.5})
		}
	})
	s.srv = httptest.NewServer(mux)
	t.Cleanup(s.srv.Close)
	return s
}

// URL is the API host, what EASEL_STABILITY_URL holds.
func (s *Server) URL() string { return s.srv.URL }

// Client returns an HTTP client for the fake.
func (s *Server) Client() *http.Client { return s.srv.Client() }

// Requests returns how many generation requests reached the fake, valid or not.
func (s *Server) Requests() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls
}

// Forms returns the form fields of the generation requests that passed the
// key, header and field-name checks, in order.
func (s *Server) Forms() []map[string]string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]map[string]string, len(s.forms))
	for i, f := range s.forms {
		out[i] = maps.Clone(f)
	}
	return out
}

// Paths returns the endpoints (core, ultra, sd3) of the requests Forms holds.
func (s *Server) Paths() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.paths)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func apiError(w http.ResponseWriter, status int, name string, errs ...string) {
	writeJSON(w, status, map[string]any{"id": "0123456789abcdef0123456789abcdef", "name": name, "errors": errs})
}

func authorized(w http.ResponseWriter, r *http.Request) bool {
	if r.Header.Get("Authorization") != "Bearer "+Key {
		apiError(w, 401, "unauthorized", "authorization: invalid or missing header value")
		return false
	}
	return true
}

var (
	aspects = []string{"16:9", "1:1", "21:9", "2:3", "3:2", "4:5", "5:4", "9:16", "9:21"}
	pixels  = map[string][2]int{"16:9": {1344, 768}, "1:1": {1024, 1024}, "21:9": {1536, 640}, "2:3": {832, 1216},
		"3:2": {1216, 832}, "4:5": {896, 1088}, "5:4": {1088, 896}, "9:16": {768, 1344}, "9:21": {640, 1536}}
	presets = []string{"3d-model", "analog-film", "anime", "cinematic", "comic-book", "digital-art", "enhance", "fantasy-art",
		"isometric", "line-art", "low-poly", "modeling-compound", "neon-punk", "origami", "photographic", "pixel-art", "tile-texture"}
	// The sd3 endpoint's models now; the SD 3.0 ones (sd3-large,
	// sd3-large-turbo, sd3-medium) are gone from the published list.
	sd3Models = []string{"sd3.5-large", "sd3.5-large-turbo", "sd3.5-medium", "sd3.5-flash"}
	retired   = []string{"sd3-large", "sd3-large-turbo", "sd3-medium"}
)

// Models returns the models the fake serves: core and ultra (their own
// endpoints) and the sd3 endpoint's models.
func Models() []string { return append([]string{"core", "ultra"}, sd3Models...) }

// Retired returns the sd3 models the fake refuses as no longer served.
func Retired() []string { return slices.Clone(retired) }

// Presets returns the style_preset values the fake takes.
func Presets() []string { return slices.Clone(presets) }

func (s *Server) generate(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.calls++
	s.mu.Unlock()
	endpoint := r.PathValue("endpoint")
	if !slices.Contains([]string{"core", "ultra", "sd3"}, endpoint) {
		apiError(w, 404, "not_found", "no such endpoint")
		return
	}
	if !authorized(w, r) {
		return
	}
	accept := r.Header.Get("Accept")
	if accept != "image/*" && accept != "application/json" {
		apiError(w, 400, "bad_request", "accept: must be either image/* or application/json")
		return
	}
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "multipart/form-data" {
		apiError(w, 400, "bad_request", "content-type: must be multipart/form-data")
		return
	}
	if err := r.ParseMultipartForm(1 << 20); err != nil {
		apiError(w, 400, "bad_request", "body: "+err.Error())
		return
	}
	allowed := map[string][]string{
		"core":  {"prompt", "negative_prompt", "aspect_ratio", "seed", "output_format", "style_preset"},
		"ultra": {"prompt", "negative_prompt", "aspect_ratio", "seed", "output_format", "style_preset", "image", "strength"},
		"sd3":   {"prompt", "negative_prompt", "aspect_ratio", "seed", "output_format", "style_preset", "model", "mode", "cfg_scale", "image", "strength"},
	}[endpoint]
	form := map[string]string{}
	for k, v := range r.MultipartForm.Value {
		if !slices.Contains(allowed, k) {
			apiError(w, 400, "bad_request", k+": unknown field")
			return
		}
		if len(v) != 1 {
			apiError(w, 400, "bad_request", k+": expected one value")
			return
		}
		form[k] = v[0]
	}
	if !s.checkImageToImage(w, r, endpoint, form) {
		return
	}
	s.mu.Lock()
	s.forms = append(s.forms, form)
	s.paths = append(s.paths, endpoint)
	s.mu.Unlock()
	if n := utf8.RuneCountInString(form["prompt"]); n < 1 || n > 10000 {
		apiError(w, 400, "bad_request", "prompt: cannot be empty and must be at most 10000 characters")
		return
	}
	if utf8.RuneCountInString(form["negative_prompt"]) > 10000 {
		apiError(w, 400, "bad_request", "negative_prompt: must be at most 10000 characters")
		return
	}
	ratio := form["aspect_ratio"]
	if ratio == "" {
		ratio = "1:1"
	}
	formats := []string{"png", "jpeg", "webp"}
	if endpoint == "sd3" {
		formats = formats[:2]
	}
	seed, err := strconv.ParseInt(cmp.Or(form["seed"], "0"), 10, 64)
	switch {
	case !slices.Contains(aspects, ratio):
		apiError(w, 400, "bad_request", "aspect_ratio: must be one of "+strings.Join(aspects, ", "))
		return
	case err != nil || seed < 0 || seed > 4294967294:
		apiError(w, 400, "bad_request", "seed: must be an integer between 0 and 4294967294")
		return
	case form["output_format"] != "" && !slices.Contains(formats, form["output_format"]):
		apiError(w, 400, "bad_request", "output_format: must be one of "+strings.Join(formats, ", "))
		return
	case form["style_preset"] != "" && !slices.Contains(presets, form["style_preset"]):
		apiError(w, 400, "bad_request", "style_preset: unknown preset")
		return
	case endpoint == "sd3" && form["model"] != "" && !slices.Contains(sd3Models, form["model"]):
		apiError(w, 400, "bad_request", "model: must be one of "+strings.Join(sd3Models, ", "))
		return
	case form["mode"] != "" && form["mode"] != "text-to-image" && form["mode"] != "image-to-image":
		apiError(w, 400, "bad_request", "mode: must be text-to-image or image-to-image")
		return
	}
	if v, ok := form["cfg_scale"]; ok {
		if f, err := strconv.ParseFloat(v, 64); err != nil || f < 1 || f > 10 {
			apiError(w, 400, "bad_request", "cfg_scale: must be a number between 1 and 10")
			return
		}
	}
	switch s.Fault {
	case enginetest.FaultRateLimit:
		w.Header().Set("Retry-After", "7")
		apiError(w, 429, "rate_limit_exceeded", "You have exceeded the rate limit of 150 requests within a 10 second period.")
		return
	case enginetest.FaultUnavailable:
		apiError(w, 500, "internal_error", "An unexpected server error has occurred, please try again later.")
		return
	case enginetest.FaultContentPolicy:
		apiError(w, 403, "content_moderation", "Your request was flagged by our content moderation system, as a result your request was denied and you were not charged.")
		return
	case enginetest.FaultHang:
		<-r.Context().Done()
		return
	}
	if seed == 0 {
		seed = 987654321
	}
	px := pixels[ratio]
	img := enginetest.PNG(px[0], px[1], seed)
	switch s.Fault {
	case enginetest.FaultTruncatedImage:
		img = enginetest.Truncated(img)
	case enginetest.FaultMalformedImage:
		img = enginetest.Malformed()
	}
	finish := "SUCCESS"
	if s.Filtered {
		finish = "CONTENT_FILTERED"
	}
	if accept == "application/json" {
		writeJSON(w, 200, map[string]any{"image": base64.StdEncoding.EncodeToString(img), "finish_reason": finish, "seed": seed})
		return
	}
	w.Header().Set("Content-Type", "image/png")
	w.Header().Set("Finish-Reason", finish)
	w.Header().Set("Seed", fmt.Sprint(seed))
	w.Header().Set("X-Request-Id", "req-1")
	w.Write(img)
}

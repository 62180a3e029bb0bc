package stability

import (
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

const testKey = "sk-stab-0123456789"

// fakeStability is a strict stand-in for POST
// /v2beta/stable-image/generate/{core,ultra,sd3} and GET /v1/user/balance.
// It rejects a missing or wrong bearer key (401), a body that is not
// multipart/form-data, an accept header other than image/* or
// application/json, a missing or over-long prompt, unknown aspect ratios,
// output formats, style presets and models, seeds out of range, and fields
// the endpoint does not take (style_preset outside core, model and
// cfg_scale outside sd3) — all 400, as the service answers.
type fakeStability struct {
	srv      *httptest.Server
	fault    enginetest.Fault
	filtered bool // answer 200 with finish-reason CONTENT_FILTERED

	mu    sync.Mutex
	calls int
	forms []map[string]string
	paths []string
}

func newFake(t *testing.T, f enginetest.Fault) *fakeStability {
	fk := &fakeStability{fault: f}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v2beta/stable-image/generate/{endpoint}", fk.generate)
	mux.HandleFunc("GET /v1/user/balance", func(w http.ResponseWriter, r *http.Request) {
		if fk.authorized(w, r) {
			writeJSON(w, 200, map[string]any{"credits": 12.5})
		}
	})
	fk.srv = httptest.NewServer(mux)
	t.Cleanup(fk.srv.Close)
	return fk
}

func (fk *fakeStability) client(t *testing.T, cfg Config) *Client {
	if cfg.APIKey == "" {
		cfg.APIKey = testKey
	}
	cfg.BaseURL = fk.srv.URL
	c, err := New(cfg, fk.srv.Client())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func (fk *fakeStability) requests() int {
	fk.mu.Lock()
	defer fk.mu.Unlock()
	return fk.calls
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func apiError(w http.ResponseWriter, status int, name string, errs ...string) {
	writeJSON(w, status, map[string]any{"id": "0123456789abcdef0123456789abcdef", "name": name, "errors": errs})
}

func (fk *fakeStability) authorized(w http.ResponseWriter, r *http.Request) bool {
	if r.Header.Get("Authorization") != "Bearer "+testKey {
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
	sd3Models = []string{"sd3.5-large", "sd3.5-large-turbo", "sd3.5-medium", "sd3-large", "sd3-large-turbo", "sd3-medium"}
)

func (fk *fakeStability) generate(w http.ResponseWriter, r *http.Request) {
	fk.mu.Lock()
	fk.calls++
	fk.mu.Unlock()
	endpoint := r.PathValue("endpoint")
	if !slices.Contains([]string{"core", "ultra", "sd3"}, endpoint) {
		apiError(w, 404, "not_found", "no such endpoint")
		return
	}
	if !fk.authorized(w, r) {
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
		"ultra": {"prompt", "negative_prompt", "aspect_ratio", "seed", "output_format", "image", "strength"},
		"sd3":   {"prompt", "negative_prompt", "aspect_ratio", "seed", "output_format", "model", "mode", "cfg_scale", "image", "strength"},
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
	fk.mu.Lock()
	fk.forms = append(fk.forms, form)
	fk.paths = append(fk.paths, endpoint)
	fk.mu.Unlock()
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
	seed, err := strconv.ParseInt(cmpOr(form["seed"], "0"), 10, 64)
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
	switch fk.fault {
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
	switch fk.fault {
	case enginetest.FaultTruncatedImage:
		img = enginetest.Truncated(img)
	case enginetest.FaultMalformedImage:
		img = enginetest.Malformed()
	}
	finish := "SUCCESS"
	if fk.filtered {
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

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

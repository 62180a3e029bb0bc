package runway

import (
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/easel-art/easel/engine/enginetest"
)

const testKey = "key_runway_0123456789"

// fakeRunway is a strict stand-in for POST /v1/text_to_image,
// GET/DELETE /v1/tasks/{id}, GET /v1/organization and the pre-signed
// output URLs. It rejects a missing or wrong bearer key (401), a missing
// or wrong X-Runway-Version (400), a body that is not JSON, unknown or
// missing fields, unknown models, gen4_image_turbo without reference
// images, prompts over 1000 characters, ratios outside the list and seeds
// out of range (400); the output URLs refuse requests that carry an
// Authorization header, as pre-signed storage URLs do.
type fakeRunway struct {
	srv   *httptest.Server
	fault enginetest.Fault

	mu        sync.Mutex
	calls     int
	bodies    []map[string]any
	tasks     map[string]*fakeTask
	cancelled []string
	throttle  int // polls answered THROTTLED before a task runs
}

type fakeTask struct {
	polls  int
	w, h   int
	seed   int64
	status string
}

func newFake(t *testing.T, f enginetest.Fault) *fakeRunway {
	fk := &fakeRunway{fault: f, tasks: map[string]*fakeTask{}}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/text_to_image", fk.create)
	mux.HandleFunc("GET /v1/tasks/{id}", fk.get)
	mux.HandleFunc("DELETE /v1/tasks/{id}", func(w http.ResponseWriter, r *http.Request) {
		if !fk.authorized(w, r) {
			return
		}
		fk.mu.Lock()
		defer fk.mu.Unlock()
		if tk, ok := fk.tasks[r.PathValue("id")]; ok {
			tk.status = "CANCELLED"
			fk.cancelled = append(fk.cancelled, r.PathValue("id"))
		}
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("GET /v1/organization", func(w http.ResponseWriter, r *http.Request) {
		if fk.authorized(w, r) {
			writeJSON(w, 200, map[string]any{"creditBalance": 1000, "tier": map[string]any{}, "usage": map[string]any{}})
		}
	})
	mux.HandleFunc("GET /output/{id}", fk.output)
	fk.srv = httptest.NewServer(mux)
	t.Cleanup(fk.srv.Close)
	return fk
}

func (fk *fakeRunway) client(t *testing.T, cfg Config) *Client {
	if cfg.APIKey == "" {
		cfg.APIKey = testKey
	}
	cfg.BaseURL = fk.srv.URL
	cfg.PollInterval = 2 * time.Millisecond
	c, err := New(cfg, fk.srv.Client())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func (fk *fakeRunway) requests() int {
	fk.mu.Lock()
	defer fk.mu.Unlock()
	return fk.calls
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func (fk *fakeRunway) authorized(w http.ResponseWriter, r *http.Request) bool {
	fk.mu.Lock()
	fk.calls++
	fk.mu.Unlock()
	if r.Header.Get("Authorization") != "Bearer "+testKey {
		writeJSON(w, 401, map[string]any{"error": "Invalid API key."})
		return false
	}
	if r.Header.Get("X-Runway-Version") != "2024-11-06" {
		writeJSON(w, 400, map[string]any{"error": "Invalid or missing X-Runway-Version header. Use 2024-11-06."})
		return false
	}
	return true
}

var ratios = []string{"1920:1080", "1080:1920", "1024:1024", "1360:768", "1080:1080", "1168:880", "1440:1080", "1080:1440",
	"1808:768", "2112:912", "1280:720", "720:1280", "720:720", "960:720", "720:960", "1680:720"}

func (fk *fakeRunway) create(w http.ResponseWriter, r *http.Request) {
	if !fk.authorized(w, r) {
		return
	}
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/json" {
		writeJSON(w, 400, map[string]any{"error": "Request body must be JSON."})
		return
	}
	var body map[string]any
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		writeJSON(w, 400, map[string]any{"error": "Request body must be JSON."})
		return
	}
	bad := func(msg string) { writeJSON(w, 400, map[string]any{"error": "Validation of body failed: " + msg}) }
	for k := range body {
		if !slices.Contains([]string{"model", "promptText", "ratio", "seed", "referenceImages", "contentModeration"}, k) {
			bad("unrecognized key '" + k + "'")
			return
		}
	}
	fk.mu.Lock()
	fk.bodies = append(fk.bodies, body)
	fk.mu.Unlock()
	model, _ := body["model"].(string)
	prompt, _ := body["promptText"].(string)
	ratio, _ := body["ratio"].(string)
	refs, _ := body["referenceImages"].([]any)
	seed := 0.0
	if v, ok := body["seed"]; ok {
		f, isNum := v.(float64)
		if !isNum || f != float64(int64(f)) || f < 0 || f > 4294967295 {
			bad("seed must be an integer from 0 to 4294967295")
			return
		}
		seed = f
	}
	switch {
	case model != "gen4_image" && model != "gen4_image_turbo":
		bad("model must be gen4_image or gen4_image_turbo")
		return
	case model == "gen4_image_turbo" && len(refs) == 0:
		bad("gen4_image_turbo requires at least one reference image")
		return
	case prompt == "" || utf8.RuneCountInString(prompt) > 1000:
		bad("promptText must be 1 to 1000 characters")
		return
	case !slices.Contains(ratios, ratio):
		bad("ratio must be one of " + strings.Join(ratios, ", "))
		return
	}
	switch fk.fault {
	case enginetest.FaultRateLimit:
		w.Header().Set("Retry-After", "7")
		writeJSON(w, 429, map[string]any{"error": "You have exceeded the rate limit."})
		return
	case enginetest.FaultUnavailable:
		writeJSON(w, 502, map[string]any{"error": "Bad gateway."})
		return
	case enginetest.FaultHang:
		<-r.Context().Done()
		return
	}
	var wd, ht int
	fmt.Sscanf(ratio, "%d:%d", &wd, &ht)
	fk.mu.Lock()
	id := fmt.Sprintf("0f0e0d0c-0000-4000-8000-%012d", len(fk.tasks)+1)
	fk.tasks[id] = &fakeTask{w: wd, h: ht, seed: int64(seed)}
	fk.mu.Unlock()
	writeJSON(w, 200, map[string]any{"id": id})
}

func (fk *fakeRunway) get(w http.ResponseWriter, r *http.Request) {
	if !fk.authorized(w, r) {
		return
	}
	id := r.PathValue("id")
	fk.mu.Lock()
	defer fk.mu.Unlock()
	tk, ok := fk.tasks[id]
	if !ok {
		writeJSON(w, 404, map[string]any{"error": "Task not found."})
		return
	}
	tk.polls++
	out := map[string]any{"id": id, "createdAt": "2026-11-25T12:00:00.000Z"}
	switch {
	case tk.status == "CANCELLED":
		out["status"] = "CANCELLED"
	case tk.polls <= fk.throttle:
		out["status"] = "THROTTLED"
	case tk.polls == fk.throttle+1:
		out["status"] = "PENDING"
	case tk.polls == fk.throttle+2:
		out["status"], out["progress"] = "RUNNING", 0.4
	case fk.fault == enginetest.FaultContentPolicy:
		out["status"], out["failure"], out["failureCode"] = "FAILED", "The prompt was flagged by content moderation.", "SAFETY.INPUT.TEXT"
	default:
		out["status"], out["output"] = "SUCCEEDED", []string{fk.srv.URL + "/output/" + id + "?X-Amz-Signature=abc"}
	}
	writeJSON(w, 200, out)
}

func (fk *fakeRunway) output(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") != "" {
		http.Error(w, "Only one auth mechanism allowed", 400)
		return
	}
	fk.mu.Lock()
	tk, ok := fk.tasks[r.PathValue("id")]
	fk.mu.Unlock()
	if !ok || r.URL.Query().Get("X-Amz-Signature") == "" {
		http.Error(w, "AccessDenied", 403)
		return
	}
	img := enginetest.PNG(tk.w, tk.h, tk.seed)
	switch fk.fault {
	case enginetest.FaultTruncatedImage:
		img = enginetest.Truncated(img)
	case enginetest.FaultMalformedImage:
		img = enginetest.Malformed()
	}
	w.Header().Set("Content-Type", "image/png")
	w.Write(img)
}

// Package runwaytest is a strict fake of Runway's text-to-image API on
// loopback, for tests in any package: the engine's own tests and the
// end-to-end tests of the CLI, which point EASEL_RUNWAY_URL at URL().
package runwaytest

import (
	"encoding/json"
	"fmt"
	"maps"
	"mime"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/easel-art/easel/engine/enginetest"
)

// Key is the only API key the fake accepts.
const Key = "key_runway_0123456789"

// Server is a strict stand-in for POST /v1/text_to_image,
// GET/DELETE /v1/tasks/{id}, GET /v1/organization and the pre-signed
// output URLs. It rejects a missing or wrong bearer key (401), a missing
// or wrong X-Runway-Version (400), a body that is not JSON, unknown or
// missing fields, unknown models, gen4_image_turbo without reference
// images, prompts over 1000 characters, ratios outside the list and seeds
// out of range (400); the output URLs refuse requests that carry an
// Authorization header, as pre-signed storage URLs do.
//
// A task answers its polls THROTTLED (Throttle times), PENDING, RUNNING,
// then SUCCEEDED, or FAILED with a SAFETY code under
// enginetest.FaultContentPolicy.
//
// The exported fields are switches: set them before the first request.
type Server struct {
	// Fault makes every valid task fail that way.
	Fault enginetest.Fault
	// Throttle is how many polls are answered THROTTLED before a task runs.
	Throttle int
	// Instant ends every task at its first poll, for tests of the code
	// that uses the engine: the client waits its poll interval (5s by
	// default) between polls, so each PENDING or RUNNING answer costs a wait.
	Instant bool

	srv *httptest.Server

	mu        sync.Mutex // guards calls, bodies, tasks and cancelled
	calls     int
	bodies    []map[string]any
	tasks     map[string]*fakeTask
	cancelled []string
}

type fakeTask struct {
	polls  int
	w, h   int
	seed   int64
	status string
}

// New starts a fake that fails the way fault says (enginetest.FaultNone
// for a well-behaved one); it is closed when the test ends.
func New(t testing.TB, fault enginetest.Fault) *Server {
	s := &Server{Fault: fault, tasks: map[string]*fakeTask{}}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/text_to_image", s.create)
	mux.HandleFunc("GET /v1/tasks/{id}", s.get)
	mux.HandleFunc("DELETE /v1/tasks/{id}", func(w http.ResponseWriter, r *http.Request) {
		if !s.authorized(w, r) {
			return
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		if tk, ok := s.tasks[r.PathValue("id")]; ok {
			tk.status = "CANCELLED"
			s.cancelled = append(s.cancelled, r.PathValue("id"))
		}
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("GET /v1/organization", func(w http.ResponseWriter, r *http.Request) {
		if s.authorized(w, r) {
			writeJSON(w, 200, map[string]any{"creditBalance": 1000, "tier": map[string]any{}, "usage": map[string]any{}})
		}
	})
	mux.HandleFunc("GET /output/{id}", s.output)
	s.srv = httptest.NewServer(mux)
	t.Cleanup(s.srv.Close)
	return s
}

// URL is the API host, what EASEL_RUNWAY_URL holds.
func (s *Server) URL() string { return s.srv.URL }

// Client returns an HTTP client for the fake.
func (s *Server) Client() *http.Client { return s.srv.Client() }

// Requests returns how many API requests (create, poll, cancel, check)
// reached the fake, valid or not.
func (s *Server) Requests() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls
}

// Bodies returns the bodies of the create requests that passed the key,
// header and field-name checks, in order.
func (s *Server) Bodies() []map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]map[string]any, len(s.bodies))
	for i, b := range s.bodies {
		out[i] = maps.Clone(b)
	}
	return out
}

// Cancelled returns the ids of the tasks cancelled with DELETE.
func (s *Server) Cancelled() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.cancelled)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func (s *Server) authorized(w http.ResponseWriter, r *http.Request) bool {
	s.mu.Lock()
	s.calls++
	s.mu.Unlock()
	if r.Header.Get("Authorization") != "Bearer "+Key {
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

func (s *Server) create(w http.ResponseWriter, r *http.Request) {
	if !s.authorized(w, r) {
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
	s.mu.Lock()
	s.bodies = append(s.bodies, body)
	s.mu.Unlock()
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
	switch s.Fault {
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
	s.mu.Lock()
	id := fmt.Sprintf("0f0e0d0c-0000-4000-8000-%012d", len(s.tasks)+1)
	s.tasks[id] = &fakeTask{w: wd, h: ht, seed: int64(seed)}
	s.mu.Unlock()
	writeJSON(w, 200, map[string]any{"id": id})
}

func (s *Server) get(w http.ResponseWriter, r *http.Request) {
	if !s.authorized(w, r) {
		return
	}
	id := r.PathValue("id")
	s.mu.Lock()
	defer s.mu.Unlock()
	tk, ok := s.tasks[id]
	if !ok {
		writeJSON(w, 404, map[string]any{"error": "Task not found."})
		return
	}
	tk.polls++
	out := map[string]any{"id": id, "createdAt": "2026-11-25T12:00:00.000Z"}
	switch {
	case tk.status == "CANCELLED":
		out["status"] = "CANCELLED"
	case !s.Instant && tk.polls <= s.Throttle:
		out["status"] = "THROTTLED"
	case !s.Instant && tk.polls == s.Throttle+1:
		out["status"] = "PENDING"
	case !s.Instant && tk.polls == s.Throttle+2:
		out["status"], out["progress"] = "RUNNING", 0.4
	case s.Fault == enginetest.FaultContentPolicy:
		out["status"], out["failure"], out["failureCode"] = "FAILED", "The prompt was flagged by content moderation.", "SAFETY.INPUT.TEXT"
	default:
		out["status"], out["output"] = "SUCCEEDED", []string{s.srv.URL + "/output/" + id + "?X-Amz-Signature=abc"}
	}
	writeJSON(w, 200, out)
}

func (s *Server) output(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") != "" {
		http.Error(w, "Only one auth mechanism allowed", 400)
		return
	}
	s.mu.Lock()
	tk, ok := s.tasks[r.PathValue("id")]
	s.mu.Unlock()
	if !ok || r.URL.Query().Get("X-Amz-Signature") == "" {
		http.Error(w, "AccessDenied", 403)
		return
	}
	img := enginetest.PNG(tk.w, tk.h, tk.seed)
	switch s.Fault {
	case enginetest.FaultTruncatedImage:
		img = enginetest.Truncated(img)
	case enginetest.FaultMalformedImage:
		img = enginetest.Malformed()
	}
	w.Header().Set("Content-Type", "image/png")
	w.Write(img)
}

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
	"strconv"
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
// missing fields, unknown models, fields the model does not take (seed and
// contentModeration are gen4's), reference images outside the model's
// limits (gen4_image_turbo needs one), prompts over the model's limit
// (gen4's 1000 counted in UTF-16 code units, as the API does), ratios and
// output counts the model does not take and seeds out of range (400); the output URLs refuse requests that carry an
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
	count  int // outputs
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

// modelSpec is one text-to-image model as @runwayml/sdk 4.12.0 declares it
// (src/resources/text-to-image.ts), written here by hand so a test can
// hold the engine's capabilities.json against it.
type modelSpec struct {
	fields      []string // the body fields beside model, promptText and ratio
	ratios      []string
	promptUTF16 int   // promptText limit in UTF-16 code units (gen4)
	promptChars int   // promptText limit in characters (0: none stated)
	counts      []int // outputCount values (nil: the field is not taken; [0]: any positive number)
	refsMin     int
	refsMax     int // 0: no limit stated
}

var (
	gen4Ratios = []string{"1024:1024", "1080:1080", "1168:880", "1360:768", "1440:1080", "1080:1440", "1808:768", "1920:1080",
		"1080:1920", "2112:912", "1280:720", "720:1280", "720:720", "960:720", "720:960", "1680:720"}
	gemini3Ratios = []string{"1344:768", "768:1344", "1024:1024", "1184:864", "864:1184", "1536:672", "832:1248", "1248:832", "896:1152",
		"1152:896", "2048:2048", "1696:2528", "2528:1696", "1792:2400", "2400:1792", "1856:2304", "2304:1856", "1536:2752", "2752:1536",
		"3168:1344", "4096:4096", "3392:5056", "5056:3392", "3584:4800", "4800:3584", "3712:4608", "4608:3712", "3072:5504", "5504:3072", "6336:2688"}
	specs = map[string]modelSpec{
		"gen4_image":       {fields: []string{"seed", "referenceImages", "contentModeration"}, ratios: gen4Ratios, promptUTF16: 1000, refsMax: 3},
		"gen4_image_turbo": {fields: []string{"seed", "referenceImages", "contentModeration"}, ratios: gen4Ratios, promptUTF16: 1000, refsMin: 1, refsMax: 3},
		"gpt_image_2": {fields: []string{"background", "outputCount", "quality", "referenceImages"}, promptChars: 32000, counts: []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, refsMax: 16,
			ratios: []string{"2048:880", "1920:1088", "1920:1280", "1920:1440", "1920:1536", "1920:1920", "1536:1920", "1440:1920", "1280:1920", "1088:1920",
				"2912:1248", "2560:1440", "2560:1712", "2560:1920", "2560:2048", "2560:2560", "2048:2560", "1920:2560", "1712:2560", "1440:2560",
				"3840:1648", "3840:2160", "3504:2336", "3264:2448", "3200:2560", "2880:2880", "2560:3200", "2448:3264", "2336:3504", "2160:3840", "auto"}},
		"gemini_image3_pro": {fields: []string{"outputCount", "referenceImages"}, ratios: gemini3Ratios, counts: []int{1, 4}, refsMax: 14},
		"gemini_image3.1_flash": {fields: []string{"outputCount", "referenceImages"}, counts: []int{1, 4}, refsMax: 14,
			ratios: append([]string{"512:512", "416:624", "624:416", "432:592", "592:432", "448:576", "576:448", "384:672", "672:384", "768:336",
				"256:1024", "1024:256", "176:1408", "1408:176", "512:2048", "2048:512", "352:2816", "2816:352", "1024:4096", "4096:1024",
				"704:5632", "5632:704", "2048:8192", "8192:2048", "1408:11264", "11264:1408"}, gemini3Ratios...)},
		"seedream5_pro": {fields: []string{"grounding", "outputCount", "outputFormat", "referenceImages"}, promptChars: 4000, counts: []int{0},
			ratios: []string{"1024:1024", "1184:896", "896:1184", "1376:768", "768:1376", "1296:864", "864:1296", "2048:2048", "2304:1728",
				"1728:2304", "2720:1530", "1530:2720", "2496:1664", "1664:2496", "auto_1k", "auto_2k"}},
		"seedream5_lite": {fields: []string{"outputCount", "outputFormat", "referenceImages"}, promptChars: 4000, counts: []int{0},
			ratios: []string{"2048:2048", "2304:1728", "1728:2304", "2848:1600", "1600:2848", "2496:1664", "1664:2496", "3136:1344", "3072:3072",
				"3456:2592", "2592:3456", "4096:2304", "2304:4096", "3744:2496", "2496:3744", "4704:2016"}},
		"gemini_2.5_flash": {fields: []string{"referenceImages"}, refsMax: 3,
			ratios: []string{"1344:768", "768:1344", "1024:1024", "1184:864", "864:1184", "1536:672", "832:1248", "1248:832", "896:1152", "1152:896"}},
	}
)

// Models returns the text-to-image models the fake serves.
func Models() []string { return slices.Sorted(maps.Keys(specs)) }

// Ratios returns the ratios model takes.
func Ratios(model string) []string { return slices.Clone(specs[model].ratios) }

// OutputCountOK reports whether model takes outputCount n (1 always: the
// field left out).
func OutputCountOK(model string, n int) bool {
	c := specs[model].counts
	return n == 1 || slices.Contains(c, n) || (slices.Contains(c, 0) && n > 0)
}

// Takes reports whether model takes the body field.
func Takes(model, field string) bool { return slices.Contains(specs[model].fields, field) }

// PromptLimit returns model's promptText limit and whether it counts
// UTF-16 code units (else characters); 0 when none is stated.
func PromptLimit(model string) (int, bool) {
	if sp := specs[model]; sp.promptUTF16 > 0 {
		return sp.promptUTF16, true
	}
	return specs[model].promptChars, false
}

// References returns the reference-image limits of model (max 0: none stated).
func References(model string) (minRefs, maxRefs int) {
	return specs[model].refsMin, specs[model].refsMax
}

// utf16Len counts s in UTF-16 code units.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x10000 {
			n++
		}
	}
	return n
}

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
	model, _ := body["model"].(string)
	sp, known := specs[model]
	if !known {
		bad("model must be one of " + strings.Join(Models(), ", "))
		return
	}
	for k := range body {
		if !slices.Contains(append([]string{"model", "promptText", "ratio"}, sp.fields...), k) {
			bad("unrecognized key '" + k + "' for model " + model)
			return
		}
	}
	s.mu.Lock()
	s.bodies = append(s.bodies, body)
	s.mu.Unlock()
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
	count := 1
	if v, ok := body["outputCount"]; ok {
		f, isNum := v.(float64)
		if !isNum || f != float64(int(f)) || !OutputCountOK(model, int(f)) {
			bad(fmt.Sprintf("outputCount %v is not one %s takes", v, model))
			return
		}
		count = int(f)
	}
	if cm, ok := body["contentModeration"]; ok {
		m, _ := cm.(map[string]any)
		if th, ok := m["publicFigureThreshold"]; len(m) != 1 || !ok || (th != "auto" && th != "low") {
			bad("contentModeration.publicFigureThreshold must be auto or low")
			return
		}
	}
	if msg := checkReferences(refs); msg != "" {
		bad(msg)
		return
	}
	switch {
	case len(refs) < sp.refsMin:
		bad(model + " requires at least one reference image")
		return
	case sp.refsMax > 0 && len(refs) > sp.refsMax:
		bad(fmt.Sprintf("%s takes at most %d reference images", model, sp.refsMax))
		return
	case prompt == "":
		bad("promptText must not be empty")
		return
	case sp.promptUTF16 > 0 && utf16Len(prompt) > sp.promptUTF16:
		bad(fmt.Sprintf("promptText must be at most %d characters (UTF-16 code units)", sp.promptUTF16))
		return
	case sp.promptChars > 0 && utf8.RuneCountInString(prompt) > sp.promptChars:
		bad(fmt.Sprintf("promptText must be at most %d characters", sp.promptChars))
		return
	case !slices.Contains(sp.ratios, ratio):
		bad("ratio must be one of " + strings.Join(sp.ratios, ", "))
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
	s.tasks[id] = &fakeTask{w: wd, h: ht, seed: int64(seed), count: count}
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
		var urls []string
		for i := range tk.count {
			urls = append(urls, fmt.Sprintf("%s/output/%s?n=%d&X-Amz-Signature=abc", s.srv.URL, id, i))
		}
		out["status"], out["output"] = "SUCCEEDED", urls
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
	n, _ := strconv.Atoi(r.URL.Query().Get("n"))
	img := enginetest.PNG(tk.w, tk.h, tk.seed+int64(n))
	switch s.Fault {
	case enginetest.FaultTruncatedImage:
		img = enginetest.Truncated(img)
	case enginetest.FaultMalformedImage:
		img = enginetest.Malformed()
	}
	w.Header().Set("Content-Type", "image/png")
	w.Write(img)
}

// Package a1111test is a strict fake of the AUTOMATIC1111 / Forge web UI
// API on loopback, for tests in any package: the engine's own tests and the
// end-to-end tests of the CLI, which point EASEL_A1111_URL at URL().
package a1111test

import (
	"encoding/base64"
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
	"time"

	"github.com/easel-art/easel/engine/enginetest"
)

// Server is a strict stand-in for the web UI's /sdapi/v1/txt2img,
// /sdapi/v1/progress, /sdapi/v1/sd-models, /sdapi/v1/options and
// /sdapi/v1/interrupt. As the real one it renders an unknown
// sd_model_checkpoint with the loaded checkpoint, puts a grid and its
// infotext first when Grid is set, and keeps a job running after its
// caller leaves until /sdapi/v1/interrupt. It answers 401 with WWW-Authenticate: Basic when
// --api-auth is on (User set) and the credentials are missing or wrong,
// 422 (as FastAPI does) for a body that is not a JSON object, for fields
// of the wrong type and for fields the request model does not have (the
// real server ignores those; the fake is stricter so a misspelt field
// cannot pass unnoticed), and 404 "Sampler not found" for an unknown
// sampler.
//
// The exported fields are switches: set them before the first request.
type Server struct {
	// Fault makes every valid txt2img request fail that way.
	Fault enginetest.Fault
	// User and Pass turn on --api-auth with these credentials.
	User, Pass string
	// NoAPI answers 404 everywhere, as a UI started without --api.
	NoAPI bool
	// Grid returns a grid before the images of a batch, as the UI does,
	// with its own infotext before theirs.
	Grid bool
	// Checkpoints are what GET /sdapi/v1/sd-models lists; the first is
	// loaded. New fills in three.
	Checkpoints []Checkpoint
	// OtherJob makes another caller's job the running one: a txt2img that
	// arrives waits behind it (queued), as on a shared web UI.
	OtherJob bool
	// NoTaskRoutes answers 404 on /internal/progress, as web UIs older
	// than force_task_id do.
	NoTaskRoutes bool

	srv *httptest.Server

	mu         sync.Mutex // guards calls, progress, bodies, interrupts and stop
	calls      int
	progress   float64
	bodies     []map[string]any
	interrupts int
	stop       chan struct{} // closed by /sdapi/v1/interrupt
	done       chan struct{} // closed when the test ends
	current    string        // the force_task_id of the job running
	queued     []string
}

// Checkpoint is one entry of /sdapi/v1/sd-models.
type Checkpoint struct {
	Title     string `json:"title"`
	ModelName string `json:"model_name"`
	Hash      string `json:"hash"`
	SHA256    string `json:"sha256"`
	Filename  string `json:"filename"`
	Config    any    `json:"config"`
}

// names are the names the web UI resolves to k (its checkpoint aliases).
func (k Checkpoint) names() []string {
	file := k.Filename[strings.LastIndex(k.Filename, "/")+1:]
	return []string{k.Title, k.ModelName, file, strings.TrimSuffix(file, ".safetensors"), k.Hash, k.SHA256}
}

func checkpoint(name, hash string) Checkpoint {
	return Checkpoint{
		Title: name + ".safetensors [" + hash + "]", ModelName: name, Hash: hash,
		SHA256: hash + strings.Repeat("0", 54), Filename: "/models/Stable-diffusion/" + name + ".safetensors",
	}
}

// Interrupts returns how many times /sdapi/v1/interrupt was called.
func (s *Server) Interrupts() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.interrupts
}

// resolve returns the checkpoint name names, as the web UI looks it up.
func (s *Server) resolve(name string) (Checkpoint, bool) {
	for _, k := range s.Checkpoints {
		if slices.Contains(k.names(), name) {
			return k, true
		}
	}
	return Checkpoint{}, false
}

// New starts a fake that fails the way fault says (enginetest.FaultNone
// for a well-behaved one); it is closed when the test ends.
func New(t testing.TB, fault enginetest.Fault) *Server {
	s := &Server{Fault: fault, stop: make(chan struct{}), done: make(chan struct{}), Checkpoints: []Checkpoint{
		checkpoint("v1-5-pruned-emaonly", "6ce0161689"),
		checkpoint("sd_xl_base_1.0", "31e35c80fc"),
		checkpoint("dreamshaper_8", "879db523c3"),
	}}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /sdapi/v1/txt2img", s.txt2img)
	s.routeEdits(mux)
	mux.HandleFunc("GET /sdapi/v1/sd-models", func(w http.ResponseWriter, r *http.Request) {
		if s.authorized(w, r) {
			writeJSON(w, 200, s.Checkpoints)
		}
	})
	mux.HandleFunc("GET /sdapi/v1/options", func(w http.ResponseWriter, r *http.Request) {
		if s.authorized(w, r) {
			writeJSON(w, 200, map[string]any{"sd_model_checkpoint": s.Checkpoints[0].Title, "samples_format": "png", "return_grid": true, "CLIP_stop_at_last_layers": 1})
		}
	})
	mux.HandleFunc("POST /internal/progress", func(w http.ResponseWriter, r *http.Request) {
		if s.NoTaskRoutes {
			writeJSON(w, 404, map[string]any{"detail": "Not Found"})
			return
		}
		var req struct {
			IDTask string `json:"id_task"`
		}
		json.NewDecoder(r.Body).Decode(&req)
		s.mu.Lock()
		active := req.IDTask != "" && req.IDTask == s.current
		queued := slices.Contains(s.queued, req.IDTask)
		s.mu.Unlock()
		writeJSON(w, 200, map[string]any{"active": active, "queued": queued, "completed": false, "id_live_preview": -1, "textinfo": "Waiting..."})
	})
	mux.HandleFunc("POST /sdapi/v1/interrupt", func(w http.ResponseWriter, r *http.Request) {
		if !s.authorized(w, r) {
			return
		}
		s.mu.Lock()
		s.interrupts++
		select {
		case <-s.stop:
		default:
			close(s.stop)
		}
		s.mu.Unlock()
		writeJSON(w, 200, map[string]any{})
	})
	mux.HandleFunc("GET /sdapi/v1/progress", func(w http.ResponseWriter, r *http.Request) {
		if !s.authorized(w, r) {
			return
		}
		s.mu.Lock()
		p := s.progress
		s.mu.Unlock()
		writeJSON(w, 200, map[string]any{
			"progress": p, "eta_relative": 1.0,
			"state":         map[string]any{"skipped": false, "interrupted": false, "job": "", "job_count": 1, "sampling_step": int(p * 20), "sampling_steps": 20},
			"current_image": nil, "textinfo": nil,
		})
	})
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.NoAPI {
			writeJSON(w, 404, map[string]any{"detail": "Not Found"})
			return
		}
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.srv.Close)
	// Runs before Close (cleanups run last first): a job still waiting
	// for an interrupt ends with the test.
	t.Cleanup(func() { close(s.done) })
	return s
}

// URL is what EASEL_A1111_URL holds: the fake's address, with User and
// Pass in it when --api-auth is on.
func (s *Server) URL() string {
	if s.User == "" {
		return s.srv.URL
	}
	return s.URLWith(s.User, s.Pass)
}

// URLWith is the fake's address carrying user and pass, right or wrong.
func (s *Server) URLWith(user, pass string) string {
	return strings.Replace(s.srv.URL, "http://", "http://"+user+":"+pass+"@", 1)
}

// Addr is the fake's address without credentials.
func (s *Server) Addr() string { return s.srv.URL }

// Client returns an HTTP client for the fake.
func (s *Server) Client() *http.Client { return s.srv.Client() }

// Close stops the fake at once, as a UI that went away.
func (s *Server) Close() { s.srv.Close() }

// Requests returns how many txt2img requests reached the fake, valid or not.
func (s *Server) Requests() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls
}

// Bodies returns the txt2img bodies that passed the field checks, in order.
func (s *Server) Bodies() []map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]map[string]any, len(s.bodies))
	for i, b := range s.bodies {
		out[i] = maps.Clone(b)
	}
	return out
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func (s *Server) authorized(w http.ResponseWriter, r *http.Request) bool {
	if s.User == "" {
		return true
	}
	u, p, ok := r.BasicAuth()
	if !ok || u != s.User || p != s.Pass {
		w.Header().Set("WWW-Authenticate", "Basic")
		writeJSON(w, 401, map[string]any{"detail": "Incorrect username or password"})
		return false
	}
	return true
}

func validation(w http.ResponseWriter, loc []any, msg string) {
	writeJSON(w, 422, map[string]any{"detail": []any{map[string]any{"loc": loc, "msg": msg, "type": "value_error"}}})
}

// fieldKinds are the txt2img request fields and their JSON kinds, from
// StableDiffusionProcessingTxt2Img and the API-only fields.
var fieldKinds = map[string]string{
	"prompt": "string", "negative_prompt": "string", "styles": "array", "seed": "int", "subseed": "int",
	"subseed_strength": "number", "seed_resize_from_h": "int", "seed_resize_from_w": "int",
	"sampler_name": "string", "sampler_index": "string", "scheduler": "string", "batch_size": "int",
	"n_iter": "int", "steps": "int", "cfg_scale": "number", "width": "int", "height": "int",
	"restore_faces": "bool", "tiling": "bool", "do_not_save_samples": "bool", "do_not_save_grid": "bool",
	"eta": "number", "denoising_strength": "number", "override_settings": "object",
	"override_settings_restore_afterwards": "bool", "refiner_checkpoint": "string", "refiner_switch_at": "number",
	"disable_extra_networks": "bool", "comments": "object", "enable_hr": "bool", "hr_scale": "number",
	"hr_upscaler": "string", "hr_second_pass_steps": "int", "hr_resize_x": "int", "hr_resize_y": "int",
	"hr_checkpoint_name": "string", "hr_sampler_name": "string", "hr_scheduler": "string", "hr_prompt": "string",
	"hr_negative_prompt": "string", "firstphase_width": "int", "firstphase_height": "int",
	"script_name": "string", "script_args": "array", "alwayson_scripts": "object", "send_images": "bool",
	"save_images": "bool", "force_task_id": "string", "infotext": "string",
}

// Samplers returns the sampler names the fake takes.
func Samplers() []string { return slices.Clone(samplers) }

var samplers = []string{"Euler a", "Euler", "DPM++ 2M", "DPM++ SDE", "DPM++ 2M SDE", "DDIM", "UniPC"}

func kindOK(kind string, v any) bool {
	switch kind {
	case "string":
		_, ok := v.(string)
		return ok
	case "int":
		f, ok := v.(float64)
		return ok && f == float64(int64(f))
	case "number":
		_, ok := v.(float64)
		return ok
	case "bool":
		_, ok := v.(bool)
		return ok
	case "array":
		_, ok := v.([]any)
		return ok
	case "object":
		_, ok := v.(map[string]any)
		return ok
	}
	return false
}

func (s *Server) txt2img(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.calls++
	s.mu.Unlock()
	if !s.authorized(w, r) {
		return
	}
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/json" {
		validation(w, []any{"body"}, "value is not a valid dict")
		return
	}
	var body map[string]any
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		validation(w, []any{"body"}, "value is not a valid dict")
		return
	}
	for k, v := range body {
		kind, known := fieldKinds[k]
		if !known {
			validation(w, []any{"body", k}, "extra fields not permitted")
			return
		}
		if !kindOK(kind, v) {
			validation(w, []any{"body", k}, "value is not a valid "+kind)
			return
		}
	}
	s.mu.Lock()
	s.bodies = append(s.bodies, body)
	s.mu.Unlock()
	num := func(k string, def float64) float64 {
		if f, ok := body[k].(float64); ok {
			return f
		}
		return def
	}
	if name, ok := body["sampler_name"].(string); ok && !slices.Contains(samplers, name) {
		writeJSON(w, 404, map[string]any{"error": "HTTPException", "detail": "Sampler not found", "body": "", "errors": ""})
		return
	}
	switch s.Fault {
	case enginetest.FaultRateLimit: // a reverse proxy in front of the UI
		w.Header().Set("Retry-After", "7")
		http.Error(w, "Too Many Requests", 429)
		return
	case enginetest.FaultUnavailable:
		writeJSON(w, 500, map[string]any{"error": "OutOfMemoryError", "detail": "", "body": "", "errors": "CUDA out of memory."})
		return
	case enginetest.FaultHang:
		// A job runs until it ends or is interrupted; the caller going
		// away does not stop it. Behind another caller's job it waits
		// in the queue.
		id, _ := body["force_task_id"].(string)
		s.mu.Lock()
		stop := s.stop
		if s.OtherJob {
			s.current = "task(someone-else)"
			s.queued = append(s.queued, id)
		} else {
			s.current = id
		}
		s.mu.Unlock()
		select {
		case <-stop:
		case <-s.done:
		}
		return
	}
	width, height := int(num("width", 512)), int(num("height", 512))
	batch, seed := int(num("batch_size", 1)), int64(num("seed", -1))
	if seed == -1 {
		seed = 1234
	}
	if width < 64 || height < 64 || width > 2048 || height > 2048 || batch < 1 {
		writeJSON(w, 500, map[string]any{"error": "RuntimeError", "detail": "", "body": "", "errors": "bad size"})
		return
	}
	// Sample: progress moves while the job runs.
	for step := 1; step <= 3; step++ {
		s.mu.Lock()
		s.progress = float64(step) / 4
		s.mu.Unlock()
		time.Sleep(10 * time.Millisecond)
	}
	s.mu.Lock()
	s.progress = 0
	s.mu.Unlock()

	prompt, _ := body["prompt"].(string)
	neg, _ := body["negative_prompt"].(string)
	sampler, _ := body["sampler_name"].(string)
	if sampler == "" {
		sampler = "Euler"
	}
	// An unknown checkpoint in override_settings is dropped without a
	// word, as the web UI does: the loaded one renders.
	model := s.Checkpoints[0].ModelName
	if o, ok := body["override_settings"].(map[string]any); ok {
		if m, ok := o["sd_model_checkpoint"].(string); ok {
			if k, found := s.resolve(m); found {
				model = k.ModelName
			}
		}
	}
	var images []string
	var seeds []int64
	var infotexts []string
	first := 0
	if s.Grid && batch > 1 {
		images = append(images, base64.StdEncoding.EncodeToString(enginetest.PNG(width*2, height, 0)))
		first = 1
	}
	infotext := func(sd int64) string {
		text := prompt
		if neg != "" {
			text += "\nNegative prompt: " + neg
		}
		return text + fmt.Sprintf("\nSteps: %d, Sampler: %s, Schedule type: %v, CFG scale: %v, Seed: %d, Size: %dx%d, Model hash: 6ce0161689, Model: %s, Version: v1.10.1",
			int(num("steps", 50)), sampler, body["scheduler"], num("cfg_scale", 7), sd, width, height, model)
	}
	if first == 1 {
		// processing.py inserts the grid's infotext (the first image's) at 0.
		infotexts = append(infotexts, infotext(seed))
	}
	for i := range batch {
		sd := seed + int64(i)
		img := enginetest.PNG(width, height, sd)
		switch s.Fault {
		case enginetest.FaultTruncatedImage:
			img = enginetest.Truncated(img)
		case enginetest.FaultMalformedImage:
			img = enginetest.Malformed()
		}
		images = append(images, base64.StdEncoding.EncodeToString(img))
		seeds = append(seeds, sd)
		infotexts = append(infotexts, infotext(sd))
	}
	info, _ := json.Marshal(map[string]any{
		"prompt": prompt, "all_prompts": slices.Repeat([]string{prompt}, batch), "negative_prompt": neg,
		"seed": seed, "all_seeds": seeds, "subseed": 99, "width": width, "height": height,
		"sampler_name": sampler, "cfg_scale": num("cfg_scale", 7), "steps": int(num("steps", 50)),
		"batch_size": batch, "sd_model_name": model, "sd_model_hash": "6ce0161689",
		"index_of_first_image": first, "infotexts": infotexts, "job_timestamp": "20261125120000",
		"clip_skip": 1, "version": "v1.10.1",
	})
	writeJSON(w, 200, map[string]any{"images": images, "parameters": body, "info": string(info)})
}

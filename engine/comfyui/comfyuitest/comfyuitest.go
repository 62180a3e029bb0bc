// Package comfyuitest is a strict fake of a ComfyUI server, websocket
// included, on loopback, for tests in any package: the engine's own tests
// and the end-to-end tests of the CLI, which point EASEL_COMFYUI_URL at
// URL().
package comfyuitest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/easel-art/easel/engine/enginetest"
)

// Server is a strict stand-in for a ComfyUI server: POST /prompt,
// GET /history/{id}, GET /view, GET /object_info/{class}, GET
// /system_stats, POST /queue, POST /interrupt and the /ws websocket.
//
// /prompt validates the graph as ComfyUI does before queueing: a missing
// prompt (no_prompt), unknown node classes, missing required inputs, links
// to missing nodes or outputs, values of the wrong type or outside a
// list (value_not_in_list: checkpoints, samplers, schedulers) and a graph
// without an output node (prompt_no_outputs) are 400 with node_errors.
// Cross-origin POSTs are 403. It also refuses top-level keys /prompt does
// not know. Events go only to the websocket whose clientId matches the
// prompt's client_id, and /history stays {} for a while after
// execution_success, as on a real server.
//
// The exported fields are switches: set them before the first request.
type Server struct {
	// Fault makes every valid prompt fail that way.
	Fault enginetest.Fault
	// NoWS refuses the websocket upgrade.
	NoWS bool
	// DropWS closes sockets as soon as a prompt is queued.
	DropWS bool
	// SilentWS keeps sockets open but sends no events.
	SilentWS bool
	// HistoryLag is how long history stays {} after success (30ms from New).
	HistoryLag time.Duration
	// ExecError fails the workflow while it runs.
	ExecError bool
	// OldServer answers 404 on /models/{folder} and writes combo inputs
	// in /object_info the old way ([["a", "b"], {}]); a current server
	// has the route and writes ["COMBO", {"options": ["a", "b"]}].
	OldServer bool
	// Checkpoints are what the server has (two SD files from New).
	Checkpoints []string

	srv *httptest.Server

	mu        sync.Mutex // guards what follows
	calls     int
	prompts   map[string]map[string]any // prompt_id → graph
	order     []string
	history   map[string]map[string]any
	sockets   map[string]*websocket.Conn
	deleted   []string
	clientIDs []string
	seq       int
	files     map[string][3]float64 // saved image → width, height, seed
	extras    []map[string]any      // each queued prompt's extra_data
}

// ExtraData returns the extra_data of each prompt queued, in order.
func (s *Server) ExtraData() []map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.extras)
}

// New starts a fake that fails the way fault says (enginetest.FaultNone
// for a well-behaved one); it is closed when the test ends.
func New(t testing.TB, fault enginetest.Fault) *Server {
	s := &Server{Fault: fault, HistoryLag: 30 * time.Millisecond, Checkpoints: []string{"sd_xl_base_1.0.safetensors", "v1-5-pruned-emaonly.safetensors"},
		prompts: map[string]map[string]any{}, files: map[string][3]float64{}, history: map[string]map[string]any{}, sockets: map[string]*websocket.Conn{}}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /prompt", s.prompt)
	mux.HandleFunc("POST /upload/image", s.upload)
	mux.HandleFunc("GET /history/{id}", s.getHistory)
	mux.HandleFunc("GET /view", s.view)
	mux.HandleFunc("GET /ws", s.ws)
	mux.HandleFunc("GET /object_info/{class}", func(w http.ResponseWriter, r *http.Request) {
		spec, ok := nodeSpecs[r.PathValue("class")]
		if !ok {
			writeJSON(w, 200, map[string]any{})
			return
		}
		req := map[string]any{}
		for name, kind := range spec.inputs {
			opts := map[string]any{}
			if b, ok := bounds[name]; ok && (kind == "INT" || kind == "FLOAT") {
				opts["min"], opts["max"] = b[0], b[1]
			}
			switch list, ok := s.choices(kind); {
			case ok && s.OldServer:
				req[name] = []any{list, opts}
			case ok:
				opts["options"] = list
				req[name] = []any{"COMBO", opts}
			default:
				req[name] = []any{kind, opts}
			}
		}
		writeJSON(w, 200, map[string]any{r.PathValue("class"): map[string]any{"input": map[string]any{"required": req}, "output": spec.outputs, "name": r.PathValue("class")}})
	})
	mux.HandleFunc("GET /models/{folder}", func(w http.ResponseWriter, r *http.Request) {
		if s.OldServer {
			http.NotFound(w, r)
			return
		}
		switch r.PathValue("folder") {
		case "checkpoints":
			writeJSON(w, 200, s.Checkpoints)
		case "loras", "vae", "upscale_models", "embeddings":
			writeJSON(w, 200, []string{})
		default:
			w.WriteHeader(404) // no body, as server.py
		}
	})
	mux.HandleFunc("GET /system_stats", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, map[string]any{"system": map[string]any{"os": "posix", "comfyui_version": "0.3.60"}, "devices": []any{}})
	})
	mux.HandleFunc("POST /queue", func(w http.ResponseWriter, r *http.Request) {
		var body struct {
			Delete []string `json:"delete"`
		}
		json.NewDecoder(r.Body).Decode(&body)
		s.mu.Lock()
		s.deleted = append(s.deleted, body.Delete...)
		s.mu.Unlock()
		w.WriteHeader(200)
	})
	mux.HandleFunc("POST /interrupt", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(200) })
	s.srv = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

// URL is the server's address, what EASEL_COMFYUI_URL holds.
func (s *Server) URL() string { return s.srv.URL }

// Client returns an HTTP client for the fake.
func (s *Server) Client() *http.Client { return s.srv.Client() }

// Close drops the open websockets and stops the fake, as a server that
// went away.
func (s *Server) Close() {
	s.mu.Lock()
	for _, c := range s.sockets {
		c.CloseNow()
	}
	s.mu.Unlock()
	s.srv.Close()
}

// Requests returns how many POST /prompt requests reached the fake, valid or not.
func (s *Server) Requests() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls
}

// Prompts returns the graphs of the prompts queued, in order.
func (s *Server) Prompts() []map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]map[string]any, len(s.order))
	for i, id := range s.order {
		out[i] = s.prompts[id]
	}
	return out
}

// ClientIDs returns the client_id of each prompt queued, in order.
func (s *Server) ClientIDs() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.clientIDs)
}

// Deleted returns the prompt ids removed from the queue (POST /queue).
func (s *Server) Deleted() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.deleted)
}

// Texts returns the positive and negative texts of a queued graph: those
// of the CLIPTextEncode nodes linked to its KSampler, what the sampler was
// really given whatever the node ids.
func Texts(graph map[string]any) (positive, negative string) {
	for _, n := range graph {
		node, _ := n.(map[string]any)
		if node["class_type"] != "KSampler" {
			continue
		}
		in, _ := node["inputs"].(map[string]any)
		text := func(input string) string {
			link, _ := in[input].([]any)
			if len(link) != 2 {
				return ""
			}
			id, _ := link[0].(string)
			src, _ := graph[id].(map[string]any)
			srcIn, _ := src["inputs"].(map[string]any)
			t, _ := srcIn["text"].(string)
			return t
		}
		return text("positive"), text("negative")
	}
	return "", ""
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

type nodeSpec struct {
	inputs  map[string]string // name → INT, FLOAT, STRING, or a link type such as MODEL, or a choice list name
	outputs []string
	output  bool // an output node
}

var nodeSpecs = map[string]nodeSpec{
	"CheckpointLoaderSimple": {map[string]string{"ckpt_name": "checkpoints"}, []string{"MODEL", "CLIP", "VAE"}, false},
	"CLIPTextEncode":         {map[string]string{"text": "STRING", "clip": "CLIP"}, []string{"CONDITIONING"}, false},
	"EmptyLatentImage":       {map[string]string{"width": "INT", "height": "INT", "batch_size": "INT"}, []string{"LATENT"}, false},
	"KSampler": {map[string]string{"seed": "INT", "steps": "INT", "cfg": "FLOAT", "sampler_name": "samplers", "scheduler": "schedulers",
		"denoise": "FLOAT", "model": "MODEL", "positive": "CONDITIONING", "negative": "CONDITIONING", "latent_image": "LATENT"}, []string{"LATENT"}, false},
	"VAEDecode":    {map[string]string{"samples": "LATENT", "vae": "VAE"}, []string{"IMAGE"}, false},
	"SaveImage":    {map[string]string{"filename_prefix": "STRING", "images": "IMAGE"}, nil, true},
	"PreviewImage": {map[string]string{"images": "IMAGE"}, nil, true},
}

// bounds are the min and max of nodes.py's numeric inputs (MAX_RESOLUTION
// is 16384). execution.py's validate_inputs checks min and max only, not
// step: a width of 1000 passes, 8 does not.
var bounds = map[string][2]float64{
	"width": {16, 16384}, "height": {16, 16384}, "batch_size": {1, 4096},
	"seed": {0, 18446744073709551615}, "steps": {1, 10000}, "cfg": {0, 100}, "denoise": {0, 1},
}

// choices returns the list a combo input takes.
func (s *Server) choices(kind string) ([]string, bool) {
	if kind == "checkpoints" {
		return s.Checkpoints, true
	}
	if kind == "input_files" {
		return s.inputFiles(), true
	}
	if kind == "upscale_models" {
		return s.upscaleModelNames(), true
	}
	list, ok := choices[kind]
	return list, ok
}

var choices = map[string][]string{
	"samplers":   {"euler", "euler_ancestral", "dpmpp_2m", "dpmpp_2m_sde", "ddim", "uni_pc"},
	"schedulers": {"normal", "karras", "exponential", "simple", "sgm_uniform"},
}

func badPrompt(w http.ResponseWriter, typ, msg string, nodeErrors map[string]any) {
	if nodeErrors == nil {
		nodeErrors = map[string]any{}
	}
	writeJSON(w, 400, map[string]any{"error": map[string]any{"type": typ, "message": msg, "details": "", "extra_info": map[string]any{}}, "node_errors": nodeErrors})
}

// validate checks a graph the way ComfyUI's validate_prompt does.
func (s *Server) validate(graph map[string]any) (typ, msg string, nodeErrors map[string]any) {
	nodeErrors = map[string]any{}
	hasOutput := false
	for id, n := range graph {
		node, _ := n.(map[string]any)
		class, _ := node["class_type"].(string)
		spec, ok := nodeSpecs[class]
		if !ok {
			return "invalid_prompt", fmt.Sprintf("Cannot execute because node %s does not exist.", class), nil
		}
		hasOutput = hasOutput || spec.output
		inputs, _ := node["inputs"].(map[string]any)
		var errs []any
		add := func(typ, msg, details string) {
			errs = append(errs, map[string]any{"type": typ, "message": msg, "details": details, "extra_info": map[string]any{}})
		}
		for name, kind := range spec.inputs {
			v, ok := inputs[name]
			if !ok {
				add("required_input_missing", "Required input is missing", name)
				continue
			}
			if link, isLink := v.([]any); isLink {
				src, _ := link[0].(string)
				idx, _ := link[1].(float64)
				srcNode, ok := graph[src].(map[string]any)
				if len(link) != 2 || !ok {
					add("bad_linked_input", "Bad linked input, must be a length-2 list of [node_id, slot_index]", name)
					continue
				}
				srcClass, _ := srcNode["class_type"].(string)
				outs := nodeSpecs[srcClass].outputs
				if int(idx) >= len(outs) || outs[int(idx)] != kind {
					add("return_type_mismatch", "Return type mismatch between linked nodes", name)
				}
				continue
			}
			switch kind {
			case "INT":
				f, ok := v.(float64)
				if !ok || f != float64(int64(f)) {
					add("invalid_input_type", "Failed to convert an input value to a INT value", fmt.Sprintf("%s, %v", name, v))
				} else {
					inBounds(name, f, add)
				}
			case "FLOAT":
				if f, ok := v.(float64); !ok {
					add("invalid_input_type", "Failed to convert an input value to a FLOAT value", fmt.Sprintf("%s, %v", name, v))
				} else {
					inBounds(name, f, add)
				}
			case "STRING":
				if _, ok := v.(string); !ok {
					add("invalid_input_type", "Failed to convert an input value to a STRING value", name)
				}
			default:
				list, isList := s.choices(kind)
				s, _ := v.(string)
				if !isList {
					add("bad_linked_input", "Bad linked input, must be a length-2 list of [node_id, slot_index]", name)
				} else if !slices.Contains(list, s) {
					add("value_not_in_list", "Value not in list", fmt.Sprintf("%s: '%v' not in %v", name, v, list))
				}
			}
		}
		if len(errs) > 0 {
			nodeErrors[id] = map[string]any{"errors": errs, "dependent_outputs": []string{}, "class_type": class}
		}
	}
	if !hasOutput {
		return "prompt_no_outputs", "Prompt has no outputs", nil
	}
	if len(nodeErrors) > 0 {
		return "prompt_outputs_failed_validation", "Prompt outputs failed validation", nodeErrors
	}
	return "", "", nil
}

// inBounds reports a value outside its input's min and max, in
// execution.py's words.
func inBounds(name string, f float64, add func(typ, msg, details string)) {
	b, ok := bounds[name]
	switch {
	case !ok:
	case f < b[0]:
		add("value_smaller_than_min", fmt.Sprintf("Value %v smaller than min of %v", f, b[0]), name)
	case f > b[1]:
		add("value_bigger_than_max", fmt.Sprintf("Value %v bigger than max of %v", f, b[1]), name)
	}
}

func (s *Server) prompt(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.calls++
	s.mu.Unlock()
	if o := r.Header.Get("Origin"); o != "" {
		if u, err := url.Parse(o); err != nil || u.Host != r.Host {
			http.Error(w, "Forbidden", 403)
			return
		}
	}
	var body map[string]json.RawMessage
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		badPrompt(w, "invalid_prompt", "Invalid JSON", nil)
		return
	}
	for k := range body {
		if !slices.Contains([]string{"prompt", "client_id", "prompt_id", "extra_data", "front", "number", "partial_execution_targets"}, k) {
			badPrompt(w, "invalid_prompt", "unknown key "+k, nil)
			return
		}
	}
	var graph map[string]any
	if raw, ok := body["prompt"]; !ok || json.Unmarshal(raw, &graph) != nil || graph == nil {
		badPrompt(w, "no_prompt", "No prompt provided", nil)
		return
	}
	if typ, msg, nerr := s.validate(graph); typ != "" {
		badPrompt(w, typ, msg, nerr)
		return
	}
	var clientID string
	json.Unmarshal(body["client_id"], &clientID)
	// extra_data.extra_pnginfo is written by SaveImage as PNG text chunks,
	// one per key; "workflow" must be a UI-format graph for the ComfyUI
	// editor to open the picture.
	var extra map[string]any
	if raw, ok := body["extra_data"]; ok {
		if json.Unmarshal(raw, &extra) != nil {
			badPrompt(w, "invalid_prompt", "extra_data must be an object", nil)
			return
		}
		if info, ok := extra["extra_pnginfo"].(map[string]any); ok {
			if wf, ok := info["workflow"]; ok {
				m, _ := wf.(map[string]any)
				_, nodes := m["nodes"].([]any)
				_, links := m["links"].([]any)
				if !nodes || !links {
					badPrompt(w, "invalid_prompt", "extra_pnginfo.workflow is not a UI-format workflow", nil)
					return
				}
			}
		}
	}
	switch s.Fault {
	case enginetest.FaultRateLimit: // a proxy in front of the server
		w.Header().Set("Retry-After", "7")
		http.Error(w, "Too Many Requests", 429)
		return
	case enginetest.FaultUnavailable:
		http.Error(w, "502 Bad Gateway", 502)
		return
	case enginetest.FaultHang:
		<-r.Context().Done()
		return
	}
	s.mu.Lock()
	s.seq++
	id := fmt.Sprintf("5e1f0000-0000-4000-8000-%012d", s.seq)
	s.prompts[id] = graph
	s.order = append(s.order, id)
	s.clientIDs = append(s.clientIDs, clientID)
	s.extras = append(s.extras, extra)
	number := s.seq
	s.mu.Unlock()
	writeJSON(w, 200, map[string]any{"prompt_id": id, "number": number, "node_errors": map[string]any{}})
	if s.DropWS {
		s.mu.Lock()
		if c := s.sockets[clientID]; c != nil {
			c.Close(websocket.StatusGoingAway, "bye")
			delete(s.sockets, clientID)
		}
		s.mu.Unlock()
	}
	go s.execute(id, clientID, graph)
}

// execute runs one prompt: events over the socket, then history, late.
func (s *Server) execute(id, clientID string, graph map[string]any) {
	send := func(typ string, data map[string]any) {
		s.mu.Lock()
		c := s.sockets[clientID]
		s.mu.Unlock()
		if c == nil || s.SilentWS {
			return
		}
		data["prompt_id"] = id
		b, _ := json.Marshal(map[string]any{"type": typ, "data": data})
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		c.Write(ctx, websocket.MessageText, b)
	}
	send("execution_start", map[string]any{"timestamp": 1764000000000})
	send("execution_cached", map[string]any{"nodes": []string{}})
	var steps float64 = 3
	for step := 1.0; step <= steps; step++ {
		send("executing", map[string]any{"node": "3", "display_node": "3"})
		send("progress", map[string]any{"value": step, "max": steps, "node": "3"})
		time.Sleep(2 * time.Millisecond)
	}
	var width, height, seed float64 = 512, 512, 0
	for _, n := range graph {
		node := n.(map[string]any)
		in := node["inputs"].(map[string]any)
		switch node["class_type"] {
		case "EmptyLatentImage":
			width, height = in["width"].(float64), in["height"].(float64)
		case "KSampler":
			seed = in["seed"].(float64)
		case "LoadImage":
			if w, h, ok := s.inputSize(in["image"]); ok {
				width, height = w, h
			}
		}
	}
	width, height = scaledSize(graph, width, height)
	entry := map[string]any{"prompt": []any{0, id, graph, map[string]any{}, []string{"9"}}, "meta": map[string]any{}}
	if s.ExecError {
		msg := map[string]any{"prompt_id": id, "node_id": "3", "node_type": "KSampler", "exception_message": "Allocation on device 0 would exceed allowed memory.", "exception_type": "torch.OutOfMemoryError"}
		send("execution_error", msg)
		entry["outputs"] = map[string]any{}
		entry["status"] = map[string]any{"status_str": "error", "completed": false, "messages": []any{[]any{"execution_start", map[string]any{}}, []any{"execution_error", msg}}}
	} else {
		name := fmt.Sprintf("easel_%05d_.png", s.seqOf(id))
		images := []any{map[string]any{"filename": name, "subfolder": "", "type": "output"}}
		send("executed", map[string]any{"node": "9", "display_node": "9", "output": map[string]any{"images": images}})
		send("execution_success", map[string]any{"timestamp": 1764000000500})
		entry["outputs"] = map[string]any{"9": map[string]any{"images": images}, "10": map[string]any{"images": []any{map[string]any{"filename": "preview.png", "subfolder": "", "type": "temp"}}}}
		entry["status"] = map[string]any{"status_str": "success", "completed": true, "messages": []any{[]any{"execution_start", map[string]any{}}, []any{"execution_success", map[string]any{}}}}
		s.mu.Lock()
		s.files[name] = [3]float64{width, height, seed}
		s.mu.Unlock()
	}
	send("executing", map[string]any{"node": nil})
	// The race of Comfy-Org/ComfyUI#11540: done is said before history is written.
	time.Sleep(s.HistoryLag)
	s.mu.Lock()
	s.history[id] = entry
	s.mu.Unlock()
}

func (s *Server) seqOf(id string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Index(s.order, id) + 1
}

func (s *Server) getHistory(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	e, ok := s.history[r.PathValue("id")]
	s.mu.Unlock()
	if !ok {
		writeJSON(w, 200, map[string]any{})
		return
	}
	writeJSON(w, 200, map[string]any{r.PathValue("id"): e})
}

func (s *Server) view(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	name, sub, typ := q.Get("filename"), q.Get("subfolder"), q.Get("type")
	if name == "" || strings.Contains(name, "..") || strings.Contains(sub, "..") || path.IsAbs(sub) || name[0] == '/' {
		http.Error(w, "Forbidden", 403)
		return
	}
	if !slices.Contains([]string{"output", "input", "temp"}, typ) {
		http.Error(w, "Bad Request", 400)
		return
	}
	s.mu.Lock()
	f, ok := s.files[name]
	s.mu.Unlock()
	if !ok || typ != "output" || sub != "" {
		http.Error(w, "Not Found", 404)
		return
	}
	img := enginetest.PNG(int(f[0]), int(f[1]), int64(f[2]))
	switch s.Fault {
	case enginetest.FaultTruncatedImage:
		img = enginetest.Truncated(img)
	case enginetest.FaultMalformedImage:
		img = enginetest.Malformed()
	}
	w.Header().Set("Content-Type", "image/png")
	w.Write(img)
}

func (s *Server) ws(w http.ResponseWriter, r *http.Request) {
	if s.NoWS {
		http.Error(w, "Not Found", 404)
		return
	}
	clientID := r.URL.Query().Get("clientId")
	c, err := websocket.Accept(w, r, nil)
	if err != nil {
		return
	}
	s.mu.Lock()
	s.sockets[clientID] = c
	s.mu.Unlock()
	status, _ := json.Marshal(map[string]any{"type": "status", "data": map[string]any{"status": map[string]any{"exec_info": map[string]any{"queue_remaining": 0}}, "sid": clientID}})
	c.Write(r.Context(), websocket.MessageText, status)
	// A binary preview frame: event type 1, format 2 (PNG), then bytes.
	c.Write(r.Context(), websocket.MessageBinary, append([]byte{0, 0, 0, 1, 0, 0, 0, 2}, enginetest.PNG(8, 8, 1)...))
	// Hold the connection until the client goes away.
	c.Read(r.Context())
	s.mu.Lock()
	if s.sockets[clientID] == c {
		delete(s.sockets, clientID)
	}
	s.mu.Unlock()
}

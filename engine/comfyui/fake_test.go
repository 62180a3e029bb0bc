package comfyui

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

// fakeComfy is a strict stand-in for a ComfyUI server: POST /prompt,
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
type fakeComfy struct {
	t     *testing.T
	srv   *httptest.Server
	fault enginetest.Fault

	noWS       bool          // refuse the websocket upgrade
	dropWS     bool          // close sockets as soon as a prompt is queued
	silentWS   bool          // keep sockets open but send no events
	historyLag time.Duration // how long history stays {} after success
	execError  bool          // fail the workflow while running

	mu        sync.Mutex
	calls     int
	prompts   map[string]map[string]any // prompt_id → graph
	order     []string
	history   map[string]map[string]any
	sockets   map[string]*websocket.Conn
	deleted   []string
	clientIDs []string
	seq       int
	files     map[string][3]float64 // saved image → width, height, seed
}

func newFake(t *testing.T, f enginetest.Fault) *fakeComfy {
	fk := &fakeComfy{t: t, fault: f, historyLag: 30 * time.Millisecond,
		prompts: map[string]map[string]any{}, files: map[string][3]float64{}, history: map[string]map[string]any{}, sockets: map[string]*websocket.Conn{}}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /prompt", fk.prompt)
	mux.HandleFunc("GET /history/{id}", fk.getHistory)
	mux.HandleFunc("GET /view", fk.view)
	mux.HandleFunc("GET /ws", fk.ws)
	mux.HandleFunc("GET /object_info/{class}", func(w http.ResponseWriter, r *http.Request) {
		spec, ok := nodeSpecs[r.PathValue("class")]
		if !ok {
			writeJSON(w, 200, map[string]any{})
			return
		}
		req := map[string]any{}
		for name, kind := range spec.inputs {
			if list, ok := choices[kind]; ok {
				req[name] = []any{list, map[string]any{}}
			} else {
				req[name] = []any{kind, map[string]any{}}
			}
		}
		writeJSON(w, 200, map[string]any{r.PathValue("class"): map[string]any{"input": map[string]any{"required": req}, "output": spec.outputs, "name": r.PathValue("class")}})
	})
	mux.HandleFunc("GET /system_stats", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, map[string]any{"system": map[string]any{"os": "posix", "comfyui_version": "0.3.60"}, "devices": []any{}})
	})
	mux.HandleFunc("POST /queue", func(w http.ResponseWriter, r *http.Request) {
		var body struct {
			Delete []string `json:"delete"`
		}
		json.NewDecoder(r.Body).Decode(&body)
		fk.mu.Lock()
		fk.deleted = append(fk.deleted, body.Delete...)
		fk.mu.Unlock()
		w.WriteHeader(200)
	})
	mux.HandleFunc("POST /interrupt", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(200) })
	fk.srv = httptest.NewServer(mux)
	t.Cleanup(func() {
		fk.mu.Lock()
		for _, c := range fk.sockets {
			c.CloseNow()
		}
		fk.mu.Unlock()
		fk.srv.Close()
	})
	return fk
}

func (fk *fakeComfy) client(t *testing.T, cfg Config) *Client {
	cfg.URL = fk.srv.URL
	cfg.PollInterval = 5 * time.Millisecond
	cfg.HistoryTimeout = 2 * time.Second
	c, err := New(cfg, fk.srv.Client())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func (fk *fakeComfy) requests() int {
	fk.mu.Lock()
	defer fk.mu.Unlock()
	return fk.calls
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

var choices = map[string][]string{
	"checkpoints": {"sd_xl_base_1.0.safetensors", "v1-5-pruned-emaonly.safetensors"},
	"samplers":    {"euler", "euler_ancestral", "dpmpp_2m", "dpmpp_2m_sde", "ddim", "uni_pc"},
	"schedulers":  {"normal", "karras", "exponential", "simple", "sgm_uniform"},
}

func badPrompt(w http.ResponseWriter, typ, msg string, nodeErrors map[string]any) {
	if nodeErrors == nil {
		nodeErrors = map[string]any{}
	}
	writeJSON(w, 400, map[string]any{"error": map[string]any{"type": typ, "message": msg, "details": "", "extra_info": map[string]any{}}, "node_errors": nodeErrors})
}

// validate checks a graph the way ComfyUI's validate_prompt does.
func validate(graph map[string]any) (typ, msg string, nodeErrors map[string]any) {
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
				} else if (name == "width" || name == "height") && (f < 16 || int(f)%8 != 0) {
					add("value_smaller_than_min", "Value not a multiple of 8 or smaller than min of 16", fmt.Sprintf("%s: %v", name, v))
				} else if name == "seed" && f < 0 {
					add("value_smaller_than_min", "Value -1 smaller than min of 0", name)
				}
			case "FLOAT":
				if _, ok := v.(float64); !ok {
					add("invalid_input_type", "Failed to convert an input value to a FLOAT value", fmt.Sprintf("%s, %v", name, v))
				}
			case "STRING":
				if _, ok := v.(string); !ok {
					add("invalid_input_type", "Failed to convert an input value to a STRING value", name)
				}
			default:
				list, isList := choices[kind]
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

func (fk *fakeComfy) prompt(w http.ResponseWriter, r *http.Request) {
	fk.mu.Lock()
	fk.calls++
	fk.mu.Unlock()
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
	if typ, msg, nerr := validate(graph); typ != "" {
		badPrompt(w, typ, msg, nerr)
		return
	}
	var clientID string
	json.Unmarshal(body["client_id"], &clientID)
	switch fk.fault {
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
	fk.mu.Lock()
	fk.seq++
	id := fmt.Sprintf("5e1f0000-0000-4000-8000-%012d", fk.seq)
	fk.prompts[id] = graph
	fk.order = append(fk.order, id)
	fk.clientIDs = append(fk.clientIDs, clientID)
	number := fk.seq
	fk.mu.Unlock()
	writeJSON(w, 200, map[string]any{"prompt_id": id, "number": number, "node_errors": map[string]any{}})
	if fk.dropWS {
		fk.mu.Lock()
		if c := fk.sockets[clientID]; c != nil {
			c.Close(websocket.StatusGoingAway, "bye")
			delete(fk.sockets, clientID)
		}
		fk.mu.Unlock()
	}
	go fk.execute(id, clientID, graph)
}

// execute runs one prompt: events over the socket, then history, late.
func (fk *fakeComfy) execute(id, clientID string, graph map[string]any) {
	send := func(typ string, data map[string]any) {
		fk.mu.Lock()
		c := fk.sockets[clientID]
		fk.mu.Unlock()
		if c == nil || fk.silentWS {
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
		}
	}
	entry := map[string]any{"prompt": []any{0, id, graph, map[string]any{}, []string{"9"}}, "meta": map[string]any{}}
	if fk.execError {
		msg := map[string]any{"prompt_id": id, "node_id": "3", "node_type": "KSampler", "exception_message": "Allocation on device 0 would exceed allowed memory.", "exception_type": "torch.OutOfMemoryError"}
		send("execution_error", msg)
		entry["outputs"] = map[string]any{}
		entry["status"] = map[string]any{"status_str": "error", "completed": false, "messages": []any{[]any{"execution_start", map[string]any{}}, []any{"execution_error", msg}}}
	} else {
		name := fmt.Sprintf("easel_%05d_.png", fk.seqOf(id))
		images := []any{map[string]any{"filename": name, "subfolder": "", "type": "output"}}
		send("executed", map[string]any{"node": "9", "display_node": "9", "output": map[string]any{"images": images}})
		send("execution_success", map[string]any{"timestamp": 1764000000500})
		entry["outputs"] = map[string]any{"9": map[string]any{"images": images}, "10": map[string]any{"images": []any{map[string]any{"filename": "preview.png", "subfolder": "", "type": "temp"}}}}
		entry["status"] = map[string]any{"status_str": "success", "completed": true, "messages": []any{[]any{"execution_start", map[string]any{}}, []any{"execution_success", map[string]any{}}}}
		fk.mu.Lock()
		fk.files[name] = [3]float64{width, height, seed}
		fk.mu.Unlock()
	}
	send("executing", map[string]any{"node": nil})
	// The race of Comfy-Org/ComfyUI#11540: done is said before history is written.
	time.Sleep(fk.historyLag)
	fk.mu.Lock()
	fk.history[id] = entry
	fk.mu.Unlock()
}

func (fk *fakeComfy) seqOf(id string) int {
	fk.mu.Lock()
	defer fk.mu.Unlock()
	return slices.Index(fk.order, id) + 1
}

func (fk *fakeComfy) getHistory(w http.ResponseWriter, r *http.Request) {
	fk.mu.Lock()
	e, ok := fk.history[r.PathValue("id")]
	fk.mu.Unlock()
	if !ok {
		writeJSON(w, 200, map[string]any{})
		return
	}
	writeJSON(w, 200, map[string]any{r.PathValue("id"): e})
}

func (fk *fakeComfy) view(w http.ResponseWriter, r *http.Request) {
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
	fk.mu.Lock()
	f, ok := fk.files[name]
	fk.mu.Unlock()
	if !ok || typ != "output" || sub != "" {
		http.Error(w, "Not Found", 404)
		return
	}
	img := enginetest.PNG(int(f[0]), int(f[1]), int64(f[2]))
	switch fk.fault {
	case enginetest.FaultTruncatedImage:
		img = enginetest.Truncated(img)
	case enginetest.FaultMalformedImage:
		img = enginetest.Malformed()
	}
	w.Header().Set("Content-Type", "image/png")
	w.Write(img)
}

func (fk *fakeComfy) ws(w http.ResponseWriter, r *http.Request) {
	if fk.noWS {
		http.Error(w, "Not Found", 404)
		return
	}
	clientID := r.URL.Query().Get("clientId")
	c, err := websocket.Accept(w, r, nil)
	if err != nil {
		return
	}
	fk.mu.Lock()
	fk.sockets[clientID] = c
	fk.mu.Unlock()
	status, _ := json.Marshal(map[string]any{"type": "status", "data": map[string]any{"status": map[string]any{"exec_info": map[string]any{"queue_remaining": 0}}, "sid": clientID}})
	c.Write(r.Context(), websocket.MessageText, status)
	// A binary preview frame: event type 1, format 2 (PNG), then bytes.
	c.Write(r.Context(), websocket.MessageBinary, append([]byte{0, 0, 0, 1, 0, 0, 0, 2}, enginetest.PNG(8, 8, 1)...))
	// Hold the connection until the client goes away.
	c.Read(r.Context())
	fk.mu.Lock()
	if fk.sockets[clientID] == c {
		delete(fk.sockets, clientID)
	}
	fk.mu.Unlock()
}

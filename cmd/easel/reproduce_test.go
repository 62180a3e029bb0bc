package main

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/enginetest"
	"github.com/easel-art/easel/pngmeta"
)

// chunks returns the chunks of a PNG as type → concatenated data, and
// the text chunks by keyword.
func chunks(t *testing.T, data []byte) (map[string][]byte, map[string]string) {
	t.Helper()
	raw := map[string][]byte{}
	for off := 8; off+12 <= len(data); {
		n := int(uint32(data[off])<<24 | uint32(data[off+1])<<16 | uint32(data[off+2])<<8 | uint32(data[off+3]))
		typ := string(data[off+4 : off+8])
		raw[typ] = append(raw[typ], data[off+8:off+8+n]...)
		off += 12 + n
	}
	texts, err := pngmeta.ReadTexts(data)
	if err != nil {
		t.Fatal(err)
	}
	byKey := map[string]string{}
	for _, tx := range texts {
		byKey[tx.Keyword] = tx.Value
	}
	return raw, byKey
}

func TestReproduceCanvasIsByteIdentical(t *testing.T) {
	env := home(t)
	cases := []struct {
		name string
		args []string
	}{
		{"plain", []string{"a beach sunset", "--seed", "42", "--size", "128x96"}},
		{"style and aspect", []string{"a castle on a hill under a full moon", "--seed", "5", "--aspect", "3:2", "--style", "watercolor"}},
		{"negative and dialect", []string{"a fox in autumn leaves", "--seed", "9", "--size", "96x96", "--negative", "people", "--for", "sd"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			orig := imagineOne(t, env, tc.args[0], tc.args[1:]...)
			checkReproduction(t, env, orig)
		})
	}
	t.Run("variation", func(t *testing.T) {
		// A strong variation's Scene was rewritten by the writer: the
		// reproduction must draw that Scene, not the idea's.
		pid := imagineOne(t, env, "a lighthouse on a cliff", "--seed", "2", "--size", "96x64")["id"].(string)
		kid := ndjson(t, mustRun(t, env, "vary", pid, "-n", "1", "--strength", "strong", "--seed", "31", "--json").stdout)[0]
		checkReproduction(t, env, kid)
	})
}

// checkReproduction reproduces orig and checks that the new PNG has the
// same bytes (pixels, A1111 parameters and easel record) and the same
// settings, recorded in the gallery as a child of orig.
func checkReproduction(t *testing.T, env map[string]string, orig map[string]any) {
	t.Helper()
	id := orig["id"].(string)
	r := mustRun(t, env, "reproduce", id, "--json")
	rep := ndjson(t, r.stdout)[0]
	if rep["identical"] != true || rep["parent_id"] != id || rep["method"] != easel.MethodReproduce {
		t.Fatalf("reproduce printed %v", rep)
	}
	for _, k := range []string{"prompt", "negative_prompt", "seed", "width", "height", "engine", "model", "dialect", "idea"} {
		if rep[k] != orig[k] {
			t.Errorf("%s = %v; want %v", k, rep[k], orig[k])
		}
	}
	// The lineage lives in the gallery, not in the PNG: the file itself
	// is byte for byte the original.
	a, _ := os.ReadFile(orig["path"].(string))
	b, _ := os.ReadFile(rep["path"].(string))
	if !bytes.Equal(a, b) || rep["sha256"] != orig["sha256"] {
		_, ta := chunks(t, a)
		_, tb := chunks(t, b)
		t.Fatalf("the reproduction's file differs from the original's:\n%v\n%v", ta, tb)
	}
	// Human output says so.
	if r := mustRun(t, env, "reproduce", id); !strings.Contains(r.stdout, "identical") {
		t.Errorf("stdout = %q", r.stdout)
	}
}

// fakeA1111 is a strict stand-in for AUTOMATIC1111's POST
// /sdapi/v1/txt2img (reference/apis.md §4): it answers 422 for a body
// that is not a JSON object or has fields the API does not have, 404
// "Sampler not found" for an unknown sampler, and otherwise returns
// batch_size PNGs with the info string, recording each body.
type fakeA1111 struct {
	srv    *httptest.Server
	mu     sync.Mutex
	bodies []map[string]any
}

var a1111Fields = []string{"prompt", "negative_prompt", "styles", "seed", "subseed", "subseed_strength", "seed_resize_from_h",
	"seed_resize_from_w", "sampler_name", "scheduler", "batch_size", "n_iter", "steps", "cfg_scale", "width", "height",
	"restore_faces", "tiling", "do_not_save_samples", "do_not_save_grid", "eta", "denoising_strength", "s_min_uncond",
	"s_churn", "s_tmax", "s_tmin", "s_noise", "override_settings", "override_settings_restore_afterwards",
	"refiner_checkpoint", "refiner_switch_at", "disable_extra_networks", "firstpass_image", "comments", "enable_hr",
	"firstphase_width", "firstphase_height", "hr_scale", "hr_upscaler", "hr_second_pass_steps", "hr_resize_x",
	"hr_resize_y", "hr_checkpoint_name", "hr_sampler_name", "hr_scheduler", "hr_prompt", "hr_negative_prompt",
	"force_task_id", "sampler_index", "script_name", "script_args", "send_images", "save_images", "alwayson_scripts", "infotext"}

var a1111Samplers = []string{"Euler a", "Euler", "LMS", "Heun", "DPM2", "DPM2 a", "DPM++ 2S a", "DPM++ 2M", "DPM++ SDE", "DPM++ 2M SDE", "DDIM", "UniPC"}

func newFakeA1111(t *testing.T) *fakeA1111 {
	fk := &fakeA1111{}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /sdapi/v1/progress", func(w http.ResponseWriter, r *http.Request) {
		json.NewEncoder(w).Encode(map[string]any{"progress": 0, "eta_relative": 0, "state": map[string]any{}})
	})
	// The client looks a checkpoint up before it asks for it.
	mux.HandleFunc("GET /sdapi/v1/sd-models", func(w http.ResponseWriter, r *http.Request) {
		json.NewEncoder(w).Encode([]map[string]any{
			{"title": "v1-5-pruned-emaonly.safetensors [6ce0161689]", "model_name": "v1-5-pruned-emaonly", "filename": "/m/v1-5-pruned-emaonly.safetensors"},
			{"title": "sd_xl_base_1.0.safetensors [31e35c80fc]", "model_name": "sd_xl_base_1.0", "filename": "/m/sd_xl_base_1.0.safetensors"},
		})
	})
	mux.HandleFunc("POST /sdapi/v1/txt2img", func(w http.ResponseWriter, r *http.Request) {
		var body map[string]any
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
			w.WriteHeader(422)
			fmt.Fprintf(w, `{"detail":[{"type":"json_invalid","msg":%q}]}`, err.Error())
			return
		}
		for k := range body {
			if !slices.Contains(a1111Fields, k) {
				w.WriteHeader(422)
				fmt.Fprintf(w, `{"detail":[{"type":"extra_forbidden","loc":["body",%q]}]}`, k)
				return
			}
		}
		if s, ok := body["sampler_name"].(string); ok && s != "" && !slices.Contains(a1111Samplers, s) {
			w.WriteHeader(404)
			fmt.Fprint(w, `{"error":"HTTPException","detail":"Sampler not found","body":"","errors":""}`)
			return
		}
		fk.mu.Lock()
		fk.bodies = append(fk.bodies, body)
		fk.mu.Unlock()
		num := func(k string) float64 { f, _ := body[k].(float64); return f }
		w64, h64, seed := int(num("width")), int(num("height")), int64(num("seed"))
		var images []string
		var seeds []int64
		for i := range max(int(num("batch_size")), 1) {
			images = append(images, base64.StdEncoding.EncodeToString(enginetest.PNG(w64, h64, seed+int64(i))))
			seeds = append(seeds, seed+int64(i))
		}
		info, _ := json.Marshal(map[string]any{"prompt": body["prompt"], "negative_prompt": body["negative_prompt"], "seed": seed,
			"all_seeds": seeds, "width": w64, "height": h64, "sampler_name": body["sampler_name"], "cfg_scale": num("cfg_scale"),
			"steps": int(num("steps")), "sd_model_name": "v1-5-pruned-emaonly", "index_of_first_image": 0, "infotexts": []string{}, "version": "v1.10.1"})
		json.NewEncoder(w).Encode(map[string]any{"images": images, "parameters": body, "info": string(info)})
	})
	fk.srv = httptest.NewServer(mux)
	t.Cleanup(fk.srv.Close)
	return fk
}

func (fk *fakeA1111) last(t *testing.T) map[string]any {
	t.Helper()
	fk.mu.Lock()
	defer fk.mu.Unlock()
	if len(fk.bodies) == 0 {
		t.Fatal("AUTOMATIC1111 was not called")
	}
	return fk.bodies[len(fk.bodies)-1]
}

func TestReproduceA1111PNGOnA1111(t *testing.T) {
	fk := newFakeA1111(t)
	env := home(t)
	env["EASEL_A1111_URL"] = fk.srv.URL
	file := writeA1111PNG(t, t.TempDir(), a1111Infotext)
	r := mustRun(t, env, "reproduce", file, "--json")
	body := fk.last(t)
	want := map[string]any{
		"prompt":          "a castle on a hill under a (full moon:1.2), <lora:add_detail:0.6> dramatic clouds",
		"negative_prompt": "blurry, lowres", "seed": 1234567890.0, "steps": 20.0, "cfg_scale": 7.0,
		"sampler_name": "DPM++ 2M", "width": 96.0, "height": 64.0, "batch_size": 1.0,
	}
	for k, v := range want {
		if body[k] != v {
			t.Errorf("txt2img %s = %v; want %v", k, body[k], v)
		}
	}
	if o, _ := body["override_settings"].(map[string]any); o["sd_model_checkpoint"] != "v1-5-pruned-emaonly" {
		t.Errorf("override_settings = %v; want the picture's model", body["override_settings"])
	}
	// What easel has no setting for is named; the prompt is sent as it was.
	for _, s := range []string{`schedule "Karras"`, "Clip skip: 2", "Lora hashes"} {
		if !strings.Contains(r.stderr, s) {
			t.Errorf("stderr lacks %q:\n%s", s, r.stderr)
		}
	}
	if strings.Contains(r.stderr, "weights") {
		t.Errorf("the prompt was changed for A1111 itself:\n%s", r.stderr)
	}
	rep := ndjson(t, r.stdout)[0]
	imp := showJSON(t, env, rep["parent_id"].(string))
	if imp["method"] != easel.MethodImport || rep["method"] != easel.MethodReproduce || rep["engine"] != "a1111" {
		t.Errorf("reproduction %v of %v", rep, imp)
	}
}

func TestReproduceComfyPNGOnA1111(t *testing.T) {
	fk := newFakeA1111(t)
	env := home(t)
	env["EASEL_A1111_URL"] = fk.srv.URL
	file := writeComfyPNG(t, t.TempDir())
	r := mustRun(t, env, "reproduce", file, "--engine", "a1111")
	body := fk.last(t)
	// ComfyUI's names become A1111's; the checkpoint loses its extension.
	if body["sampler_name"] != "Euler a" || body["seed"] != 42.0 || body["steps"] != 25.0 || body["width"] != 128.0 ||
		body["prompt"] != "a red barn in a wheat field at golden hour" || body["negative_prompt"] != "blurry, lowres" {
		t.Errorf("txt2img body = %v", body)
	}
	if o, _ := body["override_settings"].(map[string]any); o["sd_model_checkpoint"] != "sd_xl_base_1.0" {
		t.Errorf("override_settings = %v", body["override_settings"])
	}
	if !strings.Contains(r.stderr, "LoraLoader") {
		t.Errorf("stderr does not name the LoraLoader node:\n%s", r.stderr)
	}
}

func TestReproduceForeignPNGOnCanvas(t *testing.T) {
	env := home(t)
	file := writeA1111PNG(t, t.TempDir(), a1111Infotext)
	r := mustRun(t, env, "reproduce", file, "--engine", "builtin", "--json")
	rep := ndjson(t, r.stdout)[0]
	if rep["engine"] != "builtin" || rep["seed"] != 1234567890.0 || rep["width"] != 96.0 || rep["height"] != 64.0 {
		t.Errorf("reproduction = %v", rep)
	}
	if rep["prompt"] != "a castle on a hill under a full moon, dramatic clouds" {
		t.Errorf("prompt = %q; want the words without A1111 syntax", rep["prompt"])
	}
	if _, compared := rep["identical"]; compared {
		t.Error("a picture from another engine was compared pixel for pixel")
	}
	for _, s := range []string{"weights", "negative prompt not used", "steps, CFG scale and sampler", "v1-5-pruned-emaonly", "Clip skip"} {
		if !strings.Contains(r.stderr, s) {
			t.Errorf("stderr lacks %q:\n%s", s, r.stderr)
		}
	}
	// The same file again is found in the gallery, not imported twice.
	mustRun(t, env, "reproduce", file, "--engine", "builtin")
	if n := galleryCount(t, env); n != 3 {
		t.Errorf("gallery holds %d; want the import and two reproductions", n)
	}
}

func TestBadReferences(t *testing.T) {
	dir := t.TempDir()
	noMeta := filepath.Join(dir, "plain.png")
	notPNG := filepath.Join(dir, "notes.png")
	os.WriteFile(noMeta, plainPNG(t, 64, 64), 0o644)
	os.WriteFile(notPNG, []byte("these are my notes, not a picture"), 0o644)
	longPNG := writeA1111PNG(t, t.TempDir(), strings.Repeat("a castle on a hill, ", 60)+"\nSteps: 20, Sampler: Euler, CFG scale: 7, Seed: 1, Size: 96x64")
	long := strings.Repeat("a lighthouse on a rock in a storm ", 40)
	runway := map[string]string{"RUNWAYML_API_SECRET": "key_test", "EASEL_RUNWAY_URL": "http://127.0.0.1:9"}
	tests := []struct {
		name    string
		args    []string
		env     map[string]string
		wantErr string
	}{
		{"vary unknown id", []string{"vary", "0123456789abcdef"}, nil, "no artwork"},
		{"vary unknown long hex", []string{"vary", "deadbeef"}, nil, "no artwork"},
		{"reproduce unknown id", []string{"reproduce", "abc123"}, nil, "no artwork"},
		{"vary PNG without metadata", []string{"vary", noMeta}, nil, "no generation metadata"},
		{"reproduce PNG without metadata", []string{"reproduce", noMeta}, nil, "no generation metadata"},
		{"vary non-PNG", []string{"vary", notPNG}, nil, "not a PNG"},
		{"reproduce missing file", []string{"reproduce", filepath.Join(dir, "gone.png")}, nil, "cannot read"},
		{"vary directory", []string{"vary", dir}, nil, "directory"},
		{"reproduce text", []string{"reproduce", "a beach sunset"}, nil, "neither a gallery id nor a PNG"},
		{"vary prompt over the engine's limit", []string{"vary", long, "-n", "2", "--size", "1024x1024", "--engine", "runway"}, runway, "at most 1000 characters"},
		{"reproduce prompt over the engine's limit", []string{"reproduce", longPNG, "--engine", "runway"}, runway, "at most 1000 characters"},
		{"vary empty", []string{"vary", "  "}, nil, "no picture"},
		{"vary no ref", []string{"vary"}, nil, "no picture given"},
		{"bad strength", []string{"vary", "a fox", "--strength", "wild"}, nil, "subtle or strong"},
		{"bad n", []string{"vary", "a fox", "-n", "0"}, nil, "1 to 100"},
		// A bad flag value also prints the usage on stdout, as for every command.
		{"bad chaos", []string{"vary", "a fox", "--chaos", "101"}, nil, "0 to 100"},
		{"unknown engine", []string{"vary", "a fox", "--engine", "dalle9"}, nil, "dalle9"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := home(t)
			for k, v := range tt.env {
				env[k] = v
			}
			r := runLineage(t, env, tt.args...)
			if r.code != exitUsage {
				t.Fatalf("exit %d; want %d (stderr %q)", r.code, exitUsage, r.stderr)
			}
			lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
			if len(lines) != 1 || !strings.HasPrefix(lines[0], "easel: ") || !strings.Contains(lines[0], tt.wantErr) {
				t.Fatalf("stderr = %q; want one easel: line containing %q", r.stderr, tt.wantErr)
			}
			if r.stdout != "" && !strings.Contains(r.stderr, "invalid value") {
				t.Errorf("stdout = %q; want nothing", r.stdout)
			}
			if imgs, _ := filepath.Glob(filepath.Join(env["EASEL_HOME"], "images", "*", "*")); len(imgs) > 0 {
				t.Fatalf("bad input left images behind: %v", imgs)
			}
		})
	}
}

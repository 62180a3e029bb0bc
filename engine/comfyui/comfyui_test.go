package comfyui

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/comfyui/comfyuitest"
	"github.com/easel-art/easel/engine/enginetest"
)

func TestConformance(t *testing.T) {
	var fakes sync.Map
	open := func(t *testing.T, f enginetest.Fault) easel.Engine {
		if f == enginetest.FaultContentPolicy {
			t.Skip("ComfyUI has no content policy")
		}
		fk := newFake(t, f)
		c := client(t, fk, Config{})
		fakes.Store(c, fk)
		return c
	}
	enginetest.Run(t,
		func(t *testing.T) easel.Engine { return open(t, enginetest.FaultNone) },
		enginetest.WithFaults(open),
		enginetest.WithRequests(func(e easel.Engine) int {
			fk, _ := fakes.Load(e)
			return fk.(*comfyuitest.Server).Requests()
		}),
	)
}

// TestRaces runs a render over each way the socket can let the client
// down; every one must still end with the pictures.
func TestRaces(t *testing.T) {
	tests := []struct {
		name  string
		setup func(fk *comfyuitest.Server)
	}{
		{"socket", func(fk *comfyuitest.Server) {}},
		{"history late", func(fk *comfyuitest.Server) { fk.HistoryLag = 100 * 1e6 }},
		{"no socket", func(fk *comfyuitest.Server) { fk.NoWS = true }},
		{"socket drops", func(fk *comfyuitest.Server) { fk.DropWS = true }},
		{"socket silent", func(fk *comfyuitest.Server) { fk.SilentWS = true }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fk := newFake(t, enginetest.FaultNone)
			tt.setup(fk)
			c := client(t, fk, Config{})
			var seen []float64
			res, err := c.Render(t.Context(), &easel.RenderRequest{Prompt: "a fox", Width: 512, Height: 512, N: 3, Seed: 7,
				Progress: func(f float64) { seen = append(seen, f) }})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Images) != 3 || res.Images[2].Seed != 9 {
				t.Fatalf("got %d images", len(res.Images))
			}
			if seen[len(seen)-1] != 1 {
				t.Errorf("progress %v", seen)
			}
		})
	}
}

func TestRenderFillsTheWorkflow(t *testing.T) {
	fk := newFake(t, enginetest.FaultNone)
	c := client(t, fk, Config{})
	res, err := c.Render(t.Context(), &easel.RenderRequest{Prompt: "(a fox:1.2)", Negative: "blurry", Width: 1000, Height: 600, N: 1, Seed: 11, Steps: 30, CFGScale: 6.5, Sampler: "dpmpp_2m"})
	if err != nil {
		t.Fatal(err)
	}
	g := fk.Prompts()[0]
	in := func(node string) map[string]any { return g[node].(map[string]any)["inputs"].(map[string]any) }
	if in("6")["text"] != "(a fox:1.2)" || in("7")["text"] != "blurry" {
		t.Errorf("texts %v %v", in("6")["text"], in("7")["text"])
	}
	if pos, neg := comfyuitest.Texts(g); pos != "(a fox:1.2)" || neg != "blurry" {
		t.Errorf("comfyuitest.Texts = %q, %q", pos, neg)
	}
	if in("5")["width"] != 1000.0 || in("5")["height"] != 600.0 {
		t.Errorf("size %v x %v", in("5")["width"], in("5")["height"])
	}
	k := in("3")
	if k["seed"] != 11.0 || k["steps"] != 30.0 || k["cfg"] != 6.5 || k["sampler_name"] != "dpmpp_2m" || k["scheduler"] != "normal" {
		t.Errorf("sampler inputs %v", k)
	}
	// No model was named: the first checkpoint the server lists is used.
	if in("4")["ckpt_name"] != "sd_xl_base_1.0.safetensors" || res.Model != "sd_xl_base_1.0.safetensors" {
		t.Errorf("checkpoint %v, model %q", in("4")["ckpt_name"], res.Model)
	}
	if ids := fk.ClientIDs(); ids[0] != c.clientID || c.clientID == "" {
		t.Errorf("client_id %q; want %q", ids[0], c.clientID)
	}
	if res.Steps != 30 || res.CFGScale != 6.5 || res.Sampler != "dpmpp_2m" || res.Width != 1000 || res.Height != 600 {
		t.Errorf("result %+v", res)
	}
}

func TestServerErrors(t *testing.T) {
	t.Run("unknown checkpoint", func(t *testing.T) {
		fk := newFake(t, enginetest.FaultNone)
		_, err := client(t, fk, Config{Model: "nope.safetensors"}).Render(t.Context(), &easel.RenderRequest{Prompt: "x", Width: 512, Height: 512, N: 1})
		// Refused before /prompt, naming what the server has.
		if easel.ErrorCode(err) != easel.EINVALID || !strings.Contains(err.Error(), "v1-5-pruned-emaonly.safetensors") || !strings.Contains(err.Error(), "nope.safetensors") || fk.Requests() != 0 {
			t.Errorf("err = %v, %d prompts", err, fk.Requests())
		}
	})
	t.Run("workflow fails", func(t *testing.T) {
		fk := newFake(t, enginetest.FaultNone)
		fk.ExecError = true
		_, err := client(t, fk, Config{}).Render(t.Context(), &easel.RenderRequest{Prompt: "x", Width: 512, Height: 512, N: 2})
		if easel.ErrorCode(err) != easel.EPERMANENT || !strings.Contains(err.Error(), "exceed allowed memory") {
			t.Errorf("err = %v", err)
		}
		if len(fk.Deleted()) == 0 {
			t.Errorf("the second prompt was left queued")
		}
	})
	t.Run("unreachable", func(t *testing.T) {
		fk := newFake(t, enginetest.FaultNone)
		c := client(t, fk, Config{})
		fk.Close()
		if err := c.Check(t.Context()); easel.ErrorCode(err) != easel.EUNAVAILABLE || !strings.Contains(err.Error(), "EASEL_COMFYUI_URL") {
			t.Errorf("Check: %v", err)
		}
	})
}

func TestUserWorkflow(t *testing.T) {
	dir := t.TempDir()
	wf := strings.ReplaceAll(string(defaultWorkflow), `"{{negative}}"`, `"watermark"`)
	wf = strings.ReplaceAll(wf, `"{{prompt}}"`, `"masterpiece, {{prompt}}"`)
	file := filepath.Join(dir, "mine.json")
	os.WriteFile(file, []byte(wf), 0o644)
	fk := newFake(t, enginetest.FaultNone)
	c := client(t, fk, Config{WorkflowFile: file, Model: "v1-5-pruned-emaonly.safetensors"})
	if c.Capabilities().Negative {
		t.Error("a workflow without {{negative}} cannot honour a negative prompt")
	}
	res, err := c.Render(t.Context(), &easel.RenderRequest{Prompt: "a fox", Width: 512, Height: 512, N: 1})
	if err != nil {
		t.Fatal(err)
	}
	g := fk.Prompts()[0]
	if got := g["6"].(map[string]any)["inputs"].(map[string]any)["text"]; got != "masterpiece, a fox" {
		t.Errorf("text %q", got)
	}
	if res.Model != "v1-5-pruned-emaonly.safetensors" || res.Steps == 0 || res.Sampler == "" {
		t.Errorf("result %+v; want the model, steps and sampler the workflow took", res)
	}
}

// TestUserWorkflowFixedSettings: settings a workflow fixes itself are not
// reported as easel's, so the artwork does not claim what was not used.
func TestUserWorkflowFixedSettings(t *testing.T) {
	wf := string(defaultWorkflow)
	for ph, v := range map[string]string{`"{{model}}"`: `"v1-5-pruned-emaonly.safetensors"`, `"{{steps}}"`: `12`, `"{{sampler}}"`: `"dpmpp_2m"`, `"{{cfg}}"`: `5.5`} {
		if !strings.Contains(wf, ph) {
			t.Fatalf("the built-in workflow has no %s", ph)
		}
		wf = strings.ReplaceAll(wf, ph, v)
	}
	file := filepath.Join(t.TempDir(), "fixed.json")
	os.WriteFile(file, []byte(wf), 0o644)
	fk := newFake(t, enginetest.FaultNone)
	c := client(t, fk, Config{WorkflowFile: file, Model: "sd_xl_base_1.0.safetensors"})
	res, err := c.Render(t.Context(), &easel.RenderRequest{Prompt: "a fox", Width: 512, Height: 512, N: 1, Steps: 30, Sampler: "euler"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Model != "" || res.Steps != 0 || res.Sampler != "" || res.CFGScale != 0 {
		t.Errorf("result model %q, steps %d, sampler %q, cfg %v; want none: the workflow fixed them", res.Model, res.Steps, res.Sampler, res.CFGScale)
	}
}

func TestParseWorkflow(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"default", string(defaultWorkflow), ""},
		{"not json", `{`, "not valid JSON"},
		{"ui format", `{"nodes":[],"links":[],"version":0.4}`, "UI format"},
		{"empty", `{}`, "no nodes"},
		{"no class", `{"1":{"inputs":{}}}`, "no class_type"},
		{"no prompt slot", `{"1":{"class_type":"SaveImage","inputs":{}}}`, "no {{prompt}}"},
		{"unknown slot", `{"1":{"class_type":"X","inputs":{"text":"{{prompt}} {{colour}}"}}}`, "{{colour}}"},
	}
	for _, tt := range tests {
		_, err := ParseWorkflow([]byte(tt.in))
		if tt.want == "" {
			if err != nil {
				t.Errorf("%s: %v", tt.name, err)
			}
			continue
		}
		if easel.ErrorCode(err) != easel.EINVALID || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v; want EINVALID mentioning %q", tt.name, err, tt.want)
		}
	}
	w, _ := ParseWorkflow([]byte(`{"1":{"class_type":"X","inputs":{"a":"{{seed}}","b":"s={{seed}}","c":["{{prompt}}"]}}}`))
	g := w.Fill(map[string]any{"seed": int64(5), "prompt": "p"})
	in := g["1"].(map[string]any)["inputs"].(map[string]any)
	if in["a"] != int64(5) || in["b"] != "s=5" || in["c"].([]any)[0] != "p" {
		t.Errorf("Fill = %v", in)
	}
	if again := w.Fill(map[string]any{"seed": int64(6)}); again["1"].(map[string]any)["inputs"].(map[string]any)["a"] != int64(6) {
		t.Error("Fill changed the template")
	}
}

func FuzzParseWorkflow(f *testing.F) {
	f.Add(string(defaultWorkflow))
	f.Add(`{"1":{"class_type":"X","inputs":{"a":"{{prompt}}{{"}}}`)
	f.Fuzz(func(t *testing.T, s string) {
		w, err := ParseWorkflow([]byte(s))
		if err == nil {
			w.Fill(map[string]any{"prompt": "p", "seed": 1})
		}
	})
}

func TestParseHistory(t *testing.T) {
	e, ok, err := ParseHistory([]byte(`{}`), "a")
	if ok || err != nil || e != nil {
		t.Errorf("empty history: %v %v %v", e, ok, err)
	}
	e, ok, err = ParseHistory([]byte(`{"a":{"outputs":{"10":{"images":[{"filename":"p.png","type":"temp"}]},"9":{"images":[{"filename":"x.png","subfolder":"","type":"output"}]}},"status":null}}`), "a")
	if !ok || err != nil {
		t.Fatal(ok, err)
	}
	if im, ok := e.firstImage(); !ok || im.Filename != "x.png" {
		t.Errorf("firstImage = %v %v", im, ok)
	}
	c, _ := New(Config{}, nil)
	if err := c.outcome("a", e); err != nil {
		t.Errorf("null status: %v", err)
	}
	e, _, _ = ParseHistory([]byte(`{"a":{"outputs":{},"status":{"status_str":"error","completed":false,"messages":[["execution_start",{}],["execution_interrupted",{"node_id":"3"}]]}}}`), "a")
	if err := c.outcome("a", e); err == nil || !strings.Contains(err.Error(), "interrupted") {
		t.Errorf("interrupted: %v", err)
	}
}

func FuzzParseHistory(f *testing.F) {
	f.Add(`{"a":{"outputs":{"9":{"images":[{"filename":"x.png","type":"output"}]}},"status":{"status_str":"error","messages":[["execution_error",{"exception_message":"m"}]]}}}`)
	f.Add(`{"a":{"status":{"messages":[[],[1]]}}}`)
	c, _ := New(Config{}, nil)
	f.Fuzz(func(t *testing.T, s string) {
		e, ok, err := ParseHistory([]byte(s), "a")
		if err == nil && ok {
			e.firstImage()
			c.outcome("a", e)
		}
	})
}

package comfyui

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/enginetest"
)

// These tests hold the client and its fake to ComfyUI's server.py,
// execution.py and nodes.py; capabilities.checked.md has the sources.

func TestCheckpointsBothServerKinds(t *testing.T) {
	for _, old := range []bool{false, true} {
		fk := newFake(t, enginetest.FaultNone)
		fk.OldServer = old
		fk.Checkpoints = []string{"juggernautXL_v9.safetensors", "sd15.ckpt"}
		c := client(t, fk, Config{})
		if err := c.Check(t.Context()); err != nil {
			t.Fatalf("old=%v: %v", old, err)
		}
		if c.Model() != "juggernautXL_v9.safetensors" {
			t.Errorf("old=%v: Model() = %q; want the first checkpoint", old, c.Model())
		}
		res, err := c.Render(t.Context(), &easel.RenderRequest{Prompt: "a fox", Width: 512, Height: 512, N: 1})
		if err != nil || res.Model != "juggernautXL_v9.safetensors" {
			t.Errorf("old=%v: %v, %v", old, res, err)
		}
		if err := client(t, fk, Config{Model: "missing.safetensors"}).Check(t.Context()); easel.ErrorCode(err) != easel.EINVALID || !strings.Contains(err.Error(), "sd15.ckpt") {
			t.Errorf("old=%v: Check of a missing checkpoint: %v", old, err)
		}
	}
}

func TestComboOptions(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`[["a.safetensors", "b.ckpt"], {}]`, "a.safetensors,b.ckpt"},
		{`["COMBO", {"options": ["a.safetensors", "b.ckpt"], "tooltip": "x"}]`, "a.safetensors,b.ckpt"},
		{`["INT", {"min": 0}]`, ""},
		{`[]`, ""},
		{`{"x": 1}`, ""},
	} {
		if got := strings.Join(ComboOptions(json.RawMessage(tt.in)), ","); got != tt.want {
			t.Errorf("ComboOptions(%s) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestSendsTheWorkflowForThePNG(t *testing.T) {
	fk := newFake(t, enginetest.FaultNone)
	if _, err := client(t, fk, Config{}).Render(t.Context(), &easel.RenderRequest{Prompt: "a fox", Negative: "blur", Seed: 5, Width: 640, Height: 448, N: 1}); err != nil {
		t.Fatal(err)
	}
	extra := fk.ExtraData()[0]
	wf, _ := extra["extra_pnginfo"].(map[string]any)["workflow"].(map[string]any)
	nodes, _ := wf["nodes"].([]any)
	links, _ := wf["links"].([]any)
	graph := fk.Prompts()[0]
	if len(nodes) != len(graph) || len(links) != 9 {
		t.Fatalf("workflow has %d nodes and %d links; want %d and 9 (the graph's)", len(nodes), len(links), len(graph))
	}
	for _, n := range nodes {
		node := n.(map[string]any)
		id := fmt.Sprint(node["id"])
		api, ok := graph[id].(map[string]any)
		if !ok || api["class_type"] != node["type"] {
			t.Errorf("node %s: %v; the graph has %v", id, node["type"], api["class_type"])
		}
		if node["type"] == "KSampler" {
			w := node["widgets_values"].([]any)
			if len(w) != 7 || w[0] != 5.0 || w[1] != "fixed" || w[4] != "euler" {
				t.Errorf("KSampler widgets %v", w)
			}
		}
		if node["type"] == "CLIPTextEncode" && !slices.Contains([]any{"a fox", "blur"}, node["widgets_values"].([]any)[0]) {
			t.Errorf("text widgets %v", node["widgets_values"])
		}
	}
}

// TestFakeChecksNodeBounds: execution.py refuses values outside an input's
// min and max, and nothing for being off its step.
func TestFakeChecksNodeBounds(t *testing.T) {
	fk := newFake(t, enginetest.FaultNone)
	post := func(set func(g map[string]any)) (int, string) {
		wf, _ := ParseWorkflow(defaultWorkflow)
		g := wf.Fill(map[string]any{"prompt": "x", "negative": "", "model": "sd_xl_base_1.0.safetensors", "width": 1000, "height": 1000,
			"seed": 1, "steps": 20, "cfg": 7.0, "sampler": "euler", "scheduler": "normal"})
		set(g)
		b, _ := json.Marshal(map[string]any{"prompt": g, "client_id": "x"})
		resp, err := fk.Client().Post(fk.URL()+"/prompt", "application/json", bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var buf bytes.Buffer
		buf.ReadFrom(resp.Body)
		return resp.StatusCode, buf.String()
	}
	in := func(id string, g map[string]any) map[string]any {
		return g[id].(map[string]any)["inputs"].(map[string]any)
	}
	for _, tt := range []struct {
		name string
		set  func(g map[string]any)
		code int
		want string
	}{
		{"off step (1000) is fine", func(g map[string]any) {}, 200, ""},
		{"width 8", func(g map[string]any) { in("5", g)["width"] = 8 }, 400, "value_smaller_than_min"},
		{"width 20000", func(g map[string]any) { in("5", g)["width"] = 20000 }, 400, "value_bigger_than_max"},
		{"steps 0", func(g map[string]any) { in("3", g)["steps"] = 0 }, 400, "value_smaller_than_min"},
		{"steps 10001", func(g map[string]any) { in("3", g)["steps"] = 10001 }, 400, "value_bigger_than_max"},
		{"cfg 101", func(g map[string]any) { in("3", g)["cfg"] = 101.0 }, 400, "value_bigger_than_max"},
		{"seed -1", func(g map[string]any) { in("3", g)["seed"] = -1 }, 400, "value_smaller_than_min"},
		{"denoise 1.5", func(g map[string]any) { in("3", g)["denoise"] = 1.5 }, 400, "value_bigger_than_max"},
	} {
		code, body := post(tt.set)
		if code != tt.code || !strings.Contains(body, tt.want) {
			t.Errorf("%s: %d %s; want %d %s", tt.name, code, body, tt.code, tt.want)
		}
	}
}

// TestCapabilitiesAgreeWithFake: capabilities.json's defaults are values
// the server takes, and its sizes pass the nodes' bounds.
func TestCapabilitiesAgreeWithFake(t *testing.T) {
	fk := newFake(t, enginetest.FaultNone)
	c := client(t, fk, Config{})
	caps := c.Capabilities()
	for _, sz := range [][2]int{{easel.MinSide, easel.MinSide}, {easel.MaxSide, easel.MaxSide}, {easel.MinSide, easel.MaxSide}} {
		if _, err := c.Render(t.Context(), &easel.RenderRequest{Prompt: "a fox", Width: sz[0], Height: sz[1], N: 1}); err != nil {
			t.Errorf("%v: %v", sz, err)
		}
	}
	if _, err := c.Render(t.Context(), &easel.RenderRequest{Prompt: "a fox", Width: 64, Height: 64, N: caps.MaxN}); err != nil {
		t.Errorf("max_n %d: %v", caps.MaxN, err)
	}
	g := fk.Prompts()[0]["3"].(map[string]any)["inputs"].(map[string]any)
	if g["sampler_name"] != capsData.DefaultSampler || g["scheduler"] != capsData.DefaultScheduler || g["steps"] != float64(capsData.DefaultSteps) {
		t.Errorf("KSampler got %v", g)
	}
}

// TestNoGuessedWorkflow: a graph with a node class whose widgets easel
// does not know gets no UI workflow (the editor then opens the PNG's
// API-format prompt chunk) rather than one that would open wrong.
func TestNoGuessedWorkflow(t *testing.T) {
	wf, _ := ParseWorkflow(defaultWorkflow)
	g := wf.Fill(map[string]any{"prompt": "x"})
	if UIWorkflow(g) == nil {
		t.Fatal("the built-in graph has no workflow")
	}
	g["20"] = map[string]any{"class_type": "LoraLoader", "inputs": map[string]any{"lora_name": "a.safetensors", "strength_model": 1.0, "model": []any{"4", 0.0}}}
	if UIWorkflow(g) != nil {
		t.Error("a LoraLoader graph got a guessed workflow")
	}
}

func FuzzComboOptions(f *testing.F) {
	f.Add(`[["a.safetensors"], {}]`)
	f.Add(`["COMBO", {"options": ["a", "b"]}]`)
	f.Add(`["COMBO"]`)
	f.Add(`[null, 1]`)
	f.Fuzz(func(t *testing.T, in string) {
		for _, o := range ComboOptions(json.RawMessage(in)) {
			_ = o // any input: no panic, only strings out
		}
	})
}

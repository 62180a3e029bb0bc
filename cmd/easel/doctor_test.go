package main

import (
	"strings"
	"testing"

	"github.com/easel-art/easel/llm/llmtest"
)

func TestDoctor(t *testing.T) {
	env := home(t)
	o := llmtest.NewOllama(t)
	env["OLLAMA_HOST"] = o.BaseURL()
	// Nothing listens here: the check must say so, not hang or fail the run.
	env["EASEL_A1111_URL"] = "http://127.0.0.1:1"
	env["EASEL_COMFYUI_URL"] = "http://127.0.0.1:1"
	r := runEasel(t, env, "doctor", "--json", "--timeout", "2s")
	if r.code != 1 || !strings.Contains(r.stderr, "a1111, comfyui") {
		t.Fatalf("exit %d, %q; want 1 naming the configured engines that do not answer", r.code, r.stderr)
	}
	byName := map[string]map[string]any{}
	for _, o := range ndjson(t, r.stdout) {
		name, _ := o["name"].(string)
		byName[o["kind"].(string)+"/"+name] = o
	}
	if g := byName["gallery/"]; g == nil || g["ok"] != true {
		t.Errorf("gallery = %v", g)
	}
	if e := byName["engine/builtin"]; e == nil || e["reachable"] != true {
		t.Errorf("builtin engine = %v", e)
	}
	if e := byName["engine/a1111"]; e == nil || e["reachable"] != false || !strings.Contains(e["error"].(string), "EASEL_A1111_URL") {
		t.Errorf("a1111 = %v", e)
	}
	if l := byName["llm/ollama"]; l == nil || l["reachable"] != true {
		t.Errorf("ollama = %v", l)
	}
	if l := byName["llm/openai"]; l == nil || l["configured"] != false || l["set"] != "OPENAI_API_KEY" {
		t.Errorf("openai = %v", l)
	}
	delete(env, "EASEL_A1111_URL")
	delete(env, "EASEL_COMFYUI_URL")
	if r := runEasel(t, env, "doctor"); r.code != 0 {
		t.Fatalf("doctor with defaults: exit %d: %s", r.code, r.stderr)
	}
	r = runEasel(t, env, "engines")
	if r.code != 0 || !strings.Contains(r.stdout, "PROMPT WRITER") || !strings.Contains(r.stdout, "anthropic") {
		t.Fatalf("engines: exit %d, %s", r.code, r.stdout)
	}
}

// TestDoctorDefaults checks the lines of services left at their default
// address: they name the variable that points them elsewhere, and the
// built-in writer answers, like the built-in engine.
func TestDoctorDefaults(t *testing.T) {
	env := home(t)
	// Nothing listens here, whatever runs on this machine's usual ports.
	env["EASEL_A1111_URL"] = "http://127.0.0.1:1"
	r := runEasel(t, env, "doctor", "--json", "--timeout", "2s")
	if r.code != 1 || !strings.Contains(r.stderr, "not answering: a1111 ") {
		t.Fatalf("exit %d, %q; want 1 naming a1111, whose variable is set", r.code, r.stderr)
	}
	byName := map[string]map[string]any{}
	for _, o := range ndjson(t, r.stdout) {
		name, _ := o["name"].(string)
		byName[o["kind"].(string)+"/"+name] = o
	}
	if l := byName["llm/ollama"]; l == nil || l["state"] != "default URL" || l["set"] != "OLLAMA_HOST" {
		t.Errorf("ollama = %v; want default URL, set OLLAMA_HOST", l)
	}
	if l := byName["llm/builtin"]; l == nil || l["reachable"] != true {
		t.Errorf("builtin writer = %v; want reachable", l)
	}
	if e := byName["engine/comfyui"]; e == nil || e["state"] != "default URL" || e["set"] != "EASEL_COMFYUI_URL" {
		t.Errorf("comfyui = %v; want default URL, set EASEL_COMFYUI_URL", e)
	}
}

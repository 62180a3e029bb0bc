package main

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// runEngines runs cmdEngines directly (commands() lists it once the lead
// adds it) and returns stdout.
func runEngines(t *testing.T, env map[string]string, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	a := &app{stdin: strings.NewReader(""), stdout: &out, stderr: io.Discard, getenv: func(k string) string { return env[k] }, log: slog.New(slog.DiscardHandler)}
	err := cmdEngines(t.Context(), a, args)
	return out.String(), err
}

// closedURL returns a loopback URL where nothing listens.
func closedURL(t *testing.T) string {
	srv := httptest.NewServer(http.NotFoundHandler())
	u := srv.URL
	srv.Close()
	return u
}

func TestEnginesList(t *testing.T) {
	out, err := runEngines(t, map[string]string{"OPENAI_API_KEY": "sk-secret-value", "EASEL_A1111_URL": "http://me:hunter2@127.0.0.1:7861"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"builtin", "ready", "openai", "configured", "a1111", "comfyui", "default URL", "stability", "not configured", "STABILITY_API_KEY", "runway", "RUNWAYML_API_SECRET"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	for _, secret := range []string{"sk-secret-value", "hunter2"} {
		if strings.Contains(out, secret) {
			t.Errorf("output shows a secret %q:\n%s", secret, out)
		}
	}
}

func TestEnginesCheckJSON(t *testing.T) {
	a1111 := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/sdapi/v1/sd-models":
			w.Write([]byte(`[{"title":"v1-5-pruned-emaonly.safetensors [6ce0161689]","model_name":"v1-5-pruned-emaonly"}]`))
		case "/sdapi/v1/options":
			w.Write([]byte(`{"sd_model_checkpoint":"v1-5-pruned-emaonly.safetensors [6ce0161689]"}`))
		default:
			http.NotFound(w, r)
		}
	}))
	defer a1111.Close()
	env := map[string]string{
		"EASEL_A1111_URL":     a1111.URL,
		"EASEL_COMFYUI_URL":   closedURL(t),
		"STABILITY_API_KEY":   "sk-x",
		"EASEL_STABILITY_URL": closedURL(t),
		"OPENAI_BASE_URL":     "not a url",
	}
	out, err := runEngines(t, env, "--check", "--json", "--timeout", "2s")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]engineStatus{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var st engineStatus
		if err := json.Unmarshal([]byte(line), &st); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		if st.Kind != "engine" {
			continue // the prompt writers' lines
		}
		got[st.Name] = st
	}
	if len(got) != 6 {
		t.Fatalf("got %d engines; want 6", len(got))
	}
	reach := func(name string) bool { return got[name].Reachable != nil && *got[name].Reachable }
	if !reach("a1111") || got["a1111"].Caps == nil || got["a1111"].Caps.MaxN < 1 || got["a1111"].Model != "v1-5-pruned-emaonly.safetensors [6ce0161689]" {
		t.Errorf("a1111: %+v", got["a1111"])
	}
	if reach("comfyui") || !strings.Contains(got["comfyui"].Error, "EASEL_COMFYUI_URL") {
		t.Errorf("comfyui: %+v", got["comfyui"])
	}
	if reach("stability") || !got["stability"].Checked {
		t.Errorf("stability: %+v", got["stability"])
	}
	if got["runway"].Checked || got["runway"].Set != "RUNWAYML_API_SECRET" {
		t.Errorf("runway: %+v", got["runway"])
	}
	if got["openai"].State != "not configured" && got["openai"].State != "misconfigured" {
		t.Errorf("openai: %+v", got["openai"])
	}
	if !got["builtin"].Configured || got["builtin"].State != "ready" {
		t.Errorf("builtin: %+v", got["builtin"])
	}
}

func TestEnginesRejectsArguments(t *testing.T) {
	if _, err := runEngines(t, nil, "openai"); err == nil {
		t.Error("an argument was accepted")
	}
}

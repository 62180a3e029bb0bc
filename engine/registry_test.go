package engine_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine"
	"github.com/easel-art/easel/engine/a1111"
	"github.com/easel-art/easel/engine/comfyui"
	"github.com/easel-art/easel/engine/enginetest"
	"github.com/easel-art/easel/engine/openai"
	"github.com/easel-art/easel/engine/runway"
	"github.com/easel-art/easel/engine/stability"
)

func env(kv ...string) func(string) string {
	m := map[string]string{}
	for i := 0; i < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return func(k string) string { return m[k] }
}

func TestParseSpec(t *testing.T) {
	tests := []struct{ in, name, model string }{
		{"a1111", "a1111", ""},
		{" OpenAI:gpt-image-1 ", "openai", "gpt-image-1"},
		{"comfyui:dir:sd_xl.safetensors", "comfyui", "dir:sd_xl.safetensors"},
		{"", "", ""},
	}
	for _, tt := range tests {
		if n, m := engine.ParseSpec(tt.in); n != tt.name || m != tt.model {
			t.Errorf("engine.ParseSpec(%q) = %q, %q; want %q, %q", tt.in, n, m, tt.name, tt.model)
		}
	}
}

func TestOpen(t *testing.T) {
	r := engine.NewRegistry(nil, openai.Factory, a1111.Factory, comfyui.Factory, stability.Factory, runway.Factory)
	r.Register(engine.Factory{Name: "fake", Open: func(getenv func(string) string, model string, hc *http.Client) (easel.Engine, error) {
		return &enginetest.Fake{EngineName: "fake"}, nil
	}})
	tests := []struct {
		spec string
		env  func(string) string
		name string
		code string
		msg  string
	}{
		{"fake", env(), "fake", "", ""},
		{"a1111", env(), "a1111", "", ""},
		{"comfyui", env("EASEL_COMFYUI_URL", "http://10.0.0.2:8188"), "comfyui", "", ""},
		{"openai:gpt-image-1.5", env("OPENAI_API_KEY", "sk-x"), "openai", "", ""},
		{"openai", env("OPENAI_BASE_URL", "http://127.0.0.1:8080/v1"), "openai", "", ""},
		{"openai", env(), "", easel.ECONFIG, "OPENAI_API_KEY"},
		{"stability:ultra", env("STABILITY_API_KEY", "sk-x"), "stability", "", ""},
		{"stability", env(), "", easel.ECONFIG, "STABILITY_API_KEY"},
		{"stability:sdxl", env("STABILITY_API_KEY", "sk-x"), "", easel.EINVALID, "core"},
		{"runway", env("RUNWAYML_API_SECRET", "key"), "runway", "", ""},
		{"runway", env(), "", easel.ECONFIG, "RUNWAYML_API_SECRET"},
		{"a1111", env("EASEL_A1111_URL", "localhost:7860"), "", easel.ECONFIG, "EASEL_A1111_URL"},
		{"midjourney", env(), "", easel.EINVALID, "openai, a1111, comfyui, stability, runway, fake"},
		{"", env(), "", easel.EINVALID, "--engine"},
	}
	for _, tt := range tests {
		e, err := r.Open(tt.spec, tt.env)
		if tt.code != "" {
			if easel.ErrorCode(err) != tt.code || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("Open(%q) err = %v; want %s mentioning %q", tt.spec, err, tt.code, tt.msg)
			}
			continue
		}
		if err != nil || e.Name() != tt.name {
			t.Errorf("Open(%q) = %v, %v; want engine %q", tt.spec, e, err, tt.name)
		}
	}
}

func TestRegisterDuplicatePanics(t *testing.T) {
	r := engine.NewRegistry(nil, openai.Factory, a1111.Factory, comfyui.Factory, stability.Factory, runway.Factory)
	defer func() {
		if recover() == nil {
			t.Error("a duplicate name did not panic")
		}
	}()
	r.Register(openai.Factory)
}

func TestConfigured(t *testing.T) {
	byName := map[string]engine.Factory{}
	for _, f := range []engine.Factory{openai.Factory, a1111.Factory, comfyui.Factory, stability.Factory, runway.Factory} {
		byName[f.Name] = f
	}
	tests := []struct {
		name string
		env  func(string) string
		want bool
	}{
		{"openai", env(), false},
		{"openai", env("OPENAI_API_KEY", "sk"), true},
		{"openai", env("OPENAI_BASE_URL", "http://127.0.0.1:8080/v1"), true},
		{"a1111", env(), true},
		{"stability", env(), false},
		{"runway", env("RUNWAYML_API_SECRET", "k"), true},
	}
	for _, tt := range tests {
		if got := byName[tt.name].Configured(tt.env); got != tt.want {
			t.Errorf("%s Configured = %v; want %v", tt.name, got, tt.want)
		}
	}
	if got := byName["a1111"].Endpoint(env("EASEL_A1111_URL", "http://me:pw@h:7860")); strings.Contains(got, "pw") {
		t.Errorf("endpoint shows the password: %s", got)
	}
}

func TestCheckLocal(t *testing.T) {
	if err := engine.Check(context.Background(), &enginetest.Fake{}); err != nil {
		t.Errorf("engine.Check(local) = %v", err)
	}
}

// Package engine is the registry of image engines: each engine registers a
// Factory under its name, and `--engine NAME[:MODEL]` opens one. The
// engines themselves live in sub-packages named after what they talk to:
// canvas (built in), openai, a1111, comfyui, stability and runway.
// enginetest holds the conformance suite they all run.
package engine

import (
	"context"
	"net/http"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/a1111"
	"github.com/easel-art/easel/engine/comfyui"
	"github.com/easel-art/easel/engine/internal/httpx"
	"github.com/easel-art/easel/engine/openai"
	"github.com/easel-art/easel/engine/runway"
	"github.com/easel-art/easel/engine/stability"
)

// Var is an environment variable an engine reads.
type Var struct {
	Name string `json:"name"`
	// Doc says what it holds.
	Doc string `json:"doc"`
	// Secret marks a credential: its value is never shown.
	Secret bool `json:"secret,omitempty"`
	// Required marks a variable the engine cannot run without.
	Required bool `json:"required,omitempty"`
	// Default is the value used when it is not set.
	Default string `json:"default,omitempty"`
}

// Factory opens one kind of engine.
type Factory struct {
	// Name is the registry name, as --engine takes it.
	Name string
	// Summary is one line for `easel engines`.
	Summary string
	// Vars are the environment variables the engine reads.
	Vars []Var
	// Endpoint returns where the engine connects, without credentials;
	// nil or "" for a local engine.
	Endpoint func(getenv func(string) string) string
	// Open builds the engine for model ("" for its default). It is cheap
	// and does no network I/O; missing configuration is ECONFIG.
	Open func(getenv func(string) string, model string) (easel.Engine, error)
	// Ready, if set, decides Configured instead of the Required variables.
	Ready func(getenv func(string) string) bool
}

// Configured reports whether the engine has the configuration it needs:
// Ready's answer when set, else whether every required variable is set.
func (f Factory) Configured(getenv func(string) string) bool {
	if f.Ready != nil {
		return f.Ready(getenv)
	}
	for _, v := range f.Vars {
		if v.Required && strings.TrimSpace(getenv(v.Name)) == "" {
			return false
		}
	}
	return true
}

// Registry holds factories by name. It is not safe for concurrent
// registration; fill it once at start-up.
type Registry struct {
	byName map[string]Factory
	order  []string
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry { return &Registry{byName: map[string]Factory{}} }

// Register adds f. It panics when the name is empty, has a colon or is
// taken: that is a programming error, found at start-up.
func (r *Registry) Register(f Factory) {
	name := strings.ToLower(f.Name)
	if name == "" || strings.ContainsAny(name, ": ") || f.Open == nil {
		panic("engine: Register needs a name without colons or spaces and an Open func")
	}
	if _, dup := r.byName[name]; dup {
		panic("engine: Register called twice for " + name)
	}
	f.Name = name
	r.byName[name] = f
	r.order = append(r.order, name)
}

// Factories returns the factories in registration order.
func (r *Registry) Factories() []Factory {
	out := make([]Factory, len(r.order))
	for i, n := range r.order {
		out[i] = r.byName[n]
	}
	return out
}

// Names returns the registered names in registration order.
func (r *Registry) Names() []string { return append([]string(nil), r.order...) }

// Lookup returns the factory called name.
func (r *Registry) Lookup(name string) (Factory, bool) {
	f, ok := r.byName[strings.ToLower(name)]
	return f, ok
}

// ParseSpec splits NAME[:MODEL]. The model may itself hold colons
// (comfyui:some:file.safetensors keeps "some:file.safetensors").
func ParseSpec(spec string) (name, model string) {
	name, model, _ = strings.Cut(strings.TrimSpace(spec), ":")
	return strings.ToLower(strings.TrimSpace(name)), strings.TrimSpace(model)
}

// Open opens the engine spec names (NAME[:MODEL]), configured from getenv.
// An unknown name is EINVALID listing the known ones.
func (r *Registry) Open(spec string, getenv func(string) string) (easel.Engine, error) {
	name, model := ParseSpec(spec)
	f, ok := r.byName[name]
	if !ok {
		if name == "" {
			return nil, easel.Errorf(easel.EINVALID, "no engine named: use --engine with one of %s", strings.Join(r.order, ", "))
		}
		return nil, easel.Errorf(easel.EINVALID, "unknown engine %q: use one of %s (see easel engines)", name, strings.Join(r.order, ", "))
	}
	return f.Open(getenv, model)
}

// Checker is implemented by engines that can tell, cheaply and without
// paying, whether their service is reachable and accepts the credentials.
type Checker interface {
	Check(ctx context.Context) error
}

// Check reports whether e can be reached: nil for a local engine.
func Check(ctx context.Context, e easel.Engine) error {
	if c, ok := e.(Checker); ok {
		return c.Check(ctx)
	}
	return nil
}

// Remote returns the factories of the remote engines, in the order
// `easel engines` lists them, using hc for HTTP (nil: http.DefaultClient).
func Remote(hc *http.Client) []Factory {
	endpoint := func(v, def string) func(func(string) string) string {
		return func(getenv func(string) string) string {
			if u := strings.TrimSpace(getenv(v)); u != "" {
				return httpx.Redact(u)
			}
			return def
		}
	}
	return []Factory{
		{
			Name:    openai.Name,
			Summary: "OpenAI Images API, gpt-image models (or an OpenAI-compatible server such as LocalAI)",
			Vars: []Var{
				{Name: "OPENAI_API_KEY", Doc: "API key (not needed for a compatible server that takes none)", Secret: true, Required: true},
				{Name: "OPENAI_BASE_URL", Doc: "API root including /v1", Default: openai.DefaultBaseURL},
			},
			Endpoint: endpoint("OPENAI_BASE_URL", openai.DefaultBaseURL),
			// A compatible server elsewhere (LocalAI) may need no key.
			Ready: func(getenv func(string) string) bool {
				_, err := openai.New(openai.ConfigFromEnv(getenv), hc)
				return err == nil
			},
			Open: func(getenv func(string) string, model string) (easel.Engine, error) {
				cfg := openai.ConfigFromEnv(getenv)
				cfg.Model = model
				return openai.New(cfg, hc)
			},
		},
		{
			Name:    a1111.Name,
			Summary: "AUTOMATIC1111 or Forge web UI started with --api; MODEL is a checkpoint title",
			Vars: []Var{
				{Name: "EASEL_A1111_URL", Doc: "web UI address; http://user:pass@host:port for --api-auth", Default: a1111.DefaultURL},
			},
			Endpoint: endpoint("EASEL_A1111_URL", a1111.DefaultURL),
			Open: func(getenv func(string) string, model string) (easel.Engine, error) {
				cfg := a1111.ConfigFromEnv(getenv)
				cfg.Model = model
				return a1111.New(cfg, hc)
			},
		},
		{
			Name:    comfyui.Name,
			Summary: "ComfyUI server; MODEL is a checkpoint file name",
			Vars: []Var{
				{Name: "EASEL_COMFYUI_URL", Doc: "server address", Default: comfyui.DefaultURL},
				{Name: "EASEL_COMFYUI_WORKFLOW", Doc: "your own API-format workflow with {{prompt}} and other placeholders (default: built-in txt2img)"},
			},
			Endpoint: endpoint("EASEL_COMFYUI_URL", comfyui.DefaultURL),
			Open: func(getenv func(string) string, model string) (easel.Engine, error) {
				cfg := comfyui.ConfigFromEnv(getenv)
				cfg.Model = model
				return comfyui.New(cfg, hc)
			},
		},
		{
			Name:    stability.Name,
			Summary: "Stability AI stable-image API; MODEL is core, ultra or an sd3 model",
			Vars: []Var{
				{Name: "STABILITY_API_KEY", Doc: "API key", Secret: true, Required: true},
				{Name: "EASEL_STABILITY_URL", Doc: "API host", Default: stability.DefaultBaseURL},
			},
			Endpoint: endpoint("EASEL_STABILITY_URL", stability.DefaultBaseURL),
			Open: func(getenv func(string) string, model string) (easel.Engine, error) {
				cfg := stability.ConfigFromEnv(getenv)
				cfg.Model = model
				return stability.New(cfg, hc)
			},
		},
		{
			Name:    runway.Name,
			Summary: "Runway text-to-image (gen4_image)",
			Vars: []Var{
				{Name: "RUNWAYML_API_SECRET", Doc: "API key", Secret: true, Required: true},
				{Name: "EASEL_RUNWAY_URL", Doc: "API host", Default: runway.DefaultBaseURL},
			},
			Endpoint: endpoint("EASEL_RUNWAY_URL", runway.DefaultBaseURL),
			Open: func(getenv func(string) string, model string) (easel.Engine, error) {
				cfg := runway.ConfigFromEnv(getenv)
				cfg.Model = model
				return runway.New(cfg, hc)
			},
		},
	}
}

// Default returns a registry holding the remote engines; the caller
// registers the built-in canvas ("builtin") as well.
func Default(hc *http.Client) *Registry {
	r := NewRegistry()
	for _, f := range Remote(hc) {
		r.Register(f)
	}
	return r
}

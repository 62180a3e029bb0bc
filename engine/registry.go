// Package engine is the registry of image engines: each engine package
// exports its Factory (its name, variables and defaults, and how to open
// it), as each llm package exports its Provider, and the command lists
// them (cmd/easel/registry.go); `--engine NAME[:MODEL]` opens one. The
// engines live in sub-packages named after what they talk to: canvas
// (built in), openai, a1111, comfyui, stability and runway. enginetest
// holds the conformance suite they all run.
package engine

import (
	"context"
	"net/http"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/internal/httpx"
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
	// Open builds the engine for model ("" for its default), making HTTP
	// calls with hc (nil: http.DefaultClient). It is cheap and does no
	// network I/O; missing configuration is ECONFIG.
	Open func(getenv func(string) string, model string, hc *http.Client) (easel.Engine, error)
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
	hc     *http.Client
}

// NewRegistry returns a registry of fs, whose engines make HTTP calls with
// hc (nil: http.DefaultClient). It panics as Register does.
func NewRegistry(hc *http.Client, fs ...Factory) *Registry {
	r := &Registry{byName: map[string]Factory{}, hc: hc}
	for _, f := range fs {
		r.Register(f)
	}
	return r
}

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
	return f.Open(getenv, model, r.hc)
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

// EndpointVar returns a Factory.Endpoint that reports the URL in variable
// v (without credentials), else def.
func EndpointVar(v, def string) func(getenv func(string) string) string {
	return func(getenv func(string) string) string {
		if u := strings.TrimSpace(getenv(v)); u != "" {
			return httpx.Redact(u)
		}
		return def
	}
}

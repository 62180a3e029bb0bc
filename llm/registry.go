package llm

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/easel-art/easel"
)

// Provider describes one kind of LLM backend, as data, so the CLI can list
// providers, say which are configured, and open one from a spec.
type Provider struct {
	// Name is the name used in --llm NAME[:MODEL].
	Name string
	// Summary is a one-line description for help texts.
	Summary string
	// DefaultModel is used when the spec names no model.
	DefaultModel string
	// KeyVar is the environment variable holding the API key ("" if none).
	KeyVar string
	// URLVar is the environment variable overriding the endpoint.
	URLVar string
	// Open returns a client for model ("" for DefaultModel), configured from
	// getenv. It does no I/O. httpClient may be nil. A missing key is an
	// ECONFIG error naming KeyVar.
	Open func(model string, getenv func(string) string, httpClient *http.Client) (Client, error)
}

// Registry holds the providers easel knows, in the order they were given.
type Registry struct {
	providers []Provider
}

// NewRegistry returns a registry of ps. It panics on an empty or duplicate
// name, a programming error.
func NewRegistry(ps ...Provider) *Registry {
	r := &Registry{}
	for _, p := range ps {
		r.Register(p)
	}
	return r
}

// Register adds p. It panics on an empty or duplicate name or a nil Open.
func (r *Registry) Register(p Provider) {
	if p.Name == "" || p.Open == nil {
		panic("llm: Register of a provider without a name or Open")
	}
	if _, ok := r.Lookup(p.Name); ok {
		panic(fmt.Sprintf("llm: provider %q registered twice", p.Name))
	}
	r.providers = append(r.providers, p)
}

// Providers returns the registered providers, in registration order.
func (r *Registry) Providers() []Provider {
	return append([]Provider(nil), r.providers...)
}

// Lookup returns the provider called name.
func (r *Registry) Lookup(name string) (Provider, bool) {
	for _, p := range r.providers {
		if p.Name == name {
			return p, true
		}
	}
	return Provider{}, false
}

// Open returns a client for spec ("NAME" or "NAME:MODEL"). "builtin" is not
// a language model: callers handle it before calling Open. An unknown name
// or an empty spec is EINVALID; a missing key is ECONFIG.
func (r *Registry) Open(spec string, getenv func(string) string, httpClient *http.Client) (Client, error) {
	name, model, err := ParseSpec(spec)
	if err != nil {
		return nil, err
	}
	p, ok := r.Lookup(name)
	if !ok {
		names := []string{"builtin"}
		for _, p := range r.providers {
			names = append(names, p.Name)
		}
		return nil, easel.Errorf(easel.EINVALID, "unknown language model provider %q: use --llm with one of %s",
			name, strings.Join(names, ", "))
	}
	return p.Open(model, getenv, httpClient)
}

// ParseSpec splits "NAME[:MODEL]" at the first colon, so Ollama model tags
// survive ("ollama:qwen3:8b" is provider ollama, model "qwen3:8b"). The name
// is lower-cased; an empty name or a trailing colon is EINVALID.
func ParseSpec(spec string) (name, model string, err error) {
	spec = strings.TrimSpace(spec)
	name, model, hasModel := strings.Cut(spec, ":")
	name = strings.ToLower(strings.TrimSpace(name))
	model = strings.TrimSpace(model)
	if name == "" || (hasModel && model == "") {
		return "", "", easel.Errorf(easel.EINVALID, "invalid --llm %q: write NAME or NAME:MODEL, for example openai or ollama:qwen3", spec)
	}
	return name, model, nil
}

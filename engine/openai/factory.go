package openai

import (
	"net/http"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine"
)

// Factory registers this engine: --engine openai[:MODEL].
var Factory = engine.Factory{
	Name:    Name,
	Summary: "OpenAI Images API, gpt-image models (or an OpenAI-compatible server such as LocalAI)",
	Vars: []engine.Var{
		{Name: "OPENAI_API_KEY", Doc: "API key (not needed for a compatible server that takes none)", Secret: true, Required: true},
		{Name: "OPENAI_BASE_URL", Doc: "API root including /v1", Default: DefaultBaseURL},
		{Name: "EASEL_OPENAI_QUALITY", Doc: "low, medium, high or auto; xhigh and max on the gpt-image-2.5 models", Default: "auto"},
		{Name: "EASEL_OPENAI_MODERATION", Doc: "auto or low", Default: "auto"},
		{Name: "EASEL_OPENAI_FORMAT", Doc: "png, jpeg or webp: what is fetched (easel keeps PNG)", Default: "png"},
		{Name: "EASEL_OPENAI_COMPRESSION", Doc: "0-100 for jpeg and webp"},
	},
	Endpoint: engine.EndpointVar("OPENAI_BASE_URL", DefaultBaseURL),
	// A compatible server elsewhere (LocalAI) may need no key.
	Ready: func(getenv func(string) string) bool {
		_, err := New(ConfigFromEnv(getenv), nil)
		return err == nil
	},
	Open: func(getenv func(string) string, model string, hc *http.Client) (easel.Engine, error) {
		cfg := ConfigFromEnv(getenv)
		cfg.Model = model
		return New(cfg, hc)
	},
}

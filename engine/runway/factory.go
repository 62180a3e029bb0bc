package runway

import (
	"net/http"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine"
)

// Factory registers this engine: --engine runway[:MODEL].
var Factory = engine.Factory{
	Name:    Name,
	Summary: "Runway text-to-image (gen4_image)",
	Vars: []engine.Var{
		{Name: "RUNWAYML_API_SECRET", Doc: "API key", Secret: true, Required: true},
		{Name: "EASEL_RUNWAY_URL", Doc: "API host", Default: DefaultBaseURL},
	},
	Endpoint: engine.EndpointVar("EASEL_RUNWAY_URL", DefaultBaseURL),
	Open: func(getenv func(string) string, model string, hc *http.Client) (easel.Engine, error) {
		cfg := ConfigFromEnv(getenv)
		cfg.Model = model
		return New(cfg, hc)
	},
}

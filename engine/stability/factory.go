package stability

import (
	"net/http"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine"
)

// Factory registers this engine: --engine stability[:MODEL].
var Factory = engine.Factory{
	Name:    Name,
	Summary: "Stability AI stable-image API; MODEL is core, ultra or an sd3.5 model",
	Vars: []engine.Var{
		{Name: "STABILITY_API_KEY", Doc: "API key", Secret: true, Required: true},
		{Name: "EASEL_STABILITY_URL", Doc: "API host", Default: DefaultBaseURL},
	},
	Endpoint: engine.EndpointVar("EASEL_STABILITY_URL", DefaultBaseURL),
	Open: func(getenv func(string) string, model string, hc *http.Client) (easel.Engine, error) {
		cfg := ConfigFromEnv(getenv)
		cfg.Model = model
		return New(cfg, hc)
	},
}

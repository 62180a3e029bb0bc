package runway

import (
	"net/http"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine"
)

// Factory registers this engine: --engine runway[:MODEL].
var Factory = engine.Factory{
	Name:    Name,
	Summary: "Runway text-to-image; MODEL is gen4_image (default), gpt_image_2, gemini_image3_pro, seedream5_pro, ...",
	Vars: []engine.Var{
		{Name: "RUNWAYML_API_SECRET", Doc: "API key", Secret: true, Required: true},
		{Name: "EASEL_RUNWAY_URL", Doc: "API host", Default: DefaultBaseURL},
		{Name: "EASEL_RUNWAY_PUBLIC_FIGURES", Doc: "auto or low: gen4's contentModeration.publicFigureThreshold", Default: "auto"},
	},
	Endpoint: engine.EndpointVar("EASEL_RUNWAY_URL", DefaultBaseURL),
	Open: func(getenv func(string) string, model string, hc *http.Client) (easel.Engine, error) {
		cfg := ConfigFromEnv(getenv)
		cfg.Model = model
		return New(cfg, hc)
	},
}

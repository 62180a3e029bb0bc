package comfyui

import (
	"net/http"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine"
)

// Factory registers this engine: --engine comfyui[:CHECKPOINT].
var Factory = engine.Factory{
	Name:    Name,
	Summary: "ComfyUI server; MODEL is a checkpoint file name",
	Vars: []engine.Var{
		{Name: "EASEL_COMFYUI_URL", Doc: "server address", Default: DefaultURL},
		{Name: "EASEL_COMFYUI_WORKFLOW", Doc: "your own API-format workflow with {{prompt}} and other placeholders (default: built-in txt2img)"},
	},
	Endpoint: engine.EndpointVar("EASEL_COMFYUI_URL", DefaultURL),
	Open: func(getenv func(string) string, model string, hc *http.Client) (easel.Engine, error) {
		cfg := ConfigFromEnv(getenv)
		cfg.Model = model
		return New(cfg, hc)
	},
}

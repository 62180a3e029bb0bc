package a1111

import (
	"net/http"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine"
)

// Factory registers this engine: --engine a1111[:CHECKPOINT].
var Factory = engine.Factory{
	Name:    Name,
	Summary: "AUTOMATIC1111 or Forge web UI started with --api; MODEL is a checkpoint title",
	Vars: []engine.Var{
		{Name: "EASEL_A1111_URL", Doc: "web UI address; http://user:pass@host:port for --api-auth", Default: DefaultURL},
	},
	Endpoint: engine.EndpointVar("EASEL_A1111_URL", DefaultURL),
	Open: func(getenv func(string) string, model string, hc *http.Client) (easel.Engine, error) {
		cfg := ConfigFromEnv(getenv)
		cfg.Model = model
		return New(cfg, hc)
	},
}

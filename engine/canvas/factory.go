package canvas

import (
	"net/http"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine"
)

// Factory registers the built-in canvas: --engine builtin.
var Factory = engine.Factory{
	Name:    "builtin",
	Summary: "the built-in canvas: procedural painting of the scene, offline and free (not a diffusion model)",
	Open: func(getenv func(string) string, model string, hc *http.Client) (easel.Engine, error) {
		return New(), nil
	},
}

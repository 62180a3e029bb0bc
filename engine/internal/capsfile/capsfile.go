// Package capsfile loads the capabilities.json each engine embeds: one
// loader, and one set of JSON names for what local Stable Diffusion
// servers share.
package capsfile

import (
	"cmp"
	"encoding/json"

	"github.com/easel-art/easel"
)

// Load decodes an engine's embedded capabilities.json into T. A bad file
// is a build mistake, which every test of the engine catches: it panics.
func Load[T any](engine string, data []byte) T {
	var v T
	if err := json.Unmarshal(data, &v); err != nil {
		panic(engine + ": bad capabilities.json: " + err.Error())
	}
	return v
}

// SD is the capabilities.json of a local Stable Diffusion server
// (AUTOMATIC1111, ComfyUI).
type SD struct {
	Dialect        easel.Dialect `json:"dialect"`
	SDXLModelWords []string      `json:"sdxl_model_words"`
	SizeStep       int           `json:"size_step"`
	MaxN           int           `json:"max_n"`
	Negative       bool          `json:"negative"`
	Seed           bool          `json:"seed"`
	PricePerImage  float64       `json:"price_per_image"`
	// The settings a request leaves empty.
	DefaultSteps     int     `json:"default_steps"`
	DefaultCFGScale  float64 `json:"default_cfg_scale"`
	DefaultSampler   string  `json:"default_sampler"`
	DefaultScheduler string  `json:"default_scheduler"`
}

// FillDefaults sets each setting left zero to the file's default.
func (d SD) FillDefaults(steps *int, cfgScale *float64, sampler, scheduler *string) {
	*steps = cmp.Or(*steps, d.DefaultSteps)
	*cfgScale = cmp.Or(*cfgScale, d.DefaultCFGScale)
	*sampler = cmp.Or(*sampler, d.DefaultSampler)
	*scheduler = cmp.Or(*scheduler, d.DefaultScheduler)
}

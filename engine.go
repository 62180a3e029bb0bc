package easel

import "context"

// Capabilities describe what an engine can do, as data, so an impossible
// request is refused before any paid call and the right dialect is chosen.
type Capabilities struct {
	// Dialect is the prompt dialect the engine understands best.
	Dialect Dialect `json:"dialect"`
	// Sizes lists the exact sizes allowed; empty means any size within
	// MinSide..MaxSide that is a multiple of SizeStep.
	Sizes []Size `json:"sizes,omitempty"`
	// SizeStep is the multiple that free sizes must be (1 for any).
	SizeStep int `json:"size_step,omitempty"`
	// Negative reports whether a negative prompt is honoured.
	Negative bool `json:"negative"`
	// Seed reports whether the same seed gives the same picture.
	Seed bool `json:"seed"`
	// MaxN is the most images one call can return.
	MaxN int `json:"max_n"`
	// Models lists the known model names; DefaultModel is used when none is given.
	Models       []string `json:"models,omitempty"`
	DefaultModel string   `json:"default_model,omitempty"`
	// PricePerImage is the cost of one image in US dollars (0 for free engines).
	PricePerImage float64 `json:"price_per_image"`
	// Local reports that the engine runs on this machine without network.
	Local bool `json:"local"`
}

// RenderRequest is one call to an engine.
type RenderRequest struct {
	// Prompt is the text sent to the engine, in its dialect.
	Prompt string
	// Negative is the negative prompt, for engines that honour one.
	Negative string
	// Scene is what to draw, for engines that draw a Scene (the canvas).
	Scene *Scene
	// Style is the medium or style name, for engines that use one.
	Style string
	// Seed is the first image's seed; image i gets Seed+i.
	Seed int64
	// Width and Height are the picture's size in pixels.
	Width, Height int
	// Steps, CFGScale and Sampler are diffusion settings (0 or "" for the engine's default).
	Steps    int
	CFGScale float64
	Sampler  string
	// Model is the model name ("" for the engine's default).
	Model string
	// N is how many images to make (at least 1, at most Capabilities.MaxN).
	N int
	// Progress, if set, is called with the fraction done (0..1).
	Progress func(fraction float64)
}

// RenderedImage is one picture an engine returned.
type RenderedImage struct {
	// PNG is the encoded picture, without easel's metadata (the pipeline adds it).
	PNG []byte
	// Seed is the seed this picture was made with.
	Seed int64
	// RevisedPrompt is the engine's own rewrite of the prompt, if it made one.
	RevisedPrompt string
	// Info is the engine's own record of the generation (A1111 infotext, ...).
	Info string
}

// RenderResult is what an engine returned for one RenderRequest.
type RenderResult struct {
	Images []RenderedImage
	// Model is the model that was actually used.
	Model string
	// Steps, CFGScale and Sampler are the settings actually used, when known.
	Steps    int
	CFGScale float64
	Sampler  string
	// CostUSD is what the call cost, in US dollars.
	CostUSD float64
	// Width and Height are the size actually made, which differs from the
	// request when the engine only offers fixed sizes or aspect ratios
	// (0 when the engine did not say).
	Width, Height int
	// Notes say what the engine changed from the request and why, such as
	// "size 1600x900 is not offered by gpt-image-1: made 1536x1024, the closest".
	Notes []string
}

// Engine turns a prompt into pixels.
//
// Render returns len(Images) == req.N or an error. Errors are *Error values
// classified once by the engine's client: EINVALID or EPERMANENT when
// retrying cannot help (bad request, content policy, exhausted quota),
// ECONFIG for missing or rejected credentials, ERATELIMIT (see RetryAfter)
// when the service asks to slow down, EUNAVAILABLE for transient failures.
// Engines never retry by themselves: retries live in queue/.
type Engine interface {
	// Name is the engine's registry name, such as "builtin" or "a1111".
	Name() string
	// Capabilities describes the engine; it does no I/O.
	Capabilities() Capabilities
	// Render makes req.N pictures.
	Render(ctx context.Context, req *RenderRequest) (*RenderResult, error)
}

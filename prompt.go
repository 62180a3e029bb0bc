package easel

import "context"

// Prompt is the canonical, engine-neutral prompt: what a skilled prompt
// writer produces from an idea. One Prompt renders into every engine's
// dialect (package prompt/dialect).
type Prompt struct {
	// Idea is the idea the prompt was written from.
	Idea string `json:"idea"`
	// Template is the dynamic-prompt template the idea was expanded from, if any.
	Template string `json:"template,omitempty"`
	// Text is the natural-language description: subject, setting, light,
	// colour, composition, mood and the details that belong to the scene.
	Text string `json:"text"`
	// Keywords are the weighted terms a keyword dialect (Stable Diffusion)
	// is built from, most important first.
	Keywords []Keyword `json:"keywords,omitempty"`
	// Negative lists what to keep out of the picture.
	Negative []string `json:"negative,omitempty"`
	// Style is the name of the style preset applied, if any.
	Style string `json:"style,omitempty"`
	// Seed is the seed the writer used; images default to it.
	Seed int64 `json:"seed"`
	// Variation is the index of this prompt among the variations written.
	Variation int `json:"variation"`
	// Chaos (0..100) is how far variations were allowed to wander.
	Chaos int `json:"chaos"`
	// Writer names who wrote it: "builtin", or "openai:gpt-4o-mini", ...
	Writer string `json:"writer"`
	// Scene is what the prompt describes, for engines that draw a Scene.
	Scene *Scene `json:"scene,omitempty"`
}

// Keyword is one weighted term. Weight 1 is neutral; A1111 writes other
// weights as (term:1.2).
type Keyword struct {
	Text   string  `json:"text"`
	Weight float64 `json:"weight"`
}

// Dialect names how an engine wants its prompt written.
type Dialect string

// The dialects. Natural, GPTImage and Flux are prose; SD and SDXL are
// weighted keywords in 75-token CLIP chunks with a separate negative prompt;
// Midjourney is prose plus --parameters, for export only.
const (
	DialectNatural    Dialect = "natural"
	DialectGPTImage   Dialect = "gpt-image"
	DialectFlux       Dialect = "flux"
	DialectSD         Dialect = "sd"
	DialectSDXL       Dialect = "sdxl"
	DialectMidjourney Dialect = "midjourney"
)

// Dialects lists every dialect, in the order help texts show them.
var Dialects = []Dialect{DialectNatural, DialectGPTImage, DialectFlux, DialectSD, DialectSDXL, DialectMidjourney}

// WriteRequest asks a PromptWriter for prompts.
type WriteRequest struct {
	// Idea is the person's words (after template expansion).
	Idea string
	// Template is the template Idea came from, if any; it is recorded, not expanded.
	Template string
	// Scene, when set, is used instead of parsing Idea.
	Scene *Scene
	// Style is a style preset name, applied by the caller or the writer.
	Style string
	// Negative is extra negative text from the person.
	Negative string
	// Seed makes the output deterministic: same request, same prompts.
	Seed int64
	// N is how many variations to write (at least 1).
	N int
	// Chaos (0..100) is how far variations wander: 0 changes wording only,
	// 100 changes composition, light and mood.
	Chaos int
	// Dialect is the dialect the prompts will be rendered in, so the writer
	// can aim at it (for example keep SD prompts within their token budget).
	Dialect Dialect
}

// PromptWriter turns an idea into detailed prompts.
//
// WritePrompts returns exactly req.N prompts (1 when N is 0) or an error.
// It returns an EINVALID error for an unusable idea, ECONFIG when a remote
// writer is not configured, and the remote service's classified error
// otherwise.
type PromptWriter interface {
	WritePrompts(ctx context.Context, req WriteRequest) ([]*Prompt, error)
}

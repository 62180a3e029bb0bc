package easel

import (
	"context"
	"time"
)

// How an artwork was made, recorded in Artwork.Method.
const (
	MethodImagine    = "imagine"
	MethodTemplate   = "template"
	MethodVarySubtle = "vary-subtle"
	MethodVaryStrong = "vary-strong"
	MethodReproduce  = "reproduce"
	// MethodRefine records a picture steered in words from its parent;
	// Artwork.Instruction holds the words.
	MethodRefine = "refine"
	// MethodDescribe records a picture rendered from a prompt that
	// describe wrote for another picture (its parent, when in the gallery).
	MethodDescribe = "describe"
	MethodRender   = "render"
	MethodBatch    = "batch"
	// MethodImport records a picture brought into the gallery from a PNG
	// file (such as one made by AUTOMATIC1111), so what is varied or
	// reproduced from it has a parent.
	MethodImport = "import"
)

// Artwork is one picture in the gallery and everything needed to make it again.
type Artwork struct {
	// ID is the gallery's identifier; Path is where the PNG is on disk.
	ID   string `json:"id"`
	Path string `json:"path"`
	// SHA256 is the hex digest of the PNG file, which names it on disk.
	SHA256 string `json:"sha256"`
	// Idea and Template are what the person gave.
	Idea     string `json:"idea"`
	Template string `json:"template,omitempty"`
	// Prompt and NegativePrompt are the exact texts sent to the engine.
	Prompt         string `json:"prompt"`
	NegativePrompt string `json:"negative_prompt"`
	// Dialect, Style and Writer describe how the prompt was written.
	Dialect Dialect `json:"dialect,omitempty"`
	Style   string  `json:"style,omitempty"`
	Writer  string  `json:"writer,omitempty"`
	// Engine and Model made the picture.
	Engine string `json:"engine"`
	Model  string `json:"model"`
	// Seed, Width, Height, Steps, CFGScale and Sampler are the generation settings.
	Seed     int64   `json:"seed"`
	Width    int     `json:"width"`
	Height   int     `json:"height"`
	Steps    int     `json:"steps,omitempty"`
	CFGScale float64 `json:"cfg_scale,omitempty"`
	Sampler  string  `json:"sampler,omitempty"`
	// RevisedPrompt and EngineInfo are the engine's own account, if any.
	RevisedPrompt string `json:"revised_prompt,omitempty"`
	EngineInfo    string `json:"engine_info,omitempty"`
	// Scene is what was drawn, when the engine drew a Scene.
	Scene *Scene `json:"scene,omitempty"`
	// ParentID and Method record lineage: where this picture came from.
	ParentID string `json:"parent_id,omitempty"`
	Method   string `json:"method"`
	// Instruction is what the person asked of the parent ("make it
	// night"), for a picture made by refine.
	Instruction string `json:"instruction,omitempty"`
	// CostUSD and ElapsedMS are what making it cost.
	CostUSD   float64   `json:"cost_usd"`
	ElapsedMS int64     `json:"elapsed_ms"`
	CreatedAt time.Time `json:"created_at"`
}

// ArtworkFilter narrows a listing. Zero values mean no limit.
type ArtworkFilter struct {
	Limit    int
	Offset   int
	ParentID string
	// SHA256, when set, keeps the artworks whose PNG file has this digest.
	SHA256 string
}

// Gallery keeps artworks and their PNG files.
//
// Add stores the PNG (content-addressed, written whole or not at all) and
// the artwork together; it fills in ID, Path, SHA256 and CreatedAt. If it
// fails, neither the file nor the record is left behind.
// Get accepts a full ID or a unique prefix and returns ENOTFOUND when there
// is no match (EINVALID when a prefix is ambiguous). Delete removes the
// record, and the file when no other artwork shares it; children keep
// their ParentID. Search takes words (full-text over idea and prompt).
// Images is the store of the pictures' files: read an artwork's PNG with
// Images().Open(ctx, a.SHA256), not by its Path, which only a gallery on
// the local disk fills in.
type Gallery interface {
	Add(ctx context.Context, a *Artwork, png []byte) error
	Get(ctx context.Context, id string) (*Artwork, error)
	List(ctx context.Context, f ArtworkFilter) ([]*Artwork, error)
	Search(ctx context.Context, query string, f ArtworkFilter) ([]*Artwork, error)
	Delete(ctx context.Context, id string) error
	Images() ImageStore
	Close() error
}

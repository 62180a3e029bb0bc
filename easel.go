// Package easel holds the domain vocabulary of easel: an Idea becomes a
// Scene, a Scene becomes a Prompt, a Prompt is rendered by an Engine into an
// Artwork, and the Artwork is kept in a Gallery. Implementations live in
// sub-packages named after what they plug into; this package imports nothing
// else from the project.
package easel

// Version is easel's version, written into PNG metadata and `easel --version`.
const Version = "0.1.0"

// Limits that every entry point enforces the same way.
const (
	// MaxIdeaLen is the longest idea, in characters, that easel accepts.
	MaxIdeaLen = 10000
	// MinSide and MaxSide bound the width and height of a picture, in pixels.
	MinSide = 64
	MaxSide = 2048
	// DefaultWidth and DefaultHeight are used when neither --size nor --aspect is given.
	DefaultWidth  = 1024
	DefaultHeight = 1024
)

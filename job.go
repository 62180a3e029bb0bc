package easel

import "fmt"

// Job is one render request of a batch: everything needed to make its
// pictures, so that it can be stored before any paid call and run later by
// any worker. Its state (queued, running, done, failed) is kept by the
// queue, not here.
type Job struct {
	// Batch identifies the batch the job belongs to (hex).
	Batch string `json:"batch"`
	// Line is the job's line in the batch file (1-based); Variation its
	// index among the jobs that line made (variations, templates, -n).
	Line      int `json:"line"`
	Variation int `json:"variation"`
	// Idea is what to picture, after template expansion; Template is the
	// line it was expanded from, if any.
	Idea     string `json:"idea"`
	Template string `json:"template,omitempty"`
	// Prompt, when set, is sent to the engine as it is (the --prompt of an
	// A1111 prompts file): no prompt is written.
	Prompt string `json:"prompt,omitempty"`
	// Negative is extra negative text (or, with Prompt, the whole negative prompt).
	Negative string `json:"negative,omitempty"`
	// Style is a style preset name; Dialect the prompt dialect ("" for the engine's).
	Style   string  `json:"style,omitempty"`
	Dialect Dialect `json:"dialect,omitempty"`
	// Engine is the engine spec, NAME[:MODEL].
	Engine string `json:"engine"`
	// Writer is the prompt writer spec, NAME[:MODEL] ("" for the built-in one).
	Writer string `json:"writer,omitempty"`
	// Seed is the first image's seed; Chaos how far a written prompt wanders.
	Seed  int64 `json:"seed"`
	Chaos int   `json:"chaos,omitempty"`
	// Steps is the diffusion step count (0 for the engine's default).
	Steps int `json:"steps,omitempty"`
	// Width and Height are the picture's size.
	Width  int `json:"width"`
	Height int `json:"height"`
	// N is how many pictures the job makes in one engine call (at least 1).
	N int `json:"n"`
}

// Key names the job uniquely across batches; it is safe in file names.
func (j *Job) Key() string { return fmt.Sprintf("%s-%d-%d", j.Batch, j.Line, j.Variation) }

// Size returns the job's picture size.
func (j *Job) Size() Size { return Size{Width: j.Width, Height: j.Height} }

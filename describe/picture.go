package describe

import (
	"context"
	"errors"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/imageio"
	"github.com/easel-art/easel/lineage"
	"github.com/easel-art/easel/prompt/builtin"
)

// MaxPrompts is the most prompts one describe writes.
const MaxPrompts = 20

// The sources of a described prompt.
const (
	SourceMetadata  = "metadata"  // the prompt recorded in the file
	SourceVariation = "variation" // a variation of the recorded prompt
	SourceAnalysis  = "analysis"  // written from the offline analysis
	SourceVision    = "vision"    // written by a vision model
)

// Described is one prompt that could make the picture.
type Described struct {
	Prompt *easel.Prompt
	// Source is SourceMetadata, SourceVariation or SourceAnalysis.
	Source string
	// Verbatim is set for the recorded prompt, which is shown as it was
	// written (with its own syntax), not rendered again.
	Verbatim bool
}

// Result is what Picture found.
type Result struct {
	Prompts []Described
	// Format is the picture's format: png, jpeg or webp.
	Format        string
	Width, Height int
	// Maker names the tool whose metadata was read ("easel",
	// "AUTOMATIC1111"), "" when the picture had none.
	Maker string
	// Art is the metadata as an artwork (no ID), nil when there was none.
	Art *easel.Artwork
	// Analysis is the offline analysis, for a picture without metadata.
	Analysis *Analysis
	// Note says what the describer could not do, if anything.
	Note string
}

// Picture describes the picture in data (PNG, JPEG or WebP) with n
// prompts. A picture with generation metadata (easel, AUTOMATIC1111,
// ComfyUI, InvokeAI) gets its recorded prompt first and variations of it
// after; any other is analysed offline. It returns an EINVALID error for
// data that is not a picture, is truncated, or declares more pixels than
// the budget (checked before decoding).
func Picture(ctx context.Context, data []byte, n int) (*Result, error) {
	if n < 1 || n > MaxPrompts {
		return nil, easel.Errorf(easel.EINVALID, "cannot write %d prompts: ask for 1 to %d", n, MaxPrompts)
	}
	cfg, format, err := imageio.Config(data)
	if err != nil {
		return nil, err
	}
	res := &Result{Format: format, Width: cfg.Width, Height: cfg.Height}
	if format == "png" {
		pic, err := lineage.FromPNG(data)
		if err == nil {
			res.Maker, res.Art = pic.Maker(), pic.Art
			if err := variations(ctx, res, n); err != nil {
				return nil, err
			}
			return res, nil
		}
		// A PNG without metadata is analysed; metadata that is there but
		// damaged is worth saying.
		var e *easel.Error
		if !errors.As(err, &e) || !strings.Contains(e.Message, "no generation metadata") && !strings.Contains(e.Message, "has no prompt") {
			return nil, err
		}
	}
	img, _, err := imageio.Decode(data)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	res.Analysis = Analyze(img)
	for _, p := range Prompts(res.Analysis, n) {
		res.Prompts = append(res.Prompts, Described{Prompt: p, Source: SourceAnalysis})
	}
	res.Note = Note
	return res, nil
}

// variations puts the recorded prompt first and n-1 variations of it
// after, written by the built-in writer from the picture's idea (and its
// Scene, for easel's own pictures) at its seed.
func variations(ctx context.Context, res *Result, n int) error {
	a := res.Art
	rec := &easel.Prompt{Idea: a.Idea, Text: a.Prompt, Seed: a.Seed, Writer: a.Writer, Scene: a.Scene}
	if a.NegativePrompt != "" {
		rec.Negative = []string{a.NegativePrompt}
	}
	res.Prompts = append(res.Prompts, Described{Prompt: rec, Source: SourceMetadata, Verbatim: true})
	if n == 1 {
		return nil
	}
	ps, err := builtin.New().WritePrompts(ctx, easel.WriteRequest{
		Idea: lineage.IdeaOf(a), Scene: lineage.VariationScene(a, 50), Seed: a.Seed, N: n, Chaos: 50,
	})
	if err != nil {
		return err
	}
	for _, p := range ps {
		if len(res.Prompts) == n {
			break
		}
		if p.Text == a.Prompt {
			continue
		}
		res.Prompts = append(res.Prompts, Described{Prompt: p, Source: SourceVariation})
	}
	return nil
}

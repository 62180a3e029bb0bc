package lineage

import (
	"bytes"
	"encoding/json"
	"image"
	_ "image/png" // DecodeConfig reads the size of PNGs whose metadata has none
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/pipeline"
	"github.com/easel-art/easel/pngmeta"
)

// Picture is what a PNG file says about how it was made.
type Picture struct {
	// Art holds the generation settings as an artwork with no ID: prompt,
	// negative prompt, seed, size, steps, CFG scale, sampler, model, and
	// for easel's own files the idea and the Scene. Engine is the easel
	// engine that speaks to the tool that made it ("a1111", "comfyui"),
	// "" when easel has none (InvokeAI). Idea is never empty: for other
	// tools it is the prompt without its syntax.
	Art *easel.Artwork
	// Meta is everything pngmeta read, including the parameters that
	// Art has no field for.
	Meta *pngmeta.Metadata
}

// Maker names the tool that made the picture, for messages.
func (p *Picture) Maker() string {
	switch p.Meta.Source {
	case pngmeta.SourceEasel:
		return "easel"
	case pngmeta.SourceA1111:
		return "AUTOMATIC1111"
	case pngmeta.SourceComfyUI:
		return "ComfyUI"
	case pngmeta.SourceInvokeAI:
		return "InvokeAI"
	}
	return "an unknown tool"
}

// Foreign reports whether another tool than easel made the picture.
func (p *Picture) Foreign() bool { return p.Meta.Source != pngmeta.SourceEasel }

// FromPNG reads the generation metadata of a PNG file. It returns an
// EINVALID error when data is not a PNG, when it carries no generation
// metadata that easel reads, or when that metadata has no prompt.
func FromPNG(data []byte) (*Picture, error) {
	md, err := pngmeta.Read(data)
	if err != nil {
		return nil, err
	}
	if md.Source == pngmeta.SourceUnknown {
		return nil, easel.Errorf(easel.EINVALID, "it has no generation metadata (no easel, AUTOMATIC1111 parameters, ComfyUI or InvokeAI chunk): give a gallery id or the prompt text instead")
	}
	a := &easel.Artwork{
		Prompt: md.Prompt, NegativePrompt: md.NegativePrompt, Seed: md.Seed,
		Width: md.Width, Height: md.Height, Steps: md.Steps, CFGScale: md.CFGScale,
		Sampler: md.Sampler, Model: md.Model,
	}
	switch md.Source {
	case pngmeta.SourceEasel:
		var m pipeline.Metadata
		if err := json.Unmarshal(md.Easel, &m); err != nil {
			return nil, easel.Errorf(easel.EINVALID, "its easel metadata is unreadable (%v): the file is damaged", err)
		}
		a.Idea, a.Template, a.Dialect, a.Style, a.Writer = m.Idea, m.Template, m.Dialect, m.Style, m.Writer
		a.Engine, a.RevisedPrompt, a.Scene = m.Engine, m.RevisedPrompt, m.Scene
	case pngmeta.SourceA1111:
		a.Engine = "a1111"
		a.EngineInfo, _ = textOf(md, pngmeta.KeywordParameters)
		if t, ok := md.Params.Get("Template"); ok {
			a.Template = t
		}
	case pngmeta.SourceComfyUI:
		a.Engine = "comfyui"
		a.EngineInfo = string(md.ComfyPrompt)
	case pngmeta.SourceInvokeAI:
		a.EngineInfo = string(md.InvokeAI)
	}
	if strings.TrimSpace(a.Prompt) == "" {
		return nil, easel.Errorf(easel.EINVALID, "its %s metadata has no prompt: give the prompt text instead", (&Picture{Meta: md}).Maker())
	}
	if a.Idea == "" {
		a.Idea = PlainPrompt(a.Prompt)
		if a.Idea == "" {
			a.Idea = strings.TrimSpace(a.Prompt)
		}
	}
	if a.Width <= 0 || a.Height <= 0 {
		if cfg, _, err := image.DecodeConfig(bytes.NewReader(data)); err == nil {
			a.Width, a.Height = cfg.Width, cfg.Height
		}
	}
	return &Picture{Art: a, Meta: md}, nil
}

func textOf(md *pngmeta.Metadata, kw string) (string, bool) {
	for _, t := range md.Texts {
		if t.Keyword == kw {
			return t.Value, true
		}
	}
	return "", false
}

package lineage

import (
	"strings"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/pngmeta"
)

var (
	canvasCaps = easel.Capabilities{Dialect: easel.DialectNatural, Seed: true, Local: true}
	sdCaps     = easel.Capabilities{Dialect: easel.DialectSD, Negative: true, Seed: true}
	openaiCaps = easel.Capabilities{Dialect: easel.DialectGPTImage}
)

func TestReproduceSameEngineKeepsEverything(t *testing.T) {
	a := &easel.Artwork{Prompt: "(castle:1.2), moon", NegativePrompt: "blurry", Engine: "a1111", Model: "dreamshaper_8",
		Seed: 7, Width: 512, Height: 768, Steps: 30, CFGScale: 6, Sampler: "DPM++ 2M Karras"}
	s, notes := Reproduce(a, nil, Target{Name: "a1111", Caps: sdCaps})
	want := Settings{Prompt: a.Prompt, Negative: "blurry", Seed: 7, Size: easel.Size{Width: 512, Height: 768},
		Steps: 30, CFGScale: 6, Sampler: "DPM++ 2M Karras", Model: "dreamshaper_8"}
	if s != want || len(notes) != 0 {
		t.Fatalf("got %+v, notes %q\nwant %+v and no notes", s, notes, want)
	}
	// A separate schedule type from an A1111 file has no setting: named.
	_, notes = Reproduce(a, &pngmeta.Metadata{Source: pngmeta.SourceA1111, Scheduler: "Exponential"}, Target{Name: "a1111", Caps: sdCaps})
	if len(notes) != 1 || !strings.Contains(notes[0], `schedule "Exponential"`) {
		t.Errorf("notes = %q; want the schedule named", notes)
	}
	// --engine NAME:MODEL wins.
	s, _ = Reproduce(a, nil, Target{Name: "a1111", Caps: sdCaps, Model: "sdxl_base"})
	if s.Model != "sdxl_base" {
		t.Errorf("model = %q; want the one asked for", s.Model)
	}
}

func TestReproduceAcrossEngines(t *testing.T) {
	a1111Meta := &pngmeta.Metadata{Source: pngmeta.SourceA1111, Scheduler: "Karras",
		Params: pngmeta.Params{{Key: "Steps", Value: "20"}, {Key: "Clip skip", Value: "2"}, {Key: "Hires upscale", Value: "2"}, {Key: "Version", Value: "v1.10.1"}}}
	comfyMeta := &pngmeta.Metadata{Source: pngmeta.SourceComfyUI, Scheduler: "normal",
		ComfyPrompt: []byte(`{"1": {"class_type": "KSampler"}, "2": {"class_type": "LoraLoader"}, "3": {"class_type": "UpscaleModelLoader"}}`)}
	a1111Art := &easel.Artwork{Prompt: "a (castle:1.2), <lora:x:0.5> moon", NegativePrompt: "blurry", Engine: "a1111",
		Model: "v1-5-pruned-emaonly", Seed: 5, Width: 512, Height: 768, Steps: 20, CFGScale: 7, Sampler: "DPM++ 2M"}
	comfyArt := &easel.Artwork{Prompt: "a koi pond", Engine: "comfyui", Model: "sd_xl_base_1.0.safetensors", Seed: 42,
		Width: 1024, Height: 1024, Steps: 25, CFGScale: 7, Sampler: "euler_ancestral"}
	canvasArt := &easel.Artwork{Prompt: "A fox.", Engine: "builtin", Model: "canvas", Seed: 3, Width: 96, Height: 96,
		Steps: 1, CFGScale: 1, Sampler: "easel canvas", Scene: &easel.Scene{Elements: []string{"fox"}}}
	tests := []struct {
		name      string
		art       *easel.Artwork
		md        *pngmeta.Metadata
		target    Target
		check     func(t *testing.T, s Settings)
		wantNotes []string
		noNotes   []string
	}{
		{"a1111 to comfyui", a1111Art, a1111Meta, Target{Name: "comfyui", Caps: sdCaps},
			func(t *testing.T, s Settings) {
				if s.Sampler != "dpmpp_2m" || s.Steps != 20 || s.CFGScale != 7 || s.Model != "" || s.Negative != "blurry" ||
					s.Prompt != "a (castle:1.2), moon" {
					t.Errorf("settings = %+v", s)
				}
			},
			[]string{"LoRA", `schedule "Karras"`, "comfyui:FILE.safetensors", "Clip skip: 2", "Hires upscale: 2"}, []string{"Version"}},
		{"comfyui to a1111", comfyArt, comfyMeta, Target{Name: "a1111", Caps: sdCaps},
			func(t *testing.T, s Settings) {
				if s.Sampler != "Euler a" || s.Model != "sd_xl_base_1.0" || s.Steps != 25 {
					t.Errorf("settings = %+v", s)
				}
			},
			[]string{"LoraLoader, UpscaleModelLoader"}, []string{"schedule"}},
		{"a1111 to canvas", a1111Art, a1111Meta, Target{Name: "builtin", Caps: canvasCaps},
			func(t *testing.T, s Settings) {
				if s.Prompt != "a castle, moon" || s.Negative != "" || s.Steps != 0 || s.Sampler != "" || s.Model != "" || s.Seed != 5 {
					t.Errorf("settings = %+v", s)
				}
				if s.Scene == nil || !s.Scene.HasElement("castle") || !s.Scene.HasElement("moon") {
					t.Errorf("scene = %+v; want the prompt's castle and moon", s.Scene)
				}
			},
			[]string{"weights", "negative prompt not used", "built-in canvas", "20 steps, CFG 7, DPM++ 2M", `model "v1-5-pruned-emaonly"`}, nil},
		{"canvas to a1111", canvasArt, nil, Target{Name: "a1111", Caps: sdCaps},
			func(t *testing.T, s Settings) {
				// The canvas's one step and no guidance mean nothing to a model.
				if s.Steps != 0 || s.CFGScale != 0 || s.Sampler != "" || s.Model != "" || s.Prompt != "A fox." {
					t.Errorf("settings = %+v", s)
				}
			},
			nil, []string{"sampler", "model"}},
		{"to an engine without seeds", comfyArt, nil, Target{Name: "openai", Caps: openaiCaps},
			func(t *testing.T, s Settings) {
				if s.Steps != 0 || s.Model != "" {
					t.Errorf("settings = %+v", s)
				}
			},
			[]string{"seed 42 not used", "do not apply to openai", `model "sd_xl_base_1.0.safetensors" is not on openai`}, nil},
		{"old A1111 sampler name", &easel.Artwork{Prompt: "a lake", Engine: "a1111", Seed: 1, Width: 512, Height: 512, Sampler: "DPM++ 2M Karras"}, nil,
			Target{Name: "comfyui", Caps: sdCaps},
			func(t *testing.T, s Settings) {
				if s.Sampler != "dpmpp_2m" {
					t.Errorf("sampler = %q; want dpmpp_2m", s.Sampler)
				}
			},
			[]string{`schedule "Karras"`}, nil},
		{"unknown sampler", &easel.Artwork{Prompt: "a lake", Engine: "comfyui", Seed: 1, Width: 512, Height: 512, Sampler: "res_multistep"}, nil,
			Target{Name: "a1111", Caps: sdCaps},
			func(t *testing.T, s Settings) {
				if s.Sampler != "" {
					t.Errorf("sampler = %q; want the engine's default", s.Sampler)
				}
			},
			[]string{`sampler "res_multistep" is unknown to a1111`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, notes := Reproduce(tt.art, tt.md, tt.target)
			tt.check(t, s)
			all := strings.Join(notes, "\n")
			for _, w := range tt.wantNotes {
				if !strings.Contains(all, w) {
					t.Errorf("notes lack %q:\n%s", w, all)
				}
			}
			for _, w := range tt.noNotes {
				if strings.Contains(all, w) {
					t.Errorf("notes mention %q:\n%s", w, all)
				}
			}
		})
	}
}

func TestFitSize(t *testing.T) {
	tests := []struct {
		w, h     int
		want     easel.Size
		wantNote bool
	}{
		{512, 768, easel.Size{Width: 512, Height: 768}, false},
		{4096, 2048, easel.Size{Width: 2048, Height: 1024}, true},
		{32, 64, easel.Size{Width: 64, Height: 128}, true},
		{0, 0, easel.Size{Width: easel.DefaultWidth, Height: easel.DefaultHeight}, true},
		{8192, 64, easel.Size{Width: 2048, Height: 64}, true},
	}
	for _, tt := range tests {
		got, note := FitSize(tt.w, tt.h)
		if got != tt.want || (note != "") != tt.wantNote || got.Validate() != nil {
			t.Errorf("FitSize(%d, %d) = %v, %q; want %v (note %v)", tt.w, tt.h, got, note, tt.want, tt.wantNote)
		}
	}
}

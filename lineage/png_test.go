package lineage

import (
	"bytes"
	"encoding/json"
	"image"
	"image/png"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/pipeline"
	"github.com/easel-art/easel/pngmeta"
)

// encoded returns a w×h picture encoded by image/png, with no metadata.
func encoded(t testing.TB, w, h int) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func inject(t testing.TB, texts ...pngmeta.Text) []byte {
	data, err := pngmeta.Inject(encoded(t, 80, 48), texts)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestFromPNG(t *testing.T) {
	easelJSON, _ := json.Marshal(pipeline.Metadata{
		Version: easel.Version, Idea: "a fox in autumn leaves", Prompt: "A fox among autumn leaves.", NegativePrompt: "blurry",
		Dialect: easel.DialectNatural, Writer: "builtin", Engine: "builtin", Model: "canvas", Seed: 9, Width: 80, Height: 48,
		Steps: 1, Sampler: "easel canvas", CFGScale: 1,
		Scene: &easel.Scene{Idea: "a fox in autumn leaves", Elements: []string{"fox", "autumn leaves"}},
	})
	tests := []struct {
		name  string
		texts []pngmeta.Text
		want  easel.Artwork
	}{
		{"easel", []pngmeta.Text{{Keyword: pngmeta.KeywordEasel, Value: string(easelJSON), Chunk: pngmeta.ChunkITXt}},
			easel.Artwork{Idea: "a fox in autumn leaves", Prompt: "A fox among autumn leaves.", NegativePrompt: "blurry", Engine: "builtin",
				Model: "canvas", Seed: 9, Width: 80, Height: 48, Steps: 1, Sampler: "easel canvas", CFGScale: 1, Dialect: easel.DialectNatural,
				Writer: "builtin"}},
		{"a1111", []pngmeta.Text{{Keyword: pngmeta.KeywordParameters, Value: "a (red barn:1.2), wheat field\nNegative prompt: people\n" +
			"Steps: 30, Sampler: Euler a, Schedule type: Automatic, CFG scale: 6.5, Seed: 77, Size: 512x768, Model: dreamshaper_8, Version: v1.10.1"}},
			easel.Artwork{Idea: "a red barn, wheat field", Prompt: "a (red barn:1.2), wheat field", NegativePrompt: "people", Engine: "a1111",
				Model: "dreamshaper_8", Seed: 77, Width: 512, Height: 768, Steps: 30, Sampler: "Euler a", CFGScale: 6.5}},
		{"a1111 without size", []pngmeta.Text{{Keyword: pngmeta.KeywordParameters, Value: "a lake\nSteps: 20, Sampler: Euler, Seed: 5"}},
			easel.Artwork{Idea: "a lake", Prompt: "a lake", Engine: "a1111", Seed: 5, Width: 80, Height: 48, Steps: 20, Sampler: "Euler"}},
		{"comfyui", []pngmeta.Text{{Keyword: pngmeta.KeywordComfyPrompt, Value: `{
			"4": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "sd_xl_base_1.0.safetensors"}},
			"6": {"class_type": "CLIPTextEncode", "inputs": {"text": "a koi pond", "clip": ["4", 1]}},
			"7": {"class_type": "CLIPTextEncode", "inputs": {"text": "", "clip": ["4", 1]}},
			"5": {"class_type": "EmptyLatentImage", "inputs": {"width": 1024, "height": 1024, "batch_size": 1}},
			"3": {"class_type": "KSampler", "inputs": {"seed": 42, "steps": 25, "cfg": 7.0, "sampler_name": "dpmpp_2m", "scheduler": "karras",
				"denoise": 1.0, "model": ["4", 0], "positive": ["6", 0], "negative": ["7", 0], "latent_image": ["5", 0]}}}`}},
			easel.Artwork{Idea: "a koi pond", Prompt: "a koi pond", Engine: "comfyui", Model: "sd_xl_base_1.0.safetensors", Seed: 42,
				Width: 1024, Height: 1024, Steps: 25, Sampler: "dpmpp_2m", CFGScale: 7}},
		{"invokeai", []pngmeta.Text{{Keyword: pngmeta.KeywordInvokeAIMetadata,
			Value: `{"positive_prompt": "a snowy cabin", "negative_prompt": "", "seed": 5, "steps": 30, "cfg_scale": 7.5, "width": 64, "height": 96, "model": {"name": "juggernaut"}}`}},
			easel.Artwork{Idea: "a snowy cabin", Prompt: "a snowy cabin", Model: "juggernaut", Seed: 5, Width: 64, Height: 96, Steps: 30, CFGScale: 7.5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pic, err := FromPNG(inject(t, tt.texts...))
			if err != nil {
				t.Fatal(err)
			}
			got := *pic.Art
			got.EngineInfo, got.Scene = "", nil
			if got != tt.want {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
			if tt.name == "easel" && (pic.Art.Scene == nil || pic.Art.Scene.Elements[0] != "fox" || pic.Foreign()) {
				t.Errorf("easel picture: scene %+v, foreign %v", pic.Art.Scene, pic.Foreign())
			}
		})
	}
}

func TestFromPNGRefuses(t *testing.T) {
	tests := map[string][]byte{
		"not a PNG":   []byte("GIF89a..."),
		"no metadata": encoded(t, 8, 8),
		"other text":  inject(t, pngmeta.Text{Keyword: "Software", Value: "GIMP"}),
		"no prompt":   inject(t, pngmeta.Text{Keyword: pngmeta.KeywordComfyWorkflow, Value: `{"nodes": []}`}),
		"bad easel":   inject(t, pngmeta.Text{Keyword: pngmeta.KeywordEasel, Value: `{"seed": "nine"}`}),
	}
	for name, data := range tests {
		_, err := FromPNG(data)
		if easel.ErrorCode(err) != easel.EINVALID {
			t.Errorf("%s: err = %v; want EINVALID", name, err)
		}
	}
}

func FuzzFromPNG(f *testing.F) {
	f.Add(inject(f, pngmeta.Text{Keyword: pngmeta.KeywordParameters, Value: "a (fox:1.1)\nSteps: 20, Sampler: Euler, Seed: 1, Size: 64x64"}))
	f.Add(inject(f, pngmeta.Text{Keyword: pngmeta.KeywordEasel, Value: `{"idea":"a fox","prompt":"A fox.","seed":3,"scene":{"elements":["fox"]}}`}))
	f.Add(inject(f, pngmeta.Text{Keyword: pngmeta.KeywordComfyPrompt, Value: `{"1":{"class_type":"KSampler","inputs":{"seed":1,"positive":["2",0]}},"2":{"class_type":"CLIPTextEncode","inputs":{"text":"x"}}}`}))
	f.Add(encoded(f, 4, 4))
	f.Fuzz(func(t *testing.T, data []byte) {
		pic, err := FromPNG(data)
		if err != nil {
			if easel.ErrorCode(err) != easel.EINVALID {
				t.Fatalf("error %v is not EINVALID", err)
			}
			return
		}
		if pic.Art.Prompt == "" || pic.Art.Idea == "" || pic.Art.ID != "" {
			t.Fatalf("picture without prompt or idea: %+v", pic.Art)
		}
	})
}

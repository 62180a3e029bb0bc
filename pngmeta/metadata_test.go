package pngmeta

import (
	"bytes"
	"encoding/json"
	"flag"
	"image/png"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/easel-art/easel"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// comfyMinimal is the minimal txt2img API graph of apis.md §5.5.
const comfyMinimal = `{
  "4": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "sd_xl_base_1.0.safetensors"}},
  "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "a beach sunset, golden hour", "clip": ["4", 1]}},
  "7": {"class_type": "CLIPTextEncode", "inputs": {"text": "blurry, lowres", "clip": ["4", 1]}},
  "5": {"class_type": "EmptyLatentImage", "inputs": {"width": 1024, "height": 1024, "batch_size": 1}},
  "3": {"class_type": "KSampler", "inputs": {"seed": 42, "steps": 25, "cfg": 7.0,
        "sampler_name": "euler", "scheduler": "normal", "denoise": 1.0,
        "model": ["4", 0], "positive": ["6", 0], "negative": ["7", 0], "latent_image": ["5", 0]}},
  "8": {"class_type": "VAEDecode", "inputs": {"samples": ["3", 0], "vae": ["4", 2]}},
  "9": {"class_type": "SaveImage", "inputs": {"filename_prefix": "studio", "images": ["8", 0]}}
}`

// comfyWorkflowUI is a UI graph as the `workflow` chunk holds it.
const comfyWorkflowUI = `{"last_node_id":9,"last_link_id":9,"nodes":[{"id":3,"type":"KSampler","pos":[863,186],"size":[315,262],` +
	`"inputs":[{"name":"model","type":"MODEL","link":1}],"outputs":[{"name":"LATENT","type":"LATENT","links":[7],"slot_index":0}],` +
	`"widgets_values":[42,"fixed",25,7,"euler","normal",1]}],"links":[[1,4,0,3,0,"MODEL"]],"groups":[],"config":{},"extra":{},"version":0.4}`

// comfyAdvanced exercises the graph walk: KSamplerAdvanced with a linked
// seed, a LoRA between sampler and checkpoint, combined conditioning, text
// from a string node, numeric link ids, an SD3 latent and a second
// (hires) sampler that must not win.
const comfyAdvanced = `{
  "4": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "juggernautXL_v9.safetensors"}},
  "11": {"class_type": "LoraLoader", "inputs": {"lora_name": "add_detail.safetensors", "strength_model": 0.8, "strength_clip": 0.8, "model": ["4", 0], "clip": ["4", 1]}},
  "13": {"class_type": "String Literal", "inputs": {"string": "a red fox in the snow, 日本画"}},
  "6": {"class_type": "CLIPTextEncode", "inputs": {"text": ["13", 0], "clip": ["11", 1]}},
  "12": {"class_type": "CLIPTextEncode", "inputs": {"text": "", "clip": ["11", 1]}},
  "14": {"class_type": "ConditioningCombine", "inputs": {"conditioning_1": [6, 0], "conditioning_2": ["12", 0]}},
  "7": {"class_type": "CLIPTextEncodeSDXL", "inputs": {"text_g": "watermark, text", "text_l": "watermark", "width": 4096, "clip": ["11", 1]}},
  "10": {"class_type": "Seed (rgthree)", "inputs": {"seed": 123456789012}},
  "5": {"class_type": "EmptySD3LatentImage", "inputs": {"width": 832, "height": 1216, "batch_size": 1}},
  "3": {"class_type": "KSamplerAdvanced", "inputs": {"add_noise": "enable", "noise_seed": ["10", 0], "steps": 30, "cfg": 4.5,
        "sampler_name": "dpmpp_2m", "scheduler": "karras", "start_at_step": 0, "end_at_step": 10000, "return_with_leftover_noise": "disable",
        "model": ["11", 0], "positive": ["14", 0], "negative": ["7", 0], "latent_image": ["5", 0]}},
  "15": {"class_type": "LatentUpscaleBy", "inputs": {"upscale_method": "nearest-exact", "scale_by": 1.5, "samples": ["3", 0]}},
  "20": {"class_type": "KSampler", "inputs": {"seed": 7, "steps": 12, "cfg": 4.5, "sampler_name": "euler", "scheduler": "normal", "denoise": 0.4,
        "model": ["11", 0], "positive": ["14", 0], "negative": ["7", 0], "latent_image": ["15", 0]}}
}`

// comfyCycle links nodes in circles; Read must still end.
const comfyCycle = `{
  "1": {"class_type": "CLIPTextEncode", "inputs": {"text": ["2", 0]}},
  "2": {"class_type": "ConditioningCombine", "inputs": {"conditioning_1": ["1", 0], "conditioning_2": ["2", 0]}},
  "3": {"class_type": "KSampler", "inputs": {"seed": ["3", 0], "steps": 20, "positive": ["1", 0], "negative": ["2", 0],
        "latent_image": ["3", 0], "model": ["3", 0]}}
}`

// invokeMetadata is invokeai_metadata as InvokeAI 5 writes it.
const invokeMetadata = `{"generation_mode":"sdxl_txt2img","positive_prompt":"a lighthouse on a cliff, stormy sea, \"dramatic\" light",` +
	`"negative_prompt":"blurry\nlowres","width":1216,"height":832,"seed":3141592653,"rand_device":"cpu","cfg_scale":6.5,` +
	`"cfg_rescale_multiplier":0,"steps":28,"scheduler":"dpmpp_2m_k","model":{"key":"0b7c5a3e-1f2d","hash":"blake3:9f1e","name":"Juggernaut XL v9",` +
	`"base":"sdxl","type":"main"},"positive_style_prompt":"","negative_style_prompt":"","app_version":"5.6.0"}`

// invokeMetadataV3 is an older shape: model_name inside model.
const invokeMetadataV3 = `{"generation_mode":"txt2img","positive_prompt":"a cat","negative_prompt":"","width":512,"height":512,` +
	`"seed":1,"steps":20,"cfg_scale":7.5,"scheduler":"euler","model":{"model_name":"stable-diffusion-v1-5","base_model":"sd-1"}}`

// testArtwork is what the pipeline records for one picture.
func testArtwork() *easel.Artwork {
	return &easel.Artwork{
		Idea: "a beach sunset", Prompt: "a beach sunset, golden hour, warm light", NegativePrompt: "blurry, lowres",
		Engine: "builtin", Model: "canvas-1", Seed: 1234567890, Width: 1024, Height: 768, Steps: 20, CFGScale: 7.5,
		Sampler: "Euler a", Method: easel.MethodImagine,
	}
}

func mustJSON(tb testing.TB, v any) []byte {
	tb.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

func mustInject(tb testing.TB, p []byte, texts ...Text) []byte {
	tb.Helper()
	out, err := Inject(p, texts)
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// fixtures are PNGs in each tool's format, built from the documented
// shapes, by name.
func fixtures(tb testing.TB) map[string][]byte {
	tb.Helper()
	base := testPNG(tb, 8, 8)
	a := testArtwork()
	easelPNG, err := Write(base, a.Prompt, a.NegativePrompt, ParamsFor(a), mustJSON(tb, a))
	if err != nil {
		tb.Fatal(err)
	}
	a1111 := mustInject(tb, base,
		Text{Keyword: "parameters", Value: "masterpiece, a fox <lora:add_detail:0.7>\nNegative prompt: (worst quality:1.4),\nlowres\n" +
			`Steps: 24, Sampler: DPM++ 2M, Schedule type: Karras, CFG scale: 6.5, Seed: 2871640539, Size: 512x768, Model hash: 6ce0161689, ` +
			`Model: v1-5-pruned-emaonly, Lora hashes: "add_detail: 7c6bad76eb54, film: 1a2b", Version: v1.10.1`})
	return map[string][]byte{
		"easel":                 easelPNG,
		"a1111":                 a1111,
		"comfyui":               mustInject(tb, base, Text{Keyword: "prompt", Value: comfyMinimal}, Text{Keyword: "workflow", Value: comfyWorkflowUI}),
		"comfyui-advanced":      mustInject(tb, base, Text{Keyword: "prompt", Value: comfyAdvanced}),
		"comfyui-cycle":         mustInject(tb, base, Text{Keyword: "prompt", Value: comfyCycle}),
		"comfyui-workflow-only": mustInject(tb, base, Text{Keyword: "workflow", Value: comfyWorkflowUI}),
		"invokeai": mustInject(tb, base,
			Text{Keyword: "invokeai_metadata", Value: invokeMetadata},
			Text{Keyword: "invokeai_graph", Value: `{"id":"g","nodes":{},"edges":[]}`}),
		"invokeai-v3": mustInject(tb, base, Text{Keyword: "invokeai_metadata", Value: invokeMetadataV3}),
		"unknown":     mustInject(tb, base, Text{Keyword: "Software", Value: "GIMP 2.10"}),
		"none":        base,
	}
}

func TestReadFixtures(t *testing.T) {
	a := testArtwork()
	tests := []struct {
		name string
		want Metadata // common fields only
	}{
		{"easel", Metadata{Source: SourceEasel, Prompt: a.Prompt, NegativePrompt: a.NegativePrompt, Seed: a.Seed,
			Steps: 20, CFGScale: 7.5, Sampler: "Euler a", Width: 1024, Height: 768, Model: "canvas-1"}},
		{"a1111", Metadata{Source: SourceA1111, Prompt: "masterpiece, a fox <lora:add_detail:0.7>", NegativePrompt: "(worst quality:1.4),\nlowres",
			Seed: 2871640539, Steps: 24, CFGScale: 6.5, Sampler: "DPM++ 2M", Scheduler: "Karras", Width: 512, Height: 768, Model: "v1-5-pruned-emaonly"}},
		{"comfyui", Metadata{Source: SourceComfyUI, Prompt: "a beach sunset, golden hour", NegativePrompt: "blurry, lowres",
			Seed: 42, Steps: 25, CFGScale: 7, Sampler: "euler", Scheduler: "normal", Width: 1024, Height: 1024, Model: "sd_xl_base_1.0.safetensors"}},
		{"comfyui-advanced", Metadata{Source: SourceComfyUI, Prompt: "a red fox in the snow, 日本画", NegativePrompt: "watermark, text",
			Seed: 123456789012, Steps: 30, CFGScale: 4.5, Sampler: "dpmpp_2m", Scheduler: "karras", Width: 832, Height: 1216, Model: "juggernautXL_v9.safetensors"}},
		{"comfyui-cycle", Metadata{Source: SourceComfyUI, Steps: 20}},
		{"comfyui-workflow-only", Metadata{Source: SourceComfyUI}},
		{"invokeai", Metadata{Source: SourceInvokeAI, Prompt: `a lighthouse on a cliff, stormy sea, "dramatic" light`, NegativePrompt: "blurry\nlowres",
			Seed: 3141592653, Steps: 28, CFGScale: 6.5, Scheduler: "dpmpp_2m_k", Width: 1216, Height: 832, Model: "Juggernaut XL v9"}},
		{"invokeai-v3", Metadata{Source: SourceInvokeAI, Prompt: "a cat", Seed: 1, Steps: 20, CFGScale: 7.5, Scheduler: "euler",
			Width: 512, Height: 512, Model: "stable-diffusion-v1-5"}},
		{"unknown", Metadata{Source: SourceUnknown}},
		{"none", Metadata{Source: SourceUnknown}},
	}
	fx := fixtures(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Read(fx[tt.name])
			if err != nil {
				t.Fatal(err)
			}
			got := *m
			got.Params, got.Texts, got.Easel, got.ComfyPrompt, got.ComfyWorkflow, got.InvokeAI = nil, nil, nil, nil, nil, nil
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got\n%+v\nwant\n%+v", got, tt.want)
			}
			golden(t, filepath.Join("testdata", "read", tt.name+".json"), m)
		})
	}
}

// golden compares v, as indented JSON, with the file at path.
func golden(t *testing.T, path string, v any) {
	t.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (run go test -update if the change is right)\ngot:\n%s", path, got)
	}
}

func TestWriteRead(t *testing.T) {
	base := testPNG(t, 8, 8)
	tests := []struct {
		name, prompt, negative string
		paramsChunk            string // chunk type of `parameters`
	}{
		{"ascii", "a beach sunset, golden hour", "blurry", ChunkTEXt},
		{"latin-1", "café crème at dawn, naïve style: ½ moon", "laid-back, ÿ", ChunkTEXt},
		{"non-latin-1", "富士山の夕日, 🌅 warm light", "ぼやけた", ChunkITXt},
		{"commas colons quotes", `a fox: "the red one", with (snow:1.2), [oak|pine]; 'single' \ back`, `"ugly", bad: hands`, ChunkTEXt},
		{"newlines", "line one\nline two, with comma\nline three: colon", "bad\nworse, really\nworst: ever", ChunkTEXt},
		{"no negative", "a quiet lake", "", ChunkTEXt},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := testArtwork()
			a.Prompt, a.NegativePrompt = tt.prompt, tt.negative
			out, err := Write(base, a.Prompt, a.NegativePrompt, ParamsFor(a), mustJSON(t, a))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := png.Decode(bytes.NewReader(out)); err != nil {
				t.Fatalf("image/png cannot decode the output: %v", err)
			}
			m, err := Read(out)
			if err != nil {
				t.Fatal(err)
			}
			if m.Source != SourceEasel || m.Prompt != tt.prompt || m.NegativePrompt != tt.negative || m.Seed != a.Seed {
				t.Errorf("got %s %q %q %d; want easel %q %q %d", m.Source, m.Prompt, m.NegativePrompt, m.Seed, tt.prompt, tt.negative, a.Seed)
			}
			var back easel.Artwork
			if err := json.Unmarshal(m.Easel, &back); err != nil || !reflect.DeepEqual(&back, a) {
				t.Errorf("easel chunk gives %+v, %v; want %+v", back, err, a)
			}
			var kinds []string
			for _, tx := range m.Texts {
				kinds = append(kinds, tx.Keyword+":"+tx.Chunk)
			}
			if want := []string{"parameters:" + tt.paramsChunk, "easel:iTXt"}; !slices.Equal(kinds, want) {
				t.Errorf("chunks %v; want %v", kinds, want)
			}
			// The same infotext read as A1111 would.
			infotext := m.Texts[0].Value
			prompt, negative, params, ok := ParseInfotext(infotext)
			if !ok || prompt != tt.prompt || negative != tt.negative {
				t.Errorf("infotext %q parses to %q, %q, ok %v", infotext, prompt, negative, ok)
			}
			if !reflect.DeepEqual(params, m.Params) {
				t.Errorf("Params %q; want %q", m.Params, params)
			}

			// Without the easel chunk, Read falls back to the infotext.
			out, err = Write(base, a.Prompt, a.NegativePrompt, ParamsFor(a), nil)
			if err != nil {
				t.Fatal(err)
			}
			if m, err = Read(out); err != nil {
				t.Fatal(err)
			}
			want := Metadata{Source: SourceA1111, Prompt: tt.prompt, NegativePrompt: tt.negative, Seed: a.Seed, Steps: a.Steps,
				CFGScale: a.CFGScale, Sampler: a.Sampler, Width: a.Width, Height: a.Height, Model: a.Model}
			got := *m
			got.Params, got.Texts = nil, nil
			if !reflect.DeepEqual(got, want) {
				t.Errorf("from infotext: got\n%+v\nwant\n%+v", got, want)
			}
		})
	}
}

func TestWriteReplaces(t *testing.T) {
	a := testArtwork()
	once, err := Write(testPNG(t, 8, 8), "first", "", ParamsFor(a), []byte(`{"prompt":"first"}`))
	if err != nil {
		t.Fatal(err)
	}
	twice, err := Write(once, "second", "", ParamsFor(a), []byte(`{"prompt":"second"}`))
	if err != nil {
		t.Fatal(err)
	}
	m, err := Read(twice)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Texts) != 2 || m.Prompt != "second" || !strings.HasPrefix(m.Texts[0].Value, "second\n") {
		t.Errorf("got %q, prompt %q; want one parameters and one easel chunk, both second", m.Texts, m.Prompt)
	}
}

func TestWriteBadJSON(t *testing.T) {
	if _, err := Write(testPNG(t, 8, 8), "x", "", nil, []byte(`{"prompt":`)); err == nil {
		t.Error("Write accepted invalid easel JSON")
	}
}

func TestReadPriority(t *testing.T) {
	base := testPNG(t, 8, 8)
	easelText := Text{Keyword: "easel", Value: `{"prompt":"from easel","seed":1}`, Chunk: ChunkITXt}
	params := Text{Keyword: "parameters", Value: "from a1111\nSteps: 1, Seed: 2, Size: 8x8"}
	comfy := Text{Keyword: "prompt", Value: comfyMinimal}
	invoke := Text{Keyword: "invokeai_metadata", Value: invokeMetadata}
	tests := []struct {
		name   string
		texts  []Text
		source string
		prompt string
	}{
		{"easel first", []Text{invoke, comfy, params, easelText}, SourceEasel, "from easel"},
		{"then parameters", []Text{invoke, comfy, params}, SourceA1111, "from a1111"},
		{"then comfyui", []Text{invoke, comfy}, SourceComfyUI, "a beach sunset, golden hour"},
		{"invalid easel JSON is skipped", []Text{{Keyword: "easel", Value: `{"prompt":`}, params}, SourceA1111, "from a1111"},
		{"easel JSON that is no object is skipped", []Text{{Keyword: "easel", Value: `["x"]`}, params}, SourceA1111, "from a1111"},
		{"comfy graph without sampler, then invokeai", []Text{{Keyword: "prompt", Value: `{"1":{"class_type":"SaveImage","inputs":{}}}`}, invoke},
			SourceInvokeAI, `a lighthouse on a cliff, stormy sea, "dramatic" light`},
		{"comfy prompt that is not JSON", []Text{{Keyword: "prompt", Value: "a fox"}}, SourceUnknown, ""},
		{"fooocus-style JSON parameters read as a prompt", []Text{{Keyword: "parameters", Value: `{"prompt": "x"}`}}, SourceA1111, `{"prompt": "x"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Read(mustInject(t, base, tt.texts...))
			if err != nil {
				t.Fatal(err)
			}
			if m.Source != tt.source || m.Prompt != tt.prompt {
				t.Errorf("got %s %q; want %s %q", m.Source, m.Prompt, tt.source, tt.prompt)
			}
			if _, err := json.Marshal(m); err != nil {
				t.Errorf("Metadata does not marshal: %v", err)
			}
		})
	}
}

func TestReadLenientNumbers(t *testing.T) {
	base := testPNG(t, 8, 8)
	tests := []struct {
		name string
		json string
		want Metadata
	}{
		{"float seed", `{"seed": 42.0, "steps": 20.0, "width": 512}`, Metadata{Seed: 42, Steps: 20, Width: 512}},
		{"huge numbers are dropped", `{"seed": 1e300, "steps": 99999999999, "width": -5, "cfg_scale": 1e999}`, Metadata{}},
		{"strings are not numbers", `{"seed": "42", "steps": "x", "model": 7}`, Metadata{}},
		{"negative seed", `{"seed": -1}`, Metadata{Seed: -1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Read(mustInject(t, base, Text{Keyword: "easel", Value: tt.json}))
			if err != nil {
				t.Fatal(err)
			}
			got := *m
			got.Source, got.Texts, got.Easel = "", nil, nil
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v; want %+v", got, tt.want)
			}
		})
	}
}

func TestReadErrors(t *testing.T) {
	for _, b := range [][]byte{nil, []byte("not a png"), testPNG(t, 4, 4)[:40]} {
		m, err := Read(b)
		if err == nil {
			t.Fatalf("Read(%q) = %+v; want an error", b, m)
		}
		wantCode(t, err, easel.EINVALID)
	}
}

func TestParamsFor(t *testing.T) {
	a := testArtwork()
	got := FormatInfotext("p", "", ParamsFor(a))
	want := "p\nSteps: 20, Sampler: Euler a, CFG scale: 7.5, Seed: 1234567890, Size: 1024x768, Model: canvas-1, Version: easel " + easel.Version
	if got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
	// The built-in canvas has no steps, sampler or CFG: still 3+ params.
	bare := &easel.Artwork{Seed: 7, Width: 64, Height: 64}
	s := FormatInfotext("p", "", ParamsFor(bare))
	if _, _, _, ok := ParseInfotext(s); !ok || s != "p\nSeed: 7, Size: 64x64, Version: easel "+easel.Version {
		t.Errorf("bare artwork gives %q (params line ok: %v)", s, ok)
	}
}

package describe

import (
	"bytes"
	"image"
	"image/png"
	"strings"
	"testing"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/llm"
	"github.com/easel-art/easel/llm/anthropic"
	"github.com/easel-art/easel/llm/llmtest"
	"github.com/easel-art/easel/llm/ollama"
	"github.com/easel-art/easel/llm/openai"
)

// bigPNG is a 1800×1200 picture: larger than any model reads.
func bigPNG(t *testing.T) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 1800, 1200))
	for i := 0; i < len(img.Pix); i += 4 {
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = uint8(i/4%1800/8), 60, uint8(i/4/1800/5), 255
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}

// TestVisionProviders describes a picture through each provider's fake:
// the picture arrives downscaled to what the model reads, in the API's
// own format (the fakes reject malformed image input), and the prompts
// come back; a model that answers fewer than asked is an error.
func TestVisionProviders(t *testing.T) {
	data := bigPNG(t)
	reply := `{"prompts": ["A white lighthouse on dark rocks at dusk, its beam sweeping a violet sky.", "Twilight over a rocky coast, a lone lighthouse glowing, painted in deep blues.", "Wide shot of a coastal lighthouse at the blue hour, calm sea, soft pink horizon."]}`
	type fake interface {
		Push(...llmtest.Reply)
		LastCall() llmtest.Call
	}
	for _, c := range []struct {
		name  string
		start func(t *testing.T) (llm.Client, fake)
	}{
		{"openai", func(t *testing.T) (llm.Client, fake) {
			f := llmtest.NewOpenAI(t, llmtest.TestKey)
			c, _ := openai.New(openai.Config{APIKey: llmtest.TestKey, BaseURL: f.BaseURL(), Model: llmtest.TestModel, Timeout: 5 * time.Second})
			return c, f
		}},
		{"anthropic", func(t *testing.T) (llm.Client, fake) {
			f := llmtest.NewAnthropic(t, llmtest.TestKey)
			c, _ := anthropic.New(anthropic.Config{APIKey: llmtest.TestKey, BaseURL: f.BaseURL(), Model: llmtest.TestModel, Timeout: 5 * time.Second})
			return c, f
		}},
		{"ollama", func(t *testing.T) (llm.Client, fake) {
			f := llmtest.NewOllama(t)
			c, _ := ollama.New(ollama.Config{Host: f.BaseURL(), Model: llmtest.TestModel, Timeout: 5 * time.Second})
			return c, f
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			client, f := c.start(t)
			f.Push(llmtest.Reply{Text: reply})
			ps, err := Vision(t.Context(), client, data, 3)
			if err != nil {
				t.Fatal(err)
			}
			if len(ps) != 3 || !strings.Contains(ps[0].Text, "lighthouse") || !strings.HasPrefix(ps[0].Writer, "vision:"+c.name) {
				t.Errorf("prompts %+v", ps)
			}
			imgs := f.LastCall().Messages[0].Images
			if len(imgs) != 1 || imgs[0].MediaType != "image/jpeg" {
				t.Fatalf("sent %d images", len(imgs))
			}
			cfg, _, err := image.DecodeConfig(bytes.NewReader(imgs[0].Data))
			if err != nil || max(cfg.Width, cfg.Height) != VisionLongSide[c.name] || cfg.Width*2-cfg.Height*3 > 3 || cfg.Height*3-cfg.Width*2 > 3 {
				t.Errorf("sent a %dx%d picture (%v); want the long side %d and the aspect kept", cfg.Width, cfg.Height, err, VisionLongSide[c.name])
			}
			f.Push(llmtest.Reply{Text: `{"prompts": ["only one prompt"]}`})
			if _, err := Vision(t.Context(), client, data, 3); err == nil || !strings.Contains(err.Error(), "returned 1 prompts for the 3 asked") {
				t.Errorf("fewer prompts: %v", err)
			}
			f.Push(llmtest.Reply{Text: "I can't help with that picture."})
			if _, err := Vision(t.Context(), client, data, 2); err == nil || easel.ErrorCode(err) != easel.EPERMANENT {
				t.Errorf("refusal: %v", err)
			}
		})
	}
}

func FuzzParsePrompts(f *testing.F) {
	for _, s := range []string{`{"prompts": ["a", "b"]}`, "```json\n{\"prompts\": [\"x\"]}\n```", "I cannot help.", `{"prompts": [1, 2]}`, `{}`, ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ps, err := parsePrompts(s)
		if err != nil && easel.ErrorCode(err) != easel.EPERMANENT {
			t.Fatalf("error %v is not EPERMANENT", err)
		}
		seen := map[string]bool{}
		for _, p := range ps {
			if strings.TrimSpace(p) == "" || seen[strings.ToLower(p)] {
				t.Fatalf("empty or repeated prompt %q in %v", p, ps)
			}
			seen[strings.ToLower(p)] = true
		}
	})
}

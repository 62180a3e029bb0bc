package describe

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/jpeg"
	"strings"

	"golang.org/x/image/draw"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/imageio"
	"github.com/easel-art/easel/llm"
)

// WriterVision names prompts a vision model wrote, with its spec after it.
const WriterVision = "vision"

// VisionLongSide is the long side a picture is downscaled to before a
// provider's vision model sees it: what each reads at most (Anthropic
// resizes anything over 1568 px; OpenAI's high detail works on a 2048 px
// square, then 768 px on the short side; Ollama's models take a few
// hundred pixels), which bounds the tokens and the cost.
var VisionLongSide = map[string]int{"anthropic": 1568, "openai": 1536, "ollama": 1024}

// visionSystem is what the model is asked to do.
const visionSystem = `You write prompts for AI image generators. You are shown a picture. Write %d different prompts, each of which could make a picture like it with a text-to-image model: name the subject and what it does, the setting, the light and time of day, the colours, the composition and camera, the medium or style, and the mood. Each prompt is one paragraph of 40 to 90 words, in plain English, with no preamble, numbering or quotes. Make them differ: one close to the picture, others in other words, with other emphasis. Answer only with JSON: {"prompts": ["...", "..."]}.`

// visionSchema is the structured reply.
func visionSchema() map[string]any {
	return map[string]any{
		"type":                 "object",
		"properties":           map[string]any{"prompts": map[string]any{"type": "array", "items": map[string]any{"type": "string"}}},
		"required":             []any{"prompts"},
		"additionalProperties": false,
	}
}

// Vision asks a vision model for n prompts that could make the picture
// in data. The picture is downscaled to what the model reads and sent as
// JPEG. It returns an EPERMANENT error when the model refuses or answers
// fewer prompts than asked, or prompts that are empty or all the same.
func Vision(ctx context.Context, c llm.Client, data []byte, n int) ([]*easel.Prompt, error) {
	if n < 1 || n > MaxPrompts {
		return nil, easel.Errorf(easel.EINVALID, "cannot write %d prompts: ask for 1 to %d", n, MaxPrompts)
	}
	img, _, err := imageio.Decode(data)
	if err != nil {
		return nil, err
	}
	long := VisionLongSide[c.Name()]
	if long == 0 {
		long = 1024
	}
	small, err := VisionImage(img, long)
	if err != nil {
		return nil, err
	}
	resp, err := c.Chat(ctx, llm.Request{
		System:     fmt.Sprintf(visionSystem, n),
		Messages:   []llm.Message{{Role: llm.RoleUser, Content: fmt.Sprintf("Write %d prompts for this picture.", n), Images: []llm.Image{small}}},
		Schema:     visionSchema(),
		SchemaName: "prompts",
		MaxTokens:  200 * (n + 1),
	})
	if err != nil {
		return nil, err
	}
	texts, err := parsePrompts(resp.Text)
	if err != nil {
		return nil, err
	}
	if len(texts) < n {
		return nil, easel.Errorf(easel.EPERMANENT, "the vision model returned %d prompts for the %d asked: try again, or ask for fewer with -n", len(texts), n)
	}
	writer := WriterVision + ":" + llm.Writer(c, resp.Model)
	out := make([]*easel.Prompt, 0, n)
	for i, t := range texts[:n] {
		out = append(out, &easel.Prompt{Idea: firstWords(t, 20), Text: t, Variation: i, Writer: writer,
			Negative: []string{"blurry", "low quality", "watermark", "text"}})
	}
	return out, nil
}

// parsePrompts reads the model's JSON reply (tolerating a fence or text
// around it) and keeps the non-empty, distinct prompts.
func parsePrompts(reply string) ([]string, error) {
	s := strings.TrimSpace(reply)
	if i, j := strings.Index(s, "{"), strings.LastIndex(s, "}"); i >= 0 && j > i {
		s = s[i : j+1]
	}
	var r struct {
		Prompts []string `json:"prompts"`
	}
	if err := json.Unmarshal([]byte(s), &r); err != nil {
		if strings.TrimSpace(reply) == "" {
			return nil, easel.Errorf(easel.EPERMANENT, "the vision model answered nothing: it may have refused the picture")
		}
		return nil, easel.Errorf(easel.EPERMANENT, "the vision model did not answer with prompts (%.80q): it may have refused the picture", reply)
	}
	var out []string
	seen := map[string]bool{}
	for _, p := range r.Prompts {
		p = strings.Join(strings.Fields(p), " ")
		if p == "" || seen[strings.ToLower(p)] {
			continue
		}
		seen[strings.ToLower(p)] = true
		out = append(out, p)
	}
	return out, nil
}

// VisionImage downscales img so its long side is at most long and
// encodes it as JPEG (quality 88), the smallest format every provider
// takes.
func VisionImage(img image.Image, long int) (llm.Image, error) {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if m := max(w, h); m > long {
		w, h = max(1, w*long/m), max(1, h*long/m)
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	// White under any transparency: JPEG has no alpha.
	for i := 0; i < len(dst.Pix); i += 4 {
		dst.Pix[i], dst.Pix[i+1], dst.Pix[i+2], dst.Pix[i+3] = 255, 255, 255, 255
	}
	draw.BiLinear.Scale(dst, dst.Bounds(), img, b, draw.Over, nil)
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, dst, &jpeg.Options{Quality: 88}); err != nil {
		return llm.Image{}, fmt.Errorf("describe: encode picture: %w", err)
	}
	return llm.Image{MediaType: "image/jpeg", Data: buf.Bytes()}, nil
}

func firstWords(s string, n int) string {
	w := strings.Fields(s)
	if len(w) > n {
		w = w[:n]
	}
	return strings.TrimRight(strings.Join(w, " "), ".,;:")
}

package llmtest

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/easel-art/easel/llm"
)

// The picture limits the fakes enforce, as the services document them:
// Anthropic refuses an image over 5 MB (counted on its base64 data),
// OpenAI one over 20 MB. Ollama has no documented limit.
const (
	AnthropicMaxImage = 5 << 20
	OpenAIMaxImage    = 20 << 20
)

// sniff is the media type the picture's bytes are, by their magic numbers.
func sniff(b []byte) string {
	ct := http.DetectContentType(b)
	if slices.Contains(llm.VisionMediaTypes, ct) {
		return ct
	}
	return ""
}

// openAIImagePart checks one image_url content part of Chat Completions
// as the API does: a url that is a data: URL of a png, jpeg, gif or webp
// picture in base64 (remote http(s) URLs are fetched by the service: the
// fakes take none), of at most OpenAIMaxImage bytes.
func openAIImagePart(part map[string]any, at string) (llm.Image, string) {
	iu, ok := part["image_url"].(map[string]any)
	if !ok {
		return llm.Image{}, fmt.Sprintf("Missing required parameter: '%s.image_url'.", at)
	}
	url, ok := iu["url"].(string)
	if !ok || url == "" {
		return llm.Image{}, fmt.Sprintf("Missing required parameter: '%s.image_url.url'.", at)
	}
	if d, ok := iu["detail"]; ok {
		if s, _ := d.(string); !slices.Contains([]string{"auto", "low", "high", "original"}, s) {
			return llm.Image{}, fmt.Sprintf("Invalid value: '%v'. Supported values are: 'auto', 'low', 'high' and 'original'.", d)
		}
	}
	head, data, ok := strings.Cut(url, ",")
	if !ok || !strings.HasPrefix(head, "data:") || !strings.HasSuffix(head, ";base64") {
		return llm.Image{}, "Invalid image URL: the fake takes data: URLs with base64 data only."
	}
	mt := strings.TrimSuffix(strings.TrimPrefix(head, "data:"), ";base64")
	if !slices.Contains(llm.VisionMediaTypes, mt) {
		return llm.Image{}, "Invalid MIME type. Only image types are supported."
	}
	b, err := base64.StdEncoding.DecodeString(data)
	if err != nil || len(b) == 0 {
		return llm.Image{}, "Invalid base64 image_url."
	}
	if len(b) > OpenAIMaxImage {
		return llm.Image{}, fmt.Sprintf("Image too large: %d bytes is over the %d-byte limit.", len(b), OpenAIMaxImage)
	}
	if sniff(b) != mt {
		return llm.Image{}, "You uploaded an unsupported image. Please make sure your image has of one the following formats: ['png', 'jpeg', 'gif', 'webp']."
	}
	return llm.Image{MediaType: mt, Data: b}, ""
}

// anthropicImageBlock checks one image block of the Messages API: a
// base64 source with a supported media_type and data of at most
// AnthropicMaxImage bytes that is the picture the media_type names.
func anthropicImageBlock(bm map[string]any, at string) (llm.Image, string) {
	src, ok := bm["source"].(map[string]any)
	if !ok {
		return llm.Image{}, at + ".source: Field required"
	}
	if src["type"] != "base64" {
		return llm.Image{}, fmt.Sprintf("%s.source: Input tag '%v' found using 'type' does not match any of the expected tags: 'base64', 'url', 'file'", at, src["type"])
	}
	mt, _ := src["media_type"].(string)
	if !slices.Contains([]string{"image/jpeg", "image/png", "image/gif", "image/webp"}, mt) {
		return llm.Image{}, at + ".source.base64.media_type: Input should be 'image/jpeg', 'image/png', 'image/gif' or 'image/webp'"
	}
	data, ok := src["data"].(string)
	if !ok || data == "" {
		return llm.Image{}, at + ".source.base64.data: Field required"
	}
	if len(data) > AnthropicMaxImage {
		return llm.Image{}, fmt.Sprintf("%s.source.base64: image exceeds 5 MB maximum: %d bytes > %d bytes", at, len(data), AnthropicMaxImage)
	}
	b, err := base64.StdEncoding.DecodeString(data)
	if err != nil {
		return llm.Image{}, at + ".source.base64.data: invalid base64 data"
	}
	if got := sniff(b); got != mt {
		if got == "" {
			return llm.Image{}, at + ".source.base64.data: Could not process image"
		}
		return llm.Image{}, fmt.Sprintf("%s.source.base64.data: The image was specified using the %s media type, but the image appears to be a %s image", at, mt, got)
	}
	return llm.Image{MediaType: mt, Data: b}, ""
}

// ollamaImages checks a message's images field: base64 strings (no data:
// prefix) of pictures.
func ollamaImages(v any) ([]llm.Image, string) {
	list, ok := v.([]any)
	if !ok {
		return nil, "json: cannot unmarshal images into Go struct field Message.messages.images of type []api.ImageData"
	}
	var out []llm.Image
	for _, x := range list {
		s, _ := x.(string)
		b, err := base64.StdEncoding.DecodeString(s)
		if err != nil {
			return nil, err.Error() // "illegal base64 data at input byte N", as Ollama answers
		}
		mt := sniff(b)
		if mt == "" {
			return nil, "unsupported image format"
		}
		out = append(out, llm.Image{MediaType: mt, Data: b})
	}
	return out, ""
}

// openAIParts reads a user message's content parts: text parts joined,
// image_url parts checked.
func openAIParts(parts []any, i int) (string, []llm.Image, string) {
	var text string
	var images []llm.Image
	for k, p := range parts {
		pm, _ := p.(map[string]any)
		at := fmt.Sprintf("messages[%d].content[%d]", i, k)
		switch pm["type"] {
		case "text":
			t, ok := pm["text"].(string)
			if !ok {
				return "", nil, fmt.Sprintf("Missing required parameter: '%s.text'.", at)
			}
			text += t
		case "image_url":
			img, msg := openAIImagePart(pm, at)
			if msg != "" {
				return "", nil, msg
			}
			images = append(images, img)
		default:
			return "", nil, fmt.Sprintf("Invalid value: '%v'. Supported values are: 'text', 'image_url', 'input_audio', 'refusal', and 'file'.", pm["type"])
		}
	}
	return text, images, ""
}

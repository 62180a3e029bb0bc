package llm

import "encoding/base64"

// Image is a picture sent to a vision model with a user Message. Each
// client sends it in its API's own format: OpenAI image_url content parts
// (a data: URL), Anthropic image blocks (base64 source), Ollama's images
// array. Callers downscale it first to what the model reads (see
// describe's vision code), which bounds tokens and cost.
type Image struct {
	// MediaType is image/png, image/jpeg, image/webp or image/gif.
	MediaType string
	// Data is the encoded picture.
	Data []byte
}

// Base64 is the picture in standard base64.
func (i Image) Base64() string { return base64.StdEncoding.EncodeToString(i.Data) }

// DataURL is the picture as a data: URL.
func (i Image) DataURL() string { return "data:" + i.MediaType + ";base64," + i.Base64() }

// VisionMediaTypes are the media types every provider accepts.
var VisionMediaTypes = []string{"image/png", "image/jpeg", "image/webp", "image/gif"}

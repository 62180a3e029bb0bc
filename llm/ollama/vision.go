package ollama

import "github.com/easel-art/easel/llm"

// wireImages is a message's pictures as Ollama's images field: base64
// strings, without a data: prefix.
func wireImages(m llm.Message) []string {
	if len(m.Images) == 0 {
		return nil
	}
	out := make([]string, len(m.Images))
	for i, img := range m.Images {
		out[i] = img.Base64()
	}
	return out
}

package anthropic

import "github.com/easel-art/easel/llm"

// wireContent is a message's content: a string, or for a turn with
// pictures the image blocks (base64 sources) followed by the text block,
// the order Anthropic recommends.
func wireContent(m llm.Message) any {
	if len(m.Images) == 0 {
		return m.Content
	}
	blocks := make([]map[string]any, 0, len(m.Images)+1)
	for _, img := range m.Images {
		blocks = append(blocks, map[string]any{
			"type":   "image",
			"source": map[string]any{"type": "base64", "media_type": img.MediaType, "data": img.Base64()},
		})
	}
	return append(blocks, map[string]any{"type": "text", "text": m.Content})
}

package openai

import (
	"github.com/openai/openai-go/v3"

	"github.com/easel-art/easel/llm"
)

// userMessage is a user turn: its text, and its pictures as image_url
// content parts with data: URLs, as Chat Completions takes them.
func userMessage(m llm.Message) openai.ChatCompletionMessageParamUnion {
	if len(m.Images) == 0 {
		return openai.UserMessage(m.Content)
	}
	parts := []openai.ChatCompletionContentPartUnionParam{openai.TextContentPart(m.Content)}
	for _, img := range m.Images {
		parts = append(parts, openai.ImageContentPart(openai.ChatCompletionContentPartImageImageURLParam{URL: img.DataURL(), Detail: "auto"}))
	}
	return openai.UserMessage(parts)
}

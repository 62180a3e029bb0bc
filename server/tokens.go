package server

import (
	"github.com/easel-art/easel/prompt/clip"
)

// TokenLimit is the studio's token rule: a Stable Diffusion prompt counts
// CLIP tokens as AUTOMATIC1111 does, and the counter turns red past one
// CLIP chunk (75 tokens), where the text encoder starts a new chunk and
// later words lose their hold on the picture.
const TokenLimit = clip.ChunkLen

// TokenCount is the counter the studio shows under an sd or sdxl prompt.
type TokenCount struct {
	// Tokens is the CLIP token count as A1111 counts it (clip.Chunks:
	// attention syntax and BREAK are not tokens), the same count as easel
	// tokens and the dialects' chunking.
	Tokens int `json:"tokens"`
	// Limit is TokenLimit.
	Limit int `json:"limit"`
	// Over reports Tokens > Limit: the counter shows red.
	Over bool `json:"over"`
	// Chunks is the token count of each 75-token chunk A1111 would encode.
	Chunks []int `json:"chunks"`
}

// CountTokens applies the token rule to an sd or sdxl prompt.
func CountTokens(text string) TokenCount {
	chunks := clip.Chunks(text)
	c := TokenCount{Limit: TokenLimit, Chunks: make([]int, len(chunks))}
	for i, ch := range chunks {
		c.Chunks[i] = len(ch)
		c.Tokens += len(ch)
	}
	c.Over = c.Tokens > c.Limit
	return c
}

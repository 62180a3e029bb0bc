package server

import (
	"regexp"
	"strings"

	"github.com/easel-art/easel/prompt/clip"
)

// TokenLimit is the studio's token rule: a Stable Diffusion prompt counts
// CLIP tokens as AUTOMATIC1111 does, and the counter turns red past one
// CLIP chunk (75 tokens), where the text encoder starts a new chunk and
// later words lose their hold on the picture.
const TokenLimit = clip.ChunkLen

// TokenCount is the counter the studio shows under an sd or sdxl prompt.
type TokenCount struct {
	// Tokens is the CLIP token count, after A1111's attention syntax
	// ((term:1.2), [term], \( escapes) and BREAK keywords are taken out.
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
	chunks := clip.Chunks(StripAttention(text))
	c := TokenCount{Limit: TokenLimit, Chunks: make([]int, len(chunks))}
	for i, ch := range chunks {
		c.Chunks[i] = len(ch)
		c.Tokens += len(ch)
	}
	c.Over = c.Tokens > c.Limit
	return c
}

// reWeightEnd is the end of a weighted group, ":1.2)", as A1111's
// attention parser reads it.
var reWeightEnd = regexp.MustCompile(`^:\s*[+-]?[.\d]+\s*\)`)

// StripAttention removes AUTOMATIC1111's attention syntax from a prompt,
// leaving the words its text encoder sees: "(red fox:1.3), [sky]" becomes
// " red fox ,  sky ". Brackets become spaces because A1111 tokenizes each
// bracketed piece on its own; escaped brackets (\( \) \[ \]) and \\ stay as
// the character they escape. BREAK is kept (clip.Chunks reads it).
func StripAttention(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && strings.IndexByte(`()[]\`, s[i+1]) >= 0:
			b.WriteByte(s[i+1])
			i += 2
		case c == '(' || c == ')' || c == '[' || c == ']':
			b.WriteByte(' ')
			i++
		case c == ':':
			if m := reWeightEnd.FindStringIndex(s[i:]); m != nil {
				b.WriteByte(' ')
				i += m[1]
				continue
			}
			b.WriteByte(c)
			i++
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}

package lineage

import (
	"regexp"
	"strings"

	"github.com/easel-art/easel/prompt/clip"
)

var (
	// extraNet is an A1111 extra network tag: <lora:name:0.8>, <hypernet:...>.
	extraNet = regexp.MustCompile(`<[^<>]*>`)
	// editWhen is the step of A1111's prompt editing: [from:to:0.5].
	editWhen = regexp.MustCompile(`:\s*-?[0-9]*\.?[0-9]+\s*\]`)
	// embedding is ComfyUI's textual-inversion syntax: embedding:name.
	embedding = regexp.MustCompile(`(?i)\bembedding:\S+`)
	// breakWord is A1111's chunk separator.
	breakWord = regexp.MustCompile(`\bBREAK\b`)
	// wordColon is the colon of prompt editing between words: [from:to].
	wordColon = regexp.MustCompile(`(\pL):(\pL)`)
)

// HasSyntax reports whether prompt uses Stable Diffusion prompt syntax
// (weights, brackets, extra network tags, BREAK) that PlainPrompt removes.
func HasSyntax(prompt string) bool {
	return strings.ContainsAny(prompt, "()[]{}<>|") || breakWord.MatchString(prompt) || embedding.MatchString(prompt)
}

// PlainPrompt returns prompt with the Stable Diffusion prompt syntax of
// AUTOMATIC1111 and ComfyUI taken out, leaving the words: weights
// "(castle:1.3)" and "((castle))" become "castle", alternations
// "[cat|dog]" become "cat dog", extra network tags "<lora:x:0.8>" and
// "embedding:name" go, BREAK becomes a comma. Prose engines and the scene
// parser read the result.
func PlainPrompt(prompt string) string {
	s := extraNet.ReplaceAllString(prompt, " ")
	s = embedding.ReplaceAllString(s, " ")
	if strings.ContainsAny(prompt, "[]") {
		// Prompt editing and alternation keep their words: [from:to:0.5]
		// and [a|b]. Twice, since "a:b:c" has overlapping matches.
		s = editWhen.ReplaceAllString(s, "]")
		s = wordColon.ReplaceAllString(wordColon.ReplaceAllString(s, "$1 $2"), "$1 $2")
	}
	// Attention syntax, by the one parser of it (clip.ParseAttention).
	s = clip.StripAttention(s)
	s = breakWord.ReplaceAllString(s, ",")
	s = strings.NewReplacer("(", " ", ")", " ", "[", " ", "]", " ", "{", " ", "}", " ", "|", " ", "<", " ", ">", " ", `\`, " ").Replace(s)
	return tidy(s)
}

// tidy joins the words of s with single spaces and cleans up the commas
// that removed syntax leaves behind.
func tidy(s string) string {
	var parts []string
	for _, p := range strings.Split(s, ",") {
		p = strings.Trim(strings.Join(strings.Fields(p), " "), ": ")
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, ", ")
}

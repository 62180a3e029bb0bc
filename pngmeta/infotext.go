package pngmeta

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// Param is one `Key: value` entry of the last line of an A1111 infotext.
type Param struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// Params is the last line of an A1111 infotext: ordered key/values, kept as
// strings as A1111 keeps them. A1111 omits keys whose value is None; here
// such a key is simply not in Params.
type Params []Param

// coreKeys is the order in which create_infotext writes its own keys.
// Other keys (extra_generation_params) follow them, then Version and User.
var coreKeys = []string{
	"Steps", "Sampler", "Schedule type", "CFG scale", "Image CFG scale", "Seed",
	"Face restoration", "Size", "Model hash", "Model", "FP8 weight",
	"Cache FP16 weight for LoRA", "VAE hash", "VAE", "Variation seed",
	"Variation seed strength", "Seed resize from", "Denoising strength",
	"Conditional mask weight", "Clip skip", "ENSD", "Token merging ratio",
	"Token merging ratio hr", "Init image hash", "RNG", "Tiling",
}

var keyRank = func() map[string]int {
	m := make(map[string]int, len(coreKeys)+2)
	for i, k := range coreKeys {
		m[k] = i
	}
	m["Version"] = len(coreKeys) + 1
	m["User"] = len(coreKeys) + 2
	return m
}()

// rank places key in A1111's order: core keys, extras, Version, User.
func rank(key string) int {
	if r, ok := keyRank[key]; ok {
		return r
	}
	return len(coreKeys)
}

// Get returns the value of key and whether it is set.
func (p Params) Get(key string) (string, bool) {
	for _, kv := range p {
		if kv.Key == key {
			return kv.Value, true
		}
	}
	return "", false
}

// Set sets key to value. A key already present keeps its place; a new key
// goes where A1111 would write it: core keys in create_infotext's order,
// then other keys in the order they were set, then Version and User.
func (p *Params) Set(key, value string) {
	for i := range *p {
		if (*p)[i].Key == key {
			(*p)[i].Value = value
			return
		}
	}
	r := rank(key)
	at := len(*p)
	for i, kv := range *p {
		if rank(kv.Key) > r {
			at = i
			break
		}
	}
	*p = slices.Insert(*p, at, Param{Key: key, Value: value})
}

// Delete removes key, as A1111 leaves out a None value.
func (p *Params) Delete(key string) {
	*p = slices.DeleteFunc(*p, func(kv Param) bool { return kv.Key == key })
}

// put sets key to value, appending a new key at the end, as a Python dict
// assignment does.
func (p *Params) put(key, value string) {
	for i := range *p {
		if (*p)[i].Key == key {
			(*p)[i].Value = value
			return
		}
	}
	*p = append(*p, Param{Key: key, Value: value})
}

// FormatInfotext writes an infotext exactly as A1111's create_infotext:
// the prompt, a "Negative prompt: " line unless negative is empty, then
// params joined with ", " as "Key: value" (the bare key when the value
// equals it; the value as a JSON string when it contains ',', '\n' or ':'),
// and the whole string stripped of surrounding white space.
//
// One addition: entries "K-1" and "K-2" that only repeat a WxH value of K,
// as ParseInfotext adds them, are not written, so formatting parsed Params
// gives the original line back.
//
// A1111's parser cannot take back everything this writes: a prompt line
// starting with "Negative prompt:" moves to the negative, lines lose
// surrounding spaces, and an unquoted value such as "x" (no comma or colon)
// comes back without its quotes.
func FormatInfotext(prompt, negative string, params Params) string {
	var b strings.Builder
	b.WriteString(prompt)
	if negative != "" {
		b.WriteString("\nNegative prompt: ")
		b.WriteString(negative)
	}
	b.WriteByte('\n')
	first := true
	for _, kv := range params {
		if derivedSize(params, kv) {
			continue
		}
		if !first {
			b.WriteString(", ")
		}
		first = false
		b.WriteString(kv.Key)
		if kv.Value == kv.Key {
			continue
		}
		b.WriteString(": ")
		if strings.ContainsAny(kv.Value, ",\n:") {
			writePyJSONString(&b, kv.Value)
		} else {
			b.WriteString(kv.Value)
		}
	}
	return strings.TrimFunc(b.String(), pyIsSpace)
}

// derivedSize reports whether kv is a "K-1" or "K-2" entry that repeats
// the width or height of a WxH value of K in p.
func derivedSize(p Params, kv Param) bool {
	base, n := kv.Key[:max(len(kv.Key)-2, 0)], kv.Key[max(len(kv.Key)-2, 0):]
	if n != "-1" && n != "-2" {
		return false
	}
	v, ok := p.Get(base)
	if !ok {
		return false
	}
	w, h, ok := splitSize(v)
	return ok && (n == "-1" && kv.Value == w || n == "-2" && kv.Value == h)
}

// writePyJSONString writes s as Python's json.dumps(s, ensure_ascii=False)
// does: only '"', '\\' and control characters are escaped.
func writePyJSONString(b *strings.Builder, s string) {
	const hex = "0123456789abcdef"
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			if c < 0x20 {
				b.WriteString(`\u00`)
				b.WriteByte(hex[c>>4])
				b.WriteByte(hex[c&0xF])
			} else {
				b.WriteByte(c)
			}
		}
	}
	b.WriteByte('"')
}

// Python's str.isspace() and the \s of its re module on str patterns; Go's
// unicode.IsSpace lacks the four separators U+001C..U+001F.
const pySpace = `[\t\n\v\f\r\x1c-\x1f \x{85}\p{Zs}\x{2028}\x{2029}]`

// Python's \w on str patterns: letters, numbers and the underscore.
const pyWord = `[\p{L}\p{N}_]`

// reParam is A1111's re_param, translated to Go's syntax with Python's
// Unicode \s and \w. Go's regexp picks the same submatches as Python's
// backtracking engine (leftmost-first).
var reParam = regexp.MustCompile(pySpace + `*(` + pyWord + `[` + pyWord[1:len(pyWord)-1] + ` \-/]+):` + pySpace + `*("(?:\\.|[^\\"])+"|[^,]*)(?:,|$)`)

// reImageSize is A1111's re_imagesize, ^(\d+)x(\d+)$, where Python's $
// also matches before a final newline.
var reImageSize = regexp.MustCompile(`^(\p{Nd}+)x(\p{Nd}+)\n?$`)

func pyIsSpace(r rune) bool { return unicode.IsSpace(r) || r >= 0x1c && r <= 0x1f }

// splitSize splits a WxH value as A1111's re_imagesize does.
func splitSize(v string) (w, h string, ok bool) {
	m := reImageSize.FindStringSubmatch(v)
	if m == nil {
		return "", "", false
	}
	return m[1], m[2], true
}

// ParseInfotext reads an infotext exactly as A1111's
// parse_generation_parameters: the last line holds the params only when
// reParam matches it at least 3 times (ok reports that); other lines are
// stripped, and go to the prompt until one starts with "Negative prompt:",
// from which on they go to the negative prompt. Quoted values are
// JSON-unquoted (kept as written when that fails); an empty value drops
// its key, as A1111's parser does. A WxH value of key K is kept and also
// split into "K-1" and "K-2", as A1111 does.
//
// A1111's later steps are not applied: no defaults are filled in for
// missing keys, no styles are matched, and a "Prompt" key stays in params.
func ParseInfotext(s string) (prompt, negative string, params Params, ok bool) {
	lines := strings.Split(strings.TrimFunc(s, pyIsSpace), "\n")
	last := lines[len(lines)-1]
	lines = lines[:len(lines)-1]
	matches := reParam.FindAllStringSubmatch(last, -1)
	if len(matches) < 3 {
		lines = append(lines, last)
		matches = nil
	}
	inNegative := false
	for _, line := range lines {
		line = strings.TrimFunc(line, pyIsSpace)
		if strings.HasPrefix(line, "Negative prompt:") {
			inNegative = true
			line = strings.TrimFunc(line[len("Negative prompt:"):], pyIsSpace)
		}
		if inNegative {
			negative = joinLine(negative, line)
		} else {
			prompt = joinLine(prompt, line)
		}
	}
	for _, m := range matches {
		k, v := m[1], m[2]
		if v == "" {
			// A1111 indexes v[0], raises IndexError and skips the key.
			continue
		}
		if len(v) >= 1 && v[0] == '"' && v[len(v)-1] == '"' {
			var u string
			if json.Unmarshal([]byte(v), &u) == nil {
				v = u
			}
		}
		params.put(k, v)
		if w, h, ok := splitSize(v); ok {
			params.put(k+"-1", w)
			params.put(k+"-2", h)
		}
	}
	return prompt, negative, params, matches != nil
}

// joinLine appends line to text as A1111 does: with a newline unless text
// is still empty.
func joinLine(text, line string) string {
	if text == "" {
		return line
	}
	return text + "\n" + line
}

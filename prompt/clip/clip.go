// Package clip is the CLIP BPE tokenizer that Stable Diffusion's text
// encoder uses, written after OpenAI CLIP's simple_tokenizer.py: it counts
// prompt tokens and splits prompts into the 75-token chunks AUTOMATIC1111
// encodes one at a time.
//
// The vocabulary (bpe_simple_vocab_16e6.txt.gz, MIT, see LICENSE) is
// embedded in the binary and loaded on first use.
//
// Text is cleaned as simple_tokenizer does without ftfy: HTML entities are
// unescaped twice, runs of white space become one space, and the text is
// lower-cased. It is then split by CLIP's pattern
//
//	<\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+
//
// and each piece is byte-pair encoded with "</w>" marking the end of a word.
package clip

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"html"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:embed bpe_simple_vocab_16e6.txt.gz
var vocabGz []byte

// Token ids and sizes of the CLIP vocabulary.
const (
	// StartOfText and EndOfText are the ids of <|startoftext|> and
	// <|endoftext|>. Encode never adds them; a text encoder wraps each
	// chunk in them.
	StartOfText = 49406
	EndOfText   = 49407
	// VocabSize is the number of token ids.
	VocabSize = 49408
	// ChunkLen is how many content tokens fit in CLIP's 77-token context
	// beside the start and end tokens.
	ChunkLen = 75
	// Comma is the id of ",</w>", where A1111 prefers to end a chunk.
	Comma = 267

	// numMerges is how many merge lines simple_tokenizer reads after the
	// header: 49152-256-2.
	numMerges = 49152 - 256 - 2
	// commaBacktrack is A1111's default comma_padding_backtrack: a full
	// chunk whose last comma is at most this many tokens from its end is
	// cut after the comma.
	commaBacktrack = 20
)

// bpe holds the loaded vocabulary.
type bpe struct {
	// byteID maps a byte to its symbol id (the byte alone, not at the end
	// of a word); byteID[b]+256 is the byte followed by </w>.
	byteID [256]int32
	// merges maps a pair of symbol ids to the id of their merge. Merge ids
	// grow with the merge's rank, so a lower id is a merge learned earlier.
	merges map[uint64]int32

	mu    sync.RWMutex
	cache map[string][]int32 // guarded by mu; pieces already encoded
}

// maxCache bounds the piece cache; it is emptied when full, so memory stays
// small however much text passes through.
const maxCache = 1 << 16

var (
	loadOnce sync.Once
	loaded   *bpe
	loadErr  error
)

// vocab returns the vocabulary, loading it on first use.
func vocab() *bpe {
	loadOnce.Do(func() { loaded, loadErr = load(vocabGz) })
	if loadErr != nil {
		// The file is embedded: failing to read it is a build defect.
		panic(fmt.Sprintf("clip: embedded vocabulary: %v", loadErr))
	}
	return loaded
}

// bytesToUnicode returns the bytes in the order simple_tokenizer lists
// them, and the printable rune it stands each byte for.
func bytesToUnicode() (order []byte, runes [256]rune) {
	printable := func(b int) bool {
		return b >= '!' && b <= '~' || b >= 0xA1 && b <= 0xAC || b >= 0xAE && b <= 0xFF
	}
	for b := range 256 {
		if printable(b) {
			order = append(order, byte(b))
			runes[b] = rune(b)
		}
	}
	n := 0
	for b := range 256 {
		if !printable(b) {
			order = append(order, byte(b))
			runes[b] = rune(256 + n)
			n++
		}
	}
	return order, runes
}

func load(gz []byte) (*bpe, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("open vocabulary: %w", err)
	}
	defer zr.Close()

	b := &bpe{merges: make(map[uint64]int32, numMerges), cache: make(map[string][]int32)}
	order, runes := bytesToUnicode()
	ids := make(map[string]int32, VocabSize)
	for i, c := range order {
		b.byteID[c] = int32(i)
		ids[string(runes[c])] = int32(i)
		ids[string(runes[c])+"</w>"] = int32(i + 256)
	}

	sc := bufio.NewScanner(zr)
	if !sc.Scan() {
		return nil, fmt.Errorf("read vocabulary header: %w", sc.Err())
	}
	next := int32(512)
	for n := 1; n <= numMerges; n++ {
		if !sc.Scan() {
			return nil, fmt.Errorf("read vocabulary line %d: %v", n+1, cmpErr(sc.Err()))
		}
		left, right, ok := strings.Cut(sc.Text(), " ")
		l, okl := ids[left]
		r, okr := ids[right]
		if !ok || !okl || !okr {
			return nil, fmt.Errorf("vocabulary line %d: bad merge %q", n+1, sc.Text())
		}
		before := len(ids)
		ids[left+right] = next
		if len(ids) == before {
			return nil, fmt.Errorf("vocabulary line %d: merge %q repeats a token", n+1, sc.Text())
		}
		b.merges[uint64(l)<<32|uint64(r)] = next
		next++
	}
	if next != StartOfText {
		return nil, fmt.Errorf("vocabulary has %d tokens before the special ones; want %d", next, StartOfText)
	}
	return b, nil
}

func cmpErr(err error) error {
	if err == nil {
		return fmt.Errorf("unexpected end of file")
	}
	return err
}

// Encode returns the CLIP token ids of text, without the start and end
// tokens. The literal texts <|startoftext|> and <|endoftext|> encode as
// those tokens, as in CLIP.
func Encode(text string) []int {
	var ids []int
	encode(text, func(id int32) { ids = append(ids, int(id)) })
	return ids
}

// Count returns len(Encode(text)) without building the slice: the tokens
// of text as written, attention syntax and all (see PromptCount).
func Count(text string) int {
	n := 0
	encode(text, func(int32) { n++ })
	return n
}

// Chunks splits a prompt into the chunks AUTOMATIC1111 encodes one at a
// time, each a list of at most ChunkLen token ids (without start, end or
// padding tokens), as its tokenize_line does: the attention syntax is
// parsed (ParseAttention) and each piece tokenized on its own, so
// "(golden hour:1.2)" counts the tokens of "golden hour". The word BREAK,
// in capitals and standing alone, ends a chunk early. A full chunk is cut
// after its last comma when that comma is within 20 tokens of the end, so
// that a phrase is not split across chunks. Like A1111, an empty text
// gives one empty chunk, and a BREAK with nothing before it gives an
// empty chunk.
//
// This is easel's one token count: easel tokens, the studio's counter
// and the sd and sdxl dialects' chunking all use it (see PromptCount).
func Chunks(text string) [][]int {
	var chunks [][]int
	var cur []int
	lastComma := -1
	flush := func() {
		chunks = append(chunks, cur)
		cur = nil
		lastComma = -1
	}
	add := func(id32 int32) {
		id := int(id32)
		if id == Comma {
			lastComma = len(cur)
		} else if len(cur) == ChunkLen && lastComma != -1 && len(cur)-lastComma <= commaBacktrack {
			moved := append([]int(nil), cur[lastComma+1:]...)
			cur = cur[:lastComma+1]
			flush()
			cur = moved
		}
		if len(cur) == ChunkLen {
			flush()
		}
		cur = append(cur, id)
	}
	for _, p := range ParseAttention(text) {
		if p.IsBreak() {
			flush()
			continue
		}
		encode(p.Text, add)
	}
	if len(cur) > 0 || len(chunks) == 0 {
		flush()
	}
	return chunks
}

// PromptCount returns the tokens of a prompt as A1111 counts them: those
// of its Chunks, without padding.
func PromptCount(text string) int {
	if !strings.ContainsAny(text, `()[]\:`) && !strings.Contains(text, "BREAK") {
		return Count(text) // no syntax: one piece
	}
	n := 0
	for _, c := range Chunks(text) {
		n += len(c)
	}
	return n
}

// splitBreak splits text at each BREAK that stands as a word of its own, as
// A1111's prompt parser does (\s*\bBREAK\b\s*).
func splitBreak(text string) []string {
	var parts []string
	start := 0
	for i := 0; ; {
		j := strings.Index(text[i:], "BREAK")
		if j < 0 {
			break
		}
		j += i
		end := j + len("BREAK")
		if isWordByteBoundary(text, j-1) && isWordByteBoundary(text, end) {
			parts = append(parts, text[start:j])
			start = end
		}
		i = end
	}
	return append(parts, text[start:])
}

// isWordByteBoundary reports whether the rune at byte offset i (or the
// edge of text) is not a word character, so \b holds next to BREAK.
func isWordByteBoundary(text string, i int) bool {
	if i < 0 || i >= len(text) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	if r == utf8.RuneError && i > 0 {
		// i may point inside a multi-byte rune when looking backwards.
		r, _ = utf8.DecodeLastRuneInString(text[:i+1])
	}
	return !(r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r))
}

// encode cleans text, splits it into pieces and emits the ids of each.
func encode(text string, emit func(int32)) {
	if text == "" {
		return
	}
	b := vocab()
	text = clean(text)
	for len(text) > 0 {
		r, size := utf8.DecodeRuneInString(text)
		if isSpace(r) {
			text = text[size:]
			continue
		}
		n := pieceLen(text, r, size)
		piece := text[:n]
		text = text[n:]
		switch piece {
		case "<|startoftext|>":
			emit(StartOfText)
			continue
		case "<|endoftext|>":
			emit(EndOfText)
			continue
		}
		b.encodePiece(piece, emit)
	}
}

// pieceLen returns the byte length of the piece of CLIP's pattern that
// starts text, whose first rune r is not a space.
func pieceLen(text string, r rune, size int) int {
	switch {
	case r == '<':
		if strings.HasPrefix(text, "<|startoftext|>") {
			return len("<|startoftext|>")
		}
		if strings.HasPrefix(text, "<|endoftext|>") {
			return len("<|endoftext|>")
		}
	case r == '\'':
		for _, c := range [...]string{"'s", "'t", "'re", "'ve", "'m", "'ll", "'d"} {
			if strings.HasPrefix(text, c) {
				return len(c)
			}
		}
	case isLetter(r):
		n := size
		for n < len(text) {
			r, s := utf8.DecodeRuneInString(text[n:])
			if !isLetter(r) {
				break
			}
			n += s
		}
		return n
	case isNumber(r):
		return size
	}
	// [^\s\p{L}\p{N}]+
	n := size
	for n < len(text) {
		r, s := utf8.DecodeRuneInString(text[n:])
		if isSpace(r) || isLetter(r) || isNumber(r) {
			break
		}
		n += s
	}
	return n
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r)
}

func isNumber(r rune) bool {
	if r < utf8.RuneSelf {
		return '0' <= r && r <= '9'
	}
	return unicode.IsNumber(r)
}

// isSpace is Python's str.isspace, which the \s of simple_tokenizer's
// patterns follows: Go's unicode.IsSpace plus the separators 0x1C-0x1F.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r' || 0x1C <= r && r <= 0x1F
	}
	return unicode.IsSpace(r)
}

// clean is simple_tokenizer's basic_clean without ftfy, then
// whitespace_clean, then lower-casing.
func clean(text string) string {
	if strings.IndexByte(text, '&') >= 0 {
		text = html.UnescapeString(html.UnescapeString(text))
	}
	ascii := true
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii && cleanASCII(text) {
		return text
	}
	var sb strings.Builder
	sb.Grow(len(text))
	space := false
	if ascii {
		for i := 0; i < len(text); i++ {
			c := text[i]
			if isSpace(rune(c)) {
				space = true
				continue
			}
			if space && sb.Len() > 0 {
				sb.WriteByte(' ')
			}
			space = false
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			sb.WriteByte(c)
		}
		return sb.String()
	}
	rs := []rune(text)
	for i, r := range rs {
		if r == utf8.RuneError {
			// Invalid UTF-8 decodes to U+FFFD, as Python's decode with
			// errors="replace" would.
			sb.WriteRune(r)
			space = false
			continue
		}
		if isSpace(r) {
			space = true
			continue
		}
		if space && sb.Len() > 0 {
			sb.WriteByte(' ')
		}
		space = false
		switch r {
		case 'İ':
			// Python lower-cases U+0130 to "i" plus a combining dot.
			sb.WriteString("i\u0307")
		case 'Σ':
			sb.WriteRune(lowerSigma(rs, i))
		default:
			sb.WriteRune(unicode.ToLower(r))
		}
	}
	return sb.String()
}

// cleanASCII reports whether ASCII text is already clean: lower case,
// single spaces, no space at either end.
func cleanASCII(text string) bool {
	for i := 0; i < len(text); i++ {
		c := text[i]
		if 'A' <= c && c <= 'Z' || c != ' ' && isSpace(rune(c)) {
			return false
		}
		if c == ' ' && (i == 0 || i == len(text)-1 || text[i+1] == ' ') {
			return false
		}
	}
	return true
}

// lowerSigma lower-cases the capital sigma at rs[i] as Python does: final
// form ς after a letter when no letter follows.
func lowerSigma(rs []rune, i int) rune {
	before := i > 0 && unicode.IsLetter(rs[i-1])
	after := i+1 < len(rs) && unicode.IsLetter(rs[i+1])
	if before && !after {
		return 'ς'
	}
	return 'σ'
}

// encodePiece emits the BPE ids of one piece of text.
func (b *bpe) encodePiece(piece string, emit func(int32)) {
	b.mu.RLock()
	ids, ok := b.cache[piece]
	b.mu.RUnlock()
	if ok {
		for _, id := range ids {
			emit(id)
		}
		return
	}
	ids = b.merge(piece)
	b.mu.Lock()
	if len(b.cache) >= maxCache {
		clear(b.cache)
	}
	b.cache[piece] = ids
	b.mu.Unlock()
	for _, id := range ids {
		emit(id)
	}
}

// merge byte-pair encodes one piece: it starts from its bytes (the last
// one marked end-of-word) and repeatedly merges the adjacent pair that was
// learned first, every occurrence left to right, until no pair merges.
func (b *bpe) merge(piece string) []int32 {
	word := make([]int32, len(piece))
	for i := 0; i < len(piece); i++ {
		word[i] = b.byteID[piece[i]]
	}
	word[len(word)-1] += 256
	for len(word) > 1 {
		best := int32(-1)
		var bl, br int32
		for i := 0; i+1 < len(word); i++ {
			m, ok := b.merges[uint64(word[i])<<32|uint64(word[i+1])]
			if ok && (best < 0 || m < best) {
				best, bl, br = m, word[i], word[i+1]
			}
		}
		if best < 0 {
			break
		}
		out := word[:0]
		for i := 0; i < len(word); i++ {
			if i+1 < len(word) && word[i] == bl && word[i+1] == br {
				out = append(out, best)
				i++
				continue
			}
			out = append(out, word[i])
		}
		word = out
	}
	return word
}

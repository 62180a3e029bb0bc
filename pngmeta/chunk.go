package pngmeta

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/easel-art/easel"
)

// signature is the eight bytes every PNG file starts with.
const signature = "\x89PNG\r\n\x1a\n"

// MaxInflated bounds the total size of the text that ReadTexts accepts
// from one file, decompressed or not, so neither a zip bomb nor a huge
// plain text chunk exhausts memory: it is refused while read, before it is
// kept. ComfyUI workflows, the largest metadata seen in practice, are a
// few MB.
const MaxInflated = 32 << 20

// MaxInfotext bounds the AUTOMATIC1111 `parameters` text: a prompt is at
// most easel.MaxIdeaLen characters, so a megabyte is a hundred times what
// a real infotext holds, and parsing more only costs time.
const MaxInfotext = 1 << 20

// maxChunkLen is the largest chunk length the PNG specification allows.
const maxChunkLen = 1<<31 - 1

// Chunk types of the three PNG text chunks.
const (
	ChunkTEXt = "tEXt" // Latin-1 text
	ChunkZTXt = "zTXt" // zlib-compressed Latin-1 text
	ChunkITXt = "iTXt" // UTF-8 text, compressed or not
)

// Text is one PNG text chunk: a keyword and its value.
type Text struct {
	Keyword string `json:"keyword"`
	Value   string `json:"value"`
	// Chunk is the chunk type. ReadTexts reports the type it found
	// (ChunkTEXt, ChunkZTXt or ChunkITXt). For Inject, "" writes tEXt when
	// the keyword and value are Latin-1 and uncompressed iTXt otherwise,
	// as PIL does; ChunkITXt forces iTXt and ChunkTEXt forces tEXt.
	Chunk string `json:"chunk,omitempty"`
}

// Inject returns a copy of png with texts inserted as text chunks right
// after IHDR, in order. Existing text chunks whose keyword is one of the
// new keywords are dropped, so writing `parameters` twice leaves one
// chunk; bytes after IEND are dropped too. Pixel data is not touched.
//
// It returns an EINVALID error when png is not a complete, valid PNG or
// when a Text cannot be written (see Text.Chunk; keywords are 1 to 79
// printable Latin-1 characters without leading, trailing or double
// spaces; values are UTF-8 without NUL).
func Inject(png []byte, texts []Text) ([]byte, error) {
	var add []byte
	replace := make(map[string]bool, len(texts))
	for _, t := range texts {
		var err error
		if add, err = appendText(add, t); err != nil {
			return nil, err
		}
		kw, _ := toLatin1(t.Keyword)
		replace[string(kw)] = true
	}
	out := make([]byte, 0, len(png)+len(add))
	err := walk(png, func(typ string, data []byte, start, end int) error {
		switch typ {
		case "IHDR":
			out = append(out, png[:end]...)
			out = append(out, add...)
			return nil
		case ChunkTEXt, ChunkZTXt, ChunkITXt:
			kw, _, _ := bytes.Cut(data, []byte{0})
			if replace[string(kw)] {
				return nil
			}
		}
		out = append(out, png[start:end]...)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// ReadTexts returns the tEXt, zTXt and iTXt chunks of png in file order.
// It checks the signature, that IHDR comes first and every chunk's CRC,
// and stops at IEND. Compressed text is inflated up to MaxInflated bytes in
// total. A non-PNG, truncated or corrupt file gets an EINVALID error.
func ReadTexts(png []byte) ([]Text, error) {
	return readTexts(png, MaxInflated)
}

// readTexts is ReadTexts with a decompression budget, for tests.
func readTexts(png []byte, budget int) ([]Text, error) {
	var texts []Text
	err := walk(png, func(typ string, data []byte, start, _ int) error {
		var t Text
		var err error
		switch typ {
		case ChunkTEXt:
			// Plain text counts against the budget as inflated text does.
			if len(data) > budget {
				err = errTextTooBig
			} else {
				budget -= len(data)
				t, err = parseTEXt(data)
			}
		case ChunkZTXt:
			t, err = parseZTXt(data, &budget)
		case ChunkITXt:
			if len(data) > budget {
				err = errTextTooBig
			} else {
				t, err = parseITXt(data, &budget)
			}
		default:
			return nil
		}
		if err == nil && t.Keyword == KeywordParameters && len(t.Value) > MaxInfotext {
			err = fmt.Errorf("its AUTOMATIC1111 parameters text is %d KB; a real one is a few KB", len(t.Value)>>10)
		}
		if err != nil {
			return &easel.Error{
				Code:    easel.EINVALID,
				Message: fmt.Sprintf("the PNG file's %s chunk at byte %d is unreadable (%v): the file is damaged or was written by a faulty tool", typ, start, err),
				Err:     err,
			}
		}
		texts = append(texts, t)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return texts, nil
}

// walk calls fn for each chunk of png up to and including IEND, after
// checking the signature, the chunk framing, the CRCs and that IHDR comes
// first. start and end delimit the whole chunk (length to CRC) in png.
func walk(png []byte, fn func(typ string, data []byte, start, end int) error) error {
	if len(png) < len(signature) || string(png[:len(signature)]) != signature {
		return easel.Errorf(easel.EINVALID, "the file is not a PNG image (it lacks the PNG signature): give a .png file")
	}
	off := len(signature)
	for first := true; ; first = false {
		if len(png)-off < 12 {
			return easel.Errorf(easel.EINVALID, "the PNG file is truncated at byte %d, before its IEND chunk: the file is incomplete; copy or download it again", len(png))
		}
		n := binary.BigEndian.Uint32(png[off:])
		typ := png[off+4 : off+8]
		if !validType(typ) || n > maxChunkLen {
			return easel.Errorf(easel.EINVALID, "the PNG file is corrupt: the chunk header at byte %d is not valid; the file is damaged", off)
		}
		if uint64(n) > uint64(len(png)-off-12) {
			return easel.Errorf(easel.EINVALID, "the PNG file is truncated: its %s chunk at byte %d runs past the end of the file; the file is incomplete, copy or download it again", typ, off)
		}
		end := off + 12 + int(n)
		if crc32.ChecksumIEEE(png[off+4:end-4]) != binary.BigEndian.Uint32(png[end-4:]) {
			return easel.Errorf(easel.EINVALID, "the PNG file is corrupt: its %s chunk at byte %d fails the CRC check; the file is damaged", typ, off)
		}
		name := string(typ)
		if first && name != "IHDR" {
			return easel.Errorf(easel.EINVALID, "the PNG file is corrupt: it starts with a %s chunk instead of IHDR", typ)
		}
		if err := fn(name, png[off+8:end-4], off, end); err != nil {
			return err
		}
		if name == "IEND" {
			return nil
		}
		off = end
	}
}

// validType reports whether t is a chunk type: four ASCII letters.
func validType(t []byte) bool {
	for _, c := range t {
		if (c < 'A' || c > 'Z') && (c < 'a' || c > 'z') {
			return false
		}
	}
	return true
}

var errTextTooBig = fmt.Errorf("the file's text chunks hold more than %d MiB; picture metadata is kilobytes", MaxInflated>>20)

var errTooBig = fmt.Errorf("its text inflates to more than %d MiB, which looks like a decompression bomb", MaxInflated>>20)

func parseTEXt(data []byte) (Text, error) {
	kw, text, ok := bytes.Cut(data, []byte{0})
	if !ok {
		return Text{}, errors.New("no NUL after the keyword")
	}
	return Text{Keyword: fromLatin1(kw), Value: fromLatin1(text), Chunk: ChunkTEXt}, nil
}

func parseZTXt(data []byte, budget *int) (Text, error) {
	kw, rest, ok := bytes.Cut(data, []byte{0})
	if !ok || len(rest) < 1 {
		return Text{}, errors.New("no NUL and compression method after the keyword")
	}
	if rest[0] != 0 {
		return Text{}, fmt.Errorf("unknown compression method %d", rest[0])
	}
	text, err := inflate(rest[1:], budget)
	if err != nil {
		return Text{}, err
	}
	return Text{Keyword: fromLatin1(kw), Value: fromLatin1(text), Chunk: ChunkZTXt}, nil
}

func parseITXt(data []byte, budget *int) (Text, error) {
	kw, rest, ok := bytes.Cut(data, []byte{0})
	if !ok || len(rest) < 2 {
		return Text{}, errors.New("no NUL and compression flags after the keyword")
	}
	flag, method := rest[0], rest[1]
	// Skip the language tag and the translated keyword.
	_, rest, ok = bytes.Cut(rest[2:], []byte{0})
	if ok {
		_, rest, ok = bytes.Cut(rest, []byte{0})
	}
	if !ok {
		return Text{}, errors.New("language tag or translated keyword not terminated")
	}
	text := rest
	switch {
	case flag == 1 && method == 0:
		var err error
		if text, err = inflate(rest, budget); err != nil {
			return Text{}, err
		}
	case flag == 1:
		return Text{}, fmt.Errorf("unknown compression method %d", method)
	case flag != 0:
		return Text{}, fmt.Errorf("compression flag %d is neither 0 nor 1", flag)
	case len(text) > *budget:
		return Text{}, errTextTooBig
	default:
		*budget -= len(text)
	}
	return Text{Keyword: fromLatin1(kw), Value: strings.ToValidUTF8(string(text), "\uFFFD"), Chunk: ChunkITXt}, nil
}

// inflate decompresses zlib data, taking at most *budget bytes and
// subtracting what it took.
func inflate(z []byte, budget *int) ([]byte, error) {
	r, err := zlib.NewReader(bytes.NewReader(z))
	if err != nil {
		return nil, fmt.Errorf("zlib: %w", err)
	}
	defer r.Close()
	out, err := io.ReadAll(io.LimitReader(r, int64(*budget)+1))
	if err != nil {
		return nil, fmt.Errorf("zlib: %w", err)
	}
	if len(out) > *budget {
		return nil, errTooBig
	}
	*budget -= len(out)
	return out, nil
}

// appendText appends t, encoded as a chunk, to b.
func appendText(b []byte, t Text) ([]byte, error) {
	kw, ok := toLatin1(t.Keyword)
	if !ok || !validKeyword(kw) {
		return nil, easel.Errorf(easel.EINVALID, "PNG text keyword %q is not valid: use 1 to 79 printable Latin-1 characters without leading, trailing or double spaces", t.Keyword)
	}
	if !utf8.ValidString(t.Value) {
		return nil, easel.Errorf(easel.EINVALID, "PNG text %q is not valid UTF-8: fix the text's encoding", t.Keyword)
	}
	if strings.IndexByte(t.Value, 0) >= 0 {
		return nil, easel.Errorf(easel.EINVALID, "PNG text %q contains a NUL character, which PNG text cannot hold: remove it", t.Keyword)
	}
	value, latin := toLatin1(t.Value)
	chunk := t.Chunk
	if chunk == "" {
		chunk = ChunkITXt
		if latin {
			chunk = ChunkTEXt
		}
	}
	data := make([]byte, 0, len(kw)+len(t.Value)+5)
	data = append(data, kw...)
	switch {
	case chunk == ChunkTEXt && latin:
		data = append(data, 0)
		data = append(data, value...)
	case chunk == ChunkTEXt:
		return nil, easel.Errorf(easel.EINVALID, "PNG text %q is not Latin-1, so it cannot be a tEXt chunk: let Inject choose iTXt", t.Keyword)
	case chunk == ChunkITXt:
		// keyword NUL, compression flag 0, method 0, empty language tag
		// NUL, empty translated keyword NUL, then the UTF-8 text.
		data = append(data, 0, 0, 0, 0, 0)
		data = append(data, t.Value...)
	default:
		return nil, easel.Errorf(easel.EINVALID, "PNG text %q asks for chunk type %q: use tEXt, iTXt or leave it empty", t.Keyword, chunk)
	}
	return appendChunk(b, chunk, data), nil
}

// appendChunk appends a chunk (length, type, data, CRC-32) to b.
func appendChunk(b []byte, typ string, data []byte) []byte {
	b = binary.BigEndian.AppendUint32(b, uint32(len(data)))
	start := len(b)
	b = append(b, typ...)
	b = append(b, data...)
	return binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(b[start:]))
}

// validKeyword applies the PNG keyword rules to a Latin-1 keyword.
func validKeyword(kw []byte) bool {
	if len(kw) < 1 || len(kw) > 79 || kw[0] == ' ' || kw[len(kw)-1] == ' ' {
		return false
	}
	for i, c := range kw {
		if c < 32 || (c > 126 && c < 161) || (c == ' ' && kw[i-1] == ' ') {
			return false
		}
	}
	return true
}

// toLatin1 encodes s as Latin-1; ok is false when s has a character
// outside Latin-1 (or invalid UTF-8).
func toLatin1(s string) (b []byte, ok bool) {
	b = make([]byte, 0, len(s))
	for _, r := range s {
		if r > 0xFF { // including utf8.RuneError for invalid UTF-8
			return nil, false
		}
		b = append(b, byte(r))
	}
	return b, true
}

// fromLatin1 decodes Latin-1 bytes.
func fromLatin1(b []byte) string {
	ascii := true
	for _, c := range b {
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return string(b)
	}
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/4)
	for _, c := range b {
		sb.WriteRune(rune(c))
	}
	return sb.String()
}

package promptllm

import (
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// textStream picks the values of "text" fields out of JSON as it streams
// in, so a terminal can show the prompts being written instead of raw
// JSON. It is a small tokenizer that tracks only what it needs: whether a
// string is an object key, the last key, and escapes. It never fails: on
// input that is not JSON it simply shows less.
type textStream struct {
	emit func(variation int, text string)

	variation int // index of the "text" value being shown; -1 before the first
	stack     []byte
	expectKey bool
	lastKey   string

	inString bool
	isKey    bool
	showing  bool
	escape   bool
	hex      []byte // the digits of a \u escape being read
	high     rune   // a UTF-16 high surrogate waiting for its pair
	key      strings.Builder
	out      strings.Builder
}

func newTextStream(emit func(variation int, text string)) *textStream {
	return &textStream{emit: emit, variation: -1}
}

// Write feeds the next piece of the reply.
func (s *textStream) Write(p string) {
	for i := 0; i < len(p); i++ {
		s.byte(p[i])
	}
	s.flush()
}

func (s *textStream) flush() {
	if s.out.Len() > 0 {
		s.emit(s.variation, s.out.String())
		s.out.Reset()
	}
}

func (s *textStream) byte(b byte) {
	if s.inString {
		s.stringByte(b)
		return
	}
	switch b {
	case '"':
		s.inString = true
		s.isKey = len(s.stack) > 0 && s.stack[len(s.stack)-1] == '{' && s.expectKey
		if s.isKey {
			s.key.Reset()
		} else if s.lastKey == "text" {
			s.flush()
			s.variation++
			s.showing = true
		}
	case '{':
		s.stack = append(s.stack, '{')
		s.expectKey, s.lastKey = true, ""
	case '[':
		s.stack = append(s.stack, '[')
		s.expectKey, s.lastKey = false, ""
	case '}', ']':
		if len(s.stack) > 0 {
			s.stack = s.stack[:len(s.stack)-1]
		}
		s.expectKey, s.lastKey = false, ""
	case ':':
		s.expectKey = false
	case ',':
		s.expectKey = len(s.stack) > 0 && s.stack[len(s.stack)-1] == '{'
		s.lastKey = ""
	}
}

func (s *textStream) stringByte(b byte) {
	switch {
	case s.hex != nil:
		s.hex = append(s.hex, b)
		if len(s.hex) < 4 {
			return
		}
		n, err := strconv.ParseUint(string(s.hex), 16, 32)
		s.hex = nil
		if err != nil {
			return
		}
		r := rune(n)
		switch {
		case utf16.IsSurrogate(r) && r < 0xDC00:
			s.high = r
			return
		case utf16.IsSurrogate(r) && s.high != 0:
			r = utf16.DecodeRune(s.high, r)
		case utf16.IsSurrogate(r):
			r = utf8.RuneError
		}
		s.high = 0
		s.writeRune(r)
	case s.escape:
		s.escape = false
		switch b {
		case 'u':
			s.hex = make([]byte, 0, 4)
			return
		case 'n':
			s.writeRune('\n')
		case 't':
			s.writeRune('\t')
		case 'r':
			s.writeRune('\r')
		case 'b':
			s.writeRune('\b')
		case 'f':
			s.writeRune('\f')
		default:
			s.writeRune(rune(b))
		}
	case b == '\\':
		s.escape = true
	case b == '"':
		s.inString = false
		if s.isKey {
			s.lastKey = s.key.String()
		} else {
			s.showing = false
			s.lastKey = ""
		}
	default:
		if s.isKey {
			s.key.WriteByte(b)
		} else if s.showing {
			s.out.WriteByte(b)
		}
	}
}

func (s *textStream) writeRune(r rune) {
	if s.isKey {
		s.key.WriteRune(r)
	} else if s.showing {
		s.out.WriteRune(r)
	}
}

package openai

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/easel-art/easel/engine/internal/httpx"
)

// decodeImages decodes an ImagesResponse from r. The value of every
// "b64_json" key is decoded from base64 as it streams past and collected
// in images, in order, while the JSON decoder sees "" in its place. So
// the base64 text (a third larger than the image) is never held in memory,
// let alone together with the image.
//
// A json.Decoder Token walk cannot do this on its own: Token returns a
// string value whole. Filtering the bytes beneath the decoder can.
func decodeImages(r io.Reader) (*imagesResponse, [][]byte, error) {
	f := &b64Filter{src: bufio.NewReaderSize(r, 32<<10)}
	var out imagesResponse
	if err := json.NewDecoder(f).Decode(&out); err != nil {
		if f.err != nil {
			err = f.err
		}
		return nil, nil, err
	}
	if f.err != nil {
		return nil, nil, f.err
	}
	n := 0
	for _, d := range out.Data {
		if d.B64JSON != nil {
			n++
		}
	}
	if n != len(f.images) {
		return nil, nil, fmt.Errorf("found %d b64_json values for %d images", len(f.images), n)
	}
	return &out, f.images, nil
}

// b64Filter passes JSON through unchanged except for the string values of
// "b64_json" keys, which it decodes into images and replaces with "".
// It tracks just enough of the JSON grammar for that: whether it is inside
// a string (and after a backslash), the text of the last string when it
// is short, and whether a ':' and then a '"' follow a "b64_json" key.
type b64Filter struct {
	src    *bufio.Reader
	images [][]byte
	err    error

	inString, escaped bool
	tok               []byte // the current string, while it could still be b64_json
	tokTooLong        bool
	afterKey          bool // the last string was "b64_json": a ':' may follow
	afterColon        bool // "b64_json": was read: a string value may follow
}

const b64Key = "b64_json"

func (f *b64Filter) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		if n > 0 && f.src.Buffered() == 0 {
			// Hand over what we have rather than block for more.
			return n, nil
		}
		b, err := f.src.ReadByte()
		if err != nil {
			return n, err
		}
		if f.inString {
			p[n] = b
			n++
			switch {
			case f.escaped:
				f.escaped = false
				f.tokTooLong = true // an escape never occurs in "b64_json"
			case b == '\\':
				f.escaped = true
			case b == '"':
				f.inString = false
				f.afterKey = !f.tokTooLong && string(f.tok) == b64Key
			default:
				if len(f.tok) < len(b64Key) {
					f.tok = append(f.tok, b)
				} else {
					f.tokTooLong = true
				}
			}
			continue
		}
		isSpace := b == ' ' || b == '\t' || b == '\n' || b == '\r'
		switch {
		case isSpace:
		case f.afterKey && b == ':':
			f.afterKey, f.afterColon = false, true
		case f.afterColon && b == '"':
			f.afterColon = false
			img, err := f.decodeValue()
			if err != nil {
				f.err = err
				return n, err
			}
			f.images = append(f.images, img)
			// The JSON decoder sees an empty string.
			if n+2 > len(p) {
				// Not enough room: put the two quotes back through a
				// tiny detour so they are read next.
				f.src = bufio.NewReaderSize(io.MultiReader(bytes.NewReader([]byte(`""`)), f.src), 32<<10)
				return n, nil
			}
			p[n], p[n+1] = '"', '"'
			n += 2
			continue
		case b == '"':
			f.inString, f.escaped = true, false
			f.tok, f.tokTooLong = f.tok[:0], false
			f.afterKey, f.afterColon = false, false
		default:
			f.afterKey, f.afterColon = false, false
		}
		p[n] = b
		n++
	}
	return n, nil
}

// decodeValue decodes the rest of a JSON string (the opening quote has
// been read) as base64, up to the closing quote.
func (f *b64Filter) decodeValue() ([]byte, error) {
	sr := &jsonStringReader{src: f.src}
	var buf bytes.Buffer
	_, err := io.Copy(&buf, io.LimitReader(base64.NewDecoder(base64.StdEncoding, sr), httpx.MaxImage+1))
	if err != nil {
		return nil, fmt.Errorf("b64_json: %w", err)
	}
	if buf.Len() > httpx.MaxImage {
		return nil, fmt.Errorf("b64_json: image larger than %d bytes", httpx.MaxImage)
	}
	if !sr.done {
		// The limit stopped the copy, or the decoder stopped early (bad
		// padding inside the text): drain to the closing quote either way.
		if _, err := io.Copy(io.Discard, sr); err != nil {
			return nil, fmt.Errorf("b64_json: %w", err)
		}
	}
	return buf.Bytes(), nil
}

// jsonStringReader reads the characters of a JSON string up to its
// closing quote, undoing the escapes that can appear in base64 text
// (\/ and the \n or \r of wrapped lines, which base64's decoder skips).
type jsonStringReader struct {
	src  *bufio.Reader
	done bool
}

var errBadEscape = errors.New("unexpected escape in base64 text")

func (r *jsonStringReader) Read(p []byte) (int, error) {
	if r.done {
		return 0, io.EOF
	}
	n := 0
	for n < len(p) {
		if r.src.Buffered() == 0 {
			if n > 0 {
				return n, nil
			}
			if _, err := r.src.Peek(1); err != nil {
				if err == io.EOF {
					err = io.ErrUnexpectedEOF
				}
				return n, err
			}
		}
		buf, _ := r.src.Peek(min(r.src.Buffered(), len(p)-n))
		i := bytes.IndexAny(buf, "\"\\")
		if i < 0 {
			n += copy(p[n:], buf)
			r.src.Discard(len(buf))
			continue
		}
		n += copy(p[n:], buf[:i])
		r.src.Discard(i)
		c, _ := r.src.ReadByte()
		if c == '"' {
			r.done = true
			return n, nil
		}
		e, err := r.src.ReadByte()
		if err != nil {
			return n, io.ErrUnexpectedEOF
		}
		switch e {
		case '/':
			p[n] = '/'
			n++
		case 'n':
			p[n] = '\n'
			n++
		case 'r':
			p[n] = '\r'
			n++
		default:
			return n, errBadEscape
		}
	}
	return n, nil
}

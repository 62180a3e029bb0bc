package clip

import (
	"strconv"
	"strings"
)

// Piece is a run of prompt text and the attention weight AUTOMATIC1111
// gives it. A Piece with Text "BREAK" and Weight -1 stands for the BREAK
// keyword, which ends a chunk.
type Piece struct {
	Text   string
	Weight float64
}

// IsBreak reports whether p is a BREAK keyword.
func (p Piece) IsBreak() bool { return p.Weight == -1 && p.Text == "BREAK" }

// Attention multipliers of A1111's brackets: (a) is a*1.1, [a] is a/1.1.
const (
	roundMultiplier  = 1.1
	squareMultiplier = 1 / 1.1
)

// ParseAttention reads AUTOMATIC1111's attention syntax as its
// prompt_parser.parse_prompt_attention does, the one parser of that syntax
// in easel: (text) multiplies the weight by 1.1, [text] divides it by
// 1.1, (text:1.3) sets a factor, \( \) \[ \] \\ are the characters
// themselves, an unclosed bracket applies to the end of the text, and the
// word BREAK (outside brackets' syntax, on its own) becomes a BREAK piece.
// Neighbouring pieces of the same weight are merged. An empty text gives
// one empty piece of weight 1.
func ParseAttention(text string) []Piece {
	var res []Piece
	var round, square []int
	multiply := func(from int, m float64) {
		for i := from; i < len(res); i++ {
			res[i].Weight *= m
		}
	}
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == '\\':
			// \( \) \[ \] \\ are literal; a lone backslash is dropped, as
			// A1111's pattern matches it and keeps what follows it.
			if i+1 < len(text) && strings.IndexByte(`()[]\`, text[i+1]) >= 0 {
				res = append(res, Piece{text[i+1 : i+2], 1})
				i += 2
			} else {
				i++
			}
		case c == '(':
			round = append(round, len(res))
			i++
		case c == '[':
			square = append(square, len(res))
			i++
		case c == ':':
			if n, w, ok := weightEnd(text[i:]); ok && len(round) > 0 {
				multiply(round[len(round)-1], w)
				round = round[:len(round)-1]
				i += n
				continue
			}
			// A colon that does not close a weight is text.
			n := 1
			if _, _, ok := weightEnd(text[i:]); ok {
				// ":1.2)" with no open bracket: A1111 keeps it as text.
				n, _, _ = weightEnd(text[i:])
			}
			res = appendText(res, text[i:i+n])
			i += n
		case c == ')' && len(round) > 0:
			multiply(round[len(round)-1], roundMultiplier)
			round = round[:len(round)-1]
			i++
		case c == ']' && len(square) > 0:
			multiply(square[len(square)-1], squareMultiplier)
			square = square[:len(square)-1]
			i++
		case c == ')' || c == ']':
			// A closing bracket with none open is dropped.
			i++
		default:
			j := i + 1
			for j < len(text) && strings.IndexByte(`\()[]:`, text[j]) < 0 {
				j++
			}
			res = appendText(res, text[i:j])
			i = j
		}
	}
	for _, p := range round {
		multiply(p, roundMultiplier)
	}
	for _, p := range square {
		multiply(p, squareMultiplier)
	}
	if len(res) == 0 {
		return []Piece{{"", 1}}
	}
	// Merge runs of the same weight.
	out := res[:1]
	for _, p := range res[1:] {
		if last := &out[len(out)-1]; last.Weight == p.Weight {
			last.Text += p.Text
			continue
		}
		out = append(out, p)
	}
	return out
}

// appendText appends plain text, splitting it at BREAK as A1111 does
// (\s*\bBREAK\b\s*, the spaces around it going with it).
func appendText(res []Piece, s string) []Piece {
	for i, part := range splitBreak(s) {
		if i > 0 {
			res = append(res, Piece{"BREAK", -1})
			res[len(res)-2].Text = strings.TrimRight(res[len(res)-2].Text, " \t\n\r\v\f")
			part = strings.TrimLeft(part, " \t\n\r\v\f")
		}
		res = append(res, Piece{part, 1})
	}
	return res
}

// weightEnd matches A1111's :\s*([+-]?[.\d]+)\s*\) at the start of s and
// returns its length and the weight. A1111 takes the number with
// Python's float(), so a malformed one ("1..2") is not a weight.
func weightEnd(s string) (n int, w float64, ok bool) {
	i := 1
	for i < len(s) && isSpaceByte(s[i]) {
		i++
	}
	start := i
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := i
	for i < len(s) && (s[i] == '.' || '0' <= s[i] && s[i] <= '9') {
		i++
	}
	if i == digits {
		return 0, 0, false
	}
	num := s[start:i]
	for i < len(s) && isSpaceByte(s[i]) {
		i++
	}
	if i >= len(s) || s[i] != ')' {
		return 0, 0, false
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return 0, 0, false
	}
	return i + 1, f, true
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// StripAttention returns the words of a prompt without attention syntax:
// the text of its pieces, which A1111 tokenizes one at a time, joined by
// spaces, BREAK kept as a word of its own.
func StripAttention(text string) string {
	var b strings.Builder
	for i, p := range ParseAttention(text) {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(p.Text)
	}
	return b.String()
}

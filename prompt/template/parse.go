package template

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// MaxDepth bounds nesting: braces inside braces while parsing, and
// wildcards and variables expanding into further templates while
// generating. Deeper templates are an error rather than a crash.
const MaxDepth = 100

// SyntaxError is a template that cannot be parsed or expanded, with the
// place of the problem. Column counts characters from 1; Line is 1 for a
// one-line template.
type SyntaxError struct {
	Line   int
	Column int
	Msg    string
}

func (e *SyntaxError) Error() string {
	if e.Line > 1 {
		return fmt.Sprintf("line %d, column %d: %s", e.Line, e.Column, e.Msg)
	}
	return fmt.Sprintf("column %d: %s", e.Column, e.Msg)
}

// source is one text being parsed: a template, a wildcard value or a
// preset variable. Tabs are expanded before parsing, as the library's
// parser does; orig maps positions back to the text as written.
type source struct {
	text  string
	runes []rune
	orig  []int32 // orig[i] is the rune index in text of runes[i]; nil without tabs
}

func newSource(text string) *source {
	s := &source{text: text}
	if !strings.ContainsRune(text, '\t') {
		s.runes = []rune(text)
		return s
	}
	col := 0
	for i, c := range []rune(text) {
		switch c {
		case '\t':
			n := 8 - col%8
			for range n {
				s.runes = append(s.runes, ' ')
				s.orig = append(s.orig, int32(i))
			}
			col += n
			continue
		case '\n', '\r':
			col = -1
		}
		s.runes = append(s.runes, c)
		s.orig = append(s.orig, int32(i))
		col++
	}
	return s
}

// lineCol returns the 1-based line and column of position pos.
func (s *source) lineCol(pos int) (line, col int) {
	idx := pos
	if s.orig != nil {
		if pos < len(s.orig) {
			idx = int(s.orig[pos])
		} else {
			idx = len([]rune(s.text))
		}
	}
	line, col = 1, 1
	i := 0
	for _, c := range s.text {
		if i >= idx {
			break
		}
		i++
		if c == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return line, col
}

func (s *source) errorf(pos int, format string, args ...any) *SyntaxError {
	line, col := s.lineCol(pos)
	return &SyntaxError{Line: line, Column: col, Msg: fmt.Sprintf(format, args...)}
}

// textCtx says where a run of template text stands, which decides what
// ends it and what it may contain.
type textCtx int

const (
	inTop     textCtx = iota // a whole template: ends at the end; assignments allowed
	inOption                 // a variant option: ends at | or }
	inValue                  // a variable value or default, a wrap's text: ends at }
	inWrapper                // a wrap's wrapper: ends at $$
)

type parser struct {
	s     *source
	r     []rune
	pos   int
	end   int
	depth int
}

// parseSource parses src[start:end] as a whole template.
func parseSource(s *source, start, end, depth int) (node, error) {
	p := &parser{s: s, r: s.runes, pos: start, end: end, depth: depth}
	n, err := p.text(inTop)
	if err != nil {
		return nil, err
	}
	return n, nil
}

func (p *parser) errorf(pos int, format string, args ...any) error {
	return p.s.errorf(pos, format, args...)
}

func (p *parser) at(c rune) bool { return p.pos < p.end && p.r[p.pos] == c }

func (p *parser) hasPrefixAt(i int, s string) bool {
	for _, c := range s {
		if i >= p.end || p.r[i] != c {
			return false
		}
		i++
	}
	return true
}

func isWS(c rune) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func (p *parser) skipWS() {
	for p.pos < p.end && isWS(p.r[p.pos]) {
		p.pos++
	}
}

// skipComments skips comments, with the whitespace before each one. A #
// comment may start anywhere; // and /* */ only where a new token starts
// (slash), which is how the library's parser behaves. The newline ending a
// comment is kept.
func (p *parser) skipComments(slash bool) bool {
	skipped := false
	for {
		q := p.pos
		for q < p.end && isWS(p.r[q]) {
			q++
		}
		switch {
		case q < p.end && p.r[q] == '#', slash && p.hasPrefixAt(q, "//"):
			for q < p.end && p.r[q] != '\n' {
				q++
			}
		case slash && p.hasPrefixAt(q, "/*"):
			e := q + 2
			for e < p.end && !p.hasPrefixAt(e, "*/") {
				e++
			}
			if e >= p.end {
				return skipped
			}
			q = e + 2
		default:
			return skipped
		}
		p.pos = q
		skipped = true
		slash = true
	}
}

func (p *parser) enter(pos int) error {
	p.depth++
	if p.depth > MaxDepth {
		return p.errorf(pos, "nesting deeper than %d levels: simplify the template", MaxDepth)
	}
	return nil
}

// text parses template text up to whatever ends it in context ctx and
// returns it as one node.
func (p *parser) text(ctx textCtx) (node, error) {
	var (
		parts   []node
		assigns []*assign
		lit     strings.Builder
	)
	flush := func() {
		if lit.Len() > 0 {
			parts = append(parts, &literal{text: lit.String()})
			lit.Reset()
		}
	}
	add := func(n node) {
		flush()
		parts = append(parts, n)
	}
	boundary := ctx == inTop
loop:
	for p.pos < p.end {
		c := p.r[p.pos]
		if (boundary || c == '#') && p.skipComments(boundary) {
			boundary = true
			continue
		}
		next := rune(0)
		if p.pos+1 < p.end {
			next = p.r[p.pos+1]
		}
		switch {
		case c == '{':
			n, err := p.variant()
			if err != nil {
				return nil, err
			}
			add(n)
		case c == '$' && next == '{':
			n, err := p.variable(ctx == inTop)
			if err != nil {
				return nil, err
			}
			if a, ok := n.(*assign); ok {
				assigns = append(assigns, a)
			} else {
				add(n)
			}
		case c == '$' && next == '$' && ctx == inWrapper:
			break loop
		case c == '$':
			return nil, p.errorf(p.pos, "a bare $ is not allowed (templates have no escapes): use ${name} for a variable, or write the text without $")
		case c == '%' && next == '{':
			n, err := p.wrap()
			if err != nil {
				return nil, err
			}
			add(n)
		case c == '%':
			return nil, p.errorf(p.pos, "a bare %% is not allowed (templates have no escapes): write \"percent\", or use %%{prefix ... suffix$$text} to wrap")
		case c == '_' && next == '_':
			n, err := p.wildcard()
			if err != nil {
				return nil, err
			}
			add(n)
		case (c == '|' || c == '}') && ctx != inTop:
			break loop
		default:
			lit.WriteRune(c)
			p.pos++
			boundary = false
			continue
		}
		boundary = true
	}
	flush()
	if len(assigns) == 0 && len(parts) == 1 {
		return parts[0], nil
	}
	return &seq{parts: parts, assigns: assigns}, nil
}

// variant parses {…} at p.pos.
func (p *parser) variant() (node, error) {
	start := p.pos
	if err := p.enter(start); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	p.pos++
	p.skipWS()
	v := &variant{pos: start, lo: 1, hi: 1, sep: ","}
	if p.pos < p.end {
		v.sampler = samplerChar(p.r[p.pos])
		if v.sampler != inherit {
			p.pos++
		}
	}
	p.bound(v)
	for {
		// Whitespace and comments before an option are dropped, so that a
		// weight may follow them on its own line.
		p.skipWS()
		for p.skipComments(true) {
			p.skipWS()
		}
		w := p.weight()
		n, err := p.text(inOption)
		if err != nil {
			return nil, err
		}
		v.opts = append(v.opts, option{weight: w, n: n})
		if p.pos >= p.end {
			return nil, p.errorf(start, "unbalanced braces: this { is never closed; add a }")
		}
		p.pos++ // | or }
		if p.r[p.pos-1] == '}' {
			break
		}
	}
	v.finish()
	return v, nil
}

func samplerChar(c rune) sampler {
	switch c {
	case '~':
		return random
	case '@':
		return cyclical
	case '!':
		return combinatorial
	}
	return inherit
}

// digits reads an unsigned integer; huge values are clamped, since every
// bound is clamped to the number of options anyway.
func (p *parser) digits() (int, bool) {
	start := p.pos
	n := 0
	for p.pos < p.end && p.r[p.pos] >= '0' && p.r[p.pos] <= '9' {
		if n < 1<<30 {
			n = n*10 + int(p.r[p.pos]-'0')
		}
		p.pos++
	}
	return n, p.pos > start
}

// bound parses N$$, N-M$$, N-$$ or -M$$, with an optional separator and
// a second $$. Anything else leaves p.pos alone: it is option text.
func (p *parser) bound(v *variant) {
	save := p.pos
	lo, hasLo := p.digits()
	hi := lo
	if p.at('-') {
		p.pos++
		var hasHi bool
		hi, hasHi = p.digits()
		if !hasLo && !hasHi {
			p.pos = save
			return
		}
		if !hasLo {
			lo = 1
		}
		if !hasHi {
			hi = -1
		}
	} else if !hasLo {
		p.pos = save
		return
	}
	if !p.hasPrefixAt(p.pos, "$$") {
		p.pos = save
		return
	}
	p.pos += 2
	v.lo, v.hi = lo, hi
	q := p.pos
	for q < p.end && isSepRune(p.r[q]) {
		q++
	}
	if q > p.pos && p.hasPrefixAt(q, "$$") {
		v.sep = string(p.r[p.pos:q])
		p.pos = q + 2
	}
}

func isSepRune(c rune) bool {
	if c == '$' || c == '{' || c == '}' {
		return false
	}
	return c == ' ' || (unicode.IsPrint(c) && !unicode.IsSpace(c))
}

// weight parses "number::" before an option; without one the weight is 1.
func (p *parser) weight() float64 {
	q := p.pos
	for q < p.end && p.r[q] >= '0' && p.r[q] <= '9' {
		q++
	}
	intPart := q > p.pos
	if q < p.end && p.r[q] == '.' {
		f := q + 1
		for f < p.end && p.r[f] >= '0' && p.r[f] <= '9' {
			f++
		}
		if !intPart && f == q+1 {
			return 1
		}
		q = f
	} else if !intPart {
		return 1
	}
	if !p.hasPrefixAt(q, "::") {
		return 1
	}
	w, err := strconv.ParseFloat(string(p.r[p.pos:q]), 64)
	if err != nil {
		return 1
	}
	p.pos = q + 2
	return w
}

func isVarStart(c rune) bool {
	return c == '_' || c == '-' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

func isVarRune(c rune) bool { return isVarStart(c) || (c >= '0' && c <= '9') }

// varName reads a variable name after "${" and optional whitespace.
func (p *parser) varName(start int) (string, error) {
	p.skipWS()
	q := p.pos
	if q >= p.end || !isVarStart(p.r[q]) {
		return "", p.errorf(start, "expected a variable name after ${ (letters, digits, _ and -), as in ${color}")
	}
	for q < p.end && isVarRune(p.r[q]) {
		q++
	}
	name := string(p.r[p.pos:q])
	p.pos = q
	p.skipWS()
	return name, nil
}

// closeBrace expects the } that ends a variable or wrap opened at start.
func (p *parser) closeBrace(start int, what string) error {
	if p.at('}') {
		p.pos++
		return nil
	}
	if p.at('|') {
		return p.errorf(p.pos, "a bare | is not allowed in %s: put the choices in braces, as in ${c={red|blue}}", what)
	}
	if p.pos >= p.end {
		return p.errorf(start, "unbalanced braces: this %s is never closed; add a }", string(p.r[start:start+2]))
	}
	return p.errorf(p.pos, "expected } to close %s", what)
}

// variable parses ${…}: an assignment (where allowed) or a use.
func (p *parser) variable(allowAssign bool) (node, error) {
	start := p.pos
	if err := p.enter(start); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	p.pos += 2
	name, err := p.varName(start)
	if err != nil {
		return nil, err
	}
	switch {
	case p.at('=') || p.hasPrefixAt(p.pos, "?="):
		if !allowAssign {
			return nil, p.errorf(start, "${%s=…} can only stand at the top level of a template or wildcard value, not inside {…}, a value or a wrap: move it to the start", name)
		}
		a := &assign{pos: start, name: name}
		if p.at('?') {
			a.preserve = true
			p.pos++
		}
		p.pos++
		if p.at('!') {
			a.immediate = true
			p.pos++
		}
		p.skipWS()
		if a.val, err = p.text(inValue); err != nil {
			return nil, err
		}
		if err := p.closeBrace(start, "a variable value"); err != nil {
			return nil, err
		}
		return a, nil
	case p.at(':'):
		p.pos++
		p.skipWS()
		defStart := p.pos
		def, err := p.text(inValue)
		if err != nil {
			return nil, err
		}
		empty := p.pos == defStart
		if err := p.closeBrace(start, "a variable default"); err != nil {
			return nil, err
		}
		a := &access{pos: start, name: name, defText: string(p.r[defStart : p.pos-1])}
		if !empty {
			a.def = def
		}
		return a, nil
	case p.at('}'):
		p.pos++
		return &access{pos: start, name: name}, nil
	}
	if p.pos >= p.end {
		return nil, p.errorf(start, "unbalanced braces: this ${ is never closed; add a }")
	}
	return nil, p.errorf(p.pos, "expected }, = or : after ${%s", name)
}

// wrap parses %{wrapper$$inner}.
func (p *parser) wrap() (node, error) {
	start := p.pos
	if err := p.enter(start); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	p.pos += 2
	p.skipWS()
	wrapper, err := p.text(inWrapper)
	if err != nil {
		return nil, err
	}
	if !p.hasPrefixAt(p.pos, "$$") {
		if p.at('|') {
			return nil, p.errorf(p.pos, "a bare | is not allowed in %%{…}: put the choices in braces")
		}
		return nil, p.errorf(start, "%%{…} needs $$ between the wrapper and the text, as in %%{a ... on a hill$$fox}")
	}
	p.pos += 2
	p.skipWS()
	inner, err := p.text(inValue)
	if err != nil {
		return nil, err
	}
	if err := p.closeBrace(start, "%{…}"); err != nil {
		return nil, err
	}
	return &wrap{pos: start, wrapper: wrapper, inner: inner}, nil
}

// wildcard parses __name__, __~name__, __name(k=v)__.
func (p *parser) wildcard() (node, error) {
	start := p.pos
	if err := p.enter(start); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	unterminated := func() error {
		return p.errorf(start, "unterminated wildcard: add the closing __ (a __ always starts a wildcard, as in __colors__)")
	}
	p.pos += 2
	w := &wildcard{pos: start, static: true}
	if p.pos < p.end {
		w.sampler = samplerChar(p.r[p.pos])
		if w.sampler != inherit {
			p.pos++
		}
	}
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			w.parts = append(w.parts, &literal{text: lit.String()})
			lit.Reset()
		}
	}
	for {
		if p.pos >= p.end {
			return nil, unterminated()
		}
		if p.hasPrefixAt(p.pos, "__") {
			break
		}
		c := p.r[p.pos]
		switch {
		case c == '$' && p.hasPrefixAt(p.pos+1, "{"):
			n, err := p.variable(false)
			if err != nil {
				return nil, err
			}
			a := n.(*access)
			nv := &nameVar{name: a.name}
			if a.def != nil {
				// A default inside a name is plain text, trimmed.
				nv.def = strings.TrimSpace(a.defText)
			}
			flush()
			w.parts = append(w.parts, nv)
			w.static = false
		case c == '{':
			n, err := p.variant()
			if err != nil {
				return nil, err
			}
			flush()
			w.parts = append(w.parts, n)
			w.static = false
		case c == '(':
			if err := p.params(w); err != nil {
				return nil, err
			}
			if !p.hasPrefixAt(p.pos, "__") {
				if p.pos >= p.end {
					return nil, unterminated()
				}
				return nil, p.errorf(p.pos, "expected __ right after the wildcard's parameters")
			}
		case c == '#':
			p.skipComments(false)
		case c == '$' || c == '%' || c == ')':
			return nil, p.errorf(p.pos, "%c is not allowed in a wildcard name", c)
		default:
			lit.WriteRune(c)
			p.pos++
		}
	}
	p.pos += 2
	flush()
	if len(w.parts) == 0 {
		return nil, p.errorf(start, "empty wildcard name: write __name__, or avoid ____ in text")
	}
	if w.static {
		w.name = w.parts[0].(*literal).text
		w.parts = nil
		if strings.Contains(w.name, "..") {
			return nil, p.errorf(start, "wildcard __%s__ leaves the wildcards directory: remove the ..", w.name)
		}
	}
	return w, nil
}

// params parses (k=v, k2=v2) after a wildcard name. A value that is plain
// letters and digits is text; anything else is a template.
func (p *parser) params(w *wildcard) error {
	open := p.pos
	p.pos++
	q := p.pos
	for q < p.end && p.r[q] != ')' {
		q++
	}
	if q >= p.end {
		return p.errorf(open, "unclosed ( in the wildcard's parameters: add a )")
	}
	if q == p.pos {
		return p.errorf(open, "empty parameters (): write __name(key=value)__")
	}
	i := p.pos
	for i <= q {
		j := i
		for j < q && p.r[j] != ',' {
			j++
		}
		eq := -1
		for k := i; k < j; k++ {
			if p.r[k] == '=' {
				eq = k
				break
			}
		}
		if eq < 0 {
			return p.errorf(i, "wildcard parameter %q needs a value: write key=value", strings.TrimSpace(string(p.r[i:j])))
		}
		k := strings.TrimSpace(string(p.r[i:eq]))
		if k == "" {
			return p.errorf(i, "wildcard parameter without a name: write key=value")
		}
		vs, ve := eq+1, j
		for vs < ve && unicode.IsSpace(p.r[vs]) {
			vs++
		}
		for ve > vs && unicode.IsSpace(p.r[ve-1]) {
			ve--
		}
		var val node
		if v := string(p.r[vs:ve]); v == "" || isAlnum(v) {
			val = &literal{text: v}
		} else {
			n, err := parseSource(p.s, vs, ve, p.depth)
			if err != nil {
				return err
			}
			val = n
		}
		w.params = append(w.params, param{key: k, val: val})
		i = j + 1
	}
	p.pos = q + 1
	return nil
}

func isAlnum(s string) bool {
	for _, c := range s {
		if !unicode.IsLetter(c) && !unicode.IsDigit(c) {
			return false
		}
	}
	return s != ""
}

package main

import (
	"fmt"
	"io"
	"runtime/debug"
	"strings"
)

// safeWriter escapes the control characters a terminal would act on
// (escape sequences that set the window title or clear the screen, a
// carriage return that overwrites a line, backspaces, bells) as \x1b,
// \r and so on; tabs and newlines pass. Everything easel prints goes
// through one: ideas, prompts, style names and PNG metadata come from
// people, files and services. JSON output is unchanged, since a JSON
// encoder never writes a raw control character.
type safeWriter struct{ w io.Writer }

func (s safeWriter) Write(p []byte) (int, error) {
	start := 0
	for i, c := range p {
		if c >= 0x20 || c == '\n' || c == '\t' {
			continue
		}
		if _, err := s.w.Write(p[start:i]); err != nil {
			return start, err
		}
		if _, err := io.WriteString(s.w, escapeByte(c)); err != nil {
			return i, err
		}
		start = i + 1
	}
	if _, err := s.w.Write(p[start:]); err != nil {
		return start, err
	}
	return len(p), nil
}

// Raw is the writer underneath, for the progress bar's own escapes and
// for telling whether it is a terminal.
func (s safeWriter) Raw() io.Writer { return s.w }

// raw returns the writer under any safeWriter.
func raw(w io.Writer) io.Writer {
	for {
		r, ok := w.(interface{ Raw() io.Writer })
		if !ok {
			return w
		}
		w = r.Raw()
	}
}

func escapeByte(c byte) string {
	switch c {
	case '\n':
		return `\n`
	case '\t':
		return `\t`
	case '\r':
		return `\r`
	case '\b':
		return `\b`
	case '\a':
		return `\a`
	case '\f':
		return `\f`
	case '\v':
		return `\v`
	}
	return fmt.Sprintf(`\x%02x`, c)
}

// termSafe escapes what a field printed on one line must not hold: every
// control character, newlines and tabs too, the C1 controls (U+0080 to
// U+009F, which some terminals obey as escape sequences) and the
// bidirectional overrides that make text read other than it is stored.
func termSafe(s string) string {
	if !strings.ContainsFunc(s, unsafeRune) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x80 && unsafeRune(r):
			b.WriteString(escapeByte(byte(r)))
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func unsafeRune(r rune) bool {
	switch {
	case r == '\n':
		return true
	case r < 0x20 || r == 0x7f:
		return r != ' '
	case r >= 0x80 && r <= 0x9f:
		return true
	case r == 0x200e || r == 0x200f || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069):
		return true
	}
	return false
}

// maxErrorLine is the most of an error message easel prints: a person
// reads a line or two, and the message says where the problem is.
const maxErrorLine = 400

// cutLine shortens s to about n characters, keeping its start (which says
// what and where) and its end (which says the fix), and saying how much
// was cut from the middle.
func cutLine(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	tail := n / 4
	head := n - tail
	return fmt.Sprintf("%s … (%d characters cut) … %s", string(r[:head]), len(r)-head-tail, string(r[len(r)-tail:]))
}

// crashLoudly makes a fatal error the runtime cannot recover from (a
// panic in another goroutine, running out of memory) end the process with
// SIGABRT, as GOTRACEBACK=crash does, instead of exit status 2, which
// easel uses for bad input: a script then tells a crash (status 134) from
// a typo. A panic in the command itself is caught in run and exits 1.
func crashLoudly() { debug.SetTraceback("crash") }

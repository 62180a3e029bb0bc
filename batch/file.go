// Package batch turns a batch file into jobs: it reads the file (one idea
// or template a line, or AUTOMATIC1111 prompts-from-file options), names
// the batch by its file and options, lays out the seeds and expands the
// templates. The queue runs the jobs; this package only makes them.
package batch

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/easel-art/easel"
)

// Line is one job line of a batch file.
type Line struct {
	// Num is the line number in the file (1-based).
	Num int
	// Idea is the line's idea or template (a plain line).
	Idea string
	// Prompt is the prompt to send as it is (an A1111-style --prompt line).
	Prompt string
	// Negative is --negative_prompt.
	Negative string
	// Seed, Steps, Width and Height are the line's own settings; HasSeed
	// tells a given seed 0 from none.
	Seed          int64
	HasSeed       bool
	Steps         int
	Width, Height int
}

// LineOptions lists the per-line options, as in AUTOMATIC1111's
// prompts-from-file script.
var LineOptions = []string{"--prompt", "--negative_prompt", "--seed", "--steps", "--width", "--height"}

// maxProblems bounds how many bad lines one error lists.
const maxProblems = 10

// Parse reads a batch file: one idea (or dynamic-prompt template) a
// line, blank lines and lines starting with # ignored, and lines of
// options in AUTOMATIC1111's prompts-from-file style:
//
//	--prompt "a red fox, oil painting" --negative_prompt "blurry" --seed 7 --steps 30 --width 768 --height 512
//
// Every problem is reported with its line number in one EINVALID error.
func Parse(r io.Reader) ([]Line, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 4*easel.MaxIdeaLen+1024)
	var lines []Line
	var problems []string
	num := 0
	for sc.Scan() {
		num++
		text := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\ufeff"))
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		l, err := parseLine(num, text)
		if err != nil {
			problems = append(problems, err.Error())
			continue
		}
		lines = append(lines, l)
	}
	if err := sc.Err(); err != nil {
		if err == bufio.ErrTooLong {
			return nil, easel.Errorf(easel.EINVALID, "line %d is too long: an idea is at most %d characters", num+1, easel.MaxIdeaLen)
		}
		return nil, fmt.Errorf("read batch: %w", err)
	}
	if len(problems) > 0 {
		total, more := len(problems), ""
		if total > maxProblems {
			more = fmt.Sprintf("\n  … and %d more", total-maxProblems)
			problems = problems[:maxProblems]
		}
		return nil, easel.Errorf(easel.EINVALID, "the batch file has %s (fix them and run again):\n  %s%s", plural(total, "bad line"), strings.Join(problems, "\n  "), more)
	}
	if len(lines) == 0 {
		return nil, easel.Errorf(easel.EINVALID, "the batch file has no ideas: write one idea a line (# starts a comment)")
	}
	return lines, nil
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// parseLine parses one non-empty, non-comment line.
func parseLine(num int, text string) (Line, error) {
	l := Line{Num: num}
	if !strings.HasPrefix(text, "--") {
		if err := easel.ValidateIdeaText(text); err != nil {
			return l, fmt.Errorf("line %d: %s", num, easel.ErrorMessage(err))
		}
		l.Idea = text
		return l, nil
	}
	words, err := splitWords(text)
	if err != nil {
		return l, fmt.Errorf("line %d: %v", num, err)
	}
	seen := map[string]bool{}
	for i := 0; i < len(words); i++ {
		w := words[i]
		if !strings.HasPrefix(w, "--") {
			return l, fmt.Errorf("line %d: %q is not an option: write --prompt \"…\" and the other options as --name value", num, w)
		}
		name, value, hasValue := strings.Cut(w, "=")
		if !isOption(name) {
			return l, fmt.Errorf("line %d: unknown option %s: use %s", num, name, strings.Join(LineOptions, ", "))
		}
		if seen[name] {
			return l, fmt.Errorf("line %d: %s is given twice", num, name)
		}
		seen[name] = true
		if !hasValue {
			if i+1 >= len(words) {
				return l, fmt.Errorf("line %d: %s needs a value", num, name)
			}
			i++
			value = words[i]
		}
		if err := l.set(name, value); err != nil {
			return l, fmt.Errorf("line %d: %v", num, err)
		}
	}
	if l.Prompt == "" {
		return l, fmt.Errorf("line %d: an options line needs --prompt \"…\"", num)
	}
	if (l.Width == 0) != (l.Height == 0) {
		return l, fmt.Errorf("line %d: give --width and --height together", num)
	}
	if l.Width != 0 {
		if err := (easel.Size{Width: l.Width, Height: l.Height}).Validate(); err != nil {
			return l, fmt.Errorf("line %d: %s", num, easel.ErrorMessage(err))
		}
	}
	return l, nil
}

func isOption(name string) bool {
	for _, o := range LineOptions {
		if o == name {
			return true
		}
	}
	return false
}

func (l *Line) set(name, value string) error {
	number := func(lo, hi int64) (int64, error) {
		n, err := strconv.ParseInt(value, 10, 64)
		if err != nil || n < lo || n > hi {
			return 0, fmt.Errorf("%s %q is not a whole number from %d to %d", name, value, lo, hi)
		}
		return n, nil
	}
	switch name {
	case "--prompt":
		if err := easel.ValidateIdeaText(value); err != nil {
			return fmt.Errorf("--prompt: %s", easel.ErrorMessage(err))
		}
		l.Prompt = value
	case "--negative_prompt":
		l.Negative = value
	case "--seed":
		// A1111 takes -1 for a random seed: the batch then picks one.
		n, err := number(-1, 1<<53)
		if err != nil {
			return err
		}
		if n >= 0 {
			l.Seed, l.HasSeed = n, true
		}
	case "--steps":
		n, err := number(1, 500)
		if err != nil {
			return err
		}
		l.Steps = int(n)
	case "--width", "--height":
		n, err := number(easel.MinSide, easel.MaxSide)
		if err != nil {
			return err
		}
		if name == "--width" {
			l.Width = int(n)
		} else {
			l.Height = int(n)
		}
	}
	return nil
}

// splitWords splits a line as a POSIX shell would (Python's shlex, which
// A1111 uses): spaces separate words; single quotes keep everything;
// double quotes keep everything but \" and \\; a backslash outside quotes
// escapes the next character.
func splitWords(s string) ([]string, error) {
	var words []string
	var b strings.Builder
	inWord := false
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == ' ' || r == '\t':
			if inWord {
				words = append(words, b.String())
				b.Reset()
				inWord = false
			}
		case r == '\'':
			inWord = true
			j := i + 1
			for j < len(rs) && rs[j] != '\'' {
				j++
			}
			if j >= len(rs) {
				return nil, fmt.Errorf("a single quote is not closed")
			}
			b.WriteString(string(rs[i+1 : j]))
			i = j
		case r == '"':
			inWord = true
			j := i + 1
			for ; j < len(rs) && rs[j] != '"'; j++ {
				if rs[j] == '\\' && j+1 < len(rs) && (rs[j+1] == '"' || rs[j+1] == '\\') {
					j++
				}
				b.WriteRune(rs[j])
			}
			if j >= len(rs) {
				return nil, fmt.Errorf("a double quote is not closed")
			}
			i = j
		case r == '\\':
			inWord = true
			if i+1 < len(rs) {
				i++
				b.WriteRune(rs[i])
			}
		default:
			inWord = true
			b.WriteRune(r)
		}
	}
	if inWord {
		words = append(words, b.String())
	}
	return words, nil
}

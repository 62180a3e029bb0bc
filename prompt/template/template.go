package template

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"iter"
	"log/slog"
	"sort"
	"strings"

	"github.com/easel-art/easel"
)

// Mode is a sampler: how a template's prompts are produced.
type Mode string

const (
	// Combinatorial lists every prompt, in the library's order.
	Combinatorial Mode = "combinatorial"
	// Random draws each prompt at random (seeded, weighted).
	Random Mode = "random"
	// Cyclical steps every part in lockstep, round-robin, without end.
	Cyclical Mode = "cyclical"
)

// DefaultMax is the combinatorial sampler's default cap on the number of
// prompts, the library's MAX_IMAGES.
const DefaultMax = 1000

// ParseMode parses a mode name as typed on the command line.
func ParseMode(s string) (Mode, error) {
	switch m := Mode(strings.ToLower(strings.TrimSpace(s))); m {
	case Combinatorial, Random, Cyclical:
		return m, nil
	case "":
		return Combinatorial, nil
	}
	return "", fmt.Errorf("unknown mode %q: use combinatorial, random or cyclical", s)
}

func (m Mode) sampler() (sampler, error) {
	switch m {
	case Combinatorial, "":
		return combinatorial, nil
	case Random:
		return random, nil
	case Cyclical:
		return cyclical, nil
	}
	return inherit, fmt.Errorf("unknown mode %q: use combinatorial, random or cyclical", m)
}

// Options control one expansion.
type Options struct {
	// Mode is the sampler; empty means Combinatorial.
	Mode Mode
	// Count is how many prompts: for Combinatorial a cap (0 means
	// DefaultMax, negative means none); for Random and Cyclical the number
	// produced (0 means 1).
	Count int
	// Seed seeds the random sampler, also used by {~…} parts of the
	// others. The same seed gives the same prompts.
	Seed int64
	// Wildcards is the directory of wildcard files (.txt, .yaml, .json),
	// for example os.DirFS(dir). Nil means no wildcards: every __name__ is
	// left as written.
	Wildcards fs.FS
	// Variables are preset variables, each a template stored unevaluated,
	// as if assigned before the template.
	Variables map[string]string
	// IgnoreWhitespace squashes every run of whitespace in a prompt to one
	// space and trims the ends.
	IgnoreWhitespace bool
	// MaxLen bounds each prompt's length in characters, checked as it
	// grows; 0 means DefaultMaxLen. A template that expands past it (one
	// whose variables or wildcards multiply) is an error.
	MaxLen int
	// Log receives warnings (a missing wildcard, a wrap without marker);
	// nil discards them.
	Log *slog.Logger
}

// Template is a parsed template, ready to expand any number of times. It
// is not changed by expanding it, so it is safe for concurrent use.
type Template struct {
	src  string
	s    *source
	root node // nil for the empty template, which has no prompts
}

// Parse parses a template. Errors are *SyntaxError.
func Parse(src string) (*Template, error) {
	t := &Template{src: src, s: newSource(src)}
	if src == "" {
		return t, nil
	}
	n, err := parseSource(t.s, 0, len(t.s.runes), 0)
	if err != nil {
		return nil, err
	}
	t.root = n
	return t, nil
}

// String returns the template as written.
func (t *Template) String() string { return t.src }

// IsLiteral reports whether the template is plain text: no variants,
// wildcards, variables or wraps (comments aside), so that it expands to
// itself.
func (t *Template) IsLiteral() bool {
	_, ok := t.root.(*literal)
	return ok && t.root.(*literal).text == t.src
}

// Prompts returns the template's prompts as a stream. Combinatorial
// listings run in constant memory whatever their length. An error ends
// the stream: it is the last pair, with an empty prompt. Errors in the
// template are *SyntaxError; Validate finds them before any prompt.
func (t *Template) Prompts(ctx context.Context, opts Options) iter.Seq2[string, error] {
	return func(yield func(string, error) bool) {
		mode, err := opts.Mode.sampler()
		if err != nil {
			yield("", err)
			return
		}
		if t.root == nil {
			return
		}
		r := newRun(ctx, newLibrary(opts.Wildcards), opts.Seed, opts.Log)
		if opts.MaxLen > 0 {
			r.maxLen = opts.MaxLen
		}
		e := env{mode: mode, src: t.s}
		if e, err = r.presets(opts.Variables, e); err != nil {
			yield("", err)
			return
		}
		if err := t.checkVars(e.vars); err != nil {
			yield("", err)
			return
		}
		emit := func(s string) bool {
			if !r.fitsString(e, s) {
				return false
			}
			r.nextPrompt()
			if opts.IgnoreWhitespace {
				s = strings.Join(strings.Fields(s), " ")
			}
			return yield(s, nil)
		}
		stopped := false
		if mode == combinatorial {
			limit := opts.Count
			if limit == 0 {
				limit = DefaultMax
			}
			count := 0
			r.list(t.root, e, func(s string) bool {
				if !r.tick() {
					return false
				}
				count++
				if !emit(s) {
					stopped = r.err == nil
					return false
				}
				return limit < 0 || count < limit
			})
		} else {
			n := max(opts.Count, 1)
			g := r.gen(t.root, e)
			for range n {
				if err := ctx.Err(); err != nil && r.err == nil {
					r.err = err
				}
				v, ok := g.next()
				if !ok || r.err != nil {
					break
				}
				if !emit(v) {
					stopped = r.err == nil
					break
				}
			}
		}
		if r.err != nil && !stopped {
			yield("", r.err)
		}
	}
}

// Validate expands the template as Prompts would and returns the first
// error, without keeping any prompt: run it before printing anything, so
// that a template that fails half-way prints nothing. With the same
// Options (and so the same seed) the expansion is the same.
func (t *Template) Validate(ctx context.Context, opts Options) error {
	for _, err := range t.Prompts(ctx, opts) {
		if err != nil {
			return err
		}
	}
	return nil
}

// Expand expands src with the random sampler into n prompts (at least
// one), seeded by opts.Seed; opts.Mode and opts.Count are ignored. It is
// what `easel imagine --template` and `easel prompt --template` use.
// Errors in the template are easel errors (EINVALID) whose message reads
// "template: column N: …".
func Expand(ctx context.Context, src string, n int, opts Options) ([]string, error) {
	t, err := Parse(src)
	if err != nil {
		return nil, UserError(err)
	}
	opts.Mode = Random
	opts.Count = max(n, 1)
	out := make([]string, 0, opts.Count)
	for p, err := range t.Prompts(ctx, opts) {
		if err != nil {
			return nil, UserError(err)
		}
		out = append(out, p)
	}
	return out, nil
}

// UserError turns an error from this package into the easel error a
// person sees: "template: column N: …" with code EINVALID. Cancellation
// is passed through unchanged.
func UserError(err error) error {
	if err == nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	var ee *easel.Error
	if errors.As(err, &ee) {
		return err
	}
	return &easel.Error{Code: easel.EINVALID, Message: "template: " + err.Error(), Err: err}
}

// presets binds the preset variables, each parsed as a template.
func (r *run) presets(vars map[string]string, e env) (env, error) {
	names := make([]string, 0, len(vars))
	for k := range vars {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		s := newSource(vars[k])
		var n node = &literal{}
		if vars[k] != "" {
			var err error
			if n, err = parseSource(s, 0, len(s.runes), 0); err != nil {
				return e, fmt.Errorf("preset variable %s: %w", k, err)
			}
		}
		org := &origin{src: e.src, name: k, preset: true}
		e.vars = &binding{name: k, n: n, src: s, org: org, next: e.vars}
	}
	return e, nil
}

// checkVars finds, before anything is generated, a variable used at the
// top level of the template that nothing defines: the library would fail
// on it while generating. Values of assignments are left alone, since a
// variable's value is expanded where it is used and may rely on variables
// defined there.
func (t *Template) checkVars(presets *binding) error {
	defined := func(name string) bool { return presets.lookup(name) != nil }
	var top []*assign
	if s, ok := t.root.(*seq); ok {
		top = s.assigns
	}
	// Immediate values are expanded before the template's own variables
	// exist, so only presets count for them.
	for _, a := range top {
		if a.immediate {
			if err := t.walkVars(a.val, defined); err != nil {
				return err
			}
		}
	}
	inTop := func(name string) bool {
		for _, a := range top {
			if a.name == name {
				return true
			}
		}
		return defined(name)
	}
	if s, ok := t.root.(*seq); ok {
		for _, p := range s.parts {
			if err := t.walkVars(p, inTop); err != nil {
				return err
			}
		}
		return nil
	}
	return t.walkVars(t.root, inTop)
}

func (t *Template) walkVars(n node, defined func(string) bool) error {
	switch n := n.(type) {
	case *seq:
		for _, p := range n.parts {
			if err := t.walkVars(p, defined); err != nil {
				return err
			}
		}
	case *variant:
		for _, o := range n.opts {
			if err := t.walkVars(o.n, defined); err != nil {
				return err
			}
		}
	case *wildcard:
		for _, p := range n.parts {
			if v, ok := p.(*variant); ok {
				if err := t.walkVars(v, defined); err != nil {
					return err
				}
			}
		}
	case *access:
		if defined(n.name) {
			return nil
		}
		if n.def == nil {
			return t.s.errorf(n.pos, "undefined variable ${%s}: set it first with ${%[1]s=…} or give a default, ${%[1]s:…}", n.name)
		}
		return t.walkVars(n.def, defined)
	case *wrap:
		if err := t.walkVars(n.wrapper, defined); err != nil {
			return err
		}
		return t.walkVars(n.inner, defined)
	}
	return nil
}

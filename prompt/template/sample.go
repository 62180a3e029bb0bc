package template

import (
	"context"
	"fmt"
	"hash/maphash"
	"log/slog"
	"math/rand/v2"
	"strconv"
	"strings"
)

// run is the state of one generation: the wildcard library, the random
// source, caches, and the first error, which stops everything.
type run struct {
	ctx   context.Context
	lib   *library
	rng   *rand.Rand
	log   *slog.Logger
	err   error
	ticks uint
	// Bounds on the current prompt (limits.go).
	maxLen, work, gens, live int
	parsed                   map[string]*parsedValue
	warned                   map[string]bool
	seed1                    maphash.Seed
	seed2                    maphash.Seed
}

func newRun(ctx context.Context, lib *library, seed int64, log *slog.Logger) *run {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &run{
		maxLen: DefaultMaxLen,
		ctx:    ctx,
		lib:    lib,
		rng:    rand.New(rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15)),
		log:    log,
		parsed: map[string]*parsedValue{},
		warned: map[string]bool{},
		seed1:  maphash.MakeSeed(),
		seed2:  maphash.MakeSeed(),
	}
}

// parsedValue is a wildcard value parsed once per run.
type parsedValue struct {
	n   node // nil for an empty value
	src *source
	key string
	err error
}

// origin is the wildcard call that led into a wildcard value, so that an
// error deep inside one can say where it came from in the template.
type origin struct {
	parent *origin
	src    *source // the text holding the call
	at     int     // the call's position in src
	name   string  // the wildcard's name, or the preset variable's
	preset bool
}

// binding is one variable in scope; the newest binding of a name wins.
// src and org are where its value was written.
type binding struct {
	name string
	n    node
	src  *source
	org  *origin
	next *binding
}

func (b *binding) lookup(name string) *binding {
	for ; b != nil; b = b.next {
		if b.name == name {
			return b
		}
	}
	return nil
}

// guard lists the variables being expanded, to catch self-reference.
type guard struct {
	name string
	next *guard
}

func (g *guard) has(name string) bool {
	for ; g != nil; g = g.next {
		if g.name == name {
			return true
		}
	}
	return false
}

// env is what a node is expanded in: the sampler in force, the variables,
// the nesting depth and where the node's text comes from.
type env struct {
	mode  sampler
	vars  *binding
	guard *guard
	depth int
	src   *source
	org   *origin
}

// fail records the first error, placed at pos in e's text and prefixed by
// the wildcard calls that led there. It returns false for convenience.
func (r *run) fail(e env, pos int, format string, args ...any) bool {
	if r.err != nil {
		return false
	}
	r.err = chainError(e.src, e.org, pos, fmt.Sprintf(format, args...))
	return false
}

func chainError(src *source, org *origin, pos int, msg string) *SyntaxError {
	// A person reads the outermost calls (where the template went wrong)
	// and the innermost (where the error is); a deep chain, such as a
	// wildcard that includes itself, keeps those and counts the rest.
	depth := 0
	for o := org; o != nil; o = o.parent {
		depth++
	}
	for i := 0; org != nil; i++ {
		line, col := src.lineCol(pos)
		where := fmt.Sprintf("column %d", col)
		if line > 1 {
			where = fmt.Sprintf("line %d, column %d", line, col)
		}
		switch {
		case depth > 4 && i >= 2 && i < depth-2:
			if i == 2 {
				msg = fmt.Sprintf("… %d wildcard or variable levels …: %s", depth-4, msg)
			}
		case org.preset:
			msg = fmt.Sprintf("in preset variable %s = %s, %s: %s", org.name, quoteShort(src.text), where, msg)
		default:
			msg = fmt.Sprintf("in __%s__ value %s, %s: %s", org.name, quoteShort(src.text), where, msg)
		}
		src, pos, org = org.src, org.at, org.parent
	}
	line, col := src.lineCol(pos)
	return &SyntaxError{Line: line, Column: col, Msg: msg}
}

// quoteShort quotes a value for an error, cut to what a person reads.
func quoteShort(s string) string {
	if r := []rune(s); len(r) > 60 {
		return strconv.Quote(string(r[:57])) + "…"
	}
	return strconv.Quote(s)
}

// tick checks for cancellation now and then; it returns false once the
// run must stop.
func (r *run) tick() bool {
	r.ticks++
	if r.ticks&1023 == 0 && r.err == nil {
		if err := r.ctx.Err(); err != nil {
			r.err = err
		}
	}
	return r.err == nil
}

func (r *run) warn(msg, name string) {
	if k := msg + "\x00" + name; !r.warned[k] {
		r.warned[k] = true
		r.log.Warn(msg, "name", name)
	}
}

// deeper enters one more level of wildcard or variable expansion.
func (r *run) deeper(e env, pos int) (env, bool) {
	e.depth++
	if e.depth > MaxDepth {
		return e, r.fail(e, pos, "recursion deeper than %d levels: a wildcard or variable probably refers to itself", MaxDepth)
	}
	return e, true
}

// effective is the sampler a node with sampler own gets under parent. A
// combinatorial part cannot live inside a random or cyclical one: it
// keeps the parent's sampler, as in the library.
func (r *run) effective(parent, own sampler) sampler {
	if own == inherit || own == parent {
		return parent
	}
	if !parent.finite() && own.finite() {
		r.warn("template: {!…} inside a random or cyclical part uses that part's sampler", "!")
		return parent
	}
	return own
}

// assign evaluates a sequence's assignments in order, in the enclosing
// scope, and returns the scope for the rest of the sequence.
func (r *run) assign(as []*assign, e env) (env, bool) {
	vars := e.vars
	for _, a := range as {
		if a.preserve {
			if b := e.vars.lookup(a.name); b != nil {
				vars = &binding{name: a.name, n: b.n, src: b.src, org: b.org, next: vars}
				continue
			}
		}
		b := &binding{name: a.name, n: a.val, src: e.src, org: e.org, next: vars}
		if _, lit := a.val.(*literal); a.immediate && !lit {
			v, ok := r.first(a.val, e)
			if !ok && r.err != nil {
				return e, false
			}
			b.n = &literal{text: v}
		}
		vars = b
	}
	e.vars = vars
	return e, true
}

// first returns n's first prompt under e's sampler: the start of the
// listing for combinatorial, one draw otherwise.
func (r *run) first(n node, e env) (string, bool) {
	if e.mode == combinatorial {
		var out string
		got := false
		r.list(n, e, func(s string) bool {
			out, got = s, true
			return false
		})
		return out, got && r.err == nil
	}
	return r.gen(n, e).next()
}

// resolveVar finds what ${name} stands for and the env to expand it in.
func (r *run) resolveVar(a *access, e env) (node, env, bool) {
	b := e.vars.lookup(a.name)
	if b == nil {
		if a.def == nil {
			return nil, e, r.fail(e, a.pos, "undefined variable ${%s}: set it first with ${%[1]s=…} or give a default, ${%[1]s:…}", a.name)
		}
		e.guard = &guard{name: a.name, next: e.guard}
		return a.def, e, true
	}
	if e.guard.has(a.name) {
		return nil, e, r.fail(e, a.pos, "variable ${%s} refers to itself: its value cannot use ${%[1]s}", a.name)
	}
	e, ok := r.deeper(e, a.pos)
	if !ok {
		return nil, e, false
	}
	e.guard = &guard{name: a.name, next: e.guard}
	e.src, e.org = b.src, b.org
	return b.n, e, true
}

// withParams adds a wildcard's parameters as unevaluated variables.
func withParams(w *wildcard, e env) env {
	for _, p := range w.params {
		e.vars = &binding{name: p.key, n: p.val, src: e.src, org: e.org, next: e.vars}
	}
	return e
}

// wildcardName returns the name a wildcard refers to, expanding the
// variables and variants in it once.
func (r *run) wildcardName(w *wildcard, e env) (string, bool) {
	if w.static {
		return w.name, true
	}
	var b strings.Builder
	for _, p := range w.parts {
		switch p := p.(type) {
		case *literal:
			b.WriteString(p.text)
		case *nameVar:
			bnd := e.vars.lookup(p.name)
			switch {
			case bnd != nil:
				n, e2, ok := r.resolveVar(&access{pos: w.pos, name: p.name}, e)
				if !ok {
					return "", false
				}
				v, ok := r.first(n, e2)
				if !ok && r.err != nil {
					return "", false
				}
				b.WriteString(v)
			case p.def != "":
				b.WriteString(p.def)
			default:
				// An undefined variable in a name stands for its own name.
				b.WriteString(p.name)
			}
		default:
			v, ok := r.first(p, e)
			if !ok && r.err != nil {
				return "", false
			}
			b.WriteString(v)
		}
	}
	name := b.String()
	if strings.Contains(name, "..") {
		return "", r.fail(e, w.pos, "wildcard __%s__ leaves the wildcards directory: remove the ..", name)
	}
	return name, true
}

// values returns a wildcard's values, or none with a warning.
func (r *run) values(name string) ([]item, bool) {
	vals, err := r.lib.values(cleanName(name))
	if err != nil {
		if r.err == nil {
			r.err = err
		}
		return nil, false
	}
	if len(vals) == 0 {
		r.warn("template: no values for wildcard, left as written", name)
	}
	return vals, true
}

// parse parses a wildcard value once per run. A value that does not parse
// is an error at the wildcard that used it.
func (r *run) parse(text, name string, e env, pos int) (*parsedValue, bool) {
	pv, ok := r.parsed[text]
	if !ok {
		src := newSource(text)
		pv = &parsedValue{src: src}
		if text != "" {
			pv.n, pv.err = parseSource(src, 0, len(src.runes), 0)
			if pv.err == nil {
				pv.key = key(pv.n)
			}
		}
		r.parsed[text] = pv
	}
	if pv.err != nil {
		return nil, r.fail(e, pos, "in __%s__ value %q, %v", name, text, pv.err)
	}
	return pv, true
}

// call prepares the expansion of a wildcard's values: parameters bound,
// one level deeper, with an origin for errors.
func (r *run) call(w *wildcard, name string, e env) (env, bool) {
	e2, ok := r.deeper(e, w.pos)
	if !ok {
		return e2, false
	}
	e2.org = &origin{parent: e.org, src: e.src, at: w.pos, name: name}
	return e2, true
}

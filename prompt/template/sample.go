package template

import (
	"context"
	"fmt"
	"hash/maphash"
	"log/slog"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
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

// ---- combinatorial: listing by callbacks ----

type yieldFn = func(string) bool

// list lists n's prompts in the combinatorial sampler's order. It returns
// false when yield asked to stop or the run failed. A part pinned to the
// random or cyclical sampler gives its values without end.
func (r *run) list(n node, e env, yield yieldFn) bool {
	if !r.enter(e) {
		r.leave()
		return false
	}
	defer r.leave()
	if own := samplerOf(n); own == random || own == cyclical {
		e.mode = own
		g := r.gen(n, e)
		for {
			v, ok := g.next()
			if !ok {
				return r.err == nil
			}
			if !yield(v) {
				return false
			}
		}
	}
	switch n := n.(type) {
	case *literal:
		return yield(n.text)
	case *seq:
		return r.listSeq(n, e, yield)
	case *variant:
		os, e2, ok := r.variantOptions(n, e)
		if !ok {
			return false
		}
		return r.listOptions(&os, e2, yield)
	case *wildcard:
		return r.listWildcard(n, e, yield)
	case *access:
		n2, e2, ok := r.resolveVar(n, e)
		if !ok {
			return false
		}
		return r.list(n2, e2, yield)
	case *wrap:
		return r.list(n.wrapper, e, func(wv string) bool {
			pre, suf := r.splitWrapper(wv)
			return r.list(n.inner, e, func(iv string) bool {
				return yield(pre + iv + suf)
			})
		})
	}
	return true
}

// seqLister lists a sequence as an odometer: the leftmost part varies
// slowest. Parts pinned to random or cyclical keep one generator and give
// one value a prompt. The text so far lives in one buffer.
type seqLister struct {
	r     *run
	parts []node
	gens  []gen
	e     env
	buf   []byte
	yield yieldFn
}

func (r *run) listSeq(s *seq, e env, yield yieldFn) bool {
	e, ok := r.assign(s.assigns, e)
	if !ok {
		return false
	}
	l := &seqLister{r: r, parts: s.parts, e: e, yield: yield}
	for i, p := range s.parts {
		if sp := samplerOf(p); sp == random || sp == cyclical {
			if l.gens == nil {
				l.gens = make([]gen, len(s.parts))
			}
			pe := e
			pe.mode = sp
			l.gens[i] = r.gen(p, pe)
			if r.err != nil {
				return false
			}
		}
	}
	return l.rec(0)
}

func (l *seqLister) rec(i int) bool {
	for i < len(l.parts) {
		lit, ok := l.parts[i].(*literal)
		if !ok {
			break
		}
		l.buf = append(l.buf, lit.text...)
		i++
	}
	if !l.r.fits(l.e, l.buf) {
		return false
	}
	if i == len(l.parts) {
		return l.yield(string(l.buf))
	}
	mark := len(l.buf)
	if l.gens != nil && l.gens[i] != nil {
		v, ok := l.gens[i].next()
		if !ok {
			return l.r.err == nil
		}
		l.buf = append(l.buf, v...)
		return l.r.fits(l.e, l.buf) && l.rec(i+1)
	}
	return l.r.list(l.parts[i], l.e, func(v string) bool {
		l.buf = append(l.buf[:mark], v...)
		return l.r.fits(l.e, l.buf) && l.rec(i+1)
	})
}

// optSet is a variant's options as the samplers see them: those written
// in braces, or a wildcard's values when the variant's only option is a
// wildcard ({2$$__colors__}).
type optSet struct {
	opts   []option
	keys   []string
	uniq   []int
	allLit bool
	lo, hi int
	sep    string
	// For options made from wildcard values: their texts, and the env to
	// expand them in (one level deeper, with the call's origin).
	srcs  []*source
	inner env
}

// envFor returns the env to expand option i in.
func (os *optSet) envFor(e env, i int) env {
	if os.srcs == nil {
		return e
	}
	in := os.inner
	in.mode = e.mode
	in.src = os.srcs[i]
	return in
}

func plainOptions(v *variant) optSet {
	return optSet{opts: v.opts, keys: v.keys, uniq: v.uniq, allLit: v.allLit, lo: v.lo, hi: v.hi, sep: v.sep}
}

// variantOptions returns the options a variant stands for.
func (r *run) variantOptions(v *variant, e env) (optSet, env, bool) {
	if len(v.opts) == 1 {
		if w, ok := v.opts[0].n.(*wildcard); ok {
			return r.wildcardOptions(w, e, v.lo, v.hi, v.sep)
		}
	}
	return plainOptions(v), e, true
}

// wildcardOptions turns a wildcard into a variant over its values, with
// the bounds clamped to the number of values, so that {2$$__colors__}
// picks two different colours.
func (r *run) wildcardOptions(w *wildcard, e env, lo, hi int, sep string) (optSet, env, bool) {
	e = withParams(w, e)
	name, ok := r.wildcardName(w, e)
	if !ok {
		return optSet{}, e, false
	}
	vals, ok := r.values(name)
	if !ok {
		return optSet{}, e, false
	}
	inner, ok := r.call(w, name, e)
	if !ok {
		return optSet{}, e, false
	}
	os := optSet{sep: sep, inner: inner, allLit: true}
	seen := map[string]bool{}
	for _, it := range vals {
		for range int(it.weight) {
			pv, ok := r.parse(it.text, name, e, w.pos)
			if !ok {
				return optSet{}, e, false
			}
			var n node = &seq{}
			k := "S()"
			if pv.n != nil {
				n, k = pv.n, pv.key
			}
			i := len(os.opts)
			os.opts = append(os.opts, option{weight: 1, n: n})
			os.keys = append(os.keys, k)
			os.srcs = append(os.srcs, pv.src)
			if !seen[k] {
				seen[k] = true
				os.uniq = append(os.uniq, i)
				if _, lit := n.(*literal); !lit {
					os.allLit = false
				}
			}
		}
	}
	nv := len(os.opts)
	if hi < 0 {
		hi = nv
	}
	os.lo, os.hi = min(lo, nv), min(hi, nv)
	// A wildcard whose only value is another wildcard: convert again.
	if nv == 1 {
		if w2, ok := os.opts[0].n.(*wildcard); ok {
			in := os.envFor(e, 0)
			return r.wildcardOptions(w2, in, os.lo, os.hi, sep)
		}
	}
	return os, e, true
}

// bounds clamps a variant's bounds to n options, as the library does at
// sampling time: hi < 0 means n; reversed bounds are swapped.
func bounds(lo, hi, n int) (int, int) {
	if hi < 0 {
		hi = n
	}
	if lo > hi {
		lo, hi = hi, lo
	}
	lo = max(lo, 0)
	hi = min(hi, n)
	lo = min(lo, hi)
	return lo, hi
}

// listOptions lists a variant: for each count k from lo to hi, each
// ordered choice of k different options, each combination of their
// prompts; repeated texts and repeated tuples are skipped.
func (r *run) listOptions(os *optSet, e env, yield yieldFn) bool {
	if len(os.opts) == 0 {
		return true
	}
	lo, hi := bounds(os.lo, os.hi, len(os.opts))
	keys := make([]string, len(os.uniq))
	for i, u := range os.uniq {
		keys[i] = os.keys[u]
	}
	p := &product{r: r, os: os, e: e, yield: yield}
	if !os.allLit {
		p.seen = map[[2]uint64]struct{}{}
	}
	it := permIter{keys: keys, distinct: len(keys)}
	for k := lo; k <= hi; k++ {
		it.reset(k)
		p.combo = slices.Grow(p.combo[:0], k)[:k]
		p.frags = slices.Grow(p.frags[:0], k)[:k]
		p.gens = slices.Grow(p.gens[:0], k)[:k]
		for it.step() {
			for j, u := range it.idx {
				p.combo[j] = os.uniq[u]
			}
			if !p.rec(0) {
				if !p.exhausted || p.r.err != nil {
					return false
				}
				p.exhausted, p.rejects = false, 0 // on to the next choice
			}
		}
	}
	return true
}

// product walks the combinations of the prompts of one ordered choice of
// options, leftmost slowest.
type product struct {
	r       *run
	os      *optSet
	e       env
	combo   []int
	frags   []string
	gens    []gen
	scratch []string
	seen    map[[2]uint64]struct{}
	yield   yieldFn
	// rejects counts repeats skipped in a row; past maxRejects the
	// variant's listing ends (exhausted), rather than spin for ever on a
	// random part that keeps giving what was seen.
	rejects   int
	exhausted bool
}

const maxRejects = 100_000

func (p *product) rec(i int) bool {
	if i == len(p.combo) {
		return p.leaf()
	}
	o := p.os.opts[p.combo[i]]
	e := p.os.envFor(p.e, p.combo[i])
	if sp := samplerOf(o.n); sp == random || sp == cyclical {
		// Pinned options give one value per emitted tuple, from a
		// generator made afresh each time this level is entered.
		e.mode = sp
		p.gens[i] = p.r.gen(o.n, e)
		if p.r.err != nil {
			return false
		}
		return p.rec(i + 1)
	}
	p.gens[i] = nil
	return p.r.list(o.n, e, func(v string) bool {
		p.frags[i] = v
		return p.rec(i + 1)
	})
}

func (p *product) leaf() bool {
	for j := len(p.combo) - 1; j >= 0; j-- {
		if g := p.gens[j]; g != nil {
			v, ok := g.next()
			if !ok {
				return p.r.err == nil
			}
			p.frags[j] = v
		}
	}
	frags := p.frags
	if p.seen != nil {
		d := p.scratch[:0]
		for _, f := range frags {
			if !slices.Contains(d, f) {
				d = append(d, f)
			}
		}
		p.scratch = d
		if len(d) != len(frags) {
			return p.reject()
		}
		h := p.hash(d)
		if _, dup := p.seen[h]; dup {
			return p.reject()
		}
		p.seen[h] = struct{}{}
	}
	p.rejects = 0
	s := joined(frags, p.os.sep)
	return p.r.fitsString(p.e, s) && p.yield(s)
}

func (p *product) reject() bool {
	p.rejects++
	p.r.gens = 0 // the rejected tuple's generators are garbage now
	if p.rejects > maxRejects {
		p.r.warn("template: a variant keeps repeating itself (a random part inside it?); its listing ends here", "")
		p.exhausted = true
		return false
	}
	return p.r.tick()
}

// hash identifies a tuple of texts by 128 bits, so that the set of tuples
// seen costs 16 bytes an entry whatever the texts' length.
func (p *product) hash(frags []string) [2]uint64 {
	var h1, h2 maphash.Hash
	h1.SetSeed(p.r.seed1)
	h2.SetSeed(p.r.seed2)
	for _, f := range frags {
		h1.WriteString(f)
		h1.WriteByte(0xff) // never in UTF-8 text
		h2.WriteString(f)
		h2.WriteByte(0xff)
	}
	return [2]uint64{h1.Sum64(), h2.Sum64()}
}

// joined joins a variant's picks: one is returned as is; several are
// joined with sep, less one leading and one trailing sep, which is how an
// empty pick avoids a dangling separator.
func joined(frags []string, sep string) string {
	switch len(frags) {
	case 0:
		return ""
	case 1:
		return frags[0]
	}
	s := strings.Join(frags, sep)
	if sep != "" {
		s = strings.TrimPrefix(s, sep)
		s = strings.TrimSuffix(s, sep)
	}
	return s
}

func (r *run) listWildcard(w *wildcard, e env, yield yieldFn) bool {
	e = withParams(w, e)
	name, ok := r.wildcardName(w, e)
	if !ok {
		return false
	}
	vals, ok := r.values(name)
	if !ok {
		return false
	}
	if len(vals) == 0 {
		return yield("__" + name + "__")
	}
	inner, ok := r.call(w, name, e)
	if !ok {
		return false
	}
	for _, it := range vals {
		for range int(it.weight) {
			pv, ok := r.parse(it.text, name, e, w.pos)
			if !ok {
				return false
			}
			if pv.n == nil {
				continue
			}
			inner.src = pv.src
			if !r.list(pv.n, inner, yield) {
				return false
			}
		}
	}
	return true
}

// permIter steps through the ordered choices of k options, in the
// library's order: by option index, never two equal options.
type permIter struct {
	keys     []string
	distinct int // number of different keys; no choice of more exists
	k        int
	idx      []int
	fresh    bool
}

func newPermIter(keys []string) permIter {
	seen := make(map[string]bool, len(keys))
	for _, k := range keys {
		seen[k] = true
	}
	return permIter{keys: keys, distinct: len(seen)}
}

func (it *permIter) reset(k int) {
	it.k = k
	it.idx = it.idx[:0]
	it.fresh = true
}

func (it *permIter) usable(j, d int) bool {
	for _, x := range it.idx[:d] {
		if x == j || it.keys[x] == it.keys[j] {
			return false
		}
	}
	return true
}

// step moves to the next choice; false when there are no more.
func (it *permIter) step() bool {
	// Without this, equal options (kept by the cyclical sampler) would
	// make the search below try every arrangement before giving up.
	if it.k > it.distinct {
		return false
	}
	var d, from int
	if it.fresh {
		it.fresh = false
		it.idx = it.idx[:0]
	} else {
		if len(it.idx) == 0 {
			return false
		}
		d = len(it.idx) - 1
		from = it.idx[d] + 1
		it.idx = it.idx[:d]
	}
	for {
		if d == it.k {
			return true
		}
		j := from
		for j < len(it.keys) && !it.usable(j, d) {
			j++
		}
		if j < len(it.keys) {
			it.idx = append(it.idx, j)
			d++
			from = 0
			continue
		}
		if d == 0 {
			return false
		}
		d--
		from = it.idx[d] + 1
		it.idx = it.idx[:d]
	}
}

// splitWrapper splits a wrap command's wrapper at its first marker: three
// or more dots, or a run of ellipsis characters.
func (r *run) splitWrapper(s string) (prefix, suffix string) {
	for i := 0; i < len(s); {
		c, n := utf8.DecodeRuneInString(s[i:])
		if isEllipsis(c) {
			j := i + n
			for j < len(s) {
				c2, n2 := utf8.DecodeRuneInString(s[j:])
				if !isEllipsis(c2) {
					break
				}
				j += n2
			}
			return s[:i], s[j:]
		}
		if strings.HasPrefix(s[i:], "...") {
			j := i
			for j < len(s) && s[j] == '.' {
				j++
			}
			return s[:i], s[j:]
		}
		i += n
	}
	r.warn("template: %{…} wrapper has no ... marker; the wrapper goes before the text", s)
	return s, ""
}

func isEllipsis(c rune) bool {
	switch c {
	case '\u1801', '\u2026', '\u22ee', '\u22ef', '\u22f0', '\u22f1', '\ufe19':
		return true
	}
	return false
}

// ---- random and cyclical: generators ----

// gen is a stateful source of prompts, like the library's Python
// generators: next gives the next prompt, or false when there are no more
// (or the run failed).
type gen interface {
	next() (string, bool)
}

type constGen struct{ s string }

func (g *constGen) next() (string, bool) { return g.s, true }

type emptyGen struct{}

func (emptyGen) next() (string, bool) { return "", false }

// gen makes a generator for n under e's sampler, which is random or
// cyclical: the combinatorial sampler lists by callbacks instead.
func (r *run) gen(n node, e env) gen {
	if !r.built(e) {
		return emptyGen{}
	}
	e.mode = r.effective(e.mode, samplerOf(n))
	if e.mode == combinatorial {
		panic("template: gen called for the combinatorial sampler")
	}
	switch n := n.(type) {
	case *literal:
		return &constGen{n.text}
	case *seq:
		e, ok := r.assign(n.assigns, e)
		if !ok {
			return emptyGen{}
		}
		g := &seqGen{r: r, e: e, parts: make([]gen, len(n.parts))}
		for i, p := range n.parts {
			if g.parts[i] = r.gen(p, e); r.err != nil {
				return emptyGen{}
			}
		}
		return g
	case *variant:
		if e.mode == random && len(n.opts) == 1 {
			if _, ok := n.opts[0].n.(*wildcard); !ok {
				return r.gen(n.opts[0].n, e)
			}
		}
		os, e2, ok := r.variantOptions(n, e)
		if !ok {
			return emptyGen{}
		}
		return r.optionGen(os, e2)
	case *wildcard:
		return r.wildcardGen(n, e)
	case *access:
		n2, e2, ok := r.resolveVar(n, e)
		if !ok {
			return emptyGen{}
		}
		return r.gen(n2, e2)
	case *wrap:
		if e.mode == cyclical {
			r.fail(e, n.pos, "%%{…} does not work with the cyclical sampler: use the combinatorial or random sampler, or pin it with {~…}")
			return emptyGen{}
		}
		g := &wrapGen{r: r, e: e, wrapper: r.gen(n.wrapper, e)}
		g.inner = r.gen(n.inner, e)
		if r.err != nil {
			return emptyGen{}
		}
		return g
	}
	return emptyGen{}
}

// seqGen advances every part in lockstep, one value each a prompt.
type seqGen struct {
	r     *run
	e     env
	parts []gen
	buf   []byte
}

func (g *seqGen) next() (string, bool) {
	g.buf = g.buf[:0]
	for _, p := range g.parts {
		if !g.r.step(g.e) {
			return "", false
		}
		v, ok := p.next()
		if !ok {
			return "", false
		}
		g.buf = append(g.buf, v...)
		if !g.r.fits(g.e, g.buf) {
			return "", false
		}
	}
	return string(g.buf), true
}

type wrapGen struct {
	r              *run
	e              env
	wrapper, inner gen
}

func (g *wrapGen) next() (string, bool) {
	w, ok := g.wrapper.next()
	if !ok {
		return "", false
	}
	in, ok := g.inner.next()
	if !ok {
		return "", false
	}
	pre, suf := g.r.splitWrapper(w)
	s := pre + in + suf
	return s, g.r.fitsString(g.e, s)
}

// optionGen makes the generator of a variant's options.
func (r *run) optionGen(os optSet, e env) gen {
	if len(os.opts) == 0 {
		return emptyGen{}
	}
	if e.mode == cyclical {
		g := &cycVariant{r: r, e: e, os: os}
		g.it = newPermIter(os.keys)
		g.lo, g.hi = bounds(os.lo, os.hi, len(os.opts))
		g.it.reset(g.lo)
		return g
	}
	if len(os.opts) == 1 {
		// One option: that option, bounds ignored.
		return r.gen(os.opts[0].n, os.envFor(e, 0))
	}
	return &randVariant{r: r, e: e, os: os}
}

// randVariant draws k in [lo, hi], then k options by weight without
// replacement, and expands each afresh.
type randVariant struct {
	r     *run
	e     env
	os    optSet
	idx   []int
	ws    []float64
	frags []string
}

func (g *randVariant) next() (string, bool) {
	r, os := g.r, &g.os
	lo, hi := bounds(os.lo, os.hi, len(os.opts))
	k := lo + r.rng.IntN(hi-lo+1)
	g.idx, g.ws, g.frags = g.idx[:0], g.ws[:0], g.frags[:0]
	for i, o := range os.opts {
		g.idx = append(g.idx, i)
		g.ws = append(g.ws, o.weight)
	}
	for range k {
		j := r.pick(g.ws)
		oi := g.idx[j]
		v, ok := r.gen(os.opts[oi].n, os.envFor(g.e, oi)).next()
		if !ok {
			return "", false
		}
		g.frags = append(g.frags, v)
		g.idx = slices.Delete(g.idx, j, j+1)
		g.ws = slices.Delete(g.ws, j, j+1)
	}
	s := joined(g.frags, os.sep)
	return s, r.fitsString(g.e, s)
}

// pick draws an index with probability proportional to its weight; with
// no positive weight left, uniformly.
func (r *run) pick(ws []float64) int {
	total := 0.0
	for _, w := range ws {
		if w > 0 {
			total += w
		}
	}
	if total <= 0 {
		return r.rng.IntN(len(ws))
	}
	x := r.rng.Float64() * total
	last := 0
	for i, w := range ws {
		if w <= 0 {
			continue
		}
		last = i
		if x < w {
			return i
		}
		x -= w
	}
	return last
}

// cycVariant visits the variant's ordered choices round-robin; each
// choice advances its own options in lockstep.
type cycVariant struct {
	r      *run
	e      env
	os     optSet
	it     permIter
	lo, hi int
	combos []*comboGen
	i      int
	done   bool
}

type comboGen struct {
	combo []int
	gens  []gen
	frags []string
}

func (g *cycVariant) next() (string, bool) {
	for tries := 0; ; tries++ {
		if !g.done {
			for !g.it.step() {
				if g.it.k >= g.hi {
					g.done = true
					break
				}
				g.it.reset(g.it.k + 1)
			}
			if !g.done {
				c := &comboGen{combo: slices.Clone(g.it.idx)}
				g.combos = append(g.combos, c)
				if v, ok := g.combo(c); ok || g.r.err != nil {
					return v, ok
				}
				continue
			}
		}
		if len(g.combos) == 0 || tries > 2*len(g.combos)+1 {
			return "", false
		}
		c := g.combos[g.i]
		g.i = (g.i + 1) % len(g.combos)
		if v, ok := g.combo(c); ok || g.r.err != nil {
			return v, ok
		}
	}
}

func (g *cycVariant) combo(c *comboGen) (string, bool) {
	if c.gens == nil {
		c.gens = make([]gen, len(c.combo))
		for j, oi := range c.combo {
			if c.gens[j] = g.r.gen(g.os.opts[oi].n, g.os.envFor(g.e, oi)); g.r.err != nil {
				return "", false
			}
		}
	}
	c.frags = c.frags[:0]
	for _, sub := range c.gens {
		v, ok := sub.next()
		if !ok {
			return "", false
		}
		c.frags = append(c.frags, v)
	}
	s := joined(c.frags, g.os.sep)
	return s, g.r.fitsString(g.e, s)
}

// wildcardGen makes a random or cyclical generator over a wildcard's
// values. The name is resolved once, when the generator is made.
func (r *run) wildcardGen(w *wildcard, e env) gen {
	e = withParams(w, e)
	name, ok := r.wildcardName(w, e)
	if !ok {
		return emptyGen{}
	}
	vals, ok := r.values(name)
	if !ok {
		return emptyGen{}
	}
	if len(vals) == 0 {
		return &constGen{"__" + name + "__"}
	}
	inner, ok := r.call(w, name, e)
	if !ok {
		return emptyGen{}
	}
	if e.mode == cyclical {
		g := &cycWildcard{r: r, e: e, inner: inner, name: name, pos: w.pos}
		for _, it := range vals {
			for range int(it.weight) {
				g.vals = append(g.vals, it.text)
			}
		}
		if len(g.vals) == 0 {
			return emptyGen{}
		}
		g.gens = make([]gen, len(g.vals))
		return g
	}
	g := &randWildcard{r: r, e: e, inner: inner, vals: vals, name: name, pos: w.pos}
	for _, it := range vals[1:] {
		if it.weight != vals[0].weight {
			g.ws = make([]float64, len(vals))
			for i, it := range vals {
				g.ws[i] = it.weight
			}
			break
		}
	}
	return g
}

type randWildcard struct {
	r     *run
	e     env // the caller's, for errors
	inner env
	vals  []item
	ws    []float64 // nil when every weight is the same
	name  string
	pos   int
}

func (g *randWildcard) next() (string, bool) {
	for range 100 {
		i := 0
		if g.ws != nil {
			i = g.r.pick(g.ws)
		} else {
			i = g.r.rng.IntN(len(g.vals))
		}
		pv, ok := g.r.parse(g.vals[i].text, g.name, g.e, g.pos)
		if !ok {
			return "", false
		}
		if pv.n == nil {
			continue
		}
		in := g.inner
		in.src = pv.src
		if v, ok := g.r.gen(pv.n, in).next(); ok || g.r.err != nil {
			return v, ok
		}
	}
	return "", false
}

type cycWildcard struct {
	r     *run
	e     env
	inner env
	vals  []string
	gens  []gen
	i     int
	name  string
	pos   int
}

func (g *cycWildcard) next() (string, bool) {
	for range len(g.vals) {
		j := g.i
		g.i = (g.i + 1) % len(g.vals)
		if g.gens[j] == nil {
			pv, ok := g.r.parse(g.vals[j], g.name, g.e, g.pos)
			if !ok {
				return "", false
			}
			if pv.n == nil {
				g.gens[j] = emptyGen{}
				continue
			}
			in := g.inner
			in.src = pv.src
			if g.gens[j] = g.r.gen(pv.n, in); g.r.err != nil {
				return "", false
			}
		}
		if v, ok := g.gens[j].next(); ok || g.r.err != nil {
			return v, ok
		}
	}
	return "", false
}

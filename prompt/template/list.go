package template

import (
	"hash/maphash"
	"slices"
	"strings"
	"unicode/utf8"
)

// The combinatorial sampler: listing by callbacks.

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

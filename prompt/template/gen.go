package template

import (
	"slices"
)

// The random and cyclical samplers: generators.

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

package builtin

import (
	"slices"
	"strings"
)

// precheck.go is the sentence checker compiled into each template, so a
// draft checks a sentence without rendering and scanning it: what the
// literal text says is known when the template is compiled, and only the
// words the slots bring are looked at per prompt. It holds a sentence to
// the rules of problem (checker.go), which stays the reference: a test
// holds the two to agree over the corpus.

// checkInfo is what the checker needs to know of a template's literal text.
type checkInfo struct {
	lit       []uint32  // hashes of its content words (four letters or more)
	repeat    string    // a content word the literal text says twice, if any
	words     []litWord // its words of a class (part, plating, meta, colour, count)
	afterSubj []string  // the literal word after each {subj}
	stance    bool      // a {subj} stands, walks or runs (not "stands out")
	itAfter   bool      // "it" or "its" stands after a {subj}
	hasSubj   bool
	grain     bool // it speaks of grain, which only wood has
}

// litWord is a literal word of a class and what follows it: the next
// literal word, or a slot.
type litWord struct {
	w        string
	class    uint8
	next     string
	nextSlot slot
}

// prepareCheck fills t.chk from the template's segments.
func (t *tmpl) prepareCheck() {
	var c checkInfo
	type tok struct {
		w    string
		slot slot
	}
	var toks []tok
	for _, s := range t.segs {
		if s.slot != sNone {
			toks = append(toks, tok{slot: s.slot})
			continue
		}
		for w := range strings.FieldsFuncSeq(strings.ToLower(s.lit), func(r rune) bool { return r > 0x7f || !wordByte(byte(r)) }) {
			toks = append(toks, tok{w: w})
		}
	}
	// Where each long word was last seen: a template has a few dozen
	// words, and a slice beats a map for every one of some thousand
	// templates compiled at start-up.
	type at struct {
		w string
		i int
	}
	var seen []at
	for i, tk := range toks {
		if tk.slot == sSubj {
			c.hasSubj = true
			if i+1 < len(toks) && toks[i+1].slot == sNone {
				c.afterSubj = append(c.afterSubj, toks[i+1].w)
				// The word after the verb, past its ending's slot.
				after := ""
				for _, x := range toks[i+2:] {
					if x.slot == sS || x.slot == sES {
						continue
					}
					after = x.w
					break
				}
				c.stance = c.stance || stanceVerbs[toks[i+1].w] && after != "out"
			}
			for _, x := range toks[i+1:] {
				if x.w == "it" || x.w == "its" || x.w == "itself" {
					c.itAfter = true
				}
			}
			continue
		}
		if tk.slot != sNone {
			continue
		}
		w := tk.w
		c.grain = c.grain || w == "grain"
		cl := wordClasses[w]
		if i+1 < len(toks) && (toks[i+1].slot == sNone || toks[i+1].slot == sSubj || toks[i+1].slot == sSetting || toks[i+1].slot == sBG) &&
			len(w) > 2 && materialOf(w) != "" {
			cl |= wcMaterial
		}
		if cl&^wcRepeatOK != 0 {
			lw := litWord{w: w, class: cl}
			if i+1 < len(toks) {
				lw.next, lw.nextSlot = toks[i+1].w, toks[i+1].slot
			}
			c.words = append(c.words, lw)
		}
		if len(w) >= 4 && wordClasses[w]&wcRepeatOK == 0 {
			k := slices.IndexFunc(seen, func(a at) bool { return a.w == w })
			if k >= 0 {
				if j := seen[k].i; !(i == j+2 && toks[j+1].slot == sNone && idiom([]byte(toks[j+1].w))) {
					c.repeat = w
				}
				seen[k].i = i
			} else {
				seen = append(seen, at{w, i})
			}
			c.lit = append(c.lit, fnv32(w))
		}
	}
	t.chk = c
}

// slotWordLimit bounds the words of slot values one check remembers.
const slotWordLimit = 48

// fastProblem is problem for template t said of r, from t.chk and the
// slots' values: "" when the sentence it would render is true to the Scene.
func (d *draft) fastProblem(t *tmpl, r ref, opening bool) string {
	c := &d.check
	k := &t.chk
	if k.repeat != "" {
		return "twice " + k.repeat
	}
	for i := range k.words {
		lw := &k.words[i]
		w := lw.w
		if lw.class&wcPart != 0 {
			if m := partWords[lw.w]; !fits(m, r.cats, !r.unsure) && (k.hasSubj || m&c.anyCat == 0) && !c.inIdea(w) {
				return "part " + lw.w
			}
		}
		if lw.class&wcPlating != 0 && k.hasSubj && (!fits(catFood, r.cats, !r.unsure) || r.scaled) && !c.inIdea(w) {
			return "plating " + lw.w
		}
		if lw.class&wcMeta != 0 && !c.inIdea(w) {
			return "meta " + lw.w
		}
		if lw.class&wcState != 0 && k.hasSubj && r.worked && !c.inIdea(w) {
			return "state " + lw.w
		}
		if lw.class&wcMaterial != 0 {
			next := lw.next
			if lw.nextSlot != sNone {
				next, _, _ = strings.Cut(strings.ToLower(d.slotValue(lw.nextSlot, r)), " ")
			}
			if p := c.material(w, next); p != "" {
				return p
			}
		}
		if lw.class&(wcColour|wcNumber) != 0 {
			next := lw.next
			if lw.nextSlot != sNone {
				// "the red {subj}": the slot's first two words.
				v := strings.ToLower(d.slotValue(lw.nextSlot, r))
				for j, f := range strings.Fields(v) {
					if p := c.binding(lw.w, lw.class&wcColour != 0, f); p != "" {
						return p
					}
					if j == 1 {
						break
					}
				}
				continue
			}
			if p := c.binding(lw.w, lw.class&wcColour != 0, next); p != "" {
				return p
			}
		}
	}
	if k.grain && k.hasSubj && c.notWood(r) {
		return "grain"
	}
	if k.stance && c.rest && r.cats&(catPerson|catAnimals) != 0 {
		return "stance"
	}
	if r.plural {
		if k.itAfter {
			return "agreement it"
		}
		for _, v := range k.afterSubj {
			switch v {
			case "is", "has", "was", "does", "stands", "sits", "rises":
				return "agreement " + v
			}
		}
	} else {
		for _, v := range k.afterSubj {
			switch v {
			case "are", "have", "were", "do":
				return "agreement " + v
			}
		}
	}
	// No content word twice: the slots' words against the literal text's
	// and each other's. The idea's own words may repeat in the opening.
	var seen [slotWordLimit]uint32
	n := 0
	for _, s := range t.segs {
		switch s.slot {
		case sNone, sS, sES, sIs, sHas, sIts, sIt:
			continue
		case sIdea:
			if opening {
				continue
			}
		}
		v := d.slotValue(s.slot, r)
		for i := 0; i < len(v); {
			for i < len(v) && !wordByte(v[i]) {
				i++
			}
			j, h := i, uint32(2166136261)
			for j < len(v) && wordByte(v[j]) {
				b := v[j]
				if b >= 'A' && b <= 'Z' {
					b += 'a' - 'A'
				}
				h = (h ^ uint32(b)) * 16777619
				j++
			}
			if j-i >= 4 && classOf(v[i:j], h)&wcRepeatOK == 0 {
				dup := false
				for _, x := range k.lit {
					dup = dup || x == h
				}
				for _, x := range seen[:n] {
					dup = dup || x == h
				}
				if dup && !(opening && c.inIdea(strings.ToLower(v[i:j]))) {
					return "twice " + v[i:j]
				}
				if n < len(seen) {
					seen[n] = h
					n++
				}
			}
			i = j
		}
	}
	return ""
}

// passes reports whether the sentence t would say of r passes the
// sentence checker, without rendering it (fastProblem).
func (d *draft) passes(t *tmpl, r ref, opening bool) bool {
	p := d.fastProblem(t, r, opening)
	if verifyChecks != nil {
		nb, na, f := len(d.buf), len(d.adds), d.facts
		s := d.render(t, r)
		verifyChecks(p, d.check.problem(d.buf[s.start:s.end], r, opening), string(d.buf[s.start:s.end]))
		d.buf, d.adds, d.facts = d.buf[:nb], d.adds[:na], f
	}
	return p == ""
}

// verifyChecks, set by a test, makes passes also render each sentence and
// run the reference checker on it, reporting both verdicts.
var verifyChecks func(fast, slow, sentence string)

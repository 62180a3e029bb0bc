package template

import (
	"strconv"
	"strings"
)

// sampler is a sampling method; inherit means "whatever the parent uses".
type sampler uint8

const (
	inherit sampler = iota
	combinatorial
	random
	cyclical
)

// finite reports whether the sampler lists a finite number of prompts.
func (s sampler) finite() bool { return s == combinatorial }

// A node is one piece of a parsed template: *literal, *seq, *variant,
// *wildcard, *access or *wrap. Assignments live in their sequence.
type node interface{}

type literal struct {
	text string
}

// seq is text written side by side. Its assignments are evaluated before
// any part, in order, as the library does.
type seq struct {
	parts   []node
	assigns []*assign
}

type option struct {
	weight float64
	n      node
}

type variant struct {
	pos     int
	sampler sampler
	lo, hi  int // hi < 0: the number of options
	sep     string
	opts    []option
	// uniq lists the first of each group of structurally equal options, and
	// keys the structural key of every option; allLit says that every
	// unique option is a literal, so that no listing can repeat.
	uniq   []int
	keys   []string
	allLit bool
}

type param struct {
	key string
	val node
}

type wildcard struct {
	pos     int
	sampler sampler
	static  bool   // the name has no variables or variants
	name    string // the name when static
	parts   []node // the name when not: *literal, *nameVar, *variant
	params  []param
}

// nameVar is a variable used inside a wildcard name, where an undefined
// variable stands for its own name and a default is plain text.
type nameVar struct {
	name string
	def  string
}

type assign struct {
	pos       int
	name      string
	val       node
	immediate bool // ${a=!…}
	preserve  bool // ${a?=…}
}

type access struct {
	pos     int
	name    string
	def     node   // nil: none (an empty default counts as none)
	defText string // the default as written
}

type wrap struct {
	pos            int
	wrapper, inner node
}

// samplerOf returns the sampler a node asks for.
func samplerOf(n node) sampler {
	switch n := n.(type) {
	case *variant:
		return n.sampler
	case *wildcard:
		return n.sampler
	}
	return inherit
}

// finish computes what the combinatorial sampler needs to skip equal
// options: the library treats structurally equal options as one.
func (v *variant) finish() {
	v.keys = make([]string, len(v.opts))
	v.uniq = v.uniq[:0]
	v.allLit = true
	seen := make(map[string]bool, len(v.opts))
	for i, o := range v.opts {
		k := key(o.n)
		v.keys[i] = k
		if seen[k] {
			continue
		}
		seen[k] = true
		v.uniq = append(v.uniq, i)
		if _, ok := o.n.(*literal); !ok {
			v.allLit = false
		}
	}
}

// key returns a string that is equal for two nodes exactly when the nodes
// are structurally equal.
func key(n node) string {
	if l, ok := n.(*literal); ok {
		return "L" + l.text
	}
	var b strings.Builder
	writeKey(&b, n)
	return b.String()
}

func writeKey(b *strings.Builder, n node) {
	str := func(s string) {
		b.WriteString(strconv.Itoa(len(s)))
		b.WriteByte(':')
		b.WriteString(s)
	}
	switch n := n.(type) {
	case nil:
		b.WriteString("N")
	case *literal:
		b.WriteString("L")
		str(n.text)
	case *seq:
		b.WriteString("S(")
		for _, a := range n.assigns {
			b.WriteString("E")
			str(a.name)
			b.WriteString(strconv.FormatBool(a.immediate) + strconv.FormatBool(a.preserve))
			writeKey(b, a.val)
		}
		for _, p := range n.parts {
			writeKey(b, p)
		}
		b.WriteString(")")
	case *variant:
		b.WriteString("V" + strconv.Itoa(int(n.sampler)) + "," + strconv.Itoa(n.lo) + "," + strconv.Itoa(n.hi) + ",")
		str(n.sep)
		b.WriteString("(")
		for _, o := range n.opts {
			b.WriteString(strconv.FormatFloat(o.weight, 'g', -1, 64) + "=")
			writeKey(b, o.n)
		}
		b.WriteString(")")
	case *wildcard:
		b.WriteString("W" + strconv.Itoa(int(n.sampler)))
		if n.static {
			str(n.name)
		} else {
			b.WriteString("(")
			for _, p := range n.parts {
				writeKey(b, p)
			}
			b.WriteString(")")
		}
		for _, p := range n.params {
			str(p.key)
			writeKey(b, p.val)
		}
	case *nameVar:
		b.WriteString("n")
		str(n.name)
		str(n.def)
	case *access:
		b.WriteString("A")
		str(n.name)
		writeKey(b, n.def)
	case *wrap:
		b.WriteString("P")
		writeKey(b, n.wrapper)
		writeKey(b, n.inner)
	}
}

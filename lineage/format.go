package lineage

import (
	"fmt"
	"io"
	"strings"

	"github.com/easel-art/easel"
)

// WriteChain writes chain as lines, each starting with indent: the idea,
// then every artwork from the oldest to the newest, marking the one with
// id this. A refined picture follows the instruction that made it, so a
// chain of refines reads as the conversation it was.
//
//	idea "a beach sunset"
//	-> 3f2a9c1d0e7b4a55  imagine  builtin seed 42
//	asked "make it night, add a red sailboat"
//	-> 77aa88bb99cc00dd  refine  builtin seed 42  (this)
func WriteChain(w io.Writer, chain []Link, this, indent string) error {
	var b strings.Builder
	if idea := Idea(chain); idea != "" {
		fmt.Fprintf(&b, "%sidea %q\n", indent, oneLine(idea, 80))
	}
	for _, l := range chain {
		if l.Art != nil && l.Art.Instruction != "" {
			fmt.Fprintf(&b, "%sasked %q\n", indent, oneLine(l.Art.Instruction, 100))
		}
		fmt.Fprintf(&b, "%s-> %s", indent, label(l.ID, l.Art, false))
		if l.ID == this {
			b.WriteString("  (this)")
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteTree writes the family tree under root with ASCII connectors, one
// artwork a line, marking the one with id this.
//
//	3f2a9c1d0e7b4a55  imagine  builtin seed 42  "A wide beach at sunset, ..."
//	|-- 9c0d1e2f3a4b5c6d  vary-strong  builtin seed 43  "..."
//	|   `-- 77aa88bb99cc00dd  vary-subtle  builtin seed 7  "..."  <- this
//	`-- 1234567890abcdef  reproduce  builtin seed 42  "..."
func WriteTree(w io.Writer, root *Node, this string) error {
	var b strings.Builder
	var write func(n *Node, prefix, branch string)
	write = func(n *Node, prefix, branch string) {
		b.WriteString(prefix + branch + label(n.ID, n.Art, true))
		if n.ID == this {
			b.WriteString("  <- this")
		}
		b.WriteByte('\n')
		switch branch {
		case "|-- ":
			prefix += "|   "
		case "`-- ":
			prefix += "    "
		}
		for i, c := range n.Children {
			next := "|-- "
			if i == len(n.Children)-1 {
				next = "`-- "
			}
			write(c, prefix, next)
		}
	}
	write(root, "", "")
	_, err := io.WriteString(w, b.String())
	return err
}

// label describes one artwork in a line: id, method, engine and seed, and
// with prompt a short start of its prompt.
func label(id string, a *easel.Artwork, prompt bool) string {
	if a == nil {
		return id + "  (deleted)"
	}
	method := a.Method
	if method == "" {
		method = "unknown"
	}
	s := fmt.Sprintf("%s  %s  %s seed %d", id, method, a.Engine, a.Seed)
	if prompt && a.Prompt != "" {
		s += fmt.Sprintf("  %q", oneLine(a.Prompt, 60))
	}
	return s
}

// oneLine shortens s to one line of at most n characters.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-3]) + "..."
	}
	return s
}

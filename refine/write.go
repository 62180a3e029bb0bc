package refine

import (
	"context"
	"strings"

	"github.com/easel-art/easel"
)

// Parent is the picture an instruction refines: what its prompt was
// written from.
type Parent struct {
	// Idea is the picture's idea (or its prompt, for a picture with none).
	Idea string
	// Scene is the Scene its prompt was written from; nil reads it from Idea.
	Scene *easel.Scene
	// Seed is the seed it was written and rendered with.
	Seed int64
	// Style is its style preset name, if any.
	Style string
	// Negative is the extra negative text it carried (earlier "no X").
	Negative string
	// Dialect is the dialect its prompt was written for.
	Dialect easel.Dialect
}

// Write refines parent by instruction and writes the new prompt with w
// (the built-in writer) from the edited Scene with the parent's seed, so
// the unchanged parts keep their wording.
func Write(ctx context.Context, w easel.PromptWriter, parent Parent, instruction string) (*easel.Prompt, *Result, error) {
	res, err := Refine(parent.Idea, parent.Scene, instruction)
	if err != nil {
		return nil, nil, err
	}
	ps, err := w.WritePrompts(ctx, easel.WriteRequest{
		Idea: res.Idea, Scene: res.Scene, Style: parent.Style, Negative: res.NegativeText(parent.Negative),
		Seed: parent.Seed, N: 1, Dialect: parent.Dialect,
	})
	if err != nil {
		return nil, nil, err
	}
	return ps[0], res, nil
}

// NegativeText is the extra negative text of the refined picture: the
// parent's, less what the instruction brought back, plus what it keeps
// out.
func (r *Result) NegativeText(parent string) string {
	var out []string
	for _, p := range strings.Split(parent, ",") {
		p = strings.TrimSpace(p)
		if p == "" || containsFold(r.Unwanted, p) || containsFold(out, p) {
			continue
		}
		out = append(out, p)
	}
	for _, n := range r.Negative {
		if !containsFold(out, n) {
			out = append(out, n)
		}
	}
	return strings.Join(out, ", ")
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// KeptOut is the extra negative text a chain of instructions left in
// force, oldest first: "no people" keeps people out until a later "add
// people" brings them back.
func KeptOut(instructions []string) string {
	var out []string
	for _, in := range instructions {
		edits, err := Parse(in)
		if err != nil {
			continue
		}
		for _, e := range edits {
			switch e.Op {
			case Remove:
				if n := bare(e.Target); n != "" && !containsFold(out, n) {
					out = append(out, n)
				}
			case Add:
				n := bare(e.Words)
				out = slicesDeleteFold(out, n)
			}
		}
	}
	return strings.Join(out, ", ")
}

func slicesDeleteFold(list []string, s string) []string {
	var out []string
	for _, x := range list {
		if !strings.EqualFold(x, s) {
			out = append(out, x)
		}
	}
	return out
}

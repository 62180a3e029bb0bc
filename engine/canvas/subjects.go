package canvas

import (
	"slices"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/lexical"
)

// This file reads the facts the scene parser binds to each subject
// (count, colours, category, from WordNet and the tagger) for the
// painters that draw them: how many animals or flowers, in what colour,
// a planet in the colour its name has, and which subjects the canvas
// cannot draw, for the note on the result.

// maxCount is the most things of one kind drawn one by one; more are
// drawn as a crowd of maxCount.
const maxCount = 12

// subjectOf returns the first subject whose element is el, or nil.
func (p *plan) subjectOf(el string) *easel.Subject {
	for i := range p.subjects {
		if p.subjects[i].Element == el {
			return &p.subjects[i]
		}
	}
	return nil
}

// countOf is how many of a subject to draw: its count (up to maxCount),
// else def.
func countOf(s *easel.Subject, def int) int {
	if s == nil || s.Count < 1 {
		return def
	}
	return min(s.Count, maxCount)
}

// colourOf is the colour the idea gives a subject ("three white rabbits"),
// else the one WordNet's definition gives its noun ("a small reddish
// planet"); ok is false when neither does.
func colourOf(s *easel.Subject) (rgb, bool) {
	if s == nil {
		return rgb{}, false
	}
	for _, c := range s.Colors {
		if col, ok := namedColour(c); ok {
			return col, true
		}
	}
	for _, a := range s.Adjectives {
		if col, ok := namedColour(a); ok {
			return col, true
		}
	}
	// A noun that starts with its colour: "blueberries", "redwood".
	low := strings.ToLower(s.Noun)
	for _, c := range []string{"black", "blue", "green", "red", "white", "yellow", "gold", "silver"} {
		if strings.HasPrefix(low, c) && len(low) > len(c)+2 {
			if col, ok := namedColour(c); ok {
				return col, true
			}
		}
	}
	if e, _, ok := lexical.FindNoun(low); ok && e.Hue != "" {
		if col, ok := namedColour(e.Hue); ok {
			return col, true
		}
	}
	return rgb{}, false
}

// subjectColours puts the main subject's own colour (its Colors fact, or
// the colour its name has in WordNet) first among the colours things
// take: the tint that animals, cats and planets wear and the accent of
// buildings, boats, balloons and cars.
func (p *plan) subjectColours() {
	if len(p.subjects) == 0 {
		return
	}
	c, ok := colourOf(&p.subjects[0])
	if !ok || len(p.subjects[0].Colors) == 0 && !slices.Contains([]string{"planet"}, p.subjects[0].Element) {
		return // a colour from the dictionary only for a planet by name
	}
	p.tint = append([]rgb{c}, p.tint...)
	p.accent = c
}

// factColour is the colour the idea binds to a subject (its Colors
// fact), ok false when it names none.
func factColour(s *easel.Subject) (rgb, bool) {
	if s == nil {
		return rgb{}, false
	}
	for _, c := range s.Colors {
		if col, ok := namedColour(c); ok {
			return col, true
		}
	}
	return rgb{}, false
}

// Roughly names the subjects the canvas draws only as a plain shape of
// their category (a typewriter as a box, a harp as a box): no word of
// their noun names a shape it knows.
func Roughly(s *easel.Scene) []string {
	if s == nil {
		return nil
	}
	var out []string
	for _, sub := range s.Subjects {
		if (sub.Element != "object" && sub.Element != "table") || categoryShapes[sub.Category] == "" {
			continue
		}
		n := strings.ToLower(sub.Noun)
		if slices.ContainsFunc(productShapes, func(ps struct{ word, shape string }) bool { return strings.Contains(n, ps.word) }) {
			continue
		}
		out = append(out, "the "+n)
	}
	return out
}

// drawable are the canvas's elements that paint a thing of their own; a
// subject with one of them is drawn.
var drawable = func() map[string]bool {
	m := map[string]bool{}
	for _, e := range easel.Elements {
		m[e] = true
	}
	return m
}()

// NotDrawn names the subjects of s the canvas cannot draw ("the slime"):
// those with no element it paints and no word it knows. Engine.Render
// puts them in a note on the result, so nothing is silently dropped.
func NotDrawn(s *easel.Scene) []string {
	if s == nil {
		return nil
	}
	var out []string
	for i, sub := range s.Subjects {
		if sub.Element != "" && drawable[sub.Element] {
			continue
		}
		if _, _, ok := critterDrawer(&sub); ok && i == 0 {
			continue // drawn by critters.go
		}
		if heldBy(s, i) || perched(s, i) {
			continue // in a figure's hands (held.go)
		}
		n := strings.ToLower(sub.Noun)
		if n == "" || s.Setting != "" && strings.Contains(strings.ToLower(s.Setting), n) || drawnInRoom(s, n) {
			continue
		}
		if _, ok := impliedBy[n]; ok {
			continue
		}
		if e, _, ok := lexical.FindNoun(n); ok {
			if _, ok := impliedBy[e.Lemma]; ok {
				continue
			}
		}
		name := "the " + n
		if !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return out
}

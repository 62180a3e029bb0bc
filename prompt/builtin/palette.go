package builtin

import (
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/lexical"
	"github.com/easel-art/easel/scene"
)

// palette.go: the colours the idea's own things have. A raspberry tart is
// raspberry red and a lemon sorbet lemon yellow, by WordNet's definition
// of the fruit ("a red berry") or the lexicon's colour words ("chocolate
// brown"); where neither knows, the palette says less rather than invent a
// golden crust or a green garnish.

// hueKinds are the kinds of thing whose own colour is the palette's: food
// and what grows.
var hueKinds = catFood | catPlants

// subjectHues returns colour phrases for the Scene's things whose colour
// the idea did not type, from the thing itself or a noun that modifies it
// ("raspberry" of "a raspberry tart"), at most three.
func subjectHues(sc *easel.Scene) []string {
	var out []string
	add := func(p string) {
		for _, o := range out {
			if o == p {
				return
			}
		}
		out = append(out, p)
	}
	for _, s := range sc.Subjects {
		if len(out) >= 3 {
			break
		}
		c, _ := subjectCats(s)
		if len(s.Colors) > 0 {
			// A colour typed as a fruit ("cherry ice cream") is the
			// fruit's: cherry red. (Cherry blossoms are not.)
			for _, col := range s.Colors {
				if p := ownHue(col, true); p != "" && c&catFood != 0 {
					add(p)
				}
			}
			continue
		}
		if c&hueKinds == 0 {
			continue
		}
		for _, a := range s.Adjectives {
			// A raspberry tart is raspberry red; cherry blossoms are
			// not cherry red: only a dish is the colour of what it is
			// made of.
			if p := ownHue(a, true); p != "" && c&catFood != 0 {
				add(p)
			}
		}
		if p := ownHue(s.Noun, false); p != "" {
			add(p)
		}
	}
	for _, s := range sc.Subjects {
		// What a thing is made of is its colour too: a wooden table is
		// warm wood brown.
		for _, m := range s.Materials {
			if c := materialColours[m]; c != "" {
				add(c)
			}
		}
	}
	if len(out) > 3 {
		out = out[:3]
	}
	return out
}

// materialColours are the colours of the materials an idea names.
var materialColours = map[string]string{
	"wood": "warm wood brown", "wooden": "warm wood brown", "oak": "warm wood brown", "walnut": "warm wood brown",
	"marble": "marble white", "brass": "polished brass", "copper": "burnished copper", "leather": "leather brown",
	"slate": "slate grey", "concrete": "concrete grey", "stone": "stone grey", "terracotta": "terracotta",
}

// ownHue is "raspberry red" for "raspberries": the noun's own colour,
// "" when neither WordNet nor the lexicon gives it one. A modifier counts
// only when it is food or a plant itself ("lemon", not "birthday").
func ownHue(noun string, modifier bool) string {
	low := strings.ToLower(noun)
	e, _, ok := lexical.FindNoun(low)
	if !ok {
		return ""
	}
	if modifier && catBit[e.Category()]&hueKinds == 0 {
		return ""
	}
	name := e.Lemma
	if strings.IndexByte(name, ' ') >= 0 || strings.IndexByte(name, '_') >= 0 {
		return "" // "maple syrup red" does not read
	}
	if e.Hue != "" {
		return name + " " + e.Hue
	}
	for _, c := range basicColours {
		if scene.Class(name+" "+c) == "color" {
			return name + " " + c // "chocolate brown"
		}
	}
	return ""
}

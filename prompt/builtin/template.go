package builtin

import (
	"fmt"
	"strings"
)

// A phrase template is plain text with {slot} placeholders, optionally
// prefixed by [tags]: conditions the scene must meet ("night", "calm",
// "!winter"), elements the sentence adds to the Scene ("+seagulls") and
// facts it establishes for the sentences chosen after it ("@offcenter": a
// composition that puts the subject on a third, so no later sentence may
// put it at the heart of the picture).
// Templates are compiled once, so writing a prompt never parses them.
//
//	"[calm,+seagulls]A few seagulls wander along the shoreline."
type tmpl struct {
	need, not cond     // conditions that must hold, and must not
	sets      cond     // facts the sentence establishes ("@offcenter")
	adds      []string // elements the sentence puts in the picture
	segs      []seg
	src       string
	// articles reports whether an "a" or "an" may meet a slot's value,
	// so rendering must check it; literal text is written correctly.
	articles bool
	chk      checkInfo // what the sentence checker needs (precheck.go)
}

// seg is a literal run of text or a slot.
type seg struct {
	lit    string
	slot   slot
	spaces int // spaces in lit, for counting words without scanning
}

// slot names a value filled in per prompt.
type slot uint8

const (
	sNone      slot = iota
	sIdea           // the idea as typed, with proper names capitalised
	sSubj           // "the cabin"
	sS              // verb ending: "s" for one subject, "" for several
	sES             // "es" for one subject, "" for several
	sIs             // "is" / "are"
	sHas            // "has" / "have"
	sIts            // "its" / "their"
	sIt             // "it" / "them"
	sSetting        // "the snowy forest"
	sBG             // what stands behind the subject: "the distant mountains"
	sMood           // a mood adjective
	sMood2          // a second one
	sMoodNoun       // a mood noun: "serenity"
	sMoodNoun2      // a second one
	sMedium         // "watercolor painting", "image"
	sC1             // colour phrases
	sC2
	sC3
	sSeason // "winter"
)

var slotNames = map[string]slot{
	"idea": sIdea, "subj": sSubj, "s": sS, "es": sES, "is": sIs, "has": sHas, "its": sIts,
	"it": sIt, "setting": sSetting, "bg": sBG, "mood": sMood, "mood2": sMood2,
	"moodnoun": sMoodNoun, "moodnoun2": sMoodNoun2, "medium": sMedium, "c1": sC1, "c2": sC2,
	"c3": sC3, "season": sSeason,
}

// cond is a set of facts about the scene a template may depend on.
type cond uint32

const (
	cDay cond = 1 << iota
	cNight
	cLowSun
	cCalm
	cRough
	cWet
	cSnowy
	cFog
	cSpring
	cSummer
	cAutumn
	cWinter
	cUrban
	cMoon
	cWater
	cSea
	cRest
	cFly
	cOutdoor
	cPlural
	cPeople
	cClear
	cOffCenter // the composition puts the subject off the centre
	cFace      // the subject is a person: a face, an expression, clothing
	cEyes      // the subject has eyes: a person or an animal
	cVintage   // the idea asks for something old: vintage, classic, retro, antique
	cQuiet     // the mood is quiet enough to linger in: not energetic, dramatic or ominous
	cSleep     // the subject sleeps: eyes closed, no gaze
	cThing     // the main subject is a thing one looks at, not a place one enters (smallSubject)
	cRoom      // the main subject is the room the picture is inside (roomSubject)
)

var condNames = map[string]cond{
	"day": cDay, "night": cNight, "lowsun": cLowSun, "calm": cCalm, "rough": cRough,
	"wet": cWet, "snowy": cSnowy, "fog": cFog, "spring": cSpring, "summer": cSummer,
	"autumn": cAutumn, "winter": cWinter, "urban": cUrban, "moon": cMoon, "water": cWater,
	"sea": cSea, "rest": cRest, "fly": cFly, "outdoor": cOutdoor, "plural": cPlural,
	"people": cPeople, "clear": cClear, "offcenter": cOffCenter, "vintage": cVintage, "quiet": cQuiet, "sleep": cSleep,
	"thing": cThing, "room": cRoom,
}

// compile parses one template. It panics on a malformed one: templates are
// part of the program, and TestTemplatesCompile runs every one.
func compile(src string) tmpl {
	t := tmpl{src: src}
	s := src
	if strings.HasPrefix(s, "[") {
		end := strings.IndexByte(s, ']')
		if end < 0 {
			panic(fmt.Sprintf("template %q: unclosed [", src))
		}
		for _, tag := range strings.Split(s[1:end], ",") {
			tag = strings.TrimSpace(tag)
			switch {
			case strings.HasPrefix(tag, "+"):
				t.adds = append(t.adds, tag[1:])
			case strings.HasPrefix(tag, "@"):
				c, ok := condNames[tag[1:]]
				if !ok {
					panic(fmt.Sprintf("template %q: unknown fact %q", src, tag))
				}
				t.sets |= c
			case strings.HasPrefix(tag, "!"):
				c, ok := condNames[tag[1:]]
				if !ok {
					panic(fmt.Sprintf("template %q: unknown condition %q", src, tag))
				}
				t.not |= c
			default:
				c, ok := condNames[tag]
				if !ok {
					panic(fmt.Sprintf("template %q: unknown condition %q", src, tag))
				}
				t.need |= c
			}
		}
		s = s[end+1:]
	}
	for s != "" {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			t.segs = append(t.segs, seg{lit: s, spaces: strings.Count(s, " ")})
			break
		}
		if i > 0 {
			t.segs = append(t.segs, seg{lit: s[:i], spaces: strings.Count(s[:i], " ")})
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			panic(fmt.Sprintf("template %q: unclosed {", src))
		}
		name := s[i+1 : i+j]
		sl, ok := slotNames[strings.ToLower(name)]
		if !ok {
			panic(fmt.Sprintf("template %q: unknown slot {%s}", src, name))
		}
		// {Subj} and {subj} are the same slot: every sentence is
		// capitalised once it is written.
		t.segs = append(t.segs, seg{slot: sl})
		s = s[i+j+1:]
	}
	for i, sg := range t.segs {
		if sg.slot == sIdea || sg.slot == sSubj || sg.slot == sSetting || sg.slot == sBG {
			t.articles = true // values a person may have typed
		}
		if sg.slot == sNone && i+1 < len(t.segs) {
			l := strings.ToLower(sg.lit)
			if l == "a " || l == "an " || strings.HasSuffix(l, " a ") || strings.HasSuffix(l, " an ") {
				t.articles = true
			}
		}
	}
	t.need |= bodyNeeds(src)
	t.prepareCheck()
	if strings.ContainsAny(src[strings.IndexByte(src, ']')+1:], "[]") {
		panic(fmt.Sprintf("template %q: stray bracket", src))
	}
	return t
}

func compileAll(srcs []string) []tmpl {
	out := make([]tmpl, len(srcs))
	for i, s := range srcs {
		out[i] = compile(s)
	}
	return out
}

func compileMap(m map[string][]string) map[string][]tmpl {
	out := make(map[string][]tmpl, len(m))
	for k, v := range m {
		out[k] = compileAll(v)
	}
	return out
}

// ok reports whether the template fits facts.
func (t *tmpl) ok(facts cond) bool {
	return facts&t.need == t.need && facts&t.not == 0
}

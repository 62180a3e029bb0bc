package refine

import (
	"fmt"
	"slices"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/scene"
)

// Apply makes edits on a copy of sc, the Scene of a picture whose idea is
// idea, and on the idea's text. A nil sc is read from idea. It returns an
// EINVALID error for an edit that names something the picture does not
// have ("make the cat a fox" with no cat), or that would remove the
// picture's main subject.
func Apply(idea string, sc *easel.Scene, edits []Edit) (*Result, error) {
	if sc == nil {
		sc = scene.Parse(idea)
	}
	a := &applier{sc: cloneScene(sc), idea: words(idea), res: &Result{}}
	// The canvas keeps drawing the first picture's layout (see
	// easel.Scene.Layout): what the words do not touch stays where it was.
	a.sc.Layout = sc.LayoutKey()
	for _, e := range edits {
		if err := a.apply(e); err != nil {
			return nil, err
		}
	}
	a.settle()
	a.res.Scene = a.sc
	a.res.Idea = fixArticles(strings.Join(a.idea, " "))
	return a.res, nil
}

type applier struct {
	sc   *easel.Scene
	idea []string // the idea's words, edited
	res  *Result
	// dropped are the phrases taken out of the idea; what they implied
	// (a sunset's sun, a snowy forest's snow) goes unless something left
	// in the idea still implies it.
	dropped []string
	// palette is true once this instruction set the palette: a second
	// colour adds to it ("red and gold").
	palette bool
}

func (a *applier) change(format string, args ...any) {
	a.res.Changes = append(a.res.Changes, fmt.Sprintf(format, args...))
}

func (a *applier) apply(e Edit) error {
	sc := a.sc
	switch e.Field {
	case FieldTime:
		a.setField("time of day", &sc.TimeOfDay, e.Value, "time", timePhrases[e.Value])
		if e.Value == "night" || e.Value == "dusk" {
			a.dropElements("sun")
		} else {
			a.dropElements("moon", "full moon", "stars", "milky way", "aurora")
		}
		a.addElements(scene.Implies(e.Value)...)
	case FieldWeather:
		old := sc.Weather
		a.setField("weather", &sc.Weather, e.Value, "weather", weatherPhrases[e.Value])
		if old != e.Value {
			a.dropElements("rain", "lightning", "snowfall", "fog", "mist")
			if e.Value == "clear" {
				a.dropElements("clouds")
			}
			a.addElements(scene.Implies(weatherKey(e.Value))...)
		}
	case FieldSeason:
		a.setField("season", &sc.Season, e.Value, "season", "in "+e.Value)
	case FieldMood:
		a.setField("mood", &sc.Mood, e.Value, "mood", "")
	case FieldStyle:
		a.setField("style", &sc.Style, e.Value, "style", "")
	case FieldView:
		a.setField("view", &sc.View, e.Value, "view", "")
	case FieldPalette:
		old := strings.Join(sc.Palette, ", ")
		if a.palette {
			for _, v := range e.Values {
				if !slices.Contains(sc.Palette, v) {
					sc.Palette = append(sc.Palette, v)
				}
			}
		} else {
			sc.Palette = slices.Clone(e.Values)
			a.palette = true
		}
		a.change("palette: %s → %s", orNone(old), strings.Join(sc.Palette, ", "))
	case FieldLight:
		a.setExtra("light", lightPhrases, e.Value)
	case FieldDetail:
		a.setExtra("detail", detailPhrases, e.Value)
	case FieldAspect:
		a.res.Aspect = e.Value
		a.change("aspect: %s", e.Value)
	case FieldSetting:
		a.setSetting(e.Value)
	case FieldSubject:
		switch e.Op {
		case Add:
			a.add(e.Words)
		case Remove:
			return a.remove(e.Target)
		case Replace:
			return a.replace(e.Target, e.Words)
		case Describe:
			return a.describe(e.Target, e.Words)
		}
	}
	return nil
}

// setField sets one Scene field, takes the words of the old value out of
// the idea (those of the field's lexicon class) and, when phrase is not
// empty, says the new value at the idea's end.
func (a *applier) setField(name string, field *string, value, class, phrase string) {
	old := *field
	*field = value
	found, placed := a.removeClass(class)
	if phrase != "" && !placed && (old != value || found) {
		a.idea = append(a.idea, strings.Fields(phrase)...)
	}
	if old == value {
		a.change("%s: already %s", name, value)
		return
	}
	a.change("%s: %s → %s", name, orNone(old), value)
}

// setExtra replaces the Extra phrase of one kind (light, detail), and
// says it at the end of the idea so prose prompts carry it too.
func (a *applier) setExtra(name string, kind []string, value string) {
	old := ""
	a.sc.Extra = slices.DeleteFunc(a.sc.Extra, func(x string) bool {
		if slices.Contains(kind, x) {
			old = x
			return true
		}
		return false
	})
	if old != "" {
		a.removeSeq(strings.Fields(extraPhrases[old]))
	}
	a.sc.Extra = append(a.sc.Extra, value)
	a.idea = append(a.idea, strings.Fields(extraPhrases[value])...)
	a.change("%s: %s → %s", name, orNone(old), value)
}

// extraPhrases say a light or detail value in the idea.
var extraPhrases = map[string]string{
	lightBright: "in bright airy light", lightDark: "in low-key light with deep shadows",
	lightSoft: "in soft diffused light", lightHard: "in hard light with crisp shadows",
	lightDramatic: "with dramatic chiaroscuro lighting", lightRim: "with a glowing rim light",
	lightCandle: "by warm candlelight", lightStudio: "under clean studio lighting",
	lightCinematic: "with cinematic lighting", lightVolumetric: "with volumetric light rays",
	lightNeon: "in glowing neon light", detailMore: "in intricate detail", detailLess: "in simple uncluttered shapes",
}

// removeSeq takes a run of words out of the idea.
func (a *applier) removeSeq(seq []string) {
	for i := 0; i+len(seq) <= len(a.idea) && len(seq) > 0; i++ {
		match := true
		for k := range seq {
			if low(a.idea[i+k]) != seq[k] {
				match = false
				break
			}
		}
		if match {
			a.idea = slices.Delete(a.idea, i, i+len(seq))
			return
		}
	}
}

func (a *applier) setSetting(value string) {
	sc := a.sc
	old := sc.Setting
	if old == value {
		a.change("setting: already %s", value)
		return
	}
	sc.Setting = value
	if old != "" && a.replaceText(old, value) {
		a.dropped = append(a.dropped, old)
	} else {
		if old != "" {
			a.dropped = append(a.dropped, old)
		}
		a.idea = append(a.idea, strings.Fields(placePhrase(value))...)
	}
	if len(sc.Subjects) == 0 || sc.Subjects[0].Element == "" || scene.Class(sc.Subjects[0].Noun) == "place" {
		// The place was the picture: its domain follows it.
		if d := scene.Parse(value).Domain; d != "" {
			sc.Domain = d
		}
	}
	a.addElements(scene.Implies(value)...)
	a.change("setting: %s → %s", orNone(old), value)
}

// add puts a new subject into the picture.
func (a *applier) add(phrase string) {
	p := scene.Parse(phrase)
	s := easel.Subject{Noun: lastWord(phrase)}
	if len(p.Subjects) > 0 {
		s = p.Subjects[0]
	}
	if i := a.find(phrase); i >= 0 && a.sc.Subjects[i].Noun == s.Noun && slices.Equal(a.sc.Subjects[i].Adjectives, s.Adjectives) {
		a.change("%s: already in the picture", phrase)
		return
	}
	a.sc.Subjects = append(a.sc.Subjects, s)
	if s.Element != "" {
		a.addElements(s.Element)
	}
	link := "with"
	if slices.Contains(a.idea, "with") {
		link = "and"
	}
	a.idea = append(a.idea, link)
	a.idea = append(a.idea, strings.Fields(phrase)...)
	a.res.Unwanted = append(a.res.Unwanted, bare(phrase))
	a.change("added %s", phrase)
}

// remove takes a subject or element out and keeps it out.
func (a *applier) remove(target string) error {
	name := bare(target)
	if name == "" {
		return easel.Errorf(easel.EINVALID, "say what to remove, for example \"no people\"")
	}
	a.res.Negative = append(a.res.Negative, name)
	i := a.find(target)
	if i == 0 {
		return easel.Errorf(easel.EINVALID, "cannot remove %s: it is what the picture is of; replace it instead, for example \"make %s a lighthouse\"", name, target)
	}
	removed := false
	if i > 0 {
		s := a.sc.Subjects[i]
		a.sc.Subjects = slices.Delete(a.sc.Subjects, i, i+1)
		a.removeNounPhrase(s, true)
		if s.Element != "" {
			a.dropElements(s.Element)
		}
		removed = true
	}
	for _, el := range elementsOf(name) {
		if slices.Contains(a.sc.Elements, el) {
			a.dropElements(el)
			removed = true
		}
	}
	if removed {
		a.change("removed %s", name)
	} else {
		a.change("kept out: %s", name)
	}
	return nil
}

// replace swaps a subject for another.
func (a *applier) replace(target, phrase string) error {
	i := a.find(target)
	if i < 0 {
		return a.notThere(target)
	}
	old := a.sc.Subjects[i]
	p := scene.Parse(phrase)
	s := easel.Subject{Noun: lastWord(phrase)}
	if len(p.Subjects) > 0 {
		s = p.Subjects[0]
	}
	a.sc.Subjects[i] = s
	if old.Element != "" {
		a.dropElements(old.Element)
	}
	if s.Element != "" {
		a.addElements(s.Element)
	}
	if !a.replaceNounPhrase(old, phrase) {
		a.idea = append(a.idea, strings.Fields(phrase)...)
	}
	if i == 0 {
		a.sc.Subject = phrase
		if p.Domain != "" && p.Domain != "sky" {
			a.sc.Domain = p.Domain
		}
		if a.sc.Setting != "" && (a.sc.Setting == old.Noun || a.sc.Setting == singular(old.Noun)) {
			// "a beach sunset" made "a harbor": the place was the subject.
			a.sc.Setting = bare(phrase)
			a.dropped = append(a.dropped, old.Noun)
		}
	}
	a.res.Negative = append(a.res.Negative, old.Noun)
	a.change("%s → %s", nounPhrase(old), phrase)
	return nil
}

// describe changes how a subject looks: "make the boat red".
func (a *applier) describe(target, adjs string) error {
	i := a.find(target)
	if i < 0 {
		return a.notThere(target)
	}
	s := &a.sc.Subjects[i]
	old := nounPhrase(*s)
	add := strings.Fields(adjs)
	newColour := slices.ContainsFunc(add, func(w string) bool { return scene.Class(w) == "color" })
	var keep []string
	for _, x := range s.Adjectives {
		if newColour && scene.Class(x) == "color" || slices.Contains(add, x) {
			continue
		}
		keep = append(keep, x)
	}
	s.Adjectives = append(add, keep...)
	if newColour {
		// The subject's colour facts follow its new colour words.
		s.Colors = nil
		for _, w := range s.Adjectives {
			if scene.Class(w) == "color" {
				s.Colors = append(s.Colors, w)
			}
		}
	}
	phrase := nounPhrase(*s)
	a.replaceNounPhrase(easel.Subject{Noun: s.Noun, Adjectives: append(slices.Clone(keep), dropped(old, keep, s.Noun)...)}, phrase)
	if i == 0 {
		a.sc.Subject = articleFor(a.sc.Subject) + phrase
	}
	a.change("%s → %s", old, phrase)
	return nil
}

// dropped returns the adjectives of the old phrase that were taken away,
// so the old noun phrase can still be found in the idea.
func dropped(old string, keep []string, noun string) []string {
	var out []string
	for _, w := range strings.Fields(old) {
		if w != noun && !slices.Contains(keep, w) {
			out = append(out, w)
		}
	}
	return out
}

func (a *applier) notThere(target string) error {
	var have []string
	for _, s := range a.sc.Subjects {
		have = append(have, nounPhrase(s))
	}
	if len(have) == 0 {
		return easel.Errorf(easel.EINVALID, "there is no %s in this picture to change", bare(target))
	}
	return easel.Errorf(easel.EINVALID, "there is no %s in this picture to change: it has %s", bare(target), strings.Join(have, ", "))
}

// find returns the index of the subject target names, or -1.
func (a *applier) find(target string) int {
	name := bare(target)
	if name == "" {
		return -1
	}
	head := lastWord(name)
	els := elementsOf(name)
	for i, s := range a.sc.Subjects {
		if s.Noun == head || s.Noun == name || singular(s.Noun) == singular(head) ||
			(s.Element != "" && slices.Contains(els, s.Element)) {
			return i
		}
	}
	return -1
}

// elementsOf returns the canvas elements a phrase names ("people" gives
// people and person).
func elementsOf(name string) []string {
	var out []string
	p := scene.Parse(name)
	if len(p.Subjects) > 0 && p.Subjects[0].Element != "" {
		out = append(out, p.Subjects[0].Element)
	}
	if slices.Contains(easel.Elements, name) && !slices.Contains(out, name) {
		out = append(out, name)
	}
	if s := singular(name); slices.Contains(easel.Elements, s) && !slices.Contains(out, s) {
		out = append(out, s)
	}
	for _, e := range out {
		switch e {
		case "people":
			out = append(out, "person")
		case "person":
			out = append(out, "people")
		}
	}
	return out
}

func (a *applier) dropElements(els ...string) {
	a.sc.Elements = slices.DeleteFunc(a.sc.Elements, func(e string) bool { return slices.Contains(els, e) })
}

func (a *applier) addElements(els ...string) {
	for _, e := range els {
		if !slices.Contains(a.sc.Elements, e) {
			a.sc.Elements = append(a.sc.Elements, e)
		}
	}
}

// settle drops what the removed words implied and the rest of the idea
// no longer does: "a beach sunset" made night loses the sunset's orange
// and pink unless the person set that palette.
func (a *applier) settle() {
	if len(a.dropped) == 0 {
		return
	}
	now := scene.Parse(strings.Join(a.idea, " "))
	for _, d := range a.dropped {
		p := scene.Parse(d)
		if !a.palette {
			for _, c := range p.Palette {
				if !slices.Contains(now.Palette, c) {
					a.sc.Palette = slices.DeleteFunc(a.sc.Palette, func(x string) bool { return x == c })
				}
			}
		}
		for _, e := range p.Elements {
			if !slices.Contains(now.Elements, e) && !a.subjectElement(e) {
				a.dropElements(e)
			}
		}
	}
}

func (a *applier) subjectElement(e string) bool {
	for _, s := range a.sc.Subjects {
		if s.Element == e {
			return true
		}
	}
	return false
}

// The phrases the idea gets for a new time of day or weather.
var (
	timePhrases = map[string]string{
		"dawn": "at dawn", "morning": "in the morning", "noon": "at noon", "afternoon": "in the afternoon",
		"golden hour": "at golden hour", "sunset": "at sunset", "dusk": "at dusk", "night": "at night",
	}
	weatherPhrases = map[string]string{
		"cloudy": "under a cloudy sky", "overcast": "under an overcast sky", "rain": "in the rain",
		"storm": "in a storm", "snow": "in falling snow", "fog": "in fog", "mist": "in the mist", "wind": "in the wind",
	}
)

// weatherKey is the lexicon entry for a weather value.
func weatherKey(w string) string {
	if w == "snow" {
		return "snowfall"
	}
	return w
}

func placePhrase(setting string) string {
	if p := scene.Parse(setting); p.Setting != "" && scene.Proper(setting) {
		return "in " + setting
	}
	return "in the " + setting
}

func cloneScene(s *easel.Scene) *easel.Scene {
	c := *s
	c.Subjects = slices.Clone(s.Subjects)
	for i := range c.Subjects {
		c.Subjects[i].Adjectives = slices.Clone(c.Subjects[i].Adjectives)
	}
	c.Palette = slices.Clone(s.Palette)
	c.Elements = slices.Clone(s.Elements)
	c.Extra = slices.Clone(s.Extra)
	return &c
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

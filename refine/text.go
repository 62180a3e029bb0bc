package refine

import (
	"slices"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/lexical"
	"github.com/easel-art/easel/scene"
)

// The idea's text is edited word by word, so what the person typed stays
// as typed wherever the instruction does not touch it.

func words(s string) []string { return strings.Fields(s) }

// low is a word of the idea as the lexicon spells it.
func low(w string) string { return strings.ToLower(strings.Trim(w, ".,;:!?\"'()")) }

var (
	prepositions = setOf("at", "in", "during", "on", "under", "by", "with", "from", "beneath", "amid", "into")
	determiners  = setOf("a", "an", "the", "some", "his", "her", "their", "its", "my", "our", "your", "two", "three",
		"several", "many", "few", "any", "all", "every")
)

// inPlace is the word that stands where an old value was typed ("an
// autumn forest" becomes "a winter forest").
func inPlace(class, value string) string {
	switch class {
	case "weather":
		return weatherAdjectives[value]
	case "style":
		if n, ok := styleNouns[value]; ok {
			return n
		}
	}
	return value
}

var weatherAdjectives = map[string]string{
	"clear": "clear", "cloudy": "cloudy", "overcast": "overcast", "rain": "rainy", "storm": "stormy",
	"snow": "snowy", "fog": "foggy", "mist": "misty", "wind": "windy",
}

var styleNouns = map[string]string{
	"oil": "oil painting", "photo": "photo", "film photo": "film photo", "ink": "ink drawing",
	"woodblock": "woodblock print", "flat vector": "flat vector illustration", "3d render": "3d render",
	"anime": "anime illustration", "comic": "comic illustration", "cartoon": "cartoon",
	"noir": "noir photo", "papercut": "papercut illustration",
}

// classAt returns how many words at idea[i] make a phrase of the lexicon
// class, or 0. Adjectives that imply the class count too ("starry" is
// night, "snowy" winter).
func (a *applier) classAt(i int, class string) int {
	for n := min(4, len(a.idea)-i); n >= 1; n-- {
		p := make([]string, n)
		for k := range n {
			p[k] = low(a.idea[i+k])
		}
		phrase := strings.Join(p, " ")
		if a.protected(phrase, class) {
			continue
		}
		c := scene.Class(phrase)
		if c == class {
			return n
		}
		if c == "adj" || c == "place" && class == "weather" {
			sc := scene.Parse(phrase)
			switch {
			case class == "time" && sc.TimeOfDay != "",
				class == "weather" && sc.Weather != "" && sc.Setting == "",
				class == "season" && sc.Season != "" && c == "adj",
				class == "mood" && sc.Mood != "":
				return n
			}
		}
	}
	return 0
}

// protected reports whether a phrase is a subject's noun, or for a mood
// a subject's adjective, which the edit leaves alone ("a storm over the
// sea" is still a storm in the sunshine; "a lone camel" stays lone).
func (a *applier) protected(phrase, class string) bool {
	for _, s := range a.sc.Subjects {
		if s.Noun == phrase || class == "mood" && slices.Contains(s.Adjectives, phrase) {
			return true
		}
	}
	return false
}

// renameAdjective puts a new adjective in place of an old one wherever
// the Scene keeps the subject's words ("a rainy street" made foggy).
func (a *applier) renameAdjective(old, new string) {
	sc := a.sc
	adjective := false
	for _, s := range sc.Subjects {
		adjective = adjective || slices.Contains(s.Adjectives, old)
	}
	if !adjective && !strings.Contains(" "+sc.Setting+" ", " "+old+" ") {
		return // "a beach sunset": the subject is the beach
	}
	for i := range sc.Subjects {
		for k, x := range sc.Subjects[i].Adjectives {
			if x == old {
				sc.Subjects[i].Adjectives[k] = new
			}
		}
	}
	if adjective {
		sc.Subject = fixArticles(replaceWord(sc.Subject, old, new))
	}
	sc.Setting = replaceWord(sc.Setting, old, new)
}

// replaceWord replaces whole words of s; an empty new removes them.
func replaceWord(s, old, new string) string {
	if s == "" || !strings.Contains(s, old) {
		return s
	}
	w := strings.Fields(s)
	ow := strings.Fields(old)
	for i := 0; i+len(ow) <= len(w); i++ {
		if slices.Equal(w[i:i+len(ow)], ow) {
			w = slices.Replace(w, i, i+len(ow), strings.Fields(new)...)
			break
		}
	}
	return strings.Join(w, " ")
}

// removeClass takes the words of a lexicon class out of the idea. A
// phrase typed after a preposition ("at dusk", "in the rain") or at the
// end goes with it, and the caller says the new value at the end; one typed
// as an adjective ("an autumn forest") or a style or view ("a watercolor
// of a fox") is replaced in place by the new value, already in a.sc. It
// reports whether it found any, and whether the new value is now in place.
func (a *applier) removeClass(class string) (found, placed bool) {
	value := a.fieldValue(class)
	for i := 0; i < len(a.idea); i++ {
		n := a.classAt(i, class)
		if n == 0 {
			continue
		}
		found = true
		a.dropped = append(a.dropped, strings.ToLower(strings.Join(a.idea[i:i+n], " ")))
		start, end := i, i+n
		trail := trailing(a.idea[end-1])
		var with []string
		if class == "style" || class == "view" {
			with = strings.Fields(inPlace(class, value))
		} else {
			k := start
			if k > 0 && determiners[low(a.idea[k-1])] {
				k--
			}
			switch {
			case k > 0 && prepositions[low(a.idea[k-1])]:
				start = k - 1
			case end == len(a.idea) || trail != "" || value == "" || placed:
			default:
				with = strings.Fields(inPlace(class, value))
			}
		}
		if class != "mood" && class != "style" && class != "view" {
			a.renameAdjective(a.dropped[len(a.dropped)-1], strings.Join(with, " "))
		}
		if len(with) > 0 {
			placed = true
			with[len(with)-1] += trail
		} else if trail != "" && start > 0 {
			a.idea[start-1] = strings.TrimRight(a.idea[start-1], ",;:") + trail
		}
		a.idea = slices.Replace(a.idea, start, end, with...)
		i = start + len(with) - 1
	}
	return found, placed
}

// fieldValue is the value the Scene now has for a lexicon class.
func (a *applier) fieldValue(class string) string {
	switch class {
	case "time":
		return a.sc.TimeOfDay
	case "weather":
		return a.sc.Weather
	case "season":
		return a.sc.Season
	case "mood":
		return a.sc.Mood
	case "style":
		return a.sc.Style
	case "view":
		return a.sc.View
	}
	return ""
}

func trailing(w string) string {
	t := strings.TrimRight(w, ".,;:!?")
	return w[len(t):]
}

// nounPhrase is a subject as words: "red sailboat".
func nounPhrase(s easel.Subject) string {
	return strings.Join(append(slices.Clone(s.Adjectives), s.Noun), " ")
}

// findNoun returns the words of the idea that name s, with its
// adjectives and article: [start, end).
func (a *applier) findNoun(s easel.Subject) (int, int) {
	for j := range a.idea {
		if low(a.idea[j]) != s.Noun {
			continue
		}
		start := j
		for start > 0 {
			w := low(a.idea[start-1])
			if slices.Contains(s.Adjectives, w) || determiners[w] {
				start--
				if determiners[w] {
					break
				}
				continue
			}
			break
		}
		return start, j + 1
	}
	return -1, -1
}

// removeNounPhrase takes a subject's words out of the idea, with the
// "with" or "and" that joined them.
func (a *applier) removeNounPhrase(s easel.Subject, link bool) bool {
	start, end := a.findNoun(s)
	if start < 0 {
		return false
	}
	if link && start > 0 {
		switch low(a.idea[start-1]) {
		case "and", "plus", "&":
			start--
		case "with":
			if end < len(a.idea) && low(a.idea[end]) == "and" {
				end++
			} else {
				start--
			}
		}
	}
	if t := trailing(a.idea[end-1]); t != "" && start > 0 {
		a.idea[start-1] = strings.TrimRight(a.idea[start-1], ",;:") + t
	}
	a.idea = slices.Delete(a.idea, start, end)
	return true
}

// replaceNounPhrase puts phrase where a subject's words were.
func (a *applier) replaceNounPhrase(old easel.Subject, phrase string) bool {
	start, end := a.findNoun(old)
	if start < 0 {
		return false
	}
	with := strings.Fields(phrase)
	if t := trailing(a.idea[end-1]); t != "" {
		with[len(with)-1] += t
	}
	if !determiners[strings.ToLower(with[0])] && determiners[low(a.idea[start])] {
		with = append([]string{a.idea[start]}, with...)
	}
	a.idea = slices.Replace(a.idea, start, end, with...)
	return true
}

// replaceText takes a phrase (a setting) out of the idea with its
// preposition and article, and says the new one at the end.
func (a *applier) replaceText(old, value string) bool {
	ow := strings.Fields(old)
	for i := 0; i+len(ow) <= len(a.idea); i++ {
		match := true
		for k := range ow {
			if low(a.idea[i+k]) != ow[k] {
				match = false
				break
			}
		}
		if !match {
			continue
		}
		start := i
		if start > 0 && determiners[low(a.idea[start-1])] {
			start--
		}
		if start > 0 && prepositions[low(a.idea[start-1])] {
			start--
		}
		a.idea = slices.Delete(a.idea, start, i+len(ow))
		a.idea = append(a.idea, strings.Fields(placePhrase(value))...)
		return true
	}
	return false
}

// bare is a phrase without its article: "the cat" is "cat".
func bare(s string) string {
	w := strings.Fields(strings.ToLower(s))
	for len(w) > 0 && determiners[w[0]] {
		w = w[1:]
	}
	return strings.Join(w, " ")
}

func lastWord(s string) string {
	w := strings.Fields(s)
	if len(w) == 0 {
		return ""
	}
	return low(w[len(w)-1])
}

func articleFor(phrase string) string {
	w := strings.Fields(phrase)
	if len(w) > 0 && determiners[strings.ToLower(w[0])] {
		return w[0] + " "
	}
	return ""
}

// singular is a noun's singular from WordNet's lemmas and plurals, enough
// to match "cats" to "cat" and "mice" to "mouse" (and leave "bus" alone).
func singular(w string) string { return lexical.Singular(w) }

// fixArticles makes "a" and "an" agree with the word after them, as the
// writer does ("an hour", "a unicorn").
func fixArticles(s string) string { return string(lexical.FixArticles([]byte(s))) }

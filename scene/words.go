package scene

import (
	"github.com/easel-art/easel/lexical"

	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Display returns s with the proper names the lexicon knows capitalised
// where they were typed in lower case ("a rainy street in paris" becomes "a
// rainy street in Paris", "route 66" becomes "Route 66"), and a lone "i" as
// "I". Everything else is left as typed.
func Display(s string) string {
	lx := loadLexicon()
	if !mayCapitalise(lx, s) {
		return s
	}
	toks := tokenize(s)
	var b strings.Builder
	last := 0
	var buf []byte
	up := func(t token) {
		if t.text != t.low {
			return // typed with capitals: the person's choice stands
		}
		b.WriteString(s[last:t.start])
		r, n := utf8.DecodeRuneInString(t.text)
		b.WriteRune(unicode.ToUpper(r))
		b.WriteString(t.text[n:])
		last = t.end
	}
	for i := 0; i < len(toks); {
		n, f, _ := lookupAt(lx, toks, i, &buf)
		if n > 0 && f.e.cap {
			for _, t := range toks[i : i+n] {
				up(t)
			}
			i += n
			continue
		}
		// A multi-word phrase that is not a name may still hold one
		// ("japanese garden").
		for _, t := range toks[i : i+max(n, 1)] {
			if f, ok := lx.forms[t.low]; (ok && f.e.cap) || t.text == "i" {
				up(t)
			}
		}
		i += max(n, 1)
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// Plural reports whether a noun phrase ("mountains", "a lone camel",
// "northern lights", "people") names more than one thing, judging by its
// last word.
func Plural(np string) bool {
	if simple(np) && !strings.Contains(np, " ") {
		if f, plural, ok := lookupPhrase(np); ok {
			return plural || f.plural
		}
		return pluralEnding(np) || wordNetPlural(np)
	}
	lx := loadLexicon()
	toks := tokenize(np)
	if len(toks) == 0 {
		return false
	}
	// "two sheep", "12 fish": a count above one.
	if v, ok := numberWords[toks[0].low]; ok && v > 1 && toks[0].low != "single" {
		return true
	}
	if v, ok := digits(toks[0].low); ok && v > 1 && len(toks) > 1 {
		return true
	}
	var buf []byte
	// Try the longest known phrase that ends the noun phrase.
	for i := range toks {
		n, f, plural := lookupAt(lx, toks, i, &buf)
		if n > 0 && i+n == len(toks) {
			return plural || f.plural
		}
	}
	last := toks[len(toks)-1].low
	return pluralEnding(last) || wordNetPlural(last)
}

// wordNetPlural reports an irregular plural WordNet knows (teeth, fungi,
// dice) that has no regular ending.
func wordNetPlural(w string) bool {
	_, plural, ok := lexical.FindNoun(w)
	return ok && plural
}

// Key returns the lexicon's canonical name for a word or phrase ("kittens"
// gives "cat", "sand dunes" gives "sand dune"), or "" when the lexicon does
// not know it. The prompt writer keys its phrase tables on these names.
func Key(phrase string) string {
	f, _, ok := lookupPhrase(phrase)
	if !ok {
		return ""
	}
	return f.e.key
}

// NamesPicture reports whether the idea begins by naming the kind of
// picture, as in "a watercolor painting of a harbor town" or "a portrait
// of an elderly fisherman", so a writer need not name it again.
func NamesPicture(idea string) bool {
	toks := tokenize(idea)
	if len(toks) == 0 {
		return false
	}
	items := match(loadLexicon(), toks)
	chunks := chunkItems(items)
	resolveOf(chunks)
	return len(chunks) > 0 && chunks[0].frame
}

// Class returns what the lexicon says a word or phrase is: "place",
// "thing", "frame", "adj", "verb", "time", "weather", "season", "mood",
// "color", "style" or "view"; "" when the lexicon does not know it.
func Class(phrase string) string {
	f, _, ok := lookupPhrase(phrase)
	if !ok {
		return ""
	}
	return classLabels[f.e.class]
}

var classLabels = func() map[class]string {
	m := make(map[class]string, len(classNames))
	for name, c := range classNames {
		m[c] = name
	}
	return m
}()

// Implies returns the elements a lexicon phrase implies ("rocky coast"
// gives sea, rocks, cliffs and waves), or nil when the lexicon does not
// know it.
func Implies(phrase string) []string {
	f, _, ok := lookupPhrase(phrase)
	if !ok {
		return nil
	}
	return append([]string(nil), f.e.elements...)
}

// Proper reports whether the lexicon writes a word or phrase as a name
// ("paris", "route 66").
func Proper(phrase string) bool {
	f, _, ok := lookupPhrase(phrase)
	return ok && f.e.cap
}

// Vocabulary lists the values the lexicon can give each Scene field:
// "time", "weather", "season", "mood", "style", "view" and "domain", each
// sorted. Writers use it to check they have words for every value.
func Vocabulary() map[string][]string {
	lx := loadLexicon()
	sets := map[string]map[string]bool{}
	add := func(k, v string) {
		if v == "" {
			return
		}
		if sets[k] == nil {
			sets[k] = map[string]bool{}
		}
		sets[k][v] = true
	}
	for _, f := range lx.forms {
		e := f.e
		add("time", e.time)
		add("weather", e.weather)
		add("season", e.season)
		add("mood", e.mood)
		add("style", e.style)
		add("view", e.view)
		add("domain", e.domain)
	}
	out := make(map[string][]string, len(sets))
	for k, set := range sets {
		for v := range set {
			out[k] = append(out[k], v)
		}
		slices.Sort(out[k])
	}
	return out
}

// lookupPhrase finds a whole phrase in the lexicon. Plain lower-case
// phrases, the common case for callers such as the prompt writer, are
// looked up directly, without tokenizing.
func lookupPhrase(phrase string) (form, bool, bool) {
	lx := loadLexicon()
	if simple(phrase) {
		if f, ok := lx.forms[phrase]; ok {
			return f, pluralEnding(lastWord(phrase)) && !f.e.cap, true
		}
		last := lastWord(phrase)
		stem := phrase[:len(phrase)-len(last)]
		for _, sg := range singulars(last) {
			if sg == "" {
				continue
			}
			if f, ok := lx.forms[stem+sg]; ok {
				return f, true, true
			}
		}
		if !strings.Contains(phrase, " ") || lx.longest[firstWord(phrase)] == 0 {
			return form{}, false, false
		}
	}
	toks := tokenize(phrase)
	if len(toks) == 0 {
		return form{}, false, false
	}
	var buf []byte
	n, f, plural := lookupAt(lx, toks, 0, &buf)
	if n != len(toks) {
		return form{}, false, false
	}
	return f, plural, true
}

// simple reports whether s is lower-case words separated by single spaces.
func simple(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '-':
		case c == ' ' && s[i-1] != ' ':
		default:
			return false
		}
	}
	return true
}

func lastWord(s string) string { return s[strings.LastIndexByte(s, ' ')+1:] }

func firstWord(s string) string {
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[:i]
	}
	return s
}

// mayCapitalise reports cheaply whether Display could change s: whether
// any word of it starts a name the lexicon capitalises, or is "i".
func mayCapitalise(lx *lexicon, s string) bool {
	for w := range strings.FieldsSeq(s) {
		w = strings.ToLower(strings.TrimFunc(w, isEdgeOrSeparator))
		if w == "i" || lx.capFirst[w] {
			return true
		}
	}
	return false
}

func isEdgeOrSeparator(r rune) bool { return isEdge(r) || isSeparator(r) }

package scene

import (
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
	lx := loadLexicon()
	toks := tokenize(np)
	if len(toks) == 0 {
		return false
	}
	var buf []byte
	// Try the longest known phrase that ends the noun phrase.
	for i := range toks {
		n, f, plural := lookupAt(lx, toks, i, &buf)
		if n > 0 && i+n == len(toks) {
			return plural || f.plural
		}
	}
	return pluralEnding(toks[len(toks)-1].low)
}

// Key returns the lexicon's canonical name for a word or phrase ("kittens"
// gives "cat", "sand dunes" gives "sand dune"), or "" when the lexicon does
// not know it. The prompt writer keys its phrase tables on these names.
func Key(phrase string) string {
	lx := loadLexicon()
	toks := tokenize(phrase)
	if len(toks) == 0 {
		return ""
	}
	var buf []byte
	n, f, _ := lookupAt(lx, toks, 0, &buf)
	if n != len(toks) {
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
	lx := loadLexicon()
	toks := tokenize(phrase)
	if len(toks) == 0 {
		return ""
	}
	var buf []byte
	n, f, _ := lookupAt(lx, toks, 0, &buf)
	if n != len(toks) {
		return ""
	}
	for name, c := range classNames {
		if c == f.e.class {
			return name
		}
	}
	return ""
}

// Implies returns the elements a lexicon phrase implies ("rocky coast"
// gives sea, rocks, cliffs and waves), or nil when the lexicon does not
// know it.
func Implies(phrase string) []string {
	lx := loadLexicon()
	toks := tokenize(phrase)
	if len(toks) == 0 {
		return nil
	}
	var buf []byte
	n, f, _ := lookupAt(lx, toks, 0, &buf)
	if n != len(toks) {
		return nil
	}
	return append([]string(nil), f.e.elements...)
}

// Proper reports whether the lexicon writes a word or phrase as a name
// ("paris", "route 66").
func Proper(phrase string) bool {
	lx := loadLexicon()
	toks := tokenize(phrase)
	if len(toks) == 0 {
		return false
	}
	var buf []byte
	n, f, _ := lookupAt(lx, toks, 0, &buf)
	return n == len(toks) && f.e.cap
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

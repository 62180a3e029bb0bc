package scene

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/easel-art/easel"
)

// Parse reads an idea into a Scene. It never fails: an empty idea gives an
// empty Scene, and words the lexicon does not know stay in Subject,
// Subjects or Extra. The same idea always gives the same Scene.
func Parse(idea string) *easel.Scene {
	sc := &easel.Scene{Idea: strings.TrimSpace(idea)}
	toks := tokenize(blankControls(sc.Idea))
	if len(toks) == 0 {
		return sc
	}
	possessives(toks)
	items := match(loadLexicon(), toks)
	chunks := chunkItems(items)
	fill(sc, items, chunks)
	addFacts(sc, toks, items)
	keepEveryWord(sc, items)
	return sc
}

// token is one word of the idea, with the punctuation at its edges removed.
type token struct {
	text       string // as typed
	low        string // lower case
	start, end int    // byte offsets of text in the idea
	brk        bool   // a clause break (comma, full stop, ...) follows
	poss       bool   // a possessive whose "'s" was cut ("father's")
}

// possessives cuts the "'s" of possessive words: "his father's
// shoulders" names the father.
func possessives(toks []token) {
	for i := range toks {
		t := &toks[i]
		for _, suf := range []string{"'s", "’s"} {
			if stem, ok := strings.CutSuffix(t.low, suf); ok && len(stem) > 1 && i+1 < len(toks) {
				t.low, t.text, t.poss = stem, t.text[:len(t.text)-len(suf)], true
				t.end -= len(suf)
			}
		}
	}
}

// tokenize splits s into words. Spaces and the punctuation ,;!?()[]{}"
// separate words; hyphens and apostrophes inside a word stay ("close-up",
// "bird's").
// blankControls turns terminal escape sequences (ESC [ … final byte) and
// other control characters into spaces of the same length, so a pasted
// colour code never becomes a word of the Scene ("the \x1b") while the
// token offsets stay those of the idea.
func blankControls(s string) string {
	if strings.IndexFunc(s, func(r rune) bool { return unicode.IsControl(r) && r != '\t' && r != '\n' }) < 0 {
		return s
	}
	b := []byte(s)
	for i := 0; i < len(b); i++ {
		switch {
		case b[i] == 0x1b && i+1 < len(b) && b[i+1] == '[':
			j := i + 2
			for j < len(b) && (b[j] < 0x40 || b[j] > 0x7e) {
				j++
			}
			for k := i; k <= min(j, len(b)-1); k++ {
				b[k] = ' '
			}
			i = j
		case b[i] < 0x20 || b[i] == 0x7f:
			b[i] = ' '
		}
	}
	return string(b)
}

func tokenize(s string) []token {
	toks := make([]token, 0, len(s)/5+1)
	start := -1
	for i := 0; i <= len(s); {
		r, n := rune(' '), 1
		if i < len(s) {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case unicode.IsSpace(r):
			toks = appendToken(toks, s, start, i, false)
			start = -1
		case isSeparator(r):
			toks = appendToken(toks, s, start, i, isBreak(r))
			start = -1
		default:
			if start < 0 {
				start = i
			}
		}
		i += n
	}
	return toks
}

// appendToken appends s[start:end] as a token, with the punctuation at its
// edges trimmed; brk marks a clause break after it. A word that is only
// punctuation passes its break on to the word before.
func appendToken(toks []token, s string, start, end int, brk bool) []token {
	if start < 0 {
		if brk && len(toks) > 0 {
			toks[len(toks)-1].brk = true
		}
		return toks
	}
	a, b := start, end
	for a < b {
		r, n := utf8.DecodeRuneInString(s[a:b])
		if !isEdge(r) {
			break
		}
		a += n
	}
	for a < b {
		r, n := utf8.DecodeLastRuneInString(s[a:b])
		if !isEdge(r) {
			break
		}
		if r == '.' || r == ':' || r == '…' {
			brk = true
		}
		b -= n
	}
	if a == b {
		if brk && len(toks) > 0 {
			toks[len(toks)-1].brk = true
		}
		return toks
	}
	return append(toks, token{text: s[a:b], low: strings.ToLower(s[a:b]), start: a, end: b, brk: brk})
}

func isSeparator(r rune) bool {
	switch r {
	case ',', ';', '!', '?', '(', ')', '[', ']', '{', '}', '"', '“', '”', '|', '<', '>':
		return true
	}
	return false
}

func isBreak(r rune) bool {
	switch r {
	case ',', ';', '!', '?', '(', ')', '[', ']', '|':
		return true
	}
	return false
}

func isEdge(r rune) bool {
	if r == '#' || r == '&' || r == '+' {
		return false
	}
	return unicode.IsPunct(r) || unicode.IsSymbol(r) || r == utf8.RuneError
}

// fnKind classifies the function words that shape an idea's grammar.
type fnKind uint8

const (
	fnNone fnKind = iota
	fnDet         // a, the, some
	fnNum         // two, 3
	fnPrep        // in, on, under, with, of
	fnConj        // and, or, while, that
	fnStop        // is, very: carries no content
)

var functionWords = map[string]fnKind{
	"a": fnDet, "an": fnDet, "the": fnDet, "some": fnDet, "this": fnDet, "these": fnDet,
	"those": fnDet, "my": fnDet, "your": fnDet, "our": fnDet, "his": fnDet, "her": fnDet,
	"their": fnDet, "its": fnDet, "every": fnDet, "each": fnDet, "any": fnDet, "another": fnDet,
	"many": fnDet, "several": fnDet, "few": fnDet, "numerous": fnDet, "countless": fnDet,

	"of": fnPrep, "in": fnPrep, "on": fnPrep, "at": fnPrep, "under": fnPrep, "over": fnPrep,
	"above": fnPrep, "below": fnPrep, "beneath": fnPrep, "beside": fnPrep, "by": fnPrep,
	"near": fnPrep, "with": fnPrep, "without": fnPrep, "along": fnPrep, "alongside": fnPrep,
	"across": fnPrep, "through": fnPrep, "into": fnPrep, "onto": fnPrep, "from": fnPrep,
	"to": fnPrep, "for": fnPrep, "during": fnPrep, "behind": fnPrep, "inside": fnPrep,
	"around": fnPrep, "between": fnPrep, "among": fnPrep, "amongst": fnPrep, "amid": fnPrep,
	"amidst": fnPrep, "against": fnPrep, "beyond": fnPrep, "toward": fnPrep, "towards": fnPrep,
	"upon": fnPrep, "underneath": fnPrep, "past": fnPrep, "off": fnPrep, "outside": fnPrep,
	"within": fnPrep, "atop": fnPrep, "via": fnPrep, "like": fnPrep, "after": fnPrep,
	"before": fnPrep, "next": fnPrep, "throughout": fnPrep, "featuring": fnPrep, "showing": fnPrep,
	"out": fnPrep, "up": fnPrep, "down": fnPrep,
	// "full" links like "with": "a library full of books" is a library.
	"full": fnPrep,

	"and": fnConj, "or": fnConj, "but": fnConj, "while": fnConj, "as": fnConj, "where": fnConj,
	"which": fnConj, "who": fnConj, "that": fnConj, "whose": fnConj, "when": fnConj,
	"then": fnConj, "plus": fnConj, "&": fnConj, "+": fnConj, "nor": fnConj, "yet": fnConj,

	"is": fnStop, "are": fnStop, "was": fnStop, "were": fnStop, "be": fnStop, "been": fnStop,
	"being": fnStop, "it": fnStop, "there": fnStop, "here": fnStop, "has": fnStop,
	"have": fnStop, "had": fnStop, "very": fnStop, "so": fnStop, "too": fnStop, "just": fnStop,
	"really": fnStop, "quite": fnStop, "extremely": fnStop, "lots": fnStop, "lot": fnStop,
	"please": fnStop, "make": fnStop, "draw": fnStop, "paint": fnStop, "create": fnStop,
	"show": fnStop, "me": fnStop, "i": fnStop, "want": fnStop, "them": fnStop, "they": fnStop,
	"him": fnStop, "he": fnStop, "she": fnStop, "we": fnStop, "us": fnStop, "you": fnStop,
}

var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12, "pair": 2,
	"single": 1, "twin": 2,
}

// item is one unit of an idea: a lexicon phrase, a function word or an
// unknown word.
type item struct {
	text   string // as typed (words joined by one space)
	low    string
	e      *entry // nil for function words and unknown words
	fn     fnKind
	num    int
	plural bool
	brk    bool // a clause break follows
	verb   bool // an unknown word used as a verb ("zizzling")
}

// class returns the item's lexicon class, cNone when it has none.
func (it *item) class() class {
	if it.e == nil {
		return cNone
	}
	return it.e.class
}

// match finds the lexicon phrases in toks, longest first.
func match(lx *lexicon, toks []token) []item {
	items := make([]item, 0, len(toks))
	buf := make([]byte, 0, 64)
	for i := 0; i < len(toks); {
		n, f, plural := lookupAt(lx, toks, i, &buf)
		if n > 1 {
			items = append(items, phraseItem(toks[i:i+n], f, plural))
			i += n
			continue
		}
		t := toks[i]
		if v, ok := numberWords[t.low]; ok {
			items = append(items, item{text: t.text, low: t.low, fn: fnNum, num: v, brk: t.brk})
			i++
			continue
		}
		if v, ok := digits(t.low); ok && n == 0 && i+1 < len(toks) {
			items = append(items, item{text: t.text, low: t.low, fn: fnNum, num: v, brk: t.brk})
			i++
			continue
		}
		if k, ok := functionWords[t.low]; ok {
			items = append(items, item{text: t.text, low: t.low, fn: k, brk: t.brk})
			i++
			continue
		}
		if n == 1 {
			items = append(items, phraseItem(toks[i:i+1], f, plural))
		} else {
			items = append(items, item{text: t.text, low: t.low, brk: t.brk})
		}
		i++
	}
	return items
}

func phraseItem(toks []token, f form, plural bool) item {
	it := item{e: f.e, plural: plural || f.plural, brk: toks[len(toks)-1].brk}
	if len(toks) == 1 {
		it.text, it.low = toks[0].text, toks[0].low
		return it
	}
	var t, l strings.Builder
	for j, tk := range toks {
		if j > 0 {
			t.WriteByte(' ')
			l.WriteByte(' ')
		}
		t.WriteString(tk.text)
		l.WriteString(tk.low)
	}
	it.text, it.low = t.String(), l.String()
	return it
}

// lookupAt returns the length in words of the longest lexicon phrase at
// toks[i] (0 when none), its form, and whether it was found through a
// regular plural of its last word.
func lookupAt(lx *lexicon, toks []token, i int, buf *[]byte) (int, form, bool) {
	longest := lx.longest[toks[i].low]
	if longest == 0 {
		// The first word may itself be a plural ("foxes").
		for _, s := range singulars(toks[i].low) {
			if s != "" && lx.longest[s] > 0 {
				longest = 1
				break
			}
		}
	}
	for n := min(longest, len(toks)-i); n >= 1; n-- {
		if n > 1 && toks[i+n-2].brk {
			continue // a phrase never spans a comma
		}
		b := (*buf)[:0]
		for j := i; j < i+n-1; j++ {
			b = append(b, toks[j].low...)
			b = append(b, ' ')
		}
		stem := len(b)
		b = append(b, toks[i+n-1].low...)
		*buf = b
		if f, ok := lx.forms[string(b)]; ok {
			return n, f, pluralEnding(toks[i+n-1].low) && !f.e.cap
		}
		for _, s := range singulars(toks[i+n-1].low) {
			if s == "" {
				continue
			}
			b = append(b[:stem], s...)
			*buf = b
			if f, ok := lx.forms[string(b)]; ok {
				return n, f, true
			}
		}
	}
	return 0, form{}, false
}

// singulars returns the singular forms a regular plural may come from,
// most likely first; entries are "" where a rule does not apply.
func singulars(w string) [3]string {
	var out [3]string
	n := len(w)
	if n < 4 || w[n-1] != 's' || w[n-2] == 's' || w[n-2] == 'u' || w[n-2] == 'i' {
		return out
	}
	switch {
	case strings.HasSuffix(w, "ies"):
		out[0] = w[:n-3] + "y"
	case strings.HasSuffix(w, "ves"):
		out[0] = w[:n-3] + "f"
		out[1] = w[:n-3] + "fe"
	}
	if strings.HasSuffix(w, "es") && out[0] == "" {
		out[1] = w[:n-2]
	}
	out[2] = w[:n-1]
	return out
}

// pluralEnding reports whether w looks like a regular English plural.
func pluralEnding(w string) bool {
	n := len(w)
	if n < 4 || w[n-1] != 's' {
		return false
	}
	switch w[n-2] {
	case 's', 'u', 'i', 'a', 'o':
		return false
	}
	return true
}

func digits(s string) (int, bool) {
	if s == "" || len(s) > 6 {
		return 0, false
	}
	v := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		v = v*10 + int(s[i]-'0')
	}
	return v, true
}

// chunk is a noun phrase of the idea and the preposition that introduced it.
type chunk struct {
	prep     string // "" for the first chunk and after a comma
	dets     []item
	items    []item // content words
	head     int    // index of the head noun in items, -1 when there are no items
	count    int
	of       *chunk // the complement in "a bowl of ramen"
	frame    bool   // names the kind of picture ("a portrait of ...")
	absorbed bool   // merged into another chunk as its complement
}

func (c *chunk) headItem() *item {
	if c.head < 0 {
		return nil
	}
	return &c.items[c.head]
}

// chunkItems splits items into noun phrases at prepositions, conjunctions,
// verbs and clause breaks.
func chunkItems(items []item) []*chunk {
	var chunks []*chunk
	cur := &chunk{head: -1}
	prep := ""
	closeChunk := func() {
		if len(cur.items) > 0 || len(cur.dets) > 0 {
			cur.findHead()
			chunks = append(chunks, cur)
		}
		cur = &chunk{head: -1, prep: prep}
	}
	for i := range items {
		it := items[i]
		switch {
		case it.fn == fnPrep:
			closeChunk()
			if len(cur.items) == 0 && len(cur.dets) == 0 && i > 0 && items[i-1].fn == fnPrep {
				prep += " " + it.low // "next to", "out of"
			} else {
				prep = it.low
			}
			cur.prep = prep
		case it.fn == fnConj || it.fn == fnStop:
			closeChunk()
			if it.fn == fnConj && !(it.low == "and" || it.low == "or" || it.low == "&" || it.low == "+") {
				prep = it.low
			}
			// After "and" the next phrase plays the same part as the last.
			cur.prep = prep
		case it.class() == cVerb || (it.e == nil && it.fn == fnNone && looksLikeVerb(it.low) && cur.hasNoun()):
			closeChunk()
			it.verb = true
			prep = it.low
			cur.prep = prep
			// The verb itself is kept as a content word of its own chunk
			// so that nothing typed is lost.
			chunks = append(chunks, &chunk{prep: "", items: []item{it}, head: 0})
		case it.fn == fnDet || it.fn == fnNum:
			if len(cur.items) > 0 {
				closeChunk()
			}
			cur.dets = append(cur.dets, it)
			if it.num > 0 {
				cur.count = it.num
			}
		default:
			cur.items = append(cur.items, it)
		}
		if it.brk {
			prep = ""
			closeChunk()
		}
	}
	closeChunk()
	return chunks
}

func looksLikeVerb(w string) bool {
	return len(w) > 5 && (strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed"))
}

func (c *chunk) hasNoun() bool {
	for i := range c.items {
		switch c.items[i].class() {
		case cPlace, cThing, cFrame, cNone:
			return true
		}
	}
	return false
}

// findHead picks the head noun: the last place, thing, frame or unknown
// word; failing that, the last content word.
func (c *chunk) findHead() {
	c.head = -1
	for i := len(c.items) - 1; i >= 0; i-- {
		switch c.items[i].class() {
		case cPlace, cThing, cFrame, cNone:
			c.head = i
			return
		}
	}
	if len(c.items) > 0 {
		c.head = len(c.items) - 1
	}
}

// isVerbChunk reports whether c only holds the verb that linked two phrases.
func (c *chunk) isVerbChunk() bool {
	return len(c.items) == 1 && (c.items[0].verb || c.items[0].class() == cVerb)
}

// phrase writes the chunk as a noun phrase: determiners, modifiers, the
// head and the words after it that still belong to the phrase ("a beach
// sunset"), then its "of" complement. Views and styles after the head
// ("an island seen from above") are left out.
func (c *chunk) phrase(b *strings.Builder, withDets bool) {
	first := true
	add := func(s string) {
		if !first {
			b.WriteByte(' ')
		}
		b.WriteString(s)
		first = false
	}
	if withDets {
		for _, d := range c.dets {
			add(d.low)
		}
	}
	for i := range c.items {
		if i > c.head {
			switch c.items[i].class() {
			case cView, cStyle, cVerb, cMood:
				continue
			}
		}
		add(c.items[i].low)
	}
	if c.of != nil {
		add("of ")
		c.of.phrase(b, withDets)
	}
}

func (c *chunk) phraseString(withDets bool) string {
	var b strings.Builder
	c.phrase(&b, withDets)
	return b.String()
}

// subject builds the easel.Subject for a chunk's head.
func (c *chunk) subject() easel.Subject {
	h := c.headItem()
	s := easel.Subject{Noun: h.low, Count: c.count}
	for i := 0; i < c.head; i++ {
		s.Adjectives = append(s.Adjectives, c.items[i].low)
	}
	if h.e != nil && len(h.e.elements) > 0 {
		s.Element = h.e.elements[0]
		if s.Element == "person" && (h.plural || c.count > 1) {
			s.Element = "people"
		}
	}
	if s.Count == 1 {
		s.Count = 0
	}
	return s
}

// fill sets the Scene's fields from the matched items and chunks.
func fill(sc *easel.Scene, items []item, chunks []*chunk) {
	resolveOf(chunks)

	// The subject is the first phrase with content that is not a frame.
	var subj *chunk
	for _, c := range chunks {
		if c.absorbed || c.frame || c.head < 0 || c.isVerbChunk() {
			continue
		}
		subj = c
		break
	}
	if subj == nil {
		for _, c := range chunks {
			if !c.absorbed && c.head >= 0 {
				subj = c
				break
			}
		}
	}
	fillSubjects(sc, subj, chunks)
	sc.Setting = setting(chunks)
	sc.Domain = domain(subj, chunks, items)
	fillFields(sc, items)
}

// resolveOf handles "X of Y" and "X with Y": when X is a frame or a style
// it names the kind of picture and Y is the subject; otherwise Y completes
// X ("a field of sunflowers", "a bowl of ramen").
func resolveOf(chunks []*chunk) {
	for i := 0; i+1 < len(chunks); i++ {
		c, next := chunks[i], chunks[i+1]
		if c.absorbed || c.head < 0 || next.head < 0 || next.isVerbChunk() {
			continue
		}
		h := c.headItem()
		isFrame := h.class() == cFrame || h.class() == cStyle
		switch {
		case isFrame && (next.prep == "of" || next.prep == "with" || next.prep == "featuring" || next.prep == "showing"):
			c.frame = true
		case next.prep == "of" && !isFrame:
			c.of = next
			next.absorbed = true
			i++
		}
	}
}

// fillSubjects sets Subject and Subjects: the subject phrase first, then
// every other phrase whose head is a thing or an unknown word.
func fillSubjects(sc *easel.Scene, subj *chunk, chunks []*chunk) {
	if subj != nil {
		sc.Subject = subj.phraseString(true)
		if subj.of != nil && subj.headItem().e != nil && subj.headItem().e.of {
			sc.Subjects = append(sc.Subjects, subj.of.subject(), subj.subject())
		} else {
			sc.Subjects = append(sc.Subjects, subj.subject())
			if subj.of != nil {
				sc.Subjects = append(sc.Subjects, subj.of.subject())
			}
		}
	}
	for _, c := range chunks {
		if c == subj || c.absorbed || c.frame || c.head < 0 || c.isVerbChunk() {
			continue
		}
		switch c.headItem().class() {
		case cThing, cNone, cPlace:
			if c.headItem().class() == cPlace && (c == settingChunk(chunks) || c.headItem().e.domain == "sky") {
				continue
			}
			sc.Subjects = append(sc.Subjects, c.subject())
			if c.of != nil {
				sc.Subjects = append(sc.Subjects, c.of.subject())
			}
		}
	}

}

// fillFields sets time, weather, season, mood, style, view, palette and
// elements.
func fillFields(sc *easel.Scene, items []item) {
	// Explicit words first ("at dusk"), then what other words imply
	// ("full moon" implies night).
	for pass := 0; pass < 2; pass++ {
		for i := range items {
			e := items[i].e
			if e == nil {
				continue
			}
			explicit := pass == 0
			set := func(field *string, value string, cl class) {
				if *field == "" && value != "" && (e.class == cl) == explicit {
					*field = value
				}
			}
			set(&sc.TimeOfDay, e.time, cTime)
			set(&sc.Weather, e.weather, cWeather)
			set(&sc.Season, e.season, cSeason)
			set(&sc.Mood, e.mood, cMood)
			set(&sc.Style, e.style, cStyle)
			set(&sc.View, e.view, cView)
			if (e.class == cColor) == explicit {
				for _, p := range e.palette {
					if !slices.Contains(sc.Palette, p) {
						sc.Palette = append(sc.Palette, p)
					}
				}
			}
		}
	}

	// Elements: the subject's first, then the rest in the order typed.
	addEl := func(e *entry, plural bool) {
		for _, el := range e.elements {
			if el == "person" && plural {
				el = "people"
			}
			if !slices.Contains(sc.Elements, el) {
				sc.Elements = append(sc.Elements, el)
			}
		}
	}
	for _, s := range sc.Subjects {
		if s.Element != "" && !slices.Contains(sc.Elements, s.Element) {
			sc.Elements = append(sc.Elements, s.Element)
		}
	}
	for i := range items {
		if items[i].e != nil {
			addEl(items[i].e, items[i].plural)
		}
	}
	dropImpliedSea(sc, items)
}

// dropImpliedSea removes the sea that a boat, a whale or a fishing village
// implies when the idea names a lake, a river or a pond for it instead: "a
// sailboat on a lake" sails on the lake, not on the sea. A sea the idea
// names ("a lake by the sea", "a beach") stays.
func dropImpliedSea(sc *easel.Scene, items []item) {
	i := slices.Index(sc.Elements, "sea")
	if i < 0 || !slices.ContainsFunc(sc.Elements, func(e string) bool { return e == "lake" || e == "river" || e == "pond" }) {
		return
	}
	for _, it := range items {
		if it.e != nil && len(it.e.elements) > 0 {
			switch it.e.elements[0] {
			case "sea", "beach", "palms":
				return
			}
		}
	}
	sc.Elements = slices.Delete(sc.Elements, i, i+1)
}

// setting returns the place phrase of the idea: the first phrase whose head
// is a place, preferring places on the ground to the sky. A following "in
// Paris" is kept with it ("street in paris").
func setting(chunks []*chunk) string {
	best := settingIndex(chunks)
	if best < 0 {
		return ""
	}
	c := chunks[best]
	var b strings.Builder
	for i := 0; i <= c.head; i++ {
		if c.items[i].class() == cMood {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(c.items[i].low)
	}
	if c.of != nil {
		b.WriteString(" of ")
		c.of.phrase(&b, false)
	}
	for _, n := range chunks[best+1:] {
		if n.absorbed {
			continue
		}
		if n.prep == "in" && n.head >= 0 && n.headItem().e != nil && n.headItem().e.cap && n.headItem().class() == cPlace {
			b.WriteString(" in ")
			b.WriteString(n.headItem().low)
		}
		break
	}
	return b.String()
}

// domain picks the scene's domain: the subject's, else the first known
// thing's or place's, else any word's.
func domain(subj *chunk, chunks []*chunk, items []item) string {
	if subj != nil {
		if h := subj.headItem(); h.e != nil && h.e.domain != "" {
			switch h.class() {
			case cThing, cPlace, cFrame:
				return h.e.domain
			}
		}
		if subj.of != nil {
			if h := subj.of.headItem(); h != nil && h.e != nil && h.e.domain != "" {
				return h.e.domain
			}
		}
	}
	for _, want := range []class{cThing, cPlace} {
		for _, c := range chunks {
			if h := c.headItem(); h != nil && h.class() == want && h.e.domain != "" {
				return h.e.domain
			}
		}
	}
	for i := range items {
		if e := items[i].e; e != nil && e.domain != "" && e.domain != "sky" {
			return e.domain
		}
	}
	return ""
}

// keepEveryWord adds to Extra every content word of the idea that no other
// field holds, so nothing the person typed is dropped.
func keepEveryWord(sc *easel.Scene, items []item) {
	// Ideas are short: scanning the fields is cheaper than building a set.
	fields := make([]string, 0, 16)
	fields = append(fields, sc.Subject, sc.Setting, sc.TimeOfDay, sc.Weather, sc.Season, sc.Mood, sc.Style, sc.View)
	for _, s := range sc.Subjects {
		fields = append(fields, s.Noun)
		fields = append(fields, s.Adjectives...)
	}
	fields = append(fields, sc.Palette...)
	var extra map[string]bool // for very long ideas only
	if len(items) > 200 {
		extra = map[string]bool{}
	}
	kept := func(w string) bool {
		for _, f := range fields {
			if hasWord(f, w) || strings.IndexByte(f, '\'') >= 0 && hasWord(f, w+"'s") {
				return true // "witch" in "a witch's cottage"
			}
		}
		if extra != nil {
			if extra[w] {
				return true
			}
			extra[w] = true
			return false
		}
		return slices.Contains(sc.Extra, w)
	}
	for i := range items {
		it := &items[i]
		if it.fn != fnNone && it.fn != fnNum {
			continue
		}
		for w := range strings.FieldsSeq(it.low) {
			if !kept(w) {
				sc.Extra = append(sc.Extra, w)
			}
		}
	}
}

// hasWord reports whether w is one of the space-separated words of s.
func hasWord(s, w string) bool {
	if w == "" {
		return false
	}
	for from := 0; from < len(s); {
		i := strings.Index(s[from:], w)
		if i < 0 {
			return false
		}
		i += from
		end := i + len(w)
		if (i == 0 || s[i-1] == ' ') && (end == len(s) || s[end] == ' ') {
			return true
		}
		from = i + 1
	}
	return false
}

// locative lists the prepositions that put a subject in a place.
var locative = map[string]bool{
	"in": true, "on": true, "at": true, "by": true, "along": true, "over": true, "under": true,
	"across": true, "near": true, "beside": true, "inside": true, "through": true, "among": true,
	"amid": true, "amidst": true, "beneath": true, "atop": true, "upon": true, "around": true,
	"into": true, "within": true, "throughout": true, "behind": true, "below": true, "above": true,
}

// settingIndex picks the chunk that names the setting: the first place on
// the ground that a preposition puts the subject in ("a cabin in a snowy
// forest"), else the first place on the ground ("a desert with ..."), else
// the first place at all ("under a blue sky"); -1 when there is none.
func settingIndex(chunks []*chunk) int {
	first, firstAny := -1, -1
	for i, c := range chunks {
		if c.absorbed || c.head < 0 || c.headItem().class() != cPlace {
			continue
		}
		if firstAny < 0 {
			firstAny = i
		}
		if c.headItem().e.domain == "sky" {
			continue
		}
		if locative[c.prep] {
			if c.headItem().e.cap && first >= 0 {
				return first // "a street in paris": the street, in Paris
			}
			return i
		}
		if first < 0 {
			first = i
		}
	}
	if first >= 0 {
		return first
	}
	return firstAny
}

func settingChunk(chunks []*chunk) *chunk {
	if i := settingIndex(chunks); i >= 0 {
		return chunks[i]
	}
	return nil
}

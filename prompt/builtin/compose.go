package builtin

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/lexical"
	"github.com/easel-art/easel/scene"
)

// tables holds every phrase table compiled once.
type tables struct {
	openings, framed   []tmpl
	long               tmpl
	lights, weather    map[string][]tmpl
	context            map[string][]tmpl
	colors, monoColors []tmpl
	compositions       map[string][]tmpl
	closers            []tmpl
	moodClosers        map[string][]tmpl
	styleLines         map[string][]tmpl
	subjects, scenes   map[string][]tmpl
	details            map[string][]tmpl // generic details by domain
	genericDetails     []tmpl
	lunar              []tmpl
	worldGround        []tmpl
}

var compiled = sync.OnceValue(func() *tables {
	t := &tables{
		openings:     compileAll(openings),
		framed:       compileAll(framedOpenings),
		long:         compile(longOpening),
		lights:       compileMap(lights),
		weather:      compileMap(weatherLights),
		context:      compileMap(contextLights),
		colors:       compileAll(colorLines),
		monoColors:   compileAll(monoColorLines),
		compositions: compileMap(compositions),
		closers:      compileAll(closers),
		moodClosers:  map[string][]tmpl{},
		styleLines:   map[string][]tmpl{},
		subjects:     compileMap(subjectLines),
		scenes:       compileMap(sceneLines),
		details:      map[string][]tmpl{},
		lunar:        compileAll(lunarLines),
		worldGround:  compileAll(worldGroundLines),
	}
	for k, m := range moods {
		t.moodClosers[k] = append(compileAll(m.closers), t.closers...)
	}
	for k, s := range styles {
		t.styleLines[k] = compileAll(s.lines)
	}
	for k, p := range profiles {
		t.details[k] = compileAll(p.details)
	}
	t.genericDetails = compileAll(generic.details)
	return t
})

// source is a seeded random source: math/rand/v2's PCG, held by value so
// writing a prompt allocates no generator.
type source struct{ pcg rand.PCG }

func newSource(seed, stream uint64) source {
	var s source
	s.pcg.Seed(seed, stream)
	return s
}

// IntN returns a number in [0, n). The modulo bias is far below anything
// a prompt could show.
func (s *source) IntN(n int) int {
	if n <= 1 {
		return 0
	}
	return int(s.pcg.Uint64() % uint64(n))
}

// ref is a subject as sentences refer to it.
type ref struct {
	text   string // "the cozy cabin"
	short  string // "the cabin": how later mentions say it; "" if text is short
	plural bool
	person bool   // one person: "their" and "them", never "its" and "it"
	cats   catSet // what it is, for the sentence checker (checker.go)
	scaled bool   // giant or tiny: "a giant strawberry" is no dish
	unsure bool   // cats are the senses it may have, not what it is
	worked bool   // what someone's action is done to: "tomatoes" a cook slices are not whole
}

// draft is one prompt being written.
type draft struct {
	t         *tables
	buf       []byte // every rendered sentence, end to end
	sc        *easel.Scene
	rng       *source
	seed      uint64
	variation int
	prof      profile
	profKey   string // the profile's key in profiles, for its detail lines
	at        where  // indoors or out, by the idea's words (placeOf)
	world     bool   // on the ground of a planet the idea names (onWorld)
	windowLit bool   // the light sentence speaks of a window
	light     string // outdoor, interior, portrait, underwater, space
	facts     cond
	idea      string // the idea as it appears in the text
	ideaLow   string // the idea in lower case
	framed    bool
	long      bool
	subj      ref
	bg        string
	setting   string
	medium    string
	mood      [2]string
	moodNoun  [2]string
	colors    [3]string
	style     *styleInfo
	adds      []string
	check     checker
}

// sentence is one written sentence: a range of the draft's buffer, and
// its length in words.
type sentence struct {
	start, end int
	words      int
}

// render fills t's slots for subject r, writing the sentence to the
// draft's buffer.
func (d *draft) render(t *tmpl, r ref) sentence {
	start := len(d.buf)
	spaces := 0
	for _, s := range t.segs {
		if s.slot == sNone {
			d.buf = append(d.buf, s.lit...)
			spaces += s.spaces
			continue
		}
		v := d.slotValue(s.slot, r)
		d.buf = append(d.buf, v...)
		spaces += strings.Count(v, " ")
	}
	d.adds = append(d.adds, t.adds...)
	d.facts |= t.sets
	// Fix "a"/"an" in place: the sentence is the tail of the buffer.
	if t.articles {
		d.buf = append(d.buf[:start], lexical.FixArticles(d.buf[start:])...)
	}
	return sentence{start: start, end: len(d.buf), words: spaces + 1}
}

// measure returns how many words t would have for subject r, without
// writing it.
func (d *draft) measure(t *tmpl, r ref) int {
	spaces := 0
	for _, s := range t.segs {
		if s.slot == sNone {
			spaces += s.spaces
		} else {
			spaces += strings.Count(d.slotValue(s.slot, r), " ")
		}
	}
	return spaces + 1
}

func (d *draft) slotValue(s slot, r ref) string {
	switch s {
	case sIdea:
		return d.idea
	case sSubj:
		return r.text
	case sS:
		return pick(r.plural, "", "s")
	case sES:
		return pick(r.plural, "", "es")
	case sIs:
		return pick(r.plural, "are", "is")
	case sHas:
		return pick(r.plural, "have", "has")
	case sIts:
		return pick(r.plural || r.person, "their", "its")
	case sIt:
		return pick(r.plural || r.person, "them", "it")
	case sSetting:
		return d.setting
	case sBG:
		return d.bg
	case sMood:
		return d.mood[0]
	case sMood2:
		return d.mood[1]
	case sMoodNoun:
		return d.moodNoun[0]
	case sMoodNoun2:
		return d.moodNoun[1]
	case sMedium:
		return d.medium
	case sC1:
		return d.colors[0]
	case sC2:
		return d.colors[1]
	case sC3:
		return d.colors[2]
	case sSeason:
		return d.sc.Season
	}
	return ""
}

func pick(plural bool, many, one string) string {
	if plural {
		return many
	}
	return one
}

// choose returns a template from list that fits the scene and passes the
// sentence checker for the main subject, or nil (see chooseFor).
func (d *draft) choose(key string, list []tmpl) *tmpl { return d.chooseFor(key, list, d.subj) }

// chooseFor returns a template from list that fits the scene and whose
// sentence about r passes the checker, or, where none does, a plain one
// for the sentences every prompt has (plainLines) and nil for the rest.
// The choice for a given slot key is a per-seed offset plus the variation
// index, so variations of one seed use different templates wherever a
// table has more than one that fits.
func (d *draft) chooseFor(key string, list []tmpl, r ref) *tmpl {
	n := 0
	for i := range list {
		if list[i].ok(d.facts) {
			n++
		}
	}
	if n > 0 {
		k := int((mix(d.seed, key) + uint64(d.variation)) % uint64(n))
		for tries := 0; tries < n; tries++ {
			want := (k + tries) % n
			for i := range list {
				if !list[i].ok(d.facts) {
					continue
				}
				if want == 0 {
					if d.passes(&list[i], r, key == "open") {
						return &list[i]
					}
					break
				}
				want--
			}
		}
	}
	if p, ok := plainLines()[key]; ok {
		return p
	}
	return nil
}

// mix hashes a seed and a key (FNV-1a, then a final avalanche).
func mix(seed uint64, key string) uint64 {
	h := uint64(14695981039346656037) ^ seed
	for i := 0; i < len(key); i++ {
		h ^= uint64(key[i])
		h *= 1099511628211
	}
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	return h
}

func countWords(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		sp := s[i] == ' '
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}

// facts computes the conditions templates test.
func factsOf(sc *easel.Scene, light string) cond {
	var f cond
	switch sc.TimeOfDay {
	case "night", "dusk":
		f |= cNight
	case "":
	default:
		f |= cDay
	}
	switch sc.TimeOfDay {
	case "dawn", "golden hour", "sunset", "dusk":
		f |= cLowSun
	}
	switch sc.Weather {
	case "storm", "wind":
		f |= cRough
	case "rain":
	default:
		f |= cCalm // still air: clear, cloudy, overcast, fog, mist, snow
	}
	if sc.Weather == "" || sc.Weather == "clear" {
		f |= cClear
	}
	if sc.Weather == "storm" || sc.Weather == "rain" {
		f |= cWet
	}
	if sc.Mood == "dramatic" && f&cCalm != 0 && sc.Weather == "" {
		f &^= cCalm
	}
	if sc.HasElement("waterfall") || actionMood(sc) != "" || stirsWater(sc) {
		// Water under a waterfall, or where something runs, leaps or
		// crashes, is moving: no "flawless mirror".
		f &^= cCalm
	}
	if sc.Season == "winter" || sc.Weather == "snow" || sc.HasElement("snow") {
		f |= cSnowy
	}
	if sc.Weather == "fog" || sc.Weather == "mist" {
		f |= cFog
	}
	switch sc.Season {
	case "spring":
		f |= cSpring
	case "summer":
		f |= cSummer
	case "autumn":
		f |= cAutumn
	case "winter":
		f |= cWinter
	}
	for _, e := range sc.Elements {
		switch e {
		case "city", "street", "neon", "lanterns", "houses", "village", "skyline":
			f |= cUrban
		case "moon", "full moon":
			f |= cMoon
		case "sea", "beach", "waves":
			f |= cSea | cWater
		case "lake", "river", "pond", "waterfall", "reflection":
			f |= cWater
		case "people":
			f |= cPeople
		}
	}
	if light == "outdoor" {
		f |= cOutdoor
	}
	f |= bodyFacts(sc)
	if smallSubject(sc) {
		f |= cThing
	}
	if roomSubject(sc) {
		f |= cRoom
	}
	if !restlessMoods[sc.Mood] && sc.Mood != "ominous" && sc.Mood != "eerie" {
		f |= cQuiet
	}
	// The parser keeps verbs in Extra; an LLM's Scene may only have them
	// in the idea.
	for _, w := range sc.Extra {
		f |= verbFacts[w]
	}
	for w := range strings.FieldsSeq(sc.Idea) {
		f |= verbFacts[strings.ToLower(strings.Trim(w, ".,;:!?"))]
	}
	return f
}

var verbFacts = map[string]cond{
	"sleeping": cRest | cSleep, "asleep": cRest | cSleep, "resting": cRest, "napping": cRest | cSleep, "lying": cRest,
	"curled": cRest, "sitting": cRest, "perched": cRest, "seated": cRest, "dozing": cRest | cSleep,
	"flying": cFly, "soaring": cFly, "gliding": cFly, "hovering": cFly, "floating": cFly,
	"vintage": cVintage, "classic": cVintage, "retro": cVintage, "antique": cVintage, "old-fashioned": cVintage,
}

// finish joins sentences into the final text: each starts with a capital
// and ends with a full stop. (render has already made every "a"/"an"
// agree with the next word.)
func (d *draft) finish(ss []sentence) string {
	n := 0
	for _, s := range ss {
		n += s.end - s.start + 2
	}
	var out strings.Builder
	out.Grow(n + 8)
	// The subject's full phrase is said once; later mentions use the
	// short one ("the snowy village ... the village"), as a writer would.
	var full, short []byte
	if d.subj.short != "" && d.subj.short != d.subj.text {
		full, short = []byte(d.subj.text), []byte(d.subj.short)
	}
	said := false
	if full != nil && len(ss) > 0 {
		// An opening that states the idea ("a snowy village at night")
		// has already named the subject in full.
		o := d.buf[ss[0].start:ss[0].end]
		said = bytes.Contains(o, bytes.TrimPrefix(full, []byte("the ")))
	}
	for _, s := range ss {
		t := d.buf[s.start:s.end]
		if len(t) == 0 {
			continue
		}
		if full != nil {
			if i := bytes.Index(t, full); i >= 0 {
				if !said {
					// Keep this first mention; shorten any after it.
					said = true
					j := i + len(full)
					if bytes.Contains(t[j:], full) {
						t = append(slices.Clip(t[:j]), bytes.ReplaceAll(t[j:], full, short)...)
					}
				} else {
					t = bytes.ReplaceAll(t, full, short)
				}
			}
		}
		if out.Len() > 0 {
			out.WriteByte(' ')
		}
		if c := t[0]; c >= 'a' && c <= 'z' {
			out.WriteByte(c - 'a' + 'A')
			out.Write(t[1:])
		} else if c < utf8.RuneSelf {
			out.Write(t)
		} else {
			r, size := utf8.DecodeRune(t)
			out.WriteRune(unicode.ToUpper(r))
			out.Write(t[size:])
		}
		switch t[len(t)-1] {
		case '.', '!', '?':
		default:
			out.WriteByte('.')
		}
	}
	return out.String()
}

// foreignDeterminers are articles of other languages, so "un chat" is not
// given an English article as well.
var foreignDeterminers = map[string]bool{
	"un": true, "une": true, "le": true, "la": true, "les": true, "el": true, "los": true, "las": true,
	"der": true, "die": true, "das": true, "ein": true, "eine": true, "il": true, "lo": true, "gli": true,
	"uno": true, "una": true, "o": true, "os": true, "um": true, "uma": true, "de": true, "het": true,
	"een": true, "en": true, "ett": true, "des": true, "du": true,
}

var englishDeterminers = map[string]bool{
	"a": true, "an": true, "the": true, "some": true, "this": true, "that": true, "these": true,
	"those": true, "my": true, "your": true, "our": true, "his": true, "her": true, "their": true,
	"its": true, "one": true, "two": true, "three": true, "four": true, "five": true, "six": true,
	"seven": true, "eight": true, "nine": true, "ten": true, "many": true, "several": true,
	"few": true, "every": true, "each": true, "no": true, "another": true, "any": true,
}

// massNouns take no article ("snow in the mountains").
var massNouns = map[string]bool{
	"snow": true, "rain": true, "fog": true, "mist": true, "water": true, "sand": true, "ice": true,
	"food": true, "ramen": true, "sushi": true, "coffee": true, "tea": true, "light": true,
	"smoke": true, "fire": true, "lava": true, "grass": true, "moss": true, "wheat": true,
	"bread": true, "pasta": true, "chocolate": true, "love": true, "hope": true, "silence": true,
	"space": true, "darkness": true, "steam": true, "music": true, "art": true, "nature": true,
}

// ideaPhrase returns the idea as the text will show it: proper names
// capitalised, trailing punctuation removed, and an article added when a
// single thing is named without one ("cat" becomes "a cat").
func ideaPhrase(idea string, sc *easel.Scene) string {
	s := strings.TrimSpace(idea)
	if shouting(s) {
		s = strings.ToLower(s)
	}
	if strings.Contains(s, "  ") || strings.ContainsAny(s, "\t\n\r") {
		s = strings.Join(strings.Fields(s), " ")
	}
	s = strings.TrimRight(scene.Display(s), ".!?,;: ")
	if s == "" {
		return s
	}
	first := s
	if i := strings.IndexByte(s, ' '); i >= 0 {
		first = s[:i]
	}
	low := strings.ToLower(strings.Trim(first, "\"'()"))
	if englishDeterminers[low] || foreignDeterminers[low] || massNouns[low] || isDigits(low) {
		return s
	}
	if r, _ := utf8.DecodeRuneInString(first); unicode.IsUpper(r) || !unicode.IsLetter(r) {
		return s // a name ("Paris at night"), or not a word at all
	}
	switch scene.Class(low) {
	case "weather", "time", "season", "color", "style", "mood":
		if scene.Class(low) != "time" || low == "night" || low == "dusk" || low == "dawn" || low == "noon" {
			return s
		}
	}
	if sc != nil && sc.Subject != "" && strings.HasPrefix(strings.ToLower(s), sc.Subject) && scene.Plural(sc.Subject) {
		return s
	}
	if sc != nil && len(sc.Subjects) > 0 && massNouns[sc.Subjects[0].Noun] && strings.EqualFold(s, sc.Subject) {
		return s // "abstract art", not "an abstract art"
	}
	if sc != nil && sc.Subject == "" && scene.Plural(s) {
		return s
	}
	return "a " + s
}

// shouting reports whether s is written all in capitals ("A BEACH
// SUNSET!!!"), which prose should not repeat.
func shouting(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			letters++
		}
	}
	return letters > 3
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// refOf returns how sentences refer to subject i of the scene.
func refOf(sc *easel.Scene, i int) ref {
	if i == 0 && strings.Contains(sc.Subject, " of ") {
		words := strings.Fields(sc.Subject)
		for len(words) > 1 && (englishDeterminers[words[0]] || foreignDeterminers[words[0]]) {
			words = words[1:]
		}
		s := strings.Join(words, " ")
		r := ref{text: "the " + scene.Display(s), plural: scene.Plural(words[0])}
		if len(sc.Subjects) > 0 {
			var sure bool
			r.cats, sure = subjectCats(sc.Subjects[0])
			r.scaled, r.unsure = scaled(sc.Subjects[0]), !sure
			if k := slices.Index(words, "of"); k > 0 {
				r.cats = heldCats(words[k-1], sc.Subjects[0], r.cats)
			}
		}
		// Later mentions name the head: "the field" of sunflowers, "the
		// library" full of books.
		if k := slices.Index(words, "of"); k > 0 {
			head := words[k-1]
			if head == "full" && k > 1 {
				head = words[k-2]
			}
			// Only when the head is what the subject's lines speak of:
			// the lines of a vase of sunflowers are the sunflowers' ("turn
			// their bright faces"), so "the vase" would not do.
			isHead := len(sc.Subjects) == 0 || sc.Subjects[0].Noun == head || words[k-1] == "full"
			if isHead && scene.Key(head) != "" && !scene.Proper(head) {
				r.short = "the " + head
			}
		}
		return r
	}
	if i >= len(sc.Subjects) {
		if i == 0 && sc.Subject != "" {
			words := strings.Fields(sc.Subject)
			for len(words) > 1 && (englishDeterminers[words[0]] || foreignDeterminers[words[0]]) {
				words = words[1:]
			}
			return ref{text: "the " + scene.Display(strings.Join(words, " ")), plural: scene.Plural(sc.Subject)}
		}
		return ref{text: "the scene"}
	}
	s := sc.Subjects[i]
	cats, sure := subjectCats(s)
	big := scaled(s)
	plural := scene.Plural(s.Noun) || s.Count > 1
	if i == 0 && !plural && ambiguousPlural[s.Noun] {
		// "an underwater scene with jellyfish": no "a", so several.
		first, _, _ := strings.Cut(sc.Subject, " ")
		plural = first != "a" && first != "an" && first != "one"
	}
	var adjs []string
	for _, a := range s.Adjectives {
		if englishDeterminers[a] || foreignDeterminers[a] || isDigits(a) {
			continue
		}
		switch scene.Class(a) {
		case "mood", "time", "weather", "season", "style", "view", "verb":
			continue
		}
		adjs = append(adjs, a)
	}
	if len(adjs) > 2 {
		adjs = adjs[len(adjs)-2:]
	}
	text := scene.Display(strings.Join(append(adjs, s.Noun), " "))
	if scene.Proper(s.Noun) {
		// "Mars", not "the Mars"; "cyberpunk Tokyo", not "the cyberpunk Tokyo".
		r := ref{text: text, plural: plural, cats: cats, scaled: big, unsure: !sure}
		if len(adjs) > 0 {
			r.short = scene.Display(s.Noun)
		}
		return r
	}
	r := ref{text: "the " + text, plural: plural, person: sure && cats&catPerson != 0, cats: cats, scaled: big, unsure: !sure, worked: workedOn(sc, s.Noun)}
	// Only a noun the lexicon knows stands alone: "the village", not
	// "the zizzle" of "a blorp zizzle".
	if len(adjs) > 0 && scene.Key(s.Noun) != "" {
		r.short = "the " + scene.Display(s.Noun)
		if scene.Proper(s.Noun) {
			r.short = scene.Display(s.Noun)
		}
	}
	return r
}

// incidental elements are drawn with a subject but are not what it is: a
// library has a window, a bookshelf stands by a table.
var incidental = map[string]bool{"window": true, "table": true, "bowl": true, "rocks": true, "clouds": true, "neon": true}

// ambiguousPlural nouns are the same in the singular and the plural.
var ambiguousPlural = map[string]bool{
	"jellyfish": true, "fish": true, "deer": true, "sheep": true, "koi": true, "squid": true,
	"bison": true, "moose": true, "salmon": true, "aircraft": true, "spacecraft": true,
}

// chooseColors picks three colour phrases: the person's colours first,
// then what the light, weather, season, domain and style suggest.
func (d *draft) chooseColors() {
	out := make([]string, 0, 3)
	// No two colours share a head word ("burnt orange", "glowing orange"),
	// nor a first word ("glowing orange", "glowing amber").
	var heads, firsts [3]string
	add := func(c string) {
		if c == "" || len(out) >= 3 {
			return
		}
		h := c[strings.LastIndexByte(c, ' ')+1:]
		f, _, _ := strings.Cut(c, " ")
		for i := range out {
			if heads[i] == h || (f != h && firsts[i] == f) {
				return
			}
			// Nor one word echoing another: "rusty red" and "rust",
			// "golden yellow" and "warm gold".
			if echoes(f, firsts[i]) || echoes(h, heads[i]) || echoes(f, heads[i]) || echoes(h, firsts[i]) {
				return
			}
			// Nor a colour word said twice: "lush green" and "fresh
			// green garnish".
			for w := range strings.FieldsSeq(c) {
				if len(w) >= 4 && containsWords(out[i], w) {
					return
				}
			}
		}
		heads[len(out)], firsts[len(out)] = h, f
		out = append(out, c)
	}
	if d.style != nil && d.style.mono {
		for _, c := range d.style.colors {
			add(c)
		}
	}
	for _, p := range d.sc.Palette {
		if sh, ok := shades[p]; ok {
			add(sh[d.rng.IntN(len(sh))])
		} else {
			add(p)
		}
	}
	hues := subjectHues(d.sc)
	for _, h := range hues {
		add(h)
	}
	if d.style != nil {
		d.each(d.style.colors, add)
	}
	// Alternate the light's colours and the place's, so a night market
	// is midnight blue and lantern red, not three blues.
	var light []string
	if d.light == "firelight" {
		light = fireColors
	} else if w := weatherColors[d.sc.Weather]; len(w) > 0 {
		light = w
	} else if d.light == "outdoor" || d.light == "portrait" {
		light = timeColors[d.sc.TimeOfDay]
	}
	place := d.prof.colors
	if sc := seasonColors[d.sc.Season]; len(sc) > 0 && d.rng.IntN(2) == 0 {
		place = sc
	}
	for _, e := range d.sc.Elements {
		if c, ok := groundColors[e]; ok {
			place = c
			break
		}
	}
	// What is in bloom or glows colours the place first: a tulip field is
	// red and yellow before it is meadow green.
	for _, e := range d.sc.Elements {
		if c, ok := elementColors[e]; ok {
			if coloured(d.sc, e) || flavourElement(d.sc, e) {
				continue // "five purple tulips" are purple, not tulip red
			}
			add(c[d.rng.IntN(len(c))])
			place = append(slices.Clone(c), place...)
			break
		}
	}
	if d.facts&cNight == 0 {
		// By day no window or street light sets the colour.
		place = slices.DeleteFunc(slices.Clone(place), func(c string) bool { return nightColors[c] })
	}
	a, b := d.rng.IntN(len(light)+1), d.rng.IntN(len(place)+1)
	for i := 0; i < len(light) || i < len(place); i++ {
		if i < len(light) {
			add(light[(a+i)%len(light)])
		}
		if i < len(place) {
			add(place[(b+i)%len(place)])
		}
	}
	if !d.insideLight() {
		d.each(timeColors[d.sc.TimeOfDay], add) // no sky blue in a room
	}
	d.each(place, add)
	for _, c := range generic.colors {
		add(c)
	}
	copy(d.colors[:], out)
}

// each calls f on every item of list, starting at a random one.
func (d *draft) each(list []string, f func(string)) {
	if len(list) == 0 {
		return
	}
	k := d.rng.IntN(len(list))
	for i := range list {
		f(list[(k+i)%len(list)])
	}
}

// chooseMoodWords picks two mood adjectives and two mood nouns that the
// idea does not already use, so the opening never says "a cozy image of a
// cozy cabin".
func (d *draft) chooseMoodWords() {
	m, ok := moods[d.sc.Mood]
	if !ok {
		m = moods["serene"]
	}
	list := m.adjs
	if d.dim() {
		// "A bright landscape of a red barn at night" reads badly.
		list = make([]string, 0, len(m.adjs))
		for _, a := range m.adjs {
			if !sunnyWords[a] {
				list = append(list, a)
			}
		}
	}
	adjs := d.fresh(list, [2]string{})
	nouns := d.fresh(m.nouns, adjs)
	d.mood = adjs
	d.moodNoun = nouns
}

// sunnyWords are mood words that promise daylight.
var sunnyWords = map[string]bool{"bright": true, "sunny": true, "radiant": true}

// dim reports whether the scene's light is too low or grey for words of
// sunshine: night, dusk, storm, rain, fog or an overcast sky.
func (d *draft) dim() bool {
	if d.facts&cNight != 0 {
		return true
	}
	switch d.sc.Weather {
	case "storm", "rain", "fog", "overcast":
		return true
	}
	return false
}

// echoes reports whether w begins like avoid, in its first four or five
// letters ("power" and "powerful", "otherworldly" and "otherworldliness").
func echoes(w, avoid string) bool {
	if w != "" && avoid != "" && (strings.HasPrefix(w, avoid+"-") || strings.HasPrefix(avoid, w+"-")) {
		return true // "awe-inspiring, with an undertone of awe"
	}
	n := min(5, len(w), len(avoid))
	if n >= 4 && w[:n] == avoid[:n] {
		return true
	}
	// "joy" and "joyful", "cozy" and "coziness": the shorter word, a
	// final y read as i, begins the longer.
	s, l := w, avoid
	if len(s) > len(l) {
		s, l = l, s
	}
	return len(s) >= 3 && s != "" && (strings.HasPrefix(l, s) || s[len(s)-1] == 'y' && strings.HasPrefix(l, s[:len(s)-1]+"i"))
}

// fresh returns two words of list in random order, preferring words the
// idea does not already use.
func (d *draft) fresh(list []string, avoid [2]string) [2]string {
	var out [2]string
	n := 0
	start := d.rng.IntN(len(list))
	for pass := 0; pass < 2 && n < 2; pass++ {
		for i := range list {
			w := list[(start+i)%len(list)]
			// Pass 0 takes only words the idea does not use and that do
			// not echo avoid ("powerful, with an undertone of power").
			clash := strings.Contains(d.ideaLow, w) || echoes(w, avoid[0]) || echoes(w, avoid[1])
			if (pass == 0) == clash || w == out[0] {
				continue
			}
			out[n] = w
			if n++; n == 2 {
				break
			}
		}
	}
	if n < 2 {
		out[1] = out[0]
	}
	return out
}

// background names what stands behind the subject.
func (d *draft) background() string {
	set := strings.ToLower(strings.TrimPrefix(d.setting, "the "))
	subj := strings.ToLower(strings.TrimPrefix(d.subj.text, "the "))
	if set != "" && !strings.Contains(set, subj) && !strings.Contains(subj, set) {
		return d.setting
	}
	main := ""
	if len(d.sc.Subjects) > 0 {
		main = d.sc.Subjects[0].Element
	}
	for _, e := range d.sc.Elements {
		if e == main || e == "space" && d.light != "space" || (e == "planet" || e == "stars") && d.world || flavourElement(d.sc, e) {
			continue
		}
		if bg, ok := backgrounds[e]; ok {
			return bg
		}
	}
	switch d.light {
	case "interior", "portrait", "soft", "firelight", "neon", "dramatic light", "cinematic", "backlit", "rays":
		return "a softly blurred backdrop"
	case "studio":
		return "a clean, seamless backdrop"
	case "space":
		return "the starry void"
	case "abstract":
		return "a field of color"
	case "underwater":
		return "the blue depths"
	}
	if d.sc.View == "wide" || d.sc.View == "aerial" || bigSubject(d.sc) {
		return "the horizon"
	}
	// A fox or a blue jay seen at eye level stands before a soft blur,
	// not before the horizon.
	return "a soft, out-of-focus background"
}

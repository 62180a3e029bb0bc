package canvas

import (
	"slices"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/lexical"
)

// record.go keeps the painter's record of what it painted, and reads the
// notes on the result from it: a subject of the Scene that no painter
// marked is "not drawn", one a painter drew only as a plain shape of its
// kind is "drawn only as a plain shape". The notes are true by
// construction: a painter that draws a thing says so where it draws it,
//
//	d.painted("castle")     an element, or a word of the idea, was painted
//	d.paintedSub(sub)       this subject was painted
//	d.plainly(sub)          this subject was painted, as a plain shape
//
// and a new painter that forgets to mark what it draws makes a note that
// names too much, never one that hides a gap.

// record is what one picture painted.
type record struct {
	names map[string]bool // elements and words painted
	subs  map[int]bool    // indexes of p.subjects painted in their own shape
	plain map[int]bool    // indexes of p.subjects painted as a plain shape (and maybe in their own too)
}

func newRecord() *record {
	return &record{names: map[string]bool{}, subs: map[int]bool{}, plain: map[int]bool{}}
}

// painted marks elements or words of the idea as painted.
func (d *painter) painted(names ...string) {
	if d.rec == nil {
		return
	}
	for _, n := range names {
		d.rec.names[strings.ToLower(n)] = true
	}
}

// paintedSub marks a subject as painted: a pointer into the plan's
// subjects, else the subject of the same noun. A person is painted in
// what the idea dresses them in ("in a trench coat").
func (d *painter) paintedSub(s *easel.Subject) {
	i := d.subjectIndex(s)
	if i < 0 {
		return
	}
	d.rec.subs[i] = true
	if d.p.subjects[i].Category == "person" {
		for j := range d.p.subjects {
			if d.p.subjects[j].Category == "clothing" && strings.Contains(strings.ToLower(d.p.subjects[i].Relation), strings.ToLower(d.p.subjects[j].Noun)) {
				d.rec.subs[j] = true
			}
		}
	}
}

// plainly marks a subject as painted only as a plain shape of its kind
// (a box, a vase, an armchair): no shape of its own.
func (d *painter) plainly(s *easel.Subject) {
	if i := d.subjectIndex(s); i >= 0 {
		d.rec.plain[i] = true
	}
}

// standIn marks a subject that a painter drew as the shape of another
// kind of its category (an omelette as a round pie, lasagna as
// spaghetti): painted only as a plain shape, whatever marked it before.
func (d *painter) standIn(s *easel.Subject) {
	if i := d.subjectIndex(s); i >= 0 {
		delete(d.rec.subs, i)
		d.rec.plain[i] = true
	}
}

// subjectIndex is the index of s among the plan's subjects, -1 when it
// is none of them or nothing is recorded.
func (d *painter) subjectIndex(s *easel.Subject) int {
	if d.rec == nil || s == nil {
		return -1
	}
	for i := range d.p.subjects {
		if &d.p.subjects[i] == s {
			return i
		}
	}
	for i := range d.p.subjects {
		if s.Noun != "" && strings.EqualFold(d.p.subjects[i].Noun, s.Noun) {
			return i
		}
	}
	return -1
}

// paintedNoun marks the subjects whose noun is n, or whose noun has n as
// its shape word (companionOf's "wineglass" for "two glasses"), and the
// word itself.
func (d *painter) paintedNoun(n string, plain bool) {
	if d.rec == nil || n == "" {
		return
	}
	n = strings.ToLower(n)
	if !plain {
		d.painted(n)
	}
	for i := range d.p.subjects {
		sn := strings.ToLower(d.p.subjects[i].Noun)
		if sn == n || shapeWordOf(sn) == n || n == "wineglass" && isDrinkingGlass(sn) || strings.HasSuffix(n, " "+sn) || strings.HasSuffix(n, " "+sn+" plant") {
			if plain {
				d.rec.plain[i] = true
			} else {
				d.rec.subs[i] = true
			}
		}
	}
}

// perSubject are the elements that paint the subjects filed under them
// one by one (the product shot's object, the table's dish, each figure
// and beast): the element drawn does not say which of its subjects was.
var perSubject = map[string]bool{
	"object": true, "table": true, "food": true, "bowl": true, "person": true, "people": true, "animal": true,
}

// isPainted reports whether the record holds subject i of p of the
// Scene s, in its own shape or a plain one ("a stack of letters" drawn
// as a box: the letters are plainly drawn).
func (r *record) isPainted(s *easel.Scene, p *plan, i int) bool {
	if r.plain[i] || r.inShape(s, p, i) {
		return true
	}
	for j := range p.subjects {
		if j != i && r.plain[j] && measures(s, p.subjects[j], p.subjects[i]) {
			return true
		}
	}
	return false
}

// inShape reports whether the record holds subject i in its own shape:
// marked, or named by a word painted, or of an element painted that
// paints its kind, or what a painted subject holds ("a loaf of bread").
func (r *record) inShape(s *easel.Scene, p *plan, i int) bool {
	sub := p.subjects[i]
	if r.subs[i] {
		return true
	}
	for j := range p.subjects {
		if j != i && r.subs[j] && p.subjects[j].Element == "food" && measures(s, p.subjects[j], sub) {
			return true // the loaf is the bread (a bowl may be drawn empty)
		}
	}
	n := strings.ToLower(sub.Noun)
	if r.names[n] || r.names[lastWord(n)] {
		return true
	}
	e, _, known := lexical.FindNoun(n)
	if known && r.names[e.Lemma] {
		return true
	}
	if sub.Element != "" && !perSubject[sub.Element] && r.names[sub.Element] &&
		(ofElementsKind(sub) || shapeListed(sub)) && namesPlace(sub) {
		return true
	}
	// A word that stands for what it implies ("a sunset": the sun, "a
	// tropical island": the sea, the beach and the palms).
	implied := impliedBy[n]
	if implied == nil && known {
		implied = impliedBy[e.Lemma]
	}
	if implied == nil {
		implied = impliedBy[lastWord(n)]
	}
	for _, el := range implied {
		if r.names[el] {
			return true
		}
	}
	return false
}

// notesOf reads the record of a picture of s: the subjects it did not
// paint, and those it painted only as a plain shape. What names no thing
// is left out: a colour the parser took for a noun, an adjective, a
// pronoun, the medium, a body part, a measure of another subject ("a
// stack of"), a spot of a place ("a street corner").
func notesOf(s *easel.Scene, p *plan, rec *record) (notDrawn, roughly []string) {
	if s == nil || rec == nil {
		return nil, nil
	}
	for i, sub := range p.subjects {
		if !thingNamed(s, sub) {
			continue
		}
		name := noteName(s, sub)
		switch {
		case !rec.isPainted(s, p, i):
			notDrawn = appendNew(notDrawn, name)
		case !rec.inShape(s, p, i):
			roughly = appendNew(roughly, name)
		}
	}
	return notDrawn, roughly
}

// thingNamed reports whether a subject names a thing a picture could
// show: not a colour word, an adjective or a pronoun the parser took for
// a noun, the medium, a body part, a measure or a spot of a place.
func thingNamed(s *easel.Scene, sub easel.Subject) bool {
	n := strings.ToLower(sub.Noun)
	if n == "" || sub.Category == "color" {
		return false
	}
	if _, ok := namedColour(lastWord(n)); ok && sub.Element == "" && sub.Category == "" {
		return false // a colour word, not a thing (but "whipped cream" is food)
	}
	if e, ok := lexical.Lookup(n); ok && e.Freq[lexical.NounPOS] <= 1 && e.Freq[lexical.AdjPOS] >= 2 {
		return false // an adjective the parser took for a thing ("a cozy nook")
	}
	if slices.Contains(pronouns, n) {
		return false
	}
	return !notAThing(s, sub) && !measureOf(s, sub) && !partOfPlace(s, sub)
}

// pronouns stand for a thing named elsewhere ("mending his nets ... beside
// him"): a closed class of words, not nouns.
var pronouns = []string{"i", "me", "you", "he", "him", "she", "her", "it", "we", "us", "they", "them",
	"himself", "herself", "itself", "themselves", "one", "ones", "someone", "something", "everything", "nothing"}

// shapedNoun reports whether an object of this noun is drawn in a shape
// of its own (productShapes names a word of it), not the plain shape of
// its category (a typewriter as a box).
func shapedNoun(n string) bool {
	if shapeWordOf(n) != "" {
		return true
	}
	_, ok := objectDrawers[n] // a companion named by its shape
	return ok && n != "generic"
}

// paintedLike marks the subjects whose noun holds one of words: what a
// painter adds by the idea's words ("berries" strewn on the stack).
func (d *painter) paintedLike(words ...string) {
	if d.rec == nil {
		return
	}
	for i := range d.p.subjects {
		n := strings.ToLower(d.p.subjects[i].Noun)
		for _, w := range words {
			if w != "" && strings.Contains(n, w) {
				d.rec.subs[i] = true
			}
		}
	}
}

// paintedIn marks the subjects a phrase names ("in an armchair": the
// armchair), plainly when the painter drew a plain shape for it (a seat,
// a slab).
func (d *painter) paintedIn(phrase string, plain bool) {
	if d.rec == nil || phrase == "" {
		return
	}
	phrase = " " + strings.ToLower(phrase) + " "
	for i := range d.p.subjects {
		n := strings.ToLower(d.p.subjects[i].Noun)
		if n == "" || !strings.Contains(phrase, " "+n+" ") {
			continue
		}
		if plain {
			d.rec.plain[i] = true
		} else {
			d.rec.subs[i] = true
		}
	}
}

// paintedSurface marks the subjects that name the surface a product
// shot stands its object on ("a kitchen table", "a marble counter"), and
// the words of the stage.
func (d *painter) paintedSurface(surface string) {
	if d.rec == nil {
		return
	}
	d.painted("background", "backdrop", "surface", "floor")
	for i := range d.p.subjects {
		if n := strings.ToLower(d.p.subjects[i].Noun); surfaceOf(" "+n+" ") == surface && shapeWordOf(n) == "" {
			d.rec.subs[i] = true
		}
	}
}

// paintedFigures marks the people of the Scene as painted (a crowd, a
// figure in a room or on the moon) and what they wear ("a detective in a
// trench coat": the coat is the figure's).
func (d *painter) paintedFigures() {
	if d.rec == nil {
		return
	}
	for i := range d.p.subjects {
		s := &d.p.subjects[i]
		switch {
		case s.Element == "person" || s.Element == "people":
			if s.Category == "person" || s.Category == "" {
				d.rec.subs[i] = true
			} else {
				d.rec.plain[i] = true // a robot, a rover: a figure stands for it
			}
		case s.Category == "clothing" && i > 0 && d.p.subjects[0].Category == "person":
			d.rec.subs[i] = true
		}
	}
}

// paintedShapes marks what an abstract work paints: the shapes the idea
// names (abstract.go draws shapes of the palette in the layout the words
// ask for) and its ground.
func (d *painter) paintedShapes() {
	if d.rec == nil {
		return
	}
	d.painted("pattern", "patterns", "shapes", "composition", "grid", "mandala", "swirl", "spiral", "vortex", "background")
	for i := range d.p.subjects {
		if e, _, ok := lexical.FindNoun(strings.ToLower(d.p.subjects[i].Noun)); ok && e.Category() == "shape" {
			d.rec.subs[i] = true
		}
	}
}

// paintedBed marks what a creature lies on ("a rug") and what a pile of
// it is of ("a pile of gold": the gold mound).
func (d *painter) paintedBed(noun string) {
	if d.rec == nil {
		return
	}
	d.paintedNoun(noun, false)
	if _, after, ok := strings.Cut(d.p.words, " "+noun+" of "); ok {
		f := strings.Fields(after)
		d.paintedIn(strings.Join(f[:min(len(f), 3)], " "), false)
	}
}

// noteName is how a note names a subject: "the " and its noun, with the
// noun before it when the parser kept only a head WordNet files under no
// kind of thing ("a drum set": the drum set, not "the set") or the two
// make a noun WordNet knows.
func noteName(s *easel.Scene, sub easel.Subject) string {
	n := strings.ToLower(sub.Noun)
	words := ideaWords(s)
	i := wordAt(words, n) - len(strings.Fields(n)) // the word before the noun
	if i < 0 || strings.Contains(n, " ") {
		return "the " + n
	}
	w := words[i]
	if len(w) < 3 || slices.Contains(determiners, w) || slices.Contains(pronouns, w) {
		return "the " + n
	}
	if _, colour := namedColour(w); colour || slices.Contains(sub.Materials, w) || slices.Contains(sub.Colors, w) {
		return "the " + n
	}
	if _, ok := materials[w]; ok {
		return "the " + n
	}
	if e, _, ok := lexical.FindNoun(w + " " + n); ok && e.Lemma != "" {
		return "the " + w + " " + n
	}
	head, _, known := lexical.FindNoun(n)
	if known && len(head.CategoryList()) > 0 {
		return "the " + n
	}
	if e, ok := lexical.Lookup(w); ok && e.Freq[lexical.NounPOS] > 0 && e.Freq[lexical.NounPOS] >= e.Freq[lexical.AdjPOS] {
		return "the " + w + " " + n
	}
	return "the " + n
}

// determiners come before a noun phrase and are no part of its name.
var determiners = []string{"the", "and", "his", "her", "its", "our", "your", "their", "this", "that", "these", "those",
	"some", "any", "many", "few", "several", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}

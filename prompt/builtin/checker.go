package builtin

import (
	"bytes"
	"slices"
	"strings"
	"sync"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/lexical"
	"github.com/easel-art/easel/scene"
)

// This file is the sentence checker: every sentence a template renders is
// held to the Scene's facts before it is kept (see chooseFor). A sentence
// fails when it gives its subject a part the subject's WordNet category
// does not have (a face to a wristwatch, fur to a person, wings to a
// queen), a plated-food look to a giant fantasy fruit, a verb that does
// not agree with the subject's number, a count or colour to a named thing
// that the idea gives another, a content word twice, or words about the
// prompt instead of the picture. A failing sentence is replaced by the
// next that fits, or by a plainer one.

// catSet is a set of lexical.Categories, one bit each.
type catSet uint64

// catBit maps a category name to its bit.
var catBit = func() map[string]catSet {
	if len(lexical.Categories) > 64 {
		panic("builtin: more than 64 lexical categories")
	}
	m := make(map[string]catSet, len(lexical.Categories))
	for i, c := range lexical.Categories {
		m[c] = 1 << i
	}
	return m
}()

func catsOf(names ...string) catSet {
	var s catSet
	for _, n := range names {
		b, ok := catBit[n]
		if !ok {
			panic("builtin: unknown category " + n)
		}
		s |= b
	}
	return s
}

// Families of categories the body words below are allowed for.
var (
	catAnimals = catsOf("mammal", "sea mammal", "bird", "fish", "reptile", "amphibian", "insect",
		"sea creature", "animal", "creature")
	catFood = catsOf("fruit", "vegetable", "cake", "bread", "cookie", "pastry", "sandwich", "soup",
		"salad", "pasta", "pie", "dessert", "candy", "dish", "drink", "food")
	catPlants = catsOf("flower", "tree", "plant")
	catPerson = catsOf("person")
)

// partWords are words for parts and looks that only some kinds of thing
// have: a sentence may say them of its subject only when the subject's
// category is among theirs.
var partWords = func() map[string]catSet {
	m := map[string]catSet{}
	put := func(s catSet, words ...string) {
		for _, w := range words {
			m[w] |= s
		}
	}
	put(catPerson, "face", "faces", "expression", "expressions", "expressive", "clothing", "clothes",
		"wears", "wearing", "stubble", "beard", "bearded", "smile", "smiles", "smiling",
		"cheek", "cheeks", "freckles", "lips", "portrait", "head-and-shoulders", "shoulders",
		"posture", "fingers", "hands", "catchlight")
	put(catPerson|catAnimals&^catsOf("sea creature"), "eyes", "gaze", "gazing", "gazes",
		"stare", "staring", "eyed")
	put(catPerson|catsOf("mammal", "creature", "animal"), "ears", "ear")
	put(catsOf("mammal", "creature"), "fur", "furry", "whiskers", "paws", "paw", "mane", "snout",
		"muzzle", "pelt", "hooves", "antlers")
	put(catsOf("bird", "creature"), "feathers", "feathered", "plumage", "beak", "talons",
		"wingspan")
	put(catsOf("bird", "insect", "creature", "aircraft"), "wings", "wing")
	put(catsOf("fish", "reptile", "creature"), "scales", "scaled", "scaly")
	put(catsOf("fish", "sea mammal", "sea creature"), "fins", "fin")
	put(catsOf("sea creature", "creature"), "tentacles", "tentacle")
	put(catPerson|catAnimals|catsOf("furniture"), "legs")
	put(catsOf("mammal", "bird", "fish", "reptile", "amphibian", "sea mammal", "creature", "animal", "aircraft"), "tail", "tails")
	// Not "petal", "leaf" or "feather": "petal pink", "leaf green" and
	// "feather brown" are colours.
	put(catPlants, "petals", "blooms", "blossoms")
	put(catPlants|catsOf("fruit", "vegetable"), "foliage")
	put(catsOf("tree", "plant"), "branches", "roots")
	put(catsOf("boat", "spacecraft", "aircraft", "vehicle"), "hull")
	put(catsOf("boat"), "mast", "masts")
	put(catsOf("car", "bus", "truck", "bicycle", "motorcycle", "train", "vehicle", "toy", "aircraft"), "wheels", "tires", "tyres")
	return m
}()

// platingWords are the food photograph's words: they fit a dish on a
// table, not a giant strawberry an astronaut sits on.
var platingWords = map[string]bool{
	"appetizing": true, "garnish": true, "garnished": true, "plated": true, "arranged": true,
	"crumbs": true, "glistening": true, "served": true, "inviting": true, "napkin": true,
}

// scaleWords make a thing larger (or smaller) than life: no longer a dish.
var scaleWords = map[string]bool{
	"giant": true, "huge": true, "enormous": true, "colossal": true, "gigantic": true,
	"massive": true, "titanic": true, "towering": true, "tiny": true, "miniature": true,
}

// stateWords say a thing is as it was made or grown: not of what someone
// slices, peels, carves or mends ("a cook slicing tomatoes": the tomatoes
// are not whole).
var stateWords = map[string]bool{"whole": true, "intact": true, "untouched": true, "uncut": true, "unbroken": true}

// workedOn reports whether noun is what a subject's action is done to
// (a relation with a verb and no preposition: "cook slicing tomatoes").
func workedOn(sc *easel.Scene, noun string) bool {
	for _, r := range sc.Relations {
		if r.Object == noun && r.Verb != "" && r.Prep == "" {
			return true
		}
	}
	return false
}

// metaSentenceWords are the writer talking about the prompt, not the picture.
var metaSentenceWords = map[string]bool{
	"described": true, "depicted": true, "prompt": true, "rendered": true,
}

// subjectCats is what a subject is, for the words a sentence may say of
// it, and whether that is sure. The Scene's category comes from WordNet's
// most likely sense; where the scene lexicon's element says person
// ("queen", "kids") and one of the noun's WordNet senses agrees, the
// person wins: the queen on a throne is no insect and two kids flying a
// kite are no goats. A person the scene lexicon does not know whose noun
// is also an animal ("a cardinal on a snowy branch") is not sure: a
// sentence may then say only what fits both (eyes, not a face).
func subjectCats(s easel.Subject) (cats catSet, sure bool) {
	k := catsKey{s.Noun, s.Category, s.Element}
	catsMemo.RLock()
	r, ok := catsMemo.m[k]
	catsMemo.RUnlock()
	if ok {
		return r.cats, r.sure
	}
	cats, sure = subjectCatsOf(s)
	catsMemo.Lock()
	if len(catsMemo.m) >= 4096 {
		clear(catsMemo.m) // a bound for a long-running server
	}
	catsMemo.m[k] = catsResult{cats, sure}
	catsMemo.Unlock()
	return cats, sure
}

// catsMemo remembers subjectCats: a prompt asks it of one subject several
// times, and a server of the same nouns over and over.
var catsMemo = struct {
	sync.RWMutex
	m map[catsKey]catsResult
}{m: map[catsKey]catsResult{}}

type catsKey struct{ noun, category, element string }

type catsResult struct {
	cats catSet
	sure bool
}

func subjectCatsOf(s easel.Subject) (cats catSet, sure bool) {
	cat := s.Category
	person := s.Element == "person" || s.Element == "people"
	e, _, found := lexical.FindNoun(strings.ToLower(s.Noun))
	if person && cat != "person" {
		if cat == "" || found && e.Has("person") {
			cat = "person"
		}
	}
	if cat == "" && easel.ElementKind(s.Element) == "animal" {
		cat = "animal"
	}
	cats = catBit[cat]
	if !found {
		return cats, true
	}
	// Where the Scene took WordNet's first sense and another likely one
	// (a tenth of the evidence or more) differs in having a body, it is
	// not sure: a crane may be a machine, a feeder a trough.
	senses := e.Senses()
	if len(senses) <= 1 || catBit[senses[0].Category] != cats {
		return cats, true // context chose a sense: trust it
	}
	if k := scene.Key(s.Noun); k != "" && sameThing(k, s.Noun) {
		return cats, true // the scene lexicon's own word
	}
	// A person or an animal is told apart on less evidence: a cardinal
	// is a churchman by WordNet's count, a bird on a snowy branch.
	living := catPerson | catAnimals
	sure = true
	for _, sn := range senses[1:] {
		b := catBit[sn.Category]
		if b == cats || (b|cats)&living == 0 {
			continue
		}
		bothLiving := b&living != 0 && cats&living != 0
		switch {
		case bothLiving && (b|cats)&catPerson != 0 && sn.Weight >= 3,
			!bothLiving && sn.Weight >= 10:
			cats |= b
			sure = false
		}
	}
	return cats, sure
}

// fits reports whether a word allowed for categories m may be said of a
// subject that is cats (all of them when it is not sure which).
func fits(m, cats catSet, sure bool) bool {
	if sure {
		return m&cats != 0
	}
	return cats != 0 && m&cats == cats
}

// scaled reports whether a subject is giant or tiny ("a giant strawberry").
func scaled(s easel.Subject) bool {
	for _, a := range s.Adjectives {
		if scaleWords[a] {
			return true
		}
	}
	return false
}

// nounFact is a named thing a sentence may mention, with what the idea
// binds to it.
type nounFact struct {
	forms     [2]string // as typed and its lemma: "balloons", "balloon"
	count     int
	colors    []string
	materials []string // what the idea makes it of, as nouns: "glass", "wood"
}

// checker holds what the sentence checks need of one prompt.
type checker struct {
	rest   bool   // the idea has its subject sit, lie or sleep
	idea   string // the idea in lower case
	nouns  []nounFact
	anyCat catSet // every subject's categories, and person where people are drawn
}

func newChecker(sc *easel.Scene, ideaLow string) checker {
	c := checker{idea: ideaLow}
	for _, s := range sc.Subjects {
		if cats, sure := subjectCats(s); sure {
			c.anyCat |= cats
		}
		if s.Noun == "" {
			continue
		}
		typed := strings.ToLower(s.Noun)
		n := nounFact{forms: [2]string{typed, typed}, count: s.Count, colors: s.Colors}
		n.materials = materialsOf(append(slices.Clip(s.Adjectives), s.Materials...))
		if e, _, ok := lexical.FindNoun(typed); ok {
			n.forms[1] = e.Lemma
		}
		c.nouns = append(c.nouns, n)
	}
	if sc.HasElement("people") || sc.HasElement("person") {
		c.anyCat |= catPerson
	}
	// The setting's thing keeps its material too: "a teapot on a marble
	// table" has no wooden table.
	if ws := strings.Fields(strings.ToLower(sc.Setting)); len(ws) > 1 {
		if ms := materialsOf(ws[:len(ws)-1]); ms != nil {
			n := nounFact{forms: [2]string{ws[len(ws)-1], ws[len(ws)-1]}, materials: ms}
			if e, _, ok := lexical.FindNoun(n.forms[0]); ok {
				n.forms[1] = e.Lemma
			}
			c.nouns = append(c.nouns, n)
		}
	}
	return c
}

// materialsOf returns the materials words name, as nouns; a wood named by
// its tree ("oak", "bamboo") is also wood.
func materialsOf(words []string) []string {
	var out []string
	for _, w := range words {
		m := materialOf(w)
		if m == "" || slices.Contains(out, m) {
			continue
		}
		out = append(out, m)
		if e, ok := lexical.Lookup(m); ok && (e.Has("tree") || e.Has("plant")) && !slices.Contains(out, "wood") {
			out = append(out, "wood")
		}
	}
	return out
}

// inIdea reports whether the person typed w (then the sentence may say it).
func (c *checker) inIdea(w string) bool {
	s := c.idea
	for len(s) > 0 {
		i := strings.Index(s, w)
		if i < 0 {
			return false
		}
		end := i + len(w)
		if (i == 0 || !wordByte(s[i-1])) && (end == len(s) || !wordByte(s[end])) {
			return true
		}
		s = s[i+1:]
	}
	return false
}

func wordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '-' || b >= 0x80
}

// word is one word of a sentence, lower-cased into the checker's buffer.
type word struct {
	lo, hi uint16 // its bytes in the lower-cased buffer
	hash   uint32
}

// Word classes, looked up once per word (wordClasses).
const (
	wcPart uint8 = 1 << iota
	wcPlating
	wcMeta
	wcColour
	wcNumber
	wcRepeatOK
	wcState
	wcMaterial // set per template (prepareCheck): a literal material word before a literal word
)

// classTable finds a word's classes by the hash problem computes anyway:
// open addressing on the FNV-1a hash, the word itself compared on a hit.
type classEntry struct {
	hash  uint32
	word  string
	class uint8
}

const classTableSize = 1024 // a power of two, several times the words

var classTable = func() *[classTableSize]classEntry {
	var t [classTableSize]classEntry
	for w, c := range wordClasses {
		h := fnv32(w)
		i := h & (classTableSize - 1)
		for t[i].word != "" {
			i = (i + 1) & (classTableSize - 1)
		}
		t[i] = classEntry{h, w, c}
	}
	return &t
}()

func fnv32(w string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * 16777619
	}
	return h
}

// classOf returns the classes of word w, whose FNV-1a hash is h.
func classOf(w string, h uint32) uint8 {
	for i := h & (classTableSize - 1); ; i = (i + 1) & (classTableSize - 1) {
		e := &classTable[i]
		if e.word == "" {
			return 0
		}
		if e.hash == h && strings.EqualFold(e.word, w) {
			return e.class
		}
	}
}

var wordClasses = func() map[string]uint8 {
	m := map[string]uint8{}
	for w := range partWords {
		m[w] |= wcPart
	}
	for w := range platingWords {
		m[w] |= wcPlating
	}
	for w := range metaSentenceWords {
		m[w] |= wcMeta
	}
	for _, w := range basicColours {
		m[w] |= wcColour
	}
	for _, w := range numberNames[2:] {
		m[w] |= wcNumber
	}
	for w := range repeatOK {
		m[w] |= wcRepeatOK
	}
	for w := range stateWords {
		m[w] |= wcState
	}
	return m
}()

// problem returns why sentence s, said of subject r, is not true to the
// Scene, or "" when it is. opening marks the sentence that states the
// idea, whose own words are not held against it.
func (c *checker) problem(s []byte, r ref, opening bool) string {
	var low [640]byte
	var words [64]word
	n, used := 0, 0
	for i := 0; i < len(s) && n < len(words); {
		for i < len(s) && !wordByte(s[i]) {
			i++
		}
		j := i
		h := uint32(2166136261)
		for j < len(s) && wordByte(s[j]) {
			j++
		}
		if j > i && used+j-i <= len(low) {
			lo := used
			for _, b := range s[i:j] {
				if b >= 'A' && b <= 'Z' {
					b += 'a' - 'A'
				}
				low[used] = b
				used++
				h = (h ^ uint32(b)) * 16777619
			}
			words[n] = word{uint16(lo), uint16(used), h}
			n++
		}
		i = j
	}
	ws := words[:n]
	text := func(w word) []byte { return low[w.lo:w.hi] }
	at, name := -1, ""
	for _, n := range [2]string{r.text, r.short} {
		if n != "" {
			if at = bytes.Index(s, []byte(n)); at >= 0 {
				name = n
				break
			}
		}
	}
	names := at >= 0
	for i, w := range ws {
		wb := text(w)
		class := classOf(string(wb), w.hash)
		if class&wcPart != 0 {
			if m := partWords[string(wb)]; !fits(m, r.cats, !r.unsure) && (names || m&c.anyCat == 0) && !c.inIdea(string(wb)) {
				return "part " + string(wb)
			}
		}
		if class&wcPlating != 0 && names && (!fits(catFood, r.cats, !r.unsure) || r.scaled) && !c.inIdea(string(wb)) {
			return "plating " + string(wb)
		}
		if class&wcMeta != 0 && !c.inIdea(string(wb)) {
			return "meta " + string(wb)
		}
		if class&wcState != 0 && names && r.worked && !c.inIdea(string(wb)) {
			return "state " + string(wb)
		}
		// Colours and counts stay bound to their nouns: "tulip red" of
		// five purple tulips, "one balloon" of three.
		if class&(wcColour|wcNumber) != 0 {
			for k := i + 1; k < len(ws) && k <= i+2; k++ {
				if p := c.binding(string(wb), class&wcColour != 0, string(text(ws[k]))); p != "" {
					return p
				}
			}
		}
		// A material stays bound to its noun: no "ceramic bowl" of a
		// glass bowl.
		if i+1 < len(ws) {
			if p := c.material(string(wb), string(text(ws[i+1]))); p != "" {
				return p
			}
		}
		// No content word twice ("the winding river winds").
		if len(wb) >= 4 && class&wcRepeatOK == 0 {
			for k := i + 1; k < len(ws); k++ {
				if ws[k].hash == w.hash && bytes.Equal(text(ws[k]), wb) && !(k == i+2 && idiom(text(ws[i+1]))) {
					if opening && c.inIdea(string(wb)) {
						break
					}
					return "twice " + string(wb)
				}
			}
		}
	}
	if names && c.notWood(r) {
		for _, w := range ws {
			if string(text(w)) == "grain" {
				return "grain"
			}
		}
	}
	if names {
		if p := agreement(s[at+len(name):], r); p != "" {
			return p
		}
		if c.rest && r.cats&(catPerson|catAnimals) != 0 && stands(s[at+len(name):]) {
			return "stance"
		}
	}
	return ""
}

// stanceVerbs stand or move a subject the idea has sitting, lying or
// sleeping: "a camel resting by an oasis" does not stand atop a ridge.
var stanceVerbs = map[string]bool{
	"stand": true, "stands": true, "plod": true, "plods": true, "stride": true, "strides": true,
	"walk": true, "walks": true, "run": true, "runs": true, "trot": true, "trots": true,
	"gallop": true, "gallops": true, "pause": true, "pauses": true,
}

// stands reports whether rest (what follows the subject's name) begins
// with a verb of standing or moving, other than "stands out".
func stands(rest []byte) bool {
	f := strings.Fields(string(rest[:min(len(rest), 40)]))
	return len(f) > 0 && stanceVerbs[strings.Trim(f[0], ".,;:")] && (len(f) < 2 || f[1] != "out")
}

// idiom reports the middle word of "layer upon layer", "peak for peak",
// "row after row".
func idiom(mid []byte) bool {
	switch string(mid) {
	case "upon", "for", "to", "by", "after", "on":
		return true
	}
	return false
}

// binding checks colour or count word w against noun, the word after it:
// "" unless noun names a thing the idea gives another colour or count.
func (c *checker) binding(w string, colour bool, noun string) string {
	for _, n := range c.nouns {
		if !n.names(noun) {
			continue
		}
		if colour && len(n.colors) > 0 && !hasColour(n.colors, w) {
			return "colour " + w + " " + noun
		}
		if !colour && n.count > 1 && numberOf(w) != n.count {
			return "count " + w + " " + noun
		}
		return ""
	}
	return ""
}

// material checks word w against noun, the word after it: "" unless w
// names a material and noun a thing the idea makes of another ("a
// ceramic bowl" of a glass bowl).
func (c *checker) material(w, noun string) string {
	for _, n := range c.nouns {
		if len(n.materials) == 0 || !n.names(noun) {
			continue
		}
		if m := materialOf(w); m != "" && !slices.Contains(n.materials, m) {
			return "material " + w + " " + noun
		}
		return ""
	}
	return ""
}

// notWood reports whether the idea makes r of a material that is not
// wood (a marble table, a glass desk): it has no grain.
func (c *checker) notWood(r ref) bool {
	head := r.text[strings.LastIndexByte(r.text, ' ')+1:]
	for _, n := range c.nouns {
		if len(n.materials) > 0 && n.names(strings.ToLower(head)) {
			return !slices.Contains(n.materials, "wood")
		}
	}
	return false
}

// materialOf returns the material a word names, as a noun ("glass",
// "wooden" → "wood"), or "" when it names none; as the parser reads
// materials: a noun whose material sense no colour outranks, or an
// adjective of one.
func materialOf(w string) string {
	e, ok := lexical.Lookup(w)
	if !ok {
		return ""
	}
	if cats := e.CategoryList(); e.Freq[lexical.NounPOS] > 0 && len(cats) > 0 &&
		(cats[0] == "material" || len(cats) > 1 && cats[1] == "material" && cats[0] != "color") {
		return e.Lemma
	}
	if e.Of != "" && e.Of != w {
		if o, ok := lexical.Lookup(e.Of); ok && o.Has("material") {
			return o.Lemma
		}
	}
	if s, ok := strings.CutSuffix(w, "en"); ok && len(s) > 2 {
		if o, ok := lexical.Lookup(s); ok && o.Has("material") {
			return o.Lemma // wooden, woolen
		}
	}
	return ""
}

func (n *nounFact) names(w string) bool {
	for _, f := range n.forms {
		if w == f {
			return true
		}
	}
	return false
}

func hasColour(cs []string, w string) bool {
	for _, c := range cs {
		if c == w || (c == "grey" || c == "gray") && (w == "grey" || w == "gray") || c == "gold" && w == "golden" {
			return true
		}
	}
	return false
}

func numberOf(w string) int {
	for i, n := range numberNames {
		if i > 1 && n == w {
			return i
		}
	}
	return 0
}

// agreement checks the verb after the subject's name (rest is what
// follows it) against its number: "the pancakes is" and "the fox are"
// fail, as does a plural subject called "it" after it is named.
func agreement(rest []byte, r ref) string {
	next := rest
	if len(next) > 0 && next[0] == ' ' {
		next = next[1:]
	}
	if j := bytes.IndexByte(next, ' '); j >= 0 {
		next = next[:j]
	}
	v := string(bytes.TrimRight(next, ".,;:"))
	if r.plural {
		switch v {
		case "is", "has", "was", "does", "stands", "sits", "rises":
			return "agreement " + v
		}
		for _, pro := range [...]string{" it ", " it.", " it,", " its ", " itself"} {
			if bytes.Contains(rest, []byte(pro)) {
				return "agreement" + pro
			}
		}
	} else {
		switch v {
		case "are", "have", "were", "do":
			return "agreement " + v
		}
	}
	return ""
}

// repeatOK are words a sentence may say twice.
var repeatOK = map[string]bool{"with": true, "from": true, "that": true, "their": true, "into": true, "over": true, "this": true, "there": true, "where": true, "each": true}

// plainLines are what a prompt says where no line of a table passes the
// checker: short, and true of anything.
var plainLines = sync.OnceValue(func() map[string]*tmpl {
	m := map[string]string{
		"open":        "{Idea}.",
		"light":       "The light falls clearly across {subj}.",
		"color":       "The palette rests on {c1}, {c2} and {c3}.",
		"composition": "{Subj} {is} the clear focal point of the frame.",
		"close":       "The mood is {mood} and {mood2}.",
	}
	out := make(map[string]*tmpl, len(m))
	for k, v := range m {
		t := compile(v)
		out[k] = &t
	}
	return out
})

// catName is the first category of c, "" for none.
func catName(c catSet) string {
	for i, n := range lexical.Categories {
		if c&(1<<i) != 0 {
			return n
		}
	}
	return ""
}

// sureCats is the subject's category where it is sure, else none: the
// lines of a category are for what the thing surely is.
func sureCats(s easel.Subject) catSet {
	if c, sure := subjectCats(s); sure {
		return c
	}
	return 0
}

// heldCats is what a subject held in a container is ("a bowl of
// cherries", "a basket of apples"): where WordNet's first sense is too big
// to hold (a cherry tree), the noun's first sense that can be (the fruit).
func heldCats(holder string, s easel.Subject, cats catSet) catSet {
	h, _, ok := lexical.FindNoun(holder)
	if !ok || !h.Has("container") || cats&catsOf("tree", "landform", "building", "structure") == 0 {
		return cats
	}
	if e, _, ok := lexical.FindNoun(strings.ToLower(s.Noun)); ok {
		for _, c := range e.CategoryList() {
			if b := catBit[c]; b&(catFood|catsOf("flower", "plant")) != 0 {
				return b
			}
		}
	}
	return cats
}

// sureCats is what r surely is, none when that is not sure.
func (r ref) sureCats() catSet {
	if r.unsure {
		return 0
	}
	return r.cats
}

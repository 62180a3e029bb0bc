package builtin

import (
	"github.com/easel-art/easel"
	"math"
	"slices"
	"strings"
)

// Weights of the keyword dialects: the subject matters most, then the
// setting, light and medium; the rest is neutral.
const (
	wSubject = 1.2
	wMedium  = 1.15
	wSetting = 1.1
	wLight   = 1.1
	wDetail  = 1.0
)

// keywords lists the weighted terms a keyword dialect builds its prompt
// from, most important first, each term once.
func (d *draft) keywords() []easel.Keyword {
	out := make([]easel.Keyword, 0, 24)
	add := func(text string, w float64) {
		text = strings.TrimSpace(strings.ToLower(text))
		if text == "" {
			return
		}
		for _, k := range out {
			// "village" adds nothing after "medieval village", nor
			// "books" after "old library full of books".
			if k.Text == text || containsWords(k.Text, text) {
				return
			}
		}
		out = append(out, easel.Keyword{Text: text, Weight: math.Round(w*100) / 100})
	}
	sc := d.sc
	subj := stripDeterminer(sc.Subject)
	// "three red balloons", not "red balloons": the count is asked for.
	if len(sc.Subjects) > 0 && sc.Subjects[0].Count > 1 && !strings.HasPrefix(subj, countWord(sc.Subjects[0].Count)) {
		if w := countWord(sc.Subjects[0].Count); w != "" && !hasCount(subj) {
			if w == "two" && strings.Contains(d.ideaLow, "pair of "+subj) {
				w = "pair of" // as the idea says it
			}
			subj = w + " " + subj
		}
	}
	if len(sc.Subjects) > 0 {
		subj = withAction(subj, sc.Subjects[0], d.ideaLow)
	}
	add(subj, wSubject)
	if d.style != nil {
		add(d.style.medium, wMedium)
	}
	// "rainy street" in "rainy street in tokyo" would be said twice.
	if !strings.Contains(subj, sc.Setting) && !strings.Contains(sc.Setting, subj) {
		add(sc.Setting, wSetting)
	}
	// Every subject the subject phrase does not already say: "cat" after
	// "pencil sketch", where the Scene puts the cat first.
	for i := 0; i < len(sc.Subjects); i++ {
		s := sc.Subjects[i]
		if i == 0 && containsWords(subj, strings.ToLower(s.Noun)) {
			continue
		}
		phrase := s.Noun
		if len(s.Adjectives) > 0 {
			phrase = strings.Join(s.Adjectives, " ") + " " + s.Noun
		}
		if s.Count > 1 && !hasCount(phrase) {
			phrase = countWord(s.Count) + " " + phrase // "two armchairs"
		}
		if i > 0 {
			phrase = withAction(phrase, s, d.ideaLow)
		}
		add(phrase, wSetting)
	}
	if l := lightKeyword(sc.TimeOfDay, d.light, nightLights(sc)); l != "" {
		if l == "soft window light" && d.light == "interior" && !d.windowLit {
			l = "soft daylight" // as the text says it: no window named
		}
		add(l, wLight)
	}
	switch sc.Weather {
	case "rain", "storm", "snow", "fog", "mist":
		add(weatherKeywords[sc.Weather], wLight)
	}
	if sc.Season != "" {
		add(sc.Season, wDetail)
	}
	// What the picture holds besides the subject, in the words a keyword
	// prompt uses.
	named := map[string]bool{}
	for _, x := range sc.Subjects {
		named[x.Element] = true
	}
	for _, e := range sc.Elements {
		if e == "space" && d.light != "space" || e == "stars" && d.world || flavourElement(sc, e) {
			continue // a rocket on its launch pad is not in outer space
		}
		if k, ok := elementKeywords[e]; ok && !named[e] && !strings.Contains(subj, e) {
			add(k, wDetail)
		}
	}
	for _, w := range sc.Extra {
		if countWordSet[w] {
			continue // "pair", "single": the count belongs to its noun
		}
		add(w, wDetail)
	}
	if d.colors[0] != "" && d.colors[1] != "" {
		add(d.colors[0]+" and "+d.colors[1]+" palette", wDetail)
	}
	add(viewKeywords[sc.View], wDetail)
	if sc.Mood != "" {
		add(d.mood[0]+" atmosphere", wDetail)
	}
	if d.style != nil {
		for _, k := range d.style.keywords {
			add(k, wDetail)
		}
	}
	// Whatever the idea says that no tag has said yet, as the idea says
	// it: "blue sky", not "sky"; "dusk" beside "blue hour twilight".
	out = ideaPhrases(out, d.ideaLow)
	// The dialects add their own quality tags (sd: "highly detailed,
	// sharp focus"); no "beautiful composition", which says nothing.
	add("highly detailed", wDetail)
	return out
}

var weatherKeywords = map[string]string{
	"rain": "falling rain", "storm": "stormy sky", "snow": "falling snow", "fog": "thick fog", "mist": "soft mist",
}

var viewKeywords = map[string]string{
	"wide": "wide shot", "aerial": "aerial view", "close-up": "close-up", "portrait": "portrait framing",
	"eye level": "eye-level shot", "low angle": "low angle shot",
}

// nightLights names the lights of the scene's buildings at night: a
// city's lights, a village's or a market's lanterns, or none (moonlight).
func nightLights(sc *easel.Scene) string {
	kind := ""
	for _, e := range sc.Elements {
		switch e {
		case "city", "street", "neon", "skyline":
			return "city lights at night"
		case "lanterns":
			kind = "lantern light at night"
		case "houses", "village":
			if kind == "" {
				kind = "glowing windows at night"
			}
		}
	}
	return kind
}

// lightKeyword names the light; nightLights is what lights a night scene
// besides the moon, if anything.
func lightKeyword(t, light string, nightLights string) string {
	switch light {
	case "underwater":
		return "sunbeams through water"
	case "space":
		return "starlight"
	case "abstract":
		return "luminous color"
	case "portrait":
		switch t {
		case "night", "dusk":
			return "low-key lighting"
		case "golden hour", "sunset", "dawn":
			return "warm golden side light"
		}
		return "soft window light"
	case "studio":
		return "soft studio lighting"
	case "firelight":
		return "warm firelight"
	case "neon":
		return "neon lighting"
	case "soft":
		return "soft natural light"
	case "dramatic light":
		return "dramatic lighting"
	case "cinematic":
		return "cinematic lighting"
	case "backlit":
		return "backlit"
	case "rays":
		return "god rays"
	case "interior":
		if t == "night" || t == "dusk" {
			return "warm lamplight"
		}
		return "soft window light"
	}
	switch t {
	case "":
		return ""
	case "night":
		if nightLights != "" {
			return nightLights
		}
		return "moonlit night"
	case "golden hour":
		return "golden hour light"
	case "noon":
		return "bright midday sun"
	case "dusk":
		return "blue hour twilight"
	}
	return t + " light"
}

// elementKeywords name elements the way keyword prompts do; elements that
// add nothing on their own (window, food) are left out.
var elementKeywords = map[string]string{
	"sun": "glowing sun", "moon": "crescent moon", "full moon": "full moon", "stars": "starry sky",
	"aurora": "aurora borealis", "clouds": "dramatic clouds", "rainbow": "rainbow", "milky way": "milky way",
	"lightning": "lightning", "mountains": "mountains", "hills": "rolling hills", "dunes": "sand dunes",
	"meadow": "wildflower meadow", "wheat": "golden wheat", "sunflowers": "sunflowers", "flowers": "flowers",
	"snow": "fresh snow", "ice": "ice", "rocks": "rocks", "cliffs": "sea cliffs", "volcano": "volcano",
	"canyon": "canyon", "sea": "ocean", "beach": "sandy beach", "lake": "lake", "river": "river",
	"waterfall": "waterfall", "pond": "pond", "waves": "waves", "reflection": "reflections",
	"forest": "forest", "pines": "pine trees", "trees": "trees", "palms": "palm trees", "jungle": "jungle",
	"bamboo": "bamboo", "cherry blossoms": "cherry blossoms", "autumn leaves": "autumn leaves",
	"city": "city", "skyline": "skyline", "street": "street", "neon": "neon lights", "lighthouse": "lighthouse",
	"cabin": "cabin", "castle": "castle", "barn": "barn", "houses": "houses", "village": "village",
	"bridge": "bridge", "temple": "temple", "windmill": "windmill", "tower": "tower",
	"lanterns": "glowing paper lanterns", "road": "road", "boat": "boats", "ship": "sailing ship",
	"sailboat": "sailboat", "balloon": "hot air balloon", "car": "car", "train": "train",
	"airplane": "airplane", "spaceship": "spaceship", "birds": "birds", "seagulls": "seagulls",
	"fish": "fish", "koi": "koi fish", "whale": "whale", "people": "crowd", "camel": "camel",
	"fox": "fox", "horse": "horse", "deer": "deer", "cat": "cat", "dog": "dog", "dragon": "dragon",
	"rain": "rain", "snowfall": "falling snow", "fog": "fog", "mist": "mist", "coral": "coral reef",
	"planet": "planet", "space": "outer space", "nebula": "nebula",
}

func stripDeterminer(s string) string {
	for {
		first, rest, ok := strings.Cut(s, " ")
		if !ok || !(englishDeterminers[first] || foreignDeterminers[first]) {
			return s
		}
		s = rest
	}
}

// negative lists what to keep out of the picture: always the common
// flaws, then what the domain and medium are prone to.
func (d *draft) negative() []string {
	out := make([]string, 0, 24)
	out = append(out, "blurry", "low quality", "watermark", "text", "signature", "jpeg artifacts")
	add := func(list ...string) {
		for _, x := range list {
			if x != "" && !slices.Contains(out, x) {
				out = append(out, x)
			}
		}
	}
	add(d.prof.negative...)
	sc := d.sc
	// The flaws of bodies, for the kinds of body the picture has (by
	// WordNet's category, so an owl or an iguana counts as well as a fox).
	var bodies catSet
	for _, s := range sc.Subjects {
		if c, sure := subjectCats(s); sure {
			bodies |= c
		}
	}
	if bodies&catPerson != 0 || sc.HasElement("person") || sc.HasElement("people") {
		add("deformed hands", "extra fingers", "distorted face")
	}
	if bodies&catAnimals != 0 {
		add("extra limbs", "deformed anatomy")
	} else {
		for _, e := range []string{"fox", "cat", "dog", "horse", "deer", "camel", "animal", "dragon"} {
			if sc.HasElement(e) {
				add("extra limbs", "deformed anatomy")
				break
			}
		}
	}
	switch sc.TimeOfDay {
	case "night":
		add("daylight", "overexposed")
	case "dawn", "sunset", "golden hour", "dusk":
		add("harsh midday light")
	}
	if sc.Weather == "clear" && d.light == "outdoor" {
		add("overcast")
	}
	if sc.Weather == "storm" {
		add("clear sky", "calm water")
	}
	if sc.Mood == "serene" || sc.Mood == "solitary" {
		if !sc.HasElement("people") && d.light == "outdoor" {
			add("crowds")
		}
	}
	if d.style != nil {
		add(d.style.negative...)
	}
	return d.notAsked(d.ofKinds(out))
}

// ofKinds drops the flaws of parts that none of the Scene's subjects has,
// by WordNet's category: a sailboat or a rocket has no wheels to warp, a
// lizard no wings.
func (d *draft) ofKinds(neg []string) []string {
	if len(d.sc.Subjects) == 0 {
		return neg
	}
	var have catSet
	for _, s := range d.sc.Subjects {
		c, _ := subjectCats(s)
		if s.Element == "balloon" {
			c &^= catsOf("aircraft") // an aircraft with no wheels
		}
		have |= c
	}
	for _, e := range d.sc.Elements {
		// What the canvas draws has its parts too: the people of a
		// night market have faces and hands.
		switch {
		case e == "person" || e == "people":
			have |= catPerson
		case easel.ElementKind(e) == "animal":
			have |= catAnimals
		}
	}
	return slices.DeleteFunc(neg, func(n string) bool {
		for w := range strings.FieldsSeq(n) {
			if need := partWords[w]; need != 0 && have&need == 0 {
				return true
			}
		}
		return false
	})
}

// appendNegative adds the person's own negative text, split at commas.
func appendNegative(list []string, extra string) []string {
	for _, x := range strings.Split(extra, ",") {
		x = strings.TrimSpace(x)
		if x != "" && !slices.Contains(list, x) {
			list = append(list, x)
		}
	}
	return list
}

// containsWords reports whether phrase holds words as whole words.
func containsWords(phrase, words string) bool {
	for i := 0; ; {
		j := strings.Index(phrase[i:], words)
		if j < 0 {
			return false
		}
		j += i
		end := j + len(words)
		if (j == 0 || phrase[j-1] == ' ') && (end == len(phrase) || phrase[end] == ' ') {
			return true
		}
		i = j + 1
	}
}

// withAction binds what a subject does to its tag: "two kids flying a
// kite", "old fisherman mending his nets", "boy sitting on a wooden
// fence", "knight in silver armor riding", so no action stands alone as a
// tag of its own. A relation goes where the idea says it.
func withAction(phrase string, s easel.Subject, idea string) string {
	act := strings.ToLower(s.Action)
	if act == "" || containsWords(phrase, act) {
		return phrase
	}
	rel := strings.ToLower(s.Relation)
	if rel != "" && countWords(rel) <= 4 && !containsWords(phrase, rel) {
		if i, j := strings.Index(idea, rel), strings.Index(idea, act); i >= 0 && j >= 0 && i < j {
			phrase += " " + rel
			rel = ""
		}
	}
	phrase += " " + act
	switch {
	case s.Object != "":
		phrase += " " + strings.ToLower(s.Object)
	case rel != "" && countWords(rel) <= 4 && !containsWords(phrase, rel):
		phrase += " " + rel
	}
	return phrase
}

// phraseBreaks are the words between an idea's phrases: prepositions,
// conjunctions, determiners and pronouns.
var phraseBreaks = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "in": true, "on": true, "at": true, "by": true,
	"with": true, "from": true, "to": true, "into": true, "onto": true, "over": true, "under": true,
	"above": true, "below": true, "beside": true, "through": true, "across": true, "and": true,
	"or": true, "his": true, "her": true, "their": true, "its": true, "my": true, "for": true,
	"near": true, "around": true, "up": true, "down": true, "out": true, "is": true, "are": true,
	"who": true, "that": true, "while": true, "as": true, "next": true, "behind": true, "along": true,
	"among": true, "between": true, "against": true, "off": true, "inside": true, "outside": true,
	"some": true, "it": true, "them": true, "he": true, "she": true, "they": true, "toward": true,
	"towards": true, "beneath": true, "past": true, "like": true, "full": true, "this": true,
	"these": true, "those": true, "our": true, "your": true, "one": true, "where": true, "than": true,
	"him": true, "us": true, "me": true, "we": true, "you": true,
}

// ideaPhrases binds the idea's phrases into the tags: a phrase of the
// idea that no tag holds whole ("dark forest", "blue sky") takes the
// place of the first tag it holds (keeping its weight), and the other
// tags it holds are dropped; a phrase that holds none is added. The
// first tag, the subject, stays as it is. Palette and atmosphere tags are
// the writer's, not the idea's words.
func ideaPhrases(out []easel.Keyword, idea string) []easel.Keyword {
	phrase := make([]string, 0, 8)
	flush := func() {
		if len(phrase) == 0 {
			return
		}
		// "un chat noir": a determiner of another language opens no tag.
		for len(phrase) > 1 && foreignDeterminers[phrase[0]] {
			phrase = phrase[1:]
		}
		p := strings.Join(phrase, " ")
		phrase = phrase[:0]
		for _, k := range out {
			if !writersTag(k.Text) && containsWords(k.Text, p) {
				return // said whole
			}
		}
		kept, at := out[:1], -1
		for _, k := range out[1:] {
			if writersTag(k.Text) || !containsWords(p, k.Text) {
				kept = append(kept, k)
				continue
			}
			if at < 0 {
				at = len(kept)
				kept = append(kept, easel.Keyword{Text: p, Weight: k.Weight})
			}
		}
		if at < 0 {
			kept = append(kept, easel.Keyword{Text: p, Weight: wDetail})
		}
		out = kept
	}
	for i := 0; i < len(idea); {
		clause := false // a comma or a full stop ends the phrase: no "boat moored nearby gulls circling"
		for i < len(idea) && phraseSep(idea[i]) {
			clause = clause || idea[i] != ' '
			i++
		}
		if clause {
			flush()
		}
		j := i
		for j < len(idea) && !phraseSep(idea[j]) {
			j++
		}
		w := strings.Trim(idea[i:j], "'()") // "a witch's cottage" as typed: the scene keeps the owner's "'s"
		i = j
		if w == "" || phraseBreaks[w] {
			flush()
			continue
		}
		phrase = append(phrase, w)
	}
	flush()
	return out
}

// phraseSep reports the bytes between an idea's words.
func phraseSep(b byte) bool {
	switch b {
	case ' ', ',', '.', ';', ':', '!', '?', '"':
		return true
	}
	return false
}

// writersTag reports a tag the writer chose rather than the idea said.
func writersTag(t string) bool {
	return strings.HasSuffix(t, " palette") || strings.HasSuffix(t, " atmosphere")
}

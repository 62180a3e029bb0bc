package builtin

import (
	"bytes"
	"slices"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/lexical"
	"github.com/easel-art/easel/scene"
)

// draft.go composes a prompt: the opening, the subject's and the setting's lines, light, details, colour, composition, style and mood, within a word budget.

// compose writes the text: an opening that keeps the idea, the subject and
// setting, the light, details, colour, composition, medium and mood, within
// a word budget.
func (d *draft) compose() string {
	t := d.t
	var opening sentence
	switch {
	case d.long:
		opening = d.render(&t.long, d.subj)
	case d.framed:
		opening = d.render(d.choose("open", t.framed), d.subj)
	default:
		opening = d.render(d.choose("open", t.openings), d.subj)
	}

	// The sentences every prompt has.
	lightS := d.lightSentence()
	var colorS sentence
	if d.style != nil && d.style.mono {
		colorS = d.render(d.choose("color", t.monoColors), d.subj)
	} else {
		colorS = d.render(d.choose("color", t.colors), d.subj)
	}
	compS := d.compositionSentence()
	closeS := d.closer()
	var styleS *sentence
	if d.style != nil {
		if tm := d.choose("style", t.styleLines[d.sc.Style]); tm != nil {
			s := d.render(tm, d.subj)
			styleS = &s
		}
	}

	used := opening.words + lightS.words + colorS.words + compS.words + closeS.words
	if styleS != nil {
		used += styleS.words
	}
	budget := min(94+d.rng.IntN(18), maxWords)
	if d.long {
		budget = used + 12
	}

	// Optional sentences, most important first; each is kept only if it
	// fits the budget.
	subjectS := make([]sentence, 0, 4)
	detailS := make([]sentence, 0, 8)
	seen := map[string]bool{}
	covered := map[string]bool{}
	cover := func(e string) {
		covered[e] = true
		for _, x := range alsoCovers[e] {
			covered[x] = true
		}
	}
	// The light sentence already spoke of the weather.
	for _, e := range weatherElements[d.sc.Weather] {
		cover(e)
	}
	d.windowLit = bytes.Contains(d.buf[lightS.start:lightS.end], []byte("window"))
	if d.light == "studio" || d.windowLit {
		// A studio's light is its lamps; a window the light came through
		// is said once.
		cover("window")
	}
	if d.light != "space" {
		cover("space") // a rocket on its launch pad is under the sky
	}
	if d.light == "neon" {
		cover("neon") // the light sentence spoke of it
	}
	tryWithin := func(tm *tmpl, r ref, into *[]sentence, limit int) bool {
		if tm == nil || seen[tm.src] {
			return false
		}
		if used+d.measure(tm, r) > limit {
			return false
		}
		n := len(d.adds)
		s := d.render(tm, r)
		for _, e := range d.adds[n:] {
			cover(e)
		}
		seen[tm.src] = true
		used += s.words
		*into = append(*into, s)
		return true
	}
	try := func(tm *tmpl, r ref, into *[]sentence) bool { return tryWithin(tm, r, into, budget) }
	// The subject's sentence is never left out: it is what the picture
	// is of. The budget stretches for it.
	var subjLines []tmpl
	if len(d.sc.Subjects) > 0 {
		s := d.sc.Subjects[0]
		subjLines = fittingColours(d.linesFor(s.Noun, s.Element, d.subj.sureCats()), s)
		cover(s.Element)
	} else if d.sc.Subject != "" {
		subjLines = d.linesFor(d.sc.Subject, "", 0)
	}
	lr := d.lineRef() // "the cherries" of a bowl of cherries
	tm := d.chooseFor("subject", subjLines, lr)
	if tm == nil && d.sc.Subject != "" && d.light == "abstract" {
		tm = d.chooseFor("subject", t.subjects["shape"], lr)
	}
	if tm == nil && len(d.sc.Subjects) > 0 {
		// A noun the tables do not know: lines for what WordNet says it is.
		tm = d.chooseFor("subject", categoryLines()[d.sc.Subjects[0].Category], lr)
	}
	if tm == nil && d.sc.Subject != "" {
		tm = d.chooseFor("subject", t.subjects["*"], lr)
	}
	if tm != nil && !d.long {
		n := len(d.adds)
		s := d.render(tm, lr)
		for _, e := range d.adds[n:] {
			cover(e)
		}
		seen[tm.src] = true
		used += s.words
		budget = max(budget, min(used+8, maxWords-30))
		subjectS = append(subjectS, s)
	}
	// The setting's own lines ("paris", "rocky coast").
	for _, k := range settingKeys(d.sc.Setting) {
		if d.insideOf(headNoun(d.sc.Setting)) {
			for _, e := range scene.Implies(k) {
				cover(e) // seen from inside: no skyline, no rooftops
			}
			continue
		}
		if k == scene.Key(firstNoun(d.sc)) {
			continue
		}
		// The setting was typed too: it may stretch the budget.
		n := len(subjectS)
		r := ref{text: d.setting, plural: scene.Plural(d.sc.Setting)}
		tryWithin(d.chooseFor("setting:"+k, t.subjects[k], r), r, &subjectS, hardMax-4)
		if len(subjectS) > n {
			for _, e := range scene.Implies(k) {
				cover(e)
			}
		}
	}
	if strings.Contains(d.ideaLow, "on the moon") {
		// The moon is the ground here, not a disc in the sky.
		cover("moon")
		cover("full moon")
		tryWithin(d.choose("lunar", t.lunar), d.subj, &detailS, hardMax-4)
	}
	// Other things the person named come next; the first two may stretch
	// the budget, since they were asked for.
	for i := 1; i < len(d.sc.Subjects) && i <= 3; i++ {
		s := d.sc.Subjects[i]
		if d.insideOf(s.Noun) {
			cover(s.Element) // nor the tower element's skyline line
			continue
		}
		if covered[s.Element] && s.Element != "" || lightingNoun(s.Noun) {
			continue // (the light sentence speaks of "soft lighting")
		}
		lines := d.linesFor(s.Noun, s.Element, sureCats(s))
		if s.Category == "celestial body" && d.world {
			// Landed on it: its ground, not its curve seen from orbit.
			lines = t.worldGround
		}
		if lines == nil {
			lines = t.scenes[s.Element]
		}
		limit := budget
		if i <= 2 {
			limit = hardMax - 4
		}
		r := refOf(d.sc, i)
		tryWithin(d.chooseFor("also:"+s.Noun, lines, r), r, &detailS, limit)
		cover(s.Element)
	}
	if d.world {
		// The planet is underfoot, not a disc in the sky, and its
		// sky by day has no stars.
		cover("planet")
		cover("stars")
	}
	for _, e := range d.sc.Elements {
		if covered[e] || flavourElement(d.sc, e) {
			continue // (no autumn trees for maple syrup)
		}
		drawsSubject := slices.ContainsFunc(d.sc.Subjects, func(s easel.Subject) bool { return s.Element == e })
		if d.light == "outdoor" && (e == "table" || e == "window") && !drawsSubject {
			// A diner's table or window, outside it, is not in the
			// picture.
			continue
		}
		if d.insideLight() && outdoorElements[e] && !drawsSubject {
			// Nor, inside a garage, the road the lexicon gives it.
			continue
		}
		if try(d.choose("el:"+e, t.scenes[e]), d.subj, &detailS) {
			cover(e)
		}
	}
	// The domain's generic details suit only a scene with little else to
	// say: a lone tree on a hill is in the forest domain but has no
	// forest floor.
	if len(detailS) == 0 && !loneTree(d.sc) {
		try(d.choose("domain", t.details[d.profKey]), d.subj, &detailS)
	}
	if used < 50 {
		try(d.choose("generic", t.genericDetails), d.subj, &detailS)
		for i := range t.genericDetails {
			try(&t.genericDetails[i], d.subj, &detailS)
		}
	}

	// A long subject line can push an ordinary idea over the limit: drop
	// details, then the medium's line, until it fits.
	for used > hardMax && !d.long {
		switch {
		case len(detailS) > 0:
			used -= detailS[len(detailS)-1].words
			detailS = detailS[:len(detailS)-1]
		case len(subjectS) > 1:
			used -= subjectS[len(subjectS)-1].words
			subjectS = subjectS[:len(subjectS)-1]
		case styleS != nil:
			used -= styleS.words
			styleS = nil
		default:
			used = 0 // nothing left to drop
		}
	}

	// Order: opening, subject, then light before or after the details,
	// colour and composition in either order, medium, mood last.
	ss := make([]sentence, 0, 16)
	ss = append(ss, opening)
	lightFirst := d.rng.IntN(2) == 0
	if lightFirst {
		ss = append(ss, lightS)
	}
	ss = append(ss, subjectS...)
	if !lightFirst {
		ss = append(ss, lightS)
	}
	ss = append(ss, detailS...)
	if d.rng.IntN(2) == 0 {
		ss = append(ss, colorS, compS)
	} else {
		ss = append(ss, compS, colorS)
	}
	if styleS != nil {
		ss = append(ss, *styleS)
	}
	ss = append(ss, closeS)
	return d.finish(ss)
}

// fits reports whether any template of list fits the scene.
func (d *draft) fits(list []tmpl) bool {
	for i := range list {
		if list[i].ok(d.facts) {
			return true
		}
	}
	return false
}

func (d *draft) lightSentence() sentence {
	t := d.t
	var list []tmpl
	switch d.light {
	case "outdoor":
		list = t.weather[d.sc.Weather]
		if !d.fits(list) {
			list = t.lights[d.sc.TimeOfDay]
		}
		if !d.fits(list) {
			list = t.context["soft"] // no time to speak of: say less
		}
	default:
		list = t.context[d.light]
	}
	tm := d.choose("light", list)
	if tm == nil {
		tm = d.choose("light", t.context["interior"])
	}
	return d.render(tm, d.subj)
}

func (d *draft) compositionSentence() sentence {
	if d.light == "abstract" {
		return d.render(d.choose("composition", d.t.compositions["abstract"]), d.subj)
	}
	list := d.t.compositions[d.sc.View]
	if roomSubject(d.sc) {
		// The room is the whole frame, not a thing placed in it.
		list = d.t.compositions["room"]
	}
	if !d.fits(list) {
		list = d.t.compositions["wide"]
	}
	return d.render(d.choose("composition", list), d.subj)
}

func (d *draft) closer() sentence {
	// One list of the mood's own closers and the general ones, so
	// variations walk through all of them.
	list, ok := d.t.moodClosers[d.sc.Mood]
	if !ok {
		list = d.t.closers
	}
	// The opening has already used the two mood words: the closer takes
	// the mood's other words where it has them, so a prompt never says
	// "a serene landscape ... serene and unforced".
	saved := d.mood
	d.mood = d.closerMoods()
	s := d.render(d.choose("close", list), d.subj)
	d.mood = saved
	return s
}

// closerMoods returns two mood adjectives that the opening and the idea
// have not used, or the opening's own where the mood has no others.
func (d *draft) closerMoods() [2]string {
	m, ok := moods[d.sc.Mood]
	if !ok {
		m = moods["serene"]
	}
	out, n := d.mood, 0
	// A hash, not d.rng: the sentences after the closer keep their draws.
	start := int(mix(d.seed+uint64(d.variation), "closemood") % uint64(len(m.adjs)))
	for i := range m.adjs {
		w := m.adjs[(start+i)%len(m.adjs)]
		// "storybook" names a kind of thing, not a feeling: "it should
		// feel storybook" does not parse.
		if w == d.mood[0] || w == d.mood[1] || w == "storybook" || strings.Contains(d.ideaLow, w) ||
			(d.dim() && sunnyWords[w]) || echoes(w, d.moodNoun[0]) || echoes(w, d.moodNoun[1]) {
			continue
		}
		out[n] = w
		if n++; n == 2 {
			break
		}
	}
	if n == 1 {
		out[1] = d.mood[0]
	}
	return out
}

// settingKeys returns the lexicon names in a setting that have lines of
// their own: "rainy street in paris" gives "street" and "paris".
func settingKeys(setting string) []string {
	if setting == "" || studioBackdrop(setting) {
		// "a plain background" is a backdrop, not the plains.
		return nil
	}
	// Names first ("paris"), then the one most specific other key.
	var names, keys []string
	add := func(k string) {
		if k == "" || slices.Contains(keys, k) || slices.Contains(names, k) {
			return
		}
		if _, ok := subjectLines[k]; !ok {
			return
		}
		if scene.Proper(k) {
			names = append(names, k)
		} else {
			keys = append(keys, k)
		}
	}
	add(scene.Key(setting))
	words := strings.Fields(setting)
	if len(words) >= 2 {
		add(scene.Key(strings.Join(words[len(words)-2:], " ")))
	}
	for i, w := range words {
		if i+1 < len(words) && !settingLinks[words[i+1]] {
			// "mountain" of "mountain stream" says what kind of stream:
			// the stream is the place, not the mountains.
			if !scene.Proper(w) {
				continue
			}
		}
		add(scene.Key(w))
	}
	if len(keys) > 1 {
		keys = keys[:1]
	}
	return append(names, keys...)
}

func firstNoun(sc *easel.Scene) string {
	if len(sc.Subjects) > 0 {
		return sc.Subjects[0].Noun
	}
	return sc.Subject
}

// alsoCovers: a sentence about the first element speaks for the others
// too, so the sea and its waves are not described twice.
var alsoCovers = map[string][]string{
	"sea": {"waves"}, "waves": {"sea"}, "forest": {"trees", "pines"}, "city": {"skyline"},
	"skyline": {"city"}, "village": {"houses"}, "houses": {"village"}, "desert": {"dunes"},
	"dunes": {"desert"}, "boat": {"sailboat"}, "people": {"person"}, "person": {"people"},
	"jungle": {"trees"}, "full moon": {"moon"}, "moon": {"full moon"}, "aurora": {"stars"},
}

// weatherElements are the elements a weather's light sentence describes.
var weatherElements = map[string][]string{
	"rain": {"rain"}, "storm": {"rain", "lightning"}, "snow": {"snowfall"}, "fog": {"fog", "mist"},
	"mist": {"mist", "fog"}, "overcast": {"clouds"},
}

// settingLinks are the words that end a noun phrase within a setting
// ("street in paris").
var settingLinks = map[string]bool{"in": true, "of": true, "on": true, "near": true, "by": true, "at": true, "over": true, "under": true, "with": true, "and": true}

// loneTree reports whether the main subject is one tree: the forest domain
// it brings has no forest floor around it.
func loneTree(sc *easel.Scene) bool {
	return len(sc.Subjects) > 0 && sc.Subjects[0].Category == "tree" && !sc.Subjects[0].Plural && sc.Subjects[0].Count <= 1
}

// insideOf reports whether the scene is lit from inside the building
// noun names: a monk meditating in a temple sees no curved roofs, a
// blacksmith in his forge no walls from outside.
func (d *draft) insideOf(noun string) bool {
	if !d.insideLight() || d.light == "studio" {
		return false
	}
	e, _, ok := lexical.FindNoun(strings.ToLower(noun))
	if !ok {
		return false
	}
	switch e.Category() {
	case "building", "structure", "tower":
		return true
	}
	return false
}

// insideLight reports whether the scene is lit as a room is: by a window,
// a lamp, a fire, neon or a studio's lights.
func (d *draft) insideLight() bool {
	switch d.light {
	case "interior", "studio":
		return true
	case "firelight", "neon":
		return !d.at.outdoors() // a campfire on a beach is still outside
	}
	return false
}

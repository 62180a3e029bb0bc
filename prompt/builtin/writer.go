// Package builtin is easel's offline prompt writer: it turns an idea, or a
// Scene, into the detailed prompt a skilled prompt writer would, with no
// network. Output is seeded and deterministic: the same request always
// gives the same prompts.
//
// The text is built from phrase tables written for easel (phrases.go,
// domains.go, things.go): an opening that keeps every word of the idea,
// then the subject and its setting, the light, the colours, the
// composition, the medium and the mood, and details that belong to the
// scene (seagulls on a beach, lanterns in a night market).
package builtin

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/scene"
)

// Name is the writer's name in Prompt.Writer.
const Name = "builtin"

// MaxVariations is the most variations one request may ask for.
const MaxVariations = 1000

// maxWords is the most words the writer adds around an idea of ordinary
// length; quality tests hold every prompt to 120.
const maxWords = 114

// hardMax is the most words a prompt for an ordinary idea may have.
const hardMax = 118

// longIdeaWords is the idea length from which the idea itself is the
// opening sentence and the writer adds less around it.
const longIdeaWords = 24

// Writer is the built-in prompt writer. The zero value is ready to use and
// safe for concurrent use.
type Writer struct{}

// New returns the built-in writer.
func New() *Writer { return &Writer{} }

// WritePrompts writes req.N prompts (1 when N is 0). It returns an
// EINVALID error for an empty or oversized idea with no Scene, a negative
// N or one above MaxVariations, or a Chaos outside 0..100.
func (w *Writer) WritePrompts(ctx context.Context, req easel.WriteRequest) ([]*easel.Prompt, error) {
	n := req.N
	switch {
	case n == 0:
		n = 1
	case n < 0 || n > MaxVariations:
		return nil, easel.Errorf(easel.EINVALID, "cannot write %d variations: ask for 1 to %d", req.N, MaxVariations)
	}
	if req.Chaos < 0 || req.Chaos > 100 {
		return nil, easel.Errorf(easel.EINVALID, "chaos %d is out of range: use 0 (subtle) to 100 (strong)", req.Chaos)
	}
	base := req.Scene
	if base == nil {
		if err := easel.ValidateIdeaText(req.Idea); err != nil {
			return nil, err
		}
		base = scene.Parse(req.Idea)
	}
	out := make([]*easel.Prompt, 0, n)
	for v := range n {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("builtin writer: %w", err)
		}
		p := write(base, req.Idea, req.Seed, v, req.Chaos)
		p.Template = req.Template
		p.Style = req.Style
		p.Negative = appendNegative(p.Negative, req.Negative)
		out = append(out, p)
	}
	return out, nil
}

// write writes variation v of the prompt for base.
func write(base *easel.Scene, idea string, seed int64, v, chaos int) *easel.Prompt {
	sc := cloneScene(base)
	if strings.TrimSpace(idea) == "" {
		idea = sc.Idea
	}
	prof := profileOf(sc.Domain)
	light := lightContext(sc, prof)

	// Fill what the idea left open from the seed alone, so every variation
	// starts from the same picture; then let variations wander by chaos.
	first := newSource(uint64(seed), 0x9e3779b97f4a7c15)
	var hint daylight
	hint.day, hint.sunny = scene.Daylight(idea)
	for _, e := range skyElements {
		hint.sky = hint.sky || base.HasElement(e)
	}
	if low := strings.ToLower(idea); strings.Contains(low, "above the cloud") || strings.Contains(low, "over the cloud") {
		hint.sky = true // above the clouds the sky is clear; the weather is below
	}
	open := fillDefaults(sc, prof, light, hint, &first)
	if v > 0 && chaos > 0 {
		w := newSource(uint64(seed), 0x51ed27+uint64(v))
		wander(sc, prof, light, open, hint, chaos, &w)
		settle(sc, prof, open, hint)
	}
	words := newSource(uint64(seed), 0xc0ffee+uint64(v)<<8)

	d := &draft{
		t:         compiled(),
		buf:       make([]byte, 0, 1024),
		adds:      make([]string, 0, 8),
		sc:        sc,
		rng:       &words,
		seed:      uint64(seed) ^ mix(0, strings.ToLower(strings.TrimSpace(wordingKey(idea, base)))+"|"+base.Subject),
		variation: v,
		prof:      prof,
		light:     light,
	}
	d.facts = factsOf(sc, light)
	if s, ok := styles[sc.Style]; ok {
		d.style = &s
	}
	if strings.TrimSpace(idea) == "" {
		idea = describe(sc)
	}
	d.idea = ideaPhrase(idea, sc)
	d.ideaLow = strings.ToLower(d.idea)
	d.long = countWords(d.idea) >= longIdeaWords || strings.ContainsAny(strings.TrimRight(d.idea, ".!? "), ".!?")
	d.framed = namesPicture(strings.ToLower(d.idea), sc)
	d.subj = refOf(sc, 0)
	if d.subj.plural {
		// Lines that speak of several ("the jellyfish pulse") need it.
		d.facts |= cPlural
	}
	if sc.Setting != "" {
		d.setting = scene.Display(sc.Setting)
		if (d.setting == sc.Setting || !scene.Proper(sc.Setting)) && !properPlace(sc.Setting) {
			d.setting = "the " + d.setting
		}
	}
	d.bg = d.background()
	d.medium = prof.medium
	if light == "underwater" && prof.light != "underwater" {
		d.medium = "underwater scene" // "a whale in the deep ocean" is not a landscape
	}
	if d.style != nil {
		d.medium = d.style.medium
	}
	if first, rest, ok := strings.Cut(d.medium, " "); ok && wordIn(d.ideaLow, first) {
		// "a steampunk scene of a steampunk airship": the idea says it.
		d.medium = rest
	}
	d.chooseMoodWords()
	d.chooseColors()

	text := d.compose()
	for _, e := range d.adds {
		if !slices.Contains(sc.Elements, e) {
			sc.Elements = append(sc.Elements, e)
		}
	}
	return &easel.Prompt{
		Idea:      strings.TrimSpace(idea),
		Text:      text,
		Keywords:  d.keywords(),
		Negative:  d.negative(),
		Seed:      seed + int64(v),
		Variation: v,
		Chaos:     chaos,
		Writer:    Name,
		Scene:     sc,
	}
}

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
	if d.light == "studio" {
		cover("window") // a studio's light is its lamps, not a window's
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
		subjLines = d.linesFor(s.Noun, s.Element)
		cover(s.Element)
	} else if d.sc.Subject != "" {
		subjLines = d.linesFor(d.sc.Subject, "")
	}
	tm := d.choose("subject", subjLines)
	if tm == nil && d.sc.Subject != "" && d.light == "abstract" {
		tm = d.choose("subject", t.subjects["shape"])
	}
	if tm == nil && len(d.sc.Subjects) > 0 {
		// A noun the tables do not know: lines for what WordNet says it is.
		tm = d.choose("subject", categoryLines()[d.sc.Subjects[0].Category])
	}
	if tm == nil && d.sc.Subject != "" {
		tm = d.choose("subject", t.subjects["*"])
	}
	if tm != nil && !d.long {
		n := len(d.adds)
		s := d.render(tm, d.subj)
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
		if k == scene.Key(firstNoun(d.sc)) {
			continue
		}
		// The setting was typed too: it may stretch the budget.
		n := len(subjectS)
		tryWithin(d.choose("setting:"+k, t.subjects[k]), ref{text: d.setting, plural: scene.Plural(d.sc.Setting)}, &subjectS, hardMax-4)
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
		if covered[s.Element] && s.Element != "" {
			continue
		}
		lines := d.linesFor(s.Noun, s.Element)
		if lines == nil {
			lines = t.scenes[s.Element]
		}
		limit := budget
		if i <= 2 {
			limit = hardMax - 4
		}
		tryWithin(d.choose("also:"+s.Noun, lines), refOf(d.sc, i), &detailS, limit)
		cover(s.Element)
	}
	for _, e := range d.sc.Elements {
		if covered[e] {
			continue
		}
		if try(d.choose("el:"+e, t.scenes[e]), d.subj, &detailS) {
			cover(e)
		}
	}
	// The domain's generic details suit only a scene with little else to
	// say: a lone tree on a hill is in the forest domain but has no
	// forest floor.
	if len(detailS) == 0 {
		try(d.choose("domain", t.details[d.sc.Domain]), d.subj, &detailS)
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
			list = t.lights["golden hour"]
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
	for _, w := range words {
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

// lightContext says how a scene is lit: outdoors by the sky, indoors,
// underwater, in space or as a portrait.
func lightContext(sc *easel.Scene, p profile) string {
	switch {
	case namesStudioLight(sc.Idea):
		// "studio lighting" is studio light, whatever the subject.
		return "studio"
	case sc.HasElement("underwater"):
		return "underwater"
	// A whale, a reef or fish in the open water are seen under the
	// surface, as the canvas draws them, unless the view is from above.
	case sc.View != "aerial" && (sc.HasElement("whale") || sc.HasElement("coral") ||
		sc.HasElement("fish") && !sc.HasElement("pond") && !sc.HasElement("koi")):
		return "underwater"
	case sc.HasElement("space") && !sc.HasElement("moon"):
		return "space"
	case p.light == "outdoor" && (sc.HasElement("window") || sc.Setting == "" && sc.HasElement("table")):
		return "interior"
	case p.light == "portrait" && (sc.Setting != "" || sc.Weather != "" && sc.Weather != "clear"):
		return "outdoor" // a portrait in the rain is lit by the rain
	case p.light == "interior" && studioBackdrop(sc.Setting):
		// A product on a white or plain background is shot in a studio,
		// as the canvas draws it: no window, no room.
		return "studio"
	}
	return p.light
}

// studioBackdrop reports whether a setting is a photographer's backdrop
// ("a white background", "a plain backdrop") rather than a place.
func studioBackdrop(setting string) bool {
	s := strings.ToLower(setting)
	return strings.Contains(s, "background") || strings.Contains(s, "backdrop")
}

// fillDefaults fills the time, weather, mood and view the idea left open,
// and reports which it filled. The choices agree with the idea and with
// each other: "under a blue sky" is daytime and fair, a joyful scene is
// not shrouded in fog, and a night is not called bright.
func fillDefaults(sc *easel.Scene, p profile, light string, hint daylight, r *source) (open [4]bool) {
	lean := func(list []string) string {
		if len(list) == 0 {
			return ""
		}
		if r.IntN(10) < 6 {
			return list[0]
		}
		return list[r.IntN(len(list))]
	}
	if sc.TimeOfDay == "" && (light == "outdoor" || light == "interior" || light == "studio" || light == "portrait") {
		times := p.times
		if hint.day {
			times = dayTimes(times)
		}
		sc.TimeOfDay = lean(times)
		open[0] = sc.TimeOfDay != ""
	}
	if sc.Weather == "" && light == "outdoor" && len(p.weathers) > 0 {
		// Unless asked, the sky is mostly fair; now and then the profile's
		// other weathers, for variety between seeds.
		switch k := r.IntN(20); {
		case k < 14:
			sc.Weather = "clear"
		case k < 17:
			sc.Weather = "cloudy"
		default:
			w := weathersFor(sc, p.weathers, hint)
			sc.Weather = w[r.IntN(len(w))]
		}
		open[1] = true
	}
	if sc.Mood == "" {
		// The domain's first mood is what most people mean ("a beach
		// sunset" is tranquil); the others come less often. An action
		// sets it: a chase is energetic, an eruption dramatic.
		sc.Mood = p.moods[0]
		if r.IntN(4) == 0 {
			sc.Mood = p.moods[r.IntN(len(p.moods))]
		}
		if m := actionMood(sc); m != "" && calmMoods[sc.Mood] {
			sc.Mood = m
		}
		open[2] = true
	}
	if sc.View == "" {
		sc.View = lean(p.views)
		open[3] = true
	}
	settle(sc, p, open, hint)
	return open
}

// daylight is what the idea's words say about the light: daytime, sunny
// (scene.Daylight), and sky when they name something in the sky that
// cloud would hide (a sunset's sun, a full moon, stars, an aurora).
type daylight struct{ day, sunny, sky bool }

// skyElements are what an overcast or rainy sky would hide.
var skyElements = []string{"sun", "moon", "full moon", "stars", "aurora", "milky way", "rainbow"}

// dayTimes keeps the times of list that are full daylight, or gives the
// plain daytimes when list has none.
func dayTimes(list []string) []string {
	out := make([]string, 0, len(list))
	for _, t := range list {
		if t == "morning" || t == "noon" || t == "afternoon" {
			out = append(out, t)
		}
	}
	if len(out) == 0 {
		return []string{"afternoon", "morning", "noon"}
	}
	return out
}

// settle makes the open choices agree with what the idea fixed and with
// each other. What the person typed always stands; among the open slots
// the light (time and weather) leads and the mood follows it, unless the
// mood was typed, and then the weather gives way.
func settle(sc *easel.Scene, p profile, open [4]bool, hint daylight) {
	if !open[2] {
		if open[0] && !moodSuits(sc.Mood, sc.Weather, sc.TimeOfDay, sc, hint) {
			times := append(slices.Clone(p.times), allTimes...)
			if hint.day {
				times = dayTimes(times)
			}
			sc.TimeOfDay = suiting(times, func(t string) bool { return moodSuits(sc.Mood, sc.Weather, t, sc, hint) })[0]
		}
		if open[1] && !moodSuits(sc.Mood, sc.Weather, sc.TimeOfDay, sc, hint) {
			sc.Weather = suiting([]string{"clear", "cloudy", "mist", "overcast"}, func(w string) bool { return moodSuits(sc.Mood, w, sc.TimeOfDay, sc, hint) })[0]
		}
		return
	}
	if !moodSuits(sc.Mood, sc.Weather, sc.TimeOfDay, sc, hint) {
		for _, m := range p.moods {
			if moodSuits(m, sc.Weather, sc.TimeOfDay, sc, hint) {
				sc.Mood = m
				return
			}
		}
		for _, m := range allMoods {
			if moodSuits(m, sc.Weather, sc.TimeOfDay, sc, hint) {
				sc.Mood = m
				return
			}
		}
	}
}

// moodSuits reports whether a mood reads naturally under a weather and at
// a time: a joyful or lively scene wants fair weather, a serene one no
// storm, joy at night belongs to towns and festivals, not to a barn in the
// dark, and a sunny blue sky is not shadowy or ominous.
func moodSuits(mood, weather, time string, sc *easel.Scene, hint daylight) bool {
	if calmMoods[mood] && actionMood(sc) != "" {
		return false // a chase is never hushed
	}
	switch mood {
	case "mysterious", "eerie", "ominous", "melancholic":
		if hint.sunny || time == "noon" && (weather == "" || weather == "clear") {
			return false
		}
	case "joyful", "energetic", "lively":
		if weather != "" && weather != "clear" && weather != "cloudy" && weather != "wind" && !(mood == "lively" && weather == "rain" && bustling(sc)) {
			return false
		}
		if (time == "night" || time == "dusk") && !bustling(sc) {
			return false
		}
	case "whimsical", "romantic":
		if weather == "storm" || weather == "overcast" || weather == "fog" {
			return false
		}
	case "serene", "dreamy":
		if weather == "storm" || weather == "wind" {
			return false
		}
	case "cozy":
		if weather == "wind" {
			return false
		}
	}
	return true
}

// bustling reports whether a scene is a place where people gather, which
// stays lively after dark and in the rain.
func bustling(sc *easel.Scene) bool {
	for _, e := range sc.Elements {
		switch e {
		case "city", "street", "neon", "lanterns", "people", "skyline":
			return true
		}
	}
	switch sc.Domain {
	case "festival", "market", "music", "city", "cyberpunk", "sports":
		return true
	}
	return false
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

// weathersFor drops weathers that cannot happen in the scene: no rain in
// a snowy winter scene (it snows instead), nothing but fair skies when the
// idea promised sun or named the moon or stars.
func weathersFor(sc *easel.Scene, list []string, hint daylight) []string {
	if hint.sunny || hint.sky {
		return []string{"clear", "clear", "cloudy", "wind"}
	}
	if sc.Season != "winter" && !sc.HasElement("snow") {
		return list
	}
	out := make([]string, 0, len(list))
	for _, w := range list {
		if w == "rain" {
			w = "snow"
		}
		out = append(out, w)
	}
	return out
}

// allTimes and allMoods are what a strong variation may move to.
var (
	allTimes = []string{"dawn", "morning", "noon", "afternoon", "golden hour", "sunset", "dusk", "night"}
	allMoods = []string{"serene", "dramatic", "mysterious", "dreamy", "majestic", "melancholic", "joyful", "epic", "nostalgic"}
)

// wander changes, with probability chaos/100 each (always at 100), the
// time, weather, mood and view that the idea left open.
func wander(sc *easel.Scene, p profile, light string, open [4]bool, hint daylight, chaos int, r *source) {
	moves := func() bool { return chaos >= 100 || r.IntN(100) < chaos }
	other := func(cur string, list []string) string {
		var c []string
		for _, x := range list {
			if x != cur && !slices.Contains(c, x) {
				c = append(c, x)
			}
		}
		if len(c) == 0 {
			return cur
		}
		return c[r.IntN(len(c))]
	}
	// A mood the person typed keeps the light that suits it; an open mood
	// moves to one that suits the new light.
	typedMood := !open[2]
	if open[0] && moves() {
		times := allTimes
		if hint.day {
			times = dayTimes(times)
		}
		if typedMood {
			times = suiting(times, func(t string) bool { return moodSuits(sc.Mood, sc.Weather, t, sc, hint) })
		}
		sc.TimeOfDay = other(sc.TimeOfDay, times)
	}
	if open[1] && moves() {
		ws := weathersFor(sc, p.weathers, hint)
		if typedMood {
			ws = suiting(ws, func(w string) bool { return moodSuits(sc.Mood, w, sc.TimeOfDay, sc, hint) })
		}
		sc.Weather = other(sc.Weather, ws)
	}
	if open[2] && moves() {
		ms := append(slices.Clone(p.moods), allMoods...)
		sc.Mood = other(sc.Mood, suiting(ms, func(m string) bool { return moodSuits(m, sc.Weather, sc.TimeOfDay, sc, hint) }))
	}
	if open[3] && moves() {
		// A close-up suits a thing, not a place: no close-up of a desert.
		views := append(slices.Clone(p.views), "wide", "eye level", "aerial")
		if light != "outdoor" {
			views = []string{"eye level", "close-up", "wide"}
		}
		if p.light == "portrait" {
			views = []string{"portrait", "close-up", "eye level"}
		}
		if light == "abstract" {
			views = nil // an abstract work has no camera
		}
		if sc.HasElement("street") || sc.HasElement("window") || sc.HasElement("table") || sc.HasElement("bowl") {
			// A street between its facades, a room or a table is seen
			// from inside it, never from above.
			views = slices.DeleteFunc(views, func(v string) bool { return v == "aerial" })
		}
		sc.View = other(sc.View, views)
	}
}

// suiting returns the items of list that ok accepts, or list itself when
// it accepts none.
func suiting(list []string, ok func(string) bool) []string {
	out := make([]string, 0, len(list))
	for _, x := range list {
		if ok(x) {
			out = append(out, x)
		}
	}
	if len(out) == 0 {
		return list
	}
	return out
}

// wordingKey is the text the wording is chosen by: the idea the Scene
// was first parsed from when it has one, so a Scene refined in words
// ("make it night") keeps the sentences the edit does not touch.
func wordingKey(idea string, base *easel.Scene) string {
	if base.Idea != "" {
		return base.Idea
	}
	return idea
}

// describe writes an idea for a Scene that came without one (from an LLM
// or a JSON file): "a lone camel in the desert at sunset".
func describe(sc *easel.Scene) string {
	var b strings.Builder
	switch {
	case sc.Subject != "":
		b.WriteString(sc.Subject)
	case len(sc.Subjects) > 0:
		b.WriteString(strings.Join(append(slices.Clone(sc.Subjects[0].Adjectives), sc.Subjects[0].Noun), " "))
	case sc.Setting != "":
		b.WriteString(sc.Setting)
	default:
		b.WriteString("a quiet landscape")
	}
	if sc.Setting != "" && !strings.Contains(b.String(), sc.Setting) {
		b.WriteString(" in the " + sc.Setting)
	}
	if at, ok := timePhrases[sc.TimeOfDay]; ok && !strings.Contains(b.String(), sc.TimeOfDay) {
		b.WriteString(" " + at)
	}
	return b.String()
}

var timePhrases = map[string]string{
	"dawn": "at dawn", "morning": "in the morning", "noon": "at noon", "afternoon": "in the afternoon",
	"golden hour": "at golden hour", "sunset": "at sunset", "dusk": "at dusk", "night": "at night",
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

// Interface guard.
var _ easel.PromptWriter = (*Writer)(nil)

// namesPicture reports whether the idea (lower case) begins by naming the
// kind of picture its subject is shown in: "a portrait of an elderly
// fisherman", "an underwater scene with jellyfish". The parser has then
// taken the words after "of" or "with" as the subject.
func namesPicture(idea string, sc *easel.Scene) bool {
	subj := sc.Subject
	if subj == "" || strings.HasPrefix(idea, subj) {
		return false
	}
	for _, link := range []string{" of ", " with "} {
		if i := strings.Index(idea, link+subj); i > 0 && countWords(idea[:i]) <= 4 {
			return true
		}
	}
	return false
}

// wordIn reports whether w is one of the words of s.
func wordIn(s, w string) bool {
	for f := range strings.FieldsFuncSeq(s, func(r rune) bool { return r == ' ' || r == ',' || r == '-' }) {
		if f == w {
			return true
		}
	}
	return false
}

// properPlace reports whether a setting is a named place with only
// adjectives before it ("cyberpunk tokyo", "misty london"), which takes no
// "the"; "rainy street in paris" does.
func properPlace(setting string) bool {
	words := strings.Fields(setting)
	if len(words) < 2 || !scene.Proper(words[len(words)-1]) {
		return false
	}
	for _, w := range words[:len(words)-1] {
		switch w {
		case "in", "of", "on", "near", "by", "at", "over", "under":
			return false
		}
		if scene.Proper(w) {
			return false // "new york" is the lexicon's own business
		}
	}
	return true
}

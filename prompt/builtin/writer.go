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
//
// What it knows of the idea comes from package scene, whose subjects carry
// WordNet's category, count, colours, action and relation: lines are
// chosen by category (facts.go), face and eye lines only for people and
// animals, the mood follows the action, and the negative never names
// what the idea asks for.
//
// Element → file:
//
//	writer.go    the Writer, write (one variation), describe, cloneScene
//	draft.go     compose: the sentences of a prompt in order, within a word budget
//	defaults.go  what the idea left open (time, weather, mood, view), chaos, coherence
//	compose.go   the draft's helpers: rendering templates, facts, colours, mood words
//	facts.go     the Scene's facts: category lines (linesFor), face/eye rules, counts, moods of actions, the negative's filter
//	checker.go   the sentence checker: what a subject is (subjectCats), parts by category, agreement,
//	             bound counts and colours, no word twice, no meta-language (problem, the reference)
//	precheck.go  the checker compiled into each template (fastProblem), which chooseFor asks (passes)
//	template.go  the template language ({subj}, [conditions], +elements)
//	keywords.go  weighted keywords for the keyword dialects and the negative prompt
//	phrases.go   openings, light, composition, moods, styles; things.go lines for subjects
//	domains.go   each domain's profile: light, moods, views, colours, details
//	place.go     the scene's kind from its facts: indoors or out (placeOf), which
//	             profile fits (sceneProfile: people, not a portrait; a thing in a
//	             room), named light (firelight, neon), framing, a planet underfoot (onWorld)
//	mood.go      the mood of actions (sceneActionMood, actionAllows), rest, moods and seasons a modifier brought
//	palette.go   the colours of the idea's own things (subjectHues: raspberry red, warm wood brown)
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
	at := placeOf(sc)
	if roomSubject(sc) && sc.Subjects[0].Category != "room" {
		// Written as the room it is; the Scene handed back keeps its
		// category.
		was := sc.Subjects[0].Category
		sc.Subjects[0].Category = "room"
		defer func() { sc.Subjects[0].Category = was }()
	}
	profKey, prof := sceneProfile(sc, at)
	light := lightContext(sc, prof, at)
	if light != "studio" && profKey == "product" {
		// A cup by the fireplace is in a room, not on a backdrop.
		prof.colors = profiles["interior"].colors
	}

	// Fill what the idea left open from the seed alone, so every variation
	// starts from the same picture; then let variations wander by chaos.
	first := newSource(uint64(seed), 0x9e3779b97f4a7c15)
	var hint daylight
	hint.day, hint.sunny = scene.Daylight(idea)
	hint.actionsOf(base)
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
		profKey:   profKey,
		at:        at,
		world:     onWorld(sc),
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
	d.check = newChecker(sc, d.ideaLow)
	d.check.rest = d.facts&cRest != 0
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
	if (d.medium == "landscape" || d.medium == "cityscape" || d.medium == "skyscape") &&
		(light != "outdoor" || isPeople(sc) || bodyFacts(sc) != 0 || smallSubject(sc)) {
		// A haunted hallway, a woman jogging by a river or a cardinal on
		// a branch is a scene, not a landscape.
		d.medium = "scene"
	}
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

// allTimes and allMoods are what a strong variation may move to.
var (
	allTimes = []string{"dawn", "morning", "noon", "afternoon", "golden hour", "sunset", "dusk", "night"}
	allMoods = []string{"serene", "dramatic", "mysterious", "dreamy", "majestic", "melancholic", "joyful", "epic", "nostalgic"}
)

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

package builtin

import (
	"slices"
	"strings"
	"sync"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/lexical"
	"github.com/easel-art/easel/scene"
)

// mood.go: the mood the Scene's facts bring. An action sets it (a chase is
// energetic, a crash dramatic, a sleeping cat never is) and holds it through
// variations (actionAllows); a mood or season the parser read from a noun's
// modifier (the fire of a fire engine, the maple of maple syrup) yields.

// vintageIdea reports whether the idea asks for something old.
func vintageIdea(sc *easel.Scene) bool {
	for w := range strings.FieldsSeq(strings.ToLower(sc.Idea)) {
		if verbFacts[strings.Trim(w, ".,;:!?")]&cVintage != 0 {
			return true
		}
	}
	for _, s := range sc.Subjects {
		for _, a := range s.Adjectives {
			if verbFacts[a]&cVintage != 0 {
				return true
			}
		}
	}
	return false
}

// restful reports whether the scene's subject rests: it sleeps, sits,
// lies or is perched. Its mood is never energetic or dramatic.
func restful(sc *easel.Scene) bool {
	for _, s := range sc.Subjects {
		if s.Action != "" && verbFacts[strings.ToLower(s.Action)]&cRest != 0 {
			return true
		}
		if s.Action != "" {
			if e, _, ok := lexical.FindVerb(strings.ToLower(s.Action)); ok && restVerbs[e.Lemma] {
				return true
			}
		}
	}
	for _, w := range sc.Extra {
		if verbFacts[w]&cRest != 0 {
			return true
		}
	}
	return false
}

// restVerbs are actions of rest, by WordNet lemma.
var restVerbs = map[string]bool{
	"sleep": true, "rest": true, "nap": true, "doze": true, "lie": true, "sit": true, "perch": true,
	"read": true, "meditate": true, "dream": true, "relax": true, "float": true, "drift": true,
	"bask": true, "lounge": true, "wait": true, "pray": true, "knit": true, "graze": true,
}

// motionMoods are the moods of motion and crowds: a still thing that no
// one handles rules them out.
var motionMoods = map[string]bool{"energetic": true, "lively": true}

// stillThing reports whether nothing in the scene is alive to move: no
// person, no people, no animal.
func stillThing(sc *easel.Scene) bool {
	if sc.HasElement("people") || sc.HasElement("person") {
		return false
	}
	for _, s := range sc.Subjects {
		if cats, _ := subjectCats(s); cats&(catPerson|catAnimals) != 0 || isPerson(s) || easel.ElementKind(s.Element) == "animal" {
			return false
		}
	}
	return true
}

// restlessMoods are the moods a resting subject rules out.
var restlessMoods = map[string]bool{"energetic": true, "lively": true, "dramatic": true, "epic": true}

// isPeople reports whether the main subject is a person.
func isPeople(sc *easel.Scene) bool {
	return len(sc.Subjects) > 0 && isPerson(sc.Subjects[0])
}

// playVerbs are what people do for fun, by WordNet lemma: two kids flying
// a kite are joyful, not hushed.
var playVerbs = map[string]bool{
	"fly": true, "play": true, "swing": true, "laugh": true, "celebrate": true, "sing": true,
	"skateboard": true, "climb": true, "throw": true, "kick": true, "cheer": true, "juggle": true,
	"cook": true, "bake": true, "build": true, "busk": true,
}

// motionVerbs are fast movements of the whole body or of a machine, by
// WordNet lemma: a woman jogging, a race car speeding, an eagle diving.
var motionVerbs = map[string]bool{
	"jog": true, "swim": true, "speed": true, "dive": true, "cycle": true, "bike": true,
	"skateboard": true, "paddle": true, "rush": true, "hurry": true, "dash": true, "zoom": true,
	"swoop": true, "climb": true, "hammer": true, "row": true, "tumble": true, "kick": true,
}

// sceneActionMood is the mood the Scene's actions bring: actionMood's
// (a chase is energetic, a crash dramatic), energetic for fast movement,
// joyful for a person at play or at work with their hands, else "".
func sceneActionMood(sc *easel.Scene) string {
	for _, s := range sc.Subjects {
		if s.Action == "" || smallThing(s) {
			continue // a candle burning on a table is no drama
		}
		e, _, ok := lexical.FindVerb(strings.ToLower(s.Action))
		if ok && e.Lemma == "play" && s.Object != "" {
			// Playing a violin is lively, playing ball energetic, and
			// playing chess or cards sets no mood of its own.
			switch o, _, ok := lexical.FindNoun(headNoun(s.Object)); {
			case ok && o.Category() == "instrument":
				return "lively"
			case ok && (o.Category() == "device" || o.Category() == "toy" || o.Category() == "shape"):
				return "energetic"
			default:
				continue
			}
		}
		if ok && actionMoods[e.Lemma] != "" {
			return actionMoods[e.Lemma]
		}
	}
	for _, s := range sc.Subjects {
		if s.Action == "" {
			continue
		}
		e, _, ok := lexical.FindVerb(strings.ToLower(s.Action))
		switch {
		case !ok, e.Lemma == "play" && s.Object != "":
		case motionVerbs[e.Lemma]:
			return "energetic"
		case launchVerbs[e.Lemma] && e.Lemma != "land" && e.Lemma != "park" && easel.ElementKind(s.Element) == "vehicle":
			return "energetic" // a rocket lifting off, a plane taking off
		case playVerbs[e.Lemma] && isPerson(s):
			return "joyful"
		}
	}
	return ""
}

// stirsWater reports whether something in the Scene moves through water
// (swims, paddles, dives, leaps, splashes): the water is not a mirror.
func stirsWater(sc *easel.Scene) bool {
	for _, s := range sc.Subjects {
		if s.Action == "" {
			continue
		}
		if e, _, ok := lexical.FindVerb(strings.ToLower(s.Action)); ok && (motionVerbs[e.Lemma] || surfaceVerbs[e.Lemma] || e.Lemma == "splash" || e.Lemma == "wade" || e.Lemma == "land" || e.Lemma == "shake") {
			return true
		}
	}
	return false
}

// inferredMoodYields replaces a mood the parser inferred (from "fire" of
// "a fire truck") rather than one the person typed, where it fights the
// action: a truck racing is not cozy, a sleeping fox not epic.
func inferredMoodYields(sc *easel.Scene, p profile) {
	if sc.Mood == "" || wordIn(strings.ToLower(sc.Idea), sc.Mood) {
		return
	}
	for _, s := range sc.Subjects {
		if placeCategories[s.Category] || openAir[s.Category] || outdoorElements[s.Element] || isPerson(s) {
			continue
		}
		for _, a := range s.Adjectives {
			if modifierFacts(a).mood == sc.Mood {
				// "fire" of "a fire engine" names a kind of truck, not
				// a hearth: its cozy mood is not the idea's.
				sc.Mood = ""
				return
			}
			if toneWords[a] {
				// "dark" of a dark chocolate cake or dark hair is a
				// colour, not a mysterious mood.
				sc.Mood = ""
				return
			}
		}
	}
	if m := sceneActionMood(sc); !actionAllows(m, sc.Mood) {
		sc.Mood = m
	}
	if restful(sc) && restlessMoods[sc.Mood] {
		sc.Mood = suiting(append(slices.Clone(p.moods), "serene"), func(m string) bool { return !restlessMoods[m] })[0]
	}
}

// modifierFacts is the mood and season the lexicon gives a noun used as
// a modifier ("fire" of "a fire engine" is cozy, "maple" of maple syrup
// autumn), none for any other word.
func modifierFacts(a string) implied {
	if m, ok := modifierMoods.Load(a); ok {
		return m.(implied)
	}
	if scene.Class(a) != "thing" {
		return implied{}
	}
	sc := scene.Parse(a)
	m := implied{mood: sc.Mood, season: sc.Season}
	modifierMoods.Store(a, m)
	return m
}

type implied struct{ mood, season string }

// modifierMoods remembers modifierFacts for the lexicon's things: a
// bounded set, asked often.
var modifierMoods sync.Map

// flavourSeasonYields drops a season that only a dish's flavour brought
// ("maple" of maple syrup is autumn): oatmeal is eaten all year.
func flavourSeasonYields(sc *easel.Scene) {
	if sc.Season == "" || wordIn(strings.ToLower(sc.Idea), sc.Season) {
		return
	}
	for _, s := range sc.Subjects {
		if c, _ := subjectCats(s); c&catFood == 0 {
			if modifierFacts(s.Noun).season == sc.Season {
				return // a pumpkin is autumn's own
			}
			continue
		}
		for _, a := range s.Adjectives {
			if modifierFacts(a).season == sc.Season {
				sc.Season = ""
				return
			}
		}
	}
}

// actionAllows reports whether a mood reads naturally with the mood an
// action brings: a race is energetic, lively, joyful, dramatic or epic,
// never majestic, wistful or whimsical; a crash or a fight is dramatic,
// never joyful; a person at play is never brooding.
func actionAllows(active, mood string) bool {
	switch active {
	case "":
		return true
	case "energetic":
		return mood == "energetic" || mood == "lively" || mood == "joyful" || mood == "dramatic" || mood == "epic"
	case "dramatic":
		return mood == "dramatic" || mood == "energetic" || mood == "epic" || mood == "ominous"
	}
	// joyful, lively: anything but calm or gloomy.
	switch mood {
	case "ominous", "eerie", "melancholic", "mysterious", "dramatic", "majestic", "solitary":
		return false
	}
	return !calmMoods[mood]
}

// smallThing reports whether a subject is an object held in the hand or
// set on a table (a candle, a cup), by its category: what it does sets no
// mood.
func smallThing(s easel.Subject) bool {
	if easel.ElementKind(s.Element) == "animal" || easel.ElementKind(s.Element) == "vehicle" || s.Element == "person" || s.Element == "people" {
		return false // drawn as a dog or a spaceship, whatever WordNet's first sense
	}
	switch s.Category {
	case "device", "container", "tool", "toy", "jewelry", "clothing", "instrument", "furniture", "artwork":
		return true
	}
	return false
}

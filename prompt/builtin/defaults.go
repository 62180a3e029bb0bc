package builtin

import (
	"slices"
	"strings"

	"github.com/easel-art/easel"
)

// defaults.go fills what the idea left open (time, weather, mood, view) from the seed, lets variations wander by chaos and keeps them coherent (moodSuits, settle), and picks the light's context.

// lightContext says how a scene is lit: outdoors by the sky, indoors,
// underwater, in space or as a portrait.
func lightContext(sc *easel.Scene, p profile, at where) string {
	named := namedLight(sc, p, at)
	switch {
	case namesStudioLight(sc.Idea):
		// "studio lighting" is studio light, whatever the subject.
		return "studio"
	case named != "":
		// "By candlelight", "around a campfire", "in neon light": the
		// light the idea names is the light.
		return named
	case sc.HasElement("underwater") && !(subjectElement(sc, "underwater") && (grounded(sc) || atSurface(sc))):
		// A mermaid sitting on a rock is above the water.
		return "underwater"
	// A whale, a reef or fish in the open water are seen under the
	// surface, as the canvas draws them, unless the view is from above.
	case sc.View != "aerial" && at != placeIndoor && !atSurface(sc) && (sc.HasElement("whale") || sc.HasElement("coral") ||
		sc.HasElement("fish") && !sc.HasElement("pond") && !sc.HasElement("koi")):
		return "underwater"
	case sc.HasElement("space") && !sc.HasElement("moon") && inSpace(sc):
		return "space"
	case p.light == "space" || p.light == "underwater" && at == placeIndoor:
		if at == placeIndoor {
			return "interior"
		}
		return "outdoor" // a rocket on its launch pad
	case at == placeIndoor && (p.light == "outdoor" || p.light == "portrait"):
		return "interior"
	case at == placeWeather && p.medium == "interior scene":
		return "interior" // rain on the bookshop's windows
	case at.outdoors() && (p.light == "interior" || p.light == "portrait"):
		if studioBackdrop(sc.Setting) {
			return "studio"
		}
		return "outdoor"
	case at == placeUnknown && p.light == "outdoor" && (sc.HasElement("window") || sc.Setting == "" && sc.HasElement("table")):
		return "interior"
	case p.light == "portrait" && (sc.Setting != "" || sc.Weather != "" && sc.Weather != "clear"):
		return "outdoor" // a portrait in the rain is lit by the rain
	case at == placeUnknown && p.light == "outdoor" && isPeople(sc) && sc.TimeOfDay == "" && sc.Weather == "":
		// A woman dancing, a ballerina on a stage: nothing says where or
		// when, so the light invents no sun and no window.
		return "soft"
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
	if sc.TimeOfDay == "" && (light == "firelight" || light == "neon") {
		// A fire or a neon sign is the light of the evening.
		sc.TimeOfDay = "night"
		open[0] = true
	}
	if sc.TimeOfDay == "" && (light == "outdoor" || light == "interior" || light == "studio" || light == "portrait") {
		times := p.times
		if hint.day {
			times = dayTimes(times)
		}
		sc.TimeOfDay = lean(times)
		switch {
		case hint.dim && light == "outdoor":
			// A dark forest or a gloomy swamp is seen as the light fails.
			sc.TimeOfDay = "dusk"
		case hint.dim && light == "interior":
			sc.TimeOfDay = "night" // a dim corridor is lamplit
		}
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
	inferredMoodYields(sc, p)
	flavourSeasonYields(sc)
	if sc.Mood == "" {
		// The domain's first mood is what most people mean ("a beach
		// sunset" is tranquil); the others come less often. An action
		// sets it: a chase is energetic, an eruption dramatic.
		sc.Mood = p.moods[0]
		if r.IntN(4) == 0 {
			sc.Mood = p.moods[r.IntN(len(p.moods))]
		}
		if m := hint.active; !actionAllows(m, sc.Mood) {
			sc.Mood = m
		}
		if hint.rest && restlessMoods[sc.Mood] {
			sc.Mood = suiting(append(slices.Clone(p.moods), "serene"), func(m string) bool { return !restlessMoods[m] })[0]
		}
		if hint.still && motionMoods[sc.Mood] {
			sc.Mood = suiting(append(slices.Clone(p.moods), "serene"), func(m string) bool { return !motionMoods[m] })[0]
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
//
// It also carries what the subject's action and size say of the mood, read
// once per prompt (actionsOf), since moodSuits asks many times.
type daylight struct {
	day, sunny, sky bool
	active          string // the mood an action brings (sceneActionMood)
	rest, small     bool   // the subject rests; it is small (smallSubject)
	still           bool   // nothing in it moves: a thing, no one acting (stillThing)
	big             bool   // the subject is a place or as big as one (bigSubject)
	dim             bool   // the idea calls its place dark or gloomy (dimPlace)
	body            bool   // a person acting with the whole body (bodyAction)
	road            bool   // a road vehicle, not an old one (roadVehicle)
}

// actionsOf fills what the Scene's actions and main subject say of the mood.
func (h *daylight) actionsOf(sc *easel.Scene) {
	h.active, h.rest, h.small, h.body = sceneActionMood(sc), restful(sc), smallSubject(sc), bodyAction(sc)
	h.big, h.dim = bigSubject(sc), dimPlace(sc)
	h.still = h.small && h.active == "" && stillThing(sc)
	h.road = roadVehicle(sc) && !vintageIdea(sc)
}

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
	if !actionAllows(hint.active, mood) {
		return false // a chase is never hushed, a race never majestic
	}
	if restlessMoods[mood] && hint.rest {
		return false // a sleeping cat is never energetic
	}
	if motionMoods[mood] && hint.still {
		return false // a guitar against a wall is not bustling
	}
	if hint.road && (mood == "majestic" || mood == "epic" || mood == "nostalgic" || mood == "melancholic" || mood == "solitary") {
		// A van at a crossroads or a scooter by a fountain is neither
		// grand nor wistful: only an old car is (vintageIdea).
		return false
	}
	if (mood == "majestic" || mood == "epic") && (hint.small || hint.rest && isPeople(sc)) {
		// (nor is a lighthouse keeper reading in his tower)
		return false // pumpkins on a porch are not grand
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
	if open[0] && light != "firelight" && light != "neon" && moves() {
		// (A candle or a neon sign keeps its evening.)
		times := allTimes
		if hint.day {
			times = dayTimes(times)
		}
		if hint.dim && (light == "outdoor" || light == "interior") {
			times = []string{"dusk", "night"}
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
		if hint.big {
			views = slices.DeleteFunc(views, func(v string) bool { return v == "close-up" })
		}
		if hint.small || hint.body {
			// A bee on a thistle or a ballerina is not seen from a drone.
			views = slices.DeleteFunc(views, func(v string) bool { return v == "aerial" })
		}
		if hint.body {
			views = slices.DeleteFunc(views, func(v string) bool { return v == "close-up" || v == "portrait" })
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

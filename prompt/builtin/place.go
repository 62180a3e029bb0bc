package builtin

import (
	"slices"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/lexical"
	"github.com/easel-art/easel/scene"
)

// place.go reads from the Scene's facts where the picture is (indoors or
// out, on the ground or in space) and what kind of scene it is, so the
// light, the framing and the mood follow the idea rather than the domain's
// habits: a chef in a kitchen is lit by the kitchen, not by afternoon sun,
// and two kids flying a kite are not framed head and shoulders.

// where is what the idea says of the place: unknown, indoors or outdoors.
type where uint8

const (
	placeUnknown where = iota
	placeIndoor
	placeOutdoor
	// placeWeather is outdoors because of the weather alone: "a bookshop
	// on a rainy evening" may be seen from inside, rain on the windows.
	placeWeather
)

// outdoors reports whether a place is outdoors, by its words or its weather.
func (w where) outdoors() bool { return w == placeOutdoor || w == placeWeather }

// outdoorElements are the canvas elements that only exist in the open air.
var outdoorElements = map[string]bool{
	"sun": true, "moon": true, "full moon": true, "stars": true, "aurora": true, "clouds": true,
	"rainbow": true, "milky way": true, "lightning": true, "mountains": true, "hills": true,
	"dunes": true, "desert": true, "field": true, "meadow": true, "wheat": true, "sunflowers": true,
	"snow": true, "ice": true, "cliffs": true, "volcano": true, "canyon": true, "sea": true,
	"beach": true, "lake": true, "river": true, "waterfall": true, "pond": true, "waves": true,
	"forest": true, "pines": true, "trees": true, "palms": true, "jungle": true, "city": true,
	"skyline": true, "street": true, "village": true, "houses": true, "road": true, "bridge": true,
}

// openAir are the WordNet categories of places that are outdoors: a park,
// a beach, a lake, a forest, a tree, a village.
var openAir = map[string]bool{
	"land": true, "landform": true, "water": true, "plant": true, "tree": true, "settlement": true,
	"celestial body": true,
}

// placeOf says whether the idea puts its scene indoors or out: a room, or
// "in" a building, is indoors; "outside" anything, a park, a lake, a tree,
// a street, the weather or the sky is outdoors; "on" furniture (a sofa, a
// throne) is indoors when nothing says otherwise.
func placeOf(sc *easel.Scene) where {
	furniture, structureOn, structureIn := false, false, false
	indoor, outdoor := false, false
	look := func(prep, np string) {
		noun := headNoun(np)
		e, _, ok := lexical.FindNoun(noun)
		if !ok {
			return
		}
		cat := e.Category()
		switch {
		case prep == "outside" || prep == "outdoors" || prep == "beyond":
			outdoor = true
		case cat != "room" && openAirModifier(np, noun):
			// A park bench, a garden table, a street lamp: the
			// furniture of the open air.
			outdoor = true
			outdoor = true
		case cat == "room":
			indoor = true
		case (prep == "through" || prep == "out of") && e.Lemma == "window":
			indoor = true // watching the rain through a window
		case (prep == "in" || prep == "inside" || prep == "within") && (cat == "building" || cat == "tower"):
			indoor = true // in a greenhouse, in his lighthouse tower
		case (prep == "in" || prep == "inside" || prep == "within") && cat == "structure":
			// In a bakery or an attic, but also in a farmyard: the
			// weather or an open field outside says which.
			structureIn = true
		case openAir[cat]:
			outdoor = true
		case cat == "furniture", (prep == "in" || prep == "inside") && cat == "container":
			furniture = true // a sofa, a throne; fish in a glass bowl
		case (prep == "on" || prep == "at") && cat == "structure" && e.Has("room"):
			furniture = true // on the floor
		case (prep == "on" || prep == "at") && cat == "structure":
			structureOn = true // a porch, a dock, a balcony
		}
	}
	if wordIn(strings.ToLower(sc.Subject), "interior") || wordIn(strings.ToLower(sc.Subject), "indoors") {
		indoor = true // "a cathedral interior"
	}
	for _, s := range sc.Subjects {
		if slices.Contains(s.Adjectives, "interior") || slices.Contains(s.Adjectives, "indoor") {
			indoor = true
		}
		if s.Relation == "" {
			continue
		}
		prep, np := splitRelation(s.Relation)
		look(prep, np)
	}
	if sc.Setting != "" {
		look(prepBefore(sc.Idea, sc.Setting), sc.Setting)
	}
	switch {
	case outdoor && !indoor:
		return placeOutdoor
	case indoor:
		return placeIndoor
	case roomSubject(sc) && !slices.Contains([]string{"rain", "storm", "snow", "fog", "mist", "wind"}, sc.Weather):
		// "A home office with a desk": inside it, whatever elements
		// its words bring (houses for "home"). A cozy cafe on a rainy
		// afternoon may be seen from the street.
		return placeIndoor
	}
	for _, e := range sc.Elements {
		// What a subject is drawn with says what it is, not where: a
		// bonsai tree is drawn as "trees" but may stand on a shelf,
		// and the maple of maple syrup is no tree outside.
		if outdoorElements[e] && !subjectElement(sc, e) && !flavourElement(sc, e) {
			return placeOutdoor
		}
	}
	switch sc.Weather {
	case "rain", "storm", "snow", "fog", "mist", "wind":
		return placeWeather
	}
	switch {
	case structureOn:
		return placeOutdoor
	case furniture, structureIn:
		return placeIndoor
	}
	return placeUnknown
}

// roomSubject reports whether the main subject of an interior is the room
// the picture is in: a room by WordNet ("a dining room with a long table"), or the
// interior the Scene names as its setting ("a home office with a desk",
// "a tiny study"), whatever WordNet files the word under (an office is a
// place of business, a structure). Its lines are a room's, seen from
// inside: no "stands solid", no horizon, no houses outside.
func roomSubject(sc *easel.Scene) bool {
	if len(sc.Subjects) == 0 {
		return false
	}
	s := sc.Subjects[0]
	if s.Noun == "" || isPerson(s) || easel.ElementKind(s.Element) == "animal" {
		return false
	}
	if s.Category == "room" {
		if sc.Domain == "interior" {
			return true
		}
		// A lobby is only a room; a cabin in a snowy forest is also a
		// building, seen from outside.
		e, _, ok := lexical.FindNoun(strings.ToLower(s.Noun))
		return ok && slices.Equal(e.CategoryList(), []string{"room"})
	}
	if sc.Domain != "interior" {
		return false
	}
	set, noun := strings.ToLower(sc.Setting), strings.ToLower(s.Noun)
	return set == noun || strings.HasSuffix(set, " "+noun)
}

// openAirModifier reports whether the word before a noun phrase's head
// noun is a place in the open air ("park" of "a park bench", "garden" of
// "a garden table"), or the head is two words led by one.
func openAirModifier(np, head string) bool {
	words := strings.Fields(strings.ToLower(np))
	n := len(strings.Fields(head))
	var mod string
	switch {
	case n == 2:
		mod = strings.Fields(head)[0]
	case len(words) > n:
		mod = words[len(words)-n-1]
	default:
		return false
	}
	e, _, ok := lexical.FindNoun(mod)
	if !ok || e.Freq[lexical.NounPOS] < e.Freq[lexical.AdjPOS] {
		return false // "a small bench": an adjective, no place
	}
	c := e.Category()
	return c == "land" || c == "landform" || c == "settlement" || c == "water"
}

// flavourElement reports whether element e comes only from a noun that
// says what a food or drink is made of or tastes of ("maple" of maple
// syrup gives trees and autumn leaves, "beach" of a beach cocktail a
// beach): it is no place and no scenery.
func flavourElement(sc *easel.Scene, e string) bool {
	if !outdoorElements[e] && e != "bamboo" && e != "autumn leaves" && e != "flowers" && e != "cherry blossoms" {
		return false // only scenery can be brought by a modifier
	}
	from := false
	for _, s := range sc.Subjects {
		if slices.Contains(scene.Implies(s.Noun), e) {
			return false // a subject is it
		}
		food := false
		if c, _ := subjectCats(s); c&catFood != 0 {
			food = true
		}
		for _, a := range s.Adjectives {
			// What a dish tastes of, or what a thing is made of: an
			// oak desk grows no trees, a bamboo tray no grove.
			if (food || slices.Contains(s.Materials, a)) && namesThing(a) && slices.Contains(scene.Implies(a), e) {
				from = true
			}
		}
	}
	if sc.Setting == "" {
		return from
	}
	if slices.Contains(scene.Implies(sc.Setting), e) {
		return false
	}
	// "an oak shelf" as the setting: the oak is the shelf's wood.
	words := strings.Fields(strings.ToLower(sc.Setting))
	if len(words) < 2 {
		return from
	}
	h, _, ok := lexical.FindNoun(words[len(words)-1])
	if !ok || !madeThings[h.Category()] {
		return from
	}
	for _, w := range words[:len(words)-1] {
		if namesThing(w) && slices.Contains(scene.Implies(w), e) {
			return true
		}
	}
	return from
}

// namesThing reports whether the lexicon knows a word as a thing or a
// place ("maple", "bamboo"): used as a modifier, it brings its elements.
func namesThing(w string) bool {
	c := scene.Class(w)
	return c == "thing" || c == "place"
}

// madeThings are the categories of things made of a material: furniture,
// containers, devices, tools.
var madeThings = map[string]bool{"furniture": true, "container": true, "device": true, "tool": true}

// splitRelation splits "on a snowy branch" into "on" and "a snowy branch";
// a two-word preposition ("in front of", "next to") is kept whole.
func splitRelation(rel string) (prep, np string) {
	rel = strings.ToLower(strings.TrimSpace(rel))
	for _, p := range twoWordPreps {
		if len(rel) > len(p) && rel[len(p)] == ' ' && strings.HasPrefix(rel, p) {
			return p, rel[len(p)+1:]
		}
	}
	prep, np, _ = strings.Cut(rel, " ")
	return prep, np
}

var twoWordPreps = [...]string{"in front of", "next to", "on top of", "out of"}

// headNoun is the last word of a noun phrase, or its last two when WordNet
// knows them together ("launch pad", "city street").
func headNoun(np string) string {
	np = strings.ToLower(strings.TrimSpace(np))
	i := strings.LastIndexByte(np, ' ')
	if i > 0 {
		two := np[strings.LastIndexByte(np[:i], ' ')+1:]
		if _, _, ok := lexical.FindNoun(two); ok {
			return two
		}
	}
	return np[i+1:]
}

// prepBefore returns the preposition that introduces phrase in the idea
// ("in" of "a chef in a busy kitchen"), skipping determiners and
// adjectives, or "" when there is none within four words.
func prepBefore(idea, phrase string) string {
	low := strings.ToLower(idea)
	i := strings.Index(low, strings.ToLower(phrase))
	if i <= 0 {
		return ""
	}
	rest := low[:i]
	for k := 0; k < 4; k++ {
		rest = strings.TrimRight(rest, " ,.;:")
		j := strings.LastIndexByte(rest, ' ')
		w := rest[j+1:]
		switch w {
		case "in", "inside", "within", "on", "at", "outside", "by", "near", "under", "beside", "above", "over", "through", "across", "into", "onto":
			return w
		}
		if j < 0 {
			return ""
		}
		rest = rest[:j]
	}
	return ""
}

// grounded reports whether the main subject stands on something other
// than a celestial body: a rocket on the launch pad is not in space.
func grounded(sc *easel.Scene) bool {
	if len(sc.Subjects) == 0 || sc.Subjects[0].Relation == "" {
		return false
	}
	prep, np := splitRelation(sc.Subjects[0].Relation)
	switch prep {
	case "on", "at", "beside", "by", "next to", "near", "outside", "in front of":
	default:
		return false
	}
	n := headNoun(np)
	if n == "space" || n == "orbit" {
		return false
	}
	e, _, ok := lexical.FindNoun(n)
	return !ok || e.Category() != "celestial body"
}

// isPerson reports whether a subject is a person, by WordNet's category or,
// for a Scene with no categories, by the element that draws it.
func isPerson(s easel.Subject) bool {
	return s.Category == "person" || s.Element == "person" || s.Element == "people"
}

// faceActions are what a person does in a portrait: they need the face,
// not the body.
var faceActions = map[string]bool{
	"smile": true, "look": true, "gaze": true, "stare": true, "pose": true, "laugh": true,
	"wear": true, "hold": true, "cry": true, "think": true, "sit": true, "stand": true,
}

// portraitFits reports whether the main subject is a person shown alone
// for their face: no action that needs the body, no place, one of them.
func portraitFits(sc *easel.Scene, at where) bool {
	if len(sc.Subjects) == 0 || sc.View == "portrait" || sc.View == "close-up" {
		return true // asked for
	}
	s := sc.Subjects[0]
	if !isPerson(s) {
		return true // the portrait domain of a Scene we cannot read
	}
	if s.Count > 1 || s.Plural || at != placeUnknown && at != placeWeather || sc.Setting != "" && !studioBackdrop(sc.Setting) {
		return false // several, or somewhere: a scene
	}
	if s.Action != "" {
		if e, _, ok := lexical.FindVerb(strings.ToLower(s.Action)); !ok || !faceActions[e.Lemma] {
			return false
		}
	}
	for _, o := range sc.Subjects[1:] {
		if isPerson(o) {
			return false // two people together are a scene
		}
		if c, _ := subjectCats(o); c != 0 && c&nearFace == 0 {
			// A boy with a hockey stick, a knight with a lance: the
			// thing is seen whole, and so is the person.
			return false
		}
	}
	return true
}

// nearFace are the kinds of thing a head-and-shoulders portrait holds:
// what is worn, a flower, a cup, a bite of food.
var nearFace = catFood | catPlants | catsOf("clothing", "jewelry", "container")

// sceneProfile returns the profile the scene is written with and the key of
// its detail lines: the domain's, unless the Scene's facts say the domain's
// habits do not fit.
func sceneProfile(sc *easel.Scene, at where) (string, profile) {
	key := domainOf(sc)
	p := profileOf(key)
	switch {
	case p.light == "outdoor" && !at.outdoors() && foodDomain(sc) != "":
		// Oatmeal with maple syrup is a dish on a table, not the
		// forest its maple brought.
		key = foodDomain(sc)
		p = profileOf(key)
	case p.light == "portrait" && !portraitFits(sc, at):
		key, p = "people", profiles["people"]
	case roomSubject(sc) && (key == "product" || key == "still life" || key == "outdoor still life"):
		// A hotel lobby with a marble floor is an interior, not a still
		// life of a lobby.
		key, p = "interior", profiles["interior"]
	case isPeople(sc) && (key == "food" || key == "drink" || key == "product" || key == "still life" || key == "toys"):
		// A gardener watering tomatoes is a person at work, not a food
		// photograph.
		key, p = "people", profiles["people"]
	case p.light == "space" && !inSpace(sc) && isPeople(sc):
		// An astronaut walking on a red planet: a person outdoors.
		key, p = "people", profiles["people"]
	case p.light == "space" && !inSpace(sc):
		// A rocket on its launch pad stands under the sky: a vehicle.
		key, p = "vehicle", profiles["vehicle"]
		p.moods = []string{"majestic", "serene", "dramatic"}
	case p.light == "underwater" && at == placeIndoor:
		// Goldfish in a glass bowl are in a room, not the sea.
		key, p = "still life", profiles["still life"]
	case p.light == "underwater" && !typedUnderwater(sc) && atSurface(sc):
		// A giant octopus attacking a ship in a storm: at the surface.
		key, p = "ocean", profiles["ocean"]
	case p.light == "interior" && at.outdoors() && p.medium != "interior scene":
		// Pumpkins on a porch are not a food photograph on a table.
		key, p = "outdoor still life", profiles["outdoor still life"]
	case p.light == "outdoor" && at == placeIndoor && !isPeople(sc) && bodyFacts(sc) == 0 &&
		(p.medium == "landscape" || p.medium == "skyscape" || p.medium == "cityscape"):
		// A bonsai on a shelf or a ship in a bottle: a thing in a room,
		// with none of the landscape's forest floor or haze.
		key, p = "still life", profiles["still life"]
	case (key == "city" || key == "market" || key == "cyberpunk") && !urbanScene(sc):
		// A red umbrella on an empty beach is no cityscape: the place's
		// own profile, or the open landscape's.
		key, p = placeDomain(sc), landscape
		if q, ok := profiles[key]; ok {
			p = q
		}
	case key == "vehicle" && !vintageIdea(sc):
		// Only an old car is wistful; a new one is seen for itself.
		p.moods = []string{"serene", "majestic", "dramatic"}
	}
	if smallSubject(sc) {
		// Pumpkins on a porch are not majestic because porches are
		// architecture: grandeur is for big things.
		p.moods = slices.DeleteFunc(slices.Clone(p.moods), func(m string) bool { return m == "majestic" || m == "epic" })
		if len(p.moods) == 0 {
			p.moods = []string{"serene"}
		}
	}
	if bigSubject(sc) {
		// A greenhouse or a castle is not seen in close-up.
		p.views = slices.DeleteFunc(slices.Clone(p.views), func(v string) bool { return v == "close-up" })
		if len(p.views) == 0 {
			p.views = []string{"eye level", "wide"}
		}
	}
	if bodyAction(sc) {
		// A ballerina dancing needs her whole body in the frame.
		p.views = slices.DeleteFunc(slices.Clone(p.views), func(v string) bool { return v == "close-up" || v == "portrait" })
		if len(p.views) == 0 {
			p.views = []string{"eye level", "wide"}
		}
	}
	if smallSubject(sc) && p.light == "outdoor" {
		// A cardinal on a snowy branch is seen close, by day: no wide
		// view of the snowfield, no sunset the idea did not ask for.
		p.views = []string{"eye level", "eye level", "close-up"}
		if slicesHasDay(p.times) {
			p.times = dayTimes(p.times)
		}
	}
	if at == placeIndoor && p.light == "outdoor" {
		p.weathers = nil // no weather indoors
	}
	return key, p
}

// foodDomain is "food" or "drink" when the main subject is one, by its
// category, else "".
func foodDomain(sc *easel.Scene) string {
	if len(sc.Subjects) == 0 {
		return ""
	}
	switch d := categoryDomains[sc.Subjects[0].Category]; d {
	case "food", "drink":
		return d
	}
	return ""
}

// roadVehicle reports whether the main subject is a car, a van, a bus, a
// truck, a bicycle or a motorcycle, by its category.
func roadVehicle(sc *easel.Scene) bool {
	if len(sc.Subjects) == 0 {
		return false
	}
	switch sc.Subjects[0].Category {
	case "car", "bus", "truck", "bicycle", "motorcycle", "vehicle":
		return true // ("vehicle": a scooter, a tractor, a sled)
	}
	return false
}

// subjectElement reports whether e is the element the main subject is
// drawn with.
func subjectElement(sc *easel.Scene, e string) bool {
	return len(sc.Subjects) > 0 && sc.Subjects[0].Element == e
}

// placeCategories are the WordNet categories of places and of things as
// big as a place: seen whole, they may fill a wide view at any hour.
var placeCategories = map[string]bool{
	"landform": true, "water": true, "land": true, "settlement": true, "celestial body": true,
	"building": true, "tower": true, "bridge": true, "structure": true, "room": true, "tree": true,
	"spacecraft": true, "aircraft": true, "boat": true, "train": true,
}

// smallSubject reports whether the main subject is a thing one looks at
// up close (a bird on a branch, a bee, a cup), by its category.
func smallSubject(sc *easel.Scene) bool {
	if len(sc.Subjects) == 0 {
		return false
	}
	switch c := sc.Subjects[0].Category; {
	case c == "" || placeCategories[c] || c == "person" || c == "creature" || c == "mammal" || c == "sea mammal" || c == "vehicle":
		return false
	case c == "car" || c == "bus" || c == "truck" || c == "bicycle" || c == "motorcycle" || c == "shape" || c == "color" || c == "material":
		return false
	}
	return true
}

// slicesHasDay reports whether list leads with a daytime: a city's night
// or a volcano's dusk fits the place and stays.
func slicesHasDay(list []string) bool {
	return len(list) > 0 && (list[0] == "morning" || list[0] == "noon" || list[0] == "afternoon")
}

// surfaceVerbs are actions that bring a sea creature out of the water: a
// dolphin leaping, a whale breaching is seen from above the surface.
var surfaceVerbs = map[string]bool{"leap": true, "breach": true, "jump": true, "surface": true, "fly": true, "spout": true}

// atSurface reports whether a sea creature's action or a named time of
// day shows it above the water.
func atSurface(sc *easel.Scene) bool {
	if sc.TimeOfDay != "" || sc.Weather != "" {
		return true // the sky's hours and weather are above the water
	}
	for _, e := range sc.Elements {
		switch e {
		case "boat", "ship", "sailboat":
			return true // an octopus attacking a pirate ship
		}
	}
	for _, s := range sc.Subjects {
		if s.Action == "" {
			continue
		}
		if e, _, ok := lexical.FindVerb(strings.ToLower(s.Action)); ok && surfaceVerbs[e.Lemma] {
			return true
		}
	}
	return false
}

// categoryDomains are the profiles of WordNet categories, for a Scene the
// lexicon gave no domain (a limousine, a blue jay) or a domain that is
// not the subject's ("a ladybug climbing" is no sports action shot).
var categoryDomains = map[string]string{
	"person": "portrait", "mammal": "animal", "sea mammal": "ocean", "reptile": "animal",
	"amphibian": "animal", "animal": "animal", "bird": "bird", "insect": "insect",
	"fish": "underwater", "sea creature": "underwater", "flower": "botanical", "plant": "botanical",
	"tree": "forest", "fruit": "food", "vegetable": "food", "cake": "food", "bread": "food",
	"cookie": "food", "pastry": "food", "sandwich": "food", "soup": "food", "salad": "food",
	"pasta": "food", "pie": "food", "dessert": "food", "candy": "food", "dish": "food",
	"food": "food", "drink": "drink", "spacecraft": "space", "aircraft": "vehicle", "bus": "vehicle",
	"truck": "vehicle", "train": "vehicle", "bicycle": "vehicle", "motorcycle": "vehicle",
	"car": "vehicle", "boat": "vehicle", "vehicle": "vehicle", "tower": "architecture",
	"bridge": "architecture", "building": "architecture", "room": "interior", "furniture": "still life",
	"jewelry": "product", "clothing": "product", "instrument": "still life", "toy": "toys",
	"container": "product", "tool": "still life", "device": "product", "artwork": "still life",
	"creature": "fantasy", "celestial body": "space",
}

// domainOf is the domain the scene is written in: the Scene's, or, where it
// has none or one that only fits people (sports) and the subject is not a
// person, the one its main subject's category suggests.
func domainOf(sc *easel.Scene) string {
	if len(sc.Subjects) == 0 {
		return sc.Domain
	}
	if sc.Domain == "" || sc.Domain == "sports" && !isPeople(sc) {
		if d := categoryDomains[sc.Subjects[0].Category]; d != "" {
			return d
		}
	}
	return sc.Domain
}

// onWorld reports whether the main subject is on the ground of a planet
// or a moon the idea names: landing or touching down on it, walking on
// it, driving across its surface. The planet is then the ground under a
// sky, not a disc seen from orbit.
func onWorld(sc *easel.Scene) bool {
	if len(sc.Subjects) < 2 {
		return false
	}
	world := false
	for _, o := range sc.Subjects[1:] {
		if o.Category == "celestial body" && o.Element != "sun" && o.Element != "stars" {
			world = true
		}
	}
	if !world {
		return false
	}
	s := sc.Subjects[0]
	prep, np := splitRelation(s.Relation)
	if prep == "down" || prep == "up" {
		prep, np = splitRelation(np) // touching down on, climbing up onto
	}
	switch prep {
	case "on", "onto", "across", "along", "upon":
		// "across the surface (of Mars)" or "on a red planet"
		if strings.Contains(np, "surface") || strings.Contains(np, "ground") {
			return true
		}
		e, _, ok := lexical.FindNoun(headNoun(np))
		return ok && e.Category() == "celestial body"
	}
	return false
}

// launchVerbs are what a spacecraft does on or near the ground.
var launchVerbs = map[string]bool{"launch": true, "land": true, "lift": true, "take": true, "blast": true, "park": true}

// inSpace reports whether a scene with a spacecraft or the "space"
// element is out in space: not on a launch pad, not launching into the
// night sky, not at a time of day, which only a planet's surface has.
func inSpace(sc *easel.Scene) bool {
	if grounded(sc) || sc.TimeOfDay != "" || onWorld(sc) {
		return false
	}
	for _, s := range sc.Subjects {
		if s.Action == "" {
			continue
		}
		if e, _, ok := lexical.FindVerb(strings.ToLower(s.Action)); ok && launchVerbs[e.Lemma] {
			return false
		}
	}
	return true
}

// bodyAction reports whether the main subject is a person doing something
// with their whole body: dancing, cooking, flying a kite; not smiling.
func bodyAction(sc *easel.Scene) bool {
	if !isPeople(sc) || sc.Subjects[0].Action == "" {
		return false
	}
	e, _, ok := lexical.FindVerb(strings.ToLower(sc.Subjects[0].Action))
	return !ok || !faceActions[e.Lemma]
}

// fireWords name light from a flame, by WordNet lemma: "by candlelight",
// "by the fireplace", "around a campfire".
var fireWords = map[string]bool{
	"candle": true, "candlelight": true, "firelight": true, "fireplace": true, "campfire": true,
	"bonfire": true, "torch": true, "torchlight": true, "hearth": true,
	"candlestick": true, "firepit": true, "forge": true, "furnace": true,
	// A fire the idea names (a burning village, a house in flames)
	// lights the scene too, after dark (namedLight).
	"burning": true, "flames": true, "ablaze": true, "blaze": true, "inferno": true, "wildfire": true,
}

// namedLight is the light the idea names by its source: "firelight" for a
// candle, a fireplace or a campfire; "neon" for neon light on a person or
// indoors; "" when it names none (studio light is namesStudioLight's).
func namedLight(sc *easel.Scene, p profile, at where) string {
	low := strings.ToLower(sc.Idea)
	if strings.Contains(low, "light") || strings.Contains(low, "ray") || strings.Contains(low, "chiaroscuro") || strings.Contains(low, "backlit") {
		for _, l := range lightingTerms {
			if strings.Contains(low, l.words) {
				return l.light
			}
		}
	}
	switch sc.TimeOfDay {
	case "", "night", "dusk":
	default:
		// "A burning sunset", a campfire at noon: the sky lights it.
		low = ""
	}
	if mayNameFire(low) {
		for w := range strings.FieldsFuncSeq(low, func(r rune) bool { return r == ' ' || r == '-' }) {
			// ("candle-lit" is a candle)
			w = strings.Trim(w, ".,;:!?\"'()")
			if fireWords[w] || fireWords[strings.TrimSuffix(w, "s")] {
				return "firelight"
			}
		}
	}
	if sc.HasElement("neon") && (p.light == "portrait" || at == placeIndoor) {
		return "neon"
	}
	return ""
}

// bigSubject reports whether the main subject is a place or as big as
// one (a building, a tower, a ship), by its category.
func bigSubject(sc *easel.Scene) bool {
	return len(sc.Subjects) > 0 && placeCategories[sc.Subjects[0].Category]
}

// typedUnderwater reports whether the idea itself puts the scene under
// water ("underwater", "under the sea"), rather than a sea creature's
// element doing so.
func typedUnderwater(sc *easel.Scene) bool {
	return sc.HasElement("underwater") && !subjectElement(sc, "underwater")
}

// toneWords are adjectives of mood that also name a shade: of a place
// they set the mood ("a dark forest"), of a thing its colour.
var toneWords = map[string]bool{"dark": true, "bright": true, "deep": true, "pale": true, "light": true}

// dimPlace reports whether the idea calls its place dark or gloomy ("a
// dark forest", "a gloomy swamp"): no bright afternoon sun there.
func dimPlace(sc *easel.Scene) bool {
	for w := range strings.FieldsSeq(strings.ToLower(sc.Setting)) {
		if dimWords[w] {
			return true
		}
	}
	for _, s := range sc.Subjects {
		if s.Relation == "" {
			continue
		}
		prep, np := splitRelation(s.Relation)
		switch prep {
		case "in", "inside", "within", "through", "into", "across", "along", "under", "beneath":
		default:
			continue // "with dark hair" is no dark place
		}
		for w := range strings.FieldsSeq(np) {
			if dimWords[w] {
				return true
			}
		}
	}
	return false
}

var dimWords = map[string]bool{"dark": true, "gloomy": true, "shadowy": true, "dim": true, "murky": true}

// mayNameFire is a quick test before the word-by-word one: every word of
// fireWords holds one of these.
func mayNameFire(low string) bool {
	for _, part := range [...]string{"fire", "candle", "torch", "hearth", "forge", "furnace", "burn", "flame", "blaze", "inferno"} {
		if strings.Contains(low, part) {
			return true
		}
	}
	return false
}

// lightingTerms are the kinds of lighting people name in an idea ("a
// portrait, dramatic lighting"), and the light context each is written
// with. The first that the idea holds wins.
var lightingTerms = [...]struct{ words, light string }{
	{"dramatic lighting", "dramatic light"}, {"dramatic light", "dramatic light"},
	{"chiaroscuro", "dramatic light"}, {"rembrandt lighting", "dramatic light"},
	{"cinematic lighting", "cinematic"}, {"cinematic light", "cinematic"},
	{"soft lighting", "soft"}, {"soft light", "soft"}, {"diffused light", "soft"},
	{"backlit", "backlit"}, {"backlight", "backlit"}, {"rim light", "backlit"},
	{"god rays", "rays"}, {"volumetric light", "rays"}, {"rays of light", "rays"}, {"light rays", "rays"},
}

// lightingNoun reports whether a subject is the lighting itself ("soft
// lighting" parsed as a thing), which has no line of its own.
func lightingNoun(noun string) bool {
	switch strings.ToLower(noun) {
	case "lighting", "light", "lights", "rays", "light rays", "rays of light":
		return true
	}
	return false
}

// urbanScene reports whether the Scene has a town in it: a street, a
// skyline, houses, neon.
func urbanScene(sc *easel.Scene) bool {
	for _, e := range sc.Elements {
		switch e {
		case "city", "street", "skyline", "neon", "houses", "village", "lanterns", "road", "bridge", "tower":
			return true
		}
	}
	return false
}

// placeDomain is the profile of the first open-air element that has one
// ("desert", "forest", "snow"), "coast" for a beach or the sea, else "".
func placeDomain(sc *easel.Scene) string {
	for _, e := range sc.Elements {
		switch e {
		case "beach", "sea", "waves":
			return "coast"
		}
		if _, ok := profiles[e]; ok && outdoorElements[e] {
			return e
		}
	}
	return ""
}

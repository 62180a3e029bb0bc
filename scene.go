package easel

import "strings"

// Scene is what an idea is about, as data. The scene parser fills it from the
// person's words; an LLM may return one; a person may write one by hand as
// JSON for `easel render`. The built-in prompt writer and the built-in canvas
// both read it, so the words and the picture agree.
//
// Every field is optional. Values are lower-case English words from the
// vocabularies documented on each field; a reader ignores values it does not
// know rather than failing, so a Scene written by an LLM always renders.
type Scene struct {
	// Idea is the text the Scene was parsed from, if any.
	Idea string `json:"idea,omitempty"`
	// Subject is the main subject as a noun phrase, such as "a lone camel"
	// or "an elderly fisherman". Words the lexicon does not know end up here,
	// so nothing the person typed is dropped.
	Subject string `json:"subject,omitempty"`
	// Subjects lists every subject found, main subject first.
	Subjects []Subject `json:"subjects,omitempty"`
	// Domain is the broad family of the scene: coast, mountains, forest,
	// desert, city, village, interior, garden, water, sky, space,
	// underwater, animal, portrait, food, vehicle, architecture, fantasy,
	// scifi, abstract, field, snow, jungle, ...
	Domain string `json:"domain,omitempty"`
	// Setting is the place, such as "beach", "rocky coast", "snowy forest",
	// "japanese garden", "street in paris".
	Setting string `json:"setting,omitempty"`
	// TimeOfDay is one of dawn, morning, noon, afternoon, golden hour,
	// sunset, dusk, night.
	TimeOfDay string `json:"time_of_day,omitempty"`
	// Weather is one of clear, cloudy, overcast, rain, storm, snow, fog,
	// mist, wind.
	Weather string `json:"weather,omitempty"`
	// Season is one of spring, summer, autumn, winter.
	Season string `json:"season,omitempty"`
	// Mood is a word such as serene, dramatic, eerie, cozy, joyful,
	// melancholic, mysterious, epic.
	Mood string `json:"mood,omitempty"`
	// Palette lists colour words, such as "red", "teal", "pastel", "golden".
	Palette []string `json:"palette,omitempty"`
	// Style is the medium or style, such as photo, watercolor, oil,
	// flat vector, pixel art, synthwave, woodblock, pencil sketch, film photo.
	Style string `json:"style,omitempty"`
	// View is the camera: wide, aerial, close-up, portrait, eye level, low angle.
	View string `json:"view,omitempty"`
	// Elements are the things to draw, from the Elements vocabulary below.
	Elements []string `json:"elements,omitempty"`
	// Extra keeps words the lexicon did not place anywhere else.
	Extra []string `json:"extra,omitempty"`
	// Layout, when set, is what the built-in canvas derives the picture's
	// composition from instead of this Scene's own words (see LayoutKey).
	// easel refine keeps the first picture's, so "make it night" or "add a
	// red sailboat" repaints the same layout rather than a new one.
	Layout string `json:"layout,omitempty"`
	// Relations tie the subjects to each other and to the places the idea
	// puts them: "an astronaut sitting on a giant strawberry" is
	// {astronaut sitting on strawberry}.
	Relations []Relation `json:"relations,omitempty"`
}

// Relation is one fact that ties two things of a Scene: Subject does Verb
// to Object ("girl" "holding" "" "umbrella"), or is placed by Prep against
// it ("cat" "sleeping" "on" "windowsill"). Subject and Object are head
// nouns as a Subject's Noun or the setting names them.
type Relation struct {
	Subject string `json:"subject"`
	Verb    string `json:"verb,omitempty"`
	Prep    string `json:"prep,omitempty"`
	Object  string `json:"object"`
}

// Place is where the relation puts its Subject against its Object, in a
// few words a painter can act on: "above" (on, over, atop), "below"
// (under, beneath), "inside" (in, into, within), "beside" (by, next to,
// near), "behind", "in front", "through" (across, among), "with" (a
// house with a door: the object belongs to the subject), "holding" (the
// verb hands the object to the subject), or "" when it places nothing.
func (r Relation) Place() string {
	switch r.Prep {
	case "on", "onto", "upon", "atop", "on top of", "over", "above", "across the top of":
		return "above"
	case "under", "beneath", "below", "underneath":
		return "below"
	case "in", "inside", "into", "within", "in the middle of":
		return "inside"
	case "beside", "by", "next to", "near", "alongside", "against", "at":
		return "beside"
	case "behind":
		return "behind"
	case "in front of", "before":
		return "in front"
	case "through", "across", "among", "amid", "amidst", "between", "along", "around":
		return "through"
	case "with":
		return "with"
	case "":
		if r.Verb != "" {
			return "holding"
		}
	}
	return ""
}

// RelationsOf lists the Scene's relations whose subject or object is noun.
func (s *Scene) RelationsOf(noun string) []Relation {
	if s == nil {
		return nil
	}
	var out []Relation
	for _, r := range s.Relations {
		if r.Subject == noun || r.Object == noun {
			out = append(out, r)
		}
	}
	return out
}

// LayoutKey is what the built-in canvas mixes into the seed to choose a
// composition: Layout when set, else the Scene's idea, domain, setting and
// elements, so two different scenes with one seed get their own layouts.
func (s *Scene) LayoutKey() string {
	if s.Layout != "" {
		return s.Layout
	}
	return s.Idea + "|" + s.Domain + "|" + s.Setting + "|" + strings.Join(s.Elements, ",")
}

// Subject is one thing in a Scene.
type Subject struct {
	// Noun is the head word, such as "camel".
	Noun string `json:"noun"`
	// Adjectives are the words that describe it, such as ["lone"].
	Adjectives []string `json:"adjectives,omitempty"`
	// Count is how many there are; 0 means one or unspecified.
	Count int `json:"count,omitempty"`
	// Element is the Elements entry that draws it, if any.
	Element string `json:"element,omitempty"`
	// Category is what the noun is, from WordNet's hypernyms: person,
	// mammal, bird, fish, insect, flower, tree, dish, drink, car, boat,
	// aircraft, tower, building, room, furniture, container, device,
	// celestial body, ... (lexical.Categories). Empty when WordNet does
	// not know the noun or files it under no picturable category.
	Category string `json:"category,omitempty"`
	// Plural is set when the idea names several ("swans", "three cats").
	Plural bool `json:"plural,omitempty"`
	// Colors are the colour words bound to this noun ("red" of "three red
	// balloons").
	Colors []string `json:"colors,omitempty"`
	// Materials are what it is made of ("wooden", "glass", "silver").
	Materials []string `json:"materials,omitempty"`
	// Action is what it does, as typed ("reading", "perched", "sleeps").
	Action string `json:"action,omitempty"`
	// Object is what the action is done to, a noun phrase ("a book").
	Object string `json:"object,omitempty"`
	// Relation places it against another thing: a preposition and a noun
	// phrase ("on a branch", "in a blue vase"). Scene.Relations holds the
	// same facts with both head nouns.
	Relation string `json:"relation,omitempty"`
	// Size is the size word the idea gives it ("giant", "tiny"), "" when
	// none.
	Size string `json:"size,omitempty"`
}

// ElementKind says what kind of thing an element is when it is a living
// thing or a vehicle: "animal", "person" or "vehicle", else "". One table
// for the writer (which lines and moods fit) and the canvas (what a table
// or a product shot never paints), for Scenes with no WordNet categories
// (an LLM's, or one written by hand).
func ElementKind(el string) string { return elementKinds[el] }

var elementKinds = map[string]string{
	"fox": "animal", "cat": "animal", "dog": "animal", "horse": "animal", "deer": "animal",
	"camel": "animal", "animal": "animal", "dragon": "animal", "birds": "animal", "seagulls": "animal",
	"fish": "animal", "koi": "animal", "whale": "animal",
	"person": "person", "people": "person",
	// A rocket lifting off is a spaceship, whatever WordNet's first sense
	// (a rocket engine).
	"boat": "vehicle", "ship": "vehicle", "sailboat": "vehicle", "balloon": "vehicle", "car": "vehicle",
	"train": "vehicle", "airplane": "vehicle", "spaceship": "vehicle",
}

// Elements is the vocabulary of Scene.Elements: what the built-in canvas
// knows how to draw. The scene parser only emits these names.
var Elements = []string{
	// sky
	"sun", "moon", "full moon", "stars", "aurora", "clouds", "rainbow", "milky way", "lightning",
	// land
	"mountains", "hills", "dunes", "desert", "field", "meadow", "wheat", "sunflowers", "flowers",
	"snow", "ice", "rocks", "cliffs", "volcano", "canyon",
	// water
	"sea", "beach", "lake", "river", "waterfall", "pond", "waves", "reflection",
	// plants
	"forest", "pines", "trees", "palms", "jungle", "bamboo", "cherry blossoms", "autumn leaves",
	// built
	"city", "skyline", "street", "neon", "lighthouse", "cabin", "castle", "barn", "houses",
	"village", "bridge", "temple", "windmill", "tower", "lanterns", "road",
	// vehicles
	"boat", "ship", "sailboat", "balloon", "car", "train", "airplane", "spaceship",
	// life
	"birds", "seagulls", "fish", "koi", "whale", "animal", "person", "people", "camel", "fox",
	"horse", "deer", "cat", "dog", "dragon",
	// weather and air
	"rain", "snowfall", "fog", "mist",
	// other worlds
	"underwater", "coral", "planet", "space", "nebula",
	// objects
	"table", "bowl", "food", "window",
	// products: one everyday object as a still life or product shot; the
	// noun (mug, hat, backpack...) says which shape
	"object",
}

// HasElement reports whether s lists element e.
func (s *Scene) HasElement(e string) bool {
	if s == nil {
		return false
	}
	for _, x := range s.Elements {
		if x == e {
			return true
		}
	}
	return false
}

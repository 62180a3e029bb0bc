package canvas

import (
	"hash/fnv"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/lexical"
	"github.com/easel-art/easel/scene"
)

// light is the lighting of one time of day.
type light struct {
	zenith, mid, horizon rgb // sky gradient
	sun                  rgb // colour of the sun disc and its glow
	ambient              rgb // multiplies land colours
	sunY                 float32
	night                bool
}

var lights = map[string]light{
	"dawn":        {hex("#27305e"), hex("#8a6a9c"), hex("#f7b58c"), hex("#ffd9a8"), rgb{0.72, 0.66, 0.74}, 0.86, false},
	"morning":     {hex("#3f83d0"), hex("#7fb3e3"), hex("#d6e9f4"), hex("#fff4dc"), rgb{0.95, 0.95, 0.93}, 0.55, false},
	"noon":        {hex("#2a74d8"), hex("#5ea2e6"), hex("#b4daf5"), hex("#ffffff"), rgb{1.02, 1.02, 1}, 0.16, false},
	"afternoon":   {hex("#3479cf"), hex("#6aa6e0"), hex("#c4e0f2"), hex("#fff7e6"), rgb{1, 0.98, 0.94}, 0.4, false},
	"golden hour": {hex("#4e78b5"), hex("#c9a98a"), hex("#ffc66e"), hex("#ffd98a"), rgb{1.02, 0.88, 0.7}, 0.72, false},
	"sunset":      {hex("#27346e"), hex("#b64f78"), hex("#ff8f3a"), hex("#ffc46a"), rgb{0.85, 0.62, 0.55}, 0.9, false},
	"dusk":        {hex("#10173a"), hex("#43356f"), hex("#c9706a"), hex("#ff9f70"), rgb{0.42, 0.4, 0.58}, 1.08, false},
	"night":       {hex("#03060f"), hex("#0b1530"), hex("#1d2c52"), hex("#f4f1e0"), rgb{0.3, 0.34, 0.52}, 0.25, true},
}

// plan is what to draw and where, decided once from the Scene and the seed.
type plan struct {
	time, weather, season, mood, view string
	el                                map[string]bool
	words                             string // every word of the scene, for details no field carries
	lt                                light
	horizon                           float32 // y of the horizon, pixels
	sunX, sunY                        float32 // pixels
	sunR                              float32 // the sun disc's radius once drawn, 0 before
	showSun, showMoon                 bool
	stageTop                          float32 // where a figure sits on the thing drawn under it, once drawn (relations.go)
	besideEl                          string  // the element the main subject stands beside, placed at besideX (relations.go)
	besideX                           float32
	fullMoon                          bool
	tint                              []rgb   // palette colours, which things may take
	grade                             []rgb   // colours to grade the whole picture towards
	gradeK                            float32 // how far to grade towards them
	accent                            rgb     // colour for buildings, boats, balloons
	foliage                           []rgb   // tree colours by season
	grass                             rgb     // ground colour by season
	haze                              rgb     // distance colour
	kind                              string  // landscape, underwater, space, aerial, interior, table, product, portrait, street, abstract
	sat, contrast, bright             float32
	main                              string          // the main subject's element, which the composition words place
	subjX                             float32         // where the words put it, as a fraction of the width (0: free)
	high                              bool            // seen from high above, looking out over the land
	above                             bool            // above the clouds: a sea of cloud below the horizon
	layout                            string          // an abstract work's arrangement, from the composition words
	single                            bool            // the main subject is one thing ("a cottage", not "a village")
	look                              look            // what the seed changes in the composition
	prod                              product         // a still life's object, when kind is "product"
	subjects                          []easel.Subject // the Scene's subjects with their facts (subjects.go)
}

// words that imply elements when the scene parser did not list them (a
// Scene written by hand or by an LLM may only have words).
// livingMain are the main subjects that make a picture of themselves even
// when the idea also names food or a table ("a grey donkey carrying
// baskets", "a baker holding bread").
var livingMain = map[string]bool{
	"person": true, "people": true, "animal": true, "fox": true, "cat": true, "dog": true,
	"horse": true, "deer": true, "camel": true, "birds": true, "dragon": true,
}

var impliedBy = map[string][]string{
	"sunset": {"sun"}, "sunrise": {"sun"}, "beach": {"sea", "beach"}, "ocean": {"sea"}, "sea": {"sea"},
	"coast": {"sea", "rocks"}, "harbor": {"sea", "boat", "houses"}, "harbour": {"sea", "boat", "houses"},
	"island": {"sea", "beach", "palms"}, "tropical": {"palms"}, "lake": {"lake"}, "pond": {"pond"},
	"river": {"river"}, "waterfall": {"waterfall"}, "mountain": {"mountains"}, "peak": {"mountains"},
	"hill": {"hills"}, "dune": {"dunes"}, "desert": {"dunes", "desert"}, "forest": {"forest"},
	"woods": {"forest"}, "pine": {"pines"}, "palm": {"palms"}, "jungle": {"jungle"}, "rainforest": {"jungle"},
	"city": {"city", "skyline"}, "skyline": {"skyline"}, "street": {"street"}, "neon": {"neon"},
	"lighthouse": {"lighthouse"}, "cabin": {"cabin"}, "castle": {"castle"}, "barn": {"barn"},
	"village": {"village", "houses"}, "town": {"houses"}, "house": {"houses"}, "boat": {"boat"},
	"ship": {"ship"}, "sailing": {"sailboat"}, "sailboat": {"sailboat"}, "bird": {"birds"},
	"seagull": {"seagulls"}, "gull": {"seagulls"}, "rain": {"rain"}, "rainy": {"rain"}, "storm": {"rain", "lightning"},
	"snow": {"snow"}, "snowy": {"snow"}, "fog": {"fog"}, "foggy": {"fog"}, "misty": {"mist"}, "mist": {"mist"},
	"aurora": {"aurora"}, "northern lights": {"aurora"}, "star": {"stars"}, "moon": {"moon"},
	"full moon": {"full moon"}, "cloud": {"clouds"}, "planet": {"planet"}, "space": {"space"},
	"underwater": {"underwater"}, "jellyfish": {"fish"}, "coral": {"coral"}, "fish": {"fish"}, "koi": {"koi", "pond"},
	"whale": {"whale"}, "field": {"field"}, "meadow": {"meadow"}, "wheat": {"wheat"}, "sunflower": {"sunflowers"},
	"flower": {"flowers"}, "cherry blossom": {"cherry blossoms"}, "autumn leaves": {"autumn leaves"},
	"balloon": {"balloon"}, "airship": {"balloon"}, "car": {"car"}, "route": {"road"}, "road": {"road"},
	"train": {"train"}, "plane": {"airplane"}, "spaceship": {"spaceship"}, "space station": {"spaceship", "space"},
	"dragon": {"dragon"}, "camel": {"camel"}, "fox": {"fox"}, "cat": {"cat"}, "dog": {"dog"}, "horse": {"horse"},
	"deer": {"deer"}, "fisherman": {"person"}, "person": {"person"}, "people": {"people"}, "market": {"people", "lanterns", "street"},
	"lantern": {"lanterns"}, "windowsill": {"window"}, "window": {"window"}, "bowl": {"bowl"}, "ramen": {"bowl", "food"},
	"table": {"table"}, "bridge": {"bridge"}, "temple": {"temple"}, "pagoda": {"temple"}, "windmill": {"windmill"},
	"tower": {"tower"}, "volcano": {"volcano"}, "canyon": {"canyon"}, "cliff": {"cliffs"}, "rocky": {"rocks"},
	"frozen": {"ice"}, "ice": {"ice"}, "glacier": {"ice", "mountains"}, "milky way": {"milky way"}, "nebula": {"nebula"},
	"rainbow": {"rainbow"}, "lightning": {"lightning"}, "bamboo": {"bamboo"}, "garden": {"pond", "trees", "flowers"},
	"tree": {"trees"}, "paris": {"tower"}, "reflect": {"reflection"},
	"tulip": {"flowers"}, "rose": {"flowers"}, "poppy": {"flowers"}, "poppies": {"flowers"},
	"field of lavender": {"flowers", "field"}, "lavender field": {"flowers", "field"},
}

// domainElements gives each Scene domain a composition of its own.
var domainElements = map[string][]string{
	"coast": {"sea", "beach"}, "mountains": {"mountains", "pines"}, "forest": {"forest"},
	"desert": {"dunes"}, "city": {"skyline"}, "village": {"houses", "hills"}, "water": {"lake"},
	"sky": {"clouds"}, "space": {"space", "planet"}, "underwater": {"underwater", "fish", "coral"},
	"field": {"field"}, "snow": {"snow", "pines"}, "jungle": {"jungle"}, "garden": {"pond", "trees", "flowers"},
	"interior": {"window"}, "food": {"table", "bowl"}, "architecture": {"castle", "hills"},
	"fantasy": {"castle", "mountains"}, "scifi": {"skyline", "neon"}, "animal": {"meadow", "trees"},
	"portrait": {"person"},
}

// makePlan reads the Scene. Nothing in it is an error: unknown words are
// ignored and missing fields get defaults picked by the seed.
func makePlan(s *easel.Scene, style string, w, h int, c *canvas, fr frame) *plan {
	p := &plan{el: map[string]bool{}, subjX: fr.subjX, layout: fr.layout, look: newLook(int64(c.seed)), subjects: s.Subjects}
	if p.look.mirror && p.subjX > 0 {
		// The picture is painted reversed and flipped back: a side the
		// words name is flipped too, so it ends up where they say.
		p.subjX = 1 - p.subjX
	}
	if len(s.Subjects) > 0 {
		p.main = strings.ToLower(s.Subjects[0].Element)
		// "a cottage" is one house; "a harbor town" or "houses" are many.
		n := strings.ToLower(s.Subjects[0].Noun)
		p.single = s.Subjects[0].Count <= 1 && !strings.HasSuffix(n, "s") &&
			!strings.Contains(n, "town") && !strings.Contains(n, "village") && !strings.Contains(n, "city") && !strings.Contains(n, "hamlet")
	}
	var words []string
	words = append(words, s.Idea, s.Subject, s.Setting, s.View)
	for _, sub := range s.Subjects {
		words = append(words, sub.Noun)
		words = append(words, sub.Adjectives...)
		if sub.Element != "" {
			p.el[sub.Element] = true
		}
	}
	words = append(words, s.Extra...)
	p.words = normWords(strings.Join(words, " "))
	for _, e := range s.Elements {
		p.el[strings.ToLower(strings.TrimSpace(e))] = true
	}
	for k, v := range impliedBy {
		if impliedWord(p.words, k) {
			for _, e := range v {
				p.el[e] = true
			}
		}
	}
	if p.el["ship"] && hasWord(p.words, "sailing") && !hasWord(p.words, "sailboat") {
		delete(p.el, "sailboat") // "an old sailing ship" is one ship, not a ship and a dinghy
	}
	if !hasAny(p.el, landscapeElements...) && !hasAny(p.el, "underwater", "space", "planet", "window", "bowl", "table", "street") {
		for _, e := range domainElements[strings.ToLower(s.Domain)] {
			p.el[e] = true
		}
	}

	p.landVehicle() // a tractor in a field is drawn (vehicles_kinds.go)
	if w := boatWater(p); w != "" {
		p.el[w] = true // "a small fishing boat at dawn" floats (launch.go)
	}

	p.time = normTime(s.TimeOfDay, p.words)
	p.weather = normWeather(s.Weather, p.words, p.el)
	p.season = normSeason(s.Season, p.words, p.el)
	p.mood = strings.ToLower(s.Mood)
	p.view = strings.ToLower(s.View + " " + p.words)

	p.livingNeeds() // water under swans (birdplans.go)

	// What kind of picture this is decides the whole composition.
	fromAbove := strings.Contains(p.view, "aerial") || strings.Contains(p.view, "from above") || strings.Contains(p.view, "top-down") || strings.Contains(p.view, "bird's-eye")
	switch {
	case p.el["underwater"]:
		p.kind = "underwater"
	case len(p.subjects) > 0 && vehicleKind(&p.subjects[0]) != "" && !fromAbove && !p.el["space"] && !p.el["planet"]:
		// A road vehicle is the subject: on its road, by the building
		// the words name ("a motorcycle parked outside a bakery": the
		// street, not the bakery's table) (vehicles_kinds.go).
		p.kind = "landscape"
		if p.el["street"] || p.el["window"] || p.el["table"] || interiorScene(s) {
			p.kind = "street"
		}
	case interiorScene(s) && (p.main == "" || p.main == "table" || p.main == "window" || p.main == "object" || p.main == "person"):
		// "a sunny kitchen with a round table", "a classroom": the room,
		// with the furniture it names (furniture.go).
		p.kind = "interior"
	case (p.el["bowl"] || p.el["food"] || p.el["table"]) && !livingMain[p.main] && !structureMain(s.Subjects) && p.critterSubject() == nil:
		// A flat lay is still a meal on a table; a person holding bread
		// or reading in a cafe is a picture of the person.
		p.kind = "table"
	// A view from above wins over what lives in the water: coral seen from
	// the air is a reef around an island, not a dive. Only what reads from
	// straight above is drawn so (an island, open water, farmland, a
	// forest); anything else is seen from high up, looking out over it.
	case fromAbove && topDown(p.el, p.words) && p.time != "sunset" && !hasWord(p.words, "sunset") && !hasWord(p.words, "sunrise"):
		// A sunset is at the horizon: seen from high up, looking out
		// (below), never straight down at an island.
		p.kind = "aerial"
	case fromAbove && !p.el["space"] && !p.el["planet"] && !p.el["window"] && !p.el["street"]:
		p.kind = "landscape"
		p.high = true
	case abstractScene(s, p.el):
		p.kind = "abstract"
	case p.el["coral"] || (p.el["fish"] && !p.el["pond"] && !p.el["koi"]) || p.el["whale"]:
		p.kind = "underwater"
	case p.main == "spaceship" && launchWords(p.words) && !p.el["planet"] && !p.el["moon"]:
		// "a rocket on the launch pad": on the ground, not in space (launch.go).
		delete(p.el, "space")
		p.kind = "landscape"
	case p.el["space"] || p.el["planet"] || p.el["nebula"] || (p.el["spaceship"] && !p.el["skyline"]):
		p.kind = "space"
	case p.el["window"] || p.el["cat"] && strings.Contains(p.words, "sill"):
		p.kind = "interior"
	case p.el["street"] || p.el["lanterns"] && p.el["people"]:
		p.kind = "street"
	// One person as the main subject ("a knight", "a wizard in a forest")
	// is shown close, as the words describe them: face, clothes, gaze.
	case p.el["person"] && p.main != "people" && (strings.Contains(p.words, "portrait") || strings.ToLower(s.Domain) == "portrait" || p.main == "person") &&
		(strings.Contains(p.words, "portrait") || len(s.Subjects) == 0 || poseOf(&p.subjects[0]) == ""):
		// (One doing something, "a farmer walking through a field", is
		// drawn whole in the setting: people.go.)
		p.kind = "portrait"
	default:
		p.kind = "landscape"
	}
	// One everyday object ("a ceramic mug on a wooden table", "a red
	// backpack") is a still life or a product shot, not a landscape or an
	// empty table.
	switch p.kind {
	case "table", "landscape", "interior", "abstract":
		pr, ok := productScene(s, p)
		if _, i := p.foodSubjectAt(); (i == 0 || i == 1 && portionWord(s.Subjects[0].Noun)) && (!ok || pr.shape == "generic" || i == 1) {
			// The food or drink is the subject ("a pint of beer", "a
			// scoop of ice cream") and no product shape holds it (a cup
			// of tea stays a cup): drawn on the table by its shape
			// (food.go).
			p.kind = "table"
			p.el["food"] = true
			break
		}
		if ok {
			p.kind, p.prod = "product", pr
		}
	}
	if p.kind == "landscape" && structureMain(s.Subjects) {
		// "a snowy porch with pumpkins": the house it belongs to (yard.go).
		p.el["houses"], p.main, p.single = true, "houses", true
	}
	if p.kind == "landscape" && !hasAny(p.el, landscapeElements...) {
		// Nothing we know how to place: rolling hills and a tree or two,
		// coloured by the rest of the Scene.
		p.el["hills"] = true
		p.el["meadow"] = true
		if c.chance(0.6) && !p.el["train"] && !p.el["car"] && !p.el["spaceship"] {
			p.el["trees"] = true // not in front of a train or a car that is the subject
		}
	}
	if (p.el["stars"] || p.el["aurora"] || p.el["milky way"]) && s.TimeOfDay == "" {
		p.time = "night"
	}
	if p.el["full moon"] && s.TimeOfDay == "" {
		p.time = "night"
	}
	if p.time == "" && p.kind == "interior" && darkRoom(p) {
		p.time = "night" // "a dark bedroom lit by a single candle": lamp-lit, dark outside (interior.go)
	}
	if p.time == "" {
		p.time = []string{"morning", "afternoon", "golden hour", "afternoon", "noon"}[c.rng.IntN(5)]
		if day, _ := scene.Daylight(s.Idea); day && p.time == "golden hour" {
			p.time = "noon" // "under a blue sky", "a sunny day": full daylight
		}
	}
	if style == StyleSynthwave && p.time != "night" {
		p.time = "dusk"
	}
	p.lt = lights[p.time]
	if p.lt.night && !p.el["moon"] && !p.el["full moon"] && p.kind != "space" && p.kind != "underwater" {
		p.el["moon"] = true
	}
	if p.lt.night && p.weather == "clear" {
		p.el["stars"] = true
	}

	// The horizon's range depends on what lies below it; the seed's look
	// picks a place in it, so frames of one idea do not share one line.
	lk := &p.look
	lo, hi := float32(0.44), float32(0.66)
	switch {
	case p.el["sea"] || p.el["lake"] || p.el["ice"]:
		lo, hi = 0.38, 0.62
	case p.el["mountains"]:
		lo, hi = 0.54, 0.72
	case p.el["field"] || p.el["sunflowers"] || p.el["wheat"]:
		lo, hi = 0.34, 0.58
	}
	p.horizon = float32(h) * between(lo, hi, lk.horizon)
	if fr.lowHorizon {
		p.horizon = max(p.horizon, float32(h)*between(0.62, 0.78, lk.horizon))
	}
	if strings.Contains(p.view, "low angle") {
		p.horizon = float32(h) * between(0.68, 0.76, lk.horizon)
	}
	// A mountain seen from above is a peak rising out of a sea of cloud.
	p.above = hasWord(p.words, "above the clouds") || p.high && p.el["mountains"]
	if p.high && !p.above {
		// Seen from high up: a narrow band of sky, the land spread out below.
		p.horizon = float32(h) * between(0.2, 0.32, lk.horizon)
	}

	p.sunX = float32(w) * lk.sunX
	// The sun's height follows the time of day; the seed moves it a little
	// (a setting sun may already touch the horizon, never sink below it).
	p.sunY = p.horizon * min(max(p.lt.sunY*lk.sunY, 0.08), 0.97)
	p.showSun = !p.lt.night && p.time != "dusk" && (p.weather == "clear" || p.weather == "cloudy" || p.weather == "wind" || p.weather == "mist")
	p.showMoon = p.lt.night && p.weather != "overcast" && p.weather != "rain" && p.weather != "storm" || p.el["full moon"]
	p.fullMoon = p.el["full moon"] || c.chance(0.5)
	if p.el["sun"] && !p.lt.night && p.time != "dusk" {
		p.showSun = true
	}

	p.weatherLight()
	p.seasonColours()
	p.moodAndPalette(s.Palette, s.Subjects, strings.TrimSpace(s.Idea) != "")
	p.subjectColours()
	if p.kind == "product" && (p.prod.surface == "white" || p.prod.surface == "backdrop") {
		// A clean product shot: the object's own colours on the backdrop
		// the words name ("on a grey background" is grey), not the
		// mood's grade.
		p.grade, p.gradeK = nil, 0
		p.contrast, p.bright = 1, max(p.bright, 1)
	}
	return p
}

// topDown reports whether a scene seen from above can be drawn looking
// straight down: an island or a reef, open water, farmland, a forest.
// Mountains, towns, deserts and cliffs are drawn from high up instead.
func topDown(el map[string]bool, words string) bool {
	if hasAny(el, "mountains", "volcano", "canyon", "cliffs", "lighthouse", "city", "skyline", "village", "houses",
		"castle", "dunes", "desert", "waterfall", "balloon", "dragon", "airplane", "spaceship", "person", "people") || hasWord(words, "above the clouds") {
		return false
	}
	switch {
	case el["beach"] || el["palms"] || el["coral"] || hasWord(words, "island"):
		return true // an island in the sea
	case el["sea"] && !el["lake"] && !el["river"]:
		return true // open water, with whatever sails or swims in it
	case hasAny(el, "field", "wheat", "sunflowers", "meadow", "barn", "windmill"):
		return true // a patchwork of fields
	case hasAny(el, "forest", "pines", "jungle", "trees") && !el["lake"] && !el["river"]:
		return true // a canopy of tree crowns
	}
	return false
}

// abstractScene reports whether a Scene is an abstract work with nothing
// to place in a landscape: shapes and colour, no horizon.
func abstractScene(s *easel.Scene, el map[string]bool) bool {
	// An abstract work by its domain, or one whose subject is a shape
	// (WordNet: "red triangles", "a spiral"), not a thing.
	if !strings.EqualFold(s.Domain, "abstract") && (len(s.Subjects) == 0 || s.Subjects[0].Category != "shape") {
		return false
	}
	return !hasAny(el, landscapeElements...) && !hasAny(el, "sea", "space", "planet", "underwater", "person", "people", "window", "bowl", "table", "street")
}

var landscapeElements = []string{
	"mountains", "hills", "dunes", "desert", "field", "meadow", "wheat", "sunflowers", "flowers", "snow", "ice",
	"rocks", "cliffs", "volcano", "canyon", "sea", "beach", "lake", "river", "waterfall", "pond", "forest", "pines",
	"trees", "palms", "jungle", "bamboo", "city", "skyline", "lighthouse", "cabin", "castle", "barn", "houses",
	"village", "temple", "windmill", "tower", "road", "cherry blossoms", "autumn leaves", "bridge",
}

func hasAny(m map[string]bool, keys ...string) bool {
	for _, k := range keys {
		if m[k] {
			return true
		}
	}
	return false
}

func normTime(t, words string) string {
	t = strings.ToLower(strings.TrimSpace(t))
	if _, ok := lights[t]; ok {
		return t
	}
	for _, a := range []struct{ w, t string }{
		{"sunrise", "dawn"}, {"dawn", "dawn"}, {"golden", "golden hour"}, {"sunset", "sunset"}, {"twilight", "dusk"},
		{"dusk", "dusk"}, {"evening", "dusk"}, {"midnight", "night"}, {"night", "night"}, {"noon", "noon"},
		{"midday", "noon"}, {"morning", "morning"}, {"afternoon", "afternoon"}, {"day", "afternoon"},
	} {
		if strings.Contains(t, a.w) {
			return a.t
		}
	}
	for _, a := range []struct{ w, t string }{
		{" sunrise", "dawn"}, {" dawn", "dawn"}, {" sunset", "sunset"}, {" dusk", "dusk"}, {" twilight", "dusk"},
		{" night", "night"}, {" moonlit", "night"}, {" golden hour", "golden hour"}, {" morning", "morning"}, {" noon", "noon"},
	} {
		if strings.Contains(words, a.w) {
			return a.t
		}
	}
	return ""
}

func normWeather(wt, words string, el map[string]bool) string {
	wt = strings.ToLower(strings.TrimSpace(wt))
	switch wt {
	case "clear", "cloudy", "overcast", "rain", "storm", "snow", "fog", "mist", "wind":
		return wt
	case "rainy", "drizzle":
		return "rain"
	case "stormy", "thunderstorm":
		return "storm"
	case "snowy", "snowfall", "blizzard":
		return "snow"
	case "foggy":
		return "fog"
	case "misty", "haze", "hazy":
		return "mist"
	case "windy":
		return "wind"
	case "sunny":
		return "clear"
	}
	switch {
	case strings.Contains(words, "storm"):
		return "storm"
	case el["rain"] || hasWord(words, "rain"):
		return "rain"
	case el["snowfall"] || strings.Contains(words, "snowing") || strings.Contains(words, "blizzard"):
		return "snow"
	case el["fog"]:
		return "fog"
	case el["mist"]:
		return "mist"
	case el["clouds"] && !strings.Contains(words, "above the clouds"):
		return "cloudy"
	}
	return "clear"
}

func normSeason(s, words string, el map[string]bool) string {
	s = strings.ToLower(strings.TrimSpace(s))
	switch s {
	case "spring", "summer", "autumn", "winter":
		return s
	case "fall":
		return "autumn"
	}
	switch {
	case el["autumn leaves"] || strings.Contains(words, "autumn") || strings.Contains(words, " fall "):
		return "autumn"
	case el["cherry blossoms"] || strings.Contains(words, "spring"):
		return "spring"
	case el["snow"] || el["ice"] || el["snowfall"] || strings.Contains(words, "winter") || strings.Contains(words, "frozen"):
		return "winter"
	}
	return "summer"
}

// weatherLight dims and greys the light for the weather.
func (p *plan) weatherLight() {
	lt := &p.lt
	grey := func(k, dark float32) {
		g := rgb{0.62, 0.65, 0.7}.scale(dark)
		if lt.night {
			g = rgb{0.08, 0.09, 0.12}
		}
		lt.zenith = lt.zenith.mix(g.scale(0.85), k)
		lt.mid = lt.mid.mix(g, k)
		lt.horizon = lt.horizon.mix(g.scale(1.1), k)
		lt.ambient = lt.ambient.mix(lt.ambient.scale(0.75), k)
	}
	switch p.weather {
	case "cloudy":
		grey(0.2, 1)
	case "overcast":
		grey(0.7, 1)
	case "rain":
		grey(0.75, 0.75)
	case "storm":
		grey(0.85, 0.5)
		lt.ambient = lt.ambient.scale(0.7)
	case "snow":
		grey(0.65, 1.2)
	case "fog":
		grey(0.8, 1.25)
	case "mist":
		grey(0.3, 1.15)
	}
	p.haze = lt.horizon.mix(rgb{0.75, 0.8, 0.88}, 0.15)
	if lt.night {
		p.haze = lt.horizon.mix(lt.mid, 0.3).scale(1.2)
	}
}

func (p *plan) seasonColours() {
	switch p.season {
	case "spring":
		p.grass = hex("#7fbf4a")
		p.foliage = []rgb{hex("#6fb03e"), hex("#8cc84b"), hex("#f4b6c8"), hex("#5a9c3a")}
	case "autumn":
		p.grass = hex("#a8893e")
		p.foliage = []rgb{hex("#d2691e"), hex("#e8a02a"), hex("#b8401f"), hex("#c98a2b"), hex("#8e3b1c")}
	case "winter":
		p.grass = hex("#e8eef5")
		p.foliage = []rgb{hex("#6d5b4b"), hex("#7a6a5a")}
	default:
		p.grass = hex("#5f9e3a")
		p.foliage = []rgb{hex("#3f7f2e"), hex("#4d8f34"), hex("#2f6b28"), hex("#5a9a3c")}
	}
	if p.el["snow"] || p.el["ice"] {
		p.grass = hex("#e8eef5")
	}
	if c, ok := p.placeColourOK("trees", "forest", "pines", "palms", "jungle"); ok {
		// "a red maple", "a blue forest": the leaves in the idea's colour.
		p.foliage = []rgb{c, c.scale(0.85), c.mix(rgb{1, 1, 1}, 0.15), c.scale(0.7)}
	}
	if c, ok := p.placeColourOK("meadow", "field"); ok {
		p.grass = c // "a purple meadow"
	}
}

// paletteColours names the colour words a Scene may carry.
var paletteColours = map[string]rgb{
	"red": hex("#d8342c"), "crimson": hex("#b0172f"), "scarlet": hex("#e0301e"), "orange": hex("#f08a24"),
	"amber": hex("#f2a93b"), "gold": hex("#e8b84a"), "golden": hex("#e8b84a"), "yellow": hex("#f2d43a"),
	"lime": hex("#a4d63a"), "green": hex("#3f9e4a"), "emerald": hex("#1f9e6a"), "mint": hex("#8fe0c0"),
	"teal": hex("#1f8f8f"), "turquoise": hex("#2cc4c0"), "cyan": hex("#2ad0e8"), "aqua": hex("#3ad8d0"),
	"blue": hex("#2a62d8"), "azure": hex("#3a8ee8"), "navy": hex("#1a2a6c"), "indigo": hex("#3f2f8f"),
	"violet": hex("#8a4fd0"), "purple": hex("#7a3fb0"), "lavender": hex("#b8a0e0"), "magenta": hex("#d030b0"),
	"pink": hex("#f07ab0"), "rose": hex("#e8708a"), "peach": hex("#f8b890"), "coral": hex("#f07a60"),
	"brown": hex("#8a5a30"), "rust": hex("#b0501e"), "copper": hex("#c07040"), "silver": hex("#b8c0c8"),
	"white": hex("#f4f4f0"), "black": hex("#181818"), "grey": hex("#808890"), "gray": hex("#808890"),
	"sepia": hex("#a0784a"), "pastel": hex("#f0c8d8"), "neon": hex("#ff3ad8"), "warm": hex("#f0a050"),
	"cool": hex("#5a90d0"), "emerald green": hex("#1f9e6a"), "blue-green": hex("#1f8f8f"),
}

// moodAndPalette sets the colour grading from mood and palette words.
func (p *plan) moodAndPalette(pal []string, subjects []easel.Subject, fromIdea bool) {
	strong := false
	defer func() {
		switch {
		case strong:
			p.gradeK = 0.3
		case len(p.grade) > 0:
			p.gradeK = 0.12
		}
	}()
	p.sat, p.contrast, p.bright = 1, 1, 1
	p.accent = hex("#c0392b")
	first := true
	for _, word := range pal {
		word = strings.ToLower(strings.TrimSpace(word))
		switch word {
		case "pastel":
			p.sat *= 0.7
			p.bright *= 1.08
		case "vibrant", "vivid", "saturated", "colorful", "colourful":
			p.sat *= 1.35
		case "muted", "desaturated", "faded", "washed":
			p.sat *= 0.6
		case "monochrome", "black and white", "grayscale", "greyscale":
			p.sat = 0
		case "dark", "moody":
			p.bright *= 0.8
			p.contrast *= 1.1
		case "bright", "light":
			p.bright *= 1.1
		case "neon":
			p.sat *= 1.3
		}
		if c, ok := paletteColours[word]; ok {
			p.tint = append(p.tint, c)
			if first {
				p.accent = c
				first = false
			}
			// A colour grades the whole picture only when it is said of
			// the picture ("in red and gold"). The colour of a thing ("a
			// red barn", "green hills") is that thing's, a blue sky is
			// already blue, and a colour the words only imply (pink for
			// cherry blossoms) is a hint.
			switch {
			case hasWord(p.words, word+" sky") || hasWord(p.words, word+" skies"):
			case subjectColour(word, subjects) || colourOfThing(p.words, word):
			case hasWord(p.words, word) || !fromIdea:
				// Said in the idea, or written into a Scene by hand.
				p.grade = append(p.grade, c)
				strong = true
			default:
				p.grade = append(p.grade, c)
			}
		}
	}
	switch p.mood {
	case "dramatic", "epic", "intense":
		p.contrast *= 1.2
		p.sat *= 1.1
	case "serene", "calm", "peaceful", "tranquil", "dreamy":
		p.contrast *= 0.92
	case "eerie", "creepy", "ominous", "haunted":
		p.sat *= 0.55
		p.contrast *= 1.1
		p.bright *= 0.85
		p.tint = append(p.tint, hex("#4a7a60"))
		p.grade, strong = append(p.grade, hex("#4a7a60")), true
	case "cozy", "warm", "romantic":
		p.tint = append(p.tint, hex("#f0a050"))
		p.grade, strong = append(p.grade, hex("#f0a050")), true
		p.sat *= 1.05
	case "joyful", "happy", "cheerful", "playful", "whimsical":
		p.sat *= 1.25
		p.bright *= 1.05
	case "melancholic", "melancholy", "sad", "lonely", "somber", "gloomy":
		p.sat *= 0.65
		p.bright *= 0.92
		p.tint = append(p.tint, hex("#5a6a8a"))
		p.grade, strong = append(p.grade, hex("#5a6a8a")), true
	case "mysterious", "mystical", "magical":
		p.bright *= 0.9
		p.tint = append(p.tint, hex("#5a4a9a"))
		p.grade, strong = append(p.grade, hex("#5a4a9a")), true
	}
}

// subjectColour reports whether a colour word describes one of the
// subjects ("red" in "a red barn").
func subjectColour(word string, subjects []easel.Subject) bool {
	for _, s := range subjects {
		for _, a := range s.Adjectives {
			if strings.EqualFold(a, word) {
				return true
			}
		}
	}
	return false
}

// colourOfThing reports whether a colour word is said of a thing in the
// idea, because a noun follows it ("green hills", "a red barn"), rather
// than of the picture ("in red and gold", "red, gold").
func colourOfThing(words, word string) bool {
	for i := 0; ; {
		j := strings.Index(words[i:], " "+word+" ")
		if j < 0 {
			return false
		}
		rest := words[i+j+len(word)+2:]
		next, _, _ := strings.Cut(strings.TrimLeft(rest, " "), " ")
		switch next {
		case "", "and", "or", "with", "in", "on", "at", "of", "color", "colors", "colour", "colours", "tones", "hues", "palette", "light":
		default:
			if _, isColour := paletteColours[next]; !isColour {
				return true
			}
		}
		i += j + 1
	}
}

// sceneSeed mixes the Scene's layout key and the style into the seed, so
// that two different scenes with the same seed still get their own
// compositions, and a refined Scene (which keeps its first Layout) its
// parent's.
func sceneSeed(s *easel.Scene, style string, seed int64) int64 {
	h := fnv.New64a()
	h.Write([]byte(s.LayoutKey() + "|" + style))
	return seed ^ int64(h.Sum64()&0x7fffffffffffffff)
}

// normWords lower-cases text and turns punctuation into spaces, with a space
// at each end so words can be found with hasWord.
func normWords(s string) string {
	b := []byte(" " + strings.ToLower(s) + " ")
	for i, ch := range b {
		if !(ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9' || ch == '-' || ch == '\'' || ch >= 0x80) {
			b[i] = ' '
		}
	}
	return string(b)
}

// impliedWord reports whether words hold k as the noun or adjective that
// implies an element: "clouds", "cloudy" and "starry" count; verbs made of
// a noun do not ("a fishing village" has no fish, "towering peaks" no
// tower, "staring" no stars), except "reflected" and "reflecting".
func impliedWord(words, k string) bool {
	if k == "reflect" {
		return hasWord(words, k)
	}
	for i := 0; ; {
		j := strings.Index(words[i:], " "+k)
		if j < 0 {
			return false
		}
		rest := words[i+j+1+len(k):]
		switch rest[:strings.IndexByte(rest, ' ')] {
		case "":
			if !madeThing(k, rest) {
				return true
			}
		case "s", "es", "y", "ry":
			return true
		}
		i += j + 1
	}
}

// madeThingCats are the WordNet categories of a compound that is a thing
// made or eaten, not the place or weather its first word names: "ice
// cream" brings no ice, "a snow globe" no snow, "rain boots" no rain.
var madeThingCats = map[string]bool{
	"food": true, "dish": true, "dessert": true, "drink": true, "candy": true, "cake": true, "bread": true, "pastry": true,
	"cookie": true, "clothing": true, "toy": true, "device": true, "container": true, "jewelry": true, "tool": true,
}

// madeThing reports whether k and the word after it in rest (" cream
// cone ...") are a WordNet compound that is a made thing.
func madeThing(k, rest string) bool {
	next := strings.Fields(rest)
	if len(next) == 0 {
		return false
	}
	e, _, ok := lexical.FindNoun(k + " " + next[0])
	return ok && madeThingCats[e.Category()]
}

// hasWord reports whether words (from normWords) holds the word or phrase k
// at a word start, allowing common endings ("cloud" finds "clouds" and
// "cloudy", "rain" does not find "rainforest" or "train").
func hasWord(words, k string) bool {
	for i := 0; ; {
		j := strings.Index(words[i:], " "+k)
		if j < 0 {
			return false
		}
		rest := words[i+j+1+len(k):]
		end := strings.IndexByte(rest, ' ')
		switch rest[:end] {
		case "", "s", "es", "y", "ry", "ing", "ed", "ion", "ions", "ly":
			return true
		}
		i += j + 1
	}
}

package refine

// The words of instructions that the scene lexicon does not hold: the
// comparatives and verbs of steering ("closer", "calmer", "more detail"),
// lighting, colour temperature and picture formats. Each maps to one edit.
// Every other modifier word ("night", "foggy", "watercolor", "from above")
// is looked up in the scene lexicon, so refine understands what imagine
// understands.

// Light values: Scene has no lighting field, so lighting is kept as a
// phrase in Scene.Extra, which the writer's keywords and the canvas read.
var lightPhrases = []string{
	lightBright, lightDark, lightSoft, lightHard, lightDramatic, lightRim, lightCandle, lightStudio,
	lightCinematic, lightVolumetric, lightNeon,
}

const (
	lightBright     = "bright airy light"
	lightDark       = "low-key light with deep shadows"
	lightSoft       = "soft diffused light"
	lightHard       = "hard light with crisp shadows"
	lightDramatic   = "dramatic chiaroscuro lighting"
	lightRim        = "glowing rim light"
	lightCandle     = "warm candlelight"
	lightStudio     = "clean studio lighting"
	lightCinematic  = "cinematic lighting"
	lightVolumetric = "volumetric light rays"
	lightNeon       = "glowing neon light"
)

// Detail values, kept in Scene.Extra like the light.
const (
	detailMore = "intricate detail"
	detailLess = "simple uncluttered shapes"
)

var detailPhrases = []string{detailMore, detailLess}

// Palettes for colour temperature.
var (
	warmPalette = []string{"amber", "orange", "gold"}
	coolPalette = []string{"blue", "teal", "silver"}
)

// steering maps phrases the lexicon does not know to an edit (Op Set).
var steering = map[string]Edit{}

func init() {
	set := func(field, value string, phrases ...string) {
		for _, p := range phrases {
			steering[p] = Edit{Op: Set, Field: field, Value: value}
		}
	}
	// View and framing.
	set(FieldView, "close-up", "closer", "closer up", "zoom in", "zoomed in", "tighter", "tighter crop", "crop in",
		"nearer", "move closer", "get closer", "come closer", "a close-up", "close shot")
	set(FieldView, "wide", "wider", "zoom out", "zoomed out", "pull back", "pulled back", "further away", "farther away",
		"further back", "farther back", "step back", "more of the scene", "show more", "wider shot", "wider angle")
	set(FieldView, "aerial", "higher", "from higher up", "from the air", "from the sky", "bird's eye", "birds eye", "from a drone")
	set(FieldView, "low angle", "lower", "lower angle", "from the ground", "from low down", "looking upward")
	// Mood and intensity.
	set(FieldMood, "dramatic", "more dramatic", "more drama", "drama", "wilder", "more intense", "more powerful", "bolder", "punchier")
	set(FieldMood, "serene", "calmer", "quieter", "gentler", "more peaceful", "less dramatic", "less intense",
		"more relaxed", "more tranquil", "softer mood", "more calm", "calm down", "tone it down", "toned down")
	set(FieldMood, "joyful", "happier", "cheerier", "more cheerful", "more joyful", "more fun", "more playful")
	set(FieldMood, "melancholic", "sadder", "gloomier", "more melancholic", "lonelier")
	set(FieldMood, "eerie", "spookier", "creepier", "scarier", "more eerie", "more sinister", "more haunted")
	set(FieldMood, "mysterious", "moodier", "more mysterious", "more mystery", "darker mood")
	set(FieldMood, "dreamy", "dreamier", "more dreamy", "more surreal", "more ethereal")
	set(FieldMood, "cozy", "cozier", "cosier", "more cozy", "more cosy", "warmer mood")
	set(FieldMood, "epic", "more epic", "grander", "more heroic")
	set(FieldMood, "lively", "livelier", "busier", "more lively", "more vibrant mood", "more energy")
	set(FieldMood, "whimsical", "more whimsical", "more magical", "cuter", "more playful mood")
	set(FieldMood, "majestic", "more majestic", "more awe")
	set(FieldMood, "romantic", "more romantic")
	set(FieldMood, "nostalgic", "more nostalgic", "more vintage", "more retro")
	// Detail.
	set(FieldDetail, detailMore, "more detail", "more details", "more detailed", "more intricate", "finer detail",
		"finer details", "sharper", "crisper", "highly detailed", "intricate", "detailed", "richer detail", "extra detail")
	set(FieldDetail, detailLess, "less detail", "fewer details", "less detailed", "simpler", "less busy", "less cluttered",
		"cleaner", "more minimal", "plainer", "uncluttered", "declutter", "simplify")
	// Lighting.
	set(FieldLight, lightBright, "brighter", "lighter", "more light", "well lit", "high key", "high-key", "brighter light", "brighten it", "brighten")
	set(FieldLight, lightDark, "darker", "dimmer", "less light", "low key", "low-key", "darker light", "darken it", "darken", "more shadow", "more shadows")
	set(FieldLight, lightSoft, "softer light", "soft light", "softer lighting", "soft lighting", "diffused light", "gentle light",
		"softer", "diffuse light", "gentler light")
	set(FieldLight, lightHard, "harsher light", "hard light", "harder light", "harsh light", "strong shadows", "crisp shadows")
	set(FieldLight, lightDramatic, "dramatic lighting", "dramatic light", "chiaroscuro", "moody lighting", "moody light")
	set(FieldLight, lightRim, "rim light", "rim lighting", "backlit", "backlighting", "backlight", "rim lit", "rim-lit")
	set(FieldLight, lightCandle, "candlelight", "candlelit", "by candlelight", "candle light", "lit by candles")
	set(FieldLight, lightStudio, "studio lighting", "studio light", "studio lights")
	set(FieldLight, lightCinematic, "cinematic lighting", "cinematic light", "film lighting")
	set(FieldLight, lightVolumetric, "volumetric light", "volumetric lighting", "god rays", "light rays", "sunbeams", "sun rays", "crepuscular rays")
	set(FieldLight, lightNeon, "neon lighting", "neon light", "neon lights", "neon glow", "lit by neon")
	// Colour temperature and saturation.
	for _, p := range []string{"warmer", "warmer colors", "warmer colours", "warm colors", "warm colours", "warm tones",
		"warmer tones", "warm palette", "warmer palette", "warm"} {
		steering[p] = Edit{Op: Set, Field: FieldPalette, Values: warmPalette}
	}
	for _, p := range []string{"cooler", "cooler colors", "cooler colours", "cool colors", "cool colours", "cool tones",
		"cooler tones", "cool palette", "cooler palette", "cool", "colder", "colder colors"} {
		steering[p] = Edit{Op: Set, Field: FieldPalette, Values: coolPalette}
	}
	for _, p := range []string{"more colorful", "more colourful", "more vibrant", "more saturated", "vivid colors",
		"vivid colours", "brighter colors", "brighter colours", "more color", "more colour", "saturated"} {
		steering[p] = Edit{Op: Set, Field: FieldPalette, Values: []string{"colorful"}}
	}
	for _, p := range []string{"b&w", "b/w", "no color", "no colour", "colorless", "desaturated"} {
		steering[p] = Edit{Op: Set, Field: FieldPalette, Values: []string{"monochrome"}}
	}
	// Picture formats.
	set(FieldAspect, "1:1", "square", "square format", "a square")
	set(FieldAspect, "16:9", "widescreen", "wide format", "cinemascope")
	set(FieldAspect, "2:3", "vertical", "portrait format", "portrait orientation", "upright", "tall format", "phone wallpaper")
	set(FieldAspect, "3:2", "horizontal", "landscape format", "landscape orientation")
	set(FieldAspect, "9:16", "story format", "vertical video")
	// Season and time words people use that the lexicon files elsewhere.
	set(FieldTime, "night", "nighttime", "after dark", "at night", "in the dark")
	set(FieldTime, "morning", "daytime", "during the day", "by day", "in daylight", "daylight")
	set(FieldWeather, "clear", "sunnier", "clearer", "clear skies", "fair weather", "good weather", "blue sky")
	set(FieldWeather, "storm", "stormier")
	set(FieldWeather, "fog", "foggier")
	set(FieldWeather, "mist", "mistier", "hazier")
	set(FieldWeather, "rain", "rainier", "wetter")
	set(FieldWeather, "snow", "snowier", "snowy weather", "snowfall", "let it snow", "snowing")
	set(FieldWeather, "cloudy", "cloudier")
}

// fillers are words that carry no edit of their own in a modifier clause:
// articles, intensifiers, and the names of what is being changed ("make
// the light softer", "change the time to night").
var fillers = setOf(
	"it", "its", "it's", "the", "a", "an", "this", "that", "more", "much", "bit", "little", "slightly",
	"very", "really", "lot", "lots", "way", "even", "somewhat", "too", "please", "instead", "now", "also",
	"version", "picture", "image", "scene", "shot", "sky", "light", "lighting", "colors", "colours", "color",
	"colour", "tones", "tone", "palette", "mood", "atmosphere", "feel", "feeling", "vibe", "vibes", "time",
	"weather", "season", "style", "look", "looking", "looks", "make", "be", "is", "should", "to", "in", "at",
	"as", "into", "of", "with", "during", "by", "like", "and", "then", "so", "some", "one", "overall",
	"whole", "everything", "all", "just", "again", "kind", "sort", "set", "go", "view", "angle", "camera",
	"framing", "composition", "medium", "rendered", "done", "painted", "drawn", "shown", "seen", "please,",
	"day", "of the", "thing", "them", "whole thing", "whole picture", "quite", "rather", "far", "lighter?",
	"turn", "change", "switch", "let", "try", "maybe", "same", "but", "keep", "while", "give", "add", "use",
	"using", "make it", "for", "from", "style of", "aspect", "ratio", "aspect ratio", "format", "crop",
	"effect", "tint", "hue", "hues", "shade", "shades", "tinted", "toned",
)

// subjectFillers name the picture itself rather than a thing in it: "make
// it night", "turn the whole picture into a watercolor".
var subjectFillers = setOf(
	"it", "everything", "the picture", "the image", "the scene", "the whole thing", "the whole picture",
	"the whole scene", "this", "the sky", "the light", "the lighting", "the colors", "the colours",
	"the palette", "the mood", "the atmosphere", "the time", "the weather", "the season", "the style",
	"the medium", "the view", "the angle", "the camera", "the framing", "the composition", "the shot",
	"the background", "the time of day", "the setting", "the format", "the aspect", "the aspect ratio",
	"the picture's style", "all", "the whole image", "it all", "the vibe", "the feel", "the tone",
	"the tones", "the overall mood",
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

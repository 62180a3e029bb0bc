package builtin

// profile is what the writer assumes about a domain when the idea does not
// say: how it is lit, its usual mood, time, view and weather, colours,
// generic details and what to keep out of it.
type profile struct {
	light    string   // outdoor, interior, portrait, underwater, space
	medium   string   // the picture's noun when no style is named
	moods    []string // default moods, most fitting first
	times    []string // default times of day (outdoor and interior)
	views    []string // default views
	weathers []string // weathers a strong variation may choose
	colors   []string // colour phrases that suit the domain
	details  []string // generic detail sentences
	negative []string
}

var outdoorWeathers = []string{"clear", "clear", "cloudy", "mist", "fog", "overcast", "rain", "wind"}

var landscape = profile{
	light: "outdoor", medium: "landscape",
	moods: []string{"serene", "majestic", "dreamy", "contemplative"},
	// Plain daylight unless the idea says otherwise: most ideas that name
	// no hour mean an ordinary day, and a sheet of sunsets reads as a tic.
	times: []string{"afternoon", "morning", "noon", "golden hour", "sunset"},
	// A view from above is the exception, not a default: it suits an
	// island or farmland, not a lighthouse or a knight.
	views:    []string{"wide", "wide", "eye level"},
	weathers: outdoorWeathers,
	details: []string{
		"Fine details fill the foreground: textured ground, small stones and tufts of grass catching the light.",
		"Layers of atmospheric haze separate the foreground from the far distance, giving the view real depth.",
	},
	negative: []string{"cluttered foreground", "oversaturated"},
}

// with returns a copy of p changed by f.
func (p profile) with(f func(*profile)) profile {
	f(&p)
	return p
}

var profiles = map[string]profile{
	"coast": landscape.with(func(p *profile) {
		p.moods = []string{"serene", "dramatic", "romantic", "solitary"}
		p.colors = []string{"sea blue", "sandy beige", "foamy white"}
		p.details = []string{"[calm]The air feels salty and fresh, with a soft sea breeze stirring the scene.", "[rough]Salt spray hangs in the air, blurring the distance."}
	}),
	"ocean": landscape.with(func(p *profile) {
		p.moods = []string{"serene", "majestic", "dramatic"}
		p.colors = []string{"deep ocean blue", "sea green", "foamy white"}
		p.details = []string{"[outdoor]The open water stretches to a clean, unbroken horizon.", "[!outdoor]Tiny bubbles rise slowly toward the shimmering surface far above."}
	}),
	"island": landscape.with(func(p *profile) {
		p.moods = []string{"serene", "joyful", "dreamy"}
		p.times = []string{"noon", "afternoon", "golden hour", "morning"}
		p.views = []string{"wide", "wide", "eye level", "aerial"}
		p.weathers = []string{"clear", "clear", "cloudy", "wind"}
		p.colors = []string{"turquoise", "white sand", "lush green"}
		p.details = []string{"[+sea]Shallow turquoise water rings the shore, fading to deep blue further out."}
	}),
	"mountains": landscape.with(func(p *profile) {
		p.moods = []string{"majestic", "serene", "epic", "solitary"}
		p.views = []string{"wide", "wide", "low angle"}
		p.colors = []string{"cool granite grey", "alpine blue", "pine green"}
		p.details = []string{"The crisp, thin air makes even the farthest ridges look sharp and clear."}
	}),
	"forest": landscape.with(func(p *profile) {
		p.moods = []string{"serene", "mysterious", "whimsical"}
		p.colors = []string{"moss green", "deep pine green", "bark brown"}
		p.details = []string{"[!night,!snowy]Moss, ferns and fallen needles carpet the forest floor.", "[!night]Dappled light flickers through the canopy."}
	}),
	"jungle": landscape.with(func(p *profile) {
		p.moods = []string{"mysterious", "majestic", "lively"}
		p.weathers = []string{"clear", "mist", "mist", "rain"}
		p.colors = []string{"emerald green", "jade", "deep shadowy green"}
		p.details = []string{"The air is thick and humid, and tiny drops of moisture glisten on every leaf."}
	}),
	"desert": landscape.with(func(p *profile) {
		p.moods = []string{"solitary", "majestic", "serene"}
		p.weathers = []string{"clear", "clear", "wind"}
		p.colors = []string{"sandy ochre", "terracotta", "sun-bleached gold"}
		p.details = []string{"Heat shimmers faintly above the sand in the far distance."}
	}),
	"canyon": landscape.with(func(p *profile) {
		p.moods = []string{"majestic", "epic", "solitary"}
		p.weathers = []string{"clear", "clear", "cloudy"}
		p.colors = []string{"red rock", "burnt sienna", "dusty orange"}
	}),
	"field": landscape.with(func(p *profile) {
		p.moods = []string{"serene", "joyful", "nostalgic"}
		p.colors = []string{"golden wheat", "meadow green", "soft sky blue"}
		p.details = []string{"[!night]Insects drift lazily over the field, tiny sparks in the light.", "A gentle breeze ripples across the field in soft waves."}
	}),
	"garden": landscape.with(func(p *profile) {
		p.medium = "scene"
		p.moods = []string{"serene", "romantic", "whimsical"}
		p.views = []string{"eye level", "wide", "close-up"}
		p.colors = []string{"leaf green", "blossom pink", "soft cream"}
		p.details = []string{"Carefully tended plants and mossy stones give the garden a sense of order and care.", "[!night]A butterfly drifts between the flowers."}
	}),
	"botanical": landscape.with(func(p *profile) {
		p.medium = "study"
		p.moods = []string{"serene", "romantic", "dreamy"}
		p.views = []string{"close-up", "close-up", "eye level"}
		p.colors = []string{"leaf green", "petal pink", "soft cream"}
		p.details = []string{"Tiny dew drops cling to the petals and leaves, each holding a point of light."}
	}),
	"water": landscape.with(func(p *profile) {
		p.moods = []string{"serene", "majestic", "dreamy"}
		p.colors = []string{"clear water blue", "moss green", "stone grey"}
		p.details = []string{"The sound of moving water almost seems audible."}
	}),
	"wetland": landscape.with(func(p *profile) {
		p.moods = []string{"mysterious", "serene", "eerie"}
		p.weathers = []string{"mist", "fog", "clear", "overcast"}
		p.colors = []string{"murky green", "olive", "misty grey"}
	}),
	"snow": landscape.with(func(p *profile) {
		p.moods = []string{"serene", "solitary", "majestic"}
		p.weathers = []string{"clear", "snow", "snow", "fog", "overcast"}
		p.colors = []string{"snow white", "icy blue", "pale silver"}
		p.details = []string{"The cold is almost tangible; breath would hang in the air here."}
	}),
	"cave": landscape.with(func(p *profile) {
		p.light = "interior"
		p.medium = "scene"
		p.moods = []string{"mysterious", "eerie", "majestic"}
		p.views = []string{"wide", "low angle"}
		p.weathers = nil
		p.colors = []string{"damp stone grey", "deep shadow", "crystal blue"}
		p.details = []string{"Water drips from the rock, and the air feels cool and still."}
	}),
	"volcano": landscape.with(func(p *profile) {
		p.moods = []string{"dramatic", "ominous", "epic"}
		p.times = []string{"dusk", "night", "sunset"}
		p.weathers = []string{"clear", "cloudy", "storm"}
		p.colors = []string{"molten orange", "ash grey", "ember red"}
		p.details = []string{"Ash drifts through the air, and the ground glows with fresh lava."}
	}),
	"sky": landscape.with(func(p *profile) {
		p.medium = "skyscape"
		p.moods = []string{"majestic", "dreamy", "serene"}
		p.views = []string{"wide", "low angle"}
		p.colors = []string{"sky blue", "cloud white", "soft violet"}
		p.details = []string{"The sky takes up most of the picture, vast and full of movement."}
	}),
	"space": {
		light: "space", medium: "space scene",
		moods:    []string{"majestic", "mysterious", "epic", "serene"},
		views:    []string{"wide", "wide", "low angle"},
		colors:   []string{"inky black", "cosmic violet", "electric blue", "starlight white"},
		details:  []string{"Countless distant stars scatter the blackness like dust.", "Everything hangs in perfect silence, weightless and vast."},
		negative: []string{"atmosphere haze", "clouds"},
	},
	"underwater": {
		light: "underwater", medium: "underwater scene",
		moods:    []string{"dreamy", "serene", "mysterious"},
		views:    []string{"wide", "eye level", "low angle"},
		colors:   []string{"aquamarine", "deep sapphire", "soft teal", "coral pink"},
		details:  []string{"Tiny bubbles rise slowly toward the shimmering surface.", "Drifting particles catch the light like dust in a sunbeam."},
		negative: []string{"surface boats", "murky water"},
	},
	"city": landscape.with(func(p *profile) {
		p.medium = "cityscape"
		p.moods = []string{"lively", "romantic", "mysterious", "nostalgic"}
		p.times = []string{"dusk", "night", "golden hour", "morning"}
		p.views = []string{"wide", "eye level", "low angle"}
		p.colors = []string{"warm streetlight amber", "steel blue", "glassy blue-grey"}
		p.details = []string{"[people]Pedestrians hurry by, slightly blurred by motion.", "[night]Traffic leaves thin ribbons of light along the avenues."}
		p.negative = []string{"distorted perspective", "warped buildings"}
	}),
	"market": landscape.with(func(p *profile) {
		p.medium = "street scene"
		p.moods = []string{"lively", "joyful", "nostalgic"}
		p.times = []string{"night", "dusk", "morning"}
		p.views = []string{"eye level", "wide"}
		p.colors = []string{"lantern red", "warm gold", "spice orange"}
		p.details = []string{"Stalls overflow with food, fabric and trinkets, and wisps of steam rise from sizzling grills."}
		p.negative = []string{"distorted faces", "empty street"}
	}),
	"village": landscape.with(func(p *profile) {
		p.medium = "scene"
		p.moods = []string{"cozy", "serene", "nostalgic", "whimsical"}
		p.colors = []string{"weathered stone", "warm window light", "moss green"}
		p.details = []string{"[urban]Cobbled lanes wind between the houses, worn smooth by time.", "[night]Warm light glows in the small windows."}
	}),
	"interior": {
		light: "interior", medium: "interior scene",
		moods:    []string{"cozy", "serene", "nostalgic"},
		times:    []string{"morning", "afternoon", "golden hour", "night"},
		views:    []string{"eye level", "wide", "close-up"},
		colors:   []string{"warm wood brown", "soft cream", "muted sage"},
		details:  []string{"Small lived-in details, things left just where they were last used, make the room feel real."},
		negative: []string{"clutter", "distorted furniture"},
	},
	"architecture": landscape.with(func(p *profile) {
		p.medium = "scene"
		p.moods = []string{"majestic", "mysterious", "serene"}
		p.views = []string{"low angle", "wide", "eye level"}
		p.colors = []string{"weathered stone", "warm sandstone", "slate"}
		p.details = []string{"Every stone and window is crisply defined, weathered by centuries."}
		p.negative = []string{"warped lines", "distorted architecture"}
	}),
	"ruins": landscape.with(func(p *profile) {
		p.moods = []string{"mysterious", "melancholic", "majestic"}
		p.colors = []string{"weathered stone", "moss green", "dusty gold"}
		p.details = []string{"Vines and moss creep over the broken stones, slowly reclaiming them."}
	}),
	"road": landscape.with(func(p *profile) {
		p.moods = []string{"nostalgic", "solitary", "serene"}
		p.colors = []string{"sun-faded asphalt grey", "desert ochre", "big-sky blue"}
		p.details = []string{"The road runs on toward the horizon, promising a long journey ahead."}
	}),
	"vehicle": landscape.with(func(p *profile) {
		p.details = nil // the landscape's haze and stones are not the subject's
		p.medium = "scene"
		p.moods = []string{"nostalgic", "energetic", "serene"}
		p.views = []string{"wide", "eye level", "low angle"}
		p.colors = []string{"sky blue", "warm earth tones", "sunlit cream"}
		p.negative = []string{"deformed vehicle", "warped wheels"}
	}),
	"animal": landscape.with(func(p *profile) {
		p.details = nil // the landscape's haze and stones are not the subject's
		p.medium = "scene"
		p.moods = []string{"serene", "whimsical", "majestic"}
		p.views = []string{"eye level", "close-up", "wide"}
		p.colors = []string{"earthy brown", "soft green", "warm gold"}
		p.negative = []string{"extra limbs", "deformed anatomy", "extra tails"}
	}),
	"bird": landscape.with(func(p *profile) {
		p.details = nil // the landscape's haze and stones are not the subject's
		p.medium = "wildlife scene"
		p.moods = []string{"serene", "majestic", "joyful"}
		p.views = []string{"eye level", "close-up", "low angle"}
		p.colors = []string{"feather brown", "soft sky blue", "leaf green"}
		p.negative = []string{"extra wings", "deformed anatomy"}
	}),
	"insect": landscape.with(func(p *profile) {
		p.details = nil // the landscape's haze and stones are not the subject's
		p.medium = "macro study"
		p.moods = []string{"whimsical", "serene", "dreamy"}
		p.views = []string{"close-up"}
		p.colors = []string{"leaf green", "dewdrop silver", "petal pink"}
		p.negative = []string{"extra legs", "deformed anatomy"}
	}),
	"portrait": {
		light: "portrait", medium: "portrait",
		moods:    []string{"contemplative", "serene", "melancholic", "joyful"},
		times:    []string{"afternoon", "golden hour", "morning"},
		views:    []string{"portrait"},
		colors:   []string{"warm skin tones", "muted earth brown", "deep umber"},
		details:  []string{"The background stays simple and softly blurred, so nothing competes with the face."},
		negative: []string{"deformed hands", "extra fingers", "distorted face", "asymmetrical eyes", "plastic skin"},
	},
	"fashion": {
		light: "portrait", medium: "fashion photograph",
		moods:    []string{"romantic", "dramatic", "joyful"},
		views:    []string{"portrait", "eye level"},
		colors:   []string{"rich fabric tones", "soft neutral backdrop", "gold accents"},
		details:  []string{"The fabric's texture and drape show in fine detail."},
		negative: []string{"deformed hands", "extra fingers", "distorted face"},
	},
	"food": {
		light: "interior", medium: "food photograph",
		moods:    []string{"cozy", "joyful", "serene"},
		times:    []string{"morning", "afternoon", "golden hour", "night"},
		views:    []string{"close-up", "close-up", "eye level"},
		colors:   []string{"creamy white", "muted neutral tones", "gentle shadow grey"},
		details:  []string{"A few scattered crumbs and a folded linen napkin sit to one side, adding a lived-in touch."},
		negative: []string{"messy plate", "unappetizing", "plastic-looking food"},
	},
	"drink": {
		light: "interior", medium: "still life",
		moods:    []string{"cozy", "serene", "romantic"},
		times:    []string{"morning", "afternoon", "night"},
		views:    []string{"close-up", "eye level"},
		colors:   []string{"warm amber", "cream", "dark wood brown"},
		details:  []string{"A few droplets of condensation catch the light on the glass."},
		negative: []string{"spilled", "plastic-looking"},
	},
	"still life": {
		light: "interior", medium: "still life",
		moods:    []string{"contemplative", "serene", "nostalgic"},
		times:    []string{"afternoon", "morning", "night"},
		views:    []string{"close-up", "eye level"},
		colors:   []string{"muted ochre", "deep umber", "soft cream"},
		details:  []string{"[plural]The objects are carefully arranged, each one casting a soft, overlapping shadow.", "[!plural,!room]Set apart with space around {it}, {subj} casts one soft, clean shadow."},
		negative: []string{"clutter"},
	},
	// One everyday object shown for itself, as a catalogue shows it: a
	// mug, a hat, a backpack, a dress on a hanger.
	"product": {
		light: "interior", medium: "product photograph",
		moods:    []string{"serene", "joyful", "cozy"},
		times:    []string{"morning", "afternoon", "noon"},
		views:    []string{"close-up", "eye level"},
		colors:   []string{"clean white", "soft neutral backdrop", "gentle shadow grey"},
		details:  []string{"A soft shadow grounds it, and its material reads clearly: the weave, the glaze, the stitching, the grain."},
		negative: []string{"clutter", "busy background", "distorted shape"},
	},
	"music": {
		light: "interior", medium: "scene",
		moods:    []string{"lively", "romantic", "nostalgic"},
		times:    []string{"night", "dusk"},
		views:    []string{"eye level", "close-up"},
		colors:   []string{"warm stage amber", "deep burgundy", "smoky blue"},
		details:  []string{"You can almost hear the music hanging in the warm air."},
		negative: []string{"deformed hands", "extra fingers"},
	},
	"sports": landscape.with(func(p *profile) {
		p.medium = "action shot"
		p.moods = []string{"energetic", "dramatic", "joyful"}
		p.views = []string{"low angle", "eye level", "wide"}
		p.colors = []string{"team colors", "bright white", "grass green"}
		p.details = []string{"A fast shutter freezes the action at its peak, every drop and strand of hair sharp."}
		p.negative = []string{"deformed limbs", "extra fingers", "motion smear"}
	}),
	"festival": landscape.with(func(p *profile) {
		p.medium = "scene"
		p.moods = []string{"joyful", "lively", "romantic"}
		p.times = []string{"night", "dusk"}
		p.colors = []string{"festive red", "warm gold", "bright confetti colors"}
		p.details = []string{"Smiles, music and movement fill every corner."}
	}),
	"fantasy": landscape.with(func(p *profile) {
		p.medium = "fantasy scene"
		p.views = []string{"wide", "low angle", "eye level"}
		p.moods = []string{"epic", "whimsical", "mysterious", "majestic"}
		p.colors = []string{"enchanted gold", "deep emerald", "twilight violet"}
		p.details = []string{"Small magical touches, drifting motes of light and ancient carvings, reward a closer look."}
		p.negative = []string{"deformed anatomy", "modern objects"}
	}),
	"scifi": landscape.with(func(p *profile) {
		p.medium = "sci-fi scene"
		p.moods = []string{"epic", "mysterious", "energetic"}
		p.times = []string{"dusk", "night", "golden hour"}
		p.colors = []string{"cool steel", "holographic cyan", "warning orange"}
		p.details = []string{"Sleek surfaces, glowing panels and tiny lights hint at advanced technology."}
		p.negative = []string{"medieval objects"}
	}),
	"cyberpunk": landscape.with(func(p *profile) {
		p.medium = "cyberpunk scene"
		p.moods = []string{"mysterious", "lively", "ominous"}
		p.times = []string{"night"}
		p.weathers = []string{"rain", "rain", "fog", "clear"}
		p.colors = []string{"neon magenta", "electric cyan", "wet asphalt black"}
		p.details = []string{"Holographic ads flicker above the crowds, and cables snake between the buildings."}
	}),
	"steampunk": landscape.with(func(p *profile) {
		p.medium = "steampunk scene"
		p.moods = []string{"whimsical", "epic", "nostalgic"}
		p.colors = []string{"polished brass", "aged copper", "sepia brown"}
		p.details = []string{"Puffs of white steam drift from brass vents and tall chimneys."}
	}),
	"horror": landscape.with(func(p *profile) {
		p.moods = []string{"eerie", "ominous", "mysterious"}
		p.times = []string{"night", "dusk"}
		p.weathers = []string{"fog", "mist", "overcast", "storm"}
		p.colors = []string{"sickly green", "bone white", "deep shadow black"}
		p.details = []string{"Something seems to move just at the edge of sight."}
		p.negative = []string{"gore", "cheerful colors"}
	}),
	"abstract": {
		light: "abstract", medium: "abstract composition",
		moods:    []string{"dreamy", "energetic", "serene"},
		views:    []string{"eye level"},
		colors:   []string{"vivid cobalt", "warm vermilion", "soft cream"},
		details:  []string{"Shapes overlap and flow into one another, guiding the eye in a slow spiral."},
		negative: []string{"literal objects", "text"},
	},
	"savanna": landscape.with(func(p *profile) {
		p.moods = []string{"majestic", "serene", "epic"}
		p.weathers = []string{"clear", "clear", "cloudy"}
		p.colors = []string{"dry golden grass", "dusty ochre", "acacia green"}
		p.details = []string{"Dry golden grass stretches out under an enormous sky."}
	}),
	"industrial": landscape.with(func(p *profile) {
		p.moods = []string{"melancholic", "mysterious", "ominous"}
		p.colors = []string{"rust", "concrete grey", "oily black"}
		p.details = []string{"Rust streaks the metal, and puddles of oily water reflect the sky."}
	}),
	"toys": {
		light: "interior", medium: "miniature scene",
		moods:    []string{"whimsical", "joyful", "nostalgic"},
		times:    []string{"morning", "afternoon"},
		views:    []string{"close-up", "eye level"},
		colors:   []string{"candy red", "primary yellow", "toy-box blue"},
		details:  []string{"A shallow depth of field makes everything feel tiny and precious, like a miniature world."},
		negative: []string{"deformed", "dirty"},
	},
	// People doing something, or somewhere: seen whole, at eye level,
	// lit by the place they are in (place.go chooses it over "portrait").
	"people": {
		light: "outdoor", medium: "scene",
		moods:    []string{"serene", "joyful", "contemplative", "lively"},
		times:    []string{"afternoon", "morning", "noon", "golden hour"},
		views:    []string{"eye level", "eye level", "wide"},
		weathers: []string{"clear", "clear", "cloudy", "mist"},
		colors:   []string{"warm natural tones", "muted earth brown", "soft honey gold"},
		negative: []string{"deformed hands", "extra fingers", "distorted face"},
	},
	// Things set out in the open air: pumpkins on a porch, a teapot on a
	// garden wall. No table, no window, no plate.
	"outdoor still life": {
		light: "outdoor", medium: "scene",
		moods:    []string{"serene", "cozy", "nostalgic"},
		times:    []string{"afternoon", "morning", "golden hour"},
		views:    []string{"eye level", "close-up"},
		weathers: []string{"clear", "clear", "cloudy"},
		colors:   []string{"warm earth tones", "weathered wood", "soft honey gold"},
		negative: []string{"distorted shape"},
	},
	"historical": landscape.with(func(p *profile) {
		p.moods = []string{"nostalgic", "majestic", "mysterious"}
		p.colors = []string{"faded sepia", "weathered stone", "deep burgundy"}
	}),
}

// generic is the profile of an idea the lexicon could not place.
var generic = profile{
	light: "outdoor", medium: "image",
	moods:    []string{"dreamy", "whimsical", "serene", "mysterious"},
	times:    []string{"afternoon", "morning", "golden hour", "dusk"},
	views:    []string{"eye level", "close-up", "wide"},
	weathers: []string{"clear", "clear", "mist", "cloudy"},
	colors:   []string{"warm gold", "soft teal", "dusky rose", "cream"},
	details: []string{
		"Small, surprising details reward a closer look.",
		"The background is simple and softly blurred, so the subject stands out clearly.",
	},
}

// profileOf returns the profile for a domain.
func profileOf(domain string) profile {
	if p, ok := profiles[domain]; ok {
		return p
	}
	return generic
}

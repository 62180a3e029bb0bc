package builtin

// The writer's phrase tables: every sentence easel's offline writer can
// say, written for easel. Slots and [tags] are described in template.go.

// openings introduce the idea when it does not name the kind of picture.
// {idea} is the idea as typed, so every word of it is kept.
var openings = []string{
	"A {mood} {medium} of {idea}.",
	"Create a {mood}, {mood2} {medium} of {idea}.",
	"{Idea}, captured as a {mood} {medium}.",
	"Picture {idea}, {mood} and {mood2}.",
	"This {mood} {medium} shows {idea}.",
	"{Idea}, in a {mood}, {mood2} mood.",
	"Imagine {idea}: a {mood} {medium}, rich in atmosphere.",
	"An evocative, {mood} {medium} of {idea}.",
}

// framedOpenings introduce an idea that names the picture itself ("a
// watercolor painting of a harbor town").
var framedOpenings = []string{
	"{Idea}, {mood} and {mood2}.",
	"Create {idea} with a {mood}, {mood2} feel.",
	"{Idea}, with a {mood} atmosphere.",
	"Make {idea} that feels {mood} and {mood2}.",
	"{Idea}, {mood} in spirit and rich in detail.",
}

// longOpening is used when the idea is already a long description: it is
// kept whole as the first sentence, and the writer adds less.
var longOpening = "{Idea}."

// lights says how the scene is lit, by light context and time of day.
// Weather that changes the light has its own table below.
var lights = map[string][]string{
	"dawn": {
		"The first light of dawn spills over the horizon, washing everything in soft peach and gold.",
		"Pale dawn light creeps in low from the horizon, with long, gentle shadows and a thin haze in the air.",
		"The sun is only just rising, its low rays catching the edges of every shape while the shadows stay cool and blue.",
		"The sky brightens at daybreak, the light cool and clean, with a warm blush where the sun is about to appear.",
	},
	"morning": {
		"Clear morning sunlight falls at a gentle angle, crisp and fresh, with soft shadows.",
		"Bright morning light fills the air, clean and cool, picking out fine textures.",
		"Fresh morning sun slants across the scene, lighting the near side of every shape and leaving soft, bluish shadows.",
	},
	"noon": {
		"High midday sun floods the scene with bright, even light and short, crisp shadows.",
		"The noon sun stands high overhead, the light strong and clear, every color at full strength.",
		"Brilliant midday light pours straight down, bleaching the highlights and keeping the shadows small and sharp.",
	},
	"afternoon": {
		"Warm afternoon sunlight slants in from the side, giving every surface depth and a gentle glow.",
		"Soft late-afternoon light drifts across the scene, warm but not yet golden.",
		"Relaxed afternoon light falls from one side, long shadows just beginning to stretch out.",
	},
	"golden hour": {
		"Golden-hour sunlight pours in low and warm, gilding every edge and stretching the shadows long.",
		"The low sun of golden hour bathes everything in honeyed light, with a soft glow around each shape.",
		"Warm, raking golden light skims across the scene, outlining every shape with a glowing rim.",
	},
	"sunset": {
		"The sun is just touching the horizon, casting warm orange and pink light across the sky.",
		"A blazing sunset fills the sky, its last rays setting the clouds alight and throwing long shadows.",
		"The setting sun glows low on the horizon, backlighting everything in amber and rose.",
		"Sunset light pours in sideways, warm and golden, while the sky above deepens toward violet.",
	},
	"dusk": {
		"Dusk settles in, the last glow of the sun fading into deep blue twilight.",
		"The blue hour has arrived: soft, cool twilight with a thin band of warm light along the horizon.",
		"Twilight lingers, the light dim and even, the sky shading from peach at the horizon to deep indigo above.",
		"[urban]Dusk falls and the first lights flicker on, warm windows glowing against the deepening blue sky.",
	},
	"night": {
		"[!urban]Night has fallen, and cool moonlight silvers the edges while deep shadows pool in between.",
		"[!urban]Under a dark night sky, soft silver light picks out the shapes against the deep blue shadows.",
		"[!urban]The scene is lit by the pale glow of the night sky, quiet and blue, with gentle highlights and deep shadows.",
		"[urban]Night has fallen, and warm lamplight and glowing windows light the scene against the dark sky.",
		"[urban]After dark, pools of warm light from lamps and windows spill across the scene, surrounded by cool blue shadow.",
	},
}

// weatherLights replace the time-of-day light when the weather changes it.
var weatherLights = map[string][]string{
	"storm": {
		"[!night]Heavy storm clouds churn overhead, letting through only a cold, silvery light.",
		"[!night]The light is dark and dramatic under a bruised storm sky, broken by bright shafts where the clouds tear open.",
		"[night]Lightning tears through the dark storm clouds, lighting the scene in brief, harsh flashes of white light.",
		"[night]The stormy night is almost black, lit only in stark flashes of light and a few desperate glows.",
	},
	"rain": {
		"[!night]Soft rain falls through diffused grey light, and every wet surface holds a sheen of reflected color.",
		"[!night]The light is soft and silvery under the rain clouds, with no hard shadows anywhere.",
		"[night,urban]Rain streaks through the glow of the lights, and every wet surface mirrors their warm light.",
		"[night]Rain falls through the darkness, catching what little light there is in silver streaks.",
	},
	"snow": {
		"[!night]Snow falls gently through soft, diffused light, muffling every sound and softening every edge.",
		"[!night]The light is pale and even behind the falling snow, bright but without a single hard shadow.",
		"[night]Snowflakes drift through the dark, glittering wherever the warm light catches them.",
	},
	"wind": {
		"[!night,!lowsun]Restless light flickers across the scene as the wind drives ragged clouds overhead.",
		"[!night,!lowsun]Bright, broken light races over everything, the wind tearing gaps in the clouds.",
		"[night]The wind drives torn clouds across the dark sky, and what light there is shivers and shifts.",
	},
	"fog": {
		"[!night]A thick fog softens the light into a pale, even glow, and shapes dissolve into the distance.",
		"[lowsun,!night]Low sunlight filters through the fog in soft, glowing shafts of light.",
		"[night]Fog swallows the night, each light source blooming into a soft, haloed glow.",
	},
	"mist": {
		"Fine mist hangs in the air, diffusing the light into a soft, pearly glow and layering the distance in haze.",
		"[lowsun,!night]Shafts of warm light cut through the drifting mist, turning it luminous.",
		"[!night]Soft light diffuses through the mist, so the near shapes are crisp and the far ones fade to pale silhouettes.",
	},
	"overcast": {
		"[!night]An overcast sky spreads soft, shadowless light evenly across the scene, muting the colors into gentle tones.",
		"[!night]The light is flat and soft under a blanket of cloud, calm and a little moody.",
		"[night]A low blanket of cloud smothers the last of the light, and soft shapes fade into deep shadow, lit only by faint, scattered glows.",
		"[night]Under a heavy, overcast sky the light is dim and muted, with a few warm glows breaking the gloom.",
	},
}

// contextLights light scenes that have no sky: interiors, portraits,
// underwater and space.
var contextLights = map[string][]string{
	"interior": {
		"[!night,!wet]Soft daylight pours in through a nearby window, falling across the scene in a gentle gradient of light and shadow.",
		"[!night]Diffused window light from one side models every shape softly, with quiet shadows on the other.",
		"[lowsun,!night,!wet]Warm, low sunlight slants in through the window, laying long golden stripes of light across the room.",
		// Not every room is lit by its window: a kitchen counter, a desk
		// or a plate close up is lit by the day itself.
		"[!night,!wet,!lowsun]Soft, even daylight falls across {subj} from one side, the shadows gentle and short.",
		"[day,!wet]Bright, indirect daylight lifts every color, with only faint shadows beneath.",
		"[!night,!room]Soft light from above and to one side models {subj} gently, leaving a quiet shadow beneath {it}.",
		"[wet,!night]Rain streaks the windows, and the light inside is soft, grey and close, warmed here and there by a lamp.",
		"[night]Warm lamplight glows from one side, leaving the corners in soft, cozy shadow.",
		"[night]The only light comes from a warm lamp nearby, a soft amber glow against the dark.",
	},
	// A studio shot: the backdrop is seamless and the light is the
	// photographer's, whatever the time of day.
	"studio": {
		"Soft, even studio light wraps around {subj}, leaving a gentle shadow beneath and no harsh highlights.",
		"A large softbox to one side models {subj} with clean, diffused light, {its} shadow falling softly on the seamless backdrop.",
		"Bright, even studio lighting keeps the backdrop clean and every edge of {subj} crisp, with one soft shadow to ground it.",
	},
	"portrait": {
		"Soft, directional light falls across the face from one side, revealing every line and texture.",
		"Gentle window light models the features, with a warm catchlight in the eyes and soft shadow on the far cheek.",
		"[lowsun,!night]Low golden sunlight lights the face from the side, warm and flattering, with a glowing rim of light on the hair.",
		"[night]A single warm light source sculpts the face out of the darkness, like a Rembrandt portrait.",
	},
	"underwater": {
		"[!night]Shafts of sunlight filter down from the surface, rippling across the water in shifting beams of light.",
		"[!night]Soft blue light glows from above and fades to deep indigo below, with bright caustics dancing across every surface.",
		"[night]Only a faint bioluminescent glow lights the dark water, soft blue and violet.",
	},
	// Light from a flame the idea names: a candle, a fireplace, a campfire.
	"firelight": {
		"Warm firelight flickers across {subj}, the glow fading into soft, deep shadow at the edges.",
		"The only light is the warm, dancing glow of the flames, amber on {subj} and dark all around.",
		"Flickering firelight paints {subj} in amber and orange, with long, soft shadows behind.",
	},
	// Neon the idea names, on a person or indoors.
	"neon": {
		"Neon light washes over {subj} in pink and cyan, with deep shadows pooled between the glows.",
		"Colored neon glow rims {subj}, magenta on one side and electric blue on the other.",
	},
	// Lighting the idea names by its kind.
	"dramatic light": {
		"Hard, dramatic light falls from one side, carving {subj} out of deep shadow.",
		"A single strong light sculpts {subj} in bold contrast, half in glow and half in darkness.",
	},
	"cinematic": {
		"Cinematic lighting shapes {subj}: a soft key light from one side, deep shadows and a thin rim of light along the edges.",
		"The light is cinematic, a warm key on {subj} against cooler shadows, with a gentle glow separating {it} from the background.",
	},
	"backlit": {
		"Backlit, {subj} glow{s} at the edges, a bright rim of light tracing every outline against the darker background.",
		"The light comes from behind {subj}, haloing {its} outline while the near side rests in soft shadow.",
	},
	"rays": {
		"Shafts of light slant through the air around {subj}, bright beams cutting through the soft haze.",
		"Visible rays of light pour down across {subj}, glowing where they catch the drifting dust and mist.",
	},
	// Light that invents nothing: no sun, no window, no lamp. For a
	// scene whose idea says neither where nor when.
	"soft": {
		"Soft, natural light falls across {subj}, with gentle shadows that give every shape its form.",
		"Even, gentle light models {subj}, the shadows soft and the details clear.",
	},
	"abstract": {
		"Light seems to come from within the shapes themselves, each color glowing against its neighbors.",
		"Soft, even light falls across the surface, so every edge and overlap reads clearly.",
		"Flat, even light keeps the shapes crisp, with a faint glow where the brightest colors meet.",
	},
	"space": {
		"Harsh, clean light from a distant star falls from one side, leaving crisp black shadows on every shape.",
		"The glow of a distant sun rims every shape with a thin line of bright light against the black of space.",
		"Soft reflected light from the planet below fills the shadows with a cool glow, while the far side stays dark.",
	},
}

// colorLines speak of the palette; {c1}..{c3} are colour phrases.
var colorLines = []string{
	"The palette blends {c1}, {c2} and {c3}.",
	"Colors range from {c1} to {c2}, with touches of {c3}.",
	"{C1} and {c2} dominate the palette, set off by small accents of {c3}.",
	"The color scheme rests on {c1} and {c2}, with {c3} in the shadows.",
	"Hues of {c1} and {c2} wash across the picture, balanced by {c3}.",
	"A harmonious palette of {c1}, {c2} and {c3} ties everything together.",
	"{C1} and {c2} carry most of the palette, with softer touches of {c3}.",
	"Expect {c1} and {c2} throughout the palette, with a few carefully placed touches of {c3}.",
	"The colors stay in a tight family of {c1}, {c2} and {c3}.",
}

// monoColorLines replace colorLines for monochrome media.
var monoColorLines = []string{
	"The tones run from {c1} to {c2}, with {c3} in the deepest shadows.",
	"A restrained palette of {c1}, {c2} and {c3} keeps the focus on form and light.",
}

// compositions place the subject, by view.
var compositions = map[string][]string{
	"wide": {
		"[@offcenter,outdoor]A wide composition places {subj} on the left third of the frame, with {bg} stretching into the distance.",
		"[@offcenter]{Subj} sit{s} slightly off-center in a wide, balanced frame, with a clear foreground, middle ground and background.",
		"[outdoor]The composition is wide and open, with a low horizon and generous space above {subj}.",
		"Leading lines draw the eye from the foreground toward {subj}, set against {bg}.",
		"[@offcenter]{Subj} anchor{s} the right third of the frame, balanced by open space on the left.",
	},
	"aerial": {
		"Seen from high above, the composition reads like a map, with {subj} at its center and clear patterns all around.",
		"A bird's-eye view flattens the scene into bold shapes, with {subj} framed by the patterns around {it}.",
		"The camera looks down from high above, turning {subj} into a strong graphic shape within the frame.",
		"An aerial view from a drone's height shows {subj} whole, with {its} surroundings spreading out to the edges of the frame.",
	},
	"close-up": {
		"A tight close-up fills the frame with {subj}, the background falling away into a soft blur.",
		"Framed up close with a shallow depth of field, {subj} stand{s} sharp against a creamy, out-of-focus background.",
		"The composition stays intimate and close, cropping in on {subj} so every texture reads clearly.",
		"A low, close viewpoint brings {subj} right up to the viewer, with the background melting into soft bokeh.",
	},
	"portrait": {
		"[@offcenter]Framed from the chest up, the portrait keeps {subj} slightly off-center against a softly blurred background.",
		"A classic portrait composition, close and at eye level, with shallow depth of field and the eyes in sharp focus.",
		"The frame is tight and vertical, with {subj} filling most of it and the background kept simple and dark.",
		"A head-and-shoulders composition places the eyes on the upper third line of the frame, the background dissolving into soft blur.",
	},
	"eye level": {
		"Shot at eye level, the composition feels natural and immediate, with {subj} in the middle ground and {bg} behind.",
		"[@offcenter]An eye-level view invites the viewer straight in, with {subj} placed on a third line of the frame.",
		"The camera sits at eye level, close enough to feel present, with {subj} framed by soft foreground shapes.",
		"A steady, eye-level composition centers {subj}, with a gentle depth of field separating {it} from {bg}.",
		"Framed at eye level with a natural perspective, {subj} fill{s} the middle of the picture while the edges fall softly out of focus.",
	},
	// "room" is not a view: it frames a room the picture is inside.
	"room": {
		"Seen from the doorway at eye level, the composition takes in {subj} whole, from the near floor to the far wall.",
		"The camera stands in one corner, so the walls lead the eye across {subj} toward the far side.",
		"A wide view from just inside the door shows {subj} in clear layers, near furniture to far wall.",
		"Framed straight on at eye level, floor, walls and ceiling make a calm, balanced box around everything in {subj}.",
	},
	// "abstract" is not a view: it places an abstract work, which has no
	// horizon, camera or background.
	"abstract": {
		"The composition balances large, calm fields of color against small, busy clusters of shapes, with no horizon and no single focal point.",
		"Shapes repeat and turn across the frame in a steady rhythm, leading the eye from one corner to the other.",
		"A bold diagonal cuts through the composition, with the densest shapes gathered near the center of the frame.",
		"The pattern fills the frame edge to edge, spilling past the borders as if it carried on beyond the picture.",
	},
	"low angle": {
		"A low camera angle makes {subj} loom large in the frame, giving the picture a strong sense of scale.",
		"Looking up from below, the composition gives {subj} a heroic presence, with strong diagonals leading upward.",
		"Shot from a low vantage point, {subj} rise{s} against the sky, framed by dark foreground shapes.",
		"The camera looks up at {subj} from near the ground, exaggerating {its} height and drama within the frame.",
	},
}

// moods are the words and closing lines of each mood.
type mood struct {
	adjs    []string // for {mood} and {mood2}
	nouns   []string // for {moodnoun} and {moodnoun2}
	closers []string // mood-specific closing sentences
}

var moods = map[string]mood{
	"serene": {
		adjs:    []string{"tranquil", "serene", "peaceful", "calm", "unhurried", "hushed"},
		nouns:   []string{"serenity", "stillness", "peace", "calm"},
		closers: []string{"The mood is peaceful and unhurried, a moment of perfect stillness.", "Everything feels hushed and calm, as if time has paused."},
	},
	"cozy": {
		adjs:    []string{"cozy", "warm", "inviting", "snug", "homely"},
		nouns:   []string{"warmth", "comfort", "shelter", "coziness"},
		closers: []string{"[!outdoor]The atmosphere is warm and inviting, the feeling of being safe inside while the world waits outside.", "[!thing]It feels snug and welcoming, a place anyone would want to step into."},
	},
	"dramatic": {
		adjs:    []string{"dramatic", "powerful", "intense", "striking", "bold"},
		nouns:   []string{"drama", "power", "tension", "raw energy"},
		closers: []string{"The mood is dramatic and charged, full of raw energy.", "Everything feels tense and powerful, caught at the height of the moment."},
	},
	"eerie": {
		adjs:    []string{"eerie", "uncanny", "haunting", "unsettling", "ghostly"},
		nouns:   []string{"unease", "mystery", "eeriness", "silence"},
		closers: []string{"The atmosphere is eerie and still, as if something unseen is watching.", "A quiet, uncanny tension hangs over everything."},
	},
	"joyful": {
		adjs:    []string{"joyful", "cheerful", "bright", "lighthearted", "happy"},
		nouns:   []string{"joy", "delight", "cheer", "lightness"},
		closers: []string{"[!night]The mood is bright and joyful, full of easy delight.", "It feels cheerful and light, a picture that makes people smile."},
	},
	"melancholic": {
		adjs:    []string{"melancholic", "wistful", "quiet", "bittersweet", "pensive"},
		nouns:   []string{"melancholy", "longing", "wistfulness", "solitude"},
		closers: []string{"The mood is wistful and bittersweet, tinged with quiet longing.", "A gentle melancholy lingers over everything."},
	},
	"mysterious": {
		adjs:    []string{"mysterious", "enigmatic", "secretive", "shadowy", "mystical"},
		nouns:   []string{"mystery", "intrigue", "secrecy", "wonder"},
		closers: []string{"The atmosphere is mysterious, hinting at a story just out of sight.", "Much is left in shadow, inviting the viewer to wonder what lies beyond."},
	},
	"epic": {
		adjs:    []string{"epic", "grand", "sweeping", "monumental", "heroic"},
		nouns:   []string{"grandeur", "wonder", "awe", "majesty"},
		closers: []string{"The mood is epic and sweeping, full of scale and awe.", "It feels grand and heroic, like the opening shot of a legend."},
	},
	"lively": {
		adjs:    []string{"lively", "bustling", "vibrant", "energetic", "animated"},
		nouns:   []string{"energy", "bustle", "life", "vibrancy"},
		closers: []string{"The atmosphere is lively and full of motion, buzzing with life.", "Everything hums with energy, noise and color."},
	},
	"romantic": {
		adjs:    []string{"romantic", "tender", "dreamy", "intimate", "gentle"},
		nouns:   []string{"romance", "tenderness", "intimacy", "warmth"},
		closers: []string{"The mood is romantic and tender, soft as a remembered evening.", "It feels intimate and gentle, made for two."},
	},
	"nostalgic": {
		adjs:    []string{"nostalgic", "timeless", "wistful", "old-fashioned", "sentimental"},
		nouns:   []string{"nostalgia", "memory", "timelessness", "sentiment"},
		closers: []string{"[!snowy]The mood is warm and nostalgic, like a memory from a long-ago summer.", "It feels timeless, a moment pulled from an old family album."},
	},
	"whimsical": {
		adjs:    []string{"whimsical", "magical", "playful", "enchanting", "storybook"},
		nouns:   []string{"wonder", "magic", "enchantment", "delight"},
		closers: []string{"The mood is whimsical and enchanting, straight out of a storybook.", "Everything feels a little magical, full of gentle wonder."},
	},
	"dreamy": {
		adjs:    []string{"dreamy", "ethereal", "dreamlike", "otherworldly", "soft"},
		nouns:   []string{"reverie", "wonder", "dreaminess", "otherworldliness"},
		closers: []string{"The mood is dreamy and ethereal, halfway between waking and sleep.", "It feels otherworldly and soft, like a half-remembered dream."},
	},
	"majestic": {
		adjs:    []string{"majestic", "breathtaking", "awe-inspiring", "grand", "magnificent"},
		nouns:   []string{"majesty", "awe", "grandeur", "splendor"},
		closers: []string{"The mood is majestic and awe-inspiring, humbling in its scale.", "It feels magnificent and timeless, a view to stop anyone in their tracks."},
	},
	"solitary": {
		adjs:    []string{"solitary", "lonely", "quiet", "isolated", "contemplative"},
		nouns:   []string{"solitude", "isolation", "stillness", "quiet"},
		closers: []string{"The mood is solitary and quiet, a single presence in a vast, still world.", "A sense of solitude fills the picture, calm rather than sad."},
	},
	"ominous": {
		adjs:    []string{"ominous", "foreboding", "brooding", "menacing", "somber"},
		nouns:   []string{"foreboding", "dread", "menace", "tension"},
		closers: []string{"The mood is ominous and brooding, heavy with something about to happen.", "A sense of foreboding hangs over everything."},
	},
	"contemplative": {
		adjs:    []string{"contemplative", "thoughtful", "reflective", "quiet", "introspective"},
		nouns:   []string{"reflection", "thoughtfulness", "quiet dignity", "stillness"},
		closers: []string{"The mood is quiet and contemplative, inviting a long, slow look.", "It feels thoughtful and deeply human, full of unspoken stories."},
	},
	"energetic": {
		adjs:    []string{"energetic", "dynamic", "vivid", "kinetic", "exhilarating"},
		nouns:   []string{"energy", "momentum", "speed", "excitement"},
		closers: []string{"The mood is dynamic and exhilarating, full of momentum.", "[!night]Everything feels fast, bright and alive."},
	},
}

// closers work for any mood.
var closers = []string{
	"Capture the {moodnoun} and {moodnoun2} of this moment.",
	"[quiet]The whole scene feels {mood} and {mood2}, asking the viewer to linger.",
	"[quiet]The atmosphere is {mood}, filled with a gentle sense of {moodnoun}.",
	"Above all, the picture should convey a mood of {moodnoun}.",
	"The overall feeling is {mood} and {mood2}, with {moodnoun} at its heart.",
	"Let the mood be {mood} and {mood2}, full of {moodnoun}.",
	"It should feel {mood}, with an undertone of {moodnoun}.",
}

// styleInfo describes a medium or style.
type styleInfo struct {
	medium   string   // the noun for {medium}
	lines    []string // sentences about technique
	keywords []string
	negative []string
	colors   []string // colours the style brings
	mono     bool     // monochrome: speak of tones rather than hues
}

var styles = map[string]styleInfo{
	"photo": {
		medium:   "photograph",
		lines:    []string{"Shot like a professional photograph, with natural detail, accurate light and a crisp, realistic finish.", "Photorealistic detail, a sharp lens and a hint of natural grain make it feel like a real moment caught on camera."},
		keywords: []string{"photorealistic", "sharp focus", "natural light"},
		negative: []string{"cartoon", "illustration", "painting", "3d render"},
	},
	"film photo": {
		medium:   "film photograph",
		lines:    []string{"It has the look of analog film: soft grain, slightly faded colors and gentle halation around the highlights.", "Shot on 35mm film, with organic grain, warm color shifts and a softly imperfect focus."},
		keywords: []string{"35mm film photo", "film grain", "analog"},
		negative: []string{"digital look", "oversharpened", "cartoon"},
	},
	"watercolor": {
		medium:   "watercolor painting",
		lines:    []string{"Loose, transparent watercolor washes bleed softly into one another, leaving the white of the paper to carry the brightest light.", "Painted in delicate watercolor, with soft wet edges, visible paper texture and a few crisp brushstrokes for detail."},
		keywords: []string{"watercolor painting", "soft washes", "paper texture"},
		negative: []string{"photograph", "3d render", "harsh outlines"},
	},
	"oil": {
		medium:   "oil painting",
		lines:    []string{"Rich oil paint with visible, textured brushstrokes gives the surfaces depth and weight.", "Painted in thick, buttery oils, with confident brushwork and glowing, layered color."},
		keywords: []string{"oil painting", "visible brushstrokes", "impasto"},
		negative: []string{"photograph", "3d render", "flat colors"},
	},
	"painting": {
		medium:   "painting",
		lines:    []string{"Painted with visible brushwork and layered color, like a finished gallery piece.", "The paint is handled with confidence: soft blending in the distance, bolder strokes up close."},
		keywords: []string{"fine art painting", "painterly brushwork"},
		negative: []string{"photograph", "3d render"},
	},
	"gouache": {
		medium:   "gouache painting",
		lines:    []string{"Matte gouache with flat, opaque shapes and soft edges gives it a handmade, illustrative feel."},
		keywords: []string{"gouache painting", "matte texture"},
		negative: []string{"photograph", "glossy"},
	},
	"impressionist": {
		medium:   "impressionist painting",
		lines:    []string{"Loose impressionist brushstrokes of broken color capture the flicker of light rather than fine detail."},
		keywords: []string{"impressionist painting", "broken color", "loose brushwork"},
		negative: []string{"photograph", "hard edges"},
	},
	"pencil sketch": {
		medium:   "pencil sketch",
		lines:    []string{"Drawn in graphite pencil, with careful hatching for the shadows and fine, confident lines for the details.", "The pencil work is loose at the edges and precise at the center, with smudged graphite shading."},
		keywords: []string{"pencil sketch", "graphite", "cross-hatching"},
		negative: []string{"color", "photograph", "painting"},
		colors:   []string{"soft graphite grey", "warm paper white", "deep charcoal black"},
		mono:     true,
	},
	"ink": {
		medium:   "ink drawing",
		lines:    []string{"Rendered in flowing ink lines and washes, bold in the darks and airy in the light areas."},
		keywords: []string{"ink drawing", "ink wash", "brush pen"},
		negative: []string{"photograph", "3d render"},
		colors:   []string{"deep ink black", "paper white", "soft wash grey"},
		mono:     true,
	},
	"woodblock": {
		medium:   "woodblock print",
		lines:    []string{"Styled as a traditional woodblock print, with bold outlines, flat areas of color and subtle paper grain.", "Carved-looking lines and flat, layered color give it the charm of a classic ukiyo-e print."},
		keywords: []string{"woodblock print", "ukiyo-e", "flat color"},
		negative: []string{"photograph", "3d render", "gradients"},
		colors:   []string{"indigo", "vermilion", "washed ochre"},
	},
	"pixel art": {
		medium:   "pixel art scene",
		lines:    []string{"Rendered as crisp pixel art with a limited palette, clean pixel clusters and no blur.", "Every shape is built from sharp, deliberate pixels, like a lovingly made retro game screen."},
		keywords: []string{"pixel art", "16-bit", "limited palette"},
		negative: []string{"blurry", "anti-aliasing", "smooth gradients", "photograph"},
	},
	"synthwave": {
		medium:   "synthwave artwork",
		lines:    []string{"The synthwave style adds glowing neon outlines, a retro grid and a gradient sky in hot pink and electric blue.", "Eighties synthwave styling brings chrome highlights, neon glow and a vast glowing grid."},
		keywords: []string{"synthwave", "retrowave", "neon glow"},
		negative: []string{"muted colors", "photograph"},
		colors:   []string{"hot magenta", "electric cyan", "deep purple"},
	},
	"flat vector": {
		medium:   "flat vector illustration",
		lines:    []string{"Drawn as a clean flat vector illustration, with simple geometric shapes, smooth fills and no texture."},
		keywords: []string{"flat vector illustration", "clean shapes", "minimal"},
		negative: []string{"photograph", "texture", "noise", "3d render"},
	},
	"low poly": {
		medium:   "low-poly render",
		lines:    []string{"Built from faceted low-poly shapes, each flat triangle catching the light differently."},
		keywords: []string{"low poly", "faceted", "geometric"},
		negative: []string{"photograph", "smooth surfaces"},
	},
	"3d render": {
		medium:   "3D render",
		lines:    []string{"Rendered in 3D with physically based materials, soft global illumination and crisp detail.", "A polished 3D render, with clean materials, soft ambient occlusion and a gentle depth of field."},
		keywords: []string{"3d render", "octane render", "global illumination"},
		negative: []string{"flat", "sketch", "painting"},
	},
	"anime": {
		medium:   "anime illustration",
		lines:    []string{"Drawn in an anime style, with clean line work, cel shading and luminous, painterly backgrounds."},
		keywords: []string{"anime style", "cel shading", "detailed background"},
		negative: []string{"photograph", "3d render", "western cartoon"},
	},
	"comic": {
		medium:   "comic book panel",
		lines:    []string{"Inked like a comic book panel, with bold outlines, dynamic shading and punchy flat colors."},
		keywords: []string{"comic book style", "bold ink lines", "halftone"},
		negative: []string{"photograph", "blurry"},
	},
	"cartoon": {
		medium:   "cartoon illustration",
		lines:    []string{"Drawn in a playful cartoon style, with rounded shapes, bold outlines and bright, friendly colors."},
		keywords: []string{"cartoon style", "bold outlines"},
		negative: []string{"photograph", "realistic"},
	},
	"art nouveau": {
		medium:   "art nouveau illustration",
		lines:    []string{"Framed by flowing art nouveau curves and ornamental borders, with elegant, organic line work."},
		keywords: []string{"art nouveau", "ornamental border", "flowing lines"},
		negative: []string{"photograph", "3d render"},
	},
	"art deco": {
		medium:   "art deco poster",
		lines:    []string{"Designed in a bold art deco style, with geometric symmetry, gold accents and clean, elegant lines."},
		keywords: []string{"art deco", "geometric", "gold accents"},
		negative: []string{"photograph", "messy"},
		colors:   []string{"polished gold", "jet black", "deep teal"},
	},
	"pop art": {
		medium:   "pop art print",
		lines:    []string{"Styled as pop art, with halftone dots, thick outlines and bold, flat blocks of color."},
		keywords: []string{"pop art", "halftone dots", "bold colors"},
		negative: []string{"photograph", "muted colors"},
	},
	"stained glass": {
		medium:   "stained glass window",
		lines:    []string{"Composed like a stained glass window, with glowing panes of color separated by dark lead lines."},
		keywords: []string{"stained glass", "lead lines", "glowing color"},
		negative: []string{"photograph"},
	},
	"mosaic": {
		medium:   "mosaic",
		lines:    []string{"Built from small tiles of color like an ancient mosaic, catching the light unevenly across the surface."},
		keywords: []string{"mosaic", "tiles", "tesserae"},
		negative: []string{"photograph", "smooth"},
	},
	"papercut": {
		medium:   "paper-cut artwork",
		lines:    []string{"Made of layered cut paper, with crisp edges, soft shadows between the layers and a handmade feel."},
		keywords: []string{"layered paper cut", "paper craft", "depth"},
		negative: []string{"photograph", "flat"},
	},
	"claymation": {
		medium:   "claymation scene",
		lines:    []string{"Sculpted in clay like a stop-motion set, with soft fingerprints in the surfaces and a miniature charm."},
		keywords: []string{"claymation", "stop motion", "handmade"},
		negative: []string{"photograph", "flat"},
	},
	"digital painting": {
		medium:   "digital painting",
		lines:    []string{"Painted digitally with cinematic detail, soft blending and crisp highlights, like polished concept art."},
		keywords: []string{"digital painting", "concept art", "cinematic"},
		negative: []string{"photograph", "sketchy"},
	},
	"illustration": {
		medium:   "illustration",
		lines:    []string{"Drawn as a storybook illustration, with gentle line work, soft texture and warm, inviting color."},
		keywords: []string{"storybook illustration", "soft texture"},
		negative: []string{"photograph", "3d render"},
	},
	"minimalist": {
		medium:   "minimalist artwork",
		lines:    []string{"Kept minimalist, with clean negative space, a few simple shapes and a restrained palette."},
		keywords: []string{"minimalist", "negative space", "simple shapes"},
		negative: []string{"cluttered", "busy background"},
	},
	"isometric": {
		medium:   "isometric illustration",
		lines:    []string{"Shown in a tidy isometric view, like a detailed miniature diorama."},
		keywords: []string{"isometric", "diorama", "miniature"},
		negative: []string{"perspective distortion", "photograph"},
	},
	"line art": {
		medium:   "line drawing",
		lines:    []string{"Drawn in clean, continuous line art on a plain background, with almost no shading."},
		keywords: []string{"line art", "clean lines"},
		negative: []string{"shading", "photograph", "color"},
		colors:   []string{"crisp black", "paper white", "light grey"},
		mono:     true,
	},
	"noir": {
		medium:   "noir photograph",
		lines:    []string{"Treated like film noir, with hard shadows, high contrast and a moody, smoky atmosphere."},
		keywords: []string{"film noir", "high contrast", "black and white"},
		negative: []string{"color", "flat lighting"},
		colors:   []string{"inky black", "silver grey", "stark white"},
		mono:     true,
	},
	"surrealist": {
		medium:   "surrealist painting",
		lines:    []string{"A surrealist touch bends reality: scale and logic shift quietly, like a scene from a dream."},
		keywords: []string{"surrealism", "dreamlike", "impossible scale"},
		negative: []string{"mundane", "photograph"},
	},
	"abstract": {
		medium:   "abstract artwork",
		lines:    []string{"Treated abstractly, with shapes and fields of color suggesting the subject rather than describing it."},
		keywords: []string{"abstract art", "bold shapes", "color fields"},
		negative: []string{"photograph", "literal"},
	},
}

// shades turn a person's colour word into a colour phrase.
var shades = map[string][]string{
	"red":        {"deep red", "rich crimson", "warm red"},
	"orange":     {"glowing orange", "burnt orange", "warm tangerine"},
	"yellow":     {"sunny yellow", "golden yellow", "buttery yellow"},
	"green":      {"lush green", "fresh green", "deep green"},
	"blue":       {"deep blue", "clear sky blue", "soft cobalt"},
	"purple":     {"soft violet", "deep purple", "dusky lavender"},
	"pink":       {"soft pink", "rosy pink", "blush pink"},
	"white":      {"clean white", "soft ivory", "pearly white"},
	"black":      {"inky black", "deep black", "velvety black"},
	"grey":       {"soft grey", "slate grey", "silvery grey"},
	"brown":      {"warm brown", "earthy brown", "chestnut brown"},
	"gold":       {"burnished gold", "warm gold", "honeyed gold"},
	"silver":     {"cool silver", "pale silver", "moonlit silver"},
	"teal":       {"bright turquoise", "deep teal", "clear aqua"},
	"emerald":    {"emerald green", "jewel-like emerald", "deep jade"},
	"amber":      {"warm amber", "honey amber", "glowing amber"},
	"copper":     {"burnished copper", "warm brass", "aged bronze"},
	"rust":       {"rusty red", "burnt ochre", "terracotta"},
	"pastel":     {"soft pastel pink", "pastel mint", "powder blue"},
	"monochrome": {"pure black", "soft grey", "clean white"},
	"colorful":   {"vivid rainbow hues", "bright primary colors", "saturated jewel tones"},
	"peach":      {"pale peach", "soft apricot", "warm peach"},
}

// timeColors, weatherColors, seasonColors and domainColors are colour
// phrases that suit a scene when the person named none. timeColors are the
// colours of the light and sky only: green is the land's, and a polar bear
// on snow or a desert has none.
var timeColors = map[string][]string{
	"dawn":        {"pale peach", "soft lavender", "pearl grey", "warm gold"},
	"morning":     {"clear sky blue", "soft white", "pale gold"},
	"noon":        {"saturated blue", "bright white", "deep shadow"},
	"afternoon":   {"warm ochre", "soft blue", "mellow gold"},
	"golden hour": {"honey gold", "warm amber", "dusty rose", "cool slate blue"},
	"sunset":      {"burnt orange", "coral pink", "deep violet", "glowing amber"},
	"dusk":        {"deep blue", "soft violet", "dusky rose", "warm amber"},
	"night":       {"midnight blue", "cool silver", "deep indigo", "warm amber"},
}

// fireColors are the colours of firelight.
var fireColors = []string{"warm amber", "ember orange", "deep shadow brown", "candle gold"}

var weatherColors = map[string][]string{
	"storm":    {"slate grey", "steel blue", "charcoal", "stormy teal"},
	"rain":     {"wet grey", "muted teal", "silvery blue"},
	"snow":     {"snow white", "icy blue", "pale silver"},
	"fog":      {"pearl grey", "muted sage", "soft white"},
	"mist":     {"pearl grey", "soft blue-green", "pale silver"},
	"overcast": {"muted grey", "soft sage", "dusty blue"},
}

// elementColors are the colours of what blooms or glows in a scene, put
// before the place's own.
var elementColors = map[string][]string{
	"flowers":         {"tulip red", "sunny yellow", "petal pink"},
	"sunflowers":      {"sunflower yellow", "leaf green"},
	"cherry blossoms": {"blossom pink", "soft white"},
	"autumn leaves":   {"burnt orange", "rust", "ochre"},
	"lanterns":        {"lantern red", "warm gold"},
	"neon":            {"neon magenta", "electric cyan"},
}

// groundColors are the colours of what covers the ground, which replace
// the place's own: a polar bear on snow is not set in the animal domain's
// soft green.
var groundColors = map[string][]string{
	"snow": {"snow white", "icy blue", "pale silver"},
	"ice":  {"icy blue", "glacial white", "pale silver"},
}

// nightColors are colours of artificial light, which only read after dark.
var nightColors = map[string]bool{
	"warm window light": true, "warm streetlight amber": true, "warm stage amber": true,
}

var seasonColors = map[string][]string{
	"spring": {"blossom pink", "fresh green", "soft white"},
	"summer": {"vivid green", "sunny yellow", "bright sky blue"},
	"autumn": {"rust", "burnt orange", "ochre", "deep crimson"},
	"winter": {"snow white", "icy blue", "pale silver"},
}

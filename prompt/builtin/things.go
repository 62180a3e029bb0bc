package builtin

// subjectLines describe a subject the person named, keyed by the
// lexicon's canonical name (scene.Key) or, failing that, by its element.
// {subj} is the subject ("the old lighthouse"); {s}, {is}, {its}, {it}
// agree with it.
var subjectLines = map[string][]string{
	// "*" describes a subject the tables do not know ("a blorp zizzle").
	"*": {
		"{Subj} {is} the clear focal point, sharply in focus.",
		"[!offcenter]{Subj} sit{s} at the heart of the picture, sharply in focus.",
	},
	// rooms: "library" and "fireplace" are looked up by the word itself.
	"library": {
		"Shelves of old books climb to the ceiling, their worn spines in warm reds, greens and golds.",
		"Tall bookcases line the walls, crammed with leather-bound volumes, a reading chair waiting by the shelves.",
	},
	"fireplace": {
		"A fire crackles in the stone fireplace, its warm glow flickering across the room.",
		"Flames dance in the hearth, throwing a warm, moving light over everything nearby.",
	},
	// abstract work: "shape" is the lexicon's key for patterns, spirals,
	// swirls and lines, "gradient" for textures and fluids.
	"shape": {
		"{Subj} {is} built from interlocking curves and crisp geometric forms, repeating with small, surprising variations.",
		"Bold forms overlap and interlock across {subj}, some hard-edged, some soft and blurred.",
		"{Subj} unfold{s} in layered bands and circles, each layer a little brighter than the one beneath.",
	},
	"gradient": {
		"{Subj} flow{s} in soft, blended layers, one color melting slowly into the next.",
		"Swirling ribbons of color drift through {subj}, blooming and folding like ink in water.",
	},
	// coasts and water
	"beach": {
		"[calm,+seagulls]The beach is deserted except for a few seagulls wandering along the shoreline.",
		"[calm]Smooth, wet sand mirrors the sky where the last wave has just pulled back, scattered with shells and driftwood.",
		"[rough]Wind whips the sand into low, streaming ribbons across the empty beach.",
		"Pale sand stretches along the water's edge, marked only by the tracks of birds and the lines of old tide marks.",
	},
	"shore": {
		"[calm]Gentle waves wash up the shore, leaving lacy lines of foam on the sand.",
		"[rough]Waves crash onto the shore, exploding into white spray.",
		"The shoreline curves away into the distance, traced by a thin line of foam.",
	},
	"rocky coast": {
		"[rough]Waves crash against the dark rocks, exploding into towering plumes of white spray.",
		"[calm]Dark, weathered rocks step down into the water, fringed with white foam.",
		"Jagged black rocks and tide pools line the shore, slick and glistening.",
	},
	"harbor town": {
		"Colorful houses crowd the waterfront, their reflections shimmering in the harbor.",
		"[+boat]Small fishing boats bob at their moorings in front of pastel houses stacked up the hillside.",
	},
	"harbor": {
		"[+boat]Fishing boats crowd the harbor, ropes and nets piled along the quay.",
	},
	"lighthouse": {
		"{Subj} stand{s} tall and white on the rocks, {its} beam cutting a bright path through the air.",
		"[rough]{Subj} stand{s} firm against the elements, {its} lamp blazing as waves crash below.",
		"[calm]{Subj} keep{s} watch over the water, {its} red and white tower crisp against the sky.",
	},
	"island": {
		"{Subj} rise{s} from the water, ringed by pale sand and shallow, glowing turquoise.",
		"[+palms]Palm trees crowd the interior of {subj}, their fronds forming a lush green crown.",
	},
	"tropical island": {
		"[+palms]{Subj} {is} fringed with palm trees and a ring of white sand, surrounded by water that shifts from turquoise to deep blue.",
		"[+palms,+coral]Coral reefs show as dark patches through the clear shallows around {subj}.",
	},
	"sea": {
		"[calm,outdoor]{Subj} lie{s} calm and glassy all the way to the horizon.",
		"[rough,outdoor]{Subj} heave{s} and churn{s}, whipped into white-capped waves.",
		"[outdoor]{Subj} stretch{es} away to a soft, distant horizon.",
		"[!outdoor]{Subj} open{s} out in every direction, fading from clear blue to a dark, endless indigo.",
	},
	"calm sea": {
		"The water is calm and reflective, barely a ripple disturbing the surface.",
		"The sea is so still it mirrors the sky almost perfectly.",
	},
	"lake": {
		"[calm,!winter]{Subj} lie{s} perfectly still, a flawless mirror of everything above {it}.",
		"[!calm,!winter]The surface of {subj} shivers in the wind, breaking the reflections into shards of light.",
		"[winter]{Subj} {is} frozen solid, {its} ice glazed with frost and faint reflections.",
	},
	"frozen lake": {
		"{Subj} stretch{es} out in a smooth sheet of ice, faintly reflecting the sky, with cracks and trapped bubbles in the foreground.",
		"Snow dusts the edges of {subj}, and the ice glows faintly where the light catches it.",
	},
	"river": {
		"{Subj} wind{s} gently through the scene, glinting where the light touches it.",
		"[calm]{Subj} flow{s} slow and clear, reflecting the sky and the trees along its banks.",
	},
	"waterfall": {
		"{Subj} tumble{s} down in white veils over dark, mossy rock, throwing cool spray into the air.",
		"{Subj} plunge{s} into a deep pool below, with a fine cloud of mist rising where the water lands.",
	},
	"pond": {
		"[calm]{Subj} {is} still and dark, dotted with lily pads and mirroring the surroundings.",
		"[!calm]Ripples spread across {subj}, rocking the lily pads and breaking up the reflections.",
	},
	"koi pond": {
		"[+koi]Orange and white koi glide lazily beneath the surface of {subj}, trailing gentle ripples.",
		"[+koi,calm]{Subj} {is} clear and still, with bright koi drifting under the lily pads.",
	},
	"koi": {
		"[+pond]{Subj} glide{s} slowly beneath the glassy surface, flashes of orange and white among the lily pads.",
	},
	// land
	"mountain": {
		"{Subj} rise{s} in jagged, layered ridges, {its} highest edges catching the light.",
		"[calm,water,+reflection]{Subj} {is} mirrored perfectly in the still water, peak for peak.",
		"Sheer rock faces and deep valleys give {subj} a massive, sculpted presence.",
	},
	"mountain peak": {
		"[snowy]{Subj} pierce{s} the sky, {its} snow-covered ridges sharp and glittering.",
		"[+clouds]{Subj} rise{s} above a sea of soft clouds that fill the valleys below.",
		"Wind streams a thin plume of snow from the summit of {subj}.",
	},
	"hill": {
		"{Subj} roll{s} softly away, patterned with fields, hedgerows and scattered trees.",
		"[!snowy,!night]Grass ripples across {subj} in the breeze, bright and fresh.",
	},
	"desert": {
		"[+dunes]Vast dunes roll away in smooth, rippled waves of sand, their crests sharp against the sky.",
		"The desert stretches out empty and endless, the sand sculpted by the wind into delicate ripples.",
	},
	"sand dune": {
		"{Subj} rise{s} in smooth, curving ridges, one side lit and the other in cool shadow.",
		"Wind has combed {subj} into delicate ripples that catch the low light.",
	},
	"camel": {
		"{Subj} plod{s} slowly across the sand, {its} long shadow stretching out beside {it}.",
		"[lowsun,!night]{Subj} stand{s} patiently atop a ridge, a dark silhouette against the bright sky.",
		"[night]{Subj} stand{s} patiently atop a ridge, a dark silhouette against the deep blue of the sky.",
	},
	"field": {
		"{Subj} stretch{es} to the horizon, rippling gently in the breeze.",
		"[!snowy]Every stem and leaf of {subj} catches the light, row after row fading into the distance.",
	},
	"wheat": {
		"Golden wheat ripples like water in the breeze, each ear catching the light.",
		"The wheat stands tall and ripe, a sea of gold brushed into waves by the wind.",
	},
	"sunflower": {
		"{Subj} turn{s} {its} bright faces toward the light, petals glowing yellow against dark centers.",
	},
	// A field of them is its own entry: a vase of sunflowers has no field.
	"sunflower field": {
		"Thousands of tall sunflowers crowd together, their heavy golden heads nodding in the breeze.",
		"{Subj} stretch{es} to the horizon, every golden head turned toward the light.",
	},
	"barn": {
		"{Subj} {has} weathered wooden boards and a pitched tin roof, slightly faded by years of sun.",
		"{Subj} stand{s} alone, {its} wooden walls glowing warmly against the landscape.",
	},
	"windmill": {
		"{Subj} turn{s} slowly, {its} great sails outlined against the sky.",
	},
	"garden": {
		"Flower beds spill over with blooms along winding paths, framed by neatly clipped hedges.",
		"The garden is carefully tended, with curving paths, moss and plants arranged in quiet harmony.",
	},
	"tulip field": {
		"{Subj} stretch{es} toward the horizon in long, bright stripes of color, row after row in full bloom.",
		"Rows of flowers run toward the horizon in bands of red, yellow, pink and white, like a vast striped carpet.",
	},
	"japanese garden": {
		"[+bridge]A small arched bridge crosses the water, surrounded by clipped pines, mossy stones and a stone lantern.",
		"Raked gravel, mossy rocks and carefully pruned maples are arranged in quiet, deliberate harmony.",
	},
	"cherry blossom": {
		"{Subj} {is} in full bloom, clouds of pale pink petals drifting down on the breeze.",
		"Branches heavy with {subj} arch overhead, and fallen petals float on the water below.",
	},
	"flower": {
		"{Subj} bloom{s} in soft clusters, each petal delicately detailed.",
	},
	"tree": {
		"[lowsun]{Subj} spread{s} {its} branches wide, a striking silhouette against the sky.",
		"{Subj} spread{s} {its} branches wide, every bough clearly drawn.",
		"Every twist of the branches and roots of {subj} is clearly drawn against the open sky.",
	},
	"pine": {
		"{Subj} stand{s} tall and dark, needles heavy and deep green.",
	},
	"forest": {
		"Tall trees crowd close together, their trunks fading into shadowy depths.",
		"[snowy]Snow weighs down every branch, and the forest stands silent and still.",
	},
	"jungle": {
		"Broad leaves, hanging vines and towering trunks crowd in from every side, layer upon layer of green.",
	},
	"autumn leaves": {
		"{Subj} carpet{s} the ground in rust, amber and crimson, crisp and curled at the edges.",
		"{Subj} pile{s} up in soft drifts, a few still falling through the air.",
	},
	"snow": {
		"{Subj} lie{s} deep and smooth, glittering where the light catches it.",
	},
	"canyon": {
		"{Subj} drop{s} away in layered walls of red and ochre rock, carved deep by time.",
	},
	"volcano": {
		"{Subj} glow{s} at the summit, a thick column of smoke and ash rising into the sky.",
		"Rivers of molten lava pour down the flanks of {subj}, glowing orange against the dark rock.",
	},
	"cliff": {
		"{Subj} drop{s} sheer to the water, streaked and weathered by the sea.",
	},
	// sky
	"northern lights": {
		"Curtains of green and violet light ripple across the sky, folding and unfolding like silk.",
		"[+stars]The aurora dances in luminous green ribbons, its glow mirrored below among the stars.",
	},
	"full moon": {
		"{Subj} hang{s} huge and luminous above, close enough to show {its} craters.",
		"{Subj} rise{s} low over the horizon, pale gold and enormous.",
	},
	"moon": {
		"{Subj} hang{s} in the sky, bright against the darkness.",
	},
	"star": {
		"[+stars]The sky is thick with stars, sharp and countless.",
	},
	"cloud": {
		"{Subj} billow{s} soft and white, glowing at the edges where the light catches {it}.",
		"{Subj} spread{s} out below like a soft, rolling sea.",
	},
	"hot air balloon": {
		"{Subj} drift{s} gently through the air, {its} striped envelope glowing in bright colors.",
		"[!fly]{Subj} float{s} lazily above the land, {its} wicker basket and ropes finely detailed.",
	},
	"airship": {
		"{Subj} cruise{s} majestically through the sky, brass fittings gleaming and propellers turning.",
		"{Subj} {is} a marvel of riveted copper, canvas and spinning gears, trailing wisps of steam.",
	},
	"rainbow": {
		"{Subj} arc{s} softly across the sky, faint against the clouds.",
	},
	// space
	"space station": {
		"[+planet]{Subj} glide{s} in orbit, solar panels spread wide, {its} modules lit by tiny running lights.",
		"{Subj} {is} a ring of sleek modules and gleaming solar arrays, turning slowly against the stars.",
	},
	"spaceship": {
		"[!outdoor]{Subj} cruise{s} silently through the void, {its} hull catching the light of a distant sun.",
	},
	"planet": {
		"{Subj} fill{s} much of the view, {its} surface swirled with cloud bands and oceans.",
		"A thin, glowing line of atmosphere rims the curve of {subj}.",
	},
	"astronaut": {
		"{Subj} {is} suited in scuffed white, the visor reflecting the stars and the glow of distant light.",
		"Every seal, strap and patch of the spacesuit of {subj} is crisp and clear.",
	},
	"robot": {
		"{Subj} {is} built of worn metal plates and softly glowing joints, with small scratches that hint at a long life.",
		"The optical sensors of {subj} glow softly, giving {it} an unexpectedly gentle, curious expression.",
	},
	"rose": {
		"{Subj} {is} in full bloom, velvety petals unfurling in layers, a few dewdrops catching the light.",
		"Every petal of {subj} is delicately detailed, from the soft outer curl to the deep heart of the bloom.",
	},
	"owl": {
		"[!sleep]{Subj} {has} soft, mottled feathers and huge round eyes that glow in the light.",
	},
	"nebula": {
		"{Subj} billow{s} in glowing clouds of violet, rose and teal gas.",
	},
	// built
	"city skyline": {
		"{Subj} rise{s} in a dense cluster of glass towers, lit windows scattered across {its} faces.",
		"Sleek towers and tiny lights make up {subj}, with a few aircraft lights blinking among the tallest spires.",
	},
	"city": {
		"{Subj} stretch{es} into the distance, a dense weave of rooftops, towers and windows.",
	},
	"street": {
		"[wet]Wet cobblestones shine like a mirror, reflecting every glowing window and streetlight.",
		"[!wet]Cafés, shopfronts and lampposts line {subj}, {its} paving worn smooth by countless footsteps.",
		"[night]Old-fashioned streetlamps pool warm light along {subj}.",
	},
	"paris": {
		"[+tower]Haussmann-style facades with wrought-iron balconies line the street, and the Eiffel Tower rises faintly in the distance.",
		"Café awnings and rows of cream stone buildings give the unmistakable feel of Paris.",
	},
	"night market": {
		"[+lanterns,+people]Rows of stalls glow under strings of red lanterns, and steam curls up from sizzling woks.",
		"[+people]Crowds wander between food stalls piled with skewers, dumplings and bright fruit.",
	},
	"market": {
		"[+people]Stalls overflow with fruit, spices and fabrics, and shoppers weave between them.",
	},
	"lantern": {
		"{Subj} sway{s} gently overhead, casting pools of warm, flickering light on the faces below.",
		"[outdoor]{Subj} glow{s} red and gold, strung in long lines between the rooftops.",
	},
	"village": {
		"The houses of {subj} huddle together, steep roofs and chimneys forming a gentle, uneven line.",
		"[night]Warm light glows from the small windows of {subj}, and smoke curls from the chimneys.",
	},
	"town": {
		"{Subj} climb{s} the hillside in a tumble of pastel walls and terracotta roofs.",
	},
	"cabin": {
		"[night]Warm golden light glows from the small windows of {subj}, and a thin curl of smoke rises from the chimney.",
		"[!night]{Subj} {is} built of rough-hewn logs, with a stone chimney and a small porch stacked with firewood.",
		"[snowy]Snow piles thickly on the roof of {subj}, and icicles hang from the eaves.",
	},
	"cottage": {
		"{Subj} {has} whitewashed walls, a thatched roof and a small garden gate.",
	},
	"castle": {
		"{Subj} crown{s} the hilltop, {its} towers and battlements sharply silhouetted.",
		"[night]A few lit windows glow in the dark towers of {subj}.",
		"{Subj} {is} built of ancient weathered stone, with narrow windows and banners stirring on the towers.",
	},
	"tower": {
		"{Subj} rise{s} high above everything, a landmark against the sky.",
	},
	"bridge": {
		"[water]{Subj} arc{s} gracefully across the water, {its} curve mirrored below.",
		"[!water]{Subj} stride{s} across the valley on tall stone arches.",
	},
	"temple": {
		"{Subj} {has} sweeping curved roofs and red pillars, half hidden among the trees.",
	},
	"route 66": {
		"[+road]The old highway runs straight toward the horizon, its faded center line and vintage road signs drawing the eye.",
		"[+road]A classic Route 66 shield sign stands by the roadside, with desert scrub and distant mesas beyond.",
	},
	"road": {
		"{Subj} run{s} straight toward the horizon, {its} lines drawing the eye.",
	},
	// vehicles
	// "car" is also the element of buses, trucks, bicycles and motorcycles:
	// chrome fenders and whitewall tires only for a car the words call old.
	"car": {
		"[vintage]{Subj} gleam{s} with polished chrome and rounded fenders, {its} paint catching the light.",
		"[vintage]{Subj} {is} parked at the roadside, chrome bumper and whitewall tires glinting.",
		"[!vintage]{Subj} {is} shown whole and in sharp focus, every line of {its} frame crisp in the light.",
		"[!vintage]{Subj} stand{s} out clearly from {its} surroundings, {its} shape and colour easy to read.",
	},
	// A flying car is not a vintage one: no whitewall tires at the roadside.
	"flying car": {
		"{Subj} glide{s} between the towers, sleek and wheelless, trailing thin ribbons of light.",
		"{Subj} hover{s} above the traffic lanes, blue running lights glowing beneath {it}.",
	},
	"train": {
		"{Subj} wind{s} through the landscape, a long white plume trailing behind.",
	},
	"airplane": {
		"{Subj} crosse{s} the sky, {its} wings glinting in the light.",
	},
	"boat": {
		"{Subj} bob{s} gently on the water, {its} painted hull reflected below.",
	},
	"ship": {
		"{Subj} {has} tall masts and billowing canvas sails, {its} weathered wooden hull creaking gently.",
		"[calm,+reflection]{Subj} glide{s} slowly, {its} sails reflected in the still water.",
		"Ropes, rigging and carved details crowd the bow of {subj}.",
	},
	"sailboat": {
		"[!plural]{Subj} drift{s} on the water, {its} white sail catching the breeze.",
		"[plural]{Subj} drift on the water, their white sails catching the breeze.",
	},
	// animals
	"fox": {
		"[sleep]{Subj} {is} curled into a tight ball, {its} bushy tail wrapped around {its} nose, eyes gently closed.",
		"{Subj} {has} thick russet fur tipped with white, every strand finely detailed.",
		"[!sleep]{Subj} pause{s} alertly, ears pricked and amber eyes watchful.",
	},
	"cat": {
		"[rest,!sleep]{Subj} sit{s} perfectly still, tail curled neatly around {its} paws, gazing out at the world.",
		"[sleep]{Subj} {is} curled up asleep, tail tucked neatly around {its} paws.",
		"[!sleep]{Subj} {has} soft, finely detailed fur and bright, curious eyes.",
		"[rest]{Subj} {is} relaxed and content, whiskers catching the light.",
	},
	"dog": {
		"{Subj} {has} a glossy coat and an eager, friendly expression.",
		"[!sleep]{Subj} look{s} up with warm, soulful eyes, ears softly perked.",
	},
	"horse": {
		"{Subj} {has} a gleaming coat and a flowing mane stirred by the wind.",
	},
	"deer": {
		"[!sleep]{Subj} stand{s} alert and graceful, head raised, breath faintly visible in the cool air.",
	},
	"bird": {
		"{Subj} {is} shown in fine detail, every feather crisp.",
	},
	"animal": {
		"[!sleep]{Subj} {is} alert and watchful, {its} eyes bright.",
		"{Subj} {is} shown whole and in clear focus.",
	},
	"dragon": {
		"[fly]{Subj} soar{s} overhead on vast leathery wings, scales glinting like hammered metal.",
		"{Subj} {has} an enormous wingspan and a long, sinuous tail, {its} scales catching the light.",
		"[fly]The shadow of {subj} sweeps across the rooftops below as terrified villagers look up.",
	},
	"fish": {
		"{Subj} dart{s} in shimmering flashes of color.",
	},
	"whale": {
		"{Subj} glide{s} through the water, vast and unhurried.",
	},
	"jellyfish": {
		"[plural]Translucent jellyfish drift gracefully, their bells glowing softly and long tentacles trailing like ribbons.",
		"[plural]The jellyfish pulse slowly upward, their delicate bodies lit from within in pink and violet.",
		"[!plural]{Subj} drift{s} gracefully, {its} translucent bell glowing softly and long tentacles trailing like ribbons.",
		"[!plural]{Subj} pulse{s} slowly upward, {its} delicate body lit from within in pink and violet.",
	},
	"coral": {
		"{Subj} spread{s} across the seabed in fans and branches of orange, pink and violet.",
	},
	// people
	"fisherman": {
		"[!sleep]{Subj} {has} a deeply lined, weathered face, salt-and-pepper stubble and kind, tired eyes.",
		"{Subj} wear{s} a knitted wool cap and a worn oilskin jacket, hands rough from years of work.",
		"Every wrinkle and sun-worn line on the face of {subj} tells a story of decades at sea.",
	},
	"person": {
		"{Subj} {has} a natural, expressive face and carefully chosen clothing.",
		"[!sleep]The expression of {subj} is calm and thoughtful, eyes catching the light.",
	},
	"people": {
		"{Subj} move{s} through the scene in small groups, their faces lit by the glow.",
	},
	"old man": {
		"[!sleep]{Subj} {has} a deeply lined face, a white beard and kind, watchful eyes.",
	},
	// food and objects
	"ramen": {
		"Steam rises from the rich, glossy broth, with a soft-boiled egg, slices of chashu, nori and scallions arranged on top.",
		"Springy noodles swirl in golden broth, topped with a halved egg with a jammy yolk, pork and fresh green onions.",
		"Wisps of steam curl up from the bowl, and a pair of chopsticks rests across the rim.",
	},
	"food": {
		"{Subj} {is} arranged with care, glistening, every texture inviting.",
	},
	"bowl": {
		"A handmade ceramic bowl with a speckled glaze holds it all.",
	},
	"table": {
		"The grain and small scratches of {subj} add warmth and texture.",
	},
	"coffee": {
		"Wisps of steam curl up from {subj}, catching the light.",
	},
	"cake": {
		"{Subj} {is} layered and glossy, a few crumbs scattered beside it.",
	},
	"window": {
		"{Subj} catch{es} the soft light, {its} frame casting faint shadows across the scene.",
		"Beyond {subj}, the world outside is softly out of focus.",
	},
}

// sceneLines describe elements the idea implies but did not name (the sea
// of a beach, the stars of a night sky), keyed by easel element. They
// never mention the subject.
// lunarLines describe the ground of an idea set on the moon, where the
// moon is underfoot rather than in the sky.
var lunarLines = []string{
	"The grey, cratered ground of the moon stretches away under a black sky, the Earth hanging above the horizon.",
}

// worldGroundLines describe a planet the subject stands or lands on.
var worldGroundLines = []string{
	"The ground of {subj} stretches away to a low horizon under an alien sky.",
	"All around, the ground of {subj} runs out to a far, low horizon.",
}

var sceneLines = map[string][]string{
	"moon":            {"[night]A slim moon hangs in the sky, bright against the darkness."},
	"full moon":       {"A huge full moon hangs in the sky, outlining everything in silver."},
	"stars":           {"[night,!wet,!fog]Stars are scattered thickly across the dark sky.", "[night,!wet,!fog]A sky full of stars glitters overhead, sharp and countless."},
	"aurora":          {"Ribbons of green and violet aurora ripple and fold across the night sky."},
	"clouds":          {"[!wet]Soft, scattered clouds drift across the sky, catching the light on their edges.", "[wet]Low, heavy clouds drag across the sky."},
	"rainbow":         {"A soft rainbow arcs across the sky, faint against the clouds."},
	"milky way":       {"The Milky Way arches overhead in a dense band of stars and glowing dust."},
	"lightning":       {"A fork of lightning splits the sky, frozen in a moment of white light."},
	"mountains":       {"Jagged mountains rise in the distance, layered in fading blue haze.", "[snowy]Snow-capped peaks rise in the background, sharp against the sky."},
	"hills":           {"Rolling hills fold into one another toward the horizon, dotted with trees.", "[!snowy,!autumn]Green hills roll away softly under the sky, patterned with fields and hedgerows."},
	"dunes":           {"Wind-sculpted dunes roll away in smooth, rippled waves of sand."},
	"desert":          {"The desert stretches out in every direction, vast, dry and empty."},
	"field":           {"Open fields stretch toward the horizon in soft, even rows."},
	"meadow":          {"Wildflowers and tall grass sway gently across the meadow."},
	"wheat":           {"Golden wheat ripples in the breeze, each stalk catching the light."},
	"sunflowers":      {"Rows of sunflowers turn their bright faces toward the light."},
	"flowers":         {"Clusters of flowers add small bursts of color throughout the scene."},
	"snow":            {"Fresh snow blankets everything in soft, smooth drifts, untouched and glittering.", "[night]Deep snow lies thick on the ground, glowing faintly blue in the dark."},
	"ice":             {"The ice glints in the light, crazed with fine, glassy cracks."},
	"rocks":           {"[sea,rough]Dark, jagged rocks take the full force of the sea.", "[!sea]Weathered rocks and boulders lie scattered in the foreground, rough with texture.", "[sea,calm]Smooth, dark rocks step down into the water."},
	"cliffs":          {"[sea]Sheer cliffs drop away to the water, streaked and weathered by the sea.", "[!sea]Tall cliffs rise sharply, their faces streaked and weathered."},
	"volcano":         {"A volcano smolders in the distance, a thin column of smoke rising from its summit."},
	"canyon":          {"Layered canyon walls glow in bands of red and ochre, carved deep by time."},
	"sea":             {"[calm]The water is calm and reflective, with gentle waves lapping against the shore.", "[calm]The sea lies calm and glassy all the way to the horizon.", "[rough]The sea heaves and churns, whipped into white-capped waves."},
	"beach":           {"[calm,+seagulls]A few seagulls wander along the shoreline, and others glide on the breeze overhead.", "[calm]Smooth, wet sand shines along the waterline, scattered with shells and driftwood."},
	"lake":            {"[calm,!winter]The lake lies perfectly still, a flawless mirror of the sky.", "[!calm,!winter]The surface of the lake holds a broken, rippling reflection.", "[winter]The frozen lake gleams under a thin dusting of snow."},
	"river":           {"A winding river glints as it curves through the scene.", "[calm]The river flows slow and clear, reflecting the sky."},
	"waterfall":       {"A waterfall tumbles down in white veils, throwing cool spray into the air."},
	"pond":            {"The pond's still surface mirrors its surroundings, broken only by an occasional ripple."},
	"waves":           {"[rough]Huge waves crash against the shore, exploding into white spray.", "[calm]Gentle waves roll in, their foam catching the light."},
	"reflection":      {"[calm]Every shape is mirrored in the water below, a perfect, slightly rippled reflection.", "[wet]Reflections shimmer on every wet surface, doubling the lights."},
	"forest":          {"A dense forest rises all around, its depths fading into shadow.", "[snowy]Snow weighs down the branches of the surrounding forest, the trees silent and still.", "[autumn]The forest glows in autumn reds and golds."},
	"pines":           {"Dark pines stand in tall, quiet rows, their needles deep green.", "[snowy]Snow-laden pines stand in silent ranks."},
	"trees":           {"Scattered trees add depth, their branches silhouetted against the sky.", "[autumn]Trees in autumn colors glow in shades of copper and gold."},
	"palms":           {"Silhouettes of palm trees lean against the colorful sky.", "[!night]Palm trees sway gently, their fronds rustling in the warm breeze."},
	"jungle":          {"Lush jungle crowds in from every side: broad leaves, hanging vines and layers of green."},
	"bamboo":          {"Tall bamboo stalks rise in slender, swaying ranks."},
	"cherry blossoms": {"Pink cherry blossoms drift through the air, settling softly on every surface."},
	"autumn leaves":   {"Fallen leaves in rust, amber and crimson carpet the ground."},
	"city":            {"The city stretches into the distance, a dense weave of rooftops and windows.", "[night]Thousands of lit windows glow across the city."},
	"skyline":         {"The skyline cuts a jagged silhouette against the sky, lit windows scattered across the towers."},
	"street":          {"[wet]The wet pavement shines like a mirror, reflecting every light.", "[!wet]The street is lined with shopfronts and lampposts, its paving worn smooth.", "[night,!wet]Streetlamps pool warm light on the pavement."},
	"neon":            {"Neon signs buzz in pink and cyan, spilling colored light across every surface."},
	"lighthouse":      {"A distant lighthouse stands on the headland, its beam sweeping the water."},
	"cabin":           {"A small cabin sits among the trees, warm light in its windows."},
	"castle":          {"A castle crowns the horizon, its towers silhouetted against the sky."},
	"barn":            {"A weathered barn stands at the edge of the field."},
	"houses":          {"Clustered houses with steep roofs gather together.", "[night]Warm light glows in the windows of the houses."},
	"village":         {"The houses of the village huddle together, their roofs and chimneys forming a gentle, uneven line.", "[night]Warm light glows in the small windows of the village, and smoke curls from the chimneys."},
	"bridge":          {"[water]An arched bridge spans the water, its curve mirrored below.", "[!water]A stone viaduct strides across the valley on tall arches."},
	"temple":          {"The sweeping curved roof of a temple rises among the trees."},
	"windmill":        {"A windmill turns slowly on the horizon."},
	"tower":           {"A tall tower rises above the rooftops, a landmark against the sky."},
	"lanterns":        {"Strings of paper lanterns glow overhead in warm red and gold.", "Lanterns sway gently, casting pools of warm, flickering light."},
	"road":            {"A long road runs toward the horizon, its lines drawing the eye."},
	"boat":            {"A few small boats bob gently at their moorings."},
	"ship":            {"A tall ship rides at anchor offshore."},
	"sailboat":        {"A lone sailboat drifts on the water, its white sail catching the light."},
	"balloon":         {"A colorful hot air balloon floats lazily in the sky."},
	"car":             {"A single car is parked at the roadside, chrome catching the light."},
	"train":           {"A train winds through the distance, a thin plume of steam trailing behind."},
	"airplane":        {"A small plane crosses the sky, leaving a thin white contrail."},
	"spaceship":       {"A sleek spacecraft drifts silently in the distance, its running lights blinking."},
	"birds":           {"[!night]A few birds wheel high overhead, small dark shapes against the sky."},
	"seagulls":        {"A few seagulls glide on the breeze, their wings catching the light."},
	"fish":            {"Bright fish dart in small, shimmering schools."},
	"koi":             {"Orange and white koi glide lazily beneath the surface."},
	"whale":           {"A whale breaches in the distance, throwing up a burst of white spray."},
	"person":          {"A lone figure in the distance gives the scene its sense of scale."},
	"people":          {"People move through the scene in small groups, slightly blurred by motion."},
	"camel":           {"A camel plods slowly across the sand, its long shadow trailing behind."},
	"fox":             {"A fox pads quietly at the edge of the scene."},
	"horse":           {"A horse grazes quietly in the distance."},
	"deer":            {"A deer stands alert at the edge of the trees."},
	"rain":            {"Raindrops streak through the air and dapple every puddle."},
	"snowfall":        {"Soft snowflakes drift down slowly through the air."},
	"fog":             {"Fog drifts in low, swallowing the far distance."},
	"mist":            {"Wisps of mist curl between the shapes, softening the distance."},
	"underwater":      {"Tiny bubbles rise slowly toward the shimmering surface.", "Particles drift in the water like dust in a sunbeam."},
	"coral":           {"Coral in orange, pink and violet spreads across the reef, alive with small fish."},
	"planet":          {"A vast planet fills part of the sky, its surface banded with soft color."},
	"space":           {"The deep black of space surrounds everything, scattered with distant stars."},
	"nebula":          {"A glowing nebula of violet and teal gas billows in the background."},
	"table":           {"The wooden table's grain adds warmth and texture."},
	"window":          {"A nearby window lets in soft light, its frame casting faint shadows."},
}

// backgrounds name what stands behind the subject, for {bg}, by element.
var backgrounds = map[string]string{
	"mountains": "the distant mountains", "hills": "the rolling hills", "sea": "the open sea",
	"skyline": "the skyline", "city": "the city beyond", "forest": "the dark forest",
	"pines": "the dark pines", "dunes": "the endless dunes", "desert": "the empty desert",
	"lake": "the still lake", "river": "the winding river", "field": "the open fields",
	"wheat": "the golden wheat", "jungle": "the dense jungle", "street": "the receding street",
	"village": "the village rooftops", "houses": "the huddled houses", "clouds": "the drifting clouds",
	"space": "the starry void", "stars": "the starry sky", "planet": "the curve of the planet",
	"underwater": "the blue depths", "snow": "the snowy expanse", "ice": "the frozen expanse",
	"beach": "the long curve of the shore", "canyon": "the canyon walls", "road": "the long road ahead",
	"trees": "the trees beyond", "palms": "the swaying palms", "cliffs": "the towering cliffs",
	"meadow": "the flowering meadow", "temple": "the temple roofs", "castle": "the castle walls",
	"window": "the window", "table": "the softly blurred room", "pond": "the still pond",
	"bridge": "the little bridge", "flowers": "the flowering beds", "koi": "the koi pond",
	"cherry blossoms": "the blossoming trees", "reflection": "the mirrored water", "waves": "the breaking waves",
}

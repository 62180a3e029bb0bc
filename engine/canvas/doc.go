// Package canvas is easel's built-in engine: a procedural painter that draws
// a Scene (sky, sun and moon, clouds, mountains, water and reflections,
// fields, forests, cities, buildings, boats, creatures, weather, underwater
// and space, and one everyday object as a product shot) in one of several
// styles, offline, in pure Go. It is procedural art, not a diffusion
// model: it paints the Elements it knows from shapes and noise, and it
// never fails on words it does not know.
//
// Draw paints a picture; Engine (New) wraps it as an easel.Engine that
// returns PNGs encoded at image/png BestSpeed; Sheet lays pictures out as a
// captioned contact sheet. The Scene JSON format is documented in
// docs/scene.md with a JSON Schema in docs/scene.schema.json.
//
// How it paints: shapes are polylines rasterised with x/image/vector into a
// coverage mask the size of their bounding box, then blended by hand into a
// float RGB buffer, so fills can carry gradients and textures without
// per-pixel interface calls or allocations. Per-pixel passes (sky, clouds,
// water, fog, grading, style) are split into bands of rows across all
// cores. Randomness comes from a PCG seeded by the seed and the Scene's
// words, and from pure hash-based noise, so a picture is the same on every
// run and every core count.
//
// Element → file (where to look for what is drawn):
//
//	compose.go        the painting order (paint: kind → painter), landscape, buildings, trees
//	placing.go        animals, critters, towers, vehicles and people on the ground; what flies
//	plan.go           Scene → plan: light, weather, season, palette, the picture's kind
//	subjects.go       the Scene's facts: counts, colours, planets by name; NotDrawn, Roughly and Notes
//	record.go         the painter's record of what it painted (d.painted, d.paintedSub, d.plainly, d.standIn for a shape of another kind), and the notes read from it
//	notes.go          what the notes read in the idea: a measure of food ("a stack of"), a spot of a place ("a street corner")
//	sky.go            sky, sun, moon, stars, clouds, aurora
//	land.go           mountains, hills, dunes, fields, rocks, snow, roads
//	water.go          sea, lakes, rivers, reflections, waves
//	plants.go         pines, palms, broadleaf trees, bamboo, blossoms
//	life.go           flocks, boats, balloons, cars, planes, trains, spaceships, fish, quadrupeds, cats, dragons, small people
//	vehicles.go       road vehicles by category (vehicleDrawers): bus, truck, bicycle, motorcycle; a tower that is the subject; aircraft
//	vehicles_kinds.go road vehicles by kind (vehicleKinds): fire engine, ambulance, police car with their lights, tractor, pickup, scooter; liveries; counted vehicles
//	birds.go          a bird that is the subject: perched, swimming, flying, standing; birdplans.go swans on water, penguins, owls, waders
//	people.go         people who are the subject, whole and counted: walking, running, sitting (on a seat, a swing), reading, dancing, riding, lying, cooking
//	creatures.go      a flock, herd, swarm or plural drawn as several; what a lying creature lies on (a pile of gold, a rug); a dragon asleep, a cat curled up
//	places.go         the ground a preposition names: a pier's deck over the water, a square's paving, a beach under a sandcastle
//	work.go           a figure at work and its age: the verb's tool in hand (knife, needles, saw, wrench), food on a board, a vehicle knelt at, a quilt in the lap; grey hair and a stoop, a child smaller
//	held.go           what a figure holds, carries, plays, flies or rides, by its category (kite, basket, instrument, balloon, bicycle, horse); costumes by role
//	relations.go      a figure on a thing drawn large (an astronaut on a giant strawberry, a gnome on a mushroom); A beside B side by side; a person in space
//	bodyplans.go      WordNet body plans (bodyplans.txt from internal/bodygen): elephant, giraffe, bear, big cats, sheep, pig, cow, zebra, unicorn, monkey, rabbit
//	critters.go       insects, reptiles, frogs, crabs by category; critterplans.go by body plan: ladybug, beetle, butterfly, bee, ant, spider, snail, snake, turtle, crocodile
//	fantasy.go        snowmen, mermaids, fairies' wings, octopus, starfish and turtle under the sea
//	rail.go           a train that is the subject, near: a steam locomotive with its plume or a modern engine, carriages or freight wagons on wheels
//	launch.go         a rocket on its launch pad (standing or lifting off), a tower above the clouds, the water a boat needs
//	church.go         a cathedral, church, chapel or mosque that is the subject: nave, rose window and spire, or dome and minaret
//	yard.go           a porch, veranda or patio drawn as its house with the porch; pumpkins on the ground before it
//	built.go          houses, towns, villages, cabins, castles, barns, lighthouses, windmills, temples, towers, bridges
//	underwater.go     under the sea; space.go outer space and planets; aerial.go views from above
//	planet_looks.go   a planet's look by its words: desert, ice, ocean, lava, jungle, gas giant; the Sun's planets by name (Jupiter banded); a satellite or a rocket in space
//	planets.go        Saturn's (or any ringed planet's) rings, counted moons
//	rooms.go          when an idea is a room (interiorScene); a counter, an easel, the named objects on the floor (lamp, guitar, piano, plant)
//	interior.go       rooms (shelves, fireplace, a window); street.go streets; portrait.go one person close
//	furniture.go      a room's furniture drawn: armchair, sofa, bed, bunk bed, table
//	interior_furnish.go   what furnishes a room: the pieces it names by their noun (furnitureShapes), else its kind's from WordNet (lexical.Furnishings: a bedroom's bed, a bathroom's bathtub); a desk's screens; a table with its chairs
//	interior_pieces.go    bathtub, washbasin and mirror, stove, fridge, washing machine, crib, desk, monitors, a plain chair
//	food.go           the table and food by its category (foodDrawers): cake, bread, cookies, a sandwich (a burger's bun), pie, scoops, a glass, fruit; food in a jar
//	food_shapes.go    food whose category's shape would be wrong (foodShapes): sushi, tacos, dumplings, cupcakes, donuts, croissants, melon, bananas, pumpkins, grapes, noodles; a counted dish as pieces
//	food_sides.go     a food's flavour colour (chocolate brown, strawberry pink); toppings ("with strawberries"); a second food beside ("next to a croissant"); a slice as a wedge; a hot drink in its mug; fruit in a basket; a salad bowl
//	product.go        a still life's plan; product_shot.go its stage; product_draw.go primitives (lathe, box, arc)
//	objects.go        one object by its shape (objectDrawers); objects_more.go bouquet, shoes, garments, teddy, robot
//	objects_flat.go   what lies flat on its surface: a wallet, a board game (chess) with its pieces; a toy duck
//	product_tub.go    a product shot in a bathtub: tiles, rim, water, foam (rubber ducks)
//	objects_extra.go  scarf, tie, gloves, guitar, violin, wine glass, a glass of a drink, a pair of shoes; which subject is the object, what stands beside it
//	flowers.go        flower heads by kind (flowerKinds): tulip, rose, lily, sunflower, spike, poppy, else a round head; in any vessel, counted
//	abstract.go       abstract works; weather.go rain, snow, fog
//	style.go          the styles, their words and switches; grade.go palette, mood, lens, woodblock, pencil, synthwave, pixel art
//	paint_media.go    watercolor and oil; drawn_media.go ink, charcoal, anime, low poly, 3d render
//	kuwahara.go, blur.go   the filters the finishing passes share
//	edit.go, inpaint.go, outpaint.go, restyle.go, upscale.go   pictures in (edits)
//	canvas.go         the rasteriser; noise.go noise; frame.go, look.go composition; sheet.go contact sheets
//	engine.go         Engine (easel.Engine): Render, the notes, PNG encoding; factory.go registers it as "builtin"
package canvas

package canvas

import "github.com/easel-art/easel"

// placing.go places the living and moving things of a landscape: animals,
// critters, towers, vehicles and people on the ground (animals), and what
// flies (airborne): balloons, dragons, aircraft, birds.

// animals places the scene's creatures on the ground.
func (d *painter) animals(groundTop float32) {
	p := d.p
	W, H := float32(d.w), float32(d.h)
	if s := p.subjectOf(p.main); s != nil && (p.main == "person" || p.main == "people") && poseOf(s) != "" {
		d.heldOf(s) // what the figure rides or holds is drawn with it, not again here (held.go)
	}
	d.placeGround(groundTop) // a square's paving (places.go)
	d.critters(groundTop)    // an insect, lizard, frog or crab subject (critters.go)
	d.snowmen(groundTop)     // fantasy.go
	if d.isMainTower() {
		// The subject: a stone tower, large, in front (vehicles.go).
		d.mainTower(d.xFor("tower", 0.4, 0.6), groundTop+(H-groundTop)*0.35, H*0.5)
	} else if d.isMainChurch() {
		// A cathedral, a chapel, a mosque: large, in front of the town (church.go).
		d.church(d.xFor("tower", 0.42, 0.58), groundTop+(H-groundTop)*0.45, d.zoomed("tower", H*0.5))
	}
	for _, k := range []string{"camel", "horse", "deer", "dog", "animal"} {
		if !p.el[k] {
			continue
		}
		s := 120 * d.u
		y := groundTop + (H-groundTop)*d.rnd(0.3, 0.5)
		switch {
		case k == "camel" && p.el["dunes"]:
			y = groundTop + (H-groundTop)*0.45
			s = 170 * d.u
		case p.el["forest"] || p.el["jungle"]:
			// In front of the trees, not on top of their crowns.
			y = H * d.rnd(0.88, 0.95)
			s = 200 * d.u
		case k == p.main:
			// The subject comes close enough to be seen.
			y = groundTop + (H-groundTop)*d.rnd(0.5, 0.7)
			s = 190 * d.u
		}
		s = d.zoomed(k, s)
		dir := float32(1)
		if d.chance(0.5) {
			dir = -1
		}
		// Every subject the element draws ("an elephant beside a
		// giraffe"), each by its WordNet body plan (bodyplans.go).
		subs := p.subjectsOf(k)
		if len(subs) == 0 {
			if k == "animal" && p.drawnOtherwise() {
				continue // "a penguin": the bird is the animal
			}
			subs = []*easel.Subject{nil}
		}
		for j, sub := range subs {
			if sub != nil && (sub.Category == "bird" || sub == p.critterSubject()) {
				continue // drawn in its own shape (birds.go, critters.go)
			}
			if f, def, ok := critterDrawer(sub); ok && sub.Category != "mammal" && sub.Category != "creature" {
				// A creature beside the subject ("a samurai battling a
				// giant snake"): in its own shape, not a beast's.
				c, own := colourOf(sub)
				if !own {
					c = hex(def)
				}
				cs := W * 0.3
				if sub.Size == "giant" || sub.Size == "huge" || sub.Size == "enormous" {
					cs = W * 0.45
				}
				f(d, W*(0.5+0.1*float32(j%2*2-1)), H*0.92, cs, d.lit(c, 0.05))
				continue
			}
			b := beastFor(k, sub)
			x0, x1 := float32(0.08), float32(0.92)
			if len(subs) > 1 {
				x0 = 0.04 + 0.92*float32(j)/float32(len(subs))
				x1 = 0.04 + 0.92*float32(j+1)/float32(len(subs))
			}
			sz := s * min(1, 1.6/float32(len(subs)))
			if n := herdOf(sub); n > 1 { // "a herd of elephants": several (creatures.go)
				// A count is drawn as a count: n animals in a loose row,
				// smaller as there are more, the far ones higher up.
				for i := range n {
					f := (float32(i) + 0.5) / float32(n)
					sc := sz * min(1, 2.2/float32(n)+0.25)
					yy := y - (H-groundTop)*0.08*float32(i%2)
					d.beast(b, sub, W*(x0+(x1-x0)*f), yy, sc, dir)
				}
				continue
			}
			x := d.xFor(k, 0.3, 0.7)
			if len(subs) > 1 {
				x = W * (x0 + x1) / 2
			}
			if shape, noun, bc, ok := p.bedOf(sub); ok && lying(sub) {
				// "a dog lying on a rug": what it lies on, under it (creatures.go).
				d.lyingBed(shape, noun, bc, x, y, sz*1.6)
				y -= sz * 0.1
			}
			if top, ok := d.stageFor(sub, H*0.92); ok {
				// On a thing drawn large: "a bear on a giant apple" (relations.go).
				d.beast(b, sub, W*0.5, top, sz*0.6, dir)
				continue
			}
			d.beast(b, sub, x, y, sz, dir)
		}
	}
	if p.el["fox"] {
		if hasWord(p.words, "sleeping") || hasWord(p.words, "asleep") || hasWord(p.words, "curled") {
			if p.el["autumn leaves"] {
				d.leafLitter()
			}
			d.sleepingFox(d.xFor("fox", 0.35, 0.65), H*0.86, d.zoomed("fox", 190*d.u))
		} else {
			y, s := groundTop+(H-groundTop)*0.6, float32(120)*d.u
			if p.el["forest"] || p.el["jungle"] || p.main == "fox" {
				// The subject, or in front of the trees: near and large
				// enough to be seen, not lost among the trunks.
				y, s = H*0.9, d.zoomed("fox", 200*d.u)
			}
			dir := float32(1)
			if d.chance(0.5) {
				dir = -1
			}
			d.painted("fox")
			b := beasts["fox"]
			if c, ok := factColour(p.subjectOf("fox")); ok {
				b.col = c.scale(0.85)
			}
			if n := countOf(p.subjectOf("fox"), 1); n > 1 {
				// "two foxes playing in the snow": as many as counted.
				for i := range n {
					f := (float32(i) + 0.5) / float32(n)
					d.quadruped(b, W*(0.1+0.8*f), y-float32(i%2)*s*0.2, s*min(1, 2/float32(n)+0.2), dir*float32(1-2*(i%2)))
				}
			} else {
				d.quadruped(b, d.xFor("fox", 0.3, 0.7), y, s, dir)
			}
		}
	}
	if p.el["cat"] {
		if hasWord(p.words, "walking") || hasWord(p.words, "standing") || hasWord(p.words, "prowling") || hasWord(p.words, "stalking") {
			// A cat on its feet is drawn in profile like the other animals.
			b := beasts["cat"]
			if len(p.tint) > 0 {
				b.col = p.tint[0].scale(0.6)
			}
			d.quadruped(b, d.xFor("cat", 0.3, 0.7), H*0.88, d.zoomed("cat", 220*d.u), 1)
		} else if top, ok := d.stageFor(p.subjectOf("cat"), H*0.92); ok {
			d.cat(W*0.5, top+2*d.u, d.zoomed("cat", 110*d.u)) // "a cat on a giant pumpkin"
		} else {
			x, s := d.xFor("cat", 0.3, 0.7), d.zoomed("cat", 150*d.u)
			if shape, noun, bc, ok := p.bedOf(p.subjectOf("cat")); ok && lying(p.subjectOf("cat")) {
				d.lyingBed(shape, noun, bc, x, H*0.88, s*1.4) // "a cat asleep on a blanket" (creatures.go)
			}
			d.cat(x, H*0.88, s)
		}
	}
	if p.el["car"] {
		x := d.xFor("car", 0.3, 0.45)
		if p.el["road"] && p.besideEl != "car" {
			x = W * 0.5 // on the road, which runs to the centre
		}
		d.vehicle(x, H*0.93, 190*d.u) // a car, a bus, a truck, a bicycle (vehicles.go)
	}
	strayPerson := len(p.subjects) > 0 && p.subjectOf("person") == nil && p.subjectOf("people") == nil
	if (p.el["person"] || p.el["people"]) && !strayPerson { // ("giant" is a person in WordNet, not "a giant apple")
		n := 1
		if p.el["people"] {
			n = countOf(p.subjectOf("people"), 5) // "three monks": three
		}
		start := 0
		if d.mainFigure(groundTop) {
			start = n // the subjects, whole and in their pose (people.go)
		}
		for i := start; i < n; i++ {
			y := groundTop + (H-groundTop)*d.rnd(0.5, 0.9)
			x := W * d.rnd(0.15, 0.85)
			if i == 0 {
				x = d.xFor("person", 0.15, 0.85)
			}
			d.person(x, y, 130*d.u*(y/H), d.lit(hex("#2a2a30"), 0.1), p.weather == "rain")
		}
		if start < n {
			d.paintedFigures()
		}
	}
}

// airborne draws what flies: birds, balloons, dragons, planes.
func (d *painter) airborne(hz float32) {
	p := d.p
	if p.el["balloon"] {
		s := d.zoomed("balloon", 110*d.u)
		y := hz * d.rnd(0.4, 0.6)
		x := d.xFor("balloon", 0.3, 0.7)
		if hasWord(p.words, "airship") || hasWord(p.words, "steampunk") || hasWord(p.words, "zeppelin") {
			y = hz * d.rnd(0.4, 0.62) // above the cloud sea, high or low as the seed says
			// An airship is long: near as the camera comes, never cut by the frame.
			s = max(min(s, (min(x, float32(d.w)-x)-0.03*float32(d.w))/2.2), 40*d.u)
		}
		sub := p.subjectOf("balloon")
		for i := range p.subjects {
			if sub == nil && p.subjects[i].Category == "aircraft" {
				sub = &p.subjects[i] // WordNet: a balloon is an aircraft
			}
		}
		if sub != nil && !hasWord(p.words, "hot") && !hasWord(p.words, "airship") &&
			!hasWord(p.words, "zeppelin") && !hasWord(p.words, "steampunk") {
			// "three red balloons": party balloons on strings, counted
			// and coloured (vehicles.go), not a hot-air balloon.
			d.partyBalloons(sub, hz)
		} else {
			d.balloon(x, y, s)
		}
	}
	if sub := p.subjectOf("dragon"); p.el["dragon"] && lying(sub) {
		// "a dragon sleeping on its hoard": on the ground, on what it
		// lies on (creatures.go).
		x, y, s := d.xFor("dragon", 0.4, 0.5), float32(d.h)*0.88, d.zoomed("dragon", float32(d.w)*0.26)
		if shape, noun, bc, ok := p.bedOf(sub); ok {
			d.lyingBed(shape, noun, bc, x+s*0.2, y, s*2.6)
			y -= s * 0.3
		}
		col := d.lit(hex("#7a3028"), 0.1)
		if c, ok := factColour(sub); ok {
			col = d.lit(c, 0.1)
		}
		d.restingDragon(x, y, s, col)
	} else if p.el["dragon"] {
		d.dragon(d.xFor("dragon", 0.3, 0.7), hz*d.rnd(0.35, 0.5), d.zoomed("dragon", 160*d.u))
	}
	if p.el["airplane"] {
		s := float32(30) * d.u
		if p.main == "airplane" {
			s = d.zoomed("airplane", float32(d.w)*0.16) // the subject: near, not a speck
		}
		d.aircraft(d.xFor("airplane", 0.3, 0.8), hz*d.rnd(0.25, 0.45), s)
	}
	if p.el["spaceship"] && p.main == "spaceship" && launchWords(p.words) {
		d.launchPad(p.horizon + (float32(d.h)-p.horizon)*0.1) // on its pad (launch.go)
	} else if p.el["spaceship"] {
		d.spaceship(d.xFor("spaceship", 0.3, 0.7), hz*0.3, 60*d.u)
	}
	calm := !p.lt.night && (p.weather == "clear" || p.weather == "cloudy" || p.weather == "wind")
	if d.mainBirds(hz) {
		return // the bird subject, large, in its pose (birds.go)
	}
	if p.el["birds"] || p.el["seagulls"] || (p.el["sea"] && calm && d.chance(0.5)) || p.look.birds && calm && p.kind == "landscape" {
		n := 3 + d.rng.IntN(4) + 3*p.look.extras
		if s := p.subjectOf("seagulls"); s != nil && s.Count > 1 {
			n = countOf(s, n) // "seven seagulls": seven
		} else if s := p.subjectOf("birds"); s != nil && s.Count > 1 {
			n = countOf(s, n)
		}
		d.birds(n, p.el["seagulls"] && !p.lt.night)
	}
}

// subjectsOf returns every subject whose element is el.
func (p *plan) subjectsOf(el string) []*easel.Subject {
	var out []*easel.Subject
	for i := range p.subjects {
		if p.subjects[i].Element == el {
			out = append(out, &p.subjects[i])
		}
	}
	return out
}

// drawnOtherwise reports whether the main subject is a creature another
// painter draws (a bird, an insect, a fish), so a bare "animal" element
// adds no generic beast beside it.
func (p *plan) drawnOtherwise() bool {
	if len(p.subjects) == 0 {
		return false
	}
	switch p.subjects[0].Category {
	case "bird", "insect", "fish", "reptile", "amphibian", "sea creature", "sea mammal":
		return true
	}
	return false
}

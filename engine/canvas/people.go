package canvas

import (
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/lexical"
)

// This file draws a person who is the subject and does something ("a
// farmer walking through a wheat field", "a boy sitting on a fence", "a
// woman reading a book", "a girl holding a red umbrella", "two kids flying
// a kite", "a cowboy riding a horse") as whole figures in the setting, as
// many as counted, in the pose the action names, rather than as a
// head-and-shoulders portrait. The pose comes from the action's WordNet
// verb lemma through poseOf; what they hold, ride or play is the action's
// object, drawn by its category (held.go).

// poses maps verb lemmas to the figure's pose. A verb not listed still
// draws the whole figure, standing; the verbs of portraitVerbs keep the
// portrait.
var poses = map[string]string{
	"walk": "walking", "stroll": "walking", "wander": "walking", "hike": "walking", "march": "walking",
	"cross": "walking", "climb": "walking", "feed": "holding", "run": "running", "jog": "running",
	"race": "running", "chase": "running", "sprint": "running", "jump": "running", "skip": "running",
	"sit": "sitting", "rest": "sitting", "relax": "sitting", "knit": "sitting", "mend": "sitting",
	"sew": "sitting", "write": "sitting", "fish": "holding",
	"read": "reading", "play": "playing", "water": "holding", "paint": "holding", "cast": "holding",
	"hold": "holding", "carry": "carrying", "bring": "carrying", "lift": "holding", "grip": "holding",
	"clutch": "holding", "hug": "holding", "cradle": "holding", "offer": "holding", "juggle": "juggling",
	"cook": "cooking", "bake": "cooking", "stir": "cooking", "fry": "cooking", "grill": "cooking",
	"fly": "kite", "ride": "riding", "drive": "riding", "cycle": "riding", "pedal": "riding",
	"lie": "lying", "sleep": "lying", "nap": "lying", "doze": "lying", "sunbathe": "lying", "lay": "lying",
	"build": "building", "make": "building", "dig": "building", "sculpt": "building", "construct": "building", "plant": "building",
	"meditate": "crosslegged", "pray": "crosslegged", "kneel": "crosslegged", "picnic": "crosslegged",
	"wave": "waving", "dance": "dancing", "float": "dancing", "drift": "dancing", "hover": "dancing", "stand": "standing", "wait": "standing", "watch": "standing",
}

// portraitVerbs are actions a close portrait shows better than a whole
// figure: the face and what is worn.
var portraitVerbs = map[string]bool{
	"wear": true, "smile": true, "gaze": true, "stare": true, "laugh": true, "cry": true, "pose": true,
	"look": true, "frown": true, "weep": true, "dress": true,
}

// poseOf is the pose for a person subject's action, "" when it names none
// (or one a portrait shows better). Any other verb is drawn standing.
func poseOf(s *easel.Subject) string {
	if s == nil {
		return ""
	}
	if s.Action == "" {
		if bodyPlan(s.Noun) == "fairy" || costumeOf(s.Noun).wings != "" {
			return "dancing" // a fairy or an angel hovers, arms out, whole
		}
		if sitsOn(s) {
			return "sitting" // "a child on a swing", "an old man on a bench"
		}
		if besideLiving(s) {
			return "standing" // "a girl beside a white horse": both, whole
		}
		if holdsWith(s) {
			return "holding" // "a woman with a red umbrella": whole, holding it
		}
		if placeOf(s) != "" {
			return "standing" // "a fisherman on a pier": whole, in the place (places.go)
		}
		return ""
	}
	e, _, ok := lexical.FindVerb(strings.ToLower(s.Action))
	if !ok {
		return ""
	}
	if portraitVerbs[e.Lemma] {
		return ""
	}
	if wp := workPose(s); wp != "" {
		return wp // at the work with the verb's tool (work.go)
	}
	if p, ok := poses[e.Lemma]; ok {
		if p == "kite" && !kiteLike(s) {
			if s.Object == "" {
				return "flying" // in the air themselves, on a broom or not
			}
			return "standing" // "a man flying a plane" is not holding a kite string
		}
		return p
	}
	if s.Object != "" {
		return "holding" // "a baker kneading dough", "a girl feeding ducks"
	}
	return "standing"
}

// kiteLike reports whether what a person flies is a kite (or a toy).
func kiteLike(s *easel.Subject) bool {
	o := strings.ToLower(s.Object)
	if o == "" {
		return false // "a witch flying on a broomstick" flies herself
	}
	if strings.Contains(o, "kite") {
		return true
	}
	e, _, ok := lexical.FindNoun(lastWord(o))
	return ok && e.Has("toy")
}

// lastWord is the last word of a phrase: its head noun, mostly.
func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// childWords make a smaller figure.
var childWords = []string{"kid", "kids", "child", "children", "boy", "boys", "girl", "girls", "toddler", "baby", "babies", "schoolgirl", "schoolboy"}

// figure draws a whole person of height h standing on (x, y) in a pose,
// clothes in col, holding what hd names (held.go). For "riding", y is the
// seat; for "lying", y is the ground they lie on and x their middle.
func (d *painter) figure(x, y, h float32, pose string, col rgb, hd held) {
	skin := d.lit(hex("#c8906a"), 0.05)
	cloth := d.lit(col, 0.05)
	trousers := d.lit(hex("#2e3440"), 0.05)
	if hd.costume.trousers != nil {
		trousers = d.lit(*hd.costume.trousers, 0.05)
	}
	hw := h * 0.045 // limb width
	headR := h * 0.075
	if hd.age == "child" {
		headR = h * 0.095 // a child's head is large for its body
	}
	if pose == "lying" {
		d.lyingFigure(x, y, h, skin, cloth, trousers, hd)
		return
	}
	hipY := y - h*0.48
	shoulderY := y - h*0.8
	switch pose {
	case "sitting":
		// A bench or a chair under them, unless they sit on something
		// drawn already (hd.seated); hips at seat height.
		seat := y - h*0.3
		if !hd.seated {
			d.paintedIn(hd.on, !strings.Contains(hd.on, "bench") && !strings.Contains(hd.on, "chair") || strings.Contains(hd.on, "armchair"))
			d.rect(x-h*0.22, seat, x+h*0.22, seat+h*0.05)
			d.fill(solid(d.lit(hex("#6a4a2e"), 0.05)))
			if !strings.Contains(hd.on, "swing") {
				d.line(x-h*0.2, seat, x-h*0.2, y, hw*0.6)
				d.line(x+h*0.2, seat, x+h*0.2, y, hw*0.6)
				d.fill(solid(d.lit(hex("#4a3220"), 0.05)))
			}
		}
		if strings.Contains(hd.on, "swing") {
			// Ropes from the seat up out of the picture.
			d.line(x-h*0.21, seat, x-h*0.21, seat-h*1.5, hw*0.25)
			d.line(x+h*0.21, seat, x+h*0.21, seat-h*1.5, hw*0.25)
			d.fill(solid(d.lit(hex("#8a6a4a"), 0.05)))
		}
		hipY = seat
		shoulderY = seat - h*0.32
		// Thighs forward, shins down.
		d.line(x, hipY, x-h*0.2, hipY+h*0.02, hw)
		d.line(x-h*0.2, hipY+h*0.02, x-h*0.22, y, hw)
		d.fill(solid(trousers))
	case "flying":
		// Astride a broom, or flat out with the arms ahead.
		if strings.Contains(hd.on, "broom") {
			d.line(x-h*0.4, y+h*0.02, x+h*0.35, y-h*0.04, hw*0.5)
			d.fill(solid(d.lit(hex("#6a4428"), 0.05)))
			for k := -2; k <= 2; k++ {
				d.line(x-h*0.4, y+h*0.02, x-h*0.62, y+h*0.02+float32(k)*h*0.04, hw*0.3)
			}
			d.fill(solid(d.lit(hex("#c8a050"), 0.05)))
		}
		hipY = y
		shoulderY = y - h*0.34
		d.line(x, hipY, x-h*0.08, hipY+h*0.2, hw*1.1)
		d.line(x-h*0.08, hipY+h*0.2, x-h*0.02, hipY+h*0.36, hw)
		d.fill(solid(trousers))
	case "crosslegged":
		// Seated on the ground, legs crossed before them.
		hipY = y - h*0.08
		shoulderY = hipY - h*0.32
		d.ellipse(x, y-h*0.05, h*0.2, h*0.06)
		d.fill(solid(trousers))
	case "kneeling":
		// One knee on the ground, the other foot planted before it.
		hipY = y - h*0.3
		shoulderY = hipY - h*0.32
		d.line(x, hipY, x-h*0.03, y-hw*0.8, hw)
		d.line(x-h*0.03, y-hw*0.8, x-h*0.26, y-hw*0.6, hw)
		d.line(x, hipY, x+h*0.17, hipY+h*0.02, hw)
		d.line(x+h*0.17, hipY+h*0.02, x+h*0.18, y, hw)
		d.fill(solid(trousers))
	case "riding":
		// Astride: hips on the seat at y, one leg down the near side.
		hipY = y
		shoulderY = y - h*0.34
		d.line(x, hipY, x-h*0.08, hipY+h*0.2, hw*1.1)
		d.line(x-h*0.08, hipY+h*0.2, x-h*0.02, hipY+h*0.36, hw)
		d.fill(solid(trousers))
	default:
		spread := float32(0.04)
		switch pose {
		case "walking", "holding", "reading", "waving", "carrying", "playing", "kite", "juggling", "building", "working":
			spread = 0.1
		case "running", "dancing":
			spread = 0.18
		}
		if pose == "running" {
			// A stride: the front knee lifted, the back leg pushing off;
			// the body leans forward.
			d.line(x, hipY, x+h*0.16, hipY+h*0.14, hw)
			d.line(x+h*0.16, hipY+h*0.14, x+h*0.12, y-h*0.12, hw)
			d.line(x, hipY, x-h*0.12, hipY+h*0.26, hw)
			d.line(x-h*0.12, hipY+h*0.26, x-h*0.3, y-h*0.04, hw)
			d.fill(solid(trousers))
			x += h * 0.05 // the lean
		} else {
			d.line(x, hipY, x-h*spread, y, hw)
			d.line(x, hipY, x+h*spread, y, hw)
			d.fill(solid(trousers))
		}
	}
	if hd.costume.wings != "" {
		d.wings(x, shoulderY+h*0.06, h, hd.costume.wings == "feathers")
	}
	// The old stoop: the shoulders forward of the hips and lower, the
	// way they face (a seated figure faces left).
	bx := x
	if hd.age == "old" {
		lean := h * 0.06
		if pose == "sitting" || pose == "crosslegged" {
			lean = -lean
		}
		x += lean
		shoulderY += h * 0.03
	}
	// Torso, a skirt or tunic when the costume has one.
	d.moveTo(x-h*0.1, shoulderY)
	d.lineTo(x+h*0.1, shoulderY)
	if hd.costume.skirt {
		d.lineTo(x+h*0.2, hipY+h*0.06)
		d.lineTo(x-h*0.2, hipY+h*0.06)
	} else {
		d.lineTo(bx+h*0.08, hipY)
		d.lineTo(bx-h*0.08, hipY)
	}
	d.fill(vgrad(cloth.scale(1.1), cloth.scale(0.85), shoulderY, hipY))
	// Arms: where the hands are depends on the pose.
	hand := [2][2]float32{{x - h*0.12, hipY}, {x + h*0.12, hipY}}
	switch pose {
	case "walking":
		hand = [2][2]float32{{x - h*0.16, hipY - h*0.02}, {x + h*0.16, hipY - h*0.08}}
	case "running":
		// Arms bent and pumping.
		hand = [2][2]float32{{x - h*0.14, shoulderY + h*0.22}, {x + h*0.16, shoulderY + h*0.08}}
	case "reading", "holding", "sitting", "playing", "cooking":
		hand = [2][2]float32{{x - h*0.1, shoulderY + h*0.2}, {x + h*0.1, shoulderY + h*0.2}}
	case "crosslegged":
		hand = [2][2]float32{{x - h*0.16, hipY + h*0.01}, {x + h*0.16, hipY + h*0.01}} // on the knees
	case "working":
		// Both hands forward at the work before them, at the waist.
		hand = [2][2]float32{{x + h*0.08, shoulderY + h*0.26}, {x + h*0.18, shoulderY + h*0.24}}
	case "kneeling":
		// Reaching forward to what they kneel at.
		hand = [2][2]float32{{x + h*0.16, shoulderY + h*0.22}, {x + h*0.24, shoulderY + h*0.2}}
	case "building":
		// Reaching down to what they build before them.
		hand = [2][2]float32{{x + h*0.08, hipY + h*0.05}, {x + h*0.2, hipY + h*0.1}}
	case "riding", "flying":
		hand = [2][2]float32{{x + h*0.14, shoulderY + h*0.2}, {x + h*0.22, shoulderY + h*0.18}}
	case "carrying":
		hand = [2][2]float32{{x - h*0.12, hipY}, {x + h*0.18, hipY - h*0.04}}
	case "kite", "waving":
		hand[1] = [2]float32{x + h*0.2, shoulderY - h*0.18}
	case "dancing", "juggling":
		hand = [2][2]float32{{x - h*0.22, shoulderY - h*0.15}, {x + h*0.22, shoulderY - h*0.15}}
	}
	for i, sx := range []float32{-1, 1} {
		d.line(x+sx*h*0.09, shoulderY+h*0.02, hand[i][0], hand[i][1], hw*0.85)
	}
	d.fill(solid(cloth.scale(0.92)))
	gloves := skin
	if hd.costume.suit {
		gloves = cloth.scale(0.9)
	}
	for _, hp := range hand {
		d.disc(hp[0], hp[1], hw*0.6, gloves, 1, false)
	}
	// Head and hair, or what the costume puts on it.
	hx, hy := x, shoulderY-headR*1.15
	d.disc(hx, hy, headR, skin, 1, false)
	if !d.headwear(hx, hy, headR, hd.costume) {
		d.moveTo(x-headR, shoulderY-headR*1.1)
		d.quadTo(x, shoulderY-headR*2.9, x+headR, shoulderY-headR*1.1)
		hair := hex("#3a2a1e")
		if hd.age == "old" {
			hair = hex("#dcdcd8") // grey
		}
		d.fill(solid(d.lit(hair, 0.05)))
	}
	if hd.age == "old" && hd.kind == "" && (pose == "standing" || pose == "walking") {
		// A walking stick from the hand to the ground.
		d.line(hand[1][0], hand[1][1], hand[1][0]+h*0.05, y, hw*0.35)
		d.fill(solid(d.lit(hex("#5a3a22"), 0.05)))
	}
	hd.ground = y
	d.heldThing2(pose, hand, h, hw, hd)
}

// lyingFigure draws a person lying on their back along y, head to the
// left of x, on what they lie on (a hammock, a bed, the grass).
func (d *painter) lyingFigure(x, y, h float32, skin, cloth, trousers rgb, hd held) {
	hw := h * 0.05
	headR := h * 0.075
	top := y - hw*1.2
	switch {
	case strings.Contains(hd.on, "hammock"):
		d.paintedIn(hd.on, false)
		// Two posts and a sagging cloth between them.
		wood := d.lit(hex("#5a3e26"), 0.05)
		d.line(x-h*0.7, y+h*0.25, x-h*0.7, y-h*0.35, hw*0.8)
		d.line(x+h*0.7, y+h*0.25, x+h*0.7, y-h*0.35, hw*0.8)
		d.fill(solid(wood))
		d.moveTo(x-h*0.7, y-h*0.3)
		d.quadTo(x, y+h*0.2, x+h*0.7, y-h*0.3)
		d.quadTo(x, y+h*0.05, x-h*0.7, y-h*0.3)
		d.fill(solid(d.lit(hex("#d8b070"), 0.05)))
		top = y - h*0.06
	case hd.on != "" && !hd.seated && (strings.HasPrefix(hd.on, "on ") || strings.HasPrefix(hd.on, "in ") || strings.HasPrefix(hd.on, "upon ")):
		// "sleeping under an oak" lies on the grass; on or in something
		// ("on a bench", "in bed") lies on it.
		// A bed or a bench: a low slab with a pillow.
		d.paintedIn(hd.on, true)
		d.roundRect(x-h*0.6, y-h*0.12, x+h*0.6, y, h*0.03)
		d.fill(vgrad(d.lit(hex("#e8e2d8"), 0.05), d.lit(hex("#b8b0a4"), 0.05), y-h*0.12, y))
		d.rect(x-h*0.58, y, x-h*0.54, y+h*0.1)
		d.rect(x+h*0.54, y, x+h*0.58, y+h*0.1)
		d.fill(solid(d.lit(hex("#5a3e26"), 0.05)))
		d.ellipse(x-h*0.45, y-h*0.14, h*0.11, h*0.05)
		d.fill(solid(d.lit(hex("#f4f0ea"), 0.05)))
		top = y - h*0.13
	}
	// Legs, body, arms along the body, the head on the left.
	d.line(x+h*0.02, top-hw*0.6, x+h*0.45, top-hw*0.4, hw*1.1)
	d.fill(solid(trousers))
	d.roundRect(x-h*0.3, top-hw*2.4, x+h*0.05, top, hw)
	d.fill(vgrad(cloth.scale(1.1), cloth.scale(0.85), top-hw*2.4, top))
	d.disc(x-h*0.3-headR, top-headR*0.9, headR, skin, 1, false)
	d.moveTo(x-h*0.3-headR*2, top-headR*0.8)
	d.quadTo(x-h*0.3-headR*2.2, top-headR*2.2, x-h*0.3-headR*0.6, top-headR*1.9)
	d.fill(solid(d.lit(hex("#3a2a1e"), 0.05)))
	d.disc(x+h*0.04, top-hw*1.4, hw*0.6, skin, 1, false)
}

// mainFigure draws the person subject (or the people, as many as
// counted) as whole figures when their action names a pose; it reports
// whether it did.
func (d *painter) mainFigure(groundTop float32) bool {
	p := d.p
	if p.main != "person" && p.main != "people" {
		return false
	}
	s := p.subjectOf(p.main)
	if s == nil {
		return false
	}
	pose := poseOf(s)
	if pose == "" {
		return false
	}
	if s.Category == "person" || s.Category == "" {
		d.paintedSub(s)
	} else {
		d.plainly(s) // "a robot watering plants": a figure stands for it
	}
	W, H := float32(d.w), float32(d.h)
	col := p.accent
	if c, ok := factColour(s); ok {
		col = c
	}
	hd := d.heldOf(s)
	if _, ok := factColour(s); !ok && hd.costume.clothes != nil {
		col = *hd.costume.clothes
	}
	n := 1
	if p.main == "people" {
		n = countOf(s, 2)
	}
	h := H * 0.55
	if hd.ride != nil {
		h = H * 0.4 // room for what they ride
	}
	h *= ageHeight(s) // a child smaller, by the idea's words (work.go)
	if n > 1 {
		h *= min(1, 2.4/float32(n+1))
	}
	switch strings.ToLower(s.Size) {
	case "tiny", "small", "miniature":
		h *= 0.5 // "a tiny fairy"
	}
	y := max(groundTop+(H-groundTop)*0.75, H*0.82)
	surfing := hd.kind == "board" && hasAnyWord(strings.ToLower(s.Object), "wave", "waves", "surf", "breaker", "swell")
	if surfing && groundTop >= H*0.98 {
		y = H * 0.84 // on the board, out on the water
	} else if groundTop >= H*0.98 && pose != "flying" && pose != "lying" && p.kind == "landscape" && p.place() != "pier" {
		d.beach(H * 0.8) // all water: they stand on the shore before it
		y = H * 0.93
	}
	place := p.place()
	var px0, px1 float32
	switch {
	case p.kind != "landscape" || pose == "flying":
	case place == "pier":
		// On the pier's deck over the water (places.go).
		y = H * 0.8
		px0, px1 = d.pier(y)
	}
	if p.el["pond"] && p.kind == "landscape" && pose != "flying" && px1 == 0 {
		y, h = H*0.7, h*0.8 // on the far bank of the pond in front (water.go)
	}
	if pose == "flying" {
		y = H * 0.45 // up in the sky (held.go: on a broom when the idea says)
	}
	if pose == "kite" {
		y = max(y, H*0.86) // the kite needs the sky
	}
	others := p.otherFigures()
	if p.main == "person" && len(others) > 0 {
		n = 1 + min(len(others), maxCount-1)
		h *= min(1, 2.4/float32(n+1))
	}
	for i := range n {
		x := d.xFor(p.main, 0.35, 0.65)
		if hd.work == "vehicle" {
			x = d.xFor(p.main, 0.22, 0.3) // the vehicle they work at beside them (work.go)
		}
		if px1 > 0 {
			x = min(max(x, px0), px1) // on the pier
		}
		if n > 1 {
			x = W * (0.5 + ((float32(i)+0.5)/float32(n)-0.5)*0.8)
		}
		if p.main == "person" && i > 0 {
			// "a man and a woman walking": the other, in the same pose.
			o := others[i-1]
			d.paintedSub(o)
			c := p.accent.mix(rgb{0.2, 0.4, 0.8}, 0.5)
			if fc, ok := factColour(o); ok {
				c = fc
			}
			ohd := held{costume: costumeOf(o.Noun), age: ageOf(o)}
			oh := h / ageHeight(s) * ageHeight(o)
			d.mounted(x, y, oh, seatedPose(s, pose), c, ohd)
			continue
		}
		yy := y - float32(i%2)*h*0.06
		one := hd
		if i > 0 && !hd.each {
			one.kind, one.sky = "", false // "two kids flying a kite": one kite
		}
		if d.staged(s, x, yy, h, pose, col, one) {
			continue // on something drawn large (relations.go)
		}
		if robotFigure(s, pose, one) {
			// "a giant robot walking through a city": the robot, not a
			// figure standing in for it; a giant one towers.
			rh := h * 0.9
			if hasAnyWord(strings.ToLower(s.Size+" "+strings.Join(s.Adjectives, " ")), "giant", "huge", "enormous", "colossal", "gigantic", "massive", "towering") {
				rh = H * 0.68
			}
			d.robot(x, yy, rh, col)
			d.paintedSub(s)
			continue
		}
		d.mounted(x, yy, h, seatedPose(s, pose), col, one)
	}
	return true
}

// mounted draws a figure, on what it rides when it rides something.
func (d *painter) mounted(x, y, h float32, pose string, col rgb, hd held) {
	switch {
	case hd.kind == "keys" && pose == "playing":
		pose = "sitting" // at the piano
	case pose == "riding" && hd.ride == nil:
		pose = "standing" // on a board, or on what the canvas cannot draw
	}
	if hd.ride == nil {
		d.figure(x, y, h, pose, col, hd)
		return
	}
	sx, sy := d.ride(hd.ride, x, y, h)
	if hd.kind == "cab" {
		// Head and shoulders in the cab's window.
		d.disc(sx, sy-h*0.12, h*0.075, d.lit(hex("#c8906a"), 0.05), 1, false)
		d.roundRect(sx-h*0.1, sy-h*0.05, sx+h*0.1, sy+h*0.06, h*0.03)
		d.fill(solid(d.lit(col, 0.05)))
		d.headwear(sx, sy-h*0.12, h*0.075, hd.costume)
		return
	}
	d.figure(sx, sy, h, "riding", col, hd)
}

// seatWords are things people sit on that WordNet does not file as
// furniture.
var seatWords = []string{"swing", "fence", "wall", "steps", "stairs", "step", "porch", "dock", "pier", "ledge", "bench", "log", "windowsill", "sill"}

// sitsOn reports whether a person's relation puts them on a seat: a
// piece of furniture (WordNet) or a thing people sit on.
func sitsOn(s *easel.Subject) bool {
	rel := strings.ToLower(s.Relation)
	prep, obj, _ := strings.Cut(rel, " ")
	if prep != "on" && prep != "in" || obj == "" {
		return false
	}
	if hasAnyWord(obj, seatWords...) {
		return true
	}
	e, _, ok := lexical.FindNoun(lastWord(obj))
	return ok && e.Category() == "furniture" && !hasAnyWord(obj, "bed", "hammock", "table", "desk", "shelf")
}

// seatedPose is the pose a figure is drawn in: sitting when its pose
// allows it and it is on a seat ("a man reading a newspaper on a bench").
func seatedPose(s *easel.Subject, pose string) string {
	switch pose {
	case "reading", "holding", "playing", "standing", "waving":
		if sitsOn(s) {
			return "sitting"
		}
	}
	return pose
}

// besideLiving reports whether a person's relation puts them beside an
// animal or a vehicle, which a whole figure stands next to.
func besideLiving(s *easel.Subject) bool {
	rel := strings.ToLower(s.Relation)
	for _, w := range besideWords { // "beside", ..., and "with": "a shepherd with his sheep"
		if obj, ok := strings.CutPrefix(rel, w+" "); ok {
			e, _, ok := lexical.FindNoun(lastWord(obj))
			if !ok {
				return false
			}
			switch e.Category() {
			case "mammal", "bird", "reptile", "creature", "car", "bicycle", "motorcycle", "bus", "truck", "train", "boat", "aircraft":
				return true
			}
		}
	}
	return false
}

// shareAction gives the first subject, a person doing nothing named, the
// action of the next living subject ("a man and a woman walking on the
// beach", "a boy and his dog running"), so they are drawn doing it
// together. The plan's subjects are copied first: the Scene is the
// caller's.
func (p *plan) shareAction() {
	if len(p.subjects) < 2 {
		return
	}
	s := &p.subjects[0]
	if s.Action != "" || s.Relation != "" || s.Category != "person" && s.Element != "person" {
		return
	}
	for i := 1; i < len(p.subjects); i++ {
		o := &p.subjects[i]
		switch o.Category {
		case "person", "mammal", "bird":
		default:
			continue
		}
		if o.Action == "" {
			continue
		}
		p.subjects = append([]easel.Subject(nil), p.subjects...)
		p.subjects[0].Action, p.subjects[0].Relation = o.Action, o.Relation
		if o.Category == "person" {
			p.subjects[0].Object = o.Object
		}
		return
	}
}

// otherFigures are the person subjects after the first ("a man and a
// woman"), each drawn whole beside it.
func (p *plan) otherFigures() []*easel.Subject {
	var out []*easel.Subject
	for i := 1; i < len(p.subjects); i++ {
		if o := &p.subjects[i]; o.Element == "person" && !heldByFirst(p, o) {
			out = append(out, o)
		}
	}
	return out
}

// heldByFirst reports whether o is what the first subject holds ("a
// mother holding a baby").
func heldByFirst(p *plan, o *easel.Subject) bool {
	return o.Noun != "" && strings.Contains(strings.ToLower(p.subjects[0].Object), strings.ToLower(o.Noun))
}

// holdCategories are the WordNet categories of things a person "with" one
// holds in hand; clothing, weapons and tools keep the portrait.
var holdCategories = map[string]bool{"container": true, "instrument": true, "toy": true, "flower": true, "fruit": true, "aircraft": true}

// holdsWith reports whether a person's relation is "with" a thing held in
// the hand: an umbrella, a basket, a guitar, a bunch of flowers, a balloon.
func holdsWith(s *easel.Subject) bool {
	obj, ok := strings.CutPrefix(strings.ToLower(s.Relation), "with ")
	if !ok {
		return false
	}
	n := lastWord(obj)
	if hasAnyWord(n, "umbrella", "parasol", "balloon", "balloons", "kite", "lantern", "bouquet") {
		return true
	}
	e, _, found := lexical.FindNoun(n)
	return found && holdCategories[e.Category()]
}

// robotFigure reports a robot that stands or walks with nothing in its
// hands: drawn as the robot (objects_more.go), not as a figure.
func robotFigure(s *easel.Subject, pose string, hd held) bool {
	if !hasAnyWord(strings.ToLower(s.Noun), "robot", "robots", "android", "mech") || hd.kind != "" || hd.ride != nil {
		return false
	}
	return pose == "standing" || pose == "walking"
}

package canvas

import (
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/lexical"
)

// This file draws a person who is the subject and does something ("a
// farmer walking through a wheat field", "a boy sitting on a fence", "a
// woman reading a book", "a girl holding a red umbrella") as a whole
// figure in the setting, in the pose the action names, rather than as a
// head-and-shoulders portrait. The pose comes from the action's WordNet
// verb lemma through poseOf; what they hold is the action's object.

// poses maps verb lemmas to the figure's pose.
var poses = map[string]string{
	"walk": "walking", "stroll": "walking", "wander": "walking", "hike": "walking", "march": "walking",
	"cross": "walking", "climb": "walking", "feed": "standing", "run": "running", "jog": "running",
	"race": "running", "chase": "running", "sprint": "running",
	"sit": "sitting", "rest": "sitting", "relax": "sitting", "knit": "sitting", "mend": "sitting",
	"sew": "sitting", "write": "sitting",
	"read": "reading", "play": "holding", "water": "holding",
	"paint": "holding", "fish": "holding", "cast": "holding", "wave": "waving", "dance": "dancing",
	"stand": "standing", "wait": "standing", "look": "standing", "watch": "standing",
}

// poseOf is the pose for a person subject's action, "" when it names none.
func poseOf(s *easel.Subject) string {
	if s == nil || s.Action == "" {
		return ""
	}
	if e, _, ok := lexical.FindVerb(strings.ToLower(s.Action)); ok {
		if p, ok := poses[e.Lemma]; ok {
			return p
		}
	}
	return "" // any other action: the portrait, which shows what they hold
}

// figure draws a whole person of height h standing on (x, y) in a pose,
// clothes in col, holding what their action's object names.
func (d *painter) figure(x, y, h float32, pose string, col rgb, held string) {
	skin := d.lit(hex("#c8906a"), 0.05)
	cloth := d.lit(col, 0.05)
	trousers := d.lit(hex("#2e3440"), 0.05)
	hw := h * 0.045 // limb width
	headR := h * 0.075
	hipY := y - h*0.48
	shoulderY := y - h*0.8
	if pose == "sitting" {
		// A bench or a chair under them; hips at seat height.
		seat := y - h*0.3
		d.rect(x-h*0.22, seat, x+h*0.22, seat+h*0.05)
		d.fill(solid(d.lit(hex("#6a4a2e"), 0.05)))
		d.line(x-h*0.2, seat, x-h*0.2, y, hw*0.6)
		d.line(x+h*0.2, seat, x+h*0.2, y, hw*0.6)
		d.fill(solid(d.lit(hex("#4a3220"), 0.05)))
		hipY = seat
		shoulderY = seat - h*0.32
		// Thighs forward, shins down.
		d.line(x, hipY, x-h*0.2, hipY+h*0.02, hw)
		d.line(x-h*0.2, hipY+h*0.02, x-h*0.22, y, hw)
		d.fill(solid(trousers))
	} else {
		spread := float32(0.04)
		switch pose {
		case "walking", "holding", "reading", "waving":
			spread = 0.1
		case "running", "dancing":
			spread = 0.18
		}
		d.line(x, hipY, x-h*spread, y, hw)
		d.line(x, hipY, x+h*spread, y, hw)
		d.fill(solid(trousers))
	}
	// Torso.
	d.moveTo(x-h*0.1, shoulderY)
	d.lineTo(x+h*0.1, shoulderY)
	d.lineTo(x+h*0.08, hipY)
	d.lineTo(x-h*0.08, hipY)
	d.fill(vgrad(cloth.scale(1.1), cloth.scale(0.85), shoulderY, hipY))
	// Arms: where the hands are depends on the pose.
	hand := [2][2]float32{{x - h*0.12, hipY}, {x + h*0.12, hipY}}
	switch pose {
	case "walking", "running":
		hand = [2][2]float32{{x - h*0.16, hipY - h*0.02}, {x + h*0.16, hipY - h*0.08}}
	case "reading", "holding", "sitting":
		hand = [2][2]float32{{x - h*0.1, shoulderY + h*0.2}, {x + h*0.1, shoulderY + h*0.2}}
	case "waving":
		hand[1] = [2]float32{x + h*0.2, shoulderY - h*0.18}
	case "dancing":
		hand = [2][2]float32{{x - h*0.22, shoulderY - h*0.15}, {x + h*0.22, shoulderY - h*0.15}}
	}
	for i, sx := range []float32{-1, 1} {
		d.line(x+sx*h*0.09, shoulderY+h*0.02, hand[i][0], hand[i][1], hw*0.85)
	}
	d.fill(solid(cloth.scale(0.92)))
	for _, hd := range hand {
		d.disc(hd[0], hd[1], hw*0.6, skin, 1, false)
	}
	// Head and hair.
	d.disc(x, shoulderY-headR*1.15, headR, skin, 1, false)
	d.moveTo(x-headR, shoulderY-headR*1.1)
	d.quadTo(x, shoulderY-headR*2.9, x+headR, shoulderY-headR*1.1)
	d.fill(solid(d.lit(hex("#3a2a1e"), 0.05)))
	// What they hold, between the hands or in the right hand.
	mx, my := (hand[0][0]+hand[1][0])/2, (hand[0][1]+hand[1][1])/2
	switch {
	case pose == "reading" || strings.Contains(held, "book"):
		d.poly(mx-h*0.1, my-h*0.06, mx, my-h*0.03, mx+h*0.1, my-h*0.06, mx+h*0.1, my+h*0.04, mx, my+h*0.07, mx-h*0.1, my+h*0.04)
		d.fill(solid(d.lit(hex("#f2ece0"), 0)))
	case strings.Contains(held, "umbrella"):
		ux, uy := hand[1][0], hand[1][1]
		d.line(ux, uy, ux, uy-h*0.45, hw*0.3)
		d.fill(solid(hex("#2a2a2a")))
		d.moveTo(ux-h*0.3, uy-h*0.4)
		d.quadTo(ux, uy-h*0.75, ux+h*0.3, uy-h*0.4)
		d.fill(solid(d.lit(d.p.accent, 0.05)))
	case held != "":
		// Anything else: a small thing in the hands, in the accent colour.
		d.disc(mx, my, h*0.05, d.lit(d.p.accent, 0.05), 1, false)
	}
}

// mainFigure draws the person subject as a whole figure when their action
// names a pose; it reports whether it did. (Holding or carrying something
// stays a portrait, which shows the held thing: worlds.go heldThing.)
func (d *painter) mainFigure(groundTop float32) bool {
	p := d.p
	s := p.subjectOf("person")
	if s == nil || p.main != "person" {
		return false
	}
	pose := poseOf(s)
	if pose == "" {
		return false
	}
	H := float32(d.h)
	col := p.accent
	if c, ok := factColour(s); ok {
		col = c
	}
	held := strings.ToLower(s.Object)
	if held == "" && strings.HasPrefix(strings.ToLower(s.Relation), "with ") {
		held = strings.ToLower(s.Relation)
	}
	// Held things named elsewhere: "a girl holding a red umbrella".
	for _, o := range p.subjects[1:] {
		if strings.Contains(held, strings.ToLower(o.Noun)) {
			if c, ok := factColour(&o); ok && !strings.Contains(held, "book") {
				p.accent = c
			}
		}
	}
	y := max(groundTop+(H-groundTop)*0.75, H*0.82)
	d.figure(d.xFor("person", 0.35, 0.65), y, H*0.55, pose, col, held)
	return true
}

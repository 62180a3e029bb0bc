package canvas

import (
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/lexical"
)

// This file draws a whole figure (people.go) at work and of an age: the
// tool its verb puts in the hand (knitting needles, a knife, a saw, a
// hammer, a wrench), what it works on where the work is done (food on a
// chopping board, a bicycle or a car it kneels at, a quilt or a net in
// the lap, a plank on a workbench), by the WordNet category of the
// action's object; and its age from the idea's words (grey hair and a
// stoop for the old, a smaller body and a larger head for a child).

// verbTools are the tools a verb's WordNet lemma puts in the hand when the
// idea names none: a table of how to draw the work, not of nouns.
var verbTools = map[string]string{
	"knit": "needles", "crochet": "needles",
	"sew": "needle", "stitch": "needle", "embroider": "needle", "mend": "needle", "darn": "needle", "weave": "needle",
	"chop": "knife", "cut": "knife", "slice": "knife", "dice": "knife", "carve": "knife", "peel": "knife", "mince": "knife",
	"saw":    "saw",
	"hammer": "hammer", "forge": "hammer", "nail": "hammer", "smith": "hammer",
	"fix": "wrench", "repair": "wrench", "tinker": "wrench", "service": "wrench", "maintain": "wrench", "restore": "wrench",
	"wash": "sponge", "clean": "sponge", "polish": "sponge", "scrub": "sponge",
	"sweep": "broom", "dig": "spade", "shovel": "spade", "rake": "rake",
	"water": "can", "write": "pen", "type": "laptop",
	"kick": "ball", "dribble": "ball", "skateboard": "board", "surf": "board", "snowboard": "board",
	"stack": "stack", "pile": "stack", "knead": "pin", "roll": "pin",
}

// workPoses are the poses a tool is used in, when the verb names none:
// the hands at the work before the body.
var workPoses = map[string]string{
	"needles": "sitting", "needle": "sitting", "laptop": "sitting", "pen": "sitting",
	"ball": "running", "board": "standing", "stack": "building",
}

// oldWords and youngWords give a person's age; the noun's own words count
// ("an old woman", "an elderly fisherman", "a grandmother").
var oldWords = []string{"old", "elderly", "aged", "ageing", "aging", "grandmother", "grandfather", "granny", "grandma", "grandpa",
	"grandparent", "grandparents", "grandmothers", "grandfathers", "oldster", "retired", "senior", "grey-haired", "gray-haired", "white-haired", "wrinkled"}

// ageOf is a person's age as the idea gives it: "old", "child" or "".
func ageOf(s *easel.Subject) string {
	if s == nil {
		return ""
	}
	words := strings.ToLower(s.Noun + " " + strings.Join(s.Adjectives, " "))
	switch {
	case hasAnyWord(words, oldWords...):
		return "old"
	case hasAnyWord(words, childWords...) || hasAnyWord(words, "toddlers", "kid", "teenager", "teenagers", "youngster", "youngsters", "schoolchildren"):
		return "child"
	}
	return ""
}

// ageHeight scales a figure's height by its age: a child is a little over
// half a grown-up's height.
func ageHeight(s *easel.Subject) float32 {
	if ageOf(s) == "child" {
		return 0.62
	}
	return 1
}

// toolOf is the tool a subject's action puts in its hand, "" for none.
func toolOf(s *easel.Subject) string {
	if s == nil || s.Action == "" {
		return ""
	}
	e, _, ok := lexical.FindVerb(strings.ToLower(s.Action))
	if !ok {
		return ""
	}
	return verbTools[e.Lemma]
}

// foodCategories are the WordNet categories drawn on a chopping board.
var foodCategories = map[string]bool{
	"fruit": true, "vegetable": true, "food": true, "bread": true, "cake": true, "dish": true, "pie": true,
	"pastry": true, "cookie": true, "candy": true, "dessert": true, "salad": true, "sandwich": true, "fish": true,
}

// workVehicles are the categories of vehicle a figure kneels at to work.
// A vehicle of no drawn kind (a skateboard, a sled, a cart) is worked on
// at the bench, not drawn as a truck.
var workVehicles = map[string]bool{"bicycle": true, "motorcycle": true, "car": true, "truck": true, "bus": true, "boat": true}

// objectCategory is the WordNet category of a subject's action object:
// the subject it names, else the noun itself.
func (p *plan) objectCategory(s *easel.Subject) (*easel.Subject, string, string) {
	obj := strings.ToLower(s.Object)
	if obj == "" {
		return nil, "", ""
	}
	for i := range p.subjects {
		o := &p.subjects[i]
		if n := strings.ToLower(o.Noun); o != s && n != "" && strings.Contains(obj, n) {
			cat := o.Category
			if cat == "" {
				if e, _, ok := lexical.FindNoun(lastWord(n)); ok {
					cat = e.Category()
				}
			}
			return o, n, cat
		}
	}
	n := lastWord(obj)
	if e, _, ok := lexical.FindNoun(n); ok {
		return nil, n, e.Category()
	}
	return nil, n, ""
}

// workPose is the pose a tool's work is done in: kneeling at a vehicle,
// sitting with needles, else standing at the work ("working"); "" when the
// action names no tool.
func workPose(s *easel.Subject) string {
	tool := toolOf(s)
	if tool == "" {
		return ""
	}
	e, _, ok := lexical.FindNoun(lastWord(strings.ToLower(s.Object)))
	if ok && workVehicles[e.Category()] {
		return "kneeling"
	}
	if wp, ok := workPoses[tool]; ok {
		return wp
	}
	return "working"
}

// workOf fills hd with the tool and the work of a figure's action; it
// reports whether the action is work with a tool.
func (d *painter) workOf(s *easel.Subject, hd *held) bool {
	tool := toolOf(s)
	if tool == "" {
		return false
	}
	p := d.p
	sub, noun, cat := p.objectCategory(s)
	switch tool {
	case "board":
		hd.kind, hd.col = "board", hex("#c8502a") // "a teenager skateboarding": the board under the feet
		return true
	case "stack":
		hd.kind, hd.noun, hd.col = "built", noun, hex("#d8b878") // "a toddler stacking blocks": the stack before them
		if c, ok := colourOf(sub); ok {
			hd.col, hd.tool = c, "own"
		}
		return true
	}
	hd.kind, hd.tool, hd.noun = "work", tool, noun
	col, ok := colourOf(sub)
	if !ok && noun != "" {
		col, ok = colourOf(&easel.Subject{Noun: noun})
	}
	switch {
	case workVehicles[cat]:
		hd.work = "vehicle"
		r := easel.Subject{Noun: noun, Category: cat}
		if sub != nil {
			r = *sub
			r.Category = cat
		}
		hd.ride = nil
		hd.at = &r
		if sub != nil && sub.Element != "" && sub.Element != p.main {
			delete(p.el, sub.Element) // drawn here, at the figure's hands
		}
	case foodCategories[cat]:
		hd.work = "board"
		if !ok {
			col = hex("#e8d8b0")
			if c, found := categoryHue[cat]; found {
				col = hex(c)
			}
		}
	case tool == "needles" || tool == "needle":
		hd.work = "lap"
		if !ok {
			col = hex("#b83a4a") // a red wool, a quilt's patches
			if hasAnyWord(noun, "net", "nets", "netting") {
				col = hex("#b8a878") // hemp
			}
		}
	case tool == "ball":
		hd.work = ""
		if !ok {
			col = hex("#f4f4f0")
		}
	case tool == "can" || tool == "broom" || tool == "spade" || tool == "rake" || tool == "laptop" || tool == "pen" || tool == "sponge":
		hd.work = ""
		if !ok {
			col = d.p.accent
		}
	case noun != "":
		hd.work = "bench" // "sawing a plank", "hammering a sword"
		if !ok {
			col = hex("#b08050")
			if cat == "weapon" || cat == "tool" {
				col = hex("#a8b0b8")
			}
		}
	}
	hd.col = col
	return true
}

// foodHue is the colour of food held when the idea gives none: the hue of
// the most specific food category among the object's words ("a loaf of
// bread" is bread), else cat's, else a ripe red.
func foodHue(obj, cat string) string {
	for _, w := range strings.Fields(obj) {
		if e, _, ok := lexical.FindNoun(w); ok {
			if c, found := categoryHue[e.Category()]; found {
				return c
			}
		}
	}
	if c, ok := categoryHue[cat]; ok {
		return c
	}
	return "#d84a2a"
}

// categoryHue is a food category's colour on the board when the idea and
// WordNet give none.
var categoryHue = map[string]string{
	"vegetable": "#e8dcc0", "fruit": "#e85a3a", "bread": "#c89050", "fish": "#e89a80", "cake": "#f0d8b0",
}

// workThing draws a figure's tool and its work: hand are its hands, y the
// ground it stands or kneels on, h its height.
func (d *painter) workThing(pose string, hand [2][2]float32, y, h, hw float32, hd held) {
	d.paintedNoun(hd.noun, hd.work == "board" || hd.work == "bench" || hd.work == "lap") // the piece worked on, plainly
	d.paintedLike(hd.tool)
	col := d.lit(hd.col, 0.05)
	rx, ry := hand[1][0], hand[1][1]
	lx, ly := hand[0][0], hand[0][1]
	steel := d.lit(hex("#c8ced6"), 0.05)
	wood := d.lit(hex("#6a4428"), 0.05)
	switch hd.work {
	case "board", "bench":
		// A table before them at the waist, a board or the piece on it.
		ty := ry + h*0.06
		x0, x1 := lx-h*0.04, rx+h*0.5
		d.rect(x0, ty, x1, ty+h*0.035)
		d.fill(solid(d.lit(hex("#8a5a34"), 0.05)))
		d.rect(x0+h*0.02, ty+h*0.035, x0+h*0.05, y)
		d.rect(x1-h*0.05, ty+h*0.035, x1-h*0.02, y)
		d.fill(solid(d.lit(hex("#5a3a22"), 0.05)))
		if hd.work == "board" {
			d.roundRect(rx-h*0.02, ty-h*0.02, rx+h*0.32, ty, h*0.008)
			d.fill(solid(d.lit(hex("#d8b078"), 0.05)))
			// The food: a whole one and its pieces.
			d.disc(rx+h*0.25, ty-h*0.06, h*0.045, col, 1, false)
			for k := range 4 {
				px := rx + h*0.05 + float32(k)*h*0.04
				d.ellipse(px, ty-h*0.03, h*0.018, h*0.012)
			}
			d.fill(solid(col.scale(0.92)))
		} else {
			// The piece worked on: a long bar across the bench.
			d.rect(rx-h*0.1, ty-h*0.05, rx+h*0.42, ty)
			d.fill(vgrad(col.scale(1.15), col.scale(0.8), ty-h*0.05, ty))
		}
	case "lap":
		// What is knitted or sewn, over the knees; the yarn at the feet.
		big := hasAnyWord(hd.noun, "quilt", "quilts", "blanket", "net", "nets", "netting", "sail", "rug", "tapestry")
		k := float32(0.6)
		if big {
			k = 1
		}
		d.poly(lx-h*0.2*k, ly-h*0.02, rx+h*0.03, ry-h*0.02, rx+h*0.01, ry+h*0.16*k, lx-h*0.26*k, ly+h*0.24*k)
		pt := vgrad(col.scale(1.15), col.scale(0.85), ly, ly+h*0.24)
		pt.tex, pt.texAmt, pt.texScale = texNoise, 0.25, 1.5*d.u
		d.fill(pt)
		if hasAnyWord(hd.noun, "net", "nets", "netting") {
			for k := range 5 {
				f := float32(k) / 4
				d.line(lx-h*0.22+f*h*0.24, ly-h*0.02, lx-h*0.26+f*h*0.26, ly+h*0.22, max(d.u*0.6, 0.6))
			}
			d.fillNoInk(solid(col.scale(0.6)))
		}
		if hd.tool == "needles" {
			d.disc(lx-h*0.1, y-h*0.05, h*0.05, col.scale(0.9), 1, false)
			d.line(lx-h*0.1, y-h*0.05, lx-h*0.02, ly+h*0.1, max(d.u*0.6, 0.6))
			d.fillNoInk(solid(col))
		}
	case "vehicle":
		// The vehicle beside them, its near wheel at their hands.
		r := hd.at
		vc, ok := colourOf(r)
		if !ok {
			vc = d.p.accent
		}
		switch r.Category {
		case "car":
			s := h * 0.36
			acc, tint := d.p.accent, d.p.tint
			d.p.accent, d.p.tint = vc, []rgb{vc}
			d.car(rx+s*1.2, y, s)
			d.p.accent, d.p.tint = acc, tint
		case "boat":
			// A rowing boat hauled up on the ground, keel down.
			if !ok {
				vc = hex("#e8e0d0")
			}
			c := d.lit(vc, 0.05)
			bx0, bx1, top := rx+h*0.05, rx+h*0.95, y-h*0.28
			d.moveTo(bx0, top)
			d.lineTo(bx1, top-h*0.04)
			d.quadTo(bx1-h*0.1, y, bx1-h*0.3, y)
			d.lineTo(bx0+h*0.15, y)
			d.quadTo(bx0+h*0.02, y-h*0.08, bx0, top)
			d.fill(vgrad(c.scale(1.1), c.scale(0.75), top, y))
			d.line(bx0, top, bx1, top-h*0.04, h*0.02)
			d.fill(solid(d.lit(hex("#5a3a24"), 0.05)))
		case "bicycle", "motorcycle":
			s := h * 0.45
			vehicleDrawers[r.Category](d, rx+s*0.95, y, s, d.lit(vc, 0.05))
		default:
			s := h * 0.4
			vehicleDrawers[r.Category](d, rx+s*0.9, y, s, d.lit(vc, 0.05))
		}
	}
	// The tool in the right hand.
	switch hd.tool {
	case "knife":
		d.line(rx, ry, rx+h*0.05, ry+h*0.01, hw*0.5)
		d.fill(solid(d.lit(hex("#3a2a1e"), 0.05)))
		d.poly(rx+h*0.05, ry-h*0.005, rx+h*0.17, ry+h*0.03, rx+h*0.05, ry+h*0.03)
		d.fill(solid(steel))
	case "saw":
		d.poly(rx, ry-h*0.02, rx+h*0.3, ry+h*0.04, rx+h*0.3, ry+h*0.08, rx, ry+h*0.04)
		d.fill(solid(steel))
		d.roundRect(rx-h*0.05, ry-h*0.03, rx+h*0.01, ry+h*0.05, h*0.01)
		d.fill(solid(wood))
	case "hammer", "wrench":
		d.line(rx, ry+h*0.02, rx+h*0.02, ry-h*0.14, hw*0.4)
		if hd.tool == "hammer" {
			d.fill(solid(wood))
			d.rect(rx-h*0.04, ry-h*0.17, rx+h*0.07, ry-h*0.12)
		}
		d.fill(solid(steel))
	case "needles", "needle":
		// Two needles crossed above the hands.
		d.line(lx-h*0.02, ly+h*0.02, lx+h*0.14, ly-h*0.14, max(hw*0.3, 1.2))
		d.line(rx+h*0.02, ry+h*0.02, rx-h*0.14, ry-h*0.14, max(hw*0.3, 1.2))
		d.fill(solid(steel))
	case "can":
		// A watering can, its spout to the plants before them.
		d.roundRect(rx-h*0.02, ry-h*0.02, rx+h*0.12, ry+h*0.1, h*0.02)
		d.line(rx+h*0.1, ry+h*0.04, rx+h*0.22, ry-h*0.04, hw*0.35)
		d.fill(solid(d.lit(hex("#4a8a5a"), 0.05)))
	case "broom", "spade", "rake":
		d.line(rx, ry-h*0.2, rx+h*0.12, y-h*0.06, hw*0.35)
		d.fill(solid(wood))
		d.poly(rx+h*0.08, y-h*0.08, rx+h*0.2, y-h*0.04, rx+h*0.16, y, rx+h*0.06, y-h*0.02)
		d.fill(solid(d.lit(hex("#b89858"), 0.05)))
	case "laptop":
		d.poly(rx-h*0.02, ry, rx+h*0.16, ry, rx+h*0.2, ry-h*0.12, rx+h*0.04, ry-h*0.12)
		d.fill(solid(d.lit(hex("#3a3e46"), 0.05)))
	case "pin":
		// A rolling pin across both hands.
		d.line(lx-h*0.05, ly+h*0.02, rx+h*0.05, ry+h*0.02, hw*0.7)
		d.fill(solid(d.lit(hex("#c89a60"), 0.05)))
	case "ball":
		// At the front foot, just kicked.
		bx, by, r := rx+h*0.14, y-h*0.06, h*0.06
		d.disc(bx, by, r, col, 1, false)
		if col.lum() > 0.7 {
			d.disc(bx, by, r*0.35, d.lit(hex("#202020"), 0.05), 1, false)
		}
	case "pen", "sponge":
		d.disc(rx, ry, hw*0.8, col, 1, false)
	}
}

// oldLook draws what age puts on a figure: grey hair over the head at
// (hx, hy) of radius r.
func (d *painter) greyHair(hx, hy, r float32) {
	d.moveTo(hx-r, hy+r*0.05)
	d.quadTo(hx-r*1.05, hy-r*1.3, hx, hy-r*1.2)
	d.quadTo(hx+r*1.05, hy-r*1.3, hx+r, hy+r*0.05)
	d.quadTo(hx, hy-r*0.6, hx-r, hy+r*0.05)
	d.fill(solid(d.lit(hex("#d8d8d4"), 0.05)))
}

// bigBeast reports whether a creature subject is too big to hold: a
// horse, a camel, a deer, or a beast whose body plan is as large.
func bigBeast(s *easel.Subject) bool {
	if s == nil {
		return false
	}
	switch s.Element {
	case "horse", "camel", "deer":
		return true
	case "animal":
		b := beastFor("animal", s)
		return b.plan != "" && b.body >= 0.85 && b.plan != "monkey" && b.plan != "rabbit"
	}
	return false
}

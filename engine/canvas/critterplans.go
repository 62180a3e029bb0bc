package canvas

import (
	"math"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/lexical"
)

// This file draws the small creatures by their WordNet body plan
// (bodyplans.go) where the category's generic would be wrong: a beetle's
// domed shell (a ladybug red with black spots), a butterfly's spread
// wings, a striped bee, an ant, a spider's eight legs, a snail's shell, a
// dragonfly, a coiled snake, a turtle's shell, a crocodile's long jaws;
// and what the creature is on: a leaf, a flower, a branch or a rock
// drawn large under it ("a ladybug on a leaf", "a bee above a flower").

// planCritters maps a body plan to its drawer; (x, y) is where it stands,
// s its size as critters gives it.
var planCritters = map[string]func(d *painter, x, y, s float32, col rgb){
	"beetle":    (*painter).beetle,
	"ladybug":   (*painter).ladybug,
	"butterfly": (*painter).butterfly,
	"bee":       (*painter).bee,
	"ant":       (*painter).ant,
	"spider":    (*painter).spider,
	"snail":     (*painter).snail,
	"dragonfly": (*painter).dragonfly,
	"snake":     (*painter).snake,
	"turtle":    (*painter).turtle,
	"crocodile": (*painter).crocodile,
}

// planColours are each plan's colour when the idea gives none.
var planColours = map[string]string{
	"beetle": "#2a4a3a", "ladybug": "#d8201a", "butterfly": "#e8801a", "bee": "#e8b820", "ant": "#3a2218",
	"spider": "#2a2424", "snail": "#b07a4a", "dragonfly": "#2a8ab8", "snake": "#5a8a3a", "turtle": "#5a7a3a",
	"crocodile": "#4a6a34",
}

// critterDrawer is the drawer for a creature subject, by its body plan
// first, else its category; ok is false when it has neither.
func critterDrawer(s *easel.Subject) (f func(d *painter, x, y, s float32, col rgb), def string, ok bool) {
	if s == nil {
		return nil, "", false
	}
	pl := bodyPlan(s.Noun)
	if f, ok := planCritters[pl]; ok {
		if _, cat := critterDrawers[s.Category]; cat || s.Category == "" || planFamily(s.Noun, pl) {
			return f, planColours[pl], true
		}
	}
	if f, ok := critterDrawers[s.Category]; ok {
		return f, critterColours[s.Category], true
	}
	return nil, "", false
}

// perch draws what a creature's relation puts it on, large, under (x, y),
// and returns where it stands; "above" lifts it clear of the thing.
func (d *painter) perch(s *easel.Subject, x, y, size float32) (float32, float32) {
	rel := strings.ToLower(s.Relation)
	prep, obj, _ := strings.Cut(rel, " ")
	noun := lastWord(obj)
	if noun == "" {
		return x, y
	}
	cat := ""
	for _, o := range d.p.subjects[1:] {
		if strings.Contains(obj, strings.ToLower(o.Noun)) && o.Noun != "" {
			cat = o.Category
			if isFlower(&o) {
				cat = "flower" // a rose, which WordNet files under plants
			}
		}
	}
	if e, _, ok := lexical.FindNoun(noun); ok && cat == "" {
		cat = e.Category()
	}
	green := d.lit(hex("#5aa032"), 0.05)
	if top, ok := d.stageFor(s, y); ok {
		return float32(d.w) * 0.5, top // a frog on a mushroom, a ladybug on a strawberry (relations.go)
	}
	switch {
	case cat == "flower":
		// A flower head as wide as the creature, on its stem.
		col := hex("#f0c020")
		for _, o := range d.p.subjects[1:] {
			if c, ok := colourOf(&o); ok && strings.Contains(obj, strings.ToLower(o.Noun)) {
				col = c
			}
		}
		fy := y + size*0.1
		d.line(x, fy, x+size*0.05, float32(d.h)+2, size*0.05)
		d.fill(solid(green))
		for k := 0; k < 12; k++ {
			a := float64(k) * math.Pi / 6
			d.ellipse(x+float32(math.Cos(a))*size*0.3, fy+float32(math.Sin(a))*size*0.1, size*0.16, size*0.06)
		}
		d.fill(solid(d.lit(col, 0.05)))
		d.ellipse(x, fy, size*0.18, size*0.07)
		d.fill(solid(d.lit(hex("#5a3a1a"), 0.05)))
		y = fy - size*0.03
	case noun == "leaf" || noun == "leaves" || cat == "plant" || noun == "lily" || strings.Contains(obj, "lily pad"):
		// A broad leaf with its midrib, raised clear of the grass.
		y -= size * 0.12
		ly := y + size*0.02
		d.moveTo(x-size*0.7, ly)
		d.quadTo(x, ly-size*0.25, x+size*0.7, ly)
		d.quadTo(x, ly+size*0.25, x-size*0.7, ly)
		d.fill(vgrad(green.scale(1.25), green.scale(0.75), ly-size*0.2, ly+size*0.2))
		d.line(x+size*0.6, ly, x+size*0.8, ly+size*0.2, max(2*d.u, 1))
		d.fill(solid(green.scale(0.7)))
		d.line(x-size*0.75, ly+size*0.02, x+size*0.6, ly, max(d.u, 1))
		d.fill(solid(green.mix(rgb{1, 1, 0.7}, 0.3)))
	case noun == "branch" || noun == "twig" || noun == "log" || noun == "stick" || cat == "tree":
		by := y + size*0.04
		d.moveTo(-2, by-size*0.05)
		d.quadTo(float32(d.w)/2, by-size*0.12, float32(d.w)+2, by-size*0.02)
		d.lineTo(float32(d.w)+2, by+size*0.12)
		d.quadTo(float32(d.w)/2, by+size*0.02, -2, by+size*0.1)
		pt := vgrad(d.lit(hex("#7a5a3a"), 0.05), d.lit(hex("#3a2818"), 0.05), by-size*0.1, by+size*0.12)
		pt.tex, pt.texAmt, pt.texScale = texStreakH, 0.3, 4*d.u
		d.fill(pt)
		y = by - size*0.06
	case noun == "rock" || noun == "stone" || noun == "boulder" || noun == "rocks":
		d.blob(x, y+size*0.15, size*0.6, size*0.22)
		d.fill(vgrad(d.lit(hex("#9a968e"), 0.05), d.lit(hex("#5a5650"), 0.05), y-size*0.1, y+size*0.35))
		y -= size * 0.05
	default:
		return x, y
	}
	d.paintedIn(obj, false) // the perch
	if prep == "above" || prep == "over" {
		y -= size * 0.35
	}
	return x, y
}

func (d *painter) beetle(x, y, s float32, col rgb) { d.domed(x, y, s, col, false) }

func (d *painter) ladybug(x, y, s float32, col rgb) { d.domed(x, y, s, col, true) }

// domed draws a beetle from above at an angle: six legs, a domed shell
// split down the middle, a dark head; spotted for a ladybug.
func (d *painter) domed(x, y, s float32, col rgb, spots bool) {
	lw := max(2.2*d.u, 1)
	cy := y - s*0.16
	for k := -1; k <= 1; k++ {
		for _, side := range []float32{-1, 1} {
			d.line(x+float32(k)*s*0.1, cy, x+float32(k)*s*0.2, cy+side*s*0.2, lw)
		}
	}
	d.fill(solid(hex("#141214")))
	d.ellipse(x-s*0.27, cy, s*0.09, s*0.08)
	d.fill(solid(hex("#141214")))
	d.line(x-s*0.33, cy-s*0.04, x-s*0.42, cy-s*0.12, lw*0.7)
	d.line(x-s*0.33, cy+s*0.02, x-s*0.43, cy+s*0.04, lw*0.7)
	d.fill(solid(hex("#141214")))
	d.ellipse(x, cy, s*0.22, s*0.17)
	d.fill(vgrad(col.mix(rgb{1, 1, 1}, 0.25), col.scale(0.7), cy-s*0.17, cy+s*0.17))
	d.line(x-s*0.2, cy, x+s*0.22, cy, lw*0.7)
	d.fill(solid(col.scale(0.35)))
	if spots {
		for _, q := range [][2]float32{{-0.08, -0.08}, {0.08, -0.09}, {-0.1, 0.07}, {0.1, 0.08}, {0.02, -0.02}, {0.14, -0.01}, {-0.02, 0.1}} {
			d.disc(x+q[0]*s, cy+q[1]*s, s*0.03, hex("#141214"), 1, false)
		}
	}
	d.disc(x-s*0.08, cy-s*0.1, s*0.04, rgb{1, 1, 1}, 0.35, false) // shine
}

// butterfly draws a butterfly with its wings spread, seen from above.
func (d *painter) butterfly(x, y, s float32, col rgb) {
	cy := y - s*0.3
	for _, side := range []float32{-1, 1} {
		d.moveTo(x, cy)
		d.cubeTo(x+side*s*0.15, cy-s*0.45, x+side*s*0.5, cy-s*0.35, x+side*s*0.4, cy-s*0.05)
		d.quadTo(x+side*s*0.2, cy, x, cy)
		d.fill(vgrad(col.mix(rgb{1, 1, 0.8}, 0.2), col.scale(0.85), cy-s*0.4, cy))
		d.moveTo(x, cy+s*0.01)
		d.cubeTo(x+side*s*0.32, cy+s*0.02, x+side*s*0.32, cy+s*0.3, x+side*s*0.1, cy+s*0.25)
		d.quadTo(x+side*s*0.03, cy+s*0.15, x, cy+s*0.01)
		d.fill(solid(col.scale(0.8)))
		// Dark edges with white dots.
		d.disc(x+side*s*0.33, cy-s*0.28, s*0.025, rgb{1, 1, 1}, 0.9, false)
		d.disc(x+side*s*0.38, cy-s*0.16, s*0.02, rgb{1, 1, 1}, 0.9, false)
		d.disc(x+side*s*0.2, cy-s*0.18, s*0.05, col.scale(0.4), 0.9, false)
	}
	d.ellipse(x, cy+s*0.03, s*0.025, s*0.16)
	d.fill(solid(hex("#1a1614")))
	lw := max(1.2*d.u, 0.8)
	d.line(x, cy-s*0.12, x-s*0.08, cy-s*0.3, lw)
	d.line(x, cy-s*0.12, x+s*0.08, cy-s*0.3, lw)
	d.fill(solid(hex("#1a1614")))
}

// bee draws a bee in profile: a striped body, clear wings, legs.
func (d *painter) bee(x, y, s float32, col rgb) {
	cy := y - s*0.18
	lw := max(1.8*d.u, 1)
	for k := -1; k <= 1; k++ {
		d.line(x+float32(k)*s*0.06, cy+s*0.05, x+float32(k)*s*0.1-s*0.03, y, lw)
	}
	d.fill(solid(hex("#1a1614")))
	d.ellipse(x+s*0.1, cy, s*0.2, s*0.12)
	d.fill(vgrad(col.mix(rgb{1, 1, 1}, 0.2), col.scale(0.8), cy-s*0.12, cy+s*0.12))
	for k := 0; k < 3; k++ {
		sx := x + s*(0.0+0.09*float32(k))
		d.rect(sx, cy-s*0.12, sx+s*0.04, cy+s*0.12)
	}
	d.poly(x+s*0.28, cy-s*0.02, x+s*0.36, cy+s*0.01, x+s*0.28, cy+s*0.04)
	d.fill(solid(hex("#1a1614")))
	d.disc(x-s*0.14, cy-s*0.02, s*0.08, hex("#2a2220"), 1, false)
	d.line(x-s*0.18, cy-s*0.08, x-s*0.26, cy-s*0.2, lw*0.7)
	d.fill(solid(hex("#1a1614")))
	for _, q := range [][2]float32{{0.02, 0.22}, {0.12, 0.18}} {
		d.ellipse(x+q[0]*s, cy-q[1]*s, s*0.14, s*0.07)
		d.fillNoInk(paint{col: rgb{0.92, 0.96, 1}, alpha: 0.6})
	}
}

// ant draws an ant in profile: three segments, six legs, antennae.
func (d *painter) ant(x, y, s float32, col rgb) {
	cy := y - s*0.12
	lw := max(1.8*d.u, 1)
	for k := -1; k <= 1; k++ {
		bx := x + float32(k)*s*0.04
		d.line(bx, cy, bx+float32(k)*s*0.12, y, lw)
	}
	d.line(x-s*0.2, cy-s*0.04, x-s*0.3, cy-s*0.16, lw*0.8)
	d.fill(solid(col.scale(0.8)))
	d.ellipse(x+s*0.2, cy, s*0.14, s*0.09)
	d.ellipse(x, cy-s*0.01, s*0.07, s*0.045)
	d.ellipse(x-s*0.15, cy-s*0.03, s*0.07, s*0.06)
	d.fill(vgrad(col.scale(1.3), col.scale(0.8), cy-s*0.1, cy+s*0.1))
}

// spider draws a spider: a round body and eight bent legs.
func (d *painter) spider(x, y, s float32, col rgb) {
	cy := y - s*0.2
	lw := max(2*d.u, 1)
	for k := 0; k < 4; k++ {
		for _, side := range []float32{-1, 1} {
			a := float32(k)*0.35 - 0.5
			kx, ky := x+side*s*(0.2+0.04*float32(k)), cy-s*(0.12-0.05*float32(k))+a*s*0.05
			d.line(x+side*s*0.05, cy, kx, ky-s*0.1, lw)
			d.line(kx, ky-s*0.1, kx+side*s*0.1, y, lw)
		}
	}
	d.fill(solid(col.scale(0.85)))
	d.disc(x+s*0.08, cy-s*0.02, s*0.13, col, 1, false)
	d.disc(x-s*0.08, cy, s*0.07, col.scale(0.9), 1, false)
	d.disc(x-s*0.12, cy-s*0.02, s*0.015, rgb{1, 1, 1}, 0.8, false)
}

// snail draws a snail: a soft foot with eye stalks under a spiral shell.
func (d *painter) snail(x, y, s float32, col rgb) {
	foot := d.lit(hex("#c8b89a"), 0.05)
	d.moveTo(x-s*0.35, y)
	d.quadTo(x, y-s*0.1, x+s*0.3, y)
	d.lineTo(x-s*0.35, y)
	d.fill(solid(foot))
	d.line(x-s*0.28, y-s*0.03, x-s*0.36, y-s*0.2, max(2*d.u, 1))
	d.line(x-s*0.25, y-s*0.03, x-s*0.28, y-s*0.2, max(2*d.u, 1))
	d.fill(solid(foot))
	d.disc(x-s*0.36, y-s*0.2, s*0.018, hex("#1a1614"), 1, false)
	d.disc(x-s*0.28, y-s*0.2, s*0.018, hex("#1a1614"), 1, false)
	cx, cy, r := x+s*0.03, y-s*0.22, s*0.22
	d.disc(cx, cy, r, col, 1, false)
	// The spiral.
	n := 40
	px, py := cx, cy
	for i := 1; i <= n; i++ {
		t := float64(i) / float64(n)
		a := t * 4 * math.Pi
		rr := float32(t) * r * 0.9
		nx, ny := cx+float32(math.Cos(a))*rr, cy+float32(math.Sin(a))*rr
		d.line(px, py, nx, ny, max(1.5*d.u, 1))
		px, py = nx, ny
	}
	d.fill(solid(col.scale(0.55)))
}

// dragonfly draws a dragonfly: a long thin body and four long wings.
func (d *painter) dragonfly(x, y, s float32, col rgb) {
	cy := y - s*0.35
	for _, q := range [][2]float32{{-0.12, -0.1}, {0.12, -0.1}, {-0.1, 0.06}, {0.1, 0.06}} {
		d.ellipse(x+q[0]*s*1.6, cy+q[1]*s*0.5, s*0.22, s*0.05)
		d.fillNoInk(paint{col: rgb{0.9, 0.96, 1}, alpha: 0.55})
	}
	d.line(x, cy-s*0.06, x, cy+s*0.45, max(3*d.u, 1))
	d.fill(solid(col))
	d.disc(x, cy-s*0.08, s*0.05, col.scale(1.2), 1, false)
}

// snake draws a snake in S-curves on the ground, its head raised.
func (d *painter) snake(x, y, s float32, col rgb) {
	w := s * 0.07
	px, py := x+s*0.6, y-w
	for i := 1; i <= 30; i++ {
		t := float32(i) / 30
		nx := x + s*0.6 - t*s*1.1
		ny := y - w - float32(math.Sin(float64(t)*3*math.Pi))*s*0.08
		if t > 0.85 {
			ny -= (t - 0.85) * s * 1.2 // the raised head
		}
		d.line(px, py, nx, ny, w*(0.5+0.6*min(t*3, 1)))
		px, py = nx, ny
	}
	d.fill(vgrad(col.scale(1.2), col.scale(0.7), y-s*0.3, y))
	d.ellipse(px-w*0.6, py, w*1.2, w*0.8)
	d.fill(solid(col))
	d.disc(px-w*0.6, py-w*0.3, w*0.2, hex("#101010"), 1, false)
	d.line(px-w*1.7, py+w*0.2, px-w*2.6, py+w*0.4, max(d.u, 1))
	d.fill(solid(hex("#c82a2a")))
}

// turtle draws a turtle in profile: a domed, patterned shell, legs, head.
func (d *painter) turtle(x, y, s float32, col rgb) {
	skin := col.mix(hex("#8a8a5a"), 0.5)
	for _, lx := range []float32{-0.22, 0.18} {
		d.ellipse(x+lx*s, y-s*0.04, s*0.07, s*0.05)
	}
	d.ellipse(x-s*0.4, y-s*0.14, s*0.1, s*0.06)
	d.line(x-s*0.28, y-s*0.1, x-s*0.38, y-s*0.13, s*0.07)
	d.fill(solid(skin))
	d.disc(x-s*0.44, y-s*0.15, s*0.015, hex("#101010"), 1, false)
	d.moveTo(x-s*0.32, y-s*0.06)
	d.cubeTo(x-s*0.3, y-s*0.42, x+s*0.3, y-s*0.42, x+s*0.34, y-s*0.06)
	d.lineTo(x-s*0.32, y-s*0.06)
	d.fill(vgrad(col.scale(1.2), col.scale(0.75), y-s*0.36, y))
	for _, q := range [][2]float32{{-0.14, 0.14}, {0.02, 0.22}, {0.17, 0.14}, {0.0, 0.1}} {
		d.ellipse(x+q[0]*s, y-q[1]*s, s*0.07, s*0.05)
	}
	d.fill(solid(col.scale(0.55)))
}

// crocodile draws a crocodile in profile: long jaws with teeth, a ridged
// back, short legs, a long tail.
func (d *painter) crocodile(x, y, s float32, col rgb) {
	lw := max(3*d.u, 1)
	for _, lx := range []float32{-0.25, 0.2} {
		d.line(x+lx*s, y-s*0.08, x+lx*s-s*0.06, y, lw*1.5)
	}
	d.fill(solid(col.scale(0.7)))
	d.moveTo(x-s*0.75, y-s*0.08)
	d.lineTo(x-s*0.4, y-s*0.14)
	d.quadTo(x, y-s*0.2, x+s*0.4, y-s*0.12)
	d.quadTo(x+s*0.8, y-s*0.08, x+s*1.0, y-s*0.03)
	d.quadTo(x+s*0.5, y-s*0.02, x, y-s*0.04)
	d.lineTo(x-s*0.75, y-s*0.04)
	d.fill(vgrad(col.scale(1.15), col.scale(0.7), y-s*0.2, y))
	for i := 0; i < 10; i++ {
		bx := x - s*0.3 + float32(i)*s*0.1
		by := y - s*0.16 + float32(i)*s*0.008
		d.poly(bx-s*0.02, by+s*0.02, bx, by-s*0.02, bx+s*0.02, by+s*0.02)
	}
	d.fill(solid(col.scale(0.6)))
	for i := 0; i < 6; i++ {
		tx := x - s*0.72 + float32(i)*s*0.05
		d.poly(tx, y-s*0.06, tx+s*0.012, y-s*0.035, tx+s*0.024, y-s*0.06)
	}
	d.fill(solid(hex("#f0ece0")))
	d.disc(x-s*0.42, y-s*0.15, s*0.02, hex("#d8c020"), 1, false)
}

// perchWords are the things perch draws under a creature.
var perchWords = []string{"leaf", "leaves", "lily", "branch", "twig", "log", "stick", "rock", "stone", "boulder", "rocks"}

// perched reports whether subject i of s is what the first subject, a
// creature, is drawn on (perch), so it is drawn.
func perched(s *easel.Scene, i int) bool {
	if i == 0 || len(s.Subjects) == 0 {
		return false
	}
	c := &s.Subjects[0]
	if _, _, ok := critterDrawer(c); !ok && c.Category != "bird" {
		return false
	}
	n := strings.ToLower(s.Subjects[i].Noun)
	rel := strings.ToLower(c.Relation)
	return n != "" && strings.Contains(rel, n) && (hasAnyWord(n, perchWords...) || s.Subjects[i].Category == "flower")
}

// planFamily reports whether WordNet also files noun under the category
// of its plan's own word (a ladybug is an insect, a snail a sea creature),
// so the plan holds though the subject's category is another sense.
func planFamily(noun, pl string) bool {
	e, _, ok := lexical.FindNoun(strings.ToLower(noun))
	p, _ := lexical.Lookup(pl)
	return ok && p.Category() != "" && e.Has(p.Category())
}

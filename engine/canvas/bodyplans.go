package canvas

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/lexical"
)

// This file reads bodyplans.txt, generated from WordNet by
// internal/bodygen: the body plan of every noun under a few WordNet
// synsets (a weevil is a beetle, a mandrill a monkey, a swan a water
// bird), and gives the quadrupeds of those plans their proportions and
// features: an elephant's trunk, ears and tusks, a giraffe's neck and
// patches, a bear's bulk, a lion's mane, a tiger's stripes, a sheep's
// fleece, a pig's snout, a cow's horns, a unicorn's horn.

//go:generate go run ./internal/bodygen -wordnet /usr/share/wordnet -out bodyplans.txt

//go:embed bodyplans.txt
var bodyPlansText string

var bodyPlans = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for line := range strings.SplitSeq(bodyPlansText, "\n") {
		if k, v, ok := strings.Cut(line, "\t"); ok && line[0] != '#' {
			m[k] = v
		}
	}
	return m
})

// bodyPlan is the body plan WordNet files a noun under ("beetle",
// "elephant", "waterfowl", ...), "" when none: the whole noun, its
// singular, else its last word ("a baby elephant").
func bodyPlan(noun string) string {
	n := strings.ToLower(strings.TrimSpace(noun))
	if n == "" {
		return ""
	}
	m := bodyPlans()
	if p, ok := m[n]; ok {
		return p
	}
	if e, _, ok := lexical.FindNoun(n); ok {
		if p, ok := m[e.Lemma]; ok {
			return p
		}
	}
	if i := strings.LastIndexByte(n, ' '); i >= 0 {
		return bodyPlan(n[i+1:])
	}
	return ""
}

// planBeasts are the quadruped plans' proportions and colours; their
// features are drawn by beastFeatures.
var planBeasts = map[string]beast{
	"elephant": {body: 1.15, legs: 0.85, neck: 0.12, head: 0.42, tail: 0.25, ears: 0.0, col: hex("#8a8a8e"),
		kind: "elephant", depth: 0.62, neckAng: 30, headAng: -70, jaw: 0.26, muzzle: 0.9, limb: 2.4},
	"giraffe": {body: 0.8, legs: 1.45, neck: 1.05, head: 0.26, tail: 0.4, ears: 0.08, col: hex("#d8a048"),
		kind: "giraffe", depth: 0.36, neckAng: 72, headAng: -40, jaw: 0.1, muzzle: 0.6, limb: 0.9},
	"bear": {body: 0.95, legs: 0.55, neck: 0.22, head: 0.3, tail: 0.08, ears: 0.06, col: hex("#5a3a22"),
		kind: "bear", depth: 0.52, neckAng: 25, headAng: -25, jaw: 0.17, muzzle: 0.55, limb: 1.9},
	"panda": {body: 0.95, legs: 0.55, neck: 0.22, head: 0.3, tail: 0.06, ears: 0.07, col: hex("#f2f0ea"),
		kind: "panda", depth: 0.52, neckAng: 25, headAng: -25, jaw: 0.17, muzzle: 0.45, limb: 1.9},
	"bigcat": {body: 0.95, legs: 0.62, neck: 0.22, head: 0.25, tail: 0.65, ears: 0.06, col: hex("#c8903a"),
		kind: "bigcat", depth: 0.36, neckAng: 35, headAng: -15, jaw: 0.16, muzzle: 0.7, limb: 1.3},
	"sheep": {body: 0.8, legs: 0.5, neck: 0.2, head: 0.22, tail: 0.1, ears: 0.07, col: hex("#ece6d8"),
		kind: "sheep", depth: 0.42, neckAng: 40, headAng: -50, jaw: 0.12, muzzle: 0.6, limb: 0.8},
	"pig": {body: 0.85, legs: 0.4, neck: 0.12, head: 0.26, tail: 0.1, ears: 0.08, col: hex("#e8a8a0"),
		kind: "pig", depth: 0.42, neckAng: 20, headAng: -20, jaw: 0.16, muzzle: 0.95, limb: 1.2},
	"cow": {body: 1.05, legs: 0.7, neck: 0.25, head: 0.32, tail: 0.5, ears: 0.07, col: hex("#f0ece4"),
		kind: "cow", depth: 0.48, neckAng: 30, headAng: -55, jaw: 0.16, muzzle: 0.8, limb: 1.5},
	"unicorn": {body: 1.0, legs: 0.95, neck: 0.5, head: 0.36, tail: 0.55, ears: 0.08, col: hex("#f4f2f6"),
		kind: "horse", depth: 0.4, neckAng: 52, headAng: -62, jaw: 0.17, muzzle: 0.55, limb: 1.25, plan: "unicorn"},
	"horse": {body: 1.0, legs: 0.95, neck: 0.5, head: 0.36, tail: 0.55, ears: 0.08, col: hex("#6a4028"),
		kind: "horse", depth: 0.4, neckAng: 52, headAng: -62, jaw: 0.17, muzzle: 0.55, limb: 1.25},
	"rodent": {body: 0.6, legs: 0.28, neck: 0.1, head: 0.22, tail: 0.7, ears: 0.1, col: hex("#8a7a6a"),
		kind: "rodent", depth: 0.3, neckAng: 20, headAng: -20, jaw: 0.12, muzzle: 0.4, limb: 0.8},
	"monkey": {col: hex("#6a4a30"), plan: "monkey"},
	"rabbit": {plan: "rabbit", body: 0.6, legs: 0.35, neck: 0.1, head: 0.22, tail: 0.08, ears: 0.3, col: hex("#b8a088"),
		kind: "rabbit", depth: 0.38, neckAng: 50, headAng: -30, jaw: 0.13, muzzle: 0.6, limb: 1.1},
}

// beastFor is the beast to draw for element k and its subject: the plan
// WordNet gives the subject's noun when it has one, else the element's
// own, in the subject's colour.
func beastFor(k string, sub *easel.Subject) beast {
	b := beasts[k]
	if sub != nil {
		if pb, ok := planBeasts[bodyPlan(sub.Noun)]; ok {
			b = pb
			if b.plan == "" {
				b.plan = bodyPlan(sub.Noun)
			}
		}
		if c, ok := colourOf(sub); ok && (b.kind != "panda" || len(sub.Colors) > 0) {
			b.col = c.scale(0.85) // "three white rabbits", "a grey donkey" (a panda's two tones are its own)
		}
		if b.plan == "" {
			b.plan = bodyPlan(sub.Noun)
		}
		if n := strings.ToLower(sub.Noun); hasAnyWord(n, "tiger", "tigers", "lion", "lions", "zebra", "zebras") {
			b.plan += " " + n // a mane, stripes
			if strings.Contains(n, "zebra") && len(sub.Colors) == 0 {
				b.col = hex("#f0ece4")
			}
		}
	}
	return b
}

// headGeom is where quadruped put the head and body, in its local units.
type headGeom struct {
	pu, pv, ac, as, jnu, jnv, mu, mv, wu, wv, L, legH, top float32
}

// beastFeatures draws what a plan adds to the quadruped: P maps the
// animal's local (u, v) to the picture.
func (d *painter) beastFeatures(b beast, P func(u, v float32) (float32, float32), col rgb, g headGeom) {
	switch b.kind {
	case "elephant":
		// A trunk hanging from the muzzle nearly to the ground, curling
		// forward at its tip; a tusk; a big ear over the neck.
		d.limb(P, 1, [][3]float32{{g.mu, g.mv + 0.05, 0.13}, {g.mu + 0.06, g.mv - 0.2, 0.09},
			{g.mu + 0.06, g.mv - 0.42, 0.065}, {g.mu + 0.12, g.mv - 0.52, 0.05}})
		d.fill(solid(col.scale(1.02)))
		d.limb(P, 1, [][3]float32{{g.mu - 0.06, g.mv + 0.02, 0.035}, {g.mu + 0.05, g.mv - 0.1, 0.025}, {g.mu + 0.14, g.mv - 0.06, 0.008}})
		d.fill(solid(d.lit(hex("#f2ecdc"), 0.05)))
		ex, ey := P(g.pu-0.08, g.pv-0.12)
		w := d.u0(P, 0.2)
		d.ellipse(ex, ey, w, w*1.25)
		d.fill(vgrad(col.scale(0.95), col.scale(0.7), ey-w*1.25, ey+w*1.25))
	case "giraffe":
		// Patches over the body and neck, two ossicones.
		pc := col.scale(0.55)
		for i := 0; i < 14; i++ {
			u := -g.L/2 + 0.1 + g.L*0.8*float32(i%5)/4 + 0.03*float32(i/5)
			v := g.legH + 0.06 + 0.1*float32(i/5)
			x, y := P(u, v)
			d.disc(x, y, d.u0(P, 0.045), pc, 0.9, false)
		}
		for i := 0; i < 6; i++ {
			t := (float32(i) + 0.5) / 6
			x, y := P(g.wu+(g.pu-g.wu)*t-0.02, g.wv+(g.pv-g.wv)*t-0.02)
			d.disc(x, y, d.u0(P, 0.03), pc, 0.9, false)
		}
		d.limb(P, 1, [][3]float32{{g.pu, g.pv, 0.02}, {g.pu - 0.03, g.pv + 0.1, 0.015}})
		d.limb(P, 1, [][3]float32{{g.pu + 0.04, g.pv, 0.02}, {g.pu + 0.02, g.pv + 0.1, 0.015}})
		d.fill(solid(col.scale(0.5)))
	case "bear":
		// Round ears.
		x, y := P(g.pu-0.02, g.pv+0.03)
		d.disc(x, y, d.u0(P, 0.05), col.scale(0.8), 1, false)
	case "panda":
		// Black legs and shoulders, black ears and eye patches.
		black := hex("#1c1a1c")
		fu, hu := g.L/2-0.13, -g.L/2+0.15
		for _, u := range []float32{fu, fu + 0.07, hu, hu - 0.05} {
			d.limb(P, 1.9, [][3]float32{{u, g.legH + 0.12, 0.1}, {u + 0.01, g.legH * 0.5, 0.07}, {u + 0.02, 0, 0.07}})
		}
		d.fill(solid(black))
		sx, sy := P(g.wu-0.05, g.top-0.12)
		d.ellipse(sx, sy, d.u0(P, 0.14), d.u0(P, 0.18))
		d.fill(solid(black))
		x, y := P(g.pu-0.02, g.pv+0.03)
		d.disc(x, y, d.u0(P, 0.06), black, 1, false)
		ex, ey := P(g.pu+g.ac*0.15+g.jnu*0.05, g.pv+g.as*0.15+g.jnv*0.05)
		d.disc(ex, ey, d.u0(P, 0.04), black, 1, false)
	case "bigcat":
		if strings.Contains(b.plan, "lion") && !strings.Contains(b.plan, "lioness") {
			// A mane around the head and down the neck.
			x, y := P((g.pu+g.wu)/2+0.05, (g.pv+g.wv)/2)
			r := d.u0(P, 0.2)
			d.ellipse(x, y, r, r*1.15)
			d.fill(solid(col.scale(0.6)))
			hx, hy := P(g.pu+g.ac*0.12, g.pv+g.as*0.12)
			d.disc(hx, hy, d.u0(P, 0.1), col.scale(1.05), 1, false)
		}
		if strings.Contains(b.plan, "tiger") {
			for i := 0; i < 7; i++ {
				u := -g.L/2 + 0.12 + g.L*0.75*float32(i)/6
				d.limb(P, 1, [][3]float32{{u, g.top, 0.025}, {u + 0.04, g.legH + 0.05, 0.012}})
			}
			d.fill(solid(hex("#1a1410")))
		}
	case "sheep":
		// A fleece of round tufts over the body; the head stays dark.
		for i := 0; i < 18; i++ {
			u := -g.L/2 + 0.06 + g.L*0.85*float32(i%6)/5
			v := g.legH + 0.06 + 0.13*float32(i/6)
			x, y := P(u, v)
			d.disc(x, y, d.u0(P, 0.09), col.mix(rgb{1, 1, 1}, 0.15*float32(i%2)), 1, false)
		}
		x, y := P(g.pu+g.ac*0.15, g.pv+g.as*0.15)
		d.disc(x, y, d.u0(P, 0.09), hex("#2a2622"), 1, false)
	case "pig":
		// A flat snout and a curly tail.
		x, y := P(g.mu, g.mv)
		d.ellipse(x, y, d.u0(P, 0.04), d.u0(P, 0.06))
		d.fill(solid(col.scale(0.8)))
		tx, ty := P(-g.L/2-0.02, g.top-0.08)
		d.arc(tx, ty, d.u0(P, 0.05), d.u0(P, 0.05), 0, 5, d.u0(P, 0.015), col.scale(0.85))
	case "cow":
		// Horns and, on a white cow, black patches.
		d.limb(P, 1, [][3]float32{{g.pu, g.pv, 0.025}, {g.pu - 0.06, g.pv + 0.08, 0.012}})
		d.fill(solid(d.lit(hex("#e8e0c8"), 0.05)))
		if col.lum() > 0.6 {
			for _, q := range [][2]float32{{-0.2, 0.1}, {0.15, 0.2}, {-0.35, 0.3}} {
				x, y := P(q[0], g.legH+q[1])
				d.ellipse(x, y, d.u0(P, 0.1), d.u0(P, 0.07))
			}
			d.fill(solid(hex("#1e1c1c")))
		}
	case "rabbit":
		// Long ears and a white scut.
		x, y := P(-g.L/2, g.top-0.1)
		d.disc(x, y, d.u0(P, 0.06), d.lit(hex("#f4f0ea"), 0.05), 1, false)
	}
	if strings.Contains(b.plan, "zebra") {
		for i := 0; i < 9; i++ {
			u := -g.L/2 + 0.08 + g.L*0.8*float32(i)/8
			d.limb(P, 1, [][3]float32{{u, g.top, 0.03}, {u + 0.03, g.legH + 0.02, 0.015}})
		}
		for i := 0; i < 4; i++ {
			t := (float32(i) + 0.5) / 4
			u, v := g.wu+(g.pu-g.wu)*t, g.wv+(g.pv-g.wv)*t
			d.limb(P, 1, [][3]float32{{u - 0.05, v + 0.02, 0.02}, {u + 0.06, v - 0.04, 0.012}})
		}
		d.fill(solid(hex("#161414")))
	}
	if b.plan == "unicorn" {
		// The horn: a long, pale, spiralled cone from the forehead.
		bu, bv := g.pu+g.ac*0.06, g.pv+g.as*0.06
		tu, tv := bu+0.12, bv+0.3
		ax, ay := P(bu-0.03, bv)
		cx, cy := P(bu+0.03, bv+0.01)
		tx, ty := P(tu, tv)
		d.poly(ax, ay, tx, ty, cx, cy)
		d.fill(vgrad(d.lit(hex("#fff4c0"), 0.02), d.lit(hex("#e0b850"), 0.02), ty, ay))
		for k := 1; k <= 3; k++ {
			f := float32(k) / 4
			x0, y0 := P(bu-0.03*(1-f)+0.12*f, bv+0.3*f)
			x1, y1 := P(bu+0.03*(1-f)+0.12*f, bv+0.01+0.3*f)
			d.line(x0, y0, x1, y1, max(d.u, 1))
		}
		d.fill(solid(d.lit(hex("#c09030"), 0.02)))
	}
}

// u0 is a length of local units in pixels for P.
func (d *painter) u0(P func(u, v float32) (float32, float32), l float32) float32 {
	x0, y0 := P(0, 0)
	_, y1 := P(0, l)
	_ = x0
	return y0 - y1
}

// beast draws one animal of the subject sub by its plan: a monkey or a
// rabbit sitting up, any other as a quadruped (life.go).
func (d *painter) beast(b beast, sub *easel.Subject, x, y, s, dir float32) {
	if y < float32(d.h)*1.04 {
		d.paintedSub(sub) // its feet in the frame, not below it
	}
	if lying(sub) && b.plan != "monkey" && b.plan != "rabbit" && !b.hump {
		// "a lion sleeping under a tree": the legs folded under, the
		// head low on the neck.
		b.legs *= 0.18
		b.neckAng, b.headAng = 12, -8
		b.neck *= 0.7
	}
	switch b.plan {
	case "monkey":
		d.monkey(sub, x, y, s*1.3, b.col)
	case "rabbit":
		d.rabbit(x, y, s*0.85, b.col, dir)
	default:
		d.quadruped(b, x, y, s, dir)
	}
}

// monkey draws a monkey or an ape sitting up on (x, y), facing us: a long
// curling tail, bent legs, arms, a round head with a pale face and ears,
// and what it holds ("a monkey holding a banana") in its colour.
func (d *painter) monkey(sub *easel.Subject, x, y, s float32, col rgb) {
	col = d.lit(col, 0.05)
	face := d.lit(hex("#e8c8a0"), 0.05)
	lw := s * 0.09
	// Tail curling up behind.
	d.moveTo(x+s*0.15, y-s*0.1)
	d.cubeTo(x+s*0.6, y, x+s*0.7, y-s*0.5, x+s*0.45, y-s*0.55)
	d.cubeTo(x+s*0.6, y-s*0.45, x+s*0.55, y-s*0.08, x+s*0.15, y-s*0.05)
	d.fill(solid(col.scale(0.8)))
	// Legs bent, feet forward.
	for _, sx := range []float32{-1, 1} {
		d.line(x+sx*s*0.1, y-s*0.15, x+sx*s*0.22, y-s*0.05, lw)
		d.line(x+sx*s*0.22, y-s*0.05, x+sx*s*0.12, y, lw)
	}
	d.fill(solid(col.scale(0.85)))
	d.ellipse(x, y-s*0.3, s*0.2, s*0.25)
	d.fill(vgrad(col.scale(1.15), col.scale(0.8), y-s*0.55, y))
	d.ellipse(x, y-s*0.26, s*0.11, s*0.15)
	d.fill(solid(face.scale(0.9)))
	// Arms to the hands before the chest.
	hy := y - s*0.32
	d.line(x-s*0.16, y-s*0.45, x-s*0.06, hy, lw*0.9)
	d.line(x+s*0.16, y-s*0.45, x+s*0.06, hy, lw*0.9)
	d.fill(solid(col))
	// Head: ears, a face mask, eyes, nostrils.
	hx, hyy := x, y-s*0.66
	for _, sx := range []float32{-1, 1} {
		d.disc(hx+sx*s*0.17, hyy, s*0.07, col, 1, false)
		d.disc(hx+sx*s*0.17, hyy, s*0.04, face, 1, false)
	}
	d.disc(hx, hyy, s*0.17, col, 1, false)
	d.ellipse(hx, hyy+s*0.03, s*0.12, s*0.11)
	d.fill(solid(face))
	for _, sx := range []float32{-1, 1} {
		d.disc(hx+sx*s*0.05, hyy-s*0.01, s*0.022, hex("#1a1410"), 1, false)
	}
	d.disc(hx, hyy+s*0.07, s*0.012, hex("#3a2a20"), 1, false)
	if sub == nil || sub.Object == "" {
		return
	}
	held := &easel.Subject{Noun: lastWord(strings.ToLower(sub.Object))}
	for i := range d.p.subjects {
		if o := &d.p.subjects[i]; o != sub && strings.Contains(strings.ToLower(sub.Object), strings.ToLower(o.Noun)) {
			held = o
		}
	}
	c, ok := colourOf(held)
	if !ok {
		c = hex("#f0d040")
	}
	c = d.lit(c, 0.05)
	if strings.Contains(strings.ToLower(held.Noun), "banana") {
		// A banana's curve.
		d.moveTo(x-s*0.12, hy-s*0.12)
		d.quadTo(x, hy+s*0.08, x+s*0.14, hy-s*0.14)
		d.quadTo(x, hy+s*0.02, x-s*0.12, hy-s*0.12)
		d.fill(solid(c))
	} else {
		d.disc(x, hy-s*0.02, s*0.07, c, 1, false)
	}
	d.disc(x-s*0.06, hy, s*0.035, col.scale(0.9), 1, false)
	d.disc(x+s*0.06, hy, s*0.035, col.scale(0.9), 1, false)
}

// rabbit draws a rabbit sitting in profile: a round body, long upright
// ears, a white tail.
func (d *painter) rabbit(x, y, s float32, col rgb, dir float32) {
	col = d.lit(col, 0.05)
	d.ellipse(x, y-s*0.3, s*0.35, s*0.3)
	d.fill(vgrad(col.scale(1.15), col.scale(0.8), y-s*0.6, y))
	d.ellipse(x+dir*s*0.15, y-s*0.05, s*0.18, s*0.06)
	d.fill(solid(col.scale(0.9)))
	hx, hy := x-dir*s*0.3, y-s*0.6
	for _, k := range []float32{0, 0.1} {
		d.ellipse(hx+dir*s*(0.05+k), hy-s*0.35, s*0.06, s*0.24)
	}
	d.fill(solid(col.scale(0.9)))
	d.ellipse(hx+dir*s*0.05, hy-s*0.33, s*0.03, s*0.18)
	d.fill(solid(d.lit(hex("#e8b0b0"), 0.05)))
	d.disc(hx, hy, s*0.17, col, 1, false)
	d.disc(hx-dir*s*0.07, hy-s*0.03, s*0.025, hex("#1a1410"), 1, false)
	d.disc(hx-dir*s*0.16, hy+s*0.04, s*0.02, hex("#d88080"), 1, false)
	d.disc(x+dir*s*0.35, y-s*0.25, s*0.08, d.lit(hex("#f4f0ea"), 0.05), 1, false)
}

// lying reports whether a subject's action lays it down: sleeping,
// lying, resting, dozing.
func lying(sub *easel.Subject) bool {
	if sub == nil || sub.Action == "" {
		return false
	}
	if hasAnyWord(strings.ToLower(sub.Action), "asleep", "curled", "snoozing", "dozing", "sprawled", "lounging", "basking") {
		return true // "a dragon asleep on its hoard"
	}
	e, _, ok := lexical.FindVerb(strings.ToLower(sub.Action))
	return ok && poses[e.Lemma] == "lying" || ok && e.Lemma == "rest"
}

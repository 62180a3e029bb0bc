package canvas

import (
	"math"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/lexical"
)

// This file draws a figure on another subject its relation names ("an
// astronaut sitting on a giant strawberry", "a girl standing on a rock",
// "a boy sitting on the moon"): the thing drawn large in the middle, by
// its category (a fruit, a mushroom, a cake, the moon, a rock), and the
// figure on top of it; and a person in space, floating.

// onWords are the prepositions that put a figure on top of a thing.
var onWords = map[string]bool{"on": true, "atop": true, "upon": true, "onto": true, "on top of": true}

// stageOf is the subject a figure's relation puts it on and the shape to
// draw it by ("fruit", "berry", "mushroom", "cake", "moon", "rock"), or
// nil when it is on nothing the canvas draws so.
func (p *plan) stageOf(s *easel.Subject) (*easel.Subject, string) {
	rel := strings.ToLower(s.Relation)
	prep, obj, _ := strings.Cut(rel, " ")
	if strings.HasPrefix(rel, "on top of ") {
		prep, obj = "on top of", strings.TrimPrefix(rel, "on top of ")
	}
	if !onWords[prep] || obj == "" {
		return nil, ""
	}
	for i := 1; i < len(p.subjects); i++ {
		t := &p.subjects[i]
		n := strings.ToLower(t.Noun)
		if n == "" || !strings.Contains(obj, n) {
			continue
		}
		cats := []string{t.Category}
		if e, _, ok := lexical.FindNoun(n); ok {
			cats = append(cats, e.CategoryList()...)
		}
		last := lastWord(n)
		switch {
		case hasAnyWord(last, "mushroom", "mushrooms", "toadstool", "toadstools"):
			return t, "mushroom"
		case hasAnyWord(last, "moon"):
			return t, "moon"
		case hasAnyWord(last, "rock", "stone", "boulder", "rocks"):
			return t, "rock"
		}
		for _, c := range cats {
			switch c {
			case "flower":
				return t, "flower"
			case "fruit", "vegetable":
				if strings.Contains(last, "berry") || strings.Contains(last, "berries") {
					return t, "berry"
				}
				return t, "fruit"
			case "cake", "dessert", "pastry", "bread", "cookie", "pie", "candy":
				return t, "cake"
			}
		}
	}
	return nil, ""
}

// stageFor draws (once) the thing the main subject sub's relation puts it
// on, large, standing on groundY, and returns the y of its top, where the
// subject stands or sits; ok is false when there is no such thing.
func (d *painter) stageFor(sub *easel.Subject, groundY float32) (float32, bool) {
	p := d.p
	if sub == nil || len(p.subjects) == 0 || sub.Noun != p.subjects[0].Noun {
		return 0, false
	}
	t, shape := p.stageOf(sub)
	if t == nil {
		return 0, false
	}
	if p.stageTop == 0 {
		r := float32(d.w) * 0.26
		switch strings.ToLower(t.Size) {
		case "giant", "huge", "enormous", "gigantic", "massive", "colossal", "big", "large":
			r = float32(d.w) * 0.32
		}
		p.stageTop = d.stageThing(t, shape, float32(d.w)*0.5, groundY, r)
		delete(p.el, t.Element)
	}
	return p.stageTop, true
}

// staged draws a figure on the thing its relation puts it on, drawing the
// thing first (once, for all figures); it reports whether it did.
func (d *painter) staged(s *easel.Subject, x, y, h float32, pose string, col rgb, hd held) bool {
	p := d.p
	t, shape := p.stageOf(s)
	if t == nil {
		return false
	}
	W := float32(d.w)
	if p.stageTop == 0 {
		r := W * 0.26
		switch strings.ToLower(t.Size) {
		case "giant", "huge", "enormous", "gigantic", "massive", "colossal", "big", "large":
			r = W * 0.32
		}
		cx := W * 0.5
		p.stageTop = d.stageThing(t, shape, cx, y, r)
		delete(p.el, t.Element)
	}
	hd.seated = true
	fh := h * 0.62
	if pose == "sitting" {
		// Seated on top, the legs hanging over the front.
		d.figure(x, p.stageTop+fh*0.3, fh, "sitting", col, hd)
		return true
	}
	d.figure(x, p.stageTop+fh*0.02, fh, pose, col, hd)
	return true
}

// stageThing draws a large thing whose bottom is at y, centred on cx, of
// radius r, and returns the y of its top.
func (d *painter) stageThing(t *easel.Subject, shape string, cx, y, r float32) float32 {
	d.paintedSub(t)
	col, ok := colourOf(t)
	def := map[string]string{"flower": "#e84a8a", "berry": "#d8202a", "fruit": "#d83a2a", "mushroom": "#c8282a", "cake": "#f0d8e0",
		"moon": "#e8e4d8", "rock": "#8a8680"}[shape]
	if !ok {
		col = hex(def)
	}
	col = d.lit(col, 0.05)
	if shape != "moon" && d.p.kind != "space" {
		// Its shadow on the ground.
		d.ellipse(cx, y, r*0.9, r*0.12)
		d.fillNoInk(paint{col: rgb{0, 0, 0}, alpha: 0.25})
	}
	switch shape {
	case "berry":
		// A strawberry: broad shoulders tapering to a point, seeds, and a
		// green crown of leaves.
		top := y - r*2
		d.moveTo(cx, y)
		d.cubeTo(cx-r*0.6, y-r*0.5, cx-r*1.15, top+r*0.6, cx-r*0.8, top+r*0.15)
		d.quadTo(cx, top-r*0.15, cx+r*0.8, top+r*0.15)
		d.cubeTo(cx+r*1.15, top+r*0.6, cx+r*0.6, y-r*0.5, cx, y)
		d.fill(vgrad(col.mix(rgb{1, 1, 1}, 0.15), col.scale(0.7), top, y))
		seed := d.lit(hex("#f0d060"), 0.05)
		for i := 0; i < 26; i++ {
			fy := 0.12 + 0.8*float32(i/5)/5 + 0.04*float32(i%2)
			half := r * 0.85 * (1 - fy*0.85)
			fx := -1 + 2*(float32(i%5)+0.5)/5
			d.ellipse(cx+fx*half, top+r*2*fy, r*0.025, r*0.04)
		}
		d.fillNoInk(solid(seed))
		green := d.lit(hex("#3a8a2a"), 0.05)
		for k := -3; k <= 3; k++ {
			a := float64(k) * 0.4
			lx, ly := cx+float32(math.Sin(a))*r*0.6, top+r*0.15-float32(math.Cos(a))*r*0.12
			d.poly(cx+float32(k)*r*0.08, top+r*0.05, lx, ly-r*0.06, cx+float32(k)*r*0.08+r*0.1, top+r*0.1)
		}
		d.fill(solid(green))
		return top + r*0.02
	case "flower":
		// A flower head on its stem, seen from the side.
		top := y - r*1.6
		d.line(cx, y, cx+r*0.05, top+r*0.2, r*0.08)
		d.fill(solid(d.lit(hex("#3a8a2a"), 0.05)))
		d.ellipse(cx+r*0.3, y-r*0.6, r*0.3, r*0.1)
		d.fill(solid(d.lit(hex("#4a9a32"), 0.05)))
		for k := 0; k < 10; k++ {
			a := float64(k) * math.Pi / 5
			d.ellipse(cx+float32(math.Cos(a))*r*0.55, top+float32(math.Sin(a))*r*0.18, r*0.35, r*0.12)
		}
		d.fill(vgrad(col.mix(rgb{1, 1, 1}, 0.2), col.scale(0.8), top-r*0.3, top+r*0.3))
		d.ellipse(cx, top, r*0.3, r*0.12)
		d.fill(solid(d.lit(hex("#f0c020"), 0.05)))
		return top + r*0.02
	case "mushroom":
		stem := d.lit(hex("#f0e8d8"), 0.05)
		d.poly(cx-r*0.3, y, cx+r*0.3, y, cx+r*0.22, y-r*1.1, cx-r*0.22, y-r*1.1)
		d.fill(vgrad(stem, stem.scale(0.8), y-r*1.1, y))
		top := y - r*1.75
		d.moveTo(cx-r*1.1, y-r*1.0)
		d.cubeTo(cx-r*1.0, top-r*0.2, cx+r*1.0, top-r*0.2, cx+r*1.1, y-r*1.0)
		d.quadTo(cx, y-r*1.2, cx-r*1.1, y-r*1.0)
		d.fill(vgrad(col.mix(rgb{1, 1, 1}, 0.15), col.scale(0.75), top, y-r))
		for _, q := range [][2]float32{{-0.6, 0.45}, {-0.2, 0.65}, {0.3, 0.6}, {0.65, 0.4}, {0.05, 0.35}} {
			d.disc(cx+q[0]*r, y-r*1.0-q[1]*r, r*0.09, rgb{0.97, 0.95, 0.92}, 1, false)
		}
		return top + r*0.1
	case "cake":
		top := y - r*1.1
		for k := 0; k < 2; k++ {
			w := r * (1 - 0.25*float32(k))
			y1 := y - float32(k)*r*0.55
			d.roundRect(cx-w, y1-r*0.55, cx+w, y1, r*0.06)
			d.fill(vgrad(col, col.scale(0.8), y1-r*0.55, y1))
			d.rect(cx-w, y1-r*0.58, cx+w, y1-r*0.48)
			d.fill(solid(rgb{0.98, 0.96, 0.95}))
		}
		return top
	case "moon":
		// A crescent up in the sky lying on its back, horns up; the
		// figure sits in its hollow.
		cy := float32(d.h) * 0.45
		d.moveTo(cx-r, cy)
		d.cubeTo(cx-r, cy+r*1.35, cx+r, cy+r*1.35, cx+r, cy)
		d.cubeTo(cx+r*0.7, cy+r*0.75, cx-r*0.7, cy+r*0.75, cx-r, cy)
		d.fill(vgrad(col.mix(rgb{1, 1, 0.9}, 0.3), col.scale(0.85), cy, cy+r))
		d.glow(cx, cy+r*0.5, r*1.3, col, 0.25)
		return cy + r*0.55
	case "rock":
		d.blob(cx, y-r*0.45, r, r*0.5)
		d.fill(vgrad(col.scale(1.15), col.scale(0.7), y-r, y))
		return y - r*0.85
	default:
		// Round fruit: a ball with a stem and a leaf.
		top := y - r*1.9
		d.disc(cx, y-r*0.95, r*0.95, col, 1, false)
		d.disc(cx-r*0.35, y-r*1.3, r*0.25, col.mix(rgb{1, 1, 1}, 0.4), 0.6, false)
		d.line(cx, top+r*0.02, cx+r*0.08, top-r*0.15, r*0.05)
		d.fill(solid(d.lit(hex("#4a3020"), 0.05)))
		return top + r*0.02
	}
}

// figureInSpace draws the person subject in space: on what they sit on,
// else floating with their arms out.
func (d *painter) figureInSpace() {
	p := d.p
	if p.main != "person" && p.main != "people" {
		return
	}
	s := p.subjectOf(p.main)
	if s == nil {
		return
	}
	d.paintedSub(s)
	H := float32(d.h)
	pose := poseOf(s)
	if pose == "" {
		pose = "dancing" // arms out, weightless
	}
	col := p.accent
	hd := d.heldOf(s)
	if _, ok := factColour(s); !ok && hd.costume.clothes != nil {
		col = *hd.costume.clothes
	}
	x := d.xFor(p.main, 0.4, 0.6)
	// Lit by the sun in space, whatever the hour the plan picked.
	amb := p.lt.ambient
	p.lt.ambient = rgb{1, 0.98, 0.95}
	defer func() { p.lt.ambient = amb }()
	if d.staged(s, x, H*0.92, H*0.55, pose, col, hd) {
		return
	}
	d.mounted(x, H*0.7, H*0.4, pose, col, hd)
}

// besideWords are the prepositions that put the subject beside a thing.
var besideWords = []string{"beside", "next to", "by", "near", "alongside", "with"}

// besides places the main subject and what its relation puts it beside
// ("a dog beside a red bicycle") side by side: the subject at a third of
// the width, the other thing at two thirds, when they are drawn by
// different elements.
func (p *plan) besides() {
	s := &p.subjects[0]
	rel := strings.ToLower(s.Relation)
	ok := false
	for _, w := range besideWords {
		if strings.HasPrefix(rel, w+" ") {
			ok = true
		}
	}
	if !ok || s.Element == "" {
		return
	}
	for i := 1; i < len(p.subjects); i++ {
		t := &p.subjects[i]
		if t.Element == "" || t.Element == s.Element || t.Noun == "" || !strings.Contains(rel, strings.ToLower(t.Noun)) {
			continue
		}
		switch t.Element {
		case "car", "horse", "dog", "cat", "animal", "deer", "camel", "fox", "tower", "person", "birds", "cabin", "lighthouse", "windmill", "barn":
			if p.subjX == 0 {
				p.subjX = 0.3
			}
			p.besideEl, p.besideX = t.Element, 1-p.subjX+0.05
			return
		}
	}
}

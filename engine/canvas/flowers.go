package canvas

import (
	"math"
	"strings"

	"github.com/easel-art/easel"
)

// This file draws flower heads by their kind, for a bouquet in its vessel
// and for counted flowers with no vessel named: a tulip is a closed cup,
// a rose a spiral of petals, a lily a six-pointed star, a sunflower rays
// round a dark disc, lavender a spike; any other flower is the generic
// round head of petals. flowerKinds names the kinds by a word of the noun.

// flowerKind is how one kind of flower head is drawn.
type flowerKind int

const (
	flowerGeneric flowerKind = iota // round head of petals round a centre (a daisy)
	flowerTulip
	flowerRose
	flowerLily
	flowerSunflower
	flowerSpike // lavender, lupins, hyacinths: small florets up a stem
	flowerPoppy
)

// flowerKinds maps words of a flower's noun to the head that draws it.
var flowerKinds = []struct {
	word string
	kind flowerKind
}{
	{"tulip", flowerTulip}, {"crocus", flowerTulip},
	{"rose", flowerRose}, {"peony", flowerRose}, {"peonies", flowerRose}, {"camellia", flowerRose}, {"ranunculus", flowerRose},
	{"lily", flowerLily}, {"lilies", flowerLily}, {"orchid", flowerLily}, {"amaryllis", flowerLily}, {"iris", flowerLily},
	{"sunflower", flowerSunflower},
	{"lavender", flowerSpike}, {"lupin", flowerSpike}, {"hyacinth", flowerSpike}, {"foxglove", flowerSpike}, {"snapdragon", flowerSpike},
	{"poppy", flowerPoppy}, {"poppies", flowerPoppy}, {"anemone", flowerPoppy},
}

// flowerKindOf is the head a flower subject is drawn with.
func flowerKindOf(s *easel.Subject) flowerKind {
	if s == nil {
		return flowerGeneric
	}
	n := strings.ToLower(s.Noun)
	for _, fk := range flowerKinds {
		if strings.Contains(n, fk.word) {
			return fk.kind
		}
	}
	return flowerGeneric
}

// isFlower reports a subject that is a flower: WordNet's, or one of the
// kinds drawn (WordNet files a rose under plants).
func isFlower(s *easel.Subject) bool {
	return s != nil && (s.Category == "flower" || flowerKindOf(s) != flowerGeneric)
}

// flowerSubject is the subject that is the flowers, nil when none is.
func (p *plan) flowerSubject() *easel.Subject {
	for _, el := range []string{"flowers", "sunflowers"} {
		if s := p.subjectOf(el); s != nil && (s.Noun != "bouquet" || len(p.subjects) == 1) {
			return s
		}
	}
	for i := range p.subjects {
		if c := p.subjects[i].Category; c == "flower" {
			return &p.subjects[i]
		}
	}
	return nil
}

// defaultFlowerColours are a kind's colours when the idea names none.
func defaultFlowerColours(k flowerKind) []rgb {
	switch k {
	case flowerTulip:
		return []rgb{hex("#e0283a"), hex("#f2c21e"), hex("#e85a9a"), hex("#f27a1e")}
	case flowerRose:
		return []rgb{hex("#c8202e"), hex("#e84a6a"), hex("#a01828")}
	case flowerLily:
		return []rgb{hex("#f8f4ee"), hex("#f4e8f0")}
	case flowerSunflower:
		return []rgb{hex("#f2c21a"), hex("#f8d040"), hex("#e8a81a")}
	case flowerSpike:
		return []rgb{hex("#8a6ac8"), hex("#9a7ad8")}
	case flowerPoppy:
		return []rgb{hex("#e0281e"), hex("#f03a2a")}
	}
	return []rgb{hex("#e84a6a"), hex("#f8d040"), hex("#f4f0f0"), hex("#e87a3a")}
}

// flowerHead draws one head of kind k at (x, y), radius r, in col.
func (d *painter) flowerHead(k flowerKind, x, y, r float32, col rgb) {
	c := d.lit(col, 0)
	switch k {
	case flowerTulip:
		// A closed cup: an egg of petals, the middle petal's tip up and
		// the outer two overlapping it.
		d.moveTo(x-r*0.7, y-r*0.5)
		d.cubeTo(x-r*0.85, y+r*0.7, x+r*0.85, y+r*0.7, x+r*0.7, y-r*0.5)
		d.lineTo(x+r*0.35, y-r*0.15)
		d.lineTo(x, y-r*0.75)
		d.lineTo(x-r*0.35, y-r*0.15)
		d.fill(vgrad(c.scale(1.15), c.scale(0.75), y-r*0.75, y+r*0.5))
		d.moveTo(x-r*0.1, y+r*0.45)
		d.quadTo(x-r*0.75, y+r*0.1, x-r*0.55, y-r*0.75)
		d.quadTo(x-r*0.05, y-r*0.2, x-r*0.1, y+r*0.45)
		d.fill(solid(c.scale(0.9)))
		d.moveTo(x+r*0.1, y+r*0.45)
		d.quadTo(x+r*0.75, y+r*0.1, x+r*0.55, y-r*0.75)
		d.quadTo(x+r*0.05, y-r*0.2, x+r*0.1, y+r*0.45)
		d.fill(solid(c.scale(1.05)))
	case flowerRose:
		// A bloom seen from the side: a dark heart wound in a spiral,
		// cupped by two rows of rounded outer petals.
		d.ellipse(x, y-r*0.15, r*0.72, r*0.6)
		d.fill(solid(c.scale(0.62)))
		d.arc(x, y-r*0.2, r*0.42, r*0.3, math.Pi*0.9, math.Pi*2.6, r*0.1, c.scale(1.1))
		d.arc(x, y-r*0.25, r*0.2, r*0.14, math.Pi*0.5, math.Pi*2.2, r*0.08, c.scale(1.05))
		for _, side := range []float32{-1, 1} {
			d.moveTo(x, y+r*0.55)
			d.cubeTo(x+side*r*1.05, y+r*0.45, x+side*r*1.0, y-r*0.35, x+side*r*0.55, y-r*0.3)
			d.quadTo(x+side*r*0.35, y+r*0.15, x, y+r*0.55)
			d.fill(vgrad(c.scale(1.1), c.scale(0.8), y-r*0.3, y+r*0.55))
		}
		d.moveTo(x-r*0.6, y+r*0.05)
		d.cubeTo(x-r*0.5, y+r*0.75, x+r*0.5, y+r*0.75, x+r*0.6, y+r*0.05)
		d.quadTo(x, y+r*0.3, x-r*0.6, y+r*0.05)
		d.fill(vgrad(c.scale(1.2), c.scale(0.9), y, y+r*0.6))
	case flowerLily:
		// Six pointed petals and long stamens; a pale lily is edged so it
		// reads on a pale wall.
		if col.lum() > 0.7 {
			for i := range 6 {
				a := float32(i)*math.Pi/3 - math.Pi/2
				tx, ty := x+cos32(a)*r*1.08, y+sin32(a)*r*0.92
				nx, ny := -sin32(a)*r*0.27, cos32(a)*r*0.27
				mx, my := (x+tx)/2, (y+ty)/2
				d.moveTo(x, y)
				d.quadTo(mx+nx, my+ny, tx, ty)
				d.quadTo(mx-nx, my-ny, x, y)
			}
			d.fill(solid(c.scale(0.62)))
		}
		for i := range 6 {
			a := float32(i)*math.Pi/3 - math.Pi/2
			tx, ty := x+cos32(a)*r, y+sin32(a)*r*0.85
			nx, ny := -sin32(a)*r*0.22, cos32(a)*r*0.22
			mx, my := (x+tx)/2, (y+ty)/2
			d.moveTo(x, y)
			d.quadTo(mx+nx, my+ny, tx, ty)
			d.quadTo(mx-nx, my-ny, x, y)
			d.fill(solid(c.scale(0.92 + 0.08*float32(i%2))))
		}
		for i := range 5 {
			a := -math.Pi/2 + (float32(i)-2)*0.35
			d.line(x, y, x+cos32(a)*r*0.6, y+sin32(a)*r*0.6, max(r*0.04, 0.8))
			d.fillNoInk(solid(hex("#5a7a2a")))
			d.disc(x+cos32(a)*r*0.6, y+sin32(a)*r*0.6, r*0.07, hex("#b8501a"), 1, false)
		}
	case flowerSunflower:
		for i := range 16 {
			a := float32(i) * math.Pi / 8
			d.ellipse(x+cos32(a)*r*0.62, y+sin32(a)*r*0.62, r*0.32, r*0.32)
		}
		d.fill(solid(c))
		d.disc(x, y, r*0.45, d.lit(hex("#4a2a12"), 0), 1, false)
	case flowerSpike:
		for i := range 9 {
			t := float32(i) / 8
			d.disc(x+d.rnd(-0.15, 0.15)*r, y+r*1.2-t*r*2.4, r*(0.32-0.18*t), c.scale(0.85+0.3*t), 1, false)
		}
	case flowerPoppy:
		for i := range 4 {
			a := float32(i)*math.Pi/2 + math.Pi/4
			d.ellipse(x+cos32(a)*r*0.38, y+sin32(a)*r*0.32, r*0.55, r*0.48)
			d.fill(solid(c.scale(0.9 + 0.1*float32(i%2))))
		}
		d.disc(x, y, r*0.22, hex("#1a1a1a"), 1, false)
	default:
		for i := range 10 {
			a := float32(i) * math.Pi / 5
			d.ellipse(x+cos32(a)*r*0.55, y+sin32(a)*r*0.55, r*0.42, r*0.42)
		}
		d.fill(solid(c))
		d.disc(x, y, r*0.32, d.lit(hex("#e8b830"), 0), 1, false)
	}
}

// stemLeaf draws a long narrow leaf from (x, y) leaning by dir (-1, 1).
func (d *painter) stemLeaf(x, y, l, dir float32) {
	d.moveTo(x, y)
	d.quadTo(x+dir*l*0.5, y-l*0.3, x+dir*l*0.35, y-l)
	d.quadTo(x+dir*l*0.15, y-l*0.4, x, y)
	d.fill(solid(d.lit(hex("#3a7a2e"), 0)))
}

// flowersAt draws a subject's flowers on stems rising from (cx, top): as
// many heads as counted (9 when none), in their kind and colour.
func (d *painter) flowersAt(cx, top, s float32) {
	fl := d.p.flowerSubject()
	d.paintedSub(fl)
	d.painted("flowers")
	k := flowerKindOf(fl)
	if d.p.el["sunflowers"] && k == flowerGeneric {
		k = flowerSunflower
	}
	cols := defaultFlowerColours(k)
	if c, ok := colourOf(fl); ok {
		cols = []rgb{c, c.scale(0.9), c.mix(rgb{1, 1, 1}, 0.15)}
	}
	n := countOf(fl, 9)
	if fl != nil && fl.Count == 0 && !fl.Plural && (hasWord(d.p.words, "a "+strings.ToLower(fl.Noun)) || hasWord(d.p.words, "single") || hasWord(d.p.words, "one")) {
		n = 1 // "a single pink rose"
	}
	r := s * min(0.15, 1.0/float32(n+1))
	if k == flowerLily || k == flowerSunflower {
		r *= 1.2
	}
	// Heads fan out over an arc, so each can be counted.
	var all [maxCount][2]float32
	heads := all[:n]
	for i := range heads {
		t := float32(0.5)
		if n > 1 {
			t = float32(i) / float32(n-1)
		}
		a := -math.Pi/2 + (t-0.5)*1.9
		l := s * (0.62 + 0.12*float32((i*7)%3)/2)
		heads[i] = [2]float32{cx + cos32(a)*l*0.95, top + sin32(a)*l*0.8}
		d.line(cx+(heads[i][0]-cx)*0.12, top+s*0.1, heads[i][0], heads[i][1], max(3.2*d.u, 1.2))
	}
	d.fillNoInk(solid(d.lit(hex("#3a6a2a"), 0)))
	if k == flowerTulip || k == flowerLily || k == flowerSpike {
		for i, dir := range []float32{-1, 1, -0.6, 0.7} {
			d.stemLeaf(cx+dir*s*0.04, top+s*0.05, s*(0.4+0.08*float32(i%2)), dir)
		}
	}
	for i, hd := range heads {
		d.flowerHead(k, hd[0], hd[1], r, cols[i%len(cols)])
	}
}

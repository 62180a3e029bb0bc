package canvas

import (
	"math"
	"strings"

	"github.com/easel-art/easel"
)

// This file draws road vehicles by their WordNet category, through a
// dispatch table: a car (life.go), a bus, a truck, a bicycle, a
// motorcycle, in the colour the idea gives them ("a yellow school bus"),
// and a tower that is the subject (a wizard's tower, a stone tower, a
// clock tower) standing large in the landscape.

// vehicleDrawers maps a vehicle category to its drawer; (x, y) is the
// middle of the ground line, s the size a car would have.
var vehicleDrawers = map[string]func(d *painter, x, y, s float32, col rgb){
	"bus":        (*painter).bus,
	"truck":      (*painter).truck,
	"bicycle":    (*painter).bicycle,
	"motorcycle": (*painter).motorcycle,
}

// vehicleSubject is the first subject that is a road vehicle of a kind
// drawn here (vehicles_kinds.go).
func (p *plan) vehicleSubject() *easel.Subject {
	for i := range p.subjects {
		if vehicleKind(&p.subjects[i]) != "" {
			return &p.subjects[i]
		}
	}
	return nil
}

// vehicle draws the road vehicle of the Scene at (x, y): by its kind or
// category, in the colour the idea gives it, else its kind's livery, as
// many as counted; else a car.
func (d *painter) vehicle(x, y, s float32) {
	v := d.p.vehicleSubject()
	if v == nil {
		d.car(x, y, s)
		return
	}
	d.paintedSub(v)
	kind := vehicleKind(v)
	draw := vehicleKindDrawers[kind]
	if draw == nil {
		draw = vehicleDrawers[kind]
	}
	col, own := factColour(v)
	if !own {
		col, own = vehicleLiveries[kind]
	}
	if !own {
		col = d.p.accent
		if kind == "car" {
			draw = func(d *painter, x, y, s float32, _ rgb) { d.car(x, y, s) } // its old teal
		}
	}
	n := countOf(v, 1)
	if n == 1 {
		draw(d, x, y, s, d.lit(col, 0.05))
		return
	}
	// "five red sports cars": a row across the frame, every other one a
	// little further off, the far ones first.
	W := float32(d.w)
	s2 := min(s, W*0.72/float32(n)) // every other one a row back: room for 2.5 s each
	for _, back := range []int{1, 0} {
		for i := range n {
			if i%2 != back {
				continue
			}
			xi := W * (0.5 + ((float32(i)+0.5)/float32(n)-0.5)*0.9)
			yi, si := y, s2
			if back == 1 {
				yi, si = y-s2*0.7, s2*0.85
			}
			draw(d, xi, yi, si, d.lit(col, 0.05))
		}
	}
}

func (d *painter) wheel(x, y, r float32) {
	d.ellipse(x, y-r, r, r)
	d.fill(solid(hex("#141414")))
	d.ellipse(x, y-r, r*0.5, r*0.5)
	d.fillNoInk(solid(d.lit(rgb{0.8, 0.8, 0.82}, 0)))
}

// bus draws a long bus with a row of windows.
func (d *painter) bus(x, y, s float32, col rgb) {
	w, h := s*2.6, s*1.1
	r := s * 0.2
	decks := 1
	if hasWord(d.p.words, "double-decker") || hasWord(d.p.words, "double decker") || hasWord(d.p.words, "double-decker bus") {
		decks = 2 // a second deck of windows on top
	}
	top := y - h - r*0.6 - float32(decks-1)*h*0.55
	d.roundRect(x-w/2, top, x+w/2, y-r*0.6, s*0.12)
	d.fill(vgrad(col.scale(1.15), col.scale(0.8), top, y))
	glass := d.skyAt(d.p.horizon*0.3, d.p.horizon).scale(0.75)
	for deck := range decks {
		dy := float32(deck) * h * 0.55
		for i := 0; i < 6; i++ {
			wx := x - w/2 + w*0.06 + float32(i)*w*0.155
			d.rect(wx, y-h*0.95-dy, wx+w*0.12, y-h*0.55-dy)
		}
	}
	d.fill(solid(glass))
	d.fillRect(x-w/2, y-h*0.42, x+w/2, y-h*0.37, col.scale(0.6), 1)
	d.wheel(x-w*0.32, y, r)
	d.wheel(x+w*0.32, y, r)
}

// truck draws a cab and its cargo box.
func (d *painter) truck(x, y, s float32, col rgb) {
	r := s * 0.24
	box := d.lit(hex("#d8d4cc"), 0.05)
	d.rect(x-s*1.4, y-s*1.25, x+s*0.35, y-r*0.7)
	d.fill(vgrad(box, box.scale(0.8), y-s*1.25, y))
	d.moveTo(x+s*0.4, y-r*0.7)
	d.lineTo(x+s*0.4, y-s*0.95)
	d.lineTo(x+s*0.95, y-s*0.95)
	d.lineTo(x+s*1.25, y-s*0.55)
	d.lineTo(x+s*1.25, y-r*0.7)
	d.fill(vgrad(col.scale(1.15), col.scale(0.8), y-s, y))
	d.poly(x+s*0.5, y-s*0.88, x+s*0.9, y-s*0.88, x+s*1.12, y-s*0.6, x+s*0.5, y-s*0.6)
	d.fill(solid(d.skyAt(d.p.horizon*0.3, d.p.horizon).scale(0.75)))
	d.wheel(x-s*1.0, y, r)
	d.wheel(x-s*0.55, y, r)
	d.wheel(x+s*0.85, y, r)
}

// bicycle draws two wheels, a frame, a saddle and handlebars.
func (d *painter) bicycle(x, y, s float32, col rgb) {
	r := s * 0.42
	lw := max(s*0.05, 1.5) // thick enough that its colour reads
	for _, wx := range []float32{x - s*0.62, x + s*0.62} {
		d.arc(wx, y-r, r, r, 0, 2*math.Pi, lw*1.6, hex("#1a1a1a"))
	}
	bx, by := x-s*0.62, y-r       // back hub
	fx, fy := x+s*0.62, y-r       // front hub
	px, py := x-s*0.05, y-r       // pedals
	sx, sy := x-s*0.22, y-r-s*0.6 // seat post top
	hx, hy := x+s*0.45, y-r-s*0.68
	d.line(bx, by, px, py, lw)
	d.line(px, py, sx, sy, lw)
	d.line(bx, by, sx, sy, lw)
	d.line(sx, sy+s*0.06, hx, hy+s*0.08, lw)
	d.line(px, py, hx, hy+s*0.08, lw)
	d.line(hx, hy, fx, fy, lw)
	d.fill(solid(col))
	d.roundRect(sx-s*0.12, sy-s*0.06, sx+s*0.1, sy, s*0.03)
	d.line(hx-s*0.05, hy, hx+s*0.12, hy-s*0.04, lw)
	d.fill(solid(hex("#1e1e1e")))
}

// motorcycle draws two heavy wheels, an engine, a tank and a seat.
func (d *painter) motorcycle(x, y, s float32, col rgb) {
	r := s * 0.36
	d.wheel(x-s*0.7, y, r)
	d.wheel(x+s*0.7, y, r)
	d.moveTo(x-s*0.75, y-r)
	d.lineTo(x-s*0.35, y-r-s*0.45)
	d.lineTo(x+s*0.35, y-r-s*0.5)
	d.lineTo(x+s*0.7, y-r)
	d.lineTo(x+s*0.2, y-r*0.6)
	d.lineTo(x-s*0.3, y-r*0.6)
	d.fill(vgrad(col.scale(1.2), col.scale(0.75), y-r-s*0.5, y-r*0.6))
	d.roundRect(x-s*0.6, y-r-s*0.58, x-s*0.05, y-r-s*0.45, s*0.05)
	d.fill(solid(hex("#1e1e1e")))
	d.rect(x-s*0.2, y-r*0.9, x+s*0.2, y-r*0.4)
	d.fill(solid(d.lit(rgb{0.7, 0.7, 0.74}, 0)))
	d.line(x+s*0.35, y-r-s*0.5, x+s*0.55, y-r-s*0.75, max(3*d.u, 1))
	d.fill(solid(hex("#1e1e1e")))
}

// isMainTower reports a tower that is the subject ("a wizard tower", not
// the Eiffel Tower of "a street in Paris").
func (d *painter) isMainTower() bool {
	t := d.p.subjectOf("tower")
	return t != nil && d.p.main == "tower" && t.Category == "tower" && !hasWord(" "+strings.ToLower(t.Noun)+" ", "eiffel")
}

// mainTower draws a tower that is the subject, large, standing on the
// ground at (x, y): stone courses, windows, and a pointed roof or
// battlements, in the colour the idea gives it.
func (d *painter) mainTower(x, y, h float32) {
	d.painted("tower")
	p := d.p
	s := p.subjectOf("tower")
	col := hex("#8a8478")
	if c, ok := factColour(s); ok {
		col = c
	}
	if s != nil && isMast(s) {
		d.mast(x, y, h*1.3) // launch.go
		return
	}
	col = d.lit(col, 0.1)
	w := h * 0.16
	d.poly(x-w, y, x-w*0.88, y-h, x+w*0.88, y-h, x+w, y)
	d.fill(vgrad(col.scale(1.1), col.scale(0.75), y-h, y))
	// Stone courses and windows.
	for k := 1; k < 10; k++ {
		yy := y - h*float32(k)/10
		d.fillRect(x-w*0.95, yy, x+w*0.95, yy+max(d.u, 1), col.scale(0.7), 0.6)
	}
	lit := p.lt.night || p.time == "dusk"
	for k := 0; k < 3; k++ {
		wy := y - h*(0.3+0.22*float32(k))
		d.roundRect(x-w*0.16, wy-h*0.07, x+w*0.16, wy, w*0.1)
		if lit {
			d.fill(solid(warmLight))
		} else {
			d.fill(solid(hex("#1e1a18")))
		}
	}
	noun := ""
	if s != nil {
		noun = s.Noun
	}
	if hasWord(" "+noun+" ", "wizard") || hasWord(" "+noun+" ", "fairy") || hasWord(" "+noun+" ", "witch") || d.chance(0.5) {
		// A pointed roof.
		d.poly(x-w*1.15, y-h, x, y-h-w*2.6, x+w*1.15, y-h)
		d.fill(vgrad(d.lit(hex("#3a4a7a"), 0.1), d.lit(hex("#22284a"), 0.1), y-h-w*2.6, y-h))
		return
	}
	// Battlements.
	for k := 0; k < 4; k++ {
		bx := x - w*0.88 + w*0.5*float32(k)
		d.rect(bx, y-h-w*0.3, bx+w*0.3, y-h)
	}
	d.fill(solid(col))
}

// partyBalloons draws toy balloons on strings: as many as counted, in the
// colour the idea gives them, else in a cheerful mix, rising together.
func (d *painter) partyBalloons(sub *easel.Subject, hz float32) {
	W := float32(d.w)
	d.paintedSub(sub)
	n := countOf(sub, 5)
	cols := []rgb{hex("#e83a3a"), hex("#f2c230"), hex("#3a8ae8"), hex("#e85aa8"), hex("#4ac86a")}
	if c, ok := factColour(sub); ok {
		cols = []rgb{c}
	}
	r := W * 0.07 * min(1, 3/float32(n+1)+0.4)
	knotX, knotY := W*0.5, hz*0.95+r*3
	if a := d.p.tiedTo(sub); a != nil {
		// "tied to a park bench": what holds them stands on the ground
		// and the strings run down to it (vehicles_kinds.go).
		knotY = d.balloonAnchor(a, knotX, hz+(float32(d.h)-hz)*0.6, W*0.16)
	}
	for i := range n {
		f := (float32(i) + 0.5) / float32(n)
		x := W * (0.5 + (f-0.5)*min(0.8, 0.18*float32(n)))
		y := hz*0.45 + float32(i%3)*r*0.7
		// The string, from the knot under the balloon down to the bunch.
		d.line(x, y+r*1.25, knotX, knotY, max(1.2*d.u, 0.8))
		d.fillNoInk(solid(d.lit(hex("#e8e4dc"), 0.1)))
		c := d.lit(cols[i%len(cols)], 0.05)
		d.ellipse(x, y, r*0.88, r*1.15)
		d.fill(vgrad(c.scale(1.2), c.scale(0.75), y-r*1.15, y+r*1.15))
		d.poly(x-r*0.12, y+r*1.25, x+r*0.12, y+r*1.25, x, y+r*1.1)
		d.fill(solid(c.scale(0.8)))
		d.ellipse(x-r*0.3, y-r*0.45, r*0.18, r*0.3)
		d.fillNoInk(paint{col: rgb{1, 1, 1}, alpha: 0.45})
	}
}

// aircraft draws the Scene's aircraft: a helicopter when its noun says
// so, else an airplane, in the colour the idea gives it.
func (d *painter) aircraft(x, y, s float32) {
	d.painted("airplane")
	sub := d.p.subjectOf("airplane")
	if sub == nil || !strings.Contains(strings.ToLower(sub.Noun), "copter") {
		d.airplane(x, y, s)
		return
	}
	col := d.lit(hex("#c83a2a"), 0.1)
	if c, ok := factColour(sub); ok {
		col = d.lit(c, 0.1)
	}
	lw := max(s*0.06, 1)
	d.ellipse(x, y, s*0.55, s*0.32) // cabin
	d.fill(vgrad(col.scale(1.2), col.scale(0.8), y-s*0.32, y+s*0.32))
	d.ellipse(x-s*0.22, y-s*0.06, s*0.24, s*0.18) // window
	d.fill(solid(d.skyAt(d.p.horizon*0.3, d.p.horizon).scale(0.7)))
	d.poly(x+s*0.45, y-s*0.1, x+s*1.5, y-s*0.05, x+s*1.5, y+s*0.02, x+s*0.45, y+s*0.12) // tail boom
	d.fill(solid(col.scale(0.9)))
	d.line(x+s*1.45, y-s*0.25, x+s*1.55, y+s*0.15, lw) // tail rotor
	d.line(x-s*1.2, y-s*0.42, x+s*1.2, y-s*0.46, lw)   // main rotor
	d.line(x, y-s*0.32, x, y-s*0.44, lw)
	d.line(x-s*0.4, y+s*0.42, x+s*0.4, y+s*0.42, lw) // skids
	d.line(x-s*0.2, y+s*0.3, x-s*0.22, y+s*0.42, lw)
	d.line(x+s*0.2, y+s*0.3, x+s*0.22, y+s*0.42, lw)
	d.fill(solid(hex("#2a2a2e")))
}

package canvas

import (
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/lexical"
)

// vehicles_kinds.go tells road vehicles apart by kind within their WordNet
// category (a fire engine, an ambulance and a police car are a truck and
// cars in WordNet; a tractor and a scooter only vehicles), gives each kind
// the colours it wears when the idea names none (a fire engine is red),
// puts the emergency kinds' lights on their roofs, and draws as many as
// the idea counts ("five red sports cars").

// vehicleKinds maps words of a vehicle's name to the kind that draws it,
// most specific first. The categories WordNet gives (bus, truck, car,
// bicycle, motorcycle) draw the rest.
var vehicleKinds = []struct{ word, kind string }{
	{"fire truck", "firetruck"}, {"fire engine", "firetruck"}, {"firetruck", "firetruck"},
	{"ambulance", "ambulance"}, {"police", "police"}, {"patrol car", "police"}, {"squad car", "police"}, {"cop car", "police"},
	{"tractor", "tractor"}, {"pickup", "pickup"}, {"scooter", "scooter"}, {"moped", "scooter"}, {"vespa", "scooter"},
}

// vehicleLiveries are the colours a kind wears when the idea gives none.
var vehicleLiveries = map[string]rgb{
	"firetruck": hex("#c81e24"), "ambulance": hex("#f2f2ee"), "police": hex("#1e2a48"), "tractor": hex("#2e8a3a"),
}

// vehicleKindDrawers draw the kinds the categories' drawers
// (vehicleDrawers) do not.
var vehicleKindDrawers = map[string]func(d *painter, x, y, s float32, col rgb){
	"firetruck": (*painter).fireTruck,
	"ambulance": (*painter).ambulance,
	"police":    (*painter).policeCar,
	"tractor":   (*painter).tractor,
	"pickup":    (*painter).pickup,
	"scooter":   (*painter).scooter,
	"car":       (*painter).carIn,
}

// landVehicleCategories are the WordNet categories of what runs on the
// ground and is drawn by vehicle().
var landVehicleCategories = map[string]bool{"car": true, "bus": true, "truck": true, "bicycle": true, "motorcycle": true, "vehicle": true}

// vehicleKind is the kind that draws a subject: its words' kind, else its
// category's drawer, else "" when it is no road vehicle.
func vehicleKind(s *easel.Subject) string {
	if s == nil || !landVehicleCategories[s.Category] || toyVehicle(s) != "" {
		return "" // (a toy car is a toy: objects_flat.go)
	}
	words := strings.ToLower(strings.Join(s.Adjectives, " ") + " " + s.Noun)
	if s.Category == "truck" && hasWord(" "+words+" ", "fire") {
		return "firetruck" // (a car on fire is still a car)
	}
	for _, k := range vehicleKinds {
		if hasWord(" "+words+" ", k.word) || strings.Contains(strings.ToLower(s.Noun), k.word) {
			return k.kind
		}
	}
	if _, ok := vehicleDrawers[s.Category]; ok {
		return s.Category
	}
	if s.Category == "car" {
		return "car"
	}
	return ""
}

// landVehicle marks a road vehicle the parser placed in its setting
// ("a green tractor in a wheat field" reads as the field, "a scooter on a
// sidewalk" as the road) so that it is drawn on the ground.
func (p *plan) landVehicle() {
	for i := range p.subjects {
		s := &p.subjects[i]
		if i > 0 {
			return // the main subject only: a bicycle a man fixes is his
		}
		switch s.Element {
		case "car", "train", "boat", "ship", "sailboat", "airplane", "spaceship", "balloon", "person", "people":
			continue
		}
		if vehicleKind(s) != "" {
			p.el["car"] = true
			return
		}
	}
}

// emergencyLit reports whether an emergency vehicle's lights flash: the
// words say so, or it is night.
func (d *painter) emergencyLit() bool {
	for _, w := range []string{"lights", "light", "siren", "sirens", "flashing", "emergency", "responding", "speeding"} {
		if hasWord(d.p.words, w) {
			return true
		}
	}
	return d.p.lt.night || d.p.time == "dusk"
}

// lightBar draws a bar of warning lights from x0 to x1 on a roof at y,
// red and blue (or all red), glowing when they flash.
func (d *painter) lightBar(x0, x1, y, s float32, blue bool) {
	h := s * 0.09
	d.roundRect(x0, y-h, x1, y, h*0.4)
	d.fill(solid(hex("#2a2a2e")))
	mid := (x0 + x1) / 2
	red, other := hex("#f0282a"), hex("#2a5af0")
	if !blue {
		other = red
	}
	d.roundRect(x0+h*0.2, y-h*0.9, mid-h*0.1, y-h*0.15, h*0.3)
	d.fillNoInk(solid(red))
	d.roundRect(mid+h*0.1, y-h*0.9, x1-h*0.2, y-h*0.15, h*0.3)
	d.fillNoInk(solid(other))
	if d.emergencyLit() {
		d.glow((x0+mid)/2, y-h/2, s*0.5, red, 0.8)
		d.glow((mid+x1)/2, y-h/2, s*0.5, other, 0.8)
	}
}

// carIn draws a car in its colour (life.go's car takes the subject's).
func (d *painter) carIn(x, y, s float32, col rgb) { d.carBody(x, y, s, col) }

// policeCar draws a car in its livery with pale doors, a light bar on the
// roof and its lights.
func (d *painter) policeCar(x, y, s float32, col rgb) {
	d.carBody(x, y, s, col)
	door := d.lit(hex("#f2f2f0"), 0.05)
	d.poly(x-s*0.5, y-s*0.55, x+s*0.5, y-s*0.55, x+s*0.5, y-s*0.3, x-s*0.5, y-s*0.3)
	d.fillNoInk(solid(door))
	d.lightBar(x-s*0.18, x+s*0.28, y-s*0.95, s, true)
}

// boxVan draws a vehicle with a tall box behind its cab, facing right:
// the shape of an ambulance and a fire engine.
func (d *painter) boxVan(x, y, s, long float32, box, cab rgb) (top, front float32) {
	r := s * 0.24
	x0, x1 := x-s*long, x+s*0.35
	top = y - s*1.25
	d.roundRect(x0, top, x1, y-r*0.7, s*0.05)
	d.fill(vgrad(box.scale(1.08), box.scale(0.82), top, y))
	d.moveTo(x1, y-r*0.7)
	d.lineTo(x1, y-s*0.95)
	d.lineTo(x+s*0.95, y-s*0.95)
	d.lineTo(x+s*1.25, y-s*0.55)
	d.lineTo(x+s*1.25, y-r*0.7)
	d.fill(vgrad(cab.scale(1.12), cab.scale(0.8), y-s, y))
	d.poly(x+s*0.45, y-s*0.88, x+s*0.9, y-s*0.88, x+s*1.12, y-s*0.6, x+s*0.45, y-s*0.6)
	d.fill(solid(d.skyAt(d.p.horizon*0.3, d.p.horizon).scale(0.75)))
	d.wheel(x0+s*0.45, y, r)
	if long > 1.6 {
		d.wheel(x0+s*1.0, y, r)
	}
	d.wheel(x+s*0.85, y, r)
	return top, x1
}

// ambulance draws a white box van with a red stripe and cross and its
// lights.
func (d *painter) ambulance(x, y, s float32, col rgb) {
	top, _ := d.boxVan(x, y, s, 1.3, col, col)
	red := d.lit(hex("#d0202a"), 0.05)
	d.fillRect(x-s*1.3, y-s*0.5, x+s*1.25, y-s*0.42, red, 1)
	cx, cy, a := x-s*0.48, top+s*0.4, s*0.2
	d.rect(cx-a, cy-a*0.32, cx+a, cy+a*0.32)
	d.rect(cx-a*0.32, cy-a, cx+a*0.32, cy+a)
	d.fillNoInk(solid(red))
	d.lightBar(x+s*0.45, x+s*0.9, y-s*0.95, s, true)
}

// fireTruck draws a long red engine: lockers down its side, a ladder on
// its roof, a light bar over the cab.
func (d *painter) fireTruck(x, y, s float32, col rgb) {
	top, front := d.boxVan(x, y+0, s, 1.9, col, col)
	for k := range 4 {
		lx := x - s*1.8 + float32(k)*s*0.5
		d.rect(lx, top+s*0.2, lx+s*0.4, y-s*0.45)
	}
	d.strokeRects(col.scale(0.7))
	d.fillRect(x-s*1.9, y-s*0.42, x+s*1.25, y-s*0.36, d.lit(hex("#e8e0c8"), 0.05), 1)
	// The ladder: two silver rails and their rungs.
	steel := d.lit(hex("#c8ccd0"), 0.05)
	lw := max(s*0.035, 1)
	ry := top - s*0.1
	d.line(x-s*2.0, ry, front+s*0.2, ry, lw)
	d.line(x-s*2.0, ry-s*0.12, front+s*0.2, ry-s*0.12, lw)
	for k := range 12 {
		rx := x - s*1.95 + float32(k)*(front-x+s*2.1)/12
		d.line(rx, ry, rx, ry-s*0.12, lw*0.8)
	}
	d.fill(solid(steel))
	d.lightBar(x+s*0.45, x+s*0.9, y-s*0.95, s, false)
}

// strokeRects fills the current path (locker outlines) thinly darker.
func (d *painter) strokeRects(col rgb) { d.fillNoInk(paint{col: col, alpha: 0.45}) }

// tractor draws a farm tractor facing right: a big rear wheel under the
// cab, a small front wheel under the long hood, an exhaust pipe.
func (d *painter) tractor(x, y, s float32, col rgb) {
	R, r := s*0.52, s*0.28
	// The hood and the cab.
	d.roundRect(x-s*0.3, y-s*0.9, x+s*1.05, y-s*0.38, s*0.06)
	d.fill(vgrad(col.scale(1.15), col.scale(0.8), y-s*0.9, y-s*0.38))
	d.rect(x-s*0.95, y-s*1.6, x-s*0.15, y-s*0.5)
	d.fill(vgrad(col.scale(1.1), col.scale(0.8), y-s*1.6, y-s*0.5))
	d.rect(x-s*0.85, y-s*1.5, x-s*0.25, y-s*0.95)
	d.fill(solid(d.skyAt(d.p.horizon*0.3, d.p.horizon).scale(0.8)))
	d.fillRect(x-s*1.0, y-s*1.66, x-s*0.1, y-s*1.58, col.scale(0.7), 1)
	d.line(x+s*0.65, y-s*0.9, x+s*0.65, y-s*1.3, max(s*0.06, 1))
	d.fill(solid(hex("#2a2a2a")))
	// Wheels with deep treads and yellow hubs.
	for _, w := range []struct{ x, r float32 }{{x - s*0.55, R}, {x + s*0.75, r}} {
		d.ellipse(w.x, y-w.r, w.r, w.r)
		d.fill(solid(hex("#1a1a1a")))
		d.ellipse(w.x, y-w.r, w.r*0.55, w.r*0.55)
		d.fillNoInk(solid(d.lit(hex("#e8c020"), 0.05)))
	}
}

// pickup draws a pickup truck facing right: a cab, an open bed behind it.
func (d *painter) pickup(x, y, s float32, col rgb) {
	r := s * 0.24
	d.moveTo(x-s*1.3, y-r*0.7)
	d.lineTo(x-s*1.3, y-s*0.62)
	d.lineTo(x-s*0.1, y-s*0.62)
	d.lineTo(x-s*0.05, y-s*1.02)
	d.lineTo(x+s*0.55, y-s*1.02)
	d.lineTo(x+s*0.8, y-s*0.64)
	d.lineTo(x+s*1.3, y-s*0.58)
	d.lineTo(x+s*1.32, y-r*0.7)
	d.fill(vgrad(col.scale(1.15), col.scale(0.78), y-s*1.02, y))
	d.poly(x+s*0.02, y-s*0.95, x+s*0.5, y-s*0.95, x+s*0.7, y-s*0.66, x+s*0.02, y-s*0.66)
	d.fill(solid(d.skyAt(d.p.horizon*0.3, d.p.horizon).scale(0.75)))
	d.fillRect(x-s*1.25, y-s*0.6, x-s*0.15, y-s*0.54, col.scale(0.55), 1) // the open bed
	d.wheel(x-s*0.85, y, r)
	d.wheel(x+s*0.85, y, r)
}

// scooter draws a motor scooter facing right: small wheels, a low deck,
// a rounded body under the seat and a steering column.
func (d *painter) scooter(x, y, s float32, col rgb) {
	r := s * 0.2
	d.wheel(x-s*0.6, y, r)
	d.wheel(x+s*0.65, y, r)
	d.moveTo(x-s*0.85, y-r*1.2)
	d.quadTo(x-s*0.85, y-s*0.72, x-s*0.45, y-s*0.72)
	d.lineTo(x-s*0.15, y-s*0.72)
	d.lineTo(x-s*0.05, y-r*1.1)
	d.lineTo(x+s*0.4, y-r*1.1)
	d.lineTo(x+s*0.5, y-s*0.95)
	d.lineTo(x+s*0.68, y-s*0.95)
	d.lineTo(x+s*0.72, y-r*1.4)
	d.quadTo(x+s*0.5, y-r*0.4, x-s*0.85, y-r*0.6)
	d.fill(vgrad(col.scale(1.2), col.scale(0.78), y-s, y))
	d.roundRect(x-s*0.75, y-s*0.84, x-s*0.2, y-s*0.72, s*0.05)
	d.fill(solid(hex("#1e1e1e")))
	d.line(x+s*0.45, y-s*1.1, x+s*0.75, y-s*1.12, max(s*0.05, 1))
	d.fill(solid(hex("#1e1e1e")))
}

// submerged reports a boat that goes under the sea: a submarine.
func submerged(s *easel.Subject) bool {
	return s != nil && s.Category == "boat" && (s.Element == "underwater" || strings.Contains(strings.ToLower(s.Noun), "sub"))
}

// submarine draws a submarine under the sea, facing right: a long hull,
// its sail with a periscope, portholes, a propeller, in the idea's colour
// (else steel grey).
func (d *painter) submarine(x, y, s float32, col rgb) {
	L, R := s*1.6, s*0.42
	d.roundRect(x-L, y-R, x+L, y+R, R)
	d.fill(vgrad(col.scale(1.2), col.scale(0.65), y-R, y+R))
	d.roundRect(x-s*0.35, y-R-s*0.42, x+s*0.3, y-R+s*0.05, s*0.1)
	d.fill(vgrad(col.scale(1.15), col.scale(0.8), y-R-s*0.42, y-R))
	d.line(x-s*0.05, y-R-s*0.42, x-s*0.05, y-R-s*0.7, max(s*0.05, 1))
	d.line(x-s*0.05, y-R-s*0.7, x+s*0.12, y-R-s*0.7, max(s*0.05, 1))
	d.fill(solid(col.scale(0.7)))
	for k := range 4 {
		px := x - s*0.7 + float32(k)*s*0.5
		d.disc(px, y, s*0.12, col.scale(0.5), 1, false)
		d.disc(px, y, s*0.08, hex("#f0e8a0"), 1, false)
	}
	d.poly(x-L-s*0.05, y-s*0.05, x-L-s*0.35, y-s*0.3, x-L-s*0.35, y+s*0.3)
	d.fill(solid(col.scale(0.6)))
}

// tiedTo is the thing the idea ties a subject to ("three balloons tied to
// a park bench": the bench), nil when none.
func (p *plan) tiedTo(sub *easel.Subject) *easel.Subject {
	rel := " " + strings.ToLower(sub.Relation) + " "
	if !hasWord(p.words, "tied") && !hasWord(p.words, "attached") && !hasWord(p.words, "tethered") {
		return nil
	}
	for i := range p.subjects {
		x := &p.subjects[i]
		if x != sub && x.Noun != "" && (strings.Contains(rel, " "+strings.ToLower(x.Noun)+" ") || hasWord(p.words, "to a "+strings.ToLower(x.Noun)) || hasWord(p.words, "to the "+strings.ToLower(x.Noun))) {
			return x
		}
	}
	// The thing is only in the relation ("to a park bench" read as the
	// setting): a subject made of its words and WordNet's category.
	n := strings.TrimSpace(strings.ToLower(sub.Relation))
	for _, w := range []string{"to ", "the ", "a ", "an "} {
		n = strings.TrimPrefix(n, w)
	}
	if n == "" || n == strings.ToLower(sub.Relation) {
		return nil
	}
	e, _, ok := lexical.FindNoun(n)
	if !ok {
		f := strings.Fields(n)
		e, _, ok = lexical.FindNoun(f[len(f)-1])
	}
	x := &easel.Subject{Noun: n}
	if ok {
		x.Category = e.Category()
	}
	return x
}

// balloonAnchor draws what balloons are tied to, standing on the ground
// at (x, y) about s wide: a bench for a seat (WordNet's furniture), else
// a post with the thing's colour on top (a mailbox, a fence post). It
// returns the height where the strings are knotted.
func (d *painter) balloonAnchor(a *easel.Subject, x, y, s float32) float32 {
	d.paintedSub(a)
	iron := d.lit(hex("#2a2a2e"), 0.05)
	if a.Category == "furniture" {
		wood := d.lit(hex("#9a6a3e"), 0.05)
		if c, ok := factColour(a); ok {
			wood = d.lit(c, 0.05)
		}
		d.shadow(x, y, s*1.1)
		for _, lx := range []float32{-0.85, 0.85} {
			d.rect(x+lx*s-s*0.05, y-s*0.45, x+lx*s+s*0.05, y)
		}
		d.fill(solid(iron))
		for k := range 3 { // the back's slats
			yy := y - s*0.95 + float32(k)*s*0.17
			d.roundRect(x-s, yy, x+s, yy+s*0.12, s*0.03)
		}
		d.fill(vgrad(wood.scale(1.1), wood.scale(0.85), y-s*0.95, y-s*0.5))
		d.roundRect(x-s*1.05, y-s*0.5, x+s*1.05, y-s*0.38, s*0.03) // the seat
		d.fill(solid(wood.scale(1.15)))
		return y - s*0.95
	}
	col := d.lit(hex("#3a5a8a"), 0.05)
	if c, ok := colourOf(a); ok {
		col = d.lit(c, 0.05)
	}
	d.shadow(x, y, s*0.3)
	d.rect(x-s*0.06, y-s*0.9, x+s*0.06, y)
	d.fill(solid(iron))
	d.roundRect(x-s*0.3, y-s*1.3, x+s*0.3, y-s*0.88, s*0.12)
	d.fill(vgrad(col.scale(1.15), col.scale(0.8), y-s*1.3, y-s*0.88))
	return y - s*1.3
}

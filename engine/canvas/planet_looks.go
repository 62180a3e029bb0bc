package canvas

import (
	"math"
	"strings"

	"github.com/easel-art/easel"
)

// planet_looks.go gives a planet the look its words name: an unnamed
// "desert", "ice", "ocean", "lava" or "jungle" planet gets that surface,
// a gas giant its bands; a planet of the Sun by name its own (Mars red
// and dusty from WordNet's definition, Jupiter banded); and draws a
// satellite or a rocket that is the subject in space.

// planetLook is how a planet's surface is painted.
type planetLook struct {
	base, land rgb
	banded     bool    // cloud bands across it, no land (a gas giant)
	lava       bool    // glowing cracks across dark rock
	landAt     float32 // the noise level above which land shows
	clouds     float32 // how white its cloud bands are
}

// surfaceLooks are the looks an adjective of a planet names.
var surfaceLooks = []struct {
	words []string
	look  planetLook
}{
	{[]string{"ice", "icy", "frozen", "snow", "snowy", "glacial", "arctic"}, planetLook{base: hex("#cfe6f2"), land: hex("#8ab8d8"), landAt: 0.55, clouds: 0.3}},
	{[]string{"desert", "sand", "sandy", "dune", "dusty", "arid", "dry"}, planetLook{base: hex("#d8a25a"), land: hex("#a8683a"), landAt: 0.5, clouds: 0.15}},
	{[]string{"ocean", "water", "sea", "aquatic", "oceanic"}, planetLook{base: hex("#1a56b8"), land: hex("#3a8a4a"), landAt: 0.72, clouds: 0.7}},
	{[]string{"lava", "volcanic", "molten", "magma", "fire", "fiery", "burning", "hell"}, planetLook{base: hex("#2a1a16"), land: hex("#ff6a1a"), lava: true, landAt: 0.5}},
	{[]string{"jungle", "forest", "green", "lush", "swamp"}, planetLook{base: hex("#2a7a3a"), land: hex("#1a4a22"), landAt: 0.5, clouds: 0.6}},
	{[]string{"gas", "gaseous", "giant"}, planetLook{base: hex("#d8b080"), land: hex("#a86a3a"), banded: true}},
	{[]string{"rocky", "barren", "dead", "grey", "gray", "cratered"}, planetLook{base: hex("#8a8480"), land: hex("#5a5650"), landAt: 0.5}},
	{[]string{"purple", "alien"}, planetLook{base: hex("#7a4aa8"), land: hex("#4a2a6a"), landAt: 0.55, clouds: 0.4}},
}

// namedPlanets are the Sun's planets whose look WordNet's definition does
// not give (Mars's "reddish" it does).
var namedPlanets = map[string]planetLook{
	"jupiter": {base: hex("#d8b488"), land: hex("#a8683e"), banded: true},
	"saturn":  {base: hex("#e0c890"), land: hex("#b8965a"), banded: true},
	"uranus":  {base: hex("#a8e0e4"), land: hex("#88c8d0"), banded: true},
	"neptune": {base: hex("#3a6ad8"), land: hex("#2a4aa8"), banded: true},
	"venus":   {base: hex("#e8d4a0"), land: hex("#d0b070"), banded: true},
	"mercury": {base: hex("#9a9490"), land: hex("#6a6460"), landAt: 0.5},
}

// lookOf is the look the words give the planet subject; ok is false when
// they give none.
func lookOf(sub *easel.Subject, words string) (planetLook, bool) {
	if sub == nil {
		return planetLook{}, false
	}
	noun := strings.ToLower(sub.Noun)
	if l, ok := namedPlanets[noun]; ok {
		return l, true
	}
	said := strings.ToLower(" " + strings.Join(sub.Adjectives, " ") + " " + strings.Join(sub.Materials, " ") + " " + noun + " ")
	// The planet's own words first, then the idea's ("an ice world").
	for _, in := range []func(w string) bool{
		func(w string) bool { return hasWord(said, w) },
		func(w string) bool { return hasWord(words, w+" planet") || hasWord(words, w+" world") },
	} {
		for _, sl := range surfaceLooks {
			for _, w := range sl.words {
				if in(w) {
					return sl.look, true
				}
			}
		}
	}
	return planetLook{}, false
}

// surfaceAt is the colour of a planet's surface at (dx, dy) on its disc
// (dz the depth toward the viewer), before the light: land, bands or
// glowing cracks; glow is light the surface gives off itself.
func (l planetLook) surfaceAt(dx, dy, dz float32, seed uint32) (col rgb, glow float32) {
	n := fbm(dx*3/(dz+0.3), dy*3+1, 4, seed)
	switch {
	case l.banded:
		// Bands across it, wavering; a storm's oval in one of them.
		w := fbm(dx*1.5, dy*2, 3, seed+7)
		t := float32(0.5 + 0.5*math.Sin(float64(dy*14+w*4)))
		col = l.base.mix(l.land, t*0.8)
		if ex, ey := (dx-0.25)/0.16, (dy-0.3)/0.08; ex*ex+ey*ey < 1 {
			col = col.mix(hex("#b84a2a"), 0.6)
		}
		return col, 0
	case l.lava:
		crack := float32(math.Abs(float64(n - 0.5)))
		if crack < 0.025 {
			return l.land, 1 - crack/0.025
		}
		return l.base.mix(hex("#4a2a20"), smoothstep(0.4, 0.7, n)), 0
	}
	col = l.base
	if n > l.landAt {
		col = l.land.mix(l.base, 0.2)
	}
	band := fbm(dx*0.5, dy*8, 3, seed+3)
	return col.mix(rgb{1, 1, 1}, smoothstep(0.55, 0.75, band)*l.clouds), 0
}

// satellite draws an artificial satellite: a gold-foiled body between two
// wings of solar panels, a dish on one side.
func (d *painter) satellite(x, y, s float32) {
	amb := d.p.lt.ambient.mix(rgb{1, 1, 1}, 0.6)
	body := hex("#d8b048").mul(amb)
	panel := hex("#1e3a7a").mul(amb)
	d.line(x-s*1.5, y, x+s*1.5, y, max(s*0.04, 1))
	d.fill(solid(hex("#b8bcc4").mul(amb)))
	for _, side := range []float32{-1, 1} {
		x0 := x + side*s*0.45
		x1 := x + side*s*1.45
		d.poly(x0, y-s*0.28, x1, y-s*0.34, x1, y+s*0.34, x0, y+s*0.28)
		d.fill(solid(panel))
		for k := 1; k < 4; k++ {
			gx := x0 + (x1-x0)*float32(k)/4
			d.line(gx, y-s*0.3, gx, y+s*0.3, max(s*0.015, 0.8))
		}
		d.fillNoInk(solid(panel.scale(1.6)))
	}
	d.roundRect(x-s*0.32, y-s*0.36, x+s*0.32, y+s*0.36, s*0.05)
	d.fill(vgrad(body.scale(1.15), body.scale(0.75), y-s*0.36, y+s*0.36))
	d.ellipse(x+s*0.1, y-s*0.55, s*0.22, s*0.1)
	d.fill(solid(hex("#e8e8ec").mul(amb)))
	d.line(x+s*0.1, y-s*0.36, x+s*0.1, y-s*0.5, max(s*0.03, 1))
	d.fill(solid(hex("#b8bcc4").mul(amb)))
}

// spaceCraft draws the craft that is the subject in space by its noun: a
// satellite, a rocket in flight, else the ship (life.go).
func (d *painter) spaceCraft(x, y, s float32) {
	sub := d.p.subjectOf("spaceship")
	noun := ""
	if sub != nil {
		noun = strings.ToLower(sub.Noun)
	}
	if sub != nil {
		d.paintedSub(sub)
	}
	d.painted("spaceship")
	switch {
	case strings.Contains(noun, "satellite") || strings.Contains(noun, "probe"):
		d.satellite(x, y, s*1.3)
	case strings.Contains(noun, "rocket"):
		// A rocket in flight, nose up and leaning, its flame behind it.
		d.rocket(x, y+s*0.9, s*1.8, s*0.32) // launch.go
		d.glow(x, y+s*1.05, s*0.35, hex("#ffb040"), 0.9)
	default:
		d.spaceship(x, y, s)
	}
}

package canvas

import (
	"math"
	"strings"
)

// planets.go adds what a planet by name or by the words has besides its
// sphere (space.go): Saturn's rings (or any planet the words call
// ringed), and as many small moons as the idea counts ("a red planet
// with two moons").

// ringed reports whether the planet wears rings: Saturn by name, or the
// words give it rings.
func (d *painter) ringed() bool {
	sub := d.p.subjectOf("planet")
	if sub != nil && strings.Contains(strings.ToLower(sub.Noun), "saturn") {
		return true
	}
	return hasWord(d.p.words, "rings") || hasWord(d.p.words, "ringed") || hasWord(d.p.words, "ring")
}

// rings draws the half of a planet's rings behind it (front false) or in
// front of it (front true), tilted, centred on (cx, cy) for radius r.
func (d *painter) rings(cx, cy, r float32, front bool) {
	d.painted("rings")
	a0, a1 := float32(math.Pi), float32(2*math.Pi) // the far half, above the middle
	if front {
		a0, a1 = 0, math.Pi
	}
	base := hex("#d8c8a0")
	for _, band := range []struct{ k, w, shade float32 }{{1.35, 0.1, 0.95}, {1.55, 0.16, 1.1}, {1.85, 0.14, 0.85}, {2.05, 0.05, 0.7}} {
		col := base.scale(band.shade) // lit by the sun, not the sky
		if !front {
			col = col.scale(0.7) // the far side, seen past the planet
		}
		d.arc(cx, cy, r*band.k, r*band.k*0.28, a0, a1, r*band.w, col)
	}
}

// moonlets draws n small grey moons spread across the sky, away from
// the planet at px.
func (d *painter) moonlets(n int, px float32) {
	d.painted("moon", "moons")
	W, H := float32(d.w), float32(d.h)
	for i := range n {
		x := W * (0.12 + 0.76*(float32(i)+0.5)/float32(n))
		if abs32(x-px) < W*0.15 {
			x = x + W*0.3*sign32(x-px+0.01)
		}
		x = min(max(x, W*0.08), W*0.92)
		y := H * (0.12 + 0.12*float32(i%2))
		r := W * (0.035 + 0.012*float32(i%3))
		d.disc(x, y, r, d.lit(hex("#b8b4ac"), 0), 1, false)
		d.disc(x+r*0.35, y+r*0.3, r*0.8, hex("#2a2a30"), 0.55, false)
		d.disc(x-r*0.3, y-r*0.2, r*0.2, hex("#8a8680"), 0.6, false)
	}
}

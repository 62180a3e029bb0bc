package canvas

import (
	"strings"

	"github.com/easel-art/easel"
)

// launch.go draws what stands tall in a landscape where the usual
// placing would lose it: a tower that is the subject rising out of a sea
// of cloud ("a wizard tower above the clouds"), and a rocket on its launch
// pad, standing or lifting off on its flame ("a silver rocket on the
// launch pad", "a space shuttle launching"), not a speck in outer space.

// launchWords reports whether the words put a spacecraft on the ground
// at its launch, not out in space.
func launchWords(words string) bool {
	for _, w := range []string{"launch", "launching", "launches", "launchpad", "liftoff", "lift-off", "lifting off", "blasting off", "takes off", "taking off", "pad"} {
		if hasWord(words, w) || strings.Contains(words, w+" ") {
			return true
		}
	}
	return false
}

// liftingOff reports whether the rocket is leaving the pad, on its flame.
func liftingOff(words string) bool {
	for _, w := range []string{"launching", "launches", "liftoff", "lift-off", "lifting off", "blasting off", "takes off", "taking off", "launch into"} {
		if strings.Contains(words, w) {
			return true
		}
	}
	return false
}

// aboveClouds draws the subject that stands tall (a tower, a lighthouse,
// a castle, a temple) rising out of the cloud sea below the horizon at
// hz, wisps of cloud round its foot.
func (d *painter) aboveClouds(hz float32) {
	p := d.p
	H := float32(d.h)
	base := hz + H*0.14
	var x float32
	switch {
	case d.isMainTower():
		x = d.xFor("tower", 0.4, 0.6)
		d.mainTower(x, base, min(d.zoomed("tower", H*0.42), (base-H*0.06)/1.45)) // the roof stays in the frame
	case p.main == "lighthouse":
		x = d.xFor("lighthouse", 0.4, 0.6)
		d.lighthouse(x, base, min(d.zoomed("lighthouse", H*0.16), (base-H*0.06)/3.4)) // the lamp stays in the frame
	case p.main == "castle":
		x = d.xFor("castle", 0.4, 0.6)
		d.castle(x, base, d.zoomed("castle", H*0.14))
	case p.main == "temple":
		x = d.xFor("temple", 0.4, 0.6)
		d.temple(x, base, d.zoomed("temple", H*0.25))
	default:
		return
	}
	// Cloud wisps cover its foot, so it rises out of them.
	lit := d.skyAt(hz*0.9, hz).mix(rgb{1, 1, 1}, 0.7)
	for i := range 9 {
		t := float32(i)/8 - 0.5
		r := d.rnd(40, 70) * d.u
		d.blob(x+t*H*0.35, base-d.rnd(0, 30)*d.u, r*1.6, r*0.7)
		d.fillNoInk(paint{col: lit.scale(d.rnd(0.92, 1.02)), alpha: 0.92})
	}
}

// launchPad draws the rocket that is the subject on the ground at
// groundTop: a gantry beside it, and when it lifts off, its flame and a
// billow of smoke.
func (d *painter) launchPad(groundTop float32) {
	d.painted("spaceship", "pad", "launchpad", "gantry")
	p := d.p
	W, H := float32(d.w), float32(d.h)
	x := d.xFor("spaceship", 0.42, 0.58)
	pad := groundTop + (H-groundTop)*0.55
	h := d.zoomed("spaceship", H*0.5)
	w := h * 0.085
	up := liftingOff(p.words)
	// The pad and the gantry: a lattice tower a little taller than the rocket's body.
	d.rect(x-w*4, pad-h*0.02, x+w*4, pad+h*0.03)
	d.fill(solid(d.lit(hex("#6a6a6a"), 0)))
	gx := x + w*2.2
	steel := d.lit(hex("#b8442a"), 0.1)
	gh := h * 0.85
	d.rect(gx, pad-gh, gx+w*0.9, pad)
	d.fill(paint{col: steel, alpha: 0.25})
	for k := range 14 {
		y0 := pad - gh*float32(k)/14
		y1 := pad - gh*float32(k+1)/14
		d.line(gx, y0, gx+w*0.9, y1, max(1.4*d.u, 0.8))
		d.line(gx+w*0.9, y0, gx, y1, max(1.4*d.u, 0.8))
	}
	d.line(gx, pad, gx, pad-gh, max(2.4*d.u, 1))
	d.line(gx+w*0.9, pad, gx+w*0.9, pad-gh, max(2.4*d.u, 1))
	d.line(gx, pad-gh*0.75, x+w*0.9, pad-gh*0.75, max(2.4*d.u, 1))
	d.fill(solid(steel))
	base := pad - h*0.03
	if up {
		base = pad - h*0.22
		// The flame, then smoke billowing out both ways along the ground.
		d.moveTo(x-w*0.8, base)
		d.quadTo(x, base+h*0.55, x+w*0.8, base)
		d.fillNoInk(vgrad(hex("#fff4c0"), hex("#ff7a1a"), base, base+h*0.4))
		d.glow(x, base+h*0.1, h*0.25, hex("#ffb040"), 0.8)
		smoke := d.lit(hex("#e8e4dc"), 0)
		for i := range 16 {
			t := float32(i)/15 - 0.5
			r := (50 + 50*(0.5-abs32(t))) * d.u * h / (H * 0.5)
			d.blob(x+t*W*0.9, pad+d.rnd(-10, 10)*d.u-r*0.3, r*1.3, r*0.8)
			d.fillNoInk(paint{col: smoke.scale(d.rnd(0.85, 1.02)), alpha: 0.95})
		}
	}
	d.rocket(x, base, h, w)
}

// rocket draws an upright rocket standing at (x, base): body h tall and
// 2w wide, a nose cone, fins and a band of windows, in the idea's colour.
func (d *painter) rocket(x, base, h, w float32) {
	d.painted("spaceship")
	col := hex("#eceae4")
	if c, ok := factColour(d.p.subjectOf("spaceship")); ok {
		col = c
	}
	body := base - h*0.72
	// Fins first, behind the body.
	for _, side := range []float32{-1, 1} {
		d.poly(x+side*w*0.9, base-h*0.2, x+side*w*2, base+h*0.01, x+side*w*0.9, base)
		d.fill(solid(d.lit(hex("#b8282a"), 0)))
	}
	d.rect(x-w, body, x+w, base)
	pt := solid(d.lit(col, 0))
	d.fill(pt)
	// Shade the body's far side so it reads round.
	d.rect(x+w*0.35, body, x+w, base)
	d.fillNoInk(paint{col: d.lit(col.scale(0.7), 0), alpha: 0.6})
	d.moveTo(x-w, body)
	d.cubeTo(x-w, body-h*0.14, x-w*0.2, body-h*0.26, x, body-h*0.28)
	d.cubeTo(x+w*0.2, body-h*0.26, x+w, body-h*0.14, x+w, body)
	d.fill(vgrad(d.lit(hex("#b8282a"), 0).scale(1.1), d.lit(hex("#8a1a1a"), 0), body-h*0.28, body))
	d.disc(x, body+h*0.1, w*0.4, d.lit(hex("#2a4a6a"), 0), 1, false)
	d.disc(x-w*0.12, body+h*0.09, w*0.14, rgb{1, 1, 1}, 0.5, false)
	d.fillRect(x-w, base-h*0.12, x+w, base-h*0.09, d.lit(hex("#2a2a2a"), 0), 1)
}

func abs32(v float32) float32 {
	if v < 0 {
		return -v
	}
	return v
}

// boatWater is the water a boat that is the subject floats on when the
// words name none: a lake for a small rowing boat, else the sea.
func boatWater(p *plan) string {
	if hasAny(p.el, "sea", "lake", "ice") || !hasAny(p.el, "boat", "sailboat", "ship") {
		return ""
	}
	if p.main != "boat" && p.main != "sailboat" && p.main != "ship" {
		return ""
	}
	if p.el["river"] || p.el["pond"] || hasWord(p.words, "rowboat") || hasWord(p.words, "canoe") || hasWord(p.words, "kayak") || hasWord(p.words, "rowing") {
		return "lake"
	}
	return "sea"
}

// isMast reports a tower that is a lattice mast: a radio, television or
// transmission tower, an antenna, a pylon.
func isMast(s *easel.Subject) bool {
	words := strings.ToLower(strings.Join(append(append([]string{}, s.Adjectives...), s.Noun), " "))
	for _, w := range []string{"radio", "television", "tv", "transmission", "antenna", "transmitter", "cell", "pylon", "telecom", "broadcast"} {
		if hasWord(" "+words+" ", w) {
			return true
		}
	}
	return false
}

// mast draws a tapering steel lattice mast h tall at (x, y), red and
// white bands, a light at its top.
func (d *painter) mast(x, y, h float32) {
	d.painted("tower")
	w := h * 0.09
	lw := max(h*0.006, 1)
	red, white := d.lit(hex("#c83a2a"), 0.1), d.lit(hex("#eeeae4"), 0.1)
	const n = 16
	for k := range n {
		t0, t1 := float32(k)/n, float32(k+1)/n
		y0, y1 := y-h*t0, y-h*t1
		w0, w1 := w*(1-t0*0.85), w*(1-t1*0.85)
		d.line(x-w0, y0, x-w1, y1, lw*1.6)
		d.line(x+w0, y0, x+w1, y1, lw*1.6)
		d.line(x-w0, y0, x+w1, y1, lw)
		d.line(x+w0, y0, x-w1, y1, lw)
		d.line(x-w1, y1, x+w1, y1, lw)
		col := white
		if (k/2)%2 == 0 {
			col = red
		}
		d.fill(solid(col))
	}
	d.line(x, y-h, x, y-h*1.08, lw*1.5)
	d.fill(solid(red))
	d.glow(x, y-h*1.08, h*0.03, hex("#ff4a3a"), 0.8)
}

package canvas

import (
	"math"
	"strings"
)

// birds draws a flock of gull-wing strokes.
func (d *painter) birds(count int, white bool) {
	d.painted("birds")
	if d.p.el["seagulls"] {
		d.painted("seagulls")
	}
	col := d.lit(hex("#1e1e24"), 0.2)
	if white {
		col = d.lit(rgb{0.97, 0.97, 0.97}, 0)
	}
	if d.p.lt.night {
		col = hex("#05060a")
	}
	cx := d.rnd(0.2, 0.8) * float32(d.w)
	cy := d.rnd(0.15, 0.55) * d.p.horizon
	for i := 0; i < count; i++ {
		x := cx + float32(d.rng.NormFloat64())*float32(d.w)*0.1
		y := cy + float32(d.rng.NormFloat64())*float32(d.h)*0.05
		s := d.rnd(6, 14) * d.u
		flap := d.rnd(-0.4, 0.4) * s
		d.moveTo(x-s, y-s*0.3+flap)
		d.quadTo(x-s*0.45, y-s*0.55+flap, x, y)
		d.quadTo(x+s*0.45, y-s*0.55+flap, x+s, y-s*0.3+flap)
		d.quadTo(x+s*0.45, y-s*0.3+flap, x, y+s*0.15)
		d.quadTo(x-s*0.45, y-s*0.3+flap, x-s, y-s*0.3+flap)
	}
	d.fillNoInk(solid(col))
}

// boat draws a small boat, a sailboat or a tall ship floating at (x, y),
// with its reflection.
func (d *painter) boat(x, y, s float32, kind string) {
	d.painted(kind)
	hull := d.lit(hex("#5a3a28"), 0.1)
	if kind == "boat" {
		hull = d.lit(d.p.accent.mix(hex("#e8e4dc"), 0.3), 0.1)
	}
	if c, ok := factColour(d.p.subjectOf(kind)); ok {
		hull = d.lit(c, 0.1) // "a red sailboat"
	}
	sail := d.lit(hex("#f2ece0"), 0.1)
	for _, ref := range []float32{1, -1} {
		yy := y
		// The reflection is the boat upside down, faint and darker.
		tr := func(py float32) float32 { return yy + (py-yy)*ref }
		hl := s
		if kind == "ship" {
			hl = s * 1.6
		}
		d.moveTo(x-hl, tr(y-s*0.25))
		d.lineTo(x+hl*1.1, tr(y-s*0.3))
		d.quadTo(x+hl*0.8, tr(y+s*0.15), x+hl*0.5, tr(y+s*0.18))
		d.lineTo(x-hl*0.8, tr(y+s*0.15))
		pt := solid(hull)
		if ref < 0 {
			pt = paint{col: hull.scale(0.6), alpha: 0.35}
		}
		d.fillPath(pt, ref > 0 && d.ink != nil)
		masts := []float32{0}
		if kind == "ship" {
			masts = []float32{-0.7, 0, 0.7}
		}
		if kind == "boat" {
			d.rect(x-hl*0.3, tr(y-s*0.55), x+hl*0.2, tr(y-s*0.25))
			pt := solid(sail)
			if ref < 0 {
				pt = paint{col: sail.scale(0.6), alpha: 0.3}
			}
			d.fillPath(pt, ref > 0 && d.ink != nil)
			continue
		}
		for _, m := range masts {
			mx := x + m*hl
			mh := s * 1.9
			if m == 0 {
				mh = s * 2.3
			}
			d.line(mx, tr(y-s*0.25), mx, tr(y-s*0.25-mh), s*0.04)
			if kind == "ship" {
				for k := 0; k < 3; k++ {
					t0 := 0.15 + float32(k)*0.28
					w := s * (0.55 - float32(k)*0.1)
					top := y - s*0.25 - mh*(t0+0.24)
					bot := y - s*0.25 - mh*t0
					d.moveTo(mx-w, tr(top))
					d.lineTo(mx+w, tr(top))
					d.quadTo(mx+w*1.15, tr((top+bot)/2), mx+w, tr(bot))
					d.lineTo(mx-w, tr(bot))
					d.quadTo(mx-w*0.85, tr((top+bot)/2), mx-w, tr(top))
				}
			} else {
				d.poly(mx+s*0.05, tr(y-s*0.3-mh), mx+s*0.05, tr(y-s*0.35), mx+hl*0.9, tr(y-s*0.35))
				d.poly(mx-s*0.05, tr(y-s*0.3-mh*0.8), mx-s*0.05, tr(y-s*0.35), mx-hl*0.6, tr(y-s*0.35))
			}
		}
		pt = solid(sail)
		if ref < 0 {
			pt = paint{col: sail.scale(0.6), alpha: 0.3}
		}
		d.fillPath(pt, ref > 0 && d.ink != nil)
	}
}

// balloon draws a hot air balloon with striped gores, or an airship when
// the scene says so.
func (d *painter) balloon(x, y, s float32) {
	d.painted("balloon")
	if hasWord(d.p.words, "airship") || hasWord(d.p.words, "zeppelin") || hasWord(d.p.words, "steampunk") {
		d.airship(x, y, s)
		return
	}
	cols := []rgb{d.p.accent, hex("#f2c230"), hex("#2a7ad8"), hex("#f2f0e8")}
	stripes := 6
	for i := 0; i < stripes; i++ {
		t0 := float32(i)/float32(stripes)*2 - 1
		t1 := float32(i+1)/float32(stripes)*2 - 1
		// Each gore: from the crown, bulging out, to the throat.
		d.moveTo(x, y-s)
		d.cubeTo(x+t0*s*1.35, y-s, x+t0*s*1.2, y+s*0.1, x+t0*s*0.25, y+s*0.75)
		d.lineTo(x+t1*s*0.25, y+s*0.75)
		d.cubeTo(x+t1*s*1.2, y+s*0.1, x+t1*s*1.35, y-s, x, y-s)
		d.fill(solid(d.lit(cols[i%len(cols)], 0.1)))
	}
	rope := d.lit(hex("#3a2a20"), 0.1)
	d.line(x-s*0.25, y+s*0.75, x-s*0.15, y+s*1.05, s*0.02)
	d.line(x+s*0.25, y+s*0.75, x+s*0.15, y+s*1.05, s*0.02)
	d.fillNoInk(solid(rope))
	d.rect(x-s*0.17, y+s*1.05, x+s*0.17, y+s*1.3)
	d.fill(solid(d.lit(hex("#8a5a30"), 0.1)))
}

// airship draws a steampunk dirigible: a ribbed envelope and a gondola.
func (d *painter) airship(x, y, s float32) {
	d.painted("balloon")
	env := d.lit(hex("#a88a5a"), 0.1)
	d.moveTo(x-s*1.8, y)
	d.cubeTo(x-s*1.8, y-s*0.75, x+s*1.2, y-s*0.8, x+s*1.9, y)
	d.cubeTo(x+s*1.2, y+s*0.8, x-s*1.8, y+s*0.75, x-s*1.8, y)
	d.fill(vgrad(env.scale(1.2), env.scale(0.6), y-s*0.7, y+s*0.7))
	rib := d.lit(hex("#6a4a2a"), 0.1)
	for i := -3; i <= 3; i++ {
		rx := x + float32(i)*s*0.45
		d.line(rx, y-s*0.6, rx, y+s*0.6, s*0.03)
	}
	d.fillNoInk(paint{col: rib, alpha: 0.6})
	// Tail fins.
	d.poly(x-s*1.6, y, x-s*2.2, y-s*0.6, x-s*2.0, y)
	d.poly(x-s*1.6, y, x-s*2.2, y+s*0.6, x-s*2.0, y)
	d.fill(solid(rib))
	d.line(x-s*0.3, y+s*0.6, x-s*0.4, y+s*0.95, s*0.03)
	d.line(x+s*0.5, y+s*0.6, x+s*0.6, y+s*0.95, s*0.03)
	d.fillNoInk(solid(rib))
	d.rect(x-s*0.6, y+s*0.95, x+s*0.8, y+s*1.2)
	d.fill(solid(d.lit(hex("#5a3a22"), 0.1)))
	for i := 0; i < 5; i++ {
		wx := x - s*0.5 + float32(i)*s*0.27
		d.window(wx, y+s*1.0, wx+s*0.12, y+s*1.1, d.dark())
	}
	d.ellipse(x+s*1.0, y+s*1.07, s*0.06, s*0.3)
	d.fill(solid(d.lit(hex("#c89a40"), 0.1)))
}

// car draws a vintage car in profile, facing right, wheels on y.
func (d *painter) car(x, y, s float32) {
	d.painted("car")
	body := d.lit(d.p.accent.mix(hex("#2ab0b0"), 0.4), 0.05)
	if len(d.p.tint) == 0 {
		body = d.lit(hex("#3ab8b0"), 0.05)
	}
	if c, ok := factColour(d.p.subjectOf("car")); ok {
		body = d.lit(c, 0.05) // "a yellow taxi" is yellow, not yellow mixed with teal
	}
	d.carBody(x, y, s, body)
}

// carBody draws the car in the colour body.
func (d *painter) carBody(x, y, s float32, body rgb) {
	sub := d.p.subjectOf("car")
	r := s * 0.22
	d.moveTo(x-s*1.2, y-r*0.6)
	d.lineTo(x-s*1.25, y-s*0.45)
	d.quadTo(x-s*1.0, y-s*0.55, x-s*0.55, y-s*0.55)
	d.quadTo(x-s*0.35, y-s*0.95, x+s*0.05, y-s*0.95)
	d.quadTo(x+s*0.4, y-s*0.95, x+s*0.55, y-s*0.55)
	d.quadTo(x+s*1.1, y-s*0.55, x+s*1.25, y-s*0.35)
	d.lineTo(x+s*1.25, y-r*0.6)
	pt := vgrad(body.scale(1.25), body.scale(0.75), y-s, y)
	d.fill(pt)
	glass := d.skyAt(d.p.horizon*0.3, d.p.horizon).scale(0.8)
	d.poly(x-s*0.3, y-s*0.6, x-s*0.15, y-s*0.85, x+s*0.3, y-s*0.85, x+s*0.45, y-s*0.6)
	d.fill(solid(glass))
	d.rect(x-s*1.25, y-s*0.32, x+s*1.25, y-s*0.27)
	d.fillNoInk(solid(d.lit(rgb{0.85, 0.85, 0.88}, 0)))
	if sub != nil && (strings.Contains(strings.ToLower(sub.Noun), "taxi") || strings.Contains(strings.ToLower(sub.Noun), "cab")) {
		// A taxi's roof sign and its chequered band.
		d.roundRect(x-s*0.14, y-s*1.08, x+s*0.22, y-s*0.95, s*0.03)
		d.fill(solid(d.lit(hex("#f4f0d8"), 0)))
		for k := range 12 {
			if k%2 == 0 {
				cx := x - s*1.0 + s*2.0*float32(k)/12
				d.rect(cx, y-s*0.42, cx+s*2.0/12, y-s*0.36)
			}
		}
		d.fillNoInk(solid(hex("#1a1a1a")))
	}
	for _, wx := range []float32{-0.72, 0.75} {
		d.ellipse(x+wx*s, y-r, r, r)
		d.fill(solid(hex("#141414")))
		d.ellipse(x+wx*s, y-r, r*0.5, r*0.5)
		d.fillNoInk(solid(d.lit(rgb{0.8, 0.8, 0.82}, 0)))
	}
}

// airplane draws a small jet with a contrail.
func (d *painter) airplane(x, y, s float32) {
	d.painted("airplane")
	d.line(x-s*6, y+s*0.2, x-s*0.8, y, s*0.12)
	d.fillNoInk(paint{col: rgb{1, 1, 1}, alpha: 0.5})
	col := d.lit(d.p.placeColour(rgb{0.9, 0.9, 0.92}, "airplane"), 0.2) // "a red plane"
	d.poly(x-s, y-s*0.08, x+s, y-s*0.06, x+s*1.1, y, x+s, y+s*0.06, x-s, y+s*0.08)
	d.poly(x-s*0.1, y, x-s*0.5, y-s*0.7, x-s*0.25, y-s*0.7, x+s*0.25, y)
	d.poly(x-s*0.8, y, x-s*1.05, y-s*0.35, x-s*0.9, y-s*0.35, x-s*0.65, y)
	d.fill(solid(col))
}

// train draws a line of carriages on a track across the middle ground.
func (d *painter) train(y, s float32) {
	d.painted("train")
	d.rect(0, y, float32(d.w), y+s*0.06)
	d.fill(solid(d.lit(hex("#3a3030"), 0.2)))
	// The locomotive leads from the right, its carriages trailing left
	// into the frame.
	x := d.xFor("train", 0.55, 0.8) - s*1.6
	body := d.lit(d.p.accent, 0.2)
	for i := 0; i < 5; i++ {
		w := s * 1.6
		d.rect(x, y-s*0.7, x+w, y-s*0.05)
		if i == 0 {
			d.moveTo(x+w, y-s*0.7)
			d.quadTo(x+w+s*0.5, y-s*0.6, x+w+s*0.5, y-s*0.05)
			d.lineTo(x+w, y-s*0.05)
		}
		d.fill(solid(body))
		for k := 0; k < 4; k++ {
			wx := x + s*0.15 + float32(k)*s*0.37
			d.window(wx, y-s*0.55, wx+s*0.22, y-s*0.35, d.dark())
		}
		x -= w + s*0.1
	}
}

// spaceship draws a sleek craft, or a ringed station when the scene says so.
func (d *painter) spaceship(x, y, s float32) {
	d.painted("spaceship")
	hull := rgb{0.82, 0.84, 0.88}.mul(d.p.lt.ambient.mix(rgb{1, 1, 1}, 0.6))
	if hasWord(d.p.words, "station") {
		d.moveTo(x+s*1.3, y)
		for i := 1; i <= 48; i++ {
			a := float64(i) / 48 * 2 * math.Pi
			d.lineTo(x+float32(math.Cos(a))*s*1.3, y+float32(math.Sin(a))*s*0.45)
		}
		d.moveTo(x+s*1.15, y)
		for i := 1; i <= 48; i++ {
			a := -float64(i) / 48 * 2 * math.Pi
			d.lineTo(x+float32(math.Cos(a))*s*1.15, y+float32(math.Sin(a))*s*0.36)
		}
		d.fill(vgrad(hull.scale(1.1), hull.scale(0.55), y-s*0.45, y+s*0.45))
		d.rect(x-s*0.08, y-s*0.9, x+s*0.08, y+s*0.9)
		d.rect(x-s*0.25, y-s*0.25, x+s*0.25, y+s*0.25)
		d.fill(solid(hull))
		for _, side := range []float32{-1, 1} {
			d.rect(x+side*s*0.3, y-s*0.85, x+side*s*0.9, y-s*0.6)
			d.rect(x+side*s*0.3, y+s*0.6, x+side*s*0.9, y+s*0.85)
		}
		d.fill(solid(hex("#2a3a7a")))
		for i := 0; i < 10; i++ {
			a := float64(i) / 10 * 2 * math.Pi
			d.disc(x+float32(math.Cos(a))*s*1.22, y+float32(math.Sin(a))*s*0.4, 1.5*d.u, warmLight, 0.9, false)
		}
		return
	}
	d.poly(x+s*1.2, y, x-s*0.8, y-s*0.3, x-s*0.6, y, x-s*0.8, y+s*0.3)
	d.fill(vgrad(hull.scale(1.2), hull.scale(0.6), y-s*0.3, y+s*0.3))
	d.glow(x-s*0.7, y, s*0.15, hex("#4ac8ff"), 0.9)
}

// fish draws a fish facing dir (1 right, -1 left).
func (d *painter) fish(x, y, l float32, dir float32, col rgb) {
	d.painted("fish")
	h := l * 0.32
	d.moveTo(x+dir*l*0.5, y)
	d.quadTo(x, y-h, x-dir*l*0.3, y)
	d.quadTo(x, y+h, x+dir*l*0.5, y)
	d.poly(x-dir*l*0.25, y, x-dir*l*0.55, y-h*0.8, x-dir*l*0.48, y, x-dir*l*0.55, y+h*0.8)
	d.fill(solid(col))
}

// jellyfish draws a glowing translucent bell with trailing tentacles.
func (d *painter) jellyfish(x, y, s float32) {
	d.painted("jellyfish")
	col := hex("#f08ad8").mix(d.p.accent, 0.2)
	bell, pale := float32(0.7), float32(0.3)
	if s := d.p.jellySubject(); s != nil {
		if c, ok := factColour(s); ok {
			col = c                 // "three blue jellyfish"
			bell, pale = 0.88, 0.12 // its own colour over the water's blue
		}
	}
	d.glow(x, y, s*0.9, col, 0.35)
	d.moveTo(x-s, y)
	d.cubeTo(x-s, y-s*1.3, x+s, y-s*1.3, x+s, y)
	for i := 0; i <= 6; i++ {
		t := float32(i) / 6
		d.lineTo(x+s-t*2*s, y+s*0.12*float32(i%2))
	}
	d.fillNoInk(paint{col: col.mix(rgb{1, 1, 1}, pale), alpha: bell})
	for k := 0; k < 6; k++ {
		tx := x - s*0.7 + float32(k)*s*0.28
		px, py := tx, y
		for i := 1; i <= 10; i++ {
			nx := tx + float32(math.Sin(float64(i)*0.8+float64(k)))*s*0.15
			ny := y + float32(i)*s*0.28
			d.line(px, py, nx, ny, s*0.04)
			px, py = nx, ny
		}
	}
	d.fillNoInk(paint{col: col, alpha: 0.5})
}

// beast is a four-legged animal in profile, made from a few proportions so
// one routine serves horse, deer, dog and the rest. Lengths are in units of
// the animal's size s; angles are in degrees above the horizontal.
type beast struct {
	body, legs, neck, head, tail, ears float32
	hump                               bool
	col                                rgb

	kind    string  // "horse", "deer", "dog", "fox": picks the tail, mane and antlers
	depth   float32 // body depth, belly to back
	neckAng float32 // the neck's rise: a horse's about 45-50, a dog's lower
	headAng float32 // the head's axis from the poll, negative is down
	jaw     float32 // head depth at the jaw
	muzzle  float32 // muzzle depth as a part of the jaw's: small is pointed
	limb    float32 // leg thickness factor
	plan    string  // the WordNet body plan whose features it wears (bodyplans.go): trunk, horn, spots, mane
}

var beasts = map[string]beast{
	"camel": {body: 1.1, legs: 1.1, neck: 0.9, head: 0.3, tail: 0.3, ears: 0.05, hump: true, col: hex("#8e5e34")},
	"horse": {body: 1.0, legs: 0.95, neck: 0.5, head: 0.36, tail: 0.55, ears: 0.08, col: hex("#6a4028"),
		kind: "horse", depth: 0.4, neckAng: 52, headAng: -62, jaw: 0.17, muzzle: 0.55, limb: 1.25},
	"deer": {body: 0.82, legs: 1.0, neck: 0.32, head: 0.26, tail: 0.1, ears: 0.12, col: hex("#9a6a40"),
		kind: "deer", depth: 0.32, neckAng: 48, headAng: -52, jaw: 0.13, muzzle: 0.45, limb: 0.7},
	"fox": {body: 0.72, legs: 0.5, neck: 0.16, head: 0.26, tail: 0.6, ears: 0.13, col: hex("#d8682a"),
		kind: "fox", depth: 0.26, neckAng: 38, headAng: -12, jaw: 0.13, muzzle: 0.25, limb: 0.75},
	"dog": {body: 0.78, legs: 0.6, neck: 0.3, head: 0.27, tail: 0.35, ears: 0.1, col: hex("#8a6a48"),
		kind: "dog", depth: 0.36, neckAng: 58, headAng: -14, jaw: 0.16, muzzle: 0.6, limb: 1.05},
	"cat": {body: 0.78, legs: 0.5, neck: 0.12, head: 0.17, tail: 0.55, ears: 0.1, col: hex("#3a3034"),
		kind: "cat", depth: 0.22, neckAng: 40, headAng: -5, jaw: 0.14, muzzle: 0.8, limb: 0.7},
	"animal": {body: 0.85, legs: 0.75, neck: 0.3, head: 0.28, tail: 0.35, ears: 0.1, col: hex("#7a5a3a"),
		kind: "dog", depth: 0.32, neckAng: 45, headAng: -30, jaw: 0.14, muzzle: 0.5, limb: 0.9},
}

// quadruped draws beast b standing on y at x, size s, facing dir: legs
// with knees and hocks, a body longer than tall, a neck rising at its own
// angle to a wedge of a head, ears, and the tail, mane or antlers of its kind,
// lit from above and darker under the belly; the far legs are in shade.
func (d *painter) quadruped(b beast, x, y, s, dir float32) {
	if b.hump {
		d.humped(b, x, y, s, dir)
		return
	}
	col := d.lit(b.col, 0.1)
	if d.p.lt.night || d.p.time == "sunset" && d.p.el["dunes"] {
		col = col.scale(0.25) // a silhouette against the low sun
	}
	// Local coordinates: u forward along the animal, v up from the ground,
	// both in units of s.
	P := func(u, v float32) (float32, float32) { return x + dir*u*s, y - v*s }
	L := b.body
	legH := b.legs * 0.6
	top := legH + b.depth
	lw := b.limb
	rad := func(a float32) (float32, float32) {
		r := float64(a) * math.Pi / 180
		return float32(math.Cos(r)), float32(math.Sin(r))
	}
	// Neck from the withers and chest to the poll; the head hangs from it.
	wu, wv := L/2-0.2, top-0.01
	cu, cv := L/2+0.04, legH+b.depth*0.4
	nc, ns := rad(b.neckAng)
	pu, pv := wu+nc*b.neck, wv+ns*b.neck
	ac, as := rad(b.headAng)
	mu, mv := pu+ac*b.head, pv+as*b.head // muzzle tip
	jnu, jnv := as, -ac                  // towards the jaw side of the head
	ju, jv := pu+ac*b.head*0.3+jnu*b.jaw, pv+as*b.head*0.3+jnv*b.jaw
	tu, tv := pu+jnu*b.jaw*0.75-ac*0.03, pv+jnv*b.jaw*0.75-as*0.03
	md := b.jaw * b.muzzle

	stride := d.rnd(-0.04, 0.04)
	legs := func(far bool) {
		o, h := float32(0), float32(0)
		if far {
			o, h = 0.07+stride, -0.05-stride
		}
		fu := L/2 - 0.13 + o
		d.limb(P, lw, [][3]float32{
			{fu, legH + b.depth*0.55, 0.13}, {fu + 0.01, legH - 0.01, 0.085},
			{fu + 0.02, legH * 0.48, 0.06}, {fu + 0.025, 0.06, 0.045}, {fu + 0.05, 0, 0.055}})
		hu := -L/2 + 0.15 + h
		d.limb(P, lw, [][3]float32{
			{hu, legH + b.depth*0.6, 0.2}, {hu + 0.04, legH, 0.12},
			{hu - 0.06, legH * 0.45, 0.055}, {hu - 0.035, 0.06, 0.045}, {hu - 0.01, 0, 0.055}})
	}
	legs(true)
	d.fill(solid(col.scale(0.68)))

	// Tail, behind the body.
	ru, rv := -L/2+0.02, legH+b.depth*0.85
	tailCol := col.scale(0.8)
	switch b.kind {
	case "horse":
		tailCol = col.scale(0.45)
		d.limb(P, 1, [][3]float32{{ru, rv, 0.07}, {ru - 0.09, rv - 0.12, 0.11},
			{ru - 0.11, legH * 0.5, 0.1}, {ru - 0.08, legH * 0.18, 0.05}})
	case "deer":
		tailCol = col.mix(rgb{0.95, 0.93, 0.88}, 0.6)
		d.limb(P, 1, [][3]float32{{ru + 0.01, rv + 0.02, 0.06}, {ru - 0.05, rv - 0.08, 0.04}})
	case "fox":
		d.limb(P, 1, [][3]float32{{ru, rv - 0.04, 0.08}, {ru - 0.18, rv - b.depth*0.55, 0.15},
			{ru - 0.38, legH * 0.55, 0.12}, {ru - 0.52, legH * 0.45, 0.02}})
	case "cat":
		// A long tail raised in a question mark.
		d.limb(P, 1, [][3]float32{{ru, rv, 0.04}, {ru - 0.12, rv + 0.1, 0.035},
			{ru - 0.17, rv + 0.32, 0.032}, {ru - 0.1, rv + 0.42, 0.03}})
	default:
		d.limb(P, 1, [][3]float32{{ru, rv, 0.06}, {ru - 0.1, rv + 0.1, 0.05},
			{ru - 0.14, rv + b.tail*0.5, 0.025}})
	}
	d.fill(solid(tailCol))
	if b.kind == "fox" {
		// The white tip of the brush.
		d.limb(P, 1, [][3]float32{{ru - 0.44, legH*0.52 + 0.005, 0.09}, {ru - 0.52, legH * 0.45, 0.02}})
		d.fillNoInk(solid(d.lit(rgb{0.95, 0.93, 0.9}, 0.1)))
	}

	// Body: a long barrel, the back dipping a little behind the withers.
	shade := vgrad(col.scale(1.18), col.scale(0.72), y-top*s, y-legH*s)
	d.moveTo(P(-L/2+0.06, top))
	bx, by := P(0, top-0.05)
	ex, ey := P(wu, top)
	d.quadTo(bx, by, ex, ey)
	bx, by = P(L/2+0.1, top+0.02)
	ex, ey = P(cu, cv)
	d.quadTo(bx, by, ex, ey)
	bx, by = P(L/2, legH-0.02)
	ex, ey = P(L/2-0.2, legH)
	d.quadTo(bx, by, ex, ey)
	bx, by = P(-L/6, legH-0.03)
	ex, ey = P(-L/2+0.12, legH+0.03)
	d.quadTo(bx, by, ex, ey)
	bx, by = P(-L/2-0.09, legH+b.depth*0.55)
	ex, ey = P(-L/2+0.06, top)
	d.quadTo(bx, by, ex, ey)
	d.fill(shade)

	// Neck: a crest curving up to the poll, the throat straighter below.
	d.moveTo(P(cu, cv))
	d.lineTo(P(wu-0.04, wv))
	bx, by = P((wu+pu)/2-ns*0.05, (wv+pv)/2+nc*0.05)
	ex, ey = P(pu, pv)
	d.quadTo(bx, by, ex, ey)
	d.lineTo(P(tu, tv))
	bx, by = P((tu+cu)/2+ns*0.03, (tv+cv)/2-nc*0.03)
	ex, ey = P(cu, cv)
	d.quadTo(bx, by, ex, ey)
	d.fill(shade)

	// Head: a wedge from the poll to the muzzle, deep at the jaw.
	d.moveTo(P(pu-ac*0.03, pv-as*0.03))
	bx, by = P((pu+mu)/2-jnu*0.02, (pv+mv)/2-jnv*0.02)
	ex, ey = P(mu, mv)
	d.quadTo(bx, by, ex, ey)
	bx, by = P(mu+ac*0.02+jnu*md*0.6, mv+as*0.02+jnv*md*0.6)
	ex, ey = P(mu-ac*0.03+jnu*md, mv-as*0.03+jnv*md)
	d.quadTo(bx, by, ex, ey)
	bx, by = P((mu+ju)/2+jnu*md*0.3, (mv+jv)/2+jnv*md*0.3)
	ex, ey = P(ju, jv)
	d.quadTo(bx, by, ex, ey)
	bx, by = P(ju-ac*0.06, jv-as*0.06)
	ex, ey = P(tu, tv)
	d.quadTo(bx, by, ex, ey)
	d.fill(solid(col.scale(1.05)))
	// The eye and the nose.
	eu, ev := pu+ac*b.head*0.32+jnu*b.jaw*0.3, pv+as*b.head*0.32+jnv*b.jaw*0.3
	ex, ey = P(eu, ev)
	d.ellipse(ex, ey, s*0.016, s*0.016)
	nx, ny := P(mu-ac*0.015+jnu*md*0.3, mv-as*0.015+jnv*md*0.3)
	d.ellipse(nx, ny, s*0.014, s*0.014)
	d.fillNoInk(solid(col.scale(0.25)))

	// Ears: pointed, set on the poll and leaning back.
	for _, k := range []float32{0, 0.035} {
		bu, bv := pu+ac*(0.01+k), pv+as*(0.01+k)
		eu := bu - jnu*b.ears - ac*b.ears*0.35
		ev := bv - jnv*b.ears - as*b.ears*0.35
		w := b.ears * 0.35
		ax, ay := P(bu-ac*w, bv-as*w)
		tx, ty := P(eu, ev)
		cx, cy := P(bu+ac*w, bv+as*w)
		d.poly(ax, ay, tx, ty, cx, cy)
	}
	d.fill(solid(col.scale(0.85)))

	legs(false)
	d.fill(solid(col.scale(0.95)))
	// Hooves and paws.
	hoof := col.scale(0.35)
	if b.kind == "fox" {
		hoof = hex("#1e1410").mul(d.p.lt.ambient)
		for _, u := range []float32{L/2 - 0.08, -L/2 + 0.1} {
			d.limb(P, lw, [][3]float32{{u, legH * 0.35, 0.055}, {u + 0.03, 0, 0.06}})
		}
		d.fillNoInk(solid(hoof))
	}

	switch b.kind {
	case "horse":
		// Mane: a band along the crest with a ragged outer edge, and a
		// forelock.
		mane := col.scale(0.45)
		const n = 10
		crest := func(t, off float32) (float32, float32) {
			a, c := 1-t, t
			qu := a*a*(wu-0.04) + 2*a*c*((wu+pu)/2-ns*0.05) + c*c*pu
			qv := a*a*wv + 2*a*c*((wv+pv)/2+nc*0.05) + c*c*pv
			return P(qu-ns*off, qv+nc*off)
		}
		d.moveTo(crest(0, -0.02))
		for i := 0; i <= n; i++ {
			t := float32(i) / n
			d.lineTo(crest(t, 0.035+0.02*float32(i%2)+0.02*t*(1-t)))
		}
		for i := n; i >= 0; i-- {
			d.lineTo(crest(float32(i)/n, -0.02))
		}
		d.fill(solid(mane))
		fx, fy := P(pu+ac*0.02, pv+as*0.02)
		gx, gy := P(pu+ac*0.1-jnu*0.01, pv+as*0.1-jnv*0.01)
		hx, hy := P(pu+ac*0.08+jnu*0.04, pv+as*0.08+jnv*0.04)
		d.poly(fx, fy, gx, gy, hx, hy)
		d.fill(solid(mane))
	case "deer":
		if hasWord(d.p.words, "doe") || hasWord(d.p.words, "fawn") {
			break
		}
		// A stag's antlers: a beam sweeping up and back, then forward, with
		// a brow tine and two more; the far antler spreads the other way.
		ant := d.lit(hex("#c8b08a"), 0.1)
		for _, k := range []float32{0.06, 0} {
			bu, bv := pu+ac*0.02-jnu*0.02+k, pv+as*0.02-jnv*0.02+k*0.2
			pts := [][3]float32{{bu, bv, 0.04}, {bu - 0.1 + k*0.5, bv + 0.15, 0.034},
				{bu - 0.08 + k, bv + 0.31, 0.026}, {bu + 0.05 + k, bv + 0.42, 0.014}}
			d.limb(P, 1, pts)
			for i, q := range pts[:3] {
				l := []float32{0.08, 0.11, 0.1}[i]
				d.limb(P, 1, [][3]float32{{q[0], q[1], 0.024}, {q[0] + l, q[1] + l*0.8, 0.01}})
			}
		}
		d.fill(solid(ant))
	}
	d.beastFeatures(b, P, col, headGeom{pu, pv, ac, as, jnu, jnv, mu, mv, wu, wv, L, legH, top})
}

// limb adds a tapering stroke through points {u, v, width} given in the
// animal's local coordinates (see quadruped), joined smoothly at each point
// so knees and hocks bend without gaps. Widths are scaled by k.
func (d *painter) limb(P func(u, v float32) (float32, float32), k float32, pts [][3]float32) {
	n := len(pts)
	if n < 2 {
		return
	}
	var xs, ys, nx, ny [8]float32
	if n > len(xs) {
		n = len(xs)
	}
	for i := 0; i < n; i++ {
		xs[i], ys[i] = P(pts[i][0], pts[i][1])
	}
	// One pixel-space length of "one unit" of local size, from the first
	// two points' distance in both spaces.
	du, dv := pts[1][0]-pts[0][0], pts[1][1]-pts[0][1]
	lu := float32(math.Hypot(float64(du), float64(dv)))
	lp := float32(math.Hypot(float64(xs[1]-xs[0]), float64(ys[1]-ys[0])))
	scale := float32(0)
	if lu > 1e-6 {
		scale = lp / lu
	}
	for i := 0; i < n; i++ {
		a, b := max(i-1, 0), min(i+1, n-1)
		dx, dy := xs[b]-xs[a], ys[b]-ys[a]
		l := float32(math.Hypot(float64(dx), float64(dy)))
		if l < 1e-3 {
			l = 1
		}
		w := pts[i][2] * k * scale / 2
		nx[i], ny[i] = -dy/l*w, dx/l*w
	}
	d.moveTo(xs[0]+nx[0], ys[0]+ny[0])
	for i := 1; i < n; i++ {
		d.lineTo(xs[i]+nx[i], ys[i]+ny[i])
	}
	for i := n - 1; i >= 0; i-- {
		d.lineTo(xs[i]-nx[i], ys[i]-ny[i])
	}
}

// humped draws a camel standing on y at x, size s, facing dir.
func (d *painter) humped(b beast, x, y, s, dir float32) {
	d.painted("camel")
	col := d.lit(b.col, 0.1)
	if d.p.lt.night || d.p.time == "sunset" && d.p.el["dunes"] {
		col = col.scale(0.25) // a silhouette against the low sun
	}
	L := s * b.body
	legH := s * b.legs * 0.6
	by := y - legH
	bh := s * 0.32
	X := func(v float32) float32 { return x + dir*v }
	// Body.
	d.moveTo(X(-L/2), by)
	if b.hump {
		d.cubeTo(X(-L/2), by-bh*1.1, X(-L*0.2), by-bh*2.2, X(0), by-bh*1.1)
		d.cubeTo(X(L*0.1), by-bh*1.7, X(L*0.4), by-bh*1.4, X(L/2), by-bh*0.9)
	} else {
		d.cubeTo(X(-L/2), by-bh*1.2, X(L/2), by-bh*1.3, X(L/2), by-bh*0.6)
	}
	d.cubeTo(X(L/2), by+bh*0.1, X(-L/2), by+bh*0.1, X(-L/2), by)
	// Neck and head. The neck tapers along a curve: a camel's dips
	// forward from the chest before rising to the head.
	nx, ny := X(L*0.42), by-bh*0.7
	hx, hy := X(L*0.42+s*b.neck*0.45), by-bh*0.7-s*b.neck*0.8
	cx, cy := X(L*0.42+s*b.neck*0.35), ny-s*b.neck*0.35
	if b.hump {
		cx, cy = X(L*0.42+s*b.neck*0.75), ny+bh*0.2
	}
	const steps = 8
	for i := 0; i < steps; i++ {
		t0, t1 := float32(i)/steps, float32(i+1)/steps
		q := func(t float32) (float32, float32) {
			u := 1 - t
			return u*u*nx + 2*u*t*cx + t*t*hx, u*u*ny + 2*u*t*cy + t*t*hy
		}
		x0, y0 := q(t0)
		x1, y1 := q(t1)
		d.line(x0, y0, x1, y1, s*(0.17-0.08*t0))
	}
	d.ellipse(hx+dir*s*b.head*0.3, hy, s*b.head*0.6, s*b.head*0.32)
	if b.ears > 0 {
		d.poly(hx-dir*s*0.02, hy-s*0.05, hx+dir*s*0.02, hy-s*0.05-s*b.ears, hx+dir*s*0.08, hy-s*0.05)
	}
	// Legs: thick at the top, a knee, a slimmer shank down to the hoof.
	for _, lx := range []float32{-0.4, -0.3, 0.3, 0.4} {
		top, foot := X(L*lx), X(L*lx)+d.rnd(-0.04, 0.04)*s
		kx, ky := (top+foot)/2+dir*s*0.015, by+(y-by)*0.5
		d.line(top, by-bh*0.2, kx, ky, s*0.095)
		d.line(kx, ky, foot, y, s*0.06)
	}
	// Tail.
	d.line(X(-L/2), by-bh*0.5, X(-L/2-s*b.tail*0.5), by+bh*0.5, s*0.08*(1+b.tail))
	d.fill(solid(col))
}

// sleepingFox draws a fox curled up, its tail around its nose.
func (d *painter) sleepingFox(x, y, s float32) {
	d.painted("fox")
	col := d.lit(hex("#d8682a"), 0)
	d.ellipse(x, y-s*0.3, s*0.75, s*0.38)
	d.fill(vgrad(col.scale(1.15), col.scale(0.75), y-s*0.7, y))
	d.moveTo(x+s*0.7, y-s*0.2)
	d.cubeTo(x+s*0.9, y+s*0.15, x-s*0.5, y+s*0.2, x-s*0.8, y-s*0.05)
	d.cubeTo(x-s*0.5, y-s*0.05, x+s*0.4, y-s*0.05, x+s*0.7, y-s*0.2)
	d.fill(solid(col.scale(1.1)))
	d.ellipse(x-s*0.75, y-s*0.07, s*0.14, s*0.1)
	d.fillNoInk(solid(d.lit(rgb{0.96, 0.94, 0.9}, 0)))
	d.ellipse(x-s*0.35, y-s*0.35, s*0.28, s*0.2)
	d.fill(solid(col.scale(0.95)))
	d.poly(x-s*0.45, y-s*0.5, x-s*0.38, y-s*0.78, x-s*0.28, y-s*0.52)
	d.poly(x-s*0.25, y-s*0.5, x-s*0.12, y-s*0.74, x-s*0.1, y-s*0.45)
	d.fill(solid(col.scale(0.8)))
	d.line(x-s*0.5, y-s*0.36, x-s*0.42, y-s*0.34, s*0.025)
	d.fillNoInk(solid(hex("#2a1a10")))
}

// cat draws a sitting cat seen from behind-side, a classic silhouette.
func (d *painter) cat(x, y, s float32) {
	d.painted("cat")
	col := d.lit(hex("#3a3034"), 0)
	if d.p.el["cat"] && len(d.p.tint) > 0 {
		col = d.lit(d.p.tint[0].scale(0.6), 0)
	}
	if c, ok := factColour(d.p.subjectOf("cat")); ok {
		col = d.lit(c, 0)
	}
	if lying(d.p.subjectOf("cat")) {
		d.sleepingCat(x, y, s*0.9, col) // "a cat sleeping on a windowsill": curled up (creatures.go)
		return
	}
	d.moveTo(x-s*0.4, y)
	d.cubeTo(x-s*0.55, y-s*0.5, x-s*0.3, y-s*0.85, x, y-s*0.85)
	d.cubeTo(x+s*0.3, y-s*0.85, x+s*0.5, y-s*0.5, x+s*0.4, y)
	d.ellipse(x, y-s*1.0, s*0.24, s*0.21)
	d.poly(x-s*0.22, y-s*1.08, x-s*0.2, y-s*1.35, x-s*0.05, y-s*1.17)
	d.poly(x+s*0.22, y-s*1.08, x+s*0.2, y-s*1.35, x+s*0.05, y-s*1.17)
	d.moveTo(x+s*0.35, y-s*0.03)
	d.cubeTo(x+s*0.8, y, x+s*0.85, y-s*0.3, x+s*0.7, y-s*0.45)
	d.lineTo(x+s*0.65, y-s*0.4)
	d.cubeTo(x+s*0.75, y-s*0.25, x+s*0.65, y-s*0.08, x+s*0.3, y-s*0.1)
	d.fill(solid(col))
}

// dragon draws a winged dragon in flight.
func (d *painter) dragon(x, y, s float32) {
	d.painted("dragon")
	col := d.lit(hex("#3a2a30"), 0.3)
	if !d.p.lt.night {
		col = d.lit(hex("#5a2a24"), 0.2)
	}
	sub := d.p.subjectOf("dragon")
	if c, ok := factColour(sub); ok {
		col = d.lit(c, 0.15) // "a green dragon"
	}
	if sub != nil && (strings.Contains(strings.ToLower(sub.Object), "fire") || strings.Contains(strings.ToLower(sub.Object), "flame")) {
		// Breathing fire: a cone of flame from the jaws.
		fx, fy := x+s*1.35, y-s*0.1
		for k, c := range []string{"#ff5a1a", "#ffb02a", "#fff0a0"} {
			w := s * (0.35 - 0.1*float32(k))
			d.moveTo(fx, fy-s*0.02)
			d.quadTo(fx+s*0.6, fy-w*0.3, fx+s*(1.3-0.25*float32(k)), fy+s*0.35)
			d.quadTo(fx+s*0.5, fy+w, fx, fy+s*0.03)
			d.fillNoInk(paint{col: hex(c), alpha: 0.9})
		}
		d.glow(fx+s*0.6, fy+s*0.15, s*0.6, hex("#ff8a2a"), 0.4)
	}
	// Body and tail as a tapering curve.
	d.moveTo(x+s*0.9, y-s*0.15)
	d.cubeTo(x+s*0.3, y-s*0.25, x-s*0.6, y+s*0.2, x-s*1.6, y+s*0.05)
	d.lineTo(x-s*1.75, y+s*0.12)
	d.lineTo(x-s*1.6, y+s*0.12)
	d.cubeTo(x-s*0.6, y+s*0.35, x+s*0.3, y+s*0.05, x+s*0.9, y-s*0.02)
	// Head.
	d.poly(x+s*0.85, y-s*0.2, x+s*1.3, y-s*0.15, x+s*1.35, y-s*0.05, x+s*0.85, y)
	d.poly(x+s*0.95, y-s*0.18, x+s*0.85, y-s*0.38, x+s*1.02, y-s*0.2)
	// Wings: bat-like, raised.
	for _, k := range []float32{1, 0.7} {
		bx := x + s*0.1*k
		d.moveTo(bx, y-s*0.05)
		d.lineTo(bx+s*0.3*k, y-s*1.1*k)
		d.lineTo(bx-s*0.1, y-s*0.75*k)
		d.lineTo(bx-s*0.4, y-s*0.95*k)
		d.lineTo(bx-s*0.55, y-s*0.55*k)
		d.lineTo(bx-s*0.9, y-s*0.6*k)
		d.quadTo(bx-s*0.6, y-s*0.2, bx-s*0.5, y+s*0.05)
	}
	d.fill(solid(col))
}

// person draws a standing figure, optionally under an umbrella.
func (d *painter) person(x, y, s float32, col rgb, umbrella bool) {
	d.ellipse(x, y-s*0.88, s*0.09, s*0.1)
	d.moveTo(x-s*0.16, y-s*0.35)
	d.quadTo(x-s*0.18, y-s*0.76, x, y-s*0.76)
	d.quadTo(x+s*0.18, y-s*0.76, x+s*0.16, y-s*0.35)
	d.lineTo(x+s*0.1, y-s*0.35)
	d.lineTo(x+s*0.08, y)
	d.lineTo(x+s*0.02, y)
	d.lineTo(x, y-s*0.3)
	d.lineTo(x-s*0.02, y)
	d.lineTo(x-s*0.08, y)
	d.lineTo(x-s*0.1, y-s*0.35)
	d.fill(solid(col))
	if umbrella {
		d.moveTo(x-s*0.38, y-s*0.92)
		d.quadTo(x, y-s*1.35, x+s*0.38, y-s*0.92)
		d.lineTo(x-s*0.38, y-s*0.92)
		d.line(x, y-s*0.95, x, y-s*0.6, s*0.02)
		d.fill(solid(d.p.accent.mul(d.p.lt.ambient.mix(rgb{1, 1, 1}, 0.4))))
	}
}

// crowd sets people along a street, smaller with distance.
func (d *painter) crowd(top, bottom float32, count int, umbrellas bool) {
	for i := 0; i < count; i++ {
		t := float32(i) / float32(count)
		y := top + (bottom-top)*t
		s := (40 + 220*t*t) * d.u
		x := d.rnd(0.1, 0.9) * float32(d.w)
		col := hex("#14161c").mix(d.p.lt.mid, (1-t)*0.5)
		d.person(x, y, s, col, umbrellas && d.chance(0.6))
	}
}

// lanterns hangs strings of glowing paper lanterns across the picture.
func (d *painter) lanterns(top float32, strings int) {
	d.painted("lanterns")
	cols := []rgb{hex("#ff4a2a"), hex("#ff8a2a"), hex("#ffc03a")}
	for sIdx := 0; sIdx < strings; sIdx++ {
		y0 := top + float32(sIdx)*float32(d.h)*0.09
		sag := float32(d.h) * 0.06
		n := 9 + sIdx*2
		size := (9 + float32(sIdx)*6) * d.u
		d.moveTo(0, y0)
		d.quadTo(float32(d.w)/2, y0+sag*2, float32(d.w), y0)
		d.quadTo(float32(d.w)/2, y0+sag*2+1.5*d.u, 0, y0+1.5*d.u)
		d.fillNoInk(solid(hex("#20181a")))
		for i := 0; i < n; i++ {
			t := (float32(i) + 0.5) / float32(n)
			x := t * float32(d.w)
			y := y0 + sag*2*2*t*(1-t) + size
			c := cols[d.rng.IntN(len(cols))]
			if !d.st.hardEdge {
				d.glow(x, y, size*1.3, c, 0.45)
			}
			d.ellipse(x, y, size*0.75, size)
			d.fill(vgrad(c.mix(rgb{1, 1, 0.8}, 0.4), c, y-size, y+size))
		}
	}
}

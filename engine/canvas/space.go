package canvas

import (
	"math"
	"strings"
)

// space.go draws outer space: stars and nebulae, a planet in the colour its name has, the moon's surface and an astronaut.

// genericWorld are the nouns for a planet that name no particular one:
// those may be Earth-like, with seas and land.
var genericWorld = map[string]bool{
	"planet": true, "planets": true, "world": true, "earth": true, "globe": true, "exoplanet": true,
}

// space: black sky, a nebula, dense stars, a shaded planet with an
// atmosphere, and a ship or station.
func (d *painter) space() {
	d.painted("space")
	p := d.p
	W, H := float32(d.w), float32(d.h)
	d.rect(-2, -2, W+2, H+2)
	d.fillNoInk(vgrad(hex("#02030a"), hex("#070a1e"), 0, H))
	c1, c2 := hex("#6a2a9a"), hex("#2a6ab8")
	if len(p.tint) > 0 {
		c1 = p.tint[0]
	}
	if p.el["nebula"] || d.chance(0.7) {
		d.painted("nebula")
		seed := d.seed + 9000
		inv := 1 / (W * 0.25)
		d.rows(0, d.h, func(y0, y1 int) {
			for y := y0; y < y1; y++ {
				for x := 0; x < d.w; x++ {
					n := fbm(float32(x)*inv, float32(y)*inv, 5, seed)
					m := fbm(float32(x)*inv*1.7+9, float32(y)*inv*1.7, 3, seed+5)
					f := smoothstep(0.42, 0.8, n) * 0.55
					if f <= 0 {
						continue
					}
					col := c1.mix(c2, m)
					i := (y*d.w + x) * 3
					d.pix[i] += col.r * f
					d.pix[i+1] += col.g * f
					d.pix[i+2] += col.b * f
				}
			}
		})
	}
	d.p.horizon = H
	d.stars(H, 2.5)
	if hasWord(p.words, "on the moon") || hasWord(p.words, "lunar") || p.el["moon"] && p.el["person"] {
		d.lunarSurface()
		return
	}
	// The seed's camera: a planet near and huge as an arc, or further off
	// and whole, to one side or the other.
	lk := p.look
	pr := W * d.rnd(0.28, 0.42) * between(0.75, 1.45, (lk.zoom-0.8)/0.75)
	px, py := W*between(0.25, 0.75, lk.sunX), H*between(0.6, 0.95, lk.horizon)
	py = max(py, H*0.32+pr) // never a planet filling the whole frame
	if p.el["planet"] || !p.el["nebula"] {
		ring := d.ringed() // planets.go
		if ring {
			pr *= 0.7 // the rings need room
			d.rings(px, py, pr, false)
		}
		d.planet(px, py, pr)
		if ring {
			d.rings(px, py, pr, true)
		}
	}
	if p.el["spaceship"] || p.el["moon"] {
		if p.el["spaceship"] {
			// The ship keeps to the other side of the sky from the planet.
			x := d.rnd(0.22, 0.45)
			if px < W*0.5 {
				x = 1 - x
			}
			d.spaceCraft(W*x, H*d.rnd(0.2, 0.32), d.zoomed("spaceship", 90*d.u)) // a satellite, a rocket (planet_looks.go)
		} else if m := p.subjectOf("moon"); m != nil && (m.Count > 1 || m.Plural) {
			d.moonlets(countOf(m, 3), px) // "two moons": two (planets.go)
		} else {
			d.painted("moon")
			d.planet(W*d.rnd(0.1, 0.9), H*0.2, 25*d.u)
		}
	}
	d.figureInSpace() // a person floating, or sitting on something (relations.go)
}

// lunarSurface is standing on the moon: grey cratered ground, the Earth
// hanging in the black sky, and an astronaut when there is one.
func (d *painter) lunarSurface() {
	d.painted("moon")
	p := d.p
	W, H := float32(d.w), float32(d.h)
	d.planet(W*d.rnd(0.6, 0.8), H*d.rnd(0.15, 0.25), W*0.09)
	top := H * d.rnd(0.58, 0.66)
	n := d.samples()
	ys := make([]float32, n)
	for i := range ys {
		ys[i] = top + (fbm1(float32(i)/float32(n)*4, 3, d.seed+9500)-0.5)*60*d.u
	}
	d.ridgePath(ys, H+2)
	ground := hex("#8a8a8e")
	pt := vgrad(ground.scale(0.8), ground.scale(1.1), top, H)
	pt.tex, pt.texAmt, pt.texScale = texNoise, 0.3, 14*d.u
	d.fill(pt)
	for i := 0; i < 14; i++ {
		t := d.rnd(0, 1)
		y := top + (H-top)*t
		r := (10 + 70*t) * d.u
		x := d.rnd(0, W)
		d.ellipse(x, y, r, r*0.35)
		d.fillNoInk(paint{col: ground.scale(0.55), alpha: 0.6})
		d.ellipse(x, y+r*0.06, r*0.85, r*0.26)
		d.fillNoInk(paint{col: ground.scale(0.95), alpha: 0.5})
	}
	if p.el["person"] || p.el["people"] || hasWord(p.words, "astronaut") {
		d.paintedFigures()
		d.astronaut(d.xFor("person", 0.35, 0.65), top+(H-top)*0.55, 300*d.u)
	}
}

// astronaut is a figure in a white suit and a helmet with a gold visor,
// feet at y, s tall.
func (d *painter) astronaut(x, y, s float32) {
	d.painted("astronaut")
	suit := hex("#e8e8e4")
	shade := suit.scale(0.7)
	// Legs, body, arms.
	d.rect(x-s*0.13, y-s*0.4, x-s*0.02, y)
	d.rect(x+s*0.02, y-s*0.4, x+s*0.13, y)
	d.fill(vgrad(suit, shade, y-s*0.4, y))
	d.moveTo(x-s*0.17, y-s*0.38)
	d.lineTo(x-s*0.19, y-s*0.75)
	d.quadTo(x, y-s*0.82, x+s*0.19, y-s*0.75)
	d.lineTo(x+s*0.17, y-s*0.38)
	d.fill(vgrad(suit, shade, y-s*0.8, y-s*0.38))
	d.line(x-s*0.19, y-s*0.72, x-s*0.27, y-s*0.45, s*0.07)
	d.line(x+s*0.19, y-s*0.72, x+s*0.27, y-s*0.45, s*0.07)
	d.fill(solid(suit.scale(0.85)))
	// Backpack edge, helmet and visor.
	d.rect(x+s*0.15, y-s*0.78, x+s*0.22, y-s*0.45)
	d.fill(solid(shade))
	d.ellipse(x, y-s*0.9, s*0.13, s*0.13)
	d.fill(solid(suit))
	d.ellipse(x+s*0.01, y-s*0.89, s*0.09, s*0.075)
	d.fill(vgrad(hex("#f0c050"), hex("#8a5a1a"), y-s*0.97, y-s*0.82))
	d.disc(x-s*0.03, y-s*0.92, s*0.02, rgb{1, 1, 1}, 0.8, false)
}

// planet draws a lit sphere with cloud bands and an atmosphere rim.
func (d *painter) planet(cx, cy, r float32) {
	d.painted("planet")
	base := hex("#2a6ad8")
	land := hex("#3a8a4a")
	sub := d.p.subjectOf("planet")
	look, looked := lookOf(sub, d.p.words) // "a desert planet", Jupiter (planet_looks.go)
	if c, ok := factColour(sub); ok && looked {
		look.base, look.land = c, c.scale(0.65) // "a blue gas giant": its bands in blue
	}
	if looked {
		base, land = look.base, look.land
	} else if c, ok := colourOf(sub); ok {
		// Mars is red and dusty: its own colour, darker patches, no seas.
		base, land = c, c.scale(0.6)
	} else if sub != nil && !genericWorld[strings.ToLower(sub.Noun)] {
		// Another world by name (Venus, Jupiter) has no blue seas and
		// green land: pale cloud or rock, in bands.
		base, land = hex("#d8c8a0"), hex("#b89a6a")
	} else if len(d.p.tint) > 0 {
		base = d.p.tint[0]
	}
	lx, ly := float32(-0.6), float32(-0.55) // light from the upper left
	seed := d.seed + 9100
	atm := base.mix(rgb{0.7, 0.9, 1}, 0.5)
	x0, x1 := max(int(cx-r*1.2), 0), min(int(cx+r*1.2)+1, d.w)
	y0, y1 := max(int(cy-r*1.2), 0), min(int(cy+r*1.2)+1, d.h)
	d.rows(y0, y1, func(a, b int) {
		for y := a; y < b; y++ {
			for x := x0; x < x1; x++ {
				dx, dy := (float32(x)+0.5-cx)/r, (float32(y)+0.5-cy)/r
				dd := dx*dx + dy*dy
				i := (y*d.w + x) * 3
				if dd > 1 {
					// Atmosphere glow outside the limb.
					dist := float32(math.Sqrt(float64(dd))) - 1
					g := clamp01(1-dist*8) * 0.5 * clamp01(0.3-(dx*lx+dy*ly)*0.7)
					if g > 0 {
						d.pix[i] += atm.r * g
						d.pix[i+1] += atm.g * g
						d.pix[i+2] += atm.b * g
					}
					continue
				}
				dz := float32(math.Sqrt(float64(1 - dd)))
				shade := clamp01(-(dx*lx + dy*ly) + dz*0.6)
				var glow float32
				col := base
				if looked {
					col, glow = look.surfaceAt(dx, dy, dz, seed)
				} else {
					n := fbm(dx*3/(dz+0.3), dy*3+1, 4, seed)
					if n > 0.55 {
						col = land.mix(base, 0.2)
					}
					band := fbm(dx*0.5, dy*8, 3, seed+3)
					col = col.mix(rgb{1, 1, 1}, smoothstep(0.55, 0.75, band)*0.7)
				}
				if d.st.bands > 0 {
					shade = float32(math.Floor(float64(shade*4))) / 3
				}
				col = col.scale(0.06+shade*1.0).mix(atm, (1-dz)*0.5*shade)
				if glow > 0 {
					col = col.mix(look.land, glow) // lava glows in the dark too
				}
				a := clamp01((1 - float32(math.Sqrt(float64(dd)))) * r)
				d.blendPx(i, col, a)
			}
		}
	})
}

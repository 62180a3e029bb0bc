package canvas

import "math"

// abstract paints an abstract work: shapes and fields of colour from the
// palette, laid out as the composition words say (fields of colour, a
// rhythm of repeated shapes, a diagonal, an all-over pattern or a spiral),
// with no sky and no horizon.
func (d *painter) abstract() {
	W, H := float32(d.w), float32(d.h)
	d.paintedShapes()
	cols := d.abstractColours()
	bg := cols[len(cols)-1]
	d.rect(-2, -2, W+2, H+2)
	pt := vgrad(bg.scale(1.05), bg.scale(0.85), 0, H)
	pt.tex, pt.texAmt, pt.texScale = texNoise, 0.12, 40*d.u
	d.fillNoInk(pt)
	cols = cols[:len(cols)-1]
	col := func(i int) rgb { return cols[((i%len(cols))+len(cols))%len(cols)] }
	shape := func(x, y, r float32, kind int, turn float64, c rgb) {
		switch kind % 3 {
		case 0:
			d.ellipse(x, y, r, r)
		case 1:
			a := turn
			d.poly(x+r*float32(math.Cos(a)), y+r*float32(math.Sin(a)),
				x+r*float32(math.Cos(a+2.094)), y+r*float32(math.Sin(a+2.094)),
				x+r*float32(math.Cos(a+4.189)), y+r*float32(math.Sin(a+4.189)))
		default:
			ca, sa := float32(math.Cos(turn))*r, float32(math.Sin(turn))*r
			d.poly(x-ca+sa, y-sa-ca, x+ca+sa, y+sa-ca, x+ca-sa, y+sa+ca, x-ca-sa, y-sa+ca)
		}
		pt := solid(c)
		pt.tex, pt.texAmt, pt.texScale = texNoise, 0.1, 20*d.u
		d.fill(pt)
	}
	switch d.abstractLayout() {
	case "fields":
		// Two or three soft-edged fields of colour, stacked, then a busy
		// cluster of small shapes in one corner.
		n := 2 + d.rng.IntN(2)
		m := W * 0.07
		for i := 0; i < n; i++ {
			y0 := m + (H-2*m)*float32(i)/float32(n)
			y1 := m + (H-2*m)*float32(i+1)/float32(n) - m*0.5
			d.rect(m, y0, W-m, y1)
			c := col(i)
			d.fillNoInk(paint{col: c, alpha: 0.9, tex: texNoise, texAmt: 0.15, texScale: 60 * d.u})
		}
		cx, cy := W*d.rnd(0.6, 0.8), H*d.rnd(0.6, 0.8)
		for i := 0; i < 30; i++ {
			r := d.rnd(8, 30) * d.u
			shape(cx+float32(d.rng.NormFloat64())*W*0.08, cy+float32(d.rng.NormFloat64())*H*0.08, r, i, float64(d.rnd(0, 6.3)), col(i+1))
		}
	case "rhythm":
		// A grid of shapes that turn a little from one to the next.
		n := 5 + d.rng.IntN(3)
		step := W / float32(n)
		k := d.rng.IntN(3)
		for j := 0; float32(j)*step < H+step; j++ {
			for i := 0; i <= n; i++ {
				x, y := (float32(i)+0.5)*step, (float32(j)+0.5)*step
				shape(x, y, step*0.38, k+(i+j)%2, float64(i+j)*0.35, col(i+2*j))
			}
		}
	case "diagonal":
		// A broad band from corner to corner, shapes crowding its middle.
		w := H * d.rnd(0.18, 0.3)
		d.poly(-W*0.1, H*1.1-w, -W*0.1, H*1.1+w*0.2, W*1.1, -H*0.1+w*0.2, W*1.1, -H*0.1-w)
		d.fill(solid(col(0)))
		for i := 0; i < 60; i++ {
			t := d.rnd(0, 1)
			x := W * t
			y := H * (1 - t)
			spread := float32(0.35 - 0.25*math.Abs(float64(t-0.5))*2)
			x += float32(d.rng.NormFloat64()) * W * spread * 0.4
			y += float32(d.rng.NormFloat64()) * H * spread * 0.4
			r := d.rnd(10, 45) * d.u * (1.3 - spread)
			shape(x, y, r, i, float64(d.rnd(0, 6.3)), col(i+1))
		}
	case "spiral":
		cx, cy := W*0.5, H*0.5
		for i := 0; i < 90; i++ {
			t := float64(i) / 90
			a := t * 5 * math.Pi
			rr := float32(t) * float32(math.Hypot(float64(W), float64(H))) * 0.45
			x, y := cx+rr*float32(math.Cos(a)), cy+rr*float32(math.Sin(a))
			shape(x, y, (6+60*float32(t))*d.u, 0, 0, col(i/6))
		}
	default: // "tile": overlapping circles edge to edge, spilling past the borders
		r := W * d.rnd(0.12, 0.18)
		for j := -1; float32(j)*r < H+r; j++ {
			for i := -1; float32(i)*r < W+r; i++ {
				x, y := float32(i)*r*1.5, float32(j)*r*1.3
				if j%2 != 0 {
					x += r * 0.75
				}
				for k := 3; k >= 1; k-- {
					d.ellipse(x, y, r*float32(k)/3, r*float32(k)/3)
					d.fill(solid(col(i + j + k)))
				}
			}
		}
	}
}

// abstractLayout is the arrangement the composition words name, or one
// the seed picks.
func (d *painter) abstractLayout() string {
	switch d.p.layout {
	case "calm fields of color":
		return "fields"
	case "rhythm", "diagonal", "spiral":
		return d.p.layout
	case "edge to edge":
		return "tile"
	}
	w := d.p.words
	switch {
	case hasWord(w, "fields of color") || hasWord(w, "color fields") || hasWord(w, "color field"):
		return "fields"
	case hasWord(w, "rhythm") || hasWord(w, "grid") || hasWord(w, "repeat"):
		return "rhythm"
	case hasWord(w, "diagonal"):
		return "diagonal"
	case hasWord(w, "spiral") || hasWord(w, "swirl") || hasWord(w, "vortex"):
		return "spiral"
	case hasWord(w, "edge to edge") || hasWord(w, "pattern") || hasWord(w, "circle") || hasWord(w, "mandala"):
		return "tile"
	}
	return []string{"fields", "rhythm", "diagonal", "spiral", "tile"}[d.rng.IntN(5)]
}

// abstractColours returns the picture's colours, the person's first; the
// last is the ground the shapes sit on.
func (d *painter) abstractColours() []rgb {
	cols := append([]rgb(nil), d.p.tint...)
	defaults := []rgb{hex("#2a52be"), hex("#e34234"), hex("#f2b632"), hex("#1f8f8f"), hex("#f2e8d0")}
	if d.p.mood == "serene" || d.p.mood == "dreamy" {
		defaults = []rgb{hex("#7fa8c9"), hex("#e8b4a0"), hex("#c8d8c0"), hex("#a890c0"), hex("#f4efe6")}
	}
	for _, c := range defaults {
		if len(cols) >= 4 {
			break
		}
		cols = append(cols, c)
	}
	// The ground: a deep version of the first colour, or cream for light
	// moods, so the shapes stand out.
	ground := cols[0].scale(0.25)
	if d.p.mood == "serene" || d.p.mood == "dreamy" || d.p.mood == "joyful" {
		ground = hex("#f4efe6")
	}
	return append(cols, ground)
}

package canvas

import (
	"math"
	"slices"
)

// The painted media: watercolor and oil. Each redoes the picture in its
// medium after it is drawn, so any Scene, and any picture restyled, reads
// as the medium at a glance: for watercolor, flat transparent washes that
// bleed into each other, pigment pooled at their edges, white paper
// showing in the light passages and round an unpainted border; for oil,
// loaded brush strokes that follow the forms, their ridges catching the
// light, and deep rich darks.

// watercolor repaints the picture as washes on cold-pressed paper.
func (d *painter) watercolor() {
	w, h := d.w, d.h
	u := max(d.u, 0.2)
	m := d.st.medium
	// Washes: the picture simplified into flat patches, as a brush lays them.
	d.kuwahara(max(int(7*u*m+0.5), 2))
	src := slices.Clone(d.pix)
	seed := d.seed + 4000
	// Bleeding: each pixel takes its colour from a point nearby along
	// smooth noise, so edges run and feather into wet neighbours.
	amp := 10 * u * m
	bx, by := noiseField(w, h, 70*u, 2, seed), noiseField(w, h, 70*u, 2, seed+7)
	d.rows(0, h, func(y0, y1 int) {
		for y := y0; y < y1; y++ {
			for x := 0; x < w; x++ {
				i := y*w + x
				c := sampleRGB(src, w, h, float32(x)+(bx[i]-0.5)*2*amp, float32(y)+(by[i]-0.5)*2*amp)
				d.pix[i*3], d.pix[i*3+1], d.pix[i*3+2] = c.r, c.g, c.b
			}
		}
	})
	soft := blurPlane(d.pix, w, h, 3, max(int(1.5*u+0.5), 1))
	// Edges of the washes, where pigment pools as it dries: the colour
	// steps of a slightly blurred copy.
	rim := blurPlane(soft, w, h, 3, max(int(2.5*u+0.5), 1))
	paper := hex("#fbf8f0")
	turbF := noiseField(w, h, 160*u, 3, seed+11)
	bareF := noiseField(w, h, 50*u, 2, seed+17)
	edgeF := noiseField(w, h, 40*u, 2, seed+19)
	// An unpainted border, unless a restyle keeps the picture's layout.
	margin := 0.026 * float32(min(w, h)) * smoothstep(0.7, 0.8, m)
	d.rows(0, h, func(y0, y1 int) {
		for y := y0; y < y1; y++ {
			for x := 0; x < w; x++ {
				i := (y*w + x) * 3
				c := rgb{soft[i], soft[i+1], soft[i+2]}
				var g float32
				if x > 0 && x < w-1 && y > 0 && y < h-1 {
					for k := 0; k < 3; k++ {
						g += abs32(rim[i+3+k]-rim[i-3+k]) + abs32(rim[i+w*3+k]-rim[i-w*3+k])
					}
				}
				fx, fy := float32(x), float32(y)
				// Pigment density: pooled at the edges, uneven where the
				// paper was wetter (turbulence), granular in its tooth.
				turb := turbF[y*w+x] - 0.5
				gran := fineNoise(x, y, 2.2*u, 0.3) - 0.5
				dens := 1 + (clamp01(g*3)*0.9+turb*0.55)*m + gran*0.35
				c = rgb{pigment(c.r, dens), pigment(c.g, dens), pigment(c.b, dens)}
				// Transparent paint: the paper's white under every wash.
				c = rgb{1 - (1-c.r)*0.86, 1 - (1-c.g)*0.86, 1 - (1-c.b)*0.86}
				l := c.lum()
				// The lightest passages are left as paper, with a hard edge.
				bare := smoothstep(0.02, 0.05, l-(0.8+0.12*(bareF[y*w+x]-0.5)))
				// An unpainted border, ragged as a wash stops.
				edgeD := min(min(fx, fy), min(float32(w-1)-fx, float32(h-1)-fy))
				mg := margin * (0.55 + edgeF[y*w+x])
				if margin > 0 {
					bare = max(bare, smoothstep(mg*0.9, mg*0.7, edgeD))
					// The wash's own dark line where it stopped at the border.
					c = c.scale(1 - 0.18*smoothstep(mg*1.25, mg*0.95, edgeD)*(1-bare))
				}
				c = c.mix(rgb{1, 1, 1}, bare)
				// Cold-pressed paper: its tooth lit from the top left.
				t0 := fineNoise(x, y, 3*u, 0.6)
				t1 := fineNoise(x+int(2*u+1), y+int(2*u+1), 3*u, 0.6)
				c = c.mul(paper).scale(1 + (t0-t1)*0.09)
				d.pix[i], d.pix[i+1], d.pix[i+2] = c.r, c.g, c.b
			}
		}
	})
}

// pigment darkens (dens > 1) or thins (dens < 1) a channel as denser or
// thinner pigment would: white paper stays white, mid-tones move most.
func pigment(c, dens float32) float32 {
	c = clamp01(c)
	return c - (c-c*c)*(dens-1)
}

// oil repaints the picture in loaded brush strokes: each carries the
// colour under it, runs along the forms (across the gradient) or, where
// the picture is flat, along a slowly turning flow; its bristles streak
// it, and its ridges of paint are lit from the top left. The darks are
// deepened and the colour enriched, as oil's are.
func (d *painter) oil() {
	w, h := d.w, d.h
	u := max(d.u, 0.2)
	d.kuwahara(max(int(5*u+0.5), 2))
	src := slices.Clone(d.pix)
	flow := blurPlane(lumOf(src), w, h, 1, max(int(6*u+0.5), 1))
	height := make([]float32, w*h)
	seed := d.seed + 5000
	lw := max(12*u, 2.5)
	avgLen := 40 * u
	n := int(3 * float32(w*h) / (avgLen * lw))
	gs := max(int(3*u+0.5), 1)
	for s := 0; s < n; s++ {
		x, y := d.rng.IntN(w), d.rng.IntN(h)
		col := rgb{src[(y*w+x)*3], src[(y*w+x)*3+1], src[(y*w+x)*3+2]}
		k := d.rnd(0.94, 1.06)
		col = rgb{col.r * k * d.rnd(0.97, 1.03), col.g * k * d.rnd(0.97, 1.03), col.b * k * d.rnd(0.97, 1.03)}
		x0, x1 := max(x-gs, 0), min(x+gs, w-1)
		y0, y1 := max(y-gs, 0), min(y+gs, h-1)
		gx := flow[y*w+x1] - flow[y*w+x0]
		gy := flow[y1*w+x] - flow[y0*w+x]
		g2 := gx*gx + gy*gy
		var a float64
		if g2 > 0.0003 {
			a = math.Atan2(float64(gy), float64(gx)) + math.Pi/2 // along the edge
		} else {
			// A slowly turning flow, mostly across the picture.
			a = float64((fbm(float32(x)/(260*u), float32(y)/(260*u), 2, seed) - 0.5) * 1.4)
		}
		// Smaller strokes where there is detail, as a painter changes brush.
		sz := 1 - 0.55*smoothstep(0.0005, 0.01, g2)
		half := d.rnd(0.6, 1.4) * avgLen / 2 * sz
		wid := lw * d.rnd(0.8, 1.2) / 2 * sz
		d.stroke(float32(x), float32(y), float32(math.Cos(a)), float32(math.Sin(a)), half, wid, col, height, d.rnd(0, 6.3))
	}
	// The relief of the paint, lit from the top left, and oil's colour:
	// richer, with deep darks.
	kh := lw * 0.55
	umber := hex("#2a1a12")
	d.rows(0, h, func(y0, y1 int) {
		for y := y0; y < y1; y++ {
			for x := 0; x < w; x++ {
				i := y*w + x
				hx := height[y*w+min(x+1, w-1)] - height[y*w+max(x-1, 0)]
				hy := height[min(y+1, h-1)*w+x] - height[max(y-1, 0)*w+x]
				lit := -(hx*0.7 + hy*0.7) * kh / lw * 2.2
				c := rgb{d.pix[i*3], d.pix[i*3+1], d.pix[i*3+2]}
				l := c.lum()
				c = rgb{l + (c.r-l)*1.25, l + (c.g-l)*1.25, l + (c.b-l)*1.25}
				// Deep darks: a curve that sinks the shadows, warm-brown in them.
				q := float32(math.Sqrt(math.Sqrt(float64(clamp01(l)))))
				f := q * float32(math.Sqrt(float64(q))) // l^0.375: l^1.375 over l
				c = c.scale(f).mix(umber.scale(l), clamp01(0.35-l)*0.5)
				c = c.scale(1 + clamp(lit, -0.22, 0.22))
				if lit > 0.1 {
					c = c.add(rgb{1, 0.97, 0.9}.scale((lit - 0.1) * 0.35))
				}
				// The canvas weave where the paint is thin.
				weave := (float32((x/2+y/2)%2)*0.03 - 0.015) * (1 - clamp01(height[i]))
				c = c.scale(1 + weave)
				d.pix[i*3], d.pix[i*3+1], d.pix[i*3+2] = c.r, c.g, c.b
			}
		}
	})
}

func clamp(v, a, b float32) float32 { return min(max(v, a), b) }

// stroke lays one brush stroke centred at (x, y) along (dx, dy) (a unit
// vector), half long and wid half wide, in col: bristles streak it along
// its length, it thins to a dry brush at its end, and it leaves a ridge
// of paint in height.
func (d *painter) stroke(x, y, dx, dy, half, wid float32, col rgb, height []float32, phase float32) {
	w, h := d.w, d.h
	ext := half + wid
	bx0, bx1 := max(int(x-ext), 0), min(int(x+ext)+1, w-1)
	by0, by1 := max(int(y-ext), 0), min(int(y+ext)+1, h-1)
	bristle := 7 / wid
	for py := by0; py <= by1; py++ {
		ry := float32(py) - y
		for px := bx0; px <= bx1; px++ {
			rx := float32(px) - x
			along := rx*dx + ry*dy
			across := -rx*dy + ry*dx
			// A round-ended stroke, a little narrower at its tail.
			t := (along + half) / (2 * half)
			ww := wid * (1 - 0.25*t*t)
			da := max(abs32(along)-half, 0)
			dd := (da*da + across*across) / (ww * ww)
			if dd >= 1 {
				continue
			}
			b := bristleAt(across*bristle + phase)
			// Dry brush: towards the end the paint runs out between bristles.
			if t > 0.7 && b < (t-0.7)*2.2 {
				continue
			}
			a := smoothstep(1, 0.75, dd)
			i := py*w + px
			c := col.scale(0.95 + 0.1*b)
			d.blendPx(i*3, c, a)
			// The paint's relief: bristle grooves and a ridge along each side.
			ridge := smoothstep(0.45, 0.85, dd) * (1 - smoothstep(0.85, 1, dd))
			hv := 0.4 + 0.25*b + 0.5*ridge
			height[i] += (hv - height[i]) * a
		}
	}
}

// bristleAt is a smooth periodic ridge in [0, 1] (period 2π), a cheap
// stand-in for 0.5+0.5·sin for the grooves bristles leave.
func bristleAt(v float32) float32 {
	t := v * (1 / (2 * math.Pi))
	t -= float32(math.Floor(float64(t)))
	tri := abs32(2*t - 1)
	return tri * tri * (3 - 2*tri)
}

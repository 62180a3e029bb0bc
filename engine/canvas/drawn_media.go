package canvas

import (
	"math"
	"slices"
)

// The drawn and rendered media: ink, charcoal, anime (cel), low poly and
// 3D render. Like the painted media they redo the finished picture, so
// each reads as itself on any Scene: ink as black lines and a few grey
// washes on white paper; charcoal as smudged, grainy darks caught on the
// paper's tooth; anime as clean flat colour in two or three cel tones
// with dark outlines and a smooth sky; low poly as flat-shaded triangles;
// a 3D render as smooth, clean materials with soft contact shadows, bloom
// and a shallow focus.

// inkWash redraws the picture as brush-and-ink: lines where the picture's
// tones change (a difference of blurs, dark on the darker side), flat
// grey washes in three tones with ragged bled edges, on warm white paper.
func (d *painter) inkWash() {
	w, h := d.w, d.h
	u := max(d.u, 0.2)
	l := stretch(d.lumBuf(), 0.04, 0.97)
	// Where colours meet at the same brightness (a grey heron against a
	// pale sky) there is a line too: the colour's own edges.
	col := blurPlane(d.pix, w, h, 3, max(int(3.5*u+0.5), 1))
	r := max(int(1.8*u+0.5), 1)
	g1 := blurPlane(l, w, h, 1, r)
	g2 := blurPlane(l, w, h, 1, r*3)
	wash := blurPlane(l, w, h, 1, max(int(8*u+0.5), 2))
	// The washes by share of the picture, whatever its light: the lighter
	// half is bare paper, then a pale and a mid grey, the darkest tenth
	// solid ink.
	tPaper, tPale, tMid := quantile(wash, 0.5), quantile(wash, 0.27), quantile(wash, 0.1)
	paper := hex("#f6f1e6")
	inkC := hex("#141318")
	seed := d.seed + 8000
	pressF := noiseField(w, h, 30*u, 2, seed)
	raggedF := noiseField(w, h, 50*u, 2, seed+3)
	d.rows(0, h, func(y0, y1 int) {
		for y := y0; y < y1; y++ {
			for x := 0; x < w; x++ {
				i := y*w + x
				fx, fy := float32(x), float32(y)
				// A line on the dark side of every change of tone; its
				// weight varies along it, as a brush's does.
				dog := g2[i] - g1[i]
				press := 0.6 + 0.8*pressF[i]
				line := smoothstep(0.03, 0.07, dog*press)
				if x > 0 && x < w-1 && y > 0 && y < h-1 {
					var g float32
					for k := 0; k < 3; k++ {
						g += abs32(col[(i+1)*3+k]-col[(i-1)*3+k]) + abs32(col[(i+w)*3+k]-col[(i-w)*3+k])
					}
					// The same edge is steeper in a smaller picture: per unit.
					line = max(line, smoothstep(0.2, 0.4, g*press*max(u, 0.25)*2))
				}
				line *= 0.4 + 0.6*d.st.medium
				// Washes: paper, a pale and a mid grey, and solid ink,
				// their borders ragged where the water carried the ink.
				v := wash[i] + (raggedF[i]-0.5)*0.05
				var tone float32
				switch {
				case v > tPaper:
					tone = 0
				case v > tPale:
					tone = 0.13
				case v > tMid:
					tone = 0.38
				default:
					tone = 0.9
				}
				// A restyle at a low strength keeps more of the picture's tones.
				tone = lerp(clamp01(0.95-v*1.6), tone, d.st.medium)
				// Ink settles unevenly in a pale wash; solid ink is solid.
				if tone < 0.5 {
					tone *= 0.8 + 0.4*fineNoise(x, y, 8*u, 0.2)
				}
				k := clamp01(max(tone, line))
				c := paper.mix(inkC, k)
				// Paper fibres.
				fib := tile(fx/(40*u), fy/(1.5*u)+0.4) - 0.5
				c = c.scale(1 + fib*0.04)
				d.pix[i*3], d.pix[i*3+1], d.pix[i*3+2] = c.r, c.g, c.b
			}
		}
	})
}

// quantile returns the value below which the share q of l lies (l in 0..1).
func quantile(l []float32, q float32) float32 {
	var hist [256]int
	for _, v := range l {
		hist[int(clamp01(v)*255)]++
	}
	n, want := 0, int(q*float32(len(l)))
	for i, c := range hist {
		if n += c; n > want {
			return float32(i) / 255
		}
	}
	return 1
}

// stretch maps l so that its lo and hi quantiles become 0 and 1 (clamped):
// a drawing in tones uses its whole range whether the scene is at noon or
// at night.
func stretch(l []float32, lo, hi float32) []float32 {
	var hist [256]int
	for _, v := range l {
		hist[int(clamp01(v)*255)]++
	}
	q := func(f float32) float32 {
		n, want := 0, int(f*float32(len(l)))
		for i, c := range hist {
			if n += c; n > want {
				return float32(i) / 255
			}
		}
		return 1
	}
	a, b := q(lo), q(hi)
	if b-a < 0.05 {
		b = a + 0.05
	}
	for i, v := range l {
		l[i] = clamp01((v - a) / (b - a))
	}
	return l
}

// charcoal redraws the picture in charcoal: broad smudged tones, darker
// and harder than pencil, the stick catching only the paper's raised
// tooth in the half-tones, diagonal strokes, and heavy dark edges.
func (d *painter) charcoal() {
	w, h := d.w, d.h
	u := max(d.u, 0.2)
	l := d.lumBuf()
	lift := (0.58 - meanLum(l)) * 0.6
	for i := range l {
		l[i] = clamp01(l[i] + lift)
	}
	smudge := blurPlane(l, w, h, 1, max(int(3*u+0.5), 1))
	g2 := blurPlane(l, w, h, 1, max(int(4*u+0.5), 2))
	paper := hex("#efebe2")
	black := hex("#1b1a1a")
	so := float32(d.seed&255) / 13 // the paper moves with the seed
	ca, sa := float32(math.Cos(-1.0)), float32(math.Sin(-1.0))
	d.rows(0, h, func(y0, y1 int) {
		for y := y0; y < y1; y++ {
			for x := 0; x < w; x++ {
				i := y*w + x
				fx, fy := float32(x), float32(y)
				dark := 1 - smudge[i]
				dark = smoothstep(0.1, 0.85, dark)
				// The paper's tooth: charcoal catches its peaks first.
				tooth := fineNoise(x, y, 1.8*u, so)*0.6 + fineNoise(x, y, 5*u, so+0.5)*0.4
				// Strokes on the diagonal.
				along, across := fx*ca+fy*sa, -fx*sa+fy*ca
				streak := tile(along/(60*u)+so, across/(2.5*u))
				cover := clamp01((dark*1.3 - (1-tooth)*0.7 + (streak-0.5)*0.35) * 1.6)
				edge := smoothstep(0.015, 0.05, g2[i]-l[i])
				k := clamp01(max(cover, edge*0.9))
				c := paper.mix(black, k*0.95)
				d.pix[i*3], d.pix[i*3+1], d.pix[i*3+2] = c.r, c.g, c.b
			}
		}
	})
}

// cel repaints the picture as anime: the picture simplified, its local
// shading cut into two or three flat cel tones while broad gradients (a
// sky) stay smooth, colour made clean and bright, and thin dark outlines
// where colours meet.
func (d *painter) cel() {
	w, h := d.w, d.h
	u := max(d.u, 0.2)
	d.kuwahara(max(int(3*u+0.5), 1))
	src := slices.Clone(d.pix)
	l := lumOf(src)
	broad := blurPlane(l, w, h, 1, max(int(14*u+0.5), 2))
	soft := blurPlane(src, w, h, 3, max(int(1.5*u+0.5), 1))
	d.rows(0, h, func(y0, y1 int) {
		for y := y0; y < y1; y++ {
			for x := 0; x < w; x++ {
				i := y*w + x
				c := rgb{src[i*3], src[i*3+1], src[i*3+2]}
				li := max(l[i], 0.002)
				ratio := li / max(broad[i], 0.002)
				// Take away the picture's own shading, put back cel tones.
				var tone float32 = 1
				switch {
				case ratio < 0.8:
					tone = 0.68
				case ratio > 1.18:
					tone = 1.12
				}
				m := d.st.medium
				c = c.scale(lerp(1, broad[i]/li, m) * lerp(1, tone, m))
				cl := c.lum()
				c = rgb{cl + (c.r-cl)*1.4, cl + (c.g-cl)*1.4, cl + (c.b-cl)*1.4}
				c = rgb{1 - (1-c.r)*0.92, 1 - (1-c.g)*0.92, 1 - (1-c.b)*0.92}
				// Outlines: where neighbouring colours differ.
				var g float32
				if x > 0 && x < w-1 && y > 0 && y < h-1 {
					for k := 0; k < 3; k++ {
						g += abs32(soft[(i+1)*3+k]-soft[(i-1)*3+k]) + abs32(soft[(i+w)*3+k]-soft[(i-w)*3+k])
					}
				}
				line := smoothstep(0.12, 0.3, g) * (0.4 + 0.6*d.st.medium)
				c = c.mix(c.scale(0.15).add(rgb{0.03, 0.02, 0.06}), line*0.95)
				d.pix[i*3], d.pix[i*3+1], d.pix[i*3+2] = c.r, c.g, c.b
			}
		}
	})
}

// lowPoly rebuilds the picture from flat-shaded triangles: a jittered
// grid of points about a 26th of the picture apart, each cell cut in two,
// each triangle filled with the mean colour under it and lit by its
// slope (the picture's brightness taken as height), as a low-poly model.
func (d *painter) lowPoly() {
	w, h := d.w, d.h
	s := float32(min(w, h)) / 26
	nx, ny := int(float32(w)/s)+2, int(float32(h)/s)+2
	sx, sy := float32(w-1)/float32(nx-1), float32(h-1)/float32(ny-1)
	seed := d.seed + 9000
	pts := make([]vec, nx*ny)
	for j := 0; j < ny; j++ {
		for i := 0; i < nx; i++ {
			p := vec{float32(i) * sx, float32(j) * sy}
			if i > 0 && i < nx-1 {
				p.x += (rand01(int32(i), int32(j), seed) - 0.5) * sx * 0.8
			}
			if j > 0 && j < ny-1 {
				p.y += (rand01(int32(i), int32(j), seed+1) - 0.5) * sy * 0.8
			}
			pts[j*nx+i] = p
		}
	}
	var tris [][3]vec
	for j := 0; j < ny-1; j++ {
		for i := 0; i < nx-1; i++ {
			a, b, c, e := pts[j*nx+i], pts[j*nx+i+1], pts[(j+1)*nx+i], pts[(j+1)*nx+i+1]
			if hash2(int32(i), int32(j), seed+2)&1 == 0 {
				tris = append(tris, [3]vec{a, b, e}, [3]vec{a, e, c})
			} else {
				tris = append(tris, [3]vec{a, b, c}, [3]vec{b, e, c})
			}
		}
	}
	id := make([]int32, w*h)
	for i := range id {
		id[i] = -1
	}
	for t, tr := range tris {
		fillTriangle(id, w, h, tr, int32(t))
	}
	sum := make([]float32, len(tris)*4)
	for i, t := range id {
		if t < 0 {
			continue
		}
		sum[t*4] += d.pix[i*3]
		sum[t*4+1] += d.pix[i*3+1]
		sum[t*4+2] += d.pix[i*3+2]
		sum[t*4+3]++
	}
	l := blurPlane(d.lumBuf(), w, h, 1, max(int(s/3), 1))
	cols := make([]rgb, len(tris))
	for t, tr := range tris {
		n := max(sum[t*4+3], 1)
		c := rgb{sum[t*4] / n, sum[t*4+1] / n, sum[t*4+2] / n}
		// The facet's slope, with the brightness at its corners as height.
		z := func(p vec) float32 {
			return l[min(max(int(p.y), 0), h-1)*w+min(max(int(p.x), 0), w-1)] * s * 2.5
		}
		ax, ay, az := tr[1].x-tr[0].x, tr[1].y-tr[0].y, z(tr[1])-z(tr[0])
		bx, by, bz := tr[2].x-tr[0].x, tr[2].y-tr[0].y, z(tr[2])-z(tr[0])
		nxv, nyv, nzv := ay*bz-az*by, az*bx-ax*bz, ax*by-ay*bx
		if nzv < 0 {
			nxv, nyv, nzv = -nxv, -nyv, -nzv
		}
		ln := float32(math.Sqrt(float64(nxv*nxv+nyv*nyv+nzv*nzv))) + 1e-6
		lit := (-0.5*nxv - 0.6*nyv + 0.62*nzv) / ln
		c = c.scale(0.8 + 0.3*lit + (rand01(int32(t), 3, seed)-0.5)*0.06)
		cl := c.lum()
		cols[t] = rgb{cl + (c.r-cl)*1.15, cl + (c.g-cl)*1.15, cl + (c.b-cl)*1.15}
	}
	for i, t := range id {
		if t < 0 {
			continue
		}
		c := cols[t]
		d.pix[i*3], d.pix[i*3+1], d.pix[i*3+2] = c.r, c.g, c.b
	}
}

// fillTriangle writes v into id for every pixel whose centre is inside tr.
func fillTriangle(id []int32, w, h int, tr [3]vec, v int32) {
	x0 := max(int(min(tr[0].x, tr[1].x, tr[2].x)), 0)
	x1 := min(int(max(tr[0].x, tr[1].x, tr[2].x))+1, w-1)
	y0 := max(int(min(tr[0].y, tr[1].y, tr[2].y)), 0)
	y1 := min(int(max(tr[0].y, tr[1].y, tr[2].y))+1, h-1)
	side := func(a, b vec, px, py float32) float32 { return (b.x-a.x)*(py-a.y) - (b.y-a.y)*(px-a.x) }
	area := side(tr[0], tr[1], tr[2].x, tr[2].y)
	if area == 0 {
		return
	}
	for y := y0; y <= y1; y++ {
		py := float32(y) + 0.5
		for x := x0; x <= x1; x++ {
			px := float32(x) + 0.5
			e0 := side(tr[0], tr[1], px, py) * area
			e1 := side(tr[1], tr[2], px, py) * area
			e2 := side(tr[2], tr[0], px, py) * area
			if e0 >= 0 && e1 >= 0 && e2 >= 0 {
				id[y*w+x] = v
			}
		}
	}
}

// render3d finishes the picture as a 3D render: materials smoothed clean,
// soft contact shadows where a form is darker than its surroundings
// (ambient occlusion), a sheen on what is lighter, bloom round the
// highlights, clean colour, and a shallow focus that softens the top and
// bottom of the frame.
func (d *painter) render3d() {
	w, h := d.w, d.h
	u := max(d.u, 0.2)
	d.kuwahara(max(int(4*u+0.5), 2))
	l := d.lumBuf()
	broad := blurPlane(l, w, h, 1, max(int(12*u+0.5), 2))
	// The forms as height: brightness, blurred into rounded shapes, shaded
	// as smooth plastic or clay under a key light from the top left.
	hr := max(int(5*u+0.5), 1)
	height := blurPlane(l, w, h, 1, hr)
	kz := float32(hr) * 5
	bright := make([]float32, len(d.pix))
	for i, v := range l {
		k := smoothstep(0.7, 1, v)
		bright[i*3], bright[i*3+1], bright[i*3+2] = d.pix[i*3]*k, d.pix[i*3+1]*k, d.pix[i*3+2]*k
	}
	bloom := blurPlane(bright, w, h, 3, max(int(16*u+0.5), 2))
	far := blurPlane(d.pix, w, h, 3, max(int(5*u+0.5), 1))
	lx, ly, lz := float32(-0.5), float32(-0.55), float32(0.67)
	hx, hy, hz := lx, ly, lz+1 // half-way to a viewer straight ahead
	hn := float32(math.Sqrt(float64(hx*hx + hy*hy + hz*hz)))
	hx, hy, hz = hx/hn, hy/hn, hz/hn
	d.rows(0, h, func(y0, y1 int) {
		for y := y0; y < y1; y++ {
			// In focus across the middle of the frame.
			dy := abs32(float32(y)/float32(h) - 0.58)
			blur := smoothstep(0.2, 0.48, dy)
			for x := 0; x < w; x++ {
				i := y*w + x
				c := rgb{d.pix[i*3], d.pix[i*3+1], d.pix[i*3+2]}
				c = c.mix(rgb{far[i*3], far[i*3+1], far[i*3+2]}, blur)
				nx := -(height[y*w+min(x+1, w-1)] - height[y*w+max(x-1, 0)]) * kz
				ny := -(height[min(y+1, h-1)*w+x] - height[max(y-1, 0)*w+x]) * kz
				nn := float32(math.Sqrt(float64(nx*nx + ny*ny + 1)))
				nx, ny, nz := nx/nn, ny/nn, 1/nn
				diff := nx*lx + ny*ly + nz*lz
				sp := max(nx*hx+ny*hy+nz*hz, 0)
				sp *= sp                 // ^2
				sp *= sp                 // ^4
				sp *= sp                 // ^8
				sp2 := sp * sp * sp * sp // ^32
				spec := sp2 * sp * 0.35  // ^40
				c = c.scale(0.55 + 0.6*diff)
				if o := l[i] - broad[i]; o < 0 {
					c = c.scale(1 + o*1.4) // contact shadows
				}
				c = c.add(rgb{spec, spec, spec}).add(rgb{bloom[i*3], bloom[i*3+1], bloom[i*3+2]}.scale(0.5))
				cl := c.lum()
				c = rgb{cl + (c.r-cl)*1.15, cl + (c.g-cl)*1.15, cl + (c.b-cl)*1.15}
				d.pix[i*3], d.pix[i*3+1], d.pix[i*3+2] = c.r, c.g, c.b
			}
		}
	})
}

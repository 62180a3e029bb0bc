package canvas

import (
	"image"
	"image/draw"
	"math"
	"math/rand/v2"
	"runtime"
	"sync"

	"golang.org/x/image/vector"
)

// rgb is a colour with channels in 0..1 (sRGB, not linear: the painter
// mixes the way a painter's palette does, which is what the eye expects from
// illustrations).
type rgb struct{ r, g, b float32 }

func (c rgb) mix(d rgb, t float32) rgb {
	return rgb{c.r + (d.r-c.r)*t, c.g + (d.g-c.g)*t, c.b + (d.b-c.b)*t}
}
func (c rgb) scale(k float32) rgb { return rgb{c.r * k, c.g * k, c.b * k} }
func (c rgb) mul(d rgb) rgb       { return rgb{c.r * d.r, c.g * d.g, c.b * d.b} }
func (c rgb) add(d rgb) rgb       { return rgb{c.r + d.r, c.g + d.g, c.b + d.b} }
func (c rgb) lum() float32        { return 0.299*c.r + 0.587*c.g + 0.114*c.b }

// hex parses "#rrggbb"; it is only called with literals.
func hex(s string) rgb {
	v := 0
	for _, ch := range s[1:] {
		v <<= 4
		switch {
		case ch >= '0' && ch <= '9':
			v |= int(ch - '0')
		case ch >= 'a' && ch <= 'f':
			v |= int(ch-'a') + 10
		case ch >= 'A' && ch <= 'F':
			v |= int(ch-'A') + 10
		}
	}
	return rgb{float32(v>>16&255) / 255, float32(v>>8&255) / 255, float32(v&255) / 255}
}

func clamp01(v float32) float32 {
	if v < 0 {
		return 0
	}
	if v > 1 {
		return 1
	}
	return v
}

func smoothstep(a, b, x float32) float32 {
	t := clamp01((x - a) / (b - a))
	return t * t * (3 - 2*t)
}

func lerp(a, b, t float32) float32 { return a + (b-a)*t }

// texture is how a fill varies inside its shape.
type texture uint8

const (
	texNone    texture = iota
	texNoise           // blotchy value noise: rock, foliage, paint
	texStreakH         // horizontal streaks: water, fields, wood
	texStreakV         // vertical streaks: waterfalls, bark, rain-wet walls
)

// paint says how to colour the pixels a shape covers.
type paint struct {
	col      rgb     // colour at gy0 (or everywhere when grad is false)
	col2     rgb     // colour at gy1
	gy0, gy1 float32 // vertical gradient span in pixels
	grad     bool
	alpha    float32 // 0 means 1
	tex      texture
	texAmt   float32 // brightness variation of the texture, 0..1
	texScale float32 // feature size of the texture in pixels
	add      bool    // additive light (glows, neon) instead of cover
}

func solid(c rgb) paint { return paint{col: c} }

func vgrad(c0, c1 rgb, y0, y1 float32) paint {
	return paint{col: c0, col2: c1, gy0: y0, gy1: y1, grad: true}
}

// canvas is the working picture: a float RGB buffer plus the shape
// machinery. Shapes are built as polylines (curves are flattened as they are
// added), rasterised to a coverage mask the size of their bounding box with
// x/image/vector, and blended by hand so that fills can carry gradients and
// textures without per-pixel interface calls.
type canvas struct {
	w, h int
	pix  []float32 // 3 floats per pixel
	u    float32   // one "unit": min(w,h)/1000, so features scale with the picture
	rng  *rand.Rand
	st   *styleInfo
	seed uint32
	// mirror writes the picture out left-right reversed (look.mirror).
	mirror bool

	ras  vector.Rasterizer
	mask []uint8

	pts  []vec   // flattened points of the current path
	subs []int   // start index of each subpath in pts
	pen  vec     // current point
	ink  *rgb    // outline colour for styles that draw outlines (nil: none)
	inkW float32 // outline width
}

type vec struct{ x, y float32 }

var bufPool sync.Pool // *[]float32

func newCanvas(w, h int, seed int64, st *styleInfo) *canvas {
	c := &canvas{w: w, h: h, st: st}
	n := w * h * 3
	if p, ok := bufPool.Get().(*[]float32); ok && cap(*p) >= n {
		// A reused buffer holds the last picture: clear it, or its values
		// would leak into this one through blending and rounding.
		c.pix = (*p)[:n]
		clear(c.pix)
	} else {
		c.pix = make([]float32, n)
	}
	c.u = float32(min(w, h)) / 1000
	c.rng = rand.New(rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15))
	c.seed = uint32(uint64(seed) ^ uint64(seed)>>32)
	return c
}

func (c *canvas) release() {
	p := c.pix
	c.pix = nil
	bufPool.Put(&p)
}

// rnd returns a uniform float in [a, b).
func (c *canvas) rnd(a, b float32) float32 { return a + (b-a)*c.rng.Float32() }

// chance reports true with probability p.
func (c *canvas) chance(p float32) bool { return c.rng.Float32() < p }

// toRGBA converts the working buffer to 8-bit pixels.
func (c *canvas) toRGBA() *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, c.w, c.h))
	c.rows(0, c.h, func(y0, y1 int) {
		for y := y0; y < y1; y++ {
			src := c.pix[y*c.w*3 : (y+1)*c.w*3]
			dst := img.Pix[y*img.Stride : y*img.Stride+c.w*4]
			if c.mirror {
				for x := 0; x < c.w; x++ {
					o := (c.w - 1 - x) * 4
					dst[o] = to8(src[x*3])
					dst[o+1] = to8(src[x*3+1])
					dst[o+2] = to8(src[x*3+2])
					dst[o+3] = 255
				}
				continue
			}
			for x := 0; x < c.w; x++ {
				dst[x*4] = to8(src[x*3])
				dst[x*4+1] = to8(src[x*3+1])
				dst[x*4+2] = to8(src[x*3+2])
				dst[x*4+3] = 255
			}
		}
	})
	return img
}

func to8(v float32) uint8 {
	if v <= 0 {
		return 0
	}
	if v >= 1 {
		return 255
	}
	return uint8(v*255 + 0.5)
}

// workers is how many goroutines share a per-pixel pass.
var workers = runtime.GOMAXPROCS(0)

// rows runs fn over [y0, y1) split into bands, on several cores when the
// work is large enough to be worth it.
func (c *canvas) rows(y0, y1 int, fn func(a, b int)) {
	y0 = max(y0, 0)
	y1 = min(y1, c.h)
	if y1 <= y0 {
		return
	}
	n := workers
	if n <= 1 || (y1-y0)*c.w < 1<<15 {
		fn(y0, y1)
		return
	}
	bands := n * 4
	step := (y1 - y0 + bands - 1) / bands
	var wg sync.WaitGroup
	next := make(chan int, bands)
	for a := y0; a < y1; a += step {
		next <- a
	}
	close(next)
	// One closure for all workers, and this goroutine is one of them: a
	// parallel pass costs a few allocations however large the picture.
	work := func() {
		for a := range next {
			fn(a, min(a+step, y1))
		}
	}
	for range n - 1 {
		wg.Go(work)
	}
	work()
	wg.Wait()
}

// at returns the colour at (x, y), clamped to the picture.
func (c *canvas) at(x, y int) rgb {
	x = min(max(x, 0), c.w-1)
	y = min(max(y, 0), c.h-1)
	i := (y*c.w + x) * 3
	return rgb{c.pix[i], c.pix[i+1], c.pix[i+2]}
}

// blendPx mixes colour col into pixel index i (already *3) by a.
func (c *canvas) blendPx(i int, col rgb, a float32) {
	p := c.pix[i : i+3 : i+3]
	p[0] += (col.r - p[0]) * a
	p[1] += (col.g - p[1]) * a
	p[2] += (col.b - p[2]) * a
}

// --- paths ---

func (c *canvas) moveTo(x, y float32) {
	c.subs = append(c.subs, len(c.pts))
	c.pts = append(c.pts, vec{x, y})
	c.pen = vec{x, y}
}

func (c *canvas) lineTo(x, y float32) {
	if len(c.subs) == 0 {
		c.moveTo(c.pen.x, c.pen.y)
	}
	c.pts = append(c.pts, vec{x, y})
	c.pen = vec{x, y}
}

func (c *canvas) quadTo(bx, by, x, y float32) {
	a := c.pen
	n := curveSteps(a, vec{bx, by}, vec{x, y}, vec{x, y})
	for i := 1; i <= n; i++ {
		t := float32(i) / float32(n)
		u := 1 - t
		c.lineTo(u*u*a.x+2*u*t*bx+t*t*x, u*u*a.y+2*u*t*by+t*t*y)
	}
}

func (c *canvas) cubeTo(bx, by, cx, cy, x, y float32) {
	a := c.pen
	n := curveSteps(a, vec{bx, by}, vec{cx, cy}, vec{x, y})
	for i := 1; i <= n; i++ {
		t := float32(i) / float32(n)
		u := 1 - t
		c.lineTo(u*u*u*a.x+3*u*u*t*bx+3*u*t*t*cx+t*t*t*x,
			u*u*u*a.y+3*u*u*t*by+3*u*t*t*cy+t*t*t*y)
	}
}

// curveSteps picks a flattening step count from the control polygon length.
func curveSteps(a, b, c, d vec) int {
	l := dist(a, b) + dist(b, c) + dist(c, d)
	return min(max(int(l/6), 4), 64)
}

func dist(a, b vec) float32 {
	return float32(math.Hypot(float64(a.x-b.x), float64(a.y-b.y)))
}

// ellipse adds a closed ellipse subpath.
func (c *canvas) ellipse(cx, cy, rx, ry float32) {
	const k = 0.5523
	c.moveTo(cx+rx, cy)
	c.cubeTo(cx+rx, cy+ry*k, cx+rx*k, cy+ry, cx, cy+ry)
	c.cubeTo(cx-rx*k, cy+ry, cx-rx, cy+ry*k, cx-rx, cy)
	c.cubeTo(cx-rx, cy-ry*k, cx-rx*k, cy-ry, cx, cy-ry)
	c.cubeTo(cx+rx*k, cy-ry, cx+rx, cy-ry*k, cx+rx, cy)
}

// rect adds a closed rectangle subpath.
func (c *canvas) rect(x0, y0, x1, y1 float32) {
	c.moveTo(x0, y0)
	c.lineTo(x1, y0)
	c.lineTo(x1, y1)
	c.lineTo(x0, y1)
}

// poly adds a closed polygon from x,y pairs.
func (c *canvas) poly(xy ...float32) {
	c.moveTo(xy[0], xy[1])
	for i := 2; i+1 < len(xy); i += 2 {
		c.lineTo(xy[i], xy[i+1])
	}
}

// line adds a thick segment as a quad. All quads share one winding, so
// overlapping strokes add up instead of cancelling.
func (c *canvas) line(x0, y0, x1, y1, width float32) {
	dx, dy := x1-x0, y1-y0
	l := float32(math.Hypot(float64(dx), float64(dy)))
	if l < 1e-3 {
		return
	}
	nx, ny := -dy/l*width/2, dx/l*width/2
	c.moveTo(x0+nx, y0+ny)
	c.lineTo(x1+nx, y1+ny)
	c.lineTo(x1-nx, y1-ny)
	c.lineTo(x0-nx, y0-ny)
}

// clearPath drops the current path.
func (c *canvas) clearPath() {
	c.pts = c.pts[:0]
	c.subs = c.subs[:0]
}

// fill paints the current path and clears it. Styles that outline shapes
// (woodblock, pencil) also stroke it with ink.
func (c *canvas) fill(p paint) {
	c.fillPath(p, c.ink != nil)
}

// fillNoInk paints the current path without outlining it (glows, rain,
// highlights: things a printmaker would not outline).
func (c *canvas) fillNoInk(p paint) { c.fillPath(p, false) }

func (c *canvas) fillPath(p paint, outline bool) {
	if len(c.pts) == 0 {
		return
	}
	if c.st.wobble > 0 {
		c.wobble(c.st.wobble * c.u)
	}
	var outlinePts []vec
	var outlineSubs []int
	if outline {
		outlinePts = append(outlinePts, c.pts...)
		outlineSubs = append(outlineSubs, c.subs...)
	}
	c.rasterize(p)
	c.clearPath()
	if outline {
		w := c.inkW
		for s, start := range outlineSubs {
			end := len(outlinePts)
			if s+1 < len(outlineSubs) {
				end = outlineSubs[s+1]
			}
			pts := outlinePts[start:end]
			if len(pts) < 2 {
				continue
			}
			for i := range pts {
				a, b := pts[i], pts[(i+1)%len(pts)]
				c.line(a.x, a.y, b.x, b.y, w)
			}
		}
		c.rasterize(paint{col: *c.ink, alpha: 0.9})
		c.clearPath()
	}
}

// wobble displaces every point along smooth noise: the unsteady hand of
// watercolour.
func (c *canvas) wobble(amp float32) {
	for i, p := range c.pts {
		f := 0.012 / c.u
		dx := valueNoise(p.x*f, p.y*f, c.seed+11) - 0.5
		dy := valueNoise(p.x*f+37, p.y*f+11, c.seed+12) - 0.5
		c.pts[i] = vec{p.x + dx*amp*2, p.y + dy*amp*2}
	}
}

// rasterize draws the current path's coverage into the mask and blends p.
func (c *canvas) rasterize(p paint) {
	minX, minY := float32(math.Inf(1)), float32(math.Inf(1))
	maxX, maxY := float32(math.Inf(-1)), float32(math.Inf(-1))
	for _, q := range c.pts {
		minX = min(minX, q.x)
		minY = min(minY, q.y)
		maxX = max(maxX, q.x)
		maxY = max(maxY, q.y)
	}
	x0 := max(int(math.Floor(float64(minX))), 0)
	y0 := max(int(math.Floor(float64(minY))), 0)
	x1 := min(int(math.Ceil(float64(maxX)))+1, c.w)
	y1 := min(int(math.Ceil(float64(maxY)))+1, c.h)
	if x1 <= x0 || y1 <= y0 {
		return
	}
	bw, bh := x1-x0, y1-y0
	c.ras.Reset(bw, bh)
	ox, oy := float32(x0), float32(y0)
	for s, start := range c.subs {
		end := len(c.pts)
		if s+1 < len(c.subs) {
			end = c.subs[s+1]
		}
		if end-start < 3 {
			continue
		}
		c.ras.MoveTo(c.pts[start].x-ox, c.pts[start].y-oy)
		for _, q := range c.pts[start+1 : end] {
			c.ras.LineTo(q.x-ox, q.y-oy)
		}
		c.ras.ClosePath()
	}
	if cap(c.mask) < bw*bh {
		c.mask = make([]uint8, bw*bh)
	}
	m := &image.Alpha{Pix: c.mask[:bw*bh], Stride: bw, Rect: image.Rect(0, 0, bw, bh)}
	c.ras.DrawOp = draw.Src
	c.ras.Draw(m, m.Bounds(), image.Opaque, image.Point{})
	c.blendMask(m.Pix, x0, y0, bw, bh, p)
}

// blendMask blends paint p through coverage mask m placed at (x0, y0).
func (c *canvas) blendMask(m []uint8, x0, y0, bw, bh int, p paint) {
	alpha := p.alpha
	if alpha == 0 {
		alpha = 1
	}
	texAmt := p.texAmt * c.st.texture
	scale := p.texScale
	if scale == 0 {
		scale = 24 * c.u
	}
	inv := 1 / scale
	// Each seed reads the texture tile from its own place.
	ox := float32(c.seed%97) * 0.37
	oy := float32(c.seed%89) * 0.53
	c.rows(y0, y0+bh, func(ya, yb int) {
		for y := ya; y < yb; y++ {
			col := p.col
			if p.grad {
				t := float32(0)
				if p.gy1 != p.gy0 {
					t = clamp01((float32(y) - p.gy0) / (p.gy1 - p.gy0))
				}
				col = p.col.mix(p.col2, t)
			}
			row := m[(y-y0)*bw : (y-y0+1)*bw]
			base := (y*c.w + x0) * 3
			for i, cv := range row {
				if cv == 0 {
					continue
				}
				a := float32(cv) * (1.0 / 255) * alpha
				k := base + i*3
				cc := col
				if texAmt > 0 {
					var n float32
					fx, fy := float32(x0+i)*inv+ox, float32(y)*inv+oy
					switch p.tex {
					case texNoise:
						n = tile(fx, fy) + 0.5*tile(fx*2.3+0.3, fy*2.3+0.7) - 0.75
					case texStreakH:
						n = tile(fx*0.15, fy*3) - 0.5
					case texStreakV:
						n = tile(fx*3, fy*0.15) - 0.5
					}
					f := 1 + n*texAmt
					cc = rgb{cc.r * f, cc.g * f, cc.b * f}
				}
				if p.add {
					px := c.pix[k : k+3 : k+3]
					px[0] += cc.r * a
					px[1] += cc.g * a
					px[2] += cc.b * a
					continue
				}
				c.blendPx(k, cc, a)
			}
		}
	})
}

// disc splats an antialiased disc of radius r (analytic coverage, no
// rasteriser): stars, snowflakes, lit windows, dots of paint.
func (c *canvas) disc(cx, cy, r float32, col rgb, alpha float32, add bool) {
	x0 := max(int(cx-r-1), 0)
	x1 := min(int(cx+r+2), c.w)
	y0 := max(int(cy-r-1), 0)
	y1 := min(int(cy+r+2), c.h)
	for y := y0; y < y1; y++ {
		dy := float32(y) + 0.5 - cy
		for x := x0; x < x1; x++ {
			dx := float32(x) + 0.5 - cx
			d := float32(math.Sqrt(float64(dx*dx + dy*dy)))
			a := clamp01(r-d+0.5) * alpha
			if a <= 0 {
				continue
			}
			i := (y*c.w + x) * 3
			if add {
				c.pix[i] += col.r * a
				c.pix[i+1] += col.g * a
				c.pix[i+2] += col.b * a
			} else {
				c.blendPx(i, col, a)
			}
		}
	}
}

// glow adds light around (cx, cy) that falls off over radius r.
func (c *canvas) glow(cx, cy, r float32, col rgb, strength float32) {
	reach := r * 4
	x0 := max(int(cx-reach), 0)
	x1 := min(int(cx+reach)+1, c.w)
	y0 := max(int(cy-reach), 0)
	y1 := min(int(cy+reach)+1, c.h)
	if x1 <= x0 {
		return
	}
	inv := 1 / (r * r)
	c.rows(y0, y1, func(ya, yb int) {
		for y := ya; y < yb; y++ {
			dy := float32(y) + 0.5 - cy
			for x := x0; x < x1; x++ {
				dx := float32(x) + 0.5 - cx
				d2 := (dx*dx + dy*dy) * inv
				f := strength / (1 + d2*d2*0.5 + d2) * (1 - smoothstep(9, 16, d2))
				if f < 0.002 {
					continue
				}
				i := (y*c.w + x) * 3
				c.pix[i] += col.r * f
				c.pix[i+1] += col.g * f
				c.pix[i+2] += col.b * f
			}
		}
	})
}

// fillRect covers an axis-aligned rectangle (no rasteriser: windows and
// bricks are rectangles, and there are thousands of them).
func (c *canvas) fillRect(x0, y0, x1, y1 float32, col rgb, alpha float32) {
	ix0 := max(int(x0), 0)
	ix1 := min(int(math.Ceil(float64(x1))), c.w)
	iy0 := max(int(y0), 0)
	iy1 := min(int(math.Ceil(float64(y1))), c.h)
	for y := iy0; y < iy1; y++ {
		// Partial coverage on the edges keeps small windows from flickering
		// between sizes.
		cy := clamp01(min(float32(y+1), y1) - max(float32(y), y0))
		for x := ix0; x < ix1; x++ {
			cx := clamp01(min(float32(x+1), x1) - max(float32(x), x0))
			a := cx * cy * alpha
			if a > 0 {
				c.blendPx((y*c.w+x)*3, col, a)
			}
		}
	}
}

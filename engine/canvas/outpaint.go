package canvas

import (
	"image"
	"math"

	"github.com/easel-art/easel"
)

// Outpaint extends a picture by the given pixels on each side (zoom out,
// pan) and keeps the picture itself exactly. The new border continues what
// is at the edge: the broad colours of the sky, ground and water run on
// outward (the edge's colours, spread wider the further out), the texture
// along the edge continues as its mirror image, its larger forms fading
// out near the picture so nothing in it is repeated whole.
func Outpaint(src image.Image, in easel.Insets) *image.RGBA {
	pic := toRGBA(src)
	w, h := pic.Rect.Dx(), pic.Rect.Dy()
	W, H := w+in.Left+in.Right, h+in.Top+in.Bottom
	p := floats(pic)
	clampX := func(x int) int { return min(max(x-in.Left, 0), w-1) }
	clampY := func(y int) int { return min(max(y-in.Top, 0), h-1) }
	ec := make([]float32, W*H*3)
	em := make([]float32, W*H*3)
	for y := 0; y < H; y++ {
		cy, my := clampY(y), mirrorAt(y-in.Top, h)
		for x := 0; x < W; x++ {
			o := (y*W + x) * 3
			a := (cy*w + clampX(x)) * 3
			b := (my*w + mirrorAt(x-in.Left, w)) * 3
			copy(ec[o:o+3], p[a:a+3])
			copy(em[o:o+3], p[b:b+3])
		}
	}
	// Broad colours: the clamped extension averaged over cells a tenth of
	// the picture's short side; texture: the mirror less its own broad colours.
	cell := max(min(w, h)/10, 4)
	tw, th := max(W/cell, 1), max(H/cell, 1)
	lowC := make([]float32, W*H*3)
	addUp(lowC, W, boxDown(ec, W, H, tw, th), tw, th, 0, H)
	lowM := make([]float32, W*H*3)
	addUp(lowM, W, boxDown(em, W, H, tw, th), tw, th, 0, H)
	// The mirror's fine texture (finer than 6 units) is kept
	// further out than its middle-sized forms, which would otherwise
	// repeat whole things (a house, the sun) in the border.
	fc := max(int(6*max(float32(min(w, h))/1000, 0.3)+0.5), 2)
	fw, fh := max(W/fc, 1), max(H/fc, 1)
	fineM := make([]float32, W*H*3)
	addUp(fineM, W, boxDown(em, W, H, fw, fh), fw, fh, 0, H)
	u := max(float32(min(w, h))/1000, 0.3)
	seam := 24 * u
	reach := float32(max(in.Left, in.Top, in.Right, in.Bottom))
	out := image.NewRGBA(image.Rect(0, 0, W, H))
	for y := 0; y < H; y++ {
		dy := max(in.Top-y, y-(in.Top+h-1), 0)
		for x := 0; x < W; x++ {
			o := (y*W + x) * 3
			dx := max(in.Left-x, x-(in.Left+w-1), 0)
			var c rgb
			if dx == 0 && dy == 0 {
				c = rgb{p[((y-in.Top)*w+x-in.Left)*3], p[((y-in.Top)*w+x-in.Left)*3+1], p[((y-in.Top)*w+x-in.Left)*3+2]}
			} else {
				d := float32(math.Sqrt(float64(dx*dx + dy*dy)))
				m := rgb{em[o], em[o+1], em[o+2]}
				f := smoothstep(0, reach, d)
				// Over the clamped broad colours: the mirror's middle forms
				// fade out within a third of the way, its fine texture
				// to half by the far edge.
				mk := 1 - smoothstep(0, reach*0.35, d)
				fk := 1 - 0.5*f
				// Strong edges are flattened from a little way out.
				sk := smoothstep(0, reach*0.25, d)
				tex := func(v float32) float32 { return v + (soft(v)-v)*sk }
				c = rgb{
					lowC[o] + tex(fineM[o]-lowM[o])*mk + tex(em[o]-fineM[o])*fk,
					lowC[o+1] + tex(fineM[o+1]-lowM[o+1])*mk + tex(em[o+1]-fineM[o+1])*fk,
					lowC[o+2] + tex(fineM[o+2]-lowM[o+2])*mk + tex(em[o+2]-fineM[o+2])*fk,
				}
				// Right at the seam the mirror continues the picture
				// exactly, so there is no line.
				c = m.mix(c, smoothstep(0, seam, d))
			}
			i := y*out.Stride + x*4
			out.Pix[i], out.Pix[i+1], out.Pix[i+2], out.Pix[i+3] = to8(c.r), to8(c.g), to8(c.b), 255
		}
	}
	return out
}

// mirrorAt maps i to 0..n-1 as a mirror would, repeating: -1 is 0, n is n-1.
func mirrorAt(i, n int) int {
	if n <= 1 {
		return 0
	}
	p := 2 * n
	i %= p
	if i < 0 {
		i += p
	}
	if i >= n {
		i = p - 1 - i
	}
	return i
}

// soft limits a texture value to about ±0.05: grain, ripples and leaves
// pass, while the strong edges of things (a tower, the sun's rim) are
// flattened, so the mirror does not draw them again in the border.
func soft(v float32) float32 {
	const k = 0.05
	return k * v / (k + float32(math.Abs(float64(v))))
}

package canvas

// Blurs for the styles' finishing passes: a box blur by running sums,
// three times over for a near-Gaussian, so its cost does not grow with
// the radius.

// blurPlane returns buf (w x h, nc floats a pixel) blurred by about r
// pixels: three box passes of radius r in each direction. buf is left as
// it was.
func blurPlane(buf []float32, w, h, nc, r int) []float32 {
	out := make([]float32, len(buf))
	copy(out, buf)
	if r < 1 {
		return out
	}
	tmp := make([]float32, len(buf))
	for pass := 0; pass < 3; pass++ {
		boxRows(out, tmp, w, h, nc, r)
		boxCols(tmp, out, w, h, nc, r)
	}
	return out
}

// boxRows writes into dst each row of src averaged over 2r+1 pixels
// (edges clamped).
func boxRows(src, dst []float32, w, h, nc, r int) {
	inv := 1 / float32(2*r+1)
	parallel(h, func(y0, y1 int) {
		acc := make([]float32, nc)
		for y := y0; y < y1; y++ {
			row := src[y*w*nc : (y+1)*w*nc]
			out := dst[y*w*nc : (y+1)*w*nc]
			clear(acc)
			for k := -r; k <= r; k++ {
				x := min(max(k, 0), w-1) * nc
				for c := 0; c < nc; c++ {
					acc[c] += row[x+c]
				}
			}
			for x := 0; x < w; x++ {
				for c := 0; c < nc; c++ {
					out[x*nc+c] = acc[c] * inv
				}
				add, drop := min(x+r+1, w-1)*nc, max(x-r, 0)*nc
				for c := 0; c < nc; c++ {
					acc[c] += row[add+c] - row[drop+c]
				}
			}
		}
	})
}

// boxCols is boxRows down the columns.
func boxCols(src, dst []float32, w, h, nc, r int) {
	inv := 1 / float32(2*r+1)
	stride := w * nc
	parallel(w, func(x0, x1 int) {
		acc := make([]float32, (x1-x0)*nc)
		for k := -r; k <= r; k++ {
			row := src[min(max(k, 0), h-1)*stride:]
			for i := range acc {
				acc[i] += row[x0*nc+i]
			}
		}
		for y := 0; y < h; y++ {
			out := dst[y*stride+x0*nc : y*stride+x1*nc]
			for i := range acc {
				out[i] = acc[i] * inv
			}
			add := src[min(y+r+1, h-1)*stride+x0*nc:]
			drop := src[max(y-r, 0)*stride+x0*nc:]
			for i := range acc {
				acc[i] += add[i] - drop[i]
			}
		}
	})
}

// lumOf returns the luminance of each pixel of an RGB buffer.
func lumOf(pix []float32) []float32 {
	l := make([]float32, len(pix)/3)
	for i := range l {
		l[i] = 0.299*pix[i*3] + 0.587*pix[i*3+1] + 0.114*pix[i*3+2]
	}
	return l
}

// sampleRGB returns the colour of pix (w x h) at (x, y), bilinear,
// clamped to the picture.
func sampleRGB(pix []float32, w, h int, x, y float32) rgb {
	x = min(max(x, 0), float32(w-1))
	y = min(max(y, 0), float32(h-1))
	x0, y0 := int(x), int(y)
	x1, y1 := min(x0+1, w-1), min(y0+1, h-1)
	tx, ty := x-float32(x0), y-float32(y0)
	at := func(xx, yy int) rgb {
		i := (yy*w + xx) * 3
		return rgb{pix[i], pix[i+1], pix[i+2]}
	}
	return at(x0, y0).mix(at(x1, y0), tx).mix(at(x0, y1).mix(at(x1, y1), tx), ty)
}

// noiseField returns fbm noise (octaves, seed) over a w x h picture with
// features about feature pixels across, computed on a coarse grid and
// interpolated: the finishing passes need smooth noise at every pixel,
// and at a sixth of a feature's size the grid does not show.
func noiseField(w, h int, feature float32, octaves int, seed uint32) []float32 {
	step := max(int(feature/6), 1)
	gw, gh := w/step+2, h/step+2
	grid := make([]float32, gw*gh)
	inv := 1 / feature
	for j := 0; j < gh; j++ {
		for i := 0; i < gw; i++ {
			grid[j*gw+i] = fbm(float32(i*step)*inv, float32(j*step)*inv, octaves, seed)
		}
	}
	out := make([]float32, w*h)
	fs := 1 / float32(step)
	parallel(h, func(y0, y1 int) {
		for y := y0; y < y1; y++ {
			gy := float32(y) * fs
			j := int(gy)
			ty := gy - float32(j)
			for x := 0; x < w; x++ {
				gx := float32(x) * fs
				i := int(gx)
				tx := gx - float32(i)
				a, b := grid[j*gw+i], grid[j*gw+i+1]
				c, d := grid[(j+1)*gw+i], grid[(j+1)*gw+i+1]
				top := a + (b-a)*tx
				out[y*w+x] = top + (c+(d-c)*tx-top)*ty
			}
		}
	})
	return out
}

// fineNoise is smooth noise in [0, 1) with features about feature pixels
// across, read from the precomputed tile (cheap enough for every pixel);
// off moves the read so two uses do not line up.
func fineNoise(x, y int, feature, off float32) float32 {
	return tile(float32(x)/feature+off, float32(y)/feature+off*1.7)
}

package canvas

import "math"

// Hand-written value noise and fractal Brownian motion. Every function here
// is pure (a hash of lattice coordinates and a seed), so the per-pixel
// passes can run on several cores and still give the same picture.

// hash2 mixes two lattice coordinates and a seed into 32 random bits.
func hash2(x, y int32, seed uint32) uint32 {
	h := uint32(x)*0x8da6b343 ^ uint32(y)*0xd8163841 ^ seed*0xcb1ab31f
	h ^= h >> 15
	h *= 0x2c1b3c6d
	h ^= h >> 12
	h *= 0x297a2d39
	h ^= h >> 15
	return h
}

// rand01 returns a float in [0, 1) from lattice coordinates.
func rand01(x, y int32, seed uint32) float32 {
	return float32(hash2(x, y, seed)>>8) * (1.0 / (1 << 24))
}

// valueNoise is smooth noise in [0, 1) with features about 1 unit apart.
func valueNoise(x, y float32, seed uint32) float32 {
	fx := float32(math.Floor(float64(x)))
	fy := float32(math.Floor(float64(y)))
	ix, iy := int32(fx), int32(fy)
	tx, ty := x-fx, y-fy
	// Quintic fade: smooth second derivative, so shading computed from
	// differences of the noise does not show the lattice.
	tx = tx * tx * tx * (tx*(tx*6-15) + 10)
	ty = ty * ty * ty * (ty*(ty*6-15) + 10)
	a := rand01(ix, iy, seed)
	b := rand01(ix+1, iy, seed)
	c := rand01(ix, iy+1, seed)
	d := rand01(ix+1, iy+1, seed)
	top := a + (b-a)*tx
	bot := c + (d-c)*tx
	return top + (bot-top)*ty
}

// fbm sums octaves of value noise; the result is roughly in [0, 1).
func fbm(x, y float32, octaves int, seed uint32) float32 {
	var sum, amp, norm float32 = 0, 0.5, 0
	x, y = x*0.8+y*0.6, -x*0.6+y*0.8
	for o := 0; o < octaves; o++ {
		sum += valueNoise(x, y, seed+uint32(o)*101) * amp
		norm += amp
		// Rotating each octave a little hides the lattice.
		x, y = x*1.6+y*1.2+3.1, -x*1.2+y*1.6+1.7
		amp *= 0.5
	}
	return sum / norm
}

// noise1 is 1D value noise in [0, 1).
func noise1(x float32, seed uint32) float32 { return valueNoise(x, 0.5, seed) }

// fbm1 is 1D fBm in [0, 1).
func fbm1(x float32, octaves int, seed uint32) float32 {
	var sum, amp, norm float32 = 0, 0.5, 0
	for o := 0; o < octaves; o++ {
		sum += noise1(x, seed+uint32(o)*131) * amp
		norm += amp
		x = x*2.03 + 5.3
		amp *= 0.5
	}
	return sum / norm
}

// ridged1 is 1D ridged noise in [0, 1): sharp crests like mountain ridges.
func ridged1(x float32, octaves int, seed uint32) float32 {
	var sum, amp, norm float32 = 0, 0.55, 0
	for o := 0; o < octaves; o++ {
		n := 1 - float32(math.Abs(float64(noise1(x, seed+uint32(o)*71)*2-1)))
		sum += n * n * amp
		norm += amp
		x = x*2.1 + 1.7
		amp *= 0.45
	}
	return sum / norm
}

// grain is per-pixel white noise in [-0.5, 0.5). It reads a tile of
// precomputed noise; the seed and the tile row shift the read so the
// repeat does not line up.
func grain(x, y int, seed uint32) float32 {
	ty := y + int(seed&1023)
	tx := x + int(seed>>10&1023) + (ty>>8)*97
	return grainTile[(ty&tileMask)*tileSize+tx&tileMask]
}

var grainTile = func() []float32 {
	t := make([]float32, tileSize*tileSize)
	for i := range t {
		t[i] = rand01(int32(i%tileSize), int32(i/tileSize), 991) - 0.5
	}
	return t
}()

// The noise tile: 256x256 samples of two-octave value noise that wraps at
// its edges, made once. Per-pixel textures (paint grain, water ripples,
// fog) read it instead of hashing lattice points, which is what keeps a
// full 1024x1024 scene cheaper to draw than to PNG-encode.
const (
	tileSize = 256
	tileMask = tileSize - 1
	tileCell = 32 // tile samples per noise unit
)

var noiseTile = func() []float32 {
	t := make([]float32, tileSize*tileSize)
	const period = tileSize / tileCell
	for y := 0; y < tileSize; y++ {
		for x := 0; x < tileSize; x++ {
			fx, fy := float32(x)/tileCell, float32(y)/tileCell
			t[y*tileSize+x] = periodicNoise(fx, fy, period, 71)*0.7 + periodicNoise(fx*2, fy*2, period*2, 72)*0.3
		}
	}
	return t
}()

// periodicNoise is valueNoise whose lattice repeats every period units.
func periodicNoise(x, y float32, period int32, seed uint32) float32 {
	ix, iy := int32(x), int32(y)
	tx, ty := x-float32(ix), y-float32(iy)
	tx = tx * tx * tx * (tx*(tx*6-15) + 10)
	ty = ty * ty * ty * (ty*(ty*6-15) + 10)
	w := func(v int32) int32 { return v % period }
	a := rand01(w(ix), w(iy), seed)
	b := rand01(w(ix+1), w(iy), seed)
	c := rand01(w(ix), w(iy+1), seed)
	d := rand01(w(ix+1), w(iy+1), seed)
	top := a + (b-a)*tx
	bot := c + (d-c)*tx
	return top + (bot-top)*ty
}

// tile samples the noise tile at (x, y) in noise units (nearest sample:
// the tile is smooth at 32 samples a unit).
func tile(x, y float32) float32 {
	return noiseTile[(int(y*tileCell)&tileMask)*tileSize+int(x*tileCell)&tileMask]
}

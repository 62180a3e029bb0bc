package canvas

// kuwahara simplifies the picture into flat, brush-sized patches while
// keeping its edges: each pixel takes the mean colour of the four
// (r+1)x(r+1) squares that touch it, weighted toward the squares with the
// least variation, so an edge is never blurred across. The box sums are
// running sums, so the cost does not grow with r.
func (d *painter) kuwahara(r int) {
	w, h := d.w, d.h
	// Box means of R, G, B and L² over the (r+1)² square whose top-left
	// corner is (ax, ay), for ax in -r..w-1 and ay in -r..h-1 (edges
	// clamped), stored at (ax+r, ay+r). The mean of L is the same mix of
	// the means of R, G and B, so it needs no sum of its own.
	bw, bh := w+r, h+r
	const nc = 4
	hs := make([]float32, bw*h*nc) // horizontal sums: bw wide, h tall
	d.rows(0, h, func(y0, y1 int) {
		ext := make([]float32, (w+2*r+1)*nc) // the row, edges clamped, r extra each side
		for y := y0; y < y1; y++ {
			src := d.pix[y*w*3 : (y+1)*w*3]
			for x := -r; x <= w+r; x++ {
				i := min(max(x, 0), w-1) * 3
				cr, cg, cb := src[i], src[i+1], src[i+2]
				l := 0.299*cr + 0.587*cg + 0.114*cb
				o := (x + r) * nc
				ext[o], ext[o+1], ext[o+2], ext[o+3] = cr, cg, cb, l*l
			}
			var a0, a1, a2, a3 float32
			for k := 0; k <= r; k++ {
				a0 += ext[k*nc]
				a1 += ext[k*nc+1]
				a2 += ext[k*nc+2]
				a3 += ext[k*nc+3]
			}
			dst := hs[y*bw*nc : (y+1)*bw*nc]
			for ax := 0; ax < bw; ax++ {
				o := ax * nc
				dst[o], dst[o+1], dst[o+2], dst[o+3] = a0, a1, a2, a3
				// Slide: add column ax+r+1, drop column ax (both in ext's frame).
				ad, sb := (ax+r+1)*nc, ax*nc
				a0 += ext[ad] - ext[sb]
				a1 += ext[ad+1] - ext[sb+1]
				a2 += ext[ad+2] - ext[sb+2]
				a3 += ext[ad+3] - ext[sb+3]
			}
		}
	})
	box := make([]float32, bw*bh*nc)
	inv := 1 / float32((r+1)*(r+1))
	rowLen := bw * nc
	hrow := func(y int) []float32 {
		y = min(max(y, 0), h-1)
		return hs[y*rowLen : (y+1)*rowLen]
	}
	// Vertical sums, a band of rows at a time, whole rows at once.
	parallel(bh, func(b0, b1 int) {
		acc := make([]float32, rowLen)
		ay0 := b0 - r
		for y := ay0; y <= ay0+r; y++ {
			for i, v := range hrow(y) {
				acc[i] += v
			}
		}
		for ay := ay0; ay < b1-r; ay++ {
			dst := box[(ay+r)*rowLen : (ay+r+1)*rowLen]
			add, sub := hrow(ay+r+1), hrow(ay)
			for i := range dst {
				dst[i] = acc[i] * inv
				acc[i] += add[i] - sub[i]
			}
		}
	})
	d.rows(0, h, func(y0, y1 int) {
		for y := y0; y < y1; y++ {
			// The four squares touching (x, y) have top-left corners at
			// (x-r, y-r), (x, y-r), (x-r, y) and (x, y): stored +r, rows
			// y and y+r, columns x and x+r.
			top := box[y*rowLen : (y+1)*rowLen]
			bot := box[(y+r)*rowLen : (y+r+1)*rowLen]
			for x := 0; x < w; x++ {
				var sw, sr, sg, sb float32
				for q := 0; q < 4; q++ {
					row := top
					if q >= 2 {
						row = bot
					}
					o := (x + r*(q&1)) * nc
					m := row[o : o+nc : o+nc]
					l := 0.299*m[0] + 0.587*m[1] + 0.114*m[2]
					v := max(m[3]-l*l, 0)
					// Sharp preference for the calmest square, smooth
					// enough not to leave blocks.
					wt := 1 / (1e-4 + v*v*1e4)
					sw += wt
					sr += m[0] * wt
					sg += m[1] * wt
					sb += m[2] * wt
				}
				i := (y*w + x) * 3
				d.pix[i], d.pix[i+1], d.pix[i+2] = sr/sw, sg/sw, sb/sw
			}
		}
	})
}

// parallel runs fn over [0, n) split across the cores.
func parallel(n int, fn func(a, b int)) {
	k := workers
	if k <= 1 || n < 64 {
		fn(0, n)
		return
	}
	step := (n + k - 1) / k
	done := make(chan struct{}, k)
	for a := 0; a < n; a += step {
		go func(a int) {
			fn(a, min(a+step, n))
			done <- struct{}{}
		}(a)
	}
	for a := 0; a < n; a += step {
		<-done
	}
}

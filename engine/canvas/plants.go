package canvas

import (
	"math"
	"sort"
)

// pine draws a conifer standing at (x, y) of height h.
func (d *painter) pine(x, y, h float32, col rgb, snowy bool) {
	d.painted("pines", "trees")
	w := h * d.rnd(0.28, 0.38)
	d.rect(x-h*0.025, y-h*0.15, x+h*0.025, y)
	d.fill(solid(col.mix(hex("#3a2a1a"), 0.5)))
	tiers := 4
	for t := 0; t < tiers; t++ {
		f := float32(t) / float32(tiers)
		top := y - h*(0.35+0.65*(f+1.0/float32(tiers)))
		if t == tiers-1 {
			top = y - h
		}
		bot := y - h*(0.12+0.62*f)
		hw := w * (1 - f*0.7) / 2
		d.moveTo(x, top)
		d.quadTo(x+hw*0.4, bot-(bot-top)*0.35, x+hw, bot)
		d.lineTo(x+hw*0.3, bot-h*0.03)
		d.lineTo(x-hw*0.3, bot-h*0.03)
		d.lineTo(x-hw, bot)
		d.quadTo(x-hw*0.4, bot-(bot-top)*0.35, x, top)
	}
	pt := vgrad(col.scale(1.15), col.scale(0.8), y-h, y)
	pt.tex, pt.texAmt, pt.texScale = texNoise, 0.2, max(h/10, 2)
	d.fill(pt)
	if snowy {
		for t := 0; t < tiers; t++ {
			f := float32(t) / float32(tiers)
			bot := y - h*(0.12+0.62*f)
			hw := w * (1 - f*0.7) / 2
			d.moveTo(x-hw*0.9, bot-h*0.02)
			d.quadTo(x, bot-h*0.12, x+hw*0.9, bot-h*0.02)
			d.quadTo(x, bot-h*0.06, x-hw*0.9, bot-h*0.02)
		}
		d.fill(solid(d.lit(rgb{0.96, 0.97, 1}, 0)))
	}
}

// broadleaf draws a round-crowned tree; in winter it is bare branches.
func (d *painter) broadleaf(x, y, h float32, col rgb, bare bool) {
	d.painted("trees")
	trunk := d.lit(hex("#4a3626"), 0.1)
	tw := h * 0.05
	d.poly(x-tw, y, x-tw*0.6, y-h*0.55, x+tw*0.6, y-h*0.55, x+tw, y)
	d.fill(solid(trunk))
	if bare {
		d.branches(x, y-h*0.5, h*0.45, -math.Pi/2, tw*0.8, 4, trunk)
		d.fill(solid(trunk))
		return
	}
	cy := y - h*0.62
	r := h * 0.3
	for i := 0; i < 7; i++ {
		a := float64(i) / 7 * 2 * math.Pi
		bx := x + float32(math.Cos(a))*r*0.55
		by := cy + float32(math.Sin(a))*r*0.45
		rr := r * d.rnd(0.5, 0.7)
		d.ellipse(bx, by, rr, rr*0.9)
	}
	d.ellipse(x, cy, r*0.8, r*0.75)
	pt := vgrad(col.scale(1.2), col.scale(0.72), cy-r, cy+r)
	pt.tex, pt.texAmt, pt.texScale = texNoise, 0.3, max(h/14, 2)
	d.fill(pt)
}

// branches adds a recursive branch structure.
func (d *painter) branches(x, y, l float32, a float64, w float32, depth int, col rgb) {
	if depth == 0 || l < 2 {
		return
	}
	x1 := x + float32(math.Cos(a))*l
	y1 := y + float32(math.Sin(a))*l
	d.line(x, y, x1, y1, max(w, 0.8))
	for k := 0; k < 2; k++ {
		na := a + float64(d.rnd(0.25, 0.6))*float64(k*2-1)
		d.branches(x1, y1, l*d.rnd(0.6, 0.75), na, w*0.65, depth-1, col)
	}
}

// blossomTree is a cherry tree in bloom: dark trunk, pink clouds.
func (d *painter) blossomTree(x, y, h float32) {
	d.painted("cherry blossoms", "trees")
	trunk := d.lit(hex("#3a2620"), 0.1)
	d.branches(x, y, h*0.45, -math.Pi/2+float64(d.rnd(-0.2, 0.2)), h*0.06, 4, trunk)
	d.fill(solid(trunk))
	pink := d.lit(hex("#f6b8cc"), 0.05)
	for i := 0; i < 16; i++ {
		bx := x + d.rnd(-0.45, 0.45)*h
		by := y - h*d.rnd(0.45, 0.95)
		r := h * d.rnd(0.1, 0.18)
		d.ellipse(bx, by, r, r*0.8)
	}
	pt := vgrad(pink.scale(1.08), pink.mix(hex("#d07a9a"), 0.4), y-h, y-h*0.4)
	pt.tex, pt.texAmt, pt.texScale = texNoise, 0.25, max(h/20, 2)
	d.fill(pt)
}

// palm draws a palm with a curved trunk and drooping fronds.
func (d *painter) palm(x, y, h float32, col rgb) {
	d.painted("palms")
	lean := d.rnd(-0.35, 0.35) * h
	tx, ty := x+lean, y-h
	trunk := d.lit(hex("#6a5038"), 0.1)
	n := 12
	var left, right []vec
	for i := 0; i <= n; i++ {
		t := float32(i) / float32(n)
		px := x + lean*t*t
		py := y - h*t
		w := h * (0.035 - 0.015*t)
		left = append(left, vec{px - w, py})
		right = append(right, vec{px + w, py})
	}
	d.moveTo(left[0].x, left[0].y)
	for _, q := range left[1:] {
		d.lineTo(q.x, q.y)
	}
	for i := n; i >= 0; i-- {
		d.lineTo(right[i].x, right[i].y)
	}
	pt := solid(trunk)
	pt.tex, pt.texAmt, pt.texScale = texStreakH, 0.35, max(h/40, 1)
	d.fill(pt)
	fronds := 7 + d.rng.IntN(3)
	for i := 0; i < fronds; i++ {
		a := float64(i)/float64(fronds)*2*math.Pi + float64(d.rnd(-0.2, 0.2))
		l := h * d.rnd(0.35, 0.5)
		ex := tx + float32(math.Cos(a))*l
		ey := ty + float32(math.Sin(a))*l*0.45 + l*0.35 // fronds droop
		mx := tx + float32(math.Cos(a))*l*0.5
		my := ty + float32(math.Sin(a))*l*0.3 - l*0.15
		wd := l * 0.12
		d.moveTo(tx, ty)
		d.quadTo(mx, my-wd, ex, ey)
		d.quadTo(mx, my+wd, tx, ty)
	}
	d.fill(solid(col))
}

// bamboo draws a stand of segmented stalks with leaves.
func (d *painter) bamboo(x0, x1, y float32) {
	d.painted("bamboo")
	col := d.lit(hex("#6aa040"), 0.1)
	for x := x0; x < x1; x += d.rnd(18, 40) * d.u {
		h := d.rnd(0.5, 0.9) * y
		w := d.rnd(6, 11) * d.u
		d.rect(x, y-h, x+w, y)
		d.fill(vgrad(col.scale(1.1), col.scale(0.7), y-h, y))
		for s := y - h*0.15; s > y-h; s -= d.rnd(40, 70) * d.u {
			d.fillRect(x, s, x+w, s+2*d.u, col.scale(0.55), 1)
		}
		for k := 0; k < 4; k++ {
			ly := y - h*d.rnd(0.4, 1)
			dir := float32(1)
			if d.chance(0.5) {
				dir = -1
			}
			l := d.rnd(30, 50) * d.u
			d.moveTo(x+w/2, ly)
			d.quadTo(x+w/2+dir*l*0.5, ly-l*0.2, x+w/2+dir*l, ly+l*0.15)
			d.quadTo(x+w/2+dir*l*0.5, ly, x+w/2, ly)
		}
		d.fill(solid(col.scale(0.85)))
	}
}

// treeKind picks what a tree in this scene looks like.
type treeKind uint8

const (
	treePine treeKind = iota
	treeBroad
	treePalm
	treeBlossom
)

type treeSpot struct {
	x, y, h float32
	kind    treeKind
	col     rgb
}

// forest fills a band with trees from far (small, hazy) to near.
func (d *painter) forest(top, bottom float32, kinds []treeKind, density float32) {
	d.painted("forest")
	p := d.p
	var spots []treeSpot
	rows := 6
	for r := 0; r < rows; r++ {
		t := float32(r) / float32(rows-1)
		y := top + (bottom-top)*t
		h := (40 + 140*t) * d.u * d.rnd(0.9, 1.1)
		gap := h * 0.28 / density
		for x := d.rnd(-20, 0) * d.u; x < float32(d.w)+20*d.u; x += gap * d.rnd(0.6, 1.4) {
			k := kinds[d.rng.IntN(len(kinds))]
			base := p.foliage[d.rng.IntN(len(p.foliage))]
			if k == treePine {
				base = hex("#2f5a3a")
				if p.season == "winter" {
					base = hex("#2a4a3a")
				}
			}
			if k == treePalm {
				base = hex("#3f8a3a")
			}
			col := d.lit(base, (1-t)*0.7)
			spots = append(spots, treeSpot{x, y + d.rnd(-4, 4)*d.u, h * d.rnd(0.8, 1.2), k, col})
		}
	}
	sort.SliceStable(spots, func(i, j int) bool { return spots[i].y < spots[j].y })
	// In mist or fog a layer of it lies between the rows, over the feet of
	// each row and before the next: the further rows fade row by row.
	misty := p.weather == "mist" || p.weather == "fog" || p.el["mist"] || p.el["fog"]
	row := 0
	for _, s := range spots {
		for misty && row < rows-1 && s.y > top+(bottom-top)*(float32(row)+0.5)/float32(rows-1) {
			d.mistRow(top, bottom, row, rows)
			row++
		}
		d.tree(s)
	}
}

// mistRow lays a thin band of mist over the foot of forest row r of rows.
func (d *painter) mistRow(top, bottom float32, r, rows int) {
	t := float32(r) / float32(rows-1)
	y := top + (bottom-top)*t
	h := (40 + 140*t) * d.u
	amount := 0.75 - 0.3*t
	if d.p.weather == "fog" || d.p.el["fog"] {
		amount += 0.15
	}
	peak, spread := y-h*0.2, h*0.45
	d.fogBand(max(int(peak-spread*2.5), 0), min(int(peak+spread*2.5), d.h), peak, spread, amount, d.fogColour())
}

func (d *painter) tree(s treeSpot) {
	p := d.p
	switch s.kind {
	case treePine:
		d.pine(s.x, s.y, s.h, s.col, p.season == "winter" || p.el["snow"])
	case treePalm:
		d.palm(s.x, s.y, s.h, s.col)
	case treeBlossom:
		d.blossomTree(s.x, s.y, s.h)
	default:
		d.broadleaf(s.x, s.y, s.h, s.col, p.season == "winter")
	}
}

// jungle is a dense wall of broad leaves and palms.
func (d *painter) jungle(top, bottom float32) {
	d.painted("jungle")
	d.forest(top, bottom, []treeKind{treeBroad, treeBroad, treePalm}, 1.6)
	// Big leaves in the foreground.
	col := d.lit(hex("#2f6a2a"), 0)
	for i := 0; i < 14; i++ {
		x := d.rnd(0, float32(d.w))
		y := float32(d.h) + 10*d.u
		l := d.rnd(120, 260) * d.u
		a := float64(d.rnd(-2.4, -0.7))
		ex := x + float32(math.Cos(a))*l
		ey := y + float32(math.Sin(a))*l
		wd := l * 0.25
		d.moveTo(x, y)
		d.quadTo((x+ex)/2-wd*0.5, (y+ey)/2-wd, ex, ey)
		d.quadTo((x+ex)/2+wd*0.5, (y+ey)/2+wd, x, y)
		pt := solid(col.scale(d.rnd(0.7, 1.2)))
		d.fill(pt)
	}
}

package canvas

import (
	"strings"

	"github.com/easel-art/easel"
)

// objects_extra.go draws the objects whose category's generic would be
// wrong (in objectDrawers, named by productShapes): a scarf or a tie is not a
// sweater, gloves are a pair of hands, a guitar or a violin is not a box,
// a wine glass stands on a stem. It also finds which subject of a still
// life is the object (the first whose noun names a shape), and what keeps
// it company ("a wine bottle and two glasses").

// shapeWordOf is the shape a noun's words name, "" when none does.
func shapeWordOf(noun string) string {
	n := strings.ToLower(noun)
	for _, ps := range productShapes {
		if strings.Contains(n, ps.word) {
			return ps.shape
		}
	}
	return ""
}

// productSubject picks the still life's object among the subjects: the
// first object whose noun names a shape ("red" and "shoes" of a misread
// "a pair of red running shoes": the shoes), else the first subject that
// does, else the first object; ok is false when none is found that way.
func productSubject(subjects []easel.Subject) (easel.Subject, bool) {
	for _, x := range subjects {
		if (x.Element == "object" || x.Element == "bowl") && shapeWordOf(x.Noun) != "" {
			return x, true
		}
	}
	for i, x := range subjects {
		if (i == 0 || x.Element == "table") && x.Element != "food" && shapeWordOf(x.Noun) != "" && drinkWord(" "+strings.ToLower(x.Noun)+" ") == "" {
			return x, true
		}
	}
	for _, x := range subjects {
		if x.Element == "object" || x.Element == "bowl" {
			return x, true
		}
	}
	return easel.Subject{}, false
}

// strayColour is a colour the parser left as a noun of its own ("red" in
// "a pair of red running shoes"): it belongs to the object.
func strayColour(subjects []easel.Subject) (rgb, bool) {
	for _, x := range subjects {
		if c, ok := namedColour(strings.ToLower(x.Noun)); ok {
			return c, true
		}
	}
	return rgb{}, false
}

// companionOf is a second object the words name beside the first ("and
// two glasses"), with its count: the still life shows it instead of a
// prop the seed picks.
func companionOf(subjects []easel.Subject, sub easel.Subject, words string) (string, int) {
	for _, x := range subjects {
		if x.Noun == sub.Noun || x.Element != "object" && x.Element != "bowl" {
			continue
		}
		shape := shapeWordOf(x.Noun)
		if shape == "" {
			continue
		}
		if isDrinkingGlass(x.Noun) && (strings.Contains(strings.ToLower(sub.Noun), "bottle") || hasWord(words, "wine")) {
			shape = "wineglass" // beside a bottle, glasses hold wine
		}
		return shape, countOf(&x, 1)
	}
	return "", 0
}

// isDrinkingGlass reports a glass to drink from, not spectacles.
func isDrinkingGlass(noun string) bool {
	n := strings.ToLower(noun)
	return strings.Contains(n, "glass") && !strings.Contains(n, "eyeglass") && !strings.Contains(n, "sunglass") && !strings.Contains(n, "spyglass")
}

// drinkIn is the drink a glass holds in the idea ("a glass of orange
// juice": the juice), nil when none.
func drinkIn(subjects []easel.Subject) *easel.Subject {
	for i := range subjects {
		if subjects[i].Category == "drink" {
			return &subjects[i]
		}
	}
	return nil
}

// objDrinkGlass draws a tumbler with the drink in it, in the drink's
// colour (its own, else the one WordNet gives it, else amber).
func (d *painter) objDrinkGlass(pr product, cx, base, s float32) {
	liquid := hex("#d8a040")
	if w := drinkWord(d.p.words); w != "" && w != "coffee" && w != "espresso" {
		_, liquid = d.drinkIn(liquid, liquid) // "an iced latte": milky, not amber
	}
	if dr := drinkIn(d.p.subjects); dr != nil {
		if c, ok := colourOf(dr); ok {
			liquid = c
		}
		if strings.Contains(strings.ToLower(dr.Noun), "water") {
			liquid = hex("#cfe4ee")
		}
	}
	d.shadow(cx, base, s*0.35)
	w, h := s*0.3, s*0.95
	d.poly(cx-w, base-h, cx+w, base-h, cx+w*0.85, base, cx-w*0.85, base)
	d.fill(paint{col: d.lit(hex("#e8f0f4"), 0), alpha: 0.4})
	d.poly(cx-w*0.95, base-h*0.8, cx+w*0.95, base-h*0.8, cx+w*0.83, base-s*0.04, cx-w*0.83, base-s*0.04)
	d.fill(vgrad(d.lit(liquid.scale(1.15), 0), d.lit(liquid.scale(0.8), 0), base-h*0.8, base))
	d.ellipse(cx, base-h*0.8, w*0.95, w*0.2)
	d.fillNoInk(solid(d.lit(liquid.scale(1.2), 0)))
	d.ellipse(cx, base-h, w, w*0.2)
	d.strokeOpen(max(1.5*d.u, 1), rgb{1, 1, 1}, 0.5)
	d.rect(cx-w*0.7, base-h*0.9, cx-w*0.55, base-h*0.15)
	d.fillNoInk(paint{col: rgb{1, 1, 1}, alpha: 0.35})
}

// objShoes draws a shoe, or a pair: the second behind and to the side.
func (d *painter) objShoes(pr product, cx, base, s float32) {
	sneaker := strings.Contains(pr.noun, "sneaker") || strings.Contains(pr.noun, "trainer") || strings.Contains(pr.noun, "running")
	if pr.pair {
		s *= 0.82
		d.shoe(cx+s*0.32, base-s*0.14, s*0.94, pr.col.scale(0.85), pr.shape == "boot", sneaker)
		cx -= s * 0.12
	}
	d.shoe(cx, base, s, pr.col, pr.shape == "boot", sneaker)
}

// objScarf draws a knitted scarf hung over a bar, its two ends falling
// with a fringe, or a necktie.
func (d *painter) objScarf(pr product, cx, base, s float32) {
	col := pr.col
	H := float32(d.h)
	top := max(base-s*1.9, H*0.12)
	if pr.shape == "tie" {
		d.poly(cx-s*0.09, top, cx+s*0.09, top, cx+s*0.06, top+s*0.14, cx-s*0.06, top+s*0.14)
		d.fill(solid(col.scale(0.85)))
		d.poly(cx-s*0.06, top+s*0.14, cx+s*0.06, top+s*0.14, cx+s*0.2, top+s*1.3, cx, top+s*1.5, cx-s*0.2, top+s*1.3)
		d.fill(vgrad(shade(col, -0.3, 0), col.scale(0.8), top, top+s*1.5))
		for k := range 6 {
			y := top + s*(0.3+0.18*float32(k))
			d.line(cx-s*0.15, y, cx+s*0.15, y-s*0.08, max(2*d.u, s*0.015))
		}
		d.fillNoInk(paint{col: col.mix(rgb{1, 1, 1}, 0.5), alpha: 0.5})
		return
	}
	// The bar it hangs from.
	d.roundRect(cx-s*0.8, top-s*0.04, cx+s*0.8, top+s*0.04, s*0.03)
	d.fill(solid(d.lit(hex("#8a6a4a"), 0)))
	w := s * 0.28
	for i, side := range []float32{-1, 1} {
		x := cx + side*s*0.22
		l := s * (1.45 - 0.25*float32(i))
		d.moveTo(x-w/2, top)
		d.quadTo(x-w/2+side*s*0.04, top+l*0.5, x-w/2, top+l)
		d.lineTo(x+w/2, top+l)
		d.quadTo(x+w/2+side*s*0.04, top+l*0.5, x+w/2, top)
		d.fill(vgrad(shade(col, -0.2, 0), col.scale(0.78-0.08*float32(i)), top, top+l))
		// Knitted ribs, a stripe near the end, the fringe.
		for k := 1; k < 6; k++ {
			rx := x - w/2 + w*float32(k)/6
			d.line(rx, top+s*0.05, rx, top+l-s*0.02, max(1.2*d.u, s*0.008))
		}
		d.fillNoInk(paint{col: col.scale(0.6), alpha: 0.35})
		d.rect(x-w/2, top+l-s*0.22, x+w/2, top+l-s*0.15)
		d.fillNoInk(solid(col.mix(rgb{1, 1, 1}, 0.6)))
		for k := range 7 {
			fx := x - w/2 + w*(float32(k)+0.5)/7
			d.line(fx, top+l, fx+d.rnd(-0.01, 0.01)*s, top+l+s*0.14, max(2*d.u, s*0.014))
		}
		d.fillNoInk(solid(col.scale(0.85)))
	}
	// The fold over the bar.
	d.roundRect(cx-s*0.38, top-s*0.08, cx+s*0.38, top+s*0.1, s*0.06)
	d.fill(solid(shade(col, -0.35, 0)))
}

// objGloves draws a pair of gloves or mittens lying side by side.
func (d *painter) objGloves(pr product, cx, base, s float32) {
	col := pr.col
	mitten := strings.Contains(pr.noun, "mitten")
	d.shadow(cx, base, s*0.8)
	for i, side := range []float32{-1, 1} {
		x := cx + side*s*0.32
		c := col.scale(1 - 0.12*float32(i))
		d.roundRect(x-s*0.2, base-s*0.5, x+s*0.2, base, s*0.08) // cuff and palm
		d.fill(vgrad(shade(c, -0.2, 0), c.scale(0.8), base-s*0.5, base))
		d.poly(x-side*s*0.2, base-s*0.35, x-side*s*0.38, base-s*0.62, x-side*s*0.3, base-s*0.68, x-side*s*0.12, base-s*0.48)
		d.fill(solid(c.scale(0.9))) // the thumb
		if mitten {
			d.ellipse(x, base-s*0.62, s*0.2, s*0.22)
			d.fill(solid(c))
		} else {
			for k := range 4 {
				fx := x - s*0.15 + s*0.1*float32(k)
				d.roundRect(fx-s*0.045, base-s*(0.8+0.06*float32(k%3)), fx+s*0.045, base-s*0.45, s*0.04)
				d.fill(solid(c))
			}
		}
		d.rect(x-s*0.2, base-s*0.1, x+s*0.2, base)
		d.fill(solid(c.scale(0.65)))
	}
}

// objGuitar draws a guitar (or a violin: narrower, with f-holes and a
// scroll) leaning upright: a waisted body, sound hole, neck and head.
func (d *painter) objGuitar(pr product, cx, base, s float32) {
	col := pr.col
	violin := pr.shape == "violin"
	h := s * 1.9
	bw := s * 0.42
	if violin {
		bw = s * 0.3
	}
	d.shadow(cx, base, bw*1.2)
	lower, upper := base-h*0.18, base-h*0.42
	// The neck and the head first, behind the body's top.
	d.rect(cx-s*0.045, base-h*0.95, cx+s*0.045, upper)
	d.fill(solid(d.lit(hex("#3a2418"), 0)))
	if violin {
		d.disc(cx, base-h*0.97, s*0.06, d.lit(col.scale(0.7), 0), 1, false)
	} else {
		d.roundRect(cx-s*0.08, base-h, cx+s*0.08, base-h*0.9, s*0.02)
		d.fill(solid(d.lit(hex("#2a1a12"), 0)))
	}
	// The body: a lower bout, a waist, an upper bout.
	d.ellipse(cx, lower, bw, h*0.18)
	d.ellipse(cx, upper, bw*0.78, h*0.14)
	d.rect(cx-bw*0.6, upper, cx+bw*0.6, lower)
	d.fill(vgrad(shade(col, -0.35, 0.3), col.scale(0.7), upper-h*0.14, base))
	d.ellipse(cx-bw*0.55, (upper+lower)/2, bw*0.12, h*0.07)
	d.ellipse(cx+bw*0.55, (upper+lower)/2, bw*0.12, h*0.07)
	d.fillNoInk(solid(pr.bg.mix(col.scale(0.5), 0.5))) // the waist's curves
	if violin {
		for _, sx := range []float32{-1, 1} {
			d.moveTo(cx+sx*bw*0.3, lower-h*0.1)
			d.quadTo(cx+sx*bw*0.42, lower-h*0.03, cx+sx*bw*0.3, lower+h*0.04)
			d.strokeOpen(max(2*d.u, s*0.015), hex("#1a120c"), 1)
		}
	} else {
		d.disc(cx, (upper+lower)/2-h*0.02, bw*0.28, hex("#1a120c"), 1, false)
		d.rect(cx-bw*0.3, lower+h*0.06, cx+bw*0.3, lower+h*0.085)
		d.fill(solid(d.lit(hex("#2a1a12"), 0))) // the bridge
	}
	for k := range 4 {
		x := cx - s*0.03 + s*0.02*float32(k)
		d.line(x, base-h*0.94, x, lower+h*0.07, max(0.8*d.u, 0.6))
	}
	d.fillNoInk(paint{col: hex("#e8e4d8"), alpha: 0.8})
}

// objWineGlass draws a wine glass on its stem, with wine in the bowl.
func (d *painter) objWineGlass(pr product, cx, base, s float32) {
	d.shadow(cx, base, s*0.3)
	glass := paint{col: d.lit(hex("#e8f0f4"), 0), alpha: 0.45}
	d.ellipse(cx, base-s*0.02, s*0.22, s*0.05)
	d.fill(glass)
	d.rect(cx-s*0.025, base-s*0.55, cx+s*0.025, base)
	d.fill(glass)
	top, bowl := base-s*1.15, base-s*0.55
	d.moveTo(cx-s*0.3, top)
	d.cubeTo(cx-s*0.32, bowl-s*0.1, cx-s*0.1, bowl, cx, bowl)
	d.cubeTo(cx+s*0.1, bowl, cx+s*0.32, bowl-s*0.1, cx+s*0.3, top)
	d.fill(glass)
	wine := hex("#6a1020")
	if hasWord(d.p.words, "white wine") || hasWord(d.p.words, "champagne") || hasWord(d.p.words, "prosecco") {
		wine = hex("#e8d080")
	}
	lv := top + s*0.3
	d.moveTo(cx-s*0.29, lv)
	d.cubeTo(cx-s*0.28, bowl-s*0.1, cx-s*0.1, bowl, cx, bowl)
	d.cubeTo(cx+s*0.1, bowl, cx+s*0.28, bowl-s*0.1, cx+s*0.29, lv)
	d.fill(vgrad(d.lit(wine.scale(1.3), 0), d.lit(wine, 0), lv, bowl))
	d.rect(cx-s*0.22, top+s*0.06, cx-s*0.18, bowl-s*0.15)
	d.fillNoInk(paint{col: rgb{1, 1, 1}, alpha: 0.4})
}

// objPiano draws an upright piano: the case, the keyboard, a music stand.
func (d *painter) objPiano(pr product, cx, base, s float32) {
	col := pr.col
	w, h := s*1.5, s*1.15
	d.shadow(cx, base, w*0.6)
	d.rect(cx-w/2, base-h, cx+w/2, base)
	d.fill(vgrad(shade(col, -0.3, 0.5), col.scale(0.8), base-h, base))
	d.rect(cx-w/2-s*0.03, base-h-s*0.05, cx+w/2+s*0.03, base-h)
	d.fill(solid(shade(col, -0.5, 0.5)))
	ky := base - h*0.48
	d.rect(cx-w/2, ky, cx+w/2, ky+h*0.1)
	d.fill(solid(hex("#f4f0e6")))
	for k := range 21 {
		x := cx - w/2 + w*float32(k)/21
		d.line(x, ky, x, ky+h*0.1, max(0.8*d.u, 0.5))
		if k%7 != 2 && k%7 != 6 {
			d.rect(x+w/21*0.65, ky, x+w/21*1.3, ky+h*0.06)
		}
	}
	d.fillNoInk(solid(hex("#1a1a1a")))
	d.rect(cx-w*0.2, base-h*0.85, cx+w*0.2, base-h*0.62)
	d.fill(solid(d.lit(hex("#f0ead8"), 0)))
	for _, lx := range []float32{-0.42, 0.42} {
		d.rect(cx+lx*w-s*0.03, ky+h*0.1, cx+lx*w+s*0.03, base)
	}
	d.fill(solid(col.scale(0.6)))
}

// pottedPlant reports a plant or tree named in a pot ("a bonsai tree in a
// pot", "a lemon tree in a terracotta planter").
func pottedPlant(subjects []easel.Subject) bool {
	if len(subjects) < 2 {
		return false
	}
	switch subjects[0].Category {
	case "tree", "plant":
	default:
		return false
	}
	for _, x := range subjects[1:] {
		n := strings.ToLower(x.Noun)
		if strings.Contains(n, "pot") || strings.Contains(n, "planter") || strings.Contains(n, "tub") {
			return true
		}
	}
	return false
}

// trainedPlant reports a plant that lives in a pot by its name ("a
// bonsai tree", "a succulent"), set on a table.
func trainedPlant(subjects []easel.Subject) bool {
	if len(subjects) == 0 {
		return false
	}
	f := subjects[0]
	if f.Category != "tree" && f.Category != "plant" {
		return false
	}
	return shapeWordOf(strings.Join(append(append([]string{}, f.Adjectives...), f.Noun), " ")) == "plant"
}

// pottedTree grows a small tree from the pot's mouth at (cx, y): a
// twisting trunk and flat pads of foliage, as a bonsai is trained.
func (d *painter) pottedTree(cx, y, s float32) {
	bark := d.lit(hex("#6a4a32"), 0)
	d.moveTo(cx-s*0.06, y)
	d.cubeTo(cx-s*0.25, y-s*0.3, cx+s*0.25, y-s*0.45, cx-s*0.05, y-s*0.85)
	d.lineTo(cx+s*0.03, y-s*0.85)
	d.cubeTo(cx+s*0.32, y-s*0.45, cx-s*0.15, y-s*0.3, cx+s*0.06, y)
	d.fill(vgrad(bark.scale(1.1), bark.scale(0.8), y-s*0.85, y))
	d.line(cx, y-s*0.5, cx+s*0.4, y-s*0.6, s*0.04)
	d.line(cx-s*0.02, y-s*0.65, cx-s*0.38, y-s*0.72, s*0.035)
	d.fill(solid(bark))
	green := d.lit(hex("#3a7a3a"), 0)
	for _, pad := range [][3]float32{{0.42, 0.66, 0.2}, {-0.38, 0.78, 0.18}, {0, 0.95, 0.26}, {0.15, 0.82, 0.16}} {
		x, yy, r := cx+pad[0]*s, y-pad[1]*s, pad[2]*s
		d.ellipse(x, yy, r, r*0.45)
		d.fill(vgrad(green.scale(1.2), green.scale(0.75), yy-r*0.45, yy+r*0.45))
	}
}

// objTrumpet draws a brass horn lying on its side: mouthpiece, a looped
// tube, three valves and a flaring bell.
func (d *painter) objTrumpet(pr product, cx, base, s float32) {
	col := pr.col
	d.shadow(cx, base, s*0.9)
	y := base - s*0.35
	L := s * 1.7
	x0 := cx - L/2
	tw := max(s*0.05, 1.5)
	// The loop under the main tube, then the main tube.
	d.roundRect(x0+L*0.25, y, x0+L*0.7, y+s*0.22, s*0.11)
	d.roundRect(x0+L*0.25+tw, y+tw, x0+L*0.7-tw, y+s*0.22-tw, s*0.08)
	d.fill(vgrad(shade(col, -0.4, 0.6), col.scale(0.7), y, y+s*0.22))
	d.rect(x0, y-tw/2, x0+L*0.75, y+tw/2)
	d.fill(solid(shade(col, -0.3, 0.6)))
	// The bell.
	d.moveTo(x0+L*0.72, y-tw/2)
	d.quadTo(x0+L*0.92, y-tw, x0+L, y-s*0.2)
	d.lineTo(x0+L, y+s*0.2)
	d.quadTo(x0+L*0.92, y+tw, x0+L*0.72, y+tw/2)
	d.fill(vgrad(shade(col, -0.45, 0.6), col.scale(0.65), y-s*0.2, y+s*0.2))
	d.ellipse(x0+L, y, s*0.05, s*0.2)
	d.fill(solid(col.scale(0.5)))
	// Valves and the mouthpiece.
	for k := range 3 {
		vx := x0 + L*(0.38+0.08*float32(k))
		d.rect(vx-s*0.03, y-s*0.22, vx+s*0.03, y+s*0.05)
		d.fill(vgrad(shade(col, -0.3, 0.6), col.scale(0.75), y-s*0.22, y))
		d.ellipse(vx, y-s*0.23, s*0.045, s*0.02)
		d.fill(solid(shade(col, -0.5, 0.6)))
	}
	d.ellipse(x0, y, s*0.04, s*0.05)
	d.fill(solid(col.scale(0.6)))
}

// objDrum draws a drum: a short cylinder with its skin, hoops and the
// cords that tension it, two sticks across the top.
func (d *painter) objDrum(pr product, cx, base, s float32) {
	col := pr.col
	d.shadow(cx, base, s*0.7)
	d.lathe(cx, base, s*0.6, [][2]float32{{0, 0.6 * s}, {1, 0.6 * s}}, col, pr.gloss, topLid)
	top := base - s*0.6
	d.ellipse(cx, top, s*0.6, s*0.6*0.28)
	d.fill(solid(d.lit(hex("#f0ead8"), 0)))
	for k := range 7 {
		t := float32(k)/6*2 - 1
		x := cx + t*s*0.55
		d.line(x, top+s*0.08, x+s*0.08*sign32(-t+0.01), base-s*0.08, max(1.5*d.u, 1))
	}
	d.fillNoInk(solid(hex("#e8e0c8")))
	d.line(cx-s*0.5, top-s*0.2, cx+s*0.1, top+s*0.05, s*0.035)
	d.line(cx-s*0.3, top-s*0.28, cx+s*0.25, top, s*0.035)
	d.fill(solid(d.lit(hex("#c8a060"), 0)))
}

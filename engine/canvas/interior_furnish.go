package canvas

import (
	"reflect"
	"runtime"
	"slices"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/lexical"
)

// interior_furnish.go decides what furnishes a room: the pieces the idea
// names (its furniture, and the fixtures and appliances the drawing table
// below has a drawing for: a bathtub, a sink, a stove, a fridge, computer
// monitors), in their colour and count; and where the idea names none,
// what WordNet says stands in a room of its kind (lexical.Furnishings: a
// bedroom's bed, a bathroom's bathtub and washbasin, a study's desk, a
// nursery's crib), so "a bedroom with a big window" has its bed.

// pieceDrawer is how one kind of piece is drawn, and its colour when the
// idea gives none.
type pieceDrawer struct {
	word string
	draw func(d *painter, x, y, s float32, col rgb)
	col  string
}

// furnitureShapes maps the words of a piece's noun (or of its kind, from
// WordNet: a crib is a "baby bed") to its drawing, first match wins. It
// says how to draw, not what stands in which room.
var furnitureShapes = []pieceDrawer{
	{"filing cabinet", (*painter).fileCabinet, "#8a9098"}, {"file cabinet", (*painter).fileCabinet, "#8a9098"},
	{"sofa", (*painter).sofa, "#8a4a3a"}, {"couch", (*painter).sofa, "#8a4a3a"}, {"settee", (*painter).sofa, "#8a4a3a"},
	{"love seat", (*painter).sofa, "#8a4a3a"},
	{"crib", (*painter).crib, "#f0ece4"}, {"cradle", (*painter).crib, "#f0ece4"}, {"bassinet", (*painter).crib, "#f0ece4"},
	{"baby bed", (*painter).crib, "#f0ece4"},
	{"bathtub", (*painter).bathtub, "#f4f2ee"}, {"tub", (*painter).bathtub, "#f4f2ee"},
	{"bunk", (*painter).bunkBed, "#c84a3a"}, {"bed", (*painter).bed, "#5a7aa8"},
	{"washbasin", (*painter).washbasin, "#f4f2ee"}, {"sink", (*painter).washbasin, "#f4f2ee"}, {"basin", (*painter).washbasin, "#f4f2ee"},
	{"stove", (*painter).stove, "#e8e4dc"}, {"oven", (*painter).stove, "#e8e4dc"}, {"cooker", (*painter).stove, "#e8e4dc"},
	{"refrigerator", (*painter).fridge, "#eef0f0"}, {"fridge", (*painter).fridge, "#eef0f0"}, {"icebox", (*painter).fridge, "#eef0f0"},
	{"freezer", (*painter).fridge, "#eef0f0"},
	{"washing machine", (*painter).washer, "#f2f2f0"}, {"washer", (*painter).washer, "#f2f2f0"}, {"dryer", (*painter).washer, "#f2f2f0"},
	{"desk", (*painter).desk, "#8a5a32"}, {"secretary", (*painter).desk, "#8a5a32"},
	{"table", (*painter).tableFurniture, "#8a5a32"},
	{"bench", (*painter).sofa, "#8a5a32"},
	{"armchair", (*painter).armchair, "#8a4a3a"}, {"easy chair", (*painter).armchair, "#8a4a3a"},
	{"chair", (*painter).sideChair, "#8a5a32"},
}

// screenWords name what stands on a desk and shows a screen: "two
// computer monitors", "a laptop" is an object of its own (rooms.go).
var screenWords = []string{"monitor", "computer", "screen", "display"}

// drawerFor finds the drawing of a piece by its noun, "" when it has none.
func drawerFor(noun string) (pieceDrawer, bool) {
	n := strings.ToLower(noun)
	for _, f := range furnitureShapes {
		if strings.Contains(n, f.word) {
			return f, true
		}
	}
	return pieceDrawer{}, false
}

// screenNoun reports whether a noun is a screen on a desk.
func screenNoun(noun string) bool {
	n := " " + strings.ToLower(noun) + " "
	for _, w := range screenWords {
		if hasWord(n, w) {
			return true
		}
	}
	return false
}

// wallPiece reports whether a piece of furniture is drawn on the walls
// or at the back rather than on the floor: shelves line the walls
// (interior.go), the counter stands at the back, a lamp on the floor
// (rooms.go).
func wallPiece(n string) bool {
	return strings.Contains(n, "shel") || strings.Contains(n, "bookcase") || strings.Contains(n, "counter") || n == "bar" || strings.Contains(n, "lamp") ||
		strings.Contains(n, "cabinet") && !strings.Contains(n, "fil") || strings.Contains(n, "cupboard")
}

// phraseOf is a subject's noun with the words before it that make its
// name: "washing machine".
func phraseOf(sub *easel.Subject) string {
	n := strings.ToLower(sub.Noun)
	for _, a := range sub.Adjectives {
		if a := strings.ToLower(a); lexical.Furnishings(a) == nil {
			if _, _, ok := lexical.FindNoun(a + " " + n); ok { // "bunk beds" too
				return a + " " + n
			}
		}
	}
	return n
}

// furnishedBy reports whether the room's furniture draws the subject: a
// piece of furniture, or a fixture or appliance with a drawing.
func furnishedBy(sub *easel.Subject) bool {
	n := phraseOf(sub)
	if screenNoun(n) {
		return true // "two monitors", which WordNet may take for people who monitor
	}
	switch sub.Category {
	case "room", "person", "food", "drink", "building", "settlement":
		return false
	}
	if sub.Category == "furniture" && !wallPiece(n) {
		return true
	}
	if _, ok := drawerFor(n); ok && !wallPiece(n) {
		return true
	}
	return screenNoun(n)
}

// roomKind is the lemma of the room the idea is, as WordNet knows rooms:
// "dining room" in "a sunny dining room", "bathroom"; "" when WordNet
// lists nothing for it.
func roomKind(p *plan) string {
	ws := strings.Fields(p.words)
	for i := 0; i+1 < len(ws); i++ {
		if k := ws[i] + " " + ws[i+1]; lexical.Furnishings(k) != nil {
			return k
		}
	}
	for _, sub := range p.subjects {
		if e, _, ok := lexical.FindNoun(strings.ToLower(sub.Noun)); ok && lexical.Furnishings(e.Lemma) != nil {
			return e.Lemma
		}
	}
	for _, w := range ws {
		// The room of the setting: "a boy sleeping in his bedroom".
		if e, _, ok := lexical.FindNoun(w); ok && e.Category() == "room" && lexical.Furnishings(e.Lemma) != nil {
			return e.Lemma
		}
	}
	return ""
}

// roomPiece is one piece placed on the floor.
type roomPiece struct {
	word     string // the drawing's word in furnitureShapes
	draw     func(d *painter, x, y, s float32, col rgb)
	col      rgb
	desk     bool // screens stand on it
	coloured bool // the idea gave its colour
}

// roomPieces lists the pieces the room stands on its floor, left to
// right, and how many screens stand on its desk.
func (d *painter) roomPieces() (pieces []roomPiece, screens int, screenCol *rgb, sinks []rgb) {
	p := d.p
	for i := range p.subjects {
		s := &p.subjects[i]
		if !furnishedBy(s) {
			continue
		}
		n := phraseOf(s)
		if screenNoun(n) {
			d.paintedSub(s) // on the desk
			screens += countOf(s, 1)
			if c, ok := factColour(s); ok {
				screenCol = &c
			}
			continue
		}
		f, ok := drawerFor(n)
		if !ok {
			f = pieceDrawer{"chair", (*painter).armchair, "#8a4a3a"} // a piece with no shape of its own
			d.plainly(s)
		} else {
			d.paintedSub(s)
		}
		if f.word == "desk" && (slices.ContainsFunc(s.Adjectives, func(a string) bool { return strings.EqualFold(a, "standing") }) || hasWord(p.words, "standing desk")) {
			f = pieceDrawer{"desk", (*painter).standingDesk, f.col} // its top at a standing person's waist
		}
		if f.word == "chair" && upholstered(s) {
			f = pieceDrawer{"armchair", (*painter).armchair, "#6a3a22"} // "a leather chair"
		}
		col, coloured := factColour(s)
		if !coloured {
			col = hex(f.col)
		}
		many := countOf(s, 1)
		if s.Plural && s.Count == 0 {
			many = 3 // "wooden desks": a few
			if f.word == "bunk" {
				many = 1 // "bunk beds": one frame, its two beds
			}
		}
		if _, counter := counterRoom(p); counter && (f.word == "sink" || f.word == "basin") {
			if !coloured {
				col = hex("#b8bcc0") // steel
			}
			sinks = append(sinks, col) // "a kitchen with a sink": in its counter
			continue
		}
		for range many {
			pieces = append(pieces, roomPiece{canon(f), f.draw, col, isDesk(f.word), coloured})
		}
	}
	if len(pieces) == 0 {
		pieces = d.kindPieces()
	}
	if s := p.subjectOf("person"); len(pieces) == 0 && s != nil && seatedIn(s) {
		pieces = append(pieces, roomPiece{"armchair", (*painter).armchair, hex("#8a4a3a"), false, false}) // "knitting by the fireplace": in an armchair
	}
	if screens > 0 && !anyDesk(pieces) {
		pieces = append(pieces, roomPiece{"desk", (*painter).desk, hex("#8a5a32"), true, false}) // "two monitors" stand on a desk
	}
	return pieces, screens, screenCol, sinks
}

// isDesk reports whether a drawing's word is one screens stand on.
func isDesk(word string) bool {
	return word == "desk" || word == "secretary" || word == "table"
}

// anyDesk reports whether a piece is a desk or a table.
func anyDesk(ps []roomPiece) bool {
	for _, pc := range ps {
		if pc.desk {
			return true
		}
	}
	return false
}

// kindPieces furnishes a room whose idea names no piece of its own with
// what WordNet says stands in a room of its kind: the first two it has a
// drawing for ("bathroom": bathtub, washbasin; "kitchen": stove, sink).
// A room WordNet links nothing drawable to is a room to sit in (a sofa),
// or, named as a place (an office), one to work in (a desk).
func (d *painter) kindPieces() []roomPiece {
	p := d.p
	var out []roomPiece
	var used []string
	for _, f := range lexical.Furnishings(roomKind(p)) {
		pd, ok := drawerFor(f.Name)
		if !ok {
			pd, ok = drawerFor(f.Kind)
		}
		if !ok || wallPiece(f.Name) || containsStr(used, drawing(pd)) {
			continue
		}
		if _, counter := counterRoom(p); counter && pd.word == "sink" {
			continue // a kitchen's sink is in its counter
		}
		used = append(used, drawing(pd))
		out = append(out, roomPiece{canon(pd), pd.draw, hex(pd.col), isDesk(pd.word), false})
		if len(out) == 2 {
			break
		}
	}
	if len(out) > 0 || hasWord(p.words, "fireplace") || hasWord(p.words, "library") || hasWord(p.words, "book") {
		return out // the fireplace or the shelves furnish it (interior.go)
	}
	if _, ok := counterRoom(p); ok {
		return out // a kitchen or a cafe has its counter
	}
	if sub := p.subjects; len(sub) > 0 && sub[0].Category == "room" {
		return []roomPiece{{"sofa", (*painter).sofa, hex("#8a4a3a"), false, false}}
	}
	if sub := p.subjects; len(sub) > 0 && (sub[0].Category == "structure" || sub[0].Category == "building") && roomKind(p) != "" {
		return []roomPiece{{"desk", (*painter).desk, hex("#8a5a32"), true, false}} // an office: a place to work
	}
	return out
}

// drawing names a drawer's drawing, the same for its every word (a
// secretary and a desk are one drawing).
func drawing(pd pieceDrawer) string {
	return runtime.FuncForPC(reflect.ValueOf(pd.draw).Pointer()).Name()
}

// canon is the first word of furnitureShapes with a drawer's drawing: a
// secretary is drawn as a "desk", a cradle as a "crib".
func canon(pd pieceDrawer) string {
	for _, f := range furnitureShapes {
		if drawing(f) == drawing(pd) {
			return f.word
		}
	}
	return pd.word
}

// containsStr reports whether ss holds s.
func containsStr(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// furnish draws the room's pieces along the floor, from y down, and the
// screens on the desk; it returns where the first seat stands (an
// armchair, a sofa, a bed), for whoever sits in the room. A fireplace
// keeps the middle of the wall: one or two pieces stand beside it.
func (d *painter) furnish(floorY float32) (seat, bed roomSpot) {
	W, H := float32(d.w), float32(d.h)
	pieces, screens, screenCol, sinks := d.roomPieces()
	for i, col := range sinks {
		d.counterSink(W*(0.3+0.4*float32(i%2)), H*0.617, W*0.2, d.lit(col, 0.05)) // the counter's top (interior.go)
	}
	if d.diningSet(pieces, floorY) {
		return seat, bed
	}
	hearth := hasFireplace(d.p) && len(pieces) <= 2
	deskDone := false
	for i, pc := range pieces {
		f := (float32(i) + 0.5) / float32(len(pieces))
		x := W * (0.5 + (f-0.5)*0.82)
		if hearth {
			x = W * (0.2 + 0.6*float32(i%2))
		}
		if !seat.ok && roomSeats[pc.word] {
			seat = roomSpot{x, H * 0.93, true}
		}
		y := max(floorY, H*0.86)
		s := W * 0.28 * min(1, 1.6/(float32(len(pieces))+0.6))
		if hearth {
			s = W * 0.2 // beside the fireplace, whole
		}
		pc.draw(d, x, y, s, d.lit(pc.col, 0.05))
		if !bed.ok && (pc.word == "bed" || pc.word == "sofa") {
			bed = roomSpot{x + s*0.1, y - s*0.3, true} // on its mattress, its cushions
		}
		if pc.desk && screens > 0 && !deskDone {
			deskDone = true
			col := hex("#1e2024")
			if screenCol != nil {
				col = *screenCol
			}
			top := y - s*0.72
			if drawing(pieceDrawer{draw: pc.draw}) == drawing(pieceDrawer{draw: (*painter).standingDesk}) {
				top = y - s*1.05
			}
			d.screens(x, top, s, min(screens, 4), d.lit(col, 0.05))
		}
	}
	return seat, bed
}

// roomSpot is where a figure sits or lies in the room.
type roomSpot struct {
	x, y float32
	ok   bool
}

// roomSeats are the drawings a person in the room sits in.
var roomSeats = map[string]bool{"armchair": true, "easy chair": true, "chair": true, "sofa": true, "couch": true, "settee": true, "love seat": true, "bench": true}

// hasFireplace reports whether the room has its fireplace (interior.go).
func hasFireplace(p *plan) bool {
	return hasWord(p.words, "fireplace") || hasWord(p.words, "hearth") || hasWord(p.words, "fire")
}

// diningSet draws a table with its chairs around it, half on each side,
// when those are all the pieces ("a long table and four chairs"); it
// reports whether it did.
func (d *painter) diningSet(pieces []roomPiece, floorY float32) bool {
	var table *roomPiece
	var chairs []roomPiece
	for i := range pieces {
		switch pieces[i].word {
		case "table":
			if table != nil {
				return false
			}
			table = &pieces[i]
		case "chair", "armchair":
			chairs = append(chairs, pieces[i])
		default:
			return false
		}
	}
	if table == nil || len(chairs) == 0 {
		return false
	}
	W, H := float32(d.w), float32(d.h)
	y := max(floorY, H*0.86)
	s := W * 0.2
	for i, c := range chairs {
		side, k := float32(-1), float32(i/2)
		if i%2 == 1 {
			side = 1
		}
		x := W*0.5 + side*(s*0.95+k*s*0.55)
		c.draw(d, x, y-k*s*0.06, s*0.8, d.lit(c.col, 0.05))
	}
	table.draw(d, W*0.5, y, s*1.15, d.lit(table.col, 0.05))
	return true
}

// upholstered reports whether a chair is made of leather or cloth: an
// armchair, not a wooden side chair.
func upholstered(s *easel.Subject) bool {
	for _, m := range append(s.Materials, s.Adjectives...) {
		switch strings.ToLower(m) {
		case "leather", "velvet", "upholstered", "padded", "fabric", "plush", "comfy", "comfortable":
			return true
		}
	}
	return false
}

// seatedIn reports whether a person in a room sits: neither standing nor
// on the move, at the stove or lying down.
func seatedIn(s *easel.Subject) bool {
	switch poseOf(s) {
	case "standing", "walking", "running", "dancing", "cooking", "jumping", "lying", "sleeping", "riding", "working", "kneeling", "building":
		return false
	}
	return true
}

package canvas

import "strings"

// frame is what a prompt's words say about the composition: where the main
// subject stands and where the horizon lies. The built-in writer's
// composition sentence says it ("a wide composition places the barn on the
// left third of the frame"); the canvas draws it, so the picture and its
// words agree. A Scene drawn without words (easel render) leaves both free.
type frame struct {
	// subjX is the main subject's x as a fraction of the width; 0 leaves
	// it to the seed.
	subjX float32
	// lowHorizon puts the horizon low, for "a low horizon and generous
	// space above".
	lowHorizon bool
	// layout is how an abstract work is arranged: "calm fields of color",
	// "rhythm", "diagonal", "edge to edge", "spiral" ("" when not said).
	layout string
}

// frameOf reads the composition words of a prompt text. seed picks the
// side for words that only say "off-center".
func frameOf(text string, seed int64) frame {
	if text == "" {
		return frame{}
	}
	t := strings.ToLower(text)
	var f frame
	switch {
	case strings.Contains(t, "left third"):
		f.subjX = 0.33
	case strings.Contains(t, "right third"):
		f.subjX = 0.67
	case strings.Contains(t, "off-center") || strings.Contains(t, "off-centre") || strings.Contains(t, "third line"):
		f.subjX = 0.38
		if seed&1 == 1 {
			f.subjX = 0.62
		}
	case containsAny(t, "at its center", "at its centre", " centers the ", " centres the ", "heart of the picture",
		"fills the middle", "fill the middle", "center of the frame", "centre of the frame", "centered in", "centred in"):
		f.subjX = 0.5
	}
	f.lowHorizon = strings.Contains(t, "low horizon")
	for _, l := range []string{"calm fields of color", "rhythm", "diagonal", "edge to edge", "spiral"} {
		if strings.Contains(t, l) {
			f.layout = l
			break
		}
	}
	return f
}

func containsAny(s string, subs ...string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// xFor returns an x for element el: where the composition words put the main
// subject, or else a seeded position between lo and hi (fractions of the
// width). It always draws from the random source, so placing the subject
// leaves the rest of the picture as the seed made it.
func (d *painter) xFor(el string, lo, hi float32) float32 {
	x := d.rnd(lo, hi)
	if d.p.subjX > 0 && el != "" && el == d.p.main {
		x = d.p.subjX
	}
	if el != "" && el == d.p.besideEl {
		x = d.p.besideX // what the subject stands beside (relations.go)
	}
	return x * float32(d.w)
}

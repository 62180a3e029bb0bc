package canvas

import (
	"image"
	"strings"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/scene"
)

func TestFrameOf(t *testing.T) {
	tests := []struct {
		text   string
		subjX  float32
		low    bool
		layout string
	}{
		{"A wide composition places the barn on the left third of the frame.", 0.33, false, ""},
		{"The barn anchors the right third of the frame, balanced by open space on the left.", 0.67, false, ""},
		{"Seen from high above, the composition reads like a map, with the island at its center.", 0.5, false, ""},
		{"A steady, eye-level composition centers the fox, with a gentle depth of field.", 0.5, false, ""},
		{"The composition is wide and open, with a low horizon and generous space above the field.", 0, true, ""},
		{"Rows of sunflowers turn their bright faces toward the light, petals glowing against dark centers.", 0, false, ""},
		{"A bold diagonal cuts through the composition. Treated abstractly, with shapes and fields of color.", 0, false, "diagonal"},
		{"The composition balances large, calm fields of color against small, busy clusters of shapes.", 0, false, "calm fields of color"},
		{"", 0, false, ""},
	}
	for _, tt := range tests {
		f := frameOf(tt.text, 2)
		if f.subjX != tt.subjX || f.lowHorizon != tt.low || f.layout != tt.layout {
			t.Errorf("frameOf(%q) = %+v; want subjX %v, low horizon %v, layout %q", tt.text, f, tt.subjX, tt.low, tt.layout)
		}
	}
	// "Off-center" picks a side by the seed, never the middle.
	for seed := int64(0); seed < 4; seed++ {
		if x := frameOf("The fox sits slightly off-center in a wide, balanced frame.", seed).subjX; x != 0.38 && x != 0.62 {
			t.Errorf("off-center seed %d: subjX %v", seed, x)
		}
	}
}

func FuzzFrameOf(f *testing.F) {
	for _, s := range []string{"places the barn on the left third", "at its center", "a low horizon", "", "LEFT THIRD right third"} {
		f.Add(s, int64(1))
	}
	f.Fuzz(func(t *testing.T, text string, seed int64) {
		fr := frameOf(text, seed)
		if fr.subjX != 0 && (fr.subjX < 0.3 || fr.subjX > 0.7) {
			t.Errorf("frameOf(%q): subjX %v out of the frame's thirds", text, fr.subjX)
		}
	})
}

// TestCompositionWordsPlaceTheSubject renders a red barn with the words of
// two compositions: the barn stands where the text says.
func TestCompositionWordsPlaceTheSubject(t *testing.T) {
	sc := &easel.Scene{Idea: "a red barn in a field", TimeOfDay: "noon", Weather: "clear",
		Subjects: []easel.Subject{{Noun: "barn", Element: "barn"}}, Elements: []string{"barn", "field"}}
	where := func(text string, seed int64) float64 {
		img := drawFramed(sc, "flat vector", 240, 160, seed, frameOf(text, seed))
		var sx, n float64
		for y := 0; y < 160; y++ {
			for x := 0; x < 240; x++ {
				i := y*img.Stride + x*4
				r, g, b := int(img.Pix[i]), int(img.Pix[i+1]), int(img.Pix[i+2])
				if r > 120 && r > 2*g && r > 2*b {
					sx += float64(x)
					n++
				}
			}
		}
		if n < 20 {
			t.Fatalf("seed %d: no red barn found (%v red pixels)", seed, n)
		}
		return sx / n / 240
	}
	for seed := int64(1); seed <= 4; seed++ {
		left := where("A wide composition places the red barn on the left third of the frame.", seed)
		right := where("The red barn anchors the right third of the frame, balanced by open space on the left.", seed)
		if left > 0.45 || right < 0.55 {
			t.Errorf("seed %d: barn at %.2f for the left third and %.2f for the right third", seed, left, right)
		}
	}
}

// TestViewsFromAbove: only what reads from straight above is drawn so; a
// mountain or a knight seen from above is seen from high up instead, and
// a bowl of ramen stays on its table.
func TestViewsFromAbove(t *testing.T) {
	tests := []struct {
		idea, kind string
	}{
		{"a tropical island seen from above", "aerial"},
		{"a red barn in a wheat field seen from above", "aerial"},
		{"a forest seen from above", "aerial"},
		{"a whale in the deep ocean seen from above", "aerial"},
		{"a snowy mountain peak from above", "landscape"},
		{"a knight seen from above", "landscape"},
		{"a harbor town from above", "landscape"},
		{"a bowl of ramen from above", "table"},
		{"an abstract pattern in red and gold", "abstract"},
		{"a ceramic coffee mug on a wooden table", "product"},
		{"a straw hat on a garden bench", "product"},
		{"a cup of coffee", "product"},
		{"a woman in a straw hat", "portrait"},
		{"a bowl of fruit on a table", "table"},
		{"a bowl of ramen on a wooden table", "table"},
		{"a cactus in the desert", "landscape"},
		{"a library full of books", "interior"},
		{"a table set for dinner", "table"},
		{"a vase of sunflowers", "product"},
		{"a knight with a sword", "portrait"},
		{"a knight holding a sword", "landscape"}, // whole, the sword in hand (people.go)
		{"a teddy bear on a bed", "product"},
		{"a cup of tea by the window", "product"},
	}
	for _, tt := range tests {
		sc := scene.Parse(tt.idea)
		c := newCanvas(64, 64, 1, styleFor(StylePhoto))
		p := makePlan(sc, StylePhoto, 64, 64, c, frame{})
		c.release()
		if p.kind != tt.kind {
			t.Errorf("%q: drawn as %q; want %q", tt.idea, p.kind, tt.kind)
		}
	}
}

// TestThingColoursStayOnThings: "green hills" are green, the sky above
// them stays blue; "in red and gold" colours the whole picture.
func TestThingColoursStayOnThings(t *testing.T) {
	skyBlue := func(idea string) (b, g, r float64) {
		sc := scene.Parse(idea)
		sc.TimeOfDay, sc.Weather = "noon", "clear"
		img := Draw(sc, "photo", 120, 120, 3)
		n := 0.0
		for y := 0; y < 18; y++ {
			for x := 0; x < 120; x++ {
				i := y*img.Stride + x*4
				r += float64(img.Pix[i])
				g += float64(img.Pix[i+1])
				b += float64(img.Pix[i+2])
				n++
			}
		}
		return b / n, g / n, r / n
	}
	if b, g, _ := skyBlue("a hot air balloon over green hills"); b < g+20 {
		t.Errorf("the sky over green hills is blue %.0f, green %.0f; want it blue", b, g)
	}
	if b, g, _ := skyBlue("a red barn in a field"); b < g+20 {
		t.Errorf("the sky over a red barn is blue %.0f, green %.0f; want it blue", b, g)
	}
	_, _, plain := skyBlue("a field of hills")
	if _, _, red := skyBlue("a field of hills in red and gold"); red < plain+10 {
		t.Errorf("'in red and gold' left the sky's red at %.0f (plain %.0f); want the picture warmed", red, plain)
	}
}

// BenchmarkDrawScenes1024 measures the compositions other than benchScene's
// at 1024x1024: a village, a tulip field, views from above, an abstract work.
func BenchmarkDrawScenes1024(b *testing.B) {
	for _, idea := range []string{"a village at noon", "a windmill in a tulip field", "a forest seen from above",
		"a whale in the deep ocean seen from above", "an abstract pattern in red and gold", "a desert canyon"} {
		sc := scene.Parse(idea)
		b.Run(strings.ReplaceAll(idea, " ", "-"), func(b *testing.B) {
			for b.Loop() {
				Draw(sc, "", 1024, 1024, 1)
			}
		})
	}
}

// TestAbstractLayouts draws an abstract idea in every arrangement the
// writer's composition words name, in every style: each is a picture, and
// the words pick the arrangement.
func TestAbstractLayouts(t *testing.T) {
	sc := scene.Parse("an abstract pattern in red and gold")
	var others []*image.RGBA
	for _, text := range []string{
		"The composition balances large, calm fields of color against small, busy clusters of shapes.",
		"Shapes repeat and turn across the frame in a steady rhythm.",
		"A bold diagonal cuts through the composition.",
		"The pattern fills the frame edge to edge, spilling past the borders.",
		"Shapes overlap and flow into one another, guiding the eye in a slow spiral.",
	} {
		var first *image.RGBA
		for _, st := range Styles {
			for seed := int64(0); seed < 3; seed++ {
				img := drawFramed(sc, st, 96, 72, seed, frameOf(text, seed))
				if _, _, sd := stats(img); sd < 0.02 {
					t.Errorf("%q in %s seed %d: luminance spread %.3f; nearly blank", text, st, seed, sd)
				}
				if st == StyleFlat && seed == 0 {
					first = img
				}
			}
		}
		for i, o := range others {
			if diff(first, o) == 0 {
				t.Errorf("%q draws the same picture as arrangement %d: the words do not pick the arrangement", text, i)
			}
		}
		others = append(others, first)
	}
}

// TestHeldThings: "a knight holding a sword" shows the sword beside him,
// and "a wizard with a staff" the staff: a tall, narrow thing beside the
// head; a knight with nothing in hand holds nothing.
func TestHeldThings(t *testing.T) {
	for _, tt := range []struct {
		idea string
		held bool
	}{
		{"a knight with a sword", true},
		{"a wizard with a staff", true},
		{"a knight", false},
	} {
		sc := scene.Parse(tt.idea)
		if sc.HasElement("table") {
			t.Errorf("%q: elements %v; a held thing is not on a table", tt.idea, sc.Elements)
		}
		c := newCanvas(120, 120, 1, styleFor(StylePhoto))
		d := &painter{canvas: c, p: makePlan(sc, StylePhoto, 120, 120, c, frame{})}
		if d.p.kind != "portrait" {
			t.Errorf("%q: drawn as %q; want a portrait", tt.idea, d.p.kind)
		}
		// On an empty canvas, only the held thing is drawn.
		d.heldThing(60, 54, 16, hex("#d8a07a"), hex("#8a9098"))
		cols, rows := map[int]bool{}, map[int]bool{}
		for y := 0; y < 120; y++ {
			for x := 0; x < 120; x++ {
				i := (y*120 + x) * 3
				if c.pix[i]+c.pix[i+1]+c.pix[i+2] > 0.3 { // not the faint reach of a glow
					cols[x], rows[y] = true, true
				}
			}
		}
		c.release()
		if !tt.held {
			if len(rows) > 0 {
				t.Errorf("%q: something drawn in %d rows; want nothing in hand", tt.idea, len(rows))
			}
			continue
		}
		if len(rows) < 60 || len(cols) == 0 || len(cols) > 30 {
			t.Errorf("%q: held thing spans %d rows and %d columns; want a tall, narrow thing", tt.idea, len(rows), len(cols))
		}
	}
}

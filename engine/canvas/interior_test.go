package canvas

import (
	"slices"
	"strings"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/scene"
)

// TestRoomFurnitureColour checks that a piece an interior names is drawn
// in its colour: the idea is drawn with the piece red and then blue (the
// same Scene but for that fact), and the pixels that differ must cover a
// part of the picture, red in the red one and blue in the blue one.
func TestRoomFurnitureColour(t *testing.T) {
	const size = 128
	for _, c := range []struct{ idea, noun string }{
		{"a bathroom with a freestanding bathtub", "bathtub"}, // a fixture: a tub, not a window and a plant
		{"a small bathroom with a sink", "sink"},
		{"a modern kitchen with a fridge", "fridge"},
		{"a kitchen with an old stove", "stove"},
		{"a laundry room with a washing machine", "machine"},
		{"a tiny kitchen with cabinets", "cabinets"},        // the counter's doors
		{"an office with two monitors", "monitors"},         // on a desk
		{"a woman sitting in a green armchair", "armchair"}, // a figure with indoor furniture is in a room
		{"a cluttered office with a filing cabinet", "cabinet"},
	} {
		for seed := int64(1); seed <= 2; seed++ {
			red, blue := scene.Parse(c.idea), scene.Parse(c.idea)
			i := slices.IndexFunc(red.Subjects, func(s easel.Subject) bool { return strings.EqualFold(s.Noun, c.noun) })
			if i < 0 {
				t.Fatalf("%q: no subject %q in %+v", c.idea, c.noun, red.Subjects)
			}
			red.Subjects[i].Colors, blue.Subjects[i].Colors = []string{"red"}, []string{"blue"}
			if k := planOf(red).kind; k != "interior" {
				t.Errorf("%q is drawn as %q, want a room", c.idea, k)
				continue
			}
			n, ra, rb := colourLanding(Draw(red, "", size, size, seed), Draw(blue, "", size, size, seed))
			if n <= size*size/400 || ra <= 0 || rb >= 0 {
				t.Errorf("%q seed %d: the %s's colour does not land: %d pixels, red-blue %+.0f/%+.0f", c.idea, seed, c.noun, n, ra, rb)
			}
		}
	}
}

// TestRoomKindFurniture checks that a room whose idea names no furniture
// is furnished as WordNet says rooms of its kind are (lexical.Furnishings),
// or, where WordNet says nothing drawable, as a room to sit or work in.
func TestRoomKindFurniture(t *testing.T) {
	for idea, want := range map[string]string{
		"a bedroom with a big window and plants":  "bed",
		"a hotel room at night":                   "bed", // a hotel room is a bedroom
		"a bright bathroom":                       "bathtub",
		"a nursery in the morning":                "crib", // a cradle, WordNet's first baby bed
		"a quiet study":                           "desk",
		"a kitchen at dawn":                       "stove",
		"a cozy living room":                      "sofa",     // WordNet links nothing: a room to sit in
		"a bedroom with a blue sofa":              "sofa",     // named furniture wins
		"a grandmother knitting by the fireplace": "armchair", // a seated figure sits in one
		"a barbershop with a leather chair":       "armchair", // upholstered
		"a boy sleeping in his bedroom":           "bed",      // the room of the setting
		"an office with a standing desk":          "desk",
		"a dining room with wooden chairs":        "chair",
	} {
		p := planOf(scene.Parse(idea))
		if p.kind != "interior" {
			t.Errorf("%q is drawn as %q, want a room", idea, p.kind)
			continue
		}
		pieces, _, _, _ := (&painter{p: p}).roomPieces()
		var got []string
		for _, pc := range pieces {
			got = append(got, pc.word)
		}
		if !slices.Contains(got, want) {
			t.Errorf("%q is furnished with %q, want a %s", idea, got, want)
		}
	}
}

// TestDarkRoom checks that a room the idea calls dark, or lit by a flame,
// is drawn at night (lamp-lit, dark outside) when it names no time, and
// that dark things in a room do not darken it.
func TestDarkRoom(t *testing.T) {
	for idea, want := range map[string]bool{
		"a dark bedroom lit by a single candle": true,
		"a candlelit study with a desk":         true,
		"a kitchen with dark wood cabinets":     false,
		"a bedroom with a dark blue bed":        false,
		"a bright bathroom":                     false,
	} {
		if p := planOf(scene.Parse(idea)); p.kind != "interior" || p.lt.night != want {
			t.Errorf("%q: kind %q, night %v, want a room, night %v", idea, p.kind, p.lt.night, want)
		}
	}
}

// TestRoomNotes checks that what a room draws is not noted as undrawn
// or drawn as a plain shape.
func TestRoomNotes(t *testing.T) {
	for _, idea := range []string{
		"a cluttered office with a filing cabinet", "a bathroom with a sink and a mirror", "a laundry room with a washing machine",
		"an office with two monitors", "a bathroom with a black bathtub", "a modern kitchen with an orange fridge",
	} {
		s := scene.Parse(idea)
		if got := append(NotDrawn(s), Roughly(s)...); len(got) > 0 {
			t.Errorf("%q notes %q", idea, got)
		}
	}
}

// TestViewOutside checks what a room's window looks out on: a city the
// idea names, what it names outside, else a view that changes with the
// seed rather than always one meadow.
func TestViewOutside(t *testing.T) {
	for idea, want := range map[string]string{
		"a hotel room in Tokyo at night":                   "skyline",
		"a city apartment living room at dusk":             "skyline",
		"a cabin bedroom in the snowy woods":               "snow",
		"a beach house living room with a view of the sea": "sea",
	} {
		if el := viewOutside(planOf(scene.Parse(idea))); !el[want] {
			t.Errorf("%q looks out on %v, want %s", idea, el, want)
		}
	}
	views := map[string]bool{}
	p := planOf(scene.Parse("a quiet bedroom"))
	for i := range 16 {
		p.look.cloudScale = float32(i) / 16
		var keys []string
		for k := range viewOutside(p) {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		views[strings.Join(keys, ",")] = true
	}
	if len(views) < 3 {
		t.Errorf("a bedroom's window shows %d views over 16 seeds, want several: %v", len(views), views)
	}
}

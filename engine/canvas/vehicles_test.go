package canvas

import (
	"slices"
	"testing"

	"github.com/easel-art/easel/scene"
)

// TestVehicleKinds: a road vehicle is drawn by its kind, on the ground,
// even where the parser read the idea as its setting ("a tractor in a
// wheat field" is the field's, "a scooter on a sidewalk" the road's).
func TestVehicleKinds(t *testing.T) {
	for _, tt := range []struct{ idea, kind string }{
		{"a green tractor in a wheat field", "tractor"},
		{"a fire truck with its lights on", "firetruck"},
		{"a fire engine on a city street", "firetruck"},
		{"an ambulance on a highway", "ambulance"},
		{"a police car at night", "police"},
		{"a black scooter parked on a sidewalk", "scooter"},
		{"a blue pickup truck in the desert", "pickup"},
		{"a yellow school bus on a country road", "bus"},
		{"a red sports car on a road", "car"},
	} {
		sc := scene.Parse(tt.idea)
		c := newCanvas(64, 64, 1, styleFor(StylePhoto))
		p := makePlan(sc, StylePhoto, 64, 64, c, frame{})
		c.release()
		if got := vehicleKind(p.vehicleSubject()); got != tt.kind || !p.el["car"] {
			t.Errorf("%q: kind %q, on the ground %v; want %q drawn", tt.idea, got, p.el["car"], tt.kind)
		}
	}
}

// TestVehicleColour: a vehicle's colour lands on it: the one the idea
// names, else its kind's (a fire engine is red, an ambulance white, a
// police car dark): where a picture of it differs from the same picture
// in another colour, it has that colour.
func TestVehicleColour(t *testing.T) {
	const size = 128
	for _, tt := range []struct {
		idea, other string // other: the colour the same Scene is drawn in to compare
		want        func(r, g, b float64) bool
	}{
		{"a fire truck on a road", "blue", func(r, g, b float64) bool { return r > b+60 && r > g+60 }},
		{"a fire engine with its lights on", "green", func(r, g, b float64) bool { return r > b+60 && r > g+60 }},
		{"an ambulance on a highway", "red", func(r, g, b float64) bool { return r > 150 && g > 150 && b > 120 }},
		{"a green tractor in a wheat field", "red", func(r, g, b float64) bool { return g > r+30 && g > b+30 }},
		{"an orange scooter on a sidewalk", "blue", func(r, g, b float64) bool { return r > b+60 }},
		{"a yellow submarine under the sea", "red", func(r, g, b float64) bool { return r > b+50 && g > b+30 }},
	} {
		for seed := int64(1); seed <= 4; seed++ {
			// The same Scene but for the vehicle's colour: only the
			// vehicle differs.
			sc, other := scene.Parse(tt.idea), scene.Parse(tt.idea)
			other.Subjects[0].Colors = []string{tt.other}
			a := Draw(sc, "", size, size, seed)
			o := Draw(other, "", size, size, seed)
			var n int
			var r, g, b float64
			for i := 0; i < len(a.Pix); i += 4 {
				if abs(int(a.Pix[i])-int(o.Pix[i]))+abs(int(a.Pix[i+1])-int(o.Pix[i+1]))+abs(int(a.Pix[i+2])-int(o.Pix[i+2])) < 60 {
					continue
				}
				n++
				r, g, b = r+float64(a.Pix[i]), g+float64(a.Pix[i+1]), b+float64(a.Pix[i+2])
			}
			if n < size*size/200 {
				t.Errorf("%q seed %d: only %d pixels differ from the %s one: the vehicle takes no colour", tt.idea, seed, n, tt.other)
				continue
			}
			r, g, b = r/float64(n), g/float64(n), b/float64(n)
			if !tt.want(r, g, b) {
				t.Errorf("%q seed %d: the vehicle is (%.0f,%.0f,%.0f) over %d pixels", tt.idea, seed, r, g, b, n)
			}
		}
	}
}

// TestVehicleCount: counted vehicles are drawn as counts: five red cars
// cover far more of the picture in red than one does.
func TestVehicleCount(t *testing.T) {
	const size = 128
	red := func(idea string, seed int64) int {
		img := Draw(scene.Parse(idea), "", size, size, seed)
		n := 0
		for i := 0; i < len(img.Pix); i += 4 {
			if int(img.Pix[i]) > int(img.Pix[i+1])+80 && int(img.Pix[i]) > int(img.Pix[i+2])+80 {
				n++
			}
		}
		return n
	}
	for _, tt := range []struct{ one, many string }{
		{"a red sports car on a road", "five red sports cars on a road"},
		{"a red tractor in a field", "three red tractors in a field"},
	} {
		for seed := int64(1); seed <= 4; seed++ {
			if n1, n := red(tt.one, seed), red(tt.many, seed); n < n1*3/2 {
				t.Errorf("seed %d: %q has %d red pixels, %q %d: not drawn as a count", seed, tt.many, n, tt.one, n1)
			}
		}
	}
}

// TestDrawnThingsNotNoted: what the canvas now draws by its kind is not
// named in the "not drawn" note (a tractor in a field, a scooter on a
// sidewalk, a submarine under the sea, a chess board on a table).
func TestDrawnThingsNotNoted(t *testing.T) {
	for _, tt := range []struct{ idea, thing string }{
		{"a green tractor in a wheat field", "the tractor"},
		{"a black scooter parked on a sidewalk", "the scooter"},
		{"a yellow submarine under the sea", "the submarine"},
		{"a wooden chess board on a table", "the board"},
		{"a satellite orbiting an ocean planet", "the satellite"},
	} {
		if got := NotDrawn(scene.Parse(tt.idea)); slices.Contains(got, tt.thing) {
			t.Errorf("%q: the note says %q is not drawn (%q)", tt.idea, tt.thing, got)
		}
	}
}

// TestRoadVehicleOnItsRoad: a road vehicle that is the subject is drawn
// on its road or street, not as a table or a still life of the building
// the words name ("parked outside a bakery").
func TestRoadVehicleOnItsRoad(t *testing.T) {
	for _, idea := range []string{
		"an old yellow motorcycle parked outside a bakery",
		"a vintage red motorcycle parked by a cafe",
		"a pink bicycle with a basket of flowers",
		"a green tractor in a wheat field",
	} {
		sc := scene.Parse(idea)
		c := newCanvas(64, 64, 1, styleFor(StylePhoto))
		p := makePlan(sc, StylePhoto, 64, 64, c, frame{})
		c.release()
		if (p.kind != "street" && p.kind != "landscape") || !p.el["car"] {
			t.Errorf("%q: drawn as %q (vehicle on the ground %v); want it on its road", idea, p.kind, p.el["car"])
		}
	}
}

// TestBalloonsTiedToSomething: balloons tied to a thing have it under
// them (a park bench, a mailbox): the picture differs from the same Scene
// with nothing to tie them to.
func TestBalloonsTiedToSomething(t *testing.T) {
	const size = 128
	for _, idea := range []string{"three blue balloons tied to a park bench", "five red balloons tied to a mailbox"} {
		for seed := int64(1); seed <= 4; seed++ {
			sc, loose := scene.Parse(idea), scene.Parse(idea)
			loose.Subjects = loose.Subjects[:1]
			loose.Subjects[0].Relation = ""
			if n, _, _, _ := diffArea(sc, loose, size, seed); n < size*size/200 {
				t.Errorf("%q seed %d: what holds them changes only %d pixels", idea, seed, n)
			}
		}
	}
}

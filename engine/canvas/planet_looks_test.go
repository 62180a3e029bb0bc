package canvas

import (
	"testing"

	"github.com/easel-art/easel/scene"
)

// TestPlanetLooks: a planet takes the look its words name, and its colour
// lands on it: drawn as a desert planet and again as an ice planet (the
// same Scene but for the word), the pixels that differ are sand in the
// one and ice in the other; a lava planet glows orange; Jupiter by name is
// banded.
func TestPlanetLooks(t *testing.T) {
	const size = 128
	for _, tt := range []struct {
		idea, other string
		want        func(r, g, b float64) bool
	}{
		{"a spaceship landing on a desert planet", "ice", func(r, g, b float64) bool { return r > b+40 }},
		{"a rocket flying past an ice planet", "desert", func(r, g, b float64) bool { return b > r+10 }},
		{"a satellite orbiting an ocean planet", "desert", func(r, g, b float64) bool { return b > r+30 }},
		{"a lava planet with two moons", "ice", func(r, g, b float64) bool { return r > 1.8*b && r+g+b < 300 }},
	} {
		for seed := int64(1); seed <= 4; seed++ {
			sc, other := scene.Parse(tt.idea), scene.Parse(tt.idea)
			swapped := false
			for i := range other.Subjects {
				if other.Subjects[i].Element == "planet" {
					other.Subjects[i].Adjectives, other.Subjects[i].Materials = []string{tt.other}, nil
					swapped = true
				}
			}
			if !swapped {
				t.Fatalf("%q: no planet among %+v", tt.idea, sc.Subjects)
			}
			other.Idea = tt.idea
			n, r, g, b := diffArea(sc, other, size, seed)
			if n < size*size/100 || !tt.want(r, g, b) {
				t.Errorf("%q seed %d: %d pixels differ from the %s planet, coloured (%.0f,%.0f,%.0f)", tt.idea, seed, n, tt.other, r, g, b)
			}
		}
	}
	for _, idea := range []string{"an astronaut floating near Jupiter", "a gas giant with a small moon"} {
		sc := scene.Parse(idea)
		c := newCanvas(64, 64, 1, styleFor(StylePhoto))
		p := makePlan(sc, StylePhoto, 64, 64, c, frame{})
		c.release()
		if l, ok := lookOf(p.subjectOf("planet"), p.words); !ok || !l.banded {
			t.Errorf("%q: the planet is not banded", idea)
		}
	}
}

// TestSpaceCraftByNoun: a satellite is drawn as a satellite, not as the
// ship: the picture differs from the same Scene with a spaceship in it.
func TestSpaceCraftByNoun(t *testing.T) {
	const size = 128
	for _, idea := range []string{"a satellite orbiting an ocean planet", "a rocket flying past an ice planet"} {
		for seed := int64(1); seed <= 4; seed++ {
			sc, ship := scene.Parse(idea), scene.Parse(idea)
			for i := range ship.Subjects {
				if ship.Subjects[i].Element == "spaceship" {
					ship.Subjects[i].Noun = "spaceship"
				}
			}
			if n, _, _, _ := diffArea(sc, ship, size, seed); n < 40 {
				t.Errorf("%q seed %d: only %d pixels differ from a spaceship", idea, seed, n)
			}
		}
	}
}

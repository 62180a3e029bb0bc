package builtin

import (
	"slices"
	"strings"
	"testing"

	"github.com/easel-art/easel/scene"
)

// The choices the writer makes for what an idea left open must agree with
// the idea and with each other, since the canvas draws them too.

var dayTimeSet = []string{"morning", "noon", "afternoon"}

func TestDaylightIdeasStayInDaylight(t *testing.T) {
	tests := []struct {
		idea  string
		sunny bool
	}{
		{"a field of sunflowers under a blue sky", true},
		{"a meadow on a sunny day", true},
		{"a bright day at the beach", true},
		{"a red barn under the sun", true},
		{"a lake in broad daylight", false},
		{"a rainy day in a small village", false},
	}
	for _, tt := range tests {
		for seed := int64(0); seed < 24; seed++ {
			for _, chaos := range []int{0, 100} {
				for _, p := range writeN(t, tt.idea, seed, 3, chaos) {
					sc := p.Scene
					if !slices.Contains(dayTimeSet, sc.TimeOfDay) {
						t.Errorf("%q seed %d chaos %d variation %d: time %q; want daylight", tt.idea, seed, chaos, p.Variation, sc.TimeOfDay)
					}
					if tt.sunny && sc.Weather != "clear" && sc.Weather != "cloudy" && sc.Weather != "wind" {
						t.Errorf("%q seed %d chaos %d variation %d: weather %q under a promised sun", tt.idea, seed, chaos, p.Variation, sc.Weather)
					}
					if tt.sunny && (sc.Mood == "eerie" || sc.Mood == "ominous" || sc.Mood == "mysterious" || sc.Mood == "melancholic") {
						t.Errorf("%q seed %d chaos %d variation %d: a %s mood under a sunny sky", tt.idea, seed, chaos, p.Variation, sc.Mood)
					}
				}
			}
		}
	}
}

// TestMostIdeasAreDaytime: an idea that names no time is mostly drawn by
// day, not at sunset or dawn.
func TestMostIdeasAreDaytime(t *testing.T) {
	day, all := 0, 0
	for _, idea := range readIdeas(t) {
		if scene.Parse(idea).TimeOfDay != "" {
			continue
		}
		for seed := int64(0); seed < 16; seed++ {
			p := writeN(t, idea, seed, 1, 0)[0]
			if p.Scene.TimeOfDay == "" {
				continue // underwater, space, abstract: no sky
			}
			all++
			if slices.Contains(dayTimeSet, p.Scene.TimeOfDay) {
				day++
			}
		}
	}
	if all == 0 || float64(day) < 0.7*float64(all) {
		t.Errorf("%d of %d pictures with no time named are by day; want at least 70%%", day, all)
	}
}

func TestOpenChoicesCohere(t *testing.T) {
	ideas := append(readIdeas(t), "a red barn", "a knight", "a dragon", "a robot", "a horse in a meadow",
		"a lighthouse", "a cat", "a windmill", "a garden of roses", "a sailboat on a lake", "an abstract pattern in red and gold")
	for _, idea := range ideas {
		typed := scene.Parse(idea)
		for seed := int64(0); seed < 8; seed++ {
			for _, chaos := range []int{0, 100} {
				for _, p := range writeN(t, idea, seed, 4, chaos) {
					sc, text := p.Scene, p.Text
					fail := func(why string) {
						t.Errorf("%q seed %d chaos %d variation %d (%s, %s, %s): %s:\n%s", idea, seed, chaos, p.Variation, sc.TimeOfDay, sc.Weather, sc.Mood, why, text)
					}
					sentences := strings.Split(text, ". ")
					opening, closing := sentences[0], sentences[len(sentences)-1]
					dim := sc.TimeOfDay == "night" || sc.TimeOfDay == "dusk" || sc.Weather == "rain" || sc.Weather == "storm" || sc.Weather == "fog" || sc.Weather == "overcast"
					if dim && !strings.Contains(idea, "bright") && (strings.Contains(opening, "bright") || strings.Contains(closing, "bright")) {
						fail("calls a dim scene bright")
					}
					if (sc.TimeOfDay == "night" || sc.TimeOfDay == "dusk") && (strings.Contains(text, "flat and soft under a blanket") || strings.Contains(text, "Low sunlight") || strings.Contains(text, "low sunlight")) {
						fail("daylight words after dark")
					}
					if strings.Contains(text, "heart of the picture") && (strings.Contains(text, "third") || strings.Contains(text, "off-center")) {
						fail("puts the subject both at the centre and off it")
					}
					if typed.Weather == "" && sc.Weather != "" && sc.Weather != "clear" && sc.Weather != "cloudy" && sc.Weather != "wind" {
						for _, e := range skyElements {
							if typed.HasElement(e) {
								fail("clouds over the " + e + " the idea named")
							}
						}
					}
					if strings.Contains(idea, "above the clouds") && sc.Weather != "clear" && sc.Weather != "cloudy" && sc.Weather != "wind" {
						fail("weather under the clouds seen from above them")
					}
					if typed.Mood == "" && typed.Weather == "" {
						switch sc.Mood {
						case "joyful", "lively", "energetic":
							if sc.Weather == "fog" || sc.Weather == "storm" || sc.Weather == "overcast" {
								fail("a cheerful mood under a grey sky")
							}
						}
					}
				}
			}
		}
	}
}

// TestStudioShotsHaveNoWindow: a product on a white or plain background is
// shot in a studio, as the canvas draws it: the text speaks of studio
// light, never of a window or a room, and "plain" is not the plains.
func TestStudioShotsHaveNoWindow(t *testing.T) {
	for _, idea := range []string{"a perfume bottle on a white background", "a red mug on a plain background",
		"a leather wallet on a white backdrop", "a straw hat on a pink background"} {
		for seed := int64(0); seed < 12; seed++ {
			for _, chaos := range []int{0, 100} {
				for _, p := range writeN(t, idea, seed, 2, chaos) {
					text := strings.ToLower(p.Text)
					for _, kw := range p.Keywords {
						text += ", " + strings.ToLower(kw.Text)
					}
					for _, bad := range []string{"window", "room", "horizon", "breeze", "stem and leaf", "lamplight"} {
						if strings.Contains(text, bad) {
							t.Errorf("%q seed %d chaos %d variation %d speaks of %q: %s", idea, seed, chaos, p.Variation, bad, text)
						}
					}
				}
			}
		}
	}
	// A mug on a wooden table is still lit as a room is (by the window
	// or the day), not by a studio's lamps.
	text := strings.ToLower(writeN(t, "a mug on a wooden table", 1, 1, 0)[0].Text)
	if says(text, indoorLight) == "" || strings.Contains(text, "studio") {
		t.Errorf("a mug on a wooden table: %s; want a room's light", text)
	}
}

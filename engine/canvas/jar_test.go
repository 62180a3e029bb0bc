package canvas

import (
	"testing"

	"github.com/easel-art/easel/scene"
)

// TestFoodInJar checks that food the idea puts in a jar is drawn in a
// jar, not an open bowl: the plan's table paints the jar itself and the
// food in it, so the notes name neither as a plain shape ("a glass jar
// of honey" was an open bowl, noted "plain shape: the honey").
func TestFoodInJar(t *testing.T) {
	for _, tc := range []struct{ idea, roughly string }{
		{"a glass jar of honey on a wooden table", ""},
		{"a jar of pickles", ""},
		{"a jar of olives next to a loaf of bread", ""},
		{"a bowl of rice", "the rice"}, // still an open bowl of a plain heap
	} {
		_, r := Notes(scene.Parse(tc.idea), "", 7)
		got := ""
		if len(r) > 0 {
			got = r[0]
		}
		if got != tc.roughly {
			t.Errorf("%q: plain shape %q, want %q", tc.idea, r, tc.roughly)
		}
	}
}

// TestJarOfFruit checks that a jar of a fruit's jam, or of pieces, is
// painted as the jar, not the fruit on a plate with the jar silently
// left out ("a jar of peach jam" drew peaches).
func TestJarOfFruit(t *testing.T) {
	for _, idea := range []string{
		"a jar of homemade peach jam",
		"a jar of cookies on a counter",
		"a jar of apricot jam on a wooden table",
	} {
		c := newCanvas(64, 64, 1, styleFor(StylePhoto))
		d := &painter{canvas: c, rec: newRecord()}
		d.p = makePlan(scene.Parse(idea), StylePhoto, 64, 64, c, frame{})
		d.paint()
		c.release()
		jar := false
		for i, s := range d.p.subjects {
			if s.Noun == "jar" && d.rec.subs[i] {
				jar = true
			}
		}
		if !jar {
			t.Errorf("%q: the jar is not painted", idea)
		}
	}
}

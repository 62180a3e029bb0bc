package canvas

import (
	"context"
	"strings"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/scene"
)

// TestNotesFromRecord holds the notes to what the painter recorded it
// painted, on fresh ideas each checked against its picture (seed 1): a
// thing left out is named, one drawn as a plain stand-in is named so, and
// nothing drawn is named. A note that predicted the painter named a
// cushion as a plain shape when none was drawn, and kept quiet about a
// teapot, palm trees, stars and a figure standing in for a robot.
func TestNotesFromRecord(t *testing.T) {
	for _, tc := range []struct{ idea, notDrawn, roughly string }{
		// Clearly left out (when a painter learns one, its mark moves it
		// to the last group).
		{"a bowl of cherries beside a teapot", "the teapot", ""},
		{"a violin resting on a velvet cushion", "the cushion", ""},
		{"a hammock between two palm trees", "the palm trees", "the hammock"},
		{"a telescope on a hill under the stars", "the stars", "the telescope"},
		{"a bowl of popcorn in front of a television", "the popcorn, the television", ""},
		{"a mailbox in front of a white house", "the house", ""},
		{"a tent by a mountain lake", "the tent", ""},
		{"a bowl of ramen with chopsticks and a glass of beer", "the beer", ""}, // the chopsticks lie across the bowl
		{"a grandmother baking cookies in a kitchen", "the cookies", ""},
		{"a plate of waffles with whipped cream", "the whipped cream", ""},           // a food, not the colour cream             // a pot in her hands
		{"a typewriter next to a stack of letters", "the typewriter", "the letters"}, // the stack is a box
		// Drawn as a plain stand-in.
		{"a robot watering plants", "", "the robot"},
		{"a firefighter holding a hose", "", "the hose"},
		// Everything drawn.
		{"a hedgehog in a pile of autumn leaves", "", ""},
		{"two swans on a misty pond", "", ""},
		{"a laptop and a coffee cup on a kitchen table", "", ""},
		{"a cowboy riding a horse through the desert", "", ""},
		{"a stack of books next to a desk lamp", "", ""},
		{"a frog on a lily pad", "", ""},
		{"a grandfather reading a newspaper in an armchair", "", ""},
	} {
		nd, r := Notes(scene.Parse(tc.idea), "", 1)
		if got := strings.Join(nd, ", "); got != tc.notDrawn {
			t.Errorf("%q: not drawn %q, want %q", tc.idea, got, tc.notDrawn)
		}
		if got := strings.Join(r, ", "); got != tc.roughly {
			t.Errorf("%q: plain shape %q, want %q", tc.idea, got, tc.roughly)
		}
	}
}

// TestNoteNamesThings checks that a note names no pronoun: "him" stands
// for the fisherman, who is drawn.
func TestNoteNamesThings(t *testing.T) {
	for _, idea := range []string{
		"an old sailor painting a fence beside him",
		"a knight guarding the gate, a raven circling above him",
	} {
		for _, n := range NotDrawn(scene.Parse(idea)) {
			if n == "the him" || n == "the her" || n == "the them" || n == "the it" {
				t.Errorf("%q: the note names a pronoun: %q", idea, n)
			}
		}
	}
}

// TestRenderNotesFromPictures checks that the engine's notes come from
// the pictures it made: the cushion is not drawn, and no plain shape is
// claimed for it.
func TestRenderNotesFromPictures(t *testing.T) {
	res, err := New().Render(context.Background(), &easel.RenderRequest{Scene: scene.Parse("a violin resting on a velvet cushion"), Width: 96, Height: 96, N: 2, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(res.Notes, " | "); !strings.Contains(got, "not drawn: the cushion") || strings.Contains(got, "plain shape") {
		t.Errorf("notes %q; want the cushion named as not drawn, and no plain shape", got)
	}
}

// TestNoteNames checks that a note names the thing, not a bare head the
// parser kept ("a drum set": the drum set, not "the set").
func TestNoteNames(t *testing.T) {
	for idea, want := range map[string]string{
		"a drum set in a garage":  "the drum set",
		"a patio set by a pool":   "the patio set",
		"a red tractor in a barn": "the tractor",
		"a porcelain tea set":     "the tea set",
	} {
		s := scene.Parse(idea)
		if got := noteName(s, s.Subjects[0]); got != want {
			t.Errorf("%q: named %q, want %q", idea, got, want)
		}
	}
}

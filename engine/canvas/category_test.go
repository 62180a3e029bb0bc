package canvas

import (
	"context"
	"fmt"
	"image"
	"slices"
	"strings"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/internal/corpus"
	"github.com/easel-art/easel/scene"
)

// TestCategoryColour draws, for each category of the corpus, up to three
// of its nouns alone ("a owl"), once in red and once in blue, on two seeds,
// and checks that the colour lands on the thing: the pixels that differ
// between the two pictures cover a part of the picture (more than a speck,
// less than a tint over all of it: a canyon seen from inside or an
// abstract work may fill most of the frame), and there the red one is red and the
// blue one blue. A noun the canvas notes as not drawn, or drawn only as a
// plain shape, is left out and counted; every category with a noun the
// canvas draws must take its colour (colourExempt lists the ones that do
// not yet, with why).
func TestCategoryColour(t *testing.T) {
	ideas, err := corpus.Load()
	if err != nil {
		t.Fatal(err)
	}
	nouns := map[string][]string{}
	var cats []string
	for _, idea := range ideas {
		for _, f := range idea.Facts {
			if f.Category == "" || f.Count > 1 || len(nouns[f.Category]) >= 3 || slices.Contains(nouns[f.Category], f.Noun) {
				continue
			}
			if nouns[f.Category] == nil {
				cats = append(cats, f.Category)
			}
			nouns[f.Category] = append(nouns[f.Category], f.Noun)
		}
	}
	const size = 128
	var held, drawnCats int
	for _, cat := range cats {
		var ok, drawn int
		var failed, notDrawn []string
		for _, noun := range nouns[cat] {
			red := scene.Parse("a " + noun)
			if len(red.Subjects) == 0 {
				notDrawn = append(notDrawn, noun)
				continue
			}
			main := noteName(red, red.Subjects[0])
			if slices.Contains(append(NotDrawn(red), Roughly(red)...), main) {
				notDrawn = append(notDrawn, noun)
				continue
			}
			for seed := int64(1); seed <= 2; seed++ {
				// The same Scene but for the subject's colour fact, so the
				// composition is the same and only the colour differs.
				red := scene.Parse("a " + noun)
				blue := scene.Parse("a " + noun)
				red.Subjects[0].Colors = []string{"red"}
				blue.Subjects[0].Colors = []string{"blue"}
				n, ra, rb := colourLanding(Draw(red, "", size, size, seed), Draw(blue, "", size, size, seed))
				drawn++
				if n > size*size/400 && n < size*size*95/100 && ra > 0 && rb < 0 {
					ok++
				} else {
					failed = append(failed, fmt.Sprintf("%s/seed %d (%s): %d pixels, red-blue %+.0f/%+.0f", noun, seed, red.Subjects[0].Element, n, ra, rb))
				}
			}
		}
		if drawn == 0 {
			t.Logf("%-14s not drawn: %v", cat, notDrawn)
			continue
		}
		drawnCats++
		if ok == drawn {
			held++
		}
		t.Logf("%-14s colour lands in %d of %d; failed %q; not drawn %v", cat, ok, drawn, failed, notDrawn)
		switch {
		case ok < drawn && colourExempt[cat] == "":
			t.Errorf("%s: the colour does not land on %q", cat, failed)
		case ok == drawn && colourExempt[cat] != "":
			t.Errorf("%s takes its colour now: remove it from colourExempt", cat)
		}
	}
	t.Logf("colour lands in every drawn case of %d of %d drawn categories (%d categories in the corpus)", held, drawnCats, len(cats))
	// A category none of whose nouns is drawn passes above untested: the
	// number drawn may only grow (plant and tool are not drawn yet).
	if drawnCats < minDrawnCategories {
		t.Errorf("only %d of %d categories have a drawn noun; want at least %d", drawnCats, len(cats), minDrawnCategories)
	}
}

// minDrawnCategories is how many of the corpus's categories have a noun
// TestCategoryColour draws (51 of 53 on 2026-12-03 by the predicted
// notes; 49 by the painter's record: a salad and a cheese are a bowl of
// plain broth, a plain shape, as the pictures show).
const minDrawnCategories = 49

// colourLanding compares a red and a blue picture of the same thing: n
// is how many pixels differ, ra and rb the mean red-minus-blue of each
// picture there.
func colourLanding(a, b *image.RGBA) (n int, ra, rb float64) {
	for i := 0; i < len(a.Pix); i += 4 {
		d := abs(int(a.Pix[i])-int(b.Pix[i])) + abs(int(a.Pix[i+2])-int(b.Pix[i+2]))
		if d < 60 {
			continue
		}
		n++
		ra += float64(int(a.Pix[i]) - int(a.Pix[i+2]))
		rb += float64(int(b.Pix[i]) - int(b.Pix[i+2]))
	}
	return n, ra / float64(max(n, 1)), rb / float64(max(n, 1))
}

// colourExempt are the drawn categories whose generic does not take the
// idea's colour yet, and why; the test fails for any other, and for one
// listed here that takes its colour now (so the list only shrinks).
var colourExempt = map[string]string{
	"building": "built.go: a skyscraper (houses) and a chapel (tower) keep their colours",
}

// TestNotDrawnNote checks that what the canvas cannot draw is named on
// the result, and what it draws is not.
func TestNotDrawnNote(t *testing.T) {
	for idea, want := range map[string]string{
		"a green slime in a dungeon": "the slime",
		"an owl perched on a branch": "", // the branch is drawn under it (birds.go)
		"three white rabbits":        "",
		// Fresh ideas, each checked against its picture on a contact
		// sheet (bench/sheet.sh OUT.png IDEAS --notes).
		"a cozy cabin living room with a stone fireplace and two armchairs": "",              // the fireplace is drawn by its word
		"a red and white striped lighthouse on a cliff":                     "",              // "red" is a colour, not a thing
		"an octopus hiding in a shipwreck":                                  "the shipwreck", // the octopus is drawn (fantasy.go), no wreck
		"a tall cactus in the desert at noon":                               "the cactus",    // a desert, no cactus
		"a yellow tram on a hilly street":                                   "the tram",      // the street has cars only
		"a woman in a kitchen":                                              "",              // a person in a room stands in it (interior.go)
		"three blue jellyfish in the dark sea":                              "",
		"a scarecrow in a pumpkin patch":                                    "the scarecrow",
		"a diver exploring a coral reef":                                    "",
		"a lonely desert at noon":                                           "",
		"outer space":                                                       "",
		"red triangles":                                                     "", // a shape is an abstract work
		"a cube floating in space":                                          "the cube",
		"a pencil sketch of an otter":                                       "", // the medium is no thing
		"a boy with green hair":                                             "",
		// A reviewer's cases: notes that lied (notes.go).
		"a small bedroom with a window and plants": "",         // the plant stands on the floor (a factory to WordNet first)
		"a man playing guitar on a street corner":  "",         // a corner is a spot of the street, not a thing
		"a bowl of tomato soup with bread":         "the soup", // the table paints one dish: the bread
		"a modern kitchen with white cabinets":     "",
		// Fresh ones, looked at.
		"a plate of sushi with miso soup":         "the soup",
		"a slice of pizza with a glass of cola":   "", // the glass of cola beside the slice (food_sides.go)
		"a deer at the edge of the forest":        "",
		"a violinist on a busy street corner":     "",
		"a cozy kitchen with oak cupboards":       "",           // the counter's doors
		"a loaf of bread with butter":             "the butter", // the loaf is the bread; the butter is not drawn
		"a stack of pancakes with blueberries":    "",           // strewn on the stack by their word
		"a cup of tea with a slice of lemon cake": "",           // the slice beside the cup
	} {
		got := strings.Join(NotDrawn(scene.Parse(idea)), ", ")
		if got != want {
			t.Errorf("NotDrawn(%q) = %q, want %q", idea, got, want)
		}
	}
	if got := Roughly(scene.Parse("an old typewriter")); len(got) != 1 || got[0] != "the typewriter" {
		t.Errorf("Roughly(an old typewriter) = %q", got)
	}
	if got := Roughly(scene.Parse("a red mug")); len(got) != 0 {
		t.Errorf("Roughly(a red mug) = %q; a mug has its own shape", got)
	}
	for idea, want := range map[string]string{
		"a bedroom with a wardrobe":         "the wardrobe", // furniture with no shape of its own stands as an armchair
		"a kitchen with a marble counter":   "",             // a counter has its shape in a room
		"a reading room with two armchairs": "",
		"a leather wallet on a marble desk": "", // the desk is the surface it stands on
		"a steel flask with a black cap":    "", // the cap is part of the flask
		// A reviewer's cases, and fresh ones.
		"a modern kitchen with white cabinets":     "", // the counter's doors are the cabinets
		"a stack of blueberry pancakes with syrup": "", // the stack is the pancakes
		"a pile of wooden crates in a barn":        "",
		"a bouquet of red roses":                   "",
	} {
		if got := strings.Join(Roughly(scene.Parse(idea)), ", "); got != want {
			t.Errorf("Roughly(%q) = %q, want %q", idea, got, want)
		}
	}
	res, err := New().Render(context.Background(), &easel.RenderRequest{Scene: scene.Parse("a green slime in a dungeon"), Width: 64, Height: 64, N: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Notes) == 0 || !strings.Contains(res.Notes[0], "not drawn: the slime") {
		t.Errorf("notes %q; want one naming the slime", res.Notes)
	}
}

// TestNotDrawnTrue checks the notes against the pictures, on fresh ideas:
// a subject noted as not drawn is given red and then blue, and the picture
// must not change where it would be (if its colour shows, it was drawn
// and the note lies). The painters grow; this keeps the notes from
// falling behind them.
func TestNotDrawnTrue(t *testing.T) {
	ideas := []string{
		"an octopus hiding in a shipwreck", "a sea turtle gliding over seagrass", "a tall cactus in the desert at noon",
		"a yellow tram on a hilly street", "a woman in a kitchen", "a scarecrow in a pumpkin patch",
		"a snowman with a carrot nose in a garden", "a diver exploring a coral reef", "a dog on a city street",
		"a red kite in a blue sky", "a fern unfurling in the forest", "a blacksmith hammering a sword at the anvil",
		"a cube floating in space", "a spiral of blue and gold", "a starfish on the sea floor", "a mermaid under the sea",
		"a lamp and a globe on a desk", "a cozy reading nook with a blanket", "a seal on an ice floe",
		"a wizard reading a scroll in a tower", "a rocket launching at dawn", "a porcupine in the woods",
		"a meteor over the desert", "a treehouse in an old oak", "an origami crane on a table", "a hawk above a canyon",
		"a comet over the sea", "a birdhouse on a fence", "a goldfish in a glass bowl", "a parrot on a fruit bowl",
		"a chef plating a dessert", "a kitten beside a teacup",
		"a bowl of tomato soup with bread", "a plate of sushi with miso soup", "a slice of pizza with a glass of cola",
		"a cup of tea with a slice of lemon cake", "a mug of cocoa beside a plate of cookies", "a stack of pancakes with blueberries",
		"a chocolate cake with strawberries", "a burger with fries", "a bowl of ice cream with cherries", "a loaf of bread with butter",
	}
	var claims int
	for _, idea := range ideas {
		sc := scene.Parse(idea)
		nd := NotDrawn(sc)
		for i, sub := range sc.Subjects {
			if !slices.Contains(nd, noteName(sc, sub)) {
				continue
			}
			claims++
			red, blue := scene.Parse(idea), scene.Parse(idea)
			red.Subjects[i].Colors, blue.Subjects[i].Colors = []string{"red"}, []string{"blue"}
			for seed := int64(1); seed <= 2; seed++ {
				if n, ra, rb := colourLanding(Draw(red, "", 96, 96, seed), Draw(blue, "", 96, 96, seed)); n > 96*96/300 && ra > 0 && rb < 0 {
					t.Errorf("%q notes %q as not drawn, but its colour shows (%d pixels, seed %d)", idea, sub.Noun, n, seed)
				}
			}
		}
	}
	t.Logf("%d not-drawn notes checked against their pictures", claims)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// TestCorpusDrawn counts the corpus ideas whose main subject the canvas
// draws (its element is one the canvas paints and no note says it is not
// drawn or drawn only as a plain shape), and holds the figure to a floor.
func TestCorpusDrawn(t *testing.T) {
	ideas, err := corpus.Load()
	if err != nil {
		t.Fatal(err)
	}
	var drawn, total int
	var missed []string
	for _, idea := range ideas {
		sc := scene.Parse(idea.Text)
		if len(sc.Subjects) == 0 {
			continue
		}
		total++
		main := noteName(sc, sc.Subjects[0])
		nd := append(NotDrawn(sc), Roughly(sc)...)
		if slices.Contains(nd, main) {
			missed = append(missed, idea.Text)
			continue
		}
		drawn++
	}
	t.Logf("main subject drawn in %d of %d corpus ideas; not: %q", drawn, total, missed)
	if drawn*100 < total*85 {
		t.Errorf("main subject drawn in %d of %d ideas (floor 85%%)", drawn, total)
	}
}

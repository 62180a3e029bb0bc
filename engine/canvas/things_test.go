package canvas

import (
	"reflect"
	"testing"

	"github.com/easel-art/easel/scene"
)

// TestThingsAndPlaces holds fresh ideas of things and places (not from
// the corpus), each once drawn wrong, to the picture that reads: the
// kind of picture, the drawer or shape chosen, and no "not drawn" note
// for what is drawn. Sushi, ramen and pizza must be three drawers;
// sneakers must not be a sweater; tulips must not be daisies.
func TestThingsAndPlaces(t *testing.T) {
	fn := func(f any) uintptr { return reflect.ValueOf(f).Pointer() }
	food := map[string]uintptr{
		"sushi": fn((*painter).sushiBoard), "tacos": fn((*painter).tacos), "dumplings": fn((*painter).dumplings),
		"pieces": fn((*painter).piecesOnPlate), "pizza": fn((*painter).flatDish), "cupcakes": fn((*painter).cupcakes),
		"bananas": fn((*painter).bananas), "slices": fn((*painter).cakeSlices), "melon": fn((*painter).melonSlices),
		"croissants": fn((*painter).croissants), "noodles": fn((*painter).noodles),
	}
	for _, tc := range []struct {
		idea  string
		kind  string // the picture's kind
		main  string // the plan's main element, when it matters
		food  string // the food drawer, for a table
		shape string // the product's shape, for a product shot
		el    string // an element the plan must hold
		bowl  bool   // table() draws the bowl: no food drawer is chosen
	}{
		{idea: "a bowl of ramen with a soft boiled egg", kind: "table", bowl: true},
		{idea: "sushi rolls on a slate board", kind: "table", food: "sushi"},
		{idea: "a plate of salmon nigiri", kind: "table", food: "sushi"},
		{idea: "a pepperoni pizza on a kitchen table", kind: "table", food: "pizza"},
		{idea: "three tacos on a plate", kind: "table", food: "tacos"},
		{idea: "a plate of steamed dumplings", kind: "table", food: "dumplings"},
		{idea: "a plate of spring rolls", kind: "table"},
		{idea: "two pink cupcakes", kind: "table", food: "cupcakes"},
		{idea: "a bunch of bananas", kind: "table", food: "bananas"},
		{idea: "a slice of watermelon", kind: "table", food: "melon"},
		{idea: "two slices of chocolate cake", kind: "table", food: "slices"},
		{idea: "spaghetti with tomato sauce", kind: "table", food: "noodles"},
		{idea: "a pair of red running shoes", kind: "product", shape: "shoe"},
		{idea: "a pair of white sneakers on a concrete floor", kind: "product", shape: "shoe"},
		{idea: "a wool scarf", kind: "product", shape: "scarf"},
		{idea: "a striped silk necktie", kind: "product", shape: "tie"},
		{idea: "an acoustic guitar on a stand", kind: "product", shape: "guitar"},
		{idea: "a silver trumpet", kind: "product", shape: "trumpet"},
		{idea: "a glass of orange juice", kind: "product", shape: "drinkglass"},
		{idea: "a glass of red wine", kind: "product", shape: "wineglass"},
		{idea: "seven red tulips in a glass jar", kind: "product", shape: "jar"},
		{idea: "white daisies in a teacup", kind: "product", shape: "cup"},
		{idea: "four orange lilies", kind: "product", shape: "vase"},
		{idea: "a bonsai tree in a pot", kind: "product", shape: "plant"},
		{idea: "a silver rocket on the launch pad", kind: "landscape", main: "spaceship"},
		{idea: "a space shuttle launching", kind: "landscape", main: "spaceship"},
		{idea: "a small fishing boat at dawn", kind: "landscape", main: "boat", el: "sea"},
		{idea: "a wizard tower above the clouds", kind: "landscape", main: "tower"},
		{idea: "a bakery counter in the morning", kind: "interior"},
		{idea: "a painter's studio with an easel", kind: "interior"},
		{idea: "a cafe with a long counter", kind: "interior"},
		{idea: "a snowy porch with pumpkins", kind: "landscape", main: "houses"},
		{idea: "saturn with its rings", kind: "space", main: "planet"},
		{idea: "a gothic cathedral at sunset", kind: "landscape", main: "tower"},
	} {
		s := scene.Parse(tc.idea)
		c := newCanvas(64, 64, 1, styleFor(StylePhoto))
		p := makePlan(s, StylePhoto, 64, 64, c, frame{})
		c.release()
		if p.kind != tc.kind {
			t.Errorf("%q: kind %q, want %q", tc.idea, p.kind, tc.kind)
			continue
		}
		if tc.main != "" && p.main != tc.main {
			t.Errorf("%q: main %q, want %q", tc.idea, p.main, tc.main)
		}
		if tc.el != "" && !p.el[tc.el] {
			t.Errorf("%q: no %q in %v", tc.idea, tc.el, p.el)
		}
		if tc.shape != "" && p.prod.shape != tc.shape {
			t.Errorf("%q: shape %q, want %q", tc.idea, p.prod.shape, tc.shape)
		}
		if tc.bowl && p.foodSubject() != nil {
			t.Errorf("%q: drawn as %q, not in its bowl", tc.idea, p.foodSubject().Noun)
		}
		if tc.food != "" {
			fs := p.foodSubject()
			if fs == nil {
				t.Errorf("%q: no food subject", tc.idea)
			} else if got := fn(foodDrawerFor(fs, p.words)); got != food[tc.food] {
				t.Errorf("%q: %q is not drawn by the %s drawer", tc.idea, fs.Noun, tc.food)
			}
		}
		if nd := NotDrawn(s); len(nd) > 0 && tc.idea != "a plate of spring rolls" && tc.idea != "an acoustic guitar on a stand" { // the stand has no shape
			t.Errorf("%q: noted as not drawn: %v", tc.idea, nd)
		}
	}
}

// TestFlowerKinds holds flowers to their heads: a tulip is not a daisy.
func TestFlowerKinds(t *testing.T) {
	for idea, want := range map[string]flowerKind{
		"five purple tulips in a blue vase": flowerTulip,
		"a single pink rose":                flowerRose,
		"three white lilies in a bottle":    flowerLily,
		"two red poppies":                   flowerPoppy,
		"a bouquet of daisies":              flowerGeneric,
	} {
		s := scene.Parse(idea)
		c := newCanvas(64, 64, 1, styleFor(StylePhoto))
		p := makePlan(s, StylePhoto, 64, 64, c, frame{})
		c.release()
		if got := flowerKindOf(p.flowerSubject()); got != want {
			t.Errorf("%q: flower kind %d, want %d", idea, got, want)
		}
	}
}

// TestFoodPicturesDiffer draws sushi, ramen and pizza on the same seed:
// three dishes, three pictures (once, all three were one bowl or pie).
func TestFoodPicturesDiffer(t *testing.T) {
	ideas := []string{"sushi on a wooden board", "a bowl of ramen", "a pizza on a table"}
	var pics [][]byte
	for _, idea := range ideas {
		pics = append(pics, Draw(scene.Parse(idea), StylePhoto, 96, 96, 3).Pix)
	}
	for i := range pics {
		for j := i + 1; j < len(pics); j++ {
			diff := 0
			for k := 0; k < len(pics[i]); k += 4 {
				if d := abs(int(pics[i][k])-int(pics[j][k])) + abs(int(pics[i][k+1])-int(pics[j][k+1])); d > 60 {
					diff++
				}
			}
			if diff < 96*96/20 {
				t.Errorf("%q and %q differ in only %d pixels", ideas[i], ideas[j], diff)
			}
		}
	}
}

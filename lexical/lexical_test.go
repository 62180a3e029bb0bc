package lexical

import (
	"slices"
	"testing"
)

// The categories come from WordNet's hypernyms; these check the generator's
// sense choice on words the corpus does not tune (not a list the code reads).
func TestCategories(t *testing.T) {
	for w, want := range map[string]string{
		"owl": "bird", "swan": "bird", "wizard": "person", "dragon": "creature", "mars": "celestial body",
		"lighthouse": "tower", "tulip": "flower", "sunflower": "flower", "wristwatch": "device",
		"sushi": "dish", "balloon": "aircraft", "mug": "container", "whale": "sea mammal",
		"dog": "mammal", "teapot": "container", "guitar": "instrument", "armchair": "furniture",
		"jellyfish": "sea creature", "helicopter": "aircraft", "sailboat": "boat", "taxi": "car",
		"mountain": "landform", "lake": "water", "red": "color",
		"octopus": "sea creature", "frog": "amphibian", "turtle": "reptile", "bee": "insect",
		"cupcake": "cake", "burger": "sandwich", "kitchen": "room", "sneaker": "clothing",
	} {
		e, ok := Lookup(w)
		if !ok || e.Category() != want {
			t.Errorf("%s: category %q (%v), want %q", w, e.Category(), e.CategoryList(), want)
		}
	}
	if e, _ := Lookup("wave"); e.Category() != "" {
		t.Errorf("wave (an event in WordNet's first sense) got category %q", e.Category())
	}
}

func TestFindNoun(t *testing.T) {
	for _, c := range []struct {
		w, lemma string
		plural   bool
	}{
		{"mice", "mouse", true}, {"geese", "goose", true}, {"foxes", "fox", true},
		{"berries", "berry", true}, {"wolves", "wolf", true}, {"fox", "fox", false},
		{"glasses", "glasses", false}, {"people", "people", false}, {"cacti", "cactus", true},
		{"women", "woman", true}, {"knives", "knife", true},
		// WordNet has "men" and "elves" as lemmas of no category; the
		// plural of man and elf is meant.
		{"men", "man", true}, {"elves", "elf", true}, {"data", "data", false},
	} {
		e, plural, ok := FindNoun(c.w)
		if !ok || e.Lemma != c.lemma || plural != c.plural {
			t.Errorf("FindNoun(%q) = %q %v %v, want %q %v", c.w, e.Lemma, plural, ok, c.lemma, c.plural)
		}
	}
	if _, _, ok := FindNoun("zorblax"); ok {
		t.Error("zorblax is not a noun in WordNet")
	}
	for _, c := range [][2]string{{"mouse", "mice"}, {"fox", "foxes"}, {"berry", "berries"}, {"cat", "cats"}, {"wolf", "wolves"}, {"day", "days"}} {
		if got := Plural(c[0]); got != c[1] {
			t.Errorf("Plural(%q) = %q, want %q", c[0], got, c[1])
		}
	}
}

func TestFindVerb(t *testing.T) {
	for _, c := range [][3]string{{"running", "run", "ing"}, {"perched", "perch", "ed"}, {"sleeps", "sleep", "s"}, {"flying", "fly", "ing"}, {"sat", "sit", "ed"}, {"riding", "ride", "ing"}} {
		e, form, ok := FindVerb(c[0])
		if !ok || e.Lemma != c[1] || form != c[2] {
			t.Errorf("FindVerb(%q) = %q %q %v", c[0], e.Lemma, form, ok)
		}
	}
}

func TestMaterialAdjective(t *testing.T) {
	if e, _ := Lookup("woolen"); e.Of != "wool" {
		t.Errorf("woolen comes from %q", e.Of)
	}
}

func TestSingular(t *testing.T) {
	for _, c := range [][2]string{
		{"cats", "cat"}, {"mice", "mouse"}, {"red foxes", "red fox"}, {"bus", "bus"}, {"glasses", "glasses"},
		{"berries", "berry"}, {"wolves", "wolf"}, {"zorblaxes", "zorblaxes"}, {"cat", "cat"}, {"", ""},
		{"geese", "goose"}, {"dresses", "dress"}, {"boxes", "box"},
	} {
		if got := Singular(c[0]); got != c[1] {
			t.Errorf("Singular(%q) = %q, want %q", c[0], got, c[1])
		}
	}
}

// TestFurnishings checks that what stands in a room comes from WordNet's
// links: parts, things of a kind named for the room, shared words.
func TestFurnishings(t *testing.T) {
	for room, want := range map[string]string{
		"bathroom":   "bathtub",  // a part
		"hotel room": "bed",      // a bedroom's part
		"kitchen":    "stove",    // a kitchen appliance
		"study":      "desk",     // "reading and writing": "a writing surface"
		"nursery":    "crib",     // "for a baby": "baby bed"
		"library":    "bookcase", // "where books are kept": "shelves for storing books"
	} {
		var got []string
		for _, f := range Furnishings(room) {
			got = append(got, f.Name)
		}
		if !slices.Contains(got, want) {
			t.Errorf("Furnishings(%q) = %q, want %q among them", room, got, want)
		}
	}
	if got := Furnishings("meadow"); got != nil {
		t.Errorf("Furnishings(meadow) = %v, want none", got)
	}
}

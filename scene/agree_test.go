package scene

import (
	"github.com/easel-art/easel"
	"slices"
	"testing"
)

// TestElementAgreesWithCategory: a noun the lexicon draws as one kind of
// thing (a crane among the birds, a mouse among the animals) and WordNet
// knows as another is drawn as what the idea's words make it, both
// readings of each noun. Fresh ideas, not from the corpus.
func TestElementAgreesWithCategory(t *testing.T) {
	for _, c := range []struct {
		idea, noun, category, element string
		notElement, notDomain         string // what the other reading brought
	}{
		{"a crane lifting steel beams over a skyscraper", "crane", "device", "object", "birds", "bird"},
		{"a crane at a construction site", "crane", "device", "object", "birds", "bird"},
		{"a tower crane above the harbor", "crane", "device", "object", "birds", "bird"},
		{"a crane standing in shallow water at dawn", "crane", "bird", "birds", "", ""},
		{"a wireless mouse beside a laptop", "mouse", "device", "object", "animal", "animal"},
		{"a field mouse among the wheat", "mouse", "mammal", "animal", "", ""},
		{"a cricket bat on the grass", "bat", "device", "object", "birds", "horror"},
		{"two bats hanging in a dark cave", "bats", "mammal", "birds", "", ""},
		{"a roast duck on a platter", "duck", "food", "food", "birds", "bird"},
		{"a duck paddling on a pond", "duck", "bird", "birds", "", ""},
		{"roasted chicken on a wooden board", "chicken", "food", "food", "birds", "animal"},
		{"a hen and her chicks in a farmyard", "hen", "bird", "birds", "", ""},
		{"a rocking horse in a nursery", "horse", "toy", "object", "horse", "animal"},
		{"a horse grazing in a meadow", "horse", "mammal", "horse", "", ""},
		// Where the idea's words do not speak clearly, the lexicon's
		// kind stands: a climber on a cliff is no climbing plant.
		{"a climber resting on a granite ledge", "climber", "person", "person", "", ""},
		// A sense WordNet never saw used (a man as a game piece) is no
		// reading at all, whatever the words around it speak of.
		{"a man playing a guitar on a street corner", "man", "person", "person", "object", ""},
		{"a man tuning a violin", "man", "person", "person", "object", ""},
		// A person's rare mammal sense (the hominid) is still drawn as a
		// person, whatever the woods around speak of.
		{"a man walking his dog in the woods", "man", "person", "person", "", ""},
		{"a man hunting deer in the forest", "man", "person", "person", "", ""},
		// A room's words speak of buildings; what stands in the room
		// is none: houseplants, not factories.
		{"a small bedroom with a window and plants", "plants", "plant", "flowers", "", ""},
		{"a sunny living room full of plants", "plants", "plant", "flowers", "", ""},
		// The lexicon's kind picks a real sense of the noun, not a rare
		// or slang one: a fairy is no person, a coconut no palm tree, a
		// seal (5%) still the animal.
		{"a tiny fairy asleep on a toadstool", "fairy", "creature", "person", "", ""},
		{"a coconut lying on the warm sand", "coconut", "food", "palms", "", ""},
		{"a grey seal resting on a rock", "seal", "sea mammal", "animal", "", ""},
	} {
		sc := Parse(c.idea)
		i := slices.IndexFunc(sc.Subjects, func(s easel.Subject) bool { return s.Noun == c.noun })
		if i < 0 {
			t.Errorf("%q: no subject %q in %+v", c.idea, c.noun, sc.Subjects)
			continue
		}
		s := sc.Subjects[i]
		if s.Category != c.category || s.Element != c.element {
			t.Errorf("%q: %s is %s drawn as %q, want %s drawn as %q", c.idea, c.noun, s.Category, s.Element, c.category, c.element)
		}
		if c.notElement != "" && sc.HasElement(c.notElement) {
			t.Errorf("%q: elements %v still have %q", c.idea, sc.Elements, c.notElement)
		}
		if c.notDomain != "" && sc.Domain == c.notDomain {
			t.Errorf("%q: domain is still %q", c.idea, sc.Domain)
		}
	}
}

package canvas

import (
	"reflect"
	"strings"
	"testing"

	"github.com/easel-art/easel/scene"
)

// TestFoodOfItsKind checks that a food is drawn as its own kind, not a
// generic of another: sushi rolls are sushi (not bread rolls), a dish
// named before the noun names the dish while a fruit or a vegetable
// before it is a flavour (banana bread is bread), and a sandwich is
// slices of bread unless it is a burger (a grilled cheese was drawn as a
// hamburger).
func TestFoodOfItsKind(t *testing.T) {
	sushi := reflect.ValueOf((*painter).sushiBoard).Pointer()
	for _, tc := range []struct {
		idea      string
		wantSushi bool
	}{
		{"a plate of sushi rolls with chopsticks", true},
		{"salmon sushi rolls on a slate", true},
		{"a loaf of banana bread", false},
		{"a plate of chocolate croissants", false},
	} {
		p := planOf(scene.Parse(tc.idea))
		s := p.foodSubject()
		if s == nil {
			t.Errorf("%q: no food subject", tc.idea)
			continue
		}
		f := foodDrawerFor(s, p.words)
		if got := f != nil && reflect.ValueOf(f).Pointer() == sushi; got != tc.wantSushi {
			t.Errorf("%q (%s): drawn as sushi %v, want %v", tc.idea, s.Noun, got, tc.wantSushi)
		}
	}
	for _, tc := range []struct {
		idea   string
		burger bool
	}{
		{"a grilled cheese sandwich cut in half", false},
		{"a ham sandwich with pickles", false},
		{"a turkey club sandwich", false},
		{"a juicy cheeseburger with fries", true},
		{"a double hamburger on a tray", true},
	} {
		p := planOf(scene.Parse(tc.idea))
		s := p.foodSubject()
		if s == nil || s.Category != "sandwich" {
			t.Errorf("%q: food subject %v, want a sandwich", tc.idea, s)
			continue
		}
		if got := burger(s); got != tc.burger {
			t.Errorf("%q: a burger %v, want %v", tc.idea, got, tc.burger)
		}
	}
}

// TestFoodStandInNoted checks that a dish drawn as the shape of another
// of its kind is noted as a plain shape: an omelette or a curry drawn as
// a round pie, lasagna as a tangle of spaghetti (both were silent); a
// pizza, a pie, spaghetti are drawn in their own shape.
func TestFoodStandInNoted(t *testing.T) {
	for _, tc := range []struct{ idea, roughly string }{
		{"a fluffy omelette on a white plate", "the omelette"},
		{"a plate of lasagna", "the lasagna"},
		{"a steaming bowl of beef curry", "the curry"},
		{"a pepperoni pizza", ""},
		{"a plate of spaghetti", ""},
		{"a cheese quiche", ""},
	} {
		_, r := Notes(scene.Parse(tc.idea), "", 7)
		if got := strings.Join(r, ", "); got != tc.roughly {
			t.Errorf("%q: plain shape %q, want %q", tc.idea, got, tc.roughly)
		}
	}
}

// TestSandwichStandIn checks that a sandwich of another shape drawn as
// slices of bread is noted as a plain shape ("a hot dog"), and a
// sandwich of bread is not.
func TestSandwichStandIn(t *testing.T) {
	for _, tc := range []struct{ idea, roughly string }{
		{"a hot dog on a paper plate", "the hot dog"},
		{"a ham sandwich with pickles", ""},
		{"a blt on a plate", ""},
		{"a juicy cheeseburger", ""},
	} {
		_, r := Notes(scene.Parse(tc.idea), "", 7)
		if got := strings.Join(r, ", "); got != tc.roughly {
			t.Errorf("%q: plain shape %q, want %q", tc.idea, got, tc.roughly)
		}
	}
}

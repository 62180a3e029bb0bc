package canvas

import (
	"slices"
	"testing"

	"github.com/easel-art/easel/scene"
)

// TestDrinkInItsCup checks that the drink a cup holds is the one the idea
// names: green tea is green-gold in the cup (it was coffee brown), and
// the drink is noted as drawn, not "not drawn".
func TestDrinkInItsCup(t *testing.T) {
	for _, tc := range []struct {
		idea  string
		drink string
		green bool
	}{
		{"green tea in a white teacup", "the green tea", true},
		{"a cup of matcha on a bamboo mat", "the matcha", true},
		{"a cup of chai", "the chai", false},
		{"a cup of black coffee", "", false},
	} {
		s := scene.Parse(tc.idea)
		nd, _ := Notes(s, "", 7)
		if tc.drink != "" && slices.Contains(nd, tc.drink) {
			t.Errorf("%q: %s noted as not drawn, and it is in the cup", tc.idea, tc.drink)
		}
		img := Draw(s, "", 128, 128, 7)
		n := 0
		for i := 0; i < len(img.Pix); i += 4 {
			r, g, b := int(img.Pix[i]), int(img.Pix[i+1]), int(img.Pix[i+2])
			if g > r && g > b+50 {
				n++
			}
		}
		if got := n > 20; got != tc.green {
			t.Errorf("%q: %d green-gold pixels, want green %v", tc.idea, n, tc.green)
		}
	}
}

package builtin

import (
	"strings"
	"testing"
)

// TestVintageCarLinesOnlyWhenOld: "car" is the element of every road
// vehicle, so chrome fenders and whitewall tires belong only to a car the
// words call old; a bicycle, a bus or a racing car never gets them.
func TestVintageCarLinesOnlyWhenOld(t *testing.T) {
	vintage := []string{"whitewall", "chrome bumper", "rounded fenders"}
	for _, idea := range []string{"a bicycle leaning against a brick wall", "a red double-decker bus in london",
		"a racing car on a track", "a motorcycle in front of a glass skyscraper", "a yellow taxi in the rain"} {
		for seed := int64(1); seed <= 8; seed++ {
			for _, p := range writeN(t, idea, seed, 3, 0) {
				for _, w := range vintage {
					if strings.Contains(p.Text, w) {
						t.Errorf("%q seed %d: %q in:\n%s", idea, seed, w, p.Text)
					}
				}
			}
		}
	}
	seen := false
	for seed := int64(1); seed <= 8 && !seen; seed++ {
		for _, p := range writeN(t, "a vintage car on a country road", seed, 3, 0) {
			for _, w := range vintage {
				seen = seen || strings.Contains(p.Text, w)
			}
		}
	}
	if !seen {
		t.Error("a vintage car never got its chrome and whitewall lines over 8 seeds")
	}
}

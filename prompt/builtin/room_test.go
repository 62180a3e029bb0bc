package builtin

import (
	"regexp"
	"strings"
	"testing"

	"github.com/easel-art/easel/scene"
)

// outsideLines frame a thing seen from outside or placed in a landscape:
// not the room a picture is inside.
var outsideLines = regexp.MustCompile(`(?i)stands? solid|horizon|houses|(left|right) third|off-center|set against|places the|sits? slightly|shadow beneath`)

// TestRoomSubject checks that an idea whose main subject is a room or the
// interior it names is written from inside that room, whatever WordNet
// files its noun under (an office is a structure, a study nothing), and
// that the Scene handed back keeps the parser's category.
func TestRoomSubject(t *testing.T) {
	for _, idea := range []string{
		"a home office with two monitors",
		"a tiny study with a leather armchair",
		"a dining room with six chairs",
		"a laundry room with a folding table",
		"a bathroom with green tiles",
		"a sunny home office with a bookshelf",
		"a busy print workshop with hanging posters",
		"a hotel lobby with a marble floor",
	} {
		want := scene.Parse(idea).Subjects[0].Category
		for seed := int64(1); seed <= 6; seed++ {
			for _, p := range writeN(t, idea, seed, 3, 0) {
				if m := outsideLines.FindString(p.Text); m != "" || strings.Contains(p.Text, "still life") {
					t.Errorf("%q seed %d: %q:\n%s", idea, seed, m, p.Text)
				}
				if got := p.Scene.Subjects[0].Category; got != want {
					t.Errorf("%q seed %d: Scene category %q, want %q", idea, seed, got, want)
				}
			}
		}
	}
}

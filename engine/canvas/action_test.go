package canvas

import (
	"testing"

	"github.com/easel-art/easel/scene"
)

// TestActionIdeasDraw: people and creatures doing things are drawn
// without a panic on every seed (a farmer feeding chickens once asked a
// nil subject for its body plan).
func TestActionIdeasDraw(t *testing.T) {
	for _, idea := range []string{
		"a farmer feeding chickens in a yard",
		"a shepherd feeding lambs on a hill",
	} {
		for seed := int64(1); seed <= 2; seed++ {
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Errorf("%q seed %d: panic %v", idea, seed, r)
					}
				}()
				Draw(scene.Parse(idea), "", 64, 64, seed)
			}()
		}
	}
}

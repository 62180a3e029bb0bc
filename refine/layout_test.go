package refine

import (
	"testing"

	"github.com/easel-art/easel/scene"
)

// TestRefineKeepsLayout: a refined Scene carries its first picture's layout
// key, so the canvas repaints the same composition (the lighthouse does not
// jump to the other side when it is made night or a boat is added), and a
// refine of the refine keeps it too.
func TestRefineKeepsLayout(t *testing.T) {
	idea := "a lighthouse on a rocky coast"
	parent := scene.Parse(idea)
	want := parent.LayoutKey()
	differs := 0
	for _, ins := range []string{"make it night", "add a red sailboat", "stormy", "foggy", "as a watercolor", "closer"} {
		edits, err := Parse(ins)
		if err != nil {
			t.Fatalf("%q: %v", ins, err)
		}
		res, err := Apply(idea, parent, edits)
		if err != nil {
			t.Fatalf("%q: %v", ins, err)
		}
		if got := res.Scene.LayoutKey(); got != want {
			t.Errorf("%q: layout key %q, want the parent's %q", ins, got, want)
		}
		// Adding things changes the Scene's own key: Layout is what keeps it.
		own := *res.Scene
		own.Layout = ""
		if own.LayoutKey() != want {
			differs++
		}
		edits2, _ := Parse("add two seagulls")
		res2, err := Apply(res.Idea, res.Scene, edits2)
		if err != nil {
			t.Fatalf("%q then add two seagulls: %v", ins, err)
		}
		if got := res2.Scene.LayoutKey(); got != want {
			t.Errorf("%q then add two seagulls: layout key %q, want %q", ins, got, want)
		}
	}
	if differs < 2 {
		t.Errorf("only %d edits changed the Scene's own layout key; the test proves little", differs)
	}
}

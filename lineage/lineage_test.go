package lineage

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/easel-art/easel"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// memGallery is an in-memory easel.Gallery with the sqlite store's
// contract: Get takes a unique prefix (ENOTFOUND, or EINVALID when
// ambiguous), List is newest first and filters by parent, Delete keeps
// the children.
type memGallery struct {
	arts []*easel.Artwork // oldest first
	next int
}

func (g *memGallery) Add(ctx context.Context, a *easel.Artwork, png []byte) error {
	g.next++
	if a.ID == "" {
		a.ID = hexID(g.next)
	}
	a.CreatedAt = time.Unix(int64(g.next), 0)
	c := *a
	g.arts = append(g.arts, &c)
	return nil
}

func hexID(n int) string {
	const digits = "0123456789abcdef"
	b := []byte("a000000000000000")
	for i := len(b) - 1; n > 0; i-- {
		b[i] = digits[n%16]
		n /= 16
	}
	return string(b)
}

func (g *memGallery) Get(ctx context.Context, id string) (*easel.Artwork, error) {
	var found []*easel.Artwork
	for _, a := range g.arts {
		if strings.HasPrefix(a.ID, id) {
			found = append(found, a)
		}
	}
	switch len(found) {
	case 0:
		return nil, easel.Errorf(easel.ENOTFOUND, "no artwork %q", id)
	case 1:
		c := *found[0]
		return &c, nil
	}
	return nil, easel.Errorf(easel.EINVALID, "id %q matches several artworks", id)
}

func (g *memGallery) List(ctx context.Context, f easel.ArtworkFilter) ([]*easel.Artwork, error) {
	var out []*easel.Artwork
	for _, a := range slices.Backward(g.arts) {
		if (f.ParentID == "" || a.ParentID == f.ParentID) && (f.SHA256 == "" || strings.EqualFold(a.SHA256, f.SHA256)) {
			c := *a
			out = append(out, &c)
		}
	}
	if f.Offset > 0 {
		out = out[min(f.Offset, len(out)):]
	}
	if f.Limit > 0 && len(out) > f.Limit {
		out = out[:f.Limit]
	}
	return out, nil
}

// Images is nil: lineage reads no picture files through the gallery.
func (g *memGallery) Images() easel.ImageStore { return nil }

func (g *memGallery) Search(ctx context.Context, q string, f easel.ArtworkFilter) ([]*easel.Artwork, error) {
	return nil, nil
}

func (g *memGallery) Delete(ctx context.Context, id string) error {
	g.arts = slices.DeleteFunc(g.arts, func(a *easel.Artwork) bool { return a.ID == id })
	return nil
}

func (g *memGallery) Close() error { return nil }

// add adds an artwork made from parent by method and returns its id.
func (g *memGallery) add(t *testing.T, parent, method string, seed int64) string {
	t.Helper()
	a := &easel.Artwork{Idea: "a beach sunset", Prompt: fmt.Sprintf("A beach at sunset, variation %d", seed), Engine: "builtin",
		Seed: seed, ParentID: parent, Method: method}
	if err := g.Add(t.Context(), a, nil); err != nil {
		t.Fatal(err)
	}
	return a.ID
}

// family builds three generations and a reproduction:
//
//	root (imagine)
//	├── s1 (vary-subtle)
//	│   ├── g1 (vary-strong)
//	│   │   └── r1 (reproduce)
//	│   └── g2 (vary-subtle)
//	└── s2 (vary-strong)
func family(t *testing.T) (*memGallery, map[string]string) {
	g := &memGallery{}
	ids := map[string]string{}
	ids["root"] = g.add(t, "", easel.MethodImagine, 42)
	ids["s1"] = g.add(t, ids["root"], easel.MethodVarySubtle, 7)
	ids["s2"] = g.add(t, ids["root"], easel.MethodVaryStrong, 8)
	ids["g1"] = g.add(t, ids["s1"], easel.MethodVaryStrong, 3)
	ids["g2"] = g.add(t, ids["s1"], easel.MethodVarySubtle, 4)
	ids["r1"] = g.add(t, ids["g1"], easel.MethodReproduce, 3)
	// An unrelated picture.
	g.add(t, "", easel.MethodImagine, 1)
	return g, ids
}

func mustGet(t *testing.T, g *memGallery, id string) *easel.Artwork {
	t.Helper()
	a, err := g.Get(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func chainIDs(chain []Link) []string {
	var out []string
	for _, l := range chain {
		s := l.ID
		if l.Deleted() {
			s += " (deleted)"
		}
		out = append(out, s)
	}
	return out
}

func TestChain(t *testing.T) {
	g, ids := family(t)
	chain, err := Chain(t.Context(), g, mustGet(t, g, ids["r1"]))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{ids["root"], ids["s1"], ids["g1"], ids["r1"]}
	if got := chainIDs(chain); !slices.Equal(got, want) {
		t.Fatalf("chain = %v; want %v", got, want)
	}
	if Idea(chain) != "a beach sunset" {
		t.Errorf("Idea = %q", Idea(chain))
	}
	// A picture with no parent is a chain of one.
	chain, _ = Chain(t.Context(), g, mustGet(t, g, ids["root"]))
	if len(chain) != 1 {
		t.Errorf("root chain = %v", chainIDs(chain))
	}
}

func TestChainAfterDelete(t *testing.T) {
	g, ids := family(t)
	g.Delete(t.Context(), ids["s1"])
	// The grandchild keeps its parent's id; the chain stops there.
	chain, err := Chain(t.Context(), g, mustGet(t, g, ids["r1"]))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{ids["s1"] + " (deleted)", ids["g1"], ids["r1"]}
	if got := chainIDs(chain); !slices.Equal(got, want) {
		t.Fatalf("chain = %v; want %v", got, want)
	}
	if Idea(chain) != "a beach sunset" {
		t.Errorf("the idea is lost with the parent: %q", Idea(chain))
	}
	// The family of a grandchild is rooted at the deleted parent and
	// still holds both of its children.
	root, err := Family(t.Context(), g, mustGet(t, g, ids["g2"]))
	if err != nil {
		t.Fatal(err)
	}
	if root.ID != ids["s1"] || root.Art != nil || len(root.Children) != 2 {
		t.Fatalf("family root = %+v", root)
	}
}

func TestChainStopsAtCycle(t *testing.T) {
	g := &memGallery{}
	a := g.add(t, "", easel.MethodImagine, 1)
	b := g.add(t, a, easel.MethodVarySubtle, 2)
	g.arts[0].ParentID = b // damaged: a and b are each other's parent
	chain, err := Chain(t.Context(), g, mustGet(t, g, b))
	if err != nil || len(chain) != 2 {
		t.Fatalf("chain = %v, %v; want two links and no loop", chainIDs(chain), err)
	}
	root, err := Family(t.Context(), g, mustGet(t, g, b))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	root.Walk(func(*Node, int) { n++ })
	if n != 2 {
		t.Fatalf("family of a cycle has %d nodes; want 2", n)
	}
}

func TestFamilyAndFormats(t *testing.T) {
	g, ids := family(t)
	for _, from := range []string{"root", "g2", "r1"} {
		root, err := Family(t.Context(), g, mustGet(t, g, ids[from]))
		if err != nil {
			t.Fatal(err)
		}
		if root.ID != ids["root"] {
			t.Fatalf("family of %s is rooted at %s; want %s", from, root.ID, ids["root"])
		}
		var depths []int
		root.Walk(func(n *Node, d int) { depths = append(depths, d) })
		if want := []int{0, 1, 2, 3, 2, 1}; !slices.Equal(depths, want) {
			t.Fatalf("depths = %v; want %v (the unrelated picture must not show)", depths, want)
		}
	}
	root, _ := Family(t.Context(), g, mustGet(t, g, ids["g2"]))
	var tree bytes.Buffer
	if err := WriteTree(&tree, root, ids["g2"]); err != nil {
		t.Fatal(err)
	}
	golden(t, "tree.golden", tree.Bytes())

	chain, _ := Chain(t.Context(), g, mustGet(t, g, ids["r1"]))
	var b bytes.Buffer
	WriteChain(&b, chain, ids["r1"], "  ")
	g.Delete(t.Context(), ids["s1"])
	chain, _ = Chain(t.Context(), g, mustGet(t, g, ids["r1"]))
	b.WriteString("--- after deleting " + ids["s1"] + "\n")
	WriteChain(&b, chain, ids["r1"], "  ")
	root, _ = Family(t.Context(), g, mustGet(t, g, ids["r1"]))
	WriteTree(&b, root, ids["r1"])
	golden(t, "chain.golden", b.Bytes())
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test -update to accept):\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

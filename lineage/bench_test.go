package lineage

import (
	"fmt"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/store/sqlite"
)

// BenchmarkFamily measures gallery tree on the sqlite store: a family of
// 1 + 10 + 100 artworks (three generations) among 1000 others.
func BenchmarkFamily(b *testing.B) {
	g, err := sqlite.Open(b.Context(), b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer g.Close()
	add := func(parent string, i int) *easel.Artwork {
		a := &easel.Artwork{Idea: "a beach sunset", Prompt: fmt.Sprintf("prompt %d", i), Engine: "builtin", Seed: int64(i),
			Width: 64, Height: 64, ParentID: parent, Method: easel.MethodVarySubtle}
		if err := g.Add(b.Context(), a, []byte(fmt.Sprintf("png %d", i))); err != nil {
			b.Fatal(err)
		}
		return a
	}
	root := add("", 0)
	var leaf *easel.Artwork
	for i := range 10 {
		kid := add(root.ID, 1+i)
		for j := range 10 {
			leaf = add(kid.ID, 100+10*i+j)
		}
	}
	for i := range 1000 {
		add("", 10000+i)
	}
	b.Run("tree", func(b *testing.B) {
		for b.Loop() {
			n, err := Family(b.Context(), g, leaf)
			if err != nil || len(n.Children) != 10 {
				b.Fatal(err)
			}
		}
	})
	b.Run("chain", func(b *testing.B) {
		for b.Loop() {
			if c, err := Chain(b.Context(), g, leaf); err != nil || len(c) != 3 {
				b.Fatal(err)
			}
		}
	})
	// FindFile scans the gallery: this is its cost at 1111 artworks.
	b.Run("findfile", func(b *testing.B) {
		for b.Loop() {
			if a, err := FindFile(b.Context(), g, []byte("png 5")); err != nil || a == nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkPlainPrompt(b *testing.B) {
	s := "masterpiece, best quality, (a castle on a hill:1.2), [full moon|crescent moon], <lora:add_detail:0.6>, " +
		"((dramatic clouds)), BREAK night sky, stars, embedding:EasyNegative, highly detailed"
	for b.Loop() {
		PlainPrompt(s)
	}
}

// Package gallerytest is the conformance suite for easel.Gallery: every
// gallery implementation (store/sqlite, store/postgres) runs
// it, so they all keep the contract documented on the interface.
package gallerytest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"testing"

	"github.com/easel-art/easel"
)

// Run checks the easel.Gallery contract on galleries made by newGallery,
// which returns an empty gallery and arranges for it to be closed.
func Run(t *testing.T, newGallery func(t *testing.T) easel.Gallery) {
	t.Run("AddFillsRecord", func(t *testing.T) { testAdd(t, newGallery(t)) })
	t.Run("GetByPrefix", func(t *testing.T) { testGet(t, newGallery(t)) })
	t.Run("ListOrderAndFilters", func(t *testing.T) { testList(t, newGallery(t)) })
	t.Run("Search", func(t *testing.T) { testSearch(t, newGallery(t)) })
	t.Run("DeleteKeepsChildren", func(t *testing.T) { testDelete(t, newGallery(t)) })
	t.Run("ImagesByDigest", func(t *testing.T) { testImages(t, newGallery(t)) })
	t.Run("FailedAddLeavesNothing", func(t *testing.T) { testFailedAdd(t, newGallery(t)) })
}

func art(idea string) *easel.Artwork {
	return &easel.Artwork{Idea: idea, Prompt: "A picture of " + idea, Engine: "builtin", Model: "canvas",
		Seed: 1, Width: 64, Height: 64, Method: easel.MethodImagine,
		Scene: &easel.Scene{Subject: idea, Elements: []string{"sea"}}}
}

func add(t *testing.T, g easel.Gallery, a *easel.Artwork, png string) *easel.Artwork {
	t.Helper()
	if err := g.Add(context.Background(), a, []byte(png)); err != nil {
		t.Fatalf("Add(%s): %v", a.Idea, err)
	}
	return a
}

func testAdd(t *testing.T, g easel.Gallery) {
	a := art("a beach sunset")
	a.Method, a.ParentID, a.Instruction = easel.MethodRefine, "parent-id", "make it night"
	a = add(t, g, a, "png bytes")
	if a.ID == "" || len(a.SHA256) != 64 || a.Path == "" || a.CreatedAt.IsZero() {
		t.Fatalf("Add left the record incomplete: %+v", a)
	}
	got, err := g.Get(context.Background(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Idea != a.Idea || got.Prompt != a.Prompt || got.Seed != a.Seed || got.SHA256 != a.SHA256 ||
		got.Scene == nil || got.Scene.Subject != a.Idea || got.Method != a.Method ||
		got.ParentID != a.ParentID || got.Instruction != a.Instruction {
		t.Fatalf("Get = %+v; want %+v", got, a)
	}
}

func testGet(t *testing.T, g easel.Gallery) {
	ctx := context.Background()
	a := add(t, g, art("a fox"), "fox")
	for _, id := range []string{a.ID, a.ID[:8]} {
		if got, err := g.Get(ctx, id); err != nil || got.ID != a.ID {
			t.Errorf("Get(%q) = %v, %v", id, got, err)
		}
	}
	if _, err := g.Get(ctx, "ffffffffffffffff"); easel.ErrorCode(err) != easel.ENOTFOUND {
		t.Errorf("Get(unknown) err = %v; want ENOTFOUND", err)
	}
}

func testList(t *testing.T, g easel.Gallery) {
	ctx := context.Background()
	var arts []*easel.Artwork
	for i := range 5 {
		arts = append(arts, add(t, g, art(fmt.Sprintf("idea %d", i)), fmt.Sprintf("png %d", i%3)))
	}
	kid := art("a child")
	kid.ParentID = arts[0].ID
	add(t, g, kid, "kid")
	all, err := g.List(ctx, easel.ArtworkFilter{})
	if err != nil || len(all) != 6 || all[0].ID != kid.ID || all[5].ID != arts[0].ID {
		t.Fatalf("List = %d, %v; want 6, newest first", len(all), err)
	}
	page, _ := g.List(ctx, easel.ArtworkFilter{Limit: 2, Offset: 1})
	if len(page) != 2 || page[0].ID != arts[4].ID || page[1].ID != arts[3].ID {
		t.Errorf("List limit 2 offset 1 = %v", page)
	}
	kids, _ := g.List(ctx, easel.ArtworkFilter{ParentID: arts[0].ID})
	if len(kids) != 1 || kids[0].ID != kid.ID {
		t.Errorf("List by parent = %v", kids)
	}
	same, _ := g.List(ctx, easel.ArtworkFilter{SHA256: arts[0].SHA256})
	if len(same) != 2 || same[0].ID != arts[3].ID || same[1].ID != arts[0].ID {
		t.Errorf("List by sha256 = %v; want the two artworks sharing the file", same)
	}
}

func testSearch(t *testing.T, g easel.Gallery) {
	ctx := context.Background()
	add(t, g, art("a castle on a hill"), "1")
	add(t, g, art("a snowy castle"), "2")
	add(t, g, art("a beach sunset"), "3")
	for q, want := range map[string]int{"castle": 2, "snowy castle": 1, "sunset": 1, "dragon": 0, "SUNSET": 1} {
		got, err := g.Search(ctx, q, easel.ArtworkFilter{})
		if err != nil || len(got) != want {
			t.Errorf("Search(%q) = %d, %v; want %d", q, len(got), err, want)
		}
	}
	if _, err := g.Search(ctx, " ,, ", easel.ArtworkFilter{}); easel.ErrorCode(err) != easel.EINVALID {
		t.Errorf("Search of no words: %v; want EINVALID", err)
	}
}

// testFailedAdd: an Add that fails leaves neither the record nor the file.
func testFailedAdd(t *testing.T, g easel.Gallery) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	a := art("an orphan")
	png := "orphan bytes"
	if err := g.Add(ctx, a, []byte(png)); err == nil {
		t.Fatal("Add with a cancelled context succeeded")
	}
	if all, _ := g.List(context.Background(), easel.ArtworkFilter{}); len(all) != 0 {
		t.Errorf("a failed Add left %d records", len(all))
	}
	sum := sha256.Sum256([]byte(png))
	if _, err := readImage(t, g, hex.EncodeToString(sum[:])); easel.ErrorCode(err) != easel.ENOTFOUND {
		t.Errorf("a failed Add left its file: %v", err)
	}
}

func testDelete(t *testing.T, g easel.Gallery) {
	ctx := context.Background()
	p := add(t, g, art("a lighthouse"), "p")
	kid := art("a lighthouse, stormy")
	kid.ParentID = p.ID
	add(t, g, kid, "k")
	if err := g.Delete(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := g.Get(ctx, p.ID); easel.ErrorCode(err) != easel.ENOTFOUND {
		t.Errorf("Get after Delete err = %v; want ENOTFOUND", err)
	}
	got, err := g.Get(ctx, kid.ID)
	if err != nil || got.ParentID != p.ID {
		t.Errorf("child after parent's delete = %v, %v; want it kept with its ParentID", got, err)
	}
	if err := g.Delete(ctx, p.ID); easel.ErrorCode(err) != easel.ENOTFOUND {
		t.Errorf("second Delete err = %v; want ENOTFOUND", err)
	}
}

func readImage(t *testing.T, g easel.Gallery, key string) (string, error) {
	t.Helper()
	rc, err := g.Images().Open(context.Background(), key)
	if err != nil {
		return "", err
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	return string(b), err
}

// testImages checks that a picture's bytes are read back by its digest,
// and that its file goes with the last artwork that shares it.
func testImages(t *testing.T, g easel.Gallery) {
	ctx := context.Background()
	a := add(t, g, art("a red kite"), "kite png")
	b := add(t, g, art("a red kite again"), "kite png")
	if a.SHA256 != b.SHA256 {
		t.Fatalf("same bytes, digests %s and %s", a.SHA256, b.SHA256)
	}
	if got, err := readImage(t, g, a.SHA256); err != nil || got != "kite png" {
		t.Fatalf("Images().Open = %q, %v; want the PNG's bytes", got, err)
	}
	if err := g.Delete(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if got, err := readImage(t, g, b.SHA256); err != nil || got != "kite png" {
		t.Fatalf("after deleting one of two sharing the file: %q, %v; want the file kept", got, err)
	}
	if err := g.Delete(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := readImage(t, g, b.SHA256); easel.ErrorCode(err) != easel.ENOTFOUND {
		t.Fatalf("after deleting the last: %v; want ENOTFOUND", err)
	}
}

// Package jobstoretest is the conformance suite for the batch jobs'
// exactly-once store (pipeline.JobStore) that galleries implement
// (store/sqlite, store/postgres): every one runs it.
package jobstoretest

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/pipeline"
)

// Store is a gallery that keeps batch jobs exactly once.
type Store interface {
	easel.Gallery
	pipeline.JobStore
}

// Run checks the contract on stores made by newStore, which returns an
// empty store and arranges for it to be closed.
func Run(t *testing.T, newStore func(t *testing.T) Store) {
	t.Run("SaveJobOnce", func(t *testing.T) { testSaveOnce(t, newStore(t)) })
	t.Run("SaveJobTogether", func(t *testing.T) { testTogether(t, newStore(t)) })
	t.Run("NothingStaged", func(t *testing.T) { testNothingStaged(t, newStore(t)) })
}

// PNG returns a small PNG that differs by seed.
func PNG(t testing.TB, seed int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 4, 4))
	img.Set(0, 0, color.NRGBA{uint8(seed), 2, 3, 255})
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// Artwork is a batch job's artwork before it is saved.
func Artwork(idea string) *easel.Artwork {
	return &easel.Artwork{Idea: idea, Prompt: idea, Engine: "fake", Seed: 1, Width: 4, Height: 4, Method: easel.MethodBatch}
}

func testSaveOnce(t *testing.T, s Store) {
	ctx := t.Context()
	p := PNG(t, 1)
	var first *easel.Artwork
	for i := range 2 { // a rerun after a crash changes nothing
		a := Artwork("a fox")
		if err := s.SaveJob(ctx, "b-1-0", []*easel.Artwork{a}, [][]byte{p}); err != nil {
			t.Fatal(err)
		}
		if a.ID == "" || a.SHA256 == "" || a.CreatedAt.IsZero() {
			t.Fatalf("SaveJob left the record incomplete: %+v", a)
		}
		if i == 0 {
			first = a
		}
	}
	arts, err := s.JobArtworks(ctx, "b-1-0")
	if err != nil || len(arts) != 1 || arts[0].Idea != "a fox" || arts[0].ID != first.ID {
		t.Fatalf("JobArtworks = %+v, %v; want the one saved first", arts, err)
	}
	if all, _ := s.List(ctx, easel.ArtworkFilter{}); len(all) != 1 {
		t.Fatalf("the gallery holds %d artworks; want 1", len(all))
	}
	if got, err := easel.ReadImage(ctx, s.Images(), arts[0].SHA256); err != nil || !bytes.Equal(got, p) {
		t.Fatalf("the job's picture reads back as %d bytes, %v", len(got), err)
	}
	if none, err := s.JobArtworks(ctx, "b-2-0"); err != nil || none != nil {
		t.Fatalf("JobArtworks of an unsaved job = %+v, %v; want nil", none, err)
	}
}

func testTogether(t *testing.T, s Store) {
	ctx := t.Context()
	arts := []*easel.Artwork{Artwork("one"), Artwork("two"), Artwork("three")}
	pngs := [][]byte{PNG(t, 1), PNG(t, 2), PNG(t, 3)}
	if err := s.SaveJob(ctx, "b-7-0", arts, pngs); err != nil {
		t.Fatal(err)
	}
	got, err := s.JobArtworks(ctx, "b-7-0")
	if err != nil || len(got) != 3 {
		t.Fatalf("JobArtworks = %d, %v; want 3", len(got), err)
	}
	for i, a := range got {
		if a.Idea != arts[i].Idea || a.ID != arts[i].ID {
			t.Errorf("artwork %d = %s %q; want %s %q, in order", i, a.ID, a.Idea, arts[i].ID, arts[i].Idea)
		}
	}
	if err := s.SaveJob(ctx, "b-8-0", nil, nil); err == nil {
		t.Error("SaveJob of no pictures succeeded")
	}
	if err := s.SaveJob(ctx, "b-8-0", arts[:1], pngs); err == nil {
		t.Error("SaveJob of one record for three pictures succeeded")
	}
}

func testNothingStaged(t *testing.T, s Store) {
	arts, pngs, err := s.StagedJob("b-5-0")
	if err != nil || arts != nil || pngs != nil {
		t.Fatalf("StagedJob of a job never staged = %v, %d, %v; want nothing", arts, len(pngs), err)
	}
}

package sqlite

import (
	"os"
	"testing"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/store/localdir"
)

// TestGC: an old file without a row is removed; a young one (its row may
// be on its way) and the files rows name are kept.
func TestGC(t *testing.T) {
	db := openTest(t)
	ctx := t.Context()
	kept := &easel.Artwork{Idea: "kept", Prompt: "kept", Engine: "fake", Seed: 1, Width: 4, Height: 4}
	if err := db.Add(ctx, kept, testPNG(t, 1)); err != nil {
		t.Fatal(err)
	}
	old, young := testPNG(t, 2), testPNG(t, 3)
	for _, b := range [][]byte{old, young} {
		if _, err := db.images.Put(ctx, localdir.Key(b), b); err != nil {
			t.Fatal(err)
		}
	}
	hour := time.Now().Add(-time.Hour)
	os.Chtimes(db.images.Path(localdir.Key(old)), hour, hour)
	r, err := db.GC(ctx, false)
	if err != nil || r.Objects != 3 || len(r.Orphans) != 1 || r.Orphans[0] != localdir.Key(old) {
		t.Fatalf("GC = %+v, %v; want the old orphan only", r, err)
	}
	for _, k := range []string{localdir.Key(young), kept.SHA256} {
		if _, err := os.Stat(db.images.Path(k)); err != nil {
			t.Errorf("GC removed %s: %v", k, err)
		}
	}
}

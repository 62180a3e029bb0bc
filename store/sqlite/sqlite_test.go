package sqlite

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/easel-art/easel"
)

func openTest(t *testing.T) *DB {
	t.Helper()
	db, err := Open(t.Context(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func artwork(idea, prompt string) *easel.Artwork {
	return &easel.Artwork{Idea: idea, Prompt: prompt, Engine: "builtin", Seed: 7, Width: 64, Height: 64,
		Method: easel.MethodImagine, Scene: &easel.Scene{Setting: "beach"}}
}

func TestAddGet(t *testing.T) {
	db := openTest(t)
	ctx := t.Context()
	a := artwork("a beach sunset", "A tranquil beach at sunset")
	png := []byte("\x89PNG fake bytes")
	if err := db.Add(ctx, a, png); err != nil {
		t.Fatal(err)
	}
	if len(a.ID) != 16 || a.SHA256 == "" || a.CreatedAt.IsZero() {
		t.Fatalf("Add did not fill id/sha/time: %+v", a)
	}
	want := filepath.Join(db.Dir(), "images", a.SHA256[:2], a.SHA256+".png")
	if a.Path != want {
		t.Fatalf("path = %s; want %s", a.Path, want)
	}
	if got, err := os.ReadFile(a.Path); err != nil || !bytes.Equal(got, png) {
		t.Fatalf("file = %q, %v; want the png bytes", got, err)
	}
	for _, id := range []string{a.ID, a.ID[:6], "  " + a.ID + " "} {
		got, err := db.Get(ctx, id)
		if err != nil {
			t.Fatalf("Get(%q): %v", id, err)
		}
		if got.Idea != a.Idea || got.Prompt != a.Prompt || got.Path != a.Path || got.Scene == nil || got.Scene.Setting != "beach" {
			t.Fatalf("Get(%q) = %+v; want %+v", id, got, a)
		}
	}
	for _, id := range []string{"ffffffffffffffff", "zz", ""} {
		if _, err := db.Get(ctx, id); easel.ErrorCode(err) != easel.ENOTFOUND {
			t.Fatalf("Get(%q) err = %v; want not found", id, err)
		}
	}
}

func TestListSearchDelete(t *testing.T) {
	db := openTest(t)
	ctx := t.Context()
	ideas := []string{"a beach sunset", "a castle on a hill", "a snowy castle at night"}
	var arts []*easel.Artwork
	for i, idea := range ideas {
		a := artwork(idea, "Prompt about "+idea)
		if err := db.Add(ctx, a, []byte{byte(i)}); err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
	}
	all, err := db.List(ctx, easel.ArtworkFilter{})
	if err != nil || len(all) != 3 || all[0].ID != arts[2].ID {
		t.Fatalf("List = %d items (first %v), %v; want 3, newest first", len(all), all, err)
	}
	if two, _ := db.List(ctx, easel.ArtworkFilter{Limit: 2}); len(two) != 2 {
		t.Fatalf("List limit 2 = %d items", len(two))
	}
	tests := []struct {
		query string
		want  int
	}{
		{"castle", 2},
		{"cast", 2},    // prefix
		{"castles", 2}, // porter stemming
		{"snowy castle", 1},
		{"SUNSET", 1},
		{`"beach" -( *`, 1}, // punctuation is not FTS syntax
		{"dragon", 0},
	}
	for _, tt := range tests {
		got, err := db.Search(ctx, tt.query, easel.ArtworkFilter{})
		if err != nil || len(got) != tt.want {
			t.Errorf("Search(%q) = %d, %v; want %d", tt.query, len(got), err, tt.want)
		}
	}
	if err := db.Delete(ctx, arts[1].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(arts[1].Path); !os.IsNotExist(err) {
		t.Fatalf("file still there after delete: %v", err)
	}
	if got, _ := db.Search(ctx, "castle", easel.ArtworkFilter{}); len(got) != 1 {
		t.Fatalf("search after delete = %d; want 1", len(got))
	}
}

func TestReopenKeepsData(t *testing.T) {
	dir := t.TempDir()
	db, err := Open(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	a := artwork("a desert", "desert")
	db.Add(t.Context(), a, []byte("d"))
	db.Close()
	db, err = Open(t.Context(), dir) // migrations already applied: a no-op
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Get(t.Context(), a.ID); err != nil {
		t.Fatalf("artwork lost on reopen: %v", err)
	}
}

func TestUnwritableDir(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("permissions differ")
	}
	ro := filepath.Join(t.TempDir(), "ro")
	os.Mkdir(ro, 0o555)
	if os.Getuid() == 0 {
		// root ignores permissions; a path under a regular file fails for everyone.
		f := filepath.Join(t.TempDir(), "file")
		os.WriteFile(f, nil, 0o644)
		ro = filepath.Join(f, "sub")
	}
	_, err := Open(t.Context(), ro)
	if easel.ErrorCode(err) != easel.EINVALID {
		t.Fatalf("Open(%s) err = %v; want invalid", ro, err)
	}
}

func TestListBySHA256(t *testing.T) {
	db := openTest(t)
	ctx := t.Context()
	a, b, c := artwork("a", "a"), artwork("b", "b"), artwork("c", "c")
	db.Add(ctx, a, []byte("one"))
	db.Add(ctx, b, []byte("two"))
	db.Add(ctx, c, []byte("one"))
	got, err := db.List(ctx, easel.ArtworkFilter{SHA256: strings.ToUpper(a.SHA256)})
	if err != nil || len(got) != 2 || got[0].ID != c.ID || got[1].ID != a.ID {
		t.Fatalf("List by sha = %v, %v; want c then a", got, err)
	}
	if got, _ := db.List(ctx, easel.ArtworkFilter{SHA256: "00"}); len(got) != 0 {
		t.Fatalf("unknown digest found %v", got)
	}
}

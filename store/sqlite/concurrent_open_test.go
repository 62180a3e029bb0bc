package sqlite

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

const openChildEnv = "EASEL_SQLITE_OPEN_CHILD"

// TestConcurrentFirstOpen starts eight processes at once on a new data
// directory, as eight `easel imagine` would, twenty times: every one must
// open (and so migrate) the gallery and add a picture. A migration that
// read before it wrote lost the race with SQLITE_BUSY.
func TestConcurrentFirstOpen(t *testing.T) {
	if dir := os.Getenv(openChildEnv); dir != "" {
		db, err := Open(t.Context(), dir)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if err := db.Add(t.Context(), artwork("a fox", "a fox"), []byte("png "+fmt.Sprint(os.Getpid()))); err != nil {
			t.Fatal(err)
		}
		return
	}
	trials, procs := 20, 8
	if testing.Short() {
		trials = 3
	}
	for trial := range trials {
		dir := filepath.Join(t.TempDir(), "data")
		var wg sync.WaitGroup
		errs := make(chan string, procs)
		for range procs {
			wg.Go(func() {
				cmd := exec.Command(os.Args[0], "-test.run=^TestConcurrentFirstOpen$", "-test.count=1")
				cmd.Env = append(os.Environ(), openChildEnv+"="+dir)
				if out, err := cmd.CombinedOutput(); err != nil {
					errs <- fmt.Sprintf("%v: %s", err, strings.TrimSpace(string(out)))
				}
			})
		}
		wg.Wait()
		close(errs)
		for e := range errs {
			t.Errorf("trial %d: a first open failed: %s", trial, e)
		}
		db, err := Open(t.Context(), dir)
		if err != nil {
			t.Fatal(err)
		}
		var n int
		err = db.db.QueryRowContext(t.Context(), `SELECT count(*) FROM artworks`).Scan(&n)
		db.Close()
		if err != nil || n != procs {
			t.Errorf("trial %d: %d pictures (%v); want %d", trial, n, err, procs)
		}
		if t.Failed() {
			return
		}
	}
}

// TestOpenSweepsLeftovers: a writer killed mid-write leaves its temporary
// file in images/.tmp; the next Open removes it once it is a minute old,
// and leaves younger ones (a write in progress in another process).
func TestOpenSweepsLeftovers(t *testing.T) {
	dir := t.TempDir()
	db, err := Open(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Add(t.Context(), artwork("a fox", "a fox"), []byte("png bytes")); err != nil {
		t.Fatal(err)
	}
	db.Close()
	tmp := filepath.Join(dir, "images", ".tmp")
	if ents, err := os.ReadDir(tmp); err != nil || len(ents) != 0 {
		t.Fatalf("images/.tmp after a write: %v %v", ents, err)
	}
	old, young := filepath.Join(tmp, ".tmp-99999-1"), filepath.Join(tmp, ".tmp-99999-2")
	os.WriteFile(old, []byte("half"), 0o644)
	os.WriteFile(young, []byte("half"), 0o644)
	past := time.Now().Add(-2 * TempMaxAge)
	os.Chtimes(old, past, past)
	db, err = Open(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := os.Stat(old); err == nil {
		t.Error("the old leftover is still there")
	}
	if _, err := os.Stat(young); err != nil {
		t.Error("a young temporary file was removed")
	}
}

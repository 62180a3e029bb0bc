package postgres

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Images is where the gallery keeps its PNG files, named by their SHA-256
// (hex). Put writes the whole object or nothing and reports whether it
// created it (false when the object was there already).
type Images interface {
	Put(ctx context.Context, sum string, data []byte) (created bool, err error)
	Get(ctx context.Context, sum string) ([]byte, error)
	Delete(ctx context.Context, sum string) error
	// Path is what Artwork.Path says for the object: a file path or a URL.
	Path(sum string) string
}

// DirImages keeps the PNG files in a local directory, as store/sqlite does:
// Dir/images/ab/<sha256>.png.
type DirImages struct{ Dir string }

// Path returns the file's path.
func (d DirImages) Path(sum string) string {
	return filepath.Join(d.Dir, "images", sum[:2], sum+".png")
}

// Put writes data through a synced temporary file and a rename.
func (d DirImages) Put(ctx context.Context, sum string, data []byte) (bool, error) {
	path := d.Path(sum)
	if _, err := os.Stat(path); err == nil {
		return false, nil
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return false, err
	}
	f, err := os.CreateTemp(dir, ".tmp-pg-"+strconv.Itoa(os.Getpid())+"-*")
	if err != nil {
		return false, err
	}
	tmp := f.Name()
	ok := false
	defer func() {
		if !ok {
			os.Remove(tmp)
		}
	}()
	if _, err := f.Write(data); err != nil {
		f.Close()
		return false, err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return false, err
	}
	if err := f.Close(); err != nil {
		return false, err
	}
	if err := os.Chmod(tmp, 0o644); err != nil {
		return false, err
	}
	if err := os.Rename(tmp, path); err != nil {
		return false, err
	}
	ok = true
	return true, nil
}

// Get reads the file.
func (d DirImages) Get(ctx context.Context, sum string) ([]byte, error) {
	return os.ReadFile(d.Path(sum))
}

// Delete removes the file; a missing one is no error.
func (d DirImages) Delete(ctx context.Context, sum string) error {
	if err := os.Remove(d.Path(sum)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// Lister is an image store that can list its objects, for gc and checks.
type Lister interface {
	// Each calls fn with the digest of every object in the store.
	Each(ctx context.Context, fn func(sum string) error) error
}

// Each calls fn for every PNG file under Dir/images.
func (d DirImages) Each(ctx context.Context, fn func(sum string) error) error {
	subs, err := filepath.Glob(filepath.Join(d.Dir, "images", "??"))
	if err != nil {
		return err
	}
	for _, sub := range subs {
		ents, err := os.ReadDir(sub)
		if err != nil {
			return err
		}
		for _, e := range ents {
			name := e.Name()
			if sum, ok := strings.CutSuffix(name, ".png"); ok && len(sum) == 64 && !strings.HasPrefix(name, ".") {
				if err := fn(sum); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

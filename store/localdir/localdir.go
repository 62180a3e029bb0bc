// Package localdir is the easel.ImageStore in a local directory: each file
// at <dir>/<first two hex digits>/<sha256>.png, written atomically.
package localdir

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/internal/atomicfile"
)

// Store is an image store in a directory. It is safe for concurrent use,
// by several processes too.
type Store struct {
	dir string
}

// New returns the store in dir; Put creates dir when needed.
func New(dir string) *Store { return &Store{dir: dir} }

// Dir returns the store's directory.
func (s *Store) Dir() string { return s.dir }

// TempDir is where Put makes its temporary files: one directory, so that
// the leftovers of a killed writer are found without reading every
// directory of the store.
func (s *Store) TempDir() string { return filepath.Join(s.dir, ".tmp") }

// Path returns where the file of key is (or would be).
func (s *Store) Path(key string) string {
	if len(key) < 2 {
		return filepath.Join(s.dir, key+".png")
	}
	return filepath.Join(s.dir, key[:2], key+".png")
}

// Put stores data under key; see easel.ImageStore.
func (s *Store) Put(ctx context.Context, key string, data []byte) (created bool, err error) {
	if err := ctx.Err(); err != nil {
		return false, err
	}
	if key != Key(data) {
		return false, easel.Errorf(easel.EINVALID, "image key %q is not the SHA-256 of the data", key)
	}
	path := s.Path(key)
	if _, err := os.Stat(path); err == nil {
		return false, nil
	}
	if err := atomicfile.Write(path, data, atomicfile.Options{TempDir: s.TempDir()}); err != nil {
		return false, fmt.Errorf("save image: %w", err)
	}
	return true, nil
}

// Each calls fn with the key of every file in the store, for checks and
// garbage collection.
func (s *Store) Each(ctx context.Context, fn func(key string) error) error {
	subs, err := filepath.Glob(filepath.Join(s.dir, "??"))
	if err != nil {
		return err
	}
	for _, sub := range subs {
		ents, err := os.ReadDir(sub)
		if err != nil {
			return err
		}
		for _, e := range ents {
			if key, ok := strings.CutSuffix(e.Name(), ".png"); ok && ValidKey(key) {
				if err := fn(key); err != nil {
					return err
				}
			}
		}
	}
	return ctx.Err()
}

// Open opens the file of key; see easel.ImageStore. The file is a regular
// file (an *os.File, which seeks).
func (s *Store) Open(ctx context.Context, key string) (io.ReadCloser, error) {
	if !ValidKey(key) {
		return nil, easel.Errorf(easel.EINVALID, "%q is not a SHA-256 image key", key)
	}
	f, err := os.Open(s.Path(key))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, easel.Errorf(easel.ENOTFOUND, "image %s is missing from %s", key, s.dir)
	}
	if err != nil {
		return nil, fmt.Errorf("open image: %w", err)
	}
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		f.Close()
		return nil, easel.Errorf(easel.ENOTFOUND, "image %s is not a regular file", key)
	}
	return f, nil
}

// Delete removes the file of key; see easel.ImageStore.
func (s *Store) Delete(ctx context.Context, key string) error {
	if !ValidKey(key) {
		return easel.Errorf(easel.EINVALID, "%q is not a SHA-256 image key", key)
	}
	if err := os.Remove(s.Path(key)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("delete image: %w", err)
	}
	return nil
}

// Key returns the key of data: its SHA-256 in lowercase hex.
func Key(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// ValidKey reports whether key is 64 lowercase hex digits.
func ValidKey(key string) bool {
	if len(key) != 64 {
		return false
	}
	for _, c := range key {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

var _ easel.ImageStore = (*Store)(nil)

package postgres

import (
	"context"
	"io"
	"path/filepath"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/store/localdir"
)

// Images is where the gallery keeps its PNG files: an easel.ImageStore
// that also says what Artwork.Path is for an object.
type Images interface {
	easel.ImageStore
	// Path is what Artwork.Path says for the object: a file path or a URL.
	Path(sum string) string
}

// DirImages keeps the PNG files in a local directory, as store/sqlite does:
// Dir/images/ab/<sha256>.png (a store/localdir.Store).
type DirImages struct{ Dir string }

func (d DirImages) store() *localdir.Store { return localdir.New(filepath.Join(d.Dir, "images")) }

// Path returns the file's path.
func (d DirImages) Path(sum string) string { return d.store().Path(sum) }

// Put writes data atomically; see easel.ImageStore.
func (d DirImages) Put(ctx context.Context, sum string, data []byte) (bool, error) {
	return d.store().Put(ctx, sum, data)
}

// Open opens the file; see easel.ImageStore.
func (d DirImages) Open(ctx context.Context, sum string) (io.ReadCloser, error) {
	return d.store().Open(ctx, sum)
}

// Delete removes the file; a missing one is no error.
func (d DirImages) Delete(ctx context.Context, sum string) error { return d.store().Delete(ctx, sum) }

// Lister is an image store that can list its objects, for gc and checks.
type Lister interface {
	// Each calls fn with the digest of every object in the store.
	Each(ctx context.Context, fn func(sum string) error) error
}

// Each calls fn for every PNG file under Dir/images.
func (d DirImages) Each(ctx context.Context, fn func(sum string) error) error {
	return d.store().Each(ctx, fn)
}

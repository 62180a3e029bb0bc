package easel

import (
	"context"
	"fmt"
	"io"
)

// ImageStore keeps picture files by content: a file's key is the SHA-256
// of its bytes, in lowercase hex (Artwork.SHA256). A gallery keeps its
// records in a database and its files in an ImageStore, so the files can
// live in a local directory (store/localdir) or in object storage.
// Implementations run the conformance suite in store/imagestoretest.
//
// Put stores data under key, whole or not at all, and reports whether it
// created the file (false when it was there already: the same key is the
// same bytes), so a caller whose record then fails to save removes only
// what it made; a key that is not data's SHA-256 is EINVALID. Open returns
// the file stored under key: ENOTFOUND when there is none, EINVALID when
// key is not a SHA-256. Delete removes it; a missing file is no error.
type ImageStore interface {
	Put(ctx context.Context, key string, data []byte) (created bool, err error)
	Open(ctx context.Context, key string) (io.ReadCloser, error)
	Delete(ctx context.Context, key string) error
}

// MaxImageBytes bounds what ReadImage reads: pictures from image models
// are a few MB.
const MaxImageBytes = 256 << 20

// ReadImage returns the bytes stored under key, refusing (EINVALID) a file
// over MaxImageBytes.
func ReadImage(ctx context.Context, s ImageStore, key string) ([]byte, error) {
	rc, err := s.Open(ctx, key)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, MaxImageBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read image %s: %w", key, err)
	}
	if len(b) > MaxImageBytes {
		return nil, Errorf(EINVALID, "image %s is over the %d MB limit", key, MaxImageBytes>>20)
	}
	return b, nil
}

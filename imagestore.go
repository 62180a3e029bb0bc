package easel

import (
	"context"
	"io"
)

// ImageStore keeps picture files by content: a file's key is the SHA-256
// of its bytes, in lowercase hex (Artwork.SHA256). A gallery keeps its
// records in a database and its files in an ImageStore, so the files can
// live in a local directory (store/localdir) or in object storage.
//
// Put stores data whole or not at all and returns its key; putting bytes
// already stored changes nothing. Open returns the file stored under
// key, ENOTFOUND when there is none and EINVALID when key is not a
// SHA-256. Delete removes it; deleting a missing file is not an error.
type ImageStore interface {
	Put(ctx context.Context, data []byte) (key string, err error)
	Open(ctx context.Context, key string) (io.ReadCloser, error)
	Delete(ctx context.Context, key string) error
}

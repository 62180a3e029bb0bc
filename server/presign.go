package server

import (
	"context"
	"net/http"

	"github.com/easel-art/easel"
)

// ImageURLer is an image store that can hand a client a URL reading an
// image directly, such as object storage's presigned URLs (store/s3 with
// presign=…): the studio then redirects image requests there instead of
// carrying the bytes itself. ok is false when the store is set to serve
// through the server.
type ImageURLer interface {
	ImageURL(ctx context.Context, key string) (url string, ok bool, err error)
}

// redirectImage answers a full-size image request with a redirect to the
// store's URL for it, when the store gives one; it reports whether it
// answered. Downloads (which need a file name) and thumbnails are served
// by the server.
func (s *Server) redirectImage(w http.ResponseWriter, r *http.Request, a *easel.Artwork) bool {
	u, isURLer := s.deps.Gallery.Images().(ImageURLer)
	if !isURLer || r.URL.Query().Get("download") != "" {
		return false
	}
	url, ok, err := u.ImageURL(r.Context(), a.SHA256)
	if err != nil {
		s.log.Warn("presign artwork image; serving it instead", easel.LogKeyArtworkID, a.ID, "err", err)
		return false
	}
	if !ok {
		return false
	}
	// The URL expires: the redirect must not outlive it in a cache.
	w.Header().Set("Cache-Control", "private, no-store")
	http.Redirect(w, r, url, http.StatusTemporaryRedirect)
	return true
}

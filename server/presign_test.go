package server

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"net/http"
	"testing"

	"github.com/easel-art/easel"
)

// urlGallery is a gallery whose image store hands out URLs.
type urlGallery struct {
	easel.Gallery
	images urlStore
}

func (g urlGallery) Images() easel.ImageStore { return g.images }

type urlStore struct {
	easel.ImageStore
	on bool
}

func (s urlStore) ImageURL(ctx context.Context, key string) (string, bool, error) {
	return "http://objects.example/" + key + "?sig=x", s.on, nil
}

// TestImageRedirect: with a store that presigns, a full-size image
// request is redirected to the store's URL (not cached); a download, a
// thumbnail or a store set to serve through the server get the bytes.
func TestImageRedirect(t *testing.T) {
	for _, on := range []bool{true, false} {
		e := newTestEnv(t, Options{}, func(d *Deps) {
			d.Gallery = urlGallery{Gallery: d.Gallery, images: urlStore{ImageStore: d.Gallery.Images(), on: on}}
		})
		a := &easel.Artwork{Idea: "a fox", Prompt: "a fox", Engine: "builtin", Seed: 1, Width: 64, Height: 64}
		if err := e.gal.Add(t.Context(), a, testPNGBytes(t)); err != nil {
			t.Fatal(err)
		}
		c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		get := func(q string) *http.Response {
			req, _ := http.NewRequest("GET", e.ts.URL+"/api/v1/artworks/"+a.ID+"/image"+q, nil)
			if e.auth != "" {
				req.Header.Set("Authorization", e.auth)
			}
			resp, err := c.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			return resp
		}
		resp := get("")
		if on && (resp.StatusCode != http.StatusTemporaryRedirect || resp.Header.Get("Location") != "http://objects.example/"+a.SHA256+"?sig=x" ||
			resp.Header.Get("Cache-Control") != "private, no-store") {
			t.Errorf("presigning store: GET image = %d %q %q; want a 307 to the store's URL, not cached", resp.StatusCode, resp.Header.Get("Location"), resp.Header.Get("Cache-Control"))
		}
		if !on && resp.StatusCode != 200 {
			t.Errorf("store serving through the server: GET image = %d; want 200", resp.StatusCode)
		}
		if resp := get("?download=1"); resp.StatusCode != 200 {
			t.Errorf("download = %d; want the bytes", resp.StatusCode)
		}
	}
}

func testPNGBytes(t *testing.T) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 8, 8))
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

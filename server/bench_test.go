package server

import (
	"image"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/canvas"
)

// BenchmarkCountTokens is the token counter the studio calls as a person
// types: a long sd prompt with weights.
func BenchmarkCountTokens(b *testing.B) {
	text := strings.Repeat("(lighthouse:1.2), rocky coast, [dusk light], highly detailed, ", 6)
	for b.Loop() {
		CountTokens(text)
	}
}

// BenchmarkThumbnail is one uncached 1024x1024 PNG → 256-wide JPEG.
func BenchmarkThumbnail(b *testing.B) {
	res, err := canvas.New().Render(b.Context(), &easel.RenderRequest{Width: 1024, Height: 1024, N: 1, Scene: &easel.Scene{Elements: []string{"sea", "sun", "clouds"}}})
	if err != nil {
		b.Fatal(err)
	}
	png := res.Images[0].PNG
	b.SetBytes(int64(len(png)))
	for b.Loop() {
		if _, err := makeThumb(png, 256); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkListArtworks is one gallery page (30 of 200) through the whole
// handler stack: guards, SQLite, JSON.
func BenchmarkListArtworks(b *testing.B) {
	e := newTestEnv(b, Options{})
	for range 8 {
		seedJob(b, e, `{"idea":"a castle at night","size":"64x64","n":25}`)
	}
	for b.Loop() {
		rec := httptest.NewRecorder()
		e.srv.ServeHTTP(rec, httptest.NewRequest("GET", "/api/v1/artworks?limit=30&offset=60", nil))
		if rec.Code != http.StatusOK {
			b.Fatal(rec.Code)
		}
	}
}

func TestHalve(t *testing.T) {
	src := image.NewRGBA(image.Rect(0, 0, 4, 2))
	for i := range src.Pix {
		src.Pix[i] = uint8(i * 7)
	}
	got := halve(src)
	if got.Rect.Dx() != 2 || got.Rect.Dy() != 1 {
		t.Fatalf("size %v", got.Rect)
	}
	for x := range 2 {
		for c := range 4 {
			sum := 0
			for _, p := range []int{0, 1} {
				for _, q := range []int{0, 1} {
					sum += int(src.Pix[q*src.Stride+(2*x+p)*4+c])
				}
			}
			if want := uint8((sum + 2) / 4); got.Pix[x*4+c] != want {
				t.Errorf("pixel %d channel %d = %d; want %d", x, c, got.Pix[x*4+c], want)
			}
		}
	}
}

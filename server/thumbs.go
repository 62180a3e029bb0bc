package server

import (
	"bytes"
	"container/list"
	"context"
	"fmt"
	"image"
	"image/jpeg"
	"slices"
	"strconv"
	"sync"

	"golang.org/x/image/draw"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/imageio"
)

// ThumbWidths are the thumbnail widths the image route makes (?w=256).
// Only these: a client cannot make the server resize to any size it likes.
var ThumbWidths = []int{256, 512}

// thumbCache keeps recent thumbnails, least recently used out first.
type thumbCache struct {
	mu   sync.Mutex // guards ll and m
	max  int
	ll   *list.List
	m    map[string]*list.Element
	sema chan struct{} // bounds concurrent resizing: it is CPU work
}

type thumbEntry struct {
	key  string
	data []byte
}

func newThumbCache(max int) *thumbCache {
	return &thumbCache{max: max, ll: list.New(), m: map[string]*list.Element{}, sema: make(chan struct{}, 2)}
}

func (c *thumbCache) get(key string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.m[key]; ok {
		c.ll.MoveToFront(el)
		return el.Value.(*thumbEntry).data, true
	}
	return nil, false
}

func (c *thumbCache) put(key string, data []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.m[key]; ok {
		return
	}
	c.m[key] = c.ll.PushFront(&thumbEntry{key, data})
	for c.ll.Len() > c.max {
		old := c.ll.Remove(c.ll.Back()).(*thumbEntry)
		delete(c.m, old.key)
	}
}

// thumbnail returns a JPEG of a at width w (or its PNG when it is no
// wider), and its content type.
func (s *Server) thumbnail(ctx context.Context, a *easel.Artwork, w int) ([]byte, string, error) {
	if !slices.Contains(ThumbWidths, w) {
		return nil, "", easel.Errorf(easel.EINVALID, "thumbnail width %d: use one of %v", w, ThumbWidths)
	}
	key := a.SHA256 + "/" + strconv.Itoa(w)
	if b, ok := s.thumbs.get(key); ok {
		return b, "image/jpeg", nil
	}
	data, err := s.readImage(ctx, a)
	if err != nil {
		return nil, "", err
	}
	s.thumbs.sema <- struct{}{}
	b, err := makeThumb(data, w)
	<-s.thumbs.sema
	if err != nil {
		return nil, "", err
	}
	if b == nil {
		return data, "image/png", nil
	}
	s.thumbs.put(key, b)
	return b, "image/jpeg", nil
}

// makeThumb scales a PNG down to width w as a JPEG; nil when the picture
// is not wider than w.
func makeThumb(data []byte, w int) ([]byte, error) {
	// The gallery's files are not trusted: one imported or written by
	// another program may declare billions of pixels.
	src, _, err := imageio.Decode(data)
	if err != nil {
		return nil, fmt.Errorf("thumbnail: %w", err)
	}
	sb := src.Bounds()
	if sb.Dx() <= w {
		return nil, nil
	}
	h := max(1, sb.Dy()*w/sb.Dx())
	// Halving by averaging 2x2 blocks keeps fine detail (stars, rain)
	// from aliasing and is cheap; the last step, under 2x, is bilinear.
	rgba := toRGBA(src)
	for rgba.Rect.Dx() >= 2*w && rgba.Rect.Dy() >= 2 {
		rgba = halve(rgba)
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.ApproxBiLinear.Scale(dst, dst.Bounds(), rgba, rgba.Rect, draw.Src, nil)
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, dst, &jpeg.Options{Quality: 85}); err != nil {
		return nil, fmt.Errorf("thumbnail: %w", err)
	}
	return buf.Bytes(), nil
}

func toRGBA(img image.Image) *image.RGBA {
	if r, ok := img.(*image.RGBA); ok && r.Rect.Min == (image.Point{}) {
		return r
	}
	b := img.Bounds()
	r := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(r, r.Rect, img, b.Min, draw.Src)
	return r
}

// halve returns src at half its size, each pixel the mean of a 2x2 block.
func halve(src *image.RGBA) *image.RGBA {
	w, h := src.Rect.Dx()/2, src.Rect.Dy()/2
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		r0 := src.Pix[2*y*src.Stride:]
		r1 := src.Pix[(2*y+1)*src.Stride:]
		d := dst.Pix[y*dst.Stride:]
		for x := range w {
			i, o := 8*x, 4*x
			for c := range 4 {
				d[o+c] = uint8((uint(r0[i+c]) + uint(r0[i+4+c]) + uint(r1[i+c]) + uint(r1[i+4+c]) + 2) / 4)
			}
		}
	}
	return dst
}

package canvas

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"strings"
	"sync"

	"github.com/easel-art/easel"
)

// Engine is the built-in canvas as an easel.Engine: offline, free, any size
// from easel.MinSide to easel.MaxSide, deterministic per seed.
type Engine struct{}

// New returns the built-in canvas engine. It holds no resources.
func New() *Engine { return &Engine{} }

// Name returns "builtin".
func (e *Engine) Name() string { return "builtin" }

// Capabilities describes the canvas: natural dialect, any size, seeds,
// no negative prompt, up to 8 pictures a call, local and free.
func (e *Engine) Capabilities() easel.Capabilities {
	return easel.Capabilities{
		Dialect:      easel.DialectNatural,
		SizeStep:     1,
		Negative:     false,
		Seed:         true,
		MaxN:         MaxN,
		Models:       []string{"canvas"},
		DefaultModel: "canvas",
		Local:        true,
	}
}

// MaxN is the most pictures one Render call makes.
const MaxN = 8

// Render draws req.Scene (an empty Scene when nil) in req.Style, or the
// Scene's style, N times with seeds req.Seed, req.Seed+1, ... It returns
// EINVALID for a size outside easel.MinSide..easel.MaxSide or an N outside
// 1..MaxN, and the context's error when cancelled between pictures.
func (e *Engine) Render(ctx context.Context, req *easel.RenderRequest) (*easel.RenderResult, error) {
	if err := (easel.Size{Width: req.Width, Height: req.Height}).Validate(); err != nil {
		return nil, err
	}
	n := req.N
	if n == 0 {
		n = 1
	}
	if n < 1 || n > MaxN {
		return nil, easel.Errorf(easel.EINVALID, "the built-in canvas makes 1 to %d pictures at a time; %d were asked for", MaxN, req.N)
	}
	// A1111's infotext wants steps, sampler and CFG scale: the canvas paints
	// in one pass with no guidance, and says so in those terms.
	res := &easel.RenderResult{Model: "canvas", Width: req.Width, Height: req.Height, Steps: 1, Sampler: "easel canvas", CFGScale: 1}
	// The notes are read from what the painter recorded it painted
	// (record.go), over every picture: a subject left out of any is named.
	var notDrawn, roughly []string
	for i := 0; i < n; i++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		seed := req.Seed + int64(i)
		// The prompt's composition words place the subject, so the
		// picture shows what the text says ("on the left third").
		img, nd, r := drawNoted(req.Scene, req.Style, req.Width, req.Height, seed, frameOf(req.Prompt, seed))
		for _, x := range nd {
			notDrawn = appendNew(notDrawn, x)
		}
		for _, x := range r {
			roughly = appendNew(roughly, x)
		}
		b, err := EncodePNG(img)
		if err != nil {
			return nil, fmt.Errorf("canvas encode: %w", err)
		}
		res.Images = append(res.Images, easel.RenderedImage{PNG: b, Seed: seed})
		if req.Progress != nil {
			req.Progress(float64(i+1) / float64(n))
		}
	}
	if len(notDrawn) > 0 {
		res.Notes = append(res.Notes, "not drawn: "+strings.Join(notDrawn, ", ")+" (the built-in canvas has no picture for it; a model engine will draw it)")
	}
	if len(roughly) > 0 {
		res.Notes = append(res.Notes, "drawn only as a plain shape: "+strings.Join(roughly, ", "))
	}
	return res, nil
}

// encoder writes PNGs at BestSpeed, reusing its compression buffers: the
// canvas draws faster than zlib compresses, so the encoder setting is what
// the person waits for.
var encoder = png.Encoder{CompressionLevel: png.BestSpeed, BufferPool: &bufferPool{}}

type bufferPool struct{ p sync.Pool }

func (b *bufferPool) Get() *png.EncoderBuffer {
	if v, ok := b.p.Get().(*png.EncoderBuffer); ok {
		return v
	}
	return nil
}

func (b *bufferPool) Put(v *png.EncoderBuffer) { b.p.Put(v) }

// EncodePNG encodes img as a PNG with the fast settings the canvas uses.
func EncodePNG(img image.Image) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(img.Bounds().Dx() * img.Bounds().Dy())
	if err := encoder.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

var _ easel.Engine = (*Engine)(nil)

package enginetest

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"sync"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/internal/httpx"
	"github.com/easel-art/easel/engine/internal/sizes"
)

// Fake is an in-memory engine for tests of code that uses engines: it
// makes plain PNGs coloured by seed, and fails the way Fault says.
// The zero value is ready to use; it is safe for concurrent use.
type Fake struct {
	// EngineName is what Name returns ("fake" when empty).
	EngineName string
	// Caps is what Capabilities returns; a zero MaxN means 4.
	Caps easel.Capabilities
	// Fault, when set, makes every Render fail that way.
	Fault Fault

	mu       sync.Mutex
	requests []easel.RenderRequest
}

var _ easel.Engine = (*Fake)(nil)

// Name returns the fake's registry name.
func (f *Fake) Name() string {
	if f.EngineName == "" {
		return "fake"
	}
	return f.EngineName
}

// Capabilities returns Caps with defaults filled in.
func (f *Fake) Capabilities() easel.Capabilities {
	c := f.Caps
	if c.MaxN == 0 {
		c.MaxN = 4
	}
	if c.Dialect == "" {
		c.Dialect = easel.DialectNatural
	}
	if c.SizeStep == 0 && len(c.Sizes) == 0 {
		c.SizeStep = 1
	}
	return c
}

// Requests returns the requests that reached the fake's "service" (those
// that passed the capability check), in order.
func (f *Fake) Requests() []easel.RenderRequest {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]easel.RenderRequest(nil), f.requests...)
}

var fakeService = httpx.Service{Name: "the fake engine", URLVar: "(none)"}

// Render makes req.N plain pictures, or fails the way f.Fault says.
func (f *Fake) Render(ctx context.Context, req *easel.RenderRequest) (*easel.RenderResult, error) {
	caps := f.Capabilities()
	if err := sizes.Check(f.Name(), caps, req, 0); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("fake render: %w", err)
	}
	f.mu.Lock()
	f.requests = append(f.requests, *req)
	f.mu.Unlock()
	switch f.Fault {
	case FaultRateLimit:
		return nil, &easel.Error{Code: easel.ERATELIMIT, Message: "the fake engine is rate limiting requests", RetryAfter: RetryAfter}
	case FaultUnavailable:
		return nil, easel.Errorf(easel.EUNAVAILABLE, "the fake engine is unavailable: try again later")
	case FaultContentPolicy:
		return nil, easel.Errorf(easel.EPERMANENT, "the fake engine refused the prompt under its content policy: reword the idea")
	case FaultHang:
		<-ctx.Done()
		return nil, fmt.Errorf("fake render: %w", ctx.Err())
	case FaultTruncatedImage, FaultMalformedImage:
		bad := Malformed()
		if f.Fault == FaultTruncatedImage {
			bad = Truncated(PNG(req.Width, req.Height, req.Seed))
		}
		_, _, err := fakeService.ToPNG(bad)
		return nil, err
	}
	res := &easel.RenderResult{Model: caps.DefaultModel, Width: req.Width, Height: req.Height}
	for i := range req.N {
		if req.Progress != nil {
			req.Progress(float64(i) / float64(req.N))
		}
		seed := req.Seed + int64(i)
		res.Images = append(res.Images, easel.RenderedImage{PNG: PNG(req.Width, req.Height, seed), Seed: seed})
		res.CostUSD += caps.PricePerImage
	}
	if req.Progress != nil {
		req.Progress(1)
	}
	return res, nil
}

var pngCache sync.Map // key pngKey → []byte

type pngKey struct {
	w, h int
	seed int64
}

// PNG returns a valid w×h PNG of one colour that depends on seed, for fake
// services to send. Results are cached; callers must not modify them.
func PNG(w, h int, seed int64) []byte {
	k := pngKey{w, h, seed}
	if b, ok := pngCache.Load(k); ok {
		return b.([]byte)
	}
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	c := color.NRGBA{uint8(seed * 37), uint8(seed * 91), uint8(seed * 13), 255}
	for i := 0; i < len(img.Pix); i += 4 {
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = c.R, c.G, c.B, c.A
	}
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, img); err != nil {
		panic(err)
	}
	b, _ := pngCache.LoadOrStore(k, buf.Bytes())
	return b.([]byte)
}

// Truncated returns the first half of data, as a dropped transfer would.
func Truncated(data []byte) []byte { return append([]byte(nil), data[:len(data)/2]...) }

// Malformed returns bytes that are no image at all (an HTML error page, as
// proxies send).
func Malformed() []byte { return []byte("<html><body>502 Bad Gateway</body></html>") }

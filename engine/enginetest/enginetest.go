// Package enginetest is the conformance suite every easel.Engine runs, and
// Fake, an in-memory engine for tests of the code that uses engines.
//
// A local engine runs the suite with its constructor:
//
//	enginetest.Run(t, func(t *testing.T) easel.Engine { return canvas.New() })
//
// A remote engine also hands the suite a way to make its fake service
// misbehave (WithFaults) and to count the requests that service received
// (WithRequests), so the suite can check the error classification and that
// impossible requests are refused before any call.
package enginetest

import (
	"bytes"
	"context"
	"errors"
	"image/png"
	"math"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/easel-art/easel"
)

// Fault is a way a remote service fails, for the suite's failure cases.
type Fault string

// The faults the suite asks for. Each fake service must be able to produce
// them, or call t.Skip with the reason it cannot (a service that has no
// content policy, say).
const (
	// FaultNone is a well-behaved service.
	FaultNone Fault = ""
	// FaultRateLimit answers 429 with "Retry-After: 7" (RetryAfter).
	FaultRateLimit Fault = "rate-limit"
	// FaultUnavailable answers 503.
	FaultUnavailable Fault = "unavailable"
	// FaultContentPolicy refuses the prompt the way the service does.
	FaultContentPolicy Fault = "content-policy"
	// FaultHang never answers; the caller's deadline must end the call.
	FaultHang Fault = "hang"
	// FaultTruncatedImage returns the first half of a PNG.
	FaultTruncatedImage Fault = "truncated-image"
	// FaultMalformedImage returns bytes that are not an image at all.
	FaultMalformedImage Fault = "malformed-image"
)

// AllFaults lists every fault, in the order the suite runs them.
var AllFaults = []Fault{FaultRateLimit, FaultUnavailable, FaultContentPolicy, FaultHang, FaultTruncatedImage, FaultMalformedImage}

// RetryAfter is the wait a fake service asks for with FaultRateLimit.
const RetryAfter = 7 * time.Second

// Option adjusts the suite.
type Option func(*suite)

type suite struct {
	newEngine func(t *testing.T) easel.Engine
	faults    func(t *testing.T, f Fault) easel.Engine
	requests  func(e easel.Engine) int
	secrets   []string
}

// WithFaults gives the suite engines whose service fails every render the
// way f says.
func WithFaults(fn func(t *testing.T, f Fault) easel.Engine) Option {
	return func(s *suite) { s.faults = fn }
}

// WithRequests tells the suite how many requests the service behind e has
// received, so it can check that impossible requests cost no call.
func WithRequests(fn func(e easel.Engine) int) Option {
	return func(s *suite) { s.requests = fn }
}

// WithSecret names a credential that must never appear in an error message.
func WithSecret(secret string) Option {
	return func(s *suite) { s.secrets = append(s.secrets, secret) }
}

// Request returns the request the suite renders: a small beach sunset with
// a Scene, a negative prompt and seed 42, sized for caps.
func Request(caps easel.Capabilities, n int) *easel.RenderRequest {
	w, h := 640, 448
	if len(caps.Sizes) > 0 {
		w, h = caps.Sizes[0].Width, caps.Sizes[0].Height
	}
	return &easel.RenderRequest{
		Prompt:   "a beach sunset, golden hour, calm sea, warm light",
		Negative: "blurry, lowres",
		Scene: &easel.Scene{
			Idea: "a beach sunset", Subject: "a beach", Domain: "coast", Setting: "beach",
			TimeOfDay: "sunset", Mood: "serene", Elements: []string{"sun", "sea", "beach"},
		},
		Seed:  42,
		Width: w, Height: h,
		N: n,
	}
}

// Run runs the conformance suite against the engines newEngine returns.
func Run(t *testing.T, newEngine func(t *testing.T) easel.Engine, opts ...Option) {
	s := &suite{newEngine: newEngine}
	for _, o := range opts {
		o(s)
	}
	t.Run("Capabilities", s.testCapabilities)
	t.Run("Success", func(t *testing.T) { s.testRender(t, 1) })
	t.Run("SeveralImages", func(t *testing.T) {
		maxN := s.newEngine(t).Capabilities().MaxN
		if maxN < 2 {
			t.Skipf("the engine makes one image per request")
		}
		s.testRender(t, min(maxN, 3))
	})
	t.Run("Deterministic", s.testDeterministic)
	t.Run("Impossible", s.testImpossible)
	t.Run("Canceled", s.testCanceled)
	t.Run("Timeout", s.testTimeout)
	if s.faults != nil {
		for _, f := range AllFaults {
			if f == FaultHang {
				continue // run by Timeout
			}
			t.Run("Fault/"+string(f), func(t *testing.T) { s.testFault(t, f) })
		}
	}
}

func (s *suite) testCapabilities(t *testing.T) {
	e := s.newEngine(t)
	if e.Name() == "" || strings.ContainsAny(e.Name(), ": ") {
		t.Errorf("Name() = %q; want a registry name without spaces or colons", e.Name())
	}
	c := e.Capabilities()
	if c.MaxN < 1 {
		t.Errorf("MaxN = %d; want at least 1", c.MaxN)
	}
	if !slices.Contains(easel.Dialects, c.Dialect) {
		t.Errorf("Dialect = %q; want one of %v", c.Dialect, easel.Dialects)
	}
	for _, sz := range c.Sizes {
		if sz.Width <= 0 || sz.Height <= 0 {
			t.Errorf("size %v is not a size", sz)
		}
	}
	if c.SizeStep < 0 {
		t.Errorf("SizeStep = %d", c.SizeStep)
	}
	if c.DefaultModel != "" && len(c.Models) > 0 && !slices.Contains(c.Models, c.DefaultModel) {
		t.Errorf("DefaultModel %q is not among Models %v", c.DefaultModel, c.Models)
	}
	if c.PricePerImage < 0 || math.IsNaN(c.PricePerImage) {
		t.Errorf("PricePerImage = %v", c.PricePerImage)
	}
}

// progress records the fractions an engine reports.
type progress struct {
	mu   sync.Mutex
	seen []float64
}

func (p *progress) report(f float64) {
	p.mu.Lock()
	p.seen = append(p.seen, f)
	p.mu.Unlock()
}

func (s *suite) testRender(t *testing.T, n int) {
	e := s.newEngine(t)
	caps := e.Capabilities()
	req := Request(caps, n)
	var p progress
	req.Progress = p.report
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	res, err := e.Render(ctx, req)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	if len(res.Images) != n {
		t.Fatalf("got %d images; want %d", len(res.Images), n)
	}
	seeds := map[int64]bool{}
	for i, im := range res.Images {
		cfg, err := png.DecodeConfig(bytes.NewReader(im.PNG))
		if err != nil {
			t.Errorf("image %d is not a PNG: %v", i, err)
			continue
		}
		if _, err := png.Decode(bytes.NewReader(im.PNG)); err != nil {
			t.Errorf("image %d does not decode: %v", i, err)
		}
		if res.Width > 0 && (cfg.Width != res.Width || cfg.Height != res.Height) {
			t.Errorf("image %d is %dx%d; the result says %dx%d", i, cfg.Width, cfg.Height, res.Width, res.Height)
		}
		if res.Width == 0 && (cfg.Width != req.Width || cfg.Height != req.Height) {
			t.Errorf("image %d is %dx%d; asked %dx%d and the result names no other size", i, cfg.Width, cfg.Height, req.Width, req.Height)
		}
		if caps.Seed && im.Seed != req.Seed+int64(i) {
			t.Errorf("image %d has seed %d; want %d (request seed + index)", i, im.Seed, req.Seed+int64(i))
		}
		seeds[im.Seed] = true
	}
	if caps.Seed && len(seeds) != n {
		t.Errorf("seeds %v are not distinct", seeds)
	}
	if res.Model == "" && caps.DefaultModel != "" {
		t.Errorf("Model is empty; want the model used (default %q)", caps.DefaultModel)
	}
	if res.CostUSD < 0 || math.IsNaN(res.CostUSD) {
		t.Errorf("CostUSD = %v", res.CostUSD)
	}
	if caps.PricePerImage == 0 && res.CostUSD != 0 {
		t.Errorf("CostUSD = %v from an engine whose price is 0", res.CostUSD)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	for i, f := range p.seen {
		if f < 0 || f > 1 || math.IsNaN(f) {
			t.Errorf("progress %v is outside 0..1", f)
		}
		if i > 0 && f < p.seen[i-1] {
			t.Errorf("progress went back: %v", p.seen)
			break
		}
	}
}

func (s *suite) testDeterministic(t *testing.T) {
	e := s.newEngine(t)
	caps := e.Capabilities()
	if !caps.Seed || !caps.Local {
		t.Skip("only a local engine with seeds can be checked for sameness here")
	}
	a, err := e.Render(t.Context(), Request(caps, 1))
	if err != nil {
		t.Fatal(err)
	}
	b, err := e.Render(t.Context(), Request(caps, 1))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Images[0].PNG, b.Images[0].PNG) {
		t.Error("the same request and seed gave different pictures")
	}
}

func (s *suite) testImpossible(t *testing.T) {
	e := s.newEngine(t)
	caps := e.Capabilities()
	over := Request(caps, caps.MaxN+1)
	huge := Request(caps, 1)
	huge.Width, huge.Height = easel.MaxSide*2, easel.MaxSide*2
	for name, req := range map[string]*easel.RenderRequest{"n over max": over, "size out of range": huge} {
		before := 0
		if s.requests != nil {
			before = s.requests(e)
		}
		_, err := e.Render(t.Context(), req)
		if code := easel.ErrorCode(err); code != easel.EINVALID {
			t.Errorf("%s: error %v (code %q); want code %q", name, err, code, easel.EINVALID)
		}
		s.checkMessage(t, err)
		if s.requests != nil {
			if after := s.requests(e); after != before {
				t.Errorf("%s: the engine made %d request(s) before refusing; want none", name, after-before)
			}
		}
	}
}

func (s *suite) testCanceled(t *testing.T) {
	e := s.newEngine(t)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err := e.Render(ctx, Request(e.Capabilities(), 1))
	if err == nil {
		t.Fatal("Render with a cancelled context succeeded")
	}
	if code := easel.ErrorCode(err); code != easel.ECANCELED {
		t.Errorf("error %v has code %q; want %q", err, code, easel.ECANCELED)
	}
}

func (s *suite) testTimeout(t *testing.T) {
	var e easel.Engine
	var ctx context.Context
	var cancel context.CancelFunc
	if s.faults != nil {
		e = s.faults(t, FaultHang)
		ctx, cancel = context.WithTimeout(t.Context(), 300*time.Millisecond)
	} else {
		e = s.newEngine(t)
		ctx, cancel = context.WithDeadline(t.Context(), time.Now().Add(-time.Second))
	}
	defer cancel()
	_, err := e.Render(ctx, Request(e.Capabilities(), 1))
	if err == nil {
		t.Fatal("Render past its deadline succeeded")
	}
	if code := easel.ErrorCode(err); code != easel.EUNAVAILABLE {
		t.Errorf("error %v has code %q; want %q", err, code, easel.EUNAVAILABLE)
	}
	if !easel.Retryable(err) {
		t.Errorf("a timeout should be retryable: %v", err)
	}
}

func (s *suite) testFault(t *testing.T, f Fault) {
	e := s.faults(t, f)
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	res, err := e.Render(ctx, Request(e.Capabilities(), 1))
	if err == nil {
		t.Fatalf("Render succeeded (%d images) against a service that fails with %s", len(res.Images), f)
	}
	s.checkMessage(t, err)
	code := easel.ErrorCode(err)
	want := map[Fault]string{
		FaultRateLimit:      easel.ERATELIMIT,
		FaultUnavailable:    easel.EUNAVAILABLE,
		FaultContentPolicy:  easel.EPERMANENT,
		FaultTruncatedImage: easel.EUNAVAILABLE,
		FaultMalformedImage: easel.EUNAVAILABLE,
	}[f]
	if code != want {
		t.Errorf("error %q has code %q; want %q", err, code, want)
	}
	switch f {
	case FaultRateLimit:
		if got := easel.RetryAfter(err); got != RetryAfter {
			t.Errorf("RetryAfter = %v; want %v", got, RetryAfter)
		}
	case FaultContentPolicy:
		if !strings.Contains(strings.ToLower(easel.ErrorMessage(err)), "polic") {
			t.Errorf("message %q does not say the content policy refused it", easel.ErrorMessage(err))
		}
	case FaultTruncatedImage, FaultMalformedImage:
		if !strings.Contains(strings.ToLower(easel.ErrorMessage(err)), "image") {
			t.Errorf("message %q does not say the image is bad", easel.ErrorMessage(err))
		}
	}
}

// checkMessage checks that a person-facing message is there, is not a
// formatting accident and leaks no secret.
func (s *suite) checkMessage(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		return
	}
	msg := easel.ErrorMessage(err)
	if strings.TrimSpace(msg) == "" || strings.Contains(msg, "%!") {
		t.Errorf("bad message %q", msg)
	}
	var ee *easel.Error
	if !errors.As(err, &ee) && easel.ErrorCode(err) != easel.ECANCELED && !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("error %v is not an *easel.Error", err)
	}
	for _, sec := range s.secrets {
		if strings.Contains(msg, sec) || strings.Contains(err.Error(), sec) {
			t.Errorf("error %q contains a secret", msg)
		}
	}
}

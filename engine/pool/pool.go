// Package pool makes several boxes one engine: EASEL_A1111_URL (or
// EASEL_COMFYUI_URL) given as a comma-separated list,
// http://gpu1:7860,http://gpu2:7860, is one engine whose calls go to the
// box with a free slot (EASEL_A1111_URL_CONCURRENCY each, default 1). A
// box that fails a call as unreachable or broken (EUNAVAILABLE) is taken
// out and the call runs again, once, on another box; the box is tried
// again after a while, once its health check (engine.Checker) answers.
package pool

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine"
)

// URLs returns the URLs in variable v, split on commas; nil when unset.
func URLs(getenv func(string) string, v string) []string {
	var out []string
	for _, u := range strings.Split(getenv(v), ",") {
		if u = strings.TrimSpace(u); u != "" {
			out = append(out, u)
		}
	}
	return out
}

// PerURL returns the concurrency of each box: v+"_CONCURRENCY", default 1.
func PerURL(getenv func(string) string, v string) int {
	if n, err := strconv.Atoi(strings.TrimSpace(getenv(v + "_CONCURRENCY"))); err == nil && n > 0 {
		return n
	}
	return 1
}

// Capacity is how many calls the engine whose URLs are in v can take at
// once: the boxes times each one's concurrency, or def for a single URL.
func Capacity(getenv func(string) string, v string, def int) int {
	if n := len(URLs(getenv, v)); n > 1 {
		return n * PerURL(getenv, v)
	}
	return def
}

// Wrap returns f opening a pool when its URL variable v lists several
// URLs (and f unchanged otherwise).
func Wrap(f engine.Factory, v string) engine.Factory {
	endpoint := f.Endpoint
	f.Endpoint = func(getenv func(string) string) string {
		urls := URLs(getenv, v)
		if len(urls) < 2 && endpoint != nil {
			return endpoint(getenv)
		}
		for i, u := range urls {
			urls[i] = redact(u)
		}
		return strings.Join(urls, ", ")
	}
	open := f.Open
	f.Open = func(getenv func(string) string, model string, hc *http.Client) (easel.Engine, error) {
		urls := URLs(getenv, v)
		if len(urls) < 2 {
			return open(getenv, model, hc)
		}
		engs := make([]easel.Engine, len(urls))
		for i, u := range urls {
			one := func(k string) string {
				if k == v {
					return u
				}
				return getenv(k)
			}
			e, err := open(one, model, hc)
			if err != nil {
				return nil, fmt.Errorf("%s box %d of %d: %w", f.Name, i+1, len(urls), err)
			}
			engs[i] = e
		}
		return New(engs, urls, PerURL(getenv, v)), nil
	}
	return f
}

// Retry timing of a box taken out: first after downFor, doubling up to maxDown.
var (
	downFor = 10 * time.Second
	maxDown = 2 * time.Minute
)

// box is one endpoint of the pool.
type box struct {
	eng   easel.Engine
	label string // its URL without credentials, for messages
	*boxState
}

// boxState is a box's slots and health, shared by every pool of the
// process that names the box (the studio opens an engine per request), so
// that one box is never sent more than its slots and a box found out of
// service stays out for all.
type boxState struct {
	slots chan struct{}

	mu        sync.Mutex
	downUntil time.Time // zero when in service
	downs     int       // consecutive failures
}

var (
	statesMu sync.Mutex
	states   = map[string]*boxState{}
)

// stateOf returns the shared state of the box at url.
func stateOf(url string, per int) *boxState {
	statesMu.Lock()
	defer statesMu.Unlock()
	key := url + "\x00" + strconv.Itoa(per)
	st, ok := states[key]
	if !ok {
		st = &boxState{slots: make(chan struct{}, max(per, 1))}
		states[key] = st
	}
	return st
}

// Pool is one engine over several boxes. It is safe for concurrent use.
type Pool struct {
	boxes []*box
	free  chan struct{} // a slot was released or a box came back
	// Now is the clock; tests replace it.
	Now func() time.Time
}

// New returns a pool of engines (one per box, labels[i] naming engs[i]),
// each taking per calls at once.
func New(engs []easel.Engine, labels []string, per int) easel.Engine {
	p := &Pool{free: make(chan struct{}, 1), Now: time.Now}
	for i, e := range engs {
		p.boxes = append(p.boxes, &box{eng: e, label: redact(labels[i]), boxState: stateOf(labels[i], per)})
	}
	if _, ok := engs[0].(easel.Editor); ok {
		return &editorPool{p}
	}
	return p
}

func redact(u string) string {
	if i := strings.Index(u, "://"); i >= 0 {
		if j := strings.LastIndexByte(u[i+3:], '@'); j >= 0 {
			return u[:i+3] + u[i+3+j+1:]
		}
	}
	return u
}

// Name is the boxes' engine name.
func (p *Pool) Name() string { return p.boxes[0].eng.Name() }

// Capabilities are the first box's: the boxes run one engine.
func (p *Pool) Capabilities() easel.Capabilities { return p.boxes[0].eng.Capabilities() }

// Render makes the pictures on a box with a free slot; see the package doc.
func (p *Pool) Render(ctx context.Context, req *easel.RenderRequest) (*easel.RenderResult, error) {
	return do(ctx, p, func(ctx context.Context, e easel.Engine) (*easel.RenderResult, error) { return e.Render(ctx, req) })
}

// Check reports whether any box answers its health check.
func (p *Pool) Check(ctx context.Context) error {
	var errs []string
	for _, b := range p.boxes {
		if err := engine.Check(ctx, b.eng); err != nil {
			errs = append(errs, b.label+": "+easel.ErrorMessage(err))
			continue
		}
		b.up()
		return nil
	}
	return easel.Errorf(easel.EUNAVAILABLE, "no %s box answers: %s", p.Name(), strings.Join(errs, "; "))
}

// do runs call on a box, and once more on another when the box fails.
func do(ctx context.Context, p *Pool, call func(context.Context, easel.Engine) (*easel.RenderResult, error)) (*easel.RenderResult, error) {
	var tried []*box
	var lastErr error
	for range 2 {
		b, release, err := p.acquire(ctx, tried)
		if err != nil {
			if lastErr != nil {
				return nil, lastErr
			}
			return nil, err
		}
		res, err := call(ctx, b.eng)
		release()
		if err == nil {
			b.up()
			return res, nil
		}
		if easel.ErrorCode(err) != easel.EUNAVAILABLE || ctx.Err() != nil {
			return nil, err // the request's fault, or ours: another box would say the same
		}
		b.down(p.Now())
		p.wake()
		tried = append(tried, b)
		lastErr = fmt.Errorf("%s box %s: %w", p.Name(), b.label, err)
	}
	return nil, lastErr
}

// acquire waits for a free slot on a box in service and not in skip. A box
// whose time out is over is health-checked first. When every box is out
// (or skipped) it fails at once: waiting would only hide the outage.
func (p *Pool) acquire(ctx context.Context, skip []*box) (*box, func(), error) {
	for {
		usable := 0
		for _, b := range p.boxes {
			if contains(skip, b) || !p.ready(ctx, b) {
				continue
			}
			usable++
			select {
			case b.slots <- struct{}{}:
				return b, func() { <-b.slots; p.wake() }, nil
			default:
			}
		}
		if usable == 0 {
			return nil, nil, easel.Errorf(easel.EUNAVAILABLE, "every %s box is out of service (%s): check that they run; easel tries them again in %v", p.Name(), p.labels(), downFor)
		}
		select {
		case <-p.free:
		case <-time.After(time.Second): // a box may come back
		case <-ctx.Done():
			return nil, nil, ctx.Err()
		}
	}
}

func (p *Pool) wake() {
	select {
	case p.free <- struct{}{}:
	default:
	}
}

func (p *Pool) labels() string {
	var ls []string
	for _, b := range p.boxes {
		ls = append(ls, b.label)
	}
	return strings.Join(ls, ", ")
}

// ready reports whether b takes calls: in service, or out with its time
// over and its health check answering now.
func (p *Pool) ready(ctx context.Context, b *box) bool {
	b.mu.Lock()
	until := b.downUntil
	b.mu.Unlock()
	if until.IsZero() {
		return true
	}
	if p.Now().Before(until) {
		return false
	}
	cctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := engine.Check(cctx, b.eng); err != nil {
		b.down(p.Now())
		return false
	}
	b.up()
	return true
}

func (b *boxState) down(now time.Time) {
	b.mu.Lock()
	defer b.mu.Unlock()
	d := downFor << min(b.downs, 8)
	b.downs++
	b.downUntil = now.Add(min(d, maxDown))
}

func (b *boxState) up() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.downs, b.downUntil = 0, time.Time{}
}

func contains(bs []*box, b *box) bool {
	for _, x := range bs {
		if x == b {
			return true
		}
	}
	return false
}

// editorPool is a pool of engines that also edit pictures.
type editorPool struct{ *Pool }

// Ops are the first box's.
func (p *editorPool) Ops() []easel.OpSupport { return p.boxes[0].eng.(easel.Editor).Ops() }

// Edit runs the edit on a box as Render does.
func (p *editorPool) Edit(ctx context.Context, req *easel.EditRequest) (*easel.RenderResult, error) {
	return do(ctx, p.Pool, func(ctx context.Context, e easel.Engine) (*easel.RenderResult, error) {
		return e.(easel.Editor).Edit(ctx, req)
	})
}

var (
	_ easel.Engine = (*Pool)(nil)
	_ easel.Editor = (*editorPool)(nil)
)

package mcpserver

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine"
	"github.com/easel-art/easel/engine/canvas"
	"github.com/easel-art/easel/prompt/builtin"
	"github.com/easel-art/easel/store/sqlite"
	"github.com/easel-art/easel/verb"
)

// slowEngine is an engine that takes its time: it reports progress in
// steps, and, with block set, waits until its context is cancelled,
// recording that it was.
type slowEngine struct {
	steps int
	block bool
	// started is closed when Render begins; cancelled receives ctx.Err().
	started   chan struct{}
	cancelled chan error
	once      sync.Once
}

func newSlowEngine(steps int, block bool) *slowEngine {
	return &slowEngine{steps: steps, block: block, started: make(chan struct{}), cancelled: make(chan error, 1)}
}

func (e *slowEngine) Name() string { return "slow" }
func (e *slowEngine) Capabilities() easel.Capabilities {
	return easel.Capabilities{Dialect: easel.DialectNatural, MaxN: 4, Seed: true, Local: true}
}

func (e *slowEngine) Render(ctx context.Context, req *easel.RenderRequest) (*easel.RenderResult, error) {
	e.once.Do(func() { close(e.started) })
	if e.block {
		<-ctx.Done()
		e.cancelled <- ctx.Err()
		return nil, ctx.Err()
	}
	for i := 1; i <= e.steps; i++ {
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(5 * time.Millisecond):
		}
		if req.Progress != nil {
			req.Progress(float64(i) / float64(e.steps))
		}
	}
	res := &easel.RenderResult{Model: "slow-1"}
	for i := range req.N {
		res.Images = append(res.Images, easel.RenderedImage{PNG: solidPNG(req.Width, req.Height), Seed: req.Seed + int64(i)})
	}
	return res, nil
}

func solidPNG(w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), 128, 255})
		}
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}

// env is an MCP server over a fresh gallery, with a client connected
// to it through the SDK's in-memory transport.
type env struct {
	gal    *sqlite.DB
	slow   *slowEngine
	srv    *mcp.Server
	client *mcp.ClientSession
	// progress collects the progress notifications the client received.
	mu       sync.Mutex
	progress []*mcp.ProgressNotificationParams
}

func newEnv(t testing.TB, opts Options, slow *slowEngine) *env {
	t.Helper()
	ct, st := mcp.NewInMemoryTransports()
	e := newEnvOver(t, opts, slow, ct)
	ss, err := e.srv.Connect(t.Context(), st, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ss.Close() })
	e.connect(t, ct)
	return e
}

// newEnvOver builds the server and a client that will connect over ct.
func newEnvOver(t testing.TB, opts Options, slow *slowEngine, ct mcp.Transport) *env {
	t.Helper()
	gal, err := sqlite.Open(t.Context(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { gal.Close() })
	if slow == nil {
		slow = newSlowEngine(4, false)
	}
	reg := engine.NewRegistry(nil)
	reg.Register(engine.Factory{Name: "builtin", Open: func(func(string) string, string, *http.Client) (easel.Engine, error) { return canvas.New(), nil }})
	reg.Register(engine.Factory{Name: "slow", Open: func(func(string) string, string, *http.Client) (easel.Engine, error) { return slow, nil }})
	deps := Deps{Core: &verb.Core{
		Gallery: gal,
		Writer: func(spec string) (easel.PromptWriter, error) {
			if spec != "builtin" && spec != "" {
				return nil, easel.Errorf(easel.EINVALID, "unknown prompt writer %q: use builtin", spec)
			}
			return builtin.New(), nil
		},
		Engine: func(spec string) (easel.Engine, string, error) {
			e, err := reg.Open(spec, func(string) string { return "" })
			_, model := engine.ParseSpec(spec)
			return e, model, err
		},
		Engines: reg.Names(),
	}, Engines: func(context.Context) []EngineInfo {
		return []EngineInfo{
			{Name: "builtin", Summary: "the canvas", Configured: true, State: "ready", Local: true, Ops: []easel.Op{easel.OpEdit, easel.OpUpscale}},
			{Name: "slow", Summary: "a slow one", Configured: true, State: "configured", PricePerImage: 0.04},
			{Name: "paid", Summary: "not set up", State: "not configured", Set: "PAID_API_KEY"},
		}
	}}
	return &env{gal: gal, slow: slow, srv: New(deps, opts)}
}

// connect connects the test's client over ct.
func (e *env) connect(t testing.TB, ct mcp.Transport) {
	t.Helper()
	c := mcp.NewClient(&mcp.Implementation{Name: "test", Version: "1"}, &mcp.ClientOptions{
		ProgressNotificationHandler: func(_ context.Context, r *mcp.ProgressNotificationClientRequest) {
			e.mu.Lock()
			e.progress = append(e.progress, r.Params)
			e.mu.Unlock()
		},
	})
	cs, err := c.Connect(t.Context(), ct, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cs.Close() })
	e.client = cs
}

// call calls a tool and fails the test on a protocol error.
func (e *env) call(t testing.TB, name string, args map[string]any) *mcp.CallToolResult {
	t.Helper()
	res, err := e.client.CallTool(t.Context(), &mcp.CallToolParams{Name: name, Arguments: args})
	if err != nil {
		t.Fatalf("%s: protocol error %v; tools must fail as tool results", name, err)
	}
	return res
}

// ok calls a tool that must succeed.
func (e *env) ok(t testing.TB, name string, args map[string]any) *mcp.CallToolResult {
	t.Helper()
	res := e.call(t, name, args)
	if res.IsError {
		t.Fatalf("%s(%v) failed: %s", name, args, text(res))
	}
	return res
}

// text joins a result's text contents.
func text(res *mcp.CallToolResult) string {
	var parts []string
	for _, c := range res.Content {
		if tc, ok := c.(*mcp.TextContent); ok {
			parts = append(parts, tc.Text)
		}
	}
	return strings.Join(parts, "\n")
}

func images(res *mcp.CallToolResult) []*mcp.ImageContent {
	var out []*mcp.ImageContent
	for _, c := range res.Content {
		if ic, ok := c.(*mcp.ImageContent); ok {
			out = append(out, ic)
		}
	}
	return out
}

func links(res *mcp.CallToolResult) []*mcp.ResourceLink {
	var out []*mcp.ResourceLink
	for _, c := range res.Content {
		if l, ok := c.(*mcp.ResourceLink); ok {
			out = append(out, l)
		}
	}
	return out
}

// ids returns the artwork ids of a pictures result's structured content.
func ids(t testing.TB, res *mcp.CallToolResult) []string {
	t.Helper()
	m, ok := res.StructuredContent.(map[string]any)
	if !ok {
		t.Fatalf("structured content is %T, want an object", res.StructuredContent)
	}
	var out []string
	arts, _ := m["artworks"].([]any)
	for _, a := range arts {
		out = append(out, a.(map[string]any)["id"].(string))
	}
	return out
}

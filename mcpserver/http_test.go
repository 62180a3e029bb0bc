package mcpserver

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/easel-art/easel"
)

// newHTTPEnv serves the MCP server over streamable HTTP on loopback.
func newHTTPEnv(t *testing.T, slow *slowEngine) (*env, *HTTPHandler, string) {
	t.Helper()
	e := newEnvOver(t, Options{}, slow, nil)
	h := Handler(e.srv)
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	t.Cleanup(h.Close)
	e.connect(t, &mcp.StreamableClientTransport{Endpoint: ts.URL, MaxRetries: -1})
	return e, h, ts.URL
}

func TestHTTPImagineAndProgress(t *testing.T) {
	e, _, _ := newHTTPEnv(t, newSlowEngine(5, false))
	params := &mcp.CallToolParams{Name: "imagine", Arguments: map[string]any{"idea": "a fox", "engine": "slow", "size": "64x64"}}
	params.SetProgressToken(7)
	res, err := e.client.CallTool(t.Context(), params)
	if err != nil || res.IsError {
		t.Fatalf("imagine over HTTP: %v %s", err, text(res))
	}
	if len(images(res)) != 1 || len(ids(t, res)) != 1 {
		t.Errorf("imagine over HTTP: %d images", len(images(res)))
	}
	e.mu.Lock()
	n := len(e.progress)
	e.mu.Unlock()
	if n < 3 {
		t.Errorf("%d progress notifications over HTTP, want them on the request's stream", n)
	}
}

// TestHTTPCancel: over HTTP too, a cancelled request cancels the render.
func TestHTTPCancel(t *testing.T) {
	slow := newSlowEngine(0, true)
	e, _, _ := newHTTPEnv(t, slow)
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() {
		_, err := e.client.CallTool(ctx, &mcp.CallToolParams{Name: "imagine", Arguments: map[string]any{"idea": "a fox", "engine": "slow", "size": "64x64"}})
		done <- err
	}()
	select {
	case <-slow.started:
	case <-time.After(10 * time.Second):
		t.Fatal("the render never started")
	}
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("CallTool after cancel: %v", err)
	}
	select {
	case <-slow.cancelled:
	case <-time.After(10 * time.Second):
		t.Fatal("the engine was not cancelled")
	}
	if arts, _ := e.gal.List(t.Context(), easel.ArtworkFilter{}); len(arts) != 0 {
		t.Errorf("a cancelled render saved %d pictures", len(arts))
	}
}

// TestHTTPClose: Close ends a render in flight and the open streams, so
// the HTTP server can shut down.
func TestHTTPClose(t *testing.T) {
	slow := newSlowEngine(0, true)
	e, h, _ := newHTTPEnv(t, slow)
	done := make(chan struct{})
	go func() {
		e.client.CallTool(t.Context(), &mcp.CallToolParams{Name: "imagine", Arguments: map[string]any{"idea": "a fox", "engine": "slow", "size": "64x64"}})
		close(done)
	}()
	<-slow.started
	h.Close()
	select {
	case <-slow.cancelled:
	case <-time.After(10 * time.Second):
		t.Fatal("Close did not cancel the render")
	}
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the call did not end after Close")
	}
}

func TestHTTPOrigin(t *testing.T) {
	_, _, url := newHTTPEnv(t, nil)
	for _, c := range []struct {
		origin string
		want   int
	}{
		{"https://evil.example", http.StatusForbidden},
		{"null", http.StatusForbidden},
		{strings.Replace(url, "http://", "http://", 1), 0}, // same origin: not refused here
		{"", 0},
	} {
		req, _ := http.NewRequest("POST", url, strings.NewReader(`{"jsonrpc":"2.0","id":1,"method":"ping"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", "application/json, text/event-stream")
		if c.origin != "" {
			req.Header.Set("Origin", c.origin)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if c.want != 0 && resp.StatusCode != c.want || c.want == 0 && resp.StatusCode == http.StatusForbidden {
			t.Errorf("Origin %q: status %d", c.origin, resp.StatusCode)
		}
	}
}

// TestHTTPProxiedHost: behind a TLS proxy on the same machine the Host is
// the site's name; the server around the handler decides about it (with
// a token it answers any name), not the handler.
func TestHTTPProxiedHost(t *testing.T) {
	_, _, url := newHTTPEnv(t, nil)
	req, _ := http.NewRequest("POST", url, strings.NewReader(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"x","version":"1"}}}`))
	req.Host = "studio.example"
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json, text/event-stream")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("initialize with Host studio.example: status %d, want 200", resp.StatusCode)
	}
}

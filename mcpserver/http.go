package mcpserver

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

// HTTPHandler serves the MCP server over streamable HTTP. It refuses a
// request whose Origin header names another site, whatever its method, as
// the MCP specification asks (a browser page must not drive a local
// server). It is meant to be mounted in package server, whose token and
// Host checks (the DNS-rebinding protection) are around it.
type HTTPHandler struct {
	h      http.Handler
	stop   context.Context
	cancel context.CancelFunc
}

// sessionIdle is how long an HTTP session may go without a request
// before it is closed.
const sessionIdle = 30 * time.Minute

// Handler returns the streamable HTTP handler of srv.
func Handler(srv *mcp.Server) *HTTPHandler {
	stop, cancel := context.WithCancel(context.Background())
	// A tool call runs on its session's context, not its HTTP request's
	// (with the older protocol versions every client speaks today), so
	// Close reaches the calls in flight through this middleware.
	srv.AddReceivingMiddleware(func(next mcp.MethodHandler) mcp.MethodHandler {
		return func(ctx context.Context, method string, req mcp.Request) (mcp.Result, error) {
			ctx, cancelCall := context.WithCancel(ctx)
			defer cancelCall()
			defer context.AfterFunc(stop, cancelCall)()
			return next(ctx, method, req)
		}
	})
	h := mcp.NewStreamableHTTPHandler(func(*http.Request) *mcp.Server { return srv }, &mcp.StreamableHTTPOptions{
		SessionTimeout: sessionIdle,
		// With the newer protocol a call ends with its request.
		PropagateRequestCancellation: true,
		// The server around it checks the Host: without a token it
		// answers loopback names only (what this protection does), with
		// one it answers any name, so that a TLS proxy on the same
		// machine can forward to it.
		DisableLocalhostProtection: true,
	})
	return &HTTPHandler{h: h, stop: stop, cancel: cancel}
}

// ServeHTTP serves one MCP request.
func (h *HTTPHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if o := r.Header.Get("Origin"); o != "" && !sameOrigin(o, r.Host) {
		http.Error(w, "easel: cross-origin request refused: MCP clients do not send another site's Origin", http.StatusForbidden)
		return
	}
	// Close ends the open streams (a client's GET waits on one), so the
	// HTTP server can shut down.
	ctx, cancel := context.WithCancel(r.Context())
	defer cancel()
	defer context.AfterFunc(h.stop, cancel)()
	h.h.ServeHTTP(w, r.WithContext(ctx))
}

// Close ends every request in flight: open streams and running tool calls.
func (h *HTTPHandler) Close() { h.cancel() }

// sameOrigin reports whether origin (scheme://host[:port]) names host.
func sameOrigin(origin, host string) bool {
	u, err := url.Parse(origin)
	return err == nil && u.Host != "" && strings.EqualFold(u.Host, host)
}

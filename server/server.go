// Package server is easel's HTTP face: the web studio (package web), a JSON
// API under /api/v1 described by /api/v1/openapi.json, and an
// OpenAI-compatible images API (POST /v1/images/generations, GET /v1/models)
// so any OpenAI client can use easel as its image endpoint.
//
// Every picture is made by pipeline.Pipeline through a small in-process job
// runner with a bounded queue; progress streams to the browser as
// server-sent events. The server takes its backends injected (Deps), so the
// command that starts it decides which writers and engines exist.
//
// Security: the command binds to loopback unless a token is set; with a
// token every API call needs "Authorization: Bearer TOKEN" (image URLs
// carry an HMAC of the token instead, so <img> tags and OpenAI clients can
// fetch them). Without a token, requests must name a loopback Host, which
// stops DNS-rebinding pages. Unsafe methods must send JSON (or a PNG) and
// come from the same origin. Request bodies are size-limited, images are
// served by id only, and no configuration value ever reaches a response.
package server

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/llm"
	"github.com/easel-art/easel/pipeline"
	"github.com/easel-art/easel/prompt/styles"
	"github.com/easel-art/easel/verb"
	"github.com/easel-art/easel/web"
)

// Deps are the server's backends. Gallery, Writer and Engine are required.
type Deps struct {
	// Gallery keeps the pictures.
	Gallery easel.Gallery
	// Writer returns the prompt writer named by spec, NAME[:MODEL] as in
	// --llm ("" for the default). Errors are easel.Errors (EINVALID for an
	// unknown name, ECONFIG for a missing key).
	Writer func(spec string) (easel.PromptWriter, error)
	// LLM opens a language model for refine and describe with a model
	// (NAME[:MODEL]); nil offers none.
	LLM func(spec string) (llm.Client, error)
	// Engine returns the engine named by spec, NAME[:MODEL] as in
	// --engine, and the model to ask it for.
	Engine func(spec string) (easel.Engine, string, error)
	// Style returns the style preset called name (nil, nil for "").
	// Nil means no presets beyond the built-in ones.
	Style func(name string) (*styles.Style, error)
	// Styles lists the presets the studio offers; nil means styles.List.
	Styles func() []styles.Style
	// Engines and LLMs are the names the studio and GET /v1/models offer,
	// in order; the first is the default when Options says none.
	Engines []string
	LLMs    []string
	// Log receives operator logs; nil discards them.
	Log *slog.Logger
	// MCP, when set, is mounted at /mcp (the MCP server's streamable
	// HTTP handler, package mcpserver) behind the API's token, Host and
	// cross-origin checks.
	MCP http.Handler
	// Call makes every engine call: the process's per-engine limiter,
	// retry policy and deadline (cmd/easel passes the one every command
	// uses). Nil calls engines once, directly: for tests.
	Call pipeline.Call
	// Jobs, when set, keeps jobs across restarts: New queues again the
	// jobs a previous server left queued or running (see resume.go). Nil
	// keeps them in memory only.
	Jobs JobStore
}

// Options are the server's settings.
type Options struct {
	// Token, when set, is required as a Bearer token on every API call.
	Token string
	// LocalOnly refuses requests whose Host is not a loopback name. The
	// command sets it when it listens on loopback without a token.
	LocalOnly bool
	// Engine and LLM are the defaults ("" for the first of Deps.Engines
	// and Deps.LLMs).
	Engine, LLM string
	// Rewrite sends prompts given to /v1/images/generations through the
	// prompt writer (as DALL·E 3 revises them); a request's "easel_write"
	// field overrides it.
	Rewrite bool
	// Workers is how many jobs render at once (default 2); Queue is how
	// many more may wait (default 32) before the server answers 503.
	Workers, Queue int
	// SoftStop is how long Shutdown lets running jobs finish before it
	// cancels them (default 30s).
	SoftStop time.Duration
}

// Body limits: JSON requests are small; a dropped PNG may be a large
// picture.
const (
	maxJSONBody = 1 << 20
	maxPNGBody  = 32 << 20
	// bodyTimeout is how long a request body may take to arrive.
	bodyTimeout = time.Minute
)

// Server is the HTTP handler. Close it (or Shutdown) to stop its workers.
type Server struct {
	deps    Deps
	core    *verb.Core
	opts    Options
	log     *slog.Logger
	jobs    *jobRunner
	handler http.Handler
	sigKey  []byte
	thumbs  *thumbCache
}

// New returns a server over deps. It starts the job workers; Shutdown
// stops them.
func New(deps Deps, opts Options) (*Server, error) {
	if deps.Gallery == nil || deps.Writer == nil || deps.Engine == nil {
		return nil, errors.New("server: Deps needs Gallery, Writer and Engine")
	}
	if deps.Styles == nil {
		deps.Styles = styles.List
	}
	if deps.Style == nil {
		deps.Style = func(name string) (*styles.Style, error) {
			if name == "" {
				return nil, nil
			}
			st, err := styles.Get(name)
			return &st, err
		}
	}
	if opts.Engine == "" && len(deps.Engines) > 0 {
		opts.Engine = deps.Engines[0]
	}
	if opts.LLM == "" && len(deps.LLMs) > 0 {
		opts.LLM = deps.LLMs[0]
	}
	if opts.Workers <= 0 {
		opts.Workers = 2
	}
	if opts.Queue <= 0 {
		opts.Queue = 32
	}
	if opts.SoftStop <= 0 {
		opts.SoftStop = 30 * time.Second
	}
	log := deps.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	log = log.With(easel.LogKeyComponent, "server")
	s := &Server{deps: deps, opts: opts, log: log, thumbs: newThumbCache(512)}
	s.core = &verb.Core{
		Gallery: deps.Gallery, Engine: s.openEngine, Engines: deps.Engines, Writer: s.openWriter,
		Style: deps.Style, Call: deps.Call, Log: log, LLM: deps.LLM,
	}
	if opts.Token != "" {
		// Image URLs are signed with a key derived from the token, so a URL
		// given out never reveals the token itself.
		k := sha256.Sum256([]byte("easel image url\x00" + opts.Token))
		s.sigKey = k[:]
	}
	var pending []StoredJob
	if deps.Jobs != nil {
		ctx, cancel := context.WithTimeout(context.Background(), storeTimeout)
		var err error
		pending, err = deps.Jobs.UnfinishedJobs(ctx)
		cancel()
		if err != nil {
			return nil, fmt.Errorf("server: read unfinished jobs: %w", err)
		}
	}
	// Room for every job left over, on top of the usual queue.
	s.jobs = newJobRunner(s, deps.Jobs, opts.Workers, opts.Queue+len(pending))
	s.handler = s.routes()
	s.resumeJobs(pending)
	return s, nil
}

// ServeHTTP serves the studio and the APIs.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// Shutdown stops taking jobs, lets running ones finish until the soft stop
// time (or ctx) runs out, then cancels them and waits for them to end.
// Jobs still waiting in the queue are cancelled at once. With Deps.Jobs,
// the jobs it cancels (waiting or running) stay recorded as unfinished
// and the next server runs them again.
func (s *Server) Shutdown(ctx context.Context) error {
	return s.jobs.shutdown(ctx, s.opts.SoftStop)
}

// Close cancels every job and stops the workers at once.
func (s *Server) Close() error {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	return s.jobs.shutdown(ctx, 0)
}

// route is one endpoint. Every /api/v1 and /v1 route must appear in the
// OpenAPI document (a test checks it).
type route struct {
	method, path string
	h            http.HandlerFunc
	// body is the content type an unsafe method must send ("" for none).
	body string
	// public routes skip the token check (the studio's own files).
	public bool
}

func (s *Server) routeTable() []route {
	const js, png = "application/json", "image/png"
	return []route{
		{method: "GET", path: "/api/v1/openapi.json", h: s.handleOpenAPI},
		{method: "GET", path: "/api/v1/info", h: s.handleInfo},
		{method: "POST", path: "/api/v1/prompts", h: s.handleWritePrompts, body: js},
		{method: "POST", path: "/api/v1/tokens", h: s.handleTokens, body: js},
		{method: "POST", path: "/api/v1/jobs", h: s.handleCreateJob, body: js},
		{method: "GET", path: "/api/v1/jobs/{id}", h: s.handleGetJob},
		{method: "DELETE", path: "/api/v1/jobs/{id}", h: s.handleCancelJob},
		{method: "GET", path: "/api/v1/jobs/{id}/events", h: s.handleJobEvents},
		{method: "GET", path: "/api/v1/artworks", h: s.handleListArtworks},
		{method: "GET", path: "/api/v1/artworks/{id}", h: s.handleGetArtwork},
		{method: "DELETE", path: "/api/v1/artworks/{id}", h: s.handleDeleteArtwork},
		{method: "GET", path: "/api/v1/artworks/{id}/image", h: s.handleImage},
		{method: "POST", path: "/api/v1/artworks/{id}/reproduce", h: s.handleReproduce, body: js},
		{method: "POST", path: "/api/v1/artworks/{id}/vary", h: s.handleVary, body: js},
		{method: "POST", path: "/api/v1/artworks/{id}/refine", h: s.handleRefine, body: js},
		// describe takes multipart or JSON: the handler checks the type.
		{method: "POST", path: "/api/v1/describe", h: s.handleDescribe},
		{method: "POST", path: "/api/v1/inspect", h: s.handleInspect, body: png},
		// edit takes pictures in base64 JSON, over the JSON size limit: the handler checks the type.
		{method: "POST", path: "/api/v1/edit", h: s.handleEdit},
		{method: "POST", path: "/v1/images/generations", h: s.handleOpenAIGenerate, body: js},
		// edits take multipart, as the OpenAI SDKs send them: the handler checks the type.
		{method: "POST", path: "/v1/images/edits", h: s.handleOpenAIEdit},
		{method: "GET", path: "/v1/models", h: s.handleOpenAIModels},
		{method: "GET", path: "/{$}", h: s.handleIndex, public: true},
		{method: "GET", path: "/assets/{file...}", h: s.handleAsset, public: true},
	}
}

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	allow := map[string][]string{}
	for _, rt := range s.routeTable() {
		allow[rt.path] = append(allow[rt.path], rt.method)
		h := http.Handler(rt.h)
		if rt.body != "" {
			h = requireBody(rt.body, h)
		}
		if !rt.public {
			h = s.requireToken(h)
		}
		mux.Handle(rt.method+" "+rt.path, h)
	}
	// A known path with another method is a 405 that lists the right ones.
	for path, methods := range allow {
		mux.Handle(path, s.methodNotAllowed(methods))
	}
	// Anything else under the APIs is a JSON 404, not the studio.
	mux.Handle("/api/", s.requireToken(http.HandlerFunc(s.notFound)))
	mux.Handle("/v1/", s.requireToken(http.HandlerFunc(s.notFound)))
	if s.deps.MCP != nil {
		mux.Handle("/mcp", s.requireToken(s.deps.MCP))
	}
	mux.HandleFunc("/", s.notFound)

	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, r, s.log, &easel.Error{Code: errForbidden, Message: "cross-origin request refused: call the API from the studio's own page or without a browser"})
	}))
	return s.checkHost(securityHeaders(cop.Handler(mux)))
}

func (s *Server) methodNotAllowed(methods []string) http.Handler {
	list := strings.Join(methods, ", ")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Allow", list)
		writeJSON(w, http.StatusMethodNotAllowed, ErrorBody{Error: ErrorDetail{
			Message: r.Method + " is not allowed on " + r.URL.Path + ": use " + list,
			Type:    "invalid_request_error", Code: easel.EINVALID,
		}})
	})
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	writeError(w, r, s.log, easel.Errorf(easel.ENOTFOUND, "no such page: %s %s (see /api/v1/openapi.json)", r.Method, r.URL.Path))
}

// securityHeaders keeps the studio's pages from being framed, sniffed or
// made to run scripts from anywhere else.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' blob: data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		next.ServeHTTP(w, r)
	})
}

// checkHost refuses, when the server is local-only, any Host that is not a
// loopback name: a web page that rebinds its own domain to 127.0.0.1 then
// still cannot reach the API.
func (s *Server) checkHost(next http.Handler) http.Handler {
	if !s.opts.LocalOnly {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !IsLoopbackHost(r.Host) {
			writeError(w, r, s.log, &easel.Error{Code: errForbidden, Message: "this easel server only answers requests for localhost: open it as http://127.0.0.1 or http://localhost, or start it with --token"})
			return
		}
		next.ServeHTTP(w, r)
	})
}

// IsLoopbackHost reports whether hostport (a Host header or a listen
// address, with or without a port) names this machine only: localhost,
// 127.0.0.0/8 or ::1. An empty host (":8420", all interfaces) is not.
func IsLoopbackHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if strings.EqualFold(host, "localhost") || strings.HasSuffix(strings.ToLower(host), ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// requireToken checks the Bearer token when one is set. The image route
// also accepts a valid signature in its URL.
func (s *Server) requireToken(next http.Handler) http.Handler {
	if s.opts.Token == "" {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.bearerOK(r) || s.signedImageOK(r) {
			next.ServeHTTP(w, r)
			return
		}
		w.Header().Set("WWW-Authenticate", `Bearer realm="easel"`)
		writeError(w, r, s.log, &easel.Error{Code: errUnauthorized, Message: "this easel server needs its token: send Authorization: Bearer TOKEN (the --token or EASEL_TOKEN it was started with)"})
	})
}

func (s *Server) bearerOK(r *http.Request) bool {
	scheme, tok, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(strings.TrimSpace(tok)), []byte(s.opts.Token)) == 1
}

// signedImageOK accepts GET /api/v1/artworks/{id}/image?sig=HMAC(id).
func (s *Server) signedImageOK(r *http.Request) bool {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		return false
	}
	rest, ok := strings.CutPrefix(r.URL.Path, "/api/v1/artworks/")
	if !ok {
		return false
	}
	id, ok := strings.CutSuffix(rest, "/image")
	if !ok || strings.Contains(id, "/") {
		return false
	}
	got, err := hex.DecodeString(r.URL.Query().Get("sig"))
	return err == nil && hmac.Equal(got, s.sign(id))
}

func (s *Server) sign(id string) []byte {
	m := hmac.New(sha256.New, s.sigKey)
	m.Write([]byte(id))
	return m.Sum(nil)[:16]
}

// imageURL is the path of an artwork's PNG, signed when a token is set;
// query, if any, is added (such as "w=256" for a thumbnail).
func (s *Server) imageURL(id, query string) string {
	u := "/api/v1/artworks/" + id + "/image"
	var q []string
	if query != "" {
		q = append(q, query)
	}
	if s.sigKey != nil {
		q = append(q, "sig="+hex.EncodeToString(s.sign(id)))
	}
	if len(q) > 0 {
		u += "?" + strings.Join(q, "&")
	}
	return u
}

// requireBody refuses an unsafe request whose body is not of type ct. A
// cross-site HTML form can only send form or text types, so this also
// keeps forms on other sites from acting here.
func requireBody(ct string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got := strings.ToLower(strings.TrimSpace(strings.Split(r.Header.Get("Content-Type"), ";")[0]))
		if got != ct {
			writeError(w, r, nil, &easel.Error{Code: errUnsupportedType, Message: "send the request body as " + ct + " (Content-Type: " + ct + ")"})
			return
		}
		limit := int64(maxJSONBody)
		if ct == "image/png" {
			limit = maxPNGBody
		}
		if r.ContentLength > limit {
			writeError(w, r, nil, tooLarge(limit))
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, limit)
		// A client that trickles its body must not hold a handler forever.
		http.NewResponseController(w).SetReadDeadline(time.Now().Add(bodyTimeout))
		next.ServeHTTP(w, r)
	})
}

func (s *Server) handleIndex(w http.ResponseWriter, r *http.Request) {
	b, err := web.FS.ReadFile("static/index.html")
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(b)
}

func (s *Server) handleAsset(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("file")
	// embed.FS refuses "..", absolute and unclean names on its own; this
	// only keeps the error a plain 404.
	if !web.ValidName(name) {
		s.notFound(w, r)
		return
	}
	b, err := web.FS.ReadFile("static/" + name)
	if err != nil {
		s.notFound(w, r)
		return
	}
	w.Header().Set("Content-Type", web.ContentType(name))
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(b)
}

// CheckListen refuses to listen on a non-loopback address without a
// token: anyone who can reach the port could otherwise spend the
// configured engines' credit and read the gallery.
func CheckListen(addr, token string) error {
	if _, _, err := net.SplitHostPort(addr); err != nil {
		return easel.Errorf(easel.EINVALID, "invalid address %q: write it as HOST:PORT, such as 127.0.0.1:8420", addr)
	}
	if token == "" && !IsLoopbackHost(addr) {
		return easel.Errorf(easel.ECONFIG, "listening on %s opens easel to the network: set a token with --token or EASEL_TOKEN, or listen on 127.0.0.1", addr)
	}
	return nil
}

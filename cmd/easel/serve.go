package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"syscall"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/config"
	"github.com/easel-art/easel/llm"
	"github.com/easel-art/easel/mcpserver"
	"github.com/easel-art/easel/prompt/styles"
	"github.com/easel-art/easel/queue"
	"github.com/easel-art/easel/server"
)

const serveUsage = `Usage: easel serve [flags]

Starts the web studio, the JSON API (/api/v1, described at /api/v1/openapi.json),
the OpenAI-compatible images API (POST /v1/images/generations, GET /v1/models)
and the MCP server for assistants at /mcp (streamable HTTP; see easel mcp).

It listens on 127.0.0.1 only unless given a token: any other address needs
--token or EASEL_TOKEN, which every API call must then send as
"Authorization: Bearer TOKEN" (the studio asks for it once).
On Ctrl-C it stops taking work, lets running jobs finish (up to --soft-stop),
then cancels them. Jobs are kept in the gallery database: those it did not
finish (waiting or cancelled by the stop) run again at the next easel serve
on the same data directory, skipping the pictures they already saved. A job
a person cancelled stays cancelled.

Examples:
  easel serve
  EASEL_TOKEN=$(openssl rand -hex 16) easel serve --addr 0.0.0.0:8420
  curl -s localhost:8420/v1/images/generations -H 'Content-Type: application/json' \
    -d '{"prompt":"a beach sunset","size":"512x512"}'`

func cmdServe(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("serve", serveUsage)
	a.addTeamFlags(fs)
	var dataDir string
	fs.StringVar(&dataDir, "data-dir", "", "data directory (default $EASEL_HOME, else $XDG_DATA_HOME/easel, else ~/.local/share/easel)")
	addr := fs.String("addr", "127.0.0.1:8420", "address to listen on, HOST:PORT")
	token := fs.String("token", "", "API token required as a Bearer token (default $EASEL_TOKEN); needed for a non-loopback --addr")
	engineSpec := fs.String("engine", "builtin", "default image engine NAME[:MODEL]")
	llmSpec := fs.String("llm", "builtin", "default prompt writer NAME[:MODEL]")
	rewrite := fs.Bool("rewrite", true, "send prompts given to /v1/images/generations through the prompt writer (a request's easel_write overrides)")
	workers := fs.Int("workers", 2, "jobs rendering at once")
	softStop := fs.Duration("soft-stop", 30*time.Second, "at shutdown, how long running jobs may finish before they are cancelled")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return easel.Errorf(easel.EINVALID, "easel serve takes no arguments, got %q: use --addr HOST:PORT", strings.Join(pos, " "))
	}
	if *workers < 1 {
		return easel.Errorf(easel.EINVALID, "--workers must be at least 1")
	}
	tok := *token
	if tok == "" {
		tok = a.getenv("EASEL_TOKEN")
	}
	if err := checkToken(tok); err != nil {
		return err
	}
	if err := server.CheckListen(*addr, tok); err != nil {
		return err
	}
	// Fail on a bad default now, not on the first request.
	if _, _, err := a.openEngine(*engineSpec); err != nil {
		return err
	}
	dir := config.DataDir(dataDir, a.getenv)
	gal, err := a.openGallery(ctx, dataDir)
	if err != nil {
		return err
	}
	defer gal.Close()
	// On a team's PostgreSQL the studio's engine calls keep to the rate
	// limits every batch worker shares (the queue's limiters, no workers).
	if db := a.dbURL(); strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://") {
		q, err := queue.Open(ctx, queue.Config{URL: db, Limits: a.limits(limitFlags{}, ""), Log: a.log})
		if err != nil {
			return err
		}
		defer q.Close()
		a.shareLimits(q.Limiters())
	}
	mcpHandler := mcpserver.Handler(mcpserver.New(a.mcpDeps(gal, dir), mcpserver.Options{Engine: *engineSpec, LLM: *llmSpec}))
	defer mcpHandler.Close()
	deps := a.serverDeps(gal, dir)
	deps.MCP = mcpHandler
	srv, err := server.New(deps, server.Options{
		Token: tok, LocalOnly: tok == "", Engine: *engineSpec, LLM: *llmSpec,
		Rewrite: *rewrite, Workers: *workers, SoftStop: *softStop,
	})
	if err != nil {
		return err
	}
	if pj, ok := deps.Jobs.(*pgServeJobs); ok {
		// Replicas on one database: beat until this function returns (past
		// the soft stop), take over stopped replicas' jobs meanwhile.
		rctx, stopReplica := context.WithCancel(context.WithoutCancel(ctx))
		defer stopReplica()
		go pj.replicate(rctx, srv, a.log)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		srv.Close()
		// A port in use is a run-time failure (exit 1), not bad usage: the
		// same command works once the other program lets go of it.
		code := easel.EINVALID
		if errors.Is(err, syscall.EADDRINUSE) {
			code = easel.EUNAVAILABLE
		}
		return easel.Errorf(code, "cannot listen on %s: %v: pick another --addr", *addr, errors.Unwrap(err))
	}
	hs := &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(a.log.Handler(), slog.LevelWarn),
	}
	hs.RegisterOnShutdown(mcpHandler.Close) // MCP clients hold streams open
	fmt.Fprintf(a.stdout, "easel studio: http://%s/\n", displayAddr(ln.Addr().String()))
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		srv.Close()
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	fmt.Fprintln(a.stderr, "easel: stopping: running jobs may finish for up to", *softStop, "(the others run at the next start)")
	// Stop accepting at once; open streams end as their jobs end.
	httpDone := make(chan error, 1)
	sctx, cancel := context.WithTimeout(context.Background(), *softStop+10*time.Second)
	defer cancel()
	go func() { httpDone <- hs.Shutdown(sctx) }()
	srv.Shutdown(sctx)
	if err := <-httpDone; err != nil {
		hs.Close()
	}
	return nil
}

// serverDeps are the server's backends: the same gallery, writers,
// engines, styles and engine calls (limiter, retries, deadline) as every
// other command.
func (a *app) serverDeps(gal gallery, dir string) server.Deps {
	return server.Deps{
		Gallery: gal,
		Writer:  a.serveWriter,
		Engine:  a.openEngine,
		Style:   func(name string) (*styles.Style, error) { return loadStyle(dir, name) },
		Styles: func() []styles.Style {
			if lib, err := styles.Load(dir); err == nil {
				return lib.List()
			}
			return styles.List()
		},
		Engines: engines().Names(),
		LLMs:    llmNames(),
		LLM:     func(spec string) (llm.Client, error) { return llms().Open(spec, a.getenv, nil) },
		Log:     a.log,
		Call:    a.engineCall(true),
		Jobs:    serverJobsOf(gal),
	}
}

// displayAddr makes a listen address into one a browser can open.
func displayAddr(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return addr
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}

// serveWriter opens the prompt writer named by spec for the server.
func (a *app) serveWriter(spec string) (easel.PromptWriter, error) {
	return a.openWriter(spec, "", false)
}

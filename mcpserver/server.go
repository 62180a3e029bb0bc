// Package mcpserver is easel as a Model Context Protocol server, so a chat
// assistant (Claude Desktop or Code, Cursor, VS Code, ChatGPT connectors)
// can write prompts, render them on the person's engines, refine, vary,
// reproduce, describe and edit pictures and search the gallery.
//
// It is built on the official Go SDK (github.com/modelcontextprotocol/go-sdk).
// The tools call easel's verbs (package verb), as the CLI and the HTTP
// API do; this package only translates: arguments in, MCP content out. Every failure a
// tool meets comes back as a tool result with IsError set and easel's
// one-line message, never as a protocol error, so the model can read it
// and try again. `easel mcp` serves it over stdio; `easel serve` mounts
// Handler at /mcp (streamable HTTP) behind the API's token and origin rules.
package mcpserver

import (
	"context"
	"log/slog"
	"strings"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/verb"
)

// Deps are the server's backends, injected by the command that starts
// it: the verbs' core (gallery, engines, writers, styles, how engine calls
// are made) and the names the tool descriptions offer.
type Deps struct {
	// Core runs every tool's verb. Required.
	Core *verb.Core
	// LLMs names the prompt writers, for the tool descriptions.
	LLMs []string
	// Engines, when set, describes the image engines for list_engines
	// (without a network call).
	Engines func(ctx context.Context) []EngineInfo
}

// Options are the server's settings.
type Options struct {
	// Engine and LLM are the defaults ("builtin" when empty).
	Engine, LLM string
	// PreviewSide is the longest side, in pixels, of the pictures sent
	// back as image content (default 1024): a model sees them at about
	// that size, and a full 2048-pixel PNG would fill its context.
	PreviewSide int
	// PreviewBytes is the most PNG bytes the previews of one tool result
	// may take together (default 640 KB, under 1 MiB once in base64,
	// which Claude Desktop accepts); a picture that would be larger is
	// sent smaller.
	PreviewBytes int
	// FileLinks makes the resource link of a picture its file:// path,
	// for a client on the same machine (easel mcp over stdio). Without
	// it the link is easel://artwork/{id}/image, read through MCP.
	FileLinks bool
}

// MaxImages is the most pictures one tool call makes: each comes back as
// image content, and a model's context is not a gallery.
const MaxImages = 4

// MaxVariations is the most prompts write_prompt writes at once.
const MaxVariations = 10

// instructions tell the model what easel is and how its tools fit.
const instructions = `easel turns a few words into AI art. It writes the detailed image prompt a skilled prompt writer would, renders it on the person's image engine (the built-in canvas works offline and is free; remote engines such as openai, a1111 or comfyui cost money or GPU time), and keeps every picture in a searchable gallery that can vary and reproduce it.

Typical use: call imagine with the person's idea in their own words (easel writes the prompt), show the picture, then steer it by its id: refine with an instruction ("make it night, add a red sailboat"), vary for alternatives, reproduce to make it again, edit to change, extend or enlarge it. Use write_prompt to draft or compare prompts without rendering, imagine with "prompt" to render a prompt exactly as written, and describe to get prompts from a picture. search_gallery finds earlier pictures; get_artwork shows one again. Pictures are also resources at easel://artwork/{id}.`

// server holds what the tool handlers share.
type server struct {
	core    *verb.Core
	gallery easel.Gallery
	llms    []string
	engines func(ctx context.Context) []EngineInfo
	opts    Options
	log     *slog.Logger
}

// New returns the MCP server over deps, with every tool, resource and
// prompt registered. Serve it with Run(ctx, &mcp.StdioTransport{}) or
// mount Handler.
func New(deps Deps, opts Options) *mcp.Server {
	if opts.PreviewSide <= 0 {
		opts.PreviewSide = 1024
	}
	if opts.PreviewBytes <= 0 {
		opts.PreviewBytes = 640 << 10
	}
	if strings.TrimSpace(opts.Engine) == "" {
		opts.Engine = "builtin"
	}
	if strings.TrimSpace(opts.LLM) == "" {
		opts.LLM = "builtin"
	}
	log := deps.Core.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	log = log.With(easel.LogKeyComponent, "mcp")
	s := &server{core: deps.Core, gallery: deps.Core.Gallery, llms: deps.LLMs, engines: deps.Engines, opts: opts, log: log}
	ms := mcp.NewServer(&mcp.Implementation{Name: "easel", Title: "easel", Version: easel.Version}, &mcp.ServerOptions{
		Instructions: instructions,
		Logger:       log,
	})
	s.addTools(ms)
	s.addResources(ms)
	s.addPrompts(ms)
	return ms
}

// toolError is a failure as the model reads it: easel's one-line
// message, as the command line prints it (an easel.Error's message is
// written to be shown and never carries a secret).
type toolError struct{ err error }

func (e *toolError) Error() string { return "easel: " + safeMessage(e.err) }
func (e *toolError) Unwrap() error { return e.err }

// fail turns err into a tool error (a result with IsError set).
func fail(err error) error {
	if err == nil {
		return nil
	}
	return &toolError{err}
}

// safeMessage is err's message when it is an easel.Error, "cancelled"
// for a cancellation, else the error's text after "internal error".
func safeMessage(err error) string {
	switch easel.ErrorCode(err) {
	case easel.ECANCELED:
		return "cancelled"
	case easel.EINTERNAL:
		return "internal error: " + err.Error()
	}
	return easel.ErrorMessage(err)
}

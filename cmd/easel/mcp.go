package main

import (
	"context"
	"errors"
	"io"
	"strings"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/config"
	"github.com/easel-art/easel/mcpserver"
)

const mcpUsage = `Usage: easel mcp [flags]

Serves easel to an assistant (Claude Desktop or Code, Cursor, VS Code, ...) as a Model Context
Protocol server over stdin and stdout: the assistant launches it. Tools: write_prompt, imagine,
refine, vary, reproduce, describe, edit, search_gallery, get_artwork, list_engines; pictures are resources at
easel://artwork/{id}; the prompt prompt_generator gives the assistant easel's prompt-writing
instructions. easel serve offers the same at /mcp over HTTP.

Example (Claude Code):
  claude mcp add easel -- easel mcp --engine builtin`

func cmdMCP(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("mcp", mcpUsage)
	a.addTeamFlags(fs)
	var dataDir string
	fs.StringVar(&dataDir, "data-dir", "", "data directory (default $EASEL_HOME, else $XDG_DATA_HOME/easel, else ~/.local/share/easel)")
	engineSpec := fs.String("engine", "builtin", "default image engine NAME[:MODEL]")
	llmSpec := fs.String("llm", "builtin", "default prompt writer NAME[:MODEL]")
	previewSide := fs.Int("preview", 1024, "longest side in pixels of the pictures sent to the assistant (the full-size file is linked)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return easel.Errorf(easel.EINVALID, "easel mcp takes no arguments, got %q: the assistant talks to it over stdin and stdout", strings.Join(pos, " "))
	}
	if *previewSide < 64 || *previewSide > easel.MaxSide {
		return easel.Errorf(easel.EINVALID, "--preview %d is out of range: use 64 to %d", *previewSide, easel.MaxSide)
	}
	// Fail on a bad default now, not on the first tool call.
	if _, _, err := a.openEngine(*engineSpec); err != nil {
		return err
	}
	if _, err := a.serveWriter(*llmSpec); err != nil {
		return err
	}
	gal, err := a.openGallery(ctx, dataDir)
	if err != nil {
		return err
	}
	defer gal.Close()
	srv := mcpserver.New(a.mcpDeps(gal, config.DataDir(dataDir, a.getenv)), mcpserver.Options{
		Engine: *engineSpec, LLM: *llmSpec, PreviewSide: *previewSide, FileLinks: true,
	})
	t := &mcp.IOTransport{Reader: io.NopCloser(a.stdin), Writer: nopWriteCloser{raw(a.stdout)}} // a protocol, not terminal text: no escaping
	err = srv.Run(ctx, t)
	if err == nil || errors.Is(err, io.EOF) || ctx.Err() != nil {
		// The assistant closed the connection or the person pressed Ctrl-C.
		return nil
	}
	return err
}

// mcpDeps are the MCP server's backends: the verbs' core every other
// command uses, with engine retries logged rather than printed (stdout
// is the protocol's; the client shows stderr as a log at best).
func (a *app) mcpDeps(gal easel.Gallery, dataDir string) mcpserver.Deps {
	c := a.core(gal, dataDir, a.serveWriter)
	c.Call = a.engineCall(true)
	return mcpserver.Deps{Core: c, LLMs: llmNames(), Engines: a.mcpEngines}
}

// mcpEngines describes the engines for the MCP tool list_engines, as
// easel engines does (configuration only, no network call).
func (a *app) mcpEngines(ctx context.Context) []mcpserver.EngineInfo {
	var out []mcpserver.EngineInfo
	for _, st := range a.engineStatuses(ctx, engines(), false, 0) {
		e := mcpserver.EngineInfo{Name: st.Name, Summary: st.Summary, Configured: st.Configured, State: st.State, Set: st.Set}
		if st.Caps != nil {
			e.Local, e.PricePerImage, e.Dialect = st.Caps.Local, st.Caps.PricePerImage, st.Caps.Dialect
			e.DefaultModel, e.Models = st.Caps.DefaultModel, st.Caps.Models
		}
		for _, o := range st.Ops {
			e.Ops = append(e.Ops, o.Op)
		}
		out = append(out, e)
	}
	return out
}

type nopWriteCloser struct{ io.Writer }

func (nopWriteCloser) Close() error { return nil }

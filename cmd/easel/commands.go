package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/easel-art/easel"
)

// command is one `easel NAME` sub-command. Each lives in its own file,
// named after it, and is listed in commands below.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, a *app, args []string) error
}

// commands lists every sub-command in the order `easel --help` shows them.
func commands() []command {
	return []command{
		{"imagine", "idea → prompt → picture(s) → gallery", cmdImagine},
		{"prompt", "idea → detailed prompt(s), without rendering", cmdPrompt},
		{"vary", "variations of a picture or a prompt (--strength subtle|strong), rendered and saved as its children", cmdVary},
		{"refine", "steer a picture in words (\"make it night, add a red sailboat\"), keeping the rest; saved as its child", cmdRefine},
		{"describe", "a picture → numbered prompts that could make it (its recorded prompt first, or an offline analysis)", cmdDescribe},
		{"edit", "change a picture toward words (image-to-image), or only a masked area (inpaint)", cmdEdit},
		{"outpaint", "extend a picture past its edges (--aspect 16:9 or --expand L,T,R,B)", cmdOutpaint},
		{"upscale", "enlarge a picture 2x or 4x, keeping its metadata", cmdUpscale},
		{"reproduce", "render a picture again with the same prompt, seed, size, steps and engine", cmdReproduce},
		{"batch", "many pictures from a file: concurrent, rate-limited, budgeted, resumable", cmdBatch},
		{"worker", "work the batch queue (several with --db postgres://…)", cmdWorker},
		{"template", "expand a dynamic-prompt template (variants, wildcards, variables)", cmdTemplate},
		{"render", "draw a Scene JSON file with the built-in canvas", cmdRender},
		{"tokens", "CLIP token count, ids and 75-token chunks of a prompt", cmdTokens},
		{"styles", "list, show and import style presets", cmdStyles},
		{"engines", "list the image engines, their configuration and (--check) whether they are reachable", cmdEngines},
		{"doctor", "check the gallery and whether every configured engine and language model answers", cmdDoctor},
		{"info", "show the generation metadata of a PNG (easel, A1111, ComfyUI, InvokeAI)", cmdInfo},
		{"gallery", "the gallery: list, search, show (with lineage), tree, sheet, rm, gc", cmdGallery},
		{"serve", "web studio, JSON API and OpenAI-compatible images API on 127.0.0.1:8420", cmdServe},
		{"migrate", "copy the local gallery into a team's PostgreSQL gallery and object store, resumable, checking every SHA-256", cmdMigrate},
		{"mcp", "MCP server over stdio for assistants (Claude, Cursor, VS Code); also /mcp on easel serve", cmdMCP},
		{"version", "print easel's version", cmdVersion},
	}
}

const mainUsage = `easel turns a few words into AI art.

Usage:
  easel COMMAND [flags] [arguments]

Commands:
%s
Flags may come before or after the arguments. Run "easel COMMAND --help" for a command's flags.

Examples:
  easel imagine "a beach sunset"
  easel imagine "a castle on a hill under a full moon" -n 4 --aspect 16:9
  easel gallery search castle

Data: --data-dir, else $EASEL_HOME, else $XDG_DATA_HOME/easel, else ~/.local/share/easel.
Exit codes: 0 done, 1 failed, 2 bad usage or input, 3 missing configuration, 130 interrupted.
`

func (a *app) dispatch(ctx context.Context, args []string) error {
	if len(args) == 0 {
		// An error: the help goes to stderr, keeping stdout for results.
		a.mainHelp(a.stderr)
		return easel.Errorf(easel.EINVALID, "no command given: try easel imagine \"a beach sunset\"")
	}
	name := args[0]
	switch name {
	case "-h", "--help", "help":
		a.mainHelp(a.stdout)
		return nil
	case "--version", "-version":
		return cmdVersion(ctx, a, nil)
	}
	for _, c := range commands() {
		if c.name == name {
			return c.run(ctx, a, args[1:])
		}
	}
	return easel.Errorf(easel.EINVALID, "unknown command %q: run easel --help for the list", name)
}

func (a *app) mainHelp(w io.Writer) {
	var b strings.Builder
	for _, c := range commands() {
		fmt.Fprintf(&b, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, mainUsage, b.String())
}

func cmdVersion(ctx context.Context, a *app, args []string) error {
	fmt.Fprintf(a.stdout, "easel %s\n", easel.Version)
	return nil
}

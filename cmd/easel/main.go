// Command easel turns a few words into AI art: it writes the prompt a skilled
// prompt writer would, renders it on an image engine and keeps every picture
// in a searchable gallery. Run `easel --help` for the commands.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/imageio"
)

func main() {
	crashLoudly()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv)
	stop()
	os.Exit(code)
}

// Exit codes, as DESIGN.md promises them.
const (
	exitOK          = 0
	exitFailed      = 1
	exitUsage       = 2
	exitConfig      = 3
	exitInterrupted = 130
)

// app is what every command shares: where output goes and how the
// environment is read. Tests build one with their own writers and env.
type app struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	getenv func(string) string
	log    *slog.Logger
	limiterSet
	teamFlags
}

// run is main without the process: it returns the exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) (code int) {
	// A panic is a bug, not a usage error: Go would exit 2, which easel
	// uses for bad input, so scripts would take a crash for a typo.
	defer func() {
		if v := recover(); v != nil {
			fmt.Fprintf(safeWriter{stderr}, "easel: internal error (a bug in easel, please report it with the command you ran): %s\n", termSafe(cutLine(fmt.Sprint(v), 300)))
			fmt.Fprintf(safeWriter{stderr}, "%s", debug.Stack())
			code = exitFailed
		}
	}()
	// Control characters in what easel prints (an idea, a PNG's text) are
	// escaped; the progress bar writes its own escapes underneath.
	stdout, stderr = safeWriter{stdout}, safeWriter{stderr}
	a := &app{stdin: stdin, stdout: stdout, stderr: stderr, getenv: getenv}
	a.log = newLogger(stderr, getenv("EASEL_LOG"))
	err := imageio.CheckEnv()
	if err == nil {
		err = a.dispatch(ctx, args)
	}
	err = explain(err)
	if err == nil {
		return exitOK
	}
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	code = exitCode(err)
	if code == exitInterrupted {
		fmt.Fprintln(stderr, "easel: interrupted")
		return code
	}
	fmt.Fprintf(stderr, "easel: %s\n", cutLine(easel.ErrorMessage(err), maxErrorLine))
	if easel.ErrorCode(err) == easel.EINTERNAL {
		a.log.Debug("internal error", "err", err)
	}
	return code
}

// exitCode maps an error's code to the process exit code.
func exitCode(err error) int {
	switch easel.ErrorCode(err) {
	case easel.EINVALID, easel.ENOTFOUND:
		return exitUsage
	case easel.ECONFIG:
		return exitConfig
	case easel.ECANCELED:
		return exitInterrupted
	default:
		return exitFailed
	}
}

// newLogger builds the operator log: off unless EASEL_LOG names a level
// (debug, info, warn, error). It never carries what the CLI prints.
func newLogger(w io.Writer, level string) *slog.Logger {
	var l slog.Level
	switch level {
	case "debug":
		l = slog.LevelDebug
	case "info":
		l = slog.LevelInfo
	case "warn":
		l = slog.LevelWarn
	case "error":
		l = slog.LevelError
	default:
		return slog.New(slog.DiscardHandler)
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: l}))
}

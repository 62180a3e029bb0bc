package main

import (
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/prompt/template"
)

// expandIdeas turns the idea into the ideas to write: the idea itself, or
// with --template, v prompts of the template's random sampler. A wildcard
// with no values is an error here: the person would otherwise get (and
// perhaps pay for) pictures of the literal "__garments__".
func expandIdeas(ctx context.Context, idea string, isTemplate bool, v int, seed int64, wildcards fs.FS, wildcardDir string) ([]string, error) {
	if !isTemplate {
		return []string{idea}, nil
	}
	var tw templateWarnings
	ideas, err := template.Expand(ctx, idea, v, template.Options{Seed: seed, Wildcards: wildcards, Log: tw.logger()})
	if err != nil {
		return nil, err
	}
	if err := tw.missingWildcards(wildcardDir); err != nil {
		return nil, err
	}
	return ideas, nil
}

// templateWarnings collects what the template package warns about (a
// wildcard with no values, a wrapper without its marker), which the person
// needs to see, unlike the operator log.
type templateWarnings struct {
	mu      sync.Mutex
	missing []string // wildcard names with no values, in order, once each
	other   []string
}

func (w *templateWarnings) logger() *slog.Logger { return slog.New(warningHandler{w}) }

// messages returns every warning as a line for stderr, naming where
// wildcards are read from.
func (w *templateWarnings) messages(wildcardDir string) []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	var out []string
	for _, name := range w.missing {
		out = append(out, fmt.Sprintf("wildcard __%s__ has no values, so it is left as written: %s", name, wildcardFix(name, wildcardDir)))
	}
	return append(out, w.other...)
}

// missingWildcards returns an EINVALID error naming the wildcards that
// had no values, or nil.
func (w *templateWarnings) missingWildcards(wildcardDir string) error {
	w.mu.Lock()
	missing := append([]string(nil), w.missing...)
	w.mu.Unlock()
	if len(missing) == 0 {
		return nil
	}
	names := make([]string, len(missing))
	for i, n := range missing {
		names[i] = "__" + n + "__"
	}
	return easel.Errorf(easel.EINVALID, "template: no values for wildcard %s: %s", strings.Join(names, ", "), wildcardFix(missing[0], wildcardDir))
}

// wildcardsDir is the directory wildcards are read from: --wildcards DIR,
// else <data dir>/wildcards (which need not exist).
func wildcardsDir(flagDir, dataDir string) string {
	if flagDir != "" {
		return flagDir
	}
	return filepath.Join(dataDir, "wildcards")
}

// wildcardFix says where a wildcard's values go.
func wildcardFix(name, dir string) string {
	if dir == "" {
		return "add a wildcards directory with --wildcards DIR"
	}
	return fmt.Sprintf("put one value a line in %s (or pass --wildcards DIR)", filepath.Join(dir, name+".txt"))
}

// warningHandler is the slog.Handler behind templateWarnings.
type warningHandler struct{ w *templateWarnings }

func (h warningHandler) Enabled(context.Context, slog.Level) bool { return true }
func (h warningHandler) WithAttrs([]slog.Attr) slog.Handler       { return h }
func (h warningHandler) WithGroup(string) slog.Handler            { return h }

func (h warningHandler) Handle(_ context.Context, r slog.Record) error {
	if r.Level < slog.LevelWarn {
		return nil
	}
	var name string
	r.Attrs(func(a slog.Attr) bool {
		if a.Key == "name" {
			name = strings.TrimSuffix(strings.TrimPrefix(a.Value.String(), "__"), "__")
		}
		return true
	})
	h.w.mu.Lock()
	defer h.w.mu.Unlock()
	if strings.Contains(r.Message, "no values for wildcard") {
		for _, m := range h.w.missing {
			if m == name {
				return nil
			}
		}
		h.w.missing = append(h.w.missing, name)
		return nil
	}
	msg := r.Message
	if name != "" {
		msg += " (" + name + ")"
	}
	for _, m := range h.w.other {
		if m == msg {
			return nil
		}
	}
	h.w.other = append(h.w.other, msg)
	return nil
}

package template

import (
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"

	"github.com/easel-art/easel"
)

// Warnings collects what Expand and Render warn about through
// Options.Log (a wildcard with no values, a wrapper without its marker),
// which the person needs to see, unlike the operator log: pass
// Logger() as Options.Log.
type Warnings struct {
	mu      sync.Mutex
	missing []string // wildcard names with no values, in order, once each
	other   []string
}

func (w *Warnings) Logger() *slog.Logger { return slog.New(warningHandler{w}) }

// Messages returns every warning as a line for stderr, naming where
// wildcards are read from.
func (w *Warnings) Messages(wildcardDir string) []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	var out []string
	for _, name := range w.missing {
		out = append(out, fmt.Sprintf("wildcard __%s__ has no values, so it is left as written: %s", name, wildcardFix(name, wildcardDir)))
	}
	return append(out, w.other...)
}

// MissingWildcards returns an EINVALID error naming the wildcards that
// had no values, or nil.
func (w *Warnings) MissingWildcards(wildcardDir string) error {
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

// WildcardsDir is the directory wildcards are read from: --wildcards DIR,
// else <data dir>/wildcards (which need not exist).
func WildcardsDir(flagDir, dataDir string) string {
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

// warningHandler is the slog.Handler behind Warnings.
type warningHandler struct{ w *Warnings }

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

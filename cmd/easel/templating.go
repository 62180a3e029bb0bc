package main

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/easel-art/easel/prompt/template"
)

// wildcardsFS returns the wildcard directory: dir when given, else
// <data dir>/wildcards when it exists; nil when there is none.
func wildcardsFS(dir, dataDir string) fs.FS {
	if dir == "" {
		dir = filepath.Join(dataDir, "wildcards")
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return nil
		}
	}
	return os.DirFS(dir)
}

// expandIdeas turns the idea into the ideas to write: the idea itself, or
// with --template, v prompts of the template's random sampler.
func expandIdeas(ctx context.Context, idea string, isTemplate bool, v int, seed int64, wildcards fs.FS) ([]string, error) {
	if !isTemplate {
		return []string{idea}, nil
	}
	return template.Expand(ctx, idea, v, template.Options{Seed: seed, Wildcards: wildcards})
}

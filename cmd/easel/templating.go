package main

import (
	"context"
	"io/fs"

	"github.com/easel-art/easel/prompt/template"
)

// expandIdeas turns the idea into the ideas to write: the idea itself, or
// with --template, v prompts of the template's random sampler.
func expandIdeas(ctx context.Context, idea string, isTemplate bool, v int, seed int64, wildcards fs.FS) ([]string, error) {
	if !isTemplate {
		return []string{idea}, nil
	}
	return template.Expand(ctx, idea, v, template.Options{Seed: seed, Wildcards: wildcards})
}

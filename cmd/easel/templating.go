package main

import (
	"context"
	"io/fs"

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
	var tw template.Warnings
	ideas, err := template.Expand(ctx, idea, v, template.Options{Seed: seed, Wildcards: wildcards, Log: tw.Logger()})
	if err != nil {
		return nil, err
	}
	if err := tw.MissingWildcards(wildcardDir); err != nil {
		return nil, err
	}
	return ideas, nil
}

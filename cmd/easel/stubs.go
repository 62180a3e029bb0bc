package main

import (
	"context"

	"github.com/easel-art/easel"
)

// Placeholders until each command's file lands.

func cmdImagine(ctx context.Context, a *app, args []string) error { return notYet("imagine") }
func cmdPrompt(ctx context.Context, a *app, args []string) error  { return notYet("prompt") }
func cmdInfo(ctx context.Context, a *app, args []string) error    { return notYet("info") }
func cmdGallery(ctx context.Context, a *app, args []string) error { return notYet("gallery") }

func notYet(name string) error {
	return easel.Errorf(easel.EINTERNAL, "%s is not built yet", name)
}

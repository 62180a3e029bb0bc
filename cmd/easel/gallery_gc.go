package main

import (
	"context"
	"fmt"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/store/postgres"
	"github.com/easel-art/easel/store/sqlite"
)

const galleryGCUsage = `Usage:
  easel gallery gc [--dry-run] [--json] [--db postgres://…] [--store s3://…]

Removes the picture files (objects) that no artwork names: what a process
killed between writing a picture and its row leaves behind. Safe while
other processes save pictures. Thumbnails are made on demand and kept in
the server's memory only, so there are none to collect.`

// galleryGC is easel gallery gc.
func galleryGC(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("gallery gc", galleryGCUsage)
	a.addTeamFlags(fs)
	var df dataFlags
	df.add(fs)
	dry := fs.Bool("dry-run", false, "only list the orphans")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return easel.Errorf(easel.EINVALID, "easel gallery gc takes no arguments")
	}
	g, err := a.openGallery(ctx, df.dataDir)
	if err != nil {
		return err
	}
	defer g.Close()
	var objects int
	var orphans []string
	switch g := g.(type) {
	case *postgres.DB:
		r, err := g.GC(ctx, *dry)
		if err != nil {
			return err
		}
		objects, orphans = r.Objects, r.Orphans
	case *sqlite.DB:
		r, err := g.GC(ctx, *dry)
		if err != nil {
			return err
		}
		objects, orphans = r.Objects, r.Orphans
	}
	verb := "removed"
	if *dry {
		verb = "would remove"
	}
	if df.json {
		return printJSON(a.stdout, map[string]any{"objects": objects, "orphans": len(orphans), "removed": !*dry, "keys": orphans})
	}
	for _, k := range orphans {
		fmt.Fprintf(a.stdout, "%s %s\n", verb, k)
	}
	fmt.Fprintf(a.stdout, "%s; %s %d without an artwork\n", plural(objects, "picture file"), verb, len(orphans))
	return nil
}

package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/config"
	"github.com/easel-art/easel/store/postgres"
	"github.com/easel-art/easel/store/sqlite"
)

const migrateUsage = `Usage:
  easel migrate --db postgres://… [--store s3://BUCKET/PREFIX?endpoint=…] [--data-dir DIR] [--json]

Copies the local gallery (the SQLite one in the data directory) into a team's: its artworks with
their ids, dates and lineage into the PostgreSQL gallery, their pictures into the image store.
Every picture's SHA-256 is checked as it is read and again once written. It can be interrupted
and run again: what was copied is checked, not copied twice. The local gallery is left as it is.`

// migrateReport is what easel migrate did.
type migrateReport struct {
	Artworks int `json:"artworks"`
	Copied   int `json:"copied"`
	// Present were in the team gallery already (their objects checked).
	Present int `json:"present"`
	// Rewritten are objects of present rows that were missing or wrong.
	Rewritten int `json:"rewritten"`
	// Bad lists local artworks whose file is missing or has another digest.
	Bad []string `json:"bad,omitempty"`
}

func cmdMigrate(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("migrate", migrateUsage)
	a.addTeamFlags(fs)
	var df dataFlags
	df.add(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return easel.Errorf(easel.EINVALID, "easel migrate takes no arguments: it copies the data directory's gallery to --db and --store")
	}
	if a.dbURL() == "" {
		return easel.Errorf(easel.EINVALID, "easel migrate needs the team's database: give --db postgres://… (or set EASEL_DB), and --store s3://… for the pictures")
	}
	dir := config.DataDir(df.dataDir, a.getenv)
	if _, err := os.Stat(filepath.Join(dir, "gallery.db")); err != nil {
		// Opening would make an empty gallery there and copy nothing.
		return easel.Errorf(easel.EINVALID, "there is no gallery in %s to migrate (no gallery.db): give --data-dir the directory your pictures were saved in", dir)
	}
	g, err := a.openGallery(ctx, df.dataDir)
	if err != nil {
		return err
	}
	defer g.Close()
	dst, ok := g.(*postgres.DB)
	if !ok {
		return easel.Errorf(easel.EINVALID, "easel migrate copies into a PostgreSQL gallery: give --db postgres://…")
	}
	src, err := sqlite.Open(ctx, dir)
	if err != nil {
		return err
	}
	defer src.Close()
	rep, err := migrateGallery(ctx, src, dst, func(done, total int) {
		if !df.json {
			fmt.Fprintf(a.stderr, "\rmigrated %d of %d artworks", done, total)
		}
	})
	if !df.json && rep.Artworks > 0 {
		fmt.Fprintln(a.stderr)
	}
	if err != nil {
		return err
	}
	if df.json {
		if err := printJSON(a.stdout, rep); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(a.stdout, "%d artworks: %d copied, %d there already (%d of their pictures written again); every picture's SHA-256 checked\n",
			rep.Artworks, rep.Copied, rep.Present, rep.Rewritten)
		for _, b := range rep.Bad {
			fmt.Fprintf(a.stdout, "not copied: %s\n", b)
		}
	}
	if len(rep.Bad) > 0 {
		return easel.Errorf(easel.EINVALID, "%d artworks were not copied: their local files are missing or damaged (easel doctor --data-dir … says more)", len(rep.Bad))
	}
	return nil
}

// migrateGallery copies src's artworks (oldest first) and pictures into
// dst, checking each picture's digest on both sides; progress is called
// now and then.
func migrateGallery(ctx context.Context, src *sqlite.DB, dst *postgres.DB, progress func(done, total int)) (migrateReport, error) {
	var rep migrateReport
	arts, err := src.List(ctx, easel.ArtworkFilter{})
	if err != nil {
		return rep, err
	}
	slices.Reverse(arts)
	rep.Artworks = len(arts)
	have, err := dst.IDs(ctx)
	if err != nil {
		return rep, err
	}
	last := time.Now()
	for i, art := range arts {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		png, err := easel.ReadImage(ctx, src.Images(), art.SHA256)
		if err == nil && digest(png) != art.SHA256 {
			err = fmt.Errorf("its file's SHA-256 is %s", digest(png))
		}
		if err != nil {
			rep.Bad = append(rep.Bad, fmt.Sprintf("%s (%s): %s", art.ID, oneLine(art.Idea, 40), easel.ErrorMessage(err)))
			continue
		}
		if have[art.ID] {
			rep.Present++
			if checkObject(ctx, dst, art.SHA256) == nil {
				continue
			}
			rep.Rewritten++
			if err := dst.Images().Delete(ctx, art.SHA256); err != nil {
				return rep, err
			}
		}
		if _, err := dst.Import(ctx, art, png); err != nil {
			return rep, err
		}
		if err := checkObject(ctx, dst, art.SHA256); err != nil {
			return rep, fmt.Errorf("artwork %s: written, but %w", art.ID, err)
		}
		if !have[art.ID] {
			rep.Copied++
		}
		if time.Since(last) > 500*time.Millisecond || i == len(arts)-1 {
			progress(i+1, len(arts))
			last = time.Now()
		}
	}
	return rep, nil
}

// checkObject reads the object of key from dst's store and checks its digest.
func checkObject(ctx context.Context, dst *postgres.DB, key string) error {
	rc, err := dst.Images().Open(ctx, key)
	if err != nil {
		return err
	}
	defer rc.Close()
	h := sha256.New()
	if _, err := io.Copy(h, rc); err != nil {
		return fmt.Errorf("reading it back failed: %w", err)
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != key {
		return fmt.Errorf("reading it back gave SHA-256 %s", got)
	}
	return nil
}

func digest(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

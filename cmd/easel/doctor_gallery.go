package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/store/sqlite"
)

// galleryHealth is the gallery's part of `easel doctor`: SQLite's
// integrity check, rows against image files, and leftover temporary
// files; with repair, what is safe to remove is removed.
type galleryHealth struct {
	Kind         string   `json:"kind"`
	DataDir      string   `json:"data_dir"`
	OK           bool     `json:"ok"`
	Artworks     int      `json:"artworks"`
	Error        string   `json:"error,omitempty"`
	Integrity    []string `json:"integrity,omitempty"`
	MissingFiles []string `json:"missing_files,omitempty"`
	StrayFiles   []string `json:"stray_files,omitempty"`
	TempFiles    []string `json:"temp_files,omitempty"`
	Repaired     []string `json:"repaired,omitempty"`
}

// checkGallery fills a galleryHealth; the error is non-nil when the
// gallery cannot be used or is damaged, and names the fix.
func (a *app) checkGallery(ctx context.Context, dir string, repair, rebuild bool) (*galleryHealth, error) {
	gh := &galleryHealth{Kind: "gallery", DataDir: dir}
	// Opening the gallery removes what killed runs left half written:
	// list it first, to report it.
	left := sqlite.Leftovers(dir)
	g, err := a.openGallery(ctx, dir)
	if err != nil {
		if rebuild && damagedDB(err) {
			return a.rebuildGallery(ctx, dir, gh)
		}
		gh.Error = easel.ErrorMessage(explain(err))
		return gh, explain(err)
	}
	closed := false
	defer func() {
		if !closed {
			g.Close()
		}
	}()
	for _, p := range left {
		if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
			gh.Repaired = append(gh.Repaired, "removed "+p+" (a temporary file a killed run left)")
		}
	}
	sg, ok := g.(*sqlite.DB)
	if !ok {
		return checkTeamGallery(ctx, g, gh)
	}
	h, err := sg.Check(ctx)
	if err != nil {
		gh.Error = easel.ErrorMessage(err)
		return gh, err
	}
	if rebuild {
		if len(h.Integrity) == 0 {
			return gh, easel.Errorf(easel.EINVALID, "the gallery database in %s passes SQLite's integrity check: nothing to rebuild (easel doctor --repair fixes the rest)", dir)
		}
		g.Close()
		closed = true
		return a.rebuildGallery(ctx, dir, gh)
	}
	if repair && h.Damaged() {
		did, err := sg.Repair(ctx, h)
		gh.Repaired = append(gh.Repaired, did...)
		if err != nil {
			gh.Error = easel.ErrorMessage(err)
			return gh, err
		}
		if len(h.StrayFiles) > 0 && len(h.Integrity) == 0 {
			n, left, err := restorePictures(ctx, sg, h.StrayFiles)
			if n > 0 {
				gh.Repaired = append(gh.Repaired, fmt.Sprintf("added back %d pictures whose records were lost, from their own metadata", n))
			}
			if len(left) > 0 {
				gh.Repaired = append(gh.Repaired, fmt.Sprintf("kept %d image files that have no metadata easel can read", len(left)))
			}
			if err != nil {
				gh.Error = easel.ErrorMessage(err)
				return gh, err
			}
		}
		if h, err = sg.Check(ctx); err != nil {
			gh.Error = easel.ErrorMessage(err)
			return gh, err
		}
	}
	gh.Artworks, gh.Integrity, gh.MissingFiles, gh.StrayFiles, gh.TempFiles = h.Artworks, h.Integrity, h.MissingFiles, h.StrayFiles, h.TempFiles
	gh.OK = !h.Damaged()
	if gh.OK {
		return gh, nil
	}
	var what []string
	if len(h.Integrity) > 0 {
		what = append(what, "its database is damaged")
	}
	if n := len(h.MissingFiles); n > 0 {
		what = append(what, fmt.Sprintf("the files of %s are missing", plural(n, "picture")))
	}
	if n := len(h.StrayFiles); n > 0 {
		what = append(what, fmt.Sprintf("%d image files are not in it", n))
	}
	if n := len(h.TempFiles); n > 0 {
		what = append(what, fmt.Sprintf("%d temporary files were left behind", n))
	}
	err = easel.Errorf(easel.EUNAVAILABLE, "the gallery in %s is damaged: %s (see above)", dir, strings.Join(what, ", "))
	gh.Error = easel.ErrorMessage(err)
	return gh, err
}

// print writes the gallery's lines of the doctor's report.
func (gh *galleryHealth) print(w io.Writer) {
	switch {
	case gh.OK:
		fmt.Fprintf(w, "gallery: %s (%s): ok\n", gh.DataDir, plural(gh.Artworks, "picture"))
	case len(gh.Integrity) == 0 && len(gh.MissingFiles)+len(gh.StrayFiles)+len(gh.TempFiles) == 0:
		fmt.Fprintf(w, "gallery: %s: %s\n", gh.DataDir, gh.Error)
	default:
		fmt.Fprintf(w, "gallery: %s (%s): DAMAGED\n", gh.DataDir, plural(gh.Artworks, "picture"))
	}
	for _, s := range gh.Repaired {
		fmt.Fprintf(w, "  repaired: %s\n", s)
	}
	if n := len(gh.Integrity); n > 0 && gh.Kind != "gallery" {
		// A team's gallery (PostgreSQL and its store) has no gallery.db:
		// its problems are rows against the store's objects.
		fmt.Fprintf(w, "  gallery: the check of its rows against the image store found %d problems, first: %s\n", n, oneLine(gh.Integrity[0], 160))
		fmt.Fprintf(w, "    fix: every machine must keep its pictures in one shared --store s3://… (or EASEL_STORE); easel reproduce ID makes a missing one again, easel gallery rm ID forgets it, easel gallery gc removes objects without a row\n")
	} else if n > 0 {
		fmt.Fprintf(w, "  database: SQLite's integrity check found %d problems, first: %s\n", n, oneLine(gh.Integrity[0], 160))
		fmt.Fprintf(w, "    fix: restore %s/gallery.db from a backup, or run easel doctor --rebuild: it moves the damaged database aside and adds every picture in images/ back from its own metadata (stop other easel processes first)\n", gh.DataDir)
	}
	if n := len(gh.MissingFiles); n > 0 {
		fmt.Fprintf(w, "  missing image files: %d, such as artwork %s\n", n, gh.MissingFiles[0])
		fmt.Fprintf(w, "    fix: easel reproduce ID makes one again from its settings; easel gallery rm ID forgets it\n")
	}
	if n := len(gh.StrayFiles); n > 0 {
		fmt.Fprintf(w, "  image files not in the gallery: %d, such as %s\n", n, gh.StrayFiles[0])
		fmt.Fprintf(w, "    fix: easel doctor --repair adds back those whose metadata says how they were made (their records were lost) and keeps the rest; easel info FILE shows one\n")
	}
	if n := len(gh.TempFiles); n > 0 {
		fmt.Fprintf(w, "  leftover temporary files: %d, such as %s\n", n, gh.TempFiles[0])
		fmt.Fprintf(w, "    fix: easel doctor --repair removes them\n")
	}
}

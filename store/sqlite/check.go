package sqlite

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// TempMaxAge is how old a temporary file must be to count as left behind
// by a writer that died: atomic writes take milliseconds, and the age
// (not a process id) works for a data directory shared between hosts.
const TempMaxAge = time.Minute

// Health is what Check finds in a gallery.
type Health struct {
	// Integrity lists what SQLite's integrity check (and the full-text
	// index's) report; empty when the database is sound.
	Integrity []string
	// Artworks counts the rows.
	Artworks int
	// MissingFiles lists the ids of artworks whose image file is gone.
	MissingFiles []string
	// StrayFiles lists image files no artwork refers to.
	StrayFiles []string
	// TempFiles lists temporary files older than TempMaxAge: writes that
	// a killed process left half done.
	TempFiles []string
}

// Damaged reports whether anything is wrong.
func (h *Health) Damaged() bool {
	return len(h.Integrity) > 0 || len(h.MissingFiles) > 0 || len(h.StrayFiles) > 0 || len(h.TempFiles) > 0
}

// maxReported bounds each list, so a ruined gallery gives a readable report.
const maxReported = 1000

// Check runs SQLite's integrity check on the database and compares its
// rows with the image files. It reads everything, so it takes a while on
// a large gallery; it changes nothing.
func (d *DB) Check(ctx context.Context) (*Health, error) {
	h := &Health{}
	for _, q := range []string{`PRAGMA integrity_check(100)`} {
		rows, err := d.db.QueryContext(ctx, q)
		if err != nil {
			h.Integrity = append(h.Integrity, err.Error())
			continue
		}
		for rows.Next() {
			var s string
			if rows.Scan(&s) == nil && s != "ok" {
				h.Integrity = append(h.Integrity, s)
			}
		}
		if err := rows.Err(); err != nil {
			h.Integrity = append(h.Integrity, err.Error())
		}
		rows.Close()
	}
	if _, err := d.db.ExecContext(ctx, `INSERT INTO artworks_fts (artworks_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
		h.Integrity = append(h.Integrity, "full-text index: "+err.Error())
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	keys := map[string]bool{}
	rows, err := d.db.QueryContext(ctx, `SELECT id, sha256 FROM artworks`)
	if err != nil {
		h.Integrity = append(h.Integrity, "artworks: "+err.Error())
	} else {
		for rows.Next() {
			var id, sum string
			if err := rows.Scan(&id, &sum); err != nil {
				h.Integrity = append(h.Integrity, "artworks: "+err.Error())
				break
			}
			h.Artworks++
			keys[sum] = true
			if st, err := os.Stat(d.images.Path(sum)); (err != nil || !st.Mode().IsRegular()) && len(h.MissingFiles) < maxReported {
				h.MissingFiles = append(h.MissingFiles, id)
			}
		}
		if err := rows.Err(); err != nil {
			h.Integrity = append(h.Integrity, "artworks: "+err.Error())
		}
		rows.Close()
	}
	// Stray files only mean something when the rows could all be read.
	if len(h.Integrity) == 0 {
		err := d.images.Each(ctx, func(key string) error {
			if !keys[key] && len(h.StrayFiles) < maxReported {
				h.StrayFiles = append(h.StrayFiles, d.images.Path(key))
			}
			return nil
		})
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("check image files: %w", err)
		}
	}
	h.TempFiles = leftovers(d.dir, d.Now(), TempMaxAge, true)
	return h, ctx.Err()
}

// Repair removes what is safe to remove: the temporary files of dead
// writers, and the full-text index is rebuilt from the rows when only it
// is damaged. It keeps everything that may be someone's only copy: stray
// image files (their rows may be what was lost), rows whose file is
// missing (their prompt and seed can make the picture again) and a
// damaged database, which it cannot mend in place. It returns what it did,
// one line each.
func (d *DB) Repair(ctx context.Context, h *Health) ([]string, error) {
	var did []string
	for _, p := range h.TempFiles {
		if err := os.Remove(p); err == nil {
			did = append(did, "removed "+p)
		} else if !errors.Is(err, os.ErrNotExist) {
			return did, fmt.Errorf("repair: %w", err)
		}
	}
	onlyFTS := len(h.Integrity) > 0
	for _, s := range h.Integrity {
		if !strings.HasPrefix(s, "full-text index:") {
			onlyFTS = false
		}
	}
	if onlyFTS {
		if _, err := d.db.ExecContext(ctx, `INSERT INTO artworks_fts (artworks_fts) VALUES ('rebuild')`); err != nil {
			return did, fmt.Errorf("repair: rebuild the search index: %w", err)
		}
		did = append(did, "rebuilt the search index")
	}
	return did, nil
}

// tempPrefixes start the names of files that atomic writers and probes
// create and rename or remove at once; styles.csv's writer ends its
// temporary names in .tmp instead.
var tempPrefixes = []string{".tmp-", ".probe-"}

func isTemp(name string) bool {
	for _, p := range tempPrefixes {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return strings.HasSuffix(name, ".tmp")
}

// leftovers lists the temporary files older than age in the data
// directory, its staging directory and images/.tmp, where writers make
// them; with all, in each images/xx directory too, where writers before
// images/.tmp made them (that reads every directory of a large gallery).
func leftovers(dir string, now time.Time, age time.Duration, all bool) []string {
	dirs := []string{dir, filepath.Join(dir, "staging"), filepath.Join(dir, "images"), filepath.Join(dir, "images", ".tmp")}
	if all {
		subs, _ := filepath.Glob(filepath.Join(dir, "images", "??"))
		dirs = append(dirs, subs...)
	}
	var out []string
	for _, sub := range dirs {
		ents, err := os.ReadDir(sub)
		if err != nil {
			continue
		}
		for _, e := range ents {
			if !e.Type().IsRegular() || !isTemp(e.Name()) {
				continue
			}
			if info, err := e.Info(); err == nil && now.Sub(info.ModTime()) > age {
				out = append(out, filepath.Join(sub, e.Name()))
			}
		}
	}
	return out
}

// Leftovers lists the temporary files in the gallery in dir that writers
// which died left behind (older than TempMaxAge); Open removes them.
func Leftovers(dir string) []string { return leftovers(dir, time.Now(), TempMaxAge, false) }

// sweepTemp removes the temporary files dead writers left, at Open: a
// process killed in the middle of a write (kill -9 during imagine) leaves
// images/xx/.tmp-* that nothing else would remove.
func sweepTemp(dir string, now time.Time) {
	for _, p := range leftovers(dir, now, TempMaxAge, false) {
		os.Remove(p)
	}
}

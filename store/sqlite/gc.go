package sqlite

import (
	"context"
	"fmt"
	"os"
	"time"
)

// GCReport says what GC found and removed.
type GCReport struct {
	// Objects is how many image files the gallery holds (before removal).
	Objects int
	// Orphans are the files no artwork names (removed unless a dry run).
	Orphans []string
}

// gcGrace is how old an orphan file must be before GC removes it: a file
// younger than that may be one whose row another process is about to
// write (Add and SaveJob write the file first).
const gcGrace = 10 * time.Minute

// GC removes the image files no artwork row names and older than a few
// minutes: what a process killed between a file's write and its row
// leaves behind. With dryRun it only reports.
func (d *DB) GC(ctx context.Context, dryRun bool) (GCReport, error) {
	var r GCReport
	known := map[string]bool{}
	rows, err := d.db.QueryContext(ctx, `SELECT DISTINCT sha256 FROM artworks`)
	if err != nil {
		return r, fmt.Errorf("gc: %w", err)
	}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			rows.Close()
			return r, fmt.Errorf("gc: %w", err)
		}
		known[s] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return r, fmt.Errorf("gc: %w", err)
	}
	now := d.Now()
	err = d.images.Each(ctx, func(key string) error {
		r.Objects++
		if known[key] {
			return nil
		}
		st, err := os.Stat(d.images.Path(key))
		if err != nil || now.Sub(st.ModTime()) < gcGrace {
			return nil
		}
		r.Orphans = append(r.Orphans, key)
		if dryRun {
			return nil
		}
		return d.images.Delete(ctx, key)
	})
	if err != nil {
		return r, fmt.Errorf("gc: %w", err)
	}
	return r, nil
}

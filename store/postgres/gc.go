package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5/pgxpool"
)

// GCReport says what GC found and removed.
type GCReport struct {
	// Objects is how many image objects the store holds (before removal).
	Objects int
	// Orphans are the objects no artwork names (removed unless a dry run).
	Orphans []string
}

// GC removes the image objects no artwork row names: what a process
// killed between an object's write and its row leaves behind. It is safe
// while other processes save pictures: each orphan is checked again, and
// removed, under the object lock Add and SaveJob hold from the object's
// write to its row's commit, so an object whose row is on its way is
// kept. With dryRun it only reports. The store must list its objects.
func (d *DB) GC(ctx context.Context, dryRun bool) (GCReport, error) {
	var r GCReport
	l, ok := d.images.(Lister)
	if !ok {
		return r, fmt.Errorf("gc: the image store cannot list its objects")
	}
	var candidates []string
	err := l.Each(ctx, func(sum string) error {
		r.Objects++
		candidates = append(candidates, sum)
		return nil
	})
	if err != nil {
		return r, fmt.Errorf("gc: %w", err)
	}
	known := map[string]bool{}
	rows, err := d.pool.Query(ctx, `SELECT DISTINCT sha256 FROM easel_artworks`)
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
	for _, sum := range candidates {
		if known[sum] {
			continue
		}
		err := d.withObjectLocks(ctx, []string{sum}, func(conn *pgxpool.Conn) error {
			var n int
			if err := conn.QueryRow(ctx, `SELECT count(*) FROM easel_artworks WHERE sha256 = $1`, sum).Scan(&n); err != nil || n > 0 {
				return err
			}
			r.Orphans = append(r.Orphans, sum)
			if dryRun {
				return nil
			}
			return d.images.Delete(ctx, sum)
		})
		if err != nil {
			return r, fmt.Errorf("gc: %w", err)
		}
	}
	return r, nil
}

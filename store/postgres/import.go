package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/store/localdir"
)

// Import stores an artwork brought from another gallery as it is: its ID,
// CreatedAt and lineage kept (so a child's ParentID still names its
// parent). The object is written first; png must be the bytes a.SHA256
// names. It reports false, changing nothing, when the gallery has an
// artwork with that ID already, so an interrupted import can run again.
func (d *DB) Import(ctx context.Context, a *easel.Artwork, png []byte) (bool, error) {
	if got := localdir.Key(png); got != a.SHA256 {
		return false, easel.Errorf(easel.EINVALID, "artwork %s: its file's SHA-256 is %s, not the %s its row says", a.ID, got, a.SHA256)
	}
	if a.ID == "" {
		return false, easel.Errorf(easel.EINVALID, "artwork without an id")
	}
	a.CreatedAt = a.CreatedAt.UTC().Truncate(time.Microsecond)
	a.Path = d.images.Path(a.SHA256)
	args, err := insertArgs(a)
	if err != nil {
		return false, fmt.Errorf("import artwork: %w", err)
	}
	inserted := false
	err = d.withObjectLocks(ctx, []string{a.SHA256}, func(conn *pgxpool.Conn) error {
		if _, err := d.images.Put(ctx, a.SHA256, png); err != nil {
			return fmt.Errorf("save image: %w", err)
		}
		tag, err := conn.Exec(ctx, insertArtwork+` ON CONFLICT (id) DO NOTHING`, args...)
		if err != nil {
			return fmt.Errorf("import artwork: %w", err)
		}
		inserted = tag.RowsAffected() == 1
		return nil
	})
	return inserted, err
}

// IDs returns the ID of every artwork in the gallery.
func (d *DB) IDs(ctx context.Context) (map[string]bool, error) {
	rows, err := d.pool.Query(ctx, `SELECT id FROM easel_artworks`)
	if err != nil {
		return nil, fmt.Errorf("query gallery: %w", err)
	}
	defer rows.Close()
	ids := map[string]bool{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("query gallery: %w", err)
		}
		ids[id] = true
	}
	return ids, rows.Err()
}

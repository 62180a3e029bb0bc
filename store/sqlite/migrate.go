package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"time"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// migrate applies, in lexical order, each embedded migration that the
// database has not recorded yet, all in one transaction begun as a write
// (BEGIN IMMEDIATE). Taking the write lock before anything is read matters
// in WAL mode: a read that is later upgraded to a write fails at once with
// SQLITE_BUSY (busy_timeout does not apply) when another process wrote in
// between, which is what eight processes opening a new gallery at once do.
// Errors that busy_timeout does not cover (a new file turning to WAL under
// another process) are retried a few times.
func migrate(ctx context.Context, db *sql.DB) error {
	var err error
	for attempt := range 8 {
		if err = migrateOnce(ctx, db); err == nil || !isBusy(err) {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Duration(20*(attempt+1)) * time.Millisecond):
		}
	}
	return err
}

// isBusy reports whether err is SQLite's SQLITE_BUSY or SQLITE_LOCKED.
func isBusy(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "SQLITE_BUSY") || strings.Contains(msg, "SQLITE_LOCKED")
}

func migrateOnce(ctx context.Context, db *sql.DB) (err error) {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `BEGIN IMMEDIATE`); err != nil {
		return fmt.Errorf("begin migrations: %w", err)
	}
	defer func() {
		if err != nil {
			conn.ExecContext(context.WithoutCancel(ctx), `ROLLBACK`)
		}
	}()
	if _, err := conn.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)`); err != nil {
		return fmt.Errorf("create migrations table: %w", err)
	}
	for _, name := range names {
		var n int
		if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM migrations WHERE name = ?`, name).Scan(&n); err != nil {
			return fmt.Errorf("migration %s: %w", name, err)
		}
		if n > 0 {
			continue
		}
		body, err := migrationFS.ReadFile(name)
		if err != nil {
			return err
		}
		if _, err := conn.ExecContext(ctx, string(body)); err != nil {
			return fmt.Errorf("migration %s: %w", name, err)
		}
		if _, err := conn.ExecContext(ctx, `INSERT INTO migrations (name) VALUES (?)`, name); err != nil {
			return fmt.Errorf("migration %s: %w", name, err)
		}
	}
	_, err = conn.ExecContext(ctx, `COMMIT`)
	return err
}

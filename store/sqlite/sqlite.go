// Package sqlite is the gallery on SQLite (modernc.org/sqlite, pure Go, no
// cgo): artworks in a WAL-mode database with full-text search, PNG files
// content-addressed under images/ab/<sha256>.png beside it.
package sqlite

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/store/localdir"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// DB is the gallery. It is safe for concurrent use.
type DB struct {
	db     *sql.DB
	dir    string
	images *localdir.Store
	// Now is the clock; tests replace it.
	Now func() time.Time
}

// Open opens (creating if needed) the gallery in dir: dir/gallery.db and
// dir/images/. An unusable directory is an EINVALID error that names it.
func Open(ctx context.Context, dir string) (*DB, error) {
	if err := os.MkdirAll(filepath.Join(dir, "images"), 0o755); err != nil {
		return nil, unusableDir(dir, err)
	}
	// MkdirAll succeeds on an existing read-only directory: probe it.
	probe, err := os.CreateTemp(dir, ".probe-*")
	if err != nil {
		return nil, unusableDir(dir, err)
	}
	probe.Close()
	os.Remove(probe.Name())

	dsn := "file:" + filepath.Join(dir, "gallery.db") +
		"?_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(ON)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open gallery: %w", err)
	}
	if err := migrate(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("open gallery: %w", err)
	}
	sweepTemp(dir, time.Now())
	return &DB{db: db, dir: dir, images: localdir.New(filepath.Join(dir, "images")), Now: time.Now}, nil
}

func unusableDir(dir string, err error) error {
	return &easel.Error{
		Code:    easel.EINVALID,
		Message: fmt.Sprintf("cannot use data directory %s (%v): pass a writable one with --data-dir or set EASEL_HOME", dir, errors.Unwrap(err)),
		Err:     err,
	}
}

// Close closes the database.
func (d *DB) Close() error { return d.db.Close() }

// Dir returns the gallery's directory.
func (d *DB) Dir() string { return d.dir }

// Images returns the store of the pictures' files, dir/images.
func (d *DB) Images() easel.ImageStore { return d.images }

const columns = `id, sha256, path, idea, template, prompt, negative_prompt, dialect, style, writer,
	engine, model, seed, width, height, steps, cfg_scale, sampler, revised_prompt, engine_info,
	scene, parent_id, method, cost_usd, elapsed_ms, created_at, instruction`

// Add stores png and a together; see easel.Gallery.
func (d *DB) Add(ctx context.Context, a *easel.Artwork, png []byte) error {
	hexsum := localdir.Key(png)
	created, err := d.images.Put(ctx, hexsum, png)
	if err != nil {
		return err
	}
	a.ID = newID()
	a.SHA256 = hexsum
	a.Path = d.images.Path(hexsum)
	rel, _ := filepath.Rel(d.dir, a.Path)
	a.CreatedAt = d.Now().UTC()
	var scene string
	if a.Scene != nil {
		b, err := json.Marshal(a.Scene)
		if err != nil {
			return fmt.Errorf("save artwork: %w", err)
		}
		scene = string(b)
	}
	_, err = d.db.ExecContext(ctx, `INSERT INTO artworks (`+columns+`) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		a.ID, a.SHA256, rel, a.Idea, a.Template, a.Prompt, a.NegativePrompt, string(a.Dialect), a.Style, a.Writer,
		a.Engine, a.Model, a.Seed, a.Width, a.Height, a.Steps, a.CFGScale, a.Sampler, a.RevisedPrompt, a.EngineInfo,
		scene, a.ParentID, a.Method, a.CostUSD, a.ElapsedMS, a.CreatedAt.Format(time.RFC3339Nano), a.Instruction)
	if err != nil {
		if created {
			// Leave nothing half-done: the file we just wrote has no record.
			d.images.Delete(context.WithoutCancel(ctx), hexsum)
		}
		return fmt.Errorf("save artwork: %w", err)
	}
	return nil
}

// newID returns a 16-character random hex identifier.
func newID() string {
	var b [8]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// Get returns the artwork with id or a unique id prefix.
func (d *DB) Get(ctx context.Context, id string) (*easel.Artwork, error) {
	id = strings.ToLower(strings.TrimSpace(id))
	if id == "" || strings.Trim(id, "0123456789abcdef") != "" {
		return nil, easel.Errorf(easel.ENOTFOUND, "no artwork %q: ids are hex, see easel gallery list", id)
	}
	rows, err := d.query(ctx, `SELECT `+columns+` FROM artworks WHERE id >= ? AND id < ? ORDER BY id LIMIT 2`, id, id+"g")
	if err != nil {
		return nil, err
	}
	switch len(rows) {
	case 0:
		return nil, easel.Errorf(easel.ENOTFOUND, "no artwork %q in the gallery: see easel gallery list", id)
	case 1:
		return rows[0], nil
	default:
		return nil, easel.Errorf(easel.EINVALID, "id %q matches several artworks: type more of it", id)
	}
}

// List returns artworks, newest first.
func (d *DB) List(ctx context.Context, f easel.ArtworkFilter) ([]*easel.Artwork, error) {
	q := `SELECT ` + columns + ` FROM artworks WHERE 1 = 1`
	var args []any
	if f.ParentID != "" {
		q += ` AND parent_id = ?`
		args = append(args, f.ParentID)
	}
	if f.SHA256 != "" {
		q += ` AND sha256 = ?`
		args = append(args, strings.ToLower(f.SHA256))
	}
	q += ` ORDER BY created_at DESC, rowid DESC` + limitClause(f)
	return d.query(ctx, q, args...)
}

// Search returns artworks whose idea, template or prompt match every word
// of query (prefixes too), best match first.
func (d *DB) Search(ctx context.Context, query string, f easel.ArtworkFilter) ([]*easel.Artwork, error) {
	match := ftsQuery(query)
	if match == "" {
		return nil, easel.Errorf(easel.EINVALID, "search for what? give one or more words, for example easel gallery search castle")
	}
	q := `SELECT ` + prefixed("a.", columns) + ` FROM artworks_fts JOIN artworks a ON a.rowid = artworks_fts.rowid WHERE artworks_fts MATCH ?`
	args := []any{match}
	if f.ParentID != "" {
		q += ` AND a.parent_id = ?`
		args = append(args, f.ParentID)
	}
	if f.SHA256 != "" {
		q += ` AND a.sha256 = ?`
		args = append(args, strings.ToLower(f.SHA256))
	}
	q += ` ORDER BY bm25(artworks_fts), a.created_at DESC` + limitClause(f)
	return d.query(ctx, q, args...)
}

// ftsQuery turns free text into an FTS5 query: each word quoted (so
// punctuation cannot be FTS syntax) and matched as a prefix.
func ftsQuery(s string) string {
	words := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
	for i, w := range words {
		words[i] = `"` + w + `"*`
	}
	return strings.Join(words, " ")
}

func prefixed(p, cols string) string {
	parts := strings.Split(cols, ",")
	for i, c := range parts {
		parts[i] = p + strings.TrimSpace(c)
	}
	return strings.Join(parts, ", ")
}

func limitClause(f easel.ArtworkFilter) string {
	if f.Limit <= 0 && f.Offset <= 0 {
		return ""
	}
	limit := f.Limit
	if limit <= 0 {
		limit = -1
	}
	return fmt.Sprintf(" LIMIT %d OFFSET %d", limit, max(f.Offset, 0))
}

// Delete removes the artwork and, when no other artwork shares it, its file.
func (d *DB) Delete(ctx context.Context, id string) error {
	a, err := d.Get(ctx, id)
	if err != nil {
		return err
	}
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("delete artwork: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM artworks WHERE id = ?`, a.ID); err != nil {
		return fmt.Errorf("delete artwork: %w", err)
	}
	var others int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM artworks WHERE sha256 = ?`, a.SHA256).Scan(&others); err != nil {
		return fmt.Errorf("delete artwork: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("delete artwork: %w", err)
	}
	if others == 0 {
		if err := d.images.Delete(ctx, a.SHA256); err != nil {
			return err
		}
	}
	return nil
}

func (d *DB) query(ctx context.Context, q string, args ...any) ([]*easel.Artwork, error) {
	rows, err := d.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("query gallery: %w", err)
	}
	defer rows.Close()
	var out []*easel.Artwork
	for rows.Next() {
		var a easel.Artwork
		var dialect, scene, rel, created string
		if err := rows.Scan(&a.ID, &a.SHA256, &rel, &a.Idea, &a.Template, &a.Prompt, &a.NegativePrompt, &dialect, &a.Style, &a.Writer,
			&a.Engine, &a.Model, &a.Seed, &a.Width, &a.Height, &a.Steps, &a.CFGScale, &a.Sampler, &a.RevisedPrompt, &a.EngineInfo,
			&scene, &a.ParentID, &a.Method, &a.CostUSD, &a.ElapsedMS, &created, &a.Instruction); err != nil {
			return nil, fmt.Errorf("query gallery: %w", err)
		}
		a.Dialect = easel.Dialect(dialect)
		a.Path = filepath.Join(d.dir, rel)
		a.CreatedAt, _ = time.Parse(time.RFC3339Nano, created)
		if scene != "" {
			a.Scene = new(easel.Scene)
			if err := json.Unmarshal([]byte(scene), a.Scene); err != nil {
				a.Scene = nil
			}
		}
		out = append(out, &a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("query gallery: %w", err)
	}
	return out, nil
}

// Interface guard.
var _ easel.Gallery = (*DB)(nil)

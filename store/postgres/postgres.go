// Package postgres is the gallery on PostgreSQL (pgx), for a team: several
// workers and servers on one database. Artworks are rows with a generated
// tsvector for full-text search; the PNG files are objects in an image
// store named by their SHA-256, written before their row, so a crash
// leaves at most an object without a row (which gc removes), never a row
// without its object. Migrations are embedded and applied under an
// advisory lock.
package postgres

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/easel-art/easel"
)

// DB is the gallery. It is safe for concurrent use, also by several
// processes on one database.
type DB struct {
	pool   *pgxpool.Pool
	images Images
	// Now is the clock; tests replace it.
	Now func() time.Time
}

// IsURL reports whether s names a PostgreSQL database (postgres:// or
// postgresql://), as --db and EASEL_DB take it.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// Open connects to the database at url, applies the migrations it lacks
// and keeps PNG files in images.
func Open(ctx context.Context, url string, images Images) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, easel.Errorf(easel.EINVALID, "invalid --db URL: %v", redact(err))
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err == nil {
		err = pool.Ping(ctx)
	}
	if err != nil {
		if pool != nil {
			pool.Close()
		}
		return nil, &easel.Error{Code: easel.EUNAVAILABLE, Err: err,
			Message: fmt.Sprintf("cannot reach the PostgreSQL gallery database (%v): check --db or EASEL_DB and that the server runs", redact(errors.Unwrap(err)))}
	}
	if err := migrate(ctx, pool); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open gallery: %w", err)
	}
	return &DB{pool: pool, images: images, Now: time.Now}, nil
}

// redact keeps a connection error's message from carrying a password.
func redact(err error) string {
	if err == nil {
		return "no answer"
	}
	s, _, _ := strings.Cut(err.Error(), "\n") // pgconn repeats itself on a second line
	if i := strings.Index(s, "://"); i >= 0 {
		if j := strings.IndexByte(s[i:], '@'); j >= 0 {
			s = s[:i+3] + "…" + s[i+j:]
		}
	}
	return s
}

// Close closes the connections.
func (d *DB) Close() error { d.pool.Close(); return nil }

// Pool is the connection pool, for the queue and tests that share the database.
func (d *DB) Pool() *pgxpool.Pool { return d.pool }

// Images is the image store the gallery writes to.
func (d *DB) Images() easel.ImageStore { return d.images }

const columns = `id, sha256, idea, template, prompt, negative_prompt, dialect, style, writer,
	engine, model, seed, width, height, steps, cfg_scale, sampler, revised_prompt, engine_info,
	scene, parent_id, method, cost_usd, elapsed_ms, created_at, instruction`

const insertArtwork = `INSERT INTO easel_artworks (` + columns + `) VALUES
	($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$26)`

func insertArgs(a *easel.Artwork) ([]any, error) {
	var scene string
	if a.Scene != nil {
		b, err := json.Marshal(a.Scene)
		if err != nil {
			return nil, err
		}
		scene = string(b)
	}
	return []any{a.ID, a.SHA256, a.Idea, a.Template, a.Prompt, a.NegativePrompt, string(a.Dialect), a.Style, a.Writer,
		a.Engine, a.Model, a.Seed, a.Width, a.Height, a.Steps, a.CFGScale, a.Sampler, a.RevisedPrompt, a.EngineInfo,
		scene, a.ParentID, a.Method, a.CostUSD, a.ElapsedMS, a.CreatedAt, a.Instruction}, nil
}

// Add stores png (the object first) and then a's row; see easel.Gallery.
func (d *DB) Add(ctx context.Context, a *easel.Artwork, png []byte) error {
	sum := sha256.Sum256(png)
	hexsum := hex.EncodeToString(sum[:])
	a.ID = newID()
	a.SHA256 = hexsum
	a.Path = d.images.Path(hexsum)
	// PostgreSQL keeps microseconds: what Add returns is what Get reads.
	a.CreatedAt = d.Now().UTC().Truncate(time.Microsecond)
	args, err := insertArgs(a)
	if err != nil {
		return fmt.Errorf("save artwork: %w", err)
	}
	return d.withObjectLocks(ctx, []string{hexsum}, func(conn *pgxpool.Conn) error {
		created, err := d.images.Put(ctx, hexsum, png)
		if err != nil {
			return fmt.Errorf("save image: %w", err)
		}
		if _, err := conn.Exec(ctx, insertArtwork, args...); err != nil {
			if created {
				// Leave nothing half-done: the object we just wrote has no row.
				d.images.Delete(context.WithoutCancel(ctx), hexsum)
			}
			return fmt.Errorf("save artwork: %w", err)
		}
		return nil
	})
}

// withObjectLocks runs fn holding a session advisory lock on each object
// digest, so that an artwork added while another sharing its object is
// deleted cannot lose the object between its write and its row.
func (d *DB) withObjectLocks(ctx context.Context, sums []string, fn func(conn *pgxpool.Conn) error) error {
	conn, err := d.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("query gallery: %w", err)
	}
	defer conn.Release()
	sums = slices.Clone(sums)
	slices.Sort(sums) // one order, so two savers cannot deadlock
	sums = slices.Compact(sums)
	var held []string
	defer func() {
		for _, s := range held {
			conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock(hashtextextended($1, 0))`, "easel-object:"+s)
		}
	}()
	for _, s := range sums {
		if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock(hashtextextended($1, 0))`, "easel-object:"+s); err != nil {
			return fmt.Errorf("query gallery: %w", err)
		}
		held = append(held, s)
	}
	return fn(conn)
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
	rows, err := d.query(ctx, `SELECT `+columns+` FROM easel_artworks WHERE id >= $1 AND id < $2 ORDER BY id LIMIT 2`, id, id+"g")
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
	q, args := `SELECT `+columns+` FROM easel_artworks WHERE true`, []any{}
	q, args = filters(q, args, f)
	q += ` ORDER BY created_at DESC, seq DESC` + limitClause(f)
	return d.query(ctx, q, args...)
}

func filters(q string, args []any, f easel.ArtworkFilter) (string, []any) {
	if f.ParentID != "" {
		args = append(args, f.ParentID)
		q += fmt.Sprintf(` AND parent_id = $%d`, len(args))
	}
	if f.SHA256 != "" {
		args = append(args, strings.ToLower(f.SHA256))
		q += fmt.Sprintf(` AND sha256 = $%d`, len(args))
	}
	return q, args
}

// tsQuery is the search query: PostgreSQL's web-search syntax (words,
// "quoted phrases", or, -word), each word then matched as a prefix of a
// stemmed word, as the SQLite gallery matches them, so "cast" finds a
// castle on both.
const tsQuery = `(SELECT regexp_replace(websearch_to_tsquery('english', $1)::text, '''((?:[^'']|'''')+)''', '''\1'':*', 'g')::tsquery AS q) AS s`

// Search returns artworks whose idea, template or prompt match query, best
// match first. The syntax is websearch_to_tsquery's; see the README for
// where it differs from the SQLite gallery's.
func (d *DB) Search(ctx context.Context, query string, f easel.ArtworkFilter) ([]*easel.Artwork, error) {
	if strings.IndexFunc(query, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) < 0 {
		return nil, easel.Errorf(easel.EINVALID, "search for what? give one or more words, for example easel gallery search castle")
	}
	q := `SELECT ` + columns + ` FROM easel_artworks, ` + tsQuery + ` WHERE search @@ s.q`
	q, args := filters(q, []any{query}, f)
	q += ` ORDER BY ts_rank(search, s.q) DESC, created_at DESC, seq DESC` + limitClause(f)
	return d.query(ctx, q, args...)
}

func limitClause(f easel.ArtworkFilter) string {
	s := ""
	if f.Limit > 0 {
		s += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	if f.Offset > 0 {
		s += fmt.Sprintf(" OFFSET %d", f.Offset)
	}
	return s
}

// Delete removes the artwork and, when no other artwork shares it, its object.
func (d *DB) Delete(ctx context.Context, id string) error {
	a, err := d.Get(ctx, id)
	if err != nil {
		return err
	}
	return d.withObjectLocks(ctx, []string{a.SHA256}, func(conn *pgxpool.Conn) error {
		tag, err := conn.Exec(ctx, `DELETE FROM easel_artworks WHERE id = $1`, a.ID)
		if err != nil {
			return fmt.Errorf("delete artwork: %w", err)
		}
		if tag.RowsAffected() == 0 {
			return easel.Errorf(easel.ENOTFOUND, "no artwork %q in the gallery: see easel gallery list", id)
		}
		var others int
		if err := conn.QueryRow(ctx, `SELECT count(*) FROM easel_artworks WHERE sha256 = $1`, a.SHA256).Scan(&others); err != nil {
			return fmt.Errorf("delete artwork: %w", err)
		}
		if others == 0 {
			if err := d.images.Delete(ctx, a.SHA256); err != nil {
				return fmt.Errorf("delete image: %w", err)
			}
		}
		return nil
	})
}

// querier is a pool, a connection or a transaction.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}

func (d *DB) query(ctx context.Context, q string, args ...any) ([]*easel.Artwork, error) {
	return d.queryOn(ctx, d.pool, q, args...)
}

func (d *DB) queryOn(ctx context.Context, on querier, q string, args ...any) ([]*easel.Artwork, error) {
	rows, err := on.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("query gallery: %w", err)
	}
	defer rows.Close()
	var out []*easel.Artwork
	for rows.Next() {
		var a easel.Artwork
		var dialect, scene string
		if err := rows.Scan(&a.ID, &a.SHA256, &a.Idea, &a.Template, &a.Prompt, &a.NegativePrompt, &dialect, &a.Style, &a.Writer,
			&a.Engine, &a.Model, &a.Seed, &a.Width, &a.Height, &a.Steps, &a.CFGScale, &a.Sampler, &a.RevisedPrompt, &a.EngineInfo,
			&scene, &a.ParentID, &a.Method, &a.CostUSD, &a.ElapsedMS, &a.CreatedAt, &a.Instruction); err != nil {
			return nil, fmt.Errorf("query gallery: %w", err)
		}
		a.Dialect = easel.Dialect(dialect)
		a.Path = d.images.Path(a.SHA256)
		a.CreatedAt = a.CreatedAt.UTC()
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

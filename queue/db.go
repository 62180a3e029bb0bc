package queue

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/easel-art/easel"
)

type pgxTx = pgx.Tx

// The queue keeps two tables of its own beside River's, in the same
// database, so that several workers share them: the batches (with their
// budget) and what each job reserved or spent; and one index on River's.
const schema = `
CREATE TABLE IF NOT EXISTS easel_batch (
	id         TEXT PRIMARY KEY,
	name       TEXT NOT NULL DEFAULT '',
	max_usd    DOUBLE PRECISION,
	jobs       INTEGER NOT NULL DEFAULT 0,
	created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS easel_spend (
	job_key TEXT PRIMARY KEY,
	batch   TEXT NOT NULL,
	usd     DOUBLE PRECISION NOT NULL,
	-- 0 while reserved (the call may still be billed), 1 once spent.
	settled INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS easel_spend_batch ON easel_spend (batch);
-- River indexes unique_key only among live states, but Stats and Failures look
-- a failed job's key up among all of them (see notSuperseded).
CREATE INDEX IF NOT EXISTS easel_river_job_unique_key ON river_job (unique_key);
`

// row scans one result row.
type row interface{ Scan(dest ...any) error }

// sqlDB is the little the queue needs of its database, on SQLite
// (database/sql) or PostgreSQL (pgx). Queries are written with ? and
// rebound for PostgreSQL.
type sqlDB interface {
	exec(ctx context.Context, q string, args ...any) error
	each(ctx context.Context, q string, args []any, fn func(r row) error) error
	inTx(ctx context.Context, fn func(db sqlDB) error) error
	// argsBatch and lastError are the dialect's expressions for the batch
	// id in a job's args and the message of its last error.
	argsBatch() string
	lastError() string
	forUpdate() string
}

type sqliteDB struct {
	db *sql.DB
	tx *sql.Tx
}

type sqlConn interface {
	ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
}

func (d *sqliteDB) conn() sqlConn {
	if d.tx != nil {
		return d.tx
	}
	return d.db
}

func (d *sqliteDB) exec(ctx context.Context, q string, args ...any) error {
	_, err := d.conn().ExecContext(ctx, q, args...)
	return err
}

func (d *sqliteDB) each(ctx context.Context, q string, args []any, fn func(r row) error) error {
	rows, err := d.conn().QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

func (d *sqliteDB) inTx(ctx context.Context, fn func(db sqlDB) error) error {
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(&sqliteDB{db: d.db, tx: tx}); err != nil {
		return err
	}
	return tx.Commit()
}

func (d *sqliteDB) argsBatch() string { return `json_extract(args, '$.batch')` }
func (d *sqliteDB) lastError() string { return `coalesce(json_extract(errors, '$[#-1].error'), '')` }
func (d *sqliteDB) forUpdate() string { return "" }

type pgDB struct {
	pool *pgxpool.Pool
	tx   pgx.Tx
}

func (d *pgDB) exec(ctx context.Context, q string, args ...any) error {
	var err error
	if d.tx != nil {
		_, err = d.tx.Exec(ctx, rebind(q), args...)
	} else {
		_, err = d.pool.Exec(ctx, rebind(q), args...)
	}
	return err
}

func (d *pgDB) each(ctx context.Context, q string, args []any, fn func(r row) error) error {
	var rows pgx.Rows
	var err error
	if d.tx != nil {
		rows, err = d.tx.Query(ctx, rebind(q), args...)
	} else {
		rows, err = d.pool.Query(ctx, rebind(q), args...)
	}
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

func (d *pgDB) inTx(ctx context.Context, fn func(db sqlDB) error) error {
	return pgx.BeginFunc(ctx, d.pool, func(tx pgx.Tx) error { return fn(&pgDB{pool: d.pool, tx: tx}) })
}

func (d *pgDB) argsBatch() string { return `(args->>'batch')` }
func (d *pgDB) lastError() string {
	return `coalesce(errors[array_length(errors, 1)]->>'error', '')`
}
func (d *pgDB) forUpdate() string { return " FOR UPDATE" }

// rebind turns ? placeholders into PostgreSQL's $1, $2, ….
func rebind(q string) string {
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func queryRow(ctx context.Context, d sqlDB, q string, args []any, dest ...any) (bool, error) {
	found := false
	err := d.each(ctx, q, args, func(r row) error {
		if found {
			return nil
		}
		found = true
		return r.Scan(dest...)
	})
	return found, err
}

func createTables(ctx context.Context, d sqlDB) error {
	for _, stmt := range strings.Split(schema, ";") {
		if strings.TrimSpace(stmt) == "" {
			continue
		}
		if err := d.exec(ctx, stmt); err != nil {
			return err
		}
	}
	return nil
}

// Budget is a batch's budget and what has been spent or reserved.
type Budget struct {
	// MaxUSD is the budget; HasMax is false when the batch has none.
	MaxUSD float64
	HasMax bool
	// Spent is what finished calls cost; Committed adds what running
	// calls (and calls that may have been billed) reserved.
	Spent, Committed float64
}

func budgetOf(ctx context.Context, d sqlDB, batch string, lock bool) (Budget, error) {
	var b Budget
	var maxUSD sql.NullFloat64
	q := `SELECT max_usd FROM easel_batch WHERE id = ?`
	if lock {
		q += d.forUpdate()
	}
	if _, err := queryRow(ctx, d, q, []any{batch}, &maxUSD); err != nil {
		return b, err
	}
	b.MaxUSD, b.HasMax = maxUSD.Float64, maxUSD.Valid
	_, err := queryRow(ctx, d, `SELECT coalesce(sum(usd), 0), coalesce(sum(CASE WHEN settled = 1 THEN usd ELSE 0 END), 0) FROM easel_spend WHERE batch = ?`,
		[]any{batch}, &b.Committed, &b.Spent)
	return b, err
}

// reserve sets usd aside for job key unless it could take the batch past
// its budget. A job that reserved before (a crash, a retry) keeps its
// reservation. Free calls reserve nothing.
func (q *Queue) reserveTx(ctx context.Context, batch, key string, usd float64) (ok bool, b Budget, err error) {
	if usd <= 0 {
		return true, b, nil
	}
	err = q.db.inTx(ctx, func(d sqlDB) error {
		var err error
		if b, err = budgetOf(ctx, d, batch, true); err != nil {
			return err
		}
		var have int
		if _, err := queryRow(ctx, d, `SELECT count(*) FROM easel_spend WHERE job_key = ?`, []any{key}, &have); err != nil {
			return err
		}
		if have > 0 {
			ok = true
			return nil
		}
		// A little slack so that rounding never refuses the last job.
		if b.HasMax && b.Committed+usd > b.MaxUSD+1e-9 {
			return nil
		}
		ok = true
		return d.exec(ctx, `INSERT INTO easel_spend (job_key, batch, usd, settled) VALUES (?, ?, ?, 0)`, key, batch, usd)
	})
	return ok, b, err
}

// Budget returns batch's budget and spend.
func (q *Queue) Budget(ctx context.Context, batch string) (Budget, error) {
	return budgetOf(ctx, q.db, batch, false)
}

// BatchInfo describes a stored batch.
type BatchInfo struct {
	ID, Name  string
	Jobs      int
	MaxUSD    float64
	HasMax    bool
	CreatedAt time.Time
}

// SaveBatch records a batch, or updates its name, size and time when it
// exists. setMax says whether to set the budget: maxUSD, or none when it
// is negative; otherwise a stored budget is kept (a rerun may raise it).
func (q *Queue) SaveBatch(ctx context.Context, id, name string, jobs int, maxUSD float64, setMax bool) error {
	var m any
	if maxUSD >= 0 {
		m = maxUSD
	}
	keep := 1
	if setMax {
		keep = 0
	}
	err := q.db.exec(ctx, `INSERT INTO easel_batch (id, name, max_usd, jobs, created_at) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET name = excluded.name, jobs = excluded.jobs, created_at = excluded.created_at,
		max_usd = CASE WHEN ? = 1 THEN easel_batch.max_usd ELSE excluded.max_usd END`,
		id, name, m, jobs, time.Now().UTC().Format(time.RFC3339Nano), keep)
	if err != nil {
		return fmt.Errorf("save batch: %w", err)
	}
	return nil
}

// LatestBatch returns the batch saved last; ENOTFOUND when there is none.
func (q *Queue) LatestBatch(ctx context.Context) (BatchInfo, error) {
	var b BatchInfo
	var maxUSD sql.NullFloat64
	var created string
	found, err := queryRow(ctx, q.db, `SELECT id, name, jobs, max_usd, created_at FROM easel_batch ORDER BY created_at DESC LIMIT 1`, nil,
		&b.ID, &b.Name, &b.Jobs, &maxUSD, &created)
	if err != nil {
		return b, fmt.Errorf("find batch: %w", err)
	}
	if !found {
		return b, easel.Errorf(easel.ENOTFOUND, "there is no batch to resume: start one with easel batch FILE")
	}
	b.MaxUSD, b.HasMax = maxUSD.Float64, maxUSD.Valid
	b.CreatedAt, _ = time.Parse(time.RFC3339Nano, created)
	return b, nil
}

// Stats counts a batch's jobs by state.
type Stats struct {
	// Queued jobs wait (available, scheduled, or to be retried); Running
	// are being worked; Done finished; Failed were given up; Skipped were
	// not started because of the budget.
	Queued, Running, Done, Failed, Skipped int
}

// Total is the number of jobs.
func (s Stats) Total() int { return s.Queued + s.Running + s.Done + s.Failed + s.Skipped }

// Finished reports whether no job is left to run.
func (s Stats) Finished() bool { return s.Queued+s.Running == 0 }

// notSuperseded keeps the rows of river_job that no later row with the
// same unique key replaces. A job that failed or was not started for the
// budget stays in the table; running the batch again stores it anew (River
// keeps jobs unique only among the states that are not final failures),
// and only the new row says how that job stands.
// Only final failures can be superseded; the index on unique_key in
// schema keeps the look-up cheap in a batch of thousands.
const notSuperseded = `(state NOT IN ('cancelled', 'discarded') OR NOT EXISTS (SELECT 1 FROM river_job later
	WHERE later.unique_key = river_job.unique_key AND later.id > river_job.id))`

// Stats counts batch's jobs by state, from the queue's database.
func (q *Queue) Stats(ctx context.Context, batch string) (Stats, error) {
	var s Stats
	err := q.db.each(ctx, `SELECT state, CASE WHEN state = 'cancelled' AND `+q.db.lastError()+` LIKE ? THEN 1 ELSE 0 END, count(*)
		FROM river_job WHERE kind = ? AND `+q.db.argsBatch()+` = ? AND `+notSuperseded+` GROUP BY 1, 2`,
		[]any{"%" + budgetPrefix + "%", Kind, batch}, func(r row) error {
			var state string
			var budget, n int
			if err := r.Scan(&state, &budget, &n); err != nil {
				return err
			}
			switch state {
			case "completed":
				s.Done += n
			case "running":
				s.Running += n
			case "cancelled", "discarded":
				if budget == 1 {
					s.Skipped += n
				} else {
					s.Failed += n
				}
			default: // available, scheduled, retryable, pending
				s.Queued += n
			}
			return nil
		})
	if err != nil {
		return s, fmt.Errorf("batch stats: %w", err)
	}
	return s, nil
}

// Failure is a job that was given up or not started.
type Failure struct {
	Job     easel.Job
	Skipped bool // not started because of the budget
	Error   string
}

// Failures lists batch's failed and skipped jobs, in line order.
func (q *Queue) Failures(ctx context.Context, batch string) ([]Failure, error) {
	var out []Failure
	argsText := "json(args)"
	if q.pg {
		argsText = "args::text"
	}
	err := q.db.each(ctx, `SELECT `+argsText+`, `+q.db.lastError()+` FROM river_job
		WHERE kind = ? AND `+q.db.argsBatch()+` = ? AND state IN ('cancelled', 'discarded') AND `+notSuperseded+` ORDER BY id`,
		[]any{Kind, batch}, func(r row) error {
			var args, msg string
			if err := r.Scan(&args, &msg); err != nil {
				return err
			}
			var f Failure
			if err := json.Unmarshal([]byte(args), &f.Job); err != nil {
				return err
			}
			// River writes a cancelled job's error as "JobCancelError: …".
			msg = strings.TrimPrefix(msg, "JobCancelError: ")
			f.Skipped = strings.HasPrefix(msg, budgetPrefix)
			f.Error = msg
			out = append(out, f)
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("batch failures: %w", err)
	}
	return out, nil
}

// Outstanding counts the jobs of every batch that are not finished.
func (q *Queue) Outstanding(ctx context.Context) (int, error) {
	var n int
	_, err := queryRow(ctx, q.db, `SELECT count(*) FROM river_job WHERE kind = ? AND state IN ('available', 'running', 'retryable', 'scheduled', 'pending')`,
		[]any{Kind}, &n)
	return n, err
}

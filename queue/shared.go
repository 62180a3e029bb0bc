package queue

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// On PostgreSQL every worker process draws on one rate limit per engine,
// kept in a row of easel_rate, so that ten workers never send ten times
// the allowed rate. The row is a GCRA ("virtual scheduling") token bucket
// of burst 1, like the in-process limiter: req_at and img_at are the
// earliest times the next request and the next image may go, a call is
// granted the later of those (and of any shared pause), and pushes them
// on by its cost. Times are seconds on the database's clock, so the
// machines' clocks need not agree. SQLite needs none of this: one process
// holds the queue's lock, and its in-memory limiter is the whole story.
const pgRateSchema = `
CREATE TABLE IF NOT EXISTS easel_rate (
	engine      TEXT PRIMARY KEY,
	req_at      DOUBLE PRECISION NOT NULL DEFAULT 0,
	img_at      DOUBLE PRECISION NOT NULL DEFAULT 0,
	-- A rate-limit answer's Retry-After, seen by any worker, holds them all.
	pause_until DOUBLE PRECISION NOT NULL DEFAULT 0,
	-- The fraction of the configured rate in force, lowered by 429s.
	scale       DOUBLE PRECISION NOT NULL DEFAULT 1
);
-- The rates the service announced in its x-ratelimit-* headers (learn.go);
-- learnt is false until one was, and then they replace the configured ones.
ALTER TABLE easel_rate ADD COLUMN IF NOT EXISTS learnt BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE easel_rate ADD COLUMN IF NOT EXISTS learnt_rpm DOUBLE PRECISION NOT NULL DEFAULT 0;
ALTER TABLE easel_rate ADD COLUMN IF NOT EXISTS learnt_ipm DOUBLE PRECISION NOT NULL DEFAULT 0`

// idleReset is how long an engine's row may go unused before its lowered
// rate is forgotten: a slow-down learnt in yesterday's batch should not
// hold back today's.
const idleReset = 60 * time.Second

// grant is the shared limiter's answer to a reservation.
type grant struct {
	wait  time.Duration // until the call may be sent
	scale float64       // fraction of the configured rate in force
	// booked is false when the send would have been further off than
	// the horizon asked for: nothing was booked.
	booked bool
	// limit is the limit a worker learnt from the service (nil if none),
	// which the grant was computed with.
	limit *Limit
}

// sharedRate is the rate limit of each engine, shared by every process
// that works one queue.
type sharedRate interface {
	// reserve books the next send of a call of n images under limit l
	// and says how long to wait before sending it; when that is further
	// off than horizon (if > 0) it books nothing. gains is how many
	// calls went through since the last reservation (each raises a
	// lowered rate a little).
	reserve(ctx context.Context, engine string, l Limit, n, gains int, horizon time.Duration) (grant, error)
	// peek says how long a call of n images booked now would wait,
	// booking nothing.
	peek(ctx context.Context, engine string, l Limit, n int) (time.Duration, error)
	// paused says how long the shared pause still lasts (0 if none).
	paused(ctx context.Context, engine string) (time.Duration, error)
	// throttled pushes the shared pause to at least wait from now and,
	// when lower is set and no pause was in force already (the other
	// answers of one episode were sent before anyone knew), lowers the
	// shared rate.
	throttled(ctx context.Context, engine string, wait time.Duration, lower bool) error
	// learn records the rates the service announced, for every worker.
	learn(ctx context.Context, engine string, l Limit) error
}

// pgRate is the shared rate limit in a PostgreSQL queue database.
type pgRate struct {
	pool *pgxpool.Pool

	mu   sync.Mutex // guards rows
	rows map[string]bool
}

func newPGRate(ctx context.Context, pool *pgxpool.Pool) (*pgRate, error) {
	// Two workers starting at once may both create the table; CREATE
	// TABLE IF NOT EXISTS is not safe against that race on its own.
	err := pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext('easel_rate schema'))`); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, pgRateSchema)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("create rate table: %w", err)
	}
	return &pgRate{pool: pool, rows: map[string]bool{}}, nil
}

// ensureRow makes engine's row once per process.
func (r *pgRate) ensureRow(ctx context.Context, engine string) error {
	r.mu.Lock()
	have := r.rows[engine]
	r.mu.Unlock()
	if have {
		return nil
	}
	if _, err := r.pool.Exec(ctx, `INSERT INTO easel_rate (engine) VALUES ($1) ON CONFLICT (engine) DO NOTHING`, engine); err != nil {
		return err
	}
	r.mu.Lock()
	r.rows[engine] = true
	r.mu.Unlock()
	return nil
}

func (r *pgRate) reserve(ctx context.Context, engine string, l Limit, n, gains int, horizon time.Duration) (grant, error) {
	g, err := r.reserveOnce(ctx, engine, l, n, gains, horizon)
	if errors.Is(err, pgx.ErrNoRows) {
		// The row was deleted under us (a cleared table): make it again.
		r.mu.Lock()
		delete(r.rows, engine)
		r.mu.Unlock()
		g, err = r.reserveOnce(ctx, engine, l, n, gains, horizon)
	}
	if err != nil {
		return g, fmt.Errorf("reserve rate: %w", err)
	}
	return g, nil
}

func (r *pgRate) reserveOnce(ctx context.Context, engine string, l Limit, n, gains int, horizon time.Duration) (grant, error) {
	var g grant
	if err := r.ensureRow(ctx, engine); err != nil {
		return g, err
	}
	err := pgx.BeginFunc(ctx, r.pool, func(tx pgx.Tx) error {
		// A booking lost to a database crash costs nothing worse than a
		// send slot: not worth waiting for the disk on every call.
		if _, err := tx.Exec(ctx, `SET LOCAL synchronous_commit = off`); err != nil {
			return err
		}
		var reqAt, imgAt, pauseUntil, scale, now, rpm, ipm float64
		var learnt bool
		err := tx.QueryRow(ctx, `SELECT req_at, img_at, pause_until, scale, extract(epoch FROM clock_timestamp())::double precision,
			learnt, learnt_rpm, learnt_ipm
			FROM easel_rate WHERE engine = $1 FOR UPDATE`, engine).Scan(&reqAt, &imgAt, &pauseUntil, &scale, &now, &learnt, &rpm, &ipm)
		if err != nil {
			return err
		}
		var learntLimit *Limit
		if learnt {
			l.RequestsPerMinute, l.ImagesPerMinute = rpm, ipm
			learntLimit = &l
		}
		reqAt, imgAt, scale, g = schedule(l, n, gains, horizon, reqAt, imgAt, pauseUntil, scale, now)
		g.limit = learntLimit
		if !g.booked {
			return nil
		}
		_, err = tx.Exec(ctx, `UPDATE easel_rate SET req_at = $2, img_at = $3, scale = $4 WHERE engine = $1`, engine, reqAt, imgAt, scale)
		return err
	})
	return g, err
}

// schedule is the bucket's arithmetic, apart from the database: given the
// row read at time now, it returns the row to write and the grant.
func schedule(l Limit, n, gains int, horizon time.Duration, reqAt, imgAt, pauseUntil, scale, now float64) (float64, float64, float64, grant) {
	if idle := time.Duration((now - max(reqAt, imgAt, pauseUntil)) * float64(time.Second)); idle > idleReset {
		scale = 1
	}
	scale = min(max(scale, minScale)+float64(gains)*throttleUp, 1)
	at := max(now, pauseUntil)
	if l.RequestsPerMinute > 0 {
		at = max(at, reqAt)
	}
	if l.ImagesPerMinute > 0 {
		at = max(at, imgAt)
	}
	wait := time.Duration((at - now) * float64(time.Second))
	if horizon > 0 && wait > horizon {
		return reqAt, imgAt, scale, grant{wait: wait, scale: scale}
	}
	if l.RequestsPerMinute > 0 {
		reqAt = at + 60/(l.RequestsPerMinute*scale)
	}
	if l.ImagesPerMinute > 0 {
		imgAt = at + float64(max(n, 1))*60/(l.ImagesPerMinute*scale)
	}
	return reqAt, imgAt, scale, grant{wait: wait, scale: scale, booked: true}
}

func (r *pgRate) peek(ctx context.Context, engine string, l Limit, n int) (time.Duration, error) {
	var reqAt, imgAt, pauseUntil, scale, now, rpm, ipm float64
	var learnt bool
	err := r.pool.QueryRow(ctx, `SELECT req_at, img_at, pause_until, scale, extract(epoch FROM clock_timestamp())::double precision,
		learnt, learnt_rpm, learnt_ipm
		FROM easel_rate WHERE engine = $1`, engine).Scan(&reqAt, &imgAt, &pauseUntil, &scale, &now, &learnt, &rpm, &ipm)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	if learnt {
		l.RequestsPerMinute, l.ImagesPerMinute = rpm, ipm
	}
	_, _, _, g := schedule(l, n, 0, 0, reqAt, imgAt, pauseUntil, scale, now)
	return g.wait, nil
}

func (r *pgRate) paused(ctx context.Context, engine string) (time.Duration, error) {
	var left float64
	err := r.pool.QueryRow(ctx, `SELECT pause_until - extract(epoch FROM clock_timestamp())::double precision
		FROM easel_rate WHERE engine = $1`, engine).Scan(&left)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, nil
	}
	if err != nil || left <= 0 {
		return 0, err
	}
	return time.Duration(left * float64(time.Second)), nil
}

func (r *pgRate) throttled(ctx context.Context, engine string, wait time.Duration, lower bool) error {
	if err := r.ensureRow(ctx, engine); err != nil {
		return fmt.Errorf("share rate limit: %w", err)
	}
	_, err := r.pool.Exec(ctx, `UPDATE easel_rate SET
		scale = CASE WHEN $3::boolean AND pause_until <= extract(epoch FROM clock_timestamp())::double precision
			THEN greatest(scale * $4, $5) ELSE scale END,
		pause_until = greatest(pause_until, extract(epoch FROM clock_timestamp())::double precision + $2)
		WHERE engine = $1`, engine, wait.Seconds(), lower, throttleDown, minScale)
	if err != nil {
		return fmt.Errorf("share rate limit: %w", err)
	}
	return nil
}

func (r *pgRate) learn(ctx context.Context, engine string, l Limit) error {
	if err := r.ensureRow(ctx, engine); err != nil {
		return fmt.Errorf("share learnt rate: %w", err)
	}
	if _, err := r.pool.Exec(ctx, `UPDATE easel_rate SET learnt = true, learnt_rpm = $2, learnt_ipm = $3 WHERE engine = $1`,
		engine, l.RequestsPerMinute, l.ImagesPerMinute); err != nil {
		return fmt.Errorf("share learnt rate: %w", err)
	}
	return nil
}

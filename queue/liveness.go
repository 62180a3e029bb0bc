package queue

// A worker killed mid-job (kill -9, a machine lost) leaves its jobs
// "running" in River's table; River rescues them only after RescueAfter,
// longer than a job may run (11 minutes by default). On PostgreSQL each
// process working the queue therefore keeps a heartbeat row in
// easel_worker, and every process now and then hands back to the queue
// the running jobs whose last attempt belongs to a process whose heartbeat
// stopped: a dead worker's jobs run again within about half a minute,
// never while it lives (a live worker beats every few seconds). A job
// that runs again is still saved once: its rows mark it done (see
// pipeline.JobStore).

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

const livenessSchema = `
CREATE TABLE IF NOT EXISTS easel_worker (
	id         TEXT PRIMARY KEY,
	host       TEXT NOT NULL DEFAULT '',
	pid        INTEGER NOT NULL DEFAULT 0,
	started_at TIMESTAMPTZ NOT NULL DEFAULT now(),
	beat_at    TIMESTAMPTZ NOT NULL DEFAULT now()
)`

// Heartbeat timing: a worker beats every beatEvery; one silent for
// deadAfter is taken for dead and its running jobs are queued again.
var (
	beatEvery = 5 * time.Second
	deadAfter = 30 * time.Second
)

// newWorkerID names this process in River's attempted_by and easel_worker.
func newWorkerID() string {
	host, _ := os.Hostname()
	var b [4]byte
	rand.Read(b[:])
	return fmt.Sprintf("easel-%s-%d-%s", host, os.Getpid(), hex.EncodeToString(b[:]))
}

// liveness is this process's heartbeat and the rescue of dead workers' jobs.
type liveness struct {
	pool *pgxpool.Pool
	id   string
	log  *slog.Logger
	stop context.CancelFunc
	done sync.WaitGroup
}

// startLiveness registers the process and starts beating and rescuing.
func startLiveness(ctx context.Context, pool *pgxpool.Pool, id string, log *slog.Logger) (*liveness, error) {
	err := pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext('easel_worker schema'))`); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, livenessSchema)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("create worker table: %w", err)
	}
	host, _ := os.Hostname()
	if _, err := pool.Exec(ctx, `INSERT INTO easel_worker (id, host, pid) VALUES ($1, $2, $3)
		ON CONFLICT (id) DO UPDATE SET beat_at = now()`, id, host, os.Getpid()); err != nil {
		return nil, fmt.Errorf("register worker: %w", err)
	}
	bg, cancel := context.WithCancel(context.WithoutCancel(ctx))
	l := &liveness{pool: pool, id: id, log: log, stop: cancel}
	l.done.Add(1)
	go l.run(bg)
	return l, nil
}

func (l *liveness) run(ctx context.Context) {
	defer l.done.Done()
	t := time.NewTicker(beatEvery)
	defer t.Stop()
	for {
		if n, err := l.rescue(ctx); err != nil && ctx.Err() == nil {
			l.log.Warn("rescue the jobs of stopped workers", "err", err)
		} else if n > 0 {
			l.log.Info("jobs of a worker that stopped answering are queued again", "jobs", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if _, err := l.pool.Exec(ctx, `UPDATE easel_worker SET beat_at = now() WHERE id = $1`, l.id); err != nil && ctx.Err() == nil {
			l.log.Warn("worker heartbeat", "err", err)
		}
	}
}

// rescue queues again the running jobs of workers silent for deadAfter,
// and forgets those workers. It returns how many jobs it queued.
func (l *liveness) rescue(ctx context.Context) (int, error) {
	var n int
	err := pgx.BeginFunc(ctx, l.pool, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `DELETE FROM easel_worker WHERE beat_at < now() - make_interval(secs => $1) RETURNING id`, deadAfter.Seconds())
		if err != nil {
			return err
		}
		dead, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil || len(dead) == 0 {
			return err
		}
		tag, err := tx.Exec(ctx, `UPDATE river_job SET state = 'available', scheduled_at = now(),
			errors = array_append(errors, jsonb_build_object('at', now(), 'attempt', attempt,
				'error', 'the worker running it stopped answering; queued again', 'trace', ''))
			WHERE state = 'running' AND attempted_by[array_upper(attempted_by, 1)] = ANY($1)`, dead)
		n = int(tag.RowsAffected())
		return err
	})
	return n, err
}

// close stops the heartbeat and unregisters the process: a stopped worker
// has finished or handed back its jobs.
func (l *liveness) close() {
	l.stop()
	l.done.Wait()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	l.pool.Exec(ctx, `DELETE FROM easel_worker WHERE id = $1`, l.id)
}

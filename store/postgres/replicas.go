package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"
)

// AddOwnedServerJob records a job the server accepted, owned by the
// replica called owner (see ClaimServerJobs).
func (d *DB) AddOwnedServerJob(ctx context.Context, j ServerJob, owner string) error {
	if _, err := d.pool.Exec(ctx, `INSERT INTO easel_server_jobs (id, request, state, created_at, updated_at, owner, beat_at)
		VALUES ($1, $2, $3, $4, $5, $6, now())`,
		j.ID, string(j.Request), j.State, j.CreatedAt.UTC(), d.Now().UTC(), owner); err != nil {
		return fmt.Errorf("add server job: %w", err)
	}
	return nil
}

// BeatServerJobs tells the other replicas that owner lives: its
// unfinished jobs are not theirs to take.
func (d *DB) BeatServerJobs(ctx context.Context, owner string) error {
	if _, err := d.pool.Exec(ctx, `UPDATE easel_server_jobs SET beat_at = now() WHERE owner = $1 AND state IN ($2, $3)`,
		owner, ServerJobQueued, ServerJobRunning); err != nil {
		return fmt.Errorf("server job heartbeat: %w", err)
	}
	return nil
}

// ClaimServerJobs makes owner the owner of at most max (0: every)
// unfinished jobs whose owner has not beaten for silentFor, oldest first,
// and returns them: a stopped replica's jobs, each taken by one replica.
func (d *DB) ClaimServerJobs(ctx context.Context, owner string, silentFor time.Duration, max int) ([]ServerJob, error) {
	limit := "ALL"
	if max > 0 {
		limit = fmt.Sprint(max)
	}
	rows, err := d.pool.Query(ctx, `UPDATE easel_server_jobs SET owner = $1, beat_at = now()
		WHERE id IN (SELECT id FROM easel_server_jobs
			WHERE state IN ($2, $3) AND owner <> $1 AND beat_at < now() - make_interval(secs => $4)
			ORDER BY created_at, id LIMIT `+limit+` FOR UPDATE SKIP LOCKED)
		RETURNING id, request, state, created_at, crashes`,
		owner, ServerJobQueued, ServerJobRunning, silentFor.Seconds())
	if err != nil {
		return nil, fmt.Errorf("claim server jobs: %w", err)
	}
	defer rows.Close()
	var out []ServerJob
	for rows.Next() {
		var j ServerJob
		var req string
		if err := rows.Scan(&j.ID, &req, &j.State, &j.CreatedAt, &j.Crashes); err != nil {
			return nil, fmt.Errorf("claim server jobs: %w", err)
		}
		j.Request, j.CreatedAt = []byte(req), j.CreatedAt.UTC()
		out = append(out, j)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("claim server jobs: %w", err)
	}
	slices.SortFunc(out, func(a, b ServerJob) int { return a.CreatedAt.Compare(b.CreatedAt) })
	return out, nil
}

// ServerJob returns the job called id; false when there is none.
func (d *DB) ServerJob(ctx context.Context, id string) (ServerJob, bool, error) {
	var j ServerJob
	var req string
	err := d.pool.QueryRow(ctx, `SELECT id, request, state, created_at, crashes FROM easel_server_jobs WHERE id = $1`, id).
		Scan(&j.ID, &req, &j.State, &j.CreatedAt, &j.Crashes)
	if errors.Is(err, pgx.ErrNoRows) {
		return j, false, nil
	}
	if err != nil {
		return j, false, fmt.Errorf("read server job: %w", err)
	}
	j.Request, j.CreatedAt = []byte(req), j.CreatedAt.UTC()
	return j, true, nil
}

// CanceledServerJobs returns owner's jobs canceled in the last minute (by
// a request to another replica), for owner to stop them.
func (d *DB) CanceledServerJobs(ctx context.Context, owner string) ([]string, error) {
	rows, err := d.pool.Query(ctx, `SELECT id FROM easel_server_jobs WHERE owner = $1 AND state = 'canceled' AND updated_at > now() - interval '1 minute'`, owner)
	if err != nil {
		return nil, fmt.Errorf("list canceled server jobs: %w", err)
	}
	return pgx.CollectRows(rows, pgx.RowTo[string])
}

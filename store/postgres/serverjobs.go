package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// ServerJob is a job accepted by `easel serve`, as the server persists it.
type ServerJob struct {
	ID string
	// Request is the server's job request (JSON), opaque to the store.
	Request   []byte
	State     string
	CreatedAt time.Time
	// Crashes counts the starts that found the job running: each time,
	// the process running it had died (see ServerJobCrashed).
	Crashes int
}

// Server job states the store gives meaning to: jobs in these states are
// unfinished and run again when a server starts.
const (
	ServerJobQueued  = "queued"
	ServerJobRunning = "running"
)

// AddServerJob records a job the server accepted.
func (d *DB) AddServerJob(ctx context.Context, j ServerJob) error {
	if _, err := d.pool.Exec(ctx, `INSERT INTO easel_server_jobs (id, request, state, created_at, updated_at) VALUES ($1, $2, $3, $4, $5)`,
		j.ID, string(j.Request), j.State, j.CreatedAt.UTC(), d.Now().UTC()); err != nil {
		return fmt.Errorf("add server job: %w", err)
	}
	return nil
}

// SetServerJobState moves an unfinished job (queued or running) to state;
// a job that has already ended keeps its state.
func (d *DB) SetServerJobState(ctx context.Context, id, state string) error {
	if _, err := d.pool.Exec(ctx, `UPDATE easel_server_jobs SET state = $1, updated_at = $2 WHERE id = $3 AND state IN ($4, $5)`,
		state, d.Now().UTC(), id, ServerJobQueued, ServerJobRunning); err != nil {
		return fmt.Errorf("set server job state: %w", err)
	}
	return nil
}

// UnfinishedServerJobs returns the jobs still queued or running, oldest first.
func (d *DB) UnfinishedServerJobs(ctx context.Context) ([]ServerJob, error) {
	rows, err := d.pool.Query(ctx, `SELECT id, request, state, created_at, crashes FROM easel_server_jobs WHERE state IN ($1, $2) ORDER BY created_at, id`,
		ServerJobQueued, ServerJobRunning)
	if err != nil {
		return nil, fmt.Errorf("list server jobs: %w", err)
	}
	defer rows.Close()
	var out []ServerJob
	for rows.Next() {
		var j ServerJob
		var req string
		if err := rows.Scan(&j.ID, &req, &j.State, &j.CreatedAt, &j.Crashes); err != nil {
			return nil, fmt.Errorf("list server jobs: %w", err)
		}
		j.Request = []byte(req)
		j.CreatedAt = j.CreatedAt.UTC()
		out = append(out, j)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list server jobs: %w", err)
	}
	return out, nil
}

// ServerJobCrashed records that job id, found running when a server
// started, died with the process that ran it: its crash count goes up by
// one and it is queued again. It returns the new count; a job that is not
// running is left alone and its count returned as it is.
func (d *DB) ServerJobCrashed(ctx context.Context, id string) (int, error) {
	var n int
	err := d.pool.QueryRow(ctx, `UPDATE easel_server_jobs SET crashes = crashes + 1, state = $1, updated_at = $2 WHERE id = $3 AND state = $4 RETURNING crashes`,
		ServerJobQueued, d.Now().UTC(), id, ServerJobRunning).Scan(&n)
	if errors.Is(err, pgx.ErrNoRows) {
		err = d.pool.QueryRow(ctx, `SELECT crashes FROM easel_server_jobs WHERE id = $1`, id).Scan(&n)
	}
	if err != nil {
		return 0, fmt.Errorf("record server job crash: %w", err)
	}
	return n, nil
}

// AddServerJobArtwork records that job id saved artworkID as its idx-th
// picture (from 0). Recording the same idx again changes nothing.
func (d *DB) AddServerJobArtwork(ctx context.Context, id string, idx int, artworkID string) error {
	if _, err := d.pool.Exec(ctx, `INSERT INTO easel_server_job_artworks (job_id, idx, artwork_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
		id, idx, artworkID); err != nil {
		return fmt.Errorf("add server job artwork: %w", err)
	}
	return nil
}

// ServerJobArtworks returns the ids of the pictures job id saved, in order.
func (d *DB) ServerJobArtworks(ctx context.Context, id string) ([]string, error) {
	rows, err := d.pool.Query(ctx, `SELECT artwork_id FROM easel_server_job_artworks WHERE job_id = $1 ORDER BY idx`, id)
	if err != nil {
		return nil, fmt.Errorf("list server job artworks: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var a string
		if err := rows.Scan(&a); err != nil {
			return nil, fmt.Errorf("list server job artworks: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

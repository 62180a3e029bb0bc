package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
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
// unfinished and run again when the server starts.
const (
	ServerJobQueued  = "queued"
	ServerJobRunning = "running"
)

// AddServerJob records a job the server accepted.
func (d *DB) AddServerJob(ctx context.Context, j ServerJob) error {
	now := d.Now().UTC().Format(time.RFC3339Nano)
	created := j.CreatedAt.UTC().Format(time.RFC3339Nano)
	if _, err := d.db.ExecContext(ctx, `INSERT INTO server_jobs (id, request, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
		j.ID, string(j.Request), j.State, created, now); err != nil {
		return fmt.Errorf("add server job: %w", err)
	}
	return nil
}

// SetServerJobState moves an unfinished job (queued or running) to state.
// A job that has already ended keeps its state, so a cancel that comes
// after the job finished, or the end of a job the person cancelled, changes
// nothing.
func (d *DB) SetServerJobState(ctx context.Context, id, state string) error {
	now := d.Now().UTC().Format(time.RFC3339Nano)
	if _, err := d.db.ExecContext(ctx, `UPDATE server_jobs SET state = ?, updated_at = ? WHERE id = ? AND state IN (?, ?)`,
		state, now, id, ServerJobQueued, ServerJobRunning); err != nil {
		return fmt.Errorf("set server job state: %w", err)
	}
	return nil
}

// UnfinishedServerJobs returns the jobs still queued or running, oldest
// first: those a server that stopped did not finish.
func (d *DB) UnfinishedServerJobs(ctx context.Context) ([]ServerJob, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT id, request, state, created_at, crashes FROM server_jobs WHERE state IN (?, ?) ORDER BY created_at, id`,
		ServerJobQueued, ServerJobRunning)
	if err != nil {
		return nil, fmt.Errorf("list server jobs: %w", err)
	}
	defer rows.Close()
	var out []ServerJob
	for rows.Next() {
		var j ServerJob
		var req, created string
		if err := rows.Scan(&j.ID, &req, &j.State, &created, &j.Crashes); err != nil {
			return nil, fmt.Errorf("list server jobs: %w", err)
		}
		j.Request = []byte(req)
		j.CreatedAt, _ = time.Parse(time.RFC3339Nano, created)
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
	now := d.Now().UTC().Format(time.RFC3339Nano)
	var n int
	err := d.db.QueryRowContext(ctx, `UPDATE server_jobs SET crashes = crashes + 1, state = ?, updated_at = ? WHERE id = ? AND state = ? RETURNING crashes`,
		ServerJobQueued, now, id, ServerJobRunning).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		err = d.db.QueryRowContext(ctx, `SELECT crashes FROM server_jobs WHERE id = ?`, id).Scan(&n)
	}
	if err != nil {
		return 0, fmt.Errorf("record server job crash: %w", err)
	}
	return n, nil
}

// AddServerJobArtwork records that job id saved artworkID as its idx-th
// picture (from 0). Recording the same idx again changes nothing.
func (d *DB) AddServerJobArtwork(ctx context.Context, id string, idx int, artworkID string) error {
	if _, err := d.db.ExecContext(ctx, `INSERT OR IGNORE INTO server_job_artworks (job_id, idx, artwork_id) VALUES (?, ?, ?)`, id, idx, artworkID); err != nil {
		return fmt.Errorf("add server job artwork: %w", err)
	}
	return nil
}

// ServerJobArtworks returns the ids of the pictures job id saved, in the
// order it made them (an id stays listed after its artwork is deleted).
func (d *DB) ServerJobArtworks(ctx context.Context, id string) ([]string, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT artwork_id FROM server_job_artworks WHERE job_id = ? ORDER BY idx`, id)
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

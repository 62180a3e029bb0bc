package postgres

// Saving a batch job's pictures exactly once, whatever moment a worker is
// killed at, and whichever worker runs the job again.
//
// SaveJob goes in four steps, as store/sqlite's does:
//
//  1. the job's pictures and records are written to one staging row
//     (easel_staged_jobs): from here on a paid result survives the worker;
//  2. the PNG objects are written to the image store (content-addressed);
//  3. one transaction inserts the artworks and the job rows that mark the
//     job done, and deletes the staging row;
//
// A job that runs again finds its rows (done) or its staging row (made but
// not saved: steps 2 and 3 again, no engine call).

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/easel-art/easel"
)

// stagedJob is the body of a staging row.
type stagedJob struct {
	Key      string           `json:"key"`
	Artworks []*easel.Artwork `json:"artworks"`
	PNGs     [][]byte         `json:"pngs"`
}

// JobArtworks returns the artworks the job called key saved, in order;
// nil when it has saved none.
func (d *DB) JobArtworks(ctx context.Context, key string) ([]*easel.Artwork, error) {
	return d.query(ctx, `SELECT `+prefixed("a.", columns)+` FROM easel_job_artworks j JOIN easel_artworks a ON a.id = j.artwork_id
		WHERE j.job_key = $1 ORDER BY j.idx`, key)
}

func prefixed(p, cols string) string {
	parts := strings.Split(cols, ",")
	for i, c := range parts {
		parts[i] = p + strings.TrimSpace(c)
	}
	return strings.Join(parts, ", ")
}

// stagedTimeout bounds StagedJob, whose signature has no context.
const stagedTimeout = 30 * time.Second

// StagedJob returns what the job called key made but did not finish
// saving before its worker stopped; nil slices when there is nothing.
func (d *DB) StagedJob(key string) ([]*easel.Artwork, [][]byte, error) {
	ctx, cancel := context.WithTimeout(context.Background(), stagedTimeout)
	defer cancel()
	var body []byte
	err := d.pool.QueryRow(ctx, `SELECT body FROM easel_staged_jobs WHERE job_key = $1`, key).Scan(&body)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("read staged job: %w", err)
	}
	var st stagedJob
	if err := json.Unmarshal(body, &st); err != nil || len(st.Artworks) != len(st.PNGs) || len(st.Artworks) == 0 {
		d.pool.Exec(ctx, `DELETE FROM easel_staged_jobs WHERE job_key = $1`, key)
		return nil, nil, nil
	}
	for i, a := range st.Artworks {
		sum := sha256.Sum256(st.PNGs[i])
		a.SHA256 = hex.EncodeToString(sum[:])
		a.Path = d.images.Path(a.SHA256)
	}
	return st.Artworks, st.PNGs, nil
}

// SaveJob stores the pictures a job made (arts[i] is pngs[i]'s record) and
// marks the job done, exactly once: when the job is already done it
// changes nothing. It fills in each artwork's ID, Path, SHA256 and
// CreatedAt (kept from a staged run).
func (d *DB) SaveJob(ctx context.Context, key string, arts []*easel.Artwork, pngs [][]byte) error {
	if len(arts) == 0 || len(arts) != len(pngs) {
		return fmt.Errorf("save job %s: %d artworks for %d pictures", key, len(arts), len(pngs))
	}
	if key == "" {
		return fmt.Errorf("save job: empty key")
	}
	now := d.Now().UTC().Truncate(time.Microsecond)
	sums := make([]string, len(arts))
	for i, a := range arts {
		sum := sha256.Sum256(pngs[i])
		a.SHA256 = hex.EncodeToString(sum[:])
		a.Path = d.images.Path(a.SHA256)
		sums[i] = a.SHA256
		if a.ID == "" {
			a.ID = newID()
		}
		if a.CreatedAt.IsZero() {
			a.CreatedAt = now
		}
		a.CreatedAt = a.CreatedAt.UTC().Truncate(time.Microsecond)
	}
	// 1. Stage, unless a previous run did.
	body, err := json.Marshal(stagedJob{Key: key, Artworks: arts, PNGs: pngs})
	if err != nil {
		return fmt.Errorf("save job: %w", err)
	}
	if _, err := d.pool.Exec(ctx, `INSERT INTO easel_staged_jobs (job_key, body) VALUES ($1, $2) ON CONFLICT DO NOTHING`, key, body); err != nil {
		return fmt.Errorf("save job: %w", err)
	}
	return d.withObjectLocks(ctx, sums, func(conn *pgxpool.Conn) error {
		// 2. The objects, before their rows.
		for i, a := range arts {
			if _, err := d.images.Put(ctx, a.SHA256, pngs[i]); err != nil {
				return fmt.Errorf("save image: %w", err)
			}
		}
		// 3. The rows, together, and the staging row gone.
		return d.insertJob(ctx, conn, key, arts)
	})
}

func (d *DB) insertJob(ctx context.Context, conn *pgxpool.Conn, key string, arts []*easel.Artwork) error {
	tx, err := conn.Begin(ctx)
	if err != nil {
		return fmt.Errorf("save job: %w", err)
	}
	defer tx.Rollback(ctx)
	tag, err := tx.Exec(ctx, `INSERT INTO easel_job_artworks (job_key, idx, artwork_id) VALUES ($1, 0, $2) ON CONFLICT DO NOTHING`, key, arts[0].ID)
	if err != nil {
		return fmt.Errorf("save job: %w", err)
	}
	if tag.RowsAffected() > 0 {
		for i, a := range arts {
			if i > 0 {
				if _, err := tx.Exec(ctx, `INSERT INTO easel_job_artworks (job_key, idx, artwork_id) VALUES ($1, $2, $3)`, key, i, a.ID); err != nil {
					return fmt.Errorf("save job: %w", err)
				}
			}
			args, err := insertArgs(a)
			if err != nil {
				return fmt.Errorf("save job: %w", err)
			}
			if _, err := tx.Exec(ctx, insertArtwork, args...); err != nil {
				return fmt.Errorf("save job: %w", err)
			}
		}
	} // else done before: keep what was saved
	if _, err := tx.Exec(ctx, `DELETE FROM easel_staged_jobs WHERE job_key = $1`, key); err != nil {
		return fmt.Errorf("save job: %w", err)
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("save job: %w", err)
	}
	return nil
}

// RecoverReport says what RecoverJobs cleaned up.
type RecoverReport struct {
	// Finished counts staging rows of jobs that were already done (removed).
	Finished int
	// Pending counts staged jobs left for their job to finish saving.
	Pending int
}

// RecoverJobs removes the staging rows of jobs whose rows exist (none are
// left by SaveJob, which removes its row in the same transaction; this is
// for rows a job's crash-time rerun raced). Staged jobs without rows are
// kept: their job, run again on any worker, saves them.
func (d *DB) RecoverJobs(ctx context.Context) (RecoverReport, error) {
	var r RecoverReport
	tag, err := d.pool.Exec(ctx, `DELETE FROM easel_staged_jobs s WHERE EXISTS (SELECT 1 FROM easel_job_artworks j WHERE j.job_key = s.job_key)`)
	if err != nil {
		return r, fmt.Errorf("recover jobs: %w", err)
	}
	r.Finished = int(tag.RowsAffected())
	if err := d.pool.QueryRow(ctx, `SELECT count(*) FROM easel_staged_jobs`).Scan(&r.Pending); err != nil {
		return r, fmt.Errorf("recover jobs: %w", err)
	}
	return r, nil
}

// Integrity is what VerifyJobs found.
type Integrity struct {
	Artworks, Objects, JobRows int
	// Problems lists each broken row or stray object; empty when sound.
	Problems []string
}

// VerifyJobs checks the gallery against its image store: every artwork's
// object exists and has its digest, every job row has its artwork, no
// artwork belongs to two jobs, no staging row is left and (when the store
// can list its objects) every object has an artwork. It reads every
// object: use it in tests and benchmarks.
func (d *DB) VerifyJobs(ctx context.Context) (Integrity, error) {
	var in Integrity
	arts, err := d.List(ctx, easel.ArtworkFilter{})
	if err != nil {
		return in, err
	}
	in.Artworks = len(arts)
	known := map[string]bool{}
	for _, a := range arts {
		if known[a.SHA256] {
			continue
		}
		known[a.SHA256] = true
		b, err := easel.ReadImage(ctx, d.images, a.SHA256)
		if err != nil {
			in.Problems = append(in.Problems, fmt.Sprintf("artwork %s: object missing: %v", a.ID, err))
			continue
		}
		if sum := sha256.Sum256(b); hex.EncodeToString(sum[:]) != a.SHA256 {
			in.Problems = append(in.Problems, fmt.Sprintf("artwork %s: object digest differs", a.ID))
		}
	}
	var dangling, dup, staged int
	for q, dst := range map[string]*int{
		`SELECT count(*) FROM easel_job_artworks`: &in.JobRows,
		`SELECT count(*) FROM easel_job_artworks j LEFT JOIN easel_artworks a ON a.id = j.artwork_id WHERE a.id IS NULL`: &dangling,
		`SELECT count(*) FROM (SELECT artwork_id FROM easel_job_artworks GROUP BY artwork_id HAVING count(*) > 1) AS d`:  &dup,
		`SELECT count(*) FROM easel_staged_jobs`: &staged,
	} {
		if err := d.pool.QueryRow(ctx, q).Scan(dst); err != nil {
			return in, fmt.Errorf("verify gallery: %w", err)
		}
	}
	if dangling > 0 {
		in.Problems = append(in.Problems, fmt.Sprintf("%d job rows name no artwork", dangling))
	}
	if dup > 0 {
		in.Problems = append(in.Problems, fmt.Sprintf("%d artworks belong to several jobs", dup))
	}
	if staged > 0 {
		in.Problems = append(in.Problems, fmt.Sprintf("%d staging rows left", staged))
	}
	if l, ok := d.images.(Lister); ok {
		err := l.Each(ctx, func(sum string) error {
			in.Objects++
			if !known[sum] {
				in.Problems = append(in.Problems, "object without artwork: "+sum)
			}
			return nil
		})
		if err != nil {
			return in, fmt.Errorf("verify gallery: %w", err)
		}
	}
	return in, nil
}

package sqlite

// Saving a batch job's pictures exactly once, whatever moment the process
// is killed at.
//
// SaveJob goes in four steps:
//
//  1. the job's pictures and records are written to one staging file,
//     staging/<job key>.json (temporary name, rename): from here on a paid
//     result survives the process being killed;
//  2. the PNG files are written to their content-addressed places;
//  3. one transaction inserts the artworks and the job_artworks rows that
//     mark the job done;
//  4. the staging file is removed.
//
// A job that runs again finds either its rows (done: nothing to do) or its
// staging file (made but not saved: steps 2 to 4 again, no engine call).
// Files are only written under temporary names carrying the writer's
// process id, so RecoverJobs can remove those of dead processes without
// touching a live writer's.

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/internal/atomicfile"
)

// stagedJob is the content of a staging file.
type stagedJob struct {
	Key      string           `json:"key"`
	Artworks []*easel.Artwork `json:"artworks"`
	PNGs     [][]byte         `json:"pngs"`
}

func (d *DB) stagingPath(key string) string {
	return filepath.Join(d.dir, "staging", key+".json")
}

// JobArtworks returns the artworks the job called key saved, in order;
// nil when it has saved none.
func (d *DB) JobArtworks(ctx context.Context, key string) ([]*easel.Artwork, error) {
	return d.query(ctx, `SELECT `+prefixed("a.", columns)+` FROM job_artworks j JOIN artworks a ON a.id = j.artwork_id
		WHERE j.job_key = ? ORDER BY j.idx`, key)
}

// jobDone reports whether job key has its rows.
func (d *DB) jobDone(ctx context.Context, key string) (bool, error) {
	var n int
	if err := d.db.QueryRowContext(ctx, `SELECT count(*) FROM job_artworks WHERE job_key = ?`, key).Scan(&n); err != nil {
		return false, fmt.Errorf("query gallery: %w", err)
	}
	return n > 0, nil
}

// StagedJob returns what the job called key made but did not finish
// saving before its process stopped; nil slices when there is nothing.
func (d *DB) StagedJob(key string) ([]*easel.Artwork, [][]byte, error) {
	st, err := readStaged(d.stagingPath(key))
	if err != nil || st == nil {
		return nil, nil, err
	}
	return st.Artworks, st.PNGs, nil
}

func readStaged(path string) (*stagedJob, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read staged job: %w", err)
	}
	var st stagedJob
	if err := json.Unmarshal(b, &st); err != nil || len(st.Artworks) != len(st.PNGs) || len(st.Artworks) == 0 {
		// Only a crash of the whole machine can tear it (it is renamed
		// into place, unsynced): the job runs again as if not staged.
		os.Remove(path)
		return nil, nil
	}
	return &st, nil
}

// SaveJob stores the pictures a job made (arts[i] is pngs[i]'s record) and
// marks the job done, exactly once: when the job is already done it
// changes nothing. It fills in each artwork's ID, Path, SHA256 and
// CreatedAt (kept from a staged run).
func (d *DB) SaveJob(ctx context.Context, key string, arts []*easel.Artwork, pngs [][]byte) error {
	if len(arts) == 0 || len(arts) != len(pngs) {
		return fmt.Errorf("save job %s: %d artworks for %d pictures", key, len(arts), len(pngs))
	}
	if strings.ContainsAny(key, `/\`) || key == "" {
		return fmt.Errorf("save job: bad key %q", key)
	}
	now := d.Now().UTC()
	for i, a := range arts {
		sum := sha256.Sum256(pngs[i])
		a.SHA256 = hex.EncodeToString(sum[:])
		a.Path = d.images.Path(a.SHA256)
		if a.ID == "" {
			a.ID = newID()
		}
		if a.CreatedAt.IsZero() {
			a.CreatedAt = now
		}
	}
	// 1. Stage, unless a previous run did.
	staged := d.stagingPath(key)
	if _, err := os.Stat(staged); errors.Is(err, fs.ErrNotExist) {
		b, err := json.Marshal(stagedJob{Key: key, Artworks: arts, PNGs: pngs})
		if err != nil {
			return fmt.Errorf("save job: %w", err)
		}
		// Not synced: this write is what stands between a paid answer and
		// a kill, so it must be quick; a kill -9 keeps what was written
		// (the kernel has it), and after a power cut a torn staging file
		// only means the job runs again.
		if err := writeAtomicPID(staged, "", b, false); err != nil {
			return fmt.Errorf("save job: %w", err)
		}
	}
	// 2. The pictures.
	for i, a := range arts {
		if _, err := os.Stat(a.Path); err == nil {
			continue
		}
		if err := writeAtomicPID(a.Path, d.images.TempDir(), pngs[i], true); err != nil {
			return fmt.Errorf("save image: %w", err)
		}
	}
	// 3. The rows, together.
	if err := d.insertJob(ctx, key, arts); err != nil {
		return err
	}
	// 4. Done: the staging file has served. Losing this removal to a
	// crash is harmless: RecoverJobs removes staging files of done jobs.
	if err := os.Remove(staged); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("save job: %w", err)
	}
	return nil
}

func (d *DB) insertJob(ctx context.Context, key string, arts []*easel.Artwork) error {
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save job: %w", err)
	}
	defer tx.Rollback()
	// Write first, so the transaction holds the write lock from its first
	// statement (a read first could not be upgraded under contention).
	res, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO job_artworks (job_key, idx, artwork_id) VALUES (?, 0, ?)`, key, arts[0].ID)
	if err != nil {
		return fmt.Errorf("save job: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil // done before: keep what was saved
	}
	for i, a := range arts {
		if i > 0 {
			if _, err := tx.ExecContext(ctx, `INSERT INTO job_artworks (job_key, idx, artwork_id) VALUES (?, ?, ?)`, key, i, a.ID); err != nil {
				return fmt.Errorf("save job: %w", err)
			}
		}
		var scene string
		if a.Scene != nil {
			b, err := json.Marshal(a.Scene)
			if err != nil {
				return fmt.Errorf("save job: %w", err)
			}
			scene = string(b)
		}
		rel := filepath.Join("images", a.SHA256[:2], a.SHA256+".png")
		if _, err := tx.ExecContext(ctx, `INSERT INTO artworks (`+columns+`) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
			a.ID, a.SHA256, rel, a.Idea, a.Template, a.Prompt, a.NegativePrompt, string(a.Dialect), a.Style, a.Writer,
			a.Engine, a.Model, a.Seed, a.Width, a.Height, a.Steps, a.CFGScale, a.Sampler, a.RevisedPrompt, a.EngineInfo,
			scene, a.ParentID, a.Method, a.CostUSD, a.ElapsedMS, a.CreatedAt.Format(time.RFC3339Nano), a.Instruction); err != nil {
			return fmt.Errorf("save job: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("save job: %w", err)
	}
	return nil
}

// tmpPrefix starts the names of files being written by SaveJob; the
// writer's process id follows, then a dash.
const tmpPrefix = ".tmp-job-"

// writeAtomicPID writes data to path through a temporary file named after
// this process (synced when sync is set) and a rename, so a crash leaves
// the whole file or a temporary one that RecoverJobs can tell is abandoned.
func writeAtomicPID(path, tempDir string, data []byte, sync bool) error {
	return atomicfile.Write(path, data, atomicfile.Options{Prefix: tmpPrefix, NoSync: !sync, TempDir: tempDir})
}

// RecoverReport says what RecoverJobs cleaned up.
type RecoverReport struct {
	// Finished counts staging files of jobs that were already done (removed).
	Finished int
	// Pending counts staged jobs left for their job to finish saving.
	Pending int
	// TempFiles counts temporary files of stopped processes (removed).
	TempFiles int
}

// RecoverJobs clears what stopped processes left behind: staging files of
// jobs whose rows exist and temporary files of processes that are gone.
// Staged jobs without rows are kept: their job, run again, saves them
// without calling the engine. It is safe while other processes save jobs.
func (d *DB) RecoverJobs(ctx context.Context) (RecoverReport, error) {
	var r RecoverReport
	dirs := []string{filepath.Join(d.dir, "staging")}
	subs, _ := filepath.Glob(filepath.Join(d.dir, "images", "*"))
	dirs = append(dirs, subs...)
	for _, dir := range dirs {
		ents, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range ents {
			name := e.Name()
			path := filepath.Join(dir, name)
			switch {
			case strings.HasPrefix(name, tmpPrefix):
				if pid, ok := tmpPID(name); ok && !alive(pid) {
					if os.Remove(path) == nil {
						r.TempFiles++
					}
				}
			case filepath.Base(dir) == "staging" && strings.HasSuffix(name, ".json"):
				key := strings.TrimSuffix(name, ".json")
				done, err := d.jobDone(ctx, key)
				if err != nil {
					return r, err
				}
				if !done {
					r.Pending++
					continue
				}
				if os.Remove(path) == nil {
					r.Finished++
				}
			}
		}
	}
	return r, nil
}

func tmpPID(name string) (int, bool) { return atomicfile.PID(name, tmpPrefix) }

// alive reports whether process pid exists (on this machine).
func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// Integrity is what VerifyJobs found.
type Integrity struct {
	Artworks, Files, JobRows int
	// Problems lists each broken row or stray file; empty when sound.
	Problems []string
}

// VerifyJobs checks the gallery against its files: every artwork's file
// exists and has its digest, every file under images/ has an artwork,
// every job row has its artwork, and no staging or temporary file is
// left. It reads every file: use it in tests and benchmarks.
func (d *DB) VerifyJobs(ctx context.Context) (Integrity, error) {
	var in Integrity
	arts, err := d.List(ctx, easel.ArtworkFilter{})
	if err != nil {
		return in, err
	}
	in.Artworks = len(arts)
	known := map[string]bool{}
	for _, a := range arts {
		known[a.Path] = true
		b, err := os.ReadFile(a.Path)
		if err != nil {
			in.Problems = append(in.Problems, fmt.Sprintf("artwork %s: file missing: %v", a.ID, err))
			continue
		}
		if sum := sha256.Sum256(b); hex.EncodeToString(sum[:]) != a.SHA256 {
			in.Problems = append(in.Problems, fmt.Sprintf("artwork %s: file digest differs", a.ID))
		}
	}
	var dangling int
	if err := d.db.QueryRowContext(ctx, `SELECT count(*) FROM job_artworks`).Scan(&in.JobRows); err != nil {
		return in, err
	}
	if err := d.db.QueryRowContext(ctx, `SELECT count(*) FROM job_artworks j LEFT JOIN artworks a ON a.id = j.artwork_id WHERE a.id IS NULL`).Scan(&dangling); err != nil {
		return in, err
	}
	if dangling > 0 {
		in.Problems = append(in.Problems, fmt.Sprintf("%d job rows name no artwork", dangling))
	}
	var dup int
	if err := d.db.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT artwork_id FROM job_artworks GROUP BY artwork_id HAVING count(*) > 1)`).Scan(&dup); err != nil {
		return in, err
	}
	if dup > 0 {
		in.Problems = append(in.Problems, fmt.Sprintf("%d artworks belong to several jobs", dup))
	}
	err = filepath.WalkDir(d.dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(d.dir, path)
		switch {
		case strings.HasPrefix(rel, "staging"+string(filepath.Separator)):
			in.Problems = append(in.Problems, "staging file left: "+rel)
		case strings.HasPrefix(rel, "images"+string(filepath.Separator)):
			in.Files++
			if !known[path] {
				in.Problems = append(in.Problems, "file without artwork: "+rel)
			}
		}
		return nil
	})
	return in, err
}

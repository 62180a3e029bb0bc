package queue

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"
	"github.com/riverqueue/river/rivertype"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/retry"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Kind is the River job kind of a render job.
const Kind = "easel_render"

// renderArgs is a render job as River stores it: the easel.Job, flattened.
type renderArgs struct {
	easel.Job
}

func (renderArgs) Kind() string { return Kind }

// Call makes one engine call on behalf of a job. The queue's Call goes
// through the engine's limiter, the batch budget and the retry policy.
type Call func(ctx context.Context, eng easel.Engine, req *easel.RenderRequest) (*easel.RenderResult, error)

// RunFunc runs one job to the end: it writes the prompt, calls the engine
// through call and saves the pictures and their rows together. It must be
// idempotent: a job that already saved its pictures returns them without
// calling the engine (a crash may leave such a job queued).
type RunFunc func(ctx context.Context, job easel.Job, call Call) ([]*easel.Artwork, error)

// Config configures a Queue.
type Config struct {
	// URL is the queue database: "" or a file path for SQLite (File is
	// then used), or postgres://… for PostgreSQL.
	URL string
	// File is the SQLite database file, used when URL is "".
	File string
	// Workers is how many jobs this process runs at once; 0 makes a queue
	// that only stores jobs and reports on them.
	Workers int
	// Run runs one job; required when Workers > 0.
	Run RunFunc
	// Limits gives each engine's Limit (DefaultLimit when nil).
	Limits func(engine string) Limit
	// Retry is the back-off for transient engine failures, within a job.
	Retry retry.Policy
	// MaxAttempts is how many times a job is taken up before it is given
	// up (default 3); each attempt retries transient failures per Retry.
	MaxAttempts int
	// PollInterval is how often idle workers look for jobs (at least
	// 100 ms, River's floor; default 200 ms).
	PollInterval time.Duration
	// JobTimeout bounds one job (default 10 minutes); RescueAfter is how
	// long a job may stay running before another worker takes it over
	// after a crash (PostgreSQL; default JobTimeout + 1 minute).
	JobTimeout, RescueAfter time.Duration
	// OnEvent, if set, is told about each job this process finishes.
	OnEvent func(Event)
	// Log receives operator logs, River's included (nil: discarded).
	Log *slog.Logger
}

// Event is what happened to one job run by this process.
type Event struct {
	Job      easel.Job
	State    State
	Artworks []*easel.Artwork
	// Err is the failure, for StateFailed, StateSkipped and StateRetry.
	Err error
	// Attempt is the job's attempt number.
	Attempt int
}

// State is a job's state as the batch reports it.
type State string

// The states a batch reports.
const (
	StateDone    State = "done"
	StateFailed  State = "failed"
	StateSkipped State = "skipped" // not started: it could cross the budget
	StateRetry   State = "retry"   // failed for now; the queue will try again
)

// Queue is easel's job queue: River on SQLite or PostgreSQL, with easel's
// limits, budget and retries around each engine call.
type Queue struct {
	cfg      Config
	log      *slog.Logger
	be       backend
	db       sqlDB
	limiters *Limiters
	unlock   func()
	pg       bool
	// id names this process to River; live is its heartbeat (liveness.go).
	id   string
	live *liveness
}

// backend is the part of River that depends on its driver.
type backend interface {
	insert(ctx context.Context, params []river.InsertManyParams) ([]*rivertype.JobInsertResult, error)
	start(ctx context.Context) error
	stop(ctx context.Context) error
	stopAndCancel(ctx context.Context) error
	reclaim(ctx context.Context) (int, error)
}

// IsPostgres reports whether url names a PostgreSQL database.
func IsPostgres(url string) bool {
	return strings.HasPrefix(url, "postgres://") || strings.HasPrefix(url, "postgresql://")
}

// Open opens (creating and migrating if needed) the queue database and,
// when cfg.Workers > 0, prepares the workers; Start starts them.
//
// On SQLite only one process may work a queue: a working Open takes a lock
// next to the database file and, holding it, hands the jobs a killed
// process left running back to the queue. On PostgreSQL any number of
// processes work one queue; a killed worker's jobs are taken over within
// about half a minute (liveness.go), or after RescueAfter by River.
func Open(ctx context.Context, cfg Config) (*Queue, error) {
	if cfg.Workers > 0 && cfg.Run == nil {
		return nil, errors.New("queue: Config.Run is required with workers")
	}
	if cfg.Retry.MaxAttempts == 0 {
		cfg.Retry = retry.Default()
	}
	cfg.MaxAttempts = cmp.Or(cfg.MaxAttempts, 3)
	cfg.PollInterval = max(cmp.Or(cfg.PollInterval, 200*time.Millisecond), 100*time.Millisecond)
	cfg.JobTimeout = cmp.Or(cfg.JobTimeout, 10*time.Minute)
	cfg.RescueAfter = max(cmp.Or(cfg.RescueAfter, cfg.JobTimeout+time.Minute), cfg.JobTimeout)
	q := &Queue{cfg: cfg, log: cfg.Log, limiters: NewLimiters(cfg.Limits), unlock: func() {}, id: newWorkerID()}
	if q.log == nil {
		q.log = slog.New(slog.DiscardHandler)
	}
	q.log = q.log.With(easel.LogKeyComponent, "queue")
	q.limiters.log = q.log
	var err error
	if IsPostgres(cfg.URL) {
		err = q.openPostgres(ctx)
	} else {
		err = q.openSQLite(ctx)
	}
	if err != nil {
		q.unlock()
		return nil, err
	}
	if err := createTables(ctx, q.db); err != nil {
		q.Close()
		return nil, fmt.Errorf("open queue: %w", err)
	}
	return q, nil
}

func (q *Queue) riverConfig() *river.Config {
	c := &river.Config{
		ID:                   q.id,
		Logger:               q.log,
		MaxAttempts:          q.cfg.MaxAttempts,
		FetchPollInterval:    q.cfg.PollInterval,
		JobTimeout:           q.cfg.JobTimeout,
		RescueStuckJobsAfter: q.cfg.RescueAfter,
		RetryPolicy:          riverRetry{q.cfg.Retry},
		// Keep finished jobs: they are what makes a rerun skip them.
		CompletedJobRetentionPeriod: 30 * 24 * time.Hour,
		CancelledJobRetentionPeriod: 30 * 24 * time.Hour,
		DiscardedJobRetentionPeriod: 30 * 24 * time.Hour,
	}
	if q.cfg.Workers > 0 {
		ws := river.NewWorkers()
		river.AddWorker(ws, &worker{q: q})
		c.Workers = ws
		c.Queues = map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: q.cfg.Workers}}
	}
	return c
}

func (q *Queue) openSQLite(ctx context.Context) error {
	file := q.cfg.File
	if q.cfg.URL != "" {
		file = q.cfg.URL
	}
	if file == "" {
		return errors.New("queue: no database file")
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return easel.Errorf(easel.EINVALID, "cannot create the queue's directory %s: %v", filepath.Dir(file), err)
	}
	if q.cfg.Workers > 0 {
		unlock, err := lockFile(file + ".lock")
		if err != nil {
			return err
		}
		q.unlock = unlock
	}
	dsn := "file:" + file + "?_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)&_pragma=synchronous(NORMAL)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return fmt.Errorf("open queue: %w", err)
	}
	// riversqlite's advice: SQLite allows one writer; one connection
	// avoids SQLITE_BUSY between River's own goroutines.
	db.SetMaxOpenConns(1)
	driver := riversqlite.New(db)
	if err := migrateRiver(ctx, driver, q.log); err != nil {
		db.Close()
		return err
	}
	client, err := river.NewClient(driver, q.riverConfig())
	if err != nil {
		db.Close()
		return fmt.Errorf("open queue: %w", err)
	}
	q.be = &riverBackend[*sql.Tx]{client: client, driver: driver, exclusive: q.cfg.Workers > 0, close: func() { db.Close() }}
	q.db = &sqliteDB{db: db}
	return nil
}

func (q *Queue) openPostgres(ctx context.Context) error {
	pool, err := pgxpool.New(ctx, q.cfg.URL)
	if err != nil {
		return easel.Errorf(easel.EINVALID, "invalid --db URL: %v", err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return &easel.Error{Code: easel.EUNAVAILABLE, Message: fmt.Sprintf("cannot reach the PostgreSQL queue database (%v): check --db and that the server runs", errors.Unwrap(err)), Err: err}
	}
	driver := riverpgxv5.New(pool)
	if err := migrateRiver(ctx, driver, q.log); err != nil {
		pool.Close()
		return err
	}
	client, err := river.NewClient(driver, q.riverConfig())
	if err != nil {
		pool.Close()
		return fmt.Errorf("open queue: %w", err)
	}
	q.be = &riverBackend[pgxTx]{client: client, driver: driver, close: pool.Close}
	q.db = &pgDB{pool: pool}
	q.pg = true
	// Several processes may work this queue: they share each engine's
	// rate limit through the database.
	shared, err := newPGRate(ctx, pool)
	if err != nil {
		pool.Close()
		return fmt.Errorf("open queue: %w", err)
	}
	q.limiters.shared = shared
	// A job waiting for its turn must not run into its timeout.
	q.limiters.maxBook = q.cfg.JobTimeout / 4
	return nil
}

func migrateRiver[TTx any](ctx context.Context, driver riverdriver.Driver[TTx], log *slog.Logger) error {
	m, err := rivermigrate.New(driver, &rivermigrate.Config{Logger: log})
	if err != nil {
		return fmt.Errorf("migrate queue: %w", err)
	}
	if _, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return fmt.Errorf("migrate queue: %w", err)
	}
	return nil
}

// lockFile takes an exclusive lock on path, or says who holds it.
func lockFile(path string) (func(), error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock queue: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		return nil, easel.Errorf(easel.ECONFLICT, "another easel batch or worker is running on this data directory: wait for it, or use PostgreSQL (--db postgres://…) to run several workers")
	}
	return func() { f.Close() }, nil
}

// Start starts the workers, first handing back to the queue any job a
// killed process left running (SQLite, where this process holds the lock).
func (q *Queue) Start(ctx context.Context) error {
	if n, err := q.be.reclaim(ctx); err != nil {
		return fmt.Errorf("start queue: %w", err)
	} else if n > 0 {
		q.log.Info("jobs left running by a stopped process are queued again", "jobs", n)
	}
	if q.pg && q.cfg.Workers > 0 && q.live == nil {
		pool := q.db.(*pgDB).pool
		live, err := startLiveness(ctx, pool, q.id, q.log)
		if err != nil {
			return fmt.Errorf("start queue: %w", err)
		}
		q.live = live
	}
	if err := q.be.start(ctx); err != nil {
		return fmt.Errorf("start queue: %w", err)
	}
	return nil
}

// Stop stops fetching jobs and waits for the running ones (their contexts
// are cancelled when ctx ends).
func (q *Queue) Stop(ctx context.Context) error { return q.be.stop(ctx) }

// StopAndCancel stops fetching jobs and cancels the running ones, which go
// back to the queue for the next process.
func (q *Queue) StopAndCancel(ctx context.Context) error { return q.be.stopAndCancel(ctx) }

// Close releases the database and the lock.
func (q *Queue) Close() error {
	if q.live != nil {
		q.live.close()
	}
	if rb, ok := q.be.(interface{ closeDB() }); ok {
		rb.closeDB()
	}
	q.unlock()
	return nil
}

// Limiter returns the limiter of the engine called name.
func (q *Queue) Limiter(name string) *Limiter { return q.limiters.For(name) }

// Limiters returns the queue's per-engine limiters, so engine calls made
// outside the queue (the studio's jobs) share its limits.
func (q *Queue) Limiters() *Limiters { return q.limiters }

// InsertResult says how many jobs a batch stored and how many were there already.
type InsertResult struct {
	Inserted, Existing int
}

// Insert stores jobs, each once: a job already stored (same batch, line,
// variation and options) is left as it is, done or not, so running the
// same batch again only runs what did not finish.
func (q *Queue) Insert(ctx context.Context, jobs []easel.Job) (InsertResult, error) {
	var res InsertResult
	const chunk = 500
	for len(jobs) > 0 {
		n := min(chunk, len(jobs))
		params := make([]river.InsertManyParams, n)
		for i, j := range jobs[:n] {
			params[i] = river.InsertManyParams{Args: renderArgs{j}, InsertOpts: &river.InsertOpts{
				MaxAttempts: q.cfg.MaxAttempts,
				UniqueOpts:  river.UniqueOpts{ByArgs: true},
			}}
		}
		out, err := q.be.insert(ctx, params)
		if err != nil {
			return res, fmt.Errorf("store jobs: %w", err)
		}
		for _, r := range out {
			if r.UniqueSkippedAsDuplicate {
				res.Existing++
			} else {
				res.Inserted++
			}
		}
		jobs = jobs[n:]
	}
	return res, nil
}

// riverBackend is River with one driver.
type riverBackend[TTx any] struct {
	client    *river.Client[TTx]
	driver    riverdriver.Driver[TTx]
	exclusive bool
	close     func()
}

func (b *riverBackend[TTx]) insert(ctx context.Context, params []river.InsertManyParams) ([]*rivertype.JobInsertResult, error) {
	return b.client.InsertMany(ctx, params)
}

func (b *riverBackend[TTx]) start(ctx context.Context) error { return b.client.Start(ctx) }
func (b *riverBackend[TTx]) stop(ctx context.Context) error  { return b.client.Stop(ctx) }
func (b *riverBackend[TTx]) stopAndCancel(ctx context.Context) error {
	return b.client.StopAndCancel(ctx)
}
func (b *riverBackend[TTx]) closeDB() { b.close() }

// reclaim makes every running job available again. It is only safe when
// no other process can be working the queue: on SQLite under the lock.
func (b *riverBackend[TTx]) reclaim(ctx context.Context) (int, error) {
	if !b.exclusive {
		return 0, nil
	}
	exec := b.driver.GetExecutor()
	now := time.Now().UTC()
	horizon := now.Add(time.Hour) // every running job: none is running now
	total := 0
	var after int64
	for {
		stuck, err := exec.JobGetStuck(ctx, &riverdriver.JobGetStuckParams{AfterID: after, Max: 500, StuckHorizon: horizon})
		if err != nil {
			return total, err
		}
		if len(stuck) == 0 {
			return total, nil
		}
		p := &riverdriver.JobRescueManyParams{StuckHorizon: horizon}
		for _, j := range stuck {
			e, _ := json.Marshal(rivertype.AttemptError{At: now, Attempt: j.Attempt, Error: "the process running it stopped; queued again"})
			p.ID = append(p.ID, j.ID)
			p.Error = append(p.Error, e)
			p.FinalizedAt = append(p.FinalizedAt, nil)
			p.ScheduledAt = append(p.ScheduledAt, now)
			p.State = append(p.State, string(rivertype.JobStateAvailable))
			after = j.ID
		}
		if _, err := exec.JobRescueMany(ctx, p); err != nil {
			return total, err
		}
		total += len(stuck)
	}
}

// riverRetry is River's retry policy for jobs that failed all their
// in-job retries: the same jittered exponential back-off, in larger steps.
type riverRetry struct{ p retry.Policy }

func (r riverRetry) NextRetry(job *rivertype.JobRow) time.Time {
	p := r.p
	p.Base = max(p.Base*5, time.Second)
	return time.Now().Add(p.Backoff(max(job.Attempt, 1), 0))
}

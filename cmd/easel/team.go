package main

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/hex"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/config"
	"github.com/easel-art/easel/pipeline"
	"github.com/easel-art/easel/server"
	"github.com/easel-art/easel/store/localdir"
	"github.com/easel-art/easel/store/postgres"
	"github.com/easel-art/easel/store/s3"
	"github.com/easel-art/easel/store/sqlite"
)

// A team's setup: the gallery on PostgreSQL (--db or EASEL_DB) and the
// pictures in object storage (--store or EASEL_STORE), chosen the same
// way by every command that touches the gallery. Without them the gallery
// is SQLite and its pictures files, both in the data directory.

// teamFlags are --db and --store, kept on the app so that openGallery
// sees them whichever command registered them.
type teamFlags struct {
	dbFlag, storeFlag string
}

// addTeamFlags registers --db and --store on fs.
func (a *app) addTeamFlags(fs *flag.FlagSet) {
	fs.StringVar(&a.dbFlag, "db", "", "database: postgres://… for a team's shared gallery and queue (default $EASEL_DB, else SQLite in the data directory)")
	fs.StringVar(&a.storeFlag, "store", "", "where pictures are kept: s3://BUCKET/PREFIX?endpoint=…&region=… (default $EASEL_STORE, else the data directory; needs a PostgreSQL --db)")
}

// dbURL is --db, else EASEL_DB; "" for SQLite in the data directory.
func (a *app) dbURL() string {
	return cmp.Or(strings.TrimSpace(a.dbFlag), strings.TrimSpace(a.getenv("EASEL_DB")))
}

// storeURL is --store, else EASEL_STORE; "" for the data directory.
func (a *app) storeURL() string {
	return cmp.Or(strings.TrimSpace(a.storeFlag), strings.TrimSpace(a.getenv("EASEL_STORE")))
}

// gallery is what commands need of a gallery: the gallery itself and
// the batch jobs' exactly-once store.
type gallery interface {
	easel.Gallery
	pipeline.JobStore
}

// openGallery opens the gallery --db and --store (or EASEL_DB and
// EASEL_STORE) name, else the SQLite one in the resolved data directory.
func (a *app) openGallery(ctx context.Context, flagDir string) (gallery, error) {
	dir := config.DataDir(flagDir, a.getenv)
	db, store := a.dbURL(), a.storeURL()
	switch {
	case db != "" && !postgres.IsURL(db):
		return nil, easel.Errorf(easel.EINVALID, "--db %q is not a PostgreSQL URL: give postgres://USER:PASSWORD@HOST/DB, or leave --db and EASEL_DB unset for the data directory's SQLite", redactURL(db))
	case db == "" && store != "":
		return nil, easel.Errorf(easel.EINVALID, "--store %s needs a shared gallery: add --db postgres://… (or EASEL_DB); a SQLite gallery keeps its pictures in its data directory", redactURL(store))
	case db == "":
		return sqlite.Open(ctx, dir)
	}
	images, err := a.openImages(ctx, dir, store)
	if err != nil {
		return nil, err
	}
	return postgres.Open(ctx, db, images)
}

// openImages opens the image store: store's bucket, else images/ in dir.
func (a *app) openImages(ctx context.Context, dir, store string) (postgres.Images, error) {
	if store == "" {
		if err := mkdirProbe(dir); err != nil {
			return nil, easel.Errorf(easel.EINVALID, "cannot use data directory %s for the pictures (%v): pass a writable one with --data-dir, or --store s3://…", dir, err)
		}
		return localdir.New(filepath.Join(dir, "images")), nil
	}
	if !s3.IsURL(store) {
		return nil, easel.Errorf(easel.EINVALID, "--store %q is not an s3:// URL: give s3://BUCKET/PREFIX?endpoint=…&region=…", redactURL(store))
	}
	cfg, err := s3.ParseURL(store, a.getenv)
	if err != nil {
		return nil, err
	}
	return s3.New(ctx, cfg)
}

// redactURL hides a password in a URL shown in an error.
func redactURL(s string) string {
	if i := strings.Index(s, "://"); i >= 0 {
		if j := strings.IndexByte(s[i+3:], '@'); j >= 0 {
			if k := strings.IndexByte(s[i+3:i+3+j], ':'); k >= 0 {
				return s[:i+3+k+1] + "…" + s[i+3+j:]
			}
		}
	}
	return s
}

// checkTeamGallery is easel doctor's check of a PostgreSQL gallery: every
// row's object is there with its digest, and no object lacks a row (easel
// gallery gc removes those).
func checkTeamGallery(ctx context.Context, g gallery, gh *galleryHealth) (*galleryHealth, error) {
	pg, ok := g.(*postgres.DB)
	if !ok {
		return gh, nil
	}
	gh.Kind = "gallery (PostgreSQL)"
	in, err := pg.VerifyJobs(ctx)
	if err != nil {
		gh.Error = easel.ErrorMessage(err)
		return gh, err
	}
	gh.Artworks, gh.Integrity = in.Artworks, in.Problems
	gh.OK = len(in.Problems) == 0
	if gh.OK {
		return gh, nil
	}
	return gh, easel.Errorf(easel.EUNAVAILABLE, "the gallery has %d problems (%s): keep every machine's pictures in one shared --store (EASEL_STORE); easel gallery gc removes objects without a row", len(in.Problems), in.Problems[0])
}

// recoverJobs clears what stopped processes left behind (see the
// galleries' RecoverJobs).
func recoverJobs(ctx context.Context, g gallery) error {
	switch g := g.(type) {
	case *sqlite.DB:
		_, err := g.RecoverJobs(ctx)
		return err
	case *postgres.DB:
		_, err := g.RecoverJobs(ctx)
		return err
	}
	return nil
}

// serverJobsOf returns the store of the server's jobs in g's database.
func serverJobsOf(g gallery) server.JobStore {
	switch g := g.(type) {
	case *sqlite.DB:
		return serveJobs{g}
	case *postgres.DB:
		return &pgServeJobs{db: g, owner: newReplicaID()}
	}
	return nil
}

// pgServeJobs keeps the server's jobs in the PostgreSQL gallery, where
// several `easel serve` replicas share them: each job is owned by the
// replica that runs it, which beats while it lives (replicate); the jobs of
// a replica silent for replicaSilence are taken over by another, each by
// one, never while it lives.
type pgServeJobs struct {
	db    *postgres.DB
	owner string
	// claim is how many jobs one UnfinishedJobs takes: all at start,
	// a few at a time afterwards (the server's queue has a fixed room).
	claim atomic.Int32
}

// Replica timing: a replica beats every replicaBeat; one silent for
// replicaSilence is taken for stopped; the others look every replicaLook.
var (
	replicaBeat    = 5 * time.Second
	replicaSilence = 30 * time.Second
	replicaLook    = 5 * time.Second
)

func newReplicaID() string {
	host, _ := os.Hostname()
	var b [4]byte
	rand.Read(b[:])
	return fmt.Sprintf("serve-%s-%d-%s", host, os.Getpid(), hex.EncodeToString(b[:]))
}

// replicate keeps a replica's jobs its own and takes over those of stopped
// replicas, until ctx ends.
func (s *pgServeJobs) replicate(ctx context.Context, srv *server.Server, log *slog.Logger) {
	s.claim.Store(16)
	beat := time.NewTicker(replicaBeat)
	look := time.NewTicker(replicaLook)
	defer beat.Stop()
	defer look.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-beat.C:
			if err := s.db.BeatServerJobs(ctx, s.owner); err != nil && ctx.Err() == nil {
				log.Warn("studio job heartbeat", "err", err)
			}
			// Cancels asked of another replica.
			ids, err := s.db.CanceledServerJobs(ctx, s.owner)
			if err != nil && ctx.Err() == nil {
				log.Warn("studio job cancels", "err", err)
			}
			for _, id := range ids {
				if srv.CancelJob(id) {
					log.Info("job cancelled through another replica", easel.LogKeyJobID, id)
				}
			}
		case <-look.C:
			// A few at a time (the server's queue has a fixed room), again
			// at once while there are more.
			for ctx.Err() == nil {
				n, err := srv.ResumeJobs(ctx)
				if err != nil && ctx.Err() == nil {
					log.Warn("take over a stopped replica's jobs", "err", err)
				}
				if n > 0 {
					log.Info("took over the jobs of a stopped replica", "jobs", n)
				}
				if err != nil || n < int(s.claim.Load()) {
					break
				}
			}
		}
	}
}

func (s *pgServeJobs) AddJob(ctx context.Context, j server.StoredJob) error {
	return s.db.AddOwnedServerJob(ctx, postgres.ServerJob{ID: j.ID, Request: j.Request, State: j.State, CreatedAt: j.CreatedAt}, s.owner)
}

func (s *pgServeJobs) SetJobState(ctx context.Context, id, state string) error {
	return s.db.SetServerJobState(ctx, id, state)
}

// UnfinishedJobs claims the unfinished jobs of replicas silent for
// replicaSilence (a restarted server's own earlier jobs among them).
func (s *pgServeJobs) UnfinishedJobs(ctx context.Context) ([]server.StoredJob, error) {
	js, err := s.db.ClaimServerJobs(ctx, s.owner, replicaSilence, int(s.claim.Load()))
	if err != nil {
		return nil, err
	}
	out := make([]server.StoredJob, len(js))
	for i, j := range js {
		out[i] = server.StoredJob{ID: j.ID, Request: j.Request, State: j.State, CreatedAt: j.CreatedAt, Crashes: j.Crashes}
	}
	return out, nil
}

func (s *pgServeJobs) AddJobArtwork(ctx context.Context, id string, idx int, artworkID string) error {
	return s.db.AddServerJobArtwork(ctx, id, idx, artworkID)
}

func (s *pgServeJobs) JobArtworks(ctx context.Context, id string) ([]string, error) {
	return s.db.ServerJobArtworks(ctx, id)
}

func (s *pgServeJobs) JobCrashed(ctx context.Context, id string) (int, error) {
	return s.db.ServerJobCrashed(ctx, id)
}

// LookupJob reads one job, for a replica showing a job another runs.
func (s *pgServeJobs) LookupJob(ctx context.Context, id string) (server.StoredJob, bool, error) {
	j, ok, err := s.db.ServerJob(ctx, id)
	return server.StoredJob{ID: j.ID, Request: j.Request, State: j.State, CreatedAt: j.CreatedAt, Crashes: j.Crashes}, ok, err
}

var (
	_ server.JobStore  = (*pgServeJobs)(nil)
	_ server.JobLooker = (*pgServeJobs)(nil)
)

package server

// Jobs that outlive the server.
//
// With Deps.Jobs set, a job accepted by POST /api/v1/jobs (and the
// reproduce and vary routes) is recorded before it is queued, with its
// request resolved (seed, engine and writer filled in), and the record is
// marked done, failed or canceled when the job ends. A job that a shutdown
// stops, queued or running, is recorded queued, and the next server on the
// same gallery queues it again under the same id at its start. A job found
// running at a start died with its process (a crash, an out-of-memory
// kill): it runs again once, and after a second such death it is marked
// failed, so one poisonous job cannot take down every server started.
//
// A job that runs again starts from the beginning: its prompts are written
// again (the built-in writer, seeded, writes the same ones; a language
// model is asked again). Each picture it saves is recorded against the job
// as soon as it is saved, so the run skips the pictures already saved: the
// engine is not called for them and they are not saved twice; the job's
// view lists them as before. Only two cases call an engine again: a
// picture saved in the instant between the gallery write and its record,
// and an engine call that returned several pictures (MaxN > 1) of which
// only some were saved before the stop.
//
// Jobs of the OpenAI-compatible endpoint are not recorded: their answer
// goes to a client waiting on the connection, which a stop closes.

import (
	"bytes"
	"context"
	"encoding/json"
	"image"
	"image/png"
	"sync"
	"time"

	"github.com/easel-art/easel"
)

// StoredJob is a server job as a JobStore keeps it.
type StoredJob struct {
	ID string
	// Request is the job's JobRequest as JSON, its seed resolved.
	Request   []byte
	State     string
	CreatedAt time.Time
	// Crashes counts the earlier starts that found the job running, its
	// process dead.
	Crashes int
}

// JobStore keeps the server's jobs across restarts (cmd/easel adapts
// store/sqlite.DB to it). States are the State* constants; SetJobState
// changes only a job that is still queued or running.
type JobStore interface {
	AddJob(ctx context.Context, j StoredJob) error
	SetJobState(ctx context.Context, id, state string) error
	// UnfinishedJobs returns the jobs queued or running, oldest first.
	UnfinishedJobs(ctx context.Context) ([]StoredJob, error)
	// AddJobArtwork records that job id saved artworkID as its idx-th
	// picture; JobArtworks returns those ids in order.
	AddJobArtwork(ctx context.Context, id string, idx int, artworkID string) error
	JobArtworks(ctx context.Context, id string) ([]string, error)
	// JobCrashed records that job id was found running at a start (the
	// process running it died: a shutdown leaves its jobs queued), queues
	// it again and returns how many times that has happened.
	JobCrashed(ctx context.Context, id string) (int, error)
}

// maxCrashes is how many times a job may take its server down (found
// running at a start) before it is marked failed instead of run again: a
// job whose engine answers with something that kills the process would
// otherwise kill every server started after it.
const maxCrashes = 2

// storeTimeout bounds each job-store call, which must not hang a worker.
const storeTimeout = 10 * time.Second

func (r *jobRunner) setStored(j *job, state string) {
	if r.store == nil || !j.persisted {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), storeTimeout)
	defer cancel()
	if err := r.store.SetJobState(ctx, j.id, state); err != nil {
		r.s.log.Error("record job state", easel.LogKeyJobID, j.id, "state", state, "err", err)
	}
}

// resumeJobs queues again the jobs a previous server left unfinished.
func (s *Server) resumeJobs(pending []StoredJob) {
	for _, sj := range pending {
		var jr JobRequest
		err := json.Unmarshal(sj.Request, &jr)
		var pl *plan
		if err == nil {
			ctx, cancel := context.WithTimeout(context.Background(), storeTimeout)
			pl, err = s.newPlan(ctx, jr)
			cancel()
		}
		var run runFunc
		if err == nil {
			run = s.planRun(pl)
		}
		j := s.jobs.newJob(sj.ID, sj.CreatedAt, run)
		j.persisted = true
		if err == nil && sj.State == StateRunning && s.jobs.store != nil {
			ctx, cancel := context.WithTimeout(context.Background(), storeTimeout)
			n, cerr := s.jobs.store.JobCrashed(ctx, sj.ID)
			cancel()
			if cerr != nil {
				s.log.Error("record job crash", easel.LogKeyJobID, sj.ID, "err", cerr)
				n = sj.Crashes + 1
			}
			s.log.Warn("job was running when its server died", easel.LogKeyJobID, sj.ID, "crashes", n)
			if n >= maxCrashes {
				s.jobs.failNow(j, easel.Errorf(easel.EPERMANENT, "the server died %d times while running this job (a crash or out-of-memory kill): it is marked failed instead of running again; see the server's log, and submit it again if it was not the cause", n))
				continue
			}
		}
		if err != nil {
			// It cannot run here (an engine no longer configured, a parent
			// deleted): it ends now, visibly, instead of at every start.
			s.log.Warn("cannot resume job", easel.LogKeyJobID, sj.ID, "err", err)
			s.jobs.failNow(j, easel.Errorf(easel.ErrorCode(err), "the job could not run again after the server restarted: %s", easel.ErrorMessage(err)))
			continue
		}
		s.log.Info("resuming job", easel.LogKeyJobID, sj.ID, "was", sj.State)
		s.jobs.requeue(j)
	}
}

// skipEngine stands in for an engine in a job that runs again: the first
// skip pictures were saved by the earlier run, so calls that only make
// those are answered with placeholders the skipGallery never saves.
type skipEngine struct {
	easel.Engine
	mu   sync.Mutex
	skip int
	made int // pictures asked for so far
}

func (e *skipEngine) Render(ctx context.Context, req *easel.RenderRequest) (*easel.RenderResult, error) {
	e.mu.Lock()
	first := e.made
	e.made += req.N
	e.mu.Unlock()
	if first+req.N > e.skip {
		return e.Engine.Render(ctx, req)
	}
	res := &easel.RenderResult{Model: req.Model, Width: req.Width, Height: req.Height}
	for i := range req.N {
		res.Images = append(res.Images, easel.RenderedImage{PNG: placeholderPNG, Seed: req.Seed + int64(i)})
	}
	return res, nil
}

// skipGallery saves only the pictures after the first len(saved): each of
// those becomes the artwork the earlier run saved.
type skipGallery struct {
	easel.Gallery
	mu    sync.Mutex
	saved []string
	added int
}

func (g *skipGallery) Add(ctx context.Context, a *easel.Artwork, png []byte) error {
	g.mu.Lock()
	i := g.added
	g.added++
	g.mu.Unlock()
	if i >= len(g.saved) {
		return g.Gallery.Add(ctx, a, png)
	}
	got, err := g.Gallery.Get(ctx, g.saved[i])
	if err != nil {
		// Deleted since: it is not made again, the person removed it.
		a.ID = g.saved[i]
		return nil
	}
	*a = *got
	return nil
}

// placeholderPNG is a 1x1 picture that is never saved.
var placeholderPNG = func() []byte {
	var b bytes.Buffer
	png.Encode(&b, image.NewGray(image.Rect(0, 0, 1, 1)))
	return b.Bytes()
}()

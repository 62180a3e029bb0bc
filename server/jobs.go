package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/internal/hint"
)

// Job states, as the API reports them.
const (
	StateQueued   = "queued"
	StateRunning  = "running"
	StateDone     = "done"
	StateFailed   = "failed"
	StateCanceled = "canceled"
)

// Event types on a job's event stream.
const (
	EventState    = "state"    // {"state"}
	EventPrompt   = "prompt"   // a prompt was written: {"index","text","negative"}
	EventProgress = "progress" // {"fraction"} of the whole job, 0..1
	EventArtwork  = "artwork"  // a picture was saved: an Artwork
	EventNote     = "note"     // what easel changed or could not carry over: {"note"}
	EventDone     = "done"     // the job ended: a JobView; always the last event
)

// event is one entry of a job's log; subscribers replay it from any point.
type event struct {
	Type string
	Data json.RawMessage
}

// job is one render request running through the pipeline.
type job struct {
	id      string
	created time.Time
	run     runFunc
	// persisted jobs have a record in the runner's JobStore.
	persisted bool

	ctx    context.Context
	cancel context.CancelFunc
	done   chan struct{} // closed when the job has ended

	mu       sync.Mutex // guards the fields below
	state    string
	events   []event
	artworks []*easel.Artwork
	err      error
	changed  chan struct{} // closed and replaced on every new event
	final    bool          // the EventDone event is in the log
	// canceledByPerson is set by a cancel request: such a job stays
	// cancelled, where one a shutdown stopped runs again.
	canceledByPerson bool
}

// runFunc is a job's work.
type runFunc func(ctx context.Context, j *job) error

// cancelByPerson cancels the job for good.
func (j *job) cancelByPerson() {
	j.mu.Lock()
	j.canceledByPerson = true
	j.mu.Unlock()
	j.cancel()
}

func (j *job) isCanceledByPerson() bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.canceledByPerson
}

// emit appends an event and wakes every subscriber.
func (j *job) emit(typ string, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		b = []byte("null")
	}
	j.mu.Lock()
	j.events = append(j.events, event{Type: typ, Data: b})
	if typ == EventDone {
		j.final = true
	}
	close(j.changed)
	j.changed = make(chan struct{})
	j.mu.Unlock()
}

func (j *job) setState(st string) {
	j.mu.Lock()
	j.state = st
	j.mu.Unlock()
	j.emit(EventState, map[string]string{"state": st})
}

func (j *job) addArtwork(a *easel.Artwork) {
	j.mu.Lock()
	j.artworks = append(j.artworks, a)
	j.mu.Unlock()
}

// since returns the events from index i on, whether the log is complete
// (the final event is in it), and a channel closed at the next event.
func (j *job) since(i int) ([]event, bool, <-chan struct{}) {
	j.mu.Lock()
	defer j.mu.Unlock()
	var evs []event
	if i < len(j.events) {
		evs = append(evs, j.events[i:]...)
	}
	return evs, j.final, j.changed
}

// finish records the outcome and emits the final event. With record, the
// job's stored state is set first, so whoever sees the end can rely on it;
// without, a stored job stays unfinished (a shutdown stopped it).
func (j *job) finish(s *Server, err error, record bool) {
	st := StateDone
	switch {
	case err == nil:
	case easel.ErrorCode(err) == easel.ECANCELED:
		st = StateCanceled
	default:
		st = StateFailed
	}
	j.mu.Lock()
	j.state = st
	j.err = err
	j.mu.Unlock()
	if record {
		s.jobs.setStored(j, st)
	}
	j.emit(EventDone, s.jobView(j))
	close(j.done)
}

// JobView is a job as the API shows it.
type JobView struct {
	ID        string        `json:"id"`
	State     string        `json:"state"`
	CreatedAt time.Time     `json:"created_at"`
	Artworks  []ArtworkView `json:"artworks"`
	Error     *ErrorDetail  `json:"error,omitempty"`
	EventsURL string        `json:"events_url"`
}

func (s *Server) jobView(j *job) JobView {
	j.mu.Lock()
	defer j.mu.Unlock()
	v := JobView{ID: j.id, State: j.state, CreatedAt: j.created, Artworks: []ArtworkView{}, EventsURL: "/api/v1/jobs/" + j.id + "/events"}
	for _, a := range j.artworks {
		v.Artworks = append(v.Artworks, s.artworkView(a))
	}
	if j.err != nil {
		jerr := hint.Explain(j.err) // a full disk or damaged database names its fix
		code := easel.ErrorCode(jerr)
		msg := easel.ErrorMessage(jerr)
		if code == easel.EINTERNAL {
			msg = "internal error: see the server's log (EASEL_LOG=debug)"
		}
		v.Error = &ErrorDetail{Message: msg, Type: openAIType(code), Code: code}
	}
	return v
}

// maxKeptJobs is how many ended jobs stay readable; older ones are
// forgotten (their pictures stay in the gallery).
const maxKeptJobs = 200

// jobRunner runs jobs on a fixed number of workers from a bounded queue.
type jobRunner struct {
	s      *Server
	store  JobStore        // nil: jobs live in memory only
	ctx    context.Context // cancelled at the end of a shutdown
	cancel context.CancelFunc
	queue  chan *job
	wg     sync.WaitGroup

	mu     sync.Mutex // guards the fields below
	byID   map[string]*job
	ended  []string // ids of ended jobs, oldest first
	closed bool
}

func newJobRunner(s *Server, store JobStore, workers, queue int) *jobRunner {
	ctx, cancel := context.WithCancel(context.Background())
	r := &jobRunner{s: s, store: store, ctx: ctx, cancel: cancel, queue: make(chan *job, queue), byID: map[string]*job{}}
	for range workers {
		r.wg.Add(1)
		go r.work()
	}
	return r
}

func (r *jobRunner) newJob(id string, created time.Time, fn runFunc) *job {
	j := &job{id: id, created: created, run: fn, state: StateQueued, changed: make(chan struct{}), done: make(chan struct{})}
	j.ctx, j.cancel = context.WithCancel(r.ctx)
	return j
}

// submit queues a job that runs fn. It never blocks: a full queue or a
// server shutting down is an error the API turns into 503. A request,
// when given and the runner has a store, is recorded before the job is
// queued, so the job survives a stop.
func (r *jobRunner) submit(fn runFunc, request []byte) (*job, error) {
	j := r.newJob(newJobID(), time.Now().UTC(), fn)
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		j.cancel()
		return nil, easel.Errorf(easel.EUNAVAILABLE, "the server is shutting down: try again when it is back")
	}
	// Only submit and requeue send, under r.mu, so a free slot seen here
	// is still free below.
	if len(r.queue) >= cap(r.queue) {
		j.cancel()
		return nil, &easel.Error{Code: errQueueFull, Message: fmt.Sprintf("%d jobs are already waiting: try again when some have finished", cap(r.queue)), RetryAfter: 5 * time.Second}
	}
	if r.store != nil && request != nil {
		ctx, cancel := context.WithTimeout(context.Background(), storeTimeout)
		err := r.store.AddJob(ctx, StoredJob{ID: j.id, Request: request, State: StateQueued, CreatedAt: j.created})
		cancel()
		if err != nil {
			j.cancel()
			return nil, fmt.Errorf("record job: %w", err)
		}
		j.persisted = true
	}
	r.queue <- j
	r.byID[j.id] = j
	return j, nil
}

// requeue queues a job a previous server left unfinished; New sizes the
// queue so that it never blocks.
func (r *jobRunner) requeue(j *job) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return // shutting down: the store keeps it unfinished for the next server
	}
	r.byID[j.id] = j
	r.queue <- j
}

// failNow ends a job that cannot run and records that it failed.
func (r *jobRunner) failNow(j *job, err error) {
	r.mu.Lock()
	r.byID[j.id] = j
	r.mu.Unlock()
	j.cancel()
	j.finish(r.s, err, true)
	r.forgetOld(j.id)
}

func (r *jobRunner) get(id string) (*job, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	j, ok := r.byID[id]
	return j, ok
}

func (r *jobRunner) work() {
	defer r.wg.Done()
	for j := range r.queue {
		r.runOne(j)
	}
}

func (r *jobRunner) runOne(j *job) {
	defer j.cancel()
	r.mu.Lock()
	closed := r.closed
	r.mu.Unlock()
	switch {
	case j.isCanceledByPerson():
		j.finish(r.s, &easel.Error{Code: easel.ECANCELED, Message: "the job was cancelled", Err: context.Canceled}, true)
	case closed && j.persisted:
		// Waiting jobs do not start during a shutdown; the record stays
		// queued for the next server.
		j.finish(r.s, &easel.Error{Code: easel.ECANCELED, Message: "the server shut down before this job started: it will run when the server starts again", Err: context.Canceled}, false)
	case closed:
		j.finish(r.s, &easel.Error{Code: easel.ECANCELED, Message: "the server shut down before this job started: submit it again", Err: context.Canceled}, true)
	case j.ctx.Err() != nil:
		j.finish(r.s, &easel.Error{Code: easel.ECANCELED, Message: "the job was cancelled", Err: context.Canceled}, true)
	default:
		j.setState(StateRunning)
		r.setStored(j, StateRunning)
		err := j.run(j.ctx, j)
		interrupted := false
		if err != nil && j.ctx.Err() != nil {
			msg := "the job was cancelled before it finished; the pictures made so far are in the gallery"
			if j.persisted && !j.isCanceledByPerson() {
				// A shutdown stopped it: the record stays running, and the
				// next server runs it again.
				interrupted = true
				// Queued again: at the next start only a job whose process
				// died is found running, and counted as a crash.
				r.setStored(j, StateQueued)
				msg = "the server shut down before this job finished; the pictures made so far are in the gallery, and it will make the rest when the server starts again"
			}
			err = &easel.Error{Code: easel.ECANCELED, Message: msg, Err: err}
		}
		j.finish(r.s, err, !interrupted)
	}
	r.forgetOld(j.id)
}

func (r *jobRunner) forgetOld(id string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.ended = append(r.ended, id)
	for len(r.ended) > maxKeptJobs {
		delete(r.byID, r.ended[0])
		r.ended = r.ended[1:]
	}
}

// shutdown stops taking jobs and waits for the running ones until soft has
// passed or ctx is done, then cancels them and waits for them to return.
func (r *jobRunner) shutdown(ctx context.Context, soft time.Duration) error {
	r.mu.Lock()
	if !r.closed {
		r.closed = true
		close(r.queue)
	}
	r.mu.Unlock()
	done := make(chan struct{})
	go func() {
		r.wg.Wait()
		close(done)
	}()
	timer := time.NewTimer(soft)
	defer timer.Stop()
	select {
	case <-done:
		r.cancel()
		return nil
	case <-timer.C:
	case <-ctx.Done():
	}
	r.s.log.Warn("cancelling running jobs at shutdown")
	r.cancel()
	<-done
	return nil
}

func newJobID() string {
	var b [8]byte
	rand.Read(b[:])
	return "job_" + hex.EncodeToString(b[:])
}

// handleJobEvents streams a job's events as server-sent events, from the
// first (or after Last-Event-ID) to the final "done".
func (s *Server) handleJobEvents(w http.ResponseWriter, r *http.Request) {
	j, ok := s.job(r.Context(), r.PathValue("id"))
	if !ok {
		writeError(w, r, s.log, easel.Errorf(easel.ENOTFOUND, "no job %q: jobs are kept for a while after they end; see the gallery for its pictures", r.PathValue("id")))
		return
	}
	next := 0
	if last, err := strconv.Atoi(r.Header.Get("Last-Event-ID")); err == nil && last >= 0 {
		next = last + 1
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	rc := http.NewResponseController(w)
	keepalive := time.NewTicker(15 * time.Second)
	defer keepalive.Stop()
	for {
		evs, ended, changed := j.since(next)
		for _, ev := range evs {
			fmt.Fprintf(w, "id: %d\nevent: %s\ndata: %s\n\n", next, ev.Type, ev.Data)
			next++
		}
		if err := rc.Flush(); err != nil {
			return
		}
		if ended && len(evs) == 0 {
			return
		}
		if ended {
			continue // send what arrived with the end, then stop
		}
		select {
		case <-changed:
		case <-keepalive.C:
			fmt.Fprint(w, ": keepalive\n\n")
		case <-r.Context().Done():
			return
		}
	}
}

func (s *Server) handleGetJob(w http.ResponseWriter, r *http.Request) {
	j, ok := s.job(r.Context(), r.PathValue("id"))
	if !ok {
		writeError(w, r, s.log, easel.Errorf(easel.ENOTFOUND, "no job %q", r.PathValue("id")))
		return
	}
	writeJSON(w, http.StatusOK, s.jobView(j))
}

func (s *Server) handleCancelJob(w http.ResponseWriter, r *http.Request) {
	j, ok := s.jobs.get(r.PathValue("id"))
	if !ok || j.run == nil {
		s.cancelRemote(w, r) // another replica's job, or none (remote.go)
		return
	}
	j.cancelByPerson()
	// Recorded now: a stop before the job notices must not run it again.
	s.jobs.setStored(j, StateCanceled)
	writeJSON(w, http.StatusAccepted, s.jobView(j))
}

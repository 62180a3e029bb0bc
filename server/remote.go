package server

// Jobs of other replicas. Several `easel serve` on one database share the
// studio's jobs (each runs its own); a client may ask any of them about
// any job. A job this server does not hold is looked up in the job store
// and mirrored: its state and its pictures are read from the database
// every remotePoll and sent as the same events a local job sends, until
// it ends. Prompts and progress fractions are only sent by the replica
// running the job.

import (
	"context"
	"net/http"
	"slices"
	"time"

	"github.com/easel-art/easel"
)

// JobLooker is a job store that can read one job and its pictures: on a
// database several servers share, a job another server runs.
type JobLooker interface {
	LookupJob(ctx context.Context, id string) (StoredJob, bool, error)
}

// remotePoll is how often a mirrored job is read; remoteFor is how long a
// mirror follows a job before giving up on it.
var (
	remotePoll = 500 * time.Millisecond
	remoteFor  = time.Hour
)

// job returns the job called id: this server's, or another replica's
// mirrored from the store.
func (s *Server) job(ctx context.Context, id string) (*job, bool) {
	if j, ok := s.jobs.get(id); ok {
		return j, true
	}
	look, ok := s.jobs.store.(JobLooker)
	if !ok || s.jobs.store == nil {
		return nil, false
	}
	lctx, cancel := context.WithTimeout(ctx, storeTimeout)
	sj, found, err := look.LookupJob(lctx, id)
	cancel()
	if err != nil {
		s.log.Warn("look up a job of another replica", easel.LogKeyJobID, id, "err", err)
		return nil, false
	}
	if !found {
		return nil, false
	}
	r := s.jobs
	r.mu.Lock()
	if j, ok := r.byID[id]; ok { // mirrored meanwhile
		r.mu.Unlock()
		return j, true
	}
	if r.closed {
		r.mu.Unlock()
		return nil, false
	}
	j := r.newJob(id, sj.CreatedAt, nil)
	j.state = sj.State
	r.byID[id] = j
	r.mu.Unlock()
	go s.mirror(j, look)
	return j, true
}

// mirror follows job j of another replica until it ends.
func (s *Server) mirror(j *job, look JobLooker) {
	defer s.jobs.forgetOld(j.id)
	var seen []string
	state := j.state
	deadline := time.Now().Add(remoteFor)
	t := time.NewTicker(remotePoll)
	defer t.Stop()
	for {
		ctx, cancel := context.WithTimeout(j.ctx, storeTimeout)
		sj, found, err := look.LookupJob(ctx, j.id)
		var ids []string
		if err == nil && found {
			ids, err = s.jobs.store.JobArtworks(ctx, j.id)
		}
		for _, id := range ids {
			if slices.Contains(seen, id) {
				continue
			}
			seen = append(seen, id)
			if a, err := s.deps.Gallery.Get(ctx, id); err == nil {
				j.addArtwork(a)
				j.emit(EventArtwork, s.artworkView(a))
			}
		}
		cancel()
		switch {
		case j.ctx.Err() != nil:
			j.finish(s, &easel.Error{Code: easel.ECANCELED, Message: "this server shut down while following the job; ask another", Err: context.Canceled}, false)
			return
		case err == nil && !found:
			j.finish(s, easel.Errorf(easel.ENOTFOUND, "the job is gone from the database"), false)
			return
		case err == nil && sj.State != state:
			state = sj.State
			switch state {
			case StateDone:
				j.finish(s, nil, false)
				return
			case StateFailed:
				j.finish(s, easel.Errorf(easel.EUNAVAILABLE, "the job failed on the replica that ran it: see that server's log"), false)
				return
			case StateCanceled:
				j.finish(s, &easel.Error{Code: easel.ECANCELED, Message: "the job was cancelled", Err: context.Canceled}, false)
				return
			}
			j.setState(state)
		case time.Now().After(deadline):
			j.finish(s, easel.Errorf(easel.EUNAVAILABLE, "the job has not ended after %v: ask again", remoteFor), false)
			return
		}
		select {
		case <-t.C:
		case <-j.ctx.Done():
		}
	}
}

// cancelRemote cancels a job another replica runs: its stored state
// becomes canceled (only while unfinished), which its replica sees at its
// next heartbeat (CancelJob) and the mirrors here at their next read.
func (s *Server) cancelRemote(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	j, ok := s.job(r.Context(), id)
	if !ok {
		writeError(w, r, s.log, easel.Errorf(easel.ENOTFOUND, "no job %q", id))
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), storeTimeout)
	defer cancel()
	if err := s.jobs.store.SetJobState(ctx, id, StateCanceled); err != nil {
		writeError(w, r, s.log, err)
		return
	}
	writeJSON(w, http.StatusAccepted, s.jobView(j))
}

// CancelJob cancels this server's job id as a person's cancel does; it
// reports whether the server had it running or queued. Replicas call it
// for jobs another replica was asked to cancel.
func (s *Server) CancelJob(id string) bool {
	j, ok := s.jobs.get(id)
	if !ok || j.run == nil {
		return false
	}
	select {
	case <-j.done:
		return false
	default:
	}
	j.cancelByPerson()
	return true
}

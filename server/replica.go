package server

import "context"

// ResumeJobs asks the job store again for unfinished jobs and runs the
// ones it hands over, as New does at start. Servers sharing one database
// (replicas) call it now and then: the store hands them the jobs of a
// replica that stopped (see cmd/easel's pgServeJobs). It returns how many
// jobs it took; none once the server is shutting down.
func (s *Server) ResumeJobs(ctx context.Context) (int, error) {
	r := s.jobs
	if r.store == nil {
		return 0, nil
	}
	r.mu.Lock()
	closed, room := r.closed, cap(r.queue)-len(r.queue)
	r.mu.Unlock()
	if closed || room == 0 {
		return 0, nil
	}
	pending, err := r.store.UnfinishedJobs(ctx)
	if err != nil || len(pending) == 0 {
		return 0, err
	}
	s.resumeJobs(pending)
	return len(pending), nil
}

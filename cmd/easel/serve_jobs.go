package main

import (
	"context"

	"github.com/easel-art/easel/server"
	"github.com/easel-art/easel/store/sqlite"
)

// serveJobs keeps the server's jobs in the gallery database, so that
// jobs a stopped server had not finished run at its next start.
type serveJobs struct{ db *sqlite.DB }

func (s serveJobs) AddJob(ctx context.Context, j server.StoredJob) error {
	return s.db.AddServerJob(ctx, sqlite.ServerJob{ID: j.ID, Request: j.Request, State: j.State, CreatedAt: j.CreatedAt})
}

func (s serveJobs) SetJobState(ctx context.Context, id, state string) error {
	return s.db.SetServerJobState(ctx, id, state)
}

func (s serveJobs) UnfinishedJobs(ctx context.Context) ([]server.StoredJob, error) {
	js, err := s.db.UnfinishedServerJobs(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]server.StoredJob, len(js))
	for i, j := range js {
		out[i] = server.StoredJob{ID: j.ID, Request: j.Request, State: j.State, CreatedAt: j.CreatedAt, Crashes: j.Crashes}
	}
	return out, nil
}

func (s serveJobs) AddJobArtwork(ctx context.Context, id string, idx int, artworkID string) error {
	return s.db.AddServerJobArtwork(ctx, id, idx, artworkID)
}

func (s serveJobs) JobArtworks(ctx context.Context, id string) ([]string, error) {
	return s.db.ServerJobArtworks(ctx, id)
}

func (s serveJobs) JobCrashed(ctx context.Context, id string) (int, error) {
	return s.db.ServerJobCrashed(ctx, id)
}

var _ server.JobStore = serveJobs{}

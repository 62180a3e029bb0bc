package sqlite

import (
	"slices"
	"testing"
	"time"
)

func TestServerJobs(t *testing.T) {
	db := openTest(t)
	ctx := t.Context()
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	for i, id := range []string{"job_a", "job_b", "job_c", "job_d"} {
		if err := db.AddServerJob(ctx, ServerJob{ID: id, Request: []byte(`{"idea":"` + id + `"}`), State: ServerJobQueued, CreatedAt: t0.Add(time.Duration(i) * time.Second)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.AddServerJob(ctx, ServerJob{ID: "job_a", Request: []byte(`{}`), State: ServerJobQueued, CreatedAt: t0}); err == nil {
		t.Error("a second job with the same id was accepted")
	}
	steps := []struct{ id, state string }{
		{"job_a", ServerJobRunning},
		{"job_b", "done"},
		{"job_b", "canceled"}, // ended: stays done
		{"job_c", "canceled"},
		{"job_c", ServerJobRunning}, // ended: stays canceled
	}
	for _, s := range steps {
		if err := db.SetServerJobState(ctx, s.id, s.state); err != nil {
			t.Fatal(err)
		}
	}
	jobs, err := db.UnfinishedServerJobs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, j := range jobs {
		got = append(got, j.ID+":"+j.State)
	}
	if want := []string{"job_a:running", "job_d:queued"}; !slices.Equal(got, want) {
		t.Errorf("unfinished = %v, want %v", got, want)
	}
	if string(jobs[0].Request) != `{"idea":"job_a"}` || !jobs[0].CreatedAt.Equal(t0) {
		t.Errorf("job_a read back as %q at %v", jobs[0].Request, jobs[0].CreatedAt)
	}

	for i, a := range []string{"art1", "art2", "other"} {
		idx := i
		if a == "other" {
			idx = 1 // the same place again: ignored
		}
		if err := db.AddServerJobArtwork(ctx, "job_a", idx, a); err != nil {
			t.Fatal(err)
		}
	}
	ids, err := db.ServerJobArtworks(ctx, "job_a")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"art1", "art2"}; !slices.Equal(ids, want) {
		t.Errorf("artworks = %v, want %v", ids, want)
	}
	if ids, _ := db.ServerJobArtworks(ctx, "job_d"); len(ids) != 0 {
		t.Errorf("job_d has artworks %v", ids)
	}
}

package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/easel-art/easel/server"
	"github.com/easel-art/easel/store/postgres"
)

// TestReplicasShareJobs: two studio replicas on one database. A job left
// running by a replica that stopped beating (killed) is taken over by a
// live one within seconds and finishes once; a live replica's job is not
// taken.
func TestReplicasShareJobs(t *testing.T) {
	db := teamDB(t)
	replicaBeat, replicaSilence, replicaLook = 100*time.Millisecond, time.Second, 200*time.Millisecond
	defer func() { replicaBeat, replicaSilence, replicaLook = 5*time.Second, 30*time.Second, 5*time.Second }()
	env := home(t)
	env["EASEL_DB"] = db
	a := &app{getenv: func(k string) string { return env[k] }, log: newLogger(nil, "")}
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	replica := func() (*server.Server, *pgServeJobs, *postgres.DB) {
		g, err := a.openGallery(ctx, "")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { g.Close() })
		deps := a.serverDeps(g, env["EASEL_HOME"])
		srv, err := server.New(deps, server.Options{LocalOnly: true, Engine: "builtin", LLM: "builtin", Workers: 2})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { srv.Close() })
		pj := deps.Jobs.(*pgServeJobs)
		go pj.replicate(ctx, srv, a.log)
		return srv, pj, g.(*postgres.DB)
	}
	_, live, pg := replica()
	// A job the live replica owns (as if running it) and one a killed
	// replica left running.
	req := []byte(`{"idea":"a lighthouse in a storm","size":"64x64","seed":7}`)
	now := time.Now()
	if err := pg.AddOwnedServerJob(ctx, postgres.ServerJob{ID: "job_live", Request: req, State: postgres.ServerJobRunning, CreatedAt: now}, live.owner); err != nil {
		t.Fatal(err)
	}
	if err := pg.AddOwnedServerJob(ctx, postgres.ServerJob{ID: "job_dead", Request: req, State: postgres.ServerJobRunning, CreatedAt: now}, "serve-killed"); err != nil {
		t.Fatal(err)
	}
	pg.Pool().Exec(ctx, `UPDATE easel_server_jobs SET beat_at = now() - interval '1 hour' WHERE id = 'job_dead'`)
	replica() // the second replica
	deadline := time.Now().Add(15 * time.Second)
	for {
		js, err := pg.UnfinishedServerJobs(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var dead, liveJob bool
		for _, j := range js {
			dead = dead || j.ID == "job_dead"
			liveJob = liveJob || j.ID == "job_live"
		}
		if !dead {
			if !liveJob {
				t.Fatalf("the live replica's job was taken over")
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the killed replica's job was not taken over: %+v", js)
		}
		time.Sleep(100 * time.Millisecond)
	}
	ids, err := pg.ServerJobArtworks(ctx, "job_dead")
	if err != nil || len(ids) != 1 {
		t.Fatalf("job_dead saved %v, %v; want one picture", ids, err)
	}
	var owner string
	var crashes int
	pg.Pool().QueryRow(ctx, `SELECT owner, crashes FROM easel_server_jobs WHERE id = 'job_dead'`).Scan(&owner, &crashes)
	if owner == "serve-killed" || crashes != 1 {
		t.Fatalf("job_dead owner %q crashes %d; want taken over, one crash", owner, crashes)
	}
}

// TestReplicaEvents: a job submitted to one replica is followed through
// another: its events (pictures, then done) and its view.
func TestReplicaEvents(t *testing.T) {
	db := teamDB(t)
	env := home(t)
	env["EASEL_DB"] = db
	a := &app{getenv: func(k string) string { return env[k] }, log: newLogger(nil, "")}
	start := func() *httptest.Server {
		g, err := a.openGallery(t.Context(), "")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { g.Close() })
		srv, err := server.New(a.serverDeps(g, env["EASEL_HOME"]), server.Options{LocalOnly: true, Engine: "builtin", LLM: "builtin", Workers: 1})
		if err != nil {
			t.Fatal(err)
		}
		ts := httptest.NewServer(srv)
		t.Cleanup(func() { ts.Close(); srv.Close() })
		return ts
	}
	r1, r2 := start(), start()
	resp, err := http.Post(r1.URL+"/api/v1/jobs", "application/json", strings.NewReader(`{"idea":"a fox in the snow","size":"64x64","n":2}`))
	if err != nil {
		t.Fatal(err)
	}
	var v server.JobView
	json.NewDecoder(resp.Body).Decode(&v)
	resp.Body.Close()
	if v.ID == "" {
		t.Fatalf("POST job: %d", resp.StatusCode)
	}
	ev, err := http.Get(r2.URL + "/api/v1/jobs/" + v.ID + "/events")
	if err != nil || ev.StatusCode != 200 {
		t.Fatalf("events through the other replica: %v %v", ev, err)
	}
	body, _ := io.ReadAll(ev.Body)
	ev.Body.Close()
	if n := strings.Count(string(body), "event: artwork"); n != 2 || !strings.Contains(string(body), "event: done") {
		t.Fatalf("events through the other replica = %s; want 2 artworks, then done", body)
	}
	resp, err = http.Get(r2.URL + "/api/v1/jobs/" + v.ID)
	if err != nil {
		t.Fatal(err)
	}
	json.NewDecoder(resp.Body).Decode(&v)
	resp.Body.Close()
	if v.State != "done" || len(v.Artworks) != 2 {
		t.Fatalf("job through the other replica = %+v", v)
	}
	if resp, _ := http.Get(r2.URL + "/api/v1/jobs/job_nosuch"); resp == nil || resp.StatusCode != 404 {
		t.Fatalf("unknown job = %v; want 404", resp)
	}
}

// TestReplicaCancel: a cancel sent to a replica that does not run the job
// is recorded in the store (where the running replica's heartbeat finds
// it), and the job's view through that replica ends canceled.
func TestReplicaCancel(t *testing.T) {
	db := teamDB(t)
	env := home(t)
	env["EASEL_DB"] = db
	a := &app{getenv: func(k string) string { return env[k] }, log: newLogger(nil, "")}
	g, err := a.openGallery(t.Context(), "")
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	srv, err := server.New(a.serverDeps(g, env["EASEL_HOME"]), server.Options{LocalOnly: true, Engine: "builtin", LLM: "builtin", Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer func() { ts.Close(); srv.Close() }()
	pg := g.(*postgres.DB)
	// A job another, live replica holds.
	if err := pg.AddOwnedServerJob(t.Context(), postgres.ServerJob{ID: "job_elsewhere", Request: []byte(`{"idea":"a fox"}`), State: postgres.ServerJobRunning, CreatedAt: time.Now()}, "serve-other"); err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest("DELETE", ts.URL+"/api/v1/jobs/job_elsewhere", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != http.StatusAccepted {
		t.Fatalf("DELETE through another replica = %v, %v", resp, err)
	}
	resp.Body.Close()
	if ids, err := pg.CanceledServerJobs(t.Context(), "serve-other"); err != nil || len(ids) != 1 {
		t.Fatalf("the owner's cancels = %v, %v; want the job", ids, err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		resp, err := http.Get(ts.URL + "/api/v1/jobs/job_elsewhere")
		if err != nil {
			t.Fatal(err)
		}
		var v server.JobView
		json.NewDecoder(resp.Body).Decode(&v)
		resp.Body.Close()
		if v.State == "canceled" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("job view = %+v; want canceled", v)
		}
		time.Sleep(100 * time.Millisecond)
	}
	req, _ = http.NewRequest("DELETE", ts.URL+"/api/v1/jobs/job_nosuch", nil)
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != 404 {
		t.Fatalf("DELETE unknown job = %v, %v; want 404", resp, err)
	}
}

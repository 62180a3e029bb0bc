package postgres

import (
	"bytes"
	"encoding/base64"
	"image"
	"image/color"
	"image/png"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/store/localdir"
)

// TestMigrateConcurrently opens one new database from four pools at once,
// as four processes starting together would: the advisory lock lets one
// create the tables and the others find them, so all succeed and each
// migration is recorded once.
func TestMigrateConcurrently(t *testing.T) {
	url := testURL(t)
	ctx := t.Context()
	var wg sync.WaitGroup
	errs := make([]error, 4)
	dbs := make([]*DB, 4)
	for i := range errs {
		wg.Go(func() { dbs[i], errs[i] = Open(ctx, url, DirImages{Dir: t.TempDir()}) })
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("Open %d: %v", i, err)
		}
		defer dbs[i].Close()
	}
	var n, applied int
	if err := dbs[0].pool.QueryRow(ctx, `SELECT count(*), count(DISTINCT name) FROM easel_gallery_migrations`).Scan(&n, &applied); err != nil {
		t.Fatal(err)
	}
	if n != applied || n == 0 {
		t.Fatalf("migrations recorded %d times for %d names", n, applied)
	}
}

func TestOpenBadURL(t *testing.T) {
	_, err := Open(t.Context(), "postgres://easel:secret@127.0.0.1:1/none?sslmode=disable&connect_timeout=2", DirImages{Dir: t.TempDir()})
	if easel.ErrorCode(err) != easel.EUNAVAILABLE {
		t.Fatalf("Open(closed port) err = %v; want EUNAVAILABLE", err)
	}
	if bytes.Contains([]byte(err.Error()), []byte("secret")) {
		t.Fatalf("error shows the password: %v", err)
	}
}

func testPNG(t *testing.T, seed int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 4, 4))
	img.Set(0, 0, color.NRGBA{uint8(seed), 2, 3, 255})
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func jobArtwork(idea string) *easel.Artwork {
	return &easel.Artwork{Idea: idea, Prompt: idea, Engine: "fake", Seed: 1, Width: 64, Height: 64, Method: easel.MethodBatch}
}

// TestVerifyJobsAfterSave: a saved job (SaveJob's contract is in
// store/jobstoretest) leaves a gallery VerifyJobs finds whole.
func TestVerifyJobsAfterSave(t *testing.T) {
	db := openTest(t)
	ctx := t.Context()
	if err := db.SaveJob(ctx, "b-1-0", []*easel.Artwork{jobArtwork("a fox")}, [][]byte{testPNG(t, 1)}); err != nil {
		t.Fatal(err)
	}
	in, err := db.VerifyJobs(ctx)
	if err != nil || in.Artworks != 1 || in.JobRows != 1 || in.Objects != 1 || len(in.Problems) != 0 {
		t.Fatalf("VerifyJobs = %+v, %v", in, err)
	}
}

// TestStagedJobSurvives: a worker that staged a job and died before its
// rows leaves a staging row; the job, run again (on any worker), finds the
// pictures there and saves them without the engine.
func TestStagedJobSurvives(t *testing.T) {
	db := openTest(t)
	ctx := t.Context()
	body := []byte(`{"key":"b-9-0","artworks":[{"id":"00112233aabbccdd","idea":"a lighthouse","prompt":"p","engine":"fake","seed":3,"width":4,"height":4,"method":"batch"}],"pngs":["` + b64(testPNG(t, 9)) + `"]}`)
	if _, err := db.pool.Exec(ctx, `INSERT INTO easel_staged_jobs (job_key, body) VALUES ($1, $2)`, "b-9-0", body); err != nil {
		t.Fatal(err)
	}
	r, err := db.RecoverJobs(ctx)
	if err != nil || r.Pending != 1 {
		t.Fatalf("RecoverJobs = %+v, %v; want the staged job kept", r, err)
	}
	arts, pngs, err := db.StagedJob("b-9-0")
	if err != nil || len(arts) != 1 || len(pngs) != 1 || arts[0].ID != "00112233aabbccdd" {
		t.Fatalf("StagedJob = %v, %d, %v", arts, len(pngs), err)
	}
	if err := db.SaveJob(ctx, "b-9-0", arts, pngs); err != nil {
		t.Fatal(err)
	}
	if got, err := db.JobArtworks(ctx, "b-9-0"); err != nil || len(got) != 1 || got[0].ID != "00112233aabbccdd" {
		t.Fatalf("JobArtworks = %v, %v; want the staged artwork, same id", got, err)
	}
	if in, err := db.VerifyJobs(ctx); err != nil || len(in.Problems) != 0 {
		t.Fatalf("VerifyJobs = %+v, %v", in, err)
	}
}

// TestDeleteSharedObject: deleting one of two artworks sharing an object
// keeps the object; deleting the last removes it.
func TestServerJobs(t *testing.T) {
	db := openTest(t)
	ctx := t.Context()
	if err := db.AddServerJob(ctx, ServerJob{ID: "j1", Request: []byte(`{"idea":"x"}`), State: ServerJobQueued, CreatedAt: db.Now()}); err != nil {
		t.Fatal(err)
	}
	if err := db.AddServerJob(ctx, ServerJob{ID: "j2", Request: []byte(`{}`), State: ServerJobRunning, CreatedAt: db.Now()}); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if err := db.AddServerJobArtwork(ctx, "j1", 0, "aa"); err != nil {
			t.Fatal(err)
		}
	}
	db.SetServerJobState(ctx, "j2", "done")
	db.SetServerJobState(ctx, "j2", ServerJobRunning) // ended: stays done
	js, err := db.UnfinishedServerJobs(ctx)
	if err != nil || len(js) != 1 || js[0].ID != "j1" || string(js[0].Request) != `{"idea":"x"}` {
		t.Fatalf("UnfinishedServerJobs = %+v, %v", js, err)
	}
	ids, err := db.ServerJobArtworks(ctx, "j1")
	if err != nil || len(ids) != 1 || ids[0] != "aa" {
		t.Fatalf("ServerJobArtworks = %v, %v", ids, err)
	}
}

func b64(b []byte) string { return base64.StdEncoding.EncodeToString(b) }

// TestGC: an object without a row (a crash between the two) is removed;
// objects rows name are kept.
func TestGC(t *testing.T) {
	db := openTest(t)
	ctx := t.Context()
	kept := jobArtwork("kept")
	if err := db.Add(ctx, kept, testPNG(t, 3)); err != nil {
		t.Fatal(err)
	}
	orphan := testPNG(t, 4)
	key := localdir.Key(orphan)
	if _, err := db.images.Put(ctx, key, orphan); err != nil {
		t.Fatal(err)
	}
	r, err := db.GC(ctx, true)
	if err != nil || r.Objects != 2 || len(r.Orphans) != 1 || r.Orphans[0] != key {
		t.Fatalf("GC dry run = %+v, %v", r, err)
	}
	if _, err := os.Stat(db.images.Path(key)); err != nil {
		t.Fatalf("dry run removed the orphan: %v", err)
	}
	if r, err = db.GC(ctx, false); err != nil || len(r.Orphans) != 1 {
		t.Fatalf("GC = %+v, %v", r, err)
	}
	if _, err := os.Stat(db.images.Path(key)); !os.IsNotExist(err) {
		t.Fatalf("orphan kept: %v", err)
	}
	if in, err := db.VerifyJobs(ctx); err != nil || len(in.Problems) != 0 || in.Objects != 1 {
		t.Fatalf("after GC: %+v, %v", in, err)
	}
}

// TestClaimServerJobs: a live replica's jobs are not taken; a silent
// one's are, each by one replica.
func TestClaimServerJobs(t *testing.T) {
	db := openTest(t)
	ctx := t.Context()
	for _, id := range []string{"a1", "a2", "a3"} {
		if err := db.AddOwnedServerJob(ctx, ServerJob{ID: id, Request: []byte(`{}`), State: ServerJobQueued, CreatedAt: db.Now()}, "A"); err != nil {
			t.Fatal(err)
		}
	}
	if js, err := db.ClaimServerJobs(ctx, "B", time.Minute, 0); err != nil || len(js) != 0 {
		t.Fatalf("claim of a live replica's jobs = %v, %v", js, err)
	}
	db.pool.Exec(ctx, `UPDATE easel_server_jobs SET beat_at = now() - interval '2 minutes'`)
	db.BeatServerJobs(ctx, "nobody")
	b, err := db.ClaimServerJobs(ctx, "B", time.Minute, 2)
	if err != nil || len(b) != 2 || b[0].ID != "a1" {
		t.Fatalf("B claimed %v, %v; want the two oldest", b, err)
	}
	c, err := db.ClaimServerJobs(ctx, "C", time.Minute, 0)
	if err != nil || len(c) != 1 || c[0].ID != "a3" {
		t.Fatalf("C claimed %v, %v; want the one left", c, err)
	}
	if again, _ := db.ClaimServerJobs(ctx, "D", time.Minute, 0); len(again) != 0 {
		t.Fatalf("claimed twice: %v", again)
	}
}

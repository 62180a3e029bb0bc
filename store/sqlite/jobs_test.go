package sqlite

import (
	"bytes"
	"encoding/base64"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/easel-art/easel"
)

// testPNG returns a small PNG that differs by seed.
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

func b64(b []byte) string { return base64.StdEncoding.EncodeToString(b) }

func itoa(n int) string { return strconv.Itoa(n) }

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
	if err != nil || in.Artworks != 1 || in.JobRows != 1 || in.Files != 1 || len(in.Problems) != 0 {
		t.Fatalf("VerifyJobs = %+v, %v", in, err)
	}
}

// TestStagedJobSurvivesACrash plays a kill between staging and the rows:
// the staged pictures are found and saved without making them again.
func TestStagedJobSurvivesACrash(t *testing.T) {
	db := openTest(t)
	ctx := t.Context()
	a := jobArtwork("an owl")
	a.ID = "00000000000000aa"
	png := testPNG(t, 2)
	b := []byte(`{"key":"b-3-0","artworks":[{"id":"00000000000000aa","idea":"an owl","prompt":"an owl","engine":"fake","seed":1,"width":64,"height":64,"method":"batch","cost_usd":0,"elapsed_ms":0,"created_at":"0001-01-01T00:00:00Z","negative_prompt":"","sha256":"","path":""}],"pngs":["` + b64(png) + `"]}`)
	if err := writeAtomicPID(db.stagingPath("b-3-0"), "", b, false); err != nil {
		t.Fatal(err)
	}
	arts, pngs, err := db.StagedJob("b-3-0")
	if err != nil || len(arts) != 1 || string(pngs[0]) != string(png) {
		t.Fatalf("StagedJob = %d artworks, %v", len(arts), err)
	}
	if err := db.SaveJob(ctx, "b-3-0", arts, pngs); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(db.stagingPath("b-3-0")); !os.IsNotExist(err) {
		t.Errorf("staging file left after saving: %v", err)
	}
	got, _ := db.JobArtworks(ctx, "b-3-0")
	if len(got) != 1 || got[0].ID != "00000000000000aa" {
		t.Fatalf("JobArtworks = %+v; want the staged artwork", got)
	}
}

func TestTornStagingFileMeansRunAgain(t *testing.T) {
	db := openTest(t)
	if err := writeAtomicPID(db.stagingPath("b-4-0"), "", []byte(`{"key":"b-4-0","artw`), false); err != nil {
		t.Fatal(err)
	}
	arts, _, err := db.StagedJob("b-4-0")
	if err != nil || arts != nil {
		t.Fatalf("StagedJob of a torn file = %v, %v; want nothing", arts, err)
	}
}

func TestRecoverJobs(t *testing.T) {
	db := openTest(t)
	ctx := t.Context()
	if err := db.SaveJob(ctx, "b-1-0", []*easel.Artwork{jobArtwork("a fox")}, [][]byte{testPNG(t, 3)}); err != nil {
		t.Fatal(err)
	}
	staging := filepath.Join(db.Dir(), "staging")
	// A done job's staging file (the removal was lost to a crash), a
	// pending one, a dead process's temporary file and a live one's.
	os.WriteFile(filepath.Join(staging, "b-1-0.json"), []byte("{}"), 0o644)
	os.WriteFile(filepath.Join(staging, "b-9-0.json"), []byte("{}"), 0o644)
	dead := filepath.Join(staging, tmpPrefix+"999999999-1")
	live := filepath.Join(staging, tmpPrefix+strings.TrimSpace(itoa(os.Getpid()))+"-1")
	os.WriteFile(dead, nil, 0o644)
	os.WriteFile(live, nil, 0o644)
	r, err := db.RecoverJobs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if r.Finished != 1 || r.Pending != 1 || r.TempFiles != 1 {
		t.Fatalf("RecoverJobs = %+v; want 1 finished, 1 pending, 1 temp file", r)
	}
	if _, err := os.Stat(live); err != nil {
		t.Errorf("a live process's temporary file was removed")
	}
	if _, err := os.Stat(dead); !os.IsNotExist(err) {
		t.Errorf("a dead process's temporary file was kept")
	}
}

func TestVerifyJobsFindsStrays(t *testing.T) {
	db := openTest(t)
	os.MkdirAll(filepath.Join(db.Dir(), "images", "ab"), 0o755)
	os.WriteFile(filepath.Join(db.Dir(), "images", "ab", "stray.png"), []byte("x"), 0o644)
	in, err := db.VerifyJobs(t.Context())
	if err != nil || len(in.Problems) != 1 || !strings.Contains(in.Problems[0], "file without artwork") {
		t.Fatalf("VerifyJobs = %+v, %v; want the stray file", in, err)
	}
}

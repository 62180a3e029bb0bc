package server

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/canvas"
	"github.com/easel-art/easel/store/sqlite"
)

const crashChildEnv = "EASEL_SERVER_CRASH_CHILD"

// killerEngine takes its process down in the middle of a render, as a
// picture that exhausts memory would.
type killerEngine struct{ easel.Engine }

func (killerEngine) Render(ctx context.Context, req *easel.RenderRequest) (*easel.RenderResult, error) {
	os.Exit(7)
	return nil, nil
}

// TestJobThatCrashesTheServer: a job whose engine kills the server process
// runs again at the next start (a crash may be chance), but once it has
// taken the process down twice the next start marks it failed instead of
// dying with it at every start.
func TestJobThatCrashesTheServer(t *testing.T) {
	if mode := os.Getenv(crashChildEnv); mode != "" {
		dir, submit, _ := strings.Cut(mode, "|")
		e, stop := startOn(t, dir, killerEngine{canvas.New()}, Options{})
		defer stop()
		if submit == "submit" {
			postJob(t, e, `{"idea":"a fox","size":"96x96"}`)
		}
		time.Sleep(2 * time.Second) // the resumed job, if any, kills us first
		return
	}
	dir := t.TempDir()
	child := func(submit string) int {
		cmd := exec.Command(os.Args[0], "-test.run=^TestJobThatCrashesTheServer$", "-test.count=1")
		cmd.Env = append(os.Environ(), crashChildEnv+"="+dir+"|"+submit)
		out, _ := cmd.CombinedOutput()
		if code := cmd.ProcessState.ExitCode(); code != 7 && code != 0 {
			t.Fatalf("server process: exit %d\n%s", code, out)
		}
		return cmd.ProcessState.ExitCode()
	}
	if code := child("submit"); code != 7 {
		t.Fatalf("the first server did not die running the job: exit %d", code)
	}
	if code := child(""); code != 7 {
		t.Fatalf("the second server did not run the job again: exit %d", code)
	}
	if code := child(""); code != 0 {
		t.Fatalf("the third server ran the job a third time and died: exit %d", code)
	}
	gal, err := sqlite.Open(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer gal.Close()
	if js, _ := gal.UnfinishedServerJobs(t.Context()); len(js) != 0 {
		t.Errorf("still unfinished: %+v", js)
	}
	// And a fourth start has nothing to run: the server stays up.
	e, stop := startOn(t, dir, canvas.New(), Options{})
	defer stop()
	if res, b := e.do(t, "GET", "/api/v1/artworks", nil); res.StatusCode != 200 {
		t.Errorf("after the crashes: %d %s", res.StatusCode, b)
	}
}

// A job stopped by a graceful shutdown is no crash: it runs again at every
// start however often the server is stopped.
func TestShutdownIsNotACrash(t *testing.T) {
	dir := t.TempDir()
	opts := Options{Workers: 1, SoftStop: 10 * time.Millisecond}
	var id string
	for i := range 3 {
		e, stop := startOn(t, dir, &stallEngine{Engine: canvas.New(), free: 0}, opts)
		if i == 0 {
			id = postJob(t, e, `{"idea":"a fox","size":"96x96"}`)
		}
		for deadline := time.Now().Add(10 * time.Second); ; {
			if _, jv := lookupJob(t, e, id); jv.State == StateRunning {
				break
			}
			if time.Now().After(deadline) {
				t.Fatal("the job did not start")
			}
			time.Sleep(5 * time.Millisecond)
		}
		stop()
	}
	gal, err := sqlite.Open(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer gal.Close()
	js, _ := gal.UnfinishedServerJobs(t.Context())
	if len(js) != 1 || js[0].State != StateQueued || js[0].Crashes != 0 {
		t.Errorf("after three shutdowns: %+v; want one queued job, no crashes", js)
	}
}

package main

import (
	"bytes"
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/easel-art/easel/engine/enginetest"
	"github.com/easel-art/easel/engine/stability/stabilitytest"
)

// runCmd runs one command function in-process, as run does once it is
// listed in commands(), and returns the exit code and output.
func runCmd(t *testing.T, cmd func(context.Context, *app, []string) error, env map[string]string, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	a := &app{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb, getenv: func(k string) string { return env[k] }, log: slog.New(slog.DiscardHandler)}
	code := exitOK
	if err := cmd(t.Context(), a, args); err != nil {
		code = exitCode(err)
		errb.WriteString("easel: " + err.Error() + "\n")
	}
	return result{code, out.String(), errb.String()}
}

func TestBatchRunsOnceAndResumes(t *testing.T) {
	env := home(t)
	file := filepath.Join(t.TempDir(), "ideas.txt")
	os.WriteFile(file, []byte("# three jobs\na beach sunset\n--prompt \"a castle at night\" --seed 5 --width 96 --height 64\na {red|blue} fox\n"), 0o644)
	r := runCmd(t, cmdBatch, env, "", file, "--size", "64x64", "--json")
	if r.code != exitOK {
		t.Fatalf("batch: code %d, stderr %s", r.code, r.stderr)
	}
	events := ndjson(t, r.stdout)
	done, sum := 0, map[string]any(nil)
	for _, e := range events {
		switch e["event"] {
		case "done":
			done++
			if e["path"] == "" || e["id"] == "" {
				t.Errorf("done event without path or id: %v", e)
			}
		case "summary":
			sum = e
		}
	}
	if done != 3 || sum == nil || sum["done"] != float64(3) || sum["failed"] != float64(0) {
		t.Fatalf("done events %d, summary %v; want 3 done", done, sum)
	}
	// The same command again: everything is stored and finished.
	r = runCmd(t, cmdBatch, env, "", file, "--size", "64x64")
	if r.code != exitOK || !strings.Contains(r.stderr, "3 stored by an earlier run") || !strings.Contains(r.stdout, "3 of 3 done (0 in this run)") {
		t.Fatalf("rerun: code %d\nstdout %s\nstderr %s", r.code, r.stdout, r.stderr)
	}
	r = runCmd(t, cmdBatch, env, "", "--resume")
	if r.code != exitOK || !strings.Contains(r.stdout, "3 of 3 done") {
		t.Fatalf("--resume: code %d\nstdout %s\nstderr %s", r.code, r.stdout, r.stderr)
	}
}

func TestBatchStdin(t *testing.T) {
	r := runCmd(t, cmdBatch, home(t), "a lighthouse\n", "-", "--size", "64x64")
	if r.code != exitOK || !strings.Contains(r.stdout, "1 of 1 done") {
		t.Fatalf("code %d\nstdout %s\nstderr %s", r.code, r.stdout, r.stderr)
	}
}

func TestBatchBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(bad, []byte("a fox\n--prompt x --cfg_scale 7\n"), 0o644)
	badTemplate := filepath.Join(dir, "tmpl.txt")
	os.WriteFile(badTemplate, []byte("a {red|blue fox\n"), 0o644)
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"unknown option", []string{bad}, exitUsage, "line 2: unknown option --cfg_scale"},
		{"bad template", []string{badTemplate}, exitUsage, "line 1: template"},
		{"no file", nil, exitUsage, "no batch file given"},
		{"missing file", []string{filepath.Join(dir, "nope.txt")}, exitUsage, "cannot read batch file"},
		{"negative budget", []string{bad, "--max-cost", "-2"}, exitUsage, "--max-cost"},
		{"negative rpm", []string{bad, "--rpm", "-1"}, exitUsage, "--rpm"},
		{"zero ipm", []string{bad, "--ipm", "0"}, exitUsage, "--ipm"},
		{"zero concurrency", []string{bad, "--concurrency", "0"}, exitUsage, "--concurrency"},
		{"two files", []string{bad, bad}, exitUsage, "one FILE"},
		{"nothing to resume", []string{"--resume"}, exitUsage, "no batch to resume"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCmd(t, cmdBatch, home(t), "", tt.args...)
			if r.code != tt.code || !strings.Contains(r.stderr, tt.want) {
				t.Fatalf("code %d, stderr %q; want %d and %q", r.code, r.stderr, tt.code, tt.want)
			}
		})
	}
}

// TestBatchBudget walks a catalogue on a paid engine past its budget: the
// jobs not started are reported once, with the way to finish them, and
// the same command with a bigger budget finishes them and reads as done.
func TestBatchBudget(t *testing.T) {
	fk := stabilitytest.New(t, enginetest.FaultNone) // $0.03 a picture
	env := with(t, map[string]string{"STABILITY_API_KEY": stabilitytest.Key, "EASEL_STABILITY_URL": fk.URL()})
	file := filepath.Join(t.TempDir(), "ideas.txt")
	os.WriteFile(file, []byte("a red mug\na blue mug\na green mug\na yellow mug\na white mug\n"), 0o644)

	r := runEasel(t, env, "batch", file, "--engine", "stability", "--max-cost", "0.07", "--concurrency", "1")
	if r.code != exitFailed {
		t.Fatalf("over budget: exit %d; want %d\n%s", r.code, exitFailed, r.stderr)
	}
	if n := fk.Requests(); n != 2 {
		t.Fatalf("%d pictures bought within $0.07 at $0.03; want 2", n)
	}
	if strings.Count(r.stderr, "not started") != 2 || !strings.Contains(r.stderr, "lines ") || !strings.Contains(r.stderr, "bigger --max-cost") {
		t.Errorf("want one line for the 3 jobs not started and the way to finish them:\n%s", r.stderr)
	}

	r = runEasel(t, env, "batch", file, "--engine", "stability", "--max-cost", "1")
	if r.code != exitOK || !strings.Contains(r.stdout, "5 of 5 done (3 in this run), 0 failed, 0 not started") {
		t.Fatalf("bigger budget: exit %d\nstdout %s\nstderr %s", r.code, r.stdout, r.stderr)
	}
	if n := fk.Requests(); n != 5 {
		t.Fatalf("%d pictures bought in all; want 5: none twice", n)
	}
}

func TestLineList(t *testing.T) {
	for _, tc := range []struct {
		lines []int
		want  string
	}{
		{[]int{4}, "line 4"},
		{[]int{2, 3}, "lines 2 and 3"},
		{[]int{2, 3, 5}, "lines 2, 3 and 5"},
		{[]int{1, 2, 3, 4, 5, 6, 7, 8, 9}, "lines 1, 2, 3, 4, 5, 6, 7, 8 and 9"},
		{[]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, "lines 1, 2, 3, 4, 5, 6, 7, 8 and 3 more"},
	} {
		if got := lineList(tc.lines); got != tc.want {
			t.Errorf("lineList(%v) = %q; want %q", tc.lines, got, tc.want)
		}
	}
}

// TestBatchResumeFileWithoutItsOptions checks easel batch FILE --resume
// typed without the options the batch ran with: it resumes the file's
// batch instead of starting another one on the default engine.
func TestBatchResumeFileWithoutItsOptions(t *testing.T) {
	fk := stabilitytest.New(t, enginetest.FaultNone)
	env := with(t, map[string]string{"STABILITY_API_KEY": stabilitytest.Key, "EASEL_STABILITY_URL": fk.URL()})
	file := filepath.Join(t.TempDir(), "ideas.txt")
	os.WriteFile(file, []byte("a red mug\na blue mug\n"), 0o644)
	if r := runEasel(t, env, "batch", file, "--engine", "stability"); r.code != exitOK {
		t.Fatalf("batch: exit %d: %s", r.code, r.stderr)
	}
	r := runEasel(t, env, "batch", file, "--resume")
	if r.code != exitOK || !strings.Contains(r.stderr, "resuming batch") || !strings.Contains(r.stdout, "2 of 2 done (0 in this run)") {
		t.Fatalf("--resume without --engine: exit %d\nstdout %s\nstderr %s", r.code, r.stdout, r.stderr)
	}
	if r := runEasel(t, env, "gallery", "list", "--json"); len(ndjson(t, r.stdout)) != 2 || fk.Requests() != 2 {
		t.Errorf("gallery %s, %d engine calls; want the 2 stability pictures only", r.stdout, fk.Requests())
	}
	other := filepath.Join(t.TempDir(), "other.txt")
	os.WriteFile(other, []byte("a green mug\n"), 0o644)
	if r := runEasel(t, env, "batch", other, "--resume"); r.code != exitUsage || !strings.Contains(r.stderr, "without --resume") {
		t.Errorf("--resume of a file never run: exit %d, %s", r.code, r.stderr)
	}
}

package main

import (
	"bytes"
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
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

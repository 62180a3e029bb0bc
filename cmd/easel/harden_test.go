package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/imageio"
	"github.com/easel-art/easel/imageio/imageiotest"
	"github.com/easel-art/easel/internal/proctest"
	"github.com/easel-art/easel/verb"
)

// bombWithParameters is the pixel bomb: a PNG of a few hundred
// bytes declaring 100000×100000 pixels, carrying AUTOMATIC1111 parameters
// so vary and reproduce take it for a real picture.
func bombWithParameters() []byte {
	p := imageiotest.PNGBomb(100000, 100000)
	var b bytes.Buffer
	b.Write(p[:8+25]) // signature and IHDR
	imageiotest.Chunk(&b, "tEXt", []byte("parameters\x00a red fox in snow\nSteps: 20, Sampler: Euler a, CFG scale: 7, Seed: 42, Size: 512x512, Model: sd_xl_base_1.0"))
	b.Write(p[8+25:])
	return b.Bytes()
}

// TestPixelBombCLI sends the bomb through every CLI decode path, in a
// child process whose peak memory is measured: reproduce and vary of the
// file refuse it, info reads its metadata without decoding, and a gallery
// file replaced by it is skipped by gallery sheet and not compared by
// reproduce.
func TestPixelBombCLI(t *testing.T) {
	rss := proctest.InChild(t, func(t *testing.T) {
		env := home(t)
		bomb := filepath.Join(t.TempDir(), "bomb.png")
		os.WriteFile(bomb, bombWithParameters(), 0o644)
		for _, cmd := range []string{"reproduce", "vary"} {
			r := runLineage(t, env, cmd, bomb, "--engine", "builtin")
			if r.code != exitUsage || !strings.Contains(r.stderr, "megapixel budget") {
				t.Errorf("%s of the bomb: exit %d, %s", cmd, r.code, r.stderr)
			}
		}
		if r := runEasel(t, env, "info", bomb); r.code != 0 || !strings.Contains(r.stdout, "red fox") {
			t.Errorf("info of the bomb: exit %d, %s %s", r.code, r.stdout, r.stderr)
		}
		a := imagineOne(t, env, "a beach sunset", "--size", "128x96")
		imagineOne(t, env, "a fox", "--size", "128x96")
		if err := os.WriteFile(a["path"].(string), imageiotest.PNGBomb(100000, 100000), 0o644); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(t.TempDir(), "sheet.png")
		r := runEasel(t, env, "gallery", "sheet", "-o", out)
		if r.code != 0 || !strings.Contains(r.stderr, "skipping") || !strings.Contains(r.stdout, "(1 picture)") {
			t.Errorf("sheet with a bomb in the gallery: exit %d, %s %s", r.code, r.stdout, r.stderr)
		}
		// reproduce compares the original's pixels with the new picture's.
		small, _ := readInput(out, 0, "sheet")
		if small == nil {
			t.Fatal("no sheet to compare with")
		}
		if same, ok := verb.SamePicture(imageiotest.PNGBomb(100000, 100000), small); same || ok {
			t.Errorf("samePicture(bomb, picture) = %v, %v; want not compared", same, ok)
		}
	})
	if rss > 200<<20 {
		t.Errorf("peak RSS %d MB; want under 200", rss>>20)
	}
	t.Logf("peak RSS %d MB", rss>>20)
}

// TestDevZeroRefused: every command that reads a named file refuses a
// device at once instead of reading it forever.
func TestDevZeroRefused(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	env := home(t)
	fifo := filepath.Join(t.TempDir(), "picture.png")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"info", fifo}, // no writer ever comes: a blocking open would hang
		{"vary", fifo},
		{"info", "/dev/zero"},
		{"vary", "/dev/zero"},
		{"reproduce", "/dev/zero"},
		{"batch", "/dev/zero"},
		{"render", "/dev/zero"},
		{"styles", "import", "/dev/zero"},
	} {
		done := make(chan result, 1)
		go func() { done <- runLineage(t, env, args...) }()
		select {
		case r := <-done:
			if r.code != exitUsage || !strings.Contains(r.stderr, "not a regular file") {
				t.Errorf("%v: exit %d, %s", args, r.code, r.stderr)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%v did not return within 5 s", args)
		}
	}
}

// TestSheetPixelBound: a sheet whose canvas would be over the pixel
// budget is refused before any picture is read; more columns than
// pictures do not widen the sheet.
func TestSheetPixelBound(t *testing.T) {
	rss := proctest.InChild(t, func(t *testing.T) {
		env := home(t)
		for _, idea := range []string{"a beach sunset", "a fox", "a castle"} {
			imagineOne(t, env, idea, "--size", "128x96")
		}
		out := filepath.Join(t.TempDir(), "sheet.png")
		if r := runEasel(t, env, "gallery", "sheet", "-o", out, "--columns", "100000", "--json"); r.code != 0 || !strings.Contains(r.stdout, `"count":3`) {
			t.Errorf("--columns 100000: exit %d, %s %s", r.code, r.stdout, r.stderr)
		}
		t.Setenv(imageio.EnvMaxPixels, "2000000")
		r := runEasel(t, env, "gallery", "sheet", "-o", out, "--limit", "10000", "--cell", "1024")
		if r.code != exitUsage || !strings.Contains(r.stderr, "--cell") {
			t.Errorf("a sheet over the budget: exit %d, %s", r.code, r.stderr)
		}
	})
	if rss > 200<<20 {
		t.Errorf("peak RSS %d MB; want under 200", rss>>20)
	}
}

// firstLines is a stdout that cancels the run once it has seen n lines.
type firstLines struct {
	mu     sync.Mutex
	buf    bytes.Buffer
	n      int
	cancel func()
}

func (w *firstLines) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	if bytes.Count(w.buf.Bytes(), []byte("\n")) >= w.n {
		w.cancel()
	}
	return len(p), nil
}

// TestTemplateStreams: `easel template -n 1000000000` prints its first
// prompts at once instead of expanding everything (twice) first, and stops
// on Ctrl-C.
func TestTemplateStreams(t *testing.T) {
	env := home(t)
	for _, mode := range []string{"random", "combinatorial"} {
		ctx, cancel := context.WithCancel(t.Context())
		out := &firstLines{n: 1000, cancel: cancel}
		var errb bytes.Buffer
		done := make(chan int, 1)
		go func() {
			done <- run(ctx, []string{"template", "--mode", mode, "-n", "1000000000", "{a|b|c|d|e|f|g|h} {1|2|3|4|5|6|7|8|9} {x|y|z|w|v|u|t|s} {p|q|r|s|t|u|v|w} {@k|l|m|n|o|p|q|r}"},
				strings.NewReader(""), out, &errb, func(k string) string { return env[k] })
		}()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			t.Fatalf("%s: no 1000 lines within 20 s: the listing does not stream", mode)
		}
		if out.buf.Len() == 0 {
			t.Errorf("%s: printed nothing; stderr %s", mode, errb.String())
		}
	}
}

// TestControlCharactersEscaped: escape sequences and carriage returns in
// an idea, PNG metadata or a style name never reach the terminal raw;
// --json keeps the text exact.
func TestControlCharactersEscaped(t *testing.T) {
	env := home(t)
	hostile := "a fox\x1b]0;pwned\x07\x1b[2J\r\nrm -rf \u009b31m\u202eevil"
	raw := func(s string) bool {
		return strings.ContainsAny(s, "\x1b\r\x07\u009b\u202e")
	}
	r := runEasel(t, env, "imagine", hostile, "--size", "64x64", "--json")
	if r.code != 0 {
		t.Fatalf("imagine: %d %s", r.code, r.stderr)
	}
	obj := ndjson(t, r.stdout)[0]
	if obj["idea"] != hostile {
		t.Errorf("--json changed the idea: %q", obj["idea"])
	}
	id, path := obj["id"].(string), obj["path"].(string)
	for _, args := range [][]string{
		{"gallery", "show", id}, {"gallery", "list"}, {"gallery", "search", "fox"}, {"info", path},
		{"template", "x {a\x1b[2J|b}"},
	} {
		r := runEasel(t, env, args...)
		if r.code != 0 {
			t.Errorf("%q: exit %d %s", args, r.code, r.stderr)
		}
		if raw(r.stdout) || raw(r.stderr) {
			t.Errorf("%q printed control characters raw:\n%q\n%q", args, r.stdout, r.stderr)
		}
	}
	if r := runEasel(t, env, "gallery", "show", id); !strings.Contains(r.stdout, `\x1b]0;pwned\a`) || strings.Count(r.stdout, "\nprompt:") != 1 {
		t.Errorf("gallery show:\n%s", r.stdout)
	}
	if r := runEasel(t, env, "info", path, "--json"); !strings.Contains(r.stdout, `\u001b]0;pwned`) {
		t.Errorf("info --json is not exact JSON:\n%s", r.stdout)
	}
	csv := filepath.Join(t.TempDir(), "styles.csv")
	os.WriteFile(csv, []byte("name,prompt,negative_prompt\n\"evil\x1b[31m\",\"{prompt}, red\",\n"), 0o644)
	if r := runEasel(t, env, "styles", "import", csv); r.code != 0 || raw(r.stdout+r.stderr) {
		t.Errorf("styles import: exit %d %q %q", r.code, r.stdout, r.stderr)
	}
	if r := runEasel(t, env, "styles", "list"); raw(r.stdout) || !strings.Contains(r.stdout, `evil\x1b[31m`) {
		t.Errorf("styles list printed %q", r.stdout)
	}
	// An error naming hostile input does not print it raw either.
	for _, args := range [][]string{{"gallery", "show", "ab\x1b[2Jcd"}, {"info", "/tmp/no\x1b[2J\r.png"}, {"vary", "/tmp/no\x1b[2J\r.png"}} {
		if r := runEasel(t, env, args...); r.code == 0 || raw(r.stderr) {
			t.Errorf("error line of %q: exit %d %q", args, r.code, r.stderr)
		}
	}
}

type panicReader struct{}

func (panicReader) Read([]byte) (int, error) { panic("a reader gave up") }

// TestCrashIsNotExitCode2: a panic is reported as a bug with exit 1; exit 2
// stays the code of bad input, so a script cannot take one for the other.
func TestCrashIsNotExitCode2(t *testing.T) {
	env := home(t)
	var out, errb bytes.Buffer
	code := run(t.Context(), []string{"batch", "-"}, panicReader{}, &out, &errb, func(k string) string { return env[k] })
	if code != exitFailed || !strings.Contains(errb.String(), "internal error") || !strings.Contains(errb.String(), "a reader gave up") {
		t.Errorf("exit %d, %s", code, errb.String())
	}
}

// TestLongErrorLines: an error about a huge input is cut to what a person
// reads, keeping where the problem is.
func TestLongErrorLines(t *testing.T) {
	env := home(t)
	csv := filepath.Join(t.TempDir(), "styles.csv")
	os.WriteFile(csv, []byte(strings.Repeat("column,", 100000)+"\nx,y\n"), 0o644)
	r := runEasel(t, env, "styles", "import", csv)
	if r.code != exitUsage || len(r.stderr) > 600 || !strings.Contains(r.stderr, "line 1") {
		t.Errorf("styles import of a 700 KB header: exit %d, %d bytes: %.300s", r.code, len(r.stderr), r.stderr)
	}
	if got := cutLine(strings.Repeat("a", 5000)+" fix: do this", 400); len(got) > 500 || !strings.HasSuffix(got, "fix: do this") || !strings.Contains(got, "characters cut") {
		t.Errorf("cutLine = %q", got)
	}
}

// TestMinorRefusals: values that were silently taken for something else
// are refused with the fix.
func TestMinorRefusals(t *testing.T) {
	env := home(t)
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"imagine", "a fox", "--seed", "-2"}, exitUsage, "--seed -2"},
		{[]string{"template", "a {b|c}", "--seed", "-7"}, exitUsage, "--seed -7"},
		{[]string{"gallery", "list", "--data-dir", ""}, exitUsage, "--data-dir is empty"},
		{[]string{"imagine", "a fox", "--data-dir", "  "}, exitUsage, "--data-dir is empty"},
	} {
		if r := runEasel(t, env, c.args...); r.code != c.code || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%q: exit %d %s; want %d and %q", c.args, r.code, r.stderr, c.code, c.want)
		}
	}
	if r := runEasel(t, env, "imagine", "a fox", "--seed", "-1", "--size", "64x64"); r.code != 0 {
		t.Errorf("--seed -1: exit %d %s", r.code, r.stderr)
	}
	for _, tok := range []string{"x", "   ", "short-token-123", " padded-but-long-enough-token "} {
		env := home(t)
		env["EASEL_TOKEN"] = tok
		if r := runEasel(t, env, "serve", "--addr", "127.0.0.1:0"); r.code != exitConfig || !strings.Contains(r.stderr, "at least 16") {
			t.Errorf("EASEL_TOKEN=%q: exit %d %s", tok, r.code, r.stderr)
		}
	}
}

type codedErr int

func (c codedErr) Error() string { return fmt.Sprintf("sqlite error %d", int(c)) }
func (c codedErr) Code() int     { return int(c) }

// TestExplainNamesTheFix: a damaged database and a full disk are errors
// that say what to do.
func TestExplainNamesTheFix(t *testing.T) {
	for _, c := range []struct {
		err  error
		want string
	}{
		{fmt.Errorf("save image: %w", &os.PathError{Op: "write", Path: "/data/images/ab/.tmp-1", Err: syscall.ENOSPC}), "free some space"},
		{fmt.Errorf("save artwork: %w", codedErr(13)), "free some space"},
		{fmt.Errorf("list artworks: %w", codedErr(11)), "run easel doctor"},
		{fmt.Errorf("open gallery: %w", codedErr(26)), "run easel doctor"},
		{fmt.Errorf("open gallery: %w", codedErr(11|2<<8)), "run easel doctor"}, // an extended code
	} {
		got := explain(c.err)
		if !strings.Contains(easel.ErrorMessage(got), c.want) || exitCode(got) != exitFailed {
			t.Errorf("explain(%v) = %q (exit %d); want %q", c.err, easel.ErrorMessage(got), exitCode(got), c.want)
		}
	}
	if err := errors.New("other"); explain(err) != err {
		t.Error("explain changed an unrelated error")
	}
}

const crashChildEnv = "EASEL_TEST_CRASH_CHILD"

// TestFatalCrashIsNotExitCode2: a panic in another goroutine, which no
// recover can catch, ends easel with SIGABRT, not Go's exit status 2.
func TestFatalCrashIsNotExitCode2(t *testing.T) {
	if os.Getenv(crashChildEnv) != "" {
		syscall.Setrlimit(syscall.RLIMIT_CORE, &syscall.Rlimit{}) // no core file
		crashLoudly()
		go func() { panic("a worker gave up") }()
		time.Sleep(5 * time.Second)
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestFatalCrashIsNotExitCode2$")
	cmd.Env = append(os.Environ(), crashChildEnv+"=1", "GOTRACEBACK=")
	out, _ := cmd.CombinedOutput()
	st := cmd.ProcessState
	if st.ExitCode() == 2 || !strings.Contains(string(out), "a worker gave up") {
		t.Fatalf("exit %d (%v):\n%.500s", st.ExitCode(), st, out)
	}
	if ws, ok := st.Sys().(syscall.WaitStatus); ok && !(ws.Signaled() && ws.Signal() == syscall.SIGABRT) {
		t.Errorf("ended with %v; want SIGABRT", st)
	}
}

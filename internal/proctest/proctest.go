// Package proctest runs a test again in a child process, to measure what
// it costs (peak memory) and to survive what would kill the test binary.
package proctest

import (
	"os"
	"os/exec"
	"regexp"
	"strings"
	"syscall"
	"testing"
)

const childEnv = "EASEL_PROCTEST_CHILD"

// InChild runs fn in a new process of this test binary, running only the
// calling test, and returns that process's peak resident memory in bytes
// (0 inside the child). A child that crashes or whose fn fails fails t, so
// a decode that dies of out-of-memory is a failure, not a lost test run.
// Use it to measure what a hostile input costs:
//
//	if rss := proctest.InChild(t, func(t *testing.T) { ... }); rss > 200<<20 { t.Errorf(...) }
func InChild(t *testing.T, fn func(t *testing.T)) int64 {
	t.Helper()
	if os.Getenv(childEnv) == t.Name() {
		fn(t)
		return 0
	}
	parts := strings.Split(t.Name(), "/")
	for i, p := range parts {
		parts[i] = "^" + regexp.QuoteMeta(p) + "$"
	}
	cmd := exec.Command(os.Args[0], "-test.run="+strings.Join(parts, "/"), "-test.v", "-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"="+t.Name())
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS") {
		t.Fatalf("child process failed (%v):\n%s", err, tail(string(out), 3000))
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		return ru.Maxrss * 1024 // kilobytes on Linux
	}
	t.Skip("peak memory is not reported on this system")
	return 0
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

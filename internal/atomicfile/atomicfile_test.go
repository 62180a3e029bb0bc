package atomicfile

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a", "b.png")
	for _, data := range []string{"first", "second"} {
		if err := Write(path, []byte(data), Options{}); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(path)
		if err != nil || string(got) != data {
			t.Fatalf("read %q, %v; want %q", got, err, data)
		}
	}
	ents, _ := os.ReadDir(filepath.Dir(path))
	if len(ents) != 1 {
		t.Fatalf("%d files left in the directory; want only the file", len(ents))
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o644 {
		t.Fatalf("mode %v; want 0644", st.Mode().Perm())
	}
}

func TestWriteFailsLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	// A directory where the file should go: the rename fails.
	path := filepath.Join(dir, "x")
	if err := os.MkdirAll(filepath.Join(path, "inside"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, []byte("data"), Options{NoSync: true}); err == nil {
		t.Fatal("Write over a non-empty directory succeeded")
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 {
		t.Fatalf("%d entries left; want only the directory", len(ents))
	}
}

func TestPID(t *testing.T) {
	me := strconv.Itoa(os.Getpid())
	tests := []struct {
		name string
		pid  int
		ok   bool
	}{
		{".tmp-job-" + me + "-123", os.Getpid(), true},
		{".tmp-job-x-1", 0, false},
		{".tmp-job-12", 0, false},
		{"other-12-3", 0, false},
	}
	for _, tt := range tests {
		pid, ok := PID(tt.name, ".tmp-job-")
		if pid != tt.pid || ok != tt.ok {
			t.Errorf("PID(%q) = %d, %v; want %d, %v", tt.name, pid, ok, tt.pid, tt.ok)
		}
	}
}

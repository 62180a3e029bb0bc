package canvas

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestBodyPlansGenerated checks that the checked-in bodyplans.txt is what
// go generate makes from WordNet (internal/bodygen), where Debian's
// wordnet-base is installed (.ci/run installs it); elsewhere it skips.
func TestBodyPlansGenerated(t *testing.T) {
	if _, err := os.Stat("/usr/share/wordnet/data.noun"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("wordnet-base is not installed: .ci/run installs it")
		}
		t.Skip("wordnet-base is not installed")
	}
	out := filepath.Join(t.TempDir(), "bodyplans.txt")
	cmd := exec.Command("go", "run", "./internal/bodygen", "-wordnet", "/usr/share/wordnet", "-out", out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("bodygen: %v\n%s", err, msg)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("bodyplans.txt")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Error("bodyplans.txt differs from what go generate makes: run go generate ./engine/canvas")
	}
}

package lexical

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestGenerated checks that the checked-in tables are what the generator
// makes from WordNet, where Debian's wordnet-base is installed (apt-get
// install wordnet-base, as .ci/run does); elsewhere it skips.
func TestGenerated(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the generator over all of WordNet")
	}
	if _, err := os.Stat("/usr/share/wordnet/data.noun"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("wordnet-base is not installed: .ci/run installs it")
		}
		t.Skip("wordnet-base is not installed")
	}
	dir := t.TempDir()
	cmd := exec.Command("go", "run", "./internal/wngen", "-wordnet", "/usr/share/wordnet", "-out", dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("wngen: %v\n%s", err, out)
	}
	for _, f := range []string{"words.txt", "forms.txt", "prefixes.txt", "rooms.txt"} {
		got, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Errorf("%s differs from what go generate makes: run go generate ./lexical", f)
		}
	}
}

package canvas

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/easel-art/easel/lexical"
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

// TestPlanFamily: a critter's body plan holds where WordNet files the noun
// under the category of the plan's own word, whatever sense the Scene
// took; every plan's word has an animal's category in WordNet.
func TestPlanFamily(t *testing.T) {
	for pl := range planCritters {
		if e, ok := lexical.Lookup(pl); !ok || lexical.Family(e.Category()) != "mammal" {
			t.Errorf("plan %q: WordNet's category %q is no animal's", pl, e.Category())
		}
	}
	for _, c := range []struct {
		noun, plan string
		want       bool
	}{
		{"beetle", "beetle", true}, {"weevils", "beetle", true}, {"snail", "snail", true},
		{"turtle", "turtle", true}, {"tarantula", "spider", true},
		{"rocket", "snake", false}, {"zorblax", "ant", false},
	} {
		if got := planFamily(c.noun, c.plan); got != c.want {
			t.Errorf("planFamily(%q, %q) = %v, want %v", c.noun, c.plan, got, c.want)
		}
	}
}

package promptllm

import (
	"os/exec"
	"strings"
	"testing"
)

// TestLightDependencies keeps the LLM prompt writer free of the queue's
// databases: it retries through the retry leaf package, not queue/.
func TestLightDependencies(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	for _, pkg := range []string{".", "../../retry"} {
		out, err := exec.Command(gobin, "list", "-deps", pkg).Output()
		if err != nil {
			t.Fatalf("go list -deps %s: %v", pkg, err)
		}
		for _, dep := range strings.Fields(string(out)) {
			for _, heavy := range []string{"github.com/riverqueue/", "github.com/jackc/pgx", "modernc.org/sqlite", "github.com/easel-art/easel/queue"} {
				if strings.HasPrefix(dep, heavy) {
					t.Errorf("%s depends on %s", pkg, dep)
				}
			}
		}
	}
}

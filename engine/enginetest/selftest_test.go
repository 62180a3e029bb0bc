package enginetest_test

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/enginetest"
)

// broken is a Fake with one defect, chosen by name.
type broken struct {
	enginetest.Fake
	defect string
	calls  int
}

func (b *broken) Render(ctx context.Context, req *easel.RenderRequest) (*easel.RenderResult, error) {
	b.calls++ // counts calls that reach the "service", even impossible ones
	res, err := b.Fake.Render(ctx, req)
	switch b.defect {
	case "short":
		if err == nil && len(res.Images) > 0 {
			res.Images = res.Images[:len(res.Images)-1]
		}
	case "misclassify":
		if easel.ErrorCode(err) == easel.ERATELIMIT {
			err = easel.Errorf(easel.EUNAVAILABLE, "busy")
		}
	case "leak":
		if err != nil {
			err = easel.Errorf(easel.ErrorCode(err), "failed with key sk-leaky-123: %v", err)
		}
	}
	return res, err
}

// TestSuiteCatchesDefects runs the suite, in a child process, against
// engines with one defect each, and checks that it fails with the
// matching complaint: a suite that cannot fail proves nothing.
func TestSuiteCatchesDefects(t *testing.T) {
	if d := os.Getenv("ENGINETEST_DEFECT"); d != "" {
		enginetest.Run(t,
			func(t *testing.T) easel.Engine { return &broken{defect: d} },
			enginetest.WithFaults(func(t *testing.T, f enginetest.Fault) easel.Engine {
				return &broken{defect: d, Fake: enginetest.Fake{Fault: f}}
			}),
			enginetest.WithRequests(func(e easel.Engine) int { return e.(*broken).calls }),
			enginetest.WithSecret("sk-leaky-123"),
		)
		return
	}
	if testing.Short() {
		t.Skip("runs child processes")
	}
	tests := map[string]string{
		"short":       "got 0 images; want 1",
		"misclassify": `want "rate_limit"`,
		"leak":        "contains a secret",
		"calls":       "made 1 request(s) before refusing",
	}
	for defect, want := range tests {
		t.Run(defect, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestSuiteCatchesDefects$")
			cmd.Env = append(os.Environ(), "ENGINETEST_DEFECT="+defect)
			out, err := cmd.CombinedOutput()
			if err == nil {
				t.Fatalf("the suite passed an engine with defect %q", defect)
			}
			if !strings.Contains(string(out), want) {
				t.Errorf("the suite failed without saying %q:\n%s", want, out)
			}
		})
	}
}

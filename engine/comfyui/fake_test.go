package comfyui

import (
	"testing"
	"time"

	"github.com/easel-art/easel/engine/comfyui/comfyuitest"
	"github.com/easel-art/easel/engine/enginetest"
)

// The fake server lives in comfyuitest, so the CLI's end-to-end tests can
// use it too; these helpers connect a Client to it.

func newFake(t *testing.T, f enginetest.Fault) *comfyuitest.Server { return comfyuitest.New(t, f) }

// client returns a Client of fk that polls quickly and gives up on a
// history that stays empty after two seconds.
func client(t *testing.T, fk *comfyuitest.Server, cfg Config) *Client {
	t.Helper()
	cfg.URL = fk.URL()
	cfg.PollInterval = 5 * time.Millisecond
	cfg.HistoryTimeout = 2 * time.Second
	c, err := New(cfg, fk.Client())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

package runway

import (
	"testing"
	"time"

	"github.com/easel-art/easel/engine/enginetest"
	"github.com/easel-art/easel/engine/runway/runwaytest"
)

// The fake service lives in runwaytest, so the CLI's end-to-end tests can
// use it too; these helpers connect a Client to it.

const testKey = runwaytest.Key

func newFake(t *testing.T, f enginetest.Fault) *runwaytest.Server { return runwaytest.New(t, f) }

// client returns a Client of fk that polls quickly, with the fake's key
// unless cfg has one.
func client(t *testing.T, fk *runwaytest.Server, cfg Config) *Client {
	t.Helper()
	if cfg.APIKey == "" {
		cfg.APIKey = testKey
	}
	cfg.BaseURL = fk.URL()
	cfg.PollInterval = 2 * time.Millisecond
	c, err := New(cfg, fk.Client())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

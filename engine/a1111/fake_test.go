package a1111

import (
	"testing"
	"time"

	"github.com/easel-art/easel/engine/a1111/a1111test"
	"github.com/easel-art/easel/engine/enginetest"
)

// The fake web UI lives in a1111test, so the CLI's end-to-end tests can
// use it too; these helpers connect a Client to it.

func newFake(t *testing.T, f enginetest.Fault) *a1111test.Server { return a1111test.New(t, f) }

// client returns a Client of fk (with its credentials, if any) that polls
// progress quickly.
func client(t *testing.T, fk *a1111test.Server, cfg Config) *Client {
	t.Helper()
	cfg.URL = fk.URL()
	cfg.PollInterval = 5 * time.Millisecond
	c, err := New(cfg, fk.Client())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

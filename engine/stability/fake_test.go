package stability

import (
	"testing"

	"github.com/easel-art/easel/engine/enginetest"
	"github.com/easel-art/easel/engine/stability/stabilitytest"
)

// The fake service lives in stabilitytest, so the CLI's end-to-end tests
// can use it too; these helpers connect a Client to it.

const testKey = stabilitytest.Key

func newFake(t *testing.T, f enginetest.Fault) *stabilitytest.Server {
	return stabilitytest.New(t, f)
}

// client returns a Client of fk, with the fake's key unless cfg has one.
func client(t *testing.T, fk *stabilitytest.Server, cfg Config) *Client {
	t.Helper()
	if cfg.APIKey == "" {
		cfg.APIKey = testKey
	}
	cfg.BaseURL = fk.URL()
	c, err := New(cfg, fk.Client())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

package enginetest_test

import (
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/enginetest"
)

func TestFake(t *testing.T) {
	enginetest.Run(t,
		func(t *testing.T) easel.Engine { return &enginetest.Fake{} },
		enginetest.WithFaults(func(t *testing.T, f enginetest.Fault) easel.Engine { return &enginetest.Fake{Fault: f} }),
		enginetest.WithRequests(func(e easel.Engine) int { return len(e.(*enginetest.Fake).Requests()) }),
	)
}

func TestFakeLocalDeterministic(t *testing.T) {
	enginetest.Run(t, func(t *testing.T) easel.Engine {
		return &enginetest.Fake{Caps: easel.Capabilities{Seed: true, Local: true, DefaultModel: "m", Models: []string{"m"}}}
	})
}

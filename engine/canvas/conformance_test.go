package canvas

import (
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/enginetest"
)

// TestConformance runs the suite every engine runs: the built-in canvas
// keeps the same contract as the remote engines.
func TestConformance(t *testing.T) {
	enginetest.Run(t, func(t *testing.T) easel.Engine { return New() })
}

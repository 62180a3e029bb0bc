package builtin_test

import (
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/prompt/builtin"
	"github.com/easel-art/easel/prompt/writertest"
)

// TestConformance runs the PromptWriter conformance suite; the built-in
// writer claims determinism, so the suite holds it to that too.
func TestConformance(t *testing.T) {
	writertest.Run(t, func(t *testing.T) easel.PromptWriter { return builtin.New() }, writertest.Deterministic())
}

package localdir

import (
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/store/imagestoretest"
)

func TestConformance(t *testing.T) {
	imagestoretest.Run(t, func(t *testing.T) easel.ImageStore { return New(t.TempDir()) })
}

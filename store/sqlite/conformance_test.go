package sqlite

import (
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/store/gallerytest"
)

func TestGalleryConformance(t *testing.T) {
	gallerytest.Run(t, func(t *testing.T) easel.Gallery { return openTest(t) })
}

func TestSearchTable(t *testing.T) { gallerytest.RunSearchTable(t, openTest(t)) }

package sqlite

import (
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/store/gallerytest"
	"github.com/easel-art/easel/store/jobstoretest"
)

func TestGalleryConformance(t *testing.T) {
	gallerytest.Run(t, func(t *testing.T) easel.Gallery { return openTest(t) })
}

func TestSearchTable(t *testing.T) { gallerytest.RunSearchTable(t, openTest(t)) }

func TestJobStoreConformance(t *testing.T) {
	jobstoretest.Run(t, func(t *testing.T) jobstoretest.Store { return openTest(t) })
}

package postgres

import (
	"testing"

	"github.com/easel-art/easel/internal/pgtest"
)

// testURL returns a database URL whose search_path is a new, empty schema,
// dropped when the test ends, so tests (and packages run at once) never
// share tables. Without EASEL_TEST_POSTGRES (.ci/run sets it after
// starting PostgreSQL) the test is skipped, and under CI=true it fails.
func testURL(t *testing.T) string { t.Helper(); return pgtest.Schema(t, "easel_t_") }

// openTest opens a gallery in a new schema with its images in a temporary directory.
func openTest(t *testing.T) *DB {
	t.Helper()
	db, err := Open(t.Context(), testURL(t), DirImages{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

package postgres

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

// testURL returns a database URL whose search_path is a new, empty schema,
// dropped when the test ends, so tests (and packages run at once) never
// share tables. Without EASEL_TEST_POSTGRES (.ci/run sets it after
// starting PostgreSQL) the test is skipped, and under CI=true it fails.
func testURL(t *testing.T) string {
	t.Helper()
	base := os.Getenv("EASEL_TEST_POSTGRES")
	if base == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("EASEL_TEST_POSTGRES is not set: .ci/run starts PostgreSQL and sets it")
		}
		t.Skip("EASEL_TEST_POSTGRES is not set (.ci/run sets it after starting PostgreSQL)")
	}
	var b [6]byte
	rand.Read(b[:])
	schema := "easel_t_" + hex.EncodeToString(b[:])
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("connect to EASEL_TEST_POSTGRES: %v", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, `CREATE SCHEMA `+schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if c, err := pgx.Connect(ctx, base); err == nil {
			c.Exec(ctx, `DROP SCHEMA `+schema+` CASCADE`)
			c.Close(ctx)
		}
	})
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	return base + sep + "search_path=" + schema
}

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

// Package pgtest gives tests their PostgreSQL database, by one rule: the
// URL is EASEL_TEST_POSTGRES (.ci/run starts PostgreSQL and sets it);
// without it a test is skipped, and under CI=true it fails, since CI must
// run it.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

// Var names the test database's URL.
const Var = "EASEL_TEST_POSTGRES"

// URL returns the test database's URL, skipping tb without one (failing
// it under CI=true).
func URL(tb testing.TB) string {
	tb.Helper()
	url := os.Getenv(Var)
	if url == "" {
		if os.Getenv("CI") == "true" {
			tb.Fatal(Var + " is not set under CI=true: .ci/run starts PostgreSQL and sets it")
		}
		tb.Skip(Var + " is not set (.ci/run sets it after starting PostgreSQL)")
	}
	return url
}

// Schema returns URL(tb) with a new, empty schema first in its
// search_path, dropped when the test ends, so tests (and packages run at
// once) never share tables. prefix starts the schema's name.
func Schema(tb testing.TB, prefix string) string {
	tb.Helper()
	base := URL(tb)
	var b [6]byte
	rand.Read(b[:])
	schema := prefix + hex.EncodeToString(b[:])
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		tb.Fatalf("connect to %s: %v", Var, err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, `CREATE SCHEMA `+schema); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
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

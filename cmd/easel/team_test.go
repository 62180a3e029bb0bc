package main

import (
	"strings"
	"testing"

	"github.com/easel-art/easel/internal/pgtest"
)

// teamDB returns a PostgreSQL URL whose search_path is a new schema
// (dropped at the end), from EASEL_TEST_POSTGRES; skipped without it,
// failed under CI=true.
func teamDB(t *testing.T) string { t.Helper(); return pgtest.Schema(t, "easel_cmd_") }

// TestTeamGallery: EASEL_DB (or --db) puts the gallery of every command
// on PostgreSQL: imagine saves there, gallery lists and searches it,
// reproduce finds the picture, and gc keeps what rows name.
func TestTeamGallery(t *testing.T) {
	db := teamDB(t)
	env := home(t)
	env["EASEL_DB"] = db
	for _, idea := range []string{"a castle on a hill under a full moon", "a red barn in a wheat field"} {
		if r := runEasel(t, env, "imagine", idea, "--size", "64x64", "--seed", "1"); r.code != 0 {
			t.Fatalf("imagine: %s", r.stderr)
		}
	}
	r := runEasel(t, env, "gallery", "search", "castle", "--json")
	found := ndjson(t, r.stdout)
	if r.code != 0 || len(found) != 1 || found[0]["idea"] != "a castle on a hill under a full moon" {
		t.Fatalf("search castle = %v (%s)", found, r.stderr)
	}
	// Another data directory, the same database: the same gallery.
	other := home(t)
	r = runEasel(t, other, "gallery", "list", "--json", "--db", db)
	if got := ndjson(t, r.stdout); r.code != 0 || len(got) != 2 {
		t.Fatalf("list with --db from another data dir = %d items (%s)", len(got), r.stderr)
	}
	// Without the database it is the other data directory's own, empty one.
	if r = runEasel(t, other, "gallery", "list", "--json"); len(ndjson(t, r.stdout)) != 0 {
		t.Fatalf("list without --db shows the team's gallery: %s", r.stdout)
	}
	id := found[0]["id"].(string)
	if r = runEasel(t, env, "reproduce", id[:8], "--json"); r.code != 0 {
		t.Fatalf("reproduce: %s", r.stderr)
	}
	r = runEasel(t, env, "gallery", "gc", "--json")
	if got := ndjson(t, r.stdout); r.code != 0 || len(got) != 1 || got[0]["orphans"] != float64(0) || got[0]["objects"] != float64(2) {
		t.Fatalf("gc = %s %s", r.stdout, r.stderr)
	}
}

func TestTeamFlagErrors(t *testing.T) {
	env := home(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"gallery", "list", "--db", "mysql://x"}, "not a PostgreSQL URL"},
		{[]string{"gallery", "list", "--store", "s3://bucket"}, "needs a shared gallery"},
		{[]string{"gallery", "list", "--db", "postgres://u:hunter2@127.0.0.1:1/x?connect_timeout=2"}, "cannot reach the PostgreSQL"},
	} {
		r := runEasel(t, env, c.args...)
		if r.code == 0 || !strings.Contains(r.stderr, c.want) || strings.Contains(r.stderr, "hunter2") {
			t.Errorf("%v: exit %d, %q; want an error saying %q (and no password)", c.args, r.code, r.stderr, c.want)
		}
	}
}

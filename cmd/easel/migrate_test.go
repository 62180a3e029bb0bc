package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

// teamStore makes an empty bucket on the S3 server .ci/run starts
// (EASEL_TEST_S3 = http://ACCESS:SECRET@HOST:PORT) and returns its
// --store URL and credentials; skipped without it, failed under CI=true.
func teamStore(t *testing.T) (string, map[string]string) {
	t.Helper()
	v := os.Getenv("EASEL_TEST_S3")
	if v == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("EASEL_TEST_S3 is not set: .ci/run installs and starts versitygw and sets it")
		}
		t.Skip("EASEL_TEST_S3 is not set (.ci/run starts versitygw and sets it)")
	}
	u, err := url.Parse(v)
	if err != nil || u.User == nil {
		t.Fatalf("EASEL_TEST_S3 = %q", v)
	}
	secret, _ := u.User.Password()
	c, err := minio.New(u.Host, &minio.Options{Creds: credentials.NewStaticV4(u.User.Username(), secret, ""), BucketLookup: minio.BucketLookupPath})
	if err != nil {
		t.Fatal(err)
	}
	var b [5]byte
	rand.Read(b[:])
	bucket := "easel-cmd-" + hex.EncodeToString(b[:])
	ctx := context.Background()
	if err := c.MakeBucket(ctx, bucket, minio.MakeBucketOptions{}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for o := range c.ListObjects(ctx, bucket, minio.ListObjectsOptions{Recursive: true}) {
			c.RemoveObject(ctx, bucket, o.Key, minio.RemoveObjectOptions{})
		}
		c.RemoveBucket(ctx, bucket)
	})
	store := "s3://" + bucket + "/art?endpoint=" + url.QueryEscape(u.Scheme+"://"+u.Host) + "&region=us-east-1"
	return store, map[string]string{"AWS_ACCESS_KEY_ID": u.User.Username(), "AWS_SECRET_ACCESS_KEY": secret}
}

// TestMigrate copies a local gallery with lineage into PostgreSQL and
// S3; a second run copies nothing, a lost object is written again, and a
// damaged local file is refused by its digest.
func TestMigrate(t *testing.T) {
	db := teamDB(t)
	store, creds := teamStore(t)
	env := home(t)
	for _, idea := range []string{"a castle on a hill under a full moon", "a red barn in a wheat field"} {
		if r := runEasel(t, env, "imagine", idea, "--size", "64x64", "--seed", "1"); r.code != 0 {
			t.Fatalf("imagine: %s", r.stderr)
		}
	}
	r := runEasel(t, env, "gallery", "search", "castle", "--json")
	parent := ndjson(t, r.stdout)[0]["id"].(string)
	if r = runEasel(t, env, "vary", parent, "--size", "64x64", "--json"); r.code != 0 {
		t.Fatalf("vary: %s", r.stderr)
	}
	n := float64(len(ndjson(t, runEasel(t, env, "gallery", "list", "--limit", "0", "--json").stdout)))
	team := map[string]string{"EASEL_HOME": env["EASEL_HOME"], "HOME": env["HOME"], "EASEL_DB": db, "EASEL_STORE": store}
	for k, v := range creds {
		team[k] = v
	}
	r = runEasel(t, team, "migrate", "--json")
	if got := ndjson(t, r.stdout); r.code != 0 || len(got) != 1 || got[0]["copied"] != n || got[0]["artworks"] != n {
		t.Fatalf("migrate = %s %s", r.stdout, r.stderr)
	}
	// The team gallery has the lineage: the variation's parent is there.
	r = runEasel(t, team, "gallery", "tree", parent, "--json")
	if r.code != 0 || !strings.Contains(r.stdout, `"depth":1`) || !strings.Contains(r.stdout, `"parent_id":"`+parent+`"`) {
		t.Fatalf("tree in the team gallery = %s %s", r.stdout, r.stderr)
	}
	r = runEasel(t, team, "migrate", "--json")
	if got := ndjson(t, r.stdout); r.code != 0 || got[0]["copied"] != float64(0) || got[0]["present"] != n || got[0]["rewritten"] != float64(0) {
		t.Fatalf("second migrate = %s %s", r.stdout, r.stderr)
	}
	// An object lost in the store is written again from the local copy.
	r = runEasel(t, team, "gallery", "show", parent, "--json")
	sha := ndjson(t, r.stdout)[0]["sha256"].(string)
	if g, err := (&app{getenv: func(k string) string { return team[k] }}).openGallery(t.Context(), ""); err != nil {
		t.Fatal(err)
	} else {
		g.Images().Delete(t.Context(), sha)
		g.Close()
	}
	r = runEasel(t, team, "migrate", "--json")
	if got := ndjson(t, r.stdout); r.code != 0 || got[0]["rewritten"] != float64(1) {
		t.Fatalf("migrate after a lost object = %s %s", r.stdout, r.stderr)
	}
	// A damaged local file is not copied, and the run says so.
	os.WriteFile(filepath.Join(env["EASEL_HOME"], "images", sha[:2], sha+".png"), []byte("damaged"), 0o644)
	db2 := teamDB(t)
	team["EASEL_DB"] = db2
	r = runEasel(t, team, "migrate")
	if r.code == 0 || !strings.Contains(r.stdout, "not copied: "+parent) || !strings.Contains(r.stderr, "1 artworks were not copied") {
		t.Fatalf("migrate with a damaged file: exit %d, %s %s", r.code, r.stdout, r.stderr)
	}
}

// TestMigrateNoGallery: a --data-dir with no gallery (a typo) is refused
// before any database is opened, and nothing is made there.
func TestMigrateNoGallery(t *testing.T) {
	env := home(t)
	missing := filepath.Join(env["EASEL_HOME"], "typo")
	r := runEasel(t, env, "migrate", "--db", "postgres://easel@127.0.0.1:1/none", "--data-dir", missing)
	if r.code != 2 || !strings.Contains(r.stderr, "no gallery in "+missing) {
		t.Fatalf("migrate from a directory with no gallery: exit %d, %q", r.code, r.stderr)
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Errorf("migrate made %s: %v", missing, err)
	}
}

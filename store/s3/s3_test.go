package s3

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/minio/minio-go/v7"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/store/imagestoretest"
	"github.com/easel-art/easel/store/localdir"
)

// testServer returns the S3 server .ci/run started (versitygw, posix
// mode), from EASEL_TEST_S3 = http://ACCESS:SECRET@HOST:PORT. Without it
// the test is skipped, and under CI=true it fails.
func testServer(t *testing.T) (endpoint, access, secret string) {
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
		t.Fatalf("EASEL_TEST_S3 = %q: want http://ACCESS:SECRET@HOST:PORT", v)
	}
	secret, _ = u.User.Password()
	return u.Scheme + "://" + u.Host, u.User.Username(), secret
}

// newBucket makes an empty bucket on the test server, removed (with its
// objects) when the test ends, and returns the store's URL and environment.
func newBucket(t *testing.T, prefix string) (string, func(string) string) {
	t.Helper()
	endpoint, access, secret := testServer(t)
	var b [5]byte
	rand.Read(b[:])
	bucket := "easel-" + hex.EncodeToString(b[:])
	env := map[string]string{"AWS_ACCESS_KEY_ID": access, "AWS_SECRET_ACCESS_KEY": secret}
	raw := "s3://" + bucket + "/" + prefix + "?endpoint=" + url.QueryEscape(endpoint) + "&region=us-east-1"
	cfg, err := ParseURL(raw, func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	c, err := minio.New(cfg.Endpoint, &minio.Options{Creds: credsOf(cfg), Secure: cfg.Secure, Region: cfg.Region, BucketLookup: minio.BucketLookupPath})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := c.MakeBucket(ctx, bucket, minio.MakeBucketOptions{Region: "us-east-1"}); err != nil {
		t.Fatalf("make bucket on %s: %v", endpoint, err)
	}
	t.Cleanup(func() {
		for o := range c.ListObjects(ctx, bucket, minio.ListObjectsOptions{Recursive: true}) {
			if o.Err == nil {
				c.RemoveObject(ctx, bucket, o.Key, minio.RemoveObjectOptions{})
			}
		}
		c.RemoveBucket(ctx, bucket)
	})
	return raw, func(k string) string { return env[k] }
}

func openTest(t *testing.T, prefix string) *Store {
	t.Helper()
	raw, getenv := newBucket(t, prefix)
	cfg, err := ParseURL(raw, getenv)
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(t.Context(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestConformance(t *testing.T) {
	imagestoretest.Run(t, func(t *testing.T) easel.ImageStore { return openTest(t, "team/images") })
}

// TestEachAndPresign: objects are listed by key under the prefix only,
// and a presigned URL reads an object with no credentials.
func TestEachAndPresign(t *testing.T) {
	s := openTest(t, "p")
	ctx := t.Context()
	data := []byte("\x89PNG a picture")
	key := localdir.Key(data)
	if _, err := s.Put(ctx, key, data); err != nil {
		t.Fatal(err)
	}
	// An object beside the prefix is not the store's.
	if _, err := s.client.PutObject(ctx, s.cfg.Bucket, "other/"+key+".png", strings.NewReader("x"), 1, minio.PutObjectOptions{}); err != nil {
		t.Fatal(err)
	}
	var keys []string
	if err := s.Each(ctx, func(k string) error { keys = append(keys, k); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(keys) != 1 || keys[0] != key {
		t.Fatalf("Each = %v; want [%s]", keys, key)
	}
	if got := s.Path(key); got != "s3://"+s.cfg.Bucket+"/p/"+key+".png" {
		t.Fatalf("Path = %s", got)
	}
	u, err := s.PresignedURL(ctx, key, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.Get(u.String())
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || string(body) != string(data) {
		t.Fatalf("GET presigned = %d %q", resp.StatusCode, body)
	}
	if _, ok, err := s.ImageURL(ctx, key); ok || err != nil {
		t.Fatalf("ImageURL without presign = %v, %v; want none", ok, err)
	}
	s.cfg.Presign = time.Minute
	if us, ok, err := s.ImageURL(ctx, key); !ok || err != nil || !strings.Contains(us, "X-Amz-Signature=") {
		t.Fatalf("ImageURL with presign = %q, %v, %v", us, ok, err)
	}
	// Without the signature the object is private.
	u.RawQuery = ""
	if resp, err := http.Get(u.String()); err != nil || resp.StatusCode == 200 {
		t.Fatalf("GET unsigned = %v, %v; want refused", resp, err)
	}
}

func TestBadCredentialsAndBucket(t *testing.T) {
	raw, getenv := newBucket(t, "")
	cfg, _ := ParseURL(raw, getenv)
	wrong := cfg
	wrong.SecretKey = "not-the-secret"
	if _, err := New(t.Context(), wrong); easel.ErrorCode(err) != easel.ECONFIG || !strings.Contains(err.Error(), "AWS_ACCESS_KEY_ID") {
		t.Errorf("New with a wrong secret err = %v; want ECONFIG naming the variables", err)
	} else if strings.Contains(err.Error(), "not-the-secret") {
		t.Errorf("error shows the secret: %v", err)
	}
	missing := cfg
	missing.Bucket = "easel-no-such-bucket"
	if _, err := New(t.Context(), missing); easel.ErrorCode(err) != easel.ECONFIG || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("New with a missing bucket err = %v; want ECONFIG saying so", err)
	}
}

func TestParseURL(t *testing.T) {
	env := map[string]string{"AWS_REGION": "eu-west-1", "AWS_ACCESS_KEY_ID": "AK", "AWS_SECRET_ACCESS_KEY": "SK", "AWS_PROFILE": "team"}
	getenv := func(k string) string { return env[k] }
	good := []struct {
		raw  string
		want Config
	}{
		{"s3://art", Config{Bucket: "art", Secure: true, Region: "eu-west-1"}},
		{"s3://art/team/pics/?region=us-east-2", Config{Bucket: "art", Prefix: "team/pics", Secure: true, Region: "us-east-2"}},
		{"s3://art/p?endpoint=http://127.0.0.1:7070", Config{Bucket: "art", Prefix: "p", Endpoint: "127.0.0.1:7070", PathStyle: true, Region: "eu-west-1"}},
		{"s3://art?endpoint=minio.example:9000&path_style=false&presign=15m", Config{Bucket: "art", Endpoint: "minio.example:9000", Secure: true, Region: "eu-west-1", Presign: 15 * time.Minute}},
	}
	for _, c := range good {
		got, err := ParseURL(c.raw, getenv)
		c.want.AccessKey, c.want.SecretKey, c.want.Profile = "AK", "SK", "team"
		if err != nil || got != c.want {
			t.Errorf("ParseURL(%q) = %+v, %v; want %+v", c.raw, got, err, c.want)
		}
	}
	for _, raw := range []string{"", "s3://", "s3://ab", "http://art", "s3://AK:SK@art", "s3://art?endpoint=ftp://x", "s3://art?endpoint=http://x/path",
		"s3://art?presign=soon", "s3://art?colour=blue", "s3://art?path_style=maybe"} {
		if _, err := ParseURL(raw, getenv); easel.ErrorCode(err) != easel.EINVALID {
			t.Errorf("ParseURL(%q) err = %v; want EINVALID", raw, err)
		}
	}
}

func FuzzParseURL(f *testing.F) {
	f.Add("s3://art/p?endpoint=http://127.0.0.1:7070&region=us-east-1&presign=5m")
	f.Fuzz(func(t *testing.T, raw string) {
		c, err := ParseURL(raw, func(string) string { return "" })
		if err == nil && (c.Bucket == "" || strings.HasPrefix(c.Prefix, "/") || c.Presign < 0) {
			t.Fatalf("ParseURL(%q) = %+v", raw, c)
		}
	})
}

// TestProfileCredentials: with no keys in the environment the profile of
// the shared credentials file is used; with neither, the error says what
// to set.
func TestProfileCredentials(t *testing.T) {
	raw, getenv := newBucket(t, "")
	cfg, _ := ParseURL(raw, getenv)
	file := t.TempDir() + "/credentials"
	os.WriteFile(file, []byte("[default]\naws_access_key_id = nope\naws_secret_access_key = nope\n\n[team]\naws_access_key_id = "+
		cfg.AccessKey+"\naws_secret_access_key = "+cfg.SecretKey+"\n"), 0o600)
	cfg.AccessKey, cfg.SecretKey, cfg.CredentialsFile, cfg.Profile = "", "", file, "team"
	if _, err := New(t.Context(), cfg); err != nil {
		t.Fatalf("New with profile team: %v", err)
	}
	cfg.Profile = ""
	if _, err := New(t.Context(), cfg); easel.ErrorCode(err) != easel.ECONFIG {
		t.Errorf("New with the default profile's wrong keys err = %v; want ECONFIG", err)
	}
	cfg.CredentialsFile = file + ".missing"
	if _, err := New(t.Context(), cfg); easel.ErrorCode(err) != easel.ECONFIG || !strings.Contains(err.Error(), "AWS_ACCESS_KEY_ID") {
		t.Errorf("New with no credentials err = %v; want ECONFIG naming the variables", err)
	}
}

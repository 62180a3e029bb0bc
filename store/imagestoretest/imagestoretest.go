// Package imagestoretest is the conformance suite for easel.ImageStore:
// every image store (store/localdir, object storage) runs it, so they all
// keep the contract documented on the interface.
package imagestoretest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"strings"
	"sync"
	"testing"

	"github.com/easel-art/easel"
)

// Run checks the easel.ImageStore contract on stores made by newStore,
// which returns an empty store and arranges for its cleanup.
func Run(t *testing.T, newStore func(t *testing.T) easel.ImageStore) {
	t.Run("PutOpenDelete", func(t *testing.T) { testPutOpenDelete(t, newStore(t)) })
	t.Run("PutTwice", func(t *testing.T) { testPutTwice(t, newStore(t)) })
	t.Run("BadKeys", func(t *testing.T) { testBadKeys(t, newStore(t)) })
	t.Run("ConcurrentPuts", func(t *testing.T) { testConcurrent(t, newStore(t)) })
}

func keyOf(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func read(t *testing.T, s easel.ImageStore, key string) ([]byte, error) {
	t.Helper()
	rc, err := s.Open(t.Context(), key)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

func testPutOpenDelete(t *testing.T, s easel.ImageStore) {
	data := []byte("\x89PNG\r\n\x1a\n not really a picture")
	key, err := s.Put(t.Context(), data)
	if err != nil {
		t.Fatalf("Put: %v", err)
	}
	if key != keyOf(data) {
		t.Fatalf("Put key = %q; want the SHA-256 %q", key, keyOf(data))
	}
	got, err := read(t, s, key)
	if err != nil || !bytes.Equal(got, data) {
		t.Fatalf("Open after Put = %q, %v; want the bytes", got, err)
	}
	if err := s.Delete(t.Context(), key); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if _, err := read(t, s, key); easel.ErrorCode(err) != easel.ENOTFOUND {
		t.Fatalf("Open after Delete: %v; want ENOTFOUND", err)
	}
	if err := s.Delete(t.Context(), key); err != nil {
		t.Fatalf("Delete of a missing file: %v; want nil", err)
	}
}

func testPutTwice(t *testing.T, s easel.ImageStore) {
	data := []byte("same bytes")
	k1, err1 := s.Put(t.Context(), data)
	k2, err2 := s.Put(t.Context(), data)
	if err1 != nil || err2 != nil || k1 != k2 {
		t.Fatalf("Put twice = %q, %v and %q, %v; want the same key", k1, err1, k2, err2)
	}
	other := []byte("other bytes")
	k3, err := s.Put(t.Context(), other)
	if err != nil || k3 == k1 {
		t.Fatalf("Put of other bytes = %q, %v", k3, err)
	}
	if got, err := read(t, s, k1); err != nil || !bytes.Equal(got, data) {
		t.Fatalf("first file after another Put = %q, %v", got, err)
	}
}

func testBadKeys(t *testing.T, s easel.ImageStore) {
	for _, key := range []string{"", "../../etc/passwd", strings.Repeat("g", 64), strings.Repeat("A", 64), strings.Repeat("a", 63)} {
		if _, err := s.Open(t.Context(), key); easel.ErrorCode(err) != easel.EINVALID {
			t.Errorf("Open(%q): %v; want EINVALID", key, err)
		}
		if err := s.Delete(t.Context(), key); easel.ErrorCode(err) != easel.EINVALID {
			t.Errorf("Delete(%q): %v; want EINVALID", key, err)
		}
	}
	if _, err := s.Open(t.Context(), keyOf([]byte("never stored"))); easel.ErrorCode(err) != easel.ENOTFOUND {
		t.Errorf("Open of a key never stored: %v; want ENOTFOUND", err)
	}
}

func testConcurrent(t *testing.T, s easel.ImageStore) {
	data := bytes.Repeat([]byte("concurrent "), 10000)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Go(func() {
			_, err := s.Put(t.Context(), data)
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("concurrent Put: %v", err)
		}
	}
	if got, err := read(t, s, keyOf(data)); err != nil || !bytes.Equal(got, data) {
		t.Fatalf("after concurrent Puts: %d bytes, %v", len(got), err)
	}
}

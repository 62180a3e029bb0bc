// Package imagestoretest is the conformance suite for easel.ImageStore:
// every image store (store/localdir, object storage) runs it, so they all
// keep the contract documented on the interface.
package imagestoretest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
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
	return easel.ReadImage(t.Context(), s, key)
}

func testPutOpenDelete(t *testing.T, s easel.ImageStore) {
	data := []byte("\x89PNG\r\n\x1a\n not really a picture")
	key := keyOf(data)
	created, err := s.Put(t.Context(), key, data)
	if err != nil || !created {
		t.Fatalf("Put = %v, %v; want a new file", created, err)
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
	k1 := keyOf(data)
	c1, err1 := s.Put(t.Context(), k1, data)
	c2, err2 := s.Put(t.Context(), k1, data)
	if err1 != nil || err2 != nil || !c1 || c2 {
		t.Fatalf("Put twice = %v, %v and %v, %v; want created, then not", c1, err1, c2, err2)
	}
	other := []byte("other bytes")
	if _, err := s.Put(t.Context(), keyOf(other), other); err != nil {
		t.Fatalf("Put of other bytes: %v", err)
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
	data := []byte("some bytes")
	if _, err := s.Put(t.Context(), keyOf([]byte("other bytes")), data); easel.ErrorCode(err) != easel.EINVALID {
		t.Errorf("Put under another digest: %v; want EINVALID", err)
	}
	if _, err := s.Open(t.Context(), keyOf([]byte("other bytes"))); easel.ErrorCode(err) != easel.ENOTFOUND {
		t.Errorf("Open after a refused Put: %v; want ENOTFOUND", err)
	}
}

func testConcurrent(t *testing.T, s easel.ImageStore) {
	data := bytes.Repeat([]byte("concurrent "), 10000)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Go(func() {
			_, err := s.Put(t.Context(), keyOf(data), data)
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

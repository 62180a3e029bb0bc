package server

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"syscall"
	"testing"
)

// TestStorageErrorsNameTheFix: a full disk answers 503 with the fix, not
// "internal error".
func TestStorageErrorsNameTheFix(t *testing.T) {
	w := httptest.NewRecorder()
	r := httptest.NewRequest("GET", "/api/v1/artworks", nil)
	writeError(w, r, nil, fmt.Errorf("save image: %w", &os.PathError{Op: "write", Path: "/data/x", Err: syscall.ENOSPC}))
	if w.Code != http.StatusServiceUnavailable || !strings.Contains(w.Body.String(), "free some space") {
		t.Errorf("%d %s", w.Code, w.Body.String())
	}
}

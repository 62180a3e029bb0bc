package canvas

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDocIndex keeps the package doc's element → file index true: every
// file of the package is named in it, and every file it names exists.
func TestDocIndex(t *testing.T) {
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, f := range files {
		have[f] = true
		if f == "doc.go" || strings.HasSuffix(f, "_test.go") {
			continue
		}
		if !strings.Contains(string(doc), f) {
			t.Errorf("%s is not in the package doc's element → file index (doc.go)", f)
		}
	}
	for _, w := range strings.Fields(string(doc)) {
		w = strings.Trim(w, ",;:()")
		if strings.HasSuffix(w, ".go") && !have[w] {
			t.Errorf("the package doc names %s, which does not exist", w)
		}
	}
}

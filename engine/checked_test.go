package engine_test

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// TestDataFilesHaveCheckedNotes: beside each engine's data file there is a
// dated note of the source it was checked against, so the next check knows
// where to start.
func TestDataFilesHaveCheckedNotes(t *testing.T) {
	dated := regexp.MustCompile(`Checked 20\d\d-\d\d-\d\d against`)
	for data, note := range map[string]string{
		"openai/models.json":          "openai/models.checked.md",
		"a1111/capabilities.json":     "a1111/capabilities.checked.md",
		"comfyui/capabilities.json":   "comfyui/capabilities.checked.md",
		"stability/capabilities.json": "stability/capabilities.checked.md",
		"runway/capabilities.json":    "runway/capabilities.checked.md",
	} {
		if _, err := os.Stat(filepath.FromSlash(data)); err != nil {
			t.Errorf("%s: %v", data, err)
			continue
		}
		b, err := os.ReadFile(filepath.FromSlash(note))
		if err != nil || !dated.Match(b) {
			t.Errorf("%s has no dated note beside it (%s: %v)", data, note, err)
		}
	}
}

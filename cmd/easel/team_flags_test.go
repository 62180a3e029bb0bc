package main

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestEveryGalleryCommandTakesDB: a command that opens the gallery
// registers --db and --store, so the team setup reaches every command.
func TestEveryGalleryCommandTakesDB(t *testing.T) {
	files, _ := os.ReadDir(".")
	newFlags := regexp.MustCompile(`(?m)^\tfs := a\.newFlags\(`)
	for _, f := range files {
		name := f.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		b, _ := os.ReadFile(name)
		src := string(b)
		if !strings.Contains(src, "a.openGallery(") || !newFlags.MatchString(src) {
			continue
		}
		if n, m := len(newFlags.FindAllString(src, -1)), strings.Count(src, "a.addTeamFlags(fs)"); m < n {
			t.Errorf("%s: %d commands, %d register --db and --store (a.addTeamFlags)", name, n, m)
		}
	}
}

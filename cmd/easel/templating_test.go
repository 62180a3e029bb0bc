package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMissingWildcard checks that a wildcard with no values is never
// silently drawn as the literal "__garments__": easel template warns and
// prints it as written (as sd-dynamic-prompts does); imagine, prompt and
// batch refuse before anything is rendered or stored.
func TestMissingWildcard(t *testing.T) {
	env := home(t)
	withWildcards(t, env, "backgrounds.txt", "white\ngrey\n")
	fix := filepath.Join(env["EASEL_HOME"], "wildcards", "garments.txt")
	tmpl := "a {red|blue} __garments__ on a __backgrounds__ background"
	batch := filepath.Join(t.TempDir(), "ideas.txt")
	if err := os.WriteFile(batch, []byte("a fox\n"+tmpl+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	r := runEasel(t, env, "template", "--seed", "1", tmpl)
	if r.code != 0 || !strings.Contains(r.stdout, "__garments__ on a white background") {
		t.Errorf("template: exit %d, stdout %q", r.code, r.stdout)
	}
	if strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, "__garments__") || !strings.Contains(r.stderr, fix) {
		t.Errorf("template: stderr %q; want one warning naming __garments__ and %s", r.stderr, fix)
	}

	for _, args := range [][]string{
		{"imagine", "--template", tmpl, "--size", "64x64"},
		{"prompt", "--template", tmpl},
		{"batch", batch, "--size", "64x64"},
	} {
		r := runEasel(t, env, args...)
		if r.code != 2 || !strings.Contains(r.stderr, "__garments__") || strings.Contains(r.stderr, "__backgrounds__") || !strings.Contains(r.stderr, fix) {
			t.Errorf("%s: exit %d, stderr %q; want 2 naming only __garments__ and %s", args[0], r.code, r.stderr, fix)
		}
		if r.stdout != "" {
			t.Errorf("%s: printed %q before refusing", args[0], r.stdout)
		}
	}
	if r := runEasel(t, env, "gallery", "list", "--json"); r.stdout != "" {
		t.Errorf("something was saved: %s", r.stdout)
	}
}

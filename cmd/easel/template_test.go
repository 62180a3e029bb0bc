package main

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/easel-art/easel"
)

// runTemplate runs `easel template ARGS` in-process: through run when the
// command is registered, else by calling it and reporting its error the
// way run does.
func runTemplate(t *testing.T, env map[string]string, args ...string) result {
	t.Helper()
	for _, c := range commands() {
		if c.name == "template" {
			return runEasel(t, env, append([]string{"template"}, args...)...)
		}
	}
	var out, errb bytes.Buffer
	a := &app{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(k string) string { return env[k] }}
	a.log = newLogger(&errb, "")
	code := 0
	if err := cmdTemplate(t.Context(), a, args); err != nil && !errors.Is(err, flag.ErrHelp) {
		code = exitCode(err)
		errb.WriteString("easel: " + easel.ErrorMessage(err) + "\n")
	}
	return result{code, out.String(), errb.String()}
}

// withWildcards writes wildcard files under <EASEL_HOME>/wildcards.
func withWildcards(t *testing.T, env map[string]string, kv ...string) string {
	t.Helper()
	dir := filepath.Join(env["EASEL_HOME"], "wildcards")
	for i := 0; i+1 < len(kv); i += 2 {
		p := filepath.Join(dir, kv[i])
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(kv[i+1]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func lines(s string) []string {
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}

func TestTemplateCombinatorial(t *testing.T) {
	env := home(t)
	withWildcards(t, env, "animal.txt", "owl\nfox\n# not this\n")
	r := runTemplate(t, env, "a {red|green}", "__animal__", "-n", "3")
	if r.code != 0 {
		t.Fatalf("exit %d, stderr %s", r.code, r.stderr)
	}
	want := []string{"a red fox", "a red owl", "a green fox"}
	if got := lines(r.stdout); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q; want %q", got, want)
	}
}

func TestTemplateJSON(t *testing.T) {
	r := runTemplate(t, home(t), "--json", `{1-2$$ & $$<cat>|"dog"}`)
	if r.code != 0 {
		t.Fatalf("exit %d, stderr %s", r.code, r.stderr)
	}
	objs := ndjson(t, r.stdout)
	want := []string{"<cat>", `"dog"`, `<cat> & "dog"`, `"dog" & <cat>`}
	if len(objs) != len(want) {
		t.Fatalf("got %d objects; want %d:\n%s", len(objs), len(want), r.stdout)
	}
	for i, o := range objs {
		if o["prompt"] != want[i] || len(o) != 1 {
			t.Errorf("object %d is %v; want {\"prompt\": %q}", i, o, want[i])
		}
	}
	if strings.Contains(r.stdout, `\u003c`) {
		t.Errorf("JSON escapes < and >: %s", r.stdout)
	}
}

func TestTemplateRandomSeeded(t *testing.T) {
	env := home(t)
	args := []string{"--mode", "random", "-n", "6", "--seed", "7", "{a|b|c|d} {e|f|g|h}"}
	r1 := runTemplate(t, env, args...)
	r2 := runTemplate(t, env, args...)
	if r1.code != 0 {
		t.Fatalf("exit %d, stderr %s", r1.code, r1.stderr)
	}
	if got := lines(r1.stdout); len(got) != 6 {
		t.Errorf("got %d prompts; want 6", len(got))
	}
	if r1.stdout != r2.stdout {
		t.Errorf("same seed, different prompts:\n%s\n%s", r1.stdout, r2.stdout)
	}
	if r := runTemplate(t, env, "--mode", "random", "{a|b}"); len(lines(r.stdout)) != 1 {
		t.Errorf("random without -n printed %q; want one prompt", r.stdout)
	}
}

func TestTemplateCyclical(t *testing.T) {
	r := runTemplate(t, home(t), "--mode", "cyclical", "-n", "4", "A {red|green|blue} {square|circle}")
	want := "A red square\nA green circle\nA blue square\nA red circle\n"
	if r.code != 0 || r.stdout != want {
		t.Errorf("exit %d, stdout %q; want %q (stderr %s)", r.code, r.stdout, want, r.stderr)
	}
}

func TestTemplateWildcardsFlag(t *testing.T) {
	env := home(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "c.yaml"), []byte("c:\n  - blue\n  - red\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runTemplate(t, env, "--wildcards", dir, "__c__")
	if r.code != 0 || r.stdout != "blue\nred\n" {
		t.Errorf("exit %d, stdout %q, stderr %s", r.code, r.stdout, r.stderr)
	}
	// No wildcards directory at all: wildcards stay as written.
	r = runTemplate(t, env, "__c__")
	if r.code != 0 || r.stdout != "__c__\n" {
		t.Errorf("exit %d, stdout %q, stderr %s", r.code, r.stdout, r.stderr)
	}
}

func TestTemplateErrors(t *testing.T) {
	env := home(t)
	dir := withWildcards(t, env,
		"late.txt", "a\nb\nzz ${undefined}\n",
		"self.txt", "x __self__\n",
	)
	outside := filepath.Join(t.TempDir(), "secret.txt")
	if err := os.WriteFile(outside, []byte("TOP SECRET\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		want string
		out  string // printed before the error: the listing streams
	}{
		{[]string{"costs $5"}, "easel: template: column 7: a bare $ is not allowed", ""},
		{[]string{"{cat|dog"}, "easel: template: column 1: unbalanced braces", ""},
		{[]string{"100% cotton"}, "easel: template: column 4: a bare % is not allowed", ""},
		{[]string{"x ${who}"}, "easel: template: column 3: undefined variable ${who}", ""},
		{[]string{"{1|2|3} __late__"}, `easel: template: column 9: in __late__ value "zz ${undefined}", column 4: undefined variable ${undefined}`, "1 a\n1 b\n"},
		{[]string{"__../etc/passwd__"}, "easel: template: column 1: wildcard __../etc/passwd__ leaves the wildcards directory", ""},
		{[]string{"__self__"}, "recursion deeper than 100 levels", ""},
		{[]string{"__link__"}, "easel: template: wildcards:", ""},
		{[]string{"--mode", "sideways", "x"}, "easel: template: --mode: unknown mode", ""},
		{[]string{"-n", "-3", "x"}, "easel: template: -n must be 1 or more", ""},
		{[]string{"--wildcards", filepath.Join(dir, "nope"), "x"}, "does not exist", ""},
		{nil, "easel: no template given", ""},
	} {
		r := runTemplate(t, env, c.args...)
		if r.code != 2 {
			t.Errorf("%q: exit %d; want 2 (stderr %s)", c.args, r.code, r.stderr)
		}
		if r.stdout != c.out {
			t.Errorf("%q: printed %q; want %q", c.args, r.stdout, c.out)
		}
		if !strings.Contains(r.stderr, c.want) {
			t.Errorf("%q: stderr %q; want it to contain %q", c.args, r.stderr, c.want)
		}
		if strings.Contains(r.stderr, "TOP SECRET") {
			t.Errorf("%q: a file outside the wildcards directory was read", c.args)
		}
	}
}

// TestTemplateSaysWhenCapped: combinatorial listing stops at the default
// cap and says so, but says nothing when the list is exactly that long.
func TestTemplateSaysWhenCapped(t *testing.T) {
	env := map[string]string{"EASEL_HOME": t.TempDir()}
	ten := "{a|b|c|d|e|f|g|h|i|j}"
	r := runTemplate(t, env, ten+ten+ten+"{x|y}")
	if r.code != 0 || strings.Count(r.stdout, "\n") != 1000 || !strings.Contains(r.stderr, "listed the first 1000 prompts") {
		t.Fatalf("2,000 prompts: exit %d, %d lines, stderr %q; want 1000 lines and a note", r.code, strings.Count(r.stdout, "\n"), r.stderr)
	}
	r = runTemplate(t, env, ten+ten+ten)
	if r.code != 0 || strings.Count(r.stdout, "\n") != 1000 || r.stderr != "" {
		t.Fatalf("exactly 1,000 prompts: exit %d, %d lines, stderr %q; want 1000 lines and no note", r.code, strings.Count(r.stdout, "\n"), r.stderr)
	}
	r = runTemplate(t, env, "-n", "1500", ten+ten+ten+"{x|y}")
	if r.code != 0 || strings.Count(r.stdout, "\n") != 1500 || r.stderr != "" {
		t.Fatalf("-n 1500: exit %d, %d lines, stderr %q; want 1500 lines", r.code, strings.Count(r.stdout, "\n"), r.stderr)
	}
}

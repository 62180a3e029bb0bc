package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/easel-art/easel/prompt/styles"
)

func TestStylesCommand(t *testing.T) {
	env := home(t)
	dir := t.TempDir()
	good := filepath.Join(dir, "styles.csv")
	os.WriteFile(good, []byte("\ufeffname,prompt,negative_prompt\n"+
		"Cinematic,\"my film still of {prompt}, grain\",cartoon\n"+
		"Dreamy Haze,\"{prompt}, (soft haze:1.2), pastel\",\"harsh, dark\"\n"), 0o644)
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("name,prompt\nok,fine\n,missing name\n"), 0o644)
	headerOnly := filepath.Join(dir, "empty.csv")
	os.WriteFile(headerOnly, []byte("name,prompt,negative_prompt\n"), 0o644)

	steps := []struct {
		name string
		args []string
		code int
		want []string // parts of stdout (or of stderr when code != 0)
		not  []string // what stdout must not hold
	}{
		{"no subcommand", nil, 2, []string{"easel styles list"}, nil},
		{"unknown subcommand", []string{"frobnicate"}, 2, []string{`unknown styles command "frobnicate"`}, nil},
		{"list built-ins", []string{"list"}, 0, []string{"cinematic ", "watercolor ", "pixel-art "}, []string{"(imported)"}},
		{"show", []string{"show", "Oil", "Painting"}, 0, []string{"name:            oil-painting", "negative_prompt: ", "built in"}, nil},
		{"show json", []string{"show", "watercolor", "--json"}, 0, []string{`"name":"watercolor"`, `"builtin":true`}, nil},
		{"show unknown", []string{"show", "watercolour"}, 2, []string{"did you mean watercolor"}, nil},
		{"show no name", []string{"show"}, 2, []string{"no style name given"}, nil},
		{"import missing file", []string{"import", filepath.Join(dir, "nope.csv")}, 2, []string{"does not exist"}, nil},
		{"import bad file", []string{"import", bad}, 2, []string{"bad.csv: styles file line 3"}, nil},
		{"import header only", []string{"import", headerOnly}, 2, []string{"no styles"}, nil},
		{"import two files", []string{"import", good, bad}, 2, []string{"one file"}, nil},
		{"import", []string{"import", good}, 0, []string{"imported 2 styles", "2 new, 0 replacing", "replace the built-in styles of the same name: cinematic"}, nil},
		{"import again", []string{"import", good, "--json"}, 0, []string{`"added":0`, `"replaced":2`, `"imported":2`}, nil},
		{"list with imports", []string{"list"}, 0, []string{"Dreamy Haze", "(imported)", "my film still of {prompt}"}, []string{"cinematic film still"}},
		{"show imported", []string{"show", "dreamy-haze"}, 0, []string{"(soft haze:1.2)", "imported into"}, nil},
		{"list json", []string{"list", "--json"}, 0, []string{`"name":"Dreamy Haze"`, `"builtin":false`}, nil},
	}
	for _, st := range steps {
		r := runCmdFunc(t, cmdStyles, env, "", st.args...)
		if r.code != st.code {
			t.Fatalf("%s: exit %d; want %d (stdout %q, stderr %q)", st.name, r.code, st.code, r.stdout, r.stderr)
		}
		out := r.stdout
		if st.code != 0 {
			out = r.stderr
		}
		for _, w := range st.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s: output %q; want it to hold %q", st.name, out, w)
			}
		}
		for _, n := range st.not {
			if strings.Contains(out, n) {
				t.Errorf("%s: output %q holds %q", st.name, out, n)
			}
		}
	}
	// The import landed in the data directory, in A1111's format.
	lib, err := styles.Load(env["EASEL_HOME"])
	if err != nil {
		t.Fatal(err)
	}
	if s, err := lib.Get("cinematic"); err != nil || s.Prompt != "my film still of {prompt}, grain" {
		t.Errorf("cinematic after import = %+v, %v", s, err)
	}
	// --data-dir wins over EASEL_HOME.
	other := t.TempDir()
	if r := runCmdFunc(t, cmdStyles, env, "", "import", good, "--data-dir", other); r.code != 0 {
		t.Fatalf("import --data-dir: %s", r.stderr)
	}
	if _, err := os.Stat(filepath.Join(other, styles.FileName)); err != nil {
		t.Errorf("--data-dir: %v", err)
	}
}

package main

import (
	"strings"
	"testing"
)

// TestInfo checks that easel info reads as a person expects: easel's own
// pictures say what was asked for and who drew it; an AUTOMATIC1111
// picture shows every parameter of its infotext.
func TestInfo(t *testing.T) {
	env := home(t)
	r := runEasel(t, env, "imagine", "a beach sunset", "--seed", "3", "--size", "96x64", "--json")
	if r.code != 0 {
		t.Fatalf("imagine: exit %d: %s", r.code, r.stderr)
	}
	easelPNG := ndjson(t, r.stdout)[0]["path"].(string)
	a1111PNG := writeA1111PNG(t, t.TempDir(), a1111Infotext)

	tests := []struct {
		name string
		file string
		want []string
	}{
		{"easel", easelPNG, []string{
			"source:          easel\n",
			"idea:            a beach sunset\n",
			"seed:            3\n",
			"size:            96x64\n",
			"engine:          builtin\n",
			"writer:          builtin\n",
			"version:         easel ",
		}},
		{"a1111", a1111PNG, []string{
			"source:          a1111\n",
			"prompt:          a castle on a hill under a (full moon:1.2), <lora:add_detail:0.6> dramatic clouds\n",
			"negative prompt: blurry, lowres\n",
			"seed:            1234567890\n",
			"steps:           20\n",
			"sampler:         DPM++ 2M\n",
			"scheduler:       Karras\n",
			"cfg scale:       7\n",
			"model:           v1-5-pruned-emaonly\n",
			"model hash:      6ce0161689\n",
			"clip skip:       2\n",
			"lora hashes:     add_detail: 7c6bad76eb54\n",
			"version:         v1.10.1\n",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runEasel(t, env, "info", tt.file)
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(r.stdout, w) {
					t.Errorf("info lacks %q:\n%s", w, r.stdout)
				}
			}
		})
	}
}

func TestInfoErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no file", []string{"info"}, "no file given"},
		{"missing", []string{"info", dir + "/nope.png"}, "cannot read"},
		{"directory", []string{"info", dir}, "is a directory"},
		{"not png", []string{"info", "info_test.go"}, "not a PNG"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runEasel(t, home(t), tt.args...)
			if r.code != 2 || !strings.Contains(r.stderr, tt.want) || strings.Count(r.stderr, "\n") != 1 {
				t.Errorf("exit %d, stderr %q; want 2 and one line with %q", r.code, r.stderr, tt.want)
			}
		})
	}
}

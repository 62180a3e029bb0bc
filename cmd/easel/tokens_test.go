package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"log/slog"
	"strings"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/prompt/clip"
)

// runCmdFunc runs one command function in-process as run would, so these
// tests do not depend on the command being listed in commands().
func runCmdFunc(t *testing.T, fn func(context.Context, *app, []string) error, env map[string]string, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	a := &app{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb,
		getenv: func(k string) string { return env[k] }, log: slog.New(slog.DiscardHandler)}
	err := fn(t.Context(), a, args)
	code := 0
	if err != nil && !errors.Is(err, flag.ErrHelp) {
		code = exitCode(err)
		errb.WriteString("easel: " + easel.ErrorMessage(err) + "\n")
	}
	return result{code, out.String(), errb.String()}
}

func TestTokens(t *testing.T) {
	long := strings.Repeat("sunset ", 100)
	tests := []struct {
		name   string
		args   []string
		stdin  string
		code   int
		stdout string // exact, or a part of stderr when code != 0
	}{
		{"plain", []string{"a beach sunset"}, "", 0, "3 tokens, 1 chunk\n"},
		{"words unquoted", []string{"a", "beach", "sunset"}, "", 0, "3 tokens, 1 chunk\n"},
		{"one token", []string{"sunset"}, "", 0, "1 token, 1 chunk\n"},
		{"long", []string{long}, "", 0, "100 tokens, 2 chunks (75 + 25)\n"},
		{"break", []string{"a beach BREAK sunset"}, "", 0, "3 tokens, 2 chunks (2 + 1)\n"},
		{"stdin", []string{"-"}, "a beach\nsunset\n", 0, "3 tokens, 1 chunk\n"},
		{"json", []string{"--json", "a beach sunset"}, "", 0, `{"chunks":1,"count":3,"ids":[320,2117,3424]}` + "\n"},
		{"json after", []string{"a beach sunset", "--json"}, "", 0, `{"chunks":1,"count":3,"ids":[320,2117,3424]}` + "\n"},
		{"json empty", []string{"--json", ""}, "", 0, `{"chunks":1,"count":0,"ids":[]}` + "\n"},
		{"no text", nil, "", 2, "no text given"},
		{"bad flag", []string{"--nope", "x"}, "", 2, "nope"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCmdFunc(t, cmdTokens, nil, tt.stdin, tt.args...)
			if r.code != tt.code {
				t.Fatalf("exit %d; want %d (stderr %q)", r.code, tt.code, r.stderr)
			}
			if tt.code != 0 {
				if !strings.Contains(r.stderr, tt.stdout) {
					t.Errorf("stderr %q; want it to mention %q", r.stderr, tt.stdout)
				}
				return
			}
			if r.stdout != tt.stdout {
				t.Errorf("stdout %q; want %q", r.stdout, tt.stdout)
			}
		})
	}
}

func TestTokensJSONMatchesClip(t *testing.T) {
	text := "Create an image of a tranquil beach scene at sunset, " + strings.Repeat("(golden hour:1.2), ", 30)
	r := runCmdFunc(t, cmdTokens, nil, "", "--json", text)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var got struct {
		Count  int   `json:"count"`
		IDs    []int `json:"ids"`
		Chunks int   `json:"chunks"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatal(err)
	}
	// As A1111 counts: the weight syntax is not tokens, the words are.
	var want []int
	for _, c := range clip.Chunks(text) {
		want = append(want, c...)
	}
	if len(want) >= len(clip.Encode(text)) {
		t.Fatalf("the weights were counted: %d tokens, %d as written", len(want), len(clip.Encode(text)))
	}
	if got.Count != len(want) || len(got.IDs) != len(want) || got.Chunks != len(clip.Chunks(text)) || got.Chunks < 2 {
		t.Errorf("got count %d, %d ids, %d chunks; want %d, %d, %d", got.Count, len(got.IDs), got.Chunks, len(want), len(want), len(clip.Chunks(text)))
	}
	for i := range want {
		if got.IDs[i] != want[i] {
			t.Fatalf("id %d = %d; want %d", i, got.IDs[i], want[i])
		}
	}
}

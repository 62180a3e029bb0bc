package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/config"
	"github.com/easel-art/easel/prompt/template"
)

const templateUsage = `Usage: easel template [flags] TEMPLATE

Expands a dynamic-prompt template, written as for the sd-dynamic-prompts
extension (A1111/Forge, ComfyUI, InvokeAI), and prints one prompt a line.

  {red|green|blue}          one of the options
  {2::red|blue}             weights, used by the random sampler
  {1-2$$ and $$a|b|c}       one or two options, joined by " and "
  __colors__                a line of colors.txt in the wildcards directory
  __animals/*__             every file under animals/, and YAML/JSON keys
  ${c={red|blue}} ${c}      variables; ${c=!{red|blue}} is drawn once
  %{a ... on a hill$$fox}   wrap: "a fox on a hill"
  {~a|b} {@a|b}             a random or cyclical part
  # comment                 to the end of the line

Modes: combinatorial lists every prompt (at most -n, default 1000); random
draws -n prompts (default 1), the same ones for the same --seed; cyclical
steps every part in turn (-n prompts, default 1).

Wildcards come from --wildcards DIR, else <data dir>/wildcards.

Examples:
  easel template "a {red|green} {fox|owl}"
  easel template --mode random -n 5 --seed 7 "a __animal__ in the __place__"
  easel template --json "{1-2$$ and $$cats|dogs|owls}"`

// cmdTemplate expands a template. Nothing is printed unless the whole
// expansion succeeds: a first pass finds errors (an undefined variable in
// a wildcard value used late, say), then a second pass, with the same
// seed and so the same prompts, streams them.
func cmdTemplate(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("template", templateUsage)
	modeName := fs.String("mode", "combinatorial", "sampler: combinatorial, random or cyclical")
	n := fs.Int("n", 0, "number of prompts: a cap for combinatorial (default 1000), the count for random and cyclical (default 1)")
	seed := fs.Int64("seed", -1, "random seed; the same seed gives the same prompts; -1 picks one")
	wildcards := fs.String("wildcards", "", "wildcards directory (default <data dir>/wildcards)")
	dataDir := fs.String("data-dir", "", "data directory (default $EASEL_HOME, else $XDG_DATA_HOME/easel, else ~/.local/share/easel)")
	asJSON := fs.Bool("json", false, `print one JSON object a line (NDJSON), {"prompt": "…"}`)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	src, err := oneArg(pos, "template", `easel template "a {red|green} {fox|owl}"`)
	if err != nil {
		return err
	}
	mode, err := template.ParseMode(*modeName)
	if err != nil {
		return easel.Errorf(easel.EINVALID, "template: --mode: %v", err)
	}
	if *n < 0 {
		return easel.Errorf(easel.EINVALID, "template: -n must be 1 or more (0 means the default)")
	}
	s := *seed
	if s < 0 {
		s = rand.Int64N(1 << 32)
	}
	wfs, closeWildcards, err := openWildcards(*wildcards, config.DataDir(*dataDir, a.getenv))
	if err != nil {
		return err
	}
	defer closeWildcards()

	t, err := template.Parse(src)
	if err != nil {
		return template.UserError(err)
	}
	// The first prompt, expanded quietly before anything is printed, finds
	// most mistakes (syntax, an undefined variable, a template that
	// explodes) and what to warn about (a wildcard with no values is left
	// as written). The rest streams as it is made: expanding everything
	// first would keep `-n 1000000000` from printing anything.
	var tw, later template.Warnings
	wdir := template.WildcardsDir(*wildcards, config.DataDir(*dataDir, a.getenv))
	opts := template.Options{Mode: mode, Count: 1, Seed: s, Wildcards: wfs, Log: tw.Logger()}
	if err := t.Validate(ctx, opts); err != nil {
		return template.UserError(err)
	}
	warned := map[string]bool{}
	for _, m := range tw.Messages(wdir) {
		warned[m] = true
		fmt.Fprintf(a.stderr, "easel: template: %s\n", m)
	}
	defer func() {
		for _, m := range later.Messages(wdir) {
			if !warned[m] {
				fmt.Fprintf(a.stderr, "easel: template: %s\n", m)
			}
		}
	}()
	opts.Count, opts.Log = *n, later.Logger()
	// Combinatorial listing stops at a default cap; one prompt more tells
	// whether the list was cut, so the person is told instead of left to
	// guess why it stopped at exactly that many.
	capped := mode == template.Combinatorial && *n == 0
	if capped {
		opts.Count = template.DefaultMax + 1
	}
	w := bufio.NewWriter(a.stdout)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	printed := 0
	for p, err := range t.Prompts(ctx, opts) {
		if err == nil && capped && printed == template.DefaultMax {
			if err := w.Flush(); err != nil {
				return err
			}
			fmt.Fprintf(a.stderr, "easel: template: listed the first %d prompts (the default cap); -n N lists up to N\n", template.DefaultMax)
			return nil
		}
		printed++
		if err != nil {
			w.Flush() // what was made before the error stays printed
			return template.UserError(err)
		}
		if *asJSON {
			err = enc.Encode(struct {
				Prompt string `json:"prompt"`
			}{p})
		} else {
			// One prompt a line: a newline or control character in one
			// is escaped (--json keeps the text exact).
			_, err = w.WriteString(termSafe(p) + "\n")
		}
		if err != nil {
			return err
		}
	}
	return w.Flush()
}

// openWildcards opens the wildcards directory: dir when given (it must
// exist), else <dataDir>/wildcards when it exists, else none. It is opened
// as an os.Root, so that no wildcard name or symbolic link reaches outside.
func openWildcards(dir, dataDir string) (fs.FS, func(), error) {
	explicit := dir != ""
	if !explicit {
		dir = filepath.Join(dataDir, "wildcards")
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		if !explicit && errors.Is(err, fs.ErrNotExist) {
			return nil, func() {}, nil
		}
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil, easel.Errorf(easel.EINVALID, "template: wildcards directory %s does not exist: create it or pass another --wildcards DIR", dir)
		}
		return nil, nil, easel.Errorf(easel.EINVALID, "template: cannot open wildcards directory: %v", err)
	}
	return root.FS(), func() { root.Close() }, nil
}

package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/config"
	"github.com/easel-art/easel/imageio"
	"github.com/easel-art/easel/prompt/styles"
)

const stylesUsage = `Usage: easel styles list|show NAME|import FILE.csv [flags]

Style presets: a prompt with a {prompt} placeholder and a negative prompt, used with --style.
  list             every style: easel's own, then those you imported
  show NAME        one style in full
  import FILE.csv  adds the styles of an AUTOMATIC1111 styles.csv file (columns
                   name,prompt,negative_prompt) to <data dir>/styles.csv; an imported style
                   replaces a built-in one of the same name

Examples:
  easel styles list
  easel styles show watercolor
  easel styles import ~/stable-diffusion-webui/styles.csv`

func cmdStyles(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("styles", stylesUsage)
	var df dataFlags
	df.add(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return easel.Errorf(easel.EINVALID, "say what to do: easel styles list, easel styles show NAME or easel styles import FILE.csv")
	}
	dataDir := config.DataDir(df.dataDir, a.getenv)
	sub, rest := pos[0], pos[1:]
	switch sub {
	case "list", "ls":
		if len(rest) > 0 {
			return easel.Errorf(easel.EINVALID, "easel styles list takes no arguments (got %q)", strings.Join(rest, " "))
		}
		return a.stylesList(dataDir, df.json)
	case "show":
		name, err := oneArg(rest, "style name", "easel styles show watercolor")
		if err != nil {
			return err
		}
		return a.stylesShow(dataDir, name, df.json)
	case "import":
		if len(rest) != 1 {
			return easel.Errorf(easel.EINVALID, "give one file to import: easel styles import FILE.csv")
		}
		return a.stylesImport(dataDir, rest[0], df.json)
	}
	return easel.Errorf(easel.EINVALID, "unknown styles command %q: use list, show NAME or import FILE.csv", sub)
}

// styleJSON is how --json prints a style.
func styleJSON(s styles.Style) map[string]any {
	return map[string]any{"name": s.Name, "prompt": s.Prompt, "negative_prompt": s.Negative, "builtin": s.Builtin}
}

func (a *app) stylesList(dataDir string, asJSON bool) error {
	lib, err := styles.Load(dataDir)
	if err != nil {
		return err
	}
	all := lib.List()
	if asJSON {
		for _, s := range all {
			if err := printJSON(a.stdout, styleJSON(s)); err != nil {
				return err
			}
		}
		return nil
	}
	width := 0
	for _, s := range all {
		width = max(width, len([]rune(s.Name)))
	}
	width = min(width, 28)
	for _, s := range all {
		mark := ""
		if !s.Builtin {
			mark = " (imported)"
		}
		fmt.Fprintf(a.stdout, "%-*s  %s%s\n", width, termSafe(s.Name), oneLine(s.Prompt, 72), mark)
	}
	return nil
}

func (a *app) stylesShow(dataDir, name string, asJSON bool) error {
	lib, err := styles.Load(dataDir)
	if err != nil {
		return err
	}
	s, err := lib.Get(name)
	if err != nil {
		return err
	}
	if asJSON {
		return printJSON(a.stdout, styleJSON(s))
	}
	source := "built in"
	if !s.Builtin {
		source = "imported into " + filepath.Join(dataDir, styles.FileName)
	}
	fmt.Fprintf(a.stdout, "name:            %s\nprompt:          %s\nnegative_prompt: %s\nsource:          %s\n", termSafe(s.Name), termSafe(s.Prompt), termSafe(s.Negative), source)
	return nil
}

func (a *app) stylesImport(dataDir, file string, asJSON bool) error {
	data, err := imageio.ReadFile(file, 8<<20) // styles.csv files are kilobytes
	if errors.Is(err, os.ErrNotExist) {
		return easel.Errorf(easel.ENOTFOUND, "%s does not exist: give the path of an AUTOMATIC1111 styles.csv", file)
	}
	if err != nil {
		return &easel.Error{Code: easel.EINVALID, Message: "cannot read the styles file: " + easel.ErrorMessage(err), Err: err}
	}
	imported, err := styles.Import(bytes.NewReader(data))
	if err != nil {
		var e *easel.Error
		if errors.As(err, &e) {
			return &easel.Error{Code: e.Code, Message: file + ": " + e.Message, Err: err}
		}
		return fmt.Errorf("import %s: %w", file, err)
	}
	if len(imported) == 0 {
		return easel.Errorf(easel.EINVALID, "%s has a header but no styles: add lines name,prompt,negative_prompt", file)
	}
	added, replaced, err := styles.Save(dataDir, imported)
	if err != nil {
		return err
	}
	var overrides []string
	for _, s := range imported {
		if b, err := styles.Get(s.Name); err == nil {
			overrides = append(overrides, b.Name)
		}
	}
	path := filepath.Join(dataDir, styles.FileName)
	if asJSON {
		names := make([]string, len(imported))
		for i, s := range imported {
			names[i] = s.Name
		}
		return printJSON(a.stdout, map[string]any{
			"imported": len(imported), "added": added, "replaced": replaced,
			"overrides_builtin": overrides, "names": names, "file": path,
		})
	}
	fmt.Fprintf(a.stdout, "imported %s into %s (%d new, %d replacing earlier imports)\n", plural(len(imported), "style"), path, added, replaced)
	if len(overrides) > 0 {
		fmt.Fprintf(a.stdout, "these now replace the built-in styles of the same name: %s\n", strings.Join(overrides, ", "))
	}
	return nil
}

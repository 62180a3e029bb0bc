package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/canvas"
	"github.com/easel-art/easel/internal/atomicfile"
	"github.com/easel-art/easel/pngmeta"
)

const renderUsage = `Usage: easel render [flags] SCENE.json

Draws a Scene with the built-in canvas, offline. The Scene is JSON, written by
hand or by an LLM: see docs/scene.md for the fields and docs/scene.schema.json
for its JSON Schema. "-" reads the Scene from standard input. The canvas is
procedural painting in Go, not a diffusion model.

Examples:
  easel render scene.json
  easel render scene.json --size 1600x900 --seed 7 --style watercolor -o dusk.png
  echo '{"time_of_day":"sunset","elements":["sea","beach","sun"]}' | easel render -`

// maxSceneFile bounds what render reads: a Scene is a few hundred bytes.
const maxSceneFile = 1 << 20

func cmdRender(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("render", renderUsage)
	var size sizeFlags
	size.add(fs)
	seed := fs.Int64("seed", -1, "seed, -1 for a random one; the same seed gives the same picture")
	style := fs.String("style", "", "style: "+strings.Join(canvas.Styles, ", ")+" (default: the Scene's own)")
	var out string
	fs.StringVar(&out, "o", "", "output PNG file (default: the Scene file's name with .png)")
	fs.StringVar(&out, "out", "", "same as -o")
	asJSON := fs.Bool("json", false, "print the result as one JSON object")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return easel.Errorf(easel.EINVALID, "give one Scene file: for example easel render scene.json (see easel render --help)")
	}
	sz, err := size.resolve()
	if err != nil {
		return err
	}
	src := pos[0]
	sc, notes, err := readScene(a.stdin, src)
	if err != nil {
		return err
	}
	for _, n := range notes {
		fmt.Fprintf(a.stderr, "easel: note: %s\n", n)
	}
	if out == "" {
		out = "scene.png"
		if src != "-" {
			out = strings.TrimSuffix(src, filepath.Ext(src)) + ".png"
		}
	}
	s := resolveSeed(*seed)
	st := *style
	if st == "" {
		st = sc.Style
	}
	start := time.Now()
	res, err := canvas.New().Render(ctx, &easel.RenderRequest{Scene: sc, Style: st, Seed: s, Width: sz.Width, Height: sz.Height, N: 1})
	if err != nil {
		return err
	}
	art := &easel.Artwork{
		Idea: sc.Idea, Prompt: sceneText(sc), Style: canvas.CanonicalStyle(st), Engine: "builtin", Model: res.Model,
		Seed: s, Width: sz.Width, Height: sz.Height, Scene: sc, Method: easel.MethodRender,
		ElapsedMS: time.Since(start).Milliseconds(), CreatedAt: time.Now().UTC(),
	}
	data, err := withMetadata(res.Images[0].PNG, art)
	if err != nil {
		return err
	}
	if err := writeFileAtomic(out, data); err != nil {
		return err
	}
	if *asJSON {
		return printJSON(a.stdout, struct {
			Path   string `json:"path"`
			Seed   int64  `json:"seed"`
			Width  int    `json:"width"`
			Height int    `json:"height"`
			Style  string `json:"style"`
		}{out, s, sz.Width, sz.Height, art.Style})
	}
	fmt.Fprintf(a.stdout, "%s  %dx%d  seed %d  %s\n", out, sz.Width, sz.Height, s, art.Style)
	return nil
}

// readScene reads and decodes a Scene file ("-" for stdin). Bad JSON is an
// EINVALID error that says where; fields easel does not know are reported
// as notes and ignored, so a Scene written by an LLM still renders.
func readScene(stdin io.Reader, path string) (*easel.Scene, []string, error) {
	var data []byte
	var err error
	name := path
	if path == "-" {
		name = "standard input"
		data, err = io.ReadAll(io.LimitReader(stdin, maxSceneFile+1))
	} else {
		var st os.FileInfo
		if st, err = os.Stat(path); err == nil && st.IsDir() {
			return nil, nil, easel.Errorf(easel.EINVALID, "%s is a directory: give a Scene JSON file", path)
		}
		if err == nil {
			if data, err = readInput(path, maxSceneFile+1, "the Scene file"); err != nil {
				return nil, nil, err
			}
		}
	}
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, nil, easel.Errorf(easel.EINVALID, "cannot read %s: %v", name, err)
	}
	if len(data) > maxSceneFile {
		return nil, nil, easel.Errorf(easel.EINVALID, "%s is over %d KB: a Scene is a small JSON object", name, maxSceneFile>>10)
	}
	sc, notes, err := decodeScene(data)
	if err != nil {
		return nil, nil, easel.Errorf(easel.EINVALID, "%s: %s (see docs/scene.md)", name, err)
	}
	return sc, notes, nil
}

// decodeScene decodes Scene JSON. It returns notes for unknown fields.
func decodeScene(data []byte) (*easel.Scene, []string, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil, errors.New("the Scene is empty: write a JSON object such as {\"elements\":[\"sea\",\"sun\"]}")
	}
	var sc easel.Scene
	if err := json.Unmarshal(data, &sc); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			line, col := position(data, se.Offset)
			return nil, nil, fmt.Errorf("not valid JSON at line %d, column %d: %v", line, col, se)
		case errors.As(err, &te):
			if te.Field == "" {
				return nil, nil, fmt.Errorf("a Scene is a JSON object, not %s", te.Value)
			}
			return nil, nil, fmt.Errorf("field %q should be %s, not %s", te.Field, jsonKind(te.Type.Kind().String()), te.Value)
		}
		return nil, nil, err
	}
	var notes []string
	var raw map[string]json.RawMessage
	if json.Unmarshal(data, &raw) == nil {
		known := sceneFields()
		var unknown []string
		for k := range raw {
			if !known[k] {
				unknown = append(unknown, strconv.Quote(k))
			}
		}
		if len(unknown) > 0 {
			slices.Sort(unknown)
			notes = append(notes, fmt.Sprintf("ignored unknown Scene field(s) %s (see docs/scene.md)", strings.Join(unknown, ", ")))
		}
	}
	return &sc, notes, nil
}

// sceneFields lists the JSON names of easel.Scene's fields.
func sceneFields() map[string]bool {
	b, _ := json.Marshal(easel.Scene{
		Idea: "x", Subject: "x", Subjects: []easel.Subject{{}}, Domain: "x", Setting: "x", TimeOfDay: "x",
		Weather: "x", Season: "x", Mood: "x", Palette: []string{"x"}, Style: "x", View: "x",
		Elements: []string{"x"}, Extra: []string{"x"},
	})
	var m map[string]any
	json.Unmarshal(b, &m)
	known := map[string]bool{}
	for k := range m {
		known[k] = true
	}
	return known
}

func jsonKind(k string) string {
	switch k {
	case "slice":
		return "a list"
	case "struct":
		return "an object"
	case "int":
		return "a number"
	}
	return "a " + k
}

// position turns a byte offset into a 1-based line and column.
func position(data []byte, off int64) (line, col int) {
	off = min(max(off, 0), int64(len(data)))
	before := data[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	col = int(off) - bytes.LastIndexByte(before, '\n')
	return line, col
}

// sceneText describes the Scene in words for the PNG's prompt field.
func sceneText(s *easel.Scene) string {
	if s.Idea != "" {
		return s.Idea
	}
	var parts []string
	for _, v := range []string{s.Subject, s.Setting, s.TimeOfDay, s.Weather, s.Season, s.Mood} {
		if v != "" {
			parts = append(parts, v)
		}
	}
	parts = append(parts, s.Elements...)
	if len(parts) == 0 {
		return "a landscape"
	}
	return strings.Join(parts, ", ")
}

// withMetadata adds the A1111 `parameters` and easel's JSON chunks.
func withMetadata(png []byte, art *easel.Artwork) ([]byte, error) {
	js, err := json.Marshal(art)
	if err != nil {
		return nil, fmt.Errorf("render metadata: %w", err)
	}
	out, err := pngmeta.Write(png, art.Prompt, "", pngmeta.ParamsFor(art), js)
	if err != nil {
		return nil, fmt.Errorf("render metadata: %w", err)
	}
	return out, nil
}

// writeFileAtomic writes data to path through internal/atomicfile, so a
// reader never sees half a picture, with the errors a person can act on.
func writeFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return easel.Errorf(easel.EINVALID, "%s is a directory: give a file name such as %s", path, filepath.Join(path, "scene.png"))
	}
	if _, err := os.Stat(dir); err != nil {
		return easel.Errorf(easel.EINVALID, "cannot write to %s: %v", dir, unwrapPath(err))
	}
	if err := atomicfile.Write(path, data, atomicfile.Options{Prefix: ".easel-"}); err != nil {
		if errors.Is(err, fs.ErrPermission) {
			return easel.Errorf(easel.EINVALID, "cannot write to %s: %v", dir, unwrapPath(err))
		}
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

package canvas

import (
	"bufio"
	"flag"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/easel-art/easel/internal/corpus"
	"github.com/easel-art/easel/scene"
)

// Flags of TestContactSheet, the contact sheets for a person to look at:
//
//	go test ./engine/canvas -run ContactSheet -sheet /tmp/corpus.png
//
// draws every idea of the corpus (testdata/ideas.txt), one sheet per
// section (/tmp/corpus-people.png, ...). bench/sheet.sh wraps it.
var (
	sheetOut    = flag.String("sheet", "", "TestContactSheet: write contact sheets to this PNG (one per section, named after it)")
	sheetIdeas  = flag.String("sheet-ideas", "", "TestContactSheet: an ideas file (one a line; '## name' starts a section; text after '|' is ignored) instead of the corpus")
	sheetStyle  = flag.String("sheet-style", "", "TestContactSheet: draw in this style (default: each idea's own)")
	sheetSeed   = flag.Int64("sheet-seed", 1, "TestContactSheet: the seed")
	sheetCell   = flag.Int("sheet-cell", 256, "TestContactSheet: thumbnail size in pixels")
	sheetStyles = flag.String("sheet-styles", "", "TestContactSheet: draw this one idea in every style, side by side, instead")
	sheetOne    = flag.Bool("sheet-one", false, "TestContactSheet: all ideas on one sheet, not one per section")
	sheetNotes  = flag.Bool("sheet-notes", false, "TestContactSheet: add the result's notes (not drawn, a plain shape) to each caption")
)

// TestContactSheet renders contact sheets when -sheet names the output file
// (EASEL_SHEET too, for scripts); otherwise it skips.
func TestContactSheet(t *testing.T) {
	out := *sheetOut
	if out == "" {
		out = os.Getenv("EASEL_SHEET")
	}
	if out == "" {
		t.Skip("set -sheet /tmp/sheet.png to render contact sheets")
	}
	cell := *sheetCell
	if *sheetStyles != "" {
		var items []SheetItem
		s := scene.Parse(*sheetStyles)
		for _, st := range Styles {
			items = append(items, SheetItem{Image: Draw(s, st, cell, cell, *sheetSeed), Caption: st})
		}
		writeSheet(t, out, Sheet(items, SheetOptions{Columns: min(len(items), 4), Cell: cell, Title: *sheetStyles + " · seed " + strconv.FormatInt(*sheetSeed, 10)}))
		return
	}
	sections, err := sheetSections(*sheetIdeas)
	if err != nil {
		t.Fatal(err)
	}
	if *sheetOne {
		var all []string
		for _, s := range sections {
			all = append(all, s.ideas...)
		}
		sections = []ideaSection{{name: "", ideas: all}}
	}
	title := "easel canvas · style " + orOwn(*sheetStyle) + " · seed " + strconv.FormatInt(*sheetSeed, 10)
	for _, sec := range sections {
		var items []SheetItem
		for _, idea := range sec.ideas {
			sc := scene.Parse(idea)
			img := Draw(sc, *sheetStyle, cell, cell, *sheetSeed)
			caption := idea
			if *sheetNotes {
				if nd := NotDrawn(sc); len(nd) > 0 {
					caption += " · not drawn: " + strings.Join(nd, ", ")
				}
				if r := Roughly(sc); len(r) > 0 {
					caption += " · plain shape: " + strings.Join(r, ", ")
				}
			}
			items = append(items, SheetItem{Image: img, Caption: caption})
		}
		path := out
		if sec.name != "" && len(sections) > 1 {
			ext := filepath.Ext(out)
			path = strings.TrimSuffix(out, ext) + "-" + slug(sec.name) + ext
		}
		tt := title
		if sec.name != "" {
			tt = sec.name + " · " + title
		}
		writeSheet(t, path, Sheet(items, SheetOptions{Columns: 6, Cell: cell, Title: tt}))
		t.Logf("%s: %d ideas", path, len(items))
	}
}

// ideaSection is a run of ideas under one "## name" heading.
type ideaSection struct {
	name  string
	ideas []string
}

// sheetSections reads the ideas: the corpus when path is "", else the file.
func sheetSections(path string) ([]ideaSection, error) {
	var out []ideaSection
	add := func(section, idea string) {
		if len(out) == 0 || out[len(out)-1].name != section {
			out = append(out, ideaSection{name: section})
		}
		out[len(out)-1].ideas = append(out[len(out)-1].ideas, idea)
	}
	if path == "" {
		ideas, err := corpus.Load()
		if err != nil {
			return nil, err
		}
		for _, idea := range ideas {
			add(idea.Section, idea.Text)
		}
		return out, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	section := ""
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(line, "## "):
			section = strings.TrimPrefix(line, "## ")
			continue
		case line == "" || strings.HasPrefix(line, "#"):
			continue
		}
		idea, _, _ := strings.Cut(line, "|")
		add(section, strings.TrimSpace(idea))
	}
	return out, sc.Err()
}

func orOwn(style string) string {
	if style == "" {
		return "each idea's own"
	}
	return CanonicalStyle(style)
}

// slug makes a section name a file name part: "fish and sea life" is
// "fish-and-sea-life".
func slug(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return (r < 'a' || r > 'z') && (r < '0' || r > '9')
	}), "-")
}

func writeSheet(t *testing.T, out string, sheet image.Image) {
	t.Helper()
	w, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := png.Encode(w, sheet); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

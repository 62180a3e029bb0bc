package canvas

import (
	"bufio"
	"image"
	"image/png"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/easel-art/easel/scene"
)

// TestReviewSheet renders every idea in the shared ideas file through the
// scene parser and lays them out on a contact sheet, for a person to look
// at. It runs only when EASEL_SHEET names the output file, such as
// EASEL_SHEET=/tmp/sheet.png go test -run ReviewSheet ./engine/canvas/
// EASEL_SHEET_STYLE picks a style, EASEL_SHEET_SEED a seed and
// EASEL_SHEET_IDEAS another ideas file.
func TestReviewSheet(t *testing.T) {
	out := os.Getenv("EASEL_SHEET")
	if out == "" {
		t.Skip("set EASEL_SHEET=/tmp/sheet.png to render the review contact sheet")
	}
	path := os.Getenv("EASEL_SHEET_IDEAS")
	if path == "" {
		path = "../../../shared/data/ideas.txt"
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	seed, _ := strconv.ParseInt(os.Getenv("EASEL_SHEET_SEED"), 10, 64)
	style := os.Getenv("EASEL_SHEET_STYLE")
	var items []SheetItem
	if idea := os.Getenv("EASEL_SHEET_ALLSTYLES"); idea != "" {
		for _, st := range Styles {
			items = append(items, SheetItem{Image: Draw(scene.Parse(idea), st, 400, 400, seed), Caption: st})
		}
		writeSheet(t, out, Sheet(items, SheetOptions{Columns: 3, Cell: 400, Title: idea}))
		return
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		idea := strings.TrimSpace(sc.Text())
		if idea == "" || strings.HasPrefix(idea, "#") {
			continue
		}
		s := scene.Parse(idea)
		img := Draw(s, style, 320, 320, seed)
		items = append(items, SheetItem{Image: img, Caption: idea})
	}
	sheet := Sheet(items, SheetOptions{Columns: 6, Cell: 320, Title: "easel canvas · style " + CanonicalStyle(style) + " · seed " + strconv.FormatInt(seed, 10)})
	writeSheet(t, out, sheet)
}

func writeSheet(t *testing.T, out string, sheet image.Image) {
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

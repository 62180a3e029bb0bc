package canvas

import (
	"bufio"
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/easel-art/easel/scene"
)

// TestLivingSheet renders the ideas of the file EASEL_LIVING_IDEAS (one a
// line) on a contact sheet at EASEL_LIVING_SHEET, logging each Scene's
// subjects and what is not drawn, for a person to look at living things
// (people, animals, birds, creatures) and how they relate. It runs only
// when both are set:
// EASEL_LIVING_STYLE picks a style, EASEL_SHEET_SEED a seed.
// EASEL_LIVING_IDEAS=ideas.txt EASEL_LIVING_SHEET=/tmp/s.png go test -run LivingSheet -v ./engine/canvas/
func TestLivingSheet(t *testing.T) {
	path, out := os.Getenv("EASEL_LIVING_IDEAS"), os.Getenv("EASEL_LIVING_SHEET")
	if path == "" || out == "" {
		t.Skip("set EASEL_LIVING_IDEAS and EASEL_LIVING_SHEET")
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	seed, _ := strconv.ParseInt(os.Getenv("EASEL_SHEET_SEED"), 10, 64)
	var items []SheetItem
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		idea := strings.TrimSpace(sc.Text())
		if idea == "" || strings.HasPrefix(idea, "#") {
			continue
		}
		s := scene.Parse(idea)
		subs, _ := json.Marshal(s.Subjects)
		t.Logf("%s\n  elements %v kind-setting %q\n  subjects %s\n  not drawn %v", idea, s.Elements, s.Setting, subs, NotDrawn(s))
		caption := idea
		if nd := NotDrawn(s); len(nd) > 0 {
			caption += " [not drawn: " + strings.Join(nd, ", ") + "]"
		}
		items = append(items, SheetItem{Image: Draw(s, os.Getenv("EASEL_LIVING_STYLE"), 300, 300, seed), Caption: caption})
	}
	writeSheet(t, out, Sheet(items, SheetOptions{Columns: 6, Cell: 300}))
}

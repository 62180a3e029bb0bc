package corpus

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestLoadFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ideas.txt")
	text := `# comment | not an idea
## people
a girl holding a red umbrella | girl=person; umbrella red; @ girl holding umbrella
three white rabbits | rabbits=mammal x3 white
## held out
a teddy bear on a bed | teddy bear=toy; @ teddy bear on bed
`
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	ideas, err := LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(ideas) != 3 {
		t.Fatalf("%d ideas, want 3", len(ideas))
	}
	a, b, c := ideas[0], ideas[1], ideas[2]
	if a.Section != "people" || a.HeldOut || len(a.Facts) != 2 || a.Facts[1].Noun != "umbrella" || !slices.Equal(a.Facts[1].Colors, []string{"red"}) {
		t.Errorf("first idea %+v", a)
	}
	if !slices.Equal(a.Relations, []string{"girl holding umbrella"}) {
		t.Errorf("relations %q, want the @ fact only", a.Relations)
	}
	if f := b.Facts[0]; f.Noun != "rabbits" || f.Category != "mammal" || f.Count != 3 || !slices.Equal(f.Colors, []string{"white"}) {
		t.Errorf("count fact %+v", f)
	}
	if !c.HeldOut || c.Facts[0].Noun != "teddy bear" || c.Facts[0].Category != "toy" || len(c.Relations) != 1 {
		t.Errorf("held-out idea %+v", c)
	}
	if err := os.WriteFile(path, []byte("an idea with no facts\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadFile(path); err == nil {
		t.Error("a line with no facts loaded; want an error")
	}
}

func TestLoadCorpus(t *testing.T) {
	ideas, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	held := 0
	for _, i := range ideas {
		if i.HeldOut {
			held++
		}
	}
	if len(ideas) < 300 || held == 0 {
		t.Errorf("%d ideas, %d held out", len(ideas), held)
	}
}

package describe

import (
	"bytes"
	"image/png"
	"slices"
	"strings"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/canvas"
	"github.com/easel-art/easel/imageio"
	"github.com/easel-art/easel/prompt/builtin"
)

// TestKnownScenes draws ten Scenes with the canvas and checks the offline
// describer names their time of day and main colours. The thresholds
// were set on other places (beaches, lakes with mountains, city
// skylines, lighthouses, meadows at every time of day); these ten are
// held out, and their colours were written down before the describer
// first saw them. Daytimes (morning, noon, afternoon) are one class:
// their skies are the same blue. A case is right when the time matches
// and the two largest colours are among those a person would name.
func TestKnownScenes(t *testing.T) {
	cases := []struct {
		idea, time string
		colors     []string
	}{
		{"a desert with dunes at sunset", "sunset", []string{"orange", "brown", "pink", "purple", "red", "gold"}},
		{"a snowy village at night", "night", []string{"blue", "grey", "black", "white", "teal"}},
		{"a harbor with fishing boats at dawn", "dawn", []string{"pink", "purple", "blue", "orange", "grey", "gold"}},
		{"a wheat field at golden hour", "golden hour", []string{"gold", "yellow", "orange", "brown"}},
		{"a forest lake at noon", "day", []string{"green", "blue", "teal"}},
		{"an island in the ocean in the afternoon", "day", []string{"blue", "teal", "green"}},
		{"a castle on a hill at dusk", "dusk", []string{"blue", "purple", "grey", "black"}},
		{"a river valley in the morning", "day", []string{"green", "blue", "teal"}},
		{"a pier at sunset", "sunset", []string{"orange", "pink", "purple", "red", "brown", "gold"}},
		{"a field of red poppies at noon", "day", []string{"red", "green", "blue"}},
	}
	right := 0
	for _, c := range cases {
		ps, err := builtin.New().WritePrompts(t.Context(), easel.WriteRequest{Idea: c.idea, Seed: 7})
		if err != nil {
			t.Fatal(err)
		}
		sc := ps[0].Scene
		a := Analyze(canvas.Draw(sc, sc.Style, 256, 256, 7))
		var fams []string
		for _, s := range a.Colors[:min(2, len(a.Colors))] {
			fams = append(fams, s.Family)
		}
		timeOK := a.TimeOfDay == c.time
		colorsOK := len(fams) > 0
		for _, f := range fams {
			colorsOK = colorsOK && slices.Contains(c.colors, f)
		}
		if timeOK && colorsOK {
			right++
		} else {
			t.Logf("%s (drawn %s, %s): read %s, colours %v %v", c.idea, sc.TimeOfDay, sc.Weather, a.TimeOfDay, fams, a.Colors)
		}
	}
	t.Logf("%d of %d right", right, len(cases))
	if right < 8 {
		t.Errorf("only %d of %d scenes read right; want at least 8", right, len(cases))
	}
}

// TestPromptsDiffer checks n prompts are n different texts that say the
// time and the colours, and that the note is honest about objects.
func TestPromptsDiffer(t *testing.T) {
	ps, _ := builtin.New().WritePrompts(t.Context(), easel.WriteRequest{Idea: "a beach at sunset", Seed: 2})
	a := Analyze(canvas.Draw(ps[0].Scene, "", 256, 144, 2))
	if a.Aspect != "16:9" {
		t.Errorf("aspect %q; want 16:9", a.Aspect)
	}
	out := Prompts(a, 7)
	seen := map[string]bool{}
	for i, p := range out {
		if seen[p.Text] {
			t.Errorf("prompt %d repeats: %s", i+1, p.Text)
		}
		seen[p.Text] = true
		low := strings.ToLower(p.Text)
		if !strings.Contains(low, "sunset") || !strings.Contains(low, a.Colors[0].Name) {
			t.Errorf("prompt %d does not say the time and main colour (%s): %s", i+1, a.Colors[0].Name, p.Text)
		}
		if p.Scene == nil || p.Scene.TimeOfDay != "sunset" || len(p.Scene.Palette) == 0 {
			t.Errorf("prompt %d Scene %+v", i+1, p.Scene)
		}
	}
	if !strings.Contains(Note, "--llm") {
		t.Error("the note must say how to recognise objects")
	}
}

// TestColorNames checks the list loads and names plain colours plainly.
func TestColorNames(t *testing.T) {
	if n := len(colorNames()); n < 1000 {
		t.Fatalf("%d colour names; want the 1,030 of colornames.csv", n)
	}
	for _, c := range []struct {
		r, g, b float64
		fam     string
	}{{1, 0, 0, "red"}, {0, 0, 1, "blue"}, {0, 0.6, 0, "green"}, {1, 1, 1, "white"}, {0, 0, 0, "black"}, {0.5, 0.5, 0.5, "grey"}, {1, 0.55, 0, "orange"}} {
		if f := family(c.r, c.g, c.b); f != c.fam {
			t.Errorf("family(%v,%v,%v) = %s; want %s", c.r, c.g, c.b, f, c.fam)
		}
		if name := colorName(c.r, c.g, c.b); !strings.Contains(name, c.fam) && c.fam != "grey" && c.fam != "orange" {
			t.Errorf("colorName(%v,%v,%v) = %q; want a %s", c.r, c.g, c.b, name, c.fam)
		}
	}
}

func BenchmarkDescribe1024(b *testing.B) {
	ps, _ := builtin.New().WritePrompts(b.Context(), easel.WriteRequest{Idea: "a lighthouse on a rocky coast at dusk", Seed: 1})
	var buf bytes.Buffer
	if err := png.Encode(&buf, canvas.Draw(ps[0].Scene, "", 1024, 1024, 1)); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.ReportAllocs()
	for b.Loop() {
		img, _, err := imageio.Decode(data)
		if err != nil {
			b.Fatal(err)
		}
		Prompts(Analyze(img), 4)
	}
}

package builtin

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/lexical"
	"github.com/easel-art/easel/scene"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func TestSameSeedSameText(t *testing.T) {
	for _, idea := range readIdeas(t) {
		a := writeN(t, idea, 99, 3, 70)
		b := writeN(t, idea, 99, 3, 70)
		if !reflect.DeepEqual(a, b) {
			t.Errorf("idea %q: two runs with seed 99 differ", idea)
		}
	}
	// Different seeds write different prompts.
	same := 0
	for _, idea := range readIdeas(t) {
		if writeN(t, idea, 1, 1, 0)[0].Text == writeN(t, idea, 2, 1, 0)[0].Text {
			same++
		}
	}
	if same > 2 {
		t.Errorf("%d ideas wrote the same text for seeds 1 and 2", same)
	}
}

func TestGolden(t *testing.T) {
	cases := []struct {
		idea  string
		seed  int64
		n     int
		chaos int
	}{
		{"a beach sunset", 1, 3, 0},
		{"a beach sunset", 2, 2, 100},
		{"a cozy cabin in a snowy forest at night", 42, 2, 50},
		{"a busy night market with lanterns", 7, 2, 0},
		{"a portrait of an elderly fisherman", 3, 1, 0},
		{"a watercolor painting of a harbor town", 5, 2, 30},
		{"a bowl of ramen on a wooden table", 11, 1, 0},
		{"blorp zizzle", 1, 1, 0},
	}
	for _, c := range cases {
		name := fmt.Sprintf("%s-seed%d-chaos%d", strings.ReplaceAll(c.idea, " ", "_"), c.seed, c.chaos)
		t.Run(name, func(t *testing.T) {
			var b strings.Builder
			for _, p := range writeN(t, c.idea, c.seed, c.n, c.chaos) {
				kw, _ := json.Marshal(p.Keywords)
				sc, _ := json.Marshal(p.Scene)
				fmt.Fprintf(&b, "# variation %d seed %d\n%s\n\nkeywords: %s\nnegative: %s\nscene: %s\n\n",
					p.Variation, p.Seed, p.Text, kw, strings.Join(p.Negative, ", "), sc)
			}
			path := filepath.Join("testdata", name+".golden")
			if *update {
				if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./prompt/builtin -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), b.String()); diff != "" {
				t.Errorf("output differs from %s (-want +got):\n%s", path, diff)
			}
		})
	}
}

func TestChaos(t *testing.T) {
	fields := func(s *easel.Scene) [4]string { return [4]string{s.TimeOfDay, s.Weather, s.Mood, s.View} }
	// Chaos 0 changes only the wording: the picture stays the same.
	ps := writeN(t, "a beach sunset", 5, 4, 0)
	for _, p := range ps[1:] {
		if fields(p.Scene) != fields(ps[0].Scene) {
			t.Errorf("chaos 0 changed the scene: %v vs %v", fields(p.Scene), fields(ps[0].Scene))
		}
	}
	// Chaos 100 changes what the idea left open (here weather, mood and
	// view; the sunset was asked for and stays).
	ps = writeN(t, "a beach sunset", 5, 4, 100)
	for _, p := range ps[1:] {
		f := fields(p.Scene)
		if f[0] != "sunset" {
			t.Errorf("chaos 100 changed the time the idea named: %q", f[0])
		}
		base := fields(ps[0].Scene)
		if f[1] == base[1] || f[2] == base[2] || f[3] == base[3] {
			t.Errorf("chaos 100 kept the weather, mood or view: %v vs %v", f, base)
		}
	}
	// With nothing said about time, strong variations move the light.
	moved := false
	ps = writeN(t, "a fox", 5, 4, 100)
	for _, p := range ps[1:] {
		if p.Scene.TimeOfDay != ps[0].Scene.TimeOfDay {
			moved = true
		}
	}
	if !moved {
		t.Error("chaos 100 never moved the time of day of an idea that named none")
	}
}

func TestSceneGiven(t *testing.T) {
	in := &easel.Scene{Subject: "a lone camel", Subjects: []easel.Subject{{Noun: "camel", Adjectives: []string{"lone"}, Element: "camel"}},
		Setting: "desert", Domain: "desert", TimeOfDay: "sunset", Elements: []string{"camel", "desert", "dunes"}}
	before, _ := json.Marshal(in)
	ps, err := New().WritePrompts(t.Context(), easel.WriteRequest{Scene: in, Seed: 1, N: 2, Chaos: 100})
	if err != nil {
		t.Fatal(err)
	}
	after, _ := json.Marshal(in)
	if string(before) != string(after) {
		t.Errorf("WritePrompts changed the caller's Scene:\n%s\n%s", before, after)
	}
	for _, p := range ps {
		if !strings.Contains(p.Text, "camel") || !strings.Contains(p.Text, "desert") || !strings.Contains(p.Text, "sunset") {
			t.Errorf("text does not describe the given scene:\n%s", p.Text)
		}
		if pr := problems("a lone camel in the desert at sunset", p.Text, 40, 120); len(pr) > 0 {
			t.Errorf("%s\nproblems: %s", p.Text, strings.Join(pr, "; "))
		}
		if p.Scene == in || p.Scene.TimeOfDay != "sunset" {
			t.Errorf("prompt scene should be a copy that keeps the sunset; got %+v", p.Scene)
		}
	}
	// A Scene wins over the idea's words.
	p := writeN(t, "ignored words", 1, 1, 0)[0]
	ps, _ = New().WritePrompts(t.Context(), easel.WriteRequest{Idea: "a camel", Scene: in, Seed: 1})
	if ps[0].Scene.Setting != "desert" || p.Scene.Setting == "desert" {
		t.Error("WriteRequest.Scene was not used in place of parsing")
	}
}

func TestWriteErrors(t *testing.T) {
	w := New()
	for _, req := range []easel.WriteRequest{
		{Idea: ""},
		{Idea: "   "},
		{Idea: strings.Repeat("x", easel.MaxIdeaLen+1)},
		{Idea: "a fox", N: -1},
		{Idea: "a fox", N: MaxVariations + 1},
		{Idea: "a fox", Chaos: 101},
		{Idea: "a fox", Chaos: -1},
	} {
		if _, err := w.WritePrompts(t.Context(), req); easel.ErrorCode(err) != easel.EINVALID {
			t.Errorf("WritePrompts(%+v) error = %v; want EINVALID", req, err)
		}
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := w.WritePrompts(ctx, easel.WriteRequest{Idea: "a fox"}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: error = %v; want context.Canceled", err)
	}
	ps, err := w.WritePrompts(t.Context(), easel.WriteRequest{Idea: "a fox", Negative: "dogs, ,  cats , blurry", Style: "cinematic", Template: "a {fox|cat}"})
	if err != nil || len(ps) != 1 {
		t.Fatalf("N=0: got %d prompts, %v; want 1", len(ps), err)
	}
	p := ps[0]
	if !slices.Contains(p.Negative, "dogs") || !slices.Contains(p.Negative, "cats") || slices.Contains(p.Negative, "") {
		t.Errorf("person's negative text not added cleanly: %q", p.Negative)
	}
	if p.Style != "cinematic" || p.Template != "a {fox|cat}" || p.Idea != "a fox" {
		t.Errorf("request fields not recorded: style %q template %q idea %q", p.Style, p.Template, p.Idea)
	}
}

func TestKeywords(t *testing.T) {
	for _, idea := range readIdeas(t) {
		p := writeN(t, idea, 4, 1, 0)[0]
		if len(p.Keywords) < 5 {
			t.Errorf("idea %q: only %d keywords", idea, len(p.Keywords))
			continue
		}
		seen := map[string]bool{}
		for i, k := range p.Keywords {
			if k.Weight < 0.5 || k.Weight > 1.5 || k.Text == "" || seen[k.Text] {
				t.Errorf("idea %q: bad keyword %d %+v", idea, i, k)
			}
			seen[k.Text] = true
			if i > 0 && k.Weight > p.Keywords[0].Weight {
				t.Errorf("idea %q: keyword %q outweighs the subject", idea, k.Text)
			}
		}
		if p.Keywords[0].Weight != 1.2 {
			t.Errorf("idea %q: first keyword %+v; want the subject at 1.2", idea, p.Keywords[0])
		}
		if len(p.Negative) < 6 {
			t.Errorf("idea %q: negative %q is too short", idea, p.Negative)
		}
	}
	p := writeN(t, "a portrait of an elderly fisherman", 1, 1, 0)[0]
	if !slices.Contains(p.Negative, "extra fingers") {
		t.Errorf("a portrait should keep out extra fingers: %q", p.Negative)
	}
}

// TestTables checks the phrase tables against the lexicon and the Scene
// vocabulary, so a new word never leaves the writer speechless.
func TestTables(t *testing.T) {
	tb := compiled() // panics on a malformed template
	valid := map[string]bool{}
	for _, e := range easel.Elements {
		valid[e] = true
	}
	check := func(where string, list []tmpl) {
		for _, tm := range list {
			for _, a := range tm.adds {
				if !valid[a] {
					t.Errorf("%s: template %q adds unknown element %q", where, tm.src, a)
				}
			}
		}
	}
	for k, l := range tb.subjects {
		check("subject "+k, l)
		if k != "*" && scene.Key(k) != k && !valid[k] {
			t.Errorf("subject lines %q are keyed by neither a lexicon name nor an element", k)
		}
	}
	for k, l := range tb.scenes {
		check("scene "+k, l)
		if !valid[k] {
			t.Errorf("scene lines keyed by unknown element %q", k)
		}
	}
	voc := scene.Vocabulary()
	for _, d := range voc["domain"] {
		if _, ok := profiles[d]; !ok {
			t.Errorf("domain %q has no profile", d)
		}
	}
	for _, m := range voc["mood"] {
		if _, ok := moods[m]; !ok {
			t.Errorf("mood %q has no words", m)
		}
	}
	for _, s := range voc["style"] {
		if _, ok := styles[s]; !ok {
			t.Errorf("style %q has no description", s)
		}
	}
	for _, v := range voc["view"] {
		if _, ok := compositions[v]; !ok {
			t.Errorf("view %q has no compositions", v)
		}
	}
	for _, tod := range voc["time"] {
		if _, ok := lights[tod]; !ok {
			t.Errorf("time %q has no light", tod)
		}
	}
	for name, p := range profiles {
		if len(p.moods) == 0 || len(p.views) == 0 || p.medium == "" {
			t.Errorf("profile %q needs moods, views and a medium", name)
		}
		for _, m := range p.moods {
			if _, ok := moods[m]; !ok {
				t.Errorf("profile mood %q has no words", m)
			}
		}
	}
}

func TestFixArticles(t *testing.T) {
	for in, want := range map[string]string{
		"a old ship":            "an old ship",
		"An cat and a apple":    "A cat and an apple",
		"a hour and an unicorn": "an hour and a unicorn",
		"an 8-bit scene":        "an 8-bit scene",
		"a European city":       "a European city",
		"un chat":               "un chat",
	} {
		if got := string(lexical.FixArticles([]byte(in))); got != want {
			t.Errorf("FixArticles(%q) = %q; want %q", in, got, want)
		}
	}
}

func FuzzWritePrompts(f *testing.F) {
	for _, s := range []string{"a beach sunset", "cat", "un chat", "{a|b}", "a, b; c!", "of of of", "100% <b>bold</b>"} {
		f.Add(s, int64(1), 30)
	}
	f.Fuzz(func(t *testing.T, idea string, seed int64, chaos int) {
		chaos = ((chaos % 101) + 101) % 101
		ps, err := New().WritePrompts(context.Background(), easel.WriteRequest{Idea: idea, Seed: seed, N: 2, Chaos: chaos})
		if err != nil {
			if easel.ErrorCode(err) != easel.EINVALID {
				t.Fatalf("error %v; want nil or EINVALID", err)
			}
			return
		}
		for _, p := range ps {
			if p.Text == "" || strings.Contains(p.Text, "{") && !strings.Contains(idea, "{") {
				t.Fatalf("bad text %q for idea %q", p.Text, idea)
			}
		}
	})
}

func BenchmarkWritePrompts(b *testing.B) {
	ideas := readIdeas(b)
	w := New()
	ctx := context.Background()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := w.WritePrompts(ctx, easel.WriteRequest{Idea: ideas[i%len(ideas)], Seed: int64(i)}); err != nil {
			b.Fatal(err)
		}
	}
}

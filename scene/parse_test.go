package scene

import (
	"bufio"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/easel-art/easel"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// readIdeas reads testdata/ideas.txt: one idea a line, # for comments.
func readIdeas(t testing.TB) []string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "ideas.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var ideas []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" && !strings.HasPrefix(l, "#") {
			ideas = append(ideas, l)
		}
	}
	if len(ideas) < 20 {
		t.Fatalf("read %d ideas; want the full list", len(ideas))
	}
	return ideas
}

func TestLexiconLoads(t *testing.T) {
	lx, err := parseLexicon(lexiconText)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(lx.domains); n < 40 {
		t.Errorf("lexicon has %d domains; want at least 40", n)
	}
	if n := len(lx.forms); n < 1500 {
		t.Errorf("lexicon has %d phrases; want at least 1500", n)
	}
	for _, want := range []string{"full moon", "northern lights", "hot air balloon", "night market", "koi pond", "golden hour", "seen from above"} {
		if _, ok := lx.forms[want]; !ok {
			t.Errorf("lexicon lacks the phrase %q", want)
		}
	}
}

func TestLexiconRejects(t *testing.T) {
	for _, text := range []string{
		"fox | thing | el=unicorn-sparkle",
		"fox | creature",
		"fox | thing | colour=red",
		"fox | thing\nfox | thing",
		"a b c d e | thing",
		"fox",
	} {
		if _, err := parseLexicon(text); err == nil {
			t.Errorf("parseLexicon(%q) = nil error; want one", text)
		}
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		idea  string
		check func(*easel.Scene) string
	}{
		{"", func(s *easel.Scene) string {
			if s.Subject != "" || len(s.Elements) > 0 {
				return "an empty idea must give an empty scene"
			}
			return ""
		}},
		{"a beach sunset", func(s *easel.Scene) string {
			return want(s.TimeOfDay == "sunset" && has(s.Elements, "sun", "sea", "beach") && has(s.Palette, "orange"), "sunset implies sun and warm sky; beach implies sea")
		}},
		{"the northern lights over a frozen lake", func(s *easel.Scene) string {
			return want(s.TimeOfDay == "night" && has(s.Elements, "aurora") && s.Season == "winter", "northern lights imply aurora and night")
		}},
		{"a cozy cabin in a snowy forest at night", func(s *easel.Scene) string {
			return want(s.Season == "winter" && has(s.Elements, "snow", "cabin", "forest") && s.Setting == "snowy forest" && s.Subject == "a cozy cabin" && s.Mood == "cozy", "snowy implies winter and snow")
		}},
		{"a rainy street in paris at night", func(s *easel.Scene) string {
			return want(has(s.Elements, "city", "street") && s.Weather == "rain" && s.Setting == "rainy street in paris", "paris implies city and street")
		}},
		{"a hot air balloon over green hills", func(s *easel.Scene) string {
			return want(has(s.Elements, "balloon", "hills") && has(s.Palette, "green"), "hot air balloon is one phrase")
		}},
		{"a busy night market with lanterns", func(s *easel.Scene) string {
			return want(has(s.Elements, "lanterns", "people") && s.TimeOfDay == "night" && s.Mood == "lively", "night market")
		}},
		{"a tropical island seen from above", func(s *easel.Scene) string {
			return want(s.View == "aerial" && has(s.Elements, "palms", "sea"), "seen from above is aerial")
		}},
		{"a portrait of an elderly fisherman", func(s *easel.Scene) string {
			return want(s.Subject == "an elderly fisherman" && s.View == "portrait" && s.Domain == "portrait" && has(s.Elements, "person"), "portrait of X: X is the subject")
		}},
		{"a watercolor painting of a harbor town", func(s *easel.Scene) string {
			return want(s.Style == "watercolor" && s.Subject == "a harbor town", "style frame")
		}},
		{"a bowl of ramen on a wooden table", func(s *easel.Scene) string {
			return want(s.Subject == "a bowl of ramen" && s.Subjects[0].Noun == "ramen" && has(s.Elements, "bowl", "food", "table"), "container of X: X comes first")
		}},
		{"two foxes sleeping", func(s *easel.Scene) string {
			return want(s.Subjects[0].Count == 2 && s.Subjects[0].Element == "fox", "count")
		}},
		{"three fishermen", func(s *easel.Scene) string {
			return want(s.Subjects[0].Element == "people", "plural people")
		}},
		{"mountains reflected in a lake at dawn", func(s *easel.Scene) string {
			return want(s.Setting == "lake" && has(s.Elements, "mountains", "reflection", "lake") && s.TimeOfDay == "dawn", "reflected")
		}},
		{"blorp zizzle", func(s *easel.Scene) string {
			return want(s.Subject == "blorp zizzle" && s.Subjects[0].Noun == "zizzle", "unknown words are the subject")
		}},
		{"Sunset, watercolor; a FOX!", func(s *easel.Scene) string {
			return want(s.TimeOfDay == "sunset" && s.Style == "watercolor" && has(s.Elements, "fox"), "punctuation and capitals")
		}},
		{"a ceramic coffee mug on a wooden table", func(s *easel.Scene) string {
			return want(s.Subjects[0].Noun == "mug" && s.Subjects[0].Element == "object" && has(s.Elements, "object", "table") && !has(s.Elements, "flowers"), "a mug is the object, ceramic is its material")
		}},
		{"a straw hat on a garden bench", func(s *easel.Scene) string {
			return want(s.Subjects[0].Element == "object" && !has(s.Elements, "person") && s.Setting == "garden bench", "a hat alone is an object, not a portrait")
		}},
		{"a woman in a straw hat", func(s *easel.Scene) string {
			return want(s.Subjects[0].Element == "person" && s.Domain == "portrait", "a hat on a person stays a portrait")
		}},
		{"a red backpack on a white background", func(s *easel.Scene) string {
			return want(s.Subjects[0].Element == "object" && slices.Contains(s.Subjects[0].Adjectives, "red") && s.Setting == "white background", "colour of the object, surface as setting")
		}},
		{"black headphones on a studio backdrop", func(s *easel.Scene) string {
			return want(s.Subjects[0].Noun == "headphones" && s.Subjects[0].Element == "object", "headphones are an object, not music")
		}},
		{"a knight holding a sword", func(s *easel.Scene) string {
			return want(s.Subjects[0].Element == "person" && !has(s.Elements, "table"), "a sword is carried, not laid on a table")
		}},
		{"a teddy bear on a bed", func(s *easel.Scene) string {
			return want(s.Subjects[0].Noun == "teddy bear" && s.Subjects[0].Element == "object" && !has(s.Elements, "table"), "a toy is an object to show")
		}},
		{"an old library full of books", func(s *easel.Scene) string {
			return want(s.Subject == "an old library" && s.Subjects[0].Noun == "old library" && s.Domain == "interior" && len(s.Subjects) == 2 && s.Subjects[1].Noun == "books", "full of links like with: the library is the noun, not full")
		}},
		{"a full moon over a lake", func(s *easel.Scene) string {
			return want(s.Subjects[0].Noun == "full moon", "full moon stays a phrase")
		}},
		{"a lighthouse during a storm", func(s *easel.Scene) string {
			return want(s.Weather == "storm" && s.Mood == "dramatic" && has(s.Elements, "lightning", "rain"), "storm")
		}},
	}
	for _, tt := range tests {
		s := Parse(tt.idea)
		if msg := tt.check(s); msg != "" {
			b, _ := json.Marshal(s)
			t.Errorf("Parse(%q) = %s\n%s", tt.idea, b, msg)
		}
	}
}

func want(ok bool, msg string) string {
	if ok {
		return ""
	}
	return msg
}

func has(list []string, want ...string) bool {
	for _, w := range want {
		if !slices.Contains(list, w) {
			return false
		}
	}
	return true
}

// TestParseKeepsWords checks that every content word of every sample idea
// is somewhere in its Scene.
func TestParseKeepsWords(t *testing.T) {
	ideas := append(readIdeas(t), "un chat", "blorp zizzle", "a cat", "sunrise over twilight mountains", "ein Hund am Strand")
	for _, idea := range ideas {
		if missing := lostWords(idea, Parse(idea)); len(missing) > 0 {
			t.Errorf("Parse(%q) lost %q", idea, missing)
		}
	}
}

// lostWords returns the content words of idea that no field of s holds.
func lostWords(idea string, s *easel.Scene) []string {
	kept := map[string]bool{}
	add := func(v string) {
		for _, w := range strings.Fields(v) {
			kept[w] = true
		}
	}
	add(s.Subject)
	add(s.Setting)
	for _, x := range s.Subjects {
		add(x.Noun)
		for _, a := range x.Adjectives {
			add(a)
		}
	}
	for _, v := range []string{s.TimeOfDay, s.Weather, s.Season, s.Mood, s.Style, s.View} {
		add(v)
	}
	for _, v := range s.Palette {
		add(v)
	}
	for _, v := range s.Extra {
		add(v)
	}
	var lost []string
	toks := tokenize(blankControls(idea))
	possessives(toks)
	for _, tk := range toks {
		if _, fn := functionWords[tk.low]; fn {
			continue
		}
		if !kept[tk.low] {
			lost = append(lost, tk.low)
		}
	}
	return lost
}

func TestParseElementsAreKnown(t *testing.T) {
	valid := validElements()
	for _, idea := range readIdeas(t) {
		for _, el := range Parse(idea).Elements {
			if !valid[el] {
				t.Errorf("Parse(%q) emitted element %q, which is not in easel.Elements", idea, el)
			}
		}
	}
}

func TestParseGolden(t *testing.T) {
	var got []*easel.Scene
	for _, idea := range readIdeas(t) {
		got = append(got, Parse(idea))
	}
	b, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	b = append(b, '\n')
	path := filepath.Join("testdata", "scenes.golden")
	if *update {
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./scene -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(b)); diff != "" {
		t.Errorf("scenes differ from %s (-want +got):\n%s", path, diff)
	}
}

func TestDisplay(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a rainy street in paris at night", "a rainy street in Paris at night"},
		{"a vintage car on route 66", "a vintage car on Route 66"},
		{"a quiet japanese garden", "a quiet Japanese garden"},
		{"New York at dusk", "New York at dusk"},
		{"new york at dusk", "New York at dusk"},
		{"i saw a fox", "I saw a fox"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Display(tt.in); got != tt.want {
			t.Errorf("Display(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestPluralKeyNamesPicture(t *testing.T) {
	for np, want := range map[string]bool{
		"mountains": true, "a lone camel": false, "northern lights": true, "people": true,
		"cherry blossoms": true, "glass": false, "fox": false, "foxes": true, "zizzles": true,
		"the sand dunes": true, "bus": false, "lotus": false,
	} {
		if got := Plural(np); got != want {
			t.Errorf("Plural(%q) = %v; want %v", np, got, want)
		}
	}
	for in, want := range map[string]string{"kittens": "cat", "sand dunes": "sand dune", "lighthouse": "lighthouse", "zizzle": "", "": ""} {
		if got := Key(in); got != want {
			t.Errorf("Key(%q) = %q; want %q", in, got, want)
		}
	}
	for idea, want := range map[string]bool{
		"a watercolor painting of a harbor town": true, "a portrait of an elderly fisherman": true,
		"an underwater scene with jellyfish": true, "a beach sunset": false, "a portrait": false,
	} {
		if got := NamesPicture(idea); got != want {
			t.Errorf("NamesPicture(%q) = %v; want %v", idea, got, want)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"a beach sunset", "", "un chat", "a, b; c!", "two 3 foxes of of with", "a portrait of", "route 66 66", "\xff\xfe", "日本の庭"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, idea string) {
		s := Parse(idea)
		if s == nil {
			t.Fatal("Parse returned nil")
		}
		if lost := lostWords(idea, s); len(lost) > 0 {
			t.Errorf("Parse(%q) lost %q", idea, lost)
		}
		valid := validElements()
		for _, el := range s.Elements {
			if !valid[el] {
				t.Errorf("Parse(%q) emitted unknown element %q", idea, el)
			}
		}
		_ = Display(idea)
		_ = Plural(idea)
		_ = NamesPicture(idea)
	})
}

func BenchmarkParse(b *testing.B) {
	ideas := readIdeas(b)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		Parse(ideas[i%len(ideas)])
	}
}

func TestHasWord(t *testing.T) {
	for _, tt := range []struct {
		s, w string
		want bool
	}{
		{"00", "0", false}, {"a 0", "0", true}, {"snowy forest", "forest", true}, {"forests", "forest", false},
		{"red barn", "barn", true}, {"barnyard barn", "barn", true}, {"", "x", false}, {"x", "", false},
	} {
		if got := hasWord(tt.s, tt.w); got != tt.want {
			t.Errorf("hasWord(%q, %q) = %v; want %v", tt.s, tt.w, got, tt.want)
		}
	}
}

// TestImpliedSeaGivesWay: a boat or a fishing village implies the sea,
// unless the idea names the lake or river it is on.
func TestImpliedSeaGivesWay(t *testing.T) {
	for idea, sea := range map[string]bool{
		"a sailboat on a lake":          false,
		"a fishing village by the lake": false,
		"a boat on a river at dawn":     false,
		"a sailboat at sea":             true,
		"a lake by the sea":             true,
		"a beach with a small pond":     true,
		"a whale in the deep ocean":     true,
	} {
		if got := slices.Contains(Parse(idea).Elements, "sea"); got != sea {
			t.Errorf("Parse(%q) has the sea: %v; want %v", idea, got, sea)
		}
	}
}

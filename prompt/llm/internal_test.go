package promptllm

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/prompt/dialect"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestSystemPromptGolden keeps the system prompt of every dialect under
// review: a change to the instructions shows as a diff.
func TestSystemPromptGolden(t *testing.T) {
	for _, d := range easel.Dialects {
		t.Run(string(d), func(t *testing.T) {
			got := SystemPrompt(d, 3, "")
			path := filepath.Join("testdata", "system", string(d)+".golden")
			if *update {
				os.MkdirAll(filepath.Dir(path), 0o755)
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if got != string(want) {
				t.Errorf("system prompt for %s changed; run go test -update and review the diff\n--- got\n%s", d, got)
			}
		})
	}
}

func TestSystemPromptsDiffer(t *testing.T) {
	seen := map[string]easel.Dialect{}
	for _, d := range easel.Dialects {
		s := SystemPrompt(d, 1, "")
		if o, ok := seen[s]; ok {
			t.Errorf("%s and %s have the same system prompt", d, o)
		}
		seen[s] = d
		if strings.Contains(s, "{{") || strings.Contains(s, "<no value>") {
			t.Errorf("%s: template left unfilled", d)
		}
		if _, ok := Budgets[d]; !ok {
			t.Errorf("%s has no budget", d)
		}
	}
}

func TestSchemaIsStrict(t *testing.T) {
	var check func(v any, where string)
	check = func(v any, where string) {
		m, ok := v.(map[string]any)
		if !ok {
			return
		}
		if props, ok := m["properties"].(map[string]any); ok {
			if m["additionalProperties"] != false {
				t.Errorf("%s: additionalProperties is not false", where)
			}
			req, _ := m["required"].([]any)
			if len(req) != len(props) {
				t.Errorf("%s: %d required of %d properties", where, len(req), len(props))
			}
			for k, p := range props {
				check(p, where+"."+k)
			}
		}
		check(m["items"], where+"[]")
	}
	check(Schema(), "$")
	if _, err := json.Marshal(Schema()); err != nil {
		t.Fatal(err)
	}
}

func TestParseReply(t *testing.T) {
	tests := []struct {
		in   string
		want []string // texts
		bad  bool
	}{
		{`{"prompts":[{"text":"a"},{"text":"b"}]}`, []string{"a", "b"}, false},
		{"```json\n{\"prompts\":[{\"text\":\"a\"}]}\n```", []string{"a"}, false},
		{`Here: {"prompts":[{"prompt":"a"}]} hope it helps {`, []string{"a"}, false},
		{`[{"text":"a"},"b"]`, []string{"a", "b"}, false},
		{`{"text":"a","keywords":"x, y"}`, []string{"a"}, false},
		{`{"variations":[{"description":"a"}]}`, []string{"a"}, false},
		{`no json here`, nil, true},
		{`{"prompts":[]}`, nil, true},
		{`{"prompts":[1,2]}`, nil, true},
		{`{"other":1}`, nil, true},
	}
	for _, tc := range tests {
		ds, err := parseReply(tc.in)
		if (err != nil) != tc.bad {
			t.Errorf("parseReply(%q) err = %v", tc.in, err)
			continue
		}
		var got []string
		for _, d := range ds {
			got = append(got, d.Text)
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("parseReply(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
	ds, _ := parseReply(`{"prompts":[{"text":"a","keywords":[{"term":"x","weight":1.4},"y",{"text":"z"}],"negative":"n1, n2","scene":{"time_of_day":"Night","palette":"red, blue","elements":["moon","unicorn"],"mood":5}}]}`)
	d := ds[0]
	if len(d.Keywords) != 3 || d.Keywords[0].Weight != 1.4 || len(d.Negative) != 2 || d.Scene == nil ||
		d.Scene.TimeOfDay != "night" || len(d.Scene.Palette) != 2 || len(d.Scene.Elements) != 1 || d.Scene.Mood != "" {
		t.Errorf("lenient fields: %+v scene %+v", d, d.Scene)
	}
}

func FuzzParseReply(f *testing.F) {
	f.Add(`{"prompts":[{"text":"a beach","keywords":[{"term":"x","weight":1.2}],"negative":["n"],"scene":{"elements":["sun"]}}]}`)
	f.Add("```json\n[\"a\"]\n```")
	f.Add(`{"text":"a","keywords":"x,y","negative":"z"}`)
	f.Fuzz(func(t *testing.T, in string) {
		ds, err := parseReply(in)
		if err != nil {
			return
		}
		if len(ds) == 0 {
			t.Fatalf("no drafts and no error for %q", in)
		}
		c := &checker{n: len(ds), dialect: easel.DialectSD, budget: Budgets[easel.DialectSD]}
		ds, _ = c.check(ds)
		c.repair(ds)
		for _, d := range ds {
			for _, k := range d.Keywords {
				if k.Weight < 0.1 || k.Weight > 2 || k.Text == "" {
					t.Errorf("keyword %+v after cleaning", k)
				}
			}
			if n := len(strings.Fields(d.Text)); n > Budgets[easel.DialectSD].Words {
				t.Errorf("text of %d words after repair", n)
			}
		}
	})
}

func TestTextStream(t *testing.T) {
	in := `{"prompts":[{"text":"one \"two\"\nthree \u00e9\ud83d\ude00","keywords":[{"term":"text","weight":1}],"scene":{"subject":"x"}},{"text":"second"}]}`
	for _, size := range []int{1, 2, 3, 7, len(in)} {
		got := map[int]string{}
		s := newTextStream(func(v int, text string) { got[v] += text })
		for i := 0; i < len(in); i += size {
			s.Write(in[i:min(i+size, len(in))])
		}
		if got[0] != "one \"two\"\nthree é😀" || got[1] != "second" || len(got) != 2 {
			t.Errorf("pieces of %d: got %v", size, got)
		}
	}
}

func FuzzTextStream(f *testing.F) {
	f.Add("a beach", "second prompt", 3)
	f.Add("quote \" and \\ and \n and é and 😀", "", 1)
	f.Fuzz(func(t *testing.T, a, b string, size int) {
		type p struct {
			Text     string   `json:"text"`
			Keywords []string `json:"keywords"`
		}
		raw, err := json.Marshal(map[string]any{"prompts": []p{{Text: a, Keywords: []string{"text"}}, {Text: b}}})
		if err != nil {
			return
		}
		in := string(raw)
		size = max(1, size%16+1)
		got := map[int]string{}
		s := newTextStream(func(v int, text string) { got[v] += text })
		for i := 0; i < len(in); i += size {
			s.Write(in[i:min(i+size, len(in))])
		}
		// json.Marshal replaces invalid UTF-8; compare with what it encoded.
		var back struct{ Prompts []p }
		json.Unmarshal(raw, &back)
		if got[0] != back.Prompts[0].Text || got[1] != back.Prompts[1].Text {
			t.Errorf("streamed %v; want %q and %q", got, back.Prompts[0].Text, back.Prompts[1].Text)
		}
	})
}

func TestChecker(t *testing.T) {
	c := newChecker(easel.WriteRequest{Idea: "an old fisherman mending nets", Dialect: easel.DialectNatural}, 1)
	for text, ok := range map[string]bool{
		"Two fishermen at the harbour":    true,
		"A weathered FISHERMAN's hands":   true,
		"Nets drying on a pier":           false,
		"A mountain lake under the stars": false,
	} {
		if got := c.mentions(text); got != ok {
			t.Errorf("mentions(%q) = %v; want %v", text, got, ok)
		}
	}
	if got := truncateWords("One two three. Four five six seven.", 5); got != "One two three." {
		t.Errorf("truncateWords = %q", got)
	}
	if got := truncateWords("One two three four five six seven", 4); got != "One two three four." {
		t.Errorf("truncateWords = %q", got)
	}
}

func BenchmarkParseAndCheck(b *testing.B) {
	var ps []map[string]any
	for i := range 4 {
		ps = append(ps, map[string]any{
			"text":     strings.Repeat("A wide beach at sunset with waves and palms. ", 3) + string(rune('a'+i)),
			"keywords": []map[string]any{{"term": "beach", "weight": 1.2}, {"term": "sunset", "weight": 1}, {"term": "waves", "weight": 1}},
			"negative": []string{"blurry", "watermark"},
			"scene":    map[string]any{"subject": "a beach", "time_of_day": "sunset", "elements": []string{"beach", "sea", "sun"}},
		})
	}
	raw, _ := json.Marshal(map[string]any{"prompts": ps})
	reply := "Here you go:\n```json\n" + string(raw) + "\n```"
	c := newChecker(easel.WriteRequest{Idea: "a beach sunset", Dialect: easel.DialectSD}, 4)
	b.ReportAllocs()
	for b.Loop() {
		ds, err := parseReply(reply)
		if err != nil {
			b.Fatal(err)
		}
		if _, probs := c.check(ds); len(probs) != 0 {
			b.Fatal(probs)
		}
	}
}

func BenchmarkTextStream(b *testing.B) {
	raw, _ := json.Marshal(map[string]any{"prompts": []map[string]any{
		{"text": strings.Repeat("Golden light over a quiet beach, \"wet\" sand. ", 8), "keywords": []string{"a", "b"}},
	}})
	in := string(raw)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		s := newTextStream(func(_ int, text string) { n += len(text) })
		for i := 0; i < len(in); i += 8 {
			s.Write(in[i:min(i+8, len(in))])
		}
	}
}

func BenchmarkSystemPrompt(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		SystemPrompt(easel.DialectSD, 4, "")
	}
}

func TestCheckerSkipsUnknownSubjects(t *testing.T) {
	// A French idea: the English prompt cannot repeat its words.
	c := newChecker(easel.WriteRequest{Idea: "une plage au coucher du soleil", Dialect: easel.DialectNatural}, 1)
	if !c.mentions("A beach at sunset") {
		t.Errorf("an idea without known subjects must not fail the subject check (needles %v)", c.needles)
	}
}

// TestCheckerKeepsSubjectInKeywords: in a keyword dialect the prompt is
// the keywords alone, so keywords that leave out the subject get it back,
// first; prose dialects are left as written.
func TestCheckerKeepsSubjectInKeywords(t *testing.T) {
	kws := []easel.Keyword{{Text: "golden hour", Weight: 1.1}, {Text: "soft light", Weight: 1}}
	for _, d := range []easel.Dialect{easel.DialectSD, easel.DialectSDXL, easel.DialectNatural} {
		c := newChecker(easel.WriteRequest{Idea: "a red fox", Dialect: d}, 1)
		ds, probs := c.check([]draft{{Text: "A red fox at golden hour.", Keywords: append([]easel.Keyword(nil), kws...)}})
		if len(probs) != 0 {
			t.Fatalf("%s: %v", d, probs)
		}
		got := ds[0].Keywords
		if d == easel.DialectNatural {
			if len(got) != 2 {
				t.Errorf("%s: keywords changed: %v", d, got)
			}
			continue
		}
		if len(got) != 3 || got[0].Text != "fox" {
			t.Errorf("%s: keywords %v; want the fox first", d, got)
		}
		r, err := dialect.Render(&easel.Prompt{Text: ds[0].Text, Keywords: got}, d, dialect.Options{})
		if err != nil || !strings.Contains(r.Text, "fox") {
			t.Errorf("%s: rendered %q, %v; want the fox in it", d, r.Text, err)
		}
	}
}

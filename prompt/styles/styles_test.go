package styles

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/easel-art/easel"
)

func TestBuiltins(t *testing.T) {
	ss := List()
	if len(ss) < 40 {
		t.Fatalf("%d built-in styles; want at least 40", len(ss))
	}
	seen := map[string]bool{}
	for _, s := range ss {
		if seen[Key(s.Name)] {
			t.Errorf("style %q is listed twice", s.Name)
		}
		seen[Key(s.Name)] = true
		if Key(s.Name) != s.Name {
			t.Errorf("style %q: built-in names are written as their key %q", s.Name, Key(s.Name))
		}
		if strings.Count(s.Prompt, Placeholder) != 1 {
			t.Errorf("style %q: prompt %q must hold %s once", s.Name, s.Prompt, Placeholder)
		}
		if strings.TrimSpace(s.Negative) == "" {
			t.Errorf("style %q has no negative prompt", s.Name)
		}
		if !s.Builtin {
			t.Errorf("style %q is not marked built-in", s.Name)
		}
	}
	for _, want := range []string{"cinematic", "watercolor", "oil-painting", "pixel-art", "synthwave", "woodblock-print", "pencil-sketch", "film-photo", "anime"} {
		if !seen[want] {
			t.Errorf("no built-in style %q", want)
		}
	}
}

func TestApply(t *testing.T) {
	tests := []struct {
		style, neg, prompt, pneg string
		want, wantNeg            string
	}{
		{"art of {prompt}, detailed", "blurry", "a fox", "text", "art of a fox, detailed", "text, blurry"},
		{"{prompt}", "{prompt}, ugly", "a fox", "text", "a fox", "text, ugly"},
		{"detailed, sharp", "", "a fox ", "", "a fox, detailed, sharp", ""},
		{"detailed", "", "", "", "detailed", ""},
		{"", "", "a fox", "text", "a fox", "text"},
		{"{prompt} and {prompt}", "", "x", "", "x and x", ""},
	}
	for _, tt := range tests {
		got, gotNeg := Apply(Style{Prompt: tt.style, Negative: tt.neg}, tt.prompt, tt.pneg)
		if got != tt.want || gotNeg != tt.wantNeg {
			t.Errorf("Apply(%q, %q; %q, %q) = %q, %q; want %q, %q", tt.style, tt.neg, tt.prompt, tt.pneg, got, gotNeg, tt.want, tt.wantNeg)
		}
	}
}

func TestKey(t *testing.T) {
	for in, want := range map[string]string{
		"Oil Painting":      "oil-painting",
		" oil_painting ":    "oil-painting",
		"oil--painting":     "oil-painting",
		"Pixel  Art":        "pixel-art",
		"-x-":               "x",
		"Ukiyo-e (Hiroshi)": "ukiyo-e-(hiroshi)",
	} {
		if got := Key(in); got != want {
			t.Errorf("Key(%q) = %q; want %q", in, got, want)
		}
	}
}

func TestGet(t *testing.T) {
	s, err := Get("Oil Painting")
	if err != nil || s.Name != "oil-painting" {
		t.Fatalf("Get(Oil Painting) = %q, %v", s.Name, err)
	}
	for _, name := range []string{"watercolour", "nope-not-a-style", ""} {
		_, err := Get(name)
		if easel.ErrorCode(err) != easel.EINVALID {
			t.Errorf("Get(%q): error %v; want EINVALID", name, err)
		}
	}
	_, err = Get("watercolour")
	if !strings.Contains(easel.ErrorMessage(err), "watercolor") {
		t.Errorf("Get(watercolour) = %v; want a suggestion of watercolor", err)
	}
}

func TestImport(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []Style
		err  string // part of the error message; "" for none
	}{
		{
			name: "a1111 file",
			in: "\ufeffname,prompt,negative_prompt\n" +
				"Fancy,\"masterpiece, {prompt}, (detailed:1.2)\",\"lowres, bad \"\"hands\"\"\"\n" +
				"# comment,x,y\n" +
				"\n" +
				"Plain, just text, \n" +
				"Multi,\"line one\nline two\",\n",
			want: []Style{
				{Name: "Fancy", Prompt: "masterpiece, {prompt}, (detailed:1.2)", Negative: `lowres, bad "hands"`},
				{Name: "Plain", Prompt: "just text", Negative: ""},
				{Name: "Multi", Prompt: "line one\nline two"},
			},
		},
		{
			name: "old text column, reordered, no negative",
			in:   "text,name\nsoft light,Soft\n",
			want: []Style{{Name: "Soft", Prompt: "soft light"}},
		},
		{
			name: "duplicate keeps the last",
			in:   "name,prompt,negative_prompt\nA,one,\na,two,x\n",
			want: []Style{{Name: "a", Prompt: "two", Negative: "x"}},
		},
		{name: "empty", in: "", err: "empty"},
		{name: "no header", in: "Fancy,art of {prompt},blurry\n", err: "line 1: the header"},
		{name: "no name", in: "name,prompt\n,art\n", err: "line 2: the style has no name"},
		{name: "short row", in: "name,negative_prompt,prompt\nA,x\n", err: "line 2: 2 fields"},
		{name: "bad quote", in: "name,prompt\nA,x\nB,\"unterminated\n", err: "line 3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Import(strings.NewReader(tt.in))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v; want one containing %q", err, tt.err)
				}
				if easel.ErrorCode(err) != easel.EINVALID {
					t.Errorf("error code %q; want EINVALID", easel.ErrorCode(err))
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d styles %+v; want %+v", len(got), got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("style %d = %+v; want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestSaveLoad(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	l, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.List()) != len(List()) {
		t.Fatalf("empty data dir: %d styles; want the %d built-ins", len(l.List()), len(List()))
	}
	added, replaced, err := Save(dir, []Style{
		{Name: "Cinematic", Prompt: "my cinematic {prompt}", Negative: "bad"},
		{Name: "Mine", Prompt: "mine, {prompt}"},
	})
	if err != nil || added != 2 || replaced != 0 {
		t.Fatalf("Save = %d, %d, %v; want 2, 0, nil", added, replaced, err)
	}
	added, replaced, err = Save(dir, []Style{{Name: "mine", Prompt: "mine again, {prompt}"}})
	if err != nil || added != 0 || replaced != 1 {
		t.Fatalf("second Save = %d, %d, %v; want 0, 1, nil", added, replaced, err)
	}
	l, err = Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(l.List()); n != len(List())+1 {
		t.Errorf("%d styles; want %d", n, len(List())+1)
	}
	s, err := l.Get("cinematic")
	if err != nil || s.Prompt != "my cinematic {prompt}" || s.Builtin {
		t.Errorf("cinematic = %+v, %v; want the imported one", s, err)
	}
	s, err = l.Get("MINE")
	if err != nil || s.Prompt != "mine again, {prompt}" {
		t.Errorf("mine = %+v, %v", s, err)
	}
	// The built-in library is untouched.
	if s, _ := Get("cinematic"); !strings.HasPrefix(s.Prompt, "cinematic film still") {
		t.Errorf("built-in cinematic changed: %q", s.Prompt)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("data dir holds %d files; want only %s", len(entries), FileName)
	}

	// A broken file is reported with its path and line.
	os.WriteFile(filepath.Join(dir, FileName), []byte("name,prompt\n,x\n"), 0o644)
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("Load of a broken file: %v", err)
	}
}

func FuzzImport(f *testing.F) {
	f.Add(strings.Join(strings.SplitAfter(string(builtinCSV), "\n")[:3], ""))
	f.Add("name,prompt,negative_prompt\nA,\"x, {prompt}\",\"y\"\"\"\n")
	f.Add("text,name\n a , b \n")
	f.Add("\ufeffname,prompt\n#c,d\n\"q\"x,\"\n")
	f.Fuzz(func(t *testing.T, in string) {
		ss, err := Import(strings.NewReader(in))
		if err != nil {
			if easel.ErrorCode(err) != easel.EINVALID {
				t.Fatalf("error %v is not EINVALID", err)
			}
			return
		}
		// What was imported is written and read back unchanged.
		var buf bytes.Buffer
		w := csv.NewWriter(&buf)
		w.Write([]string{"name", "prompt", "negative_prompt"})
		for _, s := range ss {
			if Key(s.Name) == "" || strings.HasPrefix(s.Name, "#") {
				t.Fatalf("imported a style with name %q", s.Name)
			}
			w.Write([]string{s.Name, s.Prompt, s.Negative})
		}
		w.Flush()
		again, err := Import(&buf)
		if err != nil {
			t.Fatalf("re-import: %v", err)
		}
		if len(again) != len(ss) {
			t.Fatalf("re-import: %d styles; want %d", len(again), len(ss))
		}
		for i := range ss {
			if again[i] != ss[i] {
				t.Fatalf("re-import: %+v; want %+v", again[i], ss[i])
			}
		}
	})
}

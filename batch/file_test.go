package batch

import (
	"reflect"
	"strings"
	"testing"

	"github.com/easel-art/easel"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    []Line
		wantErr []string // substrings of the error
	}{
		{"ideas and comments", "# my batch\n\na beach sunset\n  # indented comment\na {red|blue} fox\n",
			[]Line{{Num: 3, Idea: "a beach sunset"}, {Num: 5, Idea: "a {red|blue} fox"}}, nil},
		{"a1111 line", `--prompt "a castle, oil" --negative_prompt 'blurry, low quality' --seed 7 --steps 30 --width 768 --height 512`,
			[]Line{{Num: 1, Prompt: "a castle, oil", Negative: "blurry, low quality", Seed: 7, HasSeed: true, Steps: 30, Width: 768, Height: 512}}, nil},
		{"equals form and escapes", `--prompt="say \"hi\"" --seed=-1`,
			[]Line{{Num: 1, Prompt: `say "hi"`}}, nil},
		{"seed zero is a seed", `--prompt x --seed 0`, []Line{{Num: 1, Prompt: "x", HasSeed: true}}, nil},
		{"crlf and bom", "\ufeffa fox\r\nan owl\r\n", []Line{{Num: 1, Idea: "a fox"}, {Num: 2, Idea: "an owl"}}, nil},
		{"unknown option with line number", "a fox\n--prompt x --cfg_scale 7\n", nil, []string{"line 2: unknown option --cfg_scale", "--negative_prompt"}},
		{"every bad line", "--seed 3\n--prompt \"open\n--prompt x --width 100\n--prompt x --steps many\n--prompt x --prompt y\n",
			nil, []string{"5 bad lines", "line 1: an options line needs --prompt", "line 2: a double quote is not closed",
				"line 3: give --width and --height together", "line 4: --steps \"many\"", "line 5: --prompt is given twice"}},
		{"size out of range", "--prompt x --width 4096 --height 512", nil, []string{"line 1: --width \"4096\" is not a whole number from 64 to 2048"}},
		{"value missing", "--prompt x --seed", nil, []string{"line 1: --seed needs a value"}},
		{"stray word", "--prompt x fox", nil, []string{`line 1: "fox" is not an option`}},
		{"empty file", "# nothing\n\n", nil, []string{"no ideas"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(strings.NewReader(tt.in))
			if tt.wantErr != nil {
				if err == nil {
					t.Fatalf("Parse = %+v; want an error", got)
				}
				if easel.ErrorCode(err) != easel.EINVALID {
					t.Errorf("code = %q; want %q", easel.ErrorCode(err), easel.EINVALID)
				}
				for _, w := range tt.wantErr {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("error %q does not say %q", err, w)
					}
				}
				return
			}
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Parse =\n%+v\nwant\n%+v", got, tt.want)
			}
		})
	}
}

func TestParseListsAtMostTen(t *testing.T) {
	in := strings.Repeat("--bad 1\n", 25)
	_, err := Parse(strings.NewReader(in))
	if err == nil || !strings.Contains(err.Error(), "25 bad lines") || !strings.Contains(err.Error(), "and 15 more") {
		t.Fatalf("err = %v; want 25 bad lines, 10 listed", err)
	}
}

func TestSplitWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{`a b  c`, []string{"a", "b", "c"}},
		{`"a b" 'c d'`, []string{"a b", "c d"}},
		{`x"y z"w`, []string{"xy zw"}},
		{`'it''s'`, []string{"its"}},
		{`a\ b`, []string{"a b"}},
		{`"back\\slash" ""`, []string{`back\slash`, ""}},
	}
	for _, tt := range tests {
		got, err := splitWords(tt.in)
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("splitWords(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add("a beach sunset\n# c\n--prompt \"x\" --seed 3 --width 512 --height 512\n")
	f.Add(`--prompt 'a' --negative_prompt "b\"c" --steps=20`)
	f.Add("--prompt \"unterminated\n")
	f.Fuzz(func(t *testing.T, in string) {
		lines, err := Parse(strings.NewReader(in))
		if err != nil {
			if easel.ErrorCode(err) != easel.EINVALID {
				t.Fatalf("error %v has code %q; want invalid", err, easel.ErrorCode(err))
			}
			return
		}
		for _, l := range lines {
			if (l.Idea == "") == (l.Prompt == "") {
				t.Fatalf("line %+v: want exactly one of idea and prompt", l)
			}
			if l.Width != 0 {
				if err := (easel.Size{Width: l.Width, Height: l.Height}).Validate(); err != nil {
					t.Fatalf("line %+v: size passed: %v", l, err)
				}
			}
		}
	})
}

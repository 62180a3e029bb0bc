package pngmeta

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// p builds Params from key, value pairs.
func p(kv ...string) Params {
	var ps Params
	for i := 0; i+1 < len(kv); i += 2 {
		ps = append(ps, Param{Key: kv[i], Value: kv[i+1]})
	}
	return ps
}

func TestFormatInfotext(t *testing.T) {
	tests := []struct {
		name             string
		prompt, negative string
		params           Params
		want             string
	}{
		{
			name:     "reference layout",
			prompt:   "a beach sunset, golden hour",
			negative: "blurry, lowres",
			params: p("Steps", "20", "Sampler", "DPM++ 2M", "Schedule type", "Karras", "CFG scale", "7",
				"Seed", "1234567890", "Size", "512x768", "Model hash", "6ce0161689", "Model", "v1-5-pruned-emaonly",
				"Clip skip", "2", "Version", "v1.10.1"),
			want: "a beach sunset, golden hour\nNegative prompt: blurry, lowres\n" +
				"Steps: 20, Sampler: DPM++ 2M, Schedule type: Karras, CFG scale: 7, Seed: 1234567890, Size: 512x768, " +
				"Model hash: 6ce0161689, Model: v1-5-pruned-emaonly, Clip skip: 2, Version: v1.10.1",
		},
		{
			name:   "empty negative omits the line",
			prompt: "a fox",
			params: p("Steps", "20", "Seed", "1", "Size", "512x512"),
			want:   "a fox\nSteps: 20, Seed: 1, Size: 512x512",
		},
		{
			name:   "quoted lora hashes",
			prompt: "a fox <lora:add_detail:1>",
			params: p("Steps", "20", "Seed", "1", "Lora hashes", "add_detail: 7c6bad76eb54, film: 1a2b"),
			want:   `a fox <lora:add_detail:1>` + "\n" + `Steps: 20, Seed: 1, Lora hashes: "add_detail: 7c6bad76eb54, film: 1a2b"`,
		},
		{
			name:   "value equal to key is bare",
			prompt: "a fox",
			params: p("Steps", "20", "Tiling", "Tiling", "Seed", "1"),
			want:   "a fox\nSteps: 20, Tiling, Seed: 1",
		},
		{
			name:   "newline, quotes, backslash and control characters are escaped",
			prompt: "x",
			params: p("Template", "a {b|c}\nsay \"hi\": \\n\t\x1b\x7f"),
			want:   `x` + "\n" + `Template: "a {b|c}\nsay \"hi\": \\n\t\u001b` + "\x7f\"",
		},
		{
			name:   "non-ASCII is not escaped",
			prompt: "x",
			params: p("Style", "café, 日本 \u2028"),
			want:   "x\nStyle: \"café, 日本 \u2028\"",
		},
		{
			name:   "quotes alone are not quoted",
			prompt: "x",
			params: p("Note", `say "hi"`),
			want:   "x\nNote: say \"hi\"",
		},
		{
			name:   "empty value",
			prompt: "x",
			params: p("Empty", "", "Steps", "20"),
			want:   "x\nEmpty: , Steps: 20",
		},
		{
			name:     "whole string stripped",
			prompt:   "\n  a fox  ",
			negative: "  ugly  ",
			params:   nil,
			want:     "a fox  \nNegative prompt:   ugly",
		},
		{
			name:     "empty prompt",
			negative: "ugly",
			params:   p("Steps", "20", "Seed", "1", "Size", "64x64"),
			want:     "Negative prompt: ugly\nSteps: 20, Seed: 1, Size: 64x64",
		},
		{
			name:   "split size keys repeating Size are not written",
			prompt: "x",
			params: p("Seed", "1", "Size", "512x768", "Size-1", "512", "Size-2", "768", "Hires resize-1", "0"),
			want:   "x\nSeed: 1, Size: 512x768, Hires resize-1: 0",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FormatInfotext(tt.prompt, tt.negative, tt.params); got != tt.want {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func TestParseInfotext(t *testing.T) {
	tests := []struct {
		name             string
		in               string
		prompt, negative string
		params           Params
		ok               bool
	}{
		{
			name:     "reference layout",
			in:       "a beach sunset, golden hour\nNegative prompt: blurry, lowres\nSteps: 20, Sampler: DPM++ 2M, Schedule type: Karras, CFG scale: 7, Seed: 1234567890, Size: 512x768, Model hash: 6ce0161689, Model: v1-5-pruned-emaonly, Version: v1.10.1",
			prompt:   "a beach sunset, golden hour",
			negative: "blurry, lowres",
			params: p("Steps", "20", "Sampler", "DPM++ 2M", "Schedule type", "Karras", "CFG scale", "7",
				"Seed", "1234567890", "Size", "512x768", "Size-1", "512", "Size-2", "768",
				"Model hash", "6ce0161689", "Model", "v1-5-pruned-emaonly", "Version", "v1.10.1"),
			ok: true,
		},
		{
			name:   "quoted lora hashes",
			in:     `a fox` + "\n" + `Steps: 20, Seed: 1, Lora hashes: "add_detail: 7c6bad76eb54, film: 1a2b", Version: v1`,
			prompt: "a fox",
			params: p("Steps", "20", "Seed", "1", "Lora hashes", "add_detail: 7c6bad76eb54, film: 1a2b", "Version", "v1"),
			ok:     true,
		},
		{
			name:   "escapes",
			in:     "x\n" + `Steps: 1, Seed: 2, Template: "a\nb \"q\" \\ \u00e9\ud83c\udf05 \/"`,
			prompt: "x",
			params: p("Steps", "1", "Seed", "2", "Template", "a\nb \"q\" \\ é🌅 /"),
			ok:     true,
		},
		{
			name:   "bad JSON is kept as written",
			in:     "x\n" + `Steps: 1, Seed: 2, AA: "bad \x escape", BB: "1" "2", C: one-letter keys do not match`,
			prompt: "x",
			params: p("Steps", "1", "Seed", "2", "AA", `"bad \x escape"`, "BB", `"1" "2"`),
			ok:     true,
		},
		{
			name:   "fewer than 3 params is all prompt",
			in:     "a fox\nSteps: 20, Seed: 1",
			prompt: "a fox\nSteps: 20, Seed: 1",
		},
		{
			name:   "a prompt alone",
			in:     "  a fox, in the snow  ",
			prompt: "a fox, in the snow",
		},
		{
			name:     "multi-line prompt and negative",
			in:       "line one\n  line two  \n\nline four\nNegative prompt:   bad hands\n more bad \nugly\nSteps: 1, Seed: 2, Size: 8x8",
			prompt:   "line one\nline two\n\nline four",
			negative: "bad hands\nmore bad\nugly",
			params:   p("Steps", "1", "Seed", "2", "Size", "8x8", "Size-1", "8", "Size-2", "8"),
			ok:       true,
		},
		{
			name:   "leading empty lines vanish",
			in:     "x\n\n   \na\nSteps: 1, Seed: 2, Size: 8x8",
			prompt: "x\n\n\na",
			params: p("Steps", "1", "Seed", "2", "Size", "8x8", "Size-1", "8", "Size-2", "8"),
			ok:     true,
		},
		{
			name:     "negative only",
			in:       "Negative prompt: ugly\nSteps: 1, Seed: 2, Size: 8x8",
			negative: "ugly",
			params:   p("Steps", "1", "Seed", "2", "Size", "8x8", "Size-1", "8", "Size-2", "8"),
			ok:       true,
		},
		{
			name:   "empty value drops the key",
			in:     "x\nSteps: 1, Empty: , Seed: 2, Size: 8x8",
			prompt: "x",
			params: p("Steps", "1", "Seed", "2", "Size", "8x8", "Size-1", "8", "Size-2", "8"),
			ok:     true,
		},
		{
			name:   "bare keys and odd keys",
			in:     "x\nSteps: 1, Tiling, Hires upscaler/x-y: Latent, a: b, Seed:2,   Clip  skip :  3",
			prompt: "x",
			params: p("Steps", "1", "Hires upscaler/x-y", "Latent", "Seed", "2", "Clip  skip ", "3"),
			ok:     true,
		},
		{
			name:   "duplicate key keeps the first place",
			in:     "x\nSeed: 1, Steps: 2, Seed: 3",
			prompt: "x",
			params: p("Seed", "3", "Steps", "2"),
			ok:     true,
		},
		{
			name:   "unicode key and digits",
			in:     "x\nÉtapes: 1, 種子: 2, Size: ５１２x６４",
			prompt: "x",
			params: p("Étapes", "1", "種子", "2", "Size", "５１２x６４", "Size-1", "５１２", "Size-2", "６４"),
			ok:     true,
		},
		{
			name:   "quoted size is split; Python's $ allows a final newline",
			in:     "x\nSeed: 1, AA: \"8x9\", BB: \"8x9\\n\", CC: \"8x9\\n\\n\"",
			prompt: "x",
			params: p("Seed", "1", "AA", "8x9", "AA-1", "8", "AA-2", "9", "BB", "8x9\n", "BB-1", "8", "BB-2", "9", "CC", "8x9\n\n"),
			ok:     true,
		},
		{
			name:   "python white space",
			in:     "\x1c\u3000x\u00a0\n\x1fSteps:\x1c1, Seed: 2, Size: 8x8\u2029",
			prompt: "x",
			params: p("Steps", "1", "Seed", "2", "Size", "8x8", "Size-1", "8", "Size-2", "8"),
			ok:     true,
		},
		{
			name:   "carriage returns stay",
			in:     "a\r\nSteps: 1, Seed: 2, Size: 8x8\r",
			prompt: "a",
			params: p("Steps", "1", "Seed", "2", "Size", "8x8", "Size-1", "8", "Size-2", "8"),
			ok:     true,
		},
		{
			name: "empty",
			in:   " \n ",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			prompt, negative, params, ok := ParseInfotext(tt.in)
			if prompt != tt.prompt || negative != tt.negative || ok != tt.ok {
				t.Errorf("got %q, %q, ok %v; want %q, %q, ok %v", prompt, negative, ok, tt.prompt, tt.negative, tt.ok)
			}
			if !reflect.DeepEqual(params, tt.params) {
				t.Errorf("params\n%q\nwant\n%q", params, tt.params)
			}
		})
	}
}

// Writing then parsing gives back what was written, for prompts A1111 can
// represent.
func TestInfotextRoundTrip(t *testing.T) {
	params := p("Steps", "30", "Sampler", "DPM++ 2M", "CFG scale", "7.5", "Seed", "-42",
		"Size", "1024x768", "Model", "sd_xl: base, 1.0", "Lora hashes", "add_detail: 7c6bad76eb54, film: 1a2b",
		"Template", "{a|b}\n__colors__", "Quote", `"quoted, with comma"`, "Unicode", "夕日: ☀", "Version", "easel 0.1.0")
	prompts := []struct{ prompt, negative string }{
		{"a beach sunset", ""},
		{"café crème, naïve façade, ½ moon", "laid-back: ÿ"},
		{"富士山の夕日, 🌅", "ぼやけた"},
		{"a fox, (snow:1.2), [pine|oak], style: woodblock", "blurry, lowres, bad anatomy"},
		{`he said "hello", then: 'bye' \ \n`, `"ugly"`},
		{"line one\nline two: with colon\nline three, with comma", "bad\nworse, really\nworst: ever"},
		{"", "negative only"},
		{"Steps: 1, Seed: 2, Size: 3x4", ""},
	}
	for _, pr := range prompts {
		s := FormatInfotext(pr.prompt, pr.negative, params)
		prompt, negative, got, ok := ParseInfotext(s)
		if !ok || prompt != pr.prompt || negative != pr.negative {
			t.Errorf("%q: got %q, %q, ok %v; want %q, %q", s, prompt, negative, ok, pr.prompt, pr.negative)
		}
		want := append(Params(nil), params[:5]...)
		want = append(want, Param{"Size-1", "1024"}, Param{"Size-2", "768"})
		want = append(want, params[5:]...)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: params\n%q\nwant\n%q", s, got, want)
		}
		if again := FormatInfotext(prompt, negative, got); again != s {
			t.Errorf("formatting the parsed infotext gives\n%q\nwant\n%q", again, s)
		}
	}
}

func TestParamsSet(t *testing.T) {
	var ps Params
	for _, kv := range [][2]string{
		{"Version", "v1"}, {"Lora hashes", "x"}, {"Seed", "1"}, {"User", "me"}, {"Steps", "20"},
		{"Template", "t"}, {"Model", "m"}, {"Sampler", "Euler a"}, {"Size", "8x8"}, {"Seed", "2"},
	} {
		ps.Set(kv[0], kv[1])
	}
	want := p("Steps", "20", "Sampler", "Euler a", "Seed", "2", "Size", "8x8", "Model", "m",
		"Lora hashes", "x", "Template", "t", "Version", "v1", "User", "me")
	if !reflect.DeepEqual(ps, want) {
		t.Errorf("got\n%q\nwant\n%q", ps, want)
	}
	if v, ok := ps.Get("Model"); !ok || v != "m" {
		t.Errorf("Get(Model) = %q, %v", v, ok)
	}
	ps.Delete("Model")
	if v, ok := ps.Get("Model"); ok {
		t.Errorf("Get(Model) after Delete = %q, true", v)
	}
	if len(ps) != len(want)-1 {
		t.Errorf("Delete left %d params; want %d", len(ps), len(want)-1)
	}
}

var reKey = regexp.MustCompile(`^` + pyWord + `[` + pyWord[1:len(pyWord)-1] + ` \-/]+$`)

func FuzzParseInfotext(f *testing.F) {
	f.Add("a fox\nNegative prompt: ugly\nSteps: 20, Sampler: Euler a, Seed: 1, Size: 512x512")
	f.Add("x\n" + `Steps: 1, Seed: 2, Lora hashes: "add_detail: 7c6bad76eb54, film: 1a2b", T: "a\"b\\"`)
	f.Add("Negative prompt:\n\nSteps:1,Seed:2,Size:1x1\n")
	f.Add("x\nAA: \"\\ud800\", BB: \"8x9\\n\", CC: ５x６")
	f.Fuzz(func(t *testing.T, s string) {
		prompt, negative, params, ok := ParseInfotext(s)
		for _, line := range strings.Split(prompt+"\n"+negative, "\n") {
			if strings.TrimFunc(line, pyIsSpace) != line {
				t.Fatalf("line %q is not stripped", line)
			}
		}
		if ok && strings.Count(s, ":") < 3 {
			t.Fatalf("ok with fewer than 3 colons in %q", s)
		}
		for _, kv := range params {
			if !reKey.MatchString(kv.Key) {
				t.Fatalf("key %q is not a key the regex can match", kv.Key)
			}
			// An empty value is dropped unless it was quoted ("").
			if kv.Value == "" && !strings.Contains(s, `""`) {
				t.Fatalf("key %q has an empty value", kv.Key)
			}
		}
		// Whatever was parsed formats and parses again without trouble.
		ParseInfotext(FormatInfotext(prompt, negative, params))
	})
}

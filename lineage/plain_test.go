package lineage

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestPlainPrompt(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a beach sunset", "a beach sunset"},
		{"a castle under a (full moon:1.2)", "a castle under a full moon"},
		{"((masterpiece)), best quality, [blurry]", "masterpiece, best quality, blurry"},
		{"a fox, <lora:add_detail:0.6>, autumn", "a fox, autumn"},
		{"a (red:0.8) barn BREAK wheat field", "a red barn, wheat field"},
		{"a [cat|dog] on a sofa", "a cat dog on a sofa"},
		{"a [castle:ruin:0.5] at dusk", "a castle ruin at dusk"},
		{`mario \(character\), (cap:1.1)`, "mario character, cap"},
		{"embedding:EasyNegative, a lake", "a lake"},
		{"(a lighthouse:1.3), (storm:-0.5)", "a lighthouse, storm"},
		{" , , a boat ,, ", "a boat"},
		{"<lora:x:1>", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := PlainPrompt(tt.in); got != tt.want {
			t.Errorf("PlainPrompt(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestHasSyntax(t *testing.T) {
	for in, want := range map[string]bool{
		"a beach sunset":               false,
		"A beach at sunset. Calm sea.": false,
		"a (fox:1.2)":                  true,
		"a fox BREAK a hen":            true,
		"<lora:x:1> a fox":             true,
		"embedding:bad, a fox":         true,
	} {
		if HasSyntax(in) != want {
			t.Errorf("HasSyntax(%q) = %v; want %v", in, !want, want)
		}
	}
}

func FuzzPlainPrompt(f *testing.F) {
	for _, s := range []string{"a (castle:1.2)", "[a|b] BREAK <lora:x:0.5>", `\(x\)`, "((a)), [b:c:0.3], embedding:e", ":::", "(a:1.)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := PlainPrompt(s)
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("PlainPrompt(%q) = %q: not UTF-8", s, got)
		}
		if strings.ContainsAny(got, "()[]{}<>|\\") {
			t.Fatalf("PlainPrompt(%q) = %q: syntax left", s, got)
		}
		if again := PlainPrompt(got); again != got {
			t.Fatalf("PlainPrompt is not idempotent: %q -> %q -> %q", s, got, again)
		}
		if got != strings.TrimSpace(got) || strings.Contains(got, "  ") {
			t.Fatalf("PlainPrompt(%q) = %q: untidy spaces", s, got)
		}
	})
}

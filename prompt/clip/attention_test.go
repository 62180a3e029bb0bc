package clip

import (
	"math"
	"strings"
	"testing"
)

// TestParseAttention: the examples of A1111's parse_prompt_attention
// docstring (modules/prompt_parser.py), and BREAK.
func TestParseAttention(t *testing.T) {
	tests := []struct {
		text string
		want []Piece
	}{
		{"normal text", []Piece{{"normal text", 1}}},
		{"an (important) word", []Piece{{"an ", 1}, {"important", 1.1}, {" word", 1}}},
		{"(unbalanced", []Piece{{"unbalanced", 1.1}}},
		{`\(literal\]`, []Piece{{"(literal]", 1}}},
		{"(unnecessary)(parens)", []Piece{{"unnecessaryparens", 1.1}}},
		{"a (((house:1.3)) [on] a (hill:0.5), sun, (((sky))).", []Piece{
			{"a ", 1}, {"house", 1.5730000000000004}, {" ", 1.1}, {"on", 1}, {" a ", 1.1},
			{"hill", 0.55}, {", sun, ", 1.1}, {"sky", 1.4641000000000006}, {".", 1.1}}},
		{"", []Piece{{"", 1}}},
		{"a cat BREAK a dog", []Piece{{"a cat", 1}, {"BREAK", -1}, {"a dog", 1}}},
		{"BREAKING news", []Piece{{"BREAKING news", 1}}},
		{"time: 12:30", []Piece{{"time: 12:30", 1}}},
		{"no bracket:1.2)", []Piece{{"no bracket:1.2)", 1}}},
		{"(a:-0.5)", []Piece{{"a", -0.5}}},
	}
	for _, tt := range tests {
		got := ParseAttention(tt.text)
		if len(got) != len(tt.want) {
			t.Errorf("ParseAttention(%q) = %v; want %v", tt.text, got, tt.want)
			continue
		}
		for i := range got {
			if got[i].Text != tt.want[i].Text || math.Abs(got[i].Weight-tt.want[i].Weight) > 1e-9 {
				t.Errorf("ParseAttention(%q) = %v; want %v", tt.text, got, tt.want)
				break
			}
		}
	}
}

// TestPromptCount: weights and brackets are not tokens; the words in them
// are.
func TestPromptCount(t *testing.T) {
	for _, tt := range []struct{ weighted, plain string }{
		{"(golden hour:1.2)", "golden hour"},
		{"masterpiece, ((castle)), [fog]", "masterpiece, castle, fog"},
		{`a \(literal\) bracket`, "a (literal) bracket"},
	} {
		if got, want := PromptCount(tt.weighted), Count(tt.plain); got != want {
			t.Errorf("PromptCount(%q) = %d; want %d, the count of %q", tt.weighted, got, want, tt.plain)
		}
	}
	if got := StripAttention("(red fox:1.3), [sky] BREAK sea"); strings.Join(strings.Fields(got), " ") != "red fox , sky BREAK sea" {
		t.Errorf("StripAttention = %q", got)
	}
}

func FuzzParseAttention(f *testing.F) {
	f.Add("a (((house:1.3)) [on] a (hill:0.5), sun, (((sky))).")
	f.Add(`\(x\) \\ ( [ ] ) :1.2) BREAK`)
	f.Fuzz(func(t *testing.T, text string) {
		ps := ParseAttention(text)
		if len(ps) == 0 {
			t.Fatal("no pieces")
		}
		n := 0
		for i, p := range ps {
			if i > 0 && ps[i-1].Weight == p.Weight {
				t.Fatalf("pieces %d and %d have the same weight: not merged", i-1, i)
			}
			n += len(p.Text)
		}
		if n > len(text)+1 {
			t.Fatalf("pieces hold %d bytes of a %d-byte text", n, len(text))
		}
	})
}

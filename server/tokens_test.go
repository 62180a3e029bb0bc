package server

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/easel-art/easel/prompt/clip"
)

// words returns n words that are one CLIP token each.
func words(n int) string {
	return strings.TrimSpace(strings.Repeat("red ", n))
}

func TestTokenRule(t *testing.T) {
	if clip.Count("red red") != 2 {
		t.Fatal(`"red" is not one token: the cases below need another word`)
	}
	for _, tc := range []struct {
		name   string
		text   string
		tokens int
		over   bool
		chunks int
	}{
		{"empty", "", 0, false, 1},
		{"short", "a lighthouse at dusk", 4, false, 1},
		{"exactly the limit", words(75), 75, false, 1},
		{"one past the limit", words(76), 76, true, 2},
		{"weights are not tokens", "(" + words(70) + ":1.3) [" + words(5) + "]", 75, false, 1},
		{"weights past the limit", "(" + words(70) + ":1.3), [" + words(5) + "]", 76, true, 2}, // the comma is a token
		{"nested weights", "((red:1.2) fox:0.8)", 2, false, 1},
		{"BREAK is not a token", words(40) + " BREAK " + words(30), 70, false, 2},
		{"BREAK does not hide the total", words(50) + " BREAK " + words(50), 100, true, 2},
		{"escaped brackets count", `\(red\)`, 3, false, 1},
		{"a colon that is not a weight", "time: dusk", 3, false, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := CountTokens(tc.text)
			if c.Tokens != tc.tokens || c.Over != tc.over || len(c.Chunks) != tc.chunks || c.Limit != 75 {
				t.Errorf("CountTokens(%.60q) = %+v; want %d tokens, over %v, %d chunks", tc.text, c, tc.tokens, tc.over, tc.chunks)
			}
			sum := 0
			for _, n := range c.Chunks {
				sum += n
			}
			if sum != c.Tokens {
				t.Errorf("chunks %v add up to %d, not %d", c.Chunks, sum, c.Tokens)
			}
		})
	}
}

// TestTokensAPI checks that the studio's counter gets the rule from the
// server: red past 75.
func TestTokensAPI(t *testing.T) {
	e := newTestEnv(t, Options{})
	for n, over := range map[int]bool{75: false, 76: true} {
		res, b := e.do(t, "POST", "/api/v1/tokens", map[string]string{"text": words(n)})
		var c TokenCount
		if res.StatusCode != 200 || json.Unmarshal(b, &c) != nil {
			t.Fatalf("%d %s", res.StatusCode, b)
		}
		if c.Tokens != n || c.Over != over {
			t.Errorf("%d words: %+v; want over=%v", n, c, over)
		}
	}
	res, _ := e.do(t, "POST", "/api/v1/tokens", `{"text":"a","extra":1}`)
	if res.StatusCode != 400 {
		t.Errorf("unknown field: %d; want 400", res.StatusCode)
	}
}

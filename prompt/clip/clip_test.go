package clip

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

type vectors struct {
	VocabSHA256 string `json:"vocab_sha256"`
	SOT         int    `json:"sot"`
	EOT         int    `json:"eot"`
	Cases       []struct {
		Text  string `json:"text"`
		IDs   []int  `json:"ids"`
		Count int    `json:"count"`
	} `json:"cases"`
}

func readVectors(t testing.TB) vectors {
	data, err := os.ReadFile("testdata/tokenizer_vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	var v vectors
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// TestVectors checks every id sequence that OpenAI's simple_tokenizer
// produced for the shared vectors.
func TestVectors(t *testing.T) {
	v := readVectors(t)
	sum := sha256.Sum256(vocabGz)
	if got := hex.EncodeToString(sum[:]); got != v.VocabSHA256 {
		t.Fatalf("embedded vocabulary sha256 = %s; want %s", got, v.VocabSHA256)
	}
	if v.SOT != StartOfText || v.EOT != EndOfText {
		t.Fatalf("special ids = %d, %d; want %d, %d", StartOfText, EndOfText, v.SOT, v.EOT)
	}
	if len(v.Cases) == 0 {
		t.Fatal("no cases")
	}
	for _, c := range v.Cases {
		got := Encode(c.Text)
		if !slices.Equal(got, c.IDs) && !(len(got) == 0 && len(c.IDs) == 0) {
			t.Errorf("Encode(%q)\n got %v\nwant %v", c.Text, got, c.IDs)
		}
		if n := Count(c.Text); n != c.Count {
			t.Errorf("Count(%q) = %d; want %d", c.Text, n, c.Count)
		}
	}
}

func TestEncode(t *testing.T) {
	tests := []struct {
		text string
		want []int
	}{
		{"", nil},
		{"   \t\n ", nil},
		{"a", []int{320}},
		{"A", []int{320}},
		{"<|endoftext|>", []int{EndOfText}},
		{"<|startoftext|>a", []int{StartOfText, 320}},
		{"&amp;amp;", Encode("&")}, // unescaped twice
		{"a\u00a0\u3000a", []int{320, 320}},
	}
	for _, tt := range tests {
		if got := Encode(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("Encode(%q) = %v; want %v", tt.text, got, tt.want)
		}
	}
}

func TestVocabLoad(t *testing.T) {
	b := vocab()
	if len(b.merges) != numMerges {
		t.Fatalf("%d merges; want %d", len(b.merges), numMerges)
	}
	if _, err := load([]byte("not gzip")); err == nil {
		t.Error("load of a bad file: no error")
	}
}

func TestChunks(t *testing.T) {
	word := "sunset" // one token
	if n := Count(word); n != 1 {
		t.Fatalf("Count(%q) = %d; want 1", word, n)
	}
	repeat := func(w string, n int, sep string) string {
		return strings.TrimSuffix(strings.Repeat(w+sep, n), sep)
	}
	tests := []struct {
		name string
		text string
		want []int // tokens per chunk
	}{
		{"empty", "", []int{0}},
		{"short", "a beach sunset", []int{3}},
		{"exactly 75", repeat(word, 75, " "), []int{75}},
		{"76", repeat(word, 76, " "), []int{75, 1}},
		{"151", repeat(word, 151, " "), []int{75, 75, 1}},
		{"break", "a beach BREAK sunset", []int{2, 1}},
		{"break not a word", "BREAKS a", []int{Count("BREAKS a")}},
		{"break lower case", "a break b", []int{3}},
		{"leading break", "BREAK a", []int{0, 1}},
		{"trailing break", "a BREAK", []int{1}},
		// A comma right at the end of a full chunk stays in the next one.
		{"comma at the edge", repeat(word, 40, ", "), []int{75, 4}},
		// 2 words and 14 four-word phrases with commas fill 72 tokens; the
		// 15th phrase would cross the 75 boundary, so it moves whole to
		// chunk two.
		{"comma backtrack", "sunset sunset " + repeat("sunset sunset sunset sunset", 16, ", "), []int{72, 9}},
		// A comma farther than 20 tokens back does not move anything.
		{"far comma", "a, " + repeat(word, 80, " "), []int{75, 7}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			chunks := Chunks(tt.text)
			var got []int
			var all []int
			for _, c := range chunks {
				got = append(got, len(c))
				all = append(all, c...)
				if len(c) > ChunkLen {
					t.Errorf("chunk of %d tokens", len(c))
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("chunk sizes %v; want %v", got, tt.want)
			}
			var want []int
			for _, p := range splitBreak(tt.text) {
				want = append(want, Encode(p)...)
			}
			if !slices.Equal(all, want) && len(all)+len(want) > 0 {
				t.Errorf("chunks do not hold the text's tokens in order")
			}
		})
	}
}

func FuzzEncode(f *testing.F) {
	for _, c := range readVectors(f).Cases {
		f.Add(c.Text)
	}
	f.Add("BREAK, BREAK ΟΔΟΣ İstanbul &#x1F305; <|endoftext|>'s")
	f.Add("\xff\xfe bad utf8")
	f.Fuzz(func(t *testing.T, text string) {
		ids := Encode(text)
		if len(ids) != Count(text) {
			t.Fatalf("Count differs from len(Encode)")
		}
		for _, id := range ids {
			if id < 0 || id >= VocabSize {
				t.Fatalf("id %d out of range", id)
			}
		}
		if utf8.ValidString(text) && !strings.ContainsAny(text, "&<") {
			// Appending a space-separated word never changes the ids before it.
			more := Encode(text + " sunset")
			if !slices.Equal(more[:len(ids)], ids) {
				t.Fatalf("ids of %q change when a word follows", text)
			}
		}
		total := 0
		for _, c := range Chunks(text) {
			if len(c) > ChunkLen {
				t.Fatalf("chunk of %d tokens", len(c))
			}
			total += len(c)
		}
		want := 0
		for _, p := range ParseAttention(text) {
			if !p.IsBreak() {
				want += Count(p.Text)
			}
		}
		if total != want || PromptCount(text) != want {
			t.Fatalf("chunks hold %d tokens (PromptCount %d); the pieces have %d", total, PromptCount(text), want)
		}
		if !strings.ContainsAny(text, `()[]\:`) && !strings.Contains(text, "BREAK") && total != len(ids) {
			t.Fatalf("chunks of plain text hold %d tokens; Encode gives %d", total, len(ids))
		}
	})
}

func BenchmarkEncode(b *testing.B) {
	var texts []string
	tokens := 0
	for _, c := range readVectors(b).Cases {
		texts = append(texts, c.Text)
		tokens += c.Count
	}
	Count("warm up")
	b.ResetTimer()
	for b.Loop() {
		for _, t := range texts {
			Encode(t)
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkEncodeCold measures text whose pieces are not cached yet.
func BenchmarkEncodeCold(b *testing.B) {
	text := readVectors(b).Cases[1].Text
	tokens := Count(text)
	b.ResetTimer()
	for b.Loop() {
		vocab().mu.Lock()
		clear(vocab().cache)
		vocab().mu.Unlock()
		Encode(text)
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := load(vocabGz); err != nil {
			b.Fatal(err)
		}
	}
}

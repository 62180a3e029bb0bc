package dialect

import (
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/prompt/clip"
	"github.com/easel-art/easel/prompt/styles"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func kw(text string, w float64) easel.Keyword { return easel.Keyword{Text: text, Weight: w} }

func mustStyle(t testing.TB, name string) *styles.Style {
	s, err := styles.Get(name)
	if err != nil {
		t.Fatal(err)
	}
	return &s
}

// beach is the prompt a skilled writer makes of "a beach sunset".
func beach() *easel.Prompt {
	return &easel.Prompt{
		Idea: "a beach sunset",
		Text: "A tranquil beach at sunset. The sun is just touching the horizon, casting warm orange and pink hues across the sky. " +
			"The water is calm and reflective, with gentle waves lapping against the shore, and palm trees stand in silhouette. " +
			"A few seagulls wander along the shoreline. Wide shot, peaceful and serene.",
		Keywords: []easel.Keyword{
			kw("tranquil beach", 1.2), kw("sunset", 1.3), kw("sun touching the horizon", 1), kw("warm orange and pink sky", 1.1),
			kw("calm reflective water", 1), kw("gentle waves", 1), kw("palm tree silhouettes", 1), kw("seagulls on the shoreline", 1),
			kw("wide shot", 1), kw("golden hour light", 1.1), kw("serene mood", 1),
		},
		Negative: []string{"people", "buildings", "text", "watermark", "lowres"},
		Seed:     42,
		Writer:   "builtin",
	}
}

// market has the awkward parts: literal parentheses, the A1111 words
// BREAK and AND, unset and out-of-range weights, comma-joined negatives.
func market() *easel.Prompt {
	return &easel.Prompt{
		Idea: "a night market with lanterns",
		Text: "A bustling night market strung with paper lanterns.  Steam rises from the food stalls (dumplings, noodles) " +
			"while warm red light spills across wet cobblestones -- a lively, cozy evening.",
		Keywords: []easel.Keyword{
			kw("night market", 1.25), kw("paper lanterns", 0), kw("food stalls (dumplings, noodles)", 1),
			kw("BREAK dance AND music", 1), kw("wet cobblestones", 3), kw("steam", 0.85), kw("[crowd]", 1), kw("  ", 2),
		},
		Negative: []string{"blurry, ugly", "Cars", "cars"},
		Seed:     5000000000,
		Chaos:    30,
		Writer:   "builtin",
	}
}

// long has far more keywords than one chunk holds.
func long() *easel.Prompt {
	p := &easel.Prompt{Idea: "a sprawling fantasy city", Text: "A sprawling fantasy city on terraced cliffs above a misty sea.", Seed: 7}
	words := []string{"spires", "bridges", "waterfalls", "banners", "airships", "gardens", "domes", "lanterns", "stairways", "arches",
		"ivy", "towers", "harbor", "sails", "clouds", "gulls", "markets", "statues", "fountains", "balconies"}
	for i := range 60 {
		w := 1.0
		if i%4 == 0 {
			w = 1.15
		}
		p.Keywords = append(p.Keywords, kw(fmt.Sprintf("%s of the %s quarter", words[i%len(words)], words[(i*7+3)%len(words)]), w))
	}
	p.Negative = []string{"modern cars", "power lines"}
	return p
}

type goldenCase struct {
	name string
	p    *easel.Prompt
	o    func(t testing.TB) Options
}

func goldenCases() []goldenCase {
	return []goldenCase{
		{"beach", beach(), func(testing.TB) Options { return Options{} }},
		{"beach-cinematic", beach(), func(t testing.TB) Options {
			return Options{Width: 1792, Height: 1024, Style: mustStyle(t, "cinematic"), ExtraNegative: "lens flare"}
		}},
		{"market-watercolor", market(), func(t testing.TB) Options {
			return Options{Width: 1536, Height: 1024, Style: mustStyle(t, "watercolor"), ExtraNegative: "cars, neon signs", Stylize: 250}
		}},
		{"long", long(), func(t testing.TB) Options { return Options{Width: 1000, Height: 667, Seed: 99, Chaos: 100} }},
		{"text-only", &easel.Prompt{Text: "An old lighthouse on a rocky coast in a storm, waves crashing, moody light.", Seed: 3}, func(testing.TB) Options { return Options{} }},
		{"keywords-only", &easel.Prompt{Keywords: []easel.Keyword{kw("red fox", 1.2), kw("snowy forest", 1)}, Negative: []string{"text"}}, func(t testing.TB) Options {
			return Options{Style: &styles.Style{Name: "a1111 style", Prompt: "(masterpiece:1.2), \\(best\\) quality", Negative: "[bad hands]"}}
		}},
	}
}

func TestGolden(t *testing.T) {
	for _, gc := range goldenCases() {
		for _, d := range easel.Dialects {
			name := gc.name + "." + string(d)
			t.Run(name, func(t *testing.T) {
				r, err := Render(gc.p, d, gc.o(t))
				if err != nil {
					t.Fatal(err)
				}
				got, err := json.MarshalIndent(r, "", "  ")
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, '\n')
				path := filepath.Join("testdata", name+".golden")
				if *update {
					if err := os.WriteFile(path, got, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run go test -update to create it)", err)
				}
				if diff := cmp.Diff(string(want), string(got)); diff != "" {
					t.Errorf("Render mismatch (-want +got):\n%s", diff)
				}
				checkRendered(t, gc.p, r)
			})
		}
	}
}

// checkRendered checks what must hold of every rendering.
func checkRendered(t *testing.T, p *easel.Prompt, r Rendered) {
	t.Helper()
	switch r.Dialect {
	case easel.DialectSD, easel.DialectSDXL:
		checkChunks(t, r)
		if r.Negative == "" {
			t.Error("no negative prompt")
		}
	case easel.DialectGPTImage, easel.DialectFlux, easel.DialectMidjourney:
		if r.Negative != "" || r.Chunks != nil {
			t.Errorf("%s has a negative prompt or chunks", r.Dialect)
		}
	}
	if r.Dialect == easel.DialectMidjourney {
		body, _, _ := strings.Cut(r.Text, " --ar ")
		if strings.Contains(body, "--") || strings.Contains(body, "::") {
			t.Errorf("midjourney prose holds parameter syntax: %q", body)
		}
		for _, param := range []string{" --ar ", " --seed "} {
			if strings.Count(r.Text, param) != 1 {
				t.Errorf("midjourney text has %d %q", strings.Count(r.Text, param), param)
			}
		}
		// --stylize and --chaos are written only when asked.
		for _, param := range []string{" --stylize ", " --chaos "} {
			if strings.Count(r.Text, param) > 1 {
				t.Errorf("midjourney text has %d %q", strings.Count(r.Text, param), param)
			}
		}
		if strings.HasPrefix(strings.ToLower(body), "imagine") {
			t.Errorf("midjourney text opens with %q", body)
		}
	}
	if r.Dialect != easel.DialectSD && r.Dialect != easel.DialectSDXL && strings.Contains(r.Text, "BREAK") {
		t.Errorf("BREAK in %s text", r.Dialect)
	}
}

// checkChunks checks that each sd chunk fits CLIP's context and that A1111
// would encode the text in exactly these chunks.
func checkChunks(t *testing.T, r Rendered) {
	t.Helper()
	sum := 0
	for i, c := range r.Chunks {
		n := clip.PromptCount(c)
		sum += n
		if n > clip.ChunkLen {
			t.Errorf("chunk %d has %d tokens: %q", i, n, c)
		}
		if strings.TrimSpace(c) == "" {
			t.Errorf("chunk %d is empty", i)
		}
	}
	if got := len(clip.Chunks(r.Text)); got != len(r.Chunks) {
		t.Errorf("clip.Chunks finds %d chunks in the text; Render made %d", got, len(r.Chunks))
	}
	if strings.Join(r.Chunks, " BREAK ") != r.Text {
		t.Error("Text is not the chunks joined by BREAK")
	}
	if sum != r.Tokens {
		t.Errorf("Tokens = %d; the chunks hold %d", r.Tokens, sum)
	}
}

// TestChunksLong renders many long random prompts and checks that every
// chunk fits and no keyword is split across chunks.
func TestChunksLong(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	words := strings.Fields("golden hour misty mountain lake reflection (ancient) castle towering spires dramatic clouds " +
		"café crème 日本 sunset, neon-lit rain-slicked street cyberpunk 8k f/1.8 photorealistic \\ [detailed] :3 ))) emoji🌅")
	for i := range 200 {
		p := &easel.Prompt{Text: "x"}
		for range 5 + rng.IntN(80) {
			var ws []string
			for range 1 + rng.IntN(6) {
				ws = append(ws, words[rng.IntN(len(words))])
			}
			p.Keywords = append(p.Keywords, kw(strings.Join(ws, " "), []float64{1, 1, 1.2, 0.8, 1.35}[rng.IntN(5)]))
		}
		if i%10 == 0 {
			// One keyword far longer than a chunk.
			p.Keywords = append(p.Keywords, kw(strings.Repeat("very long description ", 40+i%7), 1.1))
		}
		for _, d := range []easel.Dialect{easel.DialectSD, easel.DialectSDXL} {
			r, err := Render(p, d, Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkChunks(t, r)
			seen := map[string]bool{}
			for _, k := range p.Keywords {
				f := formatKeyword(k)
				key := strings.ToLower(escape(cleanTerm(k.Text)))
				if clip.PromptCount(f) > clip.ChunkLen || f == "" || seen[key] {
					continue // too long to keep whole, or a repeat left out
				}
				seen[key] = true
				found := false
				for _, c := range r.Chunks {
					found = found || strings.Contains(", "+c+", ", ", "+f+", ")
				}
				if !found {
					t.Fatalf("%s: keyword %q is not whole in any chunk of %q", d, f, r.Text)
				}
			}
		}
	}
}

func TestStyleRuleSD(t *testing.T) {
	// Without BREAKs, the sd text is what A1111 makes of the plain text
	// with the style applied.
	st := mustStyle(t, "pixel-art")
	p := beach()
	p.Keywords = append(p.Keywords, kw("sand, shells", 1.1))
	styled, err := Render(p, easel.DialectSD, Options{Style: st})
	if err != nil {
		t.Fatal(err)
	}
	var kws []string
	for _, k := range p.Keywords {
		kws = append(kws, formatKeyword(k))
	}
	text, neg := styles.Apply(*st, strings.Join(kws, ", "), strings.Join(dedupe(append(p.Negative, sdNegative...)), ", "))
	wantText := "masterpiece, best quality, " + text + ", highly detailed, sharp focus"
	if got := strings.ReplaceAll(styled.Text, " BREAK ", ", "); got != wantText {
		t.Errorf("styled text\n got %q\nwant %q", got, wantText)
	}
	if styled.Negative != neg {
		t.Errorf("styled negative\n got %q\nwant %q", styled.Negative, neg)
	}
}

func TestFormatKeyword(t *testing.T) {
	tests := []struct {
		k    easel.Keyword
		want string
	}{
		{kw("sunset", 1), "sunset"},
		{kw("sunset", 0), "sunset"},
		{kw("sunset", 1.2), "(sunset:1.2)"},
		{kw("sunset", 1.249), "(sunset:1.25)"},
		{kw("sunset", 0.004), "(sunset:0.1)"},
		{kw("sunset", -1), "(sunset:0.1)"},
		{kw("sunset", 7), "(sunset:2)"},
		{kw("sunset", 1.001), "sunset"},
		{kw("  two \t words ", 1), "two words"},
		{kw(`a (b) [c] \d`, 1), `a \(b\) \[c\] \\d`},
		{kw("f(x)", 1.1), `(f\(x\):1.1)`},
		{kw("BREAK AND BREAKING", 1), "break and BREAKING"},
		{kw(" ", 1.5), ""},
	}
	for _, tt := range tests {
		if got := formatKeyword(tt.k); got != tt.want {
			t.Errorf("formatKeyword(%+v) = %q; want %q", tt.k, got, tt.want)
		}
	}
}

func TestSplitTopLevel(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"a, b,c", []string{"a", "b", "c"}},
		{"(a, b:1.2), c", []string{"(a, b:1.2)", "c"}},
		{`a \, b, \(c, d\)`, []string{`a \, b`, `\(c`, `d\)`}},
		{"[a, [b]], c", []string{"[a, [b]]", "c"}},
		{"a), b, c", []string{"a)", "b", "c"}},
		{" , ,", nil},
		{"trailing \\", []string{"trailing \\"}},
	}
	for _, tt := range tests {
		if got := splitTopLevel(tt.in); !cmp.Equal(got, tt.want) {
			t.Errorf("splitTopLevel(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want easel.Dialect
	}{
		{"natural", easel.DialectNatural},
		{"SDXL", easel.DialectSDXL},
		{" gpt_image ", easel.DialectGPTImage},
		{"sd1.5", easel.DialectSD},
		{"mj", easel.DialectMidjourney},
		{"flux", easel.DialectFlux},
	}
	for _, tt := range tests {
		if got, err := Parse(tt.in); got != tt.want || err != nil {
			t.Errorf("Parse(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "dalle", "sd3"} {
		_, err := Parse(bad)
		if easel.ErrorCode(err) != easel.EINVALID || !strings.Contains(err.Error(), "natural, gpt-image, flux, sd, sdxl, midjourney") {
			t.Errorf("Parse(%q) error = %v; want EINVALID listing the dialects", bad, err)
		}
	}
	for _, d := range easel.Dialects {
		if got, err := Parse(string(d)); got != d || err != nil {
			t.Errorf("Parse(%q) = %q, %v", d, got, err)
		}
	}
}

func TestRenderErrors(t *testing.T) {
	for _, p := range []*easel.Prompt{nil, {}, {Text: "  ", Keywords: []easel.Keyword{kw(" ", 1)}}} {
		if _, err := Render(p, easel.DialectSD, Options{}); easel.ErrorCode(err) != easel.EINVALID {
			t.Errorf("Render(%+v) error = %v; want EINVALID", p, err)
		}
	}
	if _, err := Render(beach(), "dalle", Options{}); easel.ErrorCode(err) != easel.EINVALID {
		t.Errorf("unknown dialect: error = %v; want EINVALID", err)
	}
}

func TestMidjourneyParams(t *testing.T) {
	tests := []struct {
		o    Options
		want string
	}{
		{Options{}, "--ar 1:1 --seed 42 --no people, buildings, text, watermark"},
		{Options{Width: 1920, Height: 1080, Seed: -1, Chaos: 250, Stylize: 5000}, "--ar 16:9 --seed 4294967295 --no people, buildings, text, watermark --stylize 1000 --chaos 100"},
		{Options{Width: 832, Height: 1216, ExtraNegative: "rain -- fog, a::b"}, "--ar 13:19 --seed 42 --no rain – fog, a:b, people, buildings, text, watermark"},
	}
	for _, tt := range tests {
		r, err := Render(beach(), easel.DialectMidjourney, tt.o)
		if err != nil {
			t.Fatal(err)
		}
		if _, params, _ := strings.Cut(r.Text, " --ar "); "--ar "+params != tt.want {
			t.Errorf("params = %q; want %q", "--ar "+params, tt.want)
		}
	}
}

func FuzzRenderSD(f *testing.F) {
	f.Add("golden hour", 1.2, "a (b) [c]", "x")
	f.Add("BREAK", 0.0, "\\", "((a")
	f.Add(strings.Repeat("word ", 90), 1.5, ")))", "[[[")
	f.Fuzz(func(t *testing.T, a string, w float64, b, neg string) {
		p := &easel.Prompt{Keywords: []easel.Keyword{kw(a, w), kw(b, 1), kw(a+" "+b, 1.1)}, Negative: []string{neg}}
		r, err := Render(p, easel.DialectSD, Options{ExtraNegative: neg})
		if err != nil {
			if easel.ErrorCode(err) != easel.EINVALID {
				t.Fatal(err)
			}
			return
		}
		for i, c := range r.Chunks {
			if n := clip.PromptCount(c); n > clip.ChunkLen {
				t.Fatalf("chunk %d has %d tokens: %q", i, n, c)
			}
		}
	})
}

func BenchmarkRenderSD(b *testing.B) {
	p := beach()
	for b.Loop() {
		if _, err := Render(p, easel.DialectSD, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRenderSDLong(b *testing.B) {
	p := long()
	st := mustStyle(b, "cinematic")
	for b.Loop() {
		if _, err := Render(p, easel.DialectSDXL, Options{Style: st}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRenderNatural(b *testing.B) {
	p := beach()
	for b.Loop() {
		if _, err := Render(p, easel.DialectGPTImage, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestParseKeywords(t *testing.T) {
	got := ParseKeywords("(lighthouse:1.2), rocky coast, [dusk], (a, b:0.8) BREAK highly detailed, , (x:oops), BREAKING news")
	want := []struct {
		text string
		w    float64
	}{{"lighthouse", 1.2}, {"rocky coast", 1}, {"dusk", 1}, {"a, b", 0.8}, {"highly detailed", 1}, {"x:oops", 1}, {"BREAKING news", 1}}
	if len(got) != len(want) {
		t.Fatalf("ParseKeywords = %+v", got)
	}
	for i, w := range want {
		if got[i].Text != w.text || got[i].Weight != w.w {
			t.Errorf("keyword %d = %+v; want %q %v", i, got[i], w.text, w.w)
		}
	}
}

// TestParseKeywordsRoundTrip: what Render writes, ParseKeywords reads
// back with the same terms and weights.
func TestParseKeywordsRoundTrip(t *testing.T) {
	p := &easel.Prompt{Text: "x", Keywords: []easel.Keyword{kw("lighthouse", 1.2), kw("rocky coast", 1), kw("storm, at dusk", 0.8)}}
	r, err := Render(p, easel.DialectSDXL, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := ParseKeywords(r.Text)
	for i, k := range p.Keywords {
		if i >= len(got) || got[i].Text != k.Text || got[i].Weight != k.Weight {
			t.Fatalf("ParseKeywords(%q) = %+v; want %+v first", r.Text, got, p.Keywords)
		}
	}
}

func FuzzParseKeywords(f *testing.F) {
	for _, s := range []string{"(lighthouse:1.2), rocky coast", "((a)", "a\\", "BREAK,BREAK", "(:1)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, k := range ParseKeywords(s) {
			if k.Text == "" || k.Text != strings.TrimSpace(k.Text) {
				t.Errorf("ParseKeywords(%q) gave keyword %q", s, k.Text)
			}
		}
	})
}

// TestPackCountsAsA1111: pack's shortcut count of "cur, item" is the
// count of the whole, so it packs exactly as counting everything again
// would.
func TestPackCountsAsA1111(t *testing.T) {
	slow := func(items []string) []string {
		var chunks []string
		cur := ""
		for _, it := range items {
			switch {
			case clip.PromptCount(it) > clip.ChunkLen:
				if cur != "" {
					chunks, cur = append(chunks, cur), ""
				}
				chunks = append(chunks, splitLong(it)...)
			case cur == "":
				cur = it
			case clip.PromptCount(cur+", "+it) <= clip.ChunkLen:
				cur += ", " + it
			default:
				chunks, cur = append(chunks, cur), it
			}
		}
		if cur != "" {
			chunks = append(chunks, cur)
		}
		return chunks
	}
	rng := rand.New(rand.NewPCG(3, 4))
	words := strings.Fields(`golden hour misty mountain lake wow! :3 café &amp; 日本 f/1.8 \(ancient\) [fog] ((castle)) 8k rain-slicked ... neon-lit`)
	for range 300 {
		var items []string
		for range 5 + rng.IntN(40) {
			var ws []string
			for range 1 + rng.IntN(4) {
				ws = append(ws, words[rng.IntN(len(words))])
			}
			it := strings.Join(ws, " ")
			switch rng.IntN(4) {
			case 0:
				it = "(" + it + ":1.2)"
			case 1:
				it = "(" + it + ":1)"
			}
			items = append(items, it)
		}
		if got, want := pack(items), slow(items); !slices.Equal(got, want) {
			t.Fatalf("pack(%q) =\n%q\nwant\n%q", items, got, want)
		}
	}
}

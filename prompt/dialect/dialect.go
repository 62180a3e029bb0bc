// Package dialect renders one canonical easel.Prompt in the dialect an
// engine understands: prose for natural, gpt-image and flux; weighted
// keywords in 75-token CLIP chunks with a separate negative prompt for sd
// and sdxl (AUTOMATIC1111 syntax); prose plus --parameters for midjourney.
package dialect

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/prompt/clip"
	"github.com/easel-art/easel/prompt/styles"
)

// Options are the settings a rendering depends on besides the Prompt.
type Options struct {
	// Width and Height are the picture size; midjourney writes their
	// reduced ratio as --ar. Zero means easel's default size.
	Width, Height int
	// Seed is written by midjourney as --seed; 0 means the Prompt's seed.
	Seed int64
	// Chaos (0..100) is written by midjourney as --chaos; 0 means the
	// Prompt's chaos.
	Chaos int
	// Stylize (0..1000) is written by midjourney as --stylize; 0 means
	// Midjourney's default, 100.
	Stylize int
	// Style, when set, is applied by A1111's rule (see package styles).
	// Render applies it; the Prompt's Style field is only a record.
	Style *styles.Style
	// ExtraNegative is the person's own negative text (--negative),
	// comma-separated, added to the Prompt's negative terms.
	ExtraNegative string
}

// Rendered is a Prompt written in one dialect.
type Rendered struct {
	Dialect easel.Dialect `json:"dialect"`
	// Text is the prompt to send, or for midjourney to paste after /imagine.
	Text string `json:"prompt"`
	// Negative is the negative prompt; empty for dialects without one
	// (gpt-image and midjourney fold negatives into Text, flux has none).
	Negative string `json:"negative_prompt,omitempty"`
	// Chunks are the 75-token pieces of an sd or sdxl Text, which joins
	// them with " BREAK "; nil for the other dialects.
	Chunks []string `json:"chunks,omitempty"`
	// Tokens is the CLIP token count of Text: for sd and sdxl as A1111
	// counts it (clip.PromptCount: weight syntax and BREAK are not
	// tokens), the same count as easel tokens and the studio's; for
	// midjourney, of the prose without the parameters.
	Tokens int `json:"tokens"`
	// Style is the name of the style applied, if any.
	Style string `json:"style,omitempty"`
}

// aliases maps other names people use to a dialect.
var aliases = map[string]easel.Dialect{
	"prose":            easel.DialectNatural,
	"gptimage":         easel.DialectGPTImage,
	"gpt-image-1":      easel.DialectGPTImage,
	"openai":           easel.DialectGPTImage,
	"sd1.5":            easel.DialectSD,
	"sd15":             easel.DialectSD,
	"sd-1.5":           easel.DialectSD,
	"stable-diffusion": easel.DialectSD,
	"a1111":            easel.DialectSD,
	"mj":               easel.DialectMidjourney,
}

// Parse returns the dialect called name (case-insensitive; a few common
// aliases such as sd1.5 and mj are accepted). An unknown name is an
// EINVALID error listing the dialects.
func Parse(name string) (easel.Dialect, error) {
	k := strings.ReplaceAll(strings.ToLower(strings.TrimSpace(name)), "_", "-")
	for _, d := range easel.Dialects {
		if string(d) == k {
			return d, nil
		}
	}
	if d, ok := aliases[k]; ok {
		return d, nil
	}
	names := make([]string, len(easel.Dialects))
	for i, d := range easel.Dialects {
		names[i] = string(d)
	}
	return "", easel.Errorf(easel.EINVALID, "unknown dialect %q: use one of %s", name, strings.Join(names, ", "))
}

// Render writes p in dialect d. It returns an EINVALID error for an
// unknown dialect or a prompt with neither text nor keywords.
func Render(p *easel.Prompt, d easel.Dialect, o Options) (Rendered, error) {
	if p == nil || strings.TrimSpace(p.Text) == "" && !hasKeywords(p.Keywords) {
		return Rendered{}, easel.Errorf(easel.EINVALID, "the prompt is empty: it needs a description or keywords")
	}
	r := Rendered{Dialect: d}
	if o.Style != nil {
		r.Style = o.Style.Name
	}
	switch d {
	case easel.DialectSD, easel.DialectSDXL:
		renderKeywords(&r, p, o)
	case easel.DialectNatural, easel.DialectGPTImage, easel.DialectFlux:
		renderProse(&r, p, o)
	case easel.DialectMidjourney:
		renderMidjourney(&r, p, o)
	default:
		_, err := Parse(string(d))
		if err == nil {
			err = easel.Errorf(easel.EINTERNAL, "dialect %q has no renderer", d)
		}
		return Rendered{}, err
	}
	return r, nil
}

func hasKeywords(ks []easel.Keyword) bool {
	for _, k := range ks {
		if strings.TrimSpace(k.Text) != "" {
			return true
		}
	}
	return false
}

// Quality tags and default negatives. SD 1.5 checkpoints were trained on
// booru-style captions and answer to "masterpiece, best quality" and a long
// negative list; SDXL needs far less and is harmed by heavy tag soup.
var (
	sdPrefix     = []string{"masterpiece", "best quality"}
	sdSuffix     = []string{"highly detailed", "sharp focus"}
	sdNegative   = []string{"lowres", "worst quality", "low quality", "jpeg artifacts", "blurry", "bad anatomy", "bad hands", "extra fingers", "deformed", "cropped", "text", "watermark", "signature"}
	sdxlSuffix   = []string{"high quality", "detailed"}
	sdxlNegative = []string{"lowres", "blurry", "deformed", "jpeg artifacts", "text", "watermark", "signature"}
)

// renderKeywords writes the sd and sdxl dialects.
func renderKeywords(r *Rendered, p *easel.Prompt, o Options) {
	prefix, suffix, defNeg := sdPrefix, sdSuffix, sdNegative
	if r.Dialect == easel.DialectSDXL {
		prefix, suffix, defNeg = nil, sdxlSuffix, sdxlNegative
	}
	kws := p.Keywords
	if !hasKeywords(kws) {
		kws = keywordsFromText(p.Text)
	}
	// Keywords in importance order, no term twice. A comma inside a
	// keyword is protected while the text is split into items, so a
	// keyword is never cut in two.
	var kwItems []string
	seen := map[string]bool{}
	for _, k := range kws {
		f, term := formatKeywordTerm(k)
		key := strings.ToLower(term)
		if f != "" && !seen[key] {
			seen[key] = true
			kwItems = append(kwItems, strings.ReplaceAll(f, ",", protectedComma))
		}
	}
	text := strings.Join(kwItems, ", ")

	var negs []string
	negSeen := map[string]bool{}
	// The dialect's default negatives never name what the idea asks for:
	// "a low poly fox" gets no "low quality", "a sign with text" no "text".
	defNeg = notInIdea(defNeg, p.Idea)
	for _, n := range append(negatives(p, o), defNeg...) {
		t := escape(cleanTerm(n))
		if t != "" && !negSeen[strings.ToLower(t)] {
			negSeen[strings.ToLower(t)] = true
			negs = append(negs, t)
		}
	}
	neg := strings.Join(negs, ", ")

	if o.Style != nil {
		// A1111's own rule, on the keywords, so the result is what its
		// styles menu makes of them; quality tags stay outside the style
		// ("masterpiece, watercolor painting of ...").
		text, neg = styles.Apply(*o.Style, text, neg)
	}
	body := splitTopLevel(text)
	for _, it := range body {
		// A style may bring its own quality tags, often weighted.
		seen[strings.ToLower(plain(it))] = true
	}
	var items []string
	for _, t := range prefix {
		if !seen[t] {
			items = append(items, t)
		}
	}
	items = append(items, body...)
	for _, t := range suffix {
		if !seen[t] {
			items = append(items, t)
		}
	}
	for i := range items {
		items[i] = strings.ReplaceAll(items[i], protectedComma, ",")
	}
	r.Chunks = pack(items)
	r.Text = strings.Join(r.Chunks, " BREAK ")
	for _, c := range r.Chunks {
		r.Tokens += clip.PromptCount(c)
	}
	r.Negative = strings.Join(pack(splitTopLevel(neg)), " BREAK ")
}

// protectedComma stands for a comma inside a keyword while the prompt is
// split at commas; cleanTerm removes it from input text.
const protectedComma = "\uE000"

func formatKeyword(k easel.Keyword) string {
	f, _ := formatKeywordTerm(k)
	return f
}

// formatKeywordTerm returns formatKeyword(k) and the escaped term in it.
func formatKeywordTerm(k easel.Keyword) (string, string) {
	t := escape(cleanTerm(k.Text))
	if t == "" {
		return "", ""
	}
	w := k.Weight
	if w == 0 || math.IsNaN(w) {
		w = 1
	}
	w = math.Round(min(max(w, 0.1), 2)*100) / 100
	if w == 1 {
		return t, t
	}
	return "(" + t + ":" + strconv.FormatFloat(w, 'f', -1, 64) + ")", t
}

// cleanTerm collapses white space and lower-cases the A1111 keywords BREAK
// and AND, which would otherwise split the prompt.
func cleanTerm(s string) string {
	s = strings.TrimSpace(s)
	if simpleTerm(s) {
		return s // the common case, without allocating
	}
	fields := strings.Fields(strings.ReplaceAll(s, protectedComma, ""))
	for i, f := range fields {
		if f == "BREAK" || f == "AND" {
			fields[i] = strings.ToLower(f)
		}
	}
	return strings.Join(fields, " ")
}

// simpleTerm reports whether s is ASCII without control characters, double
// spaces or capital letters (so without BREAK or AND).
func simpleTerm(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < ' ' || c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' || c == ' ' && i+1 < len(s) && s[i+1] == ' ' {
			return false
		}
	}
	return true
}

// escape backslash-escapes the characters A1111's prompt parser treats as
// syntax, so a literal "(" stays a parenthesis rather than emphasis.
func escape(s string) string {
	if !strings.ContainsAny(s, `\()[]`) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '(', ')', '[', ']':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// splitTopLevel splits A1111 prompt text at the commas that are not inside
// (...) or [...], honouring backslash escapes, and trims the items.
func splitTopLevel(s string) []string {
	var items []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '(', '[':
			depth++
		case ')', ']':
			depth = max(depth-1, 0)
		case ',':
			if depth == 0 {
				items = appendItem(items, s[start:i])
				start = i + 1
			}
		}
	}
	return appendItem(items, s[min(start, len(s)):])
}

func appendItem(items []string, s string) []string {
	s = strings.TrimSpace(s)
	if strings.Contains(s, "  ") || strings.ContainsAny(s, "\t\n\r\v\f") {
		s = strings.Join(strings.Fields(s), " ")
	}
	if s != "" {
		items = append(items, s)
	}
	return items
}

// pack joins items with ", " into chunks of at most clip.ChunkLen tokens
// as A1111 counts them (clip.PromptCount: weights and brackets are not
// tokens), in order, never splitting an item unless it alone is too long.
func pack(items []string) []string {
	var chunks []string
	cur, curN, last := "", 0, ""
	for _, it := range items {
		n := clip.PromptCount(it)
		if n > clip.ChunkLen {
			if cur != "" {
				chunks = append(chunks, cur)
				cur, curN = "", 0
			}
			chunks = append(chunks, splitLong(it)...)
			continue
		}
		if cur == "" {
			cur, curN, last = it, n, it
			continue
		}
		cn := curN + 1 + n
		if !commaApart(last, it) {
			cn = clip.PromptCount(cur + ", " + it)
		}
		if cn <= clip.ChunkLen {
			cur, curN, last = cur+", "+it, cn, it
			continue
		}
		chunks = append(chunks, cur)
		cur, curN, last = it, n, it
	}
	if cur != "" {
		chunks = append(chunks, cur)
	}
	return chunks
}

// commaApart reports whether "last, next" counts as last's tokens, one
// for the comma and next's, so pack need not count the whole again: after
// a letter or digit the comma is a token of its own; after a weighted
// item (term:W) with W not 1 the comma starts a piece of its own (A1111
// tokenizes each weight's text apart). After other punctuation the comma
// may fuse with it, and an HTML entity or special token may reach across.
func commaApart(last, next string) bool {
	if strings.ContainsAny(next[:1], "&<") {
		return false
	}
	if c := last[len(last)-1]; 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
		return true
	}
	w, ok := weightOf(last)
	if !ok {
		return false
	}
	f, err := strconv.ParseFloat(w, 64)
	return err == nil && f != 1
}

// splitLong splits one item longer than a chunk at spaces (or, for a word
// longer than a chunk, between runes). A weighted item keeps its weight on
// every piece, so the pieces stay valid A1111 syntax.
func splitLong(item string) []string {
	inner, weight := item, ""
	if w, ok := weightOf(item); ok {
		inner, weight = item[1:strings.LastIndexByte(item, ':')], w
	}
	wrap := func(s string) string {
		if weight == "" {
			return s
		}
		return "(" + s + ":" + weight + ")"
	}
	// Room for the weight syntax: "(" and ":1.25)" are at most 6 tokens.
	limit := clip.ChunkLen
	if weight != "" {
		limit -= 6
	}
	var out []string
	cur := ""
	flush := func() {
		if cur != "" {
			out = append(out, wrap(cur))
			cur = ""
		}
	}
	for _, w := range strings.Fields(inner) {
		if clip.Count(w) > limit {
			flush()
			for _, piece := range splitRunes(w, limit) {
				out = append(out, wrap(piece))
			}
			continue
		}
		cand := w
		if cur != "" {
			cand = cur + " " + w
		}
		if clip.Count(cand) <= limit {
			cur = cand
			continue
		}
		flush()
		cur = w
	}
	flush()
	return out
}

// splitRunes cuts a word into the longest rune runs of at most limit
// tokens. A piece never ends inside an escape.
func splitRunes(w string, limit int) []string {
	var out []string
	rs := []rune(w)
	for len(rs) > 0 {
		n := 1
		for n < len(rs) && clip.Count(string(rs[:n+1])) <= limit {
			n++
		}
		if rs[n-1] == '\\' && n < len(rs) {
			if n > 1 {
				n-- // leave the escape with the rune it escapes
			} else {
				n++
			}
		}
		out = append(out, string(rs[:n]))
		rs = rs[n:]
	}
	return out
}

// breakKeyword is A1111's BREAK, standing alone.
var breakKeyword = regexp.MustCompile(`\bBREAK\b`)

// ParseKeywords reads an sd or sdxl prompt back into keywords: its items
// at the commas outside brackets (BREAK separates too), each with the
// weight of its (term:W) and its words without syntax.
func ParseKeywords(text string) []easel.Keyword {
	var ks []easel.Keyword
	for _, item := range splitTopLevel(breakKeyword.ReplaceAllString(text, ",")) {
		w := 1.0
		if ws, ok := weightOf(item); ok {
			w, _ = strconv.ParseFloat(ws, 64)
		}
		if t := strings.Join(strings.Fields(clip.StripAttention(item)), " "); t != "" {
			ks = append(ks, easel.Keyword{Text: t, Weight: w})
		}
	}
	return ks
}

// weightOf reports the weight of an item written (term:W).
func weightOf(item string) (string, bool) {
	if len(item) < 4 || item[0] != '(' || item[len(item)-1] != ')' || item[len(item)-2] == '\\' {
		return "", false
	}
	i := strings.LastIndexByte(item, ':')
	if i < 1 {
		return "", false
	}
	w := item[i+1 : len(item)-1]
	if _, err := strconv.ParseFloat(w, 64); err != nil {
		return "", false
	}
	return w, true
}

// keywordsFromText makes keywords of a prose text, for prompts written
// without any: its clauses, weight 1.
func keywordsFromText(text string) []easel.Keyword {
	var ks []easel.Keyword
	for _, c := range strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune(".,;:!?\n", r) }) {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		ks = append(ks, easel.Keyword{Text: lowerFirst(c), Weight: 1})
	}
	return ks
}

// lowerFirst lower-cases a sentence's first letter when it is a capital
// followed by lower case (so "The sun" becomes "the sun" and "NASA" stays).
func lowerFirst(s string) string {
	rs := []rune(s)
	if len(rs) > 1 && unicode.IsUpper(rs[0]) && !unicode.IsUpper(rs[1]) {
		rs[0] = unicode.ToLower(rs[0])
	}
	return string(rs)
}

// negatives returns the Prompt's negative terms and the person's, split at
// commas, trimmed, without repeats, in that order.
func negatives(p *easel.Prompt, o Options) []string {
	var out []string
	seen := map[string]bool{}
	add := func(s string) {
		for _, t := range splitTopLevel(s) {
			if k := strings.ToLower(t); !seen[k] {
				seen[k] = true
				out = append(out, t)
			}
		}
	}
	for _, n := range p.Negative {
		add(n)
	}
	add(o.ExtraNegative)
	return out
}

// sdOnly are negative terms that only Stable Diffusion checkpoints
// understand; prose engines would read them as things to draw or ignore
// them, so the folded dialects leave them out.
var sdOnly = map[string]bool{
	"lowres": true, "low res": true, "low quality": true, "worst quality": true, "normal quality": true,
	"jpeg artifacts": true, "bad anatomy": true, "bad hands": true, "bad proportions": true,
	"extra digit": true, "extra digits": true, "fewer digits": true, "missing fingers": true,
	"extra fingers": true, "extra limbs": true, "mutated": true, "mutation": true, "error": true,
	"cropped": true, "out of frame": true, "poorly drawn": true, "duplicate": true, "ugly": true,
	"disfigured": true, "username": true, "oversaturated": true,
}

// qualityTags are positive terms that only steer Stable Diffusion
// checkpoints; prose dialects leave them out of a style's terms.
var qualityTags = map[string]bool{
	"masterpiece": true, "best quality": true, "high quality": true, "highest quality": true,
	"highly detailed": true, "ultra detailed": true, "absurdres": true, "8k": true, "4k": true, "uhd": true,
	"hdr": true, "trending on artstation": true, "award winning": true, "award-winning": true,
}

// styleTerms returns the terms of a style's prompt or negative without the
// {prompt} placeholder and without A1111 syntax, for prose dialects.
func styleTerms(s string) []string {
	s = strings.ReplaceAll(s, styles.Placeholder, ",")
	var out []string
	for _, t := range splitTopLevel(s) {
		t = plain(t)
		// A prefix such as "watercolor painting of {prompt}" leaves "of"
		// dangling once the placeholder is gone.
		for _, prep := range []string{" of", " in", " on", " with"} {
			t = strings.TrimSuffix(t, prep)
		}
		t = strings.Trim(t, " .")
		if t != "" && t != "BREAK" && !qualityTags[strings.ToLower(t)] {
			out = append(out, t)
		}
	}
	return out
}

// plain removes A1111 emphasis syntax from a term: (term:1.2), ((term)),
// [term] and backslash escapes become the term itself.
func plain(t string) string {
	if w, ok := weightOf(t); ok {
		t = t[1 : len(t)-len(w)-2]
	}
	if !strings.ContainsAny(t, `\()[]`) && !strings.Contains(t, "  ") {
		return strings.TrimSpace(t)
	}
	var b strings.Builder
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch c {
		case '\\':
			if i+1 < len(t) {
				i++
				b.WriteByte(t[i])
			}
		case '(', ')', '[', ']':
		default:
			b.WriteByte(c)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// prose returns the Prompt's description, with its style (if any) as a
// closing sentence. A1111's {prompt} rule is made for keyword lists: in
// prose it would glue "film still of" to a full paragraph, so prose names
// the style's terms in a sentence of their own instead.
func prose(p *easel.Prompt, o Options) string {
	text := strings.Join(strings.Fields(p.Text), " ")
	if text == "" {
		var terms []string
		for _, k := range p.Keywords {
			if t := cleanTerm(k.Text); t != "" {
				terms = append(terms, t)
			}
		}
		text = sentence(strings.Join(terms, ", "))
	}
	if o.Style != nil {
		if terms := styleTerms(o.Style.Prompt); len(terms) > 0 {
			text = sentence(text) + " Style: " + sentence(strings.Join(terms, ", "))
		}
	}
	return text
}

// sentence capitalises s and ends it with a full stop.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	rs := []rune(s)
	rs[0] = unicode.ToUpper(rs[0])
	s = string(rs)
	switch s[len(s)-1] {
	case '.', '!', '?':
		return s
	}
	return s + "."
}

// foldedNegatives returns the negative terms worth naming to a prose
// engine: the person's first, then the Prompt's and the style's, without
// SD-only terms, at most max.
func foldedNegatives(p *easel.Prompt, o Options, limit int) []string {
	var out []string
	seen := map[string]bool{}
	add := func(t string) {
		t = plain(t)
		k := strings.ToLower(t)
		if t == "" || seen[k] || sdOnly[k] || len(out) >= limit {
			return
		}
		seen[k] = true
		out = append(out, t)
	}
	for _, t := range splitTopLevel(o.ExtraNegative) {
		add(t)
	}
	for _, n := range p.Negative {
		for _, t := range splitTopLevel(n) {
			add(t)
		}
	}
	if o.Style != nil {
		for _, t := range styleTerms(o.Style.Negative) {
			add(t)
		}
	}
	return out
}

// englishList writes "a", "a and b", "a, b and c".
func englishList(ts []string) string {
	switch len(ts) {
	case 0:
		return ""
	case 1:
		return ts[0]
	}
	return strings.Join(ts[:len(ts)-1], ", ") + " and " + ts[len(ts)-1]
}

// renderProse writes natural, gpt-image and flux.
func renderProse(r *Rendered, p *easel.Prompt, o Options) {
	r.Text = prose(p, o)
	switch r.Dialect {
	case easel.DialectNatural:
		// Engine-neutral: the negative terms stay separate, for engines
		// that take them and for people to read.
		negs := negatives(p, o)
		if o.Style != nil {
			negs = append(negs, styleTerms(o.Style.Negative)...)
		}
		r.Negative = strings.Join(dedupe(negs), ", ")
	case easel.DialectGPTImage:
		// gpt-image takes no negative prompt, but it follows plain
		// instructions: name what matters most to leave out.
		if negs := foldedNegatives(p, o, 6); len(negs) > 0 {
			r.Text = sentence(r.Text) + " Avoid " + englishList(negs) + "."
		}
	case easel.DialectFlux:
		// Flux has no negative prompt, and naming a thing in its prompt,
		// even as "no X", tends to draw it: negatives are left out.
	}
	r.Tokens = clip.Count(r.Text)
}

func dedupe(ts []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range ts {
		if k := strings.ToLower(t); t != "" && !seen[k] {
			seen[k] = true
			out = append(out, t)
		}
	}
	return out
}

// renderMidjourney writes concise comma-separated phrases, as people
// write for Midjourney (the idea, then the light, palette, view, mood and
// medium from the keywords), followed by its parameters. A prompt without
// keywords (an LLM's) is sent as its prose.
func renderMidjourney(r *Rendered, p *easel.Prompt, o Options) {
	text := mjClean(mjPhrases(p, o))
	w, h := o.Width, o.Height
	if w <= 0 || h <= 0 {
		w, h = easel.DefaultWidth, easel.DefaultHeight
	}
	g := gcd(w, h)
	seed := o.Seed
	if seed == 0 {
		seed = p.Seed
	}
	var b strings.Builder
	b.WriteString(text)
	fmt.Fprintf(&b, " --ar %d:%d", w/g, h/g)
	// Midjourney seeds are 0..4294967295: keep the low 32 bits.
	fmt.Fprintf(&b, " --seed %d", uint32(seed))
	var no []string
	for _, t := range foldedNegatives(p, o, 10) {
		if t = strings.TrimSpace(strings.ReplaceAll(mjClean(t), ",", " ")); t != "" {
			no = append(no, t)
		}
	}
	if len(no) > 0 {
		b.WriteString(" --no " + strings.Join(no, ", "))
	}
	// --stylize and --chaos only when asked: Midjourney's defaults are
	// what a person who did not ask gets there too.
	if o.Stylize > 0 {
		fmt.Fprintf(&b, " --stylize %d", min(o.Stylize, 1000))
	}
	if o.Chaos > 0 {
		fmt.Fprintf(&b, " --chaos %d", min(o.Chaos, 100))
	}
	r.Text = b.String()
	r.Tokens = clip.Count(text)
}

// mjMaxWords is the most words a Midjourney prompt for a long idea (from
// mjLongIdea words) runs to; the idea itself is always kept whole.
const (
	mjMaxWords = 40
	mjLongIdea = 20
)

// notInIdea drops the terms that share a word with the idea: a default
// negative may not ask to leave out what the person asked for.
func notInIdea(terms []string, idea string) []string {
	ideaWords := strings.FieldsFunc(strings.ToLower(idea), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-'
	})
	var out []string
	for _, t := range terms {
		asked := false
		for _, w := range strings.Fields(strings.ToLower(t)) {
			for _, iw := range ideaWords {
				if w == iw || len(w) >= 4 && len(iw) >= 4 && (strings.HasPrefix(w, iw) || strings.HasPrefix(iw, w)) {
					asked = true
				}
			}
		}
		if !asked {
			out = append(out, t)
		}
	}
	return out
}

// mjJunk are keyword-dialect quality tags Midjourney does not need.
var mjJunk = map[string]bool{
	"highly detailed": true, "beautiful composition": true, "masterpiece": true,
	"best quality": true, "sharp focus": true, "8k": true,
}

// mjPhrases writes the idea and the keywords it does not already say, as
// comma-separated phrases with no weights.
func mjPhrases(p *easel.Prompt, o Options) string {
	if len(p.Keywords) == 0 || strings.TrimSpace(p.Idea) == "" {
		return prose(p, o)
	}
	idea := strings.TrimRight(strings.TrimSpace(p.Idea), ".!")
	low := strings.ToLower(idea)
	parts := []string{idea}
	words := len(strings.Fields(idea))
	long := words >= mjLongIdea
	for _, k := range p.Keywords {
		t := strings.TrimSpace(strings.ReplaceAll(k.Text, "BREAK", ""))
		if t == "" || mjJunk[strings.ToLower(t)] {
			continue
		}
		// Concise: a long idea says most of it already.
		if n := len(strings.Fields(t)); long && words+n > mjMaxWords {
			continue
		} else {
			words += n
		}
		said := true
		for _, w := range strings.Fields(t) {
			if !strings.Contains(low, w) {
				said = false
				break
			}
		}
		if said {
			continue
		}
		parts = append(parts, t)
		low += " " + strings.ToLower(t)
	}
	return strings.Join(parts, ", ")
}

// mjClean keeps prose from being read as Midjourney syntax: "--" would
// start a parameter and "::" a multi-prompt weight.
func mjClean(s string) string {
	for strings.Contains(s, "--") {
		s = strings.ReplaceAll(s, "--", "–")
	}
	for strings.Contains(s, "::") {
		s = strings.ReplaceAll(s, "::", ":")
	}
	return s
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

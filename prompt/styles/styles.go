// Package styles holds style presets: a name, a prompt with a {prompt}
// placeholder and a negative prompt, in AUTOMATIC1111's styles.csv format.
// easel ships its own presets (styles.csv, written for easel) and imports
// A1111 style files into <data dir>/styles.csv, whose styles take
// precedence over the built-in ones of the same name.
package styles

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/internal/atomicfile"
)

//go:embed styles.csv
var builtinCSV []byte

// FileName is the name of the imported styles file in the data directory.
const FileName = "styles.csv"

// maxImport bounds an imported file; A1111 style files are kilobytes.
const maxImport = 8 << 20

// Style is one preset.
type Style struct {
	// Name identifies the style, such as "watercolor".
	Name string `json:"name"`
	// Prompt is the style's prompt. When it contains {prompt} the person's
	// prompt replaces it; otherwise the style is appended after ", ".
	Prompt string `json:"prompt"`
	// Negative is the style's negative prompt, merged the same way.
	Negative string `json:"negative_prompt"`
	// Builtin is true for the presets easel ships.
	Builtin bool `json:"builtin"`
}

// Placeholder is where a style puts the person's prompt.
const Placeholder = "{prompt}"

// Apply merges style s into a prompt and a negative prompt as A1111 does:
// if the style's text contains {prompt}, the prompt replaces it; otherwise
// the two are joined with ", ", prompt first, skipping empty parts.
func Apply(s Style, prompt, negative string) (string, string) {
	return merge(s.Prompt, prompt), merge(s.Negative, negative)
}

// merge is A1111's merge_prompts.
func merge(style, prompt string) string {
	if strings.Contains(style, Placeholder) {
		return strings.ReplaceAll(style, Placeholder, prompt)
	}
	var parts []string
	for _, p := range []string{strings.TrimSpace(prompt), strings.TrimSpace(style)} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, ", ")
}

// Key returns the form under which a name is looked up: lower case, with
// runs of spaces, underscores and hyphens as one hyphen, so "Oil Painting",
// "oil_painting" and "oil-painting" name the same style.
func Key(name string) string {
	var b strings.Builder
	sep := false
	for _, r := range strings.ToLower(strings.TrimSpace(name)) {
		if r == ' ' || r == '_' || r == '-' || r == '\t' {
			sep = true
			continue
		}
		if sep && b.Len() > 0 {
			b.WriteByte('-')
		}
		sep = false
		b.WriteRune(r)
	}
	return b.String()
}

var (
	builtinOnce sync.Once
	builtin     []Style
)

// builtins returns the shipped presets, parsed once.
func builtins() []Style {
	builtinOnce.Do(func() {
		ss, err := Import(bytes.NewReader(builtinCSV))
		if err != nil {
			// The file is embedded and tested: a failure is a build defect.
			panic(fmt.Sprintf("styles: embedded styles.csv: %v", err))
		}
		for i := range ss {
			ss[i].Builtin = true
		}
		builtin = ss
	})
	return builtin
}

// List returns the built-in presets in the order they are shipped.
func List() []Style { return slices.Clone(builtins()) }

// Get returns the built-in preset called name (see Key). For an unknown
// name it returns an EINVALID error that suggests close names.
func Get(name string) (Style, error) { return (&Library{styles: builtins()}).Get(name) }

// Library is the built-in presets with imported ones merged over them.
type Library struct {
	styles []Style
}

// Load returns the built-in presets merged with those imported into
// dataDir (dataDir/styles.csv), if any: an imported style replaces the
// built-in one with the same key and the others follow the built-ins.
func Load(dataDir string) (*Library, error) {
	l := &Library{styles: slices.Clone(builtins())}
	user, err := readUser(dataDir)
	if err != nil {
		return nil, err
	}
	for _, s := range user {
		l.put(s)
	}
	return l, nil
}

func (l *Library) put(s Style) {
	k := Key(s.Name)
	for i := range l.styles {
		if Key(l.styles[i].Name) == k {
			l.styles[i] = s
			return
		}
	}
	l.styles = append(l.styles, s)
}

// List returns every style in the library: built-ins first, in order,
// then imported ones.
func (l *Library) List() []Style { return slices.Clone(l.styles) }

// Get returns the style called name (see Key). For an unknown name it
// returns an EINVALID error that suggests close names.
func (l *Library) Get(name string) (Style, error) {
	k := Key(name)
	for _, s := range l.styles {
		if Key(s.Name) == k {
			return s, nil
		}
	}
	if k == "" {
		return Style{}, easel.Errorf(easel.EINVALID, "no style name given: run easel styles list to see them")
	}
	var near []string
	for _, s := range l.styles {
		sk := Key(s.Name)
		if strings.Contains(sk, k) || strings.Contains(k, sk) || editDistance(k, sk) <= 2 {
			near = append(near, s.Name)
		}
	}
	if len(near) > 0 {
		if len(near) > 5 {
			near = near[:5]
		}
		return Style{}, easel.Errorf(easel.EINVALID, "unknown style %q: did you mean %s? (easel styles list shows them all)", name, strings.Join(near, ", "))
	}
	return Style{}, easel.Errorf(easel.EINVALID, "unknown style %q: run easel styles list to see them, or easel styles import FILE.csv to add your own", name)
}

// editDistance is the Levenshtein distance between a and b, in bytes;
// style names are short.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Import reads styles in A1111's styles.csv format: a header line naming
// the columns name, prompt (or the older text) and optionally
// negative_prompt, in any order, then one style a line. Fields may be
// quoted; a UTF-8 byte-order mark, spaces after commas, blank lines and
// lines whose name starts with # are skipped, as A1111 does. A name that
// appears twice keeps its last definition. Errors are EINVALID and name the
// line.
func Import(r io.Reader) ([]Style, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxImport+1))
	if err != nil {
		return nil, fmt.Errorf("read styles: %w", err)
	}
	if len(data) > maxImport {
		return nil, easel.Errorf(easel.EINVALID, "the styles file is larger than %d MB: is it really a styles.csv?", maxImport>>20)
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	records, lines, err := readCSV(data)
	if err != nil {
		return nil, err
	}
	if len(records) == 0 {
		return nil, easel.Errorf(easel.EINVALID, "the styles file is empty: it needs a header line name,prompt,negative_prompt")
	}
	header := records[0]
	col := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		if _, dup := col[h]; !dup {
			col[h] = i
		}
	}
	nameCol, okName := col["name"]
	promptCol, okPrompt := col["prompt"]
	if !okPrompt {
		promptCol, okPrompt = col["text"]
	}
	negCol, okNeg := col["negative_prompt"]
	if !okName || !okPrompt {
		found := strings.Join(header, ",")
		if r := []rune(found); len(r) > 80 {
			found = string(r[:80]) + "…"
		}
		return nil, easel.Errorf(easel.EINVALID, "styles file line 1: the header must name the columns name,prompt,negative_prompt (found %d columns: %q)", len(header), found)
	}

	var out []Style
	index := map[string]int{}
	for n, rec := range records[1:] {
		line := lines[n+1]
		field := func(i int) string {
			if i < len(rec) {
				return rec[i]
			}
			return ""
		}
		name := strings.TrimSpace(field(nameCol))
		if name == "" && strings.TrimSpace(strings.Join(rec, "")) == "" {
			continue // a blank row
		}
		if strings.HasPrefix(name, "#") {
			continue // a comment row, as A1111 treats it
		}
		if name == "" {
			return nil, easel.Errorf(easel.EINVALID, "styles file line %d: the style has no name: fill in the name column", line)
		}
		if Key(name) == "" {
			return nil, easel.Errorf(easel.EINVALID, "styles file line %d: the style name %q has no letters or digits", line, name)
		}
		if nameCol >= len(rec) || promptCol >= len(rec) {
			return nil, easel.Errorf(easel.EINVALID, "styles file line %d: %d fields, but the header needs at least %d: quote fields that contain commas", line, len(rec), max(nameCol, promptCol)+1)
		}
		s := Style{Name: name, Prompt: field(promptCol)}
		if okNeg {
			s.Negative = field(negCol)
		}
		k := Key(name)
		if i, dup := index[k]; dup {
			out[i] = s
			continue
		}
		index[k] = len(out)
		out = append(out, s)
	}
	return out, nil
}

// readCSV splits data into records and the line each starts on. Like
// Python's csv module, which A1111 uses, it accepts stray quotes inside
// unquoted fields; unlike it, it refuses a quoted field that is never
// closed, which would otherwise swallow the rest of the file unnoticed.
func readCSV(data []byte) (records [][]string, lines []int, err error) {
	for _, lazy := range []bool{false, true} {
		records, lines, err = readCSVMode(data, lazy)
		var pe *csv.ParseError
		if err == nil || !errors.As(err, &pe) || !errors.Is(pe.Err, csv.ErrBareQuote) {
			break
		}
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, nil, &easel.Error{Code: easel.EINVALID, Err: err,
				Message: fmt.Sprintf("styles file line %d: %v: check the quotes of the field that starts there", pe.StartLine, pe.Err)}
		}
		return nil, nil, fmt.Errorf("read styles: %w", err)
	}
	return records, lines, nil
}

func readCSVMode(data []byte, lazy bool) (records [][]string, lines []int, err error) {
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true // A1111 reads with skipinitialspace
	cr.LazyQuotes = lazy
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return records, lines, nil
		}
		if err != nil {
			return nil, nil, err
		}
		line, _ := cr.FieldPos(0)
		records = append(records, rec)
		lines = append(lines, line)
	}
}

// readUser reads dataDir/styles.csv; a missing file is no styles.
func readUser(dataDir string) ([]Style, error) {
	f, err := os.Open(filepath.Join(dataDir, FileName))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("open styles: %w", err)
	}
	defer f.Close()
	ss, err := Import(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Name(), err)
	}
	return ss, nil
}

// Save merges imported styles into dataDir/styles.csv, replacing any
// saved before with the same key, and reports how many were new and how
// many replaced an earlier import. The file is written to a temporary name
// and renamed, so a crash never leaves half a file.
func Save(dataDir string, imported []Style) (added, replaced int, err error) {
	user, err := readUser(dataDir)
	if err != nil {
		return 0, 0, err
	}
	for _, s := range imported {
		s.Builtin = false
		k := Key(s.Name)
		i := slices.IndexFunc(user, func(u Style) bool { return Key(u.Name) == k })
		if i >= 0 {
			user[i] = s
			replaced++
		} else {
			user = append(user, s)
			added++
		}
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write([]string{"name", "prompt", "negative_prompt"})
	for _, s := range user {
		w.Write([]string{s.Name, s.Prompt, s.Negative})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return 0, 0, fmt.Errorf("write styles: %w", err)
	}
	if err := atomicfile.Write(filepath.Join(dataDir, FileName), buf.Bytes(), atomicfile.Options{}); err != nil {
		return 0, 0, fmt.Errorf("save styles: %w", err)
	}
	return added, replaced, nil
}

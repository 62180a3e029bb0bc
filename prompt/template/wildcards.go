package template

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// item is one wildcard value. Only YAML and JSON files carry weights;
// weighted says the value was written with one, which makes it distinct
// from the same text without one, as in the library.
type item struct {
	text     string
	weight   float64
	weighted bool
}

// collection is one wildcard name's values: text files are read when the
// name is first used, YAML and JSON keys when the library is loaded.
type collection struct {
	files []string
	items []item
	read  bool
}

// library is a directory of wildcard files, read through an fs.FS so that
// no name can reach outside it.
type library struct {
	fsys   fs.FS
	names  []string // sorted
	colls  map[string]*collection
	cache  map[string][]item
	loaded bool
}

func newLibrary(fsys fs.FS) *library {
	return &library{fsys: fsys, colls: map[string]*collection{}, cache: map[string][]item{}}
}

func (l *library) coll(name string) *collection {
	c := l.colls[name]
	if c == nil {
		c = &collection{}
		l.colls[name] = c
	}
	return c
}

// MaxWildcardFile bounds one wildcard file: lists of words are kilobytes.
const MaxWildcardFile = 16 << 20

// readWildcardFile reads a wildcard file when it is a regular file of at
// most MaxWildcardFile bytes: a FIFO or device named colors.txt would
// otherwise block or fill memory.
func readWildcardFile(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file: remove it from the wildcards directory", name)
	}
	if st.Size() > MaxWildcardFile {
		return nil, fmt.Errorf("%s is %d MB, over the %d MB a wildcard file may be", name, st.Size()>>20, MaxWildcardFile>>20)
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxWildcardFile+1))
	if err == nil && len(data) > MaxWildcardFile {
		err = fmt.Errorf("%s grew past %d MB while read", name, MaxWildcardFile>>20)
	}
	return data, err
}

// load walks the directory once: text files by name, YAML and JSON files
// parsed for their keys. Hidden folders are skipped.
func (l *library) load() error {
	if l.loaded {
		return nil
	}
	l.loaded = true
	if l.fsys == nil {
		return nil
	}
	err := fs.WalkDir(l.fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != "." && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		if t := d.Type(); !t.IsRegular() && t&fs.ModeSymlink == 0 {
			// A FIFO or device: opening it could block for ever.
			return nil
		}
		switch ext := path.Ext(p); ext {
		case ".txt":
			c := l.coll(strings.TrimSuffix(p, ext))
			c.files = append(c.files, p)
		case ".yaml", ".json":
			data, err := readWildcardFile(l.fsys, p)
			if err != nil {
				return err
			}
			colls, err := parseStructured(p, data)
			if err != nil {
				return fmt.Errorf("wildcard file %s: %w", p, err)
			}
			for name, items := range colls {
				c := l.coll(name)
				c.items = append(c.items, items...)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("wildcards: %w", err)
	}
	for name := range l.colls {
		l.names = append(l.names, name)
	}
	sort.Strings(l.names)
	return nil
}

// values returns the values of every collection whose name matches the
// glob pattern (retried as **/pattern when nothing matches), without
// duplicates and sorted by code point, as the library does by default.
func (l *library) values(pattern string) ([]item, error) {
	if v, ok := l.cache[pattern]; ok {
		return v, nil
	}
	if err := l.load(); err != nil {
		return nil, err
	}
	var out []item
	matched, err := l.collect(pattern, out)
	if err != nil {
		return nil, err
	}
	if len(matched) == 0 && !strings.HasPrefix(pattern, "**") {
		if matched, err = l.collect("**/"+pattern, out); err != nil {
			return nil, err
		}
	}
	seen := make(map[item]bool, len(matched))
	out = matched[:0]
	for _, it := range matched {
		if !seen[it] {
			seen[it] = true
			out = append(out, it)
		}
	}
	slices.SortStableFunc(out, func(a, b item) int { return strings.Compare(a.text, b.text) })
	l.cache[pattern] = out
	return out, nil
}

func (l *library) collect(pattern string, out []item) ([]item, error) {
	add := func(name string) error {
		c := l.colls[name]
		if !c.read {
			c.read = true
			for _, f := range c.files {
				data, err := readWildcardFile(l.fsys, f)
				if err != nil {
					return fmt.Errorf("wildcards: %w", err)
				}
				c.items = append(c.items, readLines(data)...)
			}
		}
		out = append(out, c.items...)
		return nil
	}
	if !strings.ContainsAny(pattern, "*?[") {
		if _, ok := l.colls[pattern]; ok {
			return out, add(pattern)
		}
		return out, nil
	}
	for _, name := range l.names {
		if match(pattern, name) {
			if err := add(name); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// cleanName canonicalises a wildcard name: no __ wrapper, / for every run
// of / and \, no leading or trailing /.
func cleanName(name string) string {
	name = strings.TrimPrefix(name, "__")
	name = strings.TrimSuffix(name, "__")
	if strings.ContainsAny(name, "/\\") {
		var b strings.Builder
		slash := false
		for _, c := range name {
			if c == '/' || c == '\\' {
				if !slash {
					b.WriteByte('/')
				}
				slash = true
				continue
			}
			slash = false
			b.WriteRune(c)
		}
		name = strings.Trim(b.String(), "/")
	}
	return name
}

// readLines reads a text wildcard file: one value a line, trimmed, without
// blank lines and lines starting with #. Bytes that are not UTF-8 are
// dropped.
func readLines(data []byte) []item {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	s := string(data)
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "")
	}
	var out []item
	for len(s) > 0 {
		i := strings.IndexFunc(s, isLineBreak)
		line := s
		if i < 0 {
			s = ""
		} else {
			line = s[:i]
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == '\r' && strings.HasPrefix(s[i+1:], "\n") {
				n = 2
			}
			s = s[i+n:]
		}
		line = strings.TrimFunc(line, unicode.IsSpace)
		if line == "" || line[0] == '#' {
			continue
		}
		out = append(out, item{text: line, weight: 1})
	}
	return out
}

// isLineBreak is Python's str.splitlines set of line boundaries.
func isLineBreak(c rune) bool {
	switch c {
	case '\n', '\r', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

// tree is a YAML or JSON document reduced to what wildcard files use.
type tree struct {
	kind  byte // 'm' mapping, 'l' list, 's' string, 'n' number, 'o' other
	str   string
	num   float64
	keys  []tree // mapping keys, in order
	items []tree // mapping values or list items
}

func (t tree) truthy() bool {
	switch t.kind {
	case 's':
		return t.str != ""
	case 'n':
		return t.num != 0
	case 'm':
		return len(t.keys) > 0
	case 'l':
		return len(t.items) > 0
	}
	return false
}

// parseStructured reads a YAML or JSON wildcard file into collections. A
// mapping's keys become names under the file's folder; a top-level list is
// one collection named after the file.
func parseStructured(p string, data []byte) (map[string][]item, error) {
	var t tree
	if path.Ext(p) == ".json" {
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber()
		var v any
		if err := dec.Decode(&v); err != nil {
			return nil, fmt.Errorf("json: %w", err)
		}
		t = fromJSON(v)
	} else {
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil {
			return nil, err
		}
		if len(doc.Content) == 0 {
			return nil, nil
		}
		t = fromYAML(doc.Content[0], 0)
	}
	out := map[string][]item{}
	switch t.kind {
	case 'm':
		dir := path.Dir(p)
		if dir == "." {
			dir = ""
		}
		walkMapping(t, dir, out)
	case 'l':
		var items []item
		for _, e := range t.items {
			if e.kind == 's' && e.str != "" {
				items = append(items, item{text: e.str, weight: 1})
			}
		}
		if len(items) > 0 {
			out[strings.TrimSuffix(p, path.Ext(p))] = items
		}
	}
	return out, nil
}

func walkMapping(t tree, prefix string, out map[string][]item) {
	for i, k := range t.keys {
		if k.kind != 's' {
			continue
		}
		name := k.str
		if prefix != "" {
			name = prefix + "/" + name
		}
		v := t.items[i]
		switch {
		case v.kind == 'l':
			out[name] = append(out[name], listItems(v.items)...)
		case v.kind == 'm':
			walkMapping(v, name, out)
		case v.kind == 's' && v.str != "":
			out[name] = append(out[name], listItems([]tree{v})...)
		}
	}
}

// listItems reads a list of values: strings, "50::text" weighted strings,
// and {text|content: …, weight: …} mappings.
func listItems(list []tree) []item {
	var out []item
	for _, e := range list {
		if !e.truthy() {
			continue
		}
		switch e.kind {
		case 's':
			s := e.str
			if r, _ := utf8.DecodeRuneInString(s); unicode.IsDigit(r) && strings.Contains(s, "::") {
				i := strings.LastIndex(s, "::")
				if w, err := strconv.ParseFloat(strings.TrimSpace(s[:i]), 64); err == nil {
					out = append(out, item{text: s[i+2:], weight: w, weighted: true})
					continue
				}
			}
			out = append(out, item{text: s, weight: 1})
		case 'm':
			w := 1.0
			var content string
			for i, k := range e.keys {
				v := e.items[i]
				switch k.str {
				case "weight":
					switch v.kind {
					case 'n':
						w = v.num
					case 's':
						f, err := strconv.ParseFloat(strings.TrimSpace(v.str), 64)
						if err != nil {
							return nil // the library drops the whole key
						}
						w = f
					}
				case "text":
					if v.kind == 's' && v.str != "" {
						content = v.str
					}
				case "content":
					if v.kind == 's' && content == "" {
						content = v.str
					}
				}
			}
			if content != "" {
				out = append(out, item{text: content, weight: w, weighted: w != 1})
			}
		}
	}
	return out
}

func fromYAML(n *yaml.Node, depth int) tree {
	if depth > 64 {
		return tree{kind: 'o'}
	}
	switch n.Kind {
	case yaml.AliasNode:
		if n.Alias != nil {
			return fromYAML(n.Alias, depth+1)
		}
	case yaml.DocumentNode:
		if len(n.Content) > 0 {
			return fromYAML(n.Content[0], depth+1)
		}
	case yaml.MappingNode:
		t := tree{kind: 'm'}
		for i := 0; i+1 < len(n.Content); i += 2 {
			t.keys = append(t.keys, fromYAML(n.Content[i], depth+1))
			t.items = append(t.items, fromYAML(n.Content[i+1], depth+1))
		}
		return t
	case yaml.SequenceNode:
		t := tree{kind: 'l'}
		for _, c := range n.Content {
			t.items = append(t.items, fromYAML(c, depth+1))
		}
		return t
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!str":
			return tree{kind: 's', str: n.Value}
		case "!!int", "!!float":
			f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
			if err != nil {
				return tree{kind: 'o'}
			}
			return tree{kind: 'n', num: f}
		}
	}
	return tree{kind: 'o'}
}

func fromJSON(v any) tree {
	switch v := v.(type) {
	case string:
		return tree{kind: 's', str: v}
	case json.Number:
		f, err := v.Float64()
		if err != nil {
			return tree{kind: 'o'}
		}
		return tree{kind: 'n', num: f}
	case []any:
		t := tree{kind: 'l'}
		for _, e := range v {
			t.items = append(t.items, fromJSON(e))
		}
		return t
	case map[string]any:
		t := tree{kind: 'm'}
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			t.keys = append(t.keys, tree{kind: 's', str: k})
			t.items = append(t.items, fromJSON(v[k]))
		}
		return t
	}
	return tree{kind: 'o'}
}

// match reports whether name matches the glob pattern as Python's fnmatch
// does on Linux: case-sensitive, * matches any run of characters including
// /, ? one character, [...] a class ([!...] negated). An unclosed [ is a
// literal [.
func match(pattern, name string) bool {
	p, n := []rune(pattern), []rune(name)
	px, nx := 0, 0
	starPx, starNx := -1, -1
	for px < len(p) || nx < len(n) {
		if px < len(p) {
			switch c := p[px]; c {
			case '*':
				starPx, starNx = px, nx
				px++
				continue
			case '?':
				if nx < len(n) {
					px++
					nx++
					continue
				}
			case '[':
				if nx < len(n) {
					if ok, width, valid := matchClass(p[px:], n[nx]); valid {
						if ok {
							px += width
							nx++
							continue
						}
						break
					}
				}
				if nx < len(n) && n[nx] == '[' {
					px++
					nx++
					continue
				}
			default:
				if nx < len(n) && n[nx] == c {
					px++
					nx++
					continue
				}
			}
		}
		if starPx >= 0 && starNx < len(n) {
			starNx++
			px, nx = starPx+1, starNx
			continue
		}
		return false
	}
	return true
}

// matchClass matches c against the class starting at p[0] == '['. It
// returns whether c is in the class, the class's width in runes, and
// whether the class is closed at all.
func matchClass(p []rune, c rune) (ok bool, width int, valid bool) {
	i := 1
	neg := false
	if i < len(p) && p[i] == '!' {
		neg = true
		i++
	}
	start := i
	if i < len(p) && p[i] == ']' {
		i++
	}
	for i < len(p) && p[i] != ']' {
		i++
	}
	if i >= len(p) {
		return false, 0, false
	}
	body := p[start:i]
	for j := 0; j < len(body); j++ {
		lo := body[j]
		if j+2 < len(body) && body[j+1] == '-' {
			hi := body[j+2]
			if lo <= c && c <= hi {
				ok = true
			}
			j += 2
			continue
		}
		if lo == c {
			ok = true
		}
	}
	return ok != neg, i + 1, true
}

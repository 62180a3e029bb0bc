package scene

import (
	"cmp"
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/easel-art/easel"
)

//go:embed lexicon.txt
var lexiconText string

// class is the part a lexicon phrase plays in an idea.
type class uint8

const (
	cNone    class = iota // not in the lexicon
	cPlace                // a setting: beach, forest, street
	cThing                // a subject: fox, lighthouse, ramen
	cFrame                // the kind of picture: portrait, painting, scene
	cAdj                  // a describing word: snowy, rocky, tropical
	cVerb                 // links a subject to a place: sleeping, flying
	cTime                 // time of day
	cWeather              // weather
	cSeason               // season
	cMood                 // mood
	cColor                // colour word
	cStyle                // medium or style
	cView                 // camera view
)

var classNames = map[string]class{
	"place": cPlace, "thing": cThing, "frame": cFrame, "adj": cAdj, "verb": cVerb,
	"time": cTime, "weather": cWeather, "season": cSeason, "mood": cMood,
	"color": cColor, "style": cStyle, "view": cView,
}

// entry is one line of the lexicon: a set of synonymous phrases and what
// they imply.
type entry struct {
	key      string // the first phrase: the canonical name
	class    class
	domain   string
	elements []string
	palette  []string
	time     string
	weather  string
	season   string
	mood     string
	style    string
	view     string
	prep     string
	cap      bool // written capitalised in prose (a proper name)
	of       bool // a container: "a bowl of ramen" is about the ramen
}

// form is one phrase of an entry.
type form struct {
	e      *entry
	plural bool // an irregular plural marked with "+"
}

// lexicon is the parsed lexicon.txt.
type lexicon struct {
	forms   map[string]form // phrase → form
	longest map[string]int  // first word → most words in a phrase starting with it
	domains []string        // every domain, in file order
	// capFirst holds the first word of every phrase written as a name.
	capFirst map[string]bool
}

var loadLexicon = sync.OnceValue(func() *lexicon {
	lx, err := parseLexicon(lexiconText)
	if err != nil {
		// The lexicon is compiled in; a broken one is a bug that tests catch.
		panic(err)
	}
	return lx
})

// validElements is easel.Elements as a set.
var validElements = sync.OnceValue(func() map[string]bool {
	m := make(map[string]bool, len(easel.Elements))
	for _, e := range easel.Elements {
		m[e] = true
	}
	return m
})

// parseLexicon reads the lexicon format described at the top of lexicon.txt.
func parseLexicon(text string) (*lexicon, error) {
	lx := &lexicon{forms: make(map[string]form, 4096), longest: make(map[string]int, 2048), capFirst: map[string]bool{}}
	domain := ""
	valid := validElements()
	for n, line := range strings.Split(text, "\n") {
		n++
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		if line[0] == '@' {
			domain = strings.TrimSpace(line[1:])
			if domain == "" {
				return nil, fmt.Errorf("lexicon line %d: empty domain", n)
			}
			if !slices.Contains(lx.domains, domain) {
				lx.domains = append(lx.domains, domain)
			}
			continue
		}
		parts := strings.Split(line, "|")
		if len(parts) < 2 || len(parts) > 3 {
			return nil, fmt.Errorf("lexicon line %d: want PHRASES | CLASS | ATTRIBUTES", n)
		}
		cl, ok := classNames[strings.TrimSpace(parts[1])]
		if !ok {
			return nil, fmt.Errorf("lexicon line %d: unknown class %q", n, strings.TrimSpace(parts[1]))
		}
		e := &entry{class: cl, domain: domain}
		if len(parts) == 3 {
			if err := e.setAttributes(parts[2], valid); err != nil {
				return nil, fmt.Errorf("lexicon line %d: %w", n, err)
			}
		}
		for i, p := range strings.Split(parts[0], "/") {
			p = strings.Join(strings.Fields(strings.ToLower(p)), " ")
			plural := strings.HasSuffix(p, "+")
			p = strings.TrimSuffix(p, "+")
			if p == "" {
				return nil, fmt.Errorf("lexicon line %d: empty phrase", n)
			}
			if i == 0 {
				e.key = p
			}
			if _, dup := lx.forms[p]; dup {
				return nil, fmt.Errorf("lexicon line %d: phrase %q is listed twice", n, p)
			}
			lx.forms[p] = form{e: e, plural: plural}
			words := strings.Count(p, " ") + 1
			if words > maxPhraseWords {
				return nil, fmt.Errorf("lexicon line %d: phrase %q has more than %d words", n, p, maxPhraseWords)
			}
			first, _, _ := strings.Cut(p, " ")
			lx.longest[first] = max(lx.longest[first], words)
		}
		e.fillFromClass()
	}
	for p, f := range lx.forms {
		if f.e.cap {
			first, _, _ := strings.Cut(p, " ")
			lx.capFirst[first] = true
		}
	}
	return lx, nil
}

// maxPhraseWords is the longest phrase the lexicon may hold.
const maxPhraseWords = 4

func (e *entry) setAttributes(s string, valid map[string]bool) error {
	for _, attr := range strings.Split(s, ";") {
		attr = strings.TrimSpace(attr)
		if attr == "" {
			continue
		}
		k, v, _ := strings.Cut(attr, "=")
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		switch k {
		case "el":
			for _, el := range splitList(v) {
				if !valid[el] {
					return fmt.Errorf("element %q is not in easel.Elements", el)
				}
				e.elements = append(e.elements, el)
			}
		case "palette":
			e.palette = splitList(v)
		case "domain":
			e.domain = v
		case "time":
			e.time = v
		case "weather":
			e.weather = v
		case "season":
			e.season = v
		case "mood":
			e.mood = v
		case "style":
			e.style = v
		case "view":
			e.view = v
		case "prep":
			e.prep = v
		case "cap":
			e.cap = true
		case "of":
			e.of = true
		default:
			return fmt.Errorf("unknown attribute %q", k)
		}
	}
	return nil
}

// fillFromClass makes a time, weather, season, mood, style or view word
// imply its own value when the line gives none ("spring" is season=spring).
func (e *entry) fillFromClass() {
	switch e.class {
	case cTime:
		e.time = cmp.Or(e.time, e.key)
	case cWeather:
		e.weather = cmp.Or(e.weather, e.key)
	case cSeason:
		e.season = cmp.Or(e.season, e.key)
	case cMood:
		e.mood = cmp.Or(e.mood, e.key)
	case cStyle:
		e.style = cmp.Or(e.style, e.key)
	case cView:
		e.view = cmp.Or(e.view, e.key)
	case cColor:
		if len(e.palette) == 0 {
			e.palette = []string{e.key}
		}
	}
}

func splitList(v string) []string {
	var out []string
	for _, x := range strings.Split(v, ",") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// Domains lists every domain the lexicon knows, such as "coast" and "food".
func Domains() []string {
	return slices.Clone(loadLexicon().domains)
}

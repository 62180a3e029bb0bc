package refine

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/scene"
)

// Op is what an Edit does.
type Op string

// The operations of an Edit.
const (
	// Set gives a Scene field a new value.
	Set Op = "set"
	// Add puts a subject into the picture.
	Add Op = "add"
	// Remove takes a subject or element out and keeps it out (negative).
	Remove Op = "remove"
	// Replace swaps a subject for another ("make the cat a fox").
	Replace Op = "replace"
	// Describe changes how a subject looks ("make the boat red").
	Describe Op = "describe"
)

// The fields an Edit sets.
const (
	FieldTime    = "time"
	FieldWeather = "weather"
	FieldSeason  = "season"
	FieldMood    = "mood"
	FieldPalette = "palette"
	FieldStyle   = "style"
	FieldView    = "view"
	FieldLight   = "light"
	FieldDetail  = "detail"
	FieldAspect  = "aspect"
	FieldSetting = "setting"
	FieldSubject = "subject"
)

// Edit is one change an instruction asks for.
type Edit struct {
	Op    Op
	Field string
	// Value is the new value of a Set (a Scene vocabulary word, a light
	// or detail phrase, a W:H aspect, a setting phrase).
	Value string
	// Values is the new palette of a palette Set.
	Values []string
	// Target is the phrase naming what is in the picture, for Remove,
	// Replace and Describe ("the cat").
	Target string
	// Words is the new subject phrase of Add and Replace ("a red
	// sailboat"), or the new adjectives of Describe ("red").
	Words string
}

// Parse reads an instruction into edits. Every word must be understood:
// an instruction with words it cannot place is refused with an EINVALID
// error that names them, never half applied.
func Parse(instruction string) ([]Edit, error) {
	if err := validate(instruction); err != nil {
		return nil, err
	}
	var edits []Edit
	var unknown []string
	prev := Op("")
	for _, clause := range clauses(instruction) {
		es, op, bad := parseClause(clause, prev)
		edits = append(edits, es...)
		unknown = append(unknown, bad...)
		prev = op
	}
	if len(unknown) > 0 {
		return nil, unknownError(instruction, unknown)
	}
	if len(edits) == 0 {
		return nil, easel.Errorf(easel.EINVALID, "%q asks for no change: say what to change, for example \"make it night\", \"add a red sailboat\" or \"closer\"", strings.TrimSpace(instruction))
	}
	return edits, nil
}

func unknownError(instruction string, words []string) error {
	var seen []string
	for _, w := range words {
		if !slices.Contains(seen, w) {
			seen = append(seen, w)
		}
	}
	q := make([]string, len(seen))
	for i, w := range seen {
		q[i] = fmt.Sprintf("%q", w)
	}
	list := strings.Join(q, ", ")
	noun := "words"
	if len(q) == 1 {
		noun = "word"
	}
	return easel.Errorf(easel.EINVALID, "could not understand the %s %s in %q: ask for changes such as \"make it night\", \"add a red sailboat\", \"no people\", \"make the cat a fox\", \"closer\", \"as a watercolor\" or \"more dramatic\" (or use --llm)",
		noun, list, strings.TrimSpace(instruction))
}

// clauses splits an instruction at punctuation and at "and", "then" and
// "but", except inside a lexicon phrase ("black and white", "pen and ink").
func clauses(s string) [][]string {
	s = strings.ToLower(strings.ReplaceAll(s, "’", "'"))
	var out [][]string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, cur)
			cur = nil
		}
	}
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '!' || r == '?' || r == '\n' }) {
		words := strings.Fields(strings.ReplaceAll(part, ". ", " . "))
		for i := 0; i < len(words); i++ {
			w := strings.Trim(words[i], "\"()[]")
			w = strings.TrimSuffix(w, ".")
			if w == "" {
				if strings.Contains(words[i], ".") {
					flush()
				}
				continue
			}
			if (w == "and" || w == "then" || w == "but" || w == "&" || w == "plus") && len(cur) > 0 && i+1 < len(words) {
				if !joinsPhrase(cur[len(cur)-1], strings.Trim(words[i+1], "\"().")) {
					flush()
					if w == "plus" {
						cur = append(cur, "add")
					}
					continue
				}
			}
			cur = append(cur, w)
			if strings.HasSuffix(words[i], ".") && !isAspect(strings.TrimSuffix(words[i], ".")) {
				flush()
			}
		}
		flush()
	}
	return out
}

// joinsPhrase reports whether "a and b" is one lexicon phrase.
func joinsPhrase(a, b string) bool {
	return scene.Class(a+" and "+b) != ""
}

// removeVerbs, addVerbs and politeness are matched at the start of a clause.
var (
	removeVerbs = [][]string{{"get", "rid", "of"}, {"take", "out"}, {"take", "away"}, {"no", "more"}, {"remove"},
		{"delete"}, {"drop"}, {"erase"}, {"lose"}, {"without"}, {"no"}, {"hide"}, {"exclude"}}
	addVerbs = [][]string{{"bring", "back"}, {"bring", "in"}, {"there", "should", "be"}, {"add", "in"}, {"add"},
		{"include"}, {"insert"}, {"put"}, {"place"}, {"with"}, {"show"}}
	politeness = [][]string{{"can", "you"}, {"could", "you"}, {"would", "you"}, {"i", "want"}, {"i'd", "like"},
		{"i", "would", "like"}, {"let's"}, {"please"}, {"now"}, {"also"}, {"and"}, {"then"}, {"but"}, {"maybe"},
		{"try"}, {"just"}}
)

func hasPrefix(words []string, p []string) bool {
	if len(words) < len(p) {
		return false
	}
	for i := range p {
		if words[i] != p[i] {
			return false
		}
	}
	return true
}

func stripPrefix(words []string, list [][]string) ([]string, bool) {
	for _, p := range list {
		if hasPrefix(words, p) {
			return words[len(p):], true
		}
	}
	return words, false
}

// parseClause reads one clause. prev is the operation of the clause
// before, which a bare noun phrase continues ("add a boat and some
// gulls"). It returns the edits, the clause's operation, and the words it
// did not understand.
func parseClause(words []string, prev Op) ([]Edit, Op, []string) {
	for {
		w, ok := stripPrefix(words, politeness)
		if !ok || len(w) == 0 {
			break
		}
		words = w
	}
	if len(words) == 0 {
		return nil, prev, nil
	}
	if words[0] == "less" && len(words) > 1 {
		// "less fog": the weather clears; "less dramatic" is a modifier.
		if es, bad := modifiers(words[1:], false); len(bad) == 0 && len(es) == 1 && es[0].Field == FieldWeather {
			return []Edit{{Op: Set, Field: FieldWeather, Value: "clear"}}, Set, nil
		}
	}
	if rest, ok := stripPrefix(words, removeVerbs); ok && len(rest) > 0 {
		return removeEdits(rest), Remove, nil
	}
	if rest, ok := stripPrefix(words, addVerbs); ok && len(rest) > 0 {
		es, bad := modifiers(rest, false)
		if len(bad) == 0 && len(es) > 0 {
			return es, Set, nil
		}
		if rest[0] == "it" || rest[0] == "this" || rest[0] == "everything" {
			return es, Set, bad // "show it from the side" adds nothing: its words must be understood
		}
		return addEdits(rest), Add, nil
	}
	if es, ok := replaceClause(words); ok {
		return es, Replace, nil
	}
	// "make it night", "change the mood to calm", "at dusk", "closer".
	body := words
	if hasPrefix(body, []string{"make"}) || hasPrefix(body, []string{"turn"}) || hasPrefix(body, []string{"set"}) ||
		hasPrefix(body, []string{"change"}) || hasPrefix(body, []string{"switch"}) || hasPrefix(body, []string{"move"}) ||
		hasPrefix(body, []string{"let"}) || hasPrefix(body, []string{"go"}) || hasPrefix(body, []string{"render"}) ||
		hasPrefix(body, []string{"redo"}) || hasPrefix(body, []string{"show", "it"}) {
		body = body[1:]
	}
	es, bad := modifiers(body, true)
	if len(bad) == 0 && len(es) > 0 {
		return es, Set, nil
	}
	// A bare noun phrase continues the clause before ("no people or
	// cars", "add a boat and some gulls"), or adds a thing.
	if len(body) == len(words) && looksLikeThing(words) {
		switch {
		case prev == Remove:
			return removeEdits(words), Remove, nil
		case prev == Add || determiners[words[0]]:
			return addEdits(words), Add, nil
		}
	}
	return es, Set, bad
}

// looksLikeThing reports whether words name a thing the lexicon knows
// ("some seagulls", "a red boat"), not modifiers.
func looksLikeThing(words []string) bool {
	for i := range words {
		for n := min(4, len(words)-i); n >= 1; n-- {
			if c := scene.Class(strings.Join(words[i:i+n], " ")); c == "thing" {
				return true
			}
		}
	}
	return false
}

func removeEdits(words []string) []Edit {
	// "no fog", "remove the rain": the weather clears.
	if es, bad := modifiers(words, false); len(bad) == 0 && len(es) == 1 && es[0].Field == FieldWeather {
		return []Edit{{Op: Set, Field: FieldWeather, Value: "clear"}}
	}
	var out []Edit
	for _, t := range splitList(words) {
		out = append(out, Edit{Op: Remove, Field: FieldSubject, Target: t})
	}
	return out
}

func addEdits(words []string) []Edit {
	var out []Edit
	for _, t := range splitList(words) {
		out = append(out, Edit{Op: Add, Field: FieldSubject, Words: t})
	}
	return out
}

// splitList splits "people or cars" into its phrases.
func splitList(words []string) []string {
	var out []string
	var cur []string
	for _, w := range words {
		if w == "or" || w == "nor" {
			if len(cur) > 0 {
				out = append(out, strings.Join(cur, " "))
			}
			cur = nil
			continue
		}
		cur = append(cur, w)
	}
	if len(cur) > 0 {
		out = append(out, strings.Join(cur, " "))
	}
	return out
}

// replaceClause reads "make the cat a fox", "turn the cat into a fox",
// "replace the cat with a fox", "swap the cat for a fox", "a fox instead
// of the cat", "change the cat to a fox" and "make the boat red".
func replaceClause(words []string) ([]Edit, bool) {
	if i := indexSeq(words, "instead", "of"); i > 0 && i+2 < len(words) {
		return []Edit{{Op: Replace, Field: FieldSubject, Target: join(words[i+2:]), Words: join(words[:i])}}, true
	}
	verb := words[0]
	rest := words[1:]
	switch verb {
	case "replace", "swap", "exchange", "substitute":
		for i, w := range rest {
			if (w == "with" || w == "for" || w == "by") && i > 0 && i+1 < len(rest) {
				return []Edit{{Op: Replace, Field: FieldSubject, Target: join(rest[:i]), Words: join(rest[i+1:])}}, true
			}
		}
		return nil, false
	case "make", "turn", "change", "transform", "paint", "color", "colour":
	default:
		return nil, false
	}
	if len(rest) > 1 && (rest[0] == "it" || rest[0] == "this" || rest[0] == "everything") {
		return nil, false // "make it look like an oil painting", "make it feel cozier"
	}
	target, after := splitTarget(rest)
	if target == "" || subjectFillers[target] || len(after) == 0 {
		return nil, false
	}
	if es, bad := modifiers([]string{target}, false); len(bad) == 0 && len(es) > 0 {
		return nil, false // "change the night to day" is a modifier clause
	}
	switch after[0] {
	case "into", "to":
		after = after[1:]
		if len(after) > 0 && (after[0] == "be" || after[0] == "look") {
			return nil, false
		}
	}
	if len(after) == 0 {
		return nil, false
	}
	if after[0] == "a" || after[0] == "an" || after[0] == "some" || after[0] == "two" || after[0] == "three" || after[0] == "the" || scene.Class(after[len(after)-1]) == "thing" {
		return []Edit{{Op: Replace, Field: FieldSubject, Target: target, Words: join(after)}}, true
	}
	// "make the boat red": how the thing looks.
	return []Edit{{Op: Describe, Field: FieldSubject, Target: target, Words: join(after)}}, true
}

// splitTarget splits "the old cat a fox" after the thing named first:
// up to its first noun the lexicon knows, or up to "into", "to", "with"
// or a second article.
func splitTarget(words []string) (string, []string) {
	for i, w := range words {
		if i > 0 && (w == "into" || w == "to" || w == "a" || w == "an" || w == "the" || w == "some") {
			return join(words[:i]), words[i:]
		}
		if scene.Class(w) == "thing" || scene.Class(strings.TrimSuffix(w, "s")) == "thing" {
			if i+1 < len(words) && scene.Class(w+" "+words[i+1]) == "thing" {
				continue // "fishing boat"
			}
			return join(words[:i+1]), words[i+1:]
		}
	}
	return "", nil
}

func indexSeq(words []string, a, b string) int {
	for i := 0; i+1 < len(words); i++ {
		if words[i] == a && words[i+1] == b {
			return i
		}
	}
	return -1
}

func join(w []string) string { return strings.Join(w, " ") }

// modifiers reads a clause of modifier words ("a bit closer", "at night",
// "as a watercolor", "in pastel colors", "16:9"), longest phrase first.
// places allows a place to set the setting ("in a snowy forest"). It
// returns the edits and the words it did not understand.
func modifiers(words []string, places bool) ([]Edit, []string) {
	var out []Edit
	var bad []string
	for i := 0; i < len(words); {
		n, es, ok := modifierAt(words, i, places)
		if !ok {
			if !fillers[words[i]] {
				bad = append(bad, words[i])
			}
			i++
			continue
		}
		out = append(out, es...)
		i += n
	}
	return out, bad
}

// modifierAt matches the longest modifier phrase at words[i].
func modifierAt(words []string, i int, places bool) (int, []Edit, bool) {
	for n := min(5, len(words)-i); n >= 1; n-- {
		p := join(words[i : i+n])
		if e, ok := steering[p]; ok {
			return n, []Edit{e}, true
		}
		if n == 1 && isAspect(p) {
			return 1, []Edit{{Op: Set, Field: FieldAspect, Value: p}}, true
		}
		if n > 1 && fillers[p] || n == 1 && pictureParts[p] {
			return n, nil, true
		}
		if es, ok := lexiconEdits(p, places); ok {
			return n, es, true
		}
	}
	return 0, nil, false
}

// lexiconEdits turns a lexicon phrase into the edits of its class: a time
// word sets the time, a colour the palette, and so on.
func lexiconEdits(p string, places bool) ([]Edit, bool) {
	class := scene.Class(p)
	if class == "" {
		return nil, false
	}
	sc := scene.Parse(p)
	switch class {
	case "time":
		return []Edit{{Op: Set, Field: FieldTime, Value: sc.TimeOfDay}}, sc.TimeOfDay != ""
	case "weather":
		return []Edit{{Op: Set, Field: FieldWeather, Value: sc.Weather}}, sc.Weather != ""
	case "season":
		return []Edit{{Op: Set, Field: FieldSeason, Value: sc.Season}}, sc.Season != ""
	case "mood":
		return []Edit{{Op: Set, Field: FieldMood, Value: sc.Mood}}, sc.Mood != ""
	case "color":
		return []Edit{{Op: Set, Field: FieldPalette, Values: sc.Palette}}, len(sc.Palette) > 0
	case "style":
		if sc.Style == "" {
			return nil, false
		}
		es := []Edit{{Op: Set, Field: FieldStyle, Value: sc.Style}}
		if sc.View != "" {
			es = append(es, Edit{Op: Set, Field: FieldView, Value: sc.View})
		}
		return es, true
	case "frame":
		// "as a painting", "a portrait": the kind of picture.
		var es []Edit
		if sc.Style != "" && sc.Style != "painting" {
			es = append(es, Edit{Op: Set, Field: FieldStyle, Value: sc.Style})
		}
		if sc.View != "" {
			es = append(es, Edit{Op: Set, Field: FieldView, Value: sc.View})
		}
		return es, true
	case "view":
		return []Edit{{Op: Set, Field: FieldView, Value: sc.View}}, sc.View != ""
	case "adj":
		// "starry" is night; "lonely" a mood. Plain adjectives ("old")
		// have no edit of their own.
		var es []Edit
		if sc.TimeOfDay != "" {
			es = append(es, Edit{Op: Set, Field: FieldTime, Value: sc.TimeOfDay})
		}
		if sc.Weather != "" {
			es = append(es, Edit{Op: Set, Field: FieldWeather, Value: sc.Weather})
		}
		if sc.Season != "" {
			es = append(es, Edit{Op: Set, Field: FieldSeason, Value: sc.Season})
		}
		if sc.Mood != "" {
			es = append(es, Edit{Op: Set, Field: FieldMood, Value: sc.Mood})
		}
		return es, len(es) > 0
	case "place":
		if !places {
			return nil, false
		}
		if sc.Weather != "" && sc.Setting == "" {
			return []Edit{{Op: Set, Field: FieldWeather, Value: sc.Weather}}, true // "blue sky"
		}
		if sc.Setting == "" {
			return nil, false
		}
		return []Edit{{Op: Set, Field: FieldSetting, Value: sc.Setting}}, true
	}
	return nil, false
}

// pictureParts name a part of the picture a modifier is about ("make
// the sky stormy", "the water calmer"): the modifier is the edit, and the
// part is not a new setting.
var pictureParts = setOf("sky", "skies", "water", "light", "lighting", "colors", "colours", "palette", "tones",
	"mood", "atmosphere", "scene", "picture", "image", "view", "background", "air", "clouds")

// isAspect reports whether s is a W:H ratio such as "16:9".
func isAspect(s string) bool {
	a, b, ok := strings.Cut(s, ":")
	return ok && digitsOnly(a) && digitsOnly(b)
}

func digitsOnly(s string) bool {
	if s == "" || len(s) > 3 {
		return false
	}
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

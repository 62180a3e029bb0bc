package promptllm

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/prompt/dialect"
	"github.com/easel-art/easel/scene"
)

// problem is something wrong with a reply. A soft problem can be repaired
// by easel itself if asking again does not fix it; a hard one cannot.
type problem struct {
	msg  string
	soft bool
}

// checker validates drafts against what was asked.
type checker struct {
	n       int
	dialect easel.Dialect
	budget  Budget
	// needles are words one of which every prompt must mention: the
	// idea's subject nouns. Empty means the idea names no subject.
	needles [][]string
	subject string
}

func newChecker(req easel.WriteRequest, n int) *checker {
	c := &checker{n: n, dialect: req.Dialect, budget: Budgets[req.Dialect]}
	sc := req.Scene
	if sc == nil {
		sc = scene.Parse(req.Idea)
	}
	// Only subjects the lexicon knows are required: an unknown word may be
	// from another language, and the prompt is written in English.
	var names []string
	for _, s := range sc.Subjects {
		if s.Element == "" {
			continue
		}
		if v := variants(s.Noun); len(v) > 0 {
			c.needles = append(c.needles, v)
			names = append(names, strings.ToLower(s.Noun))
		}
	}
	c.subject = strings.Join(names, " or ")
	return c
}

func notLetter(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '-' }

// variants returns the forms of a noun a prompt may use for it: the noun,
// its last word ("moon" for "full moon"), singular and plural.
func variants(noun string) []string {
	noun = strings.ToLower(strings.TrimSpace(noun))
	if noun == "" {
		return nil
	}
	forms := []string{noun}
	if f := strings.Fields(noun); len(f) > 1 {
		forms = append(forms, f[len(f)-1])
	}
	var out []string
	for _, f := range forms {
		out = append(out, f)
		switch {
		case strings.HasSuffix(f, "man"):
			out = append(out, strings.TrimSuffix(f, "man")+"men")
		case strings.HasSuffix(f, "men"):
			out = append(out, strings.TrimSuffix(f, "men")+"man")
		case strings.HasSuffix(f, "ies") && len(f) > 4:
			out = append(out, strings.TrimSuffix(f, "ies")+"y")
		case strings.HasSuffix(f, "y") && len(f) > 3:
			out = append(out, strings.TrimSuffix(f, "y")+"ies")
		case strings.HasSuffix(f, "s") && len(f) > 3:
			out = append(out, strings.TrimSuffix(f, "s"))
		default:
			out = append(out, f+"s")
		}
	}
	return out
}

// mentions reports whether text names the subject.
func (c *checker) mentions(text string) bool {
	if len(c.needles) == 0 {
		return true
	}
	low := " " + strings.Join(strings.FieldsFunc(strings.ToLower(text), notLetter), " ") + " "
	for _, forms := range c.needles {
		for _, f := range forms {
			if strings.Contains(low, " "+f+" ") || strings.Contains(low, " "+f) {
				return true
			}
		}
	}
	return false
}

// check validates drafts, repairing in place what needs no second opinion
// (extra prompts, keyword weights and repeats, keyword lists too long for
// the dialect's chunks), and returns what is still wrong.
func (c *checker) check(ds []draft) ([]draft, []problem) {
	var probs []problem
	if len(ds) > c.n {
		ds = ds[:c.n]
	}
	if len(ds) < c.n {
		probs = append(probs, problem{msg: fmt.Sprintf("you wrote %d prompts; write exactly %d", len(ds), c.n)})
	}
	seen := map[string]int{}
	for i := range ds {
		d := &ds[i]
		d.Keywords = cleanKeywords(d.Keywords)
		d.Negative = cleanTerms(d.Negative)
		d.Text = strings.Join(strings.Fields(d.Text), " ")
		if d.Text == "" {
			probs = append(probs, problem{msg: fmt.Sprintf("prompt %d has no text", i+1)})
			continue
		}
		all := d.Text
		for _, k := range d.Keywords {
			all += ", " + k.Text
		}
		if !c.mentions(all) {
			probs = append(probs, problem{msg: fmt.Sprintf("prompt %d is not about the idea's subject: it must show %s", i+1, c.subject)})
		}
		if n := len(strings.Fields(d.Text)); n > c.budget.Words {
			probs = append(probs, problem{msg: fmt.Sprintf("prompt %d has %d words; keep it within %d", i+1, n, c.budget.Words), soft: true})
		}
		c.keepSubject(d)
		c.fitChunks(d)
		key := strings.ToLower(d.Text)
		if j, ok := seen[key]; ok {
			probs = append(probs, problem{msg: fmt.Sprintf("prompts %d and %d are the same; every prompt must differ", j+1, i+1), soft: true})
		}
		seen[key] = i
	}
	return ds, probs
}

// keepSubject puts the idea's subject first among the keywords when they
// do not name it: a keyword dialect renders the keywords alone, so a
// text that names the subject is not enough.
func (c *checker) keepSubject(d *draft) {
	if c.budget.Chunks == 0 || len(d.Keywords) == 0 || len(c.needles) == 0 {
		return
	}
	var kws []string
	for _, k := range d.Keywords {
		kws = append(kws, k.Text)
	}
	if c.mentions(strings.Join(kws, ", ")) {
		return
	}
	d.Keywords = append([]easel.Keyword{{Text: c.needles[0][0], Weight: 1.2}}, d.Keywords...)
}

// fitChunks drops the least important keywords (the last ones) until the
// prompt, rendered in a keyword dialect, fits the dialect's CLIP chunks.
func (c *checker) fitChunks(d *draft) {
	if c.budget.Chunks == 0 || len(d.Keywords) == 0 {
		return
	}
	for len(d.Keywords) > 1 {
		r, err := dialect.Render(&easel.Prompt{Text: d.Text, Keywords: d.Keywords}, c.dialect, dialect.Options{})
		if err != nil || len(r.Chunks) <= c.budget.Chunks {
			return
		}
		d.Keywords = d.Keywords[:len(d.Keywords)-1]
	}
}

// repair fixes the soft problems left after the model was asked again:
// texts over the word budget are cut at a sentence end.
func (c *checker) repair(ds []draft) {
	for i := range ds {
		ds[i].Text = truncateWords(ds[i].Text, c.budget.Words)
	}
}

// truncateWords cuts text to at most max words, at the last sentence end
// when that keeps most of it.
func truncateWords(text string, max int) string {
	words := strings.Fields(text)
	if max <= 0 || len(words) <= max {
		return text
	}
	cut := strings.Join(words[:max], " ")
	if i := strings.LastIndexAny(cut, ".!?"); i > 0 && len(strings.Fields(cut[:i+1])) >= max*6/10 {
		return cut[:i+1]
	}
	return strings.TrimRight(cut, ",;:- ") + "."
}

// hard returns the problems that easel cannot repair itself.
func hard(ps []problem) []problem {
	var out []problem
	for _, p := range ps {
		if !p.soft {
			out = append(out, p)
		}
	}
	return out
}

func messages(ps []problem) string {
	ms := make([]string, len(ps))
	for i, p := range ps {
		ms[i] = p.msg
	}
	return strings.Join(ms, "; ")
}

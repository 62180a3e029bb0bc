package batch

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io/fs"
	"strings"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/prompt/template"
)

// Options are a batch's settings, the flags of easel batch.
type Options struct {
	// Engine and LLM are NAME[:MODEL] specs; Style a preset name;
	// Negative more things to keep out of every picture.
	Engine, LLM, Style, Negative string
	// DialectFlag is --for as given ("" for the engine's own); Dialect
	// is it parsed.
	DialectFlag string
	Dialect     easel.Dialect
	// Size is the pictures' size, unless a line gives its own.
	Size easel.Size
	// Variations (-v) and N (-n) per line; every job makes one picture.
	Variations, N int
	// Seed, when negative, is the batch's own, drawn from its id.
	Seed  int64
	Chaos int
	// WildcardsFlag is --wildcards as given (part of the batch's name);
	// Wildcards reads the wildcard files, from WildcardDir.
	WildcardsFlag string
	Wildcards     fs.FS
	WildcardDir   string
	// Fresh names a new batch even when the file and options ran before.
	Fresh bool
}

// ID names a batch: the same file with the same options is the same
// batch, so running it again only runs what did not finish. It also
// returns the batch's seed: opts.Seed, or when that is negative a random
// one that is the batch's own, so the same batch makes the same jobs.
func ID(src []byte, o Options) (id string, seed int64) {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%v\x00%d\x00%d\x00%d\x00%d\x00%s\x00%s\x00%s\x00%s\x00", src, o.Engine, o.Size, o.Variations, o.N, o.Seed, o.Chaos, o.Style, o.Negative, o.DialectFlag, o.WildcardsFlag)
	if o.Fresh {
		fmt.Fprintf(h, "%d", time.Now().UnixNano())
	}
	sum := h.Sum(nil)
	seed = o.Seed
	if seed < 0 {
		seed = int64(binary.BigEndian.Uint32(sum[6:10]))
	}
	return hex.EncodeToString(sum[:6]), seed
}

// Jobs makes the jobs of the batch file src, whose lines Parse read, one
// picture each:
// every line gives Variations prompts (a template's expansions, or the
// writer's variations of an idea) of N pictures. Line L's seeds start at
// seed + (L-1)·Variations·N, so adding a line leaves the others' pictures
// as they were; a line's own --seed replaces that start. Every bad line
// or template is reported in one EINVALID error.
func Jobs(ctx context.Context, src []byte, lines []Line, o Options) (jobs []easel.Job, id string, err error) {
	id, seed := ID(src, o)
	var tw template.Warnings
	topts := template.Options{Wildcards: o.Wildcards, Log: tw.Logger()}
	var problems []string
	for _, l := range lines {
		per := int64(o.Variations * o.N)
		base := seed + int64(l.Num-1)*per
		if l.HasSeed {
			base = l.Seed
		}
		w, h := o.Size.Width, o.Size.Height
		if l.Width > 0 {
			w, h = l.Width, l.Height
		}
		text := l.Idea
		if l.Prompt != "" {
			text = l.Prompt
		}
		texts := []string{text}
		tmpl := ""
		if t, err := template.Parse(text); err != nil {
			problems = append(problems, fmt.Sprintf("line %d: %s", l.Num, easel.ErrorMessage(template.UserError(err))))
			continue
		} else if !t.IsLiteral() {
			topts.Seed = base
			if texts, err = template.Expand(ctx, text, o.Variations, topts); err != nil {
				problems = append(problems, fmt.Sprintf("line %d: %s", l.Num, easel.ErrorMessage(err)))
				continue
			}
			// A wildcard with no values would be drawn (and paid for) as
			// the literal "__name__".
			if err := tw.MissingWildcards(o.WildcardDir); err != nil {
				problems = append(problems, fmt.Sprintf("line %d: %s", l.Num, easel.ErrorMessage(err)))
				tw = template.Warnings{}
				topts.Log = tw.Logger()
				continue
			}
			tmpl = text
		}
		for i := range o.Variations {
			t := texts[min(i, len(texts)-1)]
			for k := range o.N {
				vi := i*o.N + k
				j := easel.Job{
					Batch: id, Line: l.Num, Variation: vi, Template: tmpl,
					Negative: o.Negative, Style: o.Style, Dialect: o.Dialect, Engine: o.Engine, Writer: o.LLM,
					Seed: base + int64(vi), Chaos: o.Chaos, Steps: l.Steps, Width: w, Height: h, N: 1,
				}
				if l.Prompt != "" {
					j.Prompt, j.Negative = t, l.Negative
				} else {
					j.Idea = t
				}
				jobs = append(jobs, j)
			}
		}
	}
	if len(problems) > 0 {
		return nil, "", easel.Errorf(easel.EINVALID, "the batch file has bad templates (fix them and run again):\n  %s", strings.Join(problems, "\n  "))
	}
	return jobs, id, nil
}

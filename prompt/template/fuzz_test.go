package template

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"
)

// FuzzParse checks that no template makes the parser or the samplers
// panic or run away: parse errors are *SyntaxError with a position, and
// generation of a few prompts always ends.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"A {red|green} {square|circle}", "{1-2$$ and $$a|b|c}", "{0.5::a|2::b}", "__colors*__",
		"${a={x|y}}${a} ${b=!{1|2}}${b}", "${a?=x}${a:d}", "__greet(name={Ann|Bob})__",
		"%{a ... b$${x|y}}", "{~a|b} {@c|d} {!e|f}", "# c\n/* d */{a|b} // e", "a\tb",
		"{cat|dog", "costs $5", "100% cotton", "a__b", "{${a=x}|b}", "${a=x|y}", "{2$$ $ $$a|b}",
		"__animals/${genus:*}/*__", "__light/{in|out}door__", "{2$$__colors-cold__}",
		"${a=${a}}${a}", "__self__", "{{{{{{{{a}}}}}}}}", "%{…$$x}", "____", "__a(b=)__",
	} {
		f.Add(s)
	}
	fsys := files(
		"colors-cold", "blue\ngreen",
		"colors-warm", "red\n{yellow|gold}",
		"self", "x __self__\n{y|__self__}",
		"greet", "${name} is ${mood:fine}",
		"animals/mammals/cat", "cat\n${genus:none}",
		"w.yaml", "w:\n  - 2::heavy\n  - light\n",
	)
	f.Fuzz(func(t *testing.T, src string) {
		tp, err := Parse(src)
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) || se.Line < 1 || se.Column < 1 {
				t.Fatalf("Parse(%q): %v: want a *SyntaxError with a position", src, err)
			}
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		// Generation must notice the deadline; a template that keeps going
		// long after it is a hang, reported with the template.
		watchdog := time.AfterFunc(10*time.Second, func() {
			panic(fmt.Sprintf("template %q: generation ignored its deadline", src))
		})
		defer watchdog.Stop()
		for _, mode := range []Mode{Combinatorial, Random, Cyclical} {
			n := 0
			for _, err := range tp.Prompts(ctx, Options{Mode: mode, Count: 20, Seed: 1, Wildcards: fsys}) {
				if errors.Is(err, context.DeadlineExceeded) {
					t.Fatalf("template %q, mode %s: 20 prompts took over 2s", src, mode)
				}
				if err != nil {
					break
				}
				n++
			}
			if n > 20 {
				t.Fatalf("template %q, mode %s: %d prompts; want at most 20", src, mode, n)
			}
		}
	})
}

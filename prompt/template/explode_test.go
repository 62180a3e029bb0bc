package template

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/easel-art/easel/internal/proctest"
)

// doublingVars is the template: under 400 bytes, each variable
// uses the one before twice, so ${v20} is 2^20 copies of {a|b}.
func doublingVars(levels int, v0 string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "${v0=%s}", v0)
	for i := 1; i <= levels; i++ {
		fmt.Fprintf(&b, "${v%d=${v%d} ${v%[2]d}}", i, i-1)
	}
	fmt.Fprintf(&b, "${v%d}", levels)
	return b.String()
}

// doublingWildcards are wildcard files that each include the previous one
// twice.
func doublingWildcards(levels int) []string {
	kv := []string{"w0", "{a|b}"}
	for i := 1; i <= levels; i++ {
		kv = append(kv, fmt.Sprintf("w%d", i), fmt.Sprintf("__w%d__ __w%[1]d__", i-1))
	}
	return kv
}

// TestExplodingTemplates: templates that multiply at every level are
// refused while they grow, within 2 s and 100 MB (measured in a child
// process), in every sampler; before, they overflowed the stack or grew
// to gigabytes.
func TestExplodingTemplates(t *testing.T) {
	cases := []struct {
		name, src string
		wild      []string
	}{
		{"variables doubling, 20 deep", doublingVars(20, "{a|b}"), nil},
		{"variables doubling, 40 deep", doublingVars(40, "{a|b}"), nil},
		{"variables doubling over nothing", strings.ReplaceAll(doublingVars(40, ""), "} ${", "}${"), nil},
		{"wildcards doubling, 30 deep", "__w30__", doublingWildcards(30)},
		{"wildcards doubling in a variant", "{2$$__w30__|x}", doublingWildcards(30)},
	}
	for _, c := range cases {
		for _, mode := range []Mode{Combinatorial, Random, Cyclical} {
			t.Run(c.name+"/"+string(mode), func(t *testing.T) {
				if len(c.src) > 800 {
					t.Fatalf("the template is %d bytes; the point is a short one", len(c.src))
				}
				rss := proctest.InChild(t, func(t *testing.T) {
					ctx, cancel := context.WithTimeout(t.Context(), 2*time.Second)
					defer cancel()
					start := time.Now()
					_, err := generate2(ctx, c.src, Options{Mode: mode, Count: 3, Seed: 1, Wildcards: files(c.wild...)})
					if err == nil || errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "multiplies the text") {
						t.Fatalf("after %v: %v; want the expansion refused", time.Since(start), err)
					}
					if len(err.Error()) > 600 {
						t.Errorf("the error is %d bytes long: %s", len(err.Error()), err)
					}
					t.Logf("refused in %v: %v", time.Since(start).Round(time.Millisecond), err)
				})
				if rss > 100<<20 {
					t.Errorf("peak RSS %d MB; want under 100", rss>>20)
				}
				t.Logf("peak RSS %d MB", rss>>20)
			})
		}
	}
}

func generate2(ctx context.Context, src string, opts Options) ([]string, error) {
	tp, err := Parse(src)
	if err != nil {
		return nil, err
	}
	var out []string
	for p, err := range tp.Prompts(ctx, opts) {
		if err != nil {
			return out, err
		}
		out = append(out, p)
	}
	return out, nil
}

// TestExpansionBoundIsTheIdeaLimit: a prompt may grow up to MaxLen
// characters, no further, and the bound can be set.
func TestExpansionBoundIsTheIdeaLimit(t *testing.T) {
	long := strings.Repeat("x", 600)
	src := doublingVars(4, long) // 16 copies and 15 spaces: 9615 characters
	got, err := generate(t, src, Options{Mode: Random})
	if err != nil || len(got) != 1 || len(got[0]) != 16*600+15 {
		t.Fatalf("a 9615-character prompt: %d prompts, %v", len(got), err)
	}
	if _, err := generate(t, doublingVars(5, long), Options{Mode: Random}); err == nil || !strings.Contains(err.Error(), "grows past 10000") {
		t.Errorf("a 19231-character prompt: %v", err)
	}
	if _, err := generate(t, src, Options{MaxLen: 9000}); err == nil {
		t.Error("MaxLen 9000 let a 9615-character prompt through")
	}
}

// TestExpansionHonoursContext: a long random run stops when cancelled.
func TestExpansionHonoursContext(t *testing.T) {
	tp, err := Parse(doublingVars(8, "{a|b|c}"))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	n := 0
	for _, err := range tp.Prompts(ctx, Options{Mode: Random, Count: 1 << 40}) {
		if err != nil {
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("err %v; want context.Canceled", err)
			}
			break
		}
		if n++; n == 100 {
			cancel()
		}
	}
	if n > 200 {
		t.Errorf("%d prompts after the cancel", n-100)
	}
}

// FuzzExpansionBound: whatever the template, every prompt is within
// MaxLen characters (a small bound here), and generation ends in time;
// the seeds include templates that multiply.
func FuzzExpansionBound(f *testing.F) {
	for _, s := range []string{
		doublingVars(20, "{a|b}"), doublingVars(6, "xyz"), "__w30__", "{3$$__w12__|__w3__|z}",
		"${a=__w5__}${b=${a}${a}${a}}${b}${b}", "%{... ${x=__w9__}${x}$${__w4__|q}}", "{~__w8__} {@__w7__}",
	} {
		f.Add(s, uint8(0))
	}
	fsys := files(doublingWildcards(30)...)
	const maxLen = 200
	f.Fuzz(func(t *testing.T, src string, m uint8) {
		tp, err := Parse(src)
		if err != nil {
			return
		}
		mode := []Mode{Combinatorial, Random, Cyclical}[int(m)%3]
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		for p, err := range tp.Prompts(ctx, Options{Mode: mode, Count: 5, Seed: int64(m), Wildcards: fsys, MaxLen: maxLen}) {
			if errors.Is(err, context.DeadlineExceeded) {
				t.Fatalf("template %q, mode %s: not refused within 2 s", src, mode)
			}
			if err != nil {
				break
			}
			if n := len([]rune(p)); n > maxLen {
				t.Fatalf("template %q, mode %s: a %d-character prompt; the bound is %d", src, mode, n, maxLen)
			}
		}
	})
}

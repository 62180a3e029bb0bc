package template

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// libraryCase is one sample from testdata/template-cases.json: a template,
// its wildcard files and the output of dynamicprompts 0.31.0.
type libraryCase struct {
	ID                string              `json:"id"`
	Tier              string              `json:"tier"`
	Mode              string              `json:"mode"`
	Template          string              `json:"template"`
	Wildcards         map[string][]string `json:"wildcards"`
	WildcardFiles     map[string]string   `json:"wildcard_files"`
	Variables         map[string]string   `json:"variables"`
	MaxPrompts        *int                `json:"max_prompts"`
	IgnoreWhitespace  bool                `json:"ignore_whitespace"`
	Generator         string              `json:"generator"`
	NumPrompts        int                 `json:"num_prompts"`
	Yields            int                 `json:"yields"`
	Count             int                 `json:"count"`
	ConstantWithinRun bool                `json:"constant_within_run"`
	ErrorPhase        string              `json:"error_phase"`
	Expected          []string            `json:"expected"`
}

func loadCases(t *testing.T) []libraryCase {
	t.Helper()
	data, err := os.ReadFile("testdata/template-cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []libraryCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	return cases
}

// caseFS lays out a case's wildcards as the library's harness does: each
// list becomes <name>.txt, lines joined by \n.
func caseFS(c libraryCase) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, lines := range c.Wildcards {
		fsys[name+".txt"] = &fstest.MapFile{Data: []byte(strings.Join(lines, "\n"))}
	}
	for name, content := range c.WildcardFiles {
		fsys[name] = &fstest.MapFile{Data: []byte(content)}
	}
	return fsys
}

// generate runs a template and returns its prompts and error.
func generate(t *testing.T, src string, opts Options) ([]string, error) {
	t.Helper()
	tp, err := Parse(src)
	if err != nil {
		return nil, err
	}
	var out []string
	for p, err := range tp.Prompts(t.Context(), opts) {
		if err != nil {
			return out, err
		}
		out = append(out, p)
	}
	return out, nil
}

// TestLibraryCases runs every sample case of the core and extended tiers
// (and the quirk tier, which this package also matches).
func TestLibraryCases(t *testing.T) {
	cases := loadCases(t)
	if len(cases) < 40 {
		t.Fatalf("only %d cases in testdata/template-cases.json", len(cases))
	}
	for _, c := range cases {
		t.Run(c.ID, func(t *testing.T) {
			opts := Options{
				Wildcards:        caseFS(c),
				Variables:        c.Variables,
				IgnoreWhitespace: c.IgnoreWhitespace,
			}
			switch c.Mode {
			case "combinatorial":
				if c.MaxPrompts != nil {
					opts.Count = *c.MaxPrompts
				}
				got, err := generate(t, c.Template, opts)
				if err != nil {
					t.Fatalf("template %q: %v", c.Template, err)
				}
				if diff := cmp.Diff(c.Expected, got); diff != "" {
					t.Errorf("template %q (-want +got):\n%s", c.Template, diff)
				}
			case "cyclical":
				opts.Mode = Cyclical
				if c.Generator == "random" {
					opts.Mode = Random
				}
				opts.Count = c.NumPrompts
				got, err := generate(t, c.Template, opts)
				if err != nil {
					t.Fatalf("template %q: %v", c.Template, err)
				}
				if diff := cmp.Diff(c.Expected, got); diff != "" {
					t.Errorf("template %q (-want +got):\n%s", c.Template, diff)
				}
			case "random_set":
				if c.Generator == "combinatorial" {
					got, err := generate(t, c.Template, opts)
					if err != nil {
						t.Fatalf("template %q: %v", c.Template, err)
					}
					if len(got) != c.Yields {
						t.Errorf("template %q gave %d prompts %q; want %d", c.Template, len(got), got, c.Yields)
					}
					for _, p := range got {
						if !slices.Contains(c.Expected, p) {
							t.Errorf("template %q gave %q; want one of %q", c.Template, p, c.Expected)
						}
					}
					return
				}
				checkRandomSet(t, c.Template, opts, c.Expected, c.ConstantWithinRun)
			case "error":
				got, err := generate(t, c.Template, opts)
				if err == nil {
					t.Fatalf("template %q gave %q and no error; want an error", c.Template, got)
				}
				if len(got) != 0 {
					t.Errorf("template %q gave prompts %q before its error", c.Template, got)
				}
				if c.ErrorPhase == "parse" {
					if _, err := Parse(c.Template); err == nil {
						t.Errorf("Parse(%q) succeeded; want a syntax error", c.Template)
					}
				}
			default:
				t.Fatalf("unknown mode %q", c.Mode)
			}
		})
	}
}

// checkRandomSet draws many prompts over a few seeds: each must be one of
// want, and every one of want must turn up.
func checkRandomSet(t *testing.T, src string, opts Options, want []string, constant bool) {
	t.Helper()
	seen := map[string]bool{}
	for seed := int64(1); seed <= 4; seed++ {
		opts.Mode = Random
		opts.Seed = seed
		opts.Count = 50 * len(want)
		if constant {
			opts.Count = 20
		}
		got, err := generate(t, src, opts)
		if err != nil {
			t.Fatalf("template %q: %v", src, err)
		}
		if len(got) != opts.Count {
			t.Fatalf("template %q gave %d prompts; want %d", src, len(got), opts.Count)
		}
		for _, p := range got {
			if !slices.Contains(want, p) {
				t.Fatalf("template %q gave %q; want one of %q", src, p, want)
			}
			seen[p] = true
			if constant && p != got[0] {
				t.Fatalf("template %q changed within one run: %q then %q", src, got[0], p)
			}
		}
	}
	if !constant {
		for _, w := range want {
			if !seen[w] {
				t.Errorf("template %q never gave %q in %d draws", src, w, 4*50*len(want))
			}
		}
	}
}

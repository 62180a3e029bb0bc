package batch

import (
	"bytes"
	"testing"
	"testing/fstest"

	"github.com/easel-art/easel"
)

func jobsOf(t *testing.T, src string, o Options) ([]easel.Job, string, error) {
	t.Helper()
	lines, err := Parse(bytes.NewReader([]byte(src)))
	if err != nil {
		t.Fatal(err)
	}
	return Jobs(t.Context(), []byte(src), lines, o)
}

func TestIDAndSeedLayout(t *testing.T) {
	o := Options{Engine: "builtin", Size: easel.Size{Width: 512, Height: 512}, Variations: 2, N: 3, Seed: 100, Chaos: 50}
	src := "a beach\n# comment\na castle\n--prompt \"a fox\" --seed 7\n"
	jobs, id, err := jobsOf(t, src, o)
	if err != nil {
		t.Fatal(err)
	}
	if len(jobs) != 3*6 {
		t.Fatalf("%d jobs; want 18", len(jobs))
	}
	// Line L starts at seed + (L-1)·v·n; a line's --seed replaces it.
	for _, j := range jobs {
		want := int64(100 + (j.Line-1)*6 + j.Variation)
		if j.Line == 4 {
			want = int64(7 + j.Variation)
		}
		if j.Seed != want || j.Batch != id {
			t.Errorf("line %d variation %d: seed %d batch %s; want %d, %s", j.Line, j.Variation, j.Seed, j.Batch, want, id)
		}
	}
	// The same file and options are the same batch; another option is another.
	if id2, _ := ID([]byte(src), o); id2 != id {
		t.Errorf("ID changed: %s then %s", id, id2)
	}
	o2 := o
	o2.Chaos = 51
	if id3, _ := ID([]byte(src), o2); id3 == id {
		t.Error("another chaos gave the same batch id")
	}
	// A random seed is the batch's own.
	o.Seed = -1
	_, s1 := ID([]byte(src), o)
	_, s2 := ID([]byte(src), o)
	if s1 != s2 || s1 < 0 {
		t.Errorf("random seeds %d, %d; want the same, non-negative", s1, s2)
	}
	// Names given by earlier versions stay the same, so --resume finds them.
	if id, _ := ID([]byte("a beach\n"), Options{Engine: "builtin", Size: easel.Size{Width: 1024, Height: 1024}, Variations: 1, N: 1, Seed: -1, Chaos: 50}); id != "a04b2f070e52" {
		t.Errorf("ID = %s; the naming of batches changed", id)
	}
}

func TestJobsTemplates(t *testing.T) {
	wc := fstest.MapFS{"colour.txt": {Data: []byte("red\nblue\n")}}
	o := Options{Engine: "builtin", Size: easel.Size{Width: 64, Height: 64}, Variations: 2, N: 1, Seed: 1, Wildcards: wc, WildcardDir: "wc"}
	jobs, _, err := jobsOf(t, "a __colour__ {fox|hen}\n", o)
	if err != nil {
		t.Fatal(err)
	}
	for _, j := range jobs {
		if j.Template != "a __colour__ {fox|hen}" || j.Idea == j.Template {
			t.Errorf("job %+v; want an expansion keeping its template", j)
		}
	}
	_, _, err = jobsOf(t, "a __nosuch__ fox\n", o)
	if easel.ErrorCode(err) != easel.EINVALID {
		t.Fatalf("missing wildcard: %v; want EINVALID", err)
	}
}

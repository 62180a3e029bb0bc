package template

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
)

// wordFS returns wildcard files a, b and c with n values each.
func wordFS(n int) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, name := range []string{"colors", "animals", "places"} {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "%s value %02d\n", strings.TrimSuffix(name, "s"), i)
		}
		fsys[name+".txt"] = &fstest.MapFile{Data: []byte(b.String())}
	}
	return fsys
}

const benchTemplate = "a __colors__ __animals__ in the __places__, highly detailed"

// BenchmarkCombinatorial100k lists 100,000 prompts of a template with three
// wildcards of 50 values each (125,000 combinations). One op is the whole
// listing. Run with -cpu 1.
func BenchmarkCombinatorial100k(b *testing.B) {
	tp, err := Parse(benchTemplate)
	if err != nil {
		b.Fatal(err)
	}
	opts := Options{Count: 100_000, Wildcards: wordFS(50)}
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, err := range tp.Prompts(b.Context(), opts) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != 100_000 {
			b.Fatalf("got %d prompts; want 100000", n)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/100_000, "ns/prompt")
}

// BenchmarkRandom draws 10,000 prompts from the same template.
func BenchmarkRandom10k(b *testing.B) {
	tp, err := Parse(benchTemplate + " {1-2$$ and $$red|green|blue|gold}")
	if err != nil {
		b.Fatal(err)
	}
	opts := Options{Mode: Random, Count: 10_000, Seed: 1, Wildcards: wordFS(50)}
	b.ReportAllocs()
	for b.Loop() {
		for _, err := range tp.Prompts(b.Context(), opts) {
			if err != nil {
				b.Fatal(err)
			}
		}
	}
}

// TestStreamingConstantMemory lists a million prompts and checks that the
// live heap stays small: nothing is kept per prompt. Keeping them would
// take more than 60 MB.
func TestStreamingConstantMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("lists a million prompts")
	}
	tp, err := Parse(benchTemplate)
	if err != nil {
		t.Fatal(err)
	}
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	var peak uint64
	n := 0
	for _, err := range tp.Prompts(t.Context(), Options{Count: -1, Wildcards: wordFS(100)}) {
		if err != nil {
			t.Fatal(err)
		}
		n++
		if n%100_000 == 0 {
			runtime.GC()
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapAlloc)
		}
	}
	if n != 1_000_000 {
		t.Fatalf("got %d prompts; want 1000000", n)
	}
	if grew := int64(peak) - int64(base); grew > 4<<20 {
		t.Errorf("live heap grew by %d bytes while listing; want it constant (under 4 MiB)", grew)
	}
}

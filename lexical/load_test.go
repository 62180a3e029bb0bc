package lexical

import "testing"

// BenchmarkLookup is one exact lookup, uncached: a binary search of the
// embedded table by byte offset, with no start-up cost.
func BenchmarkLookup(b *testing.B) {
	for b.Loop() {
		lookup("lighthouse")
	}
}

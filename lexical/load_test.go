package lexical

import (
	"sync"
	"testing"
)

// BenchmarkLoad is the one-time cost of the first lookup in a process.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		load()
		load = sync.OnceValue(loadTable)
	}
}

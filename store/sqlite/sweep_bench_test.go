package sqlite

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkLeftovers measures the sweep for leftover temporary files that
// Open does, in a gallery of 20,000 pictures: it reads images/.tmp, not
// the 256 directories of pictures.
func BenchmarkLeftovers(b *testing.B) {
	dir := b.TempDir()
	for i := range 20000 {
		sub := filepath.Join(dir, "images", fmt.Sprintf("%02x", i%256))
		if i < 256 {
			os.MkdirAll(sub, 0o755)
		}
		os.WriteFile(filepath.Join(sub, fmt.Sprintf("%064x.png", i)), nil, 0o644)
	}
	now := time.Now()
	b.ResetTimer()
	for range b.N {
		if got := leftovers(dir, now, TempMaxAge, false); len(got) != 0 {
			b.Fatal(got)
		}
	}
}

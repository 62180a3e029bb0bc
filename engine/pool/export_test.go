package pool

import (
	"testing"
	"time"
)

// SetDownFor sets how long a failed box is out, for one test.
func SetDownFor(t *testing.T, d time.Duration) {
	old := downFor
	downFor = d
	t.Cleanup(func() { downFor = old })
}

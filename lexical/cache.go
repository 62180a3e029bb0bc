package lexical

import (
	"strings"
	"sync"
)

// cache remembers the answers for words already seen. Ideas are written
// in a Zipfian vocabulary, so a few thousand words answer most lookups;
// when full it starts over, which bounds its memory (about 1 MB).
type cache[V any] struct {
	mu sync.RWMutex
	m  map[string]V
}

const cacheSize = 8192

func (c *cache[V]) get(k string, f func(string) V) V {
	c.mu.RLock()
	v, ok := c.m[k]
	c.mu.RUnlock()
	if ok {
		return v
	}
	v = f(k)
	c.mu.Lock()
	if c.m == nil || len(c.m) >= cacheSize {
		c.m = make(map[string]V, 256)
	}
	c.m[strings.Clone(k)] = v // not a slice of the caller's idea
	c.mu.Unlock()
	return v
}

type nounResult struct {
	e          Entry
	plural, ok bool
}

var (
	candCache cache[[]candidate]
	nounCache cache[nounResult]
)

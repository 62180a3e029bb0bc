package canvas

import (
	"strings"
	"testing"

	"github.com/easel-art/easel/scene"
)

// TestBunkBeds checks that bunk beds are drawn as bunk beds: one frame
// for "bunk beds" (its two beds), as many as counted, not three single
// beds; a chair named for its use ("desk chairs") stays a chair.
func TestBunkBeds(t *testing.T) {
	for _, tc := range []struct{ idea, want string }{
		{"a children's bedroom with bunk beds", "bunk"},
		{"a dorm room with two bunk beds", "bunk bunk"},
		{"a cabin bedroom with a bunk bed and a lamp", "bunk"},
		{"an office with two desk chairs", "chair chair"},
	} {
		p := planOf(scene.Parse(tc.idea))
		pieces, _, _, _ := (&painter{p: p}).roomPieces()
		var got []string
		for _, pc := range pieces {
			got = append(got, pc.word)
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("%q is furnished with %q, want %q", tc.idea, got, tc.want)
		}
	}
}

package verb

import (
	"strings"
	"testing"

	"github.com/easel-art/easel"
)

func TestInsets(t *testing.T) {
	cases := []struct {
		aspect string
		w, h   int
		want   easel.Insets
	}{
		{"16:9", 1024, 1024, easel.Insets{Left: 398, Right: 398}},
		{"9:16", 1024, 1024, easel.Insets{Top: 398, Bottom: 398}},
		{"4:3", 300, 100, easel.Insets{Top: 62, Bottom: 63}},
	}
	for _, c := range cases {
		got, err := AspectInsets(c.aspect, c.w, c.h)
		if err != nil || got != c.want {
			t.Errorf("AspectInsets(%s, %dx%d) = %v, %v; want %v", c.aspect, c.w, c.h, got, err, c.want)
		}
	}
	if in, err := ParseInsets("256, 0,256,0"); err != nil || in != (easel.Insets{Left: 256, Right: 256}) {
		t.Errorf("ParseInsets = %v, %v", in, err)
	}
	for _, bad := range []string{"", "1,2,3", "a,b,c,d", "-1,0,0,0", "0,0,0,0", "9999,0,0,0"} {
		if _, err := ParseInsets(bad); easel.ErrorCode(err) != easel.EINVALID {
			t.Errorf("ParseInsets(%q): %v; want EINVALID", bad, err)
		}
	}
	if _, err := ParseInsets("9999,0,0,0"); !strings.Contains(easel.ErrorMessage(err), "too many") {
		t.Errorf("ParseInsets(9999,0,0,0): %v; want it to say the side is too many pixels", err)
	}
	if _, err := AspectInsets("100:1", 100, 100); !strings.Contains(easel.ErrorMessage(err), "too extreme") {
		t.Errorf("AspectInsets(100:1): %v; want it to say the aspect is too extreme", err)
	}
	for _, bad := range []string{"16x9", "0:1", "1:0", "a:b", "100:1", "1:1", "nan:1", "1:NaN", "inf:1", "+Inf:+Inf"} {
		if _, err := AspectInsets(bad, 100, 100); easel.ErrorCode(err) != easel.EINVALID {
			t.Errorf("AspectInsets(%q): %v; want EINVALID", bad, err)
		}
	}
}

// FuzzInsets: whatever is typed after --expand or --aspect, the parsers
// answer insets that are never negative, or an EINVALID error.
func FuzzInsets(f *testing.F) {
	f.Add("256,0,256,0", "16:9", 1024, 768)
	f.Add("1,2,3", "2.39:1", 64, 4096)
	f.Fuzz(func(t *testing.T, expand, aspect string, w, h int) {
		if in, err := ParseInsets(expand); err == nil && (in.Left < 0 || in.Top < 0 || in.Right < 0 || in.Bottom < 0 || in.Zero()) {
			t.Fatalf("ParseInsets(%q) = %v", expand, in)
		} else if err != nil && easel.ErrorCode(err) != easel.EINVALID {
			t.Fatal(err)
		}
		if w < 1 || h < 1 || w > 1<<16 || h > 1<<16 {
			return
		}
		if in, err := AspectInsets(aspect, w, h); err == nil && (in.Left < 0 || in.Top < 0 || in.Right < 0 || in.Bottom < 0) {
			t.Fatalf("AspectInsets(%q, %d, %d) = %v", aspect, w, h, in)
		}
	})
}

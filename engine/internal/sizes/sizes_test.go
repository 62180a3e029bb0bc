package sizes

import (
	"strings"
	"testing"

	"github.com/easel-art/easel"
)

func sz(w, h int) easel.Size { return easel.Size{Width: w, Height: h} }

func TestNearest(t *testing.T) {
	std := []easel.Size{sz(1024, 1024), sz(1536, 1024), sz(1024, 1536)}
	tests := []struct {
		w, h int
		want easel.Size
	}{
		{1024, 1024, sz(1024, 1024)},
		{1920, 1080, sz(1536, 1024)},
		{512, 768, sz(1024, 1536)},
		{64, 64, sz(1024, 1024)},
		{1100, 1000, sz(1024, 1024)},
	}
	for _, tt := range tests {
		if got := Nearest(std, tt.w, tt.h); got != tt.want {
			t.Errorf("Nearest(%dx%d) = %v; want %v", tt.w, tt.h, got, tt.want)
		}
	}
}

func TestNearestRatio(t *testing.T) {
	aspects := []string{"16:9", "1:1", "21:9", "2:3", "3:2", "4:5", "5:4", "9:16", "9:21"}
	tests := []struct {
		w, h int
		want string
	}{
		{1024, 1024, "1:1"}, {1920, 1080, "16:9"}, {832, 1216, "2:3"}, {2048, 880, "21:9"}, {1000, 1250, "4:5"},
	}
	for _, tt := range tests {
		if got, err := NearestRatio(aspects, tt.w, tt.h, false); got != tt.want || err != nil {
			t.Errorf("NearestRatio(%dx%d) = %q, %v; want %q", tt.w, tt.h, got, err, tt.want)
		}
	}
	pixels := []string{"1920:1080", "1024:1024", "1280:720", "720:720"}
	if got, _ := NearestRatio(pixels, 1280, 720, true); got != "1280:720" {
		t.Errorf("pixel ratio = %q; want 1280:720", got)
	}
	if got, _ := NearestRatio(pixels, 800, 800, true); got != "720:720" {
		t.Errorf("pixel ratio = %q; want 720:720", got)
	}
	if _, err := NearestRatio([]string{"x"}, 1, 1, true); err == nil {
		t.Error("bad ratio accepted")
	}
}

func TestRound(t *testing.T) {
	if w, h := Round(1000, 500, 64); w != 1024 || h != 512 {
		t.Errorf("Round = %d %d", w, h)
	}
	if w, h := Round(20, 1001, 16); w != 16 || h != 1008 {
		t.Errorf("Round = %d %d", w, h)
	}
}

func TestCheck(t *testing.T) {
	caps := easel.Capabilities{MaxN: 4}
	ok := easel.RenderRequest{Prompt: "a fox", N: 1, Width: 1024, Height: 1024}
	tests := []struct {
		name string
		mod  func(r *easel.RenderRequest)
		want string
	}{
		{"ok", func(r *easel.RenderRequest) {}, ""},
		{"empty", func(r *easel.RenderRequest) { r.Prompt = "  " }, "empty"},
		{"long", func(r *easel.RenderRequest) { r.Prompt = strings.Repeat("é", 11) }, "at most 10"},
		{"n zero", func(r *easel.RenderRequest) { r.N = 0 }, "at least one"},
		{"n over", func(r *easel.RenderRequest) { r.N = 5 }, "at most 4"},
		{"size", func(r *easel.RenderRequest) { r.Width = 4096 }, "out of range"},
	}
	for _, tt := range tests {
		r := ok
		tt.mod(&r)
		err := Check("x", caps, &r, 10)
		if tt.want == "" {
			if err != nil {
				t.Errorf("%s: %v", tt.name, err)
			}
			continue
		}
		if easel.ErrorCode(err) != easel.EINVALID || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v; want EINVALID containing %q", tt.name, err, tt.want)
		}
	}
}

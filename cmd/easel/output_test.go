package main

import (
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/easel-art/easel/queue"
)

func TestUSD(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		want string
	}{
		{0.04, "$0.04"},
		{0.0425, "$0.0425"},
		{0.04225, "$0.0423"},
		{1.2, "$1.20"},
		{3, "$3.00"},
		{0.00001, "$0.00"},
	} {
		if got := usd(tc.v); got != tc.want {
			t.Errorf("usd(%v) = %q; want %q", tc.v, got, tc.want)
		}
	}
}

// TestGallerySheetOrder checks that a contact sheet of a search lists its
// pictures oldest first, as made, whatever the search's ranking.
func TestGallerySheetOrder(t *testing.T) {
	env := home(t)
	var want []string
	for _, idea := range []string{"a red barn", "a barn, a barn and a barn", "a barn in a wide field of wheat under the sky at noon", "an old barn"} {
		r := runEasel(t, env, "imagine", idea, "--size", "64x64", "--seed", "2", "--json")
		if r.code != 0 {
			t.Fatalf("imagine: %s", r.stderr)
		}
		want = append(want, ndjson(t, r.stdout)[0]["id"].(string))
	}
	r := runEasel(t, env, "gallery", "sheet", "barn", "-o", filepath.Join(t.TempDir(), "s.png"), "--cell", "64", "--json")
	if r.code != 0 {
		t.Fatalf("sheet: exit %d: %s", r.code, r.stderr)
	}
	got := fmt.Sprint(ndjson(t, r.stdout)[0]["ids"])
	if w := fmt.Sprint(want); got != w {
		t.Errorf("sheet ids %s; want oldest first %s", got, w)
	}
}

func TestBatchRateKeepsToTheLimit(t *testing.T) {
	for _, tc := range []struct {
		name       string
		ceiling    float64 // pictures a second
		done, left int
		elapsed    time.Duration
		wantPerMin float64
		wantETA    time.Duration // -1: unknown
	}{
		{"no limit, nothing done", 0, 0, 10, time.Second, 0, -1},
		{"no limit", 0, 10, 10, time.Minute, 10, time.Minute},
		{"limit, nothing done", 5.0 / 60, 0, 10, time.Second, 0, 2 * time.Minute},
		// One picture in two seconds is 30 a minute, but the limit is 5.
		{"quick first picture", 5.0 / 60, 1, 19, 2 * time.Second, 5, 228 * time.Second},
		{"slower than the limit", 5.0 / 60, 2, 10, time.Minute, 2, 5 * time.Minute},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := &reporter{ceiling: tc.ceiling, started: time.Now().Add(-tc.elapsed)}
			perSec, eta := r.rate(queue.Stats{Done: tc.done, Queued: tc.left})
			if math.Abs(perSec*60-tc.wantPerMin) > 0.01 {
				t.Errorf("rate %.2f/min; want %.2f", perSec*60, tc.wantPerMin)
			}
			if tc.wantETA < 0 {
				if eta >= 0 {
					t.Errorf("ETA %s; want unknown", eta)
				}
			} else if d := eta - tc.wantETA; d < -time.Second || d > time.Second {
				t.Errorf("ETA %s; want %s", eta, tc.wantETA)
			}
		})
	}
	if got := limitCeiling(queue.Limit{RequestsPerMinute: 50, ImagesPerMinute: 5}) * 60; math.Abs(got-5) > 1e-9 {
		t.Errorf("ceiling of 50 rpm, 5 ipm = %v/min; want 5", got)
	}
}

// TestUsageErrors checks what a person sees after a slip: the help (for
// no command) or one line naming the mistake, on stderr, with exit 2 and
// nothing on stdout, where scripts read results.
func TestUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		args  []string
		want  []string
		lines int // lines on stderr; 0: any
	}{
		{"no command", nil, []string{"Commands:", "easel: no command given"}, 0},
		{"unknown flag", []string{"imagine", "a fox", "--bogus"}, []string{"easel: imagine: unknown flag --bogus (see easel imagine --help)"}, 1},
		{"bad number", []string{"imagine", "a fox", "-n", "x"}, []string{`invalid value "x" for -n`}, 1},
		{"flag without value", []string{"prompt", "a fox", "--seed"}, []string{"--seed needs a value"}, 1},
		{"flag's own reason", []string{"vary", "a fox", "--chaos", "101"}, []string{"--chaos", "0 to 100"}, 1},
		{"gallery action", []string{"gallery", "list", "--zzz"}, []string{"easel: gallery list: unknown flag --zzz"}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runEasel(t, home(t), tc.args...)
			if r.code != exitUsage || r.stdout != "" {
				t.Errorf("exit %d, stdout %q; want 2 and nothing", r.code, r.stdout)
			}
			for _, w := range tc.want {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("stderr %q lacks %q", r.stderr, w)
				}
			}
			if n := strings.Count(r.stderr, "\n"); tc.lines > 0 && n != tc.lines {
				t.Errorf("stderr has %d lines; want %d:\n%s", n, tc.lines, r.stderr)
			}
		})
	}
	if r := runEasel(t, home(t), "--help"); r.code != exitOK || !strings.Contains(r.stdout, "Commands:") || r.stderr != "" {
		t.Errorf("--help: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}

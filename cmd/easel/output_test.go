package main

import (
	"fmt"
	"path/filepath"
	"testing"
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

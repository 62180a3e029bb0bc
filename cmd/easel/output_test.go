package main

import "testing"

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

package scene

import "testing"

func TestDaylight(t *testing.T) {
	tests := []struct {
		idea       string
		day, sunny bool
	}{
		{"a field of sunflowers under a blue sky", true, true},
		{"a meadow on a sunny day", true, true},
		{"A harbor under a clear, blue sky!", true, true},
		{"a lake in broad daylight", true, false},
		{"a rainy day in london", true, false},
		{"a bright day at the beach", true, true},
		{"a meadow under the sun", true, true},
		{"a sunlit forest", true, true},
		{"a beach sunset", false, false},
		{"a cozy cabin in a snowy forest at night", false, false},
		{"sundays in the park", false, false}, // "sundays" is not "sun" nor "day"
		{"a daydream", false, false},
		{"a red backpack on a white background", true, false},
		{"a product shot of a perfume bottle", true, false},
		{"", false, false},
	}
	for _, tt := range tests {
		day, sunny := Daylight(tt.idea)
		if day != tt.day || sunny != tt.sunny {
			t.Errorf("Daylight(%q) = %v, %v; want %v, %v", tt.idea, day, sunny, tt.day, tt.sunny)
		}
	}
}

func FuzzDaylight(f *testing.F) {
	for _, s := range []string{"a sunny day", "under a blue sky", "night", "", "  sun  ", "día soleado"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, idea string) {
		day, sunny := Daylight(idea)
		if sunny && !day {
			t.Errorf("Daylight(%q): sunny without day", idea)
		}
	})
}

func BenchmarkDaylight(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Daylight("a field of sunflowers under a blue sky")
		Daylight("a cozy cabin in a snowy forest at night")
	}
}

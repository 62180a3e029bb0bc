package scene

import "strings"

// Daylight reports what an idea's words say about the light when they may
// name no time of day. day is true when they imply daytime ("under a blue
// sky", "a sunny meadow", "in broad daylight", "a bright day at the
// beach", and a product shot "on a white background"); sunny is true when they also promise fair weather, a sun or a
// blue sky, rather than only the hour ("daytime", "a rainy day").
//
// The prompt writer uses it to keep the time and weather it picks for an
// open slot coherent with the idea: "a field of sunflowers under a blue
// sky" is never drawn at dawn or under rain.
func Daylight(idea string) (day, sunny bool) {
	if idea == "" {
		return false, false
	}
	w := " " + normalize(idea) + " "
	for _, p := range sunnyPhrases {
		if strings.Contains(w, p) {
			return true, true
		}
	}
	for _, p := range dayPhrases {
		if strings.Contains(w, p) {
			return true, false
		}
	}
	return false, false
}

// sunnyPhrases promise a sunlit sky; dayPhrases only the hour. Each is
// padded with spaces so it matches whole words of a normalized idea.
var (
	sunnyPhrases = []string{
		" sunny ", " sunshine ", " sunlit ", " sunlight ", " sun-drenched ", " sun-soaked ",
		" sun-kissed ", " sun-baked ", " sunbaked ", " sundrenched ", " cloudless ",
		" blue sky ", " blue skies ", " clear sky ", " clear skies ", " clear blue ",
		" under the sun ", " in the sun ", " beneath the sun ", " under a bright sun ",
		" midday sun ", " noon sun ", " summer sun ", " bright day ", " bright morning ",
		" bright afternoon ", " beautiful day ", " fine day ", " summer's day ", " summers day ",
	}
	dayPhrases = []string{
		" day ", " days ", " daytime ", " day time ", " daylight ", " daylit ", " by day ",
		" midday ", " noon ", " noontime ", " morning ", " afternoon ", " lunchtime ",
		// A product shot is lit bright, never by a lamp in the dark.
		" white background ", " plain background ", " seamless background ", " studio backdrop ",
		" product shot ", " product photo ", " product photography ", " packshot ",
	}
)

// normalize lower-cases s and turns everything but letters, digits,
// hyphens and apostrophes into single spaces.
func normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range strings.ToLower(s) {
		ok := r == '-' || r == '\'' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 0x80
		if !ok {
			if !space {
				b.WriteByte(' ')
				space = true
			}
			continue
		}
		b.WriteRune(r)
		space = false
	}
	return strings.TrimSpace(b.String())
}

package canvas

import "strings"

// Styles the canvas paints in. Each changes how shapes are laid down (edges,
// fills, outlines, resolution, composition), not only a filter on top.
const (
	StylePhoto      = "photo"
	StyleWatercolor = "watercolor"
	StyleOil        = "oil"
	StyleFlat       = "flat vector"
	StylePixel      = "pixel art"
	StyleSynthwave  = "synthwave"
	StyleWoodblock  = "woodblock"
	StylePencil     = "pencil sketch"
	StyleFilm       = "film photo"
)

// Styles lists the styles the canvas paints, in the order docs show them.
var Styles = []string{StylePhoto, StyleWatercolor, StyleOil, StyleFlat, StylePixel, StyleSynthwave, StyleWoodblock, StylePencil, StyleFilm}

// styleInfo holds the painting switches of one style.
type styleInfo struct {
	name     string
	wobble   float32 // path jitter, in units (watercolour edges)
	texture  float32 // multiplier of fill textures (0: flat fills)
	bands    int     // quantise gradients into this many bands (0: smooth)
	hardEdge bool    // clouds and glows with hard edges
	outline  bool    // ink outlines around shapes
	grain    float32 // film grain amount
	vignette float32 // corner darkening
	pixel    int     // render at 1/pixel resolution and upscale
}

// styleAliases maps words people use to the canonical styles; the first
// alias found in the style text wins, longest first.
var styleAliases = []struct{ word, style string }{
	{"watercolour", StyleWatercolor}, {"watercolor", StyleWatercolor}, {"gouache", StyleWatercolor}, {"aquarelle", StyleWatercolor},
	{"oil", StyleOil}, {"impasto", StyleOil}, {"impressionis", StyleOil}, {"acrylic", StyleOil}, {"painting", StyleOil}, {"painterly", StyleOil},
	{"flat", StyleFlat}, {"vector", StyleFlat}, {"minimal", StyleFlat}, {"low poly", StyleFlat}, {"illustration", StyleFlat}, {"poster", StyleFlat},
	{"pixel", StylePixel}, {"8-bit", StylePixel}, {"8 bit", StylePixel}, {"16-bit", StylePixel}, {"retro game", StylePixel},
	{"synthwave", StyleSynthwave}, {"retrowave", StyleSynthwave}, {"outrun", StyleSynthwave}, {"vaporwave", StyleSynthwave}, {"cyberpunk", StyleSynthwave},
	{"woodblock", StyleWoodblock}, {"woodcut", StyleWoodblock}, {"ukiyo", StyleWoodblock}, {"linocut", StyleWoodblock}, {"block print", StyleWoodblock},
	{"pencil", StylePencil}, {"sketch", StylePencil}, {"charcoal", StylePencil}, {"graphite", StylePencil}, {"drawing", StylePencil},
	{"film", StyleFilm}, {"analog", StyleFilm}, {"35mm", StyleFilm}, {"polaroid", StyleFilm}, {"kodak", StyleFilm}, {"vintage photo", StyleFilm},
	{"photo", StylePhoto}, {"realistic", StylePhoto}, {"cinematic", StylePhoto},
}

// CanonicalStyle returns the canvas style that s names ("ukiyo-e" is
// woodblock, "8-bit" is pixel art), or photo when it names none.
func CanonicalStyle(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, a := range styleAliases {
		if strings.Contains(s, a.word) {
			return a.style
		}
	}
	return StylePhoto
}

func styleFor(name string) *styleInfo {
	st := &styleInfo{name: name, texture: 1, grain: 0.025, vignette: 0.18}
	switch name {
	case StyleWatercolor:
		st.wobble = 5
		st.texture = 0.6
		st.grain = 0
		st.vignette = 0
	case StyleOil:
		st.texture = 1.4
		st.grain = 0
		st.vignette = 0.2
	case StyleFlat:
		st.texture = 0
		st.bands = 7
		st.hardEdge = true
		st.grain = 0
		st.vignette = 0
	case StylePixel:
		st.texture = 0
		st.bands = 9
		st.hardEdge = true
		st.grain = 0
		st.vignette = 0
		st.pixel = 6
	case StyleSynthwave:
		st.texture = 0.3
		st.grain = 0.02
		st.vignette = 0.3
	case StyleWoodblock:
		st.texture = 0
		st.bands = 5
		st.hardEdge = true
		st.outline = true
		st.grain = 0
		st.vignette = 0
	case StylePencil:
		st.texture = 0.5
		st.outline = true
		st.grain = 0
		st.vignette = 0
	case StyleFilm:
		st.grain = 0.09
		st.vignette = 0.45
	}
	return st
}

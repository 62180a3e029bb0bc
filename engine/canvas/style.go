package canvas

import (
	"strings"
	"unicode"

	"github.com/easel-art/easel"
)

// Styles the canvas paints in. Each changes how shapes are laid down (edges,
// fills, outlines, resolution, composition) and redoes the finished picture
// in its medium (paint_media.go, drawn_media.go, grade.go), so each reads
// as itself at a glance, not as a filter on a photograph.
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
	StyleInk        = "ink"
	StyleCharcoal   = "charcoal"
	StyleAnime      = "anime"
	StyleLowPoly    = "low poly"
	Style3D         = "3d render"
)

// Styles lists the styles the canvas paints, in the order docs show them.
var Styles = []string{StylePhoto, StyleFilm, StyleWatercolor, StyleOil, StyleInk, StylePencil, StyleCharcoal, StyleWoodblock,
	StyleFlat, StyleAnime, StyleLowPoly, Style3D, StylePixel, StyleSynthwave}

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
	// medium is how strongly the finishing pass lays the medium's marks
	// (washes, bleeding, a paper border, cel tones): 1 when drawing, less
	// when a picture is restyled at a low strength so its layout shows.
	medium float32
}

// styleAliases maps words people use to the canonical styles; the first
// alias found in the style text wins, so the more specific come first. An
// alias matches at the start of a word ("impressionis" in
// "impressionism"), never inside one ("ink" is not in "drink").
var styleAliases = []struct{ word, style string }{
	{"watercolour", StyleWatercolor}, {"watercolor", StyleWatercolor}, {"gouache", StyleWatercolor}, {"aquarelle", StyleWatercolor},
	{"charcoal", StyleCharcoal}, {"conte", StyleCharcoal},
	{"ink", StyleInk}, {"sumi", StyleInk}, {"pen and", StyleInk}, {"line art", StyleInk}, {"lineart", StyleInk}, {"brush pen", StyleInk},
	{"oil", StyleOil}, {"impasto", StyleOil}, {"impressionis", StyleOil}, {"acrylic", StyleOil},
	{"anime", StyleAnime}, {"manga", StyleAnime}, {"cel shad", StyleAnime}, {"cartoon", StyleAnime}, {"comic", StyleAnime}, {"ghibli", StyleAnime},
	{"low poly", StyleLowPoly}, {"lowpoly", StyleLowPoly}, {"polygonal", StyleLowPoly},
	{"3d", Style3D}, {"cgi", Style3D}, {"octane", Style3D}, {"blender", Style3D}, {"render", Style3D}, {"claymation", Style3D}, {"plasticine", Style3D}, {"unreal", Style3D},
	{"painting", StyleOil}, {"painterly", StyleOil},
	{"flat", StyleFlat}, {"vector", StyleFlat}, {"minimal", StyleFlat}, {"illustration", StyleFlat}, {"poster", StyleFlat}, {"papercut", StyleFlat}, {"paper cut", StyleFlat},
	{"pixel", StylePixel}, {"8 bit", StylePixel}, {"16 bit", StylePixel}, {"retro game", StylePixel},
	{"synthwave", StyleSynthwave}, {"retrowave", StyleSynthwave}, {"outrun", StyleSynthwave}, {"vaporwave", StyleSynthwave}, {"cyberpunk", StyleSynthwave},
	{"woodblock", StyleWoodblock}, {"woodcut", StyleWoodblock}, {"ukiyo", StyleWoodblock}, {"linocut", StyleWoodblock}, {"block print", StyleWoodblock},
	{"pencil", StylePencil}, {"sketch", StylePencil}, {"graphite", StylePencil}, {"drawing", StylePencil},
	{"film", StyleFilm}, {"analog", StyleFilm}, {"35mm", StyleFilm}, {"polaroid", StyleFilm}, {"kodak", StyleFilm}, {"vintage photo", StyleFilm},
	{"photo", StylePhoto}, {"realistic", StylePhoto}, {"cinematic", StylePhoto},
}

// CanonicalStyle returns the canvas style that s names ("ukiyo-e" is
// woodblock, "8-bit" is pixel art, "sumi-e" ink), or photo when it names
// none.
func CanonicalStyle(s string) string {
	s = " " + styleWords(s)
	for _, a := range styleAliases {
		if strings.Contains(s, " "+a.word) {
			return a.style
		}
	}
	return StylePhoto
}

// styleWords lowercases s and turns everything but letters and digits
// into single spaces: "Ukiyo-e" is "ukiyo e", "8-bit" is "8 bit".
func styleWords(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// sceneStyle is the style a Scene asks for. The scene parser files a
// charcoal drawing under pencil sketch; the canvas has charcoal of its own.
func sceneStyle(s *easel.Scene) string {
	if CanonicalStyle(s.Style) == StylePencil && strings.Contains(" "+styleWords(s.Idea), " charcoal") {
		return StyleCharcoal
	}
	return s.Style
}

func styleFor(name string) *styleInfo {
	st := &styleInfo{name: name, texture: 1, grain: 0.025, vignette: 0.18, medium: 1}
	switch name {
	case StyleWatercolor:
		st.wobble = 5
		st.texture = 0.4
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
	case StyleInk, StyleCharcoal:
		st.texture = 0.3
		st.grain = 0
		st.vignette = 0
	case StyleAnime:
		st.texture = 0.15
		st.grain = 0
		st.vignette = 0
	case StyleLowPoly:
		st.texture = 0
		st.grain = 0
		st.vignette = 0
	case Style3D:
		st.texture = 0.2
		st.grain = 0
		st.vignette = 0.12
	}
	return st
}

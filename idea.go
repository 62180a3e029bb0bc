package easel

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Idea is what a person typed, with the options that came with it.
type Idea struct {
	// Text is the person's words, such as "a beach sunset".
	Text string `json:"text"`
	// Template is the dynamic-prompt template Text was expanded from, if any.
	Template string `json:"template,omitempty"`
	// Style names a style preset to apply, if any.
	Style string `json:"style,omitempty"`
	// Negative is extra negative text, added to the written negative prompt.
	Negative string `json:"negative,omitempty"`
}

// ValidateIdeaText reports an EINVALID error when text cannot be used as an
// idea: empty, only spaces, or longer than MaxIdeaLen characters.
func ValidateIdeaText(text string) error {
	if strings.TrimSpace(text) == "" {
		return Errorf(EINVALID, "the idea is empty: say what to picture, for example easel imagine \"a beach sunset\"")
	}
	if !utf8.ValidString(text) {
		return Errorf(EINVALID, "the idea is not valid UTF-8 text")
	}
	if n := utf8.RuneCountInString(text); n > MaxIdeaLen {
		return Errorf(EINVALID, "the idea is %d characters long; the limit is %d: shorten it", n, MaxIdeaLen)
	}
	return nil
}

// Size is a picture's width and height in pixels.
type Size struct {
	Width  int `json:"width"`
	Height int `json:"height"`
}

func (s Size) String() string { return fmt.Sprintf("%dx%d", s.Width, s.Height) }

// Validate reports an EINVALID error when a side is outside MinSide..MaxSide.
func (s Size) Validate() error {
	if s.Width < MinSide || s.Width > MaxSide || s.Height < MinSide || s.Height > MaxSide {
		return Errorf(EINVALID, "size %dx%d is out of range: each side must be %d to %d pixels", s.Width, s.Height, MinSide, MaxSide)
	}
	return nil
}

// ParseSize parses "WxH" (such as "1024x768").
func ParseSize(s string) (Size, error) {
	w, h, ok := strings.Cut(strings.ToLower(strings.TrimSpace(s)), "x")
	var sz Size
	if ok {
		_, err1 := fmt.Sscanf(w, "%d", &sz.Width)
		_, err2 := fmt.Sscanf(h, "%d", &sz.Height)
		ok = err1 == nil && err2 == nil && isDigits(w) && isDigits(h)
	}
	if !ok {
		return Size{}, Errorf(EINVALID, "invalid size %q: write it as WIDTHxHEIGHT, for example 1024x768", s)
	}
	return sz, sz.Validate()
}

// ParseAspect parses "W:H" (such as "16:9") and returns the size with that
// aspect whose longer side is long, rounded to multiples of 8 as image
// models expect.
func ParseAspect(s string, long int) (Size, error) {
	a, b, ok := strings.Cut(strings.TrimSpace(s), ":")
	var aw, ah int
	if ok {
		_, err1 := fmt.Sscanf(a, "%d", &aw)
		_, err2 := fmt.Sscanf(b, "%d", &ah)
		ok = err1 == nil && err2 == nil && isDigits(a) && isDigits(b) && aw > 0 && ah > 0
	}
	if !ok {
		return Size{}, Errorf(EINVALID, "invalid aspect %q: write it as W:H, for example 16:9", s)
	}
	if aw > 16*ah || ah > 16*aw {
		return Size{}, Errorf(EINVALID, "aspect %q is too extreme: keep it within 16:1", s)
	}
	if long <= 0 {
		long = DefaultWidth
	}
	var sz Size
	if aw >= ah {
		sz.Width = long
		sz.Height = round8(long * ah / aw)
	} else {
		sz.Height = long
		sz.Width = round8(long * aw / ah)
	}
	sz.Width = max(sz.Width, MinSide)
	sz.Height = max(sz.Height, MinSide)
	return sz, sz.Validate()
}

func round8(v int) int { return (v + 4) / 8 * 8 }

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

package builtin

import (
	"regexp"
	"testing"
)

// faceWords and eyeWords are what bodyNeeds's word scan reads, as regular
// expressions: the tests check lines and prompts with them.
var (
	faceWords = regexp.MustCompile(`(?i)\b(face|faces|expression|expressive|clothing|wears?|stubble|beard|wrinkle|smile|smiling)\b`)
	eyeWords  = regexp.MustCompile(`(?i)\b(eyes|gaze|portrait|head-and-shoulders|chest up)\b`)
)

// TestBodyNeedsAgrees: the start-up word scan marks exactly the templates
// the expressions mark, over every template and a few hard cases.
func TestBodyNeedsAgrees(t *testing.T) {
	srcs := []string{
		"A face-down book", "Her smile.", "{Subj} wears a coat", "wearing gloves", "the eyes' glint",
		"framed chest up", "a chest, up close", "head-and-shoulders portrait", "a faceless mask",
		"Expression: calm", "gazes", "gaze_", "{subj}'s eyes",
	}
	for _, m := range []map[string][]string{lights, weatherLights, contextLights, compositions, subjectLines, sceneLines} {
		for _, v := range m {
			srcs = append(srcs, v...)
		}
	}
	srcs = append(append(append(srcs, openings...), framedOpenings...), colorLines...)
	srcs = append(append(append(srcs, closers...), lunarLines...), worldGroundLines...)
	for _, p := range profiles {
		srcs = append(srcs, p.details...)
	}
	srcs = append(srcs, generic.details...)
	for _, src := range srcs {
		var want cond
		if faceWords.MatchString(src) {
			want |= cFace
		}
		if eyeWords.MatchString(src) {
			want |= cEyes
		}
		if got := bodyNeeds(src); got != want {
			t.Errorf("bodyNeeds(%q) = %v, want %v", src, got, want)
		}
	}
}

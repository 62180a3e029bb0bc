// Package refine steers a picture in words: an instruction such as "make
// it night, add a red sailboat" becomes edits of the picture's Scene, and
// everything the instruction does not name stays as it was.
//
// The built-in path is offline and deterministic: Parse reads the
// instruction into Edits (refusing, by name, any words it does not
// understand), Apply makes them on a copy of the Scene and on the idea's
// text, and the built-in writer rewrites the prompt from the edited Scene
// with the parent's seed, so the sentences the edits do not touch keep
// their wording.
package refine

import (
	"strings"
	"unicode/utf8"

	"github.com/easel-art/easel"
)

// MaxInstructionLen is the longest instruction accepted, in characters.
const MaxInstructionLen = 500

// Result is a refined Scene and what else the instruction asked for.
type Result struct {
	// Scene is the edited copy of the parent's Scene. Its Idea is the
	// parent Scene's, so the writer keeps the parent's wording.
	Scene *easel.Scene
	// Idea is the idea's text with the edits made ("a beach at night with
	// a red sailboat").
	Idea string
	// Negative lists what the instruction asked to keep out ("people" for
	// "no people").
	Negative []string
	// Unwanted lists what an earlier "no X" kept out that this
	// instruction brings back ("add people"): take it out of the negative.
	Unwanted []string
	// Aspect is a W:H aspect asked for ("16:9"), or "".
	Aspect string
	// Changes says what changed, one short line per edit, such as
	// "time of day: sunset → night".
	Changes []string
}

// Summary is the changes on one line, for "what changed".
func (r *Result) Summary() string { return strings.Join(r.Changes, "; ") }

// Refine parses instruction and applies it to sc, the Scene of a picture
// whose idea is idea. sc is not modified. It returns an EINVALID error for
// an empty or oversized instruction, one with words it does not
// understand (naming them), or one it cannot apply to this Scene (such as
// removing something the picture does not have).
func Refine(idea string, sc *easel.Scene, instruction string) (*Result, error) {
	edits, err := Parse(instruction)
	if err != nil {
		return nil, err
	}
	return Apply(idea, sc, edits)
}

// validate checks an instruction's length and encoding.
func validate(instruction string) error {
	if strings.TrimSpace(instruction) == "" {
		return easel.Errorf(easel.EINVALID, `the instruction is empty: say what to change, for example "make it night" or "add a red sailboat"`)
	}
	if !utf8.ValidString(instruction) {
		return easel.Errorf(easel.EINVALID, "the instruction is not valid UTF-8 text")
	}
	if n := utf8.RuneCountInString(instruction); n > MaxInstructionLen {
		return easel.Errorf(easel.EINVALID, "the instruction is %d characters long; the limit is %d: ask for one or two changes at a time", n, MaxInstructionLen)
	}
	return nil
}

// ValidateInstruction checks an instruction's length and encoding only,
// for a language model, which reads any words.
func ValidateInstruction(instruction string) error { return validate(instruction) }

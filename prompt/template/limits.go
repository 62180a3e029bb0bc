package template

import (
	"unicode/utf8"

	"github.com/easel-art/easel"
)

// Bounds on one prompt's expansion. A template of a few hundred bytes can
// ask for more than any machine has: twenty variables that each use the
// one before twice (${v1=${v0} ${v0}}…) make a prompt of 2^20 copies, and
// wildcard files that each include the previous twice do the same. The
// bounds are checked as the prompt grows, so such a template is refused
// in milliseconds and a few megabytes, not after the memory is gone.
const (
	// DefaultMaxLen is the longest prompt, in characters, when
	// Options.MaxLen is 0: the longest idea easel accepts.
	DefaultMaxLen = easel.MaxIdeaLen
	// maxWork bounds the listing and generating steps spent on one
	// prompt (tens of milliseconds of work); a template whose parts
	// multiply without making text (${v1=${v0}${v0}} over empty values)
	// ends here.
	maxWork = 2_000_000
	// maxBuilt bounds the generators the random and cyclical samplers
	// make for one prompt: each variable use makes its own.
	maxBuilt = 100_000
	// maxLive bounds the listing calls alive at once: the combinatorial
	// sampler lists by callbacks, so every part of the prompt being built
	// holds stack frames until the prompt is done.
	maxLive = 10_000
)

const explodes = "a variable or wildcard that uses another more than once multiplies the text at every level: simplify the template"

// fits checks the text of a prompt being built against the length bound.
func (r *run) fits(e env, b []byte) bool {
	if len(b) <= r.maxLen || utf8.RuneCount(b) <= r.maxLen {
		return true
	}
	return r.tooLong(e)
}

// fitsString is fits for a string.
func (r *run) fitsString(e env, s string) bool {
	if len(s) <= r.maxLen || utf8.RuneCountInString(s) <= r.maxLen {
		return true
	}
	return r.tooLong(e)
}

func (r *run) tooLong(e env) bool {
	return r.fail(e, 0, "a prompt grows past %d characters while expanding; %s", r.maxLen, explodes)
}

// step counts one step of work on the current prompt and checks for
// cancellation now and then; it returns false once the run must stop.
func (r *run) step(e env) bool {
	r.work++
	if r.work > maxWork {
		return r.fail(e, 0, "one prompt takes more than %d steps to expand; %s", maxWork, explodes)
	}
	return r.tick()
}

// built counts one generator made for the current prompt.
func (r *run) built(e env) bool {
	r.gens++
	if r.gens > maxBuilt {
		return r.fail(e, 0, "one prompt needs more than %d parts; %s", maxBuilt, explodes)
	}
	return r.step(e)
}

// enter and leave count the listing calls alive; enter fails past maxLive.
func (r *run) enter(e env) bool {
	r.live++
	if r.live > maxLive {
		return r.fail(e, 0, "a prompt nests more than %d parts deep while expanding; %s", maxLive, explodes)
	}
	return r.step(e)
}

func (r *run) leave() { r.live-- }

// nextPrompt resets the per-prompt bounds once a prompt is out.
func (r *run) nextPrompt() { r.work, r.gens = 0, 0 }

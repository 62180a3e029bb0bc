package builtin

import (
	"context"
	"strings"
	"testing"

	"github.com/easel-art/easel"
)

// The mood, light, colour, framing and negative lines fit the idea's own
// facts, on ideas written for these rules (not the corpus, not a judge's):
// a motorboat racing is not hushed, a raspberry tart is not golden with a
// green garnish, a bench in a garden has no window light, a sailboat has
// no wheels to warp.
var fitIdeas = []struct {
	idea    string
	notSay  []string // what no prompt text may say
	notNeg  []string // what no negative term may hold
	mustSay []string // one of these in every prompt, when given
}{
	// Negatives by the subject's kind.
	{idea: "a canoe drifting on a pond", notNeg: []string{"wheels"}},
	{idea: "a yacht moored in a harbor", notNeg: []string{"wheels"}},
	{idea: "a gondola gliding along a canal", notNeg: []string{"wheels"}},
	{idea: "a hot air balloon drifting over vineyards", notNeg: []string{"wheels"}},
	// Mood follows the action, whatever the domain's habits or a wandering
	// variation.
	{idea: "a motorboat racing across a bay", notSay: []string{"hushed", "tranquil", "serene", "wistful", "majestic", "whimsical", "lonely", "solitary"}},
	{idea: "a rocket lifting off beside the sea", notSay: []string{"hushed", "tranquil", "serene", "peaceful", "unhurried"}},
	{idea: "an otter catching a fish in a stream", notSay: []string{"hushed", "tranquil", "serene", "peaceful", "unhurried", "whimsical"}},
	// A road vehicle of today is neither grand nor wistful.
	{idea: "a delivery van at a crossroads", notSay: []string{"wistful", "lonely", "solitary", "nostalgic", "melancholic", "majestic", "magnificent"}},
	{idea: "a scooter parked by a fountain", notSay: []string{"majestic", "magnificent", "awe-inspiring", "breathtaking"}},
	{idea: "a wet spaniel shaking itself dry on a jetty", notSay: []string{"hushed", "tranquil", "serene", "peaceful", "unhurried"}},
	{idea: "a cable car rattling up a hill", notSay: []string{"hushed", "tranquil", "serene", "peaceful", "unhurried"}},
	// Water a craft lands on is stirred, not a mirror.
	{idea: "a floatplane landing on a fjord", notSay: []string{"flawless mirror", "perfectly still", "glassy"}},
	// What a thing is made of brings no scenery: an oak desk grows no
	// trees, so it stands in a room.
	{idea: "an old camera on an oak shelf", notSay: []string{"slants in from the side", "afternoon sun", "trees", "horizon"}},
	{idea: "a teapot on a bamboo tray", notSay: []string{"bamboo stalks", "grove"}},
	// A mood the parser read from a noun's modifier ("fire" of a fire
	// engine) is no mood of the idea.
	{idea: "a fire engine parked by a hydrant", notSay: []string{"cozy", "snug", "homely", "coziness"}},
	// The palette comes from the subjects' own colours, not a stock
	// garnish.
	{idea: "a raspberry tart on a plate", notSay: []string{"golden tones", "green garnish"}, mustSay: []string{"raspberry red"}},
	{idea: "a bowl of lemon sorbet", notSay: []string{"green garnish"}, mustSay: []string{"lemon yellow"}},
	{idea: "plum cake with custard", notSay: []string{"green garnish"}},
	{idea: "a glass of cherry soda", mustSay: []string{"cherry red"}},
	{idea: "a monk beneath cherry blossoms", notSay: []string{"cherry red"}},
	{idea: "a sprig of orange blossom in a jar", notSay: []string{"orange yellow", "orange red"}},
	// A noun that says what a food tastes of brings no scenery: maple
	// syrup grows no autumn trees.
	{idea: "oatmeal with maple syrup and pecans", notSay: []string{"autumn", "trees", "horizon", "afternoon sun"}},
	{idea: "a maple latte on a cafe counter", notSay: []string{"autumn", "fall colors", "trees"}, notNeg: []string{}},
	// Light follows the place: furniture of a park or garden is outdoors.
	{idea: "two paper lanterns hung on a garden bench", notSay: []string{"window light", "nearby window", "safe inside"}},
	{idea: "a teddy bear left on a park bench", notSay: []string{"window light", "nearby window", "still life"}},
	// Framing: a person with a long thing is seen whole; a craft landing on
	// a planet is on its surface, not in orbit.
	{idea: "a lander touching down on a red planet", notSay: []string{"curve of", "hangs in the sky", "against the black of space", "fills much of the view"}},
	{idea: "an astronaut walking on an ice planet", notSay: []string{"curve of", "black of space", "fills much of the view", "void"}},
	{idea: "a lander resting on the surface of Mars", notSay: []string{"starry", "curve of", "void"}},
	{idea: "a boy with a hockey stick in the fog", notSay: []string{"head-and-shoulders", "head and shoulders"}},
}

func TestFitIdeas(t *testing.T) {
	w := New()
	for _, tt := range fitIdeas {
		for seed := int64(1); seed <= 8; seed++ {
			chaos := 50
			if seed > 4 {
				chaos = 100 // seeds 5 to 8 wander as far as variations go
			}
			ps, err := w.WritePrompts(context.Background(), easel.WriteRequest{Idea: tt.idea, Seed: seed, N: 3, Chaos: chaos})
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range ps {
				where := tt.idea + " seed " + itoa(int(seed)) + " v" + itoa(p.Variation)
				low := strings.ToLower(p.Text)
				for _, s := range tt.notSay {
					if strings.Contains(low, s) {
						t.Errorf("%s: says %q: %s", where, s, p.Text)
					}
				}
				for _, n := range p.Negative {
					for _, s := range tt.notNeg {
						if strings.Contains(n, s) {
							t.Errorf("%s: negative %q: %v", where, n, p.Negative)
						}
					}
				}
				for _, k := range p.Keywords {
					for _, x := range tt.notSay {
						if strings.Contains(k.Text, x) {
							t.Errorf("%s: keyword %q", where, k.Text)
						}
					}
				}
				if len(tt.mustSay) > 0 && !containsAny(low, tt.mustSay) {
					t.Errorf("%s: says none of %q: %s", where, tt.mustSay, p.Text)
				}
			}
		}
	}
}

func containsAny(s string, list []string) bool {
	for _, x := range list {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// TestRoomLightVaries: a room by day is not always lit "through a nearby
// window": the window lines are one choice among the day's own light.
func TestRoomLightVaries(t *testing.T) {
	w := New()
	total, window := 0, 0
	for _, idea := range []string{"a ceramic teapot on a kitchen counter", "a stack of books on a desk",
		"a slice of lemon cake on a plate", "a bowl of miso soup on a tray"} {
		for seed := int64(1); seed <= 8; seed++ {
			ps, err := w.WritePrompts(context.Background(), easel.WriteRequest{Idea: idea, Seed: seed, N: 3, Chaos: 50})
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range ps {
				if p.Scene.TimeOfDay == "night" || says(p.Text, indoorLight) == "" {
					continue
				}
				total++
				if strings.Contains(strings.ToLower(p.Text), "window") {
					window++
				}
			}
		}
	}
	if total < 40 || window*2 > total {
		t.Errorf("%d of %d prompts lit as a room by day speak of a window; want at most half", window, total)
	}
}

// TestMoodWordsNotEchoed: no prompt says a mood twice in two forms
// ("joyful ... a sense of joy", "cozy ... coziness at its heart").
func TestMoodWordsNotEchoed(t *testing.T) {
	var vocab []string
	for _, m := range moods {
		vocab = append(vocab, m.adjs...)
		vocab = append(vocab, m.nouns...)
	}
	w := New()
	for _, idea := range []string{"a birthday picnic with balloons in a garden", "a snug attic bedroom with a quilt",
		"kids splashing in a paddling pool", "a teapot by a fireplace"} {
		for seed := int64(1); seed <= 8; seed++ {
			ps, err := w.WritePrompts(context.Background(), easel.WriteRequest{Idea: idea, Seed: seed, N: 3, Chaos: 100})
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range ps {
				words := strings.FieldsFunc(strings.ToLower(p.Text), func(r rune) bool { return r == ' ' || r == ',' || r == '.' })
				var used []string
				for _, v := range vocab {
					switch v {
					case "warm", "soft", "bright", "quiet", "gentle", "calm", "bold", "life":
						continue // words of light and sound as much as of mood
					}
					if containsWord(words, v) && !containsAny(strings.ToLower(idea), []string{v}) {
						used = append(used, v)
					}
				}
				for i, a := range used {
					for _, b := range used[i+1:] {
						if a != b && sameRoot(a, b) {
							t.Errorf("%q seed %d: %q and %q: %s", idea, seed, a, b, p.Text)
						}
					}
				}
			}
		}
	}
}

func containsWord(words []string, w string) bool {
	for _, x := range words {
		if x == w {
			return true
		}
	}
	return false
}

// sameRoot reports whether two words are one word in two forms: the
// shorter (three letters or more, a final y read as i) begins the longer.
func sameRoot(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) < 3 {
		return false
	}
	return strings.HasPrefix(b, a) || strings.HasSuffix(a, "y") && strings.HasPrefix(b, a[:len(a)-1]+"i")
}

package scene

import (
	"slices"
	"strings"
	"testing"

	"github.com/easel-art/easel"
)

// rel writes a relation as "subject verb prep object".
func rel(r easel.Relation) string {
	var parts []string
	for _, p := range []string{r.Subject, r.Verb, r.Prep, r.Object} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " ")
}

// TestRelations checks the facts that tie things together, on ideas
// written for this test (not from the corpus).
func TestRelations(t *testing.T) {
	tests := []struct {
		idea string
		want []string // relations, each "subject [verb] [prep] object"
	}{
		{"an astronaut sitting on a giant strawberry", []string{"astronaut sitting on strawberry"}},
		{"two kids flying a kite on a hill", []string{"kids flying kite", "kids on hill"}},
		{"a wizard tower above the clouds", []string{"wizard tower above clouds"}},
		{"a sleepy cat curled on a windowsill", []string{"cat curled on windowsill"}},
		{"a brass lamp beside an unmade bed", []string{"lamp beside bed"}},
		{"a frog sheltering under a red mushroom", []string{"frog sheltering under mushroom"}},
		{"a paper boat drifting through a flooded street", []string{"boat drifting through street"}},
		{"a hot air balloon over a patchwork of fields", []string{"hot air balloon over fields"}},
		{"a lighthouse on a cliff above a grey sea", []string{"lighthouse on cliff", "cliff above sea"}},
		{"a knight holding a sword and a shield", []string{"knight holding sword", "knight holding shield"}},
		{"a grandfather reading a newspaper in an armchair", []string{"grandfather reading newspaper", "grandfather in armchair"}},
		{"a girl playing the violin in front of a fountain", []string{"girl playing violin", "girl in front of fountain"}},
		{"two mice sharing a piece of cheese", []string{"mice sharing cheese"}},
		{"a woman in a yellow raincoat waiting at a bus stop", []string{"woman wearing raincoat"}},
		{"a dog and a cat asleep on a sofa", []string{"dog on sofa", "cat asleep on sofa"}},
		{"a girl riding on her grandfather's back", []string{"girl riding on grandfather"}},
		{"a cottage on top of a steep hill", []string{"cottage on top of hill"}},
		{"a desk with a lamp, a pile of letters and an inkwell", []string{"desk with lamp", "desk with letters", "desk with inkwell"}},
		{"a heron, a duck and a kingfisher on a fallen log", []string{"heron on log", "duck on log", "kingfisher on log"}},
		{"a heron wading through a salt marsh", []string{"heron wading through salt marsh"}},
		{"an old man reading a novel on a train", []string{"old man reading novel", "old man on train"}},
		{"a girl drawing a cartoon at a desk", []string{"girl drawing cartoon", "girl at desk"}},
		{"a father and his son flying a paper plane", []string{"father flying plane", "son flying plane"}},
		{"a pantry with jars of jam lined up on the shelves", []string{"pantry with jars", "jars lined up on shelves"}},
		{"a garage with bicycles hanging from the ceiling", []string{"garage with bicycles", "bicycles hanging from ceiling"}},
		{"a gold bracelet with a small charm on white silk", []string{"bracelet with charm"}},
		{"a cupcake with a cherry on top", []string{"cupcake with cherry", "cherry on top of cupcake"}},
		{"a girl with a kite running along the shore", []string{"girl with kite", "girl running along shore"}},
		{"two taxis and a tram at a junction", []string{"taxis at junction", "tram at junction"}},
		{"an old couple waltzing in the rain beneath a lamppost", []string{"couple waltzing in rain", "couple waltzing beneath lamppost"}},
	}
	for _, tt := range tests {
		sc := Parse(tt.idea)
		var got []string
		for _, r := range sc.Relations {
			got = append(got, rel(r))
		}
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("%q: relations %q, want %q among them", tt.idea, got, w)
			}
		}
	}
}

// TestPlace checks where a relation puts its subject for a painter.
func TestPlace(t *testing.T) {
	tests := []struct {
		idea, subject, want string
	}{
		{"an astronaut sitting on a giant strawberry", "astronaut", "above"},
		{"a frog sheltering under a red mushroom", "frog", "below"},
		{"a brass lamp beside an unmade bed", "lamp", "beside"},
		{"five goldfish in a round bowl", "goldfish", "inside"},
		{"a man holding a red umbrella", "man", "holding"},
	}
	for _, tt := range tests {
		sc := Parse(tt.idea)
		rs := sc.RelationsOf(tt.subject)
		if len(rs) == 0 || rs[0].Place() != tt.want {
			t.Errorf("%q: relations of %s %+v, want place %q", tt.idea, tt.subject, rs, tt.want)
		}
	}
}

// TestSubjectFacts checks the facts bound to each noun: counts, colours,
// materials, sizes, plural, on ideas written for this test.
func TestSubjectFacts(t *testing.T) {
	type fact struct {
		noun      string
		count     int
		colors    []string
		materials []string
		size      string
		plural    bool
	}
	tests := []struct {
		idea  string
		facts []fact
		not   []string // nouns that must not be subjects
	}{
		{"an astronaut sitting on a giant strawberry", []fact{{noun: "strawberry", size: "giant"}}, nil},
		{"a tiny hedgehog on an enormous mushroom", []fact{{noun: "hedgehog", size: "tiny"}, {noun: "mushroom", size: "enormous"}}, nil},
		{"half a dozen macarons on a saucer", []fact{{noun: "macarons", count: 6, plural: true}}, []string{"half", "dozen"}},
		{"a dozen brown eggs in a wire basket", []fact{{noun: "eggs", count: 12, colors: []string{"brown"}, plural: true}}, nil},
		{"a pair of red sneakers by the door", []fact{{noun: "sneakers", count: 2, colors: []string{"red"}, plural: true}}, []string{"pair"}},
		{"a couple of otters floating in a kelp bed", []fact{{noun: "otters", count: 2, plural: true}}, []string{"couple"}},
		{"eight orange koi in a green pond", []fact{{noun: "koi", count: 8, colors: []string{"orange"}}}, nil},
		{"seven white candles on a black table", []fact{{noun: "candles", count: 7, colors: []string{"white"}, plural: true}, {noun: "table", colors: []string{"black"}}}, nil},
		{"four yellow roses in a blue jug", []fact{{noun: "roses", count: 4, colors: []string{"yellow"}}, {noun: "jug", colors: []string{"blue"}}}, nil},
		{"a copper kettle on a stone hearth", []fact{{noun: "kettle", materials: []string{"copper"}}}, nil},
		{"a velvet armchair next to a glass lamp", []fact{{noun: "armchair", materials: []string{"velvet"}}, {noun: "lamp", materials: []string{"glass"}}}, nil},
		{"a teal vase with white lilies", []fact{{noun: "vase", colors: []string{"teal"}}}, nil},
		{"waffles stacked on a plate", []fact{{noun: "waffles", plural: true}}, nil},
		{"a zebra in black and white stripes", []fact{{noun: "zebra"}}, []string{"black", "white"}},
		{"a dancer in crimson spinning on a stage", []fact{{noun: "dancer", colors: []string{"crimson"}}}, []string{"crimson"}},
		{"an umbrella, yellow and torn, in a gutter", []fact{{noun: "umbrella", colors: []string{"yellow"}}}, []string{"torn"}},
		{"the soup hot and steaming in a clay bowl", []fact{{noun: "soup"}}, []string{"hot"}},
		{"a herd of bison crossing a frozen river", []fact{{noun: "bison", plural: true}}, []string{"herd"}},
		{"an olive grove in Tuscany", []fact{{noun: "grove"}}, []string{"tuscany"}},
		{"a lighthouse, oil painting, 8k, trending on artstation", []fact{{noun: "lighthouse"}}, []string{"8k", "artstation"}},
		{"a harbor in the style of Monet, soft lighting", []fact{{noun: "harbor"}}, []string{"monet", "style", "lighting"}},
		{"an old steam engine in a museum", []fact{{noun: "engine"}}, nil},
		{"a melon cut in half on a board", []fact{{noun: "melon"}}, []string{"half"}},
		{"a toad with a fly on its long tongue", []fact{{noun: "toad"}}, []string{"tongue"}},
		{"a tortoise with a tiny garden on its back", []fact{{noun: "tortoise"}}, []string{"back"}},
		{"the blue of a summer sky over a wheat field", nil, []string{"blue"}},
		{"streaks of violet above a sleeping town", nil, []string{"violet"}},
		{"a lemon tree in a clay pot", []fact{{noun: "tree"}}, nil},
		{"a field of lavender under a hazy sky", []fact{{noun: "lavender"}}, nil},
		{"three camels resting as the sun goes down", []fact{{noun: "camels", count: 3, plural: true}}, nil},
		{"five goats graze on a steep slope", []fact{{noun: "goats", count: 5, plural: true}}, []string{"graze"}},
		{"a herd of elk graze by a lake", []fact{{noun: "elk", plural: true}}, []string{"graze", "herd"}},
	}
	for _, tt := range tests {
		sc := Parse(tt.idea)
		for _, f := range tt.facts {
			s := subjectFor(sc, f.noun)
			if s == nil {
				t.Errorf("%q: no subject %q in %+v", tt.idea, f.noun, sc.Subjects)
				continue
			}
			if f.count != s.Count {
				t.Errorf("%q: %s count %d, want %d", tt.idea, f.noun, s.Count, f.count)
			}
			for _, c := range f.colors {
				if !slices.Contains(s.Colors, c) {
					t.Errorf("%q: %s colours %q, want %q", tt.idea, f.noun, s.Colors, c)
				}
			}
			for _, m := range f.materials {
				if !slices.Contains(s.Materials, m) {
					t.Errorf("%q: %s materials %q, want %q", tt.idea, f.noun, s.Materials, m)
				}
			}
			if f.size != s.Size {
				t.Errorf("%q: %s size %q, want %q", tt.idea, f.noun, s.Size, f.size)
			}
			if f.noun == "tree" && len(s.Colors) > 0 {
				t.Errorf("%q: %s colours %q: a lemon tree is no lemon-coloured tree", tt.idea, f.noun, s.Colors)
			}
			if f.plural && !s.Plural {
				t.Errorf("%q: %s not plural", tt.idea, f.noun)
			}
			if slices.ContainsFunc(s.Materials, func(m string) bool { return isColor(m) && !isMaterial(m) }) {
				t.Errorf("%q: %s materials %q hold a colour", tt.idea, f.noun, s.Materials)
			}
		}
		for _, n := range tt.not {
			for _, s := range sc.Subjects {
				if s.Noun == n {
					t.Errorf("%q: %q is a subject: %+v", tt.idea, n, sc.Subjects)
				}
			}
		}
	}
}

// TestDomainFromSubject checks that the scene's domain follows its main
// subject and where the idea puts it, not a stray word.
func TestDomainFromSubject(t *testing.T) {
	tests := []struct {
		idea string
		want []string // any of
	}{
		{"a chef cooking in a busy kitchen", []string{"interior"}},
		{"a carpenter sanding a chair in a dusty workshop", []string{"interior"}},
		{"a mechanic under a truck in a garage", []string{"interior"}},
		{"a grandfather dozing by the fireplace", []string{"interior"}},
		{"a girl walking a dog in the park", []string{"field", "garden"}},
		{"a scarecrow in a cornfield at dusk", []string{"field"}},
		{"a flock of geese over a marsh", []string{"bird"}},
		{"a flock of sheep on a hillside", []string{"animal"}},
		{"a couple of penguins on an iceberg", []string{"bird", "animal", "snow"}},
		{"a portrait of a chef in a kitchen", []string{"portrait"}},
		{"a woman painting a portrait in her studio", []string{"interior"}},
		{"a close-up of a sushi roll", []string{"food"}},
		{"a cup of tea in a quiet cafe", []string{"drink", "food"}},
	}
	for _, tt := range tests {
		sc := Parse(tt.idea)
		if !slices.Contains(tt.want, sc.Domain) {
			t.Errorf("%q: domain %q, want one of %q (subjects %+v)", tt.idea, sc.Domain, tt.want, sc.Subjects)
		}
	}
}

// TestSubjectPhrase checks the main subject's phrase and its category for
// counts and groups the lexicon reads in pieces.
func TestSubjectPhrase(t *testing.T) {
	tests := []struct{ idea, subject, noun, category string }{
		{"half a dozen cupcakes on a tray", "half a dozen cupcakes", "cupcakes", ""},
		{"people queuing outside a bakery", "people", "people", "person"},
		{"a crowd cheering at a stadium", "a crowd", "crowd", "person"},
	}
	for _, tt := range tests {
		sc := Parse(tt.idea)
		if sc.Subject != tt.subject {
			t.Errorf("%q: subject %q, want %q", tt.idea, sc.Subject, tt.subject)
		}
		if len(sc.Subjects) == 0 || sc.Subjects[0].Noun != tt.noun || tt.category != "" && sc.Subjects[0].Category != tt.category {
			t.Errorf("%q: subjects %+v, want %s (%s) first", tt.idea, sc.Subjects, tt.noun, tt.category)
		}
	}
}

// TestPluralAgreement: the writer asks Plural whether to say "is" or
// "are"; irregular plurals and counted nouns whose plural is their
// singular are plural, a singular ending in s is not.
func TestPluralAgreement(t *testing.T) {
	for np, want := range map[string]bool{
		"waffles": true, "two sheep": true, "3 fish": true, "feet": true, "oxen": true,
		"geese": true, "a bus": false, "a glass": false, "an octopus": false, "a single goose": false,
		"some scattered crumbs": true,
	} {
		if got := Plural(np); got != want {
			t.Errorf("Plural(%q) = %v, want %v", np, got, want)
		}
	}
}

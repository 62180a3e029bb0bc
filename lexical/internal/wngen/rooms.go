package main

import (
	"regexp"
	"slices"
	"sort"
	"strings"
)

// What stands in each kind of room, from WordNet's own links, most
// telling first:
//
//  1. the room's parts (part meronyms) and those of the rooms it is a
//     kind of: a bathroom has a bathtub, a toilet and a washbasin; a
//     hotel room is a bedroom, which has a bed;
//  2. the furnishings whose definition places them in the room: "a
//     kitchen appliance used for cooking food" (stove), "a sink in a
//     kitchen"; a kind named so ("office furniture", "bedroom
//     furniture") brings its own kinds (file cabinet, bed);
//  3. the furniture whose definition shares a word with the room's: a
//     study is "used for reading and writing", a desk has "a writing
//     surface"; a nursery is "a child's room for a baby", a crib a
//     "baby bed".
//
// Rooms are the synsets of the room category and places of business (an
// office). A room WordNet links nothing to is left out.

// roomsMax is how many furnishings a room lists.
const roomsMax = 16

// roomsGeneric are gloss words too general to link a room to a piece of
// furniture by.
var roomsGeneric = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`room rooms piece furniture house home building place area space person people
	consist consisting contain design designed provide serve keep set aside private establishment residence
	primarily unit large small usually equipped where`) {
		roomsGeneric[w] = true
	}
}

// roomsTable writes rooms.txt: "room TAB furnishing,furnishing,..." for
// every noun lemma with a room sense WordNet links furnishings to.
func roomsTable(nouns map[int]synset, index map[string][]int, counts map[string]int, catOf func(int) int, lz lemmatizer) string {
	ci := func(name string) int {
		return slices.IndexFunc(roots, func(r root) bool { return r.cat == name })
	}
	roomCat, furnCat, devCat, contCat, structCat := ci("room"), ci("furniture"), ci("device"), ci("container"), ci("structure")
	roomRoot := index["room"][0]
	toolCat := ci("tool")
	catRoot := map[int]int{furnCat: index["furniture"][0]}
	isBusiness := under(nouns, index["place_of_business"][0])
	isArtifact := under(nouns, index["artifact"][0])
	isAppliance := under(nouns, index["appliance"][1]) // durable goods for home or office use
	isRoom := func(o int) bool { return o != roomRoot && (catOf(o) == roomCat || isBusiness(o)) }
	furnishable := func(o int) bool {
		c := catOf(o)
		return isArtifact(o) && c != toolCat && (c == furnCat || c == devCat || c == contCat || c == structCat || c < 0 || isAppliance(o))
	}
	name := func(o int) string { return strings.ToLower(nouns[o].words[0]) }
	freq := func(o int) int { return counts[strings.ReplaceAll(name(o), " ", "_")+"%1"] }

	offs := make([]int, 0, len(nouns))
	for o := range nouns {
		offs = append(offs, o)
	}
	sort.Ints(offs)
	// Furnishings by their definitions' words, and the kinds of each.
	hypos := map[int][]int{}
	for _, o := range offs {
		for _, h := range nouns[o].hyper {
			hypos[h] = append(hypos[h], o)
		}
	}
	firstClause := func(o int) string {
		g, _, _ := strings.Cut(nouns[o].gloss, ";")
		return strings.ToLower(g)
	}
	contentWords := func(o int) map[string]bool {
		m := map[string]bool{}
		for _, w := range glossWords(synset{gloss: firstClause(o)}, lz) {
			if !roomsGeneric[w] {
				m[w] = true
			}
		}
		return m
	}

	var furnishings, furniture []int
	clause := map[int]string{}
	words := map[int]map[string]bool{}
	for _, o := range offs {
		if !furnishable(o) || nouns[o].instance {
			continue
		}
		furnishings = append(furnishings, o)
		clause[o] = firstClause(o)
		if catOf(o) == furnCat && freq(o) > 0 {
			furniture = append(furniture, o)
			words[o] = contentWords(o)
		}
	}

	byRoom := map[string][]int{} // lemma → its room senses, in sense order
	var lemmas []string
	for w, os := range index {
		for _, o := range os {
			if isRoom(o) {
				if byRoom[w] == nil {
					lemmas = append(lemmas, w)
				}
				byRoom[w] = append(byRoom[w], o)
			}
		}
	}
	sort.Strings(lemmas)
	var b strings.Builder
	for _, w := range lemmas {
		var found []int
		seen := map[int]bool{}
		add := func(tier []int) {
			sort.SliceStable(tier, func(i, j int) bool { return freq(tier[i]) > freq(tier[j]) })
			for _, o := range tier {
				if !seen[o] {
					seen[o] = true
					found = append(found, o)
				}
			}
		}
		var parts, placed, shared []int
		for _, r := range byRoom[w] {
			// The room and the rooms it is a kind of, up to room itself.
			chain := []int{r}
			for i := 0; i < len(chain); i++ {
				for _, h := range nouns[chain[i]].hyper {
					if isRoom(h) && !slices.Contains(chain, h) {
						chain = append(chain, h)
					}
				}
			}
			for _, c := range chain {
				for _, p := range nouns[c].parts {
					if furnishable(p) {
						parts = append(parts, p)
					}
				}
			}
			// Furnishings of a kind named for the room or a room it is
			// a kind of (a stove is a "kitchen appliance"), or whose
			// definition places them in it ("a sink in a kitchen",
			// "booth for washing yourself, usually in a bathroom").
			var pats []*regexp.Regexp
			var names []string
			for i, c := range chain {
				n := name(c)
				if i == 0 {
					n = strings.ReplaceAll(w, "_", " ")
				}
				names = append(names, n)
				pats = append(pats, regexp.MustCompile(`\b(in|of|for|into) (a|an|the) `+regexp.QuoteMeta(n)+`\b`))
			}
			named := func(o int) bool {
				return slices.ContainsFunc(names, func(n string) bool { return strings.HasPrefix(name(o), n+" ") })
			}
			for _, o := range furnishings {
				g := clause[o]
				if slices.ContainsFunc(nouns[o].hyper, named) ||
					slices.ContainsFunc(names, func(n string) bool { return strings.Contains(g, n) }) &&
						slices.ContainsFunc(pats, func(p *regexp.Regexp) bool { return p.MatchString(g) }) {
					placed = append(placed, o)
				}
			}
			// Furniture sharing a word of the room's definition, if
			// WordNet's tagged texts name it at all.
			rw := contentWords(r)
			for _, o := range furniture {
				for x := range words[o] {
					if rw[x] {
						shared = append(shared, o)
						break
					}
				}
			}
		}
		add(parts)
		add(placed)
		add(shared)
		var names []string
		for _, o := range found {
			n := name(o)
			if len(names) == roomsMax {
				break
			}
			if catOf(o) >= 0 && slices.Contains(nouns[o].hyper, catRoot[catOf(o)]) && slices.ContainsFunc(hypos[o], func(h int) bool { return seen[h] }) {
				continue // "bedroom furniture": a kind of furniture whose kinds are here
			}
			if len(nouns[o].hyper) > 0 {
				n += ">" + name(nouns[o].hyper[0]) // what kind of thing it is, for a drawing
			}
			if !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
		if len(names) == 0 {
			continue
		}
		b.WriteString(strings.ReplaceAll(w, "_", " "))
		b.WriteByte('\t')
		b.WriteString(strings.Join(names, ","))
		b.WriteByte('\n')
	}
	return b.String()
}

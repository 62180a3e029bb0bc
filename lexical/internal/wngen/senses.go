package main

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/easel-art/easel/lexical"
)

// catWeight is one category of a noun, the evidence for it (w) and its
// share of all the noun's evidence in percent (weight).
type catWeight struct {
	cat    string
	w      float64
	weight int
}

// maxCats is how many categories the table keeps per noun: the likely one
// and the few that context may choose instead.
const maxCats = 4

// figurative finds a person sense that describes someone by a likeness:
// "a fierce or audacious person", "a changeable or inconstant person".
var figurative = regexp.MustCompile(`^\(?a (\w+ ){1,3}(or \w+ )?(person|man|woman)\b|^(someone|somebody|a person) (who|whose) (is|acts|behaves)\b`)

// animalCats are the categories of animals.
var animalCats = map[string]bool{
	"mammal": true, "sea mammal": true, "bird": true, "fish": true, "reptile": true,
	"amphibian": true, "insect": true, "sea creature": true, "animal": true,
}

// edibleParts are the categories of what people eat of a plant.
var edibleParts = map[string]bool{"fruit": true, "vegetable": true}

var foodOfAnimal = regexp.MustCompile(`^(the )?(flesh|meat|tentacles|legs?) of|prepared as food`)

// attribute categories name what a thing is made of or looks like: a
// noun takes one only when none of its senses is a thing ("cherry" is a
// fruit before it is a wood or a colour).
var attribute = map[string]bool{"material": true, "color": true, "shape": true}

// sense is one sense of a noun as the generator weighs it.
type sense struct {
	off    int
	cat    string
	count  int     // tags in WordNet's semantic concordance (cntlist.rev)
	weight float64 // the evidence for it
	why    string  // what changed its weight, for -explain
}

// nounSenses weighs the senses of noun w by WordNet's own evidence: its
// tag count in the semantic concordance, and for senses never tagged their
// place in index.noun's order. Evidence that a sense is not what a person
// means by the bare word lowers its weight:
//   - it is a name ("Burger") where the word has a common sense;
//   - WordNet names it first by a longer compound that holds the word
//     ("home plate", "baseball glove"), or lists such a compound among its
//     words ("peacock butterfly"): a person who means it types that;
//   - the word comes late among the synset's names ("mug" is the ninth
//     name of a gullible person);
//   - WordNet marks it as regional ("(Great Britain) a closed railroad
//     car") or as a usage (slang, offensive);
//   - it only likens a person to the animal the word also names ("tiger":
//     a fierce or audacious person; "whale": a very large person), unless
//     the corpus tags it often (a kid is a young person);
//   - it is an animal's flesh as food where the word names the animal;
//   - it is a plant where the word also names the fruit or vegetable
//     people eat of it ("cherry": the tree and the fruit);
//   - it is an attribute (material, colour, shape) where the word also
//     names a thing ("oak": the wood and the tree).
func nounSenses(w string, offs []int, nouns map[int]synset, counts map[string]int, catOf func(int) int, flowerIdx int) []sense {
	word := strings.ReplaceAll(w, "_", " ")
	common := slices.ContainsFunc(offs, func(o int) bool { return !proper(nouns[o], w) })
	var out []sense
	for i, o := range offs {
		s := sense{off: o, count: counts[w+"%1#"+strconv.Itoa(i+1)]}
		if c := catOf(o); c >= 0 {
			s.cat = roots[c].cat
			if s.cat == "plant" && flowerGloss.MatchString(nouns[o].gloss) {
				s.cat = roots[flowerIdx].cat
			}
		}
		s.weight = float64(s.count) + prior(i)
		if common && proper(nouns[o], w) {
			s.weight, s.why = 0, "name"
		}
		out = append(out, s)
	}
	has := func(pred func(string) bool) bool {
		return slices.ContainsFunc(out, func(s sense) bool { return s.cat != "" && pred(s.cat) })
	}
	hasAnimal := has(func(c string) bool { return animalCats[c] })
	hasEdible := has(func(c string) bool { return edibleParts[c] })
	hasThing := has(func(c string) bool { return !attribute[c] })
	for i := range out {
		s := &out[i]
		syn := nouns[s.off]
		head := syn.words[0]
		def, _, _ := strings.Cut(syn.gloss, ";")
		switch {
		case s.why == "name":
		case !strings.EqualFold(head, word) && containsWord(strings.ToLower(head), word):
			// Its tags are the compound's: only its place counts.
			s.weight, s.why = prior(i)/3, "short for "+head
		case slices.ContainsFunc(syn.words[1:], func(x string) bool {
			return !strings.EqualFold(x, word) && containsWord(strings.ToLower(x), word)
		}):
			s.weight, s.why = s.weight*0.7, "also a compound"
		}
		// WordNet lists a synset's usual name first: the further down the
		// word comes, the rarer a name it is for the thing ("chump, fool,
		// gull, mark, patsy, fall guy, sucker, soft touch, mug"). Tags are
		// evidence of their own: only the untagged share is lowered.
		if p := synonymPlace(syn.words, word); p > 0 && s.why == "" {
			s.weight, s.why = float64(s.count)+(s.weight-float64(s.count))/float64(p+1), "synonym "+strconv.Itoa(p+1)
		}
		switch syn.domain {
		case 'r':
			s.weight, s.why = s.weight*0.5, s.why+" regional"
		case 'u':
			s.weight, s.why = s.weight*0.3, s.why+" usage"
		}
		switch {
		case s.cat == "person" && hasAnimal && s.count < 5 && figurative.MatchString(def):
			s.weight, s.why = s.weight*0.1, "likeness"
		case animalCats[s.cat] == false && hasAnimal && foodOfAnimal.MatchString(syn.gloss):
			s.weight, s.why = s.weight*0.3, "animal as food"
		case (s.cat == "plant" || s.cat == "tree") && hasEdible:
			s.weight, s.why = s.weight*0.3, "plant of the fruit"
		case attribute[s.cat] && hasThing:
			s.weight, s.why = s.weight*0.2, "attribute"
		}
	}
	return out
}

// prior is what an untagged sense weighs by its place in index.noun,
// which orders the tagged senses by their counts but the untagged ones
// only as the lexicographers wrote them: weak evidence, so it falls
// gently ("red fox": a flower, then two foxes, is a fox).
func prior(i int) float64 { return 0.3 / (1 + 0.1*float64(i)) }

// synonymPlace is where word comes among a synset's names, not counting
// its own spellings before it ("hotdog, hot dog": first).
func synonymPlace(words []string, word string) int {
	squash := func(s string) string {
		return strings.NewReplacer(" ", "", "-", "").Replace(strings.ToLower(s))
	}
	p := 0
	for _, x := range words {
		if strings.EqualFold(x, word) {
			return p
		}
		if squash(x) != squash(word) {
			p++
		}
	}
	return -1
}

// containsWord reports whether phrase s holds w as whole words.
func containsWord(s, w string) bool {
	s = " " + strings.ReplaceAll(s, "-", " ") + " "
	return strings.Contains(s, " "+w+" ")
}

// nounCategory lists the categories of noun w with the evidence for each,
// in the order of its senses (rankCategories orders them): each category
// weighs what its senses weigh (nounSenses). Senses with no category (events, acts, groups, body
// parts) weigh too: where the corpus tags them and they outweigh all the
// categorised ones three times over, the word is mostly something else and
// stays uncategorised (wave: "a ridge that moves across water" is an event;
// a head is a body part). A group of people counts half, as a picture
// shows it by its place or its people (a church, a village); a made thing
// (a fork as cutlery) is no evidence against drawing it.
func nounCategory(w string, offs []int, nouns map[int]synset, counts map[string]int, catOf func(int) int, flowerIdx int, isGroup, isArtifact func(int) bool) []catWeight {
	senses := nounSenses(w, offs, nouns, counts, catOf, flowerIdx)
	none, some, tags := 0.0, 0.0, 0
	for _, s := range senses {
		switch {
		case s.cat != "":
			some += s.weight
		case isGroup(s.off):
			none += s.weight / 2
			tags += s.count
		case isArtifact(s.off):
			// A made thing is drawn as what it is (a fork, a screen).
		default:
			none += s.weight
			tags += s.count
		}
	}
	if tags >= 5 && none >= 3*some {
		return nil
	}
	var cats []catWeight
	for _, s := range senses {
		if s.cat == "" || s.weight == 0 {
			continue
		}
		if j := slices.IndexFunc(cats, func(a catWeight) bool { return a.cat == s.cat }); j >= 0 {
			cats[j].w += s.weight
		} else {
			cats = append(cats, catWeight{cat: s.cat, w: s.weight})
		}
	}
	return cats
}

// rankCategories orders a noun's categories by their weight, its family's
// first, and keeps the likeliest few with their share in percent. head,
// for a compound, is its head word's categories: a category the head word
// has gains by its share there ("red fox": a flower and a fox in WordNet;
// a fox is a mammal).
func rankCategories(cats []catWeight, head []catWeight) []catWeight {
	if len(cats) == 0 {
		return nil
	}
	cats = slices.Clone(cats)
	headTotal := 0
	for _, h := range head {
		headTotal += h.weight
	}
	for i := range cats {
		for _, h := range head {
			if h.cat == cats[i].cat && headTotal > 0 {
				cats[i].w *= 1 + 2*float64(h.weight)/float64(headTotal)
			}
		}
	}
	total := 0.0
	fam := map[string]float64{}
	for _, c := range cats {
		total += c.w
		fam[family(c.cat)] += c.w
	}
	slices.SortStableFunc(cats, func(a, b catWeight) int {
		fa, fb := fam[family(a.cat)], fam[family(b.cat)]
		switch {
		case fa > fb:
			return -1
		case fa < fb:
			return 1
		case a.w > b.w:
			return -1
		case a.w < b.w:
			return 1
		}
		return 0 // stable: the earlier sense first
	})
	cats = cats[:min(len(cats), maxCats)]
	for i := range cats {
		cats[i].weight = int(100*cats[i].w/total + 0.5)
	}
	return cats
}

// family is the family of a category as package lexical groups them
// (lexical.Family): the evidence of a family's categories adds up, so a
// "hot dog" is a sandwich and a sausage (food) before a stunt performer.
func family(c string) string { return lexical.Family(c) }

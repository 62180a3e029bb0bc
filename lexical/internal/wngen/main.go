// Command wngen turns WordNet 3.0 (Debian's wordnet-base, under
// /usr/share/wordnet) into the compact tables package lexical embeds:
// words.txt, every lemma of every part of speech with its tagged-corpus
// frequency and, for nouns, a category from its hypernyms; and forms.txt,
// WordNet's irregular plurals and verb forms. Run it through
// `go generate ./lexical` after `apt-get install wordnet-base`.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// roots names the synsets whose hyponyms form each category, nearest
// first: a noun takes the category of the closest root above it in its
// hypernym chain (ties go to the earlier line). Only these categories are
// written by hand; every noun's category comes from WordNet.
var roots = []root{
	{"person", []string{"person.n.01"}, false},
	{"creature", []string{"imaginary_being.n.01", "mythical_monster.n.01", "monster.n.01", "spiritual_being.n.01"}, false},
	{"sea mammal", []string{"cetacean.n.01", "pinniped_mammal.n.01", "sea_cow.n.01"}, false},
	{"mammal", []string{"mammal.n.01", "young_mammal.n.01"}, false},
	{"bird", []string{"bird.n.01", "young_bird.n.01"}, false},
	{"fish", []string{"fish.n.01"}, false},
	{"reptile", []string{"reptile.n.01"}, false},
	{"amphibian", []string{"amphibian.n.03"}, false},
	{"insect", []string{"insect.n.01", "arachnid.n.01"}, false},
	{"sea creature", []string{"mollusk.n.01", "crustacean.n.01", "coelenterate.n.01", "echinoderm.n.01"}, false},
	{"animal", []string{"animal.n.01"}, true},
	{"flower", []string{"flower.n.01", "flower.n.02"}, false},
	{"tree", []string{"tree.n.01"}, false},
	{"plant", []string{"plant.n.02", "fungus.n.01", "vegetation.n.01"}, true},
	{"fruit", []string{"edible_fruit.n.01", "fruit.n.01"}, false},
	{"vegetable", []string{"vegetable.n.01"}, false},
	{"cake", []string{"cake.n.03"}, false},
	{"bread", []string{"bread.n.01"}, false},
	{"cookie", []string{"cookie.n.01"}, false},
	{"pastry", []string{"pastry.n.02", "baked_goods.n.01"}, false},
	{"sandwich", []string{"sandwich.n.01"}, false},
	{"soup", []string{"soup.n.01"}, false},
	{"salad", []string{"salad.n.01"}, false},
	{"pasta", []string{"pasta.n.01", "pasta.n.02"}, false},
	{"pie", []string{"pie.n.01"}, false},
	{"dessert", []string{"dessert.n.01", "frozen_dessert.n.01"}, false},
	{"candy", []string{"candy.n.01"}, false},
	{"dish", []string{"dish.n.02"}, false},
	{"drink", []string{"beverage.n.01"}, false},
	{"food", []string{"food.n.01", "food.n.02", "foodstuff.n.02"}, true},
	{"spacecraft", []string{"spacecraft.n.01"}, false},
	{"aircraft", []string{"aircraft.n.01"}, false},
	{"bus", []string{"bus.n.01"}, false},
	{"truck", []string{"truck.n.01"}, false},
	{"train", []string{"train.n.01", "locomotive.n.01", "streetcar.n.01", "car.n.02"}, false},
	{"bicycle", []string{"bicycle.n.01"}, false},
	{"motorcycle", []string{"motorcycle.n.01"}, false},
	{"car", []string{"car.n.01", "motor_vehicle.n.01"}, false},
	{"boat", []string{"boat.n.01", "ship.n.01", "vessel.n.02"}, false},
	{"vehicle", []string{"vehicle.n.01"}, true},
	{"tower", []string{"tower.n.01"}, false},
	{"bridge", []string{"bridge.n.01"}, false},
	{"room", []string{"room.n.01"}, false},
	{"building", []string{"building.n.01", "house.n.01", "dwelling.n.01"}, false},
	{"furniture", []string{"furniture.n.01"}, false},
	{"jewelry", []string{"jewelry.n.01"}, false},
	{"clothing", []string{"clothing.n.01", "footwear.n.02", "headdress.n.01", "garment.n.01"}, false},
	{"instrument", []string{"musical_instrument.n.01"}, false},
	{"toy", []string{"plaything.n.01"}, false},
	{"weapon", []string{"weapon.n.01"}, false},
	// A wheeled vehicle is a container too in WordNet; a tractor is seen
	// as a vehicle.
	{"vehicle", []string{"wheeled_vehicle.n.01"}, false},
	{"container", []string{"container.n.01", "crockery.n.01", "flatware.n.01"}, false},
	{"tool", []string{"tool.n.01"}, false},
	{"device", []string{"device.n.01", "machine.n.01", "equipment.n.01"}, true},
	{"artwork", []string{"sculpture.n.01", "statue.n.01", "painting.n.01"}, false},
	{"structure", []string{"structure.n.01"}, true},
	{"landform", []string{"geological_formation.n.01"}, false},
	{"water", []string{"body_of_water.n.01"}, false},
	{"celestial body", []string{"celestial_body.n.01"}, false},
	{"settlement", []string{"municipality.n.01", "settlement.n.06"}, false},
	{"land", []string{"tract.n.01", "land.n.04"}, false},
	{"shape", []string{"shape.n.02", "plane_figure.n.01", "solid.n.03"}, false},
	{"color", []string{"chromatic_color.n.01", "achromatic_color.n.01"}, false},
	{"material", []string{"material.n.01", "metal.n.01", "fabric.n.01", "glass.n.01", "wood.n.01", "plastic.n.01", "paper.n.01", "leather.n.01", "ceramic.n.01", "stone.n.02"}, false},
}

// flowerGloss finds plants WordNet files under herb or shrub whose
// definition says they are grown for their flowers ("tulip": "... a single
// showy flower").
var flowerGloss = regexp.MustCompile(`\b(showy|large|fragrant|colorful|bright|white|yellow|red|pink|purple|blue) (\w+ )?(flowers?|blossoms?|blooms?)\b|cultivated for (its|their) (flowers|blossoms|blooms)`)

// wordInfo is what the tables say of one lemma.
type wordInfo struct {
	freq [4]int // n v a r
	cats []catWeight
	hue  string // the colour its definition gives it ("Mars": "a small reddish planet")
	of   string // for an adjective: the material or colour noun it comes from
	ctx  []ctxWeight
}

// catsOrNil is the lemma's categories, nil for no lemma.
func (l *wordInfo) catsOrNil() []catWeight {
	if l == nil {
		return nil
	}
	return l.cats
}

// root is one category and the synsets it starts from. A generic
// category (animal, vehicle, ...) is taken only when no specific one is
// above the noun at any distance: a dog is a mammal before it is a
// domestic animal.
type root struct {
	cat     string
	synsets []string // lemma.n.NN: the NN-th sense of lemma in index.noun
	generic bool
}

type synset struct {
	pos   byte
	words []string // as written (case kept)
	hyper []int    // @ and @i
	gloss string
	deriv []deriv // + pointers to nouns
	parts []int   // %p: its part meronyms ("bathroom": bathtub, toilet, washbasin)
	// instance marks a named individual ("Gray, Thomas Gray: English
	// poet"), not a kind of thing.
	instance bool
	// domain is the kind of domain WordNet marks the synset with: 'r'
	// for a region ("(Great Britain) a closed railroad car"), 'u' for a
	// usage (slang, offensive), 0 for none.
	domain byte
}

// deriv is a derivational link from word src of a synset to a noun synset.
type deriv struct {
	src, off int
}

func main() {
	dir := flag.String("wordnet", "/usr/share/wordnet", "WordNet 3.0 dict directory")
	out := flag.String("out", ".", "output directory")
	verbose := flag.Bool("v", false, "print the roots as resolved")
	explain := flag.String("explain", "", "print how the senses of these nouns (comma-separated) are weighed, and write nothing")
	flag.Parse()
	log.SetFlags(0)

	nouns := readData(filepath.Join(*dir, "data.noun"))
	counts := readCounts(filepath.Join(*dir, "cntlist.rev"))

	type lemma = wordInfo
	lemmas := map[string]*lemma{}
	get := func(w string) *lemma {
		l := lemmas[w]
		if l == nil {
			l = &lemma{}
			lemmas[w] = l
		}
		return l
	}
	indexes := map[string]map[string][]int{}
	for pi, pos := range []string{"noun", "verb", "adj", "adv"} {
		idx := readIndex(filepath.Join(*dir, "index."+pos))
		indexes[pos] = idx
		for w, offs := range idx {
			l := get(w)
			// Frequency: the lemma's tagged-corpus count (SemCor, in
			// cntlist.rev) plus one, so every part of speech it has is seen.
			l.freq[pi] = 1 + counts[w+"%"+strconv.Itoa(pi+1)]
			if pi == 2 {
				l.freq[pi] += counts[w+"%5"] // adjective satellites
			}
			_ = offs
		}
	}

	// Resolve the category roots.
	rootCat := map[int]int{} // synset offset → index in roots
	for ri, r := range roots {
		for _, s := range r.synsets {
			parts := strings.Split(s, ".")
			n, _ := strconv.Atoi(parts[2])
			offs := indexes["noun"][parts[0]]
			if n < 1 || n > len(offs) {
				log.Fatalf("wngen: root %s not found", s)
			}
			off := offs[n-1]
			if _, dup := rootCat[off]; !dup {
				rootCat[off] = ri
			}
			if *verbose {
				fmt.Fprintf(os.Stderr, "%-14s %-26s %s: %.60s\n", r.cat, s, strings.Join(nouns[off].words, ","), nouns[off].gloss)
			}
		}
	}
	cache := map[int]int{}
	var catOf func(off int) int
	catOf = func(off int) int {
		if c, ok := cache[off]; ok {
			return c
		}
		// Breadth first: the nearest root wins.
		type at struct{ off, d int }
		seen := map[int]bool{off: true}
		queue := []at{{off, 0}}
		best, bestD, generic := -1, 1<<30, -1
		for len(queue) > 0 {
			q := queue[0]
			queue = queue[1:]
			if q.d > bestD {
				break
			}
			if ri, ok := rootCat[q.off]; ok && !roots[ri].generic {
				if q.d < bestD || ri < best {
					best, bestD = ri, q.d
				}
				continue
			}
			if ri, ok := rootCat[q.off]; ok && generic < 0 {
				generic = ri
			}
			for _, h := range nouns[q.off].hyper {
				if !seen[h] {
					seen[h] = true
					queue = append(queue, at{h, q.d + 1})
				}
			}
		}
		if best < 0 {
			best = generic
		}
		cache[off] = best
		return best
	}
	flowerIdx := slices.IndexFunc(roots, func(r root) bool { return r.cat == "flower" })
	isGroup := under(nouns, indexes["noun"]["social_group"][0])
	isArtifact := under(nouns, indexes["noun"]["artifact"][0])
	if *explain != "" {
		for _, w := range strings.Split(*explain, ",") {
			w = strings.ReplaceAll(strings.TrimSpace(w), " ", "_")
			fmt.Printf("%s: %v\n", w, rankCategories(nounCategory(w, indexes["noun"][w], nouns, counts, catOf, flowerIdx, isGroup, isArtifact), nil))
			for i, s := range nounSenses(w, indexes["noun"][w], nouns, counts, catOf, flowerIdx) {
				fmt.Printf("  %2d %-14s n=%-3d w=%-6.2f %-22s %s: %.50s\n", i+1, s.cat, s.count, s.weight, s.why, strings.Join(nouns[s.off].words, ","), nouns[s.off].gloss)
			}
		}
		return
	}
	// Single words first: a compound's categories are ordered by its
	// head word's ("red fox" by "fox").
	evidence := map[string][]catWeight{}
	for w, offs := range indexes["noun"] {
		evidence[w] = nounCategory(w, offs, nouns, counts, catOf, flowerIdx, isGroup, isArtifact)
		if !strings.ContainsAny(w, "_-") {
			lemmas[w].cats = rankCategories(evidence[w], nil)
		}
	}
	for w, offs := range indexes["noun"] {
		if i := strings.LastIndexAny(w, "_-"); i >= 0 {
			lemmas[w].cats = rankCategories(evidence[w], lemmas[w[i+1:]].catsOrNil())
		}
		if len(lemmas[w].cats) > 0 {
			lemmas[w].hue = glossColour(w, offs, nouns, lemmas[w].cats[0].cat, catOf, flowerIdx)
		}
	}

	// Adjectives of a material or a colour ("wooden", "golden", "silken")
	// name the noun they come from.
	adjs := readData(filepath.Join(*dir, "data.adj"))
	adjOffs := make([]int, 0, len(adjs))
	for o := range adjs {
		adjOffs = append(adjOffs, o)
	}
	sort.Ints(adjOffs) // the first link in file order wins, every run
	for _, o := range adjOffs {
		a := adjs[o]
		for _, d := range a.deriv {
			if d.src < 1 || d.src > len(a.words) {
				continue
			}
			w := strings.ToLower(strings.ReplaceAll(a.words[d.src-1], " ", "_"))
			n := nouns[d.off]
			c := catOf(d.off)
			if c < 0 || (roots[c].cat != "material" && roots[c].cat != "color") || lemmas[w] == nil || lemmas[w].of != "" {
				continue
			}
			lemmas[w].of = strings.ToLower(n.words[0])
		}
	}

	// What each word speaks of, for choosing among a noun's categories
	// by the other words of an idea.
	lz := lemmatizer{known: map[string]bool{}, exc: map[string]string{}}
	for w := range lemmas {
		if !strings.ContainsAny(w, "_-") {
			lz.known[w] = true
		}
	}
	for _, pos := range []string{"noun", "verb", "adj"} {
		for _, line := range readLines(filepath.Join(*dir, pos+".exc")) {
			if f := strings.Fields(line); len(f) >= 2 {
				lz.exc[f[0]] = f[1]
			}
		}
	}
	topCat := map[string]int{}
	for w, l := range lemmas {
		// Only a noun that is clearly one thing says what its gloss is
		// about (a "sub" may be a sandwich or a submarine).
		if len(l.cats) > 0 && !strings.ContainsAny(w, "_-") && (len(l.cats) == 1 || 100-sumWeights(l.cats[1:]) >= 80) {
			topCat[w] = slices.IndexFunc(roots, func(r root) bool { return r.cat == l.cats[0].cat })
		}
	}
	docs := []map[int]synset{nouns, adjs, readData(filepath.Join(*dir, "data.verb"))}
	vocab := contextVocabulary(docs, catOf, lz, topCat)
	for w, l := range lemmas {
		l.ctx = vocab[w]
	}

	// words.txt: sorted, one lemma a line: lemma TAB nF:cat vF aF>noun rF
	// (parts it lacks left out; F is the tagged-corpus count plus one). Multi-word lemmas keep their spaces.
	// A hyphenated noun is also written with spaces, as people type it
	// ("hot-air balloon", "hot air balloon"), where WordNet has no such
	// lemma of its own.
	for w, l := range lemmas {
		if v := strings.ReplaceAll(w, "-", "_"); v != w && l.freq[0] > 0 && lemmas[v] == nil && !strings.HasPrefix(w, "-") {
			lemmas[v] = &lemma{freq: [4]int{l.freq[0]}, cats: l.cats, hue: l.hue}
		}
	}
	keys := make([]string, 0, len(lemmas))
	for w := range lemmas {
		if strings.ContainsAny(w, "0123456789") || strings.Count(w, "_") > 2 {
			continue
		}
		keys = append(keys, strings.ReplaceAll(w, "_", " "))
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString(header)
	tags := "nvar"
	for _, k := range keys {
		l := lemmas[strings.ReplaceAll(k, " ", "_")]
		b.WriteString(k)
		b.WriteByte('\t')
		first := true
		for i, f := range l.freq {
			if f == 0 {
				continue
			}
			if !first {
				b.WriteByte(' ')
			}
			first = false
			b.WriteByte(tags[i])
			b.WriteString(strconv.Itoa(f))
			if i == 0 && len(l.cats) > 0 {
				b.WriteByte(':')
				// Category names keep no spaces in the table:
				// "celestial_body"; each after the first carries its
				// share of the evidence: "person/mammal=5/material=3"
				// (the first's is the rest).
				for ci, c := range l.cats {
					if ci > 0 {
						fmt.Fprintf(&b, "/%s=%d", strings.ReplaceAll(c.cat, " ", "_"), c.weight)
					} else {
						b.WriteString(strings.ReplaceAll(c.cat, " ", "_"))
					}
				}
				if l.hue != "" {
					b.WriteByte('~')
					b.WriteString(l.hue)
				}
			}
			if i == 2 && l.of != "" {
				b.WriteByte('>')
				b.WriteString(l.of)
			}
		}
		// x: the categories the word speaks of in WordNet's glosses, and
		// how strongly: "xbird6,tree4".
		for ci, c := range l.ctx {
			if ci == 0 {
				b.WriteString(" x")
			} else {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, "%s%d", strings.ReplaceAll(c.cat, " ", "_"), c.score)
		}
		b.WriteByte('\n')
	}
	words := b.String()
	write(filepath.Join(*out, "words.txt"), words)

	// prefixes.txt: where the lemmas of each first two bytes start in
	// words.txt, so a lookup searches a few hundred lines, not all.
	var ix strings.Builder
	ix.WriteString(header) // no tab: the loader passes it over
	last := ""
	for off := 0; off < len(words); {
		end := strings.IndexByte(words[off:], '\n') + off
		line := words[off:end]
		if line != "" && line[0] != '#' {
			p := line[:min(2, strings.IndexByte(line, '\t'))]
			if p != last {
				fmt.Fprintf(&ix, "%s\t%d\n", p, off)
				last = p
			}
		}
		off = end + 1
	}
	fmt.Fprintf(&ix, "\t%d\n", len(words))
	write(filepath.Join(*out, "prefixes.txt"), ix.String())

	// forms.txt: irregular forms, "form TAB pos lemma".
	b.Reset()
	b.WriteString(header)
	for _, pos := range []string{"noun", "verb"} {
		for _, line := range readLines(filepath.Join(*dir, pos+".exc")) {
			f := strings.Fields(line)
			if len(f) < 2 || strings.ContainsAny(f[0], "0123456789") {
				continue
			}
			fmt.Fprintf(&b, "%s\t%c %s\n", strings.ReplaceAll(f[0], "_", " "), pos[0], strings.ReplaceAll(f[1], "_", " "))
		}
	}
	write(filepath.Join(*out, "forms.txt"), b.String())

	// rooms.txt: what stands in each kind of room (rooms.go).
	write(filepath.Join(*out, "rooms.txt"), header+roomsTable(nouns, indexes["noun"], counts, catOf, lz))
}

// glossHue finds a colour in a definition: "reddish", "red", "tawny".
var glossHue = regexp.MustCompile(`\b(red|reddish|orange|orangish|yellow|yellowish|green|greenish|blue|bluish|purple|purplish|violet|pink|pinkish|brown|brownish|black|blackish|white|whitish|grey|gray|grayish|golden|silver|silvery|tawny)\b`)

// glossColour is the first colour word in the definition of w's first
// sense of category cat, folded to its base ("reddish" → "red").
func glossColour(w string, offs []int, nouns map[int]synset, cat string, catOf func(int) int, flowerIdx int) string {
	for _, o := range offs {
		c := catOf(o)
		if c < 0 {
			continue
		}
		rc := roots[c].cat
		if rc == "plant" && flowerGloss.MatchString(nouns[o].gloss) {
			rc = roots[flowerIdx].cat
		}
		if rc != cat {
			continue
		}
		def, _, _ := strings.Cut(nouns[o].gloss, ";") // the definition, not its examples
		m := glossHue.FindString(def)
		switch m {
		case "reddish":
			m = "red"
		case "orangish":
			m = "orange"
		case "yellowish":
			m = "yellow"
		case "greenish":
			m = "green"
		case "bluish":
			m = "blue"
		case "purplish":
			m = "purple"
		case "pinkish":
			m = "pink"
		case "brownish", "tawny":
			m = "brown"
		case "blackish":
			m = "black"
		case "whitish":
			m = "white"
		case "gray", "grayish":
			m = "grey"
		case "silvery":
			m = "silver"
		}
		return m
	}
	return ""
}

const header = "# Generated by lexical/internal/wngen from WordNet 3.0 (see LICENSE.wordnet). DO NOT EDIT.\n"

// proper reports whether the synset writes w only as a name (capitalised):
// "Moon, moon" is the moon as well.
func proper(s synset, w string) bool {
	name := false
	for _, x := range s.words {
		if strings.EqualFold(x, w) {
			if x == strings.ToLower(x) {
				return false
			}
			name = true
		}
	}
	return name
}

// under returns a test of whether a synset is root or below it.
func under(nouns map[int]synset, root int) func(int) bool {
	memo := map[int]bool{}
	var is func(int) bool
	is = func(off int) bool {
		if off == root {
			return true
		}
		v, ok := memo[off]
		if !ok {
			memo[off] = false // hypernyms form no cycle; this ends one anyway
			v = slices.ContainsFunc(nouns[off].hyper, is)
			memo[off] = v
		}
		return v
	}
	return is
}

func readLines(path string) []string {
	data, err := os.ReadFile(path)
	if err != nil {
		log.Fatalf("wngen: %v (apt-get install wordnet-base)", err)
	}
	var out []string
	for _, l := range strings.Split(string(data), "\n") {
		if l == "" || l[0] == ' ' {
			continue // WordNet's license header lines start with spaces
		}
		out = append(out, l)
	}
	return out
}

// readIndex reads index.POS: lemma → synset offsets, most frequent sense first.
func readIndex(path string) map[string][]int {
	idx := map[string][]int{}
	for _, l := range readLines(path) {
		f := strings.Fields(l)
		nsyn, _ := strconv.Atoi(f[2])
		np, _ := strconv.Atoi(f[3])
		offs := f[4+np+2:]
		if len(offs) != nsyn {
			log.Fatalf("wngen: bad index line %q", l)
		}
		for _, o := range offs {
			v, _ := strconv.Atoi(o)
			idx[f[0]] = append(idx[f[0]], v)
		}
	}
	return idx
}

// readData reads data.noun: offset → synset.
func readData(path string) map[int]synset {
	out := map[int]synset{}
	for _, l := range readLines(path) {
		body, gloss, _ := strings.Cut(l, " | ")
		f := strings.Fields(body)
		off, _ := strconv.Atoi(f[0])
		nw, _ := strconv.ParseInt(f[3], 16, 32)
		s := synset{pos: f[2][0], gloss: gloss}
		i := 4
		for range nw {
			w := f[i]
			if j := strings.IndexByte(w, '('); j > 0 {
				w = w[:j] // adjective markers
			}
			s.words = append(s.words, strings.ReplaceAll(w, "_", " "))
			i += 2
		}
		np, _ := strconv.Atoi(f[i])
		i++
		for range np {
			if f[i] == "@" || f[i] == "@i" {
				h, _ := strconv.Atoi(f[i+1])
				s.hyper = append(s.hyper, h)
				s.instance = s.instance || f[i] == "@i"
			}
			if f[i] == ";r" || f[i] == ";u" {
				s.domain = f[i][1]
			}
			if f[i] == "%p" && f[i+2] == "n" {
				h, _ := strconv.Atoi(f[i+1])
				s.parts = append(s.parts, h)
			}
			if f[i] == "+" && f[i+2] == "n" {
				h, _ := strconv.Atoi(f[i+1])
				src, _ := strconv.ParseInt(f[i+3][:2], 16, 32)
				s.deriv = append(s.deriv, deriv{int(src), h})
			}
			i += 4
		}
		out[off] = s
	}
	return out
}

// readCounts reads cntlist.rev: "lemma%pos" → summed tag count.
func readCounts(path string) map[string]int {
	out := map[string]int{}
	for _, l := range readLines(path) {
		f := strings.Fields(l)
		if len(f) < 3 {
			continue
		}
		// "lemma%1:..." with its sense number: per sense
		// ("lemma%1#3") and per part of speech ("lemma%1").
		key, _, _ := strings.Cut(f[0], ":")
		n, _ := strconv.Atoi(f[2])
		out[key] += n
		out[key+"#"+f[1]] += n
	}
	return out
}

func write(path, s string) {
	w, err := os.Create(path)
	if err != nil {
		log.Fatal(err)
	}
	bw := bufio.NewWriter(w)
	bw.WriteString(s)
	if err := bw.Flush(); err != nil {
		log.Fatal(err)
	}
	if err := w.Close(); err != nil {
		log.Fatal(err)
	}
}

func sumWeights(cs []catWeight) int {
	n := 0
	for _, c := range cs {
		n += c.weight
	}
	return n
}

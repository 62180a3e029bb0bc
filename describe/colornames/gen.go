//go:build ignore

// gen.go writes colornames.csv, the names of npm's color-name-list that
// read as prompt words: one to three plain words, the last a colour word,
// the others words that describe a colour ("Deep Sky Blue", "Burnt
// Orange"), not paint-chip names ("Super Saiyan").
//
//	npm pack color-name-list && tar xzf color-name-list-*.tgz
//	go run gen.go package/dist/colornames.csv > colornames.csv
package main

import (
	"encoding/csv"
	"fmt"
	"os"
	"strings"
)

var colours = set(`red orange yellow green blue purple violet pink brown grey gray white black gold silver
teal turquoise beige cream ivory amber crimson scarlet indigo navy olive maroon lavender peach coral rose
ochre rust sand tan charcoal slate cyan magenta lilac mint sage khaki umber sienna copper bronze emerald
jade azure cobalt sapphire ruby burgundy plum mauve taupe`)

var modifiers = set(`light dark deep pale soft bright dusty muted warm cool burnt electric neon pastel sky
sea ocean forest olive moss sand stone slate steel midnight royal navy baby hot blood brick cherry lemon
lime mint peach apricot honey mustard golden silver ice icy frost frosty snow ivory cream smoky ash
charcoal storm stormy sunset sunrise dawn dusk twilight aegean atlantic arctic autumn spring summer
winter desert earth earthy rust copper bronze wine plum berry grape rose coral salmon sage jade emerald
teal turquoise cobalt indigo sapphire ruby amber glacier lagoon tropical pine fern leaf grass jungle
wheat straw sandy clay terracotta chocolate coffee caramel vanilla bone pearl lavender lilac violet
orchid fuchsia magenta crimson scarlet vermilion flame fire ember lava candy bubblegum powder denim
marine mist misty fog foggy cloud cloudy shadow night moonlight moonlit starlight sun sunny sunlit gold
aqua cyan glacial mountain meadow river lake harbour harbor bay coastal beach dune canyon volcanic
granite marble ink inky jet raven velvet wet old faded vivid rich strong true`)

func set(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

func main() {
	f, err := os.Open(os.Args[1])
	if err != nil {
		panic(err)
	}
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		panic(err)
	}
	fmt.Println("name,hex")
	for _, r := range rows[1:] {
		w := strings.Fields(r[0])
		ok := len(w) >= 1 && len(w) <= 3 && colours[strings.ToLower(w[len(w)-1])]
		for _, x := range w {
			for _, c := range x {
				ok = ok && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')
			}
		}
		for _, x := range w[:len(w)-1] {
			ok = ok && modifiers[strings.ToLower(x)]
		}
		if ok {
			fmt.Printf("%s,%s\n", r[0], r[1])
		}
	}
}

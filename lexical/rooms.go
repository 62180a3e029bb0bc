package lexical

import (
	_ "embed"
	"strings"
	"sync"
)

//go:embed rooms.txt
var roomsText string

// Furnishing is a thing that stands in a kind of room, and the kind of
// thing it is (its hypernym): {"crib", "baby bed"}, {"stove", "kitchen
// appliance"}.
type Furnishing struct {
	Name, Kind string
}

// rooms holds rooms.txt: a room lemma → its furnishings.
var rooms = sync.OnceValue(func() map[string][]Furnishing {
	m := map[string][]Furnishing{}
	for line := range strings.SplitSeq(roomsText, "\n") {
		room, list, ok := strings.Cut(line, "\t")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		for f := range strings.SplitSeq(list, ",") {
			name, kind, _ := strings.Cut(f, ">")
			m[room] = append(m[room], Furnishing{name, kind})
		}
	}
	return m
})

// Furnishings lists what WordNet says stands in a room of the kind room
// (a lemma, "bathroom", "dining room"), most telling first: the room's
// parts (a bathroom's bathtub and washbasin; a hotel room is a bedroom,
// which has a bed), the things of a kind named for it (a stove is a
// "kitchen appliance") or defined as in it ("a sink in a kitchen"), and
// the furniture whose definition shares a word with the room's (a study
// is "for reading and writing", a desk has "a writing surface"). Nil for
// a room WordNet links nothing to ("living room") or a word that is no
// room. The table is rooms.txt (internal/wngen/rooms.go).
func Furnishings(room string) []Furnishing {
	return rooms()[room]
}

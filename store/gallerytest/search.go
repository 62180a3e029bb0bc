package gallerytest

import (
	"context"
	"slices"
	"testing"

	"github.com/easel-art/easel"
)

// searchArt is one artwork of the shared search table.
type searchArt struct{ idea, template, prompt string }

// searchArtworks are the artworks the shared search table searches.
var searchArtworks = []searchArt{
	{"a castle on a hill", "", "A medieval castle on a green hill at dawn, banners in the wind"},
	{"a snowy castle", "", "Snow falls on a lonely castle, towers glowing in blue twilight"},
	{"a beach sunset", "", "Golden sunset over a quiet beach, waves catching the light"},
	{"a fox in the forest", "", "A red fox stands among tall pines, morning mist between the trees"},
	{"rainy tokyo street", "", "Neon signs reflect on wet asphalt in a rainy Tokyo street at night"},
	{"portrait of a knight", "portrait of {subject}", "A knight in polished armour, studio portrait, soft key light"},
	{"a lighthouse in a storm", "", "A lighthouse stands against crashing waves under a storm sky"},
	{"castles in the clouds", "", "Floating castles drift among pink clouds above the sea"},
}

// SearchCases are queries with the ideas they find, the same on every
// gallery (words, all required, each also a prefix; case and order do not
// matter; English stems). Where the galleries' syntaxes differ (the
// README's search section) there is no case.
var SearchCases = []struct {
	Query string
	Want  []string
}{
	{"castle", []string{"a castle on a hill", "a snowy castle", "castles in the clouds"}},
	{"castles", []string{"a castle on a hill", "a snowy castle", "castles in the clouds"}},
	{"cast", []string{"a castle on a hill", "a snowy castle", "castles in the clouds"}},
	{"snowy castle", []string{"a snowy castle"}},
	{"castle snowy", []string{"a snowy castle"}},
	{"SUNSET", []string{"a beach sunset"}},
	{"waves", []string{"a beach sunset", "a lighthouse in a storm"}},
	{"wave", []string{"a beach sunset", "a lighthouse in a storm"}},
	{"fox mist", []string{"a fox in the forest"}},
	{"tokyo neon", []string{"rainy tokyo street"}},
	{"rain", []string{"rainy tokyo street"}},
	{"subject", []string{"portrait of a knight"}},
	{"knight armour", []string{"portrait of a knight"}},
	{"glowing", []string{"a snowy castle"}},
	{"glow", []string{"a snowy castle"}},
	{"dragon", nil},
	{"castle dragon", nil},
	{"storm, lighthouse!", []string{"a lighthouse in a storm"}},
}

// RunSearchTable adds the shared artworks to an empty gallery and checks
// that each of SearchCases finds exactly its ideas (in any order): every
// gallery implementation runs it, so a search finds the same artworks
// whichever database keeps them.
func RunSearchTable(t *testing.T, g easel.Gallery) {
	ctx := context.Background()
	for i, s := range searchArtworks {
		a := art(s.idea)
		a.Template, a.Prompt = s.template, s.prompt
		add(t, g, a, "search "+string(rune('a'+i)))
	}
	for _, c := range SearchCases {
		got, err := g.Search(ctx, c.Query, easel.ArtworkFilter{})
		if err != nil {
			t.Errorf("Search(%q): %v", c.Query, err)
			continue
		}
		var ideas []string
		for _, a := range got {
			ideas = append(ideas, a.Idea)
		}
		slices.Sort(ideas)
		want := slices.Clone(c.Want)
		slices.Sort(want)
		if !slices.Equal(ideas, want) {
			t.Errorf("Search(%q) = %q; want %q", c.Query, ideas, want)
		}
	}
}

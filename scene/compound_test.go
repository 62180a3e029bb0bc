package scene

import "testing"

// TestCompoundCategory: a compound WordNet also files under another kind
// takes the kind its head word is first ("red fox" is listed as a flower
// before a mammal; a fox is a mammal), while a compound whose head means
// something else keeps its own ("hot dog" is food).
func TestCompoundCategory(t *testing.T) {
	for _, c := range []struct{ idea, want string }{
		{"a red fox", "mammal"},
		{"a red fox in the snow", "mammal"},
		{"a polar bear on the ice", "mammal"},
	} {
		sc := Parse(c.idea)
		if len(sc.Subjects) == 0 || sc.Subjects[0].Category != c.want {
			t.Errorf("%q: subjects %+v, want the first a %s", c.idea, sc.Subjects, c.want)
		}
	}
	if sc := Parse("a hot dog with mustard"); len(sc.Subjects) == 0 || sc.Subjects[0].Category == "mammal" {
		t.Errorf("a hot dog: subjects %+v, want food, not a mammal", sc.Subjects)
	}
}

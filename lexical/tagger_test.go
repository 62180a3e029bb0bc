package lexical

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func tagString(idea string) string {
	var tg Tagging
	ws := tg.Tag(strings.Fields(idea))
	var b strings.Builder
	for i, w := range ws {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.Text + "/" + w.Tag.String())
	}
	return b.String()
}

func TestTag(t *testing.T) {
	for _, want := range []string{
		"three/CD red/JJ balloons/NN floating/VBG over/IN a/DT grey/JJ city/NN at/IN noon/NN",
		"a/DT wizard/NN reading/VBG a/DT book/NN beside/IN a/DT fireplace/NN in/IN a/DT cozy/JJ library/NN",
		"five/CD purple/JJ tulips/NN in/IN a/DT blue/JJ vase/NN",
		"an/DT owl/NN perched/VBN on/IN a/DT branch/NN at/IN night/NN",
		"a/DT girl/NN holding/VBG a/DT red/JJ umbrella/NN walking/VBG in/IN the/DT rain/NN",
		"a/DT cat/NN sleeps/VB on/IN a/DT wooden/JJ chair/NN",
		"two/CD swans/NN on/IN a/DT misty/JJ lake/NN",
		"a/DT red/JJ sports/NN car/NN parked/VBN by/IN the/DT sea/NN",
		"an/DT old/JJ fisherman/NN mending/VBG his/DT nets/NN at/IN dawn/NN",
		"a/DT great/JJ wave/NN crashing/VBG on/IN rocks/NN",
		"a/DT knight/NN riding/VBG a/DT white/JJ horse/NN through/IN a/DT dark/JJ forest/NN",
		"children/NN playing/VBG football/NN in/IN a/DT park/NN",
		"a/DT dragon/NN flying/VBG over/IN a/DT burning/VBG castle/NN",
		"a/DT zorblax/NN gleeping/VBG near/IN a/DT frumpish/JJ tower/NN",
	} {
		var words []string
		for f := range strings.FieldsSeq(want) {
			w, _, _ := strings.Cut(f, "/")
			words = append(words, w)
		}
		if got := tagString(strings.Join(words, " ")); got != want {
			t.Errorf("got  %s\nwant %s", got, want)
		}
	}
}

func TestTagLemmas(t *testing.T) {
	var tg Tagging
	ws := tg.Tag(strings.Fields("three geese walking past two foxes"))
	if ws[1].Lemma != "goose" || !ws[1].Plural || ws[2].Lemma != "walk" || ws[5].Lemma != "fox" || !ws[5].Plural || ws[0].Num != 3 || ws[4].Num != 2 {
		t.Errorf("lemmas: %+v", ws)
	}
}

func FuzzTag(f *testing.F) {
	f.Add("three red balloons floating over a grey city at noon")
	f.Add("a a a the of")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		words := strings.Fields(strings.ToLower(s))
		var tg Tagging
		got := tg.Tag(words)
		if len(got) != len(words) {
			t.Fatalf("%d words tagged for %d", len(got), len(words))
		}
		for i, w := range got {
			if w.Text != words[i] || w.Tag >= numTags {
				t.Fatalf("word %d: %+v", i, w)
			}
		}
	})
}

func BenchmarkTag(b *testing.B) {
	words := strings.Fields("a girl holding a red umbrella walking in the rain past three old houses")
	var tg Tagging
	tg.Tag(words)
	b.ReportAllocs()
	for b.Loop() {
		tg.Tag(words)
	}
}

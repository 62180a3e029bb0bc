package builtin

import (
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/lexical"
	"github.com/easel-art/easel/scene"
)

// This file holds what the writer takes from the Scene's facts (package
// scene fills them from WordNet and the tagger): which lines fit the
// subject's category, which words a count is written with, and what a
// negative prompt may not say.

// faceWord and eyeWord mark lines that only fit a subject with a face (a
// person) or with eyes (a person or an animal): a wristwatch has no
// expression and a village no head and shoulders. A word scan, not a
// regular expression: every template is read once at start-up, and
// `easel prompt` is a whole process (body_test.go holds the expressions
// this agrees with).
var (
	faceWord = map[string]bool{
		"face": true, "faces": true, "expression": true, "expressive": true, "clothing": true, "wear": true,
		"wears": true, "stubble": true, "beard": true, "wrinkle": true, "smile": true, "smiling": true,
	}
	eyeWord = map[string]bool{"eyes": true, "gaze": true, "portrait": true}
)

// bodyNeeds is the condition a template's words put on the subject.
func bodyNeeds(src string) cond {
	var c cond
	low := strings.ToLower(src)
	words := strings.FieldsFunc(low, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '-')
	})
	for _, w := range words {
		// Hyphens are kept in the scan so that "head-and-shoulders" is
		// one word; a word is matched by its hyphen-separated parts too,
		// as \b would.
		for part := range strings.SplitSeq(w, "-") {
			if faceWord[part] {
				c |= cFace
			}
			if eyeWord[part] {
				c |= cEyes
			}
		}
		if strings.Contains("-"+w+"-", "-head-and-shoulders-") {
			c |= cEyes
		}
	}
	if i := strings.Index(low, "chest up"); i >= 0 && (i == 0 || !wordByte(low[i-1])) && (i+8 == len(low) || !wordByte(low[i+8])) {
		c |= cEyes
	}
	return c
}

// animals are the categories of things with eyes that are not people.
var animals = map[string]bool{
	"mammal": true, "sea mammal": true, "bird": true, "fish": true, "reptile": true, "amphibian": true,
	"insect": true, "sea creature": true, "animal": true, "creature": true,
}

// bodyFacts says whether the main subject has a face and eyes, by what
// the sentence checker takes it to be (subjectCats).
func bodyFacts(sc *easel.Scene) cond {
	if len(sc.Subjects) == 0 {
		return 0
	}
	c, sure := subjectCats(sc.Subjects[0])
	switch {
	case fits(catPerson, c, sure):
		return cFace | cEyes
	case fits(catPerson|catAnimals, c, sure):
		return cEyes
	}
	return 0
}

// categoryLines describe a subject the phrase tables do not know, by its
// WordNet category. They say only what is true of every member: no
// colour, no setting, no light.
var categoryLines = sync.OnceValue(func() map[string][]tmpl {
	src := map[string][]string{
		"person":         {"[!plural]{Subj} {is} shown in a natural pose, face and hands clearly drawn.", "[plural]{Subj} are shown in natural poses, faces and hands clearly drawn.", "[!rest]{Subj} stand{s} out in clear focus, {its} posture easy and natural."},
		"creature":       {"{Subj} {is} shown in full, {its} fantastic form clearly drawn."},
		"mammal":         {"{Subj} {is} shown whole in clear profile, every detail of {its} body sharp.", "[!sleep]{Subj} {is} alert and watchful, {its} eyes bright."},
		"sea mammal":     {"{Subj} glide{s} through the water, {its} smooth body catching the light."},
		"bird":           {"[!sleep]{Subj} {has} neatly layered feathers and bright, alert eyes.", "{Subj} {has} neatly layered, finely drawn feathers.", "[!sleep]Crisp feathers cover {subj}, {its} eyes bright."},
		"fish":           {"{Subj} glint{s} with fine scales, fins spread."},
		"reptile":        {"{Subj} {is} shown in sharp detail, {its} skin finely textured."},
		"amphibian":      {"{Subj} glisten{s}, {its} smooth skin damp and bright."},
		"insect":         {"{Subj} {is} shown in fine detail, every leg and segment crisp."},
		"sea creature":   {"{Subj} {is} shown whole and in fine detail, {its} form clear."},
		"animal":         {"{Subj} {is} shown whole and in clear focus."},
		"flower":         {"{Subj} {is} in fresh bloom, petals crisp and bright.", "The petals of {subj} open wide, fresh and delicate."},
		"tree":           {"{Subj} spread{s} {its} branches wide above the ground."},
		"plant":          {"{Subj} {is} shown whole, {its} natural shape and texture clear."},
		"fruit":          {"{Subj} {is} ripe and fresh, {its} skin catching the light.", "{Subj} {is} plump and ripe, shown in fine detail."},
		"vegetable":      {"{Subj} {is} fresh and whole, shown in fine detail.", "[!outdoor]{Subj} {is} fresh and crisp, still beaded with water."},
		"cake":           {"{Subj} {is} freshly made, soft and neatly shaped."},
		"bread":          {"{Subj} {has} a golden crust, freshly baked."},
		"cookie":         {"{Subj} {is} freshly baked, golden at the edges."},
		"pastry":         {"{Subj} {is} flaky and golden, freshly baked."},
		"sandwich":       {"{Subj} {is} stacked neatly, {its} layers clear."},
		"soup":           {"{Subj} steam{s} gently, freshly served."},
		"salad":          {"{Subj} {is} fresh and crisp, freshly tossed."},
		"pasta":          {"{Subj} {is} freshly cooked and served, still steaming."},
		"pie":            {"{Subj} {has} a golden crust, freshly baked."},
		"dessert":        {"{Subj} {is} freshly served, smooth and glossy."},
		"candy":          {"{Subj} shine{s}, bright and sugary."},
		"dish":           {"{Subj} {is} freshly served, every ingredient clear and appetizing."},
		"food":           {"{Subj} {is} fresh and appetizing, every texture clear."},
		"drink":          {"{Subj} catch{es} the light, fresh and inviting."},
		"spacecraft":     {"{Subj} {is} shown whole, {its} hull and engines sharply drawn."},
		"aircraft":       {"{Subj} {is} shown whole, {its} outline clean."},
		"bus":            {"{Subj} {is} shown whole, {its} long body and windows clearly drawn."},
		"truck":          {"{Subj} {is} shown whole, {its} cab and wheels clearly drawn."},
		"train":          {"{Subj} {is} shown whole, carriages in a neat line."},
		"bicycle":        {"{Subj} {is} shown whole, frame and wheels clearly drawn."},
		"motorcycle":     {"{Subj} {is} shown whole, {its} engine and wheels gleaming."},
		"car":            {"{Subj} {is} shown whole, {its} lines clean."},
		"boat":           {"{Subj} {is} shown whole, {its} hull clearly drawn."},
		"vehicle":        {"{Subj} {is} shown whole and in clear focus."},
		"tower":          {"{Subj} rise{s} tall, {its} walls and windows sharply drawn."},
		"bridge":         {"{Subj} span{s} the view in one clean line."},
		"room":           {"{Subj} {is} shown whole, {its} furnishings neatly in place."},
		"building":       {"{Subj} stand{s} with clear lines, walls and windows sharply drawn."},
		"furniture":      {"{Subj} {is} shown clearly, {its} shape and material easy to read."},
		"jewelry":        {"{Subj} glint{s} in the light, every detail fine and polished."},
		"clothing":       {"{Subj} {is} shown clearly, fabric and seams easy to read."},
		"instrument":     {"{Subj} {is} shown whole, {its} polished surfaces catching the light."},
		"toy":            {"{Subj} {is} shown clearly, {its} shape simple and bright."},
		"weapon":         {"{Subj} {is} shown whole, {its} edges sharp and clean."},
		"container":      {"{Subj} {is} shown clearly, {its} shape and material easy to read."},
		"tool":           {"{Subj} {is} shown whole, {its} working parts clear."},
		"device":         {"{Subj} {is} shown clearly, {its} shape and details crisp."},
		"artwork":        {"{Subj} {is} shown whole, {its} form clearly lit."},
		"structure":      {"{Subj} stand{s} solid, {its} shape clearly drawn."},
		"landform":       {"{Subj} stretch{es} across the view, {its} contours clearly lit."},
		"water":          {"The surface of {subj} reflects the light."},
		"celestial body": {"{Subj} hang{s} in the sky, sharply drawn."},
		"settlement":     {"The roofs and streets of {subj} spread out in clear detail."},
		"land":           {"{Subj} stretch{es} out, open and clearly lit."},
		"shape":          {"{Subj} {is} drawn with clean edges."},
		"color":          {"{Subj} fill{s} the picture in broad, even fields."},
		"material":       {"{Subj} {is} shown up close, {its} texture easy to read."},
	}
	out := make(map[string][]tmpl, len(src))
	for k, v := range src {
		out[k] = compileAll(v)
	}
	return out
})

var numberNames = [...]string{"", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}

// countWord writes a count as a word up to twelve, else in digits.
func countWord(n int) string {
	if n > 0 && n < len(numberNames) {
		return numberNames[n]
	}
	if n > 0 {
		return strconv.Itoa(n)
	}
	return ""
}

// hasCount reports whether a phrase already starts with a count.
func hasCount(s string) bool {
	first, _, _ := strings.Cut(s, " ")
	return slices.Contains(numberNames[:], first) || isDigits(first) || first == "dozen" || first == "pair"
}

// notAsked drops from a negative prompt every term that names something
// the idea asks for: "a cluttered studio" keeps no "clutter", "a grey
// city" no "overcast", "a crowd" no "crowds".
func (d *draft) notAsked(neg []string) []string {
	idea := strings.Fields(strings.ToLower(d.sc.Idea))
	for i := range idea {
		idea[i] = strings.Trim(idea[i], ".,;:!?\"'()")
	}
	grey := slices.ContainsFunc(idea, func(w string) bool {
		return w == "grey" || w == "gray" || w == "overcast" || w == "cloudy" || w == "gloomy"
	})
	out := neg[:0]
	for _, n := range neg {
		asked := n == "overcast" && grey
		for rest := n; rest != "" && !asked; {
			w, r, _ := strings.Cut(rest, " ")
			rest = r
			for _, iw := range idea {
				if sameStem(w, iw) {
					asked = true
					break
				}
			}
		}
		if !asked {
			out = append(out, n)
		}
	}
	return out
}

// sameStem reports whether two words share a stem: equal, or one the
// other plus an ending ("clutter"/"cluttered", "crowd"/"crowds").
func sameStem(a, b string) bool {
	if len(a) < 4 || len(b) < 4 {
		return a == b && len(a) > 2
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	return strings.HasPrefix(b, a) && len(b)-len(a) <= 3
}

// namesStudioLight reports an idea that asks for studio light ("studio
// lighting", "studio shot", "in a photo studio").
func namesStudioLight(idea string) bool {
	low := strings.ToLower(idea)
	return strings.Contains(low, "studio light") || strings.Contains(low, "studio shot") || strings.Contains(low, "photo studio") ||
		strings.Contains(low, "studio portrait") || strings.Contains(low, "studio photo") || strings.Contains(low, "product photo") ||
		strings.Contains(low, "product shot") || strings.Contains(low, "packshot")
}

// actionMoods are the moods an action brings, by its WordNet verb lemma:
// a chase is energetic, a crash dramatic, never hushed.
var actionMoods = map[string]string{
	"run": "energetic", "race": "energetic", "chase": "energetic", "gallop": "energetic",
	"dance": "energetic", "jump": "energetic", "leap": "energetic", "surf": "energetic",
	"sprint": "energetic", "skate": "energetic", "ski": "energetic", "splash": "energetic",
	"charge": "energetic", "play": "energetic", "breach": "energetic", "launch": "energetic",
	"crash": "dramatic", "erupt": "dramatic", "burn": "dramatic", "fight": "dramatic",
	"battle": "dramatic", "attack": "dramatic", "explode": "dramatic", "rage": "dramatic",
	"roar": "dramatic", "strike": "dramatic", "storm": "dramatic", "stalk": "dramatic",
	"lurk": "dramatic", "howl": "dramatic", "circle": "dramatic",
	"catch": "energetic", "pounce": "energetic", "flee": "energetic", "escape": "energetic",
	"blast": "energetic", "hunt": "dramatic", "rescue": "dramatic", "rattle": "energetic",
	"shake": "energetic", "hurtle": "energetic", "plunge": "energetic", "bounce": "energetic",
}

// actionMood is the mood the Scene's actions bring, "" when they bring none.
func actionMood(sc *easel.Scene) string {
	for _, s := range sc.Subjects {
		if s.Action == "" {
			continue
		}
		if e, _, ok := lexical.FindVerb(strings.ToLower(s.Action)); ok {
			if m := actionMoods[e.Lemma]; m != "" {
				return m
			}
		}
	}
	return ""
}

// calmMoods are the moods an energetic or dramatic action rules out.
var calmMoods = map[string]bool{
	"serene": true, "cozy": true, "dreamy": true, "solitary": true, "contemplative": true,
	"melancholic": true, "romantic": true, "nostalgic": true,
}

// basicColours are the colour words a subject line may give its subject.
var basicColours = []string{"red", "white", "blue", "green", "yellow", "black", "orange", "pink", "purple", "grey", "gray", "brown", "golden", "silver"}

// fittingColours drops the lines that give the subject a colour the idea
// does not: "a red lighthouse" does not stand "tall and white".
func fittingColours(list []tmpl, s easel.Subject) []tmpl {
	if len(s.Colors) == 0 {
		return list
	}
	out := make([]tmpl, 0, len(list))
	for _, t := range list {
		low := strings.ToLower(t.src)
		ok := true
		for _, c := range basicColours {
			if wordIn(low, c) && !slices.Contains(s.Colors, c) {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, t)
		}
	}
	return out
}

// coloured reports whether a subject drawn by element e has a colour the
// idea gives it.
func coloured(sc *easel.Scene, e string) bool {
	for _, s := range sc.Subjects {
		if s.Element == e && len(s.Colors) > 0 {
			return true
		}
	}
	return false
}

// countWordSet are words that count: as a keyword of their own they say
// nothing ("pair", "single").
var countWordSet = map[string]bool{
	"one": true, "two": true, "three": true, "four": true, "five": true, "six": true, "seven": true,
	"eight": true, "nine": true, "ten": true, "eleven": true, "twelve": true, "pair": true,
	"single": true, "couple": true, "dozen": true, "twin": true, "lone": true,
}

// partitives are the words that name an amount of something rather than
// a thing of their own: "a stack of pancakes" is pancakes.
var partitives = map[string]bool{
	"stack": true, "pile": true, "heap": true, "bunch": true, "bouquet": true, "pair": true,
	"slice": true, "loaf": true, "handful": true, "row": true, "cluster": true, "piece": true,
}

// lineRef is how the subject's own line names it: the held thing of "a
// bowl of cherries" or "a stack of pancakes" ("the cherries are ripe"),
// the subject itself otherwise.
func (d *draft) lineRef() ref {
	if len(d.sc.Subjects) == 0 || d.framed {
		return d.subj
	}
	words := strings.Fields(strings.ToLower(d.sc.Subject))
	k := slices.Index(words, "of")
	if k < 1 {
		return d.subj
	}
	head := words[k-1]
	h, _, ok := lexical.FindNoun(head)
	if !partitives[head] && !(ok && h.Has("container")) {
		return d.subj
	}
	s := d.sc.Subjects[0]
	r := refOf(&easel.Scene{Subjects: d.sc.Subjects[:1]}, 0)
	r.cats, r.scaled, r.unsure = d.subj.cats, d.subj.scaled, d.subj.unsure
	r.plural = r.plural || s.Plural
	return r
}

// sameThing reports whether the lexicon name key is the noun itself: the
// same word, its singular or plural, or the head of one of them ("old
// man" and "man", "cherry blossom" and "cherry blossoms").
func sameThing(key, noun string) bool {
	noun = strings.ToLower(noun)
	if key == noun {
		return true
	}
	lemma := noun
	if e, _, ok := lexical.FindNoun(noun); ok {
		lemma = e.Lemma
	}
	last := func(s string) string { return s[strings.LastIndexByte(s, ' ')+1:] }
	return key == lemma || lexical.Plural(key) == noun || last(key) == lemma || last(lemma) == key
}

// linesFor returns the subject lines for a noun: by its lexicon name, then
// by what WordNet says it is (cats, see categoryLines), then by its
// element: a strawberry is a fruit before it is the canvas's "food".
//
// The lexicon files many nouns under one name (an eagle and a robin under
// "owl", a penguin under "polar bear"): its lines are taken first only for
// the noun they were written for, and after the category's otherwise, so
// an eagle never has an owl's huge round eyes.
func (d *draft) linesFor(noun, element string, cats catSet) []tmpl {
	var keyLines []tmpl
	if k := scene.Key(noun); k != "" {
		if l, ok := d.t.subjects[k]; ok {
			if sameThing(k, noun) {
				return l
			}
			keyLines = l
		}
	}
	if l, ok := d.t.subjects[noun]; ok {
		return l
	}
	name := catName(cats)
	if name == "structure" && (d.at == placeIndoor || d.at == placeUnknown && d.sc.Domain == "interior") {
		// An office, an attic or a nook the idea puts us inside is a
		// room: it does not stand solid.
		name = "room"
	}
	if l := categoryLines()[name]; l != nil {
		return l
	}
	if element != "" && !incidental[element] {
		if l := d.t.subjects[element]; l != nil {
			return l
		}
	}
	return keyLines
}

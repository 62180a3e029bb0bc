// Package scene turns a person's idea ("a cozy cabin in a snowy forest at
// night") into an easel.Scene: subjects, setting, time of day, weather,
// season, mood, palette, medium and view, and the Elements the built-in
// canvas draws.
//
// The parser reads a lexicon that easel ships (lexicon.txt, embedded): some
// 2,300 phrases (500 entries) in 47 domains, written for easel. It is
// deterministic, allocation-light and never fails: words it does not know
// stay in the Scene as part of the subject or in Extra, so nothing a person
// typed is lost. A second reading with the part-of-speech tagger and
// WordNet of package lexical gives each subject its facts (category, count,
// colours, materials, size, action and object) and the Scene its
// relations between things.
//
// Element → file:
//
//	parse.go      tokens, lexicon phrases, chunks: subject, setting, domain, fields
//	lexicon.go    lexicon.txt loaded; words.go: Display, Plural, Key, Class
//	facts.go      the tagger's reading: tags corrected, phrases matched to subjects
//	kinds.go      what kind of thing a subject is: lexicon against WordNet, made
//	              things (a glass swan), actors, objects, owners (a witch's cottage)
//	phrases.go    noun phrases of a clause with their action, object and preposition
//	relations.go  Scene.Relations, groups and counts, colours as things, place names,
//	              the domain and setting settled from the main subject
//	daylight.go   whether an idea is lit by day
//
// testdata/scenes.golden holds the Scenes of a few ideas (-update rewrites
// it); testdata/fresh_facts.txt is measured, not tuned on; the project's
// corpus is ../testdata/ideas.txt (package internal/corpus).
package scene

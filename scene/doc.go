// Package scene turns a person's idea ("a cozy cabin in a snowy forest at
// night") into an easel.Scene: subjects, setting, time of day, weather,
// season, mood, palette, medium and view, and the Elements the built-in
// canvas draws.
//
// The parser reads a lexicon that easel ships (lexicon.txt, embedded): some
// 2,300 phrases (500 entries) in 47 domains, written for easel. It is
// deterministic, allocation-light and never fails: words it does not know
// stay in the Scene as part of the subject or in Extra, so nothing a person
// typed is lost.
package scene

package main

import "github.com/easel-art/easel/internal/hint"

// explain names the fix of a damaged gallery database (run easel doctor)
// or a full disk (free some space); see package hint.
func explain(err error) error { return hint.Explain(err) }

// damagedDB reports whether err is a damaged gallery database.
func damagedDB(err error) bool { return hint.DamagedDB(err) }

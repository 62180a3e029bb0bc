// Package config resolves easel's settings once, in the order defaults →
// environment → flags, and hands plain values to the rest of the program.
// Code outside cmd/ and config/ never reads the environment.
package config

import (
	"path/filepath"
)

// DataDir returns the data directory: flag if set, else $EASEL_HOME, else
// $XDG_DATA_HOME/easel, else ~/.local/share/easel.
func DataDir(flag string, getenv func(string) string) string {
	if flag != "" {
		return flag
	}
	if d := getenv("EASEL_HOME"); d != "" {
		return d
	}
	if d := getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "easel")
	}
	home := getenv("HOME")
	if home == "" {
		home = "."
	}
	return filepath.Join(home, ".local", "share", "easel")
}

package main

import (
	"errors"
	"syscall"

	"github.com/easel-art/easel"
)

// SQLite's primary result codes that need the person to act.
const (
	sqliteCorrupt = 11 // SQLITE_CORRUPT: "database disk image is malformed"
	sqliteFull    = 13 // SQLITE_FULL: "database or disk is full"
	sqliteNotADB  = 26 // SQLITE_NOTADB: "file is not a database"
)

// explain turns the failures whose fix is outside easel into errors that
// name it: a damaged gallery database (run easel doctor) and a full disk
// (free some space). Others are returned as they are.
func explain(err error) error {
	if err == nil {
		return nil
	}
	var coded interface{ Code() int }
	code := -1
	if errors.As(err, &coded) {
		code = coded.Code() & 0xff
	}
	switch {
	case code == sqliteCorrupt || code == sqliteNotADB:
		return &easel.Error{Code: easel.EUNAVAILABLE, Message: "the gallery database is damaged (" + oneLine(innermost(err).Error(), 120) + "): run easel doctor to see what is wrong and how to fix it", Err: err}
	case code == sqliteFull || errors.Is(err, syscall.ENOSPC):
		return &easel.Error{Code: easel.EUNAVAILABLE, Message: "the disk is full (" + oneLine(innermost(err).Error(), 120) + "): free some space, or point --data-dir (EASEL_HOME) at a disk with room, and run the command again", Err: err}
	}
	return err
}

// innermost is the last error in err's chain.
func innermost(err error) error {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return err
		}
		err = next
	}
}

// Package hint turns failures whose fix lies outside easel into errors
// that name it: a damaged gallery database (run easel doctor) and a full
// disk (free some space). The CLI and the server use it where they report
// errors, so the person sees the fix, not "internal error".
package hint

import (
	"errors"
	"strings"
	"syscall"

	"github.com/easel-art/easel"
)

// SQLite's primary result codes that need the person to act.
const (
	sqliteCorrupt = 11 // SQLITE_CORRUPT: "database disk image is malformed"
	sqliteFull    = 13 // SQLITE_FULL: "database or disk is full"
	sqliteNotADB  = 26 // SQLITE_NOTADB: "file is not a database"
)

// sqliteCode returns the primary SQLite result code in err's chain, or -1.
func sqliteCode(err error) int {
	var coded interface{ Code() int }
	if errors.As(err, &coded) {
		return coded.Code() & 0xff
	}
	return -1
}

// DamagedDB reports whether err is SQLite saying its database file is
// damaged or is not a database at all.
func DamagedDB(err error) bool {
	c := sqliteCode(err)
	return c == sqliteCorrupt || c == sqliteNotADB
}

// DiskFull reports whether err is a write that failed for want of space.
func DiskFull(err error) bool {
	return sqliteCode(err) == sqliteFull || errors.Is(err, syscall.ENOSPC)
}

// Explain returns err as an EUNAVAILABLE *easel.Error naming the fix when
// it is a damaged database or a full disk, and err unchanged otherwise.
func Explain(err error) error {
	switch {
	case err == nil:
		return nil
	case DamagedDB(err):
		return &easel.Error{Code: easel.EUNAVAILABLE, Message: "the gallery database is damaged (" + cause(err) + "): run easel doctor to see what is wrong and how to fix it", Err: err}
	case DiskFull(err):
		return &easel.Error{Code: easel.EUNAVAILABLE, Message: "the disk is full (" + cause(err) + "): free some space, or point --data-dir (EASEL_HOME) at a disk with room, and try again", Err: err}
	}
	return err
}

// cause is the innermost error's text, on one short line.
func cause(err error) string {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			break
		}
		err = next
	}
	s := strings.Join(strings.Fields(err.Error()), " ")
	if r := []rune(s); len(r) > 120 {
		s = string(r[:119]) + "…"
	}
	return s
}

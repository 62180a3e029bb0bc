// Package atomicfile writes a file whole or not at all: through a
// temporary file in the same directory and a rename, so a reader (or a
// crash) never sees half a picture. It is the one atomic writer the
// gallery, the job store and the commands share.
package atomicfile

import (
	"os"
	"path/filepath"
	"strconv"
)

// Options tune Write; the zero value is a synced write with the prefix
// ".tmp-".
type Options struct {
	// Prefix starts the temporary file's name; this process's id and a
	// dash follow, so a sweeper can tell a dead writer's leftovers (see
	// PID).
	Prefix string
	// NoSync skips the fsync of the file and its directory: for files
	// whose loss to a power cut only means work is done again.
	NoSync bool
	// Perm is the file's mode (default 0o644).
	Perm os.FileMode
	// TempDir is where the temporary file is made (default: path's
	// directory). It must be on path's file system. One directory for a
	// store's temporary files lets a sweeper find a killed writer's
	// leftovers without reading every directory of the store.
	TempDir string
}

// Write writes data to path, creating path's directory when needed. On
// error nothing is left behind: neither path (when it did not exist) nor
// the temporary file.
func Write(path string, data []byte, o Options) (err error) {
	if o.Prefix == "" {
		o.Prefix = ".tmp-"
	}
	if o.Perm == 0 {
		o.Perm = 0o644
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmpDir := dir
	if o.TempDir != "" {
		tmpDir = o.TempDir
		if err := os.MkdirAll(tmpDir, 0o755); err != nil {
			return err
		}
	}
	f, err := os.CreateTemp(tmpDir, o.Prefix+strconv.Itoa(os.Getpid())+"-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			os.Remove(tmp)
		}
	}()
	if _, err = f.Write(data); err != nil {
		f.Close()
		return err
	}
	if !o.NoSync {
		if err = f.Sync(); err != nil {
			f.Close()
			return err
		}
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Chmod(tmp, o.Perm); err != nil {
		return err
	}
	if err = os.Rename(tmp, path); err != nil {
		return err
	}
	if !o.NoSync {
		if d, derr := os.Open(dir); derr == nil {
			d.Sync()
			d.Close()
		}
	}
	return nil
}

// PID returns the process id in the name of a temporary file Write made
// with prefix, and whether there is one.
func PID(name, prefix string) (int, bool) {
	if len(name) <= len(prefix) || name[:len(prefix)] != prefix {
		return 0, false
	}
	rest := name[len(prefix):]
	for i := 0; i < len(rest); i++ {
		if rest[i] == '-' {
			pid, err := strconv.Atoi(rest[:i])
			return pid, err == nil && pid > 0
		}
	}
	return 0, false
}

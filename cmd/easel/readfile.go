package main

import (
	"github.com/easel-art/easel"
	"github.com/easel-art/easel/imageio"
)

// readInput reads a file a person named on the command line, refusing a
// directory, device, pipe or socket at once and a file over max bytes
// (/dev/zero would otherwise fill memory). what says what the file is for
// ("batch file"); errors are EINVALID and name the path and the fix.
func readInput(path string, max int64, what string) ([]byte, error) {
	data, err := imageio.ReadFile(path, max)
	if err != nil {
		return nil, &easel.Error{Code: easel.EINVALID, Message: "cannot read " + what + ": " + easel.ErrorMessage(err), Err: err}
	}
	return data, nil
}

package main

import (
	"strings"

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

// minTokenLen is the shortest API token `easel serve` accepts: a token
// guards every picture and every paid call, so a word or a letter will not do.
const minTokenLen = 16

// checkToken refuses a token that is set but short or only spaces.
func checkToken(tok string) error {
	if tok == "" {
		return nil
	}
	if n := len([]rune(strings.TrimSpace(tok))); n < minTokenLen || strings.TrimSpace(tok) != tok {
		return easel.Errorf(easel.ECONFIG, "the API token (EASEL_TOKEN or --token) is %d characters without surrounding spaces: use at least %d random characters, such as the output of: openssl rand -hex 16", n, minTokenLen)
	}
	return nil
}

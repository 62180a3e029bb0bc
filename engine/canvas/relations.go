package canvas

import "github.com/easel-art/easel"

// staged draws a figure on the thing its relation puts it on, when that
// thing is another subject drawn large; it reports whether it did.
func (d *painter) staged(s *easel.Subject, x, y, h float32, pose string, col rgb, hd held) bool {
	return false
}

// Package imageio reads pictures without trusting them: files through a
// size limit that refuses devices and pipes at once, and decodes that check
// the size a picture declares against a pixel budget before any pixel is
// allocated. A 193-byte PNG can declare 100000×100000 pixels; decoding it
// would ask for 40 GB. Every decode of a picture easel did not just make
// itself (a file, an engine's reply, a gallery image) goes through here.
//
// The API is small:
//
//	data, err := imageio.ReadFile(path, 0)   // 0: DefaultMaxFile
//	img, format, err := imageio.Decode(data) // budget: MaxPixels()
//	cfg, format, err := imageio.Config(data) // size only, budget checked
//
// Errors are *easel.Error values (code EINVALID) that name the problem and
// the fix; errors.Is tells them apart with ErrTooManyPixels, ErrTooBig and
// ErrNotRegular.
package imageio

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // registered: pictures from engines and people come as JPEG too
	_ "image/png"
	"io"
	"os"
	"strconv"
	"strings"
	"syscall"

	_ "golang.org/x/image/webp" // registered: a common format for pictures people bring

	"github.com/easel-art/easel"
)

// DefaultMaxPixels is the pixel budget when EASEL_MAX_PIXELS is unset: 50
// megapixels, far above what any engine makes (an 8K frame is 33), and
// 200 MB once decoded to RGBA.
const DefaultMaxPixels = 50_000_000

// DefaultMaxFile bounds a picture file's size when a caller passes 0.
const DefaultMaxFile = 256 << 20

// EnvMaxPixels names the variable that sets the pixel budget.
const EnvMaxPixels = "EASEL_MAX_PIXELS"

// Sentinels for errors.Is; the errors returned wrap them in *easel.Error.
var (
	ErrTooManyPixels = errors.New("picture exceeds the pixel budget")
	ErrTooBig        = errors.New("file exceeds the size limit")
	ErrNotRegular    = errors.New("not a regular file")
)

// MaxPixels returns the pixel budget: EASEL_MAX_PIXELS when it is a
// positive whole number, else DefaultMaxPixels. CheckEnv reports a value
// that is set but unusable.
func MaxPixels() int64 {
	if n, err := parseMaxPixels(os.Getenv(EnvMaxPixels)); err == nil && n > 0 {
		return n
	}
	return DefaultMaxPixels
}

// CheckEnv returns an error when EASEL_MAX_PIXELS is set to something that
// is not a positive whole number, so a typo is refused at start rather
// than silently meaning the default.
func CheckEnv() error {
	v := os.Getenv(EnvMaxPixels)
	if strings.TrimSpace(v) == "" {
		return nil
	}
	if _, err := parseMaxPixels(v); err != nil {
		return easel.Errorf(easel.ECONFIG, "%s=%q is not a number of pixels: set a positive whole number such as 50000000, or unset it", EnvMaxPixels, v)
	}
	return nil
}

func parseMaxPixels(v string) (int64, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(strings.ReplaceAll(v, "_", ""), 10, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("bad pixel budget %q", v)
	}
	return n, nil
}

// Config reads the format and size data declares, without decoding its
// pixels, and fails when the size is over the budget MaxPixels returns.
func Config(data []byte) (image.Config, string, error) {
	return ConfigMax(data, MaxPixels())
}

// ConfigMax is Config with an explicit pixel budget.
func ConfigMax(data []byte, maxPixels int64) (image.Config, string, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return image.Config{}, "", &easel.Error{Code: easel.EINVALID, Message: "not a picture easel can read (" + describe(err) + "): give a PNG, JPEG or WebP", Err: err}
	}
	if err := CheckSize(cfg.Width, cfg.Height, maxPixels); err != nil {
		return image.Config{}, format, err
	}
	return cfg, format, nil
}

// CheckSize fails when a picture of w×h pixels is over maxPixels (or
// MaxPixels() when maxPixels is 0), or has a side that is not positive.
func CheckSize(w, h int, maxPixels int64) error {
	if maxPixels <= 0 {
		maxPixels = MaxPixels()
	}
	if w <= 0 || h <= 0 {
		return &easel.Error{Code: easel.EINVALID, Message: fmt.Sprintf("picture declares %d×%d pixels: not a usable picture", w, h), Err: ErrTooManyPixels}
	}
	if int64(w) > maxPixels/int64(h) || int64(w)*int64(h) > maxPixels {
		return &easel.Error{
			Code: easel.EINVALID,
			Message: fmt.Sprintf("picture declares %d×%d pixels (%s megapixels), over the %s-megapixel budget: refused before decoding; set %s higher to allow it",
				w, h, mp(int64(w)*int64(h)), mp(maxPixels), EnvMaxPixels),
			Err: ErrTooManyPixels,
		}
	}
	return nil
}

// mp formats a pixel count in megapixels, without float rounding surprises
// for the huge values a hostile header declares.
func mp(n int64) string {
	if n >= 10_000_000 || n%1_000_000 == 0 {
		return strconv.FormatInt(n/1_000_000, 10)
	}
	return strconv.FormatFloat(float64(n)/1e6, 'f', 1, 64)
}

// Decode decodes a PNG, JPEG or WebP after checking its declared size
// against MaxPixels. It returns the image and its format name.
func Decode(data []byte) (image.Image, string, error) {
	return DecodeMax(data, MaxPixels())
}

// DecodeMax is Decode with an explicit pixel budget.
func DecodeMax(data []byte, maxPixels int64) (image.Image, string, error) {
	if _, _, err := ConfigMax(data, maxPixels); err != nil {
		return nil, "", err
	}
	img, format, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, "", &easel.Error{Code: easel.EINVALID, Message: "the picture is truncated or malformed (" + describe(err) + ")", Err: err}
	}
	return img, format, nil
}

// describe shortens a decoder's error for a message.
func describe(err error) string {
	s := err.Error()
	if errors.Is(err, image.ErrFormat) {
		return "unknown format"
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return "it ends early"
	}
	if len(s) > 80 {
		s = s[:80] + "…"
	}
	return s
}

// ReadFile reads the file at path when it is a regular file of at most max
// bytes (DefaultMaxFile when max is 0). A directory, device, pipe or
// socket is refused before any read, so `/dev/zero` fails at once instead
// of filling memory; a file that grows past max while read is refused too.
func ReadFile(path string, max int64) ([]byte, error) {
	if max <= 0 {
		max = DefaultMaxFile
	}
	// Non-blocking, so that opening a FIFO with no writer returns at once
	// (and is then refused) instead of waiting for ever; it changes
	// nothing for a regular file.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, &easel.Error{Code: codeOf(err), Message: fmt.Sprintf("cannot read %s: %v", path, pathErr(err)), Err: err}
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, &easel.Error{Code: easel.EINVALID, Message: fmt.Sprintf("cannot read %s: %v", path, pathErr(err)), Err: err}
	}
	if st.IsDir() {
		return nil, &easel.Error{Code: easel.EINVALID, Message: fmt.Sprintf("%s is a directory: give a file", path), Err: ErrNotRegular}
	}
	if !st.Mode().IsRegular() {
		return nil, &easel.Error{Code: easel.EINVALID, Message: fmt.Sprintf("%s is not a regular file (a device, pipe or socket): give a file", path), Err: ErrNotRegular}
	}
	if st.Size() > max {
		return nil, tooBig(path, st.Size(), max)
	}
	data, err := ReadAll(f, max)
	if err != nil {
		if errors.Is(err, ErrTooBig) {
			return nil, tooBig(path, -1, max)
		}
		return nil, &easel.Error{Code: easel.EINVALID, Message: fmt.Sprintf("cannot read %s: %v", path, pathErr(err)), Err: err}
	}
	return data, nil
}

// ReadAll reads r up to max bytes and fails with ErrTooBig when there is
// more, having read at most max+1 bytes.
func ReadAll(r io.Reader, max int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, &easel.Error{Code: easel.EINVALID, Message: fmt.Sprintf("input is over the %s limit", size(max)), Err: ErrTooBig}
	}
	return b, nil
}

func tooBig(path string, n, max int64) error {
	have := "more"
	if n >= 0 {
		have = size(n)
	}
	return &easel.Error{Code: easel.EINVALID, Message: fmt.Sprintf("%s is %s, over the %s limit for this input: give a smaller file", path, have, size(max)), Err: ErrTooBig}
}

// size formats a byte count for a person.
func size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

func pathErr(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func codeOf(err error) string {
	if errors.Is(err, os.ErrNotExist) {
		return easel.ENOTFOUND
	}
	return easel.EINVALID
}

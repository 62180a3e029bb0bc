package httpx

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/png"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/imageio"
)

// MaxImage bounds one picture's encoded size as read from a service.
const MaxImage = 64 << 20

var pngMagic = []byte("\x89PNG\r\n\x1a\n")

// ToPNG checks that data is a whole picture and returns it as PNG: a PNG is
// decoded fully (a truncated one fails here, not later in the gallery) and
// returned as is; a JPEG or WebP is re-encoded as PNG, since easel keeps PNGs.
// The size the picture declares is checked against the pixel budget
// (imageio) before it is decoded: a reply over it is an EPERMANENT error,
// since asking again would bring the same. Anything else is an
// EUNAVAILABLE error naming the service: a broken transfer is worth
// another try.
func (s Service) ToPNG(data []byte) (out []byte, size image.Point, err error) {
	var img image.Image
	isPNG := bytes.HasPrefix(data, pngMagic)
	switch {
	case isPNG || bytes.HasPrefix(data, []byte{0xff, 0xd8, 0xff}) || isWebP(data):
		img, _, err = imageio.Decode(data)
		if errors.Is(err, imageio.ErrTooManyPixels) {
			return nil, image.Point{}, &easel.Error{
				Code:    easel.EPERMANENT,
				Message: fmt.Sprintf("%s returned an image too large to accept: %s", s.Name, easel.ErrorMessage(err)),
				Err:     err,
			}
		}
		if err == nil && isPNG {
			return data, img.Bounds().Size(), nil
		}
		if err == nil {
			var buf bytes.Buffer
			if err = (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, img); err == nil {
				return buf.Bytes(), img.Bounds().Size(), nil
			}
		}
	default:
		err = fmt.Errorf("not a PNG, JPEG or WebP (%d bytes)", len(data))
	}
	cause := err
	if e := (*easel.Error)(nil); errors.As(err, &e) && e.Err != nil {
		cause = e.Err // the decoder's own words, not imageio's advice
	}
	return nil, image.Point{}, &easel.Error{
		Code:    easel.EUNAVAILABLE,
		Message: fmt.Sprintf("%s returned a truncated or malformed image (%v): try again", s.Name, cause),
		Err:     fmt.Errorf("decode image: %w", err),
	}
}

// isWebP reports a RIFF WEBP header (OpenAI's output_format webp).
func isWebP(data []byte) bool {
	return len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP"
}

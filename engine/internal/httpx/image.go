package httpx

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"

	"github.com/easel-art/easel"
)

// MaxImage bounds one picture's encoded size as read from a service.
const MaxImage = 64 << 20

var pngMagic = []byte("\x89PNG\r\n\x1a\n")

// ToPNG checks that data is a whole picture and returns it as PNG: a PNG is
// decoded fully (a truncated one fails here, not later in the gallery) and
// returned as is; a JPEG is re-encoded as PNG, since easel keeps PNGs.
// Anything else is an EUNAVAILABLE error naming the service: a broken
// transfer is worth another try.
func (s Service) ToPNG(data []byte) (out []byte, size image.Point, err error) {
	var img image.Image
	switch {
	case bytes.HasPrefix(data, pngMagic):
		img, err = png.Decode(bytes.NewReader(data))
		if err == nil {
			return data, img.Bounds().Size(), nil
		}
	case bytes.HasPrefix(data, []byte{0xff, 0xd8, 0xff}):
		img, err = jpeg.Decode(bytes.NewReader(data))
		if err == nil {
			var buf bytes.Buffer
			if err = (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, img); err == nil {
				return buf.Bytes(), img.Bounds().Size(), nil
			}
		}
	default:
		err = fmt.Errorf("not a PNG or JPEG (%d bytes)", len(data))
	}
	return nil, image.Point{}, &easel.Error{
		Code:    easel.EUNAVAILABLE,
		Message: fmt.Sprintf("%s returned a truncated or malformed image (%v): try again", s.Name, err),
		Err:     fmt.Errorf("decode image: %w", err),
	}
}

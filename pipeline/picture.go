package pipeline

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/draw"
	"image/png"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/imageio"
)

// DecodePicture reads a picture that comes in to be edited: a PNG, JPEG or
// WebP, checked against the pixel budget before it is decoded (imageio),
// turned upright as its EXIF orientation says, and brought to 8 bits a
// channel (16-bit PNGs, CMYK and grey JPEGs are converted, as every
// engine takes 8-bit RGB). An animated PNG is refused: which frame to edit
// is the person's choice. name is used in messages.
func DecodePicture(name string, data []byte) (easel.Picture, error) {
	img, format, err := imageio.Decode(data)
	if err != nil {
		return easel.Picture{}, &easel.Error{Code: easel.EINVALID, Message: name + ": " + easel.ErrorMessage(err), Err: err}
	}
	switch format {
	case "png":
		if animatedPNG(data) {
			return easel.Picture{}, easel.Errorf(easel.EINVALID, "%s is an animated PNG: easel edits still pictures; save the frame you want as a PNG first", name)
		}
	case "jpeg":
		img = orient(img, jpegOrientation(data))
	}
	b := img.Bounds()
	rgba := image.NewNRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(rgba, rgba.Rect, img, b.Min, draw.Src)
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, rgba); err != nil {
		return easel.Picture{}, easel.Errorf(easel.EINTERNAL, "%s: encode as PNG: %v", name, err)
	}
	return easel.Picture{Image: rgba, PNG: buf.Bytes(), Name: "image.png"}, nil
}

// MaskOf turns a mask picture into where to repaint (255) and keep (0).
// A mask with transparency follows OpenAI's convention (transparent
// means repaint); an opaque one follows AUTOMATIC1111's (white means
// repaint, black keeps, grey blends). It must have the picture's size.
func MaskOf(name string, m image.Image, w, h int) (*image.Alpha, error) {
	b := m.Bounds()
	if b.Dx() != w || b.Dy() != h {
		return nil, easel.Errorf(easel.EINVALID, "the mask %s is %dx%d but the picture is %dx%d: a mask must be the picture's size", name, b.Dx(), b.Dy(), w, h)
	}
	out := image.NewAlpha(image.Rect(0, 0, w, h))
	transparent := false
	for y := b.Min.Y; y < b.Max.Y && !transparent; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if _, _, _, a := m.At(x, y).RGBA(); a < 0xffff {
				transparent = true
				break
			}
		}
	}
	any := false
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			r, g, bl, a := m.At(b.Min.X+x, b.Min.Y+y).RGBA()
			var v uint32
			if transparent {
				v = (0xffff - a) >> 8
			} else {
				v = (299*r + 587*g + 114*bl) / 1000 >> 8
			}
			out.Pix[y*out.Stride+x] = uint8(v)
			any = any || v > 0
		}
	}
	if !any {
		return nil, easel.Errorf(easel.EINVALID, "the mask %s marks nothing to repaint: paint white (or transparent) where the picture should change", name)
	}
	return out, nil
}

// animatedPNG reports whether a PNG has an acTL chunk before its image data.
func animatedPNG(data []byte) bool {
	if len(data) < 8 {
		return false
	}
	p := data[8:]
	for len(p) >= 12 {
		n := binary.BigEndian.Uint32(p)
		typ := string(p[4:8])
		if typ == "acTL" {
			return true
		}
		if typ == "IDAT" || uint64(n)+12 > uint64(len(p)) {
			return false
		}
		p = p[12+n:]
	}
	return false
}

// jpegOrientation returns the EXIF orientation (1..8) of a JPEG, 1 when
// it has none or it cannot be read.
func jpegOrientation(data []byte) int {
	if len(data) < 4 || data[0] != 0xff || data[1] != 0xd8 {
		return 1
	}
	p := data[2:]
	for len(p) >= 4 && p[0] == 0xff {
		marker := p[1]
		if marker == 0xda || marker == 0xd9 { // start of scan, end of image
			return 1
		}
		n := int(binary.BigEndian.Uint16(p[2:]))
		if n < 2 || n+2 > len(p) {
			return 1
		}
		seg := p[4 : 2+n]
		if marker == 0xe1 && len(seg) >= 6 && string(seg[:6]) == "Exif\x00\x00" {
			return exifOrientation(seg[6:])
		}
		p = p[2+n:]
	}
	return 1
}

// exifOrientation reads tag 0x0112 of IFD0 from a TIFF header.
func exifOrientation(t []byte) int {
	if len(t) < 8 {
		return 1
	}
	var bo binary.ByteOrder
	switch string(t[:2]) {
	case "II":
		bo = binary.LittleEndian
	case "MM":
		bo = binary.BigEndian
	default:
		return 1
	}
	off := int(bo.Uint32(t[4:]))
	if off < 8 || off+2 > len(t) {
		return 1
	}
	n := int(bo.Uint16(t[off:]))
	for i := 0; i < n; i++ {
		e := off + 2 + i*12
		if e+12 > len(t) {
			return 1
		}
		if bo.Uint16(t[e:]) == 0x0112 {
			v := int(bo.Uint16(t[e+8:]))
			if v >= 1 && v <= 8 {
				return v
			}
			return 1
		}
	}
	return 1
}

// orient turns a picture upright from EXIF orientation o.
func orient(img image.Image, o int) image.Image {
	if o <= 1 || o > 8 {
		return img
	}
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	ow, oh := w, h
	if o >= 5 {
		ow, oh = h, w
	}
	out := image.NewNRGBA(image.Rect(0, 0, ow, oh))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			var dx, dy int
			switch o {
			case 2: // mirrored
				dx, dy = w-1-x, y
			case 3: // upside down
				dx, dy = w-1-x, h-1-y
			case 4: // upside down, mirrored
				dx, dy = x, h-1-y
			case 5: // transposed
				dx, dy = y, x
			case 6: // turned a quarter clockwise to be upright
				dx, dy = h-1-y, x
			case 7: // transversed
				dx, dy = h-1-y, w-1-x
			case 8: // turned a quarter anticlockwise to be upright
				dx, dy = y, w-1-x
			}
			out.Set(dx, dy, img.At(b.Min.X+x, b.Min.Y+y))
		}
	}
	return out
}

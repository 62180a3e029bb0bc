// Package imageiotest makes hostile pictures for tests: tiny files whose
// headers declare enormous sizes, the "pixel bombs" every decode in easel
// must refuse before allocating.
package imageiotest

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
)

// PNGBomb returns a valid-looking PNG of a few hundred bytes that declares
// w×h RGBA pixels: a decoder that trusts the header allocates 4·w·h bytes.
// Its image data holds the first few rows, zero-filled.
func PNGBomb(w, h int) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = 8, 6 // 8-bit RGBA
	Chunk(&b, "IHDR", ihdr)
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	row := make([]byte, 1+4*min(w, 4096))
	for range 4 {
		zw.Write(row)
	}
	zw.Close()
	Chunk(&b, "IDAT", z.Bytes())
	Chunk(&b, "IEND", nil)
	return b.Bytes()
}

// Chunk appends one PNG chunk with its length and CRC to b.
func Chunk(b *bytes.Buffer, typ string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	b.Write(n[:])
	crc := crc32.NewIEEE()
	crc.Write([]byte(typ))
	crc.Write(data)
	b.WriteString(typ)
	b.Write(data)
	binary.BigEndian.PutUint32(n[:], crc.Sum32())
	b.Write(n[:])
}

// JPEGBomb returns a small baseline JPEG whose frame header declares w×h
// pixels (each at most 65535, the format's limit).
func JPEGBomb(w, h int) []byte {
	img := image.NewGray(image.Rect(0, 0, 16, 16))
	for i := range img.Pix {
		img.Pix[i] = uint8(i)
	}
	img.Set(0, 0, color.Gray{255})
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, nil); err != nil {
		panic(err)
	}
	p := b.Bytes()
	for i := 2; i+9 < len(p); {
		if p[i] != 0xff {
			break
		}
		marker, n := p[i+1], int(binary.BigEndian.Uint16(p[i+2:]))
		if marker == 0xc0 || marker == 0xc2 { // SOF0/SOF2: precision, height, width
			binary.BigEndian.PutUint16(p[i+5:], uint16(h))
			binary.BigEndian.PutUint16(p[i+7:], uint16(w))
			return p
		}
		i += 2 + n
	}
	panic("imageiotest: no frame header in the encoded JPEG")
}

package pipeline

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"

	"github.com/easel-art/easel"
)

// withExif inserts an APP1 Exif segment with orientation o after the SOI.
func withExif(jpg []byte, o uint16, bo binary.ByteOrder) []byte {
	var t bytes.Buffer
	if bo == binary.LittleEndian {
		t.WriteString("II")
	} else {
		t.WriteString("MM")
	}
	binary.Write(&t, bo, uint16(42))
	binary.Write(&t, bo, uint32(8))
	binary.Write(&t, bo, uint16(1))      // one entry
	binary.Write(&t, bo, uint16(0x0112)) // orientation
	binary.Write(&t, bo, uint16(3))      // SHORT
	binary.Write(&t, bo, uint32(1))
	binary.Write(&t, bo, o)
	binary.Write(&t, bo, uint16(0))
	binary.Write(&t, bo, uint32(0)) // no next IFD
	seg := append([]byte("Exif\x00\x00"), t.Bytes()...)
	var out bytes.Buffer
	out.Write(jpg[:2])
	out.Write([]byte{0xff, 0xe1})
	binary.Write(&out, binary.BigEndian, uint16(len(seg)+2))
	out.Write(seg)
	out.Write(jpg[2:])
	return out.Bytes()
}

// marked is a w x h picture, dark except a white top-left corner block.
func marked(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = 30
		if i%4 == 3 {
			img.Pix[i] = 255
		}
	}
	for y := 0; y < h/4; y++ {
		for x := 0; x < w/4; x++ {
			img.Set(x, y, color.White)
		}
	}
	return img
}

func TestDecodePictureHonoursExifOrientation(t *testing.T) {
	var buf bytes.Buffer
	jpeg.Encode(&buf, marked(80, 40), &jpeg.Options{Quality: 95})
	cases := []struct {
		o          uint16
		w, h       int
		whiteX, wY int // where the white corner lands
	}{
		{1, 80, 40, 5, 5},
		{3, 80, 40, 75, 35},
		{6, 40, 80, 35, 5},
		{8, 40, 80, 5, 75},
		{2, 80, 40, 75, 5},
	}
	for _, c := range cases {
		for _, bo := range []binary.ByteOrder{binary.LittleEndian, binary.BigEndian} {
			p, err := DecodePicture("x.jpg", withExif(buf.Bytes(), c.o, bo))
			if err != nil {
				t.Fatal(err)
			}
			b := p.Image.Bounds()
			if b.Dx() != c.w || b.Dy() != c.h {
				t.Errorf("orientation %d: %dx%d; want %dx%d", c.o, b.Dx(), b.Dy(), c.w, c.h)
				continue
			}
			if r, _, _, _ := p.Image.At(c.whiteX, c.wY).RGBA(); r < 0xc000 {
				t.Errorf("orientation %d: the white corner is not at (%d,%d)", c.o, c.whiteX, c.wY)
			}
			// The PNG sent to remote engines is the upright picture too.
			cfg, err := png.DecodeConfig(bytes.NewReader(p.PNG))
			if err != nil || cfg.Width != c.w || cfg.Height != c.h {
				t.Errorf("orientation %d: PNG %v %v", c.o, cfg, err)
			}
		}
	}
}

func TestDecodePictureFormats(t *testing.T) {
	// 16-bit PNG: decoded and brought to 8 bits.
	img16 := image.NewRGBA64(image.Rect(0, 0, 8, 8))
	img16.Set(1, 1, color.RGBA64{0xffff, 0x8000, 0, 0xffff})
	var b16 bytes.Buffer
	png.Encode(&b16, img16)
	p, err := DecodePicture("deep.png", b16.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := p.Image.(*image.NRGBA); !ok {
		t.Errorf("16-bit PNG decoded as %T; want 8-bit NRGBA", p.Image)
	}
	// CMYK JPEG: Go decodes Adobe CMYK; easel turns it into RGB.
	cmyk := image.NewCMYK(image.Rect(0, 0, 16, 16))
	var bc bytes.Buffer
	jpeg.Encode(&bc, cmyk, nil)
	if p, err := DecodePicture("cmyk.jpg", bc.Bytes()); err != nil || p.Image.Bounds().Dx() != 16 {
		t.Errorf("CMYK JPEG: %v", err)
	}
	// An animated PNG is refused by name.
	var plain bytes.Buffer
	png.Encode(&plain, marked(8, 8))
	apng := insertChunk(plain.Bytes(), "acTL", make([]byte, 8))
	if _, err := DecodePicture("anim.png", apng); err == nil || !strings.Contains(err.Error(), "animated") || easel.ErrorCode(err) != easel.EINVALID {
		t.Errorf("animated PNG: %v; want EINVALID naming it animated", err)
	}
	for name, data := range map[string][]byte{
		"text.png":  []byte("not a picture"),
		"half.png":  plain.Bytes()[:plain.Len()/2],
		"empty.png": nil,
	} {
		if _, err := DecodePicture(name, data); err == nil || easel.ErrorCode(err) != easel.EINVALID || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: %v; want EINVALID naming the file", name, err)
		}
	}
}

// insertChunk puts a chunk right after IHDR.
func insertChunk(p []byte, typ string, data []byte) []byte {
	ihdrEnd := 8 + 8 + 13 + 4
	var c bytes.Buffer
	binary.Write(&c, binary.BigEndian, uint32(len(data)))
	c.WriteString(typ)
	c.Write(data)
	crc := crc32.NewIEEE()
	crc.Write([]byte(typ))
	crc.Write(data)
	binary.Write(&c, binary.BigEndian, crc.Sum32())
	return append(append(append([]byte{}, p[:ihdrEnd]...), c.Bytes()...), p[ihdrEnd:]...)
}

func TestMaskOf(t *testing.T) {
	// Transparent means repaint (OpenAI).
	n := image.NewNRGBA(image.Rect(0, 0, 4, 4))
	for i := range n.Pix {
		n.Pix[i] = 255
	}
	n.SetNRGBA(1, 1, color.NRGBA{0, 0, 0, 0})
	m, err := MaskOf("m.png", n, 4, 4)
	if err != nil {
		t.Fatal(err)
	}
	if m.AlphaAt(1, 1).A != 255 || m.AlphaAt(0, 0).A != 0 {
		t.Errorf("alpha mask: (1,1)=%d (0,0)=%d; want 255 and 0", m.AlphaAt(1, 1).A, m.AlphaAt(0, 0).A)
	}
	// White means repaint (A1111).
	g := image.NewGray(image.Rect(0, 0, 4, 4))
	g.SetGray(2, 3, color.Gray{255})
	m, err = MaskOf("m.png", g, 4, 4)
	if err != nil {
		t.Fatal(err)
	}
	if m.AlphaAt(2, 3).A != 255 || m.AlphaAt(0, 0).A != 0 {
		t.Errorf("grey mask: (2,3)=%d (0,0)=%d", m.AlphaAt(2, 3).A, m.AlphaAt(0, 0).A)
	}
	if _, err := MaskOf("m.png", g, 5, 4); err == nil || !strings.Contains(err.Error(), "4x4 but the picture is 5x4") {
		t.Errorf("wrong size: %v", err)
	}
	if _, err := MaskOf("m.png", image.NewGray(image.Rect(0, 0, 4, 4)), 4, 4); err == nil || !strings.Contains(err.Error(), "marks nothing") {
		t.Errorf("empty mask: %v", err)
	}
}

// FuzzPictureHeaders feeds arbitrary bytes to the JPEG orientation and
// animated-PNG readers: they must never panic or read out of bounds.
func FuzzPictureHeaders(f *testing.F) {
	var buf bytes.Buffer
	jpeg.Encode(&buf, marked(8, 8), nil)
	f.Add(withExif(buf.Bytes(), 6, binary.LittleEndian))
	f.Add(withExif(buf.Bytes(), 9, binary.BigEndian))
	var p bytes.Buffer
	png.Encode(&p, marked(8, 8))
	f.Add(insertChunk(p.Bytes(), "acTL", make([]byte, 8)))
	f.Add([]byte{0xff, 0xd8, 0xff, 0xe1, 0x00, 0x02})
	f.Fuzz(func(t *testing.T, data []byte) {
		if o := jpegOrientation(data); o < 1 || o > 8 {
			t.Fatalf("orientation %d", o)
		}
		animatedPNG(data)
	})
}

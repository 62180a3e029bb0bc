package imageio_test

import (
	"testing"

	"github.com/easel-art/easel/imageio"
	"github.com/easel-art/easel/imageio/imageiotest"
)

// FuzzDecode feeds hostile headers to the checked decode: whatever the
// bytes declare, it must not panic, and a picture it returns is within the
// budget (a small one here, so the fuzzer cannot make it allocate much).
func FuzzDecode(f *testing.F) {
	const budget = 1 << 16
	f.Add(imageiotest.PNGBomb(100000, 100000))
	f.Add(imageiotest.PNGBomb(64, 64))
	f.Add(imageiotest.PNGBomb(300, 300))
	f.Add(imageiotest.JPEGBomb(65535, 65535))
	f.Add(imageiotest.JPEGBomb(16, 16))
	f.Add(smallPNG(f, 8, 8))
	f.Add([]byte("RIFF\x1a\x00\x00\x00WEBPVP8X\x0a\x00\x00\x00\x10\x00\x00\x00\xff\xff\x00\xff\xff\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		img, _, err := imageio.DecodeMax(data, budget)
		if err != nil {
			return
		}
		if b := img.Bounds(); int64(b.Dx())*int64(b.Dy()) > budget {
			t.Fatalf("decoded %v, over the %d-pixel budget", b, budget)
		}
	})
}

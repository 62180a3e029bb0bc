package pngmeta

import (
	"bytes"
	"image"
	"image/png"
	"math/rand/v2"
	"testing"
)

// benchPNG is a 1024×1024 PNG of noise (about 3 MB, the size of a real
// picture's PNG rather than a gradient's few KB) with easel's metadata.
func benchPNG(b *testing.B) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 1024, 1024))
	r := rand.New(rand.NewPCG(1, 2))
	for i := range img.Pix {
		img.Pix[i] = uint8(r.Uint32())
	}
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, img); err != nil {
		b.Fatal(err)
	}
	a := testArtwork()
	p, err := Write(buf.Bytes(), a.Prompt, a.NegativePrompt, ParamsFor(a), mustJSON(b, a))
	if err != nil {
		b.Fatal(err)
	}
	return p
}

func BenchmarkWrite(b *testing.B) {
	p := benchPNG(b)
	a := testArtwork()
	params, js := ParamsFor(a), mustJSON(b, a)
	b.SetBytes(int64(len(p)))
	for b.Loop() {
		if _, err := Write(p, a.Prompt, a.NegativePrompt, params, js); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRead(b *testing.B) {
	for _, bc := range []struct {
		name string
		png  []byte
	}{
		{"easel-1024", benchPNG(b)},
		{"comfyui", fixtures(b)["comfyui-advanced"]},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.png)))
			for b.Loop() {
				if _, err := Read(bc.png); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkFormatInfotext(b *testing.B) {
	a := testArtwork()
	params := ParamsFor(a)
	params.Set("Lora hashes", "add_detail: 7c6bad76eb54, film: 1a2b")
	for b.Loop() {
		FormatInfotext(a.Prompt, a.NegativePrompt, params)
	}
}

func BenchmarkParseInfotext(b *testing.B) {
	a := testArtwork()
	params := ParamsFor(a)
	params.Set("Lora hashes", "add_detail: 7c6bad76eb54, film: 1a2b")
	s := FormatInfotext(a.Prompt, a.NegativePrompt, params)
	for b.Loop() {
		ParseInfotext(s)
	}
}

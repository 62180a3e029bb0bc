package pngmeta

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"image"
	"image/color"
	"image/png"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/easel-art/easel"
)

// testPNG encodes a small w×h gradient with image/png, which writes no
// text chunks.
func testPNG(tb testing.TB, w, h int) []byte {
	tb.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(x * 255 / w), uint8(y * 255 / h), uint8((x + y) % 256), 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// afterIHDR is where the first chunk after IHDR starts in any PNG:
// signature (8) + IHDR (4 length + 4 type + 13 data + 4 CRC).
const afterIHDR = 8 + 25

// withRaw returns png with raw chunk bytes inserted after IHDR.
func withRaw(png []byte, raw ...[]byte) []byte {
	out := append([]byte(nil), png[:afterIHDR]...)
	for _, r := range raw {
		out = append(out, r...)
	}
	return append(out, png[afterIHDR:]...)
}

func chunk(typ string, data ...[]byte) []byte {
	return appendChunk(nil, typ, bytes.Join(data, nil))
}

func zlibBytes(tb testing.TB, b []byte) []byte {
	tb.Helper()
	var buf bytes.Buffer
	w := zlib.NewWriter(&buf)
	if _, err := w.Write(b); err != nil {
		tb.Fatal(err)
	}
	if err := w.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// chunkTypes lists the chunk types of png in order.
func chunkTypes(tb testing.TB, png []byte) []string {
	tb.Helper()
	var types []string
	err := walk(png, func(typ string, _ []byte, _, _ int) error {
		if typ != "IDAT" || types[len(types)-1] != "IDAT" {
			types = append(types, typ)
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return types
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := easel.ErrorCode(err); got != code {
		t.Fatalf("error %v has code %q; want %q", err, got, code)
	}
}

func TestInjectReadTexts(t *testing.T) {
	base := testPNG(t, 8, 6)
	tests := []struct {
		name string
		in   Text
		want Text
	}{
		{"ascii", Text{Keyword: "parameters", Value: "a fox, Steps: 20"}, Text{"parameters", "a fox, Steps: 20", ChunkTEXt}},
		{"latin-1", Text{Keyword: "Comment", Value: "café crème, ½ ÿ"}, Text{"Comment", "café crème, ½ ÿ", ChunkTEXt}},
		{"latin-1 keyword", Text{Keyword: "Légende", Value: "x"}, Text{"Légende", "x", ChunkTEXt}},
		{"non-latin-1", Text{Keyword: "parameters", Value: "富士山の夕日 🌅"}, Text{"parameters", "富士山の夕日 🌅", ChunkITXt}},
		{"euro sign is not latin-1", Text{Keyword: "k", Value: "5 €"}, Text{"k", "5 €", ChunkITXt}},
		{"forced iTXt", Text{Keyword: "easel", Value: `{"a":1}`, Chunk: ChunkITXt}, Text{"easel", `{"a":1}`, ChunkITXt}},
		{"forced tEXt", Text{Keyword: "k", Value: "é", Chunk: ChunkTEXt}, Text{"k", "é", ChunkTEXt}},
		{"newlines", Text{Keyword: "k", Value: "line 1\nline 2\r\n\tend"}, Text{"k", "line 1\nline 2\r\n\tend", ChunkTEXt}},
		{"empty value", Text{Keyword: "k", Value: ""}, Text{"k", "", ChunkTEXt}},
		{"79-byte keyword", Text{Keyword: strings.Repeat("k", 79), Value: "v"}, Text{strings.Repeat("k", 79), "v", ChunkTEXt}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := Inject(base, []Text{tt.in})
			if err != nil {
				t.Fatal(err)
			}
			got, err := ReadTexts(out)
			if err != nil {
				t.Fatal(err)
			}
			if want := []Text{tt.want}; !reflect.DeepEqual(got, want) {
				t.Errorf("got %q; want %q", got, want)
			}
		})
	}
}

func TestInjectKeepsImage(t *testing.T) {
	base := testPNG(t, 16, 9)
	out, err := Inject(base, []Text{{Keyword: "a", Value: "1"}, {Keyword: "b", Value: "日本"}})
	if err != nil {
		t.Fatal(err)
	}
	want, err := png.Decode(bytes.NewReader(base))
	if err != nil {
		t.Fatal(err)
	}
	got, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("image/png cannot decode the output: %v", err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Error("pixels changed")
	}
	if got, want := chunkTypes(t, out), []string{"IHDR", "tEXt", "iTXt", "IDAT", "IEND"}; !reflect.DeepEqual(got, want) {
		t.Errorf("chunks %v; want %v", got, want)
	}
}

func TestInjectReplacesSameKeyword(t *testing.T) {
	base := withRaw(testPNG(t, 4, 4),
		chunk("tEXt", []byte("parameters\x00old")),
		chunk("zTXt", []byte("easel\x00\x00"), zlibBytes(t, []byte("{}"))),
		chunk("tEXt", []byte("Software\x00other tool")),
	)
	// Put an old chunk after IDAT too; the PNG spec allows text there.
	base = append(base[:len(base)-12], append(chunk("iTXt", []byte("parameters\x00\x00\x00\x00\x00late")), base[len(base)-12:]...)...)
	out, err := Inject(base, []Text{{Keyword: "parameters", Value: "new"}, {Keyword: "easel", Value: "{}", Chunk: ChunkITXt}})
	if err != nil {
		t.Fatal(err)
	}
	got, err := ReadTexts(out)
	if err != nil {
		t.Fatal(err)
	}
	want := []Text{{"parameters", "new", ChunkTEXt}, {"easel", "{}", ChunkITXt}, {"Software", "other tool", ChunkTEXt}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q; want %q", got, want)
	}
}

func TestInjectDropsTrailingBytes(t *testing.T) {
	base := testPNG(t, 4, 4)
	out, err := Inject(append(base, "garbage"...), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out, base) {
		t.Error("Inject with no texts should give back the PNG up to IEND")
	}
}

func TestInjectErrors(t *testing.T) {
	base := testPNG(t, 4, 4)
	tests := []struct {
		name string
		png  []byte
		text Text
	}{
		{"empty keyword", base, Text{Keyword: "", Value: "v"}},
		{"80-byte keyword", base, Text{Keyword: strings.Repeat("k", 80), Value: "v"}},
		{"leading space", base, Text{Keyword: " k", Value: "v"}},
		{"trailing space", base, Text{Keyword: "k ", Value: "v"}},
		{"double space", base, Text{Keyword: "a  b", Value: "v"}},
		{"control in keyword", base, Text{Keyword: "a\nb", Value: "v"}},
		{"non-latin-1 keyword", base, Text{Keyword: "日本", Value: "v"}},
		{"NUL in keyword", base, Text{Keyword: "a\x00b", Value: "v"}},
		{"NUL in value", base, Text{Keyword: "k", Value: "a\x00b"}},
		{"invalid UTF-8", base, Text{Keyword: "k", Value: "a\xffb"}},
		{"tEXt forced on non-latin-1", base, Text{Keyword: "k", Value: "日本", Chunk: ChunkTEXt}},
		{"zTXt is not written", base, Text{Keyword: "k", Value: "v", Chunk: ChunkZTXt}},
		{"not a PNG", []byte("GIF89a"), Text{Keyword: "k", Value: "v"}},
		{"truncated", base[:len(base)-5], Text{Keyword: "k", Value: "v"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := Inject(tt.png, []Text{tt.text})
			if err == nil {
				t.Fatalf("Inject succeeded (%d bytes); want an error", len(out))
			}
			wantCode(t, err, easel.EINVALID)
		})
	}
}

func TestReadTextsCompressed(t *testing.T) {
	long := strings.Repeat("a long ComfyUI workflow, ", 200)
	p := withRaw(testPNG(t, 4, 4),
		chunk("zTXt", []byte("Comment\x00\x00"), zlibBytes(t, []byte("caf\xe9"))),
		chunk("iTXt", []byte("workflow\x00\x01\x00\x00\x00"), zlibBytes(t, []byte(long))),
		chunk("iTXt", []byte("Title\x00\x00\x00ja\x00タイトル\x00"), []byte("富士山")),
		chunk("iTXt", []byte("bad\x00\x00\x00\x00\x00"), []byte("a\xffb")),
	)
	got, err := ReadTexts(p)
	if err != nil {
		t.Fatal(err)
	}
	want := []Text{
		{"Comment", "café", ChunkZTXt},
		{"workflow", long, ChunkITXt},
		{"Title", "富士山", ChunkITXt},
		{"bad", "a\uFFFDb", ChunkITXt},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q; want %q", got, want)
	}
}

func TestReadTextsNone(t *testing.T) {
	got, err := ReadTexts(testPNG(t, 4, 4))
	if err != nil || len(got) != 0 {
		t.Errorf("got %q, %v; want no texts, no error", got, err)
	}
}

func TestReadTextsStopsAtIEND(t *testing.T) {
	p := append(testPNG(t, 4, 4), chunk("tEXt", []byte("after\x00iend"))...)
	p = append(p, "trailing junk"...)
	got, err := ReadTexts(p)
	if err != nil || len(got) != 0 {
		t.Errorf("got %q, %v; want no texts, no error", got, err)
	}
}

func TestReadTextsErrors(t *testing.T) {
	good := withRaw(testPNG(t, 4, 4), chunk("tEXt", []byte("k\x00v")))
	flip := func(i int) []byte {
		p := bytes.Clone(good)
		p[i] ^= 0x20
		return p
	}
	badLen := bytes.Clone(good)
	binary.BigEndian.PutUint32(badLen[afterIHDR:], 1<<31)
	tests := []struct {
		name string
		png  []byte
		want string // in the message
	}{
		{"empty", nil, "not a PNG"},
		{"gif", []byte("GIF89a\x01\x00\x01\x00"), "not a PNG"},
		{"jpeg", []byte("\xff\xd8\xff\xe0\x00\x10JFIF"), "not a PNG"},
		{"signature only", good[:8], "truncated"},
		{"cut in IHDR", good[:20], "truncated"},
		{"cut in text", good[:afterIHDR+9], "truncated"},
		{"no IEND", good[:len(good)-12], "truncated"},
		{"text data CRC", flip(afterIHDR + 8), "CRC"},
		{"text type CRC", flip(afterIHDR + 4), "CRC"},
		{"CRC bytes", flip(afterIHDR + 8 + 3), "CRC"},
		{"IDAT CRC", flip(len(good) - 12 - 6), "CRC"},
		{"IHDR CRC", flip(8 + 10), "CRC"},
		{"chunk type not letters", withRaw(testPNG(t, 4, 4), chunk("tE1t", []byte("k\x00v"))), "not valid"},
		{"length over 2^31-1", badLen, "not valid"},
		{"text before IHDR", append([]byte(signature), append(chunk("tEXt", []byte("k\x00v")), good[8:]...)...), "instead of IHDR"},
		{"tEXt without NUL", withRaw(testPNG(t, 4, 4), chunk("tEXt", []byte("keyword only"))), "tEXt chunk"},
		{"zTXt method", withRaw(testPNG(t, 4, 4), chunk("zTXt", []byte("k\x00\x01"), zlibBytes(t, []byte("v")))), "compression method"},
		{"zTXt not zlib", withRaw(testPNG(t, 4, 4), chunk("zTXt", []byte("k\x00\x00not zlib"))), "zlib"},
		{"zTXt bad checksum", withRaw(testPNG(t, 4, 4), chunk("zTXt", []byte("k\x00\x00"), badChecksum(zlibBytes(t, []byte("value"))))), "zlib"},
		{"iTXt flag", withRaw(testPNG(t, 4, 4), chunk("iTXt", []byte("k\x00\x02\x00\x00\x00v"))), "compression flag"},
		{"iTXt method", withRaw(testPNG(t, 4, 4), chunk("iTXt", []byte("k\x00\x01\x05\x00\x00v"))), "compression method"},
		{"iTXt header cut", withRaw(testPNG(t, 4, 4), chunk("iTXt", []byte("k\x00\x00\x00en"))), "iTXt chunk"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadTexts(tt.png)
			if err == nil {
				t.Fatalf("got %q; want an error", got)
			}
			wantCode(t, err, easel.EINVALID)
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not mention %q", err, tt.want)
			}
		})
	}
}

func badChecksum(z []byte) []byte {
	z = bytes.Clone(z)
	z[len(z)-1] ^= 1
	return z
}

// Every prefix of a valid PNG is an error, never a panic or a success.
func TestReadTextsEveryPrefix(t *testing.T) {
	p := withRaw(testPNG(t, 4, 4), chunk("tEXt", []byte("k\x00v")), chunk("iTXt", []byte("w\x00\x01\x00\x00\x00"), zlibBytes(t, []byte("x"))))
	for n := range len(p) {
		if _, err := ReadTexts(p[:n]); err == nil {
			t.Fatalf("prefix of %d bytes read without error", n)
		}
	}
}

func TestReadTextsZipBomb(t *testing.T) {
	// 1 MiB of zeros compresses to about 1 KiB.
	mib := zlibBytes(t, make([]byte, 1<<20))
	bomb := zlibBytes(t, make([]byte, MaxInflated+1))
	t.Logf("a %d MiB bomb is %d bytes", MaxInflated>>20, len(bomb))
	tests := []struct {
		name   string
		png    []byte
		budget int
		ok     bool
	}{
		{"one chunk at the limit", withRaw(testPNG(t, 4, 4), chunk("zTXt", []byte("k\x00\x00"), mib)), 1 << 20, true},
		{"one chunk over the limit", withRaw(testPNG(t, 4, 4), chunk("zTXt", []byte("k\x00\x00"), mib)), 1<<20 - 1, false},
		{"two chunks over the limit together", withRaw(testPNG(t, 4, 4),
			chunk("zTXt", []byte("k\x00\x00"), mib), chunk("iTXt", []byte("k\x00\x01\x00\x00\x00"), mib)), 2<<20 - 1, false},
		{"real limit", withRaw(testPNG(t, 4, 4), chunk("iTXt", []byte("k\x00\x01\x00\x00\x00"), bomb)), MaxInflated, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readTexts(tt.png, tt.budget)
			if tt.ok && err != nil {
				t.Fatal(err)
			}
			if !tt.ok {
				if err == nil {
					t.Fatal("read without error; want the decompression limit to stop it")
				}
				wantCode(t, err, easel.EINVALID)
				if !strings.Contains(err.Error(), "decompression bomb") {
					t.Errorf("error %q does not say why", err)
				}
			}
		})
	}
}

// TestLargeTextRefusedWhileRead: plain text chunks count against the text
// budget, so a huge one is refused before it is kept (the 60 MB
// PNG cost 1.9 GB and 28 s in vary before); an infotext over a megabyte
// is refused too.
func TestLargeTextRefusedWhileRead(t *testing.T) {
	base := testPNG(t, 4, 4)
	big := bytes.Repeat([]byte("a photo of a cat, "), (MaxInflated+1)/18+1)
	for name, png := range map[string][]byte{
		"tEXt over the budget":      withRaw(base, chunk("tEXt", []byte("comment\x00"), big)),
		"iTXt over the budget":      withRaw(base, chunk("iTXt", []byte("comment\x00\x00\x00\x00\x00"), big)),
		"two tEXt over it together": withRaw(base, chunk("tEXt", []byte("a\x00"), big[:MaxInflated/2+10]), chunk("tEXt", []byte("b\x00"), big[:MaxInflated/2+10])),
		"a 2 MB parameters text":    withRaw(base, chunk("tEXt", []byte("parameters\x00"), big[:2<<20])),
	} {
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		_, err := Read(png)
		runtime.ReadMemStats(&m1)
		if easel.ErrorCode(err) != easel.EINVALID {
			t.Errorf("%s: %v; want EINVALID", name, err)
		}
		limit := uint64(8 << 20)
		if strings.Contains(name, "together") {
			limit += MaxInflated / 2 // the first is within the budget, and kept
		}
		if got := m1.TotalAlloc - m0.TotalAlloc; got > limit {
			t.Errorf("%s: refusing it allocated %d MB", name, got>>20)
		}
	}
	// Just under: read.
	if _, err := Read(withRaw(base, chunk("tEXt", []byte("comment\x00"), big[:1<<20]))); err != nil {
		t.Errorf("a 1 MB comment: %v", err)
	}
}

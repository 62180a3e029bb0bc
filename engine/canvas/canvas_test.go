package canvas

import (
	"bytes"
	"context"
	"crypto/sha256"
	hexenc "encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/scene"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// benchScene is a full landscape: sky with sun and clouds, mountain layers,
// a lake with reflections, pines and birds.
var benchScene = &easel.Scene{
	Idea: "mountains reflected in a lake at dawn", Domain: "mountains", TimeOfDay: "dawn", Weather: "cloudy",
	Elements: []string{"mountains", "lake", "reflection", "sun", "clouds", "pines", "birds"},
}

func TestEngineDescribesItself(t *testing.T) {
	e := New()
	if e.Name() != "builtin" {
		t.Errorf("Name() = %q; want builtin", e.Name())
	}
	c := e.Capabilities()
	if c.Dialect != easel.DialectNatural || c.SizeStep != 1 || !c.Seed || c.Negative || c.MaxN != 8 || !c.Local || c.PricePerImage != 0 || len(c.Sizes) != 0 {
		t.Errorf("Capabilities() = %+v; want natural, any size step 1, seed, no negative, max 8, local, free", c)
	}
}

func TestRenderSizes(t *testing.T) {
	for _, sz := range []easel.Size{{Width: 64, Height: 64}, {Width: 2048, Height: 64}, {Width: 64, Height: 2048}, {Width: 333, Height: 77}, {Width: 640, Height: 360}, {Width: 360, Height: 640}} {
		t.Run(sz.String(), func(t *testing.T) {
			res, err := New().Render(t.Context(), &easel.RenderRequest{Scene: benchScene, Width: sz.Width, Height: sz.Height, Seed: 3})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Images) != 1 || res.Width != sz.Width || res.Height != sz.Height {
				t.Fatalf("got %d images %dx%d; want 1 at %v", len(res.Images), res.Width, res.Height, sz)
			}
			img, err := png.Decode(bytes.NewReader(res.Images[0].PNG))
			if err != nil {
				t.Fatal(err)
			}
			if b := img.Bounds(); b.Dx() != sz.Width || b.Dy() != sz.Height {
				t.Errorf("decoded %dx%d; want %v", b.Dx(), b.Dy(), sz)
			}
		})
	}
}

func TestRenderRejects(t *testing.T) {
	for _, req := range []easel.RenderRequest{
		{Width: 63, Height: 64}, {Width: 64, Height: 2049}, {Width: 0, Height: 0},
		{Width: 64, Height: 64, N: 9}, {Width: 64, Height: 64, N: -1},
	} {
		_, err := New().Render(t.Context(), &req)
		if easel.ErrorCode(err) != easel.EINVALID {
			t.Errorf("Render(%dx%d, n=%d) error = %v; want EINVALID", req.Width, req.Height, req.N, err)
		}
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := New().Render(ctx, &easel.RenderRequest{Width: 64, Height: 64}); !errors.Is(err, context.Canceled) {
		t.Errorf("Render(cancelled) error = %v; want context.Canceled", err)
	}
}

func TestRenderSeeds(t *testing.T) {
	req := &easel.RenderRequest{Scene: benchScene, Width: 96, Height: 64, Seed: 41, N: 3}
	var calls []float64
	req.Progress = func(f float64) { calls = append(calls, f) }
	res, err := New().Render(t.Context(), req)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Images) != 3 || len(calls) != 3 || calls[2] != 1 {
		t.Fatalf("got %d images, progress %v; want 3 images and progress up to 1", len(res.Images), calls)
	}
	seen := map[string]bool{}
	for i, im := range res.Images {
		if im.Seed != 41+int64(i) {
			t.Errorf("image %d seed = %d; want %d", i, im.Seed, 41+i)
		}
		one, err := New().Render(t.Context(), &easel.RenderRequest{Scene: benchScene, Width: 96, Height: 64, Seed: im.Seed})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(one.Images[0].PNG, im.PNG) {
			t.Errorf("image %d differs from a single render with seed %d", i, im.Seed)
		}
		seen[string(im.PNG)] = true
	}
	if len(seen) != 3 {
		t.Errorf("3 seeds gave %d distinct pictures", len(seen))
	}
}

// diff is the mean absolute difference of two same-size pictures, 0..255.
func diff(a, b *image.RGBA) float64 {
	var s float64
	for i := range a.Pix {
		s += math.Abs(float64(a.Pix[i]) - float64(b.Pix[i]))
	}
	return s / float64(len(a.Pix))
}

// stats returns the mean luminance, mean red minus blue, and the standard
// deviation of luminance, all 0..1.
func stats(img *image.RGBA) (lum, warm, sd float64) {
	n := float64(len(img.Pix) / 4)
	var s, s2, w float64
	for i := 0; i < len(img.Pix); i += 4 {
		r, g, b := float64(img.Pix[i])/255, float64(img.Pix[i+1])/255, float64(img.Pix[i+2])/255
		l := 0.299*r + 0.587*g + 0.114*b
		s += l
		s2 += l * l
		w += r - b
	}
	lum = s / n
	return lum, w / n, math.Sqrt(math.Max(s2/n-lum*lum, 0))
}

func TestDeterministicAndSeedChangesComposition(t *testing.T) {
	a := Draw(benchScene, "", 160, 120, 7)
	b := Draw(benchScene, "", 160, 120, 7)
	if diff(a, b) != 0 {
		t.Fatal("the same seed gave different pictures")
	}
	// Another seed moves things: far more than grain would change.
	c := Draw(benchScene, "", 160, 120, 8)
	if d := diff(a, c); d < 8 {
		t.Errorf("seeds 7 and 8 differ by %.1f levels on average; want a different composition (> 8)", d)
	}
}

func TestNeverBlank(t *testing.T) {
	scenes := map[string]*easel.Scene{
		"nil":     nil,
		"empty":   {},
		"unknown": {Subject: "a quantum teapot", Domain: "nonsense", Elements: []string{"teapot", "???"}, Palette: []string{"octarine"}, Style: "made-up"},
		"words":   {Idea: "a fox in the snow at night"},
	}
	for _, idea := range []string{"a beach sunset", "an underwater scene with jellyfish", "a space station orbiting a blue planet",
		"a bowl of ramen on a wooden table", "a cat sitting on a windowsill", "a rainy street in paris at night",
		"a tropical island seen from above", "a portrait of an elderly fisherman", "a steampunk airship above the clouds"} {
		scenes[idea] = scene.Parse(idea)
	}
	for name, s := range scenes {
		for _, st := range Styles {
			img := Draw(s, st, 96, 72, 1)
			if _, _, sd := stats(img); sd < 0.02 {
				t.Errorf("%s in %s: luminance spread %.3f; the picture is nearly blank", name, st, sd)
			}
		}
	}
}

func TestColoursFollowWords(t *testing.T) {
	draw := func(s *easel.Scene) (lum, warm float64) {
		var l, w float64
		for seed := int64(0); seed < 3; seed++ {
			a, b, _ := stats(Draw(s, "photo", 128, 96, seed))
			l += a
			w += b
		}
		return l / 3, w / 3
	}
	base := func(mod func(*easel.Scene)) *easel.Scene {
		s := &easel.Scene{Elements: []string{"hills", "trees"}}
		mod(s)
		return s
	}
	noonL, noonW := draw(base(func(s *easel.Scene) { s.TimeOfDay = "noon" }))
	nightL, _ := draw(base(func(s *easel.Scene) { s.TimeOfDay = "night" }))
	_, sunsetW := draw(base(func(s *easel.Scene) { s.TimeOfDay = "sunset" }))
	stormL, _ := draw(base(func(s *easel.Scene) { s.TimeOfDay = "noon"; s.Weather = "storm" }))
	_, redW := draw(base(func(s *easel.Scene) { s.TimeOfDay = "noon"; s.Palette = []string{"red"} }))
	_, blueW := draw(base(func(s *easel.Scene) { s.TimeOfDay = "noon"; s.Palette = []string{"blue"} }))
	winterL, _ := draw(base(func(s *easel.Scene) { s.TimeOfDay = "noon"; s.Season = "winter" }))
	checks := []struct {
		name string
		ok   bool
		got  string
	}{
		{"night is darker than noon", nightL < noonL*0.5, fmt.Sprintf("night %.2f noon %.2f", nightL, noonL)},
		{"sunset is warmer than noon", sunsetW > noonW+0.1, fmt.Sprintf("sunset %.2f noon %.2f", sunsetW, noonW)},
		{"a storm is darker than noon", stormL < noonL*0.8, fmt.Sprintf("storm %.2f noon %.2f", stormL, noonL)},
		{"palette red is warmer than palette blue", redW > blueW+0.1, fmt.Sprintf("red %.2f blue %.2f", redW, blueW)},
		{"winter is brighter than summer", winterL > noonL, fmt.Sprintf("winter %.2f summer %.2f", winterL, noonL)},
	}
	for _, c := range checks {
		if !c.ok {
			t.Errorf("%s: %s", c.name, c.got)
		}
	}
}

// TestNoPerPixelAllocations checks that allocations do not grow with the
// picture: a 4x bigger picture may allocate bigger buffers, not more of them.
func TestNoPerPixelAllocations(t *testing.T) {
	small := testing.AllocsPerRun(3, func() { Draw(benchScene, "", 128, 128, 1) })
	big := testing.AllocsPerRun(3, func() { Draw(benchScene, "", 512, 512, 1) })
	if big > small*1.5+50 {
		t.Errorf("Draw allocates %.0f times at 128x128 and %.0f at 512x512; allocations grow with pixels", small, big)
	}
}

// golden cases: small renders whose pixel hashes are pinned per seed, so a
// change to the painter is a visible, reviewed change. Run with -update
// after an intended change and look at the pictures.
var goldenCases = []struct {
	name  string
	scene *easel.Scene
	style string
	seed  int64
}{
	{"empty-seed1", nil, "", 1},
	{"empty-seed2", nil, "", 2},
	{"lake-dawn", benchScene, "", 5},
	{"beach-sunset-watercolor", &easel.Scene{TimeOfDay: "sunset", Elements: []string{"sea", "beach", "sun", "palms"}}, "watercolor", 3},
	{"city-night-synthwave", &easel.Scene{TimeOfDay: "night", Elements: []string{"skyline", "neon"}}, "synthwave", 4},
	{"village-snow-woodblock", &easel.Scene{Season: "winter", TimeOfDay: "night", Elements: []string{"houses", "snow", "pines"}}, "woodblock", 6},
	{"forest-pixel", &easel.Scene{Elements: []string{"forest", "mountains"}}, "pixel art", 7},
	{"space-oil", &easel.Scene{Elements: []string{"space", "planet", "nebula"}}, "oil", 8},
	{"underwater-flat", &easel.Scene{Elements: []string{"underwater", "fish", "coral"}}, "flat vector", 9},
	{"storm-film", &easel.Scene{Weather: "storm", Elements: []string{"sea", "lighthouse", "cliffs"}}, "film photo", 10},
	{"barn-pencil", &easel.Scene{Elements: []string{"barn", "wheat", "field"}}, "pencil sketch", 11},
	{"mug-wood", &easel.Scene{Idea: "a ceramic mug on a wooden table", Subjects: []easel.Subject{{Noun: "mug", Adjectives: []string{"ceramic"}, Element: "object"}},
		Elements: []string{"object", "table"}}, "", 12},
	{"backpack-white-watercolor", &easel.Scene{Idea: "a red backpack on a white background", Subject: "a red backpack", Elements: []string{"object"}}, "watercolor", 13},
}

func TestGolden(t *testing.T) {
	for _, c := range goldenCases {
		t.Run(c.name, func(t *testing.T) {
			img := Draw(c.scene, c.style, 96, 64, c.seed)
			sum := sha256.Sum256(img.Pix)
			got := hexenc.EncodeToString(sum[:]) + "\n"
			path := filepath.Join("testdata", c.name+".golden")
			// The picture the hash pins is kept beside it, so a mismatch
			// can be looked at: want is testdata/NAME.png, got is written
			// to the temporary directory.
			wantPNG := filepath.Join("testdata", c.name+".png")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				writePNG(t, wantPNG, img)
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				gotPNG := filepath.Join(os.TempDir(), "easel-golden-"+c.name+".got.png")
				writePNG(t, gotPNG, img)
				t.Errorf("pixels of %s changed: sha256 %s; want %s: look at got %s and want %s, then go test -update", c.name, strings.TrimSpace(got), strings.TrimSpace(string(want)), gotPNG, wantPNG)
			}
		})
	}
}

func TestSheet(t *testing.T) {
	items := []SheetItem{
		{Image: Draw(nil, "", 200, 100, 1), Caption: "a wide one"},
		{Image: Draw(nil, "", 100, 200, 2), Caption: strings.Repeat("a very long caption that needs wrapping ", 6)},
		{Image: Draw(nil, "", 64, 64, 3), Caption: ""},
	}
	img := Sheet(items, SheetOptions{Columns: 2, Cell: 128, Title: "review"})
	b := img.Bounds()
	if b.Dx() < 2*128 || b.Dy() < 2*128 {
		t.Fatalf("sheet is %dx%d; want room for 2x2 cells of 128", b.Dx(), b.Dy())
	}
	face := sheetFace(128.0 / 18)
	lines := wrap(face, items[1].Caption, 128, 2)
	if len(lines) != 2 || !strings.HasSuffix(lines[1], "…") {
		t.Errorf("wrap = %q; want 2 lines ending in an ellipsis", lines)
	}
	if got := wrap(face, "short", 128, 2); len(got) != 1 || got[0] != "short" {
		t.Errorf("wrap(short) = %q", got)
	}
}

// TestSheetWideRows checks that a sheet of 16:9 pictures is only as tall
// as the pictures need: no empty band of a square cell's height around them.
func TestSheetWideRows(t *testing.T) {
	wide := Draw(nil, "", 160, 90, 1)
	square := Draw(nil, "", 90, 90, 1)
	var wides, squares []SheetItem
	for range 4 {
		wides = append(wides, SheetItem{Image: wide, Caption: "wide"})
		squares = append(squares, SheetItem{Image: square, Caption: "square"})
	}
	opts := SheetOptions{Columns: 2, Cell: 160}
	w, s := Sheet(wides, opts).Bounds(), Sheet(squares, opts).Bounds()
	if w.Dx() != s.Dx() {
		t.Errorf("wide sheet is %d wide, square sheet %d; want the same columns", w.Dx(), s.Dx())
	}
	// Two rows, each 160-90 = 70 pixels less tall.
	if got, want := s.Dy()-w.Dy(), 2*70; got != want {
		t.Errorf("wide sheet is %d pixels shorter than a square one; want %d", got, want)
	}
	// The thumbnail fills its cell's width: the pixel at the left edge of the
	// first cell, half way down the picture, is the picture, not the background.
	img := Sheet(wides[:1], SheetOptions{Columns: 1, Cell: 160})
	pad := 10
	if got := img.RGBAAt(pad, pad+45); got == (color.RGBA{0x1c, 0x1c, 0x20, 0xff}) {
		t.Errorf("pixel (%d,%d) is the sheet's background; want the picture", pad, pad+45)
	}
}

// FuzzSceneJSON feeds arbitrary Scene JSON to the painter: whatever an LLM
// or a person writes, Draw must return a picture of the asked size.
func FuzzSceneJSON(f *testing.F) {
	f.Add([]byte(`{"time_of_day":"sunset","elements":["sea","beach","sun"]}`), "watercolor", int64(1))
	f.Add([]byte(`{"elements":["castle","full moon","hills"],"palette":["red","pastel"],"mood":"eerie"}`), "woodblock", int64(2))
	f.Add([]byte(`{"idea":"a fox","view":"aerial","elements":["sea"]}`), "pixel art", int64(-5))
	f.Add([]byte(`{}`), "", int64(0))
	f.Add([]byte(`{"idea":"an abstract pattern","domain":"abstract","palette":["red","gold"]}`), "flat vector", int64(-3))
	f.Add([]byte(`{"idea":"a cabin in a forest seen from above","view":"aerial","subjects":[{"noun":"cabin","element":"cabin"}],"elements":["cabin","forest","snow"]}`), "", int64(4))
	f.Fuzz(func(t *testing.T, data []byte, style string, seed int64) {
		var s easel.Scene
		if json.Unmarshal(data, &s) != nil {
			return
		}
		img := Draw(&s, style, 64, 80, seed)
		if b := img.Bounds(); b.Dx() != 64 || b.Dy() != 80 {
			t.Fatalf("got %v; want 64x80", b)
		}
	})
}

func BenchmarkDraw512(b *testing.B) {
	for b.Loop() {
		Draw(benchScene, "", 512, 512, 1)
	}
}

func BenchmarkDraw1024(b *testing.B) {
	for b.Loop() {
		Draw(benchScene, "", 1024, 1024, 1)
	}
}

// BenchmarkEncode1024 is what drawing is measured against: image/png at
// BestSpeed on the same 1024x1024 picture.
func BenchmarkEncode1024(b *testing.B) {
	img := Draw(benchScene, "", 1024, 1024, 1)
	for b.Loop() {
		if _, err := EncodePNG(img); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDrawStyles1024 measures each style on the full scene.
func BenchmarkDrawStyles1024(b *testing.B) {
	for _, st := range Styles {
		b.Run(strings.ReplaceAll(st, " ", "-"), func(b *testing.B) {
			for b.Loop() {
				Draw(benchScene, st, 1024, 1024, 1)
			}
		})
	}
}

// TestIndependentOfHistory draws pictures of other sizes and styles in
// between: a picture must not depend on what was drawn before it.
func TestIndependentOfHistory(t *testing.T) {
	s := &easel.Scene{Elements: []string{"underwater", "fish", "coral"}}
	first := Draw(s, "flat vector", 96, 64, 9)
	for _, st := range Styles {
		Draw(benchScene, st, 200, 150, 3)
		Draw(nil, st, 64, 64, 4)
	}
	if diff(first, Draw(s, "flat vector", 96, 64, 9)) != 0 {
		t.Error("the same arguments gave a different picture after other drawings")
	}
}

func writePNG(t *testing.T, path string, img image.Image) {
	t.Helper()
	b, err := EncodePNG(img)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

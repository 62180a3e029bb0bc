package canvas

import (
	"context"
	"errors"
	"flag"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/easel-art/easel"
	xdraw "golang.org/x/image/draw"
)

var editOut = flag.String("editout", "", "write the edit tests' pictures to this directory, to look at")

func saveEdit(t testing.TB, name string, img image.Image) {
	if *editOut == "" {
		return
	}
	f, err := os.Create(filepath.Join(*editOut, strings.ReplaceAll(name, " ", "-")+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}

// photoLike is a photograph-like picture that no canvas code drew: a sky
// gradient, a sun, hills with soft noise, a dark tree line, a lit house
// and fine sensor noise.
func photoLike(w, h int, seed uint32) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	fw, fh := float32(w), float32(h)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			fx, fy := float32(x)/fw, float32(y)/fh
			// Sky: deep blue to pale at the horizon.
			c := rgb{0.25, 0.45, 0.8}.mix(rgb{0.85, 0.88, 0.9}, fy/0.55)
			if d := (fx-0.72)*(fx-0.72) + (fy-0.2)*(fy-0.2); d < 0.004 {
				c = rgb{1, 0.97, 0.85}
			}
			hill := 0.55 + 0.08*float32(math.Sin(float64(fx*5+float32(seed)))) + 0.05*(fbm(fx*6, 0, 3, seed)-0.5)
			if fy > hill {
				g := 0.7 + 0.3*fbm(fx*40, fy*40, 3, seed+1)
				c = rgb{0.25, 0.45, 0.2}.scale(g * (0.8 + 0.4*(fy-hill)))
			}
			if fy > 0.7 && fy < 0.85 && fx > 0.15 && fx < 0.35 {
				c = rgb{0.75, 0.35, 0.25}
				if fx > 0.22 && fx < 0.27 && fy > 0.75 {
					c = rgb{0.2, 0.15, 0.1}
				}
			}
			if fy > 0.85 && fy < 0.88 {
				c = c.scale(0.6)
			}
			n := (grain(x, y, seed) - 0.0) * 0.03
			c = rgb{c.r + n, c.g + n, c.b + n}
			i := y*img.Stride + x*4
			img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = to8(c.r), to8(c.g), to8(c.b), 255
		}
	}
	return img
}

// testPictures are the pictures the edit tests hold to their targets: one
// that no canvas code drew, and canvas drawings of scenes unlike each other.
func testPictures(w, h int) map[string]*image.RGBA {
	return map[string]*image.RGBA{
		"photolike": photoLike(w, h, 7),
		"harbor":    Draw(&easel.Scene{Idea: "a harbor town at dusk", Elements: []string{"sea", "houses", "boat"}, TimeOfDay: "dusk"}, "photo", w, h, 3),
		"forest":    Draw(&easel.Scene{Idea: "a misty pine forest", Elements: []string{"pines", "mist", "mountains"}}, "photo", w, h, 5),
		"product":   Draw(&easel.Scene{Idea: "a red mug on a table", Subjects: []easel.Subject{{Noun: "mug", Element: "mug"}}, Domain: "product"}, "photo", w, h, 2),
	}
}

// thumbCorr is the correlation of the two pictures' 32x32 grey thumbnails.
func thumbCorr(a, b image.Image) float64 {
	ta, tb := grey32(a), grey32(b)
	var ma, mb float64
	for i := range ta {
		ma += ta[i]
		mb += tb[i]
	}
	ma /= float64(len(ta))
	mb /= float64(len(tb))
	var sab, saa, sbb float64
	for i := range ta {
		sab += (ta[i] - ma) * (tb[i] - mb)
		saa += (ta[i] - ma) * (ta[i] - ma)
		sbb += (tb[i] - mb) * (tb[i] - mb)
	}
	return sab / math.Sqrt(saa*sbb+1e-12)
}

// grey32 box-averages a picture's grey levels into 32x32 cells.
func grey32(img image.Image) []float64 {
	r := img.Bounds()
	sum := make([]float64, 32*32)
	cnt := make([]float64, 32*32)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			k := (y-r.Min.Y)*32/r.Dy()*32 + (x-r.Min.X)*32/r.Dx()
			sum[k] += 0.299*float64(cr) + 0.587*float64(cg) + 0.114*float64(cb)
			cnt[k]++
		}
	}
	for i := range sum {
		sum[i] /= cnt[i]
	}
	return sum
}

func TestRestyleStaysClose(t *testing.T) {
	scene := &easel.Scene{Idea: "a stormy sea at night", TimeOfDay: "night", Weather: "storm", Elements: []string{"sea", "clouds"}, Mood: "dramatic"}
	for name, pic := range testPictures(256, 192) {
		for _, st := range Styles {
			lo := Restyle(pic, scene, st, "", 0.3, 1)
			hi := Restyle(pic, scene, st, "", 0.9, 1)
			cl, ch := thumbCorr(pic, lo), thumbCorr(pic, hi)
			saveEdit(t, "restyle-"+name+"-"+st+"-0.3", lo)
			saveEdit(t, "restyle-"+name+"-"+st+"-0.9", hi)
			if lo.Rect.Dx() != 256 || lo.Rect.Dy() != 192 {
				t.Fatalf("%s %s: size %v; want 256x192", name, st, lo.Rect)
			}
			if cl < 0.8 {
				t.Errorf("%s in %s at strength 0.3: thumbnail correlation %.3f; want >= 0.8", name, st, cl)
			}
			if ch >= cl {
				t.Errorf("%s in %s: strength 0.9 correlates %.3f, not less than 0.3's %.3f", name, st, ch, cl)
			}
		}
	}
}

// TestRestyleChangesThePicture guards against a restyle that hands the
// picture back: the style must show.
func TestRestyleChangesThePicture(t *testing.T) {
	pic := photoLike(200, 200, 3)
	for _, st := range Styles {
		out := Restyle(pic, nil, st, "", 0.5, 1)
		if d := meanAbsDiff(pic, out); d < 2 {
			t.Errorf("%s: mean difference %.2f levels; the style did not show", st, d)
		}
	}
}

func meanAbsDiff(a, b *image.RGBA) float64 {
	var s float64
	for i := range a.Pix {
		if i%4 == 3 {
			continue
		}
		s += math.Abs(float64(a.Pix[i]) - float64(b.Pix[i]))
	}
	return s / float64(len(a.Pix)*3/4)
}

// circleMask marks a disc (and nothing else) for repainting.
func circleMask(w, h int, cx, cy, r float64) *image.Alpha {
	m := image.NewAlpha(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			if dx, dy := float64(x)-cx, float64(y)-cy; dx*dx+dy*dy < r*r {
				m.SetAlpha(x, y, color.Alpha{255})
			}
		}
	}
	return m
}

func TestMaskedEditKeepsOutside(t *testing.T) {
	e := New()
	scene := &easel.Scene{Idea: "a stormy sky", Weather: "storm", Elements: []string{"clouds", "rain"}}
	masks := map[string]*image.Alpha{
		"disc": circleMask(240, 180, 120, 60, 50),
		"top":  rectMask(240, 180, image.Rect(0, 0, 240, 80)),
	}
	for pname, pic := range testPictures(240, 180) {
		for mname, mask := range masks {
			for _, op := range []easel.Op{easel.OpInpaint, easel.OpEdit} {
				res, err := e.Edit(context.Background(), &easel.EditRequest{Op: op, Image: easel.Picture{Image: pic}, Mask: mask, Scene: scene, Style: "oil", Strength: 0.8, Seed: 4})
				if err != nil {
					t.Fatal(err)
				}
				out, err := png.Decode(strings.NewReader(string(res.Images[0].PNG)))
				if err != nil {
					t.Fatal(err)
				}
				saveEdit(t, "mask-"+pname+"-"+mname+"-"+string(op), out)
				var outside, close, inside, changed int
				for y := 0; y < 180; y++ {
					for x := 0; x < 240; x++ {
						a, b := pic.RGBAAt(x, y), out.(*image.RGBA).RGBAAt(x, y)
						d := max(absd(a.R, b.R), absd(a.G, b.G), absd(a.B, b.B))
						if mask.AlphaAt(x, y).A == 0 {
							outside++
							if d <= 2 {
								close++
							}
						} else {
							inside++
							if d > 8 {
								changed++
							}
						}
					}
				}
				if f := float64(close) / float64(outside); f < 0.99 {
					t.Errorf("%s %s %s: %.2f%% of the pixels outside the mask within 2 levels; want >= 99%%", pname, mname, op, f*100)
				}
				if f := float64(changed) / float64(inside); f < 0.5 {
					t.Errorf("%s %s %s: only %.0f%% of the masked pixels changed", pname, mname, op, f*100)
				}
			}
		}
	}
}

func rectMask(w, h int, r image.Rectangle) *image.Alpha {
	m := image.NewAlpha(image.Rect(0, 0, w, h))
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			m.SetAlpha(x, y, color.Alpha{255})
		}
	}
	return m
}

func absd(a, b uint8) int {
	if a > b {
		return int(a - b)
	}
	return int(b - a)
}

func TestOutpaintKeepsPicture(t *testing.T) {
	for name, pic := range testPictures(160, 120) {
		in := easel.Insets{Left: 40, Top: 10, Right: 60, Bottom: 30}
		out := Outpaint(pic, in)
		saveEdit(t, "outpaint-"+name, out)
		if out.Rect.Dx() != 260 || out.Rect.Dy() != 160 {
			t.Fatalf("%s: size %v; want 260x160", name, out.Rect)
		}
		for y := 0; y < 120; y++ {
			for x := 0; x < 160; x++ {
				if pic.RGBAAt(x, y) != out.RGBAAt(x+40, y+10) {
					t.Fatalf("%s: pixel (%d,%d) of the picture changed", name, x, y)
				}
			}
		}
		// The border continues the edge: the column just left of the
		// picture is close to its first column.
		var d float64
		for y := 0; y < 120; y++ {
			a, b := pic.RGBAAt(0, y), out.RGBAAt(39, y+10)
			d += float64(max(absd(a.R, b.R), absd(a.G, b.G), absd(a.B, b.B)))
		}
		if d/120 > 12 {
			t.Errorf("%s: the border next to the picture differs by %.1f levels on average; want a seamless join", name, d/120)
		}
	}
}

func TestUpscale(t *testing.T) {
	pic := photoLike(100, 80, 2)
	for _, s := range []int{2, 4} {
		out := Upscale(pic, s)
		if out.Rect.Dx() != 100*s || out.Rect.Dy() != 80*s {
			t.Fatalf("scale %d: size %v", s, out.Rect)
		}
		saveEdit(t, "upscale-"+string(rune('0'+s)), out)
		// Close to x/image/draw's Catmull-Rom (which has no sharpen).
		ref := image.NewRGBA(out.Rect)
		xdraw.CatmullRom.Scale(ref, ref.Rect, pic, pic.Rect, xdraw.Src, nil)
		if d := meanAbsDiff(ref, out); d > 4 {
			t.Errorf("scale %d: mean difference from Catmull-Rom %.2f levels; want <= 4", s, d)
		}
		// And sharper than bilinear: more contrast between neighbours.
		bl := image.NewRGBA(out.Rect)
		xdraw.BiLinear.Scale(bl, bl.Rect, pic, pic.Rect, xdraw.Src, nil)
		if gradEnergy(out) <= gradEnergy(bl) {
			t.Errorf("scale %d: not sharper than bilinear", s)
		}
	}
	// A flat picture stays flat, and transparency is kept.
	flat := image.NewNRGBA(image.Rect(0, 0, 20, 20))
	for i := 0; i < len(flat.Pix); i += 4 {
		flat.Pix[i], flat.Pix[i+1], flat.Pix[i+2], flat.Pix[i+3] = 200, 100, 50, 128
	}
	out := Upscale(flat, 2)
	want := color.NRGBAModel.Convert(color.NRGBA{200, 100, 50, 128}).(color.NRGBA)
	for y := 0; y < 40; y++ {
		for x := 0; x < 40; x++ {
			got := color.NRGBAModel.Convert(out.At(x, y)).(color.NRGBA)
			if absd(got.R, want.R) > 2 || absd(got.A, want.A) > 0 {
				t.Fatalf("flat picture at (%d,%d): %v; want %v", x, y, got, want)
			}
		}
	}
}

func gradEnergy(img *image.RGBA) float64 {
	var s float64
	for y := 0; y < img.Rect.Dy(); y++ {
		for x := 1; x < img.Rect.Dx(); x++ {
			d := float64(img.Pix[y*img.Stride+x*4]) - float64(img.Pix[y*img.Stride+(x-1)*4])
			s += d * d
		}
	}
	return s
}

func TestEditRefusals(t *testing.T) {
	e := New()
	pic := easel.Picture{Image: photoLike(64, 64, 1)}
	cases := []struct {
		name string
		req  easel.EditRequest
		want string
	}{
		{"inpaint without mask", easel.EditRequest{Op: easel.OpInpaint, Image: pic}, "needs a mask"},
		{"mask of another size", easel.EditRequest{Op: easel.OpInpaint, Image: pic, Mask: circleMask(32, 32, 5, 5, 3)}, "mask is 32x32"},
		{"upscale by 3", easel.EditRequest{Op: easel.OpUpscale, Image: pic, Scale: 3}, "2 or 4"},
		{"upscale over the pixel budget", easel.EditRequest{Op: easel.OpUpscale, Image: easel.Picture{Image: image.NewRGBA(image.Rect(0, 0, 2000, 2000))}, Scale: 4}, "megapixel budget"},
		{"outpaint nothing", easel.EditRequest{Op: easel.OpOutpaint, Image: pic}, "at least one side"},
		{"outpaint too far", easel.EditRequest{Op: easel.OpOutpaint, Image: pic, Expand: easel.Insets{Right: 5000}}, "too large"},
		{"strength", easel.EditRequest{Op: easel.OpEdit, Image: pic, Strength: 1.5}, "strength"},
		{"two pictures", easel.EditRequest{Op: easel.OpEdit, Image: pic, Refs: []easel.Picture{pic}}, "at most 1"},
		{"too many", easel.EditRequest{Op: easel.OpEdit, Image: pic, N: 9}, "1 to 8"},
	}
	for _, c := range cases {
		_, err := e.Edit(context.Background(), &c.req)
		var ee *easel.Error
		if !errors.As(err, &ee) || ee.Code != easel.EINVALID || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v; want EINVALID with %q", c.name, err, c.want)
		}
	}
}

var benchPic = photoLike(1024, 1024, 9)

// BenchmarkRestyle1024 restyles a 1024x1024 photograph-like picture and,
// beside it, draws a 1024x1024 Scene in the same style: the target is a
// restyle in at most twice the draw's time.
func BenchmarkRestyle1024(b *testing.B) {
	scene := &easel.Scene{Idea: "a stormy sea at night", TimeOfDay: "night", Elements: []string{"sea"}}
	for _, st := range []string{"photo", "oil", "watercolor", "pencil sketch", "pixel art"} {
		name := strings.ReplaceAll(st, " ", "-")
		b.Run("draw-"+name, func(b *testing.B) {
			for b.Loop() {
				Draw(benchScene, st, 1024, 1024, 1)
			}
		})
		b.Run("restyle-"+name, func(b *testing.B) {
			for b.Loop() {
				Restyle(benchPic, scene, st, "", 0.5, 1)
			}
		})
	}
}

// BenchmarkUpscale1024 measures 1024x1024 to 2048x2048 (target: 300 ms).
func BenchmarkUpscale1024(b *testing.B) {
	for b.Loop() {
		Upscale(benchPic, 2)
	}
}

package canvas

import (
	"image"
	"image/color"
	"math"
	"strings"
	"sync"

	"golang.org/x/image/draw"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// SheetItem is one picture on a contact sheet, with its caption (the idea).
type SheetItem struct {
	Image   image.Image
	Caption string
}

// SheetOptions lays out a contact sheet. Zero values get defaults.
type SheetOptions struct {
	// Columns is how many thumbnails a row holds (default: about square).
	Columns int
	// Cell is the thumbnail box in pixels (default 256): a wide picture
	// fills its width, a tall one its height. Each row is only as tall as
	// its tallest thumbnail.
	Cell int
	// Title is printed above the grid when set.
	Title string
}

// Sheet lays items out in a grid of thumbnails with their captions under
// them, for reviewing many pictures at a glance. Captions are wrapped to two
// lines and shortened with an ellipsis when longer.
func Sheet(items []SheetItem, opts SheetOptions) *image.RGBA {
	cell := opts.Cell
	if cell <= 0 {
		cell = 256
	}
	cell = min(max(cell, 64), 1024)
	cols := opts.Columns
	if cols <= 0 {
		cols = max(int(math.Ceil(math.Sqrt(float64(len(items))))), 1)
	}
	rows := max((len(items)+cols-1)/cols, 1)
	size := max(float64(cell)/18, 10)
	face := sheetFace(size)
	lineH := int(size * 1.3)
	pad := max(cell/16, 6)
	capH := lineH*2 + pad/2
	titleH := 0
	if opts.Title != "" {
		titleH = lineH + pad
	}
	// Each thumbnail fills its cell's width (or its height, when taller than
	// wide), and each row is only as tall as its tallest thumbnail, so a
	// sheet of 16:9 pictures has no empty bands between the rows.
	thumb := make([]image.Point, len(items))
	rowH := make([]int, rows)
	for i, it := range items {
		tw, th := cell, cell
		if it.Image != nil {
			b := it.Image.Bounds()
			if b.Dx() >= b.Dy() {
				th = max(cell*b.Dy()/max(b.Dx(), 1), 1)
			} else {
				tw = max(cell*b.Dx()/max(b.Dy(), 1), 1)
			}
		}
		thumb[i] = image.Pt(tw, th)
		rowH[i/cols] = max(rowH[i/cols], th)
	}
	cw := cell + pad
	W := cols*cw + pad
	H := pad + titleH
	rowY := make([]int, rows)
	for r := range rows {
		if rowH[r] == 0 {
			rowH[r] = cell
		}
		rowY[r] = H
		H += rowH[r] + capH + pad
	}
	img := image.NewRGBA(image.Rect(0, 0, W, H))
	draw.Draw(img, img.Bounds(), image.NewUniform(color.RGBA{0x1c, 0x1c, 0x20, 0xff}), image.Point{}, draw.Src)
	text := image.NewUniform(color.RGBA{0xe8, 0xe6, 0xe0, 0xff})
	if opts.Title != "" {
		drawText(img, face, text, pad, pad+int(size), W-2*pad, opts.Title)
	}
	for i, it := range items {
		x := pad + (i%cols)*cw
		y := rowY[i/cols]
		h := rowH[i/cols]
		if it.Image != nil {
			tw, th := thumb[i].X, thumb[i].Y
			// Bottom-aligned so a caption sits right under its picture.
			r := image.Rect(x+(cell-tw)/2, y+h-th, x+(cell-tw)/2+tw, y+h)
			draw.ApproxBiLinear.Scale(img, r, it.Image, it.Image.Bounds(), draw.Src, nil)
		}
		lines := wrap(face, it.Caption, cell, 2)
		for k, l := range lines {
			drawText(img, face, text, x, y+h+pad/2+int(size)+k*lineH, cell, l)
		}
	}
	return img
}

var (
	fontOnce sync.Once
	fontData *opentype.Font
)

// sheetFace returns Go Regular at size pixels, or the fixed basic face if
// the embedded font cannot be read (it always can; this keeps Sheet total).
func sheetFace(size float64) font.Face {
	fontOnce.Do(func() { fontData, _ = opentype.Parse(goregular.TTF) })
	if fontData != nil {
		if f, err := opentype.NewFace(fontData, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull}); err == nil {
			return f
		}
	}
	return nil
}

func drawText(dst draw.Image, face font.Face, src image.Image, x, y, width int, s string) {
	if face == nil {
		return
	}
	d := font.Drawer{Dst: dst, Src: src, Face: face, Dot: fixed.P(x, y)}
	d.DrawString(s)
}

// wrap breaks s into at most maxLines lines that fit width, ending the last
// with an ellipsis when the text does not fit.
func wrap(face font.Face, s string, width, maxLines int) []string {
	if face == nil {
		return nil
	}
	fits := func(t string) bool { return font.MeasureString(face, t).Ceil() <= width }
	var lines []string
	cur := ""
	words := strings.Fields(s)
	for i, w := range words {
		next := strings.TrimSpace(cur + " " + w)
		if fits(next) {
			cur = next
			continue
		}
		if cur != "" {
			lines = append(lines, cur)
		}
		cur = w
		if len(lines) == maxLines-1 {
			cur = strings.Join(words[i:], " ")
			break
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	if len(lines) > maxLines {
		lines = lines[:maxLines]
	}
	if n := len(lines); n > 0 && !fits(lines[n-1]) {
		l := []rune(lines[n-1])
		for len(l) > 0 && !fits(string(l)+"…") {
			l = l[:len(l)-1]
		}
		lines[n-1] = string(l) + "…"
	}
	return lines
}

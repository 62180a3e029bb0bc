package main

import (
	"context"
	"fmt"
	"image"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/image/draw"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/canvas"
	"github.com/easel-art/easel/imageio"
)

// gallerySheet is `easel gallery sheet [QUERY] -o FILE.png`: thumbnails of
// the gallery (or of what QUERY finds) captioned with their ids and ideas.
func (a *app) gallerySheet(ctx context.Context, g easel.Gallery, query, out string, limit, cols, cell int, asJSON bool) error {
	if out == "" {
		return easel.Errorf(easel.EINVALID, "gallery sheet needs -o FILE.png: where to write the contact sheet")
	}
	if cell < 64 || cell > 1024 {
		return easel.Errorf(easel.EINVALID, "--cell %d is out of range: use 64 to 1024 pixels", cell)
	}
	f := easel.ArtworkFilter{Limit: limit}
	var arts []*easel.Artwork
	var err error
	if strings.TrimSpace(query) == "" {
		arts, err = g.List(ctx, f)
	} else {
		arts, err = g.Search(ctx, query, f)
	}
	if err != nil {
		return err
	}
	if len(arts) == 0 {
		return easel.Errorf(easel.ENOTFOUND, "nothing to put on the sheet: the gallery has no pictures%s", map[bool]string{true: "", false: " matching " + fmt.Sprintf("%q", query)}[query == ""])
	}
	// Oldest first reads like the order they were made in (a search
	// returns them best match first).
	slices.Reverse(arts)
	slices.SortStableFunc(arts, func(x, y *easel.Artwork) int { return x.CreatedAt.Compare(y.CreatedAt) })
	// More columns than pictures only widens the sheet with empty cells.
	if cols > len(arts) {
		cols = len(arts)
	}
	if err := checkSheetSize(len(arts), cols, cell); err != nil {
		return err
	}
	items := make([]canvas.SheetItem, 0, len(arts))
	ids := make([]string, 0, len(arts))
	for _, art := range arts {
		img, err := decodeThumb(ctx, g, art, cell)
		if err != nil {
			fmt.Fprintf(a.stderr, "easel: note: skipping %s: %v\n", art.ID, err)
			continue
		}
		// The id comes first: it is what a person types next, to vary,
		// reproduce or show the picture they picked.
		items = append(items, canvas.SheetItem{Image: img, Caption: shortID(art.ID) + " · " + art.Idea})
		ids = append(ids, art.ID)
	}
	title := "easel gallery"
	if query != "" {
		title = fmt.Sprintf("easel gallery: %s", query)
	}
	sheet := canvas.Sheet(items, canvas.SheetOptions{Columns: cols, Cell: cell, Title: title})
	data, err := canvas.EncodePNG(sheet)
	if err != nil {
		return fmt.Errorf("contact sheet: %w", err)
	}
	dir, name := filepath.Split(out)
	if dir == "" {
		dir = "."
	}
	path, err := writeOut(dir, name, data)
	if err != nil {
		return err
	}
	if asJSON {
		return printJSON(a.stdout, map[string]any{"path": path, "count": len(items), "ids": ids, "width": sheet.Bounds().Dx(), "height": sheet.Bounds().Dy()})
	}
	fmt.Fprintf(a.stdout, "saved %s  (%s)\n", path, plural(len(items), "picture"))
	return nil
}

// checkSheetSize refuses a sheet of n pictures whose canvas would be over
// the pixel budget (--columns 100000, or --limit 10000 --cell 1024), before
// any picture is read. The cell sizes follow canvas.Sheet's layout, taken
// a little larger.
func checkSheetSize(n, cols, cell int) error {
	if cols <= 0 {
		cols = max(int(math.Ceil(math.Sqrt(float64(n)))), 1)
	}
	rows := max((n+cols-1)/cols, 1)
	pad := max(cell/16, 6)
	line := int(max(float64(cell)/18, 10)*1.3) + 1
	w := int64(cols)*int64(cell+pad) + int64(pad)
	h := int64(rows)*int64(cell+2*line+2*pad) + int64(line+2*pad)
	if budget := imageio.MaxPixels(); w*h > budget {
		return easel.Errorf(easel.EINVALID, "a sheet of %d pictures in %d columns at --cell %d would be about %d×%d pixels (%d megapixels), over the %d-megapixel budget: use a smaller --limit, --cell or --columns (or raise %s)",
			n, cols, cell, w, h, w*h/1_000_000, budget/1_000_000, imageio.EnvMaxPixels)
	}
	return nil
}

// decodeThumb reads a gallery picture through the pixel budget and scales
// it to fit a cell×cell square, so the sheet keeps thumbnails in memory,
// not every full picture.
func decodeThumb(ctx context.Context, g easel.Gallery, art *easel.Artwork, cell int) (image.Image, error) {
	data, err := easel.ReadImage(ctx, g.Images(), art.SHA256)
	if err != nil {
		return nil, err
	}
	img, _, err := imageio.Decode(data)
	if err != nil {
		return nil, err
	}
	b := img.Bounds()
	if b.Dx() <= cell && b.Dy() <= cell {
		return img, nil
	}
	w, h := cell, max(cell*b.Dy()/b.Dx(), 1)
	if b.Dy() > b.Dx() {
		w, h = max(cell*b.Dx()/b.Dy(), 1), cell
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.CatmullRom.Scale(dst, dst.Bounds(), img, b, draw.Src, nil)
	return dst, nil
}

// writeOut writes data to dir/name (creating dir) through a temporary
// file and a rename; see writeFileAtomic.
func writeOut(dir, name string, data []byte) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", easel.Errorf(easel.EINVALID, "cannot create %s: %v", dir, err)
	}
	dst := filepath.Join(dir, name)
	return dst, writeFileAtomic(dst, data)
}

// shortID is the prefix of an id people type: gallery commands take any
// unique prefix, and eight hex digits are unique in any real gallery.
func shortID(id string) string {
	if len(id) > 8 {
		return id[:8]
	}
	return id
}

package main

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/canvas"
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
	items := make([]canvas.SheetItem, 0, len(arts))
	ids := make([]string, 0, len(arts))
	for _, art := range arts {
		img, err := decodeFile(art.Path)
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
	fmt.Fprintf(a.stdout, "saved %s  (%d pictures)\n", path, len(items))
	return nil
}

func decodeFile(path string) (image.Image, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return png.Decode(bytes.NewReader(data))
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

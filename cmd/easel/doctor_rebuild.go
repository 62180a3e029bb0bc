package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/imageio"
	"github.com/easel-art/easel/lineage"
	"github.com/easel-art/easel/store/localdir"
	"github.com/easel-art/easel/store/sqlite"
)

// restorePictures adds the image files at paths back to the gallery from
// their own metadata: easel writes how each picture was made into its
// PNG, so a picture whose record was lost can be listed, searched and
// reproduced again (its lineage and creation time are not in the file).
// Files without usable metadata are left where they are and returned.
func restorePictures(ctx context.Context, g *sqlite.DB, paths []string) (restored int, left []string, err error) {
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return restored, left, err
		}
		data, err := imageio.ReadFile(p, lineage.MaxPNG)
		// Only a file named after its content is the gallery's: another
		// would be added under its true name and stay stray for ever.
		if err != nil || strings.TrimSuffix(filepath.Base(p), ".png") != localdir.Key(data) {
			left = append(left, p)
			continue
		}
		pic, err := lineage.FromPNG(data)
		if err != nil {
			left = append(left, p)
			continue
		}
		a := pic.Art
		a.ID, a.ParentID, a.Method = "", "", easel.MethodImport
		if err := g.Add(ctx, a, data); err != nil {
			return restored, left, fmt.Errorf("restore %s: %w", p, err)
		}
		restored++
	}
	return restored, left, nil
}

// rebuildGallery is `easel doctor --rebuild`: the damaged gallery.db (and
// its -wal and -shm files) is moved aside, not deleted, a new one is made,
// and every picture in images/ is added back from its own metadata. Run
// it with no other easel process using the data directory.
func (a *app) rebuildGallery(ctx context.Context, dir string, gh *galleryHealth) (*galleryHealth, error) {
	aside := filepath.Join(dir, "gallery.db.damaged-"+time.Now().UTC().Format("20060102-150405"))
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if err := os.Rename(filepath.Join(dir, "gallery.db"+suffix), aside+suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return gh, fmt.Errorf("rebuild: move the damaged database aside: %w", err)
		}
	}
	gh.Repaired = append(gh.Repaired, "moved the damaged database to "+aside+" (delete it once the new gallery looks right)")
	g, err := sqlite.Open(ctx, dir)
	if err != nil {
		return gh, err
	}
	defer g.Close()
	var paths []string
	imgs, ok := g.Images().(interface {
		Each(context.Context, func(string) error) error
		Path(string) string
	})
	if !ok {
		return gh, fmt.Errorf("rebuild: the image store cannot list its pictures")
	}
	if err := imgs.Each(ctx, func(key string) error { paths = append(paths, imgs.Path(key)); return nil }); err != nil {
		return gh, fmt.Errorf("rebuild: list the pictures: %w", err)
	}
	n, left, err := restorePictures(ctx, g, paths)
	gh.Repaired = append(gh.Repaired, fmt.Sprintf("made a new gallery and added back %d of %d pictures from their own metadata", n, len(paths)))
	if len(left) > 0 {
		gh.Repaired = append(gh.Repaired, fmt.Sprintf("%d pictures have no metadata easel can read and stay in images/, such as %s", len(left), left[0]))
	}
	if err != nil {
		return gh, err
	}
	h, err := g.Check(ctx)
	if err != nil {
		return gh, err
	}
	gh.Artworks, gh.Integrity, gh.MissingFiles, gh.StrayFiles, gh.TempFiles = h.Artworks, h.Integrity, h.MissingFiles, h.StrayFiles, h.TempFiles
	gh.OK = len(h.Integrity) == 0 && len(h.MissingFiles) == 0
	if !gh.OK {
		return gh, easel.Errorf(easel.EUNAVAILABLE, "the rebuilt gallery in %s still has problems (see above)", dir)
	}
	return gh, nil
}

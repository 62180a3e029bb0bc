package lineage

import (
	"bytes"
	"context"
	"fmt"

	"github.com/easel-art/easel"
)

// ImportPicture returns the gallery record of a picture that comes in to
// be edited, so what is made from it can name it as its parent: the
// artwork whose file has exactly these bytes, or one added now (Method
// import). A PNG is kept as it is, with any generation metadata it
// carries read into the record; a JPEG or WebP is kept as the decoded
// picture's PNG (pic.PNG), upright. created reports a new record.
func ImportPicture(ctx context.Context, g easel.Gallery, name string, data []byte, pic easel.Picture) (a *easel.Artwork, created bool, err error) {
	stored := data
	isPNG := bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n"))
	if !isPNG {
		stored = pic.PNG
	}
	if a, err := FindFile(ctx, g, stored); err != nil || a != nil {
		return a, false, err
	}
	b := pic.Image.Bounds()
	a = &easel.Artwork{Engine: "import", Width: b.Dx(), Height: b.Dy()}
	if isPNG {
		if p, err := FromPNG(data); err == nil {
			a = p.Art
			a.Width, a.Height = b.Dx(), b.Dy()
		}
	}
	a.ID, a.ParentID, a.Method = "", "", easel.MethodImport
	if a.Engine == "" {
		a.Engine = "import"
	}
	if err := g.Add(ctx, a, stored); err != nil {
		return nil, false, fmt.Errorf("import %s: %w", name, err)
	}
	return a, true, nil
}

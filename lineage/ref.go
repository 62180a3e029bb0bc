package lineage

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/imageio"
)

// What a reference names: a gallery artwork, a PNG file or prompt text.
const (
	RefGallery = "gallery"
	RefPNG     = "png"
	RefText    = "text"
)

// MaxPNG bounds the PNG files Resolve reads: pictures from image models
// are a few MB.
const MaxPNG = 256 << 20

// Ref is what the REF of `easel vary REF` or `easel reproduce REF` names.
type Ref struct {
	// Kind is RefGallery, RefPNG or RefText.
	Kind string
	// Art is the picture. For a gallery artwork, and for a PNG file that is
	// in the gallery already (same bytes), it is the gallery's record,
	// with its ID. For another PNG it holds the file's metadata and no ID.
	// For text it holds the text as Idea and Prompt.
	Art *easel.Artwork
	// Picture is the PNG's metadata, for RefPNG.
	Picture *Picture
	// Path and PNG are the file and its bytes, for RefPNG.
	Path string
	PNG  []byte
}

// InGallery reports whether the picture is in the gallery, so children
// can name it as their parent.
func (r *Ref) InGallery() bool { return r.Art != nil && r.Art.ID != "" }

// Resolve works out what ref names, in this order:
//
//   - a file that exists (or one word that looks like a path: ending in
//     .png, or holding a slash) is a PNG file whose metadata says how it
//     was made;
//   - one word of 4 to 32 hexadecimal digits is a gallery id or id
//     prefix, as easel gallery list shows them; a word made only of the
//     letters a-f that is not an id ("face") is text;
//   - anything else is prompt text.
//
// Errors are EINVALID for an unreadable or non-PNG file, a PNG without
// generation metadata or an unusable text, and ENOTFOUND for an id that is
// not in the gallery.
func Resolve(ctx context.Context, g easel.Gallery, ref string) (*Ref, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return nil, easel.Errorf(easel.EINVALID, "no picture given: give a gallery id, a PNG file or prompt text")
	}
	oneWord := !strings.ContainsAny(ref, " \t\n")
	if st, err := os.Stat(ref); err == nil || (oneWord && looksLikePath(ref)) {
		if err != nil {
			return nil, easel.Errorf(easel.EINVALID, "cannot read %s: %v", ref, pathErr(err))
		}
		if st.IsDir() {
			return nil, easel.Errorf(easel.EINVALID, "%s is a directory: give a PNG file", ref)
		}
		return resolvePNG(ctx, g, ref, st.Size())
	}
	if oneWord && looksLikeID(ref) {
		a, err := g.Get(ctx, strings.ToLower(ref))
		switch {
		case err == nil:
			return &Ref{Kind: RefGallery, Art: a}, nil
		case easel.ErrorCode(err) != easel.ENOTFOUND:
			return nil, err
		case strings.ContainsAny(ref, "0123456789") || len(ref) >= 8:
			return nil, easel.Errorf(easel.ENOTFOUND, "no artwork %q in the gallery: see easel gallery list", ref)
		}
		// A word such as "face" or "decade": text, not an id.
	}
	if err := easel.ValidateIdeaText(ref); err != nil {
		return nil, err
	}
	return &Ref{Kind: RefText, Art: &easel.Artwork{Idea: ref, Prompt: ref}}, nil
}

func resolvePNG(ctx context.Context, g easel.Gallery, path string, size int64) (*Ref, error) {
	if size > MaxPNG {
		return nil, easel.Errorf(easel.EINVALID, "%s is %d MB: too big for a picture", path, size>>20)
	}
	// Size-limited: /dev/zero or a FIFO is refused at once.
	data, err := imageio.ReadFile(path, MaxPNG)
	if err != nil {
		return nil, &easel.Error{Code: easel.EINVALID, Message: easel.ErrorMessage(err), Err: err}
	}
	// A picture over the pixel budget could be imported but never shown,
	// compared or thumbnailed: refuse it here, before it is kept.
	if _, _, err := imageio.Config(data); errors.Is(err, imageio.ErrTooManyPixels) {
		return nil, &easel.Error{Code: easel.EINVALID, Message: path + ": " + easel.ErrorMessage(err), Err: err}
	}
	pic, err := FromPNG(data)
	if err != nil {
		return nil, &easel.Error{Code: easel.EINVALID, Message: path + ": " + easel.ErrorMessage(err), Err: err}
	}
	r := &Ref{Kind: RefPNG, Art: pic.Art, Picture: pic, Path: path, PNG: data}
	a, err := FindFile(ctx, g, data)
	if err != nil {
		return nil, err
	}
	if a != nil {
		r.Art = a
	}
	return r, nil
}

// FindFile returns the gallery artwork whose PNG has exactly these bytes,
// nil when there is none. When several share the file it returns the
// oldest, the one the others were most likely made from.
func FindFile(ctx context.Context, g easel.Gallery, png []byte) (*easel.Artwork, error) {
	sum := sha256.Sum256(png)
	want := hex.EncodeToString(sum[:])
	arts, err := g.List(ctx, easel.ArtworkFilter{SHA256: want})
	if err != nil {
		return nil, fmt.Errorf("find file in gallery: %w", err)
	}
	if len(arts) == 0 {
		return nil, nil
	}
	return arts[len(arts)-1], nil // List is newest first: the oldest is the original
}

// Import adds the PNG of r to the gallery as an artwork of its own
// (Method import, the file's bytes unchanged), so that what is made from
// it can name it as its parent. It does nothing when the picture is in the
// gallery already.
func Import(ctx context.Context, g easel.Gallery, r *Ref) error {
	if r.InGallery() || r.Kind != RefPNG {
		return nil
	}
	a := *r.Art
	a.Method = easel.MethodImport
	a.ParentID = "" // a parent in another gallery means nothing here
	if err := g.Add(ctx, &a, r.PNG); err != nil {
		return fmt.Errorf("import %s: %w", r.Path, err)
	}
	r.Art = &a
	return nil
}

func looksLikePath(s string) bool {
	ext := strings.ToLower(filepath.Ext(s))
	return ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".webp" ||
		strings.ContainsRune(s, '/') || strings.ContainsRune(s, filepath.Separator)
}

func looksLikeID(s string) bool {
	if len(s) < 4 || len(s) > 32 {
		return false
	}
	return strings.Trim(strings.ToLower(s), "0123456789abcdef") == ""
}

// pathErr returns the reason of a file error without repeating the path.
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

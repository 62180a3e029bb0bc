package verb

import (
	"context"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/imageio"
	"github.com/easel-art/easel/lineage"
	"github.com/easel-art/easel/pipeline"
)

// MaxPictureFile bounds a picture file or upload taken in for editing.
const MaxPictureFile = 64 << 20

// Default strengths of an edit: half way, and most of the way inside a
// mask, where the person asked for something new.
const (
	DefaultStrength     = 0.5
	DefaultMaskStrength = 0.85
)

// EditRequest asks for a picture to be edited (OpEdit, with a mask an
// inpaint), outpainted or upscaled, and the results saved as its children.
type EditRequest struct {
	// Op is easel.OpEdit, OpOutpaint or OpUpscale.
	Op easel.Op
	// Image names the picture: a PNG, JPEG or WebP file, or a gallery id
	// (or a unique prefix). ImageData, when set, is the picture itself (an
	// upload), and Image only its name for messages.
	Image     string
	ImageData []byte
	// Mask and MaskData are the mask, likewise ("" and nil: none): white
	// or transparent where to repaint.
	Mask     string
	MaskData []byte
	// Refs and RefData are further reference pictures, likewise.
	Refs    []string
	RefData [][]byte
	// Words say what to change, or what lies beyond the edges.
	Words string
	// Engine is a NAME[:MODEL] spec ("": the built-in canvas).
	Engine string
	// Style, Negative: as for imagine.
	Style    string
	Negative string
	// Strength is how far from the picture, 0..1; negative means the
	// default (DefaultStrength, DefaultMaskStrength with a mask).
	Strength float64
	// Expand ("LEFT,TOP,RIGHT,BOTTOM" pixels) or Aspect ("16:9") say how
	// far an outpaint goes.
	Expand string
	Aspect string
	// Scale is an upscale's factor (0: 2).
	Scale int
	// Upscaler names the engine's upscaler when it has several.
	Upscaler string
	// Service names one of the engine's own edit services (Stability's
	// search-and-replace, erase, remove-background); Search is what
	// search-and-replace looks for.
	Service string
	Search  string
	// Fidelity is OpenAI's input_fidelity: "high", "low" or "".
	Fidelity string
	// Seed, when negative, is chosen at random.
	Seed int64
	// N is how many pictures (0: 1).
	N int
	Hooks
}

// Edit takes a picture in and saves what the engine makes of it as its
// children. Everything is checked (picture, mask, references, the
// engine's operations and limits) before the picture is imported or any
// call is made; a picture imported for an edit that then made nothing is
// removed again.
func Edit(ctx context.Context, c *Core, r EditRequest) (*Result, error) {
	nt := &notes{hook: r.OnNote}
	n := max(r.N, 1)
	if n > 10 {
		return nil, easel.Errorf(easel.EINVALID, "-n %d is out of range: make 1 to 10 pictures at a time", r.N)
	}
	switch r.Op {
	case easel.OpEdit:
		if r.Service == "search-and-replace" && strings.TrimSpace(r.Search) == "" {
			return nil, easel.Errorf(easel.EINVALID, "search-and-replace needs --search: what to find and replace")
		}
		if strings.TrimSpace(r.Words) == "" && r.Service != "erase" && r.Service != "remove-background" {
			return nil, easel.Errorf(easel.EINVALID, "edit needs words: say what to change, for example \"as a watercolor\"")
		}
	case easel.OpOutpaint, easel.OpUpscale:
	default:
		return nil, easel.Errorf(easel.EINVALID, "unknown operation %q: edit, outpaint or upscale", r.Op)
	}
	if r.Fidelity != "" && r.Fidelity != "high" && r.Fidelity != "low" {
		return nil, easel.Errorf(easel.EINVALID, "fidelity %q: give high or low", r.Fidelity)
	}
	scale := r.Scale
	if r.Op == easel.OpUpscale {
		if scale == 0 {
			scale = 2
		}
		if scale != 2 && scale != 4 {
			return nil, easel.Errorf(easel.EINVALID, "scale %d: give 2 or 4", scale)
		}
	}
	strength := r.Strength
	if strength < 0 {
		strength = DefaultStrength
		if r.Mask != "" || r.MaskData != nil {
			strength = DefaultMaskStrength
		}
	}
	if strength > 1 {
		return nil, easel.Errorf(easel.EINVALID, "strength %g is out of range: give 0 (keep the picture) to 1 (follow the words only)", strength)
	}
	if r.Op == easel.OpOutpaint && (r.Aspect == "") == (r.Expand == "") {
		return nil, easel.Errorf(easel.EINVALID, "outpaint needs --aspect W:H or --expand LEFT,TOP,RIGHT,BOTTOM (one of them)")
	}
	// The picture, from a file, an upload or the gallery.
	data, name, parent, err := c.pictureIn(ctx, r.Image, r.ImageData)
	if err != nil {
		return nil, err
	}
	pic, err := pipeline.DecodePicture(name, data)
	if err != nil {
		return nil, err
	}
	b := pic.Image.Bounds()
	pr := pipeline.EditRequest{
		Op: r.Op, Words: r.Words, Style: r.Style, Negative: r.Negative, Strength: strength,
		Scale: scale, Upscaler: r.Upscaler, Service: r.Service, Search: r.Search, Fidelity: r.Fidelity, N: n, Progress: r.Progress,
	}
	if r.Mask != "" || r.MaskData != nil {
		md, mname, err := fileOrData(r.Mask, r.MaskData, "mask")
		if err != nil {
			return nil, err
		}
		mp, err := pipeline.DecodePicture(mname, md)
		if err != nil {
			return nil, err
		}
		if pr.Mask, err = pipeline.MaskOf(mname, mp.Image, b.Dx(), b.Dy()); err != nil {
			return nil, err
		}
	}
	for i := 0; i < max(len(r.Refs), len(r.RefData)); i++ {
		var path string
		var d []byte
		if i < len(r.Refs) {
			path = r.Refs[i]
		}
		if i < len(r.RefData) {
			d = r.RefData[i]
		}
		rd, rname, err := fileOrData(path, d, "reference picture")
		if err != nil {
			return nil, err
		}
		rp, err := pipeline.DecodePicture(rname, rd)
		if err != nil {
			return nil, err
		}
		rp.Name = "ref" + strconv.Itoa(i+1) + ".png"
		pr.Refs = append(pr.Refs, rp)
	}
	if r.Op == easel.OpOutpaint {
		if r.Aspect != "" {
			pr.Expand, err = AspectInsets(r.Aspect, b.Dx(), b.Dy())
		} else {
			pr.Expand, err = ParseInsets(r.Expand)
		}
		if err != nil {
			return nil, err
		}
	}
	spec := r.Engine
	if spec == "" {
		spec = "builtin"
	}
	eng, model, err := c.Engine(spec)
	if err != nil {
		return nil, err
	}
	w, err := c.Writer("")
	if err != nil {
		return nil, err
	}
	seed := r.Seed
	if seed < 0 {
		seed = rand.Int64N(1 << 32)
	}
	pic.Name = "image.png"
	pr.Engine, pr.Model, pr.Picture, pr.Seed = eng, model, pic, seed
	// Checked before anything is stored: a request the engine cannot do
	// imports nothing.
	if err := pipeline.CheckEditable(pr); err != nil {
		if _, ok := eng.(easel.Editor); !ok || !canDo(eng, pr.Op, pr.Mask != nil) {
			if others := c.editorsFor(pr.Op, pr.Mask != nil, eng.Name()); len(others) > 0 {
				return nil, easel.Errorf(easel.EINVALID, "%s (configured engines that can: %s)", easel.ErrorMessage(err), strings.Join(others, ", "))
			}
		}
		return nil, err
	}
	created := false
	if parent == nil {
		if parent, created, err = lineage.ImportPicture(ctx, c.Gallery, name, data, pic); err != nil {
			return nil, err
		}
	}
	pr.Parent = parent
	pr.OnArtwork = r.OnArtwork
	nt.release()
	pr.OnNote = nt.add
	arts, err := c.Pipeline(w, nil).Edit(ctx, pr)
	if err != nil && created && len(arts) == 0 {
		// Nothing was made from the import: leave the gallery as it was.
		c.Gallery.Delete(context.WithoutCancel(ctx), parent.ID)
	}
	if err != nil {
		return nil, nt.failed(err)
	}
	return &Result{Artworks: arts, Notes: nt.all, Seed: seed, Parent: parent}, nil
}

// pictureIn returns the picture's bytes and name, and its gallery record
// when it is one.
func (c *Core) pictureIn(ctx context.Context, ref string, data []byte) ([]byte, string, *easel.Artwork, error) {
	if data != nil {
		name := ref
		if name == "" {
			name = "the uploaded picture"
		}
		if len(data) > MaxPictureFile {
			return nil, "", nil, easel.Errorf(easel.EINVALID, "%s is %d MB: pictures up to %d MB are taken", name, len(data)>>20, MaxPictureFile>>20)
		}
		return data, name, nil, nil
	}
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return nil, "", nil, easel.Errorf(easel.EINVALID, "no picture given: give a PNG, JPEG or WebP file or a gallery id")
	}
	if _, err := os.Stat(ref); err == nil || strings.ContainsAny(ref, "./"+string(filepath.Separator)) {
		d, _, err := fileOrData(ref, nil, "picture")
		return d, ref, nil, err
	}
	a, err := c.Gallery.Get(ctx, strings.ToLower(ref))
	if err != nil {
		if easel.ErrorCode(err) == easel.ENOTFOUND {
			return nil, "", nil, easel.Errorf(easel.ENOTFOUND, "%s is neither a picture file nor a gallery id: see easel gallery list", ref)
		}
		return nil, "", nil, err
	}
	d, err := easel.ReadImage(ctx, c.Gallery.Images(), a.SHA256)
	if err != nil {
		return nil, "", nil, err
	}
	return d, "artwork " + a.ID, a, nil
}

// fileOrData returns data when set, else the named file's bytes.
func fileOrData(path string, data []byte, what string) ([]byte, string, error) {
	if data != nil {
		if path == "" {
			path = "the uploaded " + what
		}
		if len(data) > MaxPictureFile {
			return nil, "", easel.Errorf(easel.EINVALID, "%s is %d MB: pictures up to %d MB are taken", path, len(data)>>20, MaxPictureFile>>20)
		}
		return data, path, nil
	}
	d, err := imageio.ReadFile(path, MaxPictureFile)
	if err != nil {
		return nil, "", &easel.Error{Code: easel.EINVALID, Message: "cannot read " + what + ": " + easel.ErrorMessage(err), Err: err}
	}
	return d, path, nil
}

// ParseInsets reads LEFT,TOP,RIGHT,BOTTOM in pixels.
func ParseInsets(s string) (easel.Insets, error) {
	parts := strings.Split(s, ",")
	bad := easel.Errorf(easel.EINVALID, "--expand %q: give four whole numbers of pixels LEFT,TOP,RIGHT,BOTTOM, such as 256,0,256,0", s)
	if len(parts) != 4 {
		return easel.Insets{}, bad
	}
	var v [4]int
	for i, p := range parts {
		n, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil || n < 0 {
			return easel.Insets{}, bad
		}
		if n > 2*easel.MaxSide {
			return easel.Insets{}, easel.Errorf(easel.EINVALID, "--expand %q: %d pixels is too many on one side: add at most %d", s, n, 2*easel.MaxSide)
		}
		v[i] = n
	}
	in := easel.Insets{Left: v[0], Top: v[1], Right: v[2], Bottom: v[3]}
	if in.Zero() {
		return in, easel.Errorf(easel.EINVALID, "--expand 0,0,0,0 adds nothing: give the pixels to add on at least one side")
	}
	return in, nil
}

// AspectInsets grows a w x h picture to aspect W:H, evenly on both sides.
func AspectInsets(aspect string, w, h int) (easel.Insets, error) {
	a, b, ok := strings.Cut(aspect, ":")
	x, err1 := strconv.ParseFloat(a, 64)
	y, err2 := strconv.ParseFloat(b, 64)
	if !ok || err1 != nil || err2 != nil || !(x > 0 && y > 0) || math.IsInf(x, 0) || math.IsInf(y, 0) {
		return easel.Insets{}, easel.Errorf(easel.EINVALID, "--aspect %q: write it as W:H, such as 16:9", aspect)
	}
	if x/y > 10 || y/x > 10 {
		return easel.Insets{}, easel.Errorf(easel.EINVALID, "--aspect %q is too extreme to outpaint to: keep it within 10:1", aspect)
	}
	want := x / y
	var in easel.Insets
	if want > float64(w)/float64(h) {
		add := int(math.Round(float64(h)*want)) - w
		in.Left, in.Right = add/2, add-add/2
	} else {
		add := int(math.Round(float64(w)/want)) - h
		in.Top, in.Bottom = add/2, add-add/2
	}
	if in.Zero() {
		return in, easel.Errorf(easel.EINVALID, "the picture is %dx%d, already %s: give a wider or taller aspect, or --expand", w, h, aspect)
	}
	return in, nil
}

// canDo reports whether e has op (an edit with a mask is an inpaint; an
// outpaint may be done as an inpaint).
func canDo(e easel.Engine, op easel.Op, mask bool) bool {
	ed, ok := e.(easel.Editor)
	if !ok {
		return false
	}
	if op == easel.OpEdit && mask {
		op = easel.OpInpaint
	}
	_, has := easel.FindOp(ed.Ops(), op, "")
	if !has && op == easel.OpOutpaint {
		_, has = easel.FindOp(ed.Ops(), easel.OpInpaint, "")
	}
	return has
}

// editorsFor names the engines that open here (configured, with their
// keys) and can do op, but not except.
func (c *Core) editorsFor(op easel.Op, mask bool, except string) []string {
	var out []string
	for _, name := range c.Engines {
		if name == except {
			continue
		}
		if e, _, err := c.Engine(name); err == nil && canDo(e, op, mask) {
			out = append(out, name)
		}
	}
	return out
}

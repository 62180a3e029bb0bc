package easel

import (
	"context"
	"fmt"
	"image"
	"slices"
	"strings"
)

// Op is an operation on a picture that comes in: what `easel edit`,
// `easel outpaint` and `easel upscale` ask of an engine.
type Op string

// The operations engines can do on a picture in.
const (
	// OpEdit changes the whole picture toward the words, by Strength
	// (image-to-image; restyle on the built-in canvas).
	OpEdit Op = "edit"
	// OpInpaint repaints only the masked area and keeps the rest.
	OpInpaint Op = "inpaint"
	// OpOutpaint extends the picture past its edges (zoom out, pan).
	OpOutpaint Op = "outpaint"
	// OpUpscale enlarges the picture by Scale.
	OpUpscale Op = "upscale"
)

// Ops lists every operation, in the order docs show them.
var Ops = []Op{OpEdit, OpInpaint, OpOutpaint, OpUpscale}

// Methods recorded in Artwork.Method for pictures made from a picture in.
const (
	MethodEdit     = "edit"
	MethodInpaint  = "inpaint"
	MethodOutpaint = "outpaint"
	MethodUpscale  = "upscale"
)

// OpSupport says, as data, that an engine can do one operation and within
// which limits, so an impossible request is refused before any paid call.
type OpSupport struct {
	Op Op `json:"op"`
	// Models lists the models that can do it; empty means every model.
	Models []string `json:"models,omitempty"`
	// MaxImages is the most input pictures (the picture and its
	// references) one call takes.
	MaxImages int `json:"max_images"`
	// MaxBytes is the largest encoded input picture (0: no limit).
	MaxBytes int64 `json:"max_bytes,omitempty"`
	// MaxPixels is the largest input picture in pixels (0: no limit).
	MaxPixels int `json:"max_pixels,omitempty"`
	// MinSide and MaxSide bound an input picture's sides (0: no bound).
	MinSide int `json:"min_side,omitempty"`
	MaxSide int `json:"max_side,omitempty"`
	// Formats are the encodings the service takes ("png", "jpeg", "webp").
	Formats []string `json:"formats,omitempty"`
	// Mask reports that the operation takes a mask.
	Mask bool `json:"mask,omitempty"`
	// Scales lists the upscale factors offered (OpUpscale only).
	Scales []int `json:"scales,omitempty"`
	// Services are the engine's own named variants of the operation
	// (Stability's search-and-replace, erase, remove-background).
	Services []string `json:"services,omitempty"`
	// PricePerImage is what one result costs, in US dollars.
	PricePerImage float64 `json:"price_per_image"`
}

// Picture is a picture that comes in, already checked and decoded by the
// caller (pixel budget, EXIF orientation, 8 bits a channel).
type Picture struct {
	// Image is the decoded picture, upright.
	Image image.Image
	// PNG is the same picture encoded as PNG, for services that are sent bytes.
	PNG []byte
	// Name is a file name for multipart uploads ("image.png").
	Name string
}

// Insets are the pixels added on each side of a picture when it is outpainted.
type Insets struct {
	Left, Top, Right, Bottom int
}

// Zero reports whether no side grows.
func (in Insets) Zero() bool { return in == Insets{} }

func (in Insets) String() string {
	return fmt.Sprintf("%d,%d,%d,%d", in.Left, in.Top, in.Right, in.Bottom)
}

// EditRequest is one call to an Editor.
type EditRequest struct {
	// Op is what to do.
	Op Op
	// Image is the picture to work on.
	Image Picture
	// Refs are further reference pictures, for engines that take several
	// (OpenAI's image[], Runway's referenceImages).
	Refs []Picture
	// Mask marks where to repaint: 255 repaints, 0 keeps, values between
	// blend. It has Image's size. OpenAI's convention (transparent means
	// edit) and A1111's (white means edit) are both converted to this one.
	Mask *image.Alpha
	// Prompt and Negative are the words, in the engine's dialect; Scene
	// and Style are for the built-in canvas.
	Prompt   string
	Negative string
	Scene    *Scene
	Style    string
	// Strength is how far the result may move from the picture, 0..1
	// (A1111's denoising_strength; Stability's strength).
	Strength float64
	// Expand is what OpOutpaint adds on each side, in pixels.
	Expand Insets
	// Scale is OpUpscale's factor (2 or 4).
	Scale int
	// Upscaler names the engine's upscaler when it has several (Stability:
	// fast, conservative, creative); "" is the engine's default.
	Upscaler string
	// Service names one of the engine's own edit services (OpSupport.Services);
	// Search is what search-and-replace looks for.
	Service string
	Search  string
	// Fidelity is OpenAI's input_fidelity ("high" or "low"; "" for the default).
	Fidelity string
	// Seed, Steps, CFGScale, Sampler, Model and N are as in RenderRequest.
	Seed     int64
	Steps    int
	CFGScale float64
	Sampler  string
	Model    string
	N        int
	// Progress, if set, is called with the fraction done (0..1).
	Progress func(fraction float64)
}

// Editor is an Engine that takes pictures in. Ops lists what it can do
// (as data, no I/O); Edit does req.Op and answers like Render, with
// len(Images) == N, or an *Error.
type Editor interface {
	Engine
	Ops() []OpSupport
	Edit(ctx context.Context, req *EditRequest) (*RenderResult, error)
}

// FindOp returns the engine's support for op with model ("" for any), or
// false when it has none.
func FindOp(ops []OpSupport, op Op, model string) (OpSupport, bool) {
	for _, s := range ops {
		if s.Op != op {
			continue
		}
		if model == "" || len(s.Models) == 0 {
			return s, true
		}
		for _, m := range s.Models {
			if m == model {
				return s, true
			}
		}
	}
	return OpSupport{}, false
}

// CheckEdit refuses, before any call, a request that s cannot do: too many
// pictures, a picture too large or too small, a mask where none is taken,
// a scale not offered. The message names the limit.
func CheckEdit(engine string, s OpSupport, req *EditRequest) error {
	pics := append([]Picture{req.Image}, req.Refs...)
	if s.MaxImages > 0 && len(pics) > s.MaxImages {
		return Errorf(EINVALID, "%s takes at most %d pictures for %s; %d were given", engine, s.MaxImages, s.Op, len(pics))
	}
	if req.Mask != nil && !s.Mask && s.Op != OpOutpaint {
		return Errorf(EINVALID, "%s does not take a mask for %s: leave out --mask, or choose an engine that inpaints", engine, s.Op)
	}
	for i, p := range pics {
		if p.Image == nil {
			return Errorf(EINVALID, "picture %d is empty", i+1)
		}
		b := p.Image.Bounds()
		w, h := b.Dx(), b.Dy()
		if s.MaxPixels > 0 && w*h > s.MaxPixels {
			return Errorf(EINVALID, "%s takes pictures up to %d pixels for %s; this one is %dx%d: make it smaller first", engine, s.MaxPixels, s.Op, w, h)
		}
		if s.MaxSide > 0 && (w > s.MaxSide || h > s.MaxSide) {
			return Errorf(EINVALID, "%s takes pictures up to %d pixels a side for %s; this one is %dx%d: make it smaller first", engine, s.MaxSide, s.Op, w, h)
		}
		if s.MinSide > 0 && (w < s.MinSide || h < s.MinSide) {
			return Errorf(EINVALID, "%s takes pictures of at least %d pixels a side for %s; this one is %dx%d: upscale it first", engine, s.MinSide, s.Op, w, h)
		}
		if s.MaxBytes > 0 && int64(len(p.PNG)) > s.MaxBytes {
			return Errorf(EINVALID, "%s takes pictures up to %d MB for %s; this one is %.1f MB as PNG: make it smaller first", engine, s.MaxBytes>>20, s.Op, float64(len(p.PNG))/(1<<20))
		}
	}
	if req.Mask != nil {
		mb, ib := req.Mask.Bounds(), req.Image.Image.Bounds()
		if mb.Dx() != ib.Dx() || mb.Dy() != ib.Dy() {
			return Errorf(EINVALID, "the mask is %dx%d but the picture is %dx%d: a mask must be the picture's size", mb.Dx(), mb.Dy(), ib.Dx(), ib.Dy())
		}
	}
	if s.Op == OpUpscale && len(s.Scales) > 0 && req.Upscaler == "" {
		ok := false
		var names []string
		for _, sc := range s.Scales {
			ok = ok || sc == req.Scale
			names = append(names, fmt.Sprint(sc))
		}
		if !ok {
			return Errorf(EINVALID, "%s upscales by %s, not %d", engine, strings.Join(names, " or "), req.Scale)
		}
	}
	if req.Service != "" && !slices.Contains(s.Services, req.Service) {
		if len(s.Services) == 0 {
			return Errorf(EINVALID, "%s has no edit services; --service %s is Stability's", engine, req.Service)
		}
		return Errorf(EINVALID, "%s has no service %q for %s: it has %s", engine, req.Service, s.Op, strings.Join(s.Services, ", "))
	}
	if req.Strength < 0 || req.Strength > 1 {
		return Errorf(EINVALID, "strength %g is out of range: give 0 (keep the picture) to 1 (follow the words only)", req.Strength)
	}
	return nil
}

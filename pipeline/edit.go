package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"strconv"
	"strings"
	"time"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/engine/canvas"
	"github.com/easel-art/easel/pngmeta"
	"github.com/easel-art/easel/scene"
)

// EditRequest is one `easel edit`, `easel outpaint` or `easel upscale`:
// a picture in, pictures out, each a child of the picture in the gallery.
type EditRequest struct {
	// Op is what to do; OpEdit with a Mask becomes OpInpaint.
	Op     easel.Op
	Engine easel.Engine
	Model  string
	// Picture is the picture to work on, decoded (DecodePicture); Parent
	// is its gallery record, whose ID the results name as their parent
	// (ImportPicture stores a picture that is not in the gallery yet).
	Picture easel.Picture
	Parent  *easel.Artwork
	// Refs are further reference pictures, for engines that take them.
	Refs []easel.Picture
	// Mask marks where to repaint (MaskOf), or nil.
	Mask *image.Alpha
	// Words are the person's words: what to change, or what lies beyond
	// the edges. Empty keeps the parent's prompt.
	Words    string
	Style    string
	Negative string
	// Strength is how far from the picture, 0..1.
	Strength float64
	Expand   easel.Insets
	Scale    int
	Upscaler string
	// Service and Search pick one of the engine's own edit services.
	Service  string
	Search   string
	Fidelity string
	Seed     int64
	N        int
	Steps    int
	CFGScale float64
	Sampler  string

	OnArtwork func(a *easel.Artwork)
	Progress  func(fraction float64)
	OnNote    func(note string)
}

// zoomOutPrompt is sent for an outpaint of a picture without a prompt.
const zoomOutPrompt = "the same scene continued beyond its edges, in the same style, light and colours"

// opMethod is the Artwork.Method of each operation.
var opMethod = map[easel.Op]string{
	easel.OpEdit: easel.MethodEdit, easel.OpInpaint: easel.MethodInpaint,
	easel.OpOutpaint: easel.MethodOutpaint, easel.OpUpscale: easel.MethodUpscale,
}

// CheckEditable refuses, before anything is stored or paid, a request
// the engine cannot do: an operation it does not have, too many pictures,
// a picture or mask outside its limits, a scale it does not offer.
func CheckEditable(r EditRequest) error {
	_, _, err := plan(r)
	return err
}

// plan normalises r and returns the engine request (without its words)
// and the editor to send it to, or why it cannot be done.
func plan(r EditRequest) (*easel.EditRequest, easel.Editor, error) {
	if r.Engine == nil {
		return nil, nil, easel.Errorf(easel.EINVALID, "no engine: pass --engine builtin")
	}
	if r.Picture.Image == nil {
		return nil, nil, easel.Errorf(easel.EINVALID, "no picture given")
	}
	if _, ok := opMethod[r.Op]; !ok {
		return nil, nil, easel.Errorf(easel.EINVALID, "unknown operation %q", r.Op)
	}
	if r.N < 1 || r.N > 10 {
		return nil, nil, easel.Errorf(easel.EINVALID, "-n %d is out of range: make 1 to 10 pictures at a time", r.N)
	}
	if r.Words != "" {
		if err := easel.ValidateIdeaText(r.Words); err != nil {
			return nil, nil, err
		}
	}
	name := r.Engine.Name()
	ed, _ := r.Engine.(easel.Editor)
	op := r.Op
	if op == easel.OpEdit && r.Mask != nil {
		op = easel.OpInpaint
	}
	var support easel.OpSupport
	ok := false
	if ed != nil {
		support, ok = easel.FindOp(ed.Ops(), op, r.Model)
		if !ok && op == easel.OpOutpaint {
			// Outpaint as an inpaint of the new border.
			if support, ok = easel.FindOp(ed.Ops(), easel.OpInpaint, r.Model); ok {
				op = easel.OpInpaint
			}
		}
	}
	if !ok {
		model := ""
		if r.Model != "" {
			model = " with model " + r.Model
		}
		return nil, nil, easel.Errorf(easel.EINVALID, "%s%s cannot %s pictures: use --engine builtin (offline), or see easel engines --json for each engine's operations", name, model, opVerb(r.Op, r.Mask != nil))
	}
	req := &easel.EditRequest{
		Op: op, Image: r.Picture, Refs: r.Refs, Mask: r.Mask, Negative: r.Negative, Style: r.Style,
		Strength: r.Strength, Expand: r.Expand, Scale: r.Scale, Upscaler: r.Upscaler, Service: r.Service, Search: r.Search, Fidelity: r.Fidelity,
		Seed: r.Seed, Steps: r.Steps, CFGScale: r.CFGScale, Sampler: r.Sampler, Model: r.Model,
		Progress: r.Progress,
	}
	if r.Op == easel.OpOutpaint && op == easel.OpInpaint {
		if r.Expand.Zero() {
			return nil, nil, easel.Errorf(easel.EINVALID, "outpaint needs --aspect or --expand: say how far to extend the picture")
		}
		req.Image, req.Mask = enlarged(r.Picture, r.Expand)
		req.Expand = easel.Insets{}
		if req.Strength == 0 {
			req.Strength = 1
		}
	}
	if err := easel.CheckEdit(name, support, req); err != nil {
		return nil, nil, err
	}
	return req, ed, nil
}

func opVerb(op easel.Op, mask bool) string {
	if op == easel.OpEdit && mask {
		return "inpaint"
	}
	return string(op)
}

// Edit does r.Op on r.Picture and saves each result as a child of
// r.Parent, with what was asked (operation, strength, mask, insets, scale)
// in its record and in the PNG's A1111 parameters. An engine that cannot
// do the operation is refused before any call; an engine that inpaints
// but has no outpaint of its own outpaints by inpainting the new border of
// an enlarged picture. Engine calls go through p.Call, as renders do.
func (p *Pipeline) Edit(ctx context.Context, r EditRequest) ([]*easel.Artwork, error) {
	r.N = max(r.N, 1)
	if r.Op == easel.OpEdit && r.Mask != nil {
		r.Op = easel.OpInpaint
	}
	if r.Op == easel.OpUpscale && r.Scale == 0 {
		r.Scale = 2
	}
	req, ed, err := plan(r)
	if err != nil {
		return nil, err
	}
	if r.Parent == nil {
		return nil, easel.Errorf(easel.EINVALID, "the picture is not in the gallery")
	}
	// The Scene and prompt: the words, or the parent's.
	req.Scene, req.Prompt = r.Parent.Scene, r.Words
	if req.Style == "" {
		req.Style = r.Parent.Style
	}
	if r.Words != "" {
		// The words' own Scene, as parsed: an edit changes what the words
		// say, not the time, weather or mood a writer would add to them.
		sc := scene.Parse(r.Words)
		if r.Style != "" {
			sc.Style = r.Style
		}
		req.Scene = sc
		if r.Style == "" && sc.Style != "" {
			req.Style = sc.Style
		}
	} else {
		req.Prompt = r.Parent.Prompt
	}
	if req.Prompt == "" && r.Op == easel.OpOutpaint {
		// A zoom out needs no words; engines that take a prompt get this.
		req.Prompt = zoomOutPrompt
	}
	per := r.N
	if m := r.Engine.Capabilities().MaxN; m > 0 && per > m {
		per = m
	}
	var out []*easel.Artwork
	for done := 0; done < r.N; done += per {
		req.N = min(per, r.N-done)
		req.Seed = r.Seed + int64(done)
		arts, err := p.editCall(ctx, ed, r, req)
		out = append(out, arts...)
		if err != nil {
			return out, err
		}
	}
	return out, nil
}

// editing is an edit dressed as a render, so it goes through the same
// Call (the engine's limiter, the retry policy, the deadline) as renders.
type editing struct {
	easel.Editor
	req *easel.EditRequest
}

func (e editing) Render(ctx context.Context, _ *easel.RenderRequest) (*easel.RenderResult, error) {
	return e.Editor.Edit(ctx, e.req)
}

func (p *Pipeline) editCall(ctx context.Context, ed easel.Editor, r EditRequest, req *easel.EditRequest) ([]*easel.Artwork, error) {
	now := time.Now
	if p.Now != nil {
		now = p.Now
	}
	start := now()
	b := req.Image.Image.Bounds()
	rr := &easel.RenderRequest{Prompt: req.Prompt, Seed: req.Seed, Width: b.Dx(), Height: b.Dy(), Model: req.Model, N: req.N}
	var res *easel.RenderResult
	var err error
	if p.Call != nil {
		res, err = p.Call(ctx, editing{ed, req}, rr)
	} else {
		res, err = ed.Edit(ctx, req)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", ed.Name(), err)
	}
	if len(res.Images) != req.N {
		return nil, easel.Errorf(easel.EUNAVAILABLE, "%s returned %d images for %d asked", ed.Name(), len(res.Images), req.N)
	}
	elapsed := now().Sub(start).Milliseconds()
	if r.OnNote != nil {
		for _, n := range res.Notes {
			r.OnNote(n)
		}
	}
	var out []*easel.Artwork
	for _, img := range res.Images {
		w, h := res.Width, res.Height
		if w == 0 || h == 0 {
			cfg, err := png.DecodeConfig(bytes.NewReader(img.PNG))
			if err != nil {
				return out, easel.Errorf(easel.EUNAVAILABLE, "%s returned a picture that is not a PNG: %v", ed.Name(), err)
			}
			w, h = cfg.Width, cfg.Height
		}
		a := r.childOf(req, res, img, w, h, elapsed)
		params, extra := editParams(a, r, req)
		if a.EngineInfo == "" {
			a.EngineInfo = extra
		}
		data, err := withParams(img.PNG, a, params)
		if err != nil {
			return out, err
		}
		if err := p.Gallery.Add(ctx, a, data); err != nil {
			return out, err
		}
		if p.Log != nil {
			p.Log.Info("saved artwork", easel.LogKeyArtworkID, a.ID, easel.LogKeyEngine, a.Engine, easel.LogKeyElapsed, elapsed)
		}
		if r.OnArtwork != nil {
			r.OnArtwork(a)
		}
		out = append(out, a)
	}
	return out, nil
}

// childOf is the gallery record of one result: the parent's idea and
// prompt unless new words were given, the settings actually used.
func (r EditRequest) childOf(req *easel.EditRequest, res *easel.RenderResult, img easel.RenderedImage, w, h int, elapsed int64) *easel.Artwork {
	par := r.Parent
	a := &easel.Artwork{
		Idea: par.Idea, Template: par.Template, Prompt: req.Prompt, NegativePrompt: req.Negative,
		Dialect: par.Dialect, Style: req.Style, Writer: par.Writer,
		Engine: r.Engine.Name(), Model: res.Model, Seed: img.Seed, Width: w, Height: h,
		Steps: res.Steps, CFGScale: res.CFGScale, Sampler: res.Sampler,
		RevisedPrompt: img.RevisedPrompt, EngineInfo: img.Info, Scene: req.Scene,
		ParentID: par.ID, Method: opMethod[r.Op],
		CostUSD: res.CostUSD / float64(len(res.Images)), ElapsedMS: elapsed,
	}
	if r.Words != "" {
		a.Idea, a.Template, a.Dialect, a.Writer = r.Words, "", r.Engine.Capabilities().Dialect, ""
	}
	if r.Op == easel.OpUpscale {
		// An upscale is the same picture, larger: it keeps what made it.
		if req.Negative == "" {
			a.NegativePrompt = par.NegativePrompt
		}
		a.Seed, a.Steps, a.CFGScale, a.Sampler = par.Seed, par.Steps, par.CFGScale, par.Sampler
	}
	return a
}

// editParams are the A1111 parameters of an edit, in A1111's own words
// where it has them (img2img's "Denoising strength" and "Mask blur",
// extras' "Postprocess upscale by"), and the edit's own keys alone as one
// line, which the gallery keeps as the artwork's engine info when the
// engine gave none.
func editParams(a *easel.Artwork, r EditRequest, req *easel.EditRequest) (pngmeta.Params, string) {
	var ex pngmeta.Params
	switch {
	case r.Service != "":
	case r.Op == easel.OpEdit, r.Op == easel.OpInpaint:
		ex.Set("Denoising strength", strconv.FormatFloat(req.Strength, 'f', -1, 64))
	}
	if r.Mask != nil {
		ex.Set("Mask blur", "4")
		ex.Set("Mask area", fmt.Sprintf("%.1f%%", maskCover(r.Mask)*100))
	}
	if r.Op == easel.OpOutpaint {
		ex.Set("Outpaint", r.Expand.String())
	}
	if r.Op == easel.OpUpscale {
		ex.Set("Postprocess upscale by", strconv.Itoa(r.Scale))
		ex.Set("Postprocess upscaler", upscalerName(r.Engine.Name()))
	}
	if r.Service != "" {
		ex.Set("Edit service", r.Service)
	}
	if r.Search != "" {
		ex.Set("Search", r.Search)
	}
	if r.Parent.SHA256 != "" {
		ex.Set("Init image hash", r.Parent.SHA256)
	}
	ps := Infotext(a)
	var line []string
	for _, kv := range ex {
		ps.Set(kv.Key, kv.Value)
		line = append(line, kv.Key+": "+kv.Value)
	}
	return ps, strings.Join(line, ", ")
}

func upscalerName(engine string) string {
	if engine == "builtin" {
		return "Catmull-Rom"
	}
	return engine
}

// maskCover is the fraction of the picture the mask repaints.
func maskCover(m *image.Alpha) float64 {
	var s float64
	for _, v := range m.Pix {
		s += float64(v)
	}
	return s / 255 / float64(max(len(m.Pix), 1))
}

// withParams returns png with these A1111 parameters and easel's own JSON.
func withParams(data []byte, a *easel.Artwork, ps pngmeta.Params) ([]byte, error) {
	js, err := json.Marshal(MetadataOf(a))
	if err != nil {
		return nil, fmt.Errorf("png metadata: %w", err)
	}
	out, err := pngmeta.Write(data, a.Prompt, a.NegativePrompt, ps, js)
	if err != nil {
		return nil, fmt.Errorf("png metadata: %w", err)
	}
	return out, nil
}

// enlarged is the picture grown by in, its border filled by the built-in
// outpaint so the engine starts from continued colour, and the mask that
// marks the border for repainting.
func enlarged(p easel.Picture, in easel.Insets) (easel.Picture, *image.Alpha) {
	big := canvas.Outpaint(p.Image, in)
	b := p.Image.Bounds()
	mask := image.NewAlpha(big.Rect)
	for i := range mask.Pix {
		mask.Pix[i] = 255
	}
	for y := in.Top; y < in.Top+b.Dy(); y++ {
		row := mask.Pix[y*mask.Stride:]
		for x := in.Left; x < in.Left+b.Dx(); x++ {
			row[x] = 0
		}
	}
	var buf bytes.Buffer
	_ = (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, big)
	return easel.Picture{Image: big, PNG: buf.Bytes(), Name: p.Name}, mask
}

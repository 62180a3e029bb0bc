package verb

import (
	"context"
	"fmt"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/lineage"
	"github.com/easel-art/easel/pipeline"
	"github.com/easel-art/easel/prompt/styles"
)

// inherited is what a verb on a picture (vary, refine) takes from it.
type inherited struct {
	ref   *lineage.Ref
	art   *easel.Artwork
	notes *notes
	eng   easel.Engine
	model string
	// same is true on the picture's own engine: its model, dialect,
	// steps, CFG scale and sampler carry over.
	same bool
	// dialect is what the engine is told ("" for its own); writeDialect
	// is the one the prompt is written in.
	dialect, writeDialect easel.Dialect
	styleName             string
	style                 *styles.Style
}

// inherit resolves the picture (parent, else ref) and opens its engine
// (engineSpec, else the picture's own; see refEngine), taking the
// picture's model, dialect and style where they carry over. A style that
// is not available is a note: "the variations are written without it",
// with writes naming what is written. size, the size asked for (zero for
// the picture's), is checked first.
func (c *Core) inherit(ctx context.Context, parent *easel.Artwork, ref, engineSpec string, d easel.Dialect, size easel.Size, onNote func(string), writes string) (*inherited, error) {
	if size != (easel.Size{}) {
		if err := size.Validate(); err != nil {
			return nil, err
		}
	}
	r, err := resolve(ctx, c, parent, ref)
	if err != nil {
		return nil, err
	}
	in := &inherited{ref: r, art: r.Art, notes: &notes{hook: onNote}}
	spec, note := c.refEngine(engineSpec, r)
	in.notes.add(note)
	if in.eng, in.model, err = c.Engine(spec); err != nil {
		return nil, err
	}
	in.same = in.art.Engine == in.eng.Name()
	if in.model == "" && in.same {
		in.model = in.art.Model
	}
	if d == "" && in.same {
		d = in.art.Dialect
	}
	in.dialect, in.writeDialect = d, d
	if in.writeDialect == "" {
		in.writeDialect = in.eng.Capabilities().Dialect
	}
	in.styleName = in.art.Style
	if in.style, err = c.style(in.styleName); err != nil {
		in.notes.add(fmt.Sprintf("the picture's style %q is not available (%s): %s without it", in.styleName, easel.ErrorMessage(err), writes))
		in.styleName, in.style = "", nil
	}
	return in, nil
}

// settings carries the picture's steps, CFG scale and sampler into req on
// its own engine.
func (in *inherited) settings(req *pipeline.Request) {
	if in.same {
		req.Steps, req.CFGScale, req.Sampler = in.art.Steps, in.art.CFGScale, in.art.Sampler
	}
}

// runChild renders req as children of the picture ref names and saves
// them in res: a PNG from elsewhere is imported into the gallery first,
// so they can name it as their parent, and removed again when nothing was
// made from it. The notes held in nt are released once the work is under
// way; h is told what happens.
func (c *Core) runChild(ctx context.Context, ref *lineage.Ref, nt *notes, h Hooks, p *pipeline.Pipeline, req pipeline.Request, res *Result) (*Result, error) {
	imported := false
	if ref.Kind == lineage.RefPNG && !ref.InGallery() {
		if err := lineage.Import(ctx, c.Gallery, ref); err != nil {
			return nil, err
		}
		imported = true
		res.Parent = ref.Art
	}
	req.ParentID = ref.Art.ID
	req.OnPrompt, req.Progress = h.OnPrompt, h.Progress
	req.OnNote = func(s string) { nt.release(); nt.add(s) }
	req.OnArtwork = func(a *easel.Artwork) {
		nt.release()
		if h.OnArtwork != nil {
			h.OnArtwork(a)
		}
	}
	var err error
	res.Artworks, err = p.Run(ctx, req)
	res.Notes = nt.all
	if err != nil {
		if imported && len(res.Artworks) == 0 {
			// Nothing was made from the import: leave the gallery as it was.
			c.Gallery.Delete(context.WithoutCancel(ctx), ref.Art.ID)
			res.Parent = nil
		}
		return res, nt.failed(err)
	}
	return res, nil
}

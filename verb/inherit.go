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

package verb

import (
	"cmp"
	"context"
	"math/rand/v2"
	"os"
	"strings"

	"github.com/easel-art/easel"
	"github.com/easel-art/easel/describe"
	"github.com/easel-art/easel/imageio"
	"github.com/easel-art/easel/lineage"
	"github.com/easel-art/easel/pipeline"
	"github.com/easel-art/easel/prompt/builtin"
)

// DescribeRequest asks for prompts that could make a picture.
type DescribeRequest struct {
	// Image names the picture: a PNG, JPEG or WebP file, or a gallery id
	// (or a unique prefix). Ignored when Data is set.
	Image string
	// Data is the picture itself (the server's upload).
	Data []byte
	// N is how many prompts (0: 4; at most describe.MaxPrompts).
	N int
	// Dialect is the dialect the prompts are written in ("": the
	// picture's own for an easel picture, else natural).
	Dialect easel.Dialect
	// Imagine, when 1..N, renders that prompt and saves it as a child of
	// the picture (method describe) when the picture is in the gallery.
	Imagine int
	// Engine is the NAME[:MODEL] spec Imagine renders on ("": builtin).
	Engine string
	// Size is the Imagine picture's size (zero: the described picture's).
	Size easel.Size
	// Seed is the Imagine seed (negative: random).
	Seed int64
	// LLM is a vision model spec (NAME[:MODEL]) to describe with instead
	// of the metadata and the offline analysis ("" or "builtin": those).
	LLM string
	// OnDescribed, if set, is told the prompts once they are written,
	// before any picture is rendered.
	OnDescribed func(*Result)
	Hooks
}

// Describe reads the picture and writes its prompts (Result.Described and,
// rendered in the dialect, Result.Variations), then renders one when asked.
func Describe(ctx context.Context, c *Core, r DescribeRequest) (*Result, error) {
	n := r.N
	if n == 0 {
		n = 4
	}
	if n < 1 || n > describe.MaxPrompts {
		return nil, easel.Errorf(easel.EINVALID, "%d prompts is out of range: ask for 1 to %d", n, describe.MaxPrompts)
	}
	if r.Imagine < 0 || r.Imagine > n {
		return nil, easel.Errorf(easel.EINVALID, "prompt %d is not one of the %d prompts: choose 1 to %d", r.Imagine, n, n)
	}
	if r.Size != (easel.Size{}) {
		if err := r.Size.Validate(); err != nil {
			return nil, err
		}
	}
	data, parent := r.Data, (*easel.Artwork)(nil)
	if data == nil {
		var err error
		if data, parent, err = c.readPicture(ctx, r.Image); err != nil {
			return nil, err
		}
	} else if c.Gallery != nil {
		parent, _ = lineage.FindFile(ctx, c.Gallery, data)
	}
	var got *describe.Result
	var err error
	if spec := strings.TrimSpace(r.LLM); spec != "" && spec != builtin.Name {
		got, err = c.vision(ctx, spec, data, n)
	} else {
		got, err = describe.Picture(ctx, data, n)
	}
	if err != nil {
		return nil, err
	}
	d := r.Dialect
	if d == "" {
		d = easel.DialectNatural
		if got.Art != nil && got.Art.Dialect != "" {
			d = got.Art.Dialect
		}
	}
	size := r.Size
	if size == (easel.Size{}) {
		size, _ = lineage.FitSize(got.Width, got.Height)
	}
	verbatim := map[*easel.Prompt]pipeline.Rendered{}
	for _, p := range got.Prompts {
		if p.Verbatim {
			verbatim[p.Prompt] = pipeline.Rendered{Text: p.Prompt.Text, Negative: strings.Join(p.Prompt.Negative, ", ")}
		}
	}
	stage := DialectStage(nil, verbatim)
	res := &Result{Described: got, Parent: parent, Size: size}
	for _, p := range got.Prompts {
		rend, err := stage(p.Prompt, d, size, "")
		if err != nil {
			return nil, err
		}
		res.Variations = append(res.Variations, Variation{Prompt: p.Prompt, Dialect: d, Rendered: rend})
	}
	if got.Note != "" {
		res.Notes = append(res.Notes, got.Note)
	}
	if r.OnDescribed != nil {
		r.OnDescribed(res)
	}
	if r.Imagine == 0 {
		return res, nil
	}
	eng, model, err := c.Engine(cmp.Or(r.Engine, "builtin"))
	if err != nil {
		return nil, err
	}
	seed := r.Seed
	if seed < 0 {
		seed = rand.Int64N(1 << 32)
	}
	res.Seed = seed
	chosen := got.Prompts[r.Imagine-1].Prompt
	idea := strings.TrimSpace(chosen.Idea)
	if idea == "" || easel.ValidateIdeaText(idea) != nil {
		idea = truncateRunes(chosen.Text, easel.MaxIdeaLen)
	}
	parentID := ""
	if parent != nil {
		parentID = parent.ID
	}
	res.Artworks, err = c.Pipeline(builtin.New(), stage).Run(ctx, pipeline.Request{
		Idea: easel.Idea{Text: idea}, Engine: eng, Model: model, Size: size, Seed: seed, Images: 1,
		Dialect: d, ParentID: parentID, Method: easel.MethodDescribe, Prepared: []*easel.Prompt{chosen},
		OnPrompt: r.OnPrompt, OnArtwork: r.OnArtwork, OnNote: r.OnNote, Progress: r.Progress,
	})
	return res, err
}

// vision describes data with the vision model spec names: its prompts,
// sent as the model wrote them.
func (c *Core) vision(ctx context.Context, spec string, data []byte, n int) (*describe.Result, error) {
	if c.LLM == nil {
		return nil, easel.Errorf(easel.ECONFIG, "no vision model is available here: describe offline")
	}
	lm, err := c.LLM(spec)
	if err != nil {
		return nil, err
	}
	cfg, format, err := imageio.Config(data)
	if err != nil {
		return nil, err
	}
	ps, err := describe.Vision(ctx, lm, data, n)
	if err != nil {
		return nil, err
	}
	res := &describe.Result{Format: format, Width: cfg.Width, Height: cfg.Height}
	for _, p := range ps {
		res.Prompts = append(res.Prompts, describe.Described{Prompt: p, Source: describe.SourceVision, Verbatim: true})
	}
	return res, nil
}

// readPicture reads what a describe's IMAGE names: a file, or a gallery
// id whose picture is read from the gallery's image store. A file that is
// in the gallery is its artwork, so a picture rendered from its prompts
// names it as parent.
func (c *Core) readPicture(ctx context.Context, ref string) ([]byte, *easel.Artwork, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return nil, nil, easel.Errorf(easel.EINVALID, "no picture given: give a PNG, JPEG or WebP file or a gallery id")
	}
	if _, err := os.Stat(ref); err != nil && isHexID(ref) && c.Gallery != nil {
		art, err := c.Gallery.Get(ctx, strings.ToLower(ref))
		if err != nil {
			return nil, nil, err
		}
		data, err := easel.ReadImage(ctx, c.Gallery.Images(), art.SHA256)
		if err != nil {
			return nil, nil, err
		}
		return data, art, nil
	}
	data, err := imageio.ReadFile(ref, lineage.MaxPNG)
	if err != nil {
		return nil, nil, err
	}
	if c.Gallery != nil {
		if art, err := lineage.FindFile(ctx, c.Gallery, data); err == nil && art != nil {
			return data, art, nil
		}
	}
	return data, nil, nil
}

// isHexID reports whether s looks like a gallery id: 4 to 32 hex digits.
func isHexID(s string) bool {
	if len(s) < 4 || len(s) > 32 {
		return false
	}
	for _, r := range strings.ToLower(s) {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f') {
			return false
		}
	}
	return true
}

func truncateRunes(s string, n int) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) > n {
		r = r[:n]
	}
	return string(r)
}
